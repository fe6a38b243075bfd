"""Synthetic labelled references: structured records rendered through polybib's own styles.

The renderer knows every field of what it renders, so a rendered reference comes with its gold
record for free; ``corpus.example`` then finds each field's words in the text.  Records come
from the ``.bib`` corpus (../shared/data/bib-corpus, where it is) and from a generator of
Russian, Ukrainian, Kazakh and English records (names, titles, journals, collections, places,
publishers, volumes, pages, URLs).  Styles: GOST R 7.0.100-2018, GOST R 7.0.5-2008 (numeric
and author-date), APA, Chicago, Vancouver, IEEE, MLA, Harvard, and the romanized References
style (fed romanized records).  Each rendered string is then perturbed the way real lists
differ from a style: area dashes and their spaces, ``//`` without spaces, compact imprints
(``-М., 2007.-229 с.``), a Latin ``C.`` for ``С.``, missing areas, DSTU-style ``. `` separators,
an imprint without its place, a volume without its marker, ``N 2`` issues, ``(n.d.)``.

Everything is seeded and read in sorted order, so the same call gives the same references.
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Iterator

from ..model import Date, Name, Reference

#: Chosen on work splits (trained without half of wave2-work.jsonl and AnyStyle's odd half, scored on
#: them, benchmarks/tune_crf.py's way): 2,000 / 4,000 / 8,000 synthetic references next to ~1,060
#: real ones gave 0.926 / 0.933 / 0.928 micro F1 on the work half and 0.864 / 0.864 / 0.857 on
#: AnyStyle's half; about four synthetic references per real one, so 8,000 next to the ~2,000
#: real references the shipped model learns from.
DEFAULT_COUNT = 8000
#: How often a batch is made of templated shapes (``templated``) instead of rendered records.
TEMPLATED_SHARE = 0.18
SEED = 20261205
BIB_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "bib-corpus"

STYLES = ["gost-r-7-0-100-2018", "gost", "gost-author-date", "apa", "chicago", "vancouver", "ieee", "mla",
          "harvard"]
#: GOST styles are drawn more often: most of what this parser reads is GOST-like.
STYLE_WEIGHTS = [5, 4, 2, 3, 1, 2, 2, 1, 1]

_RU_FAMILY = ("Иванов Петров Смирнов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Волков Соловьёв "
              "Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев "
              "Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев "
              "Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв "
              "Герасимов Пономарёв Григорьев Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков "
              "Данилов Жуков Фролов Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Дорофеев "
              "Егоров Матвеев Бобров Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров Веселов "
              "Филиппов Марков Большаков Суханов Миронов Ширяев Александров Коновалов Шестаков Казаков Ефимов "
              "Денисов Громов Фомин Давыдов Мельников Щербаков Блинов Колесников Карпов Афанасьев Власов Маслов "
              "Исаков Тихонов Аксёнов Гаврилов Родионов Котов Горбунов Кудряшов Быков Зуев Третьяков Савельев "
              "Панов Рыбаков Суворов Абрамов Воронов Мухин Архипов Трофимов Мартынов Емельянов Горшков Чернов "
              "Овчинников Селезнёв Панфилов Копылов Михеев Галкин Назаров Лобанов Лукин Беляков Потапов Некрасов "
              "Хохлов Жданов Наумов Шилов Воронцов Ермаков Дроздов Игнатьев Савин Логинов Сафонов Капустин "
              "Кириллов Моисеев Елисеев Кошелев Костин Горбачёв Орехов Ефремов Исаев Евдокимов Калашников "
              "Кабанов Носков Юдин Кулагин Лапин Прохоров Нестеров Харитонов Агафонов Муравьёв Ларионов Федосеев "
              "Зимин Пахомов Шубин Игнатов Филатов Крюков Рогов Кулаков Терентьев Молчанов Владимиров Артемьев "
              "Гурьев Зиновьев Гришин Кононов Дементьев Ситников Симонов Мишин Фадеев Комиссаров Мамонтов Носов "
              "Гуляев Шаров Устинов Вишняков Евсеев Лаврентьев Брагин Константинов Корнилов Авдеев Зыков Бирюков "
              "Шарапов Никонов Щукин Дьячков Одинцов Сазонов Якушев Красильников Гордеев Самойлов Князев "
              "Беспалов Уваров Шашков Бобылёв Доронин Белозёров Рожков Самсонов Мясников Лихачёв Буров Сысоев "
              "Фомичёв Русаков Стрелков Гущин Тетерин Колобов Субботин Фокин Блохин Селиверстов Пестов Кондратьев "
              "Силин Меркушев Лыткин Туров").split()
_RU_FEMININE = {"ов": "ова", "ев": "ева", "ёв": "ёва", "ин": "ина"}
_UK_FAMILY = ("Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Коваль Бондар Ткачук "
              "Марченко Лисенко Руденко Савченко Петренко Мельник Бойко Кравчук Павленко Кузьменко Левченко "
              "Гаврилюк Карпенко Мороз Сидоренко Клименко Гончаренко Литвиненко Григоренко Романенко Мартинюк "
              "Ковальчук Онищенко Костенко Яковенко Назаренко Приходько Дмитренко Степаненко Юрченко Гнатюк "
              "Білоус Зінченко Остапенко Панченко Тимошенко Чорновол Іваненко Головко Фесенко Гордієнко "
              "Їжакевич Євтушенко Ґудзь Дяченко Вакуленко Пилипенко Семенюк Нестеренко").split()
_KK_FAMILY = ("Нұрланов Әбдіров Қасымов Сәрсенбаев Жұмабаев Омаров Ахметов Төлеуов Сейітов Мұқанов Бекмұханов "
              "Ғабдуллин Құнанбаев Әуезов Сұлтанбеков Тұрсынов Ермеков Жақыпов Қалиев Исабаев Байжанов Оспанов "
              "Әлиев Нұрпейісов Серікбаев Дүйсенбаев Темірбеков Қожахметов Садықов Жүсіпов Әбенов Үсенов Һадиев "
              "Шәкенов Байтұрсынов Мәметова Әбілқасымова Сағынтаева Құдайбергенова Рысқұлова").split()
_EN_FAMILY = ("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
              "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker "
              "Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards "
              "Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox "
              "Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster "
              "Müller Schmidt Schneider Fischer Weber Dubois Moreau Laurent García Rossi Russo Kowalski Nowak "
              "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Tanaka Suzuki Kim Lee Park Nguyen O'Brien "
              "van der Berg de Souza").split()
_EN_GIVEN = ("James John Robert Michael William David Richard Mary Patricia Jennifer Linda Elizabeth Susan "
             "Thomas Charles Daniel Matthew Anna Maria Peter Paul Mark Laura Sarah Karen Nancy Lisa Emily").split()
_INITIALS = {"ru": "АБВГДЕИКЛМНОПРСТФЮЯЭ", "uk": "АБВГДЄІЇКЛМНОПРСТЮЯ", "kk": "АБҒДЕЖҚМНОСТҰӘ",
             "en": "ABCDEFGHJKLMNPRSTW"}

_WORDS = {
    "ru": ("анализ развитие система управление модель метод исследование оценка проблемы вопросы влияние "
           "особенности формирование применение технологии информационных экономического региональной "
           "инновационной деятельности предприятий организации социальных процессов условиях современной "
           "россии опыт подход эффективность качество образования студентов обучения права государства "
           "истории культуры языка литературы теории практики данных сети алгоритм оптимизации "
           "математической физики химии биологии медицины здоровья населения рынка финансов банковской "
           "налоговой политики безопасности устойчивого города сельского хозяйства энергетики").split(),
    "uk": ("аналіз розвиток система управління модель метод дослідження оцінка проблеми питання вплив "
           "особливості формування застосування технології інформаційних економічного регіональної "
           "інноваційної діяльності підприємств організації соціальних процесів умовах сучасної україни "
           "досвід підхід ефективність якість освіти студентів навчання права держави історії культури мови "
           "літератури теорії практики даних мережі алгоритм оптимізації здоров'я населення ринку фінансів "
           "політики безпеки сталого міста сільського господарства енергетики їхнього європейської").split(),
    "kk": ("талдау даму жүйесі басқару моделі әдісі зерттеу бағалау мәселелері сұрақтары әсері ерекшеліктері "
           "қалыптастыру қолдану технологиялары ақпараттық экономикалық аймақтық инновациялық қызметі "
           "кәсіпорындар ұйымдастыру әлеуметтік үдерістер жағдайында қазіргі қазақстан тәжірибе тәсіл "
           "тиімділігі білім беру сапасы студенттерді оқыту құқығы мемлекет тарихы мәдениеті тілі әдебиеті "
           "теориясы практикасы деректер желісі алгоритмі оңтайландыру денсаулығы халқының нарығы қаржы "
           "саясаты қауіпсіздігі тұрақты қаласы ауыл шаруашылығы энергетика һәм ұлттық").split(),
    "en": ("analysis development system management model method study assessment problems issues impact "
           "features formation application technologies information economic regional innovation activity "
           "enterprises organization social processes conditions modern experience approach efficiency "
           "quality education students learning law state history culture language literature theory "
           "practice data network algorithm optimization health population market finance policy security "
           "sustainable urban agriculture energy of the and in for on with toward a new learning deep "
           "neural evidence from case review").split(),
}
_JOURNALS = {
    "ru": ["Вестник Московского университета", "Вопросы экономики", "Известия вузов", "Журнал аналитической химии",
           "Проблемы управления", "Экономика региона", "Вестник СПбГУ. Серия 5. Экономика", "Право и политика",
           "Социологические исследования", "Информационные технологии", "Вопросы образования",
           "Российский журнал менеджмента", "Вестник Томского государственного университета", "Мир экономики",
           "Известия Российской академии наук. Серия физическая", "Успехи физических наук", "Педагогика"],
    "uk": ["Вісник Київського національного університету", "Економіка України", "Проблеми економіки",
           "Український історичний журнал", "Вісник Львівського університету", "Фінанси України",
           "Наукові записки НаУКМА", "Вісник Харківського національного університету", "Педагогіка і психологія"],
    "kk": ["ҚазҰУ хабаршысы", "Әл-Фараби атындағы ҚазҰУ хабаршысы. Экономика сериясы", "Қазақстан жоғары мектебі",
           "Хабаршы. Педагогика ғылымдары сериясы", "Ақпараттық технологиялар", "Вестник КазНУ",
           "Известия НАН РК", "Қазақ тілі мен әдебиеті", "Вестник Карагандинского университета"],
    "en": ["Journal of Economic Perspectives", "Nature", "Physical Review Letters", "IEEE Transactions on Software "
           "Engineering", "Journal of Applied Physics", "Annals of Mathematics", "Review of Economic Studies",
           "Communications of the ACM", "The Lancet", "Journal of Finance", "Educational Researcher",
           "Language Learning", "PLoS ONE", "Scientific Reports", "Acta Materialia"],
}
_COLLECTIONS = {
    "ru": ["Материалы Международной научно-практической конференции", "Сборник научных трудов",
           "Труды Института системного анализа", "Актуальные проблемы экономики и права : сб. ст.",
           "Материалы XV Всероссийской конференции молодых учёных"],
    "uk": ["Матеріали Міжнародної науково-практичної конференції", "Збірник наукових праць",
           "Праці Інституту економіки"],
    "kk": ["Халықаралық ғылыми-практикалық конференция материалдары", "Ғылыми еңбектер жинағы"],
    "en": ["Proceedings of the International Conference on Machine Learning", "Handbook of Labor Economics",
           "Advances in Neural Information Processing Systems", "Proceedings of the ACM Symposium on Theory of Computing"],
}
_PLACES = {"ru": ["Москва", "Санкт-Петербург", "Новосибирск", "Казань", "Екатеринбург", "Томск", "Ростов-на-Дону",
                  "Самара", "Ленинград", "Нижний Новгород", "Воронеж"],
           "uk": ["Київ", "Харків", "Львів", "Одеса", "Дніпро"],
           "kk": ["Алматы", "Астана", "Караганда", "Шымкент", "Нур-Султан"],
           "en": ["New York", "London", "Cambridge", "Oxford", "Berlin", "Boston", "Amsterdam", "Cham", "Chicago"]}
_PUBLISHERS = {"ru": ["Наука", "Юрайт", "Инфра-М", "Питер", "Проспект", "Издательство МГУ", "Финансы и статистика",
                      "Статут", "Просвещение", "КноРус", "Дело", "Высшая школа", "Лань", "Изд-во СПбГУ"],
               "uk": ["Наукова думка", "Либідь", "Центр учбової літератури", "Кондор", "Видавництво КНУ"],
               "kk": ["Қазақ университеті", "Мектеп", "Атамұра", "Білім", "Ғылым"],
               "en": ["Springer", "Wiley", "Elsevier", "Routledge", "Oxford University Press", "MIT Press",
                      "Cambridge University Press", "Academic Press", "Sage"]}
_GENRES = {"ru": ["монография", "учебник", "учеб. пособие", "дис. … канд. экон. наук"],
           "uk": ["монографія", "навч. посіб.", "підручник"], "kk": ["оқулық", "монография"], "en": []}


def _name(rng: random.Random, lang: str) -> Name:
    pool = {"ru": _RU_FAMILY, "uk": _UK_FAMILY, "kk": _KK_FAMILY, "en": _EN_FAMILY}[lang]
    family = rng.choice(pool)
    if lang == "ru" and rng.random() < 0.3:
        for end, fem in _RU_FEMININE.items():
            if family.endswith(end):
                family = family[:-len(end)] + fem
                break
    letters = _INITIALS[lang]
    if lang == "en" and rng.random() < 0.4:
        given = rng.choice(_EN_GIVEN) + (f" {rng.choice(letters)}." if rng.random() < 0.4 else "")
    else:
        given = " ".join(f"{rng.choice(letters)}." for _ in range(rng.choice((1, 2, 2, 2))))
    particle = ""
    if " " in family:
        particle, family = family.rsplit(" ", 1)
    return Name(family=family, given=given, non_dropping_particle=particle)


def _title(rng: random.Random, lang: str) -> str:
    words = [rng.choice(_WORDS[lang]) for _ in range(rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 9)))]
    text = " ".join(words)
    if rng.random() < 0.15:
        text += " : " + " ".join(rng.choice(_WORDS[lang]) for _ in range(rng.randint(1, 4)))
    return text[0].upper() + text[1:]


def generated(rng: random.Random, lang: str, index: int) -> Reference:
    """One random record in ``lang`` (ru, uk, kk, en)."""
    kind = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis", "webpage"],
                       [8, 5, 2, 2, 1, 1])[0]
    ref = Reference(id=f"g{index}", type=kind)
    f = ref.fields
    f["language"] = lang
    count = rng.choices([1, 2, 3, 4, 5], [5, 4, 3, 1, 1])[0]
    if not (kind == "book" and rng.random() < 0.15):
        f["author"] = [_name(rng, lang) for _ in range(count)]
    f["title"] = _title(rng, lang)
    year = rng.randint(1955, 2025)
    f["issued"] = Date(parts=[[year]])
    if kind == "article-journal":
        f["container-title"] = rng.choice(_JOURNALS[lang])
        if rng.random() < 0.6:
            f["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.8:
            f["issue"] = str(rng.randint(1, 12))
        a = rng.randint(1, 900)
        f["page"] = f"{a}-{a + rng.randint(1, 40)}"
    elif kind in ("book", "thesis"):
        f["publisher-place"] = rng.choice(_PLACES[lang])
        if kind == "book" or rng.random() < 0.5:
            f["publisher"] = rng.choice(_PUBLISHERS[lang])
        f["number-of-pages"] = str(rng.randint(40, 900))
        if rng.random() < 0.2:
            f["edition"] = str(rng.randint(2, 9))
        if rng.random() < 0.25 and _GENRES[lang] and kind == "book":
            f["genre"] = rng.choice(_GENRES[lang][:-1] or _GENRES[lang])
        if kind == "thesis" and lang == "ru":
            f["genre"] = "дис. … канд. экон. наук"
        if rng.random() < 0.15 and kind == "book":
            f["editor"] = [_name(rng, lang) for _ in range(rng.randint(1, 2))]
    elif kind in ("chapter", "paper-conference"):
        f["container-title"] = rng.choice(_COLLECTIONS[lang])
        f["publisher-place"] = rng.choice(_PLACES[lang])
        if rng.random() < 0.7:
            f["publisher"] = rng.choice(_PUBLISHERS[lang])
        a = rng.randint(1, 600)
        f["page"] = f"{a}-{a + rng.randint(1, 25)}"
        if rng.random() < 0.3:
            f["editor"] = [_name(rng, lang) for _ in range(rng.randint(1, 2))]
    else:
        f["URL"] = f"https://www.example{rng.randint(1, 99)}.org/{rng.choice(_WORDS['en'])}/{rng.randint(1, 9999)}"
        f["accessed"] = Date(parts=[[min(2025, year + rng.randint(0, 3)), rng.randint(1, 12), rng.randint(1, 28)]])
    if rng.random() < 0.1 and "DOI" not in f:
        f["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice('abcdefgh')}{rng.randint(10000, 99999)}"
    return ref


_SOVIET_JOURNALS = ["Журн. аналит. химии", "Журн. физ. химии", "Докл. АН СССР", "Изв. АН СССР. Сер. физ.",
                    "Успехи хим.", "Журн. эксперим. и теор. физики", "Вопр. экономики", "Журн. неорган. химии",
                    "Физ. мет. и металловед.", "Теор. и эксперим. химия"]
_LAW_KINDS = [("Федеральный закон", "ФЗ"), ("Закон України", "VI"), ("Федеральный конституционный закон", "ФКЗ")]
_LAW_TOPICS = ["Об информации, информационных технологиях и о защите информации", "О персональных данных",
               "Про освіту", "Об образовании в Российской Федерации", "Про захист персональних даних",
               "О бухгалтерском учёте", "Про вищу освіту"]
_STANDARD_BODIES = [("ГОСТ Р", "ru"), ("ГОСТ", "ru"), ("ДСТУ", "uk"), ("СТ РК", "kk"), ("ДСТУ ISO", "uk")]


def _initials(name: Name) -> str:
    return name.given.replace(" ", "")


def templated(rng: random.Random) -> tuple[str, dict]:
    """Shapes no style renders: Soviet abbreviated journal references (no article title),
    laws with their numbers, standards, DSTU 8302 records with ``та ін.`` and ``за ред.``,
    Vancouver ``2002 Apr;32(4):489-98``."""
    kind = rng.choice(["soviet", "law", "standard", "dstu", "vancouver", "dstu-article", "dstu-chapter", "dstu-article"])
    if kind in ("dstu-article", "dstu-chapter"):
        return _dstu_part(rng, kind)
    year = rng.randint(1950, 2025)
    if kind == "soviet":
        names = [_name(rng, "ru") for _ in range(rng.randint(1, 3))]
        journal = rng.choice(_SOVIET_JOURNALS)
        volume, page = str(rng.randint(1, 60)), str(rng.randint(1, 2000))
        who = ", ".join(f"{n.family} {_initials(n)}" for n in names)
        text = f"{who} {journal}, {volume}, {page}, {min(year, 1991)}"
        gold = {"type": "article-journal", "author": [{"family": n.family, "given": n.given} for n in names],
                "container-title": journal, "volume": volume, "page": page,
                "issued": {"date-parts": [[min(year, 1991)]]}, "language": "ru"}
        return text + rng.choice([".", ""]), gold
    if kind == "law":
        law, suffix = rng.choice(_LAW_KINDS)
        topic = rng.choice(_LAW_TOPICS)
        number = f"{rng.randint(1, 600)}-{suffix}" if suffix != "VI" else f"{rng.randint(1000, 3000)}-VI"
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        place = rng.choice(['М.', 'Москва', 'Київ', 'Текст : электронный'])
        text = f"{topic} : {law.lower()} от {day:02d}.{month:02d}.{year} № {number}. — {place}, {year}."
        gold = {"type": "legislation", "title": topic, "number": number, "issued": {"date-parts": [[year]]},
                "language": "uk" if "України" in law or "Про" in topic else "ru"}
        if "Текст" not in place:
            gold["publisher-place"] = place
        return text, gold
    if kind == "standard":
        body, lang = rng.choice(_STANDARD_BODIES)
        number = f"{body} {rng.randint(1, 60)}.{rng.randint(1, 999)}:{year}" if rng.random() < 0.5 \
            else f"{body} {rng.randint(1000, 9999)}-{year}"
        title = _title(rng, lang)
        place = rng.choice(_PLACES[lang])
        pages = str(rng.randint(5, 120))
        if rng.random() < 0.5:
            text = f"{number}. {title}. — {place} : Стандартинформ, {year}. — {pages} с."
        else:
            text = f"{title} : {number}. — Введ. 01.01.{year}. — {place}, {year}. — {pages} с."
        gold = {"type": "standard", "number": number, "title": title, "publisher-place": place,
                "issued": {"date-parts": [[year]]}, "number-of-pages": pages, "language": lang}
        if "Стандартинформ" in text:
            gold["publisher"] = "Стандартинформ"     # labelled, not left for the model to read as a note
        return text, gold
    if kind == "dstu":
        names = [_name(rng, "uk") for _ in range(rng.randint(1, 4))]
        title = _title(rng, "uk")
        place, publisher = rng.choice(_PLACES["uk"]), rng.choice(_PUBLISHERS["uk"])
        pages = str(rng.randint(50, 700))
        who = ", ".join(f"{n.family} {n.given}" for n in names[:3]) + (" та ін." if len(names) > 3 else "")
        genre = rng.choice(["", " : навч. посіб.", " : монографія", " : підручник"])
        editor = _name(rng, "uk")
        ed = f" / за ред. {editor.given} {editor.family}" if rng.random() < 0.3 else ""
        edition = rng.choice(["", "", f" Вид. {rng.randint(2, 5)}-тє."])
        text = f"{who} {title}{genre}{ed}.{edition} {place} : {publisher}, {year}. {pages} с."
        gold = {"type": "book", "author": [{"family": n.family, "given": n.given} for n in names[:3]],
                "title": title, "publisher-place": place, "publisher": publisher,
                "issued": {"date-parts": [[year]]}, "number-of-pages": pages, "language": "uk"}
        if ed:
            gold["editor"] = [{"family": editor.family, "given": editor.given}]
        if edition:
            gold["edition"] = edition.split()[1]
        return text, gold
    names = [_name(rng, rng.choice(["en", "ru"])) for _ in range(rng.randint(1, 6))]
    title = _title(rng, "en")
    journal = rng.choice(_JOURNALS["en"])
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    volume, issue, first = str(rng.randint(1, 90)), str(rng.randint(1, 12)), rng.randint(1, 900)
    last = first + rng.randint(2, 30)
    who = ", ".join(f"{n.family} {_initials(n).replace('.', '')}" for n in names)
    text = f"{who}. {title}. {journal}. {year} {rng.choice(months)};{volume}({issue}):{first}-{last}."
    gold = {"type": "article-journal", "author": [{"family": n.family, "given": n.given} for n in names],
            "title": title, "container-title": journal, "volume": volume, "issue": issue,
            "page": f"{first}-{last}", "issued": {"date-parts": [[year]]}, "language": "en"}
    return text, gold


_DSTU_ROLES = {"uk": ["за ред.", "за заг. ред.", "упоряд.", "відп. ред.", "за наук. ред."],
               "ru": ["под ред.", "под общ. ред.", "отв. ред.", "сост.", "науч. ред."],
               "kk": ["жалпы ред.", "құраст.", "ред."]}
_ETAL_WORDS = {"uk": "та ін.", "ru": "и др.", "kk": "т.б."}
_PAGE_WORD = {"uk": "С.", "ru": "С.", "kk": "Б."}


def _who(rng: random.Random, names: list[Name], lang: str) -> str:
    """Authors as DSTU 8302 and plain lists write them: family name first, initials after,
    sometimes without spaces between initials, "та ін." after three."""
    tight = rng.random() < 0.3
    shown = [f"{n.family} {n.given.replace('. ', '.') if tight else n.given}" for n in names[:3]]
    return ", ".join(shown) + (f" {_ETAL_WORDS[lang]}" if len(names) > 3 else "")


def _dstu_part(rng: random.Random, kind: str) -> tuple[str, dict]:
    """DSTU 8302:2015 (and GOST lists typed without dashes or ``//``): an article
    ``Мельник В. О. Назва. Журнал. 2023. № 2. С. 112–120.`` or a chapter
    ``Гетьман А. П. Назва. Збірник : монографія / за ред. … Харків, 2013. С. 205–212.``"""
    lang = rng.choice(["uk", "uk", "uk", "ru", "kk"])
    names = [_name(rng, lang) for _ in range(rng.choice((1, 1, 2, 3, 4)))]
    title = _title(rng, lang)
    year = rng.randint(1990, 2025)
    first = rng.randint(1, 600)
    last = first + rng.randint(1, 30)
    dash = rng.choice(["–", "–", "-", "—"])
    gold = {"author": [{"family": n.family, "given": n.given} for n in names[:3]], "title": title,
            "issued": {"date-parts": [[year]]}, "page": f"{first}-{last}", "language": lang}
    pages = f"{_PAGE_WORD[lang]} {first}{dash}{last}."
    if kind == "dstu-article":
        journal = rng.choice(_JOURNALS[lang])
        volume, issue = str(rng.randint(1, 90)), str(rng.randint(1, 12))
        parts = []
        if rng.random() < 0.4:
            parts.append(f"{'Т.' if lang != 'en' else 'Vol.'} {volume}")
            gold["volume"] = volume
        parts.append(f"№ {issue}")
        gold["issue"] = issue
        sep = rng.choice([". ", ". ", " // "])
        text = f"{_who(rng, names, lang)} {title}{sep}{journal}. {year}. {', '.join(parts)}. {pages}"
        gold.update({"type": "article-journal", "container-title": journal})
    else:
        collection = rng.choice(_COLLECTIONS[lang] + [_title(rng, lang)])
        genre = rng.choice([""] + [f" : {g}" for g in _GENRES[lang] if "дис" not in g]
                           + ([" : збірник наукових праць", " : матеріали конф."] if lang == "uk" else []))
        place = rng.choice(_PLACES[lang])
        editor = _name(rng, lang)
        ed = ""
        if rng.random() < 0.5:
            ed = f" / {rng.choice(_DSTU_ROLES[lang])} {editor.given} {editor.family}"
            gold["editor"] = [{"family": editor.family, "given": editor.given}]
        imprint = f"{place}, {year}." if rng.random() < 0.5 else \
            f"{place} : {rng.choice(_PUBLISHERS[lang])}, {year}."
        if " : " in imprint:
            gold["publisher"] = imprint.split(" : ")[1].rsplit(",", 1)[0]
        sep = rng.choice([". ", ". ", " // ", ". In: " if lang == "uk" else ". В кн.: "])
        text = f"{_who(rng, names, lang)} {title}{sep}{collection}{genre}{ed}".rstrip(".") + f". {imprint} {pages}"
        gold.update({"type": "chapter", "container-title": collection, "publisher-place": place})
    return text, gold


def corpus_records() -> list[Reference]:
    """Records of the .bib corpus that have a title (sorted files, file order within)."""
    from ..formats import bibtex
    out: list[Reference] = []
    if not BIB_CORPUS.is_dir():
        return out
    for path in sorted(BIB_CORPUS.glob("*.bib")):
        try:
            library = bibtex.read(path.read_bytes(), str(path))
        except Exception:       # a corpus file this reader refuses: the others still serve
            continue
        for ref in library.references:
            if ref.get("title") and ref.type != "document":
                out.append(ref)
    return out


# ------------------------------------------------------------------ perturbation

_PERTURB = [
    ("dash_en", lambda t, r: t.replace(". — ", ". – ")),
    ("dash_hyphen", lambda t, r: t.replace(". — ", ". - ")),
    ("dash_tight", lambda t, r: t.replace(". — ", ".— ")),
    ("no_dashes", lambda t, r: t.replace(". — ", ". ")),            # DSTU 8302 / plain
    ("slashes_tight", lambda t, r: t.replace(" // ", "// ") if r.random() < 0.5 else t.replace(" // ", "//")),
    ("compact", lambda t, r: re.sub(r"\.\s[—–]\s", ".-", t)),
    ("latin_c", lambda t, r: re.sub(r"(?<=\s)С\.(?=\s?\d)", "C.", t)),
    ("imprint_comma", lambda t, r: re.sub(r"(\b[МЛК]|СПб|Київ|Алматы|Москва)\.?\s:\s", r"\1., ", t)),
    ("no_space_initials", lambda t, r: re.sub(r"(?<=\b[А-ЯA-Z]\.)\s(?=[А-ЯA-Z]\.)", "", t)),
    ("pages_word", lambda t, r: re.sub(r"\bС\. (\d)", r"с. \1", t)),
    ("drop_tail", lambda t, r: re.sub(r"\s*[.–—-]+\s*\d+\s*(?:с|p|pp|S)\.\s*$", ".", t)),
    ("lower_dots", lambda t, r: t.replace(" : ", ": ")),
    ("uk_etal", lambda t, r: t.replace("[и др.]", "та ін.").replace("под ред.", "за ред.")),
    ("area_period", lambda t, r: re.sub(r"\.\s[—–]\s(?=[А-ЯA-Z])", ". ", t)),
    ("no_space_after_dot", lambda t, r: re.sub(r"(?<=[а-я]\.)\s(?=[А-Я][а-я])", "", t, count=1)),
    ("role_words", lambda t, r: re.sub(r"под (?:общей )?ред(?:акцией|\.)", r.choice(
        ["под ред.", "под общ. ред.", "отв. ред.", "сост.", "редкол.:", "за ред.", "за заг. ред.", "упоряд.",
         "жалпы ред.", "науч. ред.", "гл. ред.", "под редакцией", "за загальною редакцією", "склад."]), t)),
    ("no_host_slashes", lambda t, r: t.replace(" // ", ". ")),   # DSTU 8302 and plain lists: no "//"
    # shapes real lists have that no style renders (wave 3's work part): an imprint with the
    # publisher and no place ("– Packt Publishing – 2016."), a volume without its "Т."/"Vol."
    # ("// Sci. Sinica. 1966. 15. P. 749"), "N 2" and "№. 3" for the issue, the Kazakh "3-том",
    # APA's "(n.d.)" where the year would be
    ("no_place", lambda t, r: _NO_PLACE.sub(lambda m: m.group("pub") + r.choice([", ", ". – ", " – "]) + m.group("year"),
                                             t, count=1)),
    ("bare_volume", lambda t, r: re.sub(r"((?:1[5-9]\d\d|20\d\d)[.,]\s(?:[—–]\s)?)(?:Т\.|Vol\.|vol\.)\s?(?=\d+[.,]\s)",
                                        r"\1", t, count=1)),
    ("issue_marks", lambda t, r: re.sub(r"(?:№|No\.)\s?(?=\d)", r.choice(["N ", "№. ", "№", "N"]), t, count=1)),
    ("kk_volume", lambda t, r: re.sub(r"\.\s[—–]\sТ\.\s(\d+)\.", r", \1-том.", t, count=1)),
    ("no_date", lambda t, r: re.sub(rf"\((?:1[5-9]\d\d|20\d\d)\)\.", "(n.d.).", t, count=1)),
    ("page_extras", lambda t, r: re.sub(r"(?<=[–—-] )(\d+) с\.", lambda m: m.group(1) + r.choice(
        [", [1] с.", ", [2] с. : ил.", " с. : ил.", " с. ; 21 см.", ", [4] с., [8] л. ил.", " с., ил.", " c."]), t, count=1)),
]


#: "— Москва : Наука, 2015" / "London: Routledge, 2010": place, publisher and year of an imprint.
_NO_PLACE = re.compile(r"(?<=[.–—-] )(?P<place>[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ][^\s:.,–—]{1,20}(?: [^\s:.,–—]{1,20})?)\s?:\s"
                       r"(?P<pub>[^:,.;]{2,60}?),\s(?P<year>(?:1[5-9]\d\d|20\d\d))")

#: Cities as older GOST lists abbreviate them in the imprint ("М. : Наука", "СПб., 2001"); the
#: record keeps the full name, which ``align`` finds through its abbreviations.
_CITY_ABBREVIATIONS = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ленинград": "Л.", "Киев": "К.", "Минск": "Мн.",
                       "Ростов-на-Дону": "Ростов н/Д", "Нижний Новгород": "Н. Новгород", "Харьков": "Х."}
_CITY_IN_IMPRINT = re.compile(r"(?<=[.–—-] )(" + "|".join(map(re.escape, _CITY_ABBREVIATIONS)) + r")(?=\s?[:,])")


def perturb(text: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        text = _CITY_IN_IMPRINT.sub(lambda m: _CITY_ABBREVIATIONS[m.group(1)], text)
    for _, change in _PERTURB:
        if rng.random() < 0.12:
            text = change(text, rng)
    return text


def _romanized_extras(text: str, item: dict, rng: random.Random) -> str:
    """What References sections add to a romanized record: the title's English translation in
    brackets after it, and the original's language at the end."""
    title = item.get("title")
    if isinstance(title, str) and title in text and rng.random() < 0.5:
        english = _title(rng, "en")
        text = text.replace(title, f"{title} [{english}]", 1)
    if rng.random() < 0.4:
        text = text.rstrip() + rng.choice([" (In Russ.)", " (In Russian)", " [in Russian]", " (in Russian)."])
    return text


def _romanized(refs: list[Reference]) -> list[Reference]:
    """Russian records in romanized form, for the References style (rendered as they are)."""
    from ..translit.record import romanize_reference
    out = []
    for ref in refs:
        try:
            out.append(romanize_reference(ref, "bgn-pcgn"))
        except Exception:       # a record the romanizer cannot take is left out of this style
            continue
    return out


def _plain(item: dict) -> dict:
    """A record's strings without the markup its fields may carry (``<span class="nocase">``):
    the rendered text has none, so the words must be found without it."""
    return {k: re.sub(r"<[^>]+>", "", v) if isinstance(v, str) else v for k, v in item.items()}


def references(count: int = DEFAULT_COUNT, seed: int = SEED) -> Iterator[tuple[str, dict]]:
    """``count`` (text, gold CSL-JSON item) pairs, the same ones for the same arguments."""
    from ..formats.csljson import reference_to_item
    from ..render.api import render
    rng = random.Random(seed)
    corpus = corpus_records()
    langs = ["ru", "ru", "ru", "uk", "uk", "kk", "kk", "en"]
    made = 0
    batch = 200
    index = 0
    while made < count:
        if rng.random() < TEMPLATED_SHARE:
            for _ in range(batch // 4):
                text, gold = templated(rng)
                yield perturb(text, rng), gold
                made += 1
                if made >= count:
                    return
            continue
        style = rng.choices(STYLES + ["references"], STYLE_WEIGHTS + [2])[0]
        locale = None
        if style in ("apa", "mla", "vancouver", "chicago", "harvard") and rng.random() < 0.3:
            locale = "ru-RU"          # journal sites' exports of Russian/Kazakh articles: "и", "т.", "вып."
        records = []
        for _ in range(batch):
            index += 1
            if corpus and rng.random() < 0.2:
                ref = rng.choice(corpus).copy()
                ref.id = f"c{index}"
            else:
                ref = generated(rng, rng.choice(langs if style != "references" else ["ru"]), index)
            records.append(ref)
        if style == "references":
            records = _romanized([r for r in records if r.get("language") == "ru"] or records)
        try:
            rendered = render(records, style, sort="input", script="original", locale=locale)
        except Exception:        # a style that cannot take this batch: the next batch is another
            continue
        by_id = {r.id: r for r in records}
        for entry, text in zip(rendered.entries, rendered.strings()):
            ref = by_id.get(entry.id)
            if ref is None:
                continue
            item = _plain(reference_to_item(ref))
            text = " ".join(re.sub(r"<[^>]+>", "", text).split())
            if style == "references":
                text = _romanized_extras(text, item, rng)
            title = item.get("title")
            if isinstance(title, str) and len(title) > 12 and title in text and rng.random() < 0.05:
                text = text.replace(title, title.upper(), 1)     # journals' exports print titles in capitals
            text = perturb(text, rng)
            yield text, item
            made += 1
            if made >= count:
                return
