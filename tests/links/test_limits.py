"""Per-host limits hold, and the scheduler keeps workers busy within them."""
from __future__ import annotations

import threading
import time

from polybib.links.limits import HostLimiter, Scheduler
from polybib.links.retry import backoff_delay, is_retryable_status, parse_retry_after


def drain(scheduler: Scheduler, limiter: HostLimiter, workers: int, work: float) -> list[str]:
    order: list[str] = []
    lock = threading.Lock()

    def worker():
        while (item := scheduler.next()) is not None:
            host, _ = item
            with lock:
                order.append(host)
            with limiter.slot(host):           # uses the slot the scheduler reserved
                time.sleep(work)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return order


def test_no_host_ever_exceeds_its_limit():
    limiter = HostLimiter(per_host=2)
    items = [(f"h{i % 3}", i) for i in range(60)]
    drain(Scheduler(limiter, items), limiter, workers=10, work=0.005)
    assert limiter.max_seen == {"h0": 2, "h1": 2, "h2": 2}


def test_a_busy_host_does_not_idle_the_others():
    limiter = HostLimiter(per_host=1)
    # 20 links to one host first, then one link to each of 8 other hosts
    items = [("big", i) for i in range(20)] + [(f"small{i}", i) for i in range(8)]
    start = time.monotonic()
    order = drain(Scheduler(limiter, items), limiter, workers=8, work=0.02)
    assert order.index("small7") < 9        # taken at once, not after the big host's queue
    assert time.monotonic() - start < 20 * 0.02 + 0.3


def test_host_delay_spaces_requests():
    limiter = HostLimiter(per_host=4, delay=0.05)
    starts: list[float] = []
    for _ in range(4):
        with limiter.slot("h"):
            starts.append(time.monotonic())
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= 0.045


def test_pause_holds_a_host_back():
    limiter = HostLimiter(per_host=1)
    limiter.pause("h", 0.1)
    start = time.monotonic()
    with limiter.slot("h"):
        pass
    assert time.monotonic() - start >= 0.09


def test_retry_rules():
    assert all(is_retryable_status(s) for s in (408, 429, 500, 502, 503, 504))
    assert not any(is_retryable_status(s) for s in (400, 403, 404, 410, 501, 505))
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    delays = [backoff_delay(a, 1.0, 5.0) for a in range(6)]
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and all(d <= 5.0 for d in delays)
