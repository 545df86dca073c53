//! Anadolu Agency page copy: headline; `- Section`, `- Anadolu Agency`, `- Published Date:`,
//! `- Modified Date:` lines; an optional byline and a dateline alone on its line; body
//! paragraphs; a closing run of `- title` related links.

use super::Spec;
use super::dates;
use super::wire::{self, Draft, Header};
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^-\s*(?:Published Date:|Modified Date:|Anadolu\b)|\(AA\)\s*-").unwrap()
});

/// Anadolu prints Turkish time (UTC+3) without saying so.
pub(crate) static SPEC: Spec = Spec {
    name: "anadolu",
    agency: Some("Anadolu Agency"),
    offset_hours: Some(3),
    marker: Some(&MARKER),
};

/// A dateline alone on its line: `ANKARA`, `GAZA CITY`, `ISTANBUL/ANKARA`.
static DATELINE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Lu} .'/-]{1,40}$").unwrap());

fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("-\t"))
        .map(str::trim)
}

pub(super) fn parse(lines: &[&str]) -> Draft {
    let mut draft = Draft {
        headline: lines.first().map(|l| l.to_string()),
        ..Draft::default()
    };
    let mut header = Header::default();
    let mut i = 1;
    while let Some(item) = lines.get(i).and_then(|l| list_item(l)) {
        if item.contains("Anadolu") || item == "AA" {
            draft.agency = Some(if item.contains("Agency") {
                item.to_owned()
            } else {
                "Anadolu Agency".to_owned()
            });
        } else if let Some(stamps) = dates::date_line(item) {
            for (label, stamp) in stamps {
                header.add_stamp(label, stamp);
            }
        } else if draft.section.is_none() {
            draft.section = Some(item.to_owned());
        } else {
            break;
        }
        i += 1;
    }
    draft.published = header.published;
    draft.modified = header.modified;

    // Related links: the closing run of list items.
    let mut end = lines.len();
    while end > i && list_item(lines[end - 1]).is_some() {
        end -= 1;
    }
    draft.related = lines[end..]
        .iter()
        .filter_map(|l| list_item(l))
        .map(str::to_owned)
        .collect();

    // Byline, a dateline on its own line and notes to editors, in any order, before the body.
    while i < end {
        let line = lines[i];
        if let Some(names) = wire::byline(line) {
            draft.byline.extend(names);
        } else if DATELINE_LINE.is_match(line) && draft.dateline.is_none() {
            draft.dateline = Some(line.to_owned());
        } else if !wire::is_header_noise(line) {
            break;
        }
        i += 1;
    }
    wire::read_body(&lines[i..end], &mut draft);
    draft
}

#[cfg(test)]
mod tests {
    use crate::parse::{Options, parse_text};

    const ARTICLE: &str = "Lake towns vote to share ferry costs
- Europe
- Anadolu Agency
- Published Date: 08:05 | 3 March 2025
- Modified Date: 10:40 | 3 March 2025
By Ayla Demir and Jon Berg
GENEVA
Five lake towns agreed on Monday to share the cost of a new ferry line.

The mayors said the first boat would sail in June.
- Alpine rail tunnel reopens after repairs
- Swiss inflation steady at 1%";

    #[test]
    fn full_page() {
        let r = parse_text(ARTICLE, "t", &Options::default()).unwrap();
        assert_eq!(r.layout, "anadolu");
        assert_eq!(r.headline, "Lake towns vote to share ferry costs");
        assert_eq!(r.section.as_deref(), Some("Europe"));
        assert_eq!(r.agency.as_deref(), Some("Anadolu Agency"));
        assert_eq!(r.byline, ["Ayla Demir", "Jon Berg"]);
        assert_eq!(r.dateline.as_deref(), Some("GENEVA"));
        assert_eq!(r.published.as_deref(), Some("2025-03-03T08:05:00+03:00"));
        assert_eq!(r.modified.as_deref(), Some("2025-03-03T10:40:00+03:00"));
        assert_eq!(r.body.len(), 2);
        let titles: Vec<&str> = r.related.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Alpine rail tunnel reopens after repairs",
                "Swiss inflation steady at 1%"
            ]
        );
        assert!(r.related.iter().all(|x| x.url.is_none()));
    }

    #[test]
    fn without_modified_byline_or_related() {
        let text = "Ferry line opens\n- World\n- Anadolu Agency\n- Published Date: 23:59 | 31 December 2024\nUpdate: Adds mayor's remarks\nThe line opened.\nIt was late.";
        let r = parse_text(text, "t", &Options::default()).unwrap();
        assert_eq!(r.modified, None);
        assert_eq!(r.published.as_deref(), Some("2024-12-31T23:59:00+03:00"));
        assert_eq!(r.body, ["The line opened.", "It was late."]);
        assert!(r.related.is_empty() && r.byline.is_empty() && r.dateline.is_none());
    }
}
