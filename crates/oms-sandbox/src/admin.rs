//! The admin API under `/__sandbox/`, for tests and the app's developer screen: switch faults on
//! and off, reset to the seed, move the simulated clock forward, and read counters. It lives
//! outside `/open` so no OMS client can hit it by mistake, and it refuses any peer that is not on
//! the loopback interface, so a sandbox bound to a LAN address cannot be reset by a neighbour.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use oms_api::envelope::Envelope;
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use crate::codes;
use crate::faults::FaultConfig;
use crate::registry::{ClockAdvance, Refusal};
use crate::seed;
use crate::server::{new_request_id, refusal_reply, reply, Shared};

/// The setting that keeps the clock offset across restarts.
pub(crate) const CLOCK_OFFSET_SETTING: &str = "clock_offset_minutes";

/// Routes of the admin API, behind the loopback check.
pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/faults", post(set_faults).get(get_faults))
        .route("/reset", post(reset))
        .route("/advance-clock", post(advance_clock))
        .route("/stats", get(stats))
        .layer(middleware::from_fn(loopback_only))
}

async fn loopback_only(request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0);

    match peer {
        Some(peer) if peer.ip().is_loopback() => next.run(request).await,
        _ => {
            let message = "管理接口仅限本机访问 (the admin API answers loopback peers only)";
            let envelope = Envelope::fail(
                codes::FORBIDDEN,
                message.to_owned(),
                vec![message.to_owned()],
                new_request_id(),
            );
            reply(StatusCode::FORBIDDEN, envelope, Instant::now())
        }
    }
}

async fn set_faults(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let started = Instant::now();

    let config: FaultConfig = match parse(&body) {
        Ok(config) => config,
        Err(refusal) => return refusal_reply(refusal, new_request_id(), started),
    };
    let problems = config.problems();
    if !problems.is_empty() {
        let refusal = Refusal::Rejected {
            message: "故障设置有误 (invalid fault settings)".to_owned(),
            errors: problems,
        };
        return refusal_reply(refusal, new_request_id(), started);
    }

    shared.faults.set(config.clone());
    tracing::info!(?config, "sandbox faults set");

    ok(json!(config), started)
}

async fn get_faults(State(shared): State<Arc<Shared>>) -> Response {
    ok(json!(shared.faults.config()), Instant::now())
}

async fn reset(State(shared): State<Arc<Shared>>) -> Response {
    let started = Instant::now();
    let store = shared.store.clone();
    let clock = shared.clock.clone();

    let outcome = tokio::task::spawn_blocking(move || {
        store.write(|db| {
            db.clear_all()?;
            clock.set_offset_minutes(0);
            seed::seed(db, &clock)
        })
    })
    .await;
    if let Some(refusal) = failure(outcome) {
        return refusal_reply(refusal, new_request_id(), started);
    }

    shared.faults.clear();
    shared
        .stats
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clear();
    tracing::info!("sandbox reset to its seed");

    ok(json!("已恢复初始数据 (reset to the seed state)"), started)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvanceClock {
    minutes: i64,
}

async fn advance_clock(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let started = Instant::now();

    let request: AdvanceClock = match parse(&body) {
        Ok(request) => request,
        Err(refusal) => return refusal_reply(refusal, new_request_id(), started),
    };
    if !(1..=5_256_000).contains(&request.minutes) {
        let refusal = Refusal::rejected(
            "minutes: 应在 1 到 5256000 之间 (must be between 1 and 5256000, ten years)",
        );
        return refusal_reply(refusal, new_request_id(), started);
    }

    let store = shared.store.clone();
    let clock = shared.clock.clone();
    let registry = shared.registry.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let offset = clock.offset_minutes() + request.minutes;
        let from_ms = clock.now_ms();
        let advance = ClockAdvance {
            minutes: request.minutes,
            from_ms,
            to_ms: from_ms + request.minutes * 60_000,
            now: crate::clock::format_date_time(from_ms + request.minutes * 60_000),
        };

        store.write(|db| {
            db.set_setting(CLOCK_OFFSET_SETTING, &offset.to_string())?;
            for hook in registry.clock_hooks() {
                hook(db, &advance)?;
            }
            Ok(())
        })?;
        clock.set_offset_minutes(offset);

        Ok::<_, crate::store::StoreError>(json!({
            "offsetMinutes": offset,
            "now": advance.now,
        }))
    })
    .await;

    match outcome {
        Ok(Ok(data)) => ok(data, started),
        other => refusal_reply(
            failure(other.map(|r| r.map(|_| ()))).unwrap_or(Refusal::Internal(String::new())),
            new_request_id(),
            started,
        ),
    }
}

/// How many records of `kind` (`platform_order`, `product`…), in every status, the `data` of a
/// `stats` answer counts: the one reading of that answer's `records` rows that tests and
/// benchmarks share. Zero when the kind has none.
pub fn records_in_stats(stats: &Value, kind: &str) -> u64 {
    stats["records"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter(|row| row["kind"] == kind)
                .filter_map(|row| row["count"].as_u64())
                .sum()
        })
        .unwrap_or(0)
}

async fn stats(State(shared): State<Arc<Shared>>) -> Response {
    let started = Instant::now();
    let store = shared.store.clone();

    let counts = tokio::task::spawn_blocking(move || store.read(|db| db.record_counts())).await;
    let counts = match counts {
        Ok(Ok(counts)) => counts,
        other => {
            let refusal =
                failure(other.map(|r| r.map(|_| ()))).unwrap_or(Refusal::Internal(String::new()));
            return refusal_reply(refusal, new_request_id(), started);
        }
    };

    let requests = shared
        .stats
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let records: Vec<Value> = counts
        .into_iter()
        .map(|(kind, status, count)| json!({"kind": kind, "status": status, "count": count}))
        .collect();
    let implemented: Vec<&str> = shared
        .registry
        .implemented()
        .into_iter()
        .map(|id| id.as_str())
        .collect();

    ok(
        json!({
            "requests": requests,
            "records": records,
            "faultsInjected": shared.faults.injected(),
            "faults": shared.faults.config(),
            "clockOffsetMinutes": shared.clock.offset_minutes(),
            "implemented": implemented,
        }),
        started,
    )
}

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}".as_slice()
    } else {
        body
    };

    serde_json::from_slice(body)
        .map_err(|e| Refusal::rejected(format!("请求体有误 (bad body): {e}")))
}

fn failure<E: std::fmt::Display>(
    outcome: Result<Result<(), crate::store::StoreError>, E>,
) -> Option<Refusal> {
    match outcome {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(Refusal::from(error)),
        Err(error) => Some(Refusal::Internal(error.to_string())),
    }
}

fn ok(data: Value, started: Instant) -> Response {
    reply(
        StatusCode::OK,
        Envelope::ok(data, new_request_id()),
        started,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    async fn status_from(peer: &str) -> StatusCode {
        let app = Router::new()
            .route("/stats", get(|| async { "counters" }))
            .layer(middleware::from_fn(loopback_only));
        let mut request = Request::builder()
            .uri("/stats")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));

        app.oneshot(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn only_loopback_peers_reach_the_admin_api() {
        assert_eq!(status_from("127.0.0.1:5000").await, StatusCode::OK);
        assert_eq!(status_from("[::1]:5000").await, StatusCode::OK);
        assert_eq!(
            status_from("192.168.1.20:5000").await,
            StatusCode::FORBIDDEN,
            "a LAN peer is refused"
        );
    }
}
