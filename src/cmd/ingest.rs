//! `newsarc ingest`: parse and analyse on every core, store from one writer in batches.
//!
//! A producer thread runs the shared batch reader ([`crate::batch`]: inputs parsed, analysed and
//! made ready to store on every core, handed on in input order, progress bar on a terminal) and
//! sends each prepared record down a bounded channel. This thread is the only writer: it takes
//! what the channel holds, up to [`BATCH`] records, stores them in one transaction (every article
//! with all its rows, or none), then prints them. Parsing goes on while a batch is written, and
//! memory stays flat however many files there are.

use super::common;
use crate::batch::{self, BatchConfig};
use crate::cli::{IngestArgs, RecordFormat};
use crate::exit::ExitCode;
use crate::inputs::io_message;
use crate::report::Reporter;
use anyhow::{Result, anyhow, bail};
use newsarc::archive::{Archive, Mode, Outcome, Prepared};
use newsarc::output::{self, Format};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::{Duration, Instant};

/// Most articles per transaction: enough to amortise the commit and the search index's flush
/// and merge (the largest part of the writer's time with small transactions), few enough that
/// another writer waits well under a second.
const BATCH: usize = 1024;

/// Prepared records waiting for the writer: enough to keep the workers busy while a batch is
/// written, few enough that memory stays well under 100 MB on a corpus of any size.
const QUEUE: usize = 256;

/// What the workers hand the writer: a record ready to store, or why it could not be made so.
type Ready = newsarc::archive::Result<Prepared>;

/// How long the writer waits to fill a batch before storing what it has.
const BATCH_WAIT: Duration = Duration::from_millis(250);

#[derive(Debug, Default)]
struct Summary {
    records: usize,
    stored: usize,
    revisions: usize,
    duplicates: usize,
}

pub fn run(args: &IngestArgs, out: &mut impl Write, reporter: &Reporter) -> Result<ExitCode> {
    let start = Instant::now();
    let cfg = BatchConfig::from_args(&args.input, &args.batch);
    let format = match args.format {
        RecordFormat::Json => Format::Json,
        RecordFormat::Ndjson => Format::Ndjson,
    };
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        if list.as_os_str() == "-" && paths.iter().any(|p| p.as_os_str() == "-") {
            bail!("--files-from -: standard input cannot be both the list of paths and an article");
        }
        let listed = read_list(list, args.null)?;
        if listed.is_empty() && paths.is_empty() {
            eprintln!(
                "newsarc: {}: no paths listed, nothing to ingest",
                shown(list)
            );
            return Ok(ExitCode::Success);
        }
        paths.extend(listed);
    }
    let mut archive = common::open(&args.archive, Mode::Write)?;

    // Feed items already in the archive are not fetched again: a cron job that runs every few
    // minutes costs one feed download and an index lookup per item.
    let mut already = 0usize;
    let mut lookup = Ok(());
    let go_on =
        crate::web::add_feed_items(&cfg, &args.input.web.feed, &mut paths, reporter, |url| {
            match archive.has_source(url) {
                Ok(known) => {
                    already += usize::from(known);
                    known
                }
                Err(e) => {
                    lookup = Err(e);
                    false
                }
            }
        });
    lookup?;
    if !go_on {
        if already > 0 {
            eprintln!(
                "newsarc: nothing new: {already} feed {} already in the archive",
                plural(already, "item is", "items are")
            );
        }
        return Ok(reporter.exit_code());
    }

    let (tx, rx) = sync_channel::<Ready>(QUEUE);
    let mut summary = Summary::default();
    let print = !args.batch.quiet;
    std::thread::scope(|s| -> Result<()> {
        let rx = rx;
        let (paths, cfg) = (&paths, &cfg);
        // When the writer stops (an error), the channel closes and the reader stops too.
        s.spawn(move || {
            let _ = batch::run(
                paths,
                cfg,
                reporter,
                // The JSON and body text are built here, on the workers.
                Prepared::new,
                |prepared| tx.send(prepared).map_err(|_| ()),
            );
        });
        write(
            rx,
            &mut archive,
            out,
            reporter,
            print.then_some(format),
            &mut summary,
        )
    })?;

    let secs = start.elapsed().as_secs_f64();
    let failed = reporter.failures();
    let files = summary.records + failed;
    let rate = if secs > 0.0 {
        (summary.records as f64 / secs).round()
    } else {
        0.0
    };
    let mut line = format!(
        "newsarc: {files} {} in {secs:.2} s ({rate} articles/s): {} stored ({} {}), {} {} skipped, {failed} failed",
        plural(files, "file", "files"),
        summary.stored,
        summary.revisions,
        plural(summary.revisions, "revision", "revisions"),
        summary.duplicates,
        plural(summary.duplicates, "duplicate", "duplicates"),
    );
    if summary.stored == 0 && summary.duplicates > 0 {
        line.push_str("; nothing new, the archive already had every article");
    }
    if already > 0 {
        line.push_str(&format!(
            "; {already} feed {} already archived, not fetched",
            plural(already, "item", "items")
        ));
    }
    out.flush()?;
    eprintln!("{line}");
    Ok(reporter.exit_code())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn shown(p: &Path) -> String {
    crate::report::sanitize(&p.display().to_string())
}

/// The single writer: stores what the channel holds in one transaction per batch, then reports
/// revisions and prints the records (when `format` is given) in input order.
fn write(
    rx: Receiver<Ready>,
    archive: &mut Archive,
    out: &mut impl Write,
    reporter: &Reporter,
    format: Option<Format>,
    summary: &mut Summary,
) -> Result<()> {
    let mut batch: Vec<Prepared> = Vec::with_capacity(BATCH);
    while let Ok(first) = rx.recv() {
        batch.clear();
        batch.push(first?);
        // Wait for a queue's worth (or a quarter second), then take whatever else is ready:
        // the writer never idles while records wait, and the workers never wait long for it.
        let deadline = Instant::now() + BATCH_WAIT;
        while batch.len() < QUEUE {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(r) => batch.push(r?),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(r) => batch.push(r?),
                Err(_) => break,
            }
        }
        let outcomes = archive.store_prepared(&batch)?;
        for (prepared, outcome) in batch.iter().zip(outcomes) {
            let record = &prepared.record;
            summary.records += 1;
            match outcome {
                Outcome::Stored => summary.stored += 1,
                Outcome::Duplicate => summary.duplicates += 1,
                Outcome::Revision { of } => {
                    summary.stored += 1;
                    summary.revisions += 1;
                    reporter.note(
                        &record.source,
                        &format!("stored as a newer version of {of}"),
                    );
                }
                Outcome::EarlierRevision { of } => {
                    summary.stored += 1;
                    summary.revisions += 1;
                    reporter.note(
                        &record.source,
                        &format!("stored as an earlier version of {of}"),
                    );
                }
            }
            if let Some(format) = format {
                output::write_record(out, record, format)?;
            }
        }
    }
    Ok(())
}

/// The paths listed in `list` (`-` for standard input), one per line or NUL-separated.
fn read_list(list: &Path, null: bool) -> Result<Vec<PathBuf>> {
    let mut bytes = Vec::new();
    if list.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| {
                anyhow!(
                    "reading the list of paths on standard input: {}",
                    io_message(&e)
                )
            })?;
    } else {
        bytes = std::fs::read(list)
            .map_err(|e| anyhow!("--files-from {}: {}", shown(list), io_message(&e)))?;
    }
    let sep = if null { b'\0' } else { b'\n' };
    Ok(bytes
        .split(|&b| b == sep)
        .map(|entry| {
            if null {
                entry
            } else {
                entry.strip_suffix(b"\r").unwrap_or(entry)
            }
        })
        .filter(|entry| !entry.is_empty())
        .map(path_from_bytes)
        .collect())
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}
