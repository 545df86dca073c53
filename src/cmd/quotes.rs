//! `newsarc quotes`: quotes, newest first, optionally by one speaker.

use super::common;
use crate::cli::QuotesArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &QuotesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let format = common::list_format(args.format);
    let archive = common::open(&args.archive, Mode::Read)?;
    let speaker = args
        .speaker
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let rows = archive.quotes(speaker, &filter, args.limit)?;
    common::finish(out, &rows, format)
}
