"""CSL-JSON reader and writer: what Zotero, pandoc and citeproc exchange.

The model is CSL-JSON's own vocabulary, so the mapping is direct.  What CSL has no
variable for travels in the item's ``custom`` object (CSL-JSON 1.0.2's place for
extensions): ``custom["biblatex.usera"]`` and so on, read back into ``Reference.extra``, so
``bib → CSL-JSON → bib`` keeps fields CSL cannot hold.  Unknown top-level keys (Zotero's
``citation-key``, ``system_id``) are kept as ``extra["csl.<key>"]`` and written back as they
were.  Reading then writing an unchanged file gives its bytes back.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..dates import parse_date
from ..model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, Library, Name, Reference, Source
from ._document import remember, unchanged_original

_NAME_KEYS = {"family": "family", "given": "given", "non-dropping-particle": "non_dropping_particle",
              "dropping-particle": "dropping_particle", "suffix": "suffix", "literal": "literal"}
#: Top-level keys of a CSL item that are variables (everything else is kept as csl.<key>).
_KNOWN = {
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "chapter-number", "citation-label", "citation-number",
    "collection-number", "collection-title", "container-title", "container-title-short",
    "dimensions", "division", "DOI", "edition", "event", "event-title", "event-place",
    "first-reference-note-number", "genre", "ISBN", "ISSN", "issue", "jurisdiction", "keyword",
    "language", "license", "locator", "medium", "note", "number", "number-of-pages",
    "number-of-volumes", "original-publisher", "original-publisher-place", "original-title",
    "page", "page-first", "part", "part-title", "PMCID", "PMID", "printing", "publisher",
    "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section",
    "source", "status", "supplement", "title", "title-short", "URL", "version", "volume",
    "volume-title", "year-suffix", "title-addon",
}
#: The order variables are written in, after id and type.
_ORDER = ["author", "editor", "translator", "container-author", "collection-editor", "title",
          "title-short", "container-title", "container-title-short", "collection-title",
          "collection-number", "event-title", "event-place", "publisher-place", "publisher",
          "edition", "volume", "issue", "number", "page", "number-of-pages", "issued", "genre",
          "ISBN", "ISSN", "DOI", "URL", "accessed", "language", "note"]
_RANK = {name: i for i, name in enumerate(_ORDER)}


# ---------------------------------------------------------------- reading

def read(data: bytes, filename: str = "<memory>") -> Library:
    library = Library()
    text = _decode(data, filename, library)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        library.diagnostics.append(Diagnostic(filename, exc.lineno, f"not valid JSON: {exc.msg} "
                                              f"(column {exc.colno})", code="parse", column=exc.colno))
        return library
    items = parsed.get("items") if isinstance(parsed, dict) and isinstance(parsed.get("items"), list) else parsed
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        library.diagnostics.append(Diagnostic(filename, 1, "CSL-JSON must be an array of items", code="parse"))
        return library
    lines = _item_lines(text, len(items))
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, dict):
            library.diagnostics.append(Diagnostic(filename, line, f"item {index + 1} is not an object; "
                                                  "skipped", code="parse"))
            continue
        library.references.append(item_to_reference(item, Source(filename, line, "", "csljson"),
                                                    library.diagnostics))
    remember(library, filename, "csljson", data)
    return library


def _decode(data: bytes, filename: str, library: Library) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        library.diagnostics.append(Diagnostic(filename, line, "not valid UTF-8 (JSON must be); "
                                              "bad bytes replaced", "warning", code="encoding"))
        return data.decode("utf-8", errors="replace")


def _item_lines(text: str, count: int) -> list[int]:
    """The line on which each top-level item starts (JSON parsers do not say)."""
    decoder = json.JSONDecoder()
    start = re.search(r"\[", text)
    if not start:
        return [1]
    lines, pos = [], start.end()
    for _ in range(count):
        m = re.compile(r"[\s,]*").match(text, pos)
        pos = m.end()
        lines.append(text.count("\n", 0, pos) + 1)
        try:
            _, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
    return lines


def _name(value: Any) -> Name | None:
    if isinstance(value, str):
        return Name(literal=value)
    if not isinstance(value, dict):
        return None
    return Name(**{attr: str(value[key]) for key, attr in _NAME_KEYS.items() if value.get(key) not in (None, "")})


def _date(value: Any) -> Date:
    if isinstance(value, (str, int)):
        return parse_date(str(value))
    if not isinstance(value, dict):
        return Date(literal=str(value))
    parts = []
    for part in value.get("date-parts") or []:
        try:
            numbers = [int(p) for p in part if str(p).strip() != ""]
        except (TypeError, ValueError):
            numbers = []
        if numbers:
            parts.append(numbers[:3])
    date = Date(parts=parts, literal=str(value.get("literal", "")),
                circa=bool(value.get("circa")) and value.get("circa") not in ("false", "0", 0))
    if value.get("season") not in (None, ""):
        try:
            date.season = int(value["season"])
        except (TypeError, ValueError):
            date.literal = date.literal or str(value["season"])
    if not date.parts and not date.literal and value.get("raw"):
        raw = parse_date(str(value["raw"]))
        date.parts, date.literal = raw.parts, raw.literal
    return date


def item_to_reference(item: dict, source: Source | None = None,
                      diagnostics: list[Diagnostic] | None = None) -> Reference:
    """One CSL-JSON item as a Reference (unknown keys kept in ``extra``)."""
    source = source or Source(format="csljson")
    ref = Reference(id=str(item.get("id", "")), type=str(item.get("type", "document")), source=source)
    if ref.type not in CSL_TYPES and diagnostics is not None:
        diagnostics.append(Diagnostic(source.file, source.line, f"item '{ref.id}' has unknown CSL type "
                                      f"'{ref.type}' (kept)", "warning", code="csl-type"))
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        if key == "custom" and isinstance(value, dict):
            for ckey, cvalue in value.items():
                ref.extra[str(ckey)] = cvalue if isinstance(cvalue, str) else json.dumps(cvalue, ensure_ascii=False)
        elif key in NAME_VARIABLES and isinstance(value, list):
            names = [n for n in (_name(v) for v in value) if n is not None]
            ref.fields[key] = names
        elif key in DATE_VARIABLES:
            ref.fields[key] = _date(value)
        elif key in _KNOWN and isinstance(value, (str, int, float)):
            ref.fields[key] = str(value) if not isinstance(value, float) else f"{value:g}"
        else:
            ref.extra[f"csl.{key}"] = json.dumps(value, ensure_ascii=False)
    return ref


# ---------------------------------------------------------------- writing

def _name_dict(name: Name) -> dict:
    if name.literal:
        return {"literal": name.literal}
    return {key: getattr(name, attr) for key, attr in _NAME_KEYS.items() if getattr(name, attr)}


def _date_dict(date: Date) -> dict:
    out: dict[str, Any] = {}
    if date.parts:
        out["date-parts"] = [list(p) for p in date.parts]
    if date.literal:
        out["literal"] = date.literal
    if date.circa:
        out["circa"] = True
    if date.season is not None:
        out["season"] = date.season
    return out


def reference_to_item(ref: Reference) -> dict:
    """One Reference as a CSL-JSON item (what citeproc processors take)."""
    item: dict[str, Any] = {"id": ref.id, "type": ref.type}
    for key in sorted(ref.fields, key=lambda k: (_RANK.get(k, len(_RANK)), k)):
        value = ref.fields[key]
        if isinstance(value, list):
            item[key] = [_name_dict(n) for n in value if isinstance(n, Name)]
        elif isinstance(value, Date):
            item[key] = _date_dict(value)
        elif value not in (None, ""):
            item[key] = value
    custom = {}
    for key, value in ref.extra.items():
        if key.startswith("csl."):
            try:
                item[key[4:]] = json.loads(value)
            except (TypeError, ValueError):
                item[key[4:]] = value
        else:
            custom[key] = value
    if custom:
        item["custom"] = custom
    return item


def write(library: Library, **_options) -> bytes:
    original = unchanged_original(library, "csljson")
    if original is not None:
        return original
    items = [reference_to_item(r) for r in library]
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
