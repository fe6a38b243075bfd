"""Shared fixtures: where the shared test data lies, small helpers for CLI tests, and the
markers of tests that need a program outside Python (see ``external_tools``)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import external_tools

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


def pytest_configure(config):
    for tool in external_tools.TOOLS.values():
        config.addinivalue_line("markers", f"{tool.marker}: the test {tool.what} (install: {tool.install})")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture runs: a marked test whose tool is missing is skipped with the
    install command, or fails in CI (CI=true), where everything must be installed."""
    for marker in external_tools.TOOLS:
        if item.get_closest_marker(marker) is None:
            continue
        absent = external_tools.missing(marker)
        if not absent:
            continue
        why = external_tools.reason(marker, absent)
        if external_tools.in_ci():
            pytest.fail(f"CI=true and a tool is missing: {why}", pytrace=False)
        pytest.skip(why)
