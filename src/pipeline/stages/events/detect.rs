//! Event mentions: each trigger hit of the event lexicon, with its modality, whether a word
//! beside it marks a different happening, and (through [`super::arguments`]) its arguments.

use super::arguments::attach_arguments;
use super::window::ByToken;
use super::{EventInputs, EventMention, Response, after_cumulative_marker, locative_before};
use crate::pipeline::lang::grammar;
use crate::pipeline::lexicon::event_types::Frame;
use crate::pipeline::lexicon::matcher::Hit;
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::lexicon::{Modality, TimeKind};
use crate::pipeline::stages::dates::Precision;
use std::collections::{HashMap, HashSet};

/// How strongly a modality overrides another: the strongest cue near a trigger wins.
fn rank(m: Modality) -> u8 {
    match m {
        Modality::Negated => 5,
        Modality::Hypothetical => 4,
        Modality::Uncertain => 3,
        Modality::Planned => 2,
        Modality::Reported => 1,
        Modality::Asserted => 0,
    }
}

/// The modality of trigger `h`: the strongest modality cue within its window in the same
/// sentence, a future prefix on a present verb (planned), or a quote around it (reported).
fn modality_of(inp: &EventInputs, cues: &ByToken, widest: usize, h: &Hit, verb: bool) -> Modality {
    let doc = inp.doc;
    let lex = inp.lex;
    let sentence = doc.sentence_of(h.tokens.start);
    let mut modality = Modality::Asserted;
    for mi in cues.within_in_order(h.tokens.start.saturating_sub(widest + 8), h.tokens.last() + widest) {
        let m = &doc.hits.modality[mi];
        let e = &lex.modality.entries()[m.entry];
        if doc.sentence_of(m.tokens.start) != sentence {
            continue;
        }
        let near = if e.before {
            m.tokens.last() < h.tokens.start && h.tokens.start - m.tokens.last() <= e.window
        } else {
            m.tokens.start > h.tokens.last() && m.tokens.start - h.tokens.last() <= e.window
        };
        // «خططت ونفذت استهداف المدنيين», "planned and carried out the attack": a verb of
        // occurrence between a plan and its act says the act happened
        let carried_out = e.before
            && matches!(e.modality, Modality::Planned | Modality::Hypothetical)
            && (m.tokens.end..h.tokens.start)
                .any(|k| lex.words.contains_past_prefix(WordClass::OccurrenceVerb, WordClass::ConjunctionPrefix, doc.word(k)));
        if near && !carried_out && rank(e.modality) > rank(modality) {
            modality = e.modality;
        }
    }
    if verb && h.features.present && has_future_prefix(inp, h) {
        modality = if rank(modality) > rank(Modality::Planned) { modality } else { Modality::Planned };
    }
    if modality == Modality::Asserted && inp.quoted.get(h.tokens.start).copied().unwrap_or(false) {
        modality = Modality::Reported;
    }
    modality
}

/// True when trigger `h` is a present verb form: by the verb paradigm (يقتلون), or listed
/// as one where the language has none (kills).
fn is_present(inp: &EventInputs, h: &Hit) -> bool {
    h.features.present || (h.tokens.len() == 1 && inp.lex.words.contains(WordClass::PresentVerbForm, inp.doc.word(h.tokens.start)))
}

/// True when trigger `h` carries a future prefix (سيجتمع).
fn has_future_prefix(inp: &EventInputs, h: &Hit) -> bool {
    let doc = inp.doc;
    let start = doc.tokens()[h.tokens.start].start;
    let prefix = &doc.norm.norm[start..start + h.prefix_len];
    inp.lex.words.words(WordClass::FuturePrefix).iter().any(|f| prefix.ends_with(f.as_str()))
}

/// True when a word beside trigger `h` marks a different happening (غارة مماثلة, another
/// attack): after the trigger where modifiers follow their noun, before it elsewhere.
fn marked_distinct(inp: &EventInputs, markers: &ByToken, h: &Hit) -> bool {
    let doc = inp.doc;
    let grammar = grammar(doc.language);
    let window = grammar.modifier_window();
    markers.within(h.tokens.start.saturating_sub(window + 8), h.tokens.last() + window).any(|di| {
        let d = &doc.hits.distinct[di];
        if grammar.modifiers_follow_noun() {
            d.tokens.start > h.tokens.last() && d.tokens.start <= h.tokens.last() + window
        } else {
            d.tokens.last() < h.tokens.start && d.tokens.last() + window >= h.tokens.start
        }
    })
}

/// True when a response marker stands a little before trigger `h` in its sentence: «ضربة
/// صاروخية … ردا على هجوم الأحواز», "in retaliation for the attack" — the happening
/// responded to, not the response.
fn responded_to(inp: &EventInputs, h: &Hit) -> bool {
    let doc = inp.doc;
    let start = doc.seg.sentences[doc.sentence_of(h.tokens.start)].tokens.start;
    (h.tokens.start.saturating_sub(RESPONSE_REACH).max(start)..h.tokens.start)
        .any(|k| inp.lex.words.contains(WordClass::ResponseMarker, doc.word(k)))
}

/// Marks as the response the attacks of a sentence that tells what they respond to.
fn mark_responses(out: &mut [EventMention]) {
    let answered: HashSet<usize> = out.iter().filter(|e| e.response == Response::RespondedTo).map(|e| e.sentence).collect();
    for e in out.iter_mut() {
        if e.response == Response::None && e.event_type.frame == Frame::Attack && answered.contains(&e.sentence) {
            e.response = Response::Responding;
        }
    }
}

/// How many words before a trigger a response marker may stand («ردا على "جريمة" هجوم»,
/// "in retaliation for the attack").
const RESPONSE_REACH: usize = 6;

/// How many words before a trigger a background cue may stand ("منذ تفجير", "since the
/// 2014 war", "محاكمة المتهمين في تفجيرات").
const BACKGROUND_REACH: usize = 6;

/// How many words after a trigger a cumulative marker may stand ("قتل 76 صحافيا منذ
/// الغزو", "killed since 2003").
const CUMULATIVE_REACH: usize = 4;

/// True when a background cue stands a few words before trigger `h` in its sentence, or is
/// glued to the word before it behind a conjunction or preposition (والمتهمين). (A tally
/// since some time, [`is_tally`], is the setting of the news too.)
fn in_background(inp: &EventInputs, h: &Hit) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let start = doc.seg.sentences[doc.sentence_of(h.tokens.start)].tokens.start;
    (h.tokens.start.saturating_sub(BACKGROUND_REACH).max(start)..h.tokens.start).any(|k| {
        let w = doc.word(k);
        let bare = [WordClass::ConjunctionPrefix, WordClass::PrepositionProclitic]
            .iter()
            .find_map(|&c| words.prefix_of(c, w).map(|p| &w[p.len()..]))
            .unwrap_or(w);
        words.contains(WordClass::BackgroundCue, w) || words.contains(WordClass::BackgroundCue, bare)
    })
}

/// True when a cumulative marker follows trigger `h` closely, opening no recent day: a
/// tally over a period since some time («قتلوا منذ بدء الانتفاضة», "killed since 2003").
fn is_tally(inp: &EventInputs, h: &Hit) -> bool {
    let doc = inp.doc;
    let sentence = &doc.seg.sentences[doc.sentence_of(h.tokens.start)];
    let mut after = h.tokens.end..(h.tokens.end + CUMULATIVE_REACH).min(sentence.tokens.end);
    after.any(|k| inp.lex.words.contains(WordClass::CumulativeMarker, doc.word(k)) && !names_a_recent_day(inp, k + 1))
}

/// True when a weekday or a day relative to publication begins at token `k` ("منذ صباح
/// اليوم", "since Monday"): a toll since then is the news, not its setting.
fn names_a_recent_day(inp: &EventInputs, k: usize) -> bool {
    let times = &inp.doc.hits.time; // in text order
    let first = times.partition_point(|h| h.tokens.start < k);
    times[first..]
        .iter()
        .take_while(|h| h.tokens.start == k)
        .any(|h| matches!(inp.lex.time.entries()[h.entry].kind, TimeKind::Weekday | TimeKind::RelativeDay))
}

/// The event mentions of the trigger hits, before arguments.
fn trigger_mentions(inp: &EventInputs) -> Vec<EventMention> {
    let doc = inp.doc;
    let lex = inp.lex;
    let cues = ByToken::new(doc.hits.modality.len(), |i| doc.hits.modality[i].tokens.start);
    let widest = lex.modality.entries().iter().map(|e| e.window).max().unwrap_or(0);
    let markers = ByToken::new(doc.hits.distinct.len(), |i| doc.hits.distinct[i].tokens.start);
    let mut out = Vec::new();
    for h in &doc.hits.events {
        if doc.out_of_time() {
            break;
        }
        let entry = &lex.events.entries()[h.entry];
        let Some(event_type) = entry.event_type.clone() else {
            continue; // a phrase that only blocks shorter triggers (العملية السياسية)
        };
        let tally = is_tally(inp, h);
        out.push(EventMention {
            event_type,
            subtype: entry.subtype.clone(),
            weight: entry.weight,
            verb: entry.verb,
            present: entry.verb && is_present(inp, h),
            tokens: h.tokens,
            span: (h.start, h.end),
            sentence: doc.sentence_of(h.tokens.start),
            modality: modality_of(inp, &cues, widest, h, entry.verb),
            location: None,
            inherited: false,
            continues: None,
            distinct: marked_distinct(inp, &markers, h),
            response: if responded_to(inp, h) { Response::RespondedTo } else { Response::None },
            background: tally || in_background(inp, h),
            tally,
            actors: Vec::new(),
            raw_actors: Vec::new(),
            time: None,
            killed: None,
            injured: None,
        });
    }
    out
}

/// "killed more than 400 protesters", «مقتل متظاهر»: the noun counted by a toll, or a
/// participant noun as its victim, names the victims; a trigger of a type the guidelines
/// do not score is no event of its own there.
fn drop_counted_victims(inp: &EventInputs, out: &mut Vec<EventMention>) {
    let n = inp.doc.tokens().len();
    let mut toll_end = vec![false; n];
    // where a toll trigger's victim starts: right after it («مقتل متظاهر») or after its
    // genitive preposition and an article ("the killing of a protester")
    let mut victim_start = vec![false; n + 3];
    for e in out.iter().filter(|e| e.event_type.frame == Frame::Toll) {
        toll_end[e.tokens.last()] = true;
        victim_start[e.tokens.end] = true;
        if e.tokens.end < n && inp.lex.words.contains(WordClass::GenitivePreposition, inp.doc.word(e.tokens.end)) {
            victim_start[e.tokens.end + 1] = true;
            victim_start[e.tokens.end + 2] = true;
        }
    }
    // tokens right after a count that follows a toll trigger within three tokens
    let mut counted = vec![false; n + 1];
    for c in inp.counts {
        let after_toll = (c.tokens.start.saturating_sub(3)..c.tokens.start).any(|t| toll_end[t]);
        if after_toll {
            counted[c.number.last() + 1] = true;
        }
    }
    // a participant noun as a toll's victim («مقتل متظاهر») names the victim, no protest
    out.retain(|e| e.event_type.core || !(counted[e.tokens.start] || (e.weight == 1 && victim_start[e.tokens.start])));
}

/// «تفجيرات مدريد عام 2004», «الذي اغتيل في فبراير 2005»: a happening dated only by a month
/// or a year that ended before the publication (or, with no publication date, by a month or
/// a year the text writes with its year, unless it opens a period running to the news: «منذ
/// يناير 2008») is the setting of the news, not news (GUIDELINES.md, "Background mentions"):
/// news is dated by its day.
fn mark_past_periods_as_background(inp: &EventInputs, out: &mut [EventMention]) {
    let published = inp.doc.published;
    for e in out.iter_mut() {
        let Some(t) = e.time.map(|t| &inp.times[t]) else { continue };
        if !matches!(t.precision, Precision::Month | Precision::Year) {
            continue;
        }
        let Some((_, end)) = t.range() else { continue };
        let past = match published {
            Some(p) => end < p,
            // a month or a year the text writes with its year («في يوليو 2005»); not one that
            // opens a period running to the news («منذ يناير 2008»)
            None => !after_cumulative_marker(inp, t),
        };
        e.background |= past;
    }
}

/// "the deportation raids … the raids", «حملة مداهمات … المداهمات»: a definite one-word
/// trigger that is the head of an earlier trigger of several words (or in a construct chain
/// its genitive), of another type, names that happening again, not one of its own type.
fn drop_heads_of_earlier_compounds(inp: &EventInputs, out: &mut Vec<EventMention>) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let head_first = grammar(doc.language).construct_state();
    let bare = |k: usize| words.without_prefix(WordClass::DefinitePrefix, doc.word(k));
    // head word of each compound seen so far, with its type
    let mut heads: HashMap<&str, u16> = HashMap::new();
    out.retain(|m| {
        if m.tokens.len() > 1 {
            // the head (first in a construct chain, last in English), and the last word: in a
            // construct chain its genitive («حملة مداهمات»)
            if head_first {
                heads.insert(bare(m.tokens.start), m.event_type.id);
            }
            heads.insert(bare(m.tokens.last()), m.event_type.id);
            return true;
        }
        let earlier_other = heads.get(bare(m.tokens.start)).is_some_and(|&t| t != m.event_type.id);
        !(earlier_other && super::is_definite(doc, words, m))
    });
}

/// "clashes between protesters and police", «قتل محتج في اشتباكات مع قوات الأمن»: a clash in
/// a sentence that names a protest or its crowd is the protest's violence, not an armed
/// attack (GUIDELINES.md, `strike`), and so is what the crowd throws («المحتجين ألقوا قنابل
/// بنزين», "protesters threw petrol bombs": an attack right after the crowd and a verb of
/// throwing, `throw_verbs.tsv`); the toll it caused stays an event.
fn drop_protest_violence(inp: &EventInputs, out: &mut Vec<EventMention>) {
    let protest_sentences: HashSet<usize> = out.iter().filter(|e| e.event_type.is(PROTEST)).map(|e| e.sentence).collect();
    // per token: a protest's crowd ends right before it (one mask: the check is linear)
    let mut crowd_ends_before = vec![false; inp.doc.tokens().len() + 1];
    for e in out.iter().filter(|e| e.event_type.is(PROTEST)) {
        crowd_ends_before[e.tokens.end] = true;
    }
    let crowd_acts = |e: &EventMention| {
        e.event_type.frame == Frame::Attack
            && (e.tokens.start.saturating_sub(CROWD_ACT_REACH)..e.tokens.start).any(|end| {
                crowd_ends_before[end] && (end..e.tokens.start).any(|k| inp.lex.words.contains(WordClass::ThrowVerb, inp.doc.word(k)))
            })
    };
    out.retain(|e| !((e.subtype.as_deref() == Some(CLASH_SUBTYPE) && protest_sentences.contains(&e.sentence)) || crowd_acts(e)));
}

/// How many words after a protest's crowd what it throws may stand, past a verb of throwing
/// («المحتجين ألقوا قنابل»).
const CROWD_ACT_REACH: usize = 2;

/// «توفي … إثر تحطم طائرة هليكوبتر», «زلزال ضرب جنوب تركيا», «حادث تحطم مروحية», "died when
/// his helicopter crashed": an attack trigger right after an accident or disaster word, or
/// just before one, is the accident's own word (the quake "struck", the helicopter that
/// crashed, the incident that was a crash), and a toll with such a word
/// near it and no other attack in its sentence is no casualties event (GUIDELINES.md).
fn drop_accident_tolls(inp: &EventInputs, out: &mut Vec<EventMention>) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let accident = |k: usize| words.contains(WordClass::AccidentWord, doc.word(k));
    let the_accidents_word = |e: &EventMention| {
        let sentence = super::sentence_tokens(doc, e.sentence);
        (e.tokens.start.saturating_sub(ACCIDENT_VERB_REACH).max(sentence.start)..e.tokens.start).any(accident)
            || (e.tokens.end < sentence.end && accident(e.tokens.end))
    };
    out.retain(|e| !(e.event_type.frame == Frame::Attack && the_accidents_word(e)));
    let attacked: HashSet<usize> = out.iter().filter(|e| e.event_type.frame == Frame::Attack).map(|e| e.sentence).collect();
    out.retain(|e| {
        if e.event_type.frame != Frame::Toll || attacked.contains(&e.sentence) {
            return true;
        }
        let sentence = super::sentence_tokens(doc, e.sentence);
        let near = e.tokens.start.saturating_sub(ACCIDENT_REACH).max(sentence.start)..(e.tokens.end + ACCIDENT_REACH).min(sentence.end);
        !near.into_iter().any(accident)
    });
}

/// How far from a toll an accident word may stand.
const ACCIDENT_REACH: usize = 12;
/// How far after an accident word an attack trigger is the accident's own word.
const ACCIDENT_VERB_REACH: usize = 2;

/// The event type whose crowd turns a clash beside it into protest violence.
const PROTEST: &str = "protest";
/// The strike subtype of clashes.
const CLASH_SUBTYPE: &str = "ground_assault";

/// Drops the attacks and killings that describe a person's part in acts of their kind, with
/// no time or toll of their own: right after the role noun, or joined by a conjunction to
/// one such act («المسؤولان عن إطلاق الصواريخ الباليستية واستهداف المدنيين»).
fn drop_acts_describing_a_role(inp: &EventInputs, out: &mut Vec<EventMention>) {
    let words = &inp.lex.words;
    let mut last_described: Option<(usize, usize)> = None;
    let describes: Vec<bool> = out
        .iter()
        .map(|m| {
            let unanchored =
                matches!(m.event_type.frame, Frame::Attack | Frame::Toll) && m.time.is_none() && m.killed.is_none() && m.injured.is_none();
            let conjunct = last_described.is_some_and(|(sentence, end)| {
                sentence == m.sentence
                    && m.tokens.start >= end
                    && m.tokens.start <= end + CONJUNCT_REACH
                    && words.prefix_of(WordClass::ConjunctionPrefix, inp.doc.word(m.tokens.start)).is_some()
            });
            let described = unanchored && (conjunct || after_a_role_in_acts(inp, m));
            if described {
                last_described = Some((m.sentence, m.tokens.end));
            }
            described
        })
        .collect();
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !describes[i - 1]
    });
}

/// Most words between an act that describes a role and the act joined to it.
const CONJUNCT_REACH: usize = 3;

/// True when a noun of a person's part in acts stands right before trigger `m`, or before
/// the preposition (and article) before it («المسؤولان عن إطلاق الصواريخ», "responsible for
/// the launches").
fn after_a_role_in_acts(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let first = m.tokens.start;
    let sentence_start = doc.seg.sentences[m.sentence].tokens.start;
    let role = |k: usize| first >= sentence_start + k && words.contains(WordClass::RoleInAct, doc.word(first - k));
    let short = |k: usize| doc.word(first - k).chars().count() <= SHORT_WORD;
    role(1) || (role(2) && short(1)) || (role(3) && short(1) && short(2))
}

/// Most letters of the preposition and the article between a role and the act it names
/// (عن، for the).
const SHORT_WORD: usize = 4;

/// True when a count of people stands a few words after verb `m`, past its subject: the
/// people it acts on («خطفت جبهة النصرة ثمانية عناصر», "kidnapped 15 people").
fn counts_its_object(inp: &EventInputs, m: &EventMention) -> bool {
    let end = (m.tokens.end + OBJECT_COUNT_REACH).min(inp.doc.seg.sentences[m.sentence].tokens.end);
    inp.counts_at.within(m.tokens.end, end).any(|c| inp.counts[c].value.is_some() && inp.counts[c].number.start < end)
}

/// How many words after a verb the count of the people it acts on may start.
const OBJECT_COUNT_REACH: usize = 4;

/// True when visit `m` is to a building or a site: the first word after a visit noun, past
/// a preposition and a determiner («زيارته للقنصلية», "his visit to the hospital"), or one
/// of the few words after a visit verb, past its subject («زار الوزير المستشفى»).
fn visits_a_site(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let end = (m.tokens.end + SITE_REACH).min(doc.seg.sentences[m.sentence].tokens.end);
    let site = |k: usize| words.contains(WordClass::VisitedSite, doc.word(k));
    if m.verb {
        return (m.tokens.end..end).any(site);
    }
    let destination = (m.tokens.end..end).find(|&k| {
        let w = doc.word(k);
        !(words.contains(WordClass::TollPreposition, w) || words.contains(WordClass::Determiner, w))
    });
    destination.is_some_and(site)
}

/// How many words after a visit its destination may stand.
const SITE_REACH: usize = 3;

/// Marks as hypothetical an attack noun a few words after taking part in or starting one,
/// with no time of its own: what someone means to do («انتقلوا للمشاركة في عملية عسكرية ضد
/// داعش», "to take part in a military operation").
fn mark_intended_attacks(inp: &EventInputs, out: &mut [EventMention]) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    for m in out.iter_mut() {
        if m.event_type.frame != Frame::Attack || m.verb || super::is_non_event(m.modality) || super::cluster::has_own_time(inp, m) {
            continue;
        }
        let start = doc.seg.sentences[m.sentence].tokens.start.max(m.tokens.start.saturating_sub(INTENT_REACH));
        if (start..m.tokens.start).any(|k| words.contains(WordClass::AttackIntent, doc.word(k))) {
            m.modality = Modality::Hypothetical;
        }
    }
}

/// How many words before an attack noun taking part in or starting it may stand.
const INTENT_REACH: usize = 3;

/// Most words between a past verb and its own future in a vow ("killed and will kill").
const VOW_GAP: usize = 2;

/// True when an adverb of habit stands in `m`'s clause a few words before or after its
/// trigger («تستهدف الجماعة الإرهابية المدارس باستمرار»; "routinely targets").
fn habitual(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let sentence = &doc.seg.sentences[m.sentence].tokens;
    let words = &inp.lex.words;
    let start = m.tokens.start.saturating_sub(HABIT_BEFORE).max(sentence.start);
    let end = (m.tokens.end + HABIT_AFTER).min(sentence.end);
    (start..end).any(|k| words.contains(WordClass::HabitualAdverb, doc.word(k)))
}

/// How many words before and after a present verb its adverb of habit may stand.
const HABIT_BEFORE: usize = 2;
const HABIT_AFTER: usize = 5;

/// True when a count stands right before trigger `m`, or before a partitive before it: a
/// crowd of the participants it names ("آلاف المتظاهرين", "thousands of protesters").
fn counted(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let partitive = m.tokens.start > 0 && inp.lex.words.contains(WordClass::Partitive, doc.word(m.tokens.start - 1));
    let gap = if partitive { 2 } else { 1 };
    inp.counts_at
        .within(m.tokens.start.saturating_sub(gap + 8), m.tokens.start)
        .any(|c| inp.counts[c].number.last() + gap == m.tokens.start || inp.counts[c].tokens.end == m.tokens.start)
}

/// Finds the event mentions of the document with their arguments.
pub(super) fn find_event_mentions(inp: &EventInputs) -> Vec<EventMention> {
    let mut out = trigger_mentions(inp);
    drop_counted_victims(inp, &mut out);
    drop_heads_of_earlier_compounds(inp, &mut out);
    mark_responses(&mut out);
    attach_arguments(inp, &mut out);
    mark_past_periods_as_background(inp, &mut out);
    mark_intended_attacks(inp, &mut out);
    // (after the arguments: the clash still holds the place beside it)
    drop_protest_violence(inp, &mut out);
    // «قتلت وستقتل الإرهابيين», "has struck and will strike": a past verb joined to its own
    // future tells a vow, not a happening
    let vowed: Vec<bool> = (0..out.len())
        .map(|i| {
            let (m, next) = (&out[i], out.get(i + 1));
            m.verb
                && !m.present
                && m.killed.is_none()
                && m.injured.is_none()
                && next.is_some_and(|n| {
                    n.verb
                        && n.modality == Modality::Planned
                        && n.event_type.id == m.event_type.id
                        && n.tokens.start >= m.tokens.end
                        && n.tokens.start <= m.tokens.end + VOW_GAP
                })
        })
        .collect();
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !vowed[i - 1]
    });
    // weak triggers need some argument to count: a place of their own after a locative
    // preposition, a count, or (meetings) two parties
    out.retain(|m| {
        m.weight > 1
            || (m.location.is_some_and(|l| locative_before(inp.doc, &inp.lex.words, &inp.mentions.all[l])) && !m.inherited)
            || m.killed.is_some()
            || m.injured.is_some()
            || (m.event_type.frame == Frame::Meeting && m.actors.len() >= 2)
            || (m.event_type.frame == Frame::Actors && counted(inp, m))
            || (super::is_missing(m) && m.verb && counts_its_object(inp, m))
    });
    // «اختفى بعد زيارته للقنصلية», "a visit to the hospital": a visit to a building or a
    // site is no meeting between parties
    out.retain(|m| !(m.subtype.as_deref() == Some(super::arguments::VISIT) && visits_a_site(inp, m)));
    // (after the weak triggers are gone: «عملية تدريب» is no attack in the accident's sentence)
    drop_accident_tolls(inp, &mut out);
    // a killing or wounding in the present or the future with no toll is a habit, a general
    // statement or a vow ("الذين يقتلون العراقيين", «قتلت وستقتل الإرهابيين»); a present
    // headline with its toll is news ("غارة تقتل 14")
    out.retain(|m| !(m.present && m.event_type.frame == Frame::Toll && m.killed.is_none() && m.injured.is_none()));
    // «القياديان المسؤولان عن إطلاق الصواريخ», "experts in bombings": an attack or a
    // killing after a person's part in acts of its kind, with no time or toll, describes the
    // person
    drop_acts_describing_a_role(inp, &mut out);
    // «وتستهدف الجماعة المدارس باستمرار», "the group routinely targets schools": a present
    // verb beside an adverb of habit, with no time or toll of its own, tells a habit
    out.retain(|m| !(m.present && m.time.is_none() && m.killed.is_none() && m.injured.is_none() && habitual(inp, m)));
    // «لإيجاد ثغرة تهاجم بلادنا من خلالها»: a present attack verb with no time, place, toll or
    // party of its own tells no happening (but a headline's present is news: «الجيش يقصف
    // مواقع المسلحين»)
    out.retain(|m| {
        !(m.present
            && !super::in_headline(inp.doc, m.sentence)
            && m.event_type.frame == Frame::Attack
            && m.time.is_none()
            && (m.location.is_none() || m.inherited)
            && m.actors.is_empty()
            && m.killed.is_none()
            && m.injured.is_none())
    });
    // «الإجرام والقتل المتعمد», "the killing must stop": a definite toll noun with no count
    // names a kind of act
    out.retain(|m| {
        !(m.event_type.frame == Frame::Toll
            && !m.verb
            && m.killed.is_none()
            && m.injured.is_none()
            && super::is_definite(inp.doc, &inp.lex.words, m))
    });
    // «قوانين مكافحة الفساد التي تستهدف الروس», "sanctions targeting officials": an attack
    // verb whose subject is a law, a measure or a plan is a figure of speech
    out.retain(|m| !(m.event_type.frame == Frame::Attack && m.verb && abstract_subject(inp, m)));
    // "killed in police-involved shootings", «الغارات تقتل المدنيين»: a bare plural attack
    // noun with no place, actor, time or article of its own names a kind of attack
    out.retain(|m| {
        !(m.event_type.frame == Frame::Attack
            && !m.verb
            && (m.location.is_none() || m.inherited)
            && m.actors.is_empty()
            && m.time.is_none()
            && !super::is_definite(inp.doc, &inp.lex.words, m)
            && bare_plural(inp, m))
    });
    // "minorities who have been killed in confrontations with police": a toll told of the
    // people a relative clause describes, with no count, time or place, is no happening
    out.retain(|m| {
        !(m.event_type.frame == Frame::Toll
            && m.killed.is_none()
            && m.injured.is_none()
            && m.time.is_none()
            && (m.location.is_none() || m.inherited)
            && after_relative_pronoun(inp, m))
    });
    // «من قتل وذبح وخطف», «أعمال قتل», «بقتل النساء»: a killing after a preposition or an
    // act noun, with no count, time or named victim, names a kind of act
    out.retain(|m| {
        !(m.event_type.frame == Frame::Toll && m.killed.is_none() && m.injured.is_none() && m.time.is_none() && names_an_act(inp, m))
    });
    // «عن طريق عمليات اغتيال جديدة», «لشن هجوم ضد أحد»: so does an attack noun with no place,
    // actor or time of its own, unless it is the happening something took place in («قتل
    // في هجوم», «في كمائن نصبت لرجال الأمن»)
    out.retain(|m| {
        !(m.event_type.frame == Frame::Attack
            && m.location.is_none()
            && m.actors.is_empty()
            && m.time.is_none()
            && !m.verb
            && !(m.tokens.start > 0 && inp.lex.words.contains(WordClass::Locative, inp.doc.word(m.tokens.start - 1)))
            && names_an_act(inp, m))
    });
    out
}

/// True when the word before attack verb `m` (past a relative pronoun, and in a construct
/// chain the chain's head a few words back) is a law, a measure or a plan.
fn abstract_subject(inp: &EventInputs, m: &EventMention) -> bool {
    let words = &inp.lex.words;
    let start = super::sentence_tokens(inp.doc, m.sentence).start;
    word_before_past(inp, m, WordClass::RelativePronoun).is_some_and(|k| {
        (k.saturating_sub(ABSTRACT_SUBJECT_REACH - 1).max(start)..=k).any(|i| words.contains(WordClass::AbstractSubject, inp.doc.word(i)))
    })
}

/// The word before trigger `m` in its sentence once the words of class `skip` right before
/// it are passed over.
fn word_before_past(inp: &EventInputs, m: &EventMention, skip: WordClass) -> Option<usize> {
    let doc = inp.doc;
    let start = super::sentence_tokens(doc, m.sentence).start;
    let mut k = m.tokens.start;
    while k > start && inp.lex.words.contains(skip, doc.word(k - 1)) {
        k -= 1;
    }
    (k > start).then(|| k - 1)
}

/// How many words before an attack verb (past a relative pronoun) its abstract subject may
/// stand («قوانين مكافحة الفساد التي تستهدف»).
const ABSTRACT_SUBJECT_REACH: usize = 3;

/// True when the head of noun trigger `m` has a plural ending (غارات، shootings).
fn bare_plural(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let head = if grammar(doc.language).construct_state() { m.tokens.start } else { m.tokens.last() };
    let w = doc.word(head);
    inp.lex.words.suffix_of(WordClass::PluralEnding, w).is_some_and(|s| w.len() > s.len() + 2)
}

/// True when a relative pronoun stands right before trigger `m`, past auxiliaries ("who
/// have been killed", «الذين قتلوا»).
fn after_relative_pronoun(inp: &EventInputs, m: &EventMention) -> bool {
    word_before_past(inp, m, WordClass::ClauseAuxiliary)
        .is_some_and(|k| inp.lex.words.contains(WordClass::RelativePronoun, inp.doc.word(k)))
}

/// True when trigger `m` (a toll or an attack) is read as the name of an act: after an act
/// opener (`act_openers`: من, an act noun, "acts of"), or a noun with a preposition glued to
/// it («بقتل»), and naming no person as its victim.
fn names_an_act(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let first = m.tokens.start;
    // (or past a genitive preposition: "acts of killing")
    let before = |k: usize| first >= k && words.contains(WordClass::ActOpener, doc.word(first - k));
    let opened = before(1) || (first >= 2 && words.contains(WordClass::GenitivePreposition, doc.word(first - 1)) && before(2));
    let word = doc.word(first);
    let clitics = word.get(..m.span.0.saturating_sub(doc.tokens()[first].start)).unwrap_or("");
    let glued = !m.verb && words.words(WordClass::PrepositionProclitic).iter().any(|p| clitics.contains(p.as_str()));
    (opened || glued) && super::cluster::victim_of(inp, m).flatten().is_none()
}
