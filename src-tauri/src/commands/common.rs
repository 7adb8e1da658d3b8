//! Common data (基础数据): warehouses, shipping methods, categories, countries and the
//! return codes, each a one-call wrapper over `oms-api` with the active account.

use oms_desk_core::{CommandError, DeskState};
use tauri::State;

use oms_api::common::{
    Category, CategoryListRequest, Country, CountryListRequest, ShippingMethod,
    ShippingMethodListRequest, Warehouse, WarehouseListRequest,
};
use oms_api::public::ReturnCode;
use oms_api::Page;

/// 仓库列表: the warehouses of the active account.
#[tauri::command]
#[specta::specta]
pub async fn list_warehouses(
    state: State<'_, DeskState>,
    request: WarehouseListRequest,
) -> Result<Page<Warehouse>, CommandError> {
    Ok(state.client().await?.list_warehouses(&request).await?)
}

/// 物流渠道列表: the shipping methods.
#[tauri::command]
#[specta::specta]
pub async fn list_shipping_methods(
    state: State<'_, DeskState>,
    request: ShippingMethodListRequest,
) -> Result<Page<ShippingMethod>, CommandError> {
    Ok(state
        .client()
        .await?
        .list_shipping_methods(&request)
        .await?)
}

/// 品类列表: the product categories.
#[tauri::command]
#[specta::specta]
pub async fn list_categories(
    state: State<'_, DeskState>,
    request: CategoryListRequest,
) -> Result<Page<Category>, CommandError> {
    Ok(state.client().await?.list_categories(&request).await?)
}

/// 国家列表: the countries.
#[tauri::command]
#[specta::specta]
pub async fn list_countries(
    state: State<'_, DeskState>,
    request: CountryListRequest,
) -> Result<Page<Country>, CommandError> {
    Ok(state.client().await?.list_countries(&request).await?)
}
/// 返回码列表: the return codes the server documents.
#[tauri::command]
#[specta::specta]
pub async fn list_return_codes(
    state: State<'_, DeskState>,
) -> Result<Vec<ReturnCode>, CommandError> {
    Ok(state.client().await?.return_codes().await?)
}
