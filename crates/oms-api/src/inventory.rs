//! Inventory (库存模块): what each warehouse holds per SKU, every movement that changed it, and
//! how long stock has been sitting. Sellers plan replenishment and spot slow movers from these
//! three lists, so the counters are typed integers and stock age comes with the buckets the UI
//! shows (0-30, 31-60, 61-90, 91-180, 181+ days).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::code_enum;
use crate::common::WarehouseRef;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};
use crate::Client;

/// The most SKUs or warehouses one list filter takes.
pub const MAX_FILTER_VALUES: usize = 100;

code_enum! {
    /// `bizType` of a stock movement: the business event behind it.
    pub enum StockBizType {
        /// 期初库存
        InitialStock = 1 => ("期初库存", "initial stock"),
        /// 上架
        PutAway = 2 => ("上架", "put-away"),
        /// 订单锁定
        OrderLock = 3 => ("订单锁定", "order lock"),
        /// 订单取消
        OrderCancel = 4 => ("订单取消", "order cancel"),
        /// 出库
        Shipped = 5 => ("出库", "shipped"),
        /// 退件上架
        ReturnPutAway = 6 => ("退件上架", "return put-away"),
        /// 手工调整
        ManualAdjustment = 7 => ("手工调整", "manual adjustment"),
        /// 调整撤销
        AdjustmentReversed = 8 => ("调整撤销", "adjustment reversed"),
    }
}

code_enum! {
    /// `optType` of a stock movement: which way the quantity went.
    pub enum StockOperation {
        /// 增加
        Increase = 1 => ("增加", "increase"),
        /// 减少
        Decrease = -1 => ("减少", "decrease"),
        /// 其他: neither (for example a lock that moves stock between counters).
        OtherChange = 2 => ("其他", "other"),
    }
}

code_enum! {
    /// `status` of a stock-age batch: how much of it has shipped (inferred).
    pub enum StockAgeStatus {
        /// 未出库
        NoneShipped = 1 => ("未出库", "none shipped"),
        /// 部分出库
        PartlyShipped = 2 => ("部分出库", "partly shipped"),
        /// 全部出库
        AllShipped = 3 => ("全部出库", "all shipped"),
    }
}

/// Filters of the three inventory lists (`inventory_list`, `inventory_record_list`,
/// `inventory_age_list`). The create-time range applies to the movement list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InventoryListRequest {
    /// Only this SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sku: Option<String>,
    /// Only these SKUs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_skus: Vec<String>,
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Only these warehouses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warehouse_codes: Vec<String>,
    /// Movements from this time (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_create_time: Option<String>,
    /// Movements up to this time (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_create_time: Option<String>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

paged_request!(InventoryListRequest);

impl Validate for InventoryListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("productSku", self.product_sku.as_deref(), 50);
        check_codes(check, "productSkus", &self.product_skus, 50);
        check.max_len("warehouseCode", self.warehouse_code.as_deref(), 50);
        check_codes(check, "warehouseCodes", &self.warehouse_codes, 50);
        check.time_range(
            "startCreateTime",
            self.start_create_time.as_deref(),
            "endCreateTime",
            self.end_create_time.as_deref(),
        );
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

/// A list filter of codes: at most [`MAX_FILTER_VALUES`], none blank or too long.
fn check_codes(check: &mut Validator, field: &str, codes: &[String], max_len: usize) {
    check.max_items(field, codes, MAX_FILTER_VALUES);

    for (index, code) in codes.iter().enumerate() {
        let path = format!("{field}[{index}]");
        if check.required_text(&path, Some(code)) {
            check.max_len(&path, Some(code), max_len);
        }
    }
}

/// A product as nested in inventory answers (`openProduct`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductRef {
    /// The SKU.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_sku: Option<String>,
    /// Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// Stock of one SKU in one warehouse (`inventory_list` item; counters inferred from the
/// third-party integration).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockRow {
    /// The warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_warehouse: Option<WarehouseRef>,
    /// The product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_product: Option<ProductRef>,
    /// Sellable now.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub sale_qty: Option<i64>,
    /// Locked by orders not yet shipped.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub lock_qty: Option<i64>,
    /// Damaged, not sellable.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub bad_qty: Option<i64>,
    /// Everything in the warehouse.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub total_qty: Option<i64>,
    /// On the way in (open inbound orders).
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub asn_qty: Option<i64>,
    /// Shipped out.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub out_qty: Option<i64>,
    /// Returned.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub return_qty: Option<i64>,
    /// Returned in sellable condition.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub good_return_qty: Option<i64>,
    /// Returned damaged.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub bad_return_qty: Option<i64>,
    /// Destroyed.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub destroy_qty: Option<i64>,
    /// Being transferred to another warehouse.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub transfer_qty: Option<i64>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// One change of stock (`inventory_record_list` item).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockMovement {
    /// The stock batch.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub batch_no: Option<String>,
    /// The order that caused it.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub order_no: Option<String>,
    /// The business event.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub biz_type: Option<StockBizType>,
    /// Increase, decrease or other.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub opt_type: Option<StockOperation>,
    /// Quantity moved.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub opt_qty: Option<i64>,
    /// Quantity after the movement.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub balance_qty: Option<i64>,
    /// When it happened (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// The warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_warehouse: Option<WarehouseRef>,
    /// The product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_product: Option<ProductRef>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// One received batch and how long it has been in stock (`inventory_age_list` item, inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StockAgeRow {
    /// The warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_warehouse: Option<WarehouseRef>,
    /// The product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_product: Option<ProductRef>,
    /// The stock batch.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub batch_no: Option<String>,
    /// When the batch was put away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_time: Option<String>,
    /// Pieces of the batch still in stock.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub qty: Option<i64>,
    /// Days since put-away: the stock age.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub turnover_days: Option<i64>,
    /// Value of the batch (USD).
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub total_price: Option<Decimal>,
    /// How much of the batch has shipped.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub status: Option<StockAgeStatus>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl StockAgeRow {
    /// The age bucket of this batch, or `None` when the server gave no `turnoverDays`.
    pub fn age_bucket(&self) -> Option<AgeBucket> {
        self.turnover_days.map(AgeBucket::for_days)
    }
}

/// The stock-age buckets the UI shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum AgeBucket {
    /// 0 to 30 days.
    #[serde(rename = "0-30")]
    UpTo30,
    /// 31 to 60 days.
    #[serde(rename = "31-60")]
    From31To60,
    /// 61 to 90 days.
    #[serde(rename = "61-90")]
    From61To90,
    /// 91 to 180 days.
    #[serde(rename = "91-180")]
    From91To180,
    /// 181 days or more.
    #[serde(rename = "181+")]
    Over180,
}

impl AgeBucket {
    /// Every bucket, youngest first.
    pub const ALL: [AgeBucket; 5] = [
        Self::UpTo30,
        Self::From31To60,
        Self::From61To90,
        Self::From91To180,
        Self::Over180,
    ];

    /// The bucket of an age in days; a negative age (clock skew at the warehouse) counts as new.
    pub fn for_days(days: i64) -> Self {
        match days {
            i64::MIN..=30 => Self::UpTo30,
            31..=60 => Self::From31To60,
            61..=90 => Self::From61To90,
            91..=180 => Self::From91To180,
            _ => Self::Over180,
        }
    }

    /// The bucket's label, as the UI shows it (`"31-60"`).
    pub fn label(self) -> &'static str {
        match self {
            Self::UpTo30 => "0-30",
            Self::From31To60 => "31-60",
            Self::From61To90 => "61-90",
            Self::From91To180 => "91-180",
            Self::Over180 => "181+",
        }
    }

    /// Pieces in stock per bucket, in the order of [`AgeBucket::ALL`]. Rows without an age or
    /// a quantity are left out.
    pub fn totals(rows: &[StockAgeRow]) -> [(AgeBucket, i64); 5] {
        let mut totals = Self::ALL.map(|bucket| (bucket, 0));

        for row in rows {
            if let (Some(bucket), Some(qty)) = (row.age_bucket(), row.qty) {
                totals[bucket as usize].1 += qty;
            }
        }

        totals
    }
}

impl Client {
    /// 库存列表: stock per SKU and warehouse (inferred endpoint).
    pub async fn list_stock(&self, request: &InventoryListRequest) -> Result<Page<StockRow>> {
        self.call(EndpointId::InventoryList, request).await
    }

    /// 库存流水列表: every movement of stock, newest first as the server sorts them.
    pub async fn list_stock_movements(
        &self,
        request: &InventoryListRequest,
    ) -> Result<Page<StockMovement>> {
        self.call(EndpointId::InventoryRecordList, request).await
    }

    /// 库龄列表: stock batches with their age (inferred endpoint).
    pub async fn list_stock_age(
        &self,
        request: &InventoryListRequest,
    ) -> Result<Page<StockAgeRow>> {
        self.call(EndpointId::InventoryAgeList, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::InventoryList => json(client.list_stock(&parse(body)?).await?)?,
        EndpointId::InventoryRecordList => json(client.list_stock_movements(&parse(body)?).await?)?,
        EndpointId::InventoryAgeList => json(client.list_stock_age(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Code;

    #[test]
    fn movement_keeps_unknown_fields_and_codes_and_reads_numbers_as_strings() {
        let json = serde_json::json!({
            "batchNo": 240501,
            "orderNo": "ASN2405010001",
            "bizType": "9",
            "optType": -1,
            "optQty": "12",
            "balanceQty": 88,
            "createTime": "2024-05-01 10:00:00",
            "openWarehouse": {"warehouseCode": "US-LAX-1", "zone": "A"},
            "openProduct": {"productSku": "SKU-MUG-001", "name": "马克杯", "nameEn": "Mug"},
            "operator": "system"
        });

        let movement: StockMovement = serde_json::from_value(json).unwrap();

        assert_eq!(
            movement.batch_no.as_deref(),
            Some("240501"),
            "numeric batch read as text"
        );
        assert_eq!(
            movement.biz_type,
            Some(StockBizType::Other(9)),
            "unknown bizType kept"
        );
        assert_eq!(movement.opt_type, Some(StockOperation::Decrease));
        assert_eq!(movement.opt_qty, Some(12), "string quantity accepted");
        assert_eq!(
            movement.extra["operator"], "system",
            "unknown field kept in extra"
        );
        assert_eq!(
            movement.open_warehouse.unwrap().extra["zone"],
            "A",
            "unknown nested field kept"
        );
    }

    #[test]
    fn stock_row_reads_counters_in_both_forms() {
        let json =
            serde_json::json!({"saleQty": "5", "lockQty": 2, "totalQty": 7, "newCounter": 1});

        let row: StockRow = serde_json::from_value(json).unwrap();

        assert_eq!(
            (row.sale_qty, row.lock_qty, row.total_qty),
            (Some(5), Some(2), Some(7))
        );
        assert_eq!(row.extra["newCounter"], 1, "unknown counter kept");
    }

    #[test]
    fn age_buckets_have_inclusive_upper_edges() {
        let cases = [
            (-3, AgeBucket::UpTo30),
            (0, AgeBucket::UpTo30),
            (30, AgeBucket::UpTo30),
            (31, AgeBucket::From31To60),
            (60, AgeBucket::From31To60),
            (61, AgeBucket::From61To90),
            (90, AgeBucket::From61To90),
            (91, AgeBucket::From91To180),
            (180, AgeBucket::From91To180),
            (181, AgeBucket::Over180),
            (4000, AgeBucket::Over180),
        ];

        for (days, bucket) in cases {
            assert_eq!(AgeBucket::for_days(days), bucket, "{days} days");
        }
    }

    #[test]
    fn bucket_totals_sum_quantities_and_skip_rows_without_age() {
        let row = |days: Option<i64>, qty: i64| StockAgeRow {
            turnover_days: days,
            qty: Some(qty),
            ..StockAgeRow::default()
        };
        let rows = [
            row(Some(10), 3),
            row(Some(45), 4),
            row(Some(29), 2),
            row(None, 100),
        ];

        let totals = AgeBucket::totals(&rows);

        assert_eq!(
            totals[0],
            (AgeBucket::UpTo30, 5),
            "10 and 29 days fall in 0-30"
        );
        assert_eq!(totals[1], (AgeBucket::From31To60, 4));
        assert_eq!(
            totals[4],
            (AgeBucket::Over180, 0),
            "a row without age is not counted"
        );
    }

    #[test]
    fn age_row_reads_price_and_status() {
        let json = serde_json::json!({"totalPrice": 12.5, "status": "4", "turnoverDays": "200"});

        let row: StockAgeRow = serde_json::from_value(json).unwrap();

        assert_eq!(row.total_price, Some(Decimal::new(125, 1)));
        assert!(
            !row.status.unwrap().is_known(),
            "unknown status kept as Other"
        );
        assert_eq!(row.age_bucket(), Some(AgeBucket::Over180));
        assert_eq!(serde_json::to_value(&row).unwrap()["totalPrice"], "12.50");
    }
}
