//! `oms-sandbox`: a local OMS server that speaks the same HTTP contract as the real OMS
//! (`shared/oms-api/SPEC.md`). The desktop app uses it as its default "local sandbox", so a
//! seller can try every screen without an account, and every integration test runs the real
//! client against it over loopback HTTP.
//!
//! Start one on the caller's tokio runtime:
//!
//! ```no_run
//! # async fn demo() -> Result<(), oms_sandbox::SandboxError> {
//! let sandbox = oms_sandbox::Sandbox::start(oms_sandbox::SandboxConfig::default()).await?;
//! let client = oms_api::Client::new(sandbox.base_url(), sandbox.credentials()).unwrap();
//! sandbox.shutdown().await?;
//! # Ok(()) }
//! ```
//!
//! Paths come only from `oms_api::ENDPOINTS`; which endpoints answer is decided by the
//! [`Registry`]; state lives in SQLite ([`store`]); faults ([`faults`]), reset and the simulated
//! clock ([`clock`]) are driven through the admin API under `/__sandbox/`.

pub mod auth;
pub mod clock;
pub mod codes;
pub mod common;
pub mod countries;
pub mod express_labels;
pub mod faults;
pub mod inbound;
pub mod inventory;
pub mod labels;
pub mod orders;
pub mod outbound;
pub mod paging;
pub mod platform_orders;
pub mod products;
pub mod registry;
pub mod returns;
pub mod seed;
pub mod store;

mod admin;
mod server;

pub use admin::records_in_stats;
pub use clock::Clock;
pub use faults::{FaultConfig, FaultKind};
pub use registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
pub use seed::{DEMO_API_KEY, DEMO_API_SECRET};
pub use server::REQUEST_ID_HEADER;
pub use store::{Record, Store, StoreError};

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How long a minted token stays valid, either side of now, unless configured otherwise.
pub const DEFAULT_TOKEN_WINDOW: Duration = Duration::from_secs(600);

/// Settings of a sandbox.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// The directory of `sandbox.db`; `None` keeps everything in memory.
    pub data_dir: Option<PathBuf>,
    /// How far a token's timestamp may be from now, either side.
    pub token_window: Duration,
    /// The endpoint handlers and clock hooks.
    pub registry: Registry,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: None,
            token_window: DEFAULT_TOKEN_WINDOW,
            registry: Registry::standard(),
        }
    }
}

impl SandboxConfig {
    /// The default settings with state kept in `dir`.
    pub fn with_data_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: Some(dir.into()),
            ..Self::default()
        }
    }
}

/// Why the sandbox could not start or stop cleanly.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The database could not be opened or seeded.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address tried.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("the sandbox server failed: {0}")]
    Serve(String),
}

/// Entry point: starts sandboxes.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// Opens (and on first start seeds) the store, binds the address and serves on the current
    /// tokio runtime until [`RunningSandbox::shutdown`] or drop.
    pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, SandboxError> {
        let data_dir = config.data_dir.clone();
        let (store, clock) = tokio::task::spawn_blocking(move || open_store(data_dir))
            .await
            .map_err(|e| SandboxError::Serve(e.to_string()))??;

        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: config.addr,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: config.addr,
            source,
        })?;

        let (stop, stopping) = watch::channel(false);
        let shared = Arc::new(server::Shared {
            store: store.clone(),
            clock,
            registry: Arc::new(config.registry),
            faults: faults::Faults::default(),
            stats: Mutex::new(BTreeMap::new()),
            token_window: config.token_window,
            shutdown: stopping.clone(),
        });
        let app = server::router(shared).into_make_service_with_connect_info::<SocketAddr>();

        let mut until_stopped = stopping;
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = until_stopped.wait_for(|stopping| *stopping).await;
                })
                .await
        });
        tracing::info!(%addr, "OMS sandbox listening");

        Ok(RunningSandbox {
            addr,
            base_url: format!("http://{addr}"),
            store,
            stop,
            task: Some(task),
        })
    }
}

fn open_store(data_dir: Option<PathBuf>) -> Result<(Arc<Store>, Clock), StoreError> {
    let store = Store::open(data_dir.as_deref())?;
    let clock = Clock::default();

    let offset = store.write(|db| {
        seed::ensure_seeded(db, &clock)?;
        db.setting(admin::CLOCK_OFFSET_SETTING)
    })?;
    clock.set_offset_minutes(offset.and_then(|m| m.parse().ok()).unwrap_or(0));

    Ok((Arc::new(store), clock))
}

/// A sandbox serving requests. Dropping it stops the server too (without waiting).
#[derive(Debug)]
pub struct RunningSandbox {
    addr: SocketAddr,
    base_url: String,
    store: Arc<Store>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningSandbox {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The demo account's API key.
    pub fn demo_api_key(&self) -> &'static str {
        DEMO_API_KEY
    }

    /// The demo account's API secret.
    pub fn demo_api_secret(&self) -> &'static str {
        DEMO_API_SECRET
    }

    /// Key-and-secret credentials of the demo account.
    pub fn credentials(&self) -> oms_api::Credentials {
        oms_api::Credentials::key_and_secret(DEMO_API_KEY, DEMO_API_SECRET)
    }

    /// The database, for tests that check what a call stored.
    pub fn store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// Stops accepting connections, lets answers in progress finish (held `timeout` faults are
    /// cut short), and waits for the server to end.
    pub async fn shutdown(mut self) -> Result<(), SandboxError> {
        let _ = self.stop.send(true);

        match self.task.take() {
            Some(task) => task
                .await
                .map_err(|e| SandboxError::Serve(e.to_string()))?
                .map_err(|e| SandboxError::Serve(e.to_string())),
            None => Ok(()),
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}
