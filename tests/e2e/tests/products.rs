//! Products in the real app: a product created through the form (dimensions with units, a
//! battery, a platform SKU) opens as its detail and is found in the list by its SKU.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{unique_reference, AppHome, RunningApp, UI_TIMEOUT};

#[tokio::test]
async fn a_product_created_through_the_form_is_found_in_the_list() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;
    let sku = unique_reference("SKU-E2E");

    session.open_module("products").await;
    session.click("products-create").await;

    session.type_into("products-productSku", &sku).await;
    session.type_into("products-name", "端到端测试杯").await;
    session.type_into("products-nameEn", "End-to-end mug").await;
    session
        .pick("products-productCategoryCode", "HOME-KITCHEN")
        .await;
    session.select("products-productType", "1").await;
    session.type_into("products-productLength", "12.5").await;
    session.type_into("products-productWidth", "9").await;
    session.type_into("products-productHeight", "10").await;
    session.type_into("products-productWeight", "0.42").await;
    session.select("products-isBattery", "1").await;
    let battery_shown = session
        .by_test_id("products-battery-section", UI_TIMEOUT)
        .await;
    session
        .select("products-openBattery-batteryType", "6")
        .await;
    session
        .type_into("products-openBattery-batteryEnergy", "18.5")
        .await;
    session.click("products-add-platform-sku").await;
    session
        .select("products-openPlatformSkus-0-platformType", "1")
        .await;
    session
        .type_into("products-openPlatformSkus-0-platformSku", "X00E2EMUG")
        .await;
    app.screenshot("products-form-filled").await;
    session.click("products-save").await;

    let detail_sku = session
        .wait_for_text("products-detail-sku", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let detail_status = session
        .wait_for_text("products-detail-status", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let platform_row = session
        .wait_for_text("products-platform-table-row", UI_TIMEOUT, |t| !t.is_empty())
        .await;

    session.click("products-back").await;
    session.type_into("products-filter-productSku", &sku).await;
    session.click("products-search").await;
    let listed = session
        .wait_for_text("products-row-sku", UI_TIMEOUT, |t| t == sku)
        .await;
    let rows = session.count("products-list-row").await;
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
    assert_eq!(rows, 1, "the SKU filter shows only that product");
}
