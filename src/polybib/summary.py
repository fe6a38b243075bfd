"""The HTML summary page of a build: every record with its fields, its warnings, the status
of its links and its rendering in every style — one self-contained file a person opens.

All text is escaped: records come from strangers' reference lists.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape

from .model import Date, Name

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2125}
h1{font-size:1.6rem;margin-bottom:.2rem} .meta{color:#555;margin-top:0}
.record{border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.2rem;margin:1.2rem 0}
.record h2{font-size:1.1rem;margin:0 0 .6rem} .key{font-family:ui-monospace,monospace;background:#f3f4f6;padding:.1rem .4rem;border-radius:4px}
table.fields{border-collapse:collapse;width:100%;margin:.4rem 0}
table.fields th{text-align:left;vertical-align:top;width:11rem;color:#57606a;font-weight:500;padding:.15rem .6rem .15rem 0}
table.fields td{padding:.15rem 0}
.badge{display:inline-block;border-radius:10px;padding:.05rem .55rem;font-size:.8rem;margin-right:.3rem}
.error{background:#ffebe9;color:#82071e}.warning{background:#fff8c5;color:#6b4f00}.info{background:#ddf4ff;color:#0a3069}
.ok{background:#dafbe1;color:#116329}
ul.findings,ul.links{margin:.3rem 0 .6rem 1.2rem;padding:0}
.style{margin:.25rem 0}.style b{display:inline-block;min-width:15rem;color:#57606a;font-weight:500}
.counts span{margin-right:1rem}
"""


def _value(value) -> str:
    if isinstance(value, list) and value and isinstance(value[0], Name):
        return "; ".join(escape(n.display()) for n in value)
    if isinstance(value, Date):
        return escape(value.iso() or value.literal)
    return escape(str(value))


def summary_page(result) -> str:
    library = result.library
    findings = defaultdict(list)
    for f in result.findings:
        findings[(f.entry or "").lower()].append(f)
    links = defaultdict(list)
    for r in result.link_results:
        links[(r.entry or "").lower()].append(r)
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>polybib build</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        "<h1>polybib build</h1>",
        f'<p class="meta">{len(library)} record(s) · {len(result.findings)} lint finding(s) · '
        f"{len(result.link_results)} link(s) checked · styles: {escape(', '.join(result.renderings))}</p>",
    ]
    for ref in library:
        key = ref.id.lower()
        parts.append('<section class="record">')
        parts.append(f'<h2><span class="key">{escape(ref.id)}</span> · {escape(ref.type)}'
                     f'{" · " + escape(ref.language) if ref.language else ""}</h2>')
        if ref.source.text:
            parts.append(f'<p class="meta">From {escape(ref.source.file)}:{ref.source.line}: '
                         f"{escape(ref.source.text)}</p>")
        parts.append('<table class="fields">')
        for variable, value in ref.fields.items():
            parts.append(f"<tr><th>{escape(variable)}</th><td>{_value(value)}</td></tr>")
        parts.append("</table>")
        if findings.get(key):
            parts.append('<ul class="findings">')
            for f in findings[key]:
                parts.append(f'<li><span class="badge {escape(f.severity)}">{escape(f.code)}</span>'
                             f"{escape(f.message)}</li>")
            parts.append("</ul>")
        for r in links.get(key, []):
            css = "ok" if r.status == "ok" else ("warning" if r.status in ("redirected", "skipped", "blocked") else "error")
            parts.append(f'<ul class="links"><li><span class="badge {css}">{escape(r.status)}</span>'
                         f"{escape(r.url)} {escape(r.detail or '')}</li></ul>")
        for style, rendered in result.renderings.items():
            text = rendered.get(ref.id, "")
            parts.append(f'<div class="style"><b>{escape(style)}</b> {escape(text)}</div>')
        parts.append("</section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
