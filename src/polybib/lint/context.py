"""What the rules look at: each entry with its record, its raw fields and their places.

For a ``.bib`` file every field is located in the file (offset and line), so a finding
points at the field's own line and a fix replaces exactly the field's value and nothing
else.  Records from other formats (CSL-JSON, RIS, text) are linted on the model alone;
their findings point at the record's line and carry no fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..formats.bibtex.document import BibDocument, LineIndex, Segment
from ..formats.bibtex.lazy import EntryReference
from ..model import Date, Library, Name, Reference
from .findings import Edit, Finding
from .record import LINK_FIELDS, LintRecord


@dataclass
class FieldSpan:
    name: str          # as written in the file
    raw: str           # the raw value text: {…}, "…", 1999, macro # {…}
    value: str         # resolved (macros expanded, enclosing removed), LaTeX kept
    start: int         # offset of ``raw`` in the file text
    line: int
    column: int = 1    # of the field name on its line

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def replace_value(self, body: str) -> Edit:
        """An edit that replaces the value, keeping its braces or quotes."""
        raw = self.raw
        if len(raw) >= 2 and ((raw[0] == "{" and raw[-1] == "}") or (raw[0] == '"' and raw[-1] == '"')) \
                and "#" not in raw:
            return Edit(self.start + 1, self.end - 1, body)
        return Edit(self.start, self.end, "{" + body + "}")


#: The fields of a .bib entry whose mapping gives every record variable a rule reads while
#: the entry is linted (``entry.record``: title, container-title, author, editor, DOI, URL,
#: ISBN, ISSN, accessed, volume, issue, issued, language, the type) and what
#: :meth:`EntryView.keep_for_run` keeps (:data:`RUN_VARIABLES`, :data:`RUN_EXTRA`).
#: During the entry pass lint's record (:class:`~polybib.lint.record.LintRecord`) makes
#: each variable from these fields alone, when a rule reads it.  A rule that reads another
#: variable of ``entry.record`` must add its maker there and its fields here
#: (tests/lint/test_record_fields.py compares each variable with the whole record's on the
#: corpus).  ``month`` and ``day`` make ``issued`` with ``year``; ``entrysubtype`` decides
#: a ``@misc``'s type.
RECORD_FIELDS = frozenset({
    "title", "journaltitle", "journal", "booktitle", "author", "editor", "doi", "url", "isbn",
    "issn", "urldate", "volume", "number", "issue", "date", "year", "month", "day", "langid",
    "language", "entrysubtype", "crossref", "xref", "xdata", "related"})
#: The record variables those fields give that the rules read (the test's list).
RECORD_VARIABLES = ("title", "container-title", "author", "editor", "DOI", "URL", "ISBN", "ISSN",
                    "accessed", "volume", "issue", "issued", "language")

#: The record variables the run-wide rules read (D001, D002, N004, L004):
#: :meth:`EntryView.keep_for_run` keeps these and drops the rest of the record.
RUN_VARIABLES = ("DOI", "author", "editor", "title", "issued", "language")
_RUN_INDEX = {name: i for i, name in enumerate(RUN_VARIABLES)}
_RUN_SLOTS = tuple(f"_run_v{i}" for i in range(len(RUN_VARIABLES)))
_RUN_SLOT = {name: _RUN_SLOTS[i] for name, i in _RUN_INDEX.items()}
_ISSUED_AT = _RUN_INDEX["issued"]
#: And what of the record's ``extra`` they read (S006: the keys an entry links to).
RUN_EXTRA = ("biblatex.crossref", "biblatex.xref", "biblatex.xdata", "biblatex.related")
_LINK_FIELDS = frozenset(LINK_FIELDS)
_NO_EXTRA: dict = {}      # shared and never written: the kept records are only read
_ABSENT = object()
#: A kept variable that is its entry's field as it stands (see keep_for_run): the title
#: (no LaTeX to decode) and the DOI (nothing to unescape), by the field that holds them.
_IN_ENTRY = object()
_ENTRY_FIELD = {"title": "title", "DOI": "doi"}
_FROM_ENTRY = tuple((_RUN_INDEX[variable], field_name) for variable, field_name in _ENTRY_FIELD.items())


class RunRecord:
    """The few variables of a record that the run-wide rules read, read as a
    :class:`Reference` is (``get``, ``[…]``, ``in``, ``type``, ``language``, ``extra``).

    A view, made when asked for, of what :meth:`EntryView.keep_for_run` kept in the
    entry's own slots: one slot per variable there, not an object per entry (nor a dict
    or a tuple of them), a tenth of lint's memory per entry less (issue 12).  Of
    ``issued`` only the year is kept (D002 compares years).  Asking for a variable that is
    not kept is an error, not a silent ``None``: a run-wide rule that needs another one
    adds it to :data:`RUN_VARIABLES`.
    """

    __slots__ = ("_entry",)

    def __init__(self, entry: "EntryView"):
        self._entry = entry

    @property
    def id(self) -> str:
        return self._entry.ref.id

    @property
    def type(self) -> str:
        return self._entry._run_type

    @property
    def extra(self) -> dict:
        return self._entry._run_extra

    @property
    def _ref(self) -> Reference:
        return self._entry.ref

    @property
    def _values(self) -> tuple:
        return tuple(self._at(name) for name in RUN_VARIABLES)

    @property
    def source(self):
        """The record's source (asked of the record: a .bib record makes it when read)."""
        return self._entry.ref.source

    def _at(self, variable: str):
        return _kept(self._entry, variable)

    def get(self, variable: str, default=None):
        value = self._at(variable)
        return default if value is _ABSENT else value

    def __getitem__(self, variable: str):
        value = self._at(variable)
        if value is _ABSENT:
            raise KeyError(variable)
        return value

    def __contains__(self, variable: str) -> bool:
        return self._at(variable) is not _ABSENT

    @property
    def language(self) -> str:
        return self.get("language", "")


def _kept(entry: "EntryView", variable: str):
    """What :meth:`EntryView.keep_for_run` kept of ``variable`` (``_ABSENT`` if the
    record had none), read back from the entry where only the place was kept."""
    slot = _RUN_SLOT.get(variable)
    if slot is None:
        raise LookupError(f"{variable!r} is not kept for the run-wide rules (RUN_VARIABLES)")
    value = getattr(entry, slot)
    if value is _IN_ENTRY:
        seg = entry.ref.__dict__["_segment"]
        return seg.field(lower_all(seg.names).index(_ENTRY_FIELD[variable]))[2]
    return value


#: A name's parts as one tuple, made at C speed (the key of equal names in ``shared``; a
#: 6-tuple is never equal to a date's ``("year", year)``).
_NAME_PARTS = attrgetter("family", "given", "non_dropping_particle", "dropping_particle", "suffix", "literal")
#: The kinds of value :func:`_shared` changes; any other is kept as it is.
_SHARED_KINDS = frozenset({list, Date})


def _shared(value, shared: dict):
    """What a run-wide rule needs of ``value``, as one object for equal values across the
    run (in ``shared``): a file names the same people again and again (20,000 generated
    entries have 48,000 names but 7,000 distinct ones), and the kept records are only
    read.  A date is kept as its year alone."""
    kind = type(value)
    if kind is list:            # names: read in order, never changed, so a tuple
        setdefault = shared.setdefault
        return tuple([setdefault(_NAME_PARTS(n), n) if type(n) is Name else n for n in value])
    if kind is Date and value.parts and value.parts[0]:
        year = value.year
        return shared.get(("year", year)) or shared.setdefault(("year", year), Date([[year]]))
    return value


@dataclass(slots=True)
class EntryView:
    ref: Reference
    file: str
    line: int
    key: str
    entry_type: str = ""                        # lower-cased BibTeX type; "" for other formats
    #: Resolved field values by lower-cased name (first occurrence), for BibTeX entries:
    #: made from the segment while the entry is linted (:attr:`values`), then dropped.
    _values: dict[str, str] | None = None
    segment: Segment | None = None
    lines: LineIndex | None = None
    #: Field names the entry inherits through crossref/xdata (set by the engine; shared
    #: and empty for the many entries that inherit nothing).
    inherited: set[str] | frozenset = frozenset()
    _spans: dict[str, FieldSpan] | None = None
    #: What the run-wide rules read of the record (:meth:`keep_for_run`, read through
    #: :class:`RunRecord`): its type (None: nothing kept), its links and the variables of
    #: RUN_VARIABLES, a slot each.
    _run_type: str | None = None
    _run_extra: dict | None = None
    _run_v0: object = None
    _run_v1: object = None
    _run_v2: object = None
    _run_v3: object = None
    _run_v4: object = None
    _run_v5: object = None
    _kept: bool = False
    #: The record the entry rules read (:attr:`record`) while the entry is linted:
    #: mapped from the entry's fields apart from the .bib file's own record (None until
    #: a rule reads it; dropped by :meth:`keep_for_run`).
    _record: Reference | None = None

    @property
    def values(self) -> dict[str, str]:
        """Resolved field values by lower-cased name, the first occurrence of a name winning.

        Made from the segment on first use and kept until the entry pass is over
        (:meth:`keep_for_run`): every entry's values at once made a large file's lint
        hold a second copy of its fields (issue 12).  Read later, they are made afresh.
        """
        values = self._values
        if values is None:
            seg = self.segment
            if seg is None:
                values = {}
            else:
                # by lower-cased name, the first occurrence wins (reversed: built at C speed)
                values = dict(zip(reversed(lower_all(seg.names)), reversed(seg.resolved_values())))
            if not self._kept:
                self._values = values
        return values

    @property
    def record(self) -> Reference | LintRecord:
        """The record as the entry rules read it.

        For an entry of a .bib file whose record nobody has mapped or changed yet (a file
        just read), a record of lint's own (:class:`~polybib.lint.record.LintRecord`),
        each variable made from the entry's values when a rule first reads it, dropped
        after the entry's rules (:meth:`keep_for_run`).  Why not the file's record:
        mapping it in place and forgetting it again left every record of a large file a
        larger dict than it had (issue 12), and mapping every field of every entry into a
        whole record was a fifth of lint's time, for variables most rules never read
        (issue 18.6).  Otherwise (other formats, records already mapped or changed):
        :attr:`ref` itself.
        """
        record = self._record
        if record is not None:
            return record
        ref, seg = self.ref, self.segment
        if self._kept or seg is None or type(ref) is not EntryReference or ref.mapped \
                or not ref.unchanged():
            return ref
        # (its variables are made from the entry's values as the rules read them)
        record = self._record = LintRecord(seg.key, self.entry_type, self.values)
        return record

    def has(self, field_name: str) -> bool:
        """Whether the entry has field ``field_name`` (lower-case) itself; unless its values
        are at hand, answered from the field names alone, without making the values."""
        if self._values is not None or self.segment is None:
            return field_name in self.values
        return field_name in lower_all(self.segment.names)

    @property
    def run_ref(self) -> Reference | RunRecord:
        """The record as the run-wide rules (duplicates, name forms, schemes) see it: only
        the variables they read, so that a run does not hold every mapped record at once."""
        return self.ref if self._run_type is None else RunRecord(self)

    def run_get(self, variable: str, default=None):
        """``run_ref.get(variable, default)``, without making the view: the run-wide rules
        ask it of every entry several times over (D002, N004, L004), and a view per question
        was a tenth of their time."""
        if self._run_type is None:
            return self.ref.get(variable, default)
        value = _kept(self, variable)
        return default if value is _ABSENT else value

    def run_is_text(self, variable: str) -> bool:
        """Whether ``run_get(variable)`` is text, without reading a title kept as the
        entry's own text back from the entry (D002 asks it of every entry)."""
        if self._run_type is None:
            return isinstance(self.ref.get(variable), str)
        value = getattr(self, _RUN_SLOT[variable])
        return value is _IN_ENTRY or isinstance(value, str)

    def keep_for_run(self, shared: dict) -> None:
        """Keep of the mapped record only what the run-wide rules read, and forget the rest.

        Why: those rules compare every entry with every other, so what they read stays in
        memory for the whole run; whole mapped records made lint's memory ~24x its input
        (issue 12).  Only a record read from a ``.bib`` entry can be forgotten (it is mapped
        again from its entry when read later), and only one the entry rules mapped.
        ``shared`` holds, for the whole run, one object per distinct name list and date.
        """
        values, record = self._values, self._record
        if self.segment is not None:
            self._kept, self._values, self._spans = True, None, None
        self._record = None
        ref = self.ref
        if record is None:          # the rules read the file's own record, if any
            if not isinstance(ref, EntryReference) or not ref.mapped:
                return
            record = ref            # mapped before lint: kept the same way, then forgotten
        if type(record) is LintRecord:      # its variables made now if no rule read them
            at = record._at
            made = [at(v) if v != "issued" else record.year_of_issue() for v in RUN_VARIABLES]
            year = made[_ISSUED_AT]
            if type(year) is int:           # a plain year, the date not made (see _shared)
                made[_ISSUED_AT] = shared.get(("year", year)) or \
                    shared.setdefault(("year", year), Date([[year]]))
            # (its names are already one object per name text for the run: lint.record)
            kept = tuple([_ABSENT if value is None else tuple(value) if type(value) is list
                          else _shared(value, shared) if type(value) is Date else value for value in made])
        else:
            get = record.fields.get
            kept = tuple([value if type(value) not in _SHARED_KINDS else _shared(value, shared)
                          for value in [get(v, _ABSENT) for v in RUN_VARIABLES]])
        if values is not None:
            # a title or DOI that is the entry's own text (no LaTeX to decode, nothing to
            # unescape) is read again from the entry when asked, not held for the run (a
            # large file's titles were a tenth of lint's peak, issue 12)
            for i, field_name in _FROM_ENTRY:
                value = kept[i]
                if type(value) is str and value is values.get(field_name):
                    kept = kept[:i] + (_IN_ENTRY,) + kept[i + 1:]
        if type(record) is LintRecord:      # (its extras are the links alone, if any)
            links = record.extra if not _LINK_FIELDS.isdisjoint(values or record._values) else None
        else:
            extra = record.extra
            links = {n: extra[n] for n in RUN_EXTRA if n in extra} if extra else None
        self._run_type, self._run_extra = record.type, links or _NO_EXTRA
        for slot, value in zip(_RUN_SLOTS, kept):
            setattr(self, slot, value)
        if record is ref:
            ref.unmap()

    def record_values(self, variables) -> list:
        """The values of ``variables`` in the whole record, for the rare run-wide check
        that needs more than :data:`RUN_VARIABLES`; a record already dropped is mapped
        again and dropped once more."""
        ref = self.ref
        dropped = self._run_type is not None and isinstance(ref, EntryReference) and not ref.mapped
        values = [ref.get(v) for v in variables]
        if dropped:
            ref.unmap()
        return values

    @property
    def is_bib(self) -> bool:
        return self.segment is not None

    @property
    def fields(self) -> dict[str, FieldSpan]:
        """Where each field stands in the file; located on first use (most entries never
        need it: only findings and fixes do)."""
        if self._spans is None:
            self._spans = locate_fields(self.segment, self.lines) if self.segment is not None else {}
        return self._spans

    def span(self, field_name: str) -> FieldSpan | None:
        """Where one field stands.  A finding needs only its own field's place, so when the
        scanner recorded the offsets that one field is placed alone, not all of them."""
        seg = self.segment
        if self._spans is not None or seg is None or not seg.located:
            return self.fields.get(field_name)
        for i, name in enumerate(seg.names):
            if name.lower() == field_name:
                return _span_at(seg, i, self.lines)
        return None

    def last_field_end(self) -> int | None:
        """Where the value of the entry's last field ends in the file (of the fields
        :attr:`fields` places: a repeated name counts once, at its first place); None when
        none is placed.  Fields stand in file order, so with the scanner's offsets this is
        the last field whose name is not a repeat, placed alone: adding a field after it
        (L002's fix, on every entry without ``langid``) used to place every field."""
        seg = self.segment
        if self._spans is None and seg is not None and seg.located:
            names = lower_all(seg.names)
            for i in range(len(names) - 1, -1, -1):
                if names.index(names[i]) == i:
                    return seg.field_place(i)[1] + len(seg.field(i)[1])
            return None
        spans = self.fields
        return max(span.end for span in spans.values()) if spans else None

    def line_of(self, field_name: str | None) -> int:
        if not field_name or not self.has(field_name):
            return self.line
        span = self.span(field_name)
        return span.line if span else self.line

    def may_link(self) -> bool:
        """Whether the entry may name another (``crossref``, ``xref``, ``xdata``,
        ``related``): False for a .bib entry kept for the run that has none of those fields
        and kept no such extra, which S006 then skips without reading the four fields of
        every entry one by one."""
        seg = self.segment
        if seg is None or self._run_type is None or self._run_extra:
            return True
        return not _LINK_FIELDS.isdisjoint(lower_all(seg.names))

    def value(self, field_name: str) -> str | None:
        if self._values is not None or not self._kept or self.segment is None:
            return self.values.get(field_name)   # (in the entry pass: made once, at hand)
        seg = self.segment          # after the pass: the one field, not all of them
        names = lower_all(seg.names)
        return seg.field(names.index(field_name))[2] if field_name in names else None


# (a variable added to RUN_VARIABLES needs its slot in EntryView)
assert all(hasattr(EntryView, slot) for slot in _RUN_SLOTS), "EntryView lacks a _run_v slot"


@dataclass
class FileContext:
    path: str
    library: Library
    document: BibDocument | None
    entries: list[EntryView]
    lines: LineIndex | None

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""


_FIELD_START = re.compile(r"(?:^|[,\s{(])([^\s=,{}()\"#%]+)\s*=\s*")


_NEXT_FIELD = re.compile(r"([\s,]+)([^\s=,{}()\"#%]+)\s*=\s*")


def _next_field(raw: str, pos: int, low: str) -> tuple[int, int] | None:
    """Where field ``low`` starts (its name, its value) when it is the very next thing after
    ``pos`` (only spaces and commas between), as ``_FIELD_START`` would find it; else None.

    Why: fields come in order, so this is the usual case, and one anchored match is much
    cheaper than ``_FIELD_START.search``, which tries every position.  The separator run
    is greedy and a name cannot start with a space or comma, so the name matched here is
    the one the search would find first.  Anything else returns None and the caller falls
    back to the search.
    """
    m = _NEXT_FIELD.match(raw, pos)
    if m is None or m.group(2).lower() != low:
        return None
    return m.start(2), m.end()


def locate_fields(seg: Segment, lines: LineIndex) -> dict[str, FieldSpan]:
    """Each field's raw value in the file (first occurrence of a name wins): from the
    offsets the scanner recorded, or else found in the entry's raw text.

    Fields come in file order, so each search starts after the previous value: an ``=``
    inside a value (``?id=19537``) is never taken for a field.
    """
    spans: dict[str, FieldSpan] = {}
    if seg.located:                          # the scanner saw where each field stands
        for i, name in enumerate(seg.names):
            low = name.lower()
            if low not in spans:
                spans[low] = _span_at(seg, i, lines)
        return spans
    pos = seg.raw.find(",") + 1 if "," in seg.raw else 0
    for name, raw_value, resolved in seg.fields:
        low = name.lower()
        value_at = _next_field(seg.raw, pos, low)
        if value_at is None:
            m = _FIELD_START.search(seg.raw, pos)
            while m and m.group(1).lower() != low:
                m = _FIELD_START.search(seg.raw, m.end())
            if not m:
                continue
            name_at, value_at = m.start(1), m.end()
        else:
            name_at, value_at = value_at
        at = seg.raw.find(raw_value, value_at) if raw_value else -1
        if at < 0:
            continue
        pos = at + len(raw_value)
        if low not in spans:
            start = seg.offset + at
            spans[low] = FieldSpan(name, raw_value, resolved, start, lines.line(start),
                                   lines.column(seg.offset + name_at))
    return spans


def _span_at(seg: Segment, i: int, lines: LineIndex) -> FieldSpan:
    """The place of the ``i``-th field of an entry whose offsets the scanner recorded."""
    name, raw_value, resolved = seg.field(i)
    name_at, value_at = seg.field_place(i)
    return FieldSpan(name, raw_value, resolved, value_at, lines.line(value_at), lines.column(name_at))


@lru_cache(maxsize=4096)
def _lower(name: str) -> str:
    """A field name lower-cased, one string object per name for the whole run (a file
    repeats the same few dozen names; a new string per entry cost a tenth of lint's memory)."""
    return name.lower()


@lru_cache(maxsize=4096)
def lower_all(names: tuple[str, ...]) -> tuple[str, ...]:
    """An entry's field names lower-cased, in order: one tuple for every entry with the
    same names (a file has few layouts), so that asking for one field after the entry pass
    is a lookup in it rather than a lower-casing of each name."""
    return tuple(_lower(name) for name in names)


def build_file_context(path: str, library: Library) -> FileContext:
    documents = [d for d in library.documents if isinstance(d, BibDocument)]
    if documents:
        doc = documents[0]
        lines = doc.lines or LineIndex(doc.text)
        entries = []
        for seg in doc.entries():
            if seg.ref is None:
                continue
            entries.append(EntryView(seg.ref, path, seg.line, seg.key, _lower(seg.entry_type),
                                     None, seg, lines))
        return FileContext(path, library, doc, entries, lines)
    entries = [EntryView(ref, path, ref.source.line or 1, ref.id) for ref in library]
    return FileContext(path, library, None, entries, None)


@dataclass
class RunContext:
    """Everything one lint run sees; rules of scope "run" get this."""

    files: list[FileContext]
    config: "object"
    link_results: list = field(default_factory=list)
    #: first entries of records linted before this run, by rule (a batch run lints partition
    #: by partition): D001 ``{doi: key}``, D002 ``{(author, year): {title key: key}}``
    earlier: dict = field(default_factory=dict)

    def entries(self):
        for ctx in self.files:
            yield from ctx.entries


def finding(rule_func, entry: EntryView, message: str, field_name: str | None = None,
            fix=None, line: int | None = None, column: int = 1) -> Finding:
    """A Finding for ``rule_func`` about ``entry`` (and one of its fields)."""
    r = rule_func.rule
    span = entry.span(field_name) if field_name and entry.has(field_name) else None
    if span and line is None:
        column = span.column
    return Finding(r.code, r.name, r.severity, entry.file, line or (span.line if span else entry.line),
                   message, entry=entry.key or None, field=field_name, column=column, fix=fix)
