//! `newsarc ingest`: parse and analyse in parallel, store from one writer in batches.
//!
//! A producer thread expands the paths and parses each batch of inputs on a rayon pool
//! (`--jobs`); this thread receives the batches in input order, stores each in one transaction
//! (every article with all its rows, or none), then prints the records. The channel between
//! them holds two batches, so memory stays flat however many files there are.

use super::common;
use super::parse::{ReadConfig, read_record};
use crate::cli::{IngestArgs, RecordFormat};
use crate::exit::ExitCode;
use crate::inputs::{self, Input, io_message};
use crate::report::Reporter;
use anyhow::{Result, anyhow, bail};
use newsarc::archive::{Archive, Mode, Outcome};
use newsarc::output::{self, Format};
use newsarc::record::Record;
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Instant;

/// Articles per transaction: large enough to amortise the commit, small enough that another
/// writer waits well under a second.
const BATCH: usize = 256;

struct Parsed {
    source: String,
    result: Result<Record, String>,
}

#[derive(Debug, Default)]
struct Summary {
    stored: usize,
    revisions: usize,
    duplicates: usize,
}

pub fn run(args: &IngestArgs, out: &mut impl Write, reporter: &Reporter) -> Result<ExitCode> {
    let start = Instant::now();
    let cfg = ReadConfig::from(&args.input);
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
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| anyhow!("cannot start {jobs} threads: {e}"))?;
    let mut archive = common::open(&args.archive, Mode::Write)?;

    let (tx, rx) = sync_channel::<Vec<Parsed>>(2);
    let mut summary = Summary::default();
    let mut parsed_ok = 0usize;
    std::thread::scope(|s| -> Result<()> {
        let rx = rx;
        let paths = &paths;
        let cfg = &cfg;
        let pool = &pool;
        s.spawn(move || produce(paths, cfg, pool, reporter, tx));
        consume(
            rx,
            &mut archive,
            out,
            reporter,
            args.quiet,
            format,
            &mut summary,
            &mut parsed_ok,
        )
    })?;

    let secs = start.elapsed().as_secs_f64();
    let failed = reporter.failures();
    let files = parsed_ok + failed;
    let rate = if secs > 0.0 {
        (parsed_ok as f64 / secs).round()
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

/// Expands the paths and parses them batch by batch on the pool, sending each batch on.
/// Stops when the receiver is gone (the writer hit a fatal error).
fn produce(
    paths: &[PathBuf],
    cfg: &ReadConfig,
    pool: &rayon::ThreadPool,
    reporter: &Reporter,
    tx: SyncSender<Vec<Parsed>>,
) {
    let parse = |chunk: Vec<Input>| -> Vec<Parsed> {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|input| Parsed {
                    source: input.source(),
                    result: read_record(input, cfg, reporter),
                })
                .collect()
        })
    };
    let mut chunk = Vec::with_capacity(BATCH);
    let stopped = std::cell::Cell::new(false);
    inputs::expand(
        paths,
        |input| {
            if stopped.get() {
                return;
            }
            chunk.push(input);
            if chunk.len() == BATCH {
                stopped.set(tx.send(parse(std::mem::take(&mut chunk))).is_err());
            }
        },
        |path, why| {
            if !stopped.get() {
                reporter.fail(&path, &why);
            }
        },
    );
    if !stopped.get() && !chunk.is_empty() {
        let _ = tx.send(parse(chunk));
    }
}

/// Stores each batch in one transaction, then reports and prints its records in order.
#[allow(clippy::too_many_arguments)]
fn consume(
    rx: Receiver<Vec<Parsed>>,
    archive: &mut Archive,
    out: &mut impl Write,
    reporter: &Reporter,
    quiet: bool,
    format: Format,
    summary: &mut Summary,
    parsed_ok: &mut usize,
) -> Result<()> {
    for batch in rx {
        let records: Vec<&Record> = batch
            .iter()
            .filter_map(|p| p.result.as_ref().ok())
            .collect();
        let outcomes = archive.store(&records)?;
        let mut outcomes = outcomes.into_iter();
        for parsed in &batch {
            match &parsed.result {
                Err(why) => reporter.fail(&parsed.source, why),
                Ok(record) => {
                    *parsed_ok += 1;
                    match outcomes.next() {
                        Some(Outcome::Stored) => summary.stored += 1,
                        Some(Outcome::Duplicate) => summary.duplicates += 1,
                        Some(Outcome::Revision { of }) => {
                            summary.stored += 1;
                            summary.revisions += 1;
                            reporter.note(
                                &parsed.source,
                                &format!("stored as a newer version of {of}"),
                            );
                        }
                        Some(Outcome::EarlierRevision { of }) => {
                            summary.stored += 1;
                            summary.revisions += 1;
                            reporter.note(
                                &parsed.source,
                                &format!("stored as an earlier version of {of}"),
                            );
                        }
                        None => {}
                    }
                    if !quiet {
                        output::write_record(out, record, format)?;
                    }
                }
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
