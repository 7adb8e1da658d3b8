//! PDF labels the sandbox hands out where the real warehouse does: carton labels (箱唛) of an
//! inbound order, SKU barcode labels, and express shipping labels. They are real PDFs with real
//! Code 128 barcodes, so the app's print path and a scanner can be tested end to end.
//!
//! PDFs are written with `pdf-writer` and barcodes encoded with `barcoders`; each bar is a filled
//! rectangle, so the barcodes stay sharp at any printer resolution.
//!
//! # Fonts
//! Text that is printable ASCII (SKUs, order and tracking numbers) uses the PDF base font
//! Helvetica, which every viewer has. Text with any other character (Chinese names and
//! addresses) is drawn with a CJK font of the machine ([`cjk_font_path`]: the file named by
//! `OMS_SANDBOX_CJK_FONT`, else a well-known path such as Debian's `fonts-wqy-microhei`),
//! embedded once per PDF and subset to the glyphs it uses, with a ToUnicode map so the text can be
//! extracted. Bold CJK text is emboldened by stroking the glyphs (the fonts have one weight).
//!
//! # Limitation
//! Without a CJK font on the machine, every character outside printable ASCII is drawn in
//! Helvetica as `?`; characters the CJK font lacks are drawn as its `?`. The font is looked up
//! once per process, so a font installed later needs a restart of the sandbox.

mod cjk_font;

use std::path::Path;

use cjk_font::{CjkFont, FontRefs, Subset};
use oms_api::bulk::LabelSize;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str};

const POINTS_PER_MM: f32 = 72.0 / 25.4;
const A4: (f32, f32) = (210.0, 297.0);
const A4_GRID: (usize, usize) = (2, 3);
const QUIET_MODULES: usize = 10;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");
const CJK: Name<'static> = Name(b"F3");
/// The stroke that emboldens CJK text, as a fraction of the font size.
const CJK_BOLD_STROKE: f32 = 0.03;

/// Why a label could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LabelError {
    /// A barcode text has characters Code 128 cannot carry.
    #[error("cannot encode `{0}` as Code 128")]
    Barcode(String),
    /// Nothing to print.
    #[error("there are no labels to print")]
    Empty,
    /// The CJK font could not be read or subset.
    #[error("cannot embed the CJK font: {0}")]
    Font(String),
}

/// The CJK font that label text outside printable ASCII is drawn with: the file named by
/// `OMS_SANDBOX_CJK_FONT`, else the first usable one of the well-known paths of the operating
/// system. `None` when there is none; such text then prints as `?`. Looked up once per process.
pub fn cjk_font_path() -> Option<&'static Path> {
    CjkFont::installed().map(CjkFont::path)
}

/// One SKU line of a carton.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CartonLine {
    /// The SKU.
    pub product_sku: String,
    /// Pieces of it in the carton.
    pub qty: i64,
}

/// One carton of an inbound order (`itemDTOs` rows sharing a `boxNo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carton {
    /// The carton number.
    pub box_no: String,
    /// What it holds.
    pub lines: Vec<CartonLine>,
}

/// One SKU barcode label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkuLabel {
    /// The SKU (the barcode's content).
    pub product_sku: String,
    /// The product name printed under it.
    pub name: String,
}

/// The content of an express shipping label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpressLabel {
    /// The carrier's tracking number (the barcode's content).
    pub tracking_no: String,
    /// The channel, e.g. `UPS-LABEL`.
    pub channel_code: String,
    /// The sandbox's label order number.
    pub order_no: String,
    /// The seller's reference.
    pub reference_no: String,
    /// Sender address lines.
    pub shipper: Vec<String>,
    /// Recipient address lines.
    pub consignee: Vec<String>,
    /// Parcel weight, as printed (e.g. `1.200 kg`).
    pub weight: String,
}

/// Box labels: one per carton, each with the ASN number, "Carton i / n", the warehouse, the SKU
/// lines and a Code 128 barcode of `<orderNo>-<boxNo>` with its text underneath.
pub fn box_labels(
    order_no: &str,
    warehouse_code: &str,
    cartons: &[Carton],
    size: LabelSize,
) -> Result<Vec<u8>, LabelError> {
    let total = cartons.len();
    let cjk = CjkFont::installed();

    render(cjk, size, cartons, |canvas, index, carton| {
        let (width, height) = canvas.size_mm;
        let barcode_height = (height * 0.2).clamp(14.0, 24.0);
        let barcode_top = height - barcode_height - 12.0;

        canvas.text(BOLD, 6.0, 12.0, 16.0, &format!("ASN {order_no}"));
        canvas.text(
            BOLD,
            6.0,
            22.0,
            20.0,
            &format!("Carton {} / {total}", index + 1),
        );
        canvas.text(
            REGULAR,
            6.0,
            30.0,
            10.0,
            &format!("Box No: {}   Warehouse: {warehouse_code}", carton.box_no),
        );

        let mut y = 38.0;
        let room = ((barcode_top - 4.0 - y) / 5.0).max(1.0) as usize;
        let shown = if carton.lines.len() > room {
            room - 1
        } else {
            carton.lines.len()
        };
        for line in &carton.lines[..shown] {
            canvas.text(
                REGULAR,
                8.0,
                y,
                10.0,
                &format!("{} x {}", line.product_sku, line.qty),
            );
            y += 5.0;
        }
        if shown < carton.lines.len() {
            let more = carton.lines.len() - shown;
            canvas.text(
                REGULAR,
                8.0,
                y,
                10.0,
                &format!("... and {more} more SKU(s)"),
            );
        }

        let code = format!("{order_no}-{}", carton.box_no);
        canvas.barcode(6.0, barcode_top, width - 12.0, barcode_height, &code)
    })
}

/// SKU barcode labels: one label per entry (one page each on label paper), with a Code 128 of
/// the SKU, the SKU as text, and the product name.
pub fn sku_barcodes(labels: &[SkuLabel], size: LabelSize) -> Result<Vec<u8>, LabelError> {
    render(CjkFont::installed(), size, labels, |canvas, _, label| {
        let (width, height) = canvas.size_mm;
        let barcode_height = (height * 0.3).clamp(15.0, 30.0);

        canvas.text(BOLD, 6.0, 12.0, 14.0, &label.product_sku);
        canvas.barcode(6.0, 18.0, width - 12.0, barcode_height, &label.product_sku)?;
        canvas.text(
            REGULAR,
            6.0,
            18.0 + barcode_height + 14.0,
            11.0,
            &label.name,
        );
        Ok(())
    })
}

/// An express label on one 100 x 150 mm page: channel, sender, recipient, and the tracking
/// number as Code 128 with its text.
pub fn express_label(label: &ExpressLabel) -> Result<Vec<u8>, LabelError> {
    render(
        CjkFont::installed(),
        LabelSize::Label100x150,
        std::slice::from_ref(label),
        |canvas, _, label| {
            let (width, _) = canvas.size_mm;

            canvas.text(BOLD, 6.0, 12.0, 18.0, &label.channel_code);
            canvas.text(
                REGULAR,
                6.0,
                19.0,
                9.0,
                &format!("Order {}   Ref {}", label.order_no, label.reference_no),
            );
            canvas.rule(24.0);

            canvas.text(BOLD, 6.0, 30.0, 9.0, "FROM");
            let mut y = 35.0;
            for line in label.shipper.iter().take(5) {
                canvas.text(REGULAR, 6.0, y, 9.0, line);
                y += 4.5;
            }
            canvas.rule(y + 1.0);

            canvas.text(BOLD, 6.0, y + 8.0, 11.0, "SHIP TO");
            y += 15.0;
            for line in label.consignee.iter().take(6) {
                canvas.text(BOLD, 6.0, y, 12.0, line);
                y += 6.0;
            }
            canvas.text(
                REGULAR,
                6.0,
                y + 2.0,
                10.0,
                &format!("Weight {}", label.weight),
            );
            canvas.rule(y + 6.0);

            canvas.barcode(6.0, y + 12.0, width - 12.0, 28.0, &label.tracking_no)
        },
    )
}

/// Lays `items` out one per label cell (one per page on label paper, a grid on A4) and draws
/// each with `draw`; text outside printable ASCII uses `cjk` (subset into the PDF) if given.
fn render<T>(
    cjk: Option<&CjkFont>,
    size: LabelSize,
    items: &[T],
    mut draw: impl FnMut(&mut Canvas<'_, '_>, usize, &T) -> Result<(), LabelError>,
) -> Result<Vec<u8>, LabelError> {
    if items.is_empty() {
        return Err(LabelError::Empty);
    }

    let sheet = Sheet::of(size);
    let per_page = sheet.columns * sheet.rows;
    let pages: Vec<&[T]> = items.chunks(per_page).collect();

    let catalog = Ref::new(1);
    let page_tree = Ref::new(2);
    let regular_font = Ref::new(3);
    let bold_font = Ref::new(4);
    let page_ids: Vec<(Ref, Ref)> = (0..pages.len() as i32)
        .map(|i| (Ref::new(5 + 2 * i), Ref::new(6 + 2 * i)))
        .collect();
    let cjk_refs = FontRefs::starting_at(Ref::new(5 + 2 * pages.len() as i32));

    let mut fonts = Fonts {
        cjk: cjk.map(Subset::new).transpose().map_err(LabelError::Font)?,
        cjk_on_page: false,
    };

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    pdf.type1_font(regular_font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold_font)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));

    for (page_index, items_on_page) in pages.iter().enumerate() {
        let (page_id, content_id) = page_ids[page_index];
        let mut content = Content::new();
        fonts.cjk_on_page = false;

        for (slot, item) in items_on_page.iter().enumerate() {
            let mut canvas = sheet.cell(&mut content, &mut fonts, slot);
            draw(&mut canvas, page_index * per_page + slot, item)?;
        }

        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(
            0.0,
            0.0,
            sheet.page_mm.0 * POINTS_PER_MM,
            sheet.page_mm.1 * POINTS_PER_MM,
        ))
        .parent(page_tree)
        .contents(content_id);
        let mut resources = page.resources();
        let mut page_fonts = resources.fonts();
        page_fonts.pair(REGULAR, regular_font).pair(BOLD, bold_font);
        if fonts.cjk_on_page {
            page_fonts.pair(CJK, cjk_refs.font);
        }
        drop(page_fonts);
        drop(resources);
        drop(page);
        pdf.stream(content_id, &content.finish());
    }

    if let Some(subset) = fonts.cjk.as_ref().filter(|subset| subset.is_used()) {
        subset
            .write(&mut pdf, &cjk_refs)
            .map_err(LabelError::Font)?;
    }
    Ok(pdf.finish())
}

/// The fonts of the PDF being written beyond the two Helvetica ones.
struct Fonts<'f> {
    /// The CJK glyphs used so far, if the machine has a CJK font.
    cjk: Option<Subset<'f>>,
    /// Whether the page being drawn uses the CJK font (its resources then name it).
    cjk_on_page: bool,
}

/// Paper and grid of a label size.
struct Sheet {
    page_mm: (f32, f32),
    columns: usize,
    rows: usize,
}

impl Sheet {
    fn of(size: LabelSize) -> Self {
        match size {
            LabelSize::Label100x100 => Self {
                page_mm: (100.0, 100.0),
                columns: 1,
                rows: 1,
            },
            LabelSize::Label100x150 => Self {
                page_mm: (100.0, 150.0),
                columns: 1,
                rows: 1,
            },
            LabelSize::A4 => Self {
                page_mm: A4,
                columns: A4_GRID.0,
                rows: A4_GRID.1,
            },
        }
    }

    /// The canvas of cell `slot` (row by row from the top left).
    fn cell<'a, 'f>(
        &self,
        content: &'a mut Content,
        fonts: &'a mut Fonts<'f>,
        slot: usize,
    ) -> Canvas<'a, 'f> {
        let width = self.page_mm.0 / self.columns as f32;
        let height = self.page_mm.1 / self.rows as f32;
        let column = slot % self.columns;
        let row = slot / self.columns;

        let mut canvas = Canvas {
            content,
            fonts,
            left_mm: column as f32 * width,
            top_mm: self.page_mm.1 - row as f32 * height,
            size_mm: (width, height),
        };
        if self.columns * self.rows > 1 {
            canvas.frame();
        }
        canvas
    }
}

/// Drawing inside one label cell, in millimetres from the cell's top left corner.
struct Canvas<'a, 'f> {
    content: &'a mut Content,
    fonts: &'a mut Fonts<'f>,
    left_mm: f32,
    top_mm: f32,
    size_mm: (f32, f32),
}

impl Canvas<'_, '_> {
    /// Text with its baseline `y` mm below the top, in `font` (`REGULAR` or `BOLD`). Text with
    /// characters outside printable ASCII uses the CJK font when there is one.
    fn text(&mut self, font: Name<'_>, x: f32, y: f32, size_pt: f32, text: &str) {
        let left = (self.left_mm + x) * POINTS_PER_MM;
        let baseline = (self.top_mm - y) * POINTS_PER_MM;

        let Some(cjk) = self
            .fonts
            .cjk
            .as_mut()
            .filter(|_| !is_printable_ascii(text))
        else {
            let printable = latin_only(text);
            self.content
                .begin_text()
                .set_font(font, size_pt)
                .next_line(left, baseline)
                .show(Str(printable.as_bytes()))
                .end_text();
            return;
        };

        let codes = cjk.encode(text);
        self.fonts.cjk_on_page = true;

        self.content.save_state();
        if font == BOLD {
            self.content
                .set_text_rendering_mode(TextRenderingMode::FillStroke)
                .set_line_width(size_pt * CJK_BOLD_STROKE)
                .set_stroke_gray(0.0);
        }
        self.content
            .begin_text()
            .set_font(CJK, size_pt)
            .next_line(left, baseline)
            .show(Str(&codes))
            .end_text();
        self.content.restore_state();
    }

    /// A filled rectangle whose top edge is `y` mm below the top.
    fn bar(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.content.rect(
            (self.left_mm + x) * POINTS_PER_MM,
            (self.top_mm - y - height) * POINTS_PER_MM,
            width * POINTS_PER_MM,
            height * POINTS_PER_MM,
        );
    }

    /// A thin horizontal line across the cell.
    fn rule(&mut self, y: f32) {
        self.content.set_fill_gray(0.0);
        self.bar(4.0, y, self.size_mm.0 - 8.0, 0.3);
        self.content.fill_nonzero();
    }

    /// A cutting frame around the cell (A4 sheets).
    fn frame(&mut self) {
        let (width, height) = self.size_mm;

        self.content.set_line_width(0.3).set_stroke_gray(0.6);
        self.content.rect(
            self.left_mm * POINTS_PER_MM,
            (self.top_mm - height) * POINTS_PER_MM,
            width * POINTS_PER_MM,
            height * POINTS_PER_MM,
        );
        self.content.stroke();
    }

    /// A Code 128 barcode of `data` fitted into the box, with `data` as text under it.
    fn barcode(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        data: &str,
    ) -> Result<(), LabelError> {
        let modules = code128_modules(data)?;

        let module_mm = (width / (modules.len() + 2 * QUIET_MODULES) as f32).min(0.5);
        let used = module_mm * modules.len() as f32;
        let start = x + (width - used) / 2.0;

        self.content.set_fill_gray(0.0);
        let mut index = 0;
        while index < modules.len() {
            if modules[index] == 1 {
                let run = modules[index..].iter().take_while(|m| **m == 1).count();
                self.bar(
                    start + index as f32 * module_mm,
                    y,
                    run as f32 * module_mm,
                    height,
                );
                index += run;
            } else {
                index += 1;
            }
        }
        self.content.fill_nonzero();

        self.text(REGULAR, start, y + height + 5.0, 10.0, data);
        Ok(())
    }
}

/// The bars and spaces (1 = bar) of `data` in Code 128 set B.
fn code128_modules(data: &str) -> Result<Vec<u8>, LabelError> {
    if data.is_empty() || !is_printable_ascii(data) {
        return Err(LabelError::Barcode(data.to_owned()));
    }

    let code = barcoders::sym::code128::Code128::new(format!("\u{0181}{data}"))
        .map_err(|_| LabelError::Barcode(data.to_owned()))?;

    Ok(code.encode())
}

/// A printable ASCII character: what Helvetica (WinAnsi) and Code 128 set B both carry.
fn is_printable_char(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// Whether Helvetica (WinAnsi) can draw all of `text`.
fn is_printable_ascii(text: &str) -> bool {
    text.chars().all(is_printable_char)
}

/// `text` with every character outside printable ASCII replaced by `?`, for Helvetica when the
/// machine has no CJK font (see the module's limitation).
fn latin_only(text: &str) -> String {
    text.chars()
        .map(|c| if is_printable_char(c) { c } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF with `text` drawn in the regular font, with `cjk` as the CJK font.
    fn text_pdf(cjk: Option<&CjkFont>, text: &str) -> Vec<u8> {
        render(cjk, LabelSize::Label100x100, &[text], |canvas, _, text| {
            canvas.text(REGULAR, 6.0, 12.0, 10.0, text);
            Ok(())
        })
        .unwrap()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    #[test]
    fn without_a_cjk_font_chinese_text_becomes_question_marks() {
        let pdf = text_pdf(None, "Mug 马克杯");

        assert!(contains(&pdf, b"(Mug ???) Tj"), "drawn in Helvetica as `?`");
        assert!(!contains(&pdf, b"/Type0"), "no CJK font is embedded");
    }

    #[test]
    fn with_a_cjk_font_chinese_text_embeds_a_small_subset() {
        let font = CjkFont::required();

        let pdf = text_pdf(Some(font), "Mug 马克杯");
        let ascii = text_pdf(Some(font), "Mug");

        assert!(!contains(&pdf, b"(Mug ???)"));
        assert!(contains(&pdf, b"/CIDToGIDMap /Identity") || contains(&pdf, b"/FontFile3"));
        assert!(contains(&pdf, b"/Encoding /Identity-H") && contains(&pdf, b"/ToUnicode"));
        assert!(
            pdf.len() * 50 < font.file_size(),
            "the PDF ({} bytes) holds a subset, not the {}-byte font file",
            pdf.len(),
            font.file_size()
        );
        assert!(
            !contains(&ascii, b"/Type0") && contains(&ascii, b"(Mug) Tj"),
            "ASCII-only text stays in Helvetica and embeds nothing"
        );
    }

    #[test]
    fn barcodes_refuse_text_code128_cannot_carry() {
        assert!(code128_modules("SKU-MUG-001").is_ok());
        assert_eq!(
            code128_modules("杯"),
            Err(LabelError::Barcode("杯".to_owned()))
        );
    }

    #[test]
    fn an_a4_sheet_holds_six_box_labels() {
        let cartons: Vec<Carton> = (1..=7)
            .map(|n| Carton {
                box_no: n.to_string(),
                lines: vec![CartonLine {
                    product_sku: "SKU-MUG-001".to_owned(),
                    qty: 4,
                }],
            })
            .collect();

        let pdf = box_labels("ASN1", "US-LAX-1", &cartons, LabelSize::A4).unwrap();
        let text = String::from_utf8_lossy(&pdf);

        assert!(
            text.contains("/Count 2"),
            "7 labels at 6 per sheet need 2 pages"
        );
    }
}
