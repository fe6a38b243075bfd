"""ISO 9:1995 (= GOST 7.79-2000 System A): one table for every Cyrillic alphabet.

ISO 9 gives each Cyrillic letter exactly one Latin letter (with diacritics), whatever the
language, which is what makes it reversible (:mod:`polybib.translit.reverse`).  The table
below is ISO 9:1995 Table 3 for every letter that Unicode encodes as a single character;
the letters with a combining mark on the Cyrillic side (``А̄``, ``И́``…) are left out, as is
the apostrophe, which ISO 9 keeps as a sign.  Where ISO 9 prints a cedilla under k, l, n,
s, t, h and ch-letters (``қ`` → ``ķ``, ``ң`` → ``ņ``) we write the cedilla, as the
standard and the UNGEGN tables do, rather than the comma below some fonts draw.

The Russian letters agree with iuliia's ``gost_779`` (once its ``ё`` is patched); a test
checks it.
"""

NAME = "ISO 9:1995 / GOST 7.79-2000 System A"
SOURCE = ("ISO 9:1995 Information and documentation - Transliteration of Cyrillic characters "
          "into Latin characters - Slavic and non-Slavic languages, Table 3; "
          "GOST 7.79-2000, System A (identical)")

MAPPING = {
    "а": "a", "ӓ": "ä", "ӑ": "ă", "ӕ": "æ", "ә": "a̋", "ӛ": "à",
    "б": "b", "в": "v",
    "г": "g", "ѓ": "ǵ", "ғ": "ġ", "ҕ": "ğ", "ґ": "g̀", "һ": "ḥ",
    "д": "d", "ђ": "đ",
    "е": "e", "ӗ": "ĕ", "ё": "ë", "є": "ê",
    "ж": "ž", "җ": "ž̧", "ӝ": "z̄", "ӂ": "z̆",
    "з": "z", "ӟ": "z̈", "ӡ": "ź", "ѕ": "ẑ",
    "и": "i", "ӣ": "ī", "ӥ": "î", "й": "j", "і": "ì", "ї": "ï", "ј": "ǰ",
    "к": "k", "ќ": "ḱ", "ӄ": "ḳ", "ҝ": "k̂", "ҡ": "ǩ", "ҟ": "k̄", "қ": "ķ", "ԛ": "q",
    "л": "l", "љ": "l̂", "ԡ": "ļ",
    "м": "m",
    "н": "n", "њ": "n̂", "ң": "ņ", "ӊ": "ṇ", "ҥ": "ṅ", "ԋ": "ǹ", "ԣ": "ń", "ӈ": "ň",
    "о": "o", "ӧ": "ö", "ө": "ô", "ӫ": "ő", "ҩ": "ò",
    "п": "p", "ҧ": "ṕ", "ԥ": "p̀",
    "р": "r",
    "с": "s", "ҫ": "ş",
    "т": "t", "ћ": "ć", "ԏ": "t̀", "ҭ": "ţ",
    "у": "u", "ӱ": "ü", "ӯ": "ū", "ў": "ŭ", "ӳ": "ű", "ү": "ù", "ұ": "u̇", "ԝ": "w",
    "ф": "f",
    "х": "h", "ҳ": "ḩ",
    "ц": "c", "ҵ": "c̄", "џ": "d̂",
    "ч": "č", "ҷ": "ç", "ӌ": "c̣", "ӵ": "c̈", "ҹ": "ĉ", "ҽ": "c̆", "ҿ": "c̨̆",
    "ш": "š", "щ": "ŝ",
    "ъ": "ʺ", "ы": "y", "ӹ": "ÿ", "ь": "ʹ",
    "э": "è", "ю": "û", "я": "â",
    "ѣ": "ě", "ѫ": "ǎ", "ѳ": "f̀", "ѵ": "ỳ",
    "ӏ": "‡",
}

TABLE = {"name": NAME, "source": SOURCE, "mapping": MAPPING}
