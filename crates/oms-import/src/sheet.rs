//! Reads a CSV or XLSX file into rows of text, numbered as the seller sees them in Excel.
//!
//! A CSV from Excel in China is GB18030 (GBK) while one from elsewhere is UTF-8, with or without
//! a byte-order mark; the file does not say which, so the bytes decide: valid UTF-8 is UTF-8,
//! anything else is GB18030. An XLSX keeps numbers as numbers, so each numeric cell is turned
//! into the digits Excel shows, never an exponent, and remembered so the importer can warn when
//! a SKU, postcode or phone column was stored as numbers (leading zeros are then already gone).

use calamine::{Data, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::Cursor;

use crate::error::{Error, Result};
use crate::text;

/// The kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum FileFormat {
    /// Comma-separated text (a `;` or tab separator is detected too).
    Csv,
    /// An Excel workbook; the first sheet is read.
    Xlsx,
}

/// The text encoding of a CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8WithBom,
    /// GB18030, a superset of GBK and GB2312 (Excel's "CSV" on a Chinese Windows).
    Gb18030,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl TextEncoding {
    /// Encodes text in this encoding, with the byte-order mark where the encoding has one.
    pub(crate) fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Self::Utf8 => text.as_bytes().to_vec(),
            Self::Utf8WithBom => [UTF8_BOM, text.as_bytes()].concat(),
            Self::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
        }
    }
}

/// One non-blank row of the file.
#[derive(Debug)]
pub(crate) struct SheetRow {
    /// The row number Excel shows (1-based).
    pub number: usize,
    /// Normalised cell texts, by column (0 = column A).
    pub cells: Vec<String>,
    /// Columns whose cell was an Excel number.
    pub numeric: Vec<usize>,
}

impl SheetRow {
    /// The normalised text of a column, empty when the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// A file read into rows.
#[derive(Debug)]
pub(crate) struct Sheet {
    pub format: FileFormat,
    pub encoding: Option<TextEncoding>,
    /// Non-blank rows, the header first.
    pub rows: Vec<SheetRow>,
}

/// Tells CSV from XLSX by the content, not the name: an XLSX is a ZIP archive.
pub(crate) fn detect_format(bytes: &[u8]) -> Result<FileFormat> {
    if bytes.starts_with(b"PK\x03\x04") {
        Ok(FileFormat::Xlsx)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Err(Error::format(
            "这是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
            "this is an old Excel file (.xls); save it as .xlsx or CSV in Excel and import that",
        ))
    } else {
        Ok(FileFormat::Csv)
    }
}

/// Reads a file's bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<Sheet> {
    match detect_format(bytes)? {
        FileFormat::Csv => read_csv(bytes),
        FileFormat::Xlsx => read_xlsx(bytes),
    }
}

/// Decodes CSV bytes: UTF-8 (a byte-order mark is dropped) when valid, otherwise GB18030.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return (String::from_utf8_lossy(rest), TextEncoding::Utf8WithBom);
    }

    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (text, TextEncoding::Gb18030)
        }
    }
}

/// The separator of the first line: `,`, `;` or tab, whichever occurs most (`,` on a tie).
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or("");
    let count = |c: char| first_line.matches(c).count();

    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (count(*d as char), *d == b','))
        .unwrap_or(b',')
}

/// CSV records as raw strings, in file order; record `i` is row `i + 1`.
pub(crate) fn csv_records(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());

    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| {
                    Error::format(
                        format!("CSV 文件格式有误：{e}"),
                        format!("the CSV file is malformed: {e}"),
                    )
                })
        })
        .collect()
}

fn read_csv(bytes: &[u8]) -> Result<Sheet> {
    let (text, encoding) = decode(bytes);
    let delimiter = detect_delimiter(&text);

    let rows = csv_records(&text, delimiter)?
        .into_iter()
        .enumerate()
        .map(|(index, record)| SheetRow {
            number: index + 1,
            cells: record.iter().map(|cell| text::normalize(cell)).collect(),
            numeric: Vec::new(),
        })
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .collect();

    Ok(Sheet {
        format: FileFormat::Csv,
        encoding: Some(encoding),
        rows,
    })
}

/// Opens an XLSX workbook held in memory.
pub(crate) fn open_xlsx(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        Error::format(
            format!("无法读取 Excel 文件：{e}"),
            format!("the Excel file cannot be read: {e}"),
        )
    })
}

/// The text of one XLSX cell, and whether it was a number.
pub(crate) fn cell_text(cell: &Data) -> (String, bool) {
    match cell {
        Data::Empty => (String::new(), false),
        Data::String(text) => (text.clone(), false),
        Data::Int(value) => (value.to_string(), true),
        Data::Float(value) => (text::number_text(*value), true),
        Data::Bool(value) => (value.to_string(), false),
        Data::DateTime(value) if value.is_datetime() => {
            (text::date_text(value.to_ymd_hms_milli()), false)
        }
        Data::DateTime(value) => (text::number_text(value.as_f64()), true),
        Data::DateTimeIso(text) | Data::DurationIso(text) => (text.clone(), false),
        Data::Error(error) => (format!("#{error:?}"), false),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet> {
    let mut workbook = open_xlsx(bytes)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(Error::Empty)?
        .map_err(|e| {
            Error::format(
                format!("无法读取第一个工作表：{e}"),
                format!("the first sheet cannot be read: {e}"),
            )
        })?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));

    let mut rows = Vec::new();
    for (index, cells) in range.rows().enumerate() {
        let mut texts = vec![String::new(); first_column as usize];
        let mut numeric = Vec::new();
        for (offset, cell) in cells.iter().enumerate() {
            let (raw, is_number) = cell_text(cell);
            if is_number {
                numeric.push(first_column as usize + offset);
            }
            texts.push(text::normalize(&raw));
        }
        if texts.iter().any(|c| !c.is_empty()) {
            rows.push(SheetRow {
                number: first_row as usize + index + 1,
                cells: texts,
                numeric,
            });
        }
    }

    Ok(Sheet {
        format: FileFormat::Xlsx,
        encoding: None,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart_by_the_bytes() {
        let gbk = encoding_rs::GB18030.encode("收件人,城市\n张三,北京\n").0;
        let (text, encoding) = decode(&gbk);
        assert_eq!(encoding, TextEncoding::Gb18030);
        assert!(text.starts_with("收件人"), "decoded: {text}");

        let bom = [UTF8_BOM, "收件人".as_bytes()].concat();
        assert_eq!(
            decode(&bom),
            (Cow::Borrowed("收件人"), TextEncoding::Utf8WithBom)
        );
        assert_eq!(decode(b"sku").1, TextEncoding::Utf8);
    }

    #[test]
    fn separators_are_detected_from_the_header() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("a,b\n"), b',');
        assert_eq!(detect_delimiter("single"), b',');
    }

    #[test]
    fn xls_files_are_refused_with_advice() {
        let error = detect_format(b"\xD0\xCF\x11\xE0rest").unwrap_err();
        assert!(error.to_string().contains(".xlsx"), "{error}");
    }
}
