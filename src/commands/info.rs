//! `sohoa info`: the OCR runtime.
//!
//! In: nothing (the installed Tesseract and its tessdata directory). Out: Tesseract's
//! version, each model sohoa uses with its digest (and whether it matches
//! `ocr-models/manifest.json`), and the OpenMP thread limit in force.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use pipeline::ocr::models::{self, ModelDigest, ModelSet};
use serde::Serialize;

use super::{Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa info`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    #[arg(long)]
    json: bool,
}

/// What `sohoa info` prints.
#[derive(Debug, Serialize)]
pub struct InfoOutput {
    /// Tesseract's version string.
    pub tesseract: String,
    pub tessdata: PathBuf,
    pub models: Vec<ModelDigest>,
    /// The limit libgomp applies, when libgomp is loaded.
    pub omp_thread_limit: Option<i64>,
    /// `OMP_THREAD_LIMIT` as set in the environment.
    pub omp_thread_limit_env: Option<String>,
}

impl Run for InfoArgs {
    type Output = InfoOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<InfoOutput> {
        let tessdata = models::tessdata_dir()?;
        let mut digests = Vec::new();
        for lang in ["vie", "Vietnamese", "osd", models::SYMBOL_MODEL] {
            match ModelSet::load(&tessdata, lang) {
                Ok(set) => digests.extend(set.models),
                Err(e) => tracing::warn!("{e}"),
            }
        }
        Ok(InfoOutput {
            tesseract: pipeline::ocr::tesseract::version(),
            tessdata,
            models: digests,
            omp_thread_limit: crate::runtime::openmp_thread_limit(),
            omp_thread_limit_env: std::env::var("OMP_THREAD_LIMIT").ok(),
        })
    }
}

impl CommandOutput for InfoOutput {
    const JSON_KEYS_SORTED: bool = true;

    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "tesseract {}", self.tesseract)?;
        writeln!(out, "tessdata  {}", self.tessdata.display())?;
        for m in &self.models {
            writeln!(
                out,
                "model     {:<12} sha256 {}{}",
                m.name,
                m.sha256,
                if m.matches_manifest {
                    ""
                } else {
                    "  (differs from ocr-models/manifest.json)"
                }
            )?;
        }
        let limit = self
            .omp_thread_limit
            .map_or_else(|| "null".to_string(), |n| n.to_string());
        writeln!(out, "OpenMP thread limit: {limit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;

    #[test]
    fn renders_the_runtime() {
        let output = InfoOutput {
            tesseract: "5.5.0".into(),
            tessdata: "/usr/share/tesseract-ocr/5/tessdata".into(),
            models: vec![
                ModelDigest {
                    name: "vie".into(),
                    sha256: "aa".repeat(32),
                    matches_manifest: true,
                },
                ModelDigest {
                    name: "osd".into(),
                    sha256: "bb".repeat(32),
                    matches_manifest: false,
                },
            ],
            omp_thread_limit: Some(1),
            omp_thread_limit_env: Some("1".into()),
        };
        assert_renderings!("info", output);
    }

    #[test]
    fn renders_no_openmp() {
        let output = InfoOutput {
            tesseract: "5.5.0".into(),
            tessdata: "/usr/share/tesseract-ocr/5/tessdata".into(),
            models: Vec::new(),
            omp_thread_limit: None,
            omp_thread_limit_env: None,
        };
        assert!(crate::output::testing::human(&output).ends_with("OpenMP thread limit: null\n"));
    }
}
