//! `newsarc parse`: articles to JSON records on stdout.

use crate::cli::{InputArgs, ParseArgs, RecordFormat};
use crate::exit::ExitCode;
use crate::inputs::{self, Input};
use crate::report::Reporter;
use anyhow::Result;
use newsarc::output::{self, Format};
use newsarc::parse::{self, Options};
use newsarc::record::Record;
use std::io::Write;

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
    let parsed = parse::parse_bytes(&bytes, &input.source(), &cfg.options).map_err(|e| e.to_string())?;
    if let Some(enc) = parsed.encoding {
        reporter.note(&input.source(), &format!("not UTF-8, decoded as {enc}"));
    }
    let mut record = parsed.record;
    if cfg.analysis {
        newsarc::extract::analyze(&mut record);
    }
    Ok(record)
}

pub fn run(args: &ParseArgs, out: &mut impl Write, reporter: &Reporter) -> Result<ExitCode> {
    let cfg = ReadConfig::from(&args.input);
    let format = match args.format {
        RecordFormat::Json => Format::Json,
        RecordFormat::Ndjson => Format::Ndjson,
    };
    let mut result = Ok(());
    inputs::expand(
        &args.paths,
        |input| {
            if result.is_err() {
                return;
            }
            match read_record(&input, &cfg, reporter) {
                Ok(record) => result = output::write_record(out, &record, format),
                Err(why) => reporter.fail(&input.source(), &why),
            }
        },
        |path, why| reporter.fail(&path, &why),
    );
    result?;
    Ok(reporter.exit_code())
}
