use crate::archive_util::*;
use crate::util::*;

#[test]
fn most_mentioned_first_with_roles_and_dates() {
    let (_d, db) = seeded();
    let out = on(&db, "people").args(["--top", "20"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = json_values(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "Viktor Harlan");
    assert_eq!(rows[0]["mentions"], 4);
    assert_eq!(rows[0]["articles"], 2);
    assert_eq!(rows[0]["first_seen"], "2026-01-05");
    assert_eq!(rows[0]["last_seen"], "2026-02-10");
    let roles: Vec<&str> = rows[0]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(roles, ["President", "Russian leader"]);
    let top1 = on(&db, "people").args(["--top", "1"]).output().unwrap();
    assert_eq!(json_values(&top1.stdout).len(), 1);
}

#[test]
fn filtered() {
    let (_d, db) = seeded();
    let out = on(&db, "people")
        .args(["--since", "2026-02-01", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        "name,mentions,articles,roles,first_seen,last_seen\r\nViktor Harlan,1,1,Russian leader,2026-02-10,2026-02-10\r\n"
    );
    on(&db, "people").args(["--country", "FR"]).assert().code(1);
}
