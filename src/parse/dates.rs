//! Dates and times as wire pages print them, in whatever order the parts come.
//!
//! A date line is cut into labelled segments (`Published ...`, `Updated ...`); in each segment
//! the first calendar date is found (`21 January 2026`, `March 3, 2025`, `14/11/2025`,
//! `2025-09-04`, `14 NOV 2025`), then the clock time nearest to it (`09:53`, `4:05 PM`,
//! `3:15 p.m.`) and a stated zone (`GMT+3`, `EDT`).

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// A point in time as printed: a date, maybe a time, maybe a stated UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub offset: Option<FixedOffset>,
}

impl Stamp {
    /// ISO 8601: with the stated offset, else with `fallback` (the agency's convention), else
    /// local time without an offset; only the date when no time was printed.
    pub fn to_iso(&self, fallback: Option<FixedOffset>) -> String {
        match self.time {
            None => self.date.format("%Y-%m-%d").to_string(),
            Some(t) => {
                let local = self.date.and_time(t);
                match self.offset.or(fallback) {
                    Some(off) => match local.and_local_timezone(off).single() {
                        Some(dt) => dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                        None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    },
                    None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                }
            }
        }
    }
}

/// What a segment of a date line says the time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Published,
    Modified,
    /// No label: the first such date is the publication time.
    Plain,
}

const MONTH: &str = r"(?i:(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)";

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());
static SLASH_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})([/.])(\d{1,2})[/.](\d{4})(?-u:\b)").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(\d{{1,2}})\s+{MONTH}\s*,?\s+(\d{{4}})")).unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})")).unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm](?-u:\b)\.?)?")
        .unwrap()
});
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CEST|CET|KST|JST|MSK|TRT)(?-u:\b))").unwrap()
});
/// `Source: Xinhua`, `Editor: huaxia`: credits that share a line with the date.
static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:source|editor|credit)\s*:\s*[\w-]+").unwrap());
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(published(?:\s+(?:on|date))?|posted|last\s+updated|updated(?:\s+on)?|modified(?:\s+(?:on|date))?)(?-u:\b)\s*:?").unwrap()
});

/// Month number from a month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The first calendar date in `s`, with its byte range.
fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    if let Some(c) = ISO_DATE.captures(s) {
        consider(ymd(&c[1], &c[2], &c[3]), c.get(0).unwrap().range());
    }
    if let Some(c) = SLASH_DATE.captures(s) {
        consider(ymd(&c[4], &c[3], &c[1]), c.get(0).unwrap().range());
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let m = month_number(&c[2])
            .map(|m| m.to_string())
            .unwrap_or_default();
        consider(ymd(&c[3], &m, &c[1]), c.get(0).unwrap().range());
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let m = month_number(&c[1])
            .map(|m| m.to_string())
            .unwrap_or_default();
        consider(ymd(&c[3], &m, &c[2]), c.get(0).unwrap().range());
    }
    best
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn find_time(s: &str, near: usize) -> Option<NaiveTime> {
    TIME.captures_iter(s)
        .filter_map(|c| {
            let whole = c.get(0).unwrap();
            let mut h: u32 = c[1].parse().ok()?;
            let m: u32 = c[2].parse().ok()?;
            let sec: u32 = c.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?;
            if let Some(ap) = c.get(4) {
                let pm = ap.as_str().eq_ignore_ascii_case("p");
                if h == 0 || h > 12 {
                    return None;
                }
                h = match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                };
            }
            let t = NaiveTime::from_hms_opt(h, m, sec)?;
            Some((whole.start().abs_diff(near), t))
        })
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, t)| t)
}

fn find_zone(s: &str) -> Option<FixedOffset> {
    let c = ZONE.captures(s)?;
    if let Some(sign) = c.get(1) {
        let h: i32 = c[2].parse().ok()?;
        let m: i32 = c.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?;
        let secs = (h * 3600 + m * 60) * if sign.as_str() == "-" { -1 } else { 1 };
        return FixedOffset::east_opt(secs);
    }
    let hours = match &c[4] {
        "GMT" | "UTC" => 0,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        "BST" | "CET" => 1,
        "CEST" => 2,
        "MSK" | "TRT" => 3,
        "KST" | "JST" => 9,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

/// The first date (with its nearest time and stated zone) in a piece of text.
pub fn scan(s: &str) -> Option<Stamp> {
    let (date, range) = find_date(s)?;
    Some(Stamp {
        date,
        time: find_time(s, range.start),
        offset: find_zone(s),
    })
}

/// Reads a date line: each labelled segment that holds a date. `None` when the line is not a
/// date line: no date in it, or more words besides the date than labels and a source name.
pub fn date_line(line: &str) -> Option<Vec<(Label, Stamp)>> {
    let labelled = LABEL.is_match(line);
    if !labelled && surely_prose(line) {
        return None;
    }
    let (_, range) = find_date(line)?;
    if !labelled && residue_words(line, range) > 3 {
        return None;
    }
    let mut cuts: Vec<(usize, usize, Label)> = LABEL
        .captures_iter(line)
        .map(|c| {
            let m = c.get(0).unwrap();
            let word = c[1].to_ascii_lowercase();
            let label = if word.starts_with("publish") || word.starts_with("posted") {
                Label::Published
            } else {
                Label::Modified
            };
            (m.start(), m.end(), label)
        })
        .collect();
    if cuts.first().is_none_or(|c| c.0 > 0) {
        cuts.insert(0, (0, 0, Label::Plain));
    }
    let mut out = Vec::new();
    for (i, &(_, body_start, label)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(line.len(), |c| c.0);
        if let Some(stamp) = scan(&line[body_start..end]) {
            out.push((label, stamp));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `line` has too many words to be a date line, whatever its date, times, zones and
/// credits turn out to be: a cheap test that spares paragraphs the date patterns. A date takes
/// at most two words (`Sept.`), a time or a credit at most two per colon (`p.m.`,
/// `Source: Xinhua`) and one per hyphen (`Editor: Liu-Wei`), a zone one capitalised word
/// (`EDT`); [`residue_words`] allows three more.
fn surely_prose(line: &str) -> bool {
    let colons = line.bytes().filter(|&b| b == b':').count();
    let hyphens = line.bytes().filter(|&b| b == b'-').count();
    // A zone word counts as a word and raises the allowance by one, so only the other words
    // count against it, and the count can stop as soon as they are too many.
    let allowed = 3 + 2 + 2 * colons + hyphens;
    let mut plain = 0;
    for w in line.split(|c: char| !c.is_alphanumeric()) {
        let zone_like = w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase());
        if !zone_like && w.chars().any(char::is_alphabetic) {
            plain += 1;
            if plain > allowed {
                return true;
            }
        }
    }
    false
}

/// Words in `line` outside the date and outside times and zones.
fn residue_words(line: &str, date: std::ops::Range<usize>) -> usize {
    let rest = format!("{} {}", &line[..date.start], &line[date.end..]);
    let rest = TIME.replace_all(&rest, " ");
    let rest = ZONE.replace_all(&rest, " ");
    let rest = CREDIT.replace_all(&rest, " ");
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(line: &str) -> Vec<(Label, String)> {
        date_line(line)
            .unwrap_or_default()
            .into_iter()
            .map(|(l, s)| (l, s.to_iso(None)))
            .collect()
    }

    #[test]
    fn wire_date_lines() {
        use Label::*;
        let cases: &[(&str, &[(Label, &str)])] = &[
            (
                "Published Date: 09:53 | 21 January 2026",
                &[(Published, "2026-01-21T09:53:00")],
            ),
            (
                "March 3, 2025 4:05 PM GMT+3 Updated 5 hours ago",
                &[(Plain, "2025-03-03T16:05:00+03:00")],
            ),
            (
                "Updated October 6, 2025 6:40 PM GMT+2",
                &[(Modified, "2025-10-06T18:40:00+02:00")],
            ),
            (
                "Updated 9:47 PM EDT, September 11, 2025",
                &[(Modified, "2025-09-11T21:47:00-04:00")],
            ),
            ("February 9, 2025", &[(Plain, "2025-02-09")]),
            (
                "Published on: 14/11/2025 - 18:40",
                &[(Published, "2025-11-14T18:40:00")],
            ),
            (
                "Source: Xinhua| 2025-09-04 21:05:37|Editor: huaxia",
                &[(Plain, "2025-09-04T21:05:37")],
            ),
            ("14 NOV 2025, 16:48", &[(Plain, "2025-11-14T16:48:00")]),
            ("Published On 21 Jan 2026", &[(Published, "2026-01-21")]),
            (
                "Published 3:15 p.m. ET Feb. 3, 2025 | Updated 6:42 p.m. ET Feb. 3, 2025",
                &[
                    (Published, "2025-02-03T15:15:00"),
                    (Modified, "2025-02-03T18:42:00"),
                ],
            ),
            (
                "All News 10:37 January 04, 2026",
                &[(Plain, "2026-01-04T10:37:00")],
            ),
            ("12:00 AM | 1 May 2024", &[(Plain, "2024-05-01T00:00:00")]),
            (
                "Published Date: 21.01.2026 09:53",
                &[(Published, "2026-01-21T09:53:00")],
            ),
            (
                "Published On 21 Jan 202621 Jan 2026",
                &[(Published, "2026-01-21")],
            ),
            ("Last updated 22 Jan 2026", &[(Modified, "2026-01-22")]),
        ];
        for (line, want) in cases {
            let want: Vec<(Label, String)> =
                want.iter().map(|(l, s)| (*l, s.to_string())).collect();
            assert_eq!(iso(line), want, "{line}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert!(date_line("Floods kill 300 people across the Sahel on 2 September 2024").is_none());
        assert!(date_line("No date here at all").is_none());
        assert!(date_line("Updated 5 hours ago").is_none());
    }

    #[test]
    fn impossible_dates_are_ignored() {
        assert!(scan("31/02/2025").is_none());
        assert!(scan("2025-13-01").is_none());
    }

    #[test]
    fn offset_fallback_applies_only_without_a_stated_zone() {
        let s = scan("09:53 | 21 January 2026").unwrap();
        let trt = FixedOffset::east_opt(3 * 3600);
        assert_eq!(s.to_iso(trt), "2026-01-21T09:53:00+03:00");
        let s = scan("March 3, 2025 4:05 PM GMT+1").unwrap();
        assert_eq!(s.to_iso(trt), "2025-03-03T16:05:00+01:00");
    }

    proptest::proptest! {
        /// The shortcut never refuses a line that the full reading would take: over random
        /// mixes of dates, times, zones, credits and words, whenever `surely_prose` says prose,
        /// the line has no date or more than three words besides it.
        #[test]
        fn surely_prose_only_refuses_prose(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "21 January 2026", "Sept. 4, 2025", "14/11/2025", "2025-09-04", "14 NOV 2025",
                "09:53", "4:05 p.m.", "6:42 PM", "10:30:00", "GMT+3", "EDT", "UTC", "ET",
                "Source: Xinhua", "Editor: Liu-Wei-Ping", "|", "-", ",", "All", "News",
                "floods", "kill", "the", "A.M.", "x-y-z", "Monday",
            ]),
            0..14,
        )) {
            let line = parts.join(" ");
            if surely_prose(&line) {
                let residue = find_date(&line).map(|(_, r)| residue_words(&line, r));
                proptest::prop_assert!(residue.is_none_or(|n| n > 3), "{line}");
            }
        }
    }
}
