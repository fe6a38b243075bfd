"""Serbian: Gaj's Latin alphabet, the language's own second script.

Serbian is written in both scripts, letter for letter, so the "transliteration" is the
Latin alphabet itself (Serbian orthography, Pravopis srpskoga jezika); BGN/PCGN's table of
correspondences (2005 Agreement) is the same.  ``љ њ џ`` are the digraphs ``lj nj dž``
(``LJ NJ DŽ`` in capitals, ``Lj Nj Dž`` at the start of a capitalised word).
"""

GAJ = {
    "name": "Serbian Latin alphabet (Gaj), 1:1",
    "source": "Serbian orthography (Pravopis srpskoga jezika); "
              "BGN/PCGN Table of Correspondences for Serbian, 2005 Agreement",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
        "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
        "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
        "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    },
}
