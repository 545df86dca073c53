//! Reading the archive: filters, listings, search, summaries, export.

use super::error::{ArchiveError, Result, sqlite_words};
use super::store::restore_body;
use super::time::Bound;
use super::{Archive, fts, names};
use crate::record::{Quote, QuoteKind, Record};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};
use serde::Serialize;
use std::collections::BTreeMap;

/// The filters every listing takes. Text filters are matched loosely: `agency` and `person` by
/// whole words, case-insensitive (`harlan` finds `Viktor Harlan`); `country` by ISO code or
/// name; `layout` by name. Dates are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub since: Option<Bound>,
    pub until: Option<Bound>,
    pub agency: Option<String>,
    pub person: Option<String>,
    pub country: Option<String>,
    pub layout: Option<String>,
}

impl Filter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// SQL conditions over `articles a`, with their parameters.
struct Conditions {
    sql: String,
    params: Vec<Value>,
    /// A text filter matched no stored name: nothing can match.
    impossible: bool,
}

/// One article in a listing (the newest revision of its story).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub published: Option<String>,
    pub agency: Option<String>,
    pub layout: String,
    pub section: Option<String>,
    pub headline: String,
    pub source: String,
    /// How many versions of this story the archive holds (1 when never revised).
    pub revisions: i64,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub published: Option<String>,
    pub agency: Option<String>,
    pub layout: String,
    pub headline: String,
    pub source: String,
    /// BM25 relevance, higher is better (rounded to 3 decimals).
    pub score: f64,
    /// The best-matching passage, matches marked `**like this**`.
    pub snippet: String,
}

/// A person and how the archive mentions them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    pub name: String,
    /// Mentions by name, summed over articles.
    pub mentions: i64,
    /// Articles naming the person.
    pub articles: i64,
    /// Titles and positions recent articles give them, most frequent first (at most five).
    pub roles: Vec<String>,
    /// Publication day of the first and last article naming them.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// A country and how the archive refers to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryRow {
    pub code: String,
    pub name: String,
    pub articles: i64,
    pub mentions: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// A stored quote with the article it stands in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub speaker: Option<String>,
    pub text: String,
    pub kind: String,
    pub cue: Option<String>,
    pub id: String,
    pub published: Option<String>,
    pub headline: String,
}

/// One line of `stats`: a count of articles in a group (`total`, `agency`, `layout`, `day`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatRow {
    pub group: String,
    pub key: String,
    pub count: i64,
}

/// An article asked for by id, with its story's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The full id that the id or prefix named.
    pub requested: String,
    /// Every stored version of the story, oldest first; the last is the newest.
    pub revisions: Vec<Record>,
}

impl Shown {
    /// The newest version.
    pub fn newest(&self) -> &Record {
        &self.revisions[self.revisions.len() - 1]
    }
}

impl Archive {
    fn conditions(&self, f: &Filter) -> Result<Conditions> {
        let mut c = Conditions {
            sql: String::new(),
            params: Vec::new(),
            impossible: false,
        };
        let mut add = |sql: &str, params: Vec<Value>| {
            c.sql.push_str(" AND ");
            c.sql.push_str(sql);
            c.params.extend(params);
        };
        for (bound, op) in [(&f.since, ">="), (&f.until, "<=")] {
            match bound {
                Some(Bound::Day(d)) => {
                    // The day as printed decides; the UTC sort key, never more than a day away
                    // from it, narrows the scan of the time index to the range.
                    let (near, shift) = if op == ">=" { (">=", -1) } else { ("<", 2) };
                    add(
                        &format!("a.day {op} ? AND a.time_key {near} ?"),
                        vec![
                            Value::Text(d.clone()),
                            Value::Text(shifted_midnight(d, shift)),
                        ],
                    )
                }
                Some(Bound::Moment(m)) => {
                    add(&format!("a.time_key {op} ?"), vec![Value::Text(m.clone())])
                }
                None => {}
            }
        }
        if let Some(layout) = &f.layout {
            let Some(l) = crate::parse::Layout::from_name(&layout.to_ascii_lowercase()) else {
                let known: Vec<&str> = crate::parse::Layout::ALL.iter().map(|l| l.name()).collect();
                return Err(ArchiveError::BadFilter(format!(
                    "unknown layout '{layout}' (known: {})",
                    known.join(", ")
                )));
            };
            add("a.layout = ?", vec![Value::Text(l.name().to_owned())]);
        }
        let mut impossible = false;
        if let Some(agency) = &f.agency {
            let names = self.matching(
                "SELECT DISTINCT agency FROM articles WHERE agency LIKE ?1 ESCAPE '\\'",
                agency,
            )?;
            impossible |= names.is_empty();
            add(
                &in_list("a.agency", names.len()),
                names.into_iter().map(Value::Text).collect(),
            );
        }
        if let Some(person) = &f.person {
            let keys = self.person_keys(person)?;
            impossible |= keys.is_empty();
            add(
                &format!(
                    "a.key IN (SELECT article FROM mentions WHERE {})",
                    in_list("person", keys.len())
                ),
                keys.into_iter().map(Value::Integer).collect(),
            );
        }
        if let Some(country) = &f.country {
            let code = self.country_code(country)?;
            impossible |= code.is_none();
            add(
                "a.key IN (SELECT article FROM countries WHERE code = ?)",
                vec![Value::Text(code.unwrap_or_default())],
            );
        }
        c.impossible = impossible;
        Ok(c)
    }

    /// Distinct names from a one-column query with a LIKE parameter, kept when they match by
    /// words.
    fn matching(&self, sql: &str, query: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([names::like_pattern(query)], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for name in rows {
            let name = name.map_err(|e| self.err(e))?;
            if names::matches(&name, query) {
                out.push(name);
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    fn person_keys(&self, query: &str) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, name FROM people WHERE name LIKE ?1 ESCAPE '\\'")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([names::like_pattern(query)], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (key, name) = row.map_err(|e| self.err(e))?;
            if names::matches(&name, query) {
                out.push(key);
            }
        }
        Ok(out)
    }

    /// `CU`, `cu` → `CU`; `Cuba` → the code stored with that name.
    fn country_code(&self, query: &str) -> Result<Option<String>> {
        let q = query.trim();
        if q.len() == 2 && q.chars().all(|c| c.is_ascii_alphabetic()) {
            return Ok(Some(q.to_ascii_uppercase()));
        }
        self.conn
            .query_row(
                "SELECT code FROM countries WHERE name = ?1 COLLATE NOCASE LIMIT 1",
                [q],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The newest revision of each story that passes `filter`, newest first.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Result<Vec<ArticleRow>> {
        let c = self.conditions(filter)?;
        if c.impossible {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT a.id, a.published, a.agency, a.layout, a.section, a.headline, a.source,
                (SELECT count(*) FROM revisions r2
                  WHERE r2.story = (SELECT story FROM revisions r1 WHERE r1.article = a.key))
             FROM articles a WHERE a.latest = 1{}
             ORDER BY a.time_key DESC, a.key DESC LIMIT {}",
            c.sql,
            sql_limit(limit)
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(c.params), |r| {
                Ok(ArticleRow {
                    id: r.get(0)?,
                    published: r.get(1)?,
                    agency: r.get(2)?,
                    layout: r.get(3)?,
                    section: r.get(4)?,
                    headline: r.get(5)?,
                    source: r.get(6)?,
                    revisions: r.get(7)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Full-text search over headline and body, best match first (BM25, the headline weighing
    /// more), newest revisions only. The query is read as [`fts::translate`] describes.
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Result<Vec<Hit>> {
        let fts_query = fts::translate(query);
        if fts_query.trim().is_empty() {
            return Err(ArchiveError::BadQuery {
                query: query.to_owned(),
                why: "the query is empty".into(),
            });
        }
        let c = self.conditions(filter)?;
        if c.impossible {
            return Ok(Vec::new());
        }
        let bad = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::Unknown) | None => ArchiveError::BadQuery {
                query: query.to_owned(),
                why: sqlite_words(&e)
                    .trim_start_matches("fts5: ")
                    .replace("syntax error near \"\"", "unexpected end of query"),
            },
            _ => self.err(e),
        };
        // Rank with a sorter that carries only the key and the score; read the rest for the
        // hits alone.
        let sql = format!(
            "SELECT a.key, bm25(fts, 4.0, 1.0) AS score
             FROM fts JOIN articles a ON a.key = fts.rowid
             WHERE fts MATCH ?{} AND a.latest = 1
             ORDER BY score, a.key LIMIT {}",
            c.sql,
            limit.min(i64::MAX as usize)
        );
        // Parameters: the query first, then the filters' (the filter SQL follows MATCH).
        let mut params = vec![Value::Text(fts_query.clone())];
        params.extend(c.params);
        let mut stmt = self.conn.prepare(&sql).map_err(bad)?;
        let ranked = stmt
            .query_map(params_from_iter(params), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })
            .map_err(bad)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(bad)?;
        let mut details = self
            .conn
            .prepare_cached("SELECT id, published, agency, layout, headline, source FROM articles WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (key, score) in ranked {
            let hit = details
                .query_row([key], |r| {
                    Ok(Hit {
                        id: r.get(0)?,
                        published: r.get(1)?,
                        agency: r.get(2)?,
                        layout: r.get(3)?,
                        headline: r.get(4)?,
                        source: r.get(5)?,
                        score: round3(-score),
                        snippet: String::new(),
                    })
                })
                .map_err(|e| self.err(e))?;
            hits.push((key, hit));
        }
        let mut snip = self
            .conn
            .prepare_cached("SELECT snippet(fts, -1, '**', '**', '…', 24) FROM fts WHERE fts MATCH ?1 AND rowid = ?2")
            .map_err(bad)?;
        for (key, hit) in &mut hits {
            hit.snippet = snip
                .query_row(rusqlite::params![fts_query, *key], |r| {
                    r.get::<_, String>(0)
                })
                .map_err(bad)?
                .replace("\n\n", " ");
        }
        Ok(hits.into_iter().map(|(_, h)| h).collect())
    }

    /// The most-mentioned people, with their usual roles and first and last appearance.
    pub fn people(&self, filter: &Filter, top: Option<usize>) -> Result<Vec<PersonRow>> {
        let mut rows: Vec<(i64, PersonRow)> = Vec::new();
        let map = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, i64>(0)?,
                PersonRow {
                    name: r.get(1)?,
                    mentions: r.get(2)?,
                    articles: r.get(3)?,
                    roles: Vec::new(),
                    first_seen: r.get(4)?,
                    last_seen: r.get(5)?,
                },
            ))
        };
        if filter.is_empty() {
            // Running totals kept by `store`: no scan of the mentions.
            let sql = format!(
                "SELECT key, name, mentions, articles, first_seen, last_seen FROM people
                 WHERE articles > 0 ORDER BY mentions DESC, articles DESC, name LIMIT {}",
                sql_limit(top)
            );
            let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
            let it = stmt.query_map([], map).map_err(|e| self.err(e))?;
            rows = it
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?;
        } else {
            let c = self.conditions(filter)?;
            if !c.impossible {
                // CROSS JOIN keeps SQLite from driving the join from every mention (the person
                // index) and looking up each article: from the filtered articles it is 4x faster.
                let sql = format!(
                    "SELECT p.key, p.name, t.mentions, t.articles, t.first_seen, t.last_seen FROM
                       (SELECT m.person, SUM(m.count) AS mentions, COUNT(*) AS articles,
                               MIN(a.day) AS first_seen, MAX(a.day) AS last_seen
                        FROM articles a CROSS JOIN mentions m ON m.article = a.key
                        WHERE a.latest = 1{} GROUP BY m.person) t
                     JOIN people p ON p.key = t.person
                     ORDER BY t.mentions DESC, t.articles DESC, p.name LIMIT {}",
                    c.sql,
                    sql_limit(top)
                );
                let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
                let it = stmt
                    .query_map(params_from_iter(c.params), map)
                    .map_err(|e| self.err(e))?;
                rows = it
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.err(e))?;
            }
        }
        // Roles from the most recent articles that pass the filter.
        let c = self.conditions(filter)?;
        let roles_sql = format!(
            "SELECT m.roles FROM mentions m CROSS JOIN articles a ON a.key = m.article
             WHERE m.person = ? AND m.roles != '[]' AND +a.latest = 1{}
             ORDER BY m.article DESC LIMIT 500",
            c.sql
        );
        let mut roles_of = self.conn.prepare(&roles_sql).map_err(|e| self.err(e))?;
        for (key, row) in &mut rows {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            let params = std::iter::once(Value::Integer(*key)).chain(c.params.iter().cloned());
            let lists = roles_of
                .query_map(params_from_iter(params), |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            for list in lists {
                let list = list.map_err(|e| self.err(e))?;
                for role in serde_json::from_str::<Vec<String>>(&list).unwrap_or_default() {
                    *counts.entry(role).or_default() += 1;
                }
            }
            let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            row.roles = ranked.into_iter().take(5).map(|(r, _)| r).collect();
        }
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }

    /// Countries by the number of articles that refer to them.
    pub fn countries(&self, filter: &Filter, limit: Option<usize>) -> Result<Vec<CountryRow>> {
        if filter.is_empty() {
            // Running totals kept by `store`.
            let sql = format!(
                "SELECT code, name, articles, mentions, first_seen, last_seen FROM country_totals
                 WHERE articles > 0 ORDER BY articles DESC, mentions DESC, code LIMIT {}",
                sql_limit(limit)
            );
            let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(CountryRow {
                        code: r.get(0)?,
                        name: r.get(1)?,
                        articles: r.get(2)?,
                        mentions: r.get(3)?,
                        first_seen: r.get(4)?,
                        last_seen: r.get(5)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            return rows
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e));
        }
        let c = self.conditions(filter)?;
        if c.impossible {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT c.code, MAX(c.name), COUNT(*) AS n, SUM(c.count), MIN(a.day), MAX(a.day)
             FROM articles a CROSS JOIN countries c ON c.article = a.key
             WHERE a.latest = 1{} GROUP BY c.code ORDER BY n DESC, SUM(c.count) DESC, c.code LIMIT {}",
            c.sql,
            sql_limit(limit)
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(c.params), |r| {
                Ok(CountryRow {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    articles: r.get(2)?,
                    mentions: r.get(3)?,
                    first_seen: r.get(4)?,
                    last_seen: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Quotes, newest article first; with `speaker`, only theirs (matched by whole words).
    /// The quotes are read from the stored records (`quote_speakers` finds a speaker's
    /// articles), in each article's order.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<QuoteRow>> {
        let mut c = self.conditions(filter)?;
        let mut speakers = None;
        if let Some(s) = speaker {
            let names = self.matching(
                "SELECT DISTINCT speaker FROM quote_speakers WHERE speaker LIKE ?1 ESCAPE '\\'",
                s,
            )?;
            c.impossible |= names.is_empty();
            c.sql
                .push_str(" AND a.key IN (SELECT article FROM quote_speakers WHERE ");
            c.sql.push_str(&in_list("speaker", names.len()));
            c.sql.push(')');
            c.params.extend(names.iter().cloned().map(Value::Text));
            speakers = Some(names);
        }
        let limit = limit.unwrap_or(usize::MAX);
        let mut out = Vec::new();
        if c.impossible || limit == 0 {
            return Ok(out);
        }
        let sql = format!(
            "SELECT a.id, a.published, a.headline, t.record
             FROM articles a JOIN texts t ON t.key = a.key
             WHERE a.latest = 1 AND a.n_quotes > 0{} ORDER BY a.time_key DESC, a.key DESC",
            c.sql
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(params_from_iter(c.params))
            .map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let id: String = row.get(0).map_err(|e| self.err(e))?;
            let json = row
                .get_ref(3)
                .and_then(|v| Ok(v.as_str()?))
                .map_err(|e| self.err(e))?;
            let stored: StoredQuotes =
                serde_json::from_str(json).map_err(|e| ArchiveError::BadRecord {
                    path: self.path.clone(),
                    id: id.clone(),
                    why: e.to_string(),
                })?;
            let published: Option<String> = row.get(1).map_err(|e| self.err(e))?;
            let headline: String = row.get(2).map_err(|e| self.err(e))?;
            for q in stored.quotes {
                // `names` is sorted (see `matching`).
                let wanted = speakers.as_ref().is_none_or(|names| {
                    q.speaker
                        .as_ref()
                        .is_some_and(|s| names.binary_search(s).is_ok())
                });
                if !wanted {
                    continue;
                }
                out.push(QuoteRow {
                    speaker: q.speaker,
                    text: q.text,
                    kind: match q.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Partial => "partial",
                    }
                    .to_owned(),
                    cue: q.cue,
                    id: id.clone(),
                    published: published.clone(),
                    headline: headline.clone(),
                });
                if out.len() == limit {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }

    /// Counts: totals, then articles by agency, by layout and by publication day.
    pub fn stats(&self, filter: &Filter) -> Result<Vec<StatRow>> {
        let c = self.conditions(filter)?;
        let mut out = Vec::new();
        if c.impossible {
            return Ok(out);
        }
        let count = |sql: String| -> Result<i64> {
            self.conn
                .query_row(&sql, params_from_iter(c.params.iter()), |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        let articles = count(format!(
            "SELECT count(*) FROM articles a WHERE a.latest = 1{}",
            c.sql
        ))?;
        if articles == 0 {
            return Ok(out);
        }
        let versions = count(format!("SELECT count(*) FROM articles a WHERE 1{}", c.sql))?;
        let people = if filter.is_empty() {
            count("SELECT count(*) FROM people WHERE articles > 0".into())?
        } else {
            count(format!(
                "SELECT count(DISTINCT m.person) FROM articles a CROSS JOIN mentions m ON m.article = a.key
                 WHERE +a.latest = 1{}",
                c.sql
            ))?
        };
        let quotes = count(format!(
            "SELECT COALESCE(SUM(a.n_quotes), 0) FROM articles a WHERE a.latest = 1{}",
            c.sql
        ))?;
        for (key, n) in [
            ("articles", articles),
            ("revisions", versions - articles),
            ("people", people),
            ("quotes", quotes),
        ] {
            out.push(StatRow {
                group: "total".into(),
                key: key.into(),
                count: n,
            });
        }
        for (group, expr) in [
            ("agency", "COALESCE(a.agency, '(none)')"),
            ("layout", "a.layout"),
            ("day", "COALESCE(a.day, '(undated)')"),
        ] {
            let order = if group == "day" { "1" } else { "2 DESC, 1" };
            let sql = format!(
                "SELECT {expr}, count(*) FROM articles a WHERE +a.latest = 1{} GROUP BY 1 ORDER BY {order}",
                c.sql
            );
            let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map(params_from_iter(c.params.iter()), |r| {
                    Ok(StatRow {
                        group: group.into(),
                        key: r.get(0)?,
                        count: r.get(1)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                out.push(row.map_err(|e| self.err(e))?);
            }
        }
        Ok(out)
    }

    /// Calls `each` with every stored record's JSON exactly as it was stored (ingest order);
    /// with `latest_only`, only the newest revision of each story. Returns how many.
    pub fn export<E>(
        &self,
        filter: &Filter,
        latest_only: bool,
        mut each: impl FnMut(&str) -> std::result::Result<(), E>,
    ) -> Result<std::result::Result<usize, E>> {
        let c = self.conditions(filter)?;
        if c.impossible {
            return Ok(Ok(0));
        }
        let latest = if latest_only { "a.latest = 1" } else { "1" };
        let sql = format!(
            "SELECT t.record, t.body FROM articles a JOIN texts t ON t.key = a.key WHERE {latest}{} ORDER BY a.key",
            c.sql
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(params_from_iter(c.params))
            .map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let text = |i| {
                row.get_ref(i)
                    .and_then(|v| Ok(v.as_str()?))
                    .map_err(|e| self.err(e))
            };
            let json = restore_body(text(0)?, text(1)?);
            if let Err(e) = each(&json) {
                return Ok(Err(e));
            }
            n += 1;
        }
        Ok(Ok(n))
    }

    /// The article with this id or unique id prefix, and its story's history.
    pub fn show(&self, id: &str) -> Result<Shown> {
        let want = id.trim().to_ascii_lowercase();
        if want.is_empty() || !want.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(ArchiveError::BadId(id.to_owned()));
        }
        // Ids are lowercase hex: every id with this prefix sorts between it and prefix + 'g'.
        let upper = format!("{want}g");
        let found: Vec<(i64, String)> = {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT key, id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2",
                )
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([&want, &upper], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.err(e))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?
        };
        let (key, full) = match found.as_slice() {
            [] => return Err(ArchiveError::UnknownId(id.to_owned())),
            [one] => one.clone(),
            _ => {
                let count = self
                    .conn
                    .query_row(
                        "SELECT count(*) FROM articles WHERE id >= ?1 AND id < ?2",
                        [&want, &upper],
                        |r| r.get(0),
                    )
                    .map_err(|e| self.err(e))?;
                return Err(ArchiveError::AmbiguousId {
                    prefix: want,
                    count,
                });
            }
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, t.record, t.body FROM revisions r JOIN articles a ON a.key = r.article
                 JOIN texts t ON t.key = a.key
                 WHERE r.story = (SELECT story FROM revisions WHERE article = ?1)
                 ORDER BY a.latest, COALESCE(a.revised_key, a.time_key), a.key",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([key], |r| {
                let (json, body) = (r.get_ref(1)?.as_str()?, r.get_ref(2)?.as_str()?);
                Ok((
                    r.get::<_, String>(0)?,
                    restore_body(json, body).into_owned(),
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut revisions = Vec::new();
        for row in rows {
            let (rid, json) = row.map_err(|e| self.err(e))?;
            let record = serde_json::from_str(&json).map_err(|e| ArchiveError::BadRecord {
                path: self.path.clone(),
                id: rid,
                why: e.to_string(),
            })?;
            revisions.push(record);
        }
        if revisions.is_empty() {
            return Err(ArchiveError::UnknownId(id.to_owned()));
        }
        Ok(Shown {
            requested: full,
            revisions,
        })
    }
}

/// The quotes of a stored record (the rest of its JSON is skipped).
#[derive(serde::Deserialize)]
struct StoredQuotes {
    #[serde(default)]
    quotes: Vec<Quote>,
}

/// Midnight `days` away from the day `d` (`YYYY-MM-DD`), as a sort key.
fn shifted_midnight(d: &str, days: i64) -> String {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.checked_add_signed(chrono::TimeDelta::days(days)))
        .map_or_else(
            || format!("{d}T00:00:00"),
            |day| format!("{}T00:00:00", day.format("%Y-%m-%d")),
        )
}

fn in_list(column: &str, n: usize) -> String {
    if n == 0 {
        return "0".into();
    }
    format!("{column} IN ({})", vec!["?"; n].join(", "))
}

fn sql_limit(limit: Option<usize>) -> i64 {
    limit.map_or(-1, |n| n.min(i64::MAX as usize) as i64)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
