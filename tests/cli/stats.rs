use crate::archive_util::*;

#[test]
fn counts_by_group() {
    let (_d, db) = seeded();
    let out = on(&db, "stats").args(["--format", "csv"]).output().unwrap();
    assert_eq!(
        stdout_of(&out),
        "group,key,count\r\n\
         total,articles,3\r\ntotal,revisions,0\r\ntotal,people,2\r\ntotal,quotes,2\r\n\
         agency,Anadolu Agency,2\r\nagency,Reuters,1\r\n\
         layout,generic,3\r\n\
         day,2025-12-01,1\r\nday,2026-01-05,1\r\nday,2026-02-10,1\r\n"
    );
    on(&db, "stats")
        .args(["--since", "2030-01-01"])
        .assert()
        .code(1);
}
