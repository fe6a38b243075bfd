"""Second oracle for GOST R 7.0.5-2008: biblatex-gost's own output for the same records.

``python tests/render/gost/oracle.py [-v]`` writes the 7.0.5 example records as a .bib
(polybib's BibLaTeX writer, so the ``polybib.gost.*`` fields go the biblatex-gost way),
typesets them with ``style=gost-numeric, blockpunct=space`` (the 7.0.5 separator ". "),
reads the entries back from the PDF with ``pdftotext`` and compares each with what
polybib's 7.0.5 style writes for the same record.  The page is 2 m wide and hyphenation
off, so each entry is one line of the PDF text.  Reported per part of the example set: entries
that agree exactly (after the example scorer's normalisation), entries that agree once
biblatex-gost's em dash in ranges (``С. 90—98``) is taken for ours, and how often
biblatex-gost itself gives the expected (published) text.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

TEX = r"""\documentclass{article}
\usepackage[paperwidth=200cm,paperheight=60cm,margin=1cm]{geometry}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage{polyglossia}
\setmainlanguage{russian}
\setotherlanguage{english}
\usepackage[backend=biber,style=gost-numeric,blockpunct=space,sorting=none,
            language=auto,autolang=other,bibisbn=false]{biblatex}
\addbibresource{oracle.bib}
\hyphenpenalty=10000
\exhyphenpenalty=10000
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def _run_tex_tool(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 and cmd[0] != "xelatex":
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def oracle_entries(examples: list[dict]) -> list[str]:
    """biblatex-gost's text for each example's record, in the examples' order."""
    from polybib import formats
    from polybib.formats.csljson import item_to_reference
    from polybib.model import Library

    library = Library([item_to_reference(e["record"]) for e in examples])
    with tempfile.TemporaryDirectory(prefix="polybib-gost-oracle-") as tmp:
        work = Path(tmp)
        (work / "oracle.bib").write_bytes(formats.write(library, "bibtex", dialect="biblatex"))
        (work / "oracle.tex").write_text(TEX, encoding="utf-8")
        _run_tex_tool(["xelatex", "-interaction=nonstopmode", "oracle.tex"], work)
        _run_tex_tool(["biber", "oracle"], work)
        _run_tex_tool(["xelatex", "-interaction=nonstopmode", "oracle.tex"], work)
        _run_tex_tool(["pdftotext", "-enc", "UTF-8", "oracle.pdf", "oracle.txt"], work)
        text = (work / "oracle.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    entries: list[str] = []
    for line in lines:
        # gost-numeric labels its entries "1." (a line of its own in pdftotext's text)
        match = re.match(r"^(\d+)\.(?:\s+(.*))?$", line)
        if match and int(match.group(1)) == len(entries) + 1:
            entries.append(match.group(2) or "")
        elif entries and not line.isdigit():
            entries[-1] = f"{entries[-1]} {line}".strip()
    return entries


def oracle_main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parents[2] / "src"))
    sys.path.insert(0, str(HERE.parents[2]))
    from tests.render.gost import examples as scorer

    items = scorer.load("7.0.5")
    theirs = oracle_entries(items)
    for part, (same, loose, total, published) in compare(items, theirs, argv).items():
        print(f"GOST R 7.0.5 vs biblatex-gost, {part}: polybib agrees on {same}/{total} "
              f"({loose}/{total} with range dashes made one); "
              f"biblatex-gost gives the expected text on {published}/{total}")
    return 0


def _loose(text: str) -> str:
    """biblatex-gost's Russian range dash is an em dash (``С. 90—98``): made one with ours."""
    return re.sub(r"(?<=\w)[—–](?=\w)", "–", text)


def compare(items: list[dict], theirs: list[str], argv=()) -> dict[str, list[int]]:
    """Per part: [polybib = biblatex-gost, same modulo range dashes, examples,
    biblatex-gost = the expected text]."""
    from tests.render.gost import examples as scorer

    style = scorer.FILES["7.0.5"][1]
    parts: dict[str, list[int]] = {}
    for example, other in zip(items, theirs + [""] * (len(items) - len(theirs))):
        ours = scorer.normalize(scorer.rendered(example, style))
        other = scorer.normalize(other)
        count = parts.setdefault(example["part"], [0, 0, 0, 0])
        count[0] += ours == other
        count[1] += _loose(ours) == _loose(other)
        count[2] += 1
        count[3] += _loose(other) == _loose(scorer.normalize(example["expected"]))
        if "-v" in argv and _loose(ours) != _loose(other) and example["part"] == "work":
            print(f"  DIFF {example['id']}\n    polybib        {ours}\n    biblatex-gost  {other}")
    return parts


if __name__ == "__main__":
    sys.exit(oracle_main(sys.argv[1:]))
