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
#[derive(Debug, Clone)]
pub struct ReadConfig {
    pub options: Options,
    pub max_size: u64,
    pub analysis: bool,
    /// The HTTP client and per-host limits for URL inputs, shared by the workers.
    pub web: std::sync::Arc<crate::web::Web>,
}

impl From<&InputArgs> for ReadConfig {
    fn from(a: &InputArgs) -> Self {
        ReadConfig {
            options: Options { layout: a.layout },
            max_size: a.max_size,
            analysis: !a.no_analysis,
            web: std::sync::Arc::new(crate::web::Web::from_args(&a.web, a.max_size)),
        }
    }
}

/// Reads, parses and analyses one input; the error is the one-line reason.
pub fn read_record(input: &Input, cfg: &ReadConfig, reporter: &Reporter) -> Result<Record, String> {
    if let Input::Url(url) = input {
        let mut record = cfg.web.read_page(url, reporter)?;
        if cfg.analysis {
            newsarc::extract::analyze(&mut record);
        }
        return Ok(record);
    }
    let bytes = input.read(cfg.max_size)?;
    let parsed = match input {
        Input::File(p) if crate::inputs::is_html_file(p) => {
            parse::html::parse_html(&bytes, &input.source(), &Default::default())
        }
        _ => parse::parse_bytes(&bytes, &input.source(), &cfg.options),
    }
    .map_err(|e| e.to_string())?;
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
            ordered: !batch.unordered,
        }
    }
}

pub fn run(args: &ParseArgs, out: &mut impl Write, reporter: &Reporter) -> Result<ExitCode> {
    let cfg = BatchConfig::from_args(&args.input, &args.batch);
    let format = match args.format {
        RecordFormat::Json => Format::Json,
        RecordFormat::Ndjson => Format::Ndjson,
    };
    let mut paths = args.paths.clone();
    if !crate::web::add_feed_items(&cfg, &args.input.web.feed, &mut paths, reporter, |_| false) {
        return Ok(reporter.exit_code());
    }
    // Workers serialise; this thread only writes the lines out.
    batch::run(
        &paths,
        &cfg,
        reporter,
        |record| output::record_bytes(&record, format),
        |line| out.write_all(&line),
    )?;
    Ok(reporter.exit_code())
}
