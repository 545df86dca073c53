//! Where the extractor's time goes: each stage of `extract::analyze`, timed on its own.
//!
//!     cargo run --release --example stages -- DIR          (ROUNDS=k: best of k, default 5)
//!
//! Reads every `.txt` under DIR into memory, parses each once, then runs the stages of
//! `analyze` (the same calls in the same order) over all records, ROUNDS times. Prints, for
//! each stage, the fastest round's total, so that reading files, writing JSON and hashing are
//! left out and the numbers say what the analysis itself costs.

use newsarc::extract::{self, Doc, Mention};
use newsarc::parse::{Options, parse_text};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const STAGES: [&str; 9] = [
    "tokens (Doc::new)",
    "people",
    "organisations",
    "countries",
    "pronouns, roles",
    "bare speakers",
    "quotes",
    "dates",
    "to records",
];

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: stages DIR");
        std::process::exit(2);
    };
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let texts: Vec<String> = files(Path::new(&dir))
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let records: Vec<_> = texts
        .iter()
        .filter_map(|t| parse_text(t, "-", &Options::default()).ok())
        .collect();
    let parse = t0.elapsed();
    let mut best = [Duration::MAX; STAGES.len()];
    let mut best_total = Duration::MAX;
    for _ in 0..rounds.max(1) {
        let mut spent = [Duration::ZERO; STAGES.len()];
        for r in &records {
            let mut t = Instant::now();
            let mut lap = |stage: usize| {
                let now = Instant::now();
                spent[stage] += now - t;
                t = now;
            };
            let doc = Doc::new(&r.headline, &r.body);
            lap(0);
            let mut people = extract::people::find(&doc);
            lap(1);
            let mut orgs = extract::places::find_orgs(&doc, &people);
            lap(2);
            let dateline: Vec<&str> = r.dateline.as_deref().into_iter().collect();
            let mut countries = extract::places::find_countries(&doc, &people, &dateline);
            lap(3);
            let mut mentions: Vec<Mention> = std::mem::take(&mut people.mentions);
            mentions.append(&mut orgs.mentions);
            mentions.append(&mut countries.mentions);
            mentions.extend(extract::people::pronouns_and_roles(&doc));
            mentions.sort_by_key(|m| (m.seg, m.start, m.end));
            lap(4);
            let bare = extract::people::bare_speakers(&doc, &people, &mentions);
            mentions.extend(bare);
            mentions.sort_by_key(|m| (m.seg, m.start, m.end));
            lap(5);
            let quotes = extract::quotes::find(&doc, &mentions, &people, &orgs, &countries);
            lap(6);
            let reference = r.published.as_deref().or(r.modified.as_deref());
            let dates = extract::dates::find(&r.body, reference);
            lap(7);
            let out = (
                people.to_records(),
                countries.to_records(),
                orgs.to_records(),
            );
            std::hint::black_box((out, quotes, dates));
            lap(8);
        }
        for (b, s) in best.iter_mut().zip(spent) {
            *b = (*b).min(s);
        }
        best_total = best_total.min(spent.iter().sum());
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mbs = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    println!(
        "{} articles, {:.1} MB; best of {rounds} rounds",
        records.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{:<20} {:>9.1} ms  {:>7.1} MB/s",
        "parse",
        ms(parse),
        mbs(parse)
    );
    for (name, d) in STAGES.iter().zip(best) {
        let share = 100.0 * d.as_secs_f64() / best_total.as_secs_f64();
        println!("{name:<20} {:>9.1} ms  {share:>6.1} %", ms(d));
    }
    println!(
        "{:<20} {:>9.1} ms  {:>7.1} MB/s (parse and analysis: {:.1} MB/s)",
        "analysis",
        ms(best_total),
        mbs(best_total),
        mbs(best_total + parse)
    );
}

/// The `.txt` files under `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out.sort();
    out
}
