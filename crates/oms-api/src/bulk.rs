//! Shapes shared by several modules: the answer to a create (`{orderNo, trackingNo}`), the cancel
//! request (`{orderNos, cancelRemark}`), the bulk result with its per-order failures, and the
//! label-file request of downloads. One definition keeps every module reading them the same way.

use serde::{Deserialize, Serialize};

use crate::code_enum;
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};

/// The most orders one cancel call takes.
pub const MAX_ORDERS_PER_CALL: usize = 100;

/// What a create, create-reviewed or update returns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderCreated {
    /// The warehouse's order number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The tracking number, when one was assigned.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `{"orderNos": [...], "cancelRemark"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CancelRequest {
    /// The orders to cancel.
    #[serde(default)]
    pub order_nos: Vec<String>,
    /// Why, for the warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_remark: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for CancelRequest {
    fn validate(&self, check: &mut Validator) {
        check.not_empty("orderNos", &self.order_nos);
        check.max_items("orderNos", &self.order_nos, MAX_ORDERS_PER_CALL);
        for (index, order_no) in self.order_nos.iter().enumerate() {
            check.required_text(&format!("orderNos[{index}]"), Some(order_no));
        }
        check.max_len("cancelRemark", self.cancel_remark.as_deref(), 500);
    }
}

/// One order in a bulk result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkItem {
    /// The order (empty in platform-order results, which name `platformOrderNo` instead).
    #[serde(default, with = "wire::text", skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The platform order, in the results of platform-order batches.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub platform_order_no: Option<String>,
    /// What happened to it.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub message: String,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl BulkItem {
    /// The order this entry is about: `orderNo`, or `platformOrderNo` for platform orders.
    pub fn key(&self) -> &str {
        match &self.platform_order_no {
            Some(number) if self.order_no.is_empty() => number,
            _ => &self.order_no,
        }
    }
}

/// `{totalQty, successQty, failQty, successList, failList}`. `failQty > 0` is a partial failure
/// even when the envelope says `success: true`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkResult {
    /// Orders in the request.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_qty: u64,
    /// Orders that succeeded.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub success_qty: u64,
    /// Orders that failed.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub fail_qty: u64,
    /// The orders that succeeded.
    #[serde(default)]
    pub success_list: Vec<BulkItem>,
    /// The orders that failed, each with the reason.
    #[serde(default)]
    pub fail_list: Vec<BulkItem>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl BulkResult {
    /// True when at least one order failed.
    pub fn has_failures(&self) -> bool {
        self.fail_qty > 0 || !self.fail_list.is_empty()
    }
}

/// Paper sizes of label downloads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum LabelSize {
    /// 100 x 100 mm labels.
    #[default]
    #[serde(rename = "100x100")]
    Label100x100,
    /// 100 x 150 mm labels.
    #[serde(rename = "100x150")]
    Label100x150,
    /// A4 sheets with several labels each.
    #[serde(rename = "A4")]
    A4,
}

impl LabelSize {
    /// The wire text, also used in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Label100x100 => "100x100",
            Self::Label100x150 => "100x150",
            Self::A4 => "A4",
        }
    }
}

/// `{"orderNo", "labelSize"}` for box labels and SKU barcodes (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelFileRequest {
    /// The order.
    #[serde(default)]
    pub order_no: String,
    /// Paper size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_size: Option<LabelSize>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for LabelFileRequest {
    fn validate(&self, check: &mut Validator) {
        check.required_text("orderNo", Some(&self.order_no));
        check.max_len("orderNo", Some(&self.order_no), 64);
    }
}

code_enum! {
    /// Order statuses shared by outbound orders (SPEC.md §1).
    pub enum OutboundStatus {
        /// 异常: see `errorReason`.
        Exception = -2 => ("异常", "exception"),
        /// 已取消
        Cancelled = -1 => ("已取消", "cancelled"),
        /// 草稿
        Draft = 1 => ("草稿", "draft"),
        /// 待审核
        PendingReview = 2 => ("待审核", "pending review"),
        /// 已审核
        Reviewed = 3 => ("已审核", "reviewed"),
        /// 待出库
        AwaitingOutbound = 4 => ("待出库", "awaiting outbound"),
        /// 已出库
        Shipped = 5 => ("已出库", "shipped"),
    }
}
