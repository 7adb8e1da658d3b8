//! A sandbox to test against: started in memory, called through the real `oms_api::Client`, or
//! through raw HTTP where a test must get past the client's own validation to reach the server's.

use oms_api::endpoints::EndpointId;
use oms_api::{ApiError, Client, Credentials, Error, RetryPolicy, Secret};
use oms_sandbox::store::StockRow;
use oms_sandbox::{RunningSandbox, Sandbox, SandboxConfig, DEMO_API_KEY};
use serde_json::Value;
use std::time::Duration;

/// A fresh sandbox in memory, with the seed.
pub async fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default())
        .await
        .expect("the sandbox starts in memory")
}

/// A fresh sandbox in memory and the demo account's client for it.
pub async fn start_with_client() -> (RunningSandbox, Client) {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    (sandbox, client)
}

/// The real client with these credentials, without retries.
pub fn client_with(sandbox: &RunningSandbox, credentials: Credentials) -> Client {
    Client::builder(sandbox.base_url(), credentials)
        .retry(RetryPolicy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("the client builds")
}

/// The real client with the demo account's key and secret, without retries.
pub fn demo_client(sandbox: &RunningSandbox) -> Client {
    client_with(sandbox, sandbox.credentials())
}

/// A token minted now from the demo account's key and secret.
pub fn demo_token(sandbox: &RunningSandbox) -> String {
    oms_api::auth::mint_token_now(
        sandbox.demo_api_key(),
        &Secret::new(sandbox.demo_api_secret()),
    )
    .expose()
    .to_owned()
}

/// Moves the sandbox clock forward through the admin API, which runs the clock hooks (the
/// warehouse's work); the admin API must answer 200 with a success envelope.
pub async fn advance_clock(sandbox: &RunningSandbox, minutes: i64) {
    let response = reqwest::Client::new()
        .post(format!("{}/__sandbox/advance-clock", sandbox.base_url()))
        .json(&serde_json::json!({ "minutes": minutes }))
        .send()
        .await
        .expect("the admin API answers");
    let status = response.status().as_u16();
    let answer: Value = response.json().await.expect("the admin answer is JSON");

    assert_eq!(status, 200, "advance-clock by {minutes} minutes: {answer}");
    assert_eq!(answer["success"], true, "the clock moved: {answer}");
}

/// Posts `body` to an endpoint as it is, with a fresh demo token, and returns the answer's full
/// text: for checks the client would refuse to send.
pub async fn post_raw_text(sandbox: &RunningSandbox, endpoint: EndpointId, body: &Value) -> String {
    reqwest::Client::new()
        .post(format!(
            "{}{}",
            sandbox.base_url(),
            endpoint.endpoint().path
        ))
        .header("Authorization", demo_token(sandbox))
        .json(body)
        .send()
        .await
        .expect("the sandbox answers")
        .text()
        .await
        .expect("the answer is text")
}

/// Posts `body` to an endpoint as it is, with a fresh demo token, and returns the envelope.
pub async fn post_raw(sandbox: &RunningSandbox, endpoint: EndpointId, body: &Value) -> Value {
    let text = post_raw_text(sandbox, endpoint, body).await;

    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("the answer is an envelope ({e}): {text}"))
}

/// The server's refusal, or a panic saying what came instead.
pub fn refusal<T: std::fmt::Debug>(outcome: Result<T, Error>, what: &str) -> ApiError {
    match outcome {
        Err(Error::Api(api)) => api,
        other => panic!("{what}: expected a refusal from the sandbox, got {other:?}"),
    }
}

/// The field paths named in a validation refusal's `errors` (`field: 中文 (English)`).
pub fn fields(api: &ApiError) -> Vec<String> {
    api.errors
        .iter()
        .map(|line| line.split(": ").next().unwrap_or_default().to_owned())
        .collect()
}

/// Everything the refusal says, message and errors.
pub fn said(api: &ApiError) -> String {
    format!("{} | {}", api.message, api.errors.join(" | "))
}

/// The demo account's stock row of `sku` in `warehouse`, read from the store (zero when none).
pub fn stock(sandbox: &RunningSandbox, warehouse: &str, sku: &str) -> StockRow {
    sandbox
        .store()
        .read(|db| db.stock_rows(DEMO_API_KEY))
        .unwrap()
        .into_iter()
        .find(|row| row.warehouse_code == warehouse && row.product_sku == sku)
        .unwrap_or_default()
}
