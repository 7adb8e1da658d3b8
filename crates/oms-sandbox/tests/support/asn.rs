//! Inbound orders to send in tests.

use oms_api::inbound::{InboundLine, InboundOrderCreate, ShippingType, TransitType};

/// One line: `qty` pieces of `sku` in carton `box_no`.
pub fn line(sku: &str, box_no: &str, qty: u32) -> InboundLine {
    InboundLine {
        product_sku: sku.to_owned(),
        box_no: box_no.to_owned(),
        qty,
        ..InboundLine::default()
    }
}

/// An express shipment to `warehouse` with these lines.
pub fn asn(reference_no: &str, warehouse: &str, items: Vec<InboundLine>) -> InboundOrderCreate {
    InboundOrderCreate {
        reference_no: reference_no.to_owned(),
        transit_type: Some(TransitType::SellerShips),
        warehouse_code: warehouse.to_owned(),
        shipping_type: Some(ShippingType::Express),
        items,
        ..InboundOrderCreate::default()
    }
}

/// Three cartons to US-LAX-1: 24 mugs; 12 mugs and 6 lamps; 10 lamps (36 mugs, 16 lamps).
pub fn three_cartons(reference_no: &str) -> InboundOrderCreate {
    asn(
        reference_no,
        "US-LAX-1",
        vec![
            line("SKU-MUG-001", "1", 24),
            line("SKU-MUG-001", "2", 12),
            line("SKU-LAMP-002", "2", 6),
            line("SKU-LAMP-002", "3", 10),
        ],
    )
}
