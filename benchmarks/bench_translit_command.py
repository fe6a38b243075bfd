"""Benchmark: ``polybib translit`` as a whole command on a Russian .bib, next to iuliia.

    python benchmarks/bench_translit_command.py [--mbytes 10] [--repeat 3]

Generates ``--mbytes`` MiB of distinct Russian records (GOST-style books and articles:
names with initials, titles, journals, places, publishers; from the vocabulary of
``bench_translit.py``), then measures, as subprocesses, the CPU time (user + system,
median of ``--repeat``) and peak memory of

- ``polybib translit FILE.bib --scheme iso9 -o OUT.bib`` (read, romanize every record,
  write the .bib, every entry re-serialised in its own layout) and ``-o OUT.json``
  (CSL-JSON), and
- iuliia as a whole command: a Python process that reads the same file and writes
  ``iuliia.GOST_779.translate`` of it (iuliia has no file command; its CLI takes the text
  as an argument, which cannot hold 10 MiB).

Both sides are measured the same way (:mod:`wholeprocess`): a fresh interpreter from a
small launcher, CPU time user + system of the child, start-up, imports and exit included,
output written to a file in the same temporary directory.  iuliia romanizes the raw text
in one pass and knows nothing of records; polybib parses every entry, romanizes field by
field, and writes a valid .bib (escaped, each changed entry in its own layout) or CSL-JSON.
The machine may be shared: run with ``--repeat 3`` or more and compare within one run.

Target of issue 18.5: ``polybib translit`` faster than iuliia as a whole command.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from bench_translit import ACRONYMS, ENDINGS, NAMES, PLACES, SHORT, STEMS  # noqa: E402
from wholeprocess import measure, polybib_command  # noqa: E402

JOURNALS = ["Вопросы экономики", "Известия высших учебных заведений", "Вестник Московского университета",
            "Право и политика", "Международный студенческий научный вестник", "Философские науки"]
PUBLISHERS = ["Наука", "Юрайт", "Проспект", "ИНФРА-М", "Издательство МГУ", "Питер"]


def _phrase(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(SHORT) if rng.random() < 0.2 else rng.choice(STEMS) + rng.choice(ENDINGS)
             for _ in range(rng.randint(low, high))]
    if rng.random() < 0.1:
        words.append(rng.choice(ACRONYMS))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _names(rng: random.Random) -> str:
    return " and ".join(f"{rng.choice(NAMES)}, {rng.choice('АБВГДЕЖИКЛМНОПРСТЮЯ')}. "
                        f"{rng.choice('АБВГДЕЁЖИКЛМНОПРСТЮЯ')}." for _ in range(rng.randint(1, 4)))


def russian_bib(nbytes: int, seed: int = 7) -> str:
    """Distinct Russian records until ``nbytes`` of UTF-8."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = i = 0
    while size < nbytes:
        year = rng.randint(1950, 2024)
        if rng.random() < 0.5:
            entry = (f"@book{{book{i},\n  author = {{{_names(rng)}}},\n  title = {{{_phrase(rng, 4, 12)}}},\n"
                     f"  subtitle = {{{_phrase(rng, 2, 6)}}},\n  location = {{{rng.choice(PLACES)}}},\n"
                     f"  publisher = {{{rng.choice(PUBLISHERS)}}},\n  date = {{{year}}},\n"
                     f"  pagetotal = {{{rng.randint(80, 900)}}},\n  langid = {{russian}},\n}}\n\n")
        else:
            start = rng.randint(1, 300)
            entry = (f"@article{{art{i},\n  author = {{{_names(rng)}}},\n  title = {{{_phrase(rng, 5, 14)}}},\n"
                     f"  journaltitle = {{{rng.choice(JOURNALS)}}},\n  date = {{{year}}},\n"
                     f"  number = {{{rng.randint(1, 12)}}},\n  pages = {{{start}--{start + rng.randint(2, 20)}}},\n"
                     f"  langid = {{russian}},\n}}\n\n")
        parts.append(entry)
        size += len(entry.encode("utf-8"))
        i += 1
    return "".join(parts)


IULIIA = ("import sys, iuliia\n"
          "text = open(sys.argv[1], encoding='utf-8').read()\n"
          "open(sys.argv[2], 'w', encoding='utf-8').write(iuliia.GOST_779.translate(text))\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mbytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bib = os.path.join(tmp, "ru.bib")
        with open(bib, "w", encoding="utf-8") as handle:
            handle.write(russian_bib(int(args.mbytes * 2**20)))
        size = os.path.getsize(bib)
        rows = {
            "iuliia gost_779 (whole process)": [sys.executable, "-c", IULIIA, bib, os.path.join(tmp, "iuliia.txt")],
            "polybib translit --scheme iso9": polybib_command("translit", bib, "--scheme", "iso9",
                                                              "-o", os.path.join(tmp, "out.bib")),
            "polybib translit ... -o out.json": polybib_command("translit", bib, "--scheme", "iso9",
                                                                "-o", os.path.join(tmp, "out.json")),
        }
        print(f"file: {size / 2**20:.1f} MiB of Russian records")
        print(f"{'command':34} {'CPU s (median)':>14} {'peak RSS MiB':>13}")
        usage = {}
        for label, cmd in rows.items():
            usage[label] = measure(cmd, args.repeat)
            print(f"{label:34} {usage[label].cpu:14.2f} {usage[label].peak_rss / 2**20:13.0f}")
        theirs = usage["iuliia gost_779 (whole process)"].cpu
        for label in list(rows)[1:]:
            print(f"{label} / iuliia: {usage[label].cpu / theirs:.2f}x (target: below 1.0x)")


if __name__ == "__main__":
    main()
