//! Secrets (API secrets and tokens) live in their own type so that they cannot leak by accident:
//! `Debug` prints `<redacted>`, there is no `Display`, and the type does not implement
//! `Serialize`, so a secret can never end up in a log line, an error message or a settings file.

use std::fmt;

/// A secret string: an API secret or an API token.
///
/// Read it with [`Secret::expose`] only at the point where it is put on the wire.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret text. Call this only to send or store the secret, never to log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("hunter2");

        let printed = format!("{secret:?} {:?}", Some(&secret));

        assert!(
            !printed.contains("hunter2"),
            "Debug output leaked the secret: {printed}"
        );
        assert!(printed.contains("<redacted>"));
    }
}
