//! What an account is: a name the seller chose, the OMS server it talks to, and how it signs in.
//!
//! Only the parts that are not secret are serialisable, so an [`Account`] can be written to the
//! settings file and sent to the UI as is; the token or API secret travels separately as an
//! [`oms_api::Secret`] in [`NewAccount`] and [`AccountChanges`] and is kept in the OS keyring.

use oms_api::{Secret, Validator};
use serde::{Deserialize, Serialize};

use crate::error::AccountsError;

/// The vendor's production server.
pub const PRODUCTION_URL: &str = "https://oms-api.zbao56.com";

/// The vendor's test server.
pub const VENDOR_TEST_URL: &str = "https://oms-api-dev.zbao56.com";

/// The longest account name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// One warehouse account as saved in `accounts.json`. Holds no secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// A random UUID in text form; also the user name of the account's keyring entry.
    pub id: String,
    /// The name the seller gave the account, unique among the accounts (ignoring case).
    pub name: String,
    /// Which OMS server the account talks to.
    pub environment: Environment,
    /// How the account signs in; the secret part lives in the keyring.
    pub credentials_kind: CredentialsKind,
}

/// Which OMS server an account talks to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "url", rename_all = "camelCase")]
pub enum Environment {
    /// The vendor's production server, [`PRODUCTION_URL`].
    Production,
    /// The vendor's test server, [`VENDOR_TEST_URL`].
    VendorTest,
    /// The sandbox embedded in OMS Desk; its port changes at every start, so the address is
    /// supplied when a client is built.
    LocalSandbox,
    /// Any other server, by its `http(s)://` address.
    Custom(String),
}

impl Environment {
    /// The server address for this environment. `sandbox_url` is the running embedded sandbox's
    /// address, used only for [`Environment::LocalSandbox`].
    ///
    /// # Errors
    /// [`AccountsError::SandboxNotRunning`] for the local sandbox when `sandbox_url` is `None`.
    pub fn base_url(&self, sandbox_url: Option<&str>) -> Result<String, AccountsError> {
        match self {
            Self::Production => Ok(PRODUCTION_URL.to_owned()),
            Self::VendorTest => Ok(VENDOR_TEST_URL.to_owned()),
            Self::LocalSandbox => sandbox_url
                .map(str::to_owned)
                .ok_or(AccountsError::SandboxNotRunning),
            Self::Custom(url) => Ok(url.clone()),
        }
    }
}

/// How an account signs in. The secret half is never part of this type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CredentialsKind {
    /// A ready-made API token; the token is the account's secret.
    ApiToken,
    /// An API key with its secret; the key is public and kept here, the secret in the keyring.
    KeyAndSecret {
        /// The public API key.
        api_key: String,
    },
}

impl CredentialsKind {
    /// True when both values are the same kind of sign-in, whatever the API key.
    pub fn same_kind(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// What the seller enters to add an account.
#[derive(Clone, Debug)]
pub struct NewAccount {
    /// The account's name.
    pub name: String,
    /// Which OMS server it talks to.
    pub environment: Environment,
    /// How it signs in.
    pub credentials_kind: CredentialsKind,
    /// The API token or the API secret, depending on `credentials_kind`.
    pub secret: Secret,
}

/// What the seller enters to edit an account.
#[derive(Clone, Debug)]
pub struct AccountChanges {
    /// The account's new name.
    pub name: String,
    /// The new OMS server.
    pub environment: Environment,
    /// The new sign-in kind. Changing the kind requires a new `secret`.
    pub credentials_kind: CredentialsKind,
    /// A replacement for the saved secret; `None` keeps the saved one.
    pub secret: Option<Secret>,
}

/// An account's settings after trimming, ready to be checked and saved.
pub(crate) struct Draft {
    pub name: String,
    pub environment: Environment,
    pub credentials_kind: CredentialsKind,
    pub secret: Option<Secret>,
}

impl Draft {
    /// Trims what the seller typed: surrounding spaces and line breaks are paste accidents in
    /// names, addresses, keys and secrets alike.
    pub fn new(
        name: &str,
        environment: &Environment,
        credentials_kind: &CredentialsKind,
        secret: Option<&Secret>,
    ) -> Self {
        let environment = match environment {
            Environment::Custom(url) => {
                Environment::Custom(url.trim().trim_end_matches('/').to_owned())
            }
            other => other.clone(),
        };
        let credentials_kind = match credentials_kind {
            CredentialsKind::KeyAndSecret { api_key } => CredentialsKind::KeyAndSecret {
                api_key: api_key.trim().to_owned(),
            },
            CredentialsKind::ApiToken => CredentialsKind::ApiToken,
        };

        Self {
            name: name.trim().to_owned(),
            environment,
            credentials_kind,
            secret: secret.map(|s| Secret::new(s.expose().trim())),
        }
    }

    /// Checks the draft against the other accounts (`others` excludes the one being edited).
    /// `secret_required` is true when adding, or when the sign-in kind changes.
    pub fn validate(&self, others: &[Account], secret_required: bool) -> Vec<oms_api::FieldError> {
        let mut check = Validator::new();

        if check.required_text("name", Some(&self.name)) {
            if self.name.chars().count() > MAX_NAME_CHARS {
                check.error(
                    "name",
                    format!("名称最多 {MAX_NAME_CHARS} 个字符"),
                    format!("the name can have at most {MAX_NAME_CHARS} characters"),
                );
            }
            let taken = others
                .iter()
                .any(|a| a.name.trim().to_lowercase() == self.name.to_lowercase());
            if taken {
                check.error(
                    "name",
                    format!("已有同名账户: {}", self.name),
                    format!("another account is already named {}", self.name),
                );
            }
        }

        if let Environment::Custom(url) = &self.environment {
            if let Some(problem) = url_problem(url) {
                check.error("environment.url", problem.0, problem.1);
            }
        }

        if let CredentialsKind::KeyAndSecret { api_key } = &self.credentials_kind {
            check.required_text("credentialsKind.apiKey", Some(api_key));
        }

        match &self.secret {
            Some(secret) if secret.is_blank() => check.error(
                "secret",
                "密钥不能为空",
                "the secret (API token or API secret) must not be blank",
            ),
            None if secret_required => check.error(
                "secret",
                "请输入 API Token 或 API Secret",
                "enter the API token or the API secret",
            ),
            _ => {}
        }

        check.errors().to_vec()
    }
}

/// Why `url` cannot be an OMS server address, in Chinese and English; `None` when it can.
fn url_problem(url: &str) -> Option<(String, String)> {
    if url.is_empty() {
        return Some(("请输入服务器地址".into(), "enter the server address".into()));
    }

    let scheme_ok = || {
        (
            format!("服务器地址须以 https:// 或 http:// 开头: {url}"),
            format!("the server address must start with https:// or http://: {url}"),
        )
    };
    let parsed = match reqwest::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(_) if !url.contains("://") => return Some(scheme_ok()),
        Err(error) => {
            return Some((
                format!("服务器地址无效: {url} ({error})"),
                format!("the server address is not a valid URL: {url} ({error})"),
            ))
        }
    };

    if !matches!(parsed.scheme(), "http" | "https") {
        return Some(scheme_ok());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Some((
            format!("服务器地址缺少主机名: {url}"),
            format!("the server address has no host name: {url}"),
        ));
    }

    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environments_serialise_as_a_kind_with_an_optional_url() {
        let custom = Environment::Custom("https://oms.example.com".into());

        let written = serde_json::to_value(&custom).unwrap();
        let production = serde_json::to_value(Environment::Production).unwrap();

        assert_eq!(
            written,
            serde_json::json!({"kind": "custom", "url": "https://oms.example.com"})
        );
        assert_eq!(production, serde_json::json!({"kind": "production"}));
        assert_eq!(
            serde_json::from_value::<Environment>(written).unwrap(),
            custom,
            "a custom environment must read back unchanged"
        );
    }

    #[test]
    fn the_api_key_is_written_but_the_kind_carries_no_secret() {
        let kind = CredentialsKind::KeyAndSecret {
            api_key: "AK-123".into(),
        };

        let written = serde_json::to_value(&kind).unwrap();

        assert_eq!(
            written,
            serde_json::json!({"kind": "keyAndSecret", "apiKey": "AK-123"})
        );
    }

    #[test]
    fn fixed_environments_have_the_documented_hosts_and_the_sandbox_needs_its_address() {
        assert_eq!(
            Environment::Production.base_url(None).unwrap(),
            "https://oms-api.zbao56.com"
        );
        assert_eq!(
            Environment::VendorTest.base_url(None).unwrap(),
            "https://oms-api-dev.zbao56.com"
        );
        assert_eq!(
            Environment::LocalSandbox
                .base_url(Some("http://127.0.0.1:40123"))
                .unwrap(),
            "http://127.0.0.1:40123"
        );
        assert!(
            matches!(
                Environment::LocalSandbox.base_url(None),
                Err(AccountsError::SandboxNotRunning)
            ),
            "without a running sandbox there is no address to use"
        );
    }

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_servers() {
        assert_eq!(url_problem("https://oms.example.com:8443/base"), None);
        assert_eq!(url_problem("http://127.0.0.1:9000"), None);

        for bad in [
            "",
            "oms.example.com",
            "ftp://oms.example.com",
            "https://",
            "file:///etc",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?} must be refused");
        }
    }
}
