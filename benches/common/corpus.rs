//! The articles the benches read: `../shared/corpus/{ar,en}` when it is beside the
//! repository, else the fixtures that ship with it (the seed article and the excerpts).

use std::path::Path;

/// The texts of language `lang` (`ar` or `en`), in file order.
pub fn articles(lang: &str) -> Vec<String> {
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
        let seed: serde_json::Value = serde_json::from_str(include_str!("../../tests/fixtures/seed.json")).expect("seed fixture");
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
