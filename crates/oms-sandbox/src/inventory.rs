//! Inventory (库存模块) in the sandbox: stock per SKU and warehouse, the movements that changed
//! it, and stock age per received batch. The three lists read what the other modules write, so
//! this module also owns the functions that change stock the way a warehouse does: putting an
//! inbound order away ([`put_away`]), the "on the way in" counter of reviewed inbound orders
//! ([`change_asn_qty`]), and taking shipped pieces out of the oldest batches first
//! ([`consume_age_batches`], called by the outbound module when an order ships).
//!
//! Stock-age batches are records of kind [`STOCK_BATCH`] (one per batch, warehouse and SKU),
//! so they need no table of their own and a reset clears them with everything else. Their
//! record status is the batch's age status: 1 none shipped, 2 partly, 3 all shipped.

use oms_api::common::WarehouseRef;
use oms_api::endpoints::EndpointId;
use oms_api::inventory::{
    InventoryListRequest, ProductRef, StockAgeRow, StockAgeStatus, StockBizType, StockMovement,
    StockOperation, StockRow,
};
use oms_api::product::Product;
use oms_api::wire::{Code, Extra};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

use crate::paging::page_of;
use crate::registry::{Call, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::{Db, Record, StockChange, StockCounter, StoreResult};

/// Record kind of a stock-age batch; key = `<batchNo>|<warehouseCode>|<productSku>`.
pub const STOCK_BATCH: &str = "stock_batch";

/// The sequence that numbers put-away batches.
const BATCH_SEQUENCE: &str = "stock_batch";

const DAY_MS: i64 = 86_400_000;

/// Registers the three inventory lists.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::InventoryList, inventory_list)
        .handle(EndpointId::InventoryRecordList, inventory_record_list)
        .handle(EndpointId::InventoryAgeList, inventory_age_list);
}

/// A stock-age batch as stored (the record body).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgeBatch {
    /// The batch number shown in movements and the age list.
    pub batch_no: String,
    /// Where the batch is.
    pub warehouse_code: String,
    /// What it is.
    pub product_sku: String,
    /// The inbound order it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// When it was put away, `yyyy-MM-dd HH:mm:ss` on the sandbox clock.
    pub inbound_time: String,
    /// Pieces put away.
    pub in_qty: i64,
    /// Pieces still in stock.
    pub qty: i64,
}

impl AgeBatch {
    /// The age status: 1 none shipped, 2 partly shipped, 3 all shipped.
    pub fn status(&self) -> StockAgeStatus {
        if self.qty <= 0 {
            StockAgeStatus::AllShipped
        } else if self.qty >= self.in_qty {
            StockAgeStatus::NoneShipped
        } else {
            StockAgeStatus::PartlyShipped
        }
    }

    fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.batch_no, self.warehouse_code, self.product_sku
        )
    }
}

/// Pieces taken out of one batch by [`consume_age_batches`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchTake {
    /// The batch.
    pub batch_no: String,
    /// Pieces taken from it.
    pub qty: i64,
}

/// Stores a new stock-age batch of `account` (put-away, opening stock, return put-away).
pub fn add_age_batch(db: &Db<'_>, account: &str, batch: &AgeBatch) -> StoreResult<()> {
    db.insert_record(&Record {
        kind: STOCK_BATCH.to_owned(),
        key: batch.key(),
        account: account.to_owned(),
        status: batch.status().code(),
        reference_no: None,
        body: serde_json::to_value(batch)?,
        created_at: batch.inbound_time.clone(),
        updated_at: batch.inbound_time.clone(),
    })
}

/// Takes `qty` shipped pieces of `product_sku` in `warehouse_code` out of the account's
/// stock-age batches, oldest first (FIFO), and returns what came from which batch. When the
/// batches hold fewer pieces than `qty`, all of them are taken and the takes add up to less
/// than `qty`; the caller decides whether that is an error. A `qty` of 0 or less takes nothing.
pub fn consume_age_batches(
    db: &Db<'_>,
    account: &str,
    warehouse_code: &str,
    product_sku: &str,
    qty: i64,
) -> StoreResult<Vec<BatchTake>> {
    let mut batches = batches_of(db, account)?;
    batches.retain(|(_, batch)| {
        batch.warehouse_code == warehouse_code && batch.product_sku == product_sku && batch.qty > 0
    });
    batches.sort_by(|a, b| a.1.inbound_time.cmp(&b.1.inbound_time));

    let mut left = qty;
    let mut takes = Vec::new();
    for (mut record, mut batch) in batches {
        if left <= 0 {
            break;
        }
        let taken = left.min(batch.qty);
        batch.qty -= taken;
        left -= taken;

        record.status = batch.status().code();
        record.body = serde_json::to_value(&batch)?;
        db.update_record(&record)?;
        takes.push(BatchTake {
            batch_no: batch.batch_no,
            qty: taken,
        });
    }

    Ok(takes)
}

/// Moves the `asnQty` ("on the way in") counter of a reviewed inbound order's SKU. It is a plan,
/// not stock, so no stock movement is written.
pub fn change_asn_qty(
    db: &Db<'_>,
    account: &str,
    warehouse_code: &str,
    product_sku: &str,
    delta: i64,
    at: &str,
) -> StoreResult<i64> {
    db.move_counter(&StockChange {
        account,
        warehouse_code,
        product_sku,
        counter: StockCounter::Asn,
        delta,
        biz_type: StockBizType::PutAway.code(),
        order_no: None,
        batch_no: None,
        at,
    })
}

/// Puts `qty` pieces of an inbound order away: sellable stock goes up with a put-away movement
/// (bizType 2), `asnQty` goes down by as much, and a new stock-age batch starts at `at`.
/// Returns the batch number.
pub fn put_away(
    db: &Db<'_>,
    account: &str,
    warehouse_code: &str,
    product_sku: &str,
    qty: i64,
    order_no: &str,
    at: &str,
) -> StoreResult<String> {
    let batch_no = format!(
        "BN{}{:05}",
        compact_date(at),
        db.next_number(BATCH_SEQUENCE)?
    );

    db.adjust_stock(&StockChange {
        account,
        warehouse_code,
        product_sku,
        counter: StockCounter::Sale,
        delta: qty,
        biz_type: StockBizType::PutAway.code(),
        order_no: Some(order_no),
        batch_no: Some(&batch_no),
        at,
    })?;
    change_asn_qty(db, account, warehouse_code, product_sku, -qty, at)?;
    add_age_batch(
        db,
        account,
        &AgeBatch {
            batch_no: batch_no.clone(),
            warehouse_code: warehouse_code.to_owned(),
            product_sku: product_sku.to_owned(),
            order_no: Some(order_no.to_owned()),
            inbound_time: at.to_owned(),
            in_qty: qty,
            qty,
        },
    )?;

    Ok(batch_no)
}

/// `yyyy-MM-dd HH:mm:ss` as epoch milliseconds (UTC), the inverse of
/// [`crate::clock::format_date_time`]; `None` when the text is not in that form.
pub fn epoch_ms(text: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if text.len() != 19 {
        return None;
    }

    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);

    let shifted_year = if month <= 2 { year - 1 } else { year };
    let era = shifted_year.div_euclid(400);
    let year_of_era = shifted_year - era * 400;
    let month_index = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;

    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000)
}

/// `yyyyMMdd` of a `yyyy-MM-dd HH:mm:ss` time, for readable numbers.
pub fn compact_date(at: &str) -> String {
    at.get(..10).unwrap_or(at).replace('-', "")
}

fn inventory_list(call: &Call) -> Outcome {
    let request: InventoryListRequest = call.request()?;
    let account = call.account_key();

    let (stock, products) = call
        .store
        .read(|db| Ok((db.stock_rows(account)?, products_of(db, account)?)))?;

    let rows = stock
        .into_iter()
        .filter(|row| wanted(&request, &row.warehouse_code, &row.product_sku))
        .map(|row| {
            to_json(&StockRow {
                open_warehouse: Some(warehouse_ref(&row.warehouse_code)),
                open_product: Some(product_ref(&products, &row.product_sku)),
                sale_qty: Some(row.sale_qty),
                lock_qty: Some(row.lock_qty),
                bad_qty: Some(row.bad_qty),
                total_qty: Some(row.sale_qty + row.lock_qty + row.bad_qty),
                asn_qty: Some(row.asn_qty),
                out_qty: Some(row.out_qty),
                return_qty: Some(row.return_qty),
                good_return_qty: Some(row.good_return_qty),
                bad_return_qty: Some(0),
                destroy_qty: Some(row.destroy_qty),
                transfer_qty: Some(0),
                extra: Extra::new(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn inventory_record_list(call: &Call) -> Outcome {
    let request: InventoryListRequest = call.request()?;
    let account = call.account_key();
    let from = request.start_create_time.as_deref().map(str::trim);
    let to = request.end_create_time.as_deref().map(str::trim);

    let (movements, products) = call
        .store
        .read(|db| Ok((db.stock_movements(account)?, products_of(db, account)?)))?;

    let rows = movements
        .into_iter()
        .rev()
        .filter(|movement| {
            wanted(&request, &movement.warehouse_code, &movement.product_sku)
                && from.is_none_or(|from| movement.created_at.as_str() >= from)
                && to.is_none_or(|to| movement.created_at.as_str() <= to)
        })
        .map(|movement| {
            to_json(&StockMovement {
                batch_no: movement.batch_no,
                order_no: movement.order_no,
                biz_type: Some(StockBizType::from_code(movement.biz_type)),
                opt_type: Some(StockOperation::from_code(movement.opt_type)),
                opt_qty: Some(movement.opt_qty),
                balance_qty: Some(movement.balance_qty),
                create_time: Some(movement.created_at),
                open_warehouse: Some(warehouse_ref(&movement.warehouse_code)),
                open_product: Some(product_ref(&products, &movement.product_sku)),
                extra: Extra::new(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn inventory_age_list(call: &Call) -> Outcome {
    let request: InventoryListRequest = call.request()?;
    let account = call.account_key();
    let now_ms = call.clock.now_ms();

    let (mut batches, products) = call
        .store
        .read(|db| Ok((batches_of(db, account)?, products_of(db, account)?)))?;
    batches.sort_by(|a, b| a.1.inbound_time.cmp(&b.1.inbound_time));

    let rows = batches
        .into_iter()
        .map(|(_, batch)| batch)
        .filter(|batch| wanted(&request, &batch.warehouse_code, &batch.product_sku))
        .map(|batch| {
            let turnover_days = epoch_ms(&batch.inbound_time)
                .map(|inbound| (now_ms - inbound).div_euclid(DAY_MS).max(0));
            let total_price = products
                .get(&batch.product_sku)
                .and_then(|product| product.price)
                .map(|price| (price * Decimal::from(batch.qty)).round_dp(2));

            to_json(&StockAgeRow {
                open_warehouse: Some(warehouse_ref(&batch.warehouse_code)),
                open_product: Some(product_ref(&products, &batch.product_sku)),
                status: Some(batch.status()),
                batch_no: Some(batch.batch_no),
                inbound_time: Some(batch.inbound_time),
                qty: Some(batch.qty),
                turnover_days,
                total_price,
                extra: Extra::new(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(page_of(rows, request.common_param.as_ref()))
}

/// Every stock-age batch of an account with its record, oldest record first.
fn batches_of(db: &Db<'_>, account: &str) -> StoreResult<Vec<(Record, AgeBatch)>> {
    db.records(STOCK_BATCH, account)?
        .into_iter()
        .map(|record| {
            let batch: AgeBatch = serde_json::from_value(record.body.clone())?;
            Ok((record, batch))
        })
        .collect()
}

/// The account's products by SKU (for names and prices).
fn products_of(db: &Db<'_>, account: &str) -> StoreResult<HashMap<String, Product>> {
    db.records(kinds::PRODUCT, account)?
        .into_iter()
        .map(|record| Ok((record.key, serde_json::from_value(record.body)?)))
        .collect()
}

/// True when the row's warehouse and SKU pass the request's filters.
fn wanted(request: &InventoryListRequest, warehouse_code: &str, product_sku: &str) -> bool {
    let one = |filter: &Option<String>, value: &str| {
        filter
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .is_none_or(|f| f == value)
    };
    let any = |filter: &[String], value: &str| {
        filter.is_empty() || filter.iter().any(|f| f.trim() == value)
    };

    one(&request.product_sku, product_sku)
        && any(&request.product_skus, product_sku)
        && one(&request.warehouse_code, warehouse_code)
        && any(&request.warehouse_codes, warehouse_code)
}

fn warehouse_ref(code: &str) -> WarehouseRef {
    WarehouseRef {
        warehouse_code: Some(code.to_owned()),
        extra: Extra::new(),
    }
}

fn product_ref(products: &HashMap<String, Product>, sku: &str) -> ProductRef {
    let product = products.get(sku);

    ProductRef {
        product_sku: Some(sku.to_owned()),
        name: product.and_then(|p| p.name.clone()),
        name_en: product.and_then(|p| p.name_en.clone()),
        extra: Extra::new(),
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Value, Refusal> {
    serde_json::to_value(value).map_err(|e| Refusal::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::format_date_time;
    use crate::store::Store;

    fn batch(no: &str, at: &str, qty: i64) -> AgeBatch {
        AgeBatch {
            batch_no: no.to_owned(),
            warehouse_code: "US-LAX-1".to_owned(),
            product_sku: "SKU-MUG-001".to_owned(),
            order_no: None,
            inbound_time: at.to_owned(),
            in_qty: qty,
            qty,
        }
    }

    #[test]
    fn epoch_ms_inverts_the_clock_format() {
        for ms in [0, 951_782_400_000, 1_762_175_511_000, 4_102_444_799_000] {
            assert_eq!(
                epoch_ms(&format_date_time(ms)),
                Some(ms),
                "{ms} survives a round trip through text"
            );
        }
        assert_eq!(epoch_ms("2025-01-01"), None, "a date alone is not a time");
        assert_eq!(epoch_ms("2025-01-01 0a:00:00"), None);
    }

    #[test]
    fn shipped_pieces_come_out_of_the_oldest_batch_first() {
        let store = Store::open(None).unwrap();
        store
            .write(|db| {
                add_age_batch(db, "acct", &batch("NEW", "2025-03-01 00:00:00", 10))?;
                add_age_batch(db, "acct", &batch("OLD", "2025-01-01 00:00:00", 4))
            })
            .unwrap();

        let takes = store
            .write(|db| consume_age_batches(db, "acct", "US-LAX-1", "SKU-MUG-001", 6))
            .unwrap();
        let left = store.read(|db| batches_of(db, "acct")).unwrap();

        assert_eq!(
            takes,
            [
                BatchTake {
                    batch_no: "OLD".to_owned(),
                    qty: 4
                },
                BatchTake {
                    batch_no: "NEW".to_owned(),
                    qty: 2
                }
            ],
            "the January batch empties before the March batch is touched"
        );
        let status: Vec<(i64, i64)> = left.iter().map(|(r, b)| (r.status, b.qty)).collect();
        assert_eq!(
            status,
            [(2, 8), (3, 0)],
            "NEW is partly shipped (2), OLD all shipped (3)"
        );
    }

    #[test]
    fn consuming_more_than_the_batches_hold_takes_what_there_is() {
        let store = Store::open(None).unwrap();
        store
            .write(|db| add_age_batch(db, "acct", &batch("B1", "2025-01-01 00:00:00", 3)))
            .unwrap();

        let takes = store
            .write(|db| consume_age_batches(db, "acct", "US-LAX-1", "SKU-MUG-001", 5))
            .unwrap();
        let other_sku = store
            .write(|db| consume_age_batches(db, "acct", "US-LAX-1", "SKU-LAMP-002", 5))
            .unwrap();

        assert_eq!(takes.iter().map(|t| t.qty).sum::<i64>(), 3, "only 3 exist");
        assert!(other_sku.is_empty(), "another SKU's batches are untouched");
    }

    #[test]
    fn asn_changes_write_no_movement_but_put_away_does() {
        let store = Store::open(None).unwrap();
        let at = "2025-01-02 03:04:05";

        let batch_no = store
            .write(|db| {
                change_asn_qty(db, "acct", "US-LAX-1", "SKU-MUG-001", 5, at)?;
                put_away(db, "acct", "US-LAX-1", "SKU-MUG-001", 5, "IB1", at)
            })
            .unwrap();
        let movements = store.read(|db| db.stock_movements("acct")).unwrap();
        let stock = store.read(|db| db.stock_rows("acct")).unwrap();

        assert_eq!(batch_no, "BN2025010200001");
        assert_eq!(movements.len(), 1, "only the put-away is a movement");
        assert_eq!(movements[0].biz_type, 2);
        assert_eq!(movements[0].batch_no.as_deref(), Some("BN2025010200001"));
        assert_eq!((stock[0].sale_qty, stock[0].asn_qty), (5, 0));
    }
}
