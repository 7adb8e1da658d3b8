//! Builds the Tauri context and the app's permission list: every command of the app is named
//! here, so Tauri generates an `allow-<command>` permission for it and
//! `capabilities/default.json` can allow exactly these commands and nothing else.

use std::path::Path;

/// Every command the app registers (the same list as `collect_commands!` in `src/main.rs`; a
/// test checks that the two agree).
const COMMANDS: &[&str] = &[
    "list_accounts",
    "add_account",
    "edit_account",
    "remove_account",
    "switch_account",
    "active_environment",
    "test_connection",
    "get_sandbox_token",
    "list_warehouses",
    "list_shipping_methods",
    "list_categories",
    "list_countries",
    "list_return_codes",
    "list_products",
    "create_product",
    "update_product",
    "list_inbound_orders",
    "create_inbound_order",
    "create_reviewed_inbound_order",
    "update_inbound_order",
    "cancel_inbound_orders",
    "download_box_labels",
    "download_sku_barcodes",
    "list_b2c_orders",
    "create_b2c_order",
    "create_reviewed_b2c_order",
    "update_b2c_order",
    "list_b2b_orders",
    "create_b2b_order",
    "create_reviewed_b2b_order",
    "update_b2b_order",
    "cancel_outbound_orders",
    "upload_outbound_attachments",
    "download_outbound_attachments",
    "list_return_orders",
    "create_return_order",
    "create_reviewed_return_order",
    "update_return_order",
    "cancel_return_orders",
    "list_stock",
    "list_stock_movements",
    "list_stock_age",
    "list_label_channels",
    "list_express_labels",
    "get_express_label",
    "create_express_label",
    "create_reviewed_express_label",
    "update_express_label",
    "submit_express_label_for_review",
    "cancel_express_labels",
    "review_express_label",
    "refund_express_label",
    "reject_express_label",
    "activate_express_label",
    "retry_express_label",
    "estimate_express_label_fee",
    "get_express_label_fee",
    "download_express_label",
    "create_platform_order",
    "create_platform_orders",
    "create_platform_store",
    "upload_platform_attachments",
    "choose_upload_files",
    "open_saved_file",
    "check_import",
    "choose_import_file",
    "save_import_template",
    "save_errors_copy",
    "start_import_run",
    "pause_run",
    "resume_run",
    "cancel_run",
    "list_runs",
    "run_entries",
    "save_run_result",
];

fn main() {
    ensure_frontend_folder();

    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}

/// Tauri embeds `../ui/dist` and refuses to compile without it. A Rust-only build (tests, clippy)
/// gets a page saying how to build the UI; `npm run build` in `ui/` replaces it.
fn ensure_frontend_folder() {
    let dist = Path::new("../ui/dist");
    println!("cargo:rerun-if-changed=../ui/dist");

    if dist.join("index.html").exists() {
        return;
    }
    std::fs::create_dir_all(dist).expect("cannot create ../ui/dist");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><meta charset=\"utf-8\"><title>OMS Desk</title>\
         <p>The OMS Desk UI is not built: run <code>npm ci && npm run build</code> in <code>ui/</code>.</p>\n",
    )
    .expect("cannot write ../ui/dist/index.html");
}
