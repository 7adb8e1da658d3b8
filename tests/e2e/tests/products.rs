//! Products in the real app: a product created through the form (dimensions with units, a
//! battery, a platform SKU) opens as its detail and is found in the list by its SKU.

#![cfg(feature = "e2e")]

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

#[tokio::test]
async fn a_product_created_through_the_form_is_found_in_the_list() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_millis();
    let sku = format!("SKU-E2E-{millis}");

    app.session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| t.contains("http://127.0.0.1"))
        .await
        .expect("the sandbox is running");
    click(&app, "nav-products").await;
    click(&app, "products-create").await;

    type_into(&app, "products-productSku", &sku).await;
    type_into(&app, "products-name", "端到端测试杯").await;
    type_into(&app, "products-nameEn", "End-to-end mug").await;
    click(&app, "products-productCategoryCode").await;
    click(&app, "products-productCategoryCode-option-HOME-KITCHEN").await;
    select(&app, "products-productType", "1").await;
    type_into(&app, "products-productLength", "12.5").await;
    type_into(&app, "products-productWidth", "9").await;
    type_into(&app, "products-productHeight", "10").await;
    type_into(&app, "products-productWeight", "0.42").await;
    select(&app, "products-isBattery", "1").await;
    let battery_shown = app
        .session
        .by_test_id("products-battery-section", UI_TIMEOUT)
        .await;
    select(&app, "products-openBattery-batteryType", "6").await;
    type_into(&app, "products-openBattery-batteryEnergy", "18.5").await;
    click(&app, "products-add-platform-sku").await;
    select(&app, "products-openPlatformSkus-0-platformType", "1").await;
    type_into(&app, "products-openPlatformSkus-0-platformSku", "X00E2EMUG").await;
    app.screenshot("products-form-filled").await;
    click(&app, "products-save").await;

    let detail_sku = app
        .session
        .wait_for_text("products-detail-sku", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let detail_status = app
        .session
        .wait_for_text("products-detail-status", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let platform_row = app
        .session
        .wait_for_text("products-platform-table-row", UI_TIMEOUT, |t| !t.is_empty())
        .await;

    click(&app, "products-back").await;
    type_into(&app, "products-filter-productSku", &sku).await;
    click(&app, "products-search").await;
    let listed = app
        .session
        .wait_for_text("products-row-sku", UI_TIMEOUT, |t| t == sku)
        .await;
    let rows = app
        .session
        .find_all("[data-testid=\"products-list-row\"]")
        .await
        .expect("the list rows");
    app.screenshot("products-created-in-list").await;
    app.stop().await;

    assert!(
        battery_shown.is_ok(),
        "isBattery = yes shows the battery section: {battery_shown:?}"
    );
    assert_eq!(
        detail_sku.expect("the detail opens after saving"),
        sku,
        "the detail shows the new SKU"
    );
    assert_eq!(
        detail_status.expect("the detail shows a status"),
        "待审核",
        "a new product waits for review, named in Chinese"
    );
    assert!(
        platform_row
            .expect("the platform SKU is listed")
            .contains("X00E2EMUG"),
        "the detail lists the platform SKU the form sent"
    );
    assert!(
        listed.is_ok(),
        "the SKU filter finds the new product: {listed:?}"
    );
    assert_eq!(rows.len(), 1, "the SKU filter shows only that product");
}
