//! Arbitrary bytes through the whole pipeline: decode, detect, parse, analyse, serialise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsarc::parse::{Options, parse_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = parse_bytes(data, "fuzz", &Options::default()) {
        let mut record = parsed.record;
        newsarc::extract::analyze(&mut record);
        let json = serde_json::to_string(&record).expect("a record always serialises");
        let back: newsarc::record::Record = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(back, record);
    }
});
