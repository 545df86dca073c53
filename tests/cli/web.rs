//! Articles from the web: saved HTML pages, URLs fetched from a local test server, RSS and Atom
//! feeds. Nothing here touches the internet: every URL points at a server the test starts on
//! 127.0.0.1.

use crate::util::*;
use predicates::prelude::*;
use serde_json::Value;

const PARSE_KEYS: [&str; 11] = [
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
const ALL_KEYS: [&str; 18] = [
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

fn records(args: &[&str]) -> Vec<Value> {
    let out = newsarc()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    json_values(&out)
}

#[test]
fn every_html_fixture_gives_its_checked_record() {
    let dir = fixture("html");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if !(name.ends_with(".html") || name.ends_with(".htm")) {
            continue;
        }
        let stem = name.rsplit_once('.').unwrap().0;
        let expected: Value = serde_json::from_slice(
            &std::fs::read(dir.join(format!("{stem}.expected.json"))).unwrap(),
        )
        .unwrap();
        let got = records(&["parse", path.to_str().unwrap()]);
        assert_eq!(got.len(), 1);
        for key in PARSE_KEYS {
            assert_eq!(got[0][key], expected[key], "{name}: {key}");
        }
        let mut keys: Vec<&str> = got[0]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let mut want = ALL_KEYS.to_vec();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want, "{name}");
        assert_eq!(got[0]["source"], path.to_str().unwrap());
        assert_eq!(got[0]["id"].as_str().unwrap().len(), 16);
        seen += 1;
    }
    assert!(seen >= 4, "only {seen} html fixtures");
}

#[test]
fn folders_mix_text_and_pages() {
    let page = std::fs::read(fixture("html/opengraph-divs.html")).unwrap();
    let old = std::fs::read(fixture("html/visible-only-cp1252.htm")).unwrap();
    let text = std::fs::read(fixture("layouts/reuters.txt")).unwrap();
    let dir = tree(&[
        ("a/page.html", &page),
        ("b/old.HTM", &old),
        ("c/wire.txt", &text),
        ("d/notes.md", b"# not an article"),
    ]);
    let got = records(&["parse", "--format", "ndjson", dir.path().to_str().unwrap()]);
    let layouts: Vec<&str> = got.iter().map(|r| r["layout"].as_str().unwrap()).collect();
    assert_eq!(layouts, ["html", "html", "reuters"]);
}

#[test]
fn html_on_standard_input_is_sniffed() {
    let page = std::fs::read(fixture("html/jsonld-article.html")).unwrap();
    let out = newsarc()
        .args(["parse", "-"])
        .write_stdin(page)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got = json_values(&out);
    assert_eq!(got[0]["layout"], "html");
    assert_eq!(got[0]["source"], "-");
    assert_eq!(got[0]["dateline"], "PORTO");
}

#[test]
fn a_page_with_no_article_fails_alone() {
    let page = std::fs::read(fixture("html/jsonld-itemprop.html")).unwrap();
    let dir = tree(&[
        (
            "1.html",
            b"<!doctype html><title>Index</title><nav><p>Home</p></nav>",
        ),
        ("2.html", &page),
    ]);
    newsarc()
        .args(["parse", dir.path().to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "1.html: no article in the page: no paragraphs of article text",
        ))
        .stdout(predicate::str::contains("Rail & bus passes"));
}
