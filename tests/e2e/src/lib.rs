//! The harness for end-to-end tests: it starts the real `oms-desk` binary in its real webview
//! through `tauri-driver` (which drives WebKitWebDriver), with temporary config, data and keyring
//! namespaces, and talks WebDriver to it. Tests then click through the app as a seller would,
//! selecting elements by `data-testid`, and save a screenshot of each run as a CI artifact.
//!
//! The gestures the tests perform (click, type, pick…) are methods on [`Session`] in [`ui`],
//! shared by every test file.
//!
//! The tests must run under a display (Xvfb) and a Secret Service (see `scripts/test.sh`).

pub mod ui;
pub mod webdriver;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use ui::{pdf_info, sandbox_admin, unique_reference, PdfInfo};
pub use webdriver::{Element, Session, WebDriverError};

/// How long to wait for the app to show something before a test fails.
pub const UI_TIMEOUT: Duration = Duration::from_secs(60);

/// The `oms-desk` binary: `OMS_DESK_BIN`, or the workspace's debug build.
pub fn app_binary() -> PathBuf {
    if let Ok(path) = std::env::var("OMS_DESK_BIN") {
        return PathBuf::from(path);
    }

    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug/oms-desk")
}

/// Where screenshots go: `OMS_ARTIFACTS_DIR`, or `artifacts/e2e` at the top of the checkout.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var("OMS_ARTIFACTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/e2e"));
    std::fs::create_dir_all(&dir).expect("the artifacts folder can be created");
    dir
}

/// The folders one app run uses instead of the user's own.
pub struct AppHome {
    /// Holds `config`, `data`, `cache`, `downloads` and `home`.
    pub root: tempfile::TempDir,
    /// The keyring namespace of this run.
    pub keyring_namespace: String,
}

impl AppHome {
    /// Fresh, empty folders and a unique keyring namespace.
    pub fn new() -> Self {
        let root = tempfile::tempdir().expect("a temporary folder");
        for folder in ["config", "data", "cache", "home", "downloads", "state"] {
            std::fs::create_dir_all(root.path().join(folder)).expect("a temporary folder");
        }
        let unique = root
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "");

        Self {
            root,
            keyring_namespace: format!("com.omsdesk.e2e.{unique}"),
        }
    }

    /// The environment the app runs with.
    pub fn env(&self) -> Vec<(String, String)> {
        let at = |name: &str| self.root.path().join(name).display().to_string();

        vec![
            ("HOME".into(), at("home")),
            ("XDG_CONFIG_HOME".into(), at("config")),
            ("XDG_DATA_HOME".into(), at("data")),
            ("XDG_CACHE_HOME".into(), at("cache")),
            ("XDG_STATE_HOME".into(), at("state")),
            ("XDG_DOWNLOAD_DIR".into(), at("downloads")),
            (
                "OMS_DESK_KEYRING_NAMESPACE".into(),
                self.keyring_namespace.clone(),
            ),
        ]
    }

    /// Every file under the run's folders (relative paths), for checks of what the app wrote.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        collect_files(self.root.path(), self.root.path(), &mut found);
        found.sort();
        found
    }
}

impl Default for AppHome {
    fn default() -> Self {
        Self::new()
    }
}

fn collect_files(root: &Path, dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(root, &path, found);
        } else {
            found.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
        }
    }
}

/// A running `tauri-driver` with the app under test.
pub struct RunningApp {
    driver: Child,
    /// The WebDriver session on the app's main window.
    pub session: Session,
}

impl RunningApp {
    /// Starts `tauri-driver` with the app's environment and opens a session on the app.
    pub async fn start(home: &AppHome) -> Self {
        let binary = app_binary();
        assert!(
            binary.is_file(),
            "the app binary {} does not exist: build it with `cargo build -p oms-desk`",
            binary.display()
        );

        let port = free_port();
        let native_port = free_port();
        let driver =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .envs(home.env())
                .stdout(Stdio::inherit())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("tauri-driver starts (cargo install tauri-driver --locked)");

        let endpoint = format!("http://127.0.0.1:{port}");
        wait_until_listening(port, Duration::from_secs(30));

        let session = open_session(&endpoint, &binary).await;

        Self { driver, session }
    }

    /// Saves a screenshot as `<name>.png` in the artifacts folder.
    ///
    /// WebKitWebDriver captures the last frame the webview painted, which under Xvfb lags behind
    /// the DOM the test just read: the page is asked to paint two frames first, so the picture
    /// shows what the test saw.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let painted = "return new Promise(done => requestAnimationFrame(() => \
                       requestAnimationFrame(() => done(true))))";
        let _ = self.session.execute(painted, serde_json::json!([])).await;

        let png = self
            .session
            .screenshot()
            .await
            .expect("a screenshot of the window");
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("the screenshot is saved");
        path
    }

    /// Kills the app of `home` with SIGKILL, as a crash or a power cut would end it: nothing of
    /// the app's own shutdown runs. Returns once the process is gone; call [`RunningApp::stop`]
    /// afterwards to end the driver.
    pub async fn crash(&self, home: &AppHome) {
        let binary = std::fs::canonicalize(app_binary()).expect("the app binary exists");
        let marker = format!("OMS_DESK_KEYRING_NAMESPACE={}", home.keyring_namespace);
        let pids: Vec<String> = std::fs::read_dir("/proc")
            .expect("/proc lists the processes")
            .flatten()
            .filter(|entry| {
                let dir = entry.path();
                let is_app = std::fs::read_link(dir.join("exe")).is_ok_and(|exe| exe == binary);
                let of_home = std::fs::read(dir.join("environ")).is_ok_and(|environ| {
                    environ
                        .split(|byte| *byte == 0)
                        .any(|variable| variable == marker.as_bytes())
                });
                is_app && of_home
            })
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            pids.len(),
            1,
            "exactly one app runs for this home: {pids:?}"
        );

        let killed = Command::new("kill")
            .args(["-KILL", &pids[0]])
            .status()
            .expect("kill runs");
        assert!(killed.success(), "the app {} was killed", pids[0]);

        let started = Instant::now();
        while Path::new("/proc").join(&pids[0]).join("exe").exists() {
            assert!(
                started.elapsed() < UI_TIMEOUT,
                "the app {} outlived SIGKILL",
                pids[0]
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Ends the session and stops the driver (and with it the app).
    pub async fn stop(mut self) {
        let _ = self.session.delete().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// Opens the session, asking again while the driver is up but its WebKitWebDriver is not yet
/// answering (a refused or dropped connection); any other error fails at once.
async fn open_session(endpoint: &str, binary: &Path) -> Session {
    let started = Instant::now();

    loop {
        match Session::create(endpoint, binary).await {
            Ok(session) => return session,
            Err(error) if error.0.contains("not answering") && started.elapsed() < UI_TIMEOUT => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(error) => panic!("a WebDriver session on the app: {error}"),
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .unwrap()
        .port()
}

/// Polls until `port` accepts connections: the driver's readiness, not a fixed sleep.
fn wait_until_listening(port: u16, limit: Duration) {
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < limit,
            "tauri-driver did not listen on {port} within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
