//! Batch reading: inputs parsed and analysed on every core, handed on in input order, in
//! bounded memory, with a progress bar when a person is watching.
//!
//! Three kinds of thread share the work, with no barrier between them:
//!
//! - a walker lists the inputs (files, folders, URLs) and numbers them;
//! - `jobs` workers each take the next input, read, parse and analyse it, and turn the record
//!   into what the sink wants (a JSON line for `parse`, the record itself for `ingest`), so that
//!   serialising runs on every core too;
//! - the calling thread puts the results back in input order and hands them to the sink.
//!
//! The walker stays at most [`WINDOW_PER_JOB`] × `jobs` inputs ahead of the sink, so memory holds
//! a fixed number of records however many files there are, and one slow file holds up the
//! others only once the window is full. With `ordered` off, results go to the sink as they come.

use crate::cmd::parse::{ReadConfig, read_record};
use crate::inputs::{self, Input};
use crate::report::Reporter;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsarc::record::Record;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Condvar, Mutex, TryLockError};
use std::time::Instant;

/// How a batch runs, validated from the arguments.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    pub read: ReadConfig,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Show a progress bar on stderr (only when stderr is a terminal and not `--quiet`).
    pub progress: bool,
    /// Stop at the first input that fails.
    pub fail_fast: bool,
    /// Hand records on in input order (the default); off with `--unordered`.
    pub ordered: bool,
}

/// What a batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Summary {
    pub records: usize,
    pub failures: usize,
    pub seconds: f64,
}

/// Inputs in flight (read, or waiting for their turn at the sink), per worker.
const WINDOW_PER_JOB: usize = 64;

/// Results a worker gathers before it hands them to the sink (sooner when it runs out of work).
const HANDOFF: usize = 8;

/// What a worker found when it looked for its next input without waiting.
enum Take<T> {
    Got(T),
    /// Nothing yet: it must wait (and so first hand on its results).
    Wait,
    /// No more inputs.
    End,
}

/// One result on its way to the sink: its number, its name for messages, the outcome.
type Done<T> = (usize, Input, Result<T, String>);

/// Shared by the walker, the workers and the sink.
struct Flow {
    /// Inputs handed to the sink so far, and what the walker waits for.
    sunk: Mutex<Sunk>,
    moved: Condvar,
    /// Set when the batch ends early (an error from the sink, `--fail-fast`): everyone stops.
    stop: AtomicBool,
}

#[derive(Default)]
struct Sunk {
    count: usize,
    /// The count the walker is waiting for (0: it is not waiting).
    wanted: usize,
}

impl Flow {
    /// Waits until input `n` fits in the window; false when the batch is stopping. A walker
    /// that finds the window full waits until half of it is free, so that it is woken once per
    /// half window rather than once per input (a wake-up per file was a tenth of the CPU time).
    fn admit(&self, n: usize, window: usize) -> bool {
        let Ok(mut sunk) = self.sunk.lock() else {
            return false;
        };
        if n >= sunk.count + window {
            // Every input below `n` is in flight and will be sunk, so this many will come.
            sunk.wanted = n + 1 - window + window / 2;
            while sunk.count < sunk.wanted && !self.stop.load(Ordering::Relaxed) {
                sunk = match self.moved.wait(sunk) {
                    Ok(s) => s,
                    Err(_) => return false,
                };
            }
            sunk.wanted = 0;
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn advance(&self, count: usize) {
        let Ok(mut sunk) = self.sunk.lock() else {
            return;
        };
        sunk.count = count;
        if sunk.wanted > 0 && count >= sunk.wanted {
            self.moved.notify_all();
        }
    }

    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders the store before a waiting walker's next look at the flag.
        drop(self.sunk.lock());
        self.moved.notify_all();
    }
}

/// Reads every input the paths yield, turns each record into a `T` with `map` on the worker
/// threads, and hands the `T`s to `sink` (in input order unless `cfg.ordered` is off). A
/// failing input is reported and the batch goes on (unless `fail_fast`); an error from `sink`
/// (a closed pipe, a full disk) ends the batch and is returned.
pub fn run<T: Send, E>(
    paths: &[PathBuf],
    cfg: &BatchConfig,
    reporter: &Reporter,
    map: impl Fn(Record) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<Summary, E> {
    let started = Instant::now();
    let jobs = cfg.jobs.max(1);
    let window = WINDOW_PER_JOB * jobs;
    let bar = cfg.progress.then(|| {
        let pb = progress_bar();
        reporter.attach(pb.clone());
        pb
    });
    let flow = Flow {
        sunk: Mutex::new(Sunk::default()),
        moved: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (work_tx, work_rx) = channel::<(usize, Input)>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<Vec<Done<T>>>();

    let mut summary = Summary::default();
    let result = std::thread::scope(|s| {
        let (flow, bar) = (&flow, bar.as_ref());
        s.spawn(move || walk(paths, flow, window, work_tx, bar, reporter));
        for _ in 0..jobs {
            let (work_rx, done_tx, map) = (&work_rx, done_tx.clone(), &map);
            s.spawn(move || {
                // Results go to the sink a few at a time: a wake-up of the sink per file cost
                // more than the hand-over itself.
                let mut ready: Vec<Done<T>> = Vec::with_capacity(HANDOFF);
                loop {
                    // The lock is held only to take the next input, not while reading it.
                    let next = match work_rx.try_lock() {
                        Ok(rx) => match rx.try_recv() {
                            Ok(next) => Take::Got(next),
                            Err(TryRecvError::Empty) => Take::Wait,
                            Err(TryRecvError::Disconnected) => Take::End,
                        },
                        // Another worker holds the queue: it is waiting for the walker.
                        Err(TryLockError::WouldBlock) => Take::Wait,
                        Err(TryLockError::Poisoned(_)) => Take::End,
                    };
                    let next = match next {
                        Take::Got(next) => Some(next),
                        Take::End => None,
                        Take::Wait => {
                            // Before waiting, hand on what is done: the sink (and, through the
                            // window, the walker) may be waiting for it.
                            if !ready.is_empty()
                                && done_tx.send(std::mem::take(&mut ready)).is_err()
                            {
                                break;
                            }
                            work_rx.lock().ok().and_then(|rx| rx.recv().ok())
                        }
                    };
                    let Some((n, input)) = next else { break };
                    if flow.stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let out = read_record(&input, &cfg.read, reporter).map(map);
                    ready.push((n, input, out));
                    if ready.len() >= HANDOFF && done_tx.send(std::mem::take(&mut ready)).is_err() {
                        break;
                    }
                }
                if !ready.is_empty() {
                    let _ = done_tx.send(ready);
                }
            });
        }
        drop(done_tx);
        let mut take = |done: Done<T>| -> Result<bool, E> {
            let (_, input, out) = done;
            let mut go_on = true;
            match out {
                Ok(item) => {
                    if let Err(e) = sink(item) {
                        flow.halt();
                        return Err(e);
                    }
                    summary.records += 1;
                }
                Err(why) => {
                    reporter.fail(&input.source(), &why);
                    go_on = !cfg.fail_fast;
                }
            }
            if let Some(pb) = bar {
                pb.inc(1);
                let failures = reporter.failures();
                if failures > 0 {
                    pb.set_message(format!("{failures} failed"));
                }
            }
            if !go_on {
                flow.halt();
            }
            Ok(go_on)
        };
        drain(&done_rx, cfg.ordered, flow, &mut take)
    });
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    reporter.detach();
    result?;
    summary.failures = reporter.failures();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Lists the inputs and sends them, numbered, to the workers, staying within the window. With a
/// progress bar the list is made first, so that the bar shows the total.
fn walk(
    paths: &[PathBuf],
    flow: &Flow,
    window: usize,
    work: std::sync::mpsc::Sender<(usize, Input)>,
    bar: Option<&ProgressBar>,
    reporter: &Reporter,
) {
    let mut n = 0;
    let mut send = |input: Input| -> bool {
        if !flow.admit(n, window) || work.send((n, input)).is_err() {
            return false;
        }
        n += 1;
        true
    };
    let problem = |p: String, why: String| reporter.fail(&p, &why);
    if let Some(pb) = bar {
        let mut all = Vec::new();
        inputs::expand(paths, |i| all.push(i), problem);
        pb.set_length(all.len() as u64);
        for input in all {
            if !send(input) {
                return;
            }
        }
    } else {
        let mut open = true;
        inputs::expand(
            paths,
            |input| {
                // The walk goes on to its end after a stop, but sends nothing more.
                open = open && send(input);
            },
            problem,
        );
    }
}

/// Takes results as the workers send them and hands them to `take`, in input order when
/// `ordered` (a result waits in a map until those before it are done). Returns when every
/// result is in, or when `take` says stop.
fn drain<T, E>(
    done: &Receiver<Vec<Done<T>>>,
    ordered: bool,
    flow: &Flow,
    take: &mut impl FnMut(Done<T>) -> Result<bool, E>,
) -> Result<(), E> {
    let mut waiting: BTreeMap<usize, Done<T>> = BTreeMap::new();
    let mut next = 0;
    while let Ok(ds) = done.recv() {
        if !ordered {
            for d in ds {
                next += 1;
                if !take(d)? {
                    return Ok(());
                }
            }
            flow.advance(next);
            continue;
        }
        for d in ds {
            waiting.insert(d.0, d);
        }
        while let Some(d) = waiting.remove(&next) {
            next += 1;
            let go_on = take(d)?;
            if !go_on {
                return Ok(());
            }
        }
        flow.advance(next);
    }
    Ok(())
}

fn progress_bar() -> ProgressBar {
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let template = if std::env::var_os("NO_COLOR").is_some() {
        "{bar:30} {pos}/{len} files  {per_sec}  eta {eta}  {msg}"
    } else {
        "{bar:30.cyan/blue} {pos}/{len} files  {per_sec}  eta {eta}  {msg:.red}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style);
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    pb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;
    use std::time::Duration;

    /// Workers that hold a few results back must never all wait while the walker waits for the
    /// window to move: a batch of many small files, some of them slow, ends, and hands every
    /// record on in order. (A first version of the hand-over kept a slow file's result in a
    /// worker that then waited for the lock another worker held while waiting for input, and
    /// hung.)
    #[test]
    fn slow_files_never_stall_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let n = 900;
        for i in 0..n {
            let text = format!("Headline {i:04}\n\nBody of article {i}.\n");
            std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
        }
        for jobs in ["2", "3", "4"] {
            let cli = Cli::try_parse_from([
                "newsarc",
                "parse",
                "--no-analysis",
                "--jobs",
                jobs,
                dir.path().to_str().unwrap(),
            ])
            .unwrap();
            let Command::Parse(args) = cli.command else {
                panic!("not parse")
            };
            let cfg = BatchConfig::from_args(&args.input, &args.batch);
            let paths = args.paths.clone();
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let reporter = Reporter::new(true);
                let mut seen = Vec::new();
                let map = |r: Record| {
                    // One file in fifty is slow: while one worker reads it, the others run
                    // through the rest of the window and wait for the walker, which waits for
                    // the slow file's result.
                    if r.headline.ends_with("00") || r.headline.ends_with("50") {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    r.headline
                };
                let sink = |h: String| -> Result<(), ()> {
                    seen.push(h);
                    Ok(())
                };
                let summary = run(&paths, &cfg, &reporter, map, sink).unwrap();
                let _ = tx.send((summary.records, seen));
            });
            let (records, seen) = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("--jobs {jobs}: the batch stalled"));
            assert_eq!(records, n, "--jobs {jobs}");
            let want: Vec<String> = (0..n).map(|i| format!("Headline {i:04}")).collect();
            assert_eq!(seen, want, "--jobs {jobs}");
        }
    }
}
