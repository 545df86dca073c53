//! TASS: section, headline, subtitle, `14 NOV 2025, 16:48`, `MOSCOW, November 14. /TASS/. ` dateline, then `Read also` and related titles. Times are Moscow time (UTC+3).

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(?:ITAR-)?TASS/\.").unwrap());

pub(crate) static SPEC: Spec = Spec {
    name: "tass",
    agency: Some("TASS"),
    offset_hours: Some(3),
    marker: Some(&MARKER),
};
