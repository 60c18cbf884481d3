//! Events: triggers from the event lexicon become event mentions with modality
//! ([`detect`]) and arguments — location, actors, time, counts ([`arguments`]); mentions of
//! the same happening merge into one event, and casualties link to the strike that caused
//! them ([`cluster`]).

mod arguments;
mod cluster;
mod detect;
mod window;

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lang::grammar;
use crate::pipeline::lexicon::event_types::EventType;
use crate::pipeline::lexicon::gazetteer::{Gazetteer, PlacePrecision};
use crate::pipeline::lexicon::words::{WordClass, WordClasses};
use crate::pipeline::lexicon::{LanguageLexicons, Lexicons, Modality};
use crate::pipeline::stages::dates::TimeMention;
use crate::pipeline::stages::mentions::{Mention, MentionKind, Mentions};
use crate::pipeline::stages::numbers::CountMention;
use crate::pipeline::text::segment::TokenKind;
use std::ops::Range;
use window::ByToken;

/// An event mention before merging.
#[derive(Debug, Clone)]
pub struct EventMention {
    /// The type (`config/event_types.tsv`).
    pub event_type: EventType,
    /// Finer kind from the trigger entry.
    pub subtype: Option<String>,
    /// Trigger specificity 1–3.
    pub weight: u8,
    /// True when the trigger is a verb (its subject and object are the clause's parties).
    pub verb: bool,
    /// True when the trigger is a present verb, with a future prefix or not ("يقتلون",
    /// «ستقتل»): without a toll such a killing or wounding is a habit, a general statement or
    /// a vow, not a happening.
    pub present: bool,
    /// Its tokens.
    pub tokens: TokenSpan,
    /// Normalised byte span of the trigger.
    pub span: (usize, usize),
    /// Sentence index.
    pub sentence: usize,
    /// Modality.
    pub modality: Modality,
    /// Index into `Mentions::all` of the location.
    pub location: Option<usize>,
    /// True when a word next to the trigger marks a different happening ("غارة مماثلة").
    pub distinct: bool,
    /// Its part in a response its sentence tells («شن الحرس الثوري هجوما صاروخيا … ردا على
    /// هجوم الأحواز»): a response and what it responds to are different happenings.
    pub response: Response,
    /// True when the mention gives the happening only as the setting of the news (a time
    /// anchor, a trial or investigation about it, an anniversary, a work about it).
    pub background: bool,
    /// True when the mention is a tally over a period since some time («قتلوا منذ بدء
    /// الانتفاضة», "killed since 2003"): tallies of one place are one toll whatever their
    /// sources count.
    pub tally: bool,
    /// True when the location was taken from a neighbouring mention, not read beside
    /// this trigger (such locations do not decide coreference).
    pub inherited: bool,
    /// The first token of the strike of the sentence before whose scene this strike
    /// continues (its place was taken from it): a tie to that strike's happening.
    pub continues: Option<usize>,
    /// Actors: (role, index into `Mentions::all`).
    pub actors: Vec<(&'static str, usize)>,
    /// Actors known only by their words: (role, tokens).
    pub raw_actors: Vec<(&'static str, TokenSpan)>,
    /// Index into the time mentions.
    pub time: Option<usize>,
    /// Killed count (index into counts).
    pub killed: Option<usize>,
    /// Injured count (index into counts).
    pub injured: Option<usize>,
}

/// A mention's part in a response its sentence tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// Its sentence tells no response.
    None,
    /// The happening responded to: a response marker stands before it («ردا على هجوم»).
    RespondedTo,
    /// Another mention of its sentence is responded to: this one is the response.
    Responding,
}

/// A merged event: its mentions (the first is the trigger) and its cause.
#[derive(Debug, Clone)]
pub struct EventCluster {
    /// Mention indices; `trigger` is the most specific.
    pub mentions: Vec<usize>,
    /// The trigger mention index.
    pub trigger: usize,
    /// Index of the causing cluster.
    pub cause: Option<usize>,
}

/// Fills [`Document::event_mentions`]: triggers with modality and arguments.
pub fn detect(doc: &mut Document, lexicons: &Lexicons) {
    let inputs = EventInputs::of(doc, lexicons);
    let mut found = detect::find_event_mentions(&inputs);
    let implied = arguments::implied_counts(&inputs, &found);
    // the counts a victim implies join the count layer, so that they are reported as any other
    for (ei, count) in implied {
        let injured = found[ei].subtype.as_deref() == Some("injured");
        let slot = if injured { &mut found[ei].injured } else { &mut found[ei].killed };
        *slot = Some(doc.counts.len());
        doc.counts.push(count);
    }
    doc.event_mentions = found;
}

/// Fills [`Document::clusters`]: event mentions merged into happenings, casualties linked
/// to their cause.
pub fn merge(doc: &mut Document, lexicons: &Lexicons) {
    let mut mentions = std::mem::take(&mut doc.event_mentions);
    let inputs = EventInputs::of(doc, lexicons);
    let clusters = cluster::cluster(&inputs, &mut mentions);
    cluster::mark_unanchored_as_background(&inputs, &clusters, &mut mentions);
    arguments::place_in_the_article_country(&inputs, &clusters, &mut mentions);
    doc.event_mentions = mentions;
    doc.clusters = clusters;
}

/// The layers the event stages read, with position indexes over them.
struct EventInputs<'a> {
    /// The document.
    doc: &'a Document<'a>,
    /// Its language's lexicons.
    lex: &'a LanguageLexicons,
    /// The places.
    gazetteer: &'a Gazetteer,
    /// Entity mentions.
    mentions: &'a Mentions,
    /// Count phrases.
    counts: &'a [CountMention],
    /// Time expressions.
    times: &'a [TimeMention],
    /// Per token: inside the content of a quote (events there are reported).
    quoted: Vec<bool>,
    /// Per token: the first quote (index into `doc.quotes`) whose content holds it.
    quote_at: Vec<Option<usize>>,
    /// Per token: the last token of the time expressions that start at or before it (a
    /// span is inside a time when the reach at its first token covers its last).
    time_reach: Vec<Option<usize>>,
    /// Entity mentions by first token.
    mentions_at: ByToken,
    /// Counts by first token.
    counts_at: ByToken,
    /// Times by first token.
    times_at: ByToken,
}

impl<'a> EventInputs<'a> {
    fn of(doc: &'a Document<'a>, lexicons: &'a Lexicons) -> EventInputs<'a> {
        let n = doc.tokens().len();
        let mut quoted = vec![false; n];
        let mut quote_at: Vec<Option<usize>> = vec![None; n];
        for (qi, q) in doc.quotes.iter().enumerate() {
            let range = q.content.start..=q.content.last().min(n.saturating_sub(1));
            quoted[range.clone()].iter_mut().for_each(|t| *t = true);
            quote_at[range].iter_mut().filter(|t| t.is_none()).for_each(|t| *t = Some(qi));
        }
        let mut time_reach: Vec<Option<usize>> = vec![None; n];
        for t in &doc.times {
            if let Some(r) = time_reach.get_mut(t.tokens.start) {
                *r = (*r).max(Some(t.tokens.last()));
            }
        }
        for i in 1..n {
            time_reach[i] = time_reach[i].max(time_reach[i - 1]);
        }
        EventInputs {
            doc,
            lex: lexicons.get(doc.language),
            gazetteer: &lexicons.gazetteer,
            mentions: &doc.mentions,
            counts: &doc.counts,
            times: &doc.times,
            quoted,
            quote_at,
            time_reach,
            mentions_at: ByToken::new(doc.mentions.all.len(), |i| doc.mentions.all[i].tokens.start),
            counts_at: ByToken::new(doc.counts.len(), |i| doc.counts[i].tokens.start),
            times_at: ByToken::new(doc.times.len(), |i| doc.times[i].tokens.start),
        }
    }
}

fn sentence_tokens(doc: &Document, s: usize) -> Range<usize> {
    doc.seg.sentences[s].tokens.range()
}

fn is_place(m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Place(_))
}

fn place_rank(gazetteer: &Gazetteer, m: &Mention) -> u8 {
    match m.kind {
        MentionKind::Place(p) => match gazetteer.places[p].precision {
            PlacePrecision::City | PlacePrecision::Site => 3,
            PlacePrecision::Region | PlacePrecision::Area => 2,
            PlacePrecision::Country => 1,
        },
        _ => 0,
    }
}

/// True when the place is preceded by a locative preposition or place noun (في، ب، قرب،
/// مدينة; in, at, near), a few words before it or glued to it (بالبوكمال), or is coordinated
/// with a place that is (في سوريا والعراق).
fn locative_before(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    own_locative_before(doc, words, m) || conjunct_of_located(doc, words, m)
}

/// True when the place is joined by a coordinator to places the first of which has a
/// locative preposition: «في سوريا والعراق», "in Syria and Iraq".
fn conjunct_of_located(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    let mut place = m;
    for _ in 0..MAX_LOCATED_CONJUNCTS {
        let glued = glued_to_name(doc, words, WordClass::ConjunctionPrefix, place);
        let separate = place.tokens.start > 0 && words.contains(WordClass::Coordinator, doc.word(place.tokens.start - 1));
        let before = match (glued, separate) {
            (true, _) => place.tokens.start.checked_sub(1),
            (false, true) => place.tokens.start.checked_sub(2),
            (false, false) => None,
        };
        let Some(last) = before else { return false };
        let Some(previous) =
            doc.mentions.between(last.saturating_sub(MAX_PLACE_TOKENS), last).filter(|p| is_place(p)).find(|p| p.tokens.last() == last)
        else {
            return false;
        };
        if own_locative_before(doc, words, previous) {
            return true;
        }
        place = previous;
    }
    false
}

/// How many places back a conjunct looks for the locative of its list.
const MAX_LOCATED_CONJUNCTS: usize = 3;

/// The most tokens a place name a conjunct follows is looked for in.
const MAX_PLACE_TOKENS: usize = 4;

/// True when a prefix of `class` is glued before the name of place `m` in its word, not its
/// first letter («بالبوكمال», «والعراق»; «وبيرو» is "and Peru", «بيروت» no prefix).
fn glued_to_name(doc: &Document, words: &WordClasses, class: WordClass, m: &Mention) -> bool {
    let w = doc.word(m.tokens.start);
    let core_len = doc.norm.norm[m.start..m.end].len();
    w.len() > core_len && words.prefix_of(class, w).is_some_and(|p| p.len() <= w.len() - core_len)
}

/// True when the place's own locative preposition or place noun stands before it.
fn own_locative_before(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    if glued_to_name(doc, words, WordClass::LocativePrefix, m) {
        return true;
    }
    // («في الرياض ومع الحوثيين»: a party marker between them ends the locative's reach; so
    // does a noun that is no place word: «في رؤية وفد صنعاء» is Sanaa's delegation)
    let bridges = |k: usize| {
        let w = doc.word(k);
        // (a hashtag or a bracket: «في #شيبوك», «في العاصمة السويسرية (جنيف)»)
        if doc.tokens()[k].kind == TokenKind::Punct {
            return true;
        }
        [WordClass::Locative, WordClass::Direction, WordClass::Determiner, WordClass::GenitivePreposition, WordClass::CapitalNoun]
            .into_iter()
            .any(|class| words.contains_past_prefix(class, WordClass::ConjunctionPrefix, w))
            || words.suffix_of(WordClass::AdjectiveSuffix, w).is_some()
    };
    (1..=LOCATIVE_REACH)
        .take_while(|&k| {
            m.tokens.start >= k
                && !words.contains(WordClass::PartyMarker, doc.word(m.tokens.start - k))
                && (k == 1 || bridges(m.tokens.start - k + 1))
        })
        .any(|k| words.contains(WordClass::Locative, doc.word(m.tokens.start - k)))
}

/// How many words before a place its locative preposition may stand, past place nouns,
/// determiners and adjectives («في شمال مدينة حلب», "in the city of Geneva").
const LOCATIVE_REACH: usize = 4;

/// True when the place is a reference point ("جنوب كابول", "north of Kabul"), not the scene.
fn after_direction(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    let cancels = grammar(doc.language).locative_cancels_direction();
    (1..=3).any(|k| {
        m.tokens.start >= k && {
            let w = doc.word(m.tokens.start - k);
            let w = words.without_prefix(WordClass::ConjunctionPrefix, w);
            words.contains(WordClass::Direction, w)
                && !(cancels && m.tokens.start > k && words.contains(WordClass::Locative, doc.word(m.tokens.start - k - 1)))
        }
    })
}

/// True when a cumulative marker stands right before time `t` («منذ 23 سبتمبر 2014»، "since
/// March"): the time opens a period that runs to the news.
fn after_cumulative_marker(inp: &EventInputs, t: &TimeMention) -> bool {
    let k = t.tokens.start;
    k > 0 && inp.lex.words.contains_past_prefix(WordClass::CumulativeMarker, WordClass::ConjunctionPrefix, inp.doc.word(k - 1))
}

/// True when the trigger word carries the article (الاجتماع) or follows a determiner
/// ("the", "this"), in a language that puts modifiers before their noun past one modifier
/// ("the heinous slaying"), or when it is possessed ([`is_possessed`]).
fn is_definite(doc: &Document, words: &WordClasses, m: &EventMention) -> bool {
    let first = m.tokens.start;
    let determiner_at = |k: usize| first >= k && words.contains(WordClass::Determiner, doc.word(first - k));
    is_possessed(doc, words, m)
        || words.prefix_of(WordClass::DefinitePrefix, doc.word(first)).is_some()
        || determiner_at(1)
        || (!grammar(doc.language).modifiers_follow_noun() && determiner_at(2))
}

/// True when a noun trigger carries a possessive pronoun, which makes it definite: «بعد
/// إصابتهم بجروح», «زيارته», "his visit".
fn is_possessed(doc: &Document, words: &WordClasses, m: &EventMention) -> bool {
    let first = m.tokens.start;
    let suffixed = |k: usize| {
        words
            .words(WordClass::TaPronounSuffix)
            .iter()
            .any(|suffix| doc.original_word(k).strip_suffix(suffix.as_str()).is_some_and(|stem| stem.chars().count() >= 2))
    };
    !m.verb && ((first..m.tokens.end).any(suffixed) || (first > 0 && words.contains(WordClass::PossessiveDeterminer, doc.word(first - 1))))
}

/// True for modalities that the guidelines do not count as events.
pub fn is_non_event(m: Modality) -> bool {
    matches!(m, Modality::Negated | Modality::Hypothetical)
}

/// True when toll `e` is of the missing or abducted (subtype `missing`), a toll without a
/// count (GUIDELINES.md) and no victim group of the killed or injured.
fn is_missing(e: &EventMention) -> bool {
    e.subtype.as_deref() == Some("missing")
}

/// True when sentence `s` is the article's headline: the article opens with a short line of
/// its own, one sentence or two ("Trump Addresses Munich Attack: ‘This Cannot Continue.’").
fn in_headline(doc: &Document, s: usize) -> bool {
    let Some(first) = doc.seg.paragraphs.first() else { return false };
    // (read in constant time: it is asked for each mention and cluster compared)
    let short = || first.clone().map(|s| doc.seg.sentences[s].tokens.len()).sum::<usize>() <= HEADLINE_TOKENS;
    doc.seg.paragraphs.len() > 1 && s < first.end && (first.len() == 1 || (first.len() == 2 && short()))
}

/// Most tokens a headline of two sentences holds.
const HEADLINE_TOKENS: usize = 20;

#[cfg(test)]
mod tests {
    use crate::pipeline::lexicon::event_types::Frame;
    use crate::pipeline::model::Language::{self, Ar, En};
    use crate::pipeline::testing::through;

    /// (type, trigger, modality, location) of each event mention, as the detect stage leaves them.
    fn detected(language: Language, text: &str) -> Vec<(String, String, &'static str, Option<String>)> {
        let doc = through("event mentions", language, text);
        doc.event_mentions
            .iter()
            .map(|e| {
                let (s, t) = doc.original(e.span.0, e.span.1);
                let place = e.location.map(|l| {
                    let m = &doc.mentions.all[l];
                    let (s, t) = doc.original(m.start, m.end);
                    doc.text[s..t].to_string()
                });
                (e.event_type.name.to_string(), doc.text[s..t].to_string(), e.modality.as_str(), place)
            })
            .collect()
    }

    #[test]
    fn triggers_become_event_mentions_with_modality_and_place() {
        type Case = (Language, &'static str, &'static str, &'static str, &'static str, Option<&'static str>);
        let cases: &[Case] = &[
            (Ar, "قصفت طائرات التحالف مدينة البوكمال يوم الاثنين.", "strike", "قصفت", "asserted", Some("البوكمال")),
            (En, "The army shelled Idlib on Monday.", "strike", "shelled", "asserted", Some("Idlib")),
            (Ar, "التقى وزير الخارجية الأمريكي نظيره الإيراني في جنيف.", "meeting", "التقى", "asserted", Some("جنيف")),
            (Ar, "ولم يجتمع الوفدان في جنيف.", "meeting", "يجتمع", "negated", Some("جنيف")),
            // a dateline is where the report was filed, not a scene
            (Ar, "بيروت - قصفت طائرات حربية مواقع في حلب أمس.", "strike", "قصفت", "asserted", Some("حلب")),
            (En, "BEIRUT (Reuters) - Airstrikes hit Aleppo on Monday.", "strike", "Airstrikes", "asserted", Some("Aleppo")),
            (Ar, "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- انفجرت سيارة مفخخة قرب كنيسة.", "strike", "سيارة مفخخة", "asserted", None),
            (En, "WASHINGTON — A car bomb exploded near a church.", "strike", "car bomb", "asserted", None),
            // the attacker is no scene, even where the nearer drone took the place
            (
                Ar,
                "وتشن الولايات المتحدة باستمرار غارات بطائرات من دون طيار على المتشددين في الصومال.",
                "strike",
                "غارات",
                "asserted",
                Some("الصومال"),
            ),
            (
                En,
                "The United States carries out drone strikes on militants in Somalia.",
                "strike",
                "drone strikes",
                "asserted",
                Some("Somalia"),
            ),
            // a locative reaches its place past place nouns, determiners, adjectives and
            // punctuation, not past another noun («في رؤية وفد صنعاء» is Sanaa's delegation)
            (Ar, "ودعا المبعوث المندوبين إلى المحادثات أملا في رؤية وفد صنعاء.", "meeting", "المحادثات", "asserted", None),
            (Ar, "وقالت المنظمة إن 276 فتاة خطفن في #شيبوك عام 2014.", "casualties", "خطفن", "reported", Some("شيبوك")),
            (Ar, "وأطلق الحوثيون صواريخ على مطارات مدن أبها وجيزان ونجران.", "strike", "أطلق", "asserted", Some("أبها")),
            (En, "The talks took place in the city of Geneva on Monday.", "meeting", "talks", "asserted", Some("Geneva")),
            // the place of a compared happening is no scene
            (Ar, "وكما حدث في كينيا، هيمن الملف الأمني على المحادثات أمس.", "meeting", "المحادثات", "asserted", None),
            (En, "As happened in Kenya, the talks were dominated by security on Monday.", "meeting", "talks", "asserted", None),
            // a visit noun takes the place it goes to
            (Ar, "ومن أبرز محطات زيارة أوباما إلى أديس أبابا كلمة سيلقيها الثلاثاء.", "meeting", "زيارة", "asserted", Some("أديس أبابا")),
            (En, "Obama's visit to Addis Ababa ends on Tuesday.", "meeting", "visit to", "asserted", Some("Addis Ababa")),
            // the middle of a city is the city
            (Ar, "كما اختطف مسلحون 15 شخصا وسط بغداد.", "casualties", "اختطف", "asserted", Some("بغداد")),
            (En, "Militants kidnapped 15 people in central Baghdad on Monday.", "casualties", "kidnapped", "asserted", Some("Baghdad")),
            // the gunmen are the people involved, not the happening: the kidnapping keeps its place
            (En, "Gunmen kidnapped 15 people in Baghdad.", "casualties", "kidnapped", "asserted", Some("Baghdad")),
            // a demand to stop it: no concrete happening
            (En, "They chanted stop killing black people in Philadelphia.", "casualties", "killing", "hypothetical", Some("Philadelphia")),
            (Ar, "وطالب المتظاهرون بوقف القصف على حلب.", "strike", "القصف", "hypothetical", Some("حلب")),
            // no reports of casualties: none happened that the article knows
            (Ar, "ولم ترد تقارير عن وقوع إصابات في الرياض.", "casualties", "إصابات", "negated", Some("الرياض")),
            (En, "There were no reports of casualties in Riyadh.", "casualties", "casualties", "negated", Some("Riyadh")),
            // the place a visit's verb takes as object is its scene, no party
            (Ar, "وكان المبعوث زار برلين الخميس.", "meeting", "زار", "asserted", Some("برلين")),
            (En, "The envoy visited Nairobi on Thursday.", "meeting", "visited", "asserted", Some("Nairobi")),
            // a meeting named after its city
            (Ar, "وقال إن قمة الرياض كانت ناجحة.", "meeting", "قمة", "reported", Some("الرياض")),
            (En, "He said the Geneva talks were useful.", "meeting", "talks", "reported", Some("Geneva")),
            // a place in the purpose of the happening is not its scene
            (Ar, "وعرضت الحملة تغطية تكاليف القمة في سبيل دعم السلام في شبه الجزيرة الكورية.", "meeting", "القمة", "asserted", None),
            (En, "The summit was aimed at peace in the Korean Peninsula.", "meeting", "summit", "asserted", None),
            // a place in a parenthetical aside is no scene; a fronted one is the whole sentence's
            (Ar, "غارات على مقرات جبهة النصرة (تنظيم القاعدة في بلاد الشام) أمس", "strike", "غارات", "asserted", None),
            (En, "Airstrikes hit the Nusra Front (al-Qaeda in Syria) on Monday", "strike", "Airstrikes", "asserted", None),
            // an aside that is only the place names the place before it
            (Ar, "وجرى الاجتماع في العاصمة السويسرية (جنيف) أمس.", "meeting", "الاجتماع", "asserted", Some("جنيف")),
            (En, "Airstrikes hit the northern city (Raqqa) on Monday.", "strike", "Airstrikes", "asserted", Some("Raqqa")),
            (
                Ar,
                "وفي الغوطة الشرقية بريف دمشق، غادر 20 ألف شخص منازلهم في المناطق التي تستهدفها القوات الحكومية",
                "strike",
                "تستهدفها",
                "asserted",
                Some("الغوطة الشرقية"),
            ),
            // an act that is only a purpose or a fear
            (Ar, "ونشرت السلطات قوات إضافية لمنع قتل المدنيين.", "casualties", "قتل", "hypothetical", None),
            // a press conference held with another party is a joint appearance; a call by phone
            (
                Ar,
                "وشدد الوزير خلال مؤتمر صحافي مع نظيره الإيطالي في روما على أن الحل سياسي.",
                "meeting",
                "مؤتمر صحافي مع",
                "asserted",
                Some("روما"),
            ),
            (
                En,
                "The minister spoke at a joint press conference with his Italian counterpart in Rome.",
                "meeting",
                "joint press conference",
                "asserted",
                Some("Rome"),
            ),
            (Ar, "وتحدث عبر الهاتف أيضا مع الرئيس الروسي فلاديمير بوتين.", "meeting", "تحدث عبر الهاتف", "asserted", None),
            // an attempt at an attack
            (Ar, "وقال المسؤول إن مسلحين حاولوا اغتيال الوزير في بغداد.", "strike", "اغتيال", "hypothetical", Some("بغداد")),
            (En, "Militants tried to bomb the embassy in Kabul.", "strike", "bomb", "hypothetical", Some("Kabul")),
            // what was supposed to happen
            (Ar, "وكان يفترض اغتيال رئيس الحكومة بسيارة مفخخة في رام الله.", "strike", "اغتيال", "hypothetical", Some("رام الله")),
            // a prelude to an attack, a toll an act will lead to
            (Ar, "وجاء الحشد تمهيدا لهجوم على إيران.", "strike", "هجوم", "hypothetical", Some("إيران")),
            (Ar, "وأكدت التقييمات أن العملية ستؤدي إلى مقتل العشرات من الجنود.", "casualties", "مقتل", "hypothetical", None),
            // an attack only intended or plotted
            (Ar, "وكانت الجماعة قد خططت لتنفيذ تفجيرات في عمان.", "strike", "تفجيرات", "hypothetical", Some("عمان")),
            (En, "The men plotted to bomb the subway in New York.", "strike", "bomb", "hypothetical", Some("New York")),
            (Ar, "وكان الرجال يسعون لتنفيذ هجمات في لندن.", "strike", "هجمات", "hypothetical", Some("لندن")),
            // a happening someone means to block has not happened
            (
                En,
                "Lawmakers called on the government to block Trump's visit to Israel.",
                "meeting",
                "visit to",
                "hypothetical",
                Some("Israel"),
            ),
            (Ar, "وطالب النواب الحكومة بمنع زيارة ترامب إلى إسرائيل.", "meeting", "زيارة", "hypothetical", Some("إسرائيل")),
            // a condition of proof reaches over the clause it opens
            (
                Ar,
                "وستفرض الحكومة عقوبات في حال ثبوت تورط المملكة الكامل والمباشر في اغتيال الصحفي في إسطنبول.",
                "strike",
                "اغتيال",
                "hypothetical",
                Some("إسطنبول"),
            ),
            (
                En,
                "Sanctions will follow if it is proven that Saudi agents were behind the killing of the journalist in Istanbul.",
                "casualties",
                "killing",
                "hypothetical",
                Some("Istanbul"),
            ),
            // taking part in or starting an attack is meaning to
            (Ar, "وانتقل المقاتلون إلى سوريا للمشاركة في عملية عسكرية ضد تنظيم داعش.", "strike", "عملية عسكرية", "hypothetical", None),
            (
                En,
                "The fighters moved to Syria to take part in a military offensive against the Islamic State.",
                "strike",
                "military offensive",
                "hypothetical",
                None,
            ),
            // a plan carried out is no plan
            (Ar, "خططت الجماعة ونفذت استهداف المدنيين في مدينة جازان.", "strike", "استهداف", "asserted", Some("جازان")),
            (En, "The cell planned and staged bombings in London.", "strike", "bombings", "asserted", Some("London")),
            // an abduction verb is news by the count of the people it takes
            (Ar, "خطفت جبهة النصرة ثمانية عناصر من فرقة سورية مقاتلة.", "casualties", "خطفت", "asserted", None),
            (En, "Militants abducted eight fighters of the division.", "casualties", "abducted", "asserted", None),
            // a meeting only asked for
            (Ar, "ودعا الوزير إلى عقد اجتماع طارئ في جنيف.", "meeting", "اجتماع طارئ", "hypothetical", Some("جنيف")),
            (En, "The minister requests a meeting in Geneva.", "meeting", "meeting in", "hypothetical", Some("Geneva")),
            // a happening an act only paves the way for
            (Ar, "وقالت الحكومة إن إطلاق سراحهن يمهد الطريق لمحادثات في أبوجا.", "meeting", "محادثات", "hypothetical", Some("أبوجا")),
            (En, "The release paves the way for talks in Abuja.", "meeting", "talks in", "hypothetical", Some("Abuja")),
            (Ar, "سيجتمع الوفدان في جنيف الأسبوع المقبل.", "meeting", "يجتمع", "planned", Some("جنيف")),
            (En, "Officials said the airstrike hit a market in Mosul.", "strike", "airstrike", "reported", Some("Mosul")),
            (En, "The two leaders met in Geneva on Tuesday.", "meeting", "met in", "asserted", Some("Geneva")),
            // an immigration raid is an arrest, no armed raid
            (En, "The deportation raids in Atlanta began on Monday.", "arrest", "deportation raids", "asserted", Some("Atlanta")),
        ];
        for &(language, text, kind, trigger, modality, place) in cases {
            let found = detected(language, text);
            let first = found.first().unwrap_or_else(|| panic!("no event in {text:?}"));
            assert_eq!((first.0.as_str(), first.1.as_str(), first.2, first.3.as_deref()), (kind, trigger, modality, place), "{text:?}");
        }
    }

    #[test]
    fn casualties_take_their_count_and_their_cause() {
        let cases: &[(Language, &str, &str)] = &[
            (En, "The army shelled Idlib on Monday, killing five civilians.", "five"),
            (Ar, "شنت طائرات أمريكية غارة على البوكمال. وأسفرت الغارة عن مقتل سبعة أشخاص.", "سبعة"),
            (En, "Officials said the airstrike killed at least 12 people in Mosul on Monday.", "at least 12"),
        ];
        for &(language, text, count) in cases {
            let doc = through("event clusters", language, text);
            let toll = doc.clusters.iter().find(|c| doc.event_mentions[c.trigger].event_type.frame == Frame::Toll).expect(text);
            let killed = doc.event_mentions[toll.trigger].killed.map(|k| {
                let c = &doc.counts[k];
                let (s, e) = doc.token_span(c.tokens);
                doc.text[s..e].to_string()
            });
            assert_eq!(killed.as_deref(), Some(count), "{text:?}");
            let cause = toll.cause.map(|c| doc.event_mentions[doc.clusters[c].trigger].event_type.name.to_string());
            assert_eq!(cause.as_deref(), Some("strike"), "{text:?}");
        }
    }

    #[test]
    fn an_unplaced_happening_takes_the_article_country() {
        // (text, the place of its casualties): the country of most places, or none when no
        // country has most of them
        let cases: &[(Language, &str, Option<&str>)] = &[
            (
                Ar,
                "تواصل الحكومة في نيجيريا حربها. وقال مسؤول في لاغوس إن الجيش انتشر في أبوجا. وأسفر التمرد عن سقوط 20 ألف قتيل.",
                Some("نيجيريا"),
            ),
            (En, "Nigeria's army deployed in Lagos and Abuja. Officials in Nigeria said 20 people were killed.", Some("Nigeria")),
            (En, "Officials in Paris, Berlin and Rome met. Later 20 people were killed.", None),
        ];
        for &(language, text, place) in cases {
            let doc = through("event clusters", language, text);
            let toll = doc.clusters.iter().find(|c| doc.event_mentions[c.trigger].event_type.frame == Frame::Toll).expect(text);
            let got = doc.event_mentions[toll.trigger].location.map(|l| {
                let m = &doc.mentions.all[l];
                let (s, e) = doc.original(m.start, m.end);
                doc.text[s..e].to_string()
            });
            assert_eq!(got.as_deref(), place, "{text:?}");
        }
    }

    #[test]
    fn a_count_right_after_a_toll_trigger_is_that_toll() {
        // (text, killed, injured) of the one casualties event
        let cases: &[(Language, &str, Option<&str>, Option<&str>)] = &[
            (Ar, "وأدت الغارة إلى مقتل 40 شخصا على الأقل وإصابة نحو 60 آخرين بجروح.", Some("40 شخصا على الأقل"), Some("نحو 60")),
            (Ar, "أسفر الهجوم عن مقتل 3 أشخاص وإصابة 12 آخرين.", Some("3"), Some("12")),
            // a count glued to «و» opens its own phrase: «52 شهيدا وأكثر من ألفي جريح»
            (Ar, "وسقط في المجزرة 52 شهيدا وأكثر من ألفي جريح.", Some("52"), Some("وأكثر من ألفي")),
            (En, "At least nine people were killed and 21 were wounded in the attack.", Some("At least nine"), Some("21")),
            (En, "The bombing killed 84 and wounded roughly 200.", Some("84"), Some("roughly 200")),
            // the count just before its trigger, though another trigger follows
            (Ar, "إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في غارة.", Some("واحدا على الأقل"), Some("6")),
            // a qualifier after the trigger is the count's
            (Ar, "وأسفر التمرد عن سقوط 20 ألف قتيل على الأقل.", Some("20 ألف قتيل على الأقل"), None),
            // a decimal before a multiplier is one number
            (En, "The war killed 2.6 million people.", Some("2.6 million"), None),
            // a year is no toll; one victim in the singular is a toll of one
            (Ar, "وكان الكونغرس قد مرر القانون في 2012 ردا على مقتل محتج في موسكو.", Some("محتج"), None),
            (En, "The law was passed in 2012 after the killing of a soldier.", Some("a soldier"), None),
            (Ar, "قتل محتج وأصيب ستة آخرون بجروح في اشتباكات.", Some("محتج"), Some("ستة")),
            // a dual victim noun counts two
            (Ar, "وقتل طفلان شقيقان في غارة على مدينة معرة النعمان.", Some("طفلان"), None),
            (Ar, "وأصيب جنديان في انفجار عبوة ناسفة.", None, Some("جنديان")),
            // an age set off by commas after a name is no toll
            (En, "Protesters paid tribute to Clarence Howard, 22, who was fatally shot in June.", None, None),
            (Ar, "وقال إن الشاب أحمد، 22، قتل برصاص قناص في يونيو.", None, None),
            // a number that counts strikes counts no victims
            (Ar, "وقال إن الأشخاص قتلوا خلال إحدى الغارات على منشأة تدريب.", None, None),
            (En, "Five people were killed in one of the airstrikes.", Some("Five"), None),
            // abducted people are a toll without a count
            (Ar, "وخطفت بوكو حرام أكثر من 100 تلميذة في نيجيريا.", None, None),
            (En, "Boko Haram kidnapped 276 schoolgirls in Chibok, Nigeria.", None, None),
        ];
        for &(language, text, killed, injured) in cases {
            let doc = through("event clusters", language, text);
            let tolls: Vec<_> = doc.clusters.iter().filter(|c| doc.event_mentions[c.trigger].event_type.frame == Frame::Toll).collect();
            assert_eq!(tolls.len(), 1, "{text:?}: one toll");
            let words = |k: Option<usize>| {
                k.map(|k| {
                    let (s, e) = doc.token_span(doc.counts[k].tokens);
                    doc.text[s..e].to_string()
                })
            };
            let of = |pick: fn(&super::EventMention) -> Option<usize>| {
                tolls[0].mentions.iter().find_map(|&m| words(pick(&doc.event_mentions[m])))
            };
            assert_eq!(of(|m| m.killed).as_deref(), killed, "{text:?}: killed");
            assert_eq!(of(|m| m.injured).as_deref(), injured, "{text:?}: injured");
        }
    }

    #[test]
    fn mentions_of_one_happening_merge_and_others_stay_apart() {
        // (text, type, clusters of that type expected)
        let cases: &[(Language, &str, &str, usize)] = &[
            (Ar, "شنت طائرات أمريكية غارة على البوكمال. وأسفرت الغارة عن مقتل سبعة أشخاص.", "strike", 1),
            (Ar, "قصفت الطائرات مدينة حلب يوم الاثنين. وقصفت مدينة إدلب يوم الخميس.", "strike", 2),
            // casualties whose cause is named after them join the toll of that cause
            (
                Ar,
                "قصفت الطائرات الأمريكية البوكمال وقتل سبعة أشخاص. وقال المسؤول إن الأشخاص قتلوا خلال إحدى الغارات على منشأة تدريب.",
                "casualties",
                1,
            ),
            (
                En,
                "US jets bombed Mosul, killing seven people. The official said the people were killed during one of the airstrikes on a depot.",
                "casualties",
                1,
            ),
            // an attack with a toll of its own in a city of the province the raids' toll is
            // of is one of their parts
            (
                Ar,
                "وأفاد المرصد بمقتل 19 مواطنا جراء غارات جوية على مناطق في محافظة ادلب أمس. وقتل طفلان في غارة على مدينة سراقب.",
                "strike",
                2,
            ),
            (
                En,
                "Airstrikes on areas of Idlib province killed 19 people on Tuesday, the monitor said. Two children were killed in an airstrike on the town of Saraqib.",
                "strike",
                2,
            ),
            // a meeting in a city and a visit to its country are one place
            (Ar, "أجرت الوزيرة محادثات في طرابلس السبت. ورحب السراج بأول زيارة إلى ليبيا تجريها المسؤولة.", "meeting", 1),
            (En, "The minister held talks in Tripoli on Saturday. Sarraj welcomed the first visit to Libya by the official.", "meeting", 1),
            // a metropolis holds its districts: the bombing in Chelsea is the bomb in New York
            (
                En,
                "An explosion in Chelsea injured 29 people on Saturday night. Explosions also went off in New Jersey on Saturday.\n\nTrump said a bomb went off in New York.",
                "strike",
                2,
            ),
            (
                Ar,
                "انفجرت سيارة مفخخة في مدينة الصدر مساء السبت وأصيب 12 شخصا.\n\nوقال مسؤول إن التفجير الذي وقع في بغداد مساء السبت أوقع 12 جريحا.",
                "strike",
                1,
            ),
            // fighting that continues the scene of the sentence before's strike goes on with it
            (
                Ar,
                "قصفت طائرات التحالف مواقع في محافظة صعدة الخميس. وقال مسؤول إن الوضع هادئ في المدينة. وأفشلت قوات الجيش هجوما بحريا للميليشيا باتجاه قرية القطابا الجمعة.\nوأوضح المصدر أن معارك عنيفة استمرت لساعات بين الطرفين، أسفرت عن مقتل كل عناصر الميليشيا المهاجمة.",
                "strike",
                2,
            ),
            (
                En,
                "Coalition jets bombed positions in Saada province on Thursday. An official said the city was calm. Troops repelled a naval attack on the village of Al-Qataba on Friday.\nThe source said heavy fighting went on for hours between the two sides, killing all the attackers.",
                "strike",
                2,
            ),
            // the abducted and the killed are two tolls
            (
                Ar,
                "خطفت جبهة النصرة ثمانية عناصر من فرقة سورية مقاتلة.\n\nوأفاد المرصد بمقتل 19 مواطنا جراء غارات جوية على مناطق في محافظة ادلب أمس.",
                "casualties",
                2,
            ),
            (
                En,
                "Militants abducted eight fighters of the division.\n\nThe monitor said the killing of 19 civilians in airstrikes on Idlib on Monday was confirmed.",
                "casualties",
                2,
            ),
            // a definite anaphor refers back however far the strike stands
            (
                Ar,
                "شنت طائرات أمريكية غارة على البوكمال. وقال المسؤول إن الوضع هادئ. وأضاف أن المحادثات مستمرة. وتابع أن الوفد وصل. ولم يعلق الجانب الآخر. وأسفرت الغارة عن أضرار مادية.",
                "strike",
                1,
            ),
            // the headline's event is the lede's, at the city or at the governorate holding it
            (
                Ar,
                "مقتل قادة من ميليشيات الحوثي في صعدة\n\nأفادت قوات التحالف، الخميس، بمقتل عدد من قادة الميليشيات في غارة على محافظة صعدة.",
                "casualties",
                1,
            ),
            (
                En,
                "Five killed in Idlib strike\n\nFive people were killed on Monday when aircraft struck a market in Idlib province.",
                "casualties",
                1,
            ),
            // the same attacker's strikes on the same side, paragraphs apart
            (
                Ar,
                "شنت طائرات إسرائيلية غارات على مواقع في سوريا. وقال المتحدث إن الوضع هادئ. وأضاف أن المحادثات مستمرة. وقالت إسرائيل إن غارات الطائرات الإسرائيلية ستستمر.",
                "strike",
                1,
            ),
            // but not strikes of the same attacker at two places, or on two days
            (Ar, "قصفت الطائرات الأمريكية مدينة حلب. وقصفت الطائرات الأمريكية مدينة إدلب.", "strike", 2),
            (Ar, "شنت طائرات إسرائيلية غارات على مواقع في سوريا. وشنت طائرات إسرائيلية غارات مجددا على سوريا.", "strike", 2),
            // a definite meeting noun is the meeting already reported, whoever it names
            (
                Ar,
                "أجرت موغيريني محادثات مع حكومة الوفاق في طرابلس السبت. وقال المتحدث إن الزيارة مهمة. وتناولت المحادثات مع السراج ملف الهجرة.",
                "meeting",
                1,
            ),
            (En, "Kerry held talks with Lavrov in Geneva on Monday. The talks with the Russian minister lasted five hours.", "meeting", 1),
            // a toll definite by its victim is the toll already reported
            (Ar, "قتل محتج وأصيب ستة آخرون في اشتباكات في البصرة. وطالب المسؤول بالتحقيق في مقتل المحتج.", "casualties", 1),
            (
                En,
                "A protester was killed in Basra on Monday. The official called for an inquiry into the killing of the protester.",
                "casualties",
                1,
            ),
            // but a toll that names a person is that person's death, not the one reported
            (
                Ar,
                "قتل مسؤول كبير في الكرملين في حادث غامض. وكان الكونغرس قد مرر القانون ردا على مقتل المحامي الروسي سيرغي ماغنيتسكي.",
                "casualties",
                2,
            ),
            (
                En,
                "A senior official was killed in Moscow on Monday. The law was passed after the killing of the lawyer Sergei Magnitsky.",
                "casualties",
                2,
            ),
            // a possessed noun is definite: «بعد إصابتهم بجروح», "their strike"
            (
                Ar,
                "قتل محتج وأصيب ستة آخرون بجروح في اشتباكات في البصرة. وقالت المصادر إن ستة محتجين نقلوا لمستشفيات بعد إصابتهم بجروح.",
                "casualties",
                1,
            ),
            (
                En,
                "Israeli jets struck a camp in Rafah on Monday. The spokesman said the mood was calm. Officials said their strike had destroyed a depot.",
                "strike",
                1,
            ),
            // but a possessed meeting naming parties of its own is the possessor's own meeting
            (
                Ar,
                "ستعقد محادثات في مسقط بين الحوثيين والحكومة. ورفع المبعوث تقريره بشأن نتائج اتصالاته مع الرئيس اليمني في الرياض.",
                "meeting",
                2,
            ),
            (
                En,
                "Talks between Iran and the powers will open in Vienna. The envoy reported on his talks with the Saudi king.",
                "meeting",
                2,
            ),
            // an article that reports one attack so far: a mention that says nothing of where,
            // when, who or how many is that attack; with two reported, it is neither
            (Ar, "وقع إطلاق نار في كنيسة بمدينة حلب الأحد. وقال مسؤول أمني إن شخصا مجهولا أطلق النار على المحتفلين.", "strike", 1),
            (
                Ar,
                "وقع إطلاق نار في كنيسة بمدينة حلب الاثنين. ووقع إطلاق نار في مسجد بمدينة إدلب الخميس. وقال مسؤول إن شخصا مجهولا أطلق النار على المصلين.",
                "strike",
                3,
            ),
            (
                En,
                "A gunman opened fire at a church in Kizlyar on Sunday. An official said an unknown man opened fire on the worshippers.",
                "strike",
                1,
            ),
            (
                En,
                "Gunmen opened fire at a church in Aleppo on Monday. Gunmen opened fire at a mosque in Idlib on Thursday. An official said an unknown man opened fire on the worshippers.",
                "strike",
                3,
            ),
            // one toll reported twice is one; a second group of the same size is another
            (
                Ar,
                "قتل 14 جنديا أفغانيا في غارة أمريكية على حاجز. وقال الحاكم إن الوضع هادئ. وأضاف أن النيران اندلعت في الحاجز وقتل 14 جنديا أفغانيا.",
                "casualties",
                1,
            ),
            (
                Ar,
                "وقال المتحدث إن خمسة جنود قتلوا في هجوم على منطقة في المدينة. وذكر مسعفون أن خمسة جنود آخرين قتلوا في انفجار قنبلة.",
                "casualties",
                2,
            ),
            (
                En,
                "Fourteen soldiers were killed in a US strike on a checkpoint. The governor said the area was calm. He added that 14 soldiers were killed.",
                "casualties",
                1,
            ),
            (
                En,
                "Five soldiers were killed in an attack on Monday. Medics said five other soldiers were killed in a bomb blast.",
                "casualties",
                2,
            ),
            // a definite mention refers back to the attacks on the same country's forces or bases
            (
                Ar,
                "وأعلنت الفصائل أن الهجمات ضد القوات الأمريكية مستمرة. وقال المتحدث إن الوضع هادئ. وشهدت الأيام الماضية تزايد الهجمات ضد القواعد العسكرية الأمريكية.",
                "strike",
                1,
            ),
            (
                En,
                "Militias claimed the attacks against US forces. The spokesman said the mood was calm. The attacks against American bases increased this week.",
                "strike",
                1,
            ),
            // a response and what it responds to are two happenings, in one sentence or two
            (
                Ar,
                "وشن الحرس الثوري هجوما صاروخيا على مقر في سوريا ردا على هجوم الأحواز. وقال المتحدث إن الضربة جاءت ردا على \"جريمة\" هجوم الأحواز.",
                "strike",
                2,
            ),
            (En, "Iran fired missiles at a base in Syria in retaliation for the Ahvaz attack.", "strike", 2),
            // a time before a complementiser dates the announcing clause, not the meeting
            (
                Ar,
                "وتعقد القمة بين ترامب وكيم في سنغافورة في 12 يونيو 2018. وقالت الحملة التي فازت عام 2017 بجائزة نوبل إنها مستعدة لتغطية تكاليف القمة.",
                "meeting",
                1,
            ),
            (
                En,
                "The summit between Trump and Kim opens in Singapore on June 12, 2018. The campaign, which won the prize in 2017, said that it would pay for the summit.",
                "meeting",
                1,
            ),
            // a demonstrative refers back: «هذا اجتماع تاريخي»
            (Ar, "وستعقد القمة في سنغافورة الشهر المقبل. وقالت المسؤولة إن الوضع هادئ. وأضافت أن هذا اجتماع تاريخي.", "meeting", 1),
            // a party's country is the party: the president of a country and the country
            (
                Ar,
                "وصل وفد من الولايات المتحدة إلى أديس أبابا في زيارة رسمية. وقال المتحدث إن الوضع هادئ. وتناولت زيارة أوباما لإثيوبيا ملف الأمن.",
                "meeting",
                1,
            ),
            // a visit in a country's city and a visit to that country
            (
                En,
                "A US delegation arrived for the Nairobi talks on Monday. The spokesman said the mood was calm. Obama's visit to Kenya focused on security.",
                "meeting",
                1,
            ),
            (
                En,
                "Obama held talks in Addis Ababa on Monday. The weather was mild. A meeting between the United States and Ethiopia was welcomed.",
                "meeting",
                1,
            ),
            // unless it stands somewhere else
            (Ar, "عقد الوزيران اجتماعا في جنيف. وعقد الاجتماع الثاني في فيينا.", "meeting", 2),
            // a time after "since" opens a period that runs to the news: the campaign's raids
            // since a day long past are today's raids
            (
                Ar,
                "شنت طائرات التحالف غارات على الرقة في 20 يوليو 2015. وقال المرصد إن غارات التحالف على سوريا منذ 23 سبتمبر 2014 مستمرة.",
                "strike",
                1,
            ),
            (
                En,
                "Israeli aircraft carried out airstrikes on Raqqa on July 20, 2015. The monitor said Israeli airstrikes in Syria have gone on since September 23, 2014.",
                "strike",
                1,
            ),
            // but the same attacker's raids on a day long past are another happening
            (
                Ar,
                "شنت طائرات التحالف غارات على الرقة في 20 يوليو 2015. وقال المرصد إن غارات التحالف على سوريا في 23 سبتمبر 2014 كانت الأولى.",
                "strike",
                2,
            ),
            // two responses to one happening are one response (and the happening another)
            (
                Ar,
                "قال التحالف إن إيران نفذت ضربة صاروخية في سوريا، ردا على هجوم الأحواز. وقال المتحدث إن الوضع هادئ. وأعلنت الوكالة أن الحرس الثوري شن، فجر الاثنين، هجوما صاروخيا على مقر بسوريا، ردا على هجوم الأحواز.",
                "strike",
                2,
            ),
            (
                En,
                "The coalition said Iran carried out a missile strike in Syria in retaliation for the Ahvaz attack. The spokesman said the area was calm. The agency said the Revolutionary Guards launched a missile attack on a headquarters in Syria on Monday in retaliation for the Ahvaz attack.",
                "strike",
                2,
            ),
            // in English a determiner past one modifier makes the noun definite, an anaphor
            (
                En,
                "Obama held talks with Netanyahu in Jerusalem on Monday. The weather was mild. Aides said the lengthy meeting covered the economy.",
                "meeting",
                1,
            ),
            // a headline of two sentences is a headline; "another" attack in its lede is its
            // attack, another than earlier ones
            (
                En,
                "Trump Addresses Munich Attack: ‘This Cannot Continue.’\n\nOn Friday, at least nine people were killed in yet another terrorist attack near a mall in Munich.",
                "strike",
                1,
            ),
            (
                Ar,
                "ترامب يعلق على هجوم ميونيخ: «هذا لا يمكن أن يستمر».\n\nقتل تسعة أشخاص على الأقل الجمعة في هجوم إرهابي آخر قرب مركز تسوق في ميونيخ.",
                "strike",
                1,
            ),
            // victim groups of one causing strike are one toll, whatever each group counts
            (Ar, "أسفرت غارات التحالف على الرقة عن مقتل 30 مسلحا. وقال المرصد إن 12 مدنيا قتلوا جراء هذه الغارات.", "casualties", 1),
            (
                En,
                "Coalition airstrikes on Raqqa killed 30 militants. The monitor said 12 civilians were killed in these airstrikes.",
                "casualties",
                1,
            ),
            // nor is a tally since some time one of today's victim groups
            (Ar, "وتسببت الغارات بمقتل ستة مدنيين في صيدا، لترتفع بذلك حصيلة القتلى منذ بدء الهجوم إلى 149 مدنيا.", "casualties", 2),
            (
                En,
                "The airstrikes killed six civilians in Sidon, bringing the death toll since the offensive began to 149.",
                "casualties",
                2,
            ),
            // but the toll of fighting going on and the toll of an attack inside it are two,
            // even once the attack has joined the fighting
            (
                Ar,
                "مقتل 10 جنود خلال قتال في بنغازي\n\nقال مسؤولون إن عشرة جنود قتلوا خلال قتال في مدينة بنغازي يوم الاثنين. وقال المتحدث إن خمسة جنود قتلوا وإن ستة آخرين أصيبوا عندما تعرضوا لهجوم شنه مقاتلون على منطقة في المدينة.",
                "casualties",
                2,
            ),
            (
                En,
                "Ten soldiers killed in Benghazi fighting\n\nOfficials said ten soldiers were killed in fighting in the city of Benghazi on Monday. The spokesman said five soldiers were killed and six others wounded when they came under an attack by militants on a district of the city.",
                "casualties",
                2,
            ),
            // a region spanning several governorates holds a city of any of them
            (
                Ar,
                "قصفت الطائرات الأمريكية مواقع في البوكمال يوم الاثنين. وقال المسؤول إن الوضع هادئ. وأعلن البنتاغون قصف مواقع في شرق سورية يوم الاثنين.",
                "strike",
                1,
            ),
            (
                En,
                "US aircraft struck sites in Al-Bukamal on Monday. The official said the area was calm. The Pentagon said it had struck sites in eastern Syria on Monday.",
                "strike",
                1,
            ),
            // but not a city of another governorate
            (
                Ar,
                "قصفت الطائرات الأمريكية مواقع في البوكمال يوم الاثنين. وقال المسؤول إن الوضع هادئ. وأعلن البنتاغون قصف مواقع في حمص يوم الاثنين.",
                "strike",
                2,
            ),
            // two cities of one governorate are two places
            (Ar, "قصفت الطائرات مدينة حماة يوم الاثنين. وقصفت الطائرات مدينة السلمية يوم الاثنين.", "strike", 2),
            // a bare mention is the one attack of its kind reported, whatever attacks of
            // other kinds the article tells
            (
                Ar,
                "شنت طائرات أمريكية غارات جوية على مدينة الرقة يوم الاثنين، بحسب مسؤولين. وانفجرت قنبلة في سوق بمدينة حلب يوم الثلاثاء. ويقول منتقدون إن غارات جوية في سوريا لم تحقق أهدافها.",
                "strike",
                2,
            ),
            (
                En,
                "US airstrikes hit targets in Raqqa on Monday, officials said. A bomb exploded in a market in Aleppo on Tuesday. Critics say airstrikes in Syria have been inadequate.",
                "strike",
                2,
            ),
            // (whichever kind of attack the happening's first mention names: the headline's
            // fighting, then the attack it is)
            (
                Ar,
                "قتال عنيف في بنغازي\n\nقال مسؤولون عسكريون إن القوات الخاصة تعرضت لهجوم شنه مسلحون على منطقة في مدينة بنغازي يوم الاثنين. وذكر مصدر أن قنبلة انفجرت في شقة سكنية في طرابلس يوم الاثنين. وقال الناطق إن القوات الخاصة تصدت لهجوم عنيف.",
                "strike",
                2,
            ),
            (
                En,
                "Heavy fighting in Benghazi\n\nMilitary officials said special forces came under an attack by militants on a district of Benghazi on Monday. A bomb exploded in a flat in Tripoli on Monday, a source said. The spokesman said special forces repelled a violent attack.",
                "strike",
                2,
            ),
            // two sources' tallies of one war since its start are one toll, whatever each
            // counts; tallies of two places, or a tally and today's toll, are two
            (
                Ar,
                "ويعتقد الناشطون أن 400 ألف شخص قتلوا منذ بدء الانتفاضة ضد الرئيس السوري بشار الأسد في البلاد. وقال المرصد إن أكثر من نصف مليون شخص قتلوا في سوريا منذ اندلاع الحرب.",
                "casualties",
                1,
            ),
            (
                En,
                "Activists believe that some 400,000 people have been killed since the uprising against President Bashar al-Assad began in the country. The monitor said more than half a million people were killed in Syria since the war started.",
                "casualties",
                1,
            ),
            (
                Ar,
                "وقال المسؤولون إن أربعة آلاف شخص قتلوا في العراق منذ بدء الحرب في البلاد قبل سنوات. وقال المرصد إن تسعة آلاف شخص قتلوا في سوريا منذ بدء الحرب.",
                "casualties",
                2,
            ),
            (
                En,
                "Officials said that 4,000 people had been killed in Iraq since the war began years ago in the country. The monitor said 9,000 people had been killed in Syria since the war began.",
                "casualties",
                2,
            ),
            (
                Ar,
                "وقال المرصد إن عشرين شخصا قتلوا في غارة على مدينة حلب أمس في شمال البلاد. وقال المرصد إن أكثر من نصف مليون شخص قتلوا في سوريا منذ اندلاع الحرب.",
                "casualties",
                2,
            ),
            (
                En,
                "The monitor said twenty people were killed in an airstrike on the city of Aleppo on Monday in the north. It said more than half a million people were killed in Syria since the war started.",
                "casualties",
                2,
            ),
        ];
        for &(language, text, kind, expected) in cases {
            let doc = through("event clusters", language, text);
            let n = doc.clusters.iter().filter(|c| doc.event_mentions[c.trigger].event_type.is(kind)).count();
            assert_eq!(n, expected, "{text:?}");
        }
    }

    #[test]
    fn a_participant_noun_as_a_toll_victim_names_no_protest() {
        let cases: &[(Language, &str)] =
            &[(Ar, "وطالب بالتحقيق في مقتل متظاهر في البصرة."), (En, "He called for an inquiry into the killing of a protester in Basra.")];
        for &(language, text) in cases {
            let kinds: Vec<String> = detected(language, text).into_iter().map(|d| d.0).collect();
            assert_eq!(kinds, ["casualties"], "{text:?}");
        }
    }

    #[test]
    fn a_definite_head_of_an_earlier_compound_names_that_happening() {
        // (text, the types detected)
        let cases: &[(Language, &str, &[&str])] = &[
            (Ar, "وشنت الشرطة حملة مداهمات في القاهرة أمس. وأثارت المداهمات غضب السكان.", &["arrest"]),
            (En, "The deportation raids in Atlanta began on Monday. Advocates were outraged by the raids.", &["arrest"]),
            // of the same type it is an anaphor, left to coreference
            (Ar, "شنت طائرات التحالف غارات جوية على صعدة. وأسفرت الغارات عن دمار واسع.", &["strike", "strike"]),
        ];
        for &(language, text, expected) in cases {
            let kinds: Vec<String> = detected(language, text).into_iter().map(|d| d.0).collect();
            assert_eq!(kinds, expected, "{text:?}");
        }
    }

    #[test]
    fn words_that_name_no_event_give_none() {
        let cases: &[(Language, &str)] = &[
            (Ar, "أعلنت الحكومة عن خطة اقتصادية جديدة."),
            (En, "The ministry published its annual budget on Monday."),
            // launching a campaign of words: «شن» names no attack without an attack noun
            (Ar, "وشنت اللجنة الدولية في تقرير عن الأوضاع في دارفور هجوما شديدا على الحكومة."),
            (Ar, "فقد شنت حملة دبلوماسية مكثفة للضغط على الناتو في بروكسل."),
            (En, "The senator launched a scathing attack on the president."),
            // the people involved, named without the happening
            (Ar, "وطالب المتظاهرين بالعودة إلى منازلهم."),
            (Ar, "وقدمت الحكومة تعويضات لعائلات الضحايا."),
            (Ar, "وأفرجت السلطات عن والد أحد الانتحاريين."),
            (En, "The protesters' families asked for an inquiry."),
            (En, "The gunmen's identities were not known."),
            (Ar, "وأراد المتمردون جلب مقاتلين جرحى على متن الطائرة."),
            (Ar, "وتواصل الفرق جهودها لإجلاء المصابين."),
            (En, "The rebels wanted to bring the wounded on board."),
            // what a protest's crowd throws is its violence, no armed attack
            (Ar, "وقالت مصادر أمنية إن المحتجين ألقوا قنابل بنزين وحجارة على قوات الأمن في البصرة."),
            (En, "Police said protesters threw petrol bombs and stones at the security forces in Basra."),
            // crowd control is no armed attack
            (Ar, "واستخدمت الشرطة قنابل الغاز المسيل للدموع في شارع الرشيد ببغداد أمس."),
            (En, "Police fired tear gas in central Basra on Monday."),
            // a verbal or political attack
            (Ar, "وتعرض محيط المجلس إلى هجوم إعلامي كثيف."),
            (Ar, "وأضاف أن المملكة تصد هجمات مفتعلة من وسائل مؤدلجة."),
            (Ar, "وشن النائب هجوما شديدا على الحكومة والحزب الحاكم."),
            (Ar, "وشن الرئيس أعنف هجوم له على الحركة في كلمة ألقاها أمس."),
            (Ar, "وقالت الصحيفة إن الحزب تلقى ضربة قوية في الانتخابات."),
            (En, "The company suffered a heavy blow last year."),
            // a round of fighting or of voting is no tour
            (Ar, "واندلعت جولة جديدة من القتال بين الطرفين."),
            (Ar, "وانتهت الجولة الأولى من الانتخابات."),
            (En, "The first round of the vote ended on Sunday."),
            // a cyber attack is no armed one
            (Ar, "وتعرضت مواقع الوزارة لهجوم إلكتروني واسع."),
            (En, "The ministry's websites were hit by a cyberattack."),
            // (a kidnapping operation is the kidnapping's, no attack of its own)
            (Ar, "وذكر أن عملية الخطف تمت على حاجز قرب اعزاز."),
            // an operation that is no attack: rescue, evacuation, smuggling, voting
            (Ar, "وتواصلت عمليات الإنقاذ في المدينة طوال الليل."),
            (Ar, "وبدأت عملية الفرز بعد إغلاق مراكز الاقتراع."),
            (En, "The rescue operation went on through the night."),
            // launchers are weapons, not a launch
            (Ar, "وعرض الجيش منصات إطلاق صواريخ في العرض العسكري."),
            (En, "The army showed its rocket launchers at the parade."),
            // a death sentence: a court's act, no killing yet
            (Ar, "ونقل المحكوم بالاعدام في العراق الى المستشفى."),
            (En, "The court sentenced him to death on Monday."),
            (En, "He has been on death row since 2009."),
            // a blockade or sanctions: no armed attack
            (Ar, "وفرضت واشنطن حصارا شاملا على القطاع."),
            (En, "Washington imposed a blockade on the strip."),
            (En, "The senator made a scathing attack on his rival."),
            // a killing after a preposition or an act noun, with nothing to anchor it, names
            // a kind of act
            (Ar, "هذا هو التفسير الوحيد لما يجري في العراق من قتل وذبح وخطف."),
            (Ar, "وتتهم المنظمات الميليشيات بارتكاب أعمال قتل وتعذيب."),
            (En, "The militias were accused of acts of killing and torture."),
            (Ar, "وحذرت باريس من دفع الوضع إلى الفلتان عن طريق عمليات اغتيال جديدة."),
            (Ar, "ويواجه المتهمون الثلاثة تهمة المؤامرة بقصد القيام بأعمال إرهابية."),
            (En, "The three men face charges of plotting acts of terrorism."),
            // an attack verb whose subject is a law, a measure or a plan
            (Ar, "وكان يوجه جهودها لإلغاء قوانين مكافحة الفساد التي تستهدف الروس."),
            (En, "The new sanctions targeting Russian officials took effect."),
            // a bare plural attack noun with nothing of its own names a kind of attack
            (En, "Airstrikes kill civilians, the report said."),
            (Ar, "وقال إن الصواريخ لا تفرق بين مدني وعسكري في هجمات كهذه."),
            // accidents and disasters are no casualties events, and their words no attacks
            (Ar, "قتل ثلاثة جنود أمريكيين في تحطم مروحية خلال تدريب في العراق."),
            (Ar, "أعلنت الوزارة مقتل مدرب أمريكي في حادث تحطم مروحية خلال عملية تدريب في الرياض."),
            (Ar, "قتل عشرة أشخاص في زلزال ضرب جنوب تركيا."),
            (En, "Ten people were killed when a helicopter crashed in Iraq."),
            (En, "His parents died in a car crash in 1987."),
            // a definite toll noun with no count names a kind of act
            (Ar, "وأدان المتحدث الإجرام والقتل المتعمد."),
            (En, "The bishop spoke against the killings and the looting."),
            (Ar, "وأشار إلى أن القتل والاختطاف جرائم لا تغتفر."),
            // a present verb beside an adverb of habit, with no time or toll, tells a habit
            (Ar, "وتستهدف الجماعة الإرهابية المدارس باستمرار."),
            (Ar, "وتهاجم العصابات القرى الحدودية عادة في موسم الحصاد."),
            (En, "The group routinely attacks schools in the north-east."),
            // a visit to a building or a site is no meeting between parties
            (Ar, "واختفى الصحفي بعد زيارته للقنصلية السعودية في إسطنبول."),
            (Ar, "وزار الوزير المستشفى الميداني في المدينة."),
            (En, "The journalist disappeared after his visit to the consulate in Istanbul."),
            (En, "The minister visited the hospital on Monday."),
            // a past verb joined to its own future tells a vow
            (Ar, "وقالت المتحدثة الخميس إن بلادها قتلت وستقتل الإرهابيين في سوريا."),
            (En, "Russia has killed and will kill the terrorists in Syria, the spokeswoman said."),
            // an act that describes a person's part in acts of its kind
            (Ar, "وأفرجت السلطات عن القياديين المسؤولين عن إطلاق الصواريخ واستهداف المدنيين."),
            (En, "The two commanders responsible for the missile launches were named."),
            // a present attack verb with nothing of its own tells no happening
            (Ar, "وأضاف أن الإعلام يسعى لإيجاد ثغرة تهاجم بلادنا من خلالها."),
            (Ar, "وقال إن الجماعات المتطرفة تبحث عن ثغرة تضرب من خلالها."),
            // a chance or a chant, not gunfire or a killing
            (En, "This is her last-chance shot to bring those voters over."),
            (En, "The crowd kept saying 'Death to Israel.'"),
        ];
        for &(language, text) in cases {
            assert!(detected(language, text).is_empty(), "{text:?}: {:?}", detected(language, text));
        }
    }

    #[test]
    fn a_clash_beside_a_protest_is_its_violence() {
        // (text, a strike expected): the toll of a protest's clash stays an event
        let cases: &[(Language, &str, bool)] = &[
            (Ar, "قتل محتج وأصيب ستة آخرون في اشتباكات مع قوات الأمن خلال احتجاجات في البصرة.", false),
            (Ar, "وقتل متظاهر في اشتباكات بين المتظاهرين والشرطة وسط العاصمة.", false),
            (En, "One protester was killed in clashes between demonstrators and police in Basra.", false),
            // clashes with no crowd in the sentence stay strikes
            (Ar, "وقتل خمسة جنود في اشتباكات مع مسلحين في ريف إدلب.", true),
            (En, "Five soldiers were killed in clashes with militants near Idlib.", true),
        ];
        for &(language, text, strike) in cases {
            let found = detected(language, text);
            assert_eq!(found.iter().any(|(t, ..)| t == "strike"), strike, "{text:?}: {found:?}");
            assert!(found.iter().any(|(t, ..)| t == "casualties"), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn repeated_tokens_cost_linear_work() {
        // each once took minutes: every trigger paired with every count, place and cluster
        let cases: &[(Language, &str, usize)] = &[
            (Ar, "قتل 5 ", 3000),
            (En, "killed 5 ", 3000),
            (Ar, "قتل 5 و", 3000),
            (Ar, "غارة على حلب ", 2000),
            (En, "an airstrike on Aleppo killed 3 ", 1500),
            (Ar, "اجتماع بين مصر وقطر ", 1500),
            // bare years beside other dates: each year checks the dates by a token mask
            (Ar, "قتل 5 في 2012 وفي 12 مارس 2013 ", 2000),
            (En, "killed 5 in 2004 and on March 5, 2005 ", 2000),
            // a meeting in each of many quotes: each finds its quote by token, not by a scan
            (Ar, "وقال الوزير \"نجري محادثات في جنيف\". ", 1500),
            // crowds and what they throw: each attack looks a few tokens back through a mask
            (Ar, "تظاهر آلاف المحتجين في البصرة وقتل 3 في غارة ", 1500),
            // responses in one endless sentence: one answered happening is kept per sentence
            (Ar, "شن الحرس هجوما صاروخيا ردا على هجوم الأحواز و", 1500),
            // cancelled meetings and definite nouns referring back: the latest few are asked
            (Ar, "لم تنعقد قمة ترامب وكيم. وصممت العملة للإشادة بالمفاوضات بين ترامب وكيم. ", 1000),
        ];
        for &(language, piece, times) in cases {
            let text = piece.repeat(times);
            let doc = through("event clusters", language, &text);
            assert!(!doc.event_mentions.is_empty(), "{piece:?}");
            assert!(doc.clusters.len() <= doc.event_mentions.len(), "{piece:?}");
            let placed: usize = doc.clusters.iter().map(|c| c.mentions.len()).sum();
            assert_eq!(placed, doc.event_mentions.len(), "{piece:?}: every mention in one cluster");
        }
    }

    #[test]
    fn events_given_as_the_setting_of_the_news_are_background() {
        // (text, trigger, background)
        let cases: &[(Language, &str, &str, bool)] = &[
            (Ar, "قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد أمس.", "انفجار سيارة مفخخة", false),
            (Ar, "بدت الأبنية مهجورة منذ تفجيرات سامراء في فبراير من العام الماضي.", "تفجيرات", true),
            (Ar, "وقضت المحكمة بسجن المتهمين في تفجير السفارة.", "تفجير", true),
            (En, "A car bomb killed five people in Baghdad on Monday.", "car bomb", false),
            (En, "The court sentenced the men behind last year's car bomb.", "car bomb", true),
            (En, "The city has been quiet since the 2014 bombing of its market.", "bombing", true),
            // reactions to it and who is behind it
            (Ar, "وأدانت الحكومة الهجوم على السفارة.", "الهجوم", true),
            (Ar, "ويعتقد أن الميليشيات كانت وراء اغتيال المحافظ.", "اغتيال", true),
            (En, "Officials condemned the bombing.", "bombing", true),
            (Ar, "ووصف رئيس الوزراء نوري المالكي الهجوم بأنه مذبحة مروعة.", "الهجوم", true),
            (Ar, "واتهمت الحكومة الحركة بتنفيذ الهجوم على السفارة.", "الهجوم", true),
            (Ar, "وقدمت الشرطة معلومات جديدة بخصوص التفجير.", "التفجير", true),
            (En, "The minister described the bombing as a massacre.", "bombing", true),
            // the day after it, the eve of it
            (Ar, "وفي اليوم التالي لمقتل رئيسة الوزراء السابقة أعلنت السلطات حالة الطوارئ.", "مقتل", true),
            (En, "In the wake of the bombing, the city closed its schools.", "bombing", true),
            // claims of responsibility and condolences
            (Ar, "وتبنت الحركة مسؤولية هذا الاعتداء في بيان.", "الاعتداء", true),
            (En, "A little-known group claimed responsibility for the bombing.", "bombing", true),
            // definite and unanchored: a happening known from elsewhere, or a kind of act
            (Ar, "وتابع أن السفارة أبلغت بهذا الهجوم.", "الهجوم", true),
            // (a place before the demonstrative is the words before it: the embassy's)
            (Ar, "وتابع أن السفارة الهندية في نيروبي أبلغت بهذا الهجوم.", "الهجوم", true),
            // a kind of act that causes another kind of act: neither is news
            (Ar, "وحدد التقرير انواع العنف بالضرب والاعتداء الجنسي والوعيد بالقتل.", "الاعتداء", true),
            (En, "The report listed the violence: the beatings and the killing.", "killing", true),
            // a happening known by its victim, even with its place, unless it has a time
            (Ar, "وتجرى الانتخابات لملء مقعد شغر باغتيال النائب وليد عيدو في بيروت.", "اغتيال", true),
            (Ar, "وقتل النائب وليد عيدو في انفجار في بيروت أمس.", "انفجار", false),
            (En, "The vote fills the seat left by the assassination of President Rafik Hariri in Beirut.", "assassination", true),
            // a tally over a period, unless the period starts on a recent day
            (Ar, "وقتل 76 صحافيا عراقيا منذ الغزو الأمريكي للعراق.", "قتل", true),
            (En, "Seventy journalists were killed since the invasion.", "killed", true),
            (Ar, "وقتل خمسة أشخاص منذ صباح اليوم في حلب.", "قتل", false),
            (En, "Five people were killed since Monday in Aleppo.", "killed", false),
            // definite by its victim: a named person or a definite role in construct
            (Ar, "وتحدث التقرير عن اغتيال الرئيس رفيق الحريري.", "اغتيال", true),
            (En, "He wrote a book about the assassination of President Kennedy.", "assassination", true),
            // the same construct with a place and a time: news
            (Ar, "وجرى اغتيال المحافظ في كركوك أمس.", "اغتيال", false),
            // a happening dated only by a past year is the setting; one dated by its day is news
            (Ar, "واعتبر أن له علاقة بتفجيرات مدريد عام 2004.", "تفجيرات", true),
            (En, "He was linked to the Madrid bombings in the year 2004.", "bombings", true),
            (Ar, "وقتل خمسة أشخاص في تفجير في بغداد يوم 5 مارس.", "تفجير", false),
            // without a publication date, a month the text writes with its year is past too,
            // unless it opens a period that runs to the news
            (Ar, "وكانت له علاقة بتفجيرات لندن في يوليو 2005.", "تفجيرات", true),
            (En, "He was linked to the London bombings in July 2005.", "bombings", true),
            (Ar, "وقال المكتب إن القراصنة نفذوا هجمات على السفن في خليج عدن والمحيط الهندي منذ يناير 2008.", "هجمات", false),
            (
                En,
                "Pirates have carried out attacks on ships in the Gulf of Aden and the Indian Ocean since January 2008.",
                "attacks",
                false,
            ),
            (En, "Five people were killed in a bombing in Baghdad on March 5.", "bombing", false),
            // an attack told only by its noun, with no time, toll or verb reporting it as a
            // happening, names one known from elsewhere; an occurrence verb makes it news
            (Ar, "ودعت باريس إلى الحذر من دفع الوضع إلى الفلتان عن طريق تفجيرات جديدة في لبنان.", "تفجيرات", true),
            (Ar, "ونفذ مسلحون هجوما على حاجز للشرطة في الموصل.", "هجوما", false),
            (Ar, "وقالت الشرطة إن سيارة مفخخة انفجرت قرب مقر الحاكم في كابل.", "سيارة مفخخة", false),
            (Ar, "وقالت الشرطة إن المنطقة الخضراء في بغداد تعرضت لهجوم بقذائف الهاون.", "هجوم", false),
            (En, "The vote was held amid anger over a bombing in the capital.", "bombing", true),
            (En, "A bombing in the capital shook the city on a quiet day.", "bombing", false),
            (En, "Gunmen carried out an attack on a police checkpoint in Mosul.", "attack", false),
            (En, "Police said a car bomb exploded near the governor's office in Kabul.", "car bomb", false),
            // a time of another clause of the sentence does not make it news; its own does
            (Ar, "وعقد البرلمان أمس جلسة خصصت لبحث ملف التفجيرات في المدينة.", "التفجيرات", true),
            (Ar, "وذكر المصدر أن هجوما أمس على سوق المدينة أثار الذعر.", "هجوما", false),
            (En, "The parliament met on Monday to discuss the bombings in the city.", "bombings", true),
            (En, "Witnesses said a bombing on Monday in the market caused panic.", "bombing", false),
            // (a suicide bomber who blew himself up: news)
            (Ar, "وقال المصدر إن انتحاريا يقود شاحنة مفخخة فجر نفسه وسط سوق في بغداد.", "فجر نفسه", false),
            // definite but anchored by its toll: news
            (Ar, "وأسفر الهجوم عن مقتل ثلاثة جنود في كابول.", "الهجوم", false),
            (En, "The attack killed three soldiers in Kabul.", "attack", false),
        ];
        for &(language, text, trigger, background) in cases {
            let doc = through("event clusters", language, text);
            let found = doc.event_mentions.iter().find(|e| {
                let (s, t) = doc.original(e.span.0, e.span.1);
                doc.text[s..t].contains(trigger)
            });
            let found = found.unwrap_or_else(|| panic!("no {trigger:?} in {text:?}"));
            assert_eq!(found.background, background, "{text:?}");
        }
    }

    #[test]
    fn a_present_attack_verb_is_news_in_a_headline() {
        // (text, mentions of each event found): the headline's present verb joins the lede's
        // strike; the same verb in the body, with nothing of its own, tells no happening
        let cases: &[(Language, &str, &[usize])] = &[
            (Ar, "الجيش يقصف مواقع المسلحين\n\nقصف الجيش مواقع المسلحين في حلب أمس.", &[3]),
            (Ar, "قصف الجيش مواقع المسلحين في حلب أمس.\n\nوقال إن الجيش يقصف مواقع المسلحين.", &[2]),
        ];
        for &(language, text, sizes) in cases {
            let doc = through("event clusters", language, text);
            let found: Vec<usize> = doc.clusters.iter().map(|c| c.mentions.len()).collect();
            assert_eq!(found, sizes, "{text:?}");
        }
    }

    #[test]
    fn a_definite_mention_of_a_cancelled_meeting_is_that_meeting() {
        // (text, meetings held): a definite meeting noun with nothing of its own refers back
        // to the meeting that did not take place; a meeting told by its verb is its own
        let cases: &[(Language, &str, usize)] = &[
            (Ar, "لم تنعقد قمة ترامب وكيم حتى الآن.\n\nوصممت العملة للإشادة بالمفاوضات بين ترامب وكيم.", 0),
            (En, "The summit was cancelled on Monday.\n\nThe coin celebrates the talks between Trump and Kim.", 0),
            (Ar, "لم تنعقد قمة ترامب وكيم حتى الآن.\n\nوالتقى ترامب ماكرون في باريس أمس.", 1),
        ];
        for &(language, text, held) in cases {
            let doc = through("event clusters", language, text);
            let found = doc
                .clusters
                .iter()
                .filter(|c| {
                    let t = &doc.event_mentions[c.trigger];
                    t.event_type.frame == Frame::Meeting && !super::is_non_event(t.modality)
                })
                .count();
            assert_eq!(found, held, "{text:?}");
        }
    }

    #[test]
    fn a_crowd_or_its_acts_name_a_protest() {
        let cases: &[(Language, &str)] = &[
            (Ar, "وتجمع آلاف المتظاهرين أمام البيت الأبيض للمطالبة بإنهاء الحرب."),
            (Ar, "ودفعت الجماعة بأكثر من خمسة آلاف متظاهر إلى الشارع."),
            (Ar, "ورفعوا أعلاما لحركة حماس، ورددوا هتافات تطالب بإنهاء الحصار."),
            (En, "Thousands of protesters filled the square."),
        ];
        for &(language, text) in cases {
            let found = detected(language, text);
            assert!(found.iter().any(|e| e.0 == "protest"), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn casualties_need_a_killing_that_happened_and_its_toll() {
        // (text, casualties expected)
        let cases: &[(Language, &str, bool)] = &[
            // a killing done to death is casualties, a death sentence is none
            (En, "A man was beaten to death in Basra on Monday.", true),
            (En, "Two guards were stabbed to death at the gate.", true),
            (En, "The court sentenced him to death on Monday.", false),
            (Ar, "وتعرض رجل للضرب حتى الموت في البصرة أمس.", true),
            (Ar, "وقضت المحكمة عليه بالإعدام أمس.", false),
            // a judicial execution is none; a summary one by an armed group is a killing
            (Ar, "وقال المحامي إن هذا الرجل لا يستحق الإعدام.", false),
            (Ar, "ونفذ التنظيم إعدامات ميدانية بحق 20 شخصا في الرقة أمس.", true),
            (En, "The court upheld the execution of the former leader.", false),
            (En, "The group carried out summary executions of 20 people in Raqqa on Monday.", true),
            // the wounded with their count are a toll
            (Ar, "وأسفر القصف عن سقوط 30 جرحى في حلب.", true),
            (Ar, "ونقل 12 مصابا إلى المستشفى.", true),
            // a killing in the present needs its toll: else it is a habit
            (Ar, "وقال إن كل الذين يقتلون العراقيين سيحاسبون.", false),
            (Ar, "كانوا يخطفون ويقتلون ويسرقون.", false),
            (Ar, "وقالت المتحدثة إن بلادها ستقتل الإرهابيين في كل مكان.", false),
            (Ar, "غارة أمريكية تقتل 14 جنديا أفغانيا.", true),
            (En, "Those who kill civilians will be punished.", false),
            (En, "US airstrike kills 14 Afghan soldiers.", true),
            // a killing after a preposition is an act named, unless a count, a time or a
            // named victim anchors it; the toll of a result is news
            // a toll told of the people a relative clause describes, with nothing to anchor it
            (En, "Speakers urged the crowd to focus on minorities who have been killed in confrontations with police.", false),
            (Ar, "وتحدث المتظاهرون عن الشبان الذين قتلوا في مواجهات مع الشرطة.", false),
            (En, "The five people who were killed on Monday were buried.", true),
            (Ar, "وحذر من قتل المدنيين.", false),
            (Ar, "وتسببت الصواريخ في قتل 15 مدنيا.", true),
            (Ar, "وأدان الوزير الإعلان عن قتل الرهينة.", true),
            (Ar, "وأسفرت الاشتباكات عن مقتل كل عناصر الميليشيا.", true),
            (En, "The report described acts of killing and torture in the camps.", false),
        ];
        for &(language, text, killed) in cases {
            let found = detected(language, text);
            assert_eq!(found.iter().any(|e| e.0 == "casualties"), killed, "{text:?}: {found:?}");
        }
    }
}
