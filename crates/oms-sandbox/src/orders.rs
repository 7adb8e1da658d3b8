//! What the order modules (outbound, returns) share: checks that the warehouse, channel, country
//! and SKUs an order names exist, a transaction that rolls back when a business rule refuses, the
//! status-move timing on the sandbox clock, and the reading of stored attachments.
//!
//! The checks answer with field paths (`itemDTOs[1].productSku`) in the same form as the
//! `oms-api` validation, so the client shows a missing SKU exactly like a malformed one.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use oms_api::common::{MethodType, ShippingMethod};
use oms_api::outbound::OpenAttachment;
use oms_api::wire::{Code, Extra};
use oms_api::FieldError;
use rusqlite::params;
use serde_json::Value;
use std::cell::RefCell;

use crate::registry::Refusal;
use crate::seed::kinds;
use crate::store::{Db, Store, StoreError, StoreResult, StoredAttachment, SHARED};

/// The problems found in one request, each with its field path.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// Notes a problem of `field`.
    pub fn add(&mut self, field: &str, zh: impl Into<String>, en: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            zh: zh.into(),
            en: en.into(),
        });
    }

    /// `Ok` without problems, otherwise the refusal listing every one.
    pub fn finish(self) -> Result<(), Refusal> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Refusal::Invalid(self.0))
        }
    }

    /// Checks that the warehouse `code` exists; true when it does.
    pub fn warehouse(&mut self, db: &Db<'_>, field: &str, code: &str) -> StoreResult<bool> {
        let exists = db.record(kinds::WAREHOUSE, SHARED, code)?.is_some();

        if !exists {
            self.add(
                field,
                format!("仓库不存在 {code}"),
                format!("warehouse does not exist: {code}"),
            );
        }
        Ok(exists)
    }

    /// Checks that the country `code` exists.
    pub fn country(&mut self, db: &Db<'_>, field: &str, code: &str) -> StoreResult<()> {
        let known = db
            .record(kinds::COUNTRY, SHARED, &code.trim().to_ascii_uppercase())?
            .is_some();

        if !known {
            self.add(
                field,
                format!("国家不存在 {code}"),
                format!("country does not exist: {code}"),
            );
        }
        Ok(())
    }

    /// Checks that the account has a product `sku`; its stored body when it does.
    pub fn product(
        &mut self,
        db: &Db<'_>,
        account: &str,
        field: &str,
        sku: &str,
    ) -> StoreResult<Option<Value>> {
        let product = db.record(kinds::PRODUCT, account, sku)?;

        if product.is_none() {
            self.add(
                field,
                format!("产品不存在 {sku}"),
                format!("product does not exist: {sku}"),
            );
        }
        Ok(product.map(|record| record.body))
    }

    /// Checks that `code` is a logistics channel (methodType 1) of `warehouse` that takes orders
    /// (isOrder yes) and, for B2B orders, transfer orders (isTransferOrder yes). The warehouse
    /// match is skipped when the warehouse itself is unknown (already reported).
    pub fn order_channel(
        &mut self,
        db: &Db<'_>,
        field: &str,
        code: &str,
        warehouse: Option<&str>,
        transfer: bool,
    ) -> StoreResult<()> {
        let Some(record) = db.record(kinds::SHIPPING_METHOD, SHARED, code)? else {
            self.add(
                field,
                format!("物流渠道不存在 {code}"),
                format!("shipping channel does not exist: {code}"),
            );
            return Ok(());
        };
        let channel: ShippingMethod = serde_json::from_value(record.body)?;
        let yes = |flag: Option<oms_api::YesNo>| flag.is_some_and(|f| f.is_yes());

        if channel.method_type != Some(MethodType::Logistics) {
            self.add(
                field,
                format!("{code} 不是物流渠道（面单渠道不能用于出库单）"),
                format!("{code} is not a logistics channel (methodType 1)"),
            );
        }
        let served = channel
            .open_warehouse
            .as_ref()
            .and_then(|w| w.warehouse_code.as_deref());
        if let (Some(wanted), Some(served)) = (warehouse, served) {
            if wanted != served {
                self.add(
                    field,
                    format!("渠道 {code} 不属于仓库 {wanted}（属于 {served}）"),
                    format!(
                        "channel {code} does not serve warehouse {wanted} (it serves {served})"
                    ),
                );
            }
        }
        if !yes(channel.is_order) {
            self.add(
                field,
                format!("渠道 {code} 不支持出库单"),
                format!("channel {code} does not take outbound orders (isOrder is not yes)"),
            );
        }
        if transfer && !yes(channel.is_transfer_order) {
            self.add(
                field,
                format!("渠道 {code} 不支持 B2B 转运订单"),
                format!("channel {code} does not take B2B orders (isTransferOrder is not yes)"),
            );
        }
        Ok(())
    }
}

/// The refusal of a second order with a `referenceNo` already used by `existing_order_no`.
pub fn duplicate_reference(reference_no: &str, existing_order_no: &str) -> Refusal {
    Refusal::Conflict(format!(
        "referenceNo {reference_no} 已被订单 {existing_order_no} 使用 \
         (referenceNo {reference_no} is already used by order {existing_order_no})"
    ))
}

/// The refusal of a change an order's status does not allow; names the status in both languages.
pub fn wrong_status<S: Code>(
    order_no: &str,
    status: S,
    action_zh: &str,
    action_en: &str,
) -> String {
    format!(
        "订单 {order_no} 状态为 {}，不能{action_zh} (order {order_no} is {}; it cannot be {action_en})",
        status.label_zh(),
        status.label_en()
    )
}

/// Runs `work` in one transaction that is committed when it succeeds and rolled back when it
/// refuses, so a rule broken halfway through (a missing SKU after the order row was written)
/// never leaves half an order behind.
pub fn in_transaction<T>(
    store: &Store,
    work: impl FnOnce(&Db<'_>) -> Result<T, Refusal>,
) -> Result<T, Refusal> {
    let refused = RefCell::new(None);

    let outcome = store.write(|db| {
        work(db).map_err(|refusal| {
            *refused.borrow_mut() = Some(refusal);
            StoreError::Sqlite(rusqlite::Error::InvalidQuery)
        })
    });

    match (outcome, refused.into_inner()) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(refusal)) => Err(refusal),
        (Err(error), None) => Err(error.into()),
    }
}

/// The accounts that have records of `kind` (clock hooks walk every account).
pub fn accounts_with(db: &Db<'_>, kind: &str) -> StoreResult<Vec<String>> {
    let mut statement = db
        .connection()
        .prepare("SELECT DISTINCT account FROM records WHERE kind = ?1 ORDER BY account")?;
    let rows = statement.query_map(params![kind], |row| row.get(0))?;

    Ok(rows.collect::<Result<_, _>>()?)
}

/// A `yyyy-MM-dd HH:mm:ss` time (UTC, the sandbox clock's form) as epoch milliseconds.
pub fn parse_date_time(text: &str) -> Option<i64> {
    let (date, time) = text.trim().split_once(' ')?;
    let mut date_parts = date.split('-').map(str::parse::<i64>);
    let (year, month, day) = (
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
    );
    let mut time_parts = time.split(':').map(str::parse::<i64>);
    let (hour, minute, second) = (
        time_parts.next()?.ok()?,
        time_parts.next()?.ok()?,
        time_parts.next()?.ok()?,
    );

    let days = days_from_civil(year, month, day);

    Some(((days * 86_400) + hour * 3600 + minute * 60 + second) * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the inverse of the clock's formatting).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

    era * 146_097 + day_of_era - 719_468
}

/// Steps an object along its statuses while they are due: `wait_minutes(status)` says how long a
/// status lasts (`None`: it does not move on its own), `step` moves it one status at the given
/// time and returns the new status. Returns the time of the last step, if any.
pub fn advance_due(
    status: i64,
    since: &str,
    now_ms: i64,
    wait_minutes: impl Fn(i64) -> Option<i64>,
    mut step: impl FnMut(i64, &str) -> StoreResult<i64>,
) -> StoreResult<Option<String>> {
    let Some(mut since_ms) = parse_date_time(since) else {
        return Ok(None);
    };
    let mut status = status;
    let mut last = None;

    while let Some(wait) = wait_minutes(status) {
        let due_ms = since_ms + wait * 60_000;
        if due_ms > now_ms {
            break;
        }
        let at = crate::clock::format_date_time(due_ms);
        status = step(status, &at)?;
        since_ms = due_ms;
        last = Some(at);
    }

    Ok(last)
}

/// True when `value` (a time text) lies in the optional range `[start, end]`; times in the
/// sandbox's one format compare correctly as text.
pub fn in_time_range(value: Option<&str>, start: Option<&str>, end: Option<&str>) -> bool {
    let (start, end) = (non_blank(start), non_blank(end));
    if start.is_none() && end.is_none() {
        return true;
    }
    let Some(value) = value else {
        return false;
    };

    start.is_none_or(|start| value >= start) && end.is_none_or(|end| value <= end)
}

fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// True when there is no filter, or `value` is among the wanted numbers (one and several).
pub fn matches_numbers(value: Option<&str>, one: Option<&str>, several: &[String]) -> bool {
    let one = one.map(str::trim).filter(|n| !n.is_empty());
    let wanted: Vec<&str> = one
        .into_iter()
        .chain(several.iter().map(|n| n.trim()))
        .collect();

    wanted.is_empty() || value.is_some_and(|value| wanted.contains(&value))
}

/// The file type of an attachment: its extension in capitals, or `PDF`/`PNG`/`JPEG` from its
/// first bytes, or `OTHER`.
pub fn file_type(file_name: &str, bytes: &[u8]) -> String {
    if let Some((_, extension)) = file_name.rsplit_once('.') {
        if !extension.is_empty() && extension.len() <= 8 {
            return extension.to_ascii_uppercase();
        }
    }

    let sniffed = [
        (&b"%PDF-"[..], "PDF"),
        (&b"\x89PNG"[..], "PNG"),
        (&b"\xFF\xD8\xFF"[..], "JPEG"),
    ]
    .iter()
    .find(|(magic, _)| bytes.starts_with(magic))
    .map(|(_, kind)| *kind);

    sniffed.unwrap_or("OTHER").to_owned()
}

/// Stores the decoded bytes of inline attachments of `owner` and returns the stored rows.
pub fn store_attachments(
    db: &Db<'_>,
    account: &str,
    owner: (&str, &str),
    attachments: &[&oms_api::Attachment],
    at: &str,
) -> Result<Vec<StoredAttachment>, Refusal> {
    let mut stored = Vec::new();

    for (index, attachment) in attachments.iter().enumerate() {
        let cleaned = oms_api::files::clean_base64(&attachment.base64);
        let bytes = BASE64.decode(cleaned.as_bytes()).map_err(|_| {
            Refusal::Invalid(vec![FieldError {
                field: format!("attachmentOpenDTOs[{index}].base64"),
                zh: "不是有效的 Base64 内容".to_owned(),
                en: "is not valid Base64".to_owned(),
            }])
        })?;
        let mut row = StoredAttachment {
            id: 0,
            attachment_type: attachment.attachment_type.clone(),
            file_name: attachment.file_name.clone(),
            file_type: file_type(&attachment.file_name, &bytes),
            bytes,
        };

        row.id = db.insert_attachment(account, owner, &row, at)?;
        stored.push(row);
    }

    Ok(stored)
}

/// A stored attachment as the OMS answers it; `with_bytes` adds the Base64 of its content.
pub fn open_attachment(stored: &StoredAttachment, with_bytes: bool) -> OpenAttachment {
    OpenAttachment {
        attachment_id: Some(stored.id.to_string()),
        attachment_type: Some(stored.attachment_type.clone()),
        file_type: Some(stored.file_type.clone()),
        base64: with_bytes.then(|| BASE64.encode(&stored.bytes)),
        file_name: Some(stored.file_name.clone()),
        extra: Extra::new(),
    }
}

/// An order number: a readable prefix, the date of `now` and a sequence number of the prefix.
pub fn order_number(db: &Db<'_>, prefix: &str, now: &str) -> StoreResult<String> {
    let date: String = now.chars().take(10).filter(char::is_ascii_digit).collect();
    let number = db.next_number(&format!("{prefix}-order"))?;

    Ok(format!("{prefix}{date}{number:05}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_inverts_the_clock_format() {
        for ms in [0, 951_782_400_000, 1_762_175_511_000] {
            let text = crate::clock::format_date_time(ms);

            assert_eq!(parse_date_time(&text), Some(ms), "round trip of {text}");
        }
        assert_eq!(parse_date_time("2025-13"), None, "a broken time is no time");
    }

    #[test]
    fn due_steps_run_in_order_at_their_own_times() {
        let mut seen = Vec::new();

        let last = advance_due(
            3,
            "2025-01-01 00:00:00",
            parse_date_time("2025-01-01 02:00:00").unwrap(),
            |status| (status < 5).then_some(60),
            |status, at| {
                seen.push((status, at.to_owned()));
                Ok(status + 1)
            },
        )
        .unwrap();

        assert_eq!(
            seen,
            [
                (3, "2025-01-01 01:00:00".to_owned()),
                (4, "2025-01-01 02:00:00".to_owned())
            ],
            "two steps are due after two hours, each at its own time"
        );
        assert_eq!(last.as_deref(), Some("2025-01-01 02:00:00"));
    }

    #[test]
    fn time_ranges_include_their_bounds() {
        let at = Some("2025-01-01 10:00:00");

        assert!(in_time_range(at, Some("2025-01-01 10:00:00"), None));
        assert!(in_time_range(at, None, Some("2025-01-01 10:00:00")));
        assert!(!in_time_range(at, Some("2025-01-01 10:00:01"), None));
        assert!(in_time_range(None, None, None), "no range keeps everything");
    }
}
