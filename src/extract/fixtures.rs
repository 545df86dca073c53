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
