//! A batch killed mid-run (SIGKILL of the process sending it) and resumed: the sandbox ends with
//! exactly one order per row, and the ledger agrees. The sandbox runs in this test process, so it
//! survives the kill; the submitter runs in a child process, `oms-batch-test-submitter`.

mod support;

use oms_batch::ledger::{EntryState, Ledger};
use oms_batch::{BatchOptions, RunState};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_batch_resumes_without_losing_or_repeating_an_order() {
    const ORDERS: u32 = 600;
    let sandbox = start().await;
    let dir = tempfile::tempdir().unwrap();
    let ledger_path = dir.path().join("ledger.db");
    let rows_path = dir.path().join("rows.json");
    std::fs::write(
        &rows_path,
        serde_json::to_string(&platform_rows("EBAY", ORDERS)).unwrap(),
    )
    .unwrap();
    set_faults(sandbox.base_url(), serde_json::json!({"latencyMs": 30})).await;

    let mut child = Command::new(env!("CARGO_BIN_EXE_oms-batch-test-submitter"))
        .args([
            sandbox.base_url(),
            ledger_path.to_str().unwrap(),
            rows_path.to_str().unwrap(),
            "10",
        ])
        .env("OMS_API_KEY", sandbox.demo_api_key())
        .env("OMS_API_SECRET", sandbox.demo_api_secret())
        .stdout(Stdio::null())
        .spawn()
        .expect("the submitter starts");
    let watcher = loop {
        if ledger_path.exists() {
            if let Ok(ledger) = Ledger::open(&ledger_path) {
                break ledger;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let started = Instant::now();
    let run = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the child never got going"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child ended before it was killed"
        );
        let runs = watcher.runs().unwrap();
        if let Some(run) = runs.first() {
            if watcher.counts(run.id).unwrap().accepted >= 150 {
                break run.id;
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };

    child.kill().expect("SIGKILL reaches the child");
    child.wait().unwrap();
    let at_kill = watcher.counts(run).unwrap();
    assert!(
        at_kill.accepted >= 150 && at_kill.accepted < u64::from(ORDERS),
        "{at_kill:?}"
    );
    assert!(
        at_kill.sending > 0,
        "the kill caught rows on the wire: {at_kill:?}"
    );
    assert_eq!(
        watcher.run(run).unwrap().state,
        RunState::Running,
        "the crash left it running"
    );
    set_faults(sandbox.base_url(), serde_json::json!({})).await;

    let client = client(&sandbox, Duration::from_secs(10));
    let ledger = Ledger::open(&ledger_path).unwrap();
    let open = ledger.open_runs().unwrap();
    let report = oms_batch::resume(&client, &ledger, run, &BatchOptions::default())
        .await
        .expect("the run resumes");

    assert_eq!(open.len(), 1, "the app would offer this run to resume");
    let stats = stats(sandbox.base_url()).await;
    assert_eq!(
        records_of(&stats, "platform_order"),
        u64::from(ORDERS),
        "exactly one order per row on the server: {stats}"
    );
    assert_eq!(report.state, RunState::Finished, "{report:?}");
    assert_eq!(report.counts.accepted, u64::from(ORDERS), "{report:?}");
    let entries = ledger.entries(run).unwrap();
    assert!(entries.iter().all(|e| e.state == EntryState::Accepted));
    assert!(
        entries.iter().filter(|e| e.was_unknown).count() as u64 >= at_kill.sending,
        "rows cut off by the kill were settled as unknown first"
    );
}
