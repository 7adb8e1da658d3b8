//! Every way an account operation can fail, each with a message in Chinese and English that
//! says what to do next, and a short code the UI can switch on.
//!
//! Keyring failures get their own type because the fix is on the seller's machine (unlock the
//! keyring, start a keyring service), not in the form they filled in.

use std::path::PathBuf;
use std::time::Duration;

use oms_api::FieldError;

/// The result of an account operation.
pub type Result<T, E = AccountsError> = std::result::Result<T, E>;

/// Why an account operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    /// The input has these problems; nothing was saved.
    #[error("{}", validation_message(.0))]
    Validation(Vec<FieldError>),

    /// No account has this id.
    #[error("找不到该账户 / No account has the id {0}")]
    UnknownAccount(String),

    /// The settings file exists but could not be read (permissions, disk error).
    #[error(
        "无法读取账户设置文件 {path}: {detail} / Cannot read the accounts file {path}: {detail}"
    )]
    SettingsUnreadable {
        /// The settings file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },

    /// The settings file could not be written; the change was not made.
    #[error("无法保存账户设置文件 {path}: {detail}，请检查磁盘空间和权限后重试 / Cannot save the accounts file {path}: {detail}; check the disk space and permissions, then try again")]
    SettingsNotSaved {
        /// The settings file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },

    /// The settings file was written by a newer OMS Desk; it is left untouched.
    #[error("账户设置文件 {path} 来自更新版本的 OMS Desk (格式 {version})，请升级 OMS Desk / The accounts file {path} was written by a newer OMS Desk (format {version}): update OMS Desk")]
    SettingsFromNewerVersion {
        /// The settings file.
        path: PathBuf,
        /// The format version found in the file.
        version: u64,
    },

    /// The account uses the local sandbox, which is not running.
    #[error("本地沙盒未启动，请先启动沙盒 / The local sandbox is not running: start it first")]
    SandboxNotRunning,

    /// The keyring has no secret for this account (deleted outside OMS Desk, or a restored
    /// settings file).
    #[error("钥匙串中没有账户 {account_name} 的密钥，请编辑账户重新输入 / The keyring holds no secret for the account {account_name}: edit the account and enter it again")]
    SecretMissing {
        /// The account's id.
        account_id: String,
        /// The account's name.
        account_name: String,
    },

    /// The OS keyring failed.
    #[error(transparent)]
    Keyring(#[from] KeyringError),

    /// The API client could not be built from the account.
    #[error("无法连接该账户 / Cannot set up the account's connection: {0}")]
    Client(#[source] oms_api::Error),
}

impl AccountsError {
    /// A short machine-readable name of the kind of error, for the UI to switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation",
            Self::UnknownAccount(_) => "unknownAccount",
            Self::SettingsUnreadable { .. } => "settingsUnreadable",
            Self::SettingsNotSaved { .. } => "settingsNotSaved",
            Self::SettingsFromNewerVersion { .. } => "settingsTooNew",
            Self::SandboxNotRunning => "sandboxNotRunning",
            Self::SecretMissing { .. } => "secretMissing",
            Self::Keyring(error) => error.code(),
            Self::Client(_) => "client",
        }
    }

    /// The field errors, for a form; empty for other errors.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Validation(errors) => errors,
            _ => &[],
        }
    }
}

/// Why the OS keyring could not be used.
///
/// Details come from the keyring's own error text, which names no secret: errors that carry
/// secret bytes are reduced to a fixed description before they get here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    /// The keyring is locked, or the seller dismissed the unlock prompt.
    #[error("系统钥匙串已锁定，请解锁后重试 / The system keyring is locked: unlock it and try again ({0})")]
    Locked(String),

    /// No keyring service is running (on Linux: nothing provides the Secret Service on the
    /// session D-Bus).
    #[error("找不到系统钥匙串服务 (Linux 上为 Secret Service，例如 gnome-keyring 或 KWallet)，请安装并启动后重新打开 OMS Desk / No system keyring service was found (on Linux the Secret Service, e.g. gnome-keyring or KWallet): install and start one, then reopen OMS Desk ({0})")]
    Unavailable(String),

    /// The keyring did not answer in time; it is often waiting behind an unlock prompt.
    #[error("系统钥匙串在 {} 秒内没有响应，可能正在等待解锁，请查看是否有解锁窗口后重试 / The system keyring did not answer within {} s; it may be waiting to be unlocked: look for an unlock prompt and try again", .0.as_secs(), .0.as_secs())]
    TimedOut(Duration),

    /// Any other keyring failure.
    #[error("系统钥匙串出错，请重试 / The system keyring failed; try again ({0})")]
    Failed(String),
}

impl KeyringError {
    /// A short machine-readable name of the kind of error, for the UI to switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Locked(_) => "keyringLocked",
            Self::Unavailable(_) => "keyringUnavailable",
            Self::TimedOut(_) => "keyringTimeout",
            Self::Failed(_) => "keyringFailed",
        }
    }
}

fn validation_message(errors: &[FieldError]) -> String {
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();

    format!(
        "请检查输入 / Please correct the input: {}",
        listed.join("; ")
    )
}
