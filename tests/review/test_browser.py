"""End to end in a real browser: Playwright for Python driving Debian's Chromium
(``/usr/bin/chromium``, installed by ``.ci/run``; no browser is downloaded).

One review from start to finish: paste the seed, correct a field by selecting its words,
apply a lint fix, switch style and scheme, export ``.bib`` and the corrections, reload
the page and restart the server and find the work kept; walk the uncertain fields with
the keyboard; show hostile data as text; read Cyrillic, Kazakh and CJK with real fonts.
The test also makes the README's screenshot, ``docs/review.png`` (when it is missing, or
with ``POLYBIB_UPDATE_SCREENSHOT=1``: fonts and Chromium differ between machines, and a
test run should not leave the checkout changed).
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from polybib.review.server import ReviewServer
from polybib.review.session import ReviewSession

from .conftest import REPO, SEED

KAZAKH = "Жұмабаев Қ. Қазақ тіліндегі терминдер // Қазақстан ғылымы. — 2020. — № 2. — Б. 5-9."
CHINESE = "王伟, 李强. 中俄能源合作研究. 国际问题研究, 2015, 3: 40-44."
expect = None                 # playwright's expect, set when the browser starts
SCREENSHOT = REPO / "docs" / "review.png"

SELECT_JS = """([needle, nth]) => {
  const source = document.getElementById('source');
  const full = source.textContent;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = full.indexOf(needle, start + 1);
  if (start < 0) throw new Error('not in the text: ' + needle);
  const end = start + needle.length;
  const point = (offset) => {
    for (const span of source.children) {
      const s = Number(span.dataset.s), len = span.textContent.length;
      if (offset >= s && offset <= s + len) return [span.firstChild, offset - s];
    }
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""


def _chromium() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    global expect
    expect = sync_api.expect
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield launched
        launched.close()


def _open(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}") or d.dismiss())
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")
    return page, errors


def _select(page, needle: str, nth: int = 0) -> None:
    assert page.evaluate(SELECT_JS, [needle, nth]) == needle


def _until(check, seconds: float = 10.0) -> None:
    """Poll ``check`` until it holds or ``seconds`` pass (the caller asserts afterwards)."""
    import time
    end = time.monotonic() + seconds
    while not check() and time.monotonic() < end:
        time.sleep(0.05)


def _field(page, name: str):
    return page.locator(f'.fields-row[data-field="{name}"] input').first


def _download(page, kind: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(f'[data-export="{kind}"]')
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


@pytest.mark.chromium
def test_a_whole_review_in_the_browser(browser, tmp_path):
    state = tmp_path / "review.json"
    server = ReviewServer(ReviewSession(state)).start()
    try:
        page, errors = _open(browser, server)

        # paste the seed (and a Kazakh and a Chinese reference) and parse it
        page.fill("#paste", SEED.read_text(encoding="utf-8") + f"\n6. {KAZAKH}\n7. {CHINESE}\n")
        page.click("#parse")
        page.wait_for_selector(".item >> nth=6")
        assert page.locator(".item").count() == 7
        assert page.locator(".item").nth(0).locator('[data-f="author"]').first.inner_text() == "Газуль"

        # correct a field by selecting its words: the series is not part of the journal title
        page.click('.item[data-index="3"]')
        page.wait_for_selector('#record-id:text("kizekova2014future")')
        _select(page, "Серия: Политология. Религиоведение")
        page.keyboard.press("s")                                    # s: collection-title
        expect(_field(page, "collection-title")).to_have_value("Серия: Политология. Религиоведение")
        assert _field(page, "container-title").input_value() == "Известия Иркутского государственного университета"
        assert _field(page, "collection-title").input_value() == "Серия: Политология. Религиоведение"
        assert page.locator('#source span[data-f="collection-title"]').all_inner_texts() == ["Серия: Политология. Религиоведение"]
        assert page.locator('.item[data-index="3"] .badge.corrected').count() == 1

        # a label chosen by button: "Т. 7" as the volume gets lint's V004, fixed in one click
        _select(page, "Т. 7")
        page.click('#labels button[data-label="volume"]')
        expect(_field(page, "volume")).to_have_value("Т. 7")
        fix = page.locator('#lint li[data-code="V004"] button.fix')
        fix.wait_for()
        fix.click()
        expect(_field(page, "volume")).to_have_value("7")
        page.wait_for_selector('#lint li:text("No findings.")')
        page.keyboard.press("z")                                    # undo brings the finding back …
        expect(_field(page, "volume")).to_have_value("Т. 7")
        page.locator('#lint li[data-code="V004"] button.fix').click()  # … and it is fixed again
        expect(_field(page, "volume")).to_have_value("7")

        # switch the style and the scheme: the renderings follow
        page.select_option("#style", "apa")
        page.wait_for_selector('#render-original:has-text("(2014)")')
        page.select_option("#scheme", "iso9")
        page.wait_for_selector('#render-romanized:has-text("Izvestiâ")')
        assert "Известия" in page.inner_text("#render-original")
        assert page.locator('#romanization td:text("Izvestiâ Irkutskogo gosudarstvennogo universiteta")').count() == 1

        # the screenshot for the README: a corrected record, the list in four scripts
        page.click('.item[data-index="3"]')
        page.wait_for_selector('#lint li')
        page.evaluate("document.getElementById('detail').scrollTop = 0")
        shot = tmp_path / "review.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 50_000
        if os.environ.get("POLYBIB_UPDATE_SCREENSHOT") or not SCREENSHOT.exists():
            SCREENSHOT.parent.mkdir(exist_ok=True)
            shutil.copyfile(shot, SCREENSHOT)

        # export .bib and the corrections
        bib = _download(page, "bib", tmp_path).read_text(encoding="utf-8")
        assert "Известия Иркутского государственного университета}" in bib
        assert "volume = {7}" in bib and "Серия: Политология. Религиоведение" in bib
        lines = _download(page, "jsonl", tmp_path).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1
        row = json.loads(lines[0])
        assert row["text"].startswith("Kizekova A., Но Т.Е.В.")
        assert row["gold"]["collection-title"] == "Серия: Политология. Религиоведение" and row["gold"]["volume"] == "7"

        # reload: the work, the selected record and the chosen style are kept
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        assert page.inner_text("#record-id") == "kizekova2014future"
        assert _field(page, "collection-title").input_value() == "Серия: Политология. Религиоведение"
        assert page.input_value("#style") == "apa" and page.input_value("#scheme") == "iso9"
        assert errors == []
    finally:
        server.stop()

    # restart the server on the saved state: still there
    again = ReviewServer(ReviewSession.open([], state)).start()
    try:
        page, errors = _open(browser, again)
        page.click('.item[data-index="3"]')
        assert _field(page, "volume").input_value() == "7"
        assert _field(page, "container-title").input_value() == "Известия Иркутского государственного университета"
        assert page.locator(".item").count() == 7 and errors == []
    finally:
        again.stop()


@pytest.mark.chromium
def test_the_keyboard_walks_the_uncertain_fields(browser, tmp_path):
    items = [{"id": "a2020", "type": "book", "title": "Первая книга", "publisher": "Наука",
              "issued": {"date-parts": [[2020]]},
              "custom": {"polybib.low-confidence-fields": ["publisher", "issued"]}},
             {"id": "b2021", "type": "book", "title": "Вторая книга"},
             {"id": "c2022", "type": "article-journal", "title": "Третья", "container-title": "Журнал",
              "custom": {"polybib.low-confidence-fields": ["container-title"]}}]
    upload = tmp_path / "uncertain.json"
    upload.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    session = ReviewSession(tmp_path / "review.json")
    server = ReviewServer(session).start()
    try:
        page, errors = _open(browser, server)
        page.set_input_files("#upload", str(upload))
        page.wait_for_selector(".item >> nth=2")
        assert page.locator(".item .badge.uncertain").count() == 2
        focused = "() => document.activeElement.closest('.fields-row')?.dataset.field + '@' + document.getElementById('record-id').textContent"
        visited = []
        for _ in range(4):
            page.keyboard.press("]")
            expect(page.locator("#status")).to_have_text(re.compile("^uncertain: "))
            expect(page.locator(".fields-row:focus-within")).to_have_count(1)
            visited.append(page.evaluate(focused))
            page.keyboard.press("Escape")
        assert visited[3] == visited[0]                              # round the list
        assert visited[:3] == ["issued@a2020", "publisher@a2020", "container-title@c2022"] or \
            visited[:3] == ["publisher@a2020", "issued@a2020", "container-title@c2022"]
        # the uncertain fields of a record are listed first and marked
        page.click('.item[data-index="0"]')
        rows = page.locator("#fields .fields-row")
        assert "uncertain" in rows.nth(0).get_attribute("class") and "uncertain" in rows.nth(1).get_attribute("class")
        assert "uncertain" not in rows.nth(2).get_attribute("class")
        # j/k move between references
        page.keyboard.press("j")
        page.wait_for_selector('#record-id:text("b2021")')
        # in a parsed reference, the words of an uncertain field are marked in the text too
        session.add_text(SEED.read_text(encoding="utf-8").splitlines()[0])
        session.records[-1].uncertain = ["publisher"]
        session.records[-1].changed()
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        page.click('.item[data-index="3"]')
        assert page.locator('#source span.uncertain').all_inner_texts() == ["Изд-во СПбГУЭФ"]
        assert page.locator('#fields .fields-row').first.get_attribute("data-field") == "publisher"
        assert errors == []
    finally:
        server.stop()


@pytest.mark.chromium
def test_hostile_data_is_shown_as_text(browser, tmp_path):
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    items = [{"id": "x", "type": "book", "title": hostile, "author": [{"literal": hostile}],
              "URL": "javascript:window.__pwned=3"}]
    upload = tmp_path / "hostile.json"
    upload.write_text(json.dumps(items), encoding="utf-8")
    server = ReviewServer(ReviewSession(tmp_path / "review.json")).start()
    try:
        page, errors = _open(browser, server)
        page.set_input_files("#upload", str(upload))
        page.wait_for_selector(".item")
        page.click(".item")
        page.wait_for_selector("#lint li")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#list img, #detail img, #detail script, #list script").count() == 0
        assert page.locator('.fields-row[data-field="title"] input').input_value() == hostile
        assert hostile in page.inner_text("#list")
        page.fill("#paste", "1. " + hostile + " // " + hostile + ". — 2020.")
        page.click("#parse")
        page.wait_for_selector(".item >> nth=1")
        page.click(".item >> nth=1")
        assert page.evaluate("window.__pwned") is None and errors == []
    finally:
        server.stop()


def _fonts_of(page, selector: str) -> set[str]:
    """The fonts Chromium really drew a node's text with (DevTools' platform fonts)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"] for f in fonts if f["glyphCount"]}


@pytest.mark.chromium
def test_cyrillic_kazakh_latin_and_cjk_are_drawn_with_real_fonts(browser, tmp_path):
    session = ReviewSession(tmp_path / "review.json")
    session.add_text(f"1. {KAZAKH}\n2. {CHINESE}\n3. Smith J. A Latin title. Nature. 2001. Vol. 5. P. 1-2.\n")
    server = ReviewServer(session).start()
    try:
        page, _ = _open(browser, server)
        kazakh = _fonts_of(page, '.item[data-index="0"] .text span')
        chinese = _fonts_of(page, '.item[data-index="1"] .text span')
        latin = _fonts_of(page, '.item[data-index="2"] .text span')
        assert kazakh and chinese and latin
        assert not {"LastResort", ".LastResort"} & (kazakh | chinese | latin)
        assert any("WenQuanYi" in f or "Noto Sans CJK" in f or "Droid Sans Fallback" in f for f in chinese), chinese
        assert any("DejaVu" in f or "Noto Sans" in f or "Liberation" in f for f in kazakh), kazakh
    finally:
        server.stop()


@pytest.mark.chromium
def test_names_dates_and_the_type_are_edited_as_such_in_the_page(browser, seeded):
    server = ReviewServer(seeded).start()
    try:
        page, errors = _open(browser, server)
        page.click('.item[data-index="4"]')
        page.wait_for_selector('#record-id:text("wang2015sino")')
        families = page.locator('.fields-row[data-field="author"] input[placeholder="family"]')
        assert families.evaluate_all("xs => xs.map(x => x.value)") == ["Wang", "Cheng"]
        page.locator('.fields-row[data-field="author"] button[title="move down"]').first.click()
        expect(families.first).to_have_value("Cheng")
        given = page.locator('.fields-row[data-field="author"] input[placeholder="given"]').nth(1)
        given.fill("W.")
        given.press("Enter")
        expect(page.locator('.fields-row[data-field="author"] input[placeholder="given"]').nth(1)).to_have_value("W.")
        issued = _field(page, "issued")
        issued.fill("15.03.2015")
        issued.press("Enter")
        expect(_field(page, "issued")).to_have_value("2015-03-15")
        page.select_option("#type", "chapter")
        expect(page.locator('.item[data-index="4"] .meta')).to_contain_text("chapter")
        ref = seeded.records[4].ref

        def saved():
            return ([(n.family, n.given) for n in ref.fields["author"]], ref.fields["issued"].parts, ref.type)
        # the page's edits reach the server as separate requests: wait (bounded) for the last
        _until(lambda: saved() == ([("Cheng", "Zhijie"), ("Wang", "W.")], [[2015, 3, 15]], "chapter"))
        assert saved() == ([("Cheng", "Zhijie"), ("Wang", "W.")], [[2015, 3, 15]], "chapter")
        bad = _field(page, "issued")
        bad.fill("someday")
        bad.press("Enter")
        expect(_field(page, "issued")).to_have_value("someday")      # kept as a literal date, not lost
        assert errors == []
    finally:
        server.stop()
