//! Whole-article fixtures under `fixtures/extract/`: articles written for these tests (invented
//! people), parsed and analysed; people, countries and attributed quotes must match the
//! hand-checked `*.expected.json` beside each article.

use crate::parse::{Options, parse_text};
use serde_json::Value;

const FIXTURES: &[(&str, &str, &str)] = &[
    (
        "reuters-border",
        include_str!("../../fixtures/extract/reuters-border.txt"),
        include_str!("../../fixtures/extract/reuters-border.expected.json"),
    ),
    (
        "ap-storm",
        include_str!("../../fixtures/extract/ap-storm.txt"),
        include_str!("../../fixtures/extract/ap-storm.expected.json"),
    ),
    (
        "anadolu-guinea-ports",
        include_str!("../../fixtures/extract/anadolu-guinea-ports.txt"),
        include_str!("../../fixtures/extract/anadolu-guinea-ports.expected.json"),
    ),
    (
        "afp-sahel",
        include_str!("../../fixtures/extract/afp-sahel.txt"),
        include_str!("../../fixtures/extract/afp-sahel.expected.json"),
    ),
    (
        "tass-transit",
        include_str!("../../fixtures/extract/tass-transit.txt"),
        include_str!("../../fixtures/extract/tass-transit.expected.json"),
    ),
    (
        "yonhap-reunions",
        include_str!("../../fixtures/extract/yonhap-reunions.txt"),
        include_str!("../../fixtures/extract/yonhap-reunions.expected.json"),
    ),
];

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn fixtures_match_expectations() {
    for (name, text, expected) in FIXTURES {
        let want: Value = serde_json::from_str(expected).expect("expected json");
        let mut record = parse_text(text, name, &Options::default()).expect("parses");
        super::analyze(&mut record);
        let people: Vec<String> = record.people.iter().map(|p| p.name.clone()).collect();
        assert_eq!(people, strings(&want["people"]), "{name}: people");
        let mut codes: Vec<String> = record.countries.iter().map(|c| c.code.clone()).collect();
        let mut want_codes = strings(&want["countries"]);
        codes.sort();
        want_codes.sort();
        assert_eq!(codes, want_codes, "{name}: countries");
        let quotes: Vec<(String, Option<String>)> = record
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect();
        let want_quotes: Vec<(String, Option<String>)> = want["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .map(|q| {
                (
                    q["text"].as_str().unwrap_or_default().to_string(),
                    q["speaker"].as_str().map(str::to_string),
                )
            })
            .collect();
        assert_eq!(quotes, want_quotes, "{name}: quotes");
    }
}

fn record(body: Vec<String>, published: Option<&str>) -> crate::record::Record {
    serde_json::from_value(serde_json::json!({
        "id": "x", "source": "x", "layout": "generic", "headline": "Ana Ruiz “says” ‘no’",
        "standfirst": null, "section": null, "agency": null, "byline": [], "dateline": null,
        "published": published, "modified": null,
        "body": body, "related": [], "people": [], "countries": [], "organizations": [],
        "quotes": [], "dates": []
    }))
    .expect("record")
}

#[test]
fn large_inputs_stay_linear() {
    let started = std::time::Instant::now();
    // 500,000 capitalised words, 10,000 unmatched marks of each kind, a long name-like chain
    let body = vec![
        "Ana Kesh ".repeat(250_000),
        "\"".repeat(10_001),
        "“ said ".repeat(10_000),
        "‘x ".repeat(10_000),
        "al-Sisi bin von der ".repeat(20_000),
        "He said. ".repeat(20_000),
        // quotes whose pronoun speakers chain back through one long sentence
        "he said \"we will go there now\" and ".repeat(5_000),
    ];
    let mut r = record(body, Some("2025-01-01"));
    super::analyze(&mut r);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn analyze_never_panics(paras in proptest::collection::vec("[A-Za-zÀ-ÿ'’‘“”\" .,:;!?()\\-0-9\u{301}]{0,120}", 0..6)) {
            let mut r = super::record(paras, Some("2025-06-15"));
            super::super::analyze(&mut r);
        }
    }
}
