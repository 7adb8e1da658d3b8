//! Why a batch could not be run or a label batch could not be made. Failures of single rows are
//! not errors here: they are outcomes recorded in the ledger and in the result file.

use crate::ledger::RunId;

/// What went wrong with a batch as a whole.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The ledger file could not be read or written.
    #[error("the batch ledger failed: {0}")]
    Ledger(String),

    /// No run with this id in the ledger.
    #[error("no batch run {0} in the ledger")]
    NoSuchRun(RunId),

    /// The run cannot be resumed (it was cancelled or has finished).
    #[error("batch run {run} is {state} and cannot be resumed")]
    NotResumable {
        /// The run.
        run: RunId,
        /// Its state.
        state: &'static str,
    },

    /// A call that is not about one row failed (for example a label download).
    #[error(transparent)]
    Api(#[from] oms_api::Error),

    /// A PDF could not be read or written.
    #[error("PDF: {0}")]
    Pdf(String),

    /// A file could not be read or written.
    #[error("file {path}: {detail}")]
    File {
        /// The file's path.
        path: String,
        /// What went wrong.
        detail: String,
    },

    /// The options are not usable.
    #[error("options: {0}")]
    Options(String),
}

impl From<rusqlite::Error> for BatchError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Ledger(error.to_string())
    }
}

impl From<serde_json::Error> for BatchError {
    fn from(error: serde_json::Error) -> Self {
        Self::Ledger(format!("a stored body is not readable JSON: {error}"))
    }
}

impl From<lopdf::Error> for BatchError {
    fn from(error: lopdf::Error) -> Self {
        Self::Pdf(error.to_string())
    }
}

/// Shorthand for results of this crate.
pub type BatchResult<T, E = BatchError> = std::result::Result<T, E>;
