//! Parser throughput per article, on the layout fixtures (no analysis, no I/O).
//!
//!     cargo bench --bench parse

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsarc::parse::{Options, parse_bytes};
use std::hint::black_box;

const FIXTURES: [(&str, &str); 5] = [
    ("anadolu", include_str!("../fixtures/layouts/anadolu.txt")),
    ("reuters", include_str!("../fixtures/layouts/reuters.txt")),
    ("ap", include_str!("../fixtures/layouts/ap.txt")),
    (
        "aljazeera",
        include_str!("../fixtures/layouts/aljazeera.txt"),
    ),
    ("generic", include_str!("../fixtures/layouts/generic.txt")),
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, text) in FIXTURES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                parse_bytes(black_box(text.as_bytes()), "bench", &Options::default()).unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
