//! Bulk work as the import screen drives it, against the app's own embedded sandbox: a broken
//! spreadsheet is reported by row and column and never sent, a valid one runs to the end in the
//! background with progress events, a run pauses, resumes and cancels without an order lost or
//! sent twice, a run left mid-send by a closed app is listed as interrupted and finishes exactly
//! once when resumed, a saved template checks clean, and a product spreadsheet creates its
//! products.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oms_api::platform::{PlatformOrderBatch, PlatformOrderCreate};
use oms_batch::ledger::EntryState;
use oms_desk_core::bulk::{template_file, FileFormat, ImportKind, Language, RunId};
use oms_desk_core::{DeskState, ProgressListener, RunOptions, RunProgress, RunStatus};
use serde_json::{json, Value};
use support::started_state;

const HEADER: &str =
    "平台订单号,仓库编码,买家姓名,买家邮箱,买家邮编,买家国家,币种,SKU,数量,单价,商品总价,订单总额";

/// A platform-order CSV of `count` one-line orders `<prefix>-0001`… (rows 2, 3, …).
fn platform_csv(prefix: &str, count: usize) -> String {
    let mut text = format!("{HEADER}\n");
    for n in 1..=count {
        text.push_str(&format!(
            "{prefix}-{n:04},US-LAX-1,张伟,buyer@example.com,02134,US,USD,SKU-MUG-001,2,12.99,\
             25.98,25.98\n"
        ));
    }
    text
}

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Collects the progress events of the runs started with its listener.
#[derive(Clone, Default)]
struct Events(Arc<Mutex<Vec<RunProgress>>>);

impl Events {
    fn listener(&self) -> ProgressListener {
        let events = self.0.clone();
        Arc::new(move |progress: &RunProgress| events.lock().unwrap().push(progress.clone()))
    }

    fn all(&self) -> Vec<RunProgress> {
        self.0.lock().unwrap().clone()
    }

    /// Waits for an event of `run` matching `wanted`, returning it.
    async fn wait_for(
        &self,
        run: RunId,
        what: &str,
        wanted: impl Fn(&RunProgress) -> bool,
    ) -> RunProgress {
        let started = Instant::now();
        loop {
            let found = self
                .all()
                .into_iter()
                .rev()
                .find(|p| p.run_id == run && wanted(p));
            if let Some(progress) = found {
                return progress;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no event {what} for run {run} within 60 s; got {:#?}",
                self.all().last()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// The embedded sandbox's admin API.
async fn admin(state: &DeskState, path: &str, body: Option<Value>) -> Value {
    let url = format!("{}/__sandbox/{path}", state.sandbox_url().await.unwrap());
    let client = reqwest::Client::new();
    let request = match body {
        Some(body) => client.post(url).json(&body),
        None => client.get(url),
    };

    let envelope: Value = request.send().await.unwrap().json().await.unwrap();
    envelope["data"].clone()
}

/// Records of `kind` (`platform_order`, `product`…) the sandbox holds, all statuses.
async fn records_in_sandbox(state: &DeskState, kind: &str) -> u64 {
    oms_sandbox::records_in_stats(&admin(state, "stats", None).await, kind)
}

/// Platform orders the sandbox holds.
async fn platform_orders_in_sandbox(state: &DeskState) -> u64 {
    records_in_sandbox(state, "platform_order").await
}

fn status_of(state: &DeskState, run: RunId) -> RunStatus {
    state
        .list_runs()
        .unwrap()
        .into_iter()
        .find(|r| r.run_id == run)
        .expect("the run is listed")
        .state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_file_is_reported_by_row_and_column_and_nothing_is_sent() {
    let (root, state) = started_state().await;
    let valid = platform_csv("BROKEN", 4);
    let text = valid
        .replace(
            "BROKEN-0002,US-LAX-1,张伟,buyer@example.com,02134,US,USD,SKU-MUG-001,2,",
            "BROKEN-0002,US-LAX-1,张伟,buyer@example.com,02134,US,USD,SKU-MUG-001,two,",
        )
        .replace(
            "BROKEN-0004,US-LAX-1,张伟,buyer@example.com,02134,US,",
            "BROKEN-0004,US-LAX-1,张伟,buyer@,02134,USA,",
        );
    assert_eq!(
        text.matches("two").count() + text.matches("USA").count(),
        2,
        "both rows broken"
    );
    let path = write(root.path(), "orders.csv", &text);

    let check = state
        .check_import(ImportKind::PlatformOrders, &path)
        .unwrap();

    let places: BTreeSet<(u32, String)> = check
        .errors
        .iter()
        .map(|e| (e.row, e.column.clone().unwrap_or_default()))
        .collect();
    let expected: BTreeSet<(u32, String)> = [
        (3, "数量".to_owned()),
        (5, "买家邮箱".to_owned()),
        (5, "买家国家".to_owned()),
    ]
    .into();
    assert_eq!(
        places, expected,
        "exactly the broken cells: {:#?}",
        check.errors
    );
    assert!(
        check
            .errors
            .iter()
            .all(|e| !e.zh.is_empty() && !e.en.is_empty()),
        "every problem is said in Chinese and English"
    );
    assert_eq!((check.rows, check.orders, check.valid_orders), (4, 4, 2));
    assert!(!check.can_submit, "a file with problems cannot be sent");

    let refusal = state
        .start_import_run(
            ImportKind::PlatformOrders,
            &path,
            RunOptions::default(),
            Events::default().listener(),
        )
        .await
        .expect_err("a file with problems is refused as a whole");
    assert_eq!(refusal.code, "validation");
    let fields: Vec<&str> = refusal.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields.len(), 3, "one field error per problem: {fields:?}");
    assert!(
        fields.iter().any(|f| f.starts_with("rows[3].")),
        "the field names the row: {fields:?}"
    );
    assert!(
        state.list_runs().unwrap().is_empty(),
        "nothing was recorded in the ledger"
    );
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        0,
        "nothing was sent"
    );

    let copy = state
        .save_errors_copy(ImportKind::PlatformOrders, &path)
        .unwrap();
    assert_eq!(
        copy.path,
        root.path().join("orders.errors.csv").display().to_string()
    );
    let copied = std::fs::read_to_string(&copy.path).unwrap();
    assert!(
        copied.contains("错误 / Errors"),
        "the copy has the errors column"
    );
    assert!(
        state.was_saved(Path::new(&copy.path)),
        "the copy may be opened from the app"
    );

    let bad_options = RunOptions {
        concurrency: Some(0),
        chunk_size: Some(500),
    };
    let clean = write(root.path(), "clean.csv", &platform_csv("CLEAN", 2));
    let refusal = state
        .start_import_run(
            ImportKind::PlatformOrders,
            &clean,
            bad_options,
            Events::default().listener(),
        )
        .await
        .expect_err("options out of range are refused");
    let fields: Vec<&str> = refusal.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["concurrency", "chunkSize"],
        "both settings are marked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_order_file_runs_to_the_end_with_progress_events() {
    let (root, state) = started_state().await;
    let path = write(root.path(), "marketplace.csv", &platform_csv("EBAY", 120));
    let events = Events::default();

    let run = state
        .start_import_run(
            ImportKind::PlatformOrders,
            &path,
            RunOptions {
                concurrency: Some(2),
                chunk_size: Some(10),
            },
            events.listener(),
        )
        .await
        .unwrap();

    let last = events
        .wait_for(run, "finished", |p| p.state == RunStatus::Finished)
        .await;
    assert_eq!(
        (last.done, last.failed, last.remaining, last.total),
        (120, 0, 0, 120),
        "the last event says every row is done"
    );
    assert_eq!(
        events.all().first().map(|p| p.state),
        Some(RunStatus::Running),
        "the first event announces the running run"
    );
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        120,
        "one order per row"
    );

    let summary = state.list_runs().unwrap().remove(0);
    assert_eq!(summary.run_id, run);
    assert_eq!(summary.state, RunStatus::Finished);
    assert_eq!(summary.counts.accepted, 120);
    assert!(
        summary
            .source_file
            .as_deref()
            .is_some_and(|f| f.ends_with("marketplace.csv")),
        "the history names the file: {summary:?}"
    );
    let rows = state.run_entries(run).unwrap();
    assert_eq!(rows.len(), 120);
    assert_eq!((rows[0].row, rows[0].reference.as_str()), (2, "EBAY-0001"));
    assert!(rows.iter().all(|r| r.state == EntryState::Accepted));

    let (name, bytes) = state.run_result_file(run).unwrap();
    assert_eq!(name, format!("run-{run}-result.csv"));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 121, "a header and one line per row");
    assert!(text.contains("2,EBAY-0001,accepted"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_pauses_resumes_and_cancels_without_losing_or_repeating_an_order() {
    let (root, state) = started_state().await;
    admin(&state, "faults", Some(json!({"latencyMs": 40}))).await;
    let path = write(root.path(), "slow.csv", &platform_csv("SLOW", 300));
    let events = Events::default();
    let options = RunOptions {
        concurrency: Some(1),
        chunk_size: Some(2),
    };

    let run = state
        .start_import_run(
            ImportKind::PlatformOrders,
            &path,
            options,
            events.listener(),
        )
        .await
        .unwrap();
    events.wait_for(run, "with rows done", |p| p.done > 0).await;

    state.pause_run(run).unwrap();
    let paused = events
        .wait_for(run, "paused", |p| p.state == RunStatus::Paused)
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let counts = state.list_runs().unwrap().remove(0).counts;
    assert_eq!(status_of(&state, run), RunStatus::Paused);
    assert!(
        paused.remaining > 0 && counts.pending > 0,
        "the pause came before the end: {counts:?}"
    );
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        counts.accepted,
        "nothing is sent while paused, and every sent order is recorded"
    );

    let resumed_at = events.all().len();
    state.resume_run(run, events.listener()).await.unwrap();
    events
        .wait_for(run, "after resuming", |p| {
            p.state == RunStatus::Running && p.done > counts.accepted
        })
        .await;
    assert!(events.all().len() > resumed_at);

    state.cancel_run(run).unwrap();
    events
        .wait_for(run, "cancelled", |p| p.state == RunStatus::Cancelled)
        .await;
    let counts = state.list_runs().unwrap().remove(0).counts;
    assert_eq!(status_of(&state, run), RunStatus::Cancelled);
    assert!(counts.pending > 0, "unsent rows stay pending: {counts:?}");
    assert_eq!(
        counts.sending + counts.unknown,
        0,
        "nothing is left unsettled"
    );
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        counts.accepted,
        "exactly the accepted rows are in the OMS"
    );
    let refusal = state
        .resume_run(run, events.listener())
        .await
        .expect_err("a cancelled run cannot be resumed");
    assert_eq!(refusal.code, "notResumable");
    assert_eq!(state.pause_run(run).unwrap_err().code, "notRunning");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_run_is_listed_and_resumed_exactly_once() {
    const ORDERS: usize = 40;
    let (root, state) = started_state().await;
    let path = write(root.path(), "crashed.csv", &platform_csv("AMZ", ORDERS));
    let report = oms_import::import::<PlatformOrderCreate>(&path).unwrap();
    let rows: Vec<(u32, PlatformOrderCreate)> = report
        .orders
        .into_iter()
        .map(|o| (o.rows[0] as u32, o.request))
        .collect();

    // What a closed app leaves: a run `running`, 20 rows `sending`, 10 of them created.
    let ledger = state.batches().ledger().unwrap();
    let run = oms_batch::run::record_rows(&ledger, &rows, Some("crashed.csv")).unwrap();
    let pending = ledger.entry_ids_in(run, &[EntryState::Pending]).unwrap();
    ledger.claim(&pending[..20]).unwrap();
    let sent: Vec<PlatformOrderCreate> = rows[..10].iter().map(|(_, o)| o.clone()).collect();
    let client = state.client().await.unwrap();
    client
        .create_platform_orders(&PlatformOrderBatch(sent))
        .await
        .unwrap();
    assert_eq!(platform_orders_in_sandbox(&state).await, 10);

    let listed = state.list_runs().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].state,
        RunStatus::Interrupted,
        "a run nobody drives but the ledger calls running was interrupted"
    );
    assert_eq!(listed[0].counts.sending, 20);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        10,
        "nothing is sent without the seller asking"
    );

    let events = Events::default();
    state.resume_run(run, events.listener()).await.unwrap();
    let last = events
        .wait_for(run, "finished", |p| p.state == RunStatus::Finished)
        .await;

    assert_eq!((last.done, last.failed), (ORDERS as u64, 0), "{last:?}");
    assert_eq!(
        platform_orders_in_sandbox(&state).await,
        ORDERS as u64,
        "exactly one order per row: the ten created before the crash are not created again"
    );
    let states: BTreeSet<String> = state
        .run_entries(run)
        .unwrap()
        .iter()
        .map(|r| format!("{:?}", r.state))
        .collect();
    assert_eq!(states, ["Accepted".to_owned()].into(), "the ledger agrees");
    assert_eq!(status_of(&state, run), RunStatus::Finished);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_template_checks_clean() {
    let (_root, state) = started_state().await;

    for (kind, language, format, expected_name) in [
        (
            ImportKind::PlatformOrders,
            Language::Zh,
            FileFormat::Xlsx,
            "platform-orders-template-zh.xlsx",
        ),
        (
            ImportKind::B2cOrders,
            Language::En,
            FileFormat::Csv,
            "b2c-orders-template-en.csv",
        ),
    ] {
        let (name, bytes) = template_file(kind, language, format);
        assert_eq!(name, expected_name);
        let target = state.download_folder().await.unwrap().join(&name);

        let saved = state.save_file(&bytes, &target).unwrap();
        let check = state.check_import(kind, Path::new(&saved.path)).unwrap();

        assert!(check.errors.is_empty(), "{name}: {:#?}", check.errors);
        assert_eq!(
            (check.rows, check.valid_orders),
            (1, 1),
            "{name}: one example row"
        );
        assert!(check.can_submit, "{name}: the example can be sent");
        assert_eq!(check.format, format);
        assert!(
            state.was_saved(&target),
            "{name}: may be opened from the app"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_product_spreadsheet_creates_its_products_once() {
    let (root, state) = started_state().await;
    let (name, bytes) = template_file(ImportKind::Products, Language::Zh, FileFormat::Csv);
    let path = root.path().join(&name);
    std::fs::write(&path, bytes).unwrap();
    let check = state.check_import(ImportKind::Products, &path).unwrap();
    assert!(check.errors.is_empty(), "{:#?}", check.errors);
    assert!(check.can_submit, "a clean product file can be sent");
    let before = records_in_sandbox(&state, "product").await;
    let events = Events::default();

    let run_to_end = || async {
        let run = state
            .start_import_run(
                ImportKind::Products,
                &path,
                RunOptions::default(),
                events.listener(),
            )
            .await
            .unwrap();
        let last = events
            .wait_for(run, "finished", |p| p.state == RunStatus::Finished)
            .await;
        (run, last)
    };

    let (run, last) = run_to_end().await;

    assert_eq!((last.done, last.failed), (1, 0), "{last:?}");
    assert_eq!(
        records_in_sandbox(&state, "product").await - before,
        1,
        "the example product is now in the sandbox"
    );
    let rows = state.run_entries(run).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].order_no.as_deref(),
        Some(rows[0].reference.as_str()),
        "a product is recorded under its SKU: {rows:?}"
    );
    let summary = state.list_runs().unwrap().remove(0);
    assert_eq!(summary.kind, oms_desk_core::bulk::RunKind::Product);

    let (again, last) = run_to_end().await;
    assert_eq!(
        last.done, 1,
        "the second run finds the product made by the first"
    );
    assert_eq!(
        state.run_entries(again).unwrap()[0].state,
        EntryState::Duplicate,
        "an accepted SKU is not sent again"
    );
    assert_eq!(
        records_in_sandbox(&state, "product").await - before,
        1,
        "still one product"
    );
}
