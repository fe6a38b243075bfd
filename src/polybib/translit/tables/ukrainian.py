"""Ukrainian: the national system of 2010 (also BGN/PCGN's Ukrainian system since 2019).

Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010, "On the
normalisation of the transliteration of the Ukrainian alphabet by means of the Latin
alphabet" (zakon.rada.gov.ua/laws/show/55-2010-п).  Its table gives two values for
``є ї й ю я``: one at the start of a word, one elsewhere; ``зг`` is ``zgh`` so that it is
not read as ``ж`` (``zh``); the soft sign and the apostrophe are not written.  BGN and
PCGN adopted the same table in 2019, so it serves both scheme ids.

The apostrophe belongs to the word: the ``я`` of ``Знам'янка`` is not word-initial, which
gives ``Znamianka`` (a tool that splits words on the apostrophe writes ``Znamyanka``).
"""

NATIONAL = {
    "name": "Ukrainian national system (CMU Resolution No. 55 of 27 January 2010)",
    "source": "Cabinet of Ministers of Ukraine, Resolution No. 55, 27 January 2010; "
              "BGN/PCGN Romanization of Ukrainian, 2019 Agreement",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
        "ю": "iu", "я": "ia", "'": "", "\u2019": "", "\u02bc": "",
    },
    "prev": {
        # word-initial forms
        "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya",
        # зг is zgh, not zh
        "зг": "gh",
    },
    "apostrophes": True,
}
