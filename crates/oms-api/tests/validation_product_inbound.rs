//! Bad input for products and inbound orders is refused before sending, each problem named by the
//! wire path of its field; the fixtures are valid and go over the wire exactly as written.

mod support;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};

use oms_api::bulk::{CancelRequest, LabelFileRequest};
use oms_api::dispatch::call_json;
use oms_api::files::{Attachment, InboundAttachment};
use oms_api::inbound::{
    ContainerType, InboundLine, InboundOrderCreate, InboundOrderListRequest, InboundOrderUpdate,
    ShippingType, TransitType,
};
use oms_api::product::{
    BarcodeType, Battery, BatteryType, LengthUnit, PlatformSku, PlatformType, Product,
    ProductListRequest, WeightUnit,
};
use oms_api::{Client, Credentials, EndpointId, Error, Validate, YesNo};
use support::fixtures::{fields, fixture, refused, request_fixture};

fn product() -> Product {
    request_fixture("product_update")
}

fn inbound() -> InboundOrderCreate {
    request_fixture("inbound_create")
}

fn express_order() -> InboundOrderCreate {
    request_fixture("inbound_create_reviewed")
}

fn list_request() -> InboundOrderListRequest {
    request_fixture("inbound_list")
}

// ---- products -------------------------------------------------------------------------------

#[test]
fn a_product_without_sku_is_refused() {
    let mut product = product();
    product.product_sku = "  ".to_owned();

    let error = refused(&product);

    assert_eq!(fields(&error), ["productSku"], "a blank SKU is missing");
}

#[test]
fn a_sku_with_spaces_or_too_long_is_refused() {
    let mut spaced = product();
    spaced.product_sku = "SKU MUG 001".to_owned();
    let mut long = product();
    long.product_sku = "S".repeat(51);

    assert_eq!(
        fields(&refused(&spaced)),
        ["productSku"],
        "spaces break barcodes"
    );
    assert_eq!(
        fields(&refused(&long)),
        ["productSku"],
        "SKUs are at most 50 characters"
    );
}

#[test]
fn a_product_needs_a_chinese_or_an_english_name() {
    let mut unnamed = product();
    unnamed.name = None;
    unnamed.name_en = Some(" ".to_owned());
    let mut english_only = product();
    english_only.name = None;

    assert_eq!(
        fields(&refused(&unnamed)),
        ["name"],
        "neither name is given"
    );
    assert!(
        english_only.check().is_ok(),
        "an English name alone is enough"
    );
}

#[test]
fn dimensions_need_their_unit_and_weight_needs_its_unit() {
    let mut product = product();
    product.product_length_type = None;
    product.product_weight_type = None;

    let error = refused(&product);

    assert_eq!(
        fields(&error),
        ["productLengthType", "productWeightType"],
        "a measure without its unit is meaningless"
    );
}

#[test]
fn measures_are_non_negative_with_at_most_three_places() {
    let mut product = product();
    product.product_weight = Some(Decimal::new(-5, 1));
    product.product_length = Some(Decimal::new(120_001, 4));

    let error = refused(&product);

    assert_eq!(
        fields(&error),
        ["productLength", "productWeight"],
        "12.0001 has four places; -0.5 kg is negative"
    );
}

#[test]
fn a_price_has_at_most_two_places() {
    let mut product = product();
    product.price = Some(Decimal::new(6_505, 3));

    assert_eq!(
        fields(&refused(&product)),
        ["price"],
        "6.505 is not a price"
    );
}

#[test]
fn a_battery_product_needs_its_battery_facts() {
    let mut product = product();
    product.is_battery = Some(YesNo::Yes);
    product.open_battery = None;

    assert_eq!(
        fields(&refused(&product)),
        ["openBattery"],
        "isBattery = 1 requires openBattery"
    );
}

#[test]
fn a_battery_needs_a_known_type() {
    let mut missing = product();
    missing.is_battery = Some(YesNo::Yes);
    missing.open_battery = Some(Battery::default());
    let mut unknown = missing.clone();
    unknown.open_battery = Some(Battery {
        battery_type: Some(BatteryType::Other(9)),
        battery_energy: Some(Decimal::new(-1, 0)),
        ..Battery::default()
    });

    assert_eq!(
        fields(&refused(&missing)),
        ["openBattery.batteryType"],
        "the battery type is required"
    );
    assert_eq!(
        fields(&refused(&unknown)),
        ["openBattery.batteryType", "openBattery.batteryEnergy"],
        "type 9 is not documented and energy cannot be negative"
    );
}

#[test]
fn platform_skus_use_documented_platforms_and_barcodes() {
    let mut product = product();
    product.open_platform_skus.push(PlatformSku {
        platform_type: Some(PlatformType::Other(7)),
        platform_sku: "TT-MUG-001".to_owned(),
        platform_sku_barcode: Some("123".to_owned()),
        barcode_type: Some(BarcodeType::Other(11)),
        ..PlatformSku::default()
    });

    let error = refused(&product);

    assert_eq!(
        fields(&error),
        [
            "openPlatformSkus[2].platformType",
            "openPlatformSkus[2].barcodeType"
        ],
        "platform 7 and barcode type 11 are not documented"
    );
}

#[test]
fn a_product_list_takes_at_most_one_hundred_skus() {
    let request = ProductListRequest {
        product_skus: (0..101).map(|i| format!("SKU-{i:03}")).collect(),
        ..ProductListRequest::default()
    };

    assert_eq!(
        fields(&refused(&request)),
        ["productSkus"],
        "101 SKUs exceed the filter limit"
    );
}

#[test]
fn units_are_documented_codes() {
    let mut product = product();
    product.product_length_type = Some(LengthUnit::Other(4));
    product.product_weight_type = Some(WeightUnit::Other(3));

    assert_eq!(
        fields(&refused(&product)),
        ["productLengthType", "productWeightType"],
        "4 and 3 are not documented units"
    );
}

// ---- inbound orders -------------------------------------------------------------------------

#[test]
fn reference_and_warehouse_are_required() {
    let mut order = inbound();
    order.reference_no.clear();
    order.warehouse_code = " ".to_owned();

    assert_eq!(
        fields(&refused(&order)),
        ["referenceNo", "warehouseCode"],
        "both identify where and what the shipment is"
    );
}

#[test]
fn transit_and_shipping_types_are_required_and_known() {
    let mut order = inbound();
    order.transit_type = None;
    order.shipping_type = Some(ShippingType::Other(9));

    assert_eq!(
        fields(&refused(&order)),
        ["transitType", "shippingType"],
        "no transit type, and shipping type 9 is not documented"
    );
}

#[test]
fn a_full_container_needs_its_container_type() {
    let mut missing = inbound();
    missing.container_type = None;
    let mut none = inbound();
    none.container_type = Some(ContainerType::None);
    let mut express = express_order();
    express.container_type = None;

    assert_eq!(
        missing.shipping_type,
        Some(ShippingType::FullContainer),
        "the fixture is a full container"
    );
    assert_eq!(
        fields(&refused(&missing)),
        ["containerType"],
        "shippingType 1 requires containerType"
    );
    assert_eq!(
        fields(&refused(&none)),
        ["containerType"],
        "'none' is no container size"
    );
    assert!(
        express.check().is_ok(),
        "an express shipment needs no container type"
    );
}

#[test]
fn an_order_needs_lines() {
    let mut order = inbound();
    order.items.clear();

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs"],
        "an empty ASN announces nothing"
    );
}

#[test]
fn each_line_needs_a_sku_a_carton_and_at_least_one_piece() {
    let mut order = inbound();
    order.items[0].product_sku.clear();
    order.items[1].qty = 0;
    order.items[2].box_no = " ".to_owned();

    assert_eq!(
        fields(&refused(&order)),
        [
            "itemDTOs[0].productSku",
            "itemDTOs[1].qty",
            "itemDTOs[2].boxNo"
        ],
        "each broken line is named by its index"
    );
}

#[test]
fn carton_measures_are_non_negative_with_at_most_three_places() {
    let mut order = inbound();
    order.items[3].length = Some(Decimal::new(500_001, 4));
    order.items[3].weight = Some(Decimal::new(-152, 1));

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs[3].length", "itemDTOs[3].weight"],
        "50.0001 cm has four places; -15.2 kg is negative"
    );
}

#[test]
fn a_sku_appears_once_per_carton() {
    let mut order = inbound();
    let repeated = InboundLine {
        qty: 2,
        ..order.items[0].clone()
    };
    order.items.push(repeated);

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs[4].productSku"],
        "SKU-MUG-001 is already on a line of carton 1"
    );
}

#[test]
fn dates_and_the_towing_email_have_their_shapes() {
    let mut order = inbound();
    order.eta_date = Some("2024/06/20".to_owned());
    order.return_container_date = Some("2024-02-30".to_owned());
    order.email_of_towing_container = Some("dispatch at harbor".to_owned());

    assert_eq!(
        fields(&refused(&order)),
        ["etaDate", "returnContainerDate", "emailOfTowingContainer"],
        "dates are yyyy-MM-dd and real; the e-mail needs name@domain"
    );
}

#[test]
fn attachments_use_inbound_types_and_real_base64() {
    let mut order = inbound();
    order.attachments.push(InboundAttachment(Attachment {
        attachment_type: "SHIPMENT_LABEL".to_owned(),
        base64: "not base64!".to_owned(),
        file_name: "label.pdf".to_owned(),
        ..Attachment::default()
    }));

    assert_eq!(
        fields(&refused(&order)),
        [
            "attachmentOpenDTOs[1].attachmentType",
            "attachmentOpenDTOs[1].base64"
        ],
        "SHIPMENT_LABEL is an outbound type and the content is not Base64"
    );
}

#[test]
fn an_update_needs_its_order_number_and_checks_the_body_at_top_level() {
    let mut update: InboundOrderUpdate = request_fixture("inbound_update");
    update.order_no.clear();
    update.order.items[1].qty = 0;

    assert_eq!(
        fields(&refused(&update)),
        ["orderNo", "itemDTOs[1].qty"],
        "the flattened body keeps its own wire paths"
    );
}

#[test]
fn a_list_filters_by_creation_or_update_time_not_both() {
    let mut request = list_request();
    request.start_update_time = Some("2024-05-10 00:00:00".to_owned());

    assert_eq!(
        fields(&refused(&request)),
        ["startUpdateTime"],
        "the create range is already set"
    );
}

#[test]
fn list_times_are_well_formed_and_ordered() {
    let mut malformed = list_request();
    malformed.start_create_time = Some("2024-05-01T00:00:00".to_owned());
    let mut reversed = list_request();
    reversed.end_create_time = Some("2024-04-30 23:59:59".to_owned());

    assert_eq!(
        fields(&refused(&malformed)),
        ["startCreateTime"],
        "list filters use yyyy-MM-dd HH:mm:ss"
    );
    assert_eq!(
        fields(&refused(&reversed)),
        ["endCreateTime"],
        "the range ends before it starts"
    );
}

#[test]
fn a_list_takes_at_most_one_hundred_order_and_reference_numbers() {
    let mut request = list_request();
    request.order_nos = (0..101).map(|i| format!("ASN{i:04}")).collect();
    request.reference_nos = (0..101).map(|i| format!("PO-{i:04}")).collect();

    assert_eq!(
        fields(&refused(&request)),
        ["orderNos", "referenceNos"],
        "101 numbers exceed the limit of each filter"
    );
}

#[test]
fn every_problem_of_an_order_is_reported_at_once() {
    let order = InboundOrderCreate {
        transit_type: Some(TransitType::SellerShips),
        shipping_type: Some(ShippingType::FullContainer),
        eta_date: Some("soon".to_owned()),
        items: vec![InboundLine {
            product_sku: "SKU-MUG-001".to_owned(),
            ..InboundLine::default()
        }],
        ..InboundOrderCreate::default()
    };

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        [
            "referenceNo",
            "warehouseCode",
            "containerType",
            "etaDate",
            "itemDTOs[0].boxNo",
            "itemDTOs[0].qty"
        ],
        "all six problems come back together"
    );
    assert!(
        error
            .field_errors()
            .iter()
            .all(|e| !e.zh.is_empty() && !e.en.is_empty()),
        "every problem is explained in Chinese and English"
    );
}

#[test]
fn cancelling_needs_at_least_one_order() {
    let request = CancelRequest::default();

    assert_eq!(
        fields(&refused(&request)),
        ["orderNos"],
        "a cancel without orders does nothing"
    );
}

#[test]
fn every_request_fixture_is_valid() {
    let checks: Vec<(&str, Result<(), Error>)> = vec![
        (
            "product_list",
            request_fixture::<ProductListRequest>("product_list").check(),
        ),
        (
            "product_create",
            request_fixture::<Product>("product_create").check(),
        ),
        ("product_update", product().check()),
        ("inbound_list", list_request().check()),
        ("inbound_create", inbound().check()),
        ("inbound_create_reviewed", express_order().check()),
        (
            "inbound_update",
            request_fixture::<InboundOrderUpdate>("inbound_update").check(),
        ),
        (
            "inbound_cancel",
            request_fixture::<CancelRequest>("inbound_cancel").check(),
        ),
        (
            "inbound_box_labels",
            request_fixture::<LabelFileRequest>("inbound_box_labels").check(),
        ),
        (
            "inbound_sku_barcodes",
            request_fixture::<LabelFileRequest>("inbound_sku_barcodes").check(),
        ),
    ];

    for (endpoint, outcome) in checks {
        assert!(
            outcome.is_ok(),
            "fixture {endpoint} must pass validation: {outcome:?}"
        );
    }
}

#[test]
fn the_carton_helpers_read_the_fixture() {
    let order = inbound();

    let cartons = order.cartons();
    let totals = order.sku_totals();

    assert_eq!(cartons.len(), 3, "the fixture ships three cartons");
    assert_eq!(cartons["3"].len(), 2, "carton 3 is a mixed carton");
    assert_eq!(totals["SKU-MUG-001"], 102, "48 + 48 + 6 mugs");
    assert_eq!(totals["SKU-LAMP-002"], 12);
}

#[tokio::test]
async fn a_wrongly_typed_body_is_named_before_anything_is_sent() {
    let client = Client::new("http://127.0.0.1:9", Credentials::token("test-token")).unwrap();
    let mut body = fixture("requests", "inbound_create");
    body["itemDTOs"][0]["qty"] = json!("many");

    let error = call_json(&client, EndpointId::InboundCreate, body)
        .await
        .expect_err("qty must be a number");

    assert_eq!(
        fields(&error),
        ["itemDTOs[0].qty"],
        "the parse error names the line quantity: {error}"
    );
}

#[test]
fn requests_are_written_in_the_documented_wire_form() {
    let order = express_order();

    let wire = serde_json::to_value(&order).unwrap();

    assert_eq!(
        wire["transitType"],
        json!("1"),
        "the doc example sends transitType as a JSON string"
    );
    assert_eq!(
        wire["shippingType"],
        json!("2"),
        "the doc example sends shippingType as a JSON string"
    );
    assert_eq!(
        serialize_first_keys(&product()),
        [
            "productSku",
            "name",
            "nameEn",
            "referenceNo",
            "manufacturer",
            "productDesc",
            "productImage"
        ],
        "the product body starts like the doc example"
    );
}

fn serialize_first_keys<T: Serialize>(value: &T) -> Vec<String> {
    match serde_json::to_value(value).unwrap() {
        Value::Object(map) => map.keys().take(7).cloned().collect(),
        other => panic!("expected an object, got {other}"),
    }
}
