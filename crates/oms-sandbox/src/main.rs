//! The `oms-sandbox` command: runs a local OMS server until it is stopped, printing its address
//! and the demo credentials so a developer (or a test harness reading stdout) can connect.

use clap::Parser;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// A local OMS server speaking the OMS open API, for trying the app and for tests.
#[derive(Debug, Parser)]
#[command(name = "oms-sandbox", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,

    /// Directory for `sandbox.db`; without it, everything is kept in memory.
    #[arg(long = "data")]
    data: Option<PathBuf>,

    /// Seconds a token's timestamp may differ from now, either side.
    #[arg(long, default_value_t = 600)]
    token_window_secs: u64,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();

    let config = oms_sandbox::SandboxConfig {
        addr: args.addr,
        data_dir: args.data.clone(),
        token_window: Duration::from_secs(args.token_window_secs),
        ..oms_sandbox::SandboxConfig::default()
    };
    let sandbox = match oms_sandbox::Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "oms-sandbox: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };

    let data = args
        .data
        .map(|dir| dir.display().to_string())
        .unwrap_or_else(|| "in memory".to_owned());
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "listening on {}", sandbox.base_url());
    let _ = writeln!(out, "demo api key: {}", sandbox.demo_api_key());
    let _ = writeln!(out, "demo api secret: {}", sandbox.demo_api_secret());
    let _ = writeln!(out, "data: {data}");
    let _ = out.flush();
    drop(out);

    let _ = tokio::signal::ctrl_c().await;
    match sandbox.shutdown().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "oms-sandbox: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
