"""Hypothesis strategies for what strangers put into reference files.

The pieces are the ones that broke polybib or tools like it: BibTeX structure characters,
backslashes at the end of values, LaTeX commands that execute, terminal escapes, CI
workflow commands, lone surrogates, scripts polybib handles and ones it does not.
"""
from __future__ import annotations

from hypothesis import strategies as st

#: Fragments that are each harmless text but structure in some format.
PIECES = [
    "{", "}", "{}", "}{", "\\", "\\\\", "\\{", "\\}", "@", "@preamble{\"\\input{x}\"}", "@misc{k,",
    "%", "#", '"', ",", "=", "~", "$", "&", "_", "^", "'", "`", "--", "—", " and ", " AND ",
    "\n", "\r\n", "\t", "\x00", "\x07", "\x1b[31m", "\x1b]0;t\x07", "\n::error file=x.py,line=1::owned\n",
    "\\input{/etc/passwd}", "\\immediate\\write18{id}", "\\def\\x{y}", "\\emph{x}", "\\url{",
    "²", "½", "Ё", "ё", "Щука", "Ўзбек", "әғқңөұүһ", "王小明", "ﾊﾝ", "e\u0301", "\u200b", "\u00a0",
    "\u202e", "\ufeff", "\U0001f600", "\ud800", "\udfff",
    "<b>", "</span>", '<span class="nocase">', "&amp;", "<script>alert(1)</script>",
    "http://", "%20", "%7D", "10.1000/x", "TY  - ", "ER  - ", "1. ", "[2] ", " // ", ". — ",
    "С. ", "Т. 7", "№ 3", "2019", "Smith, J.", "Иванов И. И.",
]

#: Plain words, so that not every value is all structure.
WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x4FF),
                min_size=1, max_size=8)

hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), WORDS, st.just(" ")), max_size=12).map("".join)


def _name():
    person = st.fixed_dictionaries({"family": hostile_text}, optional={"given": hostile_text,
                                                                       "suffix": hostile_text})
    return st.one_of(person, st.fixed_dictionaries({"literal": hostile_text}))


_date = st.one_of(
    st.fixed_dictionaries({"date-parts": st.lists(st.lists(st.integers(-10**30, 10**30), min_size=1, max_size=3),
                                                  min_size=1, max_size=2)}),
    st.fixed_dictionaries({"date-parts": st.just([[2019, 1], [2019, 3]])}),
    st.fixed_dictionaries({"literal": hostile_text}),
    st.fixed_dictionaries({"raw": hostile_text}),
    st.just({"date-parts": [["2019", "²"]]}),
    st.just({"date-parts": [[float("inf")]]}),
)

TYPES = ["article-journal", "book", "chapter", "paper-conference", "thesis", "webpage", "report",
         "legislation", "manuscript", "document", "no-such-type", ""]

_TEXT_VARIABLES = ["title", "container-title", "publisher", "publisher-place", "note", "URL", "DOI",
                   "ISBN", "volume", "issue", "page", "edition", "genre", "abstract", "language",
                   "collection-title", "number", "medium", "archive", "call-number"]


def csl_item():
    """One CSL-JSON item with hostile values in every place a value can stand."""
    return st.fixed_dictionaries(
        {"type": st.sampled_from(TYPES)},
        optional={
            "id": st.one_of(hostile_text, st.integers(-10**20, 10**20)),
            **{v: hostile_text for v in _TEXT_VARIABLES},
            "author": st.lists(_name(), max_size=3),
            "editor": st.lists(_name(), max_size=2),
            "issued": _date,
            "accessed": _date,
            "custom": st.dictionaries(hostile_text, hostile_text, max_size=2),
        })


def ris_record():
    """One RIS record, its tags filled with hostile values, sometimes without ``ER``."""
    tags = st.lists(st.tuples(st.sampled_from(["TI", "T2", "AU", "A2", "PY", "DA", "UR", "DO", "SP", "EP",
                                               "VL", "IS", "PB", "CY", "SN", "N1", "ID", "KW", "M3", "XX"]),
                              hostile_text), max_size=8)
    return st.tuples(st.sampled_from(["JOUR", "BOOK", "CHAP", "THES", "ELEC", "CONF", "GEN", "???"]), tags,
                     st.booleans())


def render_ris(records) -> str:
    out = []
    for kind, tags, closed in records:
        out.append(f"TY  - {kind}")
        out.extend(f"{tag}  - {value}" for tag, value in tags)
        if closed:
            out.append("ER  - ")
    return "\n".join(out) + "\n"
