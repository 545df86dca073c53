//! `newsarc parse`: articles to JSON records on stdout.

use crate::batch::{self, BatchConfig};
use crate::cli::{BatchArgs, InputArgs, ParseArgs, RecordFormat};
use crate::exit::ExitCode;
use crate::inputs::Input;
use crate::report::Reporter;
use anyhow::Result;
use newsarc::output::{self, Format};
use newsarc::parse::{self, Options};
use newsarc::record::Record;
use std::io::{IsTerminal, Write};

/// What reading one article needs, validated from the arguments.
#[derive(Debug, Clone, Copy)]
pub struct ReadConfig {
    pub options: Options,
    pub max_size: u64,
    pub analysis: bool,
}

impl From<&InputArgs> for ReadConfig {
    fn from(a: &InputArgs) -> Self {
        ReadConfig {
            options: Options { layout: a.layout },
            max_size: a.max_size,
            analysis: !a.no_analysis,
        }
    }
}

/// Reads, parses and analyses one input; the error is the one-line reason.
pub fn read_record(input: &Input, cfg: &ReadConfig, reporter: &Reporter) -> Result<Record, String> {
    let bytes = input.read(cfg.max_size)?;
    let parsed =
        parse::parse_bytes(&bytes, &input.source(), &cfg.options).map_err(|e| e.to_string())?;
    if let Some(enc) = parsed.encoding {
        let msg = if enc.starts_with("UTF-8") {
            format!("damaged text, read as {enc}")
        } else {
            format!("not UTF-8, decoded as {enc}")
        };
        reporter.note(&input.source(), &msg);
    }
    let mut record = parsed.record;
    if cfg.analysis {
        newsarc::extract::analyze(&mut record);
    }
    Ok(record)
}

impl BatchConfig {
    /// The batch configuration from the shared input and batch arguments.
    pub fn from_args(input: &InputArgs, batch: &BatchArgs) -> BatchConfig {
        let jobs = batch.jobs.map(usize::from).unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        BatchConfig {
            read: ReadConfig::from(input),
            jobs,
            progress: !batch.quiet && std::io::stderr().is_terminal(),
            fail_fast: batch.fail_fast,
        }
    }
}

pub fn run(args: &ParseArgs, out: &mut impl Write, reporter: &Reporter) -> Result<ExitCode> {
    let cfg = BatchConfig::from_args(&args.input, &args.batch);
    let format = match args.format {
        RecordFormat::Json => Format::Json,
        RecordFormat::Ndjson => Format::Ndjson,
    };
    batch::run(&args.paths, &cfg, reporter, |record| {
        output::write_record(out, &record, format)
    })?;
    Ok(reporter.exit_code())
}
