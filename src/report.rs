//! Messages on stderr, and the memory of what failed so the exit code is decided once.

use crate::exit::ExitCode;
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Reports problems with single inputs and remembers them. While a progress bar is attached,
/// messages are printed above it.
#[derive(Debug, Default)]
pub struct Reporter {
    failures: AtomicUsize,
    quiet: bool,
    bar: Mutex<Option<indicatif::ProgressBar>>,
}

impl Reporter {
    pub fn new(quiet: bool) -> Self {
        Reporter {
            failures: AtomicUsize::new(0),
            quiet,
            bar: Mutex::new(None),
        }
    }

    /// Prints messages above this progress bar until [`Reporter::detach`].
    pub fn attach(&self, bar: indicatif::ProgressBar) {
        if let Ok(mut b) = self.bar.lock() {
            *b = Some(bar);
        }
    }

    pub fn detach(&self) {
        if let Ok(mut b) = self.bar.lock() {
            *b = None;
        }
    }

    fn print(&self, line: &str) {
        let bar = self.bar.lock().ok().and_then(|b| b.clone());
        match bar {
            Some(pb) => pb.suspend(|| eprintln_safe(line)),
            None => eprintln_safe(line),
        }
    }

    /// An input that could not be processed: always printed, and counted.
    pub fn fail(&self, what: &str, why: &str) {
        self.failures.fetch_add(1, Ordering::Relaxed);
        self.print(&format!("newsarc: {}: {}", sanitize(what), why));
    }

    /// Something worth knowing about an input that was processed.
    pub fn note(&self, what: &str, msg: &str) {
        if !self.quiet {
            self.print(&format!("newsarc: {}: {}", sanitize(what), msg));
        }
    }

    pub fn failures(&self) -> usize {
        self.failures.load(Ordering::Relaxed)
    }

    /// 0 when nothing failed, 3 when some inputs did.
    pub fn exit_code(&self) -> ExitCode {
        if self.failures() > 0 {
            ExitCode::Partial
        } else {
            ExitCode::Success
        }
    }
}

fn eprintln_safe(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Control characters in names printed back are shown escaped, so that a file name cannot
/// drive the terminal.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("plain"), "plain");
    }

    #[test]
    fn exit_code_follows_failures() {
        let r = Reporter::new(true);
        assert_eq!(r.exit_code(), ExitCode::Success);
        r.fail("x", "broken");
        assert_eq!(r.exit_code(), ExitCode::Partial);
    }
}
