//! Opening an archive: refuse what is not ours, is damaged or too new; migrate what is old.

use super::error::{ArchiveError, Result, sqlite_words};
use super::{Archive, schema};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How an archive is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: a missing archive is an error; a read-only file is opened read-only.
    Read,
    /// Writing: a missing archive (and its folder) is created.
    Write,
}

/// How long a writer waits for another before giving up on one attempt.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(20);

/// Pages the log may hold before a commit checkpoints it (see `wal_autocheckpoint`).
pub(crate) const WAL_PAGES: i64 = 8192;

const HEADER: &[u8; 16] = b"SQLite format 3\0";

pub(crate) fn open(path: &Path, mode: Mode, migrations: &[&str]) -> Result<Archive> {
    let owned = path.to_path_buf();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(ArchiveError::IsFolder(owned)),
        Ok(_) => check_header(path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if mode == Mode::Read {
                return Err(ArchiveError::Missing(owned));
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| ArchiveError::CannotOpen {
                    path: owned.clone(),
                    why: format!(
                        "cannot create folder {}: {}",
                        parent.display(),
                        io_words(&e)
                    ),
                })?;
            }
        }
        Err(e) => {
            return Err(ArchiveError::CannotOpen {
                path: owned,
                why: io_words(&e),
            });
        }
    }

    let base = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let flags = if mode == Mode::Write {
        base | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        base
    };
    let mut read_only = false;
    let mut conn = match Connection::open_with_flags(path, flags) {
        Ok(c) => c,
        Err(e) if mode == Mode::Read => {
            let ro = OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            read_only = true;
            Connection::open_with_flags(path, ro).map_err(|_| ArchiveError::from_sqlite(path, e))?
        }
        Err(e) => return Err(ArchiveError::from_sqlite(path, e)),
    };
    let err = |e| ArchiveError::from_sqlite(path, e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;

    // Look before writing anything: whose file is this, and which version? In one read
    // transaction: another ingest may be creating the schema right now, and three separate
    // reads could see its application id from before and its tables from after.
    let (app, version, tables) = {
        let tx = conn.unchecked_transaction().map_err(err)?;
        let seen = identify(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        seen
    };
    let known = migrations.len() as i64;
    if version > known && app == schema::APPLICATION_ID {
        return Err(ArchiveError::TooNew {
            path: owned,
            found: version,
            known,
        });
    }
    if app != schema::APPLICATION_ID && (app != 0 || version != 0 || tables > 0) {
        return Err(ArchiveError::NotAnArchive {
            path: owned,
            why: "an SQLite database of another program".into(),
        });
    }

    if !read_only {
        // WAL: readers never block on the writer. NORMAL sync is safe against process crashes.
        // Switching a new file to WAL needs the file to itself, and SQLite reports another
        // process's hold on it at once, without waiting (two ingests starting on one new
        // archive): wait here as the busy timeout would.
        let mut waited = Duration::ZERO;
        loop {
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && waited < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                    waited += Duration::from_millis(20);
                }
                other => {
                    other.map_err(err)?;
                    break;
                }
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        // Checkpoint (and so fsync) every 32 MiB of WAL rather than every 4 MiB: on a real disk
        // the syncs, not the CPU, bounded the ingest rate.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_PAGES)
            .map_err(err)?;
    }
    // A 24 MiB page cache (allocated as used) keeps the indexes' hot pages in memory, and
    // ingest within its memory budget.
    conn.pragma_update(None, "cache_size", -24576)
        .map_err(err)?;
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(err)?;
    if version < known {
        if read_only {
            return Err(ArchiveError::NeedsUpgrade {
                path: owned,
                why: "opened read-only".into(),
            });
        }
        migrate(&mut conn, path, migrations)?;
    }
    Ok(Archive { conn, path: owned })
}

fn identify(conn: &Connection) -> rusqlite::Result<(i32, i64, i64)> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((app, version, tables))
}

/// Applies the missing migrations in one transaction; another process may have done it first.
fn migrate(conn: &mut Connection, path: &Path, migrations: &[&str]) -> Result<()> {
    let err = |e| ArchiveError::from_sqlite(path, e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    let (app, version, tables) = identify(&tx).map_err(err)?;
    let known = migrations.len() as i64;
    if version > known {
        return Err(ArchiveError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    if app != schema::APPLICATION_ID && (app != 0 || version != 0 || tables > 0) {
        return Err(ArchiveError::NotAnArchive {
            path: path.to_path_buf(),
            why: "an SQLite database of another program".into(),
        });
    }
    for (i, sql) in migrations.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql).map_err(|e| ArchiveError::Database {
            path: path.to_path_buf(),
            why: format!(
                "migrating to schema version {}: {}",
                i + 1,
                sqlite_words(&e)
            ),
        })?;
    }
    tx.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .map_err(err)?;
    tx.pragma_update(None, "user_version", known).map_err(err)?;
    tx.commit().map_err(err)
}

/// Refuses a file that is not an SQLite database, or one visibly cut short, before SQLite
/// touches it.
fn check_header(path: &Path) -> Result<()> {
    let owned = path.to_path_buf();
    let mut file = std::fs::File::open(path).map_err(|e| ArchiveError::CannotOpen {
        path: owned.clone(),
        why: io_words(&e),
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Ok(()); // an empty file is an empty database (or one whose pages are in the WAL)
    }
    let mut head = [0u8; 100];
    let n = read_up_to(&mut file, &mut head).map_err(|e| ArchiveError::CannotOpen {
        path: owned.clone(),
        why: io_words(&e),
    })?;
    if n < 16 || &head[..16] != HEADER {
        return Err(ArchiveError::NotAnArchive {
            path: owned,
            why: "not an SQLite database".into(),
        });
    }
    if n < 100 {
        return Err(ArchiveError::Damaged {
            path: owned,
            why: format!("the file is truncated to {len} bytes"),
        });
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536u64,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    let size_valid = be32(24) == be32(92) && pages > 0;
    let wal = wal_path(path);
    let wal_has_data = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    if size_valid && !wal_has_data && len < pages * page_size {
        return Err(ArchiveError::Damaged {
            path: owned,
            why: format!(
                "the file is truncated: {len} of {} bytes",
                pages * page_size
            ),
        });
    }
    Ok(())
}

fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn io_words(e: &std::io::Error) -> String {
    let s = match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        _ => e.to_string(),
    };
    let s = match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    };
    super::error::lowercase_first(&s)
}
