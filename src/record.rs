//! The record: what newsarc makes of one article. This module is the JSON contract.
//!
//! Every key is always present (lists may be empty, optional values are `null`), keys keep
//! the order in which the fields are declared here, and `newsarc schema` prints the JSON
//! Schema generated from these types, so the documentation cannot drift from the output.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One article, parsed and (unless analysis was skipped) analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// Stable content id: the first 16 hex digits of the SHA-256 of the normalised text
    /// (line ends, blank lines, trailing white space and a byte-order mark do not change it).
    pub id: String,
    /// Where the article came from: a path as given on the command line, `-` for standard input,
    /// or a URL.
    pub source: String,
    /// The wire layout the text was read as (`anadolu`, `reuters`, `ap`, `afp`, `xinhua`, `tass`,
    /// `aljazeera`, `yonhap` or `generic`), or `html` for a web page.
    pub layout: String,
    /// The headline exactly as printed.
    pub headline: String,
    /// A standfirst or subtitle printed under the headline, if any.
    pub standfirst: Option<String>,
    /// The desk or category line (`World`, `Energy`...), if the layout prints one.
    pub section: Option<String>,
    /// The agency's full name (`Anadolu Agency`, `Reuters`, `Associated Press`...), null for
    /// papers with no agency.
    pub agency: Option<String>,
    /// Reporters' names as printed in the byline.
    pub byline: Vec<String>,
    /// The place of the dateline (`WASHINGTON`, `GOMA, Congo`), if the article has one.
    pub dateline: Option<String>,
    /// Publication time, ISO 8601: `2026-01-21T09:53:00+03:00` where the layout states the UTC
    /// offset or the agency's convention fixes it, `2025-11-14T18:40:00` (local time, no offset)
    /// otherwise, `2025-02-09` where only a date is printed.
    pub published: Option<String>,
    /// Time of the last update, in the same form as `published`.
    pub modified: Option<String>,
    /// Body paragraphs in order, without headline, metadata, footers and related links.
    pub body: Vec<String>,
    /// Related-article links printed after (or inside) the body.
    pub related: Vec<Related>,
    /// People named in the headline or body (empty with `--no-analysis`).
    pub people: Vec<Person>,
    /// Countries the headline or body refers to, by name, demonym or capital.
    pub countries: Vec<Country>,
    /// Organisations named in the headline or body.
    pub organizations: Vec<Organization>,
    /// Quoted statements in the body with their speakers.
    pub quotes: Vec<Quote>,
    /// Date mentions in the body, resolved against the publication date.
    pub dates: Vec<DateMention>,
}

/// A related-article link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    /// The linked article's title as printed.
    pub title: String,
    /// Its absolute URL, null where the text gives none.
    pub url: Option<String>,
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// The fullest form of the name the text uses, diacritics as printed.
    pub name: String,
    /// Other forms the text uses (surname alone, a shorter form).
    pub aliases: Vec<String>,
    /// Titles and positions the text gives the person.
    pub roles: Vec<String>,
    /// How often the person is mentioned by name (full name or alias).
    pub mentions: u32,
}

/// A country the article refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// The country's common English name.
    pub name: String,
    /// How often the text refers to it (names, demonyms and capitals together).
    pub mentions: u32,
}

/// An organisation named in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    /// The name as printed (its fullest form).
    pub name: String,
    /// How often it is mentioned.
    pub mentions: u32,
}

/// Whether a quote is a whole statement or a fragment inside reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A statement quoted in full (`"...," she said`).
    Direct,
    /// A fragment quoted inside reported speech (`said the talks were "constructive"`).
    Partial,
}

/// A quoted statement in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The words between the quotation marks, as printed.
    pub text: String,
    /// The `name` of the person who said it, or the organisation or country the text attributes
    /// it to; null where the text does not say.
    pub speaker: Option<String>,
    /// Index of the body paragraph the quote stands in (0-based).
    pub paragraph: usize,
    /// `direct` or `partial`.
    pub kind: QuoteKind,
    /// The speech verb that attributes it (`said`, `told`, `wrote`...), if any.
    pub cue: Option<String>,
}

/// A date mentioned in the body, placed on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The words as printed (`on Wednesday`, `Jan. 3`, `last week`).
    pub text: String,
    /// The resolved date, `YYYY-MM-DD` (the first day for a week, month or year).
    pub date: String,
    /// Index of the body paragraph it stands in (0-based).
    pub paragraph: usize,
}

impl Record {
    /// The JSON Schema of a record, generated from these types.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Record)).unwrap_or(serde_json::Value::Null)
    }
}
