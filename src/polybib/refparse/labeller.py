"""The CRF model: found, loaded once (lazily, on the first reference), and run.

Lazily because most polybib commands never parse free text, and ``pycrfsuite`` plus the model
cost time at start-up that ``lint`` must not pay.  The shipped model is
``polybib/data/refparse.crfsuite``; ``use_model(path)`` (``polybib import --model``) puts
another in its place.  When python-crfsuite or the model is missing, ``tagger()`` returns None
and the parser runs on its rules alone.
"""
from __future__ import annotations

import os
from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "refparse.crfsuite"

_path: Path | None = None
_tagger = None
_loaded = False


def use_model(path: str | os.PathLike | None) -> None:
    """Use the model at ``path`` from now on (None: the shipped one)."""
    global _path, _tagger, _loaded
    _path = Path(path) if path else None
    _tagger = None
    _loaded = False


def model_path() -> Path:
    return _path or Path(os.environ.get("POLYBIB_REFPARSE_MODEL") or SHIPPED)


def tagger():
    """The loaded tagger, or None when there is no model (rules only)."""
    global _tagger, _loaded
    if _loaded:
        return _tagger
    _loaded = True
    path = model_path()
    if os.environ.get("POLYBIB_REFPARSE_RULES_ONLY") or not path.is_file():
        if _path is not None:
            raise FileNotFoundError(f"{path}: no such model")
        return None
    try:
        import pycrfsuite
    except ImportError:      # the dependency is declared; a broken install still parses by rules
        return None
    t = pycrfsuite.Tagger()
    t.open(str(path))
    _tagger = t
    return t


def tag(features: list[list[str]], rule_labels: list[str] | None = None) -> tuple[list[str], list[float]]:
    """Labels of one reference's tokens and each label's marginal probability.

    With ``rule_labels``, a token the model labels ``O`` as the rules do gets marginal 1.0
    without asking (nothing is decided from it: it is in no field, and the rules agree); this
    halves the calls into crfsuite."""
    t = tagger()
    labels = t.tag(features)
    if rule_labels is None:
        return labels, [t.marginal(y, i) for i, y in enumerate(labels)]
    marginal = t.marginal
    return labels, [1.0 if y == "O" and rule_labels[i] == "O" else marginal(y, i) for i, y in enumerate(labels)]
