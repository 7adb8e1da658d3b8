//! A seller's import killed halfway and started again, with the real `oms` binary: `oms import`
//! sends a 1,000-order platform spreadsheet while the sandbox fails one call in ten (HTTP 500,
//! dropped after processing, held past the timeout, 429), the process is killed with SIGKILL
//! about halfway, and a new process, `oms batch resume`, finishes the run through the same
//! faults. The sandbox must end with exactly 1,000 orders, none twice, and the ledger must agree.
//! The sandbox runs in this test process, so it outlives both `oms` processes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use oms_batch::ledger::{EntryState, Ledger, RunState};
use oms_import::{template, FileFormat, ImportKind, Language};
use serde_json::{json, Value};

const ORDERS: usize = 1000;

/// The template's example order `ORDERS` times, each under its own platform order number.
fn write_orders(path: &Path) {
    let text = String::from_utf8(template(
        ImportKind::PlatformOrders,
        Language::En,
        FileFormat::Csv,
    ))
    .unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let example = lines.next().unwrap();
    let (_, rest) = example.split_once(',').unwrap();

    let mut csv = format!("{header}\n");
    for n in 1..=ORDERS {
        csv.push_str(&format!("CRASH-{n:05},{rest}\n"));
    }
    std::fs::write(path, csv).unwrap();
}

async fn admin(base_url: &str, path: &str, body: Option<Value>) -> Value {
    let client = reqwest::Client::new();
    let url = format!("{base_url}/__sandbox/{path}");
    let request = match body {
        Some(body) => client.post(url).json(&body),
        None => client.get(url),
    };
    let envelope: Value = request.send().await.unwrap().json().await.unwrap();

    envelope["data"].clone()
}

fn oms(args: &[&str], sandbox: &oms_sandbox::RunningSandbox, ledger: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_oms"));
    command
        .args(args)
        .env("OMS_BASE_URL", sandbox.base_url())
        .env("OMS_API_KEY", sandbox.demo_api_key())
        .env("OMS_API_SECRET", sandbox.demo_api_secret())
        .env("OMS_LEDGER", ledger)
        .env("OMS_TIMEOUT_SECS", "2")
        .env_remove("OMS_API_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_killed_halfway_through_faults_finishes_exactly_once_after_a_restart() {
    let sandbox = oms_sandbox::Sandbox::start(oms_sandbox::SandboxConfig::default())
        .await
        .unwrap();
    let base_url = sandbox.base_url().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orders.csv");
    let ledger_path = dir.path().join("ledger.sqlite");
    write_orders(&file);
    let faults = json!({
        "failureRate": 0.1,
        "kinds": ["http500", "drop_after_processing", "timeout", "http429"],
        "seed": 2026,
        "latencyMs": 20,
    });
    admin(&base_url, "faults", Some(faults.clone())).await;

    let mut import = oms(
        &[
            "import",
            "platform-orders",
            file.to_str().unwrap(),
            "--chunk-size",
            "10",
        ],
        &sandbox,
        &ledger_path,
    )
    .spawn()
    .expect("oms import starts");
    let watcher = loop {
        if let Ok(ledger) = Ledger::open(&ledger_path) {
            if !ledger.runs().unwrap_or_default().is_empty() {
                break ledger;
            }
        }
        assert!(
            import.try_wait().unwrap().is_none(),
            "oms import ended before recording its run"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let run = watcher.runs().unwrap()[0].id;
    let started = Instant::now();
    while watcher.counts(run).unwrap().accepted < (ORDERS / 2) as u64 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the import never got halfway: {:?}",
            watcher.counts(run).unwrap()
        );
        assert!(
            import.try_wait().unwrap().is_none(),
            "oms import ended before it was killed"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    import.kill().expect("SIGKILL reaches oms import");
    import.wait().unwrap();
    let at_kill = watcher.counts(run).unwrap();
    assert!(
        at_kill.accepted < ORDERS as u64,
        "killed before the end: {at_kill:?}"
    );
    assert_eq!(
        watcher.run(run).unwrap().state,
        RunState::Running,
        "the kill left the run running in the ledger"
    );

    let mut resumes = 0;
    loop {
        resumes += 1;
        assert!(
            resumes <= 5,
            "the run never finished: {:?}",
            watcher.counts(run)
        );
        let run_id = run.to_string();
        let args = ["batch", "resume", &run_id, "--chunk-size", "10"];
        let status = oms(&args, &sandbox, &ledger_path)
            .status()
            .expect("oms batch resume runs");
        if watcher.run(run).unwrap().state == RunState::Finished {
            assert!(status.success(), "a finished run exits 0");
            break;
        }
    }

    admin(&base_url, "faults", Some(json!({}))).await;
    let stats = admin(&base_url, "stats", None).await;
    let injected: u64 = stats["faultsInjected"]
        .as_object()
        .map(|kinds| kinds.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0);
    assert!(injected >= 5, "the run met faults: {stats}");
    assert_eq!(
        oms_sandbox::records_in_stats(&stats, "platform_order"),
        ORDERS as u64,
        "exactly one order per row on the server, none twice: {stats}"
    );
    let entries = watcher.entries(run).unwrap();
    assert_eq!(entries.len(), ORDERS);
    assert!(
        entries.iter().all(|e| e.state == EntryState::Accepted),
        "the ledger agrees: {:?}",
        watcher.counts(run)
    );
    sandbox.shutdown().await.unwrap();
}
