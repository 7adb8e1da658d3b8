//! `oms-api`: a typed client for the OMS open API ("OMS开放接口文档") of an overseas fulfilment
//! warehouse. It has no Tauri inside, so the desktop app, the command line and the tests all use
//! the same code to talk to the warehouse.
//!
//! The contract it follows is `shared/oms-api/SPEC.md`. Each OMS module has its own module here
//! with a typed request and response for every endpoint; [`endpoints::ENDPOINTS`] is the one table
//! of methods and paths; [`dispatch::call_json`] sends any endpoint from raw JSON through the
//! same types, for the command line.

pub mod auth;
pub mod bulk;
pub mod client;
pub mod dispatch;
pub mod endpoints;
pub mod envelope;
pub mod error;
pub mod files;
pub mod iso;
pub mod paging;
pub mod secret;
pub mod validate;
pub mod wire;

pub mod common;
pub mod inbound;
pub mod inventory;
pub mod label;
pub mod outbound;
pub mod platform;
pub mod product;
pub mod public;
pub mod returns;

pub use auth::Credentials;
pub use client::{Client, ClientBuilder, RetryPolicy};
pub use endpoints::{Endpoint, EndpointId, ENDPOINTS};
pub use error::{ApiError, Error, FieldError, Result};
pub use files::{Attachment, DownloadedFile};
pub use paging::{CommonParam, Page, PageParam};
pub use secret::Secret;
pub use validate::{Validate, Validator};
pub use wire::{Code, Extra, YesNo};
