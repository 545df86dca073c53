//! Batch reading: inputs parsed and analysed on every core, handed on in input order, in
//! bounded memory, with a progress bar when a person is watching.
//!
//! Inputs are taken in chunks of a few hundred; each chunk is parsed in parallel (rayon) and its
//! records are handed to the sink in input order before the next chunk starts, so memory holds
//! one chunk of records however many files there are. When a progress bar is shown the paths are
//! listed first, so that it can show the total.

use crate::cmd::parse::{ReadConfig, read_record};
use crate::inputs::{self, Input};
use crate::report::Reporter;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsarc::record::Record;
use rayon::prelude::*;
use std::path::PathBuf;
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
}

/// What a batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Summary {
    pub records: usize,
    pub failures: usize,
    pub seconds: f64,
}

/// Inputs per parallel chunk, per worker.
const CHUNK_PER_JOB: usize = 64;

/// Reads every input the paths yield and hands each record to `sink` in input order. A failing
/// input is reported and the batch goes on (unless `fail_fast`); an error from `sink` (a closed
/// pipe, a full disk) ends the batch and is returned.
pub fn run<E>(
    paths: &[PathBuf],
    cfg: &BatchConfig,
    reporter: &Reporter,
    mut sink: impl FnMut(Record) -> Result<(), E>,
) -> Result<Summary, E> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .ok();
    let (bar, listed) = if cfg.progress {
        let mut all = Vec::new();
        inputs::expand(paths, |i| all.push(i), |p, why| reporter.fail(&p, &why));
        let pb = progress_bar(all.len() as u64);
        reporter.attach(pb.clone());
        (Some(pb), Some(all))
    } else {
        (None, None)
    };
    let chunk_len = CHUNK_PER_JOB * cfg.jobs.max(1);
    let mut state = State {
        cfg,
        reporter,
        pool: pool.as_ref(),
        bar: bar.as_ref(),
        summary: Summary::default(),
        stopped: false,
    };
    let mut result = Ok(());
    let mut chunk = Vec::with_capacity(chunk_len);
    let mut feed = |input: Input, state: &mut State, chunk: &mut Vec<Input>| {
        if result.is_err() || state.stopped {
            return;
        }
        chunk.push(input);
        if chunk.len() >= chunk_len {
            result = state.process(std::mem::take(chunk), &mut sink);
        }
    };
    match listed {
        Some(all) => {
            for input in all {
                feed(input, &mut state, &mut chunk);
            }
        }
        None => inputs::expand(
            paths,
            |input| feed(input, &mut state, &mut chunk),
            |p, why| reporter.fail(&p, &why),
        ),
    }
    if result.is_ok() && !state.stopped && !chunk.is_empty() {
        result = state.process(chunk, &mut sink);
    }
    if let Some(pb) = state.bar {
        pb.finish_and_clear();
    }
    reporter.detach();
    result?;
    let mut summary = state.summary;
    summary.failures = reporter.failures();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

struct State<'a> {
    cfg: &'a BatchConfig,
    reporter: &'a Reporter,
    pool: Option<&'a rayon::ThreadPool>,
    bar: Option<&'a ProgressBar>,
    summary: Summary,
    stopped: bool,
}

impl State<'_> {
    fn process<E>(
        &mut self,
        chunk: Vec<Input>,
        sink: &mut impl FnMut(Record) -> Result<(), E>,
    ) -> Result<(), E> {
        let read = |input: &Input| read_record(input, &self.cfg.read, self.reporter);
        let results: Vec<Result<Record, String>> = match (self.pool, chunk.len()) {
            (Some(pool), n) if n > 1 && self.cfg.jobs > 1 => {
                pool.install(|| chunk.par_iter().map(read).collect())
            }
            _ => chunk.iter().map(read).collect(),
        };
        for (input, result) in chunk.iter().zip(results) {
            match result {
                Ok(record) => {
                    sink(record)?;
                    self.summary.records += 1;
                }
                Err(why) => {
                    self.reporter.fail(&input.source(), &why);
                    if self.cfg.fail_fast {
                        self.stopped = true;
                    }
                }
            }
            if let Some(pb) = self.bar {
                pb.inc(1);
                let failures = self.reporter.failures();
                if failures > 0 {
                    pb.set_message(format!("{failures} failed"));
                }
            }
            if self.stopped {
                break;
            }
        }
        Ok(())
    }
}

fn progress_bar(total: u64) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
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
