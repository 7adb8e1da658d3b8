//! A file with exactly 30 broken rows among valid ones reports exactly those rows and columns, and
//! the error copy marks exactly those rows, in the file's own format and encoding.

mod common;

use calamine::Reader;
use common::{csv_text, Cell};
use oms_api::platform::PlatformOrderCreate;
use oms_import::{import, import_bytes, write_errors_copy, ERRORS_HEADER};
use std::collections::BTreeSet;

const HEADER: [&str; 13] = [
    "平台订单号",
    "仓库编码",
    "买家姓名",
    "买家邮箱",
    "买家邮编",
    "买家国家",
    "币种",
    "下单时间",
    "SKU",
    "数量",
    "单价",
    "商品总价",
    "订单总额",
];

/// 120 single-line orders (rows 2..=121); every 4th of the first 120 is broken in one of twelve
/// ways. Returns the rows and the (row, column) pairs that must be reported.
fn orders() -> (Vec<Vec<String>>, BTreeSet<(usize, String)>) {
    let mut rows = vec![HEADER.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    let mut expected = BTreeSet::new();
    let mut broken = 0;

    for index in 0..120 {
        let row_number = index + 2;
        let mut cells: Vec<String> = [
            format!("PO-{index:04}"),
            "US-LAX-1".to_owned(),
            "张伟".to_owned(),
            "buyer@example.com".to_owned(),
            "02134".to_owned(),
            "US".to_owned(),
            "USD".to_owned(),
            "2024-05-01 10:00:00".to_owned(),
            "SKU-MUG-001".to_owned(),
            "2".to_owned(),
            "12.99".to_owned(),
            "25.98".to_owned(),
            "25.98".to_owned(),
        ]
        .into();

        if index % 4 == 1 && broken < 30 {
            let mut expect = |column: &str| expected.insert((row_number, column.to_owned()));
            match broken % 12 {
                0 => {
                    cells[9] = "two".into();
                    expect("数量");
                }
                1 => {
                    cells[9] = "0".into();
                    expect("数量");
                }
                2 => {
                    cells[3] = "not-an-email".into();
                    expect("买家邮箱");
                }
                3 => {
                    cells[5] = "USA".into();
                    expect("买家国家");
                }
                4 => {
                    cells[6] = "XYZ".into();
                    expect("币种");
                }
                5 => {
                    cells[7] = "2024-13-01 10:00".into();
                    expect("下单时间");
                }
                6 => {
                    cells[8] = String::new();
                    expect("SKU");
                }
                7 => {
                    cells[10] = "12.9999".into();
                    expect("单价");
                }
                8 => {
                    cells[12] = "99".into();
                    expect("订单总额");
                }
                9 => {
                    cells[1] = "　".into();
                    expect("仓库编码");
                }
                10 => {
                    cells[9] = "-1".into();
                    cells[3] = "buyer@".into();
                    expect("数量");
                    expect("买家邮箱");
                }
                _ => {
                    cells[0] = format!("PO-{index:04}-{}", "9".repeat(50));
                    expect("平台订单号");
                }
            }
            broken += 1;
        }
        rows.push(cells);
    }

    assert_eq!(broken, 30, "the fixture breaks exactly 30 rows");
    (rows, expected)
}

fn reported(report: &oms_import::ImportReport<PlatformOrderCreate>) -> BTreeSet<(usize, String)> {
    common::places(&report.errors).into_iter().collect()
}

fn broken_rows(expected: &BTreeSet<(usize, String)>) -> BTreeSet<usize> {
    expected.iter().map(|(row, _)| *row).collect()
}

#[test]
fn thirty_broken_rows_are_reported_exactly() {
    let (rows, expected) = orders();
    let bytes = csv_text(&rows);

    let report = import_bytes::<PlatformOrderCreate>(bytes.as_bytes()).expect("imports");

    assert_eq!(report.rows, 120);
    assert_eq!(
        reported(&report),
        expected,
        "exactly the broken cells, nothing else"
    );
    assert_eq!(
        report.errors.len(),
        expected.len(),
        "one error per broken cell: {:#?}",
        report.errors
    );
    let invalid: BTreeSet<usize> = report
        .orders
        .iter()
        .filter(|o| !o.valid)
        .flat_map(|o| o.rows.clone())
        .collect();
    assert_eq!(invalid.len(), 30, "30 orders are not ready to send");
    assert_eq!(invalid, broken_rows(&expected));
    assert_eq!(report.valid_orders().count(), 90);
    for error in &report.errors {
        assert!(
            !error.zh.is_empty() && !error.en.is_empty(),
            "both languages: {error:?}"
        );
    }
}

#[test]
fn the_gbk_copy_has_the_error_column_on_exactly_the_broken_rows() {
    let (rows, expected) = orders();
    let text = csv_text(&rows);
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let dir = tempfile::tempdir().unwrap();
    let source = common::file(dir.path(), "订单.csv", &bytes);
    let target = dir.path().join("订单.errors.csv");

    let report = import::<PlatformOrderCreate>(&source).expect("imports");
    write_errors_copy(&source, &report.errors, &target).expect("copy written");

    assert_eq!(
        std::fs::read(&source).unwrap(),
        bytes.to_vec(),
        "the original is untouched"
    );
    let copy = std::fs::read(&target).unwrap();
    assert!(
        std::str::from_utf8(&copy).is_err(),
        "the copy stays GBK, as the seller's Excel expects"
    );
    let (text, _, _) = encoding_rs::GBK.decode(&copy);
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(&records[0][13], ERRORS_HEADER);
    let marked: BTreeSet<usize> = records
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, r)| r.get(13).is_some_and(|c| !c.is_empty()))
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(
        marked,
        broken_rows(&expected),
        "error text on exactly the broken rows"
    );
    assert!(
        records[2][13].contains("数量"),
        "row 3 names its column: {}",
        &records[2][13]
    );
    assert_eq!(&records[1][2], "张伟", "cells are copied as they were");

    let again = import::<PlatformOrderCreate>(&target).expect("the copy imports again");
    assert_eq!(
        reported(&again),
        expected,
        "the errors column is ignored on re-import"
    );
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
}

#[test]
fn the_xlsx_copy_has_the_error_column_on_exactly_the_broken_rows() {
    let (rows, expected) = orders();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| row.iter().map(|c| Cell::Text(c.as_str())).collect())
        .collect();
    let bytes = common::xlsx(&cells);
    let dir = tempfile::tempdir().unwrap();
    let source = common::file(dir.path(), "orders.xlsx", &bytes);
    let target = oms_import::errors_copy_path(&source);

    let report = import::<PlatformOrderCreate>(&source).expect("imports");
    assert_eq!(
        reported(&report),
        expected,
        "XLSX reports the same cells as CSV"
    );
    write_errors_copy(&source, &report.errors, &target).expect("copy written");

    assert_eq!(
        std::fs::read(&source).unwrap(),
        bytes,
        "the original is untouched"
    );
    let mut workbook = calamine::open_workbook_auto(&target).expect("copy is a workbook");
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header.last().map(String::as_str), Some(ERRORS_HEADER));
    let marked: BTreeSet<usize> = range
        .rows()
        .enumerate()
        .skip(1)
        .filter(|(_, r)| r.get(13).is_some_and(|c| !c.to_string().is_empty()))
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(marked, broken_rows(&expected));
    assert_eq!(range.get((1, 2)).unwrap().to_string(), "张伟");
}

#[test]
fn the_copy_never_replaces_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let source = common::file(dir.path(), "a.csv", b"sku\n1\n");

    let error = write_errors_copy(&source, &[], &source).unwrap_err();

    assert_eq!(error.code(), "same_path");
    assert_eq!(std::fs::read(&source).unwrap(), b"sku\n1\n");
}
