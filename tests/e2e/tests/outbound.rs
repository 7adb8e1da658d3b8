//! Outbound orders in the real app against its sandbox: a B2B order created with an FBA label
//! chosen by path comes back byte for byte from "download attachments"; a B2C order created in
//! the form is cancelled from the list and shows as cancelled; and a form error highlights the
//! field it belongs to.

#![cfg(feature = "e2e")]

use std::path::{Path, PathBuf};

use oms_desk_e2e::{AppHome, RunningApp, Session, UI_TIMEOUT};

/// One app at a time: the machine has few cores, and three webviews at once make every wait slow.
static ONE_APP: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Opens a new `kind` order once the sandbox runs and fills the fields every outbound order
/// needs, shipping from US-LAX-1 with `channel`.
async fn new_order(session: &Session, kind: &str, reference: &str, channel: &str) {
    session.open_module(kind).await;
    session.click(&format!("{kind}-create")).await;
    session
        .type_into(&format!("{kind}-referenceNo"), reference)
        .await;
    session
        .pick(&format!("{kind}-warehouseCode"), "US-LAX-1")
        .await;
    session
        .pick(&format!("{kind}-shippingMethodCode"), channel)
        .await;
    session
        .type_into(&format!("{kind}-contactName"), "Ann Buyer")
        .await;
    session.pick(&format!("{kind}-code2"), "US").await;
    session
        .type_into(&format!("{kind}-city"), "Los Angeles")
        .await;
    session
        .type_into(&format!("{kind}-postcode"), "90001")
        .await;
    session
        .type_into(&format!("{kind}-address"), "100 Main Street")
        .await;
    session
        .type_into(&format!("{kind}-itemDTOs-0-productSku"), "SKU-MUG-001")
        .await;
    session
        .type_into(&format!("{kind}-itemDTOs-0-qty"), "2")
        .await;
}

/// A small PDF-like file holding every byte value once, so any re-encoding would show.
fn write_label(folder: &Path) -> (PathBuf, Vec<u8>) {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend(0u8..=255);
    bytes.extend_from_slice(b"\n%%EOF\n");
    let path = folder.join("fba-label.pdf");
    std::fs::write(&path, &bytes).expect("the label file is written");
    (path, bytes)
}

#[tokio::test]
async fn a_b2b_attachment_chosen_before_creating_downloads_back_byte_for_byte() {
    let _one = ONE_APP.lock().await;
    let files = tempfile::tempdir().expect("a temporary folder");
    let (label, original) = write_label(files.path());
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    new_order(session, "b2b", "E2E-B2B-ATT-1", "UPS-GROUND").await;
    session.type_into("b2b-itemDTOs-0-boxNo", "C1").await;
    session
        .type_into("b2b-b2bDto-shipmentNo", "FBA15E2E0001")
        .await;
    session
        .type_into("b2b-attachments-path", &label.display().to_string())
        .await;
    session.click("b2b-attachments-add").await;
    let chosen = session
        .attribute_of("b2b-attachments-file", "data-path")
        .await;
    let default_type = session.input_value("b2b-attachment-type-0").await;
    session.click("b2b-save").await;

    let listed = session
        .wait_for_text("b2b-attachment-list-row", UI_TIMEOUT, |t| {
            t.contains("fba-label.pdf")
        })
        .await;
    let order_no = session.attribute_of("b2b-detail", "data-order-no").await;
    session.click("b2b-download-attachments-quick").await;
    let saved = session
        .wait_for_text("saved-path", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    session.show("b2b-attachment-list").await;
    app.screenshot("outbound-b2b-attachment-downloaded").await;
    app.stop().await;

    assert_eq!(
        chosen.as_deref(),
        Some(label.to_str().unwrap()),
        "the typed path is the chosen file"
    );
    assert_eq!(
        default_type.as_deref(),
        Some("SHIPMENT_LABEL"),
        "a B2B file starts as an FBA shipment label"
    );
    assert!(
        order_no.is_some_and(|no| !no.is_empty()),
        "the detail of the created order opens"
    );
    let listed = listed.expect("the uploaded attachment is listed on the order");
    assert!(
        listed.contains("FBA") || listed.contains("货件标签"),
        "the attachment shows its type: {listed}"
    );
    let saved = saved.expect("the download shows where it saved the file");
    let downloaded = std::fs::read(saved.trim())
        .unwrap_or_else(|e| panic!("the saved file {saved} can be read: {e}"));
    assert_eq!(
        downloaded.len(),
        original.len(),
        "the saved file has the original's size"
    );
    assert!(
        downloaded == original,
        "the saved file is the original byte for byte"
    );
}

#[tokio::test]
async fn a_b2c_order_created_in_the_form_is_cancelled_from_the_list() {
    let _one = ONE_APP.lock().await;
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    new_order(session, "b2c", "E2E-B2C-CANCEL-1", "USPS-GROUND").await;
    session.click("b2c-save").await;
    let created_status = session
        .wait_for_text("b2c-detail-status", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let order_no = session
        .attribute_of("b2c-detail", "data-order-no")
        .await
        .unwrap_or_default();

    session.click("b2c-back").await;
    session
        .wait_for_text("b2c-list-row", UI_TIMEOUT, |t| t.contains(&order_no))
        .await
        .expect("the new order is listed");
    let checkbox = session
        .find(&format!(
            "[data-testid=\"b2c-select\"][data-order-no=\"{order_no}\"]"
        ))
        .await
        .expect("the page can be searched")
        .expect("the order's row has a checkbox");
    checkbox.click().await.expect("the row can be selected");
    session.click("b2c-cancel-selected").await;
    session.click("b2c-cancel-confirm-ok").await;
    let result_order = session
        .attribute_of("b2c-cancel-result", "data-order-no")
        .await;
    let result_ok = session.attribute_of("b2c-cancel-result", "data-ok").await;
    let row_status = session
        .wait_for_text("b2c-row-status", UI_TIMEOUT, |t| t == "已取消")
        .await;
    app.screenshot("outbound-b2c-cancelled").await;
    app.stop().await;

    assert_eq!(
        created_status.expect("the created order shows a status"),
        "待审核",
        "a created order waits for review"
    );
    assert_eq!(
        result_order.as_deref(),
        Some(order_no.as_str()),
        "the result names the order"
    );
    assert_eq!(
        result_ok.as_deref(),
        Some("true"),
        "the order was cancelled"
    );
    assert!(
        row_status.is_ok(),
        "the list shows the order as cancelled: {row_status:?}"
    );
}

#[tokio::test]
async fn an_insured_order_without_a_value_highlights_the_insured_value() {
    let _one = ONE_APP.lock().await;
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    new_order(session, "b2c", "E2E-B2C-ERROR-1", "USPS-GROUND").await;
    session.click("b2c-isInsure").await;
    session.click("b2c-save").await;
    let message = session
        .wait_for_text("b2c-insurePrice-error", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let marked = session
        .attribute_of("b2c-insurePrice", "aria-invalid")
        .await;
    let listed = session.attribute_of("b2c-error-field", "data-field").await;
    let still_in_form = session.by_test_id("b2c-form", UI_TIMEOUT).await.is_ok();
    session.show("b2c-insurePrice").await;
    app.screenshot("outbound-b2c-field-error").await;
    app.stop().await;

    assert!(
        message.is_ok(),
        "the insured value shows its error: {message:?}"
    );
    assert_eq!(marked.as_deref(), Some("true"), "the input is highlighted");
    assert_eq!(
        listed.as_deref(),
        Some("insurePrice"),
        "the panel names the wire field"
    );
    assert!(still_in_form, "the form stays open to correct the field");
}
