//! The list of accounts and which one is active, kept in `accounts.json` in the app's config
//! folder, with each account's secret in a [`SecretStore`].
//!
//! Every change is made on a copy of the settings, written to disk atomically, and only then
//! taken as the new state, so a failed write never leaves memory and disk disagreeing. A file
//! that cannot be read as settings is moved aside, never overwritten, so a seller or support can
//! still recover its content.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use oms_api::{Credentials, Secret};
use serde::{Deserialize, Serialize};

use crate::account::{Account, AccountChanges, CredentialsKind, Draft, NewAccount};
use crate::error::{AccountsError, KeyringError, Result};
use crate::secrets::{guarded, SecretStore, DEFAULT_KEYRING_TIMEOUT};

/// The settings file's name inside the config folder.
pub const SETTINGS_FILE: &str = "accounts.json";

/// The settings format this version writes.
const FORMAT_VERSION: u64 = 1;

/// What `accounts.json` holds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Settings {
    version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    active_account_id: Option<String>,
    #[serde(default)]
    accounts: Vec<Account>,
}

/// A damaged settings file that was moved aside when the store was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// Where the damaged file now is (`accounts.json.corrupt-<timestamp>`).
    pub backup: PathBuf,
    /// Why it could not be read.
    pub reason: String,
}

impl Recovery {
    /// A notice for the seller, in Chinese and English.
    pub fn message(&self) -> String {
        format!(
            "账户设置文件已损坏，已另存为 {path}，账户列表已清空 ({reason}) / The accounts file \
             was damaged and was kept as {path}; the account list starts empty ({reason})",
            path = self.backup.display(),
            reason = self.reason
        )
    }
}

/// The seller's warehouse accounts: settings in `accounts.json`, secrets in a [`SecretStore`].
pub struct AccountStore {
    file: PathBuf,
    settings: Settings,
    secrets: Arc<dyn SecretStore>,
    keyring_timeout: Duration,
    recovery: Option<Recovery>,
}

impl std::fmt::Debug for AccountStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountStore")
            .field("file", &self.file)
            .field("accounts", &self.settings.accounts)
            .field("active_account_id", &self.settings.active_account_id)
            .finish_non_exhaustive()
    }
}

impl AccountStore {
    /// Opens the accounts saved in `config_folder`, with secrets in `secrets`.
    ///
    /// A missing file (or folder) is an empty list. A file that is not valid settings is moved
    /// to `accounts.json.corrupt-<timestamp>` and the list starts empty; see
    /// [`AccountStore::recovery`].
    ///
    /// # Errors
    /// The file cannot be read or moved aside, or it was written by a newer OMS Desk.
    pub fn open(config_folder: &Path, secrets: Arc<dyn SecretStore>) -> Result<Self> {
        let file = config_folder.join(SETTINGS_FILE);

        let (settings, recovery) = load(&file)?;

        Ok(Self {
            file,
            settings,
            secrets,
            keyring_timeout: DEFAULT_KEYRING_TIMEOUT,
            recovery,
        })
    }

    /// Sets how long one keyring call may take (default [`DEFAULT_KEYRING_TIMEOUT`]).
    pub fn with_keyring_timeout(mut self, timeout: Duration) -> Self {
        self.keyring_timeout = timeout;
        self
    }

    /// The settings file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The damaged file moved aside when the store was opened, if any: show its message once.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Every account, in the order they were added.
    pub fn accounts(&self) -> &[Account] {
        &self.settings.accounts
    }

    /// The account with this id.
    ///
    /// # Errors
    /// [`AccountsError::UnknownAccount`].
    pub fn account(&self, id: &str) -> Result<&Account> {
        self.settings
            .accounts
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| AccountsError::UnknownAccount(id.to_owned()))
    }

    /// The active account, if any.
    pub fn active(&self) -> Option<&Account> {
        let id = self.settings.active_account_id.as_deref()?;

        self.settings.accounts.iter().find(|a| a.id == id)
    }

    /// Adds an account and saves its secret. The first account becomes the active one.
    ///
    /// # Errors
    /// Field errors (nothing saved), a keyring failure (nothing saved), or the settings file
    /// could not be written (the secret is deleted again).
    pub async fn add(&mut self, new: NewAccount) -> Result<Account> {
        let secret = Secret::new(new.secret.expose().trim());
        let draft = Draft::new(
            &new.name,
            &new.environment,
            &new.credentials_kind,
            Some(&secret),
        );
        let problems = draft.validate(&self.settings.accounts, true);
        if !problems.is_empty() {
            return Err(AccountsError::Validation(problems));
        }
        let account = Account {
            id: uuid::Uuid::new_v4().to_string(),
            name: draft.name,
            environment: draft.environment,
            credentials_kind: draft.credentials_kind,
        };

        self.save_secret(&account.id, secret).await?;

        let mut next = self.settings.clone();
        next.accounts.push(account.clone());
        if next.active_account_id.is_none() {
            next.active_account_id = Some(account.id.clone());
        }

        if let Err(error) = self.commit(next) {
            let id = account.id.clone();
            if let Err(cleanup) = self.delete_secret(&id).await {
                tracing::warn!(account_id = %id, error = %cleanup, "secret left in the keyring");
            }
            return Err(error);
        }
        tracing::info!(account_id = %account.id, name = %account.name, "account added");

        Ok(account)
    }

    /// Changes an account's name, environment and sign-in, and replaces its secret when
    /// `changes.secret` is given (required when the sign-in kind changes).
    ///
    /// # Errors
    /// Unknown account, field errors (nothing saved), a keyring failure (nothing saved), or the
    /// settings file could not be written (a replaced secret stays replaced).
    pub async fn edit(&mut self, id: &str, changes: AccountChanges) -> Result<Account> {
        let current = self.account(id)?.clone();
        let draft = Draft::new(
            &changes.name,
            &changes.environment,
            &changes.credentials_kind,
            changes.secret.as_ref(),
        );
        let others: Vec<Account> = self
            .settings
            .accounts
            .iter()
            .filter(|a| a.id != id)
            .cloned()
            .collect();
        let kind_changed = !draft.credentials_kind.same_kind(&current.credentials_kind);
        let problems = draft.validate(&others, kind_changed);
        if !problems.is_empty() {
            return Err(AccountsError::Validation(problems));
        }
        let account = Account {
            id: current.id.clone(),
            name: draft.name,
            environment: draft.environment,
            credentials_kind: draft.credentials_kind,
        };

        if let Some(secret) = draft.secret {
            self.save_secret(&account.id, secret).await?;
        }

        let mut next = self.settings.clone();
        for slot in next.accounts.iter_mut().filter(|a| a.id == id) {
            *slot = account.clone();
        }
        self.commit(next)?;
        tracing::info!(account_id = %account.id, name = %account.name, "account edited");

        Ok(account)
    }

    /// Removes an account and deletes its secret from the keyring. When it was the active
    /// account, the first remaining account becomes active.
    ///
    /// # Errors
    /// Unknown account, a keyring failure (the account stays), or the settings file could not
    /// be written.
    pub async fn remove(&mut self, id: &str) -> Result<()> {
        self.account(id)?;

        self.delete_secret(id).await?;

        let mut next = self.settings.clone();
        next.accounts.retain(|a| a.id != id);
        if next.active_account_id.as_deref() == Some(id) {
            next.active_account_id = next.accounts.first().map(|a| a.id.clone());
        }
        self.commit(next)?;
        tracing::info!(account_id = %id, "account removed");

        Ok(())
    }

    /// Makes the account with this id the active one.
    ///
    /// # Errors
    /// Unknown account, or the settings file could not be written.
    pub fn switch_active(&mut self, id: &str) -> Result<&Account> {
        self.account(id)?;

        let mut next = self.settings.clone();
        next.active_account_id = Some(id.to_owned());
        self.commit(next)?;
        tracing::info!(account_id = %id, "active account switched");

        self.account(id)
    }

    /// The account's secret (its API token or API secret), read from the keyring.
    ///
    /// # Errors
    /// Unknown account, no secret saved, or a keyring failure.
    pub async fn secret(&self, id: &str) -> Result<Secret> {
        let account = self.account(id)?;
        let owned_id = id.to_owned();

        let found = guarded(&self.secrets, self.keyring_timeout, move |store| {
            store.read(&owned_id)
        })
        .await?;

        found.ok_or_else(|| AccountsError::SecretMissing {
            account_id: account.id.clone(),
            account_name: account.name.clone(),
        })
    }

    /// An API client for `account`, signed in with its secret from the keyring. `sandbox_url` is
    /// the running embedded sandbox's address, needed only for local-sandbox accounts.
    ///
    /// # Errors
    /// The sandbox is not running, the secret is missing or the keyring fails, or the client
    /// cannot be built.
    pub async fn client_for(
        &self,
        account: &Account,
        sandbox_url: Option<&str>,
    ) -> Result<oms_api::Client> {
        let base_url = account.environment.base_url(sandbox_url)?;

        let secret = self.secret(&account.id).await?;

        let credentials = match &account.credentials_kind {
            CredentialsKind::ApiToken => Credentials::ApiToken(secret),
            CredentialsKind::KeyAndSecret { api_key } => Credentials::KeyAndSecret {
                api_key: api_key.clone(),
                api_secret: secret,
            },
        };

        oms_api::Client::new(&base_url, credentials).map_err(AccountsError::Client)
    }

    async fn save_secret(&self, id: &str, secret: Secret) -> Result<(), KeyringError> {
        let id = id.to_owned();

        guarded(&self.secrets, self.keyring_timeout, move |store| {
            store.save(&id, &secret)
        })
        .await
    }

    async fn delete_secret(&self, id: &str) -> Result<bool, KeyringError> {
        let id = id.to_owned();

        guarded(&self.secrets, self.keyring_timeout, move |store| {
            store.delete(&id)
        })
        .await
    }

    /// Writes `next` to disk and, once it is there, makes it the current state.
    fn commit(&mut self, next: Settings) -> Result<()> {
        let not_saved = |detail: String| AccountsError::SettingsNotSaved {
            path: self.file.clone(),
            detail,
        };
        let mut bytes = serde_json::to_vec_pretty(&next).map_err(|e| not_saved(e.to_string()))?;
        bytes.push(b'\n');

        if let Some(folder) = self.file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| not_saved(e.to_string()))?;
        }
        oms_api::files::write_atomically(&self.file, &bytes)
            .map_err(|e| not_saved(e.to_string()))?;

        self.settings = next;
        Ok(())
    }
}

/// Reads the settings file; moves a damaged one aside.
fn load(file: &Path) -> Result<(Settings, Option<Recovery>)> {
    let empty = Settings {
        version: FORMAT_VERSION,
        ..Settings::default()
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((empty, None)),
        Err(error) => {
            return Err(AccountsError::SettingsUnreadable {
                path: file.to_owned(),
                detail: error.to_string(),
            })
        }
    };

    if let Some(version) = newer_version(&bytes) {
        return Err(AccountsError::SettingsFromNewerVersion {
            path: file.to_owned(),
            version,
        });
    }

    match serde_json::from_slice::<Settings>(&bytes) {
        Ok(mut settings) => {
            settings.version = FORMAT_VERSION;
            let active_known = settings
                .active_account_id
                .as_deref()
                .is_some_and(|id| settings.accounts.iter().any(|a| a.id == id));
            if !active_known {
                settings.active_account_id = settings.accounts.first().map(|a| a.id.clone());
            }
            Ok((settings, None))
        }
        Err(error) => {
            let backup = move_aside(file)?;
            tracing::warn!(file = %file.display(), backup = %backup.display(), %error,
                "damaged accounts file moved aside");
            Ok((
                empty,
                Some(Recovery {
                    backup,
                    reason: error.to_string(),
                }),
            ))
        }
    }
}

/// The format version of a file written by a newer OMS Desk, if it is one.
fn newer_version(bytes: &[u8]) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;

    value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .filter(|v| *v > FORMAT_VERSION)
}

/// Renames `file` to `<name>.corrupt-<UTC timestamp>` (with a counter if that exists).
fn move_aside(file: &Path) -> Result<PathBuf> {
    let stamp = utc_stamp(SystemTime::now());
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| SETTINGS_FILE.to_owned());
    let mut backup = file.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut counter = 1;
    while backup.exists() {
        backup = file.with_file_name(format!("{name}.corrupt-{stamp}-{counter}"));
        counter += 1;
    }

    std::fs::rename(file, &backup).map_err(|error| AccountsError::SettingsUnreadable {
        path: file.to_owned(),
        detail: format!(
            "the file is damaged and could not be moved aside to {}: {error}",
            backup.display()
        ),
    })?;

    Ok(backup)
}

/// `YYYYMMDDTHHMMSSZ` for a moment, in UTC.
fn utc_stamp(moment: SystemTime) -> String {
    let seconds = moment
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, second_of_day) = (seconds / 86_400, seconds % 86_400);

    // Days since 1970-01-01 to a civil date, by shifting to a calendar whose year starts on
    // 1 March so that leap days fall at the end of the year.
    let shifted = days as i64 + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);

    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        second_of_day / 3_600,
        second_of_day % 3_600 / 60,
        second_of_day % 60
    )
}

#[cfg(test)]
mod tests;
