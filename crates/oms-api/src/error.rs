//! Every way a call can fail, as one error type with a message in Chinese and English.
//!
//! Sellers read these messages at a warehouse desk, and support staff trace them by request id,
//! so each variant says what went wrong in plain words, keeps the request id when the server sent
//! one, and never carries the token.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;

/// One problem with one field of a request, found before anything was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    /// The wire name of the field, with its path: `itemDTOs[2].productSku`.
    pub field: String,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.field, self.zh, self.en)
    }
}

/// The server answered with `success: false`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    /// The envelope `code` (a string on the wire; a number is accepted and kept as text).
    pub code: String,
    /// The envelope `message`, the server's summary.
    pub message: String,
    /// The envelope `errors`, one reason per line.
    pub errors: Vec<String>,
    /// The envelope `requestId`, for support.
    pub request_id: Option<String>,
    /// The HTTP status the envelope came with.
    pub http_status: u16,
}

/// Everything that can go wrong calling the OMS.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request was not sent: these fields are wrong.
    #[error("the request has {} invalid field(s): {}", .0.len(), summarize(.0))]
    Validation(Vec<FieldError>),

    /// The server refused the request (`success: false`).
    #[error("the OMS refused the request: {}{}", .0.message, request_suffix(.0.request_id.as_deref()))]
    Api(ApiError),

    /// The server answered with an HTTP error status and no OMS envelope.
    #[error("HTTP {status} from the OMS{}: {snippet}", request_suffix(request_id.as_deref()))]
    Http {
        /// HTTP status code.
        status: u16,
        /// The first characters of the body, tags removed.
        snippet: String,
        /// Request id, when one could be read.
        request_id: Option<String>,
    },

    /// The server asked us to slow down (HTTP 429).
    #[error("the OMS is rate limiting requests (HTTP 429){}", retry_suffix(*retry_after))]
    RateLimited {
        /// How long the server asked us to wait.
        retry_after: Option<Duration>,
        /// Request id, when one could be read.
        request_id: Option<String>,
    },

    /// The body was not JSON (for example a proxy's HTML page) although the status was OK.
    #[error("the OMS answered with {content_type} instead of JSON (HTTP {status}): {snippet}")]
    NotJson {
        /// HTTP status code.
        status: u16,
        /// The `Content-Type` header.
        content_type: String,
        /// The first characters of the body.
        snippet: String,
    },

    /// The JSON body ended early: the connection was cut or the server crashed mid-answer.
    #[error("the OMS answer was cut off after {received} bytes{}", request_suffix(request_id.as_deref()))]
    Truncated {
        /// How many bytes arrived.
        received: usize,
        /// Request id, when one could be read from the partial body.
        request_id: Option<String>,
    },

    /// The body was JSON but not the shape we expect.
    #[error("the OMS answer has an unexpected shape at `{path}`: {detail}{}", request_suffix(request_id.as_deref()))]
    Shape {
        /// Where in the JSON the problem is.
        path: String,
        /// What was wrong.
        detail: String,
        /// Request id, when the envelope had one.
        request_id: Option<String>,
    },

    /// No answer in time. For a write the outcome is unknown: look the order up before resending.
    #[error("the OMS did not answer within {:?}", .0)]
    Timeout(Duration),

    /// Could not connect (DNS, refused, TLS). Nothing reached the server.
    #[error("could not connect to the OMS: {0}")]
    Connect(String),

    /// The connection broke after the request was sent. For a write the outcome is unknown.
    #[error("the connection to the OMS broke: {0}")]
    Transport(String),

    /// A local file could not be read or written.
    #[error("file {path}: {detail}")]
    File {
        /// The file's path.
        path: String,
        /// What went wrong.
        detail: String,
    },

    /// The order is not in a state where this can be done yet (for example a label file that
    /// has not been made). The message names the current status.
    #[error("{en}")]
    NotReady {
        /// What is missing and the current status, in Chinese.
        zh: String,
        /// The same in English.
        en: String,
    },

    /// The client was configured wrongly (for example a base URL that is not a URL).
    #[error("configuration: {0}")]
    Config(String),
}

fn summarize(errors: &[FieldError]) -> String {
    let shown: Vec<String> = errors
        .iter()
        .take(5)
        .map(|e| format!("{} ({})", e.field, e.en))
        .collect();
    let more = errors.len().saturating_sub(5);

    if more > 0 {
        format!("{}; and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

fn request_suffix(request_id: Option<&str>) -> String {
    request_id
        .map(|id| format!(" [requestId {id}]"))
        .unwrap_or_default()
}

fn retry_suffix(retry_after: Option<Duration>) -> String {
    retry_after
        .map(|d| format!("; retry after {} s", d.as_secs()))
        .unwrap_or_default()
}

impl Error {
    /// A short machine-readable name of the kind of error, for the UI to switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation",
            Self::Api(_) => "api",
            Self::Http { .. } => "http",
            Self::RateLimited { .. } => "rate_limited",
            Self::NotJson { .. } => "not_json",
            Self::Truncated { .. } => "truncated",
            Self::Shape { .. } => "shape",
            Self::Timeout(_) => "timeout",
            Self::Connect(_) => "connect",
            Self::Transport(_) => "transport",
            Self::File { .. } => "file",
            Self::NotReady { .. } => "not_ready",
            Self::Config(_) => "config",
        }
    }

    /// The request id the server gave, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(api) => api.request_id.as_deref(),
            Self::Http { request_id, .. }
            | Self::RateLimited { request_id, .. }
            | Self::Truncated { request_id, .. }
            | Self::Shape { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The field errors of a validation failure (empty for other errors).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Validation(errors) => errors,
            _ => &[],
        }
    }

    /// True when a write may or may not have been carried out by the server: the caller must
    /// look the order up by its reference before sending it again.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            Self::Timeout(_)
                | Self::Transport(_)
                | Self::Truncated { .. }
                | Self::NotJson { .. }
                | Self::Shape { .. }
        ) || matches!(self, Self::Http { status, .. } if *status >= 500)
    }

    /// The message in Chinese, for a seller whose interface is in zh-CN.
    pub fn zh(&self) -> String {
        match self {
            Self::Validation(errors) => {
                let shown: Vec<String> = errors
                    .iter()
                    .take(5)
                    .map(|e| format!("{}: {}", e.field, e.zh))
                    .collect();
                let more = errors.len().saturating_sub(5);
                let tail = if more > 0 {
                    format!("；另有 {more} 项")
                } else {
                    String::new()
                };
                format!(
                    "请求有 {} 处填写错误，未发送：{}{tail}",
                    errors.len(),
                    shown.join("；")
                )
            }
            Self::Api(api) => {
                let details = if api.errors.is_empty() {
                    String::new()
                } else {
                    api.errors.join("；")
                };
                format!(
                    "OMS 拒绝了请求：{}{}{}",
                    api.message,
                    if details.is_empty() {
                        String::new()
                    } else {
                        format!("（{details}）")
                    },
                    zh_request(api.request_id.as_deref())
                )
            }
            Self::Http {
                status, request_id, ..
            } => {
                format!(
                    "OMS 返回 HTTP {status} 错误{}",
                    zh_request(request_id.as_deref())
                )
            }
            Self::RateLimited { retry_after, .. } => match retry_after {
                Some(wait) => format!("请求过于频繁，OMS 要求 {} 秒后再试", wait.as_secs()),
                None => "请求过于频繁，请稍后再试".to_owned(),
            },
            Self::NotJson { status, .. } => {
                format!("OMS 返回的不是 JSON（HTTP {status}），可能是代理或网关页面")
            }
            Self::Truncated { request_id, .. } => {
                format!(
                    "OMS 的响应不完整，连接可能中断{}",
                    zh_request(request_id.as_deref())
                )
            }
            Self::Shape {
                path, request_id, ..
            } => format!(
                "OMS 的响应格式与预期不符（{path}）{}",
                zh_request(request_id.as_deref())
            ),
            Self::Timeout(wait) => {
                format!(
                    "OMS 在 {} 秒内没有响应；若是创建操作，请先查询是否已创建",
                    wait.as_secs()
                )
            }
            Self::Connect(detail) => format!("无法连接 OMS：{detail}；请检查网络和服务器地址"),
            Self::Transport(detail) => {
                format!("与 OMS 的连接中断：{detail}；若是创建操作，请先查询是否已创建")
            }
            Self::File { path, detail } => format!("文件 {path}：{detail}"),
            Self::NotReady { zh, .. } => zh.clone(),
            Self::Config(detail) => format!("配置错误：{detail}"),
        }
    }
}

fn zh_request(request_id: Option<&str>) -> String {
    request_id
        .map(|id| format!("［请求编号 {id}］"))
        .unwrap_or_default()
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
