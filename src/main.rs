//! The newsarc binary: parse arguments, run the command, map the outcome to an exit code.

mod batch;
mod cli;
mod cmd;
mod exit;
mod inputs;
mod report;
mod web;

use clap::Parser;
use cli::{Cli, Command};
use exit::ExitCode;
use std::io::{self, BufWriter, Write};

/// The extractor makes a few hundred small allocations an article, and glibc's allocator spent
/// a tenth of `parse`'s time on them; mimalloc makes `parse --jobs 1` about 12 % faster, with
/// peak memory as before (built without transparent huge pages, which had inflated it by tens
/// of megabytes). See bench/README.md, seventh session. SQLite keeps the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    // A file-size limit (`ulimit -f`) would otherwise kill the process with SIGXFSZ mid-write;
    // with a handler installed the write fails with EFBIG instead, and the error is reported.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
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
            let reporter = report::Reporter::new(args.batch.quiet);
            cmd::parse::run(args, &mut out, &reporter)?
        }
        Command::Schema => cmd::schema::run(&mut out)?,
        Command::Ingest(args) => {
            let reporter = report::Reporter::new(args.batch.quiet);
            cmd::ingest::run(args, &mut out, &reporter)?
        }
        Command::List(args) => cmd::list::run(args, &mut out)?,
        Command::Show(args) => cmd::show::run(args, &mut out)?,
        Command::Search(args) => cmd::search::run(args, &mut out)?,
        Command::People(args) => cmd::people::run(args, &mut out)?,
        Command::Countries(args) => cmd::countries::run(args, &mut out)?,
        Command::Quotes(args) => cmd::quotes::run(args, &mut out)?,
        Command::Stats(args) => cmd::stats::run(args, &mut out)?,
        Command::Export(args) => cmd::export::run(args, &mut out)?,
        Command::Check(args) => cmd::check::run(args, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

/// A closed pipe (`newsarc parse ... | head`) ends the run quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == io::ErrorKind::BrokenPipe)
    })
}
