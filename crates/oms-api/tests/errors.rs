//! How the client reads every kind of answer a real OMS, proxy or broken network gives, and when
//! it retries: the cases a seller meets on a bad day, each with its own readable error.

mod support;

use oms_api::bulk::{CancelRequest, LabelFileRequest};
use oms_api::common::{Warehouse, WarehouseListRequest};
use oms_api::endpoints::EndpointId;
use oms_api::{Client, Credentials, Error, Page, RetryPolicy};
use serde_json::json;
use std::time::Duration;
use support::{Reply, TestServer};

const WAREHOUSES: &str = "/open/common-data/warehouse-list";
const CANCEL: &str = "/open/outbound-order-data/cancel";

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(2),
    }
}

async fn client_for(server: &TestServer) -> Client {
    Client::builder(&server.base_url, Credentials::token("test-token"))
        .retry(fast_retries())
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap()
}

async fn list_warehouses(client: &Client) -> Result<Page<Warehouse>, Error> {
    client
        .list_warehouses(&WarehouseListRequest::default())
        .await
}

fn cancel_request() -> CancelRequest {
    CancelRequest {
        order_nos: vec!["OB0001".into()],
        ..CancelRequest::default()
    }
}

#[tokio::test]
async fn success_false_gives_an_api_error_with_every_reason_and_the_request_id() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::envelope(json!({
            "code": "40001", "success": false, "data": null, "message": "参数错误",
            "errors": ["warehouseCode 不存在", "pageSize 过大"], "requestId": "feedfacefeedfacefeedfacefeedface"
        })),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}")
    };
    assert_eq!(api.code, "40001");
    assert_eq!(api.errors, ["warehouseCode 不存在", "pageSize 过大"]);
    assert_eq!(error.request_id(), Some("feedfacefeedfacefeedfacefeedface"));
    assert!(error.zh().contains("参数错误") && error.zh().contains("feedface"));
    assert_eq!(
        server.requests().len(),
        1,
        "a refusal is an answer: no retry"
    );
}

#[tokio::test]
async fn a_numeric_code_and_unknown_envelope_fields_are_accepted() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::envelope(json!({
            "code": 50000, "success": false, "message": "系统繁忙", "errors": null,
            "traceId": "x", "requestId": "abc"
        })),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    let Error::Api(api) = error else {
        panic!("expected an API error")
    };
    assert_eq!(api.code, "50000", "a numeric code is kept as text");
    assert!(api.errors.is_empty());
}

#[tokio::test]
async fn a_huge_errors_list_is_kept_whole_but_summarised_in_messages() {
    let server = TestServer::start().await;
    let reasons: Vec<String> = (0..20_000)
        .map(|i| format!("第 {i} 行 SKU 不存在"))
        .collect();
    server.always(
        WAREHOUSES,
        Reply::envelope(
            json!({"code": "400", "success": false, "message": "批量校验失败", "errors": reasons}),
        ),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    let Error::Api(api) = &error else {
        panic!("expected an API error")
    };
    assert_eq!(api.errors.len(), 20_000, "no reason is lost");
    assert!(
        error.to_string().len() < 500,
        "the one-line message stays short"
    );
}

#[tokio::test]
async fn an_html_500_page_is_an_http_error_with_readable_text_and_reads_are_retried() {
    let server = TestServer::start().await;
    let page = "<html><body><h1>500 Internal Server Error</h1><p>nginx</p></body></html>";
    server.always(WAREHOUSES, Reply::raw(500, "text/html", page));
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    match &error {
        Error::Http {
            status: 500,
            snippet,
            ..
        } => assert!(snippet.contains("500 Internal Server Error")),
        other => panic!("expected HTTP 500, got {other:?}"),
    }
    assert_eq!(
        server.requests().len(),
        3,
        "a read is tried max_attempts times"
    );
}

#[tokio::test]
async fn a_read_recovers_when_the_server_recovers() {
    let server = TestServer::start().await;
    server.queue(
        WAREHOUSES,
        Reply::raw(502, "text/html", "<h1>502 Bad Gateway</h1>"),
    );
    server.queue(WAREHOUSES, Reply::raw(503, "text/plain", "busy"));
    server.always(
        WAREHOUSES,
        Reply::Data(json!({"list": [{"warehouseCode": "US-LAX-1"}], "totalCount": "1"})),
    );
    let client = client_for(&server).await;

    let page = list_warehouses(&client).await.expect("third try succeeds");

    assert_eq!(page.list[0].warehouse_code, "US-LAX-1");
    assert_eq!(
        page.total_count,
        Some(1),
        "a count sent as a string is read"
    );
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_write_is_never_retried_after_a_server_error() {
    let server = TestServer::start().await;
    server.always(CANCEL, Reply::raw(500, "text/html", "<h1>oops</h1>"));
    let client = client_for(&server).await;

    let error = client
        .cancel_outbound_orders(&cancel_request())
        .await
        .unwrap_err();

    assert!(
        matches!(error, Error::Http { status: 500, .. }),
        "{error:?}"
    );
    assert!(
        error.outcome_unknown(),
        "a 500 on a write may have been carried out"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "a write must not be resent blindly"
    );
}

#[tokio::test]
async fn http_429_is_retried_for_reads_after_retry_after_and_reported_for_writes() {
    let server = TestServer::start().await;
    let limited = Reply::Raw {
        status: 429,
        content_type: "application/json".into(),
        headers: vec![("Retry-After".into(), "0".into())],
        body: br#"{"success":false,"message":"too many"}"#.to_vec(),
    };
    server.queue(WAREHOUSES, limited.clone());
    server.always(WAREHOUSES, Reply::Data(json!({"list": []})));
    server.always(CANCEL, limited);
    let client = client_for(&server).await;

    list_warehouses(&client)
        .await
        .expect("the read waits and succeeds");
    let error = client
        .cancel_outbound_orders(&cancel_request())
        .await
        .unwrap_err();

    assert!(
        matches!(error, Error::RateLimited { retry_after: Some(d), .. } if d.is_zero()),
        "{error:?}"
    );
    assert_eq!(server.requests_to(WAREHOUSES).len(), 2);
    assert_eq!(server.requests_to(CANCEL).len(), 1);
}

#[tokio::test]
async fn a_retry_after_longer_than_allowed_is_not_waited_for() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::Raw {
            status: 429,
            content_type: "text/plain".into(),
            headers: vec![("Retry-After".into(), "3600".into())],
            body: b"slow down".to_vec(),
        },
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    assert!(
        matches!(error, Error::RateLimited { retry_after: Some(d), .. } if d.as_secs() == 3600)
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn an_html_page_with_status_200_is_not_json() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::raw(200, "text/html", "<html><title>Login</title></html>"),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    assert!(
        matches!(&error, Error::NotJson { status: 200, content_type, .. } if content_type == "text/html"),
        "{error:?}"
    );
}

#[tokio::test]
async fn truncated_json_is_its_own_error_and_keeps_the_request_id() {
    let server = TestServer::start().await;
    let cut = r#"{"code":"20000","success":true,"requestId":"cafe0000cafe0000cafe0000cafe0000","data":{"list":[{"warehouseCode":"US"#;
    server.always(WAREHOUSES, Reply::raw(200, "application/json", cut));
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    assert!(matches!(error, Error::Truncated { .. }), "{error:?}");
    assert_eq!(error.request_id(), Some("cafe0000cafe0000cafe0000cafe0000"));
    assert_eq!(server.requests().len(), 3, "a cut-off read is retried");
}

#[tokio::test]
async fn json_of_the_wrong_shape_names_the_path() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::Data(json!({"list": [{"warehouseCode": {"nested": true}}]})),
    );
    server.queue(
        "/open/outbound-order-data/b2c/list",
        Reply::envelope(json!({"data": 1})),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    match &error {
        Error::Shape {
            path, request_id, ..
        } => {
            assert_eq!(path, "data.list[0].warehouseCode");
            assert!(request_id.is_some());
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[tokio::test]
async fn unknown_fields_in_answers_are_kept() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::Data(
            json!({"list": [{"warehouseCode": "US-LAX-1", "timezone": "America/Los_Angeles",
            "openCountry": {"code2": "US", "flag": "🇺🇸"}}], "cursor": "abc"}),
        ),
    );
    let client = client_for(&server).await;

    let page = list_warehouses(&client).await.unwrap();

    assert_eq!(page.extra["cursor"], "abc");
    assert_eq!(page.list[0].extra["timezone"], "America/Los_Angeles");
    assert_eq!(
        page.list[0].open_country.as_ref().unwrap().extra["flag"],
        "🇺🇸"
    );
}

#[tokio::test]
async fn a_slow_read_times_out_and_is_retried() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::Delayed(Duration::from_secs(5), Box::new(Reply::Data(json!({})))),
    );
    let client = client_for(&server).await;

    let error = list_warehouses(&client).await.unwrap_err();

    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(error.outcome_unknown());
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_closed_port_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::builder(&format!("http://{address}"), Credentials::token("t"))
        .retry(fast_retries())
        .build()
        .unwrap();

    let error = client
        .cancel_outbound_orders(&cancel_request())
        .await
        .unwrap_err();

    assert!(matches!(error, Error::Connect(_)), "{error:?}");
    assert!(
        !error.outcome_unknown(),
        "nothing reached the server, so a resend is safe"
    );
}

#[tokio::test]
async fn validation_failures_send_nothing() {
    let server = TestServer::start().await;
    let client = client_for(&server).await;

    let error = client
        .cancel_outbound_orders(&CancelRequest::default())
        .await
        .unwrap_err();

    assert_eq!(error.field_errors()[0].field, "orderNos");
    assert!(
        server.requests().is_empty(),
        "nothing may be sent when validation fails"
    );
}

#[tokio::test]
async fn bad_base_urls_and_empty_tokens_are_refused_up_front() {
    assert!(matches!(
        Client::new("oms-api.zbao56.com", Credentials::token("t")),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        Client::new("ftp://x", Credentials::token("t")),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        Client::new("https://x", Credentials::token(" ")),
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn the_page_walker_stops_on_the_last_page() {
    let server = TestServer::start().await;
    for page in 1..=3 {
        let rows: Vec<_> = (0..if page < 3 { 2 } else { 1 })
            .map(|i| json!({"warehouseCode": format!("W{page}-{i}")}))
            .collect();
        server.queue(WAREHOUSES, Reply::Data(json!({"pageNum": page, "pageSize": 2, "totalCount": 5, "totalPage": 3, "list": rows})));
    }
    let client = client_for(&server).await;

    let all = client
        .pages::<_, Warehouse>(
            EndpointId::WarehouseList,
            WarehouseListRequest::default(),
            2,
        )
        .all()
        .await
        .unwrap();

    assert_eq!(all.rows.len(), 5);
    assert_eq!(all.total_count, Some(5));
    assert!(!all.capped);
    let pages: Vec<u64> = server
        .requests()
        .iter()
        .map(|r| {
            r.json()["commonParam"]["pageParam"]["pageNum"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(pages, [1, 2, 3]);
}

#[tokio::test]
async fn the_page_walker_stops_at_its_cap_when_the_server_never_ends() {
    let server = TestServer::start().await;
    server.always(
        WAREHOUSES,
        Reply::Data(
            json!({"totalPage": 999_999, "list": [{"warehouseCode": "A"}, {"warehouseCode": "B"}]}),
        ),
    );
    let client = client_for(&server).await;

    let all = client
        .pages::<_, Warehouse>(
            EndpointId::WarehouseList,
            WarehouseListRequest::default(),
            2,
        )
        .with_cap(4)
        .all()
        .await
        .unwrap();

    assert!(all.capped, "the walk says it stopped early");
    assert_eq!(server.requests().len(), 4);
    assert_eq!(all.rows.len(), 8);
}

#[tokio::test]
async fn downloads_accept_inline_base64_and_raw_pdf_bodies_and_save_atomically() {
    let server = TestServer::start().await;
    let path = "/open/asn-order-data/box-label";
    server.queue(path, Reply::Data(json!({"fileName": "IB1-box.pdf", "fileType": "PDF", "base64": "data:application/pdf;base64,JVBERi0xLjQKJSVFT0Y="})));
    server.queue(path, Reply::raw(200, "application/pdf", "%PDF-1.7\n%%EOF"));
    let client = client_for(&server).await;
    let request = LabelFileRequest {
        order_no: "IB1".into(),
        ..LabelFileRequest::default()
    };
    let folder = tempfile::tempdir().unwrap();

    let inline = client
        .download(EndpointId::InboundBoxLabels, &request)
        .await
        .unwrap();
    let raw = client
        .download(EndpointId::InboundBoxLabels, &request)
        .await
        .unwrap();
    let size = inline.save(&folder.path().join("labels.pdf")).unwrap();

    assert_eq!(inline.bytes, b"%PDF-1.4\n%%EOF");
    assert_eq!(inline.file_name.as_deref(), Some("IB1-box.pdf"));
    assert_eq!(raw.bytes, b"%PDF-1.7\n%%EOF");
    assert_eq!(size, 14);
    assert_eq!(
        std::fs::read(folder.path().join("labels.pdf")).unwrap(),
        b"%PDF-1.4\n%%EOF"
    );
}
