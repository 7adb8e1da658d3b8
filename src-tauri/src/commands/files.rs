//! Files between the seller's disk and the OMS. Downloads are saved by Rust (through a save
//! dialog that starts in the account's download folder with a telling name, or straight into
//! that folder), uploads are read by Rust from paths chosen in an open dialog, and only files
//! the app saved can be opened from the UI: the page never touches file bytes or arbitrary paths.

use std::path::{Path, PathBuf};

use oms_api::DownloadedFile;
use oms_desk_core::{CommandError, DeskState, SaveTarget, SavedFile};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// Opens a file dialog for the files to upload and returns the chosen paths (empty when the
/// seller cancels).
#[tauri::command]
#[specta::specta]
pub async fn choose_upload_files(app: AppHandle) -> Result<Vec<String>, CommandError> {
    let (chosen, picked) = tokio::sync::oneshot::channel();

    app.dialog().file().pick_files(move |paths| {
        let _ = chosen.send(paths);
    });

    let paths = picked.await.ok().flatten().unwrap_or_default();
    Ok(paths
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

/// Opens a file this app saved in this session with the system's default program.
#[tauri::command]
#[specta::specta]
pub async fn open_saved_file(
    app: AppHandle,
    state: State<'_, DeskState>,
    path: String,
) -> Result<(), CommandError> {
    if !state.was_saved(Path::new(&path)) {
        return Err(CommandError::field(
            "path",
            "只能打开本程序保存的文件",
            "only files saved by OMS Desk can be opened",
        ));
    }

    app.opener().open_path(&path, None::<&str>).map_err(|e| {
        CommandError::new(
            "openFailed",
            format!("无法打开文件：{e}"),
            format!("cannot open the file: {e}"),
        )
    })
}

/// Saves one downloaded file where `target` says; `None` when the seller cancels the dialog.
pub(crate) async fn deliver(
    app: &AppHandle,
    state: &DeskState,
    file: &DownloadedFile,
    name: &str,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    deliver_bytes(app, state, &file.bytes, name, target).await
}

/// Saves a file the app made (a template, a run's result) where `target` says; `None` when the
/// seller cancels the dialog.
pub(crate) async fn deliver_bytes(
    app: &AppHandle,
    state: &DeskState,
    bytes: &[u8],
    name: &str,
    target: SaveTarget,
) -> Result<Option<SavedFile>, CommandError> {
    let folder = state.download_folder().await?;

    let path = match target {
        SaveTarget::DefaultFolder => folder.join(name),
        SaveTarget::Ask => match ask_save_path(app, &folder, name).await {
            Some(path) => path,
            None => return Ok(None),
        },
    };

    state.save_file(bytes, &path).map(Some)
}

/// Saves several downloaded files, each under its name, into one folder; empty when the seller
/// cancels the folder dialog.
pub(crate) async fn deliver_all(
    app: &AppHandle,
    state: &DeskState,
    files: &[(String, DownloadedFile)],
    target: SaveTarget,
) -> Result<Vec<SavedFile>, CommandError> {
    let default_folder = state.download_folder().await?;

    let folder = match target {
        SaveTarget::DefaultFolder => default_folder,
        SaveTarget::Ask => match ask_folder(app, &default_folder).await {
            Some(folder) => folder,
            None => return Ok(Vec::new()),
        },
    };

    files
        .iter()
        .map(|(name, file)| state.save_download(file, &folder.join(name)))
        .collect()
}

async fn ask_save_path(app: &AppHandle, folder: &Path, name: &str) -> Option<PathBuf> {
    let _ = std::fs::create_dir_all(folder);
    let (chosen, picked) = tokio::sync::oneshot::channel();

    let mut dialog = app
        .dialog()
        .file()
        .set_directory(folder)
        .set_file_name(name);
    let extension = Path::new(name).extension().and_then(|e| e.to_str());
    match extension {
        Some("pdf") => dialog = dialog.add_filter("PDF", &["pdf"]),
        Some("csv") => dialog = dialog.add_filter("CSV", &["csv"]),
        Some("xlsx") => dialog = dialog.add_filter("Excel", &["xlsx"]),
        _ => {}
    }
    dialog.save_file(move |path| {
        let _ = chosen.send(path);
    });

    picked.await.ok().flatten().and_then(|p| p.into_path().ok())
}

async fn ask_folder(app: &AppHandle, start: &Path) -> Option<PathBuf> {
    let _ = std::fs::create_dir_all(start);
    let (chosen, picked) = tokio::sync::oneshot::channel();

    app.dialog()
        .file()
        .set_directory(start)
        .pick_folder(move |path| {
            let _ = chosen.send(path);
        });

    picked.await.ok().flatten().and_then(|p| p.into_path().ok())
}
