"""Transliteration tables as data, one module per language (and one for ISO 9).

Each table is a plain dict in iuliia's rule format (see :mod:`polybib.translit.engine`):
``mapping`` (letter → output), optional ``prev``, ``next``, ``ending`` and ``exceptions``
rules, ``apostrophes`` (True where an apostrophe belongs inside words), and ``name`` /
``source`` naming the standard it transcribes.  Keys and values are lower case; the engine
derives capitals.  The standards' own example words live in ``tests/translit`` as test
tables, one case per example.

Russian tables come from iuliia (:mod:`polybib.translit.iuliia_tables`) except the
``bsi`` table in :mod:`.russian`, which iuliia does not carry.
"""
