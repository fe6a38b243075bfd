"""Hand-written CSL-JSON records for the fifth differential set (issue #15): shapes users
have that no earlier set holds in numbers — theses and reports of every kind, chapters
with editors and translators, conference papers, patents, legal records, web pages with
accessed dates, data sets, software, multi-volume works, reprints, undated and
anonymous records, organisation authors, particles, author lists of twenty and more,
Russian, Ukrainian and Kazakh records, Chinese, Japanese and Korean ones, mixed scripts,
quotes and punctuation in titles, editions given as text, page ranges with letters,
months and seasons, circa and BC dates.  Each group is a class several records wide.

The record helpers are :mod:`third_cases`' (the same CSL-JSON spelling rules).  Used by
``make_fifth_items.py``; data, not tests.
"""
from __future__ import annotations

from third_cases import _d, _item, _lit, _n

PEOPLE = [_n(f, g) for f, g in [
    ("Adeyemi", "Folake"), ("Brennan", "Thomas J."), ("Castillo", "Rosa"), ("Dimitrov", "Georgi"),
    ("Engström", "Karin"), ("Fitzgerald", "Aoife"), ("Gonçalves", "Paulo"), ("Horváth", "Zsófia"),
    ("Iyer", "Anand"), ("Jankowski", "Marta"), ("Kim", "Soo-jin"), ("Lindqvist", "Erik"),
    ("Mbeki", "Thabo"), ("Novak", "Jana"), ("Okafor", "Chidi"), ("Pereira", "Ana Luísa"),
    ("Qureshi", "Imran"), ("Rahman", "Nusrat"), ("Svensson", "Björn"), ("Takahashi", "Haruto"),
    ("Uddin", "Kamal"), ("Virtanen", "Aino"), ("Wójcik", "Tomasz"), ("Xiao", "Lan"),
    ("Yilmaz", "Emre"), ("Zhou", "Jie"), ("Andersen", "Frida"), ("Baptiste", "Jean-Luc")]]


def theses():
    return [
        _item("th:phd", "thesis", author=[_n("Moreau", "Claire")],
              title="Bayesian models of language acquisition in bilingual children", genre="PhD thesis",
              publisher="University of Edinburgh", publisher_place="Edinburgh", issued=2018),
        _item("th:masters", "thesis", author=[_n("Okonkwo", "Ifeanyi")],
              title="Solar microgrids for rural clinics", genre="Master's thesis",
              publisher="Delft University of Technology", issued=2021,
              URL="http://resolver.tudelft.nl/uuid:1234"),
        _item("th:doctoral-dissertation", "thesis", author=[_n("Halvorsen", "Ingrid")],
              title="Sea ice and the Atlantic meridional overturning circulation",
              genre="Doctoral dissertation", publisher="University of Bergen", publisher_place="Bergen",
              issued=2016, number_of_pages="214"),
        _item("th:no-genre", "thesis", author=[_n("Petrov", "Nikolai")], title="Topological insulators",
              publisher="ETH Zürich", issued=2012, DOI="10.3929/ethz-a-009876543"),
        _item("th:ru-kand", "thesis", lang="ru", author=[_n("Соколова", "Елена Викторовна")],
              title="Лексика городского просторечия: дис. … канд. филол. наук",
              publisher="МГУ им. М. В. Ломоносова", publisher_place="М.", issued=2009, number_of_pages="198"),
        _item("th:uk-avtoref", "thesis", lang="uk", author=[_n("Шевчук", "Олег Петрович")],
              title="Економічна безпека підприємств", genre="автореф. дис. … канд. екон. наук",
              publisher="КНЕУ", publisher_place="Київ", issued=2015, number_of_pages="20"),
        _item("th:bachelor-proquest", "thesis", author=[_n("Rivera", "Daniel")],
              title="Predicting hospital readmission with gradient boosting", genre="Bachelor's thesis",
              publisher="Harvard University", archive="ProQuest Dissertations and Theses",
              number="28413945", issued=2020),
        _item("th:habilitation", "thesis", author=[_n("Weber", "Matthias")], lang="de",
              title="Studien zur Rechtsgeschichte des Mittelalters", genre="Habilitationsschrift",
              publisher="Universität Heidelberg", publisher_place="Heidelberg", issued=2004),
    ]


def reports():
    return [
        _item("rep:numbered", "report", author=[_n("Lee", "Min-ho"), _n("Carter", "Jessica")],
              title="Evaluation of low-cost air quality sensors", genre="Technical Report",
              number="NREL/TP-5400-81234", publisher="National Renewable Energy Laboratory",
              publisher_place="Golden, CO", issued=_d([2022, 3])),
        _item("rep:working-paper", "report", author=[_n("Acemoglu", "Daron"), _n("Restrepo", "Pascual")],
              title="Robots and jobs: Evidence from US labor markets", genre="Working Paper",
              collection_title="NBER Working Paper Series", number="23285",
              publisher="National Bureau of Economic Research", publisher_place="Cambridge, MA",
              issued=_d([2017, 3]), DOI="10.3386/w23285"),
        _item("rep:org-no-place", "report", author=[_lit("International Energy Agency")],
              title="World Energy Outlook 2022", publisher="IEA", issued=2022,
              URL="https://www.iea.org/reports/world-energy-outlook-2022", accessed=_d([2023, 5, 14])),
        _item("rep:gov", "report", author=[_lit("U.S. Government Accountability Office")],
              title="Cybersecurity: Federal agencies need to implement recommendations", number="GAO-23-105084",
              publisher="GAO", publisher_place="Washington, DC", issued=_d([2023, 1, 31])),
        _item("rep:no-author", "report", title="Annual report 2019–2020", publisher="British Library",
              publisher_place="London", issued=2020),
        _item("rep:series-editor", "report", editor=[_n("Grant", "Moira")],
              title="Flood risk in European cities", collection_title="EEA Report", number="12/2019",
              publisher="European Environment Agency", publisher_place="Copenhagen", issued=2019),
        _item("rep:ru", "report", lang="ru", author=[_n("Иванов", "П. С."), _n("Орлова", "Т. А.")],
              title="Отчёт о научно-исследовательской работе «Мониторинг почв»",
              genre="отчёт о НИР", number="01201354321", publisher="ИПА РАН", publisher_place="Пущино",
              issued=2014, number_of_pages="86"),
        _item("rep:white-paper", "report", author=[_lit("Mozilla Foundation")],
              title="Internet Health Report", genre="White paper", issued=2019,
              URL="https://internethealthreport.org/2019/"),
    ]


def chapters():
    return [
        _item("ch:ed-tr", "chapter", author=[_n("Bourdieu", "Pierre")], title="The forms of capital",
              container_title="Handbook of Theory and Research for the Sociology of Education",
              editor=[_n("Richardson", "John G.")], translator=[_n("Nice", "Richard")],
              publisher="Greenwood", publisher_place="New York", issued=1986, page="241-258"),
        _item("ch:two-ed-two-tr", "chapter", author=[_n("Foucault", "Michel")], title="What is an author?",
              container_title="Language, Counter-Memory, Practice",
              editor=[_n("Bouchard", "Donald F.")],
              translator=[_n("Bouchard", "Donald F."), _n("Simon", "Sherry")],
              publisher="Cornell University Press", publisher_place="Ithaca, NY", issued=1977,
              page="113-138"),
        _item("ch:container-author", "chapter", author=[_n("Woolf", "Virginia")], title="Modern fiction",
              container_author=[_n("Woolf", "Virginia")], container_title="The Common Reader",
              editor=[_n("McNeillie", "Andrew")], publisher="Harcourt", publisher_place="San Diego",
              issued=1984, page="146-154"),
        _item("ch:multivolume", "chapter", author=[_n("Hobsbawm", "Eric")],
              title="The crisis of the seventeenth century", container_title="The Cambridge Economic History",
              editor=[_n("Postan", "M. M."), _n("Rich", "E. E.")], volume="4", number_of_volumes="8",
              publisher="Cambridge University Press", publisher_place="Cambridge", issued=1967,
              page="5-58"),
        _item("ch:series", "chapter", author=[_n("Knight", "Frank H.")], title="Risk and uncertainty",
              container_title="Essays in Economic Theory", editor=PEOPLE[0:3],
              collection_title="Lecture Notes in Economics", collection_number="42",
              publisher="Springer", publisher_place="Berlin", issued=2008, page="77-101"),
        _item("ch:no-editor", "chapter", author=[_n("Said", "Edward W.")],
              title="Introduction", container_title="Orientalism", publisher="Pantheon",
              publisher_place="New York", issued=1978, page="1-28"),
        _item("ch:ru-sbornik", "chapter", lang="ru", author=[_n("Лотман", "Юрий Михайлович")],
              title="О семиосфере", container_title="Избранные статьи",
              editor=[_n("Успенский", "Б. А.")], volume="1", publisher="Александра",
              publisher_place="Таллинн", issued=1992, page="11-24"),
        _item("ch:editor-only-book", "chapter", author=[_n("Ricoeur", "Paul")], title="Narrative time",
              container_title="On Narrative", editor=[_n("Mitchell", "W. J. T.")],
              translator=[_n("McLaughlin", "Kathleen")], publisher="University of Chicago Press",
              publisher_place="Chicago", issued=1981, page="165-186", edition="2nd"),
    ]


def conferences():
    return [
        _item("cf:full", "paper-conference", author=[_n("Vaswani", "Ashish"), _n("Shazeer", "Noam")],
              title="Attention is all you need",
              container_title="Advances in Neural Information Processing Systems 30",
              event_title="NIPS 2017", event_place="Long Beach, CA", event_date=_d([2017, 12, 4], [2017, 12, 9]),
              publisher="Curran Associates", publisher_place="Red Hook, NY", page="5998-6008", issued=2017),
        _item("cf:doi-only", "paper-conference", author=PEOPLE[4:7], title="Fast approximate joins on GPUs",
              container_title="Proceedings of the 2021 International Conference on Management of Data",
              publisher="ACM", publisher_place="New York", page="1123-1135", issued=_d([2021, 6]),
              DOI="10.1145/3448016.3457312"),
        _item("cf:event-only", "paper-conference", author=[_n("Nakamura", "Aiko")],
              title="Corpus evidence for vowel harmony loss", event_title="Annual Meeting of the LSA",
              event_place="Chicago", issued=_d([2019, 1, 5])),
        _item("cf:presentation", "speech", author=[_n("Ostrom", "Elinor")],
              title="Beyond markets and states", genre="Nobel Prize lecture", event_title="Nobel Lecture",
              event_place="Stockholm", issued=_d([2009, 12, 8])),
        _item("cf:poster", "speech", author=[_n("Bauer", "Lena"), _n("Kaur", "Simran")],
              title="Microplastics in alpine lakes", genre="Poster", event_title="EGU General Assembly 2022",
              event_place="Vienna", issued=_d([2022, 5, 23], [2022, 5, 27]), URL="https://doi.org/10.5194/egusphere-egu22-1234"),
        _item("cf:lncs", "paper-conference", author=[_n("Diffie", "Whitfield"), _n("Hellman", "Martin E.")],
              title="Privacy and authentication", container_title="Advances in Cryptology",
              collection_title="Lecture Notes in Computer Science", volume="1234",
              editor=[_n("Kaliski", "Burton S.")], publisher="Springer", publisher_place="Berlin",
              page="1-15", issued=1997),
        _item("cf:ru", "paper-conference", lang="ru", author=[_n("Кудрявцев", "В. Б.")],
              title="О функциональных системах", container_title="Материалы Международной конференции "
              "«Дискретная математика»", publisher="МГУ", publisher_place="М.", issued=2010, page="12-15"),
        _item("cf:volume-issue", "paper-conference", author=[_n("Smith", "Adrian"), _n("Jones", "Beth")],
              title="Gravitational lensing at scale", container_title="Journal of Physics: Conference Series",
              volume="1234", issue="1", page="012045", issued=2019, DOI="10.1088/1742-6596/1234/1/012045"),
    ]


def patents():
    return [
        _item("pt:us", "patent", author=[_n("Doudna", "Jennifer A."), _n("Charpentier", "Emmanuelle")],
              title="Methods and compositions for RNA-directed target DNA modification", number="10266850",
              authority="U.S. Patent and Trademark Office", issued=_d([2019, 4, 23])),
        _item("pt:ep", "patent", author=[_n("Müller", "Hans")], title="Vorrichtung zur Wärmerückgewinnung",
              number="EP 2 345 678 B1", authority="European Patent Office", issued=2014, lang="de"),
        _item("pt:genre", "patent", author=[_n("Edison", "Thomas A.")], title="Electric lamp",
              genre="U.S. Patent", number="223898", issued=_d([1880, 1, 27])),
        _item("pt:assignee", "patent", author=[_n("Jobs", "Steven P."), _n("Ive", "Jonathan")],
              title="Electronic device", number="D558,757", publisher="Apple Inc.", issued=_d([2008, 1, 1])),
        _item("pt:ru", "patent", lang="ru", author=[_n("Алфёров", "Ж. И.")],
              title="Полупроводниковый гетеропереход", number="2123456", authority="Роспатент",
              genre="Пат. RU", issued=_d([1999, 12, 20])),
        _item("pt:no-author", "patent", title="Biodegradable packaging film", number="WO 2020/123456 A1",
              authority="WIPO", issued=2020),
    ]


def legal():
    return [
        _item("lg:statute", "legislation", title="Clean Air Act", container_title="U.S.C.",
              volume="42", section="§ 7401", issued=1970),
        _item("lg:uk-act", "legislation", title="Data Protection Act 2018", number="c. 12", issued=2018,
              URL="https://www.legislation.gov.uk/ukpga/2018/12"),
        _item("lg:case", "legal_case", title="Roe v. Wade", container_title="U.S.", volume="410",
              page="113", authority="Supreme Court", issued=1973),
        _item("lg:case-court", "legal_case", title="Donoghue v Stevenson", container_title="AC",
              page="562", authority="House of Lords", issued=1932),
        _item("lg:bill", "bill", title="Affordable Health Care for America Act", number="H.R. 3962",
              authority="111th Congress", issued=2009),
        _item("lg:ru-law", "legislation", lang="ru",
              title="О персональных данных: федер. закон от 27.07.2006 № 152-ФЗ",
              container_title="Собрание законодательства РФ", issue="31", page="3451", issued=2006),
        _item("lg:treaty", "treaty", title="Treaty on the Non-Proliferation of Nuclear Weapons",
              container_title="United Nations Treaty Series", volume="729", page="161", issued=_d([1968, 7, 1])),
        _item("lg:regulation", "regulation", title="General Data Protection Regulation",
              number="2016/679", container_title="Official Journal of the European Union", volume="L 119",
              page="1-88", issued=_d([2016, 4, 27])),
    ]


def web():
    return [
        _item("wb:dated", "webpage", author=[_n("Berners-Lee", "Tim")], title="The original proposal of the WWW",
              container_title="W3C", URL="https://www.w3.org/History/1989/proposal.html",
              issued=_d([1989, 3]), accessed=_d([2024, 3, 12])),
        _item("wb:undated", "webpage", title="About the Internet Archive", container_title="Internet Archive",
              URL="https://archive.org/about/", accessed=_d([2023, 11, 2])),
        _item("wb:org-author", "webpage", author=[_lit("Centers for Disease Control and Prevention")],
              title="Influenza (flu)", URL="https://www.cdc.gov/flu/", issued=_d([2023, 9, 20]),
              accessed=_d([2024, 1, 5])),
        _item("wb:blog", "post-weblog", author=[_n("Karpathy", "Andrej")],
              title="The unreasonable effectiveness of recurrent neural networks",
              container_title="Andrej Karpathy blog", URL="http://karpathy.github.io/2015/05/21/rnn-effectiveness/",
              issued=_d([2015, 5, 21]), accessed=_d([2022, 8, 30])),
        _item("wb:ru", "webpage", lang="ru", title="История университета",
              container_title="Санкт-Петербургский государственный университет",
              URL="https://spbu.ru/universitet/istoriya", accessed=_d([2024, 2, 19])),
        _item("wb:uk", "webpage", lang="uk", author=[_n("Коваленко", "Ірина")], title="Як працює НАБУ",
              container_title="Українська правда", URL="https://www.pravda.com.ua/articles/2021/1/1/",
              issued=_d([2021, 1, 1]), accessed=_d([2021, 2, 3])),
        _item("wb:post", "post", author=[_n("Musk", "Elon")], title="Starship launch update",
              container_title="X", URL="https://x.com/elonmusk/status/1", issued=_d([2023, 4, 20], ),
              accessed=_d([2023, 4, 21])),
        _item("wb:wiki", "entry-encyclopedia", title="Ada Lovelace", container_title="Wikipedia",
              URL="https://en.wikipedia.org/wiki/Ada_Lovelace", issued=_d([2024, 1, 2]),
              accessed=_d([2024, 1, 3])),
    ]


def datasets_software():
    return [
        _item("ds:zenodo", "dataset", author=PEOPLE[8:11], title="Global river discharge 1980–2020",
              version="2.1", publisher="Zenodo", issued=_d([2022, 6, 1]), DOI="10.5281/zenodo.1234567"),
        _item("ds:org", "dataset", author=[_lit("World Bank")], title="World Development Indicators",
              publisher="World Bank", publisher_place="Washington, DC", issued=2023,
              URL="https://databank.worldbank.org/source/world-development-indicators",
              accessed=_d([2023, 7, 14])),
        _item("ds:icpsr", "dataset", author=[_n("Inglehart", "Ronald")], title="World Values Survey: Round Six",
              genre="Data set", publisher="ICPSR", publisher_place="Ann Arbor, MI", issued=2014,
              DOI="10.3886/ICPSR36188.v1", medium="Stata"),
        _item("ds:no-date", "dataset", author=[_n("Rao", "Priya")], title="Bird song recordings",
              publisher="Dryad", DOI="10.5061/dryad.abc123"),
        _item("sw:r", "software", author=[_lit("R Core Team")], title="R: A language and environment for "
              "statistical computing", version="4.3.1", publisher="R Foundation for Statistical Computing",
              publisher_place="Vienna", issued=2023, URL="https://www.R-project.org/"),
        _item("sw:github", "software", author=[_n("Harris", "Charles R."), _n("Millman", "K. Jarrod")],
              title="NumPy", version="1.26.0", publisher="GitHub", issued=_d([2023, 9, 16]),
              URL="https://github.com/numpy/numpy"),
        _item("sw:no-version", "software", author=[_lit("Blender Foundation")], title="Blender",
              issued=2022, URL="https://www.blender.org"),
        _item("sw:genre", "software", author=[_n("Wickham", "Hadley")], title="ggplot2",
              genre="R package", version="3.4.0", issued=2022, DOI="10.32614/CRAN.package.ggplot2"),
    ]


def multivolume_reprints():
    return [
        _item("mv:volume-title", "book", author=[_n("Braudel", "Fernand")],
              title="Civilization and Capitalism, 15th–18th Century", volume="2",
              volume_title="The Wheels of Commerce", translator=[_n("Reynolds", "Siân")],
              publisher="Harper & Row", publisher_place="New York", issued=1982),
        _item("mv:number-of-volumes", "book", editor=[_n("Smelser", "Neil J."), _n("Baltes", "Paul B.")],
              title="International Encyclopedia of the Social and Behavioral Sciences", number_of_volumes="26",
              publisher="Elsevier", publisher_place="Oxford", issued=2001),
        _item("mv:vol-edition", "book", author=[_n("Feynman", "Richard P."), _n("Leighton", "Robert B."),
                                                   _n("Sands", "Matthew")],
              title="The Feynman Lectures on Physics", volume="3", number_of_volumes="3",
              edition="New millennium", publisher="Basic Books", publisher_place="New York", issued=2011),
        _item("mv:ru", "book", lang="ru", author=[_n("Толстой", "Лев Николаевич")],
              title="Полное собрание сочинений", volume="12", number_of_volumes="90",
              publisher="Художественная литература", publisher_place="М.", issued=1940, number_of_pages="508"),
        _item("rp:orig-date-article", "article-journal", author=[_n("Einstein", "Albert")],
              title="On the electrodynamics of moving bodies", container_title="The Principle of Relativity",
              page="35-65", issued=1952, original_date=1905, publisher="Dover"),
        _item("rp:original-publisher", "book", author=[_n("Smith", "Adam")], title="The Wealth of Nations",
              publisher="Bantam Classics", publisher_place="New York", issued=2003, original_date=1776,
              original_publisher="W. Strahan and T. Cadell", original_publisher_place="London"),
        _item("rp:edition-reprint", "book", author=[_n("Strunk", "William"), _n("White", "E. B.")],
              title="The Elements of Style", edition="4th", publisher="Longman", publisher_place="New York",
              issued=2000, original_date=1918),
        _item("rp:uk-reprint", "book", lang="uk", author=[_n("Шевченко", "Тарас")], title="Кобзар",
              publisher="Дніпро", publisher_place="Київ", issued=1985, original_date=1840),
    ]


def undated_anonymous():
    return [
        _item("nd:book", "book", author=[_n("Holmes", "Oliver")], title="Sermons on the mount",
              publisher="Hodder", publisher_place="London"),
        _item("nd:article", "article-journal", author=[_n("Brennan", "Maeve")], title="A note on syntax",
              container_title="Linguistic Inquiry", volume="7", page="101-104"),
        _item("nd:manuscript", "manuscript", author=[_n("Newton", "Isaac")], title="Notes on alchemy",
              archive="King's College Library", archive_location="Keynes MS 33", publisher_place="Cambridge"),
        _item("nd:same-author-a", "book", author=[_n("Holmes", "Oliver")], title="Addresses to the clergy",
              publisher="Hodder", publisher_place="London"),
        _item("an:anonymous", "book", author=[_n("Anonymous")], title="Beowulf",
              translator=[_n("Heaney", "Seamus")], publisher="Norton", publisher_place="New York", issued=2000),
        _item("an:no-author-article", "article-newspaper", title="Floods hit northern towns",
              container_title="The Guardian", issued=_d([2015, 12, 27]), page="A3"),
        _item("an:no-author-book", "book", title="The Chicago Manual of Style", edition="17",
              publisher="University of Chicago Press", publisher_place="Chicago", issued=2017),
        _item("an:no-author-2", "book", title="A Guide to the Birds of East Africa",
              publisher="Collins", publisher_place="London", issued=1960),
        _item("an:org-article", "article-journal", author=[_lit("The Lancet")], title="Offline: The pandemic's"
              " legacy", container_title="The Lancet", volume="401", issue="10381", page="1001", issued=2023),
        _item("an:org-two", "report", author=[_lit("UNESCO"), _lit("UNICEF")],
              title="Education in emergencies", publisher="UNESCO", publisher_place="Paris", issued=2021),
        _item("an:editor-only-article", "article-journal", editor=[_n("Reyes", "Pilar")],
              title="Special issue on migration", container_title="Journal of Ethnic and Migration Studies",
              volume="45", issue="12", issued=2019),
        _item("an:org-acronym", "book", author=[_lit("NASA")], title="Apollo 11 press kit",
              publisher_place="Washington, DC", issued=1969),
    ]


def particles():
    return [
        _item("pa:von", "book", author=[_n("Humboldt", "Alexander", **{"non-dropping-particle": "von"})],
              title="Cosmos", publisher="Harper", publisher_place="New York", issued=1858),
        _item("pa:von-dropping", "book", author=[_n("Goethe", "Johann Wolfgang", **{"dropping-particle": "von"})],
              title="Faust", publisher="Insel", publisher_place="Leipzig", issued=1808, lang="de"),
        _item("pa:van-der", "article-journal", author=[_n("Waals", "Johannes Diderik", **{"non-dropping-particle": "van der"}),
                                                       _n("Berg", "Anna", **{"non-dropping-particle": "van den"})],
              title="On the continuity of the gaseous and liquid states", container_title="Physica",
              volume="3", page="1-12", issued=1936),
        _item("pa:de-la", "book", author=[_n("Fontaine", "Jean", **{"non-dropping-particle": "de La"})],
              title="Fables", publisher="Gallimard", publisher_place="Paris", issued=1991, lang="fr"),
        _item("pa:suffix-jr", "article-journal", author=[_n("King", "Martin Luther", suffix="Jr.")],
              title="Letter from Birmingham jail", container_title="The Atlantic Monthly", volume="212",
              issue="2", page="78-88", issued=_d([1963, 8])),
        _item("pa:suffix-iii", "book", author=[_n("Rockefeller", "John D.", suffix="III"), _n("Ford", "Henry", suffix="II")],
              title="The second American revolution", publisher="Harper", publisher_place="New York", issued=1973),
        _item("pa:di", "book", author=[_n("Lampedusa", "Giuseppe Tomasi", **{"non-dropping-particle": "di"})],
              title="The Leopard", translator=[_n("Colquhoun", "Archibald")], publisher="Pantheon",
              publisher_place="New York", issued=1960),
        _item("pa:al", "article-journal", author=[_n("Khalili", "Jim", **{"non-dropping-particle": "al-"})],
              title="The house of wisdom", container_title="Nature", volume="457", page="800-801", issued=2009),
        _item("pa:ten", "article-journal", author=[_n("Brink", "Stephan", **{"non-dropping-particle": "ten"}),
                                                   _n("Hoeven", "Maria", **{"non-dropping-particle": "van der"})],
              title="Particles in sorting", container_title="Sort Letters", volume="2", page="3-9", issued=2005),
    ]


def many_authors():
    out = []
    for n in (19, 20, 21, 22, 24, 28):
        out.append(_item(f"ma:{n}", "article-journal", author=PEOPLE[:n],
                         title=f"Consortium findings across {n} sites", container_title="The Lancet",
                         volume=str(380 + n), issue=str(n % 12 + 1), page=f"{1000 + n}-{1010 + n}",
                         issued=2010 + n % 9, DOI=f"10.1016/S0140-6736(1{n % 10})6{n:02d}00-1"))
    out.append(_item("ma:21-book", "book", author=PEOPLE[:21], title="Collaborative Methods",
                     publisher="MIT Press", publisher_place="Cambridge, MA", issued=2019))
    out.append(_item("ma:20-editors", "book", editor=PEOPLE[2:22], title="Compendium of Field Stations",
                     publisher="Springer", publisher_place="Cham", issued=2020))
    out.append(_item("ma:9-chapter", "chapter", author=PEOPLE[5:14], title="A multi-lab replication",
                     container_title="Open Science in Practice", editor=[_n("Nosek", "Brian A.")],
                     publisher="Routledge", publisher_place="London", issued=2021, page="200-231"))
    out.append(_item("ma:ru-22", "article-journal", lang="ru",
                     author=[_n(f, g) for f, g in [
                         ("Абрамов", "А. А."), ("Белов", "Б. Б."), ("Волков", "В. В."), ("Гусев", "Г. Г."),
                         ("Дронов", "Д. Д."), ("Ершов", "Е. Е."), ("Жуков", "Ж. Ж."), ("Зайцев", "З. З."),
                         ("Ильин", "И. И."), ("Козлов", "К. К."), ("Лебедев", "Л. Л."), ("Морозов", "М. М."),
                         ("Новиков", "Н. Н."), ("Орлов", "О. О."), ("Павлов", "П. П."), ("Романов", "Р. Р."),
                         ("Соболев", "С. С."), ("Тихонов", "Т. Т."), ("Уваров", "У. У."), ("Фролов", "Ф. Ф."),
                         ("Харитонов", "Х. Х."), ("Цветков", "Ц. Ц.")]],
                     title="Коллаборация детектора", container_title="Ядерная физика", volume="80",
                     issue="4", page="301-320", issued=2017))
    return out


def cyrillic():
    return [
        _item("cy:ru-article", "article-journal", lang="ru", author=[_n("Колмогоров", "Андрей Николаевич")],
              title="Три подхода к определению понятия «количество информации»",
              container_title="Проблемы передачи информации", volume="1", issue="1", page="3-11", issued=1965),
        _item("cy:ru-book-2", "book", lang="ru", author=[_n("Стругацкий", "Аркадий"), _n("Стругацкий", "Борис")],
              title="Пикник на обочине", publisher="Молодая гвардия", publisher_place="М.", issued=1972,
              number_of_pages="256"),
        _item("cy:ru-editor", "book", lang="ru", editor=[_n("Ярцева", "В. Н.")],
              title="Лингвистический энциклопедический словарь", publisher="Советская энциклопедия",
              publisher_place="М.", issued=1990, number_of_pages="685"),
        _item("cy:ru-newspaper", "article-newspaper", lang="ru", author=[_n("Петров", "Иван")],
              title="Новый мост открыт", container_title="Известия", issued=_d([2019, 5, 14]), page="3"),
        _item("cy:uk-article", "article-journal", lang="uk", author=[_n("Грушевський", "Михайло")],
              title="Звичайна схема «руської» історії", container_title="Український історичний журнал",
              volume="3", issue="2", page="5-18", issued=1991),
        _item("cy:uk-book", "book", lang="uk", author=[_n("Забужко", "Оксана"), _n("Андрухович", "Юрій")],
              title="Польові дослідження", publisher="Факт", publisher_place="Київ", issued=2004,
              number_of_pages="160"),
        _item("cy:uk-chapter", "chapter", lang="uk", author=[_n("Франко", "Іван")], title="Мойсей",
              container_title="Зібрання творів", editor=[_n("Корнійчук", "О. Є.")], volume="5",
              publisher="Наукова думка", publisher_place="Київ", issued=1976, page="205-268"),
        _item("cy:kk-article", "article-journal", lang="kk", author=[_n("Әуезов", "Мұхтар")],
              title="Абай жолы туралы", container_title="Қазақ әдебиеті", issue="12", page="4-9", issued=1956),
        _item("cy:kk-book", "book", lang="kk", author=[_n("Құнанбайұлы", "Абай")], title="Қара сөздер",
              publisher="Жазушы", publisher_place="Алматы", issued=1993, number_of_pages="176"),
        _item("cy:kk-thesis", "thesis", lang="kk", author=[_n("Сәрсенбаев", "Ерлан Қайратұлы")],
              title="Қазақ тіліндегі терминжасам", genre="филол. ғыл. канд. дис.",
              publisher="ҚазҰУ", publisher_place="Алматы", issued=2011),
        _item("cy:ru-translated", "book", lang="ru", author=[_n("Хокинг", "Стивен")],
              title="Краткая история времени", translator=[_n("Смирнов", "Н. Я.")],
              publisher="Амфора", publisher_place="СПб.", issued=2001, number_of_pages="268"),
        _item("cy:bg", "article-journal", lang="bg", author=[_n("Вазов", "Иван")], title="Под игото",
              container_title="Сборник за народни умотворения", volume="4", page="1-50", issued=1891),
        _item("cy:sr", "book", lang="sr", author=[_n("Андрић", "Иво")], title="На Дрини ћуприја",
              publisher="Просвета", publisher_place="Београд", issued=1945),
        _item("cy:ru-multi", "article-journal", lang="ru",
              author=[_n("Иванов", "И. И."), _n("Петров", "П. П."), _n("Сидоров", "С. С."), _n("Козлов", "К. К."),
                      _n("Новиков", "Н. Н.")],
              title="Влияние температуры на рост кристаллов", container_title="Кристаллография",
              volume="65", issue="3", page="412-419", issued=2020, DOI="10.31857/S0023476120030123"),
    ]


def cjk():
    return [
        _item("cj:zh-article", "article-journal", lang="zh", author=[_n("王", "小明"), _n("李", "华")],
              title="深度学习在医学影像中的应用", container_title="计算机学报", volume="42", issue="3",
              page="501-520", issued=2019),
        _item("cj:zh-book", "book", lang="zh", author=[_n("鲁迅")], title="呐喊", publisher="人民文学出版社",
              publisher_place="北京", issued=1973),
        _item("cj:ja-article", "article-journal", lang="ja", author=[_n("山田", "太郎"), _n("佐藤", "花子")],
              title="日本語の語順に関する一考察", container_title="言語研究", volume="155", page="1-25", issued=2019),
        _item("cj:ja-book", "book", lang="ja", author=[_n("村上", "春樹")], title="ノルウェイの森",
              publisher="講談社", publisher_place="東京", issued=1987),
        _item("cj:ko-article", "article-journal", lang="ko", author=[_n("김", "민수"), _n("이", "지은")],
              title="한국어 형태소 분석기의 성능 비교", container_title="한국정보과학회논문지", volume="46",
              issue="2", page="145-152", issued=2019),
        _item("cj:zh-romanised", "article-journal", author=[_n("Zhang", "Wei"), _n("Liu", "Yang")],
              title="Graphene oxide membranes", container_title="Nature Nanotechnology", volume="12",
              page="546-550", issued=2017),
        _item("cj:ja-translated", "book", author=[_n("Murakami", "Haruki")], title="Norwegian Wood",
              translator=[_n("Rubin", "Jay")], publisher="Vintage", publisher_place="London", issued=2000,
              original_title="ノルウェイの森"),
        _item("cj:zh-chapter", "chapter", lang="zh", author=[_n("费", "孝通")], title="差序格局",
              container_title="乡土中国", publisher="北京大学出版社", publisher_place="北京", issued=1998,
              page="24-30"),
    ]


def mixed_scripts():
    return [
        _item("mx:en-title-ru-journal", "article-journal", lang="en", author=[_n("Ivanov", "A. V.")],
              title="Nonlinear waves in plasma", container_title="Физика плазмы", volume="44", page="3-10",
              issued=2018),
        _item("mx:ru-title-en-publisher", "book", lang="ru", author=[_n("Иванов", "А. В.")],
              title="Нелинейные волны", publisher="Springer", publisher_place="Berlin", issued=2015),
        _item("mx:en-cyr-author", "article-journal", author=[_n("Петров", "Пётр"), _n("Smith", "John")],
              title="Joint research on catalysis", container_title="ACS Catalysis", volume="9", page="100-110",
              issued=2019),
        _item("mx:greek", "article-journal", lang="el", author=[_n("Παπαδόπουλος", "Γιώργος")],
              title="Η αρχαία ελληνική τραγωδία", container_title="Αριάδνη", volume="10", page="45-60", issued=2004),
        _item("mx:title-greek-letter", "article-journal", author=[_n("Nielsen", "Sofie")],
              title="The role of TGF-β in α-synuclein aggregation", container_title="Brain", volume="141",
              page="1-14", issued=2018),
        _item("mx:arabic", "book", lang="ar", author=[_n("محفوظ", "نجيب")], title="الثلاثية",
              publisher="مكتبة مصر", publisher_place="القاهرة", issued=1957),
        _item("mx:hebrew", "book", lang="he", author=[_n("עוז", "עמוס")], title="סיפור על אהבה וחושך",
              publisher="כתר", publisher_place="ירושלים", issued=2002),
        _item("mx:ru-en-title", "article-journal", lang="ru", author=[_n("Сидоров", "С. С.")],
              title="Применение Python в анализе данных", container_title="Программная инженерия",
              volume="8", issue="5", page="200-207", issued=2017),
    ]


def titles():
    return [
        _item("ti:double-quotes", "article-journal", author=[_n("Quinn", "Harriet")],
              title='Why "fake news" spreads faster than truth', container_title="Science",
              volume="359", page="1146-1151", issued=2018),
        _item("ti:single-quotes", "book", author=[_n("Orwell", "George")],
              title="Politics and the 'English language'", publisher="Penguin", publisher_place="London",
              issued=2013),
        _item("ti:curly", "article-journal", author=[_n("Lowe", "Amy")],
              title="“Nothing is lost”: On archives and memory", container_title="Archival Science",
              volume="19", page="1-20", issued=2019),
        _item("ti:question-subtitle", "article-journal", author=[_n("Ioannidis", "John P. A.")],
              title="Why most published research findings are false?: A reply",
              container_title="PLoS Medicine", volume="2", issue="8", page="e124", issued=2005),
        _item("ti:exclamation", "book", author=[_n("Feynman", "Richard P.")],
              title="Surely You're Joking, Mr. Feynman!", publisher="Norton", publisher_place="New York",
              issued=1985),
        _item("ti:colon-lowercase", "article-journal", author=[_n("Ortiz", "Lucas")],
              title="Cities and climate: adaptation in practice", container_title="Urban Studies",
              volume="56", page="2201-2220", issued=2019),
        _item("ti:ellipsis", "book", author=[_n("Murray", "Jan")], title="And then there were none…",
              publisher="Collins", publisher_place="London", issued=1939),
        _item("ti:italic-markup", "article-journal", author=[_n("Darwin", "Erasmus")],
              title="Expression of <i>Hox</i> genes in <i>Drosophila melanogaster</i>",
              container_title="Development", volume="140", page="1-9", issued=2013),
        _item("ti:ampersand", "book", author=[_n("Strauss", "Anselm")], title="Grounded theory & qualitative research",
              publisher="Sage", publisher_place="Thousand Oaks", issued=1990),
        _item("ti:ru-quotes", "article-journal", lang="ru", author=[_n("Лихачёв", "Д. С.")],
              title='Поэтика "Слова о полку Игореве"', container_title="Русская литература",
              issue="2", page="3-12", issued=1967),
        _item("ti:trailing-period", "article-journal", author=[_n("Stone", "Ruth")],
              title="A study of U.S.", container_title="Policy Review", volume="3", page="5-9", issued=2001),
        _item("ti:title-in-title", "article-journal", author=[_n("Bloom", "Harold")],
              title="Reading <i>Hamlet</i> again", container_title="Shakespeare Quarterly",
              volume="50", issue="1", page="1-15", issued=1999),
    ]


def editions():
    return [
        _item("ed:2nd", "book", author=[_n("Kernighan", "Brian W."), _n("Ritchie", "Dennis M.")],
              title="The C Programming Language", edition="2nd", publisher="Prentice Hall",
              publisher_place="Englewood Cliffs, NJ", issued=1988),
        _item("ed:revised", "book", author=[_n("Hawking", "Stephen")], title="A Brief History of Time",
              edition="Updated and expanded", publisher="Bantam", publisher_place="New York", issued=1998),
        _item("ed:number", "book", author=[_n("Cormen", "Thomas H.")], title="Introduction to Algorithms",
              edition="3", publisher="MIT Press", publisher_place="Cambridge, MA", issued=2009),
        _item("ed:rev-ed", "book", author=[_n("Lakoff", "George")], title="Women, Fire, and Dangerous Things",
              edition="Rev. ed.", publisher="University of Chicago Press", publisher_place="Chicago", issued=1990),
        _item("ed:ru", "book", lang="ru", author=[_n("Ландау", "Л. Д."), _n("Лифшиц", "Е. М.")],
              title="Теоретическая физика", edition="5-е изд., стереотип.", publisher="Физматлит",
              publisher_place="М.", issued=2001, number_of_pages="536"),
        _item("ed:12th", "book", author=[_n("Guyton", "Arthur C.")], title="Textbook of Medical Physiology",
              edition="12", publisher="Saunders", publisher_place="Philadelphia", issued=2011),
        _item("ed:first", "book", author=[_n("Pynchon", "Thomas")], title="Gravity's Rainbow",
              edition="1st", publisher="Viking", publisher_place="New York", issued=1973),
        _item("ed:article-edition", "article-newspaper", author=[_n("Weiss", "Paula")],
              title="Markets rally", container_title="The New York Times", edition="Late Edition",
              issued=_d([2008, 10, 14]), page="A1"),
    ]


def page_ranges():
    pages = ["e123-e130", "A1-A5", "1234-1256", "123-9", "xii-xx", "S1-S12", "R45-R52", "101-101",
             "3–17", "117-19", "1-10", "e0212345"]
    return [_item(f"pg:{i}", "article-journal", author=[PEOPLE[i % len(PEOPLE)]],
                  title=f"Page form {page}", container_title="Journal of Pagination",
                  volume=str(20 + i), issue=str(i + 1), page=page, issued=2000 + i)
            for i, page in enumerate(pages)]


def months_seasons():
    return [
        _item("mo:month", "article-magazine", author=[_n("Gladwell", "Malcolm")], title="The tipping point",
              container_title="The New Yorker", issued=_d([1996, 6]), page="32-38"),
        _item("mo:day", "article-newspaper", author=[_n("Bernstein", "Carl")], title="Bug suspect got campaign funds",
              container_title="The Washington Post", issued=_d([1972, 8, 1]), page="A1"),
        _item("mo:season-field", "article-journal", author=[_n("Hart", "Laura")], title="Winter ecology",
              container_title="Northern Review", volume="12", issue="1", page="5-20",
              issued={"date-parts": [[2004]], "season": 1}),
        _item("mo:season-4", "article-journal", author=[_n("Hart", "Laura")], title="Autumn ecology",
              container_title="Northern Review", volume="12", issue="4", page="5-20",
              issued={"date-parts": [[2004]], "season": 3}),
        _item("mo:month-range", "article-magazine", author=[_n("Holt", "Jim")], title="Numbers guy",
              container_title="Harper's", issued=_d([2010, 3], [2010, 4]), page="40-45"),
        _item("mo:year-range", "book", author=[_n("Proust", "Marcel")], title="In Search of Lost Time",
              publisher="Grasset", publisher_place="Paris", issued=_d([1913], [1927])),
        _item("mo:day-range", "paper-conference", author=[_n("Ng", "Andrew")], title="Feature selection",
              container_title="Proceedings of ICML", issued=_d([2004, 7, 4], [2004, 7, 8]), page="78-85"),
        _item("mo:ru-month", "article-newspaper", lang="ru", author=[_n("Быков", "Дмитрий")],
              title="Пастернак сегодня", container_title="Новая газета", issued=_d([2010, 2, 10]), page="18"),
        _item("mo:literal-season", "article-journal", author=[_n("Ames", "Roger")], title="Spring issue essay",
              container_title="Philosophy East and West", volume="60", issue="2", page="1-10",
              issued={"literal": "Spring 2010"}),
    ]


def circa_bc():
    return [
        _item("ca:circa", "book", author=[_n("Chaucer", "Geoffrey")], title="The Canterbury Tales",
              issued={"date-parts": [[1400]], "circa": True}, publisher="Caxton"),
        _item("ca:bc", "book", author=[_n("Caesar", "Julius")], title="Commentarii de Bello Gallico",
              issued=_d(-50), lang="la"),
        _item("ca:bc-range", "book", author=[_n("Homer")], title="Iliad", issued=_d([-800], [-700])),
        _item("ca:ad", "book", author=[_n("Augustine")], title="Confessions", issued=_d(398)),
        _item("ca:raw-circa", "manuscript", author=[_n("Leonardo da Vinci")], title="Codex Leicester",
              issued={"literal": "ca. 1510"}),
        _item("ca:circa-month", "article-journal", author=[_n("Ruskin", "John")], title="On art",
              container_title="Fors Clavigera", volume="1", issued={"date-parts": [[1871, 1]], "circa": True}),
        _item("ca:bc-translated", "book", author=[_n("Sun Tzu")], title="The Art of War",
              translator=[_n("Griffith", "Samuel B.")], publisher="Oxford University Press",
              publisher_place="Oxford", issued=1963, original_date=_d(-500)),
        _item("ca:ancient-ad-range", "book", author=[_n("Ptolemy")], title="Almagest",
              issued=_d([150], [160])),
    ]


def cases() -> list[dict]:
    """Every hand-written record, ids unique."""
    out = []
    for group in (theses, reports, chapters, conferences, patents, legal, web, datasets_software,
                  multivolume_reprints, undated_anonymous, particles, many_authors, cyrillic, cjk,
                  mixed_scripts, titles, editions, page_ranges, months_seasons, circa_bc):
        out.extend(group())
    for item in out:
        item["id"] = "fifth:" + item["id"]
    ids = [item["id"] for item in out]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return out
