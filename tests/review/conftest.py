"""Fixtures of the review tests: a session in a temporary folder, and a live server on
127.0.0.1 (a real uvicorn, so the guards see real Host headers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from polybib.review.server import ReviewServer
from polybib.review.session import ReviewSession

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "refs" / "seed.txt"


@pytest.fixture
def state_path(tmp_path) -> Path:
    return tmp_path / "state" / "review.json"


@pytest.fixture
def seeded(state_path) -> ReviewSession:
    session = ReviewSession(state_path)
    session.add_text(SEED.read_text(encoding="utf-8"))
    return session


@pytest.fixture
def server(seeded):
    running = ReviewServer(seeded).start()
    yield running
    running.stop()
