//! Articles from the web: saved HTML pages, URLs fetched from a local test server, RSS and Atom
//! feeds. Nothing here touches the internet: every URL points at a server the test starts on
//! 127.0.0.1.

use crate::util::*;
use predicates::prelude::*;
use serde_json::Value;

fn records(args: &[&str]) -> Vec<Value> {
    let out = newsarc()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    json_values(&out)
}

#[test]
fn every_html_fixture_gives_its_checked_record() {
    let dir = fixture("html");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if !(name.ends_with(".html") || name.ends_with(".htm")) {
            continue;
        }
        let stem = name.rsplit_once('.').unwrap().0;
        let expected: Value = serde_json::from_slice(
            &std::fs::read(dir.join(format!("{stem}.expected.json"))).unwrap(),
        )
        .unwrap();
        let got = records(&["parse", path.to_str().unwrap()]);
        assert_eq!(got.len(), 1);
        for key in PARSE_KEYS {
            assert_eq!(got[0][key], expected[key], "{name}: {key}");
        }
        let mut keys: Vec<&str> = got[0]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let mut want = ALL_KEYS.to_vec();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want, "{name}");
        assert_eq!(got[0]["source"], path.to_str().unwrap());
        assert_eq!(got[0]["id"].as_str().unwrap().len(), 16);
        seen += 1;
    }
    assert!(seen >= 4, "only {seen} html fixtures");
}

#[test]
fn folders_mix_text_and_pages() {
    let page = std::fs::read(fixture("html/opengraph-divs.html")).unwrap();
    let old = std::fs::read(fixture("html/visible-only-cp1252.htm")).unwrap();
    let text = std::fs::read(fixture("layouts/reuters.txt")).unwrap();
    let dir = tree(&[
        ("a/page.html", &page),
        ("b/old.HTM", &old),
        ("c/wire.txt", &text),
        ("d/notes.md", b"# not an article"),
    ]);
    let got = records(&["parse", "--format", "ndjson", dir.path().to_str().unwrap()]);
    let layouts: Vec<&str> = got.iter().map(|r| r["layout"].as_str().unwrap()).collect();
    assert_eq!(layouts, ["html", "html", "reuters"]);
}

#[test]
fn html_on_standard_input_is_sniffed() {
    let page = std::fs::read(fixture("html/jsonld-article.html")).unwrap();
    let out = newsarc()
        .args(["parse", "-"])
        .write_stdin(page)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got = json_values(&out);
    assert_eq!(got[0]["layout"], "html");
    assert_eq!(got[0]["source"], "-");
    assert_eq!(got[0]["dateline"], "PORTO");
}

#[test]
fn a_page_with_no_article_fails_alone() {
    let page = std::fs::read(fixture("html/jsonld-itemprop.html")).unwrap();
    let dir = tree(&[
        (
            "1.html",
            b"<!doctype html><title>Index</title><nav><p>Home</p></nav>",
        ),
        ("2.html", &page),
    ]);
    newsarc()
        .args(["parse", dir.path().to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "1.html: no article in the page: no paragraphs of article text",
        ))
        .stdout(predicate::str::contains("Rail & bus passes"));
}

// ---------------------------------------------------------------------------------------------
// A local HTTP server

use std::io::{BufRead, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A test server on 127.0.0.1 serving fixtures, feeds, redirects, errors, slow and oversized
/// responses. It remembers the User-Agent headers it saw and the most `/pause/N` requests it
/// held at once.
struct Server {
    base: String,
    agents: Arc<Mutex<Vec<String>>>,
    most_at_once: Arc<AtomicUsize>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let agents = Arc::new(Mutex::new(Vec::new()));
        let most_at_once = Arc::new(AtomicUsize::new(0));
        let now = Arc::new(AtomicUsize::new(0));
        let (a, m, b) = (agents.clone(), most_at_once.clone(), base.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (a, m, n, b) = (a.clone(), m.clone(), now.clone(), b.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &a, &b, &n, &m);
                });
            }
        });
        Server {
            base,
            agents,
            most_at_once,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn serve(
    stream: TcpStream,
    agents: &Mutex<Vec<String>>,
    base: &str,
    now: &AtomicUsize,
    most: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("user-agent")
        {
            agents.lock().unwrap().push(v.trim().to_owned());
        }
    }
    let html = |name: &str| std::fs::read(fixture(&format!("html/{name}"))).unwrap();
    let mut out = stream;
    let mut respond = |status: &str, headers: &[(&str, String)], body: &[u8]| {
        let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        out.write_all(head.as_bytes())?;
        out.write_all(body)
    };
    let ct = |v: &str| ("Content-Type", v.to_owned());
    match path.as_str() {
        "/news/ferry" => respond(
            "200 OK",
            &[ct("text/html; charset=utf-8")],
            &html("jsonld-article.html"),
        ),
        "/news/library.html" => respond(
            "200 OK",
            &[ct("text/html"), ("Content-Encoding", "gzip".into())],
            &gzip(&html("opengraph-divs.html")),
        ),
        // No charset from the server: the page's own <meta http-equiv> decides.
        "/news/cafe-meta.htm" => respond(
            "200 OK",
            &[ct("text/html")],
            &html("visible-only-cp1252.htm"),
        ),
        "/news/cafe.htm" => respond(
            "200 OK",
            &[ct("text/html; charset=windows-1252")],
            &html("visible-only-cp1252.htm"),
        ),
        // A page with relative related links and no canonical URL: they resolve against the
        // address the page was served from.
        "/city/rail-card" => respond(
            "200 OK",
            &[ct("text/html")],
            br#"<!doctype html><title>Card</title><h1>One card for rail and bus</h1>
            <article><p>Rail and bus passes merge into one card next year, officials said.</p></article>
            <aside class="related"><a href="fares">Fares frozen</a></aside>"#,
        ),
        "/wire.txt" => respond(
            "200 OK",
            &[ct("text/plain; charset=utf-8")],
            &std::fs::read(fixture("layouts/reuters.txt")).unwrap(),
        ),
        "/moved" => respond("301 Moved Permanently", &[("Location", "/news/ferry".into())], b""),
        "/loop" => respond("302 Found", &[("Location", "/loop".into())], b""),
        "/missing" => respond("404 Not Found", &[ct("text/html")], b"<h1>Not here</h1>"),
        "/broken" => respond(
            "500 Internal Server Error",
            &[ct("text/html")],
            b"<h1>Oops</h1>",
        ),
        "/report.pdf" => respond("200 OK", &[ct("application/pdf")], b"%PDF-1.4"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            respond("200 OK", &[ct("text/html")], &html("jsonld-article.html"))
        }
        "/huge" => {
            // No Content-Length: the limit must hold while reading.
            let mut body = b"<!doctype html><h1>Huge</h1>".to_vec();
            body.extend(b"<p>padding padding padding padding.</p>".repeat(40_000));
            out.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n")?;
            out.write_all(&body)
        }
        "/big-declared" => {
            out.write_all(
                b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: 999999999\r\n\r\n<html>",
            )
        }
        "/pause/1" | "/pause/2" | "/pause/3" => {
            // Counted while the request is held, and released before the answer is sent, so
            // that a client which waits for one answer before the next request counts 1.
            let running = now.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(running, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(300));
            now.fetch_sub(1, Ordering::SeqCst);
            respond("200 OK", &[ct("text/html")], &html("jsonld-itemprop.html"))
        }
        "/feed.xml" => {
            let rss = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test news</title><link>{base}/</link>
<item><title>Ferry timetable</title><link>{base}/news/ferry</link><guid>{base}/news/ferry</guid></item>
<item><title>Library</title><link>/news/library.html</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
<item><title>Ferry again</title><link>{base}/news/ferry</link></item>
</channel></rss>"#
            );
            respond("200 OK", &[ct("application/rss+xml")], rss.as_bytes())
        }
        "/atom.xml" => {
            let atom = format!(
                r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:test</id>
<updated>2026-04-02T00:00:00Z</updated>
<entry><title>Cafe fees</title><id>urn:1</id><updated>2026-04-02T00:00:00Z</updated>
<link rel="alternate" type="text/html" href="{base}/news/cafe.htm"/></entry>
</feed>"#
            );
            respond("200 OK", &[ct("application/atom+xml")], atom.as_bytes())
        }
        "/not-a-feed.xml" => respond("200 OK", &[ct("text/html")], b"<!doctype html><p>hi</p>"),
        _ => respond("404 Not Found", &[], b""),
    }
}

/// The binary without any proxy from the environment (the test server is local).
fn web() -> assert_cmd::Command {
    let mut cmd = newsarc();
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn run_web(args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = web().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        json_values(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_url_gives_the_same_record_as_the_saved_page() {
    let s = Server::start();
    let url = s.url("/news/ferry");
    let (code, got, err) = run_web(&["parse", &url]);
    assert_eq!(code, 0, "{err}");
    let saved = records(&[
        "parse",
        fixture("html/jsonld-article.html").to_str().unwrap(),
    ]);
    for key in PARSE_KEYS.iter().filter(|k| **k != "related") {
        assert_eq!(got[0][key], saved[0][key], "{key}");
    }
    // Relative links resolve against the address the page came from, as a browser's do.
    assert_eq!(got[0]["related"][1]["url"], s.url("/01/15/lake-ice-season"));
    assert_eq!(got[0]["related"][2], saved[0]["related"][2]);
    assert_eq!(got[0]["source"], url.as_str());
    assert_eq!(got[0]["id"], saved[0]["id"]);
    let agents = s.agents.lock().unwrap().clone();
    assert_eq!(agents, [format!("newsarc/{}", env!("CARGO_PKG_VERSION"))]);
}

#[test]
fn gzip_charsets_redirects_and_plain_text() {
    let s = Server::start();
    let (code, got, err) = run_web(&[
        "parse",
        "--format",
        "ndjson",
        &s.url("/news/library.html"),
        &s.url("/news/cafe.htm"),
        &s.url("/moved"),
        &s.url("/wire.txt"),
        &s.url("/city/rail-card"),
        &s.url("/news/cafe-meta.htm"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "declared charsets need no note: {err}");
    assert_eq!(got.len(), 6);
    assert_eq!(got[5]["headline"], got[1]["headline"]);
    assert_eq!(got[5]["body"], got[1]["body"]);
    assert_eq!(got[0]["headline"], "Library to open on Sundays from May");
    assert_eq!(
        got[1]["headline"],
        "Caf\u{e9} owners protest new terrace fees"
    );
    // The redirect's record keeps the URL asked for.
    assert_eq!(got[2]["source"], s.url("/moved"));
    assert_eq!(got[2]["dateline"], "PORTO");
    assert_eq!(got[3]["layout"], "reuters");
    assert_eq!(got[4]["related"][0]["url"], s.url("/city/fares"));
    // The cafe page lists a root-relative link: now it has an address to resolve against.
    assert_eq!(
        got[1]["related"][0]["url"],
        s.url("/news/2026/05/pavement-plan.htm")
    );
}

#[test]
fn each_failure_is_one_line_naming_the_url_and_the_batch_goes_on() {
    let s = Server::start();
    let refused = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/x", l.local_addr().unwrap())
    };
    let tls = s.url("/news/ferry").replace("http://", "https://");
    let cases = [
        (s.url("/missing"), "http 404 not found"),
        (s.url("/broken"), "http 500 internal server error"),
        (s.url("/loop"), "more than 5 redirects"),
        (
            s.url("/report.pdf"),
            "not a web page (content type application/pdf)",
        ),
        (s.url("/huge"), "larger than the 1 MiB size limit"),
        (s.url("/big-declared"), "larger than the 1 MiB size limit"),
        (s.url("/slow"), "timed out after 1 s"),
        (refused.clone(), "connection"),
        (tls.clone(), "tls error"),
    ];
    let mut args: Vec<String> = ["parse", "--timeout", "1", "--max-size", "1M", "--jobs", "4"]
        .map(String::from)
        .to_vec();
    args.extend(cases.iter().map(|(u, _)| u.clone()));
    args.push(s.url("/news/ferry"));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, got, err) = run_web(&refs);
    assert_eq!(code, 3, "{err}");
    assert_eq!(got.len(), 1, "{err}");
    assert_eq!(got[0]["source"], s.url("/news/ferry"));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), cases.len(), "{err}");
    for (url, why) in &cases {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("newsarc: {url}: ")))
            .unwrap_or_else(|| panic!("no line for {url} in\n{err}"));
        assert!(line.contains(why), "{line}");
    }
}

#[test]
fn one_download_at_a_time_per_host_unless_asked() {
    let s = Server::start();
    let urls: Vec<String> = (1..=3).map(|i| s.url(&format!("/pause/{i}"))).collect();
    let mut args = vec!["parse", "--jobs", "3", "--format", "ndjson"];
    args.extend(urls.iter().map(String::as_str));
    let (code, got, err) = run_web(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(got.len(), 3);
    assert_eq!(s.most_at_once.load(Ordering::SeqCst), 1);
    // In input order whatever the order they finished in.
    for (r, u) in got.iter().zip(&urls) {
        assert_eq!(r["source"], u.as_str());
    }
    args.extend(["--per-host", "3"]);
    let (code, _, err) = run_web(&args);
    assert_eq!(code, 0, "{err}");
    assert!(s.most_at_once.load(Ordering::SeqCst) > 1);
}

#[test]
fn feeds_fetch_every_item_once() {
    let s = Server::start();
    let (code, got, err) = run_web(&["parse", "--format", "ndjson", "--feed", &s.url("/feed.xml")]);
    assert_eq!(code, 3, "the missing item fails: {err}");
    let sources: Vec<&str> = got.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, [s.url("/news/ferry"), s.url("/news/library.html")]);
    assert!(err.contains(&format!(
        "newsarc: {}: http 404 not found",
        s.url("/missing")
    )));
}

#[test]
fn a_feed_list_file_with_comments_and_bad_feeds() {
    let s = Server::start();
    let list = format!(
        "# morning feeds\n{}\n\n{}   # atom\n{}\n",
        s.url("/atom.xml"),
        s.url("/feed.xml"),
        s.url("/not-a-feed.xml")
    );
    let dir = tree(&[("feeds.txt", list.as_bytes())]);
    let feeds = dir.path().join("feeds.txt");
    let (code, got, err) = run_web(&[
        "parse",
        "--quiet",
        "--format",
        "ndjson",
        "--feed",
        feeds.to_str().unwrap(),
    ]);
    assert_eq!(code, 3, "{err}");
    let sources: Vec<&str> = got.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            s.url("/news/cafe.htm"),
            s.url("/news/ferry"),
            s.url("/news/library.html")
        ]
    );
    assert!(
        err.contains(&format!(
            "newsarc: {}: not an RSS or Atom feed",
            s.url("/not-a-feed.xml")
        )),
        "{err}"
    );
}

#[test]
fn a_feed_with_nothing_to_fetch_does_not_read_standard_input() {
    let s = Server::start();
    let out = web()
        .args(["parse", "--feed", &s.url("/missing")])
        .write_stdin("Headline\nBody that must not be read.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
}

#[test]
fn fail_fast_stops_at_a_bad_feed() {
    let s = Server::start();
    let (code, got, err) = run_web(&[
        "parse",
        "--fail-fast",
        "--feed",
        &s.url("/not-a-feed.xml"),
        "--feed",
        &s.url("/feed.xml"),
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(got.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_saved_feed_file_is_read_as_a_feed() {
    let s = Server::start();
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Saved</title>
        <item><title>Cafe</title><link>{}</link></item></channel></rss>"#,
        s.url("/news/cafe.htm")
    );
    let dir = tree(&[("saved.xml", rss.as_bytes())]);
    let (code, got, err) = run_web(&[
        "parse",
        "--feed",
        dir.path().join("saved.xml").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(got[0]["source"], s.url("/news/cafe.htm"));
}

// ---------------------------------------------------------------------------------------------
// ingest: URLs and feeds into the archive

/// Counts the requests for each path, so a test can tell what was fetched.
fn hits(s: &Server) -> usize {
    s.agents.lock().unwrap().len()
}

#[test]
fn ingest_stores_a_url_with_its_source() {
    let s = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let url = s.url("/news/ferry");
    let out = web()
        .args(["ingest", "--quiet", "--archive", db.to_str().unwrap(), &url])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = web()
        .args([
            "list",
            "--archive",
            db.to_str().unwrap(),
            "--format",
            "ndjson",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Ferry operators agree winter timetable"),
        "{text}"
    );
}

#[test]
fn ingest_feed_fetches_only_items_not_yet_archived() {
    let s = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let feed = s.url("/feed.xml");
    let run = || {
        web()
            .args([
                "ingest",
                "--quiet",
                "--archive",
                db.to_str().unwrap(),
                "--feed",
                &feed,
            ])
            .output()
            .unwrap()
    };
    let first = run();
    // The feed, two articles and the missing one.
    assert_eq!(hits(&s), 4);
    assert_eq!(first.status.code(), Some(3));
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(err.contains("2 stored"), "{err}");

    let second = run();
    let err = String::from_utf8_lossy(&second.stderr);
    // Only the feed and the item that failed before are fetched again.
    assert_eq!(hits(&s), 4 + 2, "{err}");
    assert_eq!(second.status.code(), Some(3), "{err}");
    assert!(
        err.contains("2 feed items already archived, not fetched"),
        "{err}"
    );
    assert!(second.stdout.is_empty());
}

#[test]
fn ingest_feed_with_everything_archived_says_so_and_reads_no_stdin() {
    let s = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let feed = s.url("/atom.xml");
    for _ in 0..2 {
        let out = web()
            .args([
                "ingest",
                "--quiet",
                "--archive",
                db.to_str().unwrap(),
                "--feed",
                &feed,
            ])
            .write_stdin("Headline\nBody that must not be read.")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
    let out = web()
        .args(["ingest", "--archive", db.to_str().unwrap(), "--feed", &feed])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nothing new: 1 feed item is already in the archive"),
        "{err}"
    );
    // Two runs that stored, one that found nothing: three feed downloads, one article.
    assert_eq!(hits(&s), 3 + 1);
}
