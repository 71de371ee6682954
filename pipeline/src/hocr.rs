//! hOCR: a stored page record in, the page's words and boxes as an hOCR 1.2 document out.
//!
//! In: a [`PageRecord`] (OCR words with pixel boxes, confidences and line numbers). Out: an
//! XHTML string (`pages/NNNN.hocr` in the object) with one `ocr_page`, an `ocr_line` per
//! line and an `ocrx_word` per word (`bbox`, `x_wconf`), readable by any hOCR tool. Boxes are
//! in the frame of the page as it was recognised: straightened by the recorded skew and
//! turned by the recorded quarter turn (both noted on the page element); blank pages and
//! pages read from a PDF text layer get a page element without words.

use std::fmt::Write;

use crate::markup::escape;
use crate::store::records::PageRecord;

fn bbox(b: [u32; 4]) -> String {
    format!(
        "bbox {} {} {} {}",
        b[0],
        b[1],
        b[0].saturating_add(b[2]),
        b[1].saturating_add(b[3])
    )
}

/// The union of boxes, `[left, top, width, height]`.
fn union(boxes: impl Iterator<Item = [u32; 4]>) -> Option<[u32; 4]> {
    boxes
        .map(|b| (b[0], b[1], b[0] + b[2], b[1] + b[3]))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
        .map(|(l, t, r, b)| [l, t, r - l, b - t])
}

/// Renders `page` as hOCR. `image` is the original's logical path in the object.
pub fn render(page: &PageRecord, image: &str, ocr_system: &str) -> String {
    let (rotation, skew, dpi) = page
        .preprocess
        .as_ref()
        .map(|f| {
            (
                f.rotation,
                if f.deskewed { f.skew_degrees } else { 0.0 },
                f.dpi,
            )
        })
        .unwrap_or((0, 0.0, 0));
    let (mut width, mut height) = (page.technical.width, page.technical.height);
    if rotation % 180 == 90 {
        std::mem::swap(&mut width, &mut height);
    }
    let mut out = String::new();
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
         \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"vi\" lang=\"vi\">\n<head>\n\
         <title>",
    );
    out.push_str(&escape(image));
    let _ = write!(
        out,
        "</title>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n\
         <meta name=\"ocr-system\" content=\"{}\" />\n\
         <meta name=\"ocr-capabilities\" content=\"ocr_page ocr_line ocrx_word\" />\n\
         </head>\n<body>\n",
        escape(ocr_system)
    );
    let _ = writeln!(
        out,
        "<div class=\"ocr_page\" id=\"page_{n}\" title=\"image &quot;{img}&quot;; ppageno {p}; \
         bbox 0 0 {width} {height}{res}\" data-source-page=\"{sp}\" data-rotation=\"{rotation}\" \
         data-deskew-degrees=\"{skew:.2}\" data-text-source=\"{src}\">",
        n = page.number,
        img = escape(image),
        p = page.number.saturating_sub(1),
        res = if dpi > 0 {
            format!("; scan_res {dpi} {dpi}")
        } else {
            String::new()
        },
        sp = page.source_page,
        src = match page.text_source {
            crate::store::records::TextSource::Ocr => "ocr",
            crate::store::records::TextSource::TextLayer => "text_layer",
            crate::store::records::TextSource::Blank => "blank",
        },
    );
    let mut lines: Vec<(u32, Vec<usize>)> = Vec::new();
    for (i, w) in page.words.iter().enumerate() {
        match lines.last_mut() {
            Some((line, members)) if *line == w.line => members.push(i),
            _ => lines.push((w.line, vec![i])),
        }
    }
    for (li, (_, members)) in lines.iter().enumerate() {
        let line_box = union(members.iter().map(|&i| page.words[i].bbox)).unwrap_or([0; 4]);
        let _ = writeln!(
            out,
            " <span class=\"ocr_line\" id=\"line_{}_{}\" title=\"{}\">",
            page.number,
            li + 1,
            bbox(line_box)
        );
        for &i in members {
            let w = &page.words[i];
            let _ = writeln!(
                out,
                "  <span class=\"ocrx_word\" id=\"word_{}_{}\" title=\"{}; x_wconf {}\">{}</span>",
                page.number,
                i + 1,
                bbox(w.bbox),
                w.confidence.round().clamp(0.0, 100.0) as u32,
                escape(&w.text)
            );
        }
        out.push_str(" </span>\n");
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{ScanFormat, TechnicalMetadata};
    use crate::ocr::OcrWord;
    use crate::preprocess::PreprocessFacts;
    use crate::store::records::TextSource;

    fn word(text: &str, bbox: [u32; 4], line: u32) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox,
            confidence: 91.4,
            line,
        }
    }

    fn page(words: Vec<OcrWord>, rotation: u16) -> PageRecord {
        PageRecord {
            number: 3,
            source_file: "hs/a.tif".into(),
            source_page: 2,
            source_sha256: "00".repeat(32),
            technical: TechnicalMetadata {
                format: ScanFormat::Tiff,
                width: 2480,
                height: 3508,
                dpi: Some(300.0),
                bits_per_sample: 1,
                samples_per_pixel: 1,
                compression: "ccitt-g4".into(),
            }
            .into(),
            conformance: Default::default(),
            preprocess: Some(
                PreprocessFacts {
                    dpi: 300,
                    rotation,
                    ..Default::default()
                }
                .into(),
            ),
            text_source: TextSource::Ocr,
            text: String::new(),
            mean_confidence: 91.0,
            words: words.into_iter().map(Into::into).collect(),
            ocr: None,
            header_ink: Vec::new(),
            page_extract: None,
        }
    }

    #[test]
    fn words_are_grouped_by_line_with_boxes_and_escaped_text() {
        let p = page(
            vec![
                word("ĐẢNG", [100, 50, 200, 40], 0),
                word("<ỦY>", [320, 52, 150, 40], 0),
                word("Số&", [100, 150, 80, 30], 1),
            ],
            0,
        );
        let h = render(&p, "originals/hs/a.tif", "tesseract 5.3.0");
        assert!(h.contains("bbox 0 0 2480 3508; scan_res 300 300"), "{h}");
        assert!(h.contains("ppageno 2"));
        assert_eq!(h.matches("class=\"ocr_line\"").count(), 2);
        assert_eq!(h.matches("class=\"ocrx_word\"").count(), 3);
        assert!(h.contains("title=\"bbox 100 50 470 92\""), "line box: {h}");
        assert!(h.contains("bbox 320 52 470 92; x_wconf 91\">&lt;ỦY&gt;</span>"));
        assert!(h.contains(">Số&amp;</span>"));
    }

    #[test]
    fn a_sideways_page_swaps_the_page_box() {
        let h = render(&page(Vec::new(), 90), "originals/x.png", "t");
        assert!(h.contains("bbox 0 0 3508 2480"), "{h}");
        assert!(h.contains("data-rotation=\"90\""));
        assert!(!h.contains("class=\"ocr_line\""));
    }
}
