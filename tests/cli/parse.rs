//! `newsarc parse`: layouts, messy input, folders, standard input, bad input, exit codes.

use crate::util::*;
use predicates::prelude::*;
use serde_json::Value;

fn parse_one(path: &std::path::Path) -> Value {
    let out = newsarc()
        .arg("parse")
        .arg(path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut values = json_values(&out);
    assert_eq!(values.len(), 1);
    values.remove(0)
}

#[test]
fn every_layout_fixture_gives_its_checked_record() {
    let dir = fixture("layouts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let expected: Value =
            serde_json::from_slice(&std::fs::read(path.with_extension("expected.json")).unwrap())
                .unwrap();
        let got = parse_one(&path);
        for key in PARSE_KEYS {
            assert_eq!(got[key], expected[key], "{}: {key}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 10, "only {seen} layout fixtures");
}

#[test]
fn messy_encodings_and_line_ends_give_the_same_record() {
    let base = parse_one(&fixture("messy/utf8-bom-crlf.txt"));
    assert_eq!(
        base["headline"],
        "Harbour reopens after storm damage repaired"
    );
    assert_eq!(base["body"].as_array().unwrap().len(), 3);
    assert_eq!(
        base["body"][1],
        "\u{201c}We are back in business,\u{201d} said one owner."
    );
    for name in [
        "cp1252.txt",
        "utf16le-bom.txt",
        "utf16be.txt",
        "lone-cr.txt",
        "nbsp-blank-lines.txt",
    ] {
        let got = parse_one(&fixture(&format!("messy/{name}")));
        for key in PARSE_KEYS {
            assert_eq!(got[key], base[key], "{name}: {key}");
        }
        assert_eq!(got["id"], base["id"], "{name}: id");
    }
    // Latin-1 has no typographic marks; the rest must still match.
    let latin = parse_one(&fixture("messy/latin1.txt"));
    assert_eq!(latin["headline"], base["headline"]);
    assert!(
        latin["body"][0]
            .as_str()
            .unwrap()
            .starts_with("Café owners")
    );
}

#[test]
fn a_legacy_encoding_is_named_on_stderr() {
    newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(fixture("messy/cp1252.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "cp1252.txt: not UTF-8, decoded as windows-1252",
        ));
    newsarc()
        .arg("parse")
        .arg(fixture("messy/utf16le-bom.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("decoded as UTF-16LE"));
    newsarc()
        .arg("parse")
        .arg(fixture("messy/utf8-bom-crlf.txt"))
        .assert()
        .success()
        .stderr("");
}

#[test]
fn bad_files_are_named_and_the_batch_goes_on() {
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(fixture("messy/empty.txt"))
        .arg(fixture("layouts/ap.txt"))
        .arg(fixture("messy/binary.txt"))
        .arg(fixture("messy/blank.txt"))
        .arg("no/such/file.txt")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("empty.txt: empty file"))
        .stderr(predicate::str::contains(
            "binary.txt: binary file, not text",
        ))
        .stderr(predicate::str::contains("blank.txt: empty file"))
        .stderr(predicate::str::contains(
            "no/such/file.txt: no such file or folder",
        ))
        .get_output()
        .clone();
    let values = json_values(&out.stdout);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0]["layout"], "ap");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 4, "one line per failure:\n{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("newsarc: ")));
}

#[test]
fn a_paragraph_without_headline_is_refused() {
    let dir = tree(&[("wall.txt", "word ".repeat(300).as_bytes())]);
    newsarc()
        .arg("parse")
        .arg(dir.path().join("wall.txt"))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "wall.txt: no recognisable headline",
        ));
}

#[test]
fn folders_are_walked_in_name_order_skipping_hidden_and_other_files() {
    let art = |h: &str| format!("{h}\nBody of {h}.\n").into_bytes();
    let dir = tree(&[
        ("b.txt", &art("Second")),
        ("a.txt", &art("First")),
        ("sub/c.TXT", &art("Third")),
        ("sub/notes.md", &art("Not an article")),
        (".hidden.txt", &art("Hidden")),
        (".git/x.txt", &art("Hidden folder")),
    ]);
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let heads: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["headline"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(heads, ["First", "Second", "Third"]);
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tree(&[("readme.md", b"nothing here")]);
    newsarc()
        .arg("parse")
        .arg(dir.path())
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no articles found"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let dir = tree(&[("a.txt", b"Head\nBody.\n")]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .stderr(predicate::str::contains("symbolic link loop"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_values(&out).len(), 1);
}

#[test]
fn standard_input_with_dash_or_no_path() {
    let text = std::fs::read(fixture("layouts/reuters.txt")).unwrap();
    for args in [&["parse", "-"][..], &["parse"][..]] {
        let out = newsarc()
            .args(args)
            .write_stdin(text.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v = json_values(&out);
        assert_eq!(v[0]["source"], "-");
        assert_eq!(v[0]["layout"], "reuters");
    }
}

#[test]
fn json_and_ndjson_carry_the_same_records() {
    let files = [fixture("layouts/afp.txt"), fixture("layouts/xinhua.txt")];
    let pretty = newsarc()
        .arg("parse")
        .args(&files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = newsarc()
        .args(["parse", "--format", "ndjson"])
        .args(&files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(lines.clone()).unwrap().lines().count(), 2);
    assert_eq!(json_values(&pretty), json_values(&lines));
}

#[test]
fn size_limit_refuses_large_files() {
    let dir = tree(&[
        ("big.txt", "Head\n".repeat(1000).as_bytes()),
        ("small.txt", b"Head\nBody.\n"),
    ]);
    newsarc()
        .args(["parse", "--max-size", "1K"])
        .arg(dir.path().join("big.txt"))
        .arg(dir.path().join("small.txt"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "big.txt: larger than the 1 KiB size limit",
        ));
    newsarc()
        .args(["parse", "--max-size", "1K", "-"])
        .write_stdin("x".repeat(5000))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "-: larger than the 1 KiB size limit",
        ));
}

#[test]
fn layout_can_be_forced_and_bad_names_are_usage_errors() {
    let v = {
        let out = newsarc()
            .args(["parse", "--layout", "generic"])
            .arg(fixture("layouts/reuters.txt"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        json_values(&out).remove(0)
    };
    assert_eq!(v["layout"], "generic");
    assert_eq!(v["agency"], Value::Null);
    newsarc()
        .args(["parse", "--layout", "bbc", "x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown layout 'bbc'"));
}

#[test]
fn same_article_gets_the_same_id_anywhere() {
    let a = parse_one(&fixture("layouts/anadolu.txt"));
    let bytes = std::fs::read(fixture("layouts/anadolu.txt")).unwrap();
    let crlf = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
    let dir = tree(&[("copy/anadolu.txt", crlf.as_bytes())]);
    let b = parse_one(&dir.path().join("copy/anadolu.txt"));
    assert_eq!(a["id"], b["id"]);
    assert_ne!(a["source"], b["source"]);
}

#[test]
fn help_teaches_with_examples() {
    newsarc()
        .args(["parse", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--max-size"));
}

/// The records of `parse --format ndjson ARGS DIR`, which must succeed with nothing on stderr.
fn clean_ndjson(dir: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .args(args)
        .arg(dir)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    json_values(&out)
}

#[test]
fn many_files_come_out_in_input_order_on_every_job_count() {
    let dir = generated_tree(700, |i| {
        (
            format!("d{}/{i:04}.txt", i % 7),
            format!("Headline {i:04}\nBody {i}.\n"),
        )
    });
    let mut want: Vec<String> = (0..700).map(|i| format!("d{}/{i:04}.txt", i % 7)).collect();
    want.sort();
    for jobs in ["1", "2", "4"] {
        let got: Vec<String> = clean_ndjson(dir.path(), &["--jobs", jobs])
            .iter()
            .map(|v| {
                let src = v["source"].as_str().unwrap();
                src[dir.path().to_str().unwrap().len() + 1..].to_owned()
            })
            .collect();
        assert_eq!(got, want, "--jobs {jobs}");
    }
}

#[test]
fn unordered_output_has_every_record_once() {
    let dir = generated_tree(300, |i| {
        // Every tenth file is much longer, so workers finish out of turn.
        let body = if i % 10 == 0 {
            "Ana Ruiz said the long talks went on. ".repeat(400)
        } else {
            format!("Body {i}.")
        };
        (format!("{i:04}.txt"), format!("Headline {i:04}\n{body}\n"))
    });
    let mut got: Vec<String> = clean_ndjson(dir.path(), &["--jobs", "2", "--unordered"])
        .iter()
        .map(|v| v["headline"].as_str().unwrap().to_owned())
        .collect();
    got.sort();
    let want: Vec<String> = (0..300).map(|i| format!("Headline {i:04}")).collect();
    assert_eq!(got, want);
}

#[test]
fn stderr_that_is_not_a_terminal_gets_no_progress_only_errors() {
    let dir = tree(&[
        ("a.txt", b"Head\nBody.\n"),
        ("b.txt", b""),
        ("c.txt", b"Head two\nBody.\n"),
    ]);
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .arg(dir.path())
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!(
            "newsarc: {}: empty file",
            dir.path().join("b.txt").display()
        )]
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no escape sequences: {stderr:?}"
    );
}

#[test]
fn quiet_hides_notes_but_not_errors() {
    newsarc()
        .args(["parse", "--quiet"])
        .arg(fixture("messy/cp1252.txt"))
        .assert()
        .success()
        .stderr("");
    newsarc()
        .args(["parse", "--quiet"])
        .arg(fixture("messy/empty.txt"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("empty file"));
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = tree(&[
        ("a.txt", b"Head\nBody.\n"),
        ("b.txt", b""),
        ("c.txt", b"Head two\nBody.\n"),
    ]);
    let out = newsarc()
        .args(["parse", "--format", "ndjson", "--fail-fast", "--jobs", "1"])
        .arg(dir.path())
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let heads: Vec<Value> = json_values(&out)
        .into_iter()
        .map(|v| v["headline"].clone())
        .collect();
    assert_eq!(heads, ["Head"]);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = generated_tree(400, |i| {
        (
            format!("{i:04}.txt"),
            format!("Headline {i}\n{}\n", "Body text. ".repeat(200)),
        )
    });
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("newsarc"))
        .args(["parse", "--format", "ndjson"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

/// Runs newsarc under a pseudo-terminal (util-linux `script`), stdout to /dev/null, and returns
/// what the terminal showed.
#[cfg(unix)]
fn on_a_terminal(args: &str, no_color: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("newsarc");
    let mut cmd = std::process::Command::new("script");
    cmd.args([
        "-qec",
        &format!("{} {args} > /dev/null", bin.display()),
        "/dev/null",
    ]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd
        .output()
        .expect("util-linux `script` runs the binary on a pseudo-terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn a_terminal_gets_a_progress_bar_unless_quiet() {
    let dir = generated_tree(3000, |i| {
        (format!("{i:04}.txt"), format!("Headline {i}\nBody {i}.\n"))
    });
    let path = dir.path().display();
    let shown = on_a_terminal(&format!("parse --format ndjson --jobs 1 {path}"), false);
    assert!(shown.contains("/3000 files"), "no progress bar: {shown:?}");
    assert!(
        shown.contains("\u{1b}[36m"),
        "colour expected without NO_COLOR"
    );
    let plain = on_a_terminal(&format!("parse --format ndjson --jobs 1 {path}"), true);
    assert!(
        plain.contains("/3000 files") && !plain.contains("\u{1b}[36m"),
        "NO_COLOR: {plain:?}"
    );
    let quiet = on_a_terminal(&format!("parse --quiet --format ndjson {path}"), false);
    assert!(!quiet.contains("files"), "quiet shows no bar: {quiet:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_reported_not_waited_on() {
    let dir = tree(&[("a.txt", b"Head\nBody.\n")]);
    let fifo = dir.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    for target in [dir.path().to_path_buf(), fifo.clone()] {
        newsarc()
            .args(["parse", "--format", "ndjson"])
            .arg(&target)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(3)
            .stderr(predicate::str::contains("pipe.txt: not a regular file"));
    }
}

#[test]
fn damaged_utf8_is_kept_and_said() {
    let mut bytes = "Doğan visits Cairo\nThe président said \u{201c}yes\u{201d}.\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"A broken \xff\xfe byte pair.\n");
    let dir = tree(&[("d.txt", &bytes)]);
    let out = newsarc()
        .arg("parse")
        .arg(dir.path().join("d.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "d.txt: damaged text, read as UTF-8 (invalid bytes replaced with U+FFFD)",
        ))
        .get_output()
        .stdout
        .clone();
    let v = json_values(&out).remove(0);
    assert_eq!(v["headline"], "Doğan visits Cairo");
    assert_eq!(v["body"][1], "A broken \u{fffd}\u{fffd} byte pair.");
}

#[test]
fn relative_dates_fall_back_to_the_update_time() {
    // The AP fixture prints only "Updated 6:05 AM CDT, June 2, 2026" (a Tuesday).
    let v = parse_one(&fixture("layouts/ap.txt"));
    assert_eq!(v["published"], Value::Null);
    let dates = v["dates"].as_array().unwrap();
    assert!(
        dates
            .iter()
            .any(|d| d["text"].as_str().unwrap().contains("Tuesday") && d["date"] == "2026-06-02"),
        "{dates:?}"
    );
}
