//! Express labels (快递面单模块): the seller buys a carrier label through the warehouse's carrier
//! account, for a parcel the warehouse does not pick from stock. Only create is documented; the
//! rest follows the endpoint names (SPEC.md §2.8), including the life cycle of a label, which is
//! written once here ([`LabelStatus::allowed_actions`], [`LabelAction::next_status`]) so the
//! sandbox and the UI apply the same rule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

use crate::bulk::{BulkResult, OrderCreated};
use crate::code_enum;
use crate::common::{ShippingMethod, ShippingMethodListRequest};
use crate::endpoints::EndpointId;
use crate::error::{Error, Result};
use crate::files::{DownloadedFile, InlineFile};
use crate::outbound::SignType;
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Code, Extra, YesNo};
use crate::Client;

/// The most labels one call acts on.
pub const MAX_LABELS_PER_CALL: usize = 100;

code_enum! {
    /// `orderType` of an express label.
    pub enum LabelOrderType {
        /// 一票一件: one parcel.
        SingleParcel = 1 => ("一票一件", "single parcel"),
        /// 一票多件: several parcels under one order.
        MultiParcel = 2 => ("一票多件", "multi parcel"),
    }
}

code_enum! {
    /// `status` of an express label (inferred, SPEC.md §2.8).
    pub enum LabelStatus {
        /// 制单失败: the carrier refused; see `errorReason`, then retry or cancel.
        Failed = -2 => ("制单失败", "failed"),
        /// 已取消
        Cancelled = -1 => ("已取消", "cancelled"),
        /// 草稿
        Draft = 1 => ("草稿", "draft"),
        /// 待审核
        PendingReview = 2 => ("待审核", "pending review"),
        /// 已审核: the label is being made.
        Reviewed = 3 => ("已审核", "reviewed"),
        /// 已制单: tracking number and label file available.
        Created = 4 => ("已制单", "label created"),
        /// 退款中
        RefundRequested = 5 => ("退款中", "refund requested"),
        /// 已退款
        Refunded = 6 => ("已退款", "refunded"),
    }
}

/// What a seller can do to a label. The warehouse moves `3 → 4` (made) or `3 → -2` (failed) and
/// `5 → 6` (refunded) on its own; those are not actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum LabelAction {
    /// 提交审核: draft → pending review.
    SubmitReview,
    /// 审核: pending review → reviewed.
    Review,
    /// 驳回: pending review → draft.
    Reject,
    /// 取消: draft, pending review or failed → cancelled.
    Cancel,
    /// 退款: created → refund requested.
    Refund,
    /// 激活: cancelled → draft.
    Activate,
    /// 重试制单: failed → reviewed.
    Retry,
}

impl LabelAction {
    /// Every action.
    pub const ALL: [LabelAction; 7] = [
        Self::SubmitReview,
        Self::Review,
        Self::Reject,
        Self::Cancel,
        Self::Refund,
        Self::Activate,
        Self::Retry,
    ];

    /// The status a label in `from` moves to, or `None` when the action is not allowed there.
    pub fn next_status(self, from: LabelStatus) -> Option<LabelStatus> {
        use LabelStatus::*;

        match (self, from) {
            (Self::SubmitReview, Draft) => Some(PendingReview),
            (Self::Review, PendingReview) => Some(Reviewed),
            (Self::Reject, PendingReview) => Some(Draft),
            (Self::Cancel, Draft | PendingReview | Failed) => Some(Cancelled),
            (Self::Refund, Created) => Some(RefundRequested),
            (Self::Activate, Cancelled) => Some(Draft),
            (Self::Retry, Failed) => Some(Reviewed),
            _ => None,
        }
    }

    /// The status after the action, or an error naming the current status and what is allowed.
    pub fn apply(self, from: LabelStatus) -> Result<LabelStatus, LabelTransitionError> {
        self.next_status(from)
            .ok_or(LabelTransitionError { action: self, from })
    }

    /// The endpoint that performs the action.
    pub fn endpoint(self) -> EndpointId {
        match self {
            Self::SubmitReview => EndpointId::LabelSubmitReview,
            Self::Review => EndpointId::LabelReview,
            Self::Reject => EndpointId::LabelReject,
            Self::Cancel => EndpointId::LabelCancel,
            Self::Refund => EndpointId::LabelRefund,
            Self::Activate => EndpointId::LabelActivate,
            Self::Retry => EndpointId::LabelRetry,
        }
    }

    /// The action an endpoint performs, for the label endpoints that change a status.
    pub fn for_endpoint(id: EndpointId) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.endpoint() == id)
    }

    /// Chinese name, as on the vendor's buttons.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::SubmitReview => "提交审核",
            Self::Review => "审核",
            Self::Reject => "驳回",
            Self::Cancel => "取消",
            Self::Refund => "退款",
            Self::Activate => "激活",
            Self::Retry => "重试制单",
        }
    }

    /// English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::SubmitReview => "submit for review",
            Self::Review => "review",
            Self::Reject => "reject",
            Self::Cancel => "cancel",
            Self::Refund => "refund",
            Self::Activate => "reactivate",
            Self::Retry => "retry",
        }
    }
}

impl LabelStatus {
    /// The actions a seller can take on a label in this status.
    pub fn allowed_actions(self) -> &'static [LabelAction] {
        use LabelAction::*;

        match self {
            Self::Draft => &[SubmitReview, Cancel],
            Self::PendingReview => &[Review, Reject, Cancel],
            Self::Failed => &[Retry, Cancel],
            Self::Created => &[Refund],
            Self::Cancelled => &[Activate],
            Self::Reviewed | Self::RefundRequested | Self::Refunded | Self::Other(_) => &[],
        }
    }

    /// True when the label file can be downloaded.
    pub fn has_label_file(self) -> bool {
        self == Self::Created
    }
}

/// An action asked of a label in a status that does not allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelTransitionError {
    /// What was asked.
    pub action: LabelAction,
    /// The label's current status.
    pub from: LabelStatus,
}

impl LabelTransitionError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        let allowed: Vec<&str> = self
            .from
            .allowed_actions()
            .iter()
            .map(|a| a.label_zh())
            .collect();

        format!(
            "面单当前状态为 {} {}，不能{}；可执行：{}",
            self.from.code(),
            self.from.label_zh(),
            self.action.label_zh(),
            if allowed.is_empty() {
                "无".to_owned()
            } else {
                allowed.join("、")
            }
        )
    }
}

impl fmt::Display for LabelTransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed: Vec<&str> = self
            .from
            .allowed_actions()
            .iter()
            .map(|a| a.label_en())
            .collect();

        write!(
            f,
            "cannot {} an express label in status {} ({}); allowed: {}",
            self.action.label_en(),
            self.from.code(),
            self.from.label_en(),
            if allowed.is_empty() {
                "nothing".to_owned()
            } else {
                allowed.join(", ")
            }
        )
    }
}

impl std::error::Error for LabelTransitionError {}

/// Sender (`shipper`) or recipient (`consignee`) of an express label.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelAddress {
    /// Contact name.
    #[serde(default)]
    pub name: String,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Phone number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub phone: String,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// ISO 3166 alpha-2 country code.
    #[serde(default)]
    pub country_code: String,
    /// Province or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// City.
    #[serde(default)]
    pub city: String,
    /// Street address.
    #[serde(default)]
    pub address: String,
    /// Postcode.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub postcode: String,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for LabelAddress {
    fn validate(&self, check: &mut Validator) {
        for (field, value, max) in [
            ("name", &self.name, 100),
            ("phone", &self.phone, 30),
            ("city", &self.city, 100),
            ("address", &self.address, 200),
            ("postcode", &self.postcode, 20),
        ] {
            if check.required_text(field, Some(value)) {
                check.max_len(field, Some(value), max);
            }
        }
        if check.required_text("countryCode", Some(&self.country_code)) {
            check.country_code("countryCode", Some(&self.country_code));
        }
        check.max_len("company", self.company.as_deref(), 100);
        check.max_len("province", self.province.as_deref(), 100);
        check.email("email", self.email.as_deref());
        check.max_len("email", self.email.as_deref(), 100);
    }
}

/// One declared item in the parcel (`itemDTOs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelLine {
    /// The SKU, when the item is a catalogue product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sku: Option<String>,
    /// Customs name in Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declare_name: Option<String>,
    /// Customs name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declare_name_en: Option<String>,
    /// Declared value per piece (USD).
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub declare_value: Option<Decimal>,
    /// Pieces.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub qty: Option<u32>,
    /// Weight per piece (kg).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub weight: Option<Decimal>,
    /// HS customs code.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub hs_code: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for LabelLine {
    fn validate(&self, check: &mut Validator) {
        check.max_len("productSku", self.product_sku.as_deref(), 50);
        check.max_len("declareName", self.declare_name.as_deref(), 200);
        check.max_len("declareNameEn", self.declare_name_en.as_deref(), 200);
        check.decimal("declareValue", self.declare_value.as_ref(), 2);
        if check.required("qty", self.qty.as_ref()) {
            check.at_least("qty", self.qty.map(i64::from), 1);
        }
        check.decimal("weight", self.weight.as_ref(), 3);
        check.max_len("hsCode", self.hs_code.as_deref(), 20);
    }
}

/// The body of `label_create`, `label_create_reviewed` and `label_fee_trial`. Numbers travel as
/// JSON numbers here, as in the documentation's example (`"orderType": 1`, `"length": 60`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExpressLabelCreate {
    /// Single or multi parcel.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub order_type: Option<LabelOrderType>,
    /// The seller's own reference, unique per label.
    #[serde(default)]
    pub reference_no: String,
    /// An express-label channel from `label_channel_list`.
    #[serde(default)]
    pub shipping_method_code: String,
    /// A tracking number the seller already has.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Length (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub length: Option<Decimal>,
    /// Width (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub width: Option<Decimal>,
    /// Height (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub height: Option<Decimal>,
    /// Weight (kg).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub weight: Option<Decimal>,
    /// Sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipper: Option<LabelAddress>,
    /// Recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignee: Option<LabelAddress>,
    /// Signature on delivery.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_sign: Option<YesNo>,
    /// Kind of signature.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub sign_type: Option<SignType>,
    /// Insured.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_insure: Option<YesNo>,
    /// Insured value (USD, 2 places).
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub insure_price: Option<Decimal>,
    /// Remark for the warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Declared items.
    #[serde(default, rename = "itemDTOs", skip_serializing_if = "Vec::is_empty")]
    pub item_dtos: Vec<LabelLine>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A measure that must be above zero with at most `scale` places.
fn positive(check: &mut Validator, field: &str, value: Option<&Decimal>, scale: u32) {
    check.decimal(field, value, scale);

    if value.is_some_and(Decimal::is_zero) {
        check.error(field, "必须大于 0", "must be greater than 0");
    }
}

impl Validate for ExpressLabelCreate {
    fn validate(&self, check: &mut Validator) {
        if check.required("orderType", self.order_type.as_ref()) {
            check.known_code("orderType", self.order_type.as_ref());
        }
        if check.required_text("referenceNo", Some(&self.reference_no)) {
            check.max_len("referenceNo", Some(&self.reference_no), 50);
        }
        if check.required_text("shippingMethodCode", Some(&self.shipping_method_code)) {
            check.max_len("shippingMethodCode", Some(&self.shipping_method_code), 50);
        }
        check.max_len("trackingNo", self.tracking_no.as_deref(), 50);

        positive(check, "length", self.length.as_ref(), 2);
        positive(check, "width", self.width.as_ref(), 2);
        positive(check, "height", self.height.as_ref(), 2);
        if check.required("weight", self.weight.as_ref()) {
            positive(check, "weight", self.weight.as_ref(), 3);
        }

        if check.required("shipper", self.shipper.as_ref()) {
            check.nested_opt("shipper", self.shipper.as_ref());
        }
        if check.required("consignee", self.consignee.as_ref()) {
            check.nested_opt("consignee", self.consignee.as_ref());
        }

        check.known_code("isSign", self.is_sign.as_ref());
        check.known_code("signType", self.sign_type.as_ref());
        check.known_code("isInsure", self.is_insure.as_ref());
        check.decimal("insurePrice", self.insure_price.as_ref(), 2);
        let insured_value = self.insure_price.filter(|price| !price.is_zero());
        if self.is_insure == Some(YesNo::Yes) && insured_value.is_none() {
            check.error(
                "insurePrice",
                "投保时保价金额必须大于 0",
                "must be greater than 0 when the parcel is insured (isInsure = 1)",
            );
        }
        check.max_len("remark", self.remark.as_deref(), 500);

        check.max_items("itemDTOs", &self.item_dtos, 100);
        check.each("itemDTOs", &self.item_dtos);
    }
}

/// The body of `label_update`: the label's number plus the create body. Unknown fields are kept
/// by the create body's `extra`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExpressLabelUpdate {
    /// The label to change.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The new content.
    #[serde(flatten)]
    pub label: ExpressLabelCreate,
}

impl Validate for ExpressLabelUpdate {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("orderNo", Some(&self.order_no)) {
            check.max_len("orderNo", Some(&self.order_no), 64);
        }
        self.label.validate(check);
    }
}

/// `label_list` request (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelListRequest {
    /// Only this label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// Only these labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_nos: Vec<String>,
    /// Only this reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_no: Option<String>,
    /// Only these references.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_nos: Vec<String>,
    /// Only this tracking number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_no: Option<String>,
    /// Only this channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method_code: Option<String>,
    /// Only this status (sent as a string, like other list filters).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<LabelStatus>,
    /// Created from (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_create_time: Option<String>,
    /// Created up to (`yyyy-MM-dd HH:mm:ss`).
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

paged_request!(LabelListRequest);

impl Validate for LabelListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("orderNo", self.order_no.as_deref(), 64);
        check.max_items("orderNos", &self.order_nos, MAX_LABELS_PER_CALL);
        check.max_len("referenceNo", self.reference_no.as_deref(), 50);
        check.max_items("referenceNos", &self.reference_nos, MAX_LABELS_PER_CALL);
        check.max_len("trackingNo", self.tracking_no.as_deref(), 50);
        check.max_len(
            "shippingMethodCode",
            self.shipping_method_code.as_deref(),
            50,
        );
        check.known_code("status", self.status.as_ref());
        check.time_range(
            "startCreateTime",
            self.start_create_time.as_deref(),
            "endCreateTime",
            self.end_create_time.as_deref(),
        );
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

/// An express label as listed, and as `label_info` returns it with its file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExpressLabel {
    /// The warehouse's label number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The seller's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_no: Option<String>,
    /// Single or multi parcel.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub order_type: Option<LabelOrderType>,
    /// Where the label is in its life cycle.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub status: Option<LabelStatus>,
    /// The channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method_code: Option<String>,
    /// The carrier's tracking number, once created.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Length (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub length: Option<Decimal>,
    /// Width (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub width: Option<Decimal>,
    /// Height (cm).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub height: Option<Decimal>,
    /// Weight (kg).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub weight: Option<Decimal>,
    /// Sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipper: Option<LabelAddress>,
    /// Recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignee: Option<LabelAddress>,
    /// Signature on delivery.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_sign: Option<YesNo>,
    /// Kind of signature.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub sign_type: Option<SignType>,
    /// Insured.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_insure: Option<YesNo>,
    /// Insured value (USD).
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub insure_price: Option<Decimal>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Why creation failed (status -2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_reason: Option<String>,
    /// When it was created (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<String>,
    /// Declared items.
    #[serde(default, rename = "itemDTOs", skip_serializing_if = "Vec::is_empty")]
    pub item_dtos: Vec<LabelLine>,
    /// The label file, in `label_info` once the status is 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_file: Option<InlineFile>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `{"orderNo"}` of `label_info`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelInfoRequest {
    /// The label.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl LabelInfoRequest {
    /// The request for one label.
    pub fn new(order_no: impl Into<String>) -> Self {
        Self {
            order_no: order_no.into(),
            extra: Extra::new(),
        }
    }
}

impl Validate for LabelInfoRequest {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("orderNo", Some(&self.order_no)) {
            check.max_len("orderNo", Some(&self.order_no), 64);
        }
    }
}

/// `{"orderNo"}` of `label_fee_info`.
pub type LabelFeeInfoRequest = LabelInfoRequest;

/// The body of the status actions (submit-review, review, reject, refund, activate, retry,
/// cancel): one label in `orderNo` or several in `orderNos`, with an optional remark.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelActionRequest {
    /// One label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// Several labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_nos: Vec<String>,
    /// Why, for the warehouse (a reject or refund reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl LabelActionRequest {
    /// An action on one label.
    pub fn one(order_no: impl Into<String>) -> Self {
        Self {
            order_no: Some(order_no.into()),
            ..Self::default()
        }
    }

    /// An action on several labels (cancel).
    pub fn many(order_nos: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            order_nos: order_nos.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// The same request with a remark.
    pub fn with_remark(mut self, remark: impl Into<String>) -> Self {
        self.remark = Some(remark.into());
        self
    }
}

impl Validate for LabelActionRequest {
    fn validate(&self, check: &mut Validator) {
        match (&self.order_no, self.order_nos.is_empty()) {
            (None, true) => check.error(
                "orderNo",
                "请填写面单号（orderNo 或 orderNos）",
                "is required (or give orderNos)",
            ),
            (Some(_), false) => check.error(
                "orderNos",
                "orderNo 与 orderNos 只能填写一个",
                "give either orderNo or orderNos, not both",
            ),
            _ => {}
        }
        if let Some(order_no) = &self.order_no {
            if check.required_text("orderNo", Some(order_no)) {
                check.max_len("orderNo", Some(order_no), 64);
            }
        }
        check.max_items("orderNos", &self.order_nos, MAX_LABELS_PER_CALL);
        for (index, order_no) in self.order_nos.iter().enumerate() {
            let field = format!("orderNos[{index}]");
            if check.required_text(&field, Some(order_no)) {
                check.max_len(&field, Some(order_no), 64);
            }
        }
        check.max_len("remark", self.remark.as_deref(), 500);
    }
}

/// What a single-label action answers (inferred): the label and its status afterwards. A server
/// that answers with only a message, or with nothing, is read too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LabelActionResult {
    /// The label.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub order_no: Option<String>,
    /// Its status after the action.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub status: Option<LabelStatus>,
    /// The tracking number, once known.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// The server's message, when `data` was only text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// The forms `data` may take after a single-label action.
#[derive(Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
enum ActionReply {
    Label(LabelActionResult),
    Message(String),
    Nothing(()),
}

impl From<ActionReply> for LabelActionResult {
    fn from(reply: ActionReply) -> Self {
        match reply {
            ActionReply::Label(result) => result,
            ActionReply::Message(message) => Self {
                message: Some(message),
                ..Self::default()
            },
            ActionReply::Nothing(()) => Self::default(),
        }
    }
}

/// One fee of an estimate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FeeItem {
    /// What the fee is for (freight, fuel surcharge…).
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub fee_name: String,
    /// The amount.
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub fee: Option<Decimal>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// The fees of a label: estimated (`label_fee_trial`) or charged (`label_fee_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FeeEstimate {
    /// Currency of every amount (`USD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The total.
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub total_fee: Option<Decimal>,
    /// The fees that make the total.
    #[serde(default)]
    pub items: Vec<FeeItem>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// The error for a download asked before the label file exists: it names the current status.
fn no_label_file(order_no: &str, status: Option<LabelStatus>) -> Error {
    let (zh, en) = match status {
        Some(status) => (
            format!("{} {}", status.code(), status.label_zh()),
            format!("{} ({})", status.code(), status.label_en()),
        ),
        None => ("未知".to_owned(), "unknown".to_owned()),
    };

    Error::NotReady {
        zh: format!("面单 {order_no} 还没有面单文件，当前状态：{zh}；状态为 4 已制单 后才能下载"),
        en: format!(
            "express label {order_no} has no label file yet; its status is {en}, and the file \
             exists from status 4 (label created)"
        ),
    }
}

impl Client {
    /// 面单物流渠道列表: the channels express labels can be bought on (inferred endpoint).
    pub async fn list_label_channels(
        &self,
        request: &ShippingMethodListRequest,
    ) -> Result<Page<ShippingMethod>> {
        self.call(EndpointId::LabelChannelList, request).await
    }

    /// 面单列表: express labels (inferred endpoint).
    pub async fn list_express_labels(
        &self,
        request: &LabelListRequest,
    ) -> Result<Page<ExpressLabel>> {
        self.call(EndpointId::LabelList, request).await
    }

    /// 面单信息: one label with its file once created (inferred endpoint).
    pub async fn express_label_info(&self, request: &LabelInfoRequest) -> Result<ExpressLabel> {
        self.call(EndpointId::LabelInfo, request).await
    }

    /// The label file of a created label, decoded. Fails naming the status when there is no file
    /// yet.
    pub async fn download_express_label(&self, order_no: &str) -> Result<DownloadedFile> {
        let label = self
            .express_label_info(&LabelInfoRequest::new(order_no))
            .await?;

        let file = label
            .label_file
            .as_ref()
            .filter(|file| !file.base64.trim().is_empty())
            .ok_or_else(|| no_label_file(order_no, label.status))?;

        let mut downloaded = DownloadedFile::from_inline(file)?;
        if downloaded.file_name.is_none() {
            downloaded.file_name = Some(format!("{order_no}.pdf"));
        }

        Ok(downloaded)
    }

    /// 创建面单: a draft label.
    pub async fn create_express_label(&self, request: &ExpressLabelCreate) -> Result<OrderCreated> {
        self.call(EndpointId::LabelCreate, request).await
    }

    /// 创建并审核面单: a label that goes straight to review (inferred endpoint).
    pub async fn create_reviewed_express_label(
        &self,
        request: &ExpressLabelCreate,
    ) -> Result<OrderCreated> {
        self.call(EndpointId::LabelCreateReviewed, request).await
    }

    /// 修改面单: changes a draft label (inferred endpoint).
    pub async fn update_express_label(&self, request: &ExpressLabelUpdate) -> Result<OrderCreated> {
        self.call(EndpointId::LabelUpdate, request).await
    }

    /// 提交审核面单: draft → pending review (inferred endpoint).
    pub async fn submit_express_label_for_review(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelSubmitReview, request)
            .await
    }

    /// 取消面单: cancels labels; failures come back per label (inferred endpoint).
    pub async fn cancel_express_labels(&self, request: &LabelActionRequest) -> Result<BulkResult> {
        self.call(EndpointId::LabelCancel, request).await
    }

    /// 审核面单: pending review → reviewed (inferred endpoint).
    pub async fn review_express_label(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelReview, request).await
    }

    /// 面单退款: asks for the refund of a created label (inferred endpoint).
    pub async fn refund_express_label(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelRefund, request).await
    }

    /// 驳回面单: pending review → draft (inferred endpoint).
    pub async fn reject_express_label(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelReject, request).await
    }

    /// 激活面单: cancelled → draft (inferred endpoint).
    pub async fn activate_express_label(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelActivate, request).await
    }

    /// 重试制单: makes a failed label again (inferred endpoint).
    pub async fn retry_express_label(
        &self,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        self.label_action(EndpointId::LabelRetry, request).await
    }

    /// 费用试算: what a label would cost, from the create body (inferred endpoint).
    pub async fn estimate_express_label_fee(
        &self,
        request: &ExpressLabelCreate,
    ) -> Result<FeeEstimate> {
        self.call(EndpointId::LabelFeeTrial, request).await
    }

    /// 查看费用信息: what a created label cost (inferred endpoint).
    pub async fn express_label_fee_info(
        &self,
        request: &LabelFeeInfoRequest,
    ) -> Result<FeeEstimate> {
        self.call(EndpointId::LabelFeeInfo, request).await
    }

    async fn label_action(
        &self,
        endpoint: EndpointId,
        request: &LabelActionRequest,
    ) -> Result<LabelActionResult> {
        let reply: ActionReply = self.call(endpoint, request).await?;

        Ok(reply.into())
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::LabelChannelList => json(client.list_label_channels(&parse(body)?).await?)?,
        EndpointId::LabelList => json(client.list_express_labels(&parse(body)?).await?)?,
        EndpointId::LabelInfo => json(client.express_label_info(&parse(body)?).await?)?,
        EndpointId::LabelCreate => json(client.create_express_label(&parse(body)?).await?)?,
        EndpointId::LabelCreateReviewed => {
            json(client.create_reviewed_express_label(&parse(body)?).await?)?
        }
        EndpointId::LabelUpdate => json(client.update_express_label(&parse(body)?).await?)?,
        EndpointId::LabelSubmitReview => json(
            client
                .submit_express_label_for_review(&parse(body)?)
                .await?,
        )?,
        EndpointId::LabelCancel => json(client.cancel_express_labels(&parse(body)?).await?)?,
        EndpointId::LabelReview => json(client.review_express_label(&parse(body)?).await?)?,
        EndpointId::LabelRefund => json(client.refund_express_label(&parse(body)?).await?)?,
        EndpointId::LabelReject => json(client.reject_express_label(&parse(body)?).await?)?,
        EndpointId::LabelActivate => json(client.activate_express_label(&parse(body)?).await?)?,
        EndpointId::LabelRetry => json(client.retry_express_label(&parse(body)?).await?)?,
        EndpointId::LabelFeeTrial => json(client.estimate_express_label_fee(&parse(body)?).await?)?,
        EndpointId::LabelFeeInfo => json(client.express_label_fee_info(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use LabelAction::*;
    use LabelStatus::*;

    const STATUSES: [LabelStatus; 9] = [
        Failed,
        Cancelled,
        Draft,
        PendingReview,
        Reviewed,
        Created,
        RefundRequested,
        Refunded,
        LabelStatus::Other(9),
    ];

    #[test]
    fn every_documented_transition_leads_where_the_spec_says() {
        let table = [
            (SubmitReview, Draft, PendingReview),
            (Review, PendingReview, Reviewed),
            (Reject, PendingReview, Draft),
            (Cancel, Draft, Cancelled),
            (Cancel, PendingReview, Cancelled),
            (Cancel, Failed, Cancelled),
            (Refund, Created, RefundRequested),
            (Activate, Cancelled, Draft),
            (Retry, Failed, Reviewed),
        ];

        for (action, from, to) in table {
            assert_eq!(
                action.next_status(from),
                Some(to),
                "{action:?} from {from:?}"
            );
        }

        let allowed_pairs = STATUSES
            .iter()
            .flat_map(|from| LabelAction::ALL.map(|action| (action, *from)))
            .filter(|(action, from)| action.next_status(*from).is_some())
            .count();
        assert_eq!(
            allowed_pairs,
            table.len(),
            "no transition outside the table is allowed"
        );
    }

    #[test]
    fn allowed_actions_match_next_status_for_every_status() {
        for from in STATUSES {
            for action in LabelAction::ALL {
                assert_eq!(
                    from.allowed_actions().contains(&action),
                    action.next_status(from).is_some(),
                    "{action:?} from {from:?}: allowed_actions and next_status disagree"
                );
            }
        }
    }

    #[test]
    fn statuses_moved_by_the_warehouse_allow_no_seller_action() {
        for status in [Reviewed, RefundRequested, Refunded, LabelStatus::Other(7)] {
            assert!(
                status.allowed_actions().is_empty(),
                "{status:?} takes no action"
            );
        }
    }

    #[test]
    fn a_refused_transition_names_the_current_status_and_the_allowed_actions() {
        let error = SubmitReview.apply(Created).unwrap_err();

        let text = error.to_string();
        assert!(text.contains("status 4 (label created)"), "{text}");
        assert!(text.contains("allowed: refund"), "{text}");
        assert!(error.zh().contains("4 已制单"), "{}", error.zh());
        assert_eq!(Retry.apply(Failed), Ok(Reviewed));
    }

    #[test]
    fn each_action_maps_to_its_endpoint_and_back() {
        for action in LabelAction::ALL {
            assert_eq!(LabelAction::for_endpoint(action.endpoint()), Some(action));
        }
        assert_eq!(LabelAction::for_endpoint(EndpointId::LabelCreate), None);
    }

    #[test]
    fn the_documented_create_fields_round_trip_as_numbers() {
        let example = serde_json::json!({
            "orderType": 1,
            "referenceNo": "referenceNo",
            "shippingMethodCode": "shippingMethodCode",
            "trackingNo": "trackingNo",
            "length": 60,
            "width": 67
        });

        let create: ExpressLabelCreate = serde_json::from_value(example.clone()).unwrap();

        assert_eq!(create.order_type, Some(LabelOrderType::SingleParcel));
        assert_eq!(create.length, Some(Decimal::from(60)));
        assert_eq!(serde_json::to_value(&create).unwrap(), example);
    }

    #[test]
    fn a_label_keeps_unknown_fields_and_status_codes_and_reads_strings() {
        let json = serde_json::json!({
            "orderNo": 20240501001_i64,
            "status": "8",
            "weight": "1.250",
            "insurePrice": 20,
            "consignee": {"name": "Ann", "phone": 5551234, "postcode": 90001, "apt": "2B"},
            "labelFile": {"fileName": "a.pdf", "fileType": "PDF", "base64": "JVBERi0="},
            "carrier": "UPS"
        });

        let label: ExpressLabel = serde_json::from_value(json).unwrap();

        assert_eq!(
            label.order_no, "20240501001",
            "numeric order number read as text"
        );
        assert_eq!(
            label.status,
            Some(LabelStatus::Other(8)),
            "unknown status kept"
        );
        assert_eq!(label.weight, Some(Decimal::new(1250, 3)));
        let consignee = label.consignee.unwrap();
        assert_eq!(consignee.postcode, "90001");
        assert_eq!(consignee.extra["apt"], "2B", "unknown nested field kept");
        assert_eq!(label.extra["carrier"], "UPS", "unknown field kept");
        assert!(label.label_file.is_some());
    }

    #[test]
    fn update_puts_order_no_beside_the_create_fields_and_keeps_unknown_ones_once() {
        let json = serde_json::json!({
            "orderNo": "EL1",
            "orderType": 2,
            "referenceNo": "R1",
            "shippingMethodCode": "UPS-LABEL",
            "newFlag": true
        });

        let update: ExpressLabelUpdate = serde_json::from_value(json.clone()).unwrap();

        assert_eq!(update.label.order_type, Some(LabelOrderType::MultiParcel));
        assert!(
            !update.label.extra.contains_key("orderNo"),
            "orderNo is not an unknown field"
        );
        assert_eq!(serde_json::to_value(&update).unwrap(), json);
    }

    #[test]
    fn action_replies_are_read_as_object_text_or_nothing() {
        let object: ActionReply =
            serde_json::from_value(serde_json::json!({"orderNo": "EL1", "status": "2"})).unwrap();
        let text: ActionReply = serde_json::from_value(serde_json::json!("操作成功")).unwrap();
        let nothing: ActionReply = serde_json::from_value(Value::Null).unwrap();

        let object = LabelActionResult::from(object);
        assert_eq!(object.status, Some(PendingReview));
        assert_eq!(
            LabelActionResult::from(text).message.as_deref(),
            Some("操作成功")
        );
        assert_eq!(
            LabelActionResult::from(nothing),
            LabelActionResult::default()
        );
    }

    #[test]
    fn fee_estimate_reads_numbers_and_strings() {
        let json = serde_json::json!({
            "currency": "USD",
            "totalFee": 12.3,
            "items": [{"feeName": "运费", "fee": "10.30"}, {"feeName": "燃油附加费", "fee": 2}]
        });

        let estimate: FeeEstimate = serde_json::from_value(json).unwrap();

        assert_eq!(estimate.total_fee, Some(Decimal::new(123, 1)));
        let sum: Decimal = estimate.items.iter().filter_map(|item| item.fee).sum();
        assert_eq!(sum, Decimal::new(123, 1), "items add up to the total");
        assert_eq!(
            serde_json::to_value(&estimate).unwrap()["totalFee"],
            "12.30"
        );
    }
}
