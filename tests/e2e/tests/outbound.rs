//! Outbound orders in the real app against its sandbox: a B2B order created with an FBA label
//! chosen by path comes back byte for byte from "download attachments"; a B2C order created in
//! the form is cancelled from the list and shows as cancelled; and a form error highlights the
//! field it belongs to.

#![cfg(feature = "e2e")]

use std::path::{Path, PathBuf};

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

/// One app at a time: the machine has few cores, and three webviews at once make every wait slow.
static ONE_APP: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn click(app: &RunningApp, test_id: &str) {
    app.session
        .by_test_id(test_id, UI_TIMEOUT)
        .await
        .unwrap_or_else(|e| panic!("{test_id} shows: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be clicked: {e}"));
}

async fn type_into(app: &RunningApp, test_id: &str, text: &str) {
    let input = app
        .session
        .by_test_id(test_id, UI_TIMEOUT)
        .await
        .unwrap_or_else(|e| panic!("{test_id} shows: {e}"));
    input.clear().await.expect("the input can be emptied");
    input
        .type_text(text)
        .await
        .unwrap_or_else(|e| panic!("{test_id} takes text: {e}"));
}

/// Chooses `value` in a Picker: open it, narrow the list by typing, click the option.
async fn pick(app: &RunningApp, picker: &str, value: &str) {
    click(app, picker).await;
    type_into(app, &format!("{picker}-search"), value).await;
    click(app, &format!("{picker}-option-{value}")).await;
}

/// Scrolls an element to the middle of the window, so the screenshot shows it.
async fn show(app: &RunningApp, test_id: &str) {
    let script = format!(
        "document.querySelector('[data-testid=\"{test_id}\"]')\
         ?.scrollIntoView({{block: 'center'}}); return true"
    );
    let _ = app.session.execute(&script, serde_json::json!([])).await;
}

/// Waits for the sandbox account to be active, then opens a module.
async fn open_module(app: &RunningApp, module: &str) {
    app.session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| {
            t.contains("http://127.0.0.1:")
        })
        .await
        .expect("the banner shows the running sandbox");
    click(app, &format!("nav-{module}")).await;
}

/// Fills the fields every outbound order needs, shipping from US-LAX-1 with `channel`.
async fn fill_order(app: &RunningApp, kind: &str, reference: &str, channel: &str) {
    type_into(app, &format!("{kind}-referenceNo"), reference).await;
    pick(app, &format!("{kind}-warehouseCode"), "US-LAX-1").await;
    pick(app, &format!("{kind}-shippingMethodCode"), channel).await;
    type_into(app, &format!("{kind}-contactName"), "Ann Buyer").await;
    pick(app, &format!("{kind}-code2"), "US").await;
    type_into(app, &format!("{kind}-city"), "Los Angeles").await;
    type_into(app, &format!("{kind}-postcode"), "90001").await;
    type_into(app, &format!("{kind}-address"), "100 Main Street").await;
    type_into(app, &format!("{kind}-itemDTOs-0-productSku"), "SKU-MUG-001").await;
    type_into(app, &format!("{kind}-itemDTOs-0-qty"), "2").await;
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

    open_module(&app, "b2b").await;
    click(&app, "b2b-create").await;
    fill_order(&app, "b2b", "E2E-B2B-ATT-1", "UPS-GROUND").await;
    type_into(&app, "b2b-itemDTOs-0-boxNo", "C1").await;
    type_into(&app, "b2b-b2bDto-shipmentNo", "FBA15E2E0001").await;
    type_into(&app, "b2b-attachments-path", &label.display().to_string()).await;
    click(&app, "b2b-attachments-add").await;
    let chosen = app
        .session
        .by_test_id("b2b-attachments-file", UI_TIMEOUT)
        .await
        .expect("the chosen file is listed")
        .attribute("data-path")
        .await
        .expect("the chosen file has a path");
    let default_type = app
        .session
        .execute(
            "return document.querySelector('[data-testid=\"b2b-attachment-type-0\"]').value",
            serde_json::json!([]),
        )
        .await
        .expect("the attachment type can be read");
    click(&app, "b2b-save").await;

    let listed = app
        .session
        .wait_for_text("b2b-attachment-list-row", UI_TIMEOUT, |t| {
            t.contains("fba-label.pdf")
        })
        .await;
    let order_no = app
        .session
        .by_test_id("b2b-detail", UI_TIMEOUT)
        .await
        .expect("the new order's detail opens")
        .attribute("data-order-no")
        .await
        .expect("the detail names its order");
    click(&app, "b2b-download-attachments").await;
    let saved = app
        .session
        .wait_for_text("saved-path", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    show(&app, "b2b-attachment-list").await;
    app.screenshot("outbound-b2b-attachment-downloaded").await;
    app.stop().await;

    assert_eq!(
        chosen.as_deref(),
        Some(label.to_str().unwrap()),
        "the typed path is the chosen file"
    );
    assert_eq!(
        default_type.as_str(),
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

    open_module(&app, "b2c").await;
    click(&app, "b2c-create").await;
    fill_order(&app, "b2c", "E2E-B2C-CANCEL-1", "USPS-GROUND").await;
    click(&app, "b2c-save").await;
    let created_status = app
        .session
        .wait_for_text("b2c-detail-status", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let order_no = app
        .session
        .by_test_id("b2c-detail", UI_TIMEOUT)
        .await
        .expect("the new order's detail opens")
        .attribute("data-order-no")
        .await
        .expect("the detail names its order")
        .unwrap_or_default();

    click(&app, "b2c-back").await;
    app.session
        .wait_for_text("b2c-list-row", UI_TIMEOUT, |t| t.contains(&order_no))
        .await
        .expect("the new order is listed");
    let checkbox = app
        .session
        .find(&format!(
            "[data-testid=\"b2c-select\"][data-order-no=\"{order_no}\"]"
        ))
        .await
        .expect("the page can be searched")
        .expect("the order's row has a checkbox");
    checkbox.click().await.expect("the row can be selected");
    click(&app, "b2c-cancel-selected").await;
    click(&app, "b2c-cancel-confirm-ok").await;
    let result = app
        .session
        .by_test_id("b2c-cancel-result", UI_TIMEOUT)
        .await
        .expect("the cancel shows a result per order");
    let result_order = result.attribute("data-order-no").await.ok().flatten();
    let result_ok = result.attribute("data-ok").await.ok().flatten();
    let row_status = app
        .session
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

    open_module(&app, "b2c").await;
    click(&app, "b2c-create").await;
    fill_order(&app, "b2c", "E2E-B2C-ERROR-1", "USPS-GROUND").await;
    click(&app, "b2c-isInsure").await;
    click(&app, "b2c-save").await;
    let message = app
        .session
        .wait_for_text("b2c-insurePrice-error", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let marked = app
        .session
        .by_test_id("b2c-insurePrice", UI_TIMEOUT)
        .await
        .expect("the insured value input")
        .attribute("aria-invalid")
        .await
        .ok()
        .flatten();
    let listed = app
        .session
        .by_test_id("b2c-error-field", UI_TIMEOUT)
        .await
        .expect("the error panel lists the field")
        .attribute("data-field")
        .await
        .ok()
        .flatten();
    let still_in_form = app.session.by_test_id("b2c-form", UI_TIMEOUT).await.is_ok();
    show(&app, "b2c-insurePrice").await;
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
