use crate::archive_util::*;
use crate::util::*;

#[test]
fn ndjson_round_trips_what_parse_printed() {
    let c = Corpus::new(25);
    let parsed = newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(c.wires())
        .output()
        .unwrap();
    ingest_all(&c);
    let out = on(&c.db(), "export").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_of(&out),
        stdout_of(&parsed),
        "exactly the records, in ingest order"
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_record() {
    let (_d, db) = seeded();
    let out = on(&db, "export")
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.starts_with("id,source,layout,agency,section,headline,standfirst,published,modified,dateline,byline,people,countries,organizations,body\r\n"));
    assert!(
        text.contains("1111aaaa00000001,1111aaaa00000001.txt,generic,Reuters,"),
        "{text}"
    );
    assert!(
        text.contains("Viktor Harlan; Marco Ruiz-Vidal,RU; CU,"),
        "{text}"
    );
    assert_eq!(text.matches("\r\n").count(), 4);
}

#[test]
fn filtered_and_latest_only() {
    let c = Corpus::new(0);
    c.write("v1/a.txt", &anadolu(2));
    c.write("v2/a.txt", &anadolu_update(2));
    on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.dir.path().join("v1"))
        .assert()
        .success();
    on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.dir.path().join("v2"))
        .assert()
        .success();
    let all = on(&c.db(), "export").output().unwrap();
    assert_eq!(json_values(&all.stdout).len(), 2, "every revision");
    let latest = on(&c.db(), "export").arg("--latest").output().unwrap();
    let v = json_values(&latest.stdout);
    assert_eq!(v.len(), 1);
    assert!(v[0]["modified"].is_string());
    on(&c.db(), "export")
        .args(["--agency", "xinhua"])
        .assert()
        .code(1)
        .stdout("");
}
