//! The returns module of the sandbox over real HTTP with the typed `oms_api::Client`: a return of
//! a shipped order received and restocked on the simulated clock, destroy and inspect handling,
//! and every refusal with the field or status it names.

mod support;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::bulk::CancelRequest;
use oms_api::files::AnyAttachment;
use oms_api::outbound::{B2cOrderCreate, OutboundLine};
use oms_api::returns::{
    HandleType, ReturnLine, ReturnListRequest, ReturnOrder, ReturnOrderCreate, ReturnOrderUpdate,
    ReturnStatus, ReturnType,
};
use oms_api::{Attachment, Client};
use oms_sandbox::{RunningSandbox, DEMO_API_KEY};
use support::sandbox::{advance_clock, fields, refusal, start_with_client, stock};

/// Seeded sellable stock of SKU-MUG-001 in US-LAX-1 (see `seed.rs`).
const MUG_IN_LAX: i64 = 20;

/// A B2C order of `qty` mugs, reviewed, then shipped by moving the clock a day.
async fn shipped_mugs(sandbox: &RunningSandbox, client: &Client, qty: i64) -> String {
    let order = B2cOrderCreate {
        reference_no: format!("SO-SHIP-{qty}"),
        contact_name: "Ada Buyer".to_owned(),
        city: "Los Angeles".to_owned(),
        address: "1 Main Street".to_owned(),
        postcode: "90001".to_owned(),
        warehouse_code: "US-LAX-1".to_owned(),
        shipping_method_code: "USPS-GROUND".to_owned(),
        code2: "US".to_owned(),
        items: vec![OutboundLine {
            product_sku: "SKU-MUG-001".to_owned(),
            qty,
            ..OutboundLine::default()
        }],
        ..B2cOrderCreate::default()
    };
    let created = client
        .create_reviewed_b2c_order(&order)
        .await
        .expect("the outbound order is created");

    advance_clock(sandbox, 24 * 60).await;
    created.order_no
}

fn return_of(reference_no: &str, qty: i64, handle: HandleType) -> ReturnOrderCreate {
    ReturnOrderCreate {
        reference_no: reference_no.to_owned(),
        warehouse_code: "US-LAX-1".to_owned(),
        tracking_no: Some(format!("1Z-{reference_no}")),
        return_type: Some(ReturnType::BuyerReturn),
        handle_type: Some(handle),
        items: vec![ReturnLine {
            product_sku: "SKU-MUG-001".to_owned(),
            qty,
            ..ReturnLine::default()
        }],
        ..ReturnOrderCreate::default()
    }
}

async fn return_by_number(client: &Client, order_no: &str) -> ReturnOrder {
    let mut found = client
        .list_return_orders(&ReturnListRequest {
            order_no: Some(order_no.to_owned()),
            ..ReturnListRequest::default()
        })
        .await
        .expect("the return list works")
        .list;

    assert_eq!(found.len(), 1, "exactly one return {order_no}");
    found.remove(0)
}

#[tokio::test]
async fn a_restocked_return_of_a_shipped_order_raises_sellable_stock() {
    let (sandbox, client) = start_with_client().await;
    let outbound = shipped_mugs(&sandbox, &client, 3).await;
    let before = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    let mut request = return_of("RMA-1", 2, HandleType::Restock);
    request.outbound_order_no = Some(outbound.clone());
    request.attachments = vec![AnyAttachment(Attachment {
        attachment_type: "PHOTO".to_owned(),
        base64: BASE64.encode(b"\x89PNG\r\n\x1a\nphoto"),
        file_name: "parcel.png".to_owned(),
        ..Attachment::default()
    })];
    let created = client
        .create_return_order(&request)
        .await
        .expect("a return of a shipped order is created");
    let pending = return_by_number(&client, &created.order_no).await;

    assert!(created.order_no.starts_with("RT"), "{}", created.order_no);
    assert_eq!(before.sale_qty, MUG_IN_LAX - 3, "3 mugs shipped");
    assert_eq!(pending.status, Some(ReturnStatus::PendingReview));
    assert_eq!(
        pending.outbound_order_no.as_deref(),
        Some(outbound.as_str())
    );
    assert_eq!(pending.attachments.len(), 1, "the photo is listed");
    assert_eq!(
        pending.attachments[0].file_name.as_deref(),
        Some("parcel.png")
    );
    assert!(
        pending.attachments[0].base64.is_none(),
        "lists carry no bytes"
    );

    advance_clock(&sandbox, 30).await;
    assert_eq!(
        return_by_number(&client, &created.order_no).await.status,
        Some(ReturnStatus::Reviewed)
    );

    advance_clock(&sandbox, 60).await;
    let received = return_by_number(&client, &created.order_no).await;
    assert_eq!(received.status, Some(ReturnStatus::Received));
    assert_eq!(received.items[0].received_qty, Some(2));
    assert_eq!(
        stock(&sandbox, "US-LAX-1", "SKU-MUG-001").sale_qty,
        before.sale_qty,
        "received is not yet handled: nothing sellable yet"
    );

    advance_clock(&sandbox, 60).await;
    let handled = return_by_number(&client, &created.order_no).await;
    let after = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");
    let movements: Vec<(i64, i64, i64)> = sandbox
        .store()
        .read(|db| db.stock_movements(DEMO_API_KEY))
        .unwrap()
        .into_iter()
        .filter(|m| m.order_no.as_deref() == Some(created.order_no.as_str()))
        .map(|m| (m.biz_type, m.opt_type, m.opt_qty))
        .collect();

    assert_eq!(handled.status, Some(ReturnStatus::Handled));
    assert_eq!(
        (after.sale_qty, after.return_qty, after.good_return_qty),
        (before.sale_qty + 2, 2, 2),
        "restock: sellable, returned and good-returned up by 2"
    );
    assert_eq!(after.destroy_qty, 0);
    assert_eq!(
        movements,
        [(6, 1, 2), (6, 1, 2), (6, 1, 2)],
        "return put-away movements (bizType 6): returned, good returned, sellable"
    );
}

#[tokio::test]
async fn destroy_and_inspect_never_make_stock_sellable() {
    let (sandbox, client) = start_with_client().await;
    let before = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    client
        .create_reviewed_return_order(&return_of("RMA-D", 2, HandleType::Destroy))
        .await
        .expect("a reviewed return is created");
    client
        .create_reviewed_return_order(&return_of("RMA-I", 1, HandleType::InspectFirst))
        .await
        .expect("a reviewed return is created");
    advance_clock(&sandbox, 24 * 60).await;
    let after = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    assert_eq!(after.sale_qty, before.sale_qty, "nothing becomes sellable");
    assert_eq!(after.destroy_qty, 2, "destroyed pieces are counted");
    assert_eq!(after.bad_qty, 1, "inspected pieces wait aside as damaged");
    assert_eq!(after.return_qty, 3, "both returns count as returned");
    assert_eq!(after.good_return_qty, 0);
}

#[tokio::test]
async fn the_outbound_order_must_exist_and_have_shipped() {
    let (_sandbox, client) = start_with_client().await;
    let pending_outbound = client
        .create_b2c_order(&B2cOrderCreate {
            reference_no: "SO-PENDING".to_owned(),
            contact_name: "Ada".to_owned(),
            city: "LA".to_owned(),
            address: "1 Main".to_owned(),
            postcode: "90001".to_owned(),
            warehouse_code: "US-LAX-1".to_owned(),
            shipping_method_code: "USPS-GROUND".to_owned(),
            code2: "US".to_owned(),
            items: vec![OutboundLine {
                product_sku: "SKU-MUG-001".to_owned(),
                qty: 1,
                ..OutboundLine::default()
            }],
            ..B2cOrderCreate::default()
        })
        .await
        .unwrap();

    let mut unknown = return_of("RMA-U", 1, HandleType::Restock);
    unknown.outbound_order_no = Some("OB-NOPE".to_owned());
    let mut not_shipped = return_of("RMA-N", 1, HandleType::Restock);
    not_shipped.outbound_order_no = Some(pending_outbound.order_no.clone());

    let unknown = refusal(client.create_return_order(&unknown).await, "unknown order");
    let not_shipped = refusal(
        client.create_return_order(&not_shipped).await,
        "an order not shipped",
    );

    assert_eq!(fields(&unknown), ["outboundOrderNo"], "{unknown:?}");
    assert!(unknown.errors[0].contains("OB-NOPE"), "{unknown:?}");
    assert_eq!(fields(&not_shipped), ["outboundOrderNo"], "{not_shipped:?}");
    assert!(
        not_shipped.errors[0].contains("待审核")
            && not_shipped.errors[0].contains("pending review"),
        "the refusal names the outbound order's status: {not_shipped:?}"
    );
}

#[tokio::test]
async fn unknown_warehouse_and_sku_are_named_by_field() {
    let (_sandbox, client) = start_with_client().await;
    let mut request = return_of("RMA-X", 1, HandleType::Restock);
    request.warehouse_code = "XX-NOPE-1".to_owned();
    request.items.push(ReturnLine {
        product_sku: "SKU-NOPE-404".to_owned(),
        qty: 1,
        ..ReturnLine::default()
    });

    let api = refusal(
        client.create_return_order(&request).await,
        "unknown references",
    );

    assert_eq!(
        fields(&api),
        ["warehouseCode", "itemDTOs[1].productSku"],
        "{api:?}"
    );
}

#[tokio::test]
async fn a_duplicate_reference_names_the_existing_return() {
    let (_sandbox, client) = start_with_client().await;
    let first = client
        .create_return_order(&return_of("RMA-DUP", 1, HandleType::Restock))
        .await
        .unwrap();

    let api = refusal(
        client
            .create_return_order(&return_of("RMA-DUP", 1, HandleType::Restock))
            .await,
        "a second RMA-DUP",
    );

    assert_eq!(api.code, "40900");
    assert!(api.message.contains(&first.order_no), "{api:?}");
}

#[tokio::test]
async fn update_and_cancel_only_before_the_parcel_is_received() {
    let (sandbox, client) = start_with_client().await;
    let early = client
        .create_reviewed_return_order(&return_of("RMA-E", 1, HandleType::Restock))
        .await
        .unwrap();
    advance_clock(&sandbox, 60).await;
    let pending = client
        .create_return_order(&return_of("RMA-P", 1, HandleType::Restock))
        .await
        .unwrap();

    let mut changed = return_of("RMA-P", 4, HandleType::Destroy);
    changed.remark = Some("four mugs after all".to_owned());
    client
        .update_return_order(&ReturnOrderUpdate {
            order_no: pending.order_no.clone(),
            order: changed,
        })
        .await
        .expect("a pending return can be updated");
    let updated = return_by_number(&client, &pending.order_no).await;
    let late = refusal(
        client
            .update_return_order(&ReturnOrderUpdate {
                order_no: early.order_no.clone(),
                order: return_of("RMA-E", 2, HandleType::Restock),
            })
            .await,
        "update of a received return",
    );
    let unknown = refusal(
        client
            .update_return_order(&ReturnOrderUpdate {
                order_no: "RT-NOPE".to_owned(),
                order: return_of("RMA-Q", 1, HandleType::Restock),
            })
            .await,
        "update of an unknown return",
    );
    assert_eq!(unknown.code, "40400", "{unknown:?}");
    let bulk = client
        .cancel_return_orders(&CancelRequest {
            order_nos: vec![
                early.order_no.clone(),
                "RT-NOPE".to_owned(),
                pending.order_no.clone(),
            ],
            ..CancelRequest::default()
        })
        .await
        .expect("cancel answers with per-order results");

    assert_eq!(updated.items[0].qty, Some(4));
    assert_eq!(updated.handle_type, Some(HandleType::Destroy));
    assert_eq!(updated.status, Some(ReturnStatus::PendingReview));
    assert_eq!(late.code, "40900", "{late:?}");
    assert!(
        late.message.contains("已收货") && late.message.contains("received"),
        "the refusal names the status: {late:?}"
    );
    assert_eq!((bulk.success_qty, bulk.fail_qty), (1, 2), "{bulk:?}");
    assert_eq!(bulk.success_list[0].order_no, pending.order_no);
    let failed: Vec<&str> = bulk.fail_list.iter().map(|f| f.order_no.as_str()).collect();
    assert_eq!(failed, [early.order_no.as_str(), "RT-NOPE"]);
    assert!(bulk.fail_list[0].message.contains("received"), "{bulk:?}");
    assert_eq!(
        return_by_number(&client, &pending.order_no).await.status,
        Some(ReturnStatus::Cancelled)
    );

    advance_clock(&sandbox, 24 * 60).await;
    assert_eq!(
        stock(&sandbox, "US-LAX-1", "SKU-MUG-001").destroy_qty,
        0,
        "a cancelled return is never handled"
    );
}

#[tokio::test]
async fn the_return_list_applies_its_filters() {
    let (_sandbox, client) = start_with_client().await;
    let restock = client
        .create_return_order(&return_of("RMA-F1", 1, HandleType::Restock))
        .await
        .unwrap();
    let mut undeliverable = return_of("RMA-F2", 1, HandleType::Destroy);
    undeliverable.return_type = Some(ReturnType::Undeliverable);
    undeliverable.warehouse_code = "DE-FRA-1".to_owned();
    let other = client.create_return_order(&undeliverable).await.unwrap();
    let reviewed = client
        .create_reviewed_return_order(&return_of("RMA-F3", 1, HandleType::Restock))
        .await
        .unwrap();
    let numbers =
        |list: Vec<ReturnOrder>| -> Vec<String> { list.into_iter().map(|o| o.order_no).collect() };
    let query = |request: ReturnListRequest| {
        let client = client.clone();
        async move { client.list_return_orders(&request).await.unwrap().list }
    };

    let by_warehouse = numbers(
        query(ReturnListRequest {
            warehouse_code: Some("DE-FRA-1".to_owned()),
            ..ReturnListRequest::default()
        })
        .await,
    );
    let by_type = numbers(
        query(ReturnListRequest {
            return_type: Some(ReturnType::BuyerReturn),
            ..ReturnListRequest::default()
        })
        .await,
    );
    let by_status = numbers(
        query(ReturnListRequest {
            status: Some(ReturnStatus::Reviewed),
            ..ReturnListRequest::default()
        })
        .await,
    );
    let by_tracking = numbers(
        query(ReturnListRequest {
            tracking_no: Some("1Z-RMA-F1".to_owned()),
            ..ReturnListRequest::default()
        })
        .await,
    );
    let by_references = numbers(
        query(ReturnListRequest {
            reference_nos: vec!["RMA-F1".to_owned(), "RMA-F2".to_owned()],
            ..ReturnListRequest::default()
        })
        .await,
    );
    let by_numbers = numbers(
        query(ReturnListRequest {
            order_nos: vec![restock.order_no.clone(), reviewed.order_no.clone()],
            ..ReturnListRequest::default()
        })
        .await,
    );
    let far_future = numbers(
        query(ReturnListRequest {
            start_create_time: Some("2999-01-01 00:00:00".to_owned()),
            ..ReturnListRequest::default()
        })
        .await,
    );

    assert_eq!(by_warehouse, [other.order_no.as_str()]);
    assert_eq!(
        by_type,
        [reviewed.order_no.as_str(), restock.order_no.as_str()]
    );
    assert_eq!(by_status, [reviewed.order_no.as_str()]);
    assert_eq!(by_tracking, [restock.order_no.as_str()]);
    assert_eq!(
        by_references,
        [other.order_no.as_str(), restock.order_no.as_str()]
    );
    assert_eq!(
        by_numbers,
        [reviewed.order_no.as_str(), restock.order_no.as_str()]
    );
    assert!(far_future.is_empty(), "startCreateTime bounds the list");
}
