//! Every endpoint of the contract, sent through `dispatch::call_json` (the typed request, its
//! validation, the client) to a recording server on loopback: the method, the path from the one
//! table, the `Authorization` and `Content-Type` headers and the body keys must all be what the
//! contract says, and the typed answer must keep every field the server sent.
//!
//! Fixtures: `fixtures/requests/<id>.json` is a valid request as our serializer writes it;
//! `fixtures/responses/<id>.json` is the `data` a server answers with.

mod support;

use oms_api::auth::TokenParts;
use oms_api::dispatch::{call_json, CallOutput};
use oms_api::endpoints::{EndpointId, Method, ENDPOINTS};
use oms_api::{Client, Credentials, Secret};
use serde_json::Value;
use support::{shape_differences, Reply, TestServer};

const SECRET: &str = "every-endpoint-secret";

fn fixture(kind: &str, id: EndpointId) -> Value {
    support::fixtures::fixture(kind, id.as_str())
}

/// Keys of `expected` (recursively) that `actual` lacks.
fn missing_keys(expected: &Value, actual: &Value, path: &str) -> Vec<String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => want
            .iter()
            .flat_map(|(key, value)| match have.get(key) {
                Some(inner) => missing_keys(value, inner, &format!("{path}.{key}")),
                None => vec![format!("{path}.{key}")],
            })
            .collect(),
        (Value::Array(want), Value::Array(have)) => want
            .iter()
            .zip(have)
            .enumerate()
            .flat_map(|(i, (w, h))| missing_keys(w, h, &format!("{path}[{i}]")))
            .collect(),
        _ => Vec::new(),
    }
}

async fn check_endpoint(server: &TestServer, client: &Client, id: EndpointId) -> Vec<String> {
    let endpoint = id.endpoint();
    let request = fixture("requests", id);
    let response = fixture("responses", id);
    server.always(endpoint.path, Reply::Data(response.clone()));
    let before = server.requests().len();
    let mut problems = Vec::new();

    let output = call_json(client, id, request.clone()).await;

    let sent: Vec<_> = server.requests().into_iter().skip(before).collect();
    if sent.len() != 1 {
        return vec![format!(
            "{id}: {} requests sent, expected 1 ({output:?})",
            sent.len()
        )];
    }
    let sent = &sent[0];
    if sent.method != endpoint.method.as_str() {
        problems.push(format!(
            "{id}: method {} instead of {}",
            sent.method,
            endpoint.method.as_str()
        ));
    }
    if sent.path != endpoint.path {
        problems.push(format!(
            "{id}: path {} instead of {}",
            sent.path, endpoint.path
        ));
    }

    match (id, &sent.authorization) {
        (EndpointId::SandboxToken, None) => {}
        (EndpointId::SandboxToken, Some(_)) => problems.push(format!("{id}: sent a token")),
        (_, None) => problems.push(format!("{id}: no Authorization header")),
        (_, Some(token)) => {
            let verified = TokenParts::parse(token).is_ok_and(|p| p.verify(&Secret::new(SECRET)));
            if !verified {
                problems.push(format!("{id}: the token does not verify"));
            }
        }
    }

    if endpoint.method == Method::Post {
        if sent.content_type.as_deref() != Some("application/json") {
            problems.push(format!("{id}: Content-Type {:?}", sent.content_type));
        }
        let body = sent.json();
        for difference in shape_differences(&request, &body, "", false) {
            problems.push(format!("{id}: body {difference}"));
        }
        if body != request {
            problems.push(format!(
                "{id}: body differs in values:\n  sent {body}\n  want {request}"
            ));
        }
    } else if !sent.body.is_empty() {
        problems.push(format!("{id}: a GET with a body"));
    }

    match output {
        Ok(CallOutput::Json(answer)) => {
            for key in missing_keys(&response, &answer, "data") {
                problems.push(format!("{id}: the answer lost {key}"));
            }
        }
        Ok(CallOutput::File(file)) => {
            if file.bytes.is_empty() {
                problems.push(format!("{id}: empty file"));
            }
        }
        Err(error) => problems.push(format!("{id}: call failed: {error}")),
    }

    problems
}

#[tokio::test]
async fn every_endpoint_sends_what_the_contract_says() {
    let server = TestServer::start().await;
    let client = Client::new(
        &server.base_url,
        Credentials::key_and_secret("key-every", SECRET),
    )
    .unwrap();
    let mut problems = Vec::new();

    for endpoint in ENDPOINTS {
        problems.extend(check_endpoint(&server, &client, endpoint.id).await);
    }

    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(
        server.requests().len(),
        ENDPOINTS.len(),
        "one request per endpoint"
    );
}

#[tokio::test]
async fn extra_fields_a_user_adds_are_sent_along() {
    let server = TestServer::start().await;
    server.always(
        "/open/common-data/warehouse-list",
        Reply::Data(serde_json::json!({"list": []})),
    );
    let client = Client::new(&server.base_url, Credentials::token("t")).unwrap();
    let mut request = fixture("requests", EndpointId::WarehouseList);
    request["newVendorFlag"] = Value::from("1");
    request["commonParam"]["sortField"] = Value::from("createTime");

    call_json(&client, EndpointId::WarehouseList, request)
        .await
        .unwrap();

    let body = server.requests()[0].json();
    assert_eq!(body["newVendorFlag"], "1");
    assert_eq!(body["commonParam"]["sortField"], "createTime");
}
