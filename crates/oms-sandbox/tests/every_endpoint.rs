//! Every endpoint of the contract answers in the sandbox: the client's request fixture of each
//! one, sent through `oms_api::dispatch::call_json` over real HTTP, gets either data or a
//! business refusal in the OMS envelope, never "not implemented", a 404 or a broken answer.
//! Lists, creates and reference data must succeed outright.

mod support;

use oms_api::dispatch::call_json;
use oms_api::endpoints::{EndpointId, ENDPOINTS};
use oms_api::Error;
use serde_json::Value;

fn fixture(id: EndpointId) -> Value {
    let path = format!(
        "{}/../oms-api/tests/fixtures/requests/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        id.as_str()
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn every_endpoint_has_a_handler() {
    let implemented = oms_sandbox::Registry::standard().implemented();

    let missing: Vec<&str> = ENDPOINTS
        .iter()
        .filter(|e| !implemented.contains(&e.id))
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "endpoints without a handler: {missing:?}"
    );
}

#[tokio::test]
async fn every_endpoint_answers_its_fixture_in_the_envelope() {
    let sandbox = support::sandbox::start().await;
    let client = support::sandbox::demo_client(&sandbox);
    let mut problems = Vec::new();

    for endpoint in ENDPOINTS {
        let mut body = fixture(endpoint.id);
        if endpoint.id == EndpointId::SandboxToken {
            body["apiKey"] = Value::from(sandbox.demo_api_key());
        }

        let outcome = call_json(&client, endpoint.id, body).await;

        let must_succeed = endpoint.id.as_str().ends_with("_list")
            || matches!(
                endpoint.id,
                EndpointId::Welcome | EndpointId::ReturnCodes | EndpointId::SandboxToken
            );
        match outcome {
            Ok(_) => {}
            Err(Error::Api(api))
                if !must_succeed && api.code != "50100" && api.http_status != 404 => {}
            Err(other) => problems.push(format!("{}: {other}", endpoint.id)),
        }
    }

    assert!(
        problems.is_empty(),
        "{} endpoint(s) misbehave:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
