use crate::archive_util::*;
use crate::util::*;
use predicates::prelude::*;

#[test]
fn by_id_or_prefix() {
    let (_d, db) = seeded();
    let out = on(&db, "show").arg("1111").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json_values(&out.stdout);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["id"], "1111aaaa00000001");
    assert_eq!(v[0]["people"][0]["name"], "Viktor Harlan");
    on(&db, "show").arg("1111AAAA00000001").assert().success();
}

#[test]
fn text_format_escapes_control_characters() {
    let (_d, db) = seeded();
    let out = on(&db, "show")
        .args(["2222", "--format", "text"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.starts_with("Havana\\u{1b}[31m ferry strike\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("id 2222bbbb00000002"));
}

#[test]
fn unknown_ambiguous_and_bad_ids_are_exit_2() {
    let (_d, db) = seeded();
    on(&db, "show")
        .arg("ffff")
        .assert()
        .code(2)
        .stderr("newsarc: no article with id ffff\n");
    on(&db, "show")
        .arg("zz-top")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an article id"));
    let c = Corpus::new(40);
    ingest_all(&c);
    // Forty ids over sixteen first digits: some first digit is shared.
    let out = on(&c.db(), "list").output().unwrap();
    let ids: Vec<String> = json_values(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let shared = (0..16u32)
        .map(|d| std::char::from_digit(d, 16).unwrap())
        .find(|d| ids.iter().filter(|i| i.starts_with(*d)).count() > 1)
        .unwrap();
    on(&c.db(), "show")
        .arg(shared.to_string())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("matches").and(predicate::str::contains("give more digits")),
        );
}

#[test]
fn revisions_newest_by_default_and_history_on_request() {
    let c = Corpus::new(0);
    let v1 = c.write("v1/a.txt", &anadolu(3));
    let v2 = c.write("v2/a.txt", &anadolu_update(3));
    on(&c.db(), "ingest").arg("-q").arg(&v1).assert().success();
    on(&c.db(), "ingest").arg("-q").arg(&v2).assert().success();
    let first = json_values(&newsarc().arg("parse").arg(&v1).output().unwrap().stdout)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = on(&c.db(), "show").arg(&first).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let shown = json_values(&out.stdout);
    assert_eq!(shown.len(), 1);
    assert_ne!(
        shown[0]["id"],
        first.as_str(),
        "the newest version is shown"
    );
    assert!(shown[0]["modified"].is_string());
    assert!(stderr_of(&out).contains("has a newer version"));
    let hist = on(&c.db(), "show")
        .arg(&first)
        .args(["--revisions", "--format", "ndjson"])
        .output()
        .unwrap();
    let versions = json_values(&hist.stdout);
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["id"], first.as_str(), "oldest first");
}
