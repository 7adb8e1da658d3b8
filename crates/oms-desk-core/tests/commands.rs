//! The commands' core against a running in-process `oms-sandbox`, exactly as the desktop
//! commands call it: the active account's client from [`DeskState::client`], one `oms-api`
//! call, and the error mapped to the UI's [`CommandError`].
//!
//! The sandbox implements the public and common endpoints; the business modules are being
//! added to it. So each business module is checked three ways: a valid request against the
//! standard sandbox answers with success or with an OMS refusal that keeps its code and request
//! id (never anything else), the same request against a sandbox with no handlers maps the 501
//! "not implemented" refusal exactly, and an empty request maps to field errors before anything
//! is sent.

mod support;

use std::sync::Arc;

use oms_accounts::{CredentialsKind, Environment, SecretStore};
use oms_api::{Client, Validate};
use oms_desk_core::files::{default_file_name, DownloadKind};
use oms_desk_core::{
    AccountInput, AppFolders, CommandError, DeskState, EnvironmentKind, LOCAL_SANDBOX_ACCOUNT,
};
use oms_sandbox::{Registry, Sandbox, SandboxConfig};
use support::{fixture, started_state, MemorySecrets};

/// What a command returns to the UI for this result.
#[allow(clippy::result_large_err)] // the UI's error value, as the commands return it
fn mapped<T>(result: oms_api::Result<T>) -> Result<T, CommandError> {
    result.map_err(CommandError::from)
}

/// A call the sandbox may or may not implement yet: success, or an OMS refusal carried to the
/// UI with its code and request id.
fn answered<T>(endpoint: &str, result: oms_api::Result<T>) {
    if let Err(error) = mapped(result) {
        assert_eq!(
            error.code, "api",
            "{endpoint}: the sandbox must answer, not fail otherwise: {error:?}"
        );
        assert!(
            error.api_code.is_some() && error.request_id.is_some(),
            "{endpoint}: a refusal keeps the OMS code and request id: {error:?}"
        );
    }
}

/// The refusal of a sandbox without handlers, as the UI sees it.
fn assert_not_implemented<T: std::fmt::Debug>(endpoint: &str, result: oms_api::Result<T>) {
    let error = mapped(result).expect_err("a sandbox without handlers refuses every call");

    assert_eq!(error.code, "api", "{endpoint}: {error:?}");
    assert_eq!(
        error.api_code.as_deref(),
        Some("50100"),
        "{endpoint}: the OMS code reaches the UI"
    );
    assert!(
        error.request_id.as_deref().is_some_and(|id| !id.is_empty()),
        "{endpoint}: the request id reaches the UI for support: {error:?}"
    );
    assert!(
        error.message.contains("沙盒尚未实现"),
        "{endpoint}: the Chinese message says why: {}",
        error.message
    );
    assert!(
        error
            .message_en
            .contains("not implemented in the sandbox yet"),
        "{endpoint}: the English message says why: {}",
        error.message_en
    );
    assert!(error.fields.is_empty(), "{endpoint}: no field is to blame");
}

/// An invalid request, as the UI sees it: the same fields `oms-api` names, nothing sent.
fn assert_field_errors<R: Validate, T: std::fmt::Debug>(
    endpoint: &str,
    request: &R,
    result: oms_api::Result<T>,
    expected_field: &str,
) {
    let expected: Vec<String> = match request.check() {
        Err(error) => error
            .field_errors()
            .iter()
            .map(|f| f.field.clone())
            .collect(),
        Ok(()) => panic!("{endpoint}: the test request must be invalid"),
    };

    let error = mapped(result).expect_err("an invalid request is refused before sending");

    assert_eq!(error.code, "validation", "{endpoint}: {error:?}");
    let fields: Vec<String> = error.fields.iter().map(|f| f.field.clone()).collect();
    assert_eq!(
        fields, expected,
        "{endpoint}: every field error reaches the form"
    );
    assert!(
        fields.iter().any(|f| f == expected_field),
        "{endpoint}: {expected_field} must be marked, got {fields:?}"
    );
    assert!(
        error
            .fields
            .iter()
            .all(|f| !f.message.is_empty() && !f.message_en.is_empty()),
        "{endpoint}: each field error has both languages"
    );
    assert!(
        error.api_code.is_none() && error.request_id.is_none(),
        "nothing was sent"
    );
}

/// A state whose active account points at a sandbox with no handlers at all.
async fn state_on_bare_sandbox() -> (tempfile::TempDir, oms_sandbox::RunningSandbox, DeskState) {
    let bare = Sandbox::start(SandboxConfig {
        registry: Registry::empty(),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let root = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecrets::default());
    let state = DeskState::open(AppFolders::inside(root.path()), secrets).unwrap();

    state
        .add_account(AccountInput {
            name: "Bare sandbox".into(),
            environment: Environment::Custom(bare.base_url().to_owned()),
            credentials_kind: CredentialsKind::KeyAndSecret {
                api_key: bare.demo_api_key().into(),
            },
            secret: Some(bare.demo_api_secret().into()),
        })
        .await
        .unwrap();

    (root, bare, state)
}

async fn client(state: &DeskState) -> Client {
    state
        .client()
        .await
        .unwrap_or_else(|e| panic!("the active account must have a client: {e:?}"))
}

#[tokio::test]
async fn first_start_creates_the_local_sandbox_account_and_it_connects() {
    let (_root, state) = started_state().await;

    let list = state.list_accounts().await;
    let banner = state.active_environment().await.expect("an active account");
    let report = state.test_connection().await;

    assert_eq!(list.accounts.len(), 1, "exactly one account on first start");
    assert_eq!(list.accounts[0].name, LOCAL_SANDBOX_ACCOUNT);
    assert_eq!(list.accounts[0].environment, Environment::LocalSandbox);
    assert_eq!(banner.environment, EnvironmentKind::LocalSandbox);
    assert!(!banner.is_production, "the sandbox is not production");
    let url = banner
        .base_url
        .expect("the running sandbox's address is filled in");
    assert!(url.starts_with("http://127.0.0.1:"), "loopback only: {url}");
    let report = report.unwrap_or_else(|e| panic!("test connection must succeed: {e:?}"));
    assert_eq!(report.base_url, url);
    state.shutdown().await;
}

#[tokio::test]
async fn a_restart_brings_the_sandbox_back_on_a_new_port_for_the_same_account() {
    let root = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecrets::default());
    let first = DeskState::start(AppFolders::inside(root.path()), secrets.clone())
        .await
        .unwrap();
    let account = first.list_accounts().await.accounts[0].clone();
    first.shutdown().await;
    drop(first);

    let second = DeskState::start(AppFolders::inside(root.path()), secrets)
        .await
        .unwrap();

    let list = second.list_accounts().await;
    assert_eq!(
        list.accounts,
        vec![account],
        "no second sandbox account is created"
    );
    assert!(
        second.sandbox_url().await.is_some(),
        "the sandbox restarts because an account uses it"
    );
    assert!(
        root.path().join("data/sandbox").exists(),
        "the sandbox keeps its data in the app's data folder"
    );
    second
        .test_connection()
        .await
        .unwrap_or_else(|e| panic!("the account works after a restart: {e:?}"));
    second.shutdown().await;
}

#[tokio::test]
async fn accounts_add_edit_switch_and_remove_with_field_errors_for_forms() {
    let (_root, state) = started_state().await;

    let refused = state
        .add_account(AccountInput {
            name: LOCAL_SANDBOX_ACCOUNT.to_lowercase(),
            environment: Environment::Custom("oms.example.com".into()),
            credentials_kind: CredentialsKind::ApiToken,
            secret: None,
        })
        .await
        .expect_err("a duplicate name, a bad address and no secret are refused");
    let production = state
        .add_account(AccountInput {
            name: "US production".into(),
            environment: Environment::Production,
            credentials_kind: CredentialsKind::ApiToken,
            secret: Some("token-prod-1".into()),
        })
        .await
        .unwrap();
    let banner = state.switch_account(&production.id).await.unwrap();
    let edited = state
        .edit_account(
            &production.id,
            AccountInput {
                name: "US production (main)".into(),
                environment: Environment::Production,
                credentials_kind: CredentialsKind::ApiToken,
                secret: None,
            },
        )
        .await
        .unwrap();
    state.remove_account(&production.id).await.unwrap();

    assert_eq!(refused.code, "validation");
    let fields: Vec<&str> = refused.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["name", "environment.url", "secret"],
        "each field is marked"
    );
    assert!(
        banner.is_production,
        "production is flagged for the red banner"
    );
    assert_eq!(banner.environment, EnvironmentKind::Production);
    assert_eq!(
        banner.base_url.as_deref(),
        Some("https://oms-api.zbao56.com")
    );
    assert_eq!(edited.name, "US production (main)");
    let after = state.active_environment().await.unwrap();
    assert_eq!(
        after.account_name, LOCAL_SANDBOX_ACCOUNT,
        "removing the active account falls back to the remaining one"
    );
    state.shutdown().await;
}

#[tokio::test]
async fn sandbox_tokens_come_from_test_servers_only() {
    let (_root, state) = started_state().await;

    let token = state
        .sandbox_token(&Environment::LocalSandbox, oms_sandbox::DEMO_API_KEY)
        .await;
    let production = state
        .sandbox_token(&Environment::Production, oms_sandbox::DEMO_API_KEY)
        .await;

    let token = token.unwrap_or_else(|e| panic!("the local sandbox hands out tokens: {e:?}"));
    assert!(!token.is_empty());
    let production = production.expect_err("production hands out no test tokens");
    assert_eq!(production.fields[0].field, "environment");
    state.shutdown().await;
}

#[tokio::test]
async fn common_commands_succeed_against_the_sandbox() {
    let (_root, state) = started_state().await;
    let client = client(&state).await;

    let warehouses = mapped(client.list_warehouses(&fixture("warehouse_list")).await);
    let methods = mapped(
        client
            .list_shipping_methods(&fixture("shipping_method_list"))
            .await,
    );
    let categories = mapped(client.list_categories(&fixture("category_list")).await);
    let countries = mapped(client.list_countries(&fixture("country_list")).await);
    let codes = mapped(client.return_codes().await);

    let warehouses = warehouses.unwrap_or_else(|e| panic!("warehouse list: {e:?}"));
    assert!(
        !warehouses.list.is_empty(),
        "the sandbox is seeded with warehouses"
    );
    methods.unwrap_or_else(|e| panic!("shipping methods: {e:?}"));
    categories.unwrap_or_else(|e| panic!("categories: {e:?}"));
    let countries = countries.unwrap_or_else(|e| panic!("countries: {e:?}"));
    assert!(!countries.list.is_empty(), "the sandbox knows countries");
    codes.unwrap_or_else(|e| panic!("return codes: {e:?}"));
    state.shutdown().await;
}

#[tokio::test]
async fn common_commands_map_a_refused_token_for_the_ui() {
    let (_root, state) = started_state().await;
    let sandbox_url = state.sandbox_url().await.unwrap();
    state
        .add_account(AccountInput {
            name: "Wrong token".into(),
            environment: Environment::Custom(sandbox_url),
            credentials_kind: CredentialsKind::ApiToken,
            secret: Some("not-a-valid-token".into()),
        })
        .await
        .unwrap();
    let id = state.list_accounts().await.accounts[1].id.clone();
    state.switch_account(&id).await.unwrap();

    let refused = state.test_connection().await;
    let listed = mapped(
        client(&state)
            .await
            .list_warehouses(&fixture("warehouse_list"))
            .await,
    );

    for error in [refused.unwrap_err(), listed.unwrap_err()] {
        assert_ne!(error.code, "validation", "the request itself was fine");
        assert!(
            error.request_id.is_some(),
            "the sandbox's request id reaches the UI: {error:?}"
        );
        assert!(!error.message.is_empty() && !error.message_en.is_empty());
    }
    state.shutdown().await;
}

#[tokio::test]
async fn product_commands() {
    let (_root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::product::Product::default();

    answered(
        "product_list",
        live.list_products(&fixture("product_list")).await,
    );
    answered(
        "product_create",
        live.create_product(&fixture("product_create")).await,
    );
    assert_not_implemented(
        "product_list",
        unimplemented.list_products(&fixture("product_list")).await,
    );
    assert_not_implemented(
        "product_update",
        unimplemented
            .update_product(&fixture("product_update"))
            .await,
    );
    assert_field_errors(
        "product_create",
        &empty,
        live.create_product(&empty).await,
        "productSku",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn inbound_commands_with_label_files_saved_by_rust() {
    let (root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::bulk::LabelFileRequest::default();
    let labels: oms_api::bulk::LabelFileRequest = fixture("inbound_box_labels");

    answered(
        "inbound_list",
        live.list_inbound_orders(&fixture("inbound_list")).await,
    );
    answered(
        "inbound_create",
        live.create_inbound_order(&fixture("inbound_create")).await,
    );
    answered(
        "inbound_cancel",
        live.cancel_inbound_orders(&fixture("inbound_cancel")).await,
    );
    if let Ok(file) = live.download_box_labels(&labels).await {
        let name = default_file_name(DownloadKind::BoxLabels, &labels.order_no, labels.label_size);
        let target = state.download_folder().await.unwrap().join(&name);
        let saved = state.save_download(&file, &target).unwrap();
        assert!(saved.path.starts_with(&root.path().display().to_string()));
        assert!(state.was_saved(&target), "the app may open a file it saved");
    }
    assert_not_implemented(
        "inbound_create",
        unimplemented
            .create_inbound_order(&fixture("inbound_create"))
            .await,
    );
    assert_not_implemented(
        "inbound_box_labels",
        unimplemented.download_box_labels(&labels).await,
    );
    assert_field_errors(
        "inbound_box_labels",
        &empty,
        live.download_box_labels(&empty).await,
        "orderNo",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn outbound_commands() {
    let (_root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::outbound::B2bOrderCreate::default();

    answered("b2b_list", live.list_b2b_orders(&fixture("b2b_list")).await);
    answered(
        "b2c_create",
        live.create_b2c_order(&fixture("b2c_create")).await,
    );
    answered(
        "b2b_create",
        live.create_b2b_order(&fixture("b2b_create")).await,
    );
    answered(
        "outbound_cancel",
        live.cancel_outbound_orders(&fixture("outbound_cancel"))
            .await,
    );
    assert_not_implemented(
        "b2b_create",
        unimplemented.create_b2b_order(&fixture("b2b_create")).await,
    );
    assert_not_implemented(
        "b2c_list",
        unimplemented.list_b2c_orders(&fixture("b2c_list")).await,
    );
    assert_field_errors(
        "b2b_create",
        &empty,
        live.create_b2b_order(&empty).await,
        "warehouseCode",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn return_commands() {
    let (_root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::bulk::CancelRequest::default();

    answered(
        "return_list",
        live.list_return_orders(&fixture("return_list")).await,
    );
    answered(
        "return_create",
        live.create_return_order(&fixture("return_create")).await,
    );
    assert_not_implemented(
        "return_create",
        unimplemented
            .create_return_order(&fixture("return_create"))
            .await,
    );
    assert_field_errors(
        "return_cancel",
        &empty,
        live.cancel_return_orders(&empty).await,
        "orderNos",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn inventory_commands() {
    let (_root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;

    answered(
        "inventory_list",
        live.list_stock(&fixture("inventory_list")).await,
    );
    answered(
        "inventory_record_list",
        live.list_stock_movements(&fixture("inventory_record_list"))
            .await,
    );
    answered(
        "inventory_age_list",
        live.list_stock_age(&fixture("inventory_age_list")).await,
    );
    assert_not_implemented(
        "inventory_list",
        unimplemented.list_stock(&fixture("inventory_list")).await,
    );
    let mut bad: oms_api::inventory::InventoryListRequest = fixture("inventory_list");
    bad.start_create_time = Some("yesterday".into());
    assert_field_errors(
        "inventory_list",
        &bad,
        live.list_stock(&bad).await,
        "startCreateTime",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn express_label_commands() {
    let (_root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::label::ExpressLabelCreate::default();

    answered(
        "label_list",
        live.list_express_labels(&fixture("label_list")).await,
    );
    answered(
        "label_create",
        live.create_express_label(&fixture("label_create")).await,
    );
    answered(
        "label_cancel",
        live.cancel_express_labels(&fixture("label_cancel")).await,
    );
    assert_not_implemented(
        "label_create",
        unimplemented
            .create_express_label(&fixture("label_create"))
            .await,
    );
    assert_not_implemented(
        "label_fee_trial",
        unimplemented
            .estimate_express_label_fee(&fixture("label_fee_trial"))
            .await,
    );
    assert_field_errors(
        "label_create",
        &empty,
        live.create_express_label(&empty).await,
        "shippingMethodCode",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn platform_commands_with_uploads_read_by_rust() {
    let (root, state) = started_state().await;
    let (_bare_root, bare, bare_state) = state_on_bare_sandbox().await;
    let live = client(&state).await;
    let unimplemented = client(&bare_state).await;
    let empty = oms_api::platform::PlatformOrderCreate::default();
    let invoice = root.path().join("invoice.pdf");
    std::fs::write(&invoice, b"%PDF-1.4 invoice").unwrap();
    let upload = oms_desk_core::files::platform_upload(
        "PO-1001",
        &[oms_desk_core::FileToUpload {
            path: invoice.display().to_string(),
            attachment_type: "OTHER".into(),
        }],
    )
    .unwrap();

    answered(
        "platform_order_create",
        live.create_platform_order(&fixture("platform_order_create"))
            .await,
    );
    answered(
        "platform_upload_attachment",
        live.upload_platform_attachments(&upload).await,
    );
    assert_not_implemented(
        "platform_upload_attachment",
        unimplemented.upload_platform_attachments(&upload).await,
    );
    assert_field_errors(
        "platform_order_create",
        &empty,
        live.create_platform_order(&empty).await,
        "platformOrderNo",
    );
    bare.shutdown().await.unwrap();
    state.shutdown().await;
}

#[tokio::test]
async fn a_locked_keyring_on_first_start_opens_the_app_and_says_what_to_do() {
    let root = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(support::LockedSecrets);

    let state = DeskState::start(AppFolders::inside(root.path()), secrets)
        .await
        .expect("the app opens even when the keyring is locked");
    let error = state.test_connection().await.unwrap_err();

    assert_eq!(error.code, "keyringLocked", "{error:?}");
    assert!(
        error.message.contains("解锁") && error.message_en.contains("unlock"),
        "the message says to unlock the keyring: {error:?}"
    );
    assert!(
        state.list_accounts().await.accounts.is_empty(),
        "nothing half-saved"
    );
    let banner = state.banner().await.unwrap_err();
    assert_eq!(
        banner.code, "keyringLocked",
        "the banner says why there is no account instead of an empty app: {banner:?}"
    );
    state.shutdown().await;
}
