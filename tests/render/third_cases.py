"""Hand-written CSL-JSON records for the third differential set (issue #15): the records
real users have that the first two sets were thin on, above all what Chicago and MLA
print in their own way — chapters in edited and translated books, reprints, corporate and
single-field names, long author lists and repeated authors (et al. thresholds, MLA's
``———``), web pages without dates, theses, reports, conference papers, films, interviews
and posts, Russian and Ukrainian records, missing fields, titles ending in ``?``/``!``,
subtitles and particles.  Each group is a class several records wide.

Used by ``make_third_items.py``; data, not tests.
"""
from __future__ import annotations


def _n(family, given=None, **extra):
    name = {"family": family}
    if given:
        name["given"] = given
    name.update(extra)
    return name


def _lit(text):
    return {"literal": text}


def _d(*parts):
    return {"date-parts": [list(p) if isinstance(p, (list, tuple)) else [p] for p in parts]}


def _item(id_, type_, lang="en", **fields):
    item = {"id": id_, "type": type_, "language": lang}
    for key, value in fields.items():
        if value is None:
            continue
        if key != "archive_location":       # CSL-JSON spells this one with an underscore
            key = key.replace("_", "-")
        if key in ("issued", "accessed", "original-date", "event-date") and not isinstance(value, dict):
            value = _d(value)
        item[key] = value
    return item


PEOPLE = [_n(f, g) for f, g in [
    ("Abbott", "Laura M."), ("Bishop", "Carl"), ("Chen", "Wei"), ("Duarte", "Inês"), ("Eriksen", "Lars"),
    ("Fischer", "Hanna"), ("Garcia", "Miguel A."), ("Hughes", "Rhiannon"), ("Ito", "Kenji"),
    ("Jensen", "Mette"), ("Kowalski", "Piotr"), ("Larsen", "Ole"), ("Murphy", "Siobhan"),
    ("Nguyen", "Thi Hoa"), ("O'Brien", "Declan"), ("Patel", "Ravi"), ("Quiroga", "Elena"),
    ("Rossi", "Marco"), ("Schmidt", "Jonas"), ("Tanaka", "Yuki"), ("Ulrich", "Petra"),
    ("Vargas", "Lucía"), ("Walsh", "Eamon"), ("Xu", "Ming"), ("Young", "Grace"), ("Zimmer", "Karl")]]


def chapters():
    return [
        _item("ch:one-editor", "chapter", author=[_n("Hall", "Stuart")], title="Encoding/decoding",
              container_title="Culture, Media, Language", editor=[_n("Hobson", "Dorothy")],
              publisher="Hutchinson", publisher_place="London", issued=1980, page="128-138"),
        _item("ch:two-editors", "chapter", author=[_n("Geertz", "Clifford")],
              title="Thick description: Toward an interpretive theory of culture",
              container_title="The Interpretation of Cultures: Selected Essays",
              editor=[_n("Rabinow", "Paul"), _n("Sullivan", "William M.")], publisher="Basic Books",
              publisher_place="New York", issued=1973, page="3-30"),
        _item("ch:three-editors", "chapter", author=[_n("Abbott", "Laura M."), _n("Bishop", "Carl")],
              title="Measuring trust in institutions", container_title="Handbook of Social Trust",
              editor=[_n("Chen", "Wei"), _n("Duarte", "Inês"), _n("Eriksen", "Lars")],
              publisher="Oxford University Press", publisher_place="Oxford", issued=2019, page="45-71"),
        _item("ch:four-editors", "chapter", author=[_n("Fischer", "Hanna")], title="Coastal erosion",
              container_title="Encyclopedia of Coastal Science",
              editor=PEOPLE[6:10], publisher="Springer", publisher_place="Cham", issued=2019,
              page="512-520", edition="2"),
        _item("ch:translator", "chapter", author=[_n("Benjamin", "Walter")],
              title="The work of art in the age of mechanical reproduction", container_title="Illuminations",
              editor=[_n("Arendt", "Hannah")], translator=[_n("Zohn", "Harry")], publisher="Schocken Books",
              publisher_place="New York", issued=1969, page="217-251", original_date=1936),
        _item("ch:editor-translator-same", "chapter", author=[_n("Freud", "Sigmund")],
              title="Mourning and melancholia", container_title="The Standard Edition of the Complete "
              "Psychological Works of Sigmund Freud", editor=[_n("Strachey", "James")],
              translator=[_n("Strachey", "James")], volume="14", publisher="Hogarth Press",
              publisher_place="London", issued=1957, page="237-258"),
        _item("ch:translator-only", "chapter", author=[_n("Borges", "Jorge Luis")],
              title="The garden of forking paths", container_title="Collected Fictions",
              translator=[_n("Hurley", "Andrew")], publisher="Viking", publisher_place="New York",
              issued=1998, page="119-128"),
        _item("ch:no-pages", "chapter", author=[_n("Ghosh", "Amitav")], title="The great derangement",
              container_title="Climate and Fiction", editor=[_n("Trexler", "Adam")],
              publisher="Routledge", publisher_place="Abingdon", issued=2021),
        _item("ch:volume-series", "chapter", author=[_n("Lamport", "Leslie")],
              title="Time, clocks, and the ordering of events", container_title="Concurrency: The Works of "
              "Leslie Lamport", editor=[_n("Malkhi", "Dahlia")], collection_title="ACM Books",
              collection_number="29", publisher="ACM", publisher_place="New York", issued=2019,
              page="179-196", DOI="10.1145/3335772.3335934"),
        _item("ch:edition-editors", "chapter", author=[_n("Nussbaum", "Martha C.")],
              title="Compassion: The basic social emotion", container_title="Philosophy of Emotions",
              editor=[_n("Solomon", "Robert C.")], edition="3", publisher="Wiley-Blackwell",
              publisher_place="Malden, MA", issued=2014, page="27-58"),
        _item("ch:ru-collection", "chapter", lang="ru", author=[_n("Лотман", "Юрий Михайлович")],
              title="Семиосфера", container_title="Избранные статьи", editor=[_n("Егоров", "Борис Фёдорович")],
              volume="1", publisher="Александра", publisher_place="Таллинн", issued=1992, page="11-24"),
        _item("ch:uk-collection", "chapter", lang="uk", author=[_n("Шевчук", "Валерій")],
              title="Дім на горі", container_title="Вибрані твори", editor=[_n("Мельник", "Ольга")],
              publisher="Фоліо", publisher_place="Харків", issued=2010, page="5-120"),
        _item("ch:entry-dictionary", "entry-dictionary", title="Serendipity",
              container_title="Oxford English Dictionary", publisher="Oxford University Press",
              issued=_d([2023, 3]), URL="https://www.oed.com/view/Entry/176387", accessed=_d([2024, 2, 1])),
        _item("ch:entry-encyclopedia-online", "entry-encyclopedia", author=[_n("Zalta", "Edward N.")],
              title="Gottlob Frege", container_title="The Stanford Encyclopedia of Philosophy",
              issued=_d([2022, 11, 5]), URL="https://plato.stanford.edu/entries/frege/",
              accessed=_d([2024, 1, 10])),
    ]


def reprints():
    return [
        _item("rp:book-original", "book", author=[_n("Austen", "Jane")], title="Pride and Prejudice",
              publisher="Penguin Classics", publisher_place="London", issued=2003, original_date=1813),
        _item("rp:book-original-publisher", "book", author=[_n("Darwin", "Charles")],
              title="On the Origin of Species", publisher="Harvard University Press",
              publisher_place="Cambridge, MA", issued=1964, original_date=1859,
              original_publisher="John Murray", original_publisher_place="London"),
        _item("rp:translated-original", "book", author=[_n("Tolstoy", "Leo")], title="War and Peace",
              translator=[_n("Pevear", "Richard"), _n("Volokhonsky", "Larissa")], publisher="Knopf",
              publisher_place="New York", issued=2007, original_date=1869),
        _item("rp:article-reprint", "article-journal", author=[_n("Turing", "A. M.")],
              title="Computing machinery and intelligence", container_title="Mind", volume="59",
              issue="236", page="433-460", issued=1950, DOI="10.1093/mind/LIX.236.433"),
        _item("rp:ancient", "book", author=[_n("Plato")], title="The Republic",
              translator=[_n("Bloom", "Allan")], publisher="Basic Books", publisher_place="New York",
              issued=1991, edition="2"),
        _item("rp:original-title", "book", author=[_n("Camus", "Albert")], title="The Stranger",
              original_title="L'Étranger", translator=[_n("Ward", "Matthew")], publisher="Vintage",
              publisher_place="New York", issued=1989, original_date=1942),
        _item("rp:ru-reprint", "book", lang="ru", author=[_n("Булгаков", "Михаил Афанасьевич")],
              title="Мастер и Маргарита", publisher="Азбука", publisher_place="СПб.", issued=2014,
              original_date=1967, number_of_pages="480"),
        _item("rp:edition-text", "book", author=[_n("Knuth", "Donald E.")],
              title="The Art of Computer Programming", volume="1", edition="3rd",
              publisher="Addison-Wesley", publisher_place="Reading, MA", issued=1997),
        _item("rp:multivolume", "book", author=[_n("Gibbon", "Edward")],
              title="The History of the Decline and Fall of the Roman Empire", number_of_volumes="6",
              publisher="Everyman's Library", publisher_place="New York", issued=1993),
    ]


def corporate():
    return [
        _item("co:apa-org", "book", author=[_lit("American Psychological Association")],
              title="Publication manual of the American Psychological Association", edition="7",
              publisher="American Psychological Association", publisher_place="Washington, DC", issued=2020,
              DOI="10.1037/0000165-000"),
        _item("co:who-report", "report", author=[_lit("World Health Organization")],
              title="World health statistics 2023: Monitoring health for the SDGs",
              publisher="World Health Organization", publisher_place="Geneva", issued=2023,
              URL="https://www.who.int/publications/i/item/9789240074323"),
        _item("co:org-comma", "report", author=[_lit("National Academies of Sciences, Engineering, and Medicine")],
              title="Reproducibility and Replicability in Science", publisher="The National Academies Press",
              publisher_place="Washington, DC", issued=2019, DOI="10.17226/25303"),
        _item("co:family-only", "song", author=[_n("Madonna")], title="Like a prayer",
              container_title="Like a Prayer", publisher="Sire Records", issued=1989),
        _item("co:mononym-book", "book", author=[_n("Banksy")], title="Wall and Piece",
              publisher="Century", publisher_place="London", issued=2005),
        _item("co:literal-person", "article-journal", author=[_lit("Li Wei"), _n("Moreno", "Ana")],
              title="Translanguaging as a practical theory of language", container_title="Applied Linguistics",
              volume="39", issue="1", page="9-30", issued=2018),
        _item("co:ru-org", "report", lang="ru", author=[_lit("Федеральная служба государственной статистики")],
              title="Российский статистический ежегодник", publisher="Росстат", publisher_place="М.",
              issued=2022, number_of_pages="691"),
        _item("co:committee-article", "article-journal", author=[_lit("ATLAS Collaboration")],
              title="Observation of a new particle in the search for the Standard Model Higgs boson",
              container_title="Physics Letters B", volume="716", issue="1", page="1-29", issued=2012,
              DOI="10.1016/j.physletb.2012.08.020"),
        _item("co:org-and-person", "report", author=[_lit("OECD"), _n("Smith", "Jane")],
              title="Education at a glance", publisher="OECD Publishing", publisher_place="Paris",
              issued=2021, number="2021"),
        _item("co:legislation", "legislation", title="Americans with Disabilities Act of 1990",
              container_title="U.S.C.", volume="42", section="12101", issued=1990),
        _item("co:legal-case", "legal_case", title="Brown v. Board of Education",
              container_title="U.S.", volume="347", page="483", authority="Supreme Court", issued=1954),
    ]


def many_authors():
    out = []
    for n in (2, 3, 4, 5, 6, 7, 8, 10, 11, 20, 21, 25):
        out.append(_item(f"ma:{n}", "article-journal", author=PEOPLE[:n],
                         title=f"Results from a study with {n} authors", container_title="Nature Communications",
                         volume=str(10 + n), page=f"{100 + n}", issued=2015 + n % 7,
                         DOI=f"10.1038/s41467-0{n:02d}-0001"))
    out.append(_item("ma:book-4", "book", author=PEOPLE[3:7], title="Design of Experiments",
                     publisher="Wiley", publisher_place="Hoboken", issued=2011))
    out.append(_item("ma:ru-4", "article-journal", lang="ru",
                     author=[_n("Смирнов", "А. В."), _n("Кузнецов", "И. И."), _n("Попов", "С. Н."),
                             _n("Васильев", "Д. К.")],
                     title="Исследование свойств графена", container_title="Успехи физических наук",
                     volume="185", issue="2", page="150-160", issued=2015))
    out.append(_item("ma:editors-many", "book", editor=PEOPLE[10:16], title="Handbook of Regional Science",
                     publisher="Springer", publisher_place="Berlin", issued=2014))
    return out


def repeated_authors():
    sag = [_n("Sagan", "Carl")]
    return [
        _item("rep:sagan1", "book", author=sag, title="Cosmos", publisher="Random House",
              publisher_place="New York", issued=1980),
        _item("rep:sagan2", "book", author=sag, title="Pale Blue Dot: A Vision of the Human Future in Space",
              publisher="Random House", publisher_place="New York", issued=1994),
        _item("rep:sagan3", "book", author=sag + [_n("Druyan", "Ann")], title="Shadows of Forgotten Ancestors",
              publisher="Random House", publisher_place="New York", issued=1992),
        _item("rep:sagan4", "article-journal", author=sag, title="The search for extraterrestrial life",
              container_title="Scientific American", volume="271", issue="4", page="92-99", issued=1994),
        _item("rep:sagan-ed", "book", editor=sag, title="Communication with Extraterrestrial Intelligence",
              publisher="MIT Press", publisher_place="Cambridge, MA", issued=1973),
        _item("rep:butler1", "book", author=[_n("Butler", "Judith")], title="Gender Trouble",
              publisher="Routledge", publisher_place="New York", issued=1990),
        _item("rep:butler2", "book", author=[_n("Butler", "Judith")], title="Bodies That Matter",
              publisher="Routledge", publisher_place="New York", issued=1993),
        _item("rep:butler3", "book", author=[_n("Butler", "Judith")], title="Undoing Gender",
              publisher="Routledge", publisher_place="New York", issued=2004),
        _item("rep:etal1", "article-journal", author=PEOPLE[1:5], title="Urban heat islands revisited",
              container_title="Urban Climate", volume="31", page="100540", issued=2020),
        _item("rep:etal2", "article-journal", author=PEOPLE[1:4], title="Cooling by green roofs",
              container_title="Urban Climate", volume="33", page="100650", issued=2020),
        _item("rep:etal3", "article-journal", author=[PEOPLE[1], PEOPLE[7], PEOPLE[9]],
              title="Shade trees and pedestrians", container_title="Landscape and Urban Planning",
              volume="200", page="103824", issued=2020),
        _item("rep:pair1", "article-journal", author=[PEOPLE[12], PEOPLE[13]], title="Reading in two languages",
              container_title="Bilingualism", volume="12", issue="3", page="300-315", issued=2009),
        _item("rep:pair2", "article-journal", author=[PEOPLE[12], PEOPLE[13]], title="Writing in two languages",
              container_title="Bilingualism", volume="14", issue="1", page="10-25", issued=2011),
        _item("rep:pair3", "article-journal", author=[PEOPLE[12], PEOPLE[14]], title="Speaking in two languages",
              container_title="Bilingualism", volume="15", issue="2", page="40-55", issued=2012),
        _item("rep:sameyear1", "article-journal", author=[_n("Kahneman", "Daniel")],
              title="Maps of bounded rationality", container_title="American Economic Review", volume="93",
              issue="5", page="1449-1475", issued=2003),
        _item("rep:sameyear2", "article-journal", author=[_n("Kahneman", "Daniel")],
              title="A perspective on judgment and choice", container_title="American Psychologist",
              volume="58", issue="9", page="697-720", issued=2003),
        _item("rep:sameyear3", "book", author=[_n("Kahneman", "Daniel")], title="Thinking, Fast and Slow",
              publisher="Farrar, Straus and Giroux", publisher_place="New York", issued=2011),
        _item("rep:samesurname1", "book", author=[_n("James", "William")], title="The Principles of Psychology",
              publisher="Henry Holt", publisher_place="New York", issued=1890),
        _item("rep:samesurname2", "book", author=[_n("James", "Henry")], title="The Portrait of a Lady",
              publisher="Macmillan", publisher_place="London", issued=1881),
        _item("rep:nodate1", "book", author=[_n("Orwell", "George")], title="Notes on nationalism",
              publisher="Polemic", publisher_place="London"),
        _item("rep:nodate2", "webpage", author=[_n("Orwell", "George")], title="Politics and the English language",
              container_title="The Orwell Foundation", URL="https://www.orwellfoundation.com/politics",
              accessed=_d([2023, 10, 12])),
    ]


def web():
    return [
        _item("w:no-date", "webpage", author=[_n("Berners-Lee", "Tim")], title="Information management: A proposal",
              container_title="W3C", URL="https://www.w3.org/History/1989/proposal.html",
              accessed=_d([2024, 3, 1])),
        _item("w:no-author-no-date", "webpage", title="About the project", container_title="Project Gutenberg",
              URL="https://www.gutenberg.org/about/", accessed=_d([2023, 12, 24])),
        _item("w:dated", "webpage", author=[_n("Rowling", "J. K.")], title="Why I'm writing again!",
              container_title="J.K. Rowling", URL="https://www.jkrowling.com/writing",
              issued=_d([2020, 6, 10]), accessed=_d([2021, 2, 2])),
        _item("w:org-author", "webpage", author=[_lit("Centers for Disease Control and Prevention")],
              title="How to protect yourself and others", container_title="CDC",
              URL="https://www.cdc.gov/protect.html", issued=_d([2021, 3, 8])),
        _item("w:title-only", "webpage", title="Climate change indicators",
              URL="https://www.epa.gov/climate-indicators", accessed=_d([2022, 5, 30])),
        _item("w:year-month", "webpage", author=[_n("Graham", "Paul")], title="How to do great work",
              URL="http://paulgraham.com/greatwork.html", issued=_d([2023, 7])),
        _item("w:blog-post", "post-weblog", author=[_n("Krugman", "Paul")], title="The conscience of a liberal?",
              container_title="The New York Times", URL="https://krugman.blogs.nytimes.com/2010/01/01/",
              issued=_d([2010, 1, 1])),
        _item("w:social-post", "post", author=[_n("Obama", "Barack")],
              title="Four more years.", container_title="Twitter",
              URL="https://twitter.com/BarackObama/status/266031293945503744", issued=_d([2012, 11, 7])),
        _item("w:ru-site", "webpage", lang="ru", title="Об утверждении порядка оформления",
              container_title="КонсультантПлюс", URL="http://www.consultant.ru/document/cons_doc_LAW_1/",
              accessed=_d([2024, 1, 15])),
        _item("w:uk-site", "webpage", lang="uk", author=[_n("Петренко", "Оксана")],
              title="Як оформити список літератури?", container_title="Освіта.ua",
              URL="https://osvita.ua/list/", issued=_d([2019, 9, 1]), accessed=_d([2023, 4, 4])),
        _item("w:wiki", "entry-encyclopedia", title="Citation Style Language", container_title="Wikipedia",
              URL="https://en.wikipedia.org/wiki/Citation_Style_Language", issued=_d([2023, 11, 2]),
              accessed=_d([2024, 1, 20])),
        _item("w:software-url", "software", author=[_lit("The pandas development team")],
              title="pandas-dev/pandas: Pandas", version="2.1.0", publisher="Zenodo",
              DOI="10.5281/zenodo.8301941", issued=_d([2023, 8, 30])),
    ]


def theses_reports():
    return [
        _item("t:phd", "thesis", author=[_n("Shannon", "Claude E.")],
              title="An algebra for theoretical genetics", genre="PhD thesis",
              publisher="Massachusetts Institute of Technology", publisher_place="Cambridge, MA", issued=1940),
        _item("t:phd-dissertation", "thesis", author=[_n("Nash", "John F.")], title="Non-cooperative games",
              genre="Doctoral dissertation", publisher="Princeton University", issued=1950),
        _item("t:masters", "thesis", author=[_n("Lindqvist", "Eva")],
              title="Reading habits of adolescents: A survey study", genre="Master's thesis",
              publisher="Uppsala University", publisher_place="Uppsala", issued=2018),
        _item("t:no-genre", "thesis", author=[_n("Okoye", "Chinwe")], title="Soil carbon in tropical farms",
              publisher="University of Ibadan", issued=2016),
        _item("t:online", "thesis", author=[_n("Rahman", "Farah")], title="Essays on microfinance",
              genre="Doctoral dissertation", publisher="London School of Economics", issued=2020,
              URL="http://etheses.lse.ac.uk/4000/"),
        _item("t:ru-kand", "thesis", lang="ru", author=[_n("Морозова", "Елена Игоревна")],
              title="Лексика народных промыслов в говорах Русского Севера",
              genre="дис. … канд. филол. наук", publisher="СПбГУ", publisher_place="СПб.", issued=2009,
              number_of_pages="230"),
        _item("t:uk-kand", "thesis", lang="uk", author=[_n("Бондар", "Ірина")],
              title="Моделі оцінювання кредитного ризику", genre="дис. … канд. екон. наук",
              publisher="КНЕУ", publisher_place="Київ", issued=2017),
        _item("r:numbered", "report", author=[_n("Rivest", "Ronald L.")], title="The MD5 message-digest algorithm",
              genre="RFC", number="1321", publisher="Internet Engineering Task Force", issued=_d([1992, 4]),
              DOI="10.17487/RFC1321"),
        _item("r:working-paper", "report", author=[_n("Acemoglu", "Daron"), _n("Restrepo", "Pascual")],
              title="Robots and jobs: Evidence from US labor markets", genre="Working Paper", number="23285",
              publisher="National Bureau of Economic Research", publisher_place="Cambridge, MA", issued=2017),
        _item("r:tech-report", "report", author=[_n("Lamport", "Leslie")], title="The part-time parliament",
              genre="Technical Report", number="49", publisher="Digital Equipment Corporation",
              publisher_place="Palo Alto", issued=1989),
        _item("r:gov", "report", author=[_lit("U.S. Department of Energy")], title="Grid modernization strategy",
              number="DOE/OE-0001", publisher="U.S. Department of Energy", publisher_place="Washington, DC",
              issued=2020),
        _item("r:series", "report", author=[_n("Kim", "Soo-jin")], title="Housing markets after the crisis",
              collection_title="IMF Working Papers", number="WP/19/112", publisher="International Monetary Fund",
              publisher_place="Washington, DC", issued=2019),
        _item("r:ru", "report", lang="ru", author=[_n("Гусев", "Олег")], title="Отчёт о научно-исследовательской работе",
              genre="Отчёт о НИР", number="01201355555", publisher="ИПМ им. М. В. Келдыша",
              publisher_place="М.", issued=2014, number_of_pages="85"),
        _item("r:no-publisher", "report", author=[_n("Young", "Grace")], title="Pilot evaluation",
              number="7", issued=2022),
    ]


def conferences():
    return [
        _item("c:proc-editors", "paper-conference", author=[_n("Vaswani", "Ashish"), _n("Shazeer", "Noam"),
                                                            _n("Parmar", "Niki")],
              title="Attention is all you need", container_title="Advances in Neural Information Processing Systems",
              editor=[_n("Guyon", "I."), _n("Luxburg", "U. von")], volume="30", page="5998-6008",
              publisher="Curran Associates", publisher_place="Red Hook, NY", issued=2017),
        _item("c:event", "paper-conference", author=[_n("He", "Kaiming"), _n("Zhang", "Xiangyu"),
                                                     _n("Ren", "Shaoqing"), _n("Sun", "Jian")],
              title="Deep residual learning for image recognition",
              container_title="Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
              event_title="CVPR 2016", event_place="Las Vegas, NV", page="770-778", publisher="IEEE",
              issued=_d([2016, 6]), DOI="10.1109/CVPR.2016.90"),
        _item("c:no-pages", "paper-conference", author=[_n("Devlin", "Jacob")], title="BERT: Pre-training of deep "
              "bidirectional transformers", container_title="Proceedings of NAACL-HLT", publisher_place="Minneapolis",
              publisher="Association for Computational Linguistics", issued=2019),
        _item("c:presentation", "speech", author=[_n("Hinton", "Geoffrey")], title="Deep learning: What next?",
              event_title="Neural Information Processing Systems", event_place="Montréal", genre="Keynote address",
              issued=_d([2018, 12, 4])),
        _item("c:poster", "speech", author=[_n("Patel", "Ravi")], title="Microbial mats in hot springs",
              genre="Poster presentation", event_title="AGU Fall Meeting", event_place="San Francisco",
              issued=_d([2019, 12, 10])),
        _item("c:ru-conf", "paper-conference", lang="ru", author=[_n("Белов", "Андрей"), _n("Зайцев", "Павел")],
              title="Методы сжатия изображений", container_title="Труды XV Всероссийской конференции",
              publisher="ИПУ РАН", publisher_place="М.", issued=2018, page="101-105"),
        _item("c:volume-series", "paper-conference", author=[_n("Rossi", "Marco")],
              title="Type inference for dynamic languages", container_title="ECOOP 2021",
              collection_title="LIPIcs", volume="194", page="12:1-12:28", publisher="Schloss Dagstuhl",
              issued=2021),
    ]


def media():
    return [
        _item("m:film", "motion_picture", author=[_n("Kubrick", "Stanley")], title="2001: A space odyssey",
              publisher="Metro-Goldwyn-Mayer", issued=1968),
        _item("m:film-director", "motion_picture", director=[_n("Bong", "Joon-ho")], title="Parasite",
              publisher="CJ Entertainment", publisher_place="Seoul", issued=2019),
        _item("m:broadcast", "broadcast", title="The Cosmos episode", container_title="Nova",
              publisher="PBS", issued=_d([2014, 3, 9]), number="4"),
        _item("m:interview", "interview", author=[_n("Morrison", "Toni")], title="The art of fiction",
              interviewer=[_n("Schappell", "Elissa")], container_title="The Paris Review", issue="128",
              issued=1993),
        _item("m:interview-untitled", "interview", author=[_n("Sontag", "Susan")],
              interviewer=[_n("Movius", "Geoffrey")], issued=_d([1975, 11, 18])),
        _item("m:podcast", "song", author=[_n("Glass", "Ira")], title="The giant pool of money",
              container_title="This American Life", publisher="WBEZ", issued=_d([2008, 5, 9]),
              URL="https://www.thisamericanlife.org/355"),
        _item("m:video", "motion_picture", author=[_n("Robinson", "Ken")], title="Do schools kill creativity?",
              container_title="TED", URL="https://www.ted.com/talks/sir_ken_robinson", issued=_d([2006, 2])),
        _item("m:artwork", "graphic", author=[_n("Kahlo", "Frida")], title="The two Fridas",
              medium="Oil on canvas", issued=1939),
        _item("m:map", "map", author=[_lit("U.S. Geological Survey")], title="Geologic map of the Grand Canyon",
              publisher="USGS", publisher_place="Reston, VA", issued=1996, scale="1:62,500"),
        _item("m:manuscript", "manuscript", author=[_n("Newton", "Isaac")], title="Notes on alchemy",
              archive="Cambridge University Library", archive_location="MS Add. 3975", issued=1680),
        _item("m:personal", "personal_communication", author=[_n("Hughes", "Rhiannon")],
              title="Letter to the author", issued=_d([2021, 5, 17])),
        _item("m:ru-film", "motion_picture", lang="ru", author=[_n("Тарковский", "Андрей")], title="Солярис",
              publisher="Мосфильм", issued=1972),
    ]


def titles():
    return [
        _item("ti:question", "article-journal", author=[_n("Ioannidis", "John P. A.")],
              title="Why most published research findings are false?", container_title="PLoS Medicine",
              volume="2", issue="8", page="e124", issued=2005, DOI="10.1371/journal.pmed.0020124"),
        _item("ti:exclaim", "book", author=[_n("Seuss")], title="Oh, the places you'll go!",
              publisher="Random House", publisher_place="New York", issued=1990),
        _item("ti:question-chapter", "chapter", author=[_n("Nagel", "Thomas")],
              title="What is it like to be a bat?", container_title="Mortal Questions",
              publisher="Cambridge University Press", publisher_place="Cambridge", issued=1979, page="165-180"),
        _item("ti:subtitle", "book", author=[_n("Diamond", "Jared")],
              title="Guns, germs, and steel: The fates of human societies", publisher="W. W. Norton",
              publisher_place="New York", issued=1997),
        _item("ti:subtitle-question", "article-journal", author=[_n("Hardin", "Garrett")],
              title="The tragedy of the commons: Is there a technical solution?", container_title="Science",
              volume="162", issue="3859", page="1243-1248", issued=1968),
        _item("ti:ends-period", "article-journal", author=[_n("Wu", "Ting")], title="Notes on U.S. policy.",
              container_title="Policy Review", volume="4", page="1-9", issued=2001),
        _item("ti:lowercase", "article-journal", author=[_n("Ng", "Andrew")],
              title="on the use of machine learning in the wild", container_title="communications of the acm",
              volume="60", issue="2", page="20-22", issued=2017),
        _item("ti:allcaps", "article-journal", author=[_n("Moore", "Gordon E.")],
              title="Cramming more components onto integrated circuits", container_title="Electronics",
              volume="38", issue="8", page="114-117", issued=_d([1965, 4, 19])),
        _item("ti:ru-question", "article-journal", lang="ru", author=[_n("Зализняк", "Андрей Анатольевич")],
              title="Подлинно ли «Слово о полку Игореве»?", container_title="Вопросы языкознания",
              issue="6", page="3-21", issued=2004),
        _item("ti:quote-in", "article-journal", author=[_n("Gould", "Stephen Jay")],
              title="The \u201cspandrels of San Marco\u201d revisited", container_title="Proceedings of the Royal "
              "Society B", volume="205", page="581-598", issued=1979),
        _item("ti:italic-markup", "article-journal", author=[_n("Mayr", "Ernst")],
              title="The origin of <i>Drosophila</i> species", container_title="Evolution",
              volume="1", page="1-10", issued=1947),
        _item("ti:number-start", "book", author=[_n("Orwell", "George")], title="1984",
              publisher="Secker & Warburg", publisher_place="London", issued=1949),
        _item("ti:colon-journal", "article-journal", author=[_n("Ostrom", "Elinor")],
              title="Beyond markets and states", container_title="American Economic Review: Papers and Proceedings",
              volume="100", issue="3", page="641-672", issued=2010),
    ]


def particles():
    return [
        _item("p:van-der", "article-journal", author=[_n("Waals", "Johannes Diderik",
                                                         **{"non-dropping-particle": "van der"})],
              title="On the continuity of the gaseous and liquid states", container_title="Nature",
              volume="10", page="477-480", issued=1874),
        _item("p:von-dropping", "book", author=[_n("Humboldt", "Alexander", **{"dropping-particle": "von"})],
              title="Cosmos", publisher="Harper", publisher_place="New York", issued=1858),
        _item("p:de-la", "article-journal", author=[_n("Fuente", "Ana", **{"non-dropping-particle": "de la"})],
              title="Growth in Latin America", container_title="World Development", volume="40",
              page="10-20", issued=2012),
        _item("p:de-ru", "book", lang="ru", author=[_n("Ла Мотт", "Жан", **{"non-dropping-particle": "де"})],
              title="Записки", publisher="Наука", publisher_place="М.", issued=1999),
        _item("p:jr", "book", author=[_n("King", "Martin Luther", suffix="Jr.")], title="Why We Can't Wait",
              publisher="Harper & Row", publisher_place="New York", issued=1964),
        _item("p:iii", "article-journal", author=[_n("Gates", "Henry Louis", suffix="Jr."),
                                                  _n("Brown", "Edward", suffix="III")],
              title="Signifying and its discontents", container_title="Critical Inquiry", volume="9",
              issue="4", page="685-723", issued=1983),
        _item("p:van-sort", "book", author=[_n("Gogh", "Vincent", **{"non-dropping-particle": "van"})],
              title="The Letters", publisher="Thames & Hudson", publisher_place="London", issued=2009),
        _item("p:di", "article-journal", author=[_n("Caprio", "Leonardo", **{"non-dropping-particle": "Di"})],
              title="Acting in film", container_title="Film Quarterly", volume="60", page="1-5", issued=2007),
        _item("p:hyphen-family", "article-journal", author=[_n("Lévi-Strauss", "Claude")],
              title="The structural study of myth", container_title="Journal of American Folklore",
              volume="68", issue="270", page="428-444", issued=1955),
        _item("p:hyphen-given", "book", author=[_n("Sartre", "Jean-Paul")], title="Being and Nothingness",
              translator=[_n("Barnes", "Hazel E.")], publisher="Philosophical Library",
              publisher_place="New York", issued=1956),
        _item("p:initials-only", "article-journal", author=[_n("Eliot", "T.S.")], title="Tradition and the "
              "individual talent", container_title="The Egoist", volume="6", issue="4", page="54-55", issued=1919),
    ]


def russian_ukrainian():
    return [
        _item("ru:article", "article-journal", lang="ru", author=[_n("Колмогоров", "Андрей Николаевич")],
              title="Три подхода к определению понятия «количество информации»",
              container_title="Проблемы передачи информации", volume="1", issue="1", page="3-11", issued=1965),
        _item("ru:book-2", "book", lang="ru", author=[_n("Стругацкий", "Аркадий Натанович"),
                                                      _n("Стругацкий", "Борис Натанович")],
              title="Пикник на обочине", publisher="Молодая гвардия", publisher_place="М.", issued=1980,
              number_of_pages="240"),
        _item("ru:book-ed", "book", lang="ru", editor=[_n("Виноградов", "Виктор Владимирович")],
              title="Русский язык: энциклопедия", publisher="Советская энциклопедия", publisher_place="М.",
              issued=1979, number_of_pages="432"),
        _item("ru:translated", "book", lang="ru", author=[_n("Кнут", "Дональд")],
              title="Искусство программирования", translator=[_n("Козаченко", "Ю. В.")], volume="1",
              edition="3", publisher="Вильямс", publisher_place="М.", issued=2000),
        _item("ru:newspaper", "article-newspaper", lang="ru", author=[_n("Быков", "Дмитрий")],
              title="Двадцать лет спустя", container_title="Новая газета", issue="45",
              issued=_d([2011, 4, 27]), page="18"),
        _item("ru:no-author-web", "webpage", lang="ru", title="История университета",
              container_title="МГУ имени М. В. Ломоносова", URL="https://www.msu.ru/info/history/",
              issued=_d([2020, 1, 1]), accessed=_d([2023, 6, 6])),
        _item("ru:law", "legislation", lang="ru", title="О персональных данных : Федеральный закон № 152-ФЗ",
              issued=_d([2006, 7, 27]), container_title="Собрание законодательства РФ", issue="31", page="3451"),
        _item("ru:dissertation-abstract", "thesis", lang="ru", author=[_n("Никитин", "Игорь")],
              title="Оптические свойства наноструктур", genre="автореф. дис. … канд. физ.-мат. наук",
              publisher="ФТИ им. А. Ф. Иоффе", publisher_place="СПб.", issued=2011, number_of_pages="18"),
        _item("ru:latin-translit", "article-journal", lang="ru", author=[_n("Ivanov", "A. A.")],
              title="Metody analiza dannykh", container_title="Vestnik MGU", volume="5", issue="2",
              page="10-20", issued=2019),
        _item("uk:article", "article-journal", lang="uk", author=[_n("Грушевський", "Михайло")],
              title="Звичайна схема «руської» історії", container_title="Збірник статей слов'янознавства",
              volume="1", page="298-304", issued=1904),
        _item("uk:book", "book", lang="uk", author=[_n("Забужко", "Оксана")], title="Польові дослідження з "
              "українського сексу", publisher="Факт", publisher_place="Київ", issued=2006, edition="7"),
        _item("uk:book-3", "book", lang="uk", author=[_n("Ковальчук", "Іван"), _n("Гнатюк", "Марія"),
                                                      _n("Лисенко", "Петро")],
              title="Основи економіки", publisher="Знання", publisher_place="Київ", issued=2015,
              number_of_pages="320"),
        _item("uk:conf", "paper-conference", lang="uk", author=[_n("Романенко", "Олег")],
              title="Цифрова трансформація освіти", container_title="Матеріали Міжнародної конференції",
              publisher="ЛНУ", publisher_place="Львів", issued=2021, page="45-47"),
        _item("uk:web", "webpage", lang="uk", title="Державний реєстр", container_title="Мін'юст",
              URL="https://minjust.gov.ua/", accessed=_d([2024, 2, 20])),
    ]


def missing_fields():
    return [
        _item("x:no-date-article", "article-journal", author=[_n("Brown", "Dan")], title="Codes and keys",
              container_title="Cryptologia", volume="3", page="1-4"),
        _item("x:no-publisher", "book", author=[_n("Thoreau", "Henry David")], title="Walden", issued=1854),
        _item("x:no-title", "article-journal", author=[_n("Hume", "David")], container_title="Philosophical Review",
              volume="1", page="10", issued=1890),
        _item("x:no-container", "article-journal", author=[_n("Popper", "Karl")], title="Science: Conjectures "
              "and refutations", issued=1962, page="33-39"),
        _item("x:no-author-article", "article-journal", title="Editorial: A new start", container_title="Nature",
              volume="500", page="5", issued=2013),
        _item("x:place-only", "book", author=[_n("Mill", "John Stuart")], title="On Liberty",
              publisher_place="London", issued=1859),
        _item("x:issue-only", "article-journal", author=[_n("Ortega", "Luis")], title="Hospitality in Lima",
              container_title="Revista Andina", issue="12", issued=2004, page="55-60"),
        _item("x:volume-no-pages", "article-journal", author=[_n("Stein", "Clara")], title="Online first paper",
              container_title="Ecology Letters", volume="26", issued=2023, DOI="10.1111/ele.14000"),
        _item("x:article-number", "article-journal", author=[_n("Rossi", "Marco"), _n("Bianchi", "Luca")],
              title="Glacier retreat in the Alps", container_title="Scientific Reports", volume="13",
              number="4567", issued=2023, DOI="10.1038/s41598-023-04567-1"),
        _item("x:in-press", "article-journal", author=[_n("Novak", "Jana")], title="Forthcoming results",
              container_title="Cognition", status="in press"),
        _item("x:editor-no-author-chapter", "chapter", title="Introduction", container_title="Readings in Ethics",
              editor=[_n("Singer", "Peter")], publisher="Oxford University Press", issued=1994, page="1-10"),
        _item("x:only-title", "book", title="Beowulf"),
        _item("x:season", "article-magazine", author=[_n("Hooks", "Bell")], title="Love as the practice of freedom",
              container_title="Tricycle", issued={"date-parts": [[1994]], "season": 3}, page="20-25"),
        _item("x:circa", "book", author=[_n("Chaucer", "Geoffrey")], title="The Canterbury Tales",
              issued={"date-parts": [[1400]], "circa": True}),
        _item("x:literal-date", "book", author=[_n("Anon")], title="Broadside ballads",
              issued={"literal": "n.d."}),
    ]


def cases() -> list[dict]:
    """Every hand-written record, ids unique."""
    out = []
    for group in (chapters, reprints, corporate, many_authors, repeated_authors, web, theses_reports,
                  conferences, media, titles, particles, russian_ukrainian, missing_fields):
        out.extend(group())
    for item in out:
        item["id"] = "third:" + item["id"]
    ids = [item["id"] for item in out]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return out
