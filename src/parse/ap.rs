//! Associated Press: optional section, headline, upper-case `By` line, `Updated 9:47 PM EDT, September 11, 2025` or a bare date, `CITY (AP) — ` dateline, `___` before the contributor note.

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(AP\)\s*(?:—|–|-)|(?m)^Associated Press writers?\b").unwrap());

pub(crate) static SPEC: Spec = Spec {
    name: "ap",
    agency: Some("Associated Press"),
    offset_hours: None,
    marker: Some(&MARKER),
};
