//! The stored request and response fixtures, and the small readers the validation tests share:
//! which fields a refusal names, and whether a fixture is valid and written back unchanged.

use oms_api::{Error, Validate};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The JSON of `tests/fixtures/<kind>/<endpoint>.json` (`kind` is `requests` or `responses`).
pub fn fixture(kind: &str, endpoint: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
        .join(format!("{endpoint}.json"));

    super::read_json(&path)
}

/// The stored request of `endpoint`, read into its type.
pub fn request_fixture<T: DeserializeOwned>(endpoint: &str) -> T {
    serde_json::from_value(fixture("requests", endpoint))
        .unwrap_or_else(|e| panic!("requests/{endpoint}.json does not fit its type: {e}"))
}

/// The stored response of `endpoint`, read into its type.
pub fn response_fixture<T: DeserializeOwned>(endpoint: &str) -> T {
    serde_json::from_value(fixture("responses", endpoint))
        .unwrap_or_else(|e| panic!("responses/{endpoint}.json does not fit its type: {e}"))
}

/// Reads the stored request of `endpoint` into `T`, checks it passes validation, and checks our
/// serializer writes it back exactly as stored.
pub fn assert_valid_and_unchanged<T: DeserializeOwned + Serialize + Validate>(endpoint: &str) {
    let stored = fixture("requests", endpoint);

    let typed: T = request_fixture(endpoint);

    if let Err(error) = typed.check() {
        panic!("requests/{endpoint}.json must be a valid request: {error}");
    }
    assert_eq!(
        serde_json::to_value(&typed).unwrap(),
        stored,
        "requests/{endpoint}.json must be exactly what our serializer writes"
    );
}

/// The fields named by a validation error, in the order found (none for any other error).
pub fn fields(error: &Error) -> Vec<&str> {
    error
        .field_errors()
        .iter()
        .map(|e| e.field.as_str())
        .collect()
}

/// The error `request` is refused with; panics when it passes validation.
pub fn refused<T: Validate>(request: &T) -> Error {
    request
        .check()
        .expect_err("the request is invalid and must be refused")
}
