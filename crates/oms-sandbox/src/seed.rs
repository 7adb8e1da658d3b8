//! The data a fresh sandbox starts with: three warehouses, their logistics and express-label
//! channels, all countries, a product category tree, one demo account, a few products and their
//! stock. Reference rows are built from the `oms-api` response types, so they are in the exact
//! wire form the client reads.
//!
//! Seeding runs once per database (a `seeded_at` setting marks it), so restarting on the same
//! data directory never duplicates anything; `POST /__sandbox/reset` empties the tables and seeds
//! again.

use oms_api::common::{Category, Country, MethodType, ShippingMethod, Warehouse, WarehouseRef};
use oms_api::wire::{Extra, YesNo};
use serde::Serialize;
use serde_json::{json, Value};

use crate::clock::Clock;
use crate::countries::{country_names, COUNTRIES};
use crate::store::{Account, Db, Record, StockChange, StockCounter, StoreResult, SHARED};

/// The demo account's API key (documented in the README).
pub const DEMO_API_KEY: &str = "demo-key-0001";

/// The demo account's API secret, 32 characters (documented in the README).
pub const DEMO_API_SECRET: &str = "sandbox-demo-secret-0123456789ab";

/// The demo account's display name.
pub const DEMO_ACCOUNT_NAME: &str = "Demo Seller 演示卖家";

/// Record kinds used by the sandbox itself; business modules add their own.
pub mod kinds {
    /// A warehouse (`warehouse_list`), key = warehouse code.
    pub const WAREHOUSE: &str = "warehouse";
    /// A shipping channel (`shipping_method_list`), key = channel code.
    pub const SHIPPING_METHOD: &str = "shipping_method";
    /// A product category (`category_list`), key = category code.
    pub const CATEGORY: &str = "category";
    /// A country (`country_list`), key = ISO alpha-2 code.
    pub const COUNTRY: &str = "country";
    /// A product of an account, key = SKU.
    pub const PRODUCT: &str = "product";
}

const SEEDED_AT: &str = "seeded_at";

/// The stock batch of the seeded stock (movements and stock age).
const SEED_BATCH: &str = "SEED-BATCH-1";

/// The warehouses: code, province or state, city, country.
const WAREHOUSES: &[(&str, &str, &str, &str)] = &[
    ("US-LAX-1", "California", "Los Angeles", "US"),
    ("DE-FRA-1", "Hessen", "Frankfurt", "DE"),
    ("GB-LON-1", "England", "London", "GB"),
];

/// One channel: warehouse, code, Chinese name, English name, method type, and the flags
/// isDelivery, isOrder, isReturn, isTransferOrder, isSignature, isInsurance, isSplitOrder.
type ChannelRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    MethodType,
    [bool; 7],
);

const CHANNELS: &[ChannelRow] = &[
    (
        "US-LAX-1",
        "USPS-GROUND",
        "USPS 地面",
        "USPS Ground Advantage",
        MethodType::Logistics,
        [false, true, true, false, true, true, false],
    ),
    (
        "US-LAX-1",
        "UPS-GROUND",
        "UPS 陆运",
        "UPS Ground",
        MethodType::Logistics,
        [false, true, true, true, true, true, true],
    ),
    (
        "US-LAX-1",
        "FEDEX-HOME",
        "联邦快递家庭派送",
        "FedEx Home Delivery",
        MethodType::Logistics,
        [false, true, false, false, true, true, true],
    ),
    (
        "US-LAX-1",
        "UPS-LABEL",
        "UPS 面单",
        "UPS label",
        MethodType::ExpressLabel,
        [true, false, false, false, true, true, false],
    ),
    (
        "US-LAX-1",
        "FEDEX-LABEL",
        "联邦快递面单",
        "FedEx label",
        MethodType::ExpressLabel,
        [true, false, false, false, true, true, false],
    ),
    (
        "DE-FRA-1",
        "DHL-PAKET",
        "DHL 包裹",
        "DHL Paket",
        MethodType::Logistics,
        [false, true, true, true, true, true, false],
    ),
    (
        "DE-FRA-1",
        "DPD-DE",
        "DPD 德国",
        "DPD Germany",
        MethodType::Logistics,
        [false, true, true, false, false, true, true],
    ),
    (
        "DE-FRA-1",
        "DHL-LABEL",
        "DHL 面单",
        "DHL label",
        MethodType::ExpressLabel,
        [true, false, false, false, true, true, false],
    ),
    (
        "GB-LON-1",
        "ROYALMAIL-48",
        "皇家邮政 48",
        "Royal Mail Tracked 48",
        MethodType::Logistics,
        [false, true, true, false, true, false, false],
    ),
    (
        "GB-LON-1",
        "EVRI-STD",
        "Evri 标准",
        "Evri Standard",
        MethodType::Logistics,
        [false, true, false, true, false, false, false],
    ),
    (
        "GB-LON-1",
        "ROYALMAIL-LABEL",
        "皇家邮政面单",
        "Royal Mail label",
        MethodType::ExpressLabel,
        [true, false, false, false, true, true, false],
    ),
];

/// The category tree: code, Chinese name, English name, parent code.
const CATEGORIES: &[(&str, &str, &str, Option<&str>)] = &[
    ("HOME", "家居用品", "Home & Living", None),
    ("HOME-KITCHEN", "厨房用品", "Kitchen", Some("HOME")),
    ("HOME-LIGHT", "灯具照明", "Lighting", Some("HOME")),
    ("HOME-DECOR", "家居装饰", "Decor", Some("HOME")),
    ("ELEC", "电子产品", "Electronics", None),
    ("ELEC-AUDIO", "音频设备", "Audio", Some("ELEC")),
    ("ELEC-PHONE", "手机配件", "Phone accessories", Some("ELEC")),
    (
        "ELEC-POWER",
        "电源与充电",
        "Power and charging",
        Some("ELEC"),
    ),
    ("APPAREL", "服装鞋包", "Apparel", None),
    ("APPAREL-MEN", "男装", "Menswear", Some("APPAREL")),
    ("APPAREL-WOMEN", "女装", "Womenswear", Some("APPAREL")),
    ("APPAREL-BAGS", "箱包", "Bags", Some("APPAREL")),
    ("SPORT", "运动户外", "Sports & Outdoors", None),
    ("SPORT-FIT", "健身器材", "Fitness", Some("SPORT")),
    ("SPORT-CAMP", "露营装备", "Camping", Some("SPORT")),
    ("TOY", "玩具", "Toys", None),
    ("TOY-EDU", "益智玩具", "Educational toys", Some("TOY")),
];

/// Demo products: SKU, Chinese name, English name, category, price, weight (kg).
const PRODUCTS: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "SKU-MUG-001",
        "陶瓷马克杯",
        "Ceramic mug",
        "HOME-KITCHEN",
        "12.90",
        "0.350",
    ),
    (
        "SKU-LAMP-002",
        "LED 台灯",
        "LED desk lamp",
        "HOME-LIGHT",
        "34.50",
        "1.200",
    ),
    (
        "SKU-CABLE-003",
        "USB-C 数据线",
        "USB-C cable",
        "ELEC-PHONE",
        "6.99",
        "0.050",
    ),
    (
        "SKU-TENT-004",
        "双人帐篷",
        "Two-person tent",
        "SPORT-CAMP",
        "89.00",
        "2.800",
    ),
    (
        "SKU-BAG-005",
        "帆布托特包",
        "Canvas tote bag",
        "APPAREL-BAGS",
        "15.00",
        "0.300",
    ),
];

/// Seeds the database unless it was seeded before; true when it seeded now.
pub fn ensure_seeded(db: &Db<'_>, clock: &Clock) -> StoreResult<bool> {
    if db.setting(SEEDED_AT)?.is_some() {
        return Ok(false);
    }

    seed(db, clock)?;

    Ok(true)
}

/// The demo account's seeded marketplace store.
pub const DEMO_STORE_CODE: &str = "AMZ-US-01";

/// Writes the seed data into empty tables.
pub fn seed(db: &Db<'_>, clock: &Clock) -> StoreResult<()> {
    let now = clock.now_text();

    db.insert_account(
        &Account {
            api_key: DEMO_API_KEY.to_owned(),
            api_secret: DEMO_API_SECRET.to_owned(),
            name: DEMO_ACCOUNT_NAME.to_owned(),
        },
        &now,
    )?;

    for (code, province, city, country) in WAREHOUSES {
        let warehouse = Warehouse {
            warehouse_code: (*code).to_owned(),
            province: Some((*province).to_owned()),
            city: Some((*city).to_owned()),
            open_country: Some(country_of(country)),
            extra: Extra::new(),
        };
        insert_shared(db, crate::seed::kinds::WAREHOUSE, code, &warehouse, &now)?;
    }

    for (warehouse, code, name, name_en, method_type, flags) in CHANNELS {
        let flag = |index: usize| Some(YesNo::from_bool(flags[index]));
        let channel = ShippingMethod {
            name: Some((*name).to_owned()),
            name_en: Some((*name_en).to_owned()),
            code: (*code).to_owned(),
            method_type: Some(*method_type),
            is_delivery: flag(0),
            is_order: flag(1),
            is_return: flag(2),
            is_transfer_order: flag(3),
            is_signature: flag(4),
            is_insurance: flag(5),
            is_split_order: flag(6),
            remark: None,
            open_warehouse: Some(WarehouseRef {
                warehouse_code: Some((*warehouse).to_owned()),
                extra: Extra::new(),
            }),
            extra: Extra::new(),
        };
        insert_shared(db, kinds::SHIPPING_METHOD, code, &channel, &now)?;
    }

    for (code, name, name_en, parent) in CATEGORIES {
        let category = Category {
            code: (*code).to_owned(),
            name: Some((*name).to_owned()),
            name_en: Some((*name_en).to_owned()),
            parent_code: parent.map(str::to_owned),
            extra: Extra::new(),
        };
        insert_shared(db, kinds::CATEGORY, code, &category, &now)?;
    }

    for (code, _, _) in COUNTRIES {
        insert_shared(db, kinds::COUNTRY, code, &country_of(code), &now)?;
    }

    seed_products(db, &now)?;
    seed_store(db, &now)?;

    db.set_setting(SEEDED_AT, &now)
}

/// The demo account's marketplace store, so the import templates' example order (store
/// `AMZ-US-01`) goes through as it is.
fn seed_store(db: &Db<'_>, now: &str) -> StoreResult<()> {
    db.insert_record(&Record {
        kind: crate::platform_orders::STORE_KIND.to_owned(),
        key: DEMO_STORE_CODE.to_owned(),
        account: DEMO_API_KEY.to_owned(),
        status: 0,
        reference_no: None,
        body: json!({
            "storeCode": DEMO_STORE_CODE,
            "storeName": "Demo Amazon US",
            "platform": "AMAZON",
            "siteCode": "US",
            "createTime": now,
        }),
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    })
}

fn seed_products(db: &Db<'_>, now: &str) -> StoreResult<()> {
    for (index, (sku, name, name_en, category, price, weight)) in PRODUCTS.iter().enumerate() {
        let (category_zh, category_en) = CATEGORIES
            .iter()
            .find(|row| row.0 == *category)
            .map(|row| (row.1, row.2))
            .unwrap_or_default();
        let body = json!({
            "productSku": sku,
            "name": name,
            "nameEn": name_en,
            "productCategoryCode": category,
            "price": price,
            "productWeightType": 1,
            "productWeight": weight,
            "productLengthType": 2,
            "productType": 1,
            "status": 3,
            "openCategory": {"name": category_zh, "nameEn": category_en},
        });
        db.insert_record(&Record {
            kind: kinds::PRODUCT.to_owned(),
            key: (*sku).to_owned(),
            account: DEMO_API_KEY.to_owned(),
            status: 3,
            reference_no: None,
            body,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        })?;

        for (warehouse_index, (warehouse, ..)) in WAREHOUSES.iter().enumerate() {
            let qty = 20 + 15 * index as i64 + 40 * warehouse_index as i64;
            db.adjust_stock(&StockChange {
                account: DEMO_API_KEY,
                warehouse_code: warehouse,
                product_sku: sku,
                counter: StockCounter::Sale,
                delta: qty,
                biz_type: 1,
                order_no: None,
                batch_no: Some(SEED_BATCH),
                at: now,
            })?;
            crate::inventory::add_age_batch(
                db,
                DEMO_API_KEY,
                &crate::inventory::AgeBatch {
                    batch_no: SEED_BATCH.to_owned(),
                    warehouse_code: (*warehouse).to_owned(),
                    product_sku: (*sku).to_owned(),
                    order_no: None,
                    inbound_time: now.to_owned(),
                    in_qty: qty,
                    qty,
                },
            )?;
        }
    }

    Ok(())
}

fn country_of(code: &str) -> Country {
    let (name, name_en) = country_names(code).unwrap_or((code, code));

    Country {
        name: Some(name.to_owned()),
        name_en: Some(name_en.to_owned()),
        code2: Some(code.to_owned()),
        extra: Extra::new(),
    }
}

fn insert_shared<T: Serialize>(
    db: &Db<'_>,
    kind: &str,
    key: &str,
    value: &T,
    now: &str,
) -> StoreResult<()> {
    let body: Value = serde_json::to_value(value)?;

    db.insert_record(&Record {
        kind: kind.to_owned(),
        key: key.to_owned(),
        account: SHARED.to_owned(),
        status: 0,
        reference_no: None,
        body,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn seeding_twice_adds_nothing_the_second_time() {
        let store = Store::open(None).unwrap();
        let clock = Clock::default();

        let first = store.write(|db| ensure_seeded(db, &clock)).unwrap();
        let second = store.write(|db| ensure_seeded(db, &clock)).unwrap();
        let warehouses = store
            .read(|db| db.records(kinds::WAREHOUSE, SHARED))
            .unwrap();

        assert!(first && !second, "only the first call seeds");
        assert_eq!(warehouses.len(), 3, "three warehouses, not six");
    }

    #[test]
    fn every_channel_belongs_to_a_seeded_warehouse() {
        for channel in CHANNELS {
            assert!(
                WAREHOUSES.iter().any(|w| w.0 == channel.0),
                "{} names an unknown warehouse",
                channel.1
            );
        }
    }
}
