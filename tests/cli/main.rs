//! Integration tests: the real binary on fixtures in temporary folders. One module per
//! subcommand, a small harness in `util`.

mod archive_util;
mod util;

mod archive_safety;
mod check;
mod countries;
mod export;
mod ingest;
mod list;
mod parse;
mod people;
mod quotes;
mod robust;
mod schema;
mod search;
mod show;
mod stats;
