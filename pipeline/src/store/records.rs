//! The JSON records stored in a hồ sơ object, and the conversions between them and the
//! pipeline's stage types.
//!
//! In/out: the stored types live in the `archive-records` crate (re-exported here): their
//! JSON is the archive's format, versioned there ([`RECORD_FORMAT_VERSION`]) and pinned by
//! its snapshot tests. The stages (decode, preprocess, OCR, stamp ink, models) keep their
//! own types; ingest converts them into stored ones where it builds a [`PageRecord`], and
//! the stages that read a stored page (the độ mật policy, access copies) convert back. A
//! field renamed in a stage changes the conversion here, never the stored JSON.

pub use archive_records::*;

use serde::Serialize;

use crate::decode::{ScanFormat, TechnicalMetadata, Tt05Conformance};
use crate::ocr::models::ModelDigest;
use crate::ocr::stamp_ink::{Ink, InkRegion};
use crate::ocr::OcrWord;
use crate::preprocess::PreprocessFacts;

/// Keeps in `record` every value the archivist gave in `earlier` (sidecar or `sohoa edit`):
/// re-ingest and re-OCR never overwrite a correction.
pub fn keep_given_values<T>(record: &mut T, earlier: &T)
where
    T: Serialize + serde::de::DeserializeOwned,
{
    let (Ok(serde_json::Value::Object(mut now)), Ok(serde_json::Value::Object(before))) = (
        serde_json::to_value(&*record),
        serde_json::to_value(earlier),
    ) else {
        return;
    };
    let mut changed = false;
    for (key, value) in before {
        if value.get("source").and_then(|s| s.as_str()) == Some("given")
            && now.get(&key) != Some(&value)
        {
            now.insert(key, value);
            changed = true;
        }
    }
    if changed {
        if let Ok(merged) = serde_json::from_value(serde_json::Value::Object(now)) {
            *record = merged;
        }
    }
}

impl From<ScanFormat> for FileFormat {
    fn from(format: ScanFormat) -> Self {
        match format {
            ScanFormat::Tiff => FileFormat::Tiff,
            ScanFormat::Png => FileFormat::Png,
            ScanFormat::Jpeg => FileFormat::Jpeg,
            ScanFormat::Pdf => FileFormat::Pdf,
        }
    }
}

impl From<FileFormat> for ScanFormat {
    fn from(format: FileFormat) -> Self {
        match format {
            FileFormat::Tiff => ScanFormat::Tiff,
            FileFormat::Png => ScanFormat::Png,
            FileFormat::Jpeg => ScanFormat::Jpeg,
            FileFormat::Pdf => ScanFormat::Pdf,
        }
    }
}

impl From<&TechnicalMetadata> for TechnicalRecord {
    fn from(t: &TechnicalMetadata) -> Self {
        TechnicalRecord {
            format: t.format.into(),
            width: t.width,
            height: t.height,
            dpi: t.dpi,
            bits_per_sample: t.bits_per_sample,
            samples_per_pixel: t.samples_per_pixel,
            compression: t.compression.clone(),
        }
    }
}

impl From<TechnicalMetadata> for TechnicalRecord {
    fn from(t: TechnicalMetadata) -> Self {
        TechnicalRecord::from(&t)
    }
}

impl From<&TechnicalRecord> for TechnicalMetadata {
    fn from(t: &TechnicalRecord) -> Self {
        TechnicalMetadata {
            format: t.format.into(),
            width: t.width,
            height: t.height,
            dpi: t.dpi,
            bits_per_sample: t.bits_per_sample,
            samples_per_pixel: t.samples_per_pixel,
            compression: t.compression.clone(),
        }
    }
}

impl From<Tt05Conformance> for ConformanceRecord {
    fn from(c: Tt05Conformance) -> Self {
        ConformanceRecord {
            below_200_dpi: c.below_200_dpi,
            dpi_unknown: c.dpi_unknown,
            below_24_bit_colour: c.below_24_bit_colour,
        }
    }
}

impl From<&PreprocessFacts> for PreprocessRecord {
    fn from(f: &PreprocessFacts) -> Self {
        PreprocessRecord {
            dpi: f.dpi,
            dpi_from_file: f.dpi_from_file,
            blank: f.blank,
            ink_ratio: f.ink_ratio,
            skew_degrees: f.skew_degrees,
            deskewed: f.deskewed,
            rotation: f.rotation,
            smoothed: f.smoothed,
        }
    }
}

impl From<PreprocessFacts> for PreprocessRecord {
    fn from(f: PreprocessFacts) -> Self {
        PreprocessRecord::from(&f)
    }
}

impl From<&PreprocessRecord> for PreprocessFacts {
    fn from(f: &PreprocessRecord) -> Self {
        PreprocessFacts {
            dpi: f.dpi,
            dpi_from_file: f.dpi_from_file,
            blank: f.blank,
            ink_ratio: f.ink_ratio,
            skew_degrees: f.skew_degrees,
            deskewed: f.deskewed,
            rotation: f.rotation,
            smoothed: f.smoothed,
            // Read from the technical record where it matters (before OCR), not here.
            bilevel: false,
        }
    }
}

impl From<&OcrWord> for WordRecord {
    fn from(w: &OcrWord) -> Self {
        WordRecord {
            text: w.text.clone(),
            bbox: w.bbox,
            confidence: w.confidence,
            line: w.line,
        }
    }
}

impl From<OcrWord> for WordRecord {
    fn from(w: OcrWord) -> Self {
        WordRecord {
            text: w.text,
            bbox: w.bbox,
            confidence: w.confidence,
            line: w.line,
        }
    }
}

impl From<&WordRecord> for OcrWord {
    fn from(w: &WordRecord) -> Self {
        OcrWord {
            text: w.text.clone(),
            bbox: w.bbox,
            confidence: w.confidence,
            line: w.line,
        }
    }
}

/// The stored words of a page or an ink region, as the OCR stage's words.
pub fn ocr_words(words: &[WordRecord]) -> Vec<OcrWord> {
    words.iter().map(OcrWord::from).collect()
}

/// The OCR stage's words, as stored.
pub fn word_records(words: &[OcrWord]) -> Vec<WordRecord> {
    words.iter().map(WordRecord::from).collect()
}

impl From<Ink> for InkKind {
    fn from(ink: Ink) -> Self {
        match ink {
            Ink::Red => InkKind::Red,
            Ink::Gray => InkKind::Gray,
            Ink::Frame => InkKind::Frame,
            Ink::LightStamp => InkKind::LightStamp,
        }
    }
}

impl From<InkKind> for Ink {
    fn from(ink: InkKind) -> Self {
        match ink {
            InkKind::Red => Ink::Red,
            InkKind::Gray => Ink::Gray,
            InkKind::Frame => Ink::Frame,
            InkKind::LightStamp => Ink::LightStamp,
        }
    }
}

impl From<&InkRegion> for InkRegionRecord {
    fn from(r: &InkRegion) -> Self {
        InkRegionRecord {
            ink: r.ink.into(),
            bbox: r.bbox,
            words: word_records(&r.words),
        }
    }
}

impl From<InkRegion> for InkRegionRecord {
    fn from(r: InkRegion) -> Self {
        InkRegionRecord {
            ink: r.ink.into(),
            bbox: r.bbox,
            words: r.words.into_iter().map(WordRecord::from).collect(),
        }
    }
}

impl From<&InkRegionRecord> for InkRegion {
    fn from(r: &InkRegionRecord) -> Self {
        InkRegion {
            ink: r.ink.into(),
            bbox: r.bbox,
            words: ocr_words(&r.words),
        }
    }
}

impl From<&ModelDigest> for ModelRecord {
    fn from(m: &ModelDigest) -> Self {
        ModelRecord {
            name: m.name.clone(),
            sha256: m.sha256.clone(),
            matches_manifest: m.matches_manifest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of a stage value survives the trip into its stored type and back.
    #[test]
    fn stage_values_convert_to_stored_and_back_unchanged() {
        let technical = TechnicalMetadata {
            format: ScanFormat::Pdf,
            width: 2480,
            height: 3508,
            dpi: Some(299.5),
            bits_per_sample: 1,
            samples_per_pixel: 1,
            compression: "ccitt-g4".into(),
        };
        let stored = TechnicalRecord::from(&technical);
        assert_eq!(TechnicalMetadata::from(&stored), technical);

        let facts = PreprocessFacts {
            dpi: 300,
            dpi_from_file: true,
            blank: false,
            ink_ratio: 0.083,
            skew_degrees: -0.75,
            deskewed: true,
            rotation: 270,
            smoothed: true,
            bilevel: false,
        };
        let stored = PreprocessRecord::from(&facts);
        assert_eq!(PreprocessFacts::from(&stored), facts);

        assert_eq!(
            ConformanceRecord::from(technical.conformance()),
            ConformanceRecord {
                below_200_dpi: false,
                dpi_unknown: false,
                below_24_bit_colour: true,
            }
        );

        for ink in [Ink::Red, Ink::Gray, Ink::Frame, Ink::LightStamp] {
            let region = InkRegion {
                ink,
                bbox: [10, 20, 300, 90],
                words: vec![OcrWord {
                    text: "MẬT".into(),
                    bbox: [20, 30, 100, 40],
                    confidence: 71.25,
                    line: 0,
                }],
            };
            let stored = InkRegionRecord::from(&region);
            assert_eq!(InkRegion::from(&stored), region);
        }

        let model = ModelDigest {
            name: "vie".into(),
            sha256: "ab".repeat(32),
            matches_manifest: false,
        };
        assert_eq!(
            ModelRecord::from(&model),
            ModelRecord {
                name: "vie".into(),
                sha256: "ab".repeat(32),
                matches_manifest: false,
            }
        );

        for format in [
            ScanFormat::Tiff,
            ScanFormat::Png,
            ScanFormat::Jpeg,
            ScanFormat::Pdf,
        ] {
            assert_eq!(ScanFormat::from(FileFormat::from(format)), format);
        }
    }
}
