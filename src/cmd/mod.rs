//! One module per subcommand: its arguments to a configuration, then library calls.

pub mod check;
pub mod common;
pub mod countries;
pub mod export;
pub mod ingest;
pub mod list;
pub mod parse;
pub mod people;
pub mod quotes;
pub mod schema;
pub mod search;
pub mod show;
pub mod stats;
