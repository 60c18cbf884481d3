//! Table-driven tests of the quote stage: each case a corpus-style sentence.

use super::*;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::model::Language;
use crate::pipeline::model::Language::{Ar, En};
use crate::pipeline::testing::through;

/// (kind, content, speaker, resolution, via) of one quote.
type Found = (&'static str, String, Option<String>, Option<Resolution>, Option<String>);

/// Each quote the stage finds.
fn quotes(language: Language, text: &str) -> Vec<Found> {
    let doc = through("quotes", language, text);
    let words = |tokens: TokenSpan| {
        let (s, e) = doc.token_span(tokens);
        doc.text[s..e].to_string()
    };
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map(|s| words(s.tokens));
            (q.kind, words(q.content), speaker, q.speaker.as_ref().map(|s| s.resolution), q.via.map(words))
        })
        .collect()
}

/// (text, words of the content, the speaker — contained in it, or exactly it)
type SpeakerCase = (Language, &'static str, &'static str, &'static str);

/// Checks each case: a quote whose content holds the words, with the speaker (`exact`: that
/// speaker span, else one containing it).
fn assert_speakers(cases: &[SpeakerCase], exact: bool) {
    for &(language, text, content, speaker) in cases {
        let found = quotes(language, text);
        let q = found.iter().find(|q| q.1.contains(content)).unwrap_or_else(|| panic!("{text:?}: {found:?}"));
        let got = q.2.as_deref().unwrap_or("");
        assert!(if exact { got == speaker } else { got.contains(speaker) }, "{text:?}: {q:?}, expected {speaker:?}");
    }
}

/// Checks each case: exactly one quote, with the content, and the speaker (`exact`: that
/// speaker span, else one containing it).
fn assert_one_quote(cases: &[SpeakerCase], exact: bool) {
    for &(language, text, content, speaker) in cases {
        let found = quotes(language, text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].1, content, "{text:?}: {found:?}");
        let got = found[0].2.as_deref().unwrap_or("");
        assert!(if exact { got == speaker } else { got.contains(speaker) }, "{text:?}: {found:?}, expected {speaker:?}");
    }
}

#[test]
fn cues_give_quotes_with_their_speakers() {
    type Case = (Language, &'static str, &'static str, &'static str, &'static str, Resolution);
    let cases: &[Case] = &[
        (
            Ar,
            "قال المسؤول الأمريكي إن الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص.",
            "indirect",
            "الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص",
            "المسؤول الأمريكي",
            Resolution::Explicit,
        ),
        (Ar, "وأكدت الوزارة في بيان أن المحادثات ستستأنف.", "indirect", "المحادثات ستستأنف", "الوزارة", Resolution::Explicit),
        (
            Ar,
            "وبينت المديرة أن التجربة الانتخابية تثبت مكانة المرأة.",
            "indirect",
            "التجربة الانتخابية تثبت مكانة المرأة",
            "المديرة",
            Resolution::Explicit,
        ),
        // a quoted name heading a colon is the subject
        (
            Ar,
            "وصل العقيد ميلود الزوي. وقال \"الزوي\": \"القوات الخاصة تصدت لهجوم عنيف\".",
            "direct",
            "القوات الخاصة تصدت لهجوم عنيف",
            "الزوي",
            Resolution::Explicit,
        ),
        (En, "\"We will respond,\" the spokesman said.", "direct", "We will respond", "the spokesman", Resolution::Explicit),
        (
            En,
            "According to the ministry, five soldiers were wounded.",
            "indirect",
            "five soldiers were wounded",
            "the ministry",
            Resolution::Explicit,
        ),
        (
            En,
            "Officials said the airstrike killed at least 12 people in Mosul on Monday.",
            "indirect",
            "the airstrike killed at least 12 people in Mosul on Monday",
            "Officials",
            Resolution::Explicit,
        ),
    ];
    for &(language, text, kind, content, speaker, resolution) in cases {
        let found = quotes(language, text);
        let q = found.first().unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!((q.0, q.1.as_str(), q.2.as_deref(), q.3), (kind, content, Some(speaker), Some(resolution)), "{text:?}");
    }
}

#[test]
fn an_implicit_speaker_is_the_earlier_one_that_agrees() {
    let text = "قال المسؤول الأمريكي إن الغارة أصابت هدفها. وأضاف أن القوات الأمريكية سترد على أي هجوم.";
    let found = quotes(Ar, text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].3, Some(Resolution::Implicit), "{found:?}");
    assert_eq!(found[1].2.as_deref(), Some("المسؤول الأمريكي"), "{found:?}");
}

#[test]
fn an_implicit_speaker_may_be_the_subject_of_the_sentence_before() {
    // (text, the implicit speaker of its last quote): the subject of the sentence before,
    // named after the latest speaker, is nearer than that speaker
    let cases: &[(Language, &str, &str)] = &[
        (
            Ar,
            "وقال المسؤول الأمريكي إن الغارة أصابت هدفها. وطالب مدير المكتب مهدي التميمي بالتحقيق فورا. وقال \"نطالب بفتح تحقيق عاجل\".",
            "مدير المكتب",
        ),
        (
            En,
            "The mayor said the city was safe. Police Chief Tom Harlan visited the scene on Monday. He added that the suspect had fled.",
            "Tom Harlan",
        ),
        // but not a place or a person behind a preposition
        (Ar, "وقال المسؤول الأمريكي إن الغارة أصابت هدفها. وفي بغداد تجمع المحتجون. وأضاف أن القوات سترد.", "المسؤول الأمريكي"),
    ];
    for &(language, text, speaker) in cases {
        let found = quotes(language, text);
        let last = found.last().unwrap_or_else(|| panic!("{text:?}"));
        assert!(last.2.as_deref().is_some_and(|s| s.contains(speaker)), "{text:?}: {found:?}");
    }
}

#[test]
fn a_relayed_quote_names_its_relay() {
    let found = quotes(Ar, "نقلت رويترز عن مسؤول أمريكي أن الضربات كانت دقيقة.");
    let q = found.first().expect("a quote");
    assert_eq!((q.2.as_deref(), q.4.as_deref()), (Some("مسؤول أمريكي"), Some("رويترز")), "{found:?}");
}

#[test]
fn a_bare_announcement_is_no_quote() {
    let cases: &[(Language, &str)] = &[(Ar, "أعلن البنتاغون قصف مواقع في سوريا."), (En, "The Pentagon announced strikes on Syria.")];
    for &(language, text) in cases {
        assert!(quotes(language, text).is_empty(), "{text:?}: {:?}", quotes(language, text));
    }
    // an announcement of a clause opened by a subject pronoun reports it
    let found = quotes(En, "Wells Fargo announced it would get rid of these incentives in January.");
    assert!(found.iter().any(|q| q.1.starts_with("it would get rid") && q.2.as_deref() == Some("Wells Fargo")), "{found:?}");
}

/// The bytes of text the quotes of `doc` carry as content.
fn content_bytes(doc: &crate::pipeline::doc::Document) -> usize {
    doc.quotes
        .iter()
        .map(|q| {
            let (s, e) = doc.token_span(q.content);
            e - s
        })
        .sum()
}

#[test]
fn repeated_cues_do_not_copy_the_text_into_every_quote() {
    let cases: &[(Language, &str)] = &[(En, "said \""), (Ar, "قال \"")];
    for &(language, unit) in cases {
        let text = unit.repeat(2000);
        let doc = through("quotes", language, &text);
        let bytes = content_bytes(&doc);
        assert!(bytes <= 4 * text.len(), "{unit:?} × 2000: {} quotes carry {bytes} bytes for {}", doc.quotes.len(), text.len());
    }
}

#[test]
fn repeated_tokens_run_in_linear_time_with_bounded_output() {
    // each a few seconds or more per run with a cue × cue or quote × quote loop
    let cases: &[(Language, &str)] = &[(Ar, "قتل 5 "), (En, "killed 5 "), (En, "said \""), (Ar, "وأضاف أن ")];
    for &(language, unit) in cases {
        let text = unit.repeat(3000);
        let doc = through("quotes", language, &text);
        let bytes = content_bytes(&doc);
        assert!(bytes <= 4 * text.len(), "{unit:?} × 3000: {} quotes carry {bytes} bytes for {}", doc.quotes.len(), text.len());
    }
}

#[test]
fn nested_reported_speech_is_kept_up_to_the_depth_bound() {
    let quote = |a: usize| QuoteMention {
        kind: "indirect",
        content: TokenSpan::inclusive(a, 100),
        cue: Some(TokenSpan::single(a - 1)),
        speaker: None,
        via: None,
        sentence: 0,
    };
    let cases: &[(usize, usize)] = &[(3, 3), (5, 5), (6, 5), (40, 5)];
    for &(nested, kept) in cases {
        let mut quotes: Vec<QuoteMention> = (0..nested).map(|i| quote(1 + 2 * i)).collect();
        bound::bound_depth(&mut quotes, 101);
        assert_eq!(quotes.len(), kept, "{nested} nested");
        // the innermost are kept: the outer ones only repeat them
        assert!(quotes.iter().all(|q| q.content.start > 2 * (nested - kept)), "{nested} nested");
    }
}

#[test]
fn quotes_nested_in_reported_speech_are_all_found() {
    let text = "قال المسؤول إن الوزير أكد أن الرئيس أعلن أن القوات ستنسحب من المدينة.";
    let found = quotes(Ar, text);
    assert!(found.len() >= 2, "{found:?}");
}

#[test]
fn speakers_are_noun_phrases() {
    // (text, the speaker of its last quote): no subordinator, adverb, preposition or
    // function word is a speaker; a pronoun behind them resolves to the person before
    let cases: &[(Language, &str, &str)] = &[
        (En, "President Tom Harlan spoke on Monday. Although he said the event was tragic, nothing changed.", "Tom Harlan"),
        (En, "Senator Ruth Harlan arrived. Harlan now says the party is united.", "Harlan"),
        (En, "President Tom Harlan arrived. Speaking at the convention, he said the party is united.", "Tom Harlan"),
        (En, "The protesters marched downtown. The crowd chanted \"Power to the people!\"", "The crowd"),
        // a participle after a cue with no written subject shares the implicit speaker
        (
            Ar,
            "وأعلن وزير الدفاع اشتون كارتر أن التدريب انطلق ببطء. وقال أمام لجنة القوات المسلحة «إنه أقل مما كنا نأمل»، موضحا أن سبعة آلاف متطوع تقدموا.",
            "كارتر",
        ),
        // an aside between the name and the cue
        (En, "Senate Minority Leader Harry M. Reid (D-Nev.) told reporters that he had spoken to Jeh Johnson.", "Reid"),
        (Ar, "وصل وزير الخارجية خالد حداد. وعلق حداد على ذلك بالقول إن الحل قريب.", "حداد"),
        (Ar, "وقال الجيش في بيان إن الوضع هادئ. وأضاف فيه أن القوات انسحبت من المدينة.", "الجيش"),
        // an adjunct set off by a comma before the subject is no speaker
        (
            En,
            "He left. On the eve of his historic election to a fourth term as prime minister in March, Prime Minister Dan Kessler rallied supporters by warning that the rule of the right is in danger.",
            "Kessler",
        ),
        (Ar, "وغادر. وعشية انتخابه لولاية رابعة في مارس، حذر رئيس الوزراء دان كيسلر من أن حكم اليمين في خطر.", "كيسلر"),
    ];
    for &(language, text, speaker) in cases {
        let found = quotes(language, text);
        let last = found.last().unwrap_or_else(|| panic!("no quote in {text:?}"));
        let got = last.2.as_deref().unwrap_or("");
        assert!(got.contains(speaker), "{text:?}: speaker {got:?}, expected {speaker:?}");
    }
}

#[test]
fn a_subject_written_first_in_a_later_clause_is_the_speaker() {
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "دخلت 25 شاحنة بلدة دوما، ولكن اللجنة الدولية للصليب الأحمر قالت إن المعونات ليست كافية.",
            "المعونات ليست كافية",
            "اللجنة الدولية للصليب الأحمر",
        ),
        (Ar, "ولكن الحكومة قالت إن المعونات ليست كافية.", "المعونات ليست كافية", "الحكومة"),
        (Ar, "تقدمت القوات نحو المدينة، بينما الجيش أكد أن الوضع هادئ.", "الوضع هادئ", "الجيش"),
        (En, "Twenty-five trucks entered Douma, but the Red Cross said the aid was not enough.", "the aid was not enough", "the Red Cross"),
    ];
    assert_speakers(cases, true);
}

#[test]
fn an_attribution_whose_clause_has_its_own_cue_adds_no_quote() {
    let cases: &[SpeakerCase] = &[
        (Ar, "وصل وزير الإعلام خالد حداد. ووفقا لما جاء في حسابه على \"تويتر\"، فقد قال إن الحل قريب.", "الحل قريب", "خالد حداد"),
        (
            En,
            "Information Minister Khaled Haddad arrived. According to his account on Twitter, he said that a deal was near.",
            "a deal was near",
            "Khaled Haddad",
        ),
    ];
    assert_one_quote(cases, false);
}

#[test]
fn a_relative_pronoun_speaker_is_the_phrase_before_it() {
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "وأحال متابعيه إلى رابط لتقرير صحيفة واشنطن بوست الذي كشف عن أن عددا من الشركات عرضت نسخة مزيفة.",
            "عددا من الشركات عرضت نسخة مزيفة",
            "تقرير صحيفة واشنطن بوست",
        ),
        (
            En,
            "He pointed followers to a report in the Washington Post, which revealed that several golf clubs displayed a fake cover.",
            "several golf clubs displayed a fake cover",
            "the Washington Post",
        ),
    ];
    assert_one_quote(cases, false);
}

#[test]
fn an_addressee_before_the_subject_is_no_speaker() {
    let cases: &[SpeakerCase] = &[
        (Ar, "وقال لرويترز المتحدث باسم الجيش إن القوات انسحبت.", "القوات انسحبت", "المتحدث باسم الجيش"),
        (Ar, "وقال لـ\"سكاي نيوز عربية\" المتحدث باسم الجيش إن القوات انسحبت.", "القوات انسحبت", "المتحدث باسم الجيش"),
        (Ar, "وأكد لـCNN المتحدث باسم الجيش أن القوات انسحبت.", "القوات انسحبت", "المتحدث باسم الجيش"),
        // «من» is no addressee: the phrase after it is no subject either
        (Ar, "وصل الرئيس الأميركي باراك أوباما. وقال من أديس أبابا إن الضغط سيستمر.", "الضغط سيستمر", "الرئيس الأميركي"),
        (En, "The army spokesman told Reuters that the forces withdrew.", "the forces withdrew", "The army spokesman"),
    ];
    assert_speakers(cases, false);
}

#[test]
fn an_implicit_speaker_may_be_the_subject_opening_its_own_sentence() {
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "وقالت المشرفة سارة العتيبي إن التصويت كان نزيها. وتؤيد مديرة وحدة تطوير المدارس مليحة الغامدي مشاركة المرأة ناخبة، وترى أن التجربة مهمة.",
            "التجربة مهمة",
            "مديرة",
        ),
        (
            En,
            "Supervisor Sara Otaibi said the vote was fair. School director Maliha Ghamdi backs the change, and believes that the experience matters.",
            "the experience matters",
            "Ghamdi",
        ),
    ];
    assert_speakers(cases, false);
}

#[test]
fn an_implicit_speaker_follows_an_opening_adjunct_or_issues_the_statement() {
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "وقال مدير المكتب خالد حداد إن الوضع سيئ. وفي الشهر الماضي، أوقف رئيس الوزراء، حيدر العبادي، وزير الكهرباء عن العمل. وقال في الأسبوع الماضي إن حكومته بدأت في معاقبة المسؤولين.",
            "حكومته بدأت في معاقبة المسؤولين",
            "رئيس الوزراء",
        ),
        (
            Ar,
            "وقال المحلل روبرت كيلي إن القطع رسخت تقديس الشخصية. وبعد الانتقادات، أصدر البيت الأبيض بيانا قال فيه إنه لم يساهم في تصميمهما.",
            "لم يساهم في تصميمهما",
            "البيت الأبيض",
        ),
        (
            En,
            "Office director Khaled Haddad said the situation was bad. Last month, Prime Minister Haider al-Abadi suspended the electricity minister. He said last week that his government had begun punishing officials.",
            "his government had begun punishing officials",
            "Prime Minister",
        ),
        // a time after the opening adjunct with no comma; the subject ends before its object
        (
            Ar,
            "وقالت الحكومة إن الفتيات بخير. وفي يناير/كانون الثاني أصدرت الجماعة مقطع فيديو زعمت أنه يظهر بعض الفتيات المفقودات.",
            "يظهر بعض الفتيات المفقودات",
            "الجماعة",
        ),
        (
            En,
            "The government said the girls were safe. In January the group released a video claiming that it showed some of the missing girls.",
            "it showed some of the missing girls",
            "the group",
        ),
        (
            En,
            "Analyst Robert Kelly said the coins were a mistake. The White House issued a statement saying that it had played no part in the design.",
            "it had played no part in the design",
            "The White House",
        ),
    ];
    assert_speakers(cases, false);
}

#[test]
fn an_apposition_or_adverbial_clause_around_the_cue_is_no_speaker_and_no_content() {
    let cases: &[SpeakerCase] = &[
        (
            En,
            "\"This party is not divided,\" Senator Jeff Sessions, a close advisor to Trump, told AFP.",
            "This party is not divided",
            "Senator Jeff Sessions",
        ),
        (En, "Her friends have mocked the campaign, Susan said as she turned around.", "Her friends have mocked the campaign", "Susan"),
        (
            Ar,
            "وقال السيناتور جيف سيشنز، المستشار المقرب من ترامب، لوكالة فرانس برس إن الحزب غير منقسم.",
            "الحزب غير منقسم",
            "السيناتور جيف سيشنز",
        ),
    ];
    assert_one_quote(cases, true);
}

#[test]
fn a_cue_of_the_speakers_own_words_inside_a_quotation_is_no_quote() {
    // (text, the content of its one quote)
    let cases: &[(Language, &str, &str)] = &[
        (
            Ar,
            "وصل الرئيس إلى أديس أبابا. وقال أوباما: «أعتقد أنه ما زال هناك عمل يجب القيام به، وأعتقد أن رئيس الوزراء هو أول من اعترف بذلك».",
            "أعتقد أنه ما زال هناك عمل يجب القيام به، وأعتقد أن رئيس الوزراء هو أول من اعترف بذلك",
        ),
        (
            En,
            "The president arrived in Addis Ababa. \"We think there is still work to do, and we believe the prime minister was the first to admit it,\" Obama said.",
            "We think there is still work to do, and we believe the prime minister was the first to admit it",
        ),
    ];
    for &(language, text, content) in cases {
        let found = quotes(language, text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].1, content, "{text:?}: {found:?}");
    }
}

#[test]
fn a_statement_quoted_after_its_cue_is_its_sources() {
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "وتناقلت مواقع التواصل الاجتماعي بيانا صادرًا عن الفرقة 30 جاء فيه «استنكرت قيادة الفرقة 30 قيام عناصر تابعة لجبهة النصرة بخطف العقيد نديم الحسن قائد الفرقة».",
            "استنكرت قيادة الفرقة 30 قيام عناصر تابعة لجبهة النصرة",
            "الفرقة 30",
        ),
        (
            En,
            "Social media carried a statement issued by Division 30 which said: \"The command of Division 30 condemns the kidnapping of its commander by Nusra fighters.\"",
            "The command of Division 30 condemns the kidnapping",
            "Division 30",
        ),
    ];
    assert_speakers(cases, false);
}

#[test]
fn an_announcing_verb_takes_a_clause_without_that_when_an_auxiliary_shows_it() {
    let cases: &[SpeakerCase] = &[
        (
            En,
            "One such politician was President Barack Obama, who claimed Trump was not addressing reality.",
            "Trump was not addressing reality",
            "Barack Obama",
        ),
        (En, "Prosecutors have determined the perpetrator did not act alone.", "the perpetrator did not act alone", "Prosecutors"),
        (
            En,
            "Khalif also charged that the Democratic Party largely ignored the movement.",
            "the Democratic Party largely ignored the movement",
            "Khalif",
        ),
        (Ar, "وزعم الرئيس الأميركي باراك أوباما أن ترامب لا يتعامل مع الواقع.", "ترامب لا يتعامل مع الواقع", "باراك أوباما"),
    ];
    assert_speakers(cases, false);
    // a "that" closing the sentence is a pronoun, not the complementiser
    let cases: &[SpeakerCase] = &[
        (En, "Experts said the latest nuclear test could change that.", "the latest nuclear test could change that", "Experts"),
        (Ar, "وقال خبراء إن التجربة النووية الأخيرة قد تغير ذلك.", "التجربة النووية الأخيرة قد تغير ذلك", "خبراء"),
    ];
    assert_speakers(cases, false);
    // no clause: "claimed responsibility", "asked for or just were confused"
    for text in ["The group claimed responsibility for the attack.", "They got cards they never asked for or just were confused."] {
        assert!(quotes(En, text).is_empty(), "{text:?}: {:?}", quotes(En, text));
    }
}

#[test]
fn a_verb_coordinated_after_a_quotation_reads_its_own_clause() {
    let cases: &[SpeakerCase] = &[
        (
            En,
            "Cruz exhorted Republicans to \"vote your conscience\" and said he was standing on truth and principle.",
            "he was standing on truth and principle",
            "Cruz",
        ),
        (
            En,
            "Demonstrators said they want “justice for Terrence,” but pledged to remain civil.",
            "they want “justice for Terrence,” but pledged to remain civil",
            "Demonstrators",
        ),
        (Ar, "وحث كروز الجمهوريين على \"التصويت بضمير\" وقال إنه يقف على الحق والمبدأ.", "يقف على الحق والمبدأ", "كروز"),
    ];
    assert_speakers(cases, false);
    // the quotation before the coordinated verb is no quote of that verb's
    let found = quotes(En, cases[0].1);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_relative_pronoun_bounds_the_subject_before_its_cue() {
    let cases: &[SpeakerCase] = &[(
        Ar,
        "بينما انتشر بيان مطول عبر وسائل التواصل الاجتماعي، والذي ذكر فيه بأن الهجوم نفذ على يد أحد جنود التنظيم.",
        "الهجوم نفذ على يد أحد جنود التنظيم",
        "بيان مطول",
    )];
    assert_speakers(cases, false);
    // "a radio host in April in which she said": the phrase before "which" is no speaker
    let text =
        "Senator Hillary Clinton gave an interview to a radio host in April in which she said she always keeps hot sauce in her purse.";
    let found = quotes(En, text);
    let q = found.iter().find(|q| q.1.contains("hot sauce")).unwrap_or_else(|| panic!("{found:?}"));
    assert!(!q.2.as_deref().unwrap_or("").contains("host"), "{q:?}");
}

#[test]
fn quoted_labels_are_no_quotes() {
    // (text, the label that is no quote's content)
    let cases: &[(Language, &str, &str)] = &[
        (Ar, "ووصف ترامب الاتفاق بـ\"الفظيع\" في تغريدة.", "الفظيع"),
        (Ar, "وشن الحرس الثوري هجوما على مقر من وصفهم بـ\"الإرهابيين\" بسوريا.", "الإرهابيين"),
        (Ar, "وقال مصدر في التحالف لـ\"سكاي نيوز عربية\"، إن الوفد وصل.", "سكاي نيوز عربية"),
        (Ar, "وقال \"الزوي\": \"القوات تصدت للهجوم\".", "الزوي"),
        (En, "The group, the so-called \"Islamic Army\", claimed the raid.", "Islamic Army"),
        (En, "He was shot by a deputy in an alleged \"road rage incident\" last week.", "road rage incident"),
        // the title of a work or a show
        (En, "Pence said on \"Fox News Sunday\" that he would not attack her.", "Fox News Sunday"),
        (En, "The band played \"A Change Is Gonna Come\" as the guests arrived.", "A Change Is Gonna Come"),
        (Ar, "وقال بنس لبرنامج \"فوكس نيوز صنداي\" إنه لن يهاجمها.", "فوكس نيوز صنداي"),
    ];
    for &(language, text, label) in cases {
        let found = quotes(language, text);
        assert!(!found.iter().any(|q| q.1.contains(label)), "{text:?}: {found:?}");
    }
    // a short quote after a colon, a fragment of reported speech, or a whole sentence stays
    let kept: &[(Language, &str, &str)] = &[
        (Ar, "وأكد الوزير أن الوضع صعب، وختم قائلاً: \"صبرنا ينفد\".", "صبرنا ينفد"),
        (En, "Flynn said Trump was \"absolutely right\" on Wednesday.", "absolutely right"),
        (En, "The senator wrote on Twitter: \"This Cannot Continue.\"", "This Cannot Continue."),
        (En, "The lawyer alleged that the police had lied.", "the police had lied"),
    ];
    for &(language, text, content) in kept {
        let found = quotes(language, text);
        assert!(found.iter().any(|q| q.1.contains(content)), "{text:?}: {found:?}");
    }
}

#[test]
fn a_label_in_the_cue_clause_is_no_content_and_no_speaker() {
    // «قال مصدر لـ"سكاي نيوز"، إن …»: the quoted medium is an adjunct of the clause; the
    // complement after it is the content and the speaker ends before the preposition
    let text = "وقال مصدر في التحالف العربي لـ\"سكاي نيوز عربية\"، إن من بين القتلى قياديين.";
    let found = quotes(Ar, text);
    let q = found.iter().find(|q| q.1.contains("من بين القتلى")).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(q.2.as_deref(), Some("مصدر في التحالف العربي"), "{found:?}");
}

#[test]
fn trailing_and_chanted_attributions() {
    // (text, content, speaker): a quotation ending in "!" that the sentence goes on after,
    // a cue followed by "from", cries and chants, a verb coordinated with the subject's own
    let cases: &[SpeakerCase] = &[
        // a quoted object of the verb's preposition, however short
        (
            Ar,
            "دعا الرئيس الأميركي باراك أوباما، أمس، دول شرق أفريقيا التي تحارب الحركة إلى «إبقاء الضغط» على هؤلاء المتمردين.",
            "إبقاء الضغط",
            "الرئيس الأميركي",
        ),
        (
            En,
            "President Barack Obama urged the East African states to \"keep the pressure\" on the rebels.",
            "keep the pressure",
            "Barack Obama",
        ),
        // «…، على ما قال مسؤول»: a trailing "as … said"
        (
            Ar,
            "أجرت الولايات المتحدة والقوى الأوروبية الجمعة مباحثات بشأن اتفاق تكميلي، على ما قال مسؤول أميركي رفيع المستوى.",
            "أجرت الولايات المتحدة والقوى الأوروبية الجمعة مباحثات",
            "مسؤول أميركي رفيع المستوى",
        ),
        (
            En,
            "The United States and the European powers held talks on Friday, according to a senior US official.",
            "The United States and the European powers held talks on Friday",
            "a senior US official",
        ),
        (
            En,
            "The marchers reached the church.\n\n\"Power to the people!\" the group shouted from the street.",
            "Power to the people",
            "the group",
        ),
        (En, "The delegates cheered.\n\n\"This is fantastic!\" beamed Donald Hartley of Madison.", "This is fantastic", "Donald Hartley"),
        (En, "Trump gestured to the crowd, then leaned in and boomed: \"We will win in November.\"", "We will win in November", "Trump"),
        (
            En,
            "House Republican Thomas Massie used to support Rand Paul, but now said Trump had \"the obligation to unite us.\"",
            "the obligation",
            "Thomas Massie",
        ),
        // an aside between the name and the cue, left out of the speaker
        (
            En,
            "The vote was close.\n\n\"It is a dog whistle to all Americans,\" Rep. Gwen Moore (D-Wis.) said.",
            "dog whistle",
            "Rep. Gwen Moore",
        ),
        // quotation marks written as doubled apostrophes, a speaker with an abbreviation
        (En, "The plan drew criticism.\n\n''There is a lot of new complexity,'' Mr. Burman said.", "new complexity", "Mr. Burman"),
        (Ar, "وتجمع المحتجون أمام البرلمان. وهتف المتظاهرون \"الشعب يريد إسقاط الحكومة\".", "الشعب يريد إسقاط الحكومة", "المتظاهرون"),
    ];
    assert_speakers(cases, false);
    // a new sentence after a quotation starts a new attribution
    let found = quotes(En, "\"We are ready.\" Police said a device was found near the station.");
    assert!(!found.iter().any(|q| q.1.contains("We are ready") && q.2.as_deref() == Some("Police")), "{found:?}");
}

#[test]
fn speaker_phrases_end_where_the_phrase_does() {
    // (text, the exact speaker of its last quote)
    let cases: &[(Language, &str, &str)] = &[
        (Ar, "ونقلت وكالة رويترز للأنباء عن مصادر أمنية قولها إن المحتجين ألقوا حجارة.", "مصادر أمنية"),
        (En, "Of the 121 people detained, 77 have been deported, according to an ICE spokeswoman.", "an ICE spokeswoman"),
        (En, "The talks will resume next week, according to several diplomats.", "several diplomats"),
        (En, "\"There is a lot of complexity,\" said Mr. Burman, the director.", "Mr. Burman"),
        (En, "The plan will pass, according to Mr. Burman.", "Mr. Burman"),
        // a definite subject takes no bare noun after it: that is its object
        (Ar, "وصل الوفد. وأصدرت الجماعة بيانا قالت فيه إن الوضع هادئ.", "الجماعة"),
        (En, "The delegation arrived. The group issued a statement saying that the situation was calm.", "The group"),
        // a known person's name after the title belongs to the phrase
        (Ar, "وقال الرئيس الأميركي باراك أوباما إن ترامب لا يتعامل مع الواقع.", "الرئيس الأميركي باراك أوباما"),
        (En, "US President Barack Obama said Trump was not addressing reality.", "US President Barack Obama"),
        // a name no lexicon knows ends before a preposition
        (Ar, "كتب محمد عبد السلام على تويتر أن نقل الجرحى أمر طبيعي.", "محمد عبد السلام"),
        (En, "Mohammed Abdulsalam wrote on Twitter that the transfer was normal.", "Mohammed Abdulsalam"),
    ];
    for &(language, text, speaker) in cases {
        let found = quotes(language, text);
        let last = found.last().unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!(last.2.as_deref(), Some(speaker), "{text:?}: {found:?}");
    }
}

#[test]
fn a_quotation_signed_after_a_dash_is_the_signers() {
    // (text, content, signer): vox pops and readers' letters
    let cases: &[SpeakerCase] = &[
        (En, "Readers wrote in.\n\n“Trump must stop portraying Latinos as gangsters.”― Carla Sanchez.", "Trump must stop", "Carla Sanchez"),
        (En, "Readers wrote in.\n\n“Fear. I am truly afraid.” ― Edwin G. Monroy, 24, Houston", "I am truly afraid", "Edwin G. Monroy"),
        (Ar, "وكتب القراء.\n\n«الحرب يجب أن تتوقف الآن» — سامي الخطيب، بيروت", "الحرب يجب أن تتوقف", "سامي الخطيب"),
        // a cue inside the signed words is the signer's speech
        (
            En,
            "Readers wrote in.\n\n“During the debate Trump said Hispanics live in hell.” ― Pamela Padilla",
            "Hispanics live in hell",
            "Pamela Padilla",
        ),
    ];
    assert_speakers(cases, true);
    let found = quotes(En, "Readers wrote in.\n\n“During the debate Trump said Hispanics live in hell.” ― Pamela Padilla");
    assert_eq!(found.len(), 1, "{found:?}");
    // a quotation inside a sentence between dashes is no signed one
    let found = quotes(En, "When Trump wrapped up — “I will fight for you!” — the balloons cascaded down.");
    assert!(!found.iter().any(|q| q.2.as_deref().is_some_and(|s| s.contains("balloons"))), "{found:?}");
}

#[test]
fn a_subheading_with_a_colon_is_its_speakers_quote() {
    // (text, content, speaker): a one-sentence paragraph «X: …» inside the article
    let cases: &[SpeakerCase] = &[
        (
            Ar,
            "وصلت المساعدات إلى الغوطة الشرقية أمس.\n\nالصليب الأحمر: المساعدات أقل كثيرا مما تحتاجه الأسر\n\nوتواصل القصف.",
            "المساعدات أقل كثيرا",
            "الصليب الأحمر",
        ),
        (En, "The talks went on.\n\nPentagon: the strikes were precise\n\nMore followed.", "the strikes were precise", "Pentagon"),
    ];
    assert_speakers(cases, true);
    // a dateline or a note names no speaker
    for (language, text) in [
        (Ar, "وصلت المساعدات أمس.\n\nالرياض: وصلت الوفود إلى المدينة\n\nوتواصل القصف."),
        (En, "The talks went on.\n\nGeneva: the delegations arrived on Monday\n\nMore followed."),
    ] {
        let found = quotes(language, text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn in_accordance_with_rules_names_no_source() {
    for (language, text) in [
        (Ar, "أكملت النساء استعدادهن للانتخابات وفق الضوابط الشرعية."),
        (En, "The vote went ahead according to the rules set last year."),
        (En, "Everything went according to plan on Monday."),
    ] {
        let found = quotes(language, text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
    // a source after the cue still attributes
    let found = quotes(Ar, "وصلت الوفود إلى جنيف، وفق مصدر دبلوماسي.");
    assert!(found.iter().any(|q| q.2.as_deref().is_some_and(|s| s.contains("مصدر"))), "{found:?}");
}

#[test]
fn verbs_that_are_speech_only_in_some_uses() {
    // a threat to a way of life or a photo snapped is no speech; a threat made that … is
    for (language, text) in [
        (En, "The rise of terrorism threatens the way of life for all civilized people."),
        (En, "One thousand supporters snapped his picture in unison."),
    ] {
        let found = quotes(language, text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
    // a question asked is speech; a request asked for is not
    let found = quotes(En, "The hall went quiet.\n\n\"Does anybody know what the platform is?\" Graham asked.");
    assert!(found.iter().any(|q| q.1.contains("Does anybody know") && q.2.as_deref() == Some("Graham")), "{found:?}");
    let found = quotes(En, "The campaign released a website asking for proposals for a new wing.");
    assert!(found.is_empty(), "{found:?}");
    // the one asked in a passive is no speaker of the quotation before
    let found = quotes(En, "\"We have to act,\" the nominee told \"Fox and Friends\" after he was asked about the attack.");
    assert!(!found.iter().any(|q| q.1 == "Fox and Friends"), "{found:?}");
    let found = quotes(En, "The minister threatened that the talks would end on Friday.");
    assert!(found.iter().any(|q| q.1.contains("the talks would end")), "{found:?}");
}

#[test]
fn a_quotation_after_a_colon_that_ends_a_paragraph_is_the_introducers() {
    // (text, content, speaker): "X issued the following statement:" and the quotation after
    let cases: &[SpeakerCase] = &[
        (
            En,
            "In response, Senator Tom Harlan issued the following statement:\n\n“Our prayers are with the families. This cannot continue.”",
            "Our prayers are with the families",
            "Senator Tom Harlan",
        ),
        (Ar, "وأصدر وزير الخارجية بيانا جاء فيه:\n\n«ندين هذا الهجوم بأشد العبارات»", "ندين هذا الهجوم", "وزير الخارجية"),
    ];
    assert_speakers(cases, false);
    // a place opening the sentence is no speaker
    let found = quotes(Ar, "بغداد:\n\n«الوضع هادئ»");
    assert!(!found.iter().any(|q| q.2.as_deref() == Some("بغداد")), "{found:?}");
}
