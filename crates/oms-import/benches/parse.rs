//! Parse + validate 10,000 platform-order rows from CSV and from XLSX, and print the time each
//! takes (target ≤ 1 s each on the project's 2-core machine). Figures are printed, not asserted.
//!
//! Run with `cargo bench -p oms-import`. The files are generated in a temporary folder: 10,000
//! rows as 5,000 two-line orders, every cell written as text in the XLSX except the numbers.

#![allow(clippy::print_stdout)]

use oms_api::platform::PlatformOrderCreate;
use rust_xlsxwriter::Workbook;
use std::path::Path;
use std::time::{Duration, Instant};

const ROWS: usize = 10_000;

const HEADER: [&str; 14] = [
    "平台订单号",
    "仓库编码",
    "店铺编码",
    "物流渠道",
    "买家姓名",
    "买家邮箱",
    "买家邮编",
    "买家国家",
    "币种",
    "下单时间",
    "SKU",
    "商品名称",
    "数量",
    "单价",
];

fn row(index: usize) -> [String; 14] {
    let order = index / 2;
    let (sku, name) = if index % 2 == 0 {
        ("SKU-MUG-001", "陶瓷马克杯 350 ml")
    } else {
        ("SKU-LAMP-002", "LED desk lamp")
    };

    [
        format!("113-{order:07}-4567890"),
        "US-LAX-1".to_owned(),
        "AMZ-US-01".to_owned(),
        "USPS-GROUND".to_owned(),
        format!("张伟 {order}"),
        format!("buyer{order}@example.com"),
        format!("{:05}", order % 100_000),
        "US".to_owned(),
        "USD".to_owned(),
        "2024-05-01 10:00:00".to_owned(),
        sku.to_owned(),
        name.to_owned(),
        format!("{}", 1 + index % 3),
        "12.99".to_owned(),
    ]
}

fn write_csv(path: &Path) {
    let mut writer = csv::Writer::from_path(path).expect("create CSV");
    writer.write_record(HEADER).expect("header");
    for index in 0..ROWS {
        writer.write_record(row(index)).expect("row");
    }
    writer.flush().expect("flush");
}

fn write_xlsx(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in HEADER.iter().enumerate() {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    for index in 0..ROWS {
        let excel_row = index as u32 + 1;
        for (column, cell) in row(index).iter().enumerate() {
            let column = column as u16;
            match column {
                12 | 13 => {
                    sheet.write_number(excel_row, column, cell.parse::<f64>().expect("number"))
                }
                _ => sheet.write_string(excel_row, column, cell),
            }
            .expect("cell");
        }
    }
    workbook.save(path).expect("save XLSX");
}

fn measure(label: &str, path: &Path) -> Duration {
    let started = Instant::now();
    let report = oms_import::import::<PlatformOrderCreate>(path).expect("import");
    let took = started.elapsed();

    assert_eq!(report.rows, ROWS, "every row read");
    assert!(
        report.is_clean(),
        "generated rows are valid: {:?}",
        report.errors.first()
    );
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "{label:<5} {ROWS} rows ({} orders, {:.1} MB): parse + validate {:>7.1} ms (target <= 1 s)",
        report.orders.len(),
        size as f64 / 1e6,
        took.as_secs_f64() * 1000.0
    );

    took
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv_path = dir.path().join("platform-orders.csv");
    let xlsx_path = dir.path().join("platform-orders.xlsx");
    write_csv(&csv_path);
    write_xlsx(&xlsx_path);

    println!("oms-import: parse + validate {ROWS} platform-order rows (best of 3)");
    for (label, path) in [("CSV", &csv_path), ("XLSX", &xlsx_path)] {
        let best = (0..3)
            .map(|_| measure(label, path))
            .min()
            .unwrap_or_default();
        println!("{label:<5} best {:.1} ms", best.as_secs_f64() * 1000.0);
    }
}
