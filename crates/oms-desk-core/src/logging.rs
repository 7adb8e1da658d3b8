//! Where the app's log goes: a file per day in the app's log folder, so support can ask a seller
//! for it. The OMS client logs each call's method, path, status, request id and duration at
//! `info`; tokens, secrets and attachment bodies are never logged by any crate of the app.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// The environment variable holding a log filter (`info` when unset), e.g. `oms_api=debug`.
pub const LOG_FILTER_VAR: &str = "OMS_DESK_LOG";

/// The log files' name prefix; a day's file is `oms-desk.log.YYYY-MM-DD`.
pub const LOG_FILE_PREFIX: &str = "oms-desk.log";

/// Sends `tracing` events to a daily rolling file in `log_folder` (created when missing).
/// Keep the guard until the app ends: dropping it flushes the last lines.
///
/// # Errors
/// The folder cannot be created, or a global subscriber is already installed.
pub fn install(log_folder: &Path) -> Result<WorkerGuard, String> {
    std::fs::create_dir_all(log_folder)
        .map_err(|e| format!("cannot create the log folder {}: {e}", log_folder.display()))?;

    let appender = tracing_appender::rolling::daily(log_folder, LOG_FILE_PREFIX);
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env(LOG_FILTER_VAR).unwrap_or_else(|_| EnvFilter::new("info"));

    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .map_err(|e| format!("logging is already set up: {e}"))?;

    Ok(guard)
}
