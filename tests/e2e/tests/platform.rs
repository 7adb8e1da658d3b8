//! A platform order pushed through the real app's form: submitting it empty shows Rust's field
//! errors on the inputs they belong to (highlighted), then the filled form shows the live total
//! of its lines and the sandbox's answer.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{AppHome, Element, RunningApp, Session, UI_TIMEOUT};

/// The element with `test_id`, scrolled to the middle of the window: WebKitWebDriver refuses
/// to click or type into elements at the window's bottom edge.
async fn in_view(session: &Session, test_id: &str) -> Element {
    let element = session
        .by_test_id(test_id, UI_TIMEOUT)
        .await
        .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"));
    let scroll = "document.querySelector(`[data-testid=\"${arguments[0]}\"]`)\
                  ?.scrollIntoView({block: 'center'})";
    let _ = session.execute(scroll, serde_json::json!([test_id])).await;
    element
}

/// Clicks the element with `test_id`, waiting for it to appear.
async fn click(session: &Session, test_id: &str) {
    in_view(session, test_id)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be clicked: {e}"));
}

/// Replaces the text of the input with `test_id`.
async fn type_into(session: &Session, test_id: &str, text: &str) {
    let input = in_view(session, test_id).await;
    input
        .clear()
        .await
        .unwrap_or_else(|e| panic!("{test_id} can be emptied: {e}"));
    input
        .type_text(text)
        .await
        .unwrap_or_else(|e| panic!("{test_id} takes text: {e}"));
}

#[tokio::test]
async fn a_platform_order_is_created_through_the_form_after_a_highlighted_error() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| !t.is_empty())
        .await
        .expect("the app is up");
    click(session, "nav-platform").await;
    click(session, "platform-save").await;
    let field_error = session
        .wait_for_text("platform-platformOrderNo-error", UI_TIMEOUT, |t| {
            !t.is_empty()
        })
        .await;
    let highlighted = session
        .by_test_id("platform-platformOrderNo", UI_TIMEOUT)
        .await
        .expect("the order number input")
        .attribute("aria-invalid")
        .await
        .expect("the attribute can be read");
    let listed = session
        .wait_for_text("platform-error", UI_TIMEOUT, |t| {
            t.contains("platformOrderNo")
        })
        .await;
    app.screenshot("platform-error-highlighted").await;

    type_into(session, "platform-platformOrderNo", "AMZ-E2E-0001").await;
    click(session, "platform-warehouseCode").await;
    click(session, "platform-warehouseCode-option-US-LAX-1").await;
    type_into(session, "platform-buyerName", "Ann Buyer").await;
    type_into(session, "platform-itemDTOs-0-sku", "SKU-MUG-001").await;
    type_into(session, "platform-itemDTOs-0-quantity", "3").await;
    type_into(session, "platform-itemDTOs-0-unitPrice", "0.1").await;
    click(session, "platform-line-add").await;
    type_into(session, "platform-itemDTOs-1-sku", "SKU-LAMP-002").await;
    type_into(session, "platform-itemDTOs-1-unitPrice", "0.2").await;
    let total = session
        .wait_for_text("platform-total", UI_TIMEOUT, |t| t.contains("0.50"))
        .await;

    click(session, "platform-save").await;
    let created = session
        .wait_for_text("platform-created", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    app.screenshot("platform-order-created").await;
    app.stop().await;

    let field_error = field_error.expect("the missing order number is named at its input");
    assert!(
        field_error.contains("必填"),
        "the error says what is wrong: {field_error}"
    );
    assert_eq!(
        highlighted.as_deref(),
        Some("true"),
        "the order number input is highlighted"
    );
    assert!(
        listed.is_ok(),
        "the error panel lists the field: {listed:?}"
    );
    let total = total.expect("the total follows the lines");
    assert!(
        total.contains("USD 0.50"),
        "3 × 0.1 + 1 × 0.2 is exactly 0.50: {total}"
    );
    let created = created.expect("the created message shows");
    assert!(
        created.contains("AMZ-E2E-0001") && created.contains("创建成功"),
        "the sandbox's answer for the order shows: {created}"
    );
}
