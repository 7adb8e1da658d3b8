//! Secret stores for unit tests of the account logic: one in memory, one that always fails, one
//! that never answers until released. They never touch the OS keyring.

use std::collections::HashMap;
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use oms_api::Secret;

use crate::error::KeyringError;
use crate::secrets::SecretStore;

/// Keeps secrets in a map.
#[derive(Default)]
pub(crate) struct MemorySecretStore {
    entries: Mutex<HashMap<String, Secret>>,
}

impl MemorySecretStore {
    /// The saved secret's text, for assertions.
    pub fn saved(&self, account_id: &str) -> Option<String> {
        let entries = self.entries.lock().unwrap();

        entries.get(account_id).map(|s| s.expose().to_owned())
    }

    /// How many secrets are saved.
    pub fn len(&self) -> usize {
        self.entries.lock().unwrap().len()
    }
}

impl SecretStore for MemorySecretStore {
    fn save(&self, account_id: &str, secret: &Secret) -> Result<(), KeyringError> {
        let mut entries = self.entries.lock().unwrap();
        entries.insert(account_id.to_owned(), secret.clone());
        Ok(())
    }

    fn read(&self, account_id: &str) -> Result<Option<Secret>, KeyringError> {
        Ok(self.entries.lock().unwrap().get(account_id).cloned())
    }

    fn delete(&self, account_id: &str) -> Result<bool, KeyringError> {
        Ok(self.entries.lock().unwrap().remove(account_id).is_some())
    }
}

/// Fails every call with the same error.
pub(crate) struct FailingSecretStore(pub KeyringError);

impl SecretStore for FailingSecretStore {
    fn save(&self, _: &str, _: &Secret) -> Result<(), KeyringError> {
        Err(self.0.clone())
    }

    fn read(&self, _: &str) -> Result<Option<Secret>, KeyringError> {
        Err(self.0.clone())
    }

    fn delete(&self, _: &str) -> Result<bool, KeyringError> {
        Err(self.0.clone())
    }
}

/// Blocks every call until the test sends on (or drops) the paired sender, like a keyring
/// waiting behind an unlock prompt.
pub(crate) struct StalledSecretStore(pub Mutex<Receiver<()>>);

impl StalledSecretStore {
    fn wait(&self) {
        let _ = self.0.lock().unwrap().recv();
    }
}

impl SecretStore for StalledSecretStore {
    fn save(&self, _: &str, _: &Secret) -> Result<(), KeyringError> {
        self.wait();
        Ok(())
    }

    fn read(&self, _: &str) -> Result<Option<Secret>, KeyringError> {
        self.wait();
        Ok(None)
    }

    fn delete(&self, _: &str) -> Result<bool, KeyringError> {
        self.wait();
        Ok(false)
    }
}
