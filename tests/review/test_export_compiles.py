"""The ``.bib`` a review exports, corrections included, compiles under XeLaTeX + biber with
biblatex-gost, and the PDF shows the corrected fields (markers as in tests/latex: a missing
tool skips outside CI and fails in CI)."""
from __future__ import annotations

import pytest

from polybib.formats import bibtex
from polybib.review.details import apply_fix, lint_view

from ..latex.test_papers_compile import PAPER, _compile

@pytest.mark.latex
@pytest.mark.biber
@pytest.mark.parametrize("style", ["gost-numeric", "numeric"])
def test_the_corrected_export_compiles_with_biber(seeded, tmp_path, style):
    record = seeded.records[3]
    text = record.text
    record.label(text.index("Серия"), text.index(" 2014"), "collection-title")
    record.label(text.index("Т. 7"), text.index("Т. 7") + 4, "volume")
    (finding,) = [f for f in lint_view(record.ref) if f["code"] == "V004"]
    apply_fix(record, finding["index"], "V004")
    seeded.records[0].set_field("author", [{"family": "Газуль", "given": "С. М."}, {"literal": "Институт {экономики} & Ко"}])
    data, _, _ = seeded.export("bib")
    (tmp_path / "seed.bib").write_bytes(data)
    keys = [r.id for r in bibtex.read(data, "seed.bib")]
    assert len(keys) == 5
    (tmp_path / "paper.tex").write_text(PAPER % {"style": style, "cites": ", ".join(f"\\cite{{{k}}}" for k in keys)},
                                        encoding="utf-8")
    pdf = _compile(tmp_path, "paper")
    assert "??" not in pdf
    assert "Известия Иркутского государственного университета" in pdf
    assert "Политология" in pdf and "Газуль" in pdf
    assert "Т. 7" not in data.decode("utf-8")
