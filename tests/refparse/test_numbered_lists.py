"""Numbered lists with gaps, restarts, numbers past 9,999 and unnumbered lines among the
numbered ones: one record per reference, never one record swallowing the next."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from polybib.refparse import parse_list, split_references

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "parse-dev.jsonl"
GOST = ["Газуль С.М. Бизнес и облака // Вестник экономики. — 2011. — № 3. — С. 134-135.",
        "Матвиенко Ю.Е. Анализ развития транспорта в ЕАЭС // Вестник. — 2019. — № 1. — С. 5-9.",
        "Smith, J. (2019). Clouds and business. London: Routledge.",
        "Holland, J. H. (1992). Genetic algorithms. Scientific American, 267(1), 66-72.",
        "Иванов И.И. Теория информации. — М. : Наука, 2005. — 320 с."]


def distinct_references(count: int) -> list[str]:
    """Real, distinct references: the labelled dev set, with numbers varied when it runs out."""
    base = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = [t for t in base if "\n" not in t]
    return [base[i % len(base)] + (f" Part {i // len(base)}." if i >= len(base) else "") for i in range(count)]


@pytest.mark.parametrize("numbers", [(1, 2, 4, 5, 6), (1, 2, 3, 1, 2), (3, 4, 8, 9, 10), (1, 2, 2, 3, 4)])
def test_a_gap_or_a_restart_in_the_numbering_starts_a_new_record(numbers):
    text = "\n".join(f"{n}. {ref}" for n, ref in zip(numbers, GOST))
    lib = parse_list(text, "list.txt")
    assert len(lib) == 5
    assert [r.source.line for r in lib] == [1, 2, 3, 4, 5]
    assert lib[2]["title"] == "Clouds and business"
    assert not any(ref.get("note", "").count("Вестник") for ref in lib)
    notes = [d for d in lib.diagnostics if d.code == "numbering"]
    assert notes and all(d.severity == "info" for d in notes)


def test_a_number_wrapped_after_a_page_dash_still_continues_its_reference():
    refs, _ = split_references("1. Газуль С.М. Бизнес // Вестник. — 2011. — С. 134-\n"
                               "135.\n2. Smith, J. (2019). Clouds. London: Routledge.\n"
                               "3. Иванов И.И. Теория. — М. : Наука,\n2005. — 320 с.\n")
    assert [t for _, t in refs] == ["Газуль С.М. Бизнес // Вестник. — 2011. — С. 134-135.",
                                    "Smith, J. (2019). Clouds. London: Routledge.",
                                    "Иванов И.И. Теория. — М. : Наука, 2005. — 320 с."]


def test_a_list_numbered_past_9999_keeps_every_record():
    refs = distinct_references(12)
    text = "\n".join(f"{9995 + i}. {ref}" for i, ref in enumerate(refs))
    lib = parse_list(text, "long.txt")
    assert len(lib) == 12
    assert [r.source.line for r in lib] == list(range(1, 13))
    assert all(len(r.source.text) < 2 * max(map(len, refs)) for r in lib)


def test_a_30000_item_numbered_list_splits_into_30000_references():
    refs = distinct_references(30_000)
    text = "\n".join(f"{i}. {ref}" for i, ref in enumerate(refs, 1))
    split, skipped = split_references(text)
    assert len(split) == 30_000 and not skipped
    assert split[-1] == (30_000, refs[-1])
    assert split[9_999] == (10_000, refs[9_999])


@pytest.mark.parametrize("unnumbered", [1, 2, 5, 9])
def test_unnumbered_references_among_numbered_ones_split_the_same_at_any_length(unnumbered):
    lines = [f"1. {GOST[0]}"] + [GOST[1 + i % 4] for i in range(unnumbered)]
    lib = parse_list("\n".join(lines), "mixed.txt")
    assert len(lib) == 1 + unnumbered
    assert [r.source.line for r in lib] == list(range(1, 2 + unnumbered))


def test_wrapped_lines_of_a_numbered_list_are_still_joined():
    text = ("1. Smith, J. (2001). A title.\nJournal of Things, 1(2), 3-4.\n"
            "2. Doe, J. (2002). Another\ntitle. Journal, 2(3), 4-5.\n"
            "3. Газуль С.М. Бизнес и облака // Сборник материалов. — СПб.:\nИзд-во СПбГУЭФ, 2011. — С. 1-2.\n")
    refs, _ = split_references(text)
    assert [n for n, _ in refs] == [1, 3, 5]
    assert refs[0][1].endswith("Journal of Things, 1(2), 3-4.")
