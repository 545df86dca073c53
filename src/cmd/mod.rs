//! One module per subcommand: its arguments to a configuration, then library calls.

pub mod parse;
pub mod schema;
