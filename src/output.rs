//! Record writers, generic over `io::Write` so every format is tested without a process.
//!
//! Wire formats:
//! - `json`: each record pretty-printed (two-space indent) and followed by a newline; several
//!   records form a stream of JSON values, which `jq` reads as it reads one.
//! - `ndjson`: each record as one compact line (JSON Lines).

use crate::record::Record;
use std::io::{self, Write};

/// How records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Ndjson,
}

/// Writes one record in `format`.
pub fn write_record<W: Write>(w: &mut W, record: &Record, format: Format) -> io::Result<()> {
    match format {
        Format::Json => serde_json::to_writer_pretty(&mut *w, record)?,
        Format::Ndjson => serde_json::to_writer(&mut *w, record)?,
    }
    w.write_all(b"\n")
}

/// One record in `format`, newline included, ready to be written.
pub fn record_bytes(record: &Record, format: Format) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    // Writing to a Vec cannot fail, and a Record always serialises.
    let _ = write_record(&mut out, record, format);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Options, parse_text};

    fn record() -> Record {
        parse_text(
            "A \"quoted\" head\u{2019}line\nBody\tline.",
            "x.txt",
            &Options::default(),
        )
        .unwrap()
    }

    #[test]
    fn ndjson_is_one_line_per_record() {
        let mut out = Vec::new();
        write_record(&mut out, &record(), Format::Ndjson).unwrap();
        write_record(&mut out, &record(), Format::Ndjson).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["headline"], "A \"quoted\" head\u{2019}line");
        assert_eq!(v["body"][0], "Body\tline.");
    }

    #[test]
    fn json_round_trips_and_keeps_key_order() {
        let mut out = Vec::new();
        write_record(&mut out, &record(), Format::Json).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\n  \"id\": "));
        let back: Record = serde_json::from_str(&text).unwrap();
        assert_eq!(back, record());
    }
}
