//! Accounts and environments: the account list, adding, editing, removing and switching
//! accounts, the environment banner, "test connection" (`GET /open`) and test tokens.

use oms_accounts::{Account, Environment};
use oms_desk_core::{
    AccountInput, AccountList, ActiveEnvironment, CommandError, ConnectionReport, DeskState,
};
use tauri::State;

/// Every account and which one is active.
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(state: State<'_, DeskState>) -> Result<AccountList, CommandError> {
    Ok(state.list_accounts().await)
}

/// Adds an account; its token or API secret goes to the OS keyring only.
#[tauri::command]
#[specta::specta]
pub async fn add_account(
    state: State<'_, DeskState>,
    input: AccountInput,
) -> Result<Account, CommandError> {
    state.add_account(input).await
}

/// Changes an account; a given secret replaces the saved one, `null` keeps it.
#[tauri::command]
#[specta::specta]
pub async fn edit_account(
    state: State<'_, DeskState>,
    id: String,
    input: AccountInput,
) -> Result<Account, CommandError> {
    state.edit_account(&id, input).await
}

/// Removes an account and its keyring entry.
#[tauri::command]
#[specta::specta]
pub async fn remove_account(state: State<'_, DeskState>, id: String) -> Result<(), CommandError> {
    state.remove_account(&id).await
}

/// Makes an account the active one; returns the new banner.
#[tauri::command]
#[specta::specta]
pub async fn switch_account(
    state: State<'_, DeskState>,
    id: String,
) -> Result<ActiveEnvironment, CommandError> {
    state.switch_account(&id).await
}

/// The banner of the active account; `null` when there is no account; the reason when the
/// first-start account could not be made (a locked keyring).
#[tauri::command]
#[specta::specta]
pub async fn active_environment(
    state: State<'_, DeskState>,
) -> Result<Option<ActiveEnvironment>, CommandError> {
    state.banner().await
}

/// 欢迎入口: checks that the active account's server accepts its credentials.
#[tauri::command]
#[specta::specta]
pub async fn test_connection(
    state: State<'_, DeskState>,
) -> Result<ConnectionReport, CommandError> {
    state.test_connection().await
}

/// 获取测试 Token: a token for `apiKey` from the vendor test server or the local sandbox, to
/// fill in the account form.
#[tauri::command]
#[specta::specta]
pub async fn get_sandbox_token(
    state: State<'_, DeskState>,
    environment: Environment,
    api_key: String,
) -> Result<String, CommandError> {
    state.sandbox_token(&environment, &api_key).await
}
