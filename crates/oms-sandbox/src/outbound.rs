//! Handlers of the outbound module (出库单模块): B2C and B2B orders from create to shipped, their
//! attachments, and the stock they lock and consume. This is the module a seller tries first in
//! the sandbox, so it follows the whole life of an order rather than echoing requests.
//!
//! Life of an order:
//! - create → `2` pending review; create-review → `3` reviewed. Review locks the stock (sellable
//!   `saleQty` down, `lockQty` up, movements bizType 3). Create-review with too little sellable
//!   stock is refused with the SKU, warehouse, needed and available quantities.
//! - The sandbox clock moves orders on: pending review → reviewed after 30 minutes (the
//!   warehouse's review; too little stock then puts the order in `-2` exception with
//!   `errorReason`), reviewed → `4` awaiting outbound after 60 minutes, awaiting outbound → `5`
//!   shipped after 120 minutes (tracking number assigned if none, `outboundTime` set, `lockQty`
//!   down and `outQty` up, movements bizType 5).
//! - Update is allowed in `1`, `2` and `-2` (an exception order goes back to pending review);
//!   cancel in `1`, `2`, `3` and `-2`, and cancelling a reviewed order releases its lock
//!   (movements bizType 4).
//!
//! B2C and B2B orders are separate record kinds, so a `referenceNo` is unique per kind; order
//! numbers share one sequence, so cancel and attachments find an order by number alone. Lists
//! return `openAttachments` without `base64` (lists stay light; the download has the bytes) and
//! B2B orders carry their `b2bDto` as `openB2b`, named like the documented `openB2c`.

use oms_api::bulk::{BulkItem, BulkResult, CancelRequest, OrderCreated, OutboundStatus};
use oms_api::endpoints::EndpointId;
use oms_api::files::OutboundAttachment;
use oms_api::outbound::{
    B2bOrderCreate, B2bOrderUpdate, B2cOrderCreate, B2cOrderUpdate, DownloadAttachmentsRequest,
    LabelStatus, OpenAttachment, OrderKind, OutboundLine, OutboundListRequest, OutboundOrder,
    OutboundOrderItem, StoredAttachment as AttachmentAnswer, UploadAttachmentsRequest,
};
use oms_api::wire::{Code, Extra};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::str::FromStr;

use crate::orders::{
    accounts_with, advance_due, duplicate_reference, in_time_range, in_transaction,
    matches_numbers, open_attachment, order_number, store_attachments, wrong_status, Problems,
};
use crate::paging::page_of;
use crate::registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
use crate::store::{Db, Record, StockChange, StockCounter, StoreResult};

/// Record kinds of outbound orders, key = order number.
pub mod kinds {
    /// A B2C order.
    pub const B2C_ORDER: &str = "b2c_order";
    /// A B2B order.
    pub const B2B_ORDER: &str = "b2b_order";
}

/// Minutes a pending order waits for the warehouse's review.
pub const REVIEW_MINUTES: i64 = 30;
/// Minutes a reviewed order waits before the warehouse starts picking (awaiting outbound).
pub const PICK_MINUTES: i64 = 60;
/// Minutes an order awaits outbound before it ships.
pub const SHIP_MINUTES: i64 = 120;

/// `bizType` of stock movements (SPEC.md §2.7).
mod biz {
    pub const ORDER_LOCK: i64 = 3;
    pub const ORDER_CANCEL: i64 = 4;
    pub const SHIPPED: i64 = 5;
}

/// Registers the outbound endpoints and the clock hook that moves orders along.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::B2cList, |call| list(call, Kind::B2c))
        .handle(EndpointId::B2bList, |call| list(call, Kind::B2b))
        .handle(EndpointId::B2cCreate, |call| create_b2c(call, false))
        .handle(EndpointId::B2cCreateReviewed, |call| create_b2c(call, true))
        .handle(EndpointId::B2bCreate, |call| create_b2b(call, false))
        .handle(EndpointId::B2bCreateReviewed, |call| create_b2b(call, true))
        .handle(EndpointId::B2cUpdate, update_b2c)
        .handle(EndpointId::B2bUpdate, update_b2b)
        .handle(EndpointId::OutboundUploadAttachment, upload_attachments)
        .handle(EndpointId::OutboundDownloadAttachment, download_attachments)
        .handle(EndpointId::OutboundCancel, cancel)
        .on_clock_advance(move_orders_along);
}

/// B2C or B2B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    B2c,
    B2b,
}

impl Kind {
    const ALL: [Kind; 2] = [Kind::B2c, Kind::B2b];

    fn record_kind(self) -> &'static str {
        match self {
            Self::B2c => kinds::B2C_ORDER,
            Self::B2b => kinds::B2B_ORDER,
        }
    }

    fn order_kind(self) -> OrderKind {
        match self {
            Self::B2c => OrderKind::B2c,
            Self::B2b => OrderKind::B2b,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::B2c => "B2C",
            Self::B2b => "B2B",
        }
    }
}

/// A create or update body reduced to what both kinds share: the order's fields in list form,
/// plus the lines and attachments as sent.
struct Draft {
    order: OutboundOrder,
    lines: Vec<OutboundLine>,
    attachments: Vec<OutboundAttachment>,
}

/// Builds a draft from a create body: the body's fields are the list item's fields under the
/// same wire names, so serialising one and reading the other keeps every field in one step.
fn draft_of<T: Serialize>(
    request: &T,
    lines: &[OutboundLine],
    attachments: &[OutboundAttachment],
) -> Result<Draft, Refusal> {
    let mut body = serde_json::to_value(request).map_err(internal)?;

    if let Some(fields) = body.as_object_mut() {
        fields.remove("itemDTOs");
        fields.remove("attachmentOpenDTOs");
        if let Some(details) = fields.remove("b2cDto") {
            fields.insert("openB2c".to_owned(), details);
        }
        if let Some(instructions) = fields.remove("b2bDto") {
            fields.insert("openB2b".to_owned(), instructions);
        }
    }

    Ok(Draft {
        order: serde_json::from_value(body).map_err(internal)?,
        lines: lines.to_vec(),
        attachments: attachments.to_vec(),
    })
}

fn create_b2c(call: &Call, reviewed: bool) -> Outcome {
    let request: B2cOrderCreate = call.request()?;

    let draft = draft_of(&request, &request.items, &request.attachments)?;

    create(call, Kind::B2c, draft, reviewed)
}

fn create_b2b(call: &Call, reviewed: bool) -> Outcome {
    let request: B2bOrderCreate = call.request()?;

    let draft = draft_of(&request, &request.items, &request.attachments)?;

    create(call, Kind::B2b, draft, reviewed)
}

fn update_b2c(call: &Call) -> Outcome {
    let request: B2cOrderUpdate = call.request()?;

    let order = &request.order;
    let draft = draft_of(order, &order.items, &order.attachments)?;

    update(call, Kind::B2c, &request.order_no, draft)
}

fn update_b2b(call: &Call) -> Outcome {
    let request: B2bOrderUpdate = call.request()?;

    let order = &request.order;
    let draft = draft_of(order, &order.items, &order.attachments)?;

    update(call, Kind::B2b, &request.order_no, draft)
}

fn create(call: &Call, kind: Kind, draft: Draft, reviewed: bool) -> Outcome {
    let account = call.account_key();
    let now = call.now();

    let created = in_transaction(&call.store, |db| {
        let items = check_draft(db, account, kind, &draft, None)?;

        let order_no = order_number(db, "OB", &now)?;
        let mut order = complete(draft.order.clone(), kind, &order_no, items, &now, &now);
        order.status = Some(OutboundStatus::PendingReview);
        if reviewed {
            if let Err(shortages) = lock_stock(db, account, &mut order, &now)? {
                return Err(Refusal::Rejected {
                    message:
                        "可售库存不足，不能审核 (not enough sellable stock to review the order)"
                            .to_owned(),
                    errors: shortages.iter().map(Shortage::describe).collect(),
                });
            }
        }

        db.insert_record(&record_of(kind, account, &order, &now, &now)?)?;
        let attachments: Vec<&oms_api::Attachment> =
            draft.attachments.iter().map(|a| &a.0).collect();
        store_attachments(
            db,
            account,
            (kind.record_kind(), &order_no),
            &attachments,
            &now,
        )?;

        Ok(OrderCreated {
            order_no,
            tracking_no: order.tracking_no.clone(),
            extra: Extra::new(),
        })
    })?;

    serde_json::to_value(created).map_err(internal)
}

fn update(call: &Call, kind: Kind, order_no: &str, draft: Draft) -> Outcome {
    let account = call.account_key();
    let now = call.now();

    let updated = in_transaction(&call.store, |db| {
        let record = db
            .record(kind.record_kind(), account, order_no)?
            .ok_or_else(|| not_found(Some(kind), order_no))?;
        let status = OutboundStatus::from_code(record.status);
        if !matches!(
            status,
            OutboundStatus::Draft | OutboundStatus::PendingReview | OutboundStatus::Exception
        ) {
            return Err(Refusal::Conflict(wrong_status(
                order_no,
                status,
                "修改（只有草稿、待审核和异常订单可以修改）",
                "updated (only draft, pending review and exception orders can be)",
            )));
        }

        let items = check_draft(db, account, kind, &draft, Some(order_no))?;

        let mut order = complete(
            draft.order.clone(),
            kind,
            order_no,
            items,
            &record.created_at,
            &now,
        );
        order.status = Some(if status == OutboundStatus::Draft {
            OutboundStatus::Draft
        } else {
            OutboundStatus::PendingReview
        });
        db.update_record(&record_of(kind, account, &order, &record.created_at, &now)?)?;
        let attachments: Vec<&oms_api::Attachment> =
            draft.attachments.iter().map(|a| &a.0).collect();
        store_attachments(
            db,
            account,
            (kind.record_kind(), order_no),
            &attachments,
            &now,
        )?;

        Ok(OrderCreated {
            order_no: order_no.to_owned(),
            tracking_no: order.tracking_no.clone(),
            extra: Extra::new(),
        })
    })?;

    serde_json::to_value(updated).map_err(internal)
}

/// Checks what the draft names (warehouse, channel, country, SKUs, a free `referenceNo`) and
/// returns its lines in list form, with the product's declared names, value and weight.
fn check_draft(
    db: &Db<'_>,
    account: &str,
    kind: Kind,
    draft: &Draft,
    updating: Option<&str>,
) -> Result<Vec<OutboundOrderItem>, Refusal> {
    let order = &draft.order;
    let warehouse = order.warehouse_code.as_deref().unwrap_or_default();
    let channel = order.shipping_method_code.as_deref().unwrap_or_default();
    let mut problems = Problems::default();

    let warehouse_known = problems.warehouse(db, "warehouseCode", warehouse)?;
    problems.order_channel(
        db,
        "shippingMethodCode",
        channel,
        warehouse_known.then_some(warehouse),
        kind == Kind::B2b,
    )?;
    problems.country(db, "code2", order.code2.as_deref().unwrap_or_default())?;

    let mut items = Vec::new();
    for (index, line) in draft.lines.iter().enumerate() {
        let field = format!("itemDTOs[{index}].productSku");
        let product = problems.product(db, account, &field, &line.product_sku)?;
        items.push(item_of(line, product.as_ref()));
    }

    problems.finish()?;

    let reference_no = order.reference_no.as_deref().unwrap_or_default();
    if let Some(existing) = db.record_by_reference(kind.record_kind(), account, reference_no)? {
        if Some(existing.key.as_str()) != updating {
            return Err(duplicate_reference(reference_no, &existing.key));
        }
    }

    Ok(items)
}

/// A line in list form, with what the product says about customs and weight.
fn item_of(line: &OutboundLine, product: Option<&Value>) -> OutboundOrderItem {
    let text = |field: &str| {
        product
            .and_then(|p| p.get(field))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let number = |field: &str| {
        product
            .and_then(|p| p.get(field))
            .and_then(|value| match value {
                Value::String(text) => Decimal::from_str(text.trim()).ok(),
                Value::Number(number) => Decimal::from_str(&number.to_string()).ok(),
                _ => None,
            })
    };

    OutboundOrderItem {
        product_sku: line.product_sku.clone(),
        declare_name: text("name"),
        declare_name_en: text("nameEn"),
        declare_value: number("price"),
        qty: Some(line.qty),
        weight: number("productWeight"),
        box_no: line.box_no.clone(),
        platform_sku: line.platform_sku.clone(),
        paste_qty: None,
        extra: Extra::new(),
    }
}

/// Fills the server's fields of an order: kind, number, lines, totals, label status, times.
fn complete(
    mut order: OutboundOrder,
    kind: Kind,
    order_no: &str,
    items: Vec<OutboundOrderItem>,
    created_at: &str,
    updated_at: &str,
) -> OutboundOrder {
    let total_weight = items
        .iter()
        .map(|item| item.weight.unwrap_or_default() * Decimal::from(item.qty.unwrap_or_default()))
        .sum::<Decimal>();

    order.order_type = Some(kind.order_kind());
    order.order_no = order_no.to_owned();
    order.total_product = Some(items.iter().filter_map(|item| item.qty).sum());
    order.total_weight = Some(total_weight.round_dp(3));
    order.label_status = Some(if order.tracking_no.is_some() {
        LabelStatus::Created
    } else {
        LabelStatus::None
    });
    order.error_reason = None;
    order.outbound_time = None;
    order.create_time = Some(created_at.to_owned());
    order.update_time = Some(updated_at.to_owned());
    order.open_items = items;
    order.open_attachments = Vec::new();

    order
}

/// The stored record of an order.
fn record_of(
    kind: Kind,
    account: &str,
    order: &OutboundOrder,
    created_at: &str,
    updated_at: &str,
) -> Result<Record, Refusal> {
    Ok(Record {
        kind: kind.record_kind().to_owned(),
        key: order.order_no.clone(),
        account: account.to_owned(),
        status: order.status.map(Code::code).unwrap_or_default(),
        reference_no: order.reference_no.clone(),
        body: serde_json::to_value(order).map_err(internal)?,
        created_at: created_at.to_owned(),
        updated_at: updated_at.to_owned(),
    })
}

fn list(call: &Call, kind: Kind) -> Outcome {
    let request: OutboundListRequest = call.request()?;
    let account = call.account_key();

    let rows = call.store.read(|db| {
        let mut rows = Vec::new();
        for record in db.records(kind.record_kind(), account)?.into_iter().rev() {
            if !matches_filters(&record, &request) {
                continue;
            }
            let mut order: OutboundOrder = serde_json::from_value(record.body)?;
            order.open_attachments = db
                .attachments(account, (kind.record_kind(), &record.key))?
                .iter()
                .map(|stored| open_attachment(stored, false))
                .collect();
            rows.push(serde_json::to_value(order)?);
        }
        Ok(rows)
    })?;

    Ok(page_of(rows, request.common_param.as_ref()))
}

/// Every filter of SPEC.md §2.5: numbers, references, a create or update time range, status and
/// stock type.
fn matches_filters(record: &Record, request: &OutboundListRequest) -> bool {
    let inventory_type = request.inventory_type.map(Code::code);
    let record_inventory_type = record
        .body
        .get("inventoryType")
        .and_then(|value| match value {
            Value::String(text) => text.parse::<i64>().ok(),
            other => other.as_i64(),
        });

    matches_numbers(
        Some(&record.key),
        request.order_no.as_deref(),
        &request.order_nos,
    ) && matches_numbers(
        record.reference_no.as_deref(),
        request.reference_no.as_deref(),
        &request.reference_nos,
    ) && in_time_range(
        Some(&record.created_at),
        request.start_create_time.as_deref(),
        request.end_create_time.as_deref(),
    ) && in_time_range(
        Some(&record.updated_at),
        request.start_update_time.as_deref(),
        request.end_update_time.as_deref(),
    ) && request
        .status
        .is_none_or(|status| status.code() == record.status)
        && inventory_type.is_none_or(|wanted| record_inventory_type == Some(wanted))
}

fn upload_attachments(call: &Call) -> Outcome {
    let request: UploadAttachmentsRequest = call.request()?;
    let account = call.account_key();
    let now = call.now();

    let stored = in_transaction(&call.store, |db| {
        let (kind, record) = find_order(db, account, &request.order_no)?
            .ok_or_else(|| not_found(None, &request.order_no))?;
        let status = OutboundStatus::from_code(record.status);
        if matches!(status, OutboundStatus::Shipped | OutboundStatus::Cancelled) {
            return Err(Refusal::Conflict(wrong_status(
                &request.order_no,
                status,
                "上传附件",
                "given attachments",
            )));
        }

        let attachments: Vec<&oms_api::Attachment> =
            request.attachments.iter().map(|a| &a.0).collect();
        store_attachments(
            db,
            account,
            (kind.record_kind(), &record.key),
            &attachments,
            &now,
        )
    })?;

    let answer: Vec<AttachmentAnswer> = stored
        .into_iter()
        .map(|row| AttachmentAnswer {
            attachment_id: row.id.to_string(),
            file_name: Some(row.file_name),
            attachment_type: Some(row.attachment_type),
            extra: Extra::new(),
        })
        .collect();
    serde_json::to_value(answer).map_err(internal)
}

fn download_attachments(call: &Call) -> Outcome {
    let request: DownloadAttachmentsRequest = call.request()?;
    let account = call.account_key();
    let wanted = request
        .attachment_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());

    let files: Vec<OpenAttachment> = call
        .store
        .read(|db| {
            let Some((kind, record)) = find_order(db, account, &request.order_no)? else {
                return Ok(None);
            };
            let stored = db.attachments(account, (kind.record_kind(), &record.key))?;
            Ok(Some(
                stored
                    .iter()
                    .filter(|row| wanted.is_none_or(|id| row.id.to_string() == id))
                    .map(|row| open_attachment(row, true))
                    .collect(),
            ))
        })?
        .ok_or_else(|| not_found(None, &request.order_no))?;

    if let (Some(id), true) = (wanted, files.is_empty()) {
        return Err(Refusal::NotFound(format!(
            "附件不存在 {id}（订单 {}）(no attachment {id} on order {})",
            request.order_no, request.order_no
        )));
    }
    serde_json::to_value(files).map_err(internal)
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
            match cancel_one(db, account, order_no.trim(), &now)? {
                Ok(()) => result
                    .success_list
                    .push(bulk_item(order_no, "已取消 (cancelled)")),
                Err(reason) => result.fail_list.push(bulk_item(order_no, &reason)),
            }
        }

        result.success_qty = result.success_list.len() as u64;
        result.fail_qty = result.fail_list.len() as u64;
        Ok(result)
    })?;

    serde_json::to_value(result).map_err(internal)
}

/// Cancels one order; the reason it cannot be cancelled otherwise.
fn cancel_one(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
    now: &str,
) -> StoreResult<Result<(), String>> {
    let Some((_, record)) = find_order(db, account, order_no)? else {
        return Ok(Err(format!(
            "出库单不存在 {order_no} (no such outbound order: {order_no})"
        )));
    };
    let status = OutboundStatus::from_code(record.status);

    let mut order: OutboundOrder = serde_json::from_value(record.body.clone())?;
    match status {
        OutboundStatus::Reviewed => release_stock(db, account, &order, now)?,
        OutboundStatus::Draft | OutboundStatus::PendingReview | OutboundStatus::Exception => {}
        other => {
            return Ok(Err(wrong_status(
                order_no,
                other,
                "取消（仓库已开始作业或订单已结束）",
                "cancelled (the warehouse has started work, or the order is closed)",
            )))
        }
    }

    order.status = Some(OutboundStatus::Cancelled);
    order.update_time = Some(now.to_owned());
    db.update_record(&Record {
        status: OutboundStatus::Cancelled.code(),
        body: serde_json::to_value(&order)?,
        updated_at: now.to_owned(),
        ..record
    })?;
    Ok(Ok(()))
}

fn bulk_item(order_no: &str, message: &str) -> BulkItem {
    BulkItem {
        order_no: order_no.to_owned(),
        message: message.to_owned(),
        ..BulkItem::default()
    }
}

/// The order with this number, B2C or B2B.
fn find_order(db: &Db<'_>, account: &str, order_no: &str) -> StoreResult<Option<(Kind, Record)>> {
    for kind in Kind::ALL {
        if let Some(record) = db.record(kind.record_kind(), account, order_no.trim())? {
            return Ok(Some((kind, record)));
        }
    }
    Ok(None)
}

/// Whether an outbound order exists and has shipped, for the returns module: `Ok(())` when it
/// has, otherwise the reason in Chinese and in English.
pub(crate) fn shipped_order(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
) -> StoreResult<Result<(), (String, String)>> {
    let Some((_, record)) = find_order(db, account, order_no)? else {
        return Ok(Err((
            format!("出库单不存在 {order_no}"),
            format!("outbound order does not exist: {order_no}"),
        )));
    };
    let status = OutboundStatus::from_code(record.status);

    if status == OutboundStatus::Shipped {
        return Ok(Ok(()));
    }
    Ok(Err((
        format!("出库单 {order_no} 尚未出库，状态为 {}", status.label_zh()),
        format!(
            "outbound order {order_no} has not shipped; it is {}",
            status.label_en()
        ),
    )))
}

/// A SKU without enough sellable stock for an order.
struct Shortage {
    sku: String,
    warehouse: String,
    needed: i64,
    available: i64,
}

impl Shortage {
    fn describe(&self) -> String {
        format!(
            "可售库存不足 {} @ {}：需要 {}，可用 {} \
             (not enough sellable stock of {} in {}: needed {}, available {})",
            self.sku,
            self.warehouse,
            self.needed,
            self.available,
            self.sku,
            self.warehouse,
            self.needed,
            self.available
        )
    }
}

/// Pieces per SKU of an order (a SKU may appear on several lines).
fn pieces_per_sku(order: &OutboundOrder) -> BTreeMap<String, i64> {
    let mut pieces = BTreeMap::new();
    for item in &order.open_items {
        *pieces.entry(item.product_sku.clone()).or_insert(0) += item.qty.unwrap_or_default();
    }
    pieces
}

/// Reviews an order: locks its stock and sets status 3, or names every SKU short of stock and
/// changes nothing.
fn lock_stock(
    db: &Db<'_>,
    account: &str,
    order: &mut OutboundOrder,
    at: &str,
) -> StoreResult<Result<(), Vec<Shortage>>> {
    let warehouse = order.warehouse_code.clone().unwrap_or_default();
    let pieces = pieces_per_sku(order);
    let sellable: BTreeMap<String, i64> = db
        .stock_rows(account)?
        .into_iter()
        .filter(|row| row.warehouse_code == warehouse)
        .map(|row| (row.product_sku, row.sale_qty))
        .collect();

    let shortages: Vec<Shortage> = pieces
        .iter()
        .filter_map(|(sku, needed)| {
            let available = sellable.get(sku).copied().unwrap_or_default();
            (available < *needed).then(|| Shortage {
                sku: sku.clone(),
                warehouse: warehouse.clone(),
                needed: *needed,
                available,
            })
        })
        .collect();
    if !shortages.is_empty() {
        return Ok(Err(shortages));
    }

    for (sku, qty) in &pieces {
        let change = |counter, delta| StockChange {
            account,
            warehouse_code: &warehouse,
            product_sku: sku,
            counter,
            delta,
            biz_type: biz::ORDER_LOCK,
            order_no: Some(&order.order_no),
            batch_no: None,
            at,
        };
        db.adjust_stock(&change(StockCounter::Sale, -qty))?;
        db.adjust_stock(&change(StockCounter::Lock, *qty))?;
    }
    order.status = Some(OutboundStatus::Reviewed);
    order.error_reason = None;
    if order.label_status != Some(LabelStatus::Created) {
        order.label_status = Some(LabelStatus::Waiting);
    }
    Ok(Ok(()))
}

/// Gives the locked stock of a reviewed order back to sellable stock.
fn release_stock(db: &Db<'_>, account: &str, order: &OutboundOrder, at: &str) -> StoreResult<()> {
    let warehouse = order.warehouse_code.clone().unwrap_or_default();

    for (sku, qty) in pieces_per_sku(order) {
        let change = |counter, delta| StockChange {
            account,
            warehouse_code: &warehouse,
            product_sku: &sku,
            counter,
            delta,
            biz_type: biz::ORDER_CANCEL,
            order_no: Some(&order.order_no),
            batch_no: None,
            at,
        };
        db.adjust_stock(&change(StockCounter::Lock, -qty))?;
        db.adjust_stock(&change(StockCounter::Sale, qty))?;
    }
    Ok(())
}

/// Stock leaves the warehouse: the locked pieces go out (`lockQty` down, `outQty` up; the total
/// falls with `lockQty`).
fn on_shipped(
    db: &Db<'_>,
    account: &str,
    warehouse: &str,
    sku: &str,
    qty: i64,
    order_no: &str,
    at: &str,
) -> StoreResult<()> {
    let change = |counter, delta| StockChange {
        account,
        warehouse_code: warehouse,
        product_sku: sku,
        counter,
        delta,
        biz_type: biz::SHIPPED,
        order_no: Some(order_no),
        batch_no: None,
        at,
    };

    db.adjust_stock(&change(StockCounter::Lock, -qty))?;
    db.adjust_stock(&change(StockCounter::Out, qty))?;
    crate::inventory::consume_age_batches(db, account, warehouse, sku, qty)?;

    Ok(())
}

/// Ships an order: tracking number if it has none, `outboundTime`, label created, stock out.
fn ship(db: &Db<'_>, account: &str, order: &mut OutboundOrder, at: &str) -> StoreResult<()> {
    let warehouse = order.warehouse_code.clone().unwrap_or_default();

    for (sku, qty) in pieces_per_sku(order) {
        on_shipped(db, account, &warehouse, &sku, qty, &order.order_no, at)?;
    }

    if order
        .tracking_no
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        order.tracking_no = Some(format!("SBX{}", order.order_no.trim_start_matches("OB")));
    }
    order.status = Some(OutboundStatus::Shipped);
    order.outbound_time = Some(at.to_owned());
    order.label_status = Some(LabelStatus::Created);
    Ok(())
}

/// How long an order stays in a status before the warehouse moves it on.
fn wait_minutes(status: i64) -> Option<i64> {
    match OutboundStatus::from_code(status) {
        OutboundStatus::PendingReview => Some(REVIEW_MINUTES),
        OutboundStatus::Reviewed => Some(PICK_MINUTES),
        OutboundStatus::AwaitingOutbound => Some(SHIP_MINUTES),
        _ => None,
    }
}

/// The clock hook: every order whose next status is due moves on, each step at its own time.
fn move_orders_along(db: &Db<'_>, advance: &ClockAdvance) -> StoreResult<()> {
    for kind in Kind::ALL {
        for account in accounts_with(db, kind.record_kind())? {
            for record in db.records(kind.record_kind(), &account)? {
                if wait_minutes(record.status).is_none() {
                    continue;
                }
                move_order(db, &account, record, advance.to_ms)?;
            }
        }
    }
    Ok(())
}

fn move_order(db: &Db<'_>, account: &str, record: Record, now_ms: i64) -> StoreResult<()> {
    let mut order: OutboundOrder = serde_json::from_value(record.body.clone())?;

    let last = advance_due(
        record.status,
        &record.updated_at,
        now_ms,
        wait_minutes,
        |status, at| {
            match OutboundStatus::from_code(status) {
                OutboundStatus::PendingReview => {
                    if let Err(shortages) = lock_stock(db, account, &mut order, at)? {
                        order.status = Some(OutboundStatus::Exception);
                        order.error_reason = Some(
                            shortages
                                .iter()
                                .map(Shortage::describe)
                                .collect::<Vec<_>>()
                                .join("; "),
                        );
                    }
                }
                OutboundStatus::Reviewed => order.status = Some(OutboundStatus::AwaitingOutbound),
                _ => ship(db, account, &mut order, at)?,
            }
            Ok(order.status.map(Code::code).unwrap_or_default())
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

fn not_found(kind: Option<Kind>, order_no: &str) -> Refusal {
    let (zh, en) = kind.map_or(("出库", "outbound"), |kind| (kind.name(), kind.name()));

    Refusal::NotFound(format!(
        "{zh}订单不存在 {order_no} (no such {en} order: {order_no})"
    ))
}

fn internal(error: serde_json::Error) -> Refusal {
    Refusal::Internal(error.to_string())
}
