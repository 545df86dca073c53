//! Times as the archive compares them: record times to sortable keys, filter dates to bounds.

use super::error::{ArchiveError, Result};
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// A record time (`published`, `modified`) as a sortable key `YYYY-MM-DDTHH:MM:SS`: converted
/// to UTC when the time states its offset, taken as printed when it does not, midnight for a
/// bare date. `None` when the text is not one of those forms.
pub fn sort_key(iso: &str) -> Option<String> {
    const KEY: &str = "%Y-%m-%dT%H:%M:%S";
    if let Ok(t) = DateTime::parse_from_rfc3339(iso) {
        return Some(t.naive_utc().format(KEY).to_string());
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S") {
        return Some(t.format(KEY).to_string());
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M") {
        return Some(t.format(KEY).to_string());
    }
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .ok()
        .map(|d| format!("{}T00:00:00", d.format("%Y-%m-%d")))
}

/// The calendar day of a record time as printed (`YYYY-MM-DD`), before any conversion.
pub fn day(iso: &str) -> Option<String> {
    let head = iso.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|_| head.to_owned())
}

/// One end of a date filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// A calendar day, compared with the day the article was published as printed; inclusive.
    Day(String),
    /// A moment, compared with the publication time's sort key; inclusive.
    Moment(String),
}

impl Bound {
    /// Reads `2026-01-21`, `2026-01-21T09:53:00+03:00` or `2026-01-21T09:53:00`.
    pub fn parse(s: &str) -> Result<Bound> {
        let t = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(Bound::Day(d.format("%Y-%m-%d").to_string()));
        }
        if t.contains('T')
            && let Some(k) = sort_key(t)
        {
            return Ok(Bound::Moment(k));
        }
        Err(ArchiveError::BadDate(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_in_time_order() {
        let cases = [
            ("2026-01-21T09:53:00+03:00", Some("2026-01-21T06:53:00")),
            ("2025-11-14T18:40:00", Some("2025-11-14T18:40:00")),
            ("2025-02-09", Some("2025-02-09T00:00:00")),
            ("2026-01-01T01:00:00+05:00", Some("2025-12-31T20:00:00")),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(sort_key(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn days_as_printed() {
        assert_eq!(
            day("2026-01-01T01:00:00+05:00").as_deref(),
            Some("2026-01-01")
        );
        assert_eq!(day("2025-02-09").as_deref(), Some("2025-02-09"));
        assert_eq!(day("2025-13-09"), None);
        assert_eq!(day("2025"), None);
    }

    #[test]
    fn bounds() {
        assert_eq!(
            Bound::parse("2026-01-01").unwrap(),
            Bound::Day("2026-01-01".into())
        );
        assert_eq!(
            Bound::parse("2026-01-01T03:00:00+03:00").unwrap(),
            Bound::Moment("2026-01-01T00:00:00".into())
        );
        for bad in ["2026-02-30", "yesterday", "2026", "01/02/2026", ""] {
            assert!(
                matches!(Bound::parse(bad), Err(ArchiveError::BadDate(_))),
                "{bad}"
            );
        }
    }
}
