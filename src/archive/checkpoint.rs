//! Copying the write-ahead log into the database file from a second connection, so that the
//! writer does not wait for the disk.
//!
//! In WAL mode a commit appends pages to the log; a checkpoint copies them into the database
//! file and waits for the disk twice (`fsync` of the log, then of the database). The writer
//! runs one itself whenever the log passes 8,192 pages (32 MiB), and on a real disk those waits
//! were a fifth of `ingest`'s wall time: 1.4 s of 6 s for 20,000 generated articles, 53 ms a
//! sync.
//!
//! A [`Checkpointer`] runs passive checkpoints on its own connection (and thread) after each of
//! the writer's commits. A passive checkpoint never blocks the writer, who goes on appending to
//! the log meanwhile. The writer's own checkpoint stays in place, and is what restarts the log
//! from its beginning (the log peaked at 40 MiB in an ingest of 20,000 articles, as before); it
//! now finds nearly every page copied and synced already, and has only the last batch's pages
//! to copy.

use super::error::{ArchiveError, Result};
use super::open::BUSY_TIMEOUT;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A second connection to an archive that only copies the log into the database file.
#[derive(Debug)]
pub struct Checkpointer {
    conn: Connection,
    path: PathBuf,
}

/// What one checkpoint found and did, in pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpointed {
    /// Pages in the log.
    pub log: i64,
    /// Pages of the log now in the database file.
    pub copied: i64,
}

impl Checkpointer {
    pub(crate) fn open(path: &Path) -> Result<Checkpointer> {
        let err = |e| ArchiveError::from_sqlite(path, e);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // The same durability as the writer's connection: a checkpoint syncs the log before it
        // copies, and the database after.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        // This connection never writes, so never checkpoints on its own account either.
        conn.pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(err)?;
        Ok(Checkpointer {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Copies into the database file what the log holds that no reader still needs, without
    /// waiting for (or blocking) any reader or writer.
    pub fn checkpoint(&self) -> Result<Checkpointed> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok(Checkpointed {
                    log: r.get(1)?,
                    copied: r.get(2)?,
                })
            })
            .map_err(|e| ArchiveError::from_sqlite(&self.path, e))
    }
}
