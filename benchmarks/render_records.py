"""N distinct, realistic CSL-JSON records for the render benchmark (deterministic).

The render cache (:mod:`polybib.render.memo`) profits from records that repeat, so a
benchmark of the same records over and over measures the cache, not the renderer.  These
records are distinct the way a real reference list is: every title, author list, date,
container and page range is drawn independently from pools large enough that two records
rarely share more than a journal or a publisher — as in a real list, where journals,
publishers and prolific authors do recur.

The mix follows what polybib's users cite: journal articles most, then books, chapters,
conference papers, theses, reports and web pages; English, Russian, German, French and
Ukrainian records; names with particles, initials-only given names, corporate (literal)
authors, long author lists; year-only, year-month and full dates, the odd date range.

    python benchmarks/render_records.py N [OUT.json] [--seed S]
"""
from __future__ import annotations

import json
import os
import random
import sys
import tempfile

SEED = 20261205

_FAMILY = {
    "en": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
           "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
           "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
           "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
           "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook",
           "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard",
           "Ward", "Cox", "Diaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James",
           "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales",
           "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes",
           "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton",
           "Graham", "Kim", "Gonzales", "Alexander", "Ramos", "Wallace", "Griffin", "West", "Cole",
           "Hayes", "Chavez", "Gibson", "Bryant", "Ellis", "Stevens", "Murray", "Ford", "Marshall",
           "O'Neil", "McDonald", "Zhang", "Wang", "Li", "Nakamura", "Tanaka", "Singh", "Patel", "Nguyen"],
    "ru": ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
           "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
           "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
           "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
           "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
           "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
           "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
           "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
           "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt"],
    "fr": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
           "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
           "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert"],
    "uk": ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук",
           "Поліщук", "Бондар", "Ткачук", "Марченко", "Руденко", "Савченко", "Мельник", "Лисенко"],
}
_GIVEN = {
    "en": ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
           "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Charles", "Sarah",
           "Thomas", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra",
           "Paul", "Ashley", "Steven", "Emily", "Andrew", "Donna", "Kenneth", "Michelle", "Joshua",
           "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
           "J. R.", "A.", "M. K.", "Wei", "Hiroshi", "Priya", "Minh", "Jean-Luc", "Mary Ann"],
    "ru": ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван",
           "Михаил", "Артём", "Наталья", "Елена", "Ольга", "Татьяна", "Ирина", "Анна", "Мария",
           "Светлана", "Юлия", "Екатерина", "Владимир", "Николай", "Павел", "Пётр", "А. В.", "С. Н.",
           "Игорь Петрович", "Анна Сергеевна", "Юрий Михайлович"],
    "de": ["Hans", "Peter", "Klaus", "Wolfgang", "Jürgen", "Ursula", "Monika", "Petra", "Sabine",
           "Stefan", "Andreas", "Katrin", "Jörg", "Björn"],
    "fr": ["Jean", "Pierre", "Michel", "André", "Philippe", "Marie", "Nathalie", "Isabelle", "Sylvie",
           "François", "Hélène", "Émile", "Jean-Pierre"],
    "uk": ["Олександр", "Андрій", "Сергій", "Оксана", "Наталія", "Тетяна", "Юрій", "Богдан", "Ірина"],
}
_PARTICLES = [("van", "Gogh"), ("van der", "Berg"), ("de", "Souza"), ("von", "Neumann"),
              ("di", "Maio"), ("da", "Silva"), ("de la", "Fuente"), ("van", "Dijk"), ("le", "Goff")]
_CORPORATE = ["World Health Organization", "OECD", "National Research Council",
              "Федеральная служба государственной статистики", "European Commission",
              "American Psychological Association", "Министерство образования и науки РФ"]

_WORDS = {
    "en": ("analysis model learning network data adaptive robust distributed control system theory "
           "method approach evidence effects climate policy market social cognitive language neural "
           "graph optimization estimation dynamics structure growth health risk education urban "
           "energy water protein genome cell signal quantum spectral stochastic inference memory "
           "history culture identity migration labour trade finance innovation governance ethics").split(),
    "ru": ("анализ модель обучение сеть данные адаптивный метод подход управление система теория "
           "развитие экономика общество язык история культура право государство регион оценка "
           "исследование процесс структура динамика рынок политика образование здоровье энергия "
           "вода белок клетка сигнал память идентичность миграция труд торговля финансы инновации").split(),
    "de": ("Analyse Modell Lernen Netzwerk Daten Methode Ansatz Steuerung System Theorie Entwicklung "
           "Wirtschaft Gesellschaft Sprache Geschichte Kultur Recht Staat Forschung Struktur").split(),
    "fr": ("analyse modèle apprentissage réseau données méthode approche contrôle système théorie "
           "développement économie société langue histoire culture droit État recherche structure").split(),
    "uk": ("аналіз модель навчання мережа дані метод підхід система теорія розвиток економіка "
           "суспільство мова історія культура право держава дослідження структура").split(),
}
_LINK = {"en": ["of", "and", "in", "for", "on", "with"], "ru": ["и", "в", "для", "на", "о"],
         "de": ["und", "der", "für", "im"], "fr": ["et", "de", "pour", "dans"], "uk": ["і", "в", "для", "на"]}
_JOURNALS = {
    "en": ["Journal of Applied Psychology", "Nature", "Science", "Physical Review Letters",
           "The Lancet", "Journal of Finance", "American Economic Review", "Cognitive Science",
           "IEEE Transactions on Neural Networks", "Journal of Computational Physics", "PLOS ONE",
           "Annual Review of Sociology", "Journal of Memory and Language", "Urban Studies",
           "Energy Policy", "Bioinformatics", "Language", "Past & Present"],
    "ru": ["Вопросы экономики", "Вопросы философии", "Социологические исследования",
           "Успехи физических наук", "Известия РАН. Серия математическая", "Вестник МГУ",
           "Психологический журнал", "Журнал вычислительной математики и математической физики",
           "Русская литература", "Вопросы истории"],
    "de": ["Zeitschrift für Soziologie", "Kölner Zeitschrift für Soziologie und Sozialpsychologie",
           "Historische Zeitschrift"],
    "fr": ["Revue française de sociologie", "Annales. Histoire, Sciences Sociales", "Revue d'économie politique"],
    "uk": ["Український історичний журнал", "Економіка України", "Мовознавство"],
}
_PUBLISHERS = {
    "en": [("Oxford University Press", "Oxford"), ("Cambridge University Press", "Cambridge"),
           ("Springer", "Berlin"), ("Routledge", "London"), ("MIT Press", "Cambridge, MA"),
           ("Wiley", "Hoboken, NJ"), ("Elsevier", "Amsterdam"), ("Princeton University Press", "Princeton"),
           ("University of Chicago Press", "Chicago"), ("Sage", "Thousand Oaks, CA")],
    "ru": [("Наука", "М."), ("Питер", "СПб."), ("Издательство МГУ", "М."), ("Физматлит", "М."),
           ("Издательский дом ВШЭ", "М."), ("Прогресс", "М."), ("Лань", "СПб."), ("Юрайт", "М.")],
    "de": [("Suhrkamp", "Frankfurt am Main"), ("C.H. Beck", "München"), ("de Gruyter", "Berlin")],
    "fr": [("Gallimard", "Paris"), ("Presses Universitaires de France", "Paris"), ("Seuil", "Paris")],
    "uk": [("Наукова думка", "Київ"), ("Либідь", "Київ"), ("Основи", "Київ")],
}
_UNIVERSITIES = {"en": "University of Michigan", "ru": "МГУ им. М. В. Ломоносова", "de": "Universität Heidelberg",
                 "fr": "Université Paris-Sorbonne", "uk": "Київський національний університет"}
_GENRE = {"en": "PhD thesis", "ru": "дис. … канд. экон. наук", "de": "Dissertation", "fr": "Thèse de doctorat",
          "uk": "дис. … канд. іст. наук"}
_LANGS = ["en"] * 50 + ["ru"] * 30 + ["de"] * 7 + ["fr"] * 7 + ["uk"] * 6
_TYPES = (["article-journal"] * 45 + ["book"] * 18 + ["chapter"] * 14 + ["paper-conference"] * 10
          + ["thesis"] * 4 + ["report"] * 4 + ["webpage"] * 5)


def _title(rng: random.Random, lang: str, serial: int) -> str:
    words = _WORDS[lang]
    n = rng.randint(3, 9)
    parts = []
    for k in range(n):
        parts.append(rng.choice(words))
        if k < n - 1 and rng.random() < 0.25:
            parts.append(rng.choice(_LINK[lang]))
    if rng.random() < 0.2:
        parts.insert(rng.randint(1, len(parts)), str(1800 + serial % 225))
    text = " ".join(parts)
    if lang == "en":
        text = " ".join(w if w in _LINK["en"] else w.capitalize() for w in text.split()) \
            if rng.random() < 0.6 else text
    text = text[0].upper() + text[1:]
    if rng.random() < 0.3:
        sub = " ".join(rng.choice(words) for _ in range(rng.randint(2, 5)))
        text += ": " + sub[0].upper() + sub[1:]
    if rng.random() < 0.05:
        text += "?"
    return text


def _person(rng: random.Random, lang: str) -> dict:
    roll = rng.random()
    if roll < 0.03:
        return {"literal": rng.choice(_CORPORATE)}
    if roll < 0.08 and lang in ("en", "de", "fr"):
        particle, family = rng.choice(_PARTICLES)
        key = "non-dropping-particle" if rng.random() < 0.5 else "dropping-particle"
        return {"family": family, key: particle, "given": rng.choice(_GIVEN["en"])}
    name = {"family": rng.choice(_FAMILY[lang]), "given": rng.choice(_GIVEN[lang])}
    if lang == "en" and rng.random() < 0.02:
        name["suffix"] = "Jr."
    return name


def _people(rng: random.Random, lang: str, most: int) -> list[dict]:
    roll = rng.random()
    n = 1 if roll < 0.35 else 2 if roll < 0.6 else 3 if roll < 0.75 else rng.randint(min(4, most), most)
    return [_person(rng, lang) for _ in range(n)]


def _date(rng: random.Random) -> dict:
    year = rng.randint(1950, 2025)
    roll = rng.random()
    if roll < 0.7:
        return {"date-parts": [[year]]}
    if roll < 0.85:
        return {"date-parts": [[year, rng.randint(1, 12)]]}
    if roll < 0.98:
        return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
    return {"date-parts": [[year, 1], [year, rng.randint(2, 12)]]}


def _pages(rng: random.Random) -> str:
    first = rng.randint(1, 900)
    if rng.random() < 0.05:
        return f"e{rng.randint(1000, 99999)}"
    return f"{first}-{first + rng.randint(1, 40)}"


def record(rng: random.Random, serial: int) -> dict:
    """One record; ``serial`` makes its id (and, through the title, the record) unique."""
    lang = rng.choice(_LANGS)
    type_ = rng.choice(_TYPES)
    item: dict = {"id": f"rec{serial:06d}", "type": type_, "title": _title(rng, lang, serial),
                  "issued": _date(rng)}
    if rng.random() < 0.9 or type_ != "webpage":
        item["author"] = _people(rng, lang, 12)
    if lang != "en" or rng.random() < 0.5:
        item["language"] = lang
    publisher, place = rng.choice(_PUBLISHERS[lang])
    if type_ == "article-journal":
        item["container-title"] = rng.choice(_JOURNALS[lang])
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.7:
            item["issue"] = str(rng.randint(1, 12))
        item["page"] = _pages(rng)
        if rng.random() < 0.6:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(10**6, 10**7 - 1)}.{serial}"
    elif type_ == "book":
        item["publisher"] = publisher
        item["publisher-place"] = place
        if rng.random() < 0.4:
            item["number-of-pages"] = str(rng.randint(80, 900))
        if rng.random() < 0.2:
            item["edition"] = str(rng.randint(2, 6))
        if rng.random() < 0.15:
            item["editor"] = _people(rng, lang, 4)
            if rng.random() < 0.5:
                item.pop("author", None)
        if rng.random() < 0.3:
            item["ISBN"] = f"978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
        if rng.random() < 0.1:
            item["translator"] = _people(rng, lang, 2)
    elif type_ in ("chapter", "paper-conference"):
        item["container-title"] = _title(rng, lang, serial + 7)
        if type_ == "paper-conference" and rng.random() < 0.6:
            item["container-title"] = "Proceedings of the " + item["container-title"] \
                if lang == "en" else "Материалы конференции «" + item["container-title"] + "»" \
                if lang == "ru" else item["container-title"]
            if rng.random() < 0.5:
                item["event-place"] = place
        if rng.random() < 0.7:
            item["editor"] = _people(rng, lang, 5)
        item["publisher"] = publisher
        item["publisher-place"] = place
        item["page"] = _pages(rng)
        if rng.random() < 0.2:
            item["collection-title"] = "Lecture Notes in " + rng.choice(["Computer Science", "Mathematics", "Economics"])
            item["volume"] = str(rng.randint(100, 12000))
        if rng.random() < 0.3:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(10**6, 10**7 - 1)}.{serial}"
    elif type_ == "thesis":
        item["author"] = [_person(rng, lang)]
        item["publisher"] = _UNIVERSITIES[lang]
        item["publisher-place"] = place
        item["genre"] = _GENRE[lang]
        if rng.random() < 0.5:
            item["number-of-pages"] = str(rng.randint(120, 400))
    elif type_ == "report":
        item["publisher"] = rng.choice(_CORPORATE) if rng.random() < 0.5 else publisher
        item["publisher-place"] = place
        item["number"] = f"{rng.choice(['WP', 'TR', 'No.'])} {rng.randint(1, 999)}"
        if rng.random() < 0.5:
            item["collection-title"] = rng.choice(["Working Papers", "Technical Reports", "Policy Briefs"])
    elif type_ == "webpage":
        item["container-title"] = rng.choice(["BBC News", "Wikipedia", "Habr", "The Guardian", "Лента.ру", "arXiv"])
        item["URL"] = f"https://example.org/{lang}/{serial}/{rng.randint(1000, 9999)}"
        item["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
    if "URL" not in item and rng.random() < 0.1:
        item["URL"] = f"https://example.org/r/{serial}"
    if rng.random() < 0.05:
        item["title-short"] = item["title"].split(":")[0][:40]
    return item


def records(n: int, seed: int = SEED) -> list[dict]:
    """``n`` distinct records, the same for the same ``n`` and ``seed`` (and the first k
    of them the same whatever ``n``)."""
    rng = random.Random(seed)
    return [record(rng, i) for i in range(n)]


def write(path: str, items: list[dict]) -> None:
    """``items`` as a CSL-JSON file, written atomically."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".render-records-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(items, out, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv: list[str]) -> int:
    seed = SEED
    if "--seed" in argv:
        i = argv.index("--seed")
        seed = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    items = records(int(argv[0]), seed)
    if len(argv) > 1:
        write(argv[1], items)
    else:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
