//! Archive errors: typed, lowercase, never a raw SQLite message without context.

use std::path::PathBuf;

/// What went wrong with the archive or a request to it.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The archive file does not exist (and the command only reads).
    #[error("no archive at {0} (create one with `newsarc ingest`)")]
    Missing(PathBuf),
    /// The archive path names a folder.
    #[error("archive path {0} is a folder, not a file")]
    IsFolder(PathBuf),
    /// The file exists but is not a SQLite database, or not one newsarc made.
    #[error("{path} is not a newsarc archive ({why}); refusing to touch it")]
    NotAnArchive { path: PathBuf, why: String },
    /// The file looks like an archive but its pages are damaged or missing.
    #[error("archive {path} is damaged ({why}); nothing was changed (see `newsarc check`)")]
    Damaged { path: PathBuf, why: String },
    /// Made by a newer newsarc: refused, never modified.
    #[error(
        "archive {path} has schema version {found}, newer than this newsarc knows ({known}); \
         upgrade newsarc to use it (the archive was not changed)"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Opened read-only but needs its schema upgraded.
    #[error("archive {path} needs a schema upgrade but is read-only ({why})")]
    NeedsUpgrade { path: PathBuf, why: String },
    /// The archive could not be opened or created.
    #[error("cannot open archive {path}: {why}")]
    CannotOpen { path: PathBuf, why: String },
    /// Another process kept the archive locked for too long.
    #[error("archive {0} is busy (another newsarc kept it locked); try again")]
    Busy(PathBuf),
    /// The disk or file-size limit is full.
    #[error("archive {0}: disk full; the last batch was rolled back, the archive is intact")]
    DiskFull(PathBuf),
    /// A write failed below SQLite: a file-size limit, a full disk, a failing device.
    #[error(
        "archive {0}: could not write (disk full, file-size limit or I/O failure); the last batch was rolled back, the archive is intact"
    )]
    WriteFailed(PathBuf),
    /// A full-text query SQLite could not read.
    #[error("bad search query '{}': {why}", esc(query))]
    BadQuery { query: String, why: String },
    /// An article id or prefix that matches nothing.
    #[error("no article with id {}", esc(.0))]
    UnknownId(String),
    /// An id prefix that matches several articles.
    #[error("id prefix {prefix} matches {count} articles; give more digits")]
    AmbiguousId { prefix: String, count: i64 },
    /// Not an article id (ids are hexadecimal).
    #[error("'{}' is not an article id (ids are hexadecimal digits, e.g. 3f2a9c)", esc(.0))]
    BadId(String),
    /// A date filter that does not parse.
    #[error(
        "bad date '{}' (use YYYY-MM-DD or a full time like 2026-01-21T09:53:00+03:00)",
        esc(.0)
    )]
    BadDate(String),
    /// A filter value that cannot match anything by construction.
    #[error("{}", esc(.0))]
    BadFilter(String),
    /// A stored record that no longer reads back (the archive was edited by hand).
    #[error("archive {path}: stored record {id} does not read back: {why}")]
    BadRecord {
        path: PathBuf,
        id: String,
        why: String,
    },
    /// A record that cannot be written as JSON (it always can: the record type is plain data).
    #[error("a record could not be encoded as JSON: {0}")]
    Encode(#[from] serde_json::Error),
    /// Any other database failure, with SQLite's own words lowercased.
    #[error("archive {path}: {why}")]
    Database { path: PathBuf, why: String },
}

/// The result type of archive operations.
pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;

impl ArchiveError {
    /// Maps a SQLite failure on the archive at `path` to a clear error.
    pub(crate) fn from_sqlite(path: &std::path::Path, err: rusqlite::Error) -> ArchiveError {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        let why = sqlite_words(&err);
        match err.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => ArchiveError::Busy(path),
            Some(C::DatabaseCorrupt) => ArchiveError::Damaged { path, why },
            Some(C::NotADatabase) => ArchiveError::NotAnArchive {
                path,
                why: "not an SQLite database".into(),
            },
            Some(C::DiskFull) => ArchiveError::DiskFull(path),
            Some(C::SystemIoFailure) => ArchiveError::WriteFailed(path),
            Some(C::CannotOpen | C::PermissionDenied) => ArchiveError::CannotOpen { path, why },
            Some(C::ReadOnly) => ArchiveError::CannotOpen {
                path,
                why: "the archive or its folder is read-only".into(),
            },
            _ => ArchiveError::Database { path, why },
        }
    }
}

/// SQLite's message for an error, lowercase, without Rust debug formatting.
pub(crate) fn sqlite_words(err: &rusqlite::Error) -> String {
    let s = match err {
        rusqlite::Error::SqliteFailure(e, Some(msg)) => {
            if msg.is_empty() {
                e.to_string()
            } else {
                msg.clone()
            }
        }
        rusqlite::Error::SqliteFailure(e, None) => e.to_string(),
        other => other.to_string(),
    };
    lowercase_first(s.trim_end_matches('.'))
}

/// What the user typed, shown back with control characters escaped so that it cannot drive the
/// terminal.
fn esc(s: &str) -> String {
    crate::listing::escape_controls(s)
}

pub(crate) fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
