"""Benchmark: ``polybib translit`` as a whole command on a Russian .bib, next to iuliia.

    python benchmarks/bench_translit_command.py [--mbytes 10] [--repeat 3] [--plain]

Generates ``--mbytes`` MiB of distinct Russian records, as a reference manager exports
them (JabRef, Mendeley, Zotero's Better BibTeX; ``personal-publications-ru.bib`` of the
shared corpus is such a file): books, articles, conference papers, chapters and a few
theses; authors from a long tail of surnames (stems × endings, several thousand), with
initials or full given names and patronymics; titles from the vocabulary of
``bench_translit.py``; and the fields such exports carry besides: ``language`` and/or
``langid``, ``keywords``, ``timestamp``, ``file``, ``mendeley-tags``, ``address`` next
to ``location`` and ``journal`` next to ``journaltitle`` (JabRef writes both), ``month``,
``url``/``doi``, ``type``; a few records list two places (``Москва and Киев``, which
goes to the GOST layer).  ``--plain`` generates the earlier, simpler records instead
(eight fields each, fifteen surnames), for comparison with figures measured with them.

Then measures, as subprocesses, interleaved (one run of each command in turn,
``--repeat`` rounds), the CPU time (user + system, median) and peak memory of

- ``polybib translit FILE.bib --scheme iso9 -o OUT.bib`` (read, romanize every record,
  write the .bib, every changed entry re-serialised in its own layout), ``-o OUT.json``
  (CSL-JSON) and ``-o OUT.ris``, and
- iuliia as a whole command: a Python process that reads the same file and writes
  ``iuliia.GOST_779.translate`` of it (iuliia has no file command; its CLI takes the text
  as an argument, which cannot hold 10 MiB).

Both sides are measured the same way (:mod:`wholeprocess`): a fresh interpreter from a
small launcher, CPU time user + system of the child, start-up, imports and exit included,
output written to a file in the same temporary directory.  iuliia romanizes the raw text
in one pass and knows nothing of records; polybib parses every entry, romanizes field by
field, and writes a valid .bib (escaped, each changed entry in its own layout), CSL-JSON
or RIS.  The machine may be shared: run with ``--repeat 3`` or more and compare within
one run.  To measure another checkout of polybib with the same records, run with
``PYTHONPATH=<checkout>/src``.

Target of issue 18.5: ``polybib translit`` faster than iuliia as a whole command.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from bench_translit import ACRONYMS, ENDINGS, NAMES, PLACES, SHORT, STEMS  # noqa: E402
from wholeprocess import polybib_command, run_once  # noqa: E402

JOURNALS = ["Вопросы экономики", "Известия высших учебных заведений", "Вестник Московского университета",
            "Право и политика", "Международный студенческий научный вестник", "Философские науки"]
PUBLISHERS = ["Наука", "Юрайт", "Проспект", "ИНФРА-М", "Издательство МГУ", "Питер"]

#: Surname stems and endings: 60 × 8 masculine/feminine pairs, a long tail as in real files.
SURNAME_STEMS = ["Иван", "Петр", "Сидор", "Кузнец", "Смирн", "Соколь", "Попов", "Лебед", "Козл",
                 "Новик", "Мороз", "Волк", "Соловь", "Васил", "Зайц", "Павл", "Семён", "Голуб",
                 "Виноград", "Богдан", "Воробь", "Фёдор", "Михайл", "Беляк", "Тарас", "Белоус",
                 "Комар", "Орл", "Киселёв", "Макар", "Андре", "Ковал", "Ильин", "Гусев", "Тит",
                 "Кузьмин", "Кудрявц", "Баран", "Куликов", "Алексе", "Степан", "Яковл", "Сорок",
                 "Сергеев", "Роман", "Захар", "Борис", "Королёв", "Герасим", "Пономар", "Григорь",
                 "Лазар", "Медвед", "Ершов", "Никитин", "Соболь", "Рябов", "Поляк", "Цветк", "Щукин"]
SURNAME_ENDINGS = [("ов", "ова"), ("ин", "ина"), ("ский", "ская"), ("енко", "енко"), ("ук", "ук"),
                   ("ич", "ич"), ("ев", "ева"), ("ицкий", "ицкая")]
GIVEN = (["Александр", "Дмитрий", "Юрий", "Леонид", "Георгий", "Сергей", "Андрей", "Евгений"],
         ["Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Мария", "Анна", "Светлана"])
PATRONYMICS = (["Петрович", "Николаевич", "Сергеевич", "Павлович", "Дмитриевич", "Юрьевич"],
               ["Ивановна", "Юрьевна", "Александровна", "Петровна", "Сергеевна", "Олеговна"])
KEYWORDS = ["mine", "index:vak", "index:rinc", "index:scopus", "mine, index:vak"]
TYPES = ["Учебное пособие", "Монография", "Сборник научных трудов", "Тезисы докладов"]
CITIES = ["Москва", "Санкт-Петербург", "Новосибирск", "Казань", "Екатеринбург", "Нижний Новгород"]


def _phrase(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(SHORT) if rng.random() < 0.2 else rng.choice(STEMS) + rng.choice(ENDINGS)
             for _ in range(rng.randint(low, high))]
    if rng.random() < 0.1:
        words.append(rng.choice(ACRONYMS))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _plain_names(rng: random.Random) -> str:
    return " and ".join(f"{rng.choice(NAMES)}, {rng.choice('АБВГДЕЖИКЛМНОПРСТЮЯ')}. "
                        f"{rng.choice('АБВГДЕЁЖИКЛМНОПРСТЮЯ')}." for _ in range(rng.randint(1, 4)))


def _surname(rng: random.Random, female: bool) -> str:
    if rng.random() < 0.1:
        return rng.choice(NAMES)
    masculine, feminine = rng.choice(SURNAME_ENDINGS)
    return rng.choice(SURNAME_STEMS) + (feminine if female else masculine)


def _names(rng: random.Random) -> str:
    people = []
    for _ in range(rng.randint(1, 5)):
        female = rng.random() < 0.4
        if rng.random() < 0.4:
            given = f"{rng.choice(GIVEN[female])} {rng.choice(PATRONYMICS[female])}"
        else:
            given = f"{rng.choice('АБВГДЕЖИКЛМНОПРСТЮЯ')}. {rng.choice('АБВГДЕЁЖИКЛМНОПРСТЮЯ')}."
        people.append(f"{_surname(rng, female)}, {given}")
    if rng.random() < 0.05:
        people.append("others")
    return " and ".join(people)


def russian_bib(nbytes: int, seed: int = 7, plain: bool = False) -> str:
    """Distinct Russian records until ``nbytes`` of UTF-8 (``plain``: the earlier records
    of eight fields and fifteen surnames)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = i = 0
    while size < nbytes:
        entry = _plain_entry(rng, i) if plain else _entry(rng, i)
        parts.append(entry)
        size += len(entry.encode("utf-8"))
        i += 1
    return "".join(parts)


def _plain_entry(rng: random.Random, i: int) -> str:
    year = rng.randint(1950, 2024)
    if rng.random() < 0.5:
        return (f"@book{{book{i},\n  author = {{{_plain_names(rng)}}},\n  title = {{{_phrase(rng, 4, 12)}}},\n"
                f"  subtitle = {{{_phrase(rng, 2, 6)}}},\n  location = {{{rng.choice(PLACES)}}},\n"
                f"  publisher = {{{rng.choice(PUBLISHERS)}}},\n  date = {{{year}}},\n"
                f"  pagetotal = {{{rng.randint(80, 900)}}},\n  langid = {{russian}},\n}}\n\n")
    start = rng.randint(1, 300)
    return (f"@article{{art{i},\n  author = {{{_plain_names(rng)}}},\n  title = {{{_phrase(rng, 5, 14)}}},\n"
            f"  journaltitle = {{{rng.choice(JOURNALS)}}},\n  date = {{{year}}},\n"
            f"  number = {{{rng.randint(1, 12)}}},\n  pages = {{{start}--{start + rng.randint(2, 20)}}},\n"
            f"  langid = {{russian}},\n}}\n\n")


def _entry(rng: random.Random, i: int) -> str:
    """One record as a reference manager exports it (fields in its order, its indent)."""
    year = rng.randint(1950, 2024)
    kind = rng.random()
    city = rng.choice(CITIES)
    if rng.random() < 0.02:
        city += " and " + rng.choice([c for c in CITIES if c != city])   # a GOST list of places
    fields = [("author", _names(rng))]
    start = rng.randint(1, 300)
    if kind < 0.35:
        entry_type, key = "article", f"art{i}"
        journal = rng.choice(JOURNALS)
        fields += [("title", _phrase(rng, 5, 14)), ("journaltitle", journal)]
        if rng.random() < 0.4:
            fields.append(("journal", journal))
        fields += [("number", str(rng.randint(1, 12))), ("pages", f"{start}--{start + rng.randint(2, 20)}")]
        if rng.random() < 0.3:
            fields.append(("volume", str(rng.randint(1, 60))))
    elif kind < 0.65:
        entry_type, key = "book", f"book{i}"
        fields += [("title", _phrase(rng, 4, 12)), ("subtitle", _phrase(rng, 2, 6)),
                   ("location", city), ("publisher", rng.choice(PUBLISHERS)),
                   ("pagetotal", str(rng.randint(80, 900)))]
        if rng.random() < 0.3:
            fields.append(("type", rng.choice(TYPES)))
    elif kind < 0.97:
        entry_type, key = rng.choice([("inproceedings", f"conf{i}"), ("incollection", f"coll{i}")])
        fields += [("title", _phrase(rng, 5, 14)), ("booktitle", _phrase(rng, 3, 9)),
                   ("location", city), ("publisher", rng.choice(PUBLISHERS)),
                   ("pages", f"{start}--{start + rng.randint(2, 20)}")]
    else:
        entry_type, key = "thesis", f"thesis{i}"
        fields += [("title", _phrase(rng, 5, 14)), ("type", "Дисс. канд. наук"),
                   ("institution", rng.choice(PUBLISHERS)), ("location", city)]
    if any(name == "location" for name, _ in fields) and rng.random() < 0.4:
        fields.append(("address", city))               # JabRef writes both
    fields.append(("year" if rng.random() < 0.6 else "date", str(year)))
    if rng.random() < 0.2:
        fields.append(("month", str(rng.randint(1, 12))))
    fields.append(("language", "russian"))
    if rng.random() < 0.5:
        fields.append(("langid", "russian"))
    if rng.random() < 0.6:
        fields.append(("keywords", rng.choice(KEYWORDS)))
    if rng.random() < 0.3:
        fields.append(("url", f"https://elibrary.ru/item.asp?id={rng.randint(10**6, 10**8)}"))
    if rng.random() < 0.2:
        fields.append(("doi", f"10.{rng.randint(1000, 9999)}/{rng.randint(10**5, 10**7)}"))
    if rng.random() < 0.3:
        fields.append(("file", f"work/bib/pdf/{year}/{key}.pdf"))
    if rng.random() < 0.2:
        fields.append(("mendeley-tags", "ВАК"))
    fields.append(("timestamp", f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    fields.sort(key=lambda pair: pair[0])             # JabRef and Mendeley sort them
    body = ",\n".join(f" {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n\n"


IULIIA = ("import sys, iuliia\n"
          "text = open(sys.argv[1], encoding='utf-8').read()\n"
          "open(sys.argv[2], 'w', encoding='utf-8').write(iuliia.GOST_779.translate(text))\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mbytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", action="store_true", help="the earlier, simpler records")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bib = os.path.join(tmp, "ru.bib")
        with open(bib, "w", encoding="utf-8") as handle:
            handle.write(russian_bib(int(args.mbytes * 2**20), plain=args.plain))
        size = os.path.getsize(bib)
        rows = {"iuliia gost_779 (whole process)": [sys.executable, "-c", IULIIA, bib,
                                                    os.path.join(tmp, "iuliia.txt")]}
        for ext in ("bib", "json", "ris"):
            rows[f"polybib translit ... -o out.{ext}"] = polybib_command(
                "translit", bib, "--scheme", "iso9", "-o", os.path.join(tmp, "out." + ext))
        print(f"file: {size / 2**20:.1f} MiB of Russian records ({'plain' if args.plain else 'exported'})")
        runs: dict[str, list] = {label: [] for label in rows}
        for _ in range(args.repeat):          # interleaved: a load change hits every row alike
            for label, cmd in rows.items():
                runs[label].append(run_once(cmd))
        print(f"{'command':34} {'CPU s (median)':>14} {'peak RSS MiB':>13}")
        cpu = {}
        for label, done in runs.items():
            if any(r.returncode not in (0, 1) for r in done):
                sys.exit(f"{label} failed (exit {done[-1].returncode})")
            cpu[label] = statistics.median(r.cpu for r in done)
            peak = max(r.peak_rss for r in done)
            print(f"{label:34} {cpu[label]:14.2f} {peak / 2**20:13.0f}")
        theirs = cpu["iuliia gost_779 (whole process)"]
        for label in list(rows)[1:]:
            print(f"{label} / iuliia: {cpu[label] / theirs:.2f}x (target: below 1.0x)")


if __name__ == "__main__":
    main()
