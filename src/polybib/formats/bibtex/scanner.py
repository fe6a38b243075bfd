"""The blocks of a ``.bib`` text: bibtexparser 2's splitting, found faster.

bibtexparser's ``Splitter`` walks a file mark by mark (every newline, comma, quote, brace
and ``=``), which makes splitting most of the time of reading a file and half of the time
of linting one.  ``split`` finds exactly the same blocks, with the same keys, field names,
raw values and raw text, but jumps over a whole well-formed field with one regular
expression and walks mark by mark, with the Splitter's rules, only where the expression
does not match.  For what it does not reproduce exactly (blocks delimited by parentheses,
blocks the Splitter would abort or fail), it hands the whole text to bibtexparser's
``Splitter``.  ``tests/formats/test_bibtex_scanner.py`` checks both give identical blocks
on every corpus file and on generated text.

The Splitter's rules reproduced here: a block starts at ``@name`` followed by ``{`` (not
only at a line start); inside a block, an unescaped ``{``, ``}``, ``"``, ``,`` or ``=`` is
a mark (one preceded by a backslash is not); a field value ends at a ``,`` or the closing
``}`` outside braces and quotes; braces are not counted inside quotes, quotes not inside
braces, and ``{"}`` inside quotes is a literal quote; a block start at the beginning of a
line inside a block aborts that block.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Iterator

# bibtexparser (and logging, whose level for it is set there) is imported only when its
# Splitter is needed, see splitter_blocks: importing it brings its whole middleware stack
# and pylatexenc, about a third of ``polybib lint``'s start-up and megabytes that a file
# the scanner reads never uses.


@dataclass(slots=True)
class Block:
    kind: str                 # entry | string | preamble | comment | text | failed
    start: int                # character offset of the raw text in the file's text
    raw: str
    key: str = ""
    entry_type: str = ""      # lower case, as bibtexparser gives it
    fields: list[tuple[str, str]] = field(default_factory=list)   # (name, raw value)
    duplicate_fields: tuple[str, ...] = ()
    #: Offsets of each field's name and raw value in the text, flat (name, value, name,
    #: value …, in an array: a tuple of ints per field costs the garbage collector and
    #: ten times the memory), when the scanner found them (None from bibtexparser's
    #: Splitter, which does not say).
    offsets: array | None = field(default=None, compare=False)
    value: str = ""           # the raw value of an @string
    error: str = ""           # why a failed block failed


class NotExact(Exception):
    """The fast path cannot promise the Splitter's result here."""



_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")
_MARK = re.compile(r'(?<!\\)[{}",=]|@\w*[ \t]*(?=[{(])')
_BRACE_MARK = re.compile(r"(?<!\\)[{}]|@\w*[ \t]*(?=[{(])")

# Text inside braces that holds no mark: anything but braces, backslashes and "@", a run
# of backslashes with the character it escapes, or an "@" that does not start a block.
_IN_BRACES = r'(?:[^{}\\@]++|\\++[^\\@]|@(?!\w*[ \t]*[{(]))'
_BRACED = r"\{(?:%s|\{(?:%s|\{%s*+\})*+\})*+\}" % (_IN_BRACES, _IN_BRACES, _IN_BRACES)
# Quoted text: braces are not counted inside quotes; a closing quote after "{" could be
# the literal-quote form {"}, which the slow path decides.
_QUOTED = r'"(?:[^"\\@]++|\\++[^\\@]|@(?!\w*[ \t]*[{(]))*+(?<!\{)"'
_BARE = r'[^\s{}",=@\\#]++'
# (the white space before a field's name is a group of its own, so that the name's offset
# is where the second group starts; ``\s`` is the white space ``str.strip`` removes)
_FIELD = re.compile(r'\s*+([^{}",=@\\]*+)=\s*+(%s|%s|%s)\s*+([,}])' % (_BRACED, _QUOTED, _BARE))
_HEAD = re.compile(r'[^{}",=@\\]*+[,}]')
_END = re.compile(r"\s*+\}")


def split(text: str) -> list[Block]:
    """The blocks of ``text`` in order, exactly as bibtexparser 2's Splitter finds them."""
    blocks = fast_split(text)
    return blocks if blocks is not None else splitter_blocks(text)


def fast_split(text: str) -> list[Block] | None:
    """The blocks, or None where only bibtexparser's Splitter gives the exact result."""
    try:
        return list(iter_blocks(text))
    except NotExact:
        return None


def iter_blocks(text: str) -> Iterator[Block]:
    """The blocks one by one, as the fast path finds them, so that a reader can turn each
    into its compact form before the next is made (a whole file's blocks at once cost
    several times the file).  Raises :class:`NotExact`, possibly after some blocks, where
    only bibtexparser's Splitter gives the exact result."""
    return _Scan(text).run()


class _Scan:
    def __init__(self, text: str):
        self.text = text
        #: The blocks found by the current step of ``run`` (handed on, then cleared).
        self.blocks: list[Block] = []
        #: One string object per distinct field name (a file repeats "author" thousands of times).
        self.names: dict[str, str] = {}

    def run(self) -> Iterator[Block]:
        text = self.text
        pos = 0
        search = _BLOCK_START.search
        blocks = self.blocks
        while True:
            if blocks:                  # what the last step found, handed on and forgotten
                yield from blocks
                blocks.clear()
            m = search(text, pos)
            if m is None:
                self._implicit_comment(pos, len(text))
                yield from blocks
                return
            self._implicit_comment(pos, m.start())
            if text[m.end()] != "{":
                raise NotExact("block delimited by parentheses")
            name = m.group().lower()
            if name.startswith("@comment"):
                end = self._closing_brace(m.end() + 1)
                self.blocks.append(Block("comment", m.start(), text[m.start():end + 1]))
            elif name.startswith("@preamble"):
                end = self._closing_brace(m.end() + 1)
                self.blocks.append(Block("preamble", m.start(), text[m.start():end + 1]))
            elif name.startswith("@string"):
                end = self._string(m)
            else:
                entry_type = name[1:].strip()     # one string per type, as for field names
                end = self._entry(m, self.names.setdefault("@" + entry_type, entry_type)) - 1
            pos = end + 1

    def _implicit_comment(self, start: int, end: int) -> None:
        """Text between blocks, trimmed (the Splitter's ImplicitComment), if any."""
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if stripped:
            self.blocks.append(Block("text", start + len(chunk) - len(chunk.lstrip()), stripped))

    def _at_line_start(self, index: int) -> bool:
        newline = self.text.rfind("\n", 0, index)
        before = self.text[newline + 1:index]
        return not before or before.isspace()

    def _closing_brace(self, pos: int) -> int:
        """Index of the "}" closing a block whose content starts at ``pos``."""
        depth = 0
        for m in _BRACE_MARK.finditer(self.text, pos):
            mark = m.group()
            if mark == "{":
                depth += 1
            elif mark == "}":
                if depth == 0:
                    return m.start()
                depth -= 1
            elif self._at_line_start(m.start()):
                raise NotExact("block start inside a block")
        raise NotExact("block not closed")

    def _first_mark(self, pos: int, expected: str) -> int:
        """Index of the first mark from ``pos``, which must be one of ``expected``."""
        mark = _MARK.search(self.text, pos)
        if mark is None or mark.group() not in expected:
            raise NotExact(f"expected one of {expected!r}")
        return mark.start()

    def _string(self, m: re.Match) -> int:
        text = self.text
        equals = self._first_mark(m.end() + 1, "=")
        end = self._closing_brace(equals + 1)
        self.blocks.append(Block("string", m.start(), text[m.start():end + 1],
                                 key=text[m.end() + 1:equals].strip(),
                                 value=text[equals + 1:end].strip()))
        return end

    def _entry(self, m: re.Match, entry_type: str) -> int:
        """Reads the entry started by ``m``; returns the index after its closing brace."""
        text = self.text
        key_start = m.end() + 1
        head = _HEAD.match(text, key_start)
        after_key = head.end() - 1 if head is not None else self._first_mark(key_start, ",}")
        block = Block("entry", m.start(), "", key=text[key_start:after_key].strip(),
                      entry_type=entry_type, offsets=array("Q"))
        fields, offsets, names = block.fields, block.offsets, self.names
        if text[after_key] == "}":          # an entry with a key and no fields
            end = after_key + 1
        else:
            pos = after_key + 1
            match_field, match_end = _FIELD.match, _END.match
            while True:
                f = match_field(text, pos)
                if f is not None:
                    name, value, terminator = f.groups()
                    name = name.rstrip()        # (the white space before it is not in it)
                    fields.append((names.setdefault(name, name), value))
                    offsets.extend((f.start(1), f.start(2)))
                    pos = f.end()
                    if terminator == "}":
                        end = pos
                        break
                    continue
                closing = match_end(text, pos)
                if closing is not None:
                    end = closing.end()
                    break
                step = self._field_by_marks(pos)
                if step is None:
                    raise NotExact("text before the closing brace")
                name, value, terminator, name_at, value_at = step
                fields.append((names.setdefault(name, name), value))
                offsets.extend((name_at, value_at))
                pos = terminator + 1
                if text[terminator] == "}":
                    end = pos
                    break
        block.raw = text[m.start():end]
        names = [name for name, _ in fields]
        if len(set(names)) != len(names):
            seen: set[str] = set()
            block.duplicate_fields = tuple(sorted({n for n in names if n in seen or seen.add(n)}))
        self.blocks.append(block)
        return end

    def _field_by_marks(self, pos: int) -> tuple[str, str, int, int, int] | None:
        """One field from ``pos`` walked mark by mark: (name, raw value, index of the ","
        or "}" after it, offsets of the name and of the value), or None when the entry
        ends here with nothing before "}"."""
        text = self.text
        marks = _MARK.finditer(text, pos)
        equals = next(marks, None)
        if equals is None:
            raise NotExact("entry not closed")
        if equals.group() == "}":
            if text[pos:equals.start()].strip():
                raise NotExact("field name without '='")
            return None
        if equals.group() != "=":
            raise NotExact("field name not followed by '='")
        quoted, depth, length = False, 0, len(text)
        for mark in marks:
            c, at = mark.group(), mark.start()
            if c == '"' and depth == 0:
                if quoted and 0 < at and at + 2 < length and text[at - 1] == "{" and text[at + 1] == "}":
                    continue        # {"} inside quotes: a literal quote
                quoted = not quoted
            elif quoted:
                if c[0] == "@" and self._at_line_start(at):
                    raise NotExact("block start inside a value")
            elif c == "{":
                depth += 1
            elif c == "}" and depth > 0:
                depth -= 1
            elif depth == 0 and c in ",}":
                name, value = text[pos:equals.start()], text[equals.end():at]
                return (name.strip(), value.strip(), at, pos + len(name) - len(name.lstrip()),
                        equals.end() + len(value) - len(value.lstrip()))
            elif c[0] == "@" and self._at_line_start(at):
                raise NotExact("block start inside a value")
        raise NotExact("value not closed")


def splitter_blocks(text: str) -> list[Block]:
    """The blocks as bibtexparser's own Splitter finds them (the reference behaviour)."""
    import logging

    from bibtexparser.splitter import Splitter

    # bibtexparser logs its own parse errors; polybib reports them as Diagnostics instead
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    blocks: list[Block] = []
    pos = 0
    for found in Splitter(text).split().blocks:
        raw = found.raw or ""
        at = text.find(raw, pos) if raw else -1
        if at < 0:
            continue  # cannot happen with bibtexparser 2.1; the caller keeps the text as a gap
        blocks.append(_from_bibtexparser(found, raw, at))
        pos = at + len(raw)
    return blocks


def _from_bibtexparser(found, raw: str, at: int) -> Block:
    from bibtexparser import model as bpm
    # Exact type tests: bibtexparser's blocks are ABCs, whose isinstance() is slow.
    kind = type(found)
    duplicates: tuple[str, ...] = ()
    if kind is bpm.DuplicateBlockKeyBlock:
        found = found.ignore_error_block            # polybib reports duplicate keys itself
    elif kind is bpm.DuplicateFieldKeyBlock:
        duplicates = tuple(sorted(found.duplicate_keys))
        found = found.ignore_error_block
    if isinstance(found, bpm.Entry):
        return Block("entry", at, raw, key=found.key, entry_type=found.entry_type,
                     fields=[(f.key, f.value) for f in found.fields], duplicate_fields=duplicates)
    if isinstance(found, bpm.String):
        return Block("string", at, raw, key=found.key, value=found.value)
    if isinstance(found, bpm.Preamble):
        return Block("preamble", at, raw)
    if isinstance(found, bpm.ExplicitComment):
        return Block("comment", at, raw)
    if isinstance(found, bpm.ImplicitComment):
        return Block("text", at, raw)
    error = getattr(found, "error", None)
    reason = getattr(error, "abort_reason", "") or str(error or "")
    lines = [line.strip() for line in reason.splitlines() if line.strip()]
    return Block("failed", at, raw, error=lines[-1] if lines else "could not parse this block")
