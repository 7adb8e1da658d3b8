//! Express labels (快递面单): channels, list, details, create, the review workflow, fees, and
//! the label file saved to disk in Rust.

use oms_desk_core::files::{default_file_name, DownloadKind};
use oms_desk_core::{CommandError, DeskState, SaveTarget, SavedFile};
use tauri::{AppHandle, State};

use super::files::deliver;

use oms_api::bulk::{BulkResult, OrderCreated};
use oms_api::common::{ShippingMethod, ShippingMethodListRequest};
use oms_api::label::{
    ExpressLabel, ExpressLabelCreate, ExpressLabelUpdate, FeeEstimate, LabelActionRequest,
    LabelActionResult, LabelFeeInfoRequest, LabelInfoRequest, LabelListRequest,
};
use oms_api::Page;

/// 面单渠道列表: the express-label channels.
#[tauri::command]
#[specta::specta]
pub async fn list_label_channels(
    state: State<'_, DeskState>,
    request: ShippingMethodListRequest,
) -> Result<Page<ShippingMethod>, CommandError> {
    Ok(state.client().await?.list_label_channels(&request).await?)
}

/// 面单列表: the express labels.
#[tauri::command]
#[specta::specta]
pub async fn list_express_labels(
    state: State<'_, DeskState>,
    request: LabelListRequest,
) -> Result<Page<ExpressLabel>, CommandError> {
    Ok(state.client().await?.list_express_labels(&request).await?)
}

/// 面单详情: one express label.
#[tauri::command]
#[specta::specta]
pub async fn get_express_label(
    state: State<'_, DeskState>,
    request: LabelInfoRequest,
) -> Result<ExpressLabel, CommandError> {
    Ok(state.client().await?.express_label_info(&request).await?)
}

/// 创建面单 (草稿): creates an express label as a draft.
#[tauri::command]
#[specta::specta]
pub async fn create_express_label(
    state: State<'_, DeskState>,
    request: ExpressLabelCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.create_express_label(&request).await?)
}

/// 创建面单 (审核): creates an express label and submits it.
#[tauri::command]
#[specta::specta]
pub async fn create_reviewed_express_label(
    state: State<'_, DeskState>,
    request: ExpressLabelCreate,
) -> Result<OrderCreated, CommandError> {
    Ok(state
        .client()
        .await?
        .create_reviewed_express_label(&request)
        .await?)
}

/// 修改面单: updates an express label.
#[tauri::command]
#[specta::specta]
pub async fn update_express_label(
    state: State<'_, DeskState>,
    request: ExpressLabelUpdate,
) -> Result<OrderCreated, CommandError> {
    Ok(state.client().await?.update_express_label(&request).await?)
}

/// 提交审核: submits express labels for review.
#[tauri::command]
#[specta::specta]
pub async fn submit_express_label_for_review(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state
        .client()
        .await?
        .submit_express_label_for_review(&request)
        .await?)
}

/// 取消面单: cancels express labels.
#[tauri::command]
#[specta::specta]
pub async fn cancel_express_labels(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<BulkResult, CommandError> {
    Ok(state
        .client()
        .await?
        .cancel_express_labels(&request)
        .await?)
}

/// 审核面单: reviews express labels.
#[tauri::command]
#[specta::specta]
pub async fn review_express_label(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state.client().await?.review_express_label(&request).await?)
}

/// 面单退款: refunds express labels.
#[tauri::command]
#[specta::specta]
pub async fn refund_express_label(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state.client().await?.refund_express_label(&request).await?)
}

/// 驳回面单: rejects express labels.
#[tauri::command]
#[specta::specta]
pub async fn reject_express_label(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state.client().await?.reject_express_label(&request).await?)
}

/// 激活面单: activates express labels.
#[tauri::command]
#[specta::specta]
pub async fn activate_express_label(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state
        .client()
        .await?
        .activate_express_label(&request)
        .await?)
}

/// 重试面单: retries express labels.
#[tauri::command]
#[specta::specta]
pub async fn retry_express_label(
    state: State<'_, DeskState>,
    request: LabelActionRequest,
) -> Result<LabelActionResult, CommandError> {
    Ok(state.client().await?.retry_express_label(&request).await?)
}

/// 运费试算: estimates the fee of a label.
#[tauri::command]
#[specta::specta]
pub async fn estimate_express_label_fee(
    state: State<'_, DeskState>,
    request: ExpressLabelCreate,
) -> Result<FeeEstimate, CommandError> {
    Ok(state
        .client()
        .await?
        .estimate_express_label_fee(&request)
        .await?)
}

/// 面单费用: the fee of an existing label.
#[tauri::command]
#[specta::specta]
pub async fn get_express_label_fee(
    state: State<'_, DeskState>,
    request: LabelFeeInfoRequest,
) -> Result<FeeEstimate, CommandError> {
    Ok(state
        .client()
        .await?
        .express_label_fee_info(&request)
        .await?)
}
/// 下载面单: downloads an express label's file and saves it (`<orderNo>-express-label.pdf`);
/// `null` when the seller cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn download_express_label(
    app: AppHandle,
    state: State<'_, DeskState>,
    order_no: String,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let file = state
        .client()
        .await?
        .download_express_label(&order_no)
        .await?;

    let name = default_file_name(DownloadKind::ExpressLabel, &order_no, None);
    deliver(&app, &state, &file, &name, target).await
}
