//! Inventory (库存): stock, stock movements and stock age.

use oms_desk_core::{CommandError, DeskState};
use tauri::State;

use oms_api::inventory::{InventoryListRequest, StockAgeRow, StockMovement, StockRow};
use oms_api::Page;

/// 库存列表: the stock per SKU and warehouse.
#[tauri::command]
#[specta::specta]
pub async fn list_stock(
    state: State<'_, DeskState>,
    request: InventoryListRequest,
) -> Result<Page<StockRow>, CommandError> {
    Ok(state.client().await?.list_stock(&request).await?)
}

/// 库存流水: the stock movements.
#[tauri::command]
#[specta::specta]
pub async fn list_stock_movements(
    state: State<'_, DeskState>,
    request: InventoryListRequest,
) -> Result<Page<StockMovement>, CommandError> {
    Ok(state.client().await?.list_stock_movements(&request).await?)
}

/// 库龄列表: the stock age.
#[tauri::command]
#[specta::specta]
pub async fn list_stock_age(
    state: State<'_, DeskState>,
    request: InventoryListRequest,
) -> Result<Page<StockAgeRow>, CommandError> {
    Ok(state.client().await?.list_stock_age(&request).await?)
}
