"""Progress bars: on a terminal for lint, render and build (on standard error, never in
the output), and none with -q or when standard error is not a terminal."""
from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from polybib import progress

REPO = Path(__file__).resolve().parents[1]
ITEMS = REPO / "tests" / "render" / "data" / "differential-items.json"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_shows_on_a_terminal_and_not_otherwise(monkeypatch):
    monkeypatch.setenv("POLYBIB_PROGRESS_DELAY", "0")
    for stream, quiet, expected in [(Terminal(), False, True), (Terminal(), True, False),
                                    (io.StringIO(), False, False)]:
        with progress.shown(quiet, stream) as on:
            assert on is expected
            assert list(progress.each(range(50), "counting things")) == list(range(50))
        assert ("counting things" in stream.getvalue()) is expected, stream.getvalue()
    # library use with no command around it: silent
    assert list(progress.each([1, 2], "quiet")) == [1, 2]
    progress.advance()


def test_a_terminal_that_reports_no_width_still_gets_a_bar(monkeypatch):
    monkeypatch.setenv("POLYBIB_PROGRESS_DELAY", "0")
    master, slave = pty.openpty()           # no window size set: 0 columns
    try:
        with open(slave, "w", closefd=False) as stream:
            with progress.shown(False, stream):
                list(progress.each(range(5), "drawing"))
            stream.flush()
        assert b"drawing" in os.read(master, 65536)
    finally:
        os.close(master)
        os.close(slave)


def test_a_short_stage_shows_no_bar(monkeypatch):
    monkeypatch.delenv("POLYBIB_PROGRESS_DELAY", raising=False)
    stream = Terminal()
    with progress.shown(False, stream):
        list(progress.each(range(10), "instant"))
    assert stream.getvalue() == ""


@pytest.fixture(scope="module")
def bib(tmp_path_factory) -> Path:
    """The 227 differential records (Russian and English, every type) as one .bib."""
    folder = tmp_path_factory.mktemp("progress")
    (folder / "refs.json").write_text(ITEMS.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "polybib", "convert", str(folder / "refs.json"), "-o",
                    str(folder / "refs.bib"), "-q"], check=True, capture_output=True)
    return folder / "refs.bib"


def _run_on_a_terminal(args: list[str], cwd: Path) -> tuple[str, bytes]:
    """``polybib ARGS`` with standard error on a pseudo-terminal and standard output on a
    pipe, as at a terminal with the output redirected; returns (terminal text, stdout)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))    # 40 rows, 100 columns
    env = dict(os.environ, POLYBIB_PROGRESS_DELAY="0", COLUMNS="100")
    env.pop("CI", None)
    proc = subprocess.Popen([sys.executable, "-m", "polybib", *args], stdout=subprocess.PIPE, stderr=slave,
                            stdin=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(slave)
    seen = b""
    out_chunks = []
    while True:
        ready, _, _ = select.select([master, proc.stdout], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 120 s")
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:         # the terminal closed: the command ended
                data = b""
            if not data:
                break
            seen += data
        if proc.stdout in ready:
            chunk = proc.stdout.read1(65536)
            if chunk:
                out_chunks.append(chunk)
    out_chunks.append(proc.stdout.read())
    proc.wait(timeout=60)
    os.close(master)
    return seen.decode("utf-8", "replace"), b"".join(out_chunks)


@pytest.mark.parametrize("command, stage", [
    (["lint", "{bib}", "--fail-on", "never"], "linting"),
    (["render", "{bib}", "--style", "apa"], "rendering"),
    (["build", "{bib}", "-o", "{out}", "--offline", "--styles", "apa"], "rendering"),
    (["translit", "{bib}", "--scheme", "iso9"], "romanizing"),
    (["convert", "{bib}", "--to", "csljson", "-o", "{out}.json"], "writing CSL-JSON"),
])
def test_long_commands_show_a_bar_on_a_terminal_and_none_with_q(bib, tmp_path, command, stage):
    args = [a.format(bib=bib, out=tmp_path / "out") for a in command]
    terminal, out = _run_on_a_terminal(args, tmp_path)
    assert stage in terminal and "/227 " in terminal, terminal[-3000:]
    assert b"/227 " not in out and b"\r" not in out           # bars never reach the output
    quiet_terminal, _ = _run_on_a_terminal(args + ["-q"], tmp_path)
    assert "/227 " not in quiet_terminal and stage not in quiet_terminal


def test_no_bar_when_standard_error_is_not_a_terminal(bib, tmp_path):
    env = dict(os.environ, POLYBIB_PROGRESS_DELAY="0")
    done = subprocess.run([sys.executable, "-m", "polybib", "render", str(bib), "--style", "apa"],
                          capture_output=True, env=env, timeout=300)
    assert done.returncode == 0
    assert b"/227 " not in done.stderr and b"rendering" not in done.stderr


def test_import_of_a_long_list_shows_a_bar_on_a_terminal(tmp_path):
    seed = (REPO / "refs" / "seed.txt").read_text(encoding="utf-8")
    lines = [line for line in seed.splitlines() if line.strip()]
    (tmp_path / "list.txt").write_text("\n".join(f"{n}. {lines[n % len(lines)]}" for n in range(1, 61)) + "\n",
                                       encoding="utf-8")
    terminal, _ = _run_on_a_terminal(["import", str(tmp_path / "list.txt"), "-o", str(tmp_path / "out.bib")],
                                     tmp_path)
    assert "parsing" in terminal and "/60 " in terminal, terminal[-3000:]
