//! Turns rows of text into typed requests: matches the header row to the kind's columns, groups
//! the rows of one order, reads each cell by its column's rule, and runs the client's own
//! validation on every order. Each problem found on the way, whether a cell that cannot be read
//! or a field the validation refuses, is pinned to the row and column it came from.

use oms_api::Validator;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::columns::{Column, ImportKind, KindSpec, ValueKind};
use crate::error::{Error, Result};
use crate::report::{CellError, ImportReport, ImportedOrder, Warning};
use crate::sheet::{Sheet, SheetRow};
use crate::text;
use crate::Importable;

/// The header of the column the error copy adds; ignored when a corrected copy is imported.
pub const ERRORS_HEADER: &str = "错误 / Errors";

/// True for a header that is our errors column.
pub(crate) fn is_errors_header(name: &str) -> bool {
    let key = text::header_key(name);

    key == text::header_key(ERRORS_HEADER) || key == "错误" || key == "errors"
}

/// Which column of the file holds which field.
#[derive(Debug)]
pub(crate) struct Header {
    /// The header texts, by file column.
    pub names: Vec<String>,
    /// For each column of the kind's table, the file column holding it.
    pub by_column: Vec<Option<usize>>,
}

/// Matches the header row to the kind's columns. Unknown headers become warnings; a missing
/// required column or a column given twice fails the whole file.
pub(crate) fn map_header(
    kind: ImportKind,
    row: &SheetRow,
    warnings: &mut Vec<Warning>,
) -> Result<Header> {
    let spec = kind.spec();
    let lookup = header_lookup(spec.columns);
    let mut by_column: Vec<Option<usize>> = vec![None; spec.columns.len()];

    for (position, name) in row.cells.iter().enumerate() {
        if name.is_empty() || is_errors_header(name) {
            continue;
        }
        let found = lookup.get(&text::header_key(name)).copied().or_else(|| {
            name.split('/')
                .find_map(|part| lookup.get(&text::header_key(part)).copied())
        });

        match found {
            Some(index) => {
                if let Some(first) = by_column[index] {
                    return Err(Error::DuplicateColumn {
                        field: spec.columns[index].both_names(),
                        first: row.cells[first].clone(),
                        second: name.clone(),
                    });
                }
                by_column[index] = Some(position);
            }
            None => warnings.push(Warning {
                row: Some(row.number),
                column: Some(name.clone()),
                zh: format!("未知的列“{name}”，已忽略"),
                en: format!("unknown column \"{name}\" was ignored"),
            }),
        }
    }

    check_required(spec, &by_column)?;

    Ok(Header {
        names: row.cells.clone(),
        by_column,
    })
}

/// Header keys of every column: the Chinese and English headers, the wire path
/// (`itemDTOs.sku`) and the bare wire name (`sku`) where it is not taken by another column.
fn header_lookup(columns: &[Column]) -> HashMap<String, usize> {
    let mut lookup = HashMap::new();

    for (index, column) in columns.iter().enumerate() {
        lookup.insert(text::header_key(column.zh), index);
        lookup.insert(text::header_key(column.en), index);
    }
    for (index, column) in columns.iter().enumerate() {
        lookup
            .entry(text::header_key(&column.field.replace("[]", "")))
            .or_insert(index);
    }
    for (index, column) in columns.iter().enumerate() {
        let leaf = column
            .field
            .rsplit(['.', ']'])
            .next()
            .unwrap_or(column.field);
        lookup.entry(text::header_key(leaf)).or_insert(index);
    }

    lookup
}

fn check_required(spec: &KindSpec, by_column: &[Option<usize>]) -> Result<()> {
    let present = |field: &str| {
        spec.columns
            .iter()
            .zip(by_column)
            .any(|(column, at)| column.field == field && at.is_some())
    };

    let mut missing: Vec<String> = spec
        .columns
        .iter()
        .zip(by_column)
        .filter(|(column, at)| column.required && at.is_none())
        .map(|(column, _)| column.both_names())
        .collect();
    for group in spec.any_of {
        if !group.iter().any(|field| present(field)) {
            let names: Vec<String> = spec
                .columns
                .iter()
                .filter(|column| group.contains(&column.field))
                .map(Column::both_names)
                .collect();
            missing.push(names.join(" | "));
        }
    }

    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingColumns { missing })
    }
}

/// Imports the rows of a read file as orders of `T`.
pub(crate) fn assemble<T: Importable>(sheet: Sheet) -> Result<ImportReport<T>> {
    let mut warnings = Vec::new();
    let mut rows = sheet.rows.iter();
    let header_row = rows.next().ok_or(Error::Empty)?;
    let header = map_header(T::KIND, header_row, &mut warnings)?;
    let data: Vec<&SheetRow> = rows.collect();

    warn_numeric_text(T::KIND.spec(), &header, &data, &mut warnings);

    let mut builder = OrderBuilder::new(T::KIND.spec(), &header);
    let groups = builder.group(&data);
    let orders: Vec<ImportedOrder<T>> = groups
        .iter()
        .filter_map(|group| builder.build(&data, group))
        .collect();

    let mut errors = builder.errors;
    errors.sort_by_key(|e| (e.row, e.column_index.unwrap_or(usize::MAX)));

    Ok(ImportReport {
        kind: T::KIND,
        format: sheet.format,
        encoding: sheet.encoding,
        rows: data.len(),
        orders,
        errors,
        warnings,
    })
}

/// Warns once per text column that Excel stored as numbers: the digits are read as shown, but a
/// leading zero that Excel dropped cannot come back.
fn warn_numeric_text(
    spec: &KindSpec,
    header: &Header,
    data: &[&SheetRow],
    warnings: &mut Vec<Warning>,
) {
    let mut numeric_rows: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for row in data {
        for &position in &row.numeric {
            numeric_rows.entry(position).or_default().push(row.number);
        }
    }

    for (position, rows) in &numeric_rows {
        let column = header
            .by_column
            .iter()
            .position(|at| *at == Some(*position))
            .map(|index| &spec.columns[index]);
        if !column.is_some_and(|c| matches!(c.value, ValueKind::Text | ValueKind::Upper)) {
            continue;
        }

        let shown: Vec<String> = rows.iter().take(5).map(usize::to_string).collect();
        let more = if rows.len() > 5 { "…" } else { "" };
        let name = &header.names[*position];
        warnings.push(Warning {
            row: rows.first().copied(),
            column: Some(name.clone()),
            zh: format!(
                "列“{name}”有 {} 个单元格在 Excel 中是数字格式（第 {}{more} 行），已按显示的数字读取；\
                 若原有前导零则已丢失，请把该列设为文本格式",
                rows.len(),
                shown.join("、")
            ),
            en: format!(
                "{} cell(s) of column \"{name}\" are Excel numbers (rows {}{more}); they were \
                 read as the digits shown, but leading zeros are already lost: format the column \
                 as Text",
                rows.len(),
                shown.join(", ")
            ),
        });
    }
}

/// The rows of one order (indexes into the data rows), and the row that first used its
/// reference when a product SKU is repeated.
struct Group {
    rows: Vec<usize>,
    repeats_row: Option<usize>,
}

struct OrderBuilder<'a> {
    spec: &'static KindSpec,
    header: &'a Header,
    /// Wire field (`itemDTOs[].sku`) → index in the column table, for columns in the file.
    present: HashMap<&'static str, usize>,
    errors: Vec<CellError>,
}

impl<'a> OrderBuilder<'a> {
    fn new(spec: &'static KindSpec, header: &'a Header) -> Self {
        let present = spec
            .columns
            .iter()
            .enumerate()
            .filter(|(index, _)| header.by_column[*index].is_some())
            .map(|(index, column)| (column.field, index))
            .collect();

        Self {
            spec,
            header,
            present,
            errors: Vec::new(),
        }
    }

    fn reference_position(&self) -> Option<usize> {
        self.present
            .get(self.spec.reference)
            .and_then(|index| self.header.by_column[*index])
    }

    /// Rows with the same reference form one order (orders only); a row without a reference is
    /// an order of its own, so validation names the missing reference on that row.
    fn group(&self, data: &[&SheetRow]) -> Vec<Group> {
        let reference_at = self.reference_position();
        let mut groups: Vec<Group> = Vec::new();
        let mut by_reference: HashMap<&str, usize> = HashMap::new();

        for (index, row) in data.iter().enumerate() {
            let reference = reference_at.map_or("", |at| row.cell(at));
            if reference.is_empty() {
                groups.push(Group {
                    rows: vec![index],
                    repeats_row: None,
                });
                continue;
            }

            match (by_reference.get(reference), self.spec.lines) {
                (Some(&group), Some(_)) => groups[group].rows.push(index),
                (Some(&group), None) => groups.push(Group {
                    rows: vec![index],
                    repeats_row: Some(data[groups[group].rows[0]].number),
                }),
                (None, _) => {
                    by_reference.insert(reference, groups.len());
                    groups.push(Group {
                        rows: vec![index],
                        repeats_row: None,
                    });
                }
            }
        }

        groups
    }

    fn push(&mut self, row: usize, column: Option<usize>, field: String, zh: String, en: String) {
        let position = column.and_then(|index| self.header.by_column[index]);

        self.errors.push(CellError {
            row,
            column: position.map(|at| self.header.names[at].clone()),
            column_index: position,
            field,
            zh,
            en,
        });
    }

    /// Builds and validates one order; `None` only if the typed request cannot be made at all.
    fn build<T: Importable>(
        &mut self,
        data: &[&SheetRow],
        group: &Group,
    ) -> Option<ImportedOrder<T>> {
        let errors_before = self.errors.len();
        let rows: Vec<&SheetRow> = group.rows.iter().map(|&index| data[index]).collect();
        let first = rows[0];
        let mut unreadable: HashSet<(usize, usize)> = HashSet::new();

        let mut order = self.read_order_cells(&rows, &mut unreadable);
        if let Some(lines) = self.spec.lines {
            let items = rows
                .iter()
                .enumerate()
                .map(|(line, row)| self.read_line(lines, line, row, &mut unreadable))
                .collect();
            order.insert(lines.to_owned(), Value::Array(items));
        }
        if let Some(first_row) = group.repeats_row {
            let column = self.present.get(self.spec.reference).copied();
            self.push(
                first.number,
                column,
                self.spec.reference.to_owned(),
                format!("与第 {first_row} 行重复"),
                format!("repeats row {first_row}"),
            );
        }

        let request: T = self.typed(Value::Object(order), &rows, &mut unreadable)?;

        let mut validator = Validator::new();
        request.validate(&mut validator);
        for problem in validator.errors() {
            let (row, column) = self.locate(&problem.field, &rows);
            if column.is_some_and(|c| unreadable.contains(&(row, c))) {
                continue;
            }
            self.push(
                row,
                column,
                problem.field.clone(),
                problem.zh.clone(),
                problem.en.clone(),
            );
        }

        let reference = self
            .reference_position()
            .map_or_else(String::new, |at| first.cell(at).to_owned());

        Some(ImportedOrder {
            reference,
            rows: rows.iter().map(|row| row.number).collect(),
            request,
            valid: self.errors.len() == errors_before,
        })
    }

    /// The typed request. A value the type cannot hold (a negative quantity where only
    /// positive ones fit) is an error of its cell, and the rest of the order is still read.
    fn typed<T: Importable>(
        &mut self,
        mut order: Value,
        rows: &[&SheetRow],
        unreadable: &mut HashSet<(usize, usize)>,
    ) -> Option<T> {
        loop {
            let error = match serde_path_to_error::deserialize(&order) {
                Ok(request) => return Some(request),
                Err(error) => error,
            };

            let field = error.path().to_string();
            let (row, column) = self.locate(&field, rows);
            let shown = take_path(&mut order, &field);
            if let Some(index) = column {
                unreadable.insert((row, index));
            }
            match shown {
                Some(value) => {
                    let value = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned);
                    self.push(
                        row,
                        column,
                        field,
                        format!("无法读取：{value}（超出允许的范围或格式不符）"),
                        format!("cannot be read: {value} (out of range or of the wrong form)"),
                    );
                }
                None => {
                    let detail = error.inner().to_string();
                    self.push(
                        row,
                        None,
                        field,
                        format!("此行无法读取：{detail}"),
                        format!("this row cannot be read: {detail}"),
                    );
                    return None;
                }
            }
        }
    }

    /// The order's own cells from its first row; a later row that says something else in one of
    /// them is an error on that row and column.
    fn read_order_cells(
        &mut self,
        rows: &[&SheetRow],
        unreadable: &mut HashSet<(usize, usize)>,
    ) -> Map<String, Value> {
        let first = rows[0];
        let mut order = Map::new();

        for (index, column) in self.spec.columns.iter().enumerate() {
            let Some(position) = self.header.by_column[index] else {
                continue;
            };
            if column.is_line() {
                continue;
            }

            let value = first.cell(position);
            if !value.is_empty() {
                match column.read(value) {
                    Ok(read) => insert_path(&mut order, column.field, read),
                    Err((zh, en)) => {
                        unreadable.insert((first.number, index));
                        self.push(first.number, Some(index), column.field.to_owned(), zh, en);
                    }
                }
            }

            for later in &rows[1..] {
                let other = later.cell(position);
                if other.is_empty() || other == value {
                    continue;
                }
                unreadable.insert((later.number, index));
                let (zh, en) = conflict(first.number, value);
                self.push(later.number, Some(index), column.field.to_owned(), zh, en);
            }
        }

        order
    }

    fn read_line(
        &mut self,
        lines: &str,
        line: usize,
        row: &SheetRow,
        unreadable: &mut HashSet<(usize, usize)>,
    ) -> Value {
        let mut item = Map::new();

        for (index, column) in self.spec.columns.iter().enumerate() {
            let Some(position) = self.header.by_column[index] else {
                continue;
            };
            if !column.is_line() {
                continue;
            }

            let value = row.cell(position);
            if value.is_empty() {
                continue;
            }
            match column.read(value) {
                Ok(read) => insert_path(&mut item, column.local_path(), read),
                Err((zh, en)) => {
                    unreadable.insert((row.number, index));
                    let field = format!("{lines}[{line}].{}", column.local_path());
                    self.push(row.number, Some(index), field, zh, en);
                }
            }
        }

        Value::Object(item)
    }

    /// The row and column of a validation error's field: `itemDTOs[1].quantity` is the order's
    /// second row, column quantity; order fields are on the order's first row.
    fn locate(&self, field: &str, rows: &[&SheetRow]) -> (usize, Option<usize>) {
        let first = rows[0].number;

        if let Some(lines) = self.spec.lines {
            if let Some(rest) = field.strip_prefix(lines).and_then(|r| r.strip_prefix('[')) {
                let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
                let row = index
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| rows.get(i))
                    .map_or(first, |row| row.number);
                let key = tail.trim_start_matches('.');
                let column = self.column_of(&format!("{lines}[].{key}"));

                return (row, column);
            }
        }

        (first, self.column_of(field))
    }

    /// The column showing a field: its own, else the kind's fallback, else the first column of
    /// a nested object (`openBattery` → the first battery column in the file).
    fn column_of(&self, field: &str) -> Option<usize> {
        if let Some(&index) = self.present.get(field) {
            return Some(index);
        }

        let fallback = self
            .spec
            .fallbacks
            .iter()
            .filter(|(from, _)| *from == field)
            .find_map(|(_, to)| self.present.get(to).copied());
        if fallback.is_some() {
            return fallback;
        }

        let prefix = format!("{field}.");
        self.spec
            .columns
            .iter()
            .position(|c| c.field.starts_with(&prefix) && self.present.contains_key(c.field))
    }
}

/// The message for a later row of an order whose order cell differs from the first row's.
fn conflict(first_row: usize, first_value: &str) -> (String, String) {
    let rule_zh = "订单信息只取订单的第一行";
    let rule_en = "order fields are taken from an order's first row";

    if first_value.is_empty() {
        (
            format!("本订单第 {first_row} 行此列为空；{rule_zh}"),
            format!("is empty in row {first_row}, the order's first row; {rule_en}"),
        )
    } else {
        (
            format!("与本订单第 {first_row} 行的“{first_value}”不一致；{rule_zh}"),
            format!("differs from \"{first_value}\" in row {first_row}; {rule_en}"),
        )
    }
}

/// Puts a value at a dotted path (`b2cDto.vatTaxNo`), creating the objects on the way.
fn insert_path(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = object
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                insert_path(inner, rest, value);
            }
        }
    }
}

/// Removes and returns the value at a path as serde names it (`itemDTOs[0].quantity`).
fn take_path(value: &mut Value, path: &str) -> Option<Value> {
    let mut steps: Vec<&str> = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            steps.push(key);
        }
        if !indexes.is_empty() {
            steps.extend(indexes.split('[').map(|i| i.trim_end_matches(']')));
        }
    }

    let (last, parents) = steps.split_last()?;
    let mut current = value;
    for step in parents {
        current = match current {
            Value::Object(map) => map.get_mut(*step)?,
            Value::Array(items) => items.get_mut(step.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }

    match current {
        Value::Object(map) => map.remove(*last),
        _ => None,
    }
}
