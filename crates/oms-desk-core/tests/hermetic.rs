//! Tests never touch the seller's real app folders: a full start of the app state (sandbox,
//! first-start account, downloads, logs) in temporary folders leaves the real config and data
//! folders of every OMS Desk build exactly as they were, and the keyring namespace a test picks
//! is never the app's own.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use oms_desk_core::namespace::namespace_for;
use oms_desk_core::APP_IDENTIFIER;
use support::started_state;

/// Where an OMS Desk build keeps its files on this machine (Linux layout; the same folders
/// Tauri resolves from `XDG_CONFIG_HOME`, `XDG_DATA_HOME` and `HOME`).
fn real_folders() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".config"));
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".local/share"));

    [config, data]
        .iter()
        .map(|base| base.join(APP_IDENTIFIER))
        .chain([home.join("Downloads/OMS Desk")])
        .collect()
}

/// Every file and folder under `root` with its size and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut seen = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];

    while let Some(path) = pending.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        seen.insert(path.clone(), (meta.len(), meta.modified().ok()));
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|e| e.path()));
            }
        }
    }
    seen
}

#[tokio::test]
async fn a_full_start_in_temporary_folders_leaves_the_real_ones_untouched() {
    let before: Vec<_> = real_folders().iter().map(|f| snapshot(f)).collect();

    let (root, state) = started_state().await;
    state.test_connection().await.unwrap();
    let folder = state.download_folder().await.unwrap();
    oms_desk_core::files::save_bytes(b"%PDF-1.4 test", &folder.join("t.pdf")).unwrap();
    state.shutdown().await;

    let after: Vec<_> = real_folders().iter().map(|f| snapshot(f)).collect();
    assert_eq!(
        before,
        after,
        "the real app folders {:?} changed",
        real_folders()
    );
    assert!(
        folder.starts_with(root.path()),
        "downloads go to the temporary folder, not {}",
        folder.display()
    );
    assert!(root.path().join("config/accounts.json").exists());
}

#[test]
fn a_test_namespace_is_never_the_apps_own() {
    for debug in [false, true] {
        let chosen = namespace_for(APP_IDENTIFIER, debug, Some("com.omsdesk.keyring-test"));

        assert_ne!(chosen, "com.omsdesk.app");
        assert_ne!(chosen, "com.omsdesk.app.dev");
    }
}
