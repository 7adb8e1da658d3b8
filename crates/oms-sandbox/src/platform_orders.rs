//! E-commerce platform orders (电商平台模块): orders pushed as they came from a marketplace
//! store, singly or in batches, their attachments, and the stores themselves.
//!
//! Rules of the sandbox (SPEC.md §2.9 documents only the bodies and the `"创建成功"` answer):
//! - `platformOrderNo` is unique per account; a second order with it is refused, naming it.
//! - `warehouseCode` must be a warehouse; `platformStoreCode`, when given, a store created with
//!   `platform_store_create` (whose `storeCode` is unique per account); `shippingMethodCode`,
//!   when given, a logistics channel (methodType 1) of that warehouse; `buyerCountryCode`, when
//!   given, a country of the sandbox. Line SKUs are the marketplace's own and are not checked
//!   against the catalogue (the OMS maps them later).
//! - A batch is judged order by order: each order's field problems, a repeated `platformOrderNo`
//!   within the batch or against stored orders, and the checks above fail only that order; the
//!   valid ones are stored. Only an empty or oversized batch is refused as a whole.
//! - The store's `authToken` is never stored, answered or logged: records keep the order without
//!   it, so nothing the sandbox can show ever holds it.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::bulk::{BulkItem, BulkResult};
use oms_api::common::{MethodType, ShippingMethod};
use oms_api::endpoints::EndpointId;
use oms_api::files::clean_base64;
use oms_api::platform::{
    PlatformAttachmentUpload, PlatformOrderBatch, PlatformOrderCreate, PlatformStoreCreate,
    StoreCreated, MAX_ORDERS_PER_BATCH,
};
use oms_api::wire::Extra;
use oms_api::{FieldError, Validate};
use serde_json::json;
use std::collections::HashMap;

use crate::registry::{Call, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::{Db, Record, StoreResult, StoredAttachment, SHARED};

/// The record kind of platform orders; key = `platformOrderNo`.
pub const ORDER_KIND: &str = "platform_order";

/// The record kind of platform stores; key = `storeCode`.
pub const STORE_KIND: &str = "platform_store";

/// What a created order answers, as in the documentation's example.
const CREATED: &str = "创建成功";

/// Registers the platform-order endpoints.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::PlatformOrderCreate, create_order)
        .handle(EndpointId::PlatformOrderCreateBatch, create_batch)
        .handle(EndpointId::PlatformUploadAttachment, upload_attachment)
        .handle(EndpointId::PlatformStoreCreate, create_store);
}

fn create_order(call: &Call) -> Outcome {
    let order: PlatformOrderCreate = call.request()?;
    let account = call.account_key();
    let now = call.now();

    call.store
        .write(|db| store_order(db, account, &order, &now))??;

    Ok(json!(CREATED))
}

fn create_batch(call: &Call) -> Outcome {
    let batch: PlatformOrderBatch =
        oms_api::dispatch::parse(call.body.clone()).map_err(Refusal::from)?;
    refuse_bad_batch_size(&batch)?;
    let account = call.account_key();
    let now = call.now();

    let result = call.store.write(|db| {
        let mut result = BulkResult {
            total_qty: batch.0.len() as u64,
            ..BulkResult::default()
        };
        let mut first_seen: HashMap<&str, usize> = HashMap::new();

        for (index, order) in batch.0.iter().enumerate() {
            let number = order.platform_order_no.trim();
            let outcome = match first_seen.get(number) {
                Some(first) if !number.is_empty() => Err(Refusal::rejected(format!(
                    "[{index}].platformOrderNo: 与第 {} 个订单重复 {number} (repeats order \
                     [{first}] of this batch: {number})",
                    first + 1
                ))),
                _ => match order.check() {
                    Ok(()) => store_order(db, account, order, &now)?,
                    Err(error) => Err(Refusal::from(error)),
                },
            };
            first_seen.entry(number).or_insert(index);

            match outcome {
                Ok(()) => result.success_list.push(bulk_item(number, CREATED)),
                Err(refusal) => result
                    .fail_list
                    .push(bulk_item(number, &refusal_text(index, &refusal))),
            }
        }

        result.success_qty = result.success_list.len() as u64;
        result.fail_qty = result.fail_list.len() as u64;
        Ok(result)
    })?;

    serde_json::to_value(&result).map_err(|e| Refusal::Internal(e.to_string()))
}

/// Refuses the batch as a whole only when it has no order or more than the limit.
fn refuse_bad_batch_size(batch: &PlatformOrderBatch) -> Result<(), Refusal> {
    let count = batch.0.len();
    if (1..=MAX_ORDERS_PER_BATCH).contains(&count) {
        return Ok(());
    }

    Err(Refusal::Invalid(vec![FieldError {
        field: "(body)".to_owned(),
        zh: format!("一批应有 1 到 {MAX_ORDERS_PER_BATCH} 个订单，当前 {count} 个"),
        en: format!("a batch takes 1 to {MAX_ORDERS_PER_BATCH} orders, this one has {count}"),
    }]))
}

/// Checks one order against the stored data and stores it (without its `authToken`). The outer
/// error is the database's (the transaction rolls back); the inner one refuses this order.
fn store_order(
    db: &Db<'_>,
    account: &str,
    order: &PlatformOrderCreate,
    now: &str,
) -> StoreResult<Result<(), Refusal>> {
    let number = order.platform_order_no.trim();
    if db.record(ORDER_KIND, account, number)?.is_some() {
        return Ok(Err(Refusal::Conflict(format!(
            "电商平台订单号已存在 {number} (platformOrderNo {number} already exists)"
        ))));
    }
    let problems = reference_problems(db, account, order)?;
    if !problems.is_empty() {
        return Ok(Err(Refusal::Invalid(problems)));
    }

    let mut stored = order.clone();
    stored.auth_token = None;
    stored.platform_order_no = number.to_owned();
    stored.extra.insert("createTime".to_owned(), json!(now));
    db.insert_record(&Record {
        kind: ORDER_KIND.to_owned(),
        key: number.to_owned(),
        account: account.to_owned(),
        status: 0,
        reference_no: None,
        body: serde_json::to_value(&stored)?,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    })?;

    Ok(Ok(()))
}

/// The references of an order that do not exist: warehouse, store, channel and buyer country.
fn reference_problems(
    db: &Db<'_>,
    account: &str,
    order: &PlatformOrderCreate,
) -> StoreResult<Vec<FieldError>> {
    let mut problems = Vec::new();

    let warehouse = order.warehouse_code.trim();
    if db.record(kinds::WAREHOUSE, SHARED, warehouse)?.is_none() {
        problems.push(field_error(
            "warehouseCode",
            format!("仓库编码不存在 {warehouse}"),
            format!("warehouse does not exist: {warehouse}"),
        ));
    }

    if let Some(store) = given(order.platform_store_code.as_deref()) {
        if db.record(STORE_KIND, account, store)?.is_none() {
            problems.push(field_error(
                "platformStoreCode",
                format!("店铺不存在 {store}，请先创建店铺"),
                format!("store does not exist: {store}; create it with platform_store_create"),
            ));
        }
    }

    if let Some(code) = given(order.shipping_method_code.as_deref()) {
        let channel = db
            .record(kinds::SHIPPING_METHOD, SHARED, code)?
            .map(|record| serde_json::from_value::<ShippingMethod>(record.body))
            .transpose()?;
        let fits = channel.is_some_and(|channel| {
            channel.method_type == Some(MethodType::Logistics)
                && channel
                    .open_warehouse
                    .and_then(|w| w.warehouse_code)
                    .is_some_and(|w| w == warehouse)
        });
        if !fits {
            problems.push(field_error(
                "shippingMethodCode",
                format!("仓库 {warehouse} 没有物流渠道 {code}"),
                format!("{code} is not a logistics channel of warehouse {warehouse}"),
            ));
        }
    }

    if let Some(country) = given(order.buyer_country_code.as_deref()) {
        if db.record(kinds::COUNTRY, SHARED, country)?.is_none() {
            problems.push(field_error(
                "buyerCountryCode",
                format!("国家不存在 {country}"),
                format!("country does not exist: {country}"),
            ));
        }
    }

    Ok(problems)
}

fn upload_attachment(call: &Call) -> Outcome {
    let request: PlatformAttachmentUpload = call.request()?;
    let account = call.account_key();
    let number = request.platform_order_no.trim();
    let now = call.now();

    let files: Vec<StoredAttachment> = request
        .attachment_open_dtos
        .iter()
        .map(|attachment| {
            let attachment = &attachment.0;
            let bytes = BASE64
                .decode(clean_base64(&attachment.base64))
                .map_err(|e| Refusal::Internal(format!("checked Base64 did not decode: {e}")))?;
            Ok(StoredAttachment {
                id: 0,
                attachment_type: attachment.attachment_type.clone(),
                file_name: attachment.file_name.clone(),
                file_type: file_type(&attachment.file_name),
                bytes,
            })
        })
        .collect::<Result<_, Refusal>>()?;

    call.store.write(|db| {
        if db.record(ORDER_KIND, account, number)?.is_none() {
            return Ok(Err(Refusal::NotFound(format!(
                "电商平台订单不存在 {number} (platform order not found: {number})"
            ))));
        }
        for file in &files {
            db.insert_attachment(account, (ORDER_KIND, number), file, &now)?;
        }
        Ok(Ok(()))
    })??;

    Ok(json!(format!(
        "上传成功，共 {} 个附件 (uploaded {} attachment(s))",
        files.len(),
        files.len()
    )))
}

fn create_store(call: &Call) -> Outcome {
    let request: PlatformStoreCreate = call.request()?;
    let account = call.account_key();
    let code = request.store_code.trim().to_owned();
    let now = call.now();

    let mut stored = request.clone();
    stored.auth_token = None;
    stored.store_code = code.clone();
    stored.extra.insert("createTime".to_owned(), json!(now));
    let body = serde_json::to_value(&stored).map_err(|e| Refusal::Internal(e.to_string()))?;

    call.store.write(|db| {
        if db.record(STORE_KIND, account, &code)?.is_some() {
            return Ok(Err(Refusal::Conflict(format!(
                "店铺代码已存在 {code} (storeCode {code} already exists)"
            ))));
        }
        db.insert_record(&Record {
            kind: STORE_KIND.to_owned(),
            key: code.clone(),
            account: account.to_owned(),
            status: 0,
            reference_no: None,
            body,
            created_at: now.clone(),
            updated_at: now.clone(),
        })?;
        Ok(Ok(()))
    })??;

    serde_json::to_value(StoreCreated {
        store_code: code,
        extra: Extra::new(),
    })
    .map_err(|e| Refusal::Internal(e.to_string()))
}

/// `PDF`, `PNG`… from the file name's extension.
fn file_type(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_uppercase())
        .unwrap_or_default()
}

fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|value| !value.is_empty())
}

fn field_error(field: &str, zh: String, en: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        zh,
        en,
    }
}

fn bulk_item(platform_order_no: &str, message: &str) -> BulkItem {
    BulkItem {
        order_no: String::new(),
        platform_order_no: Some(platform_order_no.to_owned()),
        message: message.to_owned(),
        extra: Extra::new(),
    }
}

/// The reason of a failed batch order; field paths are prefixed with its position (`[3].`).
fn refusal_text(index: usize, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Invalid(fields) => fields
            .iter()
            .map(|field| format!("[{index}].{field}"))
            .collect::<Vec<_>>()
            .join("; "),
        Refusal::Rejected { message, .. } => message.clone(),
        Refusal::NotFound(message) | Refusal::Conflict(message) | Refusal::Internal(message) => {
            message.clone()
        }
    }
}
