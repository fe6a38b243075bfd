"""``polybib batch`` as a command: an existing cluster by --scheduler, usage and input
errors as one line with exit code 2, and Dask left out of every other command."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from polybib.cli import main

from .conftest import batch_records

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_runs_on_an_existing_cluster_given_by_its_scheduler(mixed_inputs, tmp_path, capsys):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        code = main(["batch", str(mixed_inputs["plain"]), "-o", str(tmp_path / "out"),
                     "--scheduler", cluster.scheduler_address, "--partition-mb", "0.004"])
        err = capsys.readouterr().err
        assert len(cluster.scheduler.workers) == 2           # the cluster is still there: not ours to close
    assert code == 1 and "Dask" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["workers"]) == 2 and summary["records"] == len(batch_records(tmp_path / "out")) == 61


def test_an_unreadable_input_is_one_line_and_exit_2(tmp_path, capsys):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 400)
    assert main(["batch", str(binary), "-o", str(tmp_path / "out"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "not a text file" in line]
    assert len(errors) == 1 and errors[0].startswith(f"polybib: {binary}") and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["--stages", "import,spellcheck"], "unknown stage 'spellcheck'"),
    (["--workers", "0"], "--workers must be at least 1"),
    (["--partition-mb", "0"], "--partition-mb must be more than 0"),
])
def test_usage_errors(tmp_path, capsys, args, message):
    (tmp_path / "a.txt").write_text("Smith, J. (2020). A title. Journal, 1, 2-3.\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_glob_that_matches_nothing_is_an_input_error(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "none-*.txt"), "-o", str(tmp_path / "out")]) == 2
    assert "no file matches this pattern" in capsys.readouterr().err


def test_other_commands_do_not_import_dask():
    code = ("import sys; from polybib.cli import main\n"
            "try:\n    main(['lint', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
