//! `oms-batch`: bulk work against the OMS that cannot lose or duplicate an order. A seller's day
//! is batches (a marketplace export of platform orders, a spreadsheet of B2C orders, labels for a
//! container of cartons), and the network, the laptop or the app can stop in the middle of any
//! of them. This crate has no Tauri inside, so the desktop app and the `oms` command line run the
//! same code:
//!
//! - [`ledger`]: the SQLite ledger recording every row before it is sent and its outcome after;
//! - [`run`]: batch runs (platform orders in create-batch chunks, other kinds one by one with
//!   bounded concurrency), progress events, pause, resume, cancel and resume after a crash;
//! - [`resolve`]: how an unknown outcome is settled before anything is sent again;
//! - [`labels`]: box labels and SKU barcodes of many ASNs merged into one PDF, and N-up
//!   imposition of small labels onto A4 sheets.

pub mod error;
pub mod labels;
pub mod ledger;
pub mod resolve;
pub mod run;

pub use error::{BatchError, BatchResult};
pub use ledger::{Counts, Entry, EntryState, Ledger, Run, RunId, RunKind, RunState};
pub use run::{
    resume, submit_b2c_orders, submit_platform_orders, submit_rows, BatchOptions, Progress,
    ProgressSink, RunControl, RunReport,
};
