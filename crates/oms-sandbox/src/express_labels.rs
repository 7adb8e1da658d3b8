//! Express labels (快递面单): the seller buys a carrier label through the warehouse's account.
//! The life cycle is the one of SPEC.md §2.8, and it is not written here: every status change
//! goes through `oms_api::label::LabelAction::apply`, the same function the app uses to show
//! which buttons are enabled, so the sandbox cannot allow what the UI forbids or the reverse.
//!
//! What the sandbox decides on its own (the real OMS documents none of it):
//! - `label_create` makes a draft (1), `label_create_reviewed` a reviewed label (3).
//! - `label_update` changes a draft (1) only: once submitted, the content is under review.
//! - The warehouse's work happens when the sandbox clock advances (`/__sandbox/advance-clock`):
//!   every reviewed label (3) is made (4, tracking number and a 100x150 mm PDF) and every refund
//!   request (5) is refunded (6).
//! - A consignee postcode `00000` makes the first attempt fail (-2, with `errorReason`), as a
//!   carrier that is briefly down would; `label_retry` (-2 → 3) and the next clock advance then
//!   make the label. Tests use it to walk the failure path.
//! - The label file is in `label_info` in status 4 only, as `LabelStatus::has_label_file` says:
//!   once a refund is asked for, the label must not be stuck on a parcel any more.
//! - Fees are a fixed formula (see [`estimate_fee`]) so tests can check the numbers.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::bulk::{BulkItem, BulkResult, OrderCreated};
use oms_api::common::{MethodType, ShippingMethod, ShippingMethodListRequest};
use oms_api::endpoints::EndpointId;
use oms_api::files::InlineFile;
use oms_api::label::{
    ExpressLabel, ExpressLabelCreate, ExpressLabelUpdate, FeeEstimate, FeeItem, LabelAction,
    LabelActionRequest, LabelActionResult, LabelAddress, LabelInfoRequest, LabelListRequest,
    LabelStatus,
};
use oms_api::wire::{Code, Extra, YesNo};
use oms_api::FieldError;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use crate::labels;
use crate::paging::page_of;
use crate::registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::{Db, Record, StoreResult, SHARED};

/// The record kind of express labels; key = `orderNo`.
pub const KIND: &str = "express_label";

/// A consignee postcode that makes the first creation attempt of a label fail.
pub const FAILING_POSTCODE: &str = "00000";

/// The extra field counting the retries of a label (`retryCount`), shown in its answers.
const RETRY_COUNT: &str = "retryCount";

/// Freight per channel: code, base fee and fee per chargeable kilogram, in US cents.
const RATES: &[(&str, i64, i64)] = &[
    ("UPS-LABEL", 650, 180),
    ("FEDEX-LABEL", 720, 165),
    ("DHL-LABEL", 590, 150),
    ("ROYALMAIL-LABEL", 480, 140),
];

/// Freight of an express-label channel missing from [`RATES`], in US cents.
const DEFAULT_RATE: (i64, i64) = (600, 170);

/// Registers the express-label endpoints and the clock hook that makes and refunds labels.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::LabelChannelList, channel_list)
        .handle(EndpointId::LabelList, label_list)
        .handle(EndpointId::LabelInfo, label_info)
        .handle(EndpointId::LabelCreate, |call| {
            create(call, LabelStatus::Draft)
        })
        .handle(EndpointId::LabelCreateReviewed, |call| {
            create(call, LabelStatus::Reviewed)
        })
        .handle(EndpointId::LabelUpdate, update)
        .handle(EndpointId::LabelCancel, cancel)
        .handle(EndpointId::LabelFeeTrial, fee_trial)
        .handle(EndpointId::LabelFeeInfo, fee_info)
        .on_clock_advance(work_on_labels);

    for action in LabelAction::ALL {
        if action != LabelAction::Cancel {
            registry.handle(action.endpoint(), move |call| act(call, action));
        }
    }
}

fn channel_list(call: &Call) -> Outcome {
    let request: ShippingMethodListRequest = call.request()?;

    let records = call
        .store
        .read(|db| db.records(kinds::SHIPPING_METHOD, SHARED))?;
    let mut rows = Vec::new();
    for record in records {
        let channel: ShippingMethod = from_body(&record.body)?;
        let wanted = is_label_channel(&channel)
            && same_text(
                channel
                    .open_warehouse
                    .as_ref()
                    .and_then(|w| w.warehouse_code.as_deref()),
                request.warehouse_code.as_deref(),
            )
            && same_text(Some(&channel.code), request.code.as_deref())
            && request
                .method_type
                .is_none_or(|wanted| channel.method_type == Some(wanted));
        if wanted {
            rows.push(record.body);
        }
    }

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn label_list(call: &Call) -> Outcome {
    let request: LabelListRequest = call.request()?;

    let records = call.store.read(|db| db.records(KIND, call.account_key()))?;
    let mut rows = Vec::new();
    for record in records {
        let label: ExpressLabel = from_body(&record.body)?;
        if list_filter_keeps(&request, &label, &record.created_at) {
            rows.push(record.body);
        }
    }

    Ok(page_of(rows, request.common_param.as_ref()))
}

/// True when the label passes every filter of the list request.
fn list_filter_keeps(request: &LabelListRequest, label: &ExpressLabel, created_at: &str) -> bool {
    let in_list = |list: &[String], value: Option<&str>| {
        list.is_empty() || value.is_some_and(|value| list.iter().any(|item| item.trim() == value))
    };
    let starts_after = request
        .start_create_time
        .as_deref()
        .is_none_or(|start| created_at >= start);
    let ends_before = request
        .end_create_time
        .as_deref()
        .is_none_or(|end| created_at <= end);

    same_text(Some(&label.order_no), request.order_no.as_deref())
        && in_list(&request.order_nos, Some(&label.order_no))
        && same_text(
            label.reference_no.as_deref(),
            request.reference_no.as_deref(),
        )
        && in_list(&request.reference_nos, label.reference_no.as_deref())
        && same_text(label.tracking_no.as_deref(), request.tracking_no.as_deref())
        && same_text(
            label.shipping_method_code.as_deref(),
            request.shipping_method_code.as_deref(),
        )
        && request
            .status
            .is_none_or(|status| label.status == Some(status))
        && starts_after
        && ends_before
}

fn label_info(call: &Call) -> Outcome {
    let request: LabelInfoRequest = call.request()?;

    let mut label = call
        .store
        .read(|db| load(db, call.account_key(), &request.order_no))?
        .ok_or_else(|| not_found(&request.order_no))?;

    if label.status.is_some_and(LabelStatus::has_label_file) {
        let pdf = render_pdf(&label).map_err(|e| Refusal::Internal(e.to_string()))?;
        label.label_file = Some(InlineFile {
            file_name: Some(format!("{}.pdf", label.order_no)),
            file_type: Some("PDF".to_owned()),
            base64: BASE64.encode(pdf),
            extra: Extra::new(),
        });
    }

    to_data(&label)
}

fn create(call: &Call, status: LabelStatus) -> Outcome {
    let request: ExpressLabelCreate = call.request()?;
    let account = call.account_key();
    let now = call.now();

    let created = call
        .store
        .write(|db| create_in(db, account, &request, status, &now))??;

    to_data(&created)
}

fn create_in(
    db: &Db<'_>,
    account: &str,
    request: &ExpressLabelCreate,
    status: LabelStatus,
    now: &str,
) -> StoreResult<Result<OrderCreated, Refusal>> {
    if let Some(refusal) = refusal_for_content(db, account, request, None)? {
        return Ok(Err(refusal));
    }

    let sequence = db.next_number(KIND)?;
    let order_no = format!("EL{}{sequence:04}", date_digits(now));
    let mut label = label_from(&order_no, request, status, now);
    label.create_time = Some(now.to_owned());
    insert(db, account, &label)?;

    Ok(Ok(OrderCreated {
        order_no,
        tracking_no: label.tracking_no,
        extra: Extra::new(),
    }))
}

fn update(call: &Call) -> Outcome {
    let request: ExpressLabelUpdate = call.request()?;
    let account = call.account_key();
    let now = call.now();

    let updated = call
        .store
        .write(|db| update_in(db, account, &request, &now))??;

    to_data(&updated)
}

fn update_in(
    db: &Db<'_>,
    account: &str,
    request: &ExpressLabelUpdate,
    now: &str,
) -> StoreResult<Result<OrderCreated, Refusal>> {
    let order_no = request.order_no.trim();
    let Some(current) = load(db, account, order_no)? else {
        return Ok(Err(not_found(order_no)));
    };
    let status = current.status.unwrap_or(LabelStatus::Other(0));
    if status != LabelStatus::Draft {
        return Ok(Err(Refusal::Conflict(format!(
            "面单 {order_no} 当前状态为 {} {}，只有 1 草稿 可以修改 (express label {order_no} is \
             in status {} ({}); only drafts (1) can be changed)",
            status.code(),
            status.label_zh(),
            status.code(),
            status.label_en()
        ))));
    }
    if let Some(refusal) = refusal_for_content(db, account, &request.label, Some(order_no))? {
        return Ok(Err(refusal));
    }

    let mut label = label_from(order_no, &request.label, status, now);
    label.create_time = current.create_time;
    label.extra = current.extra;
    save(db, account, &label, now)?;

    Ok(Ok(OrderCreated {
        order_no: order_no.to_owned(),
        tracking_no: label.tracking_no,
        extra: Extra::new(),
    }))
}

/// A single-label action: submit-review, review, reject, refund, activate or retry.
fn act(call: &Call, action: LabelAction) -> Outcome {
    let request: LabelActionRequest = call.request()?;
    let order_no = single_label(&request)?;
    let now = call.now();

    let label = call
        .store
        .write(|db| transition(db, call.account_key(), &order_no, action, &now))??;

    to_data(&LabelActionResult {
        order_no: Some(label.order_no),
        status: label.status,
        tracking_no: label.tracking_no,
        message: None,
        extra: Extra::new(),
    })
}

/// The one label a single-label action names (`orderNo`, or `orderNos` with one entry).
fn single_label(request: &LabelActionRequest) -> Result<String, Refusal> {
    match (&request.order_no, request.order_nos.as_slice()) {
        (Some(order_no), _) => Ok(order_no.trim().to_owned()),
        (None, [order_no]) => Ok(order_no.trim().to_owned()),
        _ => Err(Refusal::Invalid(vec![FieldError {
            field: "orderNos".to_owned(),
            zh: "此操作一次只能处理一张面单，请用 orderNo".to_owned(),
            en: "this action takes one label at a time; give orderNo".to_owned(),
        }])),
    }
}

fn cancel(call: &Call) -> Outcome {
    let request: LabelActionRequest = call.request()?;
    let order_nos: Vec<String> = request
        .order_no
        .iter()
        .chain(request.order_nos.iter())
        .map(|order_no| order_no.trim().to_owned())
        .collect();
    let now = call.now();

    let result = call.store.write(|db| {
        let mut result = BulkResult {
            total_qty: order_nos.len() as u64,
            ..BulkResult::default()
        };
        for order_no in &order_nos {
            match transition(db, call.account_key(), order_no, LabelAction::Cancel, &now)? {
                Ok(_) => result
                    .success_list
                    .push(bulk_item(order_no, "已取消 (cancelled)")),
                Err(refusal) => result
                    .fail_list
                    .push(bulk_item(order_no, &refusal_text(&refusal))),
            }
        }
        result.success_qty = result.success_list.len() as u64;
        result.fail_qty = result.fail_list.len() as u64;
        Ok(result)
    })?;

    to_data(&result)
}

/// Moves one label by a seller action, refusing (with the current status and the allowed actions)
/// what `LabelAction::apply` refuses. The outer error is the database's; the inner one refuses
/// this label.
fn transition(
    db: &Db<'_>,
    account: &str,
    order_no: &str,
    action: LabelAction,
    now: &str,
) -> StoreResult<Result<ExpressLabel, Refusal>> {
    let Some(mut label) = load(db, account, order_no)? else {
        return Ok(Err(not_found(order_no)));
    };
    let from = label.status.unwrap_or(LabelStatus::Other(0));

    let to = match action.apply(from) {
        Ok(to) => to,
        Err(error) => {
            return Ok(Err(Refusal::Conflict(format!(
                "面单 {order_no}：{} (express label {order_no}: {error})",
                error.zh()
            ))))
        }
    };

    label.status = Some(to);
    if action == LabelAction::Retry {
        label.error_reason = None;
        let retries = retry_count(&label) + 1;
        label.extra.insert(RETRY_COUNT.to_owned(), json!(retries));
    }
    save(db, account, &label, now)?;

    Ok(Ok(label))
}

fn fee_trial(call: &Call) -> Outcome {
    let request: ExpressLabelCreate = call.request()?;

    let problems = call
        .store
        .read(|db| reference_problems(db, call.account_key(), &request))?;
    if !problems.is_empty() {
        return Err(Refusal::Invalid(problems));
    }

    let label = label_from("", &request, LabelStatus::Draft, &call.now());
    to_data(&estimate_fee(&label))
}

fn fee_info(call: &Call) -> Outcome {
    let request: LabelInfoRequest = call.request()?;
    let order_no = request.order_no.trim();

    let label = call
        .store
        .read(|db| load(db, call.account_key(), order_no))?
        .ok_or_else(|| not_found(order_no))?;
    let status = label.status.unwrap_or(LabelStatus::Other(0));

    let mut fee = estimate_fee(&label);
    match status {
        LabelStatus::Created | LabelStatus::RefundRequested => {}
        LabelStatus::Refunded => {
            let charged = fee.total_fee.unwrap_or_default();
            fee.items.push(fee_item("退款 (refund)", -charged));
            fee.total_fee = Some(Decimal::new(0, 2));
        }
        other => {
            return Err(Refusal::Conflict(format!(
                "面单 {order_no} 尚未制单，当前状态为 {} {}；状态为 4 已制单 后才有费用 \
                 (express label {order_no} has no fee yet: its status is {} ({}), fees exist \
                 from status 4 (label created))",
                other.code(),
                other.label_zh(),
                other.code(),
                other.label_en()
            )))
        }
    }

    to_data(&fee)
}

/// The fee of a label, in USD with 2 places:
/// - freight: the channel's base fee plus its rate per chargeable kilogram, where the chargeable
///   weight is the larger of the weight and the volumetric weight (length x width x height / 5000,
///   when all three are given), rounded up to the next half kilogram;
/// - fuel surcharge: 10 % of the freight;
/// - insurance (`isInsure` 1): 1 % of `insurePrice`, at least 1.00;
/// - signature (`isSign` 1): 3.50.
pub fn estimate_fee(label: &ExpressLabel) -> FeeEstimate {
    let code = label.shipping_method_code.as_deref().unwrap_or_default();
    let (base, per_kg) = RATES
        .iter()
        .find(|(channel, ..)| channel.eq_ignore_ascii_case(code))
        .map(|(_, base, per_kg)| (*base, *per_kg))
        .unwrap_or(DEFAULT_RATE);
    let base = Decimal::new(base, 2);
    let per_kg = Decimal::new(per_kg, 2);

    let weight = label.weight.unwrap_or_default();
    let volumetric = match (label.length, label.width, label.height) {
        (Some(length), Some(width), Some(height)) => length * width * height / Decimal::from(5000),
        _ => Decimal::ZERO,
    };
    let chargeable = ((weight.max(volumetric) * Decimal::TWO).ceil() / Decimal::TWO).normalize();
    let weight_charge = cents(per_kg * chargeable);
    let fuel = cents((base + weight_charge) / Decimal::TEN);

    let mut items = vec![
        fee_item("基础运费 (base freight)", base),
        fee_item(
            &format!("重量运费 {chargeable} kg (weight charge)"),
            weight_charge,
        ),
        fee_item("燃油附加费 (fuel surcharge)", fuel),
    ];
    if label.is_insure == Some(YesNo::Yes) {
        let insured = label.insure_price.unwrap_or_default();
        let premium = cents(insured / Decimal::ONE_HUNDRED).max(Decimal::ONE);
        items.push(fee_item("保价费 (insurance)", premium));
    }
    if label.is_sign == Some(YesNo::Yes) {
        items.push(fee_item("签名服务费 (signature)", Decimal::new(350, 2)));
    }
    let total: Decimal = items.iter().filter_map(|item| item.fee).sum();

    FeeEstimate {
        currency: Some("USD".to_owned()),
        total_fee: Some(cents(total)),
        items,
        extra: Extra::new(),
    }
}

fn fee_item(name: &str, fee: Decimal) -> FeeItem {
    FeeItem {
        fee_name: name.to_owned(),
        fee: Some(cents(fee)),
        extra: Extra::new(),
    }
}

/// Rounded to cents, half away from zero, always shown with 2 places.
fn cents(amount: Decimal) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// The clock hook: the warehouse makes reviewed labels and refunds refund requests.
fn work_on_labels(db: &Db<'_>, advance: &ClockAdvance) -> StoreResult<()> {
    for account in accounts_with_labels(db)? {
        for record in db.records(KIND, &account)? {
            let mut label: ExpressLabel = serde_json::from_value(record.body)?;
            match label.status {
                Some(LabelStatus::Reviewed) => make_label(db, &mut label, &advance.now)?,
                Some(LabelStatus::RefundRequested) => label.status = Some(LabelStatus::Refunded),
                _ => continue,
            }
            save(db, &account, &label, &advance.now)?;
        }
    }

    Ok(())
}

/// Makes one reviewed label: 4 with a tracking number, or -2 with the reason it failed.
fn make_label(db: &Db<'_>, label: &mut ExpressLabel, now: &str) -> StoreResult<()> {
    let postcode = label
        .consignee
        .as_ref()
        .map(|consignee| consignee.postcode.trim())
        .unwrap_or_default();
    if postcode == FAILING_POSTCODE && retry_count(label) == 0 {
        label.status = Some(LabelStatus::Failed);
        label.error_reason = Some(format!(
            "承运商地址校验失败：收件人邮编 {FAILING_POSTCODE}（沙盒模拟的制单失败，重试即可） \
             (the carrier's address check failed for consignee postcode {FAILING_POSTCODE}: a \
             simulated creation failure; retry the label)"
        ));
        return Ok(());
    }

    if label
        .tracking_no
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        let code = label.shipping_method_code.as_deref().unwrap_or("SB");
        let carrier: String = code
            .split('-')
            .next()
            .unwrap_or("SB")
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let sequence = db.next_number("express_label_tracking")?;
        label.tracking_no = Some(format!(
            "{}{}{sequence:06}",
            carrier.to_ascii_uppercase(),
            date_digits(now)
        ));
    }

    match render_pdf(label) {
        Ok(_) => {
            label.status = Some(LabelStatus::Created);
            label.error_reason = None;
        }
        Err(error) => {
            label.status = Some(LabelStatus::Failed);
            label.error_reason = Some(format!(
                "面单文件无法生成 (the label file cannot be made): {error}"
            ));
        }
    }

    Ok(())
}

/// The label PDF: 100 x 150 mm with the tracking number as Code 128.
fn render_pdf(label: &ExpressLabel) -> Result<Vec<u8>, labels::LabelError> {
    let weight = label
        .weight
        .map(|weight| format!("{weight} kg"))
        .unwrap_or_default();

    labels::express_label(&labels::ExpressLabel {
        tracking_no: label.tracking_no.clone().unwrap_or_default(),
        channel_code: label.shipping_method_code.clone().unwrap_or_default(),
        order_no: label.order_no.clone(),
        reference_no: label.reference_no.clone().unwrap_or_default(),
        shipper: address_lines(label.shipper.as_ref()),
        consignee: address_lines(label.consignee.as_ref()),
        weight,
    })
}

fn address_lines(address: Option<&LabelAddress>) -> Vec<String> {
    let Some(address) = address else {
        return Vec::new();
    };
    let place = [
        Some(address.city.as_str()),
        address.province.as_deref(),
        Some(address.postcode.as_str()),
        Some(address.country_code.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ");

    [
        Some(address.name.clone()),
        address.company.clone(),
        Some(address.address.clone()),
        Some(place),
        Some(format!("Tel {}", address.phone)),
    ]
    .into_iter()
    .flatten()
    .filter(|line| !line.trim().is_empty())
    .collect()
}

/// The stored label built from a create body.
fn label_from(
    order_no: &str,
    request: &ExpressLabelCreate,
    status: LabelStatus,
    now: &str,
) -> ExpressLabel {
    let mut extra = Extra::new();
    extra.insert(RETRY_COUNT.to_owned(), json!(0));

    ExpressLabel {
        order_no: order_no.to_owned(),
        reference_no: Some(request.reference_no.trim().to_owned()),
        order_type: request.order_type,
        status: Some(status),
        shipping_method_code: Some(request.shipping_method_code.trim().to_owned()),
        tracking_no: request
            .tracking_no
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        length: request.length,
        width: request.width,
        height: request.height,
        weight: request.weight,
        shipper: request.shipper.clone(),
        consignee: request.consignee.clone(),
        is_sign: request.is_sign,
        sign_type: request.sign_type,
        is_insure: request.is_insure,
        insure_price: request.insure_price,
        remark: request.remark.clone(),
        error_reason: None,
        create_time: None,
        update_time: Some(now.to_owned()),
        item_dtos: request.item_dtos.clone(),
        label_file: None,
        extra,
    }
}

/// Why the content of a create or update body cannot be stored: a missing reference, or a
/// `referenceNo` another label already uses.
fn refusal_for_content(
    db: &Db<'_>,
    account: &str,
    request: &ExpressLabelCreate,
    this_label: Option<&str>,
) -> StoreResult<Option<Refusal>> {
    let problems = reference_problems(db, account, request)?;
    if !problems.is_empty() {
        return Ok(Some(Refusal::Invalid(problems)));
    }

    reused_reference(db, account, &request.reference_no, this_label)
}

/// The references of a create body that do not exist: the channel (an express-label one), the
/// countries of both addresses and the SKUs of the account.
fn reference_problems(
    db: &Db<'_>,
    account: &str,
    request: &ExpressLabelCreate,
) -> StoreResult<Vec<FieldError>> {
    let mut problems = Vec::new();

    let code = request.shipping_method_code.trim();
    match db.record(kinds::SHIPPING_METHOD, SHARED, code)? {
        None => problems.push(field_error(
            "shippingMethodCode",
            format!("面单渠道不存在 {code}"),
            format!("express-label channel does not exist: {code}"),
        )),
        Some(record) => {
            let channel: ShippingMethod = serde_json::from_value(record.body)?;
            if !is_label_channel(&channel) {
                problems.push(field_error(
                    "shippingMethodCode",
                    format!("{code} 不是面单渠道（methodType 须为 2），请从面单渠道列表选择"),
                    format!(
                        "{code} is not an express-label channel (methodType 2); pick one from \
                         label_channel_list"
                    ),
                ));
            }
        }
    }

    for (field, address) in [
        ("shipper", request.shipper.as_ref()),
        ("consignee", request.consignee.as_ref()),
    ] {
        let Some(country) = address.map(|a| a.country_code.trim()) else {
            continue;
        };
        if db.record(kinds::COUNTRY, SHARED, country)?.is_none() {
            problems.push(field_error(
                &format!("{field}.countryCode"),
                format!("国家不存在 {country}"),
                format!("country does not exist: {country}"),
            ));
        }
    }

    for (index, line) in request.item_dtos.iter().enumerate() {
        let Some(sku) = line.product_sku.as_deref().map(str::trim) else {
            continue;
        };
        if !sku.is_empty() && db.record(kinds::PRODUCT, account, sku)?.is_none() {
            problems.push(field_error(
                &format!("itemDTOs[{index}].productSku"),
                format!("产品不存在 {sku}"),
                format!("product does not exist: {sku}"),
            ));
        }
    }

    Ok(problems)
}

/// The refusal of a `referenceNo` another label of the account already uses, naming that label.
fn reused_reference(
    db: &Db<'_>,
    account: &str,
    reference_no: &str,
    this_label: Option<&str>,
) -> StoreResult<Option<Refusal>> {
    let reference_no = reference_no.trim();
    let Some(existing) = db.record_by_reference(KIND, account, reference_no)? else {
        return Ok(None);
    };
    if Some(existing.key.as_str()) == this_label {
        return Ok(None);
    }

    Ok(Some(Refusal::Conflict(format!(
        "参考号 {reference_no} 已被面单 {} 使用 (referenceNo {reference_no} is already used by \
         express label {})",
        existing.key, existing.key
    ))))
}

fn is_label_channel(channel: &ShippingMethod) -> bool {
    channel.method_type == Some(MethodType::ExpressLabel) && channel.is_delivery == Some(YesNo::Yes)
}

fn load(db: &Db<'_>, account: &str, order_no: &str) -> StoreResult<Option<ExpressLabel>> {
    db.record(KIND, account, order_no.trim())?
        .map(|record| serde_json::from_value(record.body))
        .transpose()
        .map_err(Into::into)
}

fn insert(db: &Db<'_>, account: &str, label: &ExpressLabel) -> StoreResult<()> {
    let now = label.update_time.clone().unwrap_or_default();

    db.insert_record(&record_of(account, label, &now)?)
}

fn save(db: &Db<'_>, account: &str, label: &ExpressLabel, now: &str) -> StoreResult<()> {
    let mut label = label.clone();
    label.update_time = Some(now.to_owned());

    db.update_record(&record_of(account, &label, now)?)?;
    Ok(())
}

fn record_of(account: &str, label: &ExpressLabel, now: &str) -> StoreResult<Record> {
    let mut stored = label.clone();
    stored.label_file = None;

    Ok(Record {
        kind: KIND.to_owned(),
        key: label.order_no.clone(),
        account: account.to_owned(),
        status: label.status.map(|status| status.code()).unwrap_or_default(),
        reference_no: label.reference_no.clone(),
        body: serde_json::to_value(&stored)?,
        created_at: label.create_time.clone().unwrap_or_else(|| now.to_owned()),
        updated_at: now.to_owned(),
    })
}

/// The accounts that own express labels (the clock hook works for every account).
fn accounts_with_labels(db: &Db<'_>) -> StoreResult<Vec<String>> {
    let mut statement = db
        .connection()
        .prepare("SELECT DISTINCT account FROM records WHERE kind = ?1 ORDER BY account")?;
    let rows = statement.query_map([KIND], |row| row.get(0))?;

    Ok(rows.collect::<Result<_, _>>()?)
}

fn retry_count(label: &ExpressLabel) -> u64 {
    label
        .extra
        .get(RETRY_COUNT)
        .and_then(Value::as_u64)
        .unwrap_or_default()
}

/// `yyyyMMdd` of a `yyyy-MM-dd HH:mm:ss` time.
fn date_digits(now: &str) -> String {
    now.chars().take(10).filter(char::is_ascii_digit).collect()
}

fn not_found(order_no: &str) -> Refusal {
    Refusal::NotFound(format!(
        "面单不存在 {order_no} (express label not found: {order_no})"
    ))
}

fn field_error(field: &str, zh: String, en: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        zh,
        en,
    }
}

fn bulk_item(order_no: &str, message: &str) -> BulkItem {
    BulkItem {
        order_no: order_no.to_owned(),
        platform_order_no: None,
        message: message.to_owned(),
        extra: Extra::new(),
    }
}

/// The text of a refusal, for a bulk-result entry.
fn refusal_text(refusal: &Refusal) -> String {
    match refusal {
        Refusal::Invalid(fields) => fields
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
        Refusal::Rejected { message, .. } => message.clone(),
        Refusal::NotFound(message) | Refusal::Conflict(message) | Refusal::Internal(message) => {
            message.clone()
        }
    }
}

/// True when there is no filter, or the value equals it (ignoring case and surrounding space).
fn same_text(value: Option<&str>, filter: Option<&str>) -> bool {
    match filter.map(str::trim).filter(|filter| !filter.is_empty()) {
        None => true,
        Some(filter) => value.is_some_and(|value| value.trim().eq_ignore_ascii_case(filter)),
    }
}

fn from_body<T: serde::de::DeserializeOwned>(body: &Value) -> Result<T, Refusal> {
    serde_json::from_value(body.clone())
        .map_err(|e| Refusal::Internal(format!("a stored record is unreadable: {e}")))
}

fn to_data<T: serde::Serialize>(value: &T) -> Outcome {
    serde_json::to_value(value).map_err(|e| Refusal::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parcel(weight: i64, dims: Option<(i64, i64, i64)>) -> ExpressLabel {
        ExpressLabel {
            shipping_method_code: Some("UPS-LABEL".to_owned()),
            weight: Some(Decimal::new(weight, 3)),
            length: dims.map(|d| Decimal::from(d.0)),
            width: dims.map(|d| Decimal::from(d.1)),
            height: dims.map(|d| Decimal::from(d.2)),
            ..ExpressLabel::default()
        }
    }

    #[test]
    fn the_fee_rounds_the_chargeable_weight_up_to_half_a_kilogram() {
        let fee = estimate_fee(&parcel(1_200, None));

        assert_eq!(
            fee.items[1].fee,
            Some(Decimal::new(270, 2)),
            "1.5 kg x 1.80"
        );
        assert_eq!(fee.items[2].fee, Some(Decimal::new(92, 2)), "10 % of 9.20");
        assert_eq!(
            fee.total_fee,
            Some(Decimal::new(1012, 2)),
            "6.50 + 2.70 + 0.92"
        );
    }

    #[test]
    fn a_bulky_parcel_pays_for_its_volume() {
        let fee = estimate_fee(&parcel(2_000, Some((50, 40, 30))));

        assert!(
            fee.items[1].fee_name.contains("12 kg"),
            "50 x 40 x 30 / 5000 = 12 kg beats 2 kg: {}",
            fee.items[1].fee_name
        );
        assert_eq!(
            fee.total_fee,
            Some(Decimal::new(3091, 2)),
            "6.50 + 21.60 + 2.81"
        );
    }

    #[test]
    fn insurance_has_a_minimum_and_signature_a_flat_fee() {
        let mut label = parcel(500, None);
        label.is_insure = Some(YesNo::Yes);
        label.insure_price = Some(Decimal::from(40));
        label.is_sign = Some(YesNo::Yes);

        let fee = estimate_fee(&label);

        assert_eq!(
            fee.items[3].fee,
            Some(Decimal::new(100, 2)),
            "1 % of 40 is below 1.00"
        );
        assert_eq!(fee.items[4].fee, Some(Decimal::new(350, 2)));
    }

    #[test]
    fn order_numbers_use_the_date_digits() {
        assert_eq!(date_digits("2025-03-04 05:06:07"), "20250304");
    }
}
