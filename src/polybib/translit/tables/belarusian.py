"""Belarusian: the national system (2007) and BGN/PCGN 1979.

National: "Instruction on the transliteration of geographical names of the Republic of
Belarus in letters of the Latin alphabet" (State Committee on Land Resources, 2000), as
amended by Resolution No. 38 of the State Property Committee of 11 June 2007 and approved
by UNGEGN in 2007 (WGRS report 3.0, 2008).  Based on the Belarusian Latin alphabet:
``е ё ю я`` are ``je jo ju ja`` at the start of a word and after a vowel, an apostrophe,
a separating soft sign or ``ў``, and ``ie io iu ia`` after consonants; the soft sign is an
acute on the consonant before it (``зь ль нь сь ць`` → ``ź ĺ ń ś ć``, so ``дзь`` → ``dź``)
and is otherwise not written; the apostrophe is not written.  The engine emits the acute
as a combining mark and NFC composes it.  Belarus adopted a different system in 2023; it
is not implemented here.

BGN/PCGN 1979: the anglophone system (``г`` → ``h``, ``ў`` → ``w``, ``е`` → ``ye``,
soft sign ``’``, apostrophe ``”``), with and without its optional interpunct (``зг`` →
``z·h`` so that it is not read as ``ж``).
"""

_VOWELS = "аеёіиоуыэюя"
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}

_national_prev = {}
for _letter, _vowel in _IOTATED.items():
    _national_prev[_letter] = "j" + _vowel                      # word-initial
    for _before in _VOWELS + "ўь'\u2019\u02bc":
        _national_prev[_before + _letter] = "j" + _vowel
for _consonant in "злнсц":
    _national_prev[_consonant + "ь"] = "\u0301"                 # ль → ĺ (composed by NFC)

NATIONAL = {
    "name": "Belarusian national system (Instruction on transliteration of geographical names, 2007)",
    "source": "Instruction on the transliteration of geographical names of the Republic of Belarus "
              "with letters of the Latin alphabet (2000), amended 11 June 2007 (State Property "
              "Committee Resolution No. 38); UNGEGN WGRS",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ie", "ё": "io",
        "ж": "ž", "з": "z", "і": "i", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ŭ",
        "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia", "'": "", "\u2019": "", "\u02bc": "",
    },
    "prev": _national_prev,
    "apostrophes": True,
}

BGN_PCGN = {
    "name": "BGN/PCGN Romanization of Belarusian (1979)",
    "source": "BGN/PCGN 1979 System for Belarusian (Romanization Systems and Roman-Script "
              "Spelling Conventions, BGN, 1994)",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ye", "ё": "yo",
        "ж": "zh", "з": "z", "і": "i", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "\u2019",
        "э": "e", "ю": "yu", "я": "ya", "'": "\u201d", "\u2019": "\u201d", "\u02bc": "\u201d",
    },
    "apostrophes": True,
}

#: The same with the optional interpunct, which keeps зг, кг, сг, цг apart from the
#: digraphs zh, kh, sh, tsh (``Гезгалы`` → ``Hyez·haly``).
BGN_PCGN_INTERPUNCT = {
    **BGN_PCGN,
    "name": "BGN/PCGN Romanization of Belarusian (1979), with the interpunct",
    "prev": {"зг": "\u00b7h", "кг": "\u00b7h", "сг": "\u00b7h", "цг": "\u00b7h"},
}
