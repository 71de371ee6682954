//! `sohoa indexer`: the search index of a cluster, built from the coordinator's outbox.
//!
//! In: the archive (its `index/` is written here; searches read it) and the coordinator.
//! Out: committed versions indexed until stopped (or, with `--until-idle`, until no job is
//! open and the outbox is empty): [`cluster::indexer::IndexerReport`].

use std::io::{self, Write};
use std::time::Duration;

use clap::Args;
use cluster::indexer::IndexerReport;
use cluster::Coordinator;
use serde::Serialize;

use super::{ArchiveArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa indexer`.
#[derive(Debug, Args)]
pub struct IndexerArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Stop once no job is open and every committed version is indexed.
    #[arg(long)]
    until_idle: bool,
    /// Print what it did as JSON when it stops.
    #[arg(long)]
    json: bool,
}

/// What `sohoa indexer` prints when it stops.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IndexerOutput(pub IndexerReport);

impl Run for IndexerArgs {
    type Output = IndexerOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<IndexerOutput> {
        let coordinator = Coordinator::from_env()?;
        let archive = pipeline::store::Archive::open_or_create_on(
            &self.archive.archive,
            &crate::storage_env::storage_location()?,
        )?;
        let report = cluster::indexer::run(
            &coordinator,
            &archive,
            self.until_idle,
            Duration::from_millis(300),
        )?;
        Ok(IndexerOutput(report))
    }
}

impl CommandOutput for IndexerOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} versions indexed, {} documents",
            self.0.versions_indexed, self.0.documents_indexed
        )
    }
}
