//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Parse, analyse and archive news-wire articles.
///
/// newsarc reads raw wire text (Anadolu, Reuters, AP, AFP, Xinhua, TASS, Yonhap, Al Jazeera,
/// or plain newspaper copy), turns each article into one JSON record, and prints it on stdout
/// for jq and scripts. Messages go to stderr.
///
/// Exit codes: 0 all well; 1 nothing matched; 2 usage or fatal error; 3 some inputs failed
/// (each named on stderr) while the others were processed.
#[derive(Debug, Parser)]
#[command(name = "newsarc", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles and print their records as JSON.
    ///
    /// Each PATH is a file, a folder (searched recursively for *.txt files, hidden files and
    /// folders skipped), or - for standard input. With no PATH, standard input is read.
    ///
    /// Examples:
    ///   newsarc parse article.txt
    ///   newsarc parse --format ndjson wires/ > records.ndjson
    ///   newsarc parse a.txt b.txt | jq -r .headline
    ///   cat article.txt | newsarc parse -
    #[command(verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Print the JSON Schema of a record.
    Schema,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files, folders, or - for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: json (pretty, one object per article) or ndjson (one line per article).
    #[arg(long, value_enum, default_value_t = RecordFormat::Json)]
    pub format: RecordFormat,
}

/// Options shared by the commands that read articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Read every article as this layout instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_layout)]
    pub layout: Option<newsarc::parse::Layout>,

    /// Refuse files larger than this (bytes, or with a K, M or G suffix: 10M, 512K).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub max_size: u64,

    /// Skip the analysis (people, countries, organisations, quotes, dates): metadata only.
    #[arg(long)]
    pub no_analysis: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// Pretty-printed JSON, one object per article.
    Json,
    /// One compact JSON object per line.
    Ndjson,
}

fn parse_layout(s: &str) -> Result<newsarc::parse::Layout, String> {
    newsarc::parse::Layout::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = newsarc::parse::Layout::ALL.iter().map(|l| l.name()).collect();
        format!("unknown layout '{s}' (known: {})", names.join(", "))
    })
}

/// `10M`, `512K`, `1G`, `2048` (binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        None => (t, 1u64),
        Some((i, _)) => {
            let unit = t[i..].trim().to_ascii_lowercase();
            let mult = match unit.trim_end_matches('b').trim_end_matches('i') {
                "" => 1,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                _ => return Err(format!("'{s}' is not a size (use e.g. 10M, 512K, 2048)")),
            };
            (&t[..i], mult)
        }
    };
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("'{s}' is not a size (use e.g. 10M, 512K, 2048)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("2048"), Ok(2048));
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
