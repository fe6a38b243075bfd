"""When to try a request again, and how long to wait first.

One failure does not make a link dead: servers shed load with 429/503, proxies time out
(408, 502, 504), connections drop.  Those are retried with exponential backoff (with
jitter, so a batch of workers does not retry in lock step).  A server's ``Retry-After``
wins over our backoff, up to a bound: a site that asks for an hour is not waited for, and
the link is reported as blocked with the server's request as evidence.
"""
from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime

#: 501 Not Implemented and 505 are answers, not hiccups.
_NOT_TRANSIENT_5XX = (501, 505)


def is_retryable_status(status: int) -> bool:
    return status in (408, 429) or (500 <= status < 600 and status not in _NOT_TRANSIENT_5XX)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Attempt 0 → about ``base``, then doubling up to ``cap``; jittered to 50–100 %."""
    delay = min(cap, base * (2 ** attempt))
    return delay * (0.5 + random.random() / 2)
