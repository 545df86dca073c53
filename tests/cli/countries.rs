use crate::archive_util::*;
use crate::util::*;

#[test]
fn by_articles() {
    let (_d, db) = seeded();
    let out = on(&db, "countries").output().unwrap();
    let rows = json_values(&out.stdout);
    let got: Vec<(String, i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_owned(),
                r["articles"].as_i64().unwrap(),
                r["mentions"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("CU".to_owned(), 2, 4), ("RU".to_owned(), 1, 2)]);
    let since = on(&db, "countries")
        .args(["--since", "2026-02-01", "--format", "table"])
        .output()
        .unwrap();
    let text = stdout_of(&since);
    assert!(text.starts_with("CODE  NAME"), "{text}");
    assert!(text.contains("CU    Cuba"), "{text}");
    assert!(!text.contains("RU"), "{text}");
    on(&db, "countries")
        .args(["--agency", "afp"])
        .assert()
        .code(1);
}
