//! Products (产品模块) in the sandbox: the SKU master data inbound and outbound orders refer
//! to. A new product waits for the warehouse's review like on the real OMS: it is created in
//! status 2 (pending review) and the clock hook approves it ([`APPROVAL_MINUTES`] simulated
//! minutes later), so the app can show both states. Only draft, pending and rejected products
//! may be changed; the refusal names the status the product is in.
//!
//! Products are records of kind `product` keyed by SKU, the same rows the seed writes, with the
//! review status kept both in the record status (for filtering) and in the body.

use oms_api::endpoints::EndpointId;
use oms_api::product::{
    CategoryRef, Product, ProductListRequest, ProductSaved, ProductStatus, ReviewDiff,
    ReviewStatus, SavedProductKey,
};
use oms_api::wire::{Code, Extra};
use oms_api::FieldError;
use serde_json::Value;

use crate::clock::format_date_time;
use crate::inventory::epoch_ms;
use crate::paging::page_of;
use crate::registry::{Call, ClockAdvance, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::{Db, Record, StoreResult, SHARED};

/// Simulated minutes between creating (or changing) a product and its approval.
pub const APPROVAL_MINUTES: i64 = 30;

/// A storage result holding a business outcome: storage errors roll the transaction back,
/// refusals are decided before anything is written.
type Checked<T> = StoreResult<Result<T, Refusal>>;

/// Registers the product endpoints and the review hook.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::ProductList, product_list)
        .handle(EndpointId::ProductCreate, product_create)
        .handle(EndpointId::ProductUpdate, product_update)
        .on_clock_advance(approve_pending_products);
}

fn product_list(call: &Call) -> Outcome {
    let request: ProductListRequest = call.request()?;

    let records = call
        .store
        .read(|db| db.records(kinds::PRODUCT, call.account_key()))?;

    let mut rows = Vec::new();
    for record in records {
        let product = stored_product(&record)?;
        if listed(&request, &product) {
            rows.push(to_json(&product)?);
        }
    }

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn product_create(call: &Call) -> Outcome {
    let product: Product = call.request()?;
    let now = call.now();

    call.store
        .write(|db| create(db, call.account_key(), product, &now))?
}

fn product_update(call: &Call) -> Outcome {
    let product: Product = call.request()?;
    let now = call.now();

    call.store
        .write(|db| update(db, call.account_key(), product, &now))?
}

fn create(db: &Db<'_>, account: &str, mut product: Product, now: &str) -> Checked<Value> {
    let sku = product.product_sku.trim().to_owned();
    if db.record(kinds::PRODUCT, account, &sku)?.is_some() {
        return Ok(Err(Refusal::Conflict(format!(
            "产品 SKU 已存在：{sku} (productSku {sku} already exists)"
        ))));
    }
    let category = match category(db, product.product_category_code.as_deref())? {
        Ok(category) => category,
        Err(refusal) => return Ok(Err(refusal)),
    };

    product.product_sku = sku.clone();
    product.open_category = category;
    product.status = Some(ProductStatus::PendingReview);
    product.review_status = Some(ReviewStatus::Pending);
    product.review_diff = Some(ReviewDiff::NotChecked);
    db.insert_record(&Record {
        kind: kinds::PRODUCT.to_owned(),
        key: sku.clone(),
        account: account.to_owned(),
        status: ProductStatus::PendingReview.code(),
        reference_no: None,
        body: serde_json::to_value(&product)?,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    })?;

    Ok(Ok(saved(sku)?))
}

fn update(db: &Db<'_>, account: &str, mut product: Product, now: &str) -> Checked<Value> {
    let sku = product.product_sku.trim().to_owned();
    let Some(mut record) = db.record(kinds::PRODUCT, account, &sku)? else {
        return Ok(Err(Refusal::NotFound(format!(
            "产品不存在：{sku} (product {sku} does not exist)"
        ))));
    };
    let status = ProductStatus::from_code(record.status);
    if !status.is_editable() {
        return Ok(Err(Refusal::rejected(format!(
            "产品 {sku} 当前状态为“{}”({})，只有草稿、待审核、审核驳回的产品可以修改 \
             (product {sku} is {} (status {}); only draft, pending review or rejected products \
             can be changed)",
            status.label_zh(),
            status.code(),
            status.label_en(),
            status.code()
        ))));
    }
    let category = match category(db, product.product_category_code.as_deref())? {
        Ok(category) => category,
        Err(refusal) => return Ok(Err(refusal)),
    };

    let new_status = if status == ProductStatus::Draft {
        ProductStatus::Draft
    } else {
        ProductStatus::PendingReview
    };
    product.product_sku = sku.clone();
    product.open_category = category;
    product.status = Some(new_status);
    product.review_status = Some(ReviewStatus::Pending);
    product.review_diff = Some(ReviewDiff::NotChecked);
    record.status = new_status.code();
    record.body = serde_json::to_value(&product)?;
    record.updated_at = now.to_owned();
    db.update_record(&record)?;

    Ok(Ok(saved(sku)?))
}

/// The `openCategory` of a category code, or a refusal naming a code that does not exist.
fn category(db: &Db<'_>, code: Option<&str>) -> Checked<Option<CategoryRef>> {
    let Some(code) = code.map(str::trim).filter(|code| !code.is_empty()) else {
        return Ok(Ok(None));
    };
    let Some(record) = db.record(kinds::CATEGORY, SHARED, code)? else {
        return Ok(Err(Refusal::Invalid(vec![FieldError {
            field: "productCategoryCode".to_owned(),
            zh: format!("产品分类不存在 {code}"),
            en: format!("category {code} does not exist; see category_list"),
        }])));
    };

    let text = |field: &str| record.body[field].as_str().map(str::to_owned);
    Ok(Ok(Some(CategoryRef {
        code: Some(code.to_owned()),
        name: text("name"),
        name_en: text("nameEn"),
        extra: Extra::new(),
    })))
}

/// Approves every product that has waited [`APPROVAL_MINUTES`] in pending review, stamped at
/// the simulated moment it was approved.
fn approve_pending_products(db: &Db<'_>, advance: &ClockAdvance) -> StoreResult<()> {
    for mut record in db.records_of_kind(kinds::PRODUCT)? {
        if record.status != ProductStatus::PendingReview.code() {
            continue;
        }
        let Some(approved_at) = epoch_ms(&record.updated_at).map(|t| t + APPROVAL_MINUTES * 60_000)
        else {
            continue;
        };
        if approved_at > advance.to_ms {
            continue;
        }

        let mut product: Product = serde_json::from_value(record.body.clone())?;
        product.status = Some(ProductStatus::Approved);
        product.review_status = Some(ReviewStatus::Done);
        product.review_diff = Some(ReviewDiff::Matches);
        record.status = ProductStatus::Approved.code();
        record.body = serde_json::to_value(&product)?;
        record.updated_at = format_date_time(approved_at);
        db.update_record(&record)?;
    }

    Ok(())
}

/// A stored product with the record's status (the authority) in its body.
fn stored_product(record: &Record) -> Result<Product, Refusal> {
    let mut product: Product = serde_json::from_value(record.body.clone())
        .map_err(|e| Refusal::Internal(format!("stored product {}: {e}", record.key)))?;
    product.status = Some(ProductStatus::from_code(record.status));

    Ok(product)
}

/// True when the product passes every filter of the list request.
fn listed(request: &ProductListRequest, product: &Product) -> bool {
    let text = |filter: &Option<String>, value: Option<&str>| {
        filter
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .is_none_or(|f| value == Some(f))
    };

    text(&request.product_sku, Some(&product.product_sku))
        && (request.product_skus.is_empty()
            || request
                .product_skus
                .iter()
                .any(|sku| sku.trim() == product.product_sku))
        && text(
            &request.product_category_code,
            product.product_category_code.as_deref(),
        )
        && request
            .product_type
            .is_none_or(|wanted| product.product_type == Some(wanted))
        && request
            .status
            .is_none_or(|wanted| product.status == Some(wanted))
}

fn saved(sku: String) -> StoreResult<Value> {
    Ok(serde_json::to_value(ProductSaved::Product(
        SavedProductKey {
            product_sku: Some(sku),
            extra: Extra::new(),
        },
    ))?)
}

fn to_json(product: &Product) -> Result<Value, Refusal> {
    serde_json::to_value(product).map_err(|e| Refusal::Internal(e.to_string()))
}
