//! `sohoa export`: a document, a hồ sơ object or a whole box as a `BagIt` bag.
//!
//! In: an id or `--box NAME`, the bag's directory, who exports and the clearance stated.
//! Out: the bag written (what the principal may not see left out) and its summary: the
//! objects in it, payload files and size.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{ArgGroup, Args};
use pipeline::export::bagit::{BagSummary, Selection};
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("selection").required(true).args(["id", "box_name"])))]
// The doc comments are the `--help` text, where backticks would show.
#[allow(clippy::doc_markdown)]
pub struct ExportArgs {
    /// A document id or a hồ sơ object id.
    id: Option<String>,
    /// Export every hồ sơ object of this box (the box directory's name at ingest).
    #[arg(long = "box", value_name = "BOX_NAME")]
    box_name: Option<String>,
    /// Write a BagIt 1.0 bag to this directory (must not exist, or be empty; never inside
    /// the archive).
    #[arg(long, value_name = "OUT_DIR", required = true)]
    bagit: PathBuf,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Who makes the export, for the audit log, when
    /// no account acts (without --user) [default: the OS user].
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    #[command(flatten)]
    clearance: ClearanceArg,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// What `sohoa export` prints: the bag's summary.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ExportOutput(pub BagSummary);

impl Run for ExportArgs {
    type Output = ExportOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<ExportOutput> {
        let archive = self.archive.open()?;
        pipeline::export::refuse_inside_archive(&archive.root, &self.bagit)?;
        let selection = match (self.id, self.box_name) {
            (Some(id), None) => Selection::Id(id),
            (None, Some(name)) => Selection::Box(name),
            _ => unreachable!("clap requires exactly one of ID and --box"),
        };
        let who = ctx.principal(&archive.root, self.actor.as_deref(), self.clearance)?;
        let software_agent = format!("sohoa {}", env!("CARGO_PKG_VERSION"));
        let summary =
            archive
                .reader(&who)
                .export_bagit(&selection, &self.bagit, &software_agent)?;
        Ok(ExportOutput(summary))
    }
}

impl CommandOutput for ExportOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let summary = &self.0;
        writeln!(
            out,
            "bag {}: {} hồ sơ object(s), {} files, {} ({})",
            summary.bag.display(),
            summary.objects.len(),
            summary.payload_files,
            summary.bag_size,
            summary.payload_oxum
        )?;
        for o in &summary.objects {
            writeln!(
                out,
                "  {} {}  {} / {}  {} document(s), {} files",
                o.id,
                o.version,
                o.box_name,
                o.hoso,
                o.documents.len(),
                o.files
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use pipeline::export::bagit::ExportedObject;

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::{temp_dir, ulid};

    fn object(hoso: &str, documents: usize) -> ExportedObject {
        ExportedObject {
            id: ulid(),
            version: "v2".into(),
            inventory_sha256: "dd".repeat(32),
            box_name: "hop-017".into(),
            hoso: hoso.into(),
            ma_ho_so: Some(format!("H01.01.1997.{hoso}")),
            documents: (0..documents).map(|_| ulid()).collect(),
            files: 9,
            bytes: 1_048_576,
        }
    }

    #[test]
    fn renders_a_box_bag() {
        let dir = temp_dir();
        let output = ExportOutput(BagSummary {
            bag: dir.path().join("hop-017"),
            selection: "box hop-017".into(),
            objects: vec![object("hs-01", 2), object("hs-02", 1)],
            payload_files: 18,
            payload_bytes: 2_097_152,
            payload_oxum: "2097152.18".into(),
            bag_size: "2 MiB".into(),
            tagmanifest_sha256: "ee".repeat(32),
        });
        assert_renderings!("export", output, {
            ".bag" => "[tmp]/hop-017",
            ".objects[].id" => "[ulid]",
            ".objects[].documents[]" => "[ulid]",
        });
    }
}
