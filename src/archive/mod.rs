//! The archive: records stored in one SQLite file, searched with FTS5. The only module that
//! knows SQLite.
//!
//! ```
//! use newsarc::archive::{Archive, Filter, Mode};
//! use newsarc::parse::{Options, parse_text};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("archive.db");
//! let text = "Lake towns vote to share ferry costs\n- Europe\n- Anadolu Agency\n\
//!             - Published Date: 08:05 | 3 March 2025\nFive towns agreed on Monday.";
//! let record = parse_text(text, "lake.txt", &Options::default()).unwrap();
//!
//! let mut archive = Archive::open(&path, Mode::Write).unwrap();
//! let outcomes = archive.store(&[&record]).unwrap();
//! assert!(outcomes[0].is_stored());
//! let hits = archive.search("ferry", &Filter::default(), 10).unwrap();
//! assert_eq!(hits[0].id, record.id);
//! assert!(hits[0].snippet.contains("**ferry**"));
//! ```
//!
//! Writing: [`Archive::store`] stores a batch of records in one transaction (every article with
//! all its rows, or none), so a process killed at any moment leaves whole articles only. The
//! archive runs in WAL mode: readers never wait for a writer, and writers wait for each other
//! (busy timeout, then retries).
//!
//! Layout of the tables and the migration rules: see [`schema`].

mod check;
mod checkpoint;
mod error;
mod fts;
mod names;
mod open;
mod query;
pub mod schema;
mod store;
pub mod time;

pub use check::CheckReport;
pub use checkpoint::{Checkpointed, Checkpointer};
pub use error::{ArchiveError, Result};
pub use fts::translate as translate_query;
pub use open::Mode;
pub use query::{ArticleRow, CountryRow, Filter, Hit, PersonRow, QuoteRow, Shown, StatRow};
pub use store::{Outcome, Prepared};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open archive.
#[derive(Debug)]
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

impl Archive {
    /// Opens the archive at `path`: with [`Mode::Write`] creating it (and its folder) when it
    /// does not exist, with [`Mode::Read`] refusing a missing one. Either way, an archive made by
    /// an older release is migrated forward, one made by a newer release is refused untouched,
    /// and a file that is not a newsarc archive (or is damaged) is refused untouched.
    pub fn open(path: &Path, mode: Mode) -> Result<Archive> {
        open::open(path, mode, schema::MIGRATIONS)
    }

    /// A second connection to this archive that copies its log into the database file (see
    /// [`Checkpointer`]): a writer that stores many batches runs it on another thread, so that
    /// its own commits do not wait for the disk.
    pub fn checkpointer(&self) -> Result<Checkpointer> {
        Checkpointer::open(&self.path)
    }

    /// The archive's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open archive.
    pub fn version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Whether an article read from `source` (a path or URL, as the record's `source` gives it)
    /// is stored. Uses the index on `articles(source)`, so a feed of a hundred items costs a
    /// hundred index lookups.
    pub fn has_source(&self, source: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE source = ?1)",
                [source],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> ArchiveError {
        ArchiveError::from_sqlite(&self.path, e)
    }
}

#[cfg(test)]
mod tests;
