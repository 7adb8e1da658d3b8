//! Inbound orders / ASN (入库单模块): the seller announces what is coming to a warehouse, carton
//! by carton, so the warehouse can plan the unloading and check every box against the notice.
//!
//! A wrong carton list costs money at the dock (cartons that cannot be matched wait unreceived),
//! so the lines, their cartons and the container rules are checked here before sending, and
//! [`InboundOrderCreate::cartons`] and [`InboundOrderCreate::sku_totals`] give the UI and the
//! sandbox the same view of the cartons that box labels are printed from.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

use crate::bulk::{BulkResult, CancelRequest, LabelFileRequest, OrderCreated, MAX_ORDERS_PER_CALL};
use crate::code_enum;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::files::{DownloadedFile, InboundAttachment};
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra, YesNo};
use crate::Client;

/// The most lines one inbound order takes (a sensible limit; the documentation gives none).
pub const MAX_LINES_PER_ORDER: usize = 2000;

code_enum! {
    /// `status` of an inbound order (inferred codes, SPEC.md §2.4).
    pub enum InboundStatus {
        /// 已取消
        Cancelled = -1 => ("已取消", "cancelled"),
        /// 草稿
        Draft = 1 => ("草稿", "draft"),
        /// 待审核
        PendingReview = 2 => ("待审核", "pending review"),
        /// 已审核
        Reviewed = 3 => ("已审核", "reviewed"),
        /// 在途
        InTransit = 4 => ("在途", "in transit"),
        /// 已收货
        Received = 5 => ("已收货", "received"),
        /// 已上架
        PutAway = 6 => ("已上架", "put away"),
    }
}

impl InboundStatus {
    /// True while the order may still be updated or cancelled (inferred: before the warehouse
    /// starts work, statuses 1 to 3).
    pub fn is_changeable(self) -> bool {
        matches!(self, Self::Draft | Self::PendingReview | Self::Reviewed)
    }
}

code_enum! {
    /// `transitType`: who carries the first leg to the warehouse.
    pub enum TransitType {
        /// 卖家自发头程
        SellerShips = 1 => ("卖家自发头程", "seller ships the first leg"),
        /// 仓库代发头程
        WarehouseShips = 2 => ("仓库代发头程", "warehouse handles the first leg"),
        /// 仓库港口提柜
        PortPickup = 3 => ("仓库港口提柜", "warehouse collects at the port"),
    }
}

code_enum! {
    /// `shippingType`: how the goods arrive.
    pub enum ShippingType {
        /// 整柜: `containerType` is then required.
        FullContainer = 1 => ("整柜", "full container"),
        /// 快递
        Express = 2 => ("快递", "express"),
        /// 托盘
        Pallet = 3 => ("托盘", "pallet"),
    }
}

code_enum! {
    /// `containerType` of a full-container shipment.
    pub enum ContainerType {
        /// 无
        None = -1 => ("无", "none"),
        /// 40HQ
        Hq40 = 1 => ("40HQ", "40HQ"),
        /// 45HQ
        Hq45 = 2 => ("45HQ", "45HQ"),
        /// 20GP
        Gp20 = 3 => ("20GP", "20GP"),
        /// 40GP
        Gp40 = 4 => ("40GP", "40GP"),
        /// 45PLWD
        Plwd45 = 5 => ("45PLWD", "45PLWD"),
        /// 53HQ
        Hq53 = 6 => ("53HQ", "53HQ"),
    }
}

code_enum! {
    /// `shelfMode`: how the warehouse puts the goods away.
    pub enum ShelfMode {
        /// 按箱上架
        ByCarton = 1 => ("按箱上架", "by carton"),
        /// 按件上架
        ByPiece = 2 => ("按件上架", "by piece"),
    }
}

code_enum! {
    /// `orderType` of an inbound order.
    pub enum InboundOrderType {
        /// 常规入库
        Regular = 1 => ("常规入库", "regular"),
        /// FBA退货
        FbaReturn = 2 => ("FBA退货", "FBA return"),
        /// 快进快出
        FastInOut = 4 => ("快进快出", "fast in/out"),
    }
}

code_enum! {
    /// `unloadType`: how a container is unloaded.
    pub enum UnloadType {
        /// 甩柜
        DropOff = 1 => ("甩柜", "drop off"),
        /// 等柜卸货
        LiveUnload = 2 => ("等柜卸货", "live unload"),
    }
}

code_enum! {
    /// `stockType`: whether the goods are already sold.
    pub enum StockType {
        /// 普通库存
        Normal = 1 => ("普通库存", "normal"),
        /// 预售库存
        PreSold = 2 => ("预售库存", "pre-sold"),
    }
}

code_enum! {
    /// `packageType` of an inbound line.
    pub enum PackageType {
        /// 自带包装
        OwnPackaging = 1 => ("自带包装", "own packaging"),
        /// 无包装
        NoPackaging = 2 => ("无包装", "no packaging"),
    }
}

/// One `itemDTOs[]` row: one SKU in one carton. Rows with the same `boxNo` are one carton, whose
/// size and weight each row repeats. Codes and numbers travel as strings, measures at 3 places.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboundLine {
    /// The SKU (must exist in the product list).
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product_sku: String,
    /// The carton number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub box_no: String,
    /// Pieces of the SKU in this carton, at least 1.
    #[serde(default, with = "wire::text_int")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub qty: u32,
    /// Carton length (cm).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub length: Option<Decimal>,
    /// Carton width (cm).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub width: Option<Decimal>,
    /// Carton height (cm).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub height: Option<Decimal>,
    /// Carton weight (kg).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub weight: Option<Decimal>,
    /// Packaging of the pieces.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_type: Option<PackageType>,
    /// The warehouse should photograph the carton.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_picture: Option<YesNo>,
    /// The carton holds several SKUs.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_mixed_box: Option<YesNo>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Pieces received so far (list answers only).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub received_qty: Option<u32>,
    /// Fields the vendor may add, or that we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `inbound_create` and `inbound_create_reviewed` body. The documentation's example sends
/// `transitType` and `shippingType` as strings; the other codes follow them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboundOrderCreate {
    /// The seller's reference, unique per inbound order.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub reference_no: String,
    /// Who carries the first leg.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub transit_type: Option<TransitType>,
    /// The receiving warehouse.
    #[serde(default)]
    pub warehouse_code: String,
    /// The warehouse the goods are transferred from, for transfers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_warehouse_code: Option<String>,
    /// How the goods arrive.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub shipping_type: Option<ShippingType>,
    /// Container size (required for a full container).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub container_type: Option<ContainerType>,
    /// Container number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_no: Option<String>,
    /// Put away by carton or by piece.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub shelf_mode: Option<ShelfMode>,
    /// Tracking number of the first leg.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Description of the shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn_desc: Option<String>,
    /// Regular, FBA return or fast in/out.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub order_type: Option<InboundOrderType>,
    /// Arrives on pallets.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_use_pallet: Option<YesNo>,
    /// Pallets mix several SKUs.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_mixed_pallet: Option<YesNo>,
    /// Number of pallets.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub pallet_qty: Option<u32>,
    /// Carrier of the first leg.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_code: Option<String>,
    /// Expected arrival, `yyyy-MM-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_date: Option<String>,
    /// Drop off or live unload.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub unload_type: Option<UnloadType>,
    /// When the empty container must be returned, `yyyy-MM-dd` (inferred format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_container_date: Option<String>,
    /// Normal or pre-sold stock.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub stock_type: Option<StockType>,
    /// E-mail of the trucker who tows the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_of_towing_container: Option<String>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The lines: one per SKU per carton (lists may return them as `openItems`).
    #[serde(default, rename = "itemDTOs", alias = "openItems")]
    pub items: Vec<InboundLine>,
    /// Attachments: packing list, BOL, labels (lists may return them as `openAttachments`).
    #[serde(
        default,
        rename = "attachmentOpenDTOs",
        alias = "openAttachments",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<InboundAttachment>,
    /// Fields the vendor may add, or that we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl InboundOrderCreate {
    /// The lines grouped by carton (`boxNo`), cartons in number order.
    pub fn cartons(&self) -> BTreeMap<String, Vec<&InboundLine>> {
        let mut cartons: BTreeMap<String, Vec<&InboundLine>> = BTreeMap::new();
        for line in &self.items {
            cartons
                .entry(line.box_no.trim().to_owned())
                .or_default()
                .push(line);
        }

        cartons
    }

    /// Pieces announced per SKU, over all cartons.
    pub fn sku_totals(&self) -> BTreeMap<String, u64> {
        let mut totals: BTreeMap<String, u64> = BTreeMap::new();
        for line in &self.items {
            *totals
                .entry(line.product_sku.trim().to_owned())
                .or_default() += u64::from(line.qty);
        }

        totals
    }

    /// Pieces announced in all.
    pub fn total_qty(&self) -> u64 {
        self.items.iter().map(|line| u64::from(line.qty)).sum()
    }

    /// A full container needs its size; other shipments may name one.
    fn validate_container(&self, check: &mut Validator) {
        let full_container = self.shipping_type == Some(ShippingType::FullContainer);
        match self.container_type {
            None if full_container => check.error(
                "containerType",
                "整柜入库必须选择柜型",
                "is required when shippingType is 1 (full container)",
            ),
            Some(ContainerType::None) if full_container => check.error(
                "containerType",
                "整柜入库不能选择“无”柜型",
                "must name a container size when shippingType is 1 (full container)",
            ),
            _ => check.known_code("containerType", self.container_type.as_ref()),
        }
        check.max_len("containerNo", self.container_no.as_deref(), 50);
    }

    /// Lines whose carton and SKU repeat an earlier line: one carton holds each SKU once.
    fn validate_repeated_lines(&self, check: &mut Validator) {
        let mut seen = HashSet::new();
        for (index, line) in self.items.iter().enumerate() {
            let key = (line.box_no.trim(), line.product_sku.trim());
            if key.0.is_empty() || key.1.is_empty() {
                continue;
            }
            if !seen.insert(key) {
                check.error(
                    &format!("itemDTOs[{index}].productSku"),
                    format!("箱号 {} 中的 SKU {} 重复，请合并数量", key.0, key.1),
                    format!(
                        "SKU {} appears twice in carton {}; put the pieces on one line",
                        key.1, key.0
                    ),
                );
            }
        }
    }
}

impl Validate for InboundLine {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("productSku", Some(&self.product_sku)) {
            check.max_len("productSku", Some(&self.product_sku), 50);
        }
        if check.required_text("boxNo", Some(&self.box_no)) {
            check.max_len("boxNo", Some(&self.box_no), 50);
        }
        check.at_least("qty", Some(i64::from(self.qty)), 1);
        for (field, value) in [
            ("length", &self.length),
            ("width", &self.width),
            ("height", &self.height),
            ("weight", &self.weight),
        ] {
            check.decimal(field, value.as_ref(), 3);
        }
        check.known_code("packageType", self.package_type.as_ref());
        check.known_code("isPicture", self.is_picture.as_ref());
        check.known_code("isMixedBox", self.is_mixed_box.as_ref());
        check.max_len("remark", self.remark.as_deref(), 500);
    }
}

impl Validate for InboundOrderCreate {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("referenceNo", Some(&self.reference_no)) {
            check.max_len("referenceNo", Some(&self.reference_no), 50);
        }
        if check.required_text("warehouseCode", Some(&self.warehouse_code)) {
            check.max_len("warehouseCode", Some(&self.warehouse_code), 50);
        }
        check.max_len("fromWarehouseCode", self.from_warehouse_code.as_deref(), 50);
        if check.required("transitType", self.transit_type.as_ref()) {
            check.known_code("transitType", self.transit_type.as_ref());
        }
        if check.required("shippingType", self.shipping_type.as_ref()) {
            check.known_code("shippingType", self.shipping_type.as_ref());
        }

        self.validate_container(check);

        check.known_code("shelfMode", self.shelf_mode.as_ref());
        check.max_len("trackingNo", self.tracking_no.as_deref(), 100);
        check.max_len("asnDesc", self.asn_desc.as_deref(), 500);
        check.known_code("orderType", self.order_type.as_ref());
        check.known_code("isUsePallet", self.is_use_pallet.as_ref());
        check.known_code("isMixedPallet", self.is_mixed_pallet.as_ref());
        check.max_len("carrierCode", self.carrier_code.as_deref(), 50);
        check.date("etaDate", self.eta_date.as_deref());
        check.known_code("unloadType", self.unload_type.as_ref());
        check.date("returnContainerDate", self.return_container_date.as_deref());
        check.known_code("stockType", self.stock_type.as_ref());
        check.email(
            "emailOfTowingContainer",
            self.email_of_towing_container.as_deref(),
        );
        check.max_len(
            "emailOfTowingContainer",
            self.email_of_towing_container.as_deref(),
            100,
        );
        check.max_len("remark", self.remark.as_deref(), 500);

        check.not_empty("itemDTOs", &self.items);
        check.max_items("itemDTOs", &self.items, MAX_LINES_PER_ORDER);
        check.each("itemDTOs", &self.items);
        self.validate_repeated_lines(check);

        check.each("attachmentOpenDTOs", &self.attachments);
    }
}

/// `inbound_update` body: the order number and the whole create body. Unknown fields of the body
/// are kept once, in `order.extra`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboundOrderUpdate {
    /// The order to change.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The new content of the order.
    #[serde(flatten)]
    pub order: InboundOrderCreate,
}

impl Validate for InboundOrderUpdate {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("orderNo", Some(&self.order_no)) {
            check.max_len("orderNo", Some(&self.order_no), 64);
        }
        self.order.validate(check);
    }
}

/// `inbound_list` request (inferred). Filter by creation time or by update time, not both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboundOrderListRequest {
    /// Only these orders (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_nos: Vec<String>,
    /// Only these references (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_nos: Vec<String>,
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Only this status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<InboundStatus>,
    /// Created at or after, `yyyy-MM-dd HH:mm:ss`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_create_time: Option<String>,
    /// Created at or before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_create_time: Option<String>,
    /// Updated at or after, `yyyy-MM-dd HH:mm:ss`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_update_time: Option<String>,
    /// Updated at or before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_update_time: Option<String>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

paged_request!(InboundOrderListRequest);

impl Validate for InboundOrderListRequest {
    fn validate(&self, check: &mut Validator) {
        for (field, values) in [
            ("orderNos", &self.order_nos),
            ("referenceNos", &self.reference_nos),
        ] {
            check.max_items(field, values, MAX_ORDERS_PER_CALL);
            for (index, value) in values.iter().enumerate() {
                let field = format!("{field}[{index}]");
                check.required_text(&field, Some(value));
                check.max_len(&field, Some(value), 64);
            }
        }
        check.max_len("warehouseCode", self.warehouse_code.as_deref(), 50);
        check.known_code("status", self.status.as_ref());

        check.time_range(
            "startCreateTime",
            self.start_create_time.as_deref(),
            "endCreateTime",
            self.end_create_time.as_deref(),
        );
        check.time_range(
            "startUpdateTime",
            self.start_update_time.as_deref(),
            "endUpdateTime",
            self.end_update_time.as_deref(),
        );
        let by_create = self.start_create_time.is_some() || self.end_create_time.is_some();
        let by_update = self.start_update_time.is_some() || self.end_update_time.is_some();
        if by_create && by_update {
            check.error(
                "startUpdateTime",
                "创建时间和更新时间只能选择一种筛选",
                "filter by creation time or by update time, not both",
            );
        }

        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

/// An `inbound_list` item: the create body plus what the warehouse adds. Unknown fields are kept
/// once, in `order.extra`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboundOrder {
    /// The warehouse's order number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// Where the order stands.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<InboundStatus>,
    /// When it was created, `yyyy-MM-dd HH:mm:ss`.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub create_time: Option<String>,
    /// When it last changed.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub update_time: Option<String>,
    /// The order as announced, with `receivedQty` on its lines.
    #[serde(flatten)]
    pub order: InboundOrderCreate,
}

impl Client {
    /// 入库单列表: inbound orders with their lines and received quantities (inferred endpoint).
    pub async fn list_inbound_orders(
        &self,
        request: &InboundOrderListRequest,
    ) -> Result<Page<InboundOrder>> {
        self.call(EndpointId::InboundList, request).await
    }

    /// 创建入库单: announces an inbound shipment (a draft or pending order).
    pub async fn create_inbound_order(&self, order: &InboundOrderCreate) -> Result<OrderCreated> {
        self.call(EndpointId::InboundCreate, order).await
    }

    /// 创建已审核入库单: announces an inbound shipment that is reviewed at once.
    pub async fn create_reviewed_inbound_order(
        &self,
        order: &InboundOrderCreate,
    ) -> Result<OrderCreated> {
        self.call(EndpointId::InboundCreateReviewed, order).await
    }

    /// 修改入库单: replaces the content of an inbound order that has not been worked on.
    pub async fn update_inbound_order(&self, update: &InboundOrderUpdate) -> Result<OrderCreated> {
        self.call(EndpointId::InboundUpdate, update).await
    }

    /// 取消入库单: cancels several inbound orders; check the result for orders that failed.
    pub async fn cancel_inbound_orders(&self, request: &CancelRequest) -> Result<BulkResult> {
        self.call(EndpointId::InboundCancel, request).await
    }

    /// 下载箱唛: the box labels of an order as a PDF, one per carton (inferred endpoint).
    pub async fn download_box_labels(&self, request: &LabelFileRequest) -> Result<DownloadedFile> {
        self.download(EndpointId::InboundBoxLabels, request).await
    }

    /// 下载关联SKU条码: the SKU barcode labels of an order as a PDF (inferred endpoint).
    pub async fn download_sku_barcodes(
        &self,
        request: &LabelFileRequest,
    ) -> Result<DownloadedFile> {
        self.download(EndpointId::InboundSkuBarcodes, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse, CallOutput};

    Ok(Some(match id {
        EndpointId::InboundList => json(client.list_inbound_orders(&parse(body)?).await?)?,
        EndpointId::InboundCreate => json(client.create_inbound_order(&parse(body)?).await?)?,
        EndpointId::InboundCreateReviewed => {
            json(client.create_reviewed_inbound_order(&parse(body)?).await?)?
        }
        EndpointId::InboundUpdate => json(client.update_inbound_order(&parse(body)?).await?)?,
        EndpointId::InboundCancel => json(client.cancel_inbound_orders(&parse(body)?).await?)?,
        EndpointId::InboundBoxLabels => {
            CallOutput::File(client.download_box_labels(&parse(body)?).await?)
        }
        EndpointId::InboundSkuBarcodes => {
            CallOutput::File(client.download_sku_barcodes(&parse(body)?).await?)
        }
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn line(sku: &str, box_no: &str, qty: u32) -> InboundLine {
        InboundLine {
            product_sku: sku.to_owned(),
            box_no: box_no.to_owned(),
            qty,
            ..InboundLine::default()
        }
    }

    #[test]
    fn the_documented_first_fields_use_their_wire_forms() {
        let order = InboundOrderCreate {
            reference_no: "PO-2024-001".to_owned(),
            transit_type: Some(TransitType::SellerShips),
            warehouse_code: "US-LAX-1".to_owned(),
            shipping_type: Some(ShippingType::FullContainer),
            container_type: Some(ContainerType::Hq40),
            items: vec![InboundLine {
                weight: Some(Decimal::new(85, 1)),
                ..line("SKU-MUG-001", "1", 24)
            }],
            ..InboundOrderCreate::default()
        };

        let wire = serde_json::to_value(&order).unwrap();

        assert_eq!(
            wire["transitType"], "1",
            "the doc example sends transitType as a string"
        );
        assert_eq!(
            wire["shippingType"], "1",
            "the doc example sends shippingType as a string"
        );
        assert_eq!(
            wire["containerType"], "1",
            "codes follow their documented siblings"
        );
        assert_eq!(wire["itemDTOs"][0]["qty"], "24", "qty travels as a string");
        assert_eq!(
            wire["itemDTOs"][0]["weight"], "8.500",
            "measures are padded to 3 places"
        );
        assert!(
            wire.get("attachmentOpenDTOs").is_none(),
            "no empty attachment list is sent"
        );
    }

    #[test]
    fn a_list_item_reads_numbers_and_keeps_unknown_fields_and_codes_once() {
        let item = json!({
            "orderNo": "ASN240501001",
            "status": 8,
            "createTime": "2024-05-01 10:00:00",
            "referenceNo": "PO-2024-001",
            "transitType": 1,
            "shippingType": "2",
            "warehouseCode": "US-LAX-1",
            "openItems": [{"productSku": "SKU-MUG-001", "boxNo": 3, "qty": 24,
                           "receivedQty": "20", "length": 40, "binCode": "A-01"}],
            "receivedBoxQty": 1
        });

        let order: InboundOrder = serde_json::from_value(item).unwrap();

        assert_eq!(
            order.status,
            Some(InboundStatus::Other(8)),
            "unknown status kept"
        );
        assert_eq!(order.order.transit_type, Some(TransitType::SellerShips));
        assert_eq!(order.order.shipping_type, Some(ShippingType::Express));
        let first = &order.order.items[0];
        assert_eq!(first.box_no, "3", "a numeric carton number is read as text");
        assert_eq!((first.qty, first.received_qty), (24, Some(20)));
        assert_eq!(first.length, Some(Decimal::new(40, 0)));
        assert_eq!(
            first.extra["binCode"], "A-01",
            "unknown line fields are kept"
        );
        assert_eq!(
            order.order.extra["receivedBoxQty"], 1,
            "unknown order fields are kept"
        );
        let written = serde_json::to_string(&order).unwrap();
        assert_eq!(
            written.matches("receivedBoxQty").count(),
            1,
            "an unknown field is written back once: {written}"
        );
    }

    #[test]
    fn an_update_is_the_order_number_and_the_create_body_side_by_side() {
        let body = json!({"orderNo": "ASN1", "referenceNo": "PO-1", "warehouseCode": "US-LAX-1",
                          "itemDTOs": [], "newVendorField": "x"});

        let update: InboundOrderUpdate = serde_json::from_value(body.clone()).unwrap();

        assert_eq!(update.order_no, "ASN1");
        assert_eq!(update.order.reference_no, "PO-1");
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            body,
            "the body round-trips as is"
        );
        let written = serde_json::to_string(&update).unwrap();
        assert_eq!(written.matches("newVendorField").count(), 1, "{written}");
    }

    #[test]
    fn cartons_group_lines_by_box_and_totals_add_up_per_sku() {
        let order = InboundOrderCreate {
            items: vec![
                line("SKU-MUG-001", "2", 10),
                line("SKU-LAMP-002", "1", 4),
                line("SKU-MUG-001", "1", 6),
            ],
            ..InboundOrderCreate::default()
        };

        let cartons = order.cartons();
        let totals = order.sku_totals();

        assert_eq!(
            cartons.keys().collect::<Vec<_>>(),
            ["1", "2"],
            "cartons in order"
        );
        assert_eq!(cartons["1"].len(), 2, "carton 1 holds two SKUs");
        assert_eq!(
            totals["SKU-MUG-001"], 16,
            "pieces of one SKU add up over cartons"
        );
        assert_eq!(totals["SKU-LAMP-002"], 4);
        assert_eq!(order.total_qty(), 20);
    }

    #[test]
    fn changeable_statuses_are_those_before_the_warehouse_starts() {
        assert!(InboundStatus::Draft.is_changeable());
        assert!(InboundStatus::Reviewed.is_changeable());
        assert!(
            !InboundStatus::InTransit.is_changeable(),
            "goods on the way cannot be re-announced"
        );
        assert!(
            !InboundStatus::Other(9).is_changeable(),
            "unknown statuses are not assumed"
        );
    }
}
