//! A small WebDriver client (W3C protocol over HTTP/JSON): just what the end-to-end tests need
//! to find elements by `data-testid`, read text, type, click and take screenshots. Written on
//! the workspace's own HTTP client so the tests pull in no second TLS stack.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::{json, Value};
use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

/// The key W3C WebDriver uses for element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A failed WebDriver command.
#[derive(Debug)]
pub struct WebDriverError(pub String);

impl fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebDriverError {}

type Result<T> = std::result::Result<T, WebDriverError>;

/// A session on the app's window.
#[derive(Clone, Debug)]
pub struct Session {
    http: reqwest::Client,
    url: String,
}

/// An element of the page.
#[derive(Clone, Debug)]
pub struct Element {
    session: Session,
    id: String,
}

impl Session {
    /// Opens a session that launches `application` (tauri-driver's `tauri:options`).
    pub async fn create(endpoint: &str, application: &Path) -> Result<Self> {
        let http = reqwest::Client::new();
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "wry",
                    "tauri:options": { "application": application.display().to_string() }
                }
            }
        });

        let answer = send(http.post(format!("{endpoint}/session")).json(&capabilities)).await?;

        let id = answer["sessionId"]
            .as_str()
            .ok_or_else(|| WebDriverError(format!("no session id in {answer}")))?;
        Ok(Self {
            http,
            url: format!("{endpoint}/session/{id}"),
        })
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value> {
        send(self.http.post(format!("{}{path}", self.url)).json(&body)).await
    }

    async fn get(&self, path: &str) -> Result<Value> {
        send(self.http.get(format!("{}{path}", self.url))).await
    }

    /// The first element matching a CSS selector, if any, right now.
    pub async fn find(&self, css: &str) -> Result<Option<Element>> {
        let found = self
            .post("/elements", json!({"using": "css selector", "value": css}))
            .await?;

        Ok(found
            .as_array()
            .and_then(|list| list.first())
            .and_then(|e| e[ELEMENT_KEY].as_str())
            .map(|id| Element {
                session: self.clone(),
                id: id.to_owned(),
            }))
    }

    /// Every element matching a CSS selector, right now.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self
            .post("/elements", json!({"using": "css selector", "value": css}))
            .await?;

        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e[ELEMENT_KEY].as_str())
            .map(|id| Element {
                session: self.clone(),
                id: id.to_owned(),
            })
            .collect())
    }

    /// The element with `data-testid` = `test_id`, waiting for it to appear.
    pub async fn by_test_id(&self, test_id: &str, limit: Duration) -> Result<Element> {
        let css = format!("[data-testid=\"{test_id}\"]");
        let started = Instant::now();

        loop {
            // While the page is still loading, WebDriver may answer "no such frame": keep asking.
            let last = match self.find(&css).await {
                Ok(Some(element)) => return Ok(element),
                Ok(None) => String::from("not on the page"),
                Err(error) => error.0,
            };
            if started.elapsed() > limit {
                return Err(WebDriverError(format!(
                    "no element {css} within {limit:?} ({last})"
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element with `test_id` has text for which `accept` is true; returns it.
    pub async fn wait_for_text(
        &self,
        test_id: &str,
        limit: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let started = Instant::now();
        let mut last = String::new();

        loop {
            // While the page is still loading, WebDriver may answer "no such frame": keep asking.
            if let Ok(Some(element)) = self.find(&format!("[data-testid=\"{test_id}\"]")).await {
                last = element.text().await.unwrap_or_default();
                if accept(&last) {
                    return Ok(last);
                }
            }
            if started.elapsed() > limit {
                return Err(WebDriverError(format!(
                    "[data-testid={test_id}] did not show the expected text within {limit:?}; last text: {last:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The window's title.
    pub async fn title(&self) -> Result<String> {
        Ok(self
            .get("/title")
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// A PNG screenshot of the window.
    pub async fn screenshot(&self) -> Result<Vec<u8>> {
        let encoded = self.get("/screenshot").await?;

        BASE64
            .decode(encoded.as_str().unwrap_or_default())
            .map_err(|e| WebDriverError(format!("the screenshot is not Base64: {e}")))
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn execute(&self, script: &str, args: Value) -> Result<Value> {
        self.post("/execute/sync", json!({"script": script, "args": args}))
            .await
    }

    /// Ends the session.
    pub async fn delete(&self) -> Result<()> {
        send(self.http.delete(&self.url)).await.map(|_| ())
    }
}

impl Element {
    fn path(&self, tail: &str) -> String {
        format!("/element/{}{tail}", self.id)
    }

    /// The element's visible text.
    pub async fn text(&self) -> Result<String> {
        Ok(self
            .session
            .get(&self.path("/text"))
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// An attribute's value.
    pub async fn attribute(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .session
            .get(&self.path(&format!("/attribute/{name}")))
            .await?
            .as_str()
            .map(str::to_owned))
    }

    /// Clicks the element.
    pub async fn click(&self) -> Result<()> {
        self.session
            .post(&self.path("/click"), json!({}))
            .await
            .map(|_| ())
    }

    /// Types text into the element.
    pub async fn type_text(&self, text: &str) -> Result<()> {
        self.session
            .post(&self.path("/value"), json!({"text": text}))
            .await
            .map(|_| ())
    }

    /// Empties an input.
    pub async fn clear(&self) -> Result<()> {
        self.session
            .post(&self.path("/clear"), json!({}))
            .await
            .map(|_| ())
    }
}

async fn send(request: reqwest::RequestBuilder) -> Result<Value> {
    let response = request
        .timeout(Duration::from_secs(120))
        .send()
        .await
        .map_err(|e| WebDriverError(format!("WebDriver is not answering: {e}")))?;
    let status = response.status();
    let body: Value = response
        .json()
        .await
        .map_err(|e| WebDriverError(format!("WebDriver answered with something not JSON: {e}")))?;

    if !status.is_success() {
        return Err(WebDriverError(format!(
            "WebDriver error {status}: {}",
            body["value"]
        )));
    }

    Ok(body["value"].clone())
}
