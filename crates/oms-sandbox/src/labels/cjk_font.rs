//! The CJK font that label text outside ASCII is drawn with. Helvetica, the PDF base font the
//! labels use otherwise, has no Chinese glyphs, and the sandbox ships no font of its own (a CJK
//! font is several megabytes). So it embeds one that is installed on the machine: the file named
//! by `OMS_SANDBOX_CJK_FONT`, else the first of a few well-known paths (Debian's
//! `fonts-wqy-microhei` comes first). Each PDF gets the font subset to the glyphs it uses, as a
//! Type0 font with Identity-H encoding, per-glyph widths and a ToUnicode map, so the text prints
//! and can be copied or extracted. Without a font the labels print `?` for such characters.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

/// The environment variable naming the font file to use, tried before the well-known paths.
pub const FONT_ENV: &str = "OMS_SANDBOX_CJK_FONT";

/// Where the usual CJK fonts of the operating system are, in the order they are tried.
#[cfg(not(windows))]
const WELL_KNOWN_PATHS: &[&str] = &[
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
];

/// Where the usual CJK fonts of the operating system are, in the order they are tried.
#[cfg(windows)]
const WELL_KNOWN_PATHS: &[&str] = &[r"C:\Windows\Fonts\msyh.ttc", r"C:\Windows\Fonts\simhei.ttf"];

/// The face used in a font collection (`.ttc`): the first.
const FACE_INDEX: u32 = 0;

/// A character every CJK font has; a font without it is not one.
const PROBE: char = '中';

/// The one registry and ordering of an Identity-H font.
const IDENTITY: SystemInfo<'static> = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// A font file with Chinese glyphs, read and checked once.
pub struct CjkFont {
    path: PathBuf,
    data: Vec<u8>,
    outlines: Outlines,
}

/// How the glyphs of a font are drawn, which decides how the PDF embeds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outlines {
    /// `glyf` outlines: a CIDFontType2 with a FontFile2.
    TrueType,
    /// CFF outlines: a CIDFontType0 with an OpenType FontFile3.
    Cff,
}

impl CjkFont {
    /// The font of this machine (`OMS_SANDBOX_CJK_FONT`, then the well-known paths), looked up
    /// the first time it is asked for; `None` when there is none.
    pub fn installed() -> Option<&'static CjkFont> {
        static INSTALLED: OnceLock<Option<CjkFont>> = OnceLock::new();

        INSTALLED.get_or_init(find).as_ref()
    }

    /// Reads the font at `path` and checks that it has Chinese glyphs and can be subset.
    pub fn load(path: &Path) -> Result<Self, String> {
        let data = std::fs::read(path).map_err(|e| e.to_string())?;

        let face = Face::parse(&data, FACE_INDEX).map_err(|e| e.to_string())?;
        let outlines = if face.tables().glyf.is_some() {
            Outlines::TrueType
        } else if face.tables().cff.is_some() {
            Outlines::Cff
        } else {
            return Err("the font has neither TrueType nor CFF outlines".to_owned());
        };
        let probe = face
            .glyph_index(PROBE)
            .ok_or_else(|| format!("the font has no glyph for {PROBE}"))?;
        subsetter::subset(
            &data,
            FACE_INDEX,
            &GlyphRemapper::new_from_glyphs(&[probe.0]),
        )
        .map_err(|e| format!("the font cannot be subset: {e}"))?;

        Ok(Self {
            path: path.to_owned(),
            data,
            outlines,
        })
    }

    /// The file the font was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
impl CjkFont {
    /// The machine's font, for the tests that need one: without one they fail, naming the
    /// Debian package that provides it.
    pub fn required() -> &'static CjkFont {
        CjkFont::installed().unwrap_or_else(|| {
            panic!(
                "no CJK font found: install the Debian package `fonts-wqy-microhei` or set \
                 {FONT_ENV} to a CJK font file"
            )
        })
    }

    /// The size of the font file in bytes.
    pub fn file_size(&self) -> usize {
        self.data.len()
    }
}

/// The first usable font: the one `OMS_SANDBOX_CJK_FONT` names, else a well-known one.
fn find() -> Option<CjkFont> {
    let named = std::env::var_os(FONT_ENV)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from);
    let candidates = named
        .iter()
        .cloned()
        .chain(WELL_KNOWN_PATHS.iter().map(PathBuf::from));

    for path in candidates {
        if named.as_ref() != Some(&path) && !path.is_file() {
            continue;
        }
        match CjkFont::load(&path) {
            Ok(font) => {
                tracing::info!(font = %path.display(), "label PDFs embed this CJK font");
                return Some(font);
            }
            Err(reason) => {
                tracing::warn!(font = %path.display(), %reason, "CJK font not usable");
            }
        }
    }

    tracing::warn!(
        "no CJK font found (set {FONT_ENV} or install fonts-wqy-microhei): label text outside \
         ASCII prints as `?`"
    );
    None
}

/// The glyphs of one PDF: text is encoded as it is drawn, and the font written once at the end
/// with only the glyphs that were used.
pub struct Subset<'f> {
    font: &'f CjkFont,
    face: Face<'f>,
    remapper: GlyphRemapper,
    glyphs: Vec<Glyph>,
}

/// A glyph of the subset, at the index of its CID.
struct Glyph {
    /// Advance width in thousandths of the font size.
    width: f32,
    /// The character it shows (none for `.notdef`).
    text: Option<char>,
}

/// The objects of an embedded font: the Type0 font, which pages refer to, and the four after it.
pub struct FontRefs {
    /// The Type0 font.
    pub font: Ref,
    /// Its CID font.
    pub cid_font: Ref,
    /// The font descriptor.
    pub descriptor: Ref,
    /// The font program.
    pub program: Ref,
    /// The ToUnicode map.
    pub to_unicode: Ref,
}

impl FontRefs {
    /// Five consecutive objects starting at `first`.
    pub fn starting_at(first: Ref) -> Self {
        let nth = |n: i32| Ref::new(first.get() + n);

        Self {
            font: first,
            cid_font: nth(1),
            descriptor: nth(2),
            program: nth(3),
            to_unicode: nth(4),
        }
    }
}

impl<'f> Subset<'f> {
    /// An empty subset of `font` (only `.notdef`).
    pub fn new(font: &'f CjkFont) -> Result<Self, String> {
        let face = Face::parse(&font.data, FACE_INDEX).map_err(|e| e.to_string())?;

        let mut subset = Self {
            font,
            face,
            remapper: GlyphRemapper::new(),
            glyphs: Vec::new(),
        };
        subset.glyphs.push(Glyph {
            width: subset.width_of(GlyphId(0)),
            text: None,
        });
        Ok(subset)
    }

    /// `text` as the two-byte CIDs of a text-showing operator, adding its glyphs to the subset.
    /// Characters the font lacks (and control characters) show as `?`.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(2 * text.len());

        for c in text.chars() {
            codes.extend(self.cid_of(c).to_be_bytes());
        }
        codes
    }

    /// Whether any text has been encoded.
    pub fn is_used(&self) -> bool {
        self.glyphs.len() > 1
    }

    /// The font program holding only the glyphs used (an OpenType font, `glyf` or CFF).
    pub fn program(&self) -> Result<Vec<u8>, String> {
        subsetter::subset(&self.font.data, FACE_INDEX, &self.remapper)
            .map_err(|e| format!("{}: {e}", self.font.path.display()))
    }

    /// Writes the font into `pdf` as the objects of `refs`.
    pub fn write(&self, pdf: &mut Pdf, refs: &FontRefs) -> Result<(), String> {
        let program = self.program()?;
        let name = self.base_font_name();
        let scale = 1000.0 / f32::from(self.face.units_per_em());

        let (subtype, type0_name) = match self.font.outlines {
            Outlines::TrueType => (CidFontType::Type2, name.clone()),
            Outlines::Cff => (CidFontType::Type0, format!("{name}-Identity-H")),
        };
        pdf.type0_font(refs.font)
            .base_font(Name(type0_name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(refs.cid_font)
            .to_unicode(refs.to_unicode);

        let mut cid_font = pdf.cid_font(refs.cid_font);
        cid_font
            .subtype(subtype)
            .base_font(Name(name.as_bytes()))
            .system_info(IDENTITY)
            .font_descriptor(refs.descriptor)
            .default_width(self.glyphs[0].width);
        if self.font.outlines == Outlines::TrueType {
            cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        cid_font
            .widths()
            .consecutive(0, self.glyphs.iter().map(|glyph| glyph.width));
        drop(cid_font);

        let bbox = self.face.global_bounding_box();
        let ascent = f32::from(self.face.ascender()) * scale;
        let cap_height = self
            .face
            .capital_height()
            .map_or(ascent, |height| f32::from(height) * scale);
        let mut descriptor = pdf.font_descriptor(refs.descriptor);
        descriptor
            .name(Name(name.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ))
            .italic_angle(self.face.italic_angle())
            .ascent(ascent)
            .descent(f32::from(self.face.descender()) * scale)
            .cap_height(cap_height)
            .stem_v(80.0);
        match self.font.outlines {
            Outlines::TrueType => descriptor.font_file2(refs.program),
            Outlines::Cff => descriptor.font_file3(refs.program),
        };
        drop(descriptor);

        let mut stream = pdf.stream(refs.program, &program);
        if self.font.outlines == Outlines::Cff {
            stream.pair(Name(b"Subtype"), Name(b"OpenType"));
        }
        drop(stream);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), IDENTITY);
        for (cid, glyph) in self.glyphs.iter().enumerate() {
            if let (Ok(cid), Some(text)) = (u16::try_from(cid), glyph.text) {
                cmap.pair(cid, text);
            }
        }
        pdf.cmap(refs.to_unicode, &cmap.finish())
            .name(Name(b"Custom"))
            .system_info(IDENTITY);

        Ok(())
    }

    /// The CID of the glyph drawing `c`, added to the subset the first time.
    fn cid_of(&mut self, c: char) -> u16 {
        let found = self.face.glyph_index(c).filter(|_| !c.is_control());
        let (glyph, shown) = match found {
            Some(glyph) => (glyph, c),
            None => (self.face.glyph_index('?').unwrap_or(GlyphId(0)), '?'),
        };

        let cid = self.remapper.remap(glyph.0);
        if usize::from(cid) == self.glyphs.len() {
            self.glyphs.push(Glyph {
                width: self.width_of(glyph),
                text: Some(shown),
            });
        }
        cid
    }

    /// The advance of `glyph` in thousandths of the font size.
    fn width_of(&self, glyph: GlyphId) -> f32 {
        let advance = self.face.glyph_hor_advance(glyph).unwrap_or(0);

        f32::from(advance) * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// The font's PostScript name behind a subset tag made from the glyphs, as in
    /// `ABCDEF+WenQuanYiMicroHei`.
    fn base_font_name(&self) -> String {
        let postscript: String = self
            .face
            .names()
            .into_iter()
            .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|name| name.to_string())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let postscript = if postscript.is_empty() {
            "CJKFont".to_owned()
        } else {
            postscript
        };

        let mut hash: u32 = 0x811c_9dc5;
        for glyph in self.remapper.remapped_gids() {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        let tag: String = (0..6)
            .map(|i| char::from(b'A' + ((hash >> (5 * i)) % 26) as u8))
            .collect();

        format!("{tag}+{postscript}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_is_much_smaller_than_the_font_file() {
        let font = CjkFont::required();
        let mut subset = Subset::new(font).unwrap();

        subset.encode("LED 台灯 陶瓷马克杯");
        let program = subset.program().unwrap();
        let parsed = Face::parse(&program, 0).unwrap();

        assert!(
            program.len() * 100 < font.file_size(),
            "{} bytes of {} in the file",
            program.len(),
            font.file_size()
        );
        assert!(
            parsed.number_of_glyphs() < 50,
            "only the glyphs used (and what they are built from): {}",
            parsed.number_of_glyphs()
        );
    }

    #[test]
    fn each_character_gets_one_cid_and_missing_ones_show_as_question_marks() {
        let mut subset = Subset::new(CjkFont::required()).unwrap();

        let first = subset.encode("杯杯\u{7}");
        let again = subset.encode("杯");

        assert_eq!(first.len(), 6, "two bytes per character");
        assert_eq!(first[0..2], first[2..4], "one CID per glyph");
        assert_eq!(again, first[0..2]);
        assert_eq!(subset.glyphs.len(), 3, ".notdef, 杯 and ?");
        assert_eq!(subset.glyphs[2].text, Some('?'));
    }

    #[test]
    fn a_file_that_is_not_a_font_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not-a-font.ttf");
        std::fs::write(&path, b"not a font").unwrap();

        let refused = CjkFont::load(&path);
        let missing = CjkFont::load(&dir.path().join("missing.ttf"));

        assert!(refused.is_err());
        assert!(missing.is_err());
    }
}
