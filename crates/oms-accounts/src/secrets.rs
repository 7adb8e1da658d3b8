//! Where account secrets live: the OS keyring (on Linux the Secret Service over D-Bus), never
//! the settings file.
//!
//! Keyring calls block, and a locked keyring can block for as long as an unlock prompt stays
//! open, so [`guarded`] runs every call on a blocking thread with a time limit; the store itself
//! stays a plain synchronous trait that is easy to implement.
//!
//! Entries are named by service and user. The service is derived from the app identifier, so a
//! development or test build (another identifier) can never read or delete the entries of the
//! installed app; the user is the account id.

use std::sync::Arc;
use std::time::Duration;

use oms_api::Secret;

use crate::error::KeyringError;

/// How long one keyring call may take before it is reported as [`KeyringError::TimedOut`].
pub const DEFAULT_KEYRING_TIMEOUT: Duration = Duration::from_secs(10);

/// A place that keeps one secret per account id. Calls may block; callers run them off the
/// async threads.
pub trait SecretStore: Send + Sync + 'static {
    /// Saves `secret` for the account, replacing any saved one.
    ///
    /// # Errors
    /// When the keyring is locked, missing or failing.
    fn save(&self, account_id: &str, secret: &Secret) -> Result<(), KeyringError>;

    /// The account's secret, or `None` when none is saved.
    ///
    /// # Errors
    /// When the keyring is locked, missing or failing.
    fn read(&self, account_id: &str) -> Result<Option<Secret>, KeyringError>;

    /// Deletes the account's secret; returns whether one was there.
    ///
    /// # Errors
    /// When the keyring is locked, missing or failing.
    fn delete(&self, account_id: &str) -> Result<bool, KeyringError>;
}

/// The OS keyring through the `keyring` crate: the Secret Service on Linux, the Keychain on
/// macOS, the Credential Manager on Windows.
///
/// # Limitation
/// The `keyring` crate connects to the keyring service once per process. If no service was
/// reachable at that moment, every later call fails with [`KeyringError::Unavailable`] until
/// OMS Desk is restarted, which is why that message asks for a restart.
#[derive(Clone, Debug)]
pub struct KeyringSecretStore {
    service: String,
}

impl KeyringSecretStore {
    /// The keyring of the app with this identifier (`com.omsdesk.app` uses the service
    /// `com.omsdesk.app.accounts`).
    pub fn new(app_identifier: &str) -> Self {
        Self {
            service: service_name(app_identifier),
        }
    }

    /// The keyring service name the entries are saved under.
    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, account_id: &str) -> Result<keyring::Entry, KeyringError> {
        keyring::Entry::new(&self.service, account_id).map_err(classify)
    }
}

impl SecretStore for KeyringSecretStore {
    fn save(&self, account_id: &str, secret: &Secret) -> Result<(), KeyringError> {
        self.entry(account_id)?
            .set_password(secret.expose())
            .map_err(classify)
    }

    fn read(&self, account_id: &str) -> Result<Option<Secret>, KeyringError> {
        match self.entry(account_id)?.get_password() {
            Ok(secret) => Ok(Some(Secret::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(classify(error)),
        }
    }

    fn delete(&self, account_id: &str) -> Result<bool, KeyringError> {
        match self.entry(account_id)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(error) => Err(classify(error)),
        }
    }
}

/// The keyring service name for an app identifier.
pub fn service_name(app_identifier: &str) -> String {
    format!("{}.accounts", app_identifier.trim())
}

/// Runs one call of `store` on a blocking thread and gives up after `timeout`.
///
/// A call that times out keeps its thread until the keyring answers; the caller is told at once.
pub(crate) async fn guarded<T, F>(
    store: &Arc<dyn SecretStore>,
    timeout: Duration,
    call: F,
) -> Result<T, KeyringError>
where
    T: Send + 'static,
    F: FnOnce(&dyn SecretStore) -> Result<T, KeyringError> + Send + 'static,
{
    let store = Arc::clone(store);
    let task = tokio::task::spawn_blocking(move || call(store.as_ref()));

    match tokio::time::timeout(timeout, task).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(join_error)) => Err(KeyringError::Failed(format!(
            "the keyring call stopped unexpectedly: {join_error}"
        ))),
        Err(_) => Err(KeyringError::TimedOut(timeout)),
    }
}

/// Sorts a `keyring` error into what the seller can do about it.
pub(crate) fn classify(error: keyring::Error) -> KeyringError {
    match error {
        keyring::Error::NoStorageAccess(detail) => KeyringError::Locked(detail.to_string()),
        keyring::Error::NoDefaultStore => {
            let detail = match keyring::Entry::store_status() {
                Err(reason) => reason.to_string(),
                Ok(()) => "no credential store is set up".to_owned(),
            };
            KeyringError::Unavailable(detail)
        }
        keyring::Error::PlatformFailure(detail) => {
            let text = error_chain(detail.as_ref());
            if text.contains("prompt") {
                KeyringError::Locked(text)
            } else if UNREACHABLE_MARKERS.iter().any(|m| text.contains(m)) {
                KeyringError::Unavailable(text)
            } else {
                KeyringError::Failed(text)
            }
        }
        keyring::Error::BadEncoding(_) => {
            KeyringError::Failed("the saved secret is not UTF-8 text".to_owned())
        }
        keyring::Error::BadDataFormat(_, _) => {
            KeyringError::Failed("the saved secret is not in the expected format".to_owned())
        }
        keyring::Error::Ambiguous(entries) => KeyringError::Failed(format!(
            "{} keyring entries match the account",
            entries.len()
        )),
        other => KeyringError::Failed(other.to_string()),
    }
}

/// Texts in Secret Service and D-Bus errors that mean nobody is answering.
const UNREACHABLE_MARKERS: &[&str] = &[
    "no secret service provider",
    "ServiceUnknown",
    "NameHasNoOwner",
    "Disconnected",
    "NoServer",
    "NoReply",
];

fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();

    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }

    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(text: &str) -> keyring::Error {
        keyring::Error::PlatformFailure(text.to_owned().into())
    }

    #[test]
    fn the_service_name_follows_the_app_identifier() {
        assert_eq!(
            KeyringSecretStore::new("com.omsdesk.app").service(),
            "com.omsdesk.app.accounts"
        );
        assert_eq!(
            KeyringSecretStore::new("com.omsdesk.dev").service(),
            "com.omsdesk.dev.accounts",
            "a dev build must use its own namespace"
        );
    }

    #[test]
    fn keyring_errors_are_sorted_by_what_the_seller_can_do() {
        let locked = classify(keyring::Error::NoStorageAccess("object locked".into()));
        let dismissed = classify(platform(
            "SS error: connection closed before prompt completed",
        ));
        let missing = classify(platform(
            "zbus error: org.freedesktop.DBus.Error.ServiceUnknown: no such name",
        ));
        let absent = classify(platform("no secret service provider or dbus session found"));
        let other = classify(platform("Crypto error: bad key"));

        assert_eq!(locked.code(), "keyringLocked");
        assert_eq!(dismissed.code(), "keyringLocked");
        assert_eq!(missing.code(), "keyringUnavailable");
        assert_eq!(absent.code(), "keyringUnavailable");
        assert_eq!(other.code(), "keyringFailed");
        assert!(
            locked.to_string().contains("系统钥匙串已锁定")
                && locked.to_string().contains("unlock it and try again"),
            "the locked message must say what to do in both languages: {locked}"
        );
    }

    #[test]
    fn errors_carrying_secret_bytes_do_not_repeat_them() {
        let error = classify(keyring::Error::BadEncoding(b"top-secret\xff".to_vec()));

        let shown = format!("{error} {error:?}");

        assert_eq!(error.code(), "keyringFailed");
        assert!(
            !shown.contains("top-secret"),
            "secret bytes leaked: {shown}"
        );
        assert!(
            !shown.contains("116, 111, 112"),
            "secret bytes leaked as numbers: {shown}"
        );
    }
}
