//! `oms-import`: turns a seller's spreadsheet into typed, validated OMS create requests. It has no
//! Tauri inside, so the desktop app's import screen and `oms import` on the command line read a
//! file the same way and report the same problems.
//!
//! A file is a CSV (UTF-8 with or without a byte-order mark, or GB18030/GBK as Excel saves it
//! in China) or an XLSX workbook (its first sheet). Its first non-blank row is the header; each
//! header may be the column's Chinese or English name or its wire name, in any order. Each
//! following row is one line: rows with the same `platformOrderNo` (platform orders) or
//! `referenceNo` (B2C orders) form one order with several lines, its order fields taken from the
//! first of them. Every order is checked with `oms-api`'s own validation before anything could be
//! sent, and every problem is reported by the row and column the seller has to fix.
//!
//! How cells are read:
//! - every cell is trimmed, and full-width digits, letters and spaces (`０１２`, `　`) become ASCII;
//! - SKUs, postcodes, phones and other text columns stay text: `01234` keeps its zero;
//! - an XLSX number cell reads as the digits Excel shows: integers without `.0` or exponent
//!   (`1.2E+12` → `1200000000000`), other numbers rounded to Excel's 15 significant digits with
//!   trailing zeros removed (`0.1 + 0.2` → `0.3`); a text column stored as numbers is read that
//!   way and warned about, because a leading zero Excel dropped cannot come back;
//! - an XLSX date cell reads as `yyyy-MM-dd HH:mm:ss`; a time column accepts RFC 3339 or
//!   `yyyy-MM-dd HH:mm[:ss]` (also with `/`), a time without an offset being taken as UTC;
//! - codes (pick type, yes/no…) are given as the code or its Chinese or English label.
//!
//! ```no_run
//! use oms_api::platform::PlatformOrderCreate;
//! use std::path::Path;
//!
//! let path = Path::new("orders.csv");
//! let report = oms_import::import::<PlatformOrderCreate>(path)?;
//! if !report.is_clean() {
//!     oms_import::write_errors_copy(path, &report.errors, &oms_import::errors_copy_path(path))?;
//! }
//! # Ok::<(), oms_import::Error>(())
//! ```

mod assemble;
mod columns;
mod error;
mod report;
mod sheet;
mod text;
mod write;

use oms_api::outbound::B2cOrderCreate;
use oms_api::platform::PlatformOrderCreate;
use oms_api::product::Product;
use oms_api::Validate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use std::path::Path;

pub use assemble::ERRORS_HEADER;
pub use columns::{Column, ImportKind, ValueKind};
pub use error::{Error, Result};
pub use report::{CellError, ImportReport, ImportedOrder, Warning};
pub use sheet::{FileFormat, TextEncoding};
pub use write::{errors_copy_path, template, write_errors_copy, Language};

/// A request type a spreadsheet can be imported into.
pub trait Importable: Validate + Serialize + DeserializeOwned + Clone + Debug {
    /// The kind of spreadsheet that holds it.
    const KIND: ImportKind;
}

impl Importable for PlatformOrderCreate {
    const KIND: ImportKind = ImportKind::PlatformOrders;
}

impl Importable for B2cOrderCreate {
    const KIND: ImportKind = ImportKind::B2cOrders;
}

impl Importable for Product {
    const KIND: ImportKind = ImportKind::Products;
}

/// Imports the file at `path` as requests of type `T`.
///
/// # Errors
/// Only problems with the file as a whole: it cannot be read, is not CSV or XLSX, is empty, lacks
/// a required column or has one twice. Problems of rows and cells are in the report.
pub fn import<T: Importable>(path: &Path) -> Result<ImportReport<T>> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;

    import_bytes(&bytes)
}

/// Imports a file's content (for a file dropped on the app, or made in memory).
///
/// # Errors
/// As [`import`], except reading the file.
pub fn import_bytes<T: Importable>(bytes: &[u8]) -> Result<ImportReport<T>> {
    let sheet = sheet::read(bytes)?;

    assemble::assemble(sheet)
}

/// The report of an import whose kind is chosen at run time (by the app's screen or the
/// command line's argument).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnyReport {
    /// Platform orders.
    PlatformOrders(ImportReport<PlatformOrderCreate>),
    /// B2C orders.
    B2cOrders(ImportReport<B2cOrderCreate>),
    /// Products.
    Products(ImportReport<Product>),
}

impl AnyReport {
    /// The kind imported.
    pub fn kind(&self) -> ImportKind {
        match self {
            Self::PlatformOrders(r) => r.kind,
            Self::B2cOrders(r) => r.kind,
            Self::Products(r) => r.kind,
        }
    }

    /// Every problem, by row and column.
    pub fn errors(&self) -> &[CellError] {
        match self {
            Self::PlatformOrders(r) => &r.errors,
            Self::B2cOrders(r) => &r.errors,
            Self::Products(r) => &r.errors,
        }
    }

    /// Warnings that did not stop the import.
    pub fn warnings(&self) -> &[Warning] {
        match self {
            Self::PlatformOrders(r) => &r.warnings,
            Self::B2cOrders(r) => &r.warnings,
            Self::Products(r) => &r.warnings,
        }
    }

    /// How many data rows were read.
    pub fn rows(&self) -> usize {
        match self {
            Self::PlatformOrders(r) => r.rows,
            Self::B2cOrders(r) => r.rows,
            Self::Products(r) => r.rows,
        }
    }

    /// How many orders (or products) were built, and how many of them are valid.
    pub fn order_counts(&self) -> (usize, usize) {
        fn counts<T>(report: &ImportReport<T>) -> (usize, usize) {
            (report.orders.len(), report.valid_orders().count())
        }

        match self {
            Self::PlatformOrders(r) => counts(r),
            Self::B2cOrders(r) => counts(r),
            Self::Products(r) => counts(r),
        }
    }
}

/// Imports the file at `path` as `kind`.
///
/// # Errors
/// As [`import`].
pub fn import_file(kind: ImportKind, path: &Path) -> Result<AnyReport> {
    Ok(match kind {
        ImportKind::PlatformOrders => AnyReport::PlatformOrders(import(path)?),
        ImportKind::B2cOrders => AnyReport::B2cOrders(import(path)?),
        ImportKind::Products => AnyReport::Products(import(path)?),
    })
}
