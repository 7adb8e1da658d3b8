//! Box labels of a 400-carton ASN merged with another ASN's into one PDF, then imposed on A4,
//! read back with `pdfinfo` and `pdftotext` (Debian package `poppler-utils`; a missing tool
//! fails the test).

mod support;

use oms_api::bulk::LabelSize;
use oms_api::inbound::{InboundLine, InboundOrderCreate, ShippingType, TransitType};
use oms_batch::labels::{impose, label_batch, LabelKind, Nup};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::*;

fn asn(reference_no: &str, cartons: u32) -> InboundOrderCreate {
    InboundOrderCreate {
        reference_no: reference_no.to_owned(),
        transit_type: Some(TransitType::SellerShips),
        warehouse_code: "US-LAX-1".to_owned(),
        shipping_type: Some(ShippingType::Express),
        items: (1..=cartons)
            .map(|n| InboundLine {
                product_sku: "SKU-MUG-001".to_owned(),
                box_no: n.to_string(),
                qty: 6,
                ..InboundLine::default()
            })
            .collect(),
        ..InboundOrderCreate::default()
    }
}

fn tool(name: &str, pdf: &Path) -> String {
    let output = Command::new(name)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("`{name}` could not run ({e}); install poppler-utils"));
    assert!(
        output.status.success(),
        "{name} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdfinfo_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(field))
        .unwrap_or_else(|| panic!("pdfinfo prints {field}: {info}"))
        .trim()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_container_of_400_cartons_prints_as_one_file_and_as_a4_sheets() {
    let sandbox = start().await;
    let client = client(&sandbox, Duration::from_secs(30));
    let big = client
        .create_reviewed_inbound_order(&asn("CONTAINER-400", 400))
        .await
        .expect("the 400-carton ASN is created")
        .order_no;
    let small = client
        .create_reviewed_inbound_order(&asn("PARCELS-3", 3))
        .await
        .expect("the 3-carton ASN is created")
        .order_no;
    let dir = tempfile::tempdir().unwrap();

    let merged = label_batch(
        &client,
        LabelKind::Box,
        &[big.clone(), small.clone()],
        LabelSize::Label100x100,
        None,
    )
    .await
    .expect("the labels download and merge");
    let merged_path = dir.path().join("merged.pdf");
    std::fs::write(&merged_path, &merged).unwrap();
    let sheets_path = dir.path().join("sheets.pdf");
    std::fs::write(&sheets_path, impose(&merged, Nup::TWO_BY_THREE).unwrap()).unwrap();

    let info = tool("pdfinfo", &merged_path);
    assert_eq!(
        pdfinfo_field(&info, "Pages:"),
        "403",
        "one page per carton: {info}"
    );
    let text = tool("pdftotext", &merged_path);
    for n in 1..=400 {
        assert!(
            text.contains(&format!("{big}-{n}\n")),
            "carton {n} of {big} is printed"
        );
    }
    for n in 1..=3 {
        assert!(
            text.contains(&format!("{small}-{n}\n")),
            "carton {n} of {small} is printed"
        );
    }
    let first_small = text.find(&format!("{small}-1\n")).unwrap();
    assert!(
        text.find(&format!("{big}-400\n")).unwrap() < first_small,
        "the ASNs follow in the order asked"
    );

    let sheets = tool("pdfinfo", &sheets_path);
    assert_eq!(
        pdfinfo_field(&sheets, "Pages:"),
        "68",
        "ceil(403 / 6) A4 sheets: {sheets}"
    );
    assert!(
        pdfinfo_field(&sheets, "Page size:").contains("(A4)"),
        "the sheets are A4: {sheets}"
    );
    let sheet_text = tool("pdftotext", &sheets_path);
    assert!(
        sheet_text.contains(&format!("{big}-400")) && sheet_text.contains(&format!("{small}-3")),
        "the labels keep their text on the sheets"
    );
}
