//! The real `oms-desk` binary in its real webview: on a first start with no account it starts
//! the embedded sandbox and creates the "Local sandbox" account, shows which environment is
//! active, and "test connection" succeeds against it. It writes only into the temporary folders
//! and keyring namespace it was given.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

fn real_home_config() -> Option<std::path::PathBuf> {
    let home = std::env::var("HOME").ok()?;
    Some(std::path::Path::new(&home).join(".config/com.omsdesk.app"))
}

fn answered(text: &str) -> bool {
    ["成功", "OK", "失败", "rror"]
        .iter()
        .any(|word| text.contains(word))
}

#[tokio::test]
async fn first_start_creates_the_local_sandbox_and_test_connection_succeeds() {
    let home = AppHome::new();
    let real_config_existed = real_home_config().is_some_and(|p| p.exists());
    let app = RunningApp::start(&home).await;

    let banner = app
        .session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    if banner.is_err() {
        app.screenshot("shell-no-banner").await;
        let page = app
            .session
            .execute("return document.body.outerHTML", serde_json::json!([]))
            .await;
        panic!("the environment banner does not show: {banner:?}\npage: {page:?}");
    }
    let banner = banner.unwrap();
    let title = app.session.title().await.expect("the window has a title");
    let rows = app
        .session
        .find_all("[data-testid=\"account-row\"]")
        .await
        .expect("account rows");
    let first_row = match rows.first() {
        Some(row) => row.text().await.unwrap_or_default(),
        None => String::new(),
    };
    app.session.click("test-connection").await;
    let result = app
        .session
        .wait_for_text("connection-result", UI_TIMEOUT, answered)
        .await;
    app.screenshot("shell-first-start").await;
    app.stop().await;

    assert_eq!(title, "OMS Desk");
    assert!(
        banner.contains("沙盒") || banner.contains("andbox"),
        "the banner names the sandbox: {banner}"
    );
    assert_eq!(
        rows.len(),
        1,
        "exactly one account is created on first start"
    );
    assert!(
        first_row.contains("沙盒") || first_row.contains("andbox"),
        "{first_row}"
    );
    let result = result.expect("test connection answers");
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
        written
            .iter()
            .any(|p| p.starts_with("config/com.omsdesk.app/")),
        "settings are in the temporary config folder: {written:?}"
    );
    assert!(
        written
            .iter()
            .any(|p| p.starts_with("data/com.omsdesk.app/")),
        "the sandbox data is in the temporary data folder: {written:?}"
    );
    assert_eq!(
        real_home_config().is_some_and(|p| p.exists()),
        real_config_existed,
        "the real config folder must not be touched"
    );
}
