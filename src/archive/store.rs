//! Storing records: duplicates, revisions, and every article's rows in one transaction.

use super::Archive;
use super::error::{ArchiveError, Result};
use super::open::BUSY_TIMEOUT;
use super::time::{day, sort_key};
use crate::record::Record;
use rusqlite::{CachedStatement, OptionalExtension, Transaction, TransactionBehavior, params};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What storing one record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new article.
    Stored,
    /// The same content id was already stored: nothing written.
    Duplicate,
    /// A newer version of a stored article (`of` is the id it replaces as the newest).
    Revision { of: String },
    /// An older version of a stored article, arrived after the newer one: kept in its history.
    EarlierRevision { of: String },
}

impl Outcome {
    /// Whether a new row was written (anything but a duplicate).
    pub fn is_stored(&self) -> bool {
        !matches!(self, Outcome::Duplicate)
    }
}

/// A record made ready to store: its JSON and its joined body text are built where the record is
/// made (on a worker thread in `ingest`), so that the single writer does only database work.
pub struct Prepared {
    pub record: Record,
    json: String,
    body: String,
}

impl Prepared {
    /// Builds the stored texts of `record`. Its paragraphs are stored once, joined, as the text
    /// the search index reads (`texts.body`); the stored JSON then has `"body":[]` in their place
    /// and `restore_body` puts them back when it is read, byte for byte. (They were stored
    /// twice, and the second copy was a quarter of every ingest's writes.) A body that would not
    /// split back into the same paragraphs (one holding a blank line) stays in the JSON too.
    pub fn new(mut record: Record) -> Result<Prepared> {
        let body = record.body.join(PARAGRAPH_BREAK);
        if splits_back(&record.body, &body) {
            let paragraphs = std::mem::take(&mut record.body);
            let json = serde_json::to_string(&record);
            record.body = paragraphs;
            let json = json.map_err(ArchiveError::Encode)?;
            if json.contains(BODY_LEFT_OUT) {
                return Ok(Prepared { record, json, body });
            }
        }
        let json = serde_json::to_string(&record).map_err(ArchiveError::Encode)?;
        Ok(Prepared { record, json, body })
    }

    /// About how many bytes the record and its texts hold: its JSON and body text, and as much
    /// again for the record's own strings.
    pub fn size(&self) -> usize {
        2 * (self.json.len() + self.body.len())
    }
}

/// What stands for the paragraphs in a record's JSON stored without them.
const BODY_LEFT_OUT: &str = "\"body\":[]";

/// What joins a body's paragraphs in `texts.body`.
const PARAGRAPH_BREAK: &str = "\n\n";

/// Whether `joined` (the paragraphs joined) splits back into exactly the paragraphs.
fn splits_back(paragraphs: &[String], joined: &str) -> bool {
    !joined.is_empty()
        && joined
            .split(PARAGRAPH_BREAK)
            .eq(paragraphs.iter().map(String::as_str))
}

/// A stored record's JSON, with its paragraphs put back from `body` (`texts.body`) when it was
/// stored without them (see [`Prepared::new`]); JSON stored whole (by earlier releases, or for a
/// body that does not split back) comes back as it is.
pub(crate) fn restore_body<'j>(json: &'j str, body: &str) -> Cow<'j, str> {
    if body.is_empty() {
        return Cow::Borrowed(json);
    }
    // A record has one `body` key, at the top; inside JSON strings a quotation mark is escaped,
    // so the first `"body":[]` is that key.
    let Some(at) = json.find(BODY_LEFT_OUT) else {
        return Cow::Borrowed(json);
    };
    let paragraphs: Vec<&str> = body.split(PARAGRAPH_BREAK).collect();
    let array = serde_json::to_string(&paragraphs).unwrap_or_else(|_| "[]".to_owned());
    let mut whole = String::with_capacity(json.len() + array.len());
    whole.push_str(&json[..at]);
    whole.push_str("\"body\":");
    whole.push_str(&array);
    whole.push_str(&json[at + BODY_LEFT_OUT.len()..]);
    Cow::Owned(whole)
}

/// How many times a batch is retried when another writer held the archive past the timeout.
const RETRIES: u32 = 5;

impl Archive {
    /// Stores `records` in one transaction: either all of them with all their rows, or none.
    /// Records already stored (same content id) are skipped; see the crate's revision rule in
    /// [`Outcome`]. Waits for other writers, retrying a few times before reporting busy.
    pub fn store(&mut self, records: &[&Record]) -> Result<Vec<Outcome>> {
        let prepared = records
            .iter()
            .map(|r| Prepared::new((*r).clone()))
            .collect::<Result<Vec<_>>>()?;
        self.store_prepared(&prepared)
    }

    /// [`Archive::store`] for records already prepared.
    pub fn store_prepared(&mut self, records: &[Prepared]) -> Result<Vec<Outcome>> {
        let mut attempt = 0;
        loop {
            match self.try_store(records) {
                Err(ArchiveError::Busy(_)) if attempt < RETRIES => {
                    attempt += 1;
                    std::thread::sleep(BUSY_TIMEOUT / 20 * attempt);
                }
                other => return other,
            }
        }
    }

    fn try_store(&mut self, records: &[Prepared]) -> Result<Vec<Outcome>> {
        let path = self.path.clone();
        let err = |e| ArchiveError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut outcomes = Vec::with_capacity(records.len());
        let mut search: Vec<(i64, &str, &str)> = Vec::with_capacity(records.len());
        {
            let mut st = Statements::new(&tx).map_err(err)?;
            let mut totals = Totals::default();
            for p in records {
                outcomes.push(store_one(&tx, &mut st, &mut totals, p, &mut search).map_err(err)?);
            }
            totals.write(&tx).map_err(err)?;
            // The search entries go in last, in the same transaction: FTS5 writes its pending
            // entries out at every statement savepoint, and the other tables' upserts take one
            // per statement, so entries written between them made one tiny index segment (and
            // then a merge) per article. Written together, they make one segment per batch.
            for (key, headline, body) in &search {
                st.search
                    .execute(params![key, headline, body])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(outcomes)
    }
}

/// Finds the newest stored version of the story a record may belong to. Each branch is an index
/// lookup; `+a.latest` keeps the planner from scanning every newest article instead (which made
/// ingest quadratic: see the test `candidate_lookup_is_two_index_searches`).
pub(crate) const CANDIDATE_SQL: &str = "
    SELECT a.key, a.id, COALESCE(a.revised_key, a.time_key), a.modified IS NOT NULL, r.story
    FROM articles a JOIN revisions r ON r.article = a.key JOIN texts t ON t.key = a.key
    WHERE a.key IN (SELECT key FROM articles WHERE agency IS ?1 AND headline = ?2
                    UNION ALL SELECT key FROM articles WHERE source = ?3)
      AND +a.latest = 1 AND t.body != ?4
    ORDER BY 3 DESC, a.key DESC LIMIT 1";

/// The newest stored version of the story a record may belong to.
struct Candidate {
    key: i64,
    id: String,
    time: Option<String>,
    has_modified: bool,
    story: i64,
}

/// The statements every stored record runs, looked up in the connection's statement cache once
/// per transaction rather than once per record and row (each lookup hashes the SQL text).
struct Statements<'c> {
    exists: CachedStatement<'c>,
    candidate: CachedStatement<'c>,
    article: CachedStatement<'c>,
    text: CachedStatement<'c>,
    revision: CachedStatement<'c>,
    person_key: CachedStatement<'c>,
    new_person: CachedStatement<'c>,
    mention: CachedStatement<'c>,
    country: CachedStatement<'c>,
    speaker: CachedStatement<'c>,
    search: CachedStatement<'c>,
}

impl<'c> Statements<'c> {
    fn new(tx: &'c Transaction<'_>) -> rusqlite::Result<Statements<'c>> {
        Ok(Statements {
            exists: tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?,
            candidate: tx.prepare_cached(CANDIDATE_SQL)?,
            article: tx.prepare_cached(
                "INSERT INTO articles (id, latest, source, layout, agency, section, headline, published,
                    modified, day, time_key, revised_key, n_people, n_countries, n_quotes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?,
            text: tx.prepare_cached(
                "INSERT INTO texts (key, headline, body, record) VALUES (?1, ?2, ?3, ?4)",
            )?,
            revision: tx.prepare_cached("INSERT INTO revisions (article, story) VALUES (?1, ?2)")?,
            person_key: tx.prepare_cached("SELECT key FROM people WHERE name = ?1")?,
            new_person: tx.prepare_cached(
                "INSERT INTO people (name, mentions, articles) VALUES (?1, 0, 0)",
            )?,
            mention: tx.prepare_cached(
                "INSERT INTO mentions (article, person, count, roles) VALUES (?1, ?2, ?3, ?4)",
            )?,
            country: tx.prepare_cached(
                "INSERT INTO countries (article, code, name, count) VALUES (?1, ?2, ?3, ?4)",
            )?,
            speaker: tx.prepare_cached(
                "INSERT INTO quote_speakers (speaker, article, quotes) VALUES (?1, ?2, ?3)",
            )?,
            search: tx.prepare_cached("INSERT INTO fts (rowid, headline, body) VALUES (?1, ?2, ?3)")?,
        })
    }
}

/// What one transaction adds to the running totals of people and countries, gathered in memory
/// and written once per person and country when the batch is done: a batch names the same
/// people and countries again and again, and an upsert per mention was a tenth of the writer's
/// work. A revision takes the version it replaces out of the totals here too: its rows may be
/// from this same batch, whose totals are not written yet.
#[derive(Default)]
struct Totals {
    /// Person keys looked up or created in this transaction.
    keys: FxHashMap<String, i64>,
    people: FxHashMap<i64, Delta>,
    /// Per country code: the name to create its row with, and what to add.
    countries: FxHashMap<String, (String, Delta)>,
}

/// Mentions and articles to add to one total, and the first and last day they were seen.
#[derive(Default)]
struct Delta {
    mentions: i64,
    articles: i64,
    first: Option<String>,
    last: Option<String>,
}

impl Delta {
    fn add(&mut self, mentions: i64, articles: i64, day: Option<&str>) {
        self.mentions += mentions;
        self.articles += articles;
        if let Some(day) = day {
            if self.first.as_deref().is_none_or(|f| day < f) {
                self.first = Some(day.to_owned());
            }
            if self.last.as_deref().is_none_or(|l| day > l) {
                self.last = Some(day.to_owned());
            }
        }
    }
}

impl Totals {
    /// The key of the person named `name`, creating their row (with zero totals) if needed.
    fn person_key(&mut self, st: &mut Statements<'_>, name: &str) -> rusqlite::Result<i64> {
        if let Some(&key) = self.keys.get(name) {
            return Ok(key);
        }
        let key = match st
            .person_key
            .query_row([name], |row| row.get(0))
            .optional()?
        {
            Some(key) => key,
            None => st.new_person.insert([name])?,
        };
        self.keys.insert(name.to_owned(), key);
        Ok(key)
    }

    /// Adds the gathered totals to the stored ones.
    fn write(self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut person = tx.prepare_cached(
            "UPDATE people SET mentions = mentions + ?2, articles = articles + ?3,
                first_seen = CASE WHEN ?4 IS NULL THEN first_seen
                                  WHEN first_seen IS NULL OR ?4 < first_seen THEN ?4 ELSE first_seen END,
                last_seen = CASE WHEN ?5 IS NULL THEN last_seen
                                 WHEN last_seen IS NULL OR ?5 > last_seen THEN ?5 ELSE last_seen END
             WHERE key = ?1",
        )?;
        for (key, d) in &self.people {
            person.execute(params![key, d.mentions, d.articles, d.first, d.last])?;
        }
        let mut country = tx.prepare_cached(
            "INSERT INTO country_totals (code, name, mentions, articles, first_seen, last_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (code) DO UPDATE SET
                mentions = mentions + excluded.mentions, articles = articles + excluded.articles,
                first_seen = CASE WHEN ?5 IS NULL THEN first_seen
                                  WHEN first_seen IS NULL OR ?5 < first_seen THEN ?5 ELSE first_seen END,
                last_seen = CASE WHEN ?6 IS NULL THEN last_seen
                                 WHEN last_seen IS NULL OR ?6 > last_seen THEN ?6 ELSE last_seen END",
        )?;
        for (code, (name, d)) in &self.countries {
            country.execute(params![code, name, d.mentions, d.articles, d.first, d.last])?;
        }
        Ok(())
    }
}

/// Stores one record's rows except its search entry, which it leaves in `search`.
fn store_one<'r>(
    tx: &Transaction<'_>,
    st: &mut Statements<'_>,
    totals: &mut Totals,
    p: &'r Prepared,
    search: &mut Vec<(i64, &'r str, &'r str)>,
) -> rusqlite::Result<Outcome> {
    let (r, json, body) = (&p.record, p.json.as_str(), p.body.as_str());
    let exists = st.exists.exists([&r.id])?;
    if exists {
        return Ok(Outcome::Duplicate);
    }
    let time_key = r.published.as_deref().and_then(sort_key);
    let revised_key = r.modified.as_deref().and_then(sort_key);
    let effective = revised_key.clone().or_else(|| time_key.clone());

    // Revision rule: same agency and headline, or same source; a different body; and the later
    // of the two versions carries a `modified` time later than the other's time.
    let cand = st
        .candidate
        .query_row(params![r.agency, r.headline, r.source, body], |row| {
            Ok(Candidate {
                key: row.get(0)?,
                id: row.get(1)?,
                time: row.get(2)?,
                has_modified: row.get(3)?,
                story: row.get(4)?,
            })
        })
        .optional()?;

    let (outcome, latest, story) = match (&cand, &effective) {
        (Some(c), Some(new)) if r.modified.is_some() && c.time.as_ref().is_none_or(|t| new > t) => {
            (Outcome::Revision { of: c.id.clone() }, true, Some(c.story))
        }
        (Some(c), Some(new)) if c.has_modified && c.time.as_ref().is_some_and(|t| new < t) => (
            Outcome::EarlierRevision { of: c.id.clone() },
            false,
            Some(c.story),
        ),
        _ => (Outcome::Stored, true, None),
    };
    if let (Outcome::Revision { .. }, Some(c)) = (&outcome, &cand) {
        tx.prepare_cached("UPDATE articles SET latest = 0 WHERE key = ?1")?
            .execute([c.key])?;
        // The replaced version no longer counts in the running totals.
        let mut mentions =
            tx.prepare_cached("SELECT person, count FROM mentions WHERE article = ?1")?;
        let mut rows = mentions.query([c.key])?;
        while let Some(row) = rows.next()? {
            let count: i64 = row.get(1)?;
            totals
                .people
                .entry(row.get(0)?)
                .or_default()
                .add(-count, -1, None);
        }
        let mut countries =
            tx.prepare_cached("SELECT code, name, count FROM countries WHERE article = ?1")?;
        let mut rows = countries.query([c.key])?;
        while let Some(row) = rows.next()? {
            let (code, name, count): (String, String, i64) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            totals
                .countries
                .entry(code)
                .or_insert((name, Delta::default()))
                .1
                .add(-count, -1, None);
        }
    }

    // Merge repeated names and codes, so each article has one row per person and country.
    let mut people: BTreeMap<&str, (u32, Vec<&str>)> = BTreeMap::new();
    for p in &r.people {
        let e = people.entry(p.name.as_str()).or_default();
        e.0 += p.mentions;
        for role in &p.roles {
            if !e.1.contains(&role.as_str()) {
                e.1.push(role);
            }
        }
    }
    let mut countries: BTreeMap<&str, (&str, u32)> = BTreeMap::new();
    for c in &r.countries {
        countries
            .entry(c.code.as_str())
            .or_insert((c.name.as_str(), 0))
            .1 += c.mentions;
    }

    let article_day = r.published.as_deref().and_then(day);
    st.article.execute(params![
        r.id,
        latest,
        r.source,
        r.layout,
        r.agency,
        r.section,
        r.headline,
        r.published,
        r.modified,
        article_day,
        time_key,
        revised_key,
        people.len() as i64,
        countries.len() as i64,
        r.quotes.len() as i64,
    ])?;
    let key = tx.last_insert_rowid();
    st.text.execute(params![key, r.headline, body, json])?;
    st.revision.execute([key, story.unwrap_or(key)])?;

    let counted = i64::from(latest);
    for (name, (count, roles)) in &people {
        let person = totals.person_key(st, name)?;
        totals.people.entry(person).or_default().add(
            i64::from(*count) * counted,
            counted,
            article_day.as_deref(),
        );
        let roles = serde_json::to_string(roles).unwrap_or_else(|_| "[]".into());
        st.mention.execute(params![key, person, count, roles])?;
    }
    for (code, (name, count)) in &countries {
        st.country.execute(params![key, code, name, count])?;
        totals
            .countries
            .entry((*code).to_owned())
            .or_insert_with(|| ((*name).to_owned(), Delta::default()))
            .1
            .add(i64::from(*count) * counted, counted, article_day.as_deref());
    }
    // The quotes themselves are in the record's JSON; who spoke them is what listings filter on.
    let mut speakers: BTreeMap<&str, i64> = BTreeMap::new();
    for speaker in r.quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        *speakers.entry(speaker).or_default() += 1;
    }
    for (speaker, quotes) in &speakers {
        st.speaker.execute(params![speaker, key, quotes])?;
    }
    search.push((key, r.headline.as_str(), body));
    Ok(outcome)
}
