//! Extraction alone (no parsing): `analyze` on already-parsed records.
//!
//! Articles: the extractor fixtures, plus the shared corpus when `../shared/corpus` exists.
//! Run with `cargo bench --bench extract`; throughput is in body bytes.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsarc::parse::{Options, parse_text};
use newsarc::record::Record;
use std::hint::black_box;

fn articles() -> Vec<Record> {
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["fixtures/extract", "../shared/corpus"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push((p.display().to_string(), t));
            }
        }
    }
    texts
        .iter()
        .filter_map(|(name, t)| parse_text(t, name, &Options::default()).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let records = articles();
    let bytes: usize = records
        .iter()
        .map(|r| r.headline.len() + r.body.iter().map(String::len).sum::<usize>())
        .sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("analyze {} articles", records.len()), |b| {
        b.iter_batched(
            || records.clone(),
            |mut rs| {
                for r in &mut rs {
                    newsarc::extract::analyze(r);
                }
                black_box(rs)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
