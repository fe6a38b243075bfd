"""What a worker does with one partition (or one bucket of links): the stage functions
``polybib import``, ``translit``, ``lint``, ``check`` and ``render`` call, run on the
partition's records, and the partition's files written atomically.

Three steps, because two stages need the whole run's data, not one partition's:

1. :func:`import_partition` reads the slices (the format's reader, as ``import`` and
   ``convert`` read), computes each record's base citation key (:func:`keys.citation_key`)
   and sorts its links into buckets by host; the records wait in a pickle under
   ``OUTDIR/.work/``.
2. The driver makes the keys unique across the run (:func:`keys.completed_keys`, what
   ``import`` does for one library), then :func:`check_bucket` checks each bucket's links:
   a host falls in exactly one bucket, so one worker at a time talks to it, within its
   per-host limit (:mod:`polybib.links` as ``polybib check`` runs it, with its address
   policy and cache).
3. :func:`finish_partition` gives the records their keys and link results, romanizes,
   lints and renders, and writes the partition's files.

Nothing here decides anything about a record: that is the stage functions' job.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import write_atomic
from ..model import Library
from .plan import Partition

STAGES = ("import", "keys", "translit", "lint", "check", "render")
DEFAULT_STAGES = ("import", "keys")


@dataclass
class Settings:
    """What every task needs to know besides its partition (picklable, sent to workers)."""

    outdir: str
    stages: tuple[str, ...] = DEFAULT_STAGES
    scheme: str = "bgn-pcgn"
    styles: tuple[str, ...] = ("gost-r-7-0-5-2008-numeric",)
    locale: str | None = None
    buckets: int = 16
    check_options: object = None          # links.CheckOptions
    lint_settings: object = None          # lint.LintSettings
    extra: dict = field(default_factory=dict)

    @property
    def work(self) -> Path:
        return Path(self.outdir) / ".work"

    def shaping(self) -> dict:
        """The settings that change what is written (part of the plan's hash), as JSON
        data that is the same in every process (sets sorted: no hash-seed order)."""
        return _canonical({"stages": self.stages, "scheme": self.scheme, "styles": self.styles,
                           "locale": self.locale, "buckets": self.buckets,
                           "check": self.check_options if "check" in self.stages else None,
                           "lint": self.lint_settings if "lint" in self.stages else None})


def _canonical(value):
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return f"{type(value).__module__}.{type(value).__qualname__}"     # a callable (a resolver hook)


def _dump(path: Path, value) -> None:
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _load(path: Path):
    with open(path, "rb") as handle:
        return pickle.load(handle)


def host_bucket(host: str, buckets: int) -> int:
    """The bucket of a ``host:port``: the same on every machine (not Python's salted hash)."""
    return int.from_bytes(hashlib.blake2b(host.encode("utf-8"), digest_size=4).digest(), "big") % buckets


# ------------------------------------------------------------------------------ step 1

def _collecting(task):
    """A task that runs a full garbage collection when done.  The stage functions pause the
    collector (:mod:`polybib.gcpause`) and move what they made to the oldest generation,
    which only full collections visit: in a worker that runs partition after partition,
    the cycles of finished partitions (a .bib entry and its record point at each other)
    would pile up between those rare passes (a worker grew to 1 GB on 2 MB partitions)."""
    import functools
    import gc

    @functools.wraps(task)
    def run(*args, **kwargs):
        try:
            return task(*args, **kwargs)
        finally:
            gc.collect()
    return run


@_collecting
def import_partition(partition: Partition, settings: Settings) -> dict:
    """Read a partition, make its base keys and link buckets; keep the records for step 3.

    Returns (and keeps in ``.work/NAME.keys.json``) the records' ids as read and their
    base keys, which is all the driver needs to make keys unique across the run.
    """
    from ..gcpause import gc_paused
    from .read import read_slice

    work = settings.work
    keys_path = work / f"{partition.name}.keys.json"
    digest = partition.digest()
    done = _read_json(keys_path)
    if (done and done.get("digest") == digest and (work / f"{partition.name}.records.pickle").exists()
            and ("lint" not in settings.stages or (work / f"{partition.name}.dups.sig").exists())):
        return {"name": partition.name, "records": len(done["ids"])}      # a rerun: read already
    with gc_paused():
        pieces = [(piece.path, read_slice(piece)) for piece in partition.slices]
        library = Library()
        for _path, part in pieces:
            library.extend(part)
        ids = [ref.id for ref in library]
        bases = []
        if "keys" in settings.stages:
            from ..keys import citation_key
            bases = [citation_key(ref) for ref in library]
        buckets = _link_buckets(library, settings) if "check" in settings.stages else {}
        if "lint" in settings.stages:
            # kept beside the keys file (not a .pickle: remove_work leaves it for reruns)
            _dump(work / f"{partition.name}.dups.sig", _duplicate_signatures(pieces, library))
        for bucket, content in buckets.items():
            _dump(work / f"{partition.name}.links-{bucket:03d}.pickle", content)
        _dump(work / f"{partition.name}.records.pickle", pieces)
    result = {"digest": digest, "ids": ids, "bases": bases, "buckets": sorted(buckets)}
    write_atomic(keys_path, json.dumps(result, ensure_ascii=False).encode("utf-8"))
    return {"name": partition.name, "records": len(ids)}      # the keys stay on disk, not in the worker


def _duplicate_signatures(pieces: list[tuple[str, Library]], library: Library) -> list[tuple]:
    """What the duplicate rules (D001, D002) compare of each entry, as lint sees it, with
    the record's place in the partition (the driver knows its final key) or, for a .bib
    entry, the key lint reports: ``(code, signature, record index, bib key)``.

    Why: a batch lints partition by partition; with these the driver finds, for each
    partition, the works an earlier partition listed first, so the partitions' lint runs
    report duplicates across the whole run as one ``polybib lint`` of every input would.
    """
    from ..lint.engine import lint_contexts
    from ..lint.rules.duplicates import doi_signature, work_signature

    index = {id(ref): i for i, ref in enumerate(library.references)}
    rows = []
    for ctx in lint_contexts(pieces):
        for entry in ctx.entries:
            at = index.get(id(entry.ref))
            bib_key = entry.key if entry.segment is not None else None
            for code, signature in (("D001", doi_signature(entry)), ("D002", work_signature(entry))):
                if signature is not None:
                    rows.append((code, signature, at, bib_key))
    return rows


def _read_json(path: Path):
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _link_buckets(library: Library, settings: Settings) -> dict[int, dict]:
    """The partition's links by bucket, each with the records they are judged against."""
    import dataclasses

    from ..links import extract_links
    from ..links.collect import collect

    options = settings.check_options
    links = extract_links(library)
    position = {id(link): i for i, link in enumerate(links)}
    out: dict[int, dict] = {}
    for target in collect(links, options.exclude, options.check_doi, options.doi_base):
        bucket = out.setdefault(host_bucket(target.host, settings.buckets),
                                {"links": [], "refs": [], "origin": [], "_ref_at": {}})
        for link in target.links:
            ref_at = bucket["_ref_at"]
            if link.index not in ref_at:
                ref_at[link.index] = len(bucket["refs"])
                bucket["refs"].append(library.references[link.index])
            bucket["links"].append(dataclasses.replace(link, index=ref_at[link.index]))
            bucket["origin"].append((position[id(link)], link.index))
    for bucket in out.values():
        del bucket["_ref_at"]
    return out


# ------------------------------------------------------------------------------ step 2

@_collecting
def check_bucket(bucket: int, names: list[str], settings: Settings) -> dict:
    """Check every link of one bucket (its hosts are nobody else's) and keep the results
    by partition in ``.work/NAME.checked-BUCKET.pickle``."""
    from ..links import check_links

    work = settings.work
    links, refs, origins = [], [], []
    for name in names:
        path = work / f"{name}.links-{bucket:03d}.pickle"
        if not path.exists():
            continue
        content = _load(path)
        offset = len(refs)
        refs.extend(content["refs"])
        for link, origin in zip(content["links"], content["origin"]):
            links.append(_moved(link, offset))
            origins.append((name, origin))
    results = check_links(links, refs, settings.check_options) if links else []
    by_partition: dict[str, list] = {}
    for (name, origin), result in zip(origins, results):
        by_partition.setdefault(name, []).append((origin, result))
    for name, pairs in by_partition.items():
        _dump(work / f"{name}.checked-{bucket:03d}.pickle", pairs)
    return {"bucket": bucket, "links": len(links), "pid": os.getpid()}


def _moved(link, offset: int):
    import dataclasses
    return dataclasses.replace(link, index=link.index + offset) if offset else link


# ------------------------------------------------------------------------------ step 3

@_collecting
def finish_partition(partition: Partition, keys: list[str] | None, settings: Settings,
                     earlier: dict | None = None) -> dict:
    """Keys, link results, romanization, lint and rendering for one partition; its files
    written (each atomically) and its counts returned for the summary.  ``earlier``: the
    first entries, in earlier partitions, of works this one lists again (``RunContext.earlier``)."""
    from ..gcpause import gc_paused

    work, out = settings.work, Path(settings.outdir)
    with gc_paused():
        pieces: list[tuple[str, Library]] = _load(work / f"{partition.name}.records.pickle")
        library = Library()
        for _path, part in pieces:
            library.extend(part)
        if keys is not None:
            for ref, key in zip(library.references, keys):
                if ref.id != key:
                    ref.id = key
        link_results = _link_results(partition, library, settings) if "check" in settings.stages else []
        diagnostics = [_diagnostic_row(d) for d in library.diagnostics]
        written = [_write_records(out / f"{partition.name}.jsonl", library),
                   _write(out / f"{partition.name}.bib", _bibtex(library))]
        counts = _record_counts(library)
        if "translit" in settings.stages:
            written.append(_romanize(partition, library, settings, diagnostics))
        if "check" in settings.stages:
            written.append(_write(out / f"{partition.name}.links.jsonl",
                                  "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n"
                                          for r in link_results)))
            counts["links"] = dict(Counter(r.status for r in link_results))
            diagnostics += [_link_row(r) for r in link_results if r.failed]
        if "lint" in settings.stages:
            counts["lint"] = _lint(pieces, link_results, settings, diagnostics, earlier)
        if "render" in settings.stages:
            written += _render(partition, library, settings)
        diagnostics.sort(key=lambda row: (row["file"], row["line"]))
        counts["diagnostics"] = dict(Counter(f"{row['severity']}:{row['code']}" for row in diagnostics))
        written.append(_write(out / f"{partition.name}.diagnostics.jsonl",
                              "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in diagnostics)))
    return {"name": partition.name, "digest": partition.digest(), "records": len(library),
            "files": [p.name for p in written], "counts": counts, "pid": os.getpid()}


def _write(path: Path, data: str | bytes) -> Path:
    write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _write_records(path: Path, library: Library) -> Path:
    """CSL-JSON Lines: each record as ``polybib import --to csljson`` writes its item
    (``crossref``/``xdata`` inheritance resolved as there), one item per line."""
    from ..fileio import open_atomic
    from ..formats.bibtex.inheritance import resolve_library
    from ..formats.csljson import reference_to_item

    with open_atomic(path) as handle:
        for ref in resolve_library(library):
            handle.write(json.dumps(reference_to_item(ref), ensure_ascii=False).encode("utf-8") + b"\n")
    return path


def _bibtex(library: Library) -> bytes:
    from .. import formats
    return formats.write(library, "bibtex")


def _romanize(partition: Partition, library: Library, settings: Settings, diagnostics: list) -> Path:
    from ..translit import romanize_library

    romanized = romanize_library(library, settings.scheme)
    diagnostics += [_diagnostic_row(d) for d in romanized.diagnostics if d.code == "translit-fallback"]
    return _write_records(Path(settings.outdir) / f"{partition.name}.{settings.scheme}.jsonl", romanized)


def _lint(pieces: list[tuple[str, Library]], link_results: list, settings: Settings, diagnostics: list,
          earlier: dict | None) -> dict:
    from ..lint import lint_libraries

    result = lint_libraries(pieces, settings.lint_settings, link_results, earlier)
    for finding in result.findings:
        diagnostics.append({"file": finding.file, "line": finding.line or 0,
                            "where": _where(finding.file, finding.line), "severity": finding.severity,
                            "code": finding.code, "entry": finding.entry or "", "message": finding.message})
    return dict(Counter(f.code for f in result.findings))


def _render(partition: Partition, library: Library, settings: Settings) -> list[Path]:
    from ..render import render

    out = []
    for style in settings.styles:
        rendered = render(library, style, format="text", locale=settings.locale)
        out.append(_write(Path(settings.outdir) / f"{partition.name}.{style}.txt", rendered.text("text")))
    return out


def _link_results(partition: Partition, library: Library, settings: Settings) -> list:
    pairs = []
    for bucket in range(settings.buckets):
        path = settings.work / f"{partition.name}.checked-{bucket:03d}.pickle"
        if path.exists():
            pairs.extend(_load(path))
    pairs.sort(key=lambda pair: pair[0][0])
    results = []
    for (_position, ref_index), result in pairs:
        result.entry = library.references[ref_index].id      # the key made after the links were read
        results.append(result)
    return results


def _where(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file


def _diagnostic_row(d) -> dict:
    return {"file": d.file, "line": d.line, "where": _where(d.file, d.line), "severity": d.severity,
            "code": d.code, "entry": "", "message": d.message}


def _link_row(r) -> dict:
    return {"file": r.file, "line": r.line, "where": _where(r.file, r.line), "severity": "error",
            "code": f"link-{r.status}", "entry": r.entry, "message": f"{r.url}: {r.status} {r.detail}".strip()}


def _record_counts(library: Library) -> dict:
    return {"types": dict(Counter(ref.type for ref in library)),
            "languages": dict(Counter(ref.language or "(none)" for ref in library))}


def remove_work(partition: Partition, settings: Settings) -> None:
    """Drop a finished partition's pickles (its keys file stays: a rerun's key assignment
    reads it)."""
    for path in settings.work.glob(f"{partition.name}.*.pickle"):
        path.unlink(missing_ok=True)
