//! Common data (通用数据模块): warehouses, shipping channels, product categories and countries.
//! Every form picks its codes from these lists, so a seller never types a warehouse code by hand.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::code_enum;
use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::paged_request;
use crate::paging::{CommonParam, Page};
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra, YesNo};
use crate::Client;

code_enum! {
    /// `methodType` of a shipping channel.
    pub enum MethodType {
        /// A logistics channel for outbound orders.
        Logistics = 1 => ("物流渠道", "logistics channel"),
        /// An express-label channel.
        ExpressLabel = 2 => ("面单渠道", "express-label channel"),
    }
}

/// A country as the OMS nests it (`openCountry`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// ISO 3166 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code2: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A warehouse reference as nested in other answers (`openWarehouse`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseRef {
    /// The warehouse code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `warehouse_list` request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseListRequest {
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A warehouse.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Warehouse {
    /// The code used in every order.
    #[serde(default)]
    pub warehouse_code: String,
    /// Province or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_country: Option<Country>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `shipping_method_list` request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShippingMethodListRequest {
    /// Channels of this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Only this channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Logistics or express-label channels (sent as `"1"` / `"2"`).
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub method_type: Option<MethodType>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A shipping channel with what it supports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShippingMethod {
    /// Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The channel code used in orders.
    #[serde(default)]
    pub code: String,
    /// Logistics or express-label channel.
    #[serde(
        default,
        with = "wire::text_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub method_type: Option<MethodType>,
    /// Supports express labels.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_delivery: Option<YesNo>,
    /// Usable for outbound orders.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_order: Option<YesNo>,
    /// Usable for returns.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_return: Option<YesNo>,
    /// Usable for transfer (B2B) orders.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_transfer_order: Option<YesNo>,
    /// Offers signature on delivery.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_signature: Option<YesNo>,
    /// Offers insurance.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_insurance: Option<YesNo>,
    /// Allows splitting an order into parcels.
    #[serde(
        default,
        with = "wire::json_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub is_split_order: Option<YesNo>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The warehouse the channel ships from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_warehouse: Option<WarehouseRef>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `category_list` request (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CategoryListRequest {
    /// Name contains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A product category (inferred shape).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// The code used in `productCategoryCode`.
    #[serde(default)]
    pub code: String,
    /// Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The parent category, none for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_code: Option<String>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `country_list` request (inferred).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CountryListRequest {
    /// Only this ISO code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code2: Option<String>,
    /// Paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_param: Option<CommonParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

paged_request!(
    WarehouseListRequest,
    ShippingMethodListRequest,
    CategoryListRequest,
    CountryListRequest
);

impl Validate for WarehouseListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("warehouseCode", self.warehouse_code.as_deref(), 50);
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

impl Validate for ShippingMethodListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("warehouseCode", self.warehouse_code.as_deref(), 50);
        check.known_code("methodType", self.method_type.as_ref());
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

impl Validate for CategoryListRequest {
    fn validate(&self, check: &mut Validator) {
        check.max_len("name", self.name.as_deref(), 100);
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

impl Validate for CountryListRequest {
    fn validate(&self, check: &mut Validator) {
        check.country_code("code2", self.code2.as_deref());
        check.nested_opt("commonParam", self.common_param.as_ref());
    }
}

impl Client {
    /// 仓库列表: the warehouses of the account.
    pub async fn list_warehouses(&self, request: &WarehouseListRequest) -> Result<Page<Warehouse>> {
        self.call(EndpointId::WarehouseList, request).await
    }

    /// 物流渠道列表: shipping and express-label channels.
    pub async fn list_shipping_methods(
        &self,
        request: &ShippingMethodListRequest,
    ) -> Result<Page<ShippingMethod>> {
        self.call(EndpointId::ShippingMethodList, request).await
    }

    /// 查询产品分类: the product category tree, flattened (inferred endpoint).
    pub async fn list_categories(&self, request: &CategoryListRequest) -> Result<Page<Category>> {
        self.call(EndpointId::CategoryList, request).await
    }

    /// 国家列表: countries with Chinese and English names (inferred endpoint).
    pub async fn list_countries(&self, request: &CountryListRequest) -> Result<Page<Country>> {
        self.call(EndpointId::CountryList, request).await
    }
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::WarehouseList => json(client.list_warehouses(&parse(body)?).await?)?,
        EndpointId::ShippingMethodList => json(client.list_shipping_methods(&parse(body)?).await?)?,
        EndpointId::CategoryList => json(client.list_categories(&parse(body)?).await?)?,
        EndpointId::CountryList => json(client.list_countries(&parse(body)?).await?)?,
        _ => return Ok(None),
    }))
}
