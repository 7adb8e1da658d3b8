//! Submits platform orders from a JSON file into a ledger, for the crash-and-resume test: the
//! test starts this as a child process and kills it (SIGKILL) mid-run, then resumes the run in
//! its own process. Not meant for people; `oms import` is the real command.
//!
//! Usage: `oms-batch-test-submitter BASE_URL LEDGER ROWS_JSON CHUNK_SIZE`, with the demo
//! account's key and secret in `OMS_API_KEY` and `OMS_API_SECRET`.

use oms_api::platform::PlatformOrderCreate;
use oms_api::{Client, Credentials};
use oms_batch::{submit_platform_orders, BatchOptions, Ledger};
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_url, ledger, rows, chunk_size] = &args[..] else {
        eprintln!("usage: oms-batch-test-submitter BASE_URL LEDGER ROWS_JSON CHUNK_SIZE");
        return ExitCode::from(2);
    };

    let key = std::env::var("OMS_API_KEY").unwrap_or_default();
    let secret = std::env::var("OMS_API_SECRET").unwrap_or_default();
    let outcome = async {
        let client = Client::new(base_url, Credentials::key_and_secret(key, secret))?;
        let ledger = Ledger::open(ledger.as_ref())?;
        let text = std::fs::read_to_string(rows).map_err(|e| oms_batch::BatchError::File {
            path: rows.clone(),
            detail: e.to_string(),
        })?;
        let rows: Vec<(u32, PlatformOrderCreate)> = serde_json::from_str(&text)?;
        let options = BatchOptions {
            chunk_size: chunk_size.parse().unwrap_or(10),
            concurrency: 2,
            ..BatchOptions::default()
        };

        submit_platform_orders(&client, &ledger, rows, &options).await
    };

    match outcome.await {
        Ok(report) => {
            eprintln!("run {} ended {:?}", report.run_id, report.state);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
