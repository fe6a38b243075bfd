"""What the page shows beside a record: renderings, romanization, lint, links.

All of it comes from polybib's own stages, called on the one record the user looks at
(computed when asked, so a list of a thousand loads at once):

* renderings in the chosen style (:func:`polybib.render.render`), in the original script
  and romanized;
* the romanized fields in the chosen scheme (:mod:`polybib.translit`);
* lint findings (:mod:`polybib.lint`) on the record as its ``.bib`` entry; a safe fix is
  applied by editing that entry text, reading it back, and taking over only the fields
  the fix changed;
* link status from the link cache (what ``polybib check`` found), without the network;
  :func:`check_links_now` checks on request.
"""
from __future__ import annotations

from ..model import Date, Library, Name, Reference
from .records import ReviewRecord, value_json

LINT_PATH = "record.bib"


def renderings(ref: Reference, style: str, scheme: str) -> dict:
    from ..render import render

    out = {"style": style, "scheme": scheme}
    for mode, script in (("original", "original"), ("romanized", "translit")):
        try:
            rendered = render([ref], style, format="text", script=script, scheme=scheme)
            out[mode] = "\n".join(rendered.strings())
        except Exception as exc:  # noqa: BLE001 - a style that fails on one record is shown, not fatal
            out[mode] = ""
            out[f"{mode}_error"] = f"{type(exc).__name__}: {exc}"
    return out


def romanization(ref: Reference, scheme: str) -> list[dict]:
    """The fields romanization changes, before and after."""
    from ..translit.record import romanized_values

    changed = romanized_values(ref, scheme)
    return [{"name": name, "before": _shown(ref.fields.get(name)), "after": _shown(value)}
            for name, value in changed.items()]


def _shown(value) -> str:
    if isinstance(value, list):
        return "; ".join(n.display() for n in value if isinstance(n, Name))
    if isinstance(value, Date):
        return value.iso()
    return "" if value is None else str(value)


# ------------------------------------------------------------------ lint

def _entry_bib(ref: Reference) -> bytes:
    from .. import formats
    clean = ref.copy()
    clean.source.format = "review"
    return formats.write(Library([clean]), "bibtex")


def lint_record(ref: Reference):
    """(findings, bib text) for the record as its own ``.bib`` entry."""
    from ..config import load_config
    from ..formats.bibtex import read as read_bib
    from ..lint import LintSettings
    from ..lint.engine import lint_libraries

    data = _entry_bib(ref)
    settings = LintSettings.from_config(load_config())
    library = read_bib(data, LINT_PATH)
    findings = lint_libraries([(LINT_PATH, library)], settings).findings
    return findings, data.decode("utf-8")


def lint_view(ref: Reference) -> list[dict]:
    findings, _ = lint_record(ref)
    return [{"index": i, "code": f.code, "name": f.name, "severity": f.severity, "field": f.field,
             "message": f.message, "fix": f.fix.description if f.fix and f.fix.edits else "",
             "safe": bool(f.fix and f.fix.safe)} for i, f in enumerate(findings)]


class FixError(ValueError):
    """The fix asked for is no longer offered (the record changed) or is not safe."""


def apply_fix(record: ReviewRecord, index: int, code: str) -> str:
    """Apply the safe fix of finding ``index`` (which must still be ``code``); returns
    what was done."""
    from ..formats.bibtex import read as read_bib
    from ..lint.fixer import apply_edits

    findings, text = lint_record(record.ref)
    if not 0 <= index < len(findings) or findings[index].code != code:
        raise FixError(f"{code}: that finding is no longer there (the record has changed); reload it")
    finding = findings[index]
    if not (finding.fix and finding.fix.edits and finding.fix.safe):
        raise FixError(f"{code}: this finding has no safe fix")
    before = read_bib(text.encode("utf-8"), LINT_PATH).references[0]
    fixed_library = read_bib(apply_edits(text, finding.fix.edits).encode("utf-8"), LINT_PATH)
    if not fixed_library.references:
        raise FixError(f"{code}: the fixed entry cannot be read back; not applied")
    after = fixed_library.references[0]
    fields = dict(record.ref.fields)
    for name in set(before.fields) | set(after.fields):
        old, new = before.fields.get(name), after.fields.get(name)
        if _same(old, new):
            continue
        if new is None:
            fields.pop(name, None)
        else:
            fields[name] = new
    csl_type = after.type if after.type != before.type else record.ref.type
    what = f"lint fix {code}: {finding.fix.description}"
    record.replace_fields(fields, csl_type, what)
    return what


def _same(a, b) -> bool:
    return value_json(a) == value_json(b) if a is not None and b is not None else a is b


# ------------------------------------------------------------------ links

def _link_options(offline: bool):
    from ..config import load_config
    from ..links.options import options_from_config

    return options_from_config(load_config().table("check"), offline=offline)


def links_view(ref: Reference, offline: bool = True) -> list[dict]:
    """Each URL/DOI of the record with its status: from the link cache (``offline``), or
    checked now."""
    from ..links import check_library, extract_links

    if not extract_links(Library([ref])):
        return []
    results = check_library(Library([ref]), _link_options(offline))
    return [{"field": r.field, "url": r.url, "status": r.status, "http_status": r.http_status,
             "detail": r.detail, "cached": r.cached, "suggestion": r.suggestion} for r in results]


def details(record: ReviewRecord, style: str, scheme: str) -> dict:
    ref = record.ref
    return {"renderings": renderings(ref, style, scheme),
            "romanization": romanization(ref, scheme),
            "lint": lint_view(ref),
            "links": links_view(ref)}
