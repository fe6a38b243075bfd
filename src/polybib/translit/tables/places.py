"""English names of places, for the "References" convention of Russian-language journals.

Journals that print a romanized reference list ("References") ask for the place of
publication in its English form where English has one (``Москва`` → ``Moscow``,
``Санкт-Петербург``/``СПб.`` → ``St. Petersburg``, ``Ростов-на-Дону`` → ``Rostov-on-Don``)
and transliterated otherwise, with abbreviations spelled out.  This list holds the cities
that appear most in Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian and
Kazakh reference lists, in their usual spellings and abbreviations; keys are compared
after :func:`polybib.translit.conventions.place_key` (lower case, ``ё`` = ``е``, no
spaces).  Modern English forms are used (Kyiv, Kharkiv, Odesa, Almaty, Chisinau), as the
English-language journals and style guides do now.
"""

EXONYMS = {
    # Russia: the abbreviations of GOST 7.0.12 and the big publishing cities
    "Moscow": ["Москва", "М.", "М", "Moskva"],
    "St. Petersburg": ["Санкт-Петербург", "СПб.", "СПб", "С.-Петербург", "С.-Пб.", "Спб.",
                       "Петербург", "Sankt-Peterburg"],
    "Leningrad": ["Ленинград", "Л.", "Л"],
    "Petrograd": ["Петроград", "Пг.", "Пг"],
    "Nizhny Novgorod": ["Нижний Новгород", "Н. Новгород", "Н.Новгород"],
    "Rostov-on-Don": ["Ростов-на-Дону", "Ростов н/Д", "Ростов н/Д.", "Ростов-н/Д"],
    "Yekaterinburg": ["Екатеринбург", "Екб."],
    "Kazan": ["Казань"], "Perm": ["Пермь"], "Tver": ["Тверь"], "Ryazan": ["Рязань"],
    "Yaroslavl": ["Ярославль"], "Nalchik": ["Нальчик"], "Tyumen": ["Тюмень"],
    "Novosibirsk": ["Новосибирск"], "Samara": ["Самара"], "Omsk": ["Омск"], "Tomsk": ["Томск"],
    "Ufa": ["Уфа"], "Volgograd": ["Волгоград"], "Voronezh": ["Воронеж"],
    "Krasnoyarsk": ["Красноярск"], "Irkutsk": ["Иркутск"], "Vladivostok": ["Владивосток"],
    "Khabarovsk": ["Хабаровск"], "Chelyabinsk": ["Челябинск"], "Saratov": ["Саратов"],
    "Krasnodar": ["Краснодар"], "Kaliningrad": ["Калининград"], "Arkhangelsk": ["Архангельск"],
    "Murmansk": ["Мурманск"], "Petrozavodsk": ["Петрозаводск"], "Yakutsk": ["Якутск"],
    "Izhevsk": ["Ижевск"], "Barnaul": ["Барнаул"], "Orenburg": ["Оренбург"],
    "Makhachkala": ["Махачкала"], "Grozny": ["Грозный"], "Stavropol": ["Ставрополь"],
    "Ulan-Ude": ["Улан-Удэ"], "Kemerovo": ["Кемерово"], "Belgorod": ["Белгород"],
    "Kursk": ["Курск"], "Tula": ["Тула"], "Smolensk": ["Смоленск"], "Vologda": ["Вологда"],
    "Syktyvkar": ["Сыктывкар"], "Cheboksary": ["Чебоксары"], "Penza": ["Пенза"],
    "Sevastopol": ["Севастополь"], "Simferopol": ["Симферополь"],
    # Ukraine (Ukrainian and Russian spellings)
    "Kyiv": ["Київ", "Киев", "К."], "Kharkiv": ["Харків", "Харьков"],
    "Odesa": ["Одеса", "Одесса"], "Lviv": ["Львів", "Львов"], "Dnipro": ["Дніпро", "Днепр"],
    "Zaporizhzhia": ["Запоріжжя", "Запорожье"], "Donetsk": ["Донецьк", "Донецк"],
    "Chernivtsi": ["Чернівці", "Черновцы"],
    # Belarus
    "Minsk": ["Мінск", "Минск", "Мн."], "Brest": ["Брэст", "Брест"],
    "Hrodna": ["Гродна", "Гродно"], "Vitebsk": ["Віцебск", "Витебск"],
    "Gomel": ["Гомель"], "Mogilev": ["Магілёў", "Могилёв", "Могилев"],
    # Bulgaria, Serbia, North Macedonia
    "Sofia": ["София"], "Plovdiv": ["Пловдив"], "Varna": ["Варна"],
    "Belgrade": ["Београд", "Белград"], "Novi Sad": ["Нови Сад"], "Skopje": ["Скопје", "Скопье"],
    # Central Asia and the Caucasus
    "Almaty": ["Алматы", "Алма-Ата"], "Astana": ["Астана"], "Tashkent": ["Ташкент"],
    "Bishkek": ["Бишкек"], "Dushanbe": ["Душанбе"], "Ashgabat": ["Ашхабад"],
    "Baku": ["Баку"], "Yerevan": ["Ереван"], "Tbilisi": ["Тбилиси"],
    "Chisinau": ["Кишинёв", "Кишинев"], "Riga": ["Рига"], "Vilnius": ["Вильнюс"],
    "Tallinn": ["Таллин", "Таллинн"],
    # Abroad
    "Warsaw": ["Варшава"], "Prague": ["Прага"], "Vienna": ["Вена"], "Berlin": ["Берлин"],
    "Munich": ["Мюнхен"], "Cologne": ["Кёльн", "Кельн"], "Paris": ["Париж"],
    "London": ["Лондон"], "Oxford": ["Оксфорд"], "Cambridge": ["Кембридж"],
    "Rome": ["Рим"], "Geneva": ["Женева"], "Brussels": ["Брюссель"], "The Hague": ["Гаага"],
    "Amsterdam": ["Амстердам"], "Copenhagen": ["Копенгаген"], "Stockholm": ["Стокгольм"],
    "Helsinki": ["Хельсинки"], "Athens": ["Афины"], "Lisbon": ["Лиссабон"],
    "Madrid": ["Мадрид"], "New York": ["Нью-Йорк"], "Washington": ["Вашингтон"],
    "Beijing": ["Пекин"], "Tokyo": ["Токио"], "Jerusalem": ["Иерусалим"],
    "Budapest": ["Будапешт"], "Bucharest": ["Бухарест"], "Istanbul": ["Стамбул"],
}

#: Words naming a publishing house: removed from the name, which then ends in ``Publ.``.
PUBLISHER_WORDS = [
    "Издательский дом", "Изд. дом", "Издательство", "Изд-во", "Издат.", "Изд.", "ИД",
    "Видавництво", "Видавничий дім", "Вид-во", "Выдавецтва", "Выд-ва", "Издателство",
    "Издавачка кућа",
]
