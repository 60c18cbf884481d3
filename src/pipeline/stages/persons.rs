//! Person names without a name list: a name that follows a title («الرئيس الأمريكي جو
//! بايدن», «وزير الخارجية أنتوني بلينكن», "President Joe Biden", "Iranian Foreign Minister
//! Mohammad Javad Zarif") is recognised from the words around it, and the later (or earlier)
//! short mentions of it («بايدن», "Biden's") are linked to the same person.
//!
//! A title is a singular role noun of the role lexicon; in Arabic it must be definite
//! (الرئيس، وزير الخارجية), since an indefinite one is followed by adjectives (مسؤول عسكري
//! رفيع), not names. Between the title and the name may stand the country it serves
//! (الأمريكي، خارجية إيران، باسم الخارجية الإيرانية). The name is the run of words after that
//! which no lexicon claims and which are no function words: in English capitalised words, in
//! Arabic two to four words whose first has no article (so «الرئيس السابق» is no name).

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::LanguageLexicons;
use crate::pipeline::lexicon::matcher::{Gender, Hit, Number};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::model::Language;
use crate::pipeline::stages::mentions::{Mention, MentionKind};
use crate::pipeline::text::segment::TokenKind;
use foldhash::{HashMap, HashMapExt};

/// Longest name, in words.
const MAX_NAME_WORDS: usize = 4;
/// How many words of country or organisation may stand between a title and its name.
const MAX_AFFILIATION_WORDS: usize = 5;

/// One person found after a title.
struct TitledName {
    /// Its tokens.
    tokens: TokenSpan,
    gender: Gender,
    country: Option<String>,
}

/// True when the original text of token `i` starts with a capital letter, after a glued
/// lower-case particle (al-Assad, el-Sisi).
fn capitalised(doc: &Document, lex: &LanguageLexicons, i: usize) -> bool {
    let word = doc.original_word(i);
    let word =
        word.find('-').filter(|&dash| lex.name_connectors.contains(&word[..=dash].to_lowercase())).map_or(word, |dash| &word[dash + 1..]);
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word of token `i` without an English possessive.
fn bare_word<'d>(doc: &'d Document, i: usize) -> &'d str {
    let w = doc.word(i);
    w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')).unwrap_or(w)
}

/// Finds titled names and links their other mentions. `mentions` are the place, actor,
/// nationality and role mentions; places on the words of a name are dropped from it (a
/// surname is not the village of the same name) and the person mentions are added.
///
/// Linear in the text: names are grouped by surname, the surnames' positions are found in
/// one pass over the tokens, and overlaps are checked against per-token flags. Where several
/// names share a surname, a mention written in full belongs to its own name and the surname
/// alone to the first name written with more than the surname.
pub fn add_persons(doc: &Document, lex: &LanguageLexicons, role_hits: &[Hit], mentions: &mut Vec<Mention>) {
    let titles: Vec<&Hit> = role_hits.iter().filter(|h| is_title(doc, lex, h)).collect();
    if titles.is_empty() {
        return;
    }
    let names = titled_names(doc, lex, &titles, mentions);
    let mut claims = Claims::new(doc, mentions);
    for group in SurnameGroups::new(doc, lex, &names).groups {
        if doc.out_of_time() {
            break;
        }
        let Some(positions) = &group.positions else {
            // a surname too short to look for: each name alone
            for n in &group.members {
                let last = n.name.tokens.last();
                let end = doc.tokens()[last].start + n.words[n.words.len() - 1].len();
                claims.add(doc, n, n.name.tokens.start, last, doc.tokens()[n.name.tokens.start].start, end);
            }
            continue;
        };
        // every mention of the surname, with a name's other words before it where they are
        let k = group.surname_words;
        for &(s, prefix_len) in positions {
            let j = s + k - 1;
            let head = group.members.iter().find(|n| n.words.len() > k).unwrap_or(&group.members[0]);
            let rest_matches =
                (1..k).all(|t| doc.tokens().get(s + t).is_some_and(|_| bare_word(doc, s + t) == head.words[head.words.len() - k + t]));
            if !rest_matches || doc.language == Language::En && !capitalised(doc, lex, s) {
                continue;
            }
            let written_in_full = |n: &&NamedPerson| {
                let before = n.words.len() - k;
                before > 0 && prefix_len == 0 && s >= before && (0..before).all(|t| bare_word(doc, s - before + t) == n.words[t])
            };
            let (n, first) = match group.members.iter().find(written_in_full) {
                Some(n) => (n, s - (n.words.len() - k)),
                None => (head, s),
            };
            let start = doc.tokens()[first].start + if first == s { prefix_len } else { 0 };
            let end = doc.tokens()[j].start + bare_word(doc, j).len();
            claims.claim(doc, n, first, j, start, end);
        }
    }
    claims.finish(mentions);
}

/// The person mentions found so far, and which tokens they and the other mentions hold.
struct Claims {
    persons: Vec<Mention>,
    by_person: Vec<bool>,
    by_other: Vec<bool>,
}

impl Claims {
    fn new(doc: &Document, mentions: &[Mention]) -> Self {
        let n = doc.tokens().len();
        let mut by_other = vec![false; n];
        for m in mentions.iter().filter(|m| !matches!(m.kind, MentionKind::Place(_))) {
            by_other[m.tokens.range()].iter_mut().for_each(|f| *f = true);
        }
        Claims { persons: Vec::new(), by_person: vec![false; n], by_other }
    }

    /// Adds a mention of `n` on tokens `first..=last` (bytes `start..end` of the normalised
    /// text) unless another person or a mention other than a place holds one of them.
    fn claim(&mut self, doc: &Document, n: &NamedPerson, first: usize, last: usize, start: usize, end: usize) {
        if self.by_person[first..=last].iter().chain(&self.by_other[first..=last]).any(|&f| f) {
            return;
        }
        self.add(doc, n, first, last, start, end);
    }

    /// Adds a mention of `n` as [`Claims::claim`] does, whatever else holds its tokens: a
    /// name found after its title is a person even where its words are known otherwise.
    fn add(&mut self, doc: &Document, n: &NamedPerson, first: usize, last: usize, start: usize, end: usize) {
        self.by_person[first..=last].iter_mut().for_each(|f| *f = true);
        let name = n.name;
        let (s, e) = doc.original(doc.tokens()[name.tokens.start].start, doc.tokens()[name.tokens.last()].end);
        self.persons.push(Mention {
            tokens: TokenSpan::inclusive(first, last),
            start,
            end,
            kind: MentionKind::Person,
            key: format!("person:{}", n.words.join(" ").to_lowercase()),
            name: doc.text[s..e].trim_end_matches("'s").trim_end_matches('\'').to_string(),
            country: name.country.clone(),
            gender: name.gender,
            number: Number::Singular,
        });
    }

    /// Adds the persons to `mentions`, dropping the places on their words.
    fn finish(self, mentions: &mut Vec<Mention>) {
        if self.persons.is_empty() {
            return;
        }
        let by_person = &self.by_person;
        mentions.retain(|m| !(matches!(m.kind, MentionKind::Place(_)) && by_person[m.tokens.start..=m.tokens.last()].iter().any(|&f| f)));
        mentions.extend(self.persons);
    }
}

/// A titled name with its words.
struct NamedPerson<'n> {
    name: &'n TitledName,
    /// The name's words, bare (no possessive).
    words: Vec<&'n str>,
}

/// The names that share one surname, in the order they are written.
struct SurnameGroup<'n> {
    members: Vec<NamedPerson<'n>>,
    /// How many of the last words are the surname: 1, or 2 after a connector (عبد الرحمن).
    surname_words: usize,
    /// Where the surname stands: the token of its first word and the length of the
    /// proclitics glued to it; `None` for a surname too short to look for.
    positions: Option<Vec<(usize, usize)>>,
}

/// The most names kept for one surname (the rest are not linked).
const MAX_NAMES_PER_SURNAME: usize = 8;

/// The titled names of a text grouped by surname.
struct SurnameGroups<'n> {
    groups: Vec<SurnameGroup<'n>>,
}

impl<'n> SurnameGroups<'n> {
    fn new(doc: &'n Document, lex: &LanguageLexicons, titled: &'n [TitledName]) -> Self {
        let ar = doc.language == Language::Ar;
        let mut groups: Vec<SurnameGroup<'n>> = Vec::new();
        let mut group_of_surname: HashMap<Vec<&str>, usize> = HashMap::new();
        for n in titled {
            let words: Vec<&str> = (n.tokens.start..=n.tokens.last()).map(|i| bare_word(doc, i)).collect();
            let k = if words.len() >= 2 && ar && is_connector(lex, words[words.len() - 2]) { 2 } else { 1 };
            let surname = words[words.len() - k..].to_vec();
            let searchable = surname.concat().chars().count() >= 3 && !(k == 1 && lex.function_words.contains(surname[0]));
            let member = NamedPerson { name: n, words };
            if !searchable {
                groups.push(SurnameGroup { members: vec![member], surname_words: k, positions: None });
                continue;
            }
            match group_of_surname.get(&surname) {
                Some(&g) if groups[g].members.len() < MAX_NAMES_PER_SURNAME => groups[g].members.push(member),
                Some(_) => {}
                None => {
                    group_of_surname.insert(surname, groups.len());
                    groups.push(SurnameGroup { members: vec![member], surname_words: k, positions: Some(Vec::new()) });
                }
            }
        }
        let mut groups_of_head: HashMap<&str, Vec<usize>> = HashMap::new();
        for (surname, &g) in &group_of_surname {
            groups_of_head.entry(surname[0]).or_default().push(g);
        }
        let known = |w: &str| groups_of_head.contains_key(w);
        // a surname ends where its token ends: the last bytes of the surnames' first words
        // rule out most tokens before any lookup
        let mut head_ends = [false; 256];
        for head in groups_of_head.keys() {
            if let Some(&b) = head.as_bytes().last() {
                head_ends[b as usize] = true;
            }
        }
        for s in 0..doc.tokens().len() {
            if groups_of_head.is_empty() {
                break;
            }
            let w = bare_word(doc, s);
            if w.as_bytes().last().is_some_and(|&b| !head_ends[b as usize]) {
                continue;
            }
            for (head, prefix_len) in surname_candidates(lex, ar, w, &known) {
                for &g in groups_of_head.get(head).into_iter().flatten() {
                    groups[g].positions.get_or_insert_with(Vec::new).push((s, prefix_len));
                }
            }
        }
        SurnameGroups { groups }
    }
}

/// The words token text `w` can be as a surname: itself, and in Arabic the rest after
/// proclitics («ولعباس» is و + ل + عباس), unless the article stands before the rest
/// (بالأسد is not a glued form of أسد). Only the words `known` accepts are given: it is
/// asked first, since it is cheaper than the proclitic checks and rejects nearly every word.
fn surname_candidates<'w>(
    lex: &LanguageLexicons,
    ar: bool,
    w: &'w str,
    known: &impl Fn(&str) -> bool,
) -> impl Iterator<Item = (&'w str, usize)> {
    let glued = w
        .char_indices()
        .skip(1)
        .take(if ar { MAX_PROCLITIC_CHARS } else { 0 })
        .map(|(i, _)| i)
        .filter(move |&i| known(&w[i..]) && lex.morphology.is_proclitic(&w[..i]) && !ends_with_article_and(lex, w, &w[i..]))
        .map(move |i| (&w[i..], i));
    std::iter::once((w, 0)).filter(|&(w, _)| known(w)).chain(glued)
}

/// The most characters of proclitics glued before a surname (و + ل + ب…).
const MAX_PROCLITIC_CHARS: usize = 4;

/// The names written after the titles `titles`, one per first token.
fn titled_names(doc: &Document, lex: &LanguageLexicons, titles: &[&Hit], mentions: &[Mention]) -> Vec<TitledName> {
    let claimed = doc.hits.claimed_tokens(doc.tokens().len());
    let mentions = MentionIndex::new(doc, mentions);
    let mut names: Vec<TitledName> = Vec::new();
    let mut firsts = foldhash::HashSet::default();
    for h in titles {
        if doc.out_of_time() {
            break;
        }
        if let Some(name) = name_after(doc, lex, &claimed, &mentions, h)
            && firsts.insert(name.tokens.start)
        {
            names.push(name);
        }
    }
    names
}

/// The mentions by token, so that the words after a title are read in constant time each.
struct MentionIndex<'m> {
    mentions: &'m [Mention],
    /// For each token, the longest mention starting there.
    longest_at: Vec<Option<usize>>,
    /// For each token, the first nationality or actor mention ending just before it.
    affiliation_before: Vec<Option<usize>>,
}

impl<'m> MentionIndex<'m> {
    fn new(doc: &Document, mentions: &'m [Mention]) -> Self {
        let n = doc.tokens().len();
        let mut longest_at: Vec<Option<usize>> = vec![None; n + 1];
        let mut affiliation_before: Vec<Option<usize>> = vec![None; n + 1];
        for (k, m) in mentions.iter().enumerate() {
            let slot = &mut longest_at[m.tokens.start.min(n)];
            if slot.is_none_or(|o| mentions[o].tokens.last() <= m.tokens.last()) {
                *slot = Some(k);
            }
            if matches!(m.kind, MentionKind::Nationality(_) | MentionKind::Actor(_)) {
                affiliation_before[m.tokens.end.min(n)].get_or_insert(k);
            }
        }
        MentionIndex { mentions, longest_at, affiliation_before }
    }

    fn longest_at(&self, i: usize) -> Option<&'m Mention> {
        self.longest_at.get(i).copied().flatten().map(|k| &self.mentions[k])
    }

    fn affiliation_before(&self, i: usize) -> Option<&'m Mention> {
        self.affiliation_before.get(i).copied().flatten().map(|k| &self.mentions[k])
    }
}

/// True when role hit `h` is a title that may stand before a name.
fn is_title(doc: &Document, lex: &LanguageLexicons, h: &Hit) -> bool {
    let role = &lex.roles.entries()[h.entry];
    if role.number != Number::Singular || !lex.titles.contains(&role.role) {
        return false;
    }
    match doc.language {
        Language::En => true,
        Language::Ar => {
            let norm = &doc.norm.norm;
            has_article(lex, &norm[h.start..]) || (h.tokens.last() > h.tokens.start && has_article(lex, doc.word(h.tokens.last())))
        }
    }
}

/// The name after title `h`, if the words there make one.
fn name_after(doc: &Document, lex: &LanguageLexicons, claimed: &[bool], mentions: &MentionIndex, h: &Hit) -> Option<TitledName> {
    let tokens = doc.tokens();
    let ar = doc.language == Language::Ar;
    let mention_at = |i: usize| mentions.longest_at(i);
    let is_place = |m: &Mention| matches!(m.kind, MentionKind::Place(_));
    let mut country = if ar { None } else { mentions.affiliation_before(h.tokens.start).and_then(|m| m.country.clone()) };
    // the country or body the title serves: الرئيس الأمريكي، وزير خارجية إيران، المتحدث باسم الخارجية
    let mut i = h.tokens.end;
    // and the title's modifiers: الرئيس السابق، المتحدث باسم
    let mut modified = false;
    while i < tokens.len() && i - h.tokens.last() <= MAX_AFFILIATION_WORDS {
        match mention_at(i) {
            Some(m) if ar && !is_person_actor(lex, m) && (!is_place(m) || country_place(m)) => {
                country = country.or_else(|| m.country.clone());
                i = m.tokens.end;
            }
            _ if lex.title_modifiers.contains(doc.word(i)) => {
                modified = true;
                i += 1;
            }
            _ => break,
        }
    }
    // after a modifier a preposition starts the title's complement, not a name: «الوالي
    // السابق لولاية الخير», «الإمام السابق لبيت الله»
    if ar && modified && i < tokens.len() && lex.words.prefix_of(WordClass::ComplementPrefix, doc.original_word(i)).is_some() {
        return None;
    }
    let start = i;
    while i < tokens.len() && i - start < MAX_NAME_WORDS + usize::from(ar) * 2 && is_name_word(doc, lex, claimed, i, i - start) {
        if let Some(m) = mention_at(i) {
            if is_person_actor(lex, m) {
                return None; // a person the actor lexicon knows: "President Donald Trump"
            }
            if !is_place(m) || country_place(m) {
                break;
            }
        }
        if tokens[i].sentence != tokens[start].sentence {
            break;
        }
        i += 1;
        // an Arabic name ends with its word that has the article (بشار الأسد، راشد الغنوشي),
        // unless a connector asks for more (عبد الرحمن، أبو العز)
        if ar && i - start >= 2 && has_article(lex, doc.word(i - 1)) && !is_connector(lex, doc.word(i - 2)) {
            break;
        }
    }
    // a name does not end on a connector: «محمد بن نايف بن» is cut by the length limit
    while i > start && is_connector(lex, doc.word(i - 1)) {
        i -= 1;
    }
    let words = i - start;
    let enough = if ar { words >= 2 } else { words >= 1 };
    enough.then(|| TitledName { tokens: TokenSpan::inclusive(start, i - 1), gender: lex.roles.entries()[h.entry].gender, country })
}

/// True when token `i` is written with ة before a pronoun (استقالته، حكومتها): a noun, not a
/// name. The normalised text writes ة as ه, so the original text decides.
fn pronoun_after_ta_marbuta(doc: &Document, lex: &LanguageLexicons, i: usize) -> bool {
    let word = doc.original_word(i);
    lex.words
        .words(WordClass::TaPronounSuffix)
        .iter()
        .any(|suffix| word.strip_suffix(suffix.as_str()).is_some_and(|stem| stem.chars().count() >= 2))
}

/// True when `w` starts with the definite article.
fn has_article(lex: &LanguageLexicons, w: &str) -> bool {
    lex.words.prefix_of(WordClass::Article, w).is_some()
}

/// True when `w` ends with the definite article followed by `head` (بالأسد for الأسد).
fn ends_with_article_and(lex: &LanguageLexicons, w: &str, head: &str) -> bool {
    w.strip_suffix(head).is_some_and(|rest| lex.words.suffix_of(WordClass::Article, rest).is_some())
}

/// True when `w` joins the parts of a name (عبد الله، محمد بن سلمان, bin Laden).
fn is_connector(lex: &LanguageLexicons, w: &str) -> bool {
    lex.name_connectors.contains(w)
}

/// True when mention `m` is a person of the actor lexicon.
fn is_person_actor(lex: &LanguageLexicons, m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Actor(a) if lex.actors.entries()[a].actor_type == "person")
}

/// True when mention `m` is a place that is a whole country (no surname).
fn country_place(m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Place(_)) && m.key.starts_with("country:")
}

/// True when token `i` can be word `position` (from 0) of a name.
fn is_name_word(doc: &Document, lex: &LanguageLexicons, claimed: &[bool], i: usize, position: usize) -> bool {
    let first = position == 0;
    let t = &doc.tokens()[i];
    if t.kind != TokenKind::Word || claimed[i] {
        return false;
    }
    let w = bare_word(doc, i);
    // على is a particle, علي a name: the normalised text no longer tells them apart
    let particle = lex.function_words.contains(w) && !(lex.maqsura_function_words.contains(w) && doc.original_word(i).ends_with('ي'));
    if particle || w.chars().count() < 2 {
        return false;
    }
    match doc.language {
        Language::En => (capitalised(doc, lex, i) || !first && lex.name_connectors.contains(w)) && !w.contains('.'),
        // no article on the first word, no proclitic before an article (بالمدينة، للحكومة:
        // the matcher's rule), no plural or feminine pronoun suffix («وجه سهام انتقادها»)
        // and no pronoun after ة (استقالته); -ه and -ي are left alone, since names end in
        // them (طه، الغنوشي)
        Language::Ar => {
            let proclitic_before_article = w.char_indices().skip(2).take(3).map(|(i, _)| &w[..i]).any(|p| {
                let article = lex.words.suffix_of(WordClass::Article, p).is_some() || lex.words.contains(WordClass::DativePrefix, p);
                article && !lex.words.contains(WordClass::Article, p) && lex.morphology.is_proclitic(p)
            });
            // و or ف after a name of two words or more is "and": the name has ended (محمد
            // شوكان وآخرين، عبد الله وولي العهد); earlier it may begin a word of the name
            // (وليد، جوكو ويدودو) unless a particle follows it (وهو)
            let conjoined = lex.morphology.strip_conjunction(w).filter(|rest| rest.chars().count() >= 2);
            let conjunction = conjoined.is_some_and(|rest| position >= 2 || lex.function_words.contains(rest));
            // a preposition glued to a hamza or to ت starts a verbal noun (لإطلاق، بأن، لتولي)
            // (proclitics.tsv, kind verbal_noun: in the original text, as normalised لإ is لا as in
            // لاعب and بأ is با as in باراك)
            let preposition_before_noun =
                first && lex.morphology.verbal_noun_starts().iter().any(|p| doc.original_word(i).starts_with(p.as_str()));
            // a present verb in the dual or plural after a name of two words: "وزير الداخلية
            // السابق حسين عرب يقودان" (earlier, such a word is a name: موشيه يعالون)
            let plural_verb = position >= 2
                && lex.words.prefix_of(WordClass::PresentPersonPrefix, w).is_some()
                && lex.words.suffix_of(WordClass::VerbPluralSuffix, w).is_some()
                && w.chars().count() >= 5;
            !(proclitic_before_article
                || plural_verb
                || conjunction
                || preposition_before_noun
                || first && has_article(lex, w)
                || w.chars().count() > 3 && lex.words.suffix_of(WordClass::PronounSuffix, w).is_some()
                || pronoun_after_ta_marbuta(doc, lex, i))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::stages::mentions::tests::mentions_in;

    /// The persons of `text` as (mention text, entity key, country).
    fn persons(lang: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        mentions_in(lang, text, |k| matches!(k, MentionKind::Person)).into_iter().map(|(t, m)| (t, m.key, m.country)).collect()
    }

    fn texts(found: &[(String, String, Option<String>)]) -> Vec<&str> {
        found.iter().map(|p| p.0.as_str()).collect()
    }

    #[test]
    fn arabic_titled_names_and_short_mentions() {
        // ar/0020 (Al Jazeera): the minister is named once with his title, then by surname
        let found = persons(
            Language::Ar,
            "من جانبه، أعرب وزير الخارجية السوداني إبراهيم غندور عن تقدير بلاده لمواقف قطر. وتابع غندور بالقول إن زيارة وزير الخارجية القطري كانت فرصة.",
        );
        assert_eq!(texts(&found), ["إبراهيم غندور", "غندور"], "{found:?}");
        assert!(found.iter().all(|p| p.1 == found[0].1 && p.2.as_deref() == Some("SD")), "{found:?}");
    }

    #[test]
    fn arabic_connectors_and_article() {
        // ar/0163: "الشيخ راشد الغنوشي رئيس حركة النهضة": the name ends at its word with the
        // article; the surname alone later is the same person, with a proclitic too
        let found = persons(Language::Ar, "جمعت الحبيب الصيد بالشيخ راشد الغنوشي رئيس حركة النهضة، حيث صرح الغنوشي عقب المقابلة، والغنوشي");
        assert_eq!(texts(&found), ["راشد الغنوشي", "الغنوشي", "الغنوشي"], "{found:?}");
        // connectors keep the name going and never end it
        let found = persons(Language::Ar, "وقال الرئيس عبد الفتاح البرهان إن الأمير محمد بن نايف بن عبدالعزيز بن");
        assert_eq!(texts(&found), ["عبد الفتاح البرهان", "محمد بن نايف بن عبدالعزيز"], "{found:?}");
    }

    #[test]
    fn names_sharing_a_surname() {
        // a name written in full is its own; the surname alone belongs to the first name
        // written with it
        type Case = (Language, &'static str, &'static [(&'static str, &'static str)]);
        let cases: &[Case] = &[
            (
                Language::Ar,
                "قال الرئيس خالد حداد إن وزير الخارجية رامي حداد وصل، وأضاف حداد",
                &[("خالد حداد", "person:خالد حداد"), ("رامي حداد", "person:رامي حداد"), ("حداد", "person:خالد حداد")],
            ),
            (
                Language::En,
                "President Tom Harlan met Senator Ruth Harlan. Harlan said",
                &[("Tom Harlan", "person:tom harlan"), ("Ruth Harlan", "person:ruth harlan"), ("Harlan", "person:tom harlan")],
            ),
        ];
        for (lang, text, expected) in cases {
            let found = persons(*lang, text);
            let got: Vec<(&str, &str)> = found.iter().map(|(t, n, _)| (t.as_str(), n.as_str())).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn known_persons_stay_actors() {
        // names the actor lexicon holds are actors, not recognised again
        assert!(persons(Language::Ar, "قال الرئيس الأمريكي دونالد ترامب إن").is_empty());
        assert!(persons(Language::En, "President Donald Trump said").is_empty());
    }

    #[test]
    fn arabic_non_names() {
        // adjectives and function words after a title are no names
        for text in ["قال الرئيس السابق إن", "وصل الرئيس إلى جنيف", "قال مسؤول عسكري رفيع إن", "قال الرئيس الأمريكي يوم الاثنين إن"]
        {
            assert!(persons(Language::Ar, text).is_empty(), "{text}: {:?}", persons(Language::Ar, text));
        }
    }

    #[test]
    fn arabic_verb_phrases_after_titles_are_no_names() {
        // made after corpus sentences (ar/0151, ar/0060, ar/0170, ar/0144) where a title is
        // followed by a verbal noun with a preposition or pronoun, or by a verb
        for text in [
            "أعلن الرئيس تقديم استقالته إلى البرلمان",
            "رشحه الرئيس لتولي منصب رئيس الوزراء",
            "دعا الرئيس لإطلاق البرنامج الجديد",
            "ثم قام الفريق بإعداد خطة",
        ] {
            assert!(persons(Language::Ar, text).is_empty(), "{text}: {:?}", persons(Language::Ar, text));
        }
    }

    #[test]
    fn title_modifiers_and_ali() {
        // after ar/0300 "في عهد الرئيس السابق علي عبدالله صالح" (whom the actor lexicon knows):
        // a modifier between title and name, and علي (a name) is not على (a particle),
        // though both normalise alike
        let found = persons(Language::Ar, "في عهد الرئيس السابق علي ناصر محمد، حيث قتل");
        assert_eq!(texts(&found), ["علي ناصر محمد"], "{found:?}");
        assert!(persons(Language::Ar, "وافق الرئيس على المشروع").is_empty());
        // ar/0105: after a modifier, a preposition starts the title's complement
        assert!(persons(Language::Ar, "وعامر الرفدان الوالي السابق لولاية الخير والقيادي").is_empty());
        // ar/0123: a plural present verb ends a name of two words
        let found = persons(Language::Ar, "وكان وزير الداخلية السابق حسين عرب يقودان المواجهات");
        assert_eq!(texts(&found), ["حسين عرب"], "{found:?}");
        let found = persons(Language::En, "President elect Lazarus Chakwera said");
        assert_eq!(texts(&found), ["Lazarus Chakwera"], "{found:?}");
    }

    #[test]
    fn arabic_names_end_at_a_conjunction() {
        // ar/0006, ar/0210: و after a two-word name is "and"; in a name's second word it is
        // a letter of the name (جوكو ويدودو)
        let found = persons(Language::Ar, "التقى الملك عبد الله وولي العهد بالرئيس الإندونيسي جوكو ويدودو في عمان");
        assert_eq!(texts(&found), ["عبد الله", "جوكو ويدودو"], "{found:?}");
        let found = persons(Language::Ar, "اعتقلت السلطات الناشط محمد شوكان وآخرين");
        assert!(texts(&found).iter().all(|t| !t.contains("وآخرين")), "{found:?}");
    }

    #[test]
    fn profession_titles_name_the_person_after_them() {
        // ar/0049: «المحامية ناتاليا فيسيلنتسكايا» (ناتاليا is also a place name)
        let cases: &[(Language, &str, &[&str])] = &[
            (Language::Ar, "كان مقربا من المحامية ناتاليا فيسيلنتسكايا، التي شاركت في اجتماع", &["ناتاليا فيسيلنتسكايا"]),
            (Language::Ar, "وقال المحامي أحمد سيف إن الجلسة أجلت", &["أحمد سيف"]),
            (Language::En, "He was close to the lawyer Natalia Veselnitskaya, who attended a meeting.", &["Natalia Veselnitskaya"]),
            (Language::En, "Attorney Ben Crump said the family was grieving.", &["Ben Crump"]),
        ];
        for &(language, text, expected) in cases {
            let found = persons(language, text);
            assert_eq!(texts(&found), expected, "{text}: {found:?}");
        }
    }

    #[test]
    fn english_titled_names() {
        // en/0087 (Reuters): "FDIC Chairman Martin Gruenberg", later "Gruenberg" and a possessive
        let found = persons(
            Language::En,
            "to protect the job of FDIC Chairman Martin Gruenberg, who was nominated in 2011. Gruenberg is scheduled to testify. Martin Gruenberg's predecessor left.",
        );
        assert_eq!(texts(&found), ["Martin Gruenberg", "Gruenberg", "Martin Gruenberg"], "{found:?}");
        assert_eq!(found[0].1, found[2].1);
        assert!(persons(Language::En, "the president said on Monday that a spokesman would").is_empty());
        // lower-case particles inside a name (name_connectors.tsv), never at its end
        let found = persons(Language::En, "Commission President Ursula von der Leyen said. Von der Leyen left. President Nasser de said");
        assert_eq!(texts(&found)[0], "Ursula von der Leyen", "{found:?}");
        assert!(texts(&found).contains(&"Nasser"), "{found:?}");
    }
}
