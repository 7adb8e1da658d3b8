//! Every downloadable template opens as its own kind, in either language and format, and its
//! example row passes the client's validation.

use oms_api::outbound::B2cOrderCreate;
use oms_api::platform::PlatformOrderCreate;
use oms_api::product::Product;
use oms_import::{import_bytes, template, FileFormat, ImportKind, Importable, Language};

fn check<T: Importable>(language: Language, format: FileFormat) {
    let bytes = template(T::KIND, language, format);

    let report = import_bytes::<T>(&bytes)
        .unwrap_or_else(|e| panic!("{:?} {language:?} {format:?} template: {e}", T::KIND));

    let context = format!("{:?} {language:?} {format:?}", T::KIND);
    assert_eq!(report.format, format, "{context}");
    assert_eq!(report.rows, 1, "{context}: one example row");
    assert!(
        report.is_clean(),
        "{context}: example must validate: {:#?}",
        report.errors
    );
    assert!(
        report.warnings.is_empty(),
        "{context}: every header known: {:?}",
        report.warnings
    );
    assert_eq!(report.valid_orders().count(), 1, "{context}");
    oms_api::Validate::check(&report.orders[0].request)
        .unwrap_or_else(|e| panic!("{context}: {e}"));
}

#[test]
fn every_template_validates() {
    for language in [Language::Zh, Language::En] {
        for format in [FileFormat::Csv, FileFormat::Xlsx] {
            check::<PlatformOrderCreate>(language, format);
            check::<B2cOrderCreate>(language, format);
            check::<Product>(language, format);
        }
    }
}

#[test]
fn templates_carry_the_headers_of_their_language() {
    let zh = template(ImportKind::PlatformOrders, Language::Zh, FileFormat::Csv);
    let en = template(ImportKind::PlatformOrders, Language::En, FileFormat::Csv);

    assert!(
        zh.starts_with(b"\xEF\xBB\xBF"),
        "CSV templates have a BOM so Excel reads UTF-8"
    );
    let zh = String::from_utf8(zh[3..].to_vec()).unwrap();
    let en = String::from_utf8(en[3..].to_vec()).unwrap();
    assert!(zh.starts_with("平台订单号,仓库编码,"), "{zh}");
    assert!(en.starts_with("Platform order no.,Warehouse code,"), "{en}");
    assert!(
        zh.contains(",02134,"),
        "the example postcode keeps its leading zero: {zh}"
    );
}
