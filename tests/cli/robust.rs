//! Hostile and pathological input: each is processed or refused, in time linear in its size,
//! with valid JSON on stdout. Time bounds are generous (debug build, loaded CI machine): they
//! catch quadratic blow-ups, which take minutes, not slow machines.

use crate::util::*;
use predicates::prelude::*;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Runs `parse --format ndjson` on one file and returns (exit code, records, stderr, seconds).
fn parse_file(name: &str, bytes: &[u8], extra: &[&str]) -> (i32, Vec<Value>, String, f64) {
    let dir = tree(&[(name, bytes)]);
    let started = Instant::now();
    let out = newsarc()
        .args(["parse", "--format", "ndjson"])
        .args(extra)
        .arg(dir.path().join(name))
        .timeout(Duration::from_secs(240))
        .output()
        .unwrap();
    let secs = started.elapsed().as_secs_f64();
    let code = out
        .status
        .code()
        .expect("exited, not killed by the timeout");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (
        code,
        records,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        secs,
    )
}

#[test]
fn a_50_mb_single_line_is_refused_by_default_and_read_in_linear_time_when_allowed() {
    let line =
        "The delegation met officials in the capital on Monday and said the talks went well. "
            .repeat(600_000);
    assert!(line.len() > 50_000_000);
    let (code, records, stderr, secs) = parse_file("one-line.txt", line.as_bytes(), &[]);
    assert_eq!((code, records.len()), (3, 0));
    assert!(
        stderr.contains("larger than the 10 MiB size limit"),
        "{stderr}"
    );
    assert!(secs < 10.0, "refusal read the file? {secs:.1}s");
    let (code, records, stderr, secs) =
        parse_file("one-line.txt", line.as_bytes(), &["--max-size", "64M"]);
    assert_eq!((code, records.len()), (3, 0), "{stderr}");
    assert!(stderr.contains("no recognisable headline"), "{stderr}");
    assert!(secs < 120.0, "50 MB line took {secs:.1}s");
}

#[test]
fn half_a_million_short_lines_are_linear() {
    let mut text = String::from("Officials meet to discuss the harbour\n");
    for i in 0..500_000 {
        text.push_str(&format!("Line {i} said the port was open.\n"));
    }
    let (code, records, stderr, secs) =
        parse_file("long.txt", text.as_bytes(), &["--max-size", "64M"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records[0]["body"].as_array().unwrap().len(), 500_000);
    assert!(secs < 120.0, "500,000 lines took {secs:.1}s");
}

#[test]
fn ten_thousand_unclosed_quotation_marks_are_linear() {
    let text = format!(
        "Quotes everywhere\n{}\n",
        "\"open ".repeat(10_000) + &"\u{201c}curly ".repeat(10_000)
    );
    let (code, records, stderr, secs) = parse_file("quotes.txt", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 1);
    assert!(secs < 60.0, "unclosed quotes took {secs:.1}s");
}

#[test]
fn deeply_repeated_capitalised_words_are_linear() {
    let body = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel ".repeat(40_000);
    let text = format!(
        "Capitals\n{body}\n{}\n",
        "President Minister Said ".repeat(20_000)
    );
    let (code, records, stderr, secs) = parse_file("caps.txt", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 1);
    assert!(secs < 60.0, "capitalised words took {secs:.1}s");
}

#[test]
fn nul_bytes_are_a_clear_refusal() {
    let (code, records, stderr, _) =
        parse_file("nul.txt", b"Head line\nBody \x00 with a NUL.\n", &[]);
    assert_eq!((code, records.len()), (3, 0));
    assert!(
        stderr.contains("nul.txt: binary file, not text"),
        "{stderr}"
    );
}

#[test]
fn control_and_invisible_characters_stay_valid_json() {
    let text = "Head\u{7} line \u{202e}reversed\u{202c} and zero\u{200d}width\n\
                Body with \u{1b}[31mescape\u{1b}[0m, a tab\tand RTL \u{200f}mark.\n";
    let (code, records, stderr, _) = parse_file("ctl.txt", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let r = &records[0];
    assert_eq!(
        r["headline"],
        "Head\u{7} line \u{202e}reversed\u{202c} and zero\u{200d}width"
    );
    assert!(r["body"][0].as_str().unwrap().contains("\u{1b}[31mescape"));
}

#[test]
fn ten_thousand_character_names_do_not_break_anything() {
    let name = format!("Z{}", "a".repeat(10_000));
    let text = format!(
        "Talks on names\n{name} {name} meets {name}.\n{name} {name} said: \"This is a long statement here.\"\n"
    );
    let (code, records, stderr, secs) = parse_file("names.txt", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 1);
    assert!(secs < 30.0);
}

#[test]
fn a_file_deleted_between_listing_and_reading_is_reported() {
    // Simulated: the path is listed on the command line but gone when read.
    newsarc()
        .args(["parse", "gone-before-read.txt"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "gone-before-read.txt: no such file or folder",
        ));
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_while_writing_the_archive_is_a_clear_error_and_the_archive_stays_whole() {
    let dir = generated_tree(300, |i| {
        (
            format!("{i:04}.txt"),
            format!(
                "Harbour story number {i}\n{}\n",
                format!("Paragraph {i} about ferries and tides. ").repeat(60)
            ),
        )
    });
    let archive = dir.path().join("a.db");
    let bin = assert_cmd::cargo::cargo_bin("newsarc");
    // 1 MiB file-size limit: the archive outgrows it within the first batch.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1024; exec '{}' ingest --quiet --archive '{}' '{}'",
            bin.display(),
            archive.display(),
            dir.path().display()
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "killed by SIGXFSZ or wrong code: {stderr}"
    );
    assert!(stderr.contains("could not write"), "{stderr}");
    newsarc()
        .args(["check", "--archive"])
        .arg(&archive)
        .assert()
        .success()
        .stdout(predicate::str::contains("integrity check passed"));
    // Without the limit the same ingest completes.
    newsarc()
        .args(["ingest", "--quiet", "--archive"])
        .arg(&archive)
        .arg(dir.path())
        .assert()
        .success();
    let out = newsarc()
        .args(["list", "--format", "ndjson", "--archive"])
        .arg(&archive)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        300
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_named_and_the_batch_goes_on() {
    // Tests may run as root, whom permission bits do not stop; /proc/self/mem opens but fails
    // on its first read, which is the case that matters: the read, not the open, fails.
    let dir = tree(&[("ok.txt", b"Head\nBody.\n")]);
    let out = newsarc()
        .args(["parse", "--format", "ndjson", "/proc/self/mem"])
        .arg(dir.path().join("ok.txt"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "newsarc: /proc/self/mem: input/output error",
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}
