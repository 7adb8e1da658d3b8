//! The label PDFs checked with the tools a person would use: `pdfinfo` for the page count,
//! `pdftotext` for the printed text, and `pdftoppm` + `zbarimg` to scan every barcode back.
//! Chinese text needs the machine's CJK font (`fonts-wqy-microhei`), which these tests require.
//! The tools and their helpers are in `support::pdf`.

use oms_api::bulk::LabelSize;
use oms_sandbox::labels::{
    box_labels, express_label, sku_barcodes, Carton, CartonLine, ExpressLabel, SkuLabel,
};

mod support;

use support::pdf::{page_count, page_size, require_cjk_font, scanned_barcodes, text_of, write_pdf};

/// What a PDF of 100 labels may take at most: the CJK font is subset once per PDF, not per label.
const HUNDRED_LABELS_MAX_BYTES: usize = 400 * 1024;

/// How often `needle` occurs in `haystack`.
fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}

fn three_cartons() -> Vec<Carton> {
    let line = |sku: &str, qty| CartonLine {
        product_sku: sku.to_owned(),
        qty,
    };

    vec![
        Carton {
            box_no: "1".to_owned(),
            lines: vec![line("SKU-MUG-001", 24)],
        },
        Carton {
            box_no: "2".to_owned(),
            lines: vec![line("SKU-MUG-001", 12), line("SKU-LAMP-002", 6)],
        },
        Carton {
            box_no: "3".to_owned(),
            lines: vec![line("SKU-LAMP-002", 10)],
        },
    ]
}

#[test]
fn box_labels_have_one_page_per_carton_with_scannable_barcodes() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = box_labels(
        "ASN-20250101-0007",
        "US-LAX-1",
        &three_cartons(),
        LabelSize::Label100x100,
    )
    .unwrap();
    let pdf = write_pdf(dir.path(), "box", &bytes);

    let text = text_of(&pdf);
    let codes = scanned_barcodes(&pdf, dir.path());

    assert_eq!(page_count(&pdf), 3, "one 100x100 label per carton");
    for n in 1..=3 {
        assert!(
            text.contains(&format!("Carton {n} / 3")),
            "carton {n} is numbered: {text}"
        );
    }
    assert!(text.contains("ASN-20250101-0007") && text.contains("US-LAX-1"));
    assert!(
        text.contains("SKU-LAMP-002 x 6"),
        "SKU lines are printed: {text}"
    );
    assert_eq!(
        codes,
        [
            "ASN-20250101-0007-1",
            "ASN-20250101-0007-2",
            "ASN-20250101-0007-3"
        ],
        "each barcode scans as <orderNo>-<boxNo>"
    );
}

#[test]
fn box_labels_on_a4_share_one_sheet_and_still_scan() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = box_labels("ASN-A4", "DE-FRA-1", &three_cartons(), LabelSize::A4).unwrap();
    let pdf = write_pdf(dir.path(), "sheet", &bytes);

    let codes = scanned_barcodes(&pdf, dir.path());

    assert_eq!(page_count(&pdf), 1, "three labels fit one 2x3 A4 sheet");
    assert_eq!(codes, ["ASN-A4-1", "ASN-A4-2", "ASN-A4-3"]);
}

#[test]
fn sku_barcodes_have_one_page_per_label_and_print_chinese_names() {
    require_cjk_font();
    let dir = tempfile::tempdir().unwrap();
    let labels = [
        SkuLabel {
            product_sku: "SKU-MUG-001".to_owned(),
            name: "Ceramic mug".to_owned(),
        },
        SkuLabel {
            product_sku: "SKU-LAMP-002".to_owned(),
            name: "LED 台灯".to_owned(),
        },
    ];
    let bytes = sku_barcodes(&labels, LabelSize::Label100x150).unwrap();
    let pdf = write_pdf(dir.path(), "sku", &bytes);

    let text = text_of(&pdf);
    let codes = scanned_barcodes(&pdf, dir.path());

    assert_eq!(page_count(&pdf), 2);
    assert!(text.contains("Ceramic mug"), "the name is printed: {text}");
    assert!(
        text.contains("LED 台灯"),
        "the Chinese name is printed: {text}"
    );
    assert_eq!(codes, ["SKU-MUG-001", "SKU-LAMP-002"]);
}

#[test]
fn an_express_label_is_one_100x150_page_with_the_tracking_barcode() {
    require_cjk_font();
    let dir = tempfile::tempdir().unwrap();
    let label = ExpressLabel {
        tracking_no: "1Z999AA10123456784".to_owned(),
        channel_code: "UPS-LABEL".to_owned(),
        order_no: "LBL-0001".to_owned(),
        reference_no: "REF-42".to_owned(),
        shipper: vec![
            "Demo Seller".to_owned(),
            "1200 E Warehouse Way".to_owned(),
            "Los Angeles CA 90021 US".to_owned(),
        ],
        consignee: vec![
            "Jane Doe 张三".to_owned(),
            "221B Baker Street".to_owned(),
            "London NW1 6XE GB".to_owned(),
        ],
        weight: "1.200 kg".to_owned(),
    };
    let bytes = express_label(&label).unwrap();
    let pdf = write_pdf(dir.path(), "express", &bytes);

    let (width, height) = page_size(&pdf);
    let text = text_of(&pdf);
    let codes = scanned_barcodes(&pdf, dir.path());

    assert_eq!(page_count(&pdf), 1);
    assert!(
        (width - 283.46).abs() < 0.5 && (height - 425.2).abs() < 0.5,
        "the page is 100 x 150 mm (283.46 x 425.2 pt): {width} x {height}"
    );
    assert!(text.contains("Jane Doe 张三") && text.contains("Demo Seller"));
    assert!(text.contains("1Z999AA10123456784"));
    assert_eq!(codes, ["1Z999AA10123456784"]);
}

#[test]
fn a_hundred_labels_with_chinese_names_embed_one_small_font_subset() {
    require_cjk_font();
    let dir = tempfile::tempdir().unwrap();
    let products = [
        "陶瓷马克杯",
        "LED 台灯",
        "不锈钢保温杯",
        "无线蓝牙耳机",
        "纯棉毛巾套装",
    ];
    let labels: Vec<SkuLabel> = (1..=100)
        .map(|n| SkuLabel {
            product_sku: format!("SKU-{n:04}"),
            name: format!("{} 第{n}号", products[n % products.len()]),
        })
        .collect();

    let bytes = sku_barcodes(&labels, LabelSize::Label100x150).unwrap();
    let pdf = write_pdf(dir.path(), "hundred", &bytes);

    let text = text_of(&pdf);

    assert_eq!(page_count(&pdf), 100);
    for label in &labels {
        assert!(text.contains(&label.name), "{} is printed", label.name);
    }
    assert_eq!(
        occurrences(&bytes, b"/FontFile2") + occurrences(&bytes, b"/FontFile3"),
        1,
        "one font program for the whole PDF"
    );
    assert!(
        bytes.len() < HUNDRED_LABELS_MAX_BYTES,
        "100 labels take {} bytes",
        bytes.len()
    );
}

#[test]
fn a_hundred_cartons_stay_small() {
    let dir = tempfile::tempdir().unwrap();
    let cartons: Vec<Carton> = (1..=100)
        .map(|n| Carton {
            box_no: n.to_string(),
            lines: vec![CartonLine {
                product_sku: "SKU-MUG-001".to_owned(),
                qty: 24,
            }],
        })
        .collect();

    let bytes = box_labels("ASN-BIG", "CN-SZX-1", &cartons, LabelSize::Label100x100).unwrap();
    let pdf = write_pdf(dir.path(), "cartons", &bytes);

    assert_eq!(page_count(&pdf), 100);
    assert!(text_of(&pdf).contains("Carton 100 / 100"));
    assert_eq!(
        occurrences(&bytes, b"/Type0"),
        0,
        "ASCII-only labels embed no font"
    );
    assert!(
        bytes.len() < HUNDRED_LABELS_MAX_BYTES,
        "100 box labels take {} bytes",
        bytes.len()
    );
}
