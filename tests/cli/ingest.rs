use crate::archive_util::*;
use crate::util::*;
use predicates::prelude::*;

#[test]
fn prints_the_records_parse_prints_and_stores_them() {
    let c = Corpus::new(3);
    let parsed = newsarc()
        .args(["parse", "--format"])
        .arg("ndjson")
        .arg(c.wires())
        .output()
        .unwrap();
    let out = on(&c.db(), "ingest")
        .arg("--format")
        .arg("ndjson")
        .arg(c.wires())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), stdout_of(&parsed));
    let err = stderr_of(&out);
    assert!(err.contains("3 files"), "{err}");
    assert!(
        err.contains("3 stored (0 revisions), 0 duplicates skipped, 0 failed"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one summary line: {err}");
}

#[test]
fn running_the_same_ingest_again_is_a_no_op_that_says_so() {
    let c = Corpus::new(4);
    ingest_all(&c);
    let out = on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.wires())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let err = stderr_of(&out);
    assert!(err.contains("0 stored"), "{err}");
    assert!(err.contains("4 duplicates skipped"), "{err}");
    assert!(err.contains("nothing new"), "{err}");
    let listed = on(&c.db(), "list")
        .arg("--format")
        .arg("ndjson")
        .output()
        .unwrap();
    assert_eq!(json_values(&listed.stdout).len(), 4);
}

#[test]
fn files_from_a_list_newline_or_nul_separated() {
    let c = Corpus::new(4);
    let a = c.wires().join("a00000.txt");
    let b = c.wires().join("a00001.txt");
    let list = format!("{}\n{}\r\n", a.display(), b.display());
    on(&c.db(), "ingest")
        .args(["--files-from", "-", "-q"])
        .write_stdin(list)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 stored"));
    let d = c.wires().join("a00002.txt");
    let e = c.wires().join("a00003.txt");
    let nul = format!("{}\0{}\0", d.display(), e.display());
    let listfile = c.write("list0", &nul);
    on(&c.db(), "ingest")
        .arg("--files-from")
        .arg(&listfile)
        .args(["-0", "-q"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 stored"));
    let out = on(&c.db(), "stats")
        .args(["--format", "ndjson"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains(r#"{"group":"total","key":"articles","count":4}"#));
}

#[test]
fn a_failing_file_is_reported_and_the_others_stored() {
    let c = Corpus::new(2);
    c.write("wires/zz-empty.txt", "");
    let out = on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.wires())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(err.contains("zz-empty.txt"), "{err}");
    assert!(
        err.contains("2 stored") && err.contains("1 failed"),
        "{err}"
    );
}

#[test]
fn fail_fast_stores_the_articles_before_the_failure_and_stops() {
    // Corpus files are `a00000.txt`, `a00001.txt`, ...: `a00001-empty.txt` sorts after the
    // first and before the rest.
    let c = Corpus::new(3);
    c.write("wires/a00001-empty.txt", "");
    let out = on(&c.db(), "ingest")
        .args(["-q", "--jobs", "1", "--fail-fast"])
        .arg(c.wires())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("a00001-empty.txt"), "{err}");
    // Whatever sorted before the failing file is stored (records are handed to the writer in
    // chunks, and the last chunk must not be lost); nothing after it is.
    let before = std::fs::read_dir(c.wires())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n < "a00001-empty.txt")
        })
        .count();
    assert!(
        err.contains(&format!("{before} stored")) && err.contains("1 failed"),
        "{before} before the failure: {err}"
    );
}

#[test]
fn standard_input_is_an_article() {
    let c = Corpus::new(0);
    on(&c.db(), "ingest")
        .args(["-", "--format", "ndjson"])
        .write_stdin(anadolu(7))
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""source":"-""#));
}

#[test]
fn an_update_is_stored_as_a_revision() {
    let c = Corpus::new(0);
    c.write("v1/a.txt", &anadolu(5));
    c.write("v2/a.txt", &anadolu_update(5));
    on(&c.db(), "ingest")
        .arg("-q")
        .arg(c.dir.path().join("v1"))
        .assert()
        .success();
    let out = on(&c.db(), "ingest")
        .arg(c.dir.path().join("v2"))
        .args(["--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr_of(&out);
    assert!(err.contains("stored as a newer version of"), "{err}");
    assert!(err.contains("1 stored (1 revision)"), "{err}");
    let new_id = json_values(&out.stdout)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = on(&c.db(), "list")
        .args(["--format", "json"])
        .output()
        .unwrap();
    let rows = json_values(&listed.stdout);
    assert_eq!(rows[0].as_array().unwrap().len(), 1);
    assert_eq!(rows[0][0]["id"], new_id.as_str());
    assert_eq!(rows[0][0]["revisions"], 2);
}

#[test]
fn the_archive_comes_from_the_environment_when_not_given() {
    let c = Corpus::new(1);
    newsarc()
        .env("NEWSARC_ARCHIVE", c.db())
        .args(["ingest", "-q"])
        .arg(c.wires())
        .assert()
        .success();
    assert!(c.db().exists());
    // --archive wins over the environment.
    let other = c.dir.path().join("other.db");
    newsarc()
        .env("NEWSARC_ARCHIVE", c.db())
        .args(["ingest", "-q", "--archive"])
        .arg(&other)
        .arg(c.wires())
        .assert()
        .success()
        .stderr(predicate::str::contains("1 stored"));
}

#[test]
fn the_default_archive_is_in_the_data_folder() {
    let c = Corpus::new(1);
    let home = c.dir.path().join("home");
    newsarc()
        .env("HOME", &home)
        .env_remove("XDG_DATA_HOME")
        .args(["ingest", "-q"])
        .arg(c.wires())
        .assert()
        .success();
    assert!(home.join(".local/share/newsarc/archive.db").exists());
}

#[test]
fn bad_archive_paths_are_one_clear_line_and_exit_2() {
    let c = Corpus::new(1);
    let file = c.write("plain.txt", "just text, not a database\n");
    let cases = [
        (c.dir.path().to_path_buf(), "is a folder"),
        (file.clone(), "not a newsarc archive"),
        (file.join("archive.db"), "cannot open archive"),
    ];
    for (path, want) in cases {
        let out = on(&path, "ingest")
            .arg("-q")
            .arg(c.wires())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("newsarc: ") && err.contains(want), "{err}");
        assert!(!err.to_lowercase().contains("sqlite failure"), "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "just text, not a database\n"
    );
}
