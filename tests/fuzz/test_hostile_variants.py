"""Hostile inputs the first round of #12 did not try, one test per way in that held.

Each test here failed before its fix: a backslash from CSL-JSON reaching LaTeX through a
date literal or a DOI, a file name that is not UTF-8 crashing every lint report, CI
commands that runners find in the middle of a line, bidi marks and lone surrogates
printed raw, and an IPv4 block that the address policy left to Python's version.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from polybib.formats import read, write
from polybib.links.safety import address_problem
from polybib.printable import safe_line

#: What polybib itself writes for a character LaTeX would read as markup.
_TEXT_COMMANDS = {"textbackslash", "textbraceleft", "textbraceright", "textasciicircum",
                  "textasciitilde", "textdollar", "textunderscore"}

#: Values that are text in CSL-JSON but commands to TeX; none is in the code denylist.
LITERALS = ["\\iffalse", "\\ExplSyntaxOn\\tex_input:D~/etc/passwd", "\\lstinputlisting{/etc/passwd}",
            "\\verbatiminput{/etc/passwd}", "\\UseName{input}{/etc/passwd}", "\\x", "1999\\"]
DOIS = ["10.1000/\\input/etc/passwd", "10.1000/a\\iffalse", "10.1000/\\x"]  # bibtex dialect: not verbatim


def _items() -> list[dict]:
    items = []
    for i, text in enumerate(LITERALS):
        items.append({"id": f"d{i}", "type": "book", "title": "T", "issued": {"literal": text},
                      "accessed": {"literal": text}})
    for i, doi in enumerate(DOIS):
        items.append({"id": f"i{i}", "type": "article-journal", "title": "T", "DOI": doi,
                      "URL": "https://example.org/" + doi})
    return items


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_a_backslash_in_a_csl_date_literal_or_identifier_is_not_latex_in_bib(tmp_path, dialect):
    src = tmp_path / "in.json"
    src.write_text(json.dumps(_items()), encoding="utf-8")
    library = read(str(src))
    out = write(library, "bibtex", dialect=dialect).decode("utf-8")
    # biblatex reads doi and url verbatim (biber writes them as \verb lines): a backslash
    # there is harmless; everywhere else, and in every field for classic BibTeX, it is not
    checked = out if dialect == "bibtex" else re.sub(r"(?m)^  (doi|url) = .*$", "", out)
    commands = set(re.findall(r"\\([A-Za-z@]+)", checked))
    assert commands <= _TEXT_COMMANDS, (commands - _TEXT_COMMANDS, out)
    # and it reads back as the same text
    back = tmp_path / "out.bib"
    back.write_text(out, encoding="utf-8")
    again = {r.id: r for r in read(str(back)).references}
    for ref in library.references:
        for variable in ("issued", "accessed"):
            if variable in ref.fields:
                assert again[ref.id].fields[variable].literal == ref.fields[variable].literal
        if "DOI" in ref.fields:
            assert again[ref.id].fields["DOI"].replace("%5C", "\\") == ref.fields["DOI"]


def test_bib_date_literals_and_dois_keep_their_own_latex(tmp_path):
    src = tmp_path / "in.bib"
    src.write_text("@book{a, title = {T}, date = {\\noopsort{1973b}1973}, doi = {10.1/\\x}, note = {n}}\n",
                   encoding="utf-8")
    library = read(str(src))
    library.references[0].fields["note"] = "changed"       # forces the entry to be written anew
    out = write(library, "bibtex").decode("utf-8")
    assert "date = {\\noopsort1973b1973}" in out or "\\noopsort" in out
    assert "doi = {10.1/\\x}" in out


def test_safe_line_escapes_lone_surrogates_bidi_marks_and_mid_line_ci_commands():
    assert safe_line("in/\udcff.bib") == "in/\\xff.bib"          # a non-UTF-8 file name byte
    assert safe_line("x\ud800y") == "x\\ud800y"
    assert safe_line("a\u200fb\u200ec\u061cd") == "a\\u200fb\\u200ec\\u061cd"
    line = safe_line("t.bib:1: title 'x ##vso[task.setvariable variable=PATH]/tmp ##[error]boom'")
    assert "##vso[" not in line and "##[" not in line
    safe_line("x").encode("utf-8")


@pytest.mark.parametrize("fmt", ["concise", "full", "human", "github", "json", "junit", "sarif"])
def test_lint_of_a_file_whose_name_is_not_utf8_reports_instead_of_crashing(tmp_path, fmt):
    name = os.fsdecode(b"\xff\x1b[31m.bib")
    (tmp_path / name).write_text("@misc{k, title = {T}, doi = {not a doi}}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "polybib", "lint", name, "--format", fmt],
                          cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"internal error" not in proc.stderr and b"\x1b" not in proc.stdout + proc.stderr
    proc.stdout.decode("utf-8")                  # what it wrote is UTF-8


def test_build_with_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"\xfflist.bib")
    (tmp_path / name).write_text("@misc{k, title = {T}, year = {2001}}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "polybib", "build", name, "-o", "site", "--offline",
                           "--no-links"], cwd=tmp_path, capture_output=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"internal error" not in proc.stderr


@pytest.mark.parametrize("address", ["192.0.0.8", "192.0.0.100", "::ffff:192.0.0.8", "64:ff9b::c000:8",
                                     "2002:c000:8::"])
def test_the_ietf_protocol_block_is_refused_whatever_the_python_version(address):
    assert address_problem(address)


@pytest.mark.parametrize("address", ["192.0.0.9", "192.0.0.10", "192.0.1.1", "8.8.8.8"])
def test_its_globally_reachable_neighbours_are_not(address):
    assert address_problem(address) == ""


def test_every_spelling_of_loopback_a_url_can_hold_is_refused_without_connecting():
    """Numeric host spellings the OS resolver turns into 127.0.0.1 (decimal, octal, hex,
    short forms, a trailing dot): parsed locally by getaddrinfo, no DNS query is sent."""
    from polybib.links.safety import AddressGuard, AddressRefused
    guard = AddressGuard()
    for host in ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "017700000001",
                 "127.0.0.1.", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]", "0", "[::]"]:
        with pytest.raises(AddressRefused):
            guard.addresses(host, 80)


RUSSIAN_LIST = "1. Иванов И. И. Заголовок. М.: Наука, 2019. 100 с.\n2. Щукин Ю. И. Экономика. СПб.: Питер, 2020.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_mostly_cyrillic_utf16_text_without_bom_is_read_not_refused(tmp_path, codec):
    """Windows "Unicode text" of a Russian list: 60 % of its UTF-16 units have no NUL byte,
    which the ASCII-share guess missed ("not a text file", exit 2)."""
    src = tmp_path / "list.txt"
    src.write_bytes(RUSSIAN_LIST.encode(codec))
    library = read(str(src))
    assert len(library.references) == 2
    assert any("Иванов" in str(r.fields.get("author")) or "Иванов" in str(r.fields) for r in library.references)


def test_binary_data_with_nuls_on_both_sides_is_still_not_text(tmp_path):
    from polybib.encoding import wide_without_bom
    assert wide_without_bom(bytes(range(256)) * 8) == ""
    assert wide_without_bom(b"\x00\x01\x00\x02\x03\x00\x04\x00" * 50) == ""


_UNFIXED = "@article{a,\n  title = {T},\n  pages = {1-2},\n}\n"


def test_fix_of_standard_input_is_refused_not_written_to_a_file_named_dash(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "polybib", "lint", "--fix", "--from", "bibtex", "-"],
                          cwd=tmp_path, input=_UNFIXED.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 2, proc.stderr        # was: 0, "All clear", and a file named '-'
    assert not (tmp_path / "-").exists()
    assert b"standard input" in proc.stderr


def test_fix_of_a_named_pipe_is_refused_instead_of_hanging(tmp_path):
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "polybib", "lint", "--fix", str(fifo)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    def write():
        try:
            fifo.write_text(_UNFIXED)
        except OSError:
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()          # a writer, as a shell gives: after it, the second read waited for ever
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError("lint --fix on a named pipe hung")
    finally:
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)      # lets the writer finish
        writer.join(5)
        os.close(reader)
    assert proc.returncode == 2 and b"regular file" in err


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a_line_break_other_than_cr_lf_cannot_end_a_ris_record_early(tmp_path, brk):
    """Python's splitlines (and the RIS readers built on it) break lines on these too: in a
    value, ``x<NEL>ER  - <NEL>TY  - JOUR`` ended the record and began another."""
    item = {"id": "a", "type": "book", "title": f"x{brk}ER  - {brk}TY  - JOUR{brk}TI  - injected",
            "author": [{"family": f"A{brk}ER  - ", "given": "B"}], "note": f"n{brk}ER  - "}
    src = tmp_path / "in.json"
    src.write_text(json.dumps([item]), encoding="utf-8")
    out = write(read(str(src)), "ris").decode("utf-8")
    lines = out.splitlines()
    assert [l for l in lines if l.startswith(("TY", "ER"))] == ["TY  - BOOK", "ER  -"], lines


def test_keys_for_many_copies_of_one_reference_cost_linear_steps(monkeypatch):
    """20,000 lines of the same reference took 5 minutes in ``import``: each copy tried
    every suffix the copies before it had taken.  Counted in steps, not timed."""
    from polybib import keys
    calls = []
    real = keys._suffix
    monkeypatch.setattr(keys, "_suffix", lambda n: calls.append(n) or real(n))
    out = keys.dedupe_keys(["smith2001"] * 2000 + ["Smith2001"] * 10)
    assert len(set(k.lower() for k in out)) == 2010 and out[:3] == ["smith2001", "smith2001a", "smith2001b"]
    assert len(calls) < 10 * 2010, len(calls)


def test_bibtex_keys_for_many_identical_ids_cost_linear_steps(monkeypatch):
    from polybib import keys
    from polybib.model import Reference
    calls = []
    real = keys._suffix
    monkeypatch.setattr(keys, "_suffix", lambda n: calls.append(n) or real(n))
    refs = [Reference(id="k", type="book") for _ in range(2000)]
    out = keys.bibtex_keys(refs, fixed=["k", "ka"])
    assert out[:2] == ["kb", "kc"] and len(set(out)) == 2000
    assert len(calls) < 10 * 2000, len(calls)


def test_build_writes_each_rendering_into_outdir_whatever_the_style_path(tmp_path):
    """A style given as a path became part of the output file name: ``--styles
    d/../../x.csl`` wrote ``bibliography-d/../../x.csl.html``, outside the output folder."""
    import shutil
    style_dir = tmp_path / "styles" / "deep"
    style_dir.mkdir(parents=True)
    shutil.copy(Path(__file__).parents[2] / "styles" / "gost-r-7-0-100-2018.csl", style_dir / "my.csl")
    (tmp_path / "refs.bib").write_text("@book{k, author = {Smith, John}, title = {T}, year = {2001}}\n",
                                       encoding="utf-8")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "polybib", "build", "refs.bib", "-o", "site", "--offline",
                           "--no-links", "-q", "--formats", "text", "--styles", "styles/deep/../deep/my.csl"],
                          cwd=tmp_path, capture_output=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert [p for p in site.iterdir() if p.is_dir()] == []
    assert any(p.name.startswith("bibliography-") for p in site.iterdir())
