"""A Reference read from a .bib entry, mapped into the model on first use.

Reading a large file and writing it back, or converting only some of its records, should
not pay for mapping every field of every entry.  ``EntryReference`` holds its entry and
maps it the first time its ``type``, ``fields``, ``extra`` or ``confidence`` is read; until
then it is known to be unchanged.  Once mapped, whether it changed is decided by mapping
the entry afresh and comparing; no copy is kept meanwhile, since most mapped records (all
of them, in a lint run) are only read.
"""
from __future__ import annotations

import copy

from ...model import Reference, Source
from . import mapping

_LAZY = ("type", "fields", "extra", "confidence")


class _Lazy:
    """The record's attribute ``name``, mapped from the entry on first read.

    A non-data descriptor (no ``__set__``): once mapping (or an assignment) has put the
    value in the instance's ``__dict__``, Python finds it there first, so later reads cost
    no function call (lint reads ``fields`` a few hundred thousand times per 10,000 entries).
    """

    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        instance._map()
        return instance.__dict__[self.name]


class _LazySource:
    """The record's :class:`Source` (file, the entry's line, "bibtex"), made on first read.

    Why: most records of a large file never have their source read (lint points at
    entries through its own views), and a ``Source`` with its list of repairs cost a
    fifth of a kilobyte per entry (issue 12).  Non-data, like :class:`_Lazy`: once made or
    assigned it is found in the instance's ``__dict__``.
    """

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        d = instance.__dict__
        source = d["source"] = Source(d["_file"], d["_segment"].line, "", "bibtex")
        return source


#: What mapping an entry needs of a source: that it is BibTeX (the mapped record's own
#: source is never kept: :meth:`EntryReference._map` takes its fields alone).
_MAPPING_SOURCE = Source(format="bibtex")


class EntryReference(Reference):
    type = _Lazy("type")
    fields = _Lazy("fields")
    extra = _Lazy("extra")
    confidence = _Lazy("confidence")
    source = _LazySource()

    def __init__(self, segment, source: Source | str):
        """``source``: the record's Source, or only the file's name (the Source is then
        made when first read, from it and the entry's line)."""
        d = self.__dict__               # the dataclass fields are set lazily
        d["_segment"] = segment
        d["_mapped"] = False
        self.id = segment.key
        if isinstance(source, str):
            d["_file"] = source
        else:
            d["source"] = source

    @property
    def has_repairs(self) -> bool:
        """Whether the source lists repairs (without making a Source nobody read)."""
        source = self.__dict__.get("source")
        return bool(source is not None and source.repairs)

    @property
    def mapped(self) -> bool:
        return self.__dict__["_mapped"]

    def share_values(self, values: list[tuple[str, str]]) -> None:
        """The entry's (name, resolved value) pairs, as a caller already made them
        (``Segment.values()``): the record is mapped from these very strings, once, so that
        the caller and the record hold one copy of each value, not two (lint keeps both)."""
        if not self.mapped:
            self.__dict__["_values"] = values

    def _fresh(self) -> Reference:
        seg = self.__dict__["_segment"]
        values = self.__dict__.pop("_values", None)
        return mapping.entry_to_reference(seg.entry_type, seg.key,
                                          seg.values() if values is None else values,
                                          self.__dict__.get("source") or _MAPPING_SOURCE)

    def keep_original(self) -> None:
        """Remember the record as its entry maps, before the caller changes it in place.

        For a caller about to change a mapped record (``translit`` romanizes records in
        place): writing the record back compares it with its entry's mapping, field by
        field, and that mapping is then taken from here instead of being made again (a
        second mapping of every entry was a tenth of ``polybib translit``).  The dicts are
        copied, their values shared: values are replaced, never changed in place.
        """
        d = self.__dict__
        if d["_mapped"] and "_original" not in d and self.id == d["_segment"].key:
            d["_original"] = Reference(self.id, self.type, dict(self.fields), dict(self.extra),
                                       d.get("source") or _MAPPING_SOURCE, dict(self.confidence))

    def original(self) -> Reference:
        """The record its entry maps to, as read (kept by :meth:`keep_original`, else
        mapped afresh)."""
        kept = self.__dict__.get("_original")
        return kept if kept is not None else self._fresh()

    def _map(self) -> None:
        fresh = self._fresh()
        self.__dict__["_mapped"] = True
        for name in _LAZY:                      # an attribute already assigned wins
            self.__dict__.setdefault(name, fresh.__dict__[name])

    def copy_for(self, segment) -> "EntryReference":
        """An independent copy of this record, standing for ``segment`` (a copy of its
        entry).  What was mapped or assigned is deep-copied; what was not stays lazy."""
        source = copy.copy(self.source)            # its one mutable part is the list of repairs
        source.repairs = list(source.repairs)
        twin = EntryReference(segment, source)
        twin.id = self.id
        for name in _LAZY:
            if name in self.__dict__:
                twin.__dict__[name] = copy.deepcopy(self.__dict__[name])
        twin.__dict__["_mapped"] = self.mapped
        return twin

    def unmap(self) -> None:
        """Forget the mapped record; the next read maps the entry again.

        For a caller that only read the record and must not hold a whole file's records
        at once (``convert`` writes each record out and moves on).  Whatever was changed
        in the mapped record is forgotten with it: call it only on records left unchanged.
        """
        for name in _LAZY:
            self.__dict__.pop(name, None)
        self.__dict__.pop("_values", None)       # values shared with it (share_values)
        self.__dict__.pop("_original", None)
        self.__dict__["_mapped"] = False
        # a dict of its own size: the one that held the mapped attributes keeps their room
        # (``dict(…)`` would copy that room too), a tenth of a kilobyte a record in a lint run
        self.__dict__ = {name: value for name, value in self.__dict__.items()}

    def unchanged(self) -> bool:
        """Whether the record still says what its entry says (cheap while never mapped)."""
        if not self.mapped:
            return self.id == self.__dict__["_segment"].key and not any(n in self.__dict__ for n in _LAZY)
        return self.content() == self.original().content()
