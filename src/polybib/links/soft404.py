"""Pages that say "not found" with a 200: how to tell them from real pages.

Three signals, from cheapest to dearest:

1. the request was redirected to the site's home page (or to an error page's path);
2. "not found" phrases in English or Russian (``Страница не найдена``) in the title, the
   first heading or the start of the text — unless the page declares scholarly metadata,
   which an error page does not;
3. a probe: ask for a sibling URL that cannot exist; a site that answers it with the same
   page as ours answers every missing URL that way, so our page proves nothing.
"""
from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit, urlunsplit

from .landing import Page

#: Phrases that, in a title or a first heading, mean the page is an error page.
TITLE_PHRASES = [
    "page not found", "not found", "404", "error 404", "page does not exist", "page doesn't exist",
    "no longer available", "could not be found", "cannot be found", "can't be found",
    "page unavailable", "nothing found", "no such page",
    "страница не найдена", "не найдена", "не найдено", "страница не существует",
    "страницы не существует", "ошибка 404", "документ не найден", "ничего не найдено",
    "такой страницы нет", "страница удалена", "запрашиваемая страница не найдена",
    "сторінку не знайдено", "сторінка не знайдена",
]
#: Phrases strong enough to count in the body text too.
TEXT_PHRASES = [
    "page not found", "the page you requested", "the requested url was not found",
    "page you are looking for", "this page does not exist", "this page doesn't exist",
    "could not be found on this server", "error 404", "404 not found", "no longer available",
    "страница не найдена", "запрашиваемая страница не найдена", "страница не существует",
    "такой страницы нет", "ошибка 404", "запрашиваемая страница", "страница, которую вы ищете",
]
# longest first, so that the evidence names the most specific phrase
TITLE_PHRASES.sort(key=len, reverse=True)
TEXT_PHRASES.sort(key=len, reverse=True)
_ERROR_PATH = re.compile(r"/(?:404|not[-_]?found|error|errors|page[-_]not[-_]found)(?:[./?]|$)",
                         re.IGNORECASE)
_HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/default.aspx", "/home",
               "/ru", "/ru/", "/en", "/en/", "/main", "/glavnaya"}


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def phrase_signal(page: Page) -> str:
    """The not-found phrase a page shows, with where it shows it, or ``""``."""
    for where, text, phrases in (("title", page.title, TITLE_PHRASES), ("heading", page.h1, TITLE_PHRASES),
                                 ("text", page.text[:1500], TEXT_PHRASES)):
        low = _norm(text)
        if not low:
            continue
        for phrase in phrases:
            if phrase == "404":
                if re.search(r"(?<![\d.])404(?![\d.])", low):
                    return f"the page {where} says '404'"
            elif phrase in low:
                return f"the page {where} says '{phrase}'"
    return ""


def redirect_signal(start_url: str, final_url: str) -> str:
    """A redirect to the home page or to an error page, or ``""``."""
    if not final_url or final_url == start_url:
        return ""
    start, final = urlsplit(start_url), urlsplit(final_url)
    if final.path in _HOME_PATHS and not final.query and start.path not in _HOME_PATHS:
        return f"redirected to the home page {final_url}"
    if _ERROR_PATH.search(final.path) and not _ERROR_PATH.search(start.path):
        return f"redirected to an error page {final_url}"
    return ""


def probe_url(url: str) -> str:
    """A sibling of ``url`` that no site has: same directory, a random name."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] + "/"
    name = "polybib-missing-" + secrets.token_hex(6)
    return urlunsplit((parts.scheme, parts.netloc, directory + name, "", ""))


def probe_key(url: str) -> str:
    """Probes are remembered per directory: sites fake 200s per application, not per page."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", _norm(text))) - {"polybib", "missing"}


def same_page(page: Page, probe: Page) -> bool:
    """Whether the probe's answer is the same page as ours (title and text alike)."""
    if _norm(page.title) != _norm(probe.title):
        return False
    a, b = _tokens(page.text), _tokens(probe.text)
    if not a and not b:
        return True
    return len(a & b) / max(1, len(a | b)) >= 0.9
