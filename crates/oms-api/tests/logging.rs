//! Logs must say what happened (endpoint, status, request id) and never the token or the secret,
//! at any level, including what the HTTP stack below us logs.

mod support;

use oms_api::common::WarehouseListRequest;
use oms_api::{Client, Credentials};
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};
use support::{Reply, TestServer};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn no_log_line_at_any_level_contains_a_token_or_the_secret() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .finish();
    tracing_subscriber::util::SubscriberInitExt::try_init(subscriber)
        .expect("this test binary installs the only global subscriber, bridging `log` records too");
    let server = TestServer::start().await;
    server.always("/open", Reply::Data("welcome".into()));
    server.always(
        "/open/common-data/warehouse-list",
        Reply::Data(json!({"list": []})),
    );
    let fixed = "FIXED-TOKEN-abc123-do-not-log";
    let secret = "SECRET-never-in-logs-42";

    Client::new(&server.base_url, Credentials::token(fixed))
        .unwrap()
        .welcome()
        .await
        .unwrap();
    let minting = Client::new(
        &server.base_url,
        Credentials::key_and_secret("key-log", secret),
    )
    .unwrap();
    minting
        .list_warehouses(&WarehouseListRequest::default())
        .await
        .unwrap();
    let debug_of_credentials = format!("{:?}", Credentials::key_and_secret("k", secret));

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("0123456789abcdef0123456789abcdef"),
        "the request id is logged:\n{logs}"
    );
    assert!(
        logs.contains("/open/common-data/warehouse-list"),
        "the path is logged"
    );
    assert!(
        !logs.contains(fixed),
        "a ready-made token leaked into the logs"
    );
    assert!(!logs.contains(secret), "the secret leaked into the logs");
    for request in server.requests() {
        let token = request.authorization.expect("each request had a token");
        assert!(
            !logs.contains(&token),
            "a minted token leaked into the logs"
        );
    }
    assert!(
        !debug_of_credentials.contains(secret),
        "Debug of credentials shows the secret"
    );
}
