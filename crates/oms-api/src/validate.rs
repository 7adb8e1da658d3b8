//! Checks a request before it is sent and reports every problem at once, each tied to the wire
//! name of its field (`itemDTOs[1].qty`) with a message in Chinese and English, so a form can mark
//! all bad fields in one go and nothing half-valid ever reaches the warehouse.
//!
//! Each rule lives here once; request types only say which rule applies to which field.

use rust_decimal::Decimal;

use crate::error::{Error, FieldError};
use crate::iso;
use crate::wire::Code;

/// A request that can be checked before sending.
pub trait Validate {
    /// Adds every problem of `self` to `check`.
    fn validate(&self, check: &mut Validator);

    /// Runs the checks and returns every problem found, or `Ok` when there is none.
    fn check(&self) -> Result<(), Error> {
        let mut validator = Validator::new();
        self.validate(&mut validator);

        validator.finish()
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, check: &mut Validator) {
        for (index, item) in self.iter().enumerate() {
            check.nested(&format!("[{index}]"), item);
        }
    }
}

/// Collects field errors under a path prefix.
#[derive(Debug, Default)]
pub struct Validator {
    prefix: String,
    errors: Vec<FieldError>,
}

impl Validator {
    /// An empty validator.
    pub fn new() -> Self {
        Self::default()
    }

    /// The errors found so far.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// `Ok` when nothing was found, otherwise every error.
    pub fn finish(self) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(self.errors))
        }
    }

    fn path(&self, field: &str) -> String {
        if self.prefix.is_empty() || field.starts_with('[') {
            format!("{}{field}", self.prefix)
        } else {
            format!("{}.{field}", self.prefix)
        }
    }

    /// Records a problem with `field`.
    pub fn error(&mut self, field: &str, zh: impl Into<String>, en: impl Into<String>) {
        let field = self.path(field);
        self.errors.push(FieldError {
            field,
            zh: zh.into(),
            en: en.into(),
        });
    }

    /// Checks a nested object under `field`.
    pub fn nested<T: Validate + ?Sized>(&mut self, field: &str, value: &T) {
        let outer = std::mem::take(&mut self.prefix);
        self.prefix = if outer.is_empty() || field.starts_with('[') {
            format!("{outer}{field}")
        } else {
            format!("{outer}.{field}")
        };

        value.validate(self);

        self.prefix = outer;
    }

    /// Checks an optional nested object under `field`.
    pub fn nested_opt<T: Validate>(&mut self, field: &str, value: Option<&T>) {
        if let Some(value) = value {
            self.nested(field, value);
        }
    }

    /// Checks each element of a list as `field[i]`.
    pub fn each<T: Validate>(&mut self, field: &str, items: &[T]) {
        for (index, item) in items.iter().enumerate() {
            self.nested(&format!("{field}[{index}]"), item);
        }
    }

    /// The field must be present and not blank.
    pub fn required_text(&mut self, field: &str, value: Option<&str>) -> bool {
        let present = value.is_some_and(|v| !v.trim().is_empty());
        if !present {
            self.error(field, "必填", "is required");
        }
        present
    }

    /// The field must be present.
    pub fn required<T>(&mut self, field: &str, value: Option<&T>) -> bool {
        if value.is_none() {
            self.error(field, "必填", "is required");
        }
        value.is_some()
    }

    /// The list must not be empty.
    pub fn not_empty<T>(&mut self, field: &str, items: &[T]) -> bool {
        if items.is_empty() {
            self.error(field, "至少需要一行", "needs at least one line");
        }
        !items.is_empty()
    }

    /// The list must hold at most `max` entries.
    pub fn max_items<T>(&mut self, field: &str, items: &[T], max: usize) {
        if items.len() > max {
            self.error(
                field,
                format!("最多 {max} 项，当前 {} 项", items.len()),
                format!("allows at most {max} entries, has {}", items.len()),
            );
        }
    }

    /// Text no longer than `max` characters.
    pub fn max_len(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            let count = value.chars().count();
            if count > max {
                self.error(
                    field,
                    format!("最多 {max} 个字符，当前 {count} 个"),
                    format!("must be at most {max} characters, has {count}"),
                );
            }
        }
    }

    /// A documented code: unknown codes are refused on requests (the server would reject them).
    pub fn known_code<T: Code>(&mut self, field: &str, value: Option<&T>) {
        if let Some(value) = value {
            if !value.is_known() {
                let allowed: Vec<String> = T::known()
                    .iter()
                    .map(|c| format!("{} {}", c.code(), c.label_zh()))
                    .collect();
                let allowed_en: Vec<String> = T::known()
                    .iter()
                    .map(|c| format!("{} {}", c.code(), c.label_en()))
                    .collect();
                self.error(
                    field,
                    format!(
                        "不是有效的取值 {}，可选：{}",
                        value.code(),
                        allowed.join("、")
                    ),
                    format!(
                        "{} is not a valid value; use one of: {}",
                        value.code(),
                        allowed_en.join(", ")
                    ),
                );
            }
        }
    }

    /// A decimal with at most `scale` places, not negative.
    pub fn decimal(&mut self, field: &str, value: Option<&Decimal>, scale: u32) {
        if let Some(value) = value {
            if value.normalize().scale() > scale {
                self.error(
                    field,
                    format!("最多 {scale} 位小数：{value}"),
                    format!("allows at most {scale} decimal places: {value}"),
                );
            }
            if value.is_sign_negative() && !value.is_zero() {
                self.error(
                    field,
                    format!("不能为负数：{value}"),
                    format!("must not be negative: {value}"),
                );
            }
        }
    }

    /// A number at least `min`.
    pub fn at_least(&mut self, field: &str, value: Option<i64>, min: i64) {
        if let Some(value) = value {
            if value < min {
                self.error(
                    field,
                    format!("不能小于 {min}，当前 {value}"),
                    format!("must be at least {min}, is {value}"),
                );
            }
        }
    }

    /// An ISO 3166-1 alpha-2 country code.
    pub fn country_code(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !iso::is_country_code(value) {
                self.error(
                    field,
                    format!("不是有效的 ISO 两位国家代码：{value}（例如 US、DE、GB）"),
                    format!("is not an ISO 3166 alpha-2 country code: {value} (e.g. US, DE, GB)"),
                );
            }
        }
    }

    /// An ISO 4217 currency code.
    pub fn currency_code(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !iso::is_currency_code(value) {
                self.error(
                    field,
                    format!("不是有效的 ISO 4217 币种代码：{value}（例如 USD、EUR、CNY）"),
                    format!("is not an ISO 4217 currency code: {value} (e.g. USD, EUR, CNY)"),
                );
            }
        }
    }

    /// An e-mail address of the usual shape `name@domain.tld`.
    pub fn email(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !looks_like_email(value) {
                self.error(
                    field,
                    format!("邮箱格式不正确：{value}"),
                    format!("is not an e-mail address: {value}"),
                );
            }
        }
    }

    /// A date `yyyy-MM-dd`.
    pub fn date(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !is_date(value) {
                self.error(
                    field,
                    format!("日期格式应为 yyyy-MM-dd：{value}"),
                    format!("must be a date as yyyy-MM-dd: {value}"),
                );
            }
        }
    }

    /// A time `yyyy-MM-dd HH:mm:ss` (list filters).
    pub fn date_time(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !is_date_time(value) {
                self.error(
                    field,
                    format!("时间格式应为 yyyy-MM-dd HH:mm:ss：{value}"),
                    format!("must be a time as yyyy-MM-dd HH:mm:ss: {value}"),
                );
            }
        }
    }

    /// An RFC 3339 time (`2019-08-24T14:15:22Z`), as platform orders use.
    pub fn rfc3339(&mut self, field: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !is_rfc3339(value) {
                self.error(
                    field,
                    format!("时间格式应为 RFC 3339（如 2019-08-24T14:15:22Z）：{value}"),
                    format!("must be an RFC 3339 time such as 2019-08-24T14:15:22Z: {value}"),
                );
            }
        }
    }

    /// A time range where the start is not after the end (both in `yyyy-MM-dd HH:mm:ss`).
    pub fn time_range(
        &mut self,
        start_field: &str,
        start: Option<&str>,
        end_field: &str,
        end: Option<&str>,
    ) {
        self.date_time(start_field, start);
        self.date_time(end_field, end);

        if let (Some(start), Some(end)) = (start, end) {
            if is_date_time(start) && is_date_time(end) && start > end {
                self.error(
                    end_field,
                    format!("结束时间早于开始时间（{start} > {end}）"),
                    format!("ends before it starts ({start} > {end})"),
                );
            }
        }
    }
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };

    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');

    !local.is_empty() && !value.chars().any(char::is_whitespace) && domain_ok
}

fn digits(value: &str, from: usize, to: usize) -> Option<u32> {
    let part = value.get(from..to)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn is_date(value: &str) -> bool {
    if value.len() != 10 || &value[4..5] != "-" || &value[7..8] != "-" {
        return false;
    }

    let (Some(year), Some(month), Some(day)) = (
        digits(value, 0, 4),
        digits(value, 5, 7),
        digits(value, 8, 10),
    ) else {
        return false;
    };

    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };

    (1..=days).contains(&day)
}

fn is_clock(value: &str) -> bool {
    if value.len() < 8 || &value[2..3] != ":" || &value[5..6] != ":" {
        return false;
    }

    matches!(
        (digits(value, 0, 2), digits(value, 3, 5), digits(value, 6, 8)),
        (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s < 61
    )
}

fn is_date_time(value: &str) -> bool {
    value.len() == 19
        && value.is_char_boundary(10)
        && is_date(&value[..10])
        && &value[10..11] == " "
        && is_clock(&value[11..])
}

fn is_rfc3339(value: &str) -> bool {
    if value.len() < 20 || !value.is_ascii() {
        return false;
    }
    if !is_date(&value[..10]) || !matches!(&value[10..11], "T" | "t") || !is_clock(&value[11..19]) {
        return false;
    }

    let mut rest = &value[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return false;
        }
        rest = &fraction[count..];
    }

    match rest {
        "Z" | "z" => true,
        offset if offset.len() == 6 => {
            matches!(&offset[..1], "+" | "-")
                && &offset[3..4] == ":"
                && digits(offset, 1, 3).is_some_and(|h| h < 24)
                && digits(offset, 4, 6).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

impl Validator {
    /// Text that must be one of a documented list (attachment types, platforms).
    pub fn one_of_text(&mut self, field: &str, value: Option<&str>, allowed: &[&str]) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !allowed.contains(&value) {
                self.error(
                    field,
                    format!("不是有效的取值：{value}，可选：{}", allowed.join("、")),
                    format!("{value} is not allowed; use one of: {}", allowed.join(", ")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(is_date_time("2024-01-31 23:59:59"));
        assert!(!is_date_time("2024-01-31T23:59:59"));
        assert!(is_rfc3339("2019-08-24T14:15:22Z"));
        assert!(is_rfc3339("2019-08-24T14:15:22.123+08:00"));
        assert!(!is_rfc3339("2019-08-24 14:15:22"));
    }

    #[test]
    fn emails() {
        assert!(looks_like_email("buyer@example.com"));
        assert!(!looks_like_email("buyer@example"));
        assert!(!looks_like_email("buyer example.com"));
        assert!(!looks_like_email("a b@example.com"));
    }

    #[test]
    fn nested_paths_name_the_exact_field() {
        struct Line;
        impl Validate for Line {
            fn validate(&self, check: &mut Validator) {
                check.required_text("productSku", None);
            }
        }
        struct Order(Vec<Line>);
        impl Validate for Order {
            fn validate(&self, check: &mut Validator) {
                check.each("itemDTOs", &self.0);
            }
        }

        let errors = Order(vec![Line, Line]).check().unwrap_err();

        let fields: Vec<&str> = errors
            .field_errors()
            .iter()
            .map(|e| e.field.as_str())
            .collect();
        assert_eq!(fields, ["itemDTOs[0].productSku", "itemDTOs[1].productSku"]);
    }
}
