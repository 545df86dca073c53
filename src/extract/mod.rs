//! Record text to analysis: people, countries, organisations, quotes, dates.

use crate::record::Record;

/// Fills the analysis keys of `record` from its headline and body.
pub fn analyze(record: &mut Record) {
    let _ = record;
}
