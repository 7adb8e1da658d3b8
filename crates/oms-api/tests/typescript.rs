//! The wire types export to TypeScript (the desktop UI's bindings are generated from them), and
//! each field has the JSON type the wire uses: codes sent as text are `string`, codes sent as
//! numbers are `number`, money is `string`, and unknown extra keys are allowed.

use oms_api::outbound::{B2bOrderCreate, OutboundOrder};
use oms_api::platform::PlatformOrderCreate;
use oms_api::{label, product, Page};

fn typescript_of(types: specta::Types) -> String {
    specta_typescript::Typescript::default()
        .export(&types, specta_serde::Format)
        .unwrap_or_else(|e| panic!("the wire types must export to TypeScript: {e}"))
}

fn field_line<'a>(typescript: &'a str, type_name: &str, field: &str) -> &'a str {
    let start = typescript
        .find(&format!("export type {type_name} = "))
        .unwrap_or_else(|| panic!("{type_name} is exported"));
    let body = &typescript[start..];
    let end = body.find("\n}").unwrap_or(body.len());

    body[..end]
        .lines()
        .find(|line| {
            line.trim_start().starts_with(&format!("{field}?:"))
                || line.trim_start().starts_with(&format!("{field}:"))
        })
        .unwrap_or_else(|| panic!("{type_name}.{field} is in the TypeScript type"))
}

#[test]
fn order_types_export_with_their_wire_forms() {
    let types = specta::Types::default()
        .register::<B2bOrderCreate>()
        .register::<OutboundOrder>()
        .register::<PlatformOrderCreate>()
        .register::<Page<product::Product>>()
        .register::<label::ExpressLabel>();

    let typescript = typescript_of(types);

    assert!(
        field_line(&typescript, "B2bOrderCreate", "pickType").contains("string"),
        "pickType travels as text"
    );
    assert!(
        field_line(&typescript, "B2bOrderCreate", "signType").contains("number"),
        "signType travels as a number"
    );
    assert!(
        field_line(&typescript, "B2bOrderCreate", "insurePrice").contains("string"),
        "money travels as text"
    );
    assert!(field_line(&typescript, "B2bOrderCreate", "itemDTOs").contains("OutboundLine"));
    assert!(field_line(&typescript, "PlatformOrderLine", "totalPrice").contains("number"));
    assert!(
        typescript.contains("[key in string]: unknown"),
        "extra keys are allowed"
    );
}
