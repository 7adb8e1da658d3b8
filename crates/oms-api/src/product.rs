//! Products (产品模块): the SKU master data every other module refers to. The warehouse can only
//! receive, store and ship a SKU it knows, with its size, weight and battery facts, so these are
//! checked here before a product is created or changed.
//!
//! The create body and the list item are the same shape (SPEC.md §2.3), so one [`Product`] type
//! serves both; the fields only the server fills in (`status`, `reviewStatus`, `reviewDiff`,
//! `openCategory`) are optional and never checked.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::code_enum;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::files::AnyAttachment;
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra, YesNo};
use crate::Client;

/// The most SKUs one list filter takes.
pub const MAX_SKUS_PER_FILTER: usize = 100;

code_enum! {
    /// `productLengthType`: the unit of length, width and height.
    pub enum LengthUnit {
        /// Metres.
        Metre = 1 => ("米", "m"),
        /// Centimetres.
        Centimetre = 2 => ("厘米", "cm"),
        /// Inches.
        Inch = 3 => ("英寸", "inch"),
    }
}

code_enum! {
    /// `productWeightType`: the unit of the weight.
    pub enum WeightUnit {
        /// Kilograms.
        Kilogram = 1 => ("千克", "kg"),
        /// Pounds.
        Pound = 2 => ("磅", "lb"),
    }
}

code_enum! {
    /// `productType`: the size class the warehouse stores and charges by.
    pub enum ProductType {
        /// 普通件
        Normal = 1 => ("普通件", "normal"),
        /// 小件
        Small = 2 => ("小件", "small"),
        /// 大件
        Large = 3 => ("大件", "large"),
        /// 超大件
        ExtraLarge = 4 => ("超大件", "extra-large"),
        /// 超重件
        Overweight = 5 => ("超重件", "overweight"),
    }
}

code_enum! {
    /// `status` of a product (response only).
    pub enum ProductStatus {
        /// 已废弃
        Discarded = -1 => ("已废弃", "discarded"),
        /// 草稿
        Draft = 1 => ("草稿", "draft"),
        /// 待审核
        PendingReview = 2 => ("待审核", "pending review"),
        /// 审核通过
        Approved = 3 => ("审核通过", "approved"),
        /// 审核驳回
        Rejected = 4 => ("审核驳回", "rejected"),
    }
}

impl ProductStatus {
    /// True while the product may still be changed through `product_update` (SPEC.md §2.3:
    /// draft, pending review or rejected).
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::PendingReview | Self::Rejected)
    }
}

code_enum! {
    /// `reviewStatus`: whether the warehouse has measured the product (response only).
    pub enum ReviewStatus {
        /// 待复核
        Pending = -1 => ("待复核", "pending"),
        /// 已复核
        Done = 1 => ("已复核", "done"),
    }
}

code_enum! {
    /// `reviewDiff`: whether the warehouse's measurements match the declared ones (response only).
    pub enum ReviewDiff {
        /// 未复核
        NotChecked = -1 => ("未复核", "not checked"),
        /// 有差异
        Differs = 1 => ("有差异", "differs"),
        /// 无差异
        Matches = 2 => ("无差异", "matches"),
    }
}

code_enum! {
    /// `batteryType` of a product with a battery.
    pub enum BatteryType {
        /// 干电池
        Dry = 1 => ("干电池", "dry cell"),
        /// 纽扣电池
        Button = 2 => ("纽扣电池", "button cell"),
        /// 镍氢电池
        NickelMetalHydride = 3 => ("镍氢电池", "NiMH"),
        /// 铅酸电池
        LeadAcid = 4 => ("铅酸电池", "lead-acid"),
        /// 锂金属电池
        LithiumMetal = 5 => ("锂金属电池", "lithium metal"),
        /// 锂离子电池
        LithiumIon = 6 => ("锂离子电池", "lithium-ion"),
    }
}

code_enum! {
    /// `platformType` of a platform SKU.
    pub enum PlatformType {
        /// Amazon
        Amazon = 1 => ("亚马逊", "Amazon"),
        /// AliExpress
        AliExpress = 2 => ("速卖通", "AliExpress"),
        /// Wish
        Wish = 3 => ("Wish", "Wish"),
        /// eBay
        Ebay = 4 => ("eBay", "eBay"),
    }
}

code_enum! {
    /// `barcodeType` of a platform SKU's barcode.
    pub enum BarcodeType {
        /// Code 128
        Code128 = 1 => ("CODE128", "CODE128"),
        /// Code 39
        Code39 = 2 => ("CODE39", "CODE39"),
        /// ISBN
        Isbn = 3 => ("ISBN", "ISBN"),
        /// JAN
        Jan = 4 => ("JAN", "JAN"),
        /// ITF
        Itf = 5 => ("ITF", "ITF"),
        /// EAN
        Ean = 6 => ("EAN", "EAN"),
        /// UPC
        Upc = 7 => ("UPC", "UPC"),
        /// QR code
        Qr = 8 => ("二维码", "QR"),
        /// PDF417
        Pdf417 = 9 => ("PDF417", "PDF417"),
        /// Data Matrix
        DataMatrix = 10 => ("DATAMATRIX", "DATAMATRIX"),
    }
}

/// `openBattery`: the battery facts the warehouse and carriers need (required when `isBattery` is
/// yes). Measures are sent as 3-place decimal strings like the other measures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Battery {
    /// The kind of battery.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_type: Option<BatteryType>,
    /// Capacity (mAh).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_capacity: Option<Decimal>,
    /// The battery's model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub battery_model: Option<String>,
    /// Cell voltage (V).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_voltage: Option<Decimal>,
    /// Pack voltage (V).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_pack_voltage: Option<Decimal>,
    /// Power (W).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_power: Option<Decimal>,
    /// Energy (Wh), which decides how a lithium battery may travel.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_energy: Option<Decimal>,
    /// Cell chemistry or material, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub battery_material: Option<String>,
    /// Who makes the cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub battery_supplier: Option<String>,
    /// Who assembles the pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_supplier: Option<String>,
    /// Has a material safety data sheet.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_msds: Option<YesNo>,
    /// Has a transport (UN 38.3) report.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_transport_report: Option<YesNo>,
    /// How long the battery data is valid, as the vendor writes it.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub battery_data_validity: Option<String>,
    /// Has a UL certification (inferred to be a yes/no flag).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub ul_certification: Option<YesNo>,
    /// The body that issued the UL certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ul_authority: Option<String>,
    /// The UL certificate number.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub ul_number: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// One entry of `openPlatformSkus[]`: the SKU and barcode a sales platform knows the product by.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlatformSku {
    /// The platform.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub platform_type: Option<PlatformType>,
    /// The SKU on that platform (e.g. an Amazon FNSKU).
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub platform_sku: String,
    /// The barcode printed for that platform.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub platform_sku_barcode: Option<String>,
    /// The symbology of the barcode.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub barcode_type: Option<BarcodeType>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `openCategory` of a listed product.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CategoryRef {
    /// The category code, when the server gives it.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub code: Option<String>,
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

/// A product: the `product_create` and `product_update` body, and a `product_list` item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// The seller's SKU, unique in the account; `product_update` finds the product by it.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product_sku: String,
    /// Chinese name (this or `nameEn` is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The seller's own reference.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub reference_no: Option<String>,
    /// Manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_desc: Option<String>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_image: Option<String>,
    /// Declared unit price (USD, 2 places).
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub price: Option<Decimal>,
    /// Category code from `category_list`.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_category_code: Option<String>,
    /// Unit of length, width and height (required when one of them is given).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_length_type: Option<LengthUnit>,
    /// Length.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_length: Option<Decimal>,
    /// Width.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_width: Option<Decimal>,
    /// Height.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_height: Option<Decimal>,
    /// Unit of the weight (required when the weight is given).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_weight_type: Option<WeightUnit>,
    /// Weight.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_weight: Option<Decimal>,
    /// Volume (cm³).
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_volume: Option<Decimal>,
    /// Brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_brand: Option<String>,
    /// Country or place of origin, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_origin: Option<String>,
    /// Material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_material: Option<String>,
    /// Model.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_model: Option<String>,
    /// Contains a battery; `openBattery` is then required.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_battery: Option<YesNo>,
    /// Fragile.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_fragile: Option<YesNo>,
    /// Ships in its own packaging.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_own_package: Option<YesNo>,
    /// May be unpacked at the warehouse.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_unpacking: Option<YesNo>,
    /// Size class.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_type: Option<ProductType>,
    /// German packaging register (LUCID) number(s).
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_lucid: Option<String>,
    /// Battery facts, when `isBattery` is yes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_battery: Option<Battery>,
    /// SKUs and barcodes on sales platforms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_platform_skus: Vec<PlatformSku>,
    /// Attachments (lists return them as `openAttachments`).
    #[serde(
        default,
        rename = "attachmentOpenDTOs",
        alias = "openAttachments",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<AnyAttachment>,
    /// Review status of the product (response only).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<ProductStatus>,
    /// Whether the warehouse has measured it (response only).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub review_status: Option<ReviewStatus>,
    /// Whether the measurements match the declared ones (response only).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub review_diff: Option<ReviewDiff>,
    /// The category's names (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_category: Option<CategoryRef>,
    /// Fields the vendor may add, or that we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `product_create` answer. The documentation does not show it, so every plausible form is
/// accepted: the product's key as an object, a message string, or nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum ProductSaved {
    /// An object such as `{"productSku": "SKU-MUG-001"}` (the form our sandbox answers with).
    Product(SavedProductKey),
    /// A message such as `"创建成功"`.
    Message(String),
    /// `null`.
    Empty,
}

/// The key of a saved product, as `product_create` and `product_update` may return it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SavedProductKey {
    /// The product's SKU.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_sku: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `product_list` request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductListRequest {
    /// Only this SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sku: Option<String>,
    /// Only these SKUs (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_skus: Vec<String>,
    /// Only this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_category_code: Option<String>,
    /// Only this size class.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub product_type: Option<ProductType>,
    /// Only this status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<ProductStatus>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

paged_request!(ProductListRequest);

impl Validate for ProductListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("productSku", self.product_sku.as_deref(), 50);
        check.max_items("productSkus", &self.product_skus, MAX_SKUS_PER_FILTER);
        for (index, sku) in self.product_skus.iter().enumerate() {
            let field = format!("productSkus[{index}]");
            check.required_text(&field, Some(sku));
            check.max_len(&field, Some(sku), 50);
        }
        check.max_len(
            "productCategoryCode",
            self.product_category_code.as_deref(),
            50,
        );
        check.known_code("productType", self.product_type.as_ref());
        check.known_code("status", self.status.as_ref());
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

impl Validate for Product {
    fn validate(&self, check: &mut Validator) {
        if check.required_text("productSku", Some(&self.product_sku)) {
            check.max_len("productSku", Some(&self.product_sku), 50);
            if self.product_sku.chars().any(char::is_whitespace) {
                check.error("productSku", "SKU 不能包含空格", "must not contain spaces");
            }
        }

        let named = [&self.name, &self.name_en]
            .iter()
            .any(|n| n.as_deref().is_some_and(|n| !n.trim().is_empty()));
        if !named {
            check.error(
                "name",
                "中文名称和英文名称至少填写一个",
                "name or nameEn is required",
            );
        }
        check.max_len("name", self.name.as_deref(), 200);
        check.max_len("nameEn", self.name_en.as_deref(), 200);
        check.max_len("referenceNo", self.reference_no.as_deref(), 50);
        check.max_len("manufacturer", self.manufacturer.as_deref(), 200);
        check.max_len("productDesc", self.product_desc.as_deref(), 2000);
        check.max_len("productImage", self.product_image.as_deref(), 500);
        if let Some(image) = self.product_image.as_deref().filter(|i| !i.is_empty()) {
            if !(image.starts_with("https://") || image.starts_with("http://")) {
                check.error(
                    "productImage",
                    format!("图片地址应以 http:// 或 https:// 开头：{image}"),
                    format!("must be an http:// or https:// URL: {image}"),
                );
            }
        }
        check.max_len(
            "productCategoryCode",
            self.product_category_code.as_deref(),
            50,
        );
        check.decimal("price", self.price.as_ref(), 2);

        self.validate_measures(check);

        for (field, value) in [
            ("productBrand", &self.product_brand),
            ("productOrigin", &self.product_origin),
            ("productMaterial", &self.product_material),
            ("productModel", &self.product_model),
        ] {
            check.max_len(field, value.as_deref(), 100);
        }
        check.max_len("productLucid", self.product_lucid.as_deref(), 200);
        check.known_code("isFragile", self.is_fragile.as_ref());
        check.known_code("isOwnPackage", self.is_own_package.as_ref());
        check.known_code("isUnpacking", self.is_unpacking.as_ref());
        check.known_code("productType", self.product_type.as_ref());

        check.known_code("isBattery", self.is_battery.as_ref());
        if self.is_battery.is_some_and(YesNo::is_yes) {
            check.required("openBattery", self.open_battery.as_ref());
        }
        check.nested_opt("openBattery", self.open_battery.as_ref());

        check.each("openPlatformSkus", &self.open_platform_skus);
        check.each("attachmentOpenDTOs", &self.attachments);
    }
}

impl Product {
    /// Dimensions, weight and volume: non-negative, at most 3 places, each with its unit.
    fn validate_measures(&self, check: &mut Validator) {
        let dimensions = [
            ("productLength", &self.product_length),
            ("productWidth", &self.product_width),
            ("productHeight", &self.product_height),
        ];
        for (field, value) in dimensions {
            check.decimal(field, value.as_ref(), 3);
        }
        if dimensions.iter().any(|(_, value)| value.is_some()) {
            check.required("productLengthType", self.product_length_type.as_ref());
        }
        check.known_code("productLengthType", self.product_length_type.as_ref());

        check.decimal("productWeight", self.product_weight.as_ref(), 3);
        if self.product_weight.is_some() {
            check.required("productWeightType", self.product_weight_type.as_ref());
        }
        check.known_code("productWeightType", self.product_weight_type.as_ref());

        check.decimal("productVolume", self.product_volume.as_ref(), 3);
    }
}

impl Validate for Battery {
    fn validate(&self, check: &mut Validator) {
        if check.required("batteryType", self.battery_type.as_ref()) {
            check.known_code("batteryType", self.battery_type.as_ref());
        }
        for (field, value) in [
            ("batteryCapacity", &self.battery_capacity),
            ("batteryVoltage", &self.battery_voltage),
            ("batteryPackVoltage", &self.battery_pack_voltage),
            ("batteryPower", &self.battery_power),
            ("batteryEnergy", &self.battery_energy),
        ] {
            check.decimal(field, value.as_ref(), 3);
        }
        for (field, value) in [
            ("batteryModel", &self.battery_model),
            ("batteryMaterial", &self.battery_material),
            ("batterySupplier", &self.battery_supplier),
            ("packSupplier", &self.pack_supplier),
            ("batteryDataValidity", &self.battery_data_validity),
            ("ulAuthority", &self.ul_authority),
            ("ulNumber", &self.ul_number),
        ] {
            check.max_len(field, value.as_deref(), 100);
        }
        check.known_code("isMsds", self.is_msds.as_ref());
        check.known_code("isTransportReport", self.is_transport_report.as_ref());
        check.known_code("ulCertification", self.ul_certification.as_ref());
    }
}

impl Validate for PlatformSku {
    fn validate(&self, check: &mut Validator) {
        if check.required("platformType", self.platform_type.as_ref()) {
            check.known_code("platformType", self.platform_type.as_ref());
        }
        if check.required_text("platformSku", Some(&self.platform_sku)) {
            check.max_len("platformSku", Some(&self.platform_sku), 100);
        }
        check.max_len(
            "platformSkuBarcode",
            self.platform_sku_barcode.as_deref(),
            100,
        );
        check.known_code("barcodeType", self.barcode_type.as_ref());
        if self.barcode_type.is_some() && self.platform_sku_barcode.is_none() {
            check.error(
                "platformSkuBarcode",
                "填写了条码类型时必须填写条码",
                "is required when barcodeType is given",
            );
        }
    }
}

impl Client {
    /// 产品列表: the account's products with their review state.
    pub async fn list_products(&self, request: &ProductListRequest) -> Result<Page<Product>> {
        self.call(EndpointId::ProductList, request).await
    }

    /// 创建产品: registers a new SKU with the warehouse.
    pub async fn create_product(&self, product: &Product) -> Result<ProductSaved> {
        self.call(EndpointId::ProductCreate, product).await
    }

    /// 修改产品: changes the product with the same `productSku` (inferred endpoint; allowed while
    /// the product is a draft, pending review or rejected).
    pub async fn update_product(&self, product: &Product) -> Result<ProductSaved> {
        self.call(EndpointId::ProductUpdate, product).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::ProductList => json(client.list_products(&parse(body)?).await?)?,
        EndpointId::ProductCreate => json(client.create_product(&parse(body)?).await?)?,
        EndpointId::ProductUpdate => json(client.update_product(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Code;
    use serde_json::json;

    #[test]
    fn the_documented_first_fields_are_strings() {
        let product = Product {
            product_sku: "SKU-MUG-001".to_owned(),
            name: Some("马克杯".to_owned()),
            name_en: Some("Mug".to_owned()),
            reference_no: Some("REF-1".to_owned()),
            manufacturer: Some("Acme".to_owned()),
            product_desc: Some("Stoneware".to_owned()),
            product_image: Some("https://img.example.com/mug.png".to_owned()),
            ..Product::default()
        };

        let wire = serde_json::to_value(&product).unwrap();

        assert_eq!(
            wire,
            json!({"productSku": "SKU-MUG-001", "name": "马克杯", "nameEn": "Mug",
                   "referenceNo": "REF-1", "manufacturer": "Acme", "productDesc": "Stoneware",
                   "productImage": "https://img.example.com/mug.png"}),
            "the doc example sends these seven fields as plain strings and nothing else when unset"
        );
    }

    #[test]
    fn measures_and_codes_use_their_wire_forms() {
        let product = Product {
            product_sku: "SKU-MUG-001".to_owned(),
            price: Some(Decimal::new(5, 0)),
            product_length_type: Some(LengthUnit::Centimetre),
            product_length: Some(Decimal::new(125, 1)),
            is_battery: Some(YesNo::No),
            ..Product::default()
        };

        let wire = serde_json::to_value(&product).unwrap();

        assert_eq!(wire["price"], "5.00", "price is money at 2 places");
        assert_eq!(
            wire["productLength"], "12.500",
            "measures are padded to 3 places"
        );
        assert_eq!(wire["productLengthType"], "2", "codes travel as strings");
        assert_eq!(wire["isBattery"], "-1", "yes/no flags travel as strings");
    }

    #[test]
    fn a_list_item_keeps_unknown_fields_and_codes_and_reads_numbers() {
        let item = json!({
            "productSku": 10023,
            "nameEn": "Lamp",
            "productWeight": 1.5,
            "productWeightType": 1,
            "status": 9,
            "reviewStatus": "1",
            "reviewDiff": 1,
            "openCategory": {"name": "灯具", "nameEn": "Lamps", "level": 2},
            "openBattery": {"batteryType": "6", "batteryEnergy": "12.5", "cellCount": 3},
            "createTime": "2024-05-01 10:00:00"
        });

        let product: Product = serde_json::from_value(item).unwrap();

        assert_eq!(
            product.product_sku, "10023",
            "a numeric SKU is read as text"
        );
        assert_eq!(product.product_weight, Some(Decimal::new(15, 1)));
        assert_eq!(
            product.status,
            Some(ProductStatus::Other(9)),
            "unknown status kept"
        );
        assert!(!product.status.unwrap().is_known());
        assert_eq!(product.review_status, Some(ReviewStatus::Done));
        assert_eq!(product.review_diff, Some(ReviewDiff::Differs));
        assert_eq!(product.extra["createTime"], "2024-05-01 10:00:00");
        let category = product.open_category.unwrap();
        assert_eq!(category.extra["level"], 2, "unknown nested fields are kept");
        let battery = product.open_battery.unwrap();
        assert_eq!(battery.battery_type, Some(BatteryType::LithiumIon));
        assert_eq!(battery.extra["cellCount"], 3);
    }

    #[test]
    fn the_create_answer_may_be_an_object_a_message_or_null() {
        let object: ProductSaved =
            serde_json::from_value(json!({"productSku": "SKU-MUG-001"})).unwrap();
        let message: ProductSaved = serde_json::from_value(json!("创建成功")).unwrap();
        let empty: ProductSaved = serde_json::from_value(Value::Null).unwrap();

        assert!(
            matches!(object, ProductSaved::Product(ref key)
                if key.product_sku.as_deref() == Some("SKU-MUG-001")),
            "an object answer names the SKU: {object:?}"
        );
        assert_eq!(message, ProductSaved::Message("创建成功".to_owned()));
        assert_eq!(empty, ProductSaved::Empty);
    }

    #[test]
    fn editable_statuses_follow_the_spec() {
        let editable: Vec<i64> = ProductStatus::known()
            .iter()
            .filter(|s| s.is_editable())
            .map(|s| s.code())
            .collect();

        assert_eq!(
            editable,
            [1, 2, 4],
            "update is allowed in draft, pending and rejected"
        );
    }
}
