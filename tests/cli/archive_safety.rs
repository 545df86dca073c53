//! The archive's promises under stress: SIGKILL at random moments leaves only whole articles
//! and a re-run completes the set; two ingests at once both finish and lose nothing; an archive
//! from a newer newsarc is refused untouched.

use crate::archive_util::*;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), seeded from the clock and printed, so that a
/// failing run can be replayed with `NEWSARC_TEST_SEED`.
struct Rng(u64);

impl Rng {
    fn from_env_or_clock() -> Rng {
        let seed = std::env::var("NEWSARC_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            })
            | 1;
        eprintln!("seed: NEWSARC_TEST_SEED={seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn ingest(db: &Path, wires: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsarc"))
        .args(["ingest", "--quiet", "--archive"])
        .arg(db)
        .arg(wires)
        .env_remove("NEWSARC_ARCHIVE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Articles stored so far, read while a writer may be running (0 before the archive exists).
fn stored(db: &Path) -> usize {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    let _ = conn.busy_timeout(Duration::from_secs(5));
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

/// key, id, headline, [n_people, n_countries, n_quotes], record, [revision, mention, country
/// rows, quotes accounted for (by speaker rows, or in the record without a speaker)].
type StoredRow = (i64, String, String, [i64; 3], String, [i64; 4]);

/// Everything that must hold of an archive whatever happened to its writers.
fn assert_whole(db: &Path) -> usize {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(check, ["ok"], "PRAGMA integrity_check");
    conn.execute(
        "INSERT INTO fts (fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("FTS index agrees with the articles");
    let mut stmt = conn
        .prepare(
            "SELECT a.key, a.id, a.headline, a.n_people, a.n_countries, a.n_quotes,
                (SELECT record FROM texts t WHERE t.key = a.key),
                (SELECT count(*) FROM revisions r WHERE r.article = a.key),
                (SELECT count(*) FROM mentions m WHERE m.article = a.key),
                (SELECT count(*) FROM countries c WHERE c.article = a.key),
                (SELECT COALESCE(SUM(q.quotes), 0) FROM quote_speakers q WHERE q.article = a.key)
                  + (SELECT count(*) FROM texts t, json_each(t.record, '$.quotes') j
                     WHERE t.key = a.key AND j.value ->> 'speaker' IS NULL)
             FROM articles a",
        )
        .unwrap();
    let mut search = conn
        .prepare("SELECT rowid FROM fts WHERE fts MATCH ?1")
        .unwrap();
    let rows: Vec<StoredRow> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                [r.get(3)?, r.get(4)?, r.get(5)?],
                r.get(6)?,
                [r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?],
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (key, id, headline, counts, record, rows) in &rows {
        assert_eq!(rows[0], 1, "{id}: revision entry");
        assert_eq!(
            &rows[1..],
            counts,
            "{id}: people, country and quote speaker rows"
        );
        let v: serde_json::Value = serde_json::from_str(record).unwrap();
        assert_eq!(v["id"], id.as_str());
        // Each generated article has a unique word: the index must find exactly it.
        let n: usize = headline.split(' ').nth(1).unwrap().parse().unwrap();
        let found: Vec<i64> = search
            .query_map([format!("token{n}")], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(found, [*key], "{id}: search entry");
    }
    rows.len()
}

#[test]
fn sigkill_at_random_moments_leaves_whole_articles_and_a_rerun_completes() {
    const N: usize = 4000;
    let c = Corpus::new(N);
    let mut rng = Rng::from_env_or_clock();
    let mut interrupted = 0;
    for round in 0..8 {
        let before = stored(&c.db());
        if before == N {
            break;
        }
        // Kill once the archive has grown by a random share of what is left, then after a
        // random delay, so that the kill lands anywhere in the next transaction (a batch of up
        // to 1024 articles takes about a second in a debug build).
        let target = before + 1 + rng.below(((N - before) / 2) as u64) as usize;
        let mut child = ingest(&c.db(), &c.wires());
        let started = Instant::now();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            if stored(&c.db()) >= target {
                // A short delay: a long one let fast machines finish the whole ingest first,
                // and then no round was interrupted.
                std::thread::sleep(Duration::from_millis(rng.below(40)));
                break false;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "ingest made no progress"
            );
            std::thread::sleep(Duration::from_millis(3));
        };
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let n = assert_whole(&c.db());
        if !finished && status.code().is_none() && n < N {
            interrupted += 1;
        }
        eprintln!("round {round}: killed={} stored {before} -> {n}", !finished);
        assert!(n >= before, "nothing stored before may be lost");
    }
    assert!(
        interrupted > 0,
        "no ingest was killed mid-way: the test proved nothing"
    );

    let out = on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.wires())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(assert_whole(&c.db()), N, "the re-run completes the set");
    on(&c.db(), "check").assert().success();
    let again = on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.wires())
        .output()
        .unwrap();
    assert!(
        stderr_of(&again).contains("nothing new"),
        "{}",
        stderr_of(&again)
    );
}

#[test]
fn two_ingests_at_once_both_finish_and_lose_nothing() {
    // Two overlapping halves: 0..1200 and 800..2000, so 400 articles race for the same id.
    let c = Corpus::new(2000);
    let (left, right) = (c.dir.path().join("left"), c.dir.path().join("right"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    for i in 0..2000 {
        let name = format!("a{i:05}.txt");
        let from = c.wires().join(&name);
        if i < 1200 {
            std::fs::copy(&from, left.join(&name)).unwrap();
        }
        if i >= 800 {
            std::fs::copy(&from, right.join(&name)).unwrap();
        }
    }
    let a = ingest(&c.db(), &left);
    let b = ingest(&c.db(), &right);
    // A reader is never blocked by the writers.
    let reader_started = Instant::now();
    let mut reads = 0;
    while reader_started.elapsed() < Duration::from_millis(600) {
        let t = Instant::now();
        let _ = stored(&c.db());
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "a reader waited on a writer"
        );
        reads += 1;
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(reads > 0);
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(assert_whole(&c.db()), 2000);
    on(&c.db(), "check").assert().success();
}

#[test]
fn an_archive_from_a_newer_newsarc_is_refused_untouched() {
    let c = Corpus::new(3);
    ingest_all(&c);
    {
        let conn = Connection::open(c.db()).unwrap();
        conn.pragma_update(None, "user_version", 1000).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let before = std::fs::read(c.db()).unwrap();
    for cmd in ["ingest", "list", "check"] {
        let mut run = on(&c.db(), cmd);
        if cmd == "ingest" {
            run.arg("-q").arg(c.wires());
        }
        let out = run.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = stderr_of(&out);
        assert!(
            err.contains("schema version 1000, newer than this newsarc knows"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1);
    }
    assert_eq!(
        std::fs::read(c.db()).unwrap(),
        before,
        "the archive was modified"
    );
}
