//! Files in and out of the OMS. Attachments (FBA labels, invoices, packing lists) travel inline as
//! Base64 inside JSON; labels and barcodes come back the same way or, from some servers, as a raw
//! PDF body. Reading, checking and encoding happen here, in Rust, so the UI never handles file
//! bytes; saving goes through a temporary file beside the target and a rename, so a crash never
//! leaves a half-written PDF where the seller expects a good one.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::validate::{Validate, Validator};
use crate::wire::Extra;

/// The largest attachment accepted (20 MiB before Base64).
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;

/// Attachment types of inbound orders (SPEC.md §2.4; `PALLETI_LABEL` is the vendor's spelling).
pub const INBOUND_ATTACHMENT_TYPES: &[&str] = &[
    "ITEM_LABEL",
    "PALLETI_LABEL",
    "SHIPPING_LABEL",
    "PACKING_LIST",
    "BOL",
    "CARTON_LABEL",
    "OTHER",
];

/// Attachment types of outbound orders (SPEC.md §2.5).
pub const OUTBOUND_ATTACHMENT_TYPES: &[&str] = &[
    "SHIPMENT_LABEL",
    "CARDBOARD_LABEL",
    "BOX_MARK",
    "BOL",
    "OTHER",
];

/// An attachment to send: `{attachmentType, base64, fileName}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// One of the module's attachment types.
    #[serde(default)]
    pub attachment_type: String,
    /// The file's bytes in standard Base64, without a `data:` prefix.
    #[serde(default)]
    pub base64: String,
    /// The file name shown at the warehouse.
    #[serde(default)]
    pub file_name: String,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl Attachment {
    /// Reads a file, checks its size and type, and encodes it.
    pub fn from_path(path: &Path, attachment_type: &str) -> Result<Self> {
        let kind = check_file(path)?;

        let bytes = std::fs::read(path).map_err(|e| file_error(path, &e.to_string()))?;
        if !kind.matches(&bytes) {
            return Err(file_error(
                path,
                &format!(
                    "the content is not a {} file (its first bytes do not match)",
                    kind.name
                ),
            ));
        }

        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();

        Ok(Self {
            attachment_type: attachment_type.to_owned(),
            base64: BASE64.encode(&bytes),
            file_name,
            extra: Extra::new(),
        })
    }

    /// The attachment with any `data:…;base64,` prefix and whitespace removed from `base64`.
    pub fn normalized(mut self) -> Self {
        self.base64 = clean_base64(&self.base64);
        self
    }

    /// Checks the fields against the attachment types allowed for a module.
    pub fn check_fields(&self, check: &mut Validator, allowed_types: Option<&[&str]>) {
        let has_type = check.required_text("attachmentType", Some(&self.attachment_type));
        if let (true, Some(allowed)) = (has_type, allowed_types) {
            check.one_of_text("attachmentType", Some(&self.attachment_type), allowed);
        }
        check.required_text("fileName", Some(&self.file_name));
        check.max_len("fileName", Some(&self.file_name), 200);

        if check.required_text("base64", Some(&self.base64)) {
            let cleaned = clean_base64(&self.base64);
            match BASE64.decode(cleaned.as_bytes()) {
                Ok(bytes) if bytes.len() as u64 > MAX_ATTACHMENT_BYTES => check.error(
                    "base64",
                    format!("文件过大：{} MB，上限 20 MB", bytes.len() / (1024 * 1024)),
                    format!(
                        "file is too large: {} MB, the limit is 20 MB",
                        bytes.len() / (1024 * 1024)
                    ),
                ),
                Ok(_) => {}
                Err(_) => check.error("base64", "不是有效的 Base64 内容", "is not valid Base64"),
            }
        }
    }
}

/// Attachments of inbound orders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct InboundAttachment(pub Attachment);

impl Validate for InboundAttachment {
    fn validate(&self, check: &mut Validator) {
        self.0.check_fields(check, Some(INBOUND_ATTACHMENT_TYPES));
    }
}

/// Attachments of outbound orders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct OutboundAttachment(pub Attachment);

impl Validate for OutboundAttachment {
    fn validate(&self, check: &mut Validator) {
        self.0.check_fields(check, Some(OUTBOUND_ATTACHMENT_TYPES));
    }
}

/// Attachments whose types are not documented (returns, products, platform orders).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct AnyAttachment(pub Attachment);

impl Validate for AnyAttachment {
    fn validate(&self, check: &mut Validator) {
        self.0.check_fields(check, None);
    }
}

/// Removes a `data:…;base64,` prefix and whitespace.
pub fn clean_base64(text: &str) -> String {
    let body = match text.find(";base64,") {
        Some(at) if text.trim_start().starts_with("data:") => &text[at + ";base64,".len()..],
        _ => text,
    };

    body.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A file kind we accept as an attachment.
#[derive(Clone, Copy, Debug)]
struct FileKind {
    name: &'static str,
    extensions: &'static [&'static str],
    magic: &'static [&'static [u8]],
}

impl FileKind {
    fn matches(&self, bytes: &[u8]) -> bool {
        self.magic.is_empty() || self.magic.iter().any(|m| bytes.starts_with(m))
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

const FILE_KINDS: &[FileKind] = &[
    FileKind {
        name: "PDF",
        extensions: &["pdf"],
        magic: &[b"%PDF-"],
    },
    FileKind {
        name: "PNG",
        extensions: &["png"],
        magic: &[b"\x89PNG\r\n\x1a\n"],
    },
    FileKind {
        name: "JPEG",
        extensions: &["jpg", "jpeg"],
        magic: &[b"\xFF\xD8\xFF"],
    },
    FileKind {
        name: "GIF",
        extensions: &["gif"],
        magic: &[b"GIF87a", b"GIF89a"],
    },
    FileKind {
        name: "Excel",
        extensions: &["xlsx", "xls"],
        magic: &[ZIP, OLE],
    },
    FileKind {
        name: "Word",
        extensions: &["docx", "doc"],
        magic: &[ZIP, OLE],
    },
    FileKind {
        name: "ZIP",
        extensions: &["zip"],
        magic: &[ZIP],
    },
    FileKind {
        name: "CSV",
        extensions: &["csv"],
        magic: &[],
    },
    FileKind {
        name: "text",
        extensions: &["txt"],
        magic: &[],
    },
];

/// Checks that `path` is a readable file of an accepted type and size, before reading it.
fn check_file(path: &Path) -> Result<FileKind> {
    let metadata = std::fs::metadata(path).map_err(|e| file_error(path, &e.to_string()))?;
    if !metadata.is_file() {
        return Err(file_error(path, "is not a file"));
    }
    if metadata.len() == 0 {
        return Err(file_error(path, "is empty"));
    }
    if metadata.len() > MAX_ATTACHMENT_BYTES {
        return Err(file_error(
            path,
            &format!(
                "is {} MB; attachments are limited to 20 MB",
                metadata.len() / (1024 * 1024)
            ),
        ));
    }

    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();

    FILE_KINDS.iter().copied().find(|k| k.extensions.contains(&extension.as_str())).ok_or_else(|| {
        file_error(
            path,
            &format!(
                "type .{extension} is not accepted; use PDF, PNG, JPEG, GIF, Excel, Word, ZIP, CSV or TXT"
            ),
        )
    })
}

fn file_error(path: &Path, detail: &str) -> Error {
    Error::File {
        path: path.display().to_string(),
        detail: detail.to_owned(),
    }
}

/// A file the OMS sends inline: `{fileName, fileType, base64}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InlineFile {
    /// The server's file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// `PDF`, `PNG`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// The bytes in Base64.
    #[serde(default)]
    pub base64: String,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

/// A downloaded file, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadedFile {
    /// The server's file name, when it gave one.
    pub file_name: Option<String>,
    /// The server's file type (`PDF`), when it gave one.
    pub file_type: Option<String>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl DownloadedFile {
    /// Decodes an inline file.
    pub fn from_inline(file: &InlineFile) -> Result<Self> {
        let bytes = BASE64
            .decode(clean_base64(&file.base64).as_bytes())
            .map_err(|e| Error::Shape {
                path: "data.base64".to_owned(),
                detail: format!("the file is not valid Base64: {e}"),
                request_id: None,
            })?;

        Ok(Self {
            file_name: file.file_name.clone(),
            file_type: file.file_type.clone(),
            bytes,
        })
    }

    /// True when the bytes are a PDF.
    pub fn is_pdf(&self) -> bool {
        self.bytes.starts_with(b"%PDF-")
    }

    /// Writes the file to `target` atomically and returns its size.
    pub fn save(&self, target: &Path) -> Result<u64> {
        write_atomically(target, &self.bytes)
    }
}

/// Writes `bytes` to a temporary file beside `target`, flushes it to disk, then renames it over
/// `target`. Either the whole new file is there, or the old one is untouched.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<u64> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| file_error(target, "has no file name"))?;
    let temporary = folder.join(format!(
        ".{}.{}.part",
        name.to_string_lossy(),
        uuid::Uuid::new_v4().simple()
    ));

    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, target)
    })();

    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(file_error(target, &error.to_string()));
    }

    Ok(bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_url_prefixes_are_stripped() {
        assert_eq!(
            clean_base64("data:application/pdf;base64,JVBE\nRi0="),
            "JVBERi0="
        );
        assert_eq!(clean_base64("JVBERi0="), "JVBERi0=");
    }

    #[test]
    fn a_file_with_the_wrong_content_is_refused_before_encoding() {
        let folder = tempfile::tempdir().unwrap();
        let fake_pdf = folder.path().join("label.pdf");
        std::fs::write(&fake_pdf, b"<html>not a pdf</html>").unwrap();

        let error = Attachment::from_path(&fake_pdf, "SHIPMENT_LABEL").unwrap_err();

        assert!(error.to_string().contains("not a PDF file"), "{error}");
    }

    #[test]
    fn unknown_extensions_and_empty_files_are_refused() {
        let folder = tempfile::tempdir().unwrap();
        let exe = folder.path().join("tool.exe");
        std::fs::write(&exe, b"MZ").unwrap();
        let empty = folder.path().join("empty.pdf");
        std::fs::write(&empty, b"").unwrap();

        assert!(Attachment::from_path(&exe, "OTHER")
            .unwrap_err()
            .to_string()
            .contains(".exe"));
        assert!(Attachment::from_path(&empty, "OTHER")
            .unwrap_err()
            .to_string()
            .contains("empty"));
    }

    #[test]
    fn saving_replaces_the_target_and_leaves_no_temporary_file() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("labels.pdf");
        std::fs::write(&target, b"old").unwrap();

        let size = write_atomically(&target, b"%PDF-1.7 new").unwrap();

        assert_eq!(size, 12);
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 new");
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "temporary files left behind: {names:?}");
    }
}
