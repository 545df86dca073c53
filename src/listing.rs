//! Writers for the archive's listings (`list`, `search`, `people`, ...), generic over
//! `io::Write` so every format is tested without a process.
//!
//! Formats:
//! - `table`: aligned columns for people to read, a header line first; control characters
//!   are shown escaped (`\u{1b}`) so no stored text can drive the terminal; long cells are cut
//!   with `…`.
//! - `json`: one pretty-printed JSON array of objects.
//! - `ndjson`: one compact JSON object per line (JSON Lines).
//! - `csv`: RFC 4180, a header row first, lists joined with `; `.
//!
//! The object keys are the fields of the row types in [`crate::archive`], in their order.

use crate::archive::{ArticleRow, CountryRow, Hit, PersonRow, QuoteRow, StatRow};
use serde::Serialize;
use std::io::{self, Write};

/// How a listing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Json,
    Ndjson,
    Csv,
}

/// A row of a listing: serialisable for JSON, cells for tables and CSV.
pub trait Row: Serialize {
    /// Column names, as CSV headers (tables show them uppercase).
    const COLUMNS: &'static [&'static str];
    /// The widest a table cell of each column may be, in characters.
    const WIDTHS: &'static [usize];
    fn cells(&self) -> Vec<String>;
}

/// Writes `rows` in `format`.
pub fn write_rows<W: Write, R: Row>(w: &mut W, rows: &[R], format: ListFormat) -> io::Result<()> {
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, rows)?;
            w.write_all(b"\n")
        }
        ListFormat::Ndjson => {
            for row in rows {
                serde_json::to_writer(&mut *w, row)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        }
        ListFormat::Csv => {
            write_csv_row(w, R::COLUMNS.iter().copied())?;
            for row in rows {
                let cells = row.cells();
                write_csv_row(w, cells.iter().map(String::as_str))?;
            }
            Ok(())
        }
        ListFormat::Table => {
            let header: Vec<String> = R::COLUMNS.iter().map(|c| c.to_uppercase()).collect();
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.cells()
                        .into_iter()
                        .zip(R::WIDTHS)
                        .map(|(c, &max)| cut(&escape_controls(&c), max))
                        .collect()
                })
                .collect();
            write_table(w, &header, &body)
        }
    }
}

fn write_table<W: Write>(w: &mut W, header: &[String], body: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in body {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    for row in std::iter::once(header).chain(body.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(
                    ' ',
                    widths[i] - cell.chars().count() + 2,
                ));
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Control characters (and line breaks) as visible escapes, for a terminal.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// At most `max` characters, the last one `…` when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// One CSV record (RFC 4180: fields with a comma, quote or line break are quoted).
pub fn write_csv_row<'a, W: Write>(
    w: &mut W,
    cells: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    let mut first = true;
    for cell in cells {
        if !first {
            w.write_all(b",")?;
        }
        first = false;
        if cell.contains([',', '"', '\n', '\r']) {
            w.write_all(b"\"")?;
            w.write_all(cell.replace('"', "\"\"").as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(cell.as_bytes())?;
        }
    }
    w.write_all(b"\r\n")
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

impl Row for ArticleRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "published",
        "agency",
        "layout",
        "section",
        "headline",
        "source",
        "revisions",
    ];
    const WIDTHS: &'static [usize] = &[16, 25, 24, 10, 16, 72, 60, 9];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.published),
            opt(&self.agency),
            self.layout.clone(),
            opt(&self.section),
            self.headline.clone(),
            self.source.clone(),
            self.revisions.to_string(),
        ]
    }
}

impl Row for Hit {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "published",
        "agency",
        "layout",
        "headline",
        "source",
        "score",
        "snippet",
    ];
    const WIDTHS: &'static [usize] = &[16, 25, 24, 10, 60, 40, 8, 120];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.published),
            opt(&self.agency),
            self.layout.clone(),
            self.headline.clone(),
            self.source.clone(),
            format!("{:.3}", self.score),
            self.snippet.clone(),
        ]
    }
}

impl Row for PersonRow {
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "mentions",
        "articles",
        "roles",
        "first_seen",
        "last_seen",
    ];
    const WIDTHS: &'static [usize] = &[40, 9, 9, 60, 10, 10];
    fn cells(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.mentions.to_string(),
            self.articles.to_string(),
            self.roles.join("; "),
            opt(&self.first_seen),
            opt(&self.last_seen),
        ]
    }
}

impl Row for CountryRow {
    const COLUMNS: &'static [&'static str] = &[
        "code",
        "name",
        "articles",
        "mentions",
        "first_seen",
        "last_seen",
    ];
    const WIDTHS: &'static [usize] = &[4, 40, 9, 9, 10, 10];
    fn cells(&self) -> Vec<String> {
        vec![
            self.code.clone(),
            self.name.clone(),
            self.articles.to_string(),
            self.mentions.to_string(),
            opt(&self.first_seen),
            opt(&self.last_seen),
        ]
    }
}

impl Row for QuoteRow {
    const COLUMNS: &'static [&'static str] = &[
        "speaker",
        "text",
        "kind",
        "cue",
        "id",
        "published",
        "headline",
    ];
    const WIDTHS: &'static [usize] = &[30, 90, 7, 10, 16, 25, 60];
    fn cells(&self) -> Vec<String> {
        vec![
            opt(&self.speaker),
            self.text.clone(),
            self.kind.clone(),
            opt(&self.cue),
            self.id.clone(),
            opt(&self.published),
            self.headline.clone(),
        ]
    }
}

impl Row for StatRow {
    const COLUMNS: &'static [&'static str] = &["group", "key", "count"];
    const WIDTHS: &'static [usize] = &[9, 40, 12];
    fn cells(&self) -> Vec<String> {
        vec![self.group.clone(), self.key.clone(), self.count.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<StatRow> {
        vec![
            StatRow {
                group: "agency".into(),
                key: "Reuters".into(),
                count: 12,
            },
            StatRow {
                group: "agency".into(),
                key: "Evil\u{1b}[31m, \"quoted\"\nline".into(),
                count: 3,
            },
        ]
    }

    fn render(format: ListFormat) -> String {
        let mut out = Vec::new();
        write_rows(&mut out, &rows(), format).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn table_aligns_and_escapes() {
        let text = render(ListFormat::Table);
        assert!(!text.contains('\u{1b}'), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("GROUP   KEY  "), "{text}");
        let col = lines[0].find("COUNT").unwrap();
        assert_eq!(lines[1].find("12"), Some(col), "{text}");
        assert_eq!(lines[2].rfind('3'), Some(col), "{text}");
        assert!(
            lines[2].starts_with("agency  Evil\\u{1b}[31m, \"quoted\"\\nline  "),
            "{text}"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let text = render(ListFormat::Csv);
        assert_eq!(
            text,
            "group,key,count\r\nagency,Reuters,12\r\nagency,\"Evil\u{1b}[31m, \"\"quoted\"\"\nline\",3\r\n"
        );
    }

    #[test]
    fn json_and_ndjson() {
        let v: serde_json::Value = serde_json::from_str(&render(ListFormat::Json)).unwrap();
        assert_eq!(v[0]["key"], "Reuters");
        let nd = render(ListFormat::Ndjson);
        assert_eq!(
            nd.lines().next().unwrap(),
            r#"{"group":"agency","key":"Reuters","count":12}"#
        );
    }

    #[test]
    fn long_cells_are_cut() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
