//! The public module (公共模块): the welcome call that tells whether a token is accepted ("Test
//! connection"), the list of return codes, and the sandbox token generator.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};
use crate::{Client, Credentials, Secret};

/// The welcome call takes no fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WelcomeRequest {
    /// Ignored; kept so unknown input does not fail.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for WelcomeRequest {
    fn validate(&self, _check: &mut Validator) {}
}

/// The return-code list takes no fields.
pub type ReturnCodesRequest = WelcomeRequest;

/// One documented return code (inferred shape).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReturnCode {
    /// The code, as text.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub code: String,
    /// What it means.
    #[serde(default, with = "wire::text")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub message: String,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// `GET /open/open/api-token?apiKey=`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SandboxTokenRequest {
    /// The API key to mint a token for.
    #[serde(default)]
    pub api_key: String,
    /// Ignored.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Validate for SandboxTokenRequest {
    fn validate(&self, check: &mut Validator) {
        check.required_text("apiKey", Some(&self.api_key));
        check.max_len("apiKey", Some(&self.api_key), 128);
    }
}

impl Client {
    /// `GET /open`: succeeds when the server accepts our credentials.
    pub async fn welcome(&self) -> Result<Value> {
        self.get(EndpointId::Welcome, &[], true).await
    }

    /// `GET /open/open/codes`: the return codes the server documents.
    pub async fn return_codes(&self) -> Result<Vec<ReturnCode>> {
        self.get(EndpointId::ReturnCodes, &[], true).await
    }

    /// `GET /open/open/api-token?apiKey=`: a token made by the server (sandbox and vendor test
    /// hosts). Sent without `Authorization`.
    pub async fn sandbox_token(&self, request: &SandboxTokenRequest) -> Result<Secret> {
        request.check()?;

        let token: String = self
            .get(
                EndpointId::SandboxToken,
                &[("apiKey", request.api_key.as_str())],
                false,
            )
            .await?;

        Ok(Secret::new(token))
    }
}

/// Asks a server for a sandbox token without any credentials.
pub async fn fetch_sandbox_token(base_url: &str, api_key: &str) -> Result<Secret> {
    let client = Client::new(base_url, Credentials::token("not-sent"))?;

    client
        .sandbox_token(&SandboxTokenRequest {
            api_key: api_key.to_owned(),
            extra: Extra::new(),
        })
        .await
}

pub(crate) async fn dispatch(
    client: &Client,
    id: EndpointId,
    body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    use crate::dispatch::{json, parse};

    Ok(Some(match id {
        EndpointId::Welcome => {
            let request: WelcomeRequest = parse(body)?;
            request.check()?;
            json(client.welcome().await?)?
        }
        EndpointId::ReturnCodes => {
            let request: ReturnCodesRequest = parse(body)?;
            request.check()?;
            json(client.return_codes().await?)?
        }
        EndpointId::SandboxToken => {
            let token = client.sandbox_token(&parse(body)?).await?;
            json(token.expose())?
        }
        _ => return Ok(None),
    }))
}
