use super::*;
use crate::pipeline::lexicon::event_types::EventTypes;
use serde_json::json;

#[test]
fn event_types_of_the_table_are_the_enum() {
    let types =
        EventTypes::parse("t.tsv", "strike\tattack\tyes\tinherit\tyes\tairstrike=aircraft\nkidnapping\tactors\tno\town\tno\t-\n").unwrap();
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    extend::closed_sets(&mut doc, &vocab::closed_sets(&types));
    let event = &doc["components"]["schemas"]["Event"]["properties"];
    assert_eq!(event["type"]["enum"], json!(["strike", "kidnapping"]));
    assert_eq!(event["weapon"]["enum"][0], json!("aircraft"));
}

#[test]
fn text_options_are_query_parameters() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let params = doc["paths"]["/v1/extract"]["post"]["parameters"].as_array().unwrap();
    assert!(!params.is_empty());
    assert!(params.iter().all(|p| p["in"] == "query"), "{params:?}");
}
