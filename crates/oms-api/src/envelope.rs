//! The OMS envelope (`{code, success, data, message, errors, timestamp, duration, requestId}`),
//! unwrapped in exactly one place. Every way an answer can be wrong (HTTP error, a proxy's HTML
//! page, JSON cut off mid-way, JSON of another shape, `success: false`) becomes its own error here,
//! keeping the request id whenever one can be found, even in a cut-off body.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::Duration;

use crate::error::{ApiError, Error, Result};

/// The code of a successful envelope.
pub const SUCCESS_CODE: &str = "20000";

/// The envelope as the server writes it. The local sandbox builds its answers with this type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    /// `"20000"` on success.
    pub code: String,
    /// False when the call failed, whatever the HTTP status.
    pub success: bool,
    /// The payload.
    pub data: Value,
    /// Short summary.
    pub message: String,
    /// Detailed reasons.
    pub errors: Vec<String>,
    /// Epoch milliseconds, as a string.
    pub timestamp: String,
    /// Seconds the server spent.
    pub duration: f64,
    /// 32 hex characters.
    pub request_id: String,
}

impl Envelope {
    /// A success envelope around `data`.
    pub fn ok(data: Value, request_id: String) -> Self {
        Self {
            code: SUCCESS_CODE.to_owned(),
            success: true,
            data,
            message: "请求成功".to_owned(),
            errors: Vec::new(),
            timestamp: crate::auth::now_millis().to_string(),
            duration: 0.0,
            request_id,
        }
    }

    /// A failure envelope.
    pub fn fail(code: &str, message: String, errors: Vec<String>, request_id: String) -> Self {
        Self {
            code: code.to_owned(),
            success: false,
            data: Value::Null,
            message,
            errors,
            timestamp: crate::auth::now_millis().to_string(),
            duration: 0.0,
            request_id,
        }
    }
}

/// An HTTP answer before the envelope is read.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, lower case, without parameters.
    pub content_type: String,
    /// `Retry-After`, when present and readable.
    pub retry_after: Option<Duration>,
    /// The body.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// True when the body is a PDF file rather than JSON.
    pub fn is_pdf(&self) -> bool {
        self.content_type == "application/pdf" || self.body.starts_with(b"%PDF-")
    }

    /// The request id, read from the body without parsing all of it (works on cut-off bodies).
    pub fn request_id(&self) -> Option<String> {
        find_request_id(&self.body)
    }
}

/// Finds `"requestId":"…"` in a body, even an incomplete one.
pub fn find_request_id(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok().or_else(|| {
        let cut = body.len().min(64 * 1024);
        std::str::from_utf8(&body[..cut]).ok()
    })?;
    let after_key = &text[text.find("\"requestId\"")? + "\"requestId\"".len()..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let value = after_colon.strip_prefix('"')?;
    let end = value.find('"')?;

    Some(value[..end].to_owned()).filter(|id| !id.is_empty() && id.len() <= 128)
}

/// Reads the envelope of `raw` and returns its `data` with the request id.
pub fn unwrap_data(raw: &RawResponse) -> Result<(Value, Option<String>)> {
    let request_id = raw.request_id();

    if raw.status == 429 {
        return Err(Error::RateLimited {
            retry_after: raw.retry_after,
            request_id,
        });
    }

    let parsed: Value = match serde_json::from_slice(&raw.body) {
        Ok(value) => value,
        Err(error) => return Err(unreadable_body(raw, &error, request_id)),
    };

    let Some(object) = parsed.as_object() else {
        return Err(not_an_envelope(
            raw,
            "the body is JSON but not an object",
            request_id,
        ));
    };
    let Some(success) = object.get("success").and_then(read_bool) else {
        return Err(not_an_envelope(
            raw,
            "`success` is missing or not a boolean",
            request_id,
        ));
    };
    let request_id = object
        .get("requestId")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or(request_id);

    if !success {
        return Err(Error::Api(ApiError {
            code: object.get("code").map(value_as_text).unwrap_or_default(),
            message: object.get("message").map(value_as_text).unwrap_or_default(),
            errors: object.get("errors").map(read_errors).unwrap_or_default(),
            request_id,
            http_status: raw.status,
        }));
    }
    if !(200..300).contains(&raw.status) {
        return Err(Error::Http {
            status: raw.status,
            snippet: "success: true with an error status".to_owned(),
            request_id,
        });
    }

    let data = object.get("data").cloned().unwrap_or(Value::Null);

    Ok((data, request_id))
}

/// Reads `data` into the typed response.
pub fn decode<T: DeserializeOwned>(raw: &RawResponse) -> Result<T> {
    let (data, request_id) = unwrap_data(raw)?;

    decode_value(data, request_id)
}

/// Converts an envelope's `data` into `T`, naming the path of any mismatch.
pub fn decode_value<T: DeserializeOwned>(data: Value, request_id: Option<String>) -> Result<T> {
    serde_path_to_error::deserialize(data).map_err(|error| Error::Shape {
        path: format!("data.{}", error.path())
            .trim_end_matches(".")
            .to_owned(),
        detail: error.inner().to_string(),
        request_id,
    })
}

fn unreadable_body(
    raw: &RawResponse,
    error: &serde_json::Error,
    request_id: Option<String>,
) -> Error {
    let looks_like_json = raw
        .body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'{' | b'['));

    if looks_like_json && error.is_eof() {
        return Error::Truncated {
            received: raw.body.len(),
            request_id,
        };
    }
    if !(200..300).contains(&raw.status) {
        return Error::Http {
            status: raw.status,
            snippet: snippet(&raw.body),
            request_id,
        };
    }
    if looks_like_json {
        return Error::Shape {
            path: "(body)".to_owned(),
            detail: error.to_string(),
            request_id,
        };
    }

    Error::NotJson {
        status: raw.status,
        content_type: if raw.content_type.is_empty() {
            "an empty type".to_owned()
        } else {
            raw.content_type.clone()
        },
        snippet: snippet(&raw.body),
    }
}

fn not_an_envelope(raw: &RawResponse, detail: &str, request_id: Option<String>) -> Error {
    if !(200..300).contains(&raw.status) {
        return Error::Http {
            status: raw.status,
            snippet: snippet(&raw.body),
            request_id,
        };
    }

    Error::Shape {
        path: "success".to_owned(),
        detail: detail.to_owned(),
        request_id,
    }
}

fn read_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

fn value_as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn read_errors(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().map(value_as_text).collect(),
        Value::Null => Vec::new(),
        other => vec![value_as_text(other)],
    }
}

/// The first 200 characters of a body with HTML tags and runs of whitespace removed.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(8 * 1024)]);

    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }

    let words: Vec<&str> = plain.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() > 200 {
        format!("{}…", joined.chars().take(200).collect::<String>())
    } else if joined.is_empty() {
        "(empty body)".to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, content_type: &str, body: &str) -> RawResponse {
        RawResponse {
            status,
            content_type: content_type.to_owned(),
            retry_after: None,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn request_id_is_found_in_a_cut_off_body() {
        let body = r#"{"code":"20000","requestId" : "abc123","data":{"list":[{"a"#;

        assert_eq!(find_request_id(body.as_bytes()).as_deref(), Some("abc123"));
    }

    #[test]
    fn html_error_page_becomes_an_http_error_with_readable_text() {
        let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

        let error = unwrap_data(&raw(502, "text/html", page)).unwrap_err();

        match error {
            Error::Http {
                status: 502,
                snippet,
                ..
            } => assert!(snippet.starts_with("502 Bad Gateway")),
            other => panic!("expected an HTTP error, got {other:?}"),
        }
    }
}
