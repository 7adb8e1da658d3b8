//! Shared by the integration tests: a sandbox to send to, its admin API (faults, stats), a
//! client with a short timeout so `timeout` faults cost seconds, and orders to send.
#![allow(dead_code)]

use oms_api::outbound::{B2cDetails, B2cOrderCreate, InventoryType, OutboundLine};
use oms_api::platform::{PlatformOrderCreate, PlatformOrderLine};
use oms_api::{Client, RetryPolicy};
use oms_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::time::Duration;

/// A fresh sandbox in memory.
pub async fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default())
        .await
        .expect("the sandbox starts in memory")
}

/// The real client of the demo account, with a short timeout so held requests end quickly.
pub fn client(sandbox: &RunningSandbox, timeout: Duration) -> Client {
    Client::builder(sandbox.base_url(), sandbox.credentials())
        .timeout(timeout)
        .retry(RetryPolicy::default())
        .build()
        .expect("the client builds")
}

/// Sets the sandbox's faults through its admin API.
pub async fn set_faults(base_url: &str, faults: Value) {
    let response = reqwest::Client::new()
        .post(format!("{base_url}/__sandbox/faults"))
        .json(&faults)
        .send()
        .await
        .expect("the admin API answers");

    assert_eq!(response.status().as_u16(), 200, "faults accepted: {faults}");
}

/// Mixed faults on `rate` of the business calls, repeatable with `seed`.
pub fn mixed_faults(rate: f64, seed: u64) -> Value {
    json!({
        "failureRate": rate,
        "kinds": ["http500", "drop_after_processing", "timeout", "http429"],
        "seed": seed,
    })
}

/// The admin `stats` answer's `data`.
pub async fn stats(base_url: &str) -> Value {
    let envelope: Value = reqwest::Client::new()
        .get(format!("{base_url}/__sandbox/stats"))
        .send()
        .await
        .expect("the admin API answers")
        .json()
        .await
        .expect("stats are JSON");

    envelope["data"].clone()
}

/// Records of `kind` the sandbox holds, all statuses.
pub fn records_of(stats: &Value, kind: &str) -> u64 {
    oms_sandbox::records_in_stats(stats, kind)
}

/// Faults injected so far, all kinds.
pub fn faults_injected(stats: &Value) -> u64 {
    stats["faultsInjected"]
        .as_object()
        .map(|kinds| kinds.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0)
}

/// Platform order `number` for the demo warehouse.
pub fn platform_order(number: &str) -> PlatformOrderCreate {
    PlatformOrderCreate {
        platform_order_no: number.to_owned(),
        total_amount: Some(Decimal::new(25_800, 3)),
        currency_code: Some("USD".to_owned()),
        buyer_name: Some("Jane Doe".to_owned()),
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

/// `count` platform orders `<prefix>-00001`…, as rows 2, 3, … of a spreadsheet.
pub fn platform_rows(prefix: &str, count: u32) -> Vec<(u32, PlatformOrderCreate)> {
    (1..=count)
        .map(|n| (n + 1, platform_order(&format!("{prefix}-{n:05}"))))
        .collect()
}

/// A B2C order of one mug.
pub fn b2c_order(reference_no: &str) -> B2cOrderCreate {
    B2cOrderCreate {
        reference_no: reference_no.to_owned(),
        contact_name: "Ada Buyer".to_owned(),
        city: "Los Angeles".to_owned(),
        address: "1 Main Street".to_owned(),
        postcode: "90001".to_owned(),
        warehouse_code: "US-LAX-1".to_owned(),
        shipping_method_code: "USPS-GROUND".to_owned(),
        code2: "US".to_owned(),
        inventory_type: Some(InventoryType::Any),
        details: Some(B2cDetails {
            sale_platform: Some("Amazon".to_owned()),
            ..B2cDetails::default()
        }),
        items: vec![OutboundLine {
            product_sku: "SKU-MUG-001".to_owned(),
            qty: 1,
            ..OutboundLine::default()
        }],
        ..B2cOrderCreate::default()
    }
}

/// The battery lamp of the request fixtures, under SKU `sku`, in a category the sandbox has.
pub fn product(sku: &str) -> oms_api::product::Product {
    let fixture = include_str!("../../../oms-api/tests/fixtures/requests/product_create.json");
    let mut product: oms_api::product::Product =
        serde_json::from_str(fixture).expect("the product fixture reads as a product");
    product.product_sku = sku.to_owned();
    product.reference_no = None;
    product.open_platform_skus.clear();
    product.product_category_code = Some("HOME-LIGHT".to_owned());

    product
}
