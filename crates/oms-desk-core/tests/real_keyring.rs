//! The app state against the real Secret Service (gnome-keyring on a private D-Bus session
//! started by `crates/oms-accounts/tests/with-keyring.sh`), in the keyring namespace the app
//! itself would pick from `OMS_DESK_KEYRING_NAMESPACE`: a secret survives a restart of the app
//! state, is replaced and deleted in the keyring itself, and never reaches the accounts file or
//! the log file. Nothing is left under the test namespace, and nothing is ever written under
//! the app's real namespaces.
//!
//! The steps depend on each other's entries, so this is a plain program that runs them in
//! order; it fails (never skips) when no Secret Service answers.

use std::process::{Command, ExitCode};
use std::sync::Arc;

use oms_accounts::{CredentialsKind, Environment, SecretStore};
use oms_desk_core::{
    keyring_namespace, keyring_store, logging, AccountInput, AppFolders, DeskState, APP_IDENTIFIER,
    KEYRING_NAMESPACE_VAR,
};

const TEST_NAMESPACE: &str = "com.omsdesk.keyring-test";
const REAL_SERVICES: &[&str] = &["com.omsdesk.app.accounts", "com.omsdesk.app.dev.accounts"];
const FIRST: &str = "token-DESK-FIRST-4a1c";
const SECOND: &str = "token-DESK-SECOND-77e0";

type Step = Result<(), String>;

macro_rules! ensure {
    ($condition:expr, $($why:tt)+) => {
        if !$condition {
            return Err(format!($($why)+));
        }
    };
}

fn main() -> ExitCode {
    // Set before any thread starts: the app reads the namespace from its environment.
    std::env::set_var(KEYRING_NAMESPACE_VAR, TEST_NAMESPACE);
    let root = tempfile::tempdir().expect("a temporary folder");
    let folders = AppFolders::inside(root.path());
    let guard = logging::install(&folders.logs).expect("logging to the temporary log folder");

    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let outcome = runtime.block_on(run(&folders));
    drop(guard);
    let outcome = outcome.and_then(|()| secrets_absent_from_files(&folders));

    match outcome {
        Ok(()) => {
            eprintln!("desk real keyring: all steps passed");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("desk real keyring: FAILED: {failure}");
            ExitCode::FAILURE
        }
    }
}

async fn run(folders: &AppFolders) -> Step {
    let service = format!("{}.accounts", keyring_namespace(APP_IDENTIFIER));
    ensure!(
        service == format!("{TEST_NAMESPACE}.accounts"),
        "the override must pick the test namespace, got {service}"
    );
    let secrets = keyring_store(APP_IDENTIFIER);
    let probe = tokio::task::spawn_blocking({
        let secrets = Arc::clone(&secrets);
        move || secrets.read("reachability-probe")
    })
    .await
    .map_err(|e| e.to_string())?;
    ensure!(
        probe.is_ok(),
        "no usable Secret Service (run under with-keyring.sh): {:?}",
        probe.err()
    );
    ensure!(
        items_under(&service, None)?.is_empty(),
        "{service} must start empty"
    );
    let real_before = real_items()?;

    let id = step(
        "a saved secret is read back by a restarted app state",
        async {
            let state = open(folders, &secrets)?;
            let account = state
                .add_account(input(Some(FIRST)))
                .await
                .map_err(|e| format!("add: {e}"))?;
            drop(state);

            let restarted = open(folders, &secrets)?;
            restarted
                .switch_account(&account.id)
                .await
                .map_err(|e| format!("switch: {e}"))?;
            let client = restarted
                .client()
                .await
                .map_err(|e| format!("client: {e}"))?;

            ensure!(
                client.base_url() == "https://oms.keyring-test.invalid",
                "the client must be built from the saved account"
            );
            ensure!(
                items_under(&service, Some(&account.id))?.len() == 1,
                "the Secret Service holds one item for the account"
            );
            Ok(account.id)
        },
    )
    .await?;

    step("a replaced secret replaces the keyring item", async {
        let state = open(folders, &secrets)?;
        state
            .edit_account(&id, input(Some(SECOND)))
            .await
            .map_err(|e| format!("edit: {e}"))?;

        let read = tokio::task::spawn_blocking({
            let secrets = Arc::clone(&secrets);
            let id = id.clone();
            move || secrets.read(&id)
        })
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;

        ensure!(
            read.as_ref().map(|s| s.expose()) == Some(SECOND),
            "the new secret must be in the keyring"
        );
        ensure!(
            items_under(&service, Some(&id))?.len() == 1,
            "replacing must not leave a second item"
        );
        Ok(())
    })
    .await?;

    step("removing the account deletes its keyring item", async {
        let state = open(folders, &secrets)?;
        state
            .remove_account(&id)
            .await
            .map_err(|e| format!("remove: {e}"))?;

        ensure!(
            items_under(&service, None)?.is_empty(),
            "nothing may be left under {service}"
        );
        Ok(())
    })
    .await?;

    step(
        "the app's real keyring namespaces were never touched",
        async {
            let real_after = real_items()?;

            ensure!(
                real_after == real_before,
                "items under the real namespaces changed: {real_before:?} -> {real_after:?}"
            );
            Ok(())
        },
    )
    .await
}

fn input(secret: Option<&str>) -> AccountInput {
    AccountInput {
        name: "Keyring test".into(),
        environment: Environment::Custom("https://oms.keyring-test.invalid".into()),
        credentials_kind: CredentialsKind::ApiToken,
        secret: secret.map(str::to_owned),
    }
}

fn open(folders: &AppFolders, secrets: &Arc<dyn SecretStore>) -> Result<DeskState, String> {
    DeskState::open(folders.clone(), Arc::clone(secrets)).map_err(|e| format!("open: {e}"))
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

/// The accounts file and every log file hold the public settings but never a secret.
fn secrets_absent_from_files(folders: &AppFolders) -> Step {
    let accounts = std::fs::read(folders.config.join(oms_accounts::SETTINGS_FILE))
        .map_err(|e| format!("the accounts file must exist: {e}"))?;
    let mut logs = Vec::new();
    for entry in std::fs::read_dir(&folders.logs).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        logs.extend(std::fs::read(&path).map_err(|e| e.to_string())?);
    }

    ensure!(
        contains(&logs, "account added") && contains(&logs, "account removed"),
        "the log must record the account changes (else this check proves nothing)"
    );
    for secret in [FIRST, SECOND] {
        ensure!(
            !contains(&accounts, secret),
            "{secret} found in accounts.json"
        );
        ensure!(!contains(&logs, secret), "{secret} found in the log file");
    }
    eprintln!("ok - neither the accounts file nor the log holds a secret");
    Ok(())
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn real_items() -> Result<Vec<String>, String> {
    let mut all = Vec::new();
    for service in REAL_SERVICES {
        all.extend(items_under(service, None)?);
    }
    Ok(all)
}

/// The Secret Service items whose attributes match, asked over D-Bus with `gdbus`,
/// independently of the code under test.
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

    let answer = String::from_utf8_lossy(&output.stdout);
    Ok(answer
        .split('\'')
        .filter(|part| part.starts_with("/org/freedesktop/secrets/collection/"))
        .map(str::to_owned)
        .collect())
}
