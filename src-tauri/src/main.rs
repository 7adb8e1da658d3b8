//! OMS Desk, the desktop app: a thin Tauri shell. Every command is a one-call wrapper over
//! `oms-api` or `oms-desk-core` (`src/commands/`); the state, the accounts, the embedded sandbox
//! and the files live in `oms-desk-core`, so they are tested without a window.
//!
//! Lockdown: the page reaches only the commands listed here (see `build.rs` and
//! `capabilities/default.json`), all OMS traffic goes through Rust, and there is no fs or shell
//! plugin.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
// `CommandError` is the value sent to the UI; see oms-desk-core.
#![allow(clippy::result_large_err)]

mod commands;

use std::path::PathBuf;

use oms_desk_core::{keyring_store, logging, AppFolders, DeskState};
use tauri::{Manager, RunEvent};

use commands::{
    accounts, bulk, common, files, inbound, inventory, label, outbound, platform, product, returns,
};

/// The commands and types the UI can use.
fn commands() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            accounts::list_accounts,
            accounts::add_account,
            accounts::edit_account,
            accounts::remove_account,
            accounts::switch_account,
            accounts::active_environment,
            accounts::test_connection,
            accounts::get_sandbox_token,
            common::list_warehouses,
            common::list_shipping_methods,
            common::list_categories,
            common::list_countries,
            common::list_return_codes,
            product::list_products,
            product::create_product,
            product::update_product,
            inbound::list_inbound_orders,
            inbound::create_inbound_order,
            inbound::create_reviewed_inbound_order,
            inbound::update_inbound_order,
            inbound::cancel_inbound_orders,
            inbound::download_box_labels,
            inbound::download_sku_barcodes,
            outbound::list_b2c_orders,
            outbound::create_b2c_order,
            outbound::create_reviewed_b2c_order,
            outbound::update_b2c_order,
            outbound::list_b2b_orders,
            outbound::create_b2b_order,
            outbound::create_reviewed_b2b_order,
            outbound::update_b2b_order,
            outbound::cancel_outbound_orders,
            outbound::upload_outbound_attachments,
            outbound::download_outbound_attachments,
            returns::list_return_orders,
            returns::create_return_order,
            returns::create_reviewed_return_order,
            returns::update_return_order,
            returns::cancel_return_orders,
            inventory::list_stock,
            inventory::list_stock_movements,
            inventory::list_stock_age,
            label::list_label_channels,
            label::list_express_labels,
            label::get_express_label,
            label::create_express_label,
            label::create_reviewed_express_label,
            label::update_express_label,
            label::submit_express_label_for_review,
            label::cancel_express_labels,
            label::review_express_label,
            label::refund_express_label,
            label::reject_express_label,
            label::activate_express_label,
            label::retry_express_label,
            label::estimate_express_label_fee,
            label::get_express_label_fee,
            label::download_express_label,
            platform::create_platform_order,
            platform::create_platform_orders,
            platform::create_platform_store,
            platform::upload_platform_attachments,
            files::choose_upload_files,
            files::open_saved_file,
            bulk::check_import,
            bulk::choose_import_file,
            bulk::save_import_template,
            bulk::save_errors_copy,
            bulk::start_import_run,
            bulk::pause_run,
            bulk::resume_run,
            bulk::cancel_run,
            bulk::list_runs,
            bulk::run_entries,
            bulk::save_run_result
        ])
        .events(tauri_specta::collect_events![bulk::BatchProgress])
}

fn main() {
    let builder = commands();

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);

            let folders = app_folders(app.handle())?;
            let log_guard = logging::install(&folders.logs)?;
            app.manage(log_guard);
            tracing::info!(config = %folders.config.display(), data = %folders.data.display(),
                "OMS Desk starting");

            let secrets = keyring_store(&app.config().identifier);
            let state = tauri::async_runtime::block_on(DeskState::start(folders, secrets))?;
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("OMS Desk could not start");

    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            if let Some(state) = handle.try_state::<DeskState>() {
                tauri::async_runtime::block_on(state.shutdown());
            }
        }
    });
}

/// The platform's folders for this app. On Linux: `$XDG_CONFIG_HOME/com.omsdesk.app`,
/// `$XDG_DATA_HOME/com.omsdesk.app` (logs in its `logs/`), and downloads under the user's
/// download folder (else `$HOME/Downloads`) in `OMS Desk/<account>`.
fn app_folders(app: &tauri::AppHandle) -> tauri::Result<AppFolders> {
    let paths = app.path();
    let downloads = paths
        .download_dir()
        .or_else(|_| paths.home_dir().map(|home| home.join("Downloads")))
        .unwrap_or_else(|_| PathBuf::from("Downloads"));

    Ok(AppFolders {
        config: paths.app_config_dir()?,
        data: paths.app_data_dir()?,
        logs: paths.app_log_dir()?,
        downloads: downloads.join("OMS Desk"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the TypeScript bindings are written, relative to this crate.
    const BINDINGS_FILE: &str = "../ui/src/lib/bindings.ts";

    /// The first line of the bindings file.
    const BINDINGS_HEADER: &str =
    "// Generated from the Rust commands and types by `OMS_DESK_UPDATE_BINDINGS=1 cargo test -p oms-desk bindings`. Do not edit.";

    /// The TypeScript exporter the bindings are written with.
    fn typescript() -> specta_typescript::Typescript {
        specta_typescript::Typescript::default().header(BINDINGS_HEADER)
    }

    fn checked_in_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_FILE)
    }

    fn generated() -> String {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("bindings.ts");

        commands()
            .export(typescript(), &file)
            .unwrap_or_else(|e| panic!("the commands must export to TypeScript: {e}"));

        std::fs::read_to_string(&file).unwrap()
    }

    #[test]
    fn bindings_are_up_to_date() {
        let fresh = generated();
        let path = checked_in_path();

        if std::env::var_os("OMS_DESK_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
            return;
        }

        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == fresh,
            "{} is out of date with the Rust commands and types; regenerate it with\n  \
             OMS_DESK_UPDATE_BINDINGS=1 cargo test -p oms-desk bindings\nand commit the result",
            path.display()
        );
    }

    #[test]
    fn every_command_is_allowed_and_every_allowed_name_is_a_command() {
        let bindings = generated();
        let build_script = include_str!("../build.rs");
        let capability = include_str!("../capabilities/default.json");

        let invoked: Vec<&str> = bindings
            .split("TAURI_INVOKE(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();

        assert!(
            invoked.len() > 55,
            "every endpoint has a command: {}",
            invoked.len()
        );
        for name in &invoked {
            assert!(
                build_script.contains(&format!("\"{name}\",")),
                "{name} is missing from COMMANDS in build.rs"
            );
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(
                capability.contains(&permission),
                "{permission} is missing from capabilities/default.json"
            );
        }
        let allowed = capability.matches("\"allow-").count();
        let core: Vec<&str> = capability
            .split('"')
            .filter(|item| item.starts_with("core:"))
            .collect();
        assert_eq!(
            core,
            ["core:event:allow-listen", "core:event:allow-unlisten"],
            "the only core permissions are listening to the app's events (batch-progress)"
        );
        assert_eq!(
            allowed,
            invoked.len(),
            "the capability allows exactly the app's commands (no plugin permission is needed: \
             dialogs and the opener are called from Rust)"
        );
    }
}
