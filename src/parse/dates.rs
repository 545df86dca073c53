//! Dates and times as wire pages print them, in whatever order the parts come.
//!
//! A date line is cut into labelled segments (`Published ...`, `Updated ...`); in each segment
//! the first calendar date is found (`21 January 2026`, `March 3, 2025`, `14/11/2025`,
//! `2025-09-04`, `14 NOV 2025`), then the clock time nearest to it (`09:53`, `4:05 PM`,
//! `3:15 p.m.`) and a stated zone (`GMT+3`, `EDT`).

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};
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
        use std::fmt::Write;
        let mut out = String::with_capacity(25);
        // chrono's `%Y` pads years 0 to 9999 to four digits and signs the others
        let year = self.date.year();
        if (0..=9999).contains(&year) {
            let _ = write!(
                out,
                "{year:04}-{:02}-{:02}",
                self.date.month(),
                self.date.day()
            );
        } else {
            let _ = write!(out, "{}", self.date.format("%Y-%m-%d"));
        }
        let Some(t) = self.time else {
            return out;
        };
        let _ = write!(out, "T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
        // A fixed offset puts every local time at one instant (unless it falls off chrono's
        // calendar, where the time is printed without it, as before).
        if let Some(off) = self.offset.or(fallback)
            && self
                .date
                .and_time(t)
                .and_local_timezone(off)
                .single()
                .is_some()
        {
            let secs = off.local_minus_utc();
            let sign = if secs < 0 { '-' } else { '+' };
            let secs = secs.unsigned_abs();
            let _ = write!(out, "{sign}{:02}:{:02}", secs / 3600, secs / 60 % 60);
        }
        out
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

/// Each month's first three letters, January first.
const MONTH_ABBREVIATIONS: [&[u8]; 12] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
];

/// Month number from a month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.');
    // The first three characters, which must be three bytes: no month starts otherwise.
    if n.len() < 3 || !n.is_char_boundary(3) {
        return None;
    }
    let first = &n.as_bytes()[..3];
    let m = MONTH_ABBREVIATIONS
        .iter()
        .position(|m| first.eq_ignore_ascii_case(m))?;
    Some(m as u32 + 1)
}

/// The first calendar date in `s`, with its byte range.
fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.is_ascii() {
        return ascii::find_date(s.as_bytes());
    }
    find_date_regex(s)
}

/// [`find_date`] by the patterns, for any text.
fn find_date_regex(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
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

/// A time from its printed parts; `pm` says whether `AM` or `PM` followed (12-hour clock).
fn clock(mut h: u32, m: u32, sec: u32, pm: Option<bool>) -> Option<NaiveTime> {
    if let Some(pm) = pm {
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
    NaiveTime::from_hms_opt(h, m, sec)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The clock time that starts nearest to byte `near` (the first of equally near ones).
fn find_time(s: &str, near: usize) -> Option<NaiveTime> {
    if s.is_ascii() {
        return ascii::find_time(s.as_bytes(), near);
    }
    find_time_regex(s, near)
}

fn find_time_regex(s: &str, near: usize) -> Option<NaiveTime> {
    TIME.captures_iter(s)
        .filter_map(|c| {
            let whole = c.get(0).unwrap();
            let h: u32 = c[1].parse().ok()?;
            let m: u32 = c[2].parse().ok()?;
            let sec: u32 = c.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?;
            let pm = c.get(4).map(|ap| ap.as_str().eq_ignore_ascii_case("p"));
            Some((whole.start().abs_diff(near), clock(h, m, sec, pm)?))
        })
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, t)| t)
}

/// The UTC offset the first zone in `s` states.
fn find_zone(s: &str) -> Option<FixedOffset> {
    if s.is_ascii() {
        return ascii::find_zone(s.as_bytes());
    }
    find_zone_regex(s)
}

fn find_zone_regex(s: &str) -> Option<FixedOffset> {
    let c = ZONE.captures(s)?;
    if let Some(sign) = c.get(1) {
        let h: i32 = c[2].parse().ok()?;
        let m: i32 = c.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?;
        return offset(sign.as_str() == "-", h, m);
    }
    zone_offset(&c[4])
}

/// The offset `GMT+h:mm` or `UTC-h` states.
fn offset(negative: bool, h: i32, m: i32) -> Option<FixedOffset> {
    let secs = (h * 3600 + m * 60) * if negative { -1 } else { 1 };
    FixedOffset::east_opt(secs)
}

/// The offset of a zone named by its abbreviation.
fn zone_offset(name: &str) -> Option<FixedOffset> {
    let hours = match name {
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
///
/// ASCII lines, nearly all of them, are read by the scanners of `ascii`, which give what
/// the patterns give; other lines by the patterns themselves.
pub fn date_line(line: &str) -> Option<Vec<(Label, Stamp)>> {
    // Every date has a four-digit year, and a year that parses is four ASCII digits.
    if !line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let is_ascii = line.is_ascii();
    let mut cuts = if is_ascii {
        ascii::labels(line.as_bytes())
    } else {
        labels_regex(line)
    };
    let labelled = !cuts.is_empty();
    if !labelled && surely_prose(line) {
        return None;
    }
    let (date, range) = find_date(line)?;
    // In ASCII the words outside the date bound those left once times, zones and credits are
    // taken out too (each of those starts a word, so taking it out splits none).
    let few_words = is_ascii && words_outside(line, range.clone()) <= 3;
    if !labelled && !few_words && residue_words(line, range.clone()) > 3 {
        return None;
    }
    if cuts.first().is_none_or(|c| c.0 > 0) {
        cuts.insert(0, (0, 0, Label::Plain));
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(_, body_start, label)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(line.len(), |c| c.0);
        let segment = &line[body_start..end];
        let stamp = if segment.len() == line.len() {
            // the whole line: its date is found already
            Some(Stamp {
                date,
                time: find_time(segment, range.start),
                offset: find_zone(segment),
            })
        } else {
            scan(segment)
        };
        if let Some(stamp) = stamp {
            out.push((label, stamp));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The labels in a line, by the pattern: where each starts and ends and what it says.
fn labels_regex(line: &str) -> Vec<(usize, usize, Label)> {
    LABEL
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
        .collect()
}

/// Words in `line` outside the date: the count [`residue_words`] starts from.
fn words_outside(line: &str, date: std::ops::Range<usize>) -> usize {
    let count = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    count(&line[..date.start]) + count(&line[date.end..])
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

/// The date, time, zone and label patterns above, as scanners over ASCII text: the same first
/// matches (leftmost, alternatives in the patterns' order) with the same parts, without a
/// regex search, captures or allocation. Only for ASCII: in other text the patterns' `\d`,
/// `\s` and case-insensitive letters take more than these scanners do.
///
/// Each pattern's greedy parts are followed by something they cannot themselves match (a
/// separator after digits, a non-letter after a month name), so at a given start there is
/// never more than one way to match, and backtracking never finds another: the scanners read
/// straight through.
mod ascii {
    use super::{Label, clock, offset, zone_offset};
    use chrono::{FixedOffset, NaiveDate, NaiveTime};
    use std::ops::Range;

    /// A byte of `(?-u:\w)`.
    fn is_word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    /// A byte of `\s`: the ASCII white space of Unicode's `White_Space`.
    pub(super) fn is_space(b: u8) -> bool {
        matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
    }

    /// `(?-u:\b)` before a word byte at `i`.
    fn word_starts(s: &[u8], i: usize) -> bool {
        i == 0 || !is_word(s[i - 1])
    }

    /// `(?-u:\b)` after a word byte at `i - 1`.
    fn word_ends(s: &[u8], i: usize) -> bool {
        s.get(i).is_none_or(|&b| !is_word(b))
    }

    fn digit(s: &[u8], i: usize) -> bool {
        s.get(i).is_some_and(u8::is_ascii_digit)
    }

    /// Whether `n` digits start at `i`.
    fn digits(s: &[u8], i: usize, n: usize) -> bool {
        s.get(i..i + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    }

    fn number(d: &[u8]) -> u32 {
        d.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0'))
    }

    /// `\d{1,2}` at `i` (a digit is there): its value and end.
    fn one_or_two(s: &[u8], i: usize) -> (u32, usize) {
        let end = if digit(s, i + 1) { i + 2 } else { i + 1 };
        (number(&s[i..end]), end)
    }

    /// The end of the white space from `i`.
    fn skip_space(s: &[u8], mut i: usize) -> usize {
        while s.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        i
    }

    /// Whether `word` (lower case) is at `i`, in any case.
    fn word_at(s: &[u8], i: usize, word: &[u8]) -> bool {
        s.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    /// The names the month pattern takes.
    const MONTHS: [&[u8]; 24] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
        b"jan",
        b"feb",
        b"mar",
        b"apr",
        b"jun",
        b"jul",
        b"aug",
        b"sept",
        b"sep",
        b"oct",
        b"nov",
        b"dec",
    ];

    /// A month name at `i` as the patterns read it: what follows a name there is never a
    /// letter, so the whole run of letters at `i` must be a name. Its number and end.
    fn month_at(s: &[u8], i: usize) -> Option<(u32, usize)> {
        let len = s[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if !(3..=9).contains(&len) {
            return None;
        }
        let name = &s[i..i + len];
        MONTHS.iter().find(|m| name.eq_ignore_ascii_case(m))?;
        let name = std::str::from_utf8(name).ok()?;
        Some((super::month_number(name)?, i + len))
    }

    fn date(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    }

    /// A pattern's match at a word start `i`: the date it reads (if it is one) and its end.
    type Match = Option<(Option<NaiveDate>, usize)>;

    /// `\b(\d{4})-(\d{2})-(\d{2})\b`
    fn iso(s: &[u8], i: usize) -> Match {
        let hit = digits(s, i, 4)
            && s.get(i + 4) == Some(&b'-')
            && digits(s, i + 5, 2)
            && s.get(i + 7) == Some(&b'-')
            && digits(s, i + 8, 2)
            && word_ends(s, i + 10);
        hit.then(|| {
            let d = date(
                number(&s[i..i + 4]),
                number(&s[i + 5..i + 7]),
                number(&s[i + 8..i + 10]),
            );
            (d, i + 10)
        })
    }

    /// `\b(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b`: day, month, year.
    fn slash(s: &[u8], i: usize) -> Match {
        if !digit(s, i) {
            return None;
        }
        let (day, k) = one_or_two(s, i);
        if !matches!(s.get(k), Some(b'/' | b'.')) || !digit(s, k + 1) {
            return None;
        }
        let (month, k) = one_or_two(s, k + 1);
        if !matches!(s.get(k), Some(b'/' | b'.')) || !digits(s, k + 1, 4) {
            return None;
        }
        let end = k + 5;
        word_ends(s, end).then(|| (date(number(&s[k + 1..end]), month, day), end))
    }

    /// `\b(\d{1,2})\s+MONTH\s*,?\s+(\d{4})`
    fn day_month_year(s: &[u8], i: usize) -> Match {
        if !digit(s, i) {
            return None;
        }
        let (day, k) = one_or_two(s, i);
        let k2 = skip_space(s, k);
        if k2 == k || !s.get(k2).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let (month, mut k) = month_at(s, k2)?;
        if s.get(k) == Some(&b'.') {
            k += 1;
        }
        let r = skip_space(s, k);
        let year = if s.get(r) == Some(&b',') {
            let r2 = skip_space(s, r + 1);
            if r2 == r + 1 {
                return None;
            }
            r2
        } else {
            if r == k {
                return None;
            }
            r
        };
        digits(s, year, 4).then(|| (date(number(&s[year..year + 4]), month, day), year + 4))
    }

    /// `\bMONTH\s+(\d{1,2}),?\s+(\d{4})`
    fn month_day_year(s: &[u8], i: usize) -> Match {
        if !s[i].is_ascii_alphabetic() {
            return None;
        }
        let (month, mut k) = month_at(s, i)?;
        if s.get(k) == Some(&b'.') {
            k += 1;
        }
        let r = skip_space(s, k);
        if r == k || !digit(s, r) {
            return None;
        }
        let (day, mut k) = one_or_two(s, r);
        if s.get(k) == Some(&b',') {
            k += 1;
        }
        let year = skip_space(s, k);
        (year > k && digits(s, year, 4))
            .then(|| (date(number(&s[year..year + 4]), month, day), year + 4))
    }

    /// The first calendar date: of the four patterns' first matches, the earliest that is a
    /// real date (the first pattern's on a tie). One pass from the left over the starts of
    /// words, where every pattern starts, trying each pattern until it has matched once.
    pub(super) fn find_date(s: &[u8]) -> Option<(NaiveDate, Range<usize>)> {
        let patterns: [fn(&[u8], usize) -> Match; 4] = [iso, slash, day_month_year, month_day_year];
        let mut pending = [true; 4];
        let mut i = 0;
        while i < s.len() {
            if !is_word(s[i]) {
                i += 1;
                continue;
            }
            for (k, pattern) in patterns.iter().enumerate() {
                if pending[k]
                    && let Some((d, end)) = pattern(s, i)
                {
                    pending[k] = false;
                    if let Some(d) = d {
                        return Some((d, i..end));
                    }
                }
            }
            while i < s.len() && is_word(s[i]) {
                i += 1;
            }
        }
        None
    }

    /// The time pattern's match at `i`:
    /// `\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?`
    /// gives its end, and the time when it is one.
    fn time_at(s: &[u8], i: usize) -> Option<(usize, Option<NaiveTime>)> {
        if !digit(s, i) || !word_starts(s, i) {
            return None;
        }
        let (h, k) = one_or_two(s, i);
        if s.get(k) != Some(&b':') || !digits(s, k + 1, 2) {
            return None;
        }
        let m = number(&s[k + 1..k + 3]);
        let mut end = k + 3;
        let mut sec = 0;
        if s.get(end) == Some(&b':') && digits(s, end + 1, 2) {
            sec = number(&s[end + 1..end + 3]);
            end += 3;
        }
        let mut pm = None;
        let p = skip_space(s, end);
        if let Some(&ap @ (b'A' | b'a' | b'P' | b'p')) = s.get(p) {
            let mut q = p + 1;
            if s.get(q) == Some(&b'.') {
                q += 1;
            }
            if s.get(q).copied().is_some_and(is_space) {
                q += 1;
            }
            if matches!(s.get(q), Some(b'M' | b'm')) && word_ends(s, q + 1) {
                q += 1;
                if s.get(q) == Some(&b'.') {
                    q += 1;
                }
                pm = Some(ap.eq_ignore_ascii_case(&b'p'));
                end = q;
            }
        }
        Some((end, clock(h, m, sec, pm)))
    }

    /// The time whose match starts nearest to `near`, the first of equally near ones.
    pub(super) fn find_time(s: &[u8], near: usize) -> Option<NaiveTime> {
        let mut best: Option<(usize, NaiveTime)> = None;
        let mut i = 0;
        while i < s.len() {
            let Some((end, time)) = time_at(s, i) else {
                i += 1;
                continue;
            };
            if let Some(t) = time {
                let dist = i.abs_diff(near);
                if best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, t));
                }
            }
            i = end;
        }
        best.map(|(_, t)| t)
    }

    /// The zone names of the zone pattern's second branch, in its order.
    const ZONES: [&str; 17] = [
        "GMT", "UTC", "EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "BST", "CEST", "CET",
        "KST", "JST", "MSK", "TRT",
    ];

    /// The offset the zone pattern's first match states:
    /// `\b(?:(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(ZONES)\b)`
    pub(super) fn find_zone(s: &[u8]) -> Option<FixedOffset> {
        for i in 0..s.len() {
            if !matches!(s[i], b'B'..=b'G' | b'J' | b'K' | b'M' | b'P' | b'T' | b'U')
                || !word_starts(s, i)
            {
                continue;
            }
            if s[i..].starts_with(b"GMT") || s[i..].starts_with(b"UTC") {
                let k = skip_space(s, i + 3);
                if let Some(&sign @ (b'+' | b'-')) = s.get(k) {
                    let k = skip_space(s, k + 1);
                    if digit(s, k) {
                        let (h, k) = one_or_two(s, k);
                        let m = if s.get(k) == Some(&b':') {
                            if digits(s, k + 1, 2) {
                                number(&s[k + 1..k + 3])
                            } else {
                                0
                            }
                        } else if digits(s, k, 2) {
                            number(&s[k..k + 2])
                        } else {
                            0
                        };
                        return offset(sign == b'-', h as i32, m as i32);
                    }
                }
            }
            if let Some(name) = ZONES
                .iter()
                .find(|z| s[i..].starts_with(z.as_bytes()) && word_ends(s, i + z.len()))
            {
                return zone_offset(name);
            }
        }
        None
    }

    /// The label pattern's matches, one after the other:
    /// `(?i)\b(published(?:\s+(?:on|date))?|posted|last\s+updated|updated(?:\s+on)?
    /// |modified(?:\s+(?:on|date))?)\b\s*:?`, each with its start, end and meaning.
    pub(super) fn labels(s: &[u8]) -> Vec<(usize, usize, Label)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            match label_at(s, i) {
                Some((end, label)) => {
                    out.push((i, end, label));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn label_at(s: &[u8], i: usize) -> Option<(usize, Label)> {
        if !matches!(s[i] | 0x20, b'p' | b'l' | b'u' | b'm') || !word_starts(s, i) {
            return None;
        }
        // `(?:\s+(?:on|date))?` after a word ending at `k`: taken when a word boundary follows.
        let suffix = |k: usize, words: &[&[u8]]| {
            let w = skip_space(s, k);
            if w > k
                && let Some(word) = words
                    .iter()
                    .find(|word| word_at(s, w, word) && word_ends(s, w + word.len()))
            {
                return w + word.len();
            }
            k
        };
        let (end, label) = if word_at(s, i, b"published") {
            (suffix(i + 9, &[b"on", b"date"]), Label::Published)
        } else if word_at(s, i, b"posted") {
            (i + 6, Label::Published)
        } else if word_at(s, i, b"last") {
            let k = skip_space(s, i + 4);
            if k == i + 4 || !word_at(s, k, b"updated") {
                return None;
            }
            (k + 7, Label::Modified)
        } else if word_at(s, i, b"updated") {
            (suffix(i + 7, &[b"on"]), Label::Modified)
        } else if word_at(s, i, b"modified") {
            (suffix(i + 8, &[b"on", b"date"]), Label::Modified)
        } else {
            return None;
        };
        if !word_ends(s, end) {
            return None;
        }
        let mut end = skip_space(s, end);
        if s.get(end) == Some(&b':') {
            end += 1;
        }
        Some((end, label))
    }
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

    /// The old reading, patterns only: what [`date_line`] must give for every line.
    fn date_line_by_patterns(line: &str) -> Option<Vec<(Label, Stamp)>> {
        let labelled = LABEL.is_match(line);
        if !labelled && surely_prose(line) {
            return None;
        }
        let (_, range) = find_date_regex(line)?;
        if !labelled && residue_words(line, range) > 3 {
            return None;
        }
        let mut cuts = labels_regex(line);
        if cuts.first().is_none_or(|c| c.0 > 0) {
            cuts.insert(0, (0, 0, Label::Plain));
        }
        let mut out = Vec::new();
        for (i, &(_, body_start, label)) in cuts.iter().enumerate() {
            let end = cuts.get(i + 1).map_or(line.len(), |c| c.0);
            let s = &line[body_start..end];
            if let Some((date, range)) = find_date_regex(s) {
                let stamp = Stamp {
                    date,
                    time: find_time_regex(s, range.start),
                    offset: find_zone_regex(s),
                };
                out.push((label, stamp));
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// Pieces of date lines, and of things that look like them, for the scanners to be
    /// checked against the patterns on.
    const PIECES: &[&str] = &[
        "21 January 2026",
        "Sept. 4, 2025",
        "14/11/2025",
        "2025-09-04",
        "14 NOV 2025",
        "09:53",
        "4:05 p.m.",
        "6:42 PM",
        "10:30:00",
        "GMT+3",
        "Source: Xinhua",
        "Editor: Liu-Wei-Ping",
        "A.M.",
        "x-y-z",
        "Monday",
        "published on",
        "Published Date:",
        "Last updated",
        "last  updated",
        "Updated on",
        "modified date",
        "updatedx",
        "Updated:",
        "jan.",
        "GMT + 3",
        "GMT-5:30",
        "UTC+0930",
        "GMT+",
        "GMTX",
        "MSK",
        "TRT",
        "PST",
        "P.",
        "a. m.",
        "9",
        "12:3",
        "123:45",
        "1:2:3",
        "00:00",
        "24:00",
        "12:60",
        "2025-13-01",
        "31/02/2025",
        "1.2.2025",
        "3/4/20255",
        ",,",
        "2025-1-1",
        "99:99:99",
    ];

    fn joined(parts: &[&str], seps: &[&str]) -> String {
        let mut line = String::new();
        for (i, p) in parts.iter().enumerate() {
            line.push_str(p);
            line.push_str(seps[i % seps.len()]);
        }
        line
    }

    /// Tokens that date lines and near misses are made of, to be put together with nothing
    /// between them, so that every adjacency the scanners look at comes up.
    const TOKENS: &[&str] = &[
        "2025",
        "0000",
        "20255",
        "202",
        "12",
        "1",
        "31",
        "02",
        "5",
        "99",
        "Jan",
        "jan",
        "January",
        "JUNE",
        "Junes",
        "Sept",
        "sep",
        "septem",
        "may",
        "Mayo",
        "Dec",
        "decx",
        "Published",
        "published",
        "on",
        "date",
        "Posted",
        "Last",
        "updated",
        "Updated",
        "Modified",
        "modified",
        "Republished",
        "GMT",
        "UTC",
        "EDT",
        "CEST",
        "CET",
        "KST",
        "XCEST",
        "ET",
        "am",
        "pm",
        "PM",
        "a",
        "p",
        "m",
        "M",
        "P",
        "x",
        "_",
        "Source",
        "Editor",
        "Xinhua",
        "All",
        "News",
        "floods",
        "the",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        ",",
        ",",
        ".",
        ".",
        ":",
        ":",
        "-",
        "-",
        "/",
        "|",
        "+",
        "#",
    ];

    /// The ASCII scanners and the whole reading against the patterns, on one line.
    fn check_against_patterns(
        line: &str,
        near: usize,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let b = line.as_bytes();
        proptest::prop_assert_eq!(ascii::find_date(b), find_date_regex(line), "{:?}", line);
        proptest::prop_assert_eq!(
            ascii::find_time(b, near),
            find_time_regex(line, near),
            "{:?}",
            line
        );
        proptest::prop_assert_eq!(ascii::find_zone(b), find_zone_regex(line), "{:?}", line);
        proptest::prop_assert_eq!(ascii::labels(b), labels_regex(line), "{:?}", line);
        proptest::prop_assert_eq!(date_line(line), date_line_by_patterns(line), "{:?}", line);
        Ok(())
    }

    /// The parts of a date, time and zone in the order they are printed, each with near misses
    /// and absence: one choice from each makes a line.
    const SLOTS: &[&[&str]] = &[
        &["", "Published ", "Updated on", "x"],
        &["", "5", "14", "144", "2025"],
        &["", " ", "  ", "\t"],
        &["", "Jan", "January", "Sept", "mayo", "x"],
        &["", "."],
        &["", " ", "  "],
        &["", ","],
        &["", " ", "\t"],
        &["", "5", "14", "2025", "20255", "202"],
        &["", ":", "/", "-", "."],
        &["", "05", "5", "2025", "30:15", "11/2025"],
        &["", " ", "  "],
        &["", "a", "P", "pm", "A.", "p. ", "p.\t", "p.m", "P.M."],
        &["", "m", "M", "m.", "mx", " m"],
        &["", " GMT", "UTC", " EDT", "+3", "-05:30", "+0930", "x"],
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The ASCII scanners give what the patterns give, on lines of date parts (twice over,
        /// for two dates and times in a line).
        #[test]
        fn scanners_match_the_patterns_on_date_parts(
            picks in proptest::collection::vec(0..8usize, SLOTS.len() * 2),
            near in 0..40usize,
        ) {
            let line: String = picks
                .iter()
                .enumerate()
                .map(|(i, &k)| {
                    let slot = SLOTS[i % SLOTS.len()];
                    slot[k % slot.len()]
                })
                .collect();
            check_against_patterns(&line, near)?;
        }

        /// The ASCII scanners give what the patterns give, on lines of tokens.
        #[test]
        fn scanners_match_the_patterns_on_tokens(
            tokens in proptest::collection::vec(proptest::sample::select(TOKENS), 0..16),
            near in 0..40usize,
        ) {
            check_against_patterns(&tokens.concat(), near)?;
        }

        /// The same on lines of whole dates, times and labels.
        #[test]
        fn scanners_match_the_patterns(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..10),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "", "  ", ", ", "\t", " | ", "-", "/", ".", ","]),
                1..4,
            ),
            near in 0..60usize,
        ) {
            check_against_patterns(&joined(&parts, &seps), near)?;
        }

        /// The same on arbitrary ASCII, and on any text for the whole reading.
        #[test]
        fn scanners_match_the_patterns_on_any_text(line in "[ -~\t]{0,60}", any in "\\PC{0,40}", near in 0..60usize) {
            check_against_patterns(&line, near)?;
            proptest::prop_assert_eq!(date_line(&any), date_line_by_patterns(&any), "{:?}", any);
        }
    }

    #[test]
    fn equally_near_times_give_the_first() {
        let line = "10:00 x 12:00";
        assert_eq!(
            ascii::find_time(line.as_bytes(), 4),
            find_time_regex(line, 4)
        );
        assert_eq!(find_time(line, 4), NaiveTime::from_hms_opt(10, 0, 0));
    }

    /// ISO 8601 as chrono formats it: what [`Stamp::to_iso`] must give.
    fn to_iso_by_chrono(s: &Stamp, fallback: Option<FixedOffset>) -> String {
        match s.time {
            None => s.date.format("%Y-%m-%d").to_string(),
            Some(t) => {
                let local = s.date.and_time(t);
                match s.offset.or(fallback) {
                    Some(off) => match local.and_local_timezone(off).single() {
                        Some(dt) => dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                        None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    },
                    None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn iso_strings_are_chronos(
            y in proptest::prop_oneof![0..=9999i32, -300_000..300_000i32],
            ordinal in 1..=366u32,
            time in proptest::option::of((0..24u32, 0..60u32, 0..60u32)),
            offset in proptest::option::of(-1439..=1439i32),
            fallback in proptest::option::of(-1439..=1439i32),
        ) {
            let Some(date) = NaiveDate::from_yo_opt(y, ordinal) else { return Ok(()) };
            let stamp = Stamp {
                date,
                time: time.and_then(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s)),
                offset: offset.and_then(|m| FixedOffset::east_opt(m * 60)),
            };
            let fallback = fallback.and_then(|m| FixedOffset::east_opt(m * 60));
            proptest::prop_assert_eq!(stamp.to_iso(fallback), to_iso_by_chrono(&stamp, fallback));
        }
    }

    #[test]
    fn ascii_white_space_is_the_patterns_white_space() {
        let space = Regex::new(r"^\s$").unwrap();
        for b in 0..128u8 {
            let c = char::from(b).to_string();
            assert_eq!(ascii::is_space(b), space.is_match(&c), "{b:#x}");
        }
    }

    #[test]
    fn month_numbers() {
        for (name, want) in [
            ("Jan", Some(1)),
            ("january", Some(1)),
            ("SEPT.", Some(9)),
            ("Dec..", Some(12)),
            ("Ju", None),
            ("Jué", None),
            ("éJan", None),
            ("Mayo", Some(5)),
            ("xyz", None),
        ] {
            assert_eq!(month_number(name), want, "{name}");
        }
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
