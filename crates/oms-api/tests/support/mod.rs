//! A recording HTTP server on loopback for client tests: it keeps every request it receives
//! (method, path, headers, body) and answers with replies queued per path, so a test can check
//! exactly what the client put on the wire and how it reads every kind of answer.
//!
//! It stands in for the OMS only in tests about the client's own logic (wire format, error
//! mapping, retries); tests of business rules run against the sandbox. The fixture readers and
//! validation helpers the test files share live in [`fixtures`].

#![allow(dead_code)]

pub mod fixtures;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the client sent JSON")
    }
}

/// How the server answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A success envelope around this `data`.
    Data(Value),
    /// Exactly these bytes.
    Raw {
        status: u16,
        content_type: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Wait, then answer.
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    pub fn envelope(value: Value) -> Self {
        Self::raw(200, "application/json", &value.to_string())
    }

    pub fn raw(status: u16, content_type: &str, body: &str) -> Self {
        Self::Raw {
            status,
            content_type: content_type.to_owned(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }
}

#[derive(Default)]
struct Shared {
    recorded: Vec<Recorded>,
    queued: HashMap<String, VecDeque<Reply>>,
    fallback: HashMap<String, Reply>,
}

/// The running server.
#[derive(Clone)]
pub struct TestServer {
    pub base_url: String,
    shared: Arc<Mutex<Shared>>,
}

impl TestServer {
    pub async fn start() -> Self {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let base_url = format!("http://{}", listener.local_addr().expect("local address"));

        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("test server runs");
        });

        Self { base_url, shared }
    }

    /// Answers the next request to `path` with `reply` (replies queue up in order).
    pub fn queue(&self, path: &str, reply: Reply) {
        self.shared
            .lock()
            .unwrap()
            .queued
            .entry(path.to_owned())
            .or_default()
            .push_back(reply);
    }

    /// Answers every request to `path` with `reply` once the queue is empty.
    pub fn always(&self, path: &str, reply: Reply) {
        self.shared
            .lock()
            .unwrap()
            .fallback
            .insert(path.to_owned(), reply);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().unwrap().recorded.clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

async fn answer(
    State(shared): State<Arc<Mutex<Shared>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let path = uri.path().to_owned();

    let reply = {
        let mut shared = shared.lock().unwrap();
        shared.recorded.push(Recorded {
            method: method.to_string(),
            path: path.clone(),
            query: uri.query().map(str::to_owned),
            authorization: header("authorization"),
            content_type: header("content-type"),
            body: body.to_vec(),
        });
        let queued = shared.queued.get_mut(&path).and_then(VecDeque::pop_front);
        queued
            .or_else(|| shared.fallback.get(&path).cloned())
            .unwrap_or(Reply::Data(Value::Null))
    };

    render(reply).await
}

async fn render(reply: Reply) -> Response {
    let mut reply = reply;
    while let Reply::Delayed(wait, inner) = reply {
        tokio::time::sleep(wait).await;
        reply = *inner;
    }

    match reply {
        Reply::Data(data) => {
            let body = json!({
                "code": "20000", "success": true, "data": data, "message": "请求成功",
                "errors": [], "timestamp": "1762175511917", "duration": 0.01,
                "requestId": "0123456789abcdef0123456789abcdef"
            });
            (
                StatusCode::OK,
                [("content-type", "application/json")],
                body.to_string(),
            )
                .into_response()
        }
        Reply::Raw {
            status,
            content_type,
            headers,
            body,
        } => {
            let mut response = Response::builder()
                .status(status)
                .header("content-type", content_type);
            for (name, value) in headers {
                response = response.header(name, value);
            }
            response
                .body(axum::body::Body::from(body))
                .expect("valid response")
        }
        Reply::Delayed(..) => unreachable!("unwrapped above"),
    }
}

/// The folder of the shared API contract (`../shared/oms-api` beside the checkout).
pub fn spec_dir() -> std::path::PathBuf {
    if let Ok(dir) = std::env::var("OMS_SPEC_DIR") {
        return dir.into();
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/oms-api")
}

/// Reads a JSON file.
pub fn read_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The JSON type of a value, for comparing shapes.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every difference of keys and JSON types between `expected` and `actual`, with paths. With
/// `subset`, keys missing from `expected` are allowed in `actual` (for partial examples).
pub fn shape_differences(
    expected: &Value,
    actual: &Value,
    path: &str,
    subset: bool,
) -> Vec<String> {
    let mut differences = Vec::new();

    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, want_value) in want {
                let here = format!("{path}.{key}");
                match have.get(key) {
                    Some(have_value) => {
                        differences.extend(shape_differences(want_value, have_value, &here, subset))
                    }
                    None => differences.push(format!("{here}: missing")),
                }
            }
            if !subset {
                for key in have.keys().filter(|k| !want.contains_key(*k)) {
                    differences.push(format!("{path}.{key}: not in the expected JSON"));
                }
            }
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() != have.len() {
                differences.push(format!(
                    "{path}: {} items, expected {}",
                    have.len(),
                    want.len()
                ));
            }
            for (index, (w, h)) in want.iter().zip(have).enumerate() {
                differences.extend(shape_differences(w, h, &format!("{path}[{index}]"), subset));
            }
        }
        (want, have) if json_type(want) != json_type(have) => differences.push(format!(
            "{path}: {} ({have}), expected {} ({want})",
            json_type(have),
            json_type(want)
        )),
        _ => {}
    }

    differences
}
