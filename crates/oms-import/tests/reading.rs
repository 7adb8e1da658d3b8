//! Reading files as sellers make them: GBK and UTF-8-BOM CSVs with Chinese names, numbers kept
//! as text, full-width digits, XLSX number cells, headers in either language, multi-line orders.

mod common;

use common::{csv_text, rows, xlsx, Cell};
use oms_api::outbound::B2cOrderCreate;
use oms_api::platform::PlatformOrderCreate;
use oms_api::product::Product;
use oms_import::{import_bytes, Error, FileFormat, ImportKind, TextEncoding};
use rust_decimal::Decimal;

const B2C_HEADER: &[&str] = &[
    "参考单号",
    "仓库编码",
    "物流渠道",
    "收件人",
    "国家",
    "城市",
    "地址1",
    "邮编",
    "电话",
    "SKU",
    "数量",
];

fn b2c_rows() -> Vec<Vec<String>> {
    rows(&[
        B2C_HEADER,
        &[
            "B2C-0001",
            "US-LAX-1",
            "USPS-GROUND",
            "张伟",
            "US",
            "Los Angeles",
            "1200 S Figueroa St",
            "01234",
            "8613800138000",
            "00123",
            "2",
        ],
        &[
            "Ｂ２Ｃ－０００２",
            "US-LAX-1",
            "USPS-GROUND",
            "李娜　",
            "us",
            "洛杉矶",
            "中山路１号",
            "０１２３４",
            "　８６１３９００１３９０００",
            "００１２３",
            "３",
        ],
    ])
}

fn check_b2c(report: &oms_import::ImportReport<B2cOrderCreate>) {
    assert!(
        report.is_clean(),
        "no errors expected: {:#?}",
        report.errors
    );
    assert_eq!(report.rows, 2, "two data rows");
    assert_eq!(report.orders.len(), 2);

    let first = &report.orders[0].request;
    assert_eq!(first.contact_name, "张伟", "Chinese name decoded");
    assert_eq!(first.postcode, "01234", "postcode keeps its leading zero");
    assert_eq!(
        first.contact_mobile.as_deref(),
        Some("8613800138000"),
        "13-digit phone as text"
    );
    assert_eq!(
        first.items[0].product_sku, "00123",
        "SKU keeps its leading zeros"
    );
    assert_eq!(first.items[0].qty, 2);

    let second = &report.orders[1];
    assert_eq!(
        second.reference, "B2C-0002",
        "full-width reference normalised"
    );
    assert_eq!(second.rows, [3]);
    assert_eq!(
        second.request.contact_name, "李娜",
        "ideographic space trimmed"
    );
    assert_eq!(second.request.code2, "US", "country code upper-cased");
    assert_eq!(second.request.city, "洛杉矶");
    assert_eq!(
        second.request.address, "中山路1号",
        "full-width digit inside Chinese text"
    );
    assert_eq!(
        second.request.postcode, "01234",
        "full-width postcode normalised"
    );
    assert_eq!(
        second.request.contact_mobile.as_deref(),
        Some("8613900139000")
    );
    assert_eq!(second.request.items[0].product_sku, "00123");
    assert_eq!(
        second.request.items[0].qty, 3,
        "full-width quantity read as a number"
    );
}

#[test]
fn gbk_csv_with_chinese_names_and_numbers_as_text() {
    let text = csv_text(&b2c_rows());
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "fixture must be pure GBK");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must not be valid UTF-8"
    );

    let report = import_bytes::<B2cOrderCreate>(&bytes).expect("GBK CSV imports");

    assert_eq!(report.format, FileFormat::Csv);
    assert_eq!(report.encoding, Some(TextEncoding::Gb18030), "GBK detected");
    check_b2c(&report);
}

#[test]
fn utf8_bom_csv_with_chinese_names_and_numbers_as_text() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), csv_text(&b2c_rows()).as_bytes()].concat();

    let report = import_bytes::<B2cOrderCreate>(&bytes).expect("UTF-8 BOM CSV imports");

    assert_eq!(report.encoding, Some(TextEncoding::Utf8WithBom));
    assert!(
        report.warnings.is_empty(),
        "the BOM must not make the first header unknown: {:?}",
        report.warnings
    );
    check_b2c(&report);
}

#[test]
fn plain_utf8_csv_with_semicolons() {
    let text = csv_text(&b2c_rows()).replace(',', ";");

    let report = import_bytes::<B2cOrderCreate>(text.as_bytes()).expect("imports");

    assert_eq!(report.encoding, Some(TextEncoding::Utf8));
    check_b2c(&report);
}

#[test]
fn xlsx_number_cells_for_phone_postcode_and_sku_come_out_as_text() {
    use Cell::{Number, Text};
    let bytes = xlsx(&[
        B2C_HEADER.iter().map(|h| Text(h)).collect(),
        vec![
            Text("B2C-0001"),
            Text("US-LAX-1"),
            Text("USPS-GROUND"),
            Text("王芳"),
            Text("US"),
            Text("Los Angeles"),
            Text("1200 S Figueroa St"),
            Number(1234.0),
            Number(1.2e12),
            Number(123.0),
            Number(2.0),
        ],
        vec![
            Text("B2C-0002"),
            Text("US-LAX-1"),
            Text("USPS-GROUND"),
            Text("Emily Carter"),
            Text("US"),
            Text("Los Angeles"),
            Text("1 Main St"),
            Text("01234"),
            Text("8613800138000"),
            Text("00123"),
            Text("1"),
        ],
    ]);

    let report = import_bytes::<B2cOrderCreate>(&bytes).expect("XLSX imports");

    assert_eq!(report.format, FileFormat::Xlsx);
    assert!(report.is_clean(), "{:#?}", report.errors);
    let first = &report.orders[0].request;
    assert_eq!(
        first.contact_mobile.as_deref(),
        Some("1200000000000"),
        "1.2E+12 must read as its digits"
    );
    assert_eq!(
        first.postcode, "1234",
        "a number cell has no leading zero left to keep"
    );
    assert_eq!(first.items[0].product_sku, "123", "integer without .0");
    assert_eq!(first.items[0].qty, 2);
    let second = &report.orders[1].request;
    assert_eq!(second.postcode, "01234", "text cells stay exactly as typed");
    assert_eq!(second.items[0].product_sku, "00123");

    let warned: Vec<&str> = report
        .warnings
        .iter()
        .filter_map(|w| w.column.as_deref())
        .collect();
    assert_eq!(
        warned,
        ["邮编", "电话", "SKU"],
        "each text column stored as numbers is warned about once, quantity is not"
    );
    assert!(
        report.warnings[0].en.contains("leading zeros"),
        "{:?}",
        report.warnings[0]
    );
}

#[test]
fn xlsx_decimals_and_dates_read_as_excel_shows_them() {
    use Cell::{Number, Text};
    let header = [
        "平台订单号",
        "仓库编码",
        "SKU",
        "数量",
        "单价",
        "商品总价",
        "订单总额",
        "下单时间",
    ];
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let cells = [
        Text("PO-1"),
        Text("US-LAX-1"),
        Text("SKU-MUG-001"),
        Number(3.0),
        Number(0.1 + 0.2),
        Number(0.9),
        Number(0.9),
    ];
    for (c, cell) in cells.iter().enumerate() {
        match cell {
            Text(t) => sheet.write_string(1, c as u16, *t).map(|_| ()).unwrap(),
            Number(n) => sheet.write_number(1, c as u16, *n).map(|_| ()).unwrap(),
            Cell::Blank => {}
        }
    }
    let when = rust_xlsxwriter::ExcelDateTime::parse_from_str("2024-05-01 10:30:00").unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm");
    sheet
        .write_datetime_with_format(1, 7, &when, &format)
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let report = import_bytes::<PlatformOrderCreate>(&bytes).expect("imports");

    assert!(report.is_clean(), "{:#?}", report.errors);
    let order = &report.orders[0].request;
    assert_eq!(
        order.item_dtos[0].unit_price,
        Some(Decimal::new(3, 1)),
        "0.30000000000000004 reads as Excel shows it"
    );
    assert_eq!(
        order.order_time.as_deref(),
        Some("2024-05-01T10:30:00Z"),
        "date cell → RFC 3339"
    );
}

#[test]
fn multi_line_orders_group_by_reference() {
    let text = csv_text(&rows(&[
        &[
            "platformOrderNo",
            "warehouseCode",
            "buyerName",
            "sku",
            "quantity",
            "totalPrice",
            "totalAmount",
        ],
        &["PO-1", "US-LAX-1", "Emily", "SKU-MUG-001", "1", "10", "30"],
        &["PO-1", "", "", "SKU-LAMP-002", "2", "20", ""],
        &["PO-2", "DE-FRA-1", "Jonas", "SKU-MUG-001", "1", "", ""],
        &["PO-1", "US-LAX-1", "Emily", "SKU-CUP-003", "0", "0", "30"],
    ]));

    let report = import_bytes::<PlatformOrderCreate>(text.as_bytes()).expect("imports");

    assert_eq!(report.orders.len(), 2, "PO-1's three rows are one order");
    let po1 = &report.orders[0];
    assert_eq!(po1.reference, "PO-1");
    assert_eq!(
        po1.rows,
        [2, 3, 5],
        "rows in file order, even when not adjacent"
    );
    let skus: Vec<&str> = po1
        .request
        .item_dtos
        .iter()
        .map(|l| l.sku.as_str())
        .collect();
    assert_eq!(skus, ["SKU-MUG-001", "SKU-LAMP-002", "SKU-CUP-003"]);
    assert_eq!(
        po1.request.warehouse_code, "US-LAX-1",
        "order fields from the first row"
    );
    assert!(!po1.valid, "its third line has quantity 0");
    assert!(report.orders[1].valid, "PO-2 has no problem");

    let found: Vec<(usize, Option<&str>, &str)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), e.field.as_str()))
        .collect();
    assert_eq!(
        found,
        [(5, Some("quantity"), "itemDTOs[2].quantity")],
        "the third line's quantity is on the order's third row (file row 5)"
    );
}

#[test]
fn a_conflicting_order_cell_in_a_later_row_is_an_error_there() {
    let text = csv_text(&rows(&[
        &["平台订单号", "仓库编码", "买家姓名", "SKU", "数量"],
        &["PO-1", "US-LAX-1", "Emily", "SKU-MUG-001", "1"],
        &["PO-1", "DE-FRA-1", "Emily", "SKU-LAMP-002", "1"],
        &["PO-1", "", "Emma", "SKU-CUP-003", "1"],
    ]));

    let report = import_bytes::<PlatformOrderCreate>(text.as_bytes()).expect("imports");

    let found: Vec<(usize, Option<&str>)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(3, Some("仓库编码")), (4, Some("买家姓名"))],
        "each conflicting cell is named; a blank order cell in a later row is fine"
    );
    assert!(
        report.errors[0].zh.contains("US-LAX-1"),
        "{}",
        report.errors[0].zh
    );
    assert_eq!(report.orders[0].request.warehouse_code, "US-LAX-1");
}

#[test]
fn a_phone_excel_rounded_to_scientific_notation_is_an_error_in_its_cell() {
    let mut table = b2c_rows();
    table[1][8] = "8.61380E+12".to_owned();
    table[2][9] = "1.23E+05".to_owned();
    let text = csv_text(&table);

    let report = import_bytes::<B2cOrderCreate>(text.as_bytes()).expect("imports");

    let found: Vec<(usize, Option<&str>)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(2, Some("电话")), (3, Some("SKU"))],
        "each rounded cell is named by row and column: {:?}",
        report.errors
    );
    assert!(
        report.errors[0].zh.contains("科学计数法") && report.errors[0].en.contains("Text"),
        "the message says what happened and what to do: {:?}",
        report.errors[0]
    );
}

#[test]
fn headers_in_either_language_any_order_with_unknown_columns() {
    let text = csv_text(&rows(&[
        &[
            "数量/quantity",
            "SKU",
            "Warehouse code",
            "平台订单号",
            "Seller note",
            "buyerCountryCode",
            "币种*",
        ],
        &["２", "SKU-MUG-001", "US-LAX-1", "PO-9", "gift", "de", "eur"],
    ]));

    let report = import_bytes::<PlatformOrderCreate>(text.as_bytes()).expect("imports");

    assert!(report.is_clean(), "{:#?}", report.errors);
    let order = &report.orders[0].request;
    assert_eq!(order.platform_order_no, "PO-9");
    assert_eq!(order.warehouse_code, "US-LAX-1");
    assert_eq!(order.buyer_country_code.as_deref(), Some("DE"));
    assert_eq!(
        order.currency_code.as_deref(),
        Some("EUR"),
        "币种* is the currency column"
    );
    assert_eq!(order.item_dtos[0].quantity, Some(2));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].column.as_deref(), Some("Seller note"));
}

#[test]
fn missing_required_columns_are_one_clear_error() {
    let text = csv_text(&rows(&[
        &["平台订单号", "买家姓名", "SKU"],
        &["PO-1", "Emily", "SKU-MUG-001"],
    ]));

    let error = import_bytes::<PlatformOrderCreate>(text.as_bytes()).unwrap_err();

    match &error {
        Error::MissingColumns { missing } => assert_eq!(
            missing,
            &["仓库编码 / Warehouse code", "数量 / Quantity"],
            "both missing columns named in both languages"
        ),
        other => panic!("expected MissingColumns, got {other:?}"),
    }
    assert!(error.zh().contains("仓库编码"), "{}", error.zh());
}

#[test]
fn a_column_given_twice_is_refused() {
    let text = "平台订单号,仓库编码,SKU,数量,Quantity\nPO-1,US-LAX-1,A,1,2\n";

    let error = import_bytes::<PlatformOrderCreate>(text.as_bytes()).unwrap_err();

    assert!(matches!(error, Error::DuplicateColumn { .. }), "{error:?}");
}

#[test]
fn products_one_row_each_with_repeated_skus_and_missing_names() {
    let text = csv_text(&rows(&[
        &[
            "SKU",
            "中文名称",
            "英文名称",
            "重量",
            "重量单位",
            "是否带电",
        ],
        &["SKU-MUG-001", "马克杯", "", "0.35", "千克", "否"],
        &["SKU-LAMP-002", "", "", "", "", ""],
        &["SKU-MUG-001", "马克杯", "Mug", "", "", ""],
        &["SKU-BAT-004", "电池", "Battery", "1", "kg", "是"],
    ]));

    let report = import_bytes::<Product>(text.as_bytes()).expect("imports");

    assert_eq!(report.orders.len(), 4, "a product per row");
    let mug = &report.orders[0].request;
    assert_eq!(mug.product_weight, Some(Decimal::new(35, 2)));
    assert_eq!(
        mug.product_weight_type.map(oms_api::Code::code),
        Some(1),
        "unit given by its Chinese label"
    );
    let found: Vec<(usize, Option<&str>, &str)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), e.field.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, Some("中文名称"), "name"),
            (4, Some("SKU"), "productSku"),
            (5, Some("是否带电"), "openBattery"),
        ],
        "missing names, a repeated SKU, a battery product without battery facts"
    );
}

#[test]
fn the_run_time_kind_gives_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = csv_text(&b2c_rows());
    let path = common::file(dir.path(), "b2c.csv", text.as_bytes());

    let report = oms_import::import_file(ImportKind::B2cOrders, &path).expect("imports");

    assert_eq!(report.kind(), ImportKind::B2cOrders);
    assert_eq!(report.order_counts(), (2, 2));
    assert_eq!(report.rows(), 2);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["kind"], "b2cOrders",
        "the UI reads the kind from the report"
    );
    assert_eq!(json["orders"][0]["request"]["postcode"], "01234");
}
