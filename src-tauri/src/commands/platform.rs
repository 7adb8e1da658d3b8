//! Platform orders (平台订单): single and batch creation, attachments uploaded from paths,
//! and stores.

use oms_desk_core::files::platform_upload;
use oms_desk_core::{CommandError, DeskState, FileToUpload};
use tauri::State;

use oms_api::bulk::BulkResult;
use oms_api::platform::{
    PlatformOrderBatch, PlatformOrderCreate, PlatformStoreCreate, StoreCreated,
};

/// 创建平台订单: creates a platform order; returns its number.
#[tauri::command]
#[specta::specta]
pub async fn create_platform_order(
    state: State<'_, DeskState>,
    request: PlatformOrderCreate,
) -> Result<String, CommandError> {
    Ok(state
        .client()
        .await?
        .create_platform_order(&request)
        .await?)
}

/// 批量创建平台订单: creates platform orders in one call.
#[tauri::command]
#[specta::specta]
pub async fn create_platform_orders(
    state: State<'_, DeskState>,
    request: PlatformOrderBatch,
) -> Result<BulkResult, CommandError> {
    Ok(state
        .client()
        .await?
        .create_platform_orders(&request)
        .await?)
}

/// 创建店铺: registers a marketplace store.
#[tauri::command]
#[specta::specta]
pub async fn create_platform_store(
    state: State<'_, DeskState>,
    request: PlatformStoreCreate,
) -> Result<StoreCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_platform_store(&request)
        .await?)
}
/// 上传平台订单附件: uploads files chosen on disk (read and encoded in Rust) to a platform order.
#[tauri::command]
#[specta::specta]
pub async fn upload_platform_attachments(
    state: State<'_, DeskState>,
    platform_order_no: String,
    files: Vec<FileToUpload>,
) -> Result<String, CommandError> {
    let request = platform_upload(&platform_order_no, &files)?;

    Ok(state
        .client()
        .await?
        .upload_platform_attachments(&request)
        .await?)
}
