"""Bulgarian: the Streamlined System (Transliteration Act, 2009; BGN/PCGN since 2013).

Transliteration Act of the Republic of Bulgaria (State Gazette No. 19 of 13 March 2009),
the system in official use since 2006 and adopted by BGN/PCGN in 2013.  ``ъ`` is ``a``,
``щ`` is ``sht``, ``ь`` is ``y`` (it occurs only before ``о``), and ``ия`` at the end of a
word is ``ia`` (``София`` → ``Sofia``).  The Act makes one exception, the name of the
state: ``България`` → ``Bulgaria``.
"""

STREAMLINED = {
    "name": "Bulgarian Streamlined System (Transliteration Act, 2009)",
    "source": "Transliteration Act, State Gazette No. 19/2009; "
              "BGN/PCGN Romanization of Bulgarian, 2013 Agreement",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
    },
    "ending": {"ия": "ia"},
    "exceptions": {"България": "Bulgaria"},
}
