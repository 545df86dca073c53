//! Articles from the web for the commands: fetching pages (one at a time per host unless asked
//! otherwise) and expanding `--feed` arguments into article URLs.

use crate::batch::BatchConfig;
use crate::cli::WebArgs;
use crate::report::Reporter;
use newsarc::feed::{self, FeedItem};
use newsarc::fetch::{FetchConfig, FetchError, Fetcher, HostGate, Want};
use newsarc::parse::{self, html};
use newsarc::record::Record;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

/// Adds the article URLs that the `--feed` arguments list to `paths`, leaving out those for
/// which `known` is true (already archived). False when the run should stop here: there were
/// feeds but nothing is left to read (standard input must not be read in their place), or a
/// feed failed under `--fail-fast`.
pub fn add_feed_items(
    cfg: &BatchConfig,
    feeds: &[String],
    paths: &mut Vec<PathBuf>,
    reporter: &Reporter,
    mut known: impl FnMut(&str) -> bool,
) -> bool {
    if feeds.is_empty() {
        return true;
    }
    let items = cfg.read.web.feed_items(feeds, reporter);
    if cfg.fail_fast && reporter.failures() > 0 {
        return false;
    }
    let had_paths = !paths.is_empty();
    paths.extend(
        items
            .into_iter()
            .filter(|i| !known(&i.url))
            .map(|i| PathBuf::from(i.url)),
    );
    had_paths || !paths.is_empty()
}

/// The HTTP client of a run and its per-host limit. The client is made on the first download,
/// so runs over local files never build one.
#[derive(Debug)]
pub struct Web {
    config: FetchConfig,
    fetcher: OnceLock<Fetcher>,
    gate: HostGate,
}

impl Web {
    pub fn from_args(a: &WebArgs, max_size: u64) -> Web {
        Web {
            config: FetchConfig {
                connect_timeout: Duration::from_secs(a.connect_timeout),
                timeout: Duration::from_secs(a.timeout),
                max_size,
                max_redirects: a.max_redirects,
                proxy_from_env: true,
            },
            fetcher: OnceLock::new(),
            gate: HostGate::new(usize::from(a.per_host)),
        }
    }

    fn get(&self, url: &str, want: Want) -> Result<newsarc::fetch::Fetched, String> {
        let fetcher = self
            .fetcher
            .get_or_init(|| Fetcher::new(self.config.clone()));
        self.gate
            .run(url, || fetcher.get(url, want))
            .map_err(|e| match e {
                FetchError::TooLarge(_) => format!("{e} (raise it with --max-size)"),
                FetchError::Timeout(_) => format!("{e} (raise it with --timeout)"),
                _ => e.to_string(),
            })
    }

    /// Fetches and parses one article. The record's `source` is the URL as given; links resolve
    /// against the address the page was finally served from.
    pub fn read_page(&self, url: &str, reporter: &Reporter) -> Result<Record, String> {
        let page = self.get(url, Want::Page)?;
        let plain_text = page.media_type().as_deref() == Some("text/plain")
            && !html::looks_like_html(&page.body);
        let parsed = if plain_text {
            parse::parse_bytes(&page.body, url, &parse::Options::default())
        } else {
            let info = html::PageInfo {
                url: Some(&page.url),
                charset: page.charset(),
            };
            html::parse_html(&page.body, url, &info)
        }
        .map_err(|e| e.to_string())?;
        if let Some(enc) = parsed.encoding {
            reporter.note(url, &format!("no charset declared, decoded as {enc}"));
        }
        Ok(parsed.record)
    }

    /// The article links of every feed the `--feed` arguments name, in order, each URL once.
    /// An argument is a feed URL, a saved feed (a file that starts with `<`), or a file listing
    /// feed URLs. A feed that cannot be read (or a list file that cannot) is reported and
    /// skipped.
    pub fn feed_items(&self, args: &[String], reporter: &Reporter) -> Vec<FeedItem> {
        let mut feeds = Vec::new();
        let mut items = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for arg in args {
            if html::is_web_url(arg) {
                feeds.push(arg.clone());
                continue;
            }
            match std::fs::read(arg) {
                // A saved feed rather than a list of feeds.
                Ok(bytes) if looks_like_xml(&bytes) => match feed::items(&bytes, None) {
                    Ok(list) => {
                        items.extend(list.into_iter().filter(|i| seen.insert(i.url.clone())))
                    }
                    Err(e) => reporter.fail(arg, &e.to_string()),
                },
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let listed = feed::feed_list(&text);
                    if listed.is_empty() {
                        reporter.fail(arg, "no feed URLs in the list");
                    }
                    for url in listed {
                        if html::is_web_url(&url) {
                            feeds.push(url);
                        } else {
                            reporter.fail(arg, &format!("'{url}' is not an http(s) URL"));
                        }
                    }
                }
                Err(e) => reporter.fail(arg, &crate::inputs::io_message(&e)),
            }
        }
        for url in feeds {
            let read = self
                .get(&url, Want::Feed)
                .and_then(|f| feed::items(&f.body, Some(&f.url)).map_err(|e| e.to_string()));
            match read {
                Ok(list) => {
                    if list.is_empty() {
                        reporter.note(&url, "the feed lists no articles");
                    }
                    items.extend(list.into_iter().filter(|i| seen.insert(i.url.clone())));
                }
                Err(why) => reporter.fail(&url, &why),
            }
        }
        items
    }
}

/// Whether a file holds XML (a saved feed) rather than a list of URLs.
fn looks_like_xml(bytes: &[u8]) -> bool {
    let s = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    s[start..].starts_with(b"<")
}
