//! A seller's whole week against the sandbox, through the real client over HTTP: a new product,
//! an ASN of three cartons with its box labels, receiving and putting away, a B2C order that
//! locks and then ships stock, a B2B transfer with an FBA label attached, a return that goes back
//! on the shelf, an express label bought and printed, platform orders alone and in a batch. Then
//! the sandbox restarts on the same data folder and every order is still there.

mod support;

use oms_api::bulk::{LabelFileRequest, LabelSize};
use oms_api::files::Attachment;
use oms_api::Client;
use oms_sandbox::{Sandbox, SandboxConfig};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use support::{pdf, sandbox::advance_clock};

/// A request fixture of the client's tests, changed by `edit`, as the typed request.
fn request<T: DeserializeOwned>(name: &str, edit: impl FnOnce(&mut Value)) -> T {
    let path = format!(
        "{}/../oms-api/tests/fixtures/requests/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut body: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut body);
    serde_json::from_value(body).unwrap_or_else(|e| panic!("{name} reads into its type: {e}"))
}

fn typed<T: DeserializeOwned>(body: Value) -> T {
    serde_json::from_value(body).expect("the request reads into its type")
}

fn as_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

async fn stock_of(client: &Client, sku: &str) -> Value {
    let page = client
        .list_stock(&typed(
            json!({"productSku": sku, "warehouseCode": "US-LAX-1"}),
        ))
        .await
        .expect("stock list");
    as_json(&page)["list"][0].clone()
}

async fn movements_of(client: &Client, order_no: &str) -> Vec<i64> {
    let page = client
        .list_stock_movements(&typed(json!({"productSku": "SKU-JOURNEY-1", "commonParam": {"pageParam": {"pageNum": 1, "pageSize": 100}}})))
        .await
        .expect("movement list");
    let mut codes: Vec<i64> = as_json(&page)["list"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["orderNo"] == order_no)
        .map(|m| {
            m["bizType"]
                .as_str()
                .and_then(|t| t.parse().ok())
                .or(m["bizType"].as_i64())
                .unwrap()
        })
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[tokio::test]
async fn a_sellers_week_from_product_to_platform_orders_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(SandboxConfig::with_data_dir(data.path()))
        .await
        .unwrap();
    let client = support::sandbox::demo_client(&sandbox);

    // A new product, approved by the warehouse after a while.
    client
        .create_product(&typed(
            json!({"productSku": "SKU-JOURNEY-1", "name": "旅行杯", "nameEn": "Travel mug"}),
        ))
        .await
        .expect("the product is created");
    advance_clock(&sandbox, 60).await;
    let products = as_json(
        &client
            .list_products(&typed(json!({"productSku": "SKU-JOURNEY-1"})))
            .await
            .unwrap(),
    );
    assert_eq!(
        products["list"][0]["status"], "3",
        "the product is approved: {products}"
    );

    // An ASN of three cartons, its box labels, then receiving and putting away.
    let mut asn = support::asn::asn(
        "ASN-JOURNEY-1",
        "US-LAX-1",
        vec![
            support::asn::line("SKU-JOURNEY-1", "1", 40),
            support::asn::line("SKU-JOURNEY-1", "2", 40),
            support::asn::line("SKU-JOURNEY-1", "3", 20),
        ],
    );
    asn.remark = Some("journey".into());
    let inbound_no = client
        .create_reviewed_inbound_order(&asn)
        .await
        .expect("ASN created")
        .order_no;
    let labels = client
        .download_box_labels(&LabelFileRequest {
            order_no: inbound_no.clone(),
            label_size: Some(LabelSize::Label100x150),
            ..Default::default()
        })
        .await
        .expect("box labels");
    let labels_pdf = pdf::write_pdf(files.path(), "box-labels", &labels.bytes);
    assert_eq!(pdf::page_count(&labels_pdf), 3, "one box label per carton");
    assert_eq!(
        stock_of(&client, "SKU-JOURNEY-1").await["asnQty"],
        100,
        "100 pieces on the way in"
    );
    advance_clock(&sandbox, 2 * 24 * 60).await;
    let stock = stock_of(&client, "SKU-JOURNEY-1").await;
    assert_eq!(stock["saleQty"], 100, "put away and sellable: {stock}");
    assert_eq!(stock["asnQty"], 0);
    assert_eq!(
        movements_of(&client, &inbound_no).await,
        [2],
        "a put-away movement"
    );

    // A B2C order locks 5 pieces, then ships them.
    let b2c = request::<oms_api::outbound::B2cOrderCreate>("b2c_create_reviewed", |body| {
        body["referenceNo"] = json!("SO-JOURNEY-1");
        body["itemDTOs"] = json!([{"productSku": "SKU-JOURNEY-1", "qty": "5"}]);
        body.as_object_mut().unwrap().remove("trackingNo");
    });
    let b2c_no = client
        .create_reviewed_b2c_order(&b2c)
        .await
        .expect("B2C order")
        .order_no;
    let locked = stock_of(&client, "SKU-JOURNEY-1").await;
    assert_eq!(
        (locked["saleQty"].clone(), locked["lockQty"].clone()),
        (json!(95), json!(5)),
        "stock is locked"
    );
    advance_clock(&sandbox, 6 * 60).await;
    let shipped = as_json(
        &client
            .list_b2c_orders(&typed(json!({"orderNo": b2c_no})))
            .await
            .unwrap(),
    );
    assert_eq!(
        shipped["list"][0]["status"], "5",
        "the order shipped: {shipped}"
    );
    assert!(shipped["list"][0]["trackingNo"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(
        movements_of(&client, &b2c_no).await,
        [3, 5],
        "lock then shipped"
    );
    assert_eq!(stock_of(&client, "SKU-JOURNEY-1").await["lockQty"], 0);

    // A B2B transfer with its warehouse instructions and an FBA label attached after creation.
    let b2b = request::<oms_api::outbound::B2bOrderCreate>("b2b_create", |body| {
        body["referenceNo"] = json!("FBA-JOURNEY-1");
        body["warehouseCode"] = json!("US-LAX-1");
        body["code2"] = json!("US");
        body["shippingMethodCode"] = json!("UPS-GROUND");
        body["itemDTOs"] = json!([{"productSku": "SKU-JOURNEY-1", "qty": "10", "boxNo": "1"}]);
    });
    let b2b_no = client
        .create_b2b_order(&b2b)
        .await
        .expect("B2B order")
        .order_no;
    let label_bytes: Vec<u8> = b"%PDF-1.4\n".iter().copied().chain(0..=255u8).collect();
    let label_path = files.path().join("FBA-label.pdf");
    std::fs::write(&label_path, &label_bytes).unwrap();
    let upload = oms_api::outbound::UploadAttachmentsRequest {
        order_no: b2b_no.clone(),
        attachments: vec![oms_api::files::OutboundAttachment(
            Attachment::from_path(&label_path, "SHIPMENT_LABEL").unwrap(),
        )],
        ..Default::default()
    };
    client
        .upload_outbound_attachments(&upload)
        .await
        .expect("upload");
    let stored = client
        .download_outbound_attachments(&typed(json!({"orderNo": b2b_no})))
        .await
        .expect("download");
    let returned = stored
        .iter()
        .find(|a| a.file_name.as_deref() == Some("FBA-label.pdf"))
        .expect("the label is listed");
    assert_eq!(
        returned.to_file().unwrap().bytes,
        label_bytes,
        "the attachment comes back byte for byte"
    );
    let b2b_list = as_json(
        &client
            .list_b2b_orders(&typed(json!({"orderNo": b2b_no})))
            .await
            .unwrap(),
    );
    assert_eq!(
        b2b_list["list"][0]["openB2b"]["shipmentNo"], "FBA15K7Q2XYZ",
        "b2bDto is kept"
    );

    // A return of 2 pieces of the shipped order, restocked.
    let ret = request::<oms_api::returns::ReturnOrderCreate>("return_create_reviewed", |body| {
        body["referenceNo"] = json!("RMA-JOURNEY-1");
        body["outboundOrderNo"] = json!(b2c_no);
        body["itemDTOs"] = json!([{"productSku": "SKU-JOURNEY-1", "qty": "2"}]);
    });
    let return_no = client
        .create_reviewed_return_order(&ret)
        .await
        .expect("return")
        .order_no;
    advance_clock(&sandbox, 4 * 60).await;
    assert_eq!(
        movements_of(&client, &return_no).await,
        [6],
        "a return put-away movement"
    );
    let after_return = stock_of(&client, "SKU-JOURNEY-1").await;
    assert_eq!(
        after_return["saleQty"], 87,
        "95, less 10 locked when the clock reviewed the B2B order, plus 2 restocked: {after_return}"
    );

    // An express label bought, made and printed.
    let label = request::<oms_api::label::ExpressLabelCreate>("label_create_reviewed", |body| {
        body["referenceNo"] = json!("LBL-JOURNEY-1");
    });
    let label_no = client
        .create_reviewed_express_label(&label)
        .await
        .expect("label")
        .order_no;
    advance_clock(&sandbox, 30).await;
    let printed = client
        .download_express_label(&label_no)
        .await
        .expect("the label file");
    assert_eq!(
        pdf::page_count(&pdf::write_pdf(files.path(), "express", &printed.bytes)),
        1
    );

    // Platform orders, one and then a batch of two.
    let single =
        request::<oms_api::platform::PlatformOrderCreate>("platform_order_create", |body| {
            body["platformOrderNo"] = json!("113-JOURNEY-1");
            body.as_object_mut().unwrap().remove("platformStoreCode");
        });
    assert_eq!(
        client
            .create_platform_order(&single)
            .await
            .expect("platform order"),
        "创建成功"
    );
    let batch: oms_api::platform::PlatformOrderBatch = typed(json!([
        {"platformOrderNo": "113-JOURNEY-2", "warehouseCode": "US-LAX-1", "itemDTOs": [{"sku": "SKU-JOURNEY-1", "quantity": 1}]},
        {"platformOrderNo": "113-JOURNEY-3", "warehouseCode": "US-LAX-1", "itemDTOs": [{"sku": "SKU-JOURNEY-1", "quantity": 2}]}
    ]));
    let result = client.create_platform_orders(&batch).await.expect("batch");
    assert_eq!((result.success_qty, result.fail_qty), (2, 0), "{result:?}");

    // Restart on the same folder: every order is still there.
    sandbox.shutdown().await.unwrap();
    let again = Sandbox::start(SandboxConfig::with_data_dir(data.path()))
        .await
        .unwrap();
    let client = support::sandbox::demo_client(&again);
    let b2c_after = as_json(
        &client
            .list_b2c_orders(&typed(json!({"orderNo": b2c_no})))
            .await
            .unwrap(),
    );
    let b2b_after = as_json(
        &client
            .list_b2b_orders(&typed(json!({"orderNo": b2b_no})))
            .await
            .unwrap(),
    );
    let inbound_after = as_json(
        &client
            .list_inbound_orders(&typed(json!({"orderNos": [inbound_no]})))
            .await
            .unwrap(),
    );
    let returns_after = as_json(
        &client
            .list_return_orders(&typed(json!({"orderNos": [return_no]})))
            .await
            .unwrap(),
    );
    let labels_after = as_json(
        &client
            .list_express_labels(&typed(json!({"orderNo": label_no})))
            .await
            .unwrap(),
    );
    assert_eq!(
        b2c_after["list"][0]["status"], "5",
        "the shipped B2C order survives"
    );
    assert_eq!(b2b_after["totalCount"], 1, "the B2B order survives");
    assert_eq!(inbound_after["totalCount"], 1, "the ASN survives");
    assert_eq!(returns_after["totalCount"], 1, "the return survives");
    assert_eq!(labels_after["totalCount"], 1, "the express label survives");
    let product_after = as_json(
        &client
            .list_products(&typed(json!({"productSkus": ["SKU-JOURNEY-1"]})))
            .await
            .unwrap(),
    );
    assert_eq!(product_after["totalCount"], 1, "the product survives");
    let platform_again = client.create_platform_order(&single).await;
    assert!(
        matches!(&platform_again,
            Err(oms_api::Error::Api(api)) if api.message.contains("113-JOURNEY-1")),
        "the platform order survives: sending it again is refused as a duplicate: \
         {platform_again:?}"
    );
    let stock_after = stock_of(&client, "SKU-JOURNEY-1").await;
    assert_eq!(
        stock_after["saleQty"], after_return["saleQty"],
        "stock survives"
    );
    again.shutdown().await.unwrap();
}
