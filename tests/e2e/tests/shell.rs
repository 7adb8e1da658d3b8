//! The real `oms-desk` binary in its real webview: on a first start with no account it starts
//! the embedded sandbox and creates the "Local sandbox" account, shows which environment is
//! active, and "test connection" succeeds against it. It writes only into the temporary folders
//! and keyring namespace it was given.

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

fn real_home_config() -> Option<std::path::PathBuf> {
    std::env::var("HOME")
        .ok()
        .map(|home| std::path::Path::new(&home).join(".config/com.omsdesk.app"))
}

#[tokio::test]
async fn first_start_creates_the_local_sandbox_and_test_connection_succeeds() {
    let home = AppHome::new();
    let real_config_existed = real_home_config().is_some_and(|p| p.exists());
    let app = RunningApp::start(&home).await;

    let title = app.session.title().await.expect("the window has a title");
    let banner = app
        .session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let banner = banner.expect("the environment banner shows");
    let rows = app
        .session
        .find_all("[data-testid=\"account-row\"]")
        .await
        .expect("account rows");
    let first_row = rows
        .first()
        .expect("the local sandbox account was created")
        .text()
        .await
        .unwrap();
    app.session
        .by_test_id("test-connection", UI_TIMEOUT)
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let result = app
        .session
        .wait_for_text("connection-result", UI_TIMEOUT, |t| {
            t.contains("成功") || t.contains("OK") || t.contains("失败") || t.contains("rror")
        })
        .await
        .expect("test connection answers");
    app.screenshot("shell-first-start").await;
    app.stop().await;

    assert_eq!(title, "OMS Desk");
    assert!(
        banner.contains("沙盒") || banner.contains("sandbox"),
        "the banner names the sandbox: {banner}"
    );
    assert_eq!(
        rows.len(),
        1,
        "exactly one account is created on first start"
    );
    assert!(
        first_row.contains("沙盒") || first_row.contains("sandbox"),
        "{first_row}"
    );
    assert!(
        result.contains("成功") || result.contains("OK"),
        "test connection succeeds: {result}"
    );
    let written: Vec<String> = home
        .files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        written.iter().any(|p| p.starts_with("config/")),
        "settings are in the temporary config folder: {written:?}"
    );
    assert!(
        written.iter().any(|p| p.starts_with("data/")),
        "the sandbox data is in the temporary data folder: {written:?}"
    );
    assert_eq!(
        real_home_config().is_some_and(|p| p.exists()),
        real_config_existed,
        "the real config folder must not be touched"
    );
}
