//! Figures for the performance section, printed, never asserted:
//! - 10,000 platform orders through a batch run against the sandbox with 50 ms added latency,
//!   versus a plain sequential loop of single creates (run on a sample and extrapolated);
//! - the client's overhead per request versus the sandbox's own handling time (`duration` in the
//!   envelope), without added latency;
//! - 1,000 box labels (10 ASNs of 100 cartons) merged into one PDF: time and peak memory;
//! - 10,000 platform orders through a batch run against a fresh sandbox failing about one call in
//!   ten with mixed faults (seeded), then a resume with the faults off: how many orders the
//!   sandbox holds, whether any is there twice, what the ledger says, and how many rows were sent
//!   again. `tests/faults.rs` proves the same with 1,000 rows in CI; this is the full size.
//!
//! Run: `cargo bench -p oms-batch --bench submit`.
#![allow(clippy::print_stdout)]

use oms_api::bulk::LabelSize;
use oms_api::endpoints::EndpointId;
use oms_api::inbound::{InboundLine, InboundOrderCreate, ShippingType, TransitType};
use oms_api::platform::{PlatformOrderCreate, PlatformOrderLine};
use oms_api::{Client, RetryPolicy};
use oms_batch::labels::{download_labels, impose, merge_pdfs, LabelKind, Nup};
use oms_batch::{resume, submit_platform_orders, BatchOptions, EntryState, Ledger, RunState};
use oms_sandbox::platform_orders::ORDER_KIND;
use oms_sandbox::{Sandbox, SandboxConfig};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const ORDERS: u32 = 10_000;
const SEQUENTIAL_SAMPLE: u32 = 300;
const LATENCY_MS: u64 = 50;
const FAULT_RATE: f64 = 0.1;
const FAULT_SEED: u64 = 42;
/// Short, as in `tests/faults.rs`, so each `timeout` fault (held 120 s by the sandbox) costs the
/// run 1.5 s instead of the client's default wait.
const FAULT_CLIENT_TIMEOUT: Duration = Duration::from_millis(1500);

fn order(number: String) -> PlatformOrderCreate {
    PlatformOrderCreate {
        platform_order_no: number,
        total_amount: Some(Decimal::new(25_800, 3)),
        currency_code: Some("USD".to_owned()),
        buyer_country_code: Some("US".to_owned()),
        warehouse_code: "US-LAX-1".to_owned(),
        item_dtos: vec![PlatformOrderLine {
            sku: "SKU-MUG-001".to_owned(),
            quantity: Some(2),
            unit_price: Some(Decimal::new(12_900, 3)),
            total_price: Some(Decimal::new(25_800, 3)),
            ..PlatformOrderLine::default()
        }],
        ..PlatformOrderCreate::default()
    }
}

async fn set_faults(base_url: &str, faults: serde_json::Value) {
    reqwest::Client::new()
        .post(format!("{base_url}/__sandbox/faults"))
        .json(&faults)
        .send()
        .await
        .expect("the admin API answers");
}

async fn sandbox_stats(base_url: &str) -> serde_json::Value {
    let envelope: serde_json::Value = reqwest::Client::new()
        .get(format!("{base_url}/__sandbox/stats"))
        .send()
        .await
        .expect("the admin API answers")
        .json()
        .await
        .expect("stats are JSON");

    envelope["data"].clone()
}

fn records_of(stats: &serde_json::Value, kind: &str) -> u64 {
    oms_sandbox::records_in_stats(stats, kind)
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox starts");
    let client = Client::builder(sandbox.base_url(), sandbox.credentials())
        .retry(RetryPolicy::default())
        .build()
        .expect("client builds");
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    println!("oms-batch bench (sandbox in process, {LATENCY_MS} ms added latency where stated)");

    set_faults(
        sandbox.base_url(),
        serde_json::json!({ "latencyMs": LATENCY_MS }),
    )
    .await;
    let rows: Vec<(u32, PlatformOrderCreate)> = (1..=ORDERS)
        .map(|n| (n + 1, order(format!("BENCH-{n:06}"))))
        .collect();
    let started = Instant::now();
    let report = submit_platform_orders(&client, &ledger, rows, &BatchOptions::default())
        .await
        .expect("the run completes");
    let batch_time = started.elapsed();
    println!(
        "batch run: {ORDERS} platform orders, chunks of 50, 4 in flight: {:.2} s ({:.0} orders/s), \
         {} accepted",
        batch_time.as_secs_f64(),
        f64::from(ORDERS) / batch_time.as_secs_f64(),
        report.counts.accepted
    );

    let started = Instant::now();
    for n in 1..=SEQUENTIAL_SAMPLE {
        client
            .create_platform_order(&order(format!("SEQ-{n:06}")))
            .await
            .expect("a single create succeeds");
    }
    let sample = started.elapsed();
    let extrapolated = sample.as_secs_f64() * f64::from(ORDERS) / f64::from(SEQUENTIAL_SAMPLE);
    println!(
        "sequential single creates: {SEQUENTIAL_SAMPLE} orders took {:.2} s; extrapolated to \
         {ORDERS}: {extrapolated:.1} s (not run in full)",
        sample.as_secs_f64()
    );
    println!(
        "speed-up of the batch run over the sequential loop: {:.1}x",
        extrapolated / batch_time.as_secs_f64()
    );

    set_faults(sandbox.base_url(), serde_json::json!({})).await;
    let mut overhead = Vec::new();
    let mut server = Vec::new();
    for n in 1..=500 {
        let request = order(format!("OVH-{n:06}"));
        let started = Instant::now();
        let raw = client
            .call_raw(EndpointId::PlatformOrderCreate, &request)
            .await
            .expect("the call answers");
        let _: String = oms_api::envelope::decode(&raw).expect("created");
        let wall = started.elapsed().as_secs_f64() * 1000.0;
        let body: serde_json::Value = serde_json::from_slice(&raw.body).unwrap();
        let handled = body["duration"].as_f64().unwrap_or(0.0) * 1000.0;
        server.push(handled);
        overhead.push(wall - handled);
    }
    overhead.sort_by(f64::total_cmp);
    server.sort_by(f64::total_cmp);
    println!(
        "per single create without latency (500 calls): wall minus the sandbox's `duration` \
         median {:.3} ms, p95 {:.3} ms (client + loopback HTTP + server framework); the \
         sandbox's own handling (envelope `duration`, 1 µs resolution) median {:.3} ms",
        overhead[250], overhead[475], server[250]
    );
    let request = order("CPU-1".to_owned());
    let started = Instant::now();
    for _ in 0..10_000 {
        oms_api::Validate::check(&request).unwrap();
        std::hint::black_box(serde_json::to_vec(&request).unwrap());
    }
    println!(
        "client CPU per request (validate + serialise, no I/O): {:.4} ms",
        started.elapsed().as_secs_f64() * 1000.0 / 10_000.0
    );

    let mut asns = Vec::new();
    for a in 0..10 {
        let asn = InboundOrderCreate {
            reference_no: format!("BENCH-ASN-{a}"),
            transit_type: Some(TransitType::SellerShips),
            warehouse_code: "US-LAX-1".to_owned(),
            shipping_type: Some(ShippingType::Express),
            items: (1..=100)
                .map(|n| InboundLine {
                    product_sku: "SKU-MUG-001".to_owned(),
                    box_no: n.to_string(),
                    qty: 1,
                    ..InboundLine::default()
                })
                .collect(),
            ..InboundOrderCreate::default()
        };
        asns.push(
            client
                .create_reviewed_inbound_order(&asn)
                .await
                .unwrap()
                .order_no,
        );
    }
    let files = download_labels(&client, LabelKind::Box, &asns, LabelSize::Label100x100)
        .await
        .unwrap();
    let rss_before = peak_rss_mb();
    let started = Instant::now();
    let merged = merge_pdfs(&files).unwrap();
    let merge_time = started.elapsed();
    let started = Instant::now();
    let sheets = impose(&merged, Nup::TWO_BY_THREE).unwrap();
    let impose_time = started.elapsed();
    println!(
        "merge 1,000 box labels (10 PDFs of 100): {:.3} s, {:.1} MB out; A4 2x3 imposition: \
         {:.3} s, {:.1} MB out; peak RSS of the whole bench process {:.1} MB (before merging \
         {rss_before:.1} MB)",
        merge_time.as_secs_f64(),
        merged.len() as f64 / 1e6,
        impose_time.as_secs_f64(),
        sheets.len() as f64 / 1e6,
        peak_rss_mb()
    );

    let _ = sandbox.shutdown().await;

    exactly_once_through_faults().await;
}

/// The exactly-once test at full size: a fresh sandbox, 10 % mixed faults (HTTP 500,
/// dropped after processing, held until the client times out, 429) chosen with a fixed seed, one
/// batch run, then the faults off and a resume if the run stopped. The sandbox's admin `stats`
/// counts the orders; its store (in process) gives the stored `platformOrderNo`s, so doubles and
/// gaps are counted, not assumed from the sandbox's refusal of a known number.
async fn exactly_once_through_faults() {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox starts");
    let client = Client::builder(sandbox.base_url(), sandbox.credentials())
        .timeout(FAULT_CLIENT_TIMEOUT)
        .retry(RetryPolicy::default())
        .build()
        .expect("client builds");
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
    let options = BatchOptions::default();
    let rows: Vec<(u32, PlatformOrderCreate)> = (1..=ORDERS)
        .map(|n| (n + 1, order(format!("FAULT-{n:06}"))))
        .collect();
    let expected: BTreeSet<String> = rows
        .iter()
        .map(|(_, order)| order.platform_order_no.clone())
        .collect();

    set_faults(
        sandbox.base_url(),
        serde_json::json!({
            "failureRate": FAULT_RATE,
            "kinds": ["http500", "drop_after_processing", "timeout", "http429"],
            "seed": FAULT_SEED,
        }),
    )
    .await;
    let started = Instant::now();
    let mut report = submit_platform_orders(&client, &ledger, rows, &options)
        .await
        .expect("the run completes");
    let first_state = report.state;
    let first_time = started.elapsed();
    set_faults(sandbox.base_url(), serde_json::json!({})).await;
    if report.state != RunState::Finished {
        report = resume(&client, &ledger, report.run_id, &options)
            .await
            .expect("the run resumes once the faults are off");
    }
    let total_time = started.elapsed();

    let stats = sandbox_stats(sandbox.base_url()).await;
    let on_server = records_of(&stats, ORDER_KIND);
    let stored: Vec<String> = sandbox
        .store()
        .read(|db| db.records_of_kind(ORDER_KIND))
        .expect("the sandbox's store reads")
        .into_iter()
        .map(|record| {
            record.body["platformOrderNo"]
                .as_str()
                .unwrap_or(&record.key)
                .to_owned()
        })
        .collect();
    let distinct: BTreeSet<&str> = stored.iter().map(String::as_str).collect();
    let doubles = stored.len() - distinct.len();
    let missing = expected
        .iter()
        .filter(|number| !distinct.contains(number.as_str()))
        .count();
    let strangers = distinct
        .iter()
        .filter(|number| !expected.contains(**number))
        .count();

    let entries = ledger.entries(report.run_id).expect("the ledger reads");
    let accepted: BTreeSet<&str> = entries
        .iter()
        .filter(|entry| entry.state == EntryState::Accepted)
        .map(|entry| entry.reference.as_str())
        .collect();
    let resent = entries.iter().filter(|entry| entry.attempts > 1).count();
    let extra_sends: u64 = entries
        .iter()
        .map(|entry| u64::from(entry.attempts.saturating_sub(1)))
        .sum();
    let ledger_agrees = accepted == distinct;
    let exactly_once = report.state == RunState::Finished
        && on_server == u64::from(ORDERS)
        && stored.len() == expected.len()
        && doubles == 0
        && missing == 0
        && strangers == 0
        && report.counts.accepted == u64::from(ORDERS)
        && ledger_agrees;

    println!(
        "exactly once through faults: {ORDERS} platform orders, chunks of {}, {} in flight, \
         {:.0} % mixed faults (http500, drop_after_processing, timeout, http429; seed \
         {FAULT_SEED}), client timeout {} ms, no added latency",
        options.chunk_size,
        options.concurrency,
        FAULT_RATE * 100.0,
        FAULT_CLIENT_TIMEOUT.as_millis()
    );
    println!(
        "  time: {:.2} s in all (first run {:.2} s, ended {first_state:?}; {})",
        total_time.as_secs_f64(),
        first_time.as_secs_f64(),
        if first_state == RunState::Finished {
            "no resume needed".to_owned()
        } else {
            format!(
                "resume with faults off {:.2} s",
                (total_time - first_time).as_secs_f64()
            )
        }
    );
    println!(
        "  faults injected: {} ({}); requests seen by the sandbox: {}",
        stats["faultsInjected"]
            .as_object()
            .map(|kinds| kinds.values().filter_map(|v| v.as_u64()).sum::<u64>())
            .unwrap_or(0),
        stats["faultsInjected"],
        stats["requests"]
    );
    println!(
        "  orders in the sandbox (admin stats, kind {ORDER_KIND}): {on_server}; stored \
         platformOrderNos {} of which distinct {}",
        stored.len(),
        distinct.len()
    );
    println!(
        "  duplicates: {doubles}; missing from the sandbox: {missing}; not from this run: \
         {strangers}"
    );
    println!(
        "  ledger: {} accepted, run {:?} ({:?}); accepted references equal the sandbox's: {}",
        report.counts.accepted,
        report.state,
        report.counts,
        if ledger_agrees { "yes" } else { "no" }
    );
    println!("  rows resent: {resent} (extra sends in all: {extra_sends})");
    if exactly_once {
        println!("  exactly once: yes");
    } else {
        println!("  exactly once: NO  <<<<<<<<<< an order was lost, doubled or mis-recorded");
        if let Some(note) = &report.note {
            println!("  run note: {note}");
        }
    }

    let _ = sandbox.shutdown().await;
}
