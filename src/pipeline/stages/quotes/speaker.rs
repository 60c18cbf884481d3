//! Speakers: the noun phrase that is a cue's subject, its gender and number, and the
//! resolution of an unwritten subject to an earlier mention or speaker that agrees.

use super::context::Ctx;
use super::{Resolution, SpeakerRef};
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::matcher::{Gender, Hit, Number};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::stages::mentions::MentionKind;
use crate::pipeline::text::segment::TokenKind;

/// A noun phrase: first and last token, and the mention at its head (index into the mentions).
pub(super) type NounPhrase = (usize, usize, Option<usize>);

/// How many sentences back a pronoun speaker looks for a person named before it.
const PERSON_SENTENCES: usize = 3;
/// How many tokens into the sentence before a cue its subject may start («وطالب مدير …»).
const SUBJECT_REACH: usize = 4;

/// How many tokens before its cue a subject written first may start.
const FRONTED_SUBJECT_TOKENS: usize = 9;

/// The longest noun phrase, in tokens.
const NOUN_PHRASE_TOKENS: usize = 9;

impl Ctx<'_> {
    /// A noun phrase starting at `i` and ending before `limit`: a mention extended by
    /// nationality adjectives, genitives and في/ب/باسم + mention chains.
    pub fn noun_phrase(&self, i: usize, limit: usize) -> Option<NounPhrase> {
        let doc = self.doc();
        if i >= limit || self.is_stop(i) {
            return None;
        }
        let (mut end, head) = match self.mention_at(i) {
            Some((mi, m)) => (m.tokens.last().min(limit - 1), Some(mi)),
            None => {
                if doc.tokens()[i].kind != TokenKind::Word || self.comp_at(i).is_some() || self.cue_at(i).is_some() {
                    return None;
                }
                (i, None)
            }
        };
        let max = (i + NOUN_PHRASE_TOKENS).min(limit);
        while end + 1 < max {
            match self.extend_noun_phrase(i, end, head, max) {
                Some(e) => end = e,
                None => break,
            }
        }
        while end > i && self.is(WordClass::DanglingPreposition, end) {
            end -= 1;
        }
        Some((i, end, head))
    }

    /// The new last token of the noun phrase `[i, end]` (headed by mention `head`) when the
    /// token after it continues the phrase, before `max`.
    fn extend_noun_phrase(&self, i: usize, end: usize, head: Option<usize>, max: usize) -> Option<usize> {
        let doc = self.doc();
        let n = end + 1;
        if doc.tokens()[n].kind == TokenKind::Quote {
            // a quoted name: وكالة “رويترز”
            return self.mark_opening_at(n).filter(|m| m.close - m.open <= 5 && m.close < max).map(|m| m.close);
        }
        // "Mr. Burman", "Harry M. Reid": over the dot of an abbreviation, and the name after it
        let over_dot = self.inner_dot(n) && n + 1 < max && doc.tokens()[n + 1].kind == TokenKind::Word;
        if over_dot || doc.word(end) == "." && doc.tokens()[n].kind == TokenKind::Word {
            return Some(n);
        }
        if self.is_stop(n) || self.comp_at(n).is_some() || self.cue_at(n).is_some() || self.in_time(n) {
            return None;
        }
        let w = doc.word(n);
        let construct = self.grammar.construct_state();
        if let Some((_, m)) = self.mention_at(n) {
            // a nationality or a person's name after a title: الرئيس الأميركي باراك أوباما
            let is_nat = match m.kind {
                MentionKind::Nationality(_) | MentionKind::Person => true,
                MentionKind::Actor(a) => self.lex.actors.entries()[a].actor_type == "person",
                _ => false,
            };
            let chained = self.word_is(WordClass::ChainPreposition, doc.word(end));
            // «عبد الرحمن لوكالة الأنباء»: a mention behind a preposition is an addressee
            if self.has_preposition(n) && !chained && !self.starts_with(WordClass::DativePrefix, w) {
                return None;
            }
            // a noun without the article stands in construct with what follows:
            // مكتب رئيس الحكومة، وزير خارجية إيران (but not الأمريكيون إيران)
            let in_construct = construct && end - i < 5 && !self.starts_with(WordClass::Article, doc.word(end));
            let joins = is_nat || chained || head.is_none() || in_construct || self.starts_with(WordClass::DativePrefix, w);
            return joins.then(|| m.tokens.last().min(max - 1));
        }
        // «مصدر في المجلس الأعلى للأمن القومي», «المتحدث باسم الخارجية» (not «في بيان»)
        if self.word_is(WordClass::AffiliationPreposition, w)
            && self.mention_at(n + 1).is_some_and(|(_, m)| matches!(m.kind, MentionKind::Actor(_)))
        {
            return Some(n);
        }
        // genitive chain or adjective: مسؤول الأمن، الجانب الإيراني، مكتب رئيس الحكومة
        // (a word with the article takes no genitive after it, only an adjective with the
        // article: «الجماعة مقطع فيديو» is a subject and its object)
        let definite_then_bare =
            construct && self.starts_with(WordClass::Article, doc.word(end)) && !self.starts_with(WordClass::Article, w);
        let genitive = head.is_some()
            && end - i < 5
            && !definite_then_bare
            && !self.word_is(WordClass::NounPhraseEnd, w)
            && !self.starts_with(WordClass::ConjunctionPrefix, w);
        // an unknown head takes up to two more words
        let headless = head.is_none() && end - i < 3 && !self.word_is(WordClass::NounPhraseEnd, w);
        // "according to an ICE spokeswoman": a phrase led by a determiner runs over the words
        // after it, up to a function word
        let determined = !construct && end - i < 3 && self.is(WordClass::PhraseOpener, i) && !self.lex.function_words.contains(w);
        ((construct && (genitive || headless)) || determined).then_some(n)
    }

    /// The gender and number of a phrase headed by mention `head` or starting with `first`.
    fn agreement_of(&self, head: Option<usize>, first: usize) -> (Gender, Number) {
        if let Some(h) = head {
            let m = &self.mentions.all[h];
            return (m.gender, m.number);
        }
        let w = self.doc().word(first);
        let words = &self.lex.words;
        if words.suffix_of(WordClass::MasculinePluralSuffix, w).is_some() {
            return (Gender::Masculine, Number::Plural);
        }
        if words.suffix_of(WordClass::FeminineSuffix, w).is_some() {
            return (Gender::Feminine, Number::Singular);
        }
        (Gender::Masculine, Number::Singular)
    }

    /// The speaker named by noun phrase `np`.
    pub fn speaker(&self, np: NounPhrase, resolution: Resolution) -> SpeakerRef {
        let (gender, number) = self.agreement_of(np.2, np.0);
        SpeakerRef { tokens: TokenSpan::inclusive(np.0, np.1), resolution, mention: np.2, gender, number }
    }

    /// A speaker that is the subject of a cue: an unknown name takes the verb's gender.
    pub fn subject(&self, np: NounPhrase, cue: &Hit) -> SpeakerRef {
        let mut s = self.speaker(np, Resolution::Explicit);
        // the verb agrees with its subject in gender: trust it over the noun's guess
        if let Some(g) = cue.features.gender {
            s.gender = g;
        }
        s
    }

    /// True when the word at `i` carries a preposition proclitic (لرويترز، بالحملة).
    pub fn has_preposition(&self, i: usize) -> bool {
        let doc = self.doc();
        let t = &doc.tokens()[i];
        match self.mention_at(i) {
            Some((_, m)) => {
                let prefix = &doc.norm.norm[t.start..m.start.max(t.start)];
                self.lex.words.words(WordClass::PrepositionProclitic).iter().any(|p| prefix.contains(p.as_str()))
            }
            None => false,
        }
    }

    /// Resolves an implicit subject of a cue with `gender` and `number` at token `cue`.
    pub fn implicit(&self, cue: usize, gender: Option<Gender>, number: Option<Number>) -> Option<SpeakerRef> {
        let agrees = |g: Gender, n: Number| {
            gender.is_none_or(|x| x == g) && number.is_none_or(|x| x == n || (x == Number::Plural && n == Number::Dual))
        };
        let start = self.sentence_start(cue);
        // «أما X، …» topic, or a subject before the verb in the same sentence (SVO)
        let topic = self.is(WordClass::TopicMarker, start);
        let marked = topic || self.is(WordClass::SubjectMarker, start);
        let k = if marked { start + 1 } else { start };
        if cue > k
            && cue - k <= FRONTED_SUBJECT_TOKENS
            && self.reader.fronted_subject()
            && let Some(np) = self.noun_phrase(k, cue).filter(|np| (np.2.is_some() || marked) && np.1 + if marked { 9 } else { 3 } >= cue)
        {
            let s = self.speaker(np, Resolution::Explicit);
            if agrees(s.gender, s.number) || topic {
                return Some(s);
            }
        }
        // «…، ولكن اللجنة الدولية قالت إن»: a subject written first in a clause inside the sentence
        if let Some(s) = self.fronted_in_clause(cue, start, &agrees) {
            return Some(s);
        }
        // relative clause: «… الجمهوريين في الكونغرس، الذين اعتبروا»
        if cue >= 2
            && self.is(WordClass::RelativePronoun, cue - 1)
            && let Some(s) = self.antecedent(cue, start, &agrees)
        {
            return Some(s);
        }
        // the subject of the sentence before, when it comes after the latest speaker
        // («وطالب مدير المكتب مهدي التميمي بالتحقيق. وقال "نطالب …"»)
        // or of the cue's own sentence, written before it («وتؤيد المديرة X …، وترى أن»)
        let latest = self.latest_speaker(agrees);
        let sentence = self.doc().sentence_of(cue);
        let opening_subject = self
            .subject_opening_sentence(sentence, cue, &agrees)
            .or_else(|| sentence.checked_sub(1).and_then(|s| self.subject_opening_sentence(s, cue, &agrees)));
        if let Some(s) = opening_subject
            && latest.is_none_or(|l| l.tokens.start < s.tokens.start)
        {
            return Some(s);
        }
        // the most recent speaker that agrees, else the nearest person named before
        latest.map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s.clone() }).or_else(|| self.person_before(cue, &agrees))
    }

    /// The subject written right after a contrast conjunction inside the cue's sentence (from
    /// `start`) and ending just before the cue: «…، لكن الحكومة قالت إن …».
    fn fronted_in_clause(&self, cue: usize, start: usize, agrees: &dyn Fn(Gender, Number) -> bool) -> Option<SpeakerRef> {
        if !self.reader.fronted_subject() {
            return None;
        }
        let opener = (start.max(cue.saturating_sub(FRONTED_SUBJECT_TOKENS))..cue).rev().find(|&j| self.is(WordClass::ContrastOpener, j))?;
        let np = self.noun_phrase(opener + 1, cue).filter(|np| np.2.is_some() && np.1 + 3 >= cue)?;
        let s = self.speaker(np, Resolution::Explicit);
        agrees(s.gender, s.number).then_some(s)
    }

    /// The person or role that opens sentence `sentence`, within its first few tokens (the
    /// subject of a verb-initial clause, or one written first) and before token `cue`, when
    /// it agrees.
    fn subject_opening_sentence(&self, sentence: usize, cue: usize, agrees: &dyn Fn(Gender, Number) -> bool) -> Option<SpeakerRef> {
        let doc = self.doc();
        let tokens = doc.seg.sentences[sentence].tokens;
        // «وفي الشهر الماضي، أوقف رئيس الوزراء …»: the subject follows an opening adjunct
        let first_token = self.after_opening_adjunct(tokens.start, tokens.end);
        let reach = (first_token + SUBJECT_REACH).min(tokens.end).min(cue);
        let all = &self.mentions.all;
        let lo = all.partition_point(|m| m.tokens.start < first_token);
        let mi = (lo..all.len()).take_while(|&mi| all[mi].tokens.start < reach).find(|&mi| {
            let first = all[mi].tokens.start;
            // «وقال أمام لجنة …»: a phrase behind a preposition is no subject
            // («أمام» is no imam there)
            let behind_preposition = self.has_preposition(first)
                || self.is(WordClass::SubjectBlocker, first)
                || first > tokens.start && self.is(WordClass::SubjectBlocker, first - 1);
            // in the cue's own sentence an organisation is a speaker too («أصدر البيت الأبيض بيانا قال فيه»)
            let speaking = match all[mi].kind {
                MentionKind::Person | MentionKind::Role(_) => true,
                MentionKind::Actor(_) => sentence == doc.sentence_of(cue),
                _ => false,
            };
            speaking && !behind_preposition
        })?;
        let np = self.noun_phrase(all[mi].tokens.start, tokens.end.min(cue))?;
        let s = self.speaker(np, Resolution::Implicit);
        agrees(s.gender, s.number).then_some(s)
    }

    /// The nearest person mention before token `cue` that agrees, within the cue's sentence
    /// and the [`PERSON_SENTENCES`] before it.
    fn person_before(&self, cue: usize, agrees: &dyn Fn(Gender, Number) -> bool) -> Option<SpeakerRef> {
        let doc = self.doc();
        let first_sentence = doc.sentence_of(cue).saturating_sub(PERSON_SENTENCES);
        let from = doc.seg.sentences[first_sentence].tokens.start;
        let all = &self.mentions.all;
        let upto = all.partition_point(|m| m.tokens.start < cue);
        let lo = all.partition_point(|m| m.tokens.start < from);
        let mi = (lo..upto).rev().find(|&mi| {
            matches!(all[mi].kind, MentionKind::Person) && all[mi].tokens.last() < cue && agrees(all[mi].gender, all[mi].number)
        })?;
        let m = &all[mi];
        Some(SpeakerRef { tokens: m.tokens, resolution: Resolution::Implicit, mention: Some(mi), gender: m.gender, number: m.number })
    }

    /// The antecedent of a relative pronoun before `cue`: the last mention of the sentence
    /// (from `start`) that agrees, with a role before «في X» (الجمهوريين في الكونغرس).
    fn antecedent(&self, cue: usize, start: usize, agrees: &dyn Fn(Gender, Number) -> bool) -> Option<SpeakerRef> {
        let mut j = cue - 2;
        while j > start && self.is_stop(j) {
            j -= 1;
        }
        let all = &self.mentions.all;
        let upto = all.partition_point(|m| m.tokens.start <= j);
        let from = all.partition_point(|m| m.tokens.start < start);
        let mi = (from..upto.max(from)).rev().find(|&mi| all[mi].tokens.last() <= j && agrees(all[mi].gender, all[mi].number))?;
        let m = &all[mi];
        let implicit = |first: usize, mention: usize| SpeakerRef {
            tokens: TokenSpan::inclusive(first, m.tokens.last()),
            resolution: Resolution::Implicit,
            mention: Some(mention),
            gender: all[mention].gender,
            number: all[mention].number,
        };
        if m.tokens.start >= 2
            && self.is(WordClass::BodyPreposition, m.tokens.start - 1)
            && let Some(pi) = self.mention_ending_at(m.tokens.start - 2)
            && agrees(all[pi].gender, all[pi].number)
        {
            return Some(implicit(all[pi].tokens.start, pi));
        }
        // «لتقرير صحيفة واشنطن بوست الذي كشف»: the antecedent is the whole phrase it heads
        let mut s = implicit(m.tokens.start, mi);
        if let Some(np) = self.noun_phrase(m.tokens.start, j + 1).filter(|np| np.1 > m.tokens.last()) {
            s.tokens = TokenSpan::inclusive(np.0, np.1);
        }
        Some(s)
    }
}
