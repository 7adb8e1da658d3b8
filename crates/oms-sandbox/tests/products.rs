//! The product endpoints of the sandbox over HTTP with the real client: the seeded products in
//! the list, every list filter, creation with its review, and the rules (unique SKU, existing
//! category, changes only while draft, pending or rejected).

mod support;

use oms_api::product::{
    Product, ProductListRequest, ProductSaved, ProductStatus, ProductType, ReviewStatus,
    SavedProductKey,
};
use oms_api::{Client, CommonParam, Extra};
use rust_decimal::Decimal;
use support::sandbox::{advance_clock, demo_client, refusal, start};

fn new_product(sku: &str) -> Product {
    Product {
        product_sku: sku.to_owned(),
        name: Some("保温杯".to_owned()),
        name_en: Some("Travel flask".to_owned()),
        product_category_code: Some("HOME-KITCHEN".to_owned()),
        price: Some(Decimal::new(1999, 2)),
        product_type: Some(ProductType::Small),
        ..Product::default()
    }
}

async fn list(client: &Client, request: ProductListRequest) -> Vec<Product> {
    client
        .list_products(&ProductListRequest {
            common_param: Some(CommonParam::page(1, 100)),
            ..request
        })
        .await
        .expect("the product list answers")
        .list
}

fn skus(products: &[Product]) -> Vec<&str> {
    products.iter().map(|p| p.product_sku.as_str()).collect()
}

async fn one(client: &Client, sku: &str) -> Product {
    let found = list(
        client,
        ProductListRequest {
            product_sku: Some(sku.to_owned()),
            ..ProductListRequest::default()
        },
    )
    .await;

    assert_eq!(skus(&found), [sku], "exactly one product {sku}");
    found.into_iter().next().unwrap()
}

#[tokio::test]
async fn the_seeded_products_are_listed_approved() {
    let sandbox = start().await;

    let products = list(&demo_client(&sandbox), ProductListRequest::default()).await;

    assert_eq!(
        skus(&products),
        [
            "SKU-MUG-001",
            "SKU-LAMP-002",
            "SKU-CABLE-003",
            "SKU-TENT-004",
            "SKU-BAG-005"
        ],
        "the five seeded products, in seed order"
    );
    assert!(
        products
            .iter()
            .all(|p| p.status == Some(ProductStatus::Approved)),
        "seeded products are approved: {products:?}"
    );
    assert_eq!(products[0].price, Some(Decimal::new(1290, 2)));
}

#[tokio::test]
async fn every_list_filter_narrows_the_list() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .expect("the product is created");

    let by_skus = list(
        &client,
        ProductListRequest {
            product_skus: vec!["SKU-TENT-004".to_owned(), "SKU-MUG-001".to_owned()],
            ..ProductListRequest::default()
        },
    )
    .await;
    let by_category = list(
        &client,
        ProductListRequest {
            product_category_code: Some("HOME-KITCHEN".to_owned()),
            ..ProductListRequest::default()
        },
    )
    .await;
    let by_type = list(
        &client,
        ProductListRequest {
            product_type: Some(ProductType::Small),
            ..ProductListRequest::default()
        },
    )
    .await;
    let by_status = list(
        &client,
        ProductListRequest {
            status: Some(ProductStatus::PendingReview),
            ..ProductListRequest::default()
        },
    )
    .await;
    let paged = client
        .list_products(&ProductListRequest {
            common_param: Some(CommonParam::page(2, 4)),
            ..ProductListRequest::default()
        })
        .await
        .unwrap();

    assert_eq!(skus(&by_skus), ["SKU-MUG-001", "SKU-TENT-004"]);
    assert_eq!(skus(&by_category), ["SKU-MUG-001", "SKU-FLASK-010"]);
    assert_eq!(
        skus(&by_type),
        ["SKU-FLASK-010"],
        "only the new one is small"
    );
    assert_eq!(
        skus(&by_status),
        ["SKU-FLASK-010"],
        "only the new one waits"
    );
    assert_eq!(paged.total_count, Some(6));
    assert_eq!(paged.total_page, Some(2));
    assert_eq!(skus(&paged.list), ["SKU-BAG-005", "SKU-FLASK-010"]);
}

#[tokio::test]
async fn a_new_product_waits_for_review_and_the_clock_approves_it() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);

    let saved = client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .expect("the product is created");
    let pending = one(&client, "SKU-FLASK-010").await;
    advance_clock(&sandbox, 10).await;
    let still_pending = one(&client, "SKU-FLASK-010").await;
    advance_clock(&sandbox, 25).await;
    let approved = one(&client, "SKU-FLASK-010").await;

    assert_eq!(
        saved,
        ProductSaved::Product(SavedProductKey {
            product_sku: Some("SKU-FLASK-010".to_owned()),
            extra: Extra::new(),
        }),
        "create answers {{\"productSku\": ...}}"
    );
    assert_eq!(pending.status, Some(ProductStatus::PendingReview));
    assert_eq!(pending.review_status, Some(ReviewStatus::Pending));
    let category = pending.open_category.expect("the category is named");
    assert_eq!(category.name_en.as_deref(), Some("Kitchen"));
    assert_eq!(pending.price, Some(Decimal::new(1999, 2)));
    assert_eq!(
        still_pending.status,
        Some(ProductStatus::PendingReview),
        "10 minutes are not enough for the review"
    );
    assert_eq!(approved.status, Some(ProductStatus::Approved));
    assert_eq!(approved.review_status, Some(ReviewStatus::Done));
}

#[tokio::test]
async fn a_sku_is_created_once_per_account() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .unwrap();

    let again = refusal(
        client.create_product(&new_product("SKU-FLASK-010")).await,
        "a second SKU-FLASK-010",
    );
    let seeded = refusal(
        client.create_product(&new_product("SKU-MUG-001")).await,
        "a seeded SKU",
    );

    assert_eq!(again.code, "40900", "a duplicate is a conflict: {again:?}");
    assert!(
        again.message.contains("SKU-FLASK-010") && again.message.contains("already exists"),
        "the conflict names the SKU: {again:?}"
    );
    assert!(seeded.message.contains("SKU-MUG-001"), "{seeded:?}");
}

#[tokio::test]
async fn an_unknown_category_is_named() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    let product = Product {
        product_category_code: Some("NO-SUCH-CAT".to_owned()),
        ..new_product("SKU-FLASK-010")
    };

    let refused = refusal(client.create_product(&product).await, "unknown category");
    client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .unwrap();
    let update = refusal(
        client.update_product(&product).await,
        "unknown category on update",
    );

    assert_eq!(
        refused.errors,
        ["productCategoryCode: 产品分类不存在 NO-SUCH-CAT (category NO-SUCH-CAT does not exist; \
          see category_list)"],
        "the field and the code are named"
    );
    assert_eq!(
        update.errors, refused.errors,
        "updates check the category too"
    );
}

#[tokio::test]
async fn a_pending_product_can_be_changed_an_approved_one_cannot() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .unwrap();

    let changed = client
        .update_product(&Product {
            name_en: Some("Vacuum flask".to_owned()),
            ..new_product("SKU-FLASK-010")
        })
        .await
        .expect("a pending product can be changed");
    let after_change = one(&client, "SKU-FLASK-010").await;
    let approved_seed = refusal(
        client.update_product(&new_product("SKU-MUG-001")).await,
        "an approved product",
    );
    let unknown = refusal(
        client.update_product(&new_product("SKU-NOPE-999")).await,
        "an unknown product",
    );

    assert!(matches!(changed, ProductSaved::Product(_)), "{changed:?}");
    assert_eq!(after_change.name_en.as_deref(), Some("Vacuum flask"));
    assert_eq!(after_change.status, Some(ProductStatus::PendingReview));
    assert!(
        approved_seed.message.contains("审核通过")
            && approved_seed.message.contains("approved (status 3)"),
        "the refusal names the status in both languages: {approved_seed:?}"
    );
    assert_eq!(unknown.code, "40400");
    assert!(unknown.message.contains("SKU-NOPE-999"), "{unknown:?}");
}

#[tokio::test]
async fn once_approved_a_new_product_is_locked_too() {
    let sandbox = start().await;
    let client = demo_client(&sandbox);
    client
        .create_product(&new_product("SKU-FLASK-010"))
        .await
        .unwrap();
    advance_clock(&sandbox, 31).await;

    let refused = refusal(
        client.update_product(&new_product("SKU-FLASK-010")).await,
        "the approved new product",
    );

    assert!(
        refused.message.contains("approved (status 3)"),
        "{refused:?}"
    );
}
