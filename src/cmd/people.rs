//! `newsarc people`: the most-mentioned people.

use super::common;
use crate::cli::PeopleArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &PeopleArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = common::filter(&args.filter)?;
    let format = common::list_format(args.format);
    let archive = common::open(&args.archive, Mode::Read)?;
    let rows = archive.people(&filter, args.top)?;
    common::finish(out, &rows, format)
}
