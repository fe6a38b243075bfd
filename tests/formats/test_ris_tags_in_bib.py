"""RIS tags without a CSL variable reach the .bib and come back (#13.6: eLIBRARY's ``BT``
and Scopus's ``AD`` reached CSL-JSON's ``custom`` but not the .bib)."""
from __future__ import annotations

import polybib

RIS = """TY  - JOUR
AU  - Матвиенко, Ю. Е.
TI  - Анализ развития
T2  - Вестник
BT  - Сборник трудов {1}
AD  - Московский университет, Москва, Россия
PY  - 2019
ER  - 
"""


def test_bt_and_ad_are_written_to_the_bib_and_read_back_as_the_same_tags():
    lib = polybib.read(RIS, "ris")
    bib = polybib.write(lib, "bibtex").decode()
    assert "ris-bt = {Сборник трудов \\textbraceleft{}1\\textbraceright{}}" in bib
    assert "ris-ad = {Московский университет, Москва, Россия}" in bib
    back = polybib.read(bib.encode(), "bibtex")
    assert back[0].extra["ris.BT"] == "Сборник трудов {1}"
    assert back[0].extra["ris.AD"] == "Московский университет, Москва, Россия"
    ris = polybib.write(back, "ris").decode()
    assert "BT  - Сборник трудов {1}" in ris and "AD  - Московский университет, Москва, Россия" in ris
