"""Stage render: each partition's bibliography is what ``polybib render`` gives for the
partition's records."""
from __future__ import annotations

import pytest

from polybib.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_each_partition_renders_as_polybib_render(mixed_inputs, tmp_path, capsysbinary):
    out = tmp_path / "out"
    assert main(["batch", str(mixed_inputs["plain"]), "-o", str(out), "--workers", "2", "--partition-mb", "0.004",
                 "--stages", "import,keys,render", "--styles", "apa,gost-r-7-0-5-2008-numeric", "-q"]) == 1
    capsysbinary.readouterr()
    parts = sorted(out.glob("part-[0-9][0-9][0-9][0-9][0-9].bib"))
    assert len(parts) >= 2
    for part in parts:
        for style in ("apa", "gost-r-7-0-5-2008-numeric"):
            rendered = (out / f"{part.stem}.{style}.txt").read_text(encoding="utf-8")
            main(["render", str(part), "--style", style, "-o", str(tmp_path / "single.txt")])
            capsysbinary.readouterr()
            assert rendered and rendered == (tmp_path / "single.txt").read_text(encoding="utf-8")
