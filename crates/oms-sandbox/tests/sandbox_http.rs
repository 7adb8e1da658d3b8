//! The sandbox over real loopback HTTP, driven by the real `oms_api::Client`: authentication,
//! the public and common-data endpoints with filters and paging, persistence across restarts,
//! the handler registry, and every injected fault as the client sees it.

mod support;

use oms_api::auth::{mint_token, now_millis};
use oms_api::common::{
    CategoryListRequest, CountryListRequest, MethodType, ShippingMethodListRequest,
    WarehouseListRequest,
};
use oms_api::endpoints::EndpointId;
use oms_api::wire::Extra;
use oms_api::{Client, CommonParam, Credentials, Error, RetryPolicy, Secret, Validate, Validator};
use oms_sandbox::{Record, Registry, RunningSandbox, Sandbox, SandboxConfig};
use serde::Serialize;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::sandbox::{client_with, demo_client, demo_token, start};

/// Sends a raw request and returns status, `X-Request-Id` header and the JSON body.
async fn raw(
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<&str>,
) -> (u16, Option<String>, Value) {
    let mut request = reqwest::Client::new().request(method, url);
    if let Some(token) = token {
        request = request.header("Authorization", token);
    }
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_owned());
    }

    let response = request.send().await.expect("the sandbox answers");
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("x-request-id")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.json().await.expect("the answer is JSON");

    (status, request_id, body)
}

async fn admin(sandbox: &RunningSandbox, path: &str, body: Value) -> Value {
    let (status, _, answer) = raw(
        reqwest::Method::POST,
        format!("{}/__sandbox/{path}", sandbox.base_url()),
        None,
        Some(&body.to_string()),
    )
    .await;

    assert_eq!(status, 200, "admin {path} accepted {body}: {answer}");
    answer["data"].clone()
}

async fn stats(sandbox: &RunningSandbox) -> Value {
    let (status, _, answer) = raw(
        reqwest::Method::GET,
        format!("{}/__sandbox/stats", sandbox.base_url()),
        None,
        None,
    )
    .await;

    assert_eq!(status, 200, "stats answer: {answer}");
    answer["data"].clone()
}

fn record_count(stats: &Value, kind: &str) -> u64 {
    oms_sandbox::records_in_stats(stats, kind)
}

fn expect_unauthorized(outcome: Result<Value, Error>, reason: &str) {
    match outcome {
        Err(Error::Api(api)) => {
            assert_eq!(api.http_status, 401, "{reason}: HTTP 401 expected");
            assert!(
                !api.message.is_empty() && api.request_id.is_some(),
                "{reason}: the refusal explains itself and carries a request id: {api:?}"
            );
        }
        other => panic!("{reason}: expected a 401 refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_token_minted_from_key_and_secret_is_accepted() {
    let sandbox = start().await;

    let greeting = demo_client(&sandbox)
        .welcome()
        .await
        .expect("welcome works");

    assert!(
        greeting.as_str().unwrap().contains("demo-key-0001"),
        "the greeting names the account: {greeting}"
    );
}

#[tokio::test]
async fn the_sandbox_token_endpoint_gives_a_token_the_server_accepts() {
    let sandbox = start().await;

    let token = oms_api::public::fetch_sandbox_token(sandbox.base_url(), sandbox.demo_api_key())
        .await
        .expect("the sandbox mints a token");
    let with_token = client_with(&sandbox, Credentials::token(token.expose()));

    with_token
        .welcome()
        .await
        .expect("the sandbox accepts its own token");
}

#[tokio::test]
async fn the_sandbox_token_endpoint_refuses_an_unknown_key() {
    let sandbox = start().await;

    let outcome = oms_api::public::fetch_sandbox_token(sandbox.base_url(), "nobody").await;

    assert!(
        matches!(&outcome, Err(Error::Api(api)) if api.message.contains("nobody")),
        "an unknown key is named in the refusal, got {outcome:?}"
    );
}

#[tokio::test]
async fn a_missing_token_is_refused_with_401() {
    let sandbox = start().await;

    let (status, request_id, body) = raw(
        reqwest::Method::GET,
        format!("{}/open", sandbox.base_url()),
        None,
        None,
    )
    .await;

    assert_eq!(status, 401, "no Authorization header: {body}");
    assert_eq!(body["success"], false);
    assert!(body["message"].as_str().unwrap().contains("missing"));
    assert_eq!(
        request_id.as_deref(),
        body["requestId"].as_str(),
        "the header and the envelope carry the same request id"
    );
}

#[tokio::test]
async fn malformed_forged_unknown_and_expired_tokens_are_refused() {
    let sandbox = start().await;
    let key = sandbox.demo_api_key();
    let secret = Secret::new(sandbox.demo_api_secret());
    let eleven_minutes_ago = now_millis() - 11 * 60 * 1000;
    let expired = mint_token(
        key,
        &secret,
        eleven_minutes_ago,
        "0123456789abcdef0123456789abcdef",
    );

    let malformed = client_with(&sandbox, Credentials::token("not-a-token"));
    let forged = client_with(&sandbox, Credentials::key_and_secret(key, "wrong-secret"));
    let unknown = client_with(
        &sandbox,
        Credentials::key_and_secret("nobody", sandbox.demo_api_secret()),
    );
    let old = client_with(&sandbox, Credentials::token(expired.expose()));

    expect_unauthorized(malformed.welcome().await, "malformed token");
    expect_unauthorized(forged.welcome().await, "forged signature");
    expect_unauthorized(unknown.welcome().await, "unknown key");
    let outcome = old.welcome().await;
    assert!(
        matches!(&outcome, Err(Error::Api(api)) if api.message.contains("令牌已过期 (token expired)")),
        "an expired token says so: {outcome:?}"
    );
    expect_unauthorized(outcome, "expired token");
}

#[tokio::test]
async fn the_token_window_is_configurable() {
    let sandbox = Sandbox::start(SandboxConfig {
        token_window: Duration::from_secs(30),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let a_minute_ago = mint_token(
        sandbox.demo_api_key(),
        &Secret::new(sandbox.demo_api_secret()),
        now_millis() - 60_000,
        "0123456789abcdef0123456789abcdef",
    );

    let outcome = client_with(&sandbox, Credentials::token(a_minute_ago.expose()))
        .welcome()
        .await;

    expect_unauthorized(outcome, "a token older than a 30 s window");
}

#[tokio::test]
async fn business_calls_need_a_token_too() {
    let sandbox = start().await;

    let (status, _, body) = raw(
        reqwest::Method::POST,
        format!("{}/open/common-data/warehouse-list", sandbox.base_url()),
        Some("bm9ib2R5"),
        Some("{}"),
    )
    .await;

    assert_eq!(status, 401, "a malformed token on a business call: {body}");
    assert_eq!(body["success"], false);
}

#[tokio::test]
async fn warehouses_are_listed_and_filtered() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    let all = client
        .list_warehouses(&WarehouseListRequest::default())
        .await
        .unwrap();
    let frankfurt = client
        .list_warehouses(&WarehouseListRequest {
            warehouse_code: Some("DE-FRA-1".to_owned()),
            ..Default::default()
        })
        .await
        .unwrap();

    let codes: Vec<&str> = all.list.iter().map(|w| w.warehouse_code.as_str()).collect();
    assert_eq!(
        codes,
        ["US-LAX-1", "DE-FRA-1", "GB-LON-1"],
        "three seeded warehouses"
    );
    assert_eq!(frankfurt.total_count, Some(1), "the filter keeps one");
    let country = frankfurt.list[0].open_country.as_ref().unwrap();
    assert_eq!(
        (country.code2.as_deref(), country.name.as_deref()),
        (Some("DE"), Some("德国")),
        "the warehouse carries its country with the Chinese name"
    );
}

#[tokio::test]
async fn shipping_methods_filter_by_warehouse_code_and_type() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let list = |request: ShippingMethodListRequest| {
        let client = client.clone();
        async move { client.list_shipping_methods(&request).await.unwrap().list }
    };

    let berlin = list(ShippingMethodListRequest {
        warehouse_code: Some("DE-FRA-1".to_owned()),
        ..Default::default()
    })
    .await;
    let labels = list(ShippingMethodListRequest {
        method_type: Some(MethodType::ExpressLabel),
        ..Default::default()
    })
    .await;
    let usps = list(ShippingMethodListRequest {
        code: Some("USPS-GROUND".to_owned()),
        ..Default::default()
    })
    .await;

    let codes = |methods: &[oms_api::common::ShippingMethod]| -> Vec<String> {
        methods.iter().map(|m| m.code.clone()).collect()
    };
    assert_eq!(codes(&berlin), ["DHL-PAKET", "DPD-DE", "DHL-LABEL"]);
    assert_eq!(
        codes(&labels),
        ["UPS-LABEL", "FEDEX-LABEL", "DHL-LABEL", "ROYALMAIL-LABEL"]
    );
    assert!(
        labels
            .iter()
            .all(|m| m.is_delivery.is_some_and(|flag| flag.is_yes())),
        "express-label channels support labels"
    );
    assert_eq!(codes(&usps), ["USPS-GROUND"]);
    assert_eq!(
        usps[0]
            .open_warehouse
            .as_ref()
            .and_then(|w| w.warehouse_code.as_deref()),
        Some("US-LAX-1")
    );
}

#[tokio::test]
async fn categories_filter_by_name_in_either_language() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let named = |name: &str| CategoryListRequest {
        name: Some(name.to_owned()),
        common_param: Some(CommonParam::page(1, 100)),
        extra: Extra::new(),
    };

    let all = client
        .list_categories(&named(""))
        .await
        .expect("an empty filter lists all");
    let lighting = client.list_categories(&named("light")).await.unwrap();
    let home = client.list_categories(&named("家居")).await.unwrap();

    assert_eq!(
        all.total_count,
        Some(17),
        "the seeded tree has 17 categories"
    );
    assert!(
        all.list
            .iter()
            .filter(|c| c.parent_code.is_some())
            .all(|c| all
                .list
                .iter()
                .any(|p| Some(&p.code) == c.parent_code.as_ref())),
        "every child's parent is in the list"
    );
    assert_eq!(lighting.list.len(), 1);
    assert_eq!(lighting.list[0].code, "HOME-LIGHT");
    let home_codes: Vec<&str> = home.list.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(
        home_codes,
        ["HOME", "HOME-DECOR"],
        "Chinese names match too"
    );
}

#[tokio::test]
async fn countries_page_as_the_spec_says() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    let first = client
        .list_countries(&CountryListRequest::default())
        .await
        .unwrap();
    let last = client
        .list_countries(&CountryListRequest {
            common_param: Some(CommonParam::page(25, 10)),
            ..Default::default()
        })
        .await
        .unwrap();
    let britain = client
        .list_countries(&CountryListRequest {
            code2: Some("GB".to_owned()),
            ..Default::default()
        })
        .await
        .unwrap();
    let everything = client
        .pages::<_, oms_api::common::Country>(
            EndpointId::CountryList,
            CountryListRequest::default(),
            100,
        )
        .all()
        .await
        .unwrap();

    assert_eq!(
        (
            first.page_num,
            first.page_size,
            first.total_count,
            first.total_page
        ),
        (Some(1), Some(10), Some(249), Some(25)),
        "default paging is page 1 of 10"
    );
    assert_eq!(first.list.len(), 10);
    assert_eq!(last.list.len(), 9, "the 25th page holds the last 9");
    assert_eq!(britain.list[0].name.as_deref(), Some("英国"));
    assert_eq!(britain.list[0].name_en.as_deref(), Some("United Kingdom"));
    assert_eq!(
        everything.rows.len(),
        249,
        "walking all pages finds every country"
    );
}

#[tokio::test]
async fn a_page_size_above_100_is_refused_by_client_and_server() {
    let sandbox = start().await;
    let request = CountryListRequest {
        common_param: Some(CommonParam::page(1, 500)),
        ..Default::default()
    };

    let client_side = demo_client(&sandbox).list_countries(&request).await;
    let (status, _, body) = raw(
        reqwest::Method::POST,
        format!("{}/open/common-data/country-list", sandbox.base_url()),
        Some(&demo_token(&sandbox)),
        Some(&serde_json::to_string(&request).unwrap()),
    )
    .await;

    assert!(
        matches!(&client_side, Err(Error::Validation(fields)) if fields[0].field == "commonParam.pageParam.pageSize"),
        "the client refuses before sending: {client_side:?}"
    );
    assert_eq!(status, 200, "validation failures come with HTTP 200");
    assert_eq!(body["success"], false);
    assert!(
        body["errors"][0]
            .as_str()
            .unwrap()
            .starts_with("commonParam.pageParam.pageSize"),
        "the server names the field: {body}"
    );
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once() {
    let sandbox = start().await;

    let (status, _, body) = raw(
        reqwest::Method::POST,
        format!("{}/open/common-data/country-list", sandbox.base_url()),
        Some(&demo_token(&sandbox)),
        Some(r#"{"code2":"UK","commonParam":{"pageParam":{"pageNum":0,"pageSize":0}}}"#),
    )
    .await;

    let errors = body["errors"].as_array().unwrap();
    assert_eq!(status, 200);
    assert_eq!(errors.len(), 3, "code2, pageNum and pageSize: {body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("3 invalid field(s)"),
        "the message summarises: {body}"
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_refused_clearly() {
    let sandbox = start().await;

    let (status, _, body) = raw(
        reqwest::Method::POST,
        format!("{}/open/common-data/warehouse-list", sandbox.base_url()),
        Some(&demo_token(&sandbox)),
        Some("{not json"),
    )
    .await;

    assert_eq!((status, &body["success"]), (200, &json!(false)));
    assert!(body["errors"][0].as_str().unwrap().starts_with("(body)"));
}

#[tokio::test]
async fn return_codes_list_success_first() {
    let sandbox = start().await;

    let codes = demo_client(&sandbox).return_codes().await.unwrap();

    assert_eq!(codes[0].code, "20000");
    assert!(codes.iter().any(|c| c.code == "50100"), "501 is documented");
}

#[tokio::test]
async fn unknown_paths_get_a_404_envelope_and_wrong_methods_a_405() {
    let sandbox = start().await;
    let token = demo_token(&sandbox);

    let (missing, _, missing_body) = raw(
        reqwest::Method::POST,
        format!("{}/open/no-such/thing", sandbox.base_url()),
        Some(&token),
        Some("{}"),
    )
    .await;
    let (wrong, _, wrong_body) = raw(
        reqwest::Method::GET,
        format!("{}/open/common-data/warehouse-list", sandbox.base_url()),
        Some(&token),
        None,
    )
    .await;

    assert_eq!(missing, 404);
    assert_eq!(missing_body["success"], false);
    assert_eq!(wrong, 405);
    assert!(wrong_body["message"].as_str().unwrap().contains("POST"));
}

#[tokio::test]
async fn endpoints_without_a_handler_answer_501() {
    let sandbox = Sandbox::start(SandboxConfig {
        registry: Registry::empty(),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();

    let outcome = demo_client(&sandbox)
        .list_warehouses(&WarehouseListRequest::default())
        .await;

    assert!(
        matches!(&outcome, Err(Error::Api(api)) if api.http_status == 501
            && api.message.contains("not implemented in the sandbox yet")),
        "a missing handler is a clear 501, got {outcome:?}"
    );
}

#[tokio::test]
async fn envelopes_carry_a_fresh_request_id_and_a_duration() {
    let sandbox = start().await;
    let url = format!("{}/open/common-data/warehouse-list", sandbox.base_url());

    let (_, first_header, first) = raw(
        reqwest::Method::POST,
        url.clone(),
        Some(&demo_token(&sandbox)),
        Some("{}"),
    )
    .await;
    let (_, _, second) = raw(
        reqwest::Method::POST,
        url,
        Some(&demo_token(&sandbox)),
        Some("{}"),
    )
    .await;

    let id = first["requestId"].as_str().unwrap();
    assert_eq!(id.len(), 32, "32 hex characters");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(first_header.as_deref(), Some(id));
    assert_ne!(
        first["requestId"], second["requestId"],
        "one id per request"
    );
    assert!(first["duration"].is_number() && first["timestamp"].is_string());
}

/// A request type for the probe handler below.
#[derive(Serialize)]
struct Probe {
    key: String,
}

impl Validate for Probe {
    fn validate(&self, check: &mut Validator) {
        check.required_text("key", Some(&self.key));
    }
}

/// A sandbox whose `product_create` stores a `probe` record, to see whether a call was processed.
async fn start_with_probe() -> RunningSandbox {
    let mut registry = Registry::standard();
    registry.handle(EndpointId::ProductCreate, |call| {
        let key = call.body["key"].as_str().unwrap_or_default().to_owned();
        let now = call.now();
        call.store.write(|db| {
            db.insert_record(&Record {
                kind: "probe".to_owned(),
                key: key.clone(),
                account: call.account_key().to_owned(),
                status: 1,
                reference_no: None,
                body: json!({"key": key}),
                created_at: now.clone(),
                updated_at: now,
            })
        })?;
        Ok(json!({"orderNo": key}))
    });

    Sandbox::start(SandboxConfig {
        registry,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

async fn probe(client: &Client, key: &str) -> Result<Value, Error> {
    client
        .call(
            EndpointId::ProductCreate,
            &Probe {
                key: key.to_owned(),
            },
        )
        .await
}

async fn set_fault(sandbox: &RunningSandbox, kind: &str) {
    admin(
        sandbox,
        "faults",
        json!({"failureRate": 1, "kinds": [kind]}),
    )
    .await;
}

#[tokio::test]
async fn a_registered_handler_stores_records_and_conflicts_are_refused() {
    let sandbox = start_with_probe().await;
    let client = demo_client(&sandbox);

    let created = probe(&client, "P-1").await.expect("the probe is created");
    let again = probe(&client, "P-1").await;

    assert_eq!(created, json!({"orderNo": "P-1"}));
    assert!(
        matches!(&again, Err(Error::Api(api)) if api.code == "40900"),
        "a duplicate key is a conflict, got {again:?}"
    );
    assert_eq!(record_count(&stats(&sandbox).await, "probe"), 1);
}

#[tokio::test]
async fn http500_and_http502_faults_are_html_error_pages() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "http500").await;
    let five_hundred = client.list_warehouses(&Default::default()).await;
    set_fault(&sandbox, "http502").await;
    let bad_gateway = client.list_warehouses(&Default::default()).await;

    assert!(
        matches!(five_hundred, Err(Error::Http { status: 500, .. })),
        "got {five_hundred:?}"
    );
    assert!(
        matches!(bad_gateway, Err(Error::Http { status: 502, .. })),
        "got {bad_gateway:?}"
    );
}

#[tokio::test]
async fn http429_faults_and_the_rate_limit_ask_to_retry_after_one_second() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "http429").await;
    let injected = client.list_warehouses(&Default::default()).await;
    admin(&sandbox, "faults", json!({"rateLimitPerSecond": 1})).await;
    let first = client.list_warehouses(&Default::default()).await;
    let second = client.list_warehouses(&Default::default()).await;

    for outcome in [&injected, &second] {
        assert!(
            matches!(outcome, Err(Error::RateLimited { retry_after: Some(wait), .. })
                if *wait == Duration::from_secs(1)),
            "got {outcome:?}"
        );
    }
    assert!(
        first.is_ok(),
        "the first call in the second passes: {first:?}"
    );
}

#[tokio::test]
async fn api_failure_is_a_refusal_without_processing() {
    let sandbox = start_with_probe().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "api_failure").await;
    let outcome = probe(&client, "P-API").await;

    assert!(
        matches!(&outcome, Err(Error::Api(api)) if api.http_status == 200),
        "got {outcome:?}"
    );
    assert_eq!(
        record_count(&stats(&sandbox).await, "probe"),
        0,
        "nothing was stored"
    );
}

#[tokio::test]
async fn drop_after_processing_stores_the_request_but_breaks_the_connection() {
    let sandbox = start_with_probe().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "drop_after_processing").await;
    let outcome = probe(&client, "P-DROP").await;

    assert!(
        matches!(&outcome, Err(Error::Transport(_))),
        "the client sees a broken connection, got {outcome:?}"
    );
    assert!(
        outcome.as_ref().unwrap_err().outcome_unknown(),
        "and knows the outcome is unknown"
    );
    assert_eq!(
        record_count(&stats(&sandbox).await, "probe"),
        1,
        "the probe was stored anyway"
    );
}

#[tokio::test]
async fn truncated_json_stores_the_request_and_sends_half_an_answer() {
    let sandbox = start_with_probe().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "truncated_json").await;
    let outcome = probe(&client, "P-HALF").await;

    match &outcome {
        Err(error @ Error::Truncated { received, .. }) => assert!(
            *received > 0 && error.outcome_unknown(),
            "half an answer arrived and the outcome is unknown: {error:?}"
        ),
        other => panic!("expected a truncated answer, got {other:?}"),
    }
    assert_eq!(record_count(&stats(&sandbox).await, "probe"), 1);
}

#[tokio::test]
async fn timeout_holds_the_request_beyond_the_client_timeout() {
    let sandbox = start_with_probe().await;
    let impatient = Client::builder(sandbox.base_url(), sandbox.credentials())
        .retry(RetryPolicy::none())
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap();

    set_fault(&sandbox, "timeout").await;
    let outcome = probe(&impatient, "P-SLOW").await;
    let counts = stats(&sandbox).await;
    let started = Instant::now();
    sandbox
        .shutdown()
        .await
        .expect("shutdown ends held requests");

    assert!(matches!(outcome, Err(Error::Timeout(_))), "got {outcome:?}");
    assert_eq!(
        record_count(&counts, "probe"),
        0,
        "a held request is not processed"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "shutdown does not wait for the 120 s hold"
    );
}

#[tokio::test]
async fn latency_delays_business_calls() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    admin(&sandbox, "faults", json!({"latencyMs": 300})).await;
    let started = Instant::now();
    client.list_warehouses(&Default::default()).await.unwrap();

    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn faults_spare_the_public_module_and_stats_count_everything() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    set_fault(&sandbox, "http500").await;
    let welcome = client.welcome().await;
    let failed = client.list_warehouses(&Default::default()).await;
    let counts = stats(&sandbox).await;

    assert!(welcome.is_ok(), "GET calls are never faulted: {welcome:?}");
    assert!(failed.is_err());
    assert_eq!(counts["requests"]["welcome"], 1);
    assert_eq!(counts["requests"]["warehouse_list"], 1);
    assert_eq!(counts["faultsInjected"]["http500"], 1);
    assert_eq!(
        record_count(&counts, "warehouse"),
        3,
        "the data is untouched"
    );
}

#[tokio::test]
async fn a_seed_makes_the_fault_pattern_repeat() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let config = json!({"failureRate": 0.5, "kinds": ["api_failure"], "seed": 42});

    let mut runs = Vec::new();
    for _ in 0..2 {
        admin(&sandbox, "faults", config.clone()).await;
        let mut pattern = Vec::new();
        for _ in 0..12 {
            pattern.push(client.list_warehouses(&Default::default()).await.is_ok());
        }
        runs.push(pattern);
    }

    assert_eq!(runs[0], runs[1], "the same seed fails the same calls");
    assert!(runs[0].contains(&true) && runs[0].contains(&false));
}

#[tokio::test]
async fn bad_fault_settings_are_refused() {
    let sandbox = start().await;

    let (status, _, body) = raw(
        reqwest::Method::POST,
        format!("{}/__sandbox/faults", sandbox.base_url()),
        None,
        Some(r#"{"failureRate": 2}"#),
    )
    .await;

    assert_eq!((status, &body["success"]), (200, &json!(false)));
    assert_eq!(
        body["errors"].as_array().unwrap().len(),
        2,
        "rate out of range and no kinds: {body}"
    );
}

#[tokio::test]
async fn state_survives_a_restart_and_reset_returns_to_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let first = Sandbox::start(SandboxConfig::with_data_dir(dir.path()))
        .await
        .unwrap();
    let stored = first.store().write(|db| {
        db.insert_record(&Record {
            kind: "probe".to_owned(),
            key: "KEEP-ME".to_owned(),
            account: first.demo_api_key().to_owned(),
            status: 2,
            reference_no: Some("REF-KEEP".to_owned()),
            body: json!({"kept": true}),
            created_at: "2025-01-01 00:00:00".to_owned(),
            updated_at: "2025-01-01 00:00:00".to_owned(),
        })
    });
    stored.expect("the record is stored");
    admin(&first, "advance-clock", json!({"minutes": 90})).await;
    first.shutdown().await.unwrap();

    let second = Sandbox::start(SandboxConfig::with_data_dir(dir.path()))
        .await
        .unwrap();
    let after_restart = stats(&second).await;
    admin(&second, "reset", json!({})).await;
    let after_reset = stats(&second).await;

    assert!(dir.path().join("sandbox.db").exists(), "one database file");
    assert_eq!(
        record_count(&after_restart, "probe"),
        1,
        "the record survives"
    );
    assert_eq!(
        record_count(&after_restart, "warehouse"),
        3,
        "the seed is not doubled"
    );
    assert_eq!(
        after_restart["clockOffsetMinutes"], 90,
        "the clock survives"
    );
    assert_eq!(record_count(&after_reset, "probe"), 0, "reset forgets it");
    assert_eq!(
        record_count(&after_reset, "country"),
        249,
        "and seeds again"
    );
    assert_eq!(after_reset["clockOffsetMinutes"], 0);
}

#[tokio::test]
async fn clock_hooks_run_when_the_clock_advances() {
    let mut registry = Registry::standard();
    registry.on_clock_advance(|db, advance| {
        db.set_setting("last_advance", &advance.minutes.to_string())
    });
    let sandbox = Sandbox::start(SandboxConfig {
        registry,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();

    let answer = admin(&sandbox, "advance-clock", json!({"minutes": 1440})).await;
    let seen = sandbox
        .store()
        .read(|db| db.setting("last_advance"))
        .unwrap();

    assert_eq!(seen.as_deref(), Some("1440"), "the hook saw the advance");
    assert_eq!(answer["offsetMinutes"], 1440);
}

/// Kills the child process started by a test, even when an assertion fails.
struct ChildGuard(std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_binary_prints_its_address_and_credentials_and_serves() {
    use std::io::{BufRead, BufReader};

    let dir = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_oms-sandbox"))
        .args([
            "--addr",
            "127.0.0.1:0",
            "--data",
            dir.path().to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut child = ChildGuard(child);
    let stdout = child.0.stdout.take().unwrap();

    let lines: Vec<String> = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .take(3)
            .map(Result::unwrap)
            .collect()
    })
    .await
    .unwrap();
    let base_url = lines[0]
        .strip_prefix("listening on ")
        .expect("the first line names the address");
    let client = Client::builder(
        base_url,
        Credentials::key_and_secret(oms_sandbox::DEMO_API_KEY, oms_sandbox::DEMO_API_SECRET),
    )
    .retry(RetryPolicy::none())
    .build()
    .unwrap();

    assert!(base_url.starts_with("http://127.0.0.1:"), "{lines:?}");
    assert!(lines[1].ends_with(oms_sandbox::DEMO_API_KEY), "{lines:?}");
    assert!(
        lines[2].ends_with(oms_sandbox::DEMO_API_SECRET),
        "{lines:?}"
    );
    client.welcome().await.expect("the binary answers calls");
    assert!(
        dir.path().join("sandbox.db").exists(),
        "state goes to --data"
    );
}

#[tokio::test]
async fn writes_met_by_http_faults_are_not_processed_and_stats_count_orders_per_status() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let fixture = include_str!("../../oms-api/tests/fixtures/requests/b2c_create_reviewed.json");
    let reviewed: oms_api::outbound::B2cOrderCreate = serde_json::from_str(fixture).unwrap();
    let mut pending = reviewed.clone();
    pending.reference_no = format!("{}-PENDING", reviewed.reference_no);

    let mut faulted = Vec::new();
    for kind in ["http500", "http502", "http429"] {
        set_fault(&sandbox, kind).await;
        faulted.push((kind, client.create_reviewed_b2c_order(&reviewed).await));
    }
    let after_faults = stats(&sandbox).await;
    admin(&sandbox, "faults", json!({})).await;
    client
        .create_reviewed_b2c_order(&reviewed)
        .await
        .expect("without a fault the order is created");
    client
        .create_b2c_order(&pending)
        .await
        .expect("a second order, not yet reviewed");
    let listed = client
        .list_b2c_orders(&Default::default())
        .await
        .unwrap()
        .list;
    let counts = stats(&sandbox).await;

    for (kind, outcome) in &faulted {
        assert!(outcome.is_err(), "{kind} fails the call: {outcome:?}");
    }
    assert_eq!(
        record_count(&after_faults, "b2c_order"),
        0,
        "a 500, 502 or 429 answer comes before processing: nothing was stored"
    );
    let mut per_status: Vec<(String, u64)> = counts["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["kind"] == "b2c_order")
        .map(|row| (row["status"].to_string(), row["count"].as_u64().unwrap()))
        .collect();
    per_status.sort();
    let mut expected: Vec<(String, u64)> = listed
        .iter()
        .map(|order| {
            let status = serde_json::to_value(order).unwrap()["status"].clone();
            let code = status
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| status.to_string());
            (code, 1)
        })
        .collect();
    expected.sort();
    assert_eq!(listed.len(), 2);
    assert_ne!(
        expected[0].0, expected[1].0,
        "a reviewed and a pending order: {expected:?}"
    );
    assert_eq!(
        per_status, expected,
        "stats count the orders of each status as the list shows them"
    );
}
