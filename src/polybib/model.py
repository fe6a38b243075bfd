"""The one data model every format reads into and writes from.

A :class:`Reference` is shaped like a CSL-JSON item: a CSL type, and variables named as
CSL-JSON names them (``author``, ``container-title``, ``issued``, ``URL`` …).  Name
variables hold lists of :class:`Name`, date variables hold :class:`Date`, everything else
is a string.  What a format carries that CSL has no variable for is kept verbatim in
``Reference.extra`` (keyed by the format's own field name), so that converting between
formats loses as little as the target format allows.

Rich text inside string values uses CSL-JSON's HTML-like markup (``<i>``, ``<b>``,
``<sup>``, ``<sub>``, ``<span class="nocase">``): it is what CSL processors understand,
and it is how a BibTeX protective brace ``{NASA}`` survives the trip through CSL-JSON.
"""
from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterator

#: CSL variables that hold lists of names.
NAME_VARIABLES = (
    "author", "editor", "translator", "container-author", "collection-editor", "composer",
    "director", "editorial-director", "illustrator", "interviewer", "original-author",
    "recipient", "reviewed-author", "chair", "compiler", "contributor", "curator",
    "executive-producer", "guest", "host", "narrator", "organizer", "performer", "producer",
    "script-writer", "series-creator",
)

#: CSL variables that hold dates.
DATE_VARIABLES = (
    "issued", "accessed", "event-date", "original-date", "submitted", "available-date",
)

#: CSL 1.0.2 item types.
CSL_TYPES = (
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
)


@dataclass(slots=True)
class Name:
    """A person or organisation, kept in parts as CSL-JSON keeps them.

    An organisation (or any name that must not be split) has only ``literal``.
    Slotted: a large file has several names per entry, and a run that compares them
    (lint's N004, D002) holds every one (issue 12).
    """

    family: str = ""
    given: str = ""
    non_dropping_particle: str = ""  # "van der" in "van der Berg" (part of the sort key)
    dropping_particle: str = ""      # "de" in "Jean de La Fontaine" when dropped on sorting
    suffix: str = ""
    literal: str = ""

    def is_empty(self) -> bool:
        # the fields by name, not dataclasses.astuple (a deep copy of each value; this is
        # asked for every name of every record read)
        return not (self.family or self.given or self.non_dropping_particle
                    or self.dropping_particle or self.suffix or self.literal)

    def display(self) -> str:
        """The name as a person would write it, family name first: ``van der Berg, J.``."""
        if self.literal:
            return self.literal
        family = " ".join(p for p in (self.non_dropping_particle, self.family) if p)
        given = " ".join(p for p in (self.given, self.dropping_particle) if p)
        return ", ".join(p for p in (family, self.suffix, given) if p) if given or self.suffix else family


@dataclass(slots=True)
class Date:
    """A date or a date range, with as many parts as the source gave (slotted, as
    :class:`Name` is: one or more per record).

    ``parts`` is CSL's ``date-parts``: one ``[year, month, day]`` list (month and day
    optional), or two for a range.  ``literal`` keeps a date that could not be read
    ("n.d.", "в печати"), and ``circa`` an approximate one.
    """

    parts: list[list[int]] = field(default_factory=list)
    literal: str = ""
    circa: bool = False
    season: int | None = None

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts and self.parts[0] else None

    def iso(self) -> str:
        """ISO 8601 / EDTF form as biblatex writes it: ``2019-02-11``, ``2011/2012``."""
        if not self.parts:
            return self.literal
        def one(p: list[int]) -> str:
            year = f"{p[0]:04d}" if p[0] >= 0 else f"-{-p[0]:04d}"
            return "-".join([year] + [f"{x:02d}" for x in p[1:3]])
        text = "/".join(one(p) for p in self.parts)
        return text + "~" if self.circa else text


@dataclass
class Source:
    """Where a reference came from, so every diagnostic can point at it."""

    file: str = "<memory>"
    line: int = 0          # 1-based; 0 when unknown
    text: str = ""         # the original text of a parsed free-text reference
    format: str = ""       # the reader that produced it: "bibtex", "csljson", "ris", "text"
    #: What the parser changed from the text to make the record (look-alike letters
    #: retyped, …), so that lint can report it: "Но Т.Е.В. → Ho T.E.B.".
    repairs: list[str] = field(default_factory=list)


@dataclass
class Reference:
    """One bibliographic record on the CSL-JSON vocabulary."""

    id: str = ""
    type: str = "document"
    fields: dict[str, Any] = field(default_factory=dict)
    #: What a format carried that CSL cannot hold, by that format's field name.
    extra: dict[str, str] = field(default_factory=dict)
    source: Source = field(default_factory=Source)
    #: Per-field confidence in [0, 1] for parsed references; empty for read ones.
    confidence: dict[str, float] = field(default_factory=dict)

    def get(self, variable: str, default: Any = None) -> Any:
        return self.fields.get(variable, default)

    def __getitem__(self, variable: str) -> Any:
        return self.fields[variable]

    def __setitem__(self, variable: str, value: Any) -> None:
        self.fields[variable] = value

    def __contains__(self, variable: str) -> bool:
        return variable in self.fields

    @property
    def language(self) -> str:
        return self.fields.get("language", "")

    def copy(self) -> "Reference":
        return copy.deepcopy(self)

    def content(self) -> tuple:
        """What the record says, without where it came from: for change detection."""
        return (self.id, self.type, {k: _freeze(v) for k, v in self.fields.items()}, dict(self.extra))


def _freeze(value: Any) -> Any:
    """An immutable, comparable copy of a field value (fast: it runs once per field read)."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is list:
        return tuple(_freeze(v) for v in value)
    if kind is Name:
        return ("Name", value.family, value.given, value.non_dropping_particle,
                value.dropping_particle, value.suffix, value.literal)
    if kind is Date:
        return ("Date", tuple(tuple(p) for p in value.parts), value.literal, value.circa, value.season)
    if kind is dict:
        return ("dict", {k: _freeze(v) for k, v in value.items()})
    if dataclasses.is_dataclass(value):
        return (kind.__name__, _freeze(dataclasses.asdict(value)))
    return value


@dataclass
class Diagnostic:
    """A problem found while reading or writing: never fatal on its own."""

    file: str
    line: int
    message: str
    severity: str = "error"   # "error" | "warning" | "info"
    column: int = 0
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.line and self.column:
            where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Library:
    """An ordered collection of references plus what reading them taught us.

    ``documents`` keeps, per input file, the format's own lossless view of it (for BibTeX,
    every block and the text between blocks), so that writing back an unchanged file gives
    the same bytes.
    """

    references: list[Reference] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)

    def __iter__(self) -> Iterator[Reference]:
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)

    def __getitem__(self, index: int) -> Reference:
        return self.references[index]

    def by_id(self, key: str) -> Reference | None:
        for ref in self.references:
            if ref.id == key:
                return ref
        return None

    def extend(self, other: "Library") -> None:
        self.references.extend(other.references)
        self.diagnostics.extend(other.diagnostics)
        self.documents.extend(other.documents)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]
