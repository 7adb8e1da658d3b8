//! The HTTP side: a router built by iterating `oms_api::ENDPOINTS` (no path is written here),
//! and the life of one call: count it, authenticate, apply injected faults, read the body, run
//! the registered handler on the blocking pool, and wrap the outcome in the OMS envelope with a
//! fresh request id and the real duration.

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, Method as HttpMethod, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use oms_api::endpoints::{EndpointId, Method, ENDPOINTS};
use oms_api::envelope::Envelope;
use oms_api::FieldError;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

use crate::auth::{check_token, AuthFailure};
use crate::clock::Clock;
use crate::codes;
use crate::faults::{FaultKind, Faults, TIMEOUT_HOLD};
use crate::registry::{Call, Refusal, Registry};
use crate::store::{Account, Store};

/// The header carrying the request id of every answer.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// State shared by every request of one running sandbox.
pub(crate) struct Shared {
    pub store: Arc<Store>,
    pub clock: Clock,
    pub registry: Arc<Registry>,
    pub faults: Faults,
    pub stats: Mutex<BTreeMap<String, u64>>,
    pub token_window: Duration,
    pub shutdown: watch::Receiver<bool>,
}

impl Shared {
    /// Waits `duration`, or less when the sandbox shuts down; true when the full time passed.
    pub async fn hold(&self, duration: Duration) -> bool {
        let mut shutdown = self.shutdown.clone();

        tokio::select! {
            () = tokio::time::sleep(duration) => true,
            _ = shutdown.wait_for(|stopping| *stopping) => false,
        }
    }

    fn count(&self, name: &str) {
        let mut stats = self.stats.lock().unwrap_or_else(|p| p.into_inner());
        *stats.entry(name.to_owned()).or_default() += 1;
    }
}

/// The whole router: every endpoint of the API, the admin API and the 404 fallback.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut router = Router::new();

    for endpoint in ENDPOINTS {
        let id = endpoint.id;
        let serve_it =
            move |State(shared): State<Arc<Shared>>,
                  headers: HeaderMap,
                  Query(query): Query<BTreeMap<String, String>>,
                  body: Bytes| serve(shared, id, headers, query, body);
        let methods: MethodRouter<Arc<Shared>> = match endpoint.method {
            Method::Get => get(serve_it),
            Method::Post => post(serve_it),
        };
        router = router.route(
            endpoint.path,
            methods.fallback(move |method: HttpMethod| method_not_allowed(id, method)),
        );
    }

    router
        .nest("/__sandbox", crate::admin::router())
        .fallback(not_found)
        .with_state(shared)
}

async fn serve(
    shared: Arc<Shared>,
    id: EndpointId,
    headers: HeaderMap,
    query: BTreeMap<String, String>,
    body: Bytes,
) -> Response {
    let started = Instant::now();
    let request_id = new_request_id();
    let endpoint = id.endpoint();
    shared.count(id.as_str());

    let account = if id == EndpointId::SandboxToken {
        None
    } else {
        match authenticate(&shared, &headers).await {
            Ok(account) => Some(account),
            Err(failure) => {
                let message = failure.message();
                let envelope = Envelope::fail(
                    codes::UNAUTHORIZED,
                    message.clone(),
                    vec![message],
                    request_id,
                );
                return reply(StatusCode::UNAUTHORIZED, envelope, started);
            }
        }
    };

    let plan = if endpoint.method == Method::Post {
        shared.faults.plan()
    } else {
        Default::default()
    };
    if plan.rate_limited {
        return too_many_requests(request_id, started);
    }
    if !plan.latency.is_zero() && !shared.hold(plan.latency).await {
        return unavailable(request_id, started);
    }
    match plan.fault {
        Some(FaultKind::Http500) => {
            return html_page(StatusCode::INTERNAL_SERVER_ERROR, &request_id)
        }
        Some(FaultKind::Http502) => return html_page(StatusCode::BAD_GATEWAY, &request_id),
        Some(FaultKind::Http429) => return too_many_requests(request_id, started),
        Some(FaultKind::Timeout) => {
            shared.hold(TIMEOUT_HOLD).await;
            return unavailable(request_id, started);
        }
        Some(FaultKind::ApiFailure) => {
            let message = "模拟故障：请求未处理 (injected fault: the request was not processed)";
            let envelope = Envelope::fail(
                codes::UNAVAILABLE,
                message.to_owned(),
                vec![message.to_owned()],
                request_id,
            );
            return reply(StatusCode::OK, envelope, started);
        }
        _ => {}
    }

    let body = match read_body(endpoint.method, query.clone(), &body) {
        Ok(body) => body,
        Err(refusal) => return refusal_reply(refusal, request_id, started),
    };
    let Some(handler) = shared.registry.handler(id) else {
        let message = format!("沙盒尚未实现此接口 (not implemented in the sandbox yet): {id}");
        let envelope = Envelope::fail(
            codes::NOT_IMPLEMENTED,
            message.clone(),
            vec![message],
            request_id,
        );
        return reply(StatusCode::NOT_IMPLEMENTED, envelope, started);
    };

    let call = Call {
        endpoint: id,
        account,
        body,
        query,
        store: shared.store.clone(),
        clock: shared.clock.clone(),
    };
    let outcome = tokio::task::spawn_blocking(move || handler(&call))
        .await
        .unwrap_or_else(|e| Err(Refusal::Internal(format!("the handler failed: {e}"))));

    let response = match outcome {
        Ok(data) => reply(StatusCode::OK, Envelope::ok(data, request_id), started),
        Err(refusal) => refusal_reply(refusal, request_id, started),
    };
    match plan.fault {
        Some(FaultKind::DropAfterProcessing) => dropped_connection(),
        Some(FaultKind::TruncatedJson) => truncated(response).await,
        _ => response,
    }
}

async fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<Account, AuthFailure> {
    let header = headers
        .get(axum::http::header::AUTHORIZATION)
        .map(|value| value.to_str().unwrap_or("\u{fffd}").to_owned());
    let store = shared.store.clone();
    let window = shared.token_window;

    tokio::task::spawn_blocking(move || {
        check_token(
            header.as_deref(),
            oms_api::auth::now_millis(),
            window,
            |api_key| store.read(|db| db.account(api_key)).ok().flatten(),
        )
    })
    .await
    .unwrap_or_else(|e| Err(AuthFailure::Malformed(format!("the check failed: {e}"))))
}

/// The request body as JSON: the query parameters for `GET`, `{}` for an empty body.
fn read_body(
    method: Method,
    query: BTreeMap<String, String>,
    body: &[u8],
) -> Result<Value, Refusal> {
    if method == Method::Get {
        let fields: Map<String, Value> = query
            .into_iter()
            .map(|(key, value)| (key, Value::String(value)))
            .collect();
        return Ok(Value::Object(fields));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }

    serde_json::from_slice(body).map_err(|e| {
        Refusal::Invalid(vec![FieldError {
            field: "(body)".to_owned(),
            zh: format!("请求体不是有效的 JSON：{e}"),
            en: format!("the body is not valid JSON: {e}"),
        }])
    })
}

/// The envelope and HTTP status of a refusal.
pub(crate) fn refusal_reply(refusal: Refusal, request_id: String, started: Instant) -> Response {
    let (status, code, message, errors) = match refusal {
        Refusal::Invalid(fields) => (
            StatusCode::OK,
            codes::INVALID,
            format!(
                "请求参数有误，共 {n} 处 ({n} invalid field(s))",
                n = fields.len()
            ),
            fields.iter().map(ToString::to_string).collect(),
        ),
        Refusal::Rejected { message, errors } => (StatusCode::OK, codes::INVALID, message, errors),
        Refusal::NotFound(message) => (
            StatusCode::OK,
            codes::NOT_FOUND,
            message.clone(),
            vec![message],
        ),
        Refusal::Conflict(message) => (
            StatusCode::OK,
            codes::CONFLICT,
            message.clone(),
            vec![message],
        ),
        Refusal::Internal(detail) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            codes::INTERNAL,
            "沙盒内部错误 (sandbox internal error)".to_owned(),
            vec![detail],
        ),
    };

    reply(
        status,
        Envelope::fail(code, message, errors, request_id),
        started,
    )
}

/// An envelope answer with its duration filled in (seconds, to the microsecond, so a benchmark
/// can tell the server's own handling from the client's) and the request id header set.
pub(crate) fn reply(status: StatusCode, mut envelope: Envelope, started: Instant) -> Response {
    envelope.duration = (started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1_000_000.0;
    let body = serde_json::to_vec(&envelope).unwrap_or_default();

    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&envelope.request_id) {
        headers.insert(REQUEST_ID_HEADER, value);
    }

    response
}

/// A fresh 32-hex request id.
pub(crate) fn new_request_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn too_many_requests(request_id: String, started: Instant) -> Response {
    let message = "请求过于频繁，请 1 秒后重试 (too many requests, retry after 1 s)";
    let envelope = Envelope::fail(
        codes::TOO_MANY_REQUESTS,
        message.to_owned(),
        vec![message.to_owned()],
        request_id,
    );

    let mut response = reply(StatusCode::TOO_MANY_REQUESTS, envelope, started);
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

fn unavailable(request_id: String, started: Instant) -> Response {
    let message = "沙盒正在关闭 (the sandbox is shutting down)";
    let envelope = Envelope::fail(
        codes::UNAVAILABLE,
        message.to_owned(),
        vec![message.to_owned()],
        request_id,
    );

    reply(StatusCode::SERVICE_UNAVAILABLE, envelope, started)
}

/// The kind of HTML page a web server or gateway shows instead of JSON.
fn html_page(status: StatusCode, request_id: &str) -> Response {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let page = format!(
        "<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center>\
         <hr><center>oms-sandbox (injected fault, request {request_id})</center></body></html>"
    );

    let mut response = Response::new(Body::from(page));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html;charset=utf-8"),
    );
    response
}

/// An answer whose body fails before its first byte: hyper closes the connection, so the
/// client gets no usable answer although the request was processed.
fn dropped_connection() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "injected fault: drop_after_processing",
        ))
    });

    let mut response = Response::new(Body::from_stream(failing));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    response
}

/// The same answer with only the first half of its body.
async fn truncated(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();

    let half = bytes.slice(..bytes.len() / 2);
    Response::from_parts(parts, Body::from(half))
}

async fn method_not_allowed(id: EndpointId, method: HttpMethod) -> Response {
    let endpoint = id.endpoint();
    let message = format!(
        "请求方法不支持 (method not allowed): {method} {}，应使用 (use) {}",
        endpoint.path,
        endpoint.method.as_str()
    );
    let envelope = Envelope::fail(
        codes::METHOD_NOT_ALLOWED,
        message.clone(),
        vec![message],
        new_request_id(),
    );

    reply(StatusCode::METHOD_NOT_ALLOWED, envelope, Instant::now())
}

async fn not_found(State(shared): State<Arc<Shared>>, method: HttpMethod, uri: Uri) -> Response {
    shared.count("(unknown path)");
    let message = format!("接口不存在 (no such endpoint): {method} {}", uri.path());
    let envelope = Envelope::fail(
        codes::NOT_FOUND,
        message.clone(),
        vec![message],
        new_request_id(),
    );

    reply(StatusCode::NOT_FOUND, envelope, Instant::now())
}
