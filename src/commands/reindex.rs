//! `sohoa reindex`: rebuild the search index from the stored objects.
//!
//! In: the archive. Out: how many documents were indexed.

use std::io::{self, Write};

use clap::Args;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa reindex`.
#[derive(Debug, Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    archive: ArchiveArg,
}

/// What `sohoa reindex` prints.
#[derive(Debug, Serialize)]
pub struct ReindexOutput {
    pub documents_indexed: usize,
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
        let documents_indexed = archive.writer(&who).reindex()?;
        Ok(ReindexOutput { documents_indexed })
    }
}

impl CommandOutput for ReindexOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{} documents indexed", self.documents_indexed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;

    #[test]
    fn renders_the_count() {
        let output = ReindexOutput {
            documents_indexed: 17,
        };
        assert_renderings!("reindex", output);
    }
}
