//! The account store against the real Secret Service (gnome-keyring on a private D-Bus session
//! started by `tests/with-keyring.sh`): secrets survive an app restart, are replaced and deleted
//! in the keyring itself, and never reach `accounts.json`.
//!
//! The steps share one keyring and depend on each other's entries, so this is a plain program
//! that runs them in order and ends by checking that the test namespace is empty again. It uses
//! the identifier `com.omsdesk.test`, never the app's, and fails (does not skip) when no Secret
//! Service answers.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::sync::Arc;

use oms_accounts::{
    AccountChanges, AccountStore, CredentialsKind, Environment, KeyringSecretStore, NewAccount,
    SecretStore,
};
use oms_api::Secret;

const TEST_APP_ID: &str = "com.omsdesk.test";
const APP_SERVICE: &str = "com.omsdesk.app.accounts";

type Step = Result<(), String>;

macro_rules! ensure {
    ($condition:expr, $($why:tt)+) => {
        if !$condition {
            return Err(format!($($why)+));
        }
    };
}

fn main() -> ExitCode {
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");

    match runtime.block_on(run()) {
        Ok(()) => {
            eprintln!("real keyring: all steps passed");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("real keyring: FAILED: {failure}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Step {
    let keyring = KeyringSecretStore::new(TEST_APP_ID);
    let service = keyring.service().to_owned();
    ensure!(
        service != APP_SERVICE,
        "the tests must not use the app's namespace"
    );
    let probe = tokio::task::spawn_blocking({
        let keyring = keyring.clone();
        move || keyring.read("reachability-probe")
    })
    .await
    .map_err(|e| e.to_string())?;
    ensure!(
        probe.is_ok(),
        "no usable Secret Service (run under tests/with-keyring.sh): {}",
        probe.err().map(|e| e.to_string()).unwrap_or_default()
    );
    ensure!(
        items_under(&service, None)?.is_empty(),
        "the test namespace {service} must start empty"
    );
    let secrets: Arc<dyn SecretStore> = Arc::new(keyring);
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;

    let token_id = step("a saved secret is read back after a restart", async {
        let mut store = open(folder.path(), &secrets)?;
        let added = store
            .add(NewAccount {
                name: "US West".into(),
                environment: Environment::Production,
                credentials_kind: CredentialsKind::ApiToken,
                secret: Secret::new("token-FIRST-7f3a"),
            })
            .await
            .map_err(|e| format!("add: {e}"))?;
        drop(store);

        let restarted = open(folder.path(), &secrets)?;
        let read = restarted
            .secret(&added.id)
            .await
            .map_err(|e| format!("read after restart: {e}"))?;

        ensure!(
            read.expose() == "token-FIRST-7f3a",
            "the secret read back differs"
        );
        ensure!(
            items_under(&service, Some(&added.id))?.len() == 1,
            "the Secret Service itself must hold one item for the account"
        );
        Ok(added.id)
    })
    .await?;

    step("a replaced secret replaces the keyring item", async {
        let mut store = open(folder.path(), &secrets)?;
        store
            .edit(
                &token_id,
                AccountChanges {
                    name: "US West".into(),
                    environment: Environment::VendorTest,
                    credentials_kind: CredentialsKind::ApiToken,
                    secret: Some(Secret::new("token-SECOND-91bc")),
                },
            )
            .await
            .map_err(|e| format!("edit: {e}"))?;

        let read = open(folder.path(), &secrets)?
            .secret(&token_id)
            .await
            .map_err(|e| format!("read: {e}"))?;

        ensure!(
            read.expose() == "token-SECOND-91bc",
            "the new secret must be read back"
        );
        ensure!(
            items_under(&service, Some(&token_id))?.len() == 1,
            "replacing must not leave a second item"
        );
        Ok(())
    })
    .await?;

    let key_id = step(
        "a key-and-secret account signs a client from the keyring",
        async {
            let mut store = open(folder.path(), &secrets)?;
            let added = store
                .add(NewAccount {
                    name: "EU".into(),
                    environment: Environment::Custom("https://oms.example.test".into()),
                    credentials_kind: CredentialsKind::KeyAndSecret {
                        api_key: "AK-PUBLIC-5521".into(),
                    },
                    secret: Secret::new("apisecret-THIRD-c0de"),
                })
                .await
                .map_err(|e| format!("add: {e}"))?;

            let client = open(folder.path(), &secrets)?
                .client_for(&added, None)
                .await
                .map_err(|e| format!("client: {e}"))?;

            ensure!(
                client.base_url() == "https://oms.example.test",
                "unexpected base URL {}",
                client.base_url()
            );
            Ok(added.id)
        },
    )
    .await?;

    step("accounts.json never contains a secret", async {
        let bytes = std::fs::read(folder.path().join(oms_accounts::SETTINGS_FILE))
            .map_err(|e| e.to_string())?;

        ensure!(
            contains(&bytes, "AK-PUBLIC-5521") && contains(&bytes, "US West"),
            "the file must hold the public settings (else this check proves nothing)"
        );
        for secret in [
            "token-FIRST-7f3a",
            "token-SECOND-91bc",
            "apisecret-THIRD-c0de",
        ] {
            ensure!(!contains(&bytes, secret), "{secret} found in accounts.json");
        }
        Ok(())
    })
    .await?;

    step("removing an account deletes its keyring item", async {
        let mut store = open(folder.path(), &secrets)?;
        store
            .remove(&token_id)
            .await
            .map_err(|e| format!("remove: {e}"))?;

        let direct = secrets.read(&token_id).map_err(|e| e.to_string())?;

        ensure!(direct.is_none(), "the keyring still answers with a secret");
        ensure!(
            items_under(&service, Some(&token_id))?.is_empty(),
            "the Secret Service still holds the item"
        );
        ensure!(
            items_under(&service, Some(&key_id))?.len() == 1,
            "the other account's item must stay"
        );
        Ok(())
    })
    .await?;

    step("nothing is left under the test service name", async {
        let mut store = open(folder.path(), &secrets)?;
        store
            .remove(&key_id)
            .await
            .map_err(|e| format!("remove: {e}"))?;

        let left = items_under(&service, None)?;

        ensure!(left.is_empty(), "entries left under {service}: {left:?}");
        ensure!(
            store.accounts().is_empty(),
            "the account list must be empty"
        );
        Ok(())
    })
    .await
}

async fn step<T>(
    name: &str,
    body: impl std::future::Future<Output = Result<T, String>>,
) -> Result<T, String> {
    match body.await {
        Ok(value) => {
            eprintln!("ok - {name}");
            Ok(value)
        }
        Err(why) => Err(format!("{name}: {why}")),
    }
}

fn open(folder: &Path, secrets: &Arc<dyn SecretStore>) -> Result<AccountStore, String> {
    AccountStore::open(folder, Arc::clone(secrets)).map_err(|e| format!("open: {e}"))
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// The Secret Service items whose `service` (and `username`, when given) attributes match,
/// asked over D-Bus with `gdbus`, independently of the code under test.
fn items_under(service: &str, username: Option<&str>) -> Result<Vec<String>, String> {
    let mut attributes = format!("{{'service': '{service}'");
    if let Some(user) = username {
        attributes.push_str(&format!(", 'username': '{user}'"));
    }
    attributes.push('}');

    let output = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.secrets",
            "--object-path",
            "/org/freedesktop/secrets",
            "--method",
            "org.freedesktop.Secret.Service.SearchItems",
            &attributes,
        ])
        .output()
        .map_err(|e| format!("cannot run gdbus: {e}"))?;
    ensure!(
        output.status.success(),
        "the Secret Service search failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );

    // The answer is `([unlocked paths], [locked paths])`; every path is an item.
    let answer = String::from_utf8_lossy(&output.stdout);
    Ok(answer
        .split('\'')
        .filter(|part| part.starts_with("/org/freedesktop/secrets/collection/"))
        .map(str::to_owned)
        .collect())
}
