"""Hostile records in CSL-JSON, RIS and free text, shared by the writer's tests and by the
test that feeds the written ``.bib`` to real BibTeX and biber.

Each payload tries to leave its value (or its key) and plant a ``@preamble`` that BibTeX
copies into the ``.bbl``, to inject a field, to swallow the next entry, or to run LaTeX
(``\\input`` of a file whose contents would then appear in the document).
"""
from __future__ import annotations

import json

#: A file the payloads try to \input; its word must never reach a document.
SECRET_FILE = "secret.tex"
SECRET_WORD = "SECRETWORDXYZ"

PREAMBLE = '@preamble{"\\input{secret.tex}\\immediate\\write18{touch pwned}"}'
KEY_ESCAPE = "k}\n" + PREAMBLE + "\n@misc{x"
VALUE_ESCAPE = 'x}, note = "injected", junk = 1'
LATEX_RUN = "\\input{secret.tex}"
TRAILING_BACKSLASH = "ends in a backslash\\"

CSL_ITEMS = [
    {"id": KEY_ESCAPE, "type": "book", "title": "Key escape", "issued": {"date-parts": [[2001]]}},
    {"id": "brace", "type": "book", "title": VALUE_ESCAPE, "issued": {"date-parts": [[2002]]}},
    {"id": "latex", "type": "book", "title": LATEX_RUN,
     "author": [{"family": LATEX_RUN, "given": "A."}], "issued": {"date-parts": [[2003]]}},
    {"id": "backslash", "type": "book", "title": TRAILING_BACKSLASH,
     "publisher": TRAILING_BACKSLASH, "issued": {"date-parts": [[2004]]}},
    {"id": "after", "type": "book", "title": "The entry after", "issued": {"date-parts": [[2005]]}},
    {"id": "url", "type": "webpage", "title": "Web",
     "URL": "http://example.org/}\n" + PREAMBLE + "\\", "DOI": "10.1/x}\\",
     "accessed": {"literal": "2019}, note = {" + LATEX_RUN + "}"}, "language": "x}\\input{secret.tex}"},
    {"id": "custom", "type": "book", "title": "Custom",
     "custom": {"biblatex.x = {1}, " + PREAMBLE + ", y": "v",
                "biblatex.usera": LATEX_RUN + "}", "biblatex.userb": "\\emph{harmless}"}},
    {"type": "article-journal", "title": "Анализ развития", "issued": {"date-parts": [[2019]]},
     "author": [{"family": "Матвиенко", "given": "Ю. Е."}]},
    {"type": "article-journal", "title": "Анализ развития", "issued": {"date-parts": [[2019]]},
     "author": [{"family": "Матвиенко", "given": "Ю. Е."}]},
]

RIS = (
    "TY  - JOUR\nID  - " + KEY_ESCAPE.split("\n")[0] + "\nTI  - RIS key\nPY  - 2010\nER  - \n\n"
    "TY  - JOUR\nTI  - " + LATEX_RUN + "\nUR  - http://example.org/a}b\\\nPY  - 2011\nER  - \n\n"
    "TY  - JOUR\nAU  - Матвиенко, Ю. Е.\nTI  - Без идентификатора\nPY  - 2019\nER  - \n"
)


def csl_json() -> bytes:
    return json.dumps(CSL_ITEMS, ensure_ascii=False).encode("utf-8")
