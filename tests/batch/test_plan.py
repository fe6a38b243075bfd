"""The plan: partitions by size, slices that begin where records begin and cover every
byte once; files whose records depend on each other (or on the whole file's decoding)
kept whole."""
from __future__ import annotations

import random

from polybib.batch.plan import plan, slice_file

from .conftest import bib_entry, ris_record, text_reference


def _covers(path, slices) -> bytes:
    data = path.read_bytes()
    assert slices[0].start == 0 and slices[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(slices, slices[1:]))
    for piece in slices:
        assert piece.line == data.count(b"\n", 0, piece.start) + 1
    return data


def test_each_format_is_cut_where_a_record_starts(tmp_path):
    rng = random.Random(3)
    bib = tmp_path / "a.bib"
    bib.write_text("% header\n\n" + "".join(bib_entry(i, rng) for i in range(200)), encoding="utf-8")
    ris = tmp_path / "a.ris"
    ris.write_text("".join(ris_record(i, rng) for i in range(200)), encoding="utf-8")
    numbered = tmp_path / "n.txt"
    numbered.write_text("References\n" + "".join(f"[{n}] {text_reference(n, rng)}\n  continued line.\n"
                                                 for n in range(1, 200)), encoding="utf-8")
    for path, start in ((bib, (b"% polybib: noqa", b"@")), (ris, (b"TY  -",)), (numbered, (b"[",))):
        slices = slice_file(str(path), 2000)
        data = _covers(path, slices)
        assert len(slices) > 5
        assert all(data[s.start:].lstrip().startswith(start) for s in slices[1:]), path


def test_files_whose_entries_depend_on_each_other_are_kept_whole(tmp_path):
    rng = random.Random(4)
    entries = "".join(bib_entry(i, rng) for i in range(200))
    cases = {"strings.bib": '@string{ve = "Вопросы экономики"}\n' + entries,
             "crossref.bib": entries + "@inbook{x, crossref = {book0}}\n"}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert len(slice_file(str(tmp_path / name), 2000)) == 1
    (tmp_path / "cp1251.txt").write_bytes("\n".join(text_reference(i, rng) for i in range(100)).encode("cp1251", "replace"))
    (tmp_path / "crlf-cr.txt").write_bytes(b"\r".join(text_reference(i, rng).encode() for i in range(100)))
    (tmp_path / "array.json").write_text("[" + ",".join('{"id": "a%d", "title": "T"}' % i for i in range(500)) + "]")
    for name in ("cp1251.txt", "crlf-cr.txt", "array.json"):
        assert len(slice_file(str(tmp_path / name), 1000)) == 1


def test_small_files_share_a_partition_and_large_ones_are_split(tmp_path):
    rng = random.Random(5)
    small = []
    for n in range(6):
        path = tmp_path / f"s{n}.txt"
        path.write_text(text_reference(n, rng) + "\n", encoding="utf-8")
        small.append(str(path))
    large = tmp_path / "large.txt"
    large.write_text("".join(text_reference(i, rng) + "\n" for i in range(300)), encoding="utf-8")
    partitions = plan(small + [str(large)], 4000)
    assert [s.path for s in partitions[0].slices] == small
    assert sum(1 for p in partitions if any(s.path == str(large) for s in p.slices)) >= 10
    assert all(p.size <= 4000 + 400 for p in partitions if len(p.slices) > 1)
