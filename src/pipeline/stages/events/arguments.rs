//! Arguments of event mentions: the scene (the best-placed place near the trigger, shared
//! with or inherited from a neighbouring located strike), the actors and their roles, the
//! time and the casualty counts. Every pairing looks only inside a window of tokens around
//! the trigger, through the position indexes of [`EventInputs`].

use super::window::ByToken;
use super::{EventInputs, EventMention, after_direction, is_non_event, is_place, locative_before, place_rank, sentence_tokens};
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lang::grammar;
use crate::pipeline::lexicon::event_types::Frame;
use crate::pipeline::lexicon::gazetteer::PlacePrecision;
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::stages::mentions::{Mention, MentionKind};
use crate::pipeline::stages::numbers::CountMention;
use crate::pipeline::text::segment::TokenKind;

/// Farthest a place may stand from a trigger, in tokens, on either side (the scoring below
/// allows at most 20; triggers and places span a few tokens).
const PLACE_REACH: usize = 40;

/// Fills the arguments of `events` (sorted by first token), in dependency order.
pub(super) fn attach_arguments(inp: &EventInputs, events: &mut [EventMention]) {
    attach_locations(inp, events);
    share_locations(events);
    inherit_locations(inp, events);
    attach_actors(inp, events);
    // a country read as a party is no scene: the neighbouring strike's place is
    if drop_places_that_are_parties(inp, events) {
        share_locations(events);
        inherit_locations(inp, events);
    }
    attach_times(inp, events);
    attach_counts(inp, events);
}

fn events_at(events: &[EventMention]) -> ByToken {
    ByToken::new(events.len(), |i| events[i].tokens.start)
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

/// Per sentence: true when it has a strike (a trigger whose casualties are its toll).
fn sentences_with_strikes(inp: &EventInputs, events: &[EventMention]) -> Vec<bool> {
    let mut has = vec![false; inp.doc.seg.sentences.len()];
    for e in events.iter().filter(|e| e.event_type.causes_casualties) {
        has[e.sentence] = true;
    }
    has
}

/// The trigger a place is the scene of: the nearest in its sentence, places after the
/// trigger preferred in languages that report the scene after the event; with the distance.
fn nearest_trigger(inp: &EventInputs, events: &[EventMention], at: &ByToken, strikes: &[bool], m: &Mention) -> Option<(usize, usize)> {
    let doc = inp.doc;
    let s = doc.sentence_of(m.tokens.start);
    // Arabic puts the place after the event ("قصف … في البوكمال"); English as often before
    // it ("In Nice, a truck … killing 80")
    let before_factor = grammar(doc.language).place_before_trigger_factor();
    // a place fronted at the head of its sentence sets the scene of all of it: «وفي الغوطة
    // الشرقية بريف دمشق، غادر 20 ألف شخص المناطق التي تستهدفها القوات»
    let sentence_start = doc.seg.sentences[s].tokens.start;
    let fronted = locative_before(doc, &inp.lex.words, m) && m.tokens.start <= sentence_start + 1;
    // «وكما حدث في كينيا فرض الحوار الأمني نفسه», "as happened in Kenya": the place of a
    // compared happening is the scene of none of the sentence's triggers outside the comparison
    let compared_from = compared_at(inp, m);
    let mut best: Option<(usize, usize)> = None;
    for ei in at.within_in_order(m.tokens.start.saturating_sub(PLACE_REACH), m.tokens.last() + PLACE_REACH) {
        let e = &events[ei];
        if e.sentence != s || (e.event_type.frame == Frame::Toll && strikes[s]) {
            continue;
        }
        if compared_from.is_some_and(|k| !(e.tokens.start >= k && e.tokens.start < m.tokens.start)) {
            continue;
        }
        let d = if m.tokens.start > e.tokens.last() {
            m.tokens.start - e.tokens.last()
        } else {
            (e.tokens.start - m.tokens.last().min(e.tokens.start)) * before_factor + 2
        };
        if d > 16 + 4 * (2 - before_factor) && !fronted {
            continue;
        }
        // the object of a visit is where it took place: «زار برلين», "visited Nairobi", and so
        // is the place a visit noun goes to: «زيارة أوباما إلى أديس أبابا», "his visit to Israel"
        let is_visit = e.subtype.as_deref() == Some(VISIT);
        let gone_to = m.tokens.start > e.tokens.last()
            && m.tokens.start <= e.tokens.end + VISIT_REACH
            && inp.lex.words.contains(WordClass::TollPreposition, doc.word(m.tokens.start - 1));
        let visited = is_visit && (m.tokens.start == e.tokens.end || (!e.verb && gone_to));
        // a meeting named after its city: «اجتماع اعزاز», «قمة الرياض», "the Geneva talks"
        // (a country there is a party: «محادثات إيران والقوى الكبرى»)
        let named_after =
            !e.verb && (m.tokens.start == e.tokens.end || m.tokens.last() + 1 == e.tokens.start) && place_rank(inp.gazetteer, m) >= 2;
        if e.event_type.frame == Frame::Meeting && !locative_before(doc, &inp.lex.words, m) && !visited && !named_after {
            continue;
        }
        // «تكاليف القمة في سبيل دعم السلام في شبه الجزيرة الكورية»: a place in the purpose
        // of the happening is not its scene
        let purpose = m.tokens.start > e.tokens.last()
            && (e.tokens.end..m.tokens.start).any(|k| inp.lex.words.contains(WordClass::PurposeMarker, doc.word(k)));
        if purpose {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((ei, d));
        }
    }
    best
}

/// The first token of the comparison place `m` closes, if any: an opener, a verb of
/// occurrence and the place a few words on («كما حدث في كينيا», "as happened in Kenya").
fn compared_at(inp: &EventInputs, m: &Mention) -> Option<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let first = m.tokens.start.saturating_sub(COMPARISON_REACH).max(1);
    (first..m.tokens.start)
        .find(|&k| {
            words.contains_past_prefix(WordClass::OccurrenceVerb, WordClass::ConjunctionPrefix, doc.word(k))
                && words.contains(WordClass::ComparisonOpener, doc.word(k - 1))
        })
        .map(|k| k - 1)
}

/// Most words between a comparison's verb and its place (its preposition and the place).
const COMPARISON_REACH: usize = 3;

/// The meeting subtype whose verb takes the place visited as its object.
pub(super) const VISIT: &str = "visit";

/// How many words after a visit noun the preposition of the place it goes to may stand
/// (past its visitor: «زيارة أوباما إلى أديس أبابا»).
const VISIT_REACH: usize = 3;

/// Each place becomes the scene of its nearest trigger, where it fits better than the
/// trigger's other places.
fn attach_locations(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let at = events_at(events);
    let strikes = sentences_with_strikes(inp, events);
    let mut best_cost: Vec<usize> = vec![usize::MAX; events.len()];
    let dateline = dateline_tokens(inp);
    for (mi, m) in inp.mentions.all.iter().enumerate() {
        if !is_place(m) || dateline[m.tokens.start] || doc.out_of_time() {
            continue;
        }
        // a word that is both a trigger and a place (تدمر "destroys" / Palmyra) is the place
        // only after a locative preposition
        let on_trigger = at
            .within(m.tokens.start.saturating_sub(PLACE_REACH), m.tokens.last())
            .any(|ei| events[ei].tokens.start <= m.tokens.last() && m.tokens.start <= events[ei].tokens.last());
        if on_trigger && !locative_before(doc, &inp.lex.words, m) {
            continue;
        }
        if let Some((ei, d)) = nearest_trigger(inp, events, &at, &strikes, m) {
            // a place in an aside is no scene of the sentence around it: «جبهة النصرة
            // (تنظيم القاعدة في بلاد الشام)»; unless it is all the aside says, naming the
            // place before it: «في العاصمة السويسرية (جنيف)»
            let aside = doc.phrases.aside_at(m.tokens.start);
            let whole_aside =
                m.tokens.start > 0 && doc.phrases.aside_at(m.tokens.start - 1) != aside && doc.phrases.aside_at(m.tokens.end) != aside;
            if aside.is_some() && !whole_aside && aside != doc.phrases.aside_at(events[ei].tokens.start) {
                continue;
            }
            let cost = place_cost(inp, m, d);
            if cost < best_cost[ei] {
                best_cost[ei] = cost;
                events[ei].location = Some(mi);
            }
        }
    }
}

/// «وتشن الولايات المتحدة غارات … في الصومال»: a place without a locative preposition that
/// an attack also takes as its attacker or target is that side, not the scene; the mention
/// loses it (a meeting keeps it: the country visited is both). True when some mention lost
/// its place.
fn drop_places_that_are_parties(inp: &EventInputs, events: &mut [EventMention]) -> bool {
    let mut dropped = false;
    for e in events.iter_mut() {
        let Some(l) = e.location.filter(|_| e.event_type.frame == Frame::Attack) else { continue };
        let place = &inp.mentions.all[l];
        let party = e.actors.iter().any(|&(_, a)| {
            let a = &inp.mentions.all[a];
            a.tokens.start < place.tokens.end && place.tokens.start < a.tokens.end
        });
        if !e.inherited && party && !locative_before(inp.doc, &inp.lex.words, place) {
            e.location = None;
            dropped = true;
        }
    }
    dropped
}

/// Most tokens between a dateline's opening place and its mark ("، الولايات المتحدة
/// الأمريكية").
const DATELINE_REACH: usize = 6;

/// Per token, true inside a dateline: the place where the report was filed, opening its
/// paragraph ("أتلانتا، الولايات المتحدة الأمريكية (CNN)--", "BEIRUT (Reuters) -"), with
/// only commas and other places before a dateline mark. No place there is a scene.
fn dateline_tokens(inp: &EventInputs) -> Vec<bool> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let place_at = |k: usize| inp.mentions.all_starting_at(k).find(|x| is_place(x));
    let mut inside = vec![false; doc.tokens().len()];
    for p in &doc.seg.paragraphs {
        let Some(sentence) = doc.seg.sentences.get(p.start) else { continue };
        let Some(opening) = place_at(sentence.tokens.start) else { continue };
        let mut k = opening.tokens.end;
        while k < sentence.tokens.end && k < opening.tokens.end + DATELINE_REACH {
            let w = doc.word(k);
            if words.contains(WordClass::DatelineMark, w) {
                inside[sentence.tokens.start..k].iter_mut().for_each(|t| *t = true);
                break;
            }
            match place_at(k) {
                Some(next) => k = next.tokens.end,
                None if words.contains(WordClass::Comma, w) => k += 1,
                None => break,
            }
        }
    }
    inside
}

/// A strike or casualties mention without a place takes the place of a neighbouring
/// strike in its clause ("بغارات طيران التحالف والمعارك الدائرة جنوبي محافظة الحديدة").
fn share_locations(events: &mut [EventMention]) {
    let at = events_at(events);
    for i in 0..events.len() {
        if events[i].location.is_some() || !events[i].event_type.inherits_location {
            continue;
        }
        let first = events[i].tokens.start;
        let donor = at
            .within_in_order(first.saturating_sub(10), first + 10)
            .into_iter()
            .filter(|&j| {
                j != i
                    && events[j].sentence == events[i].sentence
                    && events[j].event_type.causes_casualties
                    && events[j].location.is_some()
                    && events[j].tokens.start.abs_diff(first) <= 10
                    && is_non_event(events[j].modality) == is_non_event(events[i].modality)
            })
            .min_by_key(|&j| events[j].tokens.start.abs_diff(first));
        if let Some(j) = donor {
            events[i].location = events[j].location;
            events[i].inherited = true;
        }
    }
}

/// True when `e` can pass its place on to the next sentence's strikes and casualties.
fn is_scene_donor(e: &EventMention) -> bool {
    e.event_type.causes_casualties && e.location.is_some() && !is_non_event(e.modality)
}

/// A strike or casualties mention still without a place, in a sentence that names none,
/// continues the scene of the located strike of the sentence before it.
fn inherit_locations(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let strikes = sentences_with_strikes(inp, events);
    // per sentence, the last event that can pass its place on (events are in text order)
    let mut donor: Vec<Option<usize>> = vec![None; doc.seg.sentences.len()];
    for (j, e) in events.iter().enumerate() {
        if is_scene_donor(e) {
            donor[e.sentence] = Some(j);
        }
    }
    let paragraph = |s: usize| doc.seg.sentences[s].paragraph;
    for i in 0..events.len() {
        let s = events[i].sentence;
        if events[i].location.is_some() || !events[i].event_type.inherits_location || s == 0 {
            continue;
        }
        // casualties beside a strike take that strike's place (their cause) instead
        if events[i].event_type.frame == Frame::Toll && strikes[s] {
            continue;
        }
        if let Some(j) = donor[s - 1].filter(|_| paragraph(s - 1) + 1 >= paragraph(s)) {
            events[i].location = events[j].location;
            events[i].inherited = true;
            events[i].continues = (events[i].event_type.id == events[j].event_type.id).then_some(events[j].tokens.start);
            if is_scene_donor(&events[i]) {
                donor[s] = Some(donor[s].map_or(i, |d| d.max(i)));
            }
        }
    }
}

/// True for media actors: sources of the report, never parties to the event.
fn is_media(inp: &EventInputs, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Actor(a) if inp.lex.actors.entries()[a].actor_type == "media")
}

fn is_country_place(inp: &EventInputs, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Place(p) if inp.gazetteer.places[p].precision == PlacePrecision::Country)
}

/// The meeting trigger of `m`'s sentence nearest to it (a party belongs to that one only).
fn nearest_meeting(inp: &EventInputs, events: &[EventMention], meetings: &ByToken, m: &Mention) -> Option<usize> {
    let doc = inp.doc;
    let sentence = doc.sentence_of(m.tokens.start);
    let range = sentence_tokens(doc, sentence);
    let distance = |e: &EventMention| {
        if m.tokens.start > e.tokens.last() { m.tokens.start - e.tokens.last() } else { e.tokens.start.saturating_sub(m.tokens.last()) * 2 }
    };
    // the nearest lie just before or just after the mention: a few on each side suffice
    let mut candidates: Vec<usize> = meetings.within(range.start, m.tokens.start).collect::<Vec<_>>().into_iter().rev().take(4).collect();
    candidates.extend(meetings.within(m.tokens.start + 1, range.end).take(4));
    candidates.sort_unstable();
    candidates.into_iter().filter(|&i| doc.sentence_of(events[i].tokens.start) == sentence).min_by_key(|&i| distance(&events[i]))
}

/// The token window `[lo, hi]` whose mentions are parties of `e`, and where a party marker
/// ("بين", "with") bounds it.
fn actor_window(inp: &EventInputs, e: &EventMention) -> (usize, usize, Option<usize>) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let range = sentence_tokens(doc, e.sentence);
    let last_token = range.end.saturating_sub(1);
    // "بين X و Y" / "between X and Y" / "مع X" right after the trigger bounds the parties
    let between = (e.tokens.end..=(e.tokens.last() + 4).min(last_token)).find(|&k| words.contains(WordClass::PartyMarker, doc.word(k)));
    let meeting_like = e.event_type.frame.has_parties();
    let (lo, hi) = match between {
        Some(b) if meeting_like => {
            let reach = (b + 13).min(last_token);
            let stop = (b + 1..=reach).find(|&k| words.contains(WordClass::ClauseStop, doc.word(k))).unwrap_or(reach + 1);
            (b + 1, stop.saturating_sub(1).min(b + 12))
        }
        // meetings: the subject just before a verb and the parties just after
        // (up to the clause's end: a list there is brought whole by its conjuncts)
        _ if meeting_like => {
            let reach = (e.tokens.last() + 6).min(last_token);
            let stop = (e.tokens.end..=reach).find(|&k| words.contains(WordClass::ClauseStop, doc.word(k))).unwrap_or(reach + 1);
            (e.tokens.start.saturating_sub(4).max(range.start), stop - 1)
        }
        _ => (e.tokens.start.saturating_sub(8).max(range.start), (e.tokens.last() + 8).min(last_token)),
    };
    (lo, hi, between.filter(|_| meeting_like))
}

/// The role of mention `m` in the attack `e`, if it has one: the agent after a marker or as
/// the trigger's adjective ("الغارات الأمريكية"), the target after a preposition, or the
/// subject before the trigger unless a casualty stands between.
fn attack_role(
    inp: &EventInputs,
    events: &[EventMention],
    at: &ByToken,
    e: &EventMention,
    agent: Option<usize>,
    m: &Mention,
) -> Option<&'static str> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    if m.tokens.start > e.tokens.last() {
        if let Some(role) = clause_role(inp, e, m) {
            return Some(role);
        }
        // (the marker may close the trigger itself: "attacks against", "strikes on")
        let ends_with_marker = words.contains(WordClass::TargetMarker, doc.word(e.tokens.last()));
        let against = ends_with_marker
            || (e.tokens.end..m.tokens.start).any(|k| words.contains(WordClass::TargetMarker, doc.word(k)))
            || words.prefix_of(WordClass::TargetPrefix, doc.word(m.tokens.start)).is_some();
        let by_agent = agent.is_some_and(|a| a < m.tokens.start && m.tokens.start <= a + 6);
        let adjective = matches!(m.kind, MentionKind::Nationality(_)) && m.tokens.start == e.tokens.end && !ends_with_marker;
        // «هجوم للحوثيين على الرياض», «20 غارة جوية للتحالف تدمر 17 هدفا»: a party glued to
        // ل right after the trigger, with the target or the attack's verb after it, is the
        // attack's owner
        let owner = !(e.tokens.end..m.tokens.start).any(|k| words.contains(WordClass::TargetMarker, doc.word(k)))
            && m.tokens.start <= e.tokens.end + 1
            && words.prefix_of(WordClass::TargetPrefix, doc.word(m.tokens.start)).is_some()
            && {
                let reach = m.tokens.end..(m.tokens.end + OWNER_TARGET_REACH).min(sentence_tokens(doc, e.sentence).end);
                let then_attacks = at
                    .within(reach.start, reach.end)
                    .any(|k| events[k].event_type.frame == Frame::Attack && events[k].tokens.start >= m.tokens.end);
                then_attacks || reach.into_iter().any(|k| words.contains(WordClass::TargetMarker, doc.word(k)))
            };
        return if by_agent || adjective || owner {
            Some("attacker")
        } else if against {
            Some("target")
        } else {
            None
        };
    }
    // ("لقي عشرات الحوثيين مصرعهم … في غارة": the dead, not the attackers)
    if e.tokens.start.saturating_sub(m.tokens.last()) > 6 {
        return None;
    }
    let victims_between = at
        .within(m.tokens.end, e.tokens.start)
        .any(|k| events[k].event_type.frame == Frame::Toll && events[k].tokens.last() < e.tokens.start);
    // «مقتل 3042 من داعش والنصرة جراء غارات التحالف»: a mention after a toll trigger and
    // before the strike names the dead
    let victims_of_toll = at
        .within(m.tokens.start.saturating_sub(VICTIM_REACH), m.tokens.start)
        .any(|k| events[k].event_type.frame == Frame::Toll && events[k].tokens.last() < m.tokens.start);
    (!victims_between && !victims_of_toll).then_some("attacker")
}

/// How far after a party glued to ل the target marker that makes it the attack's owner may
/// stand («هجوم للحوثيين على الرياض»).
const OWNER_TARGET_REACH: usize = 3;

/// How many tokens before a mention a toll trigger makes it the dead ("مقتل 3042 من داعش").
const VICTIM_REACH: usize = 5;

/// The role of mention `m` after verb trigger `e` from the clause: in a verb-initial clause
/// the phrase right after the verb is its subject, the attacker («قصفت القوات الحكومية
/// السورية مدينة دوما»), and the phrase right after that its object, the target; where the
/// subject stands before the verb, the phrase right after it (past a determiner) is the
/// object ("Israeli jets struck Hezbollah positions"). A mention glued to a preposition is
/// neither, and a place after the verb stays the scene.
fn clause_role(inp: &EventInputs, e: &EventMention, m: &Mention) -> Option<&'static str> {
    let doc = inp.doc;
    if !e.verb || m.start != doc.tokens()[m.tokens.start].start {
        return None;
    }
    let phrases = &doc.phrases;
    let starting_at = |k: usize| phrases.at_token(k).filter(|&p| phrases.phrases[p].tokens.start == k);
    let p = phrases.at_token(m.tokens.start)?;
    if !grammar(doc.language).subject_follows_verb() {
        let mut k = e.tokens.end;
        if k < doc.tokens().len() && inp.lex.words.contains(WordClass::Determiner, doc.word(k)) {
            k += 1;
        }
        return (starting_at(k) == Some(p) && !is_place(m)).then_some("target");
    }
    let subject = starting_at(e.tokens.end)?;
    if p == subject {
        return Some("attacker");
    }
    let object_start = phrases.phrases[subject].tokens.end;
    (phrases.phrases[p].tokens.start == object_start && !is_place(m)).then_some("target")
}

/// True when mention `m` can be a party at all: not the scene, no media, no role on its
/// own, no place other than a country, nothing after a locative or "the capital".
fn may_be_party(inp: &EventInputs, e: &EventMention, mi: usize, m: &Mention) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    // (a capital that is a meeting's scene names no party: «محادثات في برلين»)
    // (but the capital of a visit names its host: «زيارة … إلى أديس أبابا» is a visit to Ethiopia)
    let host = e.subtype.as_deref() == Some(VISIT) && matches!(m.kind, MentionKind::Actor(_));
    let the_scene = Some(mi) == e.location
        || e.event_type.frame == Frame::Meeting && !host && e.location.is_some_and(|l| inp.mentions.all[l].tokens == m.tokens);
    if the_scene || is_media(inp, m) || matches!(m.kind, MentionKind::Role(_)) || locative_before(doc, words, m) {
        return false;
    }
    let after_capital = m.tokens.start > 0 && words.contains(WordClass::CapitalNoun, doc.word(m.tokens.start - 1));
    !(after_capital || (is_place(m) && !is_country_place(inp, m)))
}

fn attach_actors(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let at = events_at(events);
    let meetings = ByToken::filtered(events.len(), |i| events[i].tokens.start, |i| events[i].event_type.frame == Frame::Meeting);
    for ei in 0..events.len() {
        let e = &events[ei];
        if e.event_type.frame == Frame::Toll || doc.out_of_time() {
            continue;
        }
        let (lo, hi, between) = actor_window(inp, e);
        let last_token = sentence_tokens(doc, e.sentence).end.saturating_sub(1);
        // "غارة شنتها طائرات التحالف", "a raid carried out by": the agent follows
        let agent = (e.tokens.end..=(e.tokens.last() + 3).min(last_token))
            .find(|&k| words.contains(WordClass::AgentMarker, doc.word(k)))
            .or_else(|| undergo_agent(inp, e));
        let mut seen: Vec<&str> = Vec::new();
        let mut actors = Vec::new();
        for mi in inp.mentions_at.within_in_order(lo, hi.max(lo)) {
            let m = &inp.mentions.all[mi];
            if m.tokens.start > hi || seen.contains(&m.key.as_str()) || !may_be_party(inp, e, mi, m) {
                continue;
            }
            let role = match e.event_type.frame {
                Frame::Attack => match attack_role(inp, events, &at, e, agent, m) {
                    Some(role) => role,
                    None => continue,
                },
                Frame::Meeting if nearest_meeting(inp, events, &meetings, m) != Some(ei) => continue,
                _ => "participant",
            };
            seen.push(&m.key);
            actors.push((role, mi));
        }
        let mut raw = Vec::new();
        if e.event_type.frame == Frame::Meeting {
            add_phrase_parties(inp, e, &mut actors, &mut raw);
            add_speaker_party(inp, e, &mut actors);
            if actors.is_empty() && raw.is_empty() {
                add_sentence_list_parties(inp, e, &mut actors);
            }
        }
        let e = &mut events[ei];
        e.actors = actors;
        e.raw_actors.extend(raw);
        // "سيجتمع مع نظيريه وزير الخارجية وانغ يي": parties with no known entity are kept as
        // the words of the phrase
        if between.is_some() && e.actors.is_empty() && lo <= hi && hi - lo < 14 {
            e.raw_actors.push(("participant", TokenSpan::inclusive(lo, hi)));
        }
    }
}

/// «وما زالت عفرين تتعرض للقصف الجوي والبري من القوات التركية», "came under fire from
/// militants": after a strike an undergo verb governs, the preposition that introduces its
/// attacker.
fn undergo_agent(inp: &EventInputs, e: &EventMention) -> Option<usize> {
    if e.event_type.frame != Frame::Attack {
        return None;
    }
    let doc = inp.doc;
    let words = &inp.lex.words;
    let sentence = sentence_tokens(doc, e.sentence);
    let undergone = (e.tokens.start.saturating_sub(UNDERGO_REACH).max(sentence.start)..e.tokens.end)
        .any(|k| words.contains_past_prefix(WordClass::UndergoVerb, WordClass::ConjunctionPrefix, doc.word(k)));
    if !undergone {
        return None;
    }
    (e.tokens.end..(e.tokens.end + UNDERGO_AGENT_REACH).min(sentence.end)).find(|&k| words.contains(WordClass::UndergoAgent, doc.word(k)))
}

/// Most words before a strike noun its undergo verb may stand (past the one undergoing it:
/// «تعرضت مدينة عفرين لقصف»).
const UNDERGO_REACH: usize = 3;

/// Most words after a strike noun an undergo verb governs the preposition of its attacker
/// may stand (past adjectives: «للقصف الجوي والبري من»).
const UNDERGO_AGENT_REACH: usize = 4;

/// Meeting parties read from the phrase layer: the phrases coordinated with a party already
/// found («تركيا وروسيا وإيران», "Russia, China and France"), and the phrase a participation
/// verb after the trigger introduces, with its conjuncts («قمة يشارك فيها الرئيسان الأوغندي
/// يويري موسيفيني والكيني أوهورو كيناتا», "a summit attended by"). A conjunct with no
/// mention that may be a party is kept as the words of the phrase.
fn add_phrase_parties(
    inp: &EventInputs,
    e: &EventMention,
    actors: &mut Vec<(&'static str, usize)>,
    raw: &mut Vec<(&'static str, TokenSpan)>,
) {
    let doc = inp.doc;
    let phrases = &doc.phrases;
    let mut seeds: Vec<usize> = actors.iter().filter_map(|&(_, mi)| phrases.of_mention(mi)).collect();
    seeds.extend(participation_phrase(inp, e));
    seeds.extend(party_chain(inp, e));
    seeds.extend(party_list(inp, e));
    seeds.extend(relative_participant(inp, e));
    seeds.extend(purpose_participant(inp, e));
    // the subject written just before the trigger: «الرئيس الشيشاني يجتمع بالملك سلمان»
    seeds.extend(
        e.tokens.start.checked_sub(1).and_then(|k| phrases.at_token(k)).filter(|&p| phrases.phrases[p].tokens.end == e.tokens.start),
    );
    let mut conjuncts: Vec<usize> = seeds.iter().flat_map(|&p| phrases.conjuncts(p).iter().copied()).collect();
    conjuncts.sort_unstable();
    conjuncts.dedup();
    for p in conjuncts {
        let phrase = &phrases.phrases[p];
        if phrase.tokens.overlaps(e.tokens) {
            continue;
        }
        let parties: Vec<usize> = phrase.mentions.iter().copied().filter(|&mi| may_be_party(inp, e, mi, &inp.mentions.all[mi])).collect();
        if parties.is_empty() {
            let holds_role = phrase.mentions.iter().any(|&mi| matches!(inp.mentions.all[mi].kind, MentionKind::Role(_)));
            if holds_role && phrase.tokens.len() > 1 && !raw.iter().any(|(_, t)| *t == phrase.tokens) {
                raw.push(("participant", phrase.tokens));
            }
            continue;
        }
        for mi in parties {
            let key = inp.mentions.all[mi].key.as_str();
            if !actors.iter().any(|&(_, a)| inp.mentions.all[a].key == key) {
                actors.push(("participant", mi));
            }
        }
    }
}

/// A meeting with no party of its own takes the list of parties its sentence opens with:
/// «وأوفدت كل من تركيا وروسيا وإيران وزراء خارجيتها إلى أستانا للإعداد لقمة للقادة».
fn add_sentence_list_parties(inp: &EventInputs, e: &EventMention, actors: &mut Vec<(&'static str, usize)>) {
    let doc = inp.doc;
    let phrases = &doc.phrases;
    let start = sentence_tokens(doc, e.sentence).start;
    let Some(first) = (start..e.tokens.start).find_map(|k| phrases.at_token(k)) else {
        return;
    };
    let conjuncts = phrases.conjuncts(first);
    let parties: Vec<usize> = conjuncts
        .iter()
        .filter(|&&p| phrases.phrases[p].tokens.last() < e.tokens.start)
        .flat_map(|&p| phrases.phrases[p].mentions.iter().copied())
        .filter(|&mi| may_be_party(inp, e, mi, &inp.mentions.all[mi]))
        .collect();
    if conjuncts.len() >= MIN_LIST_PARTIES && parties.len() >= MIN_LIST_PARTIES {
        actors.extend(parties.into_iter().map(|mi| ("participant", mi)));
    }
}

/// Fewest conjuncts a sentence's list needs to be a meeting's parties.
const MIN_LIST_PARTIES: usize = 2;

/// A meeting reported in a speaker's own words is the speaker's: «وقال هوك "نجري مباحثات
/// جيدة جدا في لندن"», "'We held good talks,' the minister said". The speaker, when a known
/// entity, is a party.
fn add_speaker_party(inp: &EventInputs, e: &EventMention, actors: &mut Vec<(&'static str, usize)>) {
    let doc = inp.doc;
    let Some(q) = inp.quote_at.get(e.tokens.start).copied().flatten().map(|qi| &doc.quotes[qi]) else {
        return;
    };
    let Some(mi) = q.speaker.as_ref().and_then(|s| s.mention) else {
        return;
    };
    // the speaker's whole phrase: "Senator Tom Harlan" is named by the name after the title
    let in_phrase = inp.doc.phrases.of_mention(mi).map(|p| inp.doc.phrases.phrases[p].mentions.as_slice()).unwrap_or(&[]);
    for &pi in in_phrase.iter().chain([&mi]) {
        let m = &inp.mentions.all[pi];
        let known = actors.iter().any(|&(_, a)| inp.mentions.all[a].key == m.key);
        if !known && !is_media(inp, m) && !matches!(m.kind, MentionKind::Role(_)) {
            actors.push(("participant", pi));
        }
    }
}

/// The phrase a participation verb introduces after meeting trigger `e` in its clause: the
/// first phrase after the verb, past at most two function words («يشارك فيها», "attended by").
fn participation_phrase(inp: &EventInputs, e: &EventMention) -> Option<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let last_token = sentence_tokens(doc, e.sentence).end.saturating_sub(1);
    let reach = (e.tokens.last() + MAX_PARTICIPATION_DISTANCE).min(last_token);
    // commas may stand between: «والمحادثات في فيينا الجمعة، مراجعة روتينية للاتفاق، تشارك فيها»
    let verb = (e.tokens.end..=reach)
        .take_while(|&k| !words.contains(WordClass::ClauseStop, doc.word(k)) || words.contains(WordClass::Comma, doc.word(k)))
        .find(|&k| words.contains(WordClass::ParticipationVerb, doc.word(k)))?;
    (verb + 1..=(verb + 3).min(last_token)).find_map(|k| doc.phrases.at_token(k).filter(|&p| doc.phrases.phrases[p].tokens.start == k))
}

/// The phrases that follow meeting trigger `e` one after another in its clause: the
/// subject and object of a verb-initial clause, a possessor with its apposition and the host
/// after it («التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي», «بزيارة ولي العهد
/// السعودي، الأمير محمد بن سلمان للكويت», "talks with his Iranian counterpart"). Between
/// two phrases may stand a comma (an apposition), a party marker or a party link (مع، إلى;
/// with, to) or a determiner; anything else ends the chain.
fn party_chain(inp: &EventInputs, e: &EventMention) -> Vec<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let phrases = &doc.phrases;
    let end = sentence_tokens(doc, e.sentence).end;
    let mut chain = Vec::new();
    let mut k = e.tokens.end;
    while k < end && chain.len() < MAX_PARTY_CHAIN {
        if let Some(p) = phrases.at_token(k).filter(|&p| phrases.phrases[p].tokens.start == k) {
            chain.push(p);
            k = phrases.phrases[p].tokens.end;
            continue;
        }
        let w = doc.word(k);
        // «مع الرئيس اليمني في الرياض ومع الحوثيين»: the place of one party is read past
        if !chain.is_empty()
            && words.contains(WordClass::Locative, w)
            && let Some(p) = phrases.at_token(k + 1).filter(|&p| phrases.phrases[p].tokens.start == k + 1)
            && phrases.phrases[p].mentions.iter().any(|&mi| matches!(inp.mentions.all[mi].kind, MentionKind::Place(_)))
        {
            k = phrases.phrases[p].tokens.end;
            continue;
        }
        let links = words.contains(WordClass::PartyMarker, w)
            || words.contains(WordClass::PartyLink, w)
            || words.contains(WordClass::Determiner, w);
        let apposition = !chain.is_empty() && words.contains(WordClass::Comma, w);
        if !(links || apposition) {
            break;
        }
        k += 1;
    }
    chain
}

/// The list a party marker opens after a meeting trigger, further on in its sentence:
/// «جولة في أمريكا الجنوبية لتعميق التعاون مع كل من الإكوادور وبيرو», "a tour to deepen
/// ties with both Ecuador and Peru".
fn party_list(inp: &EventInputs, e: &EventMention) -> Option<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let end = sentence_tokens(doc, e.sentence).end.min(e.tokens.end + MAX_PARTICIPATION_DISTANCE);
    let marker = (e.tokens.end..end.saturating_sub(1))
        .find(|&k| words.contains(WordClass::PartyMarker, doc.word(k)) && words.contains(WordClass::ListOpener, doc.word(k + 1)))?;
    let first = (marker + 1..end).find(|&k| !words.contains(WordClass::ListOpener, doc.word(k)))?;
    doc.phrases.at_token(first).filter(|&p| doc.phrases.phrases[p].tokens.start == first)
}

/// The phrase a relative clause with a participation verb before the trigger stands for:
/// «المحامية ناتاليا فيسيلنتسكايا، التي شاركت في اجتماع», "Veselnitskaya, who attended a
/// meeting".
fn relative_participant(inp: &EventInputs, e: &EventMention) -> Option<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let start = sentence_tokens(doc, e.sentence).start;
    let verb = (e.tokens.start.saturating_sub(3).max(start)..e.tokens.start)
        .find(|&k| words.contains(WordClass::ParticipationVerb, doc.word(k)))?;
    let pronoun = verb.checked_sub(1).filter(|&k| k >= start && words.contains(WordClass::RelativePronoun, doc.word(k)))?;
    let mut k = pronoun.checked_sub(1)?;
    if words.contains(WordClass::Comma, doc.word(k)) {
        k = k.checked_sub(1)?;
    }
    (k >= start).then(|| doc.phrases.at_token(k)).flatten()
}

/// The party that goes somewhere to take part in meeting `e`: the nearest phrase before a
/// participation purpose right before the trigger («للمشاركة في», "to attend"), or before a
/// visit told as a circumstance («وصل … في زيارة»), that holds a mention which may be a party
/// or a role of several words, places and times passed over («أقلّت طائرة وفدا من جماعة
/// الحوثي إلى مسقط، أمس، للمشاركة في محادثات», «وصل أمير البلاد إلى العاصمة كيتو، في
/// زيارة», "the minister flew to Geneva to attend the talks").
fn purpose_participant(inp: &EventInputs, e: &EventMention) -> Option<usize> {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let start = sentence_tokens(doc, e.sentence).start;
    let circumstance = e.subtype.as_deref() == Some(VISIT) && words.contains(WordClass::Locative, doc.word(e.tokens.start));
    let purpose = if circumstance {
        e.tokens.start
    } else {
        (e.tokens.start.saturating_sub(MAX_PURPOSE_GAP + 1).max(start)..e.tokens.start)
            .rev()
            .find(|&k| words.contains(WordClass::ParticipationPurpose, doc.word(k)))?
    };
    let phrases = &doc.phrases;
    let mut k = purpose;
    let lo = purpose.saturating_sub(MAX_PURPOSE_REACH).max(start);
    while k > lo {
        k -= 1;
        let Some(p) = phrases.at_token(k) else { continue };
        let phrase = &phrases.phrases[p];
        let mentions = || phrase.mentions.iter().map(|&mi| (mi, &inp.mentions.all[mi]));
        // (the city gone to is no party, though its name stands for its government: «إلى مسقط»)
        let place = mentions().any(|(_, m)| is_place(m));
        let party = mentions().any(|(mi, m)| may_be_party(inp, e, mi, m));
        let role = phrase.tokens.len() > 1 && mentions().any(|(_, m)| matches!(m.kind, MentionKind::Role(_)));
        if !place && (party || role) {
            return Some(p);
        }
        k = phrase.tokens.start.min(k);
    }
    None
}

/// Most words between a participation purpose and its meeting trigger («للمشاركة في», "to
/// take part in the").
const MAX_PURPOSE_GAP: usize = 3;

/// How far before a participation purpose its party may stand.
const MAX_PURPOSE_REACH: usize = 14;

/// Most phrases [`party_chain`] reads after a meeting trigger.
const MAX_PARTY_CHAIN: usize = 4;

/// How far after a meeting trigger a participation verb may stand («قمة إقليمية مصغرة حول
/// الأزمة … يشارك فيها»).
const MAX_PARTICIPATION_DISTANCE: usize = 12;

/// Each event takes the nearest time expression of its sentence.
fn attach_times(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    // complementisers seen up to each token: a time before one dates the clause that
    // announces a meeting, not the meeting after it («وقالت الحملة التي فازت العام الماضي …
    // إنها مستعدة … حتى تنجح القمة»; a strike or a toll told on a day is that day's)
    let mut complementizers_before = vec![0usize; doc.tokens().len() + 1];
    for h in &doc.hits.complementizers {
        if let Some(c) = complementizers_before.get_mut(h.tokens.start + 1) {
            *c += 1;
        }
    }
    for k in 1..complementizers_before.len() {
        complementizers_before[k] += complementizers_before[k - 1];
    }
    for e in events.iter_mut() {
        let range = sentence_tokens(doc, e.sentence);
        // the nearest lie just before or just after the trigger: a few on each side suffice
        let mut candidates: Vec<usize> =
            inp.times_at.within(range.start, e.tokens.start).collect::<Vec<_>>().into_iter().rev().take(4).collect();
        candidates.extend(inp.times_at.within(e.tokens.start + 1, range.end).take(4));
        candidates.sort_unstable();
        let mut best: Option<(usize, usize)> = None;
        for ti in candidates {
            let t = &inp.times[ti];
            if doc.sentence_of(t.tokens.start) != e.sentence {
                continue;
            }
            let d = if t.tokens.start > e.tokens.last() {
                t.tokens.start - e.tokens.last()
            } else {
                e.tokens.start.saturating_sub(t.tokens.last())
            };
            let across = e.event_type.frame == Frame::Meeting
                && t.tokens.last() < e.tokens.start
                && complementizers_before[e.tokens.start] > complementizers_before[t.tokens.end];
            if across {
                continue;
            }
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((ti, d));
            }
        }
        e.time = best.map(|b| b.0);
    }
}

/// True when a count may be its clause's subject: it opens its sentence or clause.
fn opens_clause(inp: &EventInputs, i: usize) -> bool {
    let doc = inp.doc;
    i == doc.seg.sentences[doc.sentence_of(i)].tokens.start
        || doc.tokens()[i - 1].kind != TokenKind::Word
        || inp.lex.words.contains(WordClass::ClauseOpener, doc.word(i - 1))
}

/// True when the number or qualifier word at token `i` carries a conjunction (وأكثر، و52):
/// it opens a phrase of its own, not the end of the one before.
fn conjoined(inp: &EventInputs, i: usize) -> bool {
    let doc = inp.doc;
    let hits = [&doc.hits.qualifiers, &doc.hits.numbers];
    hits.iter().any(|layer| {
        let at = layer.partition_point(|h| h.tokens.start < i);
        layer[at..].iter().take_while(|h| h.tokens.start == i).any(|h| {
            let start = doc.tokens()[i].start;
            h.prefix_len > 0 && inp.lex.morphology.strip_conjunction(&doc.norm.norm[start..start + h.prefix_len]).is_some()
        })
    })
}

/// Counts that a casualties trigger without one implies by its victim: one person named or
/// described in the singular right after it («مقتل المحامي الروسي سيرغي ماغنيتسكي», «قتل
/// محتج», "killing a soldier") is a toll of one. Each comes with the event it counts.
pub(super) fn implied_counts(inp: &EventInputs, events: &[EventMention]) -> Vec<(usize, CountMention)> {
    let doc = inp.doc;
    let phrases = &doc.phrases;
    let mut implied = Vec::new();
    for (ei, e) in events.iter().enumerate() {
        if e.event_type.frame != Frame::Toll
            || super::is_missing(e)
            || e.killed.is_some()
            || e.injured.is_some()
            || e.tokens.end >= doc.tokens().len()
        {
            continue;
        }
        // past one determiner ("killing a soldier"): the phrase that starts there
        let mut start = e.tokens.end;
        if inp.lex.words.contains(WordClass::Determiner, doc.word(start)) || inp.lex.words.contains(WordClass::Article, doc.word(start)) {
            start += 1;
        }
        let Some(p) = phrases.at_token(start).filter(|&p| phrases.phrases[p].tokens.start == start && phrases.conjuncts(p).len() == 1)
        else {
            continue;
        };
        let phrase = &phrases.phrases[p];
        let victim = &inp.mentions.all[phrase.mentions[0]];
        let one = match victim.kind {
            MentionKind::Person => true,
            MentionKind::Role(r) => inp.lex.roles.entries()[r].number == crate::pipeline::lexicon::matcher::Number::Singular,
            _ => false,
        };
        // the victim is the phrase's own word, not one glued to a preposition («قتل بالمحتج»)
        let bare = victim.start == doc.tokens()[victim.tokens.start].start;
        if one && bare && doc.sentence_of(phrase.tokens.start) == e.sentence {
            let count = CountMention { tokens: phrase.tokens, number: phrase.tokens, value: Some(1), qualifier: "exact".to_string() };
            implied.push((ei, count));
        }
    }
    implied
}

/// A strike or casualties happening that no mention places takes the country the article is
/// about — the country of most of its places, when it holds at least
/// [`ARTICLE_COUNTRY_SHARE`] percent of them and [`ARTICLE_COUNTRY_MIN`] mentions — as an
/// inherited, country-level place (an article on Nigeria's insurgency: «وأسفرت حركة التمرد
/// هذه عن سقوط 20 ألف قتيل»).
pub(super) fn place_in_the_article_country(inp: &EventInputs, clusters: &[super::EventCluster], mentions: &mut [EventMention]) {
    let mut per_country: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
    let mut total = 0;
    for (mi, m) in inp.mentions.all.iter().enumerate() {
        if let (true, Some(c)) = (is_place(m), m.country.as_deref()) {
            per_country.entry(c).or_insert((0, mi)).0 += 1;
            total += 1;
        }
    }
    let Some((_, &(count, first))) = per_country.iter().max_by_key(|(c, (n, _))| (*n, std::cmp::Reverse(*c))) else {
        return;
    };
    if count < ARTICLE_COUNTRY_MIN || count * 100 < total * ARTICLE_COUNTRY_SHARE {
        return;
    }
    // the country itself when the article names it, else its first place
    let code = inp.mentions.all[first].country.as_deref();
    let country = inp.mentions.all.iter().position(|m| is_place(m) && m.key.strip_prefix("country:") == code).unwrap_or(first);
    for c in clusters {
        let placed = c.mentions.iter().any(|&m| mentions[m].location.is_some());
        let t = &mentions[c.trigger];
        if placed || !t.event_type.inherits_location || is_non_event(t.modality) {
            continue;
        }
        mentions[c.trigger].location = Some(country);
        mentions[c.trigger].inherited = true;
    }
}

/// The least share, in percent, of an article's places that its country must hold.
const ARTICLE_COUNTRY_SHARE: usize = 50;
/// The fewest place mentions of the article's country.
const ARTICLE_COUNTRY_MIN: usize = 3;

/// True when count `c` is a year written in digits after a word that introduces one («في
/// 2012», «منذ 2014», "in 2012"): a date, not a toll.
fn is_year(inp: &EventInputs, c: &CountMention) -> bool {
    let doc = inp.doc;
    let k = c.number.start;
    c.number.len() == 1
        && doc.tokens()[k].kind == TokenKind::Number
        && c.value.is_some_and(|v| YEARS.contains(&v))
        && k > 0
        && inp.lex.words.contains(WordClass::YearMarker, doc.word(k - 1))
}

/// The years a four-digit number after a year marker is read as.
const YEARS: std::ops::RangeInclusive<u64> = 1900..=2100;

/// The distance from casualties trigger `e` to count `ci` and how far it may be, or `None`
/// when the count cannot be that toll (a date, a duration, another trigger's count).
fn count_distance(
    inp: &EventInputs,
    events: &[EventMention],
    at: &ByToken,
    durations: &[bool],
    e: &EventMention,
    ci: usize,
) -> Option<(usize, usize)> {
    let doc = inp.doc;
    let c = &inp.counts[ci];
    if doc.sentence_of(c.tokens.start) != e.sentence {
        return None;
    }
    let in_time = inp.time_reach.get(c.number.start).copied().flatten().is_some_and(|last| last >= c.number.last());
    if in_time || is_year(inp, c) || durations.get(c.number.last() + 1).copied().unwrap_or(false) {
        return None;
    }
    // "Clarence Howard, 22, who was fatally shot": a bare number set off by commas after a
    // name is an age
    let comma = |k: usize| inp.lex.words.contains(WordClass::Comma, doc.word(k));
    let set_off = c.tokens == c.number
        && c.number.start > 0
        && c.number.end < doc.tokens().len()
        && comma(c.number.start - 1)
        && comma(c.number.end)
        && c.value.is_some();
    if set_off {
        return None;
    }
    // a count right before another casualties trigger counts that one ("وأكثر من ألفي جريح")
    let toll = |k: usize| events[k].event_type.frame == Frame::Toll;
    // a count of strikes or meetings counts no victims («إحدى الغارات», "three airstrikes",
    // "one of the airstrikes")
    let mut counted = c.number.end;
    while counted < doc.tokens().len()
        && counted < c.number.end + 2
        && (inp.lex.words.contains(WordClass::Partitive, doc.word(counted))
            || inp.lex.words.contains(WordClass::Determiner, doc.word(counted)))
    {
        counted += 1;
    }
    if at.within(counted, counted).any(|k| !toll(k)) {
        return None;
    }
    // (unless it stands right after this trigger: «إصابة نحو 60 آخرين بجروح»)
    let right_after = |k: &EventMention| k.tokens.end == c.tokens.start && !conjoined(inp, c.tokens.start);
    // (and unless this trigger is the one right after it: «رجلا واحدا على الأقل قتل وأصيب»)
    let before_this = e.tokens.start == c.tokens.end;
    if !right_after(e)
        && !before_this
        && at.within(c.tokens.end, c.tokens.last() + 2).any(|k| toll(k) && events[k].tokens.start != e.tokens.start)
    {
        return None;
    }
    // and a count right after another casualties trigger counts that one, not a trigger
    // further on ("مقتل 40 شخصا وإصابة 60", "killed 40 and wounded 60")
    let counted_before = |k: usize| toll(k) && right_after(&events[k]);
    if c.tokens.last() < e.tokens.start && at.within(c.tokens.start.saturating_sub(3), c.tokens.start).any(counted_before) {
        return None;
    }
    // a count after this trigger with another casualties trigger between counts that one
    // («قتل وأصيب 6 مدنيين»: the six are the wounded)
    if c.tokens.start > e.tokens.last()
        && at
            .within(e.tokens.end, c.tokens.start)
            .any(|k| toll(k) && events[k].tokens.last() < c.tokens.start && events[k].tokens.start > e.tokens.last())
    {
        return None;
    }
    if c.number.last() < e.tokens.start && c.tokens.last() >= e.tokens.start {
        // the count's qualifier after the trigger: «سقوط 20 ألف قتيل على الأقل»
        return Some((e.tokens.start - c.number.last(), 4));
    }
    if c.tokens.start > e.tokens.last() {
        // "ارتفعت حصيلة القتلى … إلى 149", "rose to 30": a toll may come further on
        let raised = c.tokens.start > 0 && inp.lex.words.contains(WordClass::TollPreposition, doc.word(c.tokens.start - 1));
        Some((c.tokens.start - e.tokens.last(), if raised { 10 } else { 5 }))
    } else if c.tokens.last() < e.tokens.start {
        // a count before the trigger may be its clause's subject ("أكثر من 100 مسلح … لقوا
        // مصرعهم") when it opens the clause and no other trigger stands between
        let clear =
            !at.within(c.tokens.end, e.tokens.start).any(|k| events[k].tokens.last() < e.tokens.start) && opens_clause(inp, c.tokens.start);
        Some((e.tokens.start - c.tokens.last(), if clear { 10 } else { 4 }))
    } else {
        None
    }
}

/// Each casualties trigger takes the nearest count that can be its toll.
fn attach_counts(inp: &EventInputs, events: &mut [EventMention]) {
    let doc = inp.doc;
    let mut durations = vec![false; doc.tokens().len() + 1];
    for t in crate::pipeline::stages::dates::duration_tokens(doc, inp.lex) {
        durations[t] = true;
    }
    let at = events_at(events);
    for ei in 0..events.len() {
        let e = &events[ei];
        // missing and abducted people are a toll without a count (GUIDELINES.md)
        if e.event_type.frame != Frame::Toll || super::is_missing(e) || doc.out_of_time() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for ci in inp.counts_at.within_in_order(e.tokens.start.saturating_sub(PLACE_REACH), e.tokens.last() + 11) {
            if let Some((d, limit)) = count_distance(inp, events, &at, &durations, e, ci)
                && d <= limit
                && best.is_none_or(|(_, bd)| d < bd)
            {
                best = Some((ci, d));
            }
        }
        if let Some((ci, _)) = best {
            let e = &mut events[ei];
            if e.subtype.as_deref() == Some("injured") {
                e.injured = Some(ci);
            } else {
                e.killed = Some(ci);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::lexicon::event_types::Frame;
    use crate::pipeline::model::Language::{self, Ar, En};
    use crate::pipeline::testing::through;

    /// The parties of the first meeting mention of `text`: each actor's and raw actor's text.
    fn meeting_parties(language: Language, text: &str) -> Vec<String> {
        let doc = through("event mentions", language, text);
        let Some(e) = doc.event_mentions.iter().find(|e| e.event_type.frame == Frame::Meeting) else {
            return Vec::new();
        };
        let mut parties: Vec<String> = e
            .actors
            .iter()
            .map(|&(_, mi)| {
                let m = &doc.mentions.all[mi];
                let (s, t) = doc.original(m.start, m.end);
                doc.text[s..t].to_string()
            })
            .collect();
        parties.extend(e.raw_actors.iter().map(|&(_, tokens)| {
            let (s, t) = doc.token_span(tokens);
            doc.text[s..t].to_string()
        }));
        parties
    }

    #[test]
    fn meeting_parties_come_from_phrases() {
        let cases: &[(Language, &str, &[&str])] = &[
            // a coordinated list brings every member
            (Ar, "وعقد وزراء خارجية تركيا وروسيا وإيران اجتماعا في أستانا.", &["تركيا", "روسيا", "إيران"]),
            (En, "Russia, China and France held talks in Vienna.", &["Russia", "China", "France"]),
            // a participation verb after the meeting noun introduces its parties
            (
                Ar,
                "وذلك قبل قمة إقليمية حول الأزمة يفترض أن يشارك فيها الرئيسان الأوغندي يويري موسيفيني والكيني أوهورو كيناتا.",
                &["الأوغندي", "الكيني"],
            ),
            (Ar, "والمحادثات في فيينا، مراجعة روتينية، تشارك فيها إيران وممثلين عن روسيا والصين.", &["إيران", "روسيا", "الصين"]),
            (En, "The summit, attended by Iran and representatives of Russia, ended.", &["Iran", "Russia"]),
            // the subject just before the verb, a title with its nationality
            (Ar, "الرئيس الشيشاني يجتمع بالملك سلمان في جدة", &["الرئيس الشيشاني"]),
            // the phrases that follow the trigger one after another: subject and counterpart,
            // possessor, apposition and host
            (Ar, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة.", &["سيرغي لافروف", "التركي"]),
            (Ar, "وأشادت الصحيفة بزيارة ولي العهد السعودي، الأمير محمد بن سلمان للكويت.", &["ولي العهد السعودي", "كويت"]),
            (En, "The talks with his Iranian counterpart, Javad Zarif, ended in Oman.", &["Iranian"]),
            (En, "The minister met his counterpart from Turkey in Ankara.", &["Turkey"]),
            // the place of one party is read past to the next («في الرياض ومع الحوثيين»)
            (Ar, "وأجرى الوزير اتصالات مع الرئيس اليمني في الرياض ومع الحوثيين في صنعاء.", &["اليمني", "الحوثيين"]),
            (En, "The envoy held talks with the Yemeni president in Riyadh and with the Houthis in Sanaa.", &["Yemeni", "Houthis"]),
            // the capital of a visit is its scene and names its host
            (Ar, "وكان المبعوث زار برلين الخميس للقاء نظرائه البريطاني والفرنسي.", &["برلين"]),
            (En, "The envoy visited Berlin on Thursday to meet his British counterpart.", &["Berlin"]),
            // the party that goes somewhere to take part, past the city gone to (whose name
            // stands for its government) and the time
            (Ar, "وقد أقلت طائرة عمانية وفدا من جماعة الحوثي وحلفائهم، إلى مسقط، أمس، للمشاركة في محادثات سياسية.", &["جماعة الحوثي"]),
            (En, "The Russian foreign minister flew to Geneva on Monday to attend the talks.", &["Russian"]),
            (Ar, "وتوجه وزير الخارجية الإيراني إلى جنيف لإجراء محادثات مع المبعوث الأممي.", &["الإيراني"]),
            (
                En,
                "They sent White House Counsel Neil Eggleston to Capitol Hill for a tense meeting with House Democrats.",
                &["White House"],
            ),
            // a visit told as the circumstance of an arrival is the arriving party's
            (Ar, "ووصل الرئيس التركي إلى الدوحة، في زيارة تستغرق يومين.", &["التركي"]),
            // a relative clause with a participation verb stands for the phrase before it
            (Ar, "وكان مقربا من وزير الخارجية الروسي سيرغي لافروف، الذي شارك في اجتماع ببرج ترامب الشهير.", &["سيرغي لافروف"]),
            (En, "He was close to Russian Foreign Minister Sergei Lavrov, who attended a meeting at Trump Tower.", &["Sergei Lavrov"]),
            // a party marker further on opens a list («مع كل من»; "with both"), names that begin
            // with the letter of a preposition included (بيرو، باراغواي)
            (
                Ar,
                "بدأ أمير قطر اليوم جولة في أمريكا الجنوبية لتعميق التعاون الثنائي مع كل من الإكوادور وبيرو وباراغواي والأرجنتين.",
                &["الإكوادور", "بيرو", "باراغواي", "الأرجنتين"],
            ),
            (En, "The emir began a tour of South America to deepen ties with both Ecuador and Peru.", &["Ecuador", "Peru"]),
            // a meeting with no party of its own takes the list its sentence opens with
            (Ar, "وأوفدت كل من تركيا وروسيا وإيران وزراء خارجيتها للإعداد لقمة للقادة في اسطنبول.", &["تركيا", "روسيا", "إيران"]),
            (En, "Turkey, Russia and Iran sent their ministers to prepare a summit in Istanbul.", &["Turkey", "Russia", "Iran"]),
            // a meeting in a speaker's own words is the speaker's
            (Ar, "وقال وزير الخارجية خالد حداد \"نجري مباحثات جيدة جدا في لندن\".", &["حداد"]),
            (En, "\"We held very good talks in London,\" Senator Tom Harlan said.", &["Tom Harlan"]),
        ];
        for (language, text, expected) in cases {
            let parties = meeting_parties(*language, text);
            for want in *expected {
                assert!(parties.iter().any(|p| p.contains(want)), "{text}: {want} not among {parties:?}");
            }
        }
    }

    /// The (role, text) of the actors of the first strike mention of `text`.
    fn strike_sides(language: Language, text: &str) -> Vec<(&'static str, String)> {
        let doc = through("event mentions", language, text);
        let Some(e) = doc.event_mentions.iter().find(|e| e.event_type.frame == Frame::Attack) else {
            return Vec::new();
        };
        e.actors
            .iter()
            .map(|&(role, mi)| {
                let m = &doc.mentions.all[mi];
                let (s, t) = doc.original(m.start, m.end);
                (role, doc.text[s..t].to_string())
            })
            .collect()
    }

    #[test]
    fn attackers_and_targets_from_the_clause() {
        type Case = (Language, &'static str, &'static [(&'static str, &'static str)]);
        let cases: &[Case] = &[
            // verb-initial: the subject after the verb attacks, the object after it is hit
            (Ar, "قصفت القوات الحكومية السورية مدينة دوما يوم الاثنين.", &[("attacker", "القوات الحكومية السورية")]),
            (Ar, "قصفت إسرائيل مواقع لحزب الله في سوريا.", &[("attacker", "إسرائيل"), ("target", "حزب الله")]),
            // subject before the verb, object after it
            (En, "Israeli jets struck Hezbollah positions in Syria.", &[("attacker", "Israeli"), ("target", "Hezbollah")]),
            // the agent of a passive: "at the hands of", "by"
            (Ar, "وذكر البيان أن الهجوم نفذ على يد أحد عناصر تنظيم الدولة الإسلامية.", &[("attacker", "الدولة الإسلامية")]),
            (En, "The raid carried out by Hezbollah fighters ended at dawn.", &[("attacker", "Hezbollah")]),
            // a party glued to ل after the trigger, with the target or the attack's verb after
            // it, owns the attack; without them it is the target («قصف لمواقع»)
            (Ar, "ويبدو أنه هجوم للحوثيين على الرياض.", &[("attacker", "حوثيين")]),
            (Ar, "20 غارة جوية للتحالف تدمر 17 هدفا في صعدة", &[("attacker", "تحالف")]),
            (En, "It appeared to be a Houthi attack on Riyadh.", &[("attacker", "Houthi")]),
            // a target marker that closes the trigger ("attacks against") makes a nationality
            // after it the target, not the attacker
            (En, "The attacks against American bases increased this week.", &[("target", "American")]),
            // the party after the preposition of a strike one undergoes attacks
            (Ar, "وما زالت المدينة تتعرض للقصف الجوي والبري من القوات التركية.", &[("attacker", "القوات التركية")]),
            (En, "The town came under heavy shelling from Houthi fighters on Monday.", &[("attacker", "Houthi")]),
            // a place joined to a located place is located too, no side
            (Ar, "وتشن الولايات المتحدة غارات على التنظيم في سوريا والعراق.", &[("attacker", "الولايات المتحدة")]),
            (En, "They want ground forces to fight the Islamic State in Syria and Iraq, saying airstrikes failed.", &[]),
        ];
        for (language, text, expected) in cases {
            let sides = strike_sides(*language, text);
            for (role, who) in *expected {
                assert!(sides.iter().any(|(r, t)| r == role && t.contains(who)), "{text}: {role} {who} not among {sides:?}");
            }
            // a place after the verb stays the scene, never a side
            let places = ["دوما", "سوريا", "Syria", "العراق", "Iraq"];
            assert!(!sides.iter().any(|(_, t)| places.iter().any(|p| t.contains(p))), "{text}: {sides:?}");
        }
    }

    #[test]
    fn the_dead_are_no_attackers() {
        // (text, the dead, named between the toll and the strike)
        let cases: &[(Language, &str, &str)] = &[
            (Ar, "وأعلن المرصد مقتل 3042 من داعش والنصرة جراء غارات التحالف في سوريا.", "داعش"),
            (Ar, "وقتل 20 من عناصر حزب الله في غارة إسرائيلية على القصير.", "حزب الله"),
            (En, "The deaths of 40 Hezbollah fighters in Israeli strikes were confirmed.", "Hezbollah"),
        ];
        for (language, text, dead) in cases {
            let sides = strike_sides(*language, text);
            assert!(!sides.iter().any(|(r, t)| *r == "attacker" && t.contains(dead)), "{text}: {sides:?}");
        }
    }

    #[test]
    fn parties_stay_in_their_phrase() {
        // a country named in another clause, with no conjunction to the parties, stays out
        let cases: &[(Language, &str, &str)] = &[
            (Ar, "التقى وزير الخارجية الأمريكي نظيره الإيراني في جنيف، بينما قصفت إسرائيل سوريا.", "سوريا"),
            (En, "Iran and Iraq met in Baghdad. Syria was shelled later.", "Syria"),
            // the capital talks take place in is their scene, not its country as a party
            (Ar, "وعقد المبعوث محادثات في برلين الخميس مع نظرائه البريطاني والفرنسي.", "برلين"),
            // the chain ends at anything but a comma, a determiner or a party link
            (Ar, "وصل الوفد الإيراني إلى فيينا للمشاركة في محادثات، وهاجمت إسرائيل سوريا.", "سوريا"),
            (En, "The talks in Vienna ended, and Israel struck Syria.", "Israel"),
        ];
        for (language, text, absent) in cases {
            let parties = meeting_parties(*language, text);
            assert!(!parties.iter().any(|p| p.contains(absent)), "{text}: {absent} among {parties:?}");
        }
    }
}
