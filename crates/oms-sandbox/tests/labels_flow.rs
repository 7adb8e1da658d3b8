//! Express labels through the real client over HTTP: the whole life cycle of SPEC.md §2.8 with
//! the sandbox clock doing the warehouse's part, the label PDF checked with `pdfinfo` and
//! `zbarimg` (Debian packages `poppler-utils` and `zbar-tools`; a missing tool fails the test),
//! the failure path, every refused transition naming the status, fees, lists and the checks of
//! create and update.

mod support;

use oms_api::common::{MethodType, ShippingMethodListRequest};
use oms_api::label::{
    ExpressLabel, ExpressLabelCreate, ExpressLabelUpdate, LabelActionRequest, LabelAddress,
    LabelInfoRequest, LabelLine, LabelListRequest, LabelOrderType, LabelStatus,
};
use oms_api::{Client, CommonParam, Error, YesNo};
use oms_sandbox::RunningSandbox;
use rust_decimal::Decimal;
use support::pdf::{page_size, scanned_barcodes};
use support::sandbox::{advance_clock, refusal, said, start_with_client};

fn address(name: &str, country: &str, postcode: &str) -> LabelAddress {
    LabelAddress {
        name: name.to_owned(),
        phone: "5551234567".to_owned(),
        country_code: country.to_owned(),
        city: "Los Angeles".to_owned(),
        province: Some("CA".to_owned()),
        address: "1200 E Warehouse Way".to_owned(),
        postcode: postcode.to_owned(),
        ..LabelAddress::default()
    }
}

/// A valid create body on `UPS-LABEL`, 1.2 kg, to a consignee with `postcode`.
fn label(reference_no: &str, postcode: &str) -> ExpressLabelCreate {
    ExpressLabelCreate {
        order_type: Some(LabelOrderType::SingleParcel),
        reference_no: reference_no.to_owned(),
        shipping_method_code: "UPS-LABEL".to_owned(),
        weight: Some(Decimal::new(1200, 3)),
        length: Some(Decimal::from(30)),
        width: Some(Decimal::from(20)),
        height: Some(Decimal::from(10)),
        shipper: Some(address("Demo Seller", "US", "90021")),
        consignee: Some(address("Jane Doe", "US", postcode)),
        item_dtos: vec![LabelLine {
            product_sku: Some("SKU-MUG-001".to_owned()),
            declare_name_en: Some("Ceramic mug".to_owned()),
            declare_value: Some(Decimal::new(1290, 2)),
            qty: Some(2),
            ..LabelLine::default()
        }],
        ..ExpressLabelCreate::default()
    }
}

async fn info(client: &Client, order_no: &str) -> ExpressLabel {
    client
        .express_label_info(&LabelInfoRequest::new(order_no))
        .await
        .expect("label_info answers for an existing label")
}

async fn status_of(client: &Client, order_no: &str) -> LabelStatus {
    info(client, order_no)
        .await
        .status
        .expect("a label always has a status")
}

fn one(order_no: &str) -> LabelActionRequest {
    LabelActionRequest::one(order_no)
}

#[tokio::test]
async fn a_label_goes_from_draft_to_refunded_with_a_scannable_pdf_on_the_way() {
    let (sandbox, client) = start_with_client().await;

    let created = client
        .create_express_label(&label("REF-LIFE-1", "90001"))
        .await
        .expect("a valid label is created");
    let order_no = created.order_no.clone();
    assert!(order_no.starts_with("EL"), "readable number: {order_no}");
    assert_eq!(status_of(&client, &order_no).await, LabelStatus::Draft);

    let submitted = client
        .submit_express_label_for_review(&one(&order_no))
        .await
        .expect("a draft can be submitted");
    assert_eq!(submitted.status, Some(LabelStatus::PendingReview));
    let rejected = client
        .reject_express_label(&one(&order_no).with_remark("wrong weight"))
        .await
        .expect("a pending label can be rejected");
    assert_eq!(rejected.status, Some(LabelStatus::Draft), "reject: 2 → 1");
    client
        .submit_express_label_for_review(&one(&order_no))
        .await
        .expect("a rejected label can be submitted again");
    let reviewed = client
        .review_express_label(&one(&order_no))
        .await
        .expect("a pending label can be reviewed");
    assert_eq!(reviewed.status, Some(LabelStatus::Reviewed));
    let waiting = client.download_express_label(&order_no).await;
    assert!(
        matches!(&waiting, Err(Error::NotReady { en, .. }) if en.contains("3 (reviewed)")),
        "no file before the warehouse made the label: {waiting:?}"
    );

    advance_clock(&sandbox, 30).await;
    let made = info(&client, &order_no).await;
    assert_eq!(made.status, Some(LabelStatus::Created), "the clock made it");
    let tracking_no = made
        .tracking_no
        .clone()
        .expect("a made label has a tracking number");
    assert!(
        tracking_no.starts_with("UPS"),
        "carrier prefix: {tracking_no}"
    );

    let file = client
        .download_express_label(&order_no)
        .await
        .expect("a made label can be downloaded");
    assert!(file.is_pdf(), "the label file is a PDF");
    assert_eq!(file.file_type.as_deref(), Some("PDF"));
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("label.pdf");
    std::fs::write(&pdf, &file.bytes).unwrap();
    let (width, height) = page_size(&pdf);
    assert!(
        (width - 283.46).abs() < 0.5 && (height - 425.2).abs() < 0.5,
        "the label is 100 x 150 mm (283.46 x 425.2 pt): {width} x {height}"
    );
    assert_eq!(
        scanned_barcodes(&pdf, dir.path()),
        [tracking_no.as_str()],
        "the barcode scans as the tracking number"
    );

    let charged = client
        .express_label_fee_info(&LabelInfoRequest::new(&order_no))
        .await
        .expect("a made label has a fee");
    let estimated = client
        .estimate_express_label_fee(&label("REF-LIFE-1", "90001"))
        .await
        .expect("the same body can be estimated");
    assert_eq!(
        charged.total_fee, estimated.total_fee,
        "charged as estimated"
    );

    let refunding = client
        .refund_express_label(&one(&order_no))
        .await
        .expect("a made label can be refunded");
    assert_eq!(refunding.status, Some(LabelStatus::RefundRequested));
    let no_file = info(&client, &order_no).await;
    assert!(
        no_file.label_file.is_none(),
        "a label being refunded must not be printed any more"
    );
    advance_clock(&sandbox, 30).await;
    assert_eq!(
        status_of(&client, &order_no).await,
        LabelStatus::Refunded,
        "the clock refunds it"
    );
    let refunded = client
        .express_label_fee_info(&LabelInfoRequest::new(&order_no))
        .await
        .expect("a refunded label shows its fee and the refund");
    assert_eq!(refunded.total_fee, Some(Decimal::ZERO), "refunded in full");
    assert_eq!(
        refunded.items.last().and_then(|item| item.fee),
        charged.total_fee.map(|fee| -fee),
        "the refund item gives back what was charged"
    );
}

#[tokio::test]
async fn a_failed_creation_names_its_reason_and_a_retry_makes_the_label() {
    let (sandbox, client) = start_with_client().await;
    let created = client
        .create_reviewed_express_label(&label("REF-FAIL-1", "00000"))
        .await
        .expect("created straight at review");
    let order_no = created.order_no;
    assert_eq!(
        status_of(&client, &order_no).await,
        LabelStatus::Reviewed,
        "create-review makes a reviewed label"
    );

    advance_clock(&sandbox, 30).await;
    let failed = info(&client, &order_no).await;
    assert_eq!(
        failed.status,
        Some(LabelStatus::Failed),
        "postcode 00000 fails"
    );
    let reason = failed.error_reason.expect("a failed label says why");
    assert!(
        reason.contains("00000"),
        "the reason names the postcode: {reason}"
    );
    assert!(failed.label_file.is_none() && failed.tracking_no.is_none());

    let retried = client
        .retry_express_label(&one(&order_no))
        .await
        .expect("a failed label can be retried");
    assert_eq!(retried.status, Some(LabelStatus::Reviewed), "retry: -2 → 3");
    advance_clock(&sandbox, 30).await;
    let made = info(&client, &order_no).await;

    assert_eq!(
        made.status,
        Some(LabelStatus::Created),
        "the retry succeeds"
    );
    assert!(made.error_reason.is_none(), "the old reason is gone");
    assert_eq!(made.extra["retryCount"], 1, "the retry is counted");
    assert!(client.download_express_label(&order_no).await.is_ok());
}

#[tokio::test]
async fn a_tracking_number_of_the_seller_is_kept_and_must_be_printable() {
    let (sandbox, client) = start_with_client().await;
    let mut own = label("T-1", "90001");
    own.tracking_no = Some("1ZSELLER0001".to_owned());
    let mut unprintable = label("T-2", "90001");
    unprintable.tracking_no = Some("追踪-0001".to_owned());
    let own = client
        .create_reviewed_express_label(&own)
        .await
        .unwrap()
        .order_no;
    let unprintable = client
        .create_reviewed_express_label(&unprintable)
        .await
        .unwrap()
        .order_no;

    advance_clock(&sandbox, 30).await;
    let kept = info(&client, &own).await;
    let failed = info(&client, &unprintable).await;

    assert_eq!(kept.status, Some(LabelStatus::Created));
    assert_eq!(
        kept.tracking_no.as_deref(),
        Some("1ZSELLER0001"),
        "the seller's number"
    );
    assert_eq!(
        failed.status,
        Some(LabelStatus::Failed),
        "no barcode, no label"
    );
    let reason = failed.error_reason.unwrap_or_default();
    assert!(reason.contains("cannot be made"), "{reason}");
}

#[tokio::test]
async fn cancel_answers_per_label_and_activate_brings_a_label_back_as_draft() {
    let (sandbox, client) = start_with_client().await;
    let draft = client
        .create_express_label(&label("C-1", "90001"))
        .await
        .unwrap()
        .order_no;
    let pending = client
        .create_express_label(&label("C-2", "90001"))
        .await
        .unwrap()
        .order_no;
    client
        .submit_express_label_for_review(&one(&pending))
        .await
        .unwrap();
    let failed = client
        .create_reviewed_express_label(&label("C-3", "00000"))
        .await
        .unwrap()
        .order_no;
    let made = client
        .create_reviewed_express_label(&label("C-4", "90001"))
        .await
        .unwrap()
        .order_no;
    advance_clock(&sandbox, 30).await;
    assert_eq!(status_of(&client, &failed).await, LabelStatus::Failed);

    let result = client
        .cancel_express_labels(&LabelActionRequest::many([
            draft.as_str(),
            pending.as_str(),
            failed.as_str(),
            made.as_str(),
            "EL-NOPE",
        ]))
        .await
        .expect("cancel answers with a bulk result even when some fail");

    assert_eq!(
        (result.total_qty, result.success_qty, result.fail_qty),
        (5, 3, 2)
    );
    let succeeded: Vec<&str> = result.success_list.iter().map(|i| i.key()).collect();
    assert_eq!(
        succeeded,
        [&draft, &pending, &failed],
        "1, 2 and -2 can be cancelled"
    );
    let made_failure = &result.fail_list[0];
    assert_eq!(made_failure.key(), made);
    assert!(
        made_failure.message.contains("status 4 (label created)")
            && made_failure.message.contains("allowed: refund"),
        "the failure names the status and what is allowed: {}",
        made_failure.message
    );
    assert!(
        result.fail_list[1].message.contains("not found: EL-NOPE"),
        "an unknown label fails alone: {}",
        result.fail_list[1].message
    );
    for order_no in [&draft, &pending, &failed] {
        assert_eq!(status_of(&client, order_no).await, LabelStatus::Cancelled);
    }
    assert_eq!(status_of(&client, &made).await, LabelStatus::Created);

    let active = client
        .activate_express_label(&one(&failed))
        .await
        .expect("a cancelled label can be activated");
    assert_eq!(active.status, Some(LabelStatus::Draft), "activate: -1 → 1");
    let again = refusal(
        client.activate_express_label(&one(&failed)).await,
        "activating a draft",
    );
    assert!(
        said(&again).contains("status 1 (draft)"),
        "{}",
        said(&again)
    );
}

/// Removes a country from the sandbox. The seed holds every ISO code the client accepts, so this
/// is the only way to show that an unknown country is refused by the sandbox itself.
fn forget_country(sandbox: &RunningSandbox, code: &str) {
    let removed = sandbox
        .store()
        .write(|db| {
            Ok(db.connection().execute(
                "DELETE FROM records WHERE kind = 'country' AND key = ?1",
                [code],
            )?)
        })
        .expect("the country row can be removed");

    assert_eq!(removed, 1, "{code} was seeded");
}

/// Asks `action` of a label and expects a refusal naming `status_text` and `allowed`.
async fn expect_illegal(
    client: &Client,
    order_no: &str,
    action: &str,
    status_text: &str,
    allowed: &str,
) {
    let request = one(order_no);
    let outcome = match action {
        "submit" => client.submit_express_label_for_review(&request).await,
        "review" => client.review_express_label(&request).await,
        "reject" => client.reject_express_label(&request).await,
        "refund" => client.refund_express_label(&request).await,
        "activate" => client.activate_express_label(&request).await,
        "retry" => client.retry_express_label(&request).await,
        other => panic!("unknown action {other}"),
    };

    let api = refusal(outcome, &format!("{action} in {status_text}"));
    let text = said(&api);
    assert!(
        text.contains(status_text) && text.contains(allowed),
        "{action} must be refused naming `{status_text}` and `{allowed}`: {text}"
    );
    assert!(
        text.contains("面单当前状态为"),
        "the refusal is bilingual: {text}"
    );
}

#[tokio::test]
async fn every_illegal_transition_is_refused_naming_the_status() {
    let (sandbox, client) = start_with_client().await;
    let draft = client
        .create_express_label(&label("I-1", "90001"))
        .await
        .unwrap()
        .order_no;
    let pending = client
        .create_express_label(&label("I-2", "90001"))
        .await
        .unwrap()
        .order_no;
    client
        .submit_express_label_for_review(&one(&pending))
        .await
        .unwrap();
    let reviewed = client
        .create_reviewed_express_label(&label("I-3", "90001"))
        .await
        .unwrap()
        .order_no;

    for action in ["review", "reject", "refund", "activate", "retry"] {
        expect_illegal(
            &client,
            &draft,
            action,
            "status 1 (draft)",
            "allowed: submit",
        )
        .await;
    }
    for action in ["submit", "refund", "activate", "retry"] {
        let allowed = "allowed: review, reject, cancel";
        expect_illegal(
            &client,
            &pending,
            action,
            "status 2 (pending review)",
            allowed,
        )
        .await;
    }
    for action in ["submit", "review", "reject", "refund", "activate", "retry"] {
        expect_illegal(
            &client,
            &reviewed,
            action,
            "status 3 (reviewed)",
            "allowed: nothing",
        )
        .await;
    }
    let cancel = client
        .cancel_express_labels(&LabelActionRequest::one(&reviewed))
        .await
        .expect("cancel answers with a bulk result");
    assert_eq!(cancel.fail_qty, 1, "a reviewed label cannot be cancelled");
    assert!(cancel.fail_list[0].message.contains("status 3 (reviewed)"));

    advance_clock(&sandbox, 30).await;
    for action in ["submit", "review", "reject", "activate", "retry"] {
        let made = "status 4 (label created)";
        expect_illegal(&client, &reviewed, action, made, "allowed: refund").await;
    }

    assert_eq!(
        status_of(&client, &draft).await,
        LabelStatus::Draft,
        "nothing moved"
    );
    assert_eq!(
        status_of(&client, &pending).await,
        LabelStatus::PendingReview
    );
    assert_eq!(status_of(&client, &reviewed).await, LabelStatus::Created);
}

#[tokio::test]
async fn actions_name_one_existing_label() {
    let (_sandbox, client) = start_with_client().await;
    let first = client
        .create_express_label(&label("A-1", "90001"))
        .await
        .unwrap()
        .order_no;
    let second = client
        .create_express_label(&label("A-2", "90001"))
        .await
        .unwrap()
        .order_no;

    let two = refusal(
        client
            .submit_express_label_for_review(&LabelActionRequest::many([&first, &second]))
            .await,
        "submitting two labels in one call",
    );
    let missing = refusal(
        client.review_express_label(&one("EL-MISSING")).await,
        "reviewing an unknown label",
    );
    let by_list = client
        .submit_express_label_for_review(&LabelActionRequest::many([&first]))
        .await
        .expect("orderNos with one label works like orderNo");

    assert!(said(&two).contains("orderNos"), "{}", said(&two));
    assert_eq!(status_of(&client, &second).await, LabelStatus::Draft);
    assert_eq!(missing.code, "40400", "an unknown label is not found");
    assert!(said(&missing).contains("EL-MISSING"));
    assert_eq!(by_list.status, Some(LabelStatus::PendingReview));
}

#[tokio::test]
async fn update_changes_drafts_only() {
    let (_sandbox, client) = start_with_client().await;
    let order_no = client
        .create_express_label(&label("U-1", "90001"))
        .await
        .unwrap()
        .order_no;
    let other = client
        .create_express_label(&label("U-2", "90001"))
        .await
        .unwrap()
        .order_no;

    let mut changed = label("U-1B", "10001");
    changed.weight = Some(Decimal::new(2500, 3));
    let update = ExpressLabelUpdate {
        order_no: order_no.clone(),
        label: changed.clone(),
    };
    let updated = client
        .update_express_label(&update)
        .await
        .expect("a draft can be changed");
    let stored = info(&client, &order_no).await;

    assert_eq!(updated.order_no, order_no);
    assert_eq!(stored.weight, Some(Decimal::new(2500, 3)));
    assert_eq!(stored.reference_no.as_deref(), Some("U-1B"));
    assert_eq!(
        stored.status,
        Some(LabelStatus::Draft),
        "update keeps the status"
    );

    let taken = ExpressLabelUpdate {
        order_no: order_no.clone(),
        label: label("U-2", "90001"),
    };
    let duplicate = refusal(
        client.update_express_label(&taken).await,
        "taking another label's reference",
    );
    assert!(
        said(&duplicate).contains(&other),
        "the refusal names the label using U-2 ({other}): {}",
        said(&duplicate)
    );

    let unknown = ExpressLabelUpdate {
        order_no: "EL-UNKNOWN".to_owned(),
        label: label("U-9", "90001"),
    };
    let missing = refusal(
        client.update_express_label(&unknown).await,
        "an unknown label",
    );
    assert_eq!(missing.code, "40400", "{}", said(&missing));

    client
        .submit_express_label_for_review(&one(&order_no))
        .await
        .unwrap();
    let late = refusal(
        client.update_express_label(&update).await,
        "updating a pending label",
    );
    assert!(
        said(&late).contains("status 2 (pending review)") && said(&late).contains("only drafts"),
        "{}",
        said(&late)
    );
}

#[tokio::test]
async fn create_checks_channel_countries_skus_and_the_reference() {
    let (sandbox, client) = start_with_client().await;
    forget_country(&sandbox, "HM");
    let first = client
        .create_express_label(&label("R-1", "90001"))
        .await
        .unwrap()
        .order_no;

    let duplicate = refusal(
        client.create_express_label(&label("R-1", "90001")).await,
        "a reused referenceNo",
    );
    let mut logistics = label("R-2", "90001");
    logistics.shipping_method_code = "USPS-GROUND".to_owned();
    let wrong_kind = refusal(
        client.create_express_label(&logistics).await,
        "a logistics channel",
    );
    let mut bad = label("R-3", "90001");
    bad.shipping_method_code = "NOPE-LABEL".to_owned();
    bad.consignee = Some(address("Jane Doe", "HM", "7151"));
    bad.item_dtos.push(LabelLine {
        product_sku: Some("SKU-GHOST-9".to_owned()),
        qty: Some(1),
        ..LabelLine::default()
    });
    let several = refusal(client.create_reviewed_express_label(&bad).await, "bad refs");
    let trial = refusal(
        client.estimate_express_label_fee(&bad).await,
        "a fee trial on an unknown channel",
    );

    assert_eq!(duplicate.code, "40900");
    assert!(
        said(&duplicate).contains(&first),
        "the duplicate names the existing label {first}: {}",
        said(&duplicate)
    );
    assert!(
        said(&wrong_kind).contains("shippingMethodCode: USPS-GROUND 不是面单渠道"),
        "{}",
        said(&wrong_kind)
    );
    let errors = several.errors.join("\n");
    for expected in [
        "shippingMethodCode: 面单渠道不存在 NOPE-LABEL",
        "consignee.countryCode: 国家不存在 HM",
        "itemDTOs[1].productSku: 产品不存在 SKU-GHOST-9",
    ] {
        assert!(
            errors.contains(expected),
            "missing `{expected}` in:\n{errors}"
        );
    }
    assert_eq!(
        several.errors.len(),
        3,
        "every problem at once, nothing else"
    );
    assert!(said(&trial).contains("NOPE-LABEL"), "{}", said(&trial));
    let listed = client
        .list_express_labels(&LabelListRequest::default())
        .await
        .unwrap();
    assert_eq!(listed.total_count, Some(1), "no refused label was stored");
}

#[tokio::test]
async fn fees_follow_weight_volume_insurance_and_signature() {
    let (_sandbox, client) = start_with_client().await;
    let mut insured = label("F-1", "90001");
    insured.is_insure = Some(YesNo::Yes);
    insured.insure_price = Some(Decimal::from(250));
    insured.is_sign = Some(YesNo::Yes);
    let mut bulky = label("F-2", "90001");
    bulky.shipping_method_code = "DHL-LABEL".to_owned();
    bulky.shipper = Some(address("Demo Seller", "DE", "60311"));
    bulky.weight = Some(Decimal::from(2));
    bulky.length = Some(Decimal::from(50));
    bulky.width = Some(Decimal::from(40));
    bulky.height = Some(Decimal::from(30));

    let small = client.estimate_express_label_fee(&insured).await.unwrap();
    let large = client.estimate_express_label_fee(&bulky).await.unwrap();

    let fees: Vec<String> = small
        .items
        .iter()
        .map(|item| item.fee.unwrap().to_string())
        .collect();
    assert_eq!(
        fees,
        ["6.50", "2.70", "0.92", "2.50", "3.50"],
        "base, 1.5 kg x 1.80, 10 % fuel, 1 % of 250, signature"
    );
    assert_eq!(small.currency.as_deref(), Some("USD"));
    assert_eq!(small.total_fee.unwrap().to_string(), "16.12");
    assert_eq!(
        large.total_fee.unwrap().to_string(),
        "26.29",
        "DHL: 5.90 + 12 kg x 1.50 (volumetric) + 10 % fuel"
    );

    let draft = client
        .create_express_label(&insured)
        .await
        .unwrap()
        .order_no;
    let early = refusal(
        client
            .express_label_fee_info(&LabelInfoRequest::new(&draft))
            .await,
        "the fee of a draft",
    );
    assert!(
        said(&early).contains("status is 1 (draft)"),
        "{}",
        said(&early)
    );
}

#[tokio::test]
async fn the_channel_list_has_only_express_label_channels() {
    let (sandbox, client) = start_with_client().await;
    let codes = |page: oms_api::Page<oms_api::common::ShippingMethod>| -> Vec<String> {
        page.list.into_iter().map(|channel| channel.code).collect()
    };

    let all = client
        .list_label_channels(&ShippingMethodListRequest::default())
        .await
        .unwrap();
    let frankfurt = client
        .list_label_channels(&ShippingMethodListRequest {
            warehouse_code: Some("DE-FRA-1".to_owned()),
            ..ShippingMethodListRequest::default()
        })
        .await
        .unwrap();
    let logistics = client
        .list_label_channels(&ShippingMethodListRequest {
            method_type: Some(MethodType::Logistics),
            ..ShippingMethodListRequest::default()
        })
        .await
        .unwrap();

    assert!(
        all.list.iter().all(
            |channel| channel.method_type == Some(MethodType::ExpressLabel)
                && channel.is_delivery == Some(YesNo::Yes)
        ),
        "only methodType 2 channels with isDelivery: {:?}",
        all.list
    );
    assert_eq!(
        codes(all),
        ["UPS-LABEL", "FEDEX-LABEL", "DHL-LABEL", "ROYALMAIL-LABEL"],
        "every warehouse sells labels"
    );
    assert_eq!(codes(frankfurt), ["DHL-LABEL"], "warehouse filter");
    assert!(
        logistics.list.is_empty(),
        "no logistics channel is a label channel"
    );

    let switched_off = sandbox
        .store()
        .write(|db| {
            Ok(db.connection().execute(
                "UPDATE records SET body = json_set(body, '$.isDelivery', -1)
                 WHERE kind = 'shipping_method' AND key = 'FEDEX-LABEL'",
                [],
            )?)
        })
        .unwrap();
    let without_fedex = client
        .list_label_channels(&ShippingMethodListRequest::default())
        .await
        .unwrap();
    assert_eq!(switched_off, 1);
    assert_eq!(
        codes(without_fedex),
        ["UPS-LABEL", "DHL-LABEL", "ROYALMAIL-LABEL"],
        "a channel without isDelivery sells no labels"
    );
}

#[tokio::test]
async fn the_label_list_filters_and_pages() {
    let (sandbox, client) = start_with_client().await;
    let first = client
        .create_express_label(&label("L-1", "90001"))
        .await
        .unwrap()
        .order_no;
    let second = client
        .create_express_label(&label("L-2", "90001"))
        .await
        .unwrap()
        .order_no;
    client
        .submit_express_label_for_review(&one(&second))
        .await
        .unwrap();
    advance_clock(&sandbox, 120).await;
    let mut fedex = label("L-3", "90001");
    fedex.shipping_method_code = "FEDEX-LABEL".to_owned();
    let third = client
        .create_reviewed_express_label(&fedex)
        .await
        .unwrap()
        .order_no;
    let third_created = info(&client, &third).await.create_time.unwrap();
    advance_clock(&sandbox, 5).await;
    let tracking_no = info(&client, &third).await.tracking_no.unwrap();

    let list = |request: LabelListRequest| {
        let client = client.clone();
        async move {
            let page = client.list_express_labels(&request).await.unwrap();
            let numbers: Vec<String> = page.list.into_iter().map(|l| l.order_no).collect();
            (page.total_count, page.total_page, numbers)
        }
    };

    let paged = list(LabelListRequest {
        common_param: Some(CommonParam::page(2, 2)),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(
        paged,
        (Some(3), Some(2), vec![third.clone()]),
        "page 2 of 2"
    );
    let by_status = list(LabelListRequest {
        status: Some(LabelStatus::PendingReview),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(by_status.2, [second.as_str()], "status filter");
    let by_reference = list(LabelListRequest {
        reference_nos: vec!["L-1".to_owned(), "L-3".to_owned()],
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(
        by_reference.2,
        [first.as_str(), third.as_str()],
        "referenceNos"
    );
    let by_numbers = list(LabelListRequest {
        order_nos: vec![first.clone(), second.clone()],
        reference_no: Some("L-2".to_owned()),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(
        by_numbers.2,
        [second.as_str()],
        "orderNos and referenceNo together"
    );
    let by_channel = list(LabelListRequest {
        shipping_method_code: Some("FEDEX-LABEL".to_owned()),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(by_channel.2, [third.as_str()], "channel filter");
    let by_tracking = list(LabelListRequest {
        tracking_no: Some(tracking_no),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(by_tracking.2, [third.as_str()], "tracking number filter");
    let by_time = list(LabelListRequest {
        start_create_time: Some(third_created.clone()),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(by_time.2, [third.as_str()], "created after the clock moved");
    let before = list(LabelListRequest {
        order_no: Some(first.clone()),
        end_create_time: Some(third_created),
        ..LabelListRequest::default()
    })
    .await;
    assert_eq!(before.2, [first], "orderNo and end time");
}
