//! Fixture builders shared by the import tests: every file is made here, in code, so a test
//! shows exactly which bytes it reads.

#![allow(dead_code)]

use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// A cell of a generated XLSX sheet.
pub enum Cell<'a> {
    /// A text cell.
    Text(&'a str),
    /// A number cell, as a seller gets when Excel converts what they typed.
    Number(f64),
    /// An empty cell.
    Blank,
}

/// CSV text from rows of cells, quoting where needed.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("in-memory CSV");
    }

    String::from_utf8(writer.into_inner().expect("flush")).expect("UTF-8")
}

/// Rows of `&str` as owned rows.
pub fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

/// An XLSX workbook with one sheet holding `rows`.
pub fn xlsx(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(r, c, *text).expect("write text");
                }
                Cell::Number(value) => {
                    sheet.write_number(r, c, *value).expect("write number");
                }
                Cell::Blank => {}
            }
        }
    }

    workbook.save_to_buffer().expect("save workbook")
}

/// Writes `bytes` to `name` in `dir` and returns the path.
pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");

    path
}

/// The (row, column) pairs of a report's errors.
pub fn places(errors: &[oms_import::CellError]) -> Vec<(usize, String)> {
    errors
        .iter()
        .map(|e| {
            (
                e.row,
                e.column.clone().unwrap_or_else(|| format!("<{}>", e.field)),
            )
        })
        .collect()
}
