//! Inbound orders (ASN) in the real app: an order with 3 cartons built through the carton form
//! (one carton filled, then duplicated twice) is created, its box labels are downloaded at
//! 100x100 and the saved PDF has one page per carton; a carton without a SKU is refused with
//! that carton's SKU input marked and no order created.

#![cfg(feature = "e2e")]

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};
use serde_json::json;

/// Brings `test_id` to the middle of its scrolling pane: the webview's driver does not scroll
/// nested panes by itself, and refuses elements outside the view.
async fn reveal(app: &RunningApp, test_id: &str) -> oms_desk_e2e::Element {
    let element = app
        .session
        .by_test_id(test_id, UI_TIMEOUT)
        .await
        .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"));
    let script = "document.querySelector(`[data-testid=\"${arguments[0]}\"]`)\
                  .scrollIntoView({ block: 'center' }); return true;";
    app.session
        .execute(script, json!([test_id]))
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be scrolled to: {e}"));
    element
}

async fn click(app: &RunningApp, test_id: &str) {
    reveal(app, test_id)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be clicked: {e}"));
}

async fn type_into(app: &RunningApp, test_id: &str, text: &str) {
    let input = reveal(app, test_id).await;
    input.clear().await.expect("the input can be cleared");
    input
        .type_text(text)
        .await
        .unwrap_or_else(|e| panic!("{test_id} takes text: {e}"));
}

/// Chooses `value` in the `<select>` with `test_id`, as the seller's choice would.
async fn select(app: &RunningApp, test_id: &str, value: &str) {
    app.session
        .by_test_id(test_id, UI_TIMEOUT)
        .await
        .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"));
    let script = "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); \
                  el.value = arguments[1]; \
                  el.dispatchEvent(new Event('change', { bubbles: true })); \
                  return el.value;";
    let chosen = app
        .session
        .execute(script, json!([test_id, value]))
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be set: {e}"));
    assert_eq!(chosen, json!(value), "{test_id} offers the option {value}");
}

/// Picks `value` in the searchable picker `test_id`.
async fn pick(app: &RunningApp, test_id: &str, value: &str) {
    click(app, test_id).await;
    click(app, &format!("{test_id}-option-{value}")).await;
}

async fn count(app: &RunningApp, test_id: &str) -> usize {
    app.session
        .find_all(&format!("[data-testid=\"{test_id}\"]"))
        .await
        .expect("elements can be listed")
        .len()
}

fn unique_reference(prefix: &str) -> String {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_millis();
    format!("{prefix}-{millis}")
}

/// Opens the new-order form once the sandbox is up, with the reference and warehouse filled in.
async fn open_new_order(app: &RunningApp, reference: &str) {
    app.session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| t.contains("http://127.0.0.1"))
        .await
        .expect("the sandbox is running");
    click(app, "nav-inbound").await;
    click(app, "inbound-create").await;
    type_into(app, "inbound-referenceNo", reference).await;
    pick(app, "inbound-warehouseCode", "US-LAX-1").await;
}

#[tokio::test]
async fn an_asn_with_three_cartons_prints_three_box_labels() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let reference = unique_reference("E2E-ASN");

    open_new_order(&app, &reference).await;
    select(&app, "inbound-shippingType", "1").await;
    let container_shown = app
        .session
        .by_test_id("inbound-container-section", UI_TIMEOUT)
        .await;
    select(&app, "inbound-shippingType", "2").await;
    let container_after_express = count(&app, "inbound-container-section").await;

    type_into(&app, "inbound-cartons-0-length", "40").await;
    type_into(&app, "inbound-cartons-0-width", "30").await;
    type_into(&app, "inbound-cartons-0-height", "25").await;
    type_into(&app, "inbound-cartons-0-weight", "8.5").await;
    pick(&app, "inbound-cartons-0-lines-0-productSku", "SKU-MUG-001").await;
    type_into(&app, "inbound-cartons-0-lines-0-qty", "12").await;
    type_into(&app, "inbound-duplicate-times", "2").await;
    click(&app, "inbound-duplicate").await;

    let total = app
        .session
        .wait_for_text("inbound-total-qty", UI_TIMEOUT, |t| t == "36")
        .await;
    let cartons_in_form = count(&app, "inbound-carton").await;
    let third_box = app
        .session
        .execute(
            "return document.querySelector('[data-testid=\"inbound-cartons-2-boxNo\"]')?.value;",
            json!([]),
        )
        .await
        .expect("the third carton's box number can be read");
    app.screenshot("inbound-form-three-cartons").await;
    click(&app, "inbound-save-reviewed").await;

    let order_no = app
        .session
        .wait_for_text("inbound-detail-orderNo", UI_TIMEOUT, |t| {
            t.starts_with("IB")
        })
        .await;
    let detail_lines = count(&app, "inbound-detail-line").await;
    select(&app, "inbound-label-size", "100x100").await;
    click(&app, "inbound-box-labels").await;
    let saved = app
        .session
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
    assert_eq!(third_box, json!("3"), "copies get the next box numbers");
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
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .map(|n| n.trim().to_owned());
    assert_eq!(
        pages.as_deref(),
        Some("3"),
        "one 100x100 label per carton; pdfinfo said:\n{info}"
    );
}

#[tokio::test]
async fn a_carton_without_sku_is_marked_and_nothing_is_created() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let reference = unique_reference("E2E-BAD");

    open_new_order(&app, &reference).await;
    type_into(&app, "inbound-cartons-0-lines-0-qty", "3").await;
    click(&app, "inbound-add-carton").await;
    pick(&app, "inbound-cartons-1-lines-0-productSku", "SKU-LAMP-002").await;
    type_into(&app, "inbound-cartons-1-lines-0-qty", "2").await;
    click(&app, "inbound-save").await;

    let marked = app
        .session
        .wait_for_text(
            "inbound-cartons-0-lines-0-productSku-error",
            UI_TIMEOUT,
            |t| !t.is_empty(),
        )
        .await;
    let wire_field = app
        .session
        .by_test_id("inbound-error-field", UI_TIMEOUT)
        .await
        .expect("the error panel names the field")
        .attribute("data-field")
        .await
        .expect("the field can be read");
    let other_carton_marked = count(&app, "inbound-cartons-1-lines-0-productSku-error").await;
    app.screenshot("inbound-carton-without-sku").await;

    click(&app, "nav-inbound").await;
    app.session
        .wait_for_text("inbound-list-empty", UI_TIMEOUT, |t| !t.is_empty())
        .await
        .expect("the list has loaded");
    type_into(&app, "inbound-filter-referenceNo", &reference).await;
    click(&app, "inbound-search").await;
    let nothing = app
        .session
        .wait_for_text("inbound-list-empty", UI_TIMEOUT, |t| {
            t.contains("没有符合条件")
        })
        .await;
    let rows = count(&app, "inbound-list-row").await;
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
