//! Sends any endpoint from raw JSON, through the typed request and response of its module: the
//! body is parsed into the request type (a wrong type becomes a field error naming the path),
//! validated, sent, and the typed answer is turned back into JSON. The command line's `oms call`
//! and any "advanced" screen use this, so they share every rule of the typed client.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::endpoints::{EndpointId, Module};
use crate::error::{Error, FieldError, Result};
use crate::files::DownloadedFile;
use crate::Client;

/// What a call returns.
#[derive(Debug)]
pub enum CallOutput {
    /// The envelope's `data`, as typed by the module and written back as JSON.
    Json(Value),
    /// A downloaded file (box labels, SKU barcodes, an express label).
    File(DownloadedFile),
}

/// Parses `body` into the endpoint's request type, validates it, sends it and returns the answer.
pub async fn call_json(client: &Client, id: EndpointId, body: Value) -> Result<CallOutput> {
    let routed = match id.endpoint().module {
        Module::Public => crate::public::dispatch(client, id, body).await?,
        Module::Common => crate::common::dispatch(client, id, body).await?,
        Module::Product => crate::product::dispatch(client, id, body).await?,
        Module::Inbound => crate::inbound::dispatch(client, id, body).await?,
        Module::Outbound => crate::outbound::dispatch(client, id, body).await?,
        Module::Return => crate::returns::dispatch(client, id, body).await?,
        Module::Inventory => crate::inventory::dispatch(client, id, body).await?,
        Module::Label => crate::label::dispatch(client, id, body).await?,
        Module::Platform => crate::platform::dispatch(client, id, body).await?,
    };

    routed.ok_or_else(|| Error::Config(format!("endpoint {id} has no route in its module")))
}

/// Parses a request body; a field of the wrong type becomes a field error with its path.
pub fn parse<T: DeserializeOwned>(body: Value) -> Result<T> {
    serde_path_to_error::deserialize(body).map_err(|error| {
        let path = error.path().to_string();
        let field = if path == "." {
            "(body)".to_owned()
        } else {
            path
        };
        let reason = error.inner().to_string();

        Error::Validation(vec![FieldError {
            field,
            zh: format!("格式不正确：{reason}"),
            en: format!("has the wrong format: {reason}"),
        }])
    })
}

/// Turns a typed answer back into JSON.
pub fn json<T: Serialize>(value: T) -> Result<CallOutput> {
    serde_json::to_value(value)
        .map(CallOutput::Json)
        .map_err(|e| Error::Config(format!("the answer cannot be written as JSON: {e}")))
}
