//! Helpers shared by the integration tests: starting a sandbox and calling it ([`sandbox`]),
//! and checking label PDFs with the tools a person would use ([`pdf`]). Each test file uses
//! only some of them.
#![allow(dead_code)]

pub mod asn;
pub mod pdf;
pub mod sandbox;
