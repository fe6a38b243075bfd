"""Kazakh: BGN/PCGN 1979 (Kazakhstan has no national romanization of Cyrillic Kazakh).

The UNGEGN Working Group on Romanization Systems (report 4.0, 2016) records no national
system for romanizing Cyrillic Kazakh: Kazakhstan is moving to a Latin *alphabet*
instead, whose versions (2017, 2018, 2021) are spelling reforms, not transliterations.
polybib therefore uses the BGN/PCGN 1979 system, confirmed by BGN/PCGN in 2019, for both
``national`` and ``bgn-pcgn``.  It marks front vowels with a diaeresis (``ә ө ү`` → ``ä ö
ü``), long ``и у`` with a macron (``ī ū``), ``э`` with a dot (``ė``), and writes ``қ ғ ң``
as ``q gh ng``.
"""

BGN_PCGN = {
    "name": "BGN/PCGN Romanization of Kazakh (1979)",
    "source": "BGN/PCGN 1979 System for Kazakh (confirmed 2019); UNGEGN WGRS report 4.0 (2016)",
    "mapping": {
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e",
        "ё": "yo", "ж": "zh", "з": "z", "и": "ī", "й": "y", "к": "k", "қ": "q", "л": "l",
        "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "ū", "ұ": "u", "ү": "ü", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "\u201d", "ы": "y", "і": "i", "ь": "\u2019",
        "э": "ė", "ю": "yu", "я": "ya",
    },
}
