"""A Reference read from a .bib entry, mapped into the model on first use.

Reading a large file and writing it back, or converting only some of its records, should
not pay for mapping every field of every entry.  ``EntryReference`` holds its entry and
maps it the first time its ``type``, ``fields``, ``extra`` or ``confidence`` is read; until
then it is known to be unchanged.  When it is mapped, the mapping of the untouched entry is
kept as the snapshot that tells the writer whether the record changed.
"""
from __future__ import annotations

from ...model import Reference, Source
from . import mapping

_LAZY = ("type", "fields", "extra", "confidence")


def _lazy(name: str) -> property:
    def get(self):
        if name not in self.__dict__:
            self._map()
        return self.__dict__[name]

    def set_(self, value):
        self.__dict__[name] = value

    return property(get, set_, doc=f"The record's {name}, mapped from the entry on first use.")


class EntryReference(Reference):
    type = _lazy("type")
    fields = _lazy("fields")
    extra = _lazy("extra")
    confidence = _lazy("confidence")

    def __init__(self, segment, source: Source):   # the dataclass fields are set lazily
        self.__dict__["_segment"] = segment
        self.__dict__["_snapshot"] = None
        self.id = segment.key
        self.source = source

    @property
    def mapped(self) -> bool:
        return self.__dict__["_snapshot"] is not None

    def _map(self) -> None:
        seg = self.__dict__["_segment"]
        fresh = mapping.entry_to_reference(seg.entry_type, seg.key,
                                           [(name, resolved) for name, _, resolved in seg.fields], self.source)
        self.__dict__["_snapshot"] = fresh.content()
        for name in _LAZY:                      # an attribute already assigned wins
            self.__dict__.setdefault(name, fresh.__dict__[name])

    def unchanged(self) -> bool:
        """Whether the record still says what its entry says (cheap while never mapped)."""
        if not self.mapped:
            return self.id == self.__dict__["_segment"].key and not any(n in self.__dict__ for n in _LAZY)
        return self.content() == self.__dict__["_snapshot"]
