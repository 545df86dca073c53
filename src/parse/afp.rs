//! Agence France-Presse: section, headline, byline, `Published on: 14/11/2025 - 18:40` and `Modified:` lines, `Paris (AFP) - ` dateline, `- Subhead -` lines, a `cdr/ah/jj` slug and `© 2025 AFP`. Paris time changes with the season and no zone is printed, so times stay local.

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(AFP\)\s*(?:—|–|-)|(?m)^©\s*\d{4}\s+AFP").unwrap());

pub(crate) static SPEC: Spec = Spec {
    name: "afp",
    agency: Some("Agence France-Presse"),
    offset_hours: None,
    marker: Some(&MARKER),
};
