"""Every safe fix is safe: applied alone to every entry of the corpus, it changes only the
value of the field it names, in the way its rule declares, and never deletes a letter it
was not declared to delete.

The oracle below is written apart from the rules (its own regular expressions and word
lists), so a rule cannot pass by agreeing with itself.  For each safe fix of each finding:

1. every edit lies inside the raw value of the finding's field;
2. the entry, re-read with the fix applied, has the same fields, names and order, and
   only that field's value differs (and it does differ);
3. letters: the new value keeps every letter of the old one, except where the rule's
   transformation deletes a whole word (a marker, a URL prefix, an ``et al.``);
4. the change is the rule's declared transformation (table ``TRANSFORMATIONS``), checked
   at word boundaries, with abbreviation periods and ``~`` ties respected.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.lint import LintSettings, lint_libraries
from polybib.lint.fixer import apply_edits

from ..conftest import DATA

#: The cases of issue #13.2 (each destroyed data before), with their neighbours that a
#: fix may rightly touch.
ISSUE_CASES = r"""
@article{nov, author = {Azarpira, A.}, title = {Solar Cells}, journaltitle = {J},
  date = {2015}, number = {November}, langid = {english}}
@article{nov2016, author = {Wang, A.}, title = {Wires}, journaltitle = {J},
  date = {2016}, number = {November 2016}, langid = {english}}
@article{serie, author = {Dupont, J.}, title = {Histoire}, journaltitle = {Revue},
  date = {1901}, number = {Nouvelle série}, volume = {Nouvelle série}, langid = {french}}
@article{nos, author = {Smith, J.}, title = {Notes}, journaltitle = {J}, date = {1990},
  number = {Nos. 3-4}, langid = {english}}
@article{marked, author = {Газуль, С. М.}, title = {Бизнес и облака}, journaltitle = {Ж},
  date = {2011}, volume = {Т. 7}, number = {№ 1}, langid = {russian}}
@article{markedno, author = {Smith, J.}, title = {Notes}, journaltitle = {J}, date = {1990},
  volume = {Vol. 3}, number = {No. 12A}, langid = {english}}
@book{century, author = {Иванов, И. И.}, title = {Россия в XX~в.}, date = {2001}, langid = {russian}}
@book{volumes, author = {Аристотель}, title = {Сочинения в 4-х~т.}, date = {1975}, langid = {russian}}
@book{inc, author = {Jobs, S.}, title = {Apple Computer Inc.}, date = {1984}, langid = {english}}
@book{usa, author = {Zinn, H.}, title = {A People's History of the U.S.A.}, date = {1980}, langid = {english}}
@book{etc, author = {Doe, J.}, title = {Pots, Pans, etc.}, date = {1980}, langid = {english}}
@book{plain, author = {Газуль, С. М.}, title = {Бизнес и облака.}, date = {2011}, langid = {russian}}
@book{twomarks, author = {Doe, J.}, title = {Cloud computing.,}, date = {2011}, langid = {english}}
"""

LETTER = re.compile(r"[^\W\d_]")
DASHES = "-–—‐‑‒−"

#: Words whose final period the oracle treats as an abbreviation's (its own list).
ORACLE_ABBREVIATIONS = {"inc", "ltd", "co", "corp", "etc", "al", "ed", "eds", "vol", "no",
                        "jr", "sr", "st", "vs", "изд", "т", "тт", "в", "вв", "г", "гг", "с",
                        "ч", "др", "пр"}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
RU_MONTHS = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]


def _letters(text: str) -> Counter:
    return Counter(LETTER.findall(text))


def _only_inserted(old: str, new: str, allowed: str) -> bool:
    """``new`` is ``old`` with characters from ``allowed`` inserted, nothing else."""
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return all(tag == "equal" or (tag == "insert" and set(new[j1:j2]) <= set(allowed))
               for tag, i1, i2, j1, j2 in ops)


def _comma_for_names(old: str, new: str) -> bool:
    return _only_inserted(old, new, ", ") and new.count(",") > old.count(",")


def _etal_to_others(old: str, new: str) -> bool:
    etal = re.compile(r"(?:и\s+др\.?|и\s+другие|et\s+al\.?|u\.\s*a\.|і\s+ін\.?)", re.I)
    a, b = re.split(r"\s+and\s+", old.strip()), re.split(r"\s+and\s+", new.strip())
    return len(a) == len(b) and any(x != y for x, y in zip(a, b)) and all(
        x == y or (y == "others" and etal.fullmatch(x.strip())) for x, y in zip(a, b))


def _spaces_after_initials(old: str, new: str) -> bool:
    if not _only_inserted(old, new, " ") or len(new) <= len(old):
        return False
    # every inserted space follows an initial's period
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return all(tag == "equal" or new[j1 - 1] == "." for tag, i1, i2, j1, j2 in ops)


def _braces_round_words(old: str, new: str) -> bool:
    if not _only_inserted(old, new, "{}"):
        return False
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag != "insert":
            continue
        for k, ch in enumerate(new[j1:j2], j1):
            before, after = new[k - 1:k], new[k + 1:k + 2]
            if ch == "{" and before.isalnum():
                return False       # an opening brace inside a word
            if ch == "}" and after.isalnum():
                return False
    return new.count("{") == new.count("}")


def _abbreviation_period(text: str) -> bool:
    """The oracle's own view of a final period that belongs to an abbreviation: one right
    after a letter, ending a short, listed, dotted or ``~``-tied word."""
    body = text[:-1]
    if not LETTER.fullmatch(body[-1:]):
        return False
    word = re.split(r"[\s~{}()/]", body)[-1]
    tied = len(body) > len(word) and body[len(body) - len(word) - 1] == "~"
    letters = LETTER.findall(word)
    return (tied or "." in word or len(letters) <= 3
            or word.lower() in ORACLE_ABBREVIATIONS or body.endswith("."))


def _one_trailing_mark(old: str, new: str) -> bool:
    stripped = old.rstrip()
    if not stripped or stripped[-1] not in ".,;:" or new != stripped[:-1].rstrip():
        return False
    return stripped[-1] != "." or not _abbreviation_period(stripped)


def _iso_from_dmy(old: str, new: str) -> bool:
    m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", old)
    if not m:
        return False
    try:
        day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return False
    return new == day.isoformat()


def _month_macro(old: str, new: str) -> bool:
    if new not in MONTHS:
        return False
    word = old.strip().strip("{}\"").strip().lower()
    index = MONTHS.index(new)
    return word.startswith(MONTHS[index]) or word.startswith(RU_MONTHS[index])


def _page_range_dash(old: str, new: str) -> bool:
    return re.sub(rf"\s*[{DASHES}]+\s*", "--", old.strip()) == new and new.count("--") == 1


#: A marker and its boundary: an abbreviation with its period, ``№``, or a word then a space.
ORACLE_MARKER = re.compile(r"(?:(?:т|vol|v|no|nr|вып|iss)\.|№|(?:том|vol|volume|no|nr|number|"
                           r"выпуск|issue)(?=\s))\s*", re.I)


def _marker_removed(old: str, new: str) -> bool:
    m = ORACLE_MARKER.match(old.strip())
    return bool(m) and bool(new) and new == old.strip()[m.end():].strip()


def _doi_prefix_removed(old: str, new: str) -> bool:
    m = re.fullmatch(r"\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(10\.\d{4,9}/\S+)\s*", old, re.I)
    return bool(m) and m.group(1) == new


#: Rule → (its declared transformation of the value, whether it may delete letters).  A rule with a
#: safe fix that is missing here fails the test: declare what it does first.
TRANSFORMATIONS = {
    "N001": (_comma_for_names, False),
    "N002": (_etal_to_others, True),
    "N003": (_spaces_after_initials, False),
    "T001": (_braces_round_words, False),
    "T003": (_one_trailing_mark, False),
    "V001": (_iso_from_dmy, False),
    "V002": (_month_macro, True),
    "V003": (_page_range_dash, False),
    "V004": (_marker_removed, True),
    "V006": (_doi_prefix_removed, True),
}


def _corpus_files() -> list[Path]:
    return sorted((DATA / "bib-corpus").rglob("*.bib"))


def _fields(raw: str, name: str) -> list[tuple[str, str]]:
    library = bibtex.read(raw.encode("utf-8"), name)
    (seg,) = library.documents[0].entries()
    return [(n, (raw, resolved)) for n, raw, resolved in seg.fields]


def check_every_safe_fix(data: bytes, name: str) -> list[str]:
    """What went wrong with the safe fixes of one file (empty: every fix was safe)."""
    library = bibtex.read(data, name)
    result = lint_libraries([(name, library)], LintSettings(select=["ALL"]))
    ctx = result.files[0]
    problems: list[str] = []
    for f in result.findings:
        if not (f.fix and f.fix.safe and f.fix.edits):
            continue
        where = f"{name}:{f.line} {f.code} '{f.entry}'"
        if f.code not in TRANSFORMATIONS:
            problems.append(f"{where}: safe fix of a rule without a declared transformation")
            continue
        entry = next((e for e in ctx.entries if e.segment.offset <= f.fix.edits[0].start
                      < e.segment.offset + len(e.segment.raw)), None)
        span = entry.fields.get(f.field) if entry is not None and f.field else None
        if span is None:
            problems.append(f"{where}: the fix names no field of an entry")
            continue
        if not all(span.start <= e.start <= e.end <= span.end for e in f.fix.edits):
            problems.append(f"{where}: an edit reaches outside {f.field}'s value")
            continue
        seg = entry.segment
        local = [type(e)(e.start - seg.offset, e.end - seg.offset, e.replacement) for e in f.fix.edits]
        before = _fields(seg.raw, name)
        after = _fields(apply_edits(seg.raw, local), name)
        if [n for n, _ in before] != [n for n, _ in after]:
            problems.append(f"{where}: the fields of the entry changed")
            continue
        changed = [(n, a, b) for (n, a), (_, b) in zip(before, after) if a != b]
        if [n.lower() for n, _, _ in changed] != [f.field]:
            problems.append(f"{where}: changed {[n for n, _, _ in changed]}, not only {f.field}")
            continue
        declared, may_delete = TRANSFORMATIONS[f.code]
        # a month macro resolves to its number: V002 is judged on what is written
        (_, (old_raw, old), (new_raw, new)) = changed[0]
        if f.code == "V002":
            old, new = old_raw, new_raw
        if not may_delete and _letters(old) - _letters(new):
            problems.append(f"{where}: letters deleted: {old!r} -> {new!r}")
        elif not declared(old, new):
            problems.append(f"{where}: not {declared.__name__}: {old!r} -> {new!r}")
    return problems


def test_the_issue_cases_keep_their_words_and_abbreviations():
    """#13.2: November, Nouvelle série, Nos. 3-4, XX~в., 4-х~т., Inc., U.S.A. survive."""
    data = ISSUE_CASES.encode("utf-8")
    assert check_every_safe_fix(data, "issue.bib") == []
    result = lint_libraries([("issue.bib", bibtex.read(data, "issue.bib"))], LintSettings(select=["ALL"]))
    fixed = {(f.entry, f.code) for f in result.findings if f.fix and f.fix.safe}
    for key in ("nov", "nov2016", "serie", "nos", "century", "volumes", "inc", "usa", "etc"):
        assert not {code for entry, code in fixed if entry == key} & {"V004", "T003"}, key
    # the fixes that are right still come
    assert {("marked", "V004"), ("markedno", "V004"), ("plain", "T003"), ("twomarks", "T003")} <= fixed
    swapped = [f for f in result.findings if f.entry == "serie" and f.code == "V004"]
    assert swapped == []        # "Nouvelle" is no "No" marker, so no "swapped?" warning either


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_every_safe_fix_on_the_corpus_changes_only_what_it_declares(path):
    assert check_every_safe_fix(path.read_bytes(), path.name) == []
