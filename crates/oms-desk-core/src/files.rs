//! Files between the seller's disk and the OMS, handled in Rust so the UI never reads or sends
//! file bytes: where a download goes by default (one folder per account, a name that says what
//! the file is), writing it atomically, and reading the files chosen for an upload.

use std::path::{Path, PathBuf};

use oms_api::bulk::LabelSize;
use oms_api::files::{AnyAttachment, OutboundAttachment};
use oms_api::outbound::{OpenAttachment, UploadAttachmentsRequest};
use oms_api::platform::PlatformAttachmentUpload;
use oms_api::{Attachment, DownloadedFile, Extra};
use serde::{Deserialize, Serialize};

use crate::error::{CommandError, CommandFieldError};

/// A file written to disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    /// Where it was written.
    pub path: String,
    /// Its size in bytes.
    #[specta(type = f64)]
    pub bytes: u64,
}

/// A file the seller chose for an upload, and what kind of attachment it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FileToUpload {
    /// The path chosen in the file dialog.
    pub path: String,
    /// The attachment type (`SHIPMENT_LABEL`, `BOL`, `OTHER`…).
    pub attachment_type: String,
}

/// Where a download is saved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SaveTarget {
    /// Ask with a save dialog that starts in the account's download folder with the default
    /// name.
    #[default]
    Ask,
    /// Save straight into the account's download folder under the default name.
    DefaultFolder,
}

/// What a downloaded file is, for its default name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadKind {
    /// An inbound order's box labels.
    BoxLabels,
    /// An inbound order's SKU barcodes.
    SkuBarcodes,
    /// A shipping label of an express-label order.
    ExpressLabel,
}

/// The default file name of a download: `<orderNo>-box-labels-100x100.pdf`,
/// `<orderNo>-sku-barcodes-A4.pdf`, `<orderNo>-express-label.pdf`.
pub fn default_file_name(kind: DownloadKind, order_no: &str, size: Option<LabelSize>) -> String {
    let order = safe_name(order_no, "order");
    let size = size.unwrap_or_default().as_str();

    match kind {
        DownloadKind::BoxLabels => format!("{order}-box-labels-{size}.pdf"),
        DownloadKind::SkuBarcodes => format!("{order}-sku-barcodes-{size}.pdf"),
        DownloadKind::ExpressLabel => format!("{order}-express-label.pdf"),
    }
}

/// The default file name of an attachment: its own name, or `<orderNo>-attachment-<n>` when the
/// OMS gave none.
pub fn attachment_file_name(attachment: &OpenAttachment, order_no: &str, index: usize) -> String {
    match attachment.file_name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => safe_name(name, "attachment"),
        _ => {
            let extension = attachment
                .file_type
                .as_deref()
                .map(|t| format!(".{}", t.to_lowercase()))
                .unwrap_or_default();
            format!(
                "{}-attachment-{}{extension}",
                safe_name(order_no, "order"),
                index + 1
            )
        }
    }
}

/// A file or folder name made from text the OMS or the seller chose: path separators and
/// characters Windows refuses become `_`, and surrounding dots and spaces are dropped, so the
/// name can never point outside its folder.
pub fn safe_name(text: &str, fallback: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = replaced.trim_matches(|c: char| c == '.' || c.is_whitespace());

    if trimmed.is_empty() {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Writes a downloaded file to `target` atomically (creating its folder) and reports it.
///
/// # Errors
/// The folder cannot be created or the file cannot be written.
pub fn save_download(file: &DownloadedFile, target: &Path) -> Result<SavedFile, CommandError> {
    save_bytes(&file.bytes, target)
}

/// Writes `bytes` to `target` atomically (creating its folder) and reports it.
///
/// # Errors
/// The folder cannot be created or the file cannot be written.
pub fn save_bytes(bytes: &[u8], target: &Path) -> Result<SavedFile, CommandError> {
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| {
            CommandError::new(
                "file",
                format!("无法创建文件夹 {}：{e}", folder.display()),
                format!("cannot create the folder {}: {e}", folder.display()),
            )
        })?;
    }

    let written = oms_api::files::write_atomically(target, bytes)?;
    tracing::info!(path = %target.display(), bytes = written, "file saved");

    Ok(SavedFile {
        path: target.display().to_string(),
        bytes: written,
    })
}

/// Reads and encodes the chosen files. Every unreadable file is reported at once, as a field
/// error `files[<n>]`, so the form can mark each.
///
/// # Errors
/// A validation error naming each file that cannot be used.
pub fn read_uploads(files: &[FileToUpload]) -> Result<Vec<Attachment>, CommandError> {
    let mut attachments = Vec::with_capacity(files.len());
    let mut problems = Vec::new();

    for (index, file) in files.iter().enumerate() {
        match Attachment::from_path(Path::new(&file.path), &file.attachment_type) {
            Ok(attachment) => attachments.push(attachment),
            Err(error) => problems.push(CommandFieldError {
                field: format!("files[{index}]"),
                message: error.zh(),
                message_en: error.to_string(),
            }),
        }
    }

    if problems.is_empty() {
        return Ok(attachments);
    }
    let mut error = CommandError::new(
        "validation",
        format!("有 {} 个文件无法上传", problems.len()),
        format!("{} file(s) cannot be uploaded", problems.len()),
    );
    error.fields = problems;
    Err(error)
}

/// The outbound attachment upload for files chosen on disk.
///
/// # Errors
/// See [`read_uploads`].
pub fn outbound_upload(
    order_no: &str,
    files: &[FileToUpload],
) -> Result<UploadAttachmentsRequest, CommandError> {
    let attachments = read_uploads(files)?;

    Ok(UploadAttachmentsRequest {
        order_no: order_no.to_owned(),
        attachments: attachments.into_iter().map(OutboundAttachment).collect(),
        extra: Extra::new(),
    })
}

/// The platform-order attachment upload for files chosen on disk.
///
/// # Errors
/// See [`read_uploads`].
pub fn platform_upload(
    platform_order_no: &str,
    files: &[FileToUpload],
) -> Result<PlatformAttachmentUpload, CommandError> {
    let attachments = read_uploads(files)?;

    Ok(PlatformAttachmentUpload {
        platform_order_no: platform_order_no.to_owned(),
        attachment_open_dtos: attachments.into_iter().map(AnyAttachment).collect(),
        extra: Extra::new(),
    })
}

/// The folder an account's downloads go to by default: `<downloads>/<account name>`.
pub fn account_download_folder(downloads_root: &Path, account_name: &str) -> PathBuf {
    downloads_root.join(safe_name(account_name, "account"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_say_what_the_file_is() {
        assert_eq!(
            default_file_name(
                DownloadKind::BoxLabels,
                "IB0001",
                Some(LabelSize::Label100x100)
            ),
            "IB0001-box-labels-100x100.pdf"
        );
        assert_eq!(
            default_file_name(DownloadKind::SkuBarcodes, "IB0001", Some(LabelSize::A4)),
            "IB0001-sku-barcodes-A4.pdf"
        );
        assert_eq!(
            default_file_name(DownloadKind::ExpressLabel, "EL77", None),
            "EL77-express-label.pdf"
        );
    }

    #[test]
    fn names_from_outside_cannot_leave_their_folder() {
        assert_eq!(safe_name("../../etc/passwd", "x"), "_.._etc_passwd");
        assert_eq!(safe_name(" .. ", "fallback"), "fallback");
        assert_eq!(
            safe_name("美国仓 US", "x"),
            "美国仓 US",
            "Chinese names stay readable"
        );
        assert_eq!(
            account_download_folder(Path::new("/d"), "a/b"),
            Path::new("/d/a_b")
        );
    }

    #[test]
    fn a_saved_file_replaces_the_old_one_whole_and_reports_its_size() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("deep/IB1-box-labels-100x100.pdf");

        save_bytes(b"old", &target).unwrap();
        let saved = save_bytes(b"%PDF-1.4 new", &target).unwrap();

        assert_eq!(saved.bytes, 12);
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.4 new");
        let leftovers = std::fs::read_dir(target.parent().unwrap()).unwrap().count();
        assert_eq!(
            leftovers, 1,
            "no temporary file may be left beside the target"
        );
    }

    #[test]
    fn every_unreadable_upload_is_named() {
        let folder = tempfile::tempdir().unwrap();
        let good = folder.path().join("label.pdf");
        std::fs::write(&good, b"%PDF-1.4 label").unwrap();
        let files = [
            FileToUpload {
                path: good.display().to_string(),
                attachment_type: "SHIPMENT_LABEL".into(),
            },
            FileToUpload {
                path: folder.path().join("missing.pdf").display().to_string(),
                attachment_type: "BOL".into(),
            },
        ];

        let error = read_uploads(&files).unwrap_err();

        assert_eq!(error.code, "validation");
        let named: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(named, ["files[1]"], "only the missing file is marked");
        let request = outbound_upload("OB1", &files[..1]).unwrap();
        assert_eq!(request.attachments[0].0.file_name, "label.pdf");
    }
}
