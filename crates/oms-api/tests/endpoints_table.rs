//! The endpoint table in Rust must say exactly what `shared/oms-api/endpoints.json` says: same
//! ids, modules, methods, paths, marks and titles, in the same order. A correction to the contract
//! then shows up here as a failing test and is fixed in one line of `endpoints.rs`.

mod support;

use oms_api::endpoints::{EndpointId, ENDPOINTS};
use std::collections::HashSet;
use support::{read_json, spec_dir};

#[test]
fn the_table_matches_endpoints_json() {
    let contract = read_json(&spec_dir().join("endpoints.json"));
    let rows = contract["endpoints"].as_array().expect("an endpoints list");

    assert_eq!(ENDPOINTS.len(), rows.len(), "same number of endpoints");
    assert_eq!(ENDPOINTS.len(), 55);
    for (ours, theirs) in ENDPOINTS.iter().zip(rows) {
        let id = theirs["id"].as_str().unwrap();
        assert_eq!(ours.id.as_str(), id);
        assert_eq!(ours.module.as_str(), theirs["module"], "{id}: module");
        assert_eq!(ours.method.as_str(), theirs["method"], "{id}: method");
        assert_eq!(ours.path, theirs["path"], "{id}: path");
        assert_eq!(ours.source.as_str(), theirs["mark"], "{id}: mark");
        assert_eq!(ours.title_zh, theirs["title_zh"], "{id}: Chinese title");
        assert_eq!(ours.title_en, theirs["title_en"], "{id}: English title");
    }
}

#[test]
fn ids_and_paths_are_unique_and_ids_parse_back() {
    let ids: HashSet<_> = ENDPOINTS.iter().map(|e| e.id).collect();
    let paths: HashSet<_> = ENDPOINTS.iter().map(|e| e.path).collect();

    assert_eq!(ids.len(), ENDPOINTS.len());
    assert_eq!(paths.len(), ENDPOINTS.len());
    for endpoint in ENDPOINTS {
        let parsed: EndpointId = endpoint.id.as_str().parse().unwrap();
        assert_eq!(parsed.endpoint(), endpoint);
    }
    assert!("no_such_endpoint".parse::<EndpointId>().is_err());
}
