//! The one error shape every desktop command returns, so the UI handles failures in one place:
//! a code to switch on, a message in Chinese and English, the fields a form should mark, and the
//! OMS's own code and request id for support.

use oms_accounts::{AccountsError, KeyringError};
use serde::Serialize;

/// A failed command, as the UI receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    /// What kind of failure this is (`validation`, `api`, `connect`, `keyringLocked`…).
    pub code: String,
    /// What went wrong and what to do, in Chinese.
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// The fields of the submitted form that are wrong; empty for other failures.
    pub fields: Vec<CommandFieldError>,
    /// The OMS envelope's `code` when the OMS refused the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_code: Option<String>,
    /// The OMS request id, for support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// One wrong field of a submitted form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CommandFieldError {
    /// The wire name of the field with its path, e.g. `itemDTOs[0].qty`.
    pub field: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl CommandError {
    /// An error of this app's own (not from the OMS or the accounts store).
    pub fn new(code: &str, message: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            message_en: message_en.into(),
            fields: Vec::new(),
            api_code: None,
            request_id: None,
        }
    }

    /// A form error on one field.
    pub fn field(field: &str, message: &str, message_en: &str) -> Self {
        let mut error = Self::new(
            "validation",
            format!("请检查输入：{field}: {message}"),
            format!("please correct the input: {field}: {message_en}"),
        );
        error.fields.push(CommandFieldError {
            field: field.to_owned(),
            message: message.to_owned(),
            message_en: message_en.to_owned(),
        });
        error
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message_en, self.code)
    }
}

impl std::error::Error for CommandError {}

fn field_errors(errors: &[oms_api::FieldError]) -> Vec<CommandFieldError> {
    errors
        .iter()
        .map(|e| CommandFieldError {
            field: e.field.clone(),
            message: e.zh.clone(),
            message_en: e.en.clone(),
        })
        .collect()
}

impl From<oms_api::Error> for CommandError {
    fn from(error: oms_api::Error) -> Self {
        let api_code = match &error {
            oms_api::Error::Api(api) => Some(api.code.clone()),
            _ => None,
        };

        Self {
            code: error.code().to_owned(),
            message: error.zh(),
            message_en: error.to_string(),
            fields: field_errors(error.field_errors()),
            api_code,
            request_id: error.request_id().map(str::to_owned),
        }
    }
}

impl From<AccountsError> for CommandError {
    fn from(error: AccountsError) -> Self {
        let (message, message_en) = split_languages(&error.to_string());

        Self {
            code: error.code().to_owned(),
            message,
            message_en,
            fields: field_errors(error.field_errors()),
            api_code: None,
            request_id: None,
        }
    }
}

impl From<KeyringError> for CommandError {
    fn from(error: KeyringError) -> Self {
        AccountsError::Keyring(error).into()
    }
}

impl From<oms_batch::BatchError> for CommandError {
    fn from(error: oms_batch::BatchError) -> Self {
        use oms_batch::BatchError;

        let message_en = error.to_string();
        let (code, message) = match error {
            BatchError::Api(api) => return api.into(),
            BatchError::NoSuchRun(run) => ("noSuchRun", format!("没有批次 {run}")),
            BatchError::NotResumable { run, .. } => (
                "notResumable",
                format!("批次 {run} 已取消或已完成，不能继续"),
            ),
            BatchError::Options(detail) => ("validation", format!("批量设置无效：{detail}")),
            BatchError::Ledger(detail) => ("ledger", format!("批次记录读写失败：{detail}")),
            BatchError::File { path, detail } => ("file", format!("文件 {path}：{detail}")),
            BatchError::Pdf(detail) => ("pdf", format!("PDF 处理失败：{detail}")),
        };

        Self::new(code, message, message_en)
    }
}

/// The accounts store writes `中文 / English` in one text; the UI wants them apart.
fn split_languages(text: &str) -> (String, String) {
    match text.split_once(" / ") {
        Some((zh, en)) => (zh.trim().to_owned(), en.trim().to_owned()),
        None => (text.to_owned(), text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oms_api::FieldError;

    #[test]
    fn validation_failures_keep_every_field_in_both_languages() {
        let error = oms_api::Error::Validation(vec![
            FieldError {
                field: "itemDTOs[0].qty".into(),
                zh: "必须大于 0".into(),
                en: "must be greater than 0".into(),
            },
            FieldError {
                field: "warehouseCode".into(),
                zh: "必填".into(),
                en: "is required".into(),
            },
        ]);

        let mapped = CommandError::from(error);

        assert_eq!(mapped.code, "validation");
        let named: Vec<&str> = mapped.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            named,
            ["itemDTOs[0].qty", "warehouseCode"],
            "every wrong field reaches the form"
        );
        assert_eq!(mapped.fields[0].message_en, "must be greater than 0");
        assert!(
            mapped.message.contains("itemDTOs[0].qty"),
            "the summary names the field: {}",
            mapped.message
        );
    }

    #[test]
    fn accounts_errors_are_split_into_chinese_and_english() {
        let error = AccountsError::SandboxNotRunning;

        let mapped = CommandError::from(error);

        assert_eq!(mapped.code, "sandboxNotRunning");
        assert_eq!(mapped.message, "本地沙盒未启动，请先启动沙盒");
        assert_eq!(
            mapped.message_en,
            "The local sandbox is not running: start it first"
        );
    }

    #[test]
    fn the_ui_shape_has_camel_case_keys_and_no_empty_optionals() {
        let error = CommandError::field("name", "必填", "is required");

        let json = serde_json::to_value(&error).unwrap();

        assert_eq!(json["fields"][0]["messageEn"], "is required");
        assert!(
            json.get("apiCode").is_none() && json.get("requestId").is_none(),
            "absent OMS details are left out: {json}"
        );
    }
}
