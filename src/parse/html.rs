//! Web pages to records: a saved or fetched HTML page becomes the same [`Record`] a wire text
//! does, with layout `html`.
//!
//! The page is parsed with an HTML5 parser (`scraper`, on html5ever); nothing here matches
//! markup with regular expressions. Each field is taken from the most trusted place that has
//! it:
//!
//! 1. schema.org JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle`... also inside
//!    `@graph` arrays): `headline`, `datePublished`, `dateModified`, `author`, `publisher`,
//!    `articleSection`, `description`;
//! 2. OpenGraph and `article:*` meta tags (`og:title`, `article:published_time`,
//!    `article:section`, `og:site_name`...), `<meta name="author">`;
//! 3. `<time datetime>` elements;
//! 4. the visible page: `<h1>`, a standfirst (`.standfirst`, `.subtitle`, `.dek`), a byline
//!    (`.byline`, `[rel=author]`).
//!
//! The body is the article's paragraphs: those of `[itemprop=articleBody]`, else of the
//! `<article>` around the densest run of `<p>`s, else of that densest block (widened over ad
//! breaks that split it); navigation, headers and footers, asides, forms, figures and captions,
//! ads, share bars, cookie banners, sidebars, teaser cards and "read more" blocks are left out.
//! Class and id words mark furniture (`ad-slot`, `cookie-consent`, `share-bar`), except on the
//! elements around the headline and the article body. Links in related-story blocks (and in
//! `Read more: ...` paragraphs) become [`Related`] entries with absolute URLs, resolved against
//! `<base href>`, the page's URL, or its canonical URL. As in wire text, a dateline opening the
//! first paragraph (`LISBON (Reuters) - ...`) is moved to `dateline`.
//!
//! The id is the content id of the headline and body paragraphs, so the same article fetched
//! twice (with different ads, scripts and timestamps around it) keeps its id.
//!
//! ```
//! use newsarc::parse::html::{PageInfo, parse_html};
//!
//! let page = br#"<!doctype html><title>Ferries | Gazette</title>
//!   <div class="cookie-banner"><p>We use cookies to measure our audience and show ads.</p></div>
//!   <article><h1>Lake ferries keep winter routes</h1>
//!   <p>All seven routes stay open, the operators said.</p>
//!   <div class="related"><a href="/ferry-fares">Ferry fares rise</a></div></article>"#;
//! let info = PageInfo { url: Some("https://gazette.example/news/ferries"), charset: None };
//! let record = parse_html(page, "https://gazette.example/news/ferries", &info).unwrap().record;
//! assert_eq!(record.layout, "html");
//! assert_eq!(record.headline, "Lake ferries keep winter routes");
//! assert_eq!(record.body, ["All seven routes stay open, the operators said."]);
//! assert_eq!(record.related[0].url.as_deref(), Some("https://gazette.example/ferry-fares"));
//! ```

use super::{ParseError, Parsed, content_id, dates, wire};
use crate::record::{Record, Related};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::LazyLock;
use url::Url;

/// What is known about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageInfo<'a> {
    /// The URL the page was fetched from (after redirects); relative links resolve against it.
    pub url: Option<&'a str>,
    /// The charset the server declared (`Content-Type: text/html; charset=...`).
    pub charset: Option<&'a str>,
}

/// Whether the bytes start like an HTML document: `<!doctype html`, `<html`, `<head`, `<body`,
/// `<meta` or `<title`, after white space, a byte-order mark and comments.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut s = &bytes[..bytes.len().min(4096)];
    if let Some(rest) = s.strip_prefix(b"\xEF\xBB\xBF") {
        s = rest;
    }
    loop {
        while let Some((first, rest)) = s.split_first() {
            if first.is_ascii_whitespace() {
                s = rest;
            } else {
                break;
            }
        }
        if s.starts_with(b"<!--") {
            match find(s, b"-->") {
                Some(end) => s = &s[end + 3..],
                None => return false,
            }
        } else if s.starts_with(b"<?xml") {
            match find(s, b"?>") {
                Some(end) => s = &s[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let starts = |tag: &[u8]| {
        s.len() > tag.len()
            && s[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(s[tag.len()], b' ' | b'>' | b'\t' | b'\r' | b'\n' | b'/')
    };
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
    ]
    .iter()
    .any(|t| starts(t))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="utf-8"`).
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|part| {
        let (k, v) = part.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|v| !v.is_empty())
    })
}

/// Decodes a page: byte-order mark, then the server's charset, then UTF-8 when the bytes are
/// valid UTF-8, then the page's own `<meta charset>` or `http-equiv` declaration, then damaged
/// UTF-8 or Windows-1252. The note names the encoding when it was guessed rather than declared.
fn decode_page(bytes: &[u8], declared: Option<&str>) -> (String, Option<&'static str>) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (
            enc.decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned(),
            None,
        );
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.as_bytes())) {
        return (decode_as(enc, bytes), None);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), None);
    }
    // Markup is ASCII: read it as Windows-1252 (which maps every byte) to find the declaration.
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let (ascii, _) = WINDOWS_1252.decode_without_bom_handling(head);
    if let Some(enc) = meta_charset(&Html::parse_document(&ascii)) {
        return (decode_as(enc, bytes), None);
    }
    if super::decode::mostly_utf8(bytes) {
        return (
            String::from_utf8_lossy(bytes).into_owned(),
            Some("UTF-8 (invalid bytes replaced with U+FFFD)"),
        );
    }
    (
        WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        Some(WINDOWS_1252.name()),
    )
}

fn decode_as(enc: &'static Encoding, bytes: &[u8]) -> String {
    // A page that declares UTF-16 but reached us as ASCII-compatible bytes is UTF-8 (HTML spec).
    let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        enc
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

fn meta_charset(doc: &Html) -> Option<&'static Encoding> {
    doc.select(sel(&META)).find_map(|m| {
        let label = m.attr("charset").or_else(|| {
            m.attr("http-equiv")
                .filter(|h| h.trim().eq_ignore_ascii_case("content-type"))
                .and(m.attr("content"))
                .and_then(charset_param)
        })?;
        Encoding::for_label(label.trim().as_bytes())
    })
}

macro_rules! selector {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Option<Selector>> = LazyLock::new(|| Selector::parse($css).ok());
    };
}

selector!(META, "meta");
selector!(SCRIPT, "script");
selector!(ARTICLE, "article");
selector!(ARTICLE_BODY, "[itemprop=articleBody]");
selector!(PARAGRAPH, "p");
selector!(H1, "h1");
selector!(BODY, "body");
selector!(TITLE, "title");
selector!(TIME, "time");
selector!(LINK_REL, "link[rel][href]");
selector!(BASE, "base[href]");
selector!(ANCHOR, "a[href]");
selector!(
    BYLINE,
    "[rel=author], [itemprop=author], .byline, .author, .author-name"
);
selector!(
    STANDFIRST,
    ".standfirst, .subtitle, .sub-title, .subheadline, .dek, .strapline, [itemprop=alternativeHeadline]"
);

/// A compiled selector (all of ours are valid; a failed one selects nothing).
fn sel(s: &'static LazyLock<Option<Selector>>) -> &'static Selector {
    static NOTHING: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("newsarc-none").expect("a valid selector"));
    s.as_ref().unwrap_or(&NOTHING)
}

/// Parses a page's bytes into a record with layout `html`.
pub fn parse_html(bytes: &[u8], source: &str, info: &PageInfo) -> Result<Parsed, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let (text, encoding) = decode_page(bytes, info.charset);
    let doc = Html::parse_document(&text);
    let page_url = info
        .url
        .or_else(|| is_web_url(source).then_some(source))
        .and_then(|u| Url::parse(u).ok());
    let record = Extractor::new(&doc, page_url).record(source)?;
    Ok(Parsed { record, encoding })
}

/// Whether `s` is an `http://` or `https://` URL.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The article metadata found in JSON-LD.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    description: Option<String>,
    alternative: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    section: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Report",
];

fn is_article_type(v: &Value) -> bool {
    let is = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        ARTICLE_TYPES.contains(&t)
    };
    match v.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// The first article object in a JSON-LD value: the value itself, an array member, or a member
/// of `@graph`.
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            if is_article_type(v) {
                Some(v)
            } else {
                map.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// A JSON-LD text value: a string, or the `name` (or `@value`) of an object, or the first of
/// an array.
fn ld_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => return items.iter().find_map(ld_text),
        Value::Object(m) => m
            .get("name")
            .or_else(|| m.get("@value"))
            .and_then(Value::as_str)?
            .to_owned(),
        _ => return None,
    };
    let s = clean(&unescape_entities(&s));
    (!s.is_empty()).then_some(s)
}

fn ld_article(doc: &Html) -> LdArticle {
    let article = doc
        .select(sel(&SCRIPT))
        .filter(|s| {
            s.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .filter_map(|s| serde_json::from_str::<Value>(s.text().collect::<String>().trim()).ok())
        .find_map(|v| find_article(&v).cloned());
    let Some(a) = article else {
        return LdArticle::default();
    };
    let text = |k: &str| a.get(k).and_then(ld_text);
    let mut authors = Vec::new();
    let mut push_author = |v: &Value| {
        let is_org = v
            .get("@type")
            .and_then(Value::as_str)
            .is_some_and(|t| t == "Organization" || t == "NewsMediaOrganization");
        if let Some(name) = ld_text(v).filter(|_| !is_org)
            && !authors.contains(&name)
        {
            authors.push(name);
        }
    };
    match a.get("author") {
        Some(Value::Array(items)) => items.iter().for_each(&mut push_author),
        Some(v) => push_author(v),
        None => {}
    }
    let url = a
        .get("mainEntityOfPage")
        .and_then(|m| m.get("@id").and_then(Value::as_str).or(m.as_str()))
        .or_else(|| a.get("url").and_then(Value::as_str))
        .map(str::to_owned);
    LdArticle {
        headline: text("headline").or_else(|| text("name")),
        description: text("description"),
        alternative: text("alternativeHeadline"),
        published: text("datePublished"),
        modified: text("dateModified"),
        authors,
        publisher: a.get("publisher").and_then(ld_text),
        section: text("articleSection"),
        url,
        body: a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(unescape_entities),
    }
}

/// Character references in JSON-LD strings (some sites escape them twice).
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // a byte search: `;` is ASCII, and the 12-byte window may end inside a character
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// White space collapsed to single spaces, zero-width characters removed, ends trimmed.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let word: String = word
            .chars()
            .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
            .collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// A date as the page gives it (ISO 8601 in metadata, or printed words), in the record's form:
/// `2026-03-04T09:30:00+01:00`, `2026-03-04T09:30:00` or `2026-03-04`.
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    const ZONED: &str = "%Y-%m-%dT%H:%M:%S%:z";
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.format(ZONED).to_string());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.format(ZONED).to_string());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    dates::scan(s).map(|st| st.to_iso(None))
}

/// Tags whose content is never article text.
const SKIP_TAGS: [&str; 22] = [
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "script",
    "style",
    "noscript",
    "figure",
    "figcaption",
    "iframe",
    "button",
    "svg",
    "template",
    "select",
    "dialog",
    "object",
    "video",
    "audio",
    "picture",
    "menu",
    "textarea",
];

const SKIP_ROLES: [&str; 8] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
];

/// Words in `class` and `id` values (split at `-`, `_` and white space) that mark page
/// furniture.
const SKIP_WORDS: [&str; 44] = [
    "sidebar",
    "rail",
    "widget",
    "mostread",
    "trending",
    "popular",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "promo",
    "banner",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "readmore",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "comments",
    "comment",
    "caption",
    "credit",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "author",
    "tags",
    "toolbar",
    "popup",
    "modal",
    "standfirst",
    "subtitle",
    "dek",
];

/// Class and id words that mark a block of links to other stories.
const RELATED_WORDS: [&str; 6] = [
    "related",
    "readmore",
    "recommended",
    "seealso",
    "alsoread",
    "morestories",
];

/// The words of an element's class and id (lowercase), with adjacent pairs also joined
/// (`read-more` gives `read`, `more` and `readmore`).
fn marker_words(el: &scraper::node::Element) -> Vec<String> {
    let mut words = Vec::new();
    let names = el.classes().chain(el.id());
    for name in names {
        let parts: Vec<String> = name
            .split(['-', '_', ' '])
            .filter(|p| !p.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        for pair in parts.windows(2) {
            words.push(format!("{}{}", pair[0], pair[1]));
        }
        words.extend(parts);
    }
    words
}

/// Whether an element is page furniture: by its tag, role or hidden state, or by the words of
/// its class and id, except for an element around the page's headline or article body (a
/// wrapper whose classes happen to say `ads-enabled` or `has-sidebar` is not an ad).
fn is_furniture(el: ElementRef, main: &[ElementRef]) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden")
            .is_some_and(|a| a.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if v.attr("role").is_some_and(|r| {
        SKIP_ROLES
            .iter()
            .any(|s| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(s)))
    }) {
        return true;
    }
    !is_main(el, main)
        && marker_words(v)
            .iter()
            .any(|w| SKIP_WORDS.contains(&w.as_str()))
}

/// Whether `el` holds the page's headline or article body.
fn is_main(el: ElementRef, main: &[ElementRef]) -> bool {
    main.iter().any(|m| m.id() == el.id())
}

fn is_related_block(el: ElementRef, main: &[ElementRef]) -> bool {
    !is_main(el, main)
        && (marker_words(el.value())
            .iter()
            .any(|w| RELATED_WORDS.contains(&w.as_str()))
            || (matches!(el.value().name(), "aside" | "section" | "div" | "nav")
                && first_heading(el).is_some_and(|h| is_related_heading(&h))))
}

/// The heading that opens a block: its first element child when that is a heading (or a
/// `<header>` or `<div>` whose own first child is), never one further down, so that a wrapper
/// around the whole page is not taken for the block of links that ends it.
fn first_heading(el: ElementRef) -> Option<String> {
    let is_heading =
        |e: &ElementRef| matches!(e.value().name(), "h2" | "h3" | "h4" | "h5" | "strong");
    let first = el.child_elements().next()?;
    let heading = if is_heading(&first) {
        first
    } else if matches!(first.value().name(), "header" | "div") {
        first.child_elements().next().filter(is_heading)?
    } else {
        return None;
    };
    Some(clean(&heading.text().collect::<String>()))
}

fn is_related_heading(h: &str) -> bool {
    let h = h.trim_end_matches(':').to_lowercase();
    [
        "related",
        "related stories",
        "related articles",
        "related coverage",
        "read more",
        "read also",
        "see also",
        "more on this story",
        "more stories",
        "recommended",
        "recommended stories",
        "you may also like",
    ]
    .contains(&h.as_str())
}

/// A `Read more: ...` paragraph: its prefix.
fn read_more_prefix(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "read more:",
        "read more -",
        "read also:",
        "also read:",
        "see also:",
        "related:",
        "more:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Whether `el` or one of its ancestors up to (not including) `stop` is furniture.
fn inside_furniture(el: ElementRef, stop: Option<ElementRef>, main: &[ElementRef]) -> bool {
    let mut cur = Some(el);
    while let Some(e) = cur {
        if stop.is_some_and(|s| s.id() == e.id()) || matches!(e.value().name(), "body" | "html") {
            return false;
        }
        if is_furniture(e, main) {
            return true;
        }
        cur = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// The text of an element, white space collapsed; `<br>` counts as a space. Also returns how
/// much of it stands inside links.
fn element_text(el: ElementRef) -> (String, usize) {
    fn walk(el: ElementRef, in_link: bool, out: &mut String, linked: &mut usize) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    out.push_str(t);
                    if in_link {
                        *linked += t.trim().chars().count();
                    }
                }
                Node::Element(e) => {
                    let Some(ce) = ElementRef::wrap(child) else {
                        continue;
                    };
                    match e.name() {
                        "br" => out.push(' '),
                        "script" | "style" | "noscript" | "template" | "button" | "svg" => {}
                        "a" => walk(ce, true, out, linked),
                        _ => walk(ce, in_link, out, linked),
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    let mut linked = 0;
    walk(el, false, &mut out, &mut linked);
    (clean(&out), linked)
}

/// Reads one parsed page.
struct Extractor<'a> {
    doc: &'a Html,
    /// The URL relative links resolve against.
    base: Option<Url>,
    /// `<meta>` name or property (lowercase) -> content, first occurrence.
    meta: Vec<(String, String)>,
    ld: LdArticle,
    /// The elements around the page's `<h1>`s and `[itemprop=articleBody]` (themselves
    /// included): never furniture by their class words, never a related-links block.
    main: Vec<ElementRef<'a>>,
}

impl<'a> Extractor<'a> {
    fn new(doc: &'a Html, page_url: Option<Url>) -> Self {
        let meta: Vec<(String, String)> = doc
            .select(sel(&META))
            .filter_map(|m| {
                let key = m
                    .attr("property")
                    .or(m.attr("name"))
                    .or(m.attr("itemprop"))?;
                let content = clean(m.attr("content")?);
                (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), content))
            })
            .collect();
        let mut ex = Extractor {
            doc,
            base: None,
            meta,
            ld: ld_article(doc),
            main: Vec::new(),
        };
        for anchor in doc.select(sel(&H1)).chain(doc.select(sel(&ARTICLE_BODY))) {
            let mut cur = Some(anchor);
            while let Some(e) = cur {
                if !ex.main.iter().any(|m| m.id() == e.id()) {
                    ex.main.push(e);
                }
                cur = e.parent().and_then(ElementRef::wrap);
            }
        }
        let canonical = ex
            .link_rel("canonical")
            .or_else(|| ex.meta("og:url").map(str::to_owned))
            .or_else(|| ex.ld.url.clone())
            .and_then(|c| Url::parse(&c).ok());
        let page = page_url.or(canonical);
        let base_tag = doc.select(sel(&BASE)).next().and_then(|b| b.attr("href"));
        ex.base = match (base_tag, &page) {
            (Some(href), Some(p)) => p.join(href).ok().or(Some(p.clone())),
            (Some(href), None) => Url::parse(href).ok(),
            (None, p) => p.clone(),
        };
        ex
    }

    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn link_rel(&self, rel: &str) -> Option<String> {
        self.doc
            .select(sel(&LINK_REL))
            .find(|l| {
                l.attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(rel)))
            })
            .and_then(|l| l.attr("href"))
            .map(|h| h.trim().to_owned())
    }

    /// An absolute http(s) URL for a link, or `None` (fragments, `javascript:`, `mailto:`,
    /// relative links on a page whose address is unknown).
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let url = match &self.base {
            Some(b) => b.join(href).ok()?,
            None => Url::parse(href).ok()?,
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    }

    fn record(&self, source: &str) -> Result<Record, ParseError> {
        let ld = &self.ld;
        let container = self.container();
        let title_h1 = self.visible_headline(container);
        let headline = ld
            .headline
            .clone()
            .or_else(|| self.meta("og:title").map(str::to_owned))
            .or_else(|| self.meta("twitter:title").map(str::to_owned))
            .or(title_h1)
            .or_else(|| {
                self.doc
                    .select(sel(&TITLE))
                    .next()
                    .map(|t| clean(&t.text().collect::<String>()))
            })
            .filter(|h| h.chars().any(char::is_alphanumeric))
            .ok_or_else(|| {
                ParseError::NoHeadline("no headline in metadata, <h1> or <title>".into())
            })?;

        let mut body = Vec::new();
        if let Some(c) = container {
            self.paragraphs(c, &mut body);
        }
        if body.is_empty()
            && let Some(text) = &ld.body
        {
            body = text.lines().map(clean).filter(|l| !l.is_empty()).collect();
        }
        if body.is_empty() {
            return Err(ParseError::NoArticle(
                "no paragraphs of article text".into(),
            ));
        }

        // Date lines and a byline that the page prints as paragraphs at the top of the body.
        let mut published = ld
            .published
            .as_deref()
            .or(self.meta("article:published_time"))
            .or(self.meta("datepublished"))
            .or(self.meta("og:published_time"))
            .and_then(iso_date);
        let mut modified = ld
            .modified
            .as_deref()
            .or(self.meta("article:modified_time"))
            .or(self.meta("datemodified"))
            .or(self.meta("og:updated_time"))
            .and_then(iso_date);
        if published.is_none() {
            published = self.time_element(container, false);
        }
        if modified.is_none() {
            modified = self.time_element(container, true);
        }
        let mut byline = ld.authors.clone();
        if byline.is_empty() {
            byline = self.meta_authors();
        }
        if byline.is_empty() {
            byline = self.visible_byline(container);
        }
        let mut i = 0;
        while i < body.len().min(3) && body.len() > 1 {
            if let Some(stamps) = dates::date_line(&body[i]) {
                for (label, stamp) in stamps {
                    let slot = if label == dates::Label::Modified {
                        &mut modified
                    } else {
                        &mut published
                    };
                    slot.get_or_insert_with(|| stamp.to_iso(None));
                }
                body.remove(i);
            } else if let Some(names) = wire::byline(&body[i]) {
                if byline.is_empty() {
                    byline = names;
                }
                body.remove(i);
            } else {
                i += 1;
            }
        }

        let mut dateline = None;
        if let Some((place, rest)) = wire::split_dateline(&body[0]) {
            let rest = rest.trim().to_owned();
            dateline = Some(place);
            if rest.is_empty() {
                body.remove(0);
            } else {
                body[0] = rest;
            }
        }

        let standfirst = self
            .visible_standfirst(container)
            .or_else(|| ld.alternative.clone())
            .or_else(|| ld.description.clone())
            .or_else(|| self.meta("og:description").map(str::to_owned))
            .or_else(|| self.meta("description").map(str::to_owned))
            .filter(|s| !repeats_body(s, &body) && *s != headline);

        let section = ld
            .section
            .clone()
            .or_else(|| self.meta("article:section").map(str::to_owned));
        let agency = ld
            .publisher
            .clone()
            .or_else(|| self.meta("og:site_name").map(str::to_owned));

        let mut lines: Vec<&str> = vec![headline.as_str()];
        lines.extend(body.iter().map(String::as_str));
        Ok(Record {
            id: content_id(&lines),
            source: source.to_owned(),
            layout: "html".to_owned(),
            headline,
            standfirst,
            section,
            agency,
            byline,
            dateline,
            published,
            modified,
            body,
            related: self.related(),
            people: Vec::new(),
            countries: Vec::new(),
            organizations: Vec::new(),
            quotes: Vec::new(),
            dates: Vec::new(),
        })
    }

    /// The element that holds the article's paragraphs: `[itemprop=articleBody]`; else the
    /// `<article>` around the densest run of paragraphs; else the densest container, widened
    /// while its parent holds clearly more prose (a body split into blocks by ads); else an
    /// `<article>` holding more prose than that.
    fn container(&self) -> Option<ElementRef<'a>> {
        if let Some(b) = self
            .doc
            .select(sel(&ARTICLE_BODY))
            .find(|e| !inside_furniture(*e, None, &self.main))
        {
            return Some(b);
        }
        let body = self.doc.select(sel(&BODY)).next();
        let Some(dense) = self.densest() else {
            // Only short paragraphs: an <article> if there is one, else the whole page.
            return self
                .doc
                .select(sel(&ARTICLE))
                .find(|a| !inside_furniture(*a, None, &self.main))
                .or(body);
        };
        let mut cur = Some(dense);
        while let Some(e) = cur {
            if e.value().name() == "article" && !inside_furniture(e, None, &self.main) {
                return Some(e);
            }
            cur = e.parent().and_then(ElementRef::wrap);
        }
        let mut best = dense;
        let mut best_text = prose_in(dense, &self.main);
        for _ in 0..3 {
            let Some(parent) = best.parent().and_then(ElementRef::wrap) else {
                break;
            };
            if matches!(parent.value().name(), "body" | "html") || is_furniture(parent, &self.main)
            {
                break;
            }
            let text = prose_in(parent, &self.main);
            if text * 100 < best_text * 115 {
                break;
            }
            best = parent;
            best_text = text;
        }
        let best_article = self
            .doc
            .select(sel(&ARTICLE))
            .filter(|a| !inside_furniture(*a, None, &self.main))
            .map(|a| (prose_in(a, &self.main), a))
            .max_by_key(|(n, _)| *n);
        match best_article {
            Some((n, a)) if n > best_text => Some(a),
            _ => Some(best),
        }
    }

    /// The element with the most paragraph text: each prose paragraph's length counts fully
    /// for its parent and half for its grandparent; ties go to the first in document order.
    fn densest(&self) -> Option<ElementRef<'a>> {
        // Keyed by node id (creation order, which for a parsed page is document order).
        let mut scores = std::collections::BTreeMap::new();
        for p in self.doc.select(sel(&PARAGRAPH)) {
            if inside_furniture(p, None, &self.main) {
                continue;
            }
            let len = prose_len(p);
            if len == 0 {
                continue;
            }
            let parent = p.parent().and_then(ElementRef::wrap);
            let grand = parent.and_then(|e| e.parent()).and_then(ElementRef::wrap);
            for (el, share) in [(parent, len), (grand, len / 2)] {
                let Some(el) = el else { continue };
                scores.entry(el.id()).or_insert((el, 0usize)).1 += share;
            }
        }
        scores
            .into_values()
            .rev()
            .max_by_key(|(_, s)| *s)
            .map(|(el, _)| el)
    }

    /// Body paragraphs of the container, in order.
    fn paragraphs(&self, container: ElementRef, out: &mut Vec<String>) {
        for child in container.child_elements() {
            if is_furniture(child, &self.main) {
                continue;
            }
            match child.value().name() {
                "p" => {
                    let (text, linked) = element_text(child);
                    let len = text.chars().count();
                    let all_link = linked > 0 && linked + 2 >= len;
                    if text.is_empty()
                        || read_more_prefix(&text)
                        || (all_link && len < 100)
                        || wire::is_body_noise(&text)
                        || wire::is_header_noise(&text)
                        || wire::is_footer(&text)
                    {
                        continue;
                    }
                    out.push(text);
                }
                // Headings are not paragraphs; a nested <article> is another story.
                "h1" | "article" => {}
                _ => self.paragraphs(child, out),
            }
        }
    }

    fn visible_headline(&self, container: Option<ElementRef>) -> Option<String> {
        let in_article = container.and_then(|c| {
            let mut cur = Some(c);
            while let Some(e) = cur {
                if let Some(h) = e.select(sel(&H1)).next() {
                    return Some(h);
                }
                cur = e.parent().and_then(ElementRef::wrap);
            }
            None
        });
        in_article
            .or_else(|| self.doc.select(sel(&H1)).next())
            .map(|h| element_text(h).0)
            .filter(|h| !h.is_empty())
    }

    fn visible_standfirst(&self, container: Option<ElementRef>) -> Option<String> {
        let scope = container
            .and_then(|c| c.parent().and_then(ElementRef::wrap))
            .unwrap_or_else(|| self.doc.root_element());
        scope
            .select(sel(&STANDFIRST))
            .map(|e| element_text(e).0)
            .find(|t| !t.is_empty())
    }

    fn meta_authors(&self) -> Vec<String> {
        let names = self
            .meta("author")
            .or(self.meta("article:author"))
            .or(self.meta("byl"))
            .filter(|a| !is_web_url(a));
        match names {
            Some(n) => split_names(n.strip_prefix("By ").unwrap_or(n)),
            None => Vec::new(),
        }
    }

    fn visible_byline(&self, container: Option<ElementRef>) -> Vec<String> {
        let scope = container
            .and_then(|c| c.parent().and_then(ElementRef::wrap))
            .unwrap_or_else(|| self.doc.root_element());
        let Some(el) = scope.select(sel(&BYLINE)).find(|e| !in_other_content(*e)) else {
            return Vec::new();
        };
        let text = element_text(el).0;
        wire::byline(&text).unwrap_or_else(|| split_names(&text))
    }

    /// The first `<time datetime>` (for `modified`, one marked as the update time).
    fn time_element(&self, container: Option<ElementRef>, modified: bool) -> Option<String> {
        let scope = container
            .and_then(|c| c.parent().and_then(ElementRef::wrap))
            .unwrap_or_else(|| self.doc.root_element());
        let is_update = |t: &ElementRef| {
            let prop = t.attr("itemprop").unwrap_or("").to_ascii_lowercase();
            prop == "datemodified"
                || marker_words(t.value())
                    .iter()
                    .any(|w| w == "updated" || w == "modified")
        };
        scope
            .select(sel(&TIME))
            .filter(|t| !in_other_content(*t))
            .filter(|t| is_update(t) == modified)
            .find_map(|t| {
                t.attr("datetime")
                    .and_then(iso_date)
                    .or_else(|| iso_date(&element_text(t).0))
            })
    }

    /// Links in related-story blocks and `Read more:` paragraphs, in page order, each URL once.
    fn related(&self) -> Vec<Related> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        self.related_in(self.doc.root_element(), &mut out, &mut seen);
        out
    }

    fn related_in(&self, el: ElementRef, out: &mut Vec<Related>, seen: &mut BTreeSet<String>) {
        for child in el.child_elements() {
            let name = child.value().name();
            if matches!(name, "script" | "style" | "template" | "noscript") {
                continue;
            }
            let block = is_related_block(child, &self.main)
                || (name == "p" && read_more_prefix(&element_text(child).0));
            if !block {
                self.related_in(child, out, seen);
                continue;
            }
            for a in child.select(sel(&ANCHOR)) {
                let title = clean(&a.text().collect::<String>());
                let title = if title.is_empty() {
                    a.attr("title").map(clean).unwrap_or_default()
                } else {
                    title
                };
                if title.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                    continue;
                }
                let url = a.attr("href").and_then(|h| self.resolve(h));
                if url.is_none() && a.attr("href").is_some_and(|h| h.trim().starts_with('#')) {
                    continue;
                }
                let key = url.clone().unwrap_or_else(|| title.clone());
                if seen.insert(key) {
                    out.push(Related { title, url });
                }
            }
        }
    }
}

/// Whether an element stands in a block about other content (comments, related stories,
/// sidebars, teaser cards), where a byline or a date belongs to something else. Unlike
/// [`inside_furniture`], an article's own `<header>` does not count.
fn in_other_content(el: ElementRef) -> bool {
    const OTHER: [&str; 10] = [
        "comment",
        "comments",
        "related",
        "recommended",
        "readmore",
        "sidebar",
        "rail",
        "mostread",
        "promo",
        "newsletter",
    ];
    let mut cur = el.parent().and_then(ElementRef::wrap);
    while let Some(e) = cur {
        let v = e.value();
        if matches!(v.name(), "aside" | "footer" | "nav")
            || marker_words(v).iter().any(|w| OTHER.contains(&w.as_str()))
        {
            return true;
        }
        cur = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// The length of a prose paragraph: at least 25 characters, at most half of them in links;
/// 0 for anything else.
fn prose_len(p: ElementRef) -> usize {
    let (text, linked) = element_text(p);
    let len = text.chars().count();
    if len < 25 || linked * 2 > len { 0 } else { len }
}

/// The prose paragraph text inside an element, page furniture and other stories (nested
/// `<article>`s) left out.
fn prose_in(el: ElementRef, main: &[ElementRef]) -> usize {
    el.select(sel(&PARAGRAPH))
        .filter(|p| !inside_furniture(*p, Some(el), main) && !in_nested_article(*p, el))
        .map(prose_len)
        .sum()
}

/// Whether `p` stands in an `<article>` below `el` (a teaser card, another story).
fn in_nested_article(p: ElementRef, el: ElementRef) -> bool {
    let mut cur = p.parent().and_then(ElementRef::wrap);
    while let Some(e) = cur {
        if e.id() == el.id() {
            return false;
        }
        if e.value().name() == "article" {
            return true;
        }
        cur = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// Names from an author line: `Ana Lima and Tom Park`, `Ana Lima, Tom Park`.
fn split_names(s: &str) -> Vec<String> {
    s.split([',', ';', '&', '|'])
        .flat_map(|p| p.split(" and "))
        .map(clean)
        .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 5)
        .collect()
}

/// Whether a description only repeats the start of the body (many pages make their meta
/// description from the first paragraph).
fn repeats_body(s: &str, body: &[String]) -> bool {
    let stem = s.trim_end_matches(['.', '…', ' ']).trim_end_matches("...");
    body.first()
        .is_some_and(|first| first.starts_with(stem) || stem.starts_with(first.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(html: &str) -> Result<Record, ParseError> {
        parse_html(html.as_bytes(), "page.html", &PageInfo::default()).map(|p| p.record)
    }

    fn parse_at(html: &str, url: &str) -> Record {
        parse_html(
            html.as_bytes(),
            "page.html",
            &PageInfo {
                url: Some(url),
                charset: None,
            },
        )
        .unwrap()
        .record
    }

    #[test]
    fn sniffs_html() {
        for yes in [
            "<!DOCTYPE html><p>x",
            "\u{feff}  <!doctype HTML>",
            "<!-- saved from url=(0042) -->\n<html lang=en>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<head><title>x</title>",
            "\n\n<meta charset=utf-8>",
        ] {
            assert!(looks_like_html(yes.as_bytes()), "{yes:?}");
        }
        for no in [
            "Headline\n<html> mentioned in a text",
            "<htmlx>",
            "<!-- unterminated",
            "",
            "LONDON (Reuters) - text",
        ] {
            assert!(!looks_like_html(no.as_bytes()), "{no:?}");
        }
    }

    #[test]
    fn charset_parameters() {
        assert_eq!(charset_param("text/html; charset=UTF-8"), Some("UTF-8"));
        assert_eq!(
            charset_param("text/html;Charset=\"iso-8859-2\""),
            Some("iso-8859-2")
        );
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset="), None);
    }

    #[test]
    fn dates_in_record_form() {
        for (given, want) in [
            ("2026-03-04T09:30:00+01:00", "2026-03-04T09:30:00+01:00"),
            ("2026-03-04T09:30:00Z", "2026-03-04T09:30:00+00:00"),
            ("2026-03-04T09:30:00.123+0100", "2026-03-04T09:30:00+01:00"),
            ("2026-03-04T09:30+01:00", "2026-03-04T09:30:00+01:00"),
            ("2026-03-04T09:30:00", "2026-03-04T09:30:00"),
            ("2026-03-04T09:30", "2026-03-04T09:30:00"),
            ("2026-03-04", "2026-03-04"),
            ("4 March 2026", "2026-03-04"),
        ] {
            assert_eq!(iso_date(given).as_deref(), Some(want), "{given}");
        }
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn entities_in_json_ld() {
        assert_eq!(
            unescape_entities("Rail &amp; bus &#8217;s &#x201C;x&#x201D; &bogus; & more"),
            "Rail & bus \u{2019}s \u{201c}x\u{201d} &bogus; & more"
        );
    }

    #[test]
    fn json_ld_graph_and_types() {
        let v: Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"WebPage"},{"@type":["Thing","NewsArticle"],"headline":"H"}]}"#,
        )
        .unwrap();
        assert_eq!(find_article(&v).unwrap()["headline"], "H");
        let v: Value =
            serde_json::from_str(r#"[{"@type":"Person"},{"@type":"https://schema.org/Article"}]"#)
                .unwrap();
        assert!(find_article(&v).is_some());
        let v: Value = serde_json::from_str(r#"{"@type":"Recipe"}"#).unwrap();
        assert!(find_article(&v).is_none());
    }

    #[test]
    fn body_falls_back_to_json_ld_article_body() {
        let r = parse(
            r#"<!doctype html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Script-drawn page",
             "articleBody":"First paragraph of the story.\nSecond paragraph of the story."}
            </script></head><body><div id="app"></div></body>"#,
        )
        .unwrap();
        assert_eq!(r.headline, "Script-drawn page");
        assert_eq!(
            r.body,
            [
                "First paragraph of the story.",
                "Second paragraph of the story."
            ]
        );
    }

    #[test]
    fn a_page_without_article_text_is_an_error() {
        let err =
            parse("<!doctype html><title>Index</title><body><nav><p>Home</p></nav>").unwrap_err();
        assert!(matches!(err, ParseError::NoArticle(_)), "{err:?}");
        assert_eq!(
            err.to_string(),
            "no article in the page: no paragraphs of article text"
        );
        assert_eq!(parse("   ").unwrap_err(), ParseError::Empty);
    }

    #[test]
    fn cookie_banner_never_wins_over_a_short_story() {
        let banner = "We and our partners use cookies to store and access personal data on your device for advertising and measurement. ".repeat(3);
        let html = format!(
            r#"<html><body><div class="cmp-consent"><p>{banner}</p><p>{banner}</p></div>
            <h1>Short story</h1><div class="text"><p>The only paragraph of a short story here.</p></div></body></html>"#
        );
        let r = parse(&html).unwrap();
        assert_eq!(r.body, ["The only paragraph of a short story here."]);
    }

    #[test]
    fn id_ignores_what_surrounds_the_article() {
        let page = |ad: &str| {
            format!(
                r#"<!doctype html><title>T</title><body><div class="ad">{ad}</div><article>
                <h1>Same story</h1><p>Same first paragraph of the story.</p>
                <script>var nonce = "{ad}";</script><p>Same second paragraph.</p></article>"#
            )
        };
        let a = parse(&page("Buy shoes")).unwrap();
        let b = parse(&page("Buy hats")).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.body.len(), 2);
    }

    #[test]
    fn links_resolve_against_base_then_page_url() {
        let html = r#"<!doctype html><h1>H</h1><article><p>Body paragraph with enough words.</p></article>
            <div class="related"><a href="next">Next story title</a><a href="javascript:void(0)">Broken link</a>
            <a href="mailto:desk@example.org">Mail the desk</a></div>"#;
        let r = parse_at(html, "https://site.example/news/a/b");
        assert_eq!(
            r.related,
            [
                Related {
                    title: "Next story title".into(),
                    url: Some("https://site.example/news/a/next".into())
                },
                Related {
                    title: "Broken link".into(),
                    url: None
                },
                Related {
                    title: "Mail the desk".into(),
                    url: None
                },
            ]
        );
        let with_base = html.replace("<h1>", r#"<base href="/other/"><h1>"#);
        let r = parse_at(&with_base, "https://site.example/news/a/b");
        assert_eq!(
            r.related[0].url.as_deref(),
            Some("https://site.example/other/next")
        );
    }

    #[test]
    fn meta_charset_decodes_legacy_bytes() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-2\"><title>x</title></head><body><h1>Gda\xf1sk</h1><p>Pierwszy akapit tekstu o \xb3odziach.</p></body></html>".to_vec();
        let p = parse_html(&bytes, "p.html", &PageInfo::default()).unwrap();
        assert_eq!(p.record.headline, "Gda\u{144}sk");
        assert_eq!(p.record.body, ["Pierwszy akapit tekstu o \u{142}odziach."]);
        assert_eq!(p.encoding, None);
        // The server's charset wins over the page's own.
        let p = parse_html(
            &bytes,
            "p.html",
            &PageInfo {
                url: None,
                charset: Some("windows-1250"),
            },
        )
        .unwrap();
        assert_eq!(p.record.headline, "Gda\u{144}sk");
        // No declaration at all: Windows-1252, and said so.
        bytes = b"<html><h1>Caf\xe9</h1><p>Un caf\xe9 tr\xe8s calme.</p></html>".to_vec();
        let p = parse_html(&bytes, "p.html", &PageInfo::default()).unwrap();
        assert_eq!(p.record.headline, "Caf\u{e9}");
        assert_eq!(p.encoding, Some("windows-1252"));
    }

    #[test]
    fn byline_and_time_from_the_article_header_not_the_comments() {
        let r = parse(
            r#"<!doctype html><body><article><header><h1>Head</h1>
            <span class="byline">By Ana Lima</span><time datetime="2026-02-03T10:00:00Z">3 Feb</time>
            </header><p>The first paragraph of the article text.</p>
            <section class="comments"><div class="comment"><span class="author">Troll99</span>
            <time class="updated" datetime="2026-02-05T08:00:00Z">5 Feb</time><p>First!</p></div></section>
            </article></body>"#,
        )
        .unwrap();
        assert_eq!(r.byline, ["Ana Lima"]);
        assert_eq!(r.published.as_deref(), Some("2026-02-03T10:00:00+00:00"));
        assert_eq!(r.modified, None);
        assert_eq!(r.body, ["The first paragraph of the article text."]);
    }

    #[test]
    fn a_related_heading_marks_its_own_block_not_the_page() {
        let r = parse_at(
            r#"<!doctype html><body><div id="page"><div class="top"><a href="/">Home</a></div>
            <div class="main"><h1>Head</h1><p>The first paragraph, with <a href="/x">a link</a> inside it.</p></div>
            <section><h2>Related stories</h2><ul><li><a href="/r1">First related story</a></li></ul></section>
            </div></body>"#,
            "https://s.example/news/a",
        );
        assert_eq!(
            r.related,
            [Related {
                title: "First related story".into(),
                url: Some("https://s.example/r1".into())
            }]
        );
    }

    #[test]
    fn wrapper_classes_that_mention_ads_or_related_do_not_hide_the_article() {
        let r = parse_at(
            r#"<!doctype html><body class="single related-posts-on">
            <div id="page" class="site has-ads sidebar-right"><div class="content">
            <h1>Wrapped story</h1><p>The first paragraph of a story in a busy theme.</p>
            <div class="ad-box"><p>Buy our product today, it is the best product ever made.</p></div>
            <p>The second paragraph, with <a href="/inline">a link</a>.</p></div>
            <div class="related-posts"><a href="/r">A related post</a></div></div></body>"#,
            "https://blog.example/post",
        );
        assert_eq!(
            r.body,
            [
                "The first paragraph of a story in a busy theme.",
                "The second paragraph, with a link."
            ]
        );
        assert_eq!(r.related.len(), 1);
        assert_eq!(r.related[0].url.as_deref(), Some("https://blog.example/r"));
    }

    #[test]
    fn names_from_author_lines() {
        assert_eq!(
            split_names("Ana Lima and Tom Park"),
            ["Ana Lima", "Tom Park"]
        );
        assert_eq!(split_names("Ana Lima, Tom Park"), ["Ana Lima", "Tom Park"]);
    }

    #[test]
    fn parse_bytes_takes_html_by_its_first_bytes() {
        let p = super::super::parse_bytes(
            b"<!DOCTYPE html><h1>Head</h1><p>Paragraph one of the page.</p>",
            "https://x.example/a",
            &super::super::Options::default(),
        )
        .unwrap();
        assert_eq!(p.record.layout, "html");
        assert_eq!(p.record.source, "https://x.example/a");
    }
}

#[cfg(test)]
mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const PAGES: [&[u8]; 3] = [
        include_bytes!("../../fixtures/html/jsonld-article.html"),
        include_bytes!("../../fixtures/html/opengraph-divs.html"),
        include_bytes!("../../fixtures/html/visible-only-cp1252.htm"),
    ];

    proptest! {
        #[test]
        fn on_arbitrary_markup(text in "(?s)(<[a-z/!]{0,8}[^<>]{0,30}>?|[^<]{0,40}){0,30}") {
            let _ = parse_html(text.as_bytes(), "p.html", &PageInfo::default());
        }

        #[test]
        fn on_truncated_and_spliced_pages(which in 0..3usize, cut in 0..6000usize, junk in "(?s).{0,40}") {
            let bytes = PAGES[which];
            let cut = cut.min(bytes.len());
            let mut spliced = bytes[..cut].to_vec();
            spliced.extend_from_slice(junk.as_bytes());
            spliced.extend_from_slice(&bytes[cut..]);
            for b in [&bytes[..cut], &spliced[..]] {
                let info = PageInfo { url: Some("https://x.example/a/b"), charset: None };
                if let Ok(p) = parse_html(b, "p", &info) {
                    prop_assert!(!p.record.headline.is_empty());
                    prop_assert!(p.record.body.iter().all(|para| !para.trim().is_empty()));
                    prop_assert!(p.record.related.iter().all(|r| r.url.as_deref().is_none_or(|u| u.starts_with("http"))));
                }
            }
        }
    }
}
