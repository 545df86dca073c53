//! Date mentions in the body, placed on the calendar against the publication date.
//!
//! `on Wednesday` is the last Wednesday on or before the publication day; `Jan. 3` and
//! `3 January` fall in the publication year (the year before when that would put them more
//! than a month after publication); `last week`/`this month`/`next year` give the first day of
//! that week (Monday), month or year; `in 2025` gives 2025-01-01, `in July 2023` 2023-07-01.
//!
//! The phrases are found by a scanner over the paragraph's bytes (`phrases`) that finds
//! exactly what one regex of eight alternatives found before it (that regex is kept in the
//! tests, which check the scanner against it). The regex walked every byte of every paragraph
//! and then read each match again for its parts; the scanner looks only at word boundaries,
//! and there only at the kinds that can begin with the bytes it finds.

use crate::parse::dates::month_number;
use crate::record::DateMention;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::cmp::Ordering;

/// Words to match at a place, each list in the order its pattern gives it, with an index of
/// which words can begin with each byte, so that a place is compared only with those.
struct Words {
    list: &'static [&'static str],
    /// Whether case is ignored, as `(?i:...)` ignores it (see [`word_ci`]).
    any_case: bool,
    /// For each byte, the words (as bits, by their place in `list`) that can begin with it.
    by_first: [u32; 256],
}

impl Words {
    /// Words matched as written.
    const fn as_written(list: &'static [&'static str]) -> Self {
        Self::new(list, false)
    }

    /// Words (lower-case ASCII) matched in any case.
    const fn any_case(list: &'static [&'static str]) -> Self {
        Self::new(list, true)
    }

    const fn new(list: &'static [&'static str], any_case: bool) -> Self {
        assert!(list.len() <= 32, "one bit for each word");
        let mut by_first = [0; 256];
        let mut i = 0;
        while i < list.len() {
            let first = list[i].as_bytes()[0];
            let bit = 1 << i;
            if any_case {
                by_first[first.to_ascii_lowercase() as usize] |= bit;
                by_first[first.to_ascii_uppercase() as usize] |= bit;
                if let Some(f) = folded(first) {
                    by_first[f[0] as usize] |= bit;
                }
            } else {
                by_first[first as usize] |= bit;
            }
            i += 1;
        }
        Words {
            list,
            any_case,
            by_first,
        }
    }

    /// Where the first of the words that is at `p` ends. No word of a list here begins
    /// another (in any case), so at most one can be at a place, and the pattern never has to
    /// come back to try a later one.
    #[inline(always)]
    fn at(&self, s: &str, p: usize) -> Option<usize> {
        let mut maybe = self.by_first[usize::from(*s.as_bytes().get(p)?)];
        while maybe != 0 {
            let word = self.list.get(maybe.trailing_zeros() as usize)?;
            maybe &= maybe - 1;
            let end = if self.any_case {
                word_ci(s, p, word)
            } else {
                as_written(s, p, word)
            };
            if end.is_some() {
                return end;
            }
        }
        None
    }
}

/// The months in full, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week, Monday first.
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The months a bare month (`in March`, `early June`) can be: spelled out, and not `May`,
/// which is too often the verb.
pub const SPELLED_MONTHS_BUT_MAY: [&str; 11] = {
    let mut out = [""; 11];
    let mut i = 0;
    while i < 11 {
        out[i] = MONTH_NAMES[if i < 4 { i } else { i + 1 }];
        i += 1;
    }
    out
};

/// Every month name the dated kinds know, in the order the pattern tries them (case matters):
/// in full, then as wire copy abbreviates them (`Sept.` before `Sep.`).
const ALL_MONTHS: [&str; 24] = {
    const ABBREVIATED: [&str; 12] = [
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
        "Dec.",
    ];
    let mut out = [""; 24];
    let mut i = 0;
    while i < 12 {
        out[i] = MONTH_NAMES[i];
        out[12 + i] = ABBREVIATED[i];
        i += 1;
    }
    out
};

/// Month names, written as the dated kinds know them (case matters).
const MONTHS: Words = Words::as_written(&ALL_MONTHS);

/// Month names a bare month can be ([`SPELLED_MONTHS_BUT_MAY`]).
const SPELLED_MONTHS: Words = Words::as_written(&SPELLED_MONTHS_BUT_MAY);

/// Day names (case matters).
const DAYS: Words = Words::as_written(&DAY_NAMES);

/// Words before a year or a month and its year (`in 2025`, `since July 2023`).
const SINCE: Words = Words::any_case(&["in", "since", "until", "by"]);

/// Words before a month and its year (`early March 2024`, `mid-June 2020`).
const EARLY: Words = Words::any_case(&["early", "late", "mid-"]);

/// Words before a bare month (`in March`, `mid-June`): those of [`SINCE`] and [`EARLY`], in
/// lower case only.
const BEFORE_MONTH: Words =
    Words::as_written(&["in", "since", "until", "by", "early", "late", "mid-"]);

/// Words that may come before `last week` and the like.
const EARLIER: Words = Words::any_case(&["earlier", "later"]);

/// Which week, month or year.
const WHICH: Words = Words::any_case(&["last", "this", "next"]);

/// What `last`/`this`/`next` count in (lower case only).
const UNITS: Words = Words::as_written(&["week", "month", "year"]);

/// Words that may come before a day name.
const ON: Words = Words::any_case(&["on", "last", "this", "next"]);

/// How a year after `in` and the like begins.
const CENTURIES: Words = Words::as_written(&["19", "20"]);

/// Days named relative to publication.
const NEAR_DAYS: Words = Words::any_case(&["yesterday", "today", "tomorrow"]);

/// The decimal digits `\d` matches: Unicode `Nd` (Unicode 16, as the regex crate has it), not
/// only ASCII. A day or year written in other digits is matched, and so takes its place in the
/// text, but does not parse and so gives no date.
const DECIMAL_DIGITS: [(char, char); 71] = [
    ('\u{30}', '\u{39}'),
    ('\u{660}', '\u{669}'),
    ('\u{6f0}', '\u{6f9}'),
    ('\u{7c0}', '\u{7c9}'),
    ('\u{966}', '\u{96f}'),
    ('\u{9e6}', '\u{9ef}'),
    ('\u{a66}', '\u{a6f}'),
    ('\u{ae6}', '\u{aef}'),
    ('\u{b66}', '\u{b6f}'),
    ('\u{be6}', '\u{bef}'),
    ('\u{c66}', '\u{c6f}'),
    ('\u{ce6}', '\u{cef}'),
    ('\u{d66}', '\u{d6f}'),
    ('\u{de6}', '\u{def}'),
    ('\u{e50}', '\u{e59}'),
    ('\u{ed0}', '\u{ed9}'),
    ('\u{f20}', '\u{f29}'),
    ('\u{1040}', '\u{1049}'),
    ('\u{1090}', '\u{1099}'),
    ('\u{17e0}', '\u{17e9}'),
    ('\u{1810}', '\u{1819}'),
    ('\u{1946}', '\u{194f}'),
    ('\u{19d0}', '\u{19d9}'),
    ('\u{1a80}', '\u{1a89}'),
    ('\u{1a90}', '\u{1a99}'),
    ('\u{1b50}', '\u{1b59}'),
    ('\u{1bb0}', '\u{1bb9}'),
    ('\u{1c40}', '\u{1c49}'),
    ('\u{1c50}', '\u{1c59}'),
    ('\u{a620}', '\u{a629}'),
    ('\u{a8d0}', '\u{a8d9}'),
    ('\u{a900}', '\u{a909}'),
    ('\u{a9d0}', '\u{a9d9}'),
    ('\u{a9f0}', '\u{a9f9}'),
    ('\u{aa50}', '\u{aa59}'),
    ('\u{abf0}', '\u{abf9}'),
    ('\u{ff10}', '\u{ff19}'),
    ('\u{104a0}', '\u{104a9}'),
    ('\u{10d30}', '\u{10d39}'),
    ('\u{10d40}', '\u{10d49}'),
    ('\u{11066}', '\u{1106f}'),
    ('\u{110f0}', '\u{110f9}'),
    ('\u{11136}', '\u{1113f}'),
    ('\u{111d0}', '\u{111d9}'),
    ('\u{112f0}', '\u{112f9}'),
    ('\u{11450}', '\u{11459}'),
    ('\u{114d0}', '\u{114d9}'),
    ('\u{11650}', '\u{11659}'),
    ('\u{116c0}', '\u{116c9}'),
    ('\u{116d0}', '\u{116e3}'),
    ('\u{11730}', '\u{11739}'),
    ('\u{118e0}', '\u{118e9}'),
    ('\u{11950}', '\u{11959}'),
    ('\u{11bf0}', '\u{11bf9}'),
    ('\u{11c50}', '\u{11c59}'),
    ('\u{11d50}', '\u{11d59}'),
    ('\u{11da0}', '\u{11da9}'),
    ('\u{11f50}', '\u{11f59}'),
    ('\u{16130}', '\u{16139}'),
    ('\u{16a60}', '\u{16a69}'),
    ('\u{16ac0}', '\u{16ac9}'),
    ('\u{16b50}', '\u{16b59}'),
    ('\u{16d70}', '\u{16d79}'),
    ('\u{1ccf0}', '\u{1ccf9}'),
    ('\u{1d7ce}', '\u{1d7ff}'),
    ('\u{1e140}', '\u{1e149}'),
    ('\u{1e2f0}', '\u{1e2f9}'),
    ('\u{1e4f0}', '\u{1e4f9}'),
    ('\u{1e5f1}', '\u{1e5fa}'),
    ('\u{1e950}', '\u{1e959}'),
    ('\u{1fbf0}', '\u{1fbf9}'),
];

/// A kind of date phrase as its reader: where the phrase that begins at `p` ends, if one of
/// that kind does.
type Reader = for<'a> fn(&'a str, usize) -> Option<(Kind<'a>, usize)>;

/// The readers of the kinds, in the order they are preferred where several could begin at the
/// same place (as a regex alternation prefers its first alternative). Bit `k` of a
/// [`KINDS_AT`] entry stands for `READERS[k]`.
const READERS: [Reader; 8] = [
    month_day,
    day_month,
    month_year,
    relative,
    day_of_week,
    year,
    near_day,
    bare_month,
];

/// The kinds (as bits, see [`READERS`]) that can begin with a given pair of bytes. Most places
/// in a paragraph can begin none, and are passed over with one look-up; elsewhere only the
/// kinds that can begin there are tried, not all eight.
static KINDS_AT: [[u8; 256]; 256] = kinds_at();

/// The words each kind (by its bit, see [`READERS`]) can begin with; a day and month begins
/// with a digit instead. [`KINDS_AT`] and [`WORD_SHAPES`] are built from these, the lists the
/// readers match, so they cannot drift apart.
const FIRST_WORDS: [(u8, &Words); 11] = [
    (0, &MONTHS),
    (2, &SINCE),
    (2, &EARLY),
    (2, &MONTHS),
    (3, &EARLIER),
    (3, &WHICH),
    (4, &ON),
    (4, &DAYS),
    (5, &SINCE),
    (6, &NEAR_DAYS),
    (7, &BEFORE_MONTH),
];

/// Builds [`KINDS_AT`]. Each entry may allow more than can match (the readers decide), never
/// less.
const fn kinds_at() -> [[u8; 256]; 256] {
    let mut t = [[0; 256]; 256];
    let mut i = 0;
    while i < FIRST_WORDS.len() {
        mark(&mut t, FIRST_WORDS[i].0, FIRST_WORDS[i].1);
        i += 1;
    }
    mark_digits(&mut t, 1);
    t
}

/// Kind `k` can begin with the first two bytes of each of `words`: as written, or for words
/// in any case, either case of the first letter before either case of the second or the first
/// byte of the character that folds to it, or the first letter written as the character that
/// folds to it (every word here is at least two letters long).
const fn mark(t: &mut [[u8; 256]; 256], k: u8, words: &Words) {
    let mut i = 0;
    while i < words.list.len() {
        let w = words.list[i].as_bytes();
        if !words.any_case {
            t[w[0] as usize][w[1] as usize] |= 1 << k;
            i += 1;
            continue;
        }
        let firsts = [w[0].to_ascii_lowercase(), w[0].to_ascii_uppercase()];
        let second_folded = match folded(w[1]) {
            Some(f) => f[0],
            None => w[1],
        };
        let seconds = [
            w[1].to_ascii_lowercase(),
            w[1].to_ascii_uppercase(),
            second_folded,
        ];
        let mut f = 0;
        while f < firsts.len() {
            let mut g = 0;
            while g < seconds.len() {
                t[firsts[f] as usize][seconds[g] as usize] |= 1 << k;
                g += 1;
            }
            f += 1;
        }
        if let Some(f) = folded(w[0]) {
            t[f[0] as usize][f[1] as usize] |= 1 << k;
        }
        i += 1;
    }
}

/// Kind `k` can begin with a digit, whatever follows: an ASCII one, or the first byte of any
/// character that is not ASCII (as some decimal digits are).
const fn mark_digits(t: &mut [[u8; 256]; 256], k: u8) {
    let mut first = 0;
    while first < 256 {
        if (first as u8).is_ascii_digit() || first >= 0xC0 {
            let mut second = 0;
            while second < 256 {
                t[first][second] |= 1 << k;
                second += 1;
            }
        }
        first += 1;
    }
}

/// For the first two letters of a word (in lower case), the lengths (as bits) of the words
/// of [`FIRST_WORDS`] that begin with them, without a closing `.` or `-` (which is not part of
/// a word). Most words that begin like a first word are not one: `the` like `this`, `into`
/// like `in`; their length tells them apart before any kind is tried.
static WORD_SHAPES: [[u16; 128]; 128] = word_shapes();

/// Builds [`WORD_SHAPES`].
const fn word_shapes() -> [[u16; 128]; 128] {
    let mut t = [[0; 128]; 128];
    let mut i = 0;
    while i < FIRST_WORDS.len() {
        let list = FIRST_WORDS[i].1.list;
        let mut j = 0;
        while j < list.len() {
            let w = list[j].as_bytes();
            let mut len = w.len();
            while !is_word_byte(w[len - 1]) {
                len -= 1;
            }
            let (a, b) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
            t[a as usize][b as usize] |= 1 << len;
            j += 1;
        }
        i += 1;
    }
    t
}

/// Whether a phrase can begin with the word (run of word bytes) `word`, followed by the byte
/// `after`, as far as the first word of each kind tells. A phrase that begins with a word
/// begins with one of [`FIRST_WORDS`] (in some case) and ends that word with a space, a `.`,
/// a `-` or a word boundary: so the run is that word, unless
///
/// - it begins with a digit (a day and month),
/// - it is cut short by a character that is not ASCII (`ſ` or `K` standing for a letter), or
/// - a month follows the word before it without a space (`inJanuary`, `earlyMarch`), where the
///   month's capital comes after the two to five letters of that word.
fn may_begin(word: &[u8], after: Option<u8>) -> bool {
    let [first, second, ..] = *word else {
        return word.first().is_some_and(u8::is_ascii_digit);
    };
    let len = word.len().min(15);
    let shapes = WORD_SHAPES[usize::from(first.to_ascii_lowercase() & 0x7f)]
        [usize::from(second.to_ascii_lowercase() & 0x7f)];
    shapes & (1 << len) != 0
        || first.is_ascii_digit()
        || after.is_some_and(|a| !a.is_ascii())
        || word
            .get(2..word.len().min(6))
            .is_some_and(|glued| glued.iter().any(u8::is_ascii_uppercase))
}

/// A date phrase found in a paragraph: where it starts, its words, and its kind with the parts
/// that place it on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Phrase<'a> {
    start: usize,
    text: &'a str,
    kind: Kind<'a>,
}

/// The kinds of date phrase, in the order they are preferred where several could begin at the
/// same place, each with its parts as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    /// `Jan. 3`, `March 3, 2025`.
    MonthDay {
        month: &'a str,
        day: &'a str,
        year: Option<&'a str>,
    },
    /// `3 January`, `1 April 2025`.
    DayMonth {
        day: &'a str,
        month: &'a str,
        year: Option<&'a str>,
    },
    /// `in July 2023`, `mid-March 2024`.
    MonthYear { month: &'a str, year: &'a str },
    /// `last week`, `earlier this month`.
    Relative { which: &'a str, unit: &'a str },
    /// `on Wednesday`, `next Friday`.
    DayOfWeek { day: &'a str },
    /// `in 2025`, `since 1999`.
    Year { year: &'a str },
    /// `yesterday`, `today`, `tomorrow`.
    NearDay { word: &'a str },
    /// `in March`, `early June`.
    BareMonth { month: &'a str },
}

/// The date phrases of a paragraph, left to right. At each word boundary the kinds that can
/// begin with its two bytes ([`KINDS_AT`]) are tried in order and the first that matches is
/// taken, as a leftmost-first regex alternation would take it; the scan goes on after it. A
/// phrase is never empty, so the scan always moves on. Between two boundaries (inside a run of
/// word bytes, or of other bytes) nothing can begin, so the scan steps from each boundary
/// straight to the next.
fn phrases(s: &str) -> Vec<Phrase<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while let Some(&c) = b.get(p) {
        let in_word = is_word(c);
        if let Some(phrase) = phrase_here(s, p, c, in_word) {
            p += phrase.text.len();
            out.push(phrase);
            continue;
        }
        p = run_end(b, p + 1, in_word);
    }
    out
}

/// The phrase that begins at `p` (whose byte `c` is a word byte or not as `in_word` says), if
/// `p` is a word boundary and one does. Most places are passed over by the first look-up.
#[inline]
fn phrase_here(s: &str, p: usize, c: u8, in_word: bool) -> Option<Phrase<'_>> {
    let b = s.as_bytes();
    let next = b.get(p + 1).copied().unwrap_or(0);
    let kinds = KINDS_AT[usize::from(c)][usize::from(next)];
    if kinds == 0 || !boundary(b, p) {
        return None;
    }
    if in_word {
        let end = run_end(b, p + 1, true);
        if !may_begin(b.get(p..end)?, b.get(end).copied()) {
            return None;
        }
    }
    phrase_at(s, p, kinds)
}

/// Where the run of bytes that are word bytes (or not, as `in_word` says) going on at `p`
/// ends: the next word boundary, since there is none inside a run.
#[inline]
fn run_end(b: &[u8], mut p: usize, in_word: bool) -> usize {
    while b.get(p).is_some_and(|&c| is_word(c) == in_word) {
        p += 1;
    }
    p
}

/// The phrase of the first of `kinds` (bits, see [`READERS`]) that matches at `p`, a word
/// boundary.
fn phrase_at(s: &str, p: usize, mut kinds: u8) -> Option<Phrase<'_>> {
    while kinds != 0 {
        let reader = READERS.get(kinds.trailing_zeros() as usize)?;
        kinds &= kinds - 1;
        if let Some((kind, end)) = reader(s, p) {
            return Some(Phrase {
                start: p,
                text: s.get(p..end)?,
                kind,
            });
        }
    }
    None
}

/// `Jan. 3`, `March 3, 2025`: a month, a space, one or two digits, and `, ` and four digits
/// or not, then a word boundary. Two digits are tried before one, and each with the year
/// before without, as the greedy pattern tries them.
fn month_day(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let m_end = MONTHS.at(s, p)?;
    let d = space(s, m_end)?;
    one_or_two_digits(s, d).find_map(|d_end| {
        let (year, end) = comma_year(s, d_end)
            .map(|(y, e)| (Some(y), e))
            .or_else(|| at_boundary(s, d_end).map(|e| (None, e)))?;
        let kind = Kind::MonthDay {
            month: s.get(p..m_end)?,
            day: s.get(d..d_end)?,
            year,
        };
        Some((kind, end))
    })
}

/// `3 January`, `1 April 2025`: one or two digits, a space, a month, and a space and four
/// digits or not, then a word boundary; tried in the same order as [`month_day`].
fn day_month(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    one_or_two_digits(s, p).find_map(|d_end| {
        let m = space(s, d_end)?;
        let m_end = MONTHS.at(s, m)?;
        let (year, end) = space(s, m_end)
            .and_then(|y| year_at(s, y))
            .map(|(y, e)| (Some(y), e))
            .or_else(|| at_boundary(s, m_end).map(|e| (None, e)))?;
        let kind = Kind::DayMonth {
            day: s.get(p..d_end)?,
            month: s.get(m..m_end)?,
            year,
        };
        Some((kind, end))
    })
}

/// `in July 2023`, `mid-March 2024`, `June 2020`: `in`/`since`/`until`/`by` and a space or
/// not, then `early`/`late`/`mid-` with a space, without one, or not at all, then a month, a
/// space and four digits. Every way is tried in that order, as the pattern's optional groups
/// are.
fn month_year(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let after_since = SINCE.at(s, p).and_then(|q| space(s, q));
    optionally(after_since, p, |q| {
        EARLY
            .at(s, q)
            .and_then(|r| optionally(space(s, r), r, |m| month_and_year(s, m)))
            .or_else(|| month_and_year(s, q))
    })
}

/// A month, a space and four digits at `m`, ending at a word boundary.
fn month_and_year(s: &str, m: usize) -> Option<(Kind<'_>, usize)> {
    let m_end = MONTHS.at(s, m)?;
    let (year, end) = year_at(s, space(s, m_end)?)?;
    let kind = Kind::MonthYear {
        month: s.get(m..m_end)?,
        year,
    };
    Some((kind, end))
}

/// `last week`, `earlier this month`: `earlier`/`later` and a space or not, then
/// `last`/`this`/`next` (in any case), a space and `week`/`month`/`year`.
fn relative(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let after_earlier = EARLIER.at(s, p).and_then(|q| space(s, q));
    optionally(after_earlier, p, |w| {
        let w_end = WHICH.at(s, w)?;
        let u = space(s, w_end)?;
        let end = at_boundary(s, UNITS.at(s, u)?)?;
        let kind = Kind::Relative {
            which: s.get(w..w_end)?,
            unit: s.get(u..end)?,
        };
        Some((kind, end))
    })
}

/// `on Wednesday`, `Friday`: `on`/`last`/`this`/`next` (in any case) and a space or not, then
/// a day name.
fn day_of_week(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let after_on = ON.at(s, p).and_then(|q| space(s, q));
    optionally(after_on, p, |d| {
        let end = at_boundary(s, DAYS.at(s, d)?)?;
        Some((
            Kind::DayOfWeek {
                day: s.get(d..end)?,
            },
            end,
        ))
    })
}

/// `in 2025`: `in`/`since`/`until`/`by` (in any case), a space, `19` or `20` and two digits.
fn year(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let y = space(s, SINCE.at(s, p)?)?;
    let end = at_boundary(s, digits(s, CENTURIES.at(s, y)?, 2)?)?;
    Some((
        Kind::Year {
            year: s.get(y..end)?,
        },
        end,
    ))
}

/// `yesterday`, `Today`: the word alone, in any case.
fn near_day(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let end = at_boundary(s, NEAR_DAYS.at(s, p)?)?;
    Some((
        Kind::NearDay {
            word: s.get(p..end)?,
        },
        end,
    ))
}

/// `in March`, `mid-June`, `early July`: `in`/`since`/`until`/`by`/`early`/`late`/`mid-` in
/// lower case, a space or not, and a spelled-out month other than May.
fn bare_month(s: &str, p: usize) -> Option<(Kind<'_>, usize)> {
    let q = BEFORE_MONTH.at(s, p)?;
    optionally(space(s, q), q, |m| {
        let end = at_boundary(s, SPELLED_MONTHS.at(s, m)?)?;
        Some((
            Kind::BareMonth {
                month: s.get(m..end)?,
            },
            end,
        ))
    })
}

/// An optional part of a pattern, `(?:part)?rest`: `rest` from where the part ends
/// (`after_part`, if it is there), and failing that from `p`, where it would have begun, in
/// the order a greedy pattern tries them.
#[inline(always)]
fn optionally<T>(
    after_part: Option<usize>,
    p: usize,
    rest: impl Fn(usize) -> Option<T>,
) -> Option<T> {
    after_part.and_then(&rest).or_else(|| rest(p))
}

/// `,`, a space and a four-digit year at `p`: the year and where it ends (at a word boundary).
fn comma_year(s: &str, p: usize) -> Option<(&str, usize)> {
    if s.as_bytes().get(p) != Some(&b',') {
        return None;
    }
    year_at(s, space(s, p + 1)?)
}

/// Four digits at `p` that end at a word boundary: the year and where it ends.
fn year_at(s: &str, p: usize) -> Option<(&str, usize)> {
    let end = at_boundary(s, digits(s, p, 4)?)?;
    Some((s.get(p..end)?, end))
}

/// Whether `b` is a word byte of the patterns' ASCII `\b`: `[0-9A-Za-z_]`. No byte of a
/// non-ASCII character is one, so `é` or `ſ` ends a word.
const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// [`is_word_byte`] from a table, since the scanner asks it of nearly every byte of the body.
#[inline]
fn is_word(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// The word bytes, for [`is_word`].
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_word_byte(b as u8);
        b += 1;
    }
    t
};

/// Whether `p` is a word boundary (`(?-u:\b)`): a word byte on one side and not on the other,
/// outside the paragraph counting as not.
#[inline]
fn boundary(b: &[u8], p: usize) -> bool {
    let before = p
        .checked_sub(1)
        .and_then(|i| b.get(i))
        .is_some_and(|&c| is_word(c));
    let after = b.get(p).is_some_and(|&c| is_word(c));
    before != after
}

/// `p` itself if it is a word boundary: a phrase must end at one.
#[inline]
fn at_boundary(s: &str, p: usize) -> Option<usize> {
    boundary(s.as_bytes(), p).then_some(p)
}

/// The character at byte `p` (on a character boundary) and where it ends, decoding only a
/// character that is not ASCII.
#[inline]
fn char_at(s: &str, p: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(p)?;
    if b.is_ascii() {
        return Some((char::from(b), p + 1));
    }
    let c = s.get(p..)?.chars().next()?;
    Some((c, p + c.len_utf8()))
}

/// Where one white-space character at `p` ends. `\s` is Unicode `White_Space`, the same
/// property `char::is_whitespace` tests, so a no-break space or an ideographic space counts.
#[inline]
fn space(s: &str, p: usize) -> Option<usize> {
    char_at(s, p)
        .filter(|&(c, _)| c.is_whitespace())
        .map(|(_, end)| end)
}

/// Where one decimal digit (`\d`: see [`DECIMAL_DIGITS`]) at `p` ends.
fn digit(s: &str, p: usize) -> Option<usize> {
    char_at(s, p)
        .filter(|&(c, _)| is_decimal(c))
        .map(|(_, end)| end)
}

/// Whether `c` is a decimal digit as `\d` has it.
fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    DECIMAL_DIGITS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// Where `n` digits in a row from `p` end.
fn digits(s: &str, p: usize, n: usize) -> Option<usize> {
    (0..n).try_fold(p, |q, _| digit(s, q))
}

/// Where `\d{1,2}` from `p` can end, in the order the greedy pattern tries them: after two
/// digits, then after one.
fn one_or_two_digits(s: &str, p: usize) -> impl Iterator<Item = usize> {
    let one = digit(s, p);
    let two = one.and_then(|q| digit(s, q));
    two.into_iter().chain(one)
}

/// Where `word` at `p` ends, if it is there as written.
#[inline(always)]
fn as_written(s: &str, p: usize, word: &str) -> Option<usize> {
    begins_at(s.as_bytes(), p, word.as_bytes())
}

/// Where `word` (lower-case ASCII) at `p` ends, matched as `(?i:word)` matches it: by Unicode
/// simple case folding, which besides upper case lets `ſ` (U+017F) stand for `s` and `K`
/// (U+212A, the kelvin sign) for `k`. No other ASCII letter folds with anything else, so an
/// ASCII byte that is not the letter in either case ends the match at once.
#[inline(always)]
fn word_ci(s: &str, p: usize, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut q = p;
    for &letter in word.as_bytes() {
        let c = *b.get(q)?;
        if c.to_ascii_lowercase() == letter {
            q += 1;
        } else if c.is_ascii() {
            return None;
        } else {
            let other = folded(letter)?;
            q = begins_at(b, q, other)?;
        }
    }
    Some(q)
}

/// Where `w` at `p` in `b` ends, if it is there. Compared byte by byte: a call to compare
/// memory would cost more than the few bytes of a name.
#[inline(always)]
fn begins_at(b: &[u8], p: usize, w: &[u8]) -> Option<usize> {
    let rest = b.get(p..)?;
    (rest.len() >= w.len() && rest.iter().zip(w).all(|(t, w)| t == w)).then_some(p + w.len())
}

/// The character other than its two cases that Unicode simple case folding gives an ASCII
/// letter, as UTF-8: `ſ` for `s`, `K` (the kelvin sign) for `k`; no other letter has one.
const fn folded(letter: u8) -> Option<&'static [u8]> {
    match letter {
        b's' => Some("\u{17f}".as_bytes()),
        b'k' => Some("\u{212a}".as_bytes()),
        _ => None,
    }
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

/// Whether `text` begins with `word` (lower-case ASCII) in any ASCII case.
fn starts_with_ci(text: &str, word: &str) -> bool {
    text.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

/// The date a phrase stands for. Only a phrase with its year (or a month and day, placed by
/// [`near_year`]) needs no publication date. A day or year in digits other than ASCII does
/// not parse: such a phrase gives no date, and a month and day with such a year is read as
/// having none.
fn resolve(phrase: &Phrase, pub_date: Option<NaiveDate>) -> Option<NaiveDate> {
    match phrase.kind {
        Kind::MonthDay { month, day, year } | Kind::DayMonth { day, month, year } => {
            let (m, d) = (month_number(month)?, day.parse::<u32>().ok()?);
            match year.and_then(|y| y.parse::<i32>().ok()) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                None => near_year(pub_date, m, d),
            }
        }
        Kind::MonthYear { month, year } => {
            NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, 1)
        }
        Kind::Year { year } => NaiveDate::from_ymd_opt(year.parse().ok()?, 1, 1),
        Kind::Relative { which, unit } => relative_date(pub_date?, which, unit),
        Kind::DayOfWeek { day } => weekday_date(pub_date?, phrase.text, weekday(day)?),
        Kind::NearDay { word } => Some(near_day_date(pub_date?, word)),
        Kind::BareMonth { month } => bare_month_date(pub_date?, month_number(month)?),
    }
}

/// `last week` and the like: the first day (a Monday for a week) of the week, month or year
/// before, of, or after the publication date's.
fn relative_date(p: NaiveDate, which: &str, unit: &str) -> Option<NaiveDate> {
    let step = if which.eq_ignore_ascii_case("last") {
        -1
    } else if which.eq_ignore_ascii_case("next") {
        1
    } else {
        0
    };
    match unit {
        "week" => Some(monday_of(p) + Duration::days(7 * step as i64)),
        "month" => add_months(p, step),
        _ => NaiveDate::from_ymd_opt(p.year() + step, 1, 1),
    }
}

/// `on Wednesday`: the last such day on or before publication; `next Wednesday` the one a week
/// on from that; `last Wednesday` a week before publication when that is the day itself.
fn weekday_date(p: NaiveDate, text: &str, want: Weekday) -> Option<NaiveDate> {
    let back =
        (7 + p.weekday().num_days_from_monday() as i64 - want.num_days_from_monday() as i64) % 7;
    let mut d = p - Duration::days(back);
    if starts_with_ci(text, "next") {
        d += Duration::days(7);
    } else if starts_with_ci(text, "last") && back == 0 {
        d -= Duration::days(7);
    }
    Some(d)
}

/// `yesterday`, `today`, `tomorrow` against the publication date.
fn near_day_date(p: NaiveDate, word: &str) -> NaiveDate {
    if word.eq_ignore_ascii_case("yesterday") {
        p - Duration::days(1)
    } else if word.eq_ignore_ascii_case("tomorrow") {
        p + Duration::days(1)
    } else {
        p
    }
}

/// A bare month: the first of that month in the publication year, or the year before when the
/// month is more than one after publication's.
fn bare_month_date(p: NaiveDate, m: u32) -> Option<NaiveDate> {
    let y = if m > p.month() + 1 {
        p.year() - 1
    } else {
        p.year()
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The date mentions of a body, with `published` (ISO) as the reference.
pub fn find(body: &[String], published: Option<&str>) -> Vec<DateMention> {
    let pub_date = published
        .and_then(|p| p.get(..10))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let mut out = Vec::new();
    for (i, para) in body.iter().enumerate() {
        for phrase in phrases(para) {
            if let Some(d) = resolve(&phrase, pub_date) {
                out.push(DateMention {
                    text: phrase.text.to_string(),
                    date: iso_date(d),
                    paragraph: i,
                });
            }
        }
    }
    out
}

/// `d` as `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it. Chrono reads its format string anew
/// for every date, which cost as much as finding the phrases; a year of four digits is
/// written here directly, any other (signed, as chrono writes it) by chrono.
fn iso_date(d: NaiveDate) -> String {
    let Ok(year) = u32::try_from(d.year()) else {
        return d.format("%Y-%m-%d").to_string();
    };
    if year > 9999 {
        return d.format("%Y-%m-%d").to_string();
    }
    let mut out = String::with_capacity(10);
    for (n, width) in [(year, 4), (d.month(), 2), (d.day(), 2)] {
        if !out.is_empty() {
            out.push('-');
        }
        for place in (0..width).rev() {
            out.push(char::from_digit(n / 10u32.pow(place) % 10, 10).unwrap_or('0'));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::{Captures, Regex};
    use std::sync::LazyLock;

    // The oracle: the regex the scanner replaced, and how its captures were read.

    const MONTHS_PATTERN: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.";
    const DAYS_PATTERN: &str = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    /// The kinds of date phrase, in the order they are preferred where several could match.
    fn alternatives() -> [String; 8] {
        let (months, days) = (MONTHS_PATTERN, DAYS_PATTERN);
        [
            format!(
                r"(?P<md>(?-u:\b)(?P<md_m>{months})\s(?P<md_d>\d{{1,2}})(?:,\s(?P<md_y>\d{{4}}))?(?-u:\b))"
            ),
            format!(
                r"(?P<dm>(?-u:\b)(?P<dm_d>\d{{1,2}})\s(?P<dm_m>{months})(?:\s(?P<dm_y>\d{{4}}))?(?-u:\b))"
            ),
            format!(
                r"(?P<my>(?-u:\b)(?:(?i:in|since|until|by)\s)?(?:(?i:early|late|mid-)\s?)?(?P<my_m>{months})\s(?P<my_y>\d{{4}})(?-u:\b))"
            ),
            r"(?P<rel>(?-u:\b)(?:(?i:earlier|later)\s)?(?P<rel_w>(?i:last|this|next))\s(?P<rel_u>week|month|year)(?-u:\b))".to_owned(),
            format!(r"(?P<wd>(?-u:\b)(?:(?i:on|last|this|next)\s)?(?P<wd_d>{days})(?-u:\b))"),
            r"(?P<yr>(?-u:\b)(?i:in|since|until|by)\s(?P<yr_y>(?:19|20)\d{2})(?-u:\b))".to_owned(),
            r"(?P<day>(?-u:\b)(?P<day_w>(?i:yesterday|today|tomorrow))(?-u:\b))".to_owned(),
            r"(?P<mo>(?-u:\b)(?:in|since|until|by|early|late|mid-)\s?(?P<mo_m>January|February|March|April|June|July|August|September|October|November|December)(?-u:\b))".to_owned(),
        ]
    }

    /// Every kind of date phrase in one leftmost-first pattern: the scanner must find exactly
    /// what this captures.
    static DATE_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&alternatives().join("|")).expect("date regex"));

    /// The date a capture of [`DATE_RE`] stands for, read as before the scanner.
    fn resolve_captures(caps: &Captures, pub_date: Option<NaiveDate>) -> Option<NaiveDate> {
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

    /// The date mentions of a body as the regex found and read them.
    fn find_by_regex(body: &[String], published: Option<&str>) -> Vec<DateMention> {
        let pub_date = published
            .and_then(|p| p.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut out = Vec::new();
        for (i, para) in body.iter().enumerate() {
            for caps in DATE_RE.captures_iter(para) {
                if let (Some(m), Some(d)) = (caps.get(0), resolve_captures(&caps, pub_date)) {
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

    /// A match as both sides can tell it: start, end, and each named part that took part
    /// (the regex's group names, the whole kind among them) with its text, in name order.
    type Found = (usize, usize, Vec<(String, String)>);

    /// The regex's matches in a paragraph.
    fn by_regex(para: &str) -> Vec<Found> {
        DATE_RE
            .captures_iter(para)
            .map(|c| {
                let whole = c.get(0).expect("a match");
                let mut parts: Vec<(String, String)> = DATE_RE
                    .capture_names()
                    .flatten()
                    .filter_map(|n| Some((n.to_owned(), c.name(n)?.as_str().to_owned())))
                    .collect();
                parts.sort();
                (whole.start(), whole.end(), parts)
            })
            .collect()
    }

    /// The scanner's phrases in a paragraph, named as the regex names them.
    fn by_scanner(para: &str) -> Vec<Found> {
        phrases(para)
            .iter()
            .map(|p| {
                let t = p.text;
                let mut parts: Vec<(&str, &str)> = match p.kind {
                    Kind::MonthDay { month, day, year } => {
                        let mut v = vec![("md", t), ("md_m", month), ("md_d", day)];
                        v.extend(year.map(|y| ("md_y", y)));
                        v
                    }
                    Kind::DayMonth { day, month, year } => {
                        let mut v = vec![("dm", t), ("dm_d", day), ("dm_m", month)];
                        v.extend(year.map(|y| ("dm_y", y)));
                        v
                    }
                    Kind::MonthYear { month, year } => {
                        vec![("my", t), ("my_m", month), ("my_y", year)]
                    }
                    Kind::Relative { which, unit } => {
                        vec![("rel", t), ("rel_w", which), ("rel_u", unit)]
                    }
                    Kind::DayOfWeek { day } => vec![("wd", t), ("wd_d", day)],
                    Kind::Year { year } => vec![("yr", t), ("yr_y", year)],
                    Kind::NearDay { word } => vec![("day", t), ("day_w", word)],
                    Kind::BareMonth { month } => vec![("mo", t), ("mo_m", month)],
                };
                parts.sort();
                let parts = parts
                    .into_iter()
                    .map(|(n, s)| (n.to_owned(), s.to_owned()))
                    .collect();
                (p.start, p.start + t.len(), parts)
            })
            .collect()
    }

    /// Publication dates to resolve against: none, one that does not parse, and some near
    /// the turn of a month or year.
    const PUBLISHED: [Option<&str>; 6] = [
        None,
        Some("2026-01-21T09:53:00+03:00"),
        Some("2025-12-31"),
        Some("2024-02-29T23:00:00Z"),
        Some("2026-03-01"),
        Some("soon"),
    ];

    /// The scanner and the regex agree on `para`: the same matches and the same mentions.
    fn assert_same(para: &str) {
        assert_eq!(by_scanner(para), by_regex(para), "{para:?}");
        let body = [para.to_owned()];
        for published in PUBLISHED {
            assert_eq!(
                find(&body, published),
                find_by_regex(&body, published),
                "{para:?} {published:?}"
            );
        }
    }

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

    /// Dates are written as chrono writes `%Y-%m-%d`, with years of other than four digits.
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let years = (-12..=12).chain(980..=1020).chain(9990..=10010);
        for year in years {
            for (month, day) in [(1, 1), (2, 28), (7, 4), (10, 10), (12, 31)] {
                let d = NaiveDate::from_ymd_opt(year, month, day).expect("a date");
                assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            }
        }
    }

    /// The corners of the patterns, each read by the scanner as the regex reads it.
    #[test]
    fn corners_read_as_the_regex_reads_them() {
        let cases = [
            // a day of two digits, then of one; the year with its comma or without
            "March 21, 2025",
            "March 21, 20255",
            "March 213",
            "Jan. 3,2025",
            "Sept. 9 and Sep. 9, 1999 but not Sept 9",
            "21 March 2025",
            "21 March 20255",
            "120 March",
            "3 May",
            // the words before a month and year, with and without their space
            "mid-March 2024, mid- March 2024, Mid-March 2024, mid-May 2024",
            "earlyMarch 2024 and inJanuary and in  January 2024",
            "since late June 2020, by Early May 1999, UNTIL Dec. 2020",
            "in May, in June, early May, late July, Late July, mid-June",
            // relative words and day names
            "earlier last week, Later this month, LAST year, next Week",
            "on Monday, ON Monday, last Sunday, next Friday, this Monday, on monday",
            "Yesterday, TODAY and tomorrow; todays, yesterday_",
            "in 2025, since 1999, In 1850, by 20255, until 2020",
            // case folding beyond ASCII: ſ stands for s, the kelvin sign for k
            "ſince 2020, laſt week, yeſterday, xſince 1999, thiſ Monday",
            // white space beyond ASCII, and words that are not ASCII
            "Jan.\u{a0}3, 2025 and 3\u{3000}March and in\u{2003}2020",
            "décembre 3 May, Ébola March 2020, é3 March, 3 Marché",
            // digits beyond ASCII: matched, not read
            "Jan. ٣5 March",
            "March ٣, 2025",
            "March 3, ٢٠٢٥",
            "x٣ March 2025 and in ١٩٩٩ and ２ May",
            // word boundaries around the phrase
            "_March 3, xMarch 3, March 3x, 3March, March 3_, 2March 3",
            "",
            "Jan.",
        ];
        for para in cases {
            assert_same(para);
        }
    }

    /// Every month and day name the pattern lists, in every kind it can stand in.
    #[test]
    fn every_name_reads_as_the_pattern_reads_it() {
        let months = MONTHS_PATTERN.split('|').map(|m| m.replace('\\', ""));
        for m in months {
            for para in [
                format!("{m} 3, 2025"),
                format!("{m} 30 2025"),
                format!("3 {m} 2025"),
                format!("in {m} 2025"),
                format!("mid-{m}"),
                format!("in {m}."),
            ] {
                assert_same(&para);
            }
        }
        for d in DAYS_PATTERN.split('|') {
            for para in [format!("on {d}"), format!("Next {d}"), format!("{d}s")] {
                assert_same(&para);
            }
        }
    }

    /// White space, digits and case-free letters are the characters the patterns take them
    /// to be, over every character there is.
    #[test]
    fn characters_are_read_as_the_patterns_read_them() {
        let space_re = Regex::new(r"^\s$").expect("space regex");
        let digit_re = Regex::new(r"^\d$").expect("digit regex");
        let letter_re = Regex::new(r"^(?i:[a-z])$").expect("letter regex");
        let letters: Vec<(String, Regex)> = (b'a'..=b'z')
            .map(|l| {
                let l = char::from(l).to_string();
                let re = Regex::new(&format!("^(?i:{l})$")).expect("letter regex");
                (l, re)
            })
            .collect();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let s = c.to_string();
            let whole = |end: Option<usize>| end == Some(s.len());
            assert_eq!(whole(space(&s, 0)), space_re.is_match(&s), "{c:?}");
            assert_eq!(whole(digit(&s, 0)), digit_re.is_match(&s), "{c:?}");
            if letter_re.is_match(&s) {
                for (l, re) in &letters {
                    assert_eq!(whole(word_ci(&s, 0, l)), re.is_match(&s), "{c:?} {l}");
                }
            } else {
                assert!(word_ci(&s, 0, "s").is_none() && word_ci(&s, 0, "k").is_none());
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]

        /// The scanner finds what the regex captures (the same start, end, kind and parts),
        /// and the mentions come out the same, in paragraphs made of the patterns' pieces.
        #[test]
        fn scanner_finds_what_the_regex_captures(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "on", "On", "in", "In", "IN", "since", "SINCE", "ſince", "until", "Until",
                    "by", "By", "last", "LAST", "Last", "laſt", "this", "This", "next", "NEXT",
                    "earlier", "Earlier", "later", "early", "Early", "late", "mid-", "Mid-",
                    "mid", "-", "Monday", "Sunday", "Wednesday", "today", "Today", "Yesterday",
                    "yeſterday", "tomorrow", "holidays", "week", "Week", "month", "year",
                    "January", "Jan.", "Jan", "February", "Sept.", "Sep.", "Sept", "September",
                    "May", "March", "Mar.", "marching", "June", "Jun.", "December", "Dec.", "3",
                    "21", "120", "2025", "1999", "1850", "20", "19", "05", "0", "٣", "２٠",
                    "١٩٩٩", ",", ".", "_", "\u{a0}", "\u{3000}", "\n", "words", "and", "the",
                    "décembre", "Ébola", "x", "é",
                ]),
                0..60,
            ),
            glue in proptest::collection::vec(
                proptest::sample::select(vec![" ", " ", "", "", "  ", "\u{a0}", "\n", ","]),
                60,
            ),
            published in proptest::sample::select(PUBLISHED.to_vec()),
        ) {
            let mut para = String::new();
            for (p, g) in parts.iter().zip(&glue) {
                para.push_str(p);
                para.push_str(g);
            }
            proptest::prop_assert_eq!(by_scanner(&para), by_regex(&para), "{:?}", para);
            let body = [para];
            proptest::prop_assert_eq!(
                find(&body, published),
                find_by_regex(&body, published),
                "{:?}",
                published
            );
        }
    }
}
