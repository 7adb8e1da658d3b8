//! An express label walked to "created" through the real app: the seller fills the form,
//! estimates the fee, saves a draft, submits it for review and reviews it with the buttons the
//! status offers; the sandbox's warehouse makes the label when its clock advances (admin API at
//! the URL the environment banner shows); after a refresh the label is created and its PDF is
//! downloaded, and the saved file is a one-page PDF.

#![cfg(feature = "e2e")]

use std::process::Command;

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

/// Types `text` into the input with `test_id`.
async fn type_into(session: &Session, test_id: &str, text: &str) {
    in_view(session, test_id)
        .await
        .type_text(text)
        .await
        .unwrap_or_else(|e| panic!("{test_id} takes text: {e}"));
}

/// Opens the picker `picker`, searches for `value` (long lists show only the first matches)
/// and chooses it.
async fn pick(session: &Session, picker: &str, value: &str) {
    click(session, picker).await;
    type_into(session, &format!("{picker}-search"), value).await;
    click(session, &format!("{picker}-option-{value}")).await;
}

/// Fills the sender or recipient block.
async fn fill_address(session: &Session, prefix: &str, name: &str, country: &str, city: &str) {
    type_into(session, &format!("labels-{prefix}-name"), name).await;
    type_into(
        session,
        &format!("labels-{prefix}-phone"),
        "+1 213 555 0100",
    )
    .await;
    pick(session, &format!("labels-{prefix}-countryCode"), country).await;
    type_into(session, &format!("labels-{prefix}-city"), city).await;
    type_into(session, &format!("labels-{prefix}-postcode"), "90001").await;
    type_into(
        session,
        &format!("labels-{prefix}-address"),
        "100 Main Street",
    )
    .await;
}

/// The sandbox's address as the environment banner shows it (`http://127.0.0.1:PORT`).
fn sandbox_url(banner: &str) -> String {
    let start = banner
        .find("http://")
        .unwrap_or_else(|| panic!("the banner shows the sandbox URL: {banner}"));
    banner[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
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

    let banner = session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| {
            t.contains("http://127.0.0.1:")
        })
        .await
        .expect("the banner shows the local sandbox's address");
    let sandbox = sandbox_url(&banner);

    click(session, "nav-labels").await;
    click(session, "labels-create").await;
    type_into(session, "labels-referenceNo", "E2E-LABEL-1").await;
    pick(session, "labels-shippingMethodCode", "UPS-LABEL").await;
    type_into(session, "labels-length", "30").await;
    type_into(session, "labels-width", "20").await;
    type_into(session, "labels-height", "10").await;
    type_into(session, "labels-weight", "1.5").await;
    fill_address(session, "shipper", "LAX Warehouse", "US", "Los Angeles").await;
    fill_address(session, "consignee", "Ann Buyer", "US", "Pasadena").await;
    type_into(session, "labels-itemDTOs-0-declareName", "马克杯").await;
    type_into(session, "labels-itemDTOs-0-declareNameEn", "Mug").await;
    type_into(session, "labels-itemDTOs-0-declareValue", "9.5").await;

    click(session, "labels-estimate").await;
    let estimate = session
        .wait_for_text("labels-estimate-fees-total", UI_TIMEOUT, |t| {
            t.contains("USD")
        })
        .await;
    app.screenshot("labels-form-estimate").await;

    click(session, "labels-save").await;
    let draft = wait_for_status(session, "草稿").await;
    let draft_actions = session
        .wait_for_text("labels-actions", UI_TIMEOUT, |t| t.contains("提交审核"))
        .await;
    let review_offered_in_draft = session
        .find("[data-testid=\"labels-action-review\"]")
        .await
        .expect("the page answers")
        .is_some();

    click(session, "labels-action-submitReview").await;
    let pending = wait_for_status(session, "待审核").await;
    click(session, "labels-action-review").await;
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

    click(session, "labels-refresh").await;
    let created = wait_for_status(session, "已制单").await;
    let fee_total = session
        .wait_for_text("labels-fee-total", UI_TIMEOUT, |t| t.contains("USD"))
        .await;
    click(session, "labels-download").await;
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
    assert!(
        pending.is_ok(),
        "submitting makes it pending review: {pending:?}"
    );
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
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(pages, Some("1"), "the express label is one page: {info}");
}
