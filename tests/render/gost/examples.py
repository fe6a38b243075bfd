"""Score polybib's GOST entries against the example sets: ``python tests/render/gost/examples.py``.

Each example file (``examples-7-0-100.json``, ``examples-7-0-5.json``) holds records with the
text the standard prints for them, split into a ``work`` part (developed against) and a
``held`` part (looked at only to measure).  Examples marked ``verbatim`` were found published
(a library guide or reference service reproducing the standard, or the standard's page) and
copied; the others were written after the standard's printed examples (see README.md).  An example counts when polybib's entry is the
expected text exactly, with one allowance the issue grants: the area dash may be ``—`` or
``–`` (and so may the dash of an open date range and of a number range).  Exit status 0 always; the figures are
the output.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {"7.0.100": (HERE / "examples-7-0-100.json", "gost-r-7-0-100-2018"),
         "7.0.5": (HERE / "examples-7-0-5.json", "gost-r-7-0-5-2008-numeric")}
_AREA_DASH = re.compile(r" [—–] ")
_RANGE_DASH = re.compile(r"(?<=\d)—(?=\d)")


def normalize(text: str) -> str:
    """The comparison form: area dashes made one, spaces collapsed (NBSP is a space).  The
    same glyph allowance holds for the dash of a number range (``С. 144—251`` as the
    standard's typesetting has it, ``С. 144–251`` as polybib writes it); a hyphen typed
    for that dash stays a difference."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = _RANGE_DASH.sub("–", text)
    return _AREA_DASH.sub(" – ", text).replace(" —.", " –.")


def hashed_part(example_id: str) -> str:
    """The part an example added with ``"split": "sha256"`` belongs to: a third of the ids,
    by their SHA-256, are held out.  Decided by the id alone, before polybib has seen the
    record, so an example cannot be moved to the part it happens to pass in."""
    return "held" if int(hashlib.sha256(example_id.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "work"


def load(edition: str) -> list[dict]:
    return json.loads(FILES[edition][0].read_text(encoding="utf-8"))["examples"]


def rendered(example: dict, style: str) -> str:
    """The entry polybib writes for the example's record, as plain text without its number."""
    from polybib.formats.csljson import item_to_reference
    from polybib.render import api
    from polybib.render.markup import plain

    ref = item_to_reference(example["record"])
    out = api.render([ref], style, sort="input")
    return plain(out.entries[0].body)


def is_fragment(example: dict) -> bool:
    """An example the standard prints only in part (``"match": "fragment"``: the host area
    after ``//`` of an analytic description); it is scored apart from whole entries."""
    return example.get("match") == "fragment"


def matches(example: dict, got: str) -> bool:
    """Whole entries must be the expected text; a fragment must occur in the entry."""
    if is_fragment(example):
        return normalize(example["expected"]) in normalize(got)
    return normalize(got) == normalize(example["expected"])


def score(edition: str, fragments: bool = False) -> dict[str, tuple[int, int, list[tuple[dict, str]]]]:
    """Per part: (exact matches, examples, misses as (example, what polybib wrote)); whole
    entries, or with ``fragments`` the examples printed only in part."""
    style = FILES[edition][1]
    parts: dict[str, tuple[int, int, list]] = {}
    for example in load(edition):
        if is_fragment(example) != fragments:
            continue
        got = rendered(example, style)
        ok = matches(example, got)
        hits, total, misses = parts.get(example["part"], (0, 0, []))
        parts[example["part"]] = (hits + ok, total + 1, misses + ([] if ok else [(example, got)]))
    return parts


def _summary(parts: dict, show: bool, percent: bool = True) -> str:
    """``work h/t (p %), held h/t (p %)``; with ``show`` the work part's misses are printed.
    Held-out misses are counted, not shown: looking at them would be tuning on them."""
    line = []
    for part in ("work", "held"):
        hits, total, misses = parts.get(part, (0, 0, []))
        line.append(f"{part} {hits}/{total}" + (f" ({100 * hits / max(total, 1):.1f} %)" if percent else ""))
        if show and part == "work":
            for example, got in misses:
                print(f"  MISS {example['id']}\n    want {example['expected']}\n    got  {got}")
    return ", ".join(line)


def main(argv: list[str]) -> int:
    show = "-v" in argv
    for edition in FILES:
        parts = score(edition)
        line = _summary(parts, show)
        missed = {e["id"] for part in parts.values() for e, _ in part[2]}
        published = []
        for part in ("work", "held"):
            verbatim = [e for e in load(edition) if e.get("verbatim") and e["part"] == part
                        and not is_fragment(e)]
            published.append(f"{part} {sum(e['id'] not in missed for e in verbatim)}/{len(verbatim)}")
        print(f"GOST R {edition}: " + line)
        print(f"  of them found published and copied: " + ", ".join(published))
        pieces = score(edition, fragments=True)
        if pieces:
            print("  fragments of the standard's own examples (host area), apart: "
                  + _summary(pieces, show, percent=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[2] / "src"))
    sys.exit(main(sys.argv[1:]))
