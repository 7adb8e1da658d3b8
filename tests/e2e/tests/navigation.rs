//! The UI shell in the real app: the navigation reaches every module, the reference-data screen
//! lists the sandbox's warehouses and the OMS's return codes, and the language toggle switches
//! every label to English.

#![cfg(feature = "e2e")]

use oms_desk_e2e::{AppHome, RunningApp, UI_TIMEOUT};

const MODULES: [&str; 10] = [
    "accounts",
    "reference",
    "products",
    "inbound",
    "b2c",
    "b2b",
    "returns",
    "inventory",
    "labels",
    "platform",
];

#[tokio::test]
async fn navigation_reaches_every_module_and_the_language_switches() {
    let home = AppHome::new();
    let app = RunningApp::start(&home).await;

    let banner = app
        .session
        .wait_for_text("env-banner", UI_TIMEOUT, |t| !t.is_empty())
        .await;
    let mut missing = Vec::new();
    for module in MODULES {
        if app
            .session
            .by_test_id(&format!("nav-{module}"), UI_TIMEOUT)
            .await
            .is_err()
        {
            missing.push(module);
        }
    }
    let nav_before = app
        .session
        .wait_for_text("nav-accounts", UI_TIMEOUT, |t| !t.is_empty())
        .await;

    app.session.click("nav-reference").await;
    let first_warehouse = app
        .session
        .wait_for_text("reference-table-row", UI_TIMEOUT, |t| !t.is_empty())
        .await;

    app.session.click("reference-tab-returnCodes").await;
    let token_code = app
        .session
        .wait_for_text("reference-table-row", UI_TIMEOUT, |t| {
            t.contains("请求成功")
        })
        .await;

    app.session.click("language-toggle").await;
    let nav_after = app
        .session
        .wait_for_text("nav-accounts", UI_TIMEOUT, |t| t == "Accounts")
        .await;
    app.screenshot("navigation-reference-english").await;
    app.stop().await;

    assert!(banner.is_ok(), "the banner shows: {banner:?}");
    assert!(
        missing.is_empty(),
        "every module is in the navigation; missing: {missing:?}"
    );
    assert_eq!(
        nav_before.expect("the accounts entry has text"),
        "账户",
        "the UI starts in Chinese"
    );
    let first_warehouse = first_warehouse.expect("the sandbox's warehouses are listed");
    assert!(
        first_warehouse.chars().any(|c| c.is_ascii_uppercase()),
        "a warehouse row shows its code: {first_warehouse}"
    );
    let token_code = token_code.expect("the return codes are listed");
    assert!(
        token_code.chars().any(|c| c.is_ascii_digit()),
        "a return code row shows the code with its meaning: {token_code}"
    );
    assert!(
        nav_after.is_ok(),
        "after the toggle the navigation is in English: {nav_after:?}"
    );
}
