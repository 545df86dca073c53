//! `newsarc show`: one article by id or unique prefix, newest version or the whole history.

use super::common;
use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use newsarc::listing::escape_controls;
use newsarc::output::{self, Format};
use newsarc::record::Record;
use std::io::{IsTerminal, Write};

pub fn run(args: &ShowArgs, out: &mut impl Write) -> Result<ExitCode> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        ShowFormat::Text
    } else {
        ShowFormat::Json
    });
    let archive = common::open(&args.archive, Mode::Read)?;
    let shown = archive.show(&args.id)?;
    let newest = shown.newest();
    if !args.revisions && newest.id != shown.requested {
        eprintln!(
            "newsarc: {} has a newer version {}; showing that (--revisions shows the history)",
            shown.requested, newest.id
        );
    }
    let records: Vec<&Record> = if args.revisions {
        shown.revisions.iter().collect()
    } else {
        vec![newest]
    };
    let total = records.len();
    for (i, record) in records.into_iter().enumerate() {
        match format {
            ShowFormat::Json => output::write_record(out, record, Format::Json)?,
            ShowFormat::Ndjson => output::write_record(out, record, Format::Ndjson)?,
            ShowFormat::Text => {
                if args.revisions {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "=== version {} of {total} ===", i + 1)?;
                }
                write_text(out, record)?;
            }
        }
    }
    Ok(ExitCode::Success)
}

/// The article as text to read, control characters escaped.
fn write_text(out: &mut impl Write, r: &Record) -> std::io::Result<()> {
    let e = |s: &str| escape_controls(s);
    writeln!(out, "{}", e(&r.headline))?;
    if let Some(s) = &r.standfirst {
        writeln!(out, "{}", e(s))?;
    }
    writeln!(out)?;
    let mut meta = vec![format!("id {}", r.id)];
    meta.extend(r.agency.iter().map(|a| e(a)));
    meta.push(format!("layout {}", r.layout));
    meta.extend(r.section.iter().map(|s| format!("section {}", e(s))));
    writeln!(out, "{}", meta.join(" | "))?;
    if let Some(p) = &r.published {
        write!(out, "published {}", e(p))?;
        if let Some(m) = &r.modified {
            write!(out, " | modified {}", e(m))?;
        }
        writeln!(out)?;
    }
    if let Some(d) = &r.dateline {
        writeln!(out, "dateline {}", e(d))?;
    }
    if !r.byline.is_empty() {
        writeln!(out, "by {}", e(&r.byline.join(", ")))?;
    }
    writeln!(out, "source {}", e(&r.source))?;
    for para in &r.body {
        writeln!(out)?;
        writeln!(out, "{}", e(para))?;
    }
    if !r.people.is_empty() {
        let names: Vec<String> = r.people.iter().map(|p| e(&p.name)).collect();
        writeln!(out)?;
        writeln!(out, "people: {}", names.join(", "))?;
    }
    if !r.countries.is_empty() {
        let names: Vec<String> = r
            .countries
            .iter()
            .map(|c| format!("{} ({})", e(&c.name), e(&c.code)))
            .collect();
        writeln!(out, "countries: {}", names.join(", "))?;
    }
    Ok(())
}
