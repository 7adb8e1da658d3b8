//! Label batches: the box labels (or SKU barcodes) of many ASNs downloaded and merged into one
//! PDF, so a warehouse desk prints a container's cartons in one job, and N-up imposition of small
//! labels (100x100 mm) onto A4 sheets for printers without label stock.
//!
//! Imposition keeps every label as vector content: each source page becomes a Form XObject (its
//! content stream and resources unchanged), drawn on the sheet with a `cm` transform, so text and
//! barcodes stay sharp and searchable.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use oms_api::bulk::{LabelFileRequest, LabelSize};
use oms_api::Client;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::error::{BatchError, BatchResult};

/// A4 width in points.
pub const A4_WIDTH: f32 = 595.276;
/// A4 height in points.
pub const A4_HEIGHT: f32 = 841.89;

/// Which labels of an ASN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// One label per carton (`boxNo`).
    Box,
    /// SKU barcodes of the pieces.
    SkuBarcode,
}

/// Labels per A4 sheet: `columns` across, `rows` down, filled row by row from the top left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nup {
    /// Labels across.
    pub columns: u32,
    /// Labels down.
    pub rows: u32,
}

impl Nup {
    /// Two across, two down: 100x100 mm labels at full size.
    pub const TWO_BY_TWO: Nup = Nup {
        columns: 2,
        rows: 2,
    };
    /// Two across, three down: 100x100 mm labels scaled to 97 %.
    pub const TWO_BY_THREE: Nup = Nup {
        columns: 2,
        rows: 3,
    };

    /// Labels per sheet.
    pub fn per_sheet(self) -> u32 {
        self.columns * self.rows
    }
}

/// Downloads the labels of every order in `order_nos` (4 downloads at a time) and returns the
/// files in the order given.
///
/// # Errors
///
/// The first download that fails, naming its order.
pub async fn download_labels(
    client: &Client,
    kind: LabelKind,
    order_nos: &[String],
    size: LabelSize,
) -> BatchResult<Vec<Vec<u8>>> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};

    stream::iter(order_nos.iter().cloned())
        .map(|order_no| async move {
            let request = LabelFileRequest {
                order_no: order_no.clone(),
                label_size: Some(size),
                ..LabelFileRequest::default()
            };
            let file = match kind {
                LabelKind::Box => client.download_box_labels(&request).await,
                LabelKind::SkuBarcode => client.download_sku_barcodes(&request).await,
            };
            file.map(|file| file.bytes).map_err(|error| {
                BatchError::Pdf(format!(
                    "labels of {order_no} could not be downloaded: {error}"
                ))
            })
        })
        .buffered(4)
        .try_collect()
        .await
}

/// Downloads the labels of every order and merges them into one PDF, imposed on A4 when `nup`
/// is given.
pub async fn label_batch(
    client: &Client,
    kind: LabelKind,
    order_nos: &[String],
    size: LabelSize,
    nup: Option<Nup>,
) -> BatchResult<Vec<u8>> {
    let files = download_labels(client, kind, order_nos, size).await?;

    let merged = merge_pdfs(&files)?;
    drop(files);

    match nup {
        Some(layout) => impose(&merged, layout),
        None => Ok(merged),
    }
}

/// Merges PDFs into one, pages in the order given.
///
/// # Errors
///
/// A file that is not a readable PDF, or one without pages.
pub fn merge_pdfs(files: &[Vec<u8>]) -> BatchResult<Vec<u8>> {
    let mut merged = Document::with_version("1.5");
    let pages_id: ObjectId = (1, 0);
    let mut next_id = 2;
    let mut kids = Vec::new();

    for (index, bytes) in files.iter().enumerate() {
        let mut document = Document::load_mem(bytes).map_err(|e| {
            BatchError::Pdf(format!("file {} is not a readable PDF: {e}", index + 1))
        })?;
        document.renumber_objects_with(next_id);
        next_id = document
            .objects
            .keys()
            .map(|id| id.0)
            .max()
            .unwrap_or(next_id)
            + 1;

        let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
        if pages.is_empty() {
            return Err(BatchError::Pdf(format!("file {} has no pages", index + 1)));
        }
        for page_id in &pages {
            let inherited = inherited_attributes(&document, *page_id);
            let page = document.get_dictionary_mut(*page_id)?;
            for (key, value) in inherited {
                page.set(key, value);
            }
            page.set("Parent", Object::Reference(pages_id));
            kids.push(Object::Reference(*page_id));
        }

        for (id, object) in document.objects {
            if !is_tree_node(&object) {
                merged.objects.insert(id, object);
            }
        }
    }

    let count = kids.len() as i64;
    merged.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    merged.max_id = next_id - 1;
    let catalog = merged.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    merged.trailer.set("Root", catalog);

    save(&mut merged)
}

/// Places every page of `pdf` on A4 sheets, `layout.per_sheet()` to a sheet, each scaled down
/// only as far as its cell needs and centred in it.
///
/// # Errors
///
/// A file that is not a readable PDF, a page without a readable `MediaBox`, or an empty layout.
pub fn impose(pdf: &[u8], layout: Nup) -> BatchResult<Vec<u8>> {
    if layout.per_sheet() == 0 {
        return Err(BatchError::Pdf(
            "a layout needs at least one column and one row".to_owned(),
        ));
    }
    let mut document = Document::load_mem(pdf)?;
    let source_pages: Vec<ObjectId> = document.get_pages().into_values().collect();

    let mut forms = Vec::with_capacity(source_pages.len());
    for page_id in &source_pages {
        forms.push(page_as_form(&mut document, *page_id)?);
    }

    let sheets_id = document.new_object_id();
    let cell_width = A4_WIDTH / layout.columns as f32;
    let cell_height = A4_HEIGHT / layout.rows as f32;
    let mut sheets = Vec::new();
    for group in forms.chunks(layout.per_sheet() as usize) {
        let mut content = String::new();
        let mut xobjects = Dictionary::new();
        for (slot, form) in group.iter().enumerate() {
            let name = format!("L{slot}");
            let (column, row) = (slot as u32 % layout.columns, slot as u32 / layout.columns);
            let scale = (cell_width / form.width)
                .min(cell_height / form.height)
                .min(1.0);
            let x = column as f32 * cell_width + (cell_width - form.width * scale) / 2.0;
            let y = A4_HEIGHT - (row + 1) as f32 * cell_height
                + (cell_height - form.height * scale) / 2.0;
            content.push_str(&format!(
                "q {scale:.5} 0 0 {scale:.5} {:.3} {:.3} cm /{name} Do Q\n",
                x - form.origin.0 * scale,
                y - form.origin.1 * scale
            ));
            xobjects.set(name, Object::Reference(form.id));
        }

        let mut stream = Stream::new(Dictionary::new(), content.into_bytes());
        let _ = stream.compress();
        let content_id = document.add_object(stream);
        let sheet = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => sheets_id,
            "MediaBox" => vec![0.into(), 0.into(), A4_WIDTH.into(), A4_HEIGHT.into()],
            "Resources" => dictionary! { "XObject" => xobjects },
            "Contents" => content_id,
        });
        sheets.push(Object::Reference(sheet));
    }

    let count = sheets.len() as i64;
    document.objects.insert(
        sheets_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => sheets, "Count" => count }),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => sheets_id });
    document.trailer.set("Root", catalog);
    document.prune_objects();

    save(&mut document)
}

/// A source page turned into a Form XObject.
struct Form {
    id: ObjectId,
    width: f32,
    height: f32,
    origin: (f32, f32),
}

fn page_as_form(document: &mut Document, page_id: ObjectId) -> BatchResult<Form> {
    let media_box = find_inherited(document, page_id, b"MediaBox")
        .ok_or_else(|| BatchError::Pdf(format!("page {page_id:?} has no MediaBox")))?;
    let corners: Vec<f32> = media_box
        .as_array()?
        .iter()
        .map(|value| value.as_float())
        .collect::<Result<_, _>>()?;
    let [x0, y0, x1, y1] = corners[..] else {
        return Err(BatchError::Pdf(format!(
            "page {page_id:?} has a malformed MediaBox"
        )));
    };
    let resources = find_inherited(document, page_id, b"Resources")
        .unwrap_or(Object::Dictionary(Dictionary::new()));
    let content = document.get_page_content(page_id);

    let mut form = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![x0.into(), y0.into(), x1.into(), y1.into()],
            "Resources" => resources,
        },
        content,
    );
    let _ = form.compress();

    Ok(Form {
        id: document.add_object(form),
        width: x1 - x0,
        height: y1 - y0,
        origin: (x0, y0),
    })
}

/// The attributes a page may inherit from its ancestors (ISO 32000-1, 7.7.3.4) that it does not
/// set itself, so the page keeps them when it moves to another tree.
fn inherited_attributes(document: &Document, page_id: ObjectId) -> BTreeMap<Vec<u8>, Object> {
    let mut found = BTreeMap::new();
    let Ok(page) = document.get_dictionary(page_id) else {
        return found;
    };

    for key in [&b"MediaBox"[..], b"CropBox", b"Resources", b"Rotate"] {
        if page.get(key).is_err() {
            if let Some(value) = find_inherited(document, page_id, key) {
                found.insert(key.to_vec(), value);
            }
        }
    }
    found
}

/// `key` of the page or its nearest ancestor that has it.
fn find_inherited(document: &Document, page_id: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = document.get_dictionary(page_id).ok()?;

    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = document.get_dictionary(parent).ok()?;
    }
    None
}

fn is_tree_node(object: &Object) -> bool {
    let Ok(dictionary) = object.as_dict() else {
        return false;
    };
    matches!(
        dictionary.get(b"Type").and_then(Object::as_name),
        Ok(b"Pages" | b"Catalog")
    )
}

fn save(document: &mut Document) -> BatchResult<Vec<u8>> {
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|e| BatchError::Pdf(format!("the PDF cannot be written: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF of `width` x `height` points whose page shows `text`.
    fn one_page(width: f32, height: f32, text: &str) -> Vec<u8> {
        let mut document = Document::with_version("1.5");
        let pages_id = document.new_object_id();
        let font = document.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let content = format!("BT /F1 12 Tf 10 10 Td ({text}) Tj ET");
        let content_id = document.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        document.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![Object::Reference(page)],
                "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), width.into(), height.into()],
            }),
        );
        let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        document.trailer.set("Root", catalog);
        save(&mut document).unwrap()
    }

    #[test]
    fn merged_pages_keep_their_order_and_inherited_media_box() {
        let files = vec![one_page(283.0, 283.0, "A"), one_page(283.0, 425.0, "B")];

        let merged = Document::load_mem(&merge_pdfs(&files).unwrap()).unwrap();
        let pages: Vec<ObjectId> = merged.get_pages().into_values().collect();

        assert_eq!(pages.len(), 2);
        let second = merged.get_dictionary(pages[1]).unwrap();
        let height = second.get(b"MediaBox").unwrap().as_array().unwrap()[3]
            .as_float()
            .unwrap();
        assert_eq!(
            height, 425.0,
            "the box inherited from the old tree moved onto the page"
        );
        assert!(merged
            .get_page_content(pages[1])
            .starts_with(b"BT /F1 12 Tf 10 10 Td (B) Tj ET"));
    }

    #[test]
    fn seven_labels_two_by_two_fill_two_sheets_with_forms() {
        let files: Vec<Vec<u8>> = (0..7)
            .map(|i| one_page(283.46, 283.46, &format!("L{i}")))
            .collect();
        let merged = merge_pdfs(&files).unwrap();

        let imposed = Document::load_mem(&impose(&merged, Nup::TWO_BY_TWO).unwrap()).unwrap();
        let sheets: Vec<ObjectId> = imposed.get_pages().into_values().collect();

        assert_eq!(sheets.len(), 2, "ceil(7 / 4) sheets");
        let last = String::from_utf8(imposed.get_page_content(sheets[1])).unwrap();
        assert_eq!(
            last.matches(" Do ").count(),
            3,
            "the second sheet holds labels 5 to 7: {last}"
        );
        assert!(
            last.starts_with("q 1.00000 0 0 1.00000 "),
            "100 mm fits a 2x2 cell unscaled: {last}"
        );
    }

    #[test]
    fn two_by_three_scales_labels_down_to_fit_the_rows() {
        let merged = merge_pdfs(&[one_page(283.46, 283.46, "X")]).unwrap();

        let imposed = Document::load_mem(&impose(&merged, Nup::TWO_BY_THREE).unwrap()).unwrap();
        let sheet = imposed.get_pages().into_values().next().unwrap();
        let content = String::from_utf8(imposed.get_page_content(sheet)).unwrap();

        assert!(
            content.starts_with("q 0.99002 0 0 0.99002 "),
            "841.89 / 3 / 283.46: {content}"
        );
    }
}
