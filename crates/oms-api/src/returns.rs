//! placeholder

use serde_json::Value;

use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::Client;

pub(crate) async fn dispatch(
    _client: &Client,
    _id: EndpointId,
    _body: Value,
) -> Result<Option<crate::dispatch::CallOutput>> {
    Ok(None)
}
