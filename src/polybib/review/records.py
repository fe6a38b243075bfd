"""One reference under review: its record, its original text, and the user's corrections.

A :class:`ReviewRecord` is what the page edits.  The record is polybib's own
:class:`~polybib.model.Reference`; what the review adds is the original text it was
parsed from, the spans the user labelled by hand, which fields are uncertain, and a log
of the corrections (so the corrections can be exported as training data, and only those).

Edits are typed as the model is: a name list is edited as names (family, given, particles,
literal, in order), a date as a date, the type from CSL's list.  A span labelled by hand
sets its field from the selected text (parsed as names or a date where the field is one)
and takes that text away from the fields that held it.  Every edit is validated here;
a bad one raises :class:`EditError` and changes nothing.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_date
from ..model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, Date, Name, Reference, Source
from .spans import SKIPPED, Span, locate

#: Where a learned parser names the fields it is unsure of (CSL ``custom``).
LOW_CONFIDENCE_KEY = "polybib.low-confidence-fields"
_CUSTOM_REST = "csl.custom"

#: The labels offered first, with their keyboard shortcuts (``0``: text of no field).
LABELS: list[tuple[str, str]] = [
    ("author", "a"), ("title", "t"), ("container-title", "c"), ("editor", "e"),
    ("publisher", "p"), ("publisher-place", "l"), ("issued", "y"), ("volume", "v"),
    ("issue", "i"), ("page", "g"), ("URL", "u"), ("DOI", "d"), ("accessed", "w"),
    ("collection-title", "s"), ("edition", "o"), ("ISBN", "b"), ("genre", "r"),
    ("note", "n"), ("", "0"),
]


class EditError(ValueError):
    """An edit the record cannot take (unknown field, bad type, bad name or date)."""


def known_variables() -> frozenset[str]:
    from ..formats import csljson
    return frozenset(csljson._KNOWN) | frozenset(NAME_VARIABLES) | frozenset(DATE_VARIABLES)


def kind_of(variable: str) -> str:
    if variable in NAME_VARIABLES:
        return "names"
    if variable in DATE_VARIABLES:
        return "date"
    return "text"


@dataclass
class ReviewRecord:
    ref: Reference
    text: str = ""                       # the original text of a parsed reference ('' for .bib …)
    origin: str = ""                     # FILE:LINE it came from
    user_spans: list[Span] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)
    corrected: bool = False
    reviewed: bool = False
    history: list[str] = field(default_factory=list)
    _view: dict | None = field(default=None, repr=False, compare=False)

    # -------------------------------------------------------------- making and keeping

    @classmethod
    def from_reference(cls, ref: Reference) -> "ReviewRecord":
        origin = f"{ref.source.file}:{ref.source.line}" if ref.source.line else ref.source.file
        uncertain = take_low_confidence(ref)
        return cls(ref, ref.source.text or "", origin, uncertain=uncertain)

    def as_dict(self) -> dict:
        from ..formats.csljson import reference_to_item
        return {"item": reference_to_item(self.ref), "text": self.text, "origin": self.origin,
                "spans": [s.as_dict() for s in self.user_spans], "uncertain": self.uncertain,
                "corrected": self.corrected, "reviewed": self.reviewed, "history": self.history}

    @classmethod
    def from_dict(cls, data: dict) -> "ReviewRecord":
        from ..formats.csljson import item_to_reference
        text = str(data.get("text", ""))
        ref = item_to_reference(data["item"], Source(file=str(data.get("origin", "")), text=text, format="review"))
        spans = [Span(int(s["start"]), int(s["end"]), str(s["field"]), True) for s in data.get("spans", [])]
        return cls(ref, text, str(data.get("origin", "")), spans,
                   [str(u) for u in data.get("uncertain", [])], bool(data.get("corrected")),
                   bool(data.get("reviewed")), [str(h) for h in data.get("history", [])])

    # -------------------------------------------------------------- what the page shows

    def spans(self) -> list[Span]:
        return locate(self.text, self.ref.fields, self.user_spans)

    def view(self, index: int) -> dict:
        """The record as the page draws it: the spans of its fields in the original text
        (``[start, end, field]``; the page colours the text by them), its fields
        (uncertain first) and flags.  Kept until the record changes: a reload of a long
        list costs nothing for the records not touched since."""
        cached = self._view
        if cached is not None and cached["index"] == index:
            return cached
        spans = self.spans()
        located = {s.field for s in spans}
        fields = [{"name": name, "kind": kind_of(name), "value": value_json(value),
                   "uncertain": name in self.uncertain,
                   "located": name in located or name in SKIPPED}
                  for name, value in self.ref.fields.items()]
        fields.sort(key=lambda f: (not f["uncertain"], _rank(f["name"])))
        self._view = {"index": index, "id": self.ref.id, "type": self.ref.type, "text": self.text,
                      "origin": self.origin, "language": self.ref.language,
                      "spans": [[s.start, s.end, s.field] for s in spans],
                      "fields": fields, "uncertain": [u for u in self.uncertain if u in self.ref.fields],
                      "corrected": self.corrected, "reviewed": self.reviewed,
                      # the parser's confidence in the whole record, when it was low
                      "low_confidence": self.ref.extra.get("polybib.low-confidence", "")}
        return self._view

    def changed(self) -> None:
        """Forget the cached view (every edit calls this)."""
        self._view = None

    def set_reviewed(self, reviewed: bool) -> None:
        self.reviewed = reviewed
        if reviewed:
            self.ref.extra.pop("polybib.low-confidence", None)
        self.changed()

    # -------------------------------------------------------------- edits

    def _settled(self, variable: str, what: str) -> None:
        """The user has looked at ``variable``: no longer uncertain; the record is corrected."""
        if variable in self.uncertain:
            self.uncertain.remove(variable)
        self.ref.extra.pop("polybib.low-confidence", None)     # a person has looked at it now
        self.changed()
        self.corrected = True
        self.history.append(what)

    def set_type(self, csl_type: str) -> None:
        if csl_type not in CSL_TYPES:
            raise EditError(f"unknown CSL type {csl_type!r}")
        if csl_type != self.ref.type:
            self.ref.type = csl_type
            self._settled("type", f"type = {csl_type}")

    def set_field(self, variable: str, value: Any) -> None:
        """Set ``variable`` from the page's JSON value (empty: remove it)."""
        if variable not in known_variables():
            raise EditError(f"unknown CSL variable {variable!r}")
        parsed = value_from_json(variable, value)
        if _empty(parsed):
            self.ref.fields.pop(variable, None)
        else:
            self.ref.fields[variable] = parsed
        self.user_spans = [s for s in self.user_spans if s.field != variable]
        self._settled(variable, f"{variable} edited")

    def label(self, start: int, end: int, variable: str) -> None:
        """The user selected ``text[start:end]`` and said it is ``variable`` ('' for text
        that belongs to no field)."""
        if not (0 <= start < end <= len(self.text)):
            raise EditError("the selection is not inside the reference's text")
        if variable and variable not in known_variables():
            raise EditError(f"unknown CSL variable {variable!r}")
        start, end = _trim(self.text, start, end)
        if start >= end:
            raise EditError("the selection holds no text")
        before = self.spans()
        selected = self.text[start:end]
        for span in before:
            if span.field != variable and span.start < end and start < span.end:
                self._give_up(span, start, end)
        self.user_spans = [s for s in self.user_spans if s.end <= start or s.start >= end]
        if variable:
            self.ref.fields[variable] = value_from_text(variable, selected)
            self.user_spans = [s for s in self.user_spans if s.field != variable]
            self.user_spans.append(Span(start, end, variable, True))
        self._settled(variable or "(none)", f"{selected!r} → {variable or 'no field'}")

    def _give_up(self, span: Span, start: int, end: int) -> None:
        """Another field's span overlaps a relabelled selection: that field loses the
        selected text (the whole field when the selection covers it)."""
        variable = span.field
        value = self.ref.fields.get(variable)
        if value is None:
            return
        kind = kind_of(variable)
        covers = start <= span.start and end >= span.end
        if kind == "names":
            piece = fold_plain(self.text[span.start:span.end])
            kept = [n for n in value if piece not in (fold_plain(n.family), fold_plain(n.literal),
                                                     fold_plain(n.given))]
            if len(kept) < len(value) and covers:
                self._set_or_drop(variable, kept)
            return
        if covers:
            self.ref.fields.pop(variable, None)
        elif kind == "text" and start <= span.start < end:            # the selection took its head
            self._set_or_drop(variable, _strip(self.text[end:span.end]))
        elif kind == "text" and start < span.end <= end:             # … or its tail
            self._set_or_drop(variable, _strip(self.text[span.start:start]))
        self.user_spans = [s for s in self.user_spans if not (s.field == variable and s.start < end and start < s.end)]

    def _set_or_drop(self, variable: str, value: Any) -> None:
        if _empty(value):
            self.ref.fields.pop(variable, None)
        else:
            self.ref.fields[variable] = value

    def replace_fields(self, fields: dict[str, Any], csl_type: str, what: str) -> None:
        """Take ``fields`` and ``csl_type`` as the record's (a lint fix applied)."""
        self.ref.fields = fields
        self.ref.type = csl_type
        self.ref.extra.pop("polybib.low-confidence", None)
        self.changed()
        self.corrected = True
        self.history.append(what)

    # -------------------------------------------------------------- training data

    def labelled(self) -> dict | None:
        """The record as a labelled reference (``{"text", "source", "gold"}``, the JSONL of
        ``parse-dev.jsonl``), or None when it has no original text."""
        from ..formats.csljson import reference_to_item
        if not self.text.strip():
            return None
        gold = reference_to_item(self.ref)
        gold.pop("id", None)
        custom = gold.pop("custom", None)
        if isinstance(custom, dict):                  # keep what describes the work, not bookkeeping
            kept = {k: v for k, v in custom.items() if not k.startswith(("polybib.low-confidence", "biblatex."))}
            if kept:
                gold["custom"] = kept
        source = os.path.basename(self.origin.rsplit(":", 1)[0]) if self.origin else ""
        return {"text": self.text, "source": source or "polybib review", "gold": gold}


def _rank(name: str) -> int:
    from ..formats.csljson import _RANK
    return _RANK.get(name, len(_RANK))


def take_low_confidence(ref: Reference) -> list[str]:
    """The fields a learned parser marked as uncertain, taken out of the record's extras
    (as a string extra, or a list inside CSL ``custom``)."""
    found: list[str] = []
    raw = ref.extra.pop(LOW_CONFIDENCE_KEY, None)
    if raw is not None:
        found = _field_list(raw)
    rest = ref.extra.get(_CUSTOM_REST)
    if rest:
        try:
            custom = json.loads(rest)
        except ValueError:
            custom = None
        if isinstance(custom, dict) and LOW_CONFIDENCE_KEY in custom:
            found += _field_list(custom.pop(LOW_CONFIDENCE_KEY))
            if custom:
                ref.extra[_CUSTOM_REST] = json.dumps(custom, ensure_ascii=False)
            else:
                del ref.extra[_CUSTOM_REST]
    return list(dict.fromkeys(f for f in found if f))


def _field_list(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [str(x) for x in raw]
    if isinstance(raw, str):
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(x) for x in parsed]
        return [p for p in re.split(r"[,\s]+", raw) if p]
    return []


# ------------------------------------------------------------------ values

_NAME_PARTS = {"family": "family", "given": "given", "non-dropping-particle": "non_dropping_particle",
               "dropping-particle": "dropping_particle", "suffix": "suffix", "literal": "literal"}


def value_json(value: Any) -> Any:
    if isinstance(value, Date):
        return {"text": value.iso(), "parts": value.parts, "literal": value.literal}
    if isinstance(value, list):
        return [{key: getattr(n, attr) for key, attr in _NAME_PARTS.items() if getattr(n, attr)}
                for n in value if isinstance(n, Name)]
    return value if isinstance(value, str) else str(value)


def value_from_json(variable: str, value: Any) -> Any:
    kind = kind_of(variable)
    if kind == "names":
        if not isinstance(value, list):
            raise EditError(f"{variable}: a list of names is expected")
        names = []
        for item in value:
            if not isinstance(item, dict):
                raise EditError(f"{variable}: each name is an object (family, given …)")
            parts = {attr: _one_line(item.get(key, "")) for key, attr in _NAME_PARTS.items()}
            name = Name(**parts)
            if not name.is_empty():
                names.append(name)
        return names
    if kind == "date":
        if isinstance(value, dict):
            value = value.get("text", "")
        if not isinstance(value, str):
            raise EditError(f"{variable}: a date is written as text (2019, 2019-02-11, 11.02.2019)")
        return _date(value)
    if not isinstance(value, str):
        raise EditError(f"{variable}: text is expected")
    return _one_line(value)


def value_from_text(variable: str, text: str) -> Any:
    """The value a selected piece of the original text gives ``variable``."""
    kind = kind_of(variable)
    if kind == "names":
        from ..refparse.names import parse_names
        names, _, _ = parse_names(text)
        return names or [Name(literal=_one_line(text))]
    if kind == "date":
        return _date(text)
    return _one_line(text)


def _date(text: str) -> Date:
    text = text.strip().strip(".,;:()[]")
    date = parse_date(text)
    if date.parts or not text:
        return date
    dotted = re.search(r"\b([0-3]?\d)\.([01]?\d)\.(\d{4})\b", text)
    if dotted:
        again = parse_date(f"{dotted.group(3)}-{int(dotted.group(2)):02d}-{int(dotted.group(1)):02d}")
        if again.parts:
            return again
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return Date(parts=[[int(year.group(1))]]) if year else date


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _empty(value: Any) -> bool:
    if isinstance(value, Date):
        return not value.parts and not value.literal
    return not value


_EDGE = " \t\n,.;:/–—-"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the spaces and separators at its edges (a full stop that is part
    of the last initial, ``С.М.``, is kept)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        if text[end - 1] == "." and end - 2 >= start and text[end - 2].isalpha() and \
                (end - 3 < start or not text[end - 3].isalpha()):
            break                                    # an initial's full stop
        end -= 1
    return start, end


def _strip(text: str) -> str:
    return _one_line(text).strip(_EDGE + "«»\"")


def fold_plain(text: str) -> str:
    from .spans import fold
    return fold(text).strip(".,")
