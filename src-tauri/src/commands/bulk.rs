//! Bulk work (批量导入): a spreadsheet checked row by row, sent as a batch run in the background,
//! its progress as the typed `batch-progress` event, pause / resume / cancel, the run history and
//! the files around it (templates, errors copy, result file). The logic is in
//! `oms_desk_core::bulk`; each command is one call into it.
//!
//! Runs the app was closed in the middle of are listed as `interrupted` and are sent again only
//! when the seller presses resume (`resume_run`); nothing is sent at start on its own.

use std::path::Path;
use std::sync::Arc;

use oms_desk_core::bulk::{template_file, FileFormat, ImportKind, Language, RunId};
use oms_desk_core::{
    CommandError, DeskState, ImportCheck, ProgressListener, RunOptions, RunProgress, RunRow,
    RunSummary, SaveTarget, SavedFile,
};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

use super::files::deliver_bytes;

/// A run's progress, emitted as `batch-progress` at most every 200 ms while it sends, and always
/// on pause, resume and at its end.
#[derive(Clone, Debug, Serialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct BatchProgress(pub RunProgress);

/// Emits each progress of a run to the window.
fn emit_progress(app: AppHandle) -> ProgressListener {
    Arc::new(move |progress: &RunProgress| {
        if let Err(error) = BatchProgress(progress.clone()).emit(&app) {
            tracing::warn!(%error, "a batch-progress event could not be sent");
        }
    })
}

/// Reads and checks a spreadsheet of `kind`; sends nothing. Problems by row and column.
#[tauri::command]
#[specta::specta]
pub async fn check_import(
    state: State<'_, DeskState>,
    kind: ImportKind,
    path: String,
) -> Result<ImportCheck, CommandError> {
    state.check_import(kind, Path::new(&path))
}

/// Opens a file dialog for a CSV or XLSX spreadsheet; `null` when the seller cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_file(app: AppHandle) -> Result<Option<String>, CommandError> {
    let (chosen, picked) = tokio::sync::oneshot::channel();

    app.dialog()
        .file()
        .add_filter("CSV / Excel", &["csv", "xlsx"])
        .pick_file(move |path| {
            let _ = chosen.send(path);
        });

    let path = picked.await.ok().flatten().and_then(|p| p.into_path().ok());
    Ok(path.map(|p| p.display().to_string()))
}

/// Saves the template of `kind` (`platform-orders-template-zh.xlsx`) where `target` says; `null`
/// when the seller cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn save_import_template(
    app: AppHandle,
    state: State<'_, DeskState>,
    kind: ImportKind,
    language: Language,
    format: FileFormat,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let (name, bytes) = template_file(kind, language, format);

    deliver_bytes(&app, &state, &bytes, &name, target).await
}

/// Writes a copy of the spreadsheet beside it (`orders.errors.csv`) with each row's problems
/// in an extra `错误 / Errors` column.
#[tauri::command]
#[specta::specta]
pub async fn save_errors_copy(
    state: State<'_, DeskState>,
    kind: ImportKind,
    path: String,
) -> Result<SavedFile, CommandError> {
    state.save_errors_copy(kind, Path::new(&path))
}

/// Checks the spreadsheet again and, when every row is valid, sends it as a new batch run in
/// the background; returns the run's id at once. Refused with a field per problem otherwise.
#[tauri::command]
#[specta::specta]
pub async fn start_import_run(
    app: AppHandle,
    state: State<'_, DeskState>,
    kind: ImportKind,
    path: String,
    options: RunOptions,
) -> Result<RunId, CommandError> {
    state
        .start_import_run(kind, Path::new(&path), options, emit_progress(app))
        .await
}

/// Pauses a run being sent (requests on the wire finish).
#[tauri::command]
#[specta::specta]
pub async fn pause_run(state: State<'_, DeskState>, run_id: RunId) -> Result<(), CommandError> {
    state.pause_run(run_id)
}

/// Resumes a paused run, or one interrupted by closing the app (only ever on the seller's
/// request).
#[tauri::command]
#[specta::specta]
pub async fn resume_run(
    app: AppHandle,
    state: State<'_, DeskState>,
    run_id: RunId,
) -> Result<(), CommandError> {
    state.resume_run(run_id, emit_progress(app)).await
}

/// Cancels a run for good; rows not sent stay unsent.
#[tauri::command]
#[specta::specta]
pub async fn cancel_run(state: State<'_, DeskState>, run_id: RunId) -> Result<(), CommandError> {
    state.cancel_run(run_id)
}

/// The batch history, newest first; runs stopped by closing the app are `interrupted`.
#[tauri::command]
#[specta::specta]
pub async fn list_runs(state: State<'_, DeskState>) -> Result<Vec<RunSummary>, CommandError> {
    state.list_runs()
}

/// Every row of a run: reference, state, order number or errors.
#[tauri::command]
#[specta::specta]
pub async fn run_entries(
    state: State<'_, DeskState>,
    run_id: RunId,
) -> Result<Vec<RunRow>, CommandError> {
    state.run_entries(run_id)
}

/// Saves the run's result CSV (`run-<id>-result.csv`) where `target` says; `null` when the
/// seller cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn save_run_result(
    app: AppHandle,
    state: State<'_, DeskState>,
    run_id: RunId,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let (name, bytes) = state.run_result_file(run_id)?;

    deliver_bytes(&app, &state, &bytes, &name, target).await
}
