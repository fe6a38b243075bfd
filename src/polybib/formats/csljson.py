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

import json
import math
import re
from typing import Any, Callable

from ..dates import parse_date
from ..encoding import decode_or_report, replace_lone_surrogates
from ..model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, Library, Name, Reference, Source
from ._document import remember, unchanged_original

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
#: Variables that hold text (not names, not dates), for other formats' mappings.
TEXT_VARIABLES = frozenset(_KNOWN) - {"title-addon"} - set(DATE_VARIABLES) - set(NAME_VARIABLES)
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
    text = decode_or_report(data, filename, library.diagnostics, "JSON must be UTF-8")
    if text is None:
        return library
    decoder = _Decoder()
    try:
        parsed = decoder.decode(text)
    except json.JSONDecodeError as exc:
        library.diagnostics.append(Diagnostic(filename, exc.lineno, f"not valid JSON: {exc.msg} "
                                              f"(column {exc.colno})", code="parse", column=exc.colno))
        return library
    except RecursionError:
        line = _deep_nesting_line(text)
        library.diagnostics.append(Diagnostic(filename, line, f"JSON nested too deeply to read (more than "
                                              f"{_DEEP} arrays or objects inside each other from this line)",
                                              code="parse"))
        return library
    decoder.report(text, filename, library.diagnostics)
    items, shape = _items_of(parsed)
    if items is None:
        library.diagnostics.append(Diagnostic(filename, 1, "CSL-JSON must be an array of items, "
                                              f"not a JSON {type(parsed).__name__}", code="parse"))
        return library
    lines = _item_lines(text, shape, decoder)
    # a lone surrogate can only come from a \ud800-\udfff escape (the text itself is
    # decoded strictly or with U+FFFD, never with surrogates): without one, the per-item
    # walk that replaces them is skipped
    surrogates = "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, dict):
            library.diagnostics.append(Diagnostic(filename, line, f"item {index + 1} is not an object "
                                                  f"but {_json(item)[:80]}; skipped",
                                                  code="parse"))
            continue
        item, lone = _without_lone_surrogates(item) if surrogates else (item, 0)
        if lone:
            library.diagnostics.append(Diagnostic(filename, line, f"{lone} unpaired surrogate escape(s) "
                                                  "(\\ud800-\\udfff) replaced by U+FFFD", "warning",
                                                  code="encoding"))
        library.references.append(item_to_reference(item, Source(filename, line, "", "csljson"),
                                                    library.diagnostics))
    _warn_duplicate_ids(library.references, library.diagnostics)
    remember(library, filename, "csljson", data)
    return library


#: Where a lone surrogate can come from: a JSON escape of one (``\udc80``, any case of the
#: hex digits).  (A pattern that also looks for surrogate characters is ten times slower.)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

#: Nesting depth reported as the place where a too-deep document goes too deep.
_DEEP = 500
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _deep_nesting_line(text: str) -> int:
    """The line where nesting first passes ``_DEEP`` levels (strings skipped), for the message."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group(0)
        if token in "[{":
            depth += 1
            if depth > _DEEP:
                return text.count("\n", 0, m.start()) + 1
        elif token in "]}":
            depth -= 1
    return 1


#: Integers longer than this stay text: Python refuses to convert more than 4,300 digits,
#: and no CSL number (a year, a page count, an id) comes near it.
_MAX_INT_DIGITS = 100


class _Decoder(json.JSONDecoder):
    """``json`` with the non-standard and the unconvertible kept as text instead of failing:
    ``Infinity``/``NaN``, numbers that overflow a float (``1e400``) and integers too long
    to convert.  What was kept so is reported once per kind, at its first line."""

    def __init__(self):
        self.kept: dict[str, str] = {}
        super().__init__(parse_int=self._int, parse_float=self._float, parse_constant=self._constant)

    def _int(self, literal: str):
        if len(literal.lstrip("-")) > _MAX_INT_DIGITS:
            self.kept.setdefault("an integer of more than 100 digits", literal[:40])
            return literal
        return int(literal)

    def _float(self, literal: str):
        value = float(literal)
        if not math.isfinite(value):
            self.kept.setdefault("a number too large for a float", literal[:40])
            return literal
        return value

    def _constant(self, name: str) -> str:
        self.kept.setdefault(f"{name} (not JSON)", name)
        return name

    def report(self, text: str, filename: str, diagnostics: list[Diagnostic]) -> None:
        for what, literal in self.kept.items():
            at = text.find(literal)
            line = text.count("\n", 0, at) + 1 if at >= 0 else 1
            diagnostics.append(Diagnostic(filename, line, f"{what} read as the text {literal!r}", "warning",
                                          code="parse"))


def _without_lone_surrogates(item: dict) -> tuple[dict, int]:
    """The item with unpaired surrogates (from ``\\ud800`` escapes) in keys and strings replaced,
    walked without recursion; and how many there were."""
    count = 0

    def clean(value):
        nonlocal count
        if isinstance(value, str):
            value, n = replace_lone_surrogates(value)
            count += n
        return value

    root = {"": item}
    stack: list = [root]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            for key in list(container):
                value = container.pop(key)
                container[clean(key)] = value = clean(value)
                if isinstance(value, (dict, list)):
                    stack.append(value)
        else:
            for i, value in enumerate(container):
                container[i] = value = clean(value)
                if isinstance(value, (dict, list)):
                    stack.append(value)
    return root[""], count


def _items_of(parsed: Any) -> tuple[list | None, str]:
    """The list of items and the shape they came in, as Zotero, pandoc and APIs write them."""
    if isinstance(parsed, list):
        return parsed, "array"
    if isinstance(parsed, dict):
        if isinstance(parsed.get("items"), list):
            return parsed["items"], "items"
        return [parsed], "single"
    return None, ""


def _item_lines(text: str, shape: str, decoder: json.JSONDecoder) -> list[int]:
    """The 1-based line each item starts on.

    The json module keeps no positions, so the (already validated) text is walked once
    more with ``raw_decode``, one top-level value at a time.
    """
    pos = _WS.match(text, 0).end()
    if shape == "single":
        offsets = [pos]
    else:
        if shape == "items":
            pos = _value_position(text, pos, "items", decoder)
        offsets = _element_offsets(text, pos, decoder)
    # the newlines before each offset, counted from the previous one (offsets increase)
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines


def _value_position(text: str, pos: int, wanted: str, decoder: json.JSONDecoder) -> int:
    """Offset of the value of key ``wanted`` in the object at ``pos`` (the last one wins,
    as in ``json.loads``)."""
    found = pos
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


def _element_offsets(text: str, pos: int, decoder: json.JSONDecoder) -> list[int]:
    """Offsets of the elements of the array that starts at ``pos``."""
    offsets = []
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
    """JSON text of a value, for messages and ``csl.*`` extras (never with a lone surrogate)."""
    return replace_lone_surrogates(json.dumps(value, ensure_ascii=False))[0]


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


_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")


def _layout_spaces(text: str) -> str:
    """Runs of layout white space as one space (most name parts have none to change)."""
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        return _LAYOUT_SPACE.sub(" ", text)
    return text


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
    # white space in a name part is layout: runs become one space, ends are trimmed (a
    # no-break space between initials, "G.\u00a0W.", is a character and stays)
    name = Name(**{attr: _layout_spaces(str(value[key])).strip(" ") for key, attr in _NAME_KEYS.items()
                   if value.get(key) is not None and str(value[key]).strip()})
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
    None when the value is not date-parts at all, or not a date a writer can print
    (a year beyond ±9999, a month outside 1-12 or the seasons 13-24, a day outside 1-31)."""
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
            number = _date_number(piece)
            if number is None:
                return None
            numbers.append(number)
        if numbers:
            if not _plausible(numbers[:3]):
                return None
            parts.append(numbers[:3])
    return parts


def _date_number(piece: Any) -> int | None:
    """An integer from a JSON number or an ASCII-digit string (``"²"`` is a digit to
    ``str.isdigit`` but not a number); None otherwise."""
    if isinstance(piece, bool):
        return None
    if isinstance(piece, int):
        return piece
    if isinstance(piece, float):
        return int(piece) if math.isfinite(piece) and piece.is_integer() else None
    text = str(piece).strip()
    if re.fullmatch(r"-?[0-9]{1,6}", text):
        return int(text)
    return None


def _plausible(numbers: list[int]) -> bool:
    if not -9999 <= numbers[0] <= 9999:
        return False
    if len(numbers) > 1 and not 1 <= numbers[1] <= 24:
        return False
    return len(numbers) < 3 or 1 <= numbers[2] <= 31


def _season(value: Any) -> int | None:
    """CSL seasons 1-4 (as a number, a numeric string or a word); None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 4 else None
    text = str(value).strip().lower()
    if re.fullmatch(r"[0-9]{1,2}", text):
        return int(text) if 1 <= int(text) <= 4 else None
    return _SEASONS.get(text)


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
