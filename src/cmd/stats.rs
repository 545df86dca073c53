//! `newsarc stats`: article counts by agency, layout and day.

use super::common;
use crate::cli::StatsArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &StatsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let format = common::list_format(args.format);
    let archive = common::open(&args.archive, Mode::Read)?;
    let rows = archive.stats(&filter)?;
    common::finish(out, &rows, format)
}
