"""Benchmark: characters per second romanizing 1 MB of Russian text, polybib next to bare iuliia.

    python benchmarks/bench_translit.py [--mbytes 1] [--repeat 3] [--seed 7]

Generates two texts of ``--mbytes`` MiB of UTF-8 each:

- *prose*: sentences from a vocabulary of bibliographic Russian (titles, journal names,
  publishers, places, names with initials, some capitals and acronyms), about 1,800 distinct
  word forms, so words repeat as in real reference lists;
- *long tail*: words made of random syllables, nearly every one distinct, the worst case
  for polybib's per-word cache.

Then times, best of ``--repeat``, each scheme's Russian table in polybib (word cache emptied
before every run) against iuliia's ``Schema.translate`` on the same text: ISO 9
(``iso9`` ↔ iuliia ``gost_779``), BGN/PCGN (``bgn-pcgn`` ↔ ``bgn_pcgn_alt``) and BGN/PCGN
with the interpunct (``bgn-pcgn-interpunct`` ↔ ``bgn_pcgn``).  The outputs are compared too
(after polybib's documented corrections: Latin ``ë`` for Cyrillic ``ё``, NFC, all-caps
words), and the share of words where they differ is printed.
"""
from __future__ import annotations

import argparse
import random
import time
import unicodedata

import iuliia

from polybib.translit import get_scheme
from polybib.translit.iuliia_tables import patch_yo

STEMS = ["анализ", "развити", "железнодорожн", "транспорт", "бизнес", "облак", "информационн",
         "технологи", "экономик", "регион", "метод", "моделировани", "систем", "управлени",
         "истори", "прав", "сотрудничеств", "энергетическ", "безопасност", "международн",
         "научн", "конференци", "сборник", "материал", "вестник", "известия", "университет",
         "государственн", "политологи", "религиоведени", "философи", "культур", "обществ",
         "исследовани", "разработк", "проектировани", "строительств", "образовани", "язык",
         "литератур", "журнал", "издательств", "предприяти", "организаци", "инновационн",
         "цифров", "экологическ", "социальн", "психологи", "педагогик", "медицин", "здоровь",
         "физик", "химик", "биологи", "математик", "статистик", "вычислительн", "сетев",
         "безопасн", "объединени", "подъезд", "съезд", "ёмкост", "щелочн", "чувствительн"]
ENDINGS = ["", "а", "ы", "е", "у", "ой", "ая", "ое", "ые", "ий", "ого", "ому", "ых", "ыми",
           "ия", "ии", "ию", "ей", "ями", "ах", "ом", "и", "ь", "ью"]
SHORT = ["в", "и", "на", "о", "об", "к", "по", "с", "для", "при", "из", "от", "как", "что"]
NAMES = ["Газуль", "Матвиенко", "Иванов", "Петрова", "Щербаков", "Юрьев", "Ёлкин", "Соколова",
         "Кузнецов", "Хабермас", "Лотман", "Жуковская", "Цветаева", "Эйзенштейн", "Чайковский"]
PLACES = ["М.", "СПб.", "Новосибирск", "Екатеринбург", "Казань", "Нижний Новгород"]
ACRONYMS = ["ЕАЭС", "СПбГУЭФ", "МГУ", "РАН", "ВШЭ", "ЩУКА", "ЮНЕСКО"]
SYLLABLES = ["ба", "ве", "гри", "до", "жу", "зя", "ки", "ло", "мё", "ню", "пы", "ре", "сто",
             "тэ", "фу", "хо", "цы", "ча", "ше", "щу", "ъе", "ья", "юр", "як", "ой", "ай", "ст"]


def prose(nbytes: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < nbytes:
        kind = rng.random()
        if kind < 0.15:
            s = f"{rng.choice(NAMES)} {rng.choice('АБВГДЕЖИКЛМНОПРСТЮЯ')}. {rng.choice('АБВГДЕЁЖИКЛМНОПРСТЮЯ')}. "
        elif kind < 0.2:
            s = f"— {rng.choice(PLACES)}: Изд-во {rng.choice(ACRONYMS)}, {rng.randint(1950, 2024)}. — С. {rng.randint(1, 400)}. "
        else:
            words = []
            for _ in range(rng.randint(4, 12)):
                if rng.random() < 0.2:
                    words.append(rng.choice(SHORT))
                else:
                    words.append(rng.choice(STEMS) + rng.choice(ENDINGS))
            words[0] = words[0][0].upper() + words[0][1:]
            if rng.random() < 0.1:
                words.append(rng.choice(ACRONYMS))
            s = " ".join(words) + rng.choice([". ", ", ", " // ", "; "])
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "".join(parts)


def long_tail(nbytes: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < nbytes:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.1:
            word = word.capitalize()
        s = word + rng.choice([" ", " ", " ", ", ", ". "])
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "".join(parts)


def best_of(repeat: int, fn, *args) -> tuple[float, str]:
    best = float("inf")
    out = ""
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, out


PAIRS = [("iso9", "gost_779"), ("bgn-pcgn", "bgn_pcgn_alt"), ("bgn-pcgn-interpunct", "bgn_pcgn")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbytes", type=float, default=1.0, help="MiB of UTF-8 text per corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    nbytes = int(args.mbytes * 1024 * 1024)
    texts = {"prose": prose(nbytes, args.seed), "long tail": long_tail(nbytes, args.seed)}

    print(f"{'text':<10} {'scheme':<20} {'implementation':<22} {'seconds':>8} {'chars/s':>12} "
          f"{'vs iuliia':>9} {'words differ':>12}")
    for label, text in texts.items():
        nchars = len(text)
        for ours, theirs in PAIRS:
            table = get_scheme(ours).table("ru")
            schema = iuliia.schemas.get(theirs)
            schema.translate("прогрев")                      # load iuliia's JSON outside the timing

            def polybib_run(t: str) -> str:
                table._cache.clear()                          # cold: every word computed again
                return table(t)

            t_iuliia, out_iuliia = best_of(args.repeat, schema.translate, text)
            t_ours, out_ours = best_of(args.repeat, polybib_run, text)
            t_warm, _ = best_of(args.repeat, table, text)
            expected = unicodedata.normalize("NFC", patch_yo(out_iuliia)).split()
            got = out_ours.split()
            differ = sum(a != b and not (a.isupper() and a.lower() == b.lower())
                         for a, b in zip(got, expected))
            share = f"{100 * differ / max(len(got), 1):.2f} %"
            print(f"{label:<10} {ours:<20} {'iuliia ' + theirs:<22} {t_iuliia:8.3f} "
                  f"{nchars / t_iuliia:12,.0f} {'1.0x':>9} {'':>12}")
            print(f"{label:<10} {ours:<20} {'polybib (cold cache)':<22} {t_ours:8.3f} "
                  f"{nchars / t_ours:12,.0f} {t_iuliia / t_ours:8.1f}x {share:>12}")
            print(f"{label:<10} {ours:<20} {'polybib (warm cache)':<22} {t_warm:8.3f} "
                  f"{nchars / t_warm:12,.0f} {t_iuliia / t_warm:8.1f}x {'':>12}")
    print(f"\n{nbytes / 1048576:.1f} MiB of UTF-8 per text: prose {len(texts['prose']):,} characters, "
          f"long tail {len(texts['long tail']):,} characters.  'words differ': polybib vs iuliia "
          f"after ё → ë and NFC, ignoring all-caps words (polybib writes SHCHUKA, iuliia ShchUKA).")


if __name__ == "__main__":
    main()
