//! Time expressions and their resolution against the article's publication date: weekdays
//! («الاثنين الماضي», "last Monday"), relative days (أمس, yesterday), periods («الأسبوع
//! الماضي», "last month", «عام 2014»), day + month [+ year] in both Arabic month series and
//! English, and dates written in digits (2023-11-15, 15/11/2023).

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::matcher::Hit;
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::lexicon::{LanguageLexicons, Lexicons, TimeKind};
use crate::pipeline::model::Language;
use crate::pipeline::text::segment::TokenKind;
use chrono::{Datelike, Duration, NaiveDate};

/// How much of a resolved date the text gives: «أمس» names a day, «الشهر الماضي» a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// One day.
    Day,
    /// A week from Monday; the date is its Monday.
    Week,
    /// A calendar month; the date is its first day.
    Month,
    /// A calendar year; the date is 1 January.
    Year,
}

impl Precision {
    /// The name used in the API (`day`, `week`, `month`, `year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// The period a singular unit of time names, from its lexicon value (its length in days).
    fn of_unit(days: Option<i64>) -> Option<Precision> {
        match days? {
            7 => Some(Precision::Week),
            30 => Some(Precision::Month),
            365 => Some(Precision::Year),
            _ => None,
        }
    }
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Its tokens.
    pub tokens: TokenSpan,
    /// The resolved date (the first day of the period), when the text or the publication date
    /// allow.
    pub date: Option<NaiveDate>,
    /// What `date` stands for.
    pub precision: Precision,
}

impl TimeMention {
    fn unresolved(first: usize, last: usize) -> TimeMention {
        TimeMention { tokens: TokenSpan::inclusive(first, last), date: None, precision: Precision::Day }
    }

    /// The first and last day the mention covers, when it is resolved.
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let d = self.date?;
        let end = match self.precision {
            Precision::Day => d,
            Precision::Week => d.checked_add_signed(Duration::days(6))?,
            Precision::Month => period_start(d, Precision::Month, 1)? - Duration::days(1),
            Precision::Year => NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
        };
        Some((d, end))
    }
}

/// The first day of the period of kind `unit` that is `offset` periods from the one holding
/// `anchor` (-1 = the previous week, month or year).
fn period_start(anchor: NaiveDate, unit: Precision, offset: i64) -> Option<NaiveDate> {
    match unit {
        Precision::Day => anchor.checked_add_signed(Duration::days(offset)),
        Precision::Week => {
            let monday = anchor.checked_sub_signed(Duration::days(i64::from(anchor.weekday().num_days_from_monday())))?;
            monday.checked_add_signed(Duration::weeks(offset))
        }
        Precision::Month => {
            let m = i64::from(anchor.year()) * 12 + i64::from(anchor.month0()) + offset;
            NaiveDate::from_ymd_opt(i32::try_from(m.div_euclid(12)).ok()?, u32::try_from(m.rem_euclid(12)).ok()? + 1, 1)
        }
        Precision::Year => NaiveDate::from_ymd_opt(anchor.year().checked_add(i32::try_from(offset).ok()?)?, 1, 1),
    }
}

/// Parses `published_at` (`YYYY-MM-DD` or RFC 3339) into a date.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| chrono::DateTime::parse_from_rfc3339(s).ok().map(|d| d.date_naive()))
}

fn number_token(doc: &Document, i: usize) -> Option<u32> {
    (doc.tokens().get(i)?.kind == TokenKind::Number).then(|| doc.word(i).parse().ok()).flatten()
}

fn day_number(doc: &Document, i: usize) -> Option<u32> {
    number_token(doc, i).filter(|d| (1..=31).contains(d))
}

fn year_number(doc: &Document, i: usize) -> Option<i32> {
    number_token(doc, i).filter(|y| (1900..=2100).contains(y)).map(|y| y as i32)
}

/// Tokens that hold a duration unit (ساعة، days), for telling counts of time from counts
/// of people.
pub fn duration_tokens(doc: &Document, lex: &LanguageLexicons) -> Vec<usize> {
    doc.hits.time.iter().filter(|h| lex.time.entries()[h.entry].kind == TimeKind::Duration).map(|h| h.tokens.start).collect()
}

/// The direction a modifier hit gives: -1 past (الماضي, last), 0 current (الحالي, this),
/// 1 next (المقبل, next).
fn direction_of(lex: &LanguageLexicons, hit: &Hit) -> Option<i64> {
    match lex.time.entries()[hit.entry].kind {
        TimeKind::Past => Some(-1),
        TimeKind::Current => Some(0),
        TimeKind::Next => Some(1),
        _ => None,
    }
}

/// Fills [`Document::times`] from the hits layer, resolved against [`Document::published`].
pub fn run(doc: &mut Document, lexicons: &Lexicons) {
    doc.times = find_times(doc, lexicons.get(doc.language), doc.published);
}

/// One time expression being read from its hit: its tokens so far, the index of the last hit
/// it takes, and the modifiers around it ("last Monday", «الاثنين الماضي»).
struct Reading {
    /// Its tokens.
    tokens: TokenSpan,
    /// Index of the last hit taken.
    k: usize,
    /// The direction of a bare modifier right before (the last expression found).
    before: Option<i64>,
    /// The direction and last token of a modifier hit right after.
    after: Option<(i64, usize)>,
    /// The direction taken so far.
    direction: Option<i64>,
}

impl Reading {
    /// Takes the modifiers around the expression: the one after (its hit), and the bare one
    /// before (popped from `out`).
    fn take_modifiers(&mut self, out: &mut Vec<TimeMention>) {
        if let Some((d, end)) = self.after {
            self.direction = Some(d);
            self.tokens.end = end + 1;
            self.k += 1;
        }
        if self.before.is_some() {
            self.tokens.start = out.pop().map_or(self.tokens.start, |p| p.tokens.start);
        }
    }
}

/// Finds time expressions and resolves them against `published`.
pub fn find_times(doc: &Document, lex: &LanguageLexicons, published: Option<NaiveDate>) -> Vec<TimeMention> {
    let hits = &doc.hits.time;
    let mut out: Vec<TimeMention> = Vec::new();
    // index in `out` of a bare modifier ("last", «هذا») waiting for the word it modifies
    let mut pending: Option<(usize, i64)> = None;
    let mut k = 0;
    while k < hits.len() {
        if doc.out_of_time() {
            break;
        }
        let h = &hits[k];
        if out.last().is_some_and(|p| h.tokens.start <= p.tokens.last()) {
            k += 1; // already part of the previous expression («مارس (آذار)»)
            continue;
        }
        let entry = &lex.time.entries()[h.entry];
        let before = pending.filter(|&(i, _)| out[i].tokens.end == h.tokens.start).map(|(_, d)| d);
        let after =
            hits.get(k + 1).filter(|n| n.tokens.start == h.tokens.end).and_then(|n| direction_of(lex, n).map(|d| (d, n.tokens.last())));
        let mut r = Reading { tokens: h.tokens, k, before, after, direction: before };
        let found = match entry.kind {
            TimeKind::Weekday => Some((weekday(&mut r, &mut out, entry.value, published), Precision::Day)),
            TimeKind::RelativeDay => {
                Some((published.and_then(|p| p.checked_add_signed(Duration::days(entry.value.unwrap_or(0)))), Precision::Day))
            }
            TimeKind::Month => Some(month(doc, h, &mut r, &mut out, entry.value, published)),
            TimeKind::Duration => period(doc, &mut r, &mut out, entry.value, published),
            TimeKind::Past | TimeKind::Next | TimeKind::Current => {
                // a bare modifier is kept only to combine with what follows
                pending = direction_of(lex, h).map(|d| (out.len(), d));
                out.push(TimeMention::unresolved(r.tokens.start, r.tokens.last()));
                k += 1;
                continue;
            }
        };
        k = r.k + 1;
        if let Some((date, precision)) = found {
            pending = None;
            out.push(TimeMention { tokens: r.tokens, date, precision });
        }
    }
    drop_bare_modifiers(hits, lex, &mut out);
    add_bare_years(doc, lex, &mut out);
    let numeric = numeric_dates(doc);
    if !numeric.is_empty() {
        // the numeric dates are in text order without overlaps: a binary search each
        out.retain(|t| {
            numeric.get(numeric.partition_point(|x| x.tokens.last() < t.tokens.start)).is_none_or(|x| x.tokens.start > t.tokens.last())
        });
        out.extend(numeric);
        out.sort_by_key(|t| t.tokens.start);
    }
    out
}

/// Drops the bare modifiers that did not combine with a word they modify.
fn drop_bare_modifiers(hits: &[Hit], lex: &LanguageLexicons, out: &mut Vec<TimeMention>) {
    out.retain(|t| {
        let hit = hits.get(hits.partition_point(|h| h.tokens.start < t.tokens.start)).filter(|h| h.tokens.start == t.tokens.start);
        !(t.date.is_none() && t.tokens.start == t.tokens.last() && hit.is_some_and(|h| direction_of(lex, h).is_some()))
    });
}

/// A weekday (value 1–7 from Monday): the nearest before the publication date, or after it
/// with "next".
fn weekday(r: &mut Reading, out: &mut Vec<TimeMention>, value: Option<i64>, published: Option<NaiveDate>) -> Option<NaiveDate> {
    r.take_modifiers(out);
    let wd = value.unwrap_or(1).clamp(1, 7);
    let direction = r.direction.unwrap_or(0);
    let p = published?;
    let pub_wd = i64::from(p.weekday().number_from_monday());
    let offset = if direction > 0 {
        let ahead = (wd - pub_wd).rem_euclid(7);
        if ahead == 0 { 7 } else { ahead }
    } else {
        let back = (pub_wd - wd).rem_euclid(7);
        -(if back == 0 && direction < 0 { 7 } else { back })
    };
    p.checked_add_signed(Duration::days(offset))
}

/// A month name (value 1–12) with a day before or after it and a year after, «مارس (آذار)»
/// with its other name in brackets, or "last March".
fn month(
    doc: &Document,
    h: &Hit,
    r: &mut Reading,
    out: &mut Vec<TimeMention>,
    value: Option<i64>,
    published: Option<NaiveDate>,
) -> (Option<NaiveDate>, Precision) {
    let month = value.unwrap_or(1).clamp(1, 12) as u32;
    let day = if h.tokens.start > 0 { day_number(doc, h.tokens.start - 1) } else { None };
    // «مارس (آذار) 2014»: skip the month's other name in brackets
    if doc.is_punct(h.tokens.end, "(")
        && let Some(close) = (h.tokens.last() + 2..(h.tokens.last() + 5).min(doc.tokens().len())).find(|&k| doc.is_punct(k, ")"))
    {
        r.tokens.end = close + 1;
    }
    let h_last = r.tokens.last();
    let day_after = day_number(doc, h_last + 1);
    let (day, year_at) = match (day, day_after) {
        (Some(d), _) => {
            r.tokens.start = h.tokens.start - 1;
            (Some(d), h_last + 1)
        }
        (None, Some(d)) => {
            r.tokens.end = h_last + 1 + 1;
            (Some(d), h_last + 2 + usize::from(doc.is_punct(h_last + 2, ",")))
        }
        _ => (None, h_last + 1),
    };
    let year = year_number(doc, year_at);
    if year.is_some() {
        r.tokens.end = year_at + 1;
    } else if r.tokens.last() == h.tokens.last() {
        // «نوفمبر الماضي», "last March"
        r.take_modifiers(out);
    }
    let precision = if day.is_some() { Precision::Day } else { Precision::Month };
    let y = year.or_else(|| published.map(|p| month_year(p, month, day, r.direction)));
    let mut date = y.and_then(|y| NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1)));
    if let (Some(dt), None, None, Some(p)) = (date, year, r.direction, published)
        && p.checked_add_signed(Duration::days(31)).is_some_and(|limit| dt > limit)
    {
        date = dt.with_year(dt.year().saturating_sub(1)); // «15 ديسمبر» in a January article
    }
    (date, precision)
}

/// A period unit: «عام 2014» / "the year 2014", or «الأسبوع الماضي» / "last month" with a
/// modifier; `None` for a length of time («منذ أسبوع»), which is not a date.
fn period(
    doc: &Document,
    r: &mut Reading,
    out: &mut Vec<TimeMention>,
    value: Option<i64>,
    published: Option<NaiveDate>,
) -> Option<(Option<NaiveDate>, Precision)> {
    let unit = Precision::of_unit(value)?;
    if unit == Precision::Year
        && let Some(y) = year_number(doc, r.tokens.end)
    {
        r.tokens.end += 1;
        return Some((NaiveDate::from_ymd_opt(y, 1, 1), unit));
    }
    if r.before.is_none() && r.after.is_none() {
        return None;
    }
    r.take_modifiers(out);
    Some((published.and_then(|p| period_start(p, unit, r.direction.unwrap_or(0))), unit))
}

/// The year of the month `month` meant by an article published on `p`: with «الماضي»/"last"
/// the latest one before the current month, with «المقبل»/"next" the first one after it, and
/// otherwise the current year's (the caller moves a date far in the future a year back).
fn month_year(p: NaiveDate, month: u32, day: Option<u32>, direction: Option<i64>) -> i32 {
    let this_year = (month, day.unwrap_or(0));
    let today = (p.month(), p.day());
    match direction {
        Some(d) if d < 0 && (this_year > today || (month == p.month() && day.is_none())) => p.year().saturating_sub(1),
        Some(d) if d > 0 && (this_year <= today || (month == p.month() && day.is_none())) => p.year().saturating_add(1),
        _ => p.year(),
    }
}

/// Dates written in digits: `2023-11-15`, `2023/11/15`, and day first `15/11/2023` or
/// `15-11-2023` (as Arabic and European news write them). English `11/15/2023` is taken only
/// «في 2012», "in 2012": a year in digits after a year preposition dates a happening in that
/// year, where no other expression holds it already («مارس 2012», "the year 2012").
fn add_bare_years(doc: &Document, lex: &LanguageLexicons, out: &mut Vec<TimeMention>) {
    let n = doc.tokens().len();
    // the tokens other expressions hold, marked in one pass
    let mut held = vec![false; n];
    for t in out.iter() {
        held[t.tokens.start..t.tokens.end.min(n)].fill(true);
    }
    let found: Vec<TimeMention> = (1..n)
        .filter(|&i| !held[i] && lex.words.contains(WordClass::YearPreposition, doc.word(i - 1)))
        .filter_map(|i| {
            let y = year_number(doc, i)?;
            Some(TimeMention { tokens: TokenSpan::inclusive(i, i), date: NaiveDate::from_ymd_opt(y, 1, 1), precision: Precision::Year })
        })
        .collect();
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|t| t.tokens.start);
    }
}

/// when the day cannot be a month, since both orders are in use.
fn numeric_dates(doc: &Document) -> Vec<TimeMention> {
    let tokens = doc.tokens();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < tokens.len() {
        let glued = (i..i + 4).all(|j| tokens[j].end == tokens[j + 1].start);
        let sep = doc.word(i + 1);
        if !glued || !matches!(sep, "-" | "/") || doc.word(i + 3) != sep || tokens[i].kind != TokenKind::Number {
            i += 1;
            continue;
        }
        let (a, b, c) = (number_token(doc, i), number_token(doc, i + 2), number_token(doc, i + 4));
        let date = match (a, b, c) {
            (Some(y), Some(m), Some(d)) if doc.word(i).len() == 4 => ymd(y, m, d),
            (Some(d), Some(m), Some(y)) if doc.word(i + 4).len() == 4 => match doc.language {
                Language::En if d <= 12 && m <= 12 && d != m => None,
                Language::En if m > 12 => ymd(y, d, m),
                _ => ymd(y, m, d),
            },
            _ => None,
        };
        match date {
            Some(date) => {
                out.push(TimeMention { tokens: TokenSpan::inclusive(i, i + 4), date: Some(date), precision: Precision::Day });
                i += 5;
            }
            None => i += 1,
        }
    }
    out
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    (1900..=2100).contains(&y).then(|| NaiveDate::from_ymd_opt(y as i32, m, d)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::model::Language;

    fn dates(lang: Language, text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let lex = crate::pipeline::testing::lexicons().get(lang);
        let doc = crate::pipeline::testing::before("times", lang, text);
        find_times(&doc, lex, parse_published(published))
            .into_iter()
            .map(|t| {
                let (s, e) = doc.token_span(t.tokens);
                (text[s..e].to_string(), t.date.map(|d| d.to_string()))
            })
            .collect()
    }

    #[test]
    fn arabic_last_monday() {
        // 2023-11-15 is a Wednesday
        assert_eq!(
            dates(Language::Ar, "أعلن، الاثنين الماضي، قصف", "2023-11-15"),
            vec![("الاثنين الماضي".into(), Some("2023-11-13".into()))]
        );
        assert_eq!(dates(Language::Ar, "اليوم الأربعاء", "2023-11-15T10:00:00Z").last().unwrap().1.as_deref(), Some("2023-11-15"));
    }

    #[test]
    fn english_dates() {
        assert_eq!(dates(Language::En, "on Sunday", "2015-12-07"), vec![("Sunday".into(), Some("2015-12-06".into()))]);
        assert_eq!(dates(Language::En, "the attacks Nov. 13 in Paris", "2015-12-07"), vec![("Nov. 13".into(), Some("2015-11-13".into()))]);
        assert_eq!(dates(Language::En, "yesterday", "2015-12-07"), vec![("yesterday".into(), Some("2015-12-06".into()))]);
    }

    #[test]
    fn month_with_bracketed_alias_and_year() {
        let lex = crate::pipeline::testing::lexicons().get(Language::Ar);
        let text = "وقع في مارس (آذار) 2014 في ولاية";
        let doc = crate::pipeline::testing::before("times", Language::Ar, text);
        let t = find_times(&doc, lex, parse_published("2015-07-21"));
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].date, t[0].precision), (NaiveDate::from_ymd_opt(2014, 3, 1), Precision::Month));
    }

    /// (language, text, published, expected mentions as (text, date, precision)).
    type Case = (Language, &'static str, &'static str, &'static [(&'static str, Option<&'static str>, &'static str)]);

    /// Sentences from the seed article and `../shared/corpus` (see tests/fixtures/SOURCES.md),
    /// and short constructed ones for the forms the corpus lacks.
    const CASES: &[Case] = &[
        // seed article: "الاثنين الماضي" in an article of Wednesday 15 November 2023
        (
            Language::Ar,
            "التقى مسؤولون أمريكيون وإيرانيون، الاثنين الماضي، في جنيف",
            "2023-11-15",
            &[("الاثنين الماضي", Some("2023-11-13"), "day")],
        ),
        // ar-0201: a full date with both month series
        (Language::Ar, "في 15 تشرين الثاني 2023 أعلنت", "2024-01-02", &[("15 تشرين الثاني 2023", Some("2023-11-15"), "day")]),
        (Language::Ar, "يوم 15 نوفمبر 2023", "", &[("15 نوفمبر 2023", Some("2023-11-15"), "day")]),
        // a day and month without a year take the publication year, or the one before
        (Language::Ar, "في 28 ديسمبر قتل", "2024-01-03", &[("28 ديسمبر", Some("2023-12-28"), "day")]),
        // relative days; without published_at they keep their text and no date
        (Language::Ar, "قالت وزارة الدفاع أمس إن", "2023-11-15", &[("أمس", Some("2023-11-14"), "day")]),
        (Language::Ar, "قالت وزارة الدفاع أمس إن", "", &[("أمس", None, "day")]),
        (Language::Ar, "وقعت الغارة أول من أمس", "2023-11-15", &[("أول من أمس", Some("2023-11-13"), "day")]),
        // periods
        (Language::Ar, "اجتمع الوفدان الأسبوع الماضي", "2023-11-15", &[("الأسبوع الماضي", Some("2023-11-06"), "week")]),
        (Language::Ar, "منذ الشهر الماضي", "2023-11-15", &[("الشهر الماضي", Some("2023-10-01"), "month")]),
        (Language::Ar, "في يناير الماضي", "2023-11-15", &[("يناير الماضي", Some("2023-01-01"), "month")]),
        (Language::Ar, "في نوفمبر الماضي", "2023-11-15", &[("نوفمبر الماضي", Some("2022-11-01"), "month")]),
        (Language::Ar, "خلال العام الجاري", "2023-11-15", &[("العام الجاري", Some("2023-01-01"), "year")]),
        (Language::Ar, "في هذا الأسبوع", "2023-11-15", &[("هذا الأسبوع", Some("2023-11-13"), "week")]),
        (Language::Ar, "في عام 2014 سيطر", "", &[("عام 2014", Some("2014-01-01"), "year")]),
        // time words take no pronoun enclitics: أمسك is "he held", مايك is Mike
        (Language::Ar, "أمسك مايك بومبيو الملف", "2018-03-16", &[]),
        // lengths of time are no dates
        (Language::Ar, "منذ أسبوع وخلال الأيام الماضية", "2023-11-15", &[]),
        // dates in digits, either script, either order
        (Language::Ar, "وقع الهجوم في 2023-11-15 صباحا", "", &[("2023-11-15", Some("2023-11-15"), "day")]),
        (Language::Ar, "بتاريخ ١٥/١١/٢٠٢٣ أعلنت", "", &[("١٥/١١/٢٠٢٣", Some("2023-11-15"), "day")]),
        (Language::Ar, "في 31/02/2023", "", &[]),
        // English
        (Language::En, "on Sunday", "2015-12-07", &[("Sunday", Some("2015-12-06"), "day")]),
        (Language::En, "the attacks Nov. 13 in Paris", "2015-12-07", &[("Nov. 13", Some("2015-11-13"), "day")]),
        (Language::En, "yesterday", "2015-12-07", &[("yesterday", Some("2015-12-06"), "day")]),
        (Language::En, "They met last Monday in Geneva", "2023-11-15", &[("last Monday", Some("2023-11-13"), "day")]),
        (Language::En, "They met last week.", "2023-11-15", &[("last week", Some("2023-11-06"), "week")]),
        (Language::En, "Talks resume next month.", "2023-11-15", &[("next month", Some("2023-12-01"), "month")]),
        (
            Language::En,
            "On 2023-11-15 and 15/11/2023 but not 11/10/2023.",
            "",
            &[("2023-11-15", Some("2023-11-15"), "day"), ("15/11/2023", Some("2023-11-15"), "day")],
        ),
        (Language::En, "on Nov. 15, 2023, the", "", &[("Nov. 15, 2023", Some("2023-11-15"), "day")]),
        (Language::En, "for 48 hours over several weeks", "2023-11-15", &[]),
        // "may" the verb and "march" the protest are no months; the capitalised months are
        (Language::En, "the team may have planned a march", "2015-12-07", &[]),
        (
            Language::En,
            "in May and on 3 March",
            "2015-12-07",
            &[("May", Some("2015-05-01"), "month"), ("3 March", Some("2015-03-03"), "day")],
        ),
        // a year after a year preposition, where no other expression holds it; not after since
        (Language::Ar, "مرر القانون في 2012 ردا على مقتل", "", &[("2012", Some("2012-01-01"), "year")]),
        (Language::Ar, "وقتل منذ 2011 آلاف الأشخاص", "", &[]),
        (Language::En, "the Madrid bombings in 2004 killed", "", &[("2004", Some("2004-01-01"), "year")]),
        (Language::En, "killed since 2011 and in March 2012", "", &[("March 2012", Some("2012-03-01"), "month")]),
        (Language::En, "in 1500 soldiers", "", &[]),
    ];

    #[test]
    fn table() {
        for (lang, text, published, expected) in CASES {
            let lex = crate::pipeline::testing::lexicons().get(*lang);
            let doc = crate::pipeline::testing::before("times", *lang, text);
            let got: Vec<(String, Option<String>, &str)> = find_times(&doc, lex, parse_published(published))
                .into_iter()
                .map(|t| {
                    let (s, e) = doc.token_span(t.tokens);
                    (text[s..e].to_string(), t.date.map(|d| d.to_string()), t.precision.as_str())
                })
                .collect();
            let want: Vec<(String, Option<String>, &str)> =
                expected.iter().map(|(t, d, p)| (t.to_string(), d.map(str::to_string), *p)).collect();
            assert_eq!(got, want, "{text:?} published {published:?}");
        }
    }

    #[test]
    fn extreme_publication_dates_do_not_panic() {
        let text = "الاثنين الماضي والخميس المقبل وأمس وغدا و15 ديسمبر ونوفمبر الماضي والأسبوع المقبل والشهر الماضي والعام المقبل";
        let lex = crate::pipeline::testing::lexicons().get(Language::Ar);
        let doc = crate::pipeline::testing::before("times", Language::Ar, text);
        for p in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()] {
            for t in find_times(&doc, lex, Some(p)) {
                let _ = t.range();
            }
        }
    }

    #[test]
    fn ranges() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let t = |date, precision| TimeMention { tokens: TokenSpan::single(0), date: Some(date), precision };
        assert_eq!(t(d(2024, 2, 1), Precision::Month).range(), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(t(d(2023, 12, 1), Precision::Month).range(), Some((d(2023, 12, 1), d(2023, 12, 31))));
        assert_eq!(t(d(2023, 11, 13), Precision::Week).range(), Some((d(2023, 11, 13), d(2023, 11, 19))));
        assert_eq!(period_start(d(2023, 1, 15), Precision::Month, -1), Some(d(2022, 12, 1)));
    }

    #[test]
    fn published_formats() {
        assert!(parse_published("2023-11-15").is_some());
        assert!(parse_published("2023-11-15T08:00:00+03:00").is_some());
        assert!(parse_published("15/11/2023").is_none());
    }
}
