//! newsarc: parse wire articles into structured records, analyse them, archive them.
//!
//! ```
//! use newsarc::parse::{Options, parse_text};
//!
//! let text = "Lake towns vote to share ferry costs\n- Europe\n- Anadolu Agency\n\
//!             - Published Date: 08:05 | 3 March 2025\nFive towns agreed on Monday.";
//! let mut record = parse_text(text, "example.txt", &Options::default()).unwrap();
//! newsarc::extract::analyze(&mut record);
//! assert_eq!(record.layout, "anadolu");
//! assert_eq!(record.published.as_deref(), Some("2025-03-03T08:05:00+03:00"));
//! ```
#![forbid(unsafe_code)]

pub mod archive;
pub mod extract;
pub mod listing;
pub mod output;
pub mod parse;
pub mod record;
