use crate::archive_util::*;
use predicates::prelude::*;

#[test]
fn a_healthy_archive_passes() {
    let (_d, db) = seeded();
    on(&db, "check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "3 articles, integrity check passed",
        ));
}

#[test]
fn missing_rows_are_reported_and_exit_2() {
    let (_d, db) = seeded();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "DELETE FROM quote_speakers WHERE speaker = 'Viktor Harlan'",
            [],
        )
        .unwrap();
    }
    let out = on(&db, "check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout_of(&out)
            .contains("article 1111aaaa00000001 has speaker rows that disagree with its quotes")
    );
    assert!(stderr_of(&out).contains("is damaged"));
}

#[test]
fn garbage_and_truncated_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, vec![0x5au8; 8192]).unwrap();
    on(&garbage, "check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not a newsarc archive (not an SQLite database)",
        ));
    assert_eq!(
        std::fs::read(&garbage).unwrap(),
        vec![0x5au8; 8192],
        "never modified"
    );

    let c = Corpus::new(200);
    ingest_all(&c);
    {
        let conn = rusqlite::Connection::open(c.db()).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let bytes = std::fs::read(c.db()).unwrap();
    std::fs::write(c.db(), &bytes[..bytes.len() / 3]).unwrap();
    for cmd in ["check", "list", "ingest"] {
        let mut run = on(&c.db(), cmd);
        match cmd {
            "ingest" => run.arg("-q").arg(c.wires()),
            "list" => run.arg("--format=json"),
            _ => &mut run,
        };
        let out = run.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = stderr_of(&out);
        assert!(
            err.contains("is damaged") && err.contains("truncated"),
            "{cmd}: {err}"
        );
    }
}
