//! `oms-accounts`: the seller's warehouse accounts for OMS Desk. Names, servers and API keys are
//! kept in `accounts.json` in the app's config folder; tokens and API secrets only in the OS
//! keyring. It has no Tauri inside, so the desktop shell stays a thin layer over it and the
//! tests drive it directly.
//!
//! Start with [`AccountStore::open`] and a [`KeyringSecretStore`] named after the app
//! identifier; build an API client for an account with [`AccountStore::client_for`].

pub mod account;
pub mod error;
pub mod secrets;
pub mod store;

#[cfg(test)]
mod testing;

pub use account::{
    Account, AccountChanges, CredentialsKind, Environment, NewAccount, PRODUCTION_URL,
    VENDOR_TEST_URL,
};
pub use error::{AccountsError, KeyringError, Result};
pub use secrets::{KeyringSecretStore, SecretStore, DEFAULT_KEYRING_TIMEOUT};
pub use store::{AccountStore, Recovery, SETTINGS_FILE};
