//! `newsarc schema`: the JSON Schema of a record.

use anyhow::Result;
use std::io::Write;

pub fn run(out: &mut impl Write) -> Result<crate::exit::ExitCode> {
    serde_json::to_writer_pretty(&mut *out, &newsarc::record::Record::json_schema())?;
    out.write_all(b"\n")?;
    Ok(crate::exit::ExitCode::Success)
}
