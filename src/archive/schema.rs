//! The archive's schema and its forward migrations, versioned with `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes an archive from version `i` to `i + 1`; an empty file is version 0.
//! A release only ever appends to this list, so an archive made by one release opens with the
//! next. An archive whose version is higher than `MIGRATIONS.len()` was made by a newer
//! newsarc and is refused before anything is written to it.
//!
//! Tables (version 3):
//! - `articles`: one narrow row per stored record (every revision) with the columns listings
//!   and filters use, so that scanning it stays cheap. `latest` is 1 for the newest revision of
//!   each story; listings only see those.
//! - `texts`: per article, the headline and body as indexed (paragraphs joined by a blank line)
//!   and the full record as JSON (`record`), written once and returned verbatim by `export`.
//! - `revisions`: every article's story (the key of the story's first stored article).
//! - `people` (one row per name, with running totals over latest revisions) and `mentions`
//!   (article, person, count, roles).
//! - `countries`: per article, each country code, name and count; `country_totals` keeps the
//!   running totals per code over latest revisions, as `people` does per name.
//! - `quote_speakers`: per article, each speaker its quotes name and how many are theirs. The
//!   quotes themselves are read from the stored record (`texts.record`); `articles.n_quotes`
//!   counts them.
//! - `fts`: FTS5 index over headline and body, external content from `texts`.
//! - `meta`: key/value facts about the archive.

/// Identifies a newsarc archive among SQLite files (`PRAGMA application_id`): "NSAR".
pub const APPLICATION_ID: i32 = 0x4e53_4152;

/// Forward migrations, in order.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    latest      INTEGER NOT NULL,
    source      TEXT NOT NULL,
    layout      TEXT NOT NULL,
    agency      TEXT,
    section     TEXT,
    headline    TEXT NOT NULL,
    published   TEXT,
    modified    TEXT,
    day         TEXT,
    time_key    TEXT,
    revised_key TEXT,
    n_people    INTEGER NOT NULL,
    n_countries INTEGER NOT NULL,
    n_quotes    INTEGER NOT NULL
);
CREATE INDEX articles_latest_time ON articles(latest, time_key);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_agency_headline ON articles(agency, headline);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_layout ON articles(layout);

CREATE TABLE texts (
    key      INTEGER PRIMARY KEY REFERENCES articles(key),
    headline TEXT NOT NULL,
    body     TEXT NOT NULL,
    record   TEXT NOT NULL
);

CREATE TABLE revisions (
    article INTEGER PRIMARY KEY REFERENCES articles(key),
    story   INTEGER NOT NULL
);
CREATE INDEX revisions_story ON revisions(story);

CREATE TABLE people (
    key        INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    mentions   INTEGER NOT NULL DEFAULT 0,
    articles   INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen  TEXT
);
CREATE INDEX people_mentions ON people(mentions);

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(key),
    person  INTEGER NOT NULL REFERENCES people(key),
    count   INTEGER NOT NULL,
    roles   TEXT NOT NULL,
    PRIMARY KEY (article, person)
) WITHOUT ROWID;
CREATE INDEX mentions_person ON mentions(person);

CREATE TABLE countries (
    article INTEGER NOT NULL REFERENCES articles(key),
    code    TEXT NOT NULL,
    name    TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (article, code)
) WITHOUT ROWID;
CREATE INDEX countries_code ON countries(code);

CREATE TABLE quotes (
    key       INTEGER PRIMARY KEY,
    article   INTEGER NOT NULL REFERENCES articles(key),
    speaker   TEXT,
    text      TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    cue       TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE VIRTUAL TABLE fts USING fts5(
    headline, body,
    content = 'texts', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Version 2: running totals per country (so `countries` without filters reads 200 rows, not
/// every mention), filled from the rows already stored; drops the indexes no query plan used
/// (`day` and `layout`: the time index serves those filters) and makes the speaker index
/// usable by `speaker IN (...)` (it was NOCASE, the comparison is not).
const V2: &str = r#"
DROP INDEX articles_day;
DROP INDEX articles_layout;
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE country_totals (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    first_seen TEXT,
    last_seen  TEXT
) WITHOUT ROWID;
INSERT INTO country_totals (code, name, mentions, articles, first_seen, last_seen)
    SELECT c.code, MAX(c.name), SUM(CASE WHEN a.latest = 1 THEN c.count ELSE 0 END),
           SUM(a.latest = 1), MIN(a.day), MAX(a.day)
    FROM countries c JOIN articles a ON a.key = c.article
    GROUP BY c.code;
"#;

/// Version 3: quotes are no longer stored a second time, a row each with two indexes (a fifth of
/// the writer's work in `ingest`): the stored record has them. What the quote listing filters
/// on, who spoke, gets a row per speaker and article.
const V3: &str = r#"
CREATE TABLE quote_speakers (
    speaker TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key),
    quotes  INTEGER NOT NULL,
    PRIMARY KEY (speaker, article)
) WITHOUT ROWID;
INSERT INTO quote_speakers (speaker, article, quotes)
    SELECT speaker, article, count(*) FROM quotes WHERE speaker IS NOT NULL
    GROUP BY speaker, article;
DROP TABLE quotes;
"#;
