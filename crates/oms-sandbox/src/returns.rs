//! Handlers of the returns module (退件模块): return orders announced by the seller, received
//! and handled by the warehouse on the sandbox clock, with the stock they bring back.
//!
//! Life of a return (statuses of `oms_api::returns::ReturnStatus`):
//! - create → `2` pending review; create-review → `3` reviewed. `outboundOrderNo`, when given,
//!   must name a shipped outbound order of the account.
//! - The clock moves returns on: pending review → reviewed after 30 minutes, reviewed → `4`
//!   received after 60 minutes (every line's `receivedQty` set), received → `5` handled after
//!   60 minutes.
//! - Handling by `handleType`: `1` restock puts the pieces back into sellable stock (`returnQty`,
//!   `goodReturnQty` and `saleQty` up); `2` destroy counts them in `destroyQty`; `3` inspect
//!   first (also used when no `handleType` was given) keeps them aside as damaged (`badQty`)
//!   until the seller decides, so nothing becomes sellable without a decision. Every change is a
//!   stock movement with bizType 6 (return put-away).
//! - Update and cancel only before the parcel is received (statuses 1–3).

use oms_api::bulk::{BulkItem, BulkResult, CancelRequest, OrderCreated};
use oms_api::endpoints::EndpointId;
use oms_api::returns::{
    HandleType, ReturnListRequest, ReturnOrder, ReturnOrderCreate, ReturnOrderUpdate, ReturnStatus,
};
use oms_api::wire::{Code, Extra};

use crate::orders::{
    accounts_with, advance_due, duplicate_reference, in_time_range, in_transaction,
    matches_numbers, open_attachment, order_number, store_attachments, wrong_status, Problems,
};
use crate::outbound::shipped_order;
use crate::paging::page_of;
use crate::registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
use crate::store::{Db, Record, StockChange, StockCounter, StoreResult};

/// The record kind of return orders, key = return-order number.
pub const RETURN_ORDER: &str = "return_order";

/// Minutes a pending return waits for the warehouse's review.
pub const REVIEW_MINUTES: i64 = 30;
/// Minutes from review until the parcel is received.
pub const RECEIVE_MINUTES: i64 = 60;
/// Minutes from receipt until the goods are handled.
pub const HANDLE_MINUTES: i64 = 60;

/// `bizType` 6, return put-away (SPEC.md §2.7).
const RETURN_PUT_AWAY: i64 = 6;

/// Registers the return endpoints and the clock hook that moves returns along.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::ReturnList, list)
        .handle(EndpointId::ReturnCreate, |call| create(call, false))
        .handle(EndpointId::ReturnCreateReviewed, |call| create(call, true))
        .handle(EndpointId::ReturnUpdate, update)
        .handle(EndpointId::ReturnCancel, cancel)
        .on_clock_advance(move_returns_along);
}

fn create(call: &Call, reviewed: bool) -> Outcome {
    let request: ReturnOrderCreate = call.request()?;
    let account = call.account_key();
    let now = call.now();

    let created = in_transaction(&call.store, |db| {
        check(db, account, &request, None)?;

        let order_no = order_number(db, "RT", &now)?;
        let status = if reviewed {
            ReturnStatus::Reviewed
        } else {
            ReturnStatus::PendingReview
        };
        let order = complete(&request, &order_no, status, &now, &now)?;
        db.insert_record(&record_of(account, &order, &now, &now)?)?;
        store_request_attachments(db, account, &order_no, &request, &now)?;

        Ok(OrderCreated {
            order_no,
            tracking_no: None,
            extra: Extra::new(),
        })
    })?;

    serde_json::to_value(created).map_err(internal)
}

fn update(call: &Call) -> Outcome {
    let request: ReturnOrderUpdate = call.request()?;
    let account = call.account_key();
    let now = call.now();
    let order_no = request.order_no.trim();

    let updated = in_transaction(&call.store, |db| {
        let record = db
            .record(RETURN_ORDER, account, order_no)?
            .ok_or_else(|| not_found(order_no))?;
        let status = ReturnStatus::from_code(record.status);
        if !before_receipt(status) {
            return Err(Refusal::Conflict(wrong_status(
                order_no,
                status,
                "修改（只能在收货前修改）",
                "updated (only before the parcel is received)",
            )));
        }

        check(db, account, &request.order, Some(order_no))?;

        let order = complete(&request.order, order_no, status, &record.created_at, &now)?;
        db.update_record(&record_of(account, &order, &record.created_at, &now)?)?;
        store_request_attachments(db, account, order_no, &request.order, &now)?;

        Ok(OrderCreated {
            order_no: order_no.to_owned(),
            tracking_no: None,
            extra: Extra::new(),
        })
    })?;

    serde_json::to_value(updated).map_err(internal)
}

/// Checks what the return names: warehouse, SKUs, the shipped outbound order, a free reference.
fn check(
    db: &Db<'_>,
    account: &str,
    request: &ReturnOrderCreate,
    updating: Option<&str>,
) -> Result<(), Refusal> {
    let mut problems = Problems::default();

    problems.warehouse(db, "warehouseCode", &request.warehouse_code)?;
    for (index, line) in request.items.iter().enumerate() {
        let field = format!("itemDTOs[{index}].productSku");
        problems.product(db, account, &field, &line.product_sku)?;
    }
    let outbound = request
        .outbound_order_no
        .as_deref()
        .map(str::trim)
        .filter(|number| !number.is_empty());
    if let Some(outbound) = outbound {
        if let Err((zh, en)) = shipped_order(db, account, outbound)? {
            problems.add("outboundOrderNo", zh, en);
        }
    }

    problems.finish()?;

    if let Some(existing) = db.record_by_reference(RETURN_ORDER, account, &request.reference_no)? {
        if Some(existing.key.as_str()) != updating {
            return Err(duplicate_reference(&request.reference_no, &existing.key));
        }
    }
    Ok(())
}

/// The return order as lists show it, built from its create body.
fn complete(
    request: &ReturnOrderCreate,
    order_no: &str,
    status: ReturnStatus,
    created_at: &str,
    updated_at: &str,
) -> Result<ReturnOrder, Refusal> {
    let mut body = serde_json::to_value(request).map_err(internal)?;
    if let Some(fields) = body.as_object_mut() {
        fields.remove("attachmentOpenDTOs");
    }

    let mut order: ReturnOrder = serde_json::from_value(body).map_err(internal)?;
    order.order_no = order_no.to_owned();
    order.status = Some(status);
    order.create_time = Some(created_at.to_owned());
    order.update_time = Some(updated_at.to_owned());
    for item in &mut order.items {
        item.received_qty = Some(0);
    }
    Ok(order)
}

fn record_of(
    account: &str,
    order: &ReturnOrder,
    created_at: &str,
    updated_at: &str,
) -> Result<Record, Refusal> {
    Ok(Record {
        kind: RETURN_ORDER.to_owned(),
        key: order.order_no.clone(),
        account: account.to_owned(),
        status: order.status.map(Code::code).unwrap_or_default(),
        reference_no: order.reference_no.clone(),
        body: serde_json::to_value(order).map_err(internal)?,
        created_at: created_at.to_owned(),
        updated_at: updated_at.to_owned(),
    })
}

fn store_request_attachments(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
    request: &ReturnOrderCreate,
    now: &str,
) -> Result<(), Refusal> {
    let attachments: Vec<&oms_api::Attachment> = request.attachments.iter().map(|a| &a.0).collect();

    store_attachments(db, account, (RETURN_ORDER, order_no), &attachments, now)?;
    Ok(())
}

fn list(call: &Call) -> Outcome {
    let request: ReturnListRequest = call.request()?;
    let account = call.account_key();

    let rows = call.store.read(|db| {
        let mut rows = Vec::new();
        for record in db.records(RETURN_ORDER, account)?.into_iter().rev() {
            let mut order: ReturnOrder = serde_json::from_value(record.body.clone())?;
            if !matches_filters(&record, &order, &request) {
                continue;
            }
            order.attachments = db
                .attachments(account, (RETURN_ORDER, &record.key))?
                .iter()
                .map(|stored| open_attachment(stored, false))
                .collect();
            rows.push(serde_json::to_value(order)?);
        }
        Ok(rows)
    })?;

    Ok(page_of(rows, request.common_param.as_ref()))
}

/// Every filter of the return list: numbers, references, tracking number, warehouse, return
/// type, status and a create or update time range.
fn matches_filters(record: &Record, order: &ReturnOrder, request: &ReturnListRequest) -> bool {
    let same_text = |value: Option<&str>, filter: Option<&str>| {
        filter
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .is_none_or(|f| value.is_some_and(|v| v.eq_ignore_ascii_case(f)))
    };

    matches_numbers(
        Some(&record.key),
        request.order_no.as_deref(),
        &request.order_nos,
    ) && matches_numbers(
        record.reference_no.as_deref(),
        request.reference_no.as_deref(),
        &request.reference_nos,
    ) && same_text(order.tracking_no.as_deref(), request.tracking_no.as_deref())
        && same_text(
            order.warehouse_code.as_deref(),
            request.warehouse_code.as_deref(),
        )
        && request
            .return_type
            .is_none_or(|wanted| order.return_type == Some(wanted))
        && request
            .status
            .is_none_or(|status| status.code() == record.status)
        && in_time_range(
            Some(&record.created_at),
            request.start_create_time.as_deref(),
            request.end_create_time.as_deref(),
        )
        && in_time_range(
            Some(&record.updated_at),
            request.start_update_time.as_deref(),
            request.end_update_time.as_deref(),
        )
}

fn cancel(call: &Call) -> Outcome {
    let request: CancelRequest = call.request()?;
    let account = call.account_key();
    let now = call.now();

    let result = in_transaction(&call.store, |db| {
        let mut result = BulkResult {
            total_qty: request.order_nos.len() as u64,
            ..BulkResult::default()
        };

        for order_no in &request.order_nos {
            let item = |message: String| BulkItem {
                order_no: order_no.clone(),
                message,
                ..BulkItem::default()
            };
            match cancel_one(db, account, order_no.trim(), &now)? {
                Ok(()) => result
                    .success_list
                    .push(item("已取消 (cancelled)".to_owned())),
                Err(reason) => result.fail_list.push(item(reason)),
            }
        }

        result.success_qty = result.success_list.len() as u64;
        result.fail_qty = result.fail_list.len() as u64;
        Ok(result)
    })?;

    serde_json::to_value(result).map_err(internal)
}

fn cancel_one(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
    now: &str,
) -> StoreResult<Result<(), String>> {
    let Some(record) = db.record(RETURN_ORDER, account, order_no)? else {
        return Ok(Err(format!(
            "退件单不存在 {order_no} (no such return order: {order_no})"
        )));
    };
    let status = ReturnStatus::from_code(record.status);
    if !before_receipt(status) {
        return Ok(Err(wrong_status(
            order_no,
            status,
            "取消（只能在收货前取消）",
            "cancelled (only before the parcel is received)",
        )));
    }

    let mut order: ReturnOrder = serde_json::from_value(record.body.clone())?;
    order.status = Some(ReturnStatus::Cancelled);
    order.update_time = Some(now.to_owned());
    db.update_record(&Record {
        status: ReturnStatus::Cancelled.code(),
        body: serde_json::to_value(&order)?,
        updated_at: now.to_owned(),
        ..record
    })?;
    Ok(Ok(()))
}

/// Draft, pending review and reviewed: the parcel has not arrived, so the seller may still
/// change or cancel the return.
fn before_receipt(status: ReturnStatus) -> bool {
    matches!(
        status,
        ReturnStatus::Draft | ReturnStatus::PendingReview | ReturnStatus::Reviewed
    )
}

/// How long a return stays in a status before the warehouse moves it on.
fn wait_minutes(status: i64) -> Option<i64> {
    match ReturnStatus::from_code(status) {
        ReturnStatus::PendingReview => Some(REVIEW_MINUTES),
        ReturnStatus::Reviewed => Some(RECEIVE_MINUTES),
        ReturnStatus::Received => Some(HANDLE_MINUTES),
        _ => None,
    }
}

/// The clock hook: every return whose next status is due moves on, each step at its own time.
fn move_returns_along(db: &Db<'_>, advance: &ClockAdvance) -> StoreResult<()> {
    for account in accounts_with(db, RETURN_ORDER)? {
        for record in db.records(RETURN_ORDER, &account)? {
            if wait_minutes(record.status).is_some() {
                move_return(db, &account, record, advance.to_ms)?;
            }
        }
    }
    Ok(())
}

fn move_return(db: &Db<'_>, account: &str, record: Record, now_ms: i64) -> StoreResult<()> {
    let mut order: ReturnOrder = serde_json::from_value(record.body.clone())?;

    let last = advance_due(
        record.status,
        &record.updated_at,
        now_ms,
        wait_minutes,
        |status, at| {
            let next = match ReturnStatus::from_code(status) {
                ReturnStatus::PendingReview => ReturnStatus::Reviewed,
                ReturnStatus::Reviewed => {
                    for item in &mut order.items {
                        item.received_qty = item.qty;
                    }
                    ReturnStatus::Received
                }
                _ => {
                    handle(db, account, &order, at)?;
                    ReturnStatus::Handled
                }
            };
            order.status = Some(next);
            Ok(next.code())
        },
    )?;

    let Some(at) = last else {
        return Ok(());
    };
    order.update_time = Some(at.clone());
    db.update_record(&Record {
        status: order.status.map(Code::code).unwrap_or_default(),
        body: serde_json::to_value(&order)?,
        updated_at: at,
        ..record
    })?;
    Ok(())
}

/// The warehouse handles the received pieces as the seller asked.
fn handle(db: &Db<'_>, account: &str, order: &ReturnOrder, at: &str) -> StoreResult<()> {
    let warehouse = order.warehouse_code.as_deref().unwrap_or_default();
    let counters: &[StockCounter] = match order.handle_type {
        Some(HandleType::Restock) => &[StockCounter::GoodReturn, StockCounter::Sale],
        Some(HandleType::Destroy) => &[StockCounter::Destroy],
        _ => &[StockCounter::Bad],
    };

    for item in &order.items {
        let qty = item.received_qty.or(item.qty).unwrap_or_default();
        if qty <= 0 {
            continue;
        }
        let change = |counter| StockChange {
            account,
            warehouse_code: warehouse,
            product_sku: &item.product_sku,
            counter,
            delta: qty,
            biz_type: RETURN_PUT_AWAY,
            order_no: Some(&order.order_no),
            batch_no: None,
            at,
        };
        db.adjust_stock(&change(StockCounter::Return))?;
        for counter in counters {
            db.adjust_stock(&change(*counter))?;
        }
    }
    Ok(())
}

fn not_found(order_no: &str) -> Refusal {
    Refusal::NotFound(format!(
        "退件单不存在 {order_no} (no such return order: {order_no})"
    ))
}

fn internal(error: serde_json::Error) -> Refusal {
    Refusal::Internal(error.to_string())
}
