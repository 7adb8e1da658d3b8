//! Figures for the performance section, printed, never asserted:
//! - 10,000 platform orders through a batch run against the sandbox with 50 ms added latency,
//!   versus a plain sequential loop of single creates (run on a sample and extrapolated);
//! - the client's overhead per request versus the sandbox's own handling time (`duration` in the
//!   envelope), without added latency;
//! - 1,000 box labels (10 ASNs of 100 cartons) merged into one PDF: time and peak memory.
//!
//! Run: `cargo bench -p oms-batch --bench submit`.
#![allow(clippy::print_stdout)]

use oms_api::bulk::LabelSize;
use oms_api::endpoints::EndpointId;
use oms_api::inbound::{InboundLine, InboundOrderCreate, ShippingType, TransitType};
use oms_api::platform::{PlatformOrderCreate, PlatformOrderLine};
use oms_api::{Client, RetryPolicy};
use oms_batch::labels::{download_labels, impose, merge_pdfs, LabelKind, Nup};
use oms_batch::{submit_platform_orders, BatchOptions, Ledger};
use oms_sandbox::{Sandbox, SandboxConfig};
use rust_decimal::Decimal;
use std::time::Instant;

const ORDERS: u32 = 10_000;
const SEQUENTIAL_SAMPLE: u32 = 300;
const LATENCY_MS: u64 = 50;

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
         sandbox's own handling (envelope `duration`, 1 ms resolution) median {:.3} ms",
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
}
