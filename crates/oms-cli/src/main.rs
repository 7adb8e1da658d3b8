//! `oms`: the OMS client on the command line. It proves the typed client works on its own, and
//! gives support staff and power users a way to call any endpoint with a JSON body, with the same
//! validation the desktop app applies, without Postman.
//!
//! Exit codes: 0 success, 2 bad input (nothing was sent), 3 the OMS refused the request (or a
//! batch run ended with rejected or open rows), 4 the network failed (for a create, look the
//! order up before resending), 1 anything else.

use clap::{Args, Parser, Subcommand};
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
    /// Label batches: the labels of many ASNs in one PDF.
    Labels {
        #[command(subcommand)]
        command: LabelsCommand,
    },
    /// Import a spreadsheet (CSV or XLSX): check every row, then send the orders as one batch
    /// run recorded in the ledger. Nothing is sent while any row has an error; the errors go
    /// into a copy of the file with an extra column.
    Import {
        /// What the file holds.
        #[arg(value_enum)]
        kind: ImportKindArg,
        /// The spreadsheet.
        file: PathBuf,
        /// Only check the file: send nothing.
        #[arg(long)]
        dry_run: bool,
        /// Where to write the run's result file (CSV: row, reference, state, orderNo or errors).
        #[arg(long)]
        result: Option<PathBuf>,
        /// The ledger file (defaults to OMS_LEDGER, then the OMS Desk data folder).
        #[arg(long, env = "OMS_LEDGER")]
        ledger: Option<PathBuf>,
        #[command(flatten)]
        sending: Sending,
    },
    /// Batch runs recorded in the ledger.
    Batch {
        /// The ledger file (defaults to OMS_LEDGER, then the OMS Desk data folder).
        #[arg(long, env = "OMS_LEDGER")]
        ledger: Option<PathBuf>,
        #[command(subcommand)]
        command: BatchCommand,
    },
}

/// The kinds of spreadsheet `oms import` reads.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportKindArg {
    /// Marketplace orders, sent through create-batch.
    PlatformOrders,
    /// B2C outbound orders, sent one by one with bounded concurrency.
    B2cOrders,
    /// Products, created one by one.
    Products,
}

impl From<ImportKindArg> for oms_import::ImportKind {
    fn from(kind: ImportKindArg) -> Self {
        match kind {
            ImportKindArg::PlatformOrders => Self::PlatformOrders,
            ImportKindArg::B2cOrders => Self::B2cOrders,
            ImportKindArg::Products => Self::Products,
        }
    }
}

#[derive(Subcommand)]
enum LabelsCommand {
    /// Box labels (one per carton) of the given ASNs, merged in the order given.
    Box(LabelArgs),
    /// SKU barcodes of the given ASNs, merged in the order given.
    Sku(LabelArgs),
}

#[derive(clap::Args)]
struct LabelArgs {
    /// ASN order numbers, comma-separated: `IB1,IB2`.
    #[arg(long, value_delimiter = ',', required = true)]
    orders: Vec<String>,
    /// Label size: 100x100, 100x150 or A4.
    #[arg(long, default_value = "100x100")]
    size: String,
    /// Where to write the PDF.
    #[arg(long)]
    out: PathBuf,
    /// Place the labels on A4 sheets, COLUMNSxROWS per sheet (default 2x3).
    #[arg(long, num_args = 0..=1, default_missing_value = "2x3")]
    a4_nup: Option<String>,
}

#[derive(Subcommand)]
enum BatchCommand {
    /// Every run with its rows per state, newest first.
    Status,
    /// Go on with a run that was paused, stopped or cut off by a crash.
    Resume {
        /// The run id (see `oms batch status`).
        run_id: i64,
        /// Where to write the result CSV (row, reference, state, orderNo, errors).
        #[arg(long)]
        result: Option<PathBuf>,
        #[command(flatten)]
        sending: Sending,
    },
}

/// How fast a batch run sends.
#[derive(Args, Clone, Copy)]
struct Sending {
    /// Calls in flight at once (1 to 16).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=16))]
    concurrency: u16,
    /// Platform orders per create-batch call (1 to 100).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..=100))]
    chunk_size: u16,
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

impl From<oms_batch::BatchError> for Failure {
    fn from(error: oms_batch::BatchError) -> Self {
        match error {
            oms_batch::BatchError::Api(error) => error.into(),
            oms_batch::BatchError::NoSuchRun(_)
            | oms_batch::BatchError::NotResumable { .. }
            | oms_batch::BatchError::Options(_) => Self {
                exit: 2,
                lines: vec![format!("error: {error}")],
            },
            other => Self {
                exit: 1,
                lines: vec![format!("error: {other}")],
            },
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
        Command::Labels { command } => match command {
            LabelsCommand::Box(args) => labels(oms_batch::labels::LabelKind::Box, args).await,
            LabelsCommand::Sku(args) => {
                labels(oms_batch::labels::LabelKind::SkuBarcode, args).await
            }
        },
        Command::Import {
            kind,
            file,
            dry_run,
            result,
            ledger,
            sending,
        } => import(kind, &file, dry_run, result, ledger, sending).await,
        Command::Batch { ledger, command } => {
            let ledger = open_ledger(ledger)?;
            match command {
                BatchCommand::Status => batch_status(&ledger),
                BatchCommand::Resume {
                    run_id,
                    result,
                    sending,
                } => batch_resume(&ledger, oms_batch::RunId(run_id), result, sending).await,
            }
        }
    }
}

async fn labels(kind: oms_batch::labels::LabelKind, args: LabelArgs) -> Result<String, Failure> {
    use oms_api::bulk::LabelSize;

    let size = match args.size.as_str() {
        "100x100" => LabelSize::Label100x100,
        "100x150" => LabelSize::Label100x150,
        "A4" | "a4" => LabelSize::A4,
        other => {
            return Err(Failure::usage(
                &format!("标签尺寸应为 100x100、100x150 或 A4，而不是 {other}"),
                &format!("--size must be 100x100, 100x150 or A4, not {other}"),
            ))
        }
    };
    let nup = args.a4_nup.as_deref().map(parse_nup).transpose()?;

    let client = client_from_env()?;

    let pdf = oms_batch::labels::label_batch(&client, kind, &args.orders, size, nup).await?;

    std::fs::write(&args.out, &pdf).map_err(|e| {
        Failure::usage(
            &format!("无法写入 {}", args.out.display()),
            &format!("cannot write {}: {e}", args.out.display()),
        )
    })?;
    Ok(
        serde_json::json!({ "path": args.out, "bytes": pdf.len(), "orders": args.orders })
            .to_string(),
    )
}

fn parse_nup(text: &str) -> Result<oms_batch::labels::Nup, Failure> {
    let parsed = text.split_once(['x', 'X']).and_then(|(columns, rows)| {
        Some(oms_batch::labels::Nup {
            columns: columns.trim().parse().ok()?,
            rows: rows.trim().parse().ok()?,
        })
    });

    parsed
        .filter(|nup| (1..=10).contains(&nup.columns) && (1..=10).contains(&nup.rows))
        .ok_or_else(|| {
            Failure::usage(
                &format!("--a4-nup 应为 列x行，例如 2x3，而不是 {text}"),
                &format!("--a4-nup must be COLUMNSxROWS such as 2x3, not {text}"),
            )
        })
}

/// The ledger the desktop app uses (so a reference it accepted is never sent again from here):
/// `--ledger`, `OMS_LEDGER`, or `com.omsdesk.app/batches.sqlite` in the data folder
/// (`XDG_DATA_HOME`, else `~/.local/share`).
fn open_ledger(path: Option<PathBuf>) -> Result<oms_batch::Ledger, Failure> {
    let path = path
        .or_else(oms_batch::ledger::desk_ledger_path)
        .ok_or_else(|| {
            Failure::usage(
                "请用 --ledger 指定批次记录文件",
                "give the ledger file with --ledger",
            )
        })?;

    Ok(oms_batch::Ledger::open(&path)?)
}

fn batch_status(ledger: &oms_batch::Ledger) -> Result<String, Failure> {
    let mut table = format!(
        "{:<6} {:<15} {:<10} {:>7} {:>9} {:>9} {:>9} {:>8}  {}\n",
        "run", "kind", "state", "rows", "accepted", "rejected", "duplicate", "open", "source"
    );
    for run in ledger.runs()? {
        let counts = ledger.counts(run.id)?;
        table.push_str(&format!(
            "{:<6} {:<15} {:<10} {:>7} {:>9} {:>9} {:>9} {:>8}  {}{}\n",
            run.id.0,
            run.kind.as_str(),
            run.state.as_str(),
            counts.total(),
            counts.accepted,
            counts.rejected,
            counts.duplicate,
            counts.open(),
            run.source_file.as_deref().unwrap_or("-"),
            run.note
                .map(|note| format!("  ({note})"))
                .unwrap_or_default(),
        ));
    }
    Ok(table.trim_end().to_owned())
}

/// `oms import`: check the file, stop with an errors copy when a row is wrong, else send.
async fn import(
    kind: ImportKindArg,
    file: &std::path::Path,
    dry_run: bool,
    result: Option<PathBuf>,
    ledger: Option<PathBuf>,
    sending: Sending,
) -> Result<String, Failure> {
    let report = oms_import::import_file(kind.into(), file).map_err(|e| Failure {
        exit: 2,
        lines: vec![format!("错误：{}", e.zh()), format!("error: {e}")],
    })?;

    let (orders, valid) = report.order_counts();
    let summary = format!("{} rows, {orders} orders, {valid} valid", report.rows());
    if !report.errors().is_empty() {
        return Err(import_errors(file, report.errors(), &summary));
    }
    if dry_run {
        return Ok(format!("{summary}; nothing sent (--dry-run)"));
    }

    let client = client_from_env()?;
    let ledger = open_ledger(ledger)?;
    let options = batch_options(result, Some(file.display().to_string()), sending);

    let outcome = match report {
        oms_import::AnyReport::PlatformOrders(report) => {
            oms_batch::submit_rows(&client, &ledger, report.into_rows(), &options).await?
        }
        oms_import::AnyReport::B2cOrders(report) => {
            oms_batch::submit_rows(&client, &ledger, report.into_rows(), &options).await?
        }
        oms_import::AnyReport::Products(report) => {
            oms_batch::submit_rows(&client, &ledger, report.into_rows(), &options).await?
        }
    };

    run_outcome(outcome, &ledger)
}

/// Lists the first errors by row and column and writes every one into a copy of the file.
fn import_errors(
    file: &std::path::Path,
    errors: &[oms_import::CellError],
    summary: &str,
) -> Failure {
    let copy = oms_import::errors_copy_path(file);
    let written = oms_import::write_errors_copy(file, errors, &copy);

    let mut lines = vec![
        format!(
            "错误：表格有 {} 处错误，未发送任何订单（{summary}）",
            errors.len()
        ),
        format!(
            "error: the file has {} problem(s); nothing was sent ({summary})",
            errors.len()
        ),
    ];
    for error in errors.iter().take(50) {
        let column = error.column.as_deref().unwrap_or(&error.field);
        lines.push(format!(
            "  row {}, {column}: {} / {}",
            error.row, error.zh, error.en
        ));
    }
    if errors.len() > 50 {
        lines.push(format!("  … and {} more", errors.len() - 50));
    }
    match written {
        Ok(()) => lines.push(format!("errors copy: {}", copy.display())),
        Err(e) => lines.push(format!("the errors copy could not be written: {e}")),
    }

    Failure { exit: 2, lines }
}

/// Options of a run started or resumed from the command line: progress on standard error.
fn batch_options(
    result: Option<PathBuf>,
    source_file: Option<String>,
    sending: Sending,
) -> oms_batch::BatchOptions {
    oms_batch::BatchOptions {
        result_file: result,
        source_file,
        concurrency: usize::from(sending.concurrency),
        chunk_size: usize::from(sending.chunk_size),
        progress_interval: std::time::Duration::from_secs(1),
        progress: Some(std::sync::Arc::new(|p: &oms_batch::Progress| {
            eprintln!(
                "run {}: {} done, {} failed, {} remaining, {:.1}/s{}",
                p.run_id,
                p.done,
                p.failed,
                p.remaining,
                p.rate_per_second,
                p.eta_seconds
                    .map(|s| format!(", about {s:.0} s left"))
                    .unwrap_or_default()
            );
        })),
        ..oms_batch::BatchOptions::default()
    }
}

async fn batch_resume(
    ledger: &oms_batch::Ledger,
    run: oms_batch::RunId,
    result: Option<PathBuf>,
    sending: Sending,
) -> Result<String, Failure> {
    let client = client_from_env()?;
    let options = batch_options(result, None, sending);

    let report = oms_batch::resume(&client, ledger, run, &options).await?;

    run_outcome(report, ledger)
}

/// The run's report as JSON; exit 3 when rows were rejected or are still open.
fn run_outcome(
    report: oms_batch::RunReport,
    ledger: &oms_batch::Ledger,
) -> Result<String, Failure> {
    let run = report.run_id;

    let text = serde_json::to_string_pretty(&report).unwrap_or_default();
    if report.counts.rejected > 0 || report.state != oms_batch::RunState::Finished {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{text}");

        let mut lines = vec![
            format!(
                "批次 {run}：{} 行被拒绝，{} 行未完成（{}）",
                report.counts.rejected,
                report.counts.open(),
                report.state.as_str()
            ),
            format!(
                "run {run}: {} rejected, {} still open ({})",
                report.counts.rejected,
                report.counts.open(),
                report.state.as_str()
            ),
        ];
        let rejected = ledger
            .entries(run)
            .unwrap_or_default()
            .into_iter()
            .filter(|entry| entry.state == oms_batch::EntryState::Rejected);
        for entry in rejected.take(20) {
            lines.push(format!(
                "  row {} {}: {}",
                entry.row,
                entry.reference,
                entry.errors.join("; ")
            ));
        }
        return Err(Failure { exit: 3, lines });
    }
    Ok(text)
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

    let timeout = match std::env::var("OMS_TIMEOUT_SECS") {
        Err(_) => None,
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(seconds @ 1..=600) => Some(std::time::Duration::from_secs(seconds)),
            _ => {
                return Err(Failure::usage(
                    &format!("OMS_TIMEOUT_SECS 必须是 1 到 600 之间的秒数，现在是 `{text}`"),
                    &format!("OMS_TIMEOUT_SECS must be 1 to 600 seconds, is `{text}`"),
                ))
            }
        },
    };

    let mut builder = Client::builder(&base_url, credentials);
    if let Some(timeout) = timeout {
        builder = builder.timeout(timeout);
    }
    Ok(builder.build()?)
}
