//! Batches against a sandbox that fails about one call in ten with mixed faults (HTTP 500,
//! dropped after processing, held until the client times out, 429): every order must end on the
//! server exactly once, and the ledger must agree with the server.

mod support;

use oms_api::outbound::OutboundListRequest;
use oms_api::CommonParam;
use oms_batch::ledger::{EntryState, Ledger};
use oms_batch::run::Submittable;
use oms_batch::{submit_b2c_orders, submit_rows, BatchOptions, RunReport, RunState};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::*;

/// Sends `rows` as a new run while the sandbox injects `faults`, then turns the faults off and
/// resumes the run if it stopped for a person: the report of the run's end.
async fn submit_through_faults<T: Submittable>(
    sandbox: &oms_sandbox::RunningSandbox,
    client: &oms_api::Client,
    ledger: &Ledger,
    rows: Vec<(u32, T)>,
    options: &BatchOptions,
    faults: serde_json::Value,
) -> RunReport {
    set_faults(sandbox.base_url(), faults).await;

    let report = submit_rows(client, ledger, rows, options)
        .await
        .expect("the run completes");
    set_faults(sandbox.base_url(), serde_json::json!({})).await;
    if report.state == RunState::Finished {
        return report;
    }

    oms_batch::resume(client, ledger, report.run_id, options)
        .await
        .expect("the run resumes once the faults are off")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_platform_orders_through_faults_land_exactly_once() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_millis(1500));
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let options = BatchOptions {
        chunk_size: 20,
        settle_delay: Duration::from_millis(50),
        result_file: Some(dir.path().join("result.csv")),
        progress: Some(Arc::new(move |progress: &oms_batch::Progress| {
            seen.lock().unwrap().push(progress.clone())
        })),
        ..BatchOptions::default()
    };
    let report = submit_through_faults(
        &sandbox,
        &client,
        &ledger,
        platform_rows("AMZ", 1000),
        &options,
        mixed_faults(0.1, 42),
    )
    .await;

    let stats = stats(sandbox.base_url()).await;
    assert!(
        faults_injected(&stats) >= 3,
        "the run must have met faults for this test to mean anything: {stats}"
    );
    assert_eq!(
        records_of(&stats, "platform_order"),
        1000,
        "exactly 1,000 platform orders on the server (duplicates are refused): {stats}"
    );
    assert_eq!(report.state, RunState::Finished, "{report:?}");
    assert_eq!(
        report.counts.accepted, 1000,
        "the ledger says 1,000 accepted: {report:?}"
    );
    let entries = ledger.entries(report.run_id).unwrap();
    assert!(entries.iter().all(|e| e.state == EntryState::Accepted));
    let resent = entries.iter().filter(|e| e.attempts > 1).count();
    assert!(resent > 0, "some chunks were sent again after a fault");

    let result = std::fs::read_to_string(dir.path().join("result.csv")).unwrap();
    assert_eq!(
        result.lines().count(),
        1001,
        "a header and one line per row"
    );
    assert!(
        result.contains("\n2,AMZ-00001,accepted,"),
        "row 2 is the first order"
    );

    let events = events.lock().unwrap();
    let last = events.last().expect("progress events were sent");
    assert_eq!(
        (last.done, last.failed, last.remaining),
        (1000, 0, 0),
        "{last:?}"
    );
    assert!(
        events.iter().any(|p| p.remaining > 0 && p.remaining < 1000),
        "progress was reported along the way"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_b2c_orders_through_faults_land_exactly_once() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_millis(1500));
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let total_b2c = |client: oms_api::Client| async move {
        let request = OutboundListRequest {
            common_param: Some(CommonParam::page(1, 1)),
            ..OutboundListRequest::default()
        };
        client
            .list_b2c_orders(&request)
            .await
            .expect("the list answers")
            .total_count
            .expect("the list counts")
    };
    let before = total_b2c(client.clone()).await;
    let rows: Vec<_> = (1..=200)
        .map(|n| (n + 1, b2c_order(&format!("SO-{n:04}"))))
        .collect();
    let options = BatchOptions {
        settle_delay: Duration::from_millis(50),
        ..BatchOptions::default()
    };
    let report = submit_through_faults(
        &sandbox,
        &client,
        &ledger,
        rows,
        &options,
        mixed_faults(0.1, 7),
    )
    .await;

    let stats = stats(sandbox.base_url()).await;
    assert!(faults_injected(&stats) >= 5, "faults were met: {stats}");
    assert_eq!(
        total_b2c(client.clone()).await - before,
        200,
        "exactly 200 new B2C orders on the server"
    );
    assert_eq!(report.counts.accepted, 200, "{report:?}");
    let entries = ledger.entries(report.run_id).unwrap();
    let mut order_nos: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.order_no.as_deref())
        .collect();
    order_nos.sort_unstable();
    order_nos.dedup();
    assert_eq!(order_nos.len(), 200, "every row has its own order number");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_products_through_faults_are_created_exactly_once() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_millis(1500));
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let rows: Vec<_> = (1..=100)
        .map(|n| (n + 1, product(&format!("SKU-IMPORT-{n:03}"))))
        .collect();
    let options = BatchOptions {
        settle_delay: Duration::from_millis(50),
        ..BatchOptions::default()
    };
    let products_before = records_of(&stats(sandbox.base_url()).await, "product");
    let report = submit_through_faults(
        &sandbox,
        &client,
        &ledger,
        rows,
        &options,
        mixed_faults(0.15, 11),
    )
    .await;

    assert_eq!(report.state, RunState::Finished, "{report:?}");
    assert_eq!(
        (report.counts.accepted, report.counts.rejected),
        (100, 0),
        "a product created by a send whose answer was lost is found, not refused as a \
         duplicate: {report:?}"
    );
    let stats = stats(sandbox.base_url()).await;
    assert!(faults_injected(&stats) >= 5, "faults were met: {stats}");
    assert_eq!(
        records_of(&stats, "product") - products_before,
        100,
        "exactly 100 new products on the server: {stats}"
    );
    let entries = ledger.entries(report.run_id).unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.order_no.as_deref() == Some(e.reference.as_str())),
        "a product is recorded under its SKU"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_with_the_same_references_sends_nothing_again() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_secs(5));
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let options = BatchOptions::default();
    let first = submit_b2c_orders(
        &client,
        &ledger,
        vec![(2, b2c_order("SO-1")), (3, b2c_order("SO-2"))],
        &options,
    )
    .await
    .unwrap();
    let requests_before = stats(sandbox.base_url()).await["requests"].clone();

    let second = submit_b2c_orders(&client, &ledger, vec![(2, b2c_order("SO-1"))], &options)
        .await
        .unwrap();

    assert_eq!(first.counts.accepted, 2);
    assert_eq!(second.counts.duplicate, 1, "{second:?}");
    let entry = &ledger.entries(second.run_id).unwrap()[0];
    let first_order = ledger.entries(first.run_id).unwrap()[0].order_no.clone();
    assert_eq!(
        entry.order_no, first_order,
        "the duplicate names the order made the first time"
    );
    assert_eq!(
        stats(sandbox.base_url()).await["requests"],
        requests_before,
        "nothing was sent for the duplicate"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_final_and_pause_then_cancel_stop_sending() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_secs(5));
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let mut bad = b2c_order("SO-BAD");
    bad.warehouse_code = "US-NOPE-9".to_owned();
    let mut rows = vec![(2, bad)];
    rows.extend((3..=40).map(|n| (n, b2c_order(&format!("SO-{n}")))));
    set_faults(sandbox.base_url(), serde_json::json!({"latencyMs": 40})).await;
    let options = BatchOptions {
        concurrency: 2,
        ..BatchOptions::default()
    };
    let control = options.control.clone();

    let stopper = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        control.pause();
        tokio::time::sleep(Duration::from_millis(300)).await;
        control.cancel();
    });
    let report = submit_b2c_orders(&client, &ledger, rows, &options)
        .await
        .unwrap();
    stopper.await.unwrap();

    assert_eq!(report.state, RunState::Cancelled, "{report:?}");
    assert_eq!(
        report.counts.rejected, 1,
        "the unknown warehouse is refused once"
    );
    assert!(
        report.counts.pending > 0,
        "cancel left rows unsent: {report:?}"
    );
    assert_eq!(
        report.counts.sending + report.counts.unknown,
        0,
        "nothing left in doubt"
    );
    let bad = &ledger.entries(report.run_id).unwrap()[0];
    assert_eq!(bad.attempts, 1, "a refusal is not retried");
    assert!(
        bad.errors.iter().any(|e| e.contains("US-NOPE-9")),
        "{bad:?}"
    );
    assert!(
        oms_batch::resume(&client, &ledger, report.run_id, &options)
            .await
            .is_err(),
        "a cancelled run is not resumed"
    );
}
