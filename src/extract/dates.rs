//! Date mentions in the body, placed on the calendar against the publication date.
//!
//! `on Wednesday` is the last Wednesday on or before the publication day; `Jan. 3` and
//! `3 January` fall in the publication year (the year before when that would put them more
//! than a month after publication); `last week`/`this month`/`next year` give the first day of
//! that week (Monday), month or year; `in 2025` gives 2025-01-01, `in July 2023` 2023-07-01.

use crate::parse::dates::month_number;
use crate::record::DateMention;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.";
const DAYS: &str = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// The kinds of date phrase, in the order they are preferred where several could match.
fn alternatives() -> [String; 8] {
    [
        format!(
            r"(?P<md>(?-u:\b)(?P<md_m>{MONTHS})\s(?P<md_d>\d{{1,2}})(?:,\s(?P<md_y>\d{{4}}))?(?-u:\b))"
        ),
        format!(
            r"(?P<dm>(?-u:\b)(?P<dm_d>\d{{1,2}})\s(?P<dm_m>{MONTHS})(?:\s(?P<dm_y>\d{{4}}))?(?-u:\b))"
        ),
        format!(
            r"(?P<my>(?-u:\b)(?:(?i:in|since|until|by)\s)?(?:(?i:early|late|mid-)\s?)?(?P<my_m>{MONTHS})\s(?P<my_y>\d{{4}})(?-u:\b))"
        ),
        r"(?P<rel>(?-u:\b)(?:(?i:earlier|later)\s)?(?P<rel_w>(?i:last|this|next))\s(?P<rel_u>week|month|year)(?-u:\b))".to_owned(),
        format!(r"(?P<wd>(?-u:\b)(?:(?i:on|last|this|next)\s)?(?P<wd_d>{DAYS})(?-u:\b))"),
        r"(?P<yr>(?-u:\b)(?i:in|since|until|by)\s(?P<yr_y>(?:19|20)\d{2})(?-u:\b))".to_owned(),
        r"(?P<day>(?-u:\b)(?P<day_w>(?i:yesterday|today|tomorrow))(?-u:\b))".to_owned(),
        r"(?P<mo>(?-u:\b)(?:in|since|until|by|early|late|mid-)\s?(?P<mo_m>January|February|March|April|June|July|August|September|October|November|December)(?-u:\b))".to_owned(),
    ]
}

/// Every kind of date phrase in one pattern: it finds where the phrases are.
static DATE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&alternatives().join("|")).expect("date regex"));

/// Each kind alone, anchored at the start: the first that matches a found phrase (and no more)
/// is the kind the whole pattern matched (it prefers the earlier kinds), and gives its parts.
/// Reading the parts from a small pattern on the phrase alone is much cheaper than from the
/// whole pattern.
static KINDS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    alternatives()
        .iter()
        .map(|a| Regex::new(&format!("^(?:{a})")).expect("date kind regex"))
        .collect()
});

/// The date phrases of a paragraph: the same matches, with the same named parts, as
/// `DATE_RE.captures_iter(para)`. The whole pattern only finds them (its fast search needs no
/// parts); each phrase is then read by the one kind that matches it ([`KINDS`]).
fn phrases(para: &str) -> Vec<regex::Captures<'_>> {
    DATE_RE
        .find_iter(para)
        .filter_map(|m| {
            // the phrase and the character after it, which its last word boundary looks at
            let next = para[m.end()..].chars().next().map_or(0, char::len_utf8);
            let piece = &para[m.start()..m.end() + next];
            KINDS.iter().find_map(|k| {
                k.captures(piece)
                    .filter(|c| c.get(0).is_some_and(|g| g.end() == m.len()))
            })
        })
        .collect()
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = d.year() * 12 + d.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
}

/// A month and day without a year: in the publication year, or the year before when that
/// would be more than a month after publication.
fn near_year(pub_date: Option<NaiveDate>, month: u32, day: u32) -> Option<NaiveDate> {
    let p = pub_date?;
    let d = NaiveDate::from_ymd_opt(p.year(), month, day)?;
    if d > p + Duration::days(31) {
        NaiveDate::from_ymd_opt(p.year() - 1, month, day)
    } else {
        Some(d)
    }
}

fn resolve(caps: &regex::Captures, pub_date: Option<NaiveDate>) -> Option<NaiveDate> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    if caps.name("md").is_some() || caps.name("dm").is_some() {
        let (m, d, y) = if caps.name("md").is_some() {
            (month("md_m")?, num("md_d")?, num("md_y"))
        } else {
            (month("dm_m")?, num("dm_d")?, num("dm_y"))
        };
        let d = u32::try_from(d).ok()?;
        return match y {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => near_year(pub_date, m, d),
        };
    }
    if caps.name("my").is_some() {
        return NaiveDate::from_ymd_opt(num("my_y")?, month("my_m")?, 1);
    }
    if caps.name("yr").is_some() {
        return NaiveDate::from_ymd_opt(num("yr_y")?, 1, 1);
    }
    let p = pub_date?;
    if caps.name("rel").is_some() {
        let step = match caps.name("rel_w")?.as_str().to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return match caps.name("rel_u")?.as_str() {
            "week" => Some(monday_of(p) + Duration::days(7 * step as i64)),
            "month" => add_months(p, step),
            _ => NaiveDate::from_ymd_opt(p.year() + step, 1, 1),
        };
    }
    if caps.name("wd").is_some() {
        let want = weekday(caps.name("wd_d")?.as_str())?;
        let text = caps.get(0)?.as_str();
        let back = (7 + p.weekday().num_days_from_monday() as i64
            - want.num_days_from_monday() as i64)
            % 7;
        let mut d = p - Duration::days(back);
        let text = text.to_ascii_lowercase();
        if text.starts_with("next") {
            d += Duration::days(7);
        } else if text.starts_with("last") && back == 0 {
            d -= Duration::days(7);
        }
        return Some(d);
    }
    if caps.name("day").is_some() {
        return Some(
            match caps.name("day_w")?.as_str().to_ascii_lowercase().as_str() {
                "yesterday" => p - Duration::days(1),
                "tomorrow" => p + Duration::days(1),
                _ => p,
            },
        );
    }
    if caps.name("mo").is_some() {
        let m = month("mo_m")?;
        let y = if m > p.month() + 1 {
            p.year() - 1
        } else {
            p.year()
        };
        return NaiveDate::from_ymd_opt(y, m, 1);
    }
    None
}

/// The date mentions of a body, with `published` (ISO) as the reference.
pub fn find(body: &[String], published: Option<&str>) -> Vec<DateMention> {
    let pub_date = published
        .and_then(|p| p.get(..10))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let mut out = Vec::new();
    for (i, para) in body.iter().enumerate() {
        for caps in phrases(para) {
            if let (Some(m), Some(d)) = (caps.get(0), resolve(&caps, pub_date)) {
                out.push(DateMention {
                    text: m.as_str().to_string(),
                    date: d.format("%Y-%m-%d").to_string(),
                    paragraph: i,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_against_publication() {
        // 2026-01-21 is a Wednesday
        let cases: &[(&str, &str, &str)] = &[
            ("They met on Wednesday.", "on Wednesday", "2026-01-21"),
            ("They arrived on Tuesday.", "on Tuesday", "2026-01-20"),
            ("Talks resume on Friday.", "on Friday", "2026-01-16"),
            ("The raid came on Jan. 3.", "Jan. 3", "2026-01-03"),
            ("Ships sailed on Dec. 28.", "Dec. 28", "2025-12-28"),
            ("It started on 1 April 2025.", "1 April 2025", "2025-04-01"),
            ("Prices fell last week.", "last week", "2026-01-12"),
            ("A vote is due next month.", "next month", "2026-02-01"),
            ("It joined in 2025.", "in 2025", "2025-01-01"),
            (
                "Power was seized in July 2023.",
                "in July 2023",
                "2023-07-01",
            ),
            ("Rain fell yesterday.", "yesterday", "2026-01-20"),
            ("Last week, prices rose.", "Last week", "2026-01-12"),
        ];
        for (text, want_text, want_date) in cases {
            let got = find(&[text.to_string()], Some("2026-01-21T09:53:00+03:00"));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].text, *want_text, "{text}");
            assert_eq!(got[0].date, *want_date, "{text}");
        }
    }

    #[test]
    fn without_publication_only_absolute_dates() {
        let got = find(&["On Monday, in 2024, on March 3, 2025.".to_string()], None);
        let dates: Vec<&str> = got.iter().map(|d| d.date.as_str()).collect();
        assert_eq!(dates, ["2024-01-01", "2025-03-03"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Reading each phrase with its own kind gives what one capturing search gives.
        #[test]
        fn kinds_read_what_the_whole_pattern_captures(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "on", "in", "since", "by", "last", "this", "next", "earlier", "early", "mid-",
                "Monday", "Sunday", "today", "Yesterday", "holidays", "week", "month", "year",
                "January", "Jan.", "Sept.", "May", "March", "marching", "3", "21", "2025", "1999",
                "120", "20", ",", ".", "\u{a0}", "\u{3000}", "words", "and", "more", "of", "the",
                "décembre", "x",
            ]),
            0..60,
        ), glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  "]), 60)) {
            let mut para = String::new();
            for (p, g) in parts.iter().zip(&glue) {
                para.push_str(p);
                para.push_str(g);
            }
            // every named part that matched, with its text
            let parts_of = |c: &regex::Captures| -> Vec<(String, String)> {
                DATE_RE
                    .capture_names()
                    .flatten()
                    .filter_map(|n| Some((n.to_owned(), c.name(n)?.as_str().to_owned())))
                    .collect()
            };
            let whole: Vec<_> = DATE_RE.captures_iter(&para).map(|c| parts_of(&c)).collect();
            let by_kind: Vec<_> = phrases(&para).iter().map(parts_of).collect();
            proptest::prop_assert_eq!(by_kind, whole, "{}", para);
        }
    }
}
