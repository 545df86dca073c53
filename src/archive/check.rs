//! `newsarc check`: SQLite's integrity check plus the archive's own invariants.

use super::Archive;
use super::error::{ArchiveError, Result, sqlite_words};
use serde::Serialize;

/// What the check found. `problems` is empty for a healthy archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Stored records (every revision).
    pub articles: i64,
    /// Each problem found, one line each.
    pub problems: Vec<String>,
    /// What could not be checked, one line each.
    pub notes: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The archive's own invariants: what a problem says of an article, and the query that lists the
/// ids of the articles that break it. Each query's time must grow with the archive, not with its
/// square: every subquery that runs per row is a keyed search (a test reads their plans).
pub(crate) const INVARIANTS: [(&str, &str); 8] = [
    (
        "has no revision entry",
        "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article = a.key)",
    ),
    (
        "has no search entry",
        "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM fts_docsize d WHERE d.id = a.key)",
    ),
    (
        "has the wrong number of people rows",
        "SELECT a.id FROM articles a
         WHERE a.n_people != (SELECT count(*) FROM mentions m WHERE m.article = a.key)",
    ),
    (
        "has the wrong number of country rows",
        "SELECT a.id FROM articles a
         WHERE a.n_countries != (SELECT count(*) FROM countries c WHERE c.article = a.key)",
    ),
    (
        "has the wrong number of quotes",
        "SELECT a.id FROM articles a JOIN texts t ON t.key = a.key
         WHERE json_valid(t.record)
           AND a.n_quotes IS NOT json_array_length(t.record, '$.quotes')",
    ),
    (
        "has speaker rows that disagree with its quotes",
        "WITH stored AS (
             SELECT article, group_concat(speaker || ':' || quotes, '|' ORDER BY speaker)
                 AS speakers
             FROM quote_speakers GROUP BY article),
         quoted AS (
             SELECT article, group_concat(speaker || ':' || n, '|' ORDER BY speaker)
                 AS speakers
             FROM (SELECT t.key AS article, j.value ->> 'speaker' AS speaker, count(*) AS n
                   FROM texts t, json_each(t.record, '$.quotes') j
                   WHERE json_valid(t.record) AND j.value ->> 'speaker' IS NOT NULL
                   GROUP BY t.key, speaker)
             GROUP BY article)
         SELECT a.id FROM articles a
         LEFT JOIN stored s ON s.article = a.key LEFT JOIN quoted q ON q.article = a.key
         WHERE s.speakers IS NOT q.speakers",
    ),
    (
        "is one of several newest revisions of its story",
        // Counted per story once: a subquery per article, correlated on the story,
        // was planned as a walk of every newest article for each one (136 s for
        // 20,000 articles).
        "SELECT a.id FROM articles a JOIN revisions r ON r.article = a.key
         WHERE a.latest = 1 AND r.story IN (
             SELECT r2.story FROM revisions r2 JOIN articles b ON b.key = r2.article
             WHERE b.latest = 1 GROUP BY r2.story HAVING count(*) > 1)",
    ),
    (
        "has no stored record, or one that does not match its id",
        "SELECT a.id FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.key = a.key
             AND json_valid(t.record) AND json_extract(t.record, '$.id') IS a.id)",
    ),
];

/// Running totals that must agree with the rows of the newest revisions: what they total, and
/// the query that lists the names whose totals disagree.
pub(crate) const TOTALS: [(&str, &str); 2] = [
    (
        "person",
        "SELECT p.name FROM people p LEFT JOIN (
             SELECT m.person AS key, SUM(m.count) AS mentions, count(*) AS articles
             FROM mentions m JOIN articles a ON a.key = m.article WHERE a.latest = 1
             GROUP BY m.person) s ON s.key = p.key
         WHERE (p.mentions, p.articles)
             IS NOT (COALESCE(s.mentions, 0), COALESCE(s.articles, 0))",
    ),
    (
        "country",
        "SELECT t.code FROM country_totals t LEFT JOIN (
             SELECT c.code AS code, SUM(c.count) AS mentions, count(*) AS articles
             FROM countries c JOIN articles a ON a.key = c.article WHERE a.latest = 1
             GROUP BY c.code) s ON s.code = t.code
         WHERE (t.mentions, t.articles)
             IS NOT (COALESCE(s.mentions, 0), COALESCE(s.articles, 0))",
    ),
];

impl Archive {
    /// Runs `PRAGMA integrity_check`, FTS5's own check against the stored text, and checks that
    /// every article has all its rows: its revision entry, search entry, people, countries and
    /// quotes as its record lists them, and a record that reads back with its id. Read-only.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let err = |e| ArchiveError::from_sqlite(&self.path, e);
        {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(err)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(err)?;
            for row in rows {
                let line = row.map_err(err)?;
                if line != "ok" {
                    report.problems.push(format!("integrity check: {line}"));
                }
            }
        }
        // FTS5's check is spelled as an INSERT: a read-only archive cannot run it.
        let read_only = self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false);
        if read_only {
            report
                .notes
                .push("search index not cross-checked (archive opened read-only)".into());
        } else if let Err(e) = self.conn.execute(
            "INSERT INTO fts (fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            report
                .problems
                .push(format!("search index: {}", sqlite_words(&e)));
        }
        report.articles = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .map_err(err)?;
        for (what, sql) in INVARIANTS {
            let mut stmt = self.conn.prepare(sql).map_err(err)?;
            let ids = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(err)?;
            for id in ids {
                report
                    .problems
                    .push(format!("article {} {what}", id.map_err(err)?));
            }
        }
        for (what, sql) in TOTALS {
            let mut stmt = self.conn.prepare(sql).map_err(err)?;
            let names = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(err)?;
            for name in names {
                report.problems.push(format!(
                    "{what} {}: running totals disagree with the articles",
                    name.map_err(err)?
                ));
            }
        }
        let orphans: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM mentions WHERE article NOT IN (SELECT key FROM articles))
                      + (SELECT count(*) FROM countries WHERE article NOT IN (SELECT key FROM articles))
                      + (SELECT count(*) FROM quote_speakers WHERE article NOT IN (SELECT key FROM articles))
                      + (SELECT count(*) FROM fts_docsize WHERE id NOT IN (SELECT key FROM articles))
                      + (SELECT count(*) FROM texts WHERE key NOT IN (SELECT key FROM articles))",
                [],
                |r| r.get(0),
            )
            .map_err(err)?;
        if orphans > 0 {
            report
                .problems
                .push(format!("{orphans} rows belong to no article"));
        }
        Ok(report)
    }
}
