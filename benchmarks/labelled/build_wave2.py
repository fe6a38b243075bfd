#!/usr/bin/env python3
"""Build the labelled waves (issue #14: wave 2, wave 3) from hand-marked reference lines.

    python benchmarks/labelled/build_wave2.py               # writes every wave's two JSONL files
    python benchmarks/labelled/build_wave2.py --wave wave3  # only wave 3
    python benchmarks/labelled/build_wave2.py --check       # only validates, writes nothing

Each wave is a folder ``benchmarks/labelled/<wave>/`` of marked ``*.txt`` files and builds
``tests/refparse/data/<wave>-work.jsonl`` and ``<wave>-heldout.jsonl``.  A later wave is
gathered from sources no earlier one used, so that scoring today's parser on it, before any
change, measures references it has never seen (wave 3 was scored so first; see the README).

Why a markup and not hand-typed JSON: a label is a span of the reference text itself, so the
raw text and its gold values cannot drift apart (no typo in a copied title, no field that is
not in the text).  Each ``benchmarks/labelled/<wave>/*.txt`` file holds lines of three kinds:

    # a comment
    @source where the following lines were read (a URL or owner/repo/path)
    TYPE [LANG] :: text with ⟦tag:span⟧ marks

TYPE is a CSL type or a short code (``aj`` article-journal, ``b`` book, ``ch`` chapter,
``pc`` paper-conference, ``th`` thesis, ``r`` report, ``st`` standard, ``w`` webpage,
``lg`` legislation, ``pt`` patent, ``an`` article-newspaper, ``am`` article-magazine,
``ee`` entry-encyclopedia, ``ed`` entry-dictionary).  LANG (``ru uk kk be en`` …) is the
language of the work; without it, it is read from the title's letters (Kazakh, Belarusian,
Ukrainian, Russian, else English).  A romanized or translated Russian reference is ``ru``.

Tags: ``a`` one author, ``A`` a list of authors, ``e``/``E`` editor(s), ``t`` title,
``c`` container-title, ``s`` collection-title, ``sn`` collection-number, ``y`` issued,
``v`` volume, ``i`` issue, ``n`` number, ``p`` page, ``np`` number-of-pages, ``ed`` edition,
``pb`` publisher, ``pl`` publisher-place, ``u`` URL, ``ac`` accessed, ``doi`` DOI,
``isbn`` ISBN, ``nt`` note, ``g`` genre.  ``⟦tag=value:span⟧`` gives the value explicitly:
for a name ``Family/Given`` (or ``*`` for a literal name such as an organisation), for a date
``YYYY[-MM[-DD]]``.  Names without ``=`` are split by their initials (``Иванов И. И.``,
``I. I. Ivanov``, ``Ivanov, I. I.``, Vancouver ``Ivanov II``).

Conventions (those of ../shared/data/parse-dev.jsonl): values are copied from the text;
a title is the title proper — other title information after `` : `` (``учебник``,
``монография``, a subtitle) is left out, a subtitle joined by ``: `` without a space before
stays; ``и др.``/``et al.`` add no name; pages keep their printed form with a hyphen;
EDN goes to ``note``; a book's total is ``number-of-pages``.

Split: a record is held out when the SHA-1 of its text is 0 mod 3 — a per-record rule, so
adding lines never moves an old record between the parts (the work part may be trained on
from the first commit on), and each language is held out at about a third.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = REPO / "tests" / "refparse" / "data"
#: The waves in the order they were gathered; each must be new against every other.
WAVES = ("wave2", "wave3")


def wave_paths(wave: str) -> tuple[Path, Path, Path]:
    """(folder of marked sources, work JSONL, held-out JSONL) of one wave."""
    return HERE / wave, OUT / f"{wave}-work.jsonl", OUT / f"{wave}-heldout.jsonl"


SOURCES, WORK, HELDOUT = wave_paths("wave2")

TYPES = {
    "aj": "article-journal", "am": "article-magazine", "an": "article-newspaper", "b": "book",
    "ch": "chapter", "pc": "paper-conference", "th": "thesis", "r": "report", "st": "standard",
    "w": "webpage", "lg": "legislation", "pt": "patent", "ee": "entry-encyclopedia",
    "ed": "entry-dictionary", "ds": "dataset", "ms": "manuscript", "pw": "post-weblog",
}
CSL_TYPES = set(TYPES.values()) | {"article", "bill", "broadcast", "classic", "collection", "document",
                                   "event", "figure", "graphic", "hearing", "interview", "legal_case",
                                   "map", "motion_picture", "musical_score", "pamphlet", "performance",
                                   "periodical", "personal_communication", "post", "regulation",
                                   "review", "review-book", "software", "song", "speech", "treaty"}
CSL_TYPES.discard("document")   # allowed by CSL 1.0.2, but the issue asks for a specific type
LANGS = {"ru", "uk", "kk", "be", "en", "de", "fr", "ky", "uz", "tg", "sr", "bg", "pl", "cs", "sl", "es", "it", "la"}

FIELDS = {
    "t": "title", "c": "container-title", "s": "collection-title", "sn": "collection-number",
    "y": "issued", "v": "volume", "i": "issue", "n": "number", "p": "page", "np": "number-of-pages",
    "ed": "edition", "pb": "publisher", "pl": "publisher-place", "u": "URL", "ac": "accessed",
    "doi": "DOI", "isbn": "ISBN", "nt": "note", "g": "genre",
}
NAMES = {"a": "author", "A": "author", "e": "editor", "E": "editor"}
ORDER = ["type", "author", "editor", "title", "container-title", "collection-title", "collection-number",
         "publisher-place", "publisher", "issued", "volume", "issue", "number", "page",
         "number-of-pages", "edition", "genre", "URL", "accessed", "DOI", "ISBN", "note", "language"]

MARK = re.compile(r"⟦([A-Za-z]+)(?:=([^:⟧]*))?:([^⟦⟧]*)⟧")
UP = "A-ZА-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺ"
LOW = "a-zа-яёіїєґўәғқңөұүһ"
INITIAL = re.compile(rf"^(?:[{UP}][{LOW}]{{0,2}}\.(?:[-‑]?\s?[{UP}][{LOW}]{{0,2}}\.)*[,]?|[{UP}]{{1,3}},?)$")
MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
MONTHS_RU = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}


class LabelError(Exception):
    """A malformed line: reported as FILE:LINE and the build stops (exit 2)."""


def is_initials(token: str) -> bool:
    return bool(INITIAL.match(token.strip()))


def split_name(span: str) -> dict:
    """One personal name from its printed form, by where its initials stand."""
    s = " ".join(span.split()).strip(" ,;")
    if "," in s:
        family, given = (p.strip() for p in s.split(",", 1))
        if family and given:
            return {"family": family, "given": given}
    tokens = s.split()
    # "И.И.Иванов" / "Иванов И.И." written without a space between initials and name
    if len(tokens) == 1:
        m = re.match(rf"^((?:[{UP}][{LOW}]?\.)+)\s*([{UP}].+)$", s) or None
        if m and not is_initials(m.group(2)):
            return {"family": m.group(2), "given": m.group(1)}
        m = re.match(rf"^(.+?[{LOW}])((?:[{UP}][{LOW}]?\.)+)$", s)
        if m:
            return {"family": m.group(1), "given": m.group(2)}
        raise LabelError(f"cannot split the name {span!r}: give ⟦a=Family/Given:…⟧")
    flags = [is_initials(t) for t in tokens]
    k = flags.index(not flags[0]) if (not flags[0]) in flags else len(flags)
    if 0 < k < len(flags) and all(f == flags[k] for f in flags[k:]):
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if flags[0]:
            return {"family": tail, "given": head}
        return {"family": head, "given": tail.rstrip(",")}
    raise LabelError(f"cannot split the name {span!r}: give ⟦a=Family/Given:…⟧")


def split_list(span: str) -> list[dict]:
    """A printed list of names: separators , ; and & и та і; a piece made only of initials
    belongs to the name before it (``Ivanov, I. I., Petrov, P.``)."""
    s = re.sub(r"\s+(?:and|&|и|та|і|және)\s+", ", ", " ".join(span.split()))
    s = s.replace(", &", ",").replace(";", ",")
    pieces = [p.strip() for p in s.split(",") if p.strip()]
    merged: list[str] = []
    for p in pieces:
        if merged and all(is_initials(t) for t in p.split()) and not any(is_initials(t) for t in merged[-1].split()):
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    return [split_name(p) for p in merged]


def name_value(tag: str, value: str | None, span: str) -> list[dict]:
    if value is None:
        return split_list(span) if tag in "AE" else [split_name(span)]
    if value == "*":
        return [{"literal": " ".join(span.split()).strip(" .,;")}]
    if "/" not in value:
        raise LabelError(f"name value {value!r} needs Family/Given or *")
    family, given = value.split("/", 1)
    return [{"family": family, "given": given} if given else {"family": family}]


def date_value(value: str | None, span: str) -> dict:
    text = (value or span).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    parts = None
    if m:
        parts = [int(g) for g in m.groups() if g]
    elif (m := re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", text)):
        parts = [int(m.group(3)), int(m.group(2)), int(m.group(1))]
    elif (m := re.search(r"\b(\d{4})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b", text)):
        parts = [int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))]
    elif (m := re.search(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})\b", text)) and m.group(1).lower() in MONTHS:
        parts = [int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))]
    elif (m := re.search(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b", text)) and m.group(2).lower() in MONTHS:
        parts = [int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))]
    elif (m := re.search(r"\b(\d{1,2})\s+([а-я]+)\s+(\d{4})", text)):
        month = next((n for stem, n in sorted(MONTHS_RU.items(), key=lambda x: -len(x[0]))
                      if m.group(2).startswith(stem)), None)
        if month:
            parts = [int(m.group(3)), month, int(m.group(1))]
    elif (m := re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)):
        parts = [int(m.group(1))]
    if not parts:
        raise LabelError(f"no date in {text!r}: give ⟦tag=YYYY-MM-DD:…⟧")
    return {"date-parts": [parts]}


def detect_lang(text: str) -> str:
    low = text.lower()
    if re.search("[әғқңөұүһ]", low):
        return "kk"
    if "ў" in low:
        return "be"
    if re.search("[іїєґ]", low):
        return "be" if "ы" in low and not re.search("[їєґ]", low) else "uk"
    if re.search("[а-яё]", low):
        return "ru"
    return "en"


def parse_line(line: str) -> tuple[str, dict]:
    """One marked line -> (raw text, gold CSL item)."""
    head, sep, body = line.partition(" :: ")
    if not sep:
        raise LabelError("expected 'TYPE [LANG] :: marked text'")
    words = head.split()
    if not words or len(words) > 2:
        raise LabelError(f"bad head {head!r}")
    ctype = TYPES.get(words[0], words[0])
    if ctype not in CSL_TYPES:
        raise LabelError(f"unknown type {words[0]!r}")
    if re.search(r"⟦[^⟧]*⟦", body) or body.count("⟦") != body.count("⟧"):
        raise LabelError("unbalanced or nested ⟦ ⟧")
    gold: dict = {"type": ctype}
    for m in MARK.finditer(body):
        tag, value, span = m.group(1), m.group(2), m.group(3)
        if not span.strip():
            raise LabelError(f"empty span for {tag}")
        if tag in NAMES:
            gold.setdefault(NAMES[tag], []).extend(name_value(tag, value, span))
            continue
        if tag not in FIELDS:
            raise LabelError(f"unknown tag {tag!r}")
        field = FIELDS[tag]
        if field in gold:
            raise LabelError(f"{field} marked twice")
        if field in ("issued", "accessed"):
            gold[field] = date_value(value, span)
        else:
            v = value if value is not None else " ".join(span.split())
            if field in ("page", "number-of-pages"):
                v = re.sub(r"\s*[–—−‒-]\s*", "-", v)
            if field not in ("URL", "DOI"):
                v = v.strip(" ,;")
            gold[field] = v
    text = MARK.sub(lambda m: m.group(3), body).strip()
    if "⟦" in text or "⟧" in text:
        raise LabelError("stray ⟦ or ⟧")
    if not any(k in gold for k in ("title", "container-title", "number")):
        raise LabelError("no title, container-title or number marked")
    lang = words[1] if len(words) == 2 else detect_lang(gold.get("title") or gold.get("container-title") or text)
    if lang not in LANGS:
        raise LabelError(f"unknown language {lang!r}")
    gold["language"] = lang
    return unicodedata.normalize("NFC", text), {k: gold[k] for k in ORDER if k in gold}


def read_sources(paths: list[Path]) -> list[dict]:
    rows, errors = [], []
    for path in paths:
        source = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@source "):
                source = line[len("@source "):].strip()
                continue
            try:
                if source is None:
                    raise LabelError("no @source line before this record")
                text, gold = parse_line(line)
            except LabelError as exc:
                errors.append(f"{path.relative_to(REPO)}:{n}: {exc}")
                continue
            rows.append({"text": text, "source": source, "lang": gold["language"], "gold": gold,
                         "_at": f"{path.relative_to(REPO)}:{n}"})
    if errors:
        raise SystemExit("\n".join(errors))
    return rows


def held_out(text: str) -> bool:
    """Per-record and stable: a third of the SHA-1 space."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 3 == 0


def known_texts(wave: str = "wave2") -> set[str]:
    """Texts already labelled elsewhere (dev set, other sets, other waves): a wave must be new."""
    seen = set()
    for path in [REPO.parent / "shared" / "data" / "parse-dev.jsonl", *sorted(OUT.glob("*.jsonl"))]:
        if path.name.startswith(f"{wave}-") or not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.add(squash(json.loads(line)["text"]))
    return seen


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def write_atomic(path: Path, rows: list[dict]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: r[k] for k in ("text", "source", "lang", "gold")}, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def build(wave: str, check: bool) -> int:
    sources, work_path, held_path = wave_paths(wave)
    try:
        rows = read_sources(sorted(sources.glob("*.txt")))
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    seen, known, errors = {}, known_texts(wave), []
    for r in rows:
        key = squash(r["text"])
        if key in seen:
            errors.append(f"{r['_at']}: duplicate of {seen[key]}")
        elif key in known:
            errors.append(f"{r['_at']}: already in the dev set, an older labelled set or another wave")
        seen[key] = r["_at"]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    work = [r for r in rows if not held_out(r["text"])]
    held = [r for r in rows if held_out(r["text"])]
    langs = sorted({r["lang"] for r in rows})
    print(f"== {wave}")
    for lang in langs:
        print(f"{lang}: {sum(r['lang'] == lang for r in work)} work, {sum(r['lang'] == lang for r in held)} held out")
    print(f"total {len(rows)}: {len(work)} work, {len(held)} held out")
    if not check:
        write_atomic(work_path, work)
        write_atomic(held_path, held)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only")
    ap.add_argument("--wave", choices=WAVES, help="build only this wave (default: all)")
    a = ap.parse_args()
    return max(build(wave, a.check) for wave in ([a.wave] if a.wave else WAVES))


if __name__ == "__main__":
    sys.exit(main())
