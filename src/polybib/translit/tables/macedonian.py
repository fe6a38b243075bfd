"""Macedonian: the official digraph system, and BGN/PCGN 2013.

Official: the romanization North Macedonia uses in passports and on road signs since
2008, made of ASCII digraphs: ``ѓ`` → ``gj``, ``ќ`` → ``kj``, ``ѕ`` → ``dz``, ``ж`` →
``zh``, ``ч`` → ``ch``, ``ш`` → ``sh``, ``џ`` → ``dj``, ``љ`` → ``lj``, ``њ`` → ``nj``,
``ц`` → ``c``, ``х`` → ``h``, ``ј`` → ``j`` (the passport table is the Macedonian column
of ICAO Doc 9303 Part 3).

BGN/PCGN 2013: the Macedonian Academy's system with diacritics (``ǵ ž ḱ č dž š``), which
BGN/PCGN adopted in 2013.
"""

OFFICIAL = {
    "name": "Macedonian official romanization (passports and road signs, 2008)",
    "source": "Romanization used in North Macedonian passports (ICAO Doc 9303 Part 3, "
              "Macedonian) and road signage",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "е": "e", "ж": "zh",
        "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "џ": "dj", "ш": "sh",
    },
}

BGN_PCGN = {
    "name": "BGN/PCGN Romanization of Macedonian (2013)",
    "source": "BGN/PCGN Romanization System for Macedonian, 2013 Agreement",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "ǵ", "е": "e", "ж": "ž",
        "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "ḱ",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    },
}
