//! Turning command-line paths into the articles to read: files, folders walked recursively,
//! standard input; reading each within the size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One article to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// An `http://` or `https://` address, fetched rather than read.
    Url(String),
}

impl Input {
    /// The name records and messages use: the path as given, or `-`.
    pub fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }

    /// Reads the whole input, refusing more than `max` bytes without reading them into memory.
    pub fn read(&self, max: u64) -> Result<Vec<u8>, String> {
        let too_large = |n: u64| {
            format!(
                "larger than the {} size limit ({n} bytes; raise it with --max-size)",
                human(max)
            )
        };
        match self {
            Input::Stdin => read_limited(io::stdin().lock(), max, 0)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!(
                        "larger than the {} size limit (raise it with --max-size)",
                        human(max)
                    )
                }),
            Input::File(path) => {
                // Look before opening: opening a FIFO would wait for a writer forever.
                let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
                if meta.is_dir() {
                    return Err("is a folder".into());
                }
                if !meta.is_file() {
                    return Err("not a regular file (a pipe, socket or device), skipped".into());
                }
                let file = File::open(path).map_err(|e| io_message(&e))?;
                let meta = file.metadata().map_err(|e| io_message(&e))?;
                if meta.is_file() && meta.len() > max {
                    return Err(too_large(meta.len()));
                }
                read_limited(file, max, meta.len())
                    .map_err(|e| io_message(&e))?
                    .ok_or_else(|| too_large(max + 1))
            }
            Input::Url(_) => Err("a URL is fetched, not read from disk".into()),
        }
    }
}

/// Reads at most `max` bytes; `None` when there was more. `size` (the file's length, or 0) sizes
/// the buffer, so a file is read in one or two calls.
fn read_limited(r: impl Read, max: u64, size: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(usize::try_from(size.min(max)).unwrap_or(0) + 1);
    r.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= max).then_some(buf))
}

/// An I/O error as a short lowercase phrase, without the Rust "(os error N)" suffix.
pub fn io_message(e: &io::Error) -> String {
    let msg = match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_owned(),
                None => s,
            }
        }
    };
    let mut chars = msg.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => msg,
    }
}

fn human(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// File names a folder yields: `*.txt` (wire text) and `*.html`, `*.htm` (web pages), any case.
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || is_html_extension(e))
}

fn is_html_extension(ext: &str) -> bool {
    ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm")
}

/// Whether a path names a web page (`*.html`, `*.htm`): read as HTML even when its first bytes
/// do not say so (a fragment saved without `<html>`).
pub fn is_html_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(is_html_extension)
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

/// Expands the command-line paths in order, calling `found` for each article and `problem` for
/// each path that yields none (with the path and the reason). Folders are walked recursively in
/// name order, following symbolic links but not into loops, skipping hidden entries.
pub fn expand(
    paths: &[PathBuf],
    mut found: impl FnMut(Input),
    mut problem: impl FnMut(String, String),
) {
    if paths.is_empty() {
        found(Input::Stdin);
        return;
    }
    for path in paths {
        if path.as_os_str() == "-" {
            found(Input::Stdin);
            continue;
        }
        if let Some(url) = path
            .to_str()
            .filter(|p| newsarc::parse::html::is_web_url(p))
        {
            found(Input::Url(url.to_owned()));
            continue;
        }
        let shown = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => problem(shown, io_message(&e)),
            Ok(m) if !m.is_dir() => found(Input::File(path.clone())),
            Ok(_) => {
                let mut any = false;
                let walk = walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| !is_hidden(e));
                for entry in walk {
                    match entry {
                        Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                            any = true;
                            found(Input::File(e.into_path()));
                        }
                        Ok(e) if !e.file_type().is_dir() && is_article_file(e.path()) => {
                            problem(
                                e.path().display().to_string(),
                                "not a regular file (a pipe, socket or device), skipped".into(),
                            );
                        }
                        Ok(_) => {}
                        Err(err) => {
                            let at = err.path().unwrap_or(path).display().to_string();
                            let why = if err.loop_ancestor().is_some() {
                                "symbolic link loop, skipped".to_owned()
                            } else if let Some(io) = err.io_error() {
                                io_message(io)
                            } else {
                                err.to_string()
                            };
                            problem(at, why);
                        }
                    }
                }
                if !any {
                    problem(
                        shown,
                        "no articles found (a folder yields *.txt, *.html and *.htm files)".into(),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limited_reads() {
        assert_eq!(
            read_limited(&b"abc"[..], 3, 3).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(read_limited(&b"abcd"[..], 3, 0).unwrap(), None);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(10 << 20), "10 MiB");
        assert_eq!(human(1000), "1000 bytes");
    }

    #[test]
    fn article_files() {
        assert!(is_article_file(Path::new("a/b.txt")));
        assert!(is_article_file(Path::new("B.TXT")));
        assert!(!is_article_file(Path::new("b.md")));
        assert!(is_article_file(Path::new("page.html")));
        assert!(is_article_file(Path::new("PAGE.HTM")));
        assert!(is_html_file(Path::new("a/page.Htm")));
        assert!(!is_html_file(Path::new("a/page.txt")));
    }
}
