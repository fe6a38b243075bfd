"""Hand-written CSL-JSON records for the second differential set: the edge cases users
have and the first set lacked (issue #15).  Each group is a class of input, several
records wide, so a fix for one record does not pass for the class.

Used by ``make_second_items.py``; data, not tests.
"""
from __future__ import annotations


def _n(family, given=None, **extra):
    name = {"family": family}
    if given:
        name["given"] = given
    name.update(extra)
    return name


def _d(*parts):
    return {"date-parts": [list(p) if isinstance(p, (list, tuple)) else [p] for p in parts]}


def _article(id_, authors, title, journal, year, volume=None, issue=None, page=None, lang="en", **extra):
    item = {"id": id_, "type": "article-journal", "author": authors, "title": title,
            "container-title": journal, "issued": year if isinstance(year, dict) else _d(year),
            "language": lang}
    if volume:
        item["volume"] = volume
    if issue:
        item["issue"] = issue
    if page:
        item["page"] = page
    item.update(extra)
    return item


def _book(id_, authors, title, place, publisher, year, lang="en", **extra):
    item = {"id": id_, "type": "book", "author": authors, "title": title, "publisher-place": place,
            "publisher": publisher, "issued": year if isinstance(year, dict) else _d(year),
            "language": lang}
    item.update(extra)
    return item


def _chapter(id_, authors, title, book, editors, place, publisher, year, page, lang="en", **extra):
    item = {"id": id_, "type": "chapter", "author": authors, "title": title,
            "container-title": book, "publisher-place": place, "publisher": publisher,
            "issued": year if isinstance(year, dict) else _d(year), "page": page, "language": lang}
    if editors:
        item["editor"] = editors
    item.update(extra)
    return item


def quotes():
    return [
        _article("q:new-economics", [_n("Miller", "Sarah J.")], 'The "new" economics of attention',
                 "Journal of Media Studies", 2017, "12", "3", "45-67"),
        _article("q:so-called", [_n("Okafor", "Chidi"), _n("Lee", "Anna")],
                 'Beyond the so-called "replication crisis": A reply', "Psychological Review", 2019,
                 "126", "2", "301-309"),
        _book("q:book-quoted", [_n("Harrington", "Paul")], 'Why "good enough" is not: Essays on design',
              "Boston", "Beacon Press", 2012),
        _chapter("q:chapter-quoted", [_n("Nakamura", "Ken")], 'Reading "Moby-Dick" today',
                 "American Classics Revisited", [_n("Stone", "Ellen")], "New York", "Norton", 2008,
                 "112-130"),
        _article("q:ru-quotes", [_n("Иванов", "Пётр Сергеевич")], 'О так называемом "эффекте наблюдателя"',
                 "Вопросы философии", 2015, None, "4", "33-41", lang="ru"),
        _book("q:ru-book-quotes", [_n("Соколова", "Анна Викторовна")], 'Проект "Город": история и практика',
              "М.", "Наука", 2011, lang="ru", **{"number-of-pages": "288"}),
        _article("q:ru-journal-quotes", [_n("Петров", "Иван")], "Модели роста кристаллов",
                 'Журнал "Физика твёрдого тела"', 2020, "62", "5", "700-712", lang="ru"),
        _article("q:nested", [_n("Gray", "Martin")], 'A note on "the \'real\' world" in physics',
                 "Foundations of Physics", 2004, "34", "1", "1-9"),
        {"id": "q:report-quoted", "type": "report", "author": [{"literal": "World Bank"}],
         "title": 'The "missing middle" in firm growth', "publisher": "World Bank",
         "publisher-place": "Washington, DC", "issued": _d(2021), "number": "WPS 9521", "language": "en"},
        {"id": "q:web-quoted", "type": "webpage", "author": [_n("Doe", "Jane")],
         "title": 'What "open access" means for authors', "container-title": "Scholarly Kitchen",
         "URL": "https://example.org/oa", "issued": _d([2022, 3, 14]), "accessed": _d([2023, 1, 5]),
         "language": "en"},
        _article("q:uk-quotes", [_n("Коваленко", "Олена")], 'Поняття "громада" в сучасному праві',
                 "Право України", 2018, None, "7", "55-63", lang="uk"),
        _article("q:end-quote", [_n("Baker", "Tom")], 'On the word "freedom"', "Mind", 1999, "108",
                 "430", "201-220"),
    ]


def hyphenated_names():
    eds = [_n("Wolf", "Hanna")]
    return [
        _chapter("h:container-author", [_n("Darwin", "Charles")], "On the tendency of species",
                 "Collected Papers of Charles Darwin", None, "Chicago", "University of Chicago Press",
                 1977, "1-19", **{"container-author": [_n("Darwin", "Charles")],
                                  "editor": [_n("Barrett", "Paul H.")]}),
        _chapter("h:container-author2", [_n("Weber", "Max")], "Science as a vocation",
                 "From Max Weber: Essays in Sociology", None, "New York", "Oxford University Press",
                 1946, "129-156", **{"container-author": [_n("Weber", "Max")],
                                     "translator": [_n("Gerth", "H. H."), _n("Mills", "C. Wright")]}),
        _chapter("h:container-author-ru", [_n("Толстой", "Лев Николаевич")], "Севастопольские рассказы",
                 "Полное собрание сочинений", None, "М.", "Художественная литература", 1935,
                 "3-124", lang="ru", **{"container-author": [_n("Толстой", "Лев Николаевич")],
                                        "volume": "4"}),
        _book("h:collection-editor", [_n("Knuth", "Donald E.")], "Selected Papers on Analysis of Algorithms",
              "Stanford", "CSLI", 2000, **{"collection-editor": [_n("Fox", "Ada")],
                                            "collection-title": "CSLI Lecture Notes", "collection-number": "102"}),
        _book("h:original-author", [_n("Homer")], "The Odyssey", "London", "Penguin", 2003,
              **{"translator": [_n("Rieu", "E. V.")], "original-date": _d(1946)}),
        {"id": "h:reviewed-author", "type": "review-book", "author": [_n("Kakutani", "Michiko")],
         "title": "A world of ideas", "reviewed-author": [_n("Pinker", "Steven")],
         "reviewed-title": "Enlightenment Now", "container-title": "The New York Times",
         "issued": _d([2018, 2, 13]), "language": "en"},
        _chapter("h:editorial-director", [_n("Ross", "Alex")], "Noise and silence", "Music Now",
                 eds, "London", "Faber", 2010, "55-80",
                 **{"editorial-director": [_n("Banks", "Iain")]}),
        _book("h:container-author-book", [_n("Pushkin", "Alexander")], "Eugene Onegin", "Princeton",
              "Princeton University Press", 1990, **{"translator": [_n("Nabokov", "Vladimir")],
                                                     "edition": "2"}),
        _chapter("h:container-author-apa", [_n("Freud", "Sigmund")], "The interpretation of dreams",
                 "The Standard Edition of the Complete Psychological Works", None, "London",
                 "Hogarth Press", 1953, "1-338", **{"container-author": [_n("Freud", "Sigmund")],
                                                    "editor": [_n("Strachey", "James")], "volume": "4"}),
    ]


def date_ranges():
    return [
        _article("dr:months", [_n("Garcia", "Luis")], "Seasonal variation in river flow",
                 "Hydrology Letters", _d([2019, 1], [2019, 3]), "8", "1", "12-20"),
        _article("dr:months2", [_n("Kim", "Soo-Jin"), _n("Park", "Min")], "Winter sleep patterns",
                 "Sleep Research", _d([2020, 11], [2020, 12]), "41", "6", "501-510"),
        {"id": "dr:conf-days", "type": "paper-conference", "author": [_n("Novak", "Petra")],
         "title": "Graph kernels at scale", "container-title": "Proceedings of the Graph Workshop",
         "event-title": "Graph Workshop", "event-place": "Prague", "publisher": "ACM",
         "publisher-place": "New York", "issued": _d([2018, 6, 4], [2018, 6, 8]), "page": "77-84",
         "language": "en"},
        _book("dr:years", [_n("Braudel", "Fernand")], "Civilization and Capitalism", "New York",
              "Harper & Row", _d(1981, 1984), **{"number-of-volumes": "3"}),
        _article("dr:ru-months", [_n("Смирнов", "Алексей")], "Зимние наблюдения",
                 "Метеорология и гидрология", _d([2016, 1], [2016, 2]), None, "1", "5-14", lang="ru"),
        _article("dr:years-journal", [_n("Ortiz", "Ana")], "Long-run inflation", "Economic History",
                 _d(2010, 2011), "5", None, "1-30"),
        {"id": "dr:thesis-range", "type": "thesis", "author": [_n("Hughes", "Ella")],
         "title": "Field notes on coastal erosion", "genre": "PhD thesis", "publisher": "University of Leeds",
         "publisher-place": "Leeds", "issued": _d([2014, 9], [2015, 6]), "language": "en"},
        _article("dr:months-ieee", [_n("Zhang", "Wei"), _n("Chen", "Li")], "Low-power radios",
                 "IEEE Transactions on Circuits", _d([2021, 4], [2021, 6]), "68", "2", "880-891"),
        _article("dr:seasons", [_n("Olsen", "Kari")], "Arctic light", "Nordic Review",
                 {"date-parts": [[2013]], "season": 1}, "9", "1", "3-17"),
        {"id": "dr:open-range", "type": "periodical", "title": "Вестник науки", "publisher": "Наука",
         "publisher-place": "М.", "issued": _d(1995, 2005), "language": "ru"},
        _article("dr:day-range", [_n("Brown", "Lucy")], "Election week coverage", "Daily Chronicle",
                 _d([2020, 11, 2], [2020, 11, 6]), None, None, "A1-A4"),
        _article("dr:cross-year", [_n("Ali", "Omar")], "Ramadan fasting and sleep", "Sleep Medicine",
                 _d([2023, 12], [2024, 1]), "101", None, "220-229"),
    ]


def cjk_names():
    return [
        _article("cjk:wang", [_n("王", "小明")], "深度学习在医学影像中的应用", "中国医学影像学杂志", 2020,
                 "28", "3", "161-165", lang="zh"),
        _article("cjk:li-zhang", [_n("李", "华"), _n("张", "伟")], "城市化与环境", "地理学报", 2018, "73",
                 "5", "820-834", lang="zh"),
        _book("cjk:yamada", [_n("山田", "太郎")], "日本語の文法", "東京", "岩波書店", 2005, lang="ja"),
        _article("cjk:sato-en", [_n("佐藤", "花子"), _n("Smith", "John")], "Cross-cultural memory",
                 "Memory Studies", 2016, "9", "2", "150-164"),
        _chapter("cjk:kana", [_n("すずき", "いちろう")], "ひらがなの歴史", "言語の歴史", [_n("田中", "一")],
                 "大阪", "和泉書院", 2011, "20-35", lang="ja"),
        _article("cjk:mixed-ru", [_n("Чжан", "Вэй"), _n("王", "芳")], "Сравнительная типология",
                 "Вопросы языкознания", 2019, None, "2", "40-58", lang="ru"),
        _book("cjk:korean", [_n("김", "민수")], "한국어 문법", "서울", "한국문화사", 2014, lang="ko"),
        _article("cjk:katakana", [_n("カタカナ", "タロウ")], "外来語の研究", "国語学", 1999, "50", "1",
                 "1-15", lang="ja"),
    ]


def page_ranges():
    return [
        _book("pg:roman-pref", [_n("Eliot", "T. S.")], "Selected Essays", "London", "Faber", 1932,
              page="iii-xv"),
        _chapter("pg:roman-chapter", [_n("Said", "Edward")], "Introduction", "Orientalism Reconsidered",
                 [_n("Barker", "Francis")], "Colchester", "University of Essex", 1985, "i-xii"),
        _article("pg:supplement", [_n("Rao", "Anil")], "Vitamin D and bone density",
                 "American Journal of Clinical Nutrition", 2009, "89", "6", "S12-S18"),
        _article("pg:supplement2", [_n("Fischer", "Lena"), _n("Brandt", "Karl")], "Supplementary trials",
                 "Lancet", 2015, "385", None, "S21-S29"),
        _article("pg:three-digit", [_n("Jones", "Mark")], "Trade and wages", "Quarterly Journal of Economics",
                 2003, "118", "2", "321-328"),
        _article("pg:four-digit", [_n("Ivanova", "Olga")], "Protein folding", "Nature", 2011, "470",
                 None, "1496-1504"),
        _article("pg:e-pages", [_n("Marsh", "Kay")], "Open data", "PLoS ONE", 2014, "9", "4",
                 "e93456"),
        _article("pg:ru-range", [_n("Кузнецов", "Олег")], "Теория графов", "Математический сборник",
                 2012, "203", "9", "107-134", lang="ru"),
        _article("pg:en-dash-in", [_n("Grant", "Lily")], "Memory traces", "Neuron", 2008, "58", "1",
                 "110–115"),
        _article("pg:single", [_n("Hale", "Tim")], "A one-page note", "Science", 2001, "291", None, "45"),
        _article("pg:comma-list", [_n("Ng", "Peter")], "Split article", "Cell", 2005, "120", "3",
                 "10-12, 15"),
        _article("pg:range-same-hundred", [_n("Stone", "Rick")], "Neighbouring pages",
                 "Journal of Physics", 1998, "31", "7", "1011-1019"),
    ]


def particles():
    return [
        _book("pa:dalembert", [_n("Alembert", "Jean le Rond", **{"non-dropping-particle": "d’"})],
              "Traité de dynamique", "Paris", "David", 1743, lang="fr"),
        _book("pa:dalembert-straight", [_n("Alembert", "Jean", **{"non-dropping-particle": "d'"})],
              "Discours préliminaire", "Paris", "Briasson", 1751, lang="fr"),
        _article("pa:van-gogh", [_n("Gogh", "Vincent", **{"non-dropping-particle": "van"})],
                 "Letters to Theo", "Art Quarterly", 1997, "3", None, "1-40"),
        _book("pa:von-neumann", [_n("Neumann", "John", **{"dropping-particle": "von"})],
              "Mathematical Foundations of Quantum Mechanics", "Princeton", "Princeton University Press", 1955),
        _book("pa:de-la-fontaine", [_n("Fontaine", "Jean", **{"non-dropping-particle": "de La"})],
              "Fables", "Paris", "Barbin", 1668, lang="fr"),
        _article("pa:obrien", [_n("O'Brien", "Flann")], "The poor mouth", "Irish Review", 1973, "2",
                 None, "5-9"),
        _article("pa:di-maggio", [_n("Maggio", "Paul", **{"non-dropping-particle": "Di"})],
                 "Culture and cognition", "Annual Review of Sociology", 1997, "23", None, "263-287"),
        _book("pa:van-der-waals", [_n("Waals", "Johannes Diderik", **{"non-dropping-particle": "van der"})],
              "On the Continuity of the Gaseous and Liquid States", "Leiden", "Sijthoff", 1873),
        _article("pa:dell", [_n("Acqua", "Marco", **{"non-dropping-particle": "dell’"})],
                 "Forme urbane", "Rivista di Architettura", 2010, "15", "2", "33-47", lang="it"),
        _article("pa:le-goff", [_n("Goff", "Jacques", **{"non-dropping-particle": "Le"})],
                 "Time of the Church", "Annales", 1960, "15", "3", "417-433", lang="fr"),
        _article("pa:van-gogh2", [_n("Gogh", "Vincent", **{"non-dropping-particle": "van"})],
                 "Sketches", "Art Quarterly", 1990, "1", None, "10-12"),
        _article("pa:gogh-plain", [_n("Goes", "Hugo", **{"non-dropping-particle": "van der"})],
                 "Altarpieces", "Burlington Magazine", 1985, "127", None, "100-110"),
    ]


def sorting():
    return [
        _article("so:smith-year", [_n("Smith", "Adam")], "Markets and morals", "Ethics", 2018, "128",
                 "2", "1-20"),
        _article("so:smith-full", [_n("Smith", "Adam")], "Trade in the long run", "Ethics",
                 _d([2018, 5, 3]), "128", "3", "30-50"),
        _article("so:smith-month", [_n("Smith", "Adam")], "Another essay", "Ethics", _d([2018, 2]),
                 "128", "1", "51-60"),
        _article("so:smith-nodate", [_n("Smith", "Adam")], "Undated draft", "Ethics", _d(2020), "130",
                 None, "1-5"),
        {"id": "so:nd", "type": "manuscript", "author": [_n("Smith", "Adam")], "title": "Notes on value",
         "language": "en"},
        {"id": "so:in-press", "type": "article-journal", "author": [_n("Smith", "Adam")],
         "title": "Forthcoming work", "container-title": "Ethics", "status": "in press", "language": "en"},
    ]


def ukrainian():
    return [
        _book("uk:book", [_n("Шевченко", "Тарас Григорович")], "Кобзар", "Київ", "Дніпро", 1985,
              lang="uk", **{"number-of-pages": "736"}),
        _book("uk:book-ed", [_n("Франко", "Іван")], "Вибрані твори", "Львів", "Каменяр", 2006,
              lang="uk", editor=[_n("Гнатюк", "Михайло")], **{"number-of-pages": "512"}),
        _article("uk:article", [_n("Грушевський", "Михайло")], "Історія України-Руси",
                 "Український історичний журнал", 1991, None, "3", "44-78", lang="uk"),
        _chapter("uk:chapter", [_n("Костенко", "Ліна")], "Маруся Чурай", "Антологія української поезії",
                 [_n("Павличко", "Дмитро")], "Київ", "Основи", 1999, "101-150", lang="uk"),
        _book("uk:book-2ed", [_n("Бондаренко", "Віктор")], "Основи економіки", "Харків", "Фоліо", 2015,
              lang="uk", edition="2", **{"number-of-pages": "320"}),
        _article("uk:article2", [_n("Ткаченко", "Наталія"), _n("Литвин", "Олег")],
                 "Сучасні методи аналізу даних", "Вісник Київського університету", 2020, "12", "2",
                 "15-22", lang="uk"),
        {"id": "uk:thesis", "type": "thesis", "author": [_n("Мельник", "Андрій")],
         "title": "Моделювання фінансових ринків", "genre": "дис. … канд. екон. наук",
         "publisher": "КНУ", "publisher-place": "Київ", "issued": _d(2017), "number-of-pages": "210",
         "language": "uk"},
        _book("uk:book-trans", [_n("Оруелл", "Джордж")], "Колгосп тварин", "Київ", "Видавництво Жупанського",
              2014, lang="uk", translator=[_n("Шевчук", "Юрій")], **{"number-of-pages": "128"}),
        _book("uk:book-vol", [_n("Українка", "Леся")], "Зібрання творів", "Київ", "Наукова думка", 1975,
              lang="uk", volume="3", **{"number-of-pages": "400"}),
        _article("uk:article3", [_n("Сидоренко", "Ірина")], "Мовна політика", "Мовознавство", 2008,
                 None, "4-5", "60-71", lang="uk"),
        _chapter("uk:chapter-eds", [_n("Дзюба", "Іван")], "Інтернаціоналізм чи русифікація?",
                 "Українська думка", [_n("Жулинський", "Микола"), _n("Дончик", "Віталій")], "Київ",
                 "Либідь", 1998, "5-40", lang="uk"),
        _book("uk:book-many", [_n("Петренко", "Олег"), _n("Іваненко", "Марія"), _n("Коваль", "Степан"),
                                _n("Гончар", "Ірина")], "Математичний аналіз", "Одеса", "Астропринт", 2010,
              lang="uk", **{"number-of-pages": "450"}),
    ]


def zotero_notes():
    return [
        _book("zn:original-date", [_n("Einstein", "Albert")], "Relativity: The Special and General Theory",
              "New York", "Henry Holt", 1920, note="original-date: 1916"),
        _book("zn:id-line", [_n("Dewey", "John")], "Democracy and Education", "New York", "Macmillan",
              1916, note="ID: 12345\nType: book"),
        _article("zn:doi-note", [_n("Watson", "James D."), _n("Crick", "Francis")],
                 "Molecular structure of nucleic acids", "Nature", 1953, "171", "4356", "737-738",
                 note="DOI: 10.1038/171737a0"),
        _book("zn:place", [_n("Kuhn", "Thomas S.")], "The Structure of Scientific Revolutions", "", 
              "University of Chicago Press", 1962, note="publisher-place: Chicago"),
        _book("zn:original-title", [_n("Freud", "Sigmund")], "Civilization and Its Discontents",
              "New York", "Norton", 1961, note="original-date: 1930\noriginal-title: Das Unbehagen in der Kultur"),
        _article("zn:plain-note", [_n("Harlow", "Harry")], "The nature of love", "American Psychologist",
                 1958, "13", "12", "673-685", note="Presidential address"),
        _book("zn:ru-note", [_n("Бахтин", "Михаил")], "Проблемы поэтики Достоевского", "М.",
              "Советский писатель", 1963, lang="ru", note="original-date: 1929"),
        _article("zn:mixed-note", [_n("Simon", "Herbert A.")], "A behavioral model of rational choice",
                 "Quarterly Journal of Economics", 1955, "69", "1", "99-118",
                 note="Reprinted in his Models of Man\nPMID: 123456"),
    ]


def english_in_russian():
    return [
        _article("er:vestnik", [_n("Kulyabov", "Dmitry S."), _n("Korolkova", "Anna V.")],
                 "Computer algebra in physics", "Вестник РУДН. Серия: Математика. Информатика. Физика",
                 2014, "7", "2", "108-115"),
        _article("er:zhetf", [_n("Smirnov", "Alexey")], "Spin waves in thin films",
                 "Журнал экспериментальной и теоретической физики", 2010, "137", "4", "700-712"),
        _article("er:programming", [_n("Gevorkyan", "Migran N.")], "Stochastic Runge-Kutta methods",
                 "Программирование", 2018, None, "3", "31-40"),
        _article("er:en-journal-ru", [_n("Петров", "Иван"), _n("Сидоров", "Сергей")], "Квантовые точки",
                 "Physical Review B", 2015, "91", "12", "125301", lang="ru"),
        _chapter("er:chapter-ru-book", [_n("Brown", "Robert")], "Markov models", "Труды конференции ИТТМ",
                 [_n("Иванов", "И. И.")], "М.", "РУДН", 2019, "55-60"),
        _article("er:uspekhi", [_n("Arnold", "Vladimir I.")], "Small denominators",
                 "Успехи математических наук", 1963, "18", "6", "91-192"),
    ]


def common_types():
    many = [_n(f, g) for f, g in [("Adams", "Amy"), ("Baker", "Ben"), ("Clark", "Cara"), ("Davis", "Dan"),
                                  ("Evans", "Eve"), ("Ford", "Fay"), ("Green", "Gus"), ("Hill", "Hal"),
                                  ("Irwin", "Ida"), ("Jones", "Jay"), ("King", "Kim"), ("Lopez", "Lia"),
                                  ("Moore", "Max"), ("Nash", "Ned"), ("Owen", "Ola"), ("Price", "Pat"),
                                  ("Quinn", "Quin"), ("Reed", "Ray"), ("Shaw", "Sue"), ("Todd", "Tom"),
                                  ("Upton", "Una"), ("Vance", "Val")]]
    return [
        _article("ct:22-authors", many, "A large collaboration", "Physical Review Letters", 2016, "116",
                 "6", "061102"),
        _article("ct:8-authors", many[:8], "Eight authors", "Science", 2012, "338", None, "100-104"),
        _article("ct:corporate", [{"literal": "WHO Study Group"}], "Diet and chronic disease",
                 "Technical Report Series", 2003, "916", None, "1-149"),
        _book("ct:edited-book", [], "Handbook of Survey Methods", "Thousand Oaks", "Sage", 2018,
              editor=[_n("Ward", "Nora"), _n("Yates", "Owen")]),
        _book("ct:edition", [_n("Strunk", "William"), _n("White", "E. B.")], "The Elements of Style",
              "Boston", "Allyn & Bacon", 2000, edition="4"),
        _book("ct:ru-edition", [_n("Фихтенгольц", "Григорий Михайлович")],
              "Курс дифференциального и интегрального исчисления", "М.", "Физматлит", 2003, lang="ru",
              edition="8", volume="1", **{"number-of-pages": "680"}),
        {"id": "ct:thesis-ru", "type": "thesis", "author": [_n("Андреев", "Сергей Павлович")],
         "title": "Методы оптимизации сетей", "genre": "дис. … канд. техн. наук",
         "publisher": "МГУ", "publisher-place": "М.", "issued": _d(2012), "number-of-pages": "156",
         "language": "ru"},
        {"id": "ct:report-number", "type": "report", "author": [_n("Hansen", "Erik")],
         "title": "Cost of delay in public works", "publisher": "RAND Corporation",
         "publisher-place": "Santa Monica", "collection-title": "RAND Reports", "number": "RR-1234",
         "issued": _d(2019), "language": "en"},
        {"id": "ct:web-ru", "type": "webpage", "title": "Правила оформления списков литературы",
         "container-title": "Российская государственная библиотека", "URL": "https://www.rsl.ru/ru/",
         "accessed": _d([2023, 4, 2]), "language": "ru"},
        {"id": "ct:dataset", "type": "dataset", "author": [_n("Kaur", "Simran")],
         "title": "Monsoon rainfall records 1901-2020", "publisher": "Zenodo", "DOI": "10.5281/zenodo.1234567",
         "issued": _d(2021), "version": "2.1", "language": "en"},
        {"id": "ct:software", "type": "software", "author": [_n("Rossum", "Guido", **{"non-dropping-particle": "van"})],
         "title": "Python", "version": "3.12", "publisher": "Python Software Foundation",
         "URL": "https://www.python.org", "issued": _d(2023), "language": "en"},
        {"id": "ct:newspaper", "type": "article-newspaper", "author": [_n("Ellis", "Ruth")],
         "title": "City council votes on budget", "container-title": "The Guardian",
         "issued": _d([2021, 7, 9]), "page": "12", "language": "en"},
        {"id": "ct:magazine", "type": "article-magazine", "author": [_n("Gladwell", "Malcolm")],
         "title": "The tipping point", "container-title": "The New Yorker",
         "issued": _d([1996, 6, 3]), "page": "32-38", "volume": "72", "language": "en"},
        {"id": "ct:conf-ru", "type": "paper-conference", "author": [_n("Орлов", "Дмитрий")],
         "title": "Нейронные сети для прогноза", "container-title": "Материалы конференции ИТ-2020",
         "publisher": "Изд-во СПбГУ", "publisher-place": "СПб.", "issued": _d(2020), "page": "12-15",
         "language": "ru"},
        {"id": "ct:patent-en", "type": "patent", "author": [_n("Edison", "Thomas A.")],
         "title": "Electric lamp", "number": "US 223898", "issued": _d([1880, 1, 27]), "language": "en"},
        {"id": "ct:doi-article", "type": "article-journal", "author": [_n("Lovelace", "Ada")],
         "title": "Notes on the analytical engine", "container-title": "Scientific Memoirs",
         "volume": "3", "page": "666-731", "issued": _d(1843), "DOI": "10.1000/xyz123", "language": "en"},
        {"id": "ct:no-author", "type": "book", "title": "The Chicago Manual of Style",
         "edition": "17", "publisher": "University of Chicago Press", "publisher-place": "Chicago",
         "issued": _d(2017), "language": "en"},
        {"id": "ct:ru-no-author", "type": "book", "title": "Большая российская энциклопедия",
         "volume": "5", "publisher": "БРЭ", "publisher-place": "М.", "issued": _d(2006),
         "number-of-pages": "783", "language": "ru"},
        {"id": "ct:encyclopedia", "type": "entry-encyclopedia", "author": [_n("Searle", "John")],
         "title": "Intentionality", "container-title": "Routledge Encyclopedia of Philosophy",
         "publisher": "Routledge", "publisher-place": "London", "issued": _d(1998), "volume": "4",
         "page": "816-821", "language": "en"},
        {"id": "ct:ru-article-many", "type": "article-journal",
         "author": [_n("Иванов", "А. А."), _n("Петров", "Б. Б."), _n("Сидоров", "В. В."), _n("Козлов", "Г. Г."),
                    _n("Новиков", "Д. Д.")], "title": "Коллективная работа",
         "container-title": "Доклады Академии наук", "volume": "450", "issue": "3", "page": "270-275",
         "issued": _d(2013), "language": "ru"},
    ]


def cases() -> list[dict]:
    """Every hand-written record, ids unique."""
    out = []
    for group in (quotes, hyphenated_names, date_ranges, cjk_names, page_ranges, particles, sorting,
                  ukrainian, zotero_notes, english_in_russian, common_types):
        out.extend(group())
    for item in out:
        item["id"] = "case:" + item["id"]
        if item.get("author") == []:
            del item["author"]
        if item.get("publisher-place") == "":
            del item["publisher-place"]
    ids = [item["id"] for item in out]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return out
