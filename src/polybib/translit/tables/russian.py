"""Russian: the ASCII "BSI" table Russian journals prescribe for romanized References.

iuliia carries every other Russian scheme polybib offers; this one it lacks.  It is not
BS 2979 (that one has diacritics, ``ĭ``, ``ȳ``, ``é``): it is the plain-ASCII table that the
author guidelines of Russian journals print under the name "BSI" and that translit.ru /
translit.net produce with their "BSI" option.  We transcribe it from the table published
by the journal *Aviakosmicheskaya i ekologicheskaya meditsina* (journal.imbp.ru,
"Транслитерация кириллицы – стандарт BSI"), which agrees letter for letter with the
guidelines of other journals (e.g. journals.kantiana.ru, which prints ``"`` for ``ъ``):

    а a  б b  в v  г g  д d  е e  ё e  ж zh  з z  и i  й i  к k  л l  м m  н n  о o
    п p  р r  с s  т t  у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ъ ''  ы y  ь '
    э e  ю yu  я ya

There are no context rules: ``е`` is ``e`` everywhere (``Евгений`` → ``Evgenii``), which is
what distinguishes it from BGN/PCGN (``Yevgeniy``) and the US State Department table.
"""

BSI = {
    "name": "BSI (References table of Russian journals, translit.ru/translit.net)",
    "source": "Table 'Транслитерация кириллицы – стандарт BSI' as printed in Russian journals' "
              "author guidelines (journal.imbp.ru/eng/translit.html; journals.kantiana.ru)",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "''", "ы": "y", "ь": "'", "э": "e",
        "ю": "yu", "я": "ya",
    },
}
