"""CSL-JSON reader and writer: what Zotero, pandoc and citeproc exchange.

The model is CSL-JSON's own vocabulary, so the mapping is direct.  What CSL has no
variable for travels in the item's ``custom`` object (CSL-JSON 1.0.2's place for
extensions): ``custom["biblatex.usera"]`` and so on, read back into ``Reference.extra``, so
``bib → CSL-JSON → bib`` keeps fields CSL cannot hold.  Unknown top-level keys (Zotero's
``citation-key``, ``system_id``) are kept as ``extra["csl.<key>"]`` holding the key's value
as JSON text (so that a number stays a number and a list a list), and written back as they
were.  Reading then writing an unchanged file gives its bytes back.

Reading never raises on bad input: invalid JSON, items that are not objects, names and
dates the model cannot hold all become :class:`~polybib.model.Diagnostic` s with the file
and the 1-based line of the item, and everything readable is still read.
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Any, Callable

from ..dates import parse_date
from ..model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, Library, Name, Reference, Source
from ._document import remember, unchanged_original
from .ris import decode_bytes

_NAME_KEYS = {"family": "family", "given": "given", "non-dropping-particle": "non_dropping_particle",
              "dropping-particle": "dropping_particle", "suffix": "suffix", "literal": "literal"}
#: Top-level keys of a CSL item that are variables (everything else is kept as csl.<key>).
#: ``title-addon`` is not CSL: it is the model's home for biblatex's ``titleaddon``.
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
_DATE_KEYS = {"date-parts", "raw", "literal", "circa", "season"}
#: CSL seasons are numbered 1-4 from spring; exporters sometimes write the word.
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
            "весна": 1, "лето": 2, "осень": 3, "зима": 4}
#: Where non-string members of ``custom`` wait, so that writing gives them back typed.
_CUSTOM_REST = "csl.custom"
_WS = re.compile(r"[ \t\n\r]*")

Warn = Callable[[str], None]


# ---------------------------------------------------------------- reading

def read(data: bytes, filename: str = "<memory>") -> Library:
    """Read a CSL-JSON file: an array of items, one item, or ``{"items": [...]}``."""
    library = Library()
    text = decode_bytes(data, filename, library.diagnostics, "JSON must be UTF-8")
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        library.diagnostics.append(Diagnostic(filename, exc.lineno, f"not valid JSON: {exc.msg} "
                                              f"(column {exc.colno})", code="parse", column=exc.colno))
        return library
    items, shape = _items_of(parsed)
    if items is None:
        library.diagnostics.append(Diagnostic(filename, 1, "CSL-JSON must be an array of items, "
                                              f"not a JSON {type(parsed).__name__}", code="parse"))
        return library
    lines = _item_lines(text, shape)
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, dict):
            library.diagnostics.append(Diagnostic(filename, line, f"item {index + 1} is not an object "
                                                  f"but {json.dumps(item, ensure_ascii=False)[:80]}; skipped",
                                                  code="parse"))
            continue
        library.references.append(item_to_reference(item, Source(filename, line, "", "csljson"),
                                                    library.diagnostics))
    _warn_duplicate_ids(library.references, library.diagnostics)
    remember(library, filename, "csljson", data)
    return library


def _items_of(parsed: Any) -> tuple[list | None, str]:
    """The list of items and the shape they came in, as Zotero, pandoc and APIs write them."""
    if isinstance(parsed, list):
        return parsed, "array"
    if isinstance(parsed, dict):
        if isinstance(parsed.get("items"), list):
            return parsed["items"], "items"
        return [parsed], "single"
    return None, ""


def _item_lines(text: str, shape: str) -> list[int]:
    """The 1-based line each item starts on.

    The json module keeps no positions, so the (already validated) text is walked once
    more with ``raw_decode``, one top-level value at a time.
    """
    newlines = [m.start() for m in re.finditer("\n", text)]
    pos = _WS.match(text, 0).end()
    if shape == "single":
        offsets = [pos]
    else:
        if shape == "items":
            pos = _value_position(text, pos, "items")
        offsets = _element_offsets(text, pos)
    return [bisect.bisect_left(newlines, offset) + 1 for offset in offsets]


def _value_position(text: str, pos: int, wanted: str) -> int:
    """Offset of the value of key ``wanted`` in the object at ``pos`` (the last one wins,
    as in ``json.loads``)."""
    decoder, found = json.JSONDecoder(), pos
    pos += 1
    while True:
        pos = _WS.match(text, pos).end()
        if text[pos] == "}":
            return found
        key, pos = decoder.raw_decode(text, pos)
        pos = _WS.match(text, pos).end() + 1          # past the colon
        pos = _WS.match(text, pos).end()
        if key == wanted:
            found = pos
        _, pos = decoder.raw_decode(text, pos)
        pos = _WS.match(text, pos).end()
        if text[pos] == ",":
            pos += 1


def _element_offsets(text: str, pos: int) -> list[int]:
    """Offsets of the elements of the array that starts at ``pos``."""
    decoder, offsets = json.JSONDecoder(), []
    pos += 1
    while True:
        pos = _WS.match(text, pos).end()
        if text[pos] == "]":
            return offsets
        offsets.append(pos)
        _, pos = decoder.raw_decode(text, pos)
        pos = _WS.match(text, pos).end()
        if text[pos] == ",":
            pos += 1


def _warn_duplicate_ids(refs: list[Reference], diagnostics: list[Diagnostic]) -> None:
    """Citation processors look items up by id: a second item with the same id is never cited."""
    first: dict[str, int] = {}
    for ref in refs:
        if not ref.id:
            continue
        if ref.id in first:
            diagnostics.append(Diagnostic(ref.source.file, ref.source.line, f"duplicate id '{ref.id}' "
                                          f"(first at line {first[ref.id]})", "warning", code="duplicate-id"))
        else:
            first[ref.id] = ref.source.line


def item_to_reference(item: dict, source: Source | None = None,
                      diagnostics: list[Diagnostic] | None = None) -> Reference:
    """One CSL-JSON item as a Reference (unknown keys kept in ``extra``)."""
    source = source or Source(format="csljson")

    def warn(message: str) -> None:
        if diagnostics is not None:
            diagnostics.append(Diagnostic(source.file, source.line, message, "warning", code="csl-item"))

    ref = Reference(id=_id_of(item, warn), type=_type_of(item, warn), source=source)
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        if key == "custom":
            _read_custom(value, ref, warn)
        elif key in NAME_VARIABLES:
            _read_names(key, value, ref, warn)
        elif key in DATE_VARIABLES:
            _read_date_variable(key, value, ref, warn)
        elif key in _KNOWN:
            _read_text(key, value, ref, warn)
        else:
            ref.extra[f"csl.{key}"] = _json(value)
    return ref


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _id_of(item: dict, warn: Warn) -> str:
    """CSL ids may be strings or numbers; the model's are strings."""
    if "id" not in item:
        warn("item has no id")
        return ""
    value = item["id"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _type_of(item: dict, warn: Warn) -> str:
    """Unknown types are kept (a newer CSL or a processor's own), but said."""
    value = item.get("type")
    if value in (None, ""):
        warn(f"item '{item.get('id', '')}' has no type; read as 'document'")
        return "document"
    value = str(value)
    if value not in CSL_TYPES:
        warn(f"item '{item.get('id', '')}' has unknown CSL type '{value}' (kept)")
    return value


def _read_text(key: str, value: Any, ref: Reference, warn: Warn) -> None:
    """Strings pass through with their markup; numbers become strings (CSL numbers are
    often written as JSON numbers).  Anything else cannot be a model string: kept as JSON."""
    if isinstance(value, str):
        ref.fields[key] = value
    elif isinstance(value, int) and not isinstance(value, bool):
        ref.fields[key] = str(value)
    elif isinstance(value, float):
        ref.fields[key] = f"{value:g}"
    else:
        warn(f"{key} should be a string or number, not {_json(value)[:60]}; kept as it is")
        ref.extra[f"csl.{key}"] = _json(value)


def _read_names(key: str, value: Any, ref: Reference, warn: Warn) -> None:
    if isinstance(value, dict):
        warn(f"{key} should be a list of names; read as one name")
        value = [value]
    elif isinstance(value, str):
        warn(f"{key} should be a list of names, not a string; read as one literal name")
        value = [value]
    if not isinstance(value, list):
        warn(f"{key} is not a list of names: {_json(value)[:60]}; kept as it is")
        ref.extra[f"csl.{key}"] = _json(value)
        return
    names = [n for n in (_name(key, v, warn) for v in value) if n is not None]
    ref.fields[key] = names


def _name(variable: str, value: Any, warn: Warn) -> Name | None:
    """A CSL name object (or a bare string, read as a literal) as a Name."""
    if isinstance(value, str):
        return Name(literal=value) if value.strip() else None
    if not isinstance(value, dict):
        warn(f"a name in {variable} is not an object: {_json(value)[:60]}; skipped")
        return None
    unknown = sorted(set(value) - set(_NAME_KEYS))
    if unknown:
        # parse-names, comma-suffix, static-ordering: processing hints the model does not keep
        warn(f"name keys {', '.join(unknown)} in {variable} are not kept")
    name = Name(**{attr: str(value[key]) for key, attr in _NAME_KEYS.items()
                   if value.get(key) not in (None, "")})
    if name.is_empty():
        if value:
            warn(f"a name in {variable} has no name parts: {_json(value)[:60]}; skipped")
        return None
    return name


def _read_date_variable(key: str, value: Any, ref: Reference, warn: Warn) -> None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        ref.fields[key] = parse_date(str(value))           # an EDTF string, as pandoc accepts
    elif isinstance(value, dict):
        ref.fields[key] = _date(key, value, warn)
    else:
        warn(f"{key} is not a date object: {_json(value)[:60]}; kept as it is")
        ref.extra[f"csl.{key}"] = _json(value)


def _date(variable: str, value: dict, warn: Warn) -> Date:
    """A CSL date object as a Date: date-parts first, then raw, and nothing unreadable lost."""
    unknown = sorted(set(value) - _DATE_KEYS)
    if unknown:
        warn(f"date keys {', '.join(unknown)} in {variable} are not kept")
    date = Date(literal=str(value.get("literal") or ""), circa=_truthy(value.get("circa")))
    parts = _date_parts(value.get("date-parts"))
    if parts is None:
        warn(f"{variable} has unreadable date-parts {_json(value['date-parts'])[:60]}")
        parts = []
        if not value.get("raw") and not date.literal:
            date.literal = _json(value["date-parts"])
    date.parts = parts
    if not date.parts and not date.literal and value.get("raw"):
        raw = parse_date(str(value["raw"]))
        date.parts, date.literal = raw.parts, raw.literal
        date.circa = date.circa or raw.circa
    if value.get("season") not in (None, ""):
        date.season = _season(value["season"])
        if date.season is None:
            warn(f"{variable} has an unknown season {value['season']!r}; kept as the literal")
            date.literal = date.literal or str(value["season"])
    return date


def _date_parts(value: Any) -> list[list[int]] | None:
    """``[[2019, 2, 11]]`` (numbers or numeric strings, empty trailing parts allowed);
    None when the value is not date-parts at all."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        return None
    parts = []
    for part in value:
        if not isinstance(part, list):
            return None
        numbers = []
        for piece in part:
            if piece in (None, "") or (isinstance(piece, str) and not piece.strip()):
                continue
            try:
                number = int(str(piece).strip()) if not isinstance(piece, float) else int(piece)
            except ValueError:
                return None
            if isinstance(piece, float) and not piece.is_integer():
                return None
            numbers.append(number)
        if numbers:
            parts.append(numbers[:3])
    return parts


def _season(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return int(text) if text.isdigit() else _SEASONS.get(text)


def _truthy(value: Any) -> bool:
    """``circa`` comes as true, 1, "1" or "true" depending on the exporter."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no")
    return bool(value)


def _read_custom(value: Any, ref: Reference, warn: Warn) -> None:
    """String members of ``custom`` are extras (``biblatex.usera`` …); the rest waits, typed,
    in ``extra["csl.custom"]`` so the writer can give it back unchanged."""
    if not isinstance(value, dict):
        warn("custom should be an object; kept as it is")
        ref.extra[_CUSTOM_REST] = _json(value)
        return
    rest = {}
    for key, member in value.items():
        if isinstance(member, str):
            ref.extra[str(key)] = member
        else:
            rest[key] = member
    if rest:
        ref.extra[_CUSTOM_REST] = _json(rest)


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
    custom: dict[str, Any] = {}
    for key, value in ref.extra.items():
        if key == _CUSTOM_REST:
            continue
        if key.startswith("csl."):
            item[key[4:]] = _unjson(value)
        else:
            custom[key] = value
    _add_custom(item, custom, ref.extra.get(_CUSTOM_REST))
    return item


def _unjson(value: str) -> Any:
    """A ``csl.*`` extra is JSON text; one set by hand may be a plain string."""
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


def _add_custom(item: dict, custom: dict, rest: str | None) -> None:
    """Put extras under ``custom``, merged with the typed members read from it."""
    kept = _unjson(rest) if rest is not None else None
    if isinstance(kept, dict):
        custom = {**kept, **custom}
    elif kept is not None and not custom:
        item["custom"] = kept                      # not an object in the input: given back as is
        return
    if custom:
        item["custom"] = custom


def write(library: Library, **_options) -> bytes:
    """A JSON array of items, indented by 2, UTF-8 (not ASCII-escaped), ending in a newline.

    An unchanged library read from one CSL-JSON file gives back that file's bytes.
    """
    original = unchanged_original(library, "csljson")
    if original is not None:
        return original
    items = [reference_to_item(r) for r in library]
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
