//! `sohoa show`: one document, its catalog record and the text of its pages.
//!
//! In: a document id (optionally a version of its hồ sơ object) and the clearance stated.
//! Out: the document's summary fields, its record and its pages' texts, or that as JSON.

use std::io::{self, Write};

use clap::Args;
pub use pipeline::gate::{DocumentShow as ShowOutput, ShownPage};

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Document id (from list or search).
    id: String,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Show the document as it was in this version of its hồ sơ object (see `history`).
    #[arg(long = "version", id = "at_version", value_name = "vN")]
    at_version: Option<String>,
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

impl Run for ShowArgs {
    type Output = ShowOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<ShowOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        Ok(archive
            .reader(&who)
            .show(&self.id, self.at_version.as_deref())?)
    }
}

/// What `sohoa show` prints: the gate's view of the document (the reading room's API
/// serves the same).
impl CommandOutput for ShowOutput {
    const JSON_KEYS_SORTED: bool = true;

    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let summary = &self.summary;
        writeln!(out, "{}", summary.title)?;
        writeln!(
            out,
            "id {}  hồ sơ {} (box {})  object {} {}",
            self.id, self.hoso, self.box_name, self.object, self.version
        )?;
        for (value, label) in [
            (&summary.doc_type, "type"),
            (&summary.symbol, "số ký hiệu"),
            (&summary.date, "date"),
            (&summary.issuer, "issuer"),
        ] {
            if !value.is_empty() {
                writeln!(out, "{label}: {value}")?;
            }
        }
        for p in &self.pages {
            writeln!(
                out,
                "\n--- page {} ({} page {}, confidence {:.0}) ---",
                p.number,
                p.source_file,
                p.source_page,
                f64::from(p.confidence)
            )?;
            writeln!(out, "{}", p.text)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use archive_schema::{TaiLieuRecord, Valued};
    use pipeline::store::records::{DocumentSummary, TextSource};

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    #[test]
    fn renders_a_document() {
        let id = ulid();
        let metadata = TaiLieuRecord {
            ma_dinh_danh: Some(Valued::given(id.clone())),
            ten_loai: Some(Valued::extracted("Nghị quyết".to_string(), 0.93)),
            so: Some(Valued::extracted("45".to_string(), 0.88)),
            ky_hieu: Some(Valued::extracted("NQ/TU".to_string(), 0.88)),
            trich_yeu: Some(Valued::extracted(
                "Về công tác văn thư, lưu trữ năm 1997".to_string(),
                0.71,
            )),
            ..TaiLieuRecord::default()
        };
        let output = ShowOutput {
            id,
            object: ulid(),
            version: "v2".into(),
            hoso: "hs-01".into(),
            box_name: "hop-017".into(),
            summary: DocumentSummary {
                title: "Nghị quyết về công tác văn thư, lưu trữ năm 1997".into(),
                doc_type: "Nghị quyết".into(),
                symbol: "45-NQ/TU".into(),
                date: String::new(),
                issuer: "Tỉnh ủy Đắk Lắk".into(),
            },
            metadata,
            allowed_use: Some(pipeline::gate::UseForm::Copy),
            pages: vec![
                ShownPage {
                    number: 1,
                    source_file: "hs-01/scan-01.tif".into(),
                    source_page: 3,
                    text: "ĐẢNG CỘNG SẢN VIỆT NAM\nNGHỊ QUYẾT".into(),
                    confidence: 87.3,
                    text_source: TextSource::Ocr,
                    width: 2480,
                    height: 3508,
                },
                ShownPage {
                    number: 2,
                    source_file: "hs-01/scan-02.pdf".into(),
                    source_page: 1,
                    text: String::new(),
                    confidence: 0.0,
                    text_source: TextSource::Blank,
                    width: 2480,
                    height: 3508,
                },
            ],
        };
        assert_renderings!("show", output, {
            ".id" => "[ulid]",
            ".object" => "[ulid]",
            ".metadata.ma_dinh_danh.value" => "[ulid]",
        });
    }
}
