//! Event coreference: mentions of the same happening merge into one cluster, and casualties
//! link to the strike that caused them.
//!
//! A mention joins the most recent cluster of its type that nothing sets apart from it (no
//! two times, precise places or counts that differ, no party attacking in one and attacked
//! in the other, no second cause) and that something ties it to (the same sentence, the
//! same precise place, the same cause, a definite anaphor, the headline's event continued
//! by the lede, for strikes the same attacker or target, for meetings a shared party). What each cluster's mentions say is kept
//! in a [`Summary`], so a mention is compared with a cluster in constant time.

use super::{
    EventCluster, EventInputs, EventMention, Response, after_cumulative_marker, is_definite, is_non_event, is_possessed, place_rank,
    sentence_tokens,
};
use crate::pipeline::doc::Document;
use crate::pipeline::lang::grammar;
use crate::pipeline::lexicon::Modality;
use crate::pipeline::lexicon::event_types::Frame;
use crate::pipeline::lexicon::gazetteer::{Gazetteer, PlacePrecision};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::stages::mentions::{Mention, MentionKind};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Marks a mention not yet given a cluster.
const UNASSIGNED: usize = usize::MAX;

/// What the mentions of one cluster say, gathered as they join.
#[derive(Debug, Default)]
struct Summary<'a> {
    /// Sentences of its mentions.
    sentences: HashSet<usize>,
    /// True when some of its mentions are responded to, or respond to another happening: a
    /// response and what it responds to are two happenings.
    responded_to: bool,
    responding: bool,
    /// The most specific precise place (city or region) of its mentions; the others
    /// contain it, since a place apart from it would have kept their mention out.
    precise_place: Option<&'a Mention>,
    /// The location of its first located mention.
    first_location: Option<&'a Mention>,
    /// The earliest end and the latest start of its mentions' time periods.
    earliest_end: Option<NaiveDate>,
    latest_start: Option<NaiveDate>,
    /// The killed and injured counts of its mentions (at most one value each).
    killed: Option<Option<u64>>,
    injured: Option<Option<u64>>,
    /// Entity keys of its attackers, targets and all its parties.
    attackers: HashSet<&'a str>,
    targets: HashSet<&'a str>,
    /// The countries its targets belong to (US forces and American bases are one side).
    target_countries: HashSet<&'a str>,
    parties: HashSet<&'a str>,
    /// The countries its parties belong to (Barack Obama and the United States are one side).
    party_countries: HashSet<&'a str>,
    /// The clusters of its mentions' causes (once those causes have a cluster).
    cause_clusters: HashSet<usize>,
    /// Entity keys of the named persons its tolls are the death or wounding of.
    victims: HashSet<&'a str>,
    /// True when some of its tolls are caused by fighting going on (a series), or by an
    /// attack with a toll of its own (an instance).
    series: bool,
    instance: bool,
    /// True when some of its mentions are the setting of the news (a tally since some
    /// time): such a toll is no victim group of today's strike.
    background: bool,
    /// True when some of its tolls are tallies over a period since some time.
    tally: bool,
    /// The subtypes of its mentions.
    subtypes: HashSet<Option<&'a str>>,
    /// True when some of its mentions are tolls of the missing or abducted, and of the
    /// killed or injured.
    abducted: bool,
    harmed: bool,
    /// The killed counts of the tolls its attacks cause, each attack's own.
    own_tolls: HashSet<u64>,
}

fn location_key<'a>(inp: &'a EventInputs, m: &EventMention) -> Option<&'a str> {
    m.location.map(|l| inp.mentions.all[l].key.as_str())
}

/// The location key when it is precise enough to identify a happening (a city or a
/// region, not a whole country).
fn precise_location<'a>(inp: &'a EventInputs, m: &EventMention) -> Option<&'a Mention> {
    m.location.filter(|_| !m.inherited).map(|l| &inp.mentions.all[l]).filter(|p| place_rank(inp.gazetteer, p) >= 2)
}

/// The first-level division a precise place lies in (`US/NY`), or its own key when it has
/// none: the second pass's candidates for one place.
fn division_key(gazetteer: &Gazetteer, p: &Mention) -> String {
    match p.kind {
        MentionKind::Place(i) => {
            let place = &gazetteer.places[i];
            match (place.country.as_deref(), place.admin1.as_deref()) {
                (Some(c), Some(a)) => format!("{c}/{a}"),
                _ => p.key.clone(),
            }
        }
        _ => p.key.clone(),
    }
}

/// True when the two places are one, one holds the other, or one is the country of the
/// other.
fn within_one_area(gazetteer: &Gazetteer, a: &Mention, b: &Mention) -> bool {
    let country_of = |m: &Mention| match m.kind {
        MentionKind::Place(p) if gazetteer.places[p].precision == PlacePrecision::Country => gazetteer.places[p].country.as_deref(),
        _ => None,
    };
    nested(gazetteer, a, b)
        || country_of(a).is_some_and(|c| b.country.as_deref() == Some(c))
        || country_of(b).is_some_and(|c| a.country.as_deref() == Some(c))
}

/// True when the two mentions name one place or one of them a region holding the other.
fn nested(gazetteer: &Gazetteer, a: &Mention, b: &Mention) -> bool {
    if a.key == b.key {
        return true;
    }
    match (&a.kind, &b.kind) {
        (MentionKind::Place(x), MentionKind::Place(y)) => gazetteer.holds(*x, *y) || gazetteer.holds(*y, *x),
        _ => false,
    }
}

/// The first and last day a mention's time covers, when it is resolved.
type Period = Option<(NaiveDate, NaiveDate)>;

/// The first and last day mention `m`'s time covers; a time after a cumulative marker
/// («منذ 23 سبتمبر 2014», "since March") opens a period that runs to the publication (or,
/// without one, to any later day): «غارات التحالف منذ 23 سبتمبر 2014» are the raids of today.
fn period_of(inp: &EventInputs, m: &EventMention) -> Period {
    let t = &inp.times[m.time?];
    let (start, end) = t.range()?;
    if after_cumulative_marker(inp, t) {
        Some((start, inp.doc.published.filter(|&p| p >= end).unwrap_or(NaiveDate::MAX)))
    } else {
        Some((start, end))
    }
}

fn count_value(inp: &EventInputs, c: Option<usize>) -> Option<Option<u64>> {
    c.map(|i| inp.counts[i].value)
}

/// True when a word beside count `c` makes its victims a group besides one already counted
/// («خمسة جنود آخرين», "another five").
fn counts_others(inp: &EventInputs, c: usize) -> bool {
    let doc = inp.doc;
    let count = &inp.counts[c];
    let n = doc.tokens().len();
    (count.number.start.saturating_sub(1)..(count.number.end + OTHER_MARKER_REACH).min(n))
        .any(|k| inp.lex.words.contains(WordClass::OtherMarker, doc.word(k)))
}

/// How many words after a count's number an other-marker may stand («خمسة جنود آخرين»).
const OTHER_MARKER_REACH: usize = 3;

/// The countries `m`'s actors belong to.
fn party_countries<'a>(inp: &'a EventInputs, m: &'a EventMention) -> impl Iterator<Item = &'a str> + 'a {
    m.actors.iter().filter_map(|&(_, a)| inp.mentions.all[a].country.as_deref())
}

/// The countries of `m`'s actors in `role`.
fn actor_countries<'a>(inp: &'a EventInputs, m: &'a EventMention, role: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    m.actors.iter().filter(move |(r, _)| *r == role).filter_map(|&(_, a)| inp.mentions.all[a].country.as_deref())
}

fn actor_keys<'a>(inp: &'a EventInputs, m: &'a EventMention, role: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    m.actors.iter().filter(move |(r, _)| role.is_empty() || *r == role).map(|&(_, a)| inp.mentions.all[a].key.as_str())
}

impl<'a> Summary<'a> {
    /// Takes in what mention `m` says.
    fn add(&mut self, inp: &'a EventInputs, m: &'a EventMention, period: Period, victim: Option<&'a str>, role: SeriesRole) {
        self.sentences.insert(m.sentence);
        self.series |= role == SeriesRole::Series;
        self.instance |= role == SeriesRole::Instance;
        self.background |= m.background;
        self.tally |= m.tally && m.event_type.frame == Frame::Toll;
        if m.event_type.frame == Frame::Toll {
            let abducted = super::is_missing(m);
            self.abducted |= abducted;
            self.harmed |= !abducted;
        }
        self.responded_to |= m.response == Response::RespondedTo;
        self.responding |= m.response == Response::Responding;
        if let Some(p) = precise_location(inp, m)
            && self.precise_place.is_none_or(|q| place_rank(inp.gazetteer, p) > place_rank(inp.gazetteer, q))
        {
            self.precise_place = Some(p);
        }
        self.first_location = self.first_location.or(m.location.map(|l| &inp.mentions.all[l]));
        if let Some((start, end)) = period {
            self.earliest_end = Some(self.earliest_end.map_or(end, |e| e.min(end)));
            self.latest_start = Some(self.latest_start.map_or(start, |s| s.max(start)));
        }
        self.killed = self.killed.or(count_value(inp, m.killed));
        self.injured = self.injured.or(count_value(inp, m.injured));
        self.attackers.extend(actor_keys(inp, m, "attacker"));
        self.targets.extend(actor_keys(inp, m, "target"));
        self.target_countries.extend(actor_countries(inp, m, "target"));
        self.parties.extend(actor_keys(inp, m, ""));
        self.party_countries.extend(party_countries(inp, m));
        self.victims.extend(victim);
    }

    /// True when nothing says that `m` and the cluster's mentions are different happenings:
    /// no two times, precise places or counts that differ, no party that attacks in one and
    /// is attacked in the other, and no response beside what it responds to. Tolls of one
    /// causing strike may count differently: they are its victim groups (GUIDELINES.md:
    /// "17 soldiers and 9 attackers were killed" is one casualties event).
    fn compatible(&self, inp: &EventInputs, m: &EventMention, period: Period, one_cause: bool) -> bool {
        if let Some((start, end)) = period {
            let days = m.event_type.days_apart;
            let apart = self.earliest_end.is_some_and(|e| (start - e).num_days() > days)
                || self.latest_start.is_some_and(|s| (s - end).num_days() > days);
            if apart {
                return false;
            }
        }
        // the abducted and the killed are two tolls («خطفت جبهة النصرة ثمانية عناصر» and
        // «مقتل 19 مواطنا جراء غارات»)
        if m.event_type.frame == Frame::Toll && (if super::is_missing(m) { self.harmed } else { self.abducted }) {
            return false;
        }
        let across_response = match m.response {
            Response::RespondedTo => self.responding,
            Response::Responding => self.responded_to,
            Response::None => false,
        };
        if across_response {
            return false;
        }
        if let (Some(x), Some(y)) = (self.precise_place, precise_location(inp, m))
            && !nested(inp.gazetteer, x, y)
        {
            return false;
        }
        for (mine, theirs) in [(self.killed, count_value(inp, m.killed)), (self.injured, count_value(inp, m.injured))] {
            if let (Some(x), Some(y)) = (mine, theirs)
                && x != y
                && !one_cause
                && !(m.tally && self.tally)
            {
                return false;
            }
        }
        let inverted = actor_keys(inp, m, "target").any(|k| self.attackers.contains(k))
            || actor_keys(inp, m, "attacker").any(|k| self.targets.contains(k));
        !inverted
    }
}

/// The clusters being built and what ties mentions to them.
struct Clustering<'a> {
    clusters: Vec<EventCluster>,
    summaries: Vec<Summary<'a>>,
    /// The cluster of each mention (`UNASSIGNED` until it is placed).
    cluster_of: Vec<usize>,
    /// The strike that caused each casualties mention.
    causes: Vec<Option<usize>>,
    /// Per mention: clusters waiting to learn its cluster (it causes some of their mentions).
    waiting_on: Vec<Vec<usize>>,
    /// How many clusters of each event type (by id) with a mention of each subtype report
    /// a happening (not negated or hypothetical).
    clusters_of_type: HashMap<(u16, Option<&'a str>), usize>,
    /// Per mention, read once: the victim a toll names ([`victim_of`]), and whether its
    /// count is of other victims than one already counted ([`counts_others`]).
    victims: Vec<Option<Option<&'a str>>>,
    counts_others: Vec<bool>,
    /// Per mention: whether it names fighting going on or an attack with a toll of its own.
    series_roles: Vec<SeriesRole>,
    /// Per mention, read once: the days its time covers ([`period_of`]).
    periods: Vec<Period>,
    /// Per attack mention: the killed count of a toll it causes ([`own_tolls`]).
    own_tolls: Vec<Option<u64>>,
    /// The first mention starting at each token (for [`EventMention::continues`]).
    first_at: HashMap<usize, usize>,
    /// The clusters of meetings the article says did not take place, in order.
    cancelled_meetings: Vec<usize>,
}

impl<'a> Clustering<'a> {
    /// The cluster of mention `x`'s cause's cluster, once placed.
    fn cause_cluster(&self, i: usize) -> Option<usize> {
        self.causes[i].map(|x| self.cluster_of[x]).filter(|&c| c != UNASSIGNED)
    }

    /// True when something ties mention `i` to cluster `c`.
    fn linked(&self, inp: &EventInputs, mentions: &[EventMention], c: usize, i: usize) -> bool {
        let doc = inp.doc;
        let (m, t, summary) = (&mentions[i], &mentions[self.clusters[c].trigger], &self.summaries[c]);
        // the headline's event is the one the lede (the first sentence after it) reports
        let headline = headline_and_lede(doc, t, m);
        let own_place = m.location.is_some() && !m.inherited;
        // «مقتل المحتج» (the killing of the protester): a toll definite by its victim; one
        // naming a person refers back only to that person's death («مقتل المحامي سيرغي
        // ماغنيتسكي» is not the killing the headline reports)
        let victim = self.victims[i];
        let known_victim = victim.is_some_and(|v| v.is_none_or(|key| summary.victims.contains(key)));
        let definite = (is_definite(doc, &inp.lex.words, m) && victim.flatten().is_none()) || known_victim;
        let anaphor = !own_place && m.actors.is_empty() && definite;
        let same_place = matches!((precise_location(inp, m), summary.precise_place), (Some(a), Some(b)) if nested(inp.gazetteer, a, b));
        if m.event_type.frame == Frame::Meeting {
            // (or a visit in a country's city and a meeting with that country: «وصل الوفد إلى
            // أديس أبابا في زيارة» and «زيارة أوباما لإثيوبيا»)
            let hosted = precise_location(inp, m).and_then(|p| p.country.as_deref()).is_some_and(|c| summary.party_countries.contains(c))
                || summary.precise_place.and_then(|p| p.country.as_deref()).is_some_and(|c| party_countries(inp, m).any(|x| x == c));
            let shared_party = actor_keys(inp, m, "").any(|k| summary.parties.contains(k))
                || party_countries(inp, m).any(|c| summary.party_countries.contains(c))
                || hosted;
            // (a country and its city are one place: «محادثات في مسقط» and «المحادثات التي تجرى
            // في سلطنة عمان»)
            let place = m.location.map(|l| &inp.mentions.all[l]);
            let conflicting_place = matches!((place, summary.first_location), (Some(a), Some(b)) if !within_one_area(inp.gazetteer, a, b));
            // «المحادثات», «القمة», "the talks": a definite meeting noun is the meeting already
            // reported, whoever it names, unless it stands somewhere else; a possessed one
            // naming parties of its own is the possessor's own meeting with them («نتائج
            // اتصالاته مع الرئيس اليمني»), tied to another only by a shared party
            let own_meeting = m.event_type.frame == Frame::Meeting && !m.actors.is_empty() && is_possessed(doc, &inp.lex.words, m);
            let anaphoric = definite && !conflicting_place && !own_meeting;
            return same_place || (shared_party && !conflicting_place) || anaphoric;
        }
        let same_sentence = summary.sentences.contains(&m.sentence);
        let same_cause = m.event_type.frame == Frame::Toll && self.cause_cluster(i).is_some_and(|x| summary.cause_clusters.contains(&x));
        // the same attacker, or the same target: one side of the same attacks
        // (a definite mention refers back to the attacks on a country's people or bases:
        // «الهجمات ضد القواعد العسكرية الأمريكية» after «الهجمات على القوات الأمريكية»)
        let shared_side = actor_keys(inp, m, "attacker").any(|k| summary.attackers.contains(k))
            || actor_keys(inp, m, "target").any(|k| summary.targets.contains(k))
            || definite && actor_countries(inp, m, "target").any(|k| summary.target_countries.contains(k));
        // an article that reports one attack of a kind so far: a mention that says nothing of
        // where, when, who or how many is that attack («وأتى إطلاق النار خلال الاحتفال»,
        // «أن شخصا مجهولا أطلق النار على المحتفلين»)
        // (of its subtype: a bombing and a shelling reported besides leave one airstrike)
        let only_one = self.clusters_of_type.get(&(m.event_type.id, m.subtype.as_deref())).is_some_and(|&n| n == 1);
        let bare =
            precise_location(inp, m).is_none() && m.time.is_none() && m.actors.is_empty() && m.killed.is_none() && m.injured.is_none();
        // (not an attack that is only the one another responds to: «ردا على هجوم الأحواز»)
        let reported = !summary.responded_to || m.response == Response::RespondedTo;
        let sole_attack =
            m.event_type.frame == Frame::Attack && only_one && bare && reported && summary.subtypes.contains(&m.subtype.as_deref());
        // one toll reported twice: «قتل 14 جنديا أفغانيا» in the lede and in a witness's words
        // (not «خمسة جنود آخرين», five other soldiers: a second group of the same size)
        let same_toll = m.event_type.frame == Frame::Toll
            && !self.counts_others[i]
            && [(summary.killed, count_value(inp, m.killed)), (summary.injured, count_value(inp, m.injured))].into_iter().any(
                |(x, y)| matches!((x, y), (Some(Some(a)), Some(Some(b))) if a == b && m.event_type.telling_toll.is_some_and(|t| a >= t)),
            );
        // «أفشلت هجوما بحريا باتجاه قرية القطابا» then «معارك عنيفة استمرت لساعات»: a strike
        // continuing the scene of the sentence before's strike goes on with it
        let continued = m.time.is_none()
            && m.actors.is_empty()
            && self.series_roles[i] == SeriesRole::Series
            && m.continues.and_then(|k| self.first_at.get(&k)).is_some_and(|&j| self.cluster_of[j] == c);
        // «400 ألف شخص قتلوا منذ بدء الانتفاضة» and «أكثر من نصف مليون قتيل في سوريا منذ اندلاع
        // الحرب»: tallies since some time, of one place or where one names none, are one
        // toll counted by two sources
        let place = m.location.map(|l| &inp.mentions.all[l]);
        let same_tally = m.event_type.frame == Frame::Toll
            && m.tally
            && summary.tally
            && !matches!((place, summary.first_location), (Some(a), Some(b)) if !within_one_area(inp.gazetteer, a, b));
        headline
            || anaphor
            || same_place
            || same_tally
            || same_sentence
            || same_cause
            || shared_side
            || sole_attack
            || same_toll
            || continued
    }

    /// True when mention `i` may join cluster `c`.
    fn joins(&self, inp: &EventInputs, mentions: &[EventMention], c: usize, i: usize) -> bool {
        let (m, t) = (&mentions[i], &mentions[self.clusters[c].trigger]);
        // casualties of two different strikes are two tolls
        let other_cause = self.cause_cluster(i).is_some_and(|x| self.summaries[c].cause_clusters.iter().any(|&y| y != x));
        // (the toll of fighting going on and the toll of an attack inside it are two tolls,
        // even once the attack has joined the fighting: «مقتل 10 جنود خلال قتال» and «خمسة
        // جنود قتلوا عندما تعرضوا لهجوم»)
        let summary = &self.summaries[c];
        let series_and_instance = match self.causes[i].map(|j| self.series_roles[j]) {
            Some(SeriesRole::Series) => summary.instance,
            Some(SeriesRole::Instance) => summary.series,
            _ => false,
        };
        // (nor is a tally since some time one of today's victim groups: «مقتل ستة مدنيين …
        // لترتفع حصيلة القتلى منذ بدء الهجوم إلى 149»)
        let setting = m.background || summary.background;
        let one_cause = !series_and_instance && !setting && self.cause_cluster(i).is_some_and(|x| summary.cause_clusters.contains(&x));
        // «مقتل 19 مواطنا جراء غارات جوية على مناطق في محافظة ادلب» and «وقتل طفلان في غارة
        // على مدينة معرة النعمان»: an attack with a toll of its own, placed (by its own words
        // or its phrase's) elsewhere than the cluster's precise place, with a count the
        // cluster's attacks do not have, is one of its parts
        let part = self.own_tolls[i].is_some_and(|v| !summary.own_tolls.is_empty() && !summary.own_tolls.contains(&v))
            && matches!((location_key(inp, m), summary.precise_place), (Some(a), Some(b)) if a != b.key);
        // ("yet another terrorist attack" in the lede is the headline's attack: another than
        // earlier ones, not than the headline's)
        t.event_type.id == m.event_type.id
            && !is_non_event(t.modality)
            && (!m.distinct || headline_and_lede(inp.doc, t, m))
            && self.summaries[c].compatible(inp, m, self.periods[i], one_cause)
            && !other_cause
            && !part
            && self.linked(inp, mentions, c, i)
    }

    /// True when meeting noun `i` refers back to the meeting of cluster `c` that the article
    /// says did not take place: definite, with no time or place of its own, and tied to it
    /// («لم تنعقد قمة ترامب-كيم» … «للإشادة بالمفاوضات بين ترامب وكيم»).
    fn refers_to_cancelled(&self, inp: &EventInputs, mentions: &[EventMention], c: usize, i: usize) -> bool {
        let (m, t) = (&mentions[i], &mentions[self.clusters[c].trigger]);
        m.event_type.frame == Frame::Meeting
            && t.event_type.id == m.event_type.id
            && t.modality == Modality::Negated
            && !m.verb
            && m.time.is_none()
            && (m.location.is_none() || m.inherited)
            && is_definite(inp.doc, &inp.lex.words, m)
            && self.linked(inp, mentions, c, i)
    }

    /// Puts mention `i` into cluster `c`.
    fn place(&mut self, inp: &'a EventInputs, mentions: &'a [EventMention], c: usize, i: usize) {
        let m = &mentions[i];
        self.clusters[c].mentions.push(i);
        self.cluster_of[i] = c;
        let cause_role = self.causes[i].map_or(SeriesRole::Neither, |j| self.series_roles[j]);
        self.summaries[c].add(inp, m, self.periods[i], self.victims[i].flatten(), cause_role);
        // (a cluster counts once for each subtype its mentions have)
        let reports = !is_non_event(mentions[self.clusters[c].trigger].modality);
        if self.summaries[c].subtypes.insert(m.subtype.as_deref()) && reports {
            *self.clusters_of_type.entry((m.event_type.id, m.subtype.as_deref())).or_default() += 1;
        }
        if let Some(v) = self.own_tolls[i] {
            self.summaries[c].own_tolls.insert(v);
        }
        match self.causes[i] {
            Some(x) if self.cluster_of[x] != UNASSIGNED => {
                let x = self.cluster_of[x];
                self.summaries[c].cause_clusters.insert(x);
            }
            Some(x) => self.waiting_on[x].push(c),
            None => {}
        }
        for w in std::mem::take(&mut self.waiting_on[i]) {
            self.summaries[w].cause_clusters.insert(c);
        }
        let t = &mentions[self.clusters[c].trigger];
        if m.weight > t.weight || (m.weight == t.weight && t.location.is_none() && m.location.is_some()) {
            self.clusters[c].trigger = i;
        }
    }

    /// Starts a new cluster with mention `i`.
    fn open(&mut self, inp: &'a EventInputs, mentions: &'a [EventMention], i: usize) {
        self.clusters.push(EventCluster { mentions: Vec::new(), trigger: i, cause: None });
        if mentions[i].event_type.frame == Frame::Meeting && mentions[i].modality == Modality::Negated {
            self.cancelled_meetings.push(self.clusters.len() - 1);
        }
        self.summaries.push(Summary::default());
        self.place(inp, mentions, self.clusters.len() - 1, i);
    }
}

/// The strike that caused each casualties mention (the nearest one of its sentence); a
/// casualties mention without a place takes its cause's.
fn find_causes(inp: &EventInputs, mentions: &mut [EventMention]) -> Vec<Option<usize>> {
    let mut strikes_in: Vec<Vec<usize>> = vec![Vec::new(); inp.doc.seg.sentences.len()];
    for (j, m) in mentions.iter().enumerate() {
        if m.event_type.causes_casualties && !is_non_event(m.modality) {
            strikes_in[m.sentence].push(j);
        }
    }
    let mut causes = vec![None; mentions.len()];
    for i in 0..mentions.len() {
        if mentions[i].event_type.frame != Frame::Toll {
            continue;
        }
        let strikes = &strikes_in[mentions[i].sentence];
        // strikes are in text order: the nearest lie around the insertion point
        let at = strikes.partition_point(|&j| mentions[j].tokens.start < mentions[i].tokens.start);
        let cause = strikes[at.saturating_sub(2)..(at + 2).min(strikes.len())]
            .iter()
            .copied()
            .min_by_key(|&j| mentions[j].tokens.start.abs_diff(mentions[i].tokens.start));
        causes[i] = cause;
        if let Some(j) = cause
            && mentions[i].location.is_none()
        {
            mentions[i].location = mentions[j].location;
            mentions[i].inherited = true;
        }
    }
    causes
}

/// Merges mentions of the same happening and links casualties to their cause.
pub(super) fn cluster(inp: &EventInputs, mentions: &mut [EventMention]) -> Vec<EventCluster> {
    let causes = find_causes(inp, mentions);
    let mentions: &[EventMention] = mentions;
    let series_roles = series_roles(inp, mentions, &causes);
    let own_tolls = own_tolls(inp, mentions, &causes);
    let n = mentions.len();
    let mut state = Clustering {
        clusters: Vec::new(),
        summaries: Vec::new(),
        cluster_of: vec![UNASSIGNED; n],
        causes,
        waiting_on: vec![Vec::new(); n],
        clusters_of_type: HashMap::new(),
        victims: mentions.iter().map(|m| if m.event_type.frame == Frame::Toll { victim_of(inp, m) } else { None }).collect(),
        counts_others: mentions.iter().map(|m| [m.killed, m.injured].into_iter().flatten().any(|c| counts_others(inp, c))).collect(),
        own_tolls,
        first_at: mentions.iter().enumerate().rev().map(|(i, m)| (m.tokens.start, i)).collect(),
        cancelled_meetings: Vec::new(),
        series_roles,
        periods: mentions.iter().map(|m| period_of(inp, m)).collect(),
    };
    for i in 0..n {
        if inp.doc.out_of_time() {
            break;
        }
        let found = if is_non_event(mentions[i].modality) {
            None
        } else {
            (0..state.clusters.len()).rev().find(|&c| state.joins(inp, mentions, c, i))
        };
        // (the latest few only: the search stays linear however many meetings are cancelled)
        let cancelled = || {
            state
                .cancelled_meetings
                .iter()
                .rev()
                .take(MAX_JOIN_CANDIDATES)
                .copied()
                .find(|&c| state.refers_to_cancelled(inp, mentions, c, i))
        };
        match found {
            Some(c) => state.place(inp, mentions, c, i),
            None => match (found.is_none() && !is_non_event(mentions[i].modality)).then(cancelled).flatten() {
                // (it stays out of the summary and leaves the trigger: the event is not held)
                Some(c) => {
                    state.clusters[c].mentions.push(i);
                    state.cluster_of[i] = c;
                }
                None => state.open(inp, mentions, i),
            },
        }
    }
    join_split_clusters(inp, mentions, &mut state);
    let Clustering { mut clusters, cluster_of, causes, .. } = state;
    for (i, cause) in causes.iter().enumerate() {
        let (Some(j), ci) = (*cause, cluster_of[i]) else { continue };
        if ci != UNASSIGNED && cluster_of[j] != UNASSIGNED && clusters[ci].cause.is_none() {
            clusters[ci].cause = Some(cluster_of[j]);
        }
    }
    clusters
}

/// Whether an attack mention names fighting going on, or is an attack with a toll of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SeriesRole {
    Series,
    Instance,
    Neither,
}

/// The series role of each mention: a noun of fighting going on (`series_nouns`: قتال،
/// معارك; fighting) is a series; another attack that a toll with a count names as its cause
/// is an instance.
fn series_roles(inp: &EventInputs, mentions: &[EventMention], causes: &[Option<usize>]) -> Vec<SeriesRole> {
    let words = &inp.lex.words;
    let mut counted = vec![false; mentions.len()];
    for (i, cause) in causes.iter().enumerate() {
        if let Some(j) = *cause
            && (mentions[i].killed.is_some() || mentions[i].injured.is_some())
        {
            counted[j] = true;
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if m.event_type.frame != Frame::Attack {
                return SeriesRole::Neither;
            }
            // (the head noun: the first word in Arabic, «معارك عنيفة»; the last in English,
            // "heavy fighting")
            let head = if grammar(inp.doc.language).construct_state() { m.tokens.start } else { m.tokens.last() };
            let series = !m.verb && words.contains_past_prefix(WordClass::SeriesNoun, WordClass::PrepositionProclitic, inp.doc.word(head));
            match (series, counted[i]) {
                (true, _) => SeriesRole::Series,
                (false, true) => SeriesRole::Instance,
                (false, false) => SeriesRole::Neither,
            }
        })
        .collect()
}

/// Per attack mention, the killed count of the first toll that names it as its cause
/// («وقتل طفلان شقيقان في غارة على مدينة معرة النعمان»: 2).
fn own_tolls(inp: &EventInputs, mentions: &[EventMention], causes: &[Option<usize>]) -> Vec<Option<u64>> {
    let mut out = vec![None; mentions.len()];
    for (i, cause) in causes.iter().enumerate() {
        if let Some(j) = *cause
            && out[j].is_none()
        {
            out[j] = count_value(inp, mentions[i].killed).flatten();
        }
    }
    out
}

/// What the second pass joins clusters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JoinKey {
    /// The same precise place.
    Place,
    /// For tolls, the same causing strike.
    Cause,
    /// For responses, the same happening they respond to.
    Answered,
}

/// Most earlier clusters a cluster is compared with for one key.
const MAX_JOIN_CANDIDATES: usize = 4;

/// The second pass: clusters that the first pass opened apart because their tie came later
/// join when nothing sets them apart — the same precise place stated by both («القصف على
/// البوكمال» in the lede and «القصف … في البوكمال» where a nearer strike took the attacker),
/// or for casualties the same causing strike («الأشخاص قتلوا خلال إحدى الغارات» before the
/// raid is named). Candidates are found by key, so the pass is linear in the clusters.
fn join_split_clusters<'a>(inp: &'a EventInputs, mentions: &'a [EventMention], state: &mut Clustering<'a>) {
    let n = state.clusters.len();
    let mut root: Vec<usize> = (0..n).collect();
    let find = |root: &[usize], mut c: usize| {
        while root[c] != c {
            c = root[c];
        }
        c
    };
    // the happening responded to in each sentence («ردا على هجوم الأحواز»): its cluster, or
    // UNASSIGNED where a sentence answers several (one entry per sentence keeps it linear)
    let mut answered_in: HashMap<usize, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let c = state.cluster_of[i];
        if m.response == Response::RespondedTo && c != UNASSIGNED {
            answered_in.entry(m.sentence).and_modify(|x| *x = if *x == c { c } else { UNASSIGNED }).or_insert(c);
        }
    }
    // first the shared places, then the shared causes (whose clusters the first may join),
    // then the happening two responses answer
    for key_kind in [JoinKey::Place, JoinKey::Cause, JoinKey::Answered] {
        let by_cause = key_kind == JoinKey::Cause;
        let mut candidates: std::collections::HashMap<(u16, String), Vec<usize>> = std::collections::HashMap::new();
        for c in 0..n {
            let trigger = &mentions[state.clusters[c].trigger];
            if is_non_event(trigger.modality) || root[c] != c {
                continue;
            }
            let one_of =
                |clusters: HashSet<usize>| (clusters.len() == 1).then(|| clusters.into_iter().next().map(|x| x.to_string())).flatten();
            let key = match key_kind {
                // (by division, so that a metropolis meets its district: New York and Chelsea)
                JoinKey::Place => state.summaries[c].precise_place.map(|p| division_key(inp.gazetteer, p)),
                JoinKey::Cause if trigger.event_type.frame == Frame::Toll => {
                    one_of(state.summaries[c].cause_clusters.iter().map(|&x| find(&root, x)).collect())
                }
                JoinKey::Cause => None,
                // «ضربة صاروخية نفذتها في سوريا، ردا على هجوم الأحواز» and «شن الحرس الثوري هجوما
                // صاروخيا … ردا على هجوم الأحواز»: two responses to one happening are one
                JoinKey::Answered => one_of(
                    state.clusters[c]
                        .mentions
                        .iter()
                        .filter(|&&i| mentions[i].response == Response::Responding)
                        .filter_map(|&i| answered_in.get(&mentions[i].sentence).copied())
                        .filter(|&x| x != UNASSIGNED)
                        .map(|x| find(&root, x))
                        .collect(),
                ),
            };
            let Some(key) = key else { continue };
            let list = candidates.entry((trigger.event_type.id, key)).or_default();
            let target = list.iter().copied().take(MAX_JOIN_CANDIDATES).find(|&d| {
                let d = find(&root, d);
                // (tolls of one cause are its victim groups, unless one is of fighting going on
                // and the other of an attack inside it, or one is the setting of the news)
                let (x, y) = (&state.summaries[c], &state.summaries[d]);
                let series_and_instance = (x.series && y.instance) || (x.instance && y.series);
                let victim_groups = by_cause && !series_and_instance && !x.background && !y.background;
                let same_place = match (x.precise_place, y.precise_place) {
                    (Some(a), Some(b)) => nested(inp.gazetteer, a, b),
                    _ => key_kind != JoinKey::Place,
                };
                // (raids and one of their parts, each with its own toll, stay two: see `joins`)
                let parts = !x.own_tolls.is_empty()
                    && !y.own_tolls.is_empty()
                    && x.own_tolls.is_disjoint(&y.own_tolls)
                    && matches!((x.precise_place, y.precise_place), (Some(a), Some(b)) if a.key != b.key);
                same_place
                    && !parts
                    && state.clusters[c].mentions.iter().all(|&i| {
                        state.summaries[d].compatible(inp, &mentions[i], state.periods[i], victim_groups) && !mentions[i].distinct
                    })
            });
            match target {
                Some(d) => {
                    let d = find(&root, d);
                    root[c] = d;
                    for i in std::mem::take(&mut state.clusters[c].mentions) {
                        state.place(inp, mentions, d, i);
                    }
                }
                None => list.push(c),
            }
        }
    }
    // the joined clusters are emptied: drop them, renumbering the mentions' clusters
    let mut new_index = vec![UNASSIGNED; n];
    let mut kept = Vec::new();
    for (c, cluster) in std::mem::take(&mut state.clusters).into_iter().enumerate() {
        if !cluster.mentions.is_empty() {
            new_index[c] = kept.len();
            kept.push(cluster);
        }
    }
    for cluster in &mut kept {
        cluster.mentions.sort_unstable();
    }
    for c in state.cluster_of.iter_mut().filter(|c| **c != UNASSIGNED) {
        *c = new_index[*c];
    }
    state.clusters = kept;
}

/// Marks as background the clusters that only refer to a happening the article does not
/// report: every mention definite ("the attack", القتل، هذا الهجوم) and none saying where,
/// when, who or how many. A cause link anchors a cluster only when the cluster at its other
/// end is anchored: "الضرب والاعتداء الجنسي والوعيد بالقتل" names kinds of acts, and the
/// killing there caused by the assault does not make either of them news. Such a mention
/// points at a happening known from elsewhere — the setting of the news (GUIDELINES.md,
/// "Background mentions") — or names a kind of act ("القتل والاختطاف").
pub(super) fn mark_unanchored_as_background(inp: &EventInputs, clusters: &[EventCluster], mentions: &mut [EventMention]) {
    // «اغتيال الرئيس رفيق الحريري»: a happening known by its victim is the setting of the
    // news unless the text gives it a time or a toll
    let known_by_victim = |m: &EventMention| m.time.is_none() && m.killed.is_none() && m.injured.is_none() && names_its_victim(inp, m);
    // «أبلغت السفارة الهندية في نيروبي بهذا الهجوم»: in a language that reports the scene
    // after the event, a place or an actor before a trigger with a demonstrative (a
    // determiner) belongs to the words before it, unless it opens the sentence
    let scene_after = grammar(inp.doc.language).place_before_trigger_factor() > 1;
    let own = |m: &EventMention, mi: usize| {
        let at = inp.mentions.all[mi].tokens.start;
        !scene_after || !after_determiner(inp, m) || at > m.tokens.start || at <= sentence_tokens(inp.doc, m.sentence).start + 1
    };
    let placed = |m: &EventMention| m.location.is_some_and(|l| own(m, l));
    let has_actors = |m: &EventMention| m.actors.iter().any(|&(_, a)| own(m, a));
    let unanchored_mention = |m: &EventMention| {
        known_by_victim(m)
            || !placed(m)
                && !has_actors(m)
                && m.raw_actors.is_empty()
                && m.time.is_none()
                && m.killed.is_none()
                && m.injured.is_none()
                && is_definite(inp.doc, &inp.lex.words, m)
    };
    // «مقاعد شاغرة باغتيال النائبين», "fears of attacks": an attack or a toll told only by
    // its noun, with no time of its own, no toll and no verb reporting it as a happening
    // (وقع، نفذ، تعرض ل; took place, carried out), names a happening known from elsewhere
    // or a kind of act
    let named_only = |m: &EventMention| {
        matches!(m.event_type.frame, Frame::Attack | Frame::Toll)
            && !m.verb
            && !has_own_time(inp, m)
            && m.killed.is_none()
            && m.injured.is_none()
            && !reported_as_happening(inp, m)
    };
    let unanchored: Vec<bool> =
        clusters.iter().map(|c| c.mentions.iter().all(|&m| unanchored_mention(&mentions[m]) || named_only(&mentions[m]))).collect();
    let mut anchored_by_link = vec![false; clusters.len()];
    for (ci, c) in clusters.iter().enumerate() {
        if let Some(x) = c.cause
            && x < clusters.len()
            && !(unanchored[ci] && unanchored[x])
        {
            anchored_by_link[ci] = true;
            anchored_by_link[x] = true;
        }
    }
    for (ci, c) in clusters.iter().enumerate() {
        if unanchored[ci] && !anchored_by_link[ci] {
            for &m in &c.mentions {
                mentions[m].background = true;
            }
        }
    }
}

/// True when an occurrence verb stands a few words before noun trigger `m`, in it or a few
/// words after it, in its sentence («نفذ مسلحون هجوما», «سيارة مفخخة انفجرت», "an attack took place").
fn reported_as_happening(inp: &EventInputs, m: &EventMention) -> bool {
    let doc = inp.doc;
    let words = &inp.lex.words;
    let sentence = sentence_tokens(doc, m.sentence);
    let first = m.tokens.start.saturating_sub(OCCURRENCE_BEFORE).max(sentence.start);
    // (its own words too: a phrase trigger may hold its verb, «شنت ضربات», "carried out an attack")
    (first..(m.tokens.end + OCCURRENCE_AFTER).min(sentence.end))
        .any(|k| words.contains_past_prefix(WordClass::OccurrenceVerb, WordClass::ConjunctionPrefix, doc.word(k)))
}

/// True when noun trigger `m` has a time that stands beside it: a few words after it or
/// right before it («اغتيال المحافظ في كركوك أمس»), not one of another clause of its sentence
/// («تجرى غدا انتخابات لملء مقعدين شغرا باغتيال النائبين»).
pub(super) fn has_own_time(inp: &EventInputs, m: &EventMention) -> bool {
    m.time.is_some_and(|t| {
        let time = &inp.times[t].tokens;
        (time.start >= m.tokens.end && time.start < m.tokens.end + OWN_TIME_AFTER)
            || (time.end <= m.tokens.start && time.end + OWN_TIME_BEFORE >= m.tokens.start)
    })
}

/// How many words after a noun trigger, and before it, its own time may stand.
const OWN_TIME_AFTER: usize = 6;
const OWN_TIME_BEFORE: usize = 2;

/// How many words before a noun trigger an occurrence verb may stand («نفذ مسلحون مجهولون
/// هجوما»), and after it («سيارة مفخخة انفجرت قرب»).
const OCCURRENCE_BEFORE: usize = 4;
const OCCURRENCE_AFTER: usize = 4;

/// True when a determiner stands right before trigger `m`, a preposition glued to it or
/// not: in Arabic a demonstrative («هذا الهجوم», «بهذا الهجوم»), in English also "the".
fn after_determiner(inp: &EventInputs, m: &EventMention) -> bool {
    let words = &inp.lex.words;
    m.tokens.start > 0
        && words.contains_past_prefix(WordClass::Determiner, WordClass::PrepositionProclitic, inp.doc.word(m.tokens.start - 1))
}

/// True when the trigger stands in construct with a named person or a definite role
/// ("اغتيال الحريري", "مقتل الرئيس", "the killing of President Hariri"): definite by its
/// victim, a happening the reader knows.
fn names_its_victim(inp: &EventInputs, m: &EventMention) -> bool {
    victim_of(inp, m).is_some()
}

/// The victim a toll trigger stands in construct with: a named person (with the person's
/// key) or a definite role (with none).
pub(super) fn victim_of<'a>(inp: &'a EventInputs, m: &EventMention) -> Option<Option<&'a str>> {
    let doc = inp.doc;
    let mut next = m.tokens.end;
    // "the assassination of President Rafik Hariri"
    if next + 1 < doc.seg.tokens.len() && inp.lex.words.contains(WordClass::GenitivePreposition, doc.word(next)) {
        next += 1;
    }
    if next >= doc.seg.tokens.len() {
        return None;
    }
    // "the killing of the lawyer Sergei Magnitsky"
    let head =
        if next + 1 < doc.seg.tokens.len() && inp.lex.words.contains(WordClass::Determiner, doc.word(next)) { next + 1 } else { next };
    // a person anywhere in the phrase: «المحامي الروسي سيرغي ماغنيتسكي», "the lawyer Sergei Magnitsky"
    let person = doc.phrases.at_token(head).filter(|&p| doc.phrases.phrases[p].tokens.start == head).and_then(|p| {
        doc.phrases.phrases[p].mentions.iter().map(|&mi| &doc.mentions.all[mi]).find(|y| matches!(y.kind, MentionKind::Person))
    });
    if let Some(p) = person {
        return Some(Some(p.key.as_str()));
    }
    let x = doc.mentions.starting_at(next)?;
    match x.kind {
        MentionKind::Person => Some(Some(x.key.as_str())),
        // a definite role ("مقتل الرئيس")
        MentionKind::Role(_) => inp.lex.words.prefix_of(WordClass::DefinitePrefix, doc.word(next)).is_some().then_some(None),
        _ => None,
    }
}

/// True when `t` stands in the headline and `m` in the lede (the first sentences after it):
/// the headline's event is the one the lede reports.
fn headline_and_lede(doc: &Document, t: &EventMention, m: &EventMention) -> bool {
    super::in_headline(doc, t.sentence) && m.sentence <= doc.seg.paragraphs[1].start + 1
}
