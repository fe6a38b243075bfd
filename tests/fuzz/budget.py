"""How hard the fuzz suite tries: bounded and repeatable in CI, open-ended on request.

In CI (and by default) every fuzz test runs a fixed number of derandomized examples, so a
run is bounded in time and a red CI run can be reproduced.  To hunt for new failures, run
``POLYBIB_FUZZ_EXAMPLES=20000 POLYBIB_FUZZ_RANDOM=1 python -m pytest tests/fuzz``.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("POLYBIB_FUZZ_EXAMPLES", "300"))
RANDOM = os.environ.get("POLYBIB_FUZZ_RANDOM") == "1"


def fuzz(scale: float = 1.0):
    """Hypothesis settings for one fuzz test; ``scale`` shrinks the budget of slow oracles."""
    return settings(max_examples=max(1, int(EXAMPLES * scale)), deadline=None, derandomize=not RANDOM,
                    database=None if not RANDOM else settings.default.database,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])
