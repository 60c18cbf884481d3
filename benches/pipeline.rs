//! Whole-pipeline throughput: MB/s and articles/s on one core over the Arabic and English
//! corpora of `../shared/corpus` (or the test fixtures when `../shared` is absent).

#[path = "common/corpus.rs"]
mod corpus;

use corpus::articles;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hadath::pipeline::Pipeline;
use hadath::pipeline::model::ExtractRequest;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    // measured with the heap settings the server runs with
    hadath::allocator::tune();
    // first, while the process holds nothing else
    report_memory();
    let pipeline = Pipeline::load(None, 1_000_000).expect("embedded lexicons load");
    hadath::allocator::settle();
    for lang in ["ar", "en"] {
        let docs = articles(lang);
        if docs.is_empty() {
            continue;
        }
        let bytes: usize = docs.iter().map(String::len).sum();
        let requests: Vec<ExtractRequest> =
            docs.into_iter().map(|text| ExtractRequest { text, language: Some(lang.into()), ..Default::default() }).collect();
        let mut group = c.benchmark_group(format!("pipeline_{lang}"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{} articles, MB/s", requests.len()), |b| {
            b.iter(|| {
                for r in &requests {
                    black_box(pipeline.extract(r).expect("extracts"));
                }
            })
        });
        group.throughput(Throughput::Elements(requests.len() as u64));
        group.bench_function(format!("{} articles, articles/s", requests.len()), |b| {
            b.iter(|| {
                for r in &requests {
                    black_box(pipeline.extract(r).expect("extracts"));
                }
            })
        });
        group.finish();
    }
    // repeated-token texts, twice as long each time: the time per byte must stay flat
    // (work linear in the text); names, tolls and speech cues repeated are the cases that
    // once cost quadratic time; a title with a name repeated once cost cubic time
    let mut group = c.benchmark_group("repeated_tokens");
    group.sample_size(10);
    for (lang, piece) in [("en", "Syria "), ("ar", "سوريا "), ("ar", "قتل 5 "), ("en", "said \""), ("ar", "الرئيس خالد حداد ")]
    {
        for times in [2_000, 4_000, 8_000] {
            let text = piece.repeat(times);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let request = ExtractRequest { text, language: Some(lang.into()), ..Default::default() };
            group.bench_function(format!("{piece:?} x {times}"), |b| b.iter(|| black_box(pipeline.extract(&request).expect("extracts"))));
        }
    }
    group.finish();
    // the drop of the loaded data is no part of start-up: it is kept out of the timing
    c.bench_function("load lexicons (start-up)", |b| b.iter_with_large_drop(|| Pipeline::load(None, 1_000_000).expect("loads")));
}

/// Prints how much resident memory one loaded copy of the embedded data takes (Linux).
fn report_memory() {
    let rss = || -> Option<u64> {
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        Some(statm.split_whitespace().nth(1)?.parse::<u64>().ok()? * 4096)
    };
    let before = rss();
    let pipeline = Pipeline::load(None, 1_000_000).expect("loads");
    if let (Some(before), Some(after)) = (before, rss()) {
        println!("embedded data in memory: {:.1} MiB resident", after.saturating_sub(before) as f64 / (1024.0 * 1024.0));
    }
    drop(pipeline);
}

criterion_group!(benches, bench);
criterion_main!(benches);
