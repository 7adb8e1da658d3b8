//! A batch cut off by a crash, in the real app: a spreadsheet of platform orders is submitted
//! while the warehouse answers slowly, the app is killed with SIGKILL mid-run, and on the next
//! start the app says a batch was interrupted. The seller follows the notice to the history,
//! resumes the run, and it finishes with every order in the sandbox exactly once.

#![cfg(feature = "e2e")]

use std::path::{Path, PathBuf};

use oms_desk_e2e::{sandbox_admin, unique_reference, AppHome, RunningApp};
use serde_json::json;

const ORDERS: usize = 40;

/// The English headers of the platform-orders template (the columns this file fills).
const HEADER: &str = "Platform order no.,Warehouse code,Buyer name,Buyer country,Currency,SKU,\
Quantity,Unit price,Line total,Total amount";

fn write_orders(folder: &Path, prefix: &str) -> PathBuf {
    let mut text = format!("{HEADER}\n");
    for n in 1..=ORDERS {
        text.push_str(&format!(
            "{prefix}-{n:03},US-LAX-1,Emily Carter,US,USD,SKU-MUG-001,2,12.99,25.98,25.98\n"
        ));
    }
    let path = folder.join("crash-orders.csv");
    std::fs::write(&path, text).expect("the spreadsheet is written");
    path
}

/// Platform orders of this run's prefix in the sandbox, by the admin stats.
async fn orders_in_sandbox(sandbox: &str) -> u64 {
    sandbox_admin(sandbox, "stats", None).await["records"]
        .as_array()
        .expect("stats list records")
        .iter()
        .filter(|row| row["kind"] == "platform_order")
        .map(|row| row["count"].as_u64().unwrap_or(0))
        .sum()
}

#[tokio::test]
async fn a_run_cut_off_by_a_crash_is_announced_on_the_next_start_and_finishes_exactly_once() {
    let home = AppHome::new();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = write_orders(folder.path(), &unique_reference("CRASH"));

    let app = RunningApp::start(&home).await;
    let session = &app.session;
    let sandbox = session.sandbox_url().await;
    session.open_module("import").await;
    session.click("import-kind-platformOrders").await;
    app.session
        .type_into("import-file-path", &file.display().to_string())
        .await;
    session.click("import-check").await;
    session
        .text_when("import-summary-valid", |t| t == ORDERS.to_string())
        .await;
    session.type_into("import-concurrency", "1").await;
    session.type_into("import-chunk-size", "1").await;
    sandbox_admin(&sandbox, "faults", Some(json!({"latencyMs": 300}))).await;
    session.click("import-submit").await;
    let done_before_crash = session
        .text_when("import-progress-done", |t| {
            t.parse::<usize>()
                .is_ok_and(|done| (3..ORDERS).contains(&done))
        })
        .await;
    app.crash(&home).await;
    app.stop().await;

    let app = RunningApp::start(&home).await;
    let session = &app.session;
    let sandbox = session.sandbox_url().await;
    let before_resume = orders_in_sandbox(&sandbox).await;
    let notice = session
        .text_when("interrupted-notice", |t| !t.is_empty())
        .await;
    app.screenshot("crash-interrupted-notice").await;
    session.click("interrupted-notice-open").await;
    let state_after_crash = session
        .text_when("import-run-state", |t| !t.is_empty())
        .await;
    session.click("import-run-resume").await;
    let finished = session
        .text_when("import-progress-state", |t| t == "已完成")
        .await;
    let done = session
        .text_when("import-progress-done", |t| !t.is_empty())
        .await;
    app.screenshot("crash-run-resumed").await;
    let after_resume = orders_in_sandbox(&sandbox).await;
    app.stop().await;

    assert!(
        done_before_crash.parse::<usize>().unwrap() < ORDERS,
        "the crash came mid-run: {done_before_crash} done"
    );
    assert!(
        before_resume < ORDERS as u64,
        "the sandbox kept what was sent before the crash, and not everything was: {before_resume}"
    );
    assert!(
        notice.contains('1'),
        "the notice counts the interrupted run: {notice}"
    );
    assert_eq!(
        state_after_crash, "已中断",
        "the history marks the run interrupted"
    );
    assert_eq!(finished, "已完成");
    assert_eq!(done, ORDERS.to_string(), "every row is done");
    assert_eq!(
        after_resume, ORDERS as u64,
        "every order is in the sandbox exactly once (a second send of one is refused, so a \
         duplicate would show as a failed row)"
    );
}
