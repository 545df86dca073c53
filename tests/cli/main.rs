//! Integration tests: the real binary on fixtures in temporary folders. One module per
//! subcommand, a small harness in `util`.

mod util;

mod parse;
mod schema;
mod web;
