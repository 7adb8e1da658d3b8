//! Bad input for inventory lists, express labels and platform orders is refused before sending,
//! each problem named by the wire path of its field; the fixtures are valid and are written back
//! exactly as stored; a label download before the label exists names the label's status.

mod support;

use rust_decimal::Decimal;
use serde_json::json;

use oms_api::common::ShippingMethodListRequest;
use oms_api::files::{AnyAttachment, Attachment};
use oms_api::inventory::InventoryListRequest;
use oms_api::label::{
    ExpressLabelCreate, ExpressLabelUpdate, LabelActionRequest, LabelAddress, LabelInfoRequest,
    LabelLine, LabelListRequest, LabelOrderType, LabelStatus,
};
use oms_api::platform::{
    PlatformAttachmentUpload, PlatformOrderBatch, PlatformOrderCreate, PlatformStoreCreate,
    StorePlatform,
};
use oms_api::{Client, CommonParam, Credentials, Error, Validate, YesNo};
use support::fixtures::{assert_valid_and_unchanged, fields, fixture, refused, request_fixture};
use support::{Reply, TestServer};

fn stock_filter() -> InventoryListRequest {
    request_fixture("inventory_record_list")
}

fn label() -> ExpressLabelCreate {
    request_fixture("label_create")
}

fn order() -> PlatformOrderCreate {
    request_fixture("platform_order_create")
}

fn batch() -> PlatformOrderBatch {
    request_fixture("platform_order_create_batch")
}

// ---- fixtures ---------------------------------------------------------------------------------

#[test]
fn every_request_fixture_is_valid_and_written_back_as_stored() {
    assert_valid_and_unchanged::<InventoryListRequest>("inventory_list");
    assert_valid_and_unchanged::<InventoryListRequest>("inventory_record_list");
    assert_valid_and_unchanged::<InventoryListRequest>("inventory_age_list");
    assert_valid_and_unchanged::<ShippingMethodListRequest>("label_channel_list");
    assert_valid_and_unchanged::<LabelListRequest>("label_list");
    assert_valid_and_unchanged::<LabelInfoRequest>("label_info");
    assert_valid_and_unchanged::<ExpressLabelCreate>("label_create");
    assert_valid_and_unchanged::<ExpressLabelCreate>("label_create_reviewed");
    assert_valid_and_unchanged::<ExpressLabelUpdate>("label_update");
    assert_valid_and_unchanged::<ExpressLabelCreate>("label_fee_trial");
    assert_valid_and_unchanged::<LabelInfoRequest>("label_fee_info");
    for action in [
        "label_submit_review",
        "label_cancel",
        "label_review",
        "label_refund",
        "label_reject",
        "label_activate",
        "label_retry",
    ] {
        assert_valid_and_unchanged::<LabelActionRequest>(action);
    }
    assert_valid_and_unchanged::<PlatformOrderCreate>("platform_order_create");
    assert_valid_and_unchanged::<PlatformOrderBatch>("platform_order_create_batch");
    assert_valid_and_unchanged::<PlatformAttachmentUpload>("platform_upload_attachment");
    assert_valid_and_unchanged::<PlatformStoreCreate>("platform_store_create");
}

// ---- inventory --------------------------------------------------------------------------------

#[test]
fn a_movement_range_that_ends_before_it_starts_is_refused() {
    let mut filter = stock_filter();
    filter.end_create_time = Some("2024-04-30 23:59:59".to_owned());

    let error = refused(&filter);

    assert_eq!(
        fields(&error),
        ["endCreateTime"],
        "the end is before the start"
    );
}

#[test]
fn a_movement_time_in_the_wrong_format_is_refused() {
    let mut filter = stock_filter();
    filter.start_create_time = Some("2024-05-01T00:00:00Z".to_owned());

    let error = refused(&filter);

    assert_eq!(
        fields(&error),
        ["startCreateTime"],
        "list filters use yyyy-MM-dd HH:mm:ss, not RFC 3339"
    );
}

#[test]
fn blank_skus_and_too_many_warehouses_in_a_filter_are_refused() {
    let mut filter: InventoryListRequest = request_fixture("inventory_list");
    filter.product_skus.push(" ".to_owned());
    filter.warehouse_codes = (0..101).map(|i| format!("WH-{i}")).collect();

    let error = refused(&filter);

    assert_eq!(
        fields(&error),
        ["productSkus[2]", "warehouseCodes"],
        "the blank third SKU and the 101 warehouses are both named"
    );
}

#[test]
fn a_stock_page_larger_than_100_is_refused() {
    let mut filter: InventoryListRequest = request_fixture("inventory_age_list");
    filter.common_param = Some(CommonParam::page(1, 500));

    let error = refused(&filter);

    assert_eq!(
        fields(&error),
        ["commonParam.pageParam.pageSize"],
        "pages are capped at 100 rows"
    );
}

// ---- express labels ---------------------------------------------------------------------------

#[test]
fn a_label_without_reference_channel_or_order_type_is_refused() {
    let mut label = label();
    label.reference_no = String::new();
    label.shipping_method_code = "  ".to_owned();
    label.order_type = None;

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        ["orderType", "referenceNo", "shippingMethodCode"],
        "the three required fields are missing"
    );
}

#[test]
fn an_undocumented_order_type_is_refused() {
    let mut label = label();
    label.order_type = Some(LabelOrderType::Other(9));

    let error = refused(&label);

    assert_eq!(fields(&error), ["orderType"], "only 1 and 2 are documented");
    assert!(
        error.field_errors()[0].en.contains("1 single parcel"),
        "the message lists the allowed values: {}",
        error.field_errors()[0].en
    );
}

#[test]
fn zero_weight_and_over_precise_dimensions_are_refused() {
    let mut label = label();
    label.weight = Some(Decimal::ZERO);
    label.length = Some(Decimal::new(30125, 3));
    label.height = Some(Decimal::new(-5, 0));

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        ["length", "height", "weight"],
        "length has 3 places, height is negative, weight is zero"
    );
}

#[test]
fn a_label_without_weight_is_refused() {
    let mut label = label();
    label.weight = None;

    let error = refused(&label);

    assert_eq!(fields(&error), ["weight"], "the carrier prices by weight");
}

#[test]
fn address_problems_are_named_inside_shipper_and_consignee() {
    let mut label = label();
    let shipper = label.shipper.as_mut().unwrap();
    shipper.country_code = "USA".to_owned();
    let consignee = label.consignee.as_mut().unwrap();
    consignee.postcode = String::new();
    consignee.email = Some("emily.carter@example".to_owned());

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        [
            "shipper.countryCode",
            "consignee.postcode",
            "consignee.email"
        ],
        "each bad address field is named under its party"
    );
}

#[test]
fn a_label_without_consignee_is_refused() {
    let mut label = label();
    label.consignee = None;

    let error = refused(&label);

    assert_eq!(fields(&error), ["consignee"], "a label needs a recipient");
}

#[test]
fn an_empty_consignee_names_every_required_address_field() {
    let mut label = label();
    label.consignee = Some(LabelAddress::default());

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        [
            "consignee.name",
            "consignee.phone",
            "consignee.city",
            "consignee.address",
            "consignee.postcode",
            "consignee.countryCode"
        ],
        "every required address field is reported"
    );
}

#[test]
fn insuring_without_an_insured_value_is_refused() {
    let mut label = label();
    label.is_insure = Some(YesNo::Yes);
    label.insure_price = Some(Decimal::ZERO);

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        ["insurePrice"],
        "isInsure = 1 needs a value above 0"
    );
}

#[test]
fn bad_declared_lines_are_named_by_index() {
    let mut label = label();
    label.item_dtos[0].qty = Some(0);
    label.item_dtos.push(LabelLine {
        declare_value: Some(Decimal::new(12345, 3)),
        qty: Some(1),
        ..LabelLine::default()
    });

    let error = refused(&label);

    assert_eq!(
        fields(&error),
        ["itemDTOs[0].qty", "itemDTOs[1].declareValue"],
        "zero pieces on line 0, three decimal places on line 1"
    );
}

#[test]
fn an_update_without_order_number_is_refused() {
    let mut update: ExpressLabelUpdate = request_fixture("label_update");
    update.order_no = String::new();

    let error = refused(&update);

    assert_eq!(fields(&error), ["orderNo"], "an update names its label");
}

#[test]
fn a_label_action_needs_exactly_one_way_of_naming_labels() {
    let neither = LabelActionRequest::default();
    let mut both = LabelActionRequest::one("EL1");
    both.order_nos = vec!["EL2".to_owned()];
    let too_many = LabelActionRequest::many((0..101).map(|i| format!("EL{i}")));

    assert_eq!(fields(&refused(&neither)), ["orderNo"], "no label named");
    assert_eq!(
        fields(&refused(&both)),
        ["orderNos"],
        "orderNo and orderNos together are ambiguous"
    );
    assert_eq!(
        fields(&refused(&too_many)),
        ["orderNos"],
        "at most 100 labels per call"
    );
}

#[test]
fn a_label_list_with_an_unknown_status_is_refused() {
    let mut filter: LabelListRequest = request_fixture("label_list");
    filter.status = Some(LabelStatus::Other(7));

    let error = refused(&filter);

    assert_eq!(fields(&error), ["status"], "7 is not a label status");
}

// ---- platform orders --------------------------------------------------------------------------

#[test]
fn a_platform_order_number_is_required_and_at_most_50_characters() {
    let mut missing = order();
    missing.platform_order_no = String::new();
    let mut long = order();
    long.platform_order_no = "1".repeat(51);

    assert_eq!(fields(&refused(&missing)), ["platformOrderNo"], "missing");
    assert_eq!(fields(&refused(&long)), ["platformOrderNo"], "too long");
}

#[test]
fn currency_and_country_codes_must_be_iso() {
    let mut order = order();
    order.currency_code = Some("US$".to_owned());
    order.item_dtos[1].currency_code = Some("usd".to_owned());
    order.buyer_country_code = Some("USA".to_owned());

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        [
            "currencyCode",
            "buyerCountryCode",
            "itemDTOs[1].currencyCode"
        ],
        "ISO 4217 for money, ISO 3166 alpha-2 for the country"
    );
}

#[test]
fn platform_times_must_be_rfc3339() {
    let mut order = order();
    order.order_time = Some("2024-05-20 08:15:22".to_owned());
    order.shipping_time = Some("2024-05-22".to_owned());

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        ["orderTime", "shippingTime"],
        "platform orders use RFC 3339, not the list filter format"
    );
}

#[test]
fn prices_with_more_than_three_places_and_zero_quantities_are_refused() {
    let mut order = order();
    order.item_dtos[0].unit_price = Some(Decimal::new(129905, 4));
    order.item_dtos[1].quantity = Some(0);

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        ["itemDTOs[0].unitPrice", "itemDTOs[1].quantity"],
        "four decimal places on line 0, zero pieces on line 1"
    );
}

#[test]
fn an_order_without_lines_or_warehouse_is_refused() {
    let mut order = order();
    order.item_dtos.clear();
    order.warehouse_code = String::new();
    order.total_amount = None;

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        ["warehouseCode", "itemDTOs"],
        "a warehouse and at least one line are needed"
    );
}

#[test]
fn a_line_without_sku_is_refused() {
    let mut order = order();
    order.item_dtos[1].sku = " ".to_owned();

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        ["itemDTOs[1].sku"],
        "every line names its SKU"
    );
}

#[test]
fn a_total_that_differs_from_the_line_totals_is_refused() {
    let mut order = order();
    order.total_amount = Some(Decimal::new(50, 0));

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        ["totalAmount"],
        "25.98 + 23.99 is 49.97, not 50"
    );
    assert!(
        error.field_errors()[0].en.contains("49.97"),
        "the message gives the sum: {}",
        error.field_errors()[0].en
    );
}

#[test]
fn the_total_is_not_compared_when_a_line_total_is_missing() {
    let mut order = order();
    order.total_amount = Some(Decimal::new(50, 0));
    order.item_dtos[1].total_price = None;

    assert!(
        order.check().is_ok(),
        "without every line total there is nothing to compare"
    );
}

#[test]
fn batch_errors_are_named_by_position() {
    let mut batch = batch();
    batch.0[1].buyer_email = Some("jonas.weber at example.de".to_owned());

    let error = refused(&batch);

    assert_eq!(
        fields(&error),
        ["[1].buyerEmail"],
        "the second order's e-mail"
    );
}

#[test]
fn a_batch_over_100_orders_or_empty_is_refused() {
    let one = order();
    let big = PlatformOrderBatch(
        (0..101)
            .map(|i| PlatformOrderCreate {
                platform_order_no: format!("113-{i:07}"),
                ..one.clone()
            })
            .collect(),
    );

    assert_eq!(
        fields(&refused(&big)),
        ["(body)"],
        "101 orders in one batch"
    );
    assert_eq!(
        fields(&refused(&PlatformOrderBatch::default())),
        ["(body)"],
        "an empty batch"
    );
}

#[test]
fn a_platform_order_number_repeated_in_a_batch_is_refused() {
    let mut batch = batch();
    batch.0.push(batch.0[0].clone());

    let error = refused(&batch);

    assert_eq!(
        fields(&error),
        ["[2].platformOrderNo"],
        "the third order repeats the first"
    );
}

#[test]
fn an_upload_without_files_or_with_broken_base64_is_refused() {
    let mut empty: PlatformAttachmentUpload = request_fixture("platform_upload_attachment");
    empty.attachment_open_dtos.clear();
    let mut broken: PlatformAttachmentUpload = request_fixture("platform_upload_attachment");
    broken.attachment_open_dtos = vec![AnyAttachment(Attachment {
        attachment_type: "OTHER".to_owned(),
        base64: "not base64 !!".to_owned(),
        file_name: "invoice.pdf".to_owned(),
        ..Attachment::default()
    })];

    assert_eq!(
        fields(&refused(&empty)),
        ["attachmentOpenDTOs"],
        "nothing to upload"
    );
    assert_eq!(
        fields(&refused(&broken)),
        ["attachmentOpenDTOs[0].base64"],
        "the file content is not Base64"
    );
}

#[test]
fn a_store_needs_code_name_and_a_documented_platform() {
    let mut store: PlatformStoreCreate = request_fixture("platform_store_create");
    store.store_code = String::new();
    store.platform = Some(StorePlatform::Other("ALIBABA".to_owned()));

    let error = refused(&store);

    assert_eq!(
        fields(&error),
        ["storeCode", "platform"],
        "the code is missing and ALIBABA is not a documented platform"
    );
}

#[test]
fn several_problems_of_one_order_are_reported_at_once() {
    let mut order = order();
    order.platform_order_no = String::new();
    order.buyer_email = Some("nobody".to_owned());
    order.payment_time = Some("yesterday".to_owned());
    order.item_dtos[0].sku = String::new();
    order.item_dtos[0].quantity = None;

    let error = refused(&order);

    assert_eq!(
        fields(&error),
        [
            "platformOrderNo",
            "buyerEmail",
            "paymentTime",
            "itemDTOs[0].sku",
            "itemDTOs[0].quantity"
        ],
        "every problem is named in one answer"
    );
}

// ---- label download ---------------------------------------------------------------------------

#[tokio::test]
async fn downloading_a_label_that_is_not_made_yet_names_its_status() {
    let server = TestServer::start().await;
    server.always(
        "/open/label-data/info",
        Reply::Data(json!({"orderNo": "EL2405200001", "status": 3})),
    );
    let client = Client::new(&server.base_url, Credentials::token("test-token")).unwrap();

    let error = client
        .download_express_label("EL2405200001")
        .await
        .expect_err("a reviewed label has no file yet");

    let Error::NotReady { zh, en } = &error else {
        panic!("a label without a file is not ready yet, got {error:?}");
    };
    assert!(
        en.contains("status is 3 (reviewed)"),
        "the English message names the status: {en}"
    );
    assert!(
        zh.contains("3 已审核"),
        "the Chinese message names the status: {zh}"
    );
    assert_eq!(
        server.requests()[0].json(),
        json!({"orderNo": "EL2405200001"}),
        "label_info was asked for the label"
    );
}

#[tokio::test]
async fn downloading_a_made_label_decodes_its_file() {
    let server = TestServer::start().await;
    server.always(
        "/open/label-data/info",
        Reply::Data(fixture("responses", "label_info")),
    );
    let client = Client::new(&server.base_url, Credentials::token("test-token")).unwrap();

    let file = client.download_express_label("EL2405200001").await.unwrap();

    assert!(file.is_pdf(), "the fixture's label is a PDF");
    assert_eq!(file.file_name.as_deref(), Some("EL2405200001.pdf"));
}
