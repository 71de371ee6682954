//! `sohoa history`: the versions of a document's hồ sơ object.
//!
//! In: a document or hồ sơ object id and the clearance stated. Out: each version with who
//! made it, when, its message and how many files it added, changed and removed.

use std::io::{self, Write};

use clap::Args;
use pipeline::gate::History;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Document id or hồ sơ object id.
    id: String,
    #[command(flatten)]
    archive: ArchiveArg,
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa history` prints.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct HistoryOutput(pub History);

impl Run for HistoryArgs {
    type Output = HistoryOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<HistoryOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        Ok(HistoryOutput(archive.reader(&who).history(&self.id)?))
    }
}

impl CommandOutput for HistoryOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let history = &self.0;
        writeln!(
            out,
            "object {} (box {}, hồ sơ {}), head {}",
            history.object, history.box_name, history.hoso, history.head
        )?;
        for v in &history.versions {
            writeln!(
                out,
                "{}  {}  {}  {}",
                v.version,
                v.created,
                v.user.as_deref().unwrap_or("-"),
                v.message.as_deref().unwrap_or("")
            )?;
            writeln!(
                out,
                "    {} added, {} changed, {} removed",
                v.added.len(),
                v.modified.len(),
                v.removed.len()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use pipeline::store::history::VersionEntry;

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::{now, ulid};

    #[test]
    fn renders_versions() {
        let document = ulid();
        let output = HistoryOutput(History {
            id: document.clone(),
            object: ulid(),
            document: Some(document),
            head: "v2".into(),
            box_name: "hop-017".into(),
            hoso: "hs-01".into(),
            versions: vec![
                VersionEntry {
                    version: "v1".into(),
                    created: now(),
                    user: Some("sohoa ingest (nguyen.van.a)".into()),
                    message: Some("ingest of box hop-017".into()),
                    added: vec![
                        "originals/hs-01/scan-01.tif".into(),
                        "pages/0001.json".into(),
                    ],
                    modified: Vec::new(),
                    removed: Vec::new(),
                },
                VersionEntry {
                    version: "v2".into(),
                    created: now(),
                    user: None,
                    message: None,
                    added: Vec::new(),
                    modified: vec!["metadata/documents/x.json".into()],
                    removed: vec!["access/old.pdf".into()],
                },
            ],
        });
        assert_renderings!("history", output, {
            ".id" => "[ulid]",
            ".object" => "[ulid]",
            ".document" => "[ulid]",
            ".versions[].created" => "[time]",
        });
    }
}
