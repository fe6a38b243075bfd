"""Running a batch on Dask: the plan's partitions as a Dask bag, mapped by the stage
steps of :mod:`.stages` on a ``dask.distributed`` cluster — a ``LocalCluster`` of worker
processes on this machine, or the cluster whose scheduler ``--scheduler`` names.

Each task is idempotent (it writes its own files atomically and nothing else), so a task
whose worker dies is simply run again elsewhere by the scheduler: nothing is lost or
written twice.  The driver keeps the manifest, makes the keys unique across the run, and
adds up the counts for the summary.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import __version__, progress
from ..fileio import remove_stale_temp_files, write_atomic
from .manifest import Manifest
from .plan import DEFAULT_PARTITION_BYTES, Partition, expand_inputs, plan, plan_digest
from .stages import Settings, check_bucket, finish_partition, import_partition, remove_work

Say = Callable[[str], None]


@dataclass
class BatchResult:
    outdir: Path
    partitions: int
    records: int
    skipped: int                      # partitions a previous run had written
    summary: dict = field(default_factory=dict)
    dashboard: str = ""


def _silent(message: str) -> None:
    pass


def connect(scheduler: str | None, workers: int, say: Say):
    """A Client on ``scheduler``, or on a new LocalCluster of ``workers`` processes with
    one thread each (the stages are pure Python: threads would share one interpreter
    lock), its dashboard on 127.0.0.1 only."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler, timeout="30s")
        return client, None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address="127.0.0.1:0", host="127.0.0.1",
                           silence_logs=logging.CRITICAL)   # a failed task is reported once, by the CLI
    return Client(cluster), cluster


class WarmUp:
    """A worker plugin: load the parser (its rules and learned model) and the
    transliteration tables once when a worker starts, not inside the first task."""

    name = "polybib-warm-up"

    def setup(self, worker=None) -> None:
        from ..refparse import parse_reference
        parse_reference("Газуль С.М. Бизнес и облака // Сборник. — СПб., 2011. — С. 134-135.")


def _as_plugin(plugin_cls):
    from distributed.diagnostics.plugin import WorkerPlugin

    class Plugin(WorkerPlugin, plugin_cls):
        pass
    Plugin.__module__ = plugin_cls.__module__
    return Plugin


def _map(client, function, items: list, *args, description: str):
    """``function(item, *args)`` for each item, as a Dask bag of one item per partition
    computed on the cluster: yields the results as they finish, with a progress bar."""
    import dask.bag as db
    from distributed import as_completed

    if not items:
        return
    bag = db.from_sequence(items, npartitions=len(items)).map(function, *args)
    # no retries: a task fails again on the same input (an unreadable file is an input
    # error); a task whose worker died is rerun by the scheduler all the same
    finished = as_completed(client.compute(bag.to_delayed()))
    # only ``finished`` holds the futures: each result is released on the cluster once read
    with progress.task(description, total=len(items), unit="partitions"):
        for future in finished:
            results = future.result()
            del future
            for result in results:
                yield result
            progress.advance()


def run_batch(inputs: list[str], outdir: str | Path, settings: Settings, *,
              scheduler: str | None = None, workers: int = 2,
              partition_bytes: int = DEFAULT_PARTITION_BYTES, say: Say = _silent,
              client=None) -> BatchResult:
    """Run the stages over ``inputs`` into ``outdir``; see :mod:`polybib.batch`."""
    started = time.monotonic()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    settings.outdir = str(outdir.resolve())
    settings.work.mkdir(exist_ok=True)
    remove_stale_temp_files(outdir)
    remove_stale_temp_files(settings.work)
    files = expand_inputs(inputs)
    partitions = plan(files, partition_bytes)
    digest = plan_digest(partitions, {**settings.shaping(), "version": __version__})
    manifest = Manifest.resume(outdir, digest, [p.as_dict() for p in partitions],
                               {k: v for k, v in settings.shaping().items()})
    manifest.data["inputs"] = files
    manifest.save()
    todo = [p for p in partitions if not manifest.done(p.name)]
    say(f"{len(files)} input file(s), {len(partitions)} partition(s) of up to "
        f"{partition_bytes / 2**20:g} MB; {len(partitions) - len(todo)} already written")
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(scheduler, workers, say)
    dashboard = ""
    try:
        dashboard = client.dashboard_link or ""
        say(f"Dask dashboard: {dashboard}" if dashboard else f"Dask scheduler: {client.scheduler.address}")
        try:
            client.register_plugin(_as_plugin(WarmUp)(), name=WarmUp.name)
        except Exception:       # an old scheduler without worker plugins: tasks warm up instead
            pass
        _run(client, partitions, todo, manifest, settings, say)
        summary = _summary(partitions, manifest, client, started)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    write_atomic(outdir / "summary.json", (json.dumps(summary, ensure_ascii=False, indent=1) + "\n").encode())
    manifest.finish(summary)
    shutil.rmtree(settings.work, ignore_errors=True)     # every partition is written: nothing to resume
    return BatchResult(outdir, len(partitions), summary["records"], len(partitions) - len(todo), summary,
                       dashboard)


def _run(client, partitions: list[Partition], todo: list[Partition], manifest: Manifest,
         settings: Settings, say: Say) -> None:
    if not todo:
        return
    by_name = {p.name: p for p in partitions}
    # step 1: read every partition not written yet (and those whose keys file is gone,
    # since the keys of the run need every record's base key)
    work = settings.work
    waiting = {p.name for p in todo}
    lint = "lint" in settings.stages
    need = [p for p in partitions if p.name in waiting or not _keys_ready(work, p, lint)]
    for _ in _map(client, import_partition, need, settings, description="reading and parsing"):
        pass
    info: dict[str, dict] = {p.name: json.loads((work / f"{p.name}.keys.json").read_bytes())
                             for p in partitions}
    keys = _unique_keys(partitions, info) if "keys" in settings.stages else {}
    if "check" in settings.stages:
        buckets = sorted({b for p in todo for b in info[p.name].get("buckets", [])})
        names = [p.name for p in todo]
        say(f"checking links in {len(buckets)} host bucket(s)")
        list(_map(client, check_bucket, buckets, names, settings, description="checking links"))
    earlier = _earlier_duplicates(partitions, keys, info, waiting, work) if lint else {}
    for entry in _map(client, _finish, [(p, keys.get(p.name), earlier.get(p.name)) for p in todo], settings,
                      description="writing partitions"):
        manifest.mark(entry)
        remove_work(by_name[entry["name"]], settings)


def _keys_ready(work: Path, partition: Partition, lint: bool) -> bool:
    if lint and not (work / f"{partition.name}.dups.sig").exists():
        return False
    try:
        return json.loads((work / f"{partition.name}.keys.json").read_bytes())["digest"] == partition.digest()
    except (OSError, ValueError, KeyError):
        return False


def _finish(item, settings: Settings) -> dict:
    partition, keys, earlier = item
    return finish_partition(partition, keys, settings, earlier)


def _earlier_duplicates(partitions: list[Partition], keys: dict[str, list[str]], info: dict[str, dict],
                        waiting: set[str], work: Path) -> dict[str, dict]:
    """For each partition still to write, the works (by the duplicate rules' signatures)
    that an earlier partition lists first, with that first entry's key as lint reports it.

    The driver keeps one small digest per distinct signature, not the signatures: the
    partitions' signature files are read one at a time.
    """
    first: dict[bytes, int] = {}          # signature digest -> number of the partition it came first in
    keys_of_first: dict[bytes, str] = {}
    out: dict[str, dict] = {}
    for number, p in enumerate(partitions):
        rows = pickle.loads((work / f"{p.name}.dups.sig").read_bytes())
        ids = keys.get(p.name) or info[p.name]["ids"]
        for code, signature, at, bib_key in rows:
            digest = hashlib.blake2b(repr((code, signature)).encode("utf-8"), digest_size=12).digest()
            came = first.setdefault(digest, number)
            if came == number:
                keys_of_first.setdefault(digest, bib_key if bib_key is not None else ids[at])
            elif p.name in waiting:
                found = out.setdefault(p.name, {}).setdefault(code, {})
                if code == "D001":
                    found.setdefault(signature, keys_of_first[digest])
                else:
                    group, title = signature
                    found.setdefault(group, {}).setdefault(title, keys_of_first[digest])
    return out


def _unique_keys(partitions: list[Partition], info: dict[str, dict]) -> dict[str, list[str]]:
    """Every record's key, unique across the run exactly as ``import`` makes them unique
    across one library (:func:`polybib.keys.completed_keys`), by partition."""
    from ..keys import completed_keys, needs_key

    ids = [i for p in partitions for i in info[p.name]["ids"]]
    if not any(needs_key(i) for i in ids):
        return {p.name: info[p.name]["ids"] for p in partitions}
    final = completed_keys(ids, [b for p in partitions for b in info[p.name]["bases"]])
    out, at = {}, 0
    for p in partitions:
        n = len(info[p.name]["ids"])
        out[p.name], at = final[at:at + n], at + n
    return out


def _summary(partitions: list[Partition], manifest: Manifest, client, started: float) -> dict:
    totals: dict[str, Counter] = {}
    records = 0
    for p in partitions:
        entry = manifest.done(p.name) or {}
        records += entry.get("records", 0)
        for group, counts in (entry.get("counts") or {}).items():
            totals.setdefault(group, Counter()).update(counts)
    workers = {}
    try:
        workers = client.run(_worker_usage)
    except Exception:
        pass
    return {"records": records, "partitions": len(partitions),
            "wall_seconds": round(time.monotonic() - started, 3),
            **{group: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for group, c in totals.items()},
            "workers": workers, "driver": _worker_usage()}


def _worker_usage() -> dict:
    """A process's CPU seconds and peak memory since it started (run on each worker, and
    in the driver)."""
    import resource

    times = os.times()
    return {"cpu_seconds": round(times.user + times.system, 3),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
