//! Bulk work from the desktop app: a seller's spreadsheet checked row by row, then sent as a
//! ledger-backed batch run in the background while the window shows its progress, with pause,
//! resume, cancel, the run history and each run's result file.
//!
//! The reading and checking is `oms-import`'s and the sending is `oms-batch`'s, the same code as
//! `oms import` on the command line; this module only adds what a window needs: the shapes the UI
//! shows, runs that go on after the command that started them has answered, and the knowledge of
//! which runs this session is driving. The ledger is `batches.sqlite` in the app's data folder.
//!
//! A run the ledger still calls `running` while no task of this session drives it was stopped
//! mid-run (the app was closed or crashed). It is listed as [`RunStatus::Interrupted`] and is
//! sent again only when the seller asks for it with [`DeskState::resume_run`]: nothing is sent
//! at start without the seller.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use oms_batch::run::record_rows;
use oms_batch::{BatchError, BatchOptions, Counts, Ledger, Progress, RunControl, RunState};
use oms_import::AnyReport;
use serde::{Deserialize, Serialize};

use crate::error::{CommandError, CommandFieldError};
use crate::files::SavedFile;
use crate::state::DeskState;

pub use oms_batch::{EntryState, RunId, RunKind};
pub use oms_import::{FileFormat, ImportKind, Language, TextEncoding};

pub use oms_batch::ledger::LEDGER_FILE;

/// The name of the event that carries a [`RunProgress`] to the window.
pub const PROGRESS_EVENT: &str = "batch-progress";

/// What the check of a spreadsheet found, for the validation table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportCheck {
    /// What the file was read as.
    pub kind: ImportKind,
    /// CSV or XLSX.
    pub format: FileFormat,
    /// The encoding a CSV was read in (`null` for XLSX).
    pub encoding: Option<TextEncoding>,
    /// Data rows read (not blank, not the header).
    pub rows: u32,
    /// Orders (or products) built from the rows.
    pub orders: u32,
    /// Of those, the ones without any problem.
    pub valid_orders: u32,
    /// Every problem, sorted by row and column.
    pub errors: Vec<ImportProblem>,
    /// Things to know that do not stop the import.
    pub warnings: Vec<ImportWarning>,
    /// True when the file can be sent now: no problem and at least one order (or product).
    pub can_submit: bool,
}

/// One problem with one cell, or with a row as a whole when `column` is `null`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    /// The row number as Excel shows it (the header is usually row 1).
    pub row: u32,
    /// The column's header as written in the file.
    pub column: Option<String>,
    /// The column's position (0 = column A).
    pub column_index: Option<u32>,
    /// The wire field with its path, e.g. `itemDTOs[1].quantity`.
    pub field: String,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
}

/// Something the seller should know that does not stop the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportWarning {
    /// The row it is about, when it is about one.
    pub row: Option<u32>,
    /// The column's header, when it is about one.
    pub column: Option<String>,
    /// The warning in Chinese.
    pub zh: String,
    /// The warning in English.
    pub en: String,
}

/// How a run sends; empty fields take the defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunOptions {
    /// Calls in flight at once (1 to 16, default 4).
    pub concurrency: Option<u32>,
    /// Platform orders per create-batch call (1 to 100, default 50).
    pub chunk_size: Option<u32>,
}

/// Where a run stands, as the window shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum RunStatus {
    /// Being sent by this session.
    Running,
    /// Paused by the seller, or stopped with rows that need another try (see the note).
    Paused,
    /// Stopped mid-run when the app was closed or crashed; resume it to finish.
    Interrupted,
    /// Cancelled: nothing more is sent.
    Cancelled,
    /// Every row has its final outcome.
    Finished,
}

impl RunStatus {
    fn of(state: RunState, driven: bool) -> Self {
        match state {
            RunState::Running if driven => Self::Running,
            RunState::Running => Self::Interrupted,
            RunState::Paused => Self::Paused,
            RunState::Cancelled => Self::Cancelled,
            RunState::Finished => Self::Finished,
        }
    }

    /// True when [`DeskState::resume_run`] can go on with the run.
    pub fn is_resumable(self) -> bool {
        matches!(self, Self::Paused | Self::Interrupted)
    }
}

/// A run's progress, sent as the `batch-progress` event.
#[derive(Clone, Debug, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunProgress {
    /// The run.
    pub run_id: RunId,
    /// Running, paused, cancelled or finished.
    pub state: RunStatus,
    /// Rows created (accepted, or found already created).
    #[specta(type = u32)]
    pub done: u64,
    /// Rows refused by the OMS.
    #[specta(type = u32)]
    pub failed: u64,
    /// Rows still to send or to settle.
    #[specta(type = u32)]
    pub remaining: u64,
    /// Every row of the run.
    #[specta(type = u32)]
    pub total: u64,
    /// Rows settled per second in this session of the run.
    pub rate_per_second: f64,
    /// Seconds left at that rate, when there is a rate.
    pub eta_seconds: Option<f64>,
}

impl From<&Progress> for RunProgress {
    fn from(progress: &Progress) -> Self {
        Self {
            run_id: progress.run_id,
            state: RunStatus::of(progress.state, true),
            done: progress.done,
            failed: progress.failed,
            remaining: progress.remaining,
            total: progress.total,
            rate_per_second: progress.rate_per_second,
            eta_seconds: progress.eta_seconds,
        }
    }
}

/// Rows of a run per state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunCounts {
    /// Not sent yet.
    #[specta(type = u32)]
    pub pending: u64,
    /// Sent, outcome not recorded yet.
    #[specta(type = u32)]
    pub sending: u64,
    /// Created by the OMS.
    #[specta(type = u32)]
    pub accepted: u64,
    /// Refused by the OMS.
    #[specta(type = u32)]
    pub rejected: u64,
    /// Outcome unknown; looked up before any resend.
    #[specta(type = u32)]
    pub unknown: u64,
    /// Not sent: created earlier.
    #[specta(type = u32)]
    pub duplicate: u64,
    /// Every row.
    #[specta(type = u32)]
    pub total: u64,
}

impl From<Counts> for RunCounts {
    fn from(counts: Counts) -> Self {
        Self {
            pending: counts.pending,
            sending: counts.sending,
            accepted: counts.accepted,
            rejected: counts.rejected,
            unknown: counts.unknown,
            duplicate: counts.duplicate,
            total: counts.total(),
        }
    }
}

/// A run of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    /// The run.
    pub run_id: RunId,
    /// What it creates.
    pub kind: RunKind,
    /// The spreadsheet it came from.
    pub source_file: Option<String>,
    /// Where it stands.
    pub state: RunStatus,
    /// Why it stopped before finishing.
    pub note: Option<String>,
    /// Rows per state.
    pub counts: RunCounts,
    /// When it was created, Unix milliseconds.
    #[specta(type = f64)]
    pub created_ms: i64,
    /// When it last changed, Unix milliseconds.
    #[specta(type = f64)]
    pub updated_ms: i64,
}

/// One row of a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunRow {
    /// The row number in the source file.
    pub row: u32,
    /// `platformOrderNo` or `referenceNo`.
    pub reference: String,
    /// Where it stands.
    pub state: EntryState,
    /// The OMS order number, once created (platform orders get none).
    pub order_no: Option<String>,
    /// Why it was refused, or what happened to it.
    pub errors: Vec<String>,
    /// How many times it was sent.
    pub attempts: u32,
}

/// Receives every progress event of the runs this session drives.
pub type ProgressListener = Arc<dyn Fn(&RunProgress) + Send + Sync>;

/// The ledger and the runs this session drives.
#[derive(Debug)]
pub struct Batches {
    ledger_path: PathBuf,
    ledger: Mutex<Option<Ledger>>,
    driven: Arc<Mutex<HashMap<RunId, RunControl>>>,
}

impl Batches {
    /// The batches kept in the ledger at `ledger_path`, opened on first use.
    pub fn new(ledger_path: PathBuf) -> Self {
        Self {
            ledger_path,
            ledger: Mutex::new(None),
            driven: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The ledger, opened (and created) on first use.
    ///
    /// # Errors
    /// The ledger file cannot be opened.
    pub fn ledger(&self) -> Result<Ledger, CommandError> {
        let mut ledger = lock(&self.ledger);
        if let Some(open) = ledger.as_ref() {
            return Ok(open.clone());
        }

        let opened = Ledger::open(&self.ledger_path)?;
        *ledger = Some(opened.clone());
        Ok(opened)
    }

    /// True while a task of this session drives `run`.
    pub fn is_driven(&self, run: RunId) -> bool {
        lock(&self.driven).contains_key(&run)
    }

    /// Drives `run` in a background task until it finishes, is cancelled or stops for a person;
    /// a run already driven is resumed instead of being driven twice.
    fn drive(
        &self,
        client: oms_api::Client,
        run: RunId,
        mut options: BatchOptions,
        listener: ProgressListener,
    ) -> Result<(), CommandError> {
        let ledger = self.ledger()?;
        {
            let mut driven = lock(&self.driven);
            if let Some(control) = driven.get(&run) {
                control.resume();
                return Ok(());
            }
            driven.insert(run, options.control.clone());
        }

        let sink = listener.clone();
        options.progress = Some(Arc::new(move |p: &Progress| sink(&RunProgress::from(p))));
        let driven = self.driven.clone();
        tokio::spawn(async move {
            let outcome = oms_batch::resume(&client, &ledger, run, &options).await;

            lock(&driven).remove(&run);
            match outcome {
                Ok(report) => {
                    tracing::info!(%run, state = report.state.as_str(), "batch run session ended");
                }
                Err(error) => {
                    tracing::warn!(%run, %error, "batch run stopped by an error");
                    if let Ok(progress) = stored_progress(&ledger, run) {
                        listener(&progress);
                    }
                }
            }
        });
        Ok(())
    }
}

/// The progress of a run no task drives, from the ledger.
fn stored_progress(ledger: &Ledger, run: RunId) -> Result<RunProgress, BatchError> {
    let state = ledger.run(run)?.state;
    let counts = ledger.counts(run)?;

    Ok(RunProgress {
        run_id: run,
        state: RunStatus::of(state, false),
        done: counts.accepted + counts.duplicate,
        failed: counts.rejected,
        remaining: counts.open(),
        total: counts.total(),
        rate_per_second: 0.0,
        eta_seconds: None,
    })
}

impl DeskState {
    /// Reads and checks a spreadsheet without sending anything: every problem by row and
    /// column, for the validation table.
    ///
    /// # Errors
    /// `importFile` when the file as a whole cannot be read (unreadable, not CSV or XLSX, empty,
    /// a required column missing or doubled).
    pub fn check_import(&self, kind: ImportKind, path: &Path) -> Result<ImportCheck, CommandError> {
        let report = read_import(kind, path)?;

        Ok(import_check(&report))
    }

    /// Writes a copy of the spreadsheet beside it (`orders.csv` → `orders.errors.csv`) with an
    /// `错误 / Errors` column holding each row's problems, so the seller fixes them in Excel.
    ///
    /// # Errors
    /// `importFile` as [`DeskState::check_import`], or when the copy cannot be written;
    /// `noErrors` when the file has no problem to write.
    pub fn save_errors_copy(
        &self,
        kind: ImportKind,
        path: &Path,
    ) -> Result<SavedFile, CommandError> {
        let report = read_import(kind, path)?;
        if report.errors().is_empty() {
            return Err(CommandError::new(
                "noErrors",
                "表格没有错误，无需生成错误副本",
                "the file has no problems, so there is no errors copy to write",
            ));
        }
        let target = oms_import::errors_copy_path(path);

        oms_import::write_errors_copy(path, report.errors(), &target).map_err(import_error)?;

        let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        self.remember_saved(&target);
        Ok(SavedFile {
            path: target.display().to_string(),
            bytes,
        })
    }

    /// Checks the spreadsheet again and, when every row is valid, records its orders as a new
    /// run in the ledger and sends them in a background task with the active account's client.
    /// Returns the run's id at once; progress goes to `listener`.
    ///
    /// # Errors
    /// `validation` with a field per problem (`rows[<row>].<field>`) when any row has one, so
    /// nothing of a half-valid file is sent; `validation` on `concurrency` / `chunkSize`;
    /// `notSendable` for a file without orders; `importFile`; no account.
    pub async fn start_import_run(
        &self,
        kind: ImportKind,
        path: &Path,
        options: RunOptions,
        listener: ProgressListener,
    ) -> Result<RunId, CommandError> {
        let batch_options = batch_options(options, Some(path.display().to_string()))?;
        let report = read_import(kind, path)?;
        refuse_problems(&report)?;

        let client = self.client().await?;
        let ledger = self.batches().ledger()?;
        let run = record_report(&ledger, report, batch_options.source_file.as_deref())?;
        tracing::info!(%run, file = %path.display(), "batch run recorded");

        self.batches().drive(client, run, batch_options, listener)?;
        Ok(run)
    }

    /// Goes on with a run: after a pause, after a stop that needed a person, or a run found
    /// interrupted because the app was closed mid-run (never resumed without the seller asking).
    /// Rows whose outcome is unknown are looked up or settled before anything is sent again.
    ///
    /// # Errors
    /// `noSuchRun`; `notResumable` for a cancelled or finished run; no account.
    pub async fn resume_run(
        &self,
        run: RunId,
        listener: ProgressListener,
    ) -> Result<(), CommandError> {
        let status = self.run_status(run)?;
        if matches!(status, RunStatus::Cancelled | RunStatus::Finished) {
            return Err(not_resumable(run, status));
        }
        if let Some(control) = lock(&self.batches().driven).get(&run) {
            control.resume();
            return Ok(());
        }

        let client = self.client().await?;
        self.batches()
            .drive(client, run, BatchOptions::default(), listener)
    }

    /// Pauses a run this session drives: requests on the wire finish, nothing more is sent.
    ///
    /// # Errors
    /// `noSuchRun`; `notRunning` when no task of this session drives the run.
    pub fn pause_run(&self, run: RunId) -> Result<(), CommandError> {
        let status = self.run_status(run)?;

        match lock(&self.batches().driven).get(&run) {
            Some(control) if matches!(status, RunStatus::Running | RunStatus::Paused) => {
                control.pause();
                Ok(())
            }
            _ => Err(CommandError::new(
                "notRunning",
                format!("批次 {run} 没有在发送，无需暂停"),
                format!("run {run} is not being sent, so there is nothing to pause"),
            )),
        }
    }

    /// Cancels a run for good: a driven run stops after the requests on the wire; a paused or
    /// interrupted run is marked cancelled at once (rows it left being sent become `unknown`).
    /// Rows not sent stay `pending`.
    ///
    /// # Errors
    /// `noSuchRun`; `notResumable` for a run already cancelled or finished.
    pub fn cancel_run(&self, run: RunId) -> Result<(), CommandError> {
        let ledger = self.batches().ledger()?;
        let status = self.run_status(run)?;

        if matches!(status, RunStatus::Cancelled | RunStatus::Finished) {
            return Err(not_resumable(run, status));
        }
        if let Some(control) = lock(&self.batches().driven).get(&run) {
            control.cancel();
            return Ok(());
        }

        ledger.sending_to_unknown(run)?;
        ledger.set_run_state(run, RunState::Cancelled, None)?;
        tracing::info!(%run, "batch run cancelled while not driven");
        Ok(())
    }

    /// Every run in the ledger, newest first, with its counts; runs stopped mid-run by a
    /// closed app are [`RunStatus::Interrupted`].
    ///
    /// # Errors
    /// The ledger cannot be read.
    pub fn list_runs(&self) -> Result<Vec<RunSummary>, CommandError> {
        let ledger = self.batches().ledger()?;

        ledger
            .runs()?
            .into_iter()
            .map(|run| {
                Ok(RunSummary {
                    counts: ledger.counts(run.id)?.into(),
                    state: RunStatus::of(run.state, self.batches().is_driven(run.id)),
                    run_id: run.id,
                    kind: run.kind,
                    source_file: run.source_file,
                    note: run.note,
                    created_ms: run.created_ms,
                    updated_ms: run.updated_ms,
                })
            })
            .collect()
    }

    /// Every row of a run, in row order.
    ///
    /// # Errors
    /// `noSuchRun`; the ledger cannot be read.
    pub fn run_entries(&self, run: RunId) -> Result<Vec<RunRow>, CommandError> {
        let ledger = self.batches().ledger()?;
        ledger.run(run)?;

        Ok(ledger
            .entries(run)?
            .into_iter()
            .map(|entry| RunRow {
                row: entry.row,
                reference: entry.reference,
                state: entry.state,
                order_no: entry.order_no,
                errors: entry.errors,
                attempts: entry.attempts,
            })
            .collect())
    }

    /// The run's result file (CSV with a BOM: row, reference, state, orderNo, errors) as bytes,
    /// with its default name `run-<id>-result.csv`.
    ///
    /// # Errors
    /// `noSuchRun`; the ledger cannot be read or the temporary file written.
    pub fn run_result_file(&self, run: RunId) -> Result<(String, Vec<u8>), CommandError> {
        let ledger = self.batches().ledger()?;
        ledger.run(run)?;
        let scratch = self
            .folders()
            .data
            .join(format!(".run-{run}-result-{}.csv", std::process::id()));

        let written = ledger.write_result_csv(run, &scratch);
        let bytes = written.and_then(|()| {
            std::fs::read(&scratch).map_err(|e| BatchError::File {
                path: scratch.display().to_string(),
                detail: e.to_string(),
            })
        });
        let _ = std::fs::remove_file(&scratch);

        Ok((format!("run-{run}-result.csv"), bytes?))
    }

    fn run_status(&self, run: RunId) -> Result<RunStatus, CommandError> {
        let state = self.batches().ledger()?.run(run)?.state;

        Ok(RunStatus::of(state, self.batches().is_driven(run)))
    }
}

/// A downloadable template: its default name (`platform-orders-template-zh.xlsx`) and bytes.
pub fn template_file(
    kind: ImportKind,
    language: Language,
    format: FileFormat,
) -> (String, Vec<u8>) {
    let kind_name = match kind {
        ImportKind::PlatformOrders => "platform-orders",
        ImportKind::B2cOrders => "b2c-orders",
        ImportKind::Products => "products",
    };
    let language_name = match language {
        Language::Zh => "zh",
        Language::En => "en",
    };
    let extension = match format {
        FileFormat::Csv => "csv",
        FileFormat::Xlsx => "xlsx",
    };

    (
        format!("{kind_name}-template-{language_name}.{extension}"),
        oms_import::template(kind, language, format),
    )
}

/// The check's shape for the UI.
fn import_check(report: &AnyReport) -> ImportCheck {
    let (orders, valid_orders) = report.order_counts();
    let (format, encoding) = match report {
        AnyReport::PlatformOrders(r) => (r.format, r.encoding),
        AnyReport::B2cOrders(r) => (r.format, r.encoding),
        AnyReport::Products(r) => (r.format, r.encoding),
    };

    ImportCheck {
        kind: report.kind(),
        format,
        encoding,
        rows: count(report.rows()),
        orders: count(orders),
        valid_orders: count(valid_orders),
        errors: report
            .errors()
            .iter()
            .map(|e| ImportProblem {
                row: count(e.row),
                column: e.column.clone(),
                column_index: e.column_index.map(count),
                field: e.field.clone(),
                zh: e.zh.clone(),
                en: e.en.clone(),
            })
            .collect(),
        warnings: report
            .warnings()
            .iter()
            .map(|w| ImportWarning {
                row: w.row.map(count),
                column: w.column.clone(),
                zh: w.zh.clone(),
                en: w.en.clone(),
            })
            .collect(),
        can_submit: report.errors().is_empty() && orders > 0,
    }
}

fn read_import(kind: ImportKind, path: &Path) -> Result<AnyReport, CommandError> {
    oms_import::import_file(kind, path).map_err(import_error)
}

fn import_error(error: oms_import::Error) -> CommandError {
    CommandError::new("importFile", error.zh(), error.to_string())
}

/// Refuses a file with any problem (each as a field `rows[<row>].<field>`), or without orders.
fn refuse_problems(report: &AnyReport) -> Result<(), CommandError> {
    let errors = report.errors();
    if !errors.is_empty() {
        let mut refusal = CommandError::new(
            "validation",
            format!(
                "表格有 {} 处错误，未发送任何订单；请改正后重新检查",
                errors.len()
            ),
            format!(
                "the file has {} problem(s) and nothing was sent; fix them and check again",
                errors.len()
            ),
        );
        refusal.fields = errors
            .iter()
            .map(|e| {
                let place = e.column.as_deref().unwrap_or(&e.field);
                CommandFieldError {
                    field: format!("rows[{}].{}", e.row, e.field),
                    message: format!("第 {} 行 {place}：{}", e.row, e.zh),
                    message_en: format!("row {}, {place}: {}", e.row, e.en),
                }
            })
            .collect();
        return Err(refusal);
    }

    if report.order_counts().0 == 0 {
        return Err(CommandError::new(
            "notSendable",
            "表格里没有可发送的订单或产品",
            "the file holds no orders or products to send",
        ));
    }
    Ok(())
}

/// Records the report's orders as a new run, each under the first row it came from.
fn record_report(
    ledger: &Ledger,
    report: AnyReport,
    source_file: Option<&str>,
) -> Result<RunId, CommandError> {
    let run = match report {
        AnyReport::PlatformOrders(report) => record_rows(ledger, &report.into_rows(), source_file),
        AnyReport::B2cOrders(report) => record_rows(ledger, &report.into_rows(), source_file),
        AnyReport::Products(report) => record_rows(ledger, &report.into_rows(), source_file),
    };

    Ok(run?)
}

/// The batch options for the UI's choices, each out-of-range choice as a field error.
fn batch_options(
    options: RunOptions,
    source_file: Option<String>,
) -> Result<BatchOptions, CommandError> {
    let defaults = BatchOptions::default();
    let mut problems = Vec::new();
    let mut pick = |field: &str, value: Option<u32>, default: usize, max: u32| match value {
        None => default,
        Some(n) if (1..=max).contains(&n) => n as usize,
        Some(_) => {
            problems.push(CommandFieldError {
                field: field.to_owned(),
                message: format!("必须在 1 到 {max} 之间"),
                message_en: format!("must be 1 to {max}"),
            });
            default
        }
    };

    let concurrency = pick("concurrency", options.concurrency, defaults.concurrency, 16);
    let chunk_size = pick(
        "chunkSize",
        options.chunk_size,
        defaults.chunk_size,
        oms_api::platform::MAX_ORDERS_PER_BATCH as u32,
    );

    if !problems.is_empty() {
        let mut error = CommandError::new(
            "validation",
            "请检查批量发送的设置",
            "please correct the batch settings",
        );
        error.fields = problems;
        return Err(error);
    }
    Ok(BatchOptions {
        concurrency,
        chunk_size,
        source_file,
        ..defaults
    })
}

fn not_resumable(run: RunId, status: RunStatus) -> CommandError {
    let (zh, en) = match status {
        RunStatus::Cancelled => ("已取消", "cancelled"),
        RunStatus::Finished => ("已完成", "finished"),
        _ => ("正在发送", "being sent"),
    };

    CommandError::new(
        "notResumable",
        format!("批次 {run} {zh}，不能继续"),
        format!("run {run} is {en} and cannot be resumed or cancelled"),
    )
}

/// A row or column number for the UI (files have far fewer than 2^32 rows).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
