"""The HTML pages of a build: a summary a person reads first, and the records, page by page.

``index.html`` starts with what needs attention: counts, lint findings by rule, failed
links, the look-alike letters the parser retyped, low-confidence records and fields,
reader warnings, and a link to every file the build wrote.  The records follow, one card
each with its fields, its romanized form, the parser's repairs and warnings, its findings,
links and renderings.  A small list stays on ``index.html``; a long one is split into
``records-NNNN.html`` pages of :data:`PAGE_SIZE` cards (a 20,000-record build stays a few
megabytes per page, where one page would be fifty), and the summary links every record it
names to its card.

Everything from the data is HTML-escaped (records come from strangers' reference lists);
the pages load nothing from elsewhere: inline CSS, no script, no font or image.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .model import Date, Name, Reference

#: Records per page of a long build.
PAGE_SIZE = 250
#: Rows of each list in the summary before "and N more" (the full lists are in the reports).
SUMMARY_ROWS = 50
#: A field parsed with less confidence than this is flagged (refparse's record threshold).
LOW_CONFIDENCE = 0.6

CSS = """
:root{--line:#d0d7de;--muted:#57606a}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;margin:0 auto 3rem;max-width:72rem;padding:0 1rem;color:#1d2125;background:#fff}
nav.top{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 0;z-index:1}
nav.top a{margin-right:1rem}
h1{font-size:1.6rem;margin:1rem 0 .2rem} h2{font-size:1.2rem;margin:1.6rem 0 .5rem}
.meta{color:var(--muted);margin-top:0}
a{color:#0550ae} a:visited{color:#6639ba}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}
.card{border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;min-width:8rem}
.card b{display:block;font-size:1.4rem}
table.list{border-collapse:collapse;margin:.3rem 0 .8rem}
table.list th,table.list td{text-align:left;vertical-align:top;padding:.2rem .8rem .2rem 0;border-bottom:1px solid #eaeef2}
table.list th{color:var(--muted);font-weight:500}
.more{color:var(--muted)}
.record{border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:1.2rem 0}
.record:target{outline:3px solid #0969da}
.record h3{font-size:1.1rem;margin:0 0 .6rem}
.key{font-family:ui-monospace,monospace;background:#f3f4f6;padding:.1rem .4rem;border-radius:4px}
table.fields{border-collapse:collapse;width:100%;margin:.4rem 0}
table.fields th{text-align:left;vertical-align:top;width:11rem;color:var(--muted);font-weight:500;padding:.15rem .6rem .15rem 0}
table.fields td{padding:.15rem 0;overflow-wrap:anywhere}
tr.low td{background:#fff8c5}
.badge{display:inline-block;border-radius:10px;padding:.05rem .55rem;font-size:.8rem;margin-right:.3rem}
.error{background:#ffebe9;color:#82071e}.warning{background:#fff8c5;color:#6b4f00}.info{background:#ddf4ff;color:#0a3069}
.ok{background:#dafbe1;color:#116329}
ul.notes{margin:.3rem 0 .6rem 1.2rem;padding:0}
.style{margin:.25rem 0;display:grid;grid-template-columns:11rem 1fr;gap:.6rem}.style b{color:var(--muted);font-weight:500;overflow-wrap:anywhere}
.source{color:var(--muted);overflow-wrap:anywhere}
nav.pages{margin:1rem 0;line-height:2}
nav.pages a,nav.pages strong{margin-right:.5rem}
"""

#: What each file of a build is, by name pattern (for the list of files written).
_FILE_KINDS = [
    ("references.bib", "BibLaTeX, UTF-8 (biber)"),
    ("references-bibtex.bib", "classic BibTeX, romanized ASCII (.bst styles)"),
    ("references.json", "CSL-JSON (Zotero, pandoc)"),
    ("references.ris", "RIS"),
    ("lint.txt", "lint findings for people"),
    ("lint.json", "lint findings, JSON"),
    ("lint.sarif", "lint findings, SARIF 2.1.0"),
    ("links.json", "link statuses"),
]


@dataclass
class _Place:
    """Where a record's card is: its page file and its anchor."""

    page: str
    anchor: str

    @property
    def href(self) -> str:
        return f"{self.page}#{self.anchor}"


def _value(value, variable: str = "") -> str:
    if variable == "URL" and isinstance(value, str) and value.startswith(("http://", "https://")):
        return f'<a href="{_attr(value)}">{escape(value)}</a>'
    if variable == "DOI" and isinstance(value, str) and value:
        return f'<a href="{_attr("https://doi.org/" + value)}">{escape(value)}</a>'
    if isinstance(value, list) and value and isinstance(value[0], Name):
        return "; ".join(escape(n.display()) for n in value)
    if isinstance(value, Date):
        return escape(value.iso() or value.literal)
    return escape(str(value))


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _file_kind(name: str) -> str:
    for pattern, what in _FILE_KINDS:
        if name == pattern:
            return what
    if name.startswith("references-") and name.endswith(".json"):
        return f"CSL-JSON romanized ({name[len('references-'):-len('.json')]})"
    if name.startswith("bibliography-"):
        style, _, ext = name[len("bibliography-"):].rpartition(".")
        kind = {"txt": "plain text", "html": "HTML page", "md": "Markdown", "tex": "LaTeX thebibliography"}
        return f"{style}: {kind.get(ext, ext)}"
    return ""


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return ""
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


class _Build:
    """The build's data regrouped per record, and the page each record lands on."""

    def __init__(self, result):
        self.result = result
        self.library = result.library
        self.records: list[Reference] = list(self.library)
        self.findings = defaultdict(list)
        for f in result.findings:
            self.findings[(f.entry or "").lower()].append(f)
        self.links = defaultdict(list)
        for r in result.link_results:
            self.links[(r.entry or "").lower()].append(r)
        at = {(ref.source.file, ref.source.line): i for i, ref in enumerate(self.records) if ref.source.line}
        self.diagnostics = defaultdict(list)     # record index → reader/translit warnings
        self.loose = []                          # warnings that belong to no record
        for d in result.diagnostics:
            index = at.get((d.file, d.line))
            (self.diagnostics[index] if index is not None else self.loose).append(d)
        romanized = getattr(result, "romanized", None)
        self.romanized = list(romanized) if romanized is not None and len(romanized) == len(self.records) else []
        self.scheme = getattr(result, "scheme", "") or ""
        self.paged = len(self.records) > PAGE_SIZE
        self.pages = max(1, -(-len(self.records) // PAGE_SIZE))

    def page_name(self, number: int) -> str:
        return f"records-{number:04d}.html" if self.paged else "index.html"

    def place(self, index: int) -> _Place:
        return _Place(self.page_name(index // PAGE_SIZE + 1), f"r{index + 1}")

    def low_fields(self, ref: Reference) -> dict[str, float]:
        return {k: v for k, v in ref.confidence.items() if v < LOW_CONFIDENCE}


# ------------------------------------------------------------------ page parts

def _head(title: str) -> list[str]:
    return ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>"]


def _top_nav(build: _Build, here: str) -> str:
    summary = "" if here == "index.html" else "index.html"
    links = [f'<a href="{summary}#summary">Summary</a>', f'<a href="{summary}#findings">Findings</a>',
             f'<a href="{summary}#links">Links</a>', f'<a href="{summary}#repairs">Repairs</a>',
             f'<a href="{summary}#confidence">Low confidence</a>', f'<a href="{summary}#files">Files</a>',
             f'<a href="{build.page_name(1)}#records">Records</a>']
    return '<nav class="top">' + " ".join(links) + "</nav>"


def _page_nav(build: _Build, current: int) -> str:
    if not build.paged:
        return ""
    parts = ['<nav class="pages">Pages:']
    if current > 1:
        parts.append(f'<a href="{build.page_name(current - 1)}" rel="prev">« previous</a>')
    for number in range(1, build.pages + 1):
        first = build.records[(number - 1) * PAGE_SIZE].id
        if number == current:
            parts.append(f"<strong>{number}</strong>")
        else:
            parts.append(f'<a href="{build.page_name(number)}" title="from {_attr(first)}">{number}</a>')
    if current < build.pages:
        parts.append(f'<a href="{build.page_name(current + 1)}" rel="next">next »</a>')
    parts.append("</nav>")
    return " ".join(parts)


def _record_link(build: _Build, index: int) -> str:
    ref = build.records[index]
    return f'<a href="{_attr(build.place(index).href)}"><span class="key">{escape(ref.id)}</span></a>'


def _capped(rows: list[str], total: int, where: str) -> list[str]:
    out = rows[:SUMMARY_ROWS]
    if total > SUMMARY_ROWS:
        out.append(f'<tr><td colspan="4" class="more">… and {total - SUMMARY_ROWS} more: see {where}</td></tr>')
    return out


def _summary(build: _Build) -> list[str]:
    result = build.result
    records = build.records
    severities = Counter(f.severity for f in result.findings)
    statuses = Counter(r.status for r in result.link_results)
    failed_links = [r for r in result.link_results if r.failed]
    repaired = [i for i, ref in enumerate(records) if ref.source.repairs]
    low = [i for i, ref in enumerate(records)
           if ref.extra.get("polybib.low-confidence") or build.low_fields(ref)]
    warnings = sum(len(v) for v in build.diagnostics.values()) + len(build.loose)
    out = ['<section id="summary">',
           f'<p class="meta">{len(records)} record(s) from {escape(", ".join(map(str, getattr(result, "inputs", []) or []))) or "the inputs"}'
           f" · styles: {escape(', '.join(result.renderings)) or 'none'}"
           f"{' · romanized with ' + escape(build.scheme) if build.scheme else ''}</p>",
           '<div class="cards">',
           f'<div class="card"><b>{len(records)}</b>records</div>',
           f'<div class="card"><b>{len(result.findings)}</b>lint findings'
           + "".join(f' <span class="badge {_attr(s)}">{n} {escape(s)}</span>' for s, n in sorted(severities.items()))
           + "</div>",
           f'<div class="card"><b>{len(result.link_results)}</b>links · {len(failed_links)} failed</div>',
           f'<div class="card"><b>{sum(len(records[i].source.repairs) for i in repaired)}</b>look-alike repairs</div>',
           f'<div class="card"><b>{len(low)}</b>low-confidence records</div>',
           f'<div class="card"><b>{warnings}</b>reader warnings</div>',
           f'<div class="card"><b>{len(result.written) + 1 + (build.pages if build.paged else 0)}</b>files written</div>',
           "</div>"]
    types = Counter(ref.type for ref in records)
    languages = Counter(ref.language or "unknown" for ref in records)
    out.append('<p class="meta">Types: ' + ", ".join(f"{escape(t)} {n}" for t, n in types.most_common())
               + " · languages: " + ", ".join(f"{escape(t)} {n}" for t, n in languages.most_common()) + "</p>")
    out.append("</section>")

    index_of = {ref.id.lower(): i for i, ref in enumerate(records)}

    def who(entry: str | None) -> str:
        """The record a finding or link names: a link to its card, or its key as text."""
        i = index_of.get((entry or "").lower())
        return _record_link(build, i) if i is not None else escape(entry or "")

    # findings by rule, then the records with errors
    out.append('<section id="findings"><h2>Lint findings</h2>')
    if result.findings:
        by_code = Counter((f.code, f.name, f.severity) for f in result.findings)
        out.append('<table class="list"><tr><th>rule</th><th>severity</th><th>count</th></tr>')
        for (code, name, severity), n in by_code.most_common():
            out.append(f'<tr><td>{escape(code)} {escape(name)}</td><td><span class="badge {_attr(severity)}">'
                       f"{escape(severity)}</span></td><td>{n}</td></tr>")
        out.append("</table>")
        errors = [f for f in result.findings if f.severity == "error"]
        worst = errors or list(result.findings)
        rows = []
        for f in worst[:SUMMARY_ROWS]:
            rows.append(f'<tr><td>{who(f.entry)}</td><td><span class="badge {_attr(f.severity)}">'
                        f"{escape(f.code)}</span></td><td>{escape(f.message)}</td></tr>")
        out.append(f"<p>{'Errors' if errors else 'Findings'}:</p>")
        out.append('<table class="list">' + "".join(_capped(rows, len(worst), '<a href="lint.txt">lint.txt</a>'))
                   + "</table>")
    else:
        out.append("<p>No lint findings.</p>")
    out.append("</section>")

    out.append('<section id="links"><h2>Links</h2>')
    if result.link_results:
        out.append("<p>" + " · ".join(f"{escape(s)}: {n}" for s, n in statuses.most_common()) + "</p>")
        rows = []
        for r in failed_links[:SUMMARY_ROWS]:
            rows.append(f'<tr><td>{who(r.entry)}</td><td><span class="badge error">{escape(r.status)}</span></td>'
                        f'<td><a href="{_attr(r.url)}">{escape(r.url)}</a> {escape(r.detail or "")}</td></tr>')
        if rows:
            out.append('<table class="list">' + "".join(_capped(rows, len(failed_links), '<a href="links.json">links.json</a>'))
                       + "</table>")
    else:
        out.append("<p>No links checked.</p>")
    out.append("</section>")

    out.append('<section id="repairs"><h2>Repairs</h2><p class="meta">Look-alike letters (Cyrillic for Latin '
               "or the reverse) the parser retyped, as recorded in each record.</p>")
    if repaired:
        rows = [f"<tr><td>{_record_link(build, i)}</td><td>{escape('; '.join(records[i].source.repairs))}</td></tr>"
                for i in repaired[:SUMMARY_ROWS]]
        out.append('<table class="list">' + "".join(_capped(rows, len(repaired), "the records")) + "</table>")
    else:
        out.append("<p>No repairs.</p>")
    out.append("</section>")

    out.append(f'<section id="confidence"><h2>Low confidence</h2><p class="meta">Records the parser was '
               f"unsure of, and fields parsed with confidence below {LOW_CONFIDENCE:.1f}: check them against "
               "the source text.</p>")
    if low:
        rows = []
        for i in low[:SUMMARY_ROWS]:
            ref = records[i]
            whole = ref.extra.get("polybib.low-confidence")
            fields = ", ".join(f"{escape(k)} {v:.2f}" for k, v in build.low_fields(ref).items())
            rows.append(f"<tr><td>{_record_link(build, i)}</td><td>{'record ' + escape(whole) if whole else ''}"
                        f"</td><td>{fields}</td></tr>")
        out.append('<table class="list"><tr><th>record</th><th>confidence</th><th>fields</th></tr>'
                   + "".join(_capped(rows, len(low), "the records")) + "</table>")
    else:
        out.append("<p>Every parsed field is above the threshold.</p>")
    out.append("</section>")

    out.append('<section id="warnings"><h2>Reader warnings</h2>')
    noted = [(i, d) for i, ds in sorted(build.diagnostics.items()) for d in ds]
    if noted or build.loose:
        rows = [f"<tr><td>{_record_link(build, i)}</td><td>{escape(str(d))}</td></tr>" for i, d in noted[:SUMMARY_ROWS]]
        rows += [f"<tr><td></td><td>{escape(str(d))}</td></tr>" for d in build.loose[:SUMMARY_ROWS]]
        out.append('<table class="list">' + "".join(_capped(rows, len(noted) + len(build.loose), "the records"))
                   + "</table>")
    else:
        out.append("<p>None.</p>")
    out.append("</section>")

    out.append('<section id="files"><h2>Files written</h2><table class="list">'
               "<tr><th>file</th><th>what</th><th>size</th></tr>")
    outdir = Path(result.outdir)
    for path in result.written:
        path = Path(path)
        try:
            name = path.relative_to(outdir).as_posix()
        except ValueError:
            name = path.name
        out.append(f'<tr><td><a href="{_attr(name)}">{escape(name)}</a></td><td>{escape(_file_kind(name))}</td>'
                   f"<td>{_size(path)}</td></tr>")
    out.append('<tr><td><a href="index.html">index.html</a></td><td>this summary</td><td></td></tr>')
    if build.paged:
        out.append(f'<tr><td><a href="{build.page_name(1)}">{build.page_name(1)}</a> … '
                   f'<a href="{build.page_name(build.pages)}">{build.page_name(build.pages)}</a></td>'
                   f"<td>the records, {PAGE_SIZE} a page</td><td></td></tr>")
    out.append("</table></section>")
    return out


def _record(build: _Build, index: int) -> list[str]:
    ref = build.records[index]
    key = ref.id.lower()
    place = build.place(index)
    low = build.low_fields(ref)
    whole = ref.extra.get("polybib.low-confidence")
    flag = f' · <span class="badge warning">low confidence {escape(whole)}</span>' if whole else ""
    language = f" · {escape(ref.language)}" if ref.language else ""
    out = [f'<section class="record" id="{place.anchor}">',
           f'<h3><span class="key">{escape(ref.id)}</span> · {escape(ref.type)}{language}{flag}</h3>']
    if ref.source.text:
        out.append(f'<p class="source">From {escape(ref.source.file)}:{ref.source.line}: '
                   f"{escape(ref.source.text)}</p>")
    out.append('<table class="fields">')
    for variable, value in ref.fields.items():
        flag = variable in low
        mark = f' <span class="badge warning">confidence {low[variable]:.2f}</span>' if flag else ""
        row = '<tr class="low">' if flag else "<tr>"
        out.append(f"{row}<th>{escape(variable)}</th><td>{_value(value, variable)}{mark}</td></tr>")
    out.append("</table>")
    if build.romanized:
        roman = build.romanized[index]
        changed = [(k, v) for k, v in roman.fields.items() if ref.fields.get(k) != v]
        if changed:
            out.append(f'<table class="fields"><tr><th colspan="2">romanized ({escape(build.scheme)})</th></tr>')
            out += [f"<tr><th>{escape(k)}</th><td>{_value(v)}</td></tr>" for k, v in changed]
            out.append("</table>")
    notes = [f'<li><span class="badge info">repair</span>{escape(r)}</li>' for r in ref.source.repairs]
    notes += [f'<li><span class="badge {_attr(d.severity)}">{escape(d.severity)}</span>{escape(d.message)}</li>'
              for d in build.diagnostics.get(index, [])]
    notes += [f'<li><span class="badge {_attr(f.severity)}">{escape(f.code)}</span>{escape(f.message)}</li>'
              for f in build.findings.get(key, [])]
    for r in build.links.get(key, []):
        css = "ok" if r.status == "ok" else ("warning" if r.status in ("redirected", "skipped", "blocked") else "error")
        notes.append(f'<li><span class="badge {css}">{escape(r.status)}</span><a href="{_attr(r.url)}">'
                     f"{escape(r.url)}</a> {escape(r.detail or '')}</li>")
    if notes:
        out.append('<ul class="notes">' + "".join(notes) + "</ul>")
    for style, rendered in build.result.renderings.items():
        out.append(f'<div class="style"><b>{escape(style)}</b><span>{escape(rendered.get(ref.id, ""))}</span></div>')
    out.append("</section>")
    return out


def _records_section(build: _Build, number: int) -> list[str]:
    start = (number - 1) * PAGE_SIZE
    indexes = range(start, min(start + PAGE_SIZE, len(build.records))) if build.paged else range(len(build.records))
    heading = (f"Records {start + 1}–{indexes[-1] + 1} of {len(build.records)}" if build.paged and indexes
               else "Records")
    out = [f'<h2 id="records">{heading}</h2>', _page_nav(build, number)]
    for i in indexes:
        out += _record(build, i)
    out.append(_page_nav(build, number))
    return out


def summary_pages(result) -> dict[str, str]:
    """``{file name: HTML}``: ``index.html``, and ``records-NNNN.html`` for a long build."""
    build = _Build(result)
    index = _head("polybib build") + [_top_nav(build, "index.html"), "<h1>polybib build</h1>"] + _summary(build)
    pages: dict[str, str] = {}
    if build.paged:
        index.append(f'<h2 id="records">Records</h2><p>{len(build.records)} records on {build.pages} pages.</p>')
        index.append(_page_nav(build, 0))
        for number in range(1, build.pages + 1):
            name = build.page_name(number)
            page = _head(f"polybib build: records, page {number}") + [_top_nav(build, name)]
            page += _records_section(build, number) + ["</body>", "</html>", ""]
            pages[name] = "\n".join(page)
    else:
        index += _records_section(build, 1)
    index += ["</body>", "</html>", ""]
    return {"index.html": "\n".join(index), **pages}


def summary_page(result) -> str:
    """The summary page alone (``index.html``)."""
    return summary_pages(result)["index.html"]
