//! Time expressions (weekdays, relative days, "last"/"next", day + month [+ year]) and
//! their resolution against the article's publication date.

use super::document::Document;
use super::lexicon::{LanguageLexicons, TimeKind};
use super::segment::TokenKind;
use chrono::{Datelike, Duration, NaiveDate};

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The resolved date, when the publication date allows.
    pub date: Option<NaiveDate>,
    /// The year, when the text or the date gives it ("مارس 2014").
    pub year: Option<i32>,
}

/// Parses `published_at` (`YYYY-MM-DD` or RFC 3339) into a date.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| chrono::DateTime::parse_from_rfc3339(s).ok().map(|d| d.date_naive()))
}

fn day_number(doc: &Document, i: usize) -> Option<u32> {
    (doc.tokens().get(i)?.kind == TokenKind::Number).then(|| doc.word(i).parse().ok()).flatten().filter(|d| (1..=31).contains(d))
}

fn year_number(doc: &Document, i: usize) -> Option<i32> {
    (doc.tokens().get(i)?.kind == TokenKind::Number).then(|| doc.word(i).parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// Tokens that hold a duration unit (ساعة، days), for telling counts of time from counts
/// of people.
pub fn duration_tokens(doc: &Document, lex: &LanguageLexicons) -> Vec<usize> {
    lex.time.find(doc).into_iter().filter(|h| lex.time.entries()[h.entry].kind == TimeKind::Duration).map(|h| h.first).collect()
}

/// Finds time expressions and resolves them against `published`.
pub fn find_times(doc: &Document, lex: &LanguageLexicons, published: Option<NaiveDate>) -> Vec<TimeMention> {
    let hits = lex.time.find(doc);
    let mut out: Vec<TimeMention> = Vec::new();
    let mut k = 0;
    while k < hits.len() {
        let h = &hits[k];
        if out.last().is_some_and(|p| h.first <= p.last) {
            k += 1; // already part of the previous expression ("مارس (آذار)")
            continue;
        }
        let entry = &lex.time.entries()[h.entry];
        let (mut first, mut last) = (h.first, h.last);
        let mut date = None;
        let mut explicit_year = None;
        match entry.kind {
            TimeKind::Weekday => {
                let wd = entry.value.unwrap_or(1).clamp(1, 7);
                // "الاثنين الماضي", "last Monday", "Monday next"
                let mut direction = 0i64;
                if let Some(n) = hits.get(k + 1).filter(|n| n.first == last + 1) {
                    match lex.time.entries()[n.entry].kind {
                        TimeKind::Past => direction = -1,
                        TimeKind::Next => direction = 1,
                        _ => {}
                    }
                    if direction != 0 {
                        last = n.last;
                        k += 1;
                    }
                }
                if let Some(p) = out.last().filter(|p| p.last + 1 == first && p.date.is_none()) {
                    // "last Monday": the modifier came first
                    let prev_kind = hits[k.saturating_sub(1)].entry;
                    direction = match lex.time.entries()[prev_kind].kind {
                        TimeKind::Past => -1,
                        TimeKind::Next => 1,
                        _ => direction,
                    };
                    first = p.first;
                    out.pop();
                }
                if let Some(p) = published {
                    let pub_wd = p.weekday().number_from_monday() as i64;
                    date = Some(if direction > 0 {
                        let ahead = (wd - pub_wd).rem_euclid(7);
                        p + Duration::days(if ahead == 0 { 7 } else { ahead })
                    } else {
                        let back = (pub_wd - wd).rem_euclid(7);
                        p - Duration::days(if back == 0 && direction < 0 { 7 } else { back })
                    });
                }
            }
            TimeKind::RelativeDay => {
                date = published.map(|p| p + Duration::days(entry.value.unwrap_or(0)));
            }
            TimeKind::Month => {
                let month = entry.value.unwrap_or(1).clamp(1, 12) as u32;
                let day = if h.first > 0 { day_number(doc, h.first - 1) } else { None };
                // "مارس (آذار) 2014": skip the month's other name in brackets
                if doc.is_punct(h.last + 1, "(")
                    && let Some(close) = (h.last + 2..(h.last + 5).min(doc.tokens().len())).find(|&k| doc.is_punct(k, ")"))
                {
                    last = close;
                }
                let h_last = last;
                let day_after = day_number(doc, h_last + 1);
                let (day, year_at) = match (day, day_after) {
                    (Some(d), _) => {
                        first = h.first - 1;
                        (Some(d), h_last + 1)
                    }
                    (None, Some(d)) => {
                        last = h_last + 1;
                        (Some(d), h_last + 2 + usize::from(doc.is_punct(h_last + 2, ",")))
                    }
                    _ => (None, h_last + 1),
                };
                let year = year_number(doc, year_at);
                if year.is_some() {
                    last = year_at;
                }
                explicit_year = year;
                if let Some(d) = day {
                    let y = year.or(published.map(|p| p.year()));
                    date = y.and_then(|y| NaiveDate::from_ymd_opt(y, month, d)).map(|dt| match (year, published) {
                        (None, Some(p)) if dt > p + Duration::days(31) => dt.with_year(dt.year() - 1).unwrap_or(dt),
                        _ => dt,
                    });
                }
            }
            TimeKind::Duration => {
                k += 1;
                continue;
            }
            TimeKind::Past | TimeKind::Next => {
                // a bare modifier is kept only to combine with a following weekday
                out.push(TimeMention { first, last, date: None, year: None });
                k += 1;
                continue;
            }
        }
        let year = date.map(|d| d.year()).or(explicit_year);
        out.push(TimeMention { first, last, date, year });
        k += 1;
    }
    // drop bare modifiers that did not combine
    out.retain(|t| {
        let h = hits.iter().find(|h| h.first == t.first);
        !(t.date.is_none()
            && t.first == t.last
            && h.is_some_and(|h| matches!(lex.time.entries()[h.entry].kind, TimeKind::Past | TimeKind::Next)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::lexicon::Lexicons;
    use crate::pipeline::model::Language;
    use std::sync::LazyLock;

    static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::load(None).unwrap());

    fn dates(lang: Language, text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let lex = LEX.get(lang);
        let doc = Document::new(text, lang, &lex.abbreviations);
        find_times(&doc, lex, parse_published(published))
            .into_iter()
            .map(|t| {
                let (s, e) = doc.token_span(t.first, t.last);
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
        let lex = LEX.get(Language::Ar);
        let text = "وقع في مارس (آذار) 2014 في ولاية";
        let doc = Document::new(text, Language::Ar, &lex.abbreviations);
        let t = find_times(&doc, lex, parse_published("2015-07-21"));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].year, Some(2014));
    }

    #[test]
    fn published_formats() {
        assert!(parse_published("2023-11-15").is_some());
        assert!(parse_published("2023-11-15T08:00:00+03:00").is_some());
        assert!(parse_published("15/11/2023").is_none());
    }
}
