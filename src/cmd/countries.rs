//! `newsarc countries`: countries by the number of articles referring to them.

use super::common;
use crate::cli::CountriesArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &CountriesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let format = common::list_format(args.format);
    let archive = common::open(&args.archive, Mode::Read)?;
    let rows = archive.countries(&filter, args.limit)?;
    common::finish(out, &rows, format)
}
