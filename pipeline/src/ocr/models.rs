//! The recognition models: where they are and what exactly they are.
//!
//! In: the model manifest (`ocr-models/manifest.json`, compiled in) and the tessdata
//! directory. Out: a [`ModelSet`] naming each traineddata file used with its SHA-256, which is
//! recorded with every OCR result, and a warning when a file differs from the manifest.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The manifest shipped in `ocr-models/`.
pub const MANIFEST: &str = include_str!("../../../ocr-models/manifest.json");

/// Directories searched for traineddata when `TESSDATA_PREFIX` is not set.
const TESSDATA_DIRS: [&str; 3] = [
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
];

#[derive(Debug, Clone, Deserialize)]
struct Manifest {
    models: Vec<ManifestModel>,
}

#[derive(Debug, Clone, Deserialize)]
struct ManifestModel {
    name: String,
    debian_package: String,
    sha256: String,
}

/// One traineddata file in use, with its digest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelDigest {
    pub name: String,
    pub sha256: String,
    /// False when the file on disk differs from the digest in the manifest.
    pub matches_manifest: bool,
}

/// The models behind one Tesseract language string (e.g. `vie` or `vie+Vietnamese`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelSet {
    pub tessdata: PathBuf,
    pub languages: String,
    pub models: Vec<ModelDigest>,
}

/// The tessdata directory: `$TESSDATA_PREFIX` or the first Debian location that exists.
pub fn tessdata_dir() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TESSDATA_PREFIX") {
        return Ok(PathBuf::from(p));
    }
    TESSDATA_DIRS
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("osd.traineddata").exists() || p.join("vie.traineddata").exists())
        .ok_or_else(|| {
            Error::Ocr(
                "no tessdata directory found: install tesseract-ocr-vie, tesseract-ocr-osd and \
                 tesseract-ocr-script-viet, or set TESSDATA_PREFIX"
                    .into(),
            )
        })
}

impl ModelSet {
    /// Locates and hashes the traineddata files of `languages` (`+`-separated).
    pub fn load(tessdata: &Path, languages: &str) -> Result<ModelSet> {
        let manifest: Manifest = serde_json::from_str(MANIFEST).map_err(|e| Error::Json {
            path: "ocr-models/manifest.json".into(),
            message: e.to_string(),
        })?;
        let mut models = Vec::new();
        for name in languages.split('+').filter(|n| !n.is_empty()) {
            let path = tessdata.join(format!("{name}.traineddata"));
            let bytes = std::fs::read(&path).map_err(|e| {
                let hint = manifest
                    .models
                    .iter()
                    .find(|m| m.name == name)
                    .map(|m| format!(" (install the Debian package {})", m.debian_package))
                    .unwrap_or_default();
                Error::Ocr(format!("model {}: {e}{hint}", path.display()))
            })?;
            let sha256 = hex::encode(Sha256::digest(&bytes));
            let matches_manifest = manifest
                .models
                .iter()
                .any(|m| m.name == name && m.sha256 == sha256);
            if !matches_manifest {
                tracing::warn!(
                    model = %path.display(),
                    %sha256,
                    "traineddata differs from ocr-models/manifest.json; results record the actual digest"
                );
            }
            models.push(ModelDigest {
                name: name.to_string(),
                sha256,
                matches_manifest,
            });
        }
        Ok(ModelSet {
            tessdata: tessdata.to_path_buf(),
            languages: languages.to_string(),
            models,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_parses_and_names_the_vietnamese_models() {
        let m: Manifest = serde_json::from_str(MANIFEST).unwrap();
        let names: Vec<_> = m.models.iter().map(|m| m.name.as_str()).collect();
        for n in ["vie", "Vietnamese", "osd"] {
            assert!(names.contains(&n), "{names:?}");
        }
        assert!(m.models.iter().all(|m| m.sha256.len() == 64));
    }

    #[test]
    fn missing_model_names_the_package() {
        let dir = tempfile::tempdir().unwrap();
        let e = ModelSet::load(dir.path(), "vie").unwrap_err().to_string();
        assert!(e.contains("tesseract-ocr-vie"), "{e}");
    }
}
