//! The submission ledger: one SQLite file that says, for every row of every batch, what was sent
//! and what the OMS made of it. Each step is written in its own transaction BEFORE the next step
//! happens (an entry is `sending` before its request leaves, and gets its outcome after the
//! answer), so a crash or a kill at any point leaves a ledger that tells the truth: an entry in
//! `sending` may or may not have reached the server, and is looked up before it is sent again.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{BatchError, BatchResult};

/// A run's id in the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
// A plain `number` in TypeScript: run ids stay far below 2^32.
#[cfg_attr(feature = "specta", derive(specta::Type), specta(type = u32, transparent = false))]
pub struct RunId(pub i64);

impl std::fmt::Display for RunId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An entry's id in the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub i64);

/// What a run creates. The reference of platform orders is `platformOrderNo`, of products
/// `productSku`, of the others `referenceNo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum RunKind {
    /// E-commerce platform orders, sent with `platform_order_create_batch`.
    PlatformOrder,
    /// B2C outbound orders, sent one by one with `b2c_create`.
    B2cOrder,
    /// B2B outbound orders, sent one by one with `b2b_create`.
    B2bOrder,
    /// Inbound orders (ASNs), sent one by one with `inbound_create`.
    InboundOrder,
    /// Return orders, sent one by one with `return_create`.
    ReturnOrder,
    /// Products, sent one by one with `product_create`; the SKU stands for the order number.
    Product,
}

impl RunKind {
    /// Every kind.
    pub const ALL: [RunKind; 6] = [
        Self::PlatformOrder,
        Self::B2cOrder,
        Self::B2bOrder,
        Self::InboundOrder,
        Self::ReturnOrder,
        Self::Product,
    ];

    /// The name stored in the ledger and shown by the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlatformOrder => "platform_order",
            Self::B2cOrder => "b2c_order",
            Self::B2bOrder => "b2b_order",
            Self::InboundOrder => "inbound_order",
            Self::ReturnOrder => "return_order",
            Self::Product => "product",
        }
    }

    /// The kind stored under `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Sending, or stopped by a crash while sending (then `resume` picks it up).
    Running,
    /// Paused by the user, or stopped with entries that need another try.
    Paused,
    /// Cancelled by the user: nothing more is sent.
    Cancelled,
    /// Every entry has its final outcome.
    Finished,
}

impl RunState {
    /// The name stored in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Paused => "paused",
            Self::Cancelled => "cancelled",
            Self::Finished => "finished",
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "paused" => Self::Paused,
            "cancelled" => Self::Cancelled,
            "finished" => Self::Finished,
            _ => Self::Running,
        }
    }
}

/// Where one row stands: `pending` → `sending` → `accepted` | `rejected` | `unknown`, plus
/// `duplicate` for a reference that was already accepted and so is not sent again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum EntryState {
    /// Not sent yet (or sent and known not to have been processed, like a 429).
    Pending,
    /// Written before the request left; the outcome is not recorded yet.
    Sending,
    /// The OMS created it (`order_no` when the answer names one).
    Accepted,
    /// The OMS refused it (`errors` say why). Not retried.
    Rejected,
    /// The request may or may not have been carried out; it is looked up before any resend.
    Unknown,
    /// Not sent: the reference was already accepted (in another run, or found on the server).
    Duplicate,
}

impl EntryState {
    /// The name stored in the ledger and written in result files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Unknown => "unknown",
            Self::Duplicate => "duplicate",
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "sending" => Self::Sending,
            "accepted" => Self::Accepted,
            "rejected" => Self::Rejected,
            "unknown" => Self::Unknown,
            "duplicate" => Self::Duplicate,
            _ => Self::Pending,
        }
    }

    /// True when nothing more will happen to the entry.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Accepted | Self::Rejected | Self::Duplicate)
    }
}

/// A run as the ledger holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// Its id.
    pub id: RunId,
    /// What it creates.
    pub kind: RunKind,
    /// The spreadsheet it came from, if any.
    pub source_file: Option<String>,
    /// When it was created, Unix milliseconds.
    pub created_ms: i64,
    /// When it last changed, Unix milliseconds.
    pub updated_ms: i64,
    /// Where it stands.
    pub state: RunState,
    /// Why it stopped, when it stopped before finishing.
    pub note: Option<String>,
}

/// One row of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Its id.
    pub id: EntryId,
    /// The run it belongs to.
    pub run_id: RunId,
    /// The row number in the source file.
    pub row: u32,
    /// `referenceNo` or `platformOrderNo`.
    pub reference: String,
    /// SHA-256 of the JSON body, hex.
    pub body_hash: String,
    /// The JSON body as sent.
    pub body: String,
    /// Where it stands.
    pub state: EntryState,
    /// The OMS order number, once accepted (platform orders have none).
    pub order_no: Option<String>,
    /// Why it was refused, or the last failure when the outcome is unknown.
    pub errors: Vec<String>,
    /// How many times it was sent.
    pub attempts: u32,
    /// True once a send of it ended with an unknown outcome.
    pub was_unknown: bool,
    /// When it last changed, Unix milliseconds.
    pub updated_ms: i64,
}

/// Entries of a run per state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Not sent yet.
    pub pending: u64,
    /// Being sent (or cut off by a crash while being sent).
    pub sending: u64,
    /// Created by the OMS.
    pub accepted: u64,
    /// Refused by the OMS.
    pub rejected: u64,
    /// Outcome not known yet.
    pub unknown: u64,
    /// Already accepted before; not sent.
    pub duplicate: u64,
}

impl Counts {
    /// Every entry.
    pub fn total(&self) -> u64 {
        self.pending + self.sending + self.accepted + self.rejected + self.unknown + self.duplicate
    }

    /// Entries that still need work.
    pub fn open(&self) -> u64 {
        self.pending + self.sending + self.unknown
    }
}

/// A row to record in a new run.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntry {
    /// The row number in the source file.
    pub row: u32,
    /// `referenceNo` or `platformOrderNo`.
    pub reference: String,
    /// The JSON body that will be sent.
    pub body: String,
}

/// What became of one entry, to record after an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Created; the order number when the answer names one.
    Accepted(Option<String>),
    /// Refused, with the reasons.
    Rejected(Vec<String>),
    /// Maybe carried out, maybe not; the reason.
    Unknown(String),
    /// Not carried out (429, no connection): back to pending; the reason.
    NotProcessed(String),
    /// Already on the server before this send; the order number when known and a note.
    Duplicate(Option<String>, String),
}

/// What claiming an entry for sending found.
#[derive(Clone, Debug, PartialEq)]
pub enum Claim {
    /// Recorded as `sending`: send it now.
    Send(Entry),
    /// The reference was accepted in another run: recorded as `duplicate`, not to be sent.
    AlreadyAccepted {
        /// The entry.
        entry: EntryId,
        /// The run that has it.
        run: RunId,
        /// Its order number there.
        order_no: Option<String>,
    },
}

/// The desktop app's identifier, which names its data folder. The app and the `oms` command line
/// keep their ledger there, so a reference accepted by one is never sent again by the other.
pub const DESK_APP_IDENTIFIER: &str = "com.omsdesk.app";

/// The ledger's file name in the app's data folder.
pub const LEDGER_FILE: &str = "batches.sqlite";

/// The ledger the desktop app uses, in the platform's data folder: on Linux
/// `$XDG_DATA_HOME/com.omsdesk.app/batches.sqlite` (else under `~/.local/share`), on macOS under
/// `~/Library/Application Support`, on Windows under `%APPDATA%`. `None` when the environment
/// names no home folder.
pub fn desk_ledger_path() -> Option<PathBuf> {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    let data_dir = if cfg!(target_os = "windows") {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|home| home.join("Library/Application Support"))
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| env_dir("HOME").map(|home| home.join(".local/share")))
    };

    data_dir.map(|dir| dir.join(DESK_APP_IDENTIFIER).join(LEDGER_FILE))
}

/// The ledger. Cheap to clone; clones share one connection.
#[derive(Clone, Debug)]
pub struct Ledger {
    connection: Arc<Mutex<Connection>>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    source_file TEXT,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    state TEXT NOT NULL,
    note TEXT
);
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    kind TEXT NOT NULL,
    row_no INTEGER NOT NULL,
    reference TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    order_no TEXT,
    errors TEXT NOT NULL DEFAULT '[]',
    attempts INTEGER NOT NULL DEFAULT 0,
    was_unknown INTEGER NOT NULL DEFAULT 0,
    updated_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_run ON entries(run_id, state);
CREATE INDEX IF NOT EXISTS entries_by_reference ON entries(kind, reference, state);
";

const ENTRY_COLUMNS: &str = "id, run_id, row_no, reference, body_hash, body, state, order_no, \
                             errors, attempts, was_unknown, updated_ms";

impl Ledger {
    /// Opens (and creates when needed) the ledger file at `path`.
    ///
    /// The file is in WAL mode with `synchronous = FULL`: a committed step survives a crash of
    /// the app and of the machine.
    pub fn open(path: &Path) -> BatchResult<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| BatchError::File {
                path: parent.display().to_string(),
                detail: e.to_string(),
            })?;
        }

        let connection = Connection::open(path)?;
        connection.busy_timeout(std::time::Duration::from_secs(10))?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.execute_batch(SCHEMA)?;

        Ok(Self {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records a new run with its rows, all `pending`, in one transaction. A reference that
    /// repeats an earlier row of the same run is recorded as `rejected` (the OMS would refuse it).
    pub fn create_run(
        &self,
        kind: RunKind,
        source_file: Option<&str>,
        entries: &[NewEntry],
    ) -> BatchResult<RunId> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = now_ms();

        transaction.execute(
            "INSERT INTO runs (kind, source_file, created_ms, updated_ms, state) \
             VALUES (?1, ?2, ?3, ?3, 'running')",
            params![kind.as_str(), source_file, now],
        )?;
        let run = RunId(transaction.last_insert_rowid());

        {
            let mut insert = transaction.prepare(
                "INSERT INTO entries (run_id, kind, row_no, reference, body_hash, body, state, \
                 errors, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut first_row = std::collections::HashMap::new();
            for entry in entries {
                let reference = entry.reference.trim();
                let (state, errors) = match first_row.get(reference) {
                    Some(first) => (
                        EntryState::Rejected,
                        vec![format!(
                            "与第 {first} 行重复：{reference} (repeats row {first}: {reference})"
                        )],
                    ),
                    None => (EntryState::Pending, Vec::new()),
                };
                first_row.entry(reference.to_owned()).or_insert(entry.row);

                insert.execute(params![
                    run.0,
                    kind.as_str(),
                    entry.row,
                    reference,
                    body_hash(entry.body.as_bytes()),
                    entry.body,
                    state.as_str(),
                    serde_json::to_string(&errors)?,
                    now,
                ])?;
            }
        }

        transaction.commit()?;
        Ok(run)
    }

    /// Sets a run's state (and why it stopped, for `paused`).
    pub fn set_run_state(
        &self,
        run: RunId,
        state: RunState,
        note: Option<&str>,
    ) -> BatchResult<()> {
        self.lock().execute(
            "UPDATE runs SET state = ?2, note = ?3, updated_ms = ?4 WHERE id = ?1",
            params![run.0, state.as_str(), note, now_ms()],
        )?;
        Ok(())
    }

    /// One run.
    pub fn run(&self, run: RunId) -> BatchResult<Run> {
        self.lock()
            .query_row(
                "SELECT id, kind, source_file, created_ms, updated_ms, state, note FROM runs \
                 WHERE id = ?1",
                [run.0],
                read_run,
            )
            .optional()?
            .ok_or(BatchError::NoSuchRun(run))?
    }

    /// Every run, newest first.
    pub fn runs(&self) -> BatchResult<Vec<Run>> {
        let connection = self.lock();
        let mut query = connection.prepare(
            "SELECT id, kind, source_file, created_ms, updated_ms, state, note FROM runs \
             ORDER BY id DESC",
        )?;
        let rows = query.query_map([], read_run)?;

        rows.map(|row| row?).collect()
    }

    /// Runs that did not finish and were not cancelled: what the app offers to resume.
    pub fn open_runs(&self) -> BatchResult<Vec<Run>> {
        Ok(self
            .runs()?
            .into_iter()
            .filter(|run| matches!(run.state, RunState::Running | RunState::Paused))
            .collect())
    }

    /// Entries of a run per state.
    pub fn counts(&self, run: RunId) -> BatchResult<Counts> {
        let connection = self.lock();
        let mut query = connection
            .prepare("SELECT state, COUNT(*) FROM entries WHERE run_id = ?1 GROUP BY state")?;
        let mut counts = Counts::default();

        let rows = query.query_map([run.0], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, u64>(1)?))
        })?;
        for row in rows {
            let (state, count) = row?;
            let slot = match EntryState::from_name(&state) {
                EntryState::Pending => &mut counts.pending,
                EntryState::Sending => &mut counts.sending,
                EntryState::Accepted => &mut counts.accepted,
                EntryState::Rejected => &mut counts.rejected,
                EntryState::Unknown => &mut counts.unknown,
                EntryState::Duplicate => &mut counts.duplicate,
            };
            *slot += count;
        }

        Ok(counts)
    }

    /// Every entry of a run, in row order.
    pub fn entries(&self, run: RunId) -> BatchResult<Vec<Entry>> {
        let connection = self.lock();
        let mut query = connection.prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entries WHERE run_id = ?1 ORDER BY row_no, id"
        ))?;
        let rows = query.query_map([run.0], read_entry)?;

        rows.map(|row| row?).collect()
    }

    /// Ids of the entries of a run in one of `states`, in row order.
    pub fn entry_ids_in(&self, run: RunId, states: &[EntryState]) -> BatchResult<Vec<EntryId>> {
        let names: Vec<String> = states.iter().map(|s| format!("'{}'", s.as_str())).collect();
        let connection = self.lock();
        let mut query = connection.prepare(&format!(
            "SELECT id FROM entries WHERE run_id = ?1 AND state IN ({}) ORDER BY row_no, id",
            names.join(", ")
        ))?;
        let rows = query.query_map([run.0], |row| Ok(EntryId(row.get(0)?)))?;

        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One entry.
    pub fn entry(&self, entry: EntryId) -> BatchResult<Entry> {
        self.lock().query_row(
            &format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1"),
            [entry.0],
            read_entry,
        )?
    }

    /// Marks entries as `sending` (one more attempt each) in one transaction, BEFORE their
    /// request leaves. An entry whose reference was accepted in another run of the same kind is
    /// marked `duplicate` instead and must not be sent.
    pub fn claim(&self, entries: &[EntryId]) -> BatchResult<Vec<Claim>> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = now_ms();
        let mut claims = Vec::with_capacity(entries.len());

        for id in entries {
            let entry = transaction.query_row(
                &format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1"),
                [id.0],
                read_entry,
            )??;
            let kind: String =
                transaction.query_row("SELECT kind FROM entries WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })?;
            let earlier = transaction
                .query_row(
                    "SELECT run_id, order_no FROM entries WHERE kind = ?1 AND reference = ?2 \
                     AND state = 'accepted' AND run_id <> ?3 ORDER BY id LIMIT 1",
                    params![kind, entry.reference, entry.run_id.0],
                    |row| Ok((RunId(row.get(0)?), row.get::<_, Option<String>>(1)?)),
                )
                .optional()?;

            match earlier {
                Some((run, order_no)) => {
                    let note = format!("已在批次 {run} 中创建 (already accepted in run {run})");
                    transaction.execute(
                        "UPDATE entries SET state = 'duplicate', order_no = ?2, errors = ?3, \
                         updated_ms = ?4 WHERE id = ?1",
                        params![id.0, order_no, serde_json::to_string(&[note])?, now],
                    )?;
                    claims.push(Claim::AlreadyAccepted {
                        entry: *id,
                        run,
                        order_no,
                    });
                }
                None => {
                    transaction.execute(
                        "UPDATE entries SET state = 'sending', attempts = attempts + 1, \
                         updated_ms = ?2 WHERE id = ?1",
                        params![id.0, now],
                    )?;
                    claims.push(Claim::Send(Entry {
                        state: EntryState::Sending,
                        attempts: entry.attempts + 1,
                        updated_ms: now,
                        ..entry
                    }));
                }
            }
        }

        transaction.commit()?;
        Ok(claims)
    }

    /// Records the outcomes of one answer in one transaction.
    pub fn record(&self, outcomes: &[(EntryId, Outcome)]) -> BatchResult<()> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = now_ms();

        for (id, outcome) in outcomes {
            let (state, order_no, errors, unknown) = match outcome {
                Outcome::Accepted(order_no) => (EntryState::Accepted, order_no.clone(), vec![], 0),
                Outcome::Rejected(errors) => (EntryState::Rejected, None, errors.clone(), 0),
                Outcome::Unknown(reason) => (EntryState::Unknown, None, vec![reason.clone()], 1),
                Outcome::NotProcessed(reason) => {
                    (EntryState::Pending, None, vec![reason.clone()], 0)
                }
                Outcome::Duplicate(order_no, note) => (
                    EntryState::Duplicate,
                    order_no.clone(),
                    vec![note.clone()],
                    0,
                ),
            };
            transaction.execute(
                "UPDATE entries SET state = ?2, order_no = COALESCE(?3, order_no), errors = ?4, \
                 was_unknown = MAX(was_unknown, ?5), updated_ms = ?6 WHERE id = ?1",
                params![
                    id.0,
                    state.as_str(),
                    order_no,
                    serde_json::to_string(&errors)?,
                    unknown,
                    now
                ],
            )?;
        }

        transaction.commit()?;
        Ok(())
    }

    /// Turns entries left in `sending` by a crash into `unknown`: their request may have reached
    /// the server. Returns how many.
    pub fn sending_to_unknown(&self, run: RunId) -> BatchResult<usize> {
        let changed = self.lock().execute(
            "UPDATE entries SET state = 'unknown', was_unknown = 1, errors = ?2, updated_ms = ?3 \
             WHERE run_id = ?1 AND state = 'sending'",
            params![
                run.0,
                serde_json::to_string(&[
                    "发送时中断 (the app stopped while this row was being sent)"
                ])?,
                now_ms()
            ],
        )?;
        Ok(changed)
    }

    /// Writes the run's result file: CSV with a UTF-8 BOM (so Excel reads Chinese reasons), one
    /// line per row: `row,reference,state,orderNo,errors`.
    pub fn write_result_csv(&self, run: RunId, path: &Path) -> BatchResult<()> {
        let mut text = String::from("\u{feff}row,reference,state,orderNo,errors\n");
        for entry in self.entries(run)? {
            let _ = writeln!(
                text,
                "{},{},{},{},{}",
                entry.row,
                csv_field(&entry.reference),
                entry.state.as_str(),
                csv_field(entry.order_no.as_deref().unwrap_or_default()),
                csv_field(&entry.errors.join("; ")),
            );
        }

        std::fs::write(path, text).map_err(|e| BatchError::File {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    }
}

fn read_run(row: &rusqlite::Row<'_>) -> rusqlite::Result<BatchResult<Run>> {
    let kind: String = row.get(1)?;
    let Some(kind) = RunKind::from_name(&kind) else {
        return Ok(Err(BatchError::Ledger(format!(
            "unknown run kind `{kind}`"
        ))));
    };

    Ok(Ok(Run {
        id: RunId(row.get(0)?),
        kind,
        source_file: row.get(2)?,
        created_ms: row.get(3)?,
        updated_ms: row.get(4)?,
        state: RunState::from_name(&row.get::<_, String>(5)?),
        note: row.get(6)?,
    }))
}

fn read_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<BatchResult<Entry>> {
    let errors: String = row.get(8)?;
    let errors = match serde_json::from_str(&errors) {
        Ok(errors) => errors,
        Err(error) => return Ok(Err(error.into())),
    };

    Ok(Ok(Entry {
        id: EntryId(row.get(0)?),
        run_id: RunId(row.get(1)?),
        row: row.get(2)?,
        reference: row.get(3)?,
        body_hash: row.get(4)?,
        body: row.get(5)?,
        state: EntryState::from_name(&row.get::<_, String>(6)?),
        order_no: row.get(7)?,
        errors,
        attempts: row.get(9)?,
        was_unknown: row.get::<_, i64>(10)? != 0,
        updated_ms: row.get(11)?,
    }))
}

/// SHA-256 of a body, hex.
pub fn body_hash(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> (tempfile::TempDir, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
        (dir, ledger)
    }

    fn rows(references: &[&str]) -> Vec<NewEntry> {
        references
            .iter()
            .enumerate()
            .map(|(i, reference)| NewEntry {
                row: i as u32 + 2,
                reference: (*reference).to_owned(),
                body: format!("{{\"referenceNo\":\"{reference}\"}}"),
            })
            .collect()
    }

    #[test]
    fn a_repeated_reference_in_one_run_is_rejected_naming_the_first_row() {
        let (_dir, ledger) = ledger();

        let run = ledger
            .create_run(RunKind::B2cOrder, None, &rows(&["A", "B", "A"]))
            .unwrap();
        let entries = ledger.entries(run).unwrap();

        assert_eq!(
            entries[2].state,
            EntryState::Rejected,
            "row 4 repeats row 2"
        );
        assert!(
            entries[2].errors[0].contains("repeats row 2"),
            "{:?}",
            entries[2]
        );
        assert_eq!(ledger.counts(run).unwrap().pending, 2);
    }

    #[test]
    fn a_reference_accepted_in_another_run_is_claimed_as_a_duplicate() {
        let (_dir, ledger) = ledger();
        let first = ledger
            .create_run(RunKind::B2cOrder, None, &rows(&["A"]))
            .unwrap();
        let id = ledger.entry_ids_in(first, &[EntryState::Pending]).unwrap()[0];
        ledger.claim(&[id]).unwrap();
        ledger
            .record(&[(id, Outcome::Accepted(Some("OB1".to_owned())))])
            .unwrap();
        let second = ledger
            .create_run(RunKind::B2cOrder, None, &rows(&["A"]))
            .unwrap();
        let other_kind = ledger
            .create_run(RunKind::B2bOrder, None, &rows(&["A"]))
            .unwrap();

        let again = ledger.entry_ids_in(second, &[EntryState::Pending]).unwrap();
        let claims = ledger.claim(&again).unwrap();
        let b2b = ledger
            .entry_ids_in(other_kind, &[EntryState::Pending])
            .unwrap();

        assert_eq!(
            claims,
            [Claim::AlreadyAccepted {
                entry: again[0],
                run: first,
                order_no: Some("OB1".to_owned())
            }],
            "the second run must not send A again"
        );
        assert_eq!(ledger.entry(again[0]).unwrap().state, EntryState::Duplicate);
        assert!(
            matches!(ledger.claim(&b2b).unwrap()[0], Claim::Send(_)),
            "references are unique per kind only"
        );
    }

    #[test]
    fn sending_entries_become_unknown_and_keep_that_they_were_unknown() {
        let (_dir, ledger) = ledger();
        let run = ledger
            .create_run(
                RunKind::PlatformOrder,
                Some("orders.xlsx"),
                &rows(&["P1", "P2"]),
            )
            .unwrap();
        let ids = ledger.entry_ids_in(run, &[EntryState::Pending]).unwrap();
        ledger.claim(&ids).unwrap();

        let turned = ledger.sending_to_unknown(run).unwrap();
        ledger.record(&[(ids[0], Outcome::Accepted(None))]).unwrap();

        assert_eq!(turned, 2);
        let entries = ledger.entries(run).unwrap();
        assert!(entries.iter().all(|e| e.was_unknown), "{entries:?}");
        assert_eq!(entries[0].attempts, 1);
        assert_eq!(ledger.counts(run).unwrap().unknown, 1);
    }

    #[test]
    fn the_result_file_quotes_fields_and_starts_with_a_bom() {
        let (dir, ledger) = ledger();
        let run = ledger
            .create_run(RunKind::B2cOrder, None, &rows(&["A,1"]))
            .unwrap();
        let id = ledger.entry_ids_in(run, &[EntryState::Pending]).unwrap()[0];
        ledger
            .record(&[(id, Outcome::Rejected(vec!["city: \"x\" 必填".to_owned()]))])
            .unwrap();
        let path = dir.path().join("result.csv");

        ledger.write_result_csv(run, &path).unwrap();

        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(
            text,
            "\u{feff}row,reference,state,orderNo,errors\n2,\"A,1\",rejected,,\"city: \"\"x\"\" 必填\"\n"
        );
    }
}
