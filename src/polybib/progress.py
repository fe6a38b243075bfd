"""Progress bars on standard error for the stages of a command that take a while.

Library code marks its long loops (``with progress.task("rendering apa", total=n):`` and
``progress.advance()`` per record, or ``progress.each(iterable, "linting")``); that costs
next to nothing and prints nothing unless a command turned bars on with
:func:`shown`, which it does only when standard error is a terminal and ``-q`` was not
given.  So pipes, files, CI logs and library users never see a bar, and a person at a
terminal sees one on every stage that lasts longer than :data:`DELAY` seconds (tqdm's
``delay``: quick commands stay silent).  Bars go to standard error and vanish when done
(``leave=False``), so they never mix with the output or the findings.
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
from contextvars import ContextVar
from typing import Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")

#: Seconds a stage runs before its bar appears (POLYBIB_PROGRESS_DELAY overrides it).
DELAY = 1.0

_stream: ContextVar[TextIO | None] = ContextVar("polybib_progress_stream", default=None)
_bar: ContextVar[object | None] = ContextVar("polybib_progress_bar", default=None)


def wanted(quiet: bool = False, stream: TextIO | None = None) -> bool:
    """Whether bars would show: not quiet, and the stream (stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        return not quiet and bool(stream.isatty())
    except (AttributeError, ValueError):        # closed or not a real stream
        return False


@contextlib.contextmanager
def shown(quiet: bool = False, stream: TextIO | None = None) -> Iterator[bool]:
    """Commands run their work inside this; yields whether bars are on."""
    stream = stream if stream is not None else sys.stderr
    on = wanted(quiet, stream)
    token = _stream.set(stream if on else None)
    try:
        yield on
    finally:
        _stream.reset(token)


def _delay() -> float:
    try:
        return float(os.environ.get("POLYBIB_PROGRESS_DELAY", DELAY))
    except ValueError:
        return DELAY


def _width(stream: TextIO) -> int:
    """The terminal's width; a terminal that reports none (a fresh pseudo-terminal, where
    tqdm would draw an empty bar) gets $COLUMNS or 80."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        columns = 0
    if columns <= 0:
        try:
            columns = int(os.environ.get("COLUMNS", "80"))
        except ValueError:
            columns = 80
    return max(columns, 20)


@contextlib.contextmanager
def task(description: str, total: int | None = None, unit: str = "entries") -> Iterator[None]:
    """One stage with a bar (a counter when ``total`` is unknown) while bars are on."""
    stream = _stream.get()
    if stream is None:
        yield
        return
    from tqdm import tqdm

    bar = tqdm(total=total, desc=description, unit=f" {unit}" if unit else "it", file=stream,
               leave=False, delay=_delay(), mininterval=0.2, ncols=_width(stream))
    token = _bar.set(bar)
    try:
        yield
    finally:
        _bar.reset(token)
        bar.close()


def advance(n: int = 1) -> None:
    """One more record done in the current stage (nothing when no bar shows)."""
    bar = _bar.get()
    if bar is not None:
        bar.update(n)


def each(items: Iterable[T], description: str, total: int | None = None, unit: str = "entries") -> Iterator[T]:
    """``items`` one by one, advancing a bar for them."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with task(description, total, unit):
        for item in items:
            yield item
            advance()


def note(message: str) -> None:
    """A line for a person at the terminal (a stage starting), printed above any bar;
    nothing when bars are off."""
    stream = _stream.get()
    if stream is None:
        return
    from tqdm import tqdm

    tqdm.write(message, file=stream)
