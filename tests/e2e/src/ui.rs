//! The seller's gestures as the end-to-end tests perform them: click, type, choose in a
//! `<select>` or a Picker, count elements, read the sandbox's address from the environment
//! banner. They live here, once, because every test file needs them and each copy used to grow
//! its own workaround for the webview's driver (which neither scrolls nested panes by itself
//! nor lets the test touch elements outside the view). Every gesture waits for its element with
//! [`UI_TIMEOUT`] by polling, never by sleeping, and panics naming the `data-testid` it could not
//! use, so a failing test says which step broke.

use std::path::Path;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::webdriver::{Element, Session};
use crate::UI_TIMEOUT;

/// Where the local sandbox listens, as the environment banner shows it once it runs.
const SANDBOX_PREFIX: &str = "http://127.0.0.1:";

impl Session {
    /// The element with `test_id`, waiting for it to appear, then scrolled to the middle of its
    /// scrolling pane: the webview's driver does not scroll nested panes by itself and refuses
    /// to click or type into elements outside the view or at the window's bottom edge.
    pub async fn reveal(&self, test_id: &str) -> Element {
        let element = self
            .by_test_id(test_id, UI_TIMEOUT)
            .await
            .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"));

        self.show(test_id).await;
        element
    }

    /// Scrolls the element with `test_id` to the middle of its pane if it is on the page right
    /// now (nothing happens otherwise), so the next screenshot shows it.
    pub async fn show(&self, test_id: &str) {
        let script = "document.querySelector(`[data-testid=\"${arguments[0]}\"]`)\
                      ?.scrollIntoView({ block: 'center' }); return true;";

        self.execute(script, json!([test_id]))
            .await
            .unwrap_or_else(|e| panic!("{test_id} can be scrolled to: {e}"));
    }

    /// Waits for the local sandbox to run, then opens `module` from the navigation
    /// (`nav-<module>`).
    pub async fn open_module(&self, module: &str) {
        self.sandbox_url().await;
        self.click(&format!("nav-{module}")).await;
    }

    /// Clicks the element with `test_id`, waiting for it to appear.
    pub async fn click(&self, test_id: &str) {
        self.reveal(test_id)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("{test_id} can be clicked: {e}"));
    }

    /// Replaces the text of the input with `test_id` by `text`, as the seller's typing would.
    pub async fn type_into(&self, test_id: &str, text: &str) {
        let input = self.reveal(test_id).await;

        input
            .clear()
            .await
            .unwrap_or_else(|e| panic!("{test_id} can be emptied: {e}"));
        input
            .type_text(text)
            .await
            .unwrap_or_else(|e| panic!("{test_id} takes text: {e}"));
    }

    /// Chooses `value` in the `<select>` with `test_id`, as the seller's choice would (with the
    /// `change` event the UI listens to), and fails if the select does not offer `value`.
    pub async fn select(&self, test_id: &str, value: &str) {
        self.by_test_id(test_id, UI_TIMEOUT)
            .await
            .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"));
        let script = "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); \
                      el.value = arguments[1]; \
                      el.dispatchEvent(new Event('change', { bubbles: true })); \
                      return el.value;";

        let chosen = self
            .execute(script, json!([test_id, value]))
            .await
            .unwrap_or_else(|e| panic!("{test_id} can be set: {e}"));
        assert_eq!(chosen, json!(value), "{test_id} offers the option {value}");
    }

    /// Chooses `value` in the Picker `picker`: opens it, narrows the list by typing `value` into
    /// `<picker>-search` (long lists show only their first matches) and clicks
    /// `<picker>-option-<value>`.
    pub async fn pick(&self, picker: &str, value: &str) {
        self.click(picker).await;
        self.type_into(&format!("{picker}-search"), value).await;
        self.click(&format!("{picker}-option-{value}")).await;
    }

    /// The attribute `name` of the element with `test_id`, waiting for the element to appear;
    /// `None` if the element has no such attribute.
    pub async fn attribute_of(&self, test_id: &str, name: &str) -> Option<String> {
        self.by_test_id(test_id, UI_TIMEOUT)
            .await
            .unwrap_or_else(|e| panic!("{test_id} is on the page: {e}"))
            .attribute(name)
            .await
            .unwrap_or_else(|e| panic!("the {name} of {test_id} can be read: {e}"))
    }

    /// How many elements with `test_id` are on the page right now.
    pub async fn count(&self, test_id: &str) -> usize {
        self.find_all(&format!("[data-testid=\"{test_id}\"]"))
            .await
            .unwrap_or_else(|e| panic!("the elements {test_id} can be listed: {e}"))
            .len()
    }

    /// The current value of the input or select with `test_id`, or `None` if it is not on the
    /// page right now.
    pub async fn input_value(&self, test_id: &str) -> Option<String> {
        let script = "return document.querySelector(`[data-testid=\"${arguments[0]}\"]`)\
                      ?.value ?? null;";

        self.execute(script, json!([test_id]))
            .await
            .unwrap_or_else(|e| panic!("the value of {test_id} can be read: {e}"))
            .as_str()
            .map(str::to_owned)
    }

    /// Reveals the element with `test_id` and waits until its text passes `accept`, returning
    /// the text; panics naming the element when it never does.
    pub async fn text_when(&self, test_id: &str, accept: impl Fn(&str) -> bool) -> String {
        self.reveal(test_id).await;

        self.wait_for_text(test_id, UI_TIMEOUT, accept)
            .await
            .unwrap_or_else(|e| panic!("{test_id} shows the expected text: {e}"))
    }

    /// Waits until the environment banner shows the running local sandbox and returns its
    /// address (`http://127.0.0.1:PORT`); the sandbox's admin API lives there too.
    pub async fn sandbox_url(&self) -> String {
        let banner = self
            .wait_for_text("env-banner", UI_TIMEOUT, |t| t.contains(SANDBOX_PREFIX))
            .await
            .unwrap_or_else(|e| panic!("the banner shows the running sandbox: {e}"));

        let start = banner
            .find(SANDBOX_PREFIX)
            .expect("the banner was accepted");
        banner[start..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned()
    }
}

/// Calls the local sandbox's admin API (`/__sandbox/<path>`, GET without a body, POST with one)
/// at `sandbox` (see [`Session::sandbox_url`]) and returns the answer's `data`.
pub async fn sandbox_admin(
    sandbox: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> serde_json::Value {
    let client = reqwest::Client::new();
    let url = format!("{sandbox}/__sandbox/{path}");
    let request = match body {
        Some(body) => client.post(url).json(&body),
        None => client.get(url),
    };
    let envelope: serde_json::Value = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("the sandbox's admin API answers {path}: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("the admin API answers {path} with JSON: {e}"));

    envelope["data"].clone()
}

/// `prefix` followed by the current time in milliseconds: a reference no earlier run used.
pub fn unique_reference(prefix: &str) -> String {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_millis();

    format!("{prefix}-{millis}")
}

/// What `pdfinfo` (poppler-utils) says about a saved PDF.
#[derive(Debug)]
pub struct PdfInfo {
    /// The number of pages, if `pdfinfo` could read the file.
    pub pages: Option<u32>,
    /// Everything `pdfinfo` printed, for assertion messages.
    pub report: String,
}

/// Runs `pdfinfo` on `path`: the tests check saved labels as a real PDF reader sees them.
pub fn pdf_info(path: impl AsRef<Path>) -> PdfInfo {
    let output = Command::new("pdfinfo")
        .arg(path.as_ref())
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let pages = report
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok());
    PdfInfo { pages, report }
}
