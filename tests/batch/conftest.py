"""Inputs for the batch tests: distinct, realistic references in every input format, made
here (not read from data other tests own), and the single-process commands to compare with."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

SURNAMES = ["Иванов", "Петрова", "Смирнов", "Кузнецова", "Газуль", "Матвиенко", "Фёдоров", "Волков"]
LATIN = ["Smith", "Müller", "García", "van der Berg", "Li", "Wang", "Kizekova", "Dubois"]
WORDS_RU = ["анализ", "развития", "транспорта", "бизнес", "облака", "экономика", "региона", "методы",
            "моделирования", "систем", "управления", "история", "права", "России", "сотрудничество"]
WORDS_EN = ["analysis", "future", "cooperation", "energy", "security", "Central", "Asia", "water",
            "models", "learning", "graph", "networks", "survey", "policy", "trade"]
CITIES = ["М.", "СПб.", "Новосибирск", "Казань"]


def _title(rng: random.Random, words: list[str]) -> str:
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8)))
    return title[0].upper() + title[1:]


def text_reference(i: int, rng: random.Random) -> str:
    year = 1990 + i % 35
    if i % 3 == 0:
        return (f"{rng.choice(SURNAMES)} {rng.choice('АБВГДЕ')}.{rng.choice('ИКЛМН')}. {_title(rng, WORDS_RU)} // "
                f"Вестник экономики. — {year}. — № {i % 12 + 1}. — С. {i + 1}–{i + 9}.")
    if i % 3 == 1:
        return (f"{rng.choice(SURNAMES)}, {rng.choice('АБВГДЕ')}. {rng.choice('ИКЛМН')}. {_title(rng, WORDS_RU)} : "
                f"монография / {rng.choice(SURNAMES)}. — {rng.choice(CITIES)} : Наука, {year}. — {100 + i} с.")
    return (f"{rng.choice(LATIN)}, {rng.choice('ABCJK')}. ({year}). {_title(rng, WORDS_EN)}. "
            f"Energy Policy, {i % 60 + 1}(2), {i + 1}-{i + 12}.")


def bib_entry(i: int, rng: random.Random) -> str:
    if i % 2:
        return (f"% polybib: noqa V003\n@article{{art{i},\n  author = {{{rng.choice(SURNAMES)}, А. Б. and "
                f"{rng.choice(LATIN)}, J.}},\n  title = {{{_title(rng, WORDS_RU)}}},\n"
                f"  journaltitle = {{Вопросы экономики}},\n  date = {{{1990 + i % 30}}},\n"
                f"  pages = {{{i}--{i + 7}}},\n  langid = {{russian}},\n}}\n\n")
    return (f"@book{{book{i},\n  author = {{{rng.choice(LATIN)}, K.}},\n  title = {{{_title(rng, WORDS_EN)}}},\n"
            f"  publisher = {{MIT Press}},\n  location = {{Cambridge}},\n  year = {1980 + i % 40},\n}}\n\n")


def ris_record(i: int, rng: random.Random) -> str:
    return (f"TY  - JOUR\nAU  - {rng.choice(LATIN)}, A.\nTI  - {_title(rng, WORDS_EN)}\nJO  - Post-Soviet Affairs\n"
            f"PY  - {2000 + i % 20}\nSP  - {i}\nEP  - {i + 5}\nER  - \n\n")


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> dict[str, Path]:
    """A plain list (with a heading and a line that is no reference), a numbered list, a
    .bib (with noqa comments and a broken entry), RIS, and JSON Lines; several partitions
    each at --partition-mb 0.004."""
    rng = random.Random(5)
    folder = tmp_path / "in"
    folder.mkdir()
    plain = ["Список литературы", *(text_reference(i, rng) for i in range(0, 60))]
    plain.insert(40, "!!! ---")
    (folder / "plain.txt").write_text("\n".join(plain) + "\n", encoding="utf-8")
    (folder / "numbered.txt").write_text("".join(f"{n}. {text_reference(i, rng)}\n"
                                                 for n, i in enumerate(range(100, 150), 1)), encoding="utf-8")
    entries = [bib_entry(i, rng) for i in range(200, 260)]
    entries.insert(45, "@article{broken,\n  title = {Unclosed,\n\n")
    (folder / "refs.bib").write_text("".join(entries), encoding="utf-8")
    (folder / "refs.ris").write_text("".join(ris_record(i, rng) for i in range(300, 340)), encoding="utf-8")
    items = [{"id": f"item{i}", "type": "article-journal", "title": _title(rng, WORDS_EN),
              "author": [{"family": rng.choice(LATIN), "given": "A."}], "issued": {"date-parts": [[2001 + i % 9]]}}
             for i in range(400, 430)]
    (folder / "items.jsonl").write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
                                        + "{not json\n", encoding="utf-8")
    return {p.stem if p.suffix != ".txt" else p.stem: p for p in folder.iterdir()}


def batch_records(outdir: Path, suffix: str = ".jsonl") -> list[dict]:
    """Every record the batch wrote, partition after partition (plan order)."""
    out = []
    for path in sorted(outdir.glob(f"part-[0-9][0-9][0-9][0-9][0-9]{suffix}")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return out


def batch_diagnostics(outdir: Path) -> list[dict]:
    out = []
    for path in sorted(outdir.glob("part-*.diagnostics.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return out
