//! Language knowledge is data: a new event type and a new trigger are added with data files
//! alone (a lexicon override folder), and the pipeline reads them.

use hadath::pipeline::Pipeline;
use hadath::pipeline::model::{ExtractRequest, Extraction};
use std::path::PathBuf;

const EVENT_TYPES: &str = include_str!("../config/event_types.tsv");
const AR_EVENTS: &str = include_str!("../config/lexicons/ar/events.tsv");
const EN_EVENTS: &str = include_str!("../config/lexicons/en/events.tsv");

/// A folder laid out like `config/`: `event_types.tsv` beside `lexicons/`.
struct Overrides(PathBuf);

impl Overrides {
    fn new(name: &str) -> Overrides {
        let root = std::env::temp_dir().join(format!("hadath-{name}-{}", std::process::id()));
        std::fs::create_dir_all(root.join("lexicons/ar")).unwrap();
        std::fs::create_dir_all(root.join("lexicons/en")).unwrap();
        Overrides(root)
    }

    fn write(&self, path: &str, content: &str) {
        std::fs::write(self.0.join(path), content).unwrap();
    }

    fn lexicons(&self) -> PathBuf {
        self.0.join("lexicons")
    }
}

impl Drop for Overrides {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn extract(pipeline: &Pipeline, text: &str) -> Extraction {
    let req = ExtractRequest { text: text.to_string(), ..Default::default() };
    pipeline.extract(&req).expect("extracts")
}

fn types(x: &Extraction) -> Vec<(&str, &str)> {
    x.events.iter().map(|e| (e.event_type.as_str(), e.trigger.text.as_str())).collect()
}

#[test]
fn a_new_event_type_is_a_line_in_the_table_plus_trigger_lines() {
    let o = Overrides::new("new-type");
    o.write("event_types.tsv", &format!("{EVENT_TYPES}kidnapping\tactors\tno\town\tno\t-\t3\t-\n"));
    // the kidnapping (and missing) triggers move from casualties to the new type: only data changes
    o.write("lexicons/ar/events.tsv", &AR_EVENTS.replace("\tcasualties\tmissing\t1", "\tkidnapping\t-\t3"));
    o.write("lexicons/en/events.tsv", &EN_EVENTS.replace("\tcasualties\tmissing\t1", "\tkidnapping\t-\t3"));
    let pipeline = Pipeline::load(Some(&o.lexicons()), 200_000).expect("the overrides load");
    assert!(pipeline.lexicons().event_types.get("kidnapping").is_some());
    let ar = extract(&pipeline, "واختطف مسلحون مجهولون صحفيا في بغداد يوم الاثنين.");
    assert_eq!(types(&ar), [("kidnapping", "اختطف")], "{:?}", ar.events);
    let en = extract(&pipeline, "A journalist was kidnapped in Baghdad on Monday.");
    assert_eq!(types(&en), [("kidnapping", "kidnapped")], "{:?}", en.events);
}

#[test]
fn a_new_arabic_trigger_is_a_line() {
    let text = "ودكت القوات الحكومية بلدة في ريف حلب.";
    let embedded = Pipeline::load(None, 200_000).unwrap();
    assert!(types(&extract(&embedded, text)).is_empty(), "دك is not a trigger of the embedded lexicon");
    let o = Overrides::new("new-trigger");
    o.write("lexicons/ar/events.tsv", &format!("{AR_EVENTS}دك|يدك\tverb\tstrike\tshelling\t3\n"));
    let pipeline = Pipeline::load(Some(&o.lexicons()), 200_000).unwrap();
    let x = extract(&pipeline, text);
    assert_eq!(types(&x), [("strike", "دكت")], "{:?}", x.events);
    assert_eq!(x.events[0].weapon.as_deref(), Some("artillery"), "the weapon map of the table applies");
}

#[test]
fn a_trigger_of_an_unknown_type_stops_loading_with_file_and_line() {
    let o = Overrides::new("bad-type");
    o.write("lexicons/ar/events.tsv", "قصف|يقصف\tverb\tkidnapping\t-\t3\n");
    let err = Pipeline::load(Some(&o.lexicons()), 200_000).unwrap_err().to_string();
    assert!(err.contains("ar/events.tsv:1: unknown event type \"kidnapping\""), "{err}");
}
