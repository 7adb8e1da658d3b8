//! Shared pieces of the integration tests: an in-memory secret store (the real keyring has its
//! own test under `with-keyring.sh`), temporary app folders, and the vendor-shaped request
//! fixtures of `oms-api`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use oms_accounts::{KeyringError, SecretStore};
use oms_api::Secret;
use oms_desk_core::{AppFolders, DeskState};
use serde::de::DeserializeOwned;

/// Keeps secrets in a map.
#[derive(Default)]
pub struct MemorySecrets(Mutex<HashMap<String, Secret>>);

impl SecretStore for MemorySecrets {
    fn save(&self, account_id: &str, secret: &Secret) -> Result<(), KeyringError> {
        self.0
            .lock()
            .unwrap()
            .insert(account_id.to_owned(), secret.clone());
        Ok(())
    }

    fn read(&self, account_id: &str) -> Result<Option<Secret>, KeyringError> {
        Ok(self.0.lock().unwrap().get(account_id).cloned())
    }

    fn delete(&self, account_id: &str) -> Result<bool, KeyringError> {
        Ok(self.0.lock().unwrap().remove(account_id).is_some())
    }
}

/// A state started as the app starts it, in a temporary folder, with in-memory secrets.
pub async fn started_state() -> (tempfile::TempDir, DeskState) {
    let root = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecrets::default());

    let state = DeskState::start(AppFolders::inside(root.path()), secrets)
        .await
        .unwrap_or_else(|e| panic!("the app state must start: {e}"));

    (root, state)
}

/// A valid request of `oms-api`'s fixtures (`tests/fixtures/requests/<endpoint>.json`).
pub fn fixture<T: DeserializeOwned>(endpoint: &str) -> T {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../oms-api/tests/fixtures/requests")
        .join(format!("{endpoint}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {} must exist: {e}", path.display()));

    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("fixture {endpoint} must parse as its request type: {e}"))
}

/// A keyring that is always locked.
pub struct LockedSecrets;

impl SecretStore for LockedSecrets {
    fn save(&self, _: &str, _: &Secret) -> Result<(), KeyringError> {
        Err(KeyringError::Locked("collection is locked".into()))
    }

    fn read(&self, _: &str) -> Result<Option<Secret>, KeyringError> {
        Err(KeyringError::Locked("collection is locked".into()))
    }

    fn delete(&self, _: &str) -> Result<bool, KeyringError> {
        Err(KeyringError::Locked("collection is locked".into()))
    }
}
