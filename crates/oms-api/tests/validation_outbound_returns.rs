//! Bad input to outbound and return orders is refused before sending, each problem named by the
//! wire path of its field, all problems at once; the fixtures of both modules are valid and are
//! written back by our types exactly as stored.

mod support;

use rust_decimal::Decimal;

use oms_api::bulk::{BulkResult, CancelRequest, OrderCreated};
use oms_api::files::{AnyAttachment, Attachment, OutboundAttachment};
use oms_api::outbound::{
    B2bOrderCreate, B2bOrderUpdate, B2cOrderCreate, B2cOrderUpdate, ChangeBarcodeType,
    DownloadAttachmentsRequest, InventoryType, OpenAttachment, OutboundListRequest, OutboundOrder,
    PickType, SignType, StoredAttachment, UploadAttachmentsRequest,
};
use oms_api::returns::{
    HandleType, ReturnListRequest, ReturnOrder, ReturnOrderCreate, ReturnOrderUpdate, ReturnType,
};
use oms_api::{Page, Validate, YesNo};
use support::fixtures::{
    assert_valid_and_unchanged, fields, refused, request_fixture, response_fixture,
};

fn b2b() -> B2bOrderCreate {
    request_fixture("b2b_create")
}

fn b2c() -> B2cOrderCreate {
    request_fixture("b2c_create")
}

fn return_order() -> ReturnOrderCreate {
    request_fixture("return_create")
}

fn list() -> OutboundListRequest {
    request_fixture("b2c_list")
}

fn attachment(kind: &str, base64: &str, file_name: &str) -> Attachment {
    Attachment {
        attachment_type: kind.to_owned(),
        base64: base64.to_owned(),
        file_name: file_name.to_owned(),
        ..Attachment::default()
    }
}

#[test]
fn every_request_fixture_is_valid_and_written_back_unchanged() {
    assert_valid_and_unchanged::<OutboundListRequest>("b2c_list");
    assert_valid_and_unchanged::<B2cOrderCreate>("b2c_create");
    assert_valid_and_unchanged::<B2cOrderCreate>("b2c_create_reviewed");
    assert_valid_and_unchanged::<B2cOrderUpdate>("b2c_update");
    assert_valid_and_unchanged::<OutboundListRequest>("b2b_list");
    assert_valid_and_unchanged::<B2bOrderCreate>("b2b_create");
    assert_valid_and_unchanged::<B2bOrderCreate>("b2b_create_reviewed");
    assert_valid_and_unchanged::<B2bOrderUpdate>("b2b_update");
    assert_valid_and_unchanged::<UploadAttachmentsRequest>("outbound_upload_attachment");
    assert_valid_and_unchanged::<DownloadAttachmentsRequest>("outbound_download_attachment");
    assert_valid_and_unchanged::<CancelRequest>("outbound_cancel");
    assert_valid_and_unchanged::<ReturnListRequest>("return_list");
    assert_valid_and_unchanged::<ReturnOrderCreate>("return_create");
    assert_valid_and_unchanged::<ReturnOrderCreate>("return_create_reviewed");
    assert_valid_and_unchanged::<ReturnOrderUpdate>("return_update");
    assert_valid_and_unchanged::<CancelRequest>("return_cancel");
}

#[test]
fn every_response_fixture_reads_into_its_type_without_leftovers() {
    let b2c: Page<OutboundOrder> = response_fixture("b2c_list");
    let b2b: Page<OutboundOrder> = response_fixture("b2b_list");
    let returns: Page<ReturnOrder> = response_fixture("return_list");
    for endpoint in [
        "b2c_create",
        "b2c_create_reviewed",
        "b2c_update",
        "b2b_create",
        "b2b_create_reviewed",
        "b2b_update",
        "return_create",
        "return_create_reviewed",
        "return_update",
    ] {
        let created: OrderCreated = response_fixture(endpoint);
        assert!(
            !created.order_no.is_empty(),
            "responses/{endpoint}.json must carry an orderNo"
        );
    }
    let stored: Vec<StoredAttachment> = response_fixture("outbound_upload_attachment");
    let downloaded: Vec<OpenAttachment> = response_fixture("outbound_download_attachment");
    let cancelled: BulkResult = response_fixture("outbound_cancel");
    let _: BulkResult = response_fixture("return_cancel");

    for order in b2c.list.iter().chain(&b2b.list) {
        assert!(
            order.extra.is_empty(),
            "every listed outbound field has a home: {:?}",
            order.extra
        );
    }
    assert!(
        returns.list[0].extra.is_empty() && returns.list[0].items[0].extra.is_empty(),
        "every listed return field has a home: {:?}",
        returns.list[0]
    );
    assert_eq!(stored.len(), 2, "both uploaded files are answered");
    assert!(
        downloaded[0].to_file().unwrap().is_pdf(),
        "the downloaded attachment decodes to a PDF"
    );
    assert!(
        cancelled.has_failures(),
        "the outbound cancel fixture shows a partial failure"
    );
}

#[test]
fn a_valid_b2b_order_passes() {
    assert!(b2b().check().is_ok(), "{:?}", b2b().check());
}

#[test]
fn the_documented_placeholder_sign_type_passes_without_a_signature() {
    let mut order = b2b();
    order.is_sign = Some(YesNo::No);
    order.sign_type = Some(SignType::Other(0));

    assert!(
        order.check().is_ok(),
        "signType 0 is the documentation's placeholder when no signature is asked: {:?}",
        order.check()
    );
}

#[test]
fn a_missing_reference_is_named() {
    let mut order = b2b();
    order.reference_no = "  ".to_owned();

    assert_eq!(
        fields(&refused(&order)),
        ["referenceNo"],
        "a blank referenceNo is missing"
    );
}

#[test]
fn a_reference_longer_than_50_is_refused() {
    let mut order = b2c();
    order.reference_no = "R".repeat(51);

    assert_eq!(
        fields(&refused(&order)),
        ["referenceNo"],
        "referenceNo is at most 50"
    );
}

#[test]
fn a_three_letter_country_is_refused() {
    let mut order = b2c();
    order.code2 = "USA".to_owned();

    assert_eq!(
        fields(&refused(&order)),
        ["code2"],
        "code2 is ISO 3166 alpha-2"
    );
}

#[test]
fn an_email_without_a_domain_is_refused() {
    let mut order = b2c();
    order.contact_email = Some("jane.doe@example".to_owned());

    assert_eq!(
        fields(&refused(&order)),
        ["contactEmail"],
        "contactEmail needs name@domain.tld"
    );
}

#[test]
fn an_order_without_lines_is_refused() {
    let mut order = b2b();
    order.items.clear();

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs"],
        "an order needs a line"
    );
}

#[test]
fn a_zero_quantity_names_its_line() {
    let mut order = b2b();
    order.items[1].qty = 0;

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs[1].qty"],
        "qty must be at least 1 on the second line"
    );
}

#[test]
fn a_line_without_sku_names_its_line() {
    let mut order = b2c();
    order.items[0].product_sku.clear();

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs[0].productSku"],
        "each line needs a productSku"
    );
}

#[test]
fn insurance_needs_a_positive_value() {
    let mut order = b2b();
    order.is_insure = Some(YesNo::Yes);
    order.insure_price = Some(Decimal::ZERO);

    assert_eq!(
        fields(&refused(&order)),
        ["insurePrice"],
        "insured with a value of 0.00"
    );

    order.insure_price = None;
    assert_eq!(
        fields(&refused(&order)),
        ["insurePrice"],
        "insured without a value"
    );
}

#[test]
fn an_insured_value_has_at_most_two_places() {
    let mut order = b2c();
    order.insure_price = Some(Decimal::new(12_345, 3));

    assert_eq!(
        fields(&refused(&order)),
        ["insurePrice"],
        "12.345 has three places"
    );
}

#[test]
fn a_signature_needs_a_documented_sign_type() {
    let mut order = b2b();
    order.is_sign = Some(YesNo::Yes);

    assert_eq!(
        fields(&refused(&order)),
        ["signType"],
        "the placeholder 0 is not a kind of signature"
    );

    order.sign_type = None;
    assert_eq!(
        fields(&refused(&order)),
        ["signType"],
        "a signature without its kind"
    );

    order.sign_type = Some(SignType::Adult);
    assert!(order.check().is_ok(), "adult signature is documented");
}

#[test]
fn an_unknown_pick_type_is_refused() {
    let mut order = b2c();
    order.pick_type = Some(PickType::Other(9));

    assert_eq!(
        fields(&refused(&order)),
        ["pickType"],
        "pickType is 1, 2 or 3"
    );
}

#[test]
fn an_unknown_inventory_type_is_refused() {
    let mut order = b2c();
    order.inventory_type = Some(InventoryType::Other(7));

    assert_eq!(
        fields(&refused(&order)),
        ["inventoryType"],
        "inventoryType is 1, 2 or 3"
    );
}

#[test]
fn b2b_instructions_are_checked_under_b2b_dto() {
    let mut order = b2b();
    let instructions = order.instructions.as_mut().unwrap();
    instructions.expected_ship_date = Some("2025/05/06".to_owned());
    instructions.limit_plate_height = Some(Decimal::new(1_801_234, 4));
    instructions.change_barcode_type = Some(ChangeBarcodeType::Other(5));

    assert_eq!(
        fields(&refused(&order)),
        [
            "b2bDto.expectedShipDate",
            "b2bDto.changeBarcodeType",
            "b2bDto.limitPlateHeight"
        ],
        "date format, documented code and 3-place scale inside b2bDto"
    );
}

#[test]
fn an_outbound_attachment_of_another_module_is_refused() {
    let mut order = b2b();
    order.attachments = vec![OutboundAttachment(attachment(
        "PACKING_LIST",
        "JVBERi0xLjQ=",
        "list.pdf",
    ))];

    assert_eq!(
        fields(&refused(&order)),
        ["attachmentOpenDTOs[0].attachmentType"],
        "PACKING_LIST is an inbound attachment type"
    );
}

#[test]
fn an_update_needs_its_order_number() {
    let mut update: B2cOrderUpdate = request_fixture("b2c_update");
    update.order_no.clear();

    assert_eq!(
        fields(&refused(&update)),
        ["orderNo"],
        "update without orderNo"
    );

    let mut update: B2bOrderUpdate = request_fixture("b2b_update");
    update.order.items[0].qty = -2;
    assert_eq!(
        fields(&refused(&update)),
        ["itemDTOs[0].qty"],
        "the create rules apply to an update, at the top-level paths"
    );
}

#[test]
fn list_filters_take_one_time_range_only() {
    let mut filters = list();
    filters.start_update_time = Some("2025-04-02 00:00:00".to_owned());

    assert_eq!(
        fields(&refused(&filters)),
        ["startUpdateTime"],
        "create and update ranges together"
    );
}

#[test]
fn list_time_ranges_are_checked() {
    let mut filters = list();
    filters.start_create_time = Some("2025-05-01 00:00:00".to_owned());

    assert_eq!(
        fields(&refused(&filters)),
        ["endCreateTime"],
        "the range ends before it starts"
    );

    filters.start_create_time = Some("2025-04-01".to_owned());
    assert_eq!(
        fields(&refused(&filters)),
        ["startCreateTime"],
        "a date without the time"
    );
}

#[test]
fn list_filters_take_at_most_100_numbers() {
    let mut filters = list();
    filters.order_nos = (0..101).map(|n| format!("OBC{n:06}")).collect();

    assert_eq!(
        fields(&refused(&filters)),
        ["orderNos"],
        "101 order numbers"
    );
}

#[test]
fn an_upload_needs_files_and_a_download_needs_an_order() {
    let mut upload: UploadAttachmentsRequest = request_fixture("outbound_upload_attachment");
    upload.attachments.clear();
    let mut download: DownloadAttachmentsRequest = request_fixture("outbound_download_attachment");
    download.order_no.clear();

    assert_eq!(
        fields(&refused(&upload)),
        ["attachmentOpenDTOs"],
        "an upload without files"
    );
    assert_eq!(
        fields(&refused(&download)),
        ["orderNo"],
        "a download without orderNo"
    );
}

#[test]
fn a_valid_return_passes_with_any_attachment_type() {
    let mut order = return_order();
    order.attachments = vec![AnyAttachment(attachment(
        "PHOTO",
        "JVBERi0xLjQ=",
        "damage.pdf",
    ))];

    assert!(
        order.check().is_ok(),
        "return attachment types are not documented: {:?}",
        order.check()
    );
}

#[test]
fn a_return_needs_its_warehouse_and_documented_codes() {
    let mut order = return_order();
    order.warehouse_code.clear();
    order.return_type = Some(ReturnType::Other(4));
    order.handle_type = Some(HandleType::Other(0));

    assert_eq!(
        fields(&refused(&order)),
        ["warehouseCode", "returnType", "handleType"],
        "warehouse missing, returnType and handleType unknown"
    );
}

#[test]
fn a_return_line_needs_a_positive_quantity() {
    let mut order = return_order();
    order.items[0].qty = -1;

    assert_eq!(
        fields(&refused(&order)),
        ["itemDTOs[0].qty"],
        "a negative quantity"
    );
}

#[test]
fn a_return_attachment_needs_a_file_name_and_real_base64() {
    let mut order = return_order();
    order.attachments = vec![AnyAttachment(attachment("OTHER", "not base64!", ""))];

    assert_eq!(
        fields(&refused(&order)),
        [
            "attachmentOpenDTOs[0].fileName",
            "attachmentOpenDTOs[0].base64"
        ],
        "file name missing and content not Base64"
    );
}

#[test]
fn a_return_update_needs_its_order_number() {
    let mut update: ReturnOrderUpdate = request_fixture("return_update");
    update.order_no = String::new();

    assert_eq!(
        fields(&refused(&update)),
        ["orderNo"],
        "update without orderNo"
    );
}

#[test]
fn return_list_filters_follow_the_outbound_rules() {
    let mut filters: ReturnListRequest = request_fixture("return_list");
    filters.end_update_time = Some("2025-04-30 23:59:59".to_owned());
    filters.reference_nos = vec![String::new()];

    assert_eq!(
        fields(&refused(&filters)),
        ["referenceNos[0]", "startUpdateTime"],
        "a blank reference and both time ranges"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let order = B2cOrderCreate {
        contact_email: Some("not-an-email".to_owned()),
        code2: "XX".to_owned(),
        ..B2cOrderCreate::default()
    };

    let error = refused(&order);
    let found = fields(&error);

    for field in [
        "referenceNo",
        "contactName",
        "contactEmail",
        "city",
        "address",
        "postcode",
        "warehouseCode",
        "shippingMethodCode",
        "code2",
        "itemDTOs",
    ] {
        assert!(
            found.contains(&field),
            "{field} must be among the problems: {found:?}"
        );
    }
    assert_eq!(found.len(), 10, "no problem is reported twice: {found:?}");
}
