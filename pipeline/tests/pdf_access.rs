//! The access-copy PDF checked with real tools: qpdf, pdftotext, pdffonts, pdfimages, pdftoppm
//! (Debian packages qpdf and poppler-utils), and a PDF/A-2u checklist read back with lopdf.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::DateTime;
use image::{DynamicImage, GrayImage, Luma};
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use lopdf::{Document, Object};
use pipeline::decode::{decode_page, DecodedPage, ScanFormat, TechnicalMetadata};
use pipeline::ocr::OcrWord;
use pipeline::pdf::{
    build_access_pdf, AccessMetadata, AccessPage, ImageEncoding, PageGeometry, PageImage,
};
use pipeline::preprocess::{prepare, rotate_quarter, PreprocessFacts, PreprocessOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/decode")
        .join(name)
}

fn meta() -> AccessMetadata {
    AccessMetadata {
        title: "Nghị quyết về chuyển đổi số".into(),
        identifier: "H49.61.8.2017.0000001".into(),
        language: "vi".into(),
        created: DateTime::parse_from_rfc3339("2025-07-01T08:30:05+07:00").unwrap(),
    }
}

fn word(text: &str, bbox: [u32; 4], line: u32) -> OcrWord {
    OcrWord {
        text: text.into(),
        bbox,
        confidence: 90.0,
        line,
    }
}

/// Runs a tool, asserts it succeeded and returns stdout + stderr.
fn run(cmd: &str, args: &[&str]) -> (String, String) {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd} (install qpdf and poppler-utils): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {stdout}\n{stderr}"
    );
    (stdout, stderr)
}

fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// A word as `pdftotext -bbox` places it: text and [xMin, yMin, xMax, yMax] in points from
/// the top left of the page as displayed.
#[derive(Debug)]
struct Placed {
    text: String,
    bbox: [f64; 4],
}

/// Words of each page per `pdftotext -bbox`.
fn placed_words(pdf: &str) -> Vec<Vec<Placed>> {
    let (html, _) = run("pdftotext", &["-bbox", pdf, "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).unwrap() + key.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let mut words = Vec::new();
        for w in chunk.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().to_string();
            words.push(Placed {
                text,
                bbox: [
                    attr(tag, "xMin"),
                    attr(tag, "yMin"),
                    attr(tag, "xMax"),
                    attr(tag, "yMax"),
                ],
            });
        }
        pages.push(words);
    }
    pages
}

/// A synthetic decoded page at `dpi`.
fn synthetic(image: GrayImage, dpi: f32) -> DecodedPage {
    DecodedPage {
        embedded_jpeg: None,
        rendered: false,
        technical: TechnicalMetadata {
            format: ScanFormat::Png,
            width: image.width(),
            height: image.height(),
            dpi: Some(dpi),
            bits_per_sample: 8,
            samples_per_pixel: 1,
            compression: "deflate".into(),
        },
        image: DynamicImage::ImageLuma8(image),
        text_layer: None,
    }
}

/// Words drawn as solid black boxes on white paper: an upright page with three lines of words
/// (ink enough for the deskew to measure), and the boxes.
fn upright_page() -> (GrayImage, Vec<OcrWord>) {
    let (w, h) = (1200u32, 1600u32);
    let mut img = GrayImage::from_pixel(w, h, Luma([250]));
    let texts = [
        ["ĐẢNG", "CỘNG", "SẢN", "VIỆT", "NAM"],
        ["Nghị", "quyết", "chuyển", "đổi", "số"],
        ["Hà", "Nội,", "ngày", "31", "tháng"],
    ];
    let mut words = Vec::new();
    for (line, texts) in texts.iter().enumerate() {
        let top = 300 + line as u32 * 400;
        let mut left = 150;
        for text in texts {
            let width = 40 + 30 * text.chars().count() as u32;
            for y in top..top + 60 {
                for x in left..left + width {
                    img.put_pixel(x, y, Luma([10]));
                }
            }
            words.push(word(text, [left, top, width, 60], line as u32));
            left += width + 40;
        }
    }
    (img, words)
}

/// Renders page `page` of a PDF at `dpi` (as displayed, /Rotate applied) to gray pixels.
fn render(pdf: &str, page: u32, dpi: u32, dir: &Path) -> GrayImage {
    let prefix = dir.join(format!("render-{page}"));
    let p = page.to_string();
    let r = dpi.to_string();
    run(
        "pdftoppm",
        &[
            "-gray",
            "-png",
            "-r",
            &r,
            "-f",
            &p,
            "-l",
            &p,
            "-singlefile",
            pdf,
            prefix.to_str().unwrap(),
        ],
    );
    image::open(prefix.with_extension("png"))
        .unwrap()
        .to_luma8()
}

fn centre(b: [f64; 4]) -> (f64, f64) {
    (f64::midpoint(b[0], b[2]), f64::midpoint(b[1], b[3]))
}

#[test]
fn words_land_on_the_scan_upright_deskewed_and_turned() {
    let dpi = 200.0f32;
    let scale = 72.0 / f64::from(dpi);
    let (upright, words) = upright_page();
    let (w, h) = (f64::from(upright.width()), f64::from(upright.height()));

    // 1. Upright: words straight onto their boxes.
    let page1 = AccessPage::new(
        &synthetic(upright.clone(), dpi),
        None,
        words.clone(),
        &PreprocessFacts::default(),
    )
    .unwrap();

    // 2. Scanned 2.5° askew: the pipeline measures and removes the skew, OCR sees the upright
    //    boxes, and the words must come back tilted onto the askew scan.
    let skew = 2.5f32;
    let askew = rotate_about_center(
        &upright,
        skew.to_radians(),
        Interpolation::Bilinear,
        Border::Constant(Luma([250])),
    );
    let askew_page = synthetic(askew, dpi);
    let prepared = prepare(&askew_page, PreprocessOptions::default());
    assert!(prepared.facts.deskewed, "{:?}", prepared.facts);
    assert!((prepared.facts.skew_degrees - skew).abs() < 0.2);
    let page2 = AccessPage::new(&askew_page, None, words.clone(), &prepared.facts).unwrap();

    // 3. Scanned sideways (turned 90° counter-clockwise): the pipeline turns it 90° clockwise
    //    for OCR; the PDF page keeps the sideways image and displays it upright (/Rotate 90).
    let sideways = image::imageops::rotate270(&upright);
    let sideways_page = synthetic(sideways, dpi);
    let mut prepared = prepare(
        &sideways_page,
        PreprocessOptions {
            deskew: false,
            detect_blank: true,
        },
    );
    prepared = rotate_quarter(&prepared, 90);
    assert_eq!(prepared.image, upright, "the test's turn is the pipeline's");
    let page3 = AccessPage::new(&sideways_page, None, words.clone(), &prepared.facts).unwrap();
    assert_eq!(page3.geometry.rotation, 90);

    let dir = tempfile::tempdir().unwrap();
    let bytes = build_access_pdf(&[page1, page2, page3], &meta()).unwrap();
    let pdf = write_pdf(dir.path(), "placed.pdf", &bytes);
    let placed = placed_words(&pdf);
    assert_eq!(placed.len(), 3);

    for (n, page) in placed.iter().enumerate() {
        let mut texts: Vec<&str> = page.iter().map(|p| p.text.as_str()).collect();
        let mut expected: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        if n == 1 {
            // On the askew scan a line's last words sit lower than its first, and pdftotext's
            // reading order may take them for another line: compare the words, not the order.
            texts.sort_unstable();
            expected.sort_unstable();
        }
        assert_eq!(texts, expected, "page {}", n + 1);
        let render = render(&pdf, n as u32 + 1, 72, dir.path());
        for p in page {
            let word = words.iter().find(|w| w.text == p.text).unwrap();
            let [l, t, bw, bh] = word.bbox.map(f64::from);
            // Where the word's box is on the page as displayed, in points.
            let (cx, cy) = match n {
                // Upright and turned pages display the upright page.
                0 | 2 => ((l + bw / 2.0) * scale, (t + bh / 2.0) * scale),
                // The askew scan: the box centre turned by +skew about the page centre,
                // exactly as the test made the scan (imageproc's clockwise rotation).
                _ => {
                    let (s, c) = f64::from(skew).to_radians().sin_cos();
                    let (x, y) = (l + bw / 2.0 - w / 2.0, t + bh / 2.0 - h / 2.0);
                    (
                        (w / 2.0 + c * x - s * y) * scale,
                        (h / 2.0 + s * x + c * y) * scale,
                    )
                }
            };
            let (px, py) = centre(p.bbox);
            assert!(
                (px - cx).abs() < 1.5 && (py - cy).abs() < 1.5,
                "page {} word {:?}: at ({px:.1}, {py:.1}), expected ({cx:.1}, {cy:.1})",
                n + 1,
                p.text
            );
            // As wide and as high as its box, and level (on the askew page too).
            let (ew, eh) = (bw * scale, bh * scale);
            let (gw, gh) = (p.bbox[2] - p.bbox[0], p.bbox[3] - p.bbox[1]);
            assert!(
                (gw - ew).abs() < 1.0 && (gh - eh).abs() < 1.0,
                "page {} word {:?}: {gw:.1}x{gh:.1} pt, expected {ew:.1}x{eh:.1}",
                n + 1,
                p.text
            );
            // And the scan shows ink right there.
            let ink = render.get_pixel(px.round() as u32, py.round() as u32)[0];
            assert!(
                ink < 100,
                "page {} word {:?}: no ink under it ({ink})",
                n + 1,
                p.text
            );
        }
    }
    // Ink was under the words and nowhere near the margin: the checks can fail.
    let render = render(&pdf, 1, 72, dir.path());
    assert!(render.get_pixel(10, 10)[0] > 200);
}

#[test]
fn pdftotext_gives_back_the_vietnamese_words_and_fonts_are_embedded() {
    let (upright, words) = upright_page();
    let page = AccessPage::new(
        &synthetic(upright, 300.0),
        None,
        words,
        &PreprocessFacts::default(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "text.pdf",
        &build_access_pdf(&[page], &meta()).unwrap(),
    );
    let (text, _) = run("pdftotext", &[&pdf, "-"]);
    let text: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(
        text.join(" "),
        "ĐẢNG CỘNG SẢN VIỆT NAM Nghị quyết chuyển đổi số Hà Nội, ngày 31 tháng"
    );
    let (fonts, _) = run("pdffonts", &[&pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 3]),
            ("yes", "yes"),
            "not embedded or no ToUnicode: {fonts}"
        );
        assert!(
            row.contains("CID TrueType") && row.contains("Identity-H"),
            "{row}"
        );
    }
    let (info, _) = run("pdfinfo", &[&pdf]);
    assert!(info.contains("Nghị quyết về chuyển đổi số"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["PDF", "version:", "1.7"]),
        "{info}"
    );
}

/// The fixtures decoded by the pipeline, as access pages without words (and one with).
fn fixture_pages() -> Vec<(AccessPage, &'static str)> {
    let jpeg = fixture("jfif_200dpi.jpg");
    let decoded = decode_page(&jpeg, ScanFormat::Jpeg, 1).unwrap();
    let original = std::fs::read(&jpeg).unwrap();
    let jpeg_page = AccessPage::new(
        &decoded,
        Some(&original),
        vec![word("Số", [20, 20, 40, 20], 0)],
        &PreprocessFacts::default(),
    )
    .unwrap();
    let mut pages = vec![(jpeg_page, "jfif_200dpi.jpg")];
    for (name, format, page) in [
        ("g4_2page_300dpi.tif", ScanFormat::Tiff, 2),
        ("bilevel_1bit.png", ScanFormat::Png, 1),
        ("gray_lzw_200dpi.tif", ScanFormat::Tiff, 1),
        ("rgb_300dpi.png", ScanFormat::Png, 1),
        ("scan_dct_200dpi.pdf", ScanFormat::Pdf, 1),
    ] {
        let decoded = decode_page(&fixture(name), format, page).unwrap();
        let page = AccessPage::new(&decoded, None, Vec::new(), &PreprocessFacts::default());
        pages.push((page.unwrap(), name));
    }
    pages
}

#[test]
fn images_keep_their_size_and_bit_depth_and_qpdf_is_clean() {
    let pages = fixture_pages();
    let encodings: Vec<ImageEncoding> = pages.iter().map(|(p, _)| p.image.encoding()).collect();
    assert_eq!(
        encodings,
        [
            ImageEncoding::Jpeg { components: 3 },
            ImageEncoding::CcittG4,
            ImageEncoding::CcittG4,
            ImageEncoding::Gray,
            ImageEncoding::Rgb,
            // A JPEG inside a PDF is stored losslessly from its pixels unless given.
            ImageEncoding::Rgb,
        ]
    );
    let pages: Vec<AccessPage> = pages.into_iter().map(|(p, _)| p).collect();
    let dir = tempfile::tempdir().unwrap();
    let bytes = build_access_pdf(&pages, &meta()).unwrap();
    let pdf = write_pdf(dir.path(), "fixtures.pdf", &bytes);

    let (out, err) = run("qpdf", &["--check", &pdf]);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}{err}"
    );
    assert!(
        !out.to_lowercase().contains("warning") && !err.to_lowercase().contains("warning"),
        "{out}{err}"
    );

    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    let (list, _) = run("pdfimages", &["-list", &pdf]);
    let rows: Vec<Vec<String>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect();
    let expected = [
        ("200", "100", "rgb", "3", "8", "jpeg", "200"),
        ("200", "100", "gray", "1", "1", "ccitt", "300"),
        ("200", "100", "gray", "1", "1", "ccitt", "300"),
        ("200", "100", "gray", "1", "8", "image", "200"),
        ("200", "100", "rgb", "3", "8", "image", "300"),
        ("200", "100", "rgb", "3", "8", "image", "200"),
    ];
    assert_eq!(rows.len(), expected.len(), "{list}");
    for (row, e) in rows.iter().zip(expected) {
        let got = (
            row[3].as_str(),
            row[4].as_str(),
            row[5].as_str(),
            row[6].as_str(),
            row[7].as_str(),
            row[8].as_str(),
            row[12].as_str(),
        );
        assert_eq!(got, e, "{list}");
        assert_eq!(row[9], "no", "interpolation must be off: {list}");
    }

    // The JPEG is the original file, byte for byte.
    let prefix = dir.path().join("img");
    run(
        "pdfimages",
        &["-j", "-f", "1", "-l", "1", &pdf, prefix.to_str().unwrap()],
    );
    let extracted = std::fs::read(dir.path().join("img-000.jpg")).unwrap();
    assert_eq!(
        extracted,
        std::fs::read(fixture("jfif_200dpi.jpg")).unwrap()
    );

    // The G4 and Flate images decode back to exactly the scanned pixels.
    let prefix = dir.path().join("lossless");
    run(
        "pdfimages",
        &["-png", "-f", "2", "-l", "4", &pdf, prefix.to_str().unwrap()],
    );
    for (n, (name, format, page)) in [
        ("g4_2page_300dpi.tif", ScanFormat::Tiff, 2),
        ("bilevel_1bit.png", ScanFormat::Png, 1),
        ("gray_lzw_200dpi.tif", ScanFormat::Tiff, 1),
    ]
    .into_iter()
    .enumerate()
    {
        let original = decode_page(&fixture(name), format, page)
            .unwrap()
            .image
            .to_luma8();
        let back = image::open(dir.path().join(format!("lossless-{n:03}.png")))
            .unwrap()
            .to_luma8();
        assert!(back == original, "{name}: pixels changed in the PDF");
    }

    // Page sizes are the scans' real sizes: 200 px at 200 dpi is 72 pt, at 300 dpi 48 pt.
    let (info, _) = run("pdfinfo", &["-f", "1", "-l", "6", &pdf]);
    let info: Vec<String> = info
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for line in [
        "Page 1 size: 72 x 36 pts",
        "Page 2 size: 48 x 24 pts",
        "Page 4 size: 72 x 36 pts",
        "Pages: 6",
    ] {
        assert!(info.iter().any(|l| l == line), "{line:?} not in {info:?}");
    }
}

#[test]
fn pdfa_2u_checklist() {
    let mut pages: Vec<AccessPage> = fixture_pages().into_iter().map(|(p, _)| p).collect();
    let (upright, words) = upright_page();
    pages.push(
        AccessPage::new(
            &synthetic(upright, 200.0),
            None,
            words,
            &PreprocessFacts::default(),
        )
        .unwrap(),
    );
    let meta = meta();
    let bytes = build_access_pdf(&pages, &meta).unwrap();
    assert_eq!(
        bytes,
        build_access_pdf(&pages, &meta).unwrap(),
        "the same input gives the same bytes"
    );

    // Header: version 1.7 and a comment of four bytes ≥ 128 on the second line.
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(
        bytes[10..14].iter().all(|&b| b >= 128),
        "{:?}",
        &bytes[..16]
    );
    assert_eq!(bytes[14], b'\n');
    assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));

    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.version, "1.7");
    // Trailer: an ID of two 16-byte strings, no encryption.
    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2);
    for part in id {
        assert_eq!(part.as_str().unwrap().len(), 16);
    }
    assert!(doc.trailer.get(b"Encrypt").is_err());

    // Catalog: uncompressed XMP with the PDF/A identification, sRGB OutputIntent.
    let catalog = doc.catalog().unwrap();
    for key in [&b"OpenAction"[..], b"AA", b"Names", b"AcroForm", b"Perms"] {
        assert!(catalog.get(key).is_err(), "catalog has {key:?}");
    }
    let metadata = doc
        .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(
        metadata.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    assert!(
        metadata.dict.get(b"Filter").is_err(),
        "XMP must not be filtered"
    );
    let xmp = String::from_utf8(metadata.content.clone()).unwrap();
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(xmp.contains(&format!(
        "<rdf:li xml:lang=\"x-default\">{}</rdf:li>",
        meta.title
    )));
    assert!(xmp.contains(&format!(
        "<dc:identifier>{}</dc:identifier>",
        meta.identifier
    )));
    assert!(xmp.contains("<rdf:li>vi</rdf:li>"));
    assert!(xmp.contains("<xmp:CreateDate>2025-07-01T08:30:05+07:00</xmp:CreateDate>"));

    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile.decompressed_content().unwrap();
    assert_eq!(&icc[36..40], b"acsp");
    assert_eq!(&icc[16..20], b"RGB ");
    if let Ok(system) = std::fs::read("/usr/share/color/icc/sRGB.icc") {
        assert_eq!(icc, system, "the profile of Debian's icc-profiles-free");
    }

    // Info agrees with the XMP.
    let info = doc
        .get_object(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let text = |key: &[u8]| lopdf::decode_text_string(info.get(key).unwrap()).unwrap();
    assert_eq!(text(b"Title"), meta.title);
    assert!(xmp.contains(&format!(
        "<pdf:Producer>{}</pdf:Producer>",
        text(b"Producer")
    )));
    assert!(xmp.contains(&format!(
        "<xmp:CreatorTool>{}</xmp:CreatorTool>",
        text(b"Creator")
    )));
    assert_eq!(text(b"CreationDate"), "D:20250701083005+07'00'");
    assert_eq!(text(b"ModDate"), "D:20250701083005+07'00'");

    // Every object: no JavaScript, actions, embedded files, LZW, transparency or
    // interpolation; every stream has its /Length; every font embedded with ToUnicode.
    let mut fonts = 0;
    for (id, object) in &doc.objects {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => {
                let length = s.dict.get(b"Length").unwrap().as_i64().unwrap();
                assert_eq!(length as usize, s.content.len(), "object {id:?}");
                &s.dict
            }
            _ => continue,
        };
        for key in [
            &b"JS"[..],
            b"JavaScript",
            b"AA",
            b"OpenAction",
            b"EmbeddedFiles",
            b"SMask",
            b"Group",
            b"Encrypt",
            b"Alternates",
            b"OPI",
        ] {
            assert!(
                dict.get(key).is_err(),
                "object {id:?} has /{}",
                String::from_utf8_lossy(key)
            );
        }
        if let Ok(Object::Boolean(true)) = dict.get(b"Interpolate") {
            panic!("object {id:?} interpolates");
        }
        if let Ok(filter) = dict.get(b"Filter") {
            let names: Vec<&[u8]> = match filter {
                Object::Name(n) => vec![n],
                Object::Array(a) => a.iter().map(|o| o.as_name().unwrap()).collect(),
                other => panic!("{other:?}"),
            };
            for n in names {
                assert!(n != b"LZWDecode" && n != b"JPXDecode", "object {id:?}");
            }
        }
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font") {
            fonts += 1;
            match dict.get(b"Subtype").unwrap().as_name().unwrap() {
                b"Type0" => {
                    assert!(dict.get(b"ToUnicode").is_ok(), "no ToUnicode");
                    assert_eq!(
                        dict.get(b"Encoding").unwrap().as_name().unwrap(),
                        b"Identity-H"
                    );
                }
                b"CIDFontType2" => {
                    assert!(dict.get(b"CIDToGIDMap").is_ok());
                    let descriptor = doc
                        .get_object(dict.get(b"FontDescriptor").unwrap().as_reference().unwrap())
                        .unwrap()
                        .as_dict()
                        .unwrap();
                    let file = doc
                        .get_object(
                            descriptor
                                .get(b"FontFile2")
                                .unwrap()
                                .as_reference()
                                .unwrap(),
                        )
                        .unwrap()
                        .as_stream()
                        .unwrap();
                    let ttf = file.decompressed_content().unwrap();
                    assert_eq!(&ttf[..4], &[0, 1, 0, 0], "a TrueType program");
                }
                other => panic!("unexpected font {}", String::from_utf8_lossy(other)),
            }
        }
    }
    assert_eq!(fonts, 2, "one Type0 font and its CIDFont");

    // Pages: no annotations, no page-level transparency; the page of the synthetic scan
    // writes its text in render mode 3.
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        assert!(page.get(b"Annots").is_err() && page.get(b"Group").is_err());
    }
    let last = *doc.get_pages().get(&7).unwrap();
    let content = String::from_utf8(doc.get_page_content(last)).unwrap();
    assert!(content.contains("3 Tr"), "{content}");
}

#[test]
fn empty_documents_are_an_error() {
    let message = build_access_pdf(&[], &meta()).unwrap_err().to_string();
    assert!(message.contains("at least one page"), "{message}");
    // PageGeometry from facts ignores a skew that was measured but not removed.
    let facts = PreprocessFacts {
        skew_degrees: 0.2,
        deskewed: false,
        rotation: 270,
        ..Default::default()
    };
    assert_eq!(
        PageGeometry::from(&facts),
        PageGeometry {
            skew_degrees: 0.0,
            rotation: 270
        }
    );
    let page = synthetic(GrayImage::new(4, 4), 300.0);
    let image = PageImage::from_decoded(&page, None).unwrap();
    assert_eq!((image.width(), image.height()), (4, 4));
}

/// Encodes `image` as a PNG with adaptive row filters (each row its own filter type).
fn png_bytes(image: &DynamicImage) -> Vec<u8> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut out = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive);
    image.write_with_encoder(encoder).unwrap();
    out
}

#[test]
fn png_files_go_in_undecoded_and_read_back_as_the_same_pixels() {
    let rgb = DynamicImage::ImageRgb8(image::RgbImage::from_fn(173, 61, |x, y| {
        image::Rgb([(x * 7 + y) as u8, (y * 3) as u8, ((x * y) % 251) as u8])
    }));
    let gray = DynamicImage::ImageLuma8(GrayImage::from_fn(150, 77, |x, y| {
        Luma([((x * x + 3 * y) % 256) as u8])
    }));
    let mut pages = Vec::new();
    for (image, components) in [(&rgb, 3), (&gray, 1)] {
        let png = png_bytes(image);
        let (w, h) = (image.width(), image.height());
        let encoded = PageImage::from_png(&png, w, h).expect("an 8-bit PNG passes through");
        assert_eq!(encoded.encoding(), ImageEncoding::Png { components });
        // Another size than the page's record, 16-bit samples: decoded instead.
        assert!(PageImage::from_png(&png, w + 1, h).is_none());
        let deep = DynamicImage::ImageRgb16(image.to_rgb16());
        assert!(PageImage::from_png(&png_bytes(&deep), w, h).is_none());
        pages.push(AccessPage::of_image(
            encoded,
            Some(300.0),
            vec![word("Số", [10, 10, 30, 20], 0)],
            &PreprocessFacts::default(),
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "png.pdf",
        &build_access_pdf(&pages, &meta()).unwrap(),
    );
    let (out, err) = run("qpdf", &["--check", &pdf]);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}{err}"
    );
    let prefix = dir.path().join("png");
    run("pdfimages", &["-png", &pdf, prefix.to_str().unwrap()]);
    let back = |n: usize| image::open(dir.path().join(format!("png-{n:03}.png"))).unwrap();
    assert!(back(0).to_rgb8() == rgb.to_rgb8(), "RGB pixels changed");
    assert!(back(1).to_luma8() == gray.to_luma8(), "gray pixels changed");
}
