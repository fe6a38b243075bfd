"""``polybib batch``: the pipeline's per-record stages over millions of references, on Dask.

    from polybib.batch import run_batch, Settings
    result = run_batch(["refs/*.txt", "export.bib"], "out/", Settings("out/", stages=("import", "keys")),
                       workers=2)

Modules, one job each:

- ``plan``      inputs (files, globs) → partitions of about N MB, cut where records start;
- ``read``      one slice → a Library, by the format's own reader, lines put back;
- ``stages``    what a worker does with a partition: the stage functions the single-machine
                commands call (parser, keys, transliteration, lint, links, render);
- ``manifest``  which partitions are written, for a rerun to skip them;
- ``runner``    the Dask side: cluster, bag, progress, keys across the run, summary.

This room adds no stage logic of its own: it plans partitions and collects results.
Dask is imported only here, when a batch runs.
"""
from .runner import BatchResult, run_batch
from .stages import DEFAULT_STAGES, STAGES, Settings

__all__ = ["run_batch", "BatchResult", "Settings", "STAGES", "DEFAULT_STAGES"]
