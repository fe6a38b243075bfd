"""GB/T 7714 (Chinese) references, and the type, language and number decisions made from the
parsed fields (``classify``, ``hybrid._designation``)."""
from __future__ import annotations

from polybib.formats.csljson import reference_to_item
from polybib.model import CSL_TYPES
from polybib.refparse import gbt7714, parse_reference


def item(text: str) -> dict:
    return reference_to_item(parse_reference(text))


def test_chinese_journal_article_is_split_into_its_areas():
    got = item("张三, 李四, 等. 深度学习研究进展[J]. 计算机学报, 2018, 41(5): 1-20.")
    assert got["type"] == "article-journal" and got["language"] == "zh"
    assert [a["literal"] for a in got["author"]] == ["张三", "李四"]
    assert got["title"] == "深度学习研究进展" and got["container-title"] == "计算机学报"
    assert (got["volume"], got["issue"], got["page"]) == ("41", "5", "1-20")
    assert got["issued"] == {"date-parts": [[2018]]}
    assert got["custom"]["polybib.etal.author"] == "true"


def test_chinese_book_thesis_collection_web_standard_patent_newspaper():
    book = item("王小明. 中国经济发展[M]. 2版. 北京：科学出版社，2010.")
    assert (book["type"], book["publisher-place"], book["publisher"], book["edition"]) == \
        ("book", "北京", "科学出版社", "2")
    thesis = item("刘伟. 基于神经网络的图像识别方法[D]. 北京: 清华大学, 2015.")
    assert thesis["type"] == "thesis" and thesis["publisher"] == "清华大学"
    paper = item("王五. 一种新的算法[C]//中国计算机学会. 第十届全国学术会议论文集. 北京: 电子工业出版社, 2012: 100-105.")
    assert paper["type"] == "paper-conference" and paper["container-title"] == "第十届全国学术会议论文集"
    assert paper["editor"] == [{"literal": "中国计算机学会"}] and paper["page"] == "100-105"
    web = item("国家统计局. 统计公报[EB/OL]. (2021-02-28)[2021-03-15]. http://www.stats.gov.cn/a.html.")
    assert web["type"] == "webpage" and web["accessed"] == {"date-parts": [[2021, 3, 15]]}
    assert web["URL"] == "http://www.stats.gov.cn/a.html"
    standard = item("GB/T 7714—2015 信息与文献 参考文献著录规则[S]. 北京: 中国标准出版社, 2015.")
    assert standard["type"] == "standard" and standard["number"] == "GB/T 7714-2015"
    patent = item("张三. 一种装置: CN201510012345.6[P]. 2016-05-04.")
    assert patent["type"] == "patent" and patent["number"] == "CN201510012345.6" and patent["title"] == "一种装置"
    news = item("李华. 城市化进程研究[N]. 人民日报, 2019-03-12(5).")
    assert news["container-title"] == "人民日报" and news["issued"] == {"date-parts": [[2019, 3, 12]]}


def test_english_reference_written_to_gbt7714():
    got = item("LECUN Y, BENGIO Y, HINTON G. Deep learning[J]. Nature, 2015, 521(7553): 436-444.")
    assert [a["family"] for a in got["author"]] == ["Lecun", "Bengio", "Hinton"]
    assert got["container-title"] == "Nature" and got["page"] == "436-444" and got["language"] == "en"


def test_other_references_are_not_taken_for_gbt7714():
    assert not gbt7714.looks_like("Иванов И. И. Заглавие [Электронный ресурс]. – М., 2010.")
    assert not gbt7714.looks_like("Smith J. Appendix [A] of the report, 2001, London.")


def test_types_from_the_fields():
    assert item("Божанов, П. В. Направления развития / П. В. Божанов // Современные концепции : сб. ст. / БГУ. "
                "– Минск, 2014. – С. 56–64.")["type"] == "chapter"
    assert item("Schmidt D. A. Denotational Semantics: A Methodology for Language Development. 1997.")["type"] == "book"
    assert item("EduGraph: вихідний код проєкту. URL: https://github.com/someone/EduGraph "
                "(дата звернення: 06.06.2026).")["type"] == "software"
    for text in ("Something odd", "%%%", "Kim J. 1999."):
        assert item(text)["type"] in CSL_TYPES


def test_standard_and_patent_numbers_come_from_the_reference():
    got = item("ДСТУ 3008:2015. Звіти у сфері науки і техніки. Київ : УкрНДНЦ, 2015. 26 с.")
    assert got["type"] == "standard" and got["number"] == "ДСТУ 3008:2015"
    got = item("Инерциальный волнограф: а. с. 1696865 СССР / Ю.В. Дубинский. – Опубл. 07.12.91.")
    assert got["type"] == "patent" and got["number"] == "1696865"


def test_language_marks_of_romanized_references():
    assert item("Petrov A. Ocherki istorii. Moscow, Nauka Publ., 2001. 240 p. [in Ukrainian]")["language"] == "uk"
    assert item("Hlyz I. Istoriia. Kyiv: Heneza, 2004. 480 p. (In Kazakh)")["language"] == "kk"
    assert item("Хейзинга Й. Homo Ludens. В тени завтрашнего дня. – М.: Прогресс, 1992. – 464 с.")["language"] == "ru"
