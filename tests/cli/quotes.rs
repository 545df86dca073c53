use crate::archive_util::*;
use crate::util::*;

#[test]
fn by_speaker() {
    let (_d, db) = seeded();
    let out = on(&db, "quotes")
        .args(["--speaker", "Viktor Harlan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = json_values(&out.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["text"], "Oil will flow");
    assert_eq!(rows[0]["id"], "1111aaaa00000001");
    let all = on(&db, "quotes").output().unwrap();
    let rows = json_values(&all.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["speaker"], "Ana Perez", "newest first");
    on(&db, "quotes")
        .args(["--speaker", "Harlanski"])
        .assert()
        .code(1);
}
