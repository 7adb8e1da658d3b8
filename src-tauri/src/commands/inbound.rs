//! Inbound orders (入库单): list, create, update, cancel, and the box labels and SKU
//! barcodes saved to disk in Rust.

use oms_desk_core::files::{default_file_name, DownloadKind};
use oms_desk_core::{CommandError, DeskState, SaveTarget, SavedFile};
use tauri::{AppHandle, State};

use super::files::deliver;

use oms_api::bulk::{BulkResult, CancelRequest, LabelFileRequest, OrderCreated};
use oms_api::inbound::{
    InboundOrder, InboundOrderCreate, InboundOrderListRequest, InboundOrderUpdate,
};
use oms_api::Page;

/// 入库单列表: the inbound orders.
#[tauri::command]
#[specta::specta]
pub async fn list_inbound_orders(
    state: State<'_, DeskState>,
    request: InboundOrderListRequest,
) -> Result<Page<InboundOrder>, CommandError> {
    Ok(state.client().await?.list_inbound_orders(&request).await?)
}

/// 创建入库单 (草稿): creates an inbound order as a draft.
#[tauri::command]
#[specta::specta]
pub async fn create_inbound_order(
    state: State<'_, DeskState>,
    request: InboundOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.create_inbound_order(&request).await?)
}

/// 创建入库单 (审核): creates an inbound order and submits it.
#[tauri::command]
#[specta::specta]
pub async fn create_reviewed_inbound_order(
    state: State<'_, DeskState>,
    request: InboundOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_reviewed_inbound_order(&request)
        .await?)
}

/// 修改入库单: updates an inbound order.
#[tauri::command]
#[specta::specta]
pub async fn update_inbound_order(
    state: State<'_, DeskState>,
    request: InboundOrderUpdate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.update_inbound_order(&request).await?)
}

/// 取消入库单: cancels inbound orders.
#[tauri::command]
#[specta::specta]
pub async fn cancel_inbound_orders(
    state: State<'_, DeskState>,
    request: CancelRequest,
) -> Result<BulkResult, CommandError> {
    Ok(state
        .client()
        .await?
        .cancel_inbound_orders(&request)
        .await?)
}
/// 打印箱唛: downloads an inbound order's box labels and saves them
/// (`<orderNo>-box-labels-<size>.pdf`); `null` when the seller cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn download_box_labels(
    app: AppHandle,
    state: State<'_, DeskState>,
    request: LabelFileRequest,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let file = state.client().await?.download_box_labels(&request).await?;

    let name = default_file_name(
        DownloadKind::BoxLabels,
        &request.order_no,
        request.label_size,
    );
    deliver(&app, &state, &file, &name, target).await
}

/// 打印 SKU 条码: downloads an inbound order's SKU barcodes and saves them
/// (`<orderNo>-sku-barcodes-<size>.pdf`); `null` when the seller cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn download_sku_barcodes(
    app: AppHandle,
    state: State<'_, DeskState>,
    request: LabelFileRequest,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let file = state
        .client()
        .await?
        .download_sku_barcodes(&request)
        .await?;

    let name = default_file_name(
        DownloadKind::SkuBarcodes,
        &request.order_no,
        request.label_size,
    );
    deliver(&app, &state, &file, &name, target).await
}
