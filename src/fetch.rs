//! Fetching web pages and feeds: a small blocking HTTP client (ureq with rustls).
//!
//! One [`Fetcher`] serves a whole run. Each request has a connect timeout and a total timeout
//! (redirects and body included), follows at most a set number of redirects, accepts gzip, and
//! refuses bodies over the size limit without holding more than the limit in memory. It sends
//! `User-Agent: newsarc/<version>`.
//!
//! A [`HostGate`] bounds how many requests run at once against one host, so that a batch with
//! many workers stays polite to each site.
//!
//! Every failure is one [`FetchError`] whose message is a short lowercase phrase
//! (`http 404 not found`, `timed out after 20 s`, `host not found`), for a caller to print after
//! the URL.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use ureq::ResponseExt;

/// The `User-Agent` newsarc sends.
pub const USER_AGENT: &str = concat!("newsarc/", env!("CARGO_PKG_VERSION"));

/// How requests are made.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Time to connect (DNS, TCP and TLS).
    pub connect_timeout: Duration,
    /// Time for the whole request: connecting, redirects, headers and body.
    pub timeout: Duration,
    /// The largest body accepted, in bytes (after gzip decoding).
    pub max_size: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Use the proxy named by `HTTPS_PROXY`, `HTTP_PROXY` or `ALL_PROXY` (and honour
    /// `NO_PROXY`). Off by default: the library reads no environment unless asked to.
    pub proxy_from_env: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_size: 10 << 20,
            max_redirects: 5,
            proxy_from_env: false,
        }
    }
}

/// What a request is for: decides the `Accept` header and which content types are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// An article: HTML (or plain wire text).
    Page,
    /// An RSS or Atom feed.
    Feed,
}

/// A fetched body and what the server said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, gzip decoded.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The `charset` the server declared.
    pub fn charset(&self) -> Option<&str> {
        self.content_type
            .as_deref()
            .and_then(crate::parse::html::charset_param)
    }

    /// The media type, lowercase, without parameters (`text/html`).
    pub fn media_type(&self) -> Option<String> {
        self.content_type.as_deref().map(media_type)
    }
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Why a URL could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http or https URL")]
    BadUrl,
    #[error("host not found")]
    HostNotFound,
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("tls error: {0}")]
    Tls(String),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("http {0}")]
    Status(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("redirect failed")]
    RedirectFailed,
    #[error("larger than the {0} size limit")]
    TooLarge(String),
    #[error("not a web page (content type {0})")]
    NotHtml(String),
    #[error("not a feed (content type {0})")]
    NotFeed(String),
    #[error("{0}")]
    Other(String),
}

/// A blocking HTTP client for one run.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    cfg: FetchConfig,
}

impl Fetcher {
    pub fn new(cfg: FetchConfig) -> Fetcher {
        let proxy = if cfg.proxy_from_env {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(cfg.connect_timeout))
            .timeout_global(Some(cfg.timeout))
            .max_redirects(cfg.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .proxy(proxy)
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            cfg,
        }
    }

    pub fn config(&self) -> &FetchConfig {
        &self.cfg
    }

    /// Fetches `url`; the body must be what `want` asks for.
    pub fn get(&self, url: &str, want: Want) -> Result<Fetched, FetchError> {
        if !crate::parse::html::is_web_url(url) {
            return Err(FetchError::BadUrl);
        }
        let https = url
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
        let accept = match want {
            Want::Page => "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1",
            Want::Feed => {
                "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
            }
        };
        let mut resp = self
            .agent
            .get(url)
            .header("Accept", accept)
            .call()
            .map_err(|e| self.error(e, https))?;
        let status = resp.status();
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("").to_ascii_lowercase();
            return Err(FetchError::Status(
                format!("{} {reason}", status.as_u16()).trim().to_owned(),
            ));
        }
        let final_url = resp.get_uri().to_string();
        let content_type = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(ct) = &content_type {
            check_type(&media_type(ct), want)?;
        }
        let max = self.cfg.max_size;
        let declared = resp
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > max) {
            return Err(FetchError::TooLarge(human(max)));
        }
        let mut body = Vec::new();
        resp.body_mut()
            .with_config()
            .limit(max.saturating_add(1))
            .reader()
            .take(max.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| self.io_error(e))?;
        if body.len() as u64 > max {
            return Err(FetchError::TooLarge(human(max)));
        }
        Ok(Fetched {
            url: final_url,
            content_type,
            body,
        })
    }

    fn error(&self, e: ureq::Error, https: bool) -> FetchError {
        match e {
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::Timeout(_) => FetchError::Timeout(self.cfg.timeout.as_secs().max(1)),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(self.cfg.max_redirects),
            ureq::Error::RedirectFailed => FetchError::RedirectFailed,
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(human(self.cfg.max_size)),
            ureq::Error::ConnectionFailed => FetchError::Connect("no address answered".into()),
            ureq::Error::BadUri(_) => FetchError::BadUrl,
            ureq::Error::Tls(m) => FetchError::Tls(m.to_owned()),
            ureq::Error::Rustls(e) => FetchError::Tls(lower(&e.to_string())),
            // Before any response, a closed or garbled https connection is a failed handshake.
            ureq::Error::Io(e)
                if https
                    && matches!(
                        e.kind(),
                        std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
                    ) =>
            {
                FetchError::Tls(lower(&e.to_string()))
            }
            // The system resolver's failure (getaddrinfo) arrives as a plain I/O error.
            ureq::Error::Io(e) if e.to_string().starts_with("failed to lookup address") => {
                FetchError::HostNotFound
            }
            ureq::Error::Io(e) => self.io_error(e),
            other => FetchError::Other(lower(&other.to_string())),
        }
    }

    fn io_error(&self, e: std::io::Error) -> FetchError {
        use std::io::ErrorKind;
        // ureq wraps its own errors (timeouts, the body limit) in io::Error while reading a body.
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
            return match inner {
                ureq::Error::Timeout(_) => FetchError::Timeout(self.cfg.timeout.as_secs().max(1)),
                ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(human(self.cfg.max_size)),
                other => FetchError::Other(lower(&other.to_string())),
            };
        }
        match e.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => {
                FetchError::Timeout(self.cfg.timeout.as_secs().max(1))
            }
            ErrorKind::ConnectionRefused => FetchError::Connect("connection refused".into()),
            ErrorKind::ConnectionReset => FetchError::Connect("connection reset".into()),
            _ => {
                let s = e.to_string();
                let s = s.split(" (os error").next().unwrap_or(&s);
                FetchError::Other(lower(s))
            }
        }
    }
}

/// Whether a response of this media type can be what was asked for.
fn check_type(media: &str, want: Want) -> Result<(), FetchError> {
    let xml = media == "application/xml" || media == "text/xml" || media.ends_with("+xml");
    let ok = match want {
        Want::Page => {
            media == "text/html"
                || media == "application/xhtml+xml"
                || media == "text/plain"
                || media.is_empty()
        }
        // Servers label feeds every way: trust the XML parser rather than the label, but refuse
        // what is plainly something else.
        Want::Feed => {
            xml || media.is_empty()
                || media == "text/plain"
                || media == "text/html"
                || media == "application/octet-stream"
                || media.contains("rss")
                || media.contains("atom")
                || media.contains("json")
        }
    };
    match (ok, want) {
        (true, _) => Ok(()),
        (false, Want::Page) => Err(FetchError::NotHtml(media.to_owned())),
        (false, Want::Feed) => Err(FetchError::NotFeed(media.to_owned())),
    }
}

fn lower(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn human(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// The host part of a URL, lowercase (`example.org:8080`); the URL itself when it has none.
pub fn host_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{}:{p}", h.to_ascii_lowercase()),
            (Some(h), None) => h.to_ascii_lowercase(),
            _ => url.to_owned(),
        },
        Err(_) => url.to_owned(),
    }
}

/// At most `per_host` requests at once against any one host. Hosts are kept in a sorted map of
/// counting semaphores; a request waits for a free slot on its host and frees it when done.
#[derive(Debug)]
pub struct HostGate {
    per_host: usize,
    hosts: Mutex<BTreeMap<String, Arc<Slots>>>,
}

/// Requests running against one host, and the signal that one finished.
type Slots = (Mutex<usize>, Condvar);

impl HostGate {
    pub fn new(per_host: usize) -> HostGate {
        HostGate {
            per_host: per_host.max(1),
            hosts: Mutex::new(BTreeMap::new()),
        }
    }

    /// Runs `f` once a slot on the URL's host is free.
    pub fn run<T>(&self, url: &str, f: impl FnOnce() -> T) -> T {
        let slot = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            hosts.entry(host_of(url)).or_default().clone()
        };
        let (count, freed) = &*slot;
        {
            let mut n = count.lock().unwrap_or_else(|p| p.into_inner());
            while *n >= self.per_host {
                n = freed.wait(n).unwrap_or_else(|p| p.into_inner());
            }
            *n += 1;
        }
        struct Release<'a>(&'a Slots);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                let mut n = self.0.0.lock().unwrap_or_else(|p| p.into_inner());
                *n = n.saturating_sub(1);
                self.0.1.notify_one();
            }
        }
        let _release = Release(&slot);
        f()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn hosts_with_ports() {
        assert_eq!(host_of("https://Example.org/a"), "example.org");
        assert_eq!(host_of("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
        assert_eq!(host_of("nonsense"), "nonsense");
    }

    #[test]
    fn content_types() {
        assert!(check_type("text/html", Want::Page).is_ok());
        assert!(check_type("text/plain", Want::Page).is_ok());
        assert_eq!(
            check_type("application/pdf", Want::Page),
            Err(FetchError::NotHtml("application/pdf".into()))
        );
        assert!(check_type("application/rss+xml", Want::Feed).is_ok());
        assert!(check_type("text/xml", Want::Feed).is_ok());
        assert!(check_type("application/feed+json", Want::Feed).is_ok());
        assert!(check_type("image/png", Want::Feed).is_err());
    }

    #[test]
    fn errors_read_as_one_short_phrase() {
        assert_eq!(
            FetchError::Status("404 not found".into()).to_string(),
            "http 404 not found"
        );
        assert_eq!(FetchError::Timeout(5).to_string(), "timed out after 5 s");
        assert_eq!(
            FetchError::TooLarge(human(1 << 20)).to_string(),
            "larger than the 1 MiB size limit"
        );
    }

    #[test]
    fn non_web_urls_are_refused_before_any_request() {
        let f = Fetcher::new(FetchConfig::default());
        assert_eq!(
            f.get("file:///etc/passwd", Want::Page),
            Err(FetchError::BadUrl)
        );
    }

    #[test]
    fn gate_keeps_one_request_per_host() {
        let gate = HostGate::new(1);
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for i in 0..6 {
                let (gate, running, most) = (&gate, &running, &most);
                s.spawn(move || {
                    let url = if i % 2 == 0 {
                        "http://a.example/x"
                    } else {
                        "http://b.example/y"
                    };
                    gate.run(url, || {
                        if url.contains("a.example") {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(20));
                            running.fetch_sub(1, Ordering::SeqCst);
                        }
                    });
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 1);
    }
}
