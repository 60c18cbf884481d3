//! Events: triggers from the event lexicon become event mentions with modality and
//! arguments (location, actors, time, counts, weapon); mentions of the same happening merge
//! into one event, and casualties link to the strike that caused them.

use super::dates::TimeMention;
use super::document::Document;
use super::event_types::{EventType, Frame};
use super::gazetteer::Gazetteer;
use super::lang::grammar;
use super::lexicon::{LanguageLexicons, Lexicons, Modality};
use super::mentions::{Mention, MentionKind, Mentions};
use super::numbers::CountMention;
use super::words::{WordClass, WordClasses};
use std::ops::Range;

/// An event mention before merging.
#[derive(Debug, Clone)]
pub struct EventMention {
    /// The type (`config/event_types.tsv`).
    pub event_type: EventType,
    /// Finer kind from the trigger entry.
    pub subtype: Option<String>,
    /// Trigger specificity 1–3.
    pub weight: u8,
    /// First token of the trigger.
    pub first: usize,
    /// Last token of the trigger.
    pub last: usize,
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
    /// True when the location was taken from a neighbouring mention, not read beside
    /// this trigger (such locations do not decide coreference).
    pub inherited: bool,
    /// Actors: (role, index into `Mentions::all`).
    pub actors: Vec<(&'static str, usize)>,
    /// Actors known only by their words: (role, first token, last token).
    pub raw_actors: Vec<(&'static str, usize, usize)>,
    /// Index into the time mentions.
    pub time: Option<usize>,
    /// Killed count (index into counts).
    pub killed: Option<usize>,
    /// Injured count (index into counts).
    pub injured: Option<usize>,
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
    let quoted: Vec<Range<usize>> = doc.quotes.iter().map(|q| q.content.0..q.content.1 + 1).collect();
    let found = find_event_mentions(&EventInputs::of(doc, lexicons, &quoted));
    doc.event_mentions = found;
}

/// Fills [`Document::clusters`]: event mentions merged into happenings, casualties linked
/// to their cause.
pub fn merge(doc: &mut Document, lexicons: &Lexicons) {
    let mut mentions = std::mem::take(&mut doc.event_mentions);
    let clusters = cluster(&EventInputs::of(doc, lexicons, &[]), &mut mentions);
    doc.event_mentions = mentions;
    doc.clusters = clusters;
}

impl<'a> EventInputs<'a> {
    fn of(doc: &'a Document<'a>, lexicons: &'a Lexicons, quoted: &'a [Range<usize>]) -> EventInputs<'a> {
        EventInputs {
            doc,
            lex: lexicons.get(doc.language),
            gazetteer: &lexicons.gazetteer,
            mentions: &doc.mentions,
            counts: &doc.counts,
            times: &doc.times,
            quoted,
        }
    }
}

/// The layers the event stages read.
struct EventInputs<'a> {
    /// The document.
    pub doc: &'a Document<'a>,
    /// Its language's lexicons.
    pub lex: &'a LanguageLexicons,
    /// The places.
    pub gazetteer: &'a Gazetteer,
    /// Entity mentions.
    pub mentions: &'a Mentions,
    /// Count phrases.
    pub counts: &'a [CountMention],
    /// Time expressions.
    pub times: &'a [TimeMention],
    /// Token ranges of quote contents (events inside are reported).
    pub quoted: &'a [Range<usize>],
}

fn sentence_tokens(doc: &Document, s: usize) -> Range<usize> {
    doc.seg.sentences[s].tokens.clone()
}

/// Finds event mentions.
fn find_event_mentions(inp: &EventInputs) -> Vec<EventMention> {
    let doc = inp.doc;
    let lex = inp.lex;
    let mut out: Vec<EventMention> = Vec::new();
    let grammar = grammar(doc.language);
    let modality_hits = &doc.hits.modality;
    let distinct_hits = &doc.hits.distinct;
    for h in &doc.hits.events {
        let entry = &lex.events.entries()[h.entry];
        let Some(event_type) = entry.event_type.clone() else {
            continue; // a phrase that only blocks shorter triggers (العملية السياسية)
        };
        let sentence = doc.sentence_of(h.first);
        // modality: strongest cue within its window in the same sentence
        let mut modality = Modality::Asserted;
        let rank = |m: Modality| match m {
            Modality::Negated => 5,
            Modality::Hypothetical => 4,
            Modality::Uncertain => 3,
            Modality::Planned => 2,
            Modality::Reported => 1,
            Modality::Asserted => 0,
        };
        for m in modality_hits.iter() {
            let e = &lex.modality.entries()[m.entry];
            if doc.sentence_of(m.first) != sentence {
                continue;
            }
            let near =
                if e.before { m.last < h.first && h.first - m.last <= e.window } else { m.first > h.last && m.first - h.last <= e.window };
            if near && rank(e.modality) > rank(modality) {
                modality = e.modality;
            }
        }
        let prefix = &doc.norm.norm[doc.tokens()[h.first].start..doc.tokens()[h.first].start + h.prefix_len];
        if entry.verb && h.features.present && lex.words.words(WordClass::FuturePrefix).iter().any(|f| prefix.ends_with(f.as_str())) {
            modality = if rank(modality) > rank(Modality::Planned) { modality } else { Modality::Planned };
        }
        if modality == Modality::Asserted && inp.quoted.iter().any(|q| q.contains(&h.first)) {
            modality = Modality::Reported;
        }
        out.push(EventMention {
            event_type,
            subtype: entry.subtype.clone(),
            weight: entry.weight,
            first: h.first,
            last: h.last,
            span: (h.start, h.end),
            sentence,
            modality,
            location: None,
            inherited: false,
            distinct: distinct_hits.iter().any(|d| {
                if grammar.modifiers_follow_noun() {
                    d.first > h.last && d.first <= h.last + grammar.modifier_window()
                } else {
                    d.last < h.first && d.last + grammar.modifier_window() >= h.first
                }
            }),
            actors: Vec::new(),
            raw_actors: Vec::new(),
            time: None,
            killed: None,
            injured: None,
        });
    }
    // "killed more than 400 protesters": the noun counted by a toll names the victims, it is
    // no event of its own
    let casualty_triggers: Vec<usize> = out.iter().filter(|e| e.event_type.frame == Frame::Toll).map(|e| e.last).collect();
    out.retain(|e| {
        e.event_type.core
            || !inp
                .counts
                .iter()
                .any(|c| c.number_last + 1 == e.first && casualty_triggers.iter().any(|&t| t < c.first && c.first - t <= 3))
    });
    attach_locations(inp, &mut out);
    share_locations(&mut out);
    inherit_locations(inp.doc, &mut out);
    attach_actors(inp, &mut out);
    attach_times(inp, &mut out);
    attach_counts(inp, &mut out);
    // weak triggers need some argument to count: a place of their own after a locative
    // preposition, a count, or (meetings) two parties
    out.retain(|m| {
        m.weight > 1
            || (m.location.is_some_and(|l| locative_before(inp.doc, &inp.lex.words, &inp.mentions.all[l])) && !m.inherited)
            || m.killed.is_some()
            || m.injured.is_some()
            || (m.event_type.frame == Frame::Meeting && m.actors.len() >= 2)
    });
    out
}

fn is_place(m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Place(_))
}

fn place_rank(gazetteer: &Gazetteer, m: &Mention) -> u8 {
    match m.kind {
        MentionKind::Place(p) => match gazetteer.places[p].kind.as_str() {
            "city" => 3,
            "region" => 2,
            _ => 1,
        },
        _ => 0,
    }
}

/// True when the place is preceded by a locative preposition or place noun (في، ب، قرب،
/// مدينة; in, at, near), up to three words before it or glued to it (بالبوكمال).
fn locative_before(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    let w = doc.word(m.first);
    let core = &doc.norm.norm[m.start..m.end];
    if w.len() > core.len() && words.prefix_of(WordClass::LocativePrefix, w).is_some() {
        return true;
    }
    (1..=3).any(|k| m.first >= k && words.contains(WordClass::Locative, doc.word(m.first - k)))
}

/// True when the place is a reference point ("جنوب كابول", "north of Kabul"), not the scene.
fn after_direction(doc: &Document, words: &WordClasses, m: &Mention) -> bool {
    let cancels = grammar(doc.language).locative_cancels_direction();
    (1..=3).any(|k| {
        m.first >= k && {
            let w = doc.word(m.first - k);
            let w = words.prefix_of(WordClass::ConjunctionPrefix, w).map_or(w, |p| &w[p.len()..]);
            words.contains(WordClass::Direction, w)
                && !(cancels && m.first > k && words.contains(WordClass::Locative, doc.word(m.first - k - 1)))
        }
    })
}

/// How well a place fits as an event's scene: lower is better.
fn place_cost(inp: &EventInputs, m: &Mention, distance: usize) -> usize {
    let doc = inp.doc;
    let mut cost = distance;
    if !locative_before(doc, &inp.lex.words, m) {
        cost += 8;
    }
    if after_direction(doc, &inp.lex.words, m) {
        cost += 6;
    }
    if place_rank(inp.gazetteer, m) == 1 {
        cost += 3; // a whole country is the vaguest answer
    }
    cost
}

fn attach_locations(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let mut best_cost: Vec<usize> = vec![usize::MAX; events.len()];
    for (mi, m) in inp.mentions.all.iter().enumerate() {
        if !is_place(m) {
            continue;
        }
        // a word that is both a trigger and a place (تدمر "destroys" / Palmyra) is the place
        // only after a locative preposition
        if events.iter().any(|e| e.first <= m.last && m.first <= e.last) && !locative_before(doc, &inp.lex.words, m) {
            continue;
        }
        let s = doc.sentence_of(m.first);
        // nearest trigger in the sentence, places after the trigger preferred
        let mut best: Option<(usize, usize)> = None;
        let strike_in_sentence = events.iter().any(|e| e.sentence == s && e.event_type.causes_casualties);
        for (ei, e) in events.iter().enumerate() {
            if e.sentence != s || (e.event_type.frame == Frame::Toll && strike_in_sentence) {
                continue;
            }
            // Arabic puts the place after the event ("قصف … في البوكمال"); English as often
            // before it ("In Nice, a truck … killing 80")
            let before_factor = grammar(doc.language).place_before_trigger_factor();
            let d = if m.first > e.last { m.first - e.last } else { (e.first - m.last.min(e.first)) * before_factor + 2 };
            if d > 16 + 4 * (2 - before_factor) {
                continue;
            }
            if e.event_type.frame == Frame::Meeting && !locative_before(doc, &inp.lex.words, m) {
                continue;
            }
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((ei, d));
            }
        }
        if let Some((ei, d)) = best {
            let cost = place_cost(inp, m, d);
            if cost < best_cost[ei] {
                best_cost[ei] = cost;
                events[ei].location = Some(mi);
            }
        }
    }
}

/// True for media actors: sources of the report, never parties to the event.
fn is_media(inp: &EventInputs, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Actor(a) if inp.lex.actors.entries()[a].actor_type == "media")
}

fn is_country_place(inp: &EventInputs, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Place(p) if inp.gazetteer.places[p].kind == "country")
}

/// A strike or casualties mention without a place takes the place of a neighbouring
/// strike in its clause ("بغارات طيران التحالف والمعارك الدائرة جنوبي محافظة الحديدة").
fn share_locations(events: &mut [EventMention]) {
    for i in 0..events.len() {
        if events[i].location.is_some() || !events[i].event_type.inherits_location {
            continue;
        }
        let donor = (0..events.len())
            .filter(|&j| {
                j != i
                    && events[j].sentence == events[i].sentence
                    && events[j].event_type.causes_casualties
                    && events[j].location.is_some()
                    && events[j].first.abs_diff(events[i].first) <= 10
                    && is_non_event(events[j].modality) == is_non_event(events[i].modality)
            })
            .min_by_key(|&j| events[j].first.abs_diff(events[i].first));
        if let Some(j) = donor {
            events[i].location = events[j].location;
            events[i].inherited = true;
        }
    }
}

/// A strike or casualties mention still without a place, in a sentence that names none,
/// continues the scene of the located strike of the sentence before it.
fn inherit_locations(doc: &Document, events: &mut [EventMention]) {
    for i in 0..events.len() {
        if events[i].location.is_some() || !events[i].event_type.inherits_location || events[i].sentence == 0 {
            continue;
        }
        let s = events[i].sentence;
        // casualties beside a strike take that strike's place (their cause) instead
        if events[i].event_type.frame == Frame::Toll && events.iter().any(|e| e.sentence == s && e.event_type.causes_casualties) {
            continue;
        }
        let paragraph = |s: usize| doc.seg.sentences[s].paragraph;
        let donor = (0..i).rev().find(|&j| {
            events[j].sentence + 1 == s
                && events[j].event_type.causes_casualties
                && events[j].location.is_some()
                && paragraph(events[j].sentence) + 1 >= paragraph(s)
                && !is_non_event(events[j].modality)
        });
        if let Some(j) = donor {
            events[i].location = events[j].location;
            events[i].inherited = true;
        }
    }
}

fn attach_actors(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let is_clause_stop = |i: usize| words.contains(WordClass::ClauseStop, doc.word(i));
    let spans: Vec<(usize, usize, Frame)> = events.iter().map(|e| (e.first, e.last, e.event_type.frame)).collect();
    // a meeting party belongs to the nearest meeting trigger of its sentence only
    let nearest_meeting = |m: &Mention| {
        spans
            .iter()
            .enumerate()
            .filter(|(_, (f, _, t))| *t == Frame::Meeting && doc.sentence_of(*f) == doc.sentence_of(m.first))
            .min_by_key(|(_, (f, l, _))| if m.first > *l { m.first - l } else { f.saturating_sub(m.last) * 2 })
            .map(|(i, _)| i)
    };
    for (ei, e) in events.iter_mut().enumerate() {
        if e.event_type.frame == Frame::Toll {
            continue;
        }
        let range = sentence_tokens(doc, e.sentence);
        let last_token = range.end.saturating_sub(1);
        // "بين X و Y" / "between X and Y" / "مع X" right after the trigger bounds the parties
        let between = (e.last + 1..=(e.last + 4).min(last_token)).find(|&k| words.contains(WordClass::PartyMarker, doc.word(k)));
        let meeting_like = e.event_type.frame.has_parties();
        let (lo, hi) = match between {
            Some(b) if meeting_like => {
                let stop = (b + 1..=last_token).find(|&k| is_clause_stop(k)).unwrap_or(last_token + 1);
                (b + 1, stop.saturating_sub(1).min(b + 12))
            }
            // meetings: the subject just before a verb and the parties just after
            _ if meeting_like => (e.first.saturating_sub(4).max(range.start), (e.last + 6).min(last_token)),
            _ => (e.first.saturating_sub(8).max(range.start), (e.last + 8).min(last_token)),
        };
        // "غارة شنتها طائرات التحالف", "a raid carried out by": the agent follows
        let agent_marker = (e.last + 1..=(e.last + 3).min(last_token)).find(|&k| words.contains(WordClass::AgentMarker, doc.word(k)));
        let mut seen: Vec<String> = Vec::new();
        for (mi, m) in inp.mentions.all.iter().enumerate() {
            if m.first < lo || m.first > hi || Some(mi) == e.location || is_media(inp, m) {
                continue;
            }
            if matches!(m.kind, MentionKind::Role(_)) {
                continue;
            }
            if seen.contains(&m.key) || locative_before(doc, words, m) {
                continue;
            }
            let after_capital = m.first > 0 && words.contains(WordClass::CapitalNoun, doc.word(m.first - 1));
            if after_capital || (is_place(m) && !is_country_place(inp, m)) {
                continue;
            }
            let role = match e.event_type.frame {
                Frame::Attack => {
                    if m.first > e.last {
                        let against = (e.last + 1..m.first).any(|k| words.contains(WordClass::TargetMarker, doc.word(k)))
                            || words.prefix_of(WordClass::TargetPrefix, doc.word(m.first)).is_some();
                        let agent = agent_marker.is_some_and(|a| a < m.first && m.first <= a + 6);
                        let adjective = matches!(m.kind, MentionKind::Nationality(_)) && m.first == e.last + 1;
                        if agent || adjective {
                            "attacker"
                        } else if against {
                            "target"
                        } else {
                            continue;
                        }
                    } else {
                        // the subject of the attack, unless a casualty stands between
                        // ("لقي عشرات الحوثيين مصرعهم … في غارة": the dead, not the attackers)
                        let victims_between = spans.iter().any(|(f, l, t)| *t == Frame::Toll && *f > m.last && *l < e.first);
                        if victims_between || e.first.saturating_sub(m.last) > 6 {
                            continue;
                        }
                        "attacker"
                    }
                }
                _ => {
                    if e.event_type.frame == Frame::Meeting && nearest_meeting(m) != Some(ei) {
                        continue;
                    }
                    "participant"
                }
            };
            seen.push(m.key.clone());
            e.actors.push((role, mi));
        }
        // "سيجتمع مع نظيريه وزير الخارجية وانغ يي": parties with no known entity are kept as
        // the words of the phrase
        if meeting_like && between.is_some() && e.actors.is_empty() && lo <= hi && hi - lo < 14 {
            e.raw_actors.push(("participant", lo, hi));
        }
    }
}

fn attach_times(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    for e in events.iter_mut() {
        let mut best: Option<(usize, usize)> = None;
        for (ti, t) in inp.times.iter().enumerate() {
            if doc.sentence_of(t.first) != e.sentence {
                continue;
            }
            let d = if t.first > e.last { t.first - e.last } else { e.first.saturating_sub(t.last) };
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((ti, d));
            }
        }
        e.time = best.map(|b| b.0);
    }
}

fn attach_counts(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let durations = super::dates::duration_tokens(doc, inp.lex);
    let triggers: Vec<(usize, usize, bool)> = events.iter().map(|e| (e.first, e.last, e.event_type.frame == Frame::Toll)).collect();
    let clause_start = |i: usize| {
        i == doc.seg.sentences[doc.sentence_of(i)].tokens.start
            || doc.tokens()[i - 1].kind != super::segment::TokenKind::Word
            || inp.lex.words.contains(WordClass::ClauseOpener, doc.word(i - 1))
    };
    for e in events.iter_mut().filter(|e| e.event_type.frame == Frame::Toll) {
        let injured = e.subtype.as_deref() == Some("injured");
        let mut best: Option<(usize, usize)> = None;
        for (ci, c) in inp.counts.iter().enumerate() {
            if doc.sentence_of(c.first) != e.sentence {
                continue;
            }
            if inp.times.iter().any(|t| t.first <= c.number_first && t.last >= c.number_last) || durations.contains(&(c.number_last + 1)) {
                continue;
            }
            // a count right before another casualties trigger counts that one ("وأكثر من ألفي جريح")
            let counts_other = triggers.iter().any(|&(f, _, cas)| cas && f != e.first && f > c.last && f <= c.last + 2);
            if counts_other {
                continue;
            }
            let (d, limit) = if c.first > e.last {
                // "ارتفعت حصيلة القتلى … إلى 149", "rose to 30": a toll may come further on
                let toll = c.first > 0 && inp.lex.words.contains(WordClass::TollPreposition, doc.word(c.first - 1));
                (c.first - e.last, if toll { 10 } else { 5 })
            } else if c.last < e.first {
                // a count before the trigger may be its clause's subject ("أكثر من 100 مسلح …
                // لقوا مصرعهم") when it opens the clause and no other trigger stands between
                let clear = !triggers.iter().any(|&(f, l, _)| f > c.last && l < e.first) && clause_start(c.first);
                (e.first - c.last, if clear { 10 } else { 4 })
            } else {
                continue;
            };
            if d <= limit && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((ci, d));
            }
        }
        if let Some((ci, _)) = best {
            if injured {
                e.injured = Some(ci);
            } else {
                e.killed = Some(ci);
            }
        }
    }
}

fn location_key<'a>(inp: &'a EventInputs, m: &EventMention) -> Option<&'a str> {
    m.location.map(|l| inp.mentions.all[l].key.as_str())
}

/// The location key when it is precise enough to identify a happening (a city or a
/// region, not a whole country).
fn precise_location_key<'a>(inp: &'a EventInputs, m: &EventMention) -> Option<&'a str> {
    m.location
        .filter(|_| !m.inherited)
        .filter(|&l| place_rank(inp.gazetteer, &inp.mentions.all[l]) >= 2)
        .map(|l| inp.mentions.all[l].key.as_str())
}

/// True when two mentions carry times that cannot be the same happening: periods more than
/// three days apart (2014 vs 2015, 10 vs 20 November).
fn times_conflict(inp: &EventInputs, a: &EventMention, b: &EventMention) -> bool {
    let range = |m: &EventMention| m.time.and_then(|t| inp.times[t].range());
    match (range(a), range(b)) {
        (Some((s1, e1)), Some((s2, e2))) => (s2 - e1).num_days() > 3 || (s1 - e2).num_days() > 3,
        _ => false,
    }
}

/// True when nothing says that `a` and `b` are different happenings: no two times, precise
/// places or counts that differ, and no party that attacks in one and is attacked in the other.
fn compatible(inp: &EventInputs, a: &EventMention, b: &EventMention) -> bool {
    if times_conflict(inp, a, b) {
        return false;
    }
    if let (Some(x), Some(y)) = (precise_location_key(inp, a), precise_location_key(inp, b))
        && x != y
    {
        return false;
    }
    let value = |c: Option<usize>| c.map(|i| inp.counts[i].value);
    for (x, y) in [(a.killed, b.killed), (a.injured, b.injured)] {
        if let (Some(x), Some(y)) = (value(x), value(y))
            && x != y
        {
            return false;
        }
    }
    let keys = |e: &EventMention, role: &str| -> Vec<String> {
        e.actors.iter().filter(|(r, _)| *r == role).map(|&(_, m)| inp.mentions.all[m].key.clone()).collect()
    };
    let inverted = |x: &EventMention, y: &EventMention| keys(x, "attacker").iter().any(|k| keys(y, "target").contains(k));
    !(inverted(a, b) || inverted(b, a))
}

/// True when something ties mention `i` to cluster `c`: the same sentence, the same precise
/// place, the same cause, a definite anaphor ("الغارة", "the attack"), the headline's event
/// continued by the lede, or for meetings a shared party.
fn linked(
    inp: &EventInputs,
    mentions: &[EventMention],
    c: &EventCluster,
    causes: &[Option<usize>],
    cluster_of: &[usize],
    i: usize,
) -> bool {
    let m = &mentions[i];
    let t = &mentions[c.trigger];
    let headline = t.sentence == 0 && t.location.is_none() && doc_first_paragraph_is_headline(inp.doc);
    let own_place = m.location.is_some() && !m.inherited;
    let anaphor = !own_place && m.actors.is_empty() && is_definite(inp.doc, &inp.lex.words, m.first) && m.sentence <= t.sentence + 3;
    let same_place = precise_location_key(inp, m).is_some()
        && c.mentions.iter().any(|&k| precise_location_key(inp, &mentions[k]) == precise_location_key(inp, m));
    if m.event_type.frame == Frame::Meeting {
        let shared_party = m.actors.iter().any(|&(_, a)| {
            c.mentions.iter().any(|&k| mentions[k].actors.iter().any(|&(_, b)| inp.mentions.all[a].key == inp.mentions.all[b].key))
        });
        let conflicting_place = match (location_key(inp, m), c.mentions.iter().find_map(|&k| location_key(inp, &mentions[k]))) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        };
        let anaphoric = m.actors.is_empty() && is_definite(inp.doc, &inp.lex.words, m.first) && !conflicting_place;
        return same_place || (shared_party && !conflicting_place) || anaphoric;
    }
    let same_sentence = c.mentions.iter().any(|&k| mentions[k].sentence == m.sentence);
    let same_cause = m.event_type.frame == Frame::Toll
        && causes[i].is_some_and(|x| {
            cluster_of[x] != usize::MAX && c.mentions.iter().any(|&k| causes[k].is_some_and(|y| cluster_of[y] == cluster_of[x]))
        });
    headline || anaphor || same_place || same_sentence || same_cause
}

/// Merges mentions of the same happening and links casualties to their cause.
fn cluster(inp: &EventInputs, mentions: &mut [EventMention]) -> Vec<EventCluster> {
    // casualties take the location of the strike in their sentence when they lack one
    let mut causes: Vec<Option<usize>> = vec![None; mentions.len()];
    for i in 0..mentions.len() {
        if mentions[i].event_type.frame != Frame::Toll {
            continue;
        }
        let s = mentions[i].sentence;
        let cause = (0..mentions.len())
            .filter(|&j| mentions[j].event_type.causes_casualties && mentions[j].sentence == s && !is_non_event(mentions[j].modality))
            .min_by_key(|&j| mentions[j].first.abs_diff(mentions[i].first));
        causes[i] = cause;
        if let Some(j) = cause
            && mentions[i].location.is_none()
        {
            mentions[i].location = mentions[j].location;
            mentions[i].inherited = true;
        }
    }
    let mut clusters: Vec<EventCluster> = Vec::new();
    let mut cluster_of: Vec<usize> = vec![usize::MAX; mentions.len()];
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let found = if is_non_event(m.modality) {
            None
        } else {
            clusters.iter().rposition(|c| {
                let t = &mentions[c.trigger];
                t.event_type.id == m.event_type.id
                    && !is_non_event(t.modality)
                    && !m.distinct
                    && c.mentions.iter().all(|&k| compatible(inp, &mentions[k], m))
                    // casualties of two different strikes are two tolls
                    && !causes[i].is_some_and(|x| {
                        c.mentions.iter().any(|&k| causes[k].is_some_and(|y| cluster_of[y] != usize::MAX && cluster_of[x] != usize::MAX && cluster_of[y] != cluster_of[x]))
                    })
                    && linked(inp, mentions, c, &causes, &cluster_of, i)
            })
        };
        match found {
            Some(c) => {
                clusters[c].mentions.push(i);
                cluster_of[i] = c;
                let t = &mentions[clusters[c].trigger];
                let better = m.weight > t.weight || (m.weight == t.weight && t.location.is_none() && m.location.is_some());
                if better {
                    clusters[c].trigger = i;
                }
            }
            None => {
                cluster_of[i] = clusters.len();
                clusters.push(EventCluster { mentions: vec![i], trigger: i, cause: None });
            }
        }
    }
    for (i, c) in causes.iter().enumerate() {
        if let Some(j) = c {
            let ci = cluster_of[i];
            if clusters[ci].cause.is_none() {
                clusters[ci].cause = Some(cluster_of[*j]);
            }
        }
    }
    clusters
}

/// True when the article opens with a one-sentence line (a headline).
fn doc_first_paragraph_is_headline(doc: &Document) -> bool {
    doc.seg.paragraphs.first().is_some_and(|p| p.len() == 1) && doc.seg.paragraphs.len() > 1
}

/// True when the trigger word carries the article (الاجتماع) or follows a determiner
/// ("the", "this").
fn is_definite(doc: &Document, words: &WordClasses, first: usize) -> bool {
    words.prefix_of(WordClass::DefinitePrefix, doc.word(first)).is_some()
        || (first > 0 && words.contains(WordClass::Determiner, doc.word(first - 1)))
}

/// True for modalities that the guidelines do not count as events.
pub fn is_non_event(m: Modality) -> bool {
    matches!(m, Modality::Negated | Modality::Hypothetical)
}

#[cfg(test)]
mod tests {
    use super::*;
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
            (Ar, "سيجتمع الوفدان في جنيف الأسبوع المقبل.", "meeting", "يجتمع", "planned", Some("جنيف")),
            (En, "Officials said the airstrike hit a market in Mosul.", "strike", "airstrike", "reported", Some("Mosul")),
            (En, "The two leaders met in Geneva on Tuesday.", "meeting", "met in", "asserted", Some("Geneva")),
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
                let (s, e) = doc.token_span(c.first, c.last);
                doc.text[s..e].to_string()
            });
            assert_eq!(killed.as_deref(), Some(count), "{text:?}");
            let cause = toll.cause.map(|c| doc.event_mentions[doc.clusters[c].trigger].event_type.name.to_string());
            assert_eq!(cause.as_deref(), Some("strike"), "{text:?}");
        }
    }

    #[test]
    fn mentions_of_one_happening_merge_and_others_stay_apart() {
        // (text, strike clusters expected)
        let cases: &[(Language, &str, usize)] = &[
            (Ar, "شنت طائرات أمريكية غارة على البوكمال. وأسفرت الغارة عن مقتل سبعة أشخاص.", 1),
            (Ar, "قصفت الطائرات مدينة حلب يوم الاثنين. وقصفت مدينة إدلب يوم الخميس.", 2),
        ];
        for &(language, text, strikes) in cases {
            let doc = through("event clusters", language, text);
            let n = doc.clusters.iter().filter(|c| doc.event_mentions[c.trigger].event_type.is("strike")).count();
            assert_eq!(n, strikes, "{text:?}");
        }
    }

    #[test]
    fn words_that_name_no_event_give_none() {
        let cases: &[(Language, &str)] =
            &[(Ar, "أعلنت الحكومة عن خطة اقتصادية جديدة."), (En, "The ministry published its annual budget on Monday.")];
        for &(language, text) in cases {
            assert!(detected(language, text).is_empty(), "{text:?}: {:?}", detected(language, text));
        }
    }
}
