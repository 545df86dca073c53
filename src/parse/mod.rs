//! Text to record: decoding, layout detection, and one module per wire layout.
//!
//! [`parse_bytes`] decodes a file's bytes ([`decode`]), splits them into lines, detects the
//! layout (or takes the one asked for), and hands the lines to that layout's parser. Layouts
//! share the header, dateline and footer logic in [`wire`]; Anadolu's page copy has a shape of
//! its own. The result is a [`Record`] without analysis; see [`crate::extract`] for that.

pub mod dates;
pub mod decode;
pub mod html;
pub mod wire;

mod afp;
mod aljazeera;
mod anadolu;
mod ap;
mod generic;
mod reuters;
mod tass;
mod xinhua;
mod yonhap;

use crate::record::{Record, Related};
use chrono::FixedOffset;
use regex::Regex;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

pub use decode::{DecodeError, Decoded};

/// A wire layout newsarc knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    Anadolu,
    Reuters,
    Ap,
    Afp,
    Xinhua,
    Tass,
    Yonhap,
    Aljazeera,
    Generic,
}

/// What each layout is: its name, agency, clock convention and how to recognise it.
pub(crate) struct Spec {
    pub name: &'static str,
    /// The agency's full name as records give it.
    pub agency: Option<&'static str>,
    /// The UTC offset of the agency's printed times when the page does not state one.
    pub offset_hours: Option<i32>,
    /// Recognises the layout in the top and bottom lines of a text (none for the fallback).
    pub marker: Option<&'static LazyLock<Regex>>,
}

impl Layout {
    /// Every layout, in the order detection tries them (generic last).
    pub const ALL: [Layout; 9] = [
        Layout::Anadolu,
        Layout::Reuters,
        Layout::Ap,
        Layout::Afp,
        Layout::Xinhua,
        Layout::Tass,
        Layout::Yonhap,
        Layout::Aljazeera,
        Layout::Generic,
    ];

    pub(crate) fn spec(self) -> &'static Spec {
        match self {
            Layout::Anadolu => &anadolu::SPEC,
            Layout::Reuters => &reuters::SPEC,
            Layout::Ap => &ap::SPEC,
            Layout::Afp => &afp::SPEC,
            Layout::Xinhua => &xinhua::SPEC,
            Layout::Tass => &tass::SPEC,
            Layout::Yonhap => &yonhap::SPEC,
            Layout::Aljazeera => &aljazeera::SPEC,
            Layout::Generic => &generic::SPEC,
        }
    }

    /// The layout's name as records and `--layout` spell it.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The layout called `name` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(name))
    }

    /// The layout whose marks the text bears in its first 40 and last 12 lines; generic when none
    /// does. The first layout in [`Layout::ALL`] order whose marker matches wins.
    pub fn detect(lines: &[&str]) -> Layout {
        let head = lines.len().min(40);
        let tail = lines.len().saturating_sub(12).max(head);
        let picked = || lines[..head].iter().chain(&lines[tail..]);
        let mut sample = String::with_capacity(picked().map(|l| l.len() + 1).sum());
        for l in picked() {
            sample.push_str(l);
            sample.push('\n');
        }
        Layout::ALL
            .into_iter()
            .find(|l| l.spec().marker.is_some_and(|m| m.is_match(&sample)))
            .unwrap_or(Layout::Generic)
    }

    fn parse(self, lines: &[&str]) -> wire::Draft {
        match self {
            Layout::Anadolu => anadolu::parse(lines),
            _ => wire::parse(lines),
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a text could not be made into a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
    #[error("no recognisable headline: {0}")]
    NoHeadline(String),
    /// A web page with no article in it (an index page, a consent wall).
    #[error("no article in the page: {0}")]
    NoArticle(String),
}

impl From<DecodeError> for ParseError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::Empty => ParseError::Empty,
            DecodeError::Binary => ParseError::Binary,
        }
    }
}

/// How to parse.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Read every text as this layout instead of detecting it.
    pub layout: Option<Layout>,
}

/// A parsed article and how its bytes were decoded.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub record: Record,
    /// The encoding, when it was not UTF-8 (`windows-1252`, `UTF-16LE`...).
    pub encoding: Option<&'static str>,
}

/// Parses a file's raw bytes. Bytes that start like an HTML document are read as a web page
/// ([`html`]); a `source` that is an `http(s)://` URL is the page's address.
pub fn parse_bytes(bytes: &[u8], source: &str, opts: &Options) -> Result<Parsed, ParseError> {
    if html::looks_like_html(bytes) {
        return html::parse_html(bytes, source, &html::PageInfo::default());
    }
    let (text, encoding) = decode::decode_cow(bytes)?;
    let record = parse_text(&text, source, opts)?;
    Ok(Parsed { record, encoding })
}

/// The longest line that can be a headline.
const MAX_HEADLINE_CHARS: usize = 400;

/// Parses decoded text.
pub fn parse_text(text: &str, source: &str, opts: &Options) -> Result<Record, ParseError> {
    let cleaned: Vec<Cow<str>> = text.lines().filter_map(clean_line).collect();
    let lines: Vec<&str> = cleaned.iter().map(|l| l.as_ref()).collect();
    if lines.is_empty() {
        return Err(ParseError::Empty);
    }
    let layout = opts.layout.unwrap_or_else(|| Layout::detect(&lines));
    let spec = layout.spec();
    let draft = layout.parse(&lines);
    let headline = match draft.headline {
        Some(h)
            if h.chars().count() <= MAX_HEADLINE_CHARS && h.chars().any(char::is_alphanumeric) =>
        {
            h
        }
        Some(h) if h.chars().count() > MAX_HEADLINE_CHARS => {
            return Err(ParseError::NoHeadline(format!(
                "the first line is a {}-character paragraph",
                h.chars().count()
            )));
        }
        _ => return Err(ParseError::NoHeadline("no line with words in it".into())),
    };
    let offset = spec
        .offset_hours
        .and_then(|h| FixedOffset::east_opt(h * 3600));
    Ok(Record {
        id: content_id(&lines),
        source: source.to_owned(),
        layout: spec.name.to_owned(),
        headline,
        standfirst: draft.standfirst,
        section: draft.section,
        agency: draft.agency.or(spec.agency.map(str::to_owned)),
        byline: draft.byline,
        dateline: draft.dateline,
        published: draft.published.map(|s| s.to_iso(offset)),
        modified: draft.modified.map(|s| s.to_iso(offset)),
        body: draft.body,
        related: draft
            .related
            .into_iter()
            .map(|title| Related { title, url: None })
            .collect(),
        people: Vec::new(),
        countries: Vec::new(),
        organizations: Vec::new(),
        quotes: Vec::new(),
        dates: Vec::new(),
    })
}

/// A line with non-breaking and zero-width spaces made plain and outer white space trimmed;
/// `None` for a blank line (blank lines never make paragraphs). Borrowed when nothing changes
/// but the trimming, as for almost every line.
fn clean_line(line: &str) -> Option<Cow<'_, str>> {
    let special = |c: char| {
        matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{a0}' | '\u{2007}' | '\u{202f}'
        )
    };
    if line.is_ascii() || !line.contains(special) {
        let line = line.trim();
        return (!line.is_empty()).then_some(Cow::Borrowed(line));
    }
    let line: String = line
        .chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}'))
        .map(|c| {
            if matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let line = line.trim();
    (!line.is_empty()).then(|| Cow::Owned(line.to_owned()))
}

/// The content id: SHA-256 over the NFC-normalised non-blank lines, first 16 hex digits.
pub(crate) fn content_id(lines: &[&str]) -> String {
    let mut h = Sha256::new();
    for line in lines {
        // ASCII is always in NFC, and checking that is much cheaper than the quick check
        if line.is_ascii()
            || unicode_normalization::is_nfc_quick(line.chars())
                == unicode_normalization::IsNormalized::Yes
        {
            h.update(line.as_bytes());
        } else {
            let norm: String = line.nfc().collect();
            h.update(norm.as_bytes());
        }
        h.update(b"\n");
    }
    // sixteen hex digits, written directly (a `format!` per byte was nine allocations an article)
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(16);
    for b in &h.finalize()[..8] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_line_ends_blank_lines_and_bom() {
        let opts = Options::default();
        let a = parse_text("Head line\nBody one.\nBody two.", "a", &opts).unwrap();
        let b = parse_bytes(
            b"\xEF\xBB\xBFHead line \r\n\r\nBody one.\r\n\r\nBody two.\r\n",
            "b",
            &opts,
        )
        .unwrap();
        assert_eq!(a.id, b.record.id);
        assert_eq!(a.id.len(), 16);
        // Composed and decomposed forms of the same letters are the same text.
        let nfc = parse_text("Caf\u{e9} opens\nBody.", "n", &opts).unwrap();
        let nfd = parse_text("Cafe\u{301} opens\nBody.", "n", &opts).unwrap();
        assert_eq!(nfc.id, nfd.id);
        let c = parse_text("Head line\nBody one.\nBody three.", "c", &opts).unwrap();
        assert_ne!(a.id, c.id);
    }

    #[test]
    fn generic_fallback_takes_first_line_as_headline() {
        let r = parse_text(
            "\n\n  A plain headline  \n\nFirst para.\n\n\nSecond para.\n",
            "-",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(r.layout, "generic");
        assert_eq!(r.headline, "A plain headline");
        assert_eq!(r.body, ["First para.", "Second para."]);
        assert_eq!(r.agency, None);
    }

    #[test]
    fn non_breaking_spaces_are_plain_spaces() {
        let r = parse_text("Head\u{a0}line\nBody\u{a0}text.", "-", &Options::default()).unwrap();
        assert_eq!(r.headline, "Head line");
        assert_eq!(r.body, ["Body text."]);
    }

    #[test]
    fn a_paragraph_is_no_headline() {
        let long = "word ".repeat(200);
        let err = parse_text(&long, "-", &Options::default()).unwrap_err();
        assert!(matches!(err, ParseError::NoHeadline(_)));
        let err = parse_text("--- ... ---\n***", "-", &Options::default()).unwrap_err();
        assert!(matches!(err, ParseError::NoHeadline(_)));
    }

    #[test]
    fn layout_names_round_trip() {
        for l in Layout::ALL {
            assert_eq!(Layout::from_name(l.name()), Some(l));
        }
        assert_eq!(Layout::from_name("REUTERS"), Some(Layout::Reuters));
        assert_eq!(Layout::from_name("nope"), None);
    }
}

#[cfg(test)]
mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const FIXTURES: [&str; 5] = [
        include_str!("../../fixtures/layouts/anadolu.txt"),
        include_str!("../../fixtures/layouts/reuters.txt"),
        include_str!("../../fixtures/layouts/aljazeera.txt"),
        include_str!("../../fixtures/layouts/tass.txt"),
        include_str!("../../fixtures/layouts/yonhap.txt"),
    ];

    proptest! {
        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse_bytes(&bytes, "p", &Options::default());
        }

        #[test]
        fn on_arbitrary_text(text in "(?s).{0,600}") {
            for layout in Layout::ALL {
                let _ = parse_text(&text, "p", &Options { layout: Some(layout) });
            }
        }

        #[test]
        fn on_truncated_and_spliced_fixtures(which in 0..5usize, cut in 0..4000usize, junk in "(?s).{0,40}") {
            let bytes = FIXTURES[which].as_bytes();
            let cut = cut.min(bytes.len());
            let mut spliced = bytes[..cut].to_vec();
            spliced.extend_from_slice(junk.as_bytes());
            spliced.extend_from_slice(&bytes[cut..]);
            for b in [&bytes[..cut], &spliced[..]] {
                if let Ok(p) = parse_bytes(b, "p", &Options::default()) {
                    prop_assert!(!p.record.headline.is_empty());
                    prop_assert!(p.record.body.iter().all(|para| !para.trim().is_empty()));
                }
            }
        }
    }
}
