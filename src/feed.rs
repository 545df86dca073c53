//! RSS 2.0, RSS 1.0, Atom and JSON Feed documents to the article links they list (`feed-rs`).

use url::Url;

/// One item of a feed: the article's address and its title as the feed gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The article's absolute URL.
    pub url: String,
    /// The item's title, if the feed gives one.
    pub title: Option<String>,
}

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("not an RSS or Atom feed: {0}")]
    Invalid(String),
}

/// The items of a feed, in the feed's order, each URL once. Relative links resolve against
/// `feed_url`; items without a web link are left out.
pub fn items(bytes: &[u8], feed_url: Option<&str>) -> Result<Vec<FeedItem>, FeedError> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(feed_url)
        .build()
        .parse(bytes)
        .map_err(|e| FeedError::Invalid(first_lower(&e.to_string())))?;
    let base = feed_url.and_then(|u| Url::parse(u).ok());
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first());
        let url = match link {
            Some(l) => match &base {
                Some(b) => b.join(l.href.trim()).ok(),
                None => Url::parse(l.href.trim()).ok(),
            },
            // An RSS guid that is a permalink: only when it is a whole URL.
            None => Url::parse(entry.id.trim()).ok(),
        }
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from);
        let Some(url) = url else { continue };
        if seen.insert(url.clone()) {
            let title = entry
                .title
                .map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty());
            out.push(FeedItem { url, title });
        }
    }
    Ok(out)
}

/// A list of feeds: one URL a line; blank lines and `#` comments are skipped.
pub fn feed_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(before, _)| before).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn first_lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_relative_links() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>One</title><link>https://news.example/one</link></item>
            <item><title>Two
              lines</title><link>/two</link></item>
            <item><title>Again</title><link>https://news.example/one</link></item>
            <item><title>No link</title><guid isPermaLink="false">abc-123</guid></item>
            </channel></rss>"#;
        let got = items(rss, Some("https://news.example/feed.xml")).unwrap();
        assert_eq!(
            got,
            [
                FeedItem {
                    url: "https://news.example/one".into(),
                    title: Some("One".into())
                },
                FeedItem {
                    url: "https://news.example/two".into(),
                    title: Some("Two lines".into())
                },
            ]
        );
    }

    #[test]
    fn atom_alternate_links() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
            <updated>2026-01-01T00:00:00Z</updated>
            <entry><title>E1</title><id>urn:e1</id><updated>2026-01-01T00:00:00Z</updated>
              <link rel="edit" href="https://a.example/edit/1"/>
              <link rel="alternate" type="text/html" href="https://a.example/news/1"/></entry>
            </feed>"#;
        let got = items(atom, None).unwrap();
        assert_eq!(got[0].url, "https://a.example/news/1");
    }

    #[test]
    fn json_feed_items() {
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"J",
            "items":[{"id":"1","url":"https://j.example/a","title":"A"}]}"#;
        let got = items(json, None).unwrap();
        assert_eq!(got[0].url, "https://j.example/a");
    }

    #[test]
    fn html_is_not_a_feed() {
        let err = items(b"<!doctype html><html><body>x</body></html>", None).unwrap_err();
        assert!(
            err.to_string().starts_with("not an RSS or Atom feed"),
            "{err}"
        );
    }

    #[test]
    fn feed_lists_skip_comments() {
        assert_eq!(
            feed_list("# my feeds\nhttps://a.example/rss\n\n  https://b.example/atom  # daily\n"),
            ["https://a.example/rss", "https://b.example/atom"]
        );
    }
}
