//! Text in no known layout: newspaper pages and anything else. An optional section line,
//! the headline, byline and date lines if present; otherwise the first line is the headline and
//! the rest is body.

use super::Spec;

pub(crate) static SPEC: Spec = Spec {
    name: "generic",
    agency: None,
    offset_hours: None,
    marker: None,
};
