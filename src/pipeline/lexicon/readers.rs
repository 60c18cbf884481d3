//! One reader per lexicon file of `config/lexicons/{lang}/`: each validates the file's lines
//! (a bad line is an error naming its file and line) and turns them into matcher entries
//! or a word set. [`LanguageLexicons::load`](super::LanguageLexicons) compiles them.

use super::event_types::EventTypes;
use super::matcher::{FormKind, Gender, Number, normalise_form};
use super::{
    ActorEntry, ComplementizerKind, CueEntry, CueKind, EventEntry, LexiconError, Modality, ModalityEntry, NationalityEntry, NumberEntry,
    NumberKind, QualifierEntry, RoleEntry, TimeEntry, TimeKind, bad_line, rows,
};
use foldhash::{HashSet, HashSetExt};

/// A file as loaded: its name (for errors) and its content.
pub(super) type Source<'a> = (&'a str, &'a str);

/// Matcher entries: the `|`-separated forms, how to expand them, and the payload.
pub(super) type Items<T> = Vec<(String, FormKind, T)>;

/// The value `options` gives `value`, or an error listing the choices.
fn choice<T: Copy>(file: &str, line: usize, what: &str, value: &str, options: &[(&str, T)]) -> Result<T, LexiconError> {
    if let Some(&(_, v)) = options.iter().find(|(name, _)| *name == value) {
        return Ok(v);
    }
    let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
    let listed = match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    Err(bad_line(file, line, format!("{what} must be {listed}, not {value:?}")))
}

/// `-` is none; anything else a value.
fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

/// A whole number, or none for `-`.
fn optional_number<N: std::str::FromStr>(file: &str, line: usize, value: &str) -> Result<Option<N>, LexiconError> {
    if value == "-" {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| bad_line(file, line, "value must be a whole number or -"))
}

const BEFORE_AFTER: &[(&str, bool)] = &[("before", true), ("after", false)];

fn form_kind(kind: &str) -> FormKind {
    if kind == "verb" { FormKind::Verb } else { FormKind::Plain }
}

/// `events.tsv`: form, kind (noun/verb/phrase), event type (or `none`), subtype, weight.
pub(super) fn events((f, c): Source, event_types: &EventTypes) -> Result<Items<EventEntry>, LexiconError> {
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 5)? {
        let kind = choice(f, line, "kind", cols[1], &[("noun", "noun"), ("verb", "verb"), ("phrase", "phrase")])?;
        let event_type = match cols[2] {
            "none" => None,
            name => Some(event_types.get(name).cloned().ok_or_else(|| {
                bad_line(f, line, format!("unknown event type {name:?} (the types are listed in config/event_types.tsv)"))
            })?),
        };
        let weight: u8 =
            cols[4].parse().ok().filter(|w| (1..=3).contains(w)).ok_or_else(|| bad_line(f, line, "weight must be 1, 2 or 3"))?;
        let entry = EventEntry { event_type, subtype: opt(cols[3]), weight, verb: kind == "verb" };
        items.push((cols[0].to_string(), form_kind(kind), entry));
    }
    Ok(items)
}

/// `quote_cues.tsv`: form, kind (verb/according/source), role (speech/announce/none).
pub(super) fn quote_cues((f, c): Source) -> Result<Items<CueEntry>, LexiconError> {
    let kinds = [("verb", CueKind::Verb), ("according", CueKind::According), ("source", CueKind::Source)];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 3)? {
        let kind = choice(f, line, "kind", cols[1], &kinds)?;
        let (announce, blocks) =
            choice(f, line, "role", cols[2], &[("speech", (false, false)), ("announce", (true, false)), ("none", (false, true))])?;
        let forms = if kind == CueKind::According { FormKind::Plain } else { FormKind::Verb };
        items.push((cols[0].to_string(), forms, CueEntry { kind, announce, blocks }));
    }
    Ok(items)
}

/// `complementizers.tsv`: form, kind (that/colon/from).
pub(super) fn complementizers((f, c): Source) -> Result<Items<ComplementizerKind>, LexiconError> {
    let kinds = [("that", ComplementizerKind::That), ("colon", ComplementizerKind::Colon), ("from", ComplementizerKind::From)];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 2)? {
        items.push((cols[0].to_string(), FormKind::Plain, choice(f, line, "kind", cols[1], &kinds)?));
    }
    Ok(items)
}

/// `modality.tsv`: form, modality, position (before/after the trigger), window in tokens.
pub(super) fn modality((f, c): Source) -> Result<Items<ModalityEntry>, LexiconError> {
    let modalities = [
        ("uncertain", Modality::Uncertain),
        ("planned", Modality::Planned),
        ("negated", Modality::Negated),
        ("hypothetical", Modality::Hypothetical),
        ("reported", Modality::Reported),
    ];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 4)? {
        let modality = choice(f, line, "modality", cols[1], &modalities)?;
        let before = choice(f, line, "position", cols[2], BEFORE_AFTER)?;
        let window = cols[3].parse().map_err(|_| bad_line(f, line, "window must be a whole number"))?;
        items.push((cols[0].to_string(), FormKind::Plain, ModalityEntry { modality, before, window }));
    }
    Ok(items)
}

/// `numbers.tsv`: form, value (or `-` for a vague word), kind.
pub(super) fn numbers((f, c): Source) -> Result<Items<NumberEntry>, LexiconError> {
    let kinds = [
        ("unit", NumberKind::Unit),
        ("exact_thousand", NumberKind::Unit),
        ("teen", NumberKind::Teen),
        ("ten", NumberKind::Ten),
        ("hundred", NumberKind::Hundred),
        ("thousand", NumberKind::Thousand),
        ("dozen", NumberKind::Dozen),
        ("vague", NumberKind::Vague),
        ("single", NumberKind::Single),
    ];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 3)? {
        let kind = choice(f, line, "kind", cols[2], &kinds)?;
        let value = optional_number(f, line, cols[1])?;
        if value.is_none() && kind != NumberKind::Vague {
            return Err(bad_line(f, line, "only vague number words may have no value"));
        }
        items.push((cols[0].to_string(), FormKind::Plain, NumberEntry { value, kind }));
    }
    Ok(items)
}

/// `qualifiers.tsv`: form, qualifier, position (before/after the number).
pub(super) fn qualifiers((f, c): Source) -> Result<Items<QualifierEntry>, LexiconError> {
    let names = ["up_to", "at_least", "about", "more_than", "exact", "vague"].map(|q| (q, q));
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 3)? {
        let qualifier = choice(f, line, "qualifier", cols[1], &names)?.to_string();
        let before = choice(f, line, "position", cols[2], BEFORE_AFTER)?;
        items.push((cols[0].to_string(), FormKind::Plain, QualifierEntry { qualifier, before }));
    }
    Ok(items)
}

/// `time.tsv`: form, kind, value (or `-`).
pub(super) fn time((f, c): Source) -> Result<Items<TimeEntry>, LexiconError> {
    let kinds = [
        ("weekday", TimeKind::Weekday),
        ("month", TimeKind::Month),
        ("relative_day", TimeKind::RelativeDay),
        ("past", TimeKind::Past),
        ("next", TimeKind::Next),
        ("current", TimeKind::Current),
        ("duration", TimeKind::Duration),
    ];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 3)? {
        let kind = choice(f, line, "kind", cols[1], &kinds)?;
        let value = optional_number(f, line, cols[2])?;
        items.push((cols[0].to_string(), FormKind::Plain, TimeEntry { kind, value }));
    }
    Ok(items)
}

/// `actors.tsv`: form, id, actor type, English name, country (or `-`).
pub(super) fn actors((f, c): Source) -> Result<Items<ActorEntry>, LexiconError> {
    let types = ["country", "organization", "armed_group", "media", "person"].map(|t| (t, t));
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 5)? {
        let actor_type = choice(f, line, "actor type", cols[2], &types)?.to_string();
        let entry = ActorEntry { id: cols[1].to_string(), actor_type, name: cols[3].to_string(), country: opt(cols[4]) };
        items.push((cols[0].to_string(), FormKind::Plain, entry));
    }
    Ok(items)
}

/// `nationalities.tsv`: form, country, English adjective.
pub(super) fn nationalities((f, c): Source) -> Result<Items<NationalityEntry>, LexiconError> {
    Ok(rows(f, c, 3)?
        .into_iter()
        .map(|(_, cols)| {
            let entry = NationalityEntry { country: cols[1].to_string(), adjective: cols[2].to_string() };
            (cols[0].to_string(), FormKind::Plain, entry)
        })
        .collect())
}

/// `roles.tsv`: form, role id, gender (m/f/-), number (sg/du/pl/-).
pub(super) fn roles((f, c): Source) -> Result<Items<RoleEntry>, LexiconError> {
    let genders = [("m", Gender::Masculine), ("-", Gender::Masculine), ("f", Gender::Feminine)];
    let numbers = [("sg", Number::Singular), ("-", Number::Singular), ("du", Number::Dual), ("pl", Number::Plural)];
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 4)? {
        let gender = choice(f, line, "gender", cols[2], &genders)?;
        let number = choice(f, line, "number", cols[3], &numbers)?;
        items.push((cols[0].to_string(), FormKind::Plain, RoleEntry { role: cols[1].to_string(), gender, number }));
    }
    Ok(items)
}

/// `coreference.tsv`: form, kind (`distinct`: a word that marks a different happening).
pub(super) fn distinct((f, c): Source) -> Result<Items<()>, LexiconError> {
    let mut items = Vec::new();
    for (line, cols) in rows(f, c, 2)? {
        choice(f, line, "kind", cols[1], &[("distinct", ())])?;
        items.push((cols[0].to_string(), FormKind::Plain, ()));
    }
    Ok(items)
}

/// `abbreviations.tsv`: one abbreviation a line, kept without its final dot, lower case.
pub(super) fn abbreviations((f, c): Source) -> Result<HashSet<String>, LexiconError> {
    Ok(rows(f, c, 1)?.into_iter().map(|(_, cols)| cols[0].trim_end_matches('.').to_lowercase()).collect())
}

/// `titles.tsv`: role ids whose nouns are titles before a name, kept when `known` (the
/// language's roles) has them.
pub(super) fn titles((f, c): Source, known: impl Fn(&str) -> bool) -> Result<HashSet<String>, LexiconError> {
    Ok(rows(f, c, 1)?.into_iter().map(|(_, cols)| cols[0]).filter(|t| known(t)).map(str::to_string).collect())
}

/// A one-column word file: every `|`-separated word normalised and lower-cased, and apart
/// those written with a final ى (the same letters with a final ي may be a name).
pub(super) fn word_set((f, c): Source) -> Result<(HashSet<String>, HashSet<String>), LexiconError> {
    let mut all = HashSet::new();
    let mut maqsura = HashSet::new();
    for (_, cols) in rows(f, c, 1)? {
        for w in cols[0].split('|') {
            let norm = normalise_form(w).to_lowercase();
            if w.trim().ends_with('ى') {
                maqsura.insert(norm.clone());
            }
            all.insert(norm);
        }
    }
    Ok((all, maqsura))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_choice_lists_the_allowed_values() {
        let cases: &[(&str, &str)] = &[
            ("قال\tverbal\tspeech\n", "ar/quote_cues.tsv:1: kind must be verb, according or source, not \"verbal\""),
            ("قال\tverb\tshout\n", "ar/quote_cues.tsv:1: role must be speech, announce or none, not \"shout\""),
        ];
        for (content, message) in cases {
            let err = quote_cues(("ar/quote_cues.tsv", content)).unwrap_err();
            assert_eq!(err.to_string(), *message);
        }
        let err = roles(("en/roles.tsv", "# roles\nminister\tminister\tx\tsg\n")).unwrap_err();
        assert_eq!(err.to_string(), "en/roles.tsv:2: gender must be m, - or f, not \"x\"");
        let err = numbers(("en/numbers.tsv", "some\t-\tunit\n")).unwrap_err();
        assert_eq!(err.to_string(), "en/numbers.tsv:1: only vague number words may have no value");
    }

    #[test]
    fn good_lines_become_entries() {
        let cues = quote_cues(("ar/quote_cues.tsv", "قال\tverb\tspeech\nوفق\taccording\tspeech\n")).unwrap();
        assert_eq!(cues.len(), 2);
        assert!(matches!(cues[0].1, FormKind::Verb) && matches!(cues[1].1, FormKind::Plain));
        assert_eq!(cues[1].2.kind, CueKind::According);
        let (all, maqsura) = word_set(("ar/function_words.tsv", "على|عن\nفي\n")).unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(maqsura.len(), 1);
        let titles = titles(("titles.tsv", "president\nemir\n"), |t| t == "president").unwrap();
        assert_eq!(titles, HashSet::from_iter(["president".to_string()]));
    }
}
