//! What the archive commands share: finding the archive, validating filters, picking formats.

use crate::cli::{ArchiveArgs, FilterArgs, ListFormatArg};
use crate::exit::ExitCode;
use anyhow::{Result, anyhow};
use newsarc::archive::{Archive, Filter, Mode, time::Bound};
use newsarc::listing::{self, ListFormat, Row};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// The archive path: `--archive`, else `$NEWSARC_ARCHIVE` (clap reads both), else the
/// platform's data folder.
pub fn archive_path(args: &ArchiveArgs) -> Result<PathBuf> {
    if let Some(p) = args.archive.as_ref().filter(|p| !p.as_os_str().is_empty()) {
        return Ok(p.clone());
    }
    dirs::data_dir()
        .map(|d| d.join("newsarc").join("archive.db"))
        .ok_or_else(|| anyhow!("cannot find a data folder for the archive; give --archive PATH or set NEWSARC_ARCHIVE"))
}

/// Opens the archive named by the arguments.
pub fn open(args: &ArchiveArgs, mode: Mode) -> Result<Archive> {
    Ok(Archive::open(&archive_path(args)?, mode)?)
}

/// The filters, validated (dates parsed) before any work.
pub fn filter(args: &FilterArgs) -> Result<Filter> {
    let date = |s: &Option<String>, flag: &str| -> Result<Option<Bound>> {
        s.as_deref()
            .map(|s| Bound::parse(s).map_err(|e| anyhow!("--{flag}: {e}")))
            .transpose()
    };
    let text = |s: &Option<String>| {
        s.as_ref()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Ok(Filter {
        since: date(&args.since, "since")?,
        until: date(&args.until, "until")?,
        agency: text(&args.agency),
        person: text(&args.person),
        country: text(&args.country),
        layout: text(&args.layout),
    })
}

/// The listing format asked for, else a table on a terminal and ndjson otherwise.
pub fn list_format(arg: Option<ListFormatArg>) -> ListFormat {
    match arg {
        Some(ListFormatArg::Table) => ListFormat::Table,
        Some(ListFormatArg::Json) => ListFormat::Json,
        Some(ListFormatArg::Ndjson) => ListFormat::Ndjson,
        Some(ListFormatArg::Csv) => ListFormat::Csv,
        None if std::io::stdout().is_terminal() => ListFormat::Table,
        None => ListFormat::Ndjson,
    }
}

/// Writes the rows; nothing matched is exit 1 (as grep), with a word on stderr for a table.
pub fn finish<R: Row>(out: &mut impl Write, rows: &[R], format: ListFormat) -> Result<ExitCode> {
    if rows.is_empty() {
        if format == ListFormat::Json {
            listing::write_rows(out, rows, format)?;
        }
        if format == ListFormat::Table {
            eprintln!("newsarc: nothing matched");
        }
        return Ok(ExitCode::NoMatch);
    }
    listing::write_rows(out, rows, format)?;
    Ok(ExitCode::Success)
}
