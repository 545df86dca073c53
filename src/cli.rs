//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Parse, analyse and archive news-wire articles.
///
/// newsarc reads raw wire text (Anadolu, Reuters, AP, AFP, Xinhua, TASS, Yonhap, Al Jazeera,
/// or plain newspaper copy), saved web pages, URLs and feeds; turns each article into one JSON
/// record with its people, countries, organisations, quotes and dates; prints it on stdout for
/// jq and scripts (`parse`), or keeps it in an SQLite archive to search and summarise
/// (`ingest`, `list`, `search`...). Messages go to stderr.
///
/// Exit codes: 0 all well; 1 nothing matched; 2 usage or fatal error; 3 some inputs failed
/// (each named on stderr) while the others were processed.
#[derive(Debug, Parser)]
#[command(
    name = "newsarc",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles and print their records as JSON.
    ///
    /// Each PATH is a file, a folder (searched recursively for *.txt, *.html and *.htm files,
    /// hidden files and folders skipped), an http(s) URL to fetch, or - for standard input.
    /// With no PATH (and no --feed), standard input is read. Web pages (saved or fetched) are
    /// read as HTML and get layout "html".
    ///
    /// Examples:
    ///   newsarc parse article.txt
    ///   newsarc parse --format ndjson wires/ > records.ndjson
    ///   newsarc parse a.txt b.txt | jq -r .headline
    ///   cat article.txt | newsarc parse -
    ///   newsarc parse saved-page.html https://example.org/news/123
    ///   newsarc parse --feed https://example.org/rss --format ndjson
    #[command(verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Print the JSON Schema of a record.
    Schema,
    /// Parse, analyse and store articles in the archive.
    ///
    /// Takes paths like parse (files, folders, URLs, - for standard input), feeds with --feed,
    /// and/or a list of paths with --files-from. Feed items already in the archive are not
    /// fetched again. Articles already stored (same content id) are skipped; an updated
    /// version of a stored article (same agency and headline, or same source, later modified
    /// time, different body) is stored as a revision of it. Records are printed on stdout as
    /// parse prints them unless --quiet; a summary goes to stderr, and a progress bar while
    /// stderr is a terminal.
    ///
    /// Examples:
    ///   newsarc ingest article.txt
    ///   newsarc ingest ~/wires/ --quiet
    ///   find . -name '*.txt' -print0 | newsarc ingest --files-from - -0
    ///   newsarc ingest https://example.org/news/123
    ///   newsarc ingest --feed feeds.txt --quiet      (feed items already stored are not fetched)
    #[command(verbatim_doc_comment)]
    Ingest(IngestArgs),
    /// List archived articles, newest first.
    ///
    /// Examples:
    ///   newsarc list --since 2026-01-01 --country CU --format table
    ///   newsarc list --agency reuters --limit 20
    #[command(verbatim_doc_comment)]
    List(ListArgs),
    /// Show an archived article by id or unique id prefix.
    ///
    /// Shows the newest version of the article's story; --revisions shows every version,
    /// oldest first.
    ///
    /// Examples:
    ///   newsarc show 3f2a9c
    ///   newsarc show 3f2a9c --revisions --format json
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// Full-text search over headlines and bodies, best match first.
    ///
    /// QUERY: words (all must match), "exact phrases", OR, NOT, parentheses, prefix*,
    /// headline:word, and a NEAR/5 b (within 5 words).
    ///
    /// Examples:
    ///   newsarc search 'sanctions NEAR/5 oil' --person Harlan --agency Reuters --limit 20
    ///   newsarc search '"ferry costs" OR ferries'
    #[command(verbatim_doc_comment)]
    Search(SearchArgs),
    /// The most-mentioned people, with their roles and first and last appearance.
    People(PeopleArgs),
    /// Countries by the number of articles that refer to them.
    Countries(CountriesArgs),
    /// Quotes, newest first; with --speaker, everything the archive has someone saying.
    Quotes(QuotesArgs),
    /// Article counts: totals, by agency, by layout, by day.
    Stats(StatsArgs),
    /// Every stored record (every revision, in ingest order) as ndjson or csv.
    ///
    /// The ndjson lines are the records exactly as ingest printed them.
    Export(ExportArgs),
    /// Check the archive's integrity (SQLite's check and the archive's own); exit 2 if damaged.
    Check(CheckArgs),
}

/// Where the archive is.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// The archive file [default: ~/.local/share/newsarc/archive.db]
    #[arg(long, value_name = "PATH", env = "NEWSARC_ARCHIVE")]
    pub archive: Option<PathBuf>,
}

/// The filters every listing takes.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only articles published on or after this day (YYYY-MM-DD) or time.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before this day (YYYY-MM-DD) or time.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles from this agency (whole words, any case: reuters, "anadolu agency").
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Only articles naming this person (whole words, any case: harlan).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Only articles referring to this country (ISO code like CU, or name).
    #[arg(long, value_name = "CODE|NAME")]
    pub country: Option<String>,
    /// Only articles read as this layout (anadolu, reuters, ap, ...).
    #[arg(long, value_name = "NAME")]
    pub layout: Option<String>,
}

/// Output format of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormatArg {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line (the default when stdout is not a terminal).
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders, URLs, or - for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Also read the paths listed in FILE (one per line), or on standard input with -.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The --files-from list is separated by NUL bytes (find -print0), not lines.
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub batch: BatchArgs,

    /// Record output format (as parse); with --quiet no records are printed.
    #[arg(long, value_enum, default_value_t = RecordFormat::Json)]
    pub format: RecordFormat,

    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, or a unique prefix of it.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Show every stored version of the story, oldest first.
    #[arg(long)]
    pub revisions: bool,
    /// Output format [default: text on a terminal, json otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ShowFormat>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

/// Output format of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// The article as text to read.
    Text,
    /// The record, pretty-printed.
    Json,
    /// The record on one line.
    Ndjson,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to search for.
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Only the N most mentioned.
    #[arg(long, value_name = "N", alias = "limit")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct CountriesArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Only quotes by this speaker (whole words, any case).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(long, value_enum)]
    pub format: Option<ListFormatArg>,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// ndjson (full records, one per line) or csv (the main fields, lists joined with "; ").
    #[arg(long, value_enum, default_value_t = ExportFormat::Ndjson)]
    pub format: ExportFormat,
    /// Only the newest version of each story.
    #[arg(long)]
    pub latest: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

/// Output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    Csv,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub archive: ArchiveArgs,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files, folders, URLs, or - for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub batch: BatchArgs,

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

    /// Refuse files and downloads larger than this (bytes, or with a K, M or G suffix: 10M,
    /// 512K).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub max_size: u64,

    /// Skip the analysis (people, countries, organisations, quotes, dates): metadata only.
    #[arg(long)]
    pub no_analysis: bool,

    #[command(flatten)]
    pub web: WebArgs,
}

/// Options for articles read from the web (URL inputs and feeds).
#[derive(Debug, Args)]
pub struct WebArgs {
    /// Fetch every item of an RSS or Atom feed: a feed URL, a saved feed file, or a file
    /// listing feed URLs one a line (# starts a comment). May be given more than once.
    #[arg(long, value_name = "URL|FILE")]
    pub feed: Vec<String>,

    /// Give up on a download after this many seconds (connecting, redirects and body).
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,

    /// Give up connecting to a server after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub connect_timeout: u64,

    /// Follow at most this many redirects.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_redirects: u32,

    /// Downloads at once from any one host (--jobs caps them all together).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub per_host: u16,
}

/// Options for runs over many files.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar and no notes on stderr: only errors (and a command's final summary).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Stop at the first input that fails.
    #[arg(long)]
    pub fail_fast: bool,

    /// Hand on each record as soon as it is ready, not in input order (a little faster when
    /// files differ much in size).
    #[arg(long)]
    pub unordered: bool,
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
        let names: Vec<&str> = newsarc::parse::Layout::ALL
            .iter()
            .map(|l| l.name())
            .collect();
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
