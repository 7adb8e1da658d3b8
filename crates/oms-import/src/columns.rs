//! The column tables: for each kind of import, which spreadsheet columns exist, the Chinese and
//! English header of each, the wire field it fills, how its text is read and an example value.
//!
//! This is the one place that ties a header to a field. Reading, error mapping, the error copy
//! and the downloadable templates all work from these tables, so a column added here is accepted,
//! reported and offered in the templates at once.

use oms_api::outbound::{InventoryType, PickType, SignType};
use oms_api::product::{BatteryType, LengthUnit, ProductType, WeightUnit};
use oms_api::wire::{Code, YesNo};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::str::FromStr;

use crate::text;

/// What a spreadsheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ImportKind {
    /// Marketplace orders (`PlatformOrderCreate`), one row per line, grouped by
    /// `platformOrderNo`.
    PlatformOrders,
    /// Consumer outbound orders (`B2cOrderCreate`), one row per line, grouped by `referenceNo`.
    B2cOrders,
    /// Products (`Product`), one row each.
    Products,
}

impl ImportKind {
    /// Every kind, for pickers and template downloads.
    pub const ALL: [ImportKind; 3] = [Self::PlatformOrders, Self::B2cOrders, Self::Products];

    /// The columns of this kind's spreadsheet, in template order.
    pub fn columns(self) -> &'static [Column] {
        self.spec().columns
    }

    /// The wire field that names an order (rows sharing it form one order) or a product.
    pub fn reference_field(self) -> &'static str {
        self.spec().reference
    }

    /// The kind's name in Chinese.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::PlatformOrders => "平台订单",
            Self::B2cOrders => "B2C订单",
            Self::Products => "产品",
        }
    }

    /// The kind's name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::PlatformOrders => "platform orders",
            Self::B2cOrders => "B2C orders",
            Self::Products => "products",
        }
    }

    pub(crate) fn spec(self) -> &'static KindSpec {
        match self {
            Self::PlatformOrders => &PLATFORM_ORDERS,
            Self::B2cOrders => &B2C_ORDERS,
            Self::Products => &PRODUCTS,
        }
    }
}

/// How a column's text becomes a wire value. Reading fails with a message for that cell.
#[derive(Clone, Copy, Debug)]
pub enum ValueKind {
    /// Text as it is (SKUs, postcodes and phones stay text, leading zeros kept).
    Text,
    /// Text in capitals (country and currency codes: `us` → `US`).
    Upper,
    /// A whole number.
    Integer,
    /// A decimal number (money, measures); `1,299.50` is accepted.
    Decimal,
    /// A documented code, given as its number or its Chinese or English label.
    Code(fn(&str) -> Option<i64>),
    /// A time, sent as RFC 3339 (see the crate documentation for the accepted forms).
    Time,
}

/// One column of a kind's spreadsheet.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The wire field it fills, with its path: `platformOrderNo`, `b2cDto.vatTaxNo`, or
    /// `itemDTOs[].sku` for a field of each line.
    pub field: &'static str,
    /// The Chinese header.
    pub zh: &'static str,
    /// The English header.
    pub en: &'static str,
    /// How the text is read.
    pub value: ValueKind,
    /// Whether the column must be in the header row.
    pub required: bool,
    /// The value of the template's example row (empty: left blank).
    pub example: &'static str,
}

impl Column {
    /// True for a field of each line rather than of the order.
    pub fn is_line(&self) -> bool {
        self.field.contains("[]")
    }

    /// `中文 / English`, how messages name the column when the file does not have it.
    pub fn both_names(&self) -> String {
        format!("{} / {}", self.zh, self.en)
    }

    /// The path inside the order or line object: `b2cDto.vatTaxNo` or `sku`.
    pub(crate) fn local_path(&self) -> &'static str {
        match self.field.split_once("[].") {
            Some((_, inner)) => inner,
            None => self.field,
        }
    }

    /// Reads a normalised, non-empty cell into its wire value.
    pub(crate) fn read(&self, text: &str) -> Result<Value, (String, String)> {
        match self.value {
            ValueKind::Text if looks_like_excel_exponent(text) => Err((
                format!(
                    "像是被 Excel 改成了科学计数法：{text}，原来的数字已丢失；\
                     请在 Excel 中把该列设为“文本”后重新填写"
                ),
                format!(
                    "looks like Excel turned a number into scientific notation: {text}, and the \
                     original digits are lost; format the column as Text in Excel and enter it \
                     again"
                ),
            )),
            ValueKind::Text => Ok(Value::String(text.to_owned())),
            ValueKind::Upper => Ok(Value::String(text.to_uppercase())),
            ValueKind::Integer => read_integer(text).map(Value::from).ok_or_else(|| {
                (
                    format!("应为整数：{text}"),
                    format!("must be a whole number: {text}"),
                )
            }),
            ValueKind::Decimal => read_decimal(text)
                .map(|d| Value::String(d.to_string()))
                .ok_or_else(|| {
                    (
                        format!("应为数字：{text}"),
                        format!("must be a number: {text}"),
                    )
                }),
            ValueKind::Code(lookup) => lookup(text).map(Value::from).ok_or_else(|| {
                (
                    format!("不是有效的取值：{text}（请填写代码或名称）"),
                    format!("is not a valid value: {text} (use the code or its name)"),
                )
            }),
            ValueKind::Time => text::rfc3339(text).map(Value::String).ok_or_else(|| {
                (
                    format!("时间格式不正确：{text}（例如 2024-05-01 10:00:00 或 2024-05-01T10:00:00Z）"),
                    format!(
                        "is not a time: {text} (e.g. 2024-05-01 10:00:00 or 2024-05-01T10:00:00Z)"
                    ),
                )
            }),
        }
    }
}

/// A long number as Excel shows it once it has rounded it away (`1.38001E+10`): in a text column
/// (a phone, a postcode, a SKU) the real digits cannot be recovered from it.
fn looks_like_excel_exponent(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or("");
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());

    whole.len() == 1 && digits(whole) && digits(fraction) && digits(exponent)
}

fn read_integer(text: &str) -> Option<i64> {
    if let Ok(value) = text.parse() {
        return Some(value);
    }

    let decimal = read_decimal(text)?;
    if decimal.fract().is_zero() {
        i64::try_from(decimal).ok()
    } else {
        None
    }
}

fn read_decimal(text: &str) -> Option<Decimal> {
    if let Ok(value) = Decimal::from_str(text) {
        return Some(value);
    }

    let grouped = text.contains(',')
        && text
            .split('.')
            .next()?
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3);
    if grouped {
        Decimal::from_str(&text.replace(',', "")).ok()
    } else {
        None
    }
}

/// A documented code given as its number or label. An unknown number is passed on, so the
/// request's validation reports it with the list of allowed codes.
fn code<T: Code>(text: &str) -> Option<i64> {
    if let Ok(number) = text.parse::<i64>() {
        return Some(number);
    }

    T::known()
        .iter()
        .find(|known| known.label_zh() == text || known.label_en().eq_ignore_ascii_case(text))
        .map(|known| known.code())
}

/// Yes/no: `1`/`-1`, `是`/`否`, `Y`/`N`, `yes`/`no`, `true`/`false` (Excel booleans).
fn yes_no(text: &str) -> Option<i64> {
    let yes = ["1", "是", "y", "yes", "true"];
    let no = ["-1", "否", "n", "no", "false", "0"];
    let lower = text.to_lowercase();

    if yes.contains(&lower.as_str()) {
        Some(YesNo::Yes.code())
    } else if no.contains(&lower.as_str()) {
        Some(YesNo::No.code())
    } else {
        code::<YesNo>(text)
    }
}

/// What the importer needs to know about a kind besides its columns.
#[derive(Debug)]
pub(crate) struct KindSpec {
    /// The field whose value names an order or product.
    pub reference: &'static str,
    /// The wire name of the line list, when rows are lines of an order.
    pub lines: Option<&'static str>,
    /// The columns.
    pub columns: &'static [Column],
    /// Groups of fields of which at least one column must be present.
    pub any_of: &'static [&'static [&'static str]],
    /// Where a validation error on a field without its own column is shown.
    pub fallbacks: &'static [(&'static str, &'static str)],
}

const fn column(
    field: &'static str,
    zh: &'static str,
    en: &'static str,
    value: ValueKind,
    example: &'static str,
) -> Column {
    Column {
        field,
        zh,
        en,
        value,
        required: false,
        example,
    }
}

const fn required(
    field: &'static str,
    zh: &'static str,
    en: &'static str,
    value: ValueKind,
    example: &'static str,
) -> Column {
    Column {
        field,
        zh,
        en,
        value,
        required: true,
        example,
    }
}

use ValueKind::{Decimal as Dec, Integer, Text, Time, Upper};

static PLATFORM_ORDERS: KindSpec = KindSpec {
    reference: "platformOrderNo",
    lines: Some("itemDTOs"),
    columns: &[
        required(
            "platformOrderNo",
            "平台订单号",
            "Platform order no.",
            Text,
            "113-4567890-1234567",
        ),
        required(
            "warehouseCode",
            "仓库编码",
            "Warehouse code",
            Text,
            "US-LAX-1",
        ),
        column(
            "platformStoreCode",
            "店铺编码",
            "Store code",
            Text,
            "AMZ-US-01",
        ),
        column(
            "platformWarehouseCode",
            "平台仓库编码",
            "Platform warehouse code",
            Text,
            "",
        ),
        column(
            "shippingMethodCode",
            "物流渠道",
            "Shipping method",
            Text,
            "USPS-GROUND",
        ),
        column("trackingNo", "跟踪号", "Tracking no.", Text, ""),
        column("totalAmount", "订单总额", "Total amount", Dec, "25.98"),
        column("currencyCode", "币种", "Currency", Upper, "USD"),
        column("buyerName", "买家姓名", "Buyer name", Text, "Emily Carter"),
        column(
            "buyerEmail",
            "买家邮箱",
            "Buyer e-mail",
            Text,
            "emily.carter@example.com",
        ),
        column("buyerPostcode", "买家邮编", "Buyer postcode", Text, "02134"),
        column("buyerCountryCode", "买家国家", "Buyer country", Upper, "US"),
        column(
            "orderTime",
            "下单时间",
            "Order time",
            Time,
            "2024-05-01 10:00:00",
        ),
        column(
            "paymentTime",
            "付款时间",
            "Payment time",
            Time,
            "2024-05-01 10:05:00",
        ),
        column(
            "shippingTime",
            "发货时间",
            "Ship-by time",
            Time,
            "2024-05-03 18:00:00",
        ),
        required("itemDTOs[].sku", "SKU", "SKU", Text, "SKU-MUG-001"),
        column(
            "itemDTOs[].productName",
            "商品名称",
            "Product name",
            Text,
            "Ceramic mug 350 ml",
        ),
        required("itemDTOs[].quantity", "数量", "Quantity", Integer, "2"),
        column("itemDTOs[].unitPrice", "单价", "Unit price", Dec, "12.99"),
        column(
            "itemDTOs[].totalPrice",
            "商品总价",
            "Line total",
            Dec,
            "25.98",
        ),
        column(
            "itemDTOs[].currencyCode",
            "商品币种",
            "Line currency",
            Upper,
            "USD",
        ),
    ],
    any_of: &[],
    fallbacks: &[],
};

static B2C_ORDERS: KindSpec = KindSpec {
    reference: "referenceNo",
    lines: Some("itemDTOs"),
    columns: &[
        required(
            "referenceNo",
            "参考单号",
            "Reference no.",
            Text,
            "B2C-20240501-001",
        ),
        required(
            "warehouseCode",
            "仓库编码",
            "Warehouse code",
            Text,
            "US-LAX-1",
        ),
        required(
            "shippingMethodCode",
            "物流渠道",
            "Shipping method",
            Text,
            "USPS-GROUND",
        ),
        required("contactName", "收件人", "Recipient", Text, "Emily Carter"),
        column("companyName", "公司名称", "Company", Text, ""),
        column("contactMobile", "电话", "Phone", Text, "2135550123"),
        column("contactCellMobile", "分机号", "Extension", Text, ""),
        column(
            "contactEmail",
            "邮箱",
            "E-mail",
            Text,
            "emily.carter@example.com",
        ),
        required("code2", "国家", "Country", Upper, "US"),
        column("province", "省/州", "State or province", Text, "CA"),
        required("city", "城市", "City", Text, "Los Angeles"),
        column("district", "区县", "District", Text, ""),
        required(
            "address",
            "地址1",
            "Address line 1",
            Text,
            "1200 S Figueroa St",
        ),
        column("address2", "地址2", "Address line 2", Text, "Apt 5"),
        column("address3", "地址3", "Address line 3", Text, ""),
        column("doorplate", "门牌号", "House number", Text, ""),
        required("postcode", "邮编", "Postcode", Text, "90015"),
        column("trackingNo", "跟踪号", "Tracking no.", Text, ""),
        column(
            "pickType",
            "拣货类型",
            "Pick type",
            ValueKind::Code(code::<PickType>),
            "",
        ),
        column(
            "isSign",
            "是否签名",
            "Signature",
            ValueKind::Code(yes_no),
            "-1",
        ),
        column(
            "signType",
            "签名类型",
            "Signature type",
            ValueKind::Code(code::<SignType>),
            "",
        ),
        column(
            "isInsure",
            "是否投保",
            "Insurance",
            ValueKind::Code(yes_no),
            "-1",
        ),
        column("insurePrice", "保价金额", "Insured value", Dec, ""),
        column(
            "inventoryType",
            "库存类型",
            "Stock type",
            ValueKind::Code(code::<InventoryType>),
            "",
        ),
        column("remark", "备注", "Remark", Text, ""),
        column(
            "b2cDto.salePlatform",
            "销售平台",
            "Sales platform",
            Text,
            "Amazon",
        ),
        column(
            "b2cDto.platformStore",
            "平台店铺",
            "Platform store",
            Text,
            "",
        ),
        column("b2cDto.vatTaxNo", "VAT税号", "VAT number", Text, ""),
        required("itemDTOs[].productSku", "SKU", "SKU", Text, "SKU-MUG-001"),
        required("itemDTOs[].qty", "数量", "Quantity", Integer, "2"),
        column(
            "itemDTOs[].platformSku",
            "平台SKU",
            "Platform SKU",
            Text,
            "",
        ),
    ],
    any_of: &[],
    fallbacks: &[],
};

static PRODUCTS: KindSpec = KindSpec {
    reference: "productSku",
    lines: None,
    columns: &[
        required("productSku", "SKU", "SKU", Text, "SKU-MUG-350"),
        column("name", "中文名称", "Chinese name", Text, "陶瓷马克杯"),
        column(
            "nameEn",
            "英文名称",
            "English name",
            Text,
            "Ceramic mug 350 ml",
        ),
        column("referenceNo", "参考编号", "Reference no.", Text, ""),
        column("productCategoryCode", "品类编码", "Category code", Text, ""),
        column("price", "申报价值", "Declared value", Dec, "4.50"),
        column(
            "productLengthType",
            "长度单位",
            "Length unit",
            ValueKind::Code(code::<LengthUnit>),
            "2",
        ),
        column("productLength", "长", "Length", Dec, "12"),
        column("productWidth", "宽", "Width", Dec, "9"),
        column("productHeight", "高", "Height", Dec, "10"),
        column(
            "productWeightType",
            "重量单位",
            "Weight unit",
            ValueKind::Code(code::<WeightUnit>),
            "1",
        ),
        column("productWeight", "重量", "Weight", Dec, "0.35"),
        column("productBrand", "品牌", "Brand", Text, ""),
        column("productModel", "型号", "Model", Text, ""),
        column("productMaterial", "材质", "Material", Text, "陶瓷 ceramic"),
        column("productOrigin", "原产地", "Origin", Text, "CN"),
        column("manufacturer", "制造商", "Manufacturer", Text, ""),
        column(
            "productType",
            "尺寸类型",
            "Size class",
            ValueKind::Code(code::<ProductType>),
            "1",
        ),
        column(
            "isFragile",
            "是否易碎",
            "Fragile",
            ValueKind::Code(yes_no),
            "1",
        ),
        column(
            "isBattery",
            "是否带电",
            "Has battery",
            ValueKind::Code(yes_no),
            "-1",
        ),
        column(
            "openBattery.batteryType",
            "电池类型",
            "Battery type",
            ValueKind::Code(code::<BatteryType>),
            "",
        ),
        column(
            "openBattery.batteryCapacity",
            "电池容量(mAh)",
            "Battery capacity (mAh)",
            Dec,
            "",
        ),
        column(
            "openBattery.batteryVoltage",
            "电池电压(V)",
            "Battery voltage (V)",
            Dec,
            "",
        ),
        column(
            "openBattery.batteryEnergy",
            "电池能量(Wh)",
            "Battery energy (Wh)",
            Dec,
            "",
        ),
        column(
            "openBattery.batteryModel",
            "电池型号",
            "Battery model",
            Text,
            "",
        ),
        column("productImage", "图片链接", "Image URL", Text, ""),
        column("productDesc", "描述", "Description", Text, ""),
        column("productLucid", "LUCID编号", "LUCID number", Text, ""),
    ],
    any_of: &[&["name", "nameEn"]],
    fallbacks: &[("name", "nameEn"), ("openBattery", "isBattery")],
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_header_names_two_columns() {
        for kind in ImportKind::ALL {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for column in kind.columns() {
                for name in [column.zh, column.en] {
                    let key = text::header_key(name);
                    if let Some(other) = seen.insert(key.clone(), column.field) {
                        assert_eq!(
                            other, column.field,
                            "{kind:?}: header {name} names both {other} and {}",
                            column.field
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn codes_are_read_from_numbers_and_labels() {
        assert_eq!(code::<PickType>("1"), Some(1));
        assert_eq!(code::<PickType>("一票多品"), Some(3));
        assert_eq!(code::<PickType>("Several SKUs"), Some(3));
        assert_eq!(code::<PickType>("sometimes"), None);
        assert_eq!(yes_no("是"), Some(1));
        assert_eq!(yes_no("FALSE"), Some(-1));
        assert_eq!(yes_no("maybe"), None);
    }

    #[test]
    fn numbers_with_thousands_separators() {
        assert_eq!(read_decimal("1,299.50"), Some(Decimal::new(129950, 2)));
        assert_eq!(
            read_decimal("1,29.5"),
            None,
            "a comma that is not a separator"
        );
        assert_eq!(read_integer("3.0"), Some(3));
        assert_eq!(read_integer("3.5"), None);
    }
}
