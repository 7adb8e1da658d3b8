//! Batch runs: many creates sent so that every row ends exactly once on the server, with
//! progress the UI can show, and pause, resume, cancel and resume after a crash.
//!
//! How a run sends:
//! - platform orders go through `platform_order_create_batch` in chunks (default 50, at most
//!   100); each chunk's bulk result is mapped back to its rows by `platformOrderNo`;
//! - the other kinds are created one by one, `concurrency` at a time (default 4);
//! - the ledger records every row as `sending` before its request leaves and its outcome after
//!   the answer, each step in its own transaction;
//! - HTTP 429 means "not processed": every worker waits `Retry-After` and the row is sent again;
//!   a connection that could not be made sent nothing, so the row is sent again after a pause;
//! - a refusal is final (`rejected`, with the OMS's reasons);
//! - an unknown outcome (timeout, dropped connection, cut-off answer, 5xx) is settled as
//!   [`crate::resolve`] describes BEFORE the row is sent again.
//!
//! The ledger calls are short SQLite transactions made on the async task; they block it for
//! well under a millisecond each.

use oms_api::inbound::InboundOrderCreate;
use oms_api::outbound::{B2bOrderCreate, B2cOrderCreate};
use oms_api::platform::{PlatformOrderBatch, PlatformOrderCreate, MAX_ORDERS_PER_BATCH};
use oms_api::product::Product;
use oms_api::returns::ReturnOrderCreate;
use oms_api::{Client, Error, Validate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

use crate::error::{BatchError, BatchResult};
use crate::ledger::{Claim, Counts, Entry, EntryId, EntryState, Ledger, NewEntry, Outcome};
use crate::ledger::{RunId, RunKind, RunState};
use crate::resolve::{self, PlatformRefusal};

/// Receives progress events; the app forwards them to the UI as they come.
pub type ProgressSink = Arc<dyn Fn(&Progress) + Send + Sync>;

/// Where a run stands, for a progress bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The run.
    pub run_id: RunId,
    /// Running, paused, cancelled or finished.
    pub state: RunState,
    /// Rows created (accepted, or found already accepted).
    pub done: u64,
    /// Rows refused by the OMS.
    pub failed: u64,
    /// Rows still to send or to settle.
    pub remaining: u64,
    /// Every row of the run.
    pub total: u64,
    /// Rows settled per second since this session of the run started.
    pub rate_per_second: f64,
    /// Seconds left at that rate, when there is a rate.
    pub eta_seconds: Option<f64>,
}

/// The end of a session of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    /// The run.
    pub run_id: RunId,
    /// How it ended: finished, paused (with `note`) or cancelled.
    pub state: RunState,
    /// Rows per state.
    pub counts: Counts,
    /// Why it stopped before finishing.
    pub note: Option<String>,
    /// The result file written, if one was asked for.
    pub result_file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Run,
    Pause,
    Cancel,
}

/// Pause, resume and cancel a run from another task (the UI's buttons). Cheap to clone. A pause
/// or cancel lets requests already on the wire finish (cutting a create off would make its
/// outcome unknown) and sends nothing more.
#[derive(Clone, Debug)]
pub struct RunControl {
    command: Arc<watch::Sender<Command>>,
}

impl Default for RunControl {
    fn default() -> Self {
        Self::new()
    }
}

impl RunControl {
    /// A control in the running position.
    pub fn new() -> Self {
        Self {
            command: Arc::new(watch::channel(Command::Run).0),
        }
    }

    /// Stops sending after the requests in flight; [`RunControl::resume`] goes on.
    pub fn pause(&self) {
        self.command.send_if_modified(|command| {
            let changed = *command == Command::Run;
            if changed {
                *command = Command::Pause;
            }
            changed
        });
    }

    /// Goes on after a pause.
    pub fn resume(&self) {
        self.command.send_if_modified(|command| {
            let changed = *command == Command::Pause;
            if changed {
                *command = Command::Run;
            }
            changed
        });
    }

    /// Stops for good after the requests in flight; the rows not sent stay `pending`.
    pub fn cancel(&self) {
        self.command.send_replace(Command::Cancel);
    }

    /// True after [`RunControl::pause`] until resumed.
    pub fn is_paused(&self) -> bool {
        *self.command.borrow() == Command::Pause
    }

    /// True after [`RunControl::cancel`].
    pub fn is_cancelled(&self) -> bool {
        *self.command.borrow() == Command::Cancel
    }

    /// Waits while paused; false when cancelled.
    async fn wait_unless_paused(&self) -> bool {
        let mut changes = self.command.subscribe();
        let _ = changes.wait_for(|command| *command != Command::Pause).await;
        !self.is_cancelled()
    }
}

/// How a run sends.
#[derive(Clone)]
pub struct BatchOptions {
    /// Platform orders per create-batch call (1 to 100, default 50).
    pub chunk_size: usize,
    /// Calls in flight at once (default 4).
    pub concurrency: usize,
    /// Sends of one row before the run stops to let a person look (default 8).
    pub max_sends: u32,
    /// Waits (429, no connection, failed lookups) of one row before the run stops (default 30).
    pub max_setbacks: u32,
    /// Wait before looking up a row whose outcome is unknown, so a request still being handled
    /// by the server can land first (default 300 ms).
    pub settle_delay: Duration,
    /// Wait after a connection failure, and after a 429 without `Retry-After` (default 1 s).
    pub retry_wait: Duration,
    /// The spreadsheet the rows came from, kept in the ledger.
    pub source_file: Option<String>,
    /// Where to write the result CSV when a session ends.
    pub result_file: Option<PathBuf>,
    /// The run's pause / resume / cancel handle.
    pub control: RunControl,
    /// Where progress events go.
    pub progress: Option<ProgressSink>,
    /// The shortest time between two progress events (the last one is always sent).
    pub progress_interval: Duration,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            chunk_size: 50,
            concurrency: 4,
            max_sends: 8,
            max_setbacks: 30,
            settle_delay: Duration::from_millis(300),
            retry_wait: Duration::from_secs(1),
            source_file: None,
            result_file: None,
            control: RunControl::new(),
            progress: None,
            progress_interval: Duration::from_millis(200),
        }
    }
}

impl std::fmt::Debug for BatchOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchOptions")
            .field("chunk_size", &self.chunk_size)
            .field("concurrency", &self.concurrency)
            .field("max_sends", &self.max_sends)
            .field("max_setbacks", &self.max_setbacks)
            .field("settle_delay", &self.settle_delay)
            .field("retry_wait", &self.retry_wait)
            .field("source_file", &self.source_file)
            .field("result_file", &self.result_file)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl BatchOptions {
    fn check(&self) -> BatchResult<()> {
        if !(1..=MAX_ORDERS_PER_BATCH).contains(&self.chunk_size) {
            return Err(BatchError::Options(format!(
                "chunk_size must be 1 to {MAX_ORDERS_PER_BATCH}, is {}",
                self.chunk_size
            )));
        }
        if self.concurrency == 0 || self.max_sends == 0 {
            return Err(BatchError::Options(
                "concurrency and max_sends must be at least 1".to_owned(),
            ));
        }
        Ok(())
    }
}

/// A request a run can create: its kind and its reference.
pub trait Submittable: Serialize {
    /// The run kind.
    const KIND: RunKind;

    /// `referenceNo`, `platformOrderNo` for platform orders, `productSku` for products.
    fn reference(&self) -> &str;
}

macro_rules! submittable {
    ($type:ty, $kind:expr, $field:ident) => {
        impl Submittable for $type {
            const KIND: RunKind = $kind;

            fn reference(&self) -> &str {
                &self.$field
            }
        }
    };
}

submittable!(
    PlatformOrderCreate,
    RunKind::PlatformOrder,
    platform_order_no
);
submittable!(B2cOrderCreate, RunKind::B2cOrder, reference_no);
submittable!(B2bOrderCreate, RunKind::B2bOrder, reference_no);
submittable!(InboundOrderCreate, RunKind::InboundOrder, reference_no);
submittable!(ReturnOrderCreate, RunKind::ReturnOrder, reference_no);
submittable!(Product, RunKind::Product, product_sku);

/// Records `rows` (row number, request) as a new run, all `pending`, and returns its id without
/// sending anything: the app can show the run and hand its id to [`resume`].
pub fn record_rows<T: Submittable>(
    ledger: &Ledger,
    rows: &[(u32, T)],
    source_file: Option<&str>,
) -> BatchResult<RunId> {
    let entries = rows
        .iter()
        .map(|(row, request)| {
            Ok(NewEntry {
                row: *row,
                reference: request.reference().to_owned(),
                body: serde_json::to_string(request)?,
            })
        })
        .collect::<BatchResult<Vec<_>>>()?;

    ledger.create_run(T::KIND, source_file, &entries)
}

/// Records `rows` as a new run and sends them; returns when every row is settled, or the run is
/// paused by a problem that needs a person, or cancelled.
pub async fn submit_rows<T: Submittable>(
    client: &Client,
    ledger: &Ledger,
    rows: Vec<(u32, T)>,
    options: &BatchOptions,
) -> BatchResult<RunReport> {
    options.check()?;

    let run = record_rows(ledger, &rows, options.source_file.as_deref())?;
    drop(rows);

    drive(client, ledger, run, options).await
}

/// Sends platform orders (row number, request) as a new run through create-batch in chunks.
pub async fn submit_platform_orders(
    client: &Client,
    ledger: &Ledger,
    rows: Vec<(u32, PlatformOrderCreate)>,
    options: &BatchOptions,
) -> BatchResult<RunReport> {
    submit_rows(client, ledger, rows, options).await
}

/// Sends B2C orders (row number, request) as a new run, `concurrency` at a time.
pub async fn submit_b2c_orders(
    client: &Client,
    ledger: &Ledger,
    rows: Vec<(u32, B2cOrderCreate)>,
    options: &BatchOptions,
) -> BatchResult<RunReport> {
    submit_rows(client, ledger, rows, options).await
}

/// Goes on with a run: after a pause, after a stop that needed a person, or after the app was
/// closed or crashed mid-run. Rows left `sending` by a crash become `unknown` and are settled
/// before anything is sent again; `pending` and `unknown` rows are picked up.
///
/// # Errors
///
/// [`BatchError::NotResumable`] for a cancelled or finished run; ledger failures.
pub async fn resume(
    client: &Client,
    ledger: &Ledger,
    run: RunId,
    options: &BatchOptions,
) -> BatchResult<RunReport> {
    options.check()?;

    let state = ledger.run(run)?.state;
    if matches!(state, RunState::Cancelled | RunState::Finished) {
        return Err(BatchError::NotResumable {
            run,
            state: state.as_str(),
        });
    }

    drive(client, ledger, run, options).await
}

/// How one failed call is handled.
enum Failure {
    /// 429: not processed; wait this long.
    RateLimited(Duration),
    /// Nothing reached the server.
    NotSent(String),
    /// Maybe carried out.
    Unknown(String),
    /// Refused: final.
    Refused(Vec<String>),
    /// Every further call would fail the same way (credentials, configuration): stop the run.
    Stop(String),
}

fn classify(error: &Error, retry_wait: Duration) -> Failure {
    match error {
        Error::RateLimited { retry_after, .. } => {
            Failure::RateLimited(retry_after.unwrap_or(retry_wait))
        }
        Error::Connect(_) => Failure::NotSent(error.to_string()),
        error if error.outcome_unknown() => Failure::Unknown(error.to_string()),
        Error::Api(api) if matches!(api.http_status, 401 | 403) => Failure::Stop(error.to_string()),
        Error::Api(api) => {
            let mut reasons = vec![api.message.clone()];
            reasons.extend(api.errors.iter().filter(|e| **e != api.message).cloned());
            Failure::Refused(reasons)
        }
        Error::Validation(fields) => {
            Failure::Refused(fields.iter().map(|field| field.to_string()).collect())
        }
        Error::Http { status, .. } if *status < 500 && !matches!(status, 401 | 403) => {
            Failure::Refused(vec![error.to_string()])
        }
        other => Failure::Stop(other.to_string()),
    }
}

/// The work queue shared by the workers of one session.
#[derive(Default)]
struct Queue {
    ready: VecDeque<EntryId>,
    later: Vec<(Instant, EntryId)>,
    in_flight: usize,
}

enum Next {
    Unit(Vec<EntryId>),
    Wait(Duration),
    Done,
}

struct Session<'a> {
    client: &'a Client,
    ledger: &'a Ledger,
    run: RunId,
    kind: RunKind,
    options: &'a BatchOptions,
    queue: Mutex<Queue>,
    not_before: Mutex<Instant>,
    setbacks: Mutex<HashMap<EntryId, u32>>,
    stop: Mutex<Option<String>>,
    gave_up: Mutex<Vec<EntryId>>,
    started: Instant,
    settled_at_start: u64,
    last_progress: Mutex<Option<Instant>>,
}

async fn drive(
    client: &Client,
    ledger: &Ledger,
    run: RunId,
    options: &BatchOptions,
) -> BatchResult<RunReport> {
    let kind = ledger.run(run)?.kind;
    ledger.sending_to_unknown(run)?;
    ledger.set_run_state(run, RunState::Running, None)?;

    let open = ledger.entry_ids_in(
        run,
        &[
            EntryState::Unknown,
            EntryState::Pending,
            EntryState::Sending,
        ],
    )?;
    let counts = ledger.counts(run)?;
    let session = Session {
        client,
        ledger,
        run,
        kind,
        options,
        queue: Mutex::new(Queue {
            ready: open.into(),
            ..Queue::default()
        }),
        not_before: Mutex::new(Instant::now()),
        setbacks: Mutex::new(HashMap::new()),
        stop: Mutex::new(None),
        gave_up: Mutex::new(Vec::new()),
        started: Instant::now(),
        settled_at_start: counts.total() - counts.open(),
        last_progress: Mutex::new(None),
    };
    session.emit(RunState::Running, true)?;

    let workers = (0..options.concurrency).map(|_| session.work());
    let results = futures_util::future::join_all(workers).await;
    results.into_iter().collect::<BatchResult<Vec<()>>>()?;

    session.finish()
}

impl Session<'_> {
    fn unit_size(&self) -> usize {
        match self.kind {
            RunKind::PlatformOrder => self.options.chunk_size,
            _ => 1,
        }
    }

    fn stopped(&self) -> bool {
        self.options.control.is_cancelled() || lock(&self.stop).is_some()
    }

    fn next(&self) -> Next {
        let mut queue = lock(&self.queue);
        let now = Instant::now();

        let (due, later): (Vec<_>, Vec<_>) = queue.later.drain(..).partition(|(at, _)| *at <= now);
        queue.later = later;
        queue.ready.extend(due.into_iter().map(|(_, id)| id));

        if !queue.ready.is_empty() {
            let take = self.unit_size().min(queue.ready.len());
            let unit: Vec<EntryId> = queue.ready.drain(..take).collect();
            queue.in_flight += 1;
            return Next::Unit(unit);
        }
        if let Some(first) = queue.later.iter().map(|(at, _)| *at).min() {
            return Next::Wait((first - now).min(Duration::from_millis(100)));
        }
        if queue.in_flight > 0 {
            return Next::Wait(Duration::from_millis(20));
        }
        Next::Done
    }

    fn unit_done(&self, again: Vec<(Duration, EntryId)>) {
        let mut queue = lock(&self.queue);
        let now = Instant::now();

        queue.in_flight -= 1;
        for (wait, id) in again {
            if wait.is_zero() {
                queue.ready.push_back(id);
            } else {
                queue.later.push((now + wait, id));
            }
        }
    }

    async fn work(&self) -> BatchResult<()> {
        loop {
            if self.stopped() {
                return Ok(());
            }
            if self.options.control.is_paused() {
                self.ledger
                    .set_run_state(self.run, RunState::Paused, None)?;
                self.emit(RunState::Paused, true)?;
                if !self.options.control.wait_unless_paused().await {
                    return Ok(());
                }
                self.ledger
                    .set_run_state(self.run, RunState::Running, None)?;
                self.emit(RunState::Running, true)?;
            }

            match self.next() {
                Next::Unit(unit) => {
                    let outcome = self.process(&unit).await;
                    let again = match outcome {
                        Ok(again) => again,
                        Err(error) => {
                            self.unit_done(Vec::new());
                            return Err(error);
                        }
                    };
                    self.unit_done(again);
                    self.emit(RunState::Running, false)?;
                }
                Next::Wait(wait) => tokio::time::sleep(wait).await,
                Next::Done => return Ok(()),
            }
        }
    }

    /// Settles, claims and sends one unit; returns the rows to try again and after how long.
    async fn process(&self, unit: &[EntryId]) -> BatchResult<Vec<(Duration, EntryId)>> {
        let mut entries = unit
            .iter()
            .map(|id| self.ledger.entry(*id))
            .collect::<BatchResult<Vec<Entry>>>()?;
        entries.retain(|entry| !entry.state.is_final());

        let unsettled: Vec<&Entry> = entries
            .iter()
            .filter(|entry| entry.state == EntryState::Unknown)
            .collect();
        if self.kind != RunKind::PlatformOrder && !unsettled.is_empty() {
            tokio::time::sleep(self.options.settle_delay).await;
            let references: Vec<String> = unsettled.iter().map(|e| e.reference.clone()).collect();
            match resolve::find_by_reference(self.client, self.kind, &references).await {
                Ok(found) => {
                    let settled: Vec<(EntryId, Outcome)> = unsettled
                        .iter()
                        .filter_map(|entry| {
                            let order_no = found.get(&entry.reference)?;
                            Some((entry.id, Outcome::Accepted(Some(order_no.clone()))))
                        })
                        .collect();
                    self.ledger.record(&settled)?;
                    entries.retain(|entry| !found.contains_key(&entry.reference));
                }
                Err(error) => {
                    tracing::warn!(run = %self.run, %error, "looking up unknown rows failed");
                    return Ok(self.set_back(unit, self.options.retry_wait));
                }
            }
        }

        let (sendable, exhausted): (Vec<Entry>, Vec<Entry>) = entries
            .into_iter()
            .partition(|entry| entry.attempts < self.options.max_sends);
        if !exhausted.is_empty() {
            lock(&self.gave_up).extend(exhausted.iter().map(|entry| entry.id));
        }
        if sendable.is_empty() || self.stopped() {
            return Ok(Vec::new());
        }

        let wait = lock(&self.not_before).saturating_duration_since(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }

        let ids: Vec<EntryId> = sendable.iter().map(|entry| entry.id).collect();
        let claimed: Vec<Entry> = self
            .ledger
            .claim(&ids)?
            .into_iter()
            .filter_map(|claim| match claim {
                Claim::Send(entry) => Some(entry),
                Claim::AlreadyAccepted { .. } => None,
            })
            .collect();
        if claimed.is_empty() {
            return Ok(Vec::new());
        }

        match self.kind {
            RunKind::PlatformOrder => self.send_chunk(claimed).await,
            _ => {
                let mut again = Vec::new();
                for entry in claimed {
                    again.extend(self.send_single(entry).await?);
                }
                Ok(again)
            }
        }
    }

    /// Counts a setback for each row and returns them to try after `wait`; a row with too many
    /// setbacks is left as it is and stops the run for a person to look.
    fn set_back(&self, ids: &[EntryId], wait: Duration) -> Vec<(Duration, EntryId)> {
        let mut setbacks = lock(&self.setbacks);
        let mut again = Vec::new();

        for id in ids {
            let count = setbacks.entry(*id).or_default();
            *count += 1;
            if *count > self.options.max_setbacks {
                lock(&self.gave_up).push(*id);
            } else {
                again.push((wait, *id));
            }
        }
        again
    }

    /// Records a failure of a whole call for every row of it and says when to try them again.
    fn failed_call(
        &self,
        entries: &[Entry],
        failure: Failure,
    ) -> BatchResult<Vec<(Duration, EntryId)>> {
        let ids: Vec<EntryId> = entries.iter().map(|entry| entry.id).collect();
        let all = |outcome: Outcome| -> Vec<(EntryId, Outcome)> {
            ids.iter().map(|id| (*id, outcome.clone())).collect()
        };

        match failure {
            Failure::RateLimited(wait) => {
                self.ledger.record(&all(Outcome::NotProcessed(
                    "HTTP 429: 请求过于频繁，稍后重发 (rate limited; sent again after a wait)"
                        .to_owned(),
                )))?;
                let mut not_before = lock(&self.not_before);
                *not_before = (*not_before).max(Instant::now() + wait);
                drop(not_before);
                Ok(self.set_back(&ids, Duration::ZERO))
            }
            Failure::NotSent(reason) => {
                self.ledger.record(&all(Outcome::NotProcessed(reason)))?;
                Ok(self.set_back(&ids, self.options.retry_wait))
            }
            Failure::Unknown(reason) => {
                self.ledger.record(&all(Outcome::Unknown(reason)))?;
                Ok(ids.into_iter().map(|id| (Duration::ZERO, id)).collect())
            }
            Failure::Refused(reasons) => {
                self.ledger.record(&all(Outcome::Rejected(reasons)))?;
                Ok(Vec::new())
            }
            Failure::Stop(reason) => {
                self.ledger
                    .record(&all(Outcome::NotProcessed(reason.clone())))?;
                *lock(&self.stop) = Some(reason);
                Ok(Vec::new())
            }
        }
    }

    async fn send_single(&self, entry: Entry) -> BatchResult<Vec<(Duration, EntryId)>> {
        let sent = match create_one(self.client, self.kind, &entry.body).await {
            Ok(sent) => sent,
            Err(reason) => {
                self.ledger
                    .record(&[(entry.id, Outcome::Rejected(vec![reason]))])?;
                return Ok(Vec::new());
            }
        };

        match sent {
            Ok(order_no) => {
                self.ledger
                    .record(&[(entry.id, Outcome::Accepted(Some(order_no)))])?;
                Ok(Vec::new())
            }
            Err(error) => {
                let failure = classify(&error, self.options.retry_wait);
                if matches!(failure, Failure::Refused(_)) && entry.was_unknown {
                    return self.refused_after_unknown(&entry, failure).await;
                }
                self.failed_call(std::slice::from_ref(&entry), failure)
            }
        }
    }

    /// A refusal of a row an earlier send may have created (for example "referenceNo already
    /// used"): look it up once more before calling it rejected.
    async fn refused_after_unknown(
        &self,
        entry: &Entry,
        failure: Failure,
    ) -> BatchResult<Vec<(Duration, EntryId)>> {
        let references = [entry.reference.clone()];

        match resolve::find_by_reference(self.client, self.kind, &references).await {
            Ok(found) => match found.get(&entry.reference) {
                Some(order_no) => {
                    self.ledger
                        .record(&[(entry.id, Outcome::Accepted(Some(order_no.clone())))])?;
                    Ok(Vec::new())
                }
                None => self.failed_call(std::slice::from_ref(entry), failure),
            },
            Err(_) => {
                self.ledger.record(&[(
                    entry.id,
                    Outcome::Unknown("refused after an unknown send; lookup failed".to_owned()),
                )])?;
                Ok(self.set_back(&[entry.id], self.options.retry_wait))
            }
        }
    }

    async fn send_chunk(&self, entries: Vec<Entry>) -> BatchResult<Vec<(Duration, EntryId)>> {
        let mut outcomes = Vec::new();
        let mut orders = Vec::new();
        let mut in_batch = Vec::new();
        for entry in entries {
            match serde_json::from_str::<PlatformOrderCreate>(&entry.body) {
                Ok(order) => match order.check() {
                    Ok(()) => {
                        orders.push(order);
                        in_batch.push(entry);
                    }
                    Err(error) => outcomes.push((
                        entry.id,
                        Outcome::Rejected(
                            error.field_errors().iter().map(|f| f.to_string()).collect(),
                        ),
                    )),
                },
                Err(error) => {
                    outcomes.push((entry.id, Outcome::Rejected(vec![unreadable(&error)])))
                }
            }
        }
        self.ledger.record(&outcomes)?;
        if in_batch.is_empty() {
            return Ok(Vec::new());
        }

        let answer = self
            .client
            .create_platform_orders(&PlatformOrderBatch(orders))
            .await;

        let result = match answer {
            Ok(result) => result,
            Err(error) => {
                let failure = classify(&error, self.options.retry_wait);
                return self.failed_call(&in_batch, failure);
            }
        };

        let by_number: HashMap<&str, &Entry> = in_batch
            .iter()
            .map(|entry| (entry.reference.as_str(), entry))
            .collect();
        let mut outcomes: HashMap<EntryId, Outcome> = HashMap::new();
        for item in &result.success_list {
            if let Some(entry) = by_number.get(item.key()) {
                let order_no = Some(item.order_no.clone()).filter(|n| !n.is_empty());
                outcomes.insert(entry.id, Outcome::Accepted(order_no));
            }
        }
        for item in &result.fail_list {
            if let Some(entry) = by_number.get(item.key()) {
                let outcome = match resolve::platform_refusal(
                    &entry.reference,
                    &item.message,
                    entry.was_unknown,
                ) {
                    PlatformRefusal::AcceptedEarlier => Outcome::Accepted(None),
                    PlatformRefusal::AlreadyOnServer => {
                        Outcome::Duplicate(None, item.message.clone())
                    }
                    PlatformRefusal::Rejected => Outcome::Rejected(vec![item.message.clone()]),
                };
                outcomes.insert(entry.id, outcome);
            }
        }

        let mut again = Vec::new();
        for entry in &in_batch {
            if let std::collections::hash_map::Entry::Vacant(slot) = outcomes.entry(entry.id) {
                slot.insert(Outcome::Unknown(
                    "批量结果未提及此订单 (the bulk result did not mention it)".to_owned(),
                ));
                again.push((self.options.settle_delay, entry.id));
            }
        }
        let outcomes: Vec<(EntryId, Outcome)> = outcomes.into_iter().collect();
        self.ledger.record(&outcomes)?;

        Ok(again)
    }

    fn emit(&self, state: RunState, force: bool) -> BatchResult<()> {
        let Some(sink) = &self.options.progress else {
            return Ok(());
        };
        {
            let mut last = lock(&self.last_progress);
            let now = Instant::now();
            if !force && last.is_some_and(|at| now - at < self.options.progress_interval) {
                return Ok(());
            }
            *last = Some(now);
        }

        let counts = self.ledger.counts(self.run)?;
        sink(&self.progress(state, &counts));
        Ok(())
    }

    fn progress(&self, state: RunState, counts: &Counts) -> Progress {
        let settled = counts.total() - counts.open();
        let elapsed = self.started.elapsed().as_secs_f64();
        let rate = if elapsed > 0.0 {
            settled.saturating_sub(self.settled_at_start) as f64 / elapsed
        } else {
            0.0
        };

        Progress {
            run_id: self.run,
            state,
            done: counts.accepted + counts.duplicate,
            failed: counts.rejected,
            remaining: counts.open(),
            total: counts.total(),
            rate_per_second: rate,
            eta_seconds: (rate > 0.0).then(|| counts.open() as f64 / rate),
        }
    }

    fn finish(&self) -> BatchResult<RunReport> {
        let counts = self.ledger.counts(self.run)?;
        let gave_up = lock(&self.gave_up).len();
        let (state, note) = if self.options.control.is_cancelled() {
            (RunState::Cancelled, None)
        } else if let Some(reason) = lock(&self.stop).clone() {
            (RunState::Paused, Some(reason))
        } else if counts.open() == 0 {
            (RunState::Finished, None)
        } else {
            (
                RunState::Paused,
                Some(format!(
                    "{} 行多次尝试后仍未完成，请检查网络后继续 ({} rows are still open after {gave_up} \
                     gave up; resume when the OMS answers again)",
                    counts.open(),
                    counts.open()
                )),
            )
        };
        self.ledger
            .set_run_state(self.run, state, note.as_deref())?;

        if let Some(path) = &self.options.result_file {
            self.ledger.write_result_csv(self.run, path)?;
        }
        if let Some(sink) = &self.options.progress {
            sink(&self.progress(state, &counts));
        }

        Ok(RunReport {
            run_id: self.run,
            state,
            counts,
            note,
            result_file: self.options.result_file.clone(),
        })
    }
}

/// Sends one stored body with the kind's create call. The outer error: the stored body cannot be
/// read as the kind's request.
async fn create_one(
    client: &Client,
    kind: RunKind,
    body: &str,
) -> Result<oms_api::Result<String>, String> {
    fn read<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, String> {
        serde_json::from_str(body).map_err(|e| unreadable(&e))
    }

    Ok(match kind {
        RunKind::B2cOrder => client
            .create_b2c_order(&read::<B2cOrderCreate>(body)?)
            .await
            .map(|created| created.order_no),
        RunKind::B2bOrder => client
            .create_b2b_order(&read::<B2bOrderCreate>(body)?)
            .await
            .map(|created| created.order_no),
        RunKind::InboundOrder => client
            .create_inbound_order(&read::<InboundOrderCreate>(body)?)
            .await
            .map(|created| created.order_no),
        RunKind::ReturnOrder => client
            .create_return_order(&read::<ReturnOrderCreate>(body)?)
            .await
            .map(|created| created.order_no),
        RunKind::Product => {
            let product = read::<Product>(body)?;
            client
                .create_product(&product)
                .await
                .map(|_| product.product_sku)
        }
        RunKind::PlatformOrder => {
            let order = read::<PlatformOrderCreate>(body)?;
            client
                .create_platform_order(&order)
                .await
                .map(|_| String::new())
        }
    })
}

fn unreadable(error: &serde_json::Error) -> String {
    format!("记录的请求无法读取 (the recorded request cannot be read): {error}")
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_sorted_by_what_they_mean_for_a_create() {
        let wait = Duration::from_secs(1);

        assert!(matches!(
            classify(&Error::RateLimited { retry_after: Some(Duration::from_secs(3)), request_id: None }, wait),
            Failure::RateLimited(d) if d == Duration::from_secs(3)
        ));
        assert!(matches!(
            classify(&Error::Connect("refused".into()), wait),
            Failure::NotSent(_)
        ));
        assert!(matches!(
            classify(&Error::Timeout(wait), wait),
            Failure::Unknown(_)
        ));
        assert!(matches!(
            classify(
                &Error::Http {
                    status: 502,
                    snippet: String::new(),
                    request_id: None
                },
                wait
            ),
            Failure::Unknown(_)
        ));
        let refusal = Error::Api(oms_api::ApiError {
            code: "40900".into(),
            message: "referenceNo used".into(),
            errors: vec!["referenceNo used".into(), "more".into()],
            request_id: None,
            http_status: 200,
        });
        assert!(
            matches!(classify(&refusal, wait), Failure::Refused(r) if r == ["referenceNo used", "more"]),
            "a refusal keeps its reasons once each"
        );
        let expired = Error::Api(oms_api::ApiError {
            code: "40100".into(),
            message: "expired".into(),
            errors: vec![],
            request_id: None,
            http_status: 401,
        });
        assert!(
            matches!(classify(&expired, wait), Failure::Stop(_)),
            "401 stops the run"
        );
    }

    #[test]
    fn pause_resume_and_cancel_move_the_control() {
        let control = RunControl::new();

        control.pause();
        assert!(control.is_paused());
        control.resume();
        assert!(!control.is_paused());
        control.cancel();
        control.resume();
        assert!(control.is_cancelled(), "a cancelled run stays cancelled");
    }

    #[test]
    fn options_out_of_range_are_refused() {
        let options = BatchOptions {
            chunk_size: 101,
            ..BatchOptions::default()
        };

        assert!(options.check().is_err(), "create-batch takes at most 100");
        assert!(BatchOptions::default().check().is_ok());
    }
}
