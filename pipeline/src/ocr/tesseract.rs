//! The Tesseract engine (the system libtesseract through [`super::tess_api`]).
//!
//! In: a [`PreparedPage`] (8-bit gray, real resolution). Out: an [`OcrPage`] parsed from
//! Tesseract's TSV output: words with boxes and confidences, text in reading order.
//! One engine is made per worker thread and reused for every page; Tesseract's debug
//! output is silenced. Orientation detection uses a second, lazily started `osd` engine,
//! so pages that read well never pay for it; the engines made together by
//! [`TesseractEngine::set`] share one (it serves only the few pages that read badly, and a
//! second one would add about 30 MiB as soon as a second worker met such a page). The
//! engine that reads số ký hiệu lines again (the model set's symbol model) is shared the
//! same way: it reads one short line per first page.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::tess_api::{PageSegMode, TessApi};

use super::models::ModelSet;
use super::{OcrEngine, OcrPage, OcrWord, Orientation};
use crate::preprocess::PreparedPage;
use crate::{Error, Result};

/// The version string of the linked libtesseract.
pub fn version() -> String {
    super::tess_api::version()
}

/// A Tesseract engine initialised for one language set.
pub struct TesseractEngine {
    api: TessApi,
    osd: Arc<HelperEngine>,
    /// Reads số ký hiệu lines again, when the model set has a symbol model.
    symbols: Option<Arc<HelperEngine>>,
}

/// A second engine for a side task (orientation, số ký hiệu lines), started on first use
/// and shared by the engines of one set: it serves a few pages or lines only.
struct HelperEngine {
    tessdata: PathBuf,
    languages: String,
    mode: PageSegMode,
    api: Mutex<Option<TessApi>>,
}

impl HelperEngine {
    fn new(tessdata: &Path, languages: &str, mode: PageSegMode) -> Arc<Self> {
        Arc::new(HelperEngine {
            tessdata: tessdata.to_path_buf(),
            languages: languages.to_string(),
            mode,
            api: Mutex::new(None),
        })
    }

    /// Runs `task` on the engine, starting it first if need be.
    fn with<T>(&self, task: impl FnOnce(&TessApi) -> Result<T>) -> Result<T> {
        let mut slot = self.api.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            let api = TessApi::new().map_err(|e| ocr_error("starting Tesseract", e))?;
            init(&api, &self.tessdata, &self.languages)?;
            silence(&api)?;
            api.set_page_seg_mode(self.mode);
            *slot = Some(api);
        }
        task(slot.as_ref().expect("started above"))
    }
}

fn ocr_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Ocr(format!("{what}: {e}"))
}

fn silence(api: &TessApi) -> Result<()> {
    api.set_variable("debug_file", "/dev/null")
        .map_err(|e| ocr_error("setting debug_file", e))
}

impl TesseractEngine {
    /// Starts Tesseract with the models of `models`.
    pub fn new(models: &ModelSet) -> Result<Self> {
        let (osd, symbols) = Self::helpers(models);
        Self::with_helpers(models, osd, symbols)
    }

    /// Starts `count` engines (one per worker) that share their helper engines.
    pub fn set(models: &ModelSet, count: usize) -> Result<Vec<Self>> {
        let (osd, symbols) = Self::helpers(models);
        (0..count)
            .map(|_| Self::with_helpers(models, Arc::clone(&osd), symbols.clone()))
            .collect()
    }

    fn helpers(models: &ModelSet) -> (Arc<HelperEngine>, Option<Arc<HelperEngine>>) {
        let osd = HelperEngine::new(&models.tessdata, "osd", PageSegMode::OsdOnly);
        let symbols = models.symbol_model.as_ref().map(|languages| {
            HelperEngine::new(&models.tessdata, languages, PageSegMode::SingleLine)
        });
        (osd, symbols)
    }

    fn with_helpers(
        models: &ModelSet,
        osd: Arc<HelperEngine>,
        symbols: Option<Arc<HelperEngine>>,
    ) -> Result<Self> {
        let api = TessApi::new().map_err(|e| ocr_error("starting Tesseract", e))?;
        match &models.config {
            None => init(&api, &models.tessdata, &models.languages)?,
            Some(config) => {
                // OEM 3 = Tesseract's default engine choice, as `init` uses.
                api.init_with_configs(&models.tessdata, &models.languages, 3, &[config.as_path()])
                    .map_err(|e| {
                        Error::Ocr(format!(
                            "cannot start Tesseract with {:?} and word lists {}: {e}",
                            models.languages,
                            config.display()
                        ))
                    })?;
            }
        }
        silence(&api)?;
        api.set_page_seg_mode(PageSegMode::Auto);
        Ok(TesseractEngine { api, osd, symbols })
    }

    /// Recognises `page` with `api` in its current mode and parses the words; `what` names
    /// the task in an error. The engine is cleared for the next page either way.
    fn read(api: &TessApi, page: &PreparedPage, what: &str) -> Result<OcrPage> {
        Self::set_page(api, page)?;
        let tsv = api.tsv_text(0).map_err(|e| ocr_error(what, e));
        api.clear();
        Ok(parse_tsv(&tsv?))
    }

    fn set_page(api: &TessApi, page: &PreparedPage) -> Result<()> {
        api.set_gray_image(page.image.as_raw(), page.image.width(), page.image.height())
            .map_err(|e| ocr_error("setting image", e))?;
        api.set_source_resolution(i32::try_from(page.facts.dpi).unwrap_or(i32::MAX));
        Ok(())
    }
}

fn init(api: &TessApi, tessdata: &Path, languages: &str) -> Result<()> {
    api.init(tessdata, languages).map_err(|e| {
        Error::Ocr(format!(
            "cannot start Tesseract with {languages:?} from {}: {e}",
            tessdata.display()
        ))
    })
}

impl OcrEngine for TesseractEngine {
    fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage> {
        Self::read(&self.api, page, "recognising page")
    }

    fn recognize_block(&mut self, block: &PreparedPage) -> Result<OcrPage> {
        self.api.set_page_seg_mode(PageSegMode::SingleBlock);
        let read = Self::read(&self.api, block, "recognising a block");
        self.api.set_page_seg_mode(PageSegMode::Auto);
        read
    }

    fn recognize_line(&mut self, line: &PreparedPage) -> Result<OcrPage> {
        let Some(symbols) = &self.symbols else {
            return Ok(OcrPage::default());
        };
        symbols.with(|api| Self::read(api, line, "recognising a line"))
    }

    fn detect_orientation(&mut self, page: &PreparedPage) -> Result<Option<Orientation>> {
        self.osd.with(|osd| {
            Self::set_page(osd, page)?;
            // Tesseract reports the page's orientation as the anticlockwise turn that makes
            // it upright (a page turned 90° anticlockwise reads 270); we turn clockwise. It
            // fails when there is too little text to tell.
            let result = osd.detect_orientation();
            osd.clear();
            Ok(match result {
                Ok((degrees, confidence)) => Some(Orientation {
                    clockwise_degrees: ((360 - degrees.rem_euclid(360)) % 360) as u16,
                    confidence,
                }),
                Err(_) => None,
            })
        })
    }
}

/// Parses Tesseract's TSV output (level 5 rows are words).
pub fn parse_tsv(tsv: &str) -> OcrPage {
    let mut words = Vec::new();
    let mut text = String::new();
    let mut last_line: Option<(u32, u32, u32)> = None;
    let mut last_para: Option<(u32, u32)> = None;
    let mut line_no = 0u32;
    for row in tsv.lines() {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<i64>().unwrap_or(0).max(0) as u32;
        let word = vietnamese_letters(cols[11].trim());
        if word.is_empty() {
            continue;
        }
        let confidence = cols[10]
            .trim()
            .parse::<f32>()
            .unwrap_or(0.0)
            .clamp(0.0, 100.0);
        let line_key = (num(2), num(3), num(4));
        let para_key = (num(2), num(3));
        if last_line == Some(line_key) {
            text.push(' ');
        } else {
            if last_line.is_some() {
                line_no += 1;
                text.push('\n');
                if last_para != Some(para_key) {
                    text.push('\n');
                }
            }
            last_line = Some(line_key);
            last_para = Some(para_key);
        }
        text.push_str(&word);
        words.push(OcrWord {
            text: word,
            bbox: [num(6), num(7), num(8), num(9)],
            confidence,
            line: line_no,
        });
    }
    let mean_confidence = OcrPage::weighted_confidence(&words);
    OcrPage {
        text,
        words,
        mean_confidence,
    }
}

/// NFC, and the look-alike letters Tesseract emits for Vietnamese ones: the Icelandic eth
/// `Ð`/`ð` (U+00D0/U+00F0) for `Đ`/`đ`, which Vietnamese text never contains.
fn vietnamese_letters(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfc()
        .map(|c| match c {
            '\u{d0}' => 'Đ',
            '\u{f0}' => 'đ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_lines_and_paragraphs() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
5\t1\t1\t1\t1\t1\t100\t200\t80\t30\t96.5\tĐẢNG\n\
5\t1\t1\t1\t1\t2\t190\t200\t80\t30\t90\tCỘNG\n\
5\t1\t1\t1\t2\t1\t100\t250\t80\t30\t80\tSỐ\n\
5\t1\t1\t2\t1\t1\t100\t350\t80\t30\t70\tNghị\n\
5\t1\t1\t2\t1\t2\t100\t350\t80\t30\t-1\t \n";
        let page = parse_tsv(tsv);
        assert_eq!(page.text, "ĐẢNG CỘNG\nSỐ\n\nNghị");
        assert_eq!(page.words.len(), 4);
        assert_eq!(page.words[0].bbox, [100, 200, 80, 30]);
        assert_eq!(page.words[2].line, 1);
        assert_eq!(page.words[3].line, 2);
        assert!(page.mean_confidence > 80.0 && page.mean_confidence < 90.0);
    }

    #[test]
    fn eth_becomes_d_with_stroke() {
        assert_eq!(vietnamese_letters("NQ/\u{d0}UK \u{f0}ảng"), "NQ/ĐUK đảng");
    }
}
