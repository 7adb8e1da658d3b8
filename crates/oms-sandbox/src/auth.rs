//! Token checks exactly as SPEC.md §1 describes them, using the parser and verifier of
//! `oms_api::auth`, so the sandbox accepts precisely the tokens the client mints. Every refusal
//! says in Chinese and English what was wrong, because "401" alone sends a seller hunting.

use oms_api::auth::TokenParts;
use oms_api::Secret;
use std::time::Duration;

use crate::store::Account;

/// Why a request was not authenticated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthFailure {
    /// No `Authorization` header.
    Missing,
    /// The header is not a token of the documented form.
    Malformed(String),
    /// The token names an API key the sandbox does not know.
    UnknownKey(String),
    /// The signature was not made with the account's secret.
    BadSignature,
    /// The token was minted too long ago.
    Expired {
        /// Seconds since minting.
        age_seconds: u64,
    },
    /// The token's time lies too far in the future (a clock set wrong).
    FromTheFuture {
        /// Seconds ahead.
        ahead_seconds: u64,
    },
}

impl AuthFailure {
    /// The envelope message.
    pub fn message(&self) -> String {
        match self {
            Self::Missing => "缺少 Authorization 令牌 (missing Authorization token)".to_owned(),
            Self::Malformed(detail) => format!("令牌格式错误 (malformed token): {detail}"),
            Self::UnknownKey(key) => format!("API key 不存在 (unknown API key): {key}"),
            Self::BadSignature => {
                "令牌签名无效，请检查 API secret (invalid token signature, check the API secret)"
                    .to_owned()
            }
            Self::Expired { age_seconds } => format!(
                "令牌已过期 (token expired): 生成于 {age_seconds} 秒前 (minted {age_seconds} s ago)"
            ),
            Self::FromTheFuture { ahead_seconds } => format!(
                "令牌时间超前 {ahead_seconds} 秒，请校准时钟 \
                 (token timestamp {ahead_seconds} s in the future, check the clock)"
            ),
        }
    }
}

/// Checks an `Authorization` header value: it must parse, name a known account, carry a
/// signature made with that account's secret, and have been minted within `window` of `now_ms`
/// (either side).
pub fn check_token(
    header: Option<&str>,
    now_ms: u64,
    window: Duration,
    account_of: impl FnOnce(&str) -> Option<Account>,
) -> Result<Account, AuthFailure> {
    let token = header
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .ok_or(AuthFailure::Missing)?;

    let parts = TokenParts::parse(token).map_err(|e| AuthFailure::Malformed(e.to_string()))?;

    let account =
        account_of(&parts.api_key).ok_or_else(|| AuthFailure::UnknownKey(parts.api_key.clone()))?;
    if !parts.verify(&Secret::new(account.api_secret.clone())) {
        return Err(AuthFailure::BadSignature);
    }

    let window_ms = window.as_millis() as u64;
    if now_ms > parts.timestamp_ms + window_ms {
        return Err(AuthFailure::Expired {
            age_seconds: (now_ms - parts.timestamp_ms) / 1000,
        });
    }
    if parts.timestamp_ms > now_ms + window_ms {
        return Err(AuthFailure::FromTheFuture {
            ahead_seconds: (parts.timestamp_ms - now_ms) / 1000,
        });
    }

    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oms_api::auth::mint_token;

    const NOW: u64 = 1_762_175_511_917;
    const WINDOW: Duration = Duration::from_secs(600);

    fn demo() -> Option<Account> {
        Some(Account {
            api_key: "key-1".to_owned(),
            api_secret: "secret-1".to_owned(),
            name: "Demo".to_owned(),
        })
    }

    fn token(secret: &str, at: u64) -> String {
        mint_token(
            "key-1",
            &Secret::new(secret),
            at,
            "0123456789abcdef0123456789abcdef",
        )
        .expose()
        .to_owned()
    }

    #[test]
    fn a_fresh_token_of_the_right_secret_passes() {
        let account = check_token(Some(&token("secret-1", NOW - 5_000)), NOW, WINDOW, |_| {
            demo()
        });

        assert_eq!(account.map(|a| a.api_key), Ok("key-1".to_owned()));
    }

    #[test]
    fn each_wrong_token_gets_its_own_reason() {
        let check = |header: Option<&str>| check_token(header, NOW, WINDOW, |_| demo());

        assert_eq!(check(None), Err(AuthFailure::Missing));
        assert!(matches!(check(Some("%%")), Err(AuthFailure::Malformed(_))));
        assert_eq!(
            check(Some(&token("forged", NOW))),
            Err(AuthFailure::BadSignature)
        );
        assert_eq!(
            check(Some(&token("secret-1", NOW - 601_000))),
            Err(AuthFailure::Expired { age_seconds: 601 })
        );
        assert_eq!(
            check(Some(&token("secret-1", NOW + 700_000))),
            Err(AuthFailure::FromTheFuture { ahead_seconds: 700 })
        );
    }

    #[test]
    fn an_unknown_key_is_named() {
        let outcome = check_token(Some(&token("secret-1", NOW)), NOW, WINDOW, |_| None);

        assert_eq!(outcome, Err(AuthFailure::UnknownKey("key-1".to_owned())));
        assert!(AuthFailure::Expired { age_seconds: 1 }
            .message()
            .contains("令牌已过期 (token expired)"));
    }
}
