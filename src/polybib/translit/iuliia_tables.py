"""Russian tables from iuliia's published scheme definitions, with its known faults fixed.

iuliia (https://github.com/nalgeon/iuliia-py) is the best-kept collection of Russian
romanization schemes: each is a JSON file with the letter mapping, context rules and the
samples from the standard.  We load those files as data and run them on polybib's engine
(:mod:`.engine`), which shares their rule format, so every iuliia scheme is available here
and is tested against iuliia's own samples.

What we correct, and why:

* **Cyrillic ``ё`` in the output.**  Several definitions (``gost_779``, ``bgn_pcgn``,
  ``ala_lc``, ``bs_2979``, ``scientific``, ``gost_16876``, ``ungegn_1987``) map ``ё`` to the
  *Cyrillic* letter ``ё``, which looks like Latin ``ë`` but is not: it breaks sorting,
  search, BibTeX and every ASCII fallback.  The standards write Latin ``ë``
  (U+00EB); :func:`patch_yo` rewrites every output, and the samples are compared after
  the same rewrite.
* **Mixed case in all-caps words** (``ЩУКА`` → ``ShchUKA``) and **non-NFC input** are fixed
  by the engine, not by patching data.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .engine import Table

#: iuliia's Cyrillic ё/Ё and the Latin letters the standards write instead.
YO_FIX = str.maketrans({"ё": "\u00eb", "Ё": "\u00cb"})


def patch_yo(text: str) -> str:
    """Cyrillic ``ё`` in an iuliia output → Latin ``ë`` (what the standards print)."""
    return text.translate(YO_FIX)


def _schema(name: str):
    import iuliia

    return iuliia.schemas.get(name)


@lru_cache(maxsize=None)
def definition(name: str) -> dict[str, Any]:
    """iuliia's JSON definition of scheme ``name`` (``bgn_pcgn``…), outputs patched."""
    schema = _schema(name)
    path = getattr(schema, "path", None)
    if path is None:                               # pragma: no cover - iuliia API change
        raise RuntimeError(f"iuliia {name}: cannot locate the scheme definition file")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in ("mapping", "prev_mapping", "next_mapping", "ending_mapping"):
        if data.get(key):
            data[key] = {k: patch_yo(v) for k, v in data[key].items()}
    return data


def samples(name: str) -> list[tuple[str, str]]:
    """iuliia's samples for ``name`` (source, expected), expected outputs patched."""
    return [(src, patch_yo(out)) for src, out in _schema(name).samples]


def names() -> list[str]:
    """Every scheme iuliia ships, except its Uzbek one (this module is about Russian)."""
    import iuliia

    return [n for n in iuliia.schemas.names() if n != "uz"]


def table(name: str, fallback: dict[str, str] | None = None) -> Table:
    """A compiled :class:`Table` for iuliia scheme ``name``."""
    data = definition(name)
    return Table(data.get("mapping") or {}, prev=data.get("prev_mapping"),
                 next=data.get("next_mapping"), ending=data.get("ending_mapping"),
                 fallback=fallback, name=f"iuliia:{name}")
