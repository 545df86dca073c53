//! `newsarc ingest`: parse and analyse on every core, store from one writer in batches.
//!
//! A producer thread runs the shared batch reader ([`crate::batch`]: inputs parsed, analysed and
//! made ready to store on every core, handed on in input order, progress bar on a terminal) and
//! sends the prepared records, [`CHUNK`] at a time, down a channel bounded in records and bytes.
//! This thread is the only writer: it takes what the channel holds, about [`BATCH`] records (a
//! last chunk may take it a little over), stores them in one transaction (every article with all
//! its rows, or none), then prints them. Parsing goes on while a batch is written, and
//! memory stays flat however many files there are. A third thread copies the archive's log into
//! its database file after each commit ([`newsarc::archive::Checkpointer`]), so that the writer
//! seldom waits for the disk.

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
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Most articles per transaction: enough to amortise the commit and the search index's flush
/// and merge (the largest part of the writer's time with small transactions), few enough that
/// another writer waits well under a second.
const BATCH: usize = 1024;

/// Most prepared records waiting for the writer. While a batch is written the workers go on
/// filling this queue; with room for only 256 they stopped a fraction of the way into each batch
/// and a core sat idle (`ingest --jobs 2` of 20,000 generated articles took 5 % longer).
const QUEUE: usize = 1024;

/// Most bytes of prepared records (as [`Prepared::size`] counts them) waiting for the writer or
/// being stored: with long articles this bounds the queue before its count does, so memory stays
/// flat.
const QUEUE_BYTES: usize = 16 << 20;

/// Most bytes of prepared records in one batch: half the queue's room, so that the workers go on
/// while a batch is stored. (With 8 MB for both, a batch took nearly all of the room, the workers
/// stopped until it was stored, and a core sat idle for a tenth of an `ingest --jobs 2`.)
const BATCH_BYTES: usize = QUEUE_BYTES / 2;

/// Records handed to the writer at a time: a wake-up of the writer per record (20,000 context
/// switches for 20,000 articles) cost more than the hand-over itself.
const CHUNK: usize = 32;

/// How many records the writer waits for (at most [`BATCH_WAIT`]) before starting a batch.
const FIRST: usize = 256;

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

    let (tx, rx) = sync_channel::<Vec<Ready>>(QUEUE / CHUNK);
    let budget = Budget::new(QUEUE_BYTES);
    let mut summary = Summary::default();
    let print = !args.batch.quiet;
    std::thread::scope(|s| -> Result<()> {
        let rx = rx;
        let (paths, cfg) = (&paths, &cfg);
        // When the writer stops (an error), the channel closes and the reader stops too.
        let budget = &budget;
        s.spawn(move || {
            let mut chunk = Chunk::default();
            let read = batch::run(
                paths,
                cfg,
                reporter,
                // The JSON and body text are built here, on the workers.
                Prepared::new,
                |prepared| chunk.add(prepared, budget, &tx),
            );
            if read.is_ok() {
                let _ = chunk.hand_on(budget, &tx);
            }
        });
        // The log is copied into the database file on another connection after each commit,
        // so that the writer's own checkpoints find little left to copy and sync. Should that
        // connection not open, or a checkpoint fail, the writer's checkpoints do it all.
        let (committed, commits) = sync_channel::<()>(1);
        if let Ok(checkpointer) = archive.checkpointer() {
            s.spawn(move || {
                for () in commits {
                    let _ = checkpointer.checkpoint();
                }
            });
        }
        // However the writer ends, a reader waiting for room must not wait for ever.
        let _close = CloseOnDrop(budget);
        let mut store = Store {
            archive: &mut archive,
            committed,
        };
        write(
            rx,
            budget,
            &mut store,
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

/// Records gathered for the writer, and the room they take in the queue.
#[derive(Default)]
struct Chunk {
    ready: Vec<Ready>,
    size: usize,
}

impl Chunk {
    /// Adds a record; hands the chunk on once it holds [`CHUNK`]. Err once the writer stopped.
    fn add(&mut self, r: Ready, budget: &Budget, tx: &SyncSender<Vec<Ready>>) -> Result<(), ()> {
        self.size += r.as_ref().map_or(0, Prepared::size);
        self.ready.push(r);
        if self.ready.len() >= CHUNK {
            self.hand_on(budget, tx)
        } else {
            Ok(())
        }
    }

    /// Waits for room in the queue and sends what is gathered.
    fn hand_on(&mut self, budget: &Budget, tx: &SyncSender<Vec<Ready>>) -> Result<(), ()> {
        if self.ready.is_empty() {
            return Ok(());
        }
        if !budget.take(std::mem::take(&mut self.size)) {
            return Err(());
        }
        tx.send(std::mem::take(&mut self.ready)).map_err(|_| ())
    }
}

/// Bytes of prepared records on their way to the writer, bounded: the reader takes room before
/// it sends a chunk, and waits while the queue is full; the writer gives it back once a batch is
/// stored. A chunk larger than the whole budget is let through when nothing else waits.
struct Budget {
    state: Mutex<BudgetState>,
    room: Condvar,
    limit: usize,
}

#[derive(Default)]
struct BudgetState {
    used: usize,
    /// The reader is waiting for room.
    blocked: bool,
    /// The writer has stopped: no room will come.
    closed: bool,
}

impl Budget {
    fn new(limit: usize) -> Budget {
        Budget {
            state: Mutex::new(BudgetState::default()),
            room: Condvar::new(),
            limit,
        }
    }

    /// Waits for room for `size` bytes and takes it; false once the writer has stopped.
    fn take(&self, size: usize) -> bool {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !st.closed && st.used > 0 && st.used + size > self.limit {
            st.blocked = true;
            st = self.room.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
        st.blocked = false;
        st.used += size;
        !st.closed
    }

    fn give(&self, size: usize) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.used = st.used.saturating_sub(size);
        self.room.notify_all();
    }

    /// Whether the reader is waiting for room (so waiting for more records is pointless).
    fn is_full(&self) -> bool {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .blocked
    }

    fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.room.notify_all();
    }
}

struct CloseOnDrop<'a>(&'a Budget);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
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
    rx: Receiver<Vec<Ready>>,
    budget: &Budget,
    store: &mut Store,
    out: &mut impl Write,
    reporter: &Reporter,
    format: Option<Format>,
    summary: &mut Summary,
) -> Result<()> {
    let mut batch: Vec<Prepared> = Vec::with_capacity(BATCH);
    // The batch's records, and their bytes as the budget counts them.
    let add = |batch: &mut Vec<Prepared>, bytes: &mut usize, chunk: Vec<Ready>| -> Result<()> {
        for r in chunk {
            let prepared = r?;
            *bytes += prepared.size();
            batch.push(prepared);
        }
        Ok(())
    };
    while let Ok(first) = rx.recv() {
        batch.clear();
        let mut bytes = 0;
        add(&mut batch, &mut bytes, first)?;
        // Wait for FIRST records (or a quarter second, or a full queue), then take whatever else
        // is ready: the writer never idles while records wait, and the workers never wait long
        // for it.
        let deadline = Instant::now() + BATCH_WAIT;
        while batch.len() < FIRST && !budget.is_full() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match rx.recv_timeout(left.min(Duration::from_millis(5))) {
                Ok(chunk) => add(&mut batch, &mut bytes, chunk)?,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        while batch.len() < BATCH && bytes < BATCH_BYTES {
            match rx.try_recv() {
                Ok(chunk) => add(&mut batch, &mut bytes, chunk)?,
                Err(_) => break,
            }
        }
        let outcomes = store.batch(&batch)?;
        budget.give(bytes);
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

/// The archive, and the checkpointer's doorbell.
struct Store<'a> {
    archive: &'a mut Archive,
    committed: SyncSender<()>,
}

impl Store<'_> {
    /// Stores `batch` in one transaction, then asks for a checkpoint of it.
    fn batch(&mut self, batch: &[Prepared]) -> newsarc::archive::Result<Vec<Outcome>> {
        let outcomes = self.archive.store_prepared(batch)?;
        // A checkpoint already asked for and not yet begun covers this commit too.
        let _ = self.committed.try_send(());
        Ok(outcomes)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn budget_admits_an_oversized_record_when_nothing_waits() {
        let b = Budget::new(10);
        assert!(b.take(25));
        b.give(25);
        assert!(b.take(4) && b.take(6));
        assert!(!b.is_full());
    }

    #[test]
    fn budget_holds_the_reader_until_the_writer_gives_room() {
        let b = Budget::new(10);
        let taken = AtomicBool::new(false);
        std::thread::scope(|s| {
            assert!(b.take(8));
            s.spawn(|| {
                assert!(b.take(5));
                taken.store(true, Ordering::SeqCst);
            });
            // The reader blocks: 8 + 5 bytes do not fit in 10.
            while !b.is_full() {
                std::thread::yield_now();
            }
            assert!(!taken.load(Ordering::SeqCst));
            b.give(8);
        });
        assert!(taken.load(Ordering::SeqCst));
    }

    #[test]
    fn budget_closed_by_the_writer_releases_a_waiting_reader() {
        let b = Budget::new(10);
        std::thread::scope(|s| {
            assert!(b.take(10));
            let reader = s.spawn(|| b.take(1));
            while !b.is_full() {
                std::thread::yield_now();
            }
            drop(CloseOnDrop(&b));
            assert!(
                !reader.join().unwrap(),
                "no room comes once the writer has stopped"
            );
        });
    }
}
