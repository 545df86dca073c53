//! Reuters: optional section line, headline, `By` line, `March 3, 2025 4:05 PM GMT+3` and `Updated ...` lines (the zone is printed), `CITY, Month D (Reuters) - ` dateline, `(Reporting by ...; Editing by ...)` footer.

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(Reuters\)\s*-|Thomson Reuters Trust Principles|(?m)^\((?:Reporting|Writing) by")
        .unwrap()
});

pub(crate) static SPEC: Spec = Spec {
    name: "reuters",
    agency: Some("Reuters"),
    offset_hours: None,
    marker: Some(&MARKER),
};
