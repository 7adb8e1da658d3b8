//! The account logic with secrets kept in memory: validation, names, the active account, the
//! settings file's atomic writes and damaged-file handling, and keyring failures.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use oms_api::Secret;

use super::*;
use crate::account::Environment;
use crate::testing::{FailingSecretStore, MemorySecretStore, StalledSecretStore};

fn token_account(name: &str, token: &str) -> NewAccount {
    NewAccount {
        name: name.to_owned(),
        environment: Environment::Production,
        credentials_kind: CredentialsKind::ApiToken,
        secret: Secret::new(token),
    }
}

fn open(folder: &Path, secrets: &Arc<MemorySecretStore>) -> AccountStore {
    let secrets: Arc<dyn SecretStore> = secrets.clone();

    AccountStore::open(folder, secrets).expect("the store opens")
}

fn fields(error: &AccountsError) -> Vec<&str> {
    error
        .field_errors()
        .iter()
        .map(|e| e.field.as_str())
        .collect()
}

fn folder_entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn every_bad_field_is_reported_at_once_and_nothing_is_saved() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);

    let error = store
        .add(NewAccount {
            name: "  ".into(),
            environment: Environment::Custom("ftp://oms.example.com".into()),
            credentials_kind: CredentialsKind::KeyAndSecret {
                api_key: " ".into(),
            },
            secret: Secret::new(" \n"),
        })
        .await
        .expect_err("blank fields must be refused");

    assert_eq!(error.code(), "validation");
    assert_eq!(
        fields(&error),
        [
            "name",
            "environment.url",
            "credentialsKind.apiKey",
            "secret"
        ],
        "each bad field must be named: {error}"
    );
    assert!(store.accounts().is_empty(), "nothing may be added");
    assert_eq!(secrets.len(), 0, "no secret may be saved");
    assert!(
        !store.file().exists(),
        "no settings file may be written for refused input"
    );
}

#[tokio::test]
async fn a_custom_server_needs_an_http_address() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let mut new = token_account("Own server", "tok");
    new.environment = Environment::Custom("oms.example.com".into());

    let error = store.add(new.clone()).await.expect_err("no scheme");
    new.environment = Environment::Custom(" https://oms.example.com/ ".into());
    let added = store.add(new).await.expect("an https address is fine");

    assert_eq!(fields(&error), ["environment.url"]);
    assert_eq!(
        added.environment,
        Environment::Custom("https://oms.example.com".into()),
        "spaces and the trailing slash are trimmed"
    );
}

#[tokio::test]
async fn names_are_unique_ignoring_case_and_spaces() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let west = store.add(token_account("US West", "t1")).await.unwrap();
    let east = store.add(token_account("US East", "t2")).await.unwrap();

    let duplicate = store
        .add(token_account("  us west ", "t3"))
        .await
        .expect_err("same name in another case");
    let renamed_onto = store
        .edit(
            &east.id,
            AccountChanges {
                name: "US WEST".into(),
                environment: Environment::Production,
                credentials_kind: CredentialsKind::ApiToken,
                secret: None,
            },
        )
        .await
        .expect_err("renaming onto another account's name");
    let kept = store
        .edit(
            &west.id,
            AccountChanges {
                name: "US West".into(),
                environment: Environment::VendorTest,
                credentials_kind: CredentialsKind::ApiToken,
                secret: None,
            },
        )
        .await;

    assert_eq!(fields(&duplicate), ["name"]);
    assert_eq!(fields(&renamed_onto), ["name"]);
    assert!(
        kept.is_ok(),
        "an account keeping its own name is no duplicate: {kept:?}"
    );
    assert_eq!(store.accounts().len(), 2);
    assert_eq!(store.account(&east.id).unwrap().name, "US East");
}

#[tokio::test]
async fn the_first_account_is_active_and_switching_survives_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let first = store.add(token_account("A", "t1")).await.unwrap();
    let second = store.add(token_account("B", "t2")).await.unwrap();
    let active_before = store.active().map(|a| a.id.clone());

    let switched = store.switch_active(&second.id).unwrap().id.clone();
    let unknown = store.switch_active("no-such-id").expect_err("unknown id");
    let reopened = open(folder.path(), &secrets);

    assert_eq!(
        active_before.as_deref(),
        Some(first.id.as_str()),
        "the first account becomes active"
    );
    assert_eq!(switched, second.id);
    assert_eq!(unknown.code(), "unknownAccount");
    assert_eq!(
        reopened.active().map(|a| a.id.as_str()),
        Some(second.id.as_str()),
        "the active account must be read back from the file"
    );
    assert_eq!(reopened.accounts(), store.accounts());
}

#[tokio::test]
async fn removing_the_active_account_activates_the_next_and_deletes_its_secret() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let first = store.add(token_account("A", "t1")).await.unwrap();
    let second = store.add(token_account("B", "t2")).await.unwrap();

    store.remove(&first.id).await.unwrap();
    let active_after_first = store.active().map(|a| a.id.clone());
    store.remove(&second.id).await.unwrap();

    assert_eq!(active_after_first.as_deref(), Some(second.id.as_str()));
    assert_eq!(secrets.saved(&first.id), None, "the secret must be deleted");
    assert!(store.active().is_none(), "no account left, none active");
    assert!(store.accounts().is_empty());
    assert!(open(folder.path(), &secrets).accounts().is_empty());
    assert!(matches!(
        store.remove(&first.id).await,
        Err(AccountsError::UnknownAccount(_))
    ));
}

#[tokio::test]
async fn editing_replaces_the_secret_only_when_asked_and_a_new_kind_needs_one() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let account = store.add(token_account("A", "old-token")).await.unwrap();
    let to_key = |secret: Option<&str>| AccountChanges {
        name: "A".into(),
        environment: Environment::Production,
        credentials_kind: CredentialsKind::KeyAndSecret {
            api_key: "AK-1".into(),
        },
        secret: secret.map(Secret::new),
    };

    let without_secret = store
        .edit(&account.id, to_key(None))
        .await
        .expect_err("a new kind without a secret");
    let kept_token = secrets.saved(&account.id);
    let edited = store
        .edit(&account.id, to_key(Some(" new-secret ")))
        .await
        .unwrap();

    assert_eq!(fields(&without_secret), ["secret"]);
    assert_eq!(kept_token.as_deref(), Some("old-token"));
    assert_eq!(secrets.saved(&account.id).as_deref(), Some("new-secret"));
    assert_eq!(
        edited.credentials_kind,
        CredentialsKind::KeyAndSecret {
            api_key: "AK-1".into()
        }
    );
    assert_eq!(
        store.secret(&account.id).await.unwrap().expose(),
        "new-secret"
    );
}

#[tokio::test]
async fn the_settings_file_holds_no_secret_and_debug_prints_none() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let new = NewAccount {
        name: "Key account".into(),
        environment: Environment::VendorTest,
        credentials_kind: CredentialsKind::KeyAndSecret {
            api_key: "AK-PUBLIC".into(),
        },
        secret: Secret::new("SECRET-VALUE-42"),
    };
    let printed = format!("{new:?}");

    store.add(new).await.unwrap();
    let bytes = std::fs::read(store.file()).unwrap();
    let text = String::from_utf8(bytes).unwrap();

    assert!(
        text.contains("AK-PUBLIC"),
        "the API key belongs in the file"
    );
    assert!(
        !text.contains("SECRET-VALUE-42"),
        "secret in the file: {text}"
    );
    assert!(
        !printed.contains("SECRET-VALUE-42"),
        "secret in Debug: {printed}"
    );
    assert!(!format!("{store:?}").contains("SECRET-VALUE-42"));
}

#[tokio::test]
async fn writes_are_atomic_and_leave_no_temporary_files() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("not-yet-created");
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(&config, &secrets);

    let a = store.add(token_account("A", "t1")).await.unwrap();
    let b = store.add(token_account("B", "t2")).await.unwrap();
    store.switch_active(&b.id).unwrap();
    store.remove(&a.id).await.unwrap();

    assert_eq!(folder_entries(&config), [SETTINGS_FILE]);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(store.file()).unwrap()).unwrap();
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["activeAccountId"], b.id.as_str());
    assert_eq!(saved["accounts"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn a_failed_write_changes_nothing_and_takes_the_new_secret_back() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("config");
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(&config, &secrets);
    // A file where the config folder should be makes every write fail.
    std::fs::write(&config, b"in the way").unwrap();

    let error = store
        .add(token_account("A", "t1"))
        .await
        .expect_err("the folder cannot be created");

    assert_eq!(error.code(), "settingsNotSaved");
    assert!(store.accounts().is_empty(), "memory must match the disk");
    assert_eq!(secrets.len(), 0, "the saved secret must be deleted again");
}

#[test]
fn a_missing_file_is_an_empty_store() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());

    let store = open(folder.path(), &secrets);

    assert!(store.accounts().is_empty());
    assert!(store.active().is_none());
    assert!(store.recovery().is_none());
    assert!(
        folder_entries(folder.path()).is_empty(),
        "opening writes nothing"
    );
}

#[tokio::test]
async fn a_damaged_file_is_moved_aside_with_its_content_and_never_overwritten() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let damaged = b"{\"version\": 1, \"accounts\": [ {\"id\": ";
    std::fs::write(folder.path().join(SETTINGS_FILE), damaged).unwrap();

    let mut store = open(folder.path(), &secrets);
    let recovery = store.recovery().cloned().expect("the damage is reported");
    store.add(token_account("A", "t1")).await.unwrap();

    let backup_name = recovery.backup.file_name().unwrap().to_string_lossy();
    assert!(
        backup_name.starts_with("accounts.json.corrupt-2"),
        "backup named with a timestamp: {backup_name}"
    );
    assert_eq!(
        std::fs::read(&recovery.backup).unwrap(),
        damaged,
        "the backup keeps the damaged bytes"
    );
    assert!(recovery.message().contains("已损坏") && recovery.message().contains("damaged"));
    assert!(store.accounts().len() == 1);
    assert_eq!(
        folder_entries(folder.path()).len(),
        2,
        "accounts.json and the backup"
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join(SETTINGS_FILE);
    let newer = br#"{"version": 7, "accounts": "some future shape"}"#;
    std::fs::write(&file, newer).unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecretStore::default());

    let error = AccountStore::open(folder.path(), secrets).expect_err("newer format");

    assert_eq!(error.code(), "settingsTooNew");
    assert_eq!(std::fs::read(&file).unwrap(), newer);
    assert_eq!(folder_entries(folder.path()), [SETTINGS_FILE]);
}

#[tokio::test]
async fn a_locked_keyring_stops_the_change_with_advice() {
    let folder = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(FailingSecretStore(KeyringError::Locked(
        "object locked".into(),
    )));
    let mut store = AccountStore::open(folder.path(), secrets).unwrap();

    let error = store
        .add(token_account("A", "t1"))
        .await
        .expect_err("keyring locked");

    assert_eq!(error.code(), "keyringLocked");
    assert!(
        error.to_string().contains("系统钥匙串已锁定，请解锁后重试"),
        "{error}"
    );
    assert!(store.accounts().is_empty());
    assert!(
        !store.file().exists(),
        "nothing written when the secret was not saved"
    );
}

#[tokio::test]
async fn a_keyring_that_does_not_answer_times_out() {
    let folder = tempfile::tempdir().unwrap();
    let (release, stalled) = mpsc::channel();
    let secrets: Arc<dyn SecretStore> = Arc::new(StalledSecretStore(Mutex::new(stalled)));
    let mut store = AccountStore::open(folder.path(), secrets)
        .unwrap()
        .with_keyring_timeout(Duration::from_millis(50));

    let outcome = store.add(token_account("A", "t1")).await;
    drop(release);

    let error = outcome.expect_err("the keyring never answered");
    assert_eq!(error.code(), "keyringTimeout");
    assert!(error.to_string().contains("did not answer"), "{error}");
    assert!(store.accounts().is_empty());
}

#[tokio::test]
async fn a_missing_secret_is_reported_by_account_name() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let account = store.add(token_account("Lost", "t1")).await.unwrap();
    secrets.delete(&account.id).unwrap();

    let error = store
        .secret(&account.id)
        .await
        .expect_err("deleted outside");

    assert_eq!(error.code(), "secretMissing");
    assert!(error.to_string().contains("Lost"), "{error}");
}

#[tokio::test]
async fn clients_use_the_environment_and_the_saved_secret() {
    let folder = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let mut store = open(folder.path(), &secrets);
    let production = store.add(token_account("Prod", "t1")).await.unwrap();
    let mut sandbox = token_account("Sandbox", "t2");
    sandbox.environment = Environment::LocalSandbox;
    sandbox.credentials_kind = CredentialsKind::KeyAndSecret {
        api_key: "AK".into(),
    };
    let sandbox = store.add(sandbox).await.unwrap();

    let prod_client = store.client_for(&production, None).await.unwrap();
    let sandbox_client = store
        .client_for(&sandbox, Some("http://127.0.0.1:41234"))
        .await
        .unwrap();
    let not_running = store
        .client_for(&sandbox, None)
        .await
        .expect_err("no sandbox address");

    assert_eq!(prod_client.base_url(), "https://oms-api.zbao56.com");
    assert_eq!(sandbox_client.base_url(), "http://127.0.0.1:41234");
    assert_eq!(not_running.code(), "sandboxNotRunning");
}

#[test]
fn timestamps_are_utc_calendar_dates() {
    let leap_day = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
    let new_year = UNIX_EPOCH + Duration::from_secs(946_684_799);

    assert_eq!(utc_stamp(leap_day), "20240229T123456Z");
    assert_eq!(utc_stamp(new_year), "19991231T235959Z");
    assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
}
