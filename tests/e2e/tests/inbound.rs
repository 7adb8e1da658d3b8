//! Inbound orders (ASN) in the real app: an order with 3 cartons built through the carton form
//! (one carton filled, then duplicated twice) is created, its box labels are downloaded at
//! 100x100 and the saved PDF has one page per carton; a carton without a SKU is refused with
//! that carton's SKU input marked and no order created.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{pdf_info, unique_reference, AppHome, RunningApp, Session, UI_TIMEOUT};

/// Opens the new-order form once the sandbox is up, with the reference and warehouse filled in.
async fn open_new_order(session: &Session, reference: &str) {
    session.open_module("inbound").await;
    session.click("inbound-create").await;
    session.type_into("inbound-referenceNo", reference).await;
    session.pick("inbound-warehouseCode", "US-LAX-1").await;
}

#[tokio::test]
async fn an_asn_with_three_cartons_prints_three_box_labels() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;
    let reference = unique_reference("E2E-ASN");

    open_new_order(session, &reference).await;
    session.select("inbound-shippingType", "1").await;
    let container_shown = session
        .by_test_id("inbound-container-section", UI_TIMEOUT)
        .await;
    session.select("inbound-shippingType", "2").await;
    let container_after_express = session.count("inbound-container-section").await;

    session.type_into("inbound-cartons-0-length", "40").await;
    session.type_into("inbound-cartons-0-width", "30").await;
    session.type_into("inbound-cartons-0-height", "25").await;
    session.type_into("inbound-cartons-0-weight", "8.5").await;
    session
        .pick("inbound-cartons-0-lines-0-productSku", "SKU-MUG-001")
        .await;
    session
        .type_into("inbound-cartons-0-lines-0-qty", "12")
        .await;
    session.type_into("inbound-duplicate-times", "2").await;
    session.click("inbound-duplicate").await;

    let total = session
        .wait_for_text("inbound-total-qty", UI_TIMEOUT, |t| t == "36")
        .await;
    let cartons_in_form = session.count("inbound-carton").await;
    let third_box = session.input_value("inbound-cartons-2-boxNo").await;
    app.screenshot("inbound-form-three-cartons").await;
    session.click("inbound-save-reviewed").await;

    let order_no = session
        .wait_for_text("inbound-detail-orderNo", UI_TIMEOUT, |t| {
            t.starts_with("IB")
        })
        .await;
    let detail_lines = session.count("inbound-detail-line").await;
    session.select("inbound-label-size", "100x100").await;
    session.click("inbound-box-labels-quick").await;
    let saved = session
        .wait_for_text("saved-path", UI_TIMEOUT, |t| t.ends_with(".pdf"))
        .await;
    app.screenshot("inbound-box-labels-saved").await;
    app.stop().await;

    assert!(
        container_shown.is_ok(),
        "a full container shows the container fields: {container_shown:?}"
    );
    assert_eq!(
        container_after_express, 0,
        "express hides the container fields"
    );
    assert_eq!(
        cartons_in_form, 3,
        "duplicating the carton twice gives 3 cartons"
    );
    assert_eq!(
        third_box.as_deref(),
        Some("3"),
        "copies get the next box numbers"
    );
    assert!(
        total.is_ok(),
        "the live total of SKU-MUG-001 is 3 x 12: {total:?}"
    );
    let order_no = order_no.expect("the saved order opens as its detail");
    assert_eq!(
        detail_lines, 3,
        "the detail shows one line per carton of {order_no}"
    );

    let path = saved.expect("the box labels are saved");
    assert!(
        path.contains(&order_no),
        "the file is named after the order: {path}"
    );
    let info = pdf_info(&path);
    assert_eq!(
        info.pages,
        Some(3),
        "one 100x100 label per carton; pdfinfo said:\n{}",
        info.report
    );
}

#[tokio::test]
async fn a_carton_without_sku_is_marked_and_nothing_is_created() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;
    let reference = unique_reference("E2E-BAD");

    open_new_order(session, &reference).await;
    session
        .type_into("inbound-cartons-0-lines-0-qty", "3")
        .await;
    session.click("inbound-add-carton").await;
    session
        .pick("inbound-cartons-1-lines-0-productSku", "SKU-LAMP-002")
        .await;
    session
        .type_into("inbound-cartons-1-lines-0-qty", "2")
        .await;
    session.click("inbound-save").await;

    let marked = session
        .wait_for_text(
            "inbound-cartons-0-lines-0-productSku-error",
            UI_TIMEOUT,
            |t| !t.is_empty(),
        )
        .await;
    let wire_field = session
        .attribute_of("inbound-error-field", "data-field")
        .await;
    let other_carton_marked = session
        .count("inbound-cartons-1-lines-0-productSku-error")
        .await;
    app.screenshot("inbound-carton-without-sku").await;

    session.click("nav-inbound").await;
    session
        .wait_for_text("inbound-list-empty", UI_TIMEOUT, |t| !t.is_empty())
        .await
        .expect("the list has loaded");
    session
        .type_into("inbound-filter-referenceNo", &reference)
        .await;
    session.click("inbound-search").await;
    let nothing = session
        .wait_for_text("inbound-list-empty", UI_TIMEOUT, |t| {
            t.contains("没有符合条件")
        })
        .await;
    let rows = session.count("inbound-list-row").await;
    app.stop().await;

    assert!(
        marked.is_ok(),
        "the first carton's SKU input shows its error: {marked:?}"
    );
    assert_eq!(
        wire_field.as_deref(),
        Some("itemDTOs[0].productSku"),
        "the error came from Rust for the first wire row"
    );
    assert_eq!(other_carton_marked, 0, "the filled carton is not marked");
    assert!(nothing.is_ok(), "no order has the reference: {nothing:?}");
    assert_eq!(rows, 0, "the refused order was not created");
}
