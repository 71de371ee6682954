//! `sohoa reindex`: rebuild the search index from the stored objects, or write the search
//! documents for Quickwit (`--quickwit DIR`, DESIGN.md §8).
//!
//! In: the archive. Out: how many documents were indexed (or exported, and where).

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa reindex`.
#[derive(Debug, Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Instead of the index, write Quickwit's index configuration (index-config.json) and
    /// the pages as NDJSON with the text pre-normalised by sohoa's analyzers
    /// (documents.ndjson) into this directory (outside the archive; existing files are
    /// never overwritten). See the README, "the Quickwit export".
    #[arg(long, value_name = "OUT_DIR")]
    quickwit: Option<PathBuf>,
    /// The Quickwit index id written in the configuration.
    #[arg(
        long,
        value_name = "ID",
        default_value = "sohoa",
        requires = "quickwit"
    )]
    index_id: String,
}

/// What `sohoa reindex` prints.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ReindexOutput {
    Indexed { documents_indexed: usize },
    Quickwit(pipeline::catalog::QuickwitExport),
}

impl Run for ReindexArgs {
    type Output = ReindexOutput;

    /// `reindex` has no `--json`.
    fn format(&self) -> Format {
        Format::Human
    }

    fn run(self, ctx: &Context) -> anyhow::Result<ReindexOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, ClearanceArg::default())?;
        let writer = archive.writer(&who);
        Ok(match self.quickwit {
            Some(dir) => ReindexOutput::Quickwit(writer.export_quickwit(&dir, &self.index_id)?),
            None => ReindexOutput::Indexed {
                documents_indexed: writer.reindex()?,
            },
        })
    }
}

impl CommandOutput for ReindexOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            ReindexOutput::Indexed { documents_indexed } => {
                writeln!(out, "{documents_indexed} documents indexed")
            }
            ReindexOutput::Quickwit(export) => writeln!(
                out,
                "{} documents ({} pages) exported for Quickwit: {}\nindex configuration: {}",
                export.documents_exported,
                export.pages_exported,
                export.documents.display(),
                export.config.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;

    #[test]
    fn renders_the_count() {
        let output = ReindexOutput::Indexed {
            documents_indexed: 17,
        };
        assert_renderings!("reindex", output);
    }

    #[test]
    fn renders_a_quickwit_export() {
        let output = ReindexOutput::Quickwit(pipeline::catalog::QuickwitExport {
            config: PathBuf::from("/srv/qw/index-config.json"),
            documents: PathBuf::from("/srv/qw/documents.ndjson"),
            documents_exported: 12,
            pages_exported: 40,
        });
        assert_renderings!("reindex_quickwit", output);
    }
}
