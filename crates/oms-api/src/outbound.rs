//! Outbound orders (出库单模块): the warehouse picks stock and ships it, either as a parcel to a
//! consumer (B2C) or as cartons and pallets to another warehouse such as an Amazon FC (B2B).
//!
//! Both kinds share one body (recipient, services, warehouse, channel, lines, attachments); B2B
//! adds the warehouse instructions of `b2bDto`, B2C adds `inventoryType` and `b2cDto`. The shared
//! fields and their rules are declared once, in `outbound_order!`, and both order types are built
//! from it, so a rule for the recipient address can never drift between B2B and B2C.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bulk::{BulkResult, CancelRequest, OrderCreated, OutboundStatus};
use crate::code_enum;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::files::{DownloadedFile, InlineFile, OutboundAttachment};
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Code, Extra, YesNo};
use crate::Client;

code_enum! {
    /// `pickType`: how the order's pieces are picked.
    pub enum PickType {
        /// One piece.
        SinglePiece = 1 => ("一票一件", "one piece"),
        /// One SKU, several pieces.
        SingleSkuMultiplePieces = 2 => ("一票一品多件", "one SKU, several pieces"),
        /// Several SKUs.
        MultipleSkus = 3 => ("一票多品", "several SKUs"),
    }
}

code_enum! {
    /// `signType`: the kind of signature asked of the recipient when `isSign` is yes.
    pub enum SignType {
        /// The recipient signs in person.
        Direct = 1 => ("直接签名", "direct signature"),
        /// Anyone at the address may sign.
        Indirect = 2 => ("间接签名", "indirect signature"),
        /// An adult must sign.
        Adult = 3 => ("成人签名", "adult signature"),
    }
}

code_enum! {
    /// `primeType`: Amazon programme of the order.
    pub enum PrimeType {
        /// Neither VC nor Prime.
        None = -1 => ("无", "none"),
        /// Amazon Vendor Central.
        VendorCentral = 2 => ("VC", "Vendor Central"),
        /// Amazon Prime.
        Prime = 3 => ("Prime", "Prime"),
    }
}

code_enum! {
    /// `inventoryType`: which stock a B2C order may draw on.
    pub enum InventoryType {
        /// Any stock.
        Any = 1 => ("不限", "any stock"),
        /// Standard (new) stock only.
        Standard = 2 => ("标准库存", "standard stock"),
        /// Returned stock first.
        ReturnsFirst = 3 => ("优先退货库存", "returned stock first"),
    }
}

code_enum! {
    /// `orderType` of an outbound order in lists.
    pub enum OrderKind {
        /// A parcel to a consumer.
        B2c = 1 => ("B2C订单", "B2C order"),
        /// Cartons or pallets to a business or platform warehouse.
        B2b = 2 => ("B2B订单", "B2B order"),
    }
}

code_enum! {
    /// `receiveAddressType` of `b2bDto`. Only `1` appears in the documentation; its meaning and
    /// code `2` are inferred from `receiveWarehouseCode` (a platform warehouse code or `OTHER`).
    pub enum ReceiveAddressType {
        /// The platform warehouse named by `receiveWarehouseCode` (inferred meaning).
        PlatformWarehouse = 1 => ("平台仓库地址", "platform warehouse address"),
        /// Another address, described in `otherReceiveAddressRemark` (inferred).
        OtherAddress = 2 => ("其他地址", "other address"),
    }
}

code_enum! {
    /// `changeBarcodeType` and `changeShippingMarkType`: whether and how labels are changed.
    pub enum ChangeBarcodeType {
        /// No change.
        None = -1 => ("不换标", "no change"),
        /// Open the cartons to change the labels.
        OpenCarton = 2 => ("开箱换标", "open the cartons"),
        /// Change the labels without opening the cartons.
        WithoutOpening = 3 => ("不开箱换标", "without opening the cartons"),
    }
}

code_enum! {
    /// `pasteCartonMarkType`: on how many sides of each carton the shipping mark is stuck.
    pub enum PasteCartonMarkType {
        /// No carton marks.
        None = -1 => ("不贴", "none"),
        /// One side.
        OneSide = 2 => ("贴一面", "one side"),
        /// Two sides.
        TwoSides = 3 => ("贴两面", "two sides"),
        /// Four sides.
        FourSides = 4 => ("贴四面", "four sides"),
    }
}

code_enum! {
    /// `labelStatus` of an outbound order: whether its carrier label exists.
    pub enum LabelStatus {
        /// No label.
        None = -1 => ("无面单", "no label"),
        /// The label is being made.
        Waiting = 1 => ("等待面单", "waiting for the label"),
        /// The label is ready.
        Created = 2 => ("已生成面单", "label created"),
    }
}

/// The most order or reference numbers one list filter takes.
pub const MAX_FILTER_NUMBERS: usize = 100;

/// One line of an outbound order (`itemDTOs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboundLine {
    /// The SKU to ship.
    #[serde(default)]
    pub product_sku: String,
    /// Pieces to ship (sent as a string, `"qty": "2"`).
    #[serde(default, with = "wire::text_int")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub qty: i64,
    /// The carton the pieces travel in (B2B); lines with the same `boxNo` share a carton.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_no: Option<String>,
    /// The SKU as the sales platform knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_sku: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for OutboundLine {
    fn validate(&self, check: &mut Validator) {
        check.required_text("productSku", Some(&self.product_sku));
        check.max_len("productSku", Some(&self.product_sku), 100);
        check.at_least("qty", Some(self.qty), 1);
        check.max_len("boxNo", self.box_no.as_deref(), 50);
        check.max_len("platformSku", self.platform_sku.as_deref(), 100);
    }
}

/// Declares an outbound order type: the fields B2B and B2C share, in the documentation's order,
/// then the kind's own fields, then the lines and attachments. It also gives the type a
/// `check_shared` method holding the rules of the shared fields.
macro_rules! outbound_order {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// The seller's own order number; unique per order kind.
            #[serde(default)]
            pub reference_no: String,
            /// A tracking number the seller already has.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub tracking_no: Option<String>,
            /// How the pieces are picked.
            #[serde(
                default,
                with = "wire::text_int",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<String>))]
            pub pick_type: Option<PickType>,
            /// The recipient's company.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub company_name: Option<String>,
            /// The recipient's name.
            #[serde(default)]
            pub contact_name: String,
            /// The recipient's phone.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub contact_mobile: Option<String>,
            /// The phone extension.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub contact_cell_mobile: Option<String>,
            /// The recipient's e-mail.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub contact_email: Option<String>,
            /// Province or state.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub province: Option<String>,
            /// City.
            #[serde(default)]
            pub city: String,
            /// District.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub district: Option<String>,
            /// House number.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub doorplate: Option<String>,
            /// Street address, first line.
            #[serde(default)]
            pub address: String,
            /// Address, second line.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub address2: Option<String>,
            /// Address, third line.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub address3: Option<String>,
            /// Postcode (a number is accepted and kept as text).
            #[serde(default, with = "wire::text")]
            #[cfg_attr(feature = "specta", specta(type = String))]
            pub postcode: String,
            /// Signature on delivery (`"1"` / `"-1"`).
            #[serde(
                default,
                with = "wire::text_int",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<String>))]
            pub is_sign: Option<YesNo>,
            /// The kind of signature (a JSON number, `"signType": 0` when unused).
            #[serde(
                default,
                with = "wire::json_int",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
            pub sign_type: Option<SignType>,
            /// Insurance (`"1"` / `"-1"`).
            #[serde(
                default,
                with = "wire::text_int",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<String>))]
            pub is_insure: Option<YesNo>,
            /// Insured value in USD, 2 places (`"0.00"`).
            #[serde(
                default,
                with = "wire::money2",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<String>))]
            pub insure_price: Option<Decimal>,
            /// Amazon programme.
            #[serde(
                default,
                with = "wire::text_int",
                skip_serializing_if = "Option::is_none"
            )]
            #[cfg_attr(feature = "specta", specta(type = Option<String>))]
            pub prime_type: Option<PrimeType>,
            /// Remark for the warehouse.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub remark: Option<String>,
            /// The warehouse that ships.
            #[serde(default)]
            pub warehouse_code: String,
            /// The logistics channel.
            #[serde(default)]
            pub shipping_method_code: String,
            /// Destination country, ISO 3166 alpha-2.
            #[serde(default)]
            pub code2: String,
            $( $(#[$field_meta])* pub $field: $ty, )*
            /// The lines; at least one.
            #[serde(default, rename = "itemDTOs")]
            pub items: Vec<OutboundLine>,
            /// Attachments (labels, BOL…) sent inline.
            #[serde(default, rename = "attachmentOpenDTOs")]
            pub attachments: Vec<OutboundAttachment>,
            /// Fields the vendor may add.
            #[serde(flatten)]
            #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
            pub extra: Extra,
        }

        impl $name {
            /// The rules of the fields every outbound order has.
            fn check_shared(&self, check: &mut Validator) {
                check_reference(check, &self.reference_no);
                check.max_len("trackingNo", self.tracking_no.as_deref(), 100);
                check.known_code("pickType", self.pick_type.as_ref());

                check.max_len("companyName", self.company_name.as_deref(), 200);
                check.required_text("contactName", Some(&self.contact_name));
                check.max_len("contactName", Some(&self.contact_name), 200);
                check.max_len("contactMobile", self.contact_mobile.as_deref(), 50);
                check.max_len("contactCellMobile", self.contact_cell_mobile.as_deref(), 20);
                check.email("contactEmail", self.contact_email.as_deref());
                check.max_len("contactEmail", self.contact_email.as_deref(), 200);

                check.max_len("province", self.province.as_deref(), 100);
                check.required_text("city", Some(&self.city));
                check.max_len("city", Some(&self.city), 100);
                check.max_len("district", self.district.as_deref(), 100);
                check.max_len("doorplate", self.doorplate.as_deref(), 50);
                check.required_text("address", Some(&self.address));
                check.max_len("address", Some(&self.address), 200);
                check.max_len("address2", self.address2.as_deref(), 200);
                check.max_len("address3", self.address3.as_deref(), 200);
                check.required_text("postcode", Some(&self.postcode));
                check.max_len("postcode", Some(&self.postcode), 20);

                check_signature(check, self.is_sign, self.sign_type);
                check_insurance(check, self.is_insure, self.insure_price);
                check.known_code("primeType", self.prime_type.as_ref());
                check.max_len("remark", self.remark.as_deref(), 500);

                check_code(check, "warehouseCode", &self.warehouse_code);
                check_code(check, "shippingMethodCode", &self.shipping_method_code);
                if check.required_text("code2", Some(&self.code2)) {
                    check.country_code("code2", Some(&self.code2));
                }

                if check.not_empty("itemDTOs", &self.items) {
                    check.each("itemDTOs", &self.items);
                }
                check.each("attachmentOpenDTOs", &self.attachments);
            }
        }
    };
}

outbound_order! {
    /// 创建B2B订单 body: cartons or pallets to a business or platform warehouse. Round-trips the
    /// documentation's example exactly.
    pub struct B2bOrderCreate {
        /// Warehouse instructions (`b2bDto`).
        #[serde(default, rename = "b2bDto", skip_serializing_if = "Option::is_none")]
        pub instructions: Option<B2bInstructions>,
    }
}

outbound_order! {
    /// 创建B2C订单 body: a parcel to a consumer. The B2B fields without `b2bDto`, plus
    /// `inventoryType` and `b2cDto`.
    pub struct B2cOrderCreate {
        /// Which stock the order may draw on (sent as a string, like `pickType`).
        #[serde(
            default,
            with = "wire::text_int",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(feature = "specta", specta(type = Option<String>))]
        pub inventory_type: Option<InventoryType>,
        /// Sales details (`b2cDto`).
        #[serde(default, rename = "b2cDto", skip_serializing_if = "Option::is_none")]
        pub details: Option<B2cDetails>,
    }
}

/// `b2bDto`: how the warehouse prepares a B2B shipment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct B2bInstructions {
    /// The receiving warehouse (an Amazon FC code, or `OTHER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_warehouse_code: Option<String>,
    /// What kind of address receives the goods (a JSON number).
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub receive_address_type: Option<ReceiveAddressType>,
    /// The address when it is not a known warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_receive_address_remark: Option<String>,
    /// When the goods should leave, `yyyy-MM-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_ship_date: Option<String>,
    /// The platform's shipment id (e.g. an FBA shipment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_no: Option<String>,
    /// The platform's shipment reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_reference_no: Option<String>,
    /// The batch bill-of-lading number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_bol_no: Option<String>,
    /// Repack the goods.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_change_package: Option<YesNo>,
    /// Change the product barcodes, and how.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub change_barcode_type: Option<ChangeBarcodeType>,
    /// Cover the old barcodes.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_cover_barcode: Option<YesNo>,
    /// Change the shipping marks, and how.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub change_shipping_mark_type: Option<ChangeBarcodeType>,
    /// Cover the old shipping marks.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_cover_shipping_mark: Option<YesNo>,
    /// Ship on pallets.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_pallet: Option<YesNo>,
    /// Double-stack the pallets.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_double_pallet: Option<YesNo>,
    /// Mix SKUs on a pallet.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_mixed_pallet: Option<YesNo>,
    /// On how many sides carton marks are stuck.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub paste_carton_mark_type: Option<PasteCartonMarkType>,
    /// The most pallets allowed (sent as a string).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub limit_plate_num: Option<i64>,
    /// The highest pallet allowed, cm, 3 places.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub limit_plate_height: Option<Decimal>,
    /// The heaviest pallet allowed, kg, 3 places.
    #[serde(
        default,
        with = "wire::money3",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub limit_plate_weight: Option<Decimal>,
    /// The warehouse proposes a pallet plan.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_pallet_scheme: Option<YesNo>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for B2bInstructions {
    fn validate(&self, check: &mut Validator) {
        check.max_len(
            "receiveWarehouseCode",
            self.receive_warehouse_code.as_deref(),
            50,
        );
        check.known_code("receiveAddressType", self.receive_address_type.as_ref());
        check.max_len(
            "otherReceiveAddressRemark",
            self.other_receive_address_remark.as_deref(),
            500,
        );
        check.date("expectedShipDate", self.expected_ship_date.as_deref());
        check.max_len("shipmentNo", self.shipment_no.as_deref(), 100);
        check.max_len(
            "shipmentReferenceNo",
            self.shipment_reference_no.as_deref(),
            100,
        );
        check.max_len("batchBolNo", self.batch_bol_no.as_deref(), 100);

        check.known_code("isChangePackage", self.is_change_package.as_ref());
        check.known_code("changeBarcodeType", self.change_barcode_type.as_ref());
        check.known_code("isCoverBarcode", self.is_cover_barcode.as_ref());
        check.known_code(
            "changeShippingMarkType",
            self.change_shipping_mark_type.as_ref(),
        );
        check.known_code("isCoverShippingMark", self.is_cover_shipping_mark.as_ref());
        check.known_code("isPallet", self.is_pallet.as_ref());
        check.known_code("isDoublePallet", self.is_double_pallet.as_ref());
        check.known_code("isMixedPallet", self.is_mixed_pallet.as_ref());
        check.known_code("pasteCartonMarkType", self.paste_carton_mark_type.as_ref());
        check.known_code("isPalletScheme", self.is_pallet_scheme.as_ref());

        check.at_least("limitPlateNum", self.limit_plate_num, 0);
        check.decimal("limitPlateHeight", self.limit_plate_height.as_ref(), 3);
        check.decimal("limitPlateWeight", self.limit_plate_weight.as_ref(), 3);
    }
}

/// `b2cDto` (and `openB2c` in lists): where a consumer order was sold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct B2cDetails {
    /// The seller's VAT number for the destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_tax_no: Option<String>,
    /// The sales platform (Amazon, eBay…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sale_platform: Option<String>,
    /// The store on that platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_store: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for B2cDetails {
    fn validate(&self, check: &mut Validator) {
        check.max_len("vatTaxNo", self.vat_tax_no.as_deref(), 50);
        check.max_len("salePlatform", self.sale_platform.as_deref(), 100);
        check.max_len("platformStore", self.platform_store.as_deref(), 100);
    }
}

impl Validate for B2bOrderCreate {
    fn validate(&self, check: &mut Validator) {
        self.check_shared(check);
        check.nested_opt("b2bDto", self.instructions.as_ref());
    }
}

impl Validate for B2cOrderCreate {
    fn validate(&self, check: &mut Validator) {
        self.check_shared(check);
        check.known_code("inventoryType", self.inventory_type.as_ref());
        check.nested_opt("b2cDto", self.details.as_ref());
    }
}

/// 修改B2B订单 body: the order number plus the whole create body (inferred).
///
/// Unknown fields are kept in `order.extra`; the update has no `extra` of its own, so a field is
/// never read or written twice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct B2bOrderUpdate {
    /// The warehouse's order number.
    #[serde(default)]
    pub order_no: String,
    /// The new content of the order.
    #[serde(flatten)]
    pub order: B2bOrderCreate,
}

impl Validate for B2bOrderUpdate {
    fn validate(&self, check: &mut Validator) {
        check_order_no(check, &self.order_no);
        self.order.validate(check);
    }
}

/// 修改B2C订单 body: the order number plus the whole create body (inferred).
///
/// Unknown fields are kept in `order.extra`, as for [`B2bOrderUpdate`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct B2cOrderUpdate {
    /// The warehouse's order number.
    #[serde(default)]
    pub order_no: String,
    /// The new content of the order.
    #[serde(flatten)]
    pub order: B2cOrderCreate,
}

impl Validate for B2cOrderUpdate {
    fn validate(&self, check: &mut Validator) {
        check_order_no(check, &self.order_no);
        self.order.validate(check);
    }
}

/// The filters of `b2c_list` and `b2b_list`: either a create-time or an update-time range, not
/// both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboundListRequest {
    /// One order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// Several orders, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_nos: Vec<String>,
    /// One seller reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_no: Option<String>,
    /// Several seller references, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_nos: Vec<String>,
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
    /// Stock drawn on (B2C).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub inventory_type: Option<InventoryType>,
    /// Order status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<OutboundStatus>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

paged_request!(OutboundListRequest);

impl Validate for OutboundListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("orderNo", self.order_no.as_deref(), 64);
        check.max_len("referenceNo", self.reference_no.as_deref(), 50);
        check_number_filter(check, "orderNos", &self.order_nos);
        check_number_filter(check, "referenceNos", &self.reference_nos);
        check_time_filters(
            check,
            TimeFilters {
                start_create: self.start_create_time.as_deref(),
                end_create: self.end_create_time.as_deref(),
                start_update: self.start_update_time.as_deref(),
                end_update: self.end_update_time.as_deref(),
            },
        );
        check.known_code("inventoryType", self.inventory_type.as_ref());
        check.known_code("status", self.status.as_ref());
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

/// One line of an outbound order in lists (`openItems[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboundOrderItem {
    /// The SKU.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product_sku: String,
    /// Customs name in Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declare_name: Option<String>,
    /// Customs name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declare_name_en: Option<String>,
    /// Declared value per piece, USD.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub declare_value: Option<Decimal>,
    /// Pieces.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub qty: Option<i64>,
    /// Weight, kg.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub weight: Option<Decimal>,
    /// Carton number.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub box_no: Option<String>,
    /// The platform's SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_sku: Option<String>,
    /// Labels stuck per piece.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub paste_qty: Option<i64>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// An attachment as the OMS returns it (`openAttachments[]`, and the answer of
/// `outbound_download_attachment`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OpenAttachment {
    /// The server's id of the attachment.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub attachment_id: Option<String>,
    /// `SHIPMENT_LABEL`, `BOL`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_type: Option<String>,
    /// `PDF`, `PNG`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// The bytes in Base64 (lists may leave it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl OpenAttachment {
    /// Decodes the attachment's bytes, ready to save.
    ///
    /// # Errors
    /// A shape error when `base64` is missing or is not Base64.
    pub fn to_file(&self) -> Result<DownloadedFile> {
        let inline = InlineFile {
            file_name: self.file_name.clone(),
            file_type: self.file_type.clone(),
            base64: self.base64.clone().unwrap_or_default(),
            extra: Extra::new(),
        };

        DownloadedFile::from_inline(&inline)
    }
}

/// An outbound order as listed by `b2c_list` and `b2b_list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OutboundOrder {
    /// B2C or B2B.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub order_type: Option<OrderKind>,
    /// The warehouse's order number.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub order_no: String,
    /// The seller's reference.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub reference_no: Option<String>,
    /// The carrier's tracking number.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub tracking_no: Option<String>,
    /// Status.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub status: Option<OutboundStatus>,
    /// Why the order is in exception (status -2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_reason: Option<String>,
    /// How the pieces are picked.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub pick_type: Option<PickType>,
    /// The recipient's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// The recipient's phone.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub contact_mobile: Option<String>,
    /// The phone extension.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub contact_cell_mobile: Option<String>,
    /// The recipient's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// Province or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// District.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// House number.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub doorplate: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Address, second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// Address, third line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address3: Option<String>,
    /// Postcode.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub postcode: Option<String>,
    /// Destination country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code2: Option<String>,
    /// Signature on delivery.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_sign: Option<YesNo>,
    /// The kind of signature.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub sign_type: Option<SignType>,
    /// Insurance.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_insure: Option<YesNo>,
    /// Insured value, USD.
    #[serde(
        default,
        with = "wire::money2",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub insure_price: Option<Decimal>,
    /// Amazon programme.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub prime_type: Option<PrimeType>,
    /// Stock drawn on (B2C).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub inventory_type: Option<InventoryType>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The shipping warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// The logistics channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method_code: Option<String>,
    /// Pieces in the order.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub total_product: Option<i64>,
    /// Total weight, kg.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub total_weight: Option<Decimal>,
    /// When the order left the warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_time: Option<String>,
    /// When the order was created (inferred; the list filters on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// When the order last changed (inferred; the list filters on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<String>,
    /// The carrier classed the address as residential.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub is_residential: Option<YesNo>,
    /// Packaging code (not documented).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_type: Option<i64>,
    /// Parcel length, cm.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_length: Option<Decimal>,
    /// Parcel width, cm.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_width: Option<Decimal>,
    /// Parcel height, cm.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_height: Option<Decimal>,
    /// Parcel weight, kg.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub package_weight: Option<Decimal>,
    /// The carrier's zone.
    #[serde(default, with = "wire::text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub zone_code: Option<String>,
    /// Fee charged, USD.
    #[serde(
        default,
        with = "wire::dec_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub fee_price: Option<Decimal>,
    /// Whether the carrier label exists.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub label_status: Option<LabelStatus>,
    /// Sales details of a B2C order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_b2c: Option<B2cDetails>,
    /// The lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_items: Vec<OutboundOrderItem>,
    /// The attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_attachments: Vec<OpenAttachment>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// 上传附件 body: attachments added to an existing order (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UploadAttachmentsRequest {
    /// The order.
    #[serde(default)]
    pub order_no: String,
    /// The files, inline.
    #[serde(default, rename = "attachmentOpenDTOs")]
    pub attachments: Vec<OutboundAttachment>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for UploadAttachmentsRequest {
    fn validate(&self, check: &mut Validator) {
        check_order_no(check, &self.order_no);
        if check.not_empty("attachmentOpenDTOs", &self.attachments) {
            check.each("attachmentOpenDTOs", &self.attachments);
        }
    }
}

/// An attachment the server stored (the answer of `outbound_upload_attachment`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StoredAttachment {
    /// The server's id, used to download it.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub attachment_id: String,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The attachment type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_type: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// 下载附件 body: every attachment of an order, or one (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DownloadAttachmentsRequest {
    /// The order.
    #[serde(default)]
    pub order_no: String,
    /// Only this attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for DownloadAttachmentsRequest {
    fn validate(&self, check: &mut Validator) {
        check_order_no(check, &self.order_no);
        check.max_len("attachmentId", self.attachment_id.as_deref(), 64);
    }
}

/// A seller reference: required, at most 50 characters.
pub(crate) fn check_reference(check: &mut Validator, reference_no: &str) {
    check.required_text("referenceNo", Some(reference_no));
    check.max_len("referenceNo", Some(reference_no), 50);
}

/// A warehouse order number: required, at most 64 characters.
pub(crate) fn check_order_no(check: &mut Validator, order_no: &str) {
    check.required_text("orderNo", Some(order_no));
    check.max_len("orderNo", Some(order_no), 64);
}

/// A warehouse or channel code: required, at most 50 characters.
pub(crate) fn check_code(check: &mut Validator, field: &str, code: &str) {
    check.required_text(field, Some(code));
    check.max_len(field, Some(code), 50);
}

/// A list of order or reference numbers in a list filter: at most 100, none blank.
pub(crate) fn check_number_filter(check: &mut Validator, field: &str, numbers: &[String]) {
    check.max_items(field, numbers, MAX_FILTER_NUMBERS);
    for (index, number) in numbers.iter().enumerate() {
        check.required_text(&format!("{field}[{index}]"), Some(number));
    }
}

/// The create-time and update-time ranges of a list filter.
pub(crate) struct TimeFilters<'a> {
    /// `startCreateTime`
    pub start_create: Option<&'a str>,
    /// `endCreateTime`
    pub end_create: Option<&'a str>,
    /// `startUpdateTime`
    pub start_update: Option<&'a str>,
    /// `endUpdateTime`
    pub end_update: Option<&'a str>,
}

/// Each range in `yyyy-MM-dd HH:mm:ss` with its start not after its end, and not both ranges:
/// the server filters on one or the other.
pub(crate) fn check_time_filters(check: &mut Validator, times: TimeFilters<'_>) {
    let set = |value: Option<&str>| value.is_some_and(|v| !v.trim().is_empty());

    check.time_range(
        "startCreateTime",
        times.start_create,
        "endCreateTime",
        times.end_create,
    );
    check.time_range(
        "startUpdateTime",
        times.start_update,
        "endUpdateTime",
        times.end_update,
    );

    let by_create = set(times.start_create) || set(times.end_create);
    let by_update = set(times.start_update) || set(times.end_update);
    if by_create && by_update {
        check.error(
            "startUpdateTime",
            "创建时间与更新时间只能二选一",
            "filter by create time or by update time, not both",
        );
    }
}

/// `signType` must be a documented kind when a signature is asked for; without one, the
/// documentation's placeholder `0` is accepted.
fn check_signature(check: &mut Validator, is_sign: Option<YesNo>, sign_type: Option<SignType>) {
    check.known_code("isSign", is_sign.as_ref());

    if is_sign.is_some_and(YesNo::is_yes) {
        if check.required("signType", sign_type.as_ref()) {
            check.known_code("signType", sign_type.as_ref());
        }
    } else if sign_type.is_some_and(|kind| kind.code() != 0) {
        check.known_code("signType", sign_type.as_ref());
    }
}

/// An insured order needs a positive insured value; the value has at most 2 places.
fn check_insurance(check: &mut Validator, is_insure: Option<YesNo>, price: Option<Decimal>) {
    check.known_code("isInsure", is_insure.as_ref());
    check.decimal("insurePrice", price.as_ref(), 2);

    if is_insure.is_some_and(YesNo::is_yes) {
        match price {
            None => {
                check.required("insurePrice", price.as_ref());
            }
            Some(value) if value <= Decimal::ZERO => check.error(
                "insurePrice",
                format!("投保时保价金额须大于 0：{value}"),
                format!("must be more than 0 when the order is insured: {value}"),
            ),
            Some(_) => {}
        }
    }
}

impl Client {
    /// B2C订单列表: consumer orders matching the filters.
    pub async fn list_b2c_orders(
        &self,
        request: &OutboundListRequest,
    ) -> Result<Page<OutboundOrder>> {
        self.call(EndpointId::B2cList, request).await
    }

    /// 创建B2C订单: creates a consumer order as a draft or pending review (inferred endpoint).
    pub async fn create_b2c_order(&self, request: &B2cOrderCreate) -> Result<OrderCreated> {
        self.call(EndpointId::B2cCreate, request).await
    }

    /// 创建已审核B2C订单: creates a consumer order already reviewed (status 3).
    pub async fn create_reviewed_b2c_order(
        &self,
        request: &B2cOrderCreate,
    ) -> Result<OrderCreated> {
        self.call(EndpointId::B2cCreateReviewed, request).await
    }

    /// 修改B2C订单: replaces the content of a consumer order (inferred endpoint).
    pub async fn update_b2c_order(&self, request: &B2cOrderUpdate) -> Result<OrderCreated> {
        self.call(EndpointId::B2cUpdate, request).await
    }

    /// B2B订单列表: business orders matching the filters.
    pub async fn list_b2b_orders(
        &self,
        request: &OutboundListRequest,
    ) -> Result<Page<OutboundOrder>> {
        self.call(EndpointId::B2bList, request).await
    }

    /// 创建B2B订单: creates a business order as a draft or pending review.
    pub async fn create_b2b_order(&self, request: &B2bOrderCreate) -> Result<OrderCreated> {
        self.call(EndpointId::B2bCreate, request).await
    }

    /// 创建已审核B2B订单: creates a business order already reviewed (status 3).
    pub async fn create_reviewed_b2b_order(
        &self,
        request: &B2bOrderCreate,
    ) -> Result<OrderCreated> {
        self.call(EndpointId::B2bCreateReviewed, request).await
    }

    /// 修改B2B订单: replaces the content of a business order (inferred endpoint).
    pub async fn update_b2b_order(&self, request: &B2bOrderUpdate) -> Result<OrderCreated> {
        self.call(EndpointId::B2bUpdate, request).await
    }

    /// 上传附件: adds attachments to an outbound order (inferred endpoint).
    pub async fn upload_outbound_attachments(
        &self,
        request: &UploadAttachmentsRequest,
    ) -> Result<Vec<StoredAttachment>> {
        self.call(EndpointId::OutboundUploadAttachment, request)
            .await
    }

    /// 下载附件: the attachments of an outbound order with their bytes (inferred endpoint).
    pub async fn download_outbound_attachments(
        &self,
        request: &DownloadAttachmentsRequest,
    ) -> Result<Vec<OpenAttachment>> {
        self.call(EndpointId::OutboundDownloadAttachment, request)
            .await
    }

    /// 取消出库单: cancels B2C and B2B orders; check the result for per-order failures.
    pub async fn cancel_outbound_orders(&self, request: &CancelRequest) -> Result<BulkResult> {
        self.call(EndpointId::OutboundCancel, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::B2cList => json(client.list_b2c_orders(&parse(body)?).await?)?,
        EndpointId::B2cCreate => json(client.create_b2c_order(&parse(body)?).await?)?,
        EndpointId::B2cCreateReviewed => {
            json(client.create_reviewed_b2c_order(&parse(body)?).await?)?
        }
        EndpointId::B2cUpdate => json(client.update_b2c_order(&parse(body)?).await?)?,
        EndpointId::B2bList => json(client.list_b2b_orders(&parse(body)?).await?)?,
        EndpointId::B2bCreate => json(client.create_b2b_order(&parse(body)?).await?)?,
        EndpointId::B2bCreateReviewed => {
            json(client.create_reviewed_b2b_order(&parse(body)?).await?)?
        }
        EndpointId::B2bUpdate => json(client.update_b2b_order(&parse(body)?).await?)?,
        EndpointId::OutboundUploadAttachment => {
            json(client.upload_outbound_attachments(&parse(body)?).await?)?
        }
        EndpointId::OutboundDownloadAttachment => {
            json(client.download_outbound_attachments(&parse(body)?).await?)?
        }
        EndpointId::OutboundCancel => json(client.cancel_outbound_orders(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `examples/b2b-create.request.json` of the vendor documentation, as published.
    const DOCUMENTED_B2B_CREATE: &str = r#"{
    "referenceNo": "string",
    "trackingNo": "string",
    "pickType": "1",
    "companyName": "string",
    "contactName": "string",
    "contactMobile": "string",
    "contactCellMobile": "string",
    "contactEmail": "string",
    "province": "string",
    "city": "string",
    "district": "string",
    "doorplate": "string",
    "address": "string",
    "postcode": "string",
    "isSign": "-1",
    "signType": 0,
    "isInsure": "-1",
    "insurePrice": "0.00",
    "primeType": "-1",
    "remark": "string",
    "warehouseCode": "string",
    "shippingMethodCode": "string",
    "code2": "string",
    "b2bDto": {
        "receiveWarehouseCode": "OTHER",
        "receiveAddressType": 1,
        "otherReceiveAddressRemark": "string",
        "expectedShipDate": "2019-08-24",
        "shipmentNo": "string",
        "shipmentReferenceNo": "string",
        "batchBolNo": "string",
        "isChangePackage": "-1",
        "changeBarcodeType": "-1",
        "isCoverBarcode": "-1",
        "changeShippingMarkType": "-1",
        "isCoverShippingMark": "-1",
        "isPallet": "-1",
        "isDoublePallet": "-1",
        "isMixedPallet": "-1",
        "pasteCartonMarkType": "-1",
        "limitPlateNum": "0",
        "limitPlateHeight": "0.000",
        "limitPlateWeight": "0.000",
        "isPalletScheme": "-1"
    },
    "itemDTOs": [
        {
            "productSku": "string",
            "qty": "0",
            "boxNo": "string",
            "platformSku": "string"
        }
    ],
    "attachmentOpenDTOs": [
        {
            "attachmentType": "string",
            "base64": "string",
            "fileName": "string"
        }
    ]
}"#;

    /// The documented example as JSON.
    fn documented_b2b_create() -> Value {
        serde_json::from_str(DOCUMENTED_B2B_CREATE).unwrap()
    }

    #[test]
    fn the_documented_b2b_example_round_trips_exactly() {
        let example = documented_b2b_create();

        let order: B2bOrderCreate = serde_json::from_value(example.clone()).unwrap();
        let written = serde_json::to_value(&order).unwrap();

        assert_eq!(
            written, example,
            "every documented key must come back with the same JSON type"
        );
        assert_eq!(
            order.sign_type,
            Some(SignType::Other(0)),
            "the undocumented 0 must be kept, not mapped to a kind"
        );
        assert!(
            order.extra.is_empty(),
            "every documented key must have its own field: {:?}",
            order.extra
        );
        let instructions = order.instructions.unwrap();
        assert!(
            instructions.extra.is_empty(),
            "every b2bDto key must have its own field: {:?}",
            instructions.extra
        );
    }

    #[test]
    fn an_update_is_the_order_number_plus_the_create_body() {
        let mut body = documented_b2b_create();
        body["orderNo"] = json!("OB-0001");

        let update: B2bOrderUpdate = serde_json::from_value(body.clone()).unwrap();

        assert_eq!(update.order_no, "OB-0001");
        assert_eq!(update.order.reference_no, "string");
        assert!(
            update.order.extra.is_empty(),
            "orderNo must not leak into the create body's extra: {:?}",
            update.order.extra
        );
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            body,
            "an update must write orderNo once and the body unchanged"
        );
    }

    #[test]
    fn unknown_fields_and_codes_of_a_listed_order_are_kept() {
        let listed = json!({
            "orderType": 2,
            "orderNo": 20250001,
            "status": "7",
            "labelStatus": 2,
            "signType": "3",
            "totalProduct": "12",
            "totalWeight": 3.25,
            "postcode": 90001,
            "warehouseColour": "blue",
            "openItems": [{"productSku": "SKU-MUG-001", "qty": 2, "declareValue": "4.50",
                           "binLocation": "A-01"}],
            "openAttachments": [{"attachmentId": 77, "fileType": "PDF"}]
        });

        let order: OutboundOrder = serde_json::from_value(listed).unwrap();

        assert_eq!(order.order_type, Some(OrderKind::B2b));
        assert_eq!(
            order.order_no, "20250001",
            "a numeric order number is kept as text"
        );
        assert_eq!(
            order.status,
            Some(OutboundStatus::Other(7)),
            "an unknown status is kept"
        );
        assert_eq!(order.label_status, Some(LabelStatus::Created));
        assert_eq!(
            order.sign_type,
            Some(SignType::Adult),
            "a string code is accepted"
        );
        assert_eq!(order.total_product, Some(12));
        assert_eq!(order.total_weight, Some(Decimal::new(325, 2)));
        assert_eq!(order.postcode.as_deref(), Some("90001"));
        assert_eq!(
            order.extra["warehouseColour"], "blue",
            "unknown fields are kept"
        );
        assert_eq!(order.open_items[0].qty, Some(2));
        assert_eq!(order.open_items[0].extra["binLocation"], "A-01");
        assert_eq!(
            order.open_attachments[0].attachment_id.as_deref(),
            Some("77")
        );
    }

    #[test]
    fn a_b2c_order_writes_its_own_fields_and_no_b2b_instructions() {
        let order = B2cOrderCreate {
            reference_no: "SO-1001".to_owned(),
            inventory_type: Some(InventoryType::ReturnsFirst),
            details: Some(B2cDetails {
                sale_platform: Some("Amazon".to_owned()),
                ..B2cDetails::default()
            }),
            ..B2cOrderCreate::default()
        };

        let written = serde_json::to_value(&order).unwrap();

        assert_eq!(
            written["inventoryType"], "3",
            "inventoryType is sent as a string"
        );
        assert_eq!(written["b2cDto"]["salePlatform"], "Amazon");
        assert!(written.get("b2bDto").is_none(), "a B2C order has no b2bDto");
        assert_eq!(
            written["itemDTOs"],
            json!([]),
            "the documented lists are always written"
        );
    }

    #[test]
    fn a_downloaded_attachment_decodes_to_its_bytes() {
        let attachment = OpenAttachment {
            file_name: Some("bol.pdf".to_owned()),
            file_type: Some("PDF".to_owned()),
            base64: Some("JVBERi0xLjQgYm9s".to_owned()),
            ..OpenAttachment::default()
        };

        let file = attachment.to_file().unwrap();

        assert!(
            file.is_pdf(),
            "the decoded bytes must be the PDF: {:?}",
            file.bytes
        );
        assert_eq!(file.file_name.as_deref(), Some("bol.pdf"));
    }

    #[test]
    fn the_placeholder_sign_type_is_refused_once_a_signature_is_asked_for() {
        let mut order: B2bOrderCreate = serde_json::from_value(documented_b2b_create()).unwrap();
        order.is_sign = Some(YesNo::Yes);

        let mut check = Validator::new();
        order.validate(&mut check);

        assert!(
            check.errors().iter().any(|e| e.field == "signType"),
            "signType 0 must be refused when isSign is 1: {:?}",
            check.errors()
        );
    }
}
