//! The outbound module of the sandbox over real HTTP with the typed `oms_api::Client`: B2C and
//! B2B orders from create to shipped on the simulated clock, the stock they lock, release and
//! consume, attachments byte for byte, and every refusal with the field or status it names.

mod support;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::bulk::{CancelRequest, OutboundStatus};
use oms_api::files::OutboundAttachment;
use oms_api::outbound::{
    B2bInstructions, B2bOrderCreate, B2cDetails, B2cOrderCreate, B2cOrderUpdate,
    DownloadAttachmentsRequest, InventoryType, LabelStatus, OrderKind, OutboundLine,
    OutboundListRequest, OutboundOrder, UploadAttachmentsRequest,
};
use oms_api::{ApiError, Attachment, Client, CommonParam};
use oms_sandbox::store::{StockMovement, StockRow};
use oms_sandbox::{RunningSandbox, DEMO_API_KEY};
use serde_json::Value;
use support::sandbox::{advance_clock, fields, refusal, start_with_client, stock};

/// Seeded sellable stock of SKU-MUG-001 in US-LAX-1 (see `seed.rs`).
const MUG_IN_LAX: i64 = 20;
/// Seeded sellable stock of SKU-LAMP-002 in US-LAX-1.
const LAMP_IN_LAX: i64 = 35;

/// The stock movements of one order as `(sku, bizType, optType, optQty)`.
fn movements_of(sandbox: &RunningSandbox, order_no: &str) -> Vec<(String, i64, i64, i64)> {
    let movements: Vec<StockMovement> = sandbox
        .store()
        .read(|db| db.stock_movements(DEMO_API_KEY))
        .unwrap();

    movements
        .into_iter()
        .filter(|m| m.order_no.as_deref() == Some(order_no))
        .map(|m| (m.product_sku, m.biz_type, m.opt_type, m.opt_qty))
        .collect()
}

fn line(sku: &str, qty: i64) -> OutboundLine {
    OutboundLine {
        product_sku: sku.to_owned(),
        qty,
        ..OutboundLine::default()
    }
}

fn b2c_order(reference_no: &str, lines: Vec<OutboundLine>) -> B2cOrderCreate {
    B2cOrderCreate {
        reference_no: reference_no.to_owned(),
        contact_name: "Ada Buyer".to_owned(),
        city: "Los Angeles".to_owned(),
        address: "1 Main Street".to_owned(),
        postcode: "90001".to_owned(),
        warehouse_code: "US-LAX-1".to_owned(),
        shipping_method_code: "USPS-GROUND".to_owned(),
        code2: "US".to_owned(),
        inventory_type: Some(InventoryType::Any),
        details: Some(B2cDetails {
            sale_platform: Some("Amazon".to_owned()),
            ..B2cDetails::default()
        }),
        items: lines,
        ..B2cOrderCreate::default()
    }
}

fn b2b_order(reference_no: &str, lines: Vec<OutboundLine>) -> B2bOrderCreate {
    B2bOrderCreate {
        reference_no: reference_no.to_owned(),
        contact_name: "Receiving dock".to_owned(),
        company_name: Some("Amazon ONT8".to_owned()),
        city: "Moreno Valley".to_owned(),
        address: "24300 Nandina Ave".to_owned(),
        postcode: "92551".to_owned(),
        warehouse_code: "US-LAX-1".to_owned(),
        shipping_method_code: "UPS-GROUND".to_owned(),
        code2: "US".to_owned(),
        instructions: Some(B2bInstructions {
            receive_warehouse_code: Some("ONT8".to_owned()),
            shipment_no: Some("FBA15ABCDE".to_owned()),
            ..B2bInstructions::default()
        }),
        items: lines,
        ..B2bOrderCreate::default()
    }
}

/// A small PDF whose body holds every byte value, so any text re-encoding would show.
fn binary_pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n%".to_vec();
    bytes.extend(0..=255u8);
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

fn attachment(kind: &str, name: &str, bytes: &[u8]) -> OutboundAttachment {
    OutboundAttachment(Attachment {
        attachment_type: kind.to_owned(),
        base64: BASE64.encode(bytes),
        file_name: name.to_owned(),
        ..Attachment::default()
    })
}

async fn list_b2c(client: &Client, request: OutboundListRequest) -> Vec<OutboundOrder> {
    client
        .list_b2c_orders(&request)
        .await
        .expect("the B2C list works")
        .list
}

async fn b2c_by_number(client: &Client, order_no: &str) -> OutboundOrder {
    let request = OutboundListRequest {
        order_no: Some(order_no.to_owned()),
        ..OutboundListRequest::default()
    };
    let mut found = list_b2c(client, request).await;

    assert_eq!(found.len(), 1, "exactly one B2C order {order_no}");
    found.remove(0)
}

#[tokio::test]
async fn a_reviewed_b2c_order_locks_stock_then_ships_on_the_clock() {
    let (sandbox, client) = start_with_client().await;

    let created = client
        .create_reviewed_b2c_order(&b2c_order(
            "SO-1001",
            vec![line("SKU-MUG-001", 3), line("SKU-LAMP-002", 1)],
        ))
        .await
        .expect("a reviewed B2C order is created");
    let order_no = created.order_no.clone();
    let reviewed = b2c_by_number(&client, &order_no).await;
    let mug = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    assert!(order_no.starts_with("OB"), "readable prefix: {order_no}");
    assert_eq!(reviewed.status, Some(OutboundStatus::Reviewed));
    assert_eq!(reviewed.order_type, Some(OrderKind::B2c));
    assert_eq!(reviewed.label_status, Some(LabelStatus::Waiting));
    assert_eq!(reviewed.total_product, Some(4), "3 mugs and a lamp");
    assert_eq!(
        reviewed.open_items[0].declare_name_en.as_deref(),
        Some("Ceramic mug"),
        "lines carry the product's declared names"
    );
    assert_eq!(
        reviewed
            .open_b2c
            .as_ref()
            .and_then(|b| b.sale_platform.as_deref()),
        Some("Amazon"),
        "b2cDto comes back as openB2c"
    );
    assert_eq!(
        (mug.sale_qty, mug.lock_qty),
        (MUG_IN_LAX - 3, 3),
        "review moves 3 mugs from sellable to locked"
    );
    assert_eq!(
        movements_of(&sandbox, &order_no),
        [
            ("SKU-LAMP-002".to_owned(), 3, -1, 1),
            ("SKU-LAMP-002".to_owned(), 3, 1, 1),
            ("SKU-MUG-001".to_owned(), 3, -1, 3),
            ("SKU-MUG-001".to_owned(), 3, 1, 3),
        ],
        "order-lock movements (bizType 3): sellable down, locked up"
    );

    advance_clock(&sandbox, 60).await;
    let awaiting = b2c_by_number(&client, &order_no).await;
    let mug_awaiting = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    assert_eq!(awaiting.status, Some(OutboundStatus::AwaitingOutbound));
    assert_eq!(
        (mug_awaiting.lock_qty, mug_awaiting.out_qty),
        (3, 0),
        "nothing leaves before the order ships"
    );

    advance_clock(&sandbox, 120).await;
    let shipped = b2c_by_number(&client, &order_no).await;
    let mug_shipped = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");
    let lamp_shipped = stock(&sandbox, "US-LAX-1", "SKU-LAMP-002");
    let total = |row: &StockRow| row.sale_qty + row.lock_qty + row.bad_qty;

    assert_eq!(shipped.status, Some(OutboundStatus::Shipped));
    assert!(
        shipped
            .tracking_no
            .as_deref()
            .is_some_and(|t| !t.is_empty()),
        "a tracking number is assigned on shipping: {shipped:?}"
    );
    assert!(shipped.outbound_time.is_some(), "outboundTime is set");
    assert_eq!(shipped.label_status, Some(LabelStatus::Created));
    assert_eq!(
        (
            mug_shipped.sale_qty,
            mug_shipped.lock_qty,
            mug_shipped.out_qty
        ),
        (MUG_IN_LAX - 3, 0, 3),
        "shipping takes the locked mugs out"
    );
    assert_eq!(total(&mug_shipped), MUG_IN_LAX - 3, "the total falls by 3");
    assert_eq!(
        (
            lamp_shipped.lock_qty,
            lamp_shipped.out_qty,
            total(&lamp_shipped)
        ),
        (0, 1, LAMP_IN_LAX - 1)
    );
    let shipped_moves: Vec<_> = movements_of(&sandbox, &order_no)
        .into_iter()
        .filter(|m| m.1 == 5)
        .collect();
    assert_eq!(
        shipped_moves,
        [
            ("SKU-LAMP-002".to_owned(), 5, -1, 1),
            ("SKU-LAMP-002".to_owned(), 5, 1, 1),
            ("SKU-MUG-001".to_owned(), 5, -1, 3),
            ("SKU-MUG-001".to_owned(), 5, 1, 3),
        ],
        "shipped movements (bizType 5): locked down, out up"
    );
}

#[tokio::test]
async fn a_tracking_number_the_seller_gives_is_kept_on_shipping() {
    let (sandbox, client) = start_with_client().await;
    let mut order = b2c_order("SO-1101", vec![line("SKU-MUG-001", 1)]);
    order.tracking_no = Some("9400SELLER0001".to_owned());

    let created = client.create_reviewed_b2c_order(&order).await.unwrap();
    let before = b2c_by_number(&client, &created.order_no).await;
    advance_clock(&sandbox, 24 * 60).await;
    let shipped = b2c_by_number(&client, &created.order_no).await;

    assert_eq!(created.tracking_no.as_deref(), Some("9400SELLER0001"));
    assert_eq!(
        before.label_status,
        Some(LabelStatus::Created),
        "the seller's own label exists"
    );
    assert_eq!(shipped.status, Some(OutboundStatus::Shipped));
    assert_eq!(
        shipped.tracking_no.as_deref(),
        Some("9400SELLER0001"),
        "shipping never replaces the seller's tracking number"
    );
}

#[tokio::test]
async fn a_pending_order_is_reviewed_by_the_clock_or_put_in_exception_when_stock_is_short() {
    let (sandbox, client) = start_with_client().await;

    let fits = client
        .create_b2c_order(&b2c_order("SO-2001", vec![line("SKU-MUG-001", 2)]))
        .await
        .expect("a pending order is created");
    let too_big = client
        .create_b2c_order(&b2c_order("SO-2002", vec![line("SKU-LAMP-002", 500)]))
        .await
        .expect("creating pending needs no stock");
    let pending = b2c_by_number(&client, &fits.order_no).await;
    let untouched = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");

    assert_eq!(pending.status, Some(OutboundStatus::PendingReview));
    assert_eq!(
        (untouched.sale_qty, untouched.lock_qty),
        (MUG_IN_LAX, 0),
        "a pending order locks nothing"
    );

    advance_clock(&sandbox, 30).await;
    let reviewed = b2c_by_number(&client, &fits.order_no).await;
    let exception = b2c_by_number(&client, &too_big.order_no).await;

    assert_eq!(reviewed.status, Some(OutboundStatus::Reviewed));
    assert_eq!(stock(&sandbox, "US-LAX-1", "SKU-MUG-001").lock_qty, 2);
    assert_eq!(exception.status, Some(OutboundStatus::Exception));
    let reason = exception.error_reason.unwrap_or_default();
    for part in ["SKU-LAMP-002", "US-LAX-1", "needed 500", "available 35"] {
        assert!(reason.contains(part), "errorReason names {part}: {reason}");
    }
    assert_eq!(
        stock(&sandbox, "US-LAX-1", "SKU-LAMP-002").lock_qty,
        0,
        "an exception order locks nothing"
    );

    let fixed = client
        .update_b2c_order(&B2cOrderUpdate {
            order_no: too_big.order_no.clone(),
            order: b2c_order("SO-2002", vec![line("SKU-LAMP-002", 5)]),
        })
        .await
        .expect("an exception order can be updated");
    let back = b2c_by_number(&client, &fixed.order_no).await;

    assert_eq!(
        back.status,
        Some(OutboundStatus::PendingReview),
        "an updated exception order goes back to review"
    );
    assert_eq!(back.error_reason, None, "the old reason is cleared");
    assert_eq!(back.total_product, Some(5), "the new lines replace the old");
}

#[tokio::test]
async fn create_reviewed_with_too_little_stock_is_refused_with_the_numbers() {
    let (sandbox, client) = start_with_client().await;

    let api = refusal(
        client
            .create_reviewed_b2c_order(&b2c_order(
                "SO-3001",
                vec![line("SKU-MUG-001", 15), line("SKU-MUG-001", 10)],
            ))
            .await,
        "25 mugs where 20 are sellable",
    );
    let nothing = list_b2c(&client, OutboundListRequest::default()).await;

    let detail = api.errors.join(" | ");
    for part in ["SKU-MUG-001", "US-LAX-1", "needed 25", "available 20"] {
        assert!(
            detail.contains(part),
            "the refusal names {part} (lines add up): {api:?}"
        );
    }
    assert!(nothing.is_empty(), "a refused create stores no order");
    assert_eq!(stock(&sandbox, "US-LAX-1", "SKU-MUG-001").lock_qty, 0);

    let mut from_frankfurt = b2c_order("SO-3002", vec![line("SKU-MUG-001", 50)]);
    from_frankfurt.warehouse_code = "DE-FRA-1".to_owned();
    from_frankfurt.shipping_method_code = "DHL-PAKET".to_owned();
    from_frankfurt.code2 = "DE".to_owned();
    client
        .create_reviewed_b2c_order(&from_frankfurt)
        .await
        .expect("50 of the 60 mugs in DE-FRA-1: the stock of the order's warehouse counts");

    assert_eq!(
        stock(&sandbox, "DE-FRA-1", "SKU-MUG-001").lock_qty,
        50,
        "the lock is in the order's warehouse"
    );
    assert_eq!(stock(&sandbox, "US-LAX-1", "SKU-MUG-001").lock_qty, 0);
}

#[tokio::test]
async fn a_b2b_order_keeps_its_attachments_byte_for_byte() {
    let (_sandbox, client) = start_with_client().await;
    let bol = binary_pdf();
    let labels = b"%PDF-1.7\ncarton labels\n%%EOF\n".to_vec();

    let mut order = b2b_order("PO-4001", vec![line("SKU-TENT-004", 2)]);
    order.attachments = vec![attachment("BOL", "bol.pdf", &bol)];
    let created = client
        .create_b2b_order(&order)
        .await
        .expect("a B2B order with b2bDto and an attachment is created");
    let uploaded = client
        .upload_outbound_attachments(&UploadAttachmentsRequest {
            order_no: created.order_no.clone(),
            attachments: vec![attachment("CARDBOARD_LABEL", "cartons.pdf", &labels)],
            ..UploadAttachmentsRequest::default()
        })
        .await
        .expect("a second attachment is uploaded");
    let downloaded = client
        .download_outbound_attachments(&DownloadAttachmentsRequest {
            order_no: created.order_no.clone(),
            ..DownloadAttachmentsRequest::default()
        })
        .await
        .expect("the attachments download");

    assert_eq!(uploaded.len(), 1);
    assert_eq!(uploaded[0].file_name.as_deref(), Some("cartons.pdf"));
    assert_eq!(
        uploaded[0].attachment_type.as_deref(),
        Some("CARDBOARD_LABEL")
    );
    assert_eq!(downloaded.len(), 2, "the create's and the upload's files");
    assert_eq!(
        downloaded[0].to_file().unwrap().bytes,
        bol,
        "every byte value of the create's PDF survives"
    );
    assert_eq!(downloaded[0].attachment_type.as_deref(), Some("BOL"));
    assert_eq!(downloaded[0].file_type.as_deref(), Some("PDF"));
    assert_eq!(downloaded[1].to_file().unwrap().bytes, labels);

    let only = client
        .download_outbound_attachments(&DownloadAttachmentsRequest {
            order_no: created.order_no.clone(),
            attachment_id: Some(uploaded[0].attachment_id.clone()),
            ..DownloadAttachmentsRequest::default()
        })
        .await
        .expect("one attachment downloads by id");
    assert_eq!(only.len(), 1, "attachmentId selects one file");
    assert_eq!(only[0].file_name.as_deref(), Some("cartons.pdf"));

    let unknown_id = refusal(
        client
            .download_outbound_attachments(&DownloadAttachmentsRequest {
                order_no: created.order_no.clone(),
                attachment_id: Some("999999".to_owned()),
                ..DownloadAttachmentsRequest::default()
            })
            .await,
        "an attachment id the order does not have",
    );
    assert_eq!(unknown_id.code, "40400", "{unknown_id:?}");
    assert!(unknown_id.message.contains("999999"), "{unknown_id:?}");

    let b2c_order_no = client
        .create_b2c_order(&b2c_order("SO-4002", vec![line("SKU-MUG-001", 1)]))
        .await
        .expect("a B2C order beside the B2B one")
        .order_no;
    let b2b = client
        .list_b2b_orders(&OutboundListRequest::default())
        .await
        .expect("the B2B list works")
        .list;
    let b2c = list_b2c(&client, OutboundListRequest::default()).await;

    assert_eq!(
        b2b.iter().map(|o| o.order_no.as_str()).collect::<Vec<_>>(),
        [created.order_no.as_str()],
        "the B2B list has only the B2B order"
    );
    assert_eq!(
        b2c.iter().map(|o| o.order_no.as_str()).collect::<Vec<_>>(),
        [b2c_order_no.as_str()],
        "the B2C list has only the B2C order"
    );
    assert_eq!(b2b[0].order_type, Some(OrderKind::B2b));
    assert_eq!(b2b[0].status, Some(OutboundStatus::PendingReview));
    assert_eq!(
        b2b[0].extra["openB2b"]["receiveWarehouseCode"], "ONT8",
        "b2bDto is listed as openB2b"
    );
    assert_eq!(b2b[0].open_attachments.len(), 2);
    assert!(
        b2b[0].open_attachments.iter().all(|a| a.base64.is_none()),
        "lists name attachments without their bytes"
    );
}

#[tokio::test]
async fn attachments_of_unknown_shipped_or_cancelled_orders_are_refused() {
    let (sandbox, client) = start_with_client().await;
    let upload = |order_no: &str| UploadAttachmentsRequest {
        order_no: order_no.to_owned(),
        attachments: vec![attachment("OTHER", "note.pdf", b"%PDF-1.4 note")],
        ..UploadAttachmentsRequest::default()
    };
    let shipped = client
        .create_reviewed_b2c_order(&b2c_order("SO-5001", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    let cancelled = client
        .create_b2c_order(&b2c_order("SO-5002", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    client
        .cancel_outbound_orders(&CancelRequest {
            order_nos: vec![cancelled.order_no.clone()],
            ..CancelRequest::default()
        })
        .await
        .unwrap();
    advance_clock(&sandbox, 24 * 60).await;

    let to_shipped = refusal(
        client
            .upload_outbound_attachments(&upload(&shipped.order_no))
            .await,
        "upload to a shipped order",
    );
    let to_cancelled = refusal(
        client
            .upload_outbound_attachments(&upload(&cancelled.order_no))
            .await,
        "upload to a cancelled order",
    );
    let to_unknown = refusal(
        client.upload_outbound_attachments(&upload("OB-NOPE")).await,
        "upload to an unknown order",
    );
    let from_unknown = refusal(
        client
            .download_outbound_attachments(&DownloadAttachmentsRequest {
                order_no: "OB-NOPE".to_owned(),
                ..DownloadAttachmentsRequest::default()
            })
            .await,
        "download from an unknown order",
    );

    assert!(
        to_shipped.message.contains("已出库") && to_shipped.message.contains("shipped"),
        "the refusal names the status: {to_shipped:?}"
    );
    assert!(
        to_cancelled.message.contains("已取消") && to_cancelled.message.contains("cancelled"),
        "{to_cancelled:?}"
    );
    assert_eq!(to_unknown.code, "40400", "unknown order: not found");
    assert!(to_unknown.message.contains("OB-NOPE"), "{to_unknown:?}");
    assert_eq!(from_unknown.code, "40400", "{from_unknown:?}");
}

#[tokio::test]
async fn cancelling_a_reviewed_order_releases_its_lock_and_failures_are_reported_per_order() {
    let (sandbox, client) = start_with_client().await;

    let reviewed = client
        .create_reviewed_b2c_order(&b2c_order("SO-6001", vec![line("SKU-MUG-001", 4)]))
        .await
        .unwrap();
    let to_ship = client
        .create_reviewed_b2b_order(&b2b_order("PO-6002", vec![line("SKU-LAMP-002", 2)]))
        .await
        .unwrap();
    advance_clock(&sandbox, 24 * 60).await;
    let pending = client
        .create_b2c_order(&b2c_order("SO-6003", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    let locked_again = client
        .create_reviewed_b2c_order(&b2c_order("SO-6004", vec![line("SKU-MUG-001", 4)]))
        .await
        .unwrap();

    let one = client
        .cancel_outbound_orders(&CancelRequest {
            order_nos: vec![locked_again.order_no.clone()],
            cancel_remark: Some("buyer changed their mind".to_owned()),
            ..CancelRequest::default()
        })
        .await
        .expect("cancel answers");
    let mug = stock(&sandbox, "US-LAX-1", "SKU-MUG-001");
    let released: Vec<_> = movements_of(&sandbox, &locked_again.order_no)
        .into_iter()
        .filter(|m| m.1 == 4)
        .collect();

    assert_eq!((one.success_qty, one.fail_qty), (1, 0));
    assert_eq!(
        (mug.sale_qty, mug.lock_qty),
        (MUG_IN_LAX - 4, 0),
        "the first order shipped 4; the cancelled order's 4 are sellable again"
    );
    assert_eq!(
        released,
        [
            ("SKU-MUG-001".to_owned(), 4, -1, 4),
            ("SKU-MUG-001".to_owned(), 4, 1, 4)
        ],
        "order-cancel movements (bizType 4): locked down, sellable up"
    );

    let bulk = client
        .cancel_outbound_orders(&CancelRequest {
            order_nos: vec![
                pending.order_no.clone(),
                "OB-UNKNOWN-1".to_owned(),
                to_ship.order_no.clone(),
            ],
            ..CancelRequest::default()
        })
        .await
        .expect("a partly failing cancel still answers success");

    assert_eq!((bulk.total_qty, bulk.success_qty, bulk.fail_qty), (3, 1, 2));
    assert_eq!(bulk.success_list[0].order_no, pending.order_no);
    let failed: Vec<&str> = bulk.fail_list.iter().map(|f| f.order_no.as_str()).collect();
    assert_eq!(
        failed,
        ["OB-UNKNOWN-1", to_ship.order_no.as_str()],
        "exactly the unknown and the shipped order fail"
    );
    assert!(
        bulk.fail_list[0].message.contains("不存在"),
        "{:?}",
        bulk.fail_list[0]
    );
    assert!(
        bulk.fail_list[1].message.contains("已出库")
            && bulk.fail_list[1].message.contains("shipped"),
        "the shipped order's failure names its status: {:?}",
        bulk.fail_list[1]
    );
    assert_eq!(
        b2c_by_number(&client, &reviewed.order_no).await.status,
        Some(OutboundStatus::Shipped)
    );
    assert_eq!(
        b2c_by_number(&client, &pending.order_no).await.status,
        Some(OutboundStatus::Cancelled)
    );
}

#[tokio::test]
async fn an_exception_order_can_be_cancelled() {
    let (sandbox, client) = start_with_client().await;
    let order = client
        .create_b2c_order(&b2c_order("SO-6201", vec![line("SKU-MUG-001", 999)]))
        .await
        .unwrap();
    advance_clock(&sandbox, 30).await;
    assert_eq!(
        b2c_by_number(&client, &order.order_no).await.status,
        Some(OutboundStatus::Exception),
        "999 mugs cannot be reviewed"
    );

    let result = client
        .cancel_outbound_orders(&CancelRequest {
            order_nos: vec![order.order_no.clone()],
            ..CancelRequest::default()
        })
        .await
        .unwrap();

    assert_eq!((result.success_qty, result.fail_qty), (1, 0), "{result:?}");
    assert_eq!(
        b2c_by_number(&client, &order.order_no).await.status,
        Some(OutboundStatus::Cancelled)
    );
    assert_eq!(
        stock(&sandbox, "US-LAX-1", "SKU-MUG-001").sale_qty,
        MUG_IN_LAX,
        "cancelling an exception order releases nothing it never locked"
    );
}

#[tokio::test]
async fn an_order_awaiting_outbound_can_no_longer_be_cancelled() {
    let (sandbox, client) = start_with_client().await;
    let order = client
        .create_reviewed_b2c_order(&b2c_order("SO-6101", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    advance_clock(&sandbox, 60).await;

    let result = client
        .cancel_outbound_orders(&CancelRequest {
            order_nos: vec![order.order_no.clone()],
            ..CancelRequest::default()
        })
        .await
        .unwrap();

    assert_eq!(result.fail_qty, 1, "{result:?}");
    assert!(
        result.fail_list[0].message.contains("待出库")
            && result.fail_list[0].message.contains("awaiting outbound"),
        "{:?}",
        result.fail_list[0]
    );
    assert_eq!(stock(&sandbox, "US-LAX-1", "SKU-MUG-001").lock_qty, 1);
}

#[tokio::test]
async fn a_reviewed_order_cannot_be_updated_and_the_refusal_names_its_status() {
    let (_sandbox, client) = start_with_client().await;
    let order = client
        .create_reviewed_b2c_order(&b2c_order("SO-7001", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();

    let api = refusal(
        client
            .update_b2c_order(&B2cOrderUpdate {
                order_no: order.order_no.clone(),
                order: b2c_order("SO-7001", vec![line("SKU-MUG-001", 2)]),
            })
            .await,
        "update of a reviewed order",
    );
    let unknown = refusal(
        client
            .update_b2c_order(&B2cOrderUpdate {
                order_no: "OB-NOPE".to_owned(),
                order: b2c_order("SO-7002", vec![line("SKU-MUG-001", 2)]),
            })
            .await,
        "update of an unknown order",
    );

    assert_eq!(api.code, "40900", "{api:?}");
    assert!(
        api.message.contains("已审核") && api.message.contains("reviewed"),
        "the refusal names the status in both languages: {api:?}"
    );
    assert_eq!(unknown.code, "40400", "{unknown:?}");
}

#[tokio::test]
async fn a_pending_order_can_be_updated() {
    let (_sandbox, client) = start_with_client().await;
    let order = client
        .create_b2c_order(&b2c_order("SO-7101", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();

    let mut changed = b2c_order("SO-7101", vec![line("SKU-BAG-005", 3)]);
    changed.city = "Pasadena".to_owned();
    client
        .update_b2c_order(&B2cOrderUpdate {
            order_no: order.order_no.clone(),
            order: changed,
        })
        .await
        .expect("a pending order can be updated, keeping its own referenceNo");
    let listed = b2c_by_number(&client, &order.order_no).await;

    assert_eq!(listed.city.as_deref(), Some("Pasadena"));
    assert_eq!(listed.open_items[0].product_sku, "SKU-BAG-005");
    assert_eq!(listed.status, Some(OutboundStatus::PendingReview));
}

#[tokio::test]
async fn a_duplicate_reference_names_the_existing_order_per_kind() {
    let (_sandbox, client) = start_with_client().await;
    let first = client
        .create_b2c_order(&b2c_order("SO-8001", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    let other = client
        .create_b2c_order(&b2c_order("SO-8002", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();

    let again = refusal(
        client
            .create_reviewed_b2c_order(&b2c_order("SO-8001", vec![line("SKU-MUG-001", 1)]))
            .await,
        "a second B2C order SO-8001",
    );
    let by_update = refusal(
        client
            .update_b2c_order(&B2cOrderUpdate {
                order_no: other.order_no.clone(),
                order: b2c_order("SO-8001", vec![line("SKU-MUG-001", 1)]),
            })
            .await,
        "renaming another order to SO-8001",
    );
    let b2b_same_reference = client
        .create_b2b_order(&b2b_order("SO-8001", vec![line("SKU-MUG-001", 1)]))
        .await;

    assert_eq!(again.code, "40900");
    assert!(
        again.message.contains(&first.order_no),
        "the refusal names the existing order {}: {again:?}",
        first.order_no
    );
    assert!(by_update.message.contains(&first.order_no), "{by_update:?}");
    assert!(
        b2b_same_reference.is_ok(),
        "B2B references are separate from B2C: {b2b_same_reference:?}"
    );
}

#[tokio::test]
async fn unknown_references_are_named_by_field() {
    let (sandbox, client) = start_with_client().await;
    // Every ISO code passes the client's check and is seeded, so take one out of the sandbox's
    // country list to reach the server's own existence check.
    sandbox
        .store()
        .write(|db| {
            db.connection().execute(
                "DELETE FROM records WHERE kind = 'country' AND key = 'GS'",
                [],
            )?;
            Ok(())
        })
        .unwrap();

    let mut order = b2c_order(
        "SO-9001",
        vec![line("SKU-MUG-001", 1), line("SKU-NOPE-999", 1)],
    );
    order.warehouse_code = "US-NOPE-9".to_owned();
    order.shipping_method_code = "PIGEON-POST".to_owned();
    order.code2 = "GS".to_owned();
    let api = refusal(client.create_b2c_order(&order).await, "unknown references");

    assert_eq!(
        fields(&api),
        [
            "warehouseCode",
            "shippingMethodCode",
            "code2",
            "itemDTOs[1].productSku"
        ],
        "each missing reference is named by its field: {api:?}"
    );
    let joined = api.errors.join(" | ");
    for name in ["US-NOPE-9", "PIGEON-POST", "GS", "SKU-NOPE-999"] {
        assert!(joined.contains(name), "{name} is named: {joined}");
    }
}

#[tokio::test]
async fn the_channel_must_take_orders_of_this_kind_from_this_warehouse() {
    let (_sandbox, client) = start_with_client().await;

    let mut label_channel = b2c_order("SO-9101", vec![line("SKU-MUG-001", 1)]);
    label_channel.shipping_method_code = "UPS-LABEL".to_owned();
    let mut other_warehouse = b2c_order("SO-9102", vec![line("SKU-MUG-001", 1)]);
    other_warehouse.shipping_method_code = "DHL-PAKET".to_owned();
    let mut no_transfer = b2b_order("PO-9103", vec![line("SKU-MUG-001", 1)]);
    no_transfer.shipping_method_code = "USPS-GROUND".to_owned();

    let label = refusal(
        client.create_b2c_order(&label_channel).await,
        "express-label channel",
    );
    let elsewhere = refusal(
        client.create_b2c_order(&other_warehouse).await,
        "a channel of DE-FRA-1",
    );
    let b2b = refusal(
        client.create_b2b_order(&no_transfer).await,
        "a B2B order on a channel without transfer orders",
    );

    let text = |api: &ApiError| api.errors.join(" | ");
    assert!(
        text(&label).contains("methodType 1") && text(&label).contains("isOrder"),
        "{label:?}"
    );
    assert!(
        text(&elsewhere).contains("does not serve warehouse US-LAX-1"),
        "{elsewhere:?}"
    );
    assert_eq!(fields(&b2b), ["shippingMethodCode"], "{b2b:?}");
    assert!(text(&b2b).contains("isTransferOrder"), "{b2b:?}");
    client
        .create_b2c_order(&b2c_order("SO-9104", vec![line("SKU-MUG-001", 1)]))
        .await
        .expect("USPS-GROUND takes B2C orders");
}

#[tokio::test]
async fn the_lists_apply_every_filter() {
    let (sandbox, client) = start_with_client().await;
    let first = client
        .create_reviewed_b2c_order(&b2c_order("SO-A1", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    advance_clock(&sandbox, 10).await;
    let mut standard = b2c_order("SO-A2", vec![line("SKU-MUG-001", 1)]);
    standard.inventory_type = Some(InventoryType::Standard);
    let second = client.create_b2c_order(&standard).await.unwrap();
    advance_clock(&sandbox, 10).await;
    let third = client
        .create_b2c_order(&b2c_order("SO-A3", vec![line("SKU-MUG-001", 1)]))
        .await
        .unwrap();
    let times: Vec<String> = list_b2c(&client, OutboundListRequest::default())
        .await
        .into_iter()
        .map(|o| o.create_time.unwrap())
        .collect();
    let numbers = |orders: Vec<OutboundOrder>| -> Vec<String> {
        orders.into_iter().map(|o| o.order_no).collect()
    };

    let all = numbers(list_b2c(&client, OutboundListRequest::default()).await);
    let by_numbers = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                order_nos: vec![first.order_no.clone(), third.order_no.clone()],
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let by_reference = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                reference_no: Some("SO-A2".to_owned()),
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let by_references = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                reference_nos: vec!["SO-A1".to_owned(), "SO-A3".to_owned()],
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let by_status = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                status: Some(OutboundStatus::Reviewed),
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let by_stock_type = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                inventory_type: Some(InventoryType::Standard),
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let created_before_third = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                end_create_time: Some(times[1].clone()),
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let updated_since_second = numbers(
        list_b2c(
            &client,
            OutboundListRequest {
                start_update_time: Some(times[1].clone()),
                ..OutboundListRequest::default()
            },
        )
        .await,
    );
    let page = client
        .list_b2c_orders(&OutboundListRequest {
            common_param: Some(CommonParam::page(2, 2)),
            ..OutboundListRequest::default()
        })
        .await
        .unwrap();

    assert_eq!(
        all,
        [
            third.order_no.as_str(),
            second.order_no.as_str(),
            first.order_no.as_str()
        ],
        "newest first"
    );
    assert_eq!(
        by_numbers,
        [third.order_no.as_str(), first.order_no.as_str()]
    );
    assert_eq!(by_reference, [second.order_no.as_str()]);
    assert_eq!(
        by_references,
        [third.order_no.as_str(), first.order_no.as_str()]
    );
    assert_eq!(by_status, [first.order_no.as_str()]);
    assert_eq!(by_stock_type, [second.order_no.as_str()]);
    assert_eq!(
        created_before_third,
        [second.order_no.as_str(), first.order_no.as_str()],
        "endCreateTime bounds the create time"
    );
    assert_eq!(
        updated_since_second,
        [third.order_no.as_str(), second.order_no.as_str()],
        "startUpdateTime bounds the update time"
    );
    assert_eq!((page.total_count, page.total_page), (Some(3), Some(2)));
    assert_eq!(numbers(page.list), [first.order_no.as_str()]);
}

#[tokio::test]
async fn list_items_serialize_as_the_oms_api_type() {
    let (_sandbox, client) = start_with_client().await;
    client
        .create_b2c_order(&b2c_order("SO-B1", vec![line("SKU-MUG-001", 2)]))
        .await
        .unwrap();

    let page = client
        .list_b2c_orders(&OutboundListRequest::default())
        .await
        .unwrap();
    let listed: Value = serde_json::to_value(&page.list[0]).unwrap();

    assert_eq!(
        listed["orderType"], "1",
        "orderType in the library's wire form"
    );
    assert_eq!(listed["openItems"][0]["qty"], "2");
    assert_eq!(listed["totalWeight"], "0.700", "2 mugs of 0.350 kg");
    assert!(
        page.list[0].extra.is_empty(),
        "a B2C order has no fields outside the type: {:?}",
        page.list[0].extra
    );
}
