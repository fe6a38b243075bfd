"""Reading inputs and writing outputs: stdin/stdout as ``-``, and atomic file writes.

Where an output goes decides how it is written:

* a regular file (or a new path) is replaced atomically: the bytes go to a temporary file
  beside it, are flushed, and the temporary file is renamed over it, keeping the old
  file's mode and owner;
* a symbolic link is followed and the file it names is written the same way, so the link
  stays a link;
* anything that is not a regular file — a FIFO, a character device such as ``/dev/null``,
  a socket — is opened and written in place: renaming over it would replace the device or
  pipe with a regular file.

A failed write (read-only file system, no permission, disk full) becomes an
:class:`~polybib.errors.OutputError` naming the file, never a traceback.  Temporary files
carry the writer's process id, so ones left behind by a killed run (``kill -9``) are
recognised and removed by the next write to the same folder.
"""
from __future__ import annotations

import os
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import InputError, OutputError

#: Temporary files are ``.<target>.polybib-<pid>-<random>.tmp``.
_TMP_MARK = ".polybib-"
_TMP_SUFFIX = ".tmp"
#: A temporary file of a live process older than this is stale too (the pid was reused).
STALE_AFTER = 24 * 3600.0


def read_bytes(path: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never half.

    Symbolic links are written through; targets that are not regular files are written in
    place (see the module docstring).  The target's mode and owner are kept when it exists.
    """
    with open_atomic(path) as handle:
        handle.write(data)


@contextmanager
def open_atomic(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write in pieces, with :func:`write_atomic`'s rules: a regular
    target is replaced when the block ends without an error (on an error it is left as it
    was), so a large output need not be held in memory whole; a pipe or device is
    written in place; a failure is an :class:`OutputError` naming the file."""
    shown = os.fspath(path)
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=shown) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError("is a directory, not a file", file=shown)
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(target, "wb") as handle:      # pipes and devices must stay what they are
                yield handle
        else:
            with _replacing(target, st) as handle:
                yield handle
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=shown) from None


@contextmanager
def open_output(path: str) -> Iterator[BinaryIO]:
    """Where to write an output in pieces: ``path`` (see :func:`open_atomic`), or standard
    output for ``-``."""
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        with open_atomic(path) as handle:
            yield handle


def write_output(path: str, data: bytes) -> None:
    """Write to ``path`` (see :func:`write_atomic`), or to standard output for ``-``."""
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(path, data)


def write_pieces(handle: BinaryIO, pieces: Iterable[str], batch: int = 1 << 16) -> None:
    """Pieces of text to a binary handle as UTF-8, some tens of thousands of characters at
    a time: a streamed output is neither held whole nor written in thousands of tiny calls."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= batch:
            handle.write("".join(held).encode("utf-8", "backslashreplace"))
            held, size = [], 0
    # backslashreplace: only a lone surrogate (a file name that is not UTF-8) can fail
    handle.write("".join(held).encode("utf-8", "backslashreplace"))


@contextmanager
def _replacing(target: Path, st: os.stat_result | None) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` that is renamed over it at the end, with the old
    file's mode and owner; removed instead when the block fails."""
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(folder)
    import tempfile     # here: it imports shutil, random, bz2 and lzma (start-up of every command)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{_TMP_MARK}{os.getpid()}-",
                               suffix=_TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if st is None:
            os.chmod(tmp, 0o666 & ~_umask())
        else:
            _keep_owner(tmp, st, target)
            os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _keep_owner(tmp: str, st: os.stat_result, target: Path) -> None:
    """Give the new file the old one's owner and group, or refuse to replace it: a file
    silently changing hands is worse than one not written."""
    if (os.stat(tmp).st_uid, os.stat(tmp).st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except PermissionError:
        raise OutputError(f"cannot keep its owner (uid {st.st_uid}, gid {st.st_gid}) when "
                          f"replacing it; not written (run as its owner)", file=str(target)) from None


def remove_stale_temp_files(folder: Path) -> list[str]:
    """Remove temporary files of polybib writers that died (``kill -9``) in ``folder``.

    A temporary file is stale when the process named in it no longer runs, or when it is
    older than :data:`STALE_AFTER`.  Returns the names removed."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not (name.startswith(".") and _TMP_MARK in name and name.endswith(_TMP_SUFFIX)):
            continue
        pid_part = name.rsplit(_TMP_MARK, 1)[1].split("-", 1)[0]
        if not pid_part.isdecimal():
            continue
        path = folder / name
        try:
            old = now - os.lstat(path).st_mtime > STALE_AFTER
        except OSError:
            continue
        if old or not _running(int(pid_part)):
            try:
                os.unlink(path)
                removed.append(name)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
