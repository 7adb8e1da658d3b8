//! The handler registry: which endpoint the sandbox answers with which function. The router is
//! built from `oms_api::ENDPOINTS`, so every path of the API exists; an endpoint without a handler
//! here answers HTTP 501 "not implemented in the sandbox yet". A business module adds its
//! endpoints with one `register(&mut Registry)` function and nothing else changes.
//!
//! Handlers are plain synchronous functions of a [`Call`]: they run on the blocking pool with
//! access to the store, so they can use SQLite directly and stay easy to read.

use oms_api::endpoints::EndpointId;
use oms_api::{FieldError, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use crate::clock::Clock;
use crate::store::{Account, Db, Store, StoreError, StoreResult};

/// One authenticated request, as a handler sees it.
#[derive(Clone, Debug)]
pub struct Call {
    /// The endpoint called.
    pub endpoint: EndpointId,
    /// The caller's account (none only for the sandbox token, which needs no token).
    pub account: Option<Account>,
    /// The JSON body (`{}` for `GET` calls and empty bodies).
    pub body: Value,
    /// Query parameters.
    pub query: BTreeMap<String, String>,
    /// The database.
    pub store: Arc<Store>,
    /// The sandbox clock (real time plus the simulated offset).
    pub clock: Clock,
}

impl Call {
    /// Reads the body into the endpoint's request type from `oms-api` and validates it with the
    /// same rules the client applies, so client and sandbox cannot disagree.
    pub fn request<T: DeserializeOwned + Validate>(&self) -> Result<T, Refusal> {
        let request: T = oms_api::dispatch::parse(self.body.clone()).map_err(Refusal::from)?;

        request.check().map_err(Refusal::from)?;

        Ok(request)
    }

    /// The caller's API key ("" when there is no account), the `account` of its records.
    pub fn account_key(&self) -> &str {
        self.account
            .as_ref()
            .map(|account| account.api_key.as_str())
            .unwrap_or_default()
    }

    /// Now on the sandbox clock, `yyyy-MM-dd HH:mm:ss`.
    pub fn now(&self) -> String {
        self.clock.now_text()
    }
}

/// Why a handler did not produce `data`; becomes a `success: false` envelope.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Fields of the request are wrong (HTTP 200, code 40000, every field in `errors`).
    Invalid(Vec<FieldError>),
    /// A business rule refused the request (HTTP 200, code 40000).
    Rejected {
        /// Summary.
        message: String,
        /// Details, one per line.
        errors: Vec<String>,
    },
    /// The order or object named does not exist (HTTP 200, code 40400).
    NotFound(String),
    /// The request conflicts with stored data, e.g. a reused `referenceNo` (HTTP 200, 40900).
    Conflict(String),
    /// The sandbox itself failed (HTTP 500, code 50000).
    Internal(String),
}

impl Refusal {
    /// A business-rule refusal with one reason.
    pub fn rejected(message: impl Into<String>) -> Self {
        let message = message.into();

        Self::Rejected {
            errors: vec![message.clone()],
            message,
        }
    }
}

impl From<oms_api::Error> for Refusal {
    fn from(error: oms_api::Error) -> Self {
        match error {
            oms_api::Error::Validation(fields) => Self::Invalid(fields),
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<StoreError> for Refusal {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::DuplicateReference { .. } | StoreError::DuplicateKey { .. } => {
                Self::Conflict(format!("数据重复 (duplicate): {error}"))
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

/// What a handler returns: the envelope's `data`, or why not.
pub type Outcome = Result<Value, Refusal>;

/// A registered endpoint handler.
pub type Handler = Arc<dyn Fn(&Call) -> Outcome + Send + Sync>;

/// What a clock hook is told when the sandbox clock moves forward.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockAdvance {
    /// Minutes moved.
    pub minutes: i64,
    /// Simulated epoch milliseconds before the move.
    pub from_ms: i64,
    /// Simulated epoch milliseconds after the move.
    pub to_ms: i64,
    /// The new time, `yyyy-MM-dd HH:mm:ss`.
    pub now: String,
}

/// A function run, inside one transaction, each time the clock advances (e.g. to move orders
/// along their statuses).
pub type ClockHook = Arc<dyn Fn(&Db<'_>, &ClockAdvance) -> StoreResult<()> + Send + Sync>;

/// The endpoint handlers and clock hooks of a sandbox.
#[derive(Clone, Default)]
pub struct Registry {
    handlers: HashMap<EndpointId, Handler>,
    clock_hooks: Vec<ClockHook>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("implemented", &self.implemented())
            .field("clock_hooks", &self.clock_hooks.len())
            .finish()
    }
}

impl Registry {
    /// A registry without handlers: every endpoint answers 501.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Every module the sandbox implements.
    pub fn standard() -> Self {
        let mut registry = Self::empty();

        crate::common::register(&mut registry);
        crate::express_labels::register(&mut registry);
        crate::platform_orders::register(&mut registry);
        crate::outbound::register(&mut registry);
        crate::returns::register(&mut registry);
        crate::products::register(&mut registry);
        crate::inbound::register(&mut registry);
        crate::inventory::register(&mut registry);

        registry
    }

    /// Answers `endpoint` with `handler` (replacing any earlier one).
    pub fn handle(
        &mut self,
        endpoint: EndpointId,
        handler: impl Fn(&Call) -> Outcome + Send + Sync + 'static,
    ) -> &mut Self {
        self.handlers.insert(endpoint, Arc::new(handler));
        self
    }

    /// Runs `hook` each time the sandbox clock advances.
    pub fn on_clock_advance(
        &mut self,
        hook: impl Fn(&Db<'_>, &ClockAdvance) -> StoreResult<()> + Send + Sync + 'static,
    ) -> &mut Self {
        self.clock_hooks.push(Arc::new(hook));
        self
    }

    /// The handler of `endpoint`, if one is registered.
    pub fn handler(&self, endpoint: EndpointId) -> Option<Handler> {
        self.handlers.get(&endpoint).cloned()
    }

    /// The registered clock hooks.
    pub fn clock_hooks(&self) -> &[ClockHook] {
        &self.clock_hooks
    }

    /// The endpoints with a handler, sorted.
    pub fn implemented(&self) -> Vec<EndpointId> {
        let mut ids: Vec<EndpointId> = self.handlers.keys().copied().collect();
        ids.sort();
        ids
    }
}
