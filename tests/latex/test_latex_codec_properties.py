"""Properties of the LaTeX codec (:mod:`polybib.latex`), checked on generated text.

Whatever the text, the encoder's output is safe between a BibTeX value's braces: balanced
counting every brace as BibTeX does, balanced counting only unescaped ones as polybib's
reader does, and never ending in a backslash.  Text encoded as text decodes to itself.
The decoder survives any nesting.  Bounded: a few hundred examples, no deadline games.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polybib import latex

#: Characters that matter to LaTeX, BibTeX, polybib's reader or the decoder, and some that
#: do not (Cyrillic, accented, a no-break space).
SPECIAL = list("\\{}$&%#_^~-`'\" @,=<>/\u00a0") + ["\\\\", "--", "``", "''", "^^5c"]
PLAIN = list("aZ09жЁéß ")
TAGS = ["<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", '<span class="nocase">', "</span>"]

text = st.lists(st.sampled_from(SPECIAL + PLAIN), max_size=40).map("".join)
rich = st.lists(st.sampled_from(SPECIAL + PLAIN + TAGS), max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60) | rich

PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def bibtex_balanced(body: str) -> bool:
    """Balanced and never below zero, counting every brace (BibTeX, biber)."""
    depth = 0
    for c in body:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def reader_balanced(body: str) -> bool:
    """The same, counting only braces not right after a backslash (bibtexparser, polybib)."""
    return bibtex_balanced(re.sub(r"\\[{}]", "", body))


@PROPERTY
@given(any_text, st.booleans(), st.booleans())
def test_encoder_output_is_safe_between_braces(value, as_latex, ascii):
    body = latex.encode(value, ascii=ascii, latex=as_latex)
    assert bibtex_balanced(body), body
    assert reader_balanced(body), body
    assert not body.endswith("\\"), body
    assert "\n" not in body and "\r" not in body


@PROPERTY
@given(text)
def test_text_encoded_as_text_decodes_to_itself(value):
    body = latex.encode(value, latex=False)
    assert latex.decode(body) == value, body
    assert "^^" not in body                             # TeX would read ^^5c as a backslash
    assert not re.search(r"\\(?!text|[$&%#_ ])", body), body   # only escapes, no command


@PROPERTY
@given(rich)
def test_rich_text_without_stray_tags_round_trips(value):
    # Only text whose tags pair up is canonical: the decoder never makes an unpaired tag.
    stack = []
    for tag in re.findall(r"</?(?:i|b|sup|span|span class=\"nocase\")>", value):
        if not tag.startswith("</"):
            stack.append(tag)
        elif not stack:
            return
        else:
            stack.pop()
    if stack or re.search(r"<(\w+)[^>]*></\1>|<span class=\"nocase\"></span>|<span[^>]*>[^<]*<span class=\"nocase\">", value):
        return
    body = latex.encode(value, latex=False)
    assert bibtex_balanced(body) and reader_balanced(body)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=100, max_value=3000), st.sampled_from(["{", "\\emph{", "\\v{", "{\\\"", "\\textbf{{"]))
def test_decoder_survives_any_nesting(depth, opening):
    value = opening * depth + "x" + "}" * (depth * opening.count("{"))
    decoded = latex.decode(value)
    assert "x" in decoded
    assert bibtex_balanced(latex.encode(decoded, latex=True))
