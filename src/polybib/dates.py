"""Reading dates the ways bibliographic formats write them, into :class:`polybib.model.Date`.

biblatex and CSL-JSON's ``raw`` use ISO 8601 / EDTF (``2019-02-11``, ``2011/2012``,
``2019-02``, ``1999~``); BibTeX splits ``year`` and ``month`` (``feb``, ``2``, ``February``);
RIS writes ``2019/02/11/``; people write ``11.02.2019``.  Anything that is not a date is
kept as ``Date.literal``, never dropped.
"""
from __future__ import annotations

import re

from .model import Date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}

_ISO = re.compile(r"^\s*(-?[0-9]{1,4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?\s*$")
_DMY = re.compile(r"^\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*$")


def month_number(text: str) -> int | None:
    """``feb``, ``February``, ``2``, ``02``, ``фев.`` → 2; None when it is not a month."""
    t = text.strip().strip(".{}").lower()
    if t.isascii() and t.isdigit():          # "²" is a digit to isdigit(), not to int()
        n = int(t)
        return n if 1 <= n <= 12 else None
    if len(t) >= 3:
        return MONTHS.get(t[:3])
    return None


def _one(text: str) -> list[int] | None:
    m = _ISO.match(text)
    if m:
        parts = [int(g) for g in m.groups() if g is not None]
        if _valid(parts):
            return parts
        return None
    m = _DMY.match(text)
    if m:
        parts = [int(m.group(3)), int(m.group(2)), int(m.group(1))]
        return parts if _valid(parts) else None
    return None


def _valid(parts: list[int]) -> bool:
    if len(parts) >= 2 and not 1 <= parts[1] <= 12 and not (len(parts) == 2 and 21 <= parts[1] <= 24):
        # EDTF's seasons 21-24 (spring … winter) stand where a month does, with no day; CSL
        # date-parts and biblatex's date fields carry them the same way
        return False
    if len(parts) >= 3 and not 1 <= parts[2] <= 31:
        return False
    return True


def parse_date(text: str) -> Date:
    """Parse an ISO/EDTF date, a range ``a/b``, ``dd.mm.yyyy`` or RIS ``yyyy/mm/dd/``."""
    raw = text.strip()
    if not raw:
        return Date(literal="")
    circa = raw.endswith(("~", "?", "%"))
    core = raw.rstrip("~?%") if circa else raw
    ris = re.match(r"^([0-9]{4})/([0-9]{0,2})/([0-9]{0,2})/?([^/]*)$", core)
    if ris and (core.count("/") >= 2 or core.endswith("/")):
        parts = [int(ris.group(1))] + [int(g) for g in ris.group(2, 3) if g]
        if ris.group(3) and not ris.group(2):
            parts = parts[:1]
        if _valid(parts):
            return Date(parts=[parts], circa=circa)
    pieces = core.split("/")
    if len(pieces) == 2:
        start = _one(pieces[0]) if pieces[0] not in ("", "..") else None
        end = _one(pieces[1]) if pieces[1] not in ("", "..") else None
        if start and end:
            return Date(parts=[start, end], circa=circa)
    elif len(pieces) == 1:
        single = _one(core)
        if single:
            return Date(parts=[single], circa=circa)
    return Date(literal=raw)


def date_from_parts(year: str, month: str = "", day: str = "") -> Date:
    """A Date from BibTeX's separate ``year``, ``month`` and ``day`` fields."""
    y = year.strip()
    if not re.fullmatch(r"-?[0-9]{1,4}", y):
        return parse_date(y) if y else Date()
    parts = [int(y)]
    m = month_number(month) if month else None
    if m:
        parts.append(m)
        if day and re.fullmatch(r"[0-9]{1,2}", day.strip()) and 1 <= int(day) <= 31:
            parts.append(int(day))
    return Date(parts=[parts])
