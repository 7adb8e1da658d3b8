//! A platform order pushed through the real app's form: submitting it empty shows Rust's field
//! errors on the inputs they belong to (highlighted), then the filled form shows the live total
//! of its lines and the sandbox's answer; a shipping label is then attached to the new order.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

#[tokio::test]
async fn a_platform_order_is_created_through_the_form_after_a_highlighted_error() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    session.open_module("platform").await;
    session.click("platform-save").await;
    let field_error = session
        .wait_for_text("platform-platformOrderNo-error", UI_TIMEOUT, |t| {
            !t.is_empty()
        })
        .await;
    let highlighted = session
        .attribute_of("platform-platformOrderNo", "aria-invalid")
        .await;
    let listed = session
        .wait_for_text("platform-error", UI_TIMEOUT, |t| {
            t.contains("platformOrderNo")
        })
        .await;
    app.screenshot("platform-error-highlighted").await;

    session
        .type_into("platform-platformOrderNo", "AMZ-E2E-0001")
        .await;
    session.pick("platform-warehouseCode", "US-LAX-1").await;
    session.type_into("platform-buyerName", "Ann Buyer").await;
    session
        .type_into("platform-itemDTOs-0-sku", "SKU-MUG-001")
        .await;
    session.type_into("platform-itemDTOs-0-quantity", "3").await;
    session
        .type_into("platform-itemDTOs-0-unitPrice", "0.1")
        .await;
    session.click("platform-line-add").await;
    session
        .type_into("platform-itemDTOs-1-sku", "SKU-LAMP-002")
        .await;
    session
        .type_into("platform-itemDTOs-1-unitPrice", "0.2")
        .await;
    let total = session
        .wait_for_text("platform-total", UI_TIMEOUT, |t| t.contains("0.50"))
        .await;

    session.click("platform-save").await;
    let created = session
        .wait_for_text("platform-created", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    app.screenshot("platform-order-created").await;

    let folder = tempfile::tempdir().expect("a temporary folder");
    let label = folder.path().join("amazon-label.pdf");
    std::fs::write(&label, b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n").expect("the label is written");
    session.click("platform-attach-created").await;
    let prefilled = session.input_value("platform-attach-platformOrderNo").await;
    session
        .type_into("platform-attach-files-path", &label.display().to_string())
        .await;
    session.click("platform-attach-files-add").await;
    session
        .select("platform-attach-type-0", "SHIPMENT_LABEL")
        .await;
    session.click("platform-attach-upload").await;
    let attached = session
        .wait_for_text("platform-attach-done", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    app.screenshot("platform-attachment-uploaded").await;
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
    assert_eq!(
        prefilled.as_deref(),
        Some("AMZ-E2E-0001"),
        "the attachments form opens on the new order"
    );
    let attached = attached.expect("the upload is answered");
    assert!(
        attached.contains("上传成功") && attached.contains('1'),
        "the sandbox stored the one file: {attached}"
    );
}
