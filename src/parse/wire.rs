//! What the wire layouts share: reading a header of section, headline, byline and date lines;
//! finding the dateline that opens the body; cutting the footer; collecting related links.
//!
//! Each layout module gives a `Spec` and, where its pages differ, does its own part before
//! or after these steps.

use super::dates::{self, Label, Stamp};
use regex::Regex;
use std::sync::LazyLock;

/// What a layout parser hands back before the record is assembled.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Draft {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    pub section: Option<String>,
    pub agency: Option<String>,
    pub byline: Vec<String>,
    pub dateline: Option<String>,
    pub published: Option<Stamp>,
    pub modified: Option<Stamp>,
    pub body: Vec<String>,
    pub related: Vec<String>,
}

/// The dateline that opens a wire story: `WASHINGTON, Jan 21 (Reuters) - `,
/// `GOMA, Congo (AP) — `, `BEIJING, Sept. 4 (Xinhua) -- `, `MOSCOW, November 14. /TASS/. `.
/// Read by hand ([`dateline_match`]); the pattern is what the tests hold that to.
#[cfg(test)]
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[^()\n]{2,80}?)\s*(?:\((?:Reuters|AP|AFP|Xinhua|Yonhap|AA|UPI|dpa|IANS|PTI|ANI|Bernama|Kyodo)\)\s*(?:--|-|—|–)|[.,]?\s*/(?:TASS|ITAR-TASS)/\.)\s*",
    )
    .unwrap()
});

/// A trailing `, March 3` or `, Jan. 4` or `, November 14` on a dateline place is its date.
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\.?$",
    )
    .unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:by)\s+(.+)$").unwrap());
/// What stands before the names in `by Xinhua writers ...`, `By Staff Reporter ...`.
static STAFF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Xinhua|Reuters|AFP|AP|TASS|Yonhap|Anadolu)\s+)?(?i:staff\s+)?(?i:writers?|reporters?|correspondents?)\s+")
        .unwrap()
});
static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s+with\s+|\s*&\s*|\s*\|\s*)").unwrap()
});

/// Lines of page furniture that stand in headers: share buttons, reading times, notes to editors.
/// [`is_header_noise`] lets a line reach this only by what a branch can start with: a new branch
/// goes there too, and its pieces into the test `quick_tests_only_refuse_what_the_patterns_refuse`.
static HEADER_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            save | share\d* | listen | listen\ to\ this\ article | click\ here\ to\ share.* | print
            | \d+\s*(?:min|mins|minutes?)(?:\s+read)? | \d+\s+minute\s+read
            | \(attn:.*\) | update:.* | updated?\s+\d+\s+(?:minutes?|hours?|days?)\s+ago
            | facebook | twitter | x | whatsapp | email | copy\ link | comments?
            | (?:source|editor|credit|photo):\ ?.{1,60}
        )$",
    )
    .unwrap()
});

/// Lines inside a body that are not paragraphs: advertising slots and section subheads
/// (`- Budget deadlock -`). The two kinds known by their end are checked apart
/// ([`is_body_noise`]): as one pattern they made the search walk every paragraph to its end.
/// [`may_be_body_noise`] mirrors what the branches start with; extend the two together.
static BODY_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?: advertisement (?:\s*[·•|-]\s*scroll\ to\ continue)? | scroll\ to\ continue.*
            | -\s.{1,80}\s- | continue\ reading | item\ \d+\ of\ \d+\ .*
            | \(this\ (?:story|article|version)\ (?:has\ been|was)\ [^)]{3,120}\)\.?
            | \((?:video|photo)\ (?:reporter|editor|by)\b[^)]{0,120}\)
            | \([^()=]{1,24}=\s*[^()=]{1,60}\) )$",
    )
    .unwrap()
});

/// A photo caption's credit at a line's end: `... (AP Photo/Jane Roe, File)`,
/// `... (Xinhua/Li Ming)`, `... (PHOTO NOT FOR SALE) (Yonhap)`.
static PHOTO_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:\((?:AP\ Photo|Xinhua)/[^)]*\)|\(Yonhap\))\.?$").unwrap());

/// The first line of what follows a story: contributor notes, copyright, agency end marks.
/// [`may_be_footer`] mirrors what the branches start with; extend the two together.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            \((?:Reporting|Writing|Editing|Additional\ reporting|Compiled|Edited)(?-u:\b).*
            | (?:Reporting|Writing|Editing)\ by\ .{3,200}
            | \*\s*(?:Writing|Reporting|Editing|Contributions?|Contributing|Additional\ reporting)\ by\ .{3,200}
            | Our\ Standards:.* | Suggested\ Topics:?
            | _{3,} | -{3,} | \*{3}
            | (?:©|\(c\)|Copyright)\s*(?:©\s*)?\d{4}.* | All\ rights\ reserved.*
            | [a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?)+ | Enditem | \(END\) | Keywords:? | \#\S.*
            | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
            | Source:\ (?:Al\ Jazeera|AFP|Reuters|AP|(?i:news\ agencies)).*
            | (?:Contact|Reach)\ .{3,60}\ at\ [\w.@+()-]+(?:\ or\ [\w.@+()-]+)?\.?(?:\ Follow\ .{2,60})?
            | \p{Lu}\S*(?:\ \S+){1,3}\ (?:covers|writes\ about|reports\ on)\ .{3,150}?\.
              \ (?:Contact|Reach|Email|E-mail)\ (?:him|her|them)\ at\ [\w.@+()-]+\.?
            | Anadolu\ Agency\ website\ contains\ only\ a\ portion\ .*
            | (?i:read\ also|read\ more|related\ articles?|related\ stories|more\ on\ this\ story):?
        )$",
    )
    .unwrap()
});

/// A footer line after which the lines are related-article titles.
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:read also|read more|related articles?|related stories|more on this story):?$",
    )
    .unwrap()
});

/// In-body block of recommended stories (`Recommended Stories`, `list 1 of 3`, title...,
/// `end of list`). [`may_be_recommended`] mirrors it; extend the two together.
static RECOMMENDED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:recommended stories|more stories|related)$").unwrap());
static LIST_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:list of \d+ items?|list \d+ of \d+)$").unwrap());

/// The agencies the dateline knows by their `(Agency)` mark (the test pattern `DATELINE` lists
/// them again, as the oracle of [`dateline_match`]: extend the two together).
const AGENCY_MARKS: [&str; 13] = [
    "Reuters", "AP", "AFP", "Xinhua", "Yonhap", "AA", "UPI", "dpa", "IANS", "PTI", "ANI",
    "Bernama", "Kyodo",
];

/// Whether the dateline pattern can match: the place before its agency mark holds no parenthesis, so
/// the mark is `(Agency)` at the line's first `(`, or `/TASS/.` (`/ITAR-TASS/.`) before it.
fn has_agency_mark(line: &str) -> bool {
    let (before, paren) = match line.find('(') {
        Some(i) => (&line[..i], Some(&line[i + 1..])),
        None => (line, None),
    };
    paren.is_some_and(|rest| {
        AGENCY_MARKS
            .iter()
            .any(|a| rest.strip_prefix(a).is_some_and(|r| r.starts_with(')')))
    }) || (before.as_bytes().contains(&b'/') && before.contains("TASS/."))
}

/// Splits the dateline off the first paragraph: `(place, rest)`.
pub fn split_dateline(line: &str) -> Option<(String, &str)> {
    // Every dateline has its agency mark within the first hundred bytes or so.
    let head = &line.as_bytes()[..line.len().min(120)];
    if !has_agency_mark(line) || !(head.contains(&b'(') || head.contains(&b'/')) {
        return None;
    }
    let (place_end, end) = dateline_match(line)?;
    let place = line[..place_end].trim();
    let place = strip_place_date(place);
    let place = place.trim().trim_end_matches(',').trim();
    if place.is_empty() || place.split_whitespace().count() > 8 {
        return None;
    }
    Some((place.to_owned(), &line[end..]))
}

/// A dateline without an agency's mark, as newspapers and Al Jazeera print them: `SEATTLE — `,
/// `LUBBOCK, Texas — `, `Adre, Chad – `. The place is a word or a few in capitals, with a
/// region after a comma; or, with a region, words that start with a capital.
pub fn split_plain_dateline(line: &str) -> Option<(String, &str)> {
    let (at, dash) = [" — ", " – ", " -- "]
        .iter()
        .filter_map(|d| Some((line.find(d)?, d.len())))
        .min()?;
    let place = line.get(..at).filter(|p| p.len() <= 60)?;
    let rest = &line[at + dash..];
    let (city, region) = match place.split_once(", ") {
        Some((c, r)) => (c, Some(r)),
        None => (place, None),
    };
    let words = |s: &str, ok: &dyn Fn(&str) -> bool| {
        let n = s.split(' ').count();
        (1..=4).contains(&n) && s.split(' ').all(ok)
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let letters = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let upper = |w: &str| {
        letters(w)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    let titled = |w: &str| letters(w) && capital(w);
    let region_ok = region.is_none_or(|r| words(r, &|w| titled(w) || w == "of"));
    let city_ok = words(city, &upper) || (region.is_some() && words(city, &titled));
    (city_ok && region_ok && rest.chars().next().is_some_and(|c| !c.is_lowercase()))
        .then(|| (place.to_owned(), rest))
}

/// The dateline pattern's match: the end of its `place` and of the whole. The pattern read by hand, as
/// its regex would, without captures (its bounded lazy repetition made them costly): the
/// shortest place of 2 to 80 characters other than `(`, `)` and a line end after which, past
/// white space, one of the two marks follows (the agency's first).
fn dateline_match(line: &str) -> Option<(usize, usize)> {
    let after_space = |i: usize| {
        line[i..]
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(line.len(), |(k, _)| i + k)
    };
    let mut chars = line.char_indices();
    for n in 1..=80 {
        let (_, c) = chars.next()?;
        if matches!(c, '(' | ')' | '\n') {
            return None;
        }
        if n < 2 {
            continue;
        }
        let place_end = chars.offset();
        let r = after_space(place_end);
        let rest = &line[r..];
        // `\((?:Reuters|...)\)\s*(?:--|-|—|–)`
        if let Some(rest) = rest.strip_prefix('(')
            && let Some(rest) = AGENCY_MARKS
                .iter()
                .find_map(|a| rest.strip_prefix(a)?.strip_prefix(')'))
        {
            let d = line.len() - rest.len();
            let d = after_space(d);
            let dash = ["--", "-", "—", "–"]
                .iter()
                .find(|dash| line[d..].starts_with(*dash));
            if let Some(dash) = dash {
                return Some((place_end, after_space(d + dash.len())));
            }
        }
        // `[.,]?\s*/(?:TASS|ITAR-TASS)/\.`
        let q = if rest.starts_with(['.', ',']) {
            r + 1
        } else {
            r
        };
        let q = after_space(q);
        if let Some(mark) = ["/TASS/.", "/ITAR-TASS/."]
            .iter()
            .find(|m| line[q..].starts_with(*m))
        {
            return Some((place_end, after_space(q + mark.len())));
        }
    }
    None
}

/// The place without a trailing date: [`PLACE_DATE`] taken out. By hand for ASCII, where the
/// one place it can match is from the last comma (nothing after the comma it starts from
/// is a comma).
fn strip_place_date(place: &str) -> std::borrow::Cow<'_, str> {
    if !place.is_ascii() {
        return PLACE_DATE.replace(place, "");
    }
    let Some(comma) = place.rfind(',') else {
        return place.into();
    };
    let b = place.as_bytes();
    let is_space = |c: u8| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let skip = |mut i: usize, f: &dyn Fn(u8) -> bool| {
        while i < b.len() && f(b[i]) {
            i += 1;
        }
        i
    };
    // `,\s*MON[a-z]*\.?\s+\d{1,2}\.?$`, case-insensitive
    let m = skip(comma + 1, &is_space);
    let letters = skip(m, &|c| c.is_ascii_alphabetic());
    let month = letters - m >= 3 && dates::month_number(&place[m..m + 3]).is_some();
    let mut k = letters;
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    let d = skip(k, &is_space);
    let digits = skip(d, &|c| c.is_ascii_digit());
    let mut end = digits;
    if b.get(end) == Some(&b'.') {
        end += 1;
    }
    if month && d > k && (1..=2).contains(&(digits - d)) && end == b.len() {
        place[..comma].into()
    } else {
        place.into()
    }
}

/// Reporters' names from a `By ...` line, or `None` when the line is not a byline.
pub fn byline(line: &str) -> Option<Vec<String>> {
    // `(?i:by)` takes no letters but these four
    if !line
        .as_bytes()
        .get(..2)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"by"))
    {
        return None;
    }
    let names = BYLINE.captures(line)?.get(1)?.as_str();
    // `by Xinhua writers Ana Ruiz, Li Wei`: the agency's staff label is not a name
    let names = STAFF_LABEL.find(names).map_or(names, |m| &names[m.end()..]);
    // `By Ana Ruiz, Lakeshore Tribune`: the paper after the last comma is not a reporter
    let names = names
        .rsplit_once(", ")
        .filter(|(_, last)| names_an_outlet(last))
        .map_or(names, |(first, _)| first);
    // `By Ana RUIZ with Karl BRANDT in Paris`: where a reporter wrote from is not the name
    let names: Vec<String> = NAME_SPLIT
        .split(names.trim_end_matches('.'))
        .map(|n| n.split(" in ").next().unwrap_or(n).trim().to_owned())
        .filter(|n| !n.is_empty() && !is_agency_credit(n))
        .collect();
    // A byline is a handful of short names, not a sentence that starts with "By".
    let plausible = names.iter().all(|n| {
        n.split_whitespace().count() <= 5
            && n.len() <= 60
            && n.chars().next().is_some_and(char::is_uppercase)
    });
    (plausible && line.split_whitespace().count() <= 24).then_some(names)
}

/// A newspaper's name: two words or more, the last a word papers are named with (`Lakeshore
/// Tribune`, `The Daily Star`).
fn names_an_outlet(part: &str) -> bool {
    let words: Vec<&str> = part.trim_end_matches('.').split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.last().is_some_and(|w| {
            matches!(
                *w,
                "Times"
                    | "Post"
                    | "Tribune"
                    | "Herald"
                    | "Journal"
                    | "News"
                    | "Gazette"
                    | "Chronicle"
                    | "Observer"
                    | "Telegraph"
                    | "Star"
                    | "Standard"
                    | "Guardian"
                    | "Monitor"
                    | "Courier"
                    | "Register"
                    | "Globe"
                    | "Mail"
                    | "Express"
                    | "Examiner"
                    | "Inquirer"
                    | "Dispatch"
                    | "Daily"
            )
        })
}

/// A byline part that is not a reporter: the agency itself, a desk, or a job title printed after
/// the name (`By Jane Roe, Staff Writer`).
fn is_agency_credit(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let job = [
        "staff",
        "writer",
        "correspondent",
        "reporter",
        "editor",
        "contributor",
        "bureau",
    ];
    job.iter().any(|j| {
        n.strip_suffix(j)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    }) || matches!(
        n.as_str(),
        "reuters"
            | "ap"
            | "associated press"
            | "the associated press"
            | "afp"
            | "xinhua"
            | "tass"
            | "yonhap"
    )
}

pub fn is_header_noise(line: &str) -> bool {
    // What the pattern's branches start with: a letter of `save`, `listen`, `click`, `print`,
    // `update`, `facebook`, `twitter`, `x`, `whatsapp`, `email`, a digit or `(`; or, beyond
    // ASCII, `ſ` (a case of `s`) or a digit of another script.
    let may = line.as_bytes().first().is_some_and(|&b| {
        !b.is_ascii()
            || b.is_ascii_digit()
            || b == b'('
            || matches!(
                b | 0x20,
                b's' | b'l' | b'c' | b'p' | b'u' | b'f' | b't' | b'x' | b'w' | b'e'
            )
    });
    may && HEADER_NOISE.is_match(line)
}

/// Whether `line` starts with `word` (lower case) in any case.
fn starts_ci(line: &str, word: &str) -> bool {
    line.as_bytes()
        .get(..word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether [`BODY_NOISE`] can match: what its branches start with (`ſ` is a case of `s`).
fn may_be_body_noise(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b'-') => true,
        Some(b'a' | b'A') => starts_ci(line, "adverti"),
        Some(b's' | b'S') => starts_ci(line, "scroll"),
        Some(b'c' | b'C') => starts_ci(line, "continue"),
        Some(b'i' | b'I') => starts_ci(line, "item "),
        Some(b'(') => {
            starts_ci(line, "(this ")
                || starts_ci(line, "(video ")
                || starts_ci(line, "(photo ")
                // Reuters' currency note: `($1 = 10.6667 Norwegian crowns)`
                || (line.ends_with(')') && line.contains('='))
        }
        _ => line.starts_with('ſ'),
    }
}

/// Whether [`FOOTER`] can match: what its branches start with, or the `@` of an address.
fn may_be_footer(line: &str) -> bool {
    let Some(&first) = line.as_bytes().first() else {
        return false;
    };
    let starts = |w: &str| line.starts_with(w);
    let may = match first {
        b'(' | b'_' | b'-' | b'*' | b'#' | 0xc2 | b'a'..=b'z' => true,
        b'A' => starts("All rights reserved") || starts("Anadolu Agency website "),
        b'C' => starts("Copyright") || starts("Contact "),
        b'E' => starts("Editing by ") || starts("Enditem"),
        b'K' => starts("Keywords"),
        b'M' => starts_ci(line, "more on "),
        b'O' => starts("Our Standards:"),
        b'R' => {
            starts("Reporting by ")
                || starts("Reach ")
                || starts_ci(line, "read ")
                || starts_ci(line, "related ")
        }
        b'S' => starts("Suggested Topics") || starts("Source: "),
        b'W' => starts("Writing by "),
        _ => false,
    };
    may || line.as_bytes().contains(&b'@')
}

/// Whether [`RECOMMENDED`] can match.
fn may_be_recommended(line: &str) -> bool {
    starts_ci(line, "recommended ") || starts_ci(line, "more ") || starts_ci(line, "related")
}

pub fn is_body_noise(line: &str) -> bool {
    let bare = line.strip_suffix('.').unwrap_or(line);
    // A newsletter promo: a short line that ends `... Sign up here.`
    let cut = bare.len().saturating_sub(13);
    let promo = bare.get(cut..).is_some_and(|tail| {
        tail.eq_ignore_ascii_case(" sign up here") && bare[..cut].chars().nth(200).is_none()
    });
    promo
        || (bare.ends_with(')') && PHOTO_CREDIT.is_match(line))
        || (may_be_body_noise(line) && BODY_NOISE.is_match(line))
}

pub fn is_footer(line: &str) -> bool {
    may_be_footer(line) && FOOTER.is_match(line)
}

/// A short line with no closing punctuation that names a desk: `World`, `Energy`,
/// `Russian Politics & Diplomacy`. `News|Israel-Palestine conflict` names its last part.
pub fn section_name(line: &str) -> Option<String> {
    let last = line.rsplit('|').next().unwrap_or(line).trim();
    // after a desk and `|` the topic may be longer (`News|Democratic Republic of the Congo`)
    let (words, chars) = if line.contains('|') { (8, 60) } else { (4, 40) };
    let short = last.split_whitespace().count() <= words && last.chars().count() <= chars;
    let sentence = last.ends_with(['.', '?', '!', ':', ',']);
    (short && !sentence && !last.is_empty()).then(|| last.to_owned())
}

/// Header lines read so far.
#[derive(Default)]
pub struct Header {
    pub byline: Vec<String>,
    pub published: Option<Stamp>,
    pub modified: Option<Stamp>,
    /// The header's other lines, in order: section, headline, standfirst.
    pub texts: Vec<String>,
}

impl Header {
    /// Takes one header line, as [`HeaderLine::read`] reads it.
    fn take(&mut self, line: &str, read: HeaderLine) {
        match read {
            HeaderLine::Byline(names) => self.byline.extend(names),
            HeaderLine::Dates(stamps) => {
                for (label, stamp) in stamps {
                    self.add_stamp(label, stamp);
                }
            }
            HeaderLine::Furniture => {}
            HeaderLine::Text => self.texts.push(line.to_owned()),
        }
    }

    pub fn add_stamp(&mut self, label: Label, stamp: Stamp) {
        match label {
            Label::Published => self.published = Some(stamp),
            Label::Modified => self.modified = Some(stamp),
            Label::Plain => {
                if self.published.is_none() {
                    self.published = Some(stamp);
                } else if self.published.map(|p| p.date) != Some(stamp.date)
                    || stamp.time.is_some() && self.published.and_then(|p| p.time) != stamp.time
                {
                    self.modified.get_or_insert(stamp);
                }
            }
        }
    }

    /// Section, headline and standfirst from the text lines.
    pub fn finish(self, draft: &mut Draft) {
        let Header {
            byline,
            published,
            modified,
            mut texts,
        } = self;
        draft.byline = byline;
        draft.published = published;
        draft.modified = modified;
        if texts.len() >= 2 {
            let words = |s: &str| s.split_whitespace().count();
            if let Some(section) = section_name(&texts[0])
                && words(&texts[1]) > words(section.as_str())
            {
                draft.section = Some(section);
                texts.remove(0);
            }
        }
        let mut texts = texts.into_iter();
        draft.headline = texts.next();
        let rest: Vec<String> = texts.collect();
        if !rest.is_empty() {
            draft.standfirst = Some(rest.join(" "));
        }
    }
}

/// How many lines from the top a header may take.
const HEADER_LINES: usize = 16;

/// What a line near the top of a story is.
enum HeaderLine {
    Byline(Vec<String>),
    Dates(Vec<(Label, Stamp)>),
    /// A line of page furniture ([`is_header_noise`]).
    Furniture,
    /// Anything else: section, headline, standfirst.
    Text,
}

impl HeaderLine {
    fn read(line: &str) -> HeaderLine {
        if let Some(names) = byline(line) {
            HeaderLine::Byline(names)
        } else if let Some(stamps) = dates::date_line(line) {
            HeaderLine::Dates(stamps)
        } else if is_header_noise(line) {
            HeaderLine::Furniture
        } else {
            HeaderLine::Text
        }
    }
}

/// A dateline split off a line: place and the rest of the line.
type Dateline<'a> = (String, &'a str);

/// The index of the first body line, and the lines above it read: the body opens with the line
/// that opens with a dateline (given split), or else the line after the last byline, date or
/// furniture line near the top; at line 1 when the text has none of them. Each line is read
/// once.
fn header<'a>(lines: &[&'a str]) -> (usize, Vec<HeaderLine>, Option<Dateline<'a>>) {
    let top = lines.len().min(HEADER_LINES);
    if let Some((i, dateline)) = lines[..top]
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, split_dateline(l)?)))
    {
        let read = lines[..i].iter().map(|l| HeaderLine::read(l)).collect();
        return (i, read, Some(dateline));
    }
    let mut read = Vec::with_capacity(top);
    let mut last = None;
    for (i, line) in lines[..top].iter().enumerate() {
        // a footer ends the story, so the header is above it (in a short story the footer's
        // `Source: ...` or copyright line stands within the header's reach)
        if line.chars().count() > 400 || (i > 0 && is_footer(line)) {
            break;
        }
        let r = HeaderLine::read(line);
        if !matches!(r, HeaderLine::Text) {
            last = Some(i);
        }
        read.push(r);
    }
    let start = last.map_or(1, |i| i + 1).min(lines.len());
    read.truncate(start);
    // a first line too long to be read as a header line is still the headline
    while read.len() < start {
        read.push(HeaderLine::read(lines[read.len()]));
    }
    (start, read, None)
}

/// Reads a whole wire story: header, dateline, body up to the footer, related links.
pub fn parse(lines: &[&str]) -> Draft {
    let mut draft = Draft::default();
    let (start, read, dateline) = header(lines);
    let mut header = Header::default();
    for (line, r) in lines.iter().zip(read) {
        header.take(line, r);
    }
    header.finish(&mut draft);
    if draft.headline.is_none() && start < lines.len() {
        // Nothing but metadata above the body: the first line is all there is for a headline.
        draft.headline = Some(lines[start].to_owned());
        read_body(&lines[start + 1..], &mut draft);
    } else {
        // the body opens with the dateline line, if one was found
        read_body_split(&lines[start..], &mut draft, dateline);
    }
    draft
}

/// Body paragraphs up to the footer, with a dateline split off the first one, noise lines
/// dropped, and recommended-story blocks and `Read also` lists taken as related links.
pub fn read_body(lines: &[&str], draft: &mut Draft) {
    read_body_split(lines, draft, None);
}

/// [`read_body`], given the dateline of the first line when it is split already.
fn read_body_split<'a>(lines: &[&'a str], draft: &mut Draft, mut first: Option<Dateline<'a>>) {
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let known = if i == 1 { first.take() } else { None };
        if draft.body.is_empty()
            && draft.dateline.is_none()
            && let Some((place, rest)) = known
                .or_else(|| split_dateline(line))
                .or_else(|| split_plain_dateline(line))
        {
            draft.dateline = Some(place);
            if !rest.trim().is_empty() {
                draft.body.push(rest.trim().to_owned());
            }
            continue;
        }
        if may_be_recommended(line)
            && RECOMMENDED.is_match(line)
            && lines[i..]
                .iter()
                .take(3)
                .any(|l| LIST_FURNITURE.is_match(l))
        {
            while i < lines.len() {
                let l = lines[i];
                i += 1;
                if l.eq_ignore_ascii_case("end of list") {
                    break;
                }
                if !LIST_FURNITURE.is_match(l) {
                    draft.related.push(l.to_owned());
                }
            }
            continue;
        }
        if is_footer(line) {
            if RELATED_HEADER.is_match(line) {
                for l in &lines[i..] {
                    if is_footer(l) {
                        break;
                    }
                    draft.related.push(l.to_string());
                }
            }
            break;
        }
        if is_body_noise(line) {
            continue;
        }
        // Xinhua often ends the last paragraph itself with its end mark: `... he said. Enditem`
        if let Some(text) = line.strip_suffix("Enditem")
            && text.ends_with(char::is_whitespace)
            && !text.trim().is_empty()
        {
            draft.body.push(text.trim_end().to_owned());
            break;
        }
        draft.body.push(line.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let cases = [
            (
                "WASHINGTON, Jan 21 (Reuters) - Text",
                Some(("WASHINGTON", "Text")),
            ),
            (
                "DUBAI/LONDON, March 3 (Reuters) - OPEC+ will",
                Some(("DUBAI/LONDON", "OPEC+ will")),
            ),
            (
                "GOMA, Congo (AP) — Leaders",
                Some(("GOMA, Congo", "Leaders")),
            ),
            ("HAVANA (AP) — Cuba", Some(("HAVANA", "Cuba"))),
            ("Paris (AFP) - Jordan", Some(("Paris", "Jordan"))),
            (
                "BEIJING, Sept. 4 (Xinhua) -- Chinese",
                Some(("BEIJING", "Chinese")),
            ),
            ("MOSCOW, November 14. /TASS/. The", Some(("MOSCOW", "The"))),
            ("SEOUL, Jan. 4 (Yonhap) -- North", Some(("SEOUL", "North"))),
            ("ANKARA (AA) - Turkish", Some(("ANKARA", "Turkish"))),
            ("The minister (AP) said nothing", None),
            ("Plain paragraph without a dateline.", None),
        ];
        for (line, want) in cases {
            let got = split_dateline(line);
            assert_eq!(got.as_ref().map(|(p, r)| (p.as_str(), *r)), want, "{line}");
        }
    }

    #[test]
    fn datelines_without_an_agency() {
        let cases = [
            (
                "SEATTLE — Cascadia Air said",
                Some(("SEATTLE", "Cascadia Air said")),
            ),
            (
                "LUBBOCK, Texas — Farmers",
                Some(("LUBBOCK, Texas", "Farmers")),
            ),
            ("ST. PAUL, Minn. -- A", Some(("ST. PAUL, Minn.", "A"))),
            (
                "Adre, Chad – Hawa walked",
                Some(("Adre, Chad", "Hawa walked")),
            ),
            ("Chocolate — the sweet treat — is dearer", None),
            ("Nairobi — a city of four million", None),
            ("A few — not many — came", None),
            ("UN officials — and aid workers — said", None),
            ("Plain paragraph without a dateline.", None),
        ];
        for (line, want) in cases {
            let got = split_plain_dateline(line);
            assert_eq!(got.as_ref().map(|(p, r)| (p.as_str(), *r)), want, "{line}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Lena Ortiz and Karl Brandt").unwrap(),
            ["Lena Ortiz", "Karl Brandt"]
        );
        assert_eq!(
            byline("By A One, B Two and C Three").unwrap(),
            ["A One", "B Two", "C Three"]
        );
        assert_eq!(
            byline("By A One, B Two, and C Three").unwrap(),
            ["A One", "B Two", "C Three"]
        );
        assert_eq!(byline("BY JOHN DOE").unwrap(), ["JOHN DOE"]);
        assert_eq!(
            byline("By Lena ORTIZ with Karl BRANDT in Paris").unwrap(),
            ["Lena ORTIZ", "Karl BRANDT"]
        );
        assert_eq!(byline("By Lena Ortiz in Nairobi").unwrap(), ["Lena Ortiz"]);
        assert_eq!(byline("By Reuters").unwrap(), Vec::<String>::new());
        assert_eq!(byline("By Jane Roe, Staff Writer").unwrap(), ["Jane Roe"]);
        assert_eq!(
            byline("By Jane Roe, Lakeshore Tribune").unwrap(),
            ["Jane Roe"]
        );
        assert_eq!(
            byline("By Jane Roe and Ned Post").unwrap(),
            ["Jane Roe", "Ned Post"]
        );
        assert_eq!(byline("By Jane Roe | Reuters").unwrap(), ["Jane Roe"]);
        assert_eq!(byline("By Al Jazeera Staff").unwrap(), Vec::<String>::new());
        assert_eq!(
            byline("by Xinhua writers Li Wen, Ana Ruiz").unwrap(),
            ["Li Wen", "Ana Ruiz"]
        );
        assert_eq!(byline("By Xinhua writer Li Wen").unwrap(), ["Li Wen"]);
        assert_eq!(byline("By staff reporter Li Wen").unwrap(), ["Li Wen"]);
        assert!(byline("Byron Bay is flooded").is_none());
        assert!(byline("By noon, the wind rose").is_none());
        assert!(
            byline("By the end of the year the government expects to have spent more than it had ever planned to on the programme, officials said on Monday")
                .is_none()
        );
    }

    /// `Enditem` at the end of a paragraph ends the body and is not part of it; a paragraph
    /// that only mentions the word is kept whole.
    #[test]
    fn enditem_ends_the_last_paragraph() {
        let mut draft = Draft::default();
        read_body_split(
            &[
                "Exports grew, the office said. Enditem",
                "Related: trade data for October",
            ],
            &mut draft,
            None,
        );
        assert_eq!(draft.body, ["Exports grew, the office said."]);
        let mut draft = Draft::default();
        read_body_split(
            &["The word Enditem closes Xinhua stories."],
            &mut draft,
            None,
        );
        assert_eq!(draft.body, ["The word Enditem closes Xinhua stories."]);
    }

    #[test]
    fn footers_and_noise() {
        for f in [
            "(Reporting by A in Dubai; Editing by B)",
            "___",
            "© 2025 AFP",
            "Copyright 2025 The Tribune. All rights reserved.",
            "cdr/ah/jj",
            "burs-ah/jj",
            "lm-act/mel/bjt",
            "Enditem",
            "(END)",
            "abc@yna.co.kr",
            "Read also",
            "Source: Al Jazeera and news agencies",
            "Contact Jane Roe at 312-555-0100.",
            "Reach Jane Roe at jroe@example.com or 312-555-0100.",
            "Contact Jane Roe at jroe@example.com. Follow her on X @JaneRoe.",
            "Source: News Agencies",
            "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.",
        ] {
            assert!(is_footer(f), "{f}");
        }
        assert!(!is_footer("The minister said the talks would resume."));
        assert!(is_body_noise("- Budget deadlock -"));
        assert!(is_body_noise("Advertisement"));
        assert!(is_body_noise("($1 = 10.6667 Norwegian crowns)"));
        assert!(is_body_noise("(£1 = $1.2650)"));
        assert!(!is_body_noise(
            "(The ruling can be appealed, the court said.)"
        ));
        assert!(is_body_noise("Advertisement · Scroll to continue"));
        assert!(is_body_noise(
            "(This story has been refiled to fix a typo in paragraph 3)"
        ));
        assert!(is_body_noise(
            "(This story has been corrected to show the vote was on Tuesday, not Monday)"
        ));
        assert!(!is_body_noise(
            "(This is not a note, and it has no closing mark"
        ));
        // Xinhua's photo captions and video credits
        assert!(is_body_noise(
            "A ferry sails near the harbour of Kesh, Oct. 15, 2025. (Xinhua/Li Ming)"
        ));
        assert!(is_body_noise(
            "(Video reporter: Chen Lin; video editor: Zhao Yang)"
        ));
        assert!(is_body_noise(
            "This photo provided by the ministry shows the new ferry. (PHOTO NOT FOR SALE) (Yonhap)"
        ));
        assert!(!is_body_noise(
            "SEOUL, Jan. 4 (Yonhap) -- North Kesh fired a missile on Sunday."
        ));
        assert!(!is_body_noise(
            "The agency said the photo was taken by a drone (video footage was also released)."
        ));
        assert!(is_body_noise(
            "The Daily Briefing newsletter brings you the news each morning. Sign up here."
        ));
        assert!(is_body_noise(
            "Item 1 of 3 Smoke rises over the city. REUTERS/Staff Photographer"
        ));
        assert!(is_body_noise(
            "FILE - Workers at the plant in Ellabell, Ga., on Sept. 4, 2025. (AP Photo/Jane Roe, File)"
        ));
        assert!(is_footer("Reporting by A in Dubai; Editing by B"));
        // Anadolu's credits after the body
        assert!(is_footer("*Writing by Ayla Demir"));
        assert!(is_footer("*Contributions by Jon Berg in Geneva"));
        // a reporter's note: what they cover, and how to reach them
        assert!(is_footer(
            "Ines Korr covers global markets and emerging economies. Reach her at ikorr@kesh.com."
        ));
        assert!(!is_footer(
            "Ines Korr covers the markets. She said buyers would return at 10 a.m."
        ));
        assert!(!is_footer(
            "Contributions by member states rose by a fifth."
        ));
        assert!(!is_body_noise("- a related title that is a link"));
        assert!(is_header_noise("3 minute read"));
        assert!(is_header_noise("5 mins"));
        assert!(is_header_noise("(ATTN: ADDS details in para 5)"));
        assert!(is_header_noise("Source: Xinhua"));
        assert!(is_header_noise("Editor: Liu"));
    }

    #[test]
    fn case_folds_the_prefilters_assume() {
        // Beyond ASCII, case-insensitive patterns take `ſ` for `s` and the Kelvin sign for `k`,
        // and nothing for any other letter: the quick tests before the patterns rely on it.
        let all: String = (0x80..=0x10_ffff_u32).filter_map(char::from_u32).collect();
        for c in 'a'..='z' {
            let re = Regex::new(&format!("(?i){c}")).unwrap();
            let found: Vec<&str> = re.find_iter(&all).map(|m| m.as_str()).collect();
            let want: &[&str] = match c {
                's' => &["ſ"],
                'k' => &["\u{212a}"],
                _ => &[],
            };
            assert_eq!(found, want, "{c}");
        }
    }

    /// Lines of footers, noise and datelines, whole and cut, for the quick tests to be checked
    /// against the patterns on.
    const PIECES: &[&str] = &[
        "(Reporting by A; Editing by B)",
        "*Writing by A",
        "*Contributions by",
        "(Writing",
        "(Additional reporting",
        "(Compiled",
        "Reporting by",
        "Writing by",
        "Editing by",
        "by",
        " ",
        "Our Standards:",
        "Suggested Topics",
        ":",
        "___",
        "---",
        "***",
        "-",
        "_",
        "*",
        "©",
        "(c)",
        "Copyright",
        "2025",
        "All rights reserved",
        "cdr/ah/jj",
        "ab",
        "/",
        "Enditem",
        "(END)",
        "Keywords",
        "#",
        "#x",
        "abc@yna.co.kr",
        "@",
        ".",
        "Source: Al Jazeera",
        "Source: AFP",
        "Source:",
        "Contact Jane Roe at",
        "Reach Jane Roe at",
        "($1",
        "= 10.6 crowns)",
        "=",
        ")",
        " or ",
        "Source: News Agencies",
        "Source: news agencies",
        "Anadolu Agency website contains only a portion",
        "x@y.z",
        "Read also",
        "read more",
        "READ",
        "Related articles",
        "related stories",
        "More on this story",
        "more",
        "on",
        "this",
        "story",
        "Advertisement",
        "advertiſement",
        "ſcroll",
        "Scroll to continue",
        "·",
        "(This story has been refiled)",
        "(this",
        "(Video reporter: A; video editor: B)",
        "(video",
        "(Photo by A)",
        "reporter",
        "editor",
        "story",
        "has been",
        ")",
        "Continue reading",
        "continue",
        "Item 1 of 3",
        "item",
        "1",
        "of",
        "- Budget deadlock -",
        "Recommended Stories",
        "recommended",
        "More stories",
        "related",
        "RELATED",
        "stories",
        "Save",
        "share2",
        "Listen",
        "listen to this article",
        "Click here to share",
        "Print",
        "5 min",
        "3 mins read",
        "10 minute read",
        "(ATTN: x)",
        "Update: y",
        "Updated 3 hours ago",
        "update 2 days ago",
        "Facebook",
        "Twitter",
        "x",
        "X",
        "WhatsApp",
        "Email",
        "Copy link",
        "Comments",
        "comment",
        "Editor: Liu",
        "Credit: Jane",
        "Photo: AP",
        "photo:x",
        "٣",
        "ſave",
        "The",
        "WASHINGTON",
        "GOMA, Congo",
        "(Reuters)",
        "(AP)",
        "(AFP)",
        "(Xinhua)",
        "(Yonhap)",
        "(AA)",
        "(UPI)",
        "(dpa)",
        "(IANS)",
        "(PTI)",
        "(ANI)",
        "(Bernama)",
        "(Kyodo)",
        "(CNN)",
        "—",
        "–",
        "--",
        "/TASS/.",
        "/ITAR-TASS/.",
        ", /TASS/.",
        "/TASS/",
        "(",
        ")",
        "Sep. 4",
        "MOSCOW, November 14.",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "By",
        "BY",
        "bY",
        "Jane Roe",
    ];

    proptest::proptest! {
        /// The quick tests never refuse a line its pattern takes, and the dateline split agrees
        /// with the pattern alone.
        #[test]
        fn quick_tests_only_refuse_what_the_patterns_refuse(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 1..7),
            sep in proptest::sample::select(vec![" ", "", "  ", ", "]),
        ) {
            let line = parts.join(sep);
            for line in [line.as_str(), line.trim()] {
                if FOOTER.is_match(line) {
                    proptest::prop_assert!(may_be_footer(line), "{:?}", line);
                }
                if BODY_NOISE.is_match(line) {
                    proptest::prop_assert!(may_be_body_noise(line), "{:?}", line);
                }
                if RECOMMENDED.is_match(line) {
                    proptest::prop_assert!(may_be_recommended(line), "{:?}", line);
                }
                if HEADER_NOISE.is_match(line) {
                    proptest::prop_assert!(is_header_noise(line), "{:?}", line);
                }
                if DATELINE.is_match(line) {
                    proptest::prop_assert!(has_agency_mark(line), "{:?}", line);
                }
                if BYLINE.is_match(line) {
                    proptest::prop_assert!(line.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("by")), "{:?}", line);
                }
            }
        }
    }

    #[test]
    fn white_space_is_the_patterns_white_space() {
        let space = Regex::new(r"^\s$").unwrap();
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            assert_eq!(c.is_whitespace(), space.is_match(&c.to_string()), "{c:?}");
        }
    }

    /// The dateline split as the patterns alone make it.
    fn split_by_patterns(line: &str) -> Option<(String, &str)> {
        let c = DATELINE.captures(line)?;
        let place = c.name("place")?.as_str().trim();
        let place = PLACE_DATE.replace(place, "");
        let place = place.trim().trim_end_matches(',').trim();
        if place.is_empty() || place.split_whitespace().count() > 8 {
            return None;
        }
        Some((place.to_owned(), &line[c.get(0)?.end()..]))
    }

    proptest::proptest! {
        /// The dateline read by hand is the pattern's, and so is the place without its date.
        #[test]
        fn datelines_as_the_patterns_read_them(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 1..7),
            sep in proptest::sample::select(vec![" ", "", "  ", ", ", "\u{2009}", ". "]),
            any in "\\PC{0,100}",
        ) {
            let line = parts.join(sep);
            for line in [line.as_str(), line.trim(), any.as_str()] {
                let by_pattern = DATELINE
                    .captures(line)
                    .map(|c| (c.name("place").unwrap().end(), c.get(0).unwrap().end()));
                proptest::prop_assert_eq!(dateline_match(line), by_pattern, "{:?}", line);
                let head = &line.as_bytes()[..line.len().min(120)];
                let want = if head.iter().any(|&b| b == b'(' || b == b'/') {
                    split_by_patterns(line)
                } else {
                    None
                };
                proptest::prop_assert_eq!(split_dateline(line), want, "{:?}", line);
                proptest::prop_assert_eq!(strip_place_date(line), PLACE_DATE.replace(line, ""), "{:?}", line);
            }
        }

        #[test]
        fn places_without_dates(
            place in proptest::sample::select(vec!["MOSCOW", "BEIJING", "São Paulo", "", "A, B"]),
            comma in proptest::sample::select(vec![",", ", ", ",  ", "", " ,", ",\t"]),
            month in proptest::sample::select(vec!["Jan", "jan.", "SEPT", "Sept.", "November", "Mayo", "Ju", "Decx", "ſep", "oct"]),
            space in proptest::sample::select(vec![" ", "", "  ", "\u{2009}", "\t"]),
            day in proptest::sample::select(vec!["4", "14", "144", "", "4.", "14.", "٣", "4 ", "4,"]),
        ) {
            let line = format!("{place}{comma}{month}{space}{day}");
            proptest::prop_assert_eq!(strip_place_date(&line), PLACE_DATE.replace(&line, ""), "{:?}", line);
        }
    }

    #[test]
    fn section_or_headline() {
        assert_eq!(section_name("World").as_deref(), Some("World"));
        assert_eq!(
            section_name("News|Israel-Palestine conflict").as_deref(),
            Some("Israel-Palestine conflict")
        );
        assert_eq!(
            section_name("Russian Politics & Diplomacy").as_deref(),
            Some("Russian Politics & Diplomacy")
        );
        assert!(section_name("Floods kill over 300 in Niger as rains pound Sahel").is_none());
        // a longer topic after the desk and its bar
        assert_eq!(
            section_name("News|Democratic Republic of the Congo").as_deref(),
            Some("Democratic Republic of the Congo")
        );
        assert!(section_name("Democratic Republic of the Congo").is_none());
    }

    #[test]
    fn recommended_block_becomes_related() {
        let lines = [
            "First paragraph.",
            "Recommended Stories",
            "list of 2 items",
            "list 1 of 2",
            "Title one",
            "list 2 of 2",
            "Title two",
            "end of list",
            "Second paragraph.",
            "Advertisement",
            "Third paragraph.",
            "Source: Al Jazeera",
        ];
        let mut d = Draft::default();
        read_body(&lines, &mut d);
        assert_eq!(
            d.body,
            ["First paragraph.", "Second paragraph.", "Third paragraph."]
        );
        assert_eq!(d.related, ["Title one", "Title two"]);
    }

    /// A story of two paragraphs: its `Source:` line falls within the lines a header may take,
    /// and must not make the body part of the header.
    #[test]
    fn a_short_story_keeps_its_body_above_the_footer() {
        let lines = [
            "News|Weather",
            "Storms close schools across the northern valleys",
            "Officials say the roads will reopen once the snow is cleared.",
            "By Lena Marsh",
            "Published On 3 Feb 2026",
            "3 Feb 2026",
            "Save",
            "Listen to this article",
            "2 mins",
            "Schools in four valleys stayed shut on Tuesday after a night of heavy snow.",
            "\"The buses cannot get through,\" a district official said.",
            "Source: Al Jazeera",
        ];
        let d = parse(&lines);
        assert_eq!(
            d.headline.as_deref(),
            Some("Storms close schools across the northern valleys")
        );
        assert_eq!(
            d.standfirst.as_deref(),
            Some("Officials say the roads will reopen once the snow is cleared.")
        );
        assert_eq!(d.body.len(), 2, "{:?}", d.body);
    }
}
