//! Credentials and the token scheme of SPEC.md §1.
//!
//! A seller holds either a ready-made API token, or an API key with its secret. With a key and
//! secret a fresh token is minted for every request (the server may reject old timestamps), so a
//! minted token is never cached. The same parsing and verification code serves the local
//! sandbox, so client and server cannot disagree on the scheme.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::Secret;

/// How the client proves who it is.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// A token the seller already has (for example from the sandbox generator); sent as is.
    ApiToken(Secret),
    /// An API key and secret; a fresh token is minted for every request.
    KeyAndSecret {
        /// The public API key.
        api_key: String,
        /// The API secret used as the HMAC key.
        api_secret: Secret,
    },
}

impl Credentials {
    /// Credentials from a ready-made token.
    pub fn token(token: impl Into<String>) -> Self {
        Self::ApiToken(Secret::new(token))
    }

    /// Credentials from an API key and secret.
    pub fn key_and_secret(api_key: impl Into<String>, api_secret: impl Into<String>) -> Self {
        Self::KeyAndSecret {
            api_key: api_key.into(),
            api_secret: Secret::new(api_secret),
        }
    }

    /// The value of the `Authorization` header for the next request.
    pub fn authorization(&self) -> Secret {
        match self {
            Self::ApiToken(token) => token.clone(),
            Self::KeyAndSecret {
                api_key,
                api_secret,
            } => mint_token_now(api_key, api_secret),
        }
    }

    /// The API key, when the credentials carry one.
    pub fn api_key(&self) -> Option<&str> {
        match self {
            Self::ApiToken(_) => None,
            Self::KeyAndSecret { api_key, .. } => Some(api_key),
        }
    }
}

/// Mints a token for the current time with a random nonce.
pub fn mint_token_now(api_key: &str, api_secret: &Secret) -> Secret {
    mint_token(api_key, api_secret, now_millis(), &new_nonce())
}

/// A random nonce: a UUID without dashes (32 lowercase hex characters).
pub fn new_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Mints the token for a given timestamp (epoch milliseconds) and nonce (32 hex characters).
pub fn mint_token(api_key: &str, api_secret: &Secret, timestamp_ms: u64, nonce: &str) -> Secret {
    let signature = sign(api_secret, timestamp_ms, nonce);

    let plain = format!("{api_key}-{timestamp_ms}-{nonce}-{signature}");

    Secret::new(BASE64.encode(plain.as_bytes()))
}

/// Base64 of HMAC-SHA256(secret, "<ts>-<nonce>").
fn sign(api_secret: &Secret, timestamp_ms: u64, nonce: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(api_secret.expose().as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(format!("{timestamp_ms}-{nonce}").as_bytes());

    BASE64.encode(mac.finalize().into_bytes())
}

/// Current time in epoch milliseconds.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// The parts of a token, after Base64 decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenParts {
    /// The API key the token claims.
    pub api_key: String,
    /// Epoch milliseconds at minting.
    pub timestamp_ms: u64,
    /// The random nonce.
    pub nonce: String,
    /// Base64 HMAC-SHA256 signature.
    pub signature: String,
}

/// Why a token could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not Base64, not UTF-8, or not `<key>-<ts>-<nonce>-<signature>`.
    #[error("the token is malformed: {0}")]
    Malformed(&'static str),
}

impl TokenParts {
    /// Reads a token. The key may itself contain `-`, so the parts are split from the right.
    pub fn parse(token: &str) -> Result<Self, TokenError> {
        let decoded = BASE64
            .decode(token.trim().as_bytes())
            .map_err(|_| TokenError::Malformed("not Base64"))?;
        let text = String::from_utf8(decoded).map_err(|_| TokenError::Malformed("not UTF-8"))?;

        let mut parts = text.rsplitn(4, '-');
        let signature = parts.next().unwrap_or_default().to_owned();
        let nonce = parts
            .next()
            .ok_or(TokenError::Malformed("no nonce"))?
            .to_owned();
        let timestamp = parts.next().ok_or(TokenError::Malformed("no timestamp"))?;
        let api_key = parts
            .next()
            .ok_or(TokenError::Malformed("no API key"))?
            .to_owned();

        let timestamp_ms = timestamp
            .parse()
            .map_err(|_| TokenError::Malformed("timestamp is not a number"))?;
        if api_key.is_empty() || nonce.is_empty() || signature.is_empty() {
            return Err(TokenError::Malformed("empty part"));
        }

        Ok(Self {
            api_key,
            timestamp_ms,
            nonce,
            signature,
        })
    }

    /// True when the signature was made with `api_secret`.
    pub fn verify(&self, api_secret: &Secret) -> bool {
        let Ok(claimed) = BASE64.decode(self.signature.as_bytes()) else {
            return false;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(api_secret.expose().as_bytes())
            .expect("HMAC accepts keys of any length");
        mac.update(format!("{}-{}", self.timestamp_ms, self.nonce).as_bytes());

        mac.verify_slice(&claimed).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minted_token_parses_and_verifies_with_its_secret_only() {
        let secret = Secret::new("s3cret");

        let token = mint_token("key-with-dash", &secret, 1_700_000_000_000, "abc123");
        let parts = TokenParts::parse(token.expose()).expect("minted token parses");

        assert_eq!(parts.api_key, "key-with-dash");
        assert_eq!(parts.timestamp_ms, 1_700_000_000_000);
        assert!(parts.verify(&secret));
        assert!(
            !parts.verify(&Secret::new("other")),
            "a wrong secret must not verify"
        );
    }

    #[test]
    fn garbage_is_malformed() {
        assert!(TokenParts::parse("%%%").is_err());
        assert!(TokenParts::parse(&BASE64.encode("no-dashes")).is_err());
    }
}
