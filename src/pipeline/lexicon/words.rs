//! Closed word classes of each language (locative prepositions, directions, agent markers,
//! clause stops …): one file per class under `config/lexicons/{lang}/words/`, embedded at
//! build time, overridable from the lexicon folder, normalised like the article text.
//!
//! A class is a [`WordClass`] variant; adding one is a line in the `word_classes!` table
//! below plus a file per language (a language without the file does not compile).

use crate::pipeline::lexicon::matcher::normalise_form;
use crate::pipeline::lexicon::{LexiconError, rows};
use crate::pipeline::model::Language;
use foldhash::HashSet;
use foldhash::HashSetExt;

macro_rules! word_classes {
    ($($variant:ident => $file:literal : $doc:literal),* $(,)?) => {
        /// A closed class of words, read from `config/lexicons/{lang}/words/<file>.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum WordClass {
            $(#[doc = $doc] $variant),*
        }

        impl WordClass {
            /// Every class, in table order.
            pub const ALL: &'static [WordClass] = &[$(WordClass::$variant),*];

            /// The file name (without folder and extension).
            pub fn file(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $file),*
                }
            }

            /// The embedded default content of the class's file for `language`.
            fn embedded(self, language: Language) -> &'static str {
                match (self, language) {
                    $(
                        (WordClass::$variant, Language::Ar) =>
                            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/ar/words/", $file, ".tsv")),
                        (WordClass::$variant, Language::En) =>
                            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/en/words/", $file, ".tsv")),
                    )*
                }
            }
        }
    };
}

word_classes! {
    Locative => "locatives": "Prepositions and place nouns that put the following place at the scene (في، قرب، مدينة; in, at, near).",
    LocativePrefix => "locative_prefixes": "Prefixes glued to a place that put it at the scene (بالبوكمال).",
    Direction => "directions": "Compass words that make the following place a reference point (جنوب كابول; north of Kabul).",
    AgentMarker => "agent_markers": "Words after a strike trigger that introduce its attacker (شنتها، نفذها; by).",
    TargetMarker => "target_markers": "Prepositions between a strike trigger and its target (على، ضد; on, against, targeting).",
    PartyMarker => "party_markers": "Prepositions after a meeting trigger that introduce its parties (بين، مع; between, with).",
    AccordingNonSource => "according_non_sources": "Nouns after an according-to cue that make it \"in accordance with\", naming no source (وفق الضوابط; according to plan).",
    VerbCoordinator => "verb_coordinators": "Words that join a second verb to the subject of the sentence's first (and, but; Arabic glues و to the verb).",
    GenitivePreposition => "genitive_prepositions": "Prepositions that join a noun to its genitive (the assassination of …; Arabic uses the construct state).",
    PurposeMarker => "purpose_markers": "Words that open the purpose of a happening (في سبيل، من أجل; in order to, aimed at): a place after one is not the happening's scene.",
    FacilityNoun => "facility_nouns": "Nouns of buildings named after a place (فندق; hotel): the place name beside one is the building's, not the town's.",
    PhraseOpener => "phrase_openers": "Words that open a speaker's noun phrase and bring the words after it (an ICE spokeswoman; none in Arabic, whose phrases are read by construct).",
    LabelMarker => "label_markers": "Words right before a short quotation that make it a label, not speech (بـ، لـ; so-called, alleged).",
    PartyLink => "party_links": "Words between two phrases of a meeting's party chain: the host or counterpart after the visitor (إلى; to, his).",
    AdjectiveSuffix => "adjective_suffixes": "Endings of an adjective that a noun phrase takes after its head (the Arabic nisba: الشيشاني).",
    YearMarker => "year_markers": "Words before a number in digits that make it a year, not a count (في 2012، منذ 2014; in, since).",
    Coordinator => "coordinators": "Standalone words that coordinate two noun phrases (و; and).",
    ConjunctLink => "conjunct_links": "Words between a coordinator and the phrase they join that link it to its body (وممثلين عن روسيا; representatives of).",
    ActOpener => "act_openers": "Prepositions and act nouns before a toll's verbal noun that make it the name of a kind of act when no count, time or victim anchors it (من قتل وذبح، أعمال قتل; acts of killing).",
    AccidentWord => "accident_words": "Words of accidents and disasters (تحطم، زلزال; crash, earthquake): a toll beside one with no attack in its sentence is no casualties event (GUIDELINES.md).",
    HabitualAdverb => "habitual_adverbs": "Adverbs that make a present event verb a habit, not a happening (تستهدف المدارس باستمرار; routinely, regularly).",
    VisitedSite => "visited_sites": "Nouns of buildings and sites one visits (القنصلية، المستشفى; hospital, museum): a visit to one is no meeting.",
    RoleInAct => "roles_in_acts": "Nouns of a person's part in acts of a kind (المسؤول عن، خبير في; responsible for, expert in): an attack or a killing right after one, with no time or toll, describes the person, not a happening.",
    AttackIntent => "attack_intents": "Infinitives of taking part in or starting an attack (للمشاركة في، للبدء ب; to take part in, to start): an attack noun a few words after one, with no time of its own, is intended, not reported as done.",
    ComparisonOpener => "comparison_openers": "Words that open a comparison with another happening before a verb of occurrence (كما حدث في كينيا; as happened in): the place after them is the compared happening's, not a scene of the sentence.",
    UndergoVerb => "undergo_verbs": "Verbs of undergoing an attack (تعرض ل; came under): right before a strike trigger, they make an undergo agent after it introduce the attacker.",
    UndergoAgent => "undergo_agents": "Prepositions after a strike trigger an undergo verb governs that introduce its attacker (تتعرض للقصف من القوات التركية; from, by).",
    ThrowVerb => "throw_verbs": "Verbs of throwing (ألقى، رشق; threw, hurled): what a protest's crowd throws is its violence, no armed attack.",
    SeriesNoun => "series_nouns": "Nouns of fighting that go on (قتال، معارك، حرب; fighting, war): an attack with its own toll inside such a series is a happening of its own.",
    OccurrenceVerb => "occurrence_verbs": "Verbs that report an attack told by its noun as a happening (وقع، نفذ، تعرض ل; took place, carried out): without one, a time or a toll, a noun only names it (GUIDELINES.md, background).",
    ResponseMarker => "response_markers": "Words a little before a trigger that make it the happening another responds to, a different one (ردا على هجوم الأحواز; in retaliation for).",
    AbstractSubject => "abstract_subjects": "Nouns of laws, measures and plans: as the subject of an attack verb they make it a figure of speech, not an attack (قوانين تستهدف الروس; sanctions targeting).",
    PluralEnding => "plural_endings": "Endings of a plural noun trigger's head (غارات، shootings): a bare plural with nothing of its own is a kind of attack, not a happening.",
    YearPreposition => "year_prepositions": "Prepositions before a year in digits that date a happening in that year (في 2012; in 2012).",
    OtherMarker => "other_markers": "Words beside a count that make its victims a group besides one already counted (خمسة جنود آخرين; five other soldiers, another five).",
    ParticipationPurpose => "participation_purposes": "Verbal nouns and infinitives before a meeting trigger that make the party before them its participant (وصل الوفد للمشاركة في المحادثات; arrived to attend the talks).",
    ParticipationVerb => "participation_verbs": "Verbs after a meeting noun that introduce its parties (تشارك فيها; attended by).",
    ClauseStop => "clause_stops": "Punctuation that ends the clause an argument may be read from.",
    CapitalNoun => "capital_nouns": "Nouns that make the following name a capital city, not an actor (العاصمة; capital).",
    PossessiveDeterminer => "possessive_determiners": "Possessive pronouns before a noun that make it definite (his visit, their talks); Arabic writes them as suffixes (ta_pronoun_suffixes).",
    Determiner => "determiners": "Words before a noun that make it definite or demonstrative (the, this, these).",
    DefinitePrefix => "definite_prefixes": "Prefixes of a word that carry the definite article (ال، وال، بال).",
    TollPreposition => "toll_prepositions": "Words before a number that make it a toll raised to (إلى; to).",
    ConjunctionPrefix => "conjunction_prefixes": "Conjunctions glued to the front of a word (وجنوب).",
    TargetPrefix => "target_prefixes": "Prepositions glued to a name that make it the target of a strike (لقوات).",
    ClauseOpener => "clause_openers": "Words that open a clause whose subject may be a count (أن; that).",
    BackgroundCue => "background_cues": "Words before a trigger that make its event the setting of the news (since, anniversary, trial, film).",
    CumulativeMarker => "cumulative_markers": "Words just after a trigger that make it a tally over a period, the setting of the news (قتل 76 صحافيا منذ الغزو; since).",
    PresentVerbForm => "present_verb_forms": "Present forms of event verbs, for a language whose morphology has no verb paradigm to tell them (kill, kills).",
    DatelineMark => "dateline_marks": "Punctuation after a paragraph's opening place that makes it a dateline, where the report was filed (بيروت - رويترز; BEIRUT (Reuters) -).",
    Partitive => "partitives": "Words between a count and the people it counts (الآلاف من; thousands of).",
    PresentPersonPrefix => "present_person_prefixes": "Person prefixes of a present verb (يقودان، تقول), which a dual or plural ending completes.",
    ComplementPrefix => "complement_prefixes": "Prepositions glued to the word after a title's modifier that start its complement, not a name (لولاية، لبيت).",
    FuturePrefix => "future_prefixes": "Future prefixes glued to a present verb (سيجتمع): the event is planned.",
    NounPhraseEnd => "noun_phrase_ends": "Words that end a speaker noun phrase: prepositions, relatives, particles, time adverbs.",
    ChainPreposition => "chain_prepositions": "Prepositions after which a mention continues the speaker noun phrase (source in the council; spokesman of).",
    AffiliationPreposition => "affiliation_prepositions": "Prepositions that join a speaker noun to the body it speaks for, when an actor follows.",
    DanglingPreposition => "dangling_prepositions": "Prepositions trimmed from the end of a speaker noun phrase.",
    BodyPreposition => "body_prepositions": "Prepositions between a role and the body it belongs to, read together as one speaker.",
    MasculinePluralSuffix => "masculine_plural_suffixes": "Endings that make an unknown noun masculine plural.",
    FeminineSuffix => "feminine_suffixes": "Endings that make an unknown noun feminine singular.",
    FemininePluralSuffix => "feminine_plural_suffixes": "Endings of a feminine plural that a mention reads as feminine (sound plurals).",
    TopicMarker => "topic_markers": "Words opening a sentence whose next noun phrase is the topic and speaker.",
    SubjectMarker => "subject_markers": "Auxiliaries opening a sentence before the subject of a later cue.",
    OpeningAdjunct => "opening_adjuncts": "Words opening an adjunct set off by a comma before a sentence's subject (On the eve of …, X).",
    QuotationPreposition => "quotation_prepositions": "Prepositions after a speech verb whose quoted object is the quote (دعا إلى «إبقاء الضغط»).",
    ClauseAuxiliary => "clause_auxiliaries": "Auxiliaries that show a clause after a short subject (claimed Trump was …).",
    ListOpener => "list_openers": "Words between a party marker and the list of parties it opens (مع كل من الإكوادور وبيرو; with both).",
    ContrastOpener => "contrast_openers": "Conjunctions opening a clause inside a sentence whose subject stands before its cue (ولكن الوزارة قالت).",
    RelativePronoun => "relative_pronouns": "Relative pronouns that stand for the mention before them as a cue's subject.",
    AccordingFiller => "according_fillers": "Words skipped between an according-to cue and its source.",
    Comma => "commas": "Commas that set off a mid-sentence attribution.",
    CueAdjunct => "cue_adjuncts": "Prepositions of a short phrase that may stand between a cue and its quotation.",
    SentenceEnd => "sentence_ends": "Punctuation that ends the clause a cue scans for its complement.",
    RelayPreposition => "relay_prepositions": "Prepositions after a relaying cue that introduce the original speaker.",
    SubjectBlocker => "subject_blockers": "Words that, right after a cue, mean the next phrase is no subject.",
    ClosingMarker => "closing_markers": "Words that introduce a cue after the reported clause.",
    PhraseStop => "phrase_stops": "Punctuation that ends a speaker noun phrase or a quoted clause.",
    Article => "articles": "The definite article as a prefix of a word.",
    DativePrefix => "dative_prefixes": "The preposition li- fused with the article (to the, of the).",
    VerbPluralSuffix => "verb_plural_suffixes": "Endings of a present verb in the dual or plural, which no name ends in after two words.",
    PronounSuffix => "pronoun_suffixes": "Feminine and plural pronoun suffixes that no name ends in.",
    TaPronounSuffix => "ta_pronoun_suffixes": "Endings with ta marbuta written as t before a pronoun, read on the original text: a noun, not a name.",
    SubjectAdverb => "subject_adverbs": "Adverbs and auxiliaries skipped between a subject and its cue.",
    SubjectBoundary => "subject_boundaries": "Words that end the search for a subject before a cue.",
    SubjectVerb => "subject_verbs": "Verbs and auxiliaries that end the noun phrase opening a sentence.",
    TrailingTime => "trailing_times": "Words of time that may follow a cue that closes its sentence.",
    CueBlockerBefore => "cue_blockers_before": "Words before a speech verb that make it no attribution (to say, would say).",
    CueBlockerAfter => "cue_blockers_after": "Words after a speech verb that make it no attribution (claimed by).",
    DialoguePronoun => "dialogue_pronouns": "Pronouns of a speaker's own words: a cue after them inside a quotation is no quote.",
    SubjectPronoun => "subject_pronouns": "Pronouns that, as a cue's subject, are resolved to an earlier speaker.",
    FemininePronoun => "feminine_pronouns": "Subject pronouns that make the speaker feminine.",
    PluralPronoun => "plural_pronouns": "Subject pronouns that make the speaker plural.",
    PrepositionProclitic => "preposition_proclitics": "Prepositions glued before a mention that make it an addressee or complement, not a speaker.",
}

/// Reads a file of the override folder: its display name and content, or `None` when the
/// folder has no such file (the embedded default applies).
pub type OverrideFile<'a> = dyn Fn(&str) -> Result<Option<(String, String)>, LexiconError> + Sync + 'a;

/// The word classes of one language, loaded and normalised.
#[derive(Debug)]
pub struct WordClasses {
    sets: Vec<HashSet<String>>,
    lists: Vec<Vec<String>>,
}

impl WordClasses {
    /// Loads every class of `language`; `file` returns a file's name and content from the
    /// override folder, or `None` to use the embedded default.
    pub(crate) fn load(language: Language, file: &OverrideFile) -> Result<WordClasses, LexiconError> {
        let mut sets = Vec::with_capacity(WordClass::ALL.len());
        let mut lists = Vec::with_capacity(WordClass::ALL.len());
        for &class in WordClass::ALL {
            let name = format!("{}/words/{}.tsv", language.code(), class.file());
            let (name, content) = match file(&name)? {
                Some(found) => found,
                None => (name, class.embedded(language).to_string()),
            };
            let mut set = HashSet::new();
            let mut list = Vec::new();
            for (_, cols) in rows(&name, &content, 1)? {
                for form in cols[0].split('|') {
                    let norm = normalise_form(form).to_lowercase();
                    if set.insert(norm.clone()) {
                        list.push(norm);
                    }
                }
            }
            // longest first, so that prefix tests find the longest prefix
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            sets.push(set);
            lists.push(list);
        }
        Ok(WordClasses { sets, lists })
    }

    /// True when the normalised word `word` belongs to `class`.
    pub fn contains(&self, class: WordClass, word: &str) -> bool {
        self.sets[class as usize].contains(word)
    }

    /// The longest word of `class` that `word` starts with.
    pub fn prefix_of<'a>(&'a self, class: WordClass, word: &str) -> Option<&'a str> {
        self.lists[class as usize].iter().find(|p| word.starts_with(p.as_str())).map(String::as_str)
    }

    /// `word` without the longest word of `prefix` it starts with (itself when none): the
    /// word behind a conjunction or a preposition glued to it (والذي → الذي).
    pub fn without_prefix<'w>(&self, prefix: WordClass, word: &'w str) -> &'w str {
        self.prefix_of(prefix, word).map_or(word, |p| &word[p.len()..])
    }

    /// True when `word`, or `word` without a word of `prefix` glued before it, is a word of
    /// `class` (منذ and ومنذ, الهجوم and بالهجوم).
    pub fn contains_past_prefix(&self, class: WordClass, prefix: WordClass, word: &str) -> bool {
        self.contains(class, word) || self.contains(class, self.without_prefix(prefix, word))
    }

    /// The longest word of `class` that `word` ends with.
    pub fn suffix_of<'a>(&'a self, class: WordClass, word: &str) -> Option<&'a str> {
        self.lists[class as usize].iter().find(|s| word.ends_with(s.as_str())).map(String::as_str)
    }

    /// The words of `class`, longest first.
    pub fn words(&self, class: WordClass) -> &[String] {
        &self.lists[class as usize]
    }

    /// Entries per class, for `/v1/info`.
    pub fn len(&self) -> usize {
        self.sets.iter().map(HashSet::len).sum()
    }

    /// True when no class has a word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded(language: Language) -> WordClasses {
        WordClasses::load(language, &|_| Ok(None)).expect("embedded word classes load")
    }

    #[test]
    fn every_class_loads_in_both_languages() {
        // a class may be empty in one language (English glues no preposition to a place)
        // but never in both
        let (ar, en) = (embedded(Language::Ar), embedded(Language::En));
        for &class in WordClass::ALL {
            assert!(!(ar.words(class).is_empty() && en.words(class).is_empty()), "{} is empty", class.file());
        }
    }

    #[test]
    fn entries_are_normalised_like_the_text() {
        let ar = embedded(Language::Ar);
        // written على in the file, matched as the normalised text writes it
        assert!(ar.contains(WordClass::TargetMarker, "علي"));
        assert!(ar.contains(WordClass::Locative, "مدينه"));
        let en = embedded(Language::En);
        assert!(en.contains(WordClass::Locative, "near"));
    }

    #[test]
    fn prefixes_are_found_longest_first() {
        let ar = embedded(Language::Ar);
        assert_eq!(ar.prefix_of(WordClass::DefinitePrefix, "والقصف"), Some("وال"));
        assert_eq!(ar.prefix_of(WordClass::DefinitePrefix, "قصف"), None);
    }

    #[test]
    fn a_word_is_read_behind_its_glued_prefix() {
        let ar = embedded(Language::Ar);
        assert_eq!(ar.without_prefix(WordClass::ConjunctionPrefix, "ومنذ"), "منذ");
        assert_eq!(ar.without_prefix(WordClass::ConjunctionPrefix, "منذ"), "منذ");
        // (class, prefix, word, a word of the class with or without the prefix)
        let cases = [
            (WordClass::CumulativeMarker, WordClass::ConjunctionPrefix, "ومنذ", true),
            (WordClass::CumulativeMarker, WordClass::ConjunctionPrefix, "منذ", true),
            (WordClass::CumulativeMarker, WordClass::ConjunctionPrefix, "بعد", false),
            (WordClass::Determiner, WordClass::PrepositionProclitic, "بهذا", true),
        ];
        for (class, prefix, word, want) in cases {
            assert_eq!(ar.contains_past_prefix(class, prefix, word), want, "{} {word}", class.file());
        }
        let en = embedded(Language::En);
        assert!(en.contains_past_prefix(WordClass::CumulativeMarker, WordClass::ConjunctionPrefix, "since"));
    }

    #[test]
    fn suffixes_are_found_longest_first() {
        let ar = embedded(Language::Ar);
        // (class, word, expected suffix)
        let cases = [
            (WordClass::MasculinePluralSuffix, "الامريكيين", Some("يين")),
            (WordClass::MasculinePluralSuffix, "مسؤولون", Some("ون")),
            (WordClass::MasculinePluralSuffix, "مسؤول", None),
            // written ة in the file, read ه like the normalised text
            (WordClass::FeminineSuffix, "وزاره", Some("ه")),
            (WordClass::PronounSuffix, "حكومتهما", Some("هما")),
            (WordClass::TaPronounSuffix, "استقالته", Some("ته")),
        ];
        for (class, word, want) in cases {
            assert_eq!(ar.suffix_of(class, word), want, "{} {word}", class.file());
        }
    }

    #[test]
    fn classes_moved_from_code_keep_their_words() {
        let (ar, en) = (embedded(Language::Ar), embedded(Language::En));
        // (language's classes, class, word, member)
        let cases = [
            (&ar, WordClass::NounPhraseEnd, "علي", true),
            (&ar, WordClass::NounPhraseEnd, "الي", true),
            (&ar, WordClass::NounPhraseEnd, "مسؤول", false),
            (&ar, WordClass::ChainPreposition, "لدي", true),
            (&en, WordClass::ChainPreposition, "of", true),
            (&ar, WordClass::TopicMarker, "اما", true),
            (&ar, WordClass::PhraseStop, "\"", true),
            (&en, WordClass::PhraseStop, "،", true),
            (&ar, WordClass::SentenceEnd, "؟", true),
            (&en, WordClass::SubjectPronoun, "she", true),
            (&en, WordClass::SubjectBoundary, "said", true),
            (&ar, WordClass::SubjectPronoun, "she", false),
        ];
        for (lex, class, word, member) in cases {
            assert_eq!(lex.contains(class, word), member, "{} {word}", class.file());
        }
    }

    #[test]
    fn an_override_file_replaces_a_class_and_bad_lines_name_it() {
        let over = |name: &str| Ok((name == "en/words/locatives.tsv").then(|| (name.to_string(), "amid\n".to_string())));
        let en = WordClasses::load(Language::En, &over).unwrap();
        assert!(en.contains(WordClass::Locative, "amid"));
        assert!(!en.contains(WordClass::Locative, "near"));
        let bad = |name: &str| Ok((name == "en/words/directions.tsv").then(|| (name.to_string(), "north\tx\n".to_string())));
        let err = WordClasses::load(Language::En, &bad).unwrap_err();
        assert!(err.to_string().starts_with("en/words/directions.tsv:1:"), "{err}");
    }
}
