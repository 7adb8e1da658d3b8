//! The `oms` binary as a user runs it: the catalogue, token minting, and calls against a
//! recording server on loopback, with the exit codes and messages a script can rely on.

#[path = "../../oms-api/tests/support/mod.rs"]
mod support;

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};
use support::{read_json, spec_dir, Reply, TestServer};

fn oms(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_oms"));
    command
        .args(args)
        .env_remove("OMS_BASE_URL")
        .env_remove("OMS_API_TOKEN")
        .env_remove("OMS_API_KEY")
        .env_remove("OMS_API_SECRET")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());

    let mut child = command.spawn().expect("oms starts");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .expect("write stdin");
    drop(input);

    child.wait_with_output().expect("oms finishes")
}

async fn oms_async(args: Vec<String>, env: Vec<(String, String)>, stdin: Option<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        oms(&args, &env, stdin.as_deref())
    })
    .await
    .expect("the command thread finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn endpoints_json_lists_the_whole_catalogue_with_marks() {
    let output = oms(&["endpoints", "--json"], &[], None);

    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let contract = read_json(&spec_dir().join("endpoints.json"));
    assert_eq!(rows.len(), contract["endpoints"].as_array().unwrap().len());
    let inferred = rows.iter().filter(|r| r["mark"] == "inferred").count();
    assert_eq!(inferred, 34, "34 endpoints are inferred by convention");
    assert_eq!(rows[0]["id"], "welcome");
}

#[test]
fn token_mint_reproduces_the_documented_token() {
    let expected = read_json(&spec_dir().join("examples/sandbox-token.response.json"));

    let output = oms(
        &[
            "token",
            "mint",
            "--timestamp",
            "1772424621277",
            "--nonce",
            "42eb69234f964d369f6f0d43fac8fe9f",
        ],
        &[
            ("OMS_API_KEY", "keyEXAMPLE0000000000000000000000000"),
            ("OMS_API_SECRET", "secretEXAMPLE"),
        ],
        None,
    );

    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).trim(),
        expected["data"].as_str().unwrap()
    );
}

#[test]
fn token_mint_without_a_secret_says_what_to_set() {
    let output = oms(&["token", "mint", "--api-key", "k"], &[], None);

    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("OMS_API_SECRET"));
}

#[tokio::test(flavor = "multi_thread")]
async fn call_prints_the_answer_as_json() {
    let server = TestServer::start().await;
    server.always(
        "/open/common-data/warehouse-list",
        Reply::Data(json!({"totalCount": 1, "list": [{"warehouseCode": "US-LAX-1"}]})),
    );
    let env = vec![
        ("OMS_BASE_URL".into(), server.base_url.clone()),
        ("OMS_API_TOKEN".into(), "tok".into()),
    ];

    let output = oms_async(
        vec![
            "call".into(),
            "warehouse_list".into(),
            "--body".into(),
            "-".into(),
        ],
        env,
        Some(r#"{"warehouseCode": "US-LAX-1"}"#.into()),
    )
    .await;

    assert!(output.status.success(), "{}", text(&output.stderr));
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["list"][0]["warehouseCode"], "US-LAX-1");
    assert_eq!(server.requests()[0].json()["warehouseCode"], "US-LAX-1");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_exits_2_names_the_field_and_sends_nothing() {
    let server = TestServer::start().await;
    let env = vec![
        ("OMS_BASE_URL".into(), server.base_url.clone()),
        ("OMS_API_TOKEN".into(), "tok".into()),
    ];

    let output = oms_async(
        vec![
            "call".into(),
            "shipping_method_list".into(),
            "--body".into(),
            "-".into(),
        ],
        env,
        Some(r#"{"methodType": "9"}"#.into()),
    )
    .await;

    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("methodType"), "{stderr}");
    assert!(
        stderr.contains("错误"),
        "a Chinese message comes first: {stderr}"
    );
    assert!(
        server.requests().is_empty(),
        "nothing is sent when validation fails"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_exits_3_with_the_reasons_and_the_request_id() {
    let server = TestServer::start().await;
    server.always(
        "/open/common-data/country-list",
        Reply::envelope(
            json!({"code": "40001", "success": false, "message": "参数错误",
            "errors": ["code2 不支持"], "requestId": "beefbeefbeefbeefbeefbeefbeefbeef"}),
        ),
    );
    let env = vec![
        ("OMS_BASE_URL".into(), server.base_url.clone()),
        ("OMS_API_KEY".into(), "k".into()),
        ("OMS_API_SECRET".into(), "s".into()),
    ];

    let output = oms_async(vec!["call".into(), "country_list".into()], env, None).await;

    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("code2 不支持") && stderr.contains("beefbeefbeefbeefbeefbeefbeefbeef"),
        "{stderr}"
    );
}

#[test]
fn unknown_endpoints_and_missing_settings_exit_2() {
    let unknown = oms(
        &["call", "no_such_thing"],
        &[("OMS_BASE_URL", "http://127.0.0.1:9")],
        None,
    );
    let unset = oms(&["call", "welcome"], &[], None);

    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no_such_thing"));
    assert_eq!(unset.status.code(), Some(2));
    assert!(text(&unset.stderr).contains("OMS_BASE_URL"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bulk_result_with_failures_prints_it_and_exits_3() {
    let server = TestServer::start().await;
    server.always(
        "/open/outbound-order-data/cancel",
        Reply::Data(json!({"totalQty": 2, "successQty": 1, "failQty": 1,
            "successList": [{"orderNo": "OB1", "message": "ok"}],
            "failList": [{"orderNo": "OB2", "message": "已出库，不能取消"}]})),
    );
    let env = vec![
        ("OMS_BASE_URL".into(), server.base_url.clone()),
        ("OMS_API_TOKEN".into(), "tok".into()),
    ];

    let output = oms_async(
        vec![
            "call".into(),
            "outbound_cancel".into(),
            "--body".into(),
            "-".into(),
        ],
        env,
        Some(r#"{"orderNos": ["OB1", "OB2"]}"#.into()),
    )
    .await;

    assert_eq!(
        output.status.code(),
        Some(3),
        "a partial failure is not a success"
    );
    let answer: Value =
        serde_json::from_slice(&output.stdout).expect("the result is still printed");
    assert_eq!(answer["failList"][0]["orderNo"], "OB2");
    assert!(text(&output.stderr).contains("1 of 2 orders failed"));
}

#[tokio::test(flavor = "multi_thread")]
async fn import_checks_a_spreadsheet_then_sends_it_as_a_batch() {
    use oms_import::{template, FileFormat, ImportKind, Language};
    let folder = tempfile::tempdir().unwrap();
    let sandbox = oms_sandbox::Sandbox::start(oms_sandbox::SandboxConfig::default())
        .await
        .unwrap();
    let env = vec![
        ("OMS_BASE_URL".to_owned(), sandbox.base_url().to_owned()),
        ("OMS_API_KEY".to_owned(), sandbox.demo_api_key().to_owned()),
        (
            "OMS_API_SECRET".to_owned(),
            sandbox.demo_api_secret().to_owned(),
        ),
        (
            "OMS_LEDGER".to_owned(),
            folder.path().join("ledger.sqlite").display().to_string(),
        ),
    ];

    for (kind, name) in [
        (ImportKind::PlatformOrders, "platform-orders"),
        (ImportKind::Products, "products"),
    ] {
        let file = folder.path().join(format!("{name}.csv"));
        std::fs::write(&file, template(kind, Language::Zh, FileFormat::Csv)).unwrap();
        let args = |extra: &[&str]| {
            let mut args = vec![
                "import".to_owned(),
                name.to_owned(),
                file.display().to_string(),
            ];
            args.extend(extra.iter().map(|a| a.to_string()));
            args
        };

        let checked = oms_async(args(&["--dry-run"]), env.clone(), None).await;
        let sent = oms_async(args(&["--concurrency", "2"]), env.clone(), None).await;
        let again = oms_async(args(&[]), env.clone(), None).await;

        assert!(
            checked.status.success(),
            "{name}: {}",
            text(&checked.stderr)
        );
        assert!(text(&checked.stdout).contains("nothing sent"), "{name}");
        assert!(
            sent.status.success(),
            "{name}: the template's example is sent: {}",
            text(&sent.stderr)
        );
        let report: Value = serde_json::from_slice(&sent.stdout).expect("the run report");
        assert_eq!(report["counts"]["accepted"], 1, "{name}: {report}");
        let second: Value = serde_json::from_slice(&again.stdout).expect("the second run report");
        assert_eq!(
            second["counts"]["accepted"], 0,
            "{name}: a reference already accepted is not sent again: {second}"
        );
        assert_eq!(second["counts"]["duplicate"], 1, "{name}: {second}");
    }
    sandbox.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn import_with_a_bad_row_sends_nothing_and_writes_an_errors_copy() {
    use oms_import::{template, FileFormat, ImportKind, Language};
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("bad.csv");
    let csv = String::from_utf8(template(
        ImportKind::PlatformOrders,
        Language::En,
        FileFormat::Csv,
    ))
    .unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    let example = lines[1].clone();
    lines.push(example.replace("@", " at ").replacen(
        &example.split(',').next().unwrap().to_owned(),
        "ORDER-2",
        1,
    ));
    std::fs::write(&file, lines.join("\n")).unwrap();
    let server = TestServer::start().await;
    let env = vec![
        ("OMS_BASE_URL".to_owned(), server.base_url.clone()),
        ("OMS_API_TOKEN".to_owned(), "tok".to_owned()),
        (
            "OMS_LEDGER".to_owned(),
            folder.path().join("ledger.sqlite").display().to_string(),
        ),
    ];

    let output = oms_async(
        vec![
            "import".into(),
            "platform-orders".into(),
            file.display().to_string(),
        ],
        env,
        None,
    )
    .await;

    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("row 3"),
        "the broken row is named: {stderr}"
    );
    assert!(stderr.contains("errors copy"), "{stderr}");
    assert!(
        server.requests().is_empty(),
        "nothing is sent while a row is wrong"
    );
    assert!(oms_import::errors_copy_path(&file).exists());
}
