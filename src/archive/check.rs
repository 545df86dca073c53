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
        let invariants: [(&str, &str); 8] = [
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
                "SELECT a.id FROM articles a JOIN revisions r ON r.article = a.key WHERE a.latest = 1
                 AND (SELECT count(*) FROM revisions r2 JOIN articles b ON b.key = r2.article
                      WHERE r2.story = r.story AND b.latest = 1) > 1",
            ),
            (
                "has no stored record, or one that does not match its id",
                "SELECT a.id FROM articles a
                 WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.key = a.key
                     AND json_valid(t.record) AND json_extract(t.record, '$.id') IS a.id)",
            ),
        ];
        for (what, sql) in invariants {
            let mut stmt = self.conn.prepare(sql).map_err(err)?;
            let ids = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(err)?;
            for id in ids {
                report
                    .problems
                    .push(format!("article {} {what}", id.map_err(err)?));
            }
        }
        let totals: [(&str, &str); 2] = [
            (
                "person",
                "SELECT p.name FROM people p WHERE (p.mentions, p.articles) IS NOT
                   (SELECT COALESCE(SUM(m.count), 0), count(*) FROM mentions m
                    JOIN articles a ON a.key = m.article WHERE m.person = p.key AND a.latest = 1)",
            ),
            (
                "country",
                "SELECT t.code FROM country_totals t WHERE (t.mentions, t.articles) IS NOT
                   (SELECT COALESCE(SUM(c.count), 0), count(*) FROM countries c
                    JOIN articles a ON a.key = c.article WHERE c.code = t.code AND a.latest = 1)",
            ),
        ];
        for (what, sql) in totals {
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
