//! Return orders (退货单): list, create, update and cancel.

use oms_desk_core::{CommandError, DeskState};
use tauri::State;

use oms_api::bulk::{BulkResult, CancelRequest, OrderCreated};
use oms_api::returns::{ReturnListRequest, ReturnOrder, ReturnOrderCreate, ReturnOrderUpdate};
use oms_api::Page;

/// 退货单列表: the return orders.
#[tauri::command]
#[specta::specta]
pub async fn list_return_orders(
    state: State<'_, DeskState>,
    request: ReturnListRequest,
) -> Result<Page<ReturnOrder>, CommandError> {
    Ok(state.client().await?.list_return_orders(&request).await?)
}

/// 创建退货单 (草稿): creates a return order as a draft.
#[tauri::command]
#[specta::specta]
pub async fn create_return_order(
    state: State<'_, DeskState>,
    request: ReturnOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.create_return_order(&request).await?)
}

/// 创建退货单 (审核): creates a return order and submits it.
#[tauri::command]
#[specta::specta]
pub async fn create_reviewed_return_order(
    state: State<'_, DeskState>,
    request: ReturnOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_reviewed_return_order(&request)
        .await?)
}

/// 修改退货单: updates a return order.
#[tauri::command]
#[specta::specta]
pub async fn update_return_order(
    state: State<'_, DeskState>,
    request: ReturnOrderUpdate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.update_return_order(&request).await?)
}

/// 取消退货单: cancels return orders.
#[tauri::command]
#[specta::specta]
pub async fn cancel_return_orders(
    state: State<'_, DeskState>,
    request: CancelRequest,
) -> Result<BulkResult, CommandError> {
    Ok(state.client().await?.cancel_return_orders(&request).await?)
}
