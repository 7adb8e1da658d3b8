//! What an import found: the orders built from the file, and every problem tied to the row and
//! column the seller has to fix. The app shows it as a table; the batch runner sends the valid
//! orders; the error copy writes the problems next to their rows.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::columns::ImportKind;
use crate::sheet::{FileFormat, TextEncoding};

/// One problem with one cell (or, when `column` is `None`, with a row as a whole).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellError {
    /// The row number as Excel shows it (the header is usually row 1).
    pub row: usize,
    /// The column's header as written in the file; `None` when no column of the file holds the
    /// field (for example a product with neither a Chinese nor an English name column).
    pub column: Option<String>,
    /// The column's position in the file (0 = column A), when `column` is set.
    pub column_index: Option<usize>,
    /// The wire field with its path, as validation names it: `itemDTOs[1].quantity`.
    pub field: String,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
}

impl CellError {
    /// The message as the error copy writes it: `数量: 不能小于 1 (must be at least 1)`.
    pub fn message(&self) -> String {
        let place = self.column.as_deref().unwrap_or(&self.field);

        format!("{place}: {} ({})", self.zh, self.en)
    }
}

/// Something the seller should know that does not stop the import (an unknown column, a SKU
/// column Excel stored as numbers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// The row it is about, when it is about one.
    pub row: Option<usize>,
    /// The column's header as written in the file, when it is about one.
    pub column: Option<String>,
    /// The warning in Chinese.
    pub zh: String,
    /// The warning in English.
    pub en: String,
}

/// One order (or product) built from one or more rows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedOrder<T> {
    /// Its `platformOrderNo`, `referenceNo` or `productSku` (empty when the cell was).
    pub reference: String,
    /// The file rows it was built from, in file order; line `i` came from `rows[i]`.
    pub rows: Vec<usize>,
    /// The request, with every cell that could be read.
    pub request: T,
    /// True when none of its rows has an error: it can be sent.
    pub valid: bool,
}

/// The result of importing one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport<T> {
    /// What the file holds.
    pub kind: ImportKind,
    /// CSV or XLSX.
    pub format: FileFormat,
    /// The encoding a CSV was read in (`None` for XLSX).
    pub encoding: Option<TextEncoding>,
    /// How many data rows (not blank, not the header) were read.
    pub rows: usize,
    /// Every order built, valid or not, in the order of their first rows.
    pub orders: Vec<ImportedOrder<T>>,
    /// Every problem, sorted by row and column.
    pub errors: Vec<CellError>,
    /// Things to know that do not stop the import.
    pub warnings: Vec<Warning>,
}

impl<T> ImportReport<T> {
    /// True when every row can be sent.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The orders without errors, ready to send.
    pub fn valid_orders(&self) -> impl Iterator<Item = &ImportedOrder<T>> {
        self.orders.iter().filter(|order| order.valid)
    }

    /// The errors grouped by row.
    pub fn errors_by_row(&self) -> BTreeMap<usize, Vec<&CellError>> {
        let mut rows: BTreeMap<usize, Vec<&CellError>> = BTreeMap::new();
        for error in &self.errors {
            rows.entry(error.row).or_default().push(error);
        }

        rows
    }

    /// Every order with the first file row it came from, in file order: the shape a batch run
    /// records (a row number too large for `u32` is kept as `u32::MAX`).
    pub fn into_rows(self) -> Vec<(u32, T)> {
        self.orders
            .into_iter()
            .map(|order| {
                let first = order.rows.first().copied().unwrap_or_default();
                (u32::try_from(first).unwrap_or(u32::MAX), order.request)
            })
            .collect()
    }
}
