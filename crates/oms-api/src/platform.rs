//! E-commerce platform orders (电商平台模块, marked 开发中 by the vendor): orders pushed as they
//! came from a marketplace store (Amazon, Shopify…), singly or in batches, plus the store they
//! belong to. The store's platform authorisation travels in these bodies, so it is held in a type
//! that serialises for the wire but never shows in `Debug` output or logs.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;

use crate::bulk::BulkResult;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::files::AnyAttachment;
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};
use crate::Client;

/// The most orders one batch takes.
pub const MAX_ORDERS_PER_BATCH: usize = 100;

/// The most attachments one upload takes.
pub const MAX_ATTACHMENTS_PER_UPLOAD: usize = 20;

/// A store's platform authorisation (`authToken`). It is sent as plain text on the wire, but
/// `Debug` prints `<redacted>`, so a logged request never shows it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct StoreAuthToken(String);

impl StoreAuthToken {
    /// Wraps a token.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The token text. Call this only to put it on the wire or in the keyring.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for StoreAuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<&str> for StoreAuthToken {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for StoreAuthToken {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// One product line of a platform order (`itemDTOs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlatformOrderLine {
    /// The seller's SKU.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub sku: String,
    /// Product name as sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// Pieces (a JSON number).
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub quantity: Option<u32>,
    /// Price per piece (a string at 3 places).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub unit_price: Option<Decimal>,
    /// Line total (a JSON number, as in the documentation's example).
    #[serde(
        default,
        with = "wire::dec_json",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub total_price: Option<Decimal>,
    /// ISO 4217 currency of the prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for PlatformOrderLine {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("sku", Some(&self.sku)) {
            check.max_len("sku", Some(&self.sku), 50);
        }
        check.max_len("productName", self.product_name.as_deref(), 200);
        if check.required("quantity", self.quantity.as_ref()) {
            check.at_least("quantity", self.quantity.map(i64::from), 1);
        }
        check.decimal("unitPrice", self.unit_price.as_ref(), 3);
        check.decimal("totalPrice", self.total_price.as_ref(), 3);
        check.currency_code("currencyCode", self.currency_code.as_deref());
    }
}

/// The body of `platform_order_create`, and one element of a batch. Field forms follow the
/// documentation's example exactly: `totalAmount` and `unitPrice` are strings at 3 places,
/// `quantity` and `totalPrice` are JSON numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlatformOrderCreate {
    /// The marketplace's order number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub platform_order_no: String,
    /// What the buyer paid in all.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub total_amount: Option<Decimal>,
    /// ISO 4217 currency of `totalAmount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The marketplace's own warehouse code (for example an FBA centre).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_warehouse_code: Option<String>,
    /// The logistics channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method_code: Option<String>,
    /// A tracking number the seller already has.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Buyer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// Buyer's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// Buyer's postcode.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub buyer_postcode: Option<String>,
    /// Buyer's ISO 3166 alpha-2 country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_country_code: Option<String>,
    /// When the buyer ordered (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_time: Option<String>,
    /// When the buyer paid (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_time: Option<String>,
    /// When the order must ship (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_time: Option<String>,
    /// The store the order came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_store_code: Option<String>,
    /// The store's platform authorisation; never shown by `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<StoreAuthToken>,
    /// The fulfilment warehouse.
    #[serde(default)]
    pub warehouse_code: String,
    /// Product lines (always sent, as in the documentation's example).
    #[serde(default, rename = "itemDTOs")]
    pub item_dtos: Vec<PlatformOrderLine>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for PlatformOrderCreate {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("platformOrderNo", Some(&self.platform_order_no)) {
            check.max_len("platformOrderNo", Some(&self.platform_order_no), 50);
        }
        check.decimal("totalAmount", self.total_amount.as_ref(), 3);
        check.currency_code("currencyCode", self.currency_code.as_deref());
        check.max_len(
            "platformWarehouseCode",
            self.platform_warehouse_code.as_deref(),
            50,
        );
        check.max_len(
            "shippingMethodCode",
            self.shipping_method_code.as_deref(),
            50,
        );
        check.max_len("trackingNo", self.tracking_no.as_deref(), 50);
        check.max_len("buyerName", self.buyer_name.as_deref(), 200);
        check.email("buyerEmail", self.buyer_email.as_deref());
        check.max_len("buyerEmail", self.buyer_email.as_deref(), 100);
        check.max_len("buyerPostcode", self.buyer_postcode.as_deref(), 20);
        check.country_code("buyerCountryCode", self.buyer_country_code.as_deref());
        check.rfc3339("orderTime", self.order_time.as_deref());
        check.rfc3339("paymentTime", self.payment_time.as_deref());
        check.rfc3339("shippingTime", self.shipping_time.as_deref());
        check.max_len("platformStoreCode", self.platform_store_code.as_deref(), 50);
        check.max_len(
            "authToken",
            self.auth_token.as_ref().map(StoreAuthToken::expose),
            4000,
        );
        if check.required_text("warehouseCode", Some(&self.warehouse_code)) {
            check.max_len("warehouseCode", Some(&self.warehouse_code), 50);
        }

        check.not_empty("itemDTOs", &self.item_dtos);
        check.max_items("itemDTOs", &self.item_dtos, 200);
        check.each("itemDTOs", &self.item_dtos);

        self.check_total(check);
    }
}

impl PlatformOrderCreate {
    /// The sum of the line totals, when every line has one.
    pub fn line_total(&self) -> Option<Decimal> {
        if self.item_dtos.is_empty() {
            return None;
        }

        self.item_dtos.iter().map(|line| line.total_price).sum()
    }

    /// `totalAmount` must equal the sum of the line totals when all of them are given.
    fn check_total(&self, check: &mut Validator) {
        if let (Some(total), Some(lines)) = (self.total_amount, self.line_total()) {
            if total != lines {
                check.error(
                    "totalAmount",
                    format!("订单总额 {total} 与各行合计 {lines} 不一致"),
                    format!("is {total} but the line totals add up to {lines}"),
                );
            }
        }
    }
}

/// The body of `platform_order_create_batch`: a JSON array of orders, at most
/// [`MAX_ORDERS_PER_BATCH`]. Errors are named by position: `[3].buyerEmail`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct PlatformOrderBatch(pub Vec<PlatformOrderCreate>);

impl From<Vec<PlatformOrderCreate>> for PlatformOrderBatch {
    fn from(orders: Vec<PlatformOrderCreate>) -> Self {
        Self(orders)
    }
}

impl Validate for PlatformOrderBatch {
    fn validate(&self, check: &mut Validator) {
        if self.0.is_empty() {
            check.error("(body)", "至少需要一个订单", "needs at least one order");
        }
        check.max_items("(body)", &self.0, MAX_ORDERS_PER_BATCH);

        self.0.validate(check);

        let mut first_seen: HashMap<&str, usize> = HashMap::new();
        for (index, order) in self.0.iter().enumerate() {
            let number = order.platform_order_no.trim();
            if number.is_empty() {
                continue;
            }
            match first_seen.entry(number) {
                Entry::Occupied(first) => {
                    let first = *first.get();
                    check.error(
                        &format!("[{index}].platformOrderNo"),
                        format!("与第 {} 个订单重复：{number}", first + 1),
                        format!("repeats order [{first}]: {number}"),
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
    }
}

/// `{"platformOrderNo", "attachmentOpenDTOs"}` of `platform_upload_attachment` (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlatformAttachmentUpload {
    /// The order the files belong to.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub platform_order_no: String,
    /// The files.
    #[serde(default, rename = "attachmentOpenDTOs")]
    pub attachment_open_dtos: Vec<AnyAttachment>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for PlatformAttachmentUpload {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("platformOrderNo", Some(&self.platform_order_no)) {
            check.max_len("platformOrderNo", Some(&self.platform_order_no), 50);
        }
        check.not_empty("attachmentOpenDTOs", &self.attachment_open_dtos);
        check.max_items(
            "attachmentOpenDTOs",
            &self.attachment_open_dtos,
            MAX_ATTACHMENTS_PER_UPLOAD,
        );
        check.each("attachmentOpenDTOs", &self.attachment_open_dtos);
    }
}

/// The marketplace of a store (`platform`, text on the wire). Unknown text is kept.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StorePlatform {
    /// `AMAZON`
    Amazon,
    /// `SHOPIFY`
    Shopify,
    /// `EBAY`
    Ebay,
    /// `WALMART`
    Walmart,
    /// `TIKTOK`
    Tiktok,
    /// `TEMU`
    Temu,
    /// `OTHER`: a marketplace not in this list.
    Unlisted,
    /// Text not in the documentation, kept as received.
    Other(String),
}

impl StorePlatform {
    /// The documented platforms.
    pub const KNOWN: [StorePlatform; 7] = [
        Self::Amazon,
        Self::Shopify,
        Self::Ebay,
        Self::Walmart,
        Self::Tiktok,
        Self::Temu,
        Self::Unlisted,
    ];

    /// The text on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Amazon => "AMAZON",
            Self::Shopify => "SHOPIFY",
            Self::Ebay => "EBAY",
            Self::Walmart => "WALMART",
            Self::Tiktok => "TIKTOK",
            Self::Temu => "TEMU",
            Self::Unlisted => "OTHER",
            Self::Other(text) => text,
        }
    }

    /// The platform for a wire text; unknown text is kept in `Other`.
    pub fn from_text(text: &str) -> Self {
        Self::KNOWN
            .into_iter()
            .find(|platform| platform.as_str() == text)
            .unwrap_or_else(|| Self::Other(text.to_owned()))
    }

    /// True for the documented platforms.
    pub fn is_known(&self) -> bool {
        !matches!(self, Self::Other(_))
    }
}

impl Serialize for StorePlatform {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StorePlatform {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;

        Ok(Self::from_text(&text))
    }
}

/// The body of `platform_store_create` (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlatformStoreCreate {
    /// The seller's code for the store, used as `platformStoreCode` in orders.
    #[serde(default)]
    pub store_code: String,
    /// Display name.
    #[serde(default)]
    pub store_name: String,
    /// The marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub platform: Option<StorePlatform>,
    /// The marketplace site (for example `US`, `DE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_code: Option<String>,
    /// The store's platform authorisation; never shown by `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<StoreAuthToken>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for PlatformStoreCreate {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("storeCode", Some(&self.store_code)) {
            check.max_len("storeCode", Some(&self.store_code), 50);
        }
        if check.required_text("storeName", Some(&self.store_name)) {
            check.max_len("storeName", Some(&self.store_name), 200);
        }
        if check.required("platform", self.platform.as_ref()) {
            let known: Vec<&str> = StorePlatform::KNOWN.iter().map(|p| p.as_str()).collect();
            check.one_of_text(
                "platform",
                self.platform.as_ref().map(|p| p.as_str()),
                &known,
            );
        }
        check.max_len("siteCode", self.site_code.as_deref(), 20);
        check.max_len(
            "authToken",
            self.auth_token.as_ref().map(StoreAuthToken::expose),
            4000,
        );
    }
}

/// What `platform_store_create` returns (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StoreCreated {
    /// The store's code.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub store_code: String,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Client {
    /// 创建电商平台订单: pushes one marketplace order; the server answers with a message
    /// (`"创建成功"`).
    pub async fn create_platform_order(&self, request: &PlatformOrderCreate) -> Result<String> {
        self.call(EndpointId::PlatformOrderCreate, request).await
    }

    /// 批量创建电商平台订单: pushes up to 100 orders; failures come back per order (the result
    /// shape is inferred).
    pub async fn create_platform_orders(&self, request: &PlatformOrderBatch) -> Result<BulkResult> {
        self.call(EndpointId::PlatformOrderCreateBatch, request)
            .await
    }

    /// 上传附件: adds files to a platform order; the server answers with a message, like create
    /// (inferred endpoint).
    pub async fn upload_platform_attachments(
        &self,
        request: &PlatformAttachmentUpload,
    ) -> Result<String> {
        self.call(EndpointId::PlatformUploadAttachment, request)
            .await
    }

    /// 创建店铺: registers a marketplace store (inferred endpoint).
    pub async fn create_platform_store(
        &self,
        request: &PlatformStoreCreate,
    ) -> Result<StoreCreated> {
        self.call(EndpointId::PlatformStoreCreate, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::PlatformOrderCreate => {
            json(client.create_platform_order(&parse(body)?).await?)?
        }
        EndpointId::PlatformOrderCreateBatch => {
            json(client.create_platform_orders(&parse(body)?).await?)?
        }
        EndpointId::PlatformUploadAttachment => {
            json(client.upload_platform_attachments(&parse(body)?).await?)?
        }
        EndpointId::PlatformStoreCreate => {
            json(client.create_platform_store(&parse(body)?).await?)?
        }
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documentation's example (`examples/platform-order-create.request.json`).
    fn example() -> Value {
        serde_json::json!({
            "platformOrderNo": "string",
            "totalAmount": "0.000",
            "currencyCode": "USD",
            "platformWarehouseCode": "string",
            "shippingMethodCode": "string",
            "trackingNo": "string",
            "buyerName": "string",
            "buyerEmail": "string",
            "buyerPostcode": "string",
            "buyerCountryCode": "string",
            "orderTime": "2019-08-24T14:15:22Z",
            "paymentTime": "2019-08-24T14:15:22Z",
            "shippingTime": "2019-08-24T14:15:22Z",
            "platformStoreCode": "string",
            "authToken": "string",
            "warehouseCode": "string",
            "itemDTOs": [{
                "sku": "string",
                "productName": "string",
                "quantity": 0,
                "unitPrice": "0.000",
                "totalPrice": 0,
                "currencyCode": "string"
            }]
        })
    }

    #[test]
    fn the_documented_create_example_round_trips_exactly() {
        let example = example();

        let order: PlatformOrderCreate = serde_json::from_value(example.clone()).unwrap();

        assert_eq!(order.total_amount, Some(Decimal::ZERO));
        assert_eq!(order.item_dtos[0].quantity, Some(0));
        assert_eq!(
            serde_json::to_value(&order).unwrap(),
            example,
            "money3 strings, integer quantity and numeric totalPrice must come back as sent"
        );
    }

    #[test]
    fn debug_output_never_shows_the_store_token() {
        let mut order: PlatformOrderCreate = serde_json::from_value(example()).unwrap();
        order.auth_token = Some(StoreAuthToken::new("amzn-secret-token-123"));
        let store = PlatformStoreCreate {
            auth_token: Some("shpat_secret_456".into()),
            ..PlatformStoreCreate::default()
        };

        let printed = format!(
            "{order:?} {store:?} {:#?}",
            PlatformOrderBatch(vec![order.clone()])
        );

        assert!(
            !printed.contains("amzn-secret-token-123"),
            "order token leaked: {printed}"
        );
        assert!(!printed.contains("shpat_secret_456"), "store token leaked");
        assert!(printed.contains("<redacted>"));
        assert_eq!(
            serde_json::to_value(&order).unwrap()["authToken"],
            "amzn-secret-token-123",
            "the wire still carries the token"
        );
    }

    #[test]
    fn platforms_are_text_and_unknown_text_is_kept() {
        let known: StorePlatform = serde_json::from_value(serde_json::json!("SHOPIFY")).unwrap();
        let listed_other: StorePlatform =
            serde_json::from_value(serde_json::json!("OTHER")).unwrap();
        let unknown: StorePlatform = serde_json::from_value(serde_json::json!("MERCADO")).unwrap();

        assert_eq!(known, StorePlatform::Shopify);
        assert_eq!(listed_other, StorePlatform::Unlisted);
        assert_eq!(unknown, StorePlatform::Other("MERCADO".to_owned()));
        assert!(!unknown.is_known());
        assert_eq!(
            serde_json::to_value(&unknown).unwrap(),
            "MERCADO",
            "kept as received"
        );
    }

    #[test]
    fn batch_results_read_platform_order_numbers_and_unknown_fields() {
        let json = serde_json::json!({
            "totalQty": "2", "successQty": 1, "failQty": 1,
            "successList": [{"platformOrderNo": "113-1", "message": "ok"}],
            "failList": [{"platformOrderNo": 1132, "message": "仓库编码不存在", "code": "E1"}],
            "batchId": "B1"
        });

        let result: BulkResult = serde_json::from_value(json).unwrap();

        assert_eq!(result.total_qty, 2);
        assert_eq!(result.fail_list[0].key(), "1132");
        assert_eq!(result.fail_list[0].extra["code"], "E1");
        assert_eq!(result.extra["batchId"], "B1");
    }

    #[test]
    fn store_created_keeps_unknown_fields() {
        let json = serde_json::json!({"storeCode": 88, "storeId": 12});

        let created: StoreCreated = serde_json::from_value(json).unwrap();

        assert_eq!(created.store_code, "88");
        assert_eq!(created.extra["storeId"], 12);
    }

    #[test]
    fn line_total_needs_every_line_total() {
        let line = |total: Option<i64>| PlatformOrderLine {
            total_price: total.map(Decimal::from),
            ..PlatformOrderLine::default()
        };
        let mut order = PlatformOrderCreate {
            item_dtos: vec![line(Some(3)), line(Some(4))],
            ..PlatformOrderCreate::default()
        };

        assert_eq!(order.line_total(), Some(Decimal::from(7)));
        order.item_dtos.push(line(None));
        assert_eq!(
            order.line_total(),
            None,
            "one missing total means no sum to compare"
        );
    }
}
