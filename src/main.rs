//! The newsarc binary: parse arguments, run the command, map the outcome to an exit code.

mod cli;
mod cmd;
mod exit;
mod inputs;
mod report;

use clap::Parser;
use cli::{Cli, Command};
use exit::ExitCode;
use std::io::{self, BufWriter, Write};

fn main() {
    let cli = Cli::parse();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                ExitCode::Success
            } else {
                let _ = writeln!(io::stderr(), "newsarc: {err:#}");
                ExitCode::Fatal
            }
        }
    };
    std::process::exit(code.code());
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let code = match &cli.command {
        Command::Parse(args) => {
            let reporter = report::Reporter::new(false);
            cmd::parse::run(args, &mut out, &reporter)?
        }
        Command::Schema => cmd::schema::run(&mut out)?,
    };
    out.flush()?;
    Ok(code)
}

/// A closed pipe (`newsarc parse ... | head`) ends the run quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == io::ErrorKind::BrokenPipe)
    })
}
