//! Inbound orders / ASN (入库单模块) in the sandbox: the seller announces a shipment, the
//! warehouse reviews it, the goods travel, arrive and are put away, and stock goes up. The
//! simulated clock plays the warehouse, so a test or a demo sees the whole life of an ASN in
//! minutes:
//!
//! | step | after (simulated minutes) | effect |
//! | --- | --- | --- |
//! | 2 pending review → 3 reviewed | [`REVIEW_MINUTES`] | `asnQty` up by the order's pieces |
//! | 3 reviewed → 4 in transit | [`TRANSIT_MINUTES`] | |
//! | 4 in transit → 5 received | [`RECEIVE_MINUTES`] | `receivedQty` = `qty` on every line |
//! | 5 received → 6 put away | [`PUT_AWAY_MINUTES`] | stock up, `asnQty` down, age batches |
//!
//! Put-away adds the pieces to sellable stock with a movement of bizType 2 and starts one
//! stock-age batch per SKU. The minutes count from the moment the order entered its status.
//!
//! `inbound_create` makes a pending order (2), `inbound_create_reviewed` a reviewed one (3,
//! `asnQty` counted at once). Update and cancel are allowed in statuses 1 to 3 only; cancelling
//! a reviewed order gives its `asnQty` back. Warehouses and SKUs must exist (any product of the
//! account that is not discarded; approval is not required, as the warehouse measures new
//! products on arrival), and a `referenceNo` is used by one inbound order only.
//!
//! SKU barcodes: one label per piece to stick (the sum of `qty` per SKU) while the order has at
//! most [`MAX_PIECE_LABELS`] pieces; above that, one label per SKU, to print in copies, so a
//! container of 20,000 pieces does not become a 20,000-page PDF.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::bulk::{BulkItem, BulkResult, CancelRequest, LabelFileRequest, OrderCreated};
use oms_api::endpoints::EndpointId;
use oms_api::files::InlineFile;
use oms_api::inbound::{
    InboundOrder, InboundOrderCreate, InboundOrderListRequest, InboundOrderUpdate, InboundStatus,
};
use oms_api::product::{Product, ProductStatus};
use oms_api::wire::{Code, Extra};
use oms_api::FieldError;
use serde_json::Value;

use crate::clock::format_date_time;
use crate::inventory::{change_asn_qty, compact_date, epoch_ms, put_away};
use crate::labels::{self, Carton, CartonLine, LabelError, SkuLabel};
use crate::paging::page_of;
use crate::registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::{Db, Record, StoreResult, SHARED};

/// Record kind of an inbound order; key = `orderNo`, reference = `referenceNo`.
pub const INBOUND_ORDER: &str = "inbound_order";

/// Simulated minutes from pending review (2) to reviewed (3).
pub const REVIEW_MINUTES: i64 = 30;

/// Simulated minutes from reviewed (3) to in transit (4).
pub const TRANSIT_MINUTES: i64 = 60;

/// Simulated minutes from in transit (4) to received (5): one day on the road.
pub const RECEIVE_MINUTES: i64 = 1440;

/// Simulated minutes from received (5) to put away (6).
pub const PUT_AWAY_MINUTES: i64 = 120;

/// The most pieces an order may have for one SKU label per piece.
pub const MAX_PIECE_LABELS: u64 = 500;

/// The sequence behind order numbers `IB<yyyyMMdd><nnnn>`.
const ORDER_SEQUENCE: &str = "inbound_order";

/// A storage result holding a business outcome: storage errors roll the transaction back,
/// refusals are decided before anything is written.
type Checked<T> = StoreResult<Result<T, Refusal>>;

/// Registers the inbound endpoints and the hook that moves orders along.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::InboundList, inbound_list)
        .handle(EndpointId::InboundCreate, |call: &Call| {
            inbound_create(call, InboundStatus::PendingReview)
        })
        .handle(EndpointId::InboundCreateReviewed, |call: &Call| {
            inbound_create(call, InboundStatus::Reviewed)
        })
        .handle(EndpointId::InboundUpdate, inbound_update)
        .handle(EndpointId::InboundCancel, inbound_cancel)
        .handle(EndpointId::InboundBoxLabels, inbound_box_labels)
        .handle(EndpointId::InboundSkuBarcodes, inbound_sku_barcodes)
        .on_clock_advance(advance_orders);
}

fn inbound_list(call: &Call) -> Outcome {
    let request: InboundOrderListRequest = call.request()?;

    let records = call
        .store
        .read(|db| db.records(INBOUND_ORDER, call.account_key()))?;

    let mut rows = Vec::new();
    for record in records.iter().rev() {
        if listed(&request, record) {
            rows.push(to_json(&stored_order(record)?)?);
        }
    }

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn inbound_create(call: &Call, status: InboundStatus) -> Outcome {
    let order: InboundOrderCreate = call.request()?;
    let now = call.now();

    call.store
        .write(|db| create(db, call.account_key(), order, status, &now))?
}

fn create(
    db: &Db<'_>,
    account: &str,
    order: InboundOrderCreate,
    status: InboundStatus,
    now: &str,
) -> Checked<Value> {
    if let Some(refusal) = reference_taken(db, account, &order.reference_no, None)? {
        return Ok(Err(refusal));
    }
    let missing = missing_references(db, account, &order)?;
    if !missing.is_empty() {
        return Ok(Err(Refusal::Invalid(missing)));
    }

    let order_no = format!(
        "IB{}{:04}",
        compact_date(now),
        db.next_number(ORDER_SEQUENCE)?
    );
    if status == InboundStatus::Reviewed {
        count_on_the_way(db, account, &order, 1, now)?;
    }
    let stored = InboundOrder {
        order_no: order_no.clone(),
        status: Some(status),
        create_time: Some(now.to_owned()),
        update_time: Some(now.to_owned()),
        order,
    };
    db.insert_record(&Record {
        kind: INBOUND_ORDER.to_owned(),
        key: order_no.clone(),
        account: account.to_owned(),
        status: status.code(),
        reference_no: Some(stored.order.reference_no.trim().to_owned()),
        body: serde_json::to_value(&stored)?,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    })?;

    Ok(Ok(created(order_no)?))
}

fn inbound_update(call: &Call) -> Outcome {
    let update: InboundOrderUpdate = call.request()?;
    let now = call.now();

    call.store
        .write(|db| update_order(db, call.account_key(), update, &now))?
}

fn update_order(
    db: &Db<'_>,
    account: &str,
    update: InboundOrderUpdate,
    now: &str,
) -> Checked<Value> {
    let order_no = update.order_no.trim();
    let Some(mut record) = db.record(INBOUND_ORDER, account, order_no)? else {
        return Ok(Err(not_found(order_no)));
    };
    let status = InboundStatus::from_code(record.status);
    if !status.is_changeable() {
        return Ok(Err(Refusal::rejected(wrong_status(
            order_no, status, "修改", "updated",
        ))));
    }
    if let Some(refusal) = reference_taken(db, account, &update.order.reference_no, Some(order_no))?
    {
        return Ok(Err(refusal));
    }
    let missing = missing_references(db, account, &update.order)?;
    if !missing.is_empty() {
        return Ok(Err(Refusal::Invalid(missing)));
    }

    let old = order_of(&record)?;
    if status == InboundStatus::Reviewed {
        count_on_the_way(db, account, &old.order, -1, now)?;
        count_on_the_way(db, account, &update.order, 1, now)?;
    }
    let stored = InboundOrder {
        order_no: old.order_no,
        status: Some(status),
        create_time: old.create_time,
        update_time: Some(now.to_owned()),
        order: update.order,
    };
    record.reference_no = Some(stored.order.reference_no.trim().to_owned());
    record.body = serde_json::to_value(&stored)?;
    record.updated_at = now.to_owned();
    db.update_record(&record)?;

    Ok(Ok(created(stored.order_no)?))
}

fn inbound_cancel(call: &Call) -> Outcome {
    let request: CancelRequest = call.request()?;
    let now = call.now();
    let account = call.account_key();

    let result = call.store.write(|db| {
        let mut result = BulkResult::default();
        for order_no in &request.order_nos {
            let order_no = order_no.trim();
            match cancel(db, account, order_no, &now)? {
                Ok(message) => result.success_list.push(bulk_item(order_no, message)),
                Err(message) => result.fail_list.push(bulk_item(order_no, message)),
            }
        }
        Ok(result)
    })?;

    to_json(&BulkResult {
        total_qty: request.order_nos.len() as u64,
        success_qty: result.success_list.len() as u64,
        fail_qty: result.fail_list.len() as u64,
        ..result
    })
}

/// Cancels one order; `Err` carries the reason it cannot be cancelled.
fn cancel(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
    now: &str,
) -> StoreResult<Result<String, String>> {
    let Some(mut record) = db.record(INBOUND_ORDER, account, order_no)? else {
        return Ok(Err(format!(
            "入库单不存在：{order_no} (inbound order {order_no} does not exist)"
        )));
    };
    let status = InboundStatus::from_code(record.status);
    if !status.is_changeable() {
        return Ok(Err(wrong_status(order_no, status, "取消", "cancelled")));
    }

    let mut order = order_of(&record)?;
    if status == InboundStatus::Reviewed {
        count_on_the_way(db, account, &order.order, -1, now)?;
    }
    order.status = Some(InboundStatus::Cancelled);
    order.update_time = Some(now.to_owned());
    record.status = InboundStatus::Cancelled.code();
    record.body = serde_json::to_value(&order)?;
    record.updated_at = now.to_owned();
    db.update_record(&record)?;

    Ok(Ok("取消成功 (cancelled)".to_owned()))
}

fn inbound_box_labels(call: &Call) -> Outcome {
    let request: LabelFileRequest = call.request()?;
    let size = request.label_size.unwrap_or_default();

    let order = find_order(call, &request.order_no)?;
    let cartons: Vec<Carton> = order
        .order
        .cartons()
        .into_iter()
        .map(|(box_no, lines)| Carton {
            box_no,
            lines: lines
                .into_iter()
                .map(|line| CartonLine {
                    product_sku: line.product_sku.trim().to_owned(),
                    qty: i64::from(line.qty),
                })
                .collect(),
        })
        .collect();
    let pdf = labels::box_labels(&order.order_no, &order.order.warehouse_code, &cartons, size)
        .map_err(label_refusal)?;

    file(
        format!("{}-box-labels-{}.pdf", order.order_no, size.as_str()),
        &pdf,
    )
}

fn inbound_sku_barcodes(call: &Call) -> Outcome {
    let request: LabelFileRequest = call.request()?;
    let size = request.label_size.unwrap_or_default();

    let order = find_order(call, &request.order_no)?;
    let totals = order.order.sku_totals();
    let one_per_piece = order.order.total_qty() <= MAX_PIECE_LABELS;
    let mut labels_to_print = Vec::new();
    for (sku, qty) in &totals {
        let product = call
            .store
            .read(|db| db.record(kinds::PRODUCT, call.account_key(), sku))?;
        let name = product
            .and_then(|record| serde_json::from_value::<Product>(record.body).ok())
            .and_then(|product| product.name_en.or(product.name))
            .unwrap_or_default();
        let copies = if one_per_piece { *qty } else { 1 };
        for _ in 0..copies {
            labels_to_print.push(SkuLabel {
                product_sku: sku.clone(),
                name: name.clone(),
            });
        }
    }
    let pdf = labels::sku_barcodes(&labels_to_print, size).map_err(label_refusal)?;

    file(
        format!("{}-sku-barcodes-{}.pdf", order.order_no, size.as_str()),
        &pdf,
    )
}

/// Moves every order of every account along its statuses up to the new time (see the module
/// documentation); each step is stamped at the simulated moment it happened, so one long
/// advance and several short ones end in the same state.
fn advance_orders(db: &Db<'_>, advance: &ClockAdvance) -> StoreResult<()> {
    for mut record in db.records_of_kind(INBOUND_ORDER)? {
        let Some(mut at_ms) = epoch_ms(&record.updated_at) else {
            continue;
        };
        let mut order: InboundOrder = serde_json::from_value(record.body.clone())?;
        let mut status = InboundStatus::from_code(record.status);
        let before = status;

        while let Some((minutes, next)) = next_step(status) {
            if at_ms + minutes * 60_000 > advance.to_ms {
                break;
            }
            at_ms += minutes * 60_000;
            status = next;
            step(
                db,
                &record.account,
                &mut order,
                next,
                &format_date_time(at_ms),
            )?;
        }

        if status != before {
            let at = format_date_time(at_ms);
            order.status = Some(status);
            order.update_time = Some(at.clone());
            record.status = status.code();
            record.body = serde_json::to_value(&order)?;
            record.updated_at = at;
            db.update_record(&record)?;
        }
    }

    Ok(())
}

/// How long an order stays in `status` before the warehouse moves it on, and to what.
fn next_step(status: InboundStatus) -> Option<(i64, InboundStatus)> {
    match status {
        InboundStatus::PendingReview => Some((REVIEW_MINUTES, InboundStatus::Reviewed)),
        InboundStatus::Reviewed => Some((TRANSIT_MINUTES, InboundStatus::InTransit)),
        InboundStatus::InTransit => Some((RECEIVE_MINUTES, InboundStatus::Received)),
        InboundStatus::Received => Some((PUT_AWAY_MINUTES, InboundStatus::PutAway)),
        _ => None,
    }
}

/// What entering `status` does to the order and to stock.
fn step(
    db: &Db<'_>,
    account: &str,
    order: &mut InboundOrder,
    status: InboundStatus,
    at: &str,
) -> StoreResult<()> {
    match status {
        InboundStatus::Reviewed => count_on_the_way(db, account, &order.order, 1, at),
        InboundStatus::Received => {
            for line in &mut order.order.items {
                line.received_qty = Some(line.qty);
            }
            Ok(())
        }
        InboundStatus::PutAway => {
            for (sku, qty) in order.order.sku_totals() {
                put_away(
                    db,
                    account,
                    order.order.warehouse_code.trim(),
                    &sku,
                    qty as i64,
                    &order.order_no,
                    at,
                )?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Adds (`sign` 1) or removes (`sign` -1) the order's pieces from `asnQty`.
fn count_on_the_way(
    db: &Db<'_>,
    account: &str,
    order: &InboundOrderCreate,
    sign: i64,
    at: &str,
) -> StoreResult<()> {
    let warehouse = order.warehouse_code.trim();
    for (sku, qty) in order.sku_totals() {
        change_asn_qty(db, account, warehouse, &sku, sign * qty as i64, at)?;
    }

    Ok(())
}

/// A conflict naming the order that already uses `reference_no` (other than `except`).
fn reference_taken(
    db: &Db<'_>,
    account: &str,
    reference_no: &str,
    except: Option<&str>,
) -> StoreResult<Option<Refusal>> {
    let reference_no = reference_no.trim();
    let existing = db.record_by_reference(INBOUND_ORDER, account, reference_no)?;

    Ok(existing
        .filter(|record| Some(record.key.as_str()) != except)
        .map(|record| {
            Refusal::Conflict(format!(
                "参考号 {reference_no} 已被入库单 {key} 使用 (referenceNo {reference_no} is \
                 already used by inbound order {key})",
                key = record.key
            ))
        }))
}

/// Warehouses and SKUs the order names that do not exist, each with its field path.
fn missing_references(
    db: &Db<'_>,
    account: &str,
    order: &InboundOrderCreate,
) -> StoreResult<Vec<FieldError>> {
    let mut missing = Vec::new();

    for (field, code) in [
        ("warehouseCode", Some(order.warehouse_code.as_str())),
        ("fromWarehouseCode", order.from_warehouse_code.as_deref()),
    ] {
        let Some(code) = code.map(str::trim).filter(|code| !code.is_empty()) else {
            continue;
        };
        if db.record(kinds::WAREHOUSE, SHARED, code)?.is_none() {
            missing.push(FieldError {
                field: field.to_owned(),
                zh: format!("仓库不存在 {code}"),
                en: format!("warehouse {code} does not exist"),
            });
        }
    }

    for (index, line) in order.items.iter().enumerate() {
        let sku = line.product_sku.trim();
        let usable = db
            .record(kinds::PRODUCT, account, sku)?
            .is_some_and(|record| record.status != ProductStatus::Discarded.code());
        if !usable {
            missing.push(FieldError {
                field: format!("itemDTOs[{index}].productSku"),
                zh: format!("产品不存在 {sku}"),
                en: format!("product {sku} does not exist"),
            });
        }
    }

    Ok(missing)
}

/// True when the record passes every filter of the list request.
fn listed(request: &InboundOrderListRequest, record: &Record) -> bool {
    let in_list = |filter: &[String], value: Option<&str>| {
        filter.is_empty() || filter.iter().any(|f| Some(f.trim()) == value)
    };
    let in_range = |from: &Option<String>, to: &Option<String>, value: &str| {
        from.as_deref().is_none_or(|from| value >= from.trim())
            && to.as_deref().is_none_or(|to| value <= to.trim())
    };
    let warehouse = record.body["warehouseCode"].as_str().map(str::trim);

    in_list(&request.order_nos, Some(&record.key))
        && in_list(&request.reference_nos, record.reference_no.as_deref())
        && request
            .warehouse_code
            .as_deref()
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .is_none_or(|code| warehouse == Some(code))
        && request
            .status
            .is_none_or(|status| status.code() == record.status)
        && in_range(
            &request.start_create_time,
            &request.end_create_time,
            &record.created_at,
        )
        && in_range(
            &request.start_update_time,
            &request.end_update_time,
            &record.updated_at,
        )
}

fn find_order(call: &Call, order_no: &str) -> Result<InboundOrder, Refusal> {
    let order_no = order_no.trim();

    let record = call
        .store
        .read(|db| db.record(INBOUND_ORDER, call.account_key(), order_no))?
        .ok_or_else(|| not_found(order_no))?;

    stored_order(&record)
}

/// A stored order with the record's status and times (the authority) in it.
fn stored_order(record: &Record) -> Result<InboundOrder, Refusal> {
    let mut order = order_of(record)
        .map_err(|e| Refusal::Internal(format!("stored inbound order {}: {e}", record.key)))?;
    order.status = Some(InboundStatus::from_code(record.status));
    order.create_time = Some(record.created_at.clone());
    order.update_time = Some(record.updated_at.clone());

    Ok(order)
}

fn order_of(record: &Record) -> StoreResult<InboundOrder> {
    Ok(serde_json::from_value(record.body.clone())?)
}

fn not_found(order_no: &str) -> Refusal {
    Refusal::NotFound(format!(
        "入库单不存在：{order_no} (inbound order {order_no} does not exist)"
    ))
}

/// Why an order in `status` cannot be changed, naming the status in both languages.
fn wrong_status(order_no: &str, status: InboundStatus, verb_zh: &str, verb_en: &str) -> String {
    format!(
        "入库单 {order_no} 当前状态为“{}”({})，只有草稿、待审核、已审核的入库单可以{verb_zh} \
         (inbound order {order_no} is {} (status {}); only draft, pending review or reviewed \
         orders can be {verb_en})",
        status.label_zh(),
        status.code(),
        status.label_en(),
        status.code()
    )
}

fn label_refusal(error: LabelError) -> Refusal {
    Refusal::rejected(format!("无法生成标签 (cannot make the labels): {error}"))
}

fn file(file_name: String, pdf: &[u8]) -> Outcome {
    to_json(&InlineFile {
        file_name: Some(file_name),
        file_type: Some("PDF".to_owned()),
        base64: BASE64.encode(pdf),
        extra: Extra::new(),
    })
}

fn created(order_no: String) -> StoreResult<Value> {
    Ok(serde_json::to_value(OrderCreated {
        order_no,
        tracking_no: None,
        extra: Extra::new(),
    })?)
}

fn bulk_item(order_no: &str, message: String) -> BulkItem {
    BulkItem {
        order_no: order_no.to_owned(),
        platform_order_no: None,
        message,
        extra: Extra::new(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Outcome {
    serde_json::to_value(value).map_err(|e| Refusal::Internal(e.to_string()))
}
