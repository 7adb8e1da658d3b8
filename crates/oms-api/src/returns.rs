//! Returns (退件模块): parcels coming back to the warehouse, from a buyer or as undeliverable,
//! announced in advance so the warehouse knows whose they are and whether to restock, destroy or
//! inspect them.
//!
//! Only the update is documented (its first fields); the create body, list, statuses and the
//! other paths follow the conventions of the inbound and outbound modules and are marked inferred
//! in SPEC.md §2.6. List filters share their rules with the outbound list.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bulk::{BulkResult, CancelRequest, OrderCreated};
use crate::code_enum;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::files::AnyAttachment;
use crate::outbound::{
    check_code, check_number_filter, check_order_no, check_reference, check_time_filters,
    OpenAttachment, TimeFilters,
};
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};
use crate::Client;

code_enum! {
    /// `returnType`: why the parcel comes back.
    pub enum ReturnType {
        /// The buyer sent it back.
        BuyerReturn = 1 => ("买家退货", "buyer return"),
        /// The carrier could not deliver it.
        Undeliverable = 2 => ("无法派送", "undeliverable"),
        /// Any other reason.
        OtherReason = 3 => ("其他", "other"),
    }
}

code_enum! {
    /// `handleType`: what the warehouse does with the returned goods.
    pub enum HandleType {
        /// Put the goods back into sellable stock.
        Restock = 1 => ("重新上架", "restock"),
        /// Destroy the goods.
        Destroy = 2 => ("销毁", "destroy"),
        /// Inspect and photograph them before deciding.
        InspectFirst = 3 => ("先质检拍照", "inspect and photograph first"),
    }
}

code_enum! {
    /// Status of a return order (inferred, following the other modules).
    pub enum ReturnStatus {
        /// 已取消
        Cancelled = -1 => ("已取消", "cancelled"),
        /// 草稿
        Draft = 1 => ("草稿", "draft"),
        /// 待审核
        PendingReview = 2 => ("待审核", "pending review"),
        /// 已审核
        Reviewed = 3 => ("已审核", "reviewed"),
        /// 已收货: the parcel arrived.
        Received = 4 => ("已收货", "received"),
        /// 已处理: restocked, destroyed or inspected.
        Handled = 5 => ("已处理", "handled"),
    }
}

/// One line of a return order (`itemDTOs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnLine {
    /// The returned SKU.
    #[serde(default)]
    pub product_sku: String,
    /// Pieces expected back (sent as a string, like outbound lines).
    #[serde(default, with = "wire::text_int")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub qty: i64,
    /// Remark on this line (condition, buyer's reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for ReturnLine {
    fn validate(&self, check: &mut Validator) {
        check.required_text("productSku", Some(&self.product_sku));
        check.max_len("productSku", Some(&self.product_sku), 100);
        check.at_least("qty", Some(self.qty), 1);
        check.max_len("remark", self.remark.as_deref(), 500);
    }
}

/// 创建退件单 and 创建已审核退件单 body (inferred from the documented update).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderCreate {
    /// The seller's own return number.
    #[serde(default)]
    pub reference_no: String,
    /// The carrier's signature or receipt number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_no: Option<String>,
    /// The original outbound order, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_order_no: Option<String>,
    /// Tracking number of the returning parcel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_no: Option<String>,
    /// The warehouse receiving the return (left out of the body while empty, as the documented
    /// update example has no such key).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub warehouse_code: String,
    /// Why the parcel comes back.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub return_type: Option<ReturnType>,
    /// What to do with the goods.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub handle_type: Option<HandleType>,
    /// Remark for the warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The lines; at least one.
    #[serde(default, rename = "itemDTOs", skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ReturnLine>,
    /// Attachments (photos, return labels) sent inline.
    #[serde(
        default,
        rename = "attachmentOpenDTOs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<AnyAttachment>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for ReturnOrderCreate {
    fn validate(&self, check: &mut Validator) {
        check_reference(check, &self.reference_no);
        check.max_len("signatureNo", self.signature_no.as_deref(), 100);
        check.max_len("outboundOrderNo", self.outbound_order_no.as_deref(), 64);
        check.max_len("trackingNo", self.tracking_no.as_deref(), 100);
        check_code(check, "warehouseCode", &self.warehouse_code);

        check.known_code("returnType", self.return_type.as_ref());
        check.known_code("handleType", self.handle_type.as_ref());
        check.max_len("remark", self.remark.as_deref(), 500);

        if check.not_empty("itemDTOs", &self.items) {
            check.each("itemDTOs", &self.items);
        }
        check.each("attachmentOpenDTOs", &self.attachments);
    }
}

/// 修改退件单 body: the return-order number plus the whole create body.
///
/// Unknown fields are kept in `order.extra`; the update has no `extra` of its own, so a field is
/// never read or written twice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderUpdate {
    /// The warehouse's return-order number.
    #[serde(default)]
    pub order_no: String,
    /// The new content of the return order.
    #[serde(flatten)]
    pub order: ReturnOrderCreate,
}

impl Validate for ReturnOrderUpdate {
    fn validate(&self, check: &mut Validator) {
        check_order_no(check, &self.order_no);
        self.order.validate(check);
    }
}

/// `return_list` filters (inferred): as for outbound lists, a create-time or an update-time
/// range, not both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnListRequest {
    /// One return order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// Several return orders, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_nos: Vec<String>,
    /// One seller reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_no: Option<String>,
    /// Several seller references, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_nos: Vec<String>,
    /// Tracking number of the returning parcel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_no: Option<String>,
    /// Returns to this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Why the parcels come back.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub return_type: Option<ReturnType>,
    /// Status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<ReturnStatus>,
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

paged_request!(ReturnListRequest);

impl Validate for ReturnListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("orderNo", self.order_no.as_deref(), 64);
        check.max_len("referenceNo", self.reference_no.as_deref(), 50);
        check_number_filter(check, "orderNos", &self.order_nos);
        check_number_filter(check, "referenceNos", &self.reference_nos);
        check.max_len("trackingNo", self.tracking_no.as_deref(), 100);
        check.max_len("warehouseCode", self.warehouse_code.as_deref(), 50);
        check.known_code("returnType", self.return_type.as_ref());
        check.known_code("status", self.status.as_ref());
        check_time_filters(
            check,
            TimeFilters {
                start_create: self.start_create_time.as_deref(),
                end_create: self.end_create_time.as_deref(),
                start_update: self.start_update_time.as_deref(),
                end_update: self.end_update_time.as_deref(),
            },
        );
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

/// One line of a listed return order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderItem {
    /// The SKU.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product_sku: String,
    /// Pieces expected.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub qty: Option<i64>,
    /// Pieces received so far (inferred, as inbound lines have it).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub received_qty: Option<i64>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A return order as `return_list` lists it (inferred: the create body plus the server's fields;
/// lines and attachments are read under the create names or the `open…` names other lists use).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrder {
    /// The warehouse's return-order number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The seller's reference.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub reference_no: Option<String>,
    /// Status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<ReturnStatus>,
    /// The carrier's signature or receipt number.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub signature_no: Option<String>,
    /// The original outbound order.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub outbound_order_no: Option<String>,
    /// Tracking number of the returning parcel.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// The receiving warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Why the parcel comes back.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub return_type: Option<ReturnType>,
    /// What to do with the goods.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub handle_type: Option<HandleType>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// When the return order was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<String>,
    /// The lines.
    #[serde(
        default,
        rename = "itemDTOs",
        alias = "openItems",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub items: Vec<ReturnOrderItem>,
    /// The attachments.
    #[serde(
        default,
        rename = "attachmentOpenDTOs",
        alias = "openAttachments",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<OpenAttachment>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Client {
    /// 退件单列表: return orders matching the filters (inferred endpoint).
    pub async fn list_return_orders(
        &self,
        request: &ReturnListRequest,
    ) -> Result<Page<ReturnOrder>> {
        self.call(EndpointId::ReturnList, request).await
    }

    /// 创建退件单: announces a return (inferred endpoint).
    pub async fn create_return_order(&self, request: &ReturnOrderCreate) -> Result<OrderCreated> {
        self.call(EndpointId::ReturnCreate, request).await
    }

    /// 创建已审核退件单: announces a return already reviewed (inferred endpoint).
    pub async fn create_reviewed_return_order(
        &self,
        request: &ReturnOrderCreate,
    ) -> Result<OrderCreated> {
        self.call(EndpointId::ReturnCreateReviewed, request).await
    }

    /// 修改退件单: replaces the content of the return order named by `orderNo`.
    pub async fn update_return_order(&self, request: &ReturnOrderUpdate) -> Result<OrderCreated> {
        self.call(EndpointId::ReturnUpdate, request).await
    }

    /// 取消退件单: cancels return orders; check the result for per-order failures (inferred
    /// endpoint).
    pub async fn cancel_return_orders(&self, request: &CancelRequest) -> Result<BulkResult> {
        self.call(EndpointId::ReturnCancel, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::ReturnList => json(client.list_return_orders(&parse(body)?).await?)?,
        EndpointId::ReturnCreate => json(client.create_return_order(&parse(body)?).await?)?,
        EndpointId::ReturnCreateReviewed => {
            json(client.create_reviewed_return_order(&parse(body)?).await?)?
        }
        EndpointId::ReturnUpdate => json(client.update_return_order(&parse(body)?).await?)?,
        EndpointId::ReturnCancel => json(client.cancel_return_orders(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documented_update_example_round_trips_exactly() {
        let example = json!({
            "orderNo": "string",
            "referenceNo": "string",
            "signatureNo": "string",
            "outboundOrderNo": "string",
            "trackingNo": "string"
        });

        let update: ReturnOrderUpdate = serde_json::from_value(example.clone()).unwrap();

        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            example,
            "the documented keys must come back unchanged and nothing may be added"
        );
        assert!(
            update.order.extra.is_empty(),
            "each documented key has its own field: {:?}",
            update.order.extra
        );
    }

    #[test]
    fn a_create_writes_codes_and_quantities_as_strings() {
        let order = ReturnOrderCreate {
            reference_no: "RMA-1".to_owned(),
            warehouse_code: "US-LAX-1".to_owned(),
            return_type: Some(ReturnType::Undeliverable),
            handle_type: Some(HandleType::InspectFirst),
            items: vec![ReturnLine {
                product_sku: "SKU-MUG-001".to_owned(),
                qty: 2,
                ..ReturnLine::default()
            }],
            ..ReturnOrderCreate::default()
        };

        let written = serde_json::to_value(&order).unwrap();

        assert_eq!(written["returnType"], "2");
        assert_eq!(written["handleType"], "3");
        assert_eq!(
            written["itemDTOs"][0]["qty"], "2",
            "qty follows the outbound lines' form"
        );
        assert!(order.check().is_ok(), "{:?}", order.check());
    }

    #[test]
    fn a_listed_return_keeps_unknown_fields_and_codes_and_reads_either_line_name() {
        let listed = json!({
            "orderNo": 9001,
            "status": 9,
            "returnType": "1",
            "handleType": 2,
            "inspectionPhotos": 3,
            "openItems": [{"productSku": "SKU-LAMP-002", "qty": "1", "receivedQty": 1,
                           "condition": "damaged"}]
        });

        let order: ReturnOrder = serde_json::from_value(listed).unwrap();

        assert_eq!(
            order.order_no, "9001",
            "a numeric order number is kept as text"
        );
        assert_eq!(
            order.status,
            Some(ReturnStatus::Other(9)),
            "an unknown status is kept"
        );
        assert_eq!(order.return_type, Some(ReturnType::BuyerReturn));
        assert_eq!(order.handle_type, Some(HandleType::Destroy));
        assert_eq!(
            order.extra["inspectionPhotos"], 3,
            "unknown fields are kept"
        );
        assert_eq!(order.items.len(), 1, "openItems is read as the lines");
        assert_eq!(order.items[0].received_qty, Some(1));
        assert_eq!(order.items[0].extra["condition"], "damaged");
    }
}
