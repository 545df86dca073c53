//! `newsarc search`: full-text search, best match first, with snippets.

use super::common;
use crate::cli::SearchArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &SearchArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let format = common::list_format(args.format);
    let archive = common::open(&args.archive, Mode::Read)?;
    let hits = archive.search(&args.query, &filter, args.limit)?;
    common::finish(out, &hits, format)
}
