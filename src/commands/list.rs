//! `sohoa list`: the archived documents the principal may see.
//!
//! In: the archive and the clearance stated. Out: one line per document (id, pages, hồ sơ,
//! title) and their count on stderr, or `{"documents": [...]}`.

use std::io::{self, Write};

use clap::Args;
use pipeline::gate::DocumentListing;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa list` prints.
#[derive(Debug, Serialize)]
pub struct ListOutput {
    pub documents: Vec<DocumentListing>,
}

impl Run for ListArgs {
    type Output = ListOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<ListOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        let documents = archive.reader(&who).documents()?;
        Ok(ListOutput { documents })
    }
}

impl CommandOutput for ListOutput {
    const JSON_KEYS_SORTED: bool = true;

    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        for d in &self.documents {
            writeln!(
                out,
                "{}  {:>3} p.  {}  {}",
                d.id, d.page_count, d.hoso, d.title
            )?;
        }
        Ok(())
    }

    fn notes(&self, err: &mut dyn Write) -> io::Result<()> {
        writeln!(err, "{} documents", self.documents.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    fn listing(hoso: &str, title: &str, doc_type: &str, pages: usize) -> DocumentListing {
        DocumentListing {
            id: ulid(),
            object: ulid(),
            hoso: hoso.into(),
            box_name: "hop-017".into(),
            fonds: "23".into(),
            title: title.into(),
            doc_type: doc_type.into(),
            symbol: "45-NQ/TU".into(),
            date: "1997-03-12".into(),
            page_count: pages,
            needs_grant: false,
        }
    }

    #[test]
    fn renders_documents() {
        let output = ListOutput {
            documents: vec![
                listing("hs-01", "Nghị quyết về công tác văn thư", "Nghị quyết", 3),
                listing("hs-02", "Báo cáo tổng kết năm 1997", "Báo cáo", 12),
            ],
        };
        assert_renderings!("list", output, {
            ".documents[].id" => "[ulid]",
        });
    }

    #[test]
    fn renders_an_empty_archive() {
        let output = ListOutput {
            documents: Vec::new(),
        };
        assert_renderings!("list_empty", output);
    }
}
