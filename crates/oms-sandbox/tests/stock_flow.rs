//! The life of stock in the sandbox, end to end over HTTP with the real client: an ASN of three
//! cartons gets its box labels (checked with pdfinfo, pdftotext and zbarimg), counts as "on the
//! way in", travels, is received and put away as the clock advances, and then shows up in the
//! stock list, the movement list (bizType 2) and the stock-age list. Also: cancel and update of
//! a reviewed ASN move `asnQty`, the inventory filters, and FIFO consumption of age batches.

mod support;

use oms_api::bulk::{CancelRequest, LabelFileRequest, LabelSize};
use oms_api::inbound::{InboundOrder, InboundOrderListRequest, InboundOrderUpdate, InboundStatus};
use oms_api::inventory::{
    InventoryListRequest, StockAgeRow, StockAgeStatus, StockBizType, StockMovement, StockOperation,
    StockRow,
};
use oms_api::{Client, CommonParam, Extra};
use oms_sandbox::inbound::{PUT_AWAY_MINUTES, RECEIVE_MINUTES, TRANSIT_MINUTES};
use oms_sandbox::inventory::consume_age_batches;
use oms_sandbox::DEMO_API_KEY;
use rust_decimal::Decimal;
use support::asn::three_cartons;
use support::pdf::{page_count, scanned_barcodes, text_of, write_pdf};
use support::sandbox::{advance_clock, demo_client, start};

fn filter(sku: &str, warehouse: &str) -> InventoryListRequest {
    InventoryListRequest {
        product_sku: Some(sku.to_owned()),
        warehouse_code: Some(warehouse.to_owned()),
        common_param: Some(CommonParam::page(1, 100)),
        ..InventoryListRequest::default()
    }
}

async fn stock(client: &Client, sku: &str, warehouse: &str) -> StockRow {
    let rows = client
        .list_stock(&filter(sku, warehouse))
        .await
        .expect("the stock list answers")
        .list;

    assert_eq!(rows.len(), 1, "one stock row of {sku} in {warehouse}");
    rows.into_iter().next().unwrap()
}

async fn movements(client: &Client, request: &InventoryListRequest) -> Vec<StockMovement> {
    client
        .list_stock_movements(request)
        .await
        .expect("the movement list answers")
        .list
}

async fn age_rows(client: &Client, sku: &str, warehouse: &str) -> Vec<StockAgeRow> {
    client
        .list_stock_age(&filter(sku, warehouse))
        .await
        .expect("the age list answers")
        .list
}

async fn inbound(client: &Client, order_no: &str) -> InboundOrder {
    client
        .list_inbound_orders(&InboundOrderListRequest {
            order_nos: vec![order_no.to_owned()],
            ..InboundOrderListRequest::default()
        })
        .await
        .expect("the inbound list answers")
        .list
        .into_iter()
        .next()
        .expect("the order is listed")
}

fn counters(row: &StockRow) -> (Option<i64>, Option<i64>, Option<i64>) {
    (row.sale_qty, row.total_qty, row.asn_qty)
}

#[tokio::test]
async fn an_asn_of_three_cartons_is_labelled_received_and_put_away() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let mug_before = stock(&client, "SKU-MUG-001", "US-LAX-1").await;

    let created = client
        .create_reviewed_inbound_order(&three_cartons("REF-FLOW"))
        .await
        .expect("the reviewed ASN is created");
    let order_no = created.order_no.as_str();
    let labels = client
        .download_box_labels(&LabelFileRequest {
            order_no: order_no.to_owned(),
            label_size: None,
            extra: Extra::new(),
        })
        .await
        .expect("the box labels download");
    let pdf = write_pdf(dir.path(), "boxes.pdf", &labels.bytes);
    let text = text_of(&pdf);

    assert_eq!(
        labels.file_name.as_deref(),
        Some(format!("{order_no}-box-labels-100x100.pdf").as_str()),
        "100x100 is the default size"
    );
    assert_eq!(labels.file_type.as_deref(), Some("PDF"));
    assert_eq!(page_count(&pdf), 3, "one label per carton");
    for carton in 1..=3 {
        assert!(
            text.contains(&format!("Carton {carton} / 3"))
                && text.contains(&format!("Box No: {carton}")),
            "carton {carton} is printed: {text}"
        );
    }
    assert!(
        text.contains("SKU-LAMP-002 x 6"),
        "carton 2's lines: {text}"
    );
    assert_eq!(
        scanned_barcodes(&pdf, dir.path()),
        [
            format!("{order_no}-1"),
            format!("{order_no}-2"),
            format!("{order_no}-3")
        ],
        "each carton's barcode scans as <orderNo>-<boxNo>"
    );

    let on_the_way = stock(&client, "SKU-MUG-001", "US-LAX-1").await;
    assert_eq!(
        counters(&on_the_way),
        (mug_before.sale_qty, mug_before.total_qty, Some(36)),
        "a reviewed ASN counts as on the way in, nothing is sellable yet"
    );

    advance_clock(&sandbox, TRANSIT_MINUTES + 1).await;
    assert_eq!(
        inbound(&client, order_no).await.status,
        Some(InboundStatus::InTransit)
    );

    advance_clock(&sandbox, RECEIVE_MINUTES).await;
    let received = inbound(&client, order_no).await;
    assert_eq!(received.status, Some(InboundStatus::Received));
    assert!(
        received
            .order
            .items
            .iter()
            .all(|line| line.received_qty == Some(line.qty)),
        "every line is received in full: {:?}",
        received.order.items
    );
    assert_eq!(
        stock(&client, "SKU-MUG-001", "US-LAX-1").await.sale_qty,
        mug_before.sale_qty,
        "received is not yet put away"
    );

    advance_clock(&sandbox, PUT_AWAY_MINUTES).await;
    let put_away = inbound(&client, order_no).await;
    let mug = stock(&client, "SKU-MUG-001", "US-LAX-1").await;
    let lamp = stock(&client, "SKU-LAMP-002", "US-LAX-1").await;
    let mug_moves = movements(&client, &filter("SKU-MUG-001", "US-LAX-1")).await;
    let mug_ages = age_rows(&client, "SKU-MUG-001", "US-LAX-1").await;

    assert_eq!(put_away.status, Some(InboundStatus::PutAway));
    assert_eq!(
        counters(&mug),
        (Some(20 + 36), Some(20 + 36), Some(0)),
        "36 mugs are sellable and no longer on the way"
    );
    assert_eq!(counters(&lamp), (Some(35 + 16), Some(35 + 16), Some(0)));
    assert_eq!(
        mug.open_product.as_ref().and_then(|p| p.name_en.as_deref()),
        Some("Ceramic mug")
    );

    let newest = &mug_moves[0];
    assert_eq!(mug_moves.len(), 2, "opening stock and the put-away");
    assert_eq!(newest.biz_type, Some(StockBizType::PutAway));
    assert_eq!(newest.opt_type, Some(StockOperation::Increase));
    assert_eq!((newest.opt_qty, newest.balance_qty), (Some(36), Some(56)));
    assert_eq!(newest.order_no.as_deref(), Some(order_no));
    let batch_no = newest.batch_no.clone().expect("the put-away has a batch");
    let since_put_away = movements(
        &client,
        &InventoryListRequest {
            start_create_time: newest.create_time.clone(),
            ..filter("SKU-MUG-001", "US-LAX-1")
        },
    )
    .await;
    assert_eq!(
        since_put_away.len(),
        1,
        "the opening stock is older than the put-away"
    );

    let batch = mug_ages
        .iter()
        .find(|row| row.batch_no.as_deref() == Some(batch_no.as_str()))
        .expect("the put-away batch is in the age list");
    assert_eq!(batch.qty, Some(36));
    assert_eq!(batch.turnover_days, Some(0), "put away minutes ago");
    assert_eq!(batch.status, Some(StockAgeStatus::NoneShipped));
    assert_eq!(
        batch.total_price,
        Some(Decimal::new(46440, 2)),
        "36 x 12.90 USD"
    );
    assert_eq!(
        batch.inbound_time, newest.create_time,
        "the batch starts when it was put away"
    );

    advance_clock(&sandbox, 10 * 24 * 60).await;
    let aged = age_rows(&client, "SKU-MUG-001", "US-LAX-1").await;
    let aged_batch = aged
        .iter()
        .find(|row| row.batch_no.as_deref() == Some(batch_no.as_str()))
        .unwrap();
    assert_eq!(
        aged_batch.turnover_days,
        Some(10),
        "ten simulated days later"
    );
}

#[tokio::test]
async fn cancelling_or_changing_a_reviewed_asn_moves_the_on_the_way_counter() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let created = client
        .create_reviewed_inbound_order(&three_cartons("REF-A"))
        .await
        .unwrap();
    let mut fewer = three_cartons("REF-A");
    fewer.items.truncate(1);

    client
        .update_inbound_order(&InboundOrderUpdate {
            order_no: created.order_no.clone(),
            order: fewer,
        })
        .await
        .expect("the reviewed ASN changes");
    let after_update = (
        stock(&client, "SKU-MUG-001", "US-LAX-1").await.asn_qty,
        stock(&client, "SKU-LAMP-002", "US-LAX-1").await.asn_qty,
    );
    let cancelled = client
        .cancel_inbound_orders(&CancelRequest {
            order_nos: vec![created.order_no.clone()],
            cancel_remark: None,
            extra: Extra::new(),
        })
        .await
        .unwrap();
    let after_cancel = stock(&client, "SKU-MUG-001", "US-LAX-1").await.asn_qty;

    assert_eq!(
        after_update,
        (Some(24), Some(0)),
        "only carton 1 (24 mugs) is still coming"
    );
    assert_eq!(cancelled.success_qty, 1);
    assert_eq!(after_cancel, Some(0), "the cancel releases what was coming");
}

#[tokio::test]
async fn the_inventory_lists_filter_by_sku_warehouse_and_time() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let two_warehouses = InventoryListRequest {
        product_skus: vec!["SKU-MUG-001".to_owned(), "SKU-TENT-004".to_owned()],
        warehouse_codes: vec!["DE-FRA-1".to_owned(), "GB-LON-1".to_owned()],
        common_param: Some(CommonParam::page(1, 100)),
        ..InventoryListRequest::default()
    };

    let rows = client.list_stock(&two_warehouses).await.unwrap().list;
    let all_moves = movements(&client, &two_warehouses).await;
    let ages = client.list_stock_age(&two_warehouses).await.unwrap().list;
    let future_moves = movements(
        &client,
        &InventoryListRequest {
            start_create_time: Some("2999-01-01 00:00:00".to_owned()),
            ..InventoryListRequest::default()
        },
    )
    .await;
    let past_moves = movements(
        &client,
        &InventoryListRequest {
            end_create_time: Some("2000-01-01 00:00:00".to_owned()),
            ..InventoryListRequest::default()
        },
    )
    .await;
    let every_move = client
        .list_stock_movements(&InventoryListRequest::default())
        .await
        .unwrap();
    let moves_within = client
        .list_stock_movements(&InventoryListRequest {
            start_create_time: Some("2000-01-01 00:00:00".to_owned()),
            end_create_time: Some("2999-01-01 00:00:00".to_owned()),
            ..InventoryListRequest::default()
        })
        .await
        .unwrap();

    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|row| {
            (
                row.open_warehouse.clone().unwrap().warehouse_code.unwrap(),
                row.open_product.clone().unwrap().product_sku.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("DE-FRA-1".to_owned(), "SKU-MUG-001".to_owned()),
            ("DE-FRA-1".to_owned(), "SKU-TENT-004".to_owned()),
            ("GB-LON-1".to_owned(), "SKU-MUG-001".to_owned()),
            ("GB-LON-1".to_owned(), "SKU-TENT-004".to_owned()),
        ]
    );
    assert_eq!(
        rows[0].sale_qty,
        Some(60),
        "seeded: 20 + 40 for the second warehouse"
    );
    assert_eq!(all_moves.len(), 4, "one opening movement per row");
    assert!(all_moves
        .iter()
        .all(|m| m.biz_type == Some(StockBizType::InitialStock)));
    assert_eq!(ages.len(), 4, "one seeded batch per row");
    assert!(ages
        .iter()
        .all(|a| a.batch_no.as_deref() == Some("SEED-BATCH-1")));
    assert!(future_moves.is_empty() && past_moves.is_empty());
    assert_eq!(every_move.total_count, Some(15), "5 SKUs in 3 warehouses");
    assert_eq!(
        moves_within.total_count,
        Some(15),
        "a time range around the seeding keeps every movement"
    );
}

#[tokio::test]
async fn shipping_takes_pieces_from_the_oldest_batch_and_the_age_status_follows() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let store = sandbox.store();

    let partly = store
        .write(|db| consume_age_batches(db, DEMO_API_KEY, "US-LAX-1", "SKU-MUG-001", 5))
        .unwrap();
    let after_partly = age_rows(&client, "SKU-MUG-001", "US-LAX-1").await;
    store
        .write(|db| consume_age_batches(db, DEMO_API_KEY, "US-LAX-1", "SKU-MUG-001", 15))
        .unwrap();
    let after_all = age_rows(&client, "SKU-MUG-001", "US-LAX-1").await;

    assert_eq!(partly.len(), 1);
    assert_eq!(
        (partly[0].batch_no.as_str(), partly[0].qty),
        ("SEED-BATCH-1", 5)
    );
    assert_eq!(after_partly[0].qty, Some(15));
    assert_eq!(after_partly[0].status, Some(StockAgeStatus::PartlyShipped));
    assert_eq!(after_all[0].qty, Some(0));
    assert_eq!(after_all[0].status, Some(StockAgeStatus::AllShipped));
}

#[tokio::test]
async fn a4_box_labels_put_three_cartons_on_one_sheet() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let created = client
        .create_inbound_order(&three_cartons("REF-A4"))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();

    let labels = client
        .download_box_labels(&LabelFileRequest {
            order_no: created.order_no.clone(),
            label_size: Some(LabelSize::A4),
            extra: Extra::new(),
        })
        .await
        .unwrap();
    let pdf = write_pdf(dir.path(), "sheet.pdf", &labels.bytes);

    assert_eq!(
        labels.file_name.as_deref(),
        Some(format!("{}-box-labels-A4.pdf", created.order_no).as_str())
    );
    assert_eq!(page_count(&pdf), 1, "a 2x3 A4 sheet holds the three labels");
    assert_eq!(scanned_barcodes(&pdf, dir.path()).len(), 3);
}
