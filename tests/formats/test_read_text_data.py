"""``polybib.read(data, "ris")`` with ``data`` a ``str``, as the README shows it (#13.12)."""
from __future__ import annotations

import pytest

import polybib
from polybib.errors import PolybibError

RIS = "TY  - JOUR\nAU  - Матвиенко, Ю. Е.\nTI  - Анализ развития\nPY  - 2019\nER  -\n"


def test_ris_text_is_read_as_data():
    lib = polybib.read(RIS, "ris")
    assert [r.get("title") for r in lib] == ["Анализ развития"]
    assert lib[0].source.file == "<memory>" and not lib.diagnostics


@pytest.mark.parametrize("data, fmt, title", [
    ('[{"id": "a", "type": "book", "title": "Бизнес"}]', "csljson", "Бизнес"),   # one line, no newline
    ("@book{a, title = {Бизнес}}", "bibtex", "Бизнес"),
    ("\ufeff@book{a,\n  title = {Облака},\n}\n", "bib", "Облака"),
])
def test_text_of_every_format_is_read_as_data(data, fmt, title):
    assert polybib.read(data, fmt)[0].get("title") == title


def test_a_missing_file_is_still_a_missing_file(tmp_path):
    with pytest.raises(PolybibError, match="no such file"):
        polybib.read(str(tmp_path / "missing.ris"), "ris")
    path = tmp_path / "refs.ris"
    path.write_text(RIS, encoding="utf-8")
    assert polybib.read(str(path), "ris")[0].get("title") == "Анализ развития"
    assert polybib.read(path)[0].get("title") == "Анализ развития"
