//! Wire conventions of the OMS (SPEC.md §1): the documentation sends some numbers as JSON
//! strings (`"pickType": "1"`) and others as JSON numbers (`"signType": 0`), money as decimal
//! strings at a fixed scale, and the server may answer with either form. These helpers let each
//! field say, in one attribute, which form it is sent in, while reading accepts both.
//!
//! - `#[serde(with = "wire::text_int")]`: an integer or code sent as a JSON string.
//! - `#[serde(with = "wire::json_int")]`: an integer or code sent as a JSON number.
//! - `wire::money2` / `wire::money3`: a `Decimal` sent as a string padded to 2 or 3 places.
//! - `wire::dec_text` / `wire::dec_json`: a `Decimal` sent as a string or a number, as is.
//! - `wire::text`: a string that the server may send as a number (postcodes, phone numbers).
//!
//! Each works on the plain type and on `Option` of it (pair with `default` and
//! `skip_serializing_if = "Option::is_none"`).

use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::Serializer;
use serde_json::Value;
use std::str::FromStr;

/// A documented code: an enum whose values travel as integers and that keeps unknown codes.
pub trait Code: Sized + Copy + 'static {
    /// The integer on the wire.
    fn code(self) -> i64;
    /// The enum for a code; unknown codes are kept, not rejected.
    fn from_code(code: i64) -> Self;
    /// True for documented codes.
    fn is_known(self) -> bool;
    /// The documented codes, for pickers and error messages.
    fn known() -> &'static [Self];
    /// Chinese label (the code as text when unknown).
    fn label_zh(self) -> String;
    /// English label (the code as text when unknown).
    fn label_en(self) -> String;
}

/// Declares a documented code enum with zh/en labels and an `Other(i64)` variant that keeps
/// codes the vendor adds later.
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal => ($zh:literal, $en:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A code not in the documentation, kept as received.
            Other(i64),
        }

        impl $crate::wire::Code for $name {
            fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $code, )+
                    Self::Other(code) => code,
                }
            }

            fn from_code(code: i64) -> Self {
                match code {
                    $( $code => Self::$variant, )+
                    other => Self::Other(other),
                }
            }

            fn is_known(self) -> bool {
                !matches!(self, Self::Other(_))
            }

            fn known() -> &'static [Self] {
                &[ $( Self::$variant, )+ ]
            }

            fn label_zh(self) -> String {
                match self {
                    $( Self::$variant => $zh.to_owned(), )+
                    Self::Other(code) => code.to_string(),
                }
            }

            fn label_en(self) -> String {
                match self {
                    $( Self::$variant => $en.to_owned(), )+
                    Self::Other(code) => code.to_string(),
                }
            }
        }

        impl $crate::wire::IntForm for $name {
            fn to_int(&self) -> Option<i64> {
                Some($crate::wire::Code::code(*self))
            }

            fn from_int(value: Option<i64>) -> Result<Self, String> {
                value
                    .map(<Self as $crate::wire::Code>::from_code)
                    .ok_or_else(|| "a code is required here".to_owned())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::wire::text_int::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::text_int::deserialize(deserializer)
            }
        }
    };
}

/// Yes/no flags: `1` yes, `-1` no.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YesNo {
    /// `1`
    Yes,
    /// `-1`
    No,
    /// Any other code, kept as received.
    Other(i64),
}

impl YesNo {
    /// `Yes` for true.
    pub fn from_bool(value: bool) -> Self {
        if value {
            Self::Yes
        } else {
            Self::No
        }
    }

    /// True only for `Yes`.
    pub fn is_yes(self) -> bool {
        self == Self::Yes
    }
}

impl Code for YesNo {
    fn code(self) -> i64 {
        match self {
            Self::Yes => 1,
            Self::No => -1,
            Self::Other(code) => code,
        }
    }

    fn from_code(code: i64) -> Self {
        match code {
            1 => Self::Yes,
            -1 => Self::No,
            other => Self::Other(other),
        }
    }

    fn is_known(self) -> bool {
        !matches!(self, Self::Other(_))
    }

    fn known() -> &'static [Self] {
        &[Self::Yes, Self::No]
    }

    fn label_zh(self) -> String {
        match self {
            Self::Yes => "是".to_owned(),
            Self::No => "否".to_owned(),
            Self::Other(code) => code.to_string(),
        }
    }

    fn label_en(self) -> String {
        match self {
            Self::Yes => "yes".to_owned(),
            Self::No => "no".to_owned(),
            Self::Other(code) => code.to_string(),
        }
    }
}

impl IntForm for YesNo {
    fn to_int(&self) -> Option<i64> {
        Some(self.code())
    }

    fn from_int(value: Option<i64>) -> Result<Self, String> {
        value
            .map(Self::from_code)
            .ok_or_else(|| "a yes/no flag is required here".to_owned())
    }
}

impl serde::Serialize for YesNo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        text_int::serialize(self, serializer)
    }
}

impl<'de> serde::Deserialize<'de> for YesNo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        text_int::deserialize(deserializer)
    }
}

/// A value that travels as an integer, possibly absent.
pub trait IntForm: Sized {
    /// The integer, or `None` for null.
    fn to_int(&self) -> Option<i64>;
    /// Builds the value from an integer or null.
    fn from_int(value: Option<i64>) -> Result<Self, String>;
}

macro_rules! int_form_for_primitive {
    ($($ty:ty),+) => {
        $(
            impl IntForm for $ty {
                fn to_int(&self) -> Option<i64> {
                    i64::try_from(*self).ok()
                }

                fn from_int(value: Option<i64>) -> Result<Self, String> {
                    let value = value.ok_or_else(|| "a number is required here".to_owned())?;
                    <$ty>::try_from(value).map_err(|_| format!("{value} is out of range"))
                }
            }
        )+
    };
}

int_form_for_primitive!(i32, i64, u32, u64);

impl<T: IntForm> IntForm for Option<T> {
    fn to_int(&self) -> Option<i64> {
        self.as_ref().and_then(IntForm::to_int)
    }

    fn from_int(value: Option<i64>) -> Result<Self, String> {
        value.map(|v| T::from_int(Some(v))).transpose()
    }
}

/// Reads an integer from a JSON number, a numeric string, or null/empty string.
fn read_int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let value = <Value as serde::Deserialize>::deserialize(deserializer)?;

    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .map(Some)
            .ok_or_else(|| de::Error::custom(format!("expected an integer, found {n}"))),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected an integer, found \"{s}\""))),
        Value::Bool(b) => Ok(Some(if b { 1 } else { -1 })),
        other => Err(de::Error::custom(format!(
            "expected an integer, found {other}"
        ))),
    }
}

/// Integers and codes sent as JSON strings (`"pickType": "1"`); numbers accepted on read.
pub mod text_int {
    use super::*;

    /// Writes the integer as a JSON string, or null.
    pub fn serialize<T: IntForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value.to_int() {
            Some(v) => serializer.serialize_str(&v.to_string()),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a number or numeric string.
    pub fn deserialize<'de, T: IntForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_int(read_int(deserializer)?).map_err(de::Error::custom)
    }
}

/// Integers and codes sent as JSON numbers (`"signType": 0`); numeric strings accepted on read.
pub mod json_int {
    use super::*;

    /// Writes the integer as a JSON number, or null.
    pub fn serialize<T: IntForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value.to_int() {
            Some(v) => serializer.serialize_i64(v),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a number or numeric string.
    pub fn deserialize<'de, T: IntForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_int(read_int(deserializer)?).map_err(de::Error::custom)
    }
}

/// A value that travels as a decimal, possibly absent.
pub trait DecForm: Sized {
    /// The decimal, or `None` for null.
    fn to_dec(&self) -> Option<Decimal>;
    /// Builds the value from a decimal or null.
    fn from_dec(value: Option<Decimal>) -> Result<Self, String>;
}

impl DecForm for Decimal {
    fn to_dec(&self) -> Option<Decimal> {
        Some(*self)
    }

    fn from_dec(value: Option<Decimal>) -> Result<Self, String> {
        value.ok_or_else(|| "a decimal number is required here".to_owned())
    }
}

impl DecForm for Option<Decimal> {
    fn to_dec(&self) -> Option<Decimal> {
        *self
    }

    fn from_dec(value: Option<Decimal>) -> Result<Self, String> {
        Ok(value)
    }
}

/// Reads a decimal from a JSON number or string, exactly (no detour through `f64` for strings).
fn read_dec<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
    let value = <Value as serde::Deserialize>::deserialize(deserializer)?;

    match value {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Decimal::from_str(s.trim())
            .or_else(|_| Decimal::from_scientific(s.trim()))
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected a decimal number, found \"{s}\""))),
        Value::Number(n) => Decimal::from_str(&n.to_string())
            .or_else(|_| Decimal::from_scientific(&n.to_string()))
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected a decimal number, found {n}"))),
        other => Err(de::Error::custom(format!(
            "expected a decimal number, found {other}"
        ))),
    }
}

/// Pads a decimal to at least `scale` places: `0` becomes `0.000` for scale 3.
pub fn padded(value: Decimal, scale: u32) -> String {
    let mut value = value;
    if value.scale() < scale {
        value.rescale(scale);
    }

    value.to_string()
}

fn write_padded<T: DecForm, S: Serializer>(
    value: &T,
    scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value.to_dec() {
        Some(v) => serializer.serialize_str(&padded(v, scale)),
        None => serializer.serialize_none(),
    }
}

/// Money at 2 places, sent as a string (`"insurePrice": "0.00"`).
pub mod money2 {
    use super::*;

    /// Writes the amount padded to 2 places.
    pub fn serialize<T: DecForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write_padded(value, 2, serializer)
    }

    /// Reads a number or decimal string.
    pub fn deserialize<'de, T: DecForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_dec(read_dec(deserializer)?).map_err(de::Error::custom)
    }
}

/// Money and measures at 3 places, sent as a string (`"totalAmount": "0.000"`).
pub mod money3 {
    use super::*;

    /// Writes the amount padded to 3 places.
    pub fn serialize<T: DecForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write_padded(value, 3, serializer)
    }

    /// Reads a number or decimal string.
    pub fn deserialize<'de, T: DecForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_dec(read_dec(deserializer)?).map_err(de::Error::custom)
    }
}

/// A decimal sent as a string, at the scale it has.
pub mod dec_text {
    use super::*;

    /// Writes the decimal as a string.
    pub fn serialize<T: DecForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value.to_dec() {
            Some(v) => serializer.serialize_str(&v.to_string()),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a number or decimal string.
    pub fn deserialize<'de, T: DecForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_dec(read_dec(deserializer)?).map_err(de::Error::custom)
    }
}

/// A decimal sent as a JSON number (`"length": 60`, `"totalPrice": 0`).
///
/// Whole values are written as integers; others as the shortest `f64` that reads back as the same
/// decimal, which holds for every amount with up to 15 significant digits.
pub mod dec_json {
    use super::*;

    /// Writes the decimal as a JSON number.
    pub fn serialize<T: DecForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        use rust_decimal::prelude::ToPrimitive;

        match value.to_dec() {
            Some(v) if v.fract().is_zero() && v.to_i64().is_some() => {
                serializer.serialize_i64(v.to_i64().unwrap_or_default())
            }
            Some(v) => serializer.serialize_f64(v.to_f64().unwrap_or_default()),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a number or decimal string.
    pub fn deserialize<'de, T: DecForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_dec(read_dec(deserializer)?).map_err(de::Error::custom)
    }
}

/// A text field the server may send as a number (postcodes, phone numbers, ids).
pub mod text {
    use super::*;

    /// A value that is text, possibly absent.
    pub trait TextForm: Sized {
        /// The text, or `None`.
        fn to_text(&self) -> Option<&str>;
        /// Builds the value from text or null.
        fn from_text(value: Option<String>) -> Self;
    }

    impl TextForm for String {
        fn to_text(&self) -> Option<&str> {
            Some(self)
        }

        fn from_text(value: Option<String>) -> Self {
            value.unwrap_or_default()
        }
    }

    impl TextForm for Option<String> {
        fn to_text(&self) -> Option<&str> {
            self.as_deref()
        }

        fn from_text(value: Option<String>) -> Self {
            value
        }
    }

    /// Writes the text.
    pub fn serialize<T: TextForm, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value.to_text() {
            Some(v) => serializer.serialize_str(v),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a string, or a number or boolean as its text.
    pub fn deserialize<'de, T: TextForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        let value = <Value as serde::Deserialize>::deserialize(deserializer)?;

        match value {
            Value::Null => Ok(T::from_text(None)),
            Value::String(s) => Ok(T::from_text(Some(s))),
            Value::Number(n) => Ok(T::from_text(Some(n.to_string()))),
            Value::Bool(b) => Ok(T::from_text(Some(b.to_string()))),
            other => Err(de::Error::custom(format!("expected text, found {other}"))),
        }
    }
}

/// Extra JSON fields: on requests, fields the vendor added after this client was written; on
/// responses, fields we do not know yet, kept so nothing the server says is lost.
pub type Extra = serde_json::Map<String, Value>;

/// How [`Extra`] appears in generated TypeScript: any further keys, of unknown type.
#[cfg(feature = "specta")]
pub type ExtraType = std::collections::HashMap<String, specta_typescript::Unknown>;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    code_enum! {
        /// A test enum.
        pub enum Colour {
            /// red
            Red = 1 => ("红", "red"),
            /// blue
            Blue = 2 => ("蓝", "blue"),
        }
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Sample {
        #[serde(default, with = "text_int", skip_serializing_if = "Option::is_none")]
        as_text: Option<Colour>,
        #[serde(default, with = "json_int", skip_serializing_if = "Option::is_none")]
        as_number: Option<YesNo>,
        #[serde(default, with = "money3", skip_serializing_if = "Option::is_none")]
        amount: Option<Decimal>,
        #[serde(default, with = "dec_json", skip_serializing_if = "Option::is_none")]
        weight: Option<Decimal>,
    }

    #[test]
    fn each_field_is_written_in_its_documented_form() {
        let sample = Sample {
            as_text: Some(Colour::Blue),
            as_number: Some(YesNo::No),
            amount: Some(Decimal::new(5, 1)),
            weight: Some(Decimal::new(125, 2)),
        };

        let json = serde_json::to_value(&sample).unwrap();

        assert_eq!(
            json,
            serde_json::json!({"as_text": "2", "as_number": -1, "amount": "0.500", "weight": 1.25})
        );
    }

    #[test]
    fn reading_accepts_numbers_and_strings_and_keeps_unknown_codes() {
        let json = r#"{"as_text": 7, "as_number": "1", "amount": 12.5, "weight": "3"}"#;

        let sample: Sample = serde_json::from_str(json).unwrap();

        assert_eq!(sample.as_text, Some(Colour::Other(7)));
        assert_eq!(sample.as_number, Some(YesNo::Yes));
        assert_eq!(sample.amount, Some(Decimal::new(125, 1)));
        assert_eq!(serde_json::to_value(&sample).unwrap()["as_text"], "7");
    }

    #[test]
    fn money_keeps_exact_digits() {
        let sample: Sample = serde_json::from_str(r#"{"amount": "19.990"}"#).unwrap();

        assert_eq!(sample.amount.unwrap().to_string(), "19.990");
    }
}
