//! Settling unknown outcomes before anything is sent again.
//!
//! A create whose answer never arrived (timeout, dropped connection, cut-off body, 5xx) may have
//! created the order. Sending it again blindly could create it twice, so:
//!
//! - **B2C, B2B, inbound and return orders** are looked up by their `referenceNo` with the list
//!   endpoint's `referenceNos` filter ([`find_by_reference`]). Found: accepted, with the order
//!   number the list shows. Not found: sent again.
//! - **Products** are looked up the same way by `productSku` with the product list's
//!   `productSkus` filter; a product found is accepted under its SKU.
//! - **Platform orders** have no list endpoint in the contract (SPEC.md §2.9 has creates only),
//!   so they cannot be looked up. They are sent again, and the OMS's own uniqueness of
//!   `platformOrderNo` is what prevents a second order: its refusal of a duplicate
//!   `platformOrderNo` is read by [`platform_refusal`] as "accepted by the earlier send" when
//!   that earlier send's outcome was unknown. The limitation: the body stored on the server is
//!   the earlier one; if the row was edited in between, the server keeps the old body.

use oms_api::inbound::InboundOrderListRequest;
use oms_api::outbound::OutboundListRequest;
use oms_api::product::ProductListRequest;
use oms_api::returns::ReturnListRequest;
use oms_api::{Client, CommonParam};
use std::collections::HashMap;

use crate::ledger::RunKind;

/// The most references one lookup call takes (the list filters' limit).
pub const REFERENCES_PER_LOOKUP: usize = 100;

/// Looks `references` up with the kind's list endpoint and returns the ones found, with their
/// order numbers (for products: their SKUs). Platform orders cannot be looked up: the answer is
/// always empty for them.
///
/// # Errors
///
/// The list call's error; the caller keeps the entries unknown and tries again later.
pub async fn find_by_reference(
    client: &Client,
    kind: RunKind,
    references: &[String],
) -> oms_api::Result<HashMap<String, String>> {
    let mut found = HashMap::new();

    for chunk in references.chunks(REFERENCES_PER_LOOKUP) {
        let page = Some(CommonParam::page(1, REFERENCES_PER_LOOKUP as u32));
        let pairs: Vec<(Option<String>, String)> = match kind {
            RunKind::PlatformOrder => return Ok(HashMap::new()),
            RunKind::B2cOrder | RunKind::B2bOrder => {
                let request = OutboundListRequest {
                    reference_nos: chunk.to_vec(),
                    common_param: page,
                    ..OutboundListRequest::default()
                };
                let listed = if kind == RunKind::B2cOrder {
                    client.list_b2c_orders(&request).await?
                } else {
                    client.list_b2b_orders(&request).await?
                };
                listed
                    .list
                    .into_iter()
                    .map(|order| (order.reference_no, order.order_no))
                    .collect()
            }
            RunKind::InboundOrder => {
                let request = InboundOrderListRequest {
                    reference_nos: chunk.to_vec(),
                    common_param: page,
                    ..InboundOrderListRequest::default()
                };
                client
                    .list_inbound_orders(&request)
                    .await?
                    .list
                    .into_iter()
                    .map(|order| (Some(order.order.reference_no), order.order_no))
                    .collect()
            }
            RunKind::ReturnOrder => {
                let request = ReturnListRequest {
                    reference_nos: chunk.to_vec(),
                    common_param: page,
                    ..ReturnListRequest::default()
                };
                client
                    .list_return_orders(&request)
                    .await?
                    .list
                    .into_iter()
                    .map(|order| (order.reference_no, order.order_no))
                    .collect()
            }
            RunKind::Product => {
                let request = ProductListRequest {
                    product_skus: chunk.to_vec(),
                    common_param: page,
                    ..ProductListRequest::default()
                };
                client
                    .list_products(&request)
                    .await?
                    .list
                    .into_iter()
                    .map(|product| (Some(product.product_sku.clone()), product.product_sku))
                    .collect()
            }
        };

        for (reference, order_no) in pairs {
            if let Some(reference) = reference.filter(|r| chunk.contains(r)) {
                found.insert(reference, order_no);
            }
        }
    }

    Ok(found)
}

/// How a refusal of one platform order is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlatformRefusal {
    /// The OMS already has this `platformOrderNo` and an earlier send of ours had an unknown
    /// outcome: that send created it. Counted as accepted.
    AcceptedEarlier,
    /// The OMS already has this `platformOrderNo`, but no send of ours could have created it
    /// (it came from elsewhere). Not sent again; reported as a duplicate.
    AlreadyOnServer,
    /// Any other refusal: the reasons stand.
    Rejected,
}

/// Reads the OMS's refusal `message` of platform order `platform_order_no`.
///
/// A refusal is a duplicate when it names the order number and says it exists already (the
/// sandbox answers `电商平台订单号已存在 N (platformOrderNo N already exists)`; the vendor's
/// wording is not documented, so both the Chinese 已存在 / 重复 and the English "already exists"
/// / "duplicate" are read). A repeat *within one batch* is not a duplicate of an earlier send
/// and stays a rejection. `was_unknown` says whether an earlier send of this entry ended with an
/// unknown outcome.
pub fn platform_refusal(
    platform_order_no: &str,
    message: &str,
    was_unknown: bool,
) -> PlatformRefusal {
    let lower = message.to_lowercase();
    let names_it = names_whole(message, platform_order_no);
    let within_batch = lower.contains("of this batch") || message.contains("与第");
    let exists = message.contains("已存在")
        || lower.contains("already exists")
        || lower.contains("duplicate")
        || message.contains("重复");

    match (names_it && exists && !within_batch, was_unknown) {
        (true, true) => PlatformRefusal::AcceptedEarlier,
        (true, false) => PlatformRefusal::AlreadyOnServer,
        (false, _) => PlatformRefusal::Rejected,
    }
}

/// True when `number` appears in `message` as a whole token, not inside a longer number.
fn names_whole(message: &str, number: &str) -> bool {
    let part_of_number = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_');

    !number.is_empty()
        && message.match_indices(number).any(|(at, _)| {
            let before = message[..at].chars().next_back();
            let after = message[at + number.len()..].chars().next();
            !before.is_some_and(part_of_number) && !after.is_some_and(part_of_number)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SANDBOX_DUPLICATE: &str =
        "电商平台订单号已存在 113-77 (platformOrderNo 113-77 already exists)";

    #[test]
    fn a_duplicate_after_an_unknown_send_is_the_earlier_send_accepted() {
        assert_eq!(
            platform_refusal("113-77", SANDBOX_DUPLICATE, true),
            PlatformRefusal::AcceptedEarlier
        );
    }

    #[test]
    fn a_duplicate_without_an_unknown_send_came_from_elsewhere() {
        assert_eq!(
            platform_refusal("113-77", SANDBOX_DUPLICATE, false),
            PlatformRefusal::AlreadyOnServer
        );
    }

    #[test]
    fn a_duplicate_of_another_order_number_is_a_rejection() {
        assert_eq!(
            platform_refusal("113-7", "电商平台订单号已存在 113-70", true),
            PlatformRefusal::Rejected,
            "the refusal must name this order"
        );
    }

    #[test]
    fn a_repeat_within_the_batch_is_a_rejection() {
        let message = "[3].platformOrderNo: 与第 1 个订单重复 113-77 (repeats order [0] of this \
                       batch: 113-77)";

        assert_eq!(
            platform_refusal("113-77", message, true),
            PlatformRefusal::Rejected
        );
    }

    #[test]
    fn other_refusals_stand() {
        let message = "[0].warehouseCode: 仓库编码不存在 US-NOPE (warehouse does not exist)";

        assert_eq!(
            platform_refusal("113-77", message, true),
            PlatformRefusal::Rejected
        );
    }

    #[test]
    fn english_wording_is_read_too() {
        assert_eq!(
            platform_refusal("A1", "Duplicate platformOrderNo: A1", true),
            PlatformRefusal::AcceptedEarlier
        );
    }
}
