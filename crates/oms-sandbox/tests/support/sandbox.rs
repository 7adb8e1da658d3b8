//! A sandbox to test against: started in memory, called through the real `oms_api::Client`, or
//! through raw HTTP where a test must get past the client's own validation to reach the server's.

use oms_api::endpoints::EndpointId;
use oms_api::{ApiError, Client, Error, RetryPolicy, Secret};
use oms_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use serde_json::Value;
use std::time::Duration;

/// A fresh sandbox in memory, with the seed.
pub async fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default())
        .await
        .expect("the sandbox starts in memory")
}

/// The real client with the demo account's key and secret, without retries.
pub fn demo_client(sandbox: &RunningSandbox) -> Client {
    Client::builder(sandbox.base_url(), sandbox.credentials())
        .retry(RetryPolicy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("the client builds")
}

/// Moves the sandbox clock forward through the admin API (clock hooks run).
pub async fn advance_clock(sandbox: &RunningSandbox, minutes: i64) {
    let response = reqwest::Client::new()
        .post(format!("{}/__sandbox/advance-clock", sandbox.base_url()))
        .json(&serde_json::json!({ "minutes": minutes }))
        .send()
        .await
        .expect("the admin API answers");

    assert_eq!(response.status().as_u16(), 200, "advance-clock accepted");
}

/// Posts `body` to an endpoint as it is, with a fresh demo token, and returns the envelope: for
/// checks the client would refuse to send.
pub async fn post_raw(sandbox: &RunningSandbox, endpoint: EndpointId, body: &Value) -> Value {
    let token = oms_api::auth::mint_token_now(
        sandbox.demo_api_key(),
        &Secret::new(sandbox.demo_api_secret()),
    );

    let response = reqwest::Client::new()
        .post(format!(
            "{}{}",
            sandbox.base_url(),
            endpoint.endpoint().path
        ))
        .header("Authorization", token.expose())
        .json(body)
        .send()
        .await
        .expect("the sandbox answers");

    response.json().await.expect("the answer is an envelope")
}

/// The server's refusal, or a panic saying what came instead.
pub fn refusal<T: std::fmt::Debug>(outcome: Result<T, Error>, what: &str) -> ApiError {
    match outcome {
        Err(Error::Api(api)) => api,
        other => panic!("{what}: expected a refusal from the sandbox, got {other:?}"),
    }
}
