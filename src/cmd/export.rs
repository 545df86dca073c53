//! `newsarc export`: every stored record, streamed, as ndjson or csv.

use super::common;
use crate::cli::{ExportArgs, ExportFormat};
use crate::exit::ExitCode;
use anyhow::{Result, anyhow};
use newsarc::archive::Mode;
use newsarc::listing::write_csv_row;
use newsarc::record::Record;
use std::io::{self, Write};

const CSV_COLUMNS: &[&str] = &[
    "id",
    "source",
    "layout",
    "agency",
    "section",
    "headline",
    "standfirst",
    "published",
    "modified",
    "dateline",
    "byline",
    "people",
    "countries",
    "organizations",
    "body",
];

pub fn run(args: &ExportArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let archive = common::open(&args.archive, Mode::Read)?;
    if args.format == ExportFormat::Csv {
        write_csv_row(out, CSV_COLUMNS.iter().copied())?;
    }
    let written = archive.export(&filter, args.latest, |json| -> io::Result<()> {
        match args.format {
            ExportFormat::Ndjson => {
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")
            }
            ExportFormat::Csv => {
                let r: Record = serde_json::from_str(json).map_err(io::Error::other)?;
                write_csv_row(out, csv_cells(&r).iter().map(String::as_str))
            }
        }
    })?;
    let n = written.map_err(|e| match e.kind() {
        io::ErrorKind::Other => anyhow!("a stored record does not read back: {e}"),
        _ => anyhow::Error::from(e),
    })?;
    Ok(if n == 0 {
        ExitCode::NoMatch
    } else {
        ExitCode::Success
    })
}

fn csv_cells(r: &Record) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    vec![
        r.id.clone(),
        r.source.clone(),
        r.layout.clone(),
        o(&r.agency),
        o(&r.section),
        r.headline.clone(),
        o(&r.standfirst),
        o(&r.published),
        o(&r.modified),
        o(&r.dateline),
        r.byline.join("; "),
        r.people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        r.countries
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        r.organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        r.body.join("\n\n"),
    ]
}
