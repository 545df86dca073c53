//! What the wire layouts share: reading a header of section, headline, byline and date lines;
//! finding the dateline that opens the body; cutting the footer; collecting related links.
//!
//! Each layout module gives a [`Spec`] and, where its pages differ, does its own part before
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
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s*\|\s*)").unwrap());

/// Lines of page furniture that stand in headers: share buttons, reading times, notes to editors.
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
static BODY_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?: advertisement | scroll\ to\ continue.* | -\s.{1,80}\s- | continue\ reading
            | item\ \d+\ of\ \d+\ .* )$",
    )
    .unwrap()
});

/// A photo caption's credit at a line's end: `... (AP Photo/Jane Roe, File)`.
static AP_PHOTO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\(AP\ Photo/[^)]*\)\.?$").unwrap());

/// The first line of what follows a story: contributor notes, copyright, agency end marks.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            \((?:Reporting|Writing|Editing|Additional\ reporting|Compiled|Edited)(?-u:\b).*
            | (?:Reporting|Writing|Editing)\ by\ .{3,200}
            | Our\ Standards:.* | Suggested\ Topics:?
            | _{3,} | -{3,} | \*{3}
            | (?:©|\(c\)|Copyright)\s*(?:©\s*)?\d{4}.* | All\ rights\ reserved.*
            | [a-z]{2,4}(?:/[a-z]{2,4})+ | Enditem | \(END\) | Keywords:? | \#\S.*
            | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
            | Source:\ (?:Al\ Jazeera|AFP|Reuters|AP).* | Contact\ .{3,60}\ at\ [\w.@+()-]+\.?
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
/// `end of list`).
static RECOMMENDED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:recommended stories|more stories|related)$").unwrap());
static LIST_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:list of \d+ items?|list \d+ of \d+)$").unwrap());

/// Splits the dateline off the first paragraph: `(place, rest)`.
pub fn split_dateline(line: &str) -> Option<(String, &str)> {
    // Every dateline has its agency mark within the first hundred bytes or so.
    let head = &line.as_bytes()[..line.len().min(120)];
    if !head.iter().any(|&b| b == b'(' || b == b'/') {
        return None;
    }
    let c = DATELINE.captures(line)?;
    let place = c.name("place")?.as_str().trim();
    let place = PLACE_DATE.replace(place, "");
    let place = place.trim().trim_end_matches(',').trim();
    if place.is_empty() || place.split_whitespace().count() > 8 {
        return None;
    }
    Some((place.to_owned(), &line[c.get(0)?.end()..]))
}

/// Reporters' names from a `By ...` line, or `None` when the line is not a byline.
pub fn byline(line: &str) -> Option<Vec<String>> {
    let names = BYLINE.captures(line)?.get(1)?.as_str();
    let names: Vec<String> = NAME_SPLIT
        .split(names.trim_end_matches('.'))
        .map(|n| n.trim().to_owned())
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
    HEADER_NOISE.is_match(line)
}

pub fn is_body_noise(line: &str) -> bool {
    let bare = line.strip_suffix('.').unwrap_or(line);
    // A newsletter promo: a short line that ends `... Sign up here.`
    let cut = bare.len().saturating_sub(13);
    let promo = bare.get(cut..).is_some_and(|tail| {
        tail.eq_ignore_ascii_case(" sign up here") && bare[..cut].chars().nth(200).is_none()
    });
    promo || (bare.ends_with(')') && AP_PHOTO.is_match(line)) || BODY_NOISE.is_match(line)
}

pub fn is_footer(line: &str) -> bool {
    FOOTER.is_match(line)
}

/// A short line with no closing punctuation that names a desk: `World`, `Energy`,
/// `Russian Politics & Diplomacy`. `News|Israel-Palestine conflict` names its last part.
pub fn section_name(line: &str) -> Option<String> {
    let last = line.rsplit('|').next().unwrap_or(line).trim();
    let short = last.split_whitespace().count() <= 4 && last.chars().count() <= 40;
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

/// The index of the first body line, and the lines above it read: the body opens with the line
/// that opens with a dateline, or else the line after the last byline, date or furniture line
/// near the top; at line 1 when the text has none of them. Each line is read once.
fn header(lines: &[&str]) -> (usize, Vec<HeaderLine>) {
    let top = lines.len().min(HEADER_LINES);
    if let Some(i) = lines[..top]
        .iter()
        .position(|l| split_dateline(l).is_some())
    {
        return (i, lines[..i].iter().map(|l| HeaderLine::read(l)).collect());
    }
    let mut read = Vec::with_capacity(top);
    let mut last = None;
    for (i, line) in lines[..top].iter().enumerate() {
        if line.chars().count() > 400 {
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
    (start, read)
}

/// Reads a whole wire story: header, dateline, body up to the footer, related links.
pub fn parse(lines: &[&str]) -> Draft {
    let mut draft = Draft::default();
    let (start, read) = header(lines);
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
        read_body(&lines[start..], &mut draft);
    }
    draft
}

/// Body paragraphs up to the footer, with a dateline split off the first one, noise lines
/// dropped, and recommended-story blocks and `Read also` lists taken as related links.
pub fn read_body(lines: &[&str], draft: &mut Draft) {
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if draft.body.is_empty()
            && draft.dateline.is_none()
            && let Some((place, rest)) = split_dateline(line)
        {
            draft.dateline = Some(place);
            if !rest.trim().is_empty() {
                draft.body.push(rest.trim().to_owned());
            }
            continue;
        }
        if RECOMMENDED.is_match(line)
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
        assert_eq!(byline("By Reuters").unwrap(), Vec::<String>::new());
        assert_eq!(byline("By Jane Roe, Staff Writer").unwrap(), ["Jane Roe"]);
        assert_eq!(byline("By Jane Roe | Reuters").unwrap(), ["Jane Roe"]);
        assert_eq!(byline("By Al Jazeera Staff").unwrap(), Vec::<String>::new());
        assert!(byline("Byron Bay is flooded").is_none());
        assert!(byline("By noon, the wind rose").is_none());
        assert!(
            byline("By the end of the year the government expects to have spent more than it had ever planned to on the programme, officials said on Monday")
                .is_none()
        );
    }

    #[test]
    fn footers_and_noise() {
        for f in [
            "(Reporting by A in Dubai; Editing by B)",
            "___",
            "© 2025 AFP",
            "Copyright 2025 The Tribune. All rights reserved.",
            "cdr/ah/jj",
            "Enditem",
            "(END)",
            "abc@yna.co.kr",
            "Read also",
            "Source: Al Jazeera and news agencies",
            "Contact Jane Roe at 312-555-0100.",
        ] {
            assert!(is_footer(f), "{f}");
        }
        assert!(!is_footer("The minister said the talks would resume."));
        assert!(is_body_noise("- Budget deadlock -"));
        assert!(is_body_noise("Advertisement"));
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
        assert!(!is_body_noise("- a related title that is a link"));
        assert!(is_header_noise("3 minute read"));
        assert!(is_header_noise("5 mins"));
        assert!(is_header_noise("(ATTN: ADDS details in para 5)"));
        assert!(is_header_noise("Source: Xinhua"));
        assert!(is_header_noise("Editor: Liu"));
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
}
