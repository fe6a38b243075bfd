"""The seed's five records in every supported style and every --script mode.

Each expected list was written out from the style's rules and checked entry by entry:
GOST R 7.0.5-2008 ("Газуль С. М. Бизнес и облака // Сборник … Санкт-Петербург :
Изд-во СПбГУЭФ, 2011. С. 134–135."; an English record keeps "Vol.", "No.", "P." unless its
host is Russian: "Т. 7. С. 108–115"; an online one gets "[Электронный ресурс]" and its URL),
GOST R 7.0.100-2018 (heading "Газуль, С. М.", "/ С. М. Газуль", ". – " areas, "Текст :
непосредственный" / "Текст : электронный" before "//", "URL: … (дата обращения:
11.02.2019)"), the romanized References ("Gazul’
S.M. Biznes i oblaka [Business and clouds]. … St. Petersburg, SPbGUEF Publ., 2011, pp.
134–135. (In Russ.)"), APA 7 (sentence-case titles as typed, "(2011)", "&"), IEEE
("[1] S. M. Gazul’, “Бизнес и облака,” in …"), Chicago author-date 18 (full given
names, title case for English titles only, "108–15"), Harvard Cite Them Right ("Газуль,
С.М. (2011)"), MLA 9 (full given names, "pp. 108–15") and Vancouver/NLM ("Газуль СМ.",
"[cited 2019 Feb 11]", "p. 134–5").  In translit modes the Russian records are
romanized with BGN/PCGN (initials "Yu. Ye.", in Vancouver "YuYe" as citeproc-js too writes
them), places and publishers in the References
convention ("St. Petersburg", "SPbGUEF Publ."); translit+translation adds the title
translation in brackets.
"""
from __future__ import annotations

import pytest

from polybib import formats, render

TRANSLATIONS = {
    "gazul2011biznes": "Business and clouds",
    "matvienko2019analiz": "Analysis of the development of railway transport in the EAEU",
}

EXPECTED = {
    ('apa', 'original'): [
        'Kizekova, A., & Ho, T. E. B. (2014). The future of the shanghai cooperation organization in sino-russian interactions. Известия Иркутского государственного университета. Серия: Политология. Религиоведение, 7, 108–115.',
        'Li, L. (2007). National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, (1 (43)), 110–120.',
        'Wang, W., & Cheng, Z. (2015). Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, (3), 40–44.',
        'Газуль, С. М. (2011). Бизнес и облака. Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе», 134–135.',
        'Матвиенко, Ю. Е. (2019). Анализ развития железнодорожного транспорта в ЕАЭС. Международный студенческий научный вестник, (1). http://www.eduherald.ru/ru/article/view?id=19537',
    ],
    ('apa', 'translit'): [
        'Gazul’, S. M. (2011). Biznes i oblaka. Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese», 134–135.',
        'Kizekova, A., & Ho, T. E. B. (2014). The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye, 7, 108–115.',
        'Li, L. (2007). National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, (1 (43)), 110–120.',
        'Matviyenko, Yu. Ye. (2019). Analiz razvitiya zheleznodorozhnogo transporta v YEAES. Mezhdunarodnyy studencheskiy nauchnyy vestnik, (1). http://www.eduherald.ru/ru/article/view?id=19537',
        'Wang, W., & Cheng, Z. (2015). Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, (3), 40–44.',
    ],
    ('apa', 'translit+translation'): [
        'Gazul’, S. M. (2011). Biznes i oblaka [Business and clouds]. Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese», 134–135.',
        'Kizekova, A., & Ho, T. E. B. (2014). The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye, 7, 108–115.',
        'Li, L. (2007). National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, (1 (43)), 110–120.',
        'Matviyenko, Yu. Ye. (2019). Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU]. Mezhdunarodnyy studencheskiy nauchnyy vestnik, (1). http://www.eduherald.ru/ru/article/view?id=19537',
        'Wang, W., & Cheng, Z. (2015). Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, (3), 40–44.',
    ],
    ('gost', 'original'): [
        '1. Газуль С. М. Бизнес и облака // Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». Санкт-Петербург : Изд-во СПбГУЭФ, 2011. С. 134–135.',
        '2. Матвиенко Ю. Е. Анализ развития железнодорожного транспорта в ЕАЭС [Электронный ресурс] // Международный студенческий научный вестник. 2019. № 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        '4. Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Известия Иркутского государственного университета. Серия: Политология. Религиоведение. 2014. Т. 7. С. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost', 'translit'): [
        '1. Gazul’ S. M. Biznes i oblaka // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg : SPbGUEF Publ., 2011. P. 134–135.',
        '2. Matviyenko Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Electronic resource] // Mezhdunarodnyy studencheskiy nauchnyy vestnik. 2019. No. 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        '4. Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. 2014. Vol. 7. P. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost', 'translit+translation'): [
        '1. Gazul’ S. M. Biznes i oblaka [Business and clouds] // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg : SPbGUEF Publ., 2011. P. 134–135.',
        '2. Matviyenko Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU] [Electronic resource] // Mezhdunarodnyy studencheskiy nauchnyy vestnik. 2019. No. 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        '4. Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. 2014. Vol. 7. P. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost-author-date', 'original'): [
        'Газуль С. М. Бизнес и облака // Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». Санкт-Петербург : Изд-во СПбГУЭФ, 2011. С. 134–135.',
        'Матвиенко Ю. Е. Анализ развития железнодорожного транспорта в ЕАЭС [Электронный ресурс] // Международный студенческий научный вестник. 2019. № 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        'Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Известия Иркутского государственного университета. Серия: Политология. Религиоведение. 2014. Т. 7. С. 108–115.',
        'Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        'Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost-author-date', 'translit'): [
        'Gazul’ S. M. Biznes i oblaka // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg : SPbGUEF Publ., 2011. P. 134–135.',
        'Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. 2014. Vol. 7. P. 108–115.',
        'Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        'Matviyenko Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Electronic resource] // Mezhdunarodnyy studencheskiy nauchnyy vestnik. 2019. No. 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        'Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost-author-date', 'translit+translation'): [
        'Gazul’ S. M. Biznes i oblaka [Business and clouds] // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg : SPbGUEF Publ., 2011. P. 134–135.',
        'Kizekova A., Ho T. E. B. The future of the shanghai cooperation organization in sino-russian interactions // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. 2014. Vol. 7. P. 108–115.',
        'Li L. National energy security and sino-russian-kazakh-japan energy cooperation // Central Asia and the Caucasus. 2007. No. 1 (43). P. 110–120.',
        'Matviyenko Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU] [Electronic resource] // Mezhdunarodnyy studencheskiy nauchnyy vestnik. 2019. No. 1. URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        'Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt // European Journal of Law and Political Sciences. 2015. No. 3. P. 40–44.',
    ],
    ('gost-2018', 'original'): [
        '1. Газуль, С. М. Бизнес и облака / С. М. Газуль. – Текст : непосредственный // Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». – Санкт-Петербург : Изд-во СПбГУЭФ, 2011. – С. 134–135.',
        '2. Матвиенко, Ю. Е. Анализ развития железнодорожного транспорта в ЕАЭС / Ю. Е. Матвиенко. – Текст : электронный // Международный студенческий научный вестник. – 2019. – № 1. – URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li, L. National energy security and sino-russian-kazakh-japan energy cooperation / L. Li. – Текст : непосредственный // Central Asia and the Caucasus. – 2007. – No. 1 (43). – P. 110–120.',
        '4. Kizekova, A. The future of the shanghai cooperation organization in sino-russian interactions / A. Kizekova, T. E. B. Ho. – Текст : непосредственный // Известия Иркутского государственного университета. Серия: Политология. Религиоведение. – 2014. – Т. 7. – С. 108–115.',
        '5. Wang, W. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt / W. Wang, Z. Cheng. – Текст : непосредственный // European Journal of Law and Political Sciences. – 2015. – No. 3. – P. 40–44.',
    ],
    ('gost-2018', 'translit'): [
        '1. Gazul’, S. M. Biznes i oblaka / S. M. Gazul’. – Текст : непосредственный // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». – St. Petersburg : SPbGUEF Publ., 2011. – P. 134–135.',
        '2. Matviyenko, Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES / Yu. Ye. Matviyenko. – Текст : электронный // Mezhdunarodnyy studencheskiy nauchnyy vestnik. – 2019. – No. 1. – URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li, L. National energy security and sino-russian-kazakh-japan energy cooperation / L. Li. – Текст : непосредственный // Central Asia and the Caucasus. – 2007. – No. 1 (43). – P. 110–120.',
        '4. Kizekova, A. The future of the shanghai cooperation organization in sino-russian interactions / A. Kizekova, T. E. B. Ho. – Текст : непосредственный // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. – 2014. – Vol. 7. – P. 108–115.',
        '5. Wang, W. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt / W. Wang, Z. Cheng. – Текст : непосредственный // European Journal of Law and Political Sciences. – 2015. – No. 3. – P. 40–44.',
    ],
    ('gost-2018', 'translit+translation'): [
        '1. Gazul’, S. M. Biznes i oblaka [Business and clouds] / S. M. Gazul’. – Текст : непосредственный // Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». – St. Petersburg : SPbGUEF Publ., 2011. – P. 134–135.',
        '2. Matviyenko, Yu. Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU] / Yu. Ye. Matviyenko. – Текст : электронный // Mezhdunarodnyy studencheskiy nauchnyy vestnik. – 2019. – No. 1. – URL: http://www.eduherald.ru/ru/article/view?id=19537 (дата обращения: 11.02.2019).',
        '3. Li, L. National energy security and sino-russian-kazakh-japan energy cooperation / L. Li. – Текст : непосредственный // Central Asia and the Caucasus. – 2007. – No. 1 (43). – P. 110–120.',
        '4. Kizekova, A. The future of the shanghai cooperation organization in sino-russian interactions / A. Kizekova, T. E. B. Ho. – Текст : непосредственный // Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye. – 2014. – Vol. 7. – P. 108–115.',
        '5. Wang, W. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt / W. Wang, Z. Cheng. – Текст : непосредственный // European Journal of Law and Political Sciences. – 2015. – No. 3. – P. 40–44.',
    ],
    ('references', 'original'): [
        '1. Газуль С.М. Бизнес и облака. Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». Санкт-Петербург, Изд-во СПбГУЭФ, 2011, pp. 134–135.',
        '2. Матвиенко Ю.Е. Анализ развития железнодорожного транспорта в ЕАЭС. Международный студенческий научный вестник, 2019, no. 1. Available at: http://www.eduherald.ru/ru/article/view?id=19537 (accessed 11.02.2019).',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, 2007, no. 1 (43), pp. 110–120.',
        '4. Kizekova A., Ho T.E.B. The future of the shanghai cooperation organization in sino-russian interactions. Известия Иркутского государственного университета. Серия: Политология. Религиоведение, 2014, vol. 7, pp. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, 2015, no. 3, pp. 40–44.',
    ],
    ('references', 'translit'): [
        '1. Gazul’ S.M. Biznes i oblaka. Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg, SPbGUEF Publ., 2011, pp. 134–135. (In Russ.)',
        '2. Matviyenko Yu.Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES. Mezhdunarodnyy studencheskiy nauchnyy vestnik, 2019, no. 1. Available at: http://www.eduherald.ru/ru/article/view?id=19537 (accessed 11.02.2019). (In Russ.)',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, 2007, no. 1 (43), pp. 110–120.',
        '4. Kizekova A., Ho T.E.B. The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, 2014, vol. 7, pp. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, 2015, no. 3, pp. 40–44.',
    ],
    ('references', 'translit+translation'): [
        '1. Gazul’ S.M. Biznes i oblaka [Business and clouds]. Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg, SPbGUEF Publ., 2011, pp. 134–135. (In Russ.)',
        '2. Matviyenko Yu.Ye. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU]. Mezhdunarodnyy studencheskiy nauchnyy vestnik, 2019, no. 1. Available at: http://www.eduherald.ru/ru/article/view?id=19537 (accessed 11.02.2019). (In Russ.)',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus, 2007, no. 1 (43), pp. 110–120.',
        '4. Kizekova A., Ho T.E.B. The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, 2014, vol. 7, pp. 108–115.',
        '5. Wang W., Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences, 2015, no. 3, pp. 40–44.',
    ],
    ('ieee', 'original'): [
        '[1] С. М. Газуль, “Бизнес и облака,” in Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе», Санкт-Петербург: Изд-во СПбГУЭФ, 2011, pp. 134–135.',
        '[2] Ю. Е. Матвиенко, “Анализ развития железнодорожного транспорта в ЕАЭС,” Международный студенческий научный вестник, no. 1, 2019, Accessed: Feb. 11, 2019. [Online]. Available: http://www.eduherald.ru/ru/article/view?id=19537',
        '[3] L. Li, “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, no. 1 (43), pp. 110–120, 2007.',
        '[4] A. Kizekova and T. E. B. Ho, “The future of the shanghai cooperation organization in sino-russian interactions,” Известия Иркутского государственного университета. Серия: Политология. Религиоведение, vol. 7, pp. 108–115, 2014.',
        '[5] W. Wang and Z. Cheng, “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, no. 3, pp. 40–44, 2015.',
    ],
    ('ieee', 'translit'): [
        '[1] S. M. Gazul’, “Biznes i oblaka,” in Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese», St. Petersburg: SPbGUEF Publ., 2011, pp. 134–135.',
        '[2] Yu. Ye. Matviyenko, “Analiz razvitiya zheleznodorozhnogo transporta v YEAES,” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1, 2019, Accessed: Feb. 11, 2019. [Online]. Available: http://www.eduherald.ru/ru/article/view?id=19537',
        '[3] L. Li, “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, no. 1 (43), pp. 110–120, 2007.',
        '[4] A. Kizekova and T. E. B. Ho, “The future of the shanghai cooperation organization in sino-russian interactions,” Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, vol. 7, pp. 108–115, 2014.',
        '[5] W. Wang and Z. Cheng, “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, no. 3, pp. 40–44, 2015.',
    ],
    ('ieee', 'translit+translation'): [
        '[1] S. M. Gazul’, “Biznes i oblaka [Business and clouds],” in Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese», St. Petersburg: SPbGUEF Publ., 2011, pp. 134–135.',
        '[2] Yu. Ye. Matviyenko, “Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU],” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1, 2019, Accessed: Feb. 11, 2019. [Online]. Available: http://www.eduherald.ru/ru/article/view?id=19537',
        '[3] L. Li, “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, no. 1 (43), pp. 110–120, 2007.',
        '[4] A. Kizekova and T. E. B. Ho, “The future of the shanghai cooperation organization in sino-russian interactions,” Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, vol. 7, pp. 108–115, 2014.',
        '[5] W. Wang and Z. Cheng, “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, no. 3, pp. 40–44, 2015.',
    ],
    ('chicago', 'original'): [
        'Kizekova, A., and T. E. B. Ho. 2014. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Известия Иркутского государственного университета. Серия: Политология. Религиоведение 7: 108–15.',
        'Li, Lifan. 2007. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43): 110–20.',
        'Wang, Wan, and Zhijie Cheng. 2015. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3: 40–44.',
        'Газуль, С. М. 2011. “Бизнес и облака.” Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе» (Санкт-Петербург), 134–35.',
        'Матвиенко, Ю. Е. 2019. “Анализ развития железнодорожного транспорта в ЕАЭС.” Международный студенческий научный вестник, no. 1. http://www.eduherald.ru/ru/article/view?id=19537.',
    ],
    ('chicago', 'translit'): [
        'Gazul’, S. M. 2011. “Biznes i oblaka.” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese» (St. Petersburg), 134–35.',
        'Kizekova, A., and T. E. B. Ho. 2014. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye 7: 108–15.',
        'Li, Lifan. 2007. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43): 110–20.',
        'Matviyenko, Yu. Ye. 2019. “Analiz razvitiya zheleznodorozhnogo transporta v YEAES.” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1. http://www.eduherald.ru/ru/article/view?id=19537.',
        'Wang, Wan, and Zhijie Cheng. 2015. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3: 40–44.',
    ],
    ('chicago', 'translit+translation'): [
        'Gazul’, S. M. 2011. “Biznes i oblaka [Business and clouds].” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese» (St. Petersburg), 134–35.',
        'Kizekova, A., and T. E. B. Ho. 2014. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye 7: 108–15.',
        'Li, Lifan. 2007. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43): 110–20.',
        'Matviyenko, Yu. Ye. 2019. “Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU].” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1. http://www.eduherald.ru/ru/article/view?id=19537.',
        'Wang, Wan, and Zhijie Cheng. 2015. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3: 40–44.',
    ],
    ('harvard', 'original'): [
        'Kizekova, A. and Ho, T.E.B. (2014) “The future of the shanghai cooperation organization in sino-russian interactions,” Известия Иркутского государственного университета. Серия: Политология. Религиоведение, 7, pp. 108–115.',
        'Li, L. (2007) “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, (1 (43)), pp. 110–120.',
        'Wang, W. and Cheng, Z. (2015) “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, (3), pp. 40–44.',
        'Газуль, С.М. (2011) “Бизнес и облака,” Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». Санкт-Петербург: Изд-во СПбГУЭФ, pp. 134–135.',
        'Матвиенко, Ю.Е. (2019) “Анализ развития железнодорожного транспорта в ЕАЭС,” Международный студенческий научный вестник [Preprint], (1). Available at: http://www.eduherald.ru/ru/article/view?id=19537 (Accessed: February 11, 2019).',
    ],
    ('harvard', 'translit'): [
        'Gazul’, S.M. (2011) “Biznes i oblaka,” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg: SPbGUEF Publ., pp. 134–135.',
        'Kizekova, A. and Ho, T.E.B. (2014) “The future of the shanghai cooperation organization in sino-russian interactions,” Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, 7, pp. 108–115.',
        'Li, L. (2007) “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, (1 (43)), pp. 110–120.',
        'Matviyenko, Yu.Ye. (2019) “Analiz razvitiya zheleznodorozhnogo transporta v YEAES,” Mezhdunarodnyy studencheskiy nauchnyy vestnik [Preprint], (1). Available at: http://www.eduherald.ru/ru/article/view?id=19537 (Accessed: February 11, 2019).',
        'Wang, W. and Cheng, Z. (2015) “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, (3), pp. 40–44.',
    ],
    ('harvard', 'translit+translation'): [
        'Gazul’, S.M. (2011) “Biznes i oblaka [Business and clouds],” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg: SPbGUEF Publ., pp. 134–135.',
        'Kizekova, A. and Ho, T.E.B. (2014) “The future of the shanghai cooperation organization in sino-russian interactions,” Izvestiya Irkutskogo gosudarstvennogo universiteta. Seriya: Politologiya. Religiovedeniye, 7, pp. 108–115.',
        'Li, L. (2007) “National energy security and sino-russian-kazakh-japan energy cooperation,” Central Asia and the Caucasus, (1 (43)), pp. 110–120.',
        'Matviyenko, Yu.Ye. (2019) “Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU],” Mezhdunarodnyy studencheskiy nauchnyy vestnik [Preprint], (1). Available at: http://www.eduherald.ru/ru/article/view?id=19537 (Accessed: February 11, 2019).',
        'Wang, W. and Cheng, Z. (2015) “Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt,” European Journal of Law and Political Sciences, (3), pp. 40–44.',
    ],
    ('mla', 'original'): [
        'Kizekova, A., and T. E. B. Ho. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Известия Иркутского государственного университета. Серия: Политология. Религиоведение, vol. 7, 2014, pp. 108–15.',
        'Li, Lifan. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43), 2007, pp. 110–20.',
        'Wang, Wan, and Zhijie Cheng. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3, 2015, pp. 40–44.',
        'Газуль, С. М. “Бизнес и облака.” Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе» [Санкт-Петербург], 2011, pp. 134–35.',
        'Матвиенко, Ю. Е. “Анализ развития железнодорожного транспорта в ЕАЭС.” Международный студенческий научный вестник, no. 1, 2019, http://www.eduherald.ru/ru/article/view?id=19537.',
    ],
    ('mla', 'translit'): [
        'Gazul’, S. M. “Biznes i oblaka.” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese» [St. Petersburg], 2011, pp. 134–35.',
        'Kizekova, A., and T. E. B. Ho. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye, vol. 7, 2014, pp. 108–15.',
        'Li, Lifan. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43), 2007, pp. 110–20.',
        'Matviyenko, Yu. Ye. “Analiz razvitiya zheleznodorozhnogo transporta v YEAES.” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1, 2019, http://www.eduherald.ru/ru/article/view?id=19537.',
        'Wang, Wan, and Zhijie Cheng. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3, 2015, pp. 40–44.',
    ],
    ('mla', 'translit+translation'): [
        'Gazul’, S. M. “Biznes i oblaka [Business and clouds].” Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese» [St. Petersburg], 2011, pp. 134–35.',
        'Kizekova, A., and T. E. B. Ho. “The Future of the Shanghai Cooperation Organization in Sino-Russian Interactions.” Izvestiya Irkutskogo Gosudarstvennogo Universiteta. Seriya: Politologiya. Religiovedeniye, vol. 7, 2014, pp. 108–15.',
        'Li, Lifan. “National Energy Security and Sino-Russian-Kazakh-Japan Energy Cooperation.” Central Asia and the Caucasus, no. 1 (43), 2007, pp. 110–20.',
        'Matviyenko, Yu. Ye. “Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU].” Mezhdunarodnyy studencheskiy nauchnyy vestnik, no. 1, 2019, http://www.eduherald.ru/ru/article/view?id=19537.',
        'Wang, Wan, and Zhijie Cheng. “Sino-Russian Transboundary Water Cooperation Regarding Heilongjiang River under the Background of Silk Road Economic Belt.” European Journal of Law and Political Sciences, no. 3, 2015, pp. 40–44.',
    ],
    ('vancouver', 'original'): [
        '1. Газуль СМ. Бизнес и облака. In: Сборник материалов 7-й международной научной конференции «Информационные технологии в бизнесе». Санкт-Петербург: Изд-во СПбГУЭФ; 2011. p. 134–5.',
        '2. Матвиенко ЮЕ. Анализ развития железнодорожного транспорта в ЕАЭС. Международный студенческий научный вестник [Internet]. 2019 [cited 2019 Feb 11];(1). Available from: http://www.eduherald.ru/ru/article/view?id=19537',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus. 2007;(1 (43)):110–20.',
        '4. Kizekova A, Ho TEB. The future of the shanghai cooperation organization in sino-russian interactions. Известия Иркутского государственного университета Серия: Политология Религиоведение. 2014;7:108–15.',
        '5. Wang W, Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences. 2015;(3):40–4.',
    ],
    ('vancouver', 'translit'): [
        '1. Gazul’ SM. Biznes i oblaka. In: Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg: SPbGUEF Publ.; 2011. p. 134–5.',
        '2. Matviyenko YuYe. Analiz razvitiya zheleznodorozhnogo transporta v YEAES. Mezhdunarodnyy studencheskiy nauchnyy vestnik [Internet]. 2019 [cited 2019 Feb 11];(1). Available from: http://www.eduherald.ru/ru/article/view?id=19537',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus. 2007;(1 (43)):110–20.',
        '4. Kizekova A, Ho TEB. The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo gosudarstvennogo universiteta Seriya: Politologiya Religiovedeniye. 2014;7:108–15.',
        '5. Wang W, Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences. 2015;(3):40–4.',
    ],
    ('vancouver', 'translit+translation'): [
        '1. Gazul’ SM. Biznes i oblaka [Business and clouds]. In: Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii «Informatsionnyye tekhnologii v biznese». St. Petersburg: SPbGUEF Publ.; 2011. p. 134–5.',
        '2. Matviyenko YuYe. Analiz razvitiya zheleznodorozhnogo transporta v YEAES [Analysis of the development of railway transport in the EAEU]. Mezhdunarodnyy studencheskiy nauchnyy vestnik [Internet]. 2019 [cited 2019 Feb 11];(1). Available from: http://www.eduherald.ru/ru/article/view?id=19537',
        '3. Li L. National energy security and sino-russian-kazakh-japan energy cooperation. Central Asia and the Caucasus. 2007;(1 (43)):110–20.',
        '4. Kizekova A, Ho TEB. The future of the shanghai cooperation organization in sino-russian interactions. Izvestiya Irkutskogo gosudarstvennogo universiteta Seriya: Politologiya Religiovedeniye. 2014;7:108–15.',
        '5. Wang W, Cheng Z. Sino-russian transboundary water cooperation regarding heilongjiang river under the background of silk road economic belt. European Journal of Law and Political Sciences. 2015;(3):40–4.',
    ],
}


@pytest.fixture(scope="module")
def seed(shared_data):
    library = formats.read(str(shared_data / "seed-expected.csl.json"))
    for ref in library:
        if ref.id in TRANSLATIONS:
            ref.extra["polybib.title-translation"] = TRANSLATIONS[ref.id]
    return library


@pytest.mark.parametrize("style,script", sorted(EXPECTED))
def test_seed_renders_as_the_style_rules_say(seed, style, script):
    rendered = render.render(seed, style, script=script, scheme="bgn-pcgn")
    assert rendered.strings() == EXPECTED[(style, script)]


def test_every_supported_style_and_mode_is_covered():
    styles = {render.resolve(style).name for style, _ in EXPECTED}
    assert styles == set(render.styles.SUPPORTED)
    assert {script for _, script in EXPECTED} == {"original", "translit", "translit+translation"}

