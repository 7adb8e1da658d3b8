//! An express label walked to "created" through the real app: the seller fills the form,
//! estimates the fee, saves a draft, corrects the draft's weight, submits it for review and
//! reviews it with the buttons the status offers; the sandbox's warehouse makes the label when
//! its clock advances (admin API at the URL the environment banner shows); after a refresh the
//! label is created and its PDF is downloaded, and the saved file is a one-page PDF.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{pdf_info, AppHome, RunningApp, Session, UI_TIMEOUT};

/// Fills the sender or recipient block.
async fn fill_address(session: &Session, prefix: &str, name: &str, country: &str, city: &str) {
    session
        .type_into(&format!("labels-{prefix}-name"), name)
        .await;
    session
        .type_into(&format!("labels-{prefix}-phone"), "+1 213 555 0100")
        .await;
    session
        .pick(&format!("labels-{prefix}-countryCode"), country)
        .await;
    session
        .type_into(&format!("labels-{prefix}-city"), city)
        .await;
    session
        .type_into(&format!("labels-{prefix}-postcode"), "90001")
        .await;
    session
        .type_into(&format!("labels-{prefix}-address"), "100 Main Street")
        .await;
}

/// Waits until the detail page shows the status named `zh` (the UI starts in Chinese).
async fn wait_for_status(session: &Session, zh: &str) -> Result<String, String> {
    session
        .wait_for_text("labels-detail-status", UI_TIMEOUT, |text| text.contains(zh))
        .await
        .map_err(|e| e.0)
}

#[tokio::test]
async fn an_express_label_is_walked_to_created_and_its_pdf_downloaded() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    let sandbox = session.sandbox_url().await;

    session.open_module("labels").await;
    session.click("labels-create").await;
    session.type_into("labels-referenceNo", "E2E-LABEL-1").await;
    session.pick("labels-shippingMethodCode", "UPS-LABEL").await;
    session.type_into("labels-length", "30").await;
    session.type_into("labels-width", "20").await;
    session.type_into("labels-height", "10").await;
    session.type_into("labels-weight", "1.5").await;
    fill_address(session, "shipper", "LAX Warehouse", "US", "Los Angeles").await;
    fill_address(session, "consignee", "Ann Buyer", "US", "Pasadena").await;
    session
        .type_into("labels-itemDTOs-0-declareName", "马克杯")
        .await;
    session
        .type_into("labels-itemDTOs-0-declareNameEn", "Mug")
        .await;
    session
        .type_into("labels-itemDTOs-0-declareValue", "9.5")
        .await;

    session.click("labels-estimate").await;
    let estimate = session
        .wait_for_text("labels-estimate-fees-total", UI_TIMEOUT, |t| {
            t.contains("USD")
        })
        .await;
    app.screenshot("labels-form-estimate").await;

    session.click("labels-save").await;
    let draft = wait_for_status(session, "草稿").await;
    let draft_actions = session
        .wait_for_text("labels-actions", UI_TIMEOUT, |t| t.contains("提交审核"))
        .await;
    let review_offered_in_draft = session
        .find("[data-testid=\"labels-action-review\"]")
        .await
        .expect("the page answers")
        .is_some();

    session.click("labels-edit").await;
    session.type_into("labels-weight", "2.25").await;
    session.click("labels-save").await;
    let updated = session
        .wait_for_text("labels-notice", UI_TIMEOUT, |t| t.contains("已修改"))
        .await;
    let parcel = session
        .wait_for_text("labels-detail-parcel", UI_TIMEOUT, |t| t.contains("2.25"))
        .await;

    session.click("labels-action-submitReview").await;
    let pending = wait_for_status(session, "待审核").await;
    let edit_offered_when_pending = session
        .find("[data-testid=\"labels-edit\"]")
        .await
        .expect("the page answers")
        .is_some();
    session.click("labels-action-review").await;
    let reviewed = wait_for_status(session, "已审核").await;
    let no_file_yet = session
        .by_test_id("labels-no-file", UI_TIMEOUT)
        .await
        .is_ok();

    let advanced = reqwest::Client::new()
        .post(format!("{sandbox}/__sandbox/advance-clock"))
        .header("content-type", "application/json")
        .body(r#"{"minutes": 10}"#)
        .send()
        .await
        .map(|r| r.status());

    session.click("labels-refresh").await;
    let created = wait_for_status(session, "已制单").await;
    let fee_total = session
        .wait_for_text("labels-fee-total", UI_TIMEOUT, |t| t.contains("USD"))
        .await;
    session.click("labels-download-quick").await;
    let saved = session
        .wait_for_text("saved-path", UI_TIMEOUT, |t| t.ends_with(".pdf"))
        .await;
    app.screenshot("labels-created-downloaded").await;
    app.stop().await;

    assert!(
        estimate.is_ok(),
        "the fee estimate shows a total: {estimate:?}"
    );
    assert!(draft.is_ok(), "saving makes a draft: {draft:?}");
    assert!(
        draft_actions.is_ok(),
        "a draft offers submit for review: {draft_actions:?}"
    );
    assert!(
        !review_offered_in_draft,
        "a draft does not offer review, which only a pending label allows"
    );
    assert!(updated.is_ok(), "the draft is updated: {updated:?}");
    assert!(
        parcel.is_ok(),
        "the detail shows the corrected weight: {parcel:?}"
    );
    assert!(
        pending.is_ok(),
        "submitting makes it pending review: {pending:?}"
    );
    assert!(!edit_offered_when_pending, "only a draft can be edited");
    assert!(
        reviewed.is_ok(),
        "reviewing makes it reviewed: {reviewed:?}"
    );
    assert!(no_file_yet, "a reviewed label has no file to download yet");
    let advanced = advanced.expect("the sandbox admin API answers");
    assert!(advanced.is_success(), "the clock advanced: {advanced}");
    assert!(
        created.is_ok(),
        "after the clock the label is created: {created:?}"
    );
    assert!(
        fee_total.is_ok(),
        "a created label shows its fee: {fee_total:?}"
    );

    let saved = saved.expect("the download shows where it saved the file");
    let path = std::path::PathBuf::from(saved.trim());
    assert!(path.is_file(), "the label PDF exists at {}", path.display());
    let info = pdf_info(&path);
    assert_eq!(
        info.pages,
        Some(1),
        "the express label is one page: {}",
        info.report
    );
}
