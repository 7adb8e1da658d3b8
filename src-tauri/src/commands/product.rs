//! Products (产品): list, create and update SKUs.

use oms_desk_core::{CommandError, DeskState};
use tauri::State;

use oms_api::product::{Product, ProductListRequest, ProductSaved};
use oms_api::Page;

/// 产品列表: the products.
#[tauri::command]
#[specta::specta]
pub async fn list_products(
    state: State<'_, DeskState>,
    request: ProductListRequest,
) -> Result<Page<Product>, CommandError> {
    Ok(state.client().await?.list_products(&request).await?)
}

/// 新增产品: creates a product.
#[tauri::command]
#[specta::specta]
pub async fn create_product(
    state: State<'_, DeskState>,
    request: Product,
) -> Result<ProductSaved, CommandError> {
    Ok(state.client().await?.create_product(&request).await?)
}

/// 修改产品: updates a product.
#[tauri::command]
#[specta::specta]
pub async fn update_product(
    state: State<'_, DeskState>,
    request: Product,
) -> Result<ProductSaved, CommandError> {
    Ok(state.client().await?.update_product(&request).await?)
}
