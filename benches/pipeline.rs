//! Whole-pipeline throughput: MB/s and articles/s on one core over the Arabic and English
//! corpora of `../shared/corpus` (or the test fixtures when `../shared` is absent).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hadath::pipeline::Pipeline;
use hadath::pipeline::model::ExtractRequest;
use std::hint::black_box;
use std::path::Path;

fn articles(lang: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(lang);
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            let mut paths: Vec<_> =
                rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
            paths.sort();
            paths.into_iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
        })
        .unwrap_or_default();
    if out.is_empty() {
        // no ../shared: the fixtures that ship with the repository
        let seed: serde_json::Value = serde_json::from_str(include_str!("../tests/fixtures/seed.json")).expect("seed fixture");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/excerpts");
        if lang == "ar" {
            out.push(seed["text"].as_str().unwrap_or_default().to_string());
        }
        if let Ok(rd) = std::fs::read_dir(fixtures) {
            for p in rd.filter_map(|e| e.ok().map(|e| e.path())) {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
                if name.starts_with(lang)
                    && let Ok(t) = std::fs::read_to_string(&p)
                {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    // measured with the heap settings the server runs with
    hadath::allocator::tune();
    // first, while the process holds nothing else
    report_memory();
    let pipeline = Pipeline::load(None, 1_000_000).expect("embedded lexicons load");
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
