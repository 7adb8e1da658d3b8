//! The one table of OMS endpoints: id, module, method, path, how sure we are of it, and whether
//! it only reads (safe to retry) or writes (never retried blindly).
//!
//! Every path is written here and nowhere else. Many paths are inferred from the vendor's
//! conventions (SPEC.md marks them); when the vendor confirms or corrects one, the fix is a single
//! line in this table.

use std::fmt;
use std::str::FromStr;

/// The OMS module an endpoint belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    /// 公共模块
    Public,
    /// 通用数据模块
    Common,
    /// 产品模块
    Product,
    /// 入库单模块
    Inbound,
    /// 出库单模块
    Outbound,
    /// 退件模块
    Return,
    /// 库存模块
    Inventory,
    /// 快递面单模块
    Label,
    /// 电商平台模块
    Platform,
}

impl Module {
    /// The module's name as `endpoints.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Common => "common",
            Self::Product => "product",
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
            Self::Return => "return",
            Self::Inventory => "inventory",
            Self::Label => "label",
            Self::Platform => "platform",
        }
    }
}

/// HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`, for the public module.
    Get,
    /// `POST` with a JSON body, for every business call.
    Post,
}

impl Method {
    /// `GET` or `POST`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
}

/// Where our knowledge of an endpoint comes from (SPEC.md's marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// Read in the vendor documentation.
    Doc,
    /// Seen in a third-party integration.
    Client,
    /// Our own inference from the vendor's conventions; the real server may differ.
    Inferred,
}

impl Source {
    /// `doc`, `client` or `inferred`, as `endpoints.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Doc => "doc",
            Self::Client => "client",
            Self::Inferred => "inferred",
        }
    }
}

/// Whether a call only reads or changes something at the warehouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Lists, details, downloads, estimates: retried on transient failures.
    Read,
    /// Creates, updates, cancels and state changes: never retried once the request may have
    /// reached the server.
    Write,
}

/// One endpoint of the OMS open API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// Stable id, as in `endpoints.json`.
    pub id: EndpointId,
    /// The module.
    pub module: Module,
    /// HTTP method.
    pub method: Method,
    /// Path relative to the host.
    pub path: &'static str,
    /// How sure we are of the path and fields.
    pub source: Source,
    /// Read or write, for the retry policy.
    pub effect: Effect,
    /// Chinese title from the vendor documentation.
    pub title_zh: &'static str,
    /// English title.
    pub title_en: &'static str,
}

/// Every endpoint id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EndpointId {
    /// `welcome`: Welcome / token check
    Welcome,
    /// `return_codes`: Return codes
    ReturnCodes,
    /// `sandbox_token`: Sandbox API token
    SandboxToken,
    /// `warehouse_list`: Warehouses
    WarehouseList,
    /// `shipping_method_list`: Shipping channels
    ShippingMethodList,
    /// `category_list`: Product categories
    CategoryList,
    /// `country_list`: Countries
    CountryList,
    /// `product_list`: Products
    ProductList,
    /// `product_create`: Create product
    ProductCreate,
    /// `product_update`: Update product
    ProductUpdate,
    /// `inbound_list`: Inbound orders
    InboundList,
    /// `inbound_create`: Create inbound order
    InboundCreate,
    /// `inbound_create_reviewed`: Create reviewed inbound order
    InboundCreateReviewed,
    /// `inbound_update`: Update inbound order
    InboundUpdate,
    /// `inbound_cancel`: Cancel inbound orders
    InboundCancel,
    /// `inbound_box_labels`: Download box labels
    InboundBoxLabels,
    /// `inbound_sku_barcodes`: Download SKU barcodes
    InboundSkuBarcodes,
    /// `b2c_list`: B2C orders
    B2cList,
    /// `b2c_create`: Create B2C order
    B2cCreate,
    /// `b2c_create_reviewed`: Create reviewed B2C order
    B2cCreateReviewed,
    /// `b2c_update`: Update B2C order
    B2cUpdate,
    /// `b2b_list`: B2B orders
    B2bList,
    /// `b2b_create`: Create B2B order
    B2bCreate,
    /// `b2b_create_reviewed`: Create reviewed B2B order
    B2bCreateReviewed,
    /// `b2b_update`: Update B2B order
    B2bUpdate,
    /// `outbound_upload_attachment`: Upload attachments
    OutboundUploadAttachment,
    /// `outbound_download_attachment`: Download attachments
    OutboundDownloadAttachment,
    /// `outbound_cancel`: Cancel outbound orders
    OutboundCancel,
    /// `return_list`: Return orders
    ReturnList,
    /// `return_create`: Create return order
    ReturnCreate,
    /// `return_create_reviewed`: Create reviewed return order
    ReturnCreateReviewed,
    /// `return_update`: Update return order
    ReturnUpdate,
    /// `return_cancel`: Cancel return orders
    ReturnCancel,
    /// `inventory_list`: Stock
    InventoryList,
    /// `inventory_record_list`: Stock movements
    InventoryRecordList,
    /// `inventory_age_list`: Stock age
    InventoryAgeList,
    /// `label_channel_list`: Label channels
    LabelChannelList,
    /// `label_list`: Express labels
    LabelList,
    /// `label_info`: Express label detail
    LabelInfo,
    /// `label_create`: Create express label
    LabelCreate,
    /// `label_create_reviewed`: Create and review express label
    LabelCreateReviewed,
    /// `label_update`: Update express label
    LabelUpdate,
    /// `label_submit_review`: Submit label for review
    LabelSubmitReview,
    /// `label_cancel`: Cancel express labels
    LabelCancel,
    /// `label_review`: Review express label
    LabelReview,
    /// `label_refund`: Refund express label
    LabelRefund,
    /// `label_reject`: Reject express label
    LabelReject,
    /// `label_activate`: Reactivate express label
    LabelActivate,
    /// `label_retry`: Retry label creation
    LabelRetry,
    /// `label_fee_trial`: Estimate label fee
    LabelFeeTrial,
    /// `label_fee_info`: Label fee detail
    LabelFeeInfo,
    /// `platform_order_create`: Create platform order
    PlatformOrderCreate,
    /// `platform_order_create_batch`: Create platform orders in bulk
    PlatformOrderCreateBatch,
    /// `platform_upload_attachment`: Upload platform-order attachments
    PlatformUploadAttachment,
    /// `platform_store_create`: Create store
    PlatformStoreCreate,
}

impl EndpointId {
    /// The id as `endpoints.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Welcome => "welcome",
            Self::ReturnCodes => "return_codes",
            Self::SandboxToken => "sandbox_token",
            Self::WarehouseList => "warehouse_list",
            Self::ShippingMethodList => "shipping_method_list",
            Self::CategoryList => "category_list",
            Self::CountryList => "country_list",
            Self::ProductList => "product_list",
            Self::ProductCreate => "product_create",
            Self::ProductUpdate => "product_update",
            Self::InboundList => "inbound_list",
            Self::InboundCreate => "inbound_create",
            Self::InboundCreateReviewed => "inbound_create_reviewed",
            Self::InboundUpdate => "inbound_update",
            Self::InboundCancel => "inbound_cancel",
            Self::InboundBoxLabels => "inbound_box_labels",
            Self::InboundSkuBarcodes => "inbound_sku_barcodes",
            Self::B2cList => "b2c_list",
            Self::B2cCreate => "b2c_create",
            Self::B2cCreateReviewed => "b2c_create_reviewed",
            Self::B2cUpdate => "b2c_update",
            Self::B2bList => "b2b_list",
            Self::B2bCreate => "b2b_create",
            Self::B2bCreateReviewed => "b2b_create_reviewed",
            Self::B2bUpdate => "b2b_update",
            Self::OutboundUploadAttachment => "outbound_upload_attachment",
            Self::OutboundDownloadAttachment => "outbound_download_attachment",
            Self::OutboundCancel => "outbound_cancel",
            Self::ReturnList => "return_list",
            Self::ReturnCreate => "return_create",
            Self::ReturnCreateReviewed => "return_create_reviewed",
            Self::ReturnUpdate => "return_update",
            Self::ReturnCancel => "return_cancel",
            Self::InventoryList => "inventory_list",
            Self::InventoryRecordList => "inventory_record_list",
            Self::InventoryAgeList => "inventory_age_list",
            Self::LabelChannelList => "label_channel_list",
            Self::LabelList => "label_list",
            Self::LabelInfo => "label_info",
            Self::LabelCreate => "label_create",
            Self::LabelCreateReviewed => "label_create_reviewed",
            Self::LabelUpdate => "label_update",
            Self::LabelSubmitReview => "label_submit_review",
            Self::LabelCancel => "label_cancel",
            Self::LabelReview => "label_review",
            Self::LabelRefund => "label_refund",
            Self::LabelReject => "label_reject",
            Self::LabelActivate => "label_activate",
            Self::LabelRetry => "label_retry",
            Self::LabelFeeTrial => "label_fee_trial",
            Self::LabelFeeInfo => "label_fee_info",
            Self::PlatformOrderCreate => "platform_order_create",
            Self::PlatformOrderCreateBatch => "platform_order_create_batch",
            Self::PlatformUploadAttachment => "platform_upload_attachment",
            Self::PlatformStoreCreate => "platform_store_create",
        }
    }

    /// The endpoint's row in [`ENDPOINTS`].
    pub fn endpoint(self) -> &'static Endpoint {
        ENDPOINTS
            .iter()
            .find(|endpoint| endpoint.id == self)
            .expect("every id has a row in ENDPOINTS")
    }
}

impl fmt::Display for EndpointId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An id that is not in the table.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown endpoint id `{0}` (run `oms endpoints` for the list)")]
pub struct UnknownEndpoint(pub String);

impl FromStr for EndpointId {
    type Err = UnknownEndpoint;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ENDPOINTS
            .iter()
            .map(|endpoint| endpoint.id)
            .find(|id| id.as_str() == text)
            .ok_or_else(|| UnknownEndpoint(text.to_owned()))
    }
}

/// The catalogue, in the order of `endpoints.json`.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        id: EndpointId::Welcome,
        module: Module::Public,
        method: Method::Get,
        path: "/open",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "欢迎入口",
        title_en: "Welcome / token check",
    },
    Endpoint {
        id: EndpointId::ReturnCodes,
        module: Module::Public,
        method: Method::Get,
        path: "/open/open/codes",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "返回代码",
        title_en: "Return codes",
    },
    Endpoint {
        id: EndpointId::SandboxToken,
        module: Module::Public,
        method: Method::Get,
        path: "/open/open/api-token",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "沙盒ApiToken生成",
        title_en: "Sandbox API token",
    },
    Endpoint {
        id: EndpointId::WarehouseList,
        module: Module::Common,
        method: Method::Post,
        path: "/open/common-data/warehouse-list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "仓库列表",
        title_en: "Warehouses",
    },
    Endpoint {
        id: EndpointId::ShippingMethodList,
        module: Module::Common,
        method: Method::Post,
        path: "/open/common-data/shipping-method-list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "物流渠道列表",
        title_en: "Shipping channels",
    },
    Endpoint {
        id: EndpointId::CategoryList,
        module: Module::Common,
        method: Method::Post,
        path: "/open/common-data/category-list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "查询产品分类",
        title_en: "Product categories",
    },
    Endpoint {
        id: EndpointId::CountryList,
        module: Module::Common,
        method: Method::Post,
        path: "/open/common-data/country-list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "国家列表",
        title_en: "Countries",
    },
    Endpoint {
        id: EndpointId::ProductList,
        module: Module::Product,
        method: Method::Post,
        path: "/open/product-data/list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "产品列表",
        title_en: "Products",
    },
    Endpoint {
        id: EndpointId::ProductCreate,
        module: Module::Product,
        method: Method::Post,
        path: "/open/product-data/create",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "创建产品",
        title_en: "Create product",
    },
    Endpoint {
        id: EndpointId::ProductUpdate,
        module: Module::Product,
        method: Method::Post,
        path: "/open/product-data/update",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "修改产品",
        title_en: "Update product",
    },
    Endpoint {
        id: EndpointId::InboundList,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "入库单列表",
        title_en: "Inbound orders",
    },
    Endpoint {
        id: EndpointId::InboundCreate,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/create",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "创建入库单",
        title_en: "Create inbound order",
    },
    Endpoint {
        id: EndpointId::InboundCreateReviewed,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/create-review",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "创建已审核入库单",
        title_en: "Create reviewed inbound order",
    },
    Endpoint {
        id: EndpointId::InboundUpdate,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/update",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "修改入库单",
        title_en: "Update inbound order",
    },
    Endpoint {
        id: EndpointId::InboundCancel,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/cancel",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "取消入库单",
        title_en: "Cancel inbound orders",
    },
    Endpoint {
        id: EndpointId::InboundBoxLabels,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/box-label",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "下载箱唛",
        title_en: "Download box labels",
    },
    Endpoint {
        id: EndpointId::InboundSkuBarcodes,
        module: Module::Inbound,
        method: Method::Post,
        path: "/open/asn-order-data/sku-barcode",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "下载关联SKU条码",
        title_en: "Download SKU barcodes",
    },
    Endpoint {
        id: EndpointId::B2cList,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2c/list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "B2C订单列表",
        title_en: "B2C orders",
    },
    Endpoint {
        id: EndpointId::B2cCreate,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2c/create",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "创建B2C订单",
        title_en: "Create B2C order",
    },
    Endpoint {
        id: EndpointId::B2cCreateReviewed,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2c/create-review",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "创建已审核B2C订单",
        title_en: "Create reviewed B2C order",
    },
    Endpoint {
        id: EndpointId::B2cUpdate,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2c/update",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "修改B2C订单",
        title_en: "Update B2C order",
    },
    Endpoint {
        id: EndpointId::B2bList,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2b/list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "B2B订单列表",
        title_en: "B2B orders",
    },
    Endpoint {
        id: EndpointId::B2bCreate,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2b/create",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "创建B2B订单",
        title_en: "Create B2B order",
    },
    Endpoint {
        id: EndpointId::B2bCreateReviewed,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2b/create-review",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "创建已审核B2B订单",
        title_en: "Create reviewed B2B order",
    },
    Endpoint {
        id: EndpointId::B2bUpdate,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/b2b/update",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "修改B2B订单",
        title_en: "Update B2B order",
    },
    Endpoint {
        id: EndpointId::OutboundUploadAttachment,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/upload-attachment",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "上传附件",
        title_en: "Upload attachments",
    },
    Endpoint {
        id: EndpointId::OutboundDownloadAttachment,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/download-attachment",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "下载附件",
        title_en: "Download attachments",
    },
    Endpoint {
        id: EndpointId::OutboundCancel,
        module: Module::Outbound,
        method: Method::Post,
        path: "/open/outbound-order-data/cancel",
        source: Source::Client,
        effect: Effect::Write,
        title_zh: "取消出库单",
        title_en: "Cancel outbound orders",
    },
    Endpoint {
        id: EndpointId::ReturnList,
        module: Module::Return,
        method: Method::Post,
        path: "/open/return-order-data/list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "退件单列表",
        title_en: "Return orders",
    },
    Endpoint {
        id: EndpointId::ReturnCreate,
        module: Module::Return,
        method: Method::Post,
        path: "/open/return-order-data/create",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "创建退件单",
        title_en: "Create return order",
    },
    Endpoint {
        id: EndpointId::ReturnCreateReviewed,
        module: Module::Return,
        method: Method::Post,
        path: "/open/return-order-data/create-review",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "创建已审核退件单",
        title_en: "Create reviewed return order",
    },
    Endpoint {
        id: EndpointId::ReturnUpdate,
        module: Module::Return,
        method: Method::Post,
        path: "/open/return-order-data/update",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "修改退件单",
        title_en: "Update return order",
    },
    Endpoint {
        id: EndpointId::ReturnCancel,
        module: Module::Return,
        method: Method::Post,
        path: "/open/return-order-data/cancel",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "取消退件单",
        title_en: "Cancel return orders",
    },
    Endpoint {
        id: EndpointId::InventoryList,
        module: Module::Inventory,
        method: Method::Post,
        path: "/open/inventory-data/list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "库存列表",
        title_en: "Stock",
    },
    Endpoint {
        id: EndpointId::InventoryRecordList,
        module: Module::Inventory,
        method: Method::Post,
        path: "/open/inventory-data/record-list",
        source: Source::Client,
        effect: Effect::Read,
        title_zh: "库存流水列表",
        title_en: "Stock movements",
    },
    Endpoint {
        id: EndpointId::InventoryAgeList,
        module: Module::Inventory,
        method: Method::Post,
        path: "/open/inventory-data/age-list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "库龄列表",
        title_en: "Stock age",
    },
    Endpoint {
        id: EndpointId::LabelChannelList,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/channel-list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "面单物流渠道列表",
        title_en: "Label channels",
    },
    Endpoint {
        id: EndpointId::LabelList,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/list",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "面单列表",
        title_en: "Express labels",
    },
    Endpoint {
        id: EndpointId::LabelInfo,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/info",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "面单信息",
        title_en: "Express label detail",
    },
    Endpoint {
        id: EndpointId::LabelCreate,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/create",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "创建面单",
        title_en: "Create express label",
    },
    Endpoint {
        id: EndpointId::LabelCreateReviewed,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/create-review",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "创建并审核面单",
        title_en: "Create and review express label",
    },
    Endpoint {
        id: EndpointId::LabelUpdate,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/update",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "修改面单",
        title_en: "Update express label",
    },
    Endpoint {
        id: EndpointId::LabelSubmitReview,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/submit-review",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "提交审核面单",
        title_en: "Submit label for review",
    },
    Endpoint {
        id: EndpointId::LabelCancel,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/cancel",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "取消面单",
        title_en: "Cancel express labels",
    },
    Endpoint {
        id: EndpointId::LabelReview,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/review",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "审核面单",
        title_en: "Review express label",
    },
    Endpoint {
        id: EndpointId::LabelRefund,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/refund",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "面单退款",
        title_en: "Refund express label",
    },
    Endpoint {
        id: EndpointId::LabelReject,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/reject",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "驳回面单",
        title_en: "Reject express label",
    },
    Endpoint {
        id: EndpointId::LabelActivate,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/activate",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "激活面单",
        title_en: "Reactivate express label",
    },
    Endpoint {
        id: EndpointId::LabelRetry,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/retry",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "重试制单",
        title_en: "Retry label creation",
    },
    Endpoint {
        id: EndpointId::LabelFeeTrial,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/fee-trial",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "费用试算",
        title_en: "Estimate label fee",
    },
    Endpoint {
        id: EndpointId::LabelFeeInfo,
        module: Module::Label,
        method: Method::Post,
        path: "/open/label-data/fee-info",
        source: Source::Inferred,
        effect: Effect::Read,
        title_zh: "查看费用信息",
        title_en: "Label fee detail",
    },
    Endpoint {
        id: EndpointId::PlatformOrderCreate,
        module: Module::Platform,
        method: Method::Post,
        path: "/open/platform-order/create",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "创建电商平台订单",
        title_en: "Create platform order",
    },
    Endpoint {
        id: EndpointId::PlatformOrderCreateBatch,
        module: Module::Platform,
        method: Method::Post,
        path: "/open/platform-order/create-batch",
        source: Source::Doc,
        effect: Effect::Write,
        title_zh: "批量创建电商平台订单",
        title_en: "Create platform orders in bulk",
    },
    Endpoint {
        id: EndpointId::PlatformUploadAttachment,
        module: Module::Platform,
        method: Method::Post,
        path: "/open/platform-order/upload-attachment",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "上传附件",
        title_en: "Upload platform-order attachments",
    },
    Endpoint {
        id: EndpointId::PlatformStoreCreate,
        module: Module::Platform,
        method: Method::Post,
        path: "/open/platform-store/create",
        source: Source::Inferred,
        effect: Effect::Write,
        title_zh: "创建店铺",
        title_en: "Create store",
    },
];
