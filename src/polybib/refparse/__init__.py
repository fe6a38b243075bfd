"""Free-text reference lists → records: splitting a list, then parsing each reference.

    from polybib.refparse import parse_reference, parse_list
    ref = parse_reference("Газуль С.М. Бизнес и облака // … — 2011. — С. 134-135.")

Modules, one job each:

- ``splitter``  a list → references (numbering, bullets, Markdown, wrapped lines, hyphenation,
                blank-line paragraphs, headings skipped) and the list's diagnostics;
- ``parser``    one reference → one Reference: normalisation, then the GOST structure or the
                English styles, then type, language and confidence;
- ``anchors``   URL, access date (``дата обращения``, ``[cited 2023 Mar 1]``), DOI, ISBN,
                ISSN, EDN, ``[Электронный ресурс]``, ``(In Russ.)`` — taken out first;
- ``areas``     the small pieces at the right-hand end: year, ``Т.``, ``№``, ``Вып.``, ``С.``,
                ``vol.``, ``pp.``, compact ``2023;27(1):92-110``, imprints;
- ``names``     names in every order and script, Chinese surnames, particles, et al.,
                Cyrillic look-alike repair;
- ``classify``  the record's type and language.

What a parsed record carries besides its CSL fields (``Reference.extra`` keys, written by the
CSL-JSON writer under ``custom``):

- ``polybib.etal.author`` / ``polybib.etal.editor`` = ``"true"``: the list ended in
  ``и др.``/``et al.`` (no name is invented for it);
- ``polybib.title-translation``: a References-style ``[English translation]`` of the title;
- ``polybib.same-author-as-previous``: the reference began with ``———.``;
- ``polybib.issued-guessed``: no rule placed the year; the last year printed outside the
  titles was taken (its confidence is 0.5);
- ``polybib.low-confidence`` = the record's confidence, only when below
  ``parser.LOW_CONFIDENCE`` (0.6): little besides a title was recognised.

Look-alike repairs (``Но Т.Е.В.`` → ``Ho T.E.B.``) are listed in ``Reference.source.repairs``
as ``"before → after"`` strings, for lint to report.  ``Reference.confidence`` holds a
confidence per field (anchors 0.99).  Text no rule could place is kept in ``note`` and lowers
the confidence; recognised text without a CSL variable (``EDN …``, ``дис. … канд. экон.
наук``, a patent's application dates, a translator) is kept in ``note`` too, without
lowering it.
"""
from .parser import parse_reference
from .splitter import parse_list, split_references

__all__ = ["parse_reference", "parse_list", "split_references"]
