//! The HTTP client: one place that builds a request (URL from the endpoint table, a fresh token,
//! JSON body), sends it with timeouts, retries only what is safe to retry, logs what happened
//! without the token, and hands the answer to the envelope reader.

use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::{Duration, Instant};

use crate::auth::Credentials;
use crate::endpoints::{Effect, Endpoint, EndpointId, Method};
use crate::envelope::{self, RawResponse};
use crate::error::{Error, Result};
use crate::files::{DownloadedFile, InlineFile};
use crate::validate::Validate;

/// When and how long to wait before trying a call again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included (1 means no retry).
    pub max_attempts: u32,
    /// Wait before the second try; doubled for each further try.
    pub base_delay: Duration,
    /// The longest computed wait.
    pub max_delay: Duration,
    /// The longest `Retry-After` we honour; a server asking for more gets an error instead.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let doubled = self
            .base_delay
            .saturating_mul(1 << attempt.saturating_sub(1).min(16));
        let jitter = Duration::from_millis(u64::from(uuid::Uuid::new_v4().as_bytes()[0]) % 50);

        doubled.min(self.max_delay) + jitter
    }
}

/// Settings for a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    credentials: Credentials,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
}

impl ClientBuilder {
    /// Total time allowed for one try (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Time allowed to connect (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The retry policy for reads.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        let base_url = self.base_url.trim().trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base_url).map_err(|e| {
            Error::Config(format!("the server address `{base_url}` is not a URL: {e}"))
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "the server address `{base_url}` must start with https:// or http://"
            )));
        }
        if let Credentials::ApiToken(token) = &self.credentials {
            if token.is_blank() {
                return Err(Error::Config("the API token is empty".to_owned()));
            }
        }

        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(concat!("oms-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?;

        Ok(Client {
            http,
            base_url,
            credentials: self.credentials,
            retry: self.retry,
            timeout: self.timeout,
        })
    }
}

/// A client for one OMS account. Cheap to clone; clones share the connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    credentials: Credentials,
    retry: RetryPolicy,
    timeout: Duration,
}

impl Client {
    /// A client with default timeouts and retries.
    pub fn new(base_url: &str, credentials: Credentials) -> Result<Self> {
        Self::builder(base_url, credentials).build()
    }

    /// Settings for a client.
    pub fn builder(base_url: &str, credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.to_owned(),
            credentials,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
        }
    }

    /// The server address, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Validates `request`, sends it to `endpoint`, and returns the envelope's `data` as `T`.
    pub async fn call<R, T>(&self, endpoint: EndpointId, request: &R) -> Result<T>
    where
        R: Serialize + Validate + ?Sized,
        T: DeserializeOwned,
    {
        let raw = self.call_raw(endpoint, request).await?;

        envelope::decode(&raw)
    }

    /// Validates and sends `request`, returning the HTTP answer before the envelope is read.
    pub async fn call_raw<R>(&self, endpoint: EndpointId, request: &R) -> Result<RawResponse>
    where
        R: Serialize + Validate + ?Sized,
    {
        request.check()?;

        let body = serde_json::to_vec(request)
            .map_err(|e| Error::Config(format!("the request cannot be written as JSON: {e}")))?;

        self.execute(endpoint.endpoint(), Some(body), &[], true)
            .await
    }

    /// Sends a request whose answer is a file: the envelope's `data` as `{fileName, fileType,
    /// base64}`, or a raw `application/pdf` body.
    pub async fn download<R>(&self, endpoint: EndpointId, request: &R) -> Result<DownloadedFile>
    where
        R: Serialize + Validate + ?Sized,
    {
        let raw = self.call_raw(endpoint, request).await?;

        if raw.is_pdf() && (200..300).contains(&raw.status) {
            return Ok(DownloadedFile {
                file_name: None,
                file_type: Some("PDF".to_owned()),
                bytes: raw.body,
            });
        }

        let file: InlineFile = envelope::decode(&raw)?;
        DownloadedFile::from_inline(&file).map_err(|error| match error {
            Error::Shape { path, detail, .. } => Error::Shape {
                path,
                detail,
                request_id: raw.request_id(),
            },
            other => other,
        })
    }

    /// A `GET` call of the public module, with or without the `Authorization` header.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        endpoint: EndpointId,
        query: &[(&str, &str)],
        with_authorization: bool,
    ) -> Result<T> {
        let raw = self
            .execute(endpoint.endpoint(), None, query, with_authorization)
            .await?;

        envelope::decode(&raw)
    }

    /// Sends one call, retrying as the endpoint's effect allows.
    async fn execute(
        &self,
        endpoint: &Endpoint,
        body: Option<Vec<u8>>,
        query: &[(&str, &str)],
        with_authorization: bool,
    ) -> Result<RawResponse> {
        let url = format!("{}{}", self.base_url, endpoint.path);
        let mut attempt = 1;

        loop {
            let started = Instant::now();

            let outcome = self
                .send_once(endpoint, &url, body.as_deref(), query, with_authorization)
                .await;

            log_attempt(endpoint, &outcome, attempt, started.elapsed());

            match self.retry_wait(endpoint, &outcome, attempt) {
                Some(wait) => {
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => return outcome,
            }
        }
    }

    async fn send_once(
        &self,
        endpoint: &Endpoint,
        url: &str,
        body: Option<&[u8]>,
        query: &[(&str, &str)],
        with_authorization: bool,
    ) -> Result<RawResponse> {
        let mut request = match endpoint.method {
            Method::Get => self.http.get(url),
            Method::Post => self.http.post(url),
        };
        if !query.is_empty() {
            request = request.query(query);
        }
        if with_authorization {
            let token = self.credentials.authorization();
            let mut header = HeaderValue::from_str(token.expose()).map_err(|_| {
                Error::Config(
                    "the API token contains characters not allowed in a header".to_owned(),
                )
            })?;
            header.set_sensitive(true);
            request = request.header(AUTHORIZATION, header);
        }
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_vec());
        }

        let response = request.send().await.map_err(|e| self.transport_error(&e))?;

        let status = response.status().as_u16();
        let headers = response.headers();
        let content_type = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);

        let body = response
            .bytes()
            .await
            .map_err(|e| self.transport_error(&e))?
            .to_vec();

        Ok(RawResponse {
            status,
            content_type,
            retry_after,
            body,
        })
    }

    fn transport_error(&self, error: &reqwest::Error) -> Error {
        let detail = without_url(error);

        if error.is_timeout() {
            Error::Timeout(self.timeout)
        } else if error.is_connect() {
            Error::Connect(detail)
        } else {
            Error::Transport(detail)
        }
    }

    /// How long to wait before another try, or `None` to stop with this outcome.
    ///
    /// Reads are retried on connection failures, timeouts, broken or cut-off answers, 429 and 5xx.
    /// Writes are retried only when the connection could not be made at all, because then the
    /// request never reached the server; any other failure of a write may have created the order,
    /// and resending it could create it twice.
    fn retry_wait(
        &self,
        endpoint: &Endpoint,
        outcome: &Result<RawResponse>,
        attempt: u32,
    ) -> Option<Duration> {
        if attempt >= self.retry.max_attempts {
            return None;
        }

        let backoff = self.retry.backoff(attempt);
        let is_read = endpoint.effect == Effect::Read;

        match outcome {
            Err(Error::Connect(_)) => Some(backoff),
            Err(Error::Timeout(_) | Error::Transport(_)) if is_read => Some(backoff),
            Ok(raw) if is_read && raw.status == 429 => match raw.retry_after {
                Some(wait) if wait > self.retry.max_retry_after => None,
                Some(wait) => Some(wait),
                None => Some(backoff),
            },
            Ok(raw) if is_read && raw.status >= 500 => Some(
                raw.retry_after
                    .unwrap_or(backoff)
                    .min(self.retry.max_retry_after),
            ),
            Ok(raw) if is_read && is_cut_off_json(raw) => Some(backoff),
            _ => None,
        }
    }
}

fn is_cut_off_json(raw: &RawResponse) -> bool {
    if raw.is_pdf() {
        return false;
    }

    match serde_json::from_slice::<serde::de::IgnoredAny>(&raw.body) {
        Ok(_) => false,
        Err(error) => error.is_eof() && raw.body.contains(&b'{'),
    }
}

/// The error text of reqwest without the URL, which may carry query parameters.
fn without_url(error: &reqwest::Error) -> String {
    let mut detail = error.to_string();
    if let Some(url) = error.url() {
        detail = detail.replace(url.as_str(), "");
    }

    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        detail = format!("{detail}: {inner}");
        source = inner.source();
    }

    detail.replace(" ()", "").trim().to_owned()
}

/// `Retry-After` as seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }

    let when = httpdate::parse_http_date(value.trim()).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

fn log_attempt(
    endpoint: &Endpoint,
    outcome: &Result<RawResponse>,
    attempt: u32,
    elapsed: Duration,
) {
    let duration_ms = elapsed.as_millis() as u64;

    match outcome {
        Ok(raw) => tracing::info!(
            endpoint = endpoint.id.as_str(),
            method = endpoint.method.as_str(),
            path = endpoint.path,
            status = raw.status,
            request_id = raw.request_id().unwrap_or_default(),
            duration_ms,
            attempt,
            "OMS call answered"
        ),
        Err(error) => tracing::warn!(
            endpoint = endpoint.id.as_str(),
            method = endpoint.method.as_str(),
            path = endpoint.path,
            error = %error,
            duration_ms,
            attempt,
            "OMS call failed"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy = RetryPolicy::default();

        assert!(policy.backoff(1) < Duration::from_millis(400));
        assert!(policy.backoff(10) <= policy.max_delay + Duration::from_millis(50));
    }
}
