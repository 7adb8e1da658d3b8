//! The ways a whole file can fail to import, each with a message in Chinese and English that says
//! what to do. Problems with single cells are not errors of this kind: they are collected in the
//! report ([`crate::CellError`]) so one bad row never hides the others.

use std::path::Path;

/// A file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read or the copy could not be written.
    #[error("file {path}: {detail}")]
    File {
        /// The file's path.
        path: String,
        /// What went wrong.
        detail: String,
    },

    /// The file is neither a CSV nor an XLSX workbook we can read.
    #[error("{en}")]
    Format {
        /// What is wrong, in Chinese.
        zh: String,
        /// What is wrong, in English.
        en: String,
    },

    /// The file has no header row.
    #[error("the file is empty: put the column headers in the first row")]
    Empty,

    /// Columns that every row needs are not in the header row.
    #[error("required column(s) missing from the header row: {}", .missing.join(", "))]
    MissingColumns {
        /// Each missing column as `中文名 / English name`.
        missing: Vec<String>,
    },

    /// Two columns of the header row name the same field.
    #[error("columns {first} and {second} both hold {field}; keep one of them")]
    DuplicateColumn {
        /// The field both name, as `中文名 / English name`.
        field: String,
        /// The first header as written in the file.
        first: String,
        /// The second header as written in the file.
        second: String,
    },

    /// The error copy would overwrite the file it was made from.
    #[error("the error copy must not replace the original file {0}; choose another path")]
    SamePath(String),
}

impl Error {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Self::File { path, detail } => format!("文件 {path}：{detail}"),
            Self::Format { zh, .. } => zh.clone(),
            Self::Empty => "文件是空的：请在第一行填写列标题".to_owned(),
            Self::MissingColumns { missing } => {
                format!("表头缺少必填列：{}", missing.join("、"))
            }
            Self::DuplicateColumn {
                field,
                first,
                second,
            } => format!("列“{first}”和“{second}”都是 {field}，请只保留一列"),
            Self::SamePath(path) => format!("错误副本不能覆盖原文件 {path}，请换一个路径"),
        }
    }

    /// A short machine-readable name of the kind of error, for the UI to switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::File { .. } => "file",
            Self::Format { .. } => "format",
            Self::Empty => "empty",
            Self::MissingColumns { .. } => "missing_columns",
            Self::DuplicateColumn { .. } => "duplicate_column",
            Self::SamePath(_) => "same_path",
        }
    }

    pub(crate) fn file(path: &Path, detail: impl ToString) -> Self {
        Self::File {
            path: path.display().to_string(),
            detail: detail.to_string(),
        }
    }

    pub(crate) fn format(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Format {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
