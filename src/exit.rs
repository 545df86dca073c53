//! Exit codes, decided once at the end of a run.

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything asked for was done.
    Success = 0,
    /// A search or listing matched nothing.
    NoMatch = 1,
    /// Bad usage, or an error that stopped the whole run.
    Fatal = 2,
    /// Some inputs failed (each reported on stderr); the others were processed.
    Partial = 3,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        self as i32
    }
}

#[cfg(test)]
mod tests {
    use super::ExitCode;

    #[test]
    fn documented_values() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(ExitCode::NoMatch.code(), 1);
        assert_eq!(ExitCode::Fatal.code(), 2);
        assert_eq!(ExitCode::Partial.code(), 3);
    }
}
