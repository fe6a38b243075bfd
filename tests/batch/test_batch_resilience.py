"""A batch survives a killed worker (nothing lost, nothing twice) and a rerun resumes:
partitions already written are skipped, and none is ever half-written."""
from __future__ import annotations

import json
import os
import random
import signal
import threading
import time

import pytest

from polybib.batch import Settings, run_batch
from polybib.cli import main

from .conftest import batch_records, text_reference

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def long_list(tmp_path):
    rng = random.Random(11)
    path = tmp_path / "long.txt"
    path.write_text("".join(text_reference(i, rng) + "\n" for i in range(2400)), encoding="utf-8")
    return path


def _imported(path, tmp_path, capsys) -> list[dict]:
    single = tmp_path / "single.json"
    main(["import", str(path), "--to", "csljson", "-o", str(single), "-q"])
    capsys.readouterr()
    return json.loads(single.read_text(encoding="utf-8"))


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(long_list, tmp_path, capsys):
    from distributed import Client, LocalCluster

    out = tmp_path / "out"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           host="127.0.0.1")
    client = Client(cluster)
    try:
        pids = client.run(os.getpid)
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["result"] = run_batch([str(long_list)], out, Settings(str(out)), client=client,
                                              partition_bytes=4096)
            except BaseException as exc:       # noqa: BLE001 - reported by the assertion below
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 60
        while not list((out / ".work").glob("*.keys.json")) and time.monotonic() < deadline:
            time.sleep(0.02)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)          # mid-run: the other partitions are still to do
        thread.join(120)
        assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
        assert victim not in client.run(os.getpid).values()   # the nanny started a new worker
    finally:
        client.close()
        cluster.close()
    expected = _imported(long_list, tmp_path, capsys)
    records = batch_records(out)
    assert len(outcome["result"].summary) and outcome["result"].partitions > 20
    assert len(records) == len(expected) == 2400
    assert records == expected                     # each record once, in order, with its key


def test_a_rerun_skips_written_partitions_and_redoes_the_missing_one(long_list, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["batch", str(long_list), "-o", str(out), "--workers", "2", "--partition-mb", "0.02"]
    assert main(args) == 0
    capsys.readouterr()
    first = batch_records(out)
    parts = sorted(out.glob("part-[0-9][0-9][0-9][0-9][0-9].jsonl"))
    assert len(parts) >= 4
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    # a run that stopped before part-00002 was written: its files gone, the manifest without it
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["done"].pop("part-00002")
    manifest["complete"] = False
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for path in out.glob("part-00002.*"):
        path.unlink()
    time.sleep(0.01)
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"{len(parts) - 1} already written" in err
    assert batch_records(out) == first
    rewritten = {p.name for p in out.glob("part-*") if stamps.get(p.name) != p.stat().st_mtime_ns}
    assert rewritten == {p.name for p in out.glob("part-00002.*")} != set()
    # nothing changed: nothing to do at all
    assert main(args) == 0
    assert f"{len(parts)} already written" in capsys.readouterr().err
    # an input changed: a new plan, every partition written afresh
    long_list.write_text(long_list.read_text(encoding="utf-8") + text_reference(9999, random.Random(1)) + "\n",
                         encoding="utf-8")
    assert main(args) == 0
    assert "0 already written" in capsys.readouterr().err
    assert len(batch_records(out)) == len(first) + 1


def test_an_interrupted_run_leaves_only_whole_partitions(long_list, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    command = [sys.executable, "-m", "polybib", "batch", str(long_list), "-o", str(out), "--workers", "2",
               "--partition-mb", "0.004", "-q"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["done"]) >= 2:
                break
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)         # the driver, the scheduler and every worker at once
    proc.wait(30)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not manifest["complete"] and len(manifest["done"]) < len(manifest["partitions"])
    for path in out.glob("part-*[0-9].jsonl"):   # whatever was written is whole: every line an item
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    done = {name for name in manifest["done"]}
    assert main(["batch", str(long_list), "-o", str(out), "--workers", "2", "--partition-mb", "0.004", "-q"]) == 0
    assert len(batch_records(out)) == 2400
    assert done
    # a killed writer's temporary file is never taken for a partition: each part file listed
    # by the manifest is whole (its temporary files, if any, are removed by a later run once
    # their process is gone: see polybib.fileio)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and all((out / f).exists() for e in manifest["done"].values() for f in e["files"])


def test_the_plan_is_the_same_in_another_process(mixed_inputs, tmp_path):
    """The plan's hash does not depend on the process (hash seeds order sets differently):
    a rerun in a new process with lint and check settings still finds its partitions."""
    import subprocess
    import sys

    out = tmp_path / "out"
    command = [sys.executable, "-m", "polybib", "batch", str(mixed_inputs["refs"].with_suffix(".bib")), "-o",
               str(out), "--workers", "1", "--partition-mb", "0.004", "--stages", "import,keys,lint,check",
               "--offline"]
    runs = [subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
            for seed in ("1", "2")]
    partitions = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["partitions"])
    assert runs[0].returncode == runs[1].returncode == 1, runs[0].stderr      # the broken entry
    assert f"; {partitions} already written" in runs[1].stderr
