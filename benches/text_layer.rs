//! Text-layer throughput: normalisation + segmentation (`Document::new`), the language's
//! shared lexicon scan (`run_scanner`) and every lexicon `find`, in MB/s on one core over the
//! Arabic and English corpora of `../shared/corpus` (or the test fixtures when `../shared` is
//! absent). The whole pipeline is measured by `benches/pipeline.rs`.

#[path = "common/corpus.rs"]
mod corpus;

use corpus::articles;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hadath::pipeline::Pipeline;
use hadath::pipeline::doc::Document;
use hadath::pipeline::lexicon::LanguageLexicons;
use hadath::pipeline::model::Language;
use std::hint::black_box;

/// Every lexicon match of `doc`, counted (the counts keep the work from being optimised away).
fn find_all(doc: &Document, lex: &LanguageLexicons) -> usize {
    lex.events.find(doc).len()
        + lex.quote_cues.find(doc).len()
        + lex.complementizers.find(doc).len()
        + lex.modality.find(doc).len()
        + lex.numbers.find(doc).len()
        + lex.qualifiers.find(doc).len()
        + lex.time.find(doc).len()
        + lex.actors.find(doc).len()
        + lex.nationalities.find(doc).len()
        + lex.roles.find(doc).len()
        + lex.places.find(doc).len()
        + lex.distinct.find(doc).len()
}

fn bench(c: &mut Criterion) {
    // measured with the heap settings the server runs with
    hadath::allocator::tune();
    let pipeline = Pipeline::load(None, 1_000_000).expect("embedded lexicons load");
    hadath::allocator::settle();
    for (lang, language) in [("ar", Language::Ar), ("en", Language::En)] {
        let docs = articles(lang);
        if docs.is_empty() {
            continue;
        }
        let lex = pipeline.lexicons().get(language);
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("text_layer_{lang}"));
        group.sample_size(20);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("normalise + segment, {} articles", docs.len()), |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(Document::new(d, language, &lex.abbreviations));
                }
            })
        });
        // the scan and the finds on prepared documents
        let mut prepared: Vec<Document> = docs.iter().map(|d| Document::new(d, language, &lex.abbreviations)).collect();
        group.bench_function(format!("lexicon scan, {} articles", docs.len()), |b| {
            b.iter(|| {
                for d in &mut prepared {
                    d.run_scanner(&lex.scanner);
                    black_box(d.scan());
                }
            })
        });
        let scanned: Vec<Document> = docs
            .iter()
            .map(|d| {
                let mut doc = Document::new(d, language, &lex.abbreviations);
                doc.run_scanner(&lex.scanner);
                doc
            })
            .collect();
        group.bench_function(format!("lexicon finds, {} articles", docs.len()), |b| {
            b.iter(|| {
                for d in &scanned {
                    black_box(find_all(d, lex));
                }
            })
        });
        group.bench_function(format!("text layer (all of the above), {} articles", docs.len()), |b| {
            b.iter(|| {
                for d in &docs {
                    let mut doc = Document::new(d, language, &lex.abbreviations);
                    doc.run_scanner(&lex.scanner);
                    black_box(find_all(&doc, lex));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
