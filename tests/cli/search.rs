use crate::archive_util::*;
use crate::util::*;
use predicates::prelude::*;

#[test]
fn ranked_with_marked_snippets() {
    let c = Corpus::new(30);
    ingest_all(&c);
    let out = on(&c.db(), "search").arg("token7").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let hits = json_values(&out.stdout);
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("**token7**"),
        "{}",
        hits[0]
    );
    assert!(
        hits[0]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Report 7 ")
    );

    // Headline matches rank above body-only matches.
    let out = on(&c.db(), "search")
        .args(["quake", "--limit", "3"])
        .output()
        .unwrap();
    let hits = json_values(&out.stdout);
    assert_eq!(hits.len(), 3);
    for h in &hits {
        assert!(h["headline"].as_str().unwrap().contains("quake"), "{h}");
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn near_phrases_and_filters() {
    let c = Corpus::new(30);
    ingest_all(&c);
    let count = |args: &[&str]| -> usize {
        let out = on(&c.db(), "search").args(args).output().unwrap();
        json_values(&out.stdout).len()
    };
    assert_eq!(count(&["oil NEAR/2 sanctions", "--limit", "100"]), 5);
    assert_eq!(count(&["\"drew crowds\"", "--limit", "100"]), 30);
    assert_eq!(count(&["harvest OR bridge", "--limit", "100"]), 10);
    assert_eq!(
        count(&[
            "ferry",
            "--since",
            "2026-01-07",
            "--until",
            "2026-01-13",
            "--limit",
            "100"
        ]),
        2
    );
    assert_eq!(count(&["ferry", "--agency", "anadolu", "--limit", "2"]), 2);
}

#[test]
fn a_malformed_query_is_one_clear_line_and_exit_2() {
    let (_d, db) = seeded();
    for q in ["oil AND", "(oil", "nosuchcolumn:oil", ""] {
        let out = on(&db, "search").arg(q).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{q}");
        let err = stderr_of(&out);
        assert!(err.starts_with("newsarc: bad search query"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("Sqlite") && !err.contains("Error {"), "{err}");
    }
}

#[test]
fn nothing_matched_is_exit_1() {
    let (_d, db) = seeded();
    on(&db, "search")
        .arg("zeppelin")
        .assert()
        .code(1)
        .stdout("");
    on(&db, "search")
        .args(["oil", "--person", "nobody"])
        .assert()
        .code(1);
    on(&db, "search")
        .args(["oil", "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("**oil**"));
}
