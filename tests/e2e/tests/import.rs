//! Bulk import in the real app: a CSV of three platform orders is checked, submitted and followed
//! to its end on the progress bar, then found in the batch history with three accepted rows; a
//! CSV with a broken cell shows that row and column and cannot be submitted.

#![cfg(feature = "e2e")]

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

/// The English headers of the platform-orders template, in its order.
const HEADER: &str = "Platform order no.,Warehouse code,Store code,Platform warehouse code,\
Shipping method,Tracking no.,Total amount,Currency,Buyer name,Buyer e-mail,Buyer postcode,\
Buyer country,Order time,Payment time,Ship-by time,SKU,Product name,Quantity,Unit price,\
Line total,Line currency";

/// One order line as the template's example row has it, for `reference` and `quantity`.
fn order_row(reference: &str, quantity: &str) -> String {
    format!(
        "{reference},US-LAX-1,AMZ-US-01,,USPS-GROUND,,25.98,USD,Emily Carter,\
         emily.carter@example.com,02134,US,2024-05-01 10:00:00,2024-05-01 10:05:00,\
         2024-05-03 18:00:00,SKU-MUG-001,Ceramic mug 350 ml,{quantity},12.99,25.98,USD"
    )
}

/// Writes `rows` under the header as `name` in `folder`.
fn write_csv(folder: &Path, name: &str, rows: &[String]) -> PathBuf {
    let path = folder.join(name);
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    std::fs::write(&path, text).expect("the spreadsheet is written");
    path
}

/// References no earlier run of the sandbox has seen.
fn references(count: usize) -> Vec<String> {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_millis();
    (1..=count).map(|n| format!("E2E-{millis}-{n}")).collect()
}

/// Opens the import screen once the sandbox account is active, and types `file` to check it.
async fn check_file(app: &RunningApp, file: &Path) {
    app.session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| t.contains("http://127.0.0.1"))
        .await
        .expect("the sandbox is running");
    app.session.click("nav-import").await;
    app.session.click("import-kind-platformOrders").await;
    app.session
        .type_into("import-file-path", &file.display().to_string())
        .await;
    app.session.click("import-check").await;
}

/// The attributes `names` of every element with `test_id`, one vector per element.
async fn attributes_of_all(app: &RunningApp, test_id: &str, names: &[&str]) -> Vec<Vec<String>> {
    let elements = app
        .session
        .find_all(&format!("[data-testid=\"{test_id}\"]"))
        .await
        .unwrap_or_else(|e| panic!("the {test_id} elements: {e}"));
    let mut all = Vec::new();
    for element in elements {
        let mut values = Vec::new();
        for name in names {
            let value = element.attribute(name).await.expect("an attribute");
            values.push(value.unwrap_or_default());
        }
        all.push(values);
    }
    all
}

#[tokio::test]
async fn three_platform_orders_are_checked_submitted_and_found_in_the_history() {
    let home = AppHome::new();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let refs = references(3);
    let rows: Vec<String> = refs.iter().map(|r| order_row(r, "2")).collect();
    let file = write_csv(folder.path(), "three-orders.csv", &rows);
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    check_file(&app, &file).await;
    let orders = session
        .text_when("import-summary-orders", |t| !t.is_empty())
        .await;
    let valid = session
        .text_when("import-summary-valid", |t| !t.is_empty())
        .await;
    let all_valid = session.by_test_id("import-all-valid", UI_TIMEOUT).await;
    app.screenshot("import-checked-valid").await;

    session.click("import-submit").await;
    let done = session
        .text_when("import-progress-done", |t| t == "3")
        .await;
    let remaining = session
        .text_when("import-progress-remaining", |t| t == "0")
        .await;
    let state = session
        .text_when("import-progress-state", |t| t == "已完成")
        .await;
    let failed = session
        .text_when("import-progress-failed", |t| !t.is_empty())
        .await;
    let bar_now = app
        .session
        .reveal("import-progress")
        .await
        .attribute("aria-valuenow")
        .await
        .expect("the bar's value");
    let result = session
        .text_when("import-result-text", |t| !t.is_empty())
        .await;
    session.click("import-save-result-quick").await;
    let saved = app
        .session
        .wait_for_text("saved-path", UI_TIMEOUT, |t| t.ends_with(".csv"))
        .await;
    app.screenshot("import-run-finished").await;

    session.click("import-tab-history").await;
    let counts = session
        .text_when("import-run-counts", |t| !t.is_empty())
        .await;
    let accepted = app
        .session
        .reveal("import-run-counts")
        .await
        .attribute("data-accepted")
        .await
        .expect("the accepted count");
    let run_state = session
        .text_when("import-run-state", |t| !t.is_empty())
        .await;
    let source = session
        .text_when("import-run-source", |t| !t.is_empty())
        .await;
    app.screenshot("import-history").await;

    session.click("import-run-id").await;
    session
        .text_when("import-entry-state", |t| !t.is_empty())
        .await;
    let entries = attributes_of_all(&app, "import-entry-state", &["data-tone"]).await;
    let references_shown = app
        .session
        .find_all("[data-testid=\"import-entry-reference\"]")
        .await
        .expect("the references");
    let mut shown = Vec::new();
    for element in references_shown {
        shown.push(element.text().await.expect("a reference's text"));
    }
    app.screenshot("import-run-entries").await;
    app.stop().await;

    assert_eq!(
        orders, "3",
        "three rows with three references are three orders"
    );
    assert_eq!(
        valid, "3",
        "the template's example row is valid three times"
    );
    assert!(all_valid.is_ok(), "a clean file says so: {all_valid:?}");
    assert_eq!(done, "3", "the bar counts all three orders done");
    assert_eq!(remaining, "0", "nothing is left to send");
    assert_eq!(state, "已完成", "the run finishes, named in Chinese");
    assert_eq!(failed, "0", "the sandbox refuses none of them");
    assert_eq!(bar_now.as_deref(), Some("3"), "the bar stands at 3 of 3");
    assert!(
        result.contains('3'),
        "the result names the counts: {result}"
    );
    let saved = saved.expect("the result file is saved");
    let result_file = std::fs::read_to_string(&saved).expect("the saved result file reads");
    for reference in &refs {
        assert!(
            result_file.contains(reference.as_str()),
            "the result file lists {reference}: {result_file}"
        );
    }
    assert_eq!(
        counts, "3 / 0 / 3",
        "the history shows 3 done, 0 failed of 3"
    );
    assert_eq!(
        accepted.as_deref(),
        Some("3"),
        "the ledger accepted all three"
    );
    assert_eq!(run_state, "已完成", "the history shows the run finished");
    assert_eq!(
        source, "three-orders.csv",
        "the history names the source file"
    );
    assert_eq!(
        entries,
        vec![vec!["success".to_owned()]; 3],
        "every row of the run is accepted"
    );
    let mut expected = refs.clone();
    expected.sort();
    shown.sort();
    assert_eq!(
        shown, expected,
        "the run's rows are the file's three orders"
    );
}

#[tokio::test]
async fn a_broken_row_is_shown_by_row_and_column_and_blocks_submitting() {
    let home = AppHome::new();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let refs = references(3);
    let rows = vec![
        order_row(&refs[0], "2"),
        order_row(&refs[1], "two"),
        order_row(&refs[2], "1"),
    ];
    let file = write_csv(folder.path(), "broken-orders.csv", &rows);
    let app = RunningApp::start(&home).await;
    let session = &app.session;

    check_file(&app, &file).await;
    let valid = session
        .text_when("import-summary-valid", |t| !t.is_empty())
        .await;
    session
        .text_when("import-problems-row", |t| !t.is_empty())
        .await;
    let problems =
        attributes_of_all(&app, "import-problems-row", &["data-row", "data-column"]).await;
    let problem_text = session
        .text_when("import-problems-row", |t| !t.is_empty())
        .await;
    let submit_disabled = app
        .session
        .reveal("import-submit")
        .await
        .attribute("disabled")
        .await
        .expect("the submit button's state");
    let hint = session
        .text_when("import-submit-hint", |t| !t.is_empty())
        .await;
    app.screenshot("import-broken-row").await;
    app.stop().await;

    assert_eq!(valid, "2", "two of the three orders are valid");
    assert_eq!(
        problems,
        vec![vec!["3".to_owned(), "Quantity".to_owned()]],
        "the one problem is row 3 (the header is row 1), column Quantity"
    );
    assert!(
        problem_text.contains("3") && problem_text.contains("Quantity"),
        "the table shows the row and the column: {problem_text}"
    );
    assert!(
        problem_text.contains("two"),
        "the message quotes the cell that is not a number: {problem_text}"
    );
    assert!(
        submit_disabled.is_some(),
        "submit is disabled while the file has problems"
    );
    assert!(!hint.is_empty(), "the screen says why it cannot submit");
}
