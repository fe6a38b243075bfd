"""Name particles typed inside ``family`` or ``given``, separated as CSL processors do.

CSL-JSON names often arrive with their particles unsplit: ``{"family": "van Gogh"}``,
``{"family": "d'Aubignac"}``, ``{"given": "Alexander von"}``.  The CSL 1.0.2
specification ("Name-part Order", "Sorting": ``demote-non-dropping-particle``) needs the
particles as parts of their own, and citeproc-js splits them on input (its name parser):

* leading particles of ``family`` become the ``non-dropping-particle`` — lower-case words
  of a known particle list, or one joined by an apostrophe or hyphen (``d'``, ``al-``);
  what remains must be a family name;
* trailing lower-case particles of ``given`` become the ``dropping-particle``
  (``Alexander von``, ``François Hédelin d'``);
* a suffix after a comma in ``given`` becomes the ``suffix`` (``John, III``), printed
  after a comma where it follows ``,!`` (``John,! Jr.`` → ``John Doe, Jr.``);
* a ``family`` in double quotes is taken as typed, without the quotes
  (``"\\"Van Dyke\\""`` → ``Van Dyke``, no particle).

A name that already has a particle part, or no family, is left alone.
"""
from __future__ import annotations

import re

#: particles citeproc-js and BibTeX know (lower case; the apostrophe and hyphen forms attach)
PARTICLES = frozenset("""
a aan af al am auf aus ben bin d da dal dalla das de degli dei del dell della delle dello
den der des di dos du el het i ibn in l la las le les lo los op s t te ten ter tot van ver
vom von y z zu zum zur
""".split())

#: what joins an attached particle to the name, second to fourth character (:data:`_ATTACHED`)
_ATTACHING = ("'", "’", "-")
_ATTACHED = re.compile(r"^([^\W\d_]{1,3}['’\-])(?=[^\W\d_])", re.U)


def _is_particle(word: str) -> bool:
    """A free-standing particle word (one letter only with its apostrophe: ``d'``)."""
    return len(word) > 1 and word in PARTICLES


def split_family(family: str) -> tuple[str, str]:
    """(non-dropping particle, family) of a family name as typed."""
    if " " not in family and not any(mark in family[1:4] for mark in _ATTACHING):
        return "", family           # one word, no particle attached (most names)
    words = family.split(" ")
    taken: list[str] = []
    while len(words) > 1 and _is_particle(words[0]):
        taken.append(words.pop(0))
    rest = " ".join(words)
    attached = _ATTACHED.match(rest)
    if attached and attached.group(1)[:-1].lower() in PARTICLES and attached.group(1)[0].islower():
        taken.append(attached.group(1))
        rest = rest[attached.end():]
    if not taken or not rest:
        return "", family
    return " ".join(taken), rest


def split_given(given: str) -> tuple[str, str]:
    """(given, dropping particle) of a given name as typed."""
    words = given.split(" ")
    taken: list[str] = []
    while len(words) > 1 and (_is_particle(words[-1]) or
                              (words[-1][-1:] in "'’" and words[-1][:-1] in PARTICLES
                               and words[-1][:1].islower())):
        taken.insert(0, words.pop())
    if not taken:
        return given, ""
    return " ".join(words), " ".join(taken)


def parse(name: dict) -> dict:
    """``name`` (a CSL-JSON name) with particles typed in family or given split out."""
    family = name.get("family")
    if not isinstance(family, str) or name.get("literal") \
            or name.get("non-dropping-particle") or name.get("dropping-particle"):
        return name
    if len(family) > 2 and family[0] == '"' and family[-1] == '"':
        return {**name, "family": family[1:-1]}
    out = dict(name)
    given = name.get("given")
    if isinstance(given, str) and "," in given and not name.get("suffix"):
        # "John, III": a suffix after a comma in the given name; "John,! Jr.": one printed
        # after a comma (citeproc-js's comma-suffix)
        head, _, tail = given.partition(",")
        comma = tail.startswith("!")
        tail = tail[1:] if comma else tail
        if head.strip() and tail.strip():
            out["given"], out["suffix"] = head.strip(), tail.strip()
            if comma:
                out["comma-suffix"] = True
    particle, rest = split_family(family)
    if particle:
        out["non-dropping-particle"], out["family"] = particle, rest
    given = out.get("given")
    if isinstance(given, str) and " " in given:
        given_part, dropping = split_given(given)
        if dropping:
            out["given"], out["dropping-particle"] = given_part, dropping
    return out
