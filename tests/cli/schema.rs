use crate::util::*;

#[test]
fn schema_describes_every_record_key() {
    let out = newsarc()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let schema: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let props = schema["properties"].as_object().expect("properties");
    for key in ALL_KEYS {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"headline"));
}
