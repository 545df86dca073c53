//! Yonhap: section, headline, `All News 10:37 January 04, 2026`, byline, `(ATTN: ...)` note, `SEOUL, Jan. 4 (Yonhap) -- ` dateline, reporter e-mail, `(END)`, keywords. Times are Korean (UTC+9).

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(Yonhap\)\s*--?|@yna\.co\.kr").unwrap());

pub(crate) static SPEC: Spec = Spec {
    name: "yonhap",
    agency: Some("Yonhap"),
    offset_hours: Some(9),
    marker: Some(&MARKER),
};
