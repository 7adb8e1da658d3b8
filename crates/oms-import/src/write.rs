//! Files the importer writes: a copy of the seller's file with an `错误 / Errors` column holding
//! each row's problems, and the downloadable templates.
//!
//! The copy keeps the seller's format so they can fix it where they see it: a CSV stays a CSV in
//! the encoding it came in (GB18030 stays GB18030, a byte-order mark is kept), with the same
//! separator and the cells exactly as they were; an XLSX stays an XLSX with every sheet's values
//! (formatting and formulas are not carried over: each formula's last computed value is). The
//! copy is written to a temporary file beside the target and renamed over it, so a crash never
//! leaves half a file, and it may never be the original file itself.

use calamine::{Data, Reader};
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::assemble::{is_errors_header, ERRORS_HEADER};
use crate::columns::{ImportKind, ValueKind};
use crate::error::{Error, Result};
use crate::report::CellError;
use crate::sheet::{self, FileFormat, TextEncoding};

/// The language of a template's header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Language {
    /// Chinese headers (`平台订单号`).
    Zh,
    /// English headers (`Platform order no.`).
    En,
}

/// Where the error copy of `source` goes by default: `orders.csv` → `orders.errors.csv`.
pub fn errors_copy_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map_or_else(|| "import".into(), |s| s.to_string_lossy().into_owned());
    let name = match source.extension() {
        Some(extension) => format!("{stem}.errors.{}", extension.to_string_lossy()),
        None => format!("{stem}.errors"),
    };

    source.with_file_name(name)
}

/// Writes a copy of `source` to `target` with an `错误 / Errors` column holding each row's
/// messages (blank on rows without problems). A file that already has that column (a corrected
/// copy imported again) gets it replaced, not a second one. `source` is only read.
///
/// # Errors
/// [`Error::SamePath`] when `target` is `source`; [`Error::File`] when reading or writing fails;
/// [`Error::Format`] when `source` cannot be read as CSV or XLSX.
pub fn write_errors_copy(source: &Path, errors: &[CellError], target: &Path) -> Result<()> {
    if same_file(source, target) {
        return Err(Error::SamePath(source.display().to_string()));
    }
    let bytes = std::fs::read(source).map_err(|e| Error::file(source, e))?;

    let messages = row_messages(errors);
    let copy = match sheet::detect_format(&bytes)? {
        FileFormat::Csv => csv_copy(&bytes, &messages)?,
        FileFormat::Xlsx => xlsx_copy(&bytes, &messages)?,
    };

    write_atomically(target, &copy)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Each row's messages joined into one cell.
fn row_messages(errors: &[CellError]) -> BTreeMap<usize, String> {
    let mut rows: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for error in errors {
        rows.entry(error.row).or_default().push(error.message());
    }

    rows.into_iter()
        .map(|(row, messages)| (row, messages.join("; ")))
        .collect()
}

fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };

    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(|e| Error::file(target, e))?;
    file.write_all(bytes).map_err(|e| Error::file(target, e))?;
    file.as_file()
        .sync_all()
        .map_err(|e| Error::file(target, e))?;

    file.persist(target)
        .map(|_| ())
        .map_err(|e| Error::file(target, e.error))
}

fn csv_copy(bytes: &[u8], messages: &BTreeMap<usize, String>) -> Result<Vec<u8>> {
    let (text, encoding) = sheet::decode(bytes);
    let delimiter = sheet::detect_delimiter(&text);
    let mut records = sheet::csv_records(&text, delimiter)?;

    let header_index = records
        .iter()
        .position(|r| r.iter().any(|c| !c.trim().is_empty()))
        .unwrap_or(0);
    let existing = records
        .get(header_index)
        .and_then(|header| header.iter().position(|name| is_errors_header(name)));
    let width = records.iter().map(Vec::len).max().unwrap_or(0);
    let column = existing.unwrap_or(width);

    for (index, record) in records.iter_mut().enumerate() {
        let text = if index == header_index {
            ERRORS_HEADER.to_owned()
        } else {
            messages.get(&(index + 1)).cloned().unwrap_or_default()
        };
        let blank_row = record.iter().all(|c| c.is_empty());
        if blank_row && text.is_empty() {
            continue;
        }
        if record.len() <= column {
            record.resize(column + 1, String::new());
        }
        record[column] = text;
    }

    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for record in &records {
        writer.write_record(record).map_err(csv_write_error)?;
    }
    let written = writer
        .into_inner()
        .map_err(|e| csv_write_error(e.error()))?;
    let written = String::from_utf8(written).map_err(csv_write_error)?;

    Ok(encoding.encode(&written))
}

fn csv_write_error(error: impl std::fmt::Display) -> Error {
    Error::format(
        format!("无法生成 CSV：{error}"),
        format!("the CSV copy cannot be made: {error}"),
    )
}

fn xlsx_error(error: XlsxError) -> Error {
    Error::format(
        format!("无法生成 Excel 文件：{error}"),
        format!("the Excel copy cannot be made: {error}"),
    )
}

fn xlsx_copy(bytes: &[u8], messages: &BTreeMap<usize, String>) -> Result<Vec<u8>> {
    let mut source = sheet::open_xlsx(bytes)?;
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let error_format = Format::new()
        .set_font_color(Color::Red)
        .set_text_wrap()
        .set_align(FormatAlign::Top);

    for (index, name) in source.sheet_names().into_iter().enumerate() {
        let range = source.worksheet_range(&name).map_err(|e| {
            Error::format(
                format!("无法读取工作表“{name}”：{e}"),
                format!("sheet \"{name}\" cannot be read: {e}"),
            )
        })?;
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(xlsx_error)?;

        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        for (offset, cells) in range.rows().enumerate() {
            let row = first_row + offset as u32;
            for (column_offset, cell) in cells.iter().enumerate() {
                let column = (first_column as usize + column_offset) as u16;
                write_cell(sheet, row, column, cell, &date)?;
            }
        }

        if index == 0 {
            add_errors_column(sheet, &range, messages, &error_format)?;
        }
    }

    workbook.save_to_buffer().map_err(xlsx_error)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Data,
    date: &Format,
) -> Result<()> {
    let written = match cell {
        Data::Empty => return Ok(()),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            sheet.write_string(row, column, text)
        }
        Data::Int(value) => sheet.write_number(row, column, *value as f64),
        Data::Float(value) => sheet.write_number(row, column, *value),
        Data::Bool(value) => sheet.write_boolean(row, column, *value),
        Data::DateTime(value) => sheet.write_number_with_format(row, column, value.as_f64(), date),
        Data::Error(error) => sheet.write_string(row, column, format!("#{error:?}")),
    };

    written.map(|_| ()).map_err(xlsx_error)
}

fn add_errors_column(
    sheet: &mut Worksheet,
    range: &calamine::Range<Data>,
    messages: &BTreeMap<usize, String>,
    format: &Format,
) -> Result<()> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let header = range.rows().enumerate().find(|(_, cells)| {
        cells
            .iter()
            .any(|c| !sheet::cell_text(c).0.trim().is_empty())
    });
    let header_row = header.map_or(first_row, |(offset, _)| first_row + offset as u32);
    let existing = header.and_then(|(_, cells)| {
        cells
            .iter()
            .position(|c| is_errors_header(&sheet::cell_text(c).0))
    });
    let column = match existing {
        Some(offset) => first_column as usize + offset,
        None => range.end().map_or(0, |(_, last)| last as usize + 1),
    } as u16;

    sheet
        .write_string_with_format(header_row, column, ERRORS_HEADER, format)
        .map_err(xlsx_error)?;
    for (row, text) in messages {
        sheet
            .write_string_with_format(*row as u32 - 1, column, text, format)
            .map_err(xlsx_error)?;
    }
    sheet.set_column_width(column, 60).map_err(xlsx_error)?;

    Ok(())
}

/// A template for `kind`: the header row in `language` and one example row that passes
/// validation. A CSV template is UTF-8 with a byte-order mark, which Excel opens correctly in
/// every locale; an XLSX template formats text columns as Text, so Excel keeps the leading zeros
/// of SKUs, postcodes and phones typed into it.
pub fn template(kind: ImportKind, language: Language, format: FileFormat) -> Vec<u8> {
    let columns = kind.columns();
    let headers: Vec<&str> = columns
        .iter()
        .map(|c| match language {
            Language::Zh => c.zh,
            Language::En => c.en,
        })
        .collect();
    let example: Vec<&str> = columns.iter().map(|c| c.example).collect();

    match format {
        FileFormat::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer
                .write_record(&headers)
                .and_then(|_| writer.write_record(&example))
                .expect("writing two records into memory cannot fail");
            let text = writer
                .into_inner()
                .expect("flushing into memory cannot fail");

            TextEncoding::Utf8WithBom.encode(&String::from_utf8_lossy(&text))
        }
        FileFormat::Xlsx => {
            xlsx_template(kind, &headers).expect("the template workbook is fixed and tested")
        }
    }
}

fn xlsx_template(kind: ImportKind, headers: &[&str]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(kind.label_en())?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");

    for (index, (column, header)) in kind.columns().iter().zip(headers).enumerate() {
        let at = index as u16;
        let is_text = matches!(
            column.value,
            ValueKind::Text | ValueKind::Upper | ValueKind::Time
        );
        sheet.set_column_width(at, (header.chars().count() as f64 * 1.6).max(14.0))?;
        if is_text {
            sheet.set_column_format(at, &text)?;
        }

        sheet.write_string_with_format(0, at, *header, &bold)?;
        let number = column.example.parse::<f64>().ok().filter(|_| !is_text);
        match number {
            Some(value) => sheet.write_number(1, at, value)?,
            None if column.example.is_empty() => continue,
            None => sheet.write_string_with_format(1, at, column.example, &text)?,
        };
    }
    sheet.set_freeze_panes(1, 0)?;

    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_go_beside_the_original() {
        assert_eq!(
            errors_copy_path(Path::new("/data/orders.csv")),
            PathBuf::from("/data/orders.errors.csv")
        );
        assert_eq!(
            errors_copy_path(Path::new("orders")),
            PathBuf::from("orders.errors")
        );
    }
}
