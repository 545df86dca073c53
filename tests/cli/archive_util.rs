//! Helpers for the archive commands' tests: generated articles, temporary archives.

use newsarc::archive::{Archive, Mode};
use newsarc::record::{Country, Person, Quote, QuoteKind, Record};
use std::path::{Path, PathBuf};

/// An article in Anadolu's page shape, different for each `i` (headline, body, day, topic).
pub fn anadolu(i: usize) -> String {
    let topics = [
        "ferry",
        "harvest",
        "election",
        "sanctions",
        "quake",
        "bridge",
    ];
    let topic = topics[i % topics.len()];
    format!(
        "Report {i} on the {topic} in town {i}\n- World\n- Anadolu Agency\n- Published Date: 09:{:02} | {} January 2026\n\
         Officials said on Monday the {topic} number {i} drew crowds, token{i} included.\n\
         A second paragraph about oil and {topic} follows for article {i}.\n",
        i % 60,
        1 + i % 28,
    )
}

/// The same story as `anadolu(i)` (same headline), updated later with a different body.
pub fn anadolu_update(i: usize) -> String {
    let first = anadolu(i);
    let mut lines: Vec<String> = first.lines().map(str::to_owned).collect();
    lines.insert(
        4,
        format!("- Modified Date: 18:00 | {} January 2026", 1 + i % 28),
    );
    lines.push("An update adds that the mayor resigned.".into());
    lines.join("\n") + "\n"
}

/// A temporary folder with `n` generated articles (`a0000.txt`, ...), and an archive path in it.
pub struct Corpus {
    pub dir: tempfile::TempDir,
}

impl Corpus {
    pub fn new(n: usize) -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let wires = dir.path().join("wires");
        std::fs::create_dir_all(&wires).unwrap();
        for i in 0..n {
            std::fs::write(wires.join(format!("a{i:05}.txt")), anadolu(i)).unwrap();
        }
        Corpus { dir }
    }

    pub fn wires(&self) -> PathBuf {
        self.dir.path().join("wires")
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("archive.db")
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

/// `newsarc <cmd> --archive DB`.
pub fn on(db: &Path, cmd: &str) -> assert_cmd::Command {
    let mut c = crate::util::newsarc();
    c.arg(cmd).arg("--archive").arg(db);
    c
}

/// Ingests the corpus's wires quietly and asserts success.
pub fn ingest_all(c: &Corpus) {
    on(&c.db(), "ingest")
        .arg("--quiet")
        .arg(c.wires())
        .assert()
        .success();
}

fn record(id: &str, headline: &str, agency: &str, published: &str) -> Record {
    Record {
        id: id.into(),
        source: format!("{id}.txt"),
        layout: "generic".into(),
        headline: headline.into(),
        standfirst: None,
        section: None,
        agency: Some(agency.into()),
        byline: vec![],
        dateline: None,
        published: Some(published.into()),
        modified: None,
        body: vec![format!("{headline}. More words follow.")],
        related: vec![],
        people: vec![],
        countries: vec![],
        organizations: vec![],
        quotes: vec![],
        dates: vec![],
    }
}

fn person(name: &str, mentions: u32, role: &str) -> Person {
    Person {
        name: name.into(),
        aliases: vec![],
        roles: if role.is_empty() {
            vec![]
        } else {
            vec![role.into()]
        },
        mentions,
    }
}

/// An archive holding analysed records built directly (the extractor is tested elsewhere):
/// people, countries and quotes with known counts.
pub fn seeded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeded.db");
    let mut a = Archive::open(&db, Mode::Write).unwrap();
    let mut r1 = record(
        "1111aaaa00000001",
        "Harlan talks oil with Cuba",
        "Reuters",
        "2026-01-05T10:00:00Z",
    );
    r1.people = vec![
        person("Viktor Harlan", 3, "President"),
        person("Marco Ruiz-Vidal", 1, "President"),
    ];
    r1.countries = vec![
        Country {
            code: "RU".into(),
            name: "Russia".into(),
            mentions: 2,
        },
        Country {
            code: "CU".into(),
            name: "Cuba".into(),
            mentions: 3,
        },
    ];
    r1.quotes = vec![Quote {
        text: "Oil will flow".into(),
        speaker: Some("Viktor Harlan".into()),
        paragraph: 0,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
    }];
    let mut r2 = record(
        "2222bbbb00000002",
        "Havana\u{1b}[31m ferry strike",
        "Anadolu Agency",
        "2026-02-10T08:00:00+03:00",
    );
    r2.people = vec![person("Viktor Harlan", 1, "Russian leader")];
    r2.countries = vec![Country {
        code: "CU".into(),
        name: "Cuba".into(),
        mentions: 1,
    }];
    r2.quotes = vec![Quote {
        text: "We strike at dawn".into(),
        speaker: Some("Ana Perez".into()),
        paragraph: 0,
        kind: QuoteKind::Partial,
        cue: None,
    }];
    let r3 = record(
        "3333cccc00000003",
        "Harvest festival",
        "Anadolu Agency",
        "2025-12-01",
    );
    a.store(&[&r1, &r2, &r3]).unwrap();
    (dir, db)
}

/// Stdout as a string.
pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Stderr as a string.
pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}
