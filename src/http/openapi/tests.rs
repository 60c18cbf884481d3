use super::*;
use crate::pipeline::lexicon::event_types::EventTypes;
use serde_json::json;

#[test]
fn event_types_of_the_table_are_the_enum() {
    let types = EventTypes::parse(
        "t.tsv",
        "strike\tattack\tyes\tinherit\tyes\tairstrike=aircraft\t3\t-\nkidnapping\tactors\tno\town\tno\t-\t3\t-\n",
    )
    .unwrap();
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

#[test]
fn place_precisions_are_an_enum_and_read_as_declared_entity_types() {
    use crate::pipeline::lexicon::gazetteer::PlacePrecision;
    let types = EventTypes::parse("t.tsv", "strike\tattack\tyes\tinherit\tyes\t-\t3\t-\n").unwrap();
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    extend::closed_sets(&mut doc, &vocab::closed_sets(&types));
    let all = json!(["site", "city", "region", "country", "area"]);
    assert_eq!(doc["components"]["schemas"]["Location"]["properties"]["precision"]["enum"], all);
    assert_eq!(doc["components"]["schemas"]["Entity"]["properties"]["precision"]["enum"], all);
    for p in PlacePrecision::ALL {
        assert!(vocab::ENTITY_TYPES.contains(&p.entity_type()), "{}", p.as_str());
    }
}
