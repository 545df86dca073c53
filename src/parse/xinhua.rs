//! Xinhua: headline, `Source: Xinhua| 2025-09-04 21:05:37|Editor: ...`, `CITY, Sept. 4 (Xinhua) -- ` dateline, `Enditem`. Times are Beijing time (UTC+8).

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(Xinhua\)\s*--?|(?m)^Source:\s*Xinhua").unwrap());

pub(crate) static SPEC: Spec = Spec {
    name: "xinhua",
    agency: Some("Xinhua"),
    offset_hours: Some(8),
    marker: Some(&MARKER),
};
