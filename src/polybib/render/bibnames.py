"""Given names a bibliography entry shows as citeproc-js's name registry grows (issue #15).

citeproc-js registers the names it renders — in the cites first, then in the
bibliography entries as they are rendered — and weighs each name against the registry
as it stands at that moment (``evalname``): a name whose family name the registry holds
with two given names of the same initials is printed with its given name in full and as
typed ("edited by Dmitry S Kulyabov" where another entry has "Dmitry Sergeevich
Kulyabov"), one whose family name is there with other initials gets at least its
initials ("Э. Гуссерль" in a short form).  Under ``primary-*`` rules only the first name
of each list is registered and weighed, over the whole list of works; under ``by-cite``
every name, over the work's own names only.

:mod:`.disambiguation` decides from the cites' names alone, so an entry's editors,
translators and container authors, and what entries rendered earlier registered, are
weighed here, entry by entry in bibliography order: a name the registry then holds with
another given name of the same initials goes into the entry's request
(:attr:`.Request.full`), which the memo keys on like any request.  A family name held with other initials only (which changes a short
form) does not mark an entry, and the ``*-with-initials`` rules are left to the cites'
disambiguation: marking those entries would render most entries of a long list without
the macro memo, for names bibliographies rarely print short.  A work's names are
registered in the order of its fields, not of the lists its entry renders.
"""
from __future__ import annotations

from .disambiguation import BIBLIOGRAPHY, Options, Request, _family_key, _initials_key, _stripped

#: the CSL name variables, in the spelling of citeproc-py's references
_VARIABLES = frozenset((
    "author", "editor", "translator", "container_author", "collection_editor", "composer", "director",
    "editorial_director", "illustrator", "interviewer", "original_author", "recipient", "reviewed_author",
    "chair", "compiler", "contributor", "curator", "executive_producer", "guest", "host", "narrator",
    "organizer", "performer", "producer", "script_writer", "series_creator"))


class LiveNames:
    """The name registry as the bibliography renders: per scope (a work under
    ``by-cite``, else the whole list) and family name, the given names per initials."""

    def __init__(self, options: Options, registry: dict, candidates: list, flagged: set):
        self.primary = options.rule.startswith("primary-")
        self.by_cite = options.rule == "by-cite"
        self.registry = registry
        self.candidates = candidates
        self.flagged = flagged

    @classmethod
    def of(cls, options: Options, refs: list, met: list) -> "LiveNames | None":
        """The registry after the cites (``met``: each work's name lists), or None when
        no entry's names can be expanded by it."""
        if not options.add_givenname or len(met) != len(refs) or not refs:
            return None
        if options.rule.endswith("-with-initials"):
            return None     # initials at most: only a short form could change (left alone)
        primary, by_cite = options.rule.startswith("primary-"), options.rule == "by-cite"
        registry: dict = {}
        for index, lists in enumerate(met):
            scope = index if by_cite else None
            for probe in lists:
                for number, (given, family, *rest) in enumerate(probe.names):
                    if primary and number > 0:
                        break
                    _add(registry, scope, family, rest[1] if len(rest) > 1 else "", given)
        candidates = [_names(ref, primary) for ref in refs]
        full = {key: {ikey: set(skeys) for ikey, skeys in value.items()} for key, value in registry.items()}
        for index, names in enumerate(candidates):
            for family, particle, given in names:
                _add(full, index if by_cite else None, family, particle, given)
        flagged = set()
        for index, names in enumerate(candidates):
            scope = index if by_cite else None
            for family, particle, given in names:
                # two given names with the same initials: the one case that shows in
                # full names and initials alike (other initials only change a short form,
                # which bibliographies rarely print: left to the cites' disambiguation)
                initials = full.get((scope, _family_key(family, (None, particle))))
                if initials and len(initials.get(_initials_key(_stripped(given)), ())) > 1:
                    flagged.add(index)
                    break
        if not flagged:
            return None
        return cls(options, registry, candidates, flagged)

    def request(self, index: int, request: Request | None) -> Request | None:
        """The request entry ``index`` renders with (its names registered now, in the
        order of its fields, as citeproc-js registers them while it renders): its own,
        with the names the registry then prints in full (:attr:`.Request.full`)."""
        scope = index if self.by_cite else None
        full = set()
        for family, particle, given in self.candidates[index]:
            _add(self.registry, scope, family, particle, given)
            if index in self.flagged:
                found = self.registry.get((scope, _family_key(family, (None, particle)))) or {}
                if len(found.get(_initials_key(_stripped(given)), ())) > 1:
                    full.add((family, particle, given))
        if not full:
            return request
        if request is None:
            request = Request(BIBLIOGRAPHY)
        return request._replace(full=frozenset(full), primary_only=self.primary)


def _add(registry: dict, scope, family, particle, given) -> None:
    key = _family_key(family, (None, particle))
    if not key:
        return
    skey = _stripped(given)
    registry.setdefault((scope, key), {}).setdefault(_initials_key(skey), set()).add(skey)


def _names(ref, primary: bool) -> list:
    """(family, particle, given) of the names of ``ref`` a registry can hold: every
    name, or the first of each list under a ``primary-*`` rule."""
    out = []
    for variable, names in ref.items():
        if variable not in _VARIABLES or not names:
            continue
        for name in names[:1] if primary else names:
            given, family, _dropping, particle, _suffix = name.parts()
            if family:
                out.append((str(family), str(particle or ""), str(given or "")))
    return out
