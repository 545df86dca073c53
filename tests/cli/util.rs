//! Test harness: run the binary, make temporary trees of articles.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The newsarc binary under test, with a clean environment for the archive.
pub fn newsarc() -> Command {
    let mut cmd = Command::cargo_bin("newsarc").unwrap();
    cmd.env_remove("NEWSARC_ARCHIVE").env("NO_COLOR", "1");
    cmd
}

/// The repository's fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// A temporary folder holding the given files (paths relative to it, parents created).
pub fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

/// Parses a stream of JSON values (pretty or ndjson) from stdout.
pub fn json_values(stdout: &[u8]) -> Vec<serde_json::Value> {
    serde_json::Deserializer::from_slice(stdout)
        .into_iter::<serde_json::Value>()
        .map(Result::unwrap)
        .collect()
}

/// A temporary folder of `n` generated articles: `make(i)` gives each one's path and text.
pub fn generated_tree(n: usize, make: impl Fn(usize) -> (String, String)) -> tempfile::TempDir {
    let files: Vec<(String, String)> = (0..n).map(make).collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    tree(&refs)
}

/// The keys the parser fills (the analysis keys aside), for comparing records with expectations.
pub const PARSE_KEYS: [&str; 11] = [
    "layout",
    "headline",
    "standfirst",
    "section",
    "agency",
    "byline",
    "dateline",
    "published",
    "modified",
    "body",
    "related",
];

/// Every key a record carries, wire text or web page alike.
pub const ALL_KEYS: [&str; 18] = [
    "id",
    "source",
    "layout",
    "headline",
    "standfirst",
    "section",
    "agency",
    "byline",
    "dateline",
    "published",
    "modified",
    "body",
    "related",
    "people",
    "countries",
    "organizations",
    "quotes",
    "dates",
];
