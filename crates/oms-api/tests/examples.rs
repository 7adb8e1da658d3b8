//! The vendor's wire examples (`shared/oms-api/examples/`) read into our typed requests and
//! written back: what we send must have the same keys and the same JSON types as the vendor's
//! documentation shows. Partial examples are checked for the fields they hold.

mod support;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use support::{read_json, shape_differences, spec_dir};

fn round_trip<T: DeserializeOwned + Serialize>(file: &str) -> (Value, Value) {
    let documented = read_json(&spec_dir().join("examples").join(file));

    let typed: T = serde_json::from_value(documented.clone())
        .unwrap_or_else(|e| panic!("{file} does not read into our type: {e}"));
    let sent = serde_json::to_value(&typed).expect("writes back");

    (documented, sent)
}

fn assert_same_shape(file: &str, documented: &Value, sent: &Value, partial: bool) {
    let differences = shape_differences(documented, sent, "", partial);

    assert!(
        differences.is_empty(),
        "{file}: what we send differs from the docs:\n{}",
        differences.join("\n")
    );
}

#[test]
fn b2b_create_matches_the_documentation_exactly() {
    let (documented, sent) =
        round_trip::<oms_api::outbound::B2bOrderCreate>("b2b-create.request.json");

    assert_same_shape("b2b-create", &documented, &sent, false);
    assert_eq!(
        documented, sent,
        "the complete example must come back value for value"
    );
}

#[test]
fn platform_order_create_matches_the_documentation_exactly() {
    let (documented, sent) =
        round_trip::<oms_api::platform::PlatformOrderCreate>("platform-order-create.request.json");

    assert_same_shape("platform-order-create", &documented, &sent, false);
    assert_eq!(
        documented, sent,
        "the complete example must come back value for value"
    );
}

#[test]
fn inbound_create_keeps_the_documented_fields_and_types() {
    let (documented, sent) =
        round_trip::<oms_api::inbound::InboundOrderCreate>("inbound-create.request.partial.json");

    assert_same_shape("inbound-create", &documented, &sent, true);
}

#[test]
fn express_label_create_keeps_numbers_as_numbers() {
    let (documented, sent) =
        round_trip::<oms_api::label::ExpressLabelCreate>("label-create.request.partial.json");

    assert_same_shape("label-create", &documented, &sent, true);
    assert!(sent["length"].is_number() && sent["orderType"].is_number());
}

#[test]
fn product_create_keeps_the_documented_fields_and_types() {
    let (documented, sent) =
        round_trip::<oms_api::product::Product>("product-create.request.partial.json");

    assert_same_shape("product-create", &documented, &sent, true);
}

#[test]
fn return_update_keeps_the_documented_fields_and_types() {
    let (documented, sent) =
        round_trip::<oms_api::returns::ReturnOrderUpdate>("return-update.request.partial.json");

    assert_same_shape("return-update", &documented, &sent, true);
}

#[test]
fn the_documented_success_envelope_reads_into_data() {
    let body =
        std::fs::read(spec_dir().join("examples/platform-order-create.response.json")).unwrap();
    let raw = oms_api::envelope::RawResponse {
        status: 200,
        content_type: "application/json".to_owned(),
        retry_after: None,
        body,
    };

    let (data, request_id) = oms_api::envelope::unwrap_data(&raw).expect("success envelope");

    assert_eq!(data, "创建成功");
    assert_eq!(
        request_id.as_deref(),
        Some("2c6e6f8cc4d34ce3bcd2c6d4952ebae0")
    );
}

#[test]
fn every_example_file_is_covered_by_a_test_here() {
    let covered = [
        "README.md",
        "b2b-create.request.json",
        "inbound-create.request.partial.json",
        "label-create.request.partial.json",
        "platform-order-create.request.json",
        "platform-order-create.response.json",
        "product-create.request.partial.json",
        "return-update.request.partial.json",
        "sandbox-token.response.json",
    ];

    let mut present: Vec<String> = std::fs::read_dir(spec_dir().join("examples"))
        .expect("the examples folder is beside the checkout")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();

    assert_eq!(
        present, covered,
        "a new vendor example arrived: add a round-trip test for it"
    );
}
