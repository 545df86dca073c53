use crate::archive_util::*;
use crate::util::*;
use predicates::prelude::*;

#[test]
fn formats() {
    let (_d, db) = seeded();
    let nd = on(&db, "list").output().unwrap();
    assert_eq!(nd.status.code(), Some(0));
    let rows = json_values(&nd.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["2222bbbb00000002", "1111aaaa00000001", "3333cccc00000003"],
        "ndjson by default, newest first"
    );

    let json = on(&db, "list").args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["headline"], "Havana\u{1b}[31m ferry strike");

    let csv = on(&db, "list").args(["--format", "csv"]).output().unwrap();
    let text = stdout_of(&csv);
    assert!(
        text.starts_with("id,published,agency,layout,section,headline,source,revisions\r\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 4);

    let table = on(&db, "list")
        .args(["--format", "table"])
        .output()
        .unwrap();
    let text = stdout_of(&table);
    assert!(text.starts_with("ID "), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "control characters are escaped in tables: {text}"
    );
    assert!(text.contains("Havana\\u{1b}[31m ferry strike"), "{text}");
}

#[test]
fn filters_and_limit() {
    let (_d, db) = seeded();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = on(&db, "list").args(args).output().unwrap();
        json_values(&out.stdout)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["--since", "2026-01-01"]),
        ["2222bbbb00000002", "1111aaaa00000001"]
    );
    assert_eq!(ids(&["--until", "2025-12-31"]), ["3333cccc00000003"]);
    assert_eq!(
        ids(&["--country", "CU", "--since", "2026-02-01"]),
        ["2222bbbb00000002"]
    );
    assert_eq!(ids(&["--country", "russia"]), ["1111aaaa00000001"]);
    assert_eq!(
        ids(&["--person", "harlan"]),
        ["2222bbbb00000002", "1111aaaa00000001"]
    );
    assert_eq!(ids(&["--agency", "reuters"]), ["1111aaaa00000001"]);
    assert_eq!(
        ids(&["--layout", "generic", "--limit", "1"]),
        ["2222bbbb00000002"]
    );
}

#[test]
fn nothing_matched_is_exit_1() {
    let (_d, db) = seeded();
    on(&db, "list")
        .args(["--agency", "Xinhua"])
        .assert()
        .code(1)
        .stdout("");
    on(&db, "list")
        .args(["--since", "2030-01-01", "--format", "json"])
        .assert()
        .code(1)
        .stdout("[]\n");
}

#[test]
fn bad_filters_are_exit_2() {
    let (_d, db) = seeded();
    for (args, want) in [
        (
            vec!["--since", "last tuesday"],
            "--since: bad date 'last tuesday'",
        ),
        (vec!["--until", "2026-02-30"], "--until: bad date"),
        (vec!["--layout", "telex"], "unknown layout 'telex'"),
    ] {
        let out = on(&db, "list").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        assert!(err.starts_with("newsarc: ") && err.contains(want), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
}

#[test]
fn a_missing_archive_is_not_created_by_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    on(&db, "list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no archive at"));
    assert!(!db.exists());
}
