//! Unit tests of the archive: opening and migrations, refusal of what is not ours, the
//! revision rule, filters, search, summaries and the integrity check.

use super::open::open;
use super::*;
use crate::record::{Country, Person, Quote, QuoteKind, Record};
use std::path::PathBuf;

fn rec(id: &str, headline: &str, body: &str) -> Record {
    Record {
        id: id.into(),
        source: format!("{id}.txt"),
        layout: "anadolu".into(),
        headline: headline.into(),
        standfirst: None,
        section: Some("World".into()),
        agency: Some("Anadolu Agency".into()),
        byline: vec![],
        dateline: None,
        published: Some("2026-01-21T09:53:00+03:00".into()),
        modified: None,
        body: vec![body.into()],
        related: vec![],
        people: vec![],
        countries: vec![],
        organizations: vec![],
        quotes: vec![],
        dates: vec![],
    }
}

fn person(name: &str, mentions: u32, roles: &[&str]) -> Person {
    Person {
        name: name.into(),
        aliases: vec![],
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions,
    }
}

fn country(code: &str, name: &str) -> Country {
    Country {
        code: code.into(),
        name: name.into(),
        mentions: 1,
    }
}

fn quote(speaker: &str, text: &str) -> Quote {
    Quote {
        text: text.into(),
        speaker: Some(speaker.into()),
        paragraph: 0,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
    }
}

struct Tmp {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn tmp() -> Tmp {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    Tmp { _dir: dir, path }
}

fn store_all(a: &mut Archive, records: &[Record]) -> Vec<Outcome> {
    let refs: Vec<&Record> = records.iter().collect();
    a.store(&refs).unwrap()
}

/// Every stored record's JSON as `export` gives it, in ingest order.
fn exported(a: &Archive) -> Vec<String> {
    let mut out = Vec::new();
    a.export(&Filter::default(), false, |json| -> Result<(), ()> {
        out.push(json.to_owned());
        Ok(())
    })
    .unwrap()
    .unwrap();
    out
}

/// A small archive: three stories, people, countries and quotes.
fn sample(t: &Tmp) -> Archive {
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let mut r1 = rec(
        "aaaa000000000001",
        "Harlan meets envoy over oil sanctions",
        "The talks on oil sanctions went on.",
    );
    r1.people = vec![person("Viktor Harlan", 3, &["President"])];
    r1.countries = vec![country("RU", "Russia"), country("CU", "Cuba")];
    r1.quotes = vec![quote("Viktor Harlan", "We will see")];
    r1.published = Some("2026-01-10T10:00:00+03:00".into());
    let mut r2 = rec(
        "aaaa000000000002",
        "Ferry fares rise",
        "Ferry operators in Havana raised fares. Oil costs more.",
    );
    r2.agency = Some("Reuters".into());
    r2.layout = "reuters".into();
    r2.countries = vec![country("CU", "Cuba")];
    r2.people = vec![
        person("Marco Ruiz-Vidal", 1, &["President"]),
        person("Viktor Harlan", 1, &[]),
    ];
    r2.published = Some("2025-12-31T23:00:00".into());
    let mut r3 = rec(
        "bbbb000000000003",
        "Harvest festival opens",
        "Farmers gathered.",
    );
    r3.published = Some("2026-02-01".into());
    r3.quotes = vec![quote("Ali Veli", "A good year")];
    store_all(&mut a, &[r1, r2, r3]);
    a
}

#[test]
fn fresh_archive_is_created_at_the_latest_version_in_wal_mode() {
    let t = tmp();
    let a = Archive::open(&t.path, Mode::Write).unwrap();
    assert_eq!(a.version().unwrap(), schema::latest_version());
    let mode: String = a
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app: i32 = a
        .conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, schema::APPLICATION_ID);
}

fn compiled_with(option: &str) -> bool {
    let t = tmp();
    let a = Archive::open(&t.path, Mode::Write).unwrap();
    let n: i64 = a
        .conn
        .query_row(
            "SELECT count(*) FROM pragma_compile_options WHERE compile_options = ?1",
            [option],
            |r| r.get(0),
        )
        .unwrap();
    n == 1
}

#[test]
fn fts5_is_compiled_in() {
    assert!(compiled_with("ENABLE_FTS5"));
}

/// `.cargo/config.toml` passes this to the bundled SQLite's build (see the reason there).
#[test]
fn sqlite_keeps_no_memory_statistics() {
    assert!(compiled_with("DEFAULT_MEMSTATUS=0"));
    assert!(!compiled_with("NO_SUCH_OPTION"));
}

#[test]
fn missing_archive_is_refused_for_reading_and_created_for_writing() {
    let t = tmp();
    assert!(matches!(
        Archive::open(&t.path, Mode::Read),
        Err(ArchiveError::Missing(_))
    ));
    assert!(!t.path.exists());
    let nested = t.path.parent().unwrap().join("x/y/a.db");
    Archive::open(&nested, Mode::Write).unwrap();
    assert!(nested.exists());
}

/// Writes the texts, revision and search rows of article `key` as versions 1 and 2 wrote them
/// (the whole record as JSON, body included).
fn insert_texts_as_before(a: &Archive, key: i64, story: i64, r: &Record) {
    let body = r.body.join("\n\n");
    let json = serde_json::to_string(r).unwrap();
    a.conn
        .execute(
            "INSERT INTO texts (key, headline, body, record) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![key, r.headline, body, json],
        )
        .unwrap();
    a.conn
        .execute(
            "INSERT INTO revisions (article, story) VALUES (?1, ?2)",
            [key, story],
        )
        .unwrap();
    a.conn
        .execute(
            "INSERT INTO fts (rowid, headline, body) VALUES (?1, ?2, ?3)",
            rusqlite::params![key, r.headline, body],
        )
        .unwrap();
}

#[test]
fn forward_migration_keeps_the_data() {
    let t = tmp();
    // A version-1 archive, its rows written as version 1 wrote them: an older revision and the
    // newest of one story, and another article.
    {
        let a = open(&t.path, Mode::Write, &schema::MIGRATIONS[..1]).unwrap();
        assert_eq!(a.version().unwrap(), 1);
        let mut old = rec("aaaa000000000001", "Talks", "Talks began.");
        old.countries = vec![country("CU", "Cuba")];
        let mut new = rec("aaaa000000000002", "Talks", "Talks began. They ended.");
        new.modified = Some("2026-01-21T12:00:00+03:00".into());
        new.countries = vec![country("CU", "Cuba"), country("RU", "Russia")];
        let mut other = rec("bbbb000000000003", "Harvest", "Farmers gathered.");
        other.countries = vec![country("CU", "Cuba")];
        other.published = Some("2026-02-01".into());
        for (r, latest, story) in [(&old, 0, 1), (&new, 1, 1), (&other, 1, 3)] {
            a.conn
                .execute(
                    "INSERT INTO articles (id, latest, source, layout, agency, headline, published,
                        modified, day, time_key, n_people, n_countries, n_quotes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, 0)",
                    rusqlite::params![
                        r.id,
                        latest,
                        r.source,
                        r.layout,
                        r.agency,
                        r.headline,
                        r.published,
                        r.modified,
                        r.published.as_deref().and_then(time::day),
                        r.published.as_deref().and_then(time::sort_key),
                        r.countries.len() as i64
                    ],
                )
                .unwrap();
            let key = a.conn.last_insert_rowid();
            insert_texts_as_before(&a, key, story, r);
            for c in &r.countries {
                a.conn
                    .execute(
                        "INSERT INTO countries (article, code, name, count) VALUES (?1, ?2, ?3, ?4)",
                        rusqlite::params![key, c.code, c.name, c.mentions],
                    )
                    .unwrap();
            }
        }
    }
    // This release migrates it forward: the totals are filled from the stored rows.
    {
        let mut a = Archive::open(&t.path, Mode::Read).unwrap();
        assert_eq!(a.version().unwrap(), schema::latest_version());
        let c = a.countries(&Filter::default(), None).unwrap();
        let got: Vec<(&str, i64, i64)> = c
            .iter()
            .map(|c| (c.code.as_str(), c.articles, c.mentions))
            .collect();
        assert_eq!(got, [("CU", 2, 2), ("RU", 1, 1)]);
        assert_eq!(c[0].first_seen.as_deref(), Some("2026-01-21"));
        assert_eq!(c[0].last_seen.as_deref(), Some("2026-02-01"));
        assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
        assert_eq!(
            a.show("aaaa000000000001").unwrap().newest().id,
            "aaaa000000000002"
        );
        let mut more = rec("cccc000000000004", "New", "Stored after the migration.");
        more.countries = vec![country("RU", "Russia")];
        store_all(&mut a, &[more]);
        assert!(a.check().unwrap().is_ok());
    }
    // And the next release's migration will find everything in place.
    let next: Vec<&str> = schema::MIGRATIONS
        .iter()
        .copied()
        .chain([
            "ALTER TABLE articles ADD COLUMN note TEXT; UPDATE articles SET note = 'migrated';",
        ])
        .collect();
    let a = open(&t.path, Mode::Read, &next).unwrap();
    assert_eq!(a.version().unwrap(), schema::latest_version() + 1);
    let note: String = a
        .conn
        .query_row(
            "SELECT note FROM articles WHERE id = 'bbbb000000000003'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(note, "migrated");
    assert_eq!(a.list(&Filter::default(), None).unwrap().len(), 3);
}

#[test]
fn newer_archive_is_refused_and_left_untouched() {
    let t = tmp();
    {
        let a = Archive::open(&t.path, Mode::Write).unwrap();
        a.conn.pragma_update(None, "user_version", 99).unwrap();
        a.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        a.conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let before = std::fs::read(&t.path).unwrap();
    for mode in [Mode::Read, Mode::Write] {
        match Archive::open(&t.path, mode) {
            Err(e @ ArchiveError::TooNew { found: 99, .. }) => {
                assert!(
                    e.to_string().contains("newer than this newsarc knows"),
                    "{e}"
                );
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
    }
    assert_eq!(
        std::fs::read(&t.path).unwrap(),
        before,
        "the archive was modified"
    );
    let wal = t.path.with_file_name("a.db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
}

#[test]
fn files_that_are_not_archives_are_refused() {
    let t = tmp();
    let dir = t.path.parent().unwrap();
    std::fs::write(&t.path, "Headline\nThis is an article, not a database.\n").unwrap();
    let e = Archive::open(&t.path, Mode::Write).unwrap_err();
    assert!(matches!(e, ArchiveError::NotAnArchive { .. }), "{e:?}");
    assert!(e.to_string().contains("not an SQLite database"), "{e}");
    assert_eq!(
        std::fs::read_to_string(&t.path).unwrap(),
        "Headline\nThis is an article, not a database.\n"
    );

    let other = dir.join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let e = Archive::open(&other, Mode::Write).unwrap_err();
    assert!(e.to_string().contains("another program"), "{e}");

    assert!(matches!(
        Archive::open(dir, Mode::Read),
        Err(ArchiveError::IsFolder(_))
    ));
}

#[test]
fn truncated_and_overwritten_archives_are_refused() {
    let t = tmp();
    {
        let mut a = sample(&t);
        let many: Vec<Record> = (0..300)
            .map(|i| {
                rec(
                    &format!("cccc{i:012}"),
                    &format!("Story {i}"),
                    &"Long body text. ".repeat(50),
                )
            })
            .collect();
        store_all(&mut a, &many);
        a.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let full = std::fs::read(&t.path).unwrap();
    std::fs::write(&t.path, &full[..full.len() / 2]).unwrap();
    let e = Archive::open(&t.path, Mode::Read).unwrap_err();
    assert!(matches!(e, ArchiveError::Damaged { .. }), "{e:?}");
    assert!(e.to_string().contains("truncated"), "{e}");

    // Garbage over the pages after the header: opens, but fails the check or reads as damaged.
    let mut garbage = full.clone();
    for (i, b) in garbage.iter_mut().enumerate().skip(4096) {
        *b = (i * 7 + 3) as u8;
    }
    std::fs::write(&t.path, &garbage).unwrap();
    match Archive::open(&t.path, Mode::Read) {
        Err(e) => assert!(
            matches!(
                e,
                ArchiveError::Damaged { .. } | ArchiveError::NotAnArchive { .. }
            ),
            "{e:?}"
        ),
        Ok(a) => match a.check() {
            Ok(report) => assert!(!report.is_ok()),
            Err(e) => assert!(matches!(e, ArchiveError::Damaged { .. }), "{e:?}"),
        },
    }
}

#[test]
fn duplicates_are_skipped() {
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let r = rec("aaaa000000000001", "Once", "Only once.");
    assert_eq!(
        store_all(&mut a, &[r.clone(), r.clone()]),
        vec![Outcome::Stored, Outcome::Duplicate]
    );
    assert_eq!(store_all(&mut a, &[r]), vec![Outcome::Duplicate]);
    assert_eq!(a.check().unwrap().articles, 1);
}

#[test]
fn revision_rule() {
    // (what changes in the second version, expected outcome of storing it)
    type Change = fn(&mut Record);
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "same agency and headline, later modified",
            |r| r.source = "elsewhere.txt".into(),
            "revision",
        ),
        (
            "same source, later modified, new headline",
            |r| {
                r.source = "aaaa000000000001.txt".into();
                r.headline = "Talks collapse".into();
            },
            "revision",
        ),
        (
            "other agency and source",
            |r| {
                r.source = "x.txt".into();
                r.agency = Some("Reuters".into());
            },
            "stored",
        ),
        ("no modified time", |r| r.modified = None, "stored"),
        (
            "modified before the stored one",
            |r| r.modified = Some("2026-01-21T08:00:00+03:00".into()),
            "stored",
        ),
        (
            "same body",
            |r| {
                r.body = vec!["Talks began.".into()];
                r.standfirst = Some("New standfirst".into());
            },
            "stored",
        ),
    ];
    for (what, change, want) in cases {
        let t = tmp();
        let mut a = Archive::open(&t.path, Mode::Write).unwrap();
        let first = rec("aaaa000000000001", "Talks begin", "Talks began.");
        let mut second = rec(
            "aaaa000000000002",
            "Talks begin",
            "Talks began. Then they paused.",
        );
        second.modified = Some("2026-01-21T11:00:00+03:00".into());
        change(&mut second);
        store_all(&mut a, &[first]);
        let got = store_all(&mut a, &[second]);
        let got = match &got[0] {
            Outcome::Revision { of } => {
                assert_eq!(of, "aaaa000000000001");
                "revision"
            }
            Outcome::Stored => "stored",
            other => panic!("{what}: {other:?}"),
        };
        assert_eq!(got, want, "{what}");
        let listed = a.list(&Filter::default(), None).unwrap();
        assert_eq!(
            listed.len(),
            if want == "revision" { 1 } else { 2 },
            "{what}"
        );
        assert!(a.check().unwrap().is_ok(), "{what}");
    }
}

#[test]
fn show_gives_the_newest_and_the_history_whatever_the_arrival_order() {
    let v1 = rec("aaaa000000000001", "Quake hits coast", "A quake hit.");
    let mut v2 = rec(
        "aaaa000000000002",
        "Quake hits coast",
        "A quake hit. Ten died.",
    );
    v2.modified = Some("2026-01-21T10:30:00+03:00".into());
    let mut v3 = rec(
        "aaaa000000000003",
        "Quake hits coast",
        "A quake hit. Twelve died.",
    );
    v3.modified = Some("2026-01-21T12:00:00+03:00".into());
    for order in [[&v1, &v2, &v3], [&v3, &v1, &v2], [&v2, &v3, &v1]] {
        let t = tmp();
        let mut a = Archive::open(&t.path, Mode::Write).unwrap();
        for r in order {
            a.store(&[r]).unwrap();
        }
        for id in ["aaaa000000000001", "aaaa000000000003", "aaaa000000000002"] {
            let shown = a.show(id).unwrap();
            assert_eq!(shown.requested, id);
            assert_eq!(shown.newest().id, "aaaa000000000003");
            let ids: Vec<&str> = shown.revisions.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(
                ids,
                ["aaaa000000000001", "aaaa000000000002", "aaaa000000000003"]
            );
        }
        let listed = a.list(&Filter::default(), None).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, "aaaa000000000003");
        assert_eq!(listed[0].revisions, 3);
        assert!(a.check().unwrap().is_ok());
    }
}

#[test]
fn people_totals_follow_the_newest_revision() {
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let mut v1 = rec("aaaa000000000001", "Summit", "Harlan spoke.");
    v1.people = vec![person("Viktor Harlan", 2, &["President"])];
    let mut v2 = rec(
        "aaaa000000000002",
        "Summit",
        "Harlan spoke twice. Harlan left.",
    );
    v2.modified = Some("2026-01-21T12:00:00+03:00".into());
    v2.people = vec![person("Viktor Harlan", 5, &["Russian President"])];
    v1.countries = vec![country("CU", "Cuba")];
    v2.countries = vec![country("CU", "Cuba"), country("RU", "Russia")];
    store_all(&mut a, &[v1]);
    store_all(&mut a, &[v2]);
    let c = a.countries(&Filter::default(), None).unwrap();
    let got: Vec<(&str, i64)> = c.iter().map(|c| (c.code.as_str(), c.articles)).collect();
    assert_eq!(
        got,
        [("CU", 1), ("RU", 1)],
        "totals follow the newest revision"
    );
    assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
    // Totals that disagree with the rows are reported.
    a.conn
        .execute(
            "UPDATE country_totals SET articles = 7 WHERE code = 'RU'",
            [],
        )
        .unwrap();
    assert!(
        a.check()
            .unwrap()
            .problems
            .iter()
            .any(|p| p.contains("country RU"))
    );
    a.conn
        .execute(
            "UPDATE country_totals SET articles = 1 WHERE code = 'RU'",
            [],
        )
        .unwrap();
    let top = a.people(&Filter::default(), Some(10)).unwrap();
    assert_eq!(top.len(), 1);
    assert_eq!((top[0].mentions, top[0].articles), (5, 1));
    // The filtered path computes the same from the mentions.
    let f = Filter {
        agency: Some("anadolu".into()),
        ..Filter::default()
    };
    let filtered = a.people(&f, Some(10)).unwrap();
    assert_eq!((filtered[0].mentions, filtered[0].articles), (5, 1));
    assert_eq!(filtered[0].first_seen.as_deref(), Some("2026-01-21"));
}

/// The running totals of people and countries are gathered per transaction and written at its
/// end; a batch holding a story's revisions (newer and older ones, in any order) must leave the
/// same totals as storing the records one by one, and totals that agree with the rows.
#[test]
fn totals_of_one_batch_equal_totals_of_one_record_at_a_time() {
    let mut records = Vec::new();
    let names = ["Viktor Harlan", "Marco Ruiz-Vidal", "Ali Veli"];
    let codes = [("RU", "Russia"), ("CU", "Cuba"), ("TR", "Turkey")];
    for i in 0..12u32 {
        let mut r = rec(
            &format!("aaaa{i:012}"),
            &format!("Story {}", i % 4),
            &format!("Body of version {i}."),
        );
        r.source = format!("story-{}.txt", i % 4);
        let day = 10 + (i * 7) % 13;
        r.published = Some(format!("2026-01-{day:02}T09:00:00+03:00"));
        // Every story's second and third versions carry a modified time: one later than the
        // first's (a revision), one earlier than the second's (an earlier revision, arriving
        // after the newer one when i / 4 == 2).
        if i >= 4 {
            let hour = if i >= 8 { 10 } else { 12 };
            r.modified = Some(format!("2026-01-{day:02}T{hour}:00:00+03:00"));
        }
        r.people = (0..=(i as usize % 3))
            .map(|k| person(names[(i as usize + k) % 3], 1 + i % 2, &["Minister"]))
            .collect();
        r.countries = (0..=(i as usize % 2))
            .map(|k| country(codes[(i as usize + k) % 3].0, codes[(i as usize + k) % 3].1))
            .collect();
        records.push(r);
    }
    let t1 = tmp();
    let mut batch = Archive::open(&t1.path, Mode::Write).unwrap();
    let together = store_all(&mut batch, &records);
    let t2 = tmp();
    let mut single = Archive::open(&t2.path, Mode::Write).unwrap();
    let apart: Vec<Outcome> = records
        .iter()
        .flat_map(|r| store_all(&mut single, std::slice::from_ref(r)))
        .collect();
    assert_eq!(together, apart);
    assert!(
        together
            .iter()
            .any(|o| matches!(o, Outcome::Revision { .. })),
        "the records hold revisions: {together:?}"
    );
    type Row = (String, i64, i64, Option<String>, Option<String>);
    let rows = |a: &Archive, sql: &str| -> Vec<Row> {
        let mut st = a.conn.prepare(sql).unwrap();
        st.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let people = "SELECT name, mentions, articles, first_seen, last_seen FROM people ORDER BY name";
    let countries =
        "SELECT code, mentions, articles, first_seen, last_seen FROM country_totals ORDER BY code";
    assert_eq!(rows(&batch, people), rows(&single, people));
    assert_eq!(rows(&batch, countries), rows(&single, countries));
    assert_eq!(rows(&batch, people).len(), 3);
    for a in [&batch, &single] {
        assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
        // First and last seen span every stored version that names the person.
        let seen = "SELECT p.name, 0, 0, MIN(a.day), MAX(a.day) FROM people p
                    JOIN mentions m ON m.person = p.key JOIN articles a ON a.key = m.article
                    GROUP BY p.name ORDER BY p.name";
        let stored: Vec<Row> = rows(a, people)
            .into_iter()
            .map(|(n, _, _, f, l)| (n, 0, 0, f, l))
            .collect();
        assert_eq!(stored, rows(a, seen));
    }
}

#[test]
fn people_ranked_with_roles() {
    let t = tmp();
    let a = sample(&t);
    let top = a.people(&Filter::default(), Some(20)).unwrap();
    let names: Vec<(&str, i64, i64)> = top
        .iter()
        .map(|p| (p.name.as_str(), p.mentions, p.articles))
        .collect();
    assert_eq!(names, [("Viktor Harlan", 4, 2), ("Marco Ruiz-Vidal", 1, 1)]);
    assert_eq!(top[0].roles, ["President"]);
    assert_eq!(top[0].first_seen.as_deref(), Some("2025-12-31"));
    assert_eq!(top[0].last_seen.as_deref(), Some("2026-01-10"));
    assert_eq!(a.people(&Filter::default(), Some(1)).unwrap().len(), 1);
}

#[test]
fn filters() {
    let t = tmp();
    let a = sample(&t);
    let ids = |f: Filter| -> Vec<String> {
        a.list(&f, None)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let day = |s: &str| Some(time::Bound::parse(s).unwrap());
    assert_eq!(
        ids(Filter::default()),
        ["bbbb000000000003", "aaaa000000000001", "aaaa000000000002"],
        "newest first"
    );
    let cases: Vec<(Filter, Vec<&str>)> = vec![
        (
            Filter {
                since: day("2026-01-01"),
                ..Filter::default()
            },
            vec!["bbbb000000000003", "aaaa000000000001"],
        ),
        (
            Filter {
                until: day("2026-01-10"),
                ..Filter::default()
            },
            vec!["aaaa000000000001", "aaaa000000000002"],
        ),
        (
            Filter {
                since: day("2026-01-10T07:00:00Z"),
                ..Filter::default()
            },
            vec!["bbbb000000000003", "aaaa000000000001"],
        ),
        (
            Filter {
                since: day("2026-01-10T07:00:01Z"),
                ..Filter::default()
            },
            vec!["bbbb000000000003"],
        ),
        (
            Filter {
                country: Some("cu".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000001", "aaaa000000000002"],
        ),
        (
            Filter {
                country: Some("Russia".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000001"],
        ),
        (
            Filter {
                person: Some("harlan".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000001", "aaaa000000000002"],
        ),
        (
            Filter {
                person: Some("Ruiz-Vidal".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000002"],
        ),
        (
            Filter {
                person: Some("Put".into()),
                ..Filter::default()
            },
            vec![],
        ),
        (
            Filter {
                agency: Some("anadolu".into()),
                ..Filter::default()
            },
            vec!["bbbb000000000003", "aaaa000000000001"],
        ),
        (
            Filter {
                agency: Some("Reuters".into()),
                person: Some("Viktor Harlan".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000002"],
        ),
        (
            Filter {
                layout: Some("REUTERS".into()),
                ..Filter::default()
            },
            vec!["aaaa000000000002"],
        ),
        (
            Filter {
                country: Some("Atlantis".into()),
                ..Filter::default()
            },
            vec![],
        ),
    ];
    for (f, want) in cases {
        assert_eq!(ids(f.clone()), want, "{f:?}");
    }
    let bad = Filter {
        layout: Some("telex".into()),
        ..Filter::default()
    };
    assert!(matches!(
        a.list(&bad, None),
        Err(ArchiveError::BadFilter(_))
    ));
    assert_eq!(a.list(&Filter::default(), Some(1)).unwrap().len(), 1);
}

#[test]
fn search_ranks_marks_and_filters() {
    let t = tmp();
    let a = sample(&t);
    let hits = a.search("oil", &Filter::default(), 10).unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        ["aaaa000000000001", "aaaa000000000002"],
        "headline match ranks first"
    );
    assert!(hits[0].score >= hits[1].score);
    assert!(
        hits[0].snippet.contains("**oil**") || hits[0].snippet.contains("**Oil**"),
        "{}",
        hits[0].snippet
    );
    let near = a
        .search("oil NEAR/2 sanctions", &Filter::default(), 10)
        .unwrap();
    assert_eq!(near.len(), 1);
    let f = Filter {
        agency: Some("reuters".into()),
        ..Filter::default()
    };
    assert_eq!(a.search("oil", &f, 10).unwrap().len(), 1);
    assert!(
        a.search("nothingmatchesthis", &Filter::default(), 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(a.search("Havana", &Filter::default(), 10).unwrap().len(), 1);
    for bad in ["oil AND", "(oil", "nosuchcolumn:oil", "   "] {
        match a.search(bad, &Filter::default(), 10) {
            Err(e @ ArchiveError::BadQuery { .. }) => {
                let msg = e.to_string();
                assert!(msg.starts_with("bad search query"), "{msg}");
                assert!(!msg.contains("SqliteFailure"), "{msg}");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn countries_quotes_and_stats() {
    let t = tmp();
    let a = sample(&t);
    let c = a.countries(&Filter::default(), None).unwrap();
    let codes: Vec<(&str, i64)> = c.iter().map(|c| (c.code.as_str(), c.articles)).collect();
    assert_eq!(codes, [("CU", 2), ("RU", 1)]);
    let q = a.quotes(Some("harlan"), &Filter::default(), None).unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We will see");
    assert_eq!(q[0].id, "aaaa000000000001");
    assert!(
        a.quotes(Some("Nobody"), &Filter::default(), None)
            .unwrap()
            .is_empty()
    );
    assert_eq!(a.quotes(None, &Filter::default(), None).unwrap().len(), 2);
    let stats = a.stats(&Filter::default()).unwrap();
    let get = |g: &str, k: &str| {
        stats
            .iter()
            .find(|s| s.group == g && s.key == k)
            .map(|s| s.count)
    };
    assert_eq!(get("total", "articles"), Some(3));
    assert_eq!(get("agency", "Anadolu Agency"), Some(2));
    assert_eq!(get("layout", "reuters"), Some(1));
    assert_eq!(get("day", "2026-02-01"), Some(1));
}

#[test]
fn show_by_prefix() {
    let t = tmp();
    let a = sample(&t);
    assert_eq!(a.show("bbbb").unwrap().newest().id, "bbbb000000000003");
    assert_eq!(a.show("BBBB").unwrap().newest().id, "bbbb000000000003");
    assert!(matches!(
        a.show("aaaa"),
        Err(ArchiveError::AmbiguousId { count: 2, .. })
    ));
    assert!(matches!(a.show("ffff"), Err(ArchiveError::UnknownId(_))));
    assert!(matches!(a.show("xyz"), Err(ArchiveError::BadId(_))));
    assert!(matches!(a.show(""), Err(ArchiveError::BadId(_))));
}

#[test]
fn export_returns_records_exactly() {
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let mut r = rec(
        "aaaa000000000001",
        "Quotes \"inside\" and ünïcode\u{2019}",
        "Body\twith tab.",
    );
    r.people = vec![person("Ali Veli", 1, &[])];
    r.quotes = vec![quote("Ali Veli", "Line\nbreak")];
    store_all(&mut a, std::slice::from_ref(&r));
    let mut out = Vec::new();
    let n = a
        .export(&Filter::default(), false, |json| -> Result<(), ()> {
            out.push(json.to_owned());
            Ok(())
        })
        .unwrap()
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(out[0], serde_json::to_string(&r).unwrap());
    let back: Record = serde_json::from_str(&out[0]).unwrap();
    assert_eq!(back, r);
}

/// The paragraphs are stored once (joined, for the search index) and put back into the JSON on
/// the way out; bodies that do not join and split back cleanly keep their JSON whole.
#[test]
fn bodies_stored_once_come_back_exactly() {
    let bodies: &[&[&str]] = &[
        &[
            "First paragraph.",
            "Second \"quoted\" one, ünïcode\u{2019}.",
        ],
        &["Mentions \"body\":[] in its text."],
        &[],
        &[""],
        &["a", ""],
        &["", "b"],
        &["ends in a line break\n", "next"],
        &["holds\n\na blank line"],
        &["\n\n"],
    ];
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let mut records = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        let mut r = rec(&format!("cccc{i:012}"), &format!("Story {i}"), "");
        r.source = format!("body-{i}.txt");
        r.body = body.iter().map(|p| p.to_string()).collect();
        records.push(r);
    }
    store_all(&mut a, &records);
    let out = exported(&a);
    let want: Vec<String> = records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    assert_eq!(out, want);
    for r in &records {
        assert_eq!(a.show(&r.id).unwrap().newest(), r);
    }
    // The first body is stored once: the JSON holds none of its text.
    let stored: String = a
        .conn
        .query_row(
            "SELECT t.record FROM texts t JOIN articles a ON a.key = t.key WHERE a.id = ?1",
            [&records[0].id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(stored.contains("\"body\":[]") && !stored.contains("First paragraph"));
    // JSON stored whole, as earlier releases did, still comes back as it is.
    a.conn
        .execute("UPDATE texts SET record = ?1 WHERE key = 1", [&want[0]])
        .unwrap();
    assert_eq!(exported(&a)[0], want[0]);
    assert!(a.check().unwrap().is_ok());
}

#[test]
fn check_finds_missing_rows() {
    let t = tmp();
    let a = sample(&t);
    assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
    a.conn
        .execute("DELETE FROM mentions WHERE article = (SELECT key FROM articles WHERE id = 'aaaa000000000002')", [])
        .unwrap();
    let report = a.check().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("aaaa000000000002") && p.contains("people rows")),
        "{report:?}"
    );
    a.conn
        .execute(
            "INSERT INTO fts (fts, rowid, headline, body) SELECT 'delete', t.key, t.headline, t.body FROM texts t JOIN articles a ON a.key = t.key
             WHERE a.id = 'bbbb000000000003'",
            [],
        )
        .unwrap();
    let report = a.check().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("bbbb000000000003") && p.contains("search entry")),
        "{report:?}"
    );
}

#[test]
fn concurrent_writers_in_one_process_both_finish() {
    let t = tmp();
    Archive::open(&t.path, Mode::Write).unwrap();
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let path = t.path.clone();
            std::thread::spawn(move || {
                let mut a = Archive::open(&path, Mode::Write).unwrap();
                for b in 0..20 {
                    let batch: Vec<Record> = (0..25)
                        .map(|i| {
                            let n = b * 25 + i;
                            // Half the ids are shared between the writers.
                            let id = if n % 2 == 0 {
                                format!("{n:016x}")
                            } else {
                                format!("{w}{n:015x}")
                            };
                            rec(&id, &format!("Story {id}"), &format!("Body {id}."))
                        })
                        .collect();
                    store_all(&mut a, &batch);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let a = Archive::open(&t.path, Mode::Read).unwrap();
    let report = a.check().unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(report.articles, 250 + 2 * 250);
}

/// Regression: the revision lookup scanned every newest article (the planner preferred the
/// `latest` index), so ingesting 20,000 articles took minutes. Every table access in it must be
/// a keyed search.
#[test]
fn candidate_lookup_is_two_index_searches() {
    let t = tmp();
    let a = sample(&t);
    let mut stmt = a
        .conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN {}",
            super::store::CANDIDATE_SQL
        ))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(rusqlite::params!["a", "b", "c", "d"], |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let text = plan.join("\n");
    assert!(!plan.iter().any(|l| l.starts_with("SCAN")), "{text}");
    assert!(!text.contains("latest"), "{text}");
    assert!(
        text.contains("articles_agency_headline") && text.contains("articles_source"),
        "{text}"
    );
}

#[test]
fn errors_show_what_was_typed_with_controls_escaped() {
    let t = tmp();
    let a = sample(&t);
    let e = a
        .search("oil AND \u{1b}[2J(", &Filter::default(), 5)
        .unwrap_err();
    assert!(!e.to_string().contains('\u{1b}'), "{e}");
    let e = a.show("\u{1b}[2J").unwrap_err();
    assert!(!e.to_string().contains('\u{1b}'), "{e}");
    let e = time::Bound::parse("\u{7}2026").unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad date '\\u{7}2026' (use YYYY-MM-DD or a full time like 2026-01-21T09:53:00+03:00)"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    static NEXT: AtomicU64 = AtomicU64::new(1);

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Whatever text a record holds (any Unicode, control characters, quotes), export gives
        /// back exactly the JSON ingest would print, and search never fails on its words.
        #[test]
        fn store_then_export_round_trips(
            headline in "\\PC{1,60}",
            body in proptest::collection::vec("(?s).{0,200}", 1..4),
            agency in proptest::option::of("[A-Za-z ]{1,20}"),
            speaker in "\\PC{0,30}",
        ) {
            let t = tmp();
            let mut a = Archive::open(&t.path, Mode::Write).unwrap();
            let id = format!("{:016x}", NEXT.fetch_add(1, Ordering::Relaxed));
            let mut r = rec(&id, &headline, "");
            r.body = body;
            r.agency = agency;
            r.people = vec![person(&speaker, 1, &[])];
            r.quotes = vec![quote(&speaker, &headline)];
            prop_assert_eq!(store_all(&mut a, std::slice::from_ref(&r)), vec![Outcome::Stored]);
            let out = exported(&a);
            prop_assert_eq!(out, vec![serde_json::to_string(&r).unwrap()]);
            let shown = a.show(&id).unwrap();
            prop_assert_eq!(&shown.newest().id, &id);
            // Any word of the headline, typed as a query, is either found or refused cleanly.
            for word in headline.split_whitespace().take(3) {
                match a.search(word, &Filter::default(), 5) {
                    Ok(_) | Err(ArchiveError::BadQuery { .. }) => {}
                    Err(e) => prop_assert!(false, "search {:?}: {}", word, e),
                }
            }
            prop_assert!(a.check().unwrap().is_ok());
        }
    }
}

#[test]
fn checkpointer_copies_committed_pages_into_the_database_file() {
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let cp = a.checkpointer().unwrap();
    let first = rec(
        "cccc000000000001",
        "Ferry fares rise",
        "The lake ferry costs more.",
    );
    a.store(&[&first]).unwrap();
    // The commit is in the log only (far below the writer's own checkpoint limit), so a copy
    // of the database file alone does not have the article yet.
    let copy = t.path.with_file_name("copy.db");
    std::fs::copy(&t.path, &copy).unwrap();
    assert_eq!(stored_ids(&copy), Vec::<String>::new());

    let done = cp.checkpoint().unwrap();
    assert!(done.log > 0, "{done:?}");
    assert_eq!(
        done.copied, done.log,
        "nothing blocks a passive checkpoint here"
    );
    std::fs::copy(&t.path, &copy).unwrap();
    assert_eq!(stored_ids(&copy), vec!["cccc000000000001".to_owned()]);
    // The writer goes on as before, and sees its own rows.
    let second = rec(
        "cccc000000000002",
        "Ferry fares fall",
        "The lake ferry costs less.",
    );
    assert!(a.store(&[&second]).unwrap()[0].is_stored());
    assert_eq!(a.list(&Filter::default(), None).unwrap().len(), 2);
}

/// The article ids in the database file at `path`, read without its log (none before even the
/// schema is copied there).
fn stored_ids(path: &std::path::Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let tables: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if tables == 0 {
        return Vec::new();
    }
    let mut st = c.prepare("SELECT id FROM articles ORDER BY id").unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn migration_to_version_3_keeps_every_quote_and_who_said_it() {
    let t = tmp();
    // A version-2 archive, its quote rows written as version 2 wrote them (one row a quote).
    let mut r = rec(
        "dddd000000000001",
        "Ferry talks",
        "Talks on the ferry began.",
    );
    r.quotes = vec![
        quote("Ana Ruiz", "We will keep the ferry running all winter"),
        quote("Ana Ruiz", "the fares stay as they are"),
        Quote {
            speaker: None,
            ..quote("", "No one knows who said this")
        },
        quote("Tom Vale", "We need a second boat"),
    ];
    {
        let a = open(&t.path, Mode::Write, &schema::MIGRATIONS[..2]).unwrap();
        assert_eq!(a.version().unwrap(), 2);
        a.conn
            .execute(
                "INSERT INTO articles (id, latest, source, layout, headline, published, time_key,
                    n_people, n_countries, n_quotes)
                 VALUES (?1, 1, ?2, 'anadolu', ?3, ?4, ?5, 0, 0, 4)",
                rusqlite::params![
                    r.id,
                    r.source,
                    r.headline,
                    r.published,
                    r.published.as_deref().and_then(time::sort_key)
                ],
            )
            .unwrap();
        let key = a.conn.last_insert_rowid();
        insert_texts_as_before(&a, key, key, &r);
        for q in &r.quotes {
            a.conn
                .execute(
                    "INSERT INTO quotes (article, speaker, text, paragraph, kind, cue)
                     VALUES (?1, ?2, ?3, 0, 'direct', 'said')",
                    rusqlite::params![key, q.speaker, q.text],
                )
                .unwrap();
        }
    }
    let a = Archive::open(&t.path, Mode::Read).unwrap();
    assert_eq!(a.version().unwrap(), 3);
    let texts = |rows: Vec<QuoteRow>| rows.into_iter().map(|q| q.text).collect::<Vec<_>>();
    assert_eq!(
        texts(a.quotes(None, &Filter::default(), None).unwrap()),
        r.quotes.iter().map(|q| q.text.clone()).collect::<Vec<_>>(),
        "every quote, in the article's order"
    );
    assert_eq!(
        texts(a.quotes(Some("ruiz"), &Filter::default(), None).unwrap()),
        [
            "We will keep the ferry running all winter",
            "the fares stay as they are"
        ]
    );
    assert_eq!(
        texts(a.quotes(Some("vale"), &Filter::default(), Some(1)).unwrap()),
        ["We need a second boat"]
    );
    let speakers: Vec<(String, i64)> = a
        .conn
        .prepare("SELECT speaker, quotes FROM quote_speakers ORDER BY speaker")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        speakers,
        [("Ana Ruiz".to_owned(), 2), ("Tom Vale".to_owned(), 1)]
    );
    let tables: i64 = a
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'quotes'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "the old table is gone");
    assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
}

#[test]
fn check_finds_quote_counts_and_speaker_rows_that_disagree_with_the_record() {
    let t = tmp();
    let mut a = Archive::open(&t.path, Mode::Write).unwrap();
    let mut r = rec(
        "eeee000000000001",
        "Ferry talks",
        "Talks on the ferry began.",
    );
    r.quotes = vec![quote(
        "Ana Ruiz",
        "We will keep the ferry running all winter",
    )];
    store_all(&mut a, &[r]);
    assert!(a.check().unwrap().is_ok());
    a.conn
        .execute("UPDATE quote_speakers SET quotes = 2", [])
        .unwrap();
    assert_eq!(
        a.check().unwrap().problems,
        ["article eeee000000000001 has speaker rows that disagree with its quotes"]
    );
    a.conn
        .execute("UPDATE quote_speakers SET quotes = 1", [])
        .unwrap();
    a.conn
        .execute("UPDATE articles SET n_quotes = 0", [])
        .unwrap();
    assert_eq!(
        a.check().unwrap().problems,
        ["article eeee000000000001 has the wrong number of quotes"]
    );
}

/// The steps of `sql`'s query plan that run once per row of an outer query: those under a
/// correlated subquery.
fn per_row_steps(a: &Archive, sql: &str) -> Vec<String> {
    let mut stmt = a
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let rows: Vec<(i64, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut per_row: Vec<i64> = Vec::new();
    let mut steps = Vec::new();
    for (id, parent, detail) in rows {
        if detail.starts_with("CORRELATED") || per_row.contains(&parent) {
            per_row.push(id);
            if !detail.starts_with("CORRELATED") {
                steps.push(detail);
            }
        }
    }
    steps
}

/// Regression: two invariants and the people totals counted, for each article or person, over
/// every newest article (the planner took the `latest` index into the correlated subquery), and
/// `check` of 20,000 articles took over two minutes. What runs per row must be a keyed search.
#[test]
fn check_queries_do_no_walk_per_row() {
    let t = tmp();
    let a = sample(&t);
    let queries = super::check::INVARIANTS
        .iter()
        .chain(&super::check::TOTALS)
        .map(|(_, sql)| *sql);
    let mut correlated = 0;
    for sql in queries {
        let steps = per_row_steps(&a, sql);
        correlated += steps.len();
        for step in &steps {
            assert!(
                step.starts_with("SEARCH") && !step.contains("latest"),
                "{step}\nin {sql}"
            );
        }
    }
    // the keyed subqueries (people and country rows per article) are still there to look at
    assert!(correlated >= 2, "{correlated}");
    // and the rule catches the old form of the revisions invariant
    let old = "SELECT a.id FROM articles a JOIN revisions r ON r.article = a.key WHERE a.latest = 1
               AND (SELECT count(*) FROM revisions r2 JOIN articles b ON b.key = r2.article
                    WHERE r2.story = r.story AND b.latest = 1) > 1";
    assert!(
        per_row_steps(&a, old).iter().any(|s| s.contains("latest")),
        "{:?}",
        per_row_steps(&a, old)
    );
}

#[test]
fn check_finds_two_newest_revisions_and_wrong_person_totals() {
    let t = tmp();
    let a = sample(&t);
    assert!(a.check().unwrap().is_ok(), "{:?}", a.check().unwrap());
    // Two revisions of one story, both marked newest.
    a.conn
        .execute_batch(
            "UPDATE revisions SET story = (SELECT min(story) FROM revisions);
             UPDATE articles SET latest = 1;",
        )
        .unwrap();
    let problems = a.check().unwrap().problems;
    assert!(
        problems
            .iter()
            .any(|p| p.ends_with("is one of several newest revisions of its story")),
        "{problems:?}"
    );

    let t = tmp();
    let a = sample(&t);
    a.conn
        .execute("UPDATE people SET mentions = mentions + 1", [])
        .unwrap();
    let problems = a.check().unwrap().problems;
    assert!(
        problems.iter().any(|p| p.starts_with("person ")
            && p.ends_with("running totals disagree with the articles")),
        "{problems:?}"
    );
}
