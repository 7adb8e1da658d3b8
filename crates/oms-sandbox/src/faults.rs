//! Faults on demand: latency, error pages, rate limits, dropped connections, cut-off bodies and
//! refusals, switched on with `POST /__sandbox/faults`. They let the app's tests prove that every
//! way a real OMS (or the proxy in front of it) can fail is shown to the seller correctly, and
//! that writes are never blindly repeated.
//!
//! Faults touch only the business calls (`POST` under `/open`), never the public module or the
//! admin API, so a test can always check the sandbox's state afterwards. With a `seed`, the choice
//! of which request fails is the same on every run.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a `timeout` fault holds a request: far longer than any client waits.
pub const TIMEOUT_HOLD: Duration = Duration::from_secs(120);

/// One kind of injected failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// HTTP 500 with an HTML error page, before processing.
    Http500,
    /// HTTP 502 with a gateway's HTML page, before processing.
    Http502,
    /// HTTP 429 with `Retry-After: 1`, before processing.
    Http429,
    /// The request is processed and stored, then the connection is closed without an answer.
    DropAfterProcessing,
    /// The request is held for [`TIMEOUT_HOLD`] without being processed.
    Timeout,
    /// The request is processed, then only the first half of the JSON answer is sent.
    TruncatedJson,
    /// A `success: false` envelope, without processing.
    ApiFailure,
}

impl FaultKind {
    /// The name used in the admin API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Http500 => "http500",
            Self::Http502 => "http502",
            Self::Http429 => "http429",
            Self::DropAfterProcessing => "drop_after_processing",
            Self::Timeout => "timeout",
            Self::TruncatedJson => "truncated_json",
            Self::ApiFailure => "api_failure",
        }
    }

    /// True when the request is carried out before the failure shows.
    pub fn processes_request(self) -> bool {
        matches!(self, Self::DropAfterProcessing | Self::TruncatedJson)
    }
}

/// The body of `POST /__sandbox/faults`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultConfig {
    /// Delay added to every business call.
    #[serde(default)]
    pub latency_ms: u64,
    /// Share of business calls that fail, 0 to 1.
    #[serde(default)]
    pub failure_rate: f64,
    /// The kinds a failing call picks from, uniformly.
    #[serde(default)]
    pub kinds: Vec<FaultKind>,
    /// Business calls allowed per second (sliding window); more get HTTP 429.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_second: Option<u32>,
    /// Seed of the fault choice, for runs that repeat exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl FaultConfig {
    /// Every problem with the settings, as bilingual lines.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();

        if !(0.0..=1.0).contains(&self.failure_rate) {
            problems.push(format!(
                "failureRate: 应在 0 到 1 之间 (must be between 0 and 1), is {}",
                self.failure_rate
            ));
        }
        if self.failure_rate > 0.0 && self.kinds.is_empty() {
            problems.push(
                "kinds: 故障率大于 0 时必须给出故障类型 (name at least one kind when failureRate > 0)"
                    .to_owned(),
            );
        }
        if self.latency_ms > 600_000 {
            problems.push("latencyMs: 最多 600000 (at most 600000)".to_owned());
        }
        if self.rate_limit_per_second == Some(0) {
            problems.push("rateLimitPerSecond: 至少为 1 (at least 1)".to_owned());
        }

        problems
    }
}

/// What happens to one business call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FaultPlan {
    /// Over the rate limit: answer 429 at once.
    pub rate_limited: bool,
    /// Delay before anything else.
    pub latency: Duration,
    /// The failure picked, if any.
    pub fault: Option<FaultKind>,
}

/// The fault settings and their running state.
#[derive(Debug)]
pub struct Faults {
    state: Mutex<FaultState>,
}

#[derive(Debug)]
struct FaultState {
    config: FaultConfig,
    random: SplitMix64,
    recent: VecDeque<Instant>,
    injected: BTreeMap<&'static str, u64>,
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            state: Mutex::new(FaultState {
                config: FaultConfig::default(),
                random: SplitMix64::from_time(),
                recent: VecDeque::new(),
                injected: BTreeMap::new(),
            }),
        }
    }
}

impl Faults {
    /// Replaces the settings (and restarts the random sequence from the seed, if given).
    pub fn set(&self, config: FaultConfig) {
        let mut state = self.lock();

        state.random = config
            .seed
            .map(SplitMix64::new)
            .unwrap_or_else(SplitMix64::from_time);
        state.recent.clear();
        state.config = config;
    }

    /// Switches every fault off and forgets the counts.
    pub fn clear(&self) {
        self.set(FaultConfig::default());
        self.lock().injected.clear();
    }

    /// The current settings.
    pub fn config(&self) -> FaultConfig {
        self.lock().config.clone()
    }

    /// How many faults of each kind were injected (plus `rate_limited`).
    pub fn injected(&self) -> BTreeMap<&'static str, u64> {
        self.lock().injected.clone()
    }

    /// Decides what happens to the next business call.
    pub fn plan(&self) -> FaultPlan {
        let mut state = self.lock();
        let now = Instant::now();

        if let Some(limit) = state.config.rate_limit_per_second {
            while state
                .recent
                .front()
                .is_some_and(|at| now.duration_since(*at) >= Duration::from_secs(1))
            {
                state.recent.pop_front();
            }
            if state.recent.len() >= limit as usize {
                *state.injected.entry("rate_limited").or_default() += 1;
                return FaultPlan {
                    rate_limited: true,
                    ..FaultPlan::default()
                };
            }
            state.recent.push_back(now);
        }

        let latency = Duration::from_millis(state.config.latency_ms);
        let fault = if state.config.failure_rate > 0.0 && !state.config.kinds.is_empty() {
            let draw = state.random.next_unit();
            let pick = state.random.next_u64() as usize % state.config.kinds.len();
            (draw < state.config.failure_rate).then(|| state.config.kinds[pick])
        } else {
            None
        };
        if let Some(kind) = fault {
            *state.injected.entry(kind.as_str()).or_default() += 1;
        }

        FaultPlan {
            rate_limited: false,
            latency,
            fault,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FaultState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A small, fast, seedable generator: enough to pick faults reproducibly.
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn from_time() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5eed);
        Self(nanos)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sequence(seed: u64) -> Vec<Option<FaultKind>> {
        let faults = Faults::default();
        faults.set(FaultConfig {
            failure_rate: 0.5,
            kinds: vec![FaultKind::Http500, FaultKind::ApiFailure],
            seed: Some(seed),
            ..FaultConfig::default()
        });

        (0..32).map(|_| faults.plan().fault).collect()
    }

    #[test]
    fn a_seed_repeats_the_same_faults() {
        let first = sequence(7);

        assert_eq!(first, sequence(7), "the same seed gives the same faults");
        assert!(first.iter().any(Option::is_some) && first.iter().any(Option::is_none));
    }

    #[test]
    fn the_rate_limit_refuses_calls_beyond_the_window() {
        let faults = Faults::default();
        faults.set(FaultConfig {
            rate_limit_per_second: Some(2),
            ..FaultConfig::default()
        });

        let limited: Vec<bool> = (0..3).map(|_| faults.plan().rate_limited).collect();

        assert_eq!(
            limited,
            [false, false, true],
            "the third call in a second is refused"
        );
    }

    #[test]
    fn kinds_read_their_admin_names() {
        let config: FaultConfig = serde_json::from_str(
            r#"{"failureRate":1,"kinds":["http500","drop_after_processing","truncated_json"]}"#,
        )
        .expect("admin names parse");

        assert_eq!(config.kinds[1], FaultKind::DropAfterProcessing);
        assert!(config.problems().is_empty());
    }
}
