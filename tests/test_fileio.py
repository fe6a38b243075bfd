"""Outputs keep their kind and owner; failed writes are one-line errors; stale temporary
files of killed writers are removed (#18.1, #12.12, #12 read-only file system)."""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from polybib import fileio
from polybib.errors import PolybibError

BIB = "@article{a,\n  author = {Smith, John},\n  title = {A title},\n  journaltitle = {J},\n" \
      "  date = {2020},\n  langid = {english},\n}\n"

#: every command with an -o FILE option, with arguments that make it write something
COMMANDS = {
    "convert": lambda d: ["convert", str(d / "a.bib"), "--to", "csljson"],
    "import": lambda d: ["import", str(d / "list.txt"), "--to", "csljson"],
    "lint": lambda d: ["lint", str(d / "a.bib")],
    "render": lambda d: ["render", str(d / "a.bib"), "--style", "ieee"],
    "check": lambda d: ["check", str(d / "a.bib"), "--offline", "--cache", str(d / "c.sqlite3")],
    "cite": lambda d: ["cite", str(d / "paper.tex"), "--subset"],
    "translit": lambda d: ["translit", str(d / "a.bib"), "--scheme", "iso9", "--to", "csljson"],
}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.bib").write_text(BIB, encoding="utf-8")
    (d / "list.txt").write_text("Smith J. Title // Journal. 2020. Vol. 1. P. 1-2.\n", encoding="utf-8")
    (d / "paper.tex").write_text("\\cite{a}\\bibliography{a}\n", encoding="utf-8")
    return d


def _read_fifo(path: Path, into: list) -> threading.Thread:
    def read():
        with open(path, "rb") as handle:
            into.append(handle.read())
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_to_a_fifo_stays_a_fifo(run_cli, inputs, tmp_path, command):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list = []
    reader = _read_fifo(fifo, got)
    code, _, err = run_cli(*COMMANDS[command](inputs), "-o", str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert code in (0, 1), err
    assert got and got[0], "nothing came through the FIFO"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_through_a_symlink_keeps_the_link(run_cli, inputs, tmp_path, command):
    real = tmp_path / "real.out"
    real.write_bytes(b"old")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    code, _, err = run_cli(*COMMANDS[command](inputs), "-o", str(link))
    assert code in (0, 1), err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() not in (b"", b"old")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_to_a_symlink_to_a_fifo_and_to_a_character_device(run_cli, inputs, tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "to-pipe"
    link.symlink_to(fifo)
    got: list = []
    reader = _read_fifo(fifo, got)
    code, _, err = run_cli(*COMMANDS[command](inputs), "-o", str(link))
    reader.join(timeout=30)
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and got[0]

    device = tmp_path / "null-standin"          # never the real /dev/null
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make a character device here (needs root)")
    code, _, err = run_cli(*COMMANDS[command](inputs), "-o", str(device))
    assert code in (0, 1), err
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device was replaced by a regular file"


def test_replacing_a_file_keeps_mode_and_owner(tmp_path):
    target = tmp_path / "out.bib"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    if os.geteuid() == 0:
        os.chown(target, 65534, 65534)
    fileio.write_atomic(target, b"new")
    st = os.stat(target)
    assert target.read_bytes() == b"new" and stat.S_IMODE(st.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (65534, 65534)


def test_read_only_file_system_is_a_one_line_error(run_cli, inputs, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), kwargs.get("dir"))
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    out = tmp_path / "out.json"
    code, _, err = run_cli("convert", str(inputs / "a.bib"), "-o", str(out))
    assert code == 2
    assert err.strip().count("\n") == 0
    assert f"{out}: cannot write: Read-only file system" in err
    with pytest.raises(PolybibError):
        fileio.write_atomic(out, b"x")


KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from polybib import fileio
    os.replace = lambda *a: time.sleep(600)     # stop between writing and renaming
    fileio.write_atomic(sys.argv[1], b"half")
""")


def test_temp_files_of_a_killed_writer_are_cleaned_up(tmp_path):
    target = tmp_path / "refs.bib"
    target.write_bytes(b"old")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]:
        time.sleep(0.05)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "the writer never made its temporary file"
    fileio.write_atomic(target, b"other writer")          # the writer is alive: its file stays
    assert all(p.exists() for p in leftovers)
    proc.kill()
    proc.wait(timeout=30)
    fileio.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]
