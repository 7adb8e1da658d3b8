//! Platform orders and stores through the real client over HTTP: single and batch creates with
//! their per-order failures, the references that must exist, attachments, stores, and the rule
//! that a store's `authToken` never comes back. Requests the client itself would refuse (a batch
//! with a repeated number) are sent as raw JSON to show the sandbox judges them order by order.

mod support;

use base64::Engine;
use oms_api::endpoints::EndpointId;
use oms_api::files::AnyAttachment;
use oms_api::platform::{
    PlatformAttachmentUpload, PlatformOrderBatch, PlatformOrderCreate, PlatformOrderLine,
    PlatformStoreCreate, StoreAuthToken, StorePlatform,
};
use oms_api::Attachment;
use oms_sandbox::platform_orders::{ORDER_KIND, STORE_KIND};
use oms_sandbox::{RunningSandbox, DEMO_API_KEY};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use support::sandbox::{post_raw_text, refusal, said, start_with_client};

/// A token no answer may ever contain.
const STORE_TOKEN: &str = "amzn-refresh-token-SECRET-7f3a9c";

/// A valid order for `US-LAX-1` carrying the store token.
fn order(platform_order_no: &str) -> PlatformOrderCreate {
    PlatformOrderCreate {
        platform_order_no: platform_order_no.to_owned(),
        total_amount: Some(Decimal::new(25_800, 3)),
        currency_code: Some("USD".to_owned()),
        buyer_name: Some("Jane Doe".to_owned()),
        buyer_email: Some("jane@example.com".to_owned()),
        buyer_postcode: Some("90001".to_owned()),
        buyer_country_code: Some("US".to_owned()),
        order_time: Some("2025-01-02T10:00:00Z".to_owned()),
        auth_token: Some(StoreAuthToken::new(STORE_TOKEN)),
        warehouse_code: "US-LAX-1".to_owned(),
        item_dtos: vec![PlatformOrderLine {
            sku: "SKU-MUG-001".to_owned(),
            product_name: Some("Ceramic mug".to_owned()),
            quantity: Some(2),
            unit_price: Some(Decimal::new(12_900, 3)),
            total_price: Some(Decimal::new(25_800, 3)),
            currency_code: Some("USD".to_owned()),
            ..PlatformOrderLine::default()
        }],
        ..PlatformOrderCreate::default()
    }
}

fn store(code: &str) -> PlatformStoreCreate {
    PlatformStoreCreate {
        store_code: code.to_owned(),
        store_name: "Demo Amazon US".to_owned(),
        platform: Some(StorePlatform::Amazon),
        site_code: Some("US".to_owned()),
        auth_token: Some(StoreAuthToken::new(STORE_TOKEN)),
        ..PlatformStoreCreate::default()
    }
}

/// The platform order numbers stored for the demo account, in insertion order.
fn stored_orders(sandbox: &RunningSandbox) -> Vec<String> {
    sandbox
        .store()
        .read(|db| db.records(ORDER_KIND, DEMO_API_KEY))
        .expect("the store reads")
        .into_iter()
        .map(|record| record.key)
        .collect()
}

async fn stats_count(sandbox: &RunningSandbox, kind: &str) -> u64 {
    let stats: Value = reqwest::get(format!("{}/__sandbox/stats", sandbox.base_url()))
        .await
        .expect("stats answer")
        .json()
        .await
        .expect("stats are JSON");

    oms_sandbox::records_in_stats(&stats["data"], kind)
}

#[tokio::test]
async fn an_order_is_created_once_and_a_duplicate_is_refused_by_number() {
    let (sandbox, client) = start_with_client().await;

    let answer = client
        .create_platform_order(&order("113-0000001"))
        .await
        .expect("a valid order is created");
    let again = refusal(
        client.create_platform_order(&order("113-0000001")).await,
        "the same platformOrderNo twice",
    );

    assert_eq!(answer, "创建成功", "the documented answer");
    assert_eq!(again.code, "40900");
    assert!(
        said(&again).contains("platformOrderNo 113-0000001 already exists"),
        "{}",
        said(&again)
    );
    assert_eq!(stored_orders(&sandbox), ["113-0000001"]);
    assert_eq!(
        stats_count(&sandbox, ORDER_KIND).await,
        1,
        "the stats count platform orders"
    );
}

#[tokio::test]
async fn an_order_names_every_reference_that_does_not_exist() {
    let (sandbox, client) = start_with_client().await;
    sandbox
        .store()
        .write(|db| {
            Ok(db.connection().execute(
                "DELETE FROM records WHERE kind = 'country' AND key = 'HM'",
                [],
            )?)
        })
        .expect("the seed holds every ISO code; one is removed to reach the sandbox's check");
    let mut bad = order("113-0000002");
    bad.warehouse_code = "XX-NOPE-1".to_owned();
    bad.platform_store_code = Some("STORE-GHOST".to_owned());
    bad.shipping_method_code = Some("DHL-PAKET".to_owned());
    bad.buyer_country_code = Some("HM".to_owned());

    let api = refusal(client.create_platform_order(&bad).await, "bad references");

    let errors = api.errors.join("\n");
    for expected in [
        "warehouseCode: 仓库编码不存在 XX-NOPE-1",
        "platformStoreCode: 店铺不存在 STORE-GHOST",
        "shippingMethodCode: 仓库 XX-NOPE-1 没有物流渠道 DHL-PAKET",
        "buyerCountryCode: 国家不存在 HM",
    ] {
        assert!(
            errors.contains(expected),
            "missing `{expected}` in:\n{errors}"
        );
    }
    assert_eq!(api.errors.len(), 4, "every problem at once");
    assert!(stored_orders(&sandbox).is_empty(), "nothing was stored");
}

#[tokio::test]
async fn store_codes_and_channels_are_checked_against_what_exists() {
    let (_sandbox, client) = start_with_client().await;
    let created = client
        .create_platform_store(&store("AMZ-US-1"))
        .await
        .expect("a store is created");
    let duplicate = refusal(
        client.create_platform_store(&store("AMZ-US-1")).await,
        "the same storeCode twice",
    );

    let mut with_store = order("113-0000003");
    with_store.platform_store_code = Some("AMZ-US-1".to_owned());
    with_store.shipping_method_code = Some("USPS-GROUND".to_owned());
    let mut label_channel = order("113-0000004");
    label_channel.shipping_method_code = Some("UPS-LABEL".to_owned());

    assert_eq!(created.store_code, "AMZ-US-1");
    assert_eq!(duplicate.code, "40900");
    assert!(said(&duplicate).contains("storeCode AMZ-US-1 already exists"));
    client
        .create_platform_order(&with_store)
        .await
        .expect("a created store and a logistics channel of the warehouse are accepted");
    let refused_channel = refusal(
        client.create_platform_order(&label_channel).await,
        "an express-label channel on an order",
    );
    assert!(
        said(&refused_channel).contains("UPS-LABEL is not a logistics channel of warehouse"),
        "{}",
        said(&refused_channel)
    );
}

#[tokio::test]
async fn a_batch_stores_the_good_orders_and_fails_exactly_the_bad_ones() {
    let (sandbox, client) = start_with_client().await;
    client
        .create_platform_order(&order("PO-DUP"))
        .await
        .unwrap();
    let mut unknown_warehouse = order("PO-B3");
    unknown_warehouse.warehouse_code = "XX-NOPE-1".to_owned();
    let batch = PlatformOrderBatch(vec![
        order("PO-B1"),
        order("PO-DUP"),
        unknown_warehouse,
        order("PO-B4"),
        order("PO-B5"),
    ]);

    let result = client
        .create_platform_orders(&batch)
        .await
        .expect("a batch answers with a bulk result even when some orders fail");

    assert_eq!(
        (result.total_qty, result.success_qty, result.fail_qty),
        (5, 3, 2)
    );
    let succeeded: Vec<&str> = result.success_list.iter().map(|item| item.key()).collect();
    assert_eq!(succeeded, ["PO-B1", "PO-B4", "PO-B5"]);
    let failed: Vec<(&str, &str)> = result
        .fail_list
        .iter()
        .map(|item| (item.key(), item.message.as_str()))
        .collect();
    assert_eq!(failed[0].0, "PO-DUP");
    assert!(
        failed[0].1.contains("PO-DUP already exists"),
        "{}",
        failed[0].1
    );
    assert_eq!(failed[1].0, "PO-B3");
    assert!(
        failed[1]
            .1
            .contains("[2].warehouseCode: 仓库编码不存在 XX-NOPE-1"),
        "the reason names the order's field: {}",
        failed[1].1
    );
    assert!(
        result
            .fail_list
            .iter()
            .all(|item| item.platform_order_no.is_some() && item.order_no.is_empty()),
        "platform results name platformOrderNo"
    );
    assert_eq!(
        stored_orders(&sandbox),
        ["PO-DUP", "PO-B1", "PO-B4", "PO-B5"],
        "the three good orders are stored, the bad ones are not"
    );
    assert_eq!(stats_count(&sandbox, ORDER_KIND).await, 4);
}

#[tokio::test]
async fn the_sandbox_judges_a_raw_batch_order_by_order() {
    let (sandbox, _client) = start_with_client().await;
    let good = serde_json::to_value(order("RAW-1")).unwrap();
    let mut bad_email = serde_json::to_value(order("RAW-2")).unwrap();
    bad_email["buyerEmail"] = json!("not-an-email");
    let repeated = serde_json::to_value(order("RAW-1")).unwrap();

    let answer = post_raw_text(
        &sandbox,
        EndpointId::PlatformOrderCreateBatch,
        &json!([good, bad_email, repeated]),
    )
    .await;
    let empty = post_raw_text(&sandbox, EndpointId::PlatformOrderCreateBatch, &json!([])).await;
    let too_many: Vec<Value> = (0..101)
        .map(|n| serde_json::to_value(order(&format!("BIG-{n}"))).unwrap())
        .collect();
    let oversized = post_raw_text(
        &sandbox,
        EndpointId::PlatformOrderCreateBatch,
        &Value::Array(too_many),
    )
    .await;

    let answer: Value = serde_json::from_str(&answer).unwrap();
    let data = &answer["data"];
    assert_eq!(answer["success"], true, "{answer}");
    assert_eq!(
        (data["successQty"].as_u64(), data["failQty"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(
        data["failList"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("[1].buyerEmail"),
        "a field problem fails its order only: {data}"
    );
    assert_eq!(data["failList"][1]["platformOrderNo"], "RAW-1");
    assert!(
        data["failList"][1]["message"]
            .as_str()
            .unwrap()
            .contains("repeats order [0] of this batch"),
        "a repeated number in the batch fails the repeat: {data}"
    );
    assert_eq!(stored_orders(&sandbox), ["RAW-1"]);
    let empty: Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(
        empty["success"], false,
        "an empty batch is refused: {empty}"
    );
    assert!(empty["errors"][0].as_str().unwrap().starts_with("(body)"));
    let oversized: Value = serde_json::from_str(&oversized).unwrap();
    assert_eq!(oversized["success"], false, "101 orders are refused whole");
    assert!(
        oversized["errors"][0]
            .as_str()
            .unwrap()
            .contains("this one has 101"),
        "{oversized}"
    );
    assert_eq!(
        stored_orders(&sandbox),
        ["RAW-1"],
        "nothing of a refused batch is stored"
    );
}

#[tokio::test]
async fn attachments_are_stored_for_an_existing_order_only() {
    let (sandbox, client) = start_with_client().await;
    client
        .create_platform_order(&order("113-ATT"))
        .await
        .unwrap();
    let content = b"%PDF-1.4 invoice for 113-ATT".to_vec();
    let upload = |number: &str| PlatformAttachmentUpload {
        platform_order_no: number.to_owned(),
        attachment_open_dtos: vec![AnyAttachment(Attachment {
            attachment_type: "OTHER".to_owned(),
            base64: base64::engine::general_purpose::STANDARD.encode(&content),
            file_name: "invoice.pdf".to_owned(),
            ..Attachment::default()
        })],
        ..PlatformAttachmentUpload::default()
    };

    let answer = client
        .upload_platform_attachments(&upload("113-ATT"))
        .await
        .expect("an existing order takes attachments");
    let missing = refusal(
        client
            .upload_platform_attachments(&upload("113-NONE"))
            .await,
        "attachments for an unknown order",
    );
    let stored = sandbox
        .store()
        .read(|db| db.attachments(DEMO_API_KEY, (ORDER_KIND, "113-ATT")))
        .unwrap();

    assert!(answer.contains("上传成功"), "{answer}");
    assert_eq!(missing.code, "40400");
    assert!(said(&missing).contains("113-NONE"), "{}", said(&missing));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].bytes, content, "the decoded bytes are kept");
    assert_eq!(
        (stored[0].file_name.as_str(), stored[0].file_type.as_str()),
        ("invoice.pdf", "PDF")
    );
}

#[tokio::test]
async fn the_store_token_is_never_answered_or_stored() {
    let (sandbox, _client) = start_with_client().await;
    let with_token = serde_json::to_value(order("TOK-1")).unwrap();
    let mut bad_warehouse = serde_json::to_value(order("TOK-2")).unwrap();
    bad_warehouse["warehouseCode"] = json!("XX-NOPE-1");
    let store_body = serde_json::to_value(store("TOK-STORE")).unwrap();
    assert_eq!(
        with_token["authToken"], STORE_TOKEN,
        "the requests carry the token"
    );

    let answers = [
        post_raw_text(&sandbox, EndpointId::PlatformOrderCreate, &with_token).await,
        post_raw_text(&sandbox, EndpointId::PlatformOrderCreate, &with_token).await,
        post_raw_text(&sandbox, EndpointId::PlatformOrderCreate, &bad_warehouse).await,
        post_raw_text(
            &sandbox,
            EndpointId::PlatformOrderCreateBatch,
            &json!([with_token, bad_warehouse]),
        )
        .await,
        post_raw_text(&sandbox, EndpointId::PlatformStoreCreate, &store_body).await,
        post_raw_text(&sandbox, EndpointId::PlatformStoreCreate, &store_body).await,
    ];
    let bodies: Vec<String> = sandbox
        .store()
        .read(|db| {
            Ok([
                db.records(ORDER_KIND, DEMO_API_KEY)?,
                db.records(STORE_KIND, DEMO_API_KEY)?,
            ])
        })
        .unwrap()
        .concat()
        .into_iter()
        .map(|record| record.body.to_string())
        .collect();

    for answer in &answers {
        assert!(
            !answer.contains(STORE_TOKEN),
            "an answer echoed the token: {answer}"
        );
    }
    assert!(
        answers[1].contains("already exists"),
        "the duplicate was answered"
    );
    assert_eq!(
        bodies.len(),
        3,
        "one order and one store were stored, beside the seeded demo store"
    );
    for body in &bodies {
        assert!(
            !body.contains(STORE_TOKEN),
            "a stored body holds the token: {body}"
        );
        assert!(
            !body.contains("authToken"),
            "no token field is stored: {body}"
        );
    }
}
