//! `newsarc check`: the archive's integrity, reported; exit 2 when damaged.

use super::common;
use crate::cli::CheckArgs;
use crate::exit::ExitCode;
use anyhow::Result;
use newsarc::archive::Mode;
use std::io::Write;

pub fn run(args: &CheckArgs, out: &mut impl Write) -> Result<ExitCode> {
    let archive = common::open(&args.archive, Mode::Read)?;
    let report = archive.check()?;
    let shown = archive.path().display();
    for note in &report.notes {
        eprintln!("newsarc: {note}");
    }
    for problem in &report.problems {
        writeln!(out, "{}", newsarc::listing::escape_controls(problem))?;
    }
    if report.is_ok() {
        writeln!(
            out,
            "ok: {shown}: {} articles, integrity check passed",
            report.articles
        )?;
        Ok(ExitCode::Success)
    } else {
        out.flush()?;
        eprintln!(
            "newsarc: archive {shown} is damaged: {} problems found",
            report.problems.len()
        );
        Ok(ExitCode::Fatal)
    }
}
