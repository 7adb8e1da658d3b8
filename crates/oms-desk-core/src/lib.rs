//! `oms-desk-core`: everything the OMS Desk window needs besides the window. The app state
//! (accounts with keyring secrets, the active account's client, the embedded sandbox), the one
//! error shape commands return, files in and out, spreadsheets sent as batch runs, the keyring
//! namespace rule and logging.
//!
//! It has no Tauri inside, so the desktop shell stays a list of one-call commands and the tests
//! drive the same code without a window.

// `CommandError` is the value sent to the UI, built once per failed command; boxing it would only
// add an allocation and hide the shape.
#![allow(clippy::result_large_err)]

pub mod bulk;
pub mod error;
pub mod files;
pub mod logging;
pub mod namespace;
pub mod state;

pub use bulk::{
    ImportCheck, ImportProblem, ImportWarning, ProgressListener, RunCounts, RunOptions,
    RunProgress, RunRow, RunStatus, RunSummary, PROGRESS_EVENT,
};
pub use error::{CommandError, CommandFieldError};
pub use files::{DownloadKind, FileToUpload, SaveTarget, SavedFile};
pub use namespace::{keyring_namespace, keyring_store, APP_IDENTIFIER, KEYRING_NAMESPACE_VAR};
pub use state::{
    AccountInput, AccountList, ActiveEnvironment, AppFolders, ConnectionReport, DeskState,
    EnvironmentKind, LOCAL_SANDBOX_ACCOUNT,
};
