//! The app's commands, one file per OMS module. Each is `<verb>_<noun>`, takes the active
//! account's client from the state and makes one call; errors reach the UI as
//! [`oms_desk_core::CommandError`].

pub mod accounts;
pub mod bulk;
pub mod common;
pub mod files;
pub mod inbound;
pub mod inventory;
pub mod label;
pub mod outbound;
pub mod platform;
pub mod product;
pub mod returns;
