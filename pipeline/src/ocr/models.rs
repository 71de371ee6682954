//! The recognition models: where they are and what exactly they are.
//!
//! In: the model manifest (`ocr-models/manifest.json`, compiled in) and the tessdata
//! directory. Out: a [`ModelSet`] naming each traineddata file used with its SHA-256, which is
//! recorded with every OCR result, and a warning when a file differs from the manifest.
//! Also the domain word lists ([`WordLists`]: Party vocabulary and số ký hiệu shapes, also
//! compiled in), handed to Tesseract at start through a config file, digested the same way.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The manifest shipped in `ocr-models/`.
pub const MANIFEST: &str = include_str!("../../../ocr-models/manifest.json");

/// Party vocabulary (one word per line) given to Tesseract as `user_words_file`.
pub const USER_WORDS: &str = include_str!("../../../ocr-models/party.user-words");
/// Số ký hiệu and date shapes given to Tesseract as `user_patterns_file`.
pub const USER_PATTERNS: &str = include_str!("../../../ocr-models/party.user-patterns");

/// The model that reads a số ký hiệu line a second time: Tesseract's English model reads
/// digits and Latin capitals more steadily than `vie` (`12` not `I12`, `04` not `4`).
pub const SYMBOL_MODEL: &str = "eng";

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
    /// Traineddata files, then the word lists when they are used.
    pub models: Vec<ModelDigest>,
    /// The Tesseract config file that loads the word lists, when they are used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<PathBuf>,
    /// The model that reads số ký hiệu lines a second time, when it is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_model: Option<String>,
}

/// The domain word lists, written out where Tesseract can read them.
#[derive(Debug, Clone, PartialEq)]
pub struct WordLists {
    /// A Tesseract config file naming the two lists.
    pub config: PathBuf,
    pub digests: Vec<ModelDigest>,
}

impl WordLists {
    /// Writes the compiled-in lists and their config under `dir` in a folder named by their
    /// digest, so concurrent runs and different versions never overwrite each other's files.
    pub fn materialize(dir: &Path) -> Result<WordLists> {
        let files = [
            ("party.user-words", USER_WORDS),
            ("party.user-patterns", USER_PATTERNS),
        ];
        let digests: Vec<ModelDigest> = files
            .iter()
            .map(|(name, text)| ModelDigest {
                name: (*name).to_string(),
                sha256: hex::encode(Sha256::digest(text.as_bytes())),
                matches_manifest: true,
            })
            .collect();
        let mut all = Sha256::new();
        for d in &digests {
            all.update(d.sha256.as_bytes());
        }
        let folder = dir.join(format!("word-lists-{}", &hex::encode(all.finalize())[..16]));
        let config = folder.join("sohoa.config");
        if !config.exists() {
            std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
            let mut config_text = String::new();
            for ((name, text), key) in files.iter().zip(["user_words_file", "user_patterns_file"]) {
                let path = folder.join(name);
                write_new(&path, text.as_bytes())?;
                config_text.push_str(key);
                config_text.push(' ');
                config_text.push_str(&path.display().to_string());
                config_text.push('\n');
            }
            write_new(&config, config_text.as_bytes())?;
        }
        Ok(WordLists { config, digests })
    }
}

/// Writes `bytes` to `path` through a temporary file, so a reader never sees a partial file.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
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
        let manifest = manifest()?;
        let models = languages
            .split('+')
            .filter(|n| !n.is_empty())
            .map(|name| digest(tessdata, name, &manifest))
            .collect::<Result<Vec<_>>>()?;
        Ok(ModelSet {
            tessdata: tessdata.to_path_buf(),
            languages: languages.to_string(),
            models,
            config: None,
            symbol_model: None,
        })
    }

    /// Adds the model that reads số ký hiệu lines a second time ([`SYMBOL_MODEL`], see
    /// [`crate::ocr::symbol_line`]). Without its file the second reading is skipped, with a
    /// warning: the page's own reading stands.
    #[must_use]
    pub fn with_symbol_model(mut self) -> ModelSet {
        match manifest().and_then(|m| digest(&self.tessdata, SYMBOL_MODEL, &m)) {
            Ok(d) => {
                self.models.push(d);
                self.symbol_model = Some(SYMBOL_MODEL.to_string());
            }
            Err(e) => tracing::warn!(error = %e, "số ký hiệu lines are not read a second time"),
        }
        self
    }

    /// Makes Tesseract use the domain word lists.
    #[must_use]
    pub fn with_word_lists(mut self, lists: WordLists) -> ModelSet {
        self.models.extend(lists.digests);
        self.config = Some(lists.config);
        self
    }
}

/// The compiled-in model manifest, parsed.
fn manifest() -> Result<Manifest> {
    serde_json::from_str(MANIFEST).map_err(|e| Error::Json {
        path: "ocr-models/manifest.json".into(),
        message: e.to_string(),
    })
}

/// Hashes the traineddata file of model `name` and checks it against the manifest.
fn digest(tessdata: &Path, name: &str, manifest: &Manifest) -> Result<ModelDigest> {
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
    Ok(ModelDigest {
        name: name.to_string(),
        sha256,
        matches_manifest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_parses_and_names_the_vietnamese_models() {
        let m: Manifest = serde_json::from_str(MANIFEST).unwrap();
        let names: Vec<_> = m.models.iter().map(|m| m.name.as_str()).collect();
        for n in ["vie", "Vietnamese", "osd", SYMBOL_MODEL] {
            assert!(names.contains(&n), "{names:?}");
        }
        assert!(m.models.iter().all(|m| m.sha256.len() == 64));
    }

    #[test]
    fn word_lists_are_written_once_with_a_config_naming_them() {
        let dir = tempfile::tempdir().unwrap();
        let lists = WordLists::materialize(dir.path()).unwrap();
        let again = WordLists::materialize(dir.path()).unwrap();
        assert_eq!(lists, again);
        let config = std::fs::read_to_string(&lists.config).unwrap();
        let mut keys = Vec::new();
        for line in config.lines() {
            let (key, path) = line.split_once(' ').unwrap();
            keys.push(key);
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text == USER_WORDS || text == USER_PATTERNS);
        }
        assert_eq!(keys, ["user_words_file", "user_patterns_file"]);
        assert!(USER_PATTERNS.lines().any(|p| p.contains("-NQ/")));
        assert!(USER_WORDS
            .lines()
            .all(|w| !w.trim().is_empty() && !w.contains(' ')));
    }

    #[test]
    fn missing_model_names_the_package() {
        let dir = tempfile::tempdir().unwrap();
        let e = ModelSet::load(dir.path(), "vie").unwrap_err().to_string();
        assert!(e.contains("tesseract-ocr-vie"), "{e}");
    }
}
