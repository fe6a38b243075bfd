"""Corrections to the CSL locale files citeproc-py ships, applied where they are read.

The uk-UA locale has terms a Ukrainian reader would not accept and GOST lists show at
once: the editor's verb form ``зе ред.`` (a typo of ``за ред.``), English verb forms left
for some roles (``ed. by``), the short page term in capitals (``736 С.`` for a page
count), an em dash between page numbers (``С. 44—78``) and English ``no.``/``vol.``.
polybib renders Ukrainian records of a GOST list with that locale (per-record terms), so
the corrections ship with polybib: :func:`apply` edits a parsed locale in place (the
engine calls it for each system locale it parses), and :func:`patched_locales_dir` writes
corrected copies of every locale file for another processor (the differential test gives
them to citeproc-js, so both processors read the same terms).
"""
from __future__ import annotations

import functools
import os

from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"

#: locale → [(term name, form or None, single, multiple or None)]
FIXES: dict[str, list[tuple[str, str | None, str, str | None]]] = {
    "uk-UA": [
        ("editor", "verb-short", "за ред.", None),
        ("collection-editor", "verb-short", "за ред.", None),
        ("editor-translator", "verb-short", "за ред. і пер.", None),
        ("editortranslator", "verb-short", "за ред. і пер.", None),
        ("editor-translator", "verb", "за редакцією і в перекладі", None),
        ("editortranslator", "verb", "за редакцією і в перекладі", None),
        ("page", "short", "с.", "с."),
        ("page-range-delimiter", None, "–", None),
        ("number", "short", "№", "№"),
        ("number-of-volumes", "short", "т.", "т."),
    ],
}


def _term(terms, name: str, form: str | None):
    for term in terms.iterfind(f"{{{CSL_NS}}}term"):
        if term.get("name") == name and term.get("form") == form and term.get("gender-form") is None:
            return term
    return None


def apply(name: str, root) -> None:
    """Correct the parsed locale ``root`` (of locale ``name``) in place."""
    fixes = FIXES.get(name)
    if not fixes:
        return
    terms = root.find(f"{{{CSL_NS}}}terms")
    if terms is None:
        return
    for term_name, form, single, multiple in fixes:
        term = _term(terms, term_name, form)
        if term is None:
            term = etree.SubElement(terms, f"{{{CSL_NS}}}term")
            term.set("name", term_name)
            if form:
                term.set("form", form)
        for child in list(term):
            term.remove(child)
        if multiple is None:
            term.text = single
        else:
            term.text = None
            etree.SubElement(term, f"{{{CSL_NS}}}single").text = single
            etree.SubElement(term, f"{{{CSL_NS}}}multiple").text = multiple


@functools.lru_cache(maxsize=None)
def patched_locales_dir(source: str) -> str:
    """A directory with every ``locales-*.xml`` of ``source``, corrected (made once)."""
    import tempfile     # here: it imports shutil, random, bz2 and lzma (start-up of every render)

    target = tempfile.mkdtemp(prefix="polybib-locales-")
    for entry in os.listdir(source):
        if not (entry.startswith("locales-") and entry.endswith(".xml")):
            continue
        name = entry[len("locales-"):-len(".xml")]
        tree = etree.parse(os.path.join(source, entry))
        apply(name, tree.getroot())
        tree.write(os.path.join(target, entry), encoding="utf-8", xml_declaration=True)
    return target
