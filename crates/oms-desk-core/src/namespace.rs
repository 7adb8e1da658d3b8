//! Which keyring namespace the app's secrets live in. The installed app, a development build and
//! a test run must never share keyring entries: a test that removes an account would otherwise
//! delete a seller's real token. The namespace is therefore derived from the app identifier,
//! development builds add `.dev`, and tests name their own throwaway namespace.

use std::sync::Arc;

use oms_accounts::{KeyringSecretStore, SecretStore};

/// The app identifier, as in `tauri.conf.json`.
pub const APP_IDENTIFIER: &str = oms_batch::ledger::DESK_APP_IDENTIFIER;

/// The environment variable that overrides the keyring namespace (used by tests).
pub const KEYRING_NAMESPACE_VAR: &str = "OMS_DESK_KEYRING_NAMESPACE";

/// The keyring namespace of this build: the override from [`KEYRING_NAMESPACE_VAR`] when set,
/// else the app identifier, with `.dev` added in debug builds.
pub fn keyring_namespace(app_identifier: &str) -> String {
    let override_value = std::env::var(KEYRING_NAMESPACE_VAR).ok();

    namespace_for(
        app_identifier,
        cfg!(debug_assertions),
        override_value.as_deref(),
    )
}

/// The rule behind [`keyring_namespace`], with its inputs spelled out.
pub fn namespace_for(
    app_identifier: &str,
    debug_build: bool,
    override_value: Option<&str>,
) -> String {
    if let Some(chosen) = override_value.map(str::trim).filter(|v| !v.is_empty()) {
        return chosen.to_owned();
    }

    if debug_build {
        format!("{}.dev", app_identifier.trim())
    } else {
        app_identifier.trim().to_owned()
    }
}

/// The OS keyring under this build's namespace (service `<namespace>.accounts`).
pub fn keyring_store(app_identifier: &str) -> Arc<dyn SecretStore> {
    Arc::new(KeyringSecretStore::new(&keyring_namespace(app_identifier)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_builds_use_the_identifier_and_debug_builds_their_own_namespace() {
        assert_eq!(
            namespace_for(APP_IDENTIFIER, false, None),
            "com.omsdesk.app"
        );
        assert_eq!(
            namespace_for(APP_IDENTIFIER, true, None),
            "com.omsdesk.app.dev",
            "a development build must never touch the installed app's secrets"
        );
    }

    #[test]
    fn the_override_wins_and_a_blank_one_is_ignored() {
        assert_eq!(
            namespace_for(APP_IDENTIFIER, false, Some("oms-desk-test-42")),
            "oms-desk-test-42"
        );
        assert_eq!(
            namespace_for(APP_IDENTIFIER, true, Some("  ")),
            "com.omsdesk.app.dev",
            "an empty override must not put secrets under an empty service name"
        );
    }
}
