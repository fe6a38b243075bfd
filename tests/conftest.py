"""Shared fixtures: where the shared test data lies, and small helpers for CLI tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the repository (as in CI), overridable with POLYBIB_SHARED.
SHARED = Path(os.environ.get("POLYBIB_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.fail(f"shared test data not found at {DATA}: set POLYBIB_SHARED")
    return DATA


@pytest.fixture
def run_cli(capsysbinary):
    """Run ``polybib ARGS`` in-process; returns (exit code, stdout bytes, stderr text)."""
    from polybib.cli import main

    def run(*args: str):
        code = main(list(args))
        out, err = capsysbinary.readouterr()
        return code, out, err.decode("utf-8", "replace")

    return run
