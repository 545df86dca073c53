//! Al Jazeera page copy: `News|Topic` section, headline, standfirst, byline, `Published On 21 Jan 2026`, share and listen furniture, an in-body `Recommended Stories` list (the related links), `Source: Al Jazeera ...`.

use super::Spec;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^Source:\s*Al Jazeera|^Published On \d|^Recommended Stories$").unwrap()
});

pub(crate) static SPEC: Spec = Spec {
    name: "aljazeera",
    agency: Some("Al Jazeera"),
    offset_hours: None,
    marker: Some(&MARKER),
};
