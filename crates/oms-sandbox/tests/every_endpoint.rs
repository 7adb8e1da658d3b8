//! Every endpoint of the contract answers in the sandbox: the client's request fixture of each
//! one, sent through `oms_api::dispatch::call_json` over real HTTP, reaches that endpoint's
//! handler (the sandbox counts one request for it) and gets either data or a business refusal in
//! the OMS envelope, never "not implemented", a 404 or a broken answer. Lists and the public
//! calls must succeed outright; a create or an action may be refused by a business rule (the
//! fixtures do not share orders), which the module flow tests cover.

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

    let stats: Value = reqwest::get(format!("{}/__sandbox/stats", sandbox.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let miscounted: Vec<String> = ENDPOINTS
        .iter()
        .filter(|e| stats["data"]["requests"][e.id.as_str()] != 1)
        .map(|e| format!("{}: {}", e.id, stats["data"]["requests"][e.id.as_str()]))
        .collect();
    assert!(
        miscounted.is_empty(),
        "each fixture reached its own endpoint's handler exactly once (method and path agree \
         with the sandbox's routes): {miscounted:?}"
    );
}
