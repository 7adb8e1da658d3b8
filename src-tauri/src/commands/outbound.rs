//! Outbound orders (出库单), B2C and B2B: list, create, update, cancel, and attachments
//! uploaded from paths and saved to disk in Rust.

use oms_desk_core::files::{attachment_file_name, outbound_upload};
use oms_desk_core::{CommandError, DeskState, FileToUpload, SaveTarget, SavedFile};
use tauri::{AppHandle, State};

use super::files::deliver_all;

use oms_api::bulk::{BulkResult, CancelRequest, OrderCreated};
use oms_api::outbound::{
    B2bOrderCreate, B2bOrderUpdate, B2cOrderCreate, B2cOrderUpdate, DownloadAttachmentsRequest,
    OutboundListRequest, OutboundOrder, StoredAttachment,
};
use oms_api::Page;

/// B2C 出库单列表: the B2C outbound orders.
#[tauri::command]
#[specta::specta]
pub async fn list_b2c_orders(
    state: State<'_, DeskState>,
    request: OutboundListRequest,
) -> Result<Page<OutboundOrder>, CommandError> {
    Ok(state.client().await?.list_b2c_orders(&request).await?)
}

/// 创建 B2C 出库单 (草稿): creates a B2C order as a draft.
#[tauri::command]
#[specta::specta]
pub async fn create_b2c_order(
    state: State<'_, DeskState>,
    request: B2cOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.create_b2c_order(&request).await?)
}

/// 创建 B2C 出库单 (审核): creates a B2C order and submits it.
#[tauri::command]
#[specta::specta]
pub async fn create_reviewed_b2c_order(
    state: State<'_, DeskState>,
    request: B2cOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_reviewed_b2c_order(&request)
        .await?)
}

/// 修改 B2C 出库单: updates a B2C order.
#[tauri::command]
#[specta::specta]
pub async fn update_b2c_order(
    state: State<'_, DeskState>,
    request: B2cOrderUpdate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.update_b2c_order(&request).await?)
}

/// B2B 出库单列表: the B2B outbound orders.
#[tauri::command]
#[specta::specta]
pub async fn list_b2b_orders(
    state: State<'_, DeskState>,
    request: OutboundListRequest,
) -> Result<Page<OutboundOrder>, CommandError> {
    Ok(state.client().await?.list_b2b_orders(&request).await?)
}

/// 创建 B2B 出库单 (草稿): creates a B2B order as a draft.
#[tauri::command]
#[specta::specta]
pub async fn create_b2b_order(
    state: State<'_, DeskState>,
    request: B2bOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.create_b2b_order(&request).await?)
}

/// 创建 B2B 出库单 (审核): creates a B2B order and submits it.
#[tauri::command]
#[specta::specta]
pub async fn create_reviewed_b2b_order(
    state: State<'_, DeskState>,
    request: B2bOrderCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_reviewed_b2b_order(&request)
        .await?)
}

/// 修改 B2B 出库单: updates a B2B order.
#[tauri::command]
#[specta::specta]
pub async fn update_b2b_order(
    state: State<'_, DeskState>,
    request: B2bOrderUpdate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.update_b2b_order(&request).await?)
}

/// 取消出库单: cancels outbound orders.
#[tauri::command]
#[specta::specta]
pub async fn cancel_outbound_orders(
    state: State<'_, DeskState>,
    request: CancelRequest,
) -> Result<BulkResult, CommandError> {
    Ok(state
        .client()
        .await?
        .cancel_outbound_orders(&request)
        .await?)
}
/// 上传出库单附件: uploads files chosen on disk (read and encoded in Rust) to an outbound order.
#[tauri::command]
#[specta::specta]
pub async fn upload_outbound_attachments(
    state: State<'_, DeskState>,
    order_no: String,
    files: Vec<FileToUpload>,
) -> Result<Vec<StoredAttachment>, CommandError> {
    let request = outbound_upload(&order_no, &files)?;

    Ok(state
        .client()
        .await?
        .upload_outbound_attachments(&request)
        .await?)
}

/// 下载出库单附件: downloads an outbound order's attachments and saves each under its own
/// name; empty when the seller cancels the folder dialog.
#[tauri::command]
#[specta::specta]
pub async fn download_outbound_attachments(
    app: AppHandle,
    state: State<'_, DeskState>,
    request: DownloadAttachmentsRequest,
    target: SaveTarget,
) -> Result<Vec<SavedFile>, CommandError> {
    let attachments = state
        .client()
        .await?
        .download_outbound_attachments(&request)
        .await?;

    let mut files = Vec::with_capacity(attachments.len());
    for (index, attachment) in attachments.iter().enumerate() {
        let name = attachment_file_name(attachment, &request.order_no, index);
        files.push((name, attachment.to_file()?));
    }
    deliver_all(&app, &state, &files, target).await
}
