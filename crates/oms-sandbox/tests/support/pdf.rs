//! Label PDFs read back with `pdfinfo` (page count, page size), `pdftotext` (printed text)
//! and `pdftoppm` + `zbarimg` (every barcode scanned). The tools come from the Debian packages
//! `poppler-utils` and `zbar-tools`, the CJK font that Chinese text needs from
//! `fonts-wqy-microhei`; a missing tool or font fails the test (it never skips silently).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a tool and returns its standard output; a missing tool or a failure panics.
pub fn run(tool: &str, package: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not run ({e}); install the Debian package `{package}`")
    });

    assert!(
        output.status.success(),
        "`{tool} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The CJK font the labels embed for Chinese text; a machine without one fails the test, naming
/// the package that provides it.
pub fn require_cjk_font() -> &'static Path {
    oms_sandbox::labels::cjk_font_path().unwrap_or_else(|| {
        panic!(
            "no CJK font for the label PDFs: install the Debian package `fonts-wqy-microhei` \
             (scripts/setup.sh does) or set OMS_SANDBOX_CJK_FONT to a CJK font file"
        )
    })
}

/// Writes `bytes` to `dir/name`.
pub fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The page count `pdfinfo` reports.
pub fn page_count(pdf: &Path) -> usize {
    let info = run("pdfinfo", "poppler-utils", &[pdf.to_str().unwrap()]);

    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .map(|count| count.trim().parse().unwrap())
        .expect("pdfinfo prints the page count")
}

/// The first page's width and height in points, as `pdfinfo` reports them.
pub fn page_size(pdf: &Path) -> (f32, f32) {
    let info = run("pdfinfo", "poppler-utils", &[pdf.to_str().unwrap()]);
    let numbers: Vec<f32> = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .expect("pdfinfo prints the page size")
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();

    (numbers[0], numbers[1])
}

/// The text `pdftotext` extracts.
pub fn text_of(pdf: &Path) -> String {
    run("pdftotext", "poppler-utils", &[pdf.to_str().unwrap(), "-"])
}

/// Every barcode on every page, scanned at 300 dpi, in page order.
pub fn scanned_barcodes(pdf: &Path, dir: &Path) -> Vec<String> {
    let prefix = dir.join(pdf.file_stem().unwrap());
    run(
        "pdftoppm",
        "poppler-utils",
        &[
            "-r",
            "300",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );

    let stem = pdf.file_stem().unwrap().to_str().unwrap().to_owned();
    let mut images: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            name.starts_with(&format!("{stem}-")) && name.ends_with(".png")
        })
        .collect();
    images.sort();

    let mut codes = Vec::new();
    for image in &images {
        let found = run(
            "zbarimg",
            "zbar-tools",
            &["-q", "--raw", "-Scode128.enable", image.to_str().unwrap()],
        );
        let mut on_page: Vec<String> = found.lines().map(str::to_owned).collect();
        on_page.sort();
        codes.extend(on_page);
    }
    codes
}
