//! The desktop app's state behind every command: the accounts with their keyring secrets, the
//! client of the active account, and the embedded sandbox.
//!
//! A new seller has no account and no warehouse contract yet, so the first start launches the
//! embedded `oms-sandbox` on a loopback port (data in the app's data folder) and adds a "Local
//! sandbox" account signed in with the sandbox's demo key: every screen works at once. Later
//! starts launch the sandbox again when any account uses it; its port changes each time, so the
//! address is filled in at runtime and never saved.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use oms_accounts::{
    Account, AccountChanges, AccountStore, CredentialsKind, Environment, NewAccount, SecretStore,
};
use oms_api::{Client, Secret};
use oms_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::bulk::{Batches, LEDGER_FILE};
use crate::error::CommandError;
use crate::files::account_download_folder;

/// The name of the account created for the embedded sandbox on first start.
pub const LOCAL_SANDBOX_ACCOUNT: &str = "Local sandbox";

/// The folders the app keeps its files in. The shell fills them from the platform's app folders;
/// tests use temporary ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppFolders {
    /// Settings (`accounts.json`).
    pub config: PathBuf,
    /// Data (the embedded sandbox's database under `sandbox/`).
    pub data: PathBuf,
    /// Log files.
    pub logs: PathBuf,
    /// The root of the per-account download folders.
    pub downloads: PathBuf,
}

impl AppFolders {
    /// All four folders inside one root (for tests and portable setups).
    pub fn inside(root: &Path) -> Self {
        Self {
            config: root.join("config"),
            data: root.join("data"),
            logs: root.join("logs"),
            downloads: root.join("downloads"),
        }
    }

    /// Where the embedded sandbox keeps its database.
    pub fn sandbox_data(&self) -> PathBuf {
        self.data.join("sandbox")
    }
}

/// The accounts, for the account list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountList {
    /// Every account, in the order they were added.
    pub accounts: Vec<Account>,
    /// The active account's id, if any.
    pub active_account_id: Option<String>,
}

/// What the seller enters in the account form, to add or edit an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountInput {
    /// The account's name.
    pub name: String,
    /// Which OMS server it talks to.
    pub environment: Environment,
    /// How it signs in.
    pub credentials_kind: CredentialsKind,
    /// The API token or API secret; required when adding, `null` keeps the saved one on edit.
    pub secret: Option<String>,
}

/// The kind of OMS server, for the environment banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum EnvironmentKind {
    /// The vendor's production server: real orders, real stock.
    Production,
    /// The vendor's test server.
    VendorTest,
    /// The sandbox inside OMS Desk.
    LocalSandbox,
    /// A server address the seller entered.
    Custom,
}

impl From<&Environment> for EnvironmentKind {
    fn from(environment: &Environment) -> Self {
        match environment {
            Environment::Production => Self::Production,
            Environment::VendorTest => Self::VendorTest,
            Environment::LocalSandbox => Self::LocalSandbox,
            Environment::Custom(_) => Self::Custom,
        }
    }
}

/// Which account and server the app is working with, for the banner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActiveEnvironment {
    /// The active account's id.
    pub account_id: String,
    /// The active account's name.
    pub account_name: String,
    /// The kind of server.
    pub environment: EnvironmentKind,
    /// The server address; `null` for the local sandbox while it is not running.
    pub base_url: Option<String>,
    /// True for the vendor's production server, shown in red.
    pub is_production: bool,
}

/// The outcome of "test connection".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    /// The account tested.
    pub account_name: String,
    /// The server that answered.
    pub base_url: String,
    /// How long the call took, in milliseconds.
    pub elapsed_ms: u32,
}

/// The app state shared by all commands.
pub struct DeskState {
    folders: AppFolders,
    accounts: Mutex<AccountStore>,
    sandbox: Mutex<Option<RunningSandbox>>,
    client: Mutex<Option<(String, Client)>>,
    saved: std::sync::Mutex<HashSet<PathBuf>>,
    batches: Batches,
    startup_problem: std::sync::Mutex<Option<CommandError>>,
}

impl std::fmt::Debug for DeskState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskState")
            .field("folders", &self.folders)
            .finish_non_exhaustive()
    }
}

impl DeskState {
    /// Opens the accounts in `folders.config` with secrets in `secrets`; starts nothing.
    ///
    /// # Errors
    /// The accounts file cannot be read.
    pub fn open(folders: AppFolders, secrets: Arc<dyn SecretStore>) -> Result<Self, CommandError> {
        let store = AccountStore::open(&folders.config, secrets)?;
        if let Some(recovery) = store.recovery() {
            tracing::warn!(backup = %recovery.backup.display(), "accounts file was damaged");
        }

        Ok(Self {
            batches: Batches::new(folders.data.join(LEDGER_FILE)),
            folders,
            accounts: Mutex::new(store),
            sandbox: Mutex::new(None),
            client: Mutex::new(None),
            saved: std::sync::Mutex::new(HashSet::new()),
            startup_problem: std::sync::Mutex::new(None),
        })
    }

    /// Opens the state as the app does at start: with no account at all, starts the embedded
    /// sandbox and adds the "Local sandbox" account; when any account uses the sandbox, starts
    /// it. Must run on the tokio runtime the sandbox should serve on.
    ///
    /// When the first-start account cannot be created (the sandbox cannot start, the keyring is
    /// locked), the app still opens and every command that needs an account answers with that
    /// problem and what to do.
    ///
    /// # Errors
    /// The accounts file cannot be read.
    pub async fn start(
        folders: AppFolders,
        secrets: Arc<dyn SecretStore>,
    ) -> Result<Self, CommandError> {
        let state = Self::open(folders, secrets)?;

        let (empty, uses_sandbox) = {
            let store = state.accounts.lock().await;
            let uses_sandbox = store
                .accounts()
                .iter()
                .any(|a| a.environment == Environment::LocalSandbox);
            (store.accounts().is_empty(), uses_sandbox)
        };

        if empty {
            if let Err(problem) = state.create_sandbox_account().await {
                tracing::warn!(code = %problem.code, "first-start sandbox account not created");
                *state
                    .startup_problem
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()) = Some(problem);
            }
        } else if uses_sandbox {
            if let Err(error) = state.ensure_sandbox().await {
                tracing::warn!(%error, "the local sandbox did not start; will retry on use");
            }
        }
        Ok(state)
    }

    /// The app's folders.
    pub fn folders(&self) -> &AppFolders {
        &self.folders
    }

    /// The running sandbox's address, if it runs.
    pub async fn sandbox_url(&self) -> Option<String> {
        let sandbox = self.sandbox.lock().await;

        sandbox.as_ref().map(|s| s.base_url().to_owned())
    }

    /// Starts the embedded sandbox unless it runs, and returns its address.
    ///
    /// # Errors
    /// The sandbox's database cannot be opened or no loopback port can be bound.
    pub async fn ensure_sandbox(&self) -> Result<String, CommandError> {
        let mut sandbox = self.sandbox.lock().await;
        if let Some(running) = sandbox.as_ref() {
            return Ok(running.base_url().to_owned());
        }

        let config = SandboxConfig::with_data_dir(self.folders.sandbox_data());
        let running = Sandbox::start(config).await.map_err(|e| {
            CommandError::new(
                "sandboxFailed",
                format!("本地沙盒无法启动：{e}"),
                format!("the local sandbox could not start: {e}"),
            )
        })?;
        let url = running.base_url().to_owned();
        tracing::info!(%url, "local sandbox started");

        *sandbox = Some(running);
        self.client.lock().await.take();
        Ok(url)
    }

    /// Stops the embedded sandbox, if it runs, waiting for answers in progress.
    pub async fn shutdown(&self) {
        let running = self.sandbox.lock().await.take();

        if let Some(running) = running {
            if let Err(error) = running.shutdown().await {
                tracing::warn!(%error, "the local sandbox did not stop cleanly");
            }
        }
    }

    /// Every account and which one is active.
    pub async fn list_accounts(&self) -> AccountList {
        let store = self.accounts.lock().await;

        AccountList {
            accounts: store.accounts().to_vec(),
            active_account_id: store.active().map(|a| a.id.clone()),
        }
    }

    /// Adds an account; its secret goes to the keyring.
    ///
    /// # Errors
    /// Field errors, a keyring failure, or the settings file could not be written.
    pub async fn add_account(&self, input: AccountInput) -> Result<Account, CommandError> {
        let new = NewAccount {
            name: input.name,
            environment: input.environment,
            credentials_kind: input.credentials_kind,
            secret: Secret::new(input.secret.unwrap_or_default()),
        };

        let account = self.accounts.lock().await.add(new).await?;

        Ok(account)
    }

    /// Changes an account; a given secret replaces the one in the keyring.
    ///
    /// # Errors
    /// Unknown account, field errors, a keyring failure, or the file could not be written.
    pub async fn edit_account(
        &self,
        id: &str,
        input: AccountInput,
    ) -> Result<Account, CommandError> {
        let changes = AccountChanges {
            name: input.name,
            environment: input.environment,
            credentials_kind: input.credentials_kind,
            secret: input.secret.map(Secret::new),
        };

        let account = self.accounts.lock().await.edit(id, changes).await?;

        self.client.lock().await.take();
        Ok(account)
    }

    /// Removes an account and its keyring entry.
    ///
    /// # Errors
    /// Unknown account, a keyring failure, or the file could not be written.
    pub async fn remove_account(&self, id: &str) -> Result<(), CommandError> {
        self.accounts.lock().await.remove(id).await?;

        self.client.lock().await.take();
        Ok(())
    }

    /// Makes an account the active one and returns the new banner.
    ///
    /// # Errors
    /// Unknown account, or the settings file could not be written.
    pub async fn switch_account(&self, id: &str) -> Result<ActiveEnvironment, CommandError> {
        let environment = self
            .accounts
            .lock()
            .await
            .switch_active(id)?
            .environment
            .clone();

        if environment == Environment::LocalSandbox {
            self.ensure_sandbox().await?;
        }
        self.active_environment()
            .await
            .ok_or_else(|| oms_accounts::AccountsError::UnknownAccount(id.to_owned()).into())
    }

    /// The banner of the active account; `None` when there is no account.
    pub async fn active_environment(&self) -> Option<ActiveEnvironment> {
        let account = self.accounts.lock().await.active().cloned()?;
        let sandbox_url = self.sandbox_url().await;

        Some(ActiveEnvironment {
            base_url: account.environment.base_url(sandbox_url.as_deref()).ok(),
            is_production: account.environment == Environment::Production,
            environment: EnvironmentKind::from(&account.environment),
            account_id: account.id,
            account_name: account.name,
        })
    }

    /// The banner as the window shows it: the active account's, `None` when there is no account.
    ///
    /// # Errors
    /// The reason the first-start account could not be made (a locked keyring, a sandbox that
    /// would not start) while there is still no account, so the seller reads what to do at once
    /// instead of an empty app.
    pub async fn banner(&self) -> Result<Option<ActiveEnvironment>, CommandError> {
        let banner = self.active_environment().await;

        match (banner, self.startup_problem()) {
            (None, Some(problem)) => Err(problem),
            (banner, _) => Ok(banner),
        }
    }

    /// The active account.
    ///
    /// # Errors
    /// `noAccount` when there is none, or the reason the first-start account is missing.
    pub async fn active_account(&self) -> Result<Account, CommandError> {
        let active = self.accounts.lock().await.active().cloned();

        active.ok_or_else(|| self.startup_problem().unwrap_or_else(no_account))
    }

    /// Why the first-start account could not be made, if it could not.
    fn startup_problem(&self) -> Option<CommandError> {
        self.startup_problem
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The API client of the active account (signed in with its secret from the keyring),
    /// starting the sandbox first for a local-sandbox account.
    ///
    /// # Errors
    /// No account, the sandbox cannot start, the secret is missing or the keyring fails.
    pub async fn client(&self) -> Result<Client, CommandError> {
        let account = self.active_account().await?;
        if let Some((id, client)) = self.client.lock().await.as_ref() {
            if *id == account.id {
                return Ok(client.clone());
            }
        }

        let sandbox_url = match account.environment {
            Environment::LocalSandbox => Some(self.ensure_sandbox().await?),
            _ => None,
        };
        let client = self
            .accounts
            .lock()
            .await
            .client_for(&account, sandbox_url.as_deref())
            .await?;

        *self.client.lock().await = Some((account.id.clone(), client.clone()));
        Ok(client)
    }

    /// Calls `GET /open` with the active account: succeeds when the server accepts it.
    ///
    /// # Errors
    /// As [`DeskState::client`], or the OMS refused or could not be reached.
    pub async fn test_connection(&self) -> Result<ConnectionReport, CommandError> {
        let account = self.active_account().await?;
        let client = self.client().await?;
        let started = Instant::now();

        client.welcome().await?;

        Ok(ConnectionReport {
            account_name: account.name,
            base_url: client.base_url().to_owned(),
            elapsed_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
        })
    }

    /// Asks a test server for a token for `api_key` (vendor test server or the local sandbox;
    /// production does not hand out tokens).
    ///
    /// # Errors
    /// A field error for another environment or a blank key; the server's refusal.
    pub async fn sandbox_token(
        &self,
        environment: &Environment,
        api_key: &str,
    ) -> Result<String, CommandError> {
        let base_url = match environment {
            Environment::VendorTest => oms_accounts::VENDOR_TEST_URL.to_owned(),
            Environment::LocalSandbox => self.ensure_sandbox().await?,
            _ => {
                return Err(CommandError::field(
                    "environment",
                    "只有供应商测试环境和本地沙盒可以获取测试 Token",
                    "only the vendor test server and the local sandbox hand out test tokens",
                ))
            }
        };

        let token = oms_api::public::fetch_sandbox_token(&base_url, api_key.trim()).await?;

        Ok(token.expose().to_owned())
    }

    /// The folder the active account's downloads go to by default.
    ///
    /// # Errors
    /// `noAccount` when there is none.
    pub async fn download_folder(&self) -> Result<PathBuf, CommandError> {
        let account = self.active_account().await?;

        Ok(account_download_folder(
            &self.folders.downloads,
            &account.name,
        ))
    }

    /// Saves a downloaded file and remembers it as one the seller may open from the app.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn save_download(
        &self,
        file: &oms_api::DownloadedFile,
        target: &Path,
    ) -> Result<crate::files::SavedFile, CommandError> {
        self.save_file(&file.bytes, target)
    }

    /// Saves a file the app made (a template, a run's result) and remembers it as one the
    /// seller may open from the app.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn save_file(
        &self,
        bytes: &[u8],
        target: &Path,
    ) -> Result<crate::files::SavedFile, CommandError> {
        let saved = crate::files::save_bytes(bytes, target)?;

        self.remember_saved(Path::new(&saved.path));
        Ok(saved)
    }

    /// Remembers a file the app wrote itself, so the seller may open it from the app.
    pub(crate) fn remember_saved(&self, path: &Path) {
        if let Ok(mut known) = self.saved.lock() {
            known.insert(path.to_path_buf());
        }
    }

    /// The batch runs: the ledger and the runs this session drives.
    pub fn batches(&self) -> &Batches {
        &self.batches
    }

    /// True when the app saved this file in this session: only those may be opened from the
    /// UI, so a compromised page cannot open arbitrary files.
    pub fn was_saved(&self, path: &Path) -> bool {
        self.saved
            .lock()
            .map(|known| known.contains(path))
            .unwrap_or(false)
    }

    /// Creates the first-start "Local sandbox" account with the sandbox's demo key and secret.
    async fn create_sandbox_account(&self) -> Result<Account, CommandError> {
        self.ensure_sandbox().await?;

        let input = AccountInput {
            name: LOCAL_SANDBOX_ACCOUNT.to_owned(),
            environment: Environment::LocalSandbox,
            credentials_kind: CredentialsKind::KeyAndSecret {
                api_key: oms_sandbox::DEMO_API_KEY.to_owned(),
            },
            secret: Some(oms_sandbox::DEMO_API_SECRET.to_owned()),
        };
        let account = self.add_account(input).await?;
        tracing::info!(account_id = %account.id, "local sandbox account created on first start");

        Ok(account)
    }
}

/// The error for commands that need an account when there is none.
fn no_account() -> CommandError {
    CommandError::new(
        "noAccount",
        "还没有账户，请先添加一个账户",
        "there is no account yet: add one first",
    )
}
