"""RIS reader and writer: what eLIBRARY, Scopus, Web of Science and Zotero export.

A record runs from ``TY  -`` to ``ER  -``; a line without a tag continues the value above
it.  Tags with no CSL variable are kept as ``extra["ris.<TAG>"]`` and written back.  Lines
that are not RIS are reported with their line number and kept (``extra["ris.unparsed"]``
when inside a record).  Russian exports in cp1251 are read with a warning.
"""
from __future__ import annotations

import re

from ..dates import parse_date
from ..model import Date, Diagnostic, Library, Name, Reference, Source
from ._document import remember, unchanged_original

TYPE_TO_CSL = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal",
    "MGZN": "article-magazine", "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book",
    "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report", "ELEC": "webpage",
    "WEB": "webpage", "BLOG": "post-weblog", "STAND": "standard", "PAT": "patent",
    "STAT": "legislation", "BILL": "bill", "CASE": "legal_case", "DATA": "dataset",
    "COMP": "software", "GEN": "document", "MANSCPT": "manuscript", "UNPB": "manuscript",
    "UNPD": "manuscript", "PAMP": "pamphlet", "DICT": "entry-dictionary", "ENCYC": "entry-encyclopedia",
    "MAP": "map", "SOUND": "song", "VIDEO": "motion_picture", "MPCT": "motion_picture",
    "PCOMM": "personal_communication", "ABST": "article-journal", "INPR": "article-journal",
    "SER": "book", "HEAR": "hearing", "ART": "graphic", "GOVDOC": "report",
}
CSL_TO_TYPE = {
    "article-journal": "JOUR", "article": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "thesis": "THES",
    "report": "RPRT", "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG", "standard": "STAND",
    "patent": "PAT", "legislation": "STAT", "bill": "BILL", "legal_case": "CASE", "dataset": "DATA",
    "software": "COMP", "manuscript": "MANSCPT", "pamphlet": "PAMP", "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC", "map": "MAP", "song": "SOUND", "motion_picture": "VIDEO",
    "personal_communication": "PCOMM", "hearing": "HEAR", "graphic": "ART",
}
NAME_TAGS = {"AU": "author", "A1": "author", "A2": "editor", "ED": "editor", "A3": "collection-editor",
             "A4": "translator"}
TEXT_TAGS = {"TI": "title", "T1": "title", "CT": "title", "T2": "container-title",
             "JO": "container-title", "JF": "container-title", "BT": "container-title",
             "JA": "container-title-short", "J2": "container-title-short", "T3": "collection-title",
             "VL": "volume", "IS": "issue", "PB": "publisher", "CY": "publisher-place",
             "PP": "publisher-place", "DO": "DOI", "LA": "language", "AB": "abstract",
             "N2": "abstract", "N1": "note", "ET": "edition", "M3": "genre", "ST": "title-short",
             "NV": "number-of-volumes", "SE": "section", "AN": "number"}
DATE_TAGS = {"PY": "issued", "Y1": "issued", "DA": "issued", "Y2": "accessed"}
#: Order of tags when a record is written.
WRITE_ORDER = ["TY", "ID", "AU", "A2", "A3", "A4", "TI", "ST", "T2", "J2", "T3", "PY", "DA", "VL",
               "IS", "SP", "EP", "ET", "NV", "PB", "CY", "SN", "DO", "UR", "Y2", "LA", "KW", "AB",
               "M3", "AN", "SE", "N1"]

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|\s*)$")


def read(data: bytes, filename: str = "<memory>") -> Library:
    library = Library()
    text = _decode(data, filename, library.diagnostics)
    record: list[tuple[str, str, int]] | None = None
    start_line = 0
    last: list | None = None
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.rstrip()
        m = _TAG_LINE.match(line)
        if m:
            tag, value = m.group(1), (m.group(2) or "").strip()
            if tag == "TY":
                if record is not None:
                    library.diagnostics.append(Diagnostic(filename, start_line, "record has no ER line; "
                                                          "ended at the next TY", "warning", code="parse"))
                    library.references.append(_record(record, filename, start_line))
                record, start_line = [(tag, value, number)], number
                last = None
            elif tag == "ER":
                if record is None:
                    library.diagnostics.append(Diagnostic(filename, number, "ER without a TY: ignored",
                                                          "warning", code="parse"))
                else:
                    library.references.append(_record(record, filename, start_line))
                record, last = None, None
            elif record is None:
                library.diagnostics.append(Diagnostic(filename, number, f"tag {tag} outside a record "
                                                      f"(no TY before it): {value[:60]}", code="parse"))
            else:
                item = [tag, value, number]
                record.append(item)  # type: ignore[arg-type]
                last = item
        elif not line.strip():
            continue
        elif record is not None and last is not None:
            last[1] = f"{last[1]} {line.strip()}".strip()      # continuation line
        elif record is not None:
            record.append(("unparsed", line.strip(), number))
            library.diagnostics.append(Diagnostic(filename, number, f"not a RIS line, kept: {line[:60]}",
                                                  "warning", code="parse"))
        else:
            library.diagnostics.append(Diagnostic(filename, number, f"text outside a record: {line[:60]}",
                                                  code="parse"))
    if record is not None:
        library.diagnostics.append(Diagnostic(filename, start_line, "last record has no ER line",
                                              "warning", code="parse"))
        library.references.append(_record(record, filename, start_line))
    remember(library, filename, "ris", data)
    return library


def _decode(data: bytes, filename: str, diagnostics: list[Diagnostic]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        diagnostics.append(Diagnostic(filename, line, "not valid UTF-8; read as cp1251", "warning",
                                      code="encoding"))
        return data.decode("cp1251", errors="replace")


def _parse_name(value: str) -> Name:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1:
        return Name(literal=value.strip())
    name = Name(family=parts[0], given=parts[1])
    if len(parts) > 2:
        name.suffix = ", ".join(p for p in parts[2:] if p)
    return name


def _identifier_variable(value: str) -> str:
    digits = re.sub(r"[^0-9Xx]", "", value)
    return "ISSN" if len(digits) == 8 else "ISBN"


def _record(items: list, filename: str, line: int) -> Reference:
    ty = items[0][1].strip().upper()
    ref = Reference(type=TYPE_TO_CSL.get(ty, "document"), source=Source(filename, line, "", "ris"))
    if ty not in TYPE_TO_CSL or CSL_TO_TYPE.get(ref.type) != ty:
        ref.extra["ris.TY"] = ty
    pages: dict[str, str] = {}
    keywords: list[str] = []
    urls: list[str] = []
    for tag, value, _number in items[1:]:
        if not value:
            continue
        if tag in NAME_TAGS:
            ref.fields.setdefault(NAME_TAGS[tag], []).append(_parse_name(value))
        elif tag in DATE_TAGS:
            variable = DATE_TAGS[tag]
            date = parse_date(value)
            current = ref.fields.get(variable)
            if current is None or (isinstance(current, Date) and len(date.parts[0] if date.parts else []) >
                                   len(current.parts[0] if current.parts else [])):
                ref.fields[variable] = date
        elif tag in ("SP", "EP"):
            pages[tag] = value
        elif tag == "SN":
            ref.fields.setdefault(_identifier_variable(value), value)
        elif tag in ("UR", "L1", "L2", "LK"):
            urls.append(value)
        elif tag in ("KW", "DE"):
            keywords.append(value)
        elif tag == "ID":
            ref.id = value
        elif tag in TEXT_TAGS and TEXT_TAGS[tag] not in ref.fields:
            ref.fields[TEXT_TAGS[tag]] = value
        else:
            key = f"ris.{tag}"
            ref.extra[key] = f"{ref.extra[key]}\n{value}" if key in ref.extra else value
    if pages:
        sp, ep = pages.get("SP", ""), pages.get("EP", "")
        ref.fields["page"] = f"{sp}-{ep}" if sp and ep and sp != ep else (sp or ep)
    if urls:
        ref.fields["URL"] = urls[0]
        if len(urls) > 1:
            ref.extra["ris.UR"] = "\n".join(urls[1:])
    if keywords:
        ref.fields["keyword"] = ", ".join(keywords)
    return ref


def _date_text(date: Date) -> str:
    if not date.parts:
        return date.literal
    p = date.parts[0]
    return f"{p[0]:04d}/" + (f"{p[1]:02d}" if len(p) > 1 else "") + "/" + (f"{p[2]:02d}" if len(p) > 2 else "") + "/"


def record_lines(ref: Reference) -> list[str]:
    f = ref.fields
    tags: list[tuple[str, str]] = [("TY", ref.extra.get("ris.TY") or CSL_TO_TYPE.get(ref.type, "GEN"))]
    if ref.id:
        tags.append(("ID", ref.id))
    for tag, variable in (("AU", "author"), ("A2", "editor"), ("A3", "collection-editor"), ("A4", "translator")):
        for name in f.get(variable, []) or []:
            tags.append((tag, name.literal or ", ".join(p for p in (
                " ".join(x for x in (name.non_dropping_particle, name.family) if x), name.given, name.suffix) if p)))
    for tag, variable in (("TI", "title"), ("ST", "title-short"), ("T2", "container-title"),
                          ("J2", "container-title-short"), ("T3", "collection-title"), ("VL", "volume"),
                          ("IS", "issue"), ("ET", "edition"), ("NV", "number-of-volumes"), ("PB", "publisher"),
                          ("CY", "publisher-place"), ("DO", "DOI"), ("LA", "language"), ("AB", "abstract"),
                          ("M3", "genre"), ("AN", "number"), ("SE", "section"), ("N1", "note")):
        if f.get(variable):
            tags.append((tag, str(f[variable])))
    if isinstance(f.get("issued"), Date):
        tags.append(("PY", str(f["issued"].year) if f["issued"].year is not None else f["issued"].literal))
        if f["issued"].parts and len(f["issued"].parts[0]) > 1:
            tags.append(("DA", _date_text(f["issued"])))
    if f.get("page"):
        first, _, last = str(f["page"]).partition("-")
        tags.append(("SP", first.strip()))
        if last.strip():
            tags.append(("EP", last.strip()))
    for variable in ("ISBN", "ISSN"):
        if f.get(variable):
            tags.append(("SN", str(f[variable])))
    if f.get("URL"):
        tags.append(("UR", str(f["URL"])))
    if isinstance(f.get("accessed"), Date):
        tags.append(("Y2", _date_text(f["accessed"])))
    if f.get("keyword"):
        tags += [("KW", k.strip()) for k in str(f["keyword"]).split(",") if k.strip()]
    for key, value in ref.extra.items():
        if key.startswith("ris.") and key not in ("ris.TY", "ris.unparsed"):
            tags += [(key[4:], v) for v in str(value).split("\n")]
    order = {t: i for i, t in enumerate(WRITE_ORDER)}
    tags.sort(key=lambda tv: order.get(tv[0], len(order)))
    lines = [f"{tag}  - {value}".rstrip() if value else f"{tag}  -" for tag, value in tags]
    lines.append("ER  -")
    return lines


def write(library: Library, **_options) -> bytes:
    original = unchanged_original(library, "ris")
    if original is not None:
        return original
    blocks = ["\n".join(record_lines(r)) for r in library]
    return ("\n\n".join(blocks) + "\n").encode("utf-8") if blocks else b""
