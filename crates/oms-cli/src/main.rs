//! `oms`: the OMS client on the command line. It proves the typed client works on its own, and
//! gives support staff and power users a way to call any endpoint with a JSON body, with the same
//! validation the desktop app applies, without Postman.
//!
//! Exit codes: 0 success, 2 bad input (nothing was sent), 3 the OMS refused the request, 4 the
//! network failed (for a create, look the order up before resending), 1 anything else.

use clap::{Parser, Subcommand};
use oms_api::dispatch::{self, CallOutput};
use oms_api::endpoints::{EndpointId, ENDPOINTS};
use oms_api::{Client, Credentials, Error, Secret};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "oms",
    version,
    about = "Call the OMS open API from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every endpoint: id, method, path, and whether it is documented or inferred.
    Endpoints {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Send one endpoint. Reads OMS_BASE_URL and OMS_API_TOKEN, or OMS_API_KEY + OMS_API_SECRET.
    Call {
        /// The endpoint id, e.g. `b2b_create` (see `oms endpoints`).
        endpoint: String,
        /// The JSON request body: a file, or `-` for standard input. Defaults to `{}`.
        #[arg(long)]
        body: Option<String>,
        /// Where to save a downloaded file (box labels, barcodes, express labels).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Token tools.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Mint a token from OMS_API_KEY and OMS_API_SECRET (the secret is read only from the
    /// environment, never from the command line where other users could see it).
    Mint {
        /// The API key (defaults to OMS_API_KEY).
        #[arg(long, env = "OMS_API_KEY")]
        api_key: String,
        /// Use this timestamp (epoch ms) instead of now, to reproduce a token.
        #[arg(long)]
        timestamp: Option<u64>,
        /// Use this nonce instead of a random one, to reproduce a token.
        #[arg(long)]
        nonce: Option<String>,
    },
}

/// A failure with its exit code and the lines to print.
struct Failure {
    exit: u8,
    lines: Vec<String>,
}

impl Failure {
    fn usage(zh: &str, en: &str) -> Self {
        Self {
            exit: 2,
            lines: vec![format!("错误：{zh}"), format!("error: {en}")],
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let exit = match &error {
            Error::Validation(_) | Error::File { .. } | Error::Config(_) => 2,
            Error::Api(_) | Error::Http { .. } | Error::RateLimited { .. } => 3,
            Error::Timeout(_)
            | Error::Connect(_)
            | Error::Transport(_)
            | Error::Truncated { .. } => 4,
            _ => 1,
        };

        let mut lines = vec![format!("错误：{}", error.zh()), format!("error: {error}")];
        for field in error.field_errors() {
            lines.push(format!("  {}: {} / {}", field.field, field.zh, field.en));
        }
        if let Error::Api(api) = &error {
            for reason in api.errors.iter().take(50) {
                lines.push(format!("  - {reason}"));
            }
        }
        if let Some(request_id) = error.request_id() {
            lines.push(format!("requestId: {request_id}"));
        }
        if error.outcome_unknown() {
            lines.push(
                "注意：结果未知，重发创建请求前请先按 referenceNo 查询 / the outcome is unknown: \
                 look the order up by its reference before sending it again"
                    .to_owned(),
            );
        }

        Self { exit, lines }
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("OMS_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();

    let cli = Cli::parse();

    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(1);
        }
    };

    match runtime.block_on(run(cli.command)) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{output}");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for line in failure.lines {
                eprintln!("{line}");
            }
            ExitCode::from(failure.exit)
        }
    }
}

async fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Endpoints { json } => Ok(endpoints(json)),
        Command::Call {
            endpoint,
            body,
            out,
        } => call(&endpoint, body.as_deref(), out).await,
        Command::Token {
            command:
                TokenCommand::Mint {
                    api_key,
                    timestamp,
                    nonce,
                },
        } => mint(&api_key, timestamp, nonce),
    }
}

fn endpoints(json: bool) -> String {
    if json {
        let rows: Vec<serde_json::Value> = ENDPOINTS
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.id.as_str(),
                    "module": e.module.as_str(),
                    "title_zh": e.title_zh,
                    "title_en": e.title_en,
                    "method": e.method.as_str(),
                    "path": e.path,
                    "mark": e.source.as_str(),
                })
            })
            .collect();
        return serde_json::to_string_pretty(&rows).unwrap_or_default();
    }

    let mut table = String::new();
    for e in ENDPOINTS {
        table.push_str(&format!(
            "{:<30} {:<5} {:<48} {:<9} {}\n",
            e.id.as_str(),
            e.method.as_str(),
            e.path,
            e.source.as_str(),
            e.title_zh
        ));
    }
    table.trim_end().to_owned()
}

fn mint(api_key: &str, timestamp: Option<u64>, nonce: Option<String>) -> Result<String, Failure> {
    let secret = std::env::var("OMS_API_SECRET").map_err(|_| {
        Failure::usage(
            "请设置环境变量 OMS_API_SECRET",
            "set OMS_API_SECRET in the environment",
        )
    })?;
    let secret = Secret::new(secret);

    let timestamp = timestamp.unwrap_or_else(oms_api::auth::now_millis);
    let nonce = nonce.unwrap_or_else(oms_api::auth::new_nonce);

    Ok(
        oms_api::auth::mint_token(api_key, &secret, timestamp, &nonce)
            .expose()
            .to_owned(),
    )
}

async fn call(endpoint: &str, body: Option<&str>, out: Option<PathBuf>) -> Result<String, Failure> {
    let id: EndpointId = endpoint
        .parse()
        .map_err(|e: oms_api::endpoints::UnknownEndpoint| {
            Failure::usage(
                &format!("没有这个接口：{endpoint}（运行 oms endpoints 查看列表）"),
                &e.to_string(),
            )
        })?;

    let body = read_body(body)?;

    let client = client_from_env()?;

    match dispatch::call_json(&client, id, body).await? {
        CallOutput::Json(value) => partial_failure(&value).map_or_else(
            || Ok(serde_json::to_string_pretty(&value).unwrap_or_default()),
            Err,
        ),
        CallOutput::File(file) => {
            let Some(target) = out else {
                return Err(Failure::usage(
                    "这个接口返回文件，请用 --out 指定保存位置",
                    "this endpoint returns a file: give --out PATH to save it",
                ));
            };
            let size = file.save(&target)?;
            Ok(
                serde_json::json!({ "path": target, "bytes": size, "fileName": file.file_name })
                    .to_string(),
            )
        }
    }
}

/// A bulk result (`failQty > 0`) is a partial failure even when the call succeeded: the answer
/// still goes to standard output, and the exit code says that some orders failed.
fn partial_failure(value: &serde_json::Value) -> Option<Failure> {
    let failed = value
        .get("failQty")
        .and_then(serde_json::Value::as_u64)
        .filter(|n| *n > 0)?;
    let total = value
        .get("totalQty")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(failed);

    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );

    Some(Failure {
        exit: 3,
        lines: vec![
            format!("部分失败：{total} 个订单中有 {failed} 个未成功，见 failList"),
            format!("partial failure: {failed} of {total} orders failed, see failList"),
        ],
    })
}

fn read_body(body: Option<&str>) -> Result<serde_json::Value, Failure> {
    let text = match body {
        None => "{}".to_owned(),
        Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                Failure::usage(
                    "无法读取标准输入",
                    &format!("cannot read standard input: {e}"),
                )
            })?;
            text
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure::usage(
                &format!("无法读取文件 {path}"),
                &format!("cannot read {path}: {e}"),
            )
        })?,
    };

    serde_json::from_str(&text).map_err(|e| {
        Failure::usage(
            &format!("请求体不是有效的 JSON：{e}"),
            &format!("the body is not valid JSON: {e}"),
        )
    })
}

fn client_from_env() -> Result<Client, Failure> {
    let base_url = std::env::var("OMS_BASE_URL").map_err(|_| {
        Failure::usage(
            "请设置 OMS_BASE_URL（例如 https://oms-api.zbao56.com 或本地沙盒地址）",
            "set OMS_BASE_URL (e.g. https://oms-api.zbao56.com or the local sandbox address)",
        )
    })?;

    let credentials = match (
        std::env::var("OMS_API_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
        std::env::var("OMS_API_KEY").ok().filter(|k| !k.is_empty()),
        std::env::var("OMS_API_SECRET")
            .ok()
            .filter(|s| !s.is_empty()),
    ) {
        (Some(token), _, _) => Credentials::token(token),
        (None, Some(key), Some(secret)) => Credentials::key_and_secret(key, secret),
        _ => {
            return Err(Failure::usage(
                "请设置 OMS_API_TOKEN，或同时设置 OMS_API_KEY 和 OMS_API_SECRET",
                "set OMS_API_TOKEN, or both OMS_API_KEY and OMS_API_SECRET",
            ))
        }
    };

    Ok(Client::new(&base_url, credentials)?)
}
