//! The inbound-order (ASN) endpoints of the sandbox over HTTP with the real client: create and
//! create-reviewed, the list and its filters, and every rule with a test that fails without it
//! (unique referenceNo, existing warehouses and SKUs, the container rule, update and cancel only
//! before the warehouse starts work, per-order failures in the cancel result, SKU labels).

mod support;

use oms_api::bulk::{CancelRequest, LabelFileRequest, LabelSize};
use oms_api::endpoints::EndpointId;
use oms_api::inbound::{
    InboundOrder, InboundOrderListRequest, InboundOrderUpdate, InboundStatus, ShippingType,
};
use oms_api::{Client, CommonParam, Error, Extra};
use serde_json::json;
use support::asn::{asn, line, three_cartons};
use support::pdf::{page_count, scanned_barcodes, write_pdf};
use support::sandbox::{advance_clock, demo_client, post_raw, refusal, start};

async fn list(client: &Client, request: InboundOrderListRequest) -> Vec<InboundOrder> {
    client
        .list_inbound_orders(&InboundOrderListRequest {
            common_param: Some(CommonParam::page(1, 100)),
            ..request
        })
        .await
        .expect("the inbound list answers")
        .list
}

async fn order(client: &Client, order_no: &str) -> InboundOrder {
    let found = list(
        client,
        InboundOrderListRequest {
            order_nos: vec![order_no.to_owned()],
            ..InboundOrderListRequest::default()
        },
    )
    .await;

    assert_eq!(found.len(), 1, "one order {order_no}");
    found.into_iter().next().unwrap()
}

fn numbers(orders: &[InboundOrder]) -> Vec<&str> {
    orders.iter().map(|o| o.order_no.as_str()).collect()
}

fn cancel_request(order_nos: &[&str]) -> CancelRequest {
    CancelRequest {
        order_nos: order_nos.iter().map(|n| (*n).to_owned()).collect(),
        cancel_remark: Some("plans changed".to_owned()),
        extra: Extra::new(),
    }
}

#[tokio::test]
async fn create_makes_a_pending_order_and_create_reviewed_a_reviewed_one() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    let pending = client
        .create_inbound_order(&three_cartons("REF-A"))
        .await
        .expect("the ASN is created");
    let reviewed = client
        .create_reviewed_inbound_order(&three_cartons("REF-B"))
        .await
        .expect("the reviewed ASN is created");
    let listed = order(&client, &pending.order_no).await;

    assert!(
        pending.order_no.starts_with("IB") && pending.order_no.len() == 14,
        "IB + yyyyMMdd + 4 digits: {}",
        pending.order_no
    );
    assert_ne!(pending.order_no, reviewed.order_no);
    assert_eq!(listed.status, Some(InboundStatus::PendingReview));
    assert_eq!(
        order(&client, &reviewed.order_no).await.status,
        Some(InboundStatus::Reviewed)
    );
    assert_eq!(listed.order.reference_no, "REF-A");
    assert_eq!(listed.order.items.len(), 4, "the lines are kept");
    assert!(listed.create_time.is_some() && listed.update_time.is_some());
}

#[tokio::test]
async fn a_pending_order_is_reviewed_by_the_clock() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let created = client
        .create_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();

    advance_clock(&sandbox, 20).await;
    let waiting = order(&client, &created.order_no).await;
    advance_clock(&sandbox, 15).await;
    let reviewed = order(&client, &created.order_no).await;

    assert_eq!(waiting.status, Some(InboundStatus::PendingReview));
    assert_eq!(reviewed.status, Some(InboundStatus::Reviewed));
}

#[tokio::test]
async fn every_list_filter_narrows_the_list() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let first = client
        .create_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();
    let second = client
        .create_reviewed_inbound_order(&asn("REF-B", "DE-FRA-1", vec![line("SKU-BAG-005", "1", 5)]))
        .await
        .unwrap();

    let all = list(&client, InboundOrderListRequest::default()).await;
    let by_reference = list(
        &client,
        InboundOrderListRequest {
            reference_nos: vec!["REF-A".to_owned()],
            ..InboundOrderListRequest::default()
        },
    )
    .await;
    let by_warehouse = list(
        &client,
        InboundOrderListRequest {
            warehouse_code: Some("DE-FRA-1".to_owned()),
            ..InboundOrderListRequest::default()
        },
    )
    .await;
    let by_status = list(
        &client,
        InboundOrderListRequest {
            status: Some(InboundStatus::PendingReview),
            ..InboundOrderListRequest::default()
        },
    )
    .await;
    let created_later = list(
        &client,
        InboundOrderListRequest {
            start_create_time: Some("2999-01-01 00:00:00".to_owned()),
            ..InboundOrderListRequest::default()
        },
    )
    .await;
    let updated_so_far = list(
        &client,
        InboundOrderListRequest {
            start_update_time: Some("2000-01-01 00:00:00".to_owned()),
            end_update_time: Some("2999-01-01 00:00:00".to_owned()),
            ..InboundOrderListRequest::default()
        },
    )
    .await;

    assert_eq!(
        numbers(&all),
        [second.order_no.as_str(), first.order_no.as_str()],
        "newest first"
    );
    assert_eq!(numbers(&by_reference), [first.order_no.as_str()]);
    assert_eq!(numbers(&by_warehouse), [second.order_no.as_str()]);
    assert_eq!(numbers(&by_status), [first.order_no.as_str()]);
    assert!(created_later.is_empty(), "nothing is created after 2999");
    assert_eq!(updated_so_far.len(), 2);
}

#[tokio::test]
async fn a_reference_number_names_the_order_that_already_has_it() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let first = client
        .create_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();
    let other = client
        .create_inbound_order(&three_cartons("REF-B"))
        .await
        .unwrap();

    let again = refusal(
        client
            .create_reviewed_inbound_order(&three_cartons("REF-A"))
            .await,
        "a second REF-A",
    );
    let update_to_taken = refusal(
        client
            .update_inbound_order(&InboundOrderUpdate {
                order_no: other.order_no.clone(),
                order: three_cartons("REF-A"),
            })
            .await,
        "an update to REF-A",
    );

    assert_eq!(again.code, "40900", "{again:?}");
    assert!(
        again.message.contains(&first.order_no) && again.message.contains("REF-A"),
        "the conflict names the existing order: {again:?}"
    );
    assert!(
        update_to_taken.message.contains(&first.order_no),
        "updates cannot take another order's reference: {update_to_taken:?}"
    );
}

#[tokio::test]
async fn unknown_warehouses_and_skus_are_each_named_with_their_field() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let mut order = asn(
        "REF-A",
        "XX-NOPE-1",
        vec![
            line("SKU-MUG-001", "1", 2),
            line("SKU-GHOST-9", "1", 1),
            line("SKU-PHANTOM-8", "2", 1),
        ],
    );
    order.from_warehouse_code = Some("YY-NOPE-2".to_owned());

    let refused = refusal(client.create_inbound_order(&order).await, "unknown codes");
    let stored = list(&client, InboundOrderListRequest::default()).await;

    assert_eq!(
        refused.errors,
        [
            "warehouseCode: 仓库不存在 XX-NOPE-1 (warehouse XX-NOPE-1 does not exist)",
            "fromWarehouseCode: 仓库不存在 YY-NOPE-2 (warehouse YY-NOPE-2 does not exist)",
            "itemDTOs[1].productSku: 产品不存在 SKU-GHOST-9 (product SKU-GHOST-9 does not exist)",
            "itemDTOs[2].productSku: 产品不存在 SKU-PHANTOM-8 (product SKU-PHANTOM-8 does not \
             exist)",
        ],
        "every missing code, with its path"
    );
    assert!(stored.is_empty(), "nothing is stored");
}

#[tokio::test]
async fn a_full_container_needs_a_container_type_on_client_and_server() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let mut order = three_cartons("REF-A");
    order.shipping_type = Some(ShippingType::FullContainer);

    let client_side = client.create_inbound_order(&order).await;
    let mut body = serde_json::to_value(&order).unwrap();
    let server_side = post_raw(&sandbox, EndpointId::InboundCreate, &body).await;
    body["containerType"] = json!("1");
    let with_type = post_raw(&sandbox, EndpointId::InboundCreate, &body).await;

    assert!(
        matches!(&client_side, Err(Error::Validation(fields))
            if fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>() == ["containerType"]),
        "the client refuses before sending: {client_side:?}"
    );
    assert_eq!(server_side["success"], false, "{server_side}");
    assert_eq!(
        server_side["errors"],
        json!([
            "containerType: 整柜入库必须选择柜型 (is required when shippingType is 1 (full \
             container))"
        ]),
        "the server applies the same validation"
    );
    assert_eq!(with_type["success"], true, "40HQ is accepted: {with_type}");
}

#[tokio::test]
async fn an_order_can_be_updated_until_it_is_in_transit() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let created = client
        .create_reviewed_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();
    let mut changed = three_cartons("REF-A2");
    changed.items.truncate(1);

    let updated = client
        .update_inbound_order(&InboundOrderUpdate {
            order_no: created.order_no.clone(),
            order: changed.clone(),
        })
        .await
        .expect("a reviewed order can still change");
    let after_update = order(&client, &created.order_no).await;
    advance_clock(&sandbox, 61).await;
    let in_transit = refusal(
        client
            .update_inbound_order(&InboundOrderUpdate {
                order_no: created.order_no.clone(),
                order: changed.clone(),
            })
            .await,
        "an order in transit",
    );
    let unknown = refusal(
        client
            .update_inbound_order(&InboundOrderUpdate {
                order_no: "IB000000000000".to_owned(),
                order: changed,
            })
            .await,
        "an unknown order",
    );

    assert_eq!(updated.order_no, created.order_no);
    assert_eq!(after_update.order.reference_no, "REF-A2");
    assert_eq!(after_update.order.items.len(), 1);
    assert_eq!(after_update.status, Some(InboundStatus::Reviewed));
    assert!(
        in_transit.message.contains("在途")
            && in_transit.message.contains("in transit (status 4)")
            && in_transit.message.contains(&created.order_no),
        "the refusal names the order and its status: {in_transit:?}"
    );
    assert_eq!(unknown.code, "40400");
}

#[tokio::test]
async fn cancel_reports_each_order_that_could_not_be_cancelled() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let moving = client
        .create_reviewed_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();
    advance_clock(&sandbox, 61).await;
    let pending = client
        .create_inbound_order(&three_cartons("REF-B"))
        .await
        .unwrap();

    let result = client
        .cancel_inbound_orders(&cancel_request(&[
            &pending.order_no,
            &moving.order_no,
            "IB-NOT-THERE",
        ]))
        .await
        .expect("a partial failure is still a success envelope");
    let again = client
        .cancel_inbound_orders(&cancel_request(&[&pending.order_no]))
        .await
        .unwrap();

    assert_eq!(
        (result.total_qty, result.success_qty, result.fail_qty),
        (3, 1, 2)
    );
    assert_eq!(result.success_list[0].order_no, pending.order_no);
    assert_eq!(result.fail_list[0].order_no, moving.order_no);
    assert!(
        result.fail_list[0]
            .message
            .contains("in transit (status 4)"),
        "{:?}",
        result.fail_list[0]
    );
    assert_eq!(result.fail_list[1].order_no, "IB-NOT-THERE");
    assert!(result.fail_list[1].message.contains("does not exist"));
    assert_eq!(
        order(&client, &pending.order_no).await.status,
        Some(InboundStatus::Cancelled)
    );
    assert!(
        again.fail_list[0].message.contains("cancelled (status -1)"),
        "a cancelled order cannot be cancelled twice: {again:?}"
    );
}

#[tokio::test]
async fn label_downloads_of_an_unknown_order_are_not_found() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let request = LabelFileRequest {
        order_no: "IB-NOT-THERE".to_owned(),
        label_size: None,
        extra: Extra::new(),
    };

    let boxes = refusal(client.download_box_labels(&request).await, "box labels");
    let skus = refusal(client.download_sku_barcodes(&request).await, "SKU barcodes");

    assert_eq!(
        (boxes.code.as_str(), skus.code.as_str()),
        ("40400", "40400")
    );
    assert!(boxes.message.contains("IB-NOT-THERE"), "{boxes:?}");
}

#[tokio::test]
async fn sku_barcodes_are_one_label_per_piece_for_a_small_order() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let created = client
        .create_inbound_order(&asn(
            "REF-A",
            "US-LAX-1",
            vec![line("SKU-MUG-001", "1", 3), line("SKU-LAMP-002", "2", 2)],
        ))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();

    let file = client
        .download_sku_barcodes(&LabelFileRequest {
            order_no: created.order_no.clone(),
            label_size: Some(LabelSize::Label100x150),
            extra: Extra::new(),
        })
        .await
        .expect("the labels download");
    let pdf = write_pdf(dir.path(), "skus.pdf", &file.bytes);

    assert_eq!(
        file.file_name.as_deref(),
        Some(format!("{}-sku-barcodes-100x150.pdf", created.order_no).as_str())
    );
    assert_eq!(page_count(&pdf), 5, "3 mugs and 2 lamps: one label each");
    assert_eq!(
        scanned_barcodes(&pdf, dir.path()),
        [
            "SKU-LAMP-002",
            "SKU-LAMP-002",
            "SKU-MUG-001",
            "SKU-MUG-001",
            "SKU-MUG-001"
        ]
    );
}

#[tokio::test]
async fn sku_barcodes_are_one_label_per_sku_above_the_piece_limit() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let limit = oms_sandbox::inbound::MAX_PIECE_LABELS as u32;
    let created = client
        .create_inbound_order(&asn(
            "REF-A",
            "US-LAX-1",
            vec![
                line("SKU-MUG-001", "1", limit),
                line("SKU-LAMP-002", "2", 1),
            ],
        ))
        .await
        .unwrap();

    let file = client
        .download_sku_barcodes(&LabelFileRequest {
            order_no: created.order_no.clone(),
            label_size: None,
            extra: Extra::new(),
        })
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "skus.pdf", &file.bytes);

    assert_eq!(
        page_count(&pdf),
        2,
        "{} pieces is over the limit: one label per SKU",
        limit + 1
    );
    assert_eq!(
        scanned_barcodes(&pdf, dir.path()),
        ["SKU-LAMP-002", "SKU-MUG-001"]
    );
}
