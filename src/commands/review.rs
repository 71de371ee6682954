//! `sohoa review`: what needs a human look.
//!
//! In: the archive, the clearance stated, the code sets and a limit. Out: the review
//! queue's items (low-confidence fields and pages, rule breaks, splitter notes) grouped under
//! their document, and how many there are in all.

use std::io::{self, Write};

use clap::Args;
use pipeline::review::ReviewItem;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, CodesArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    #[command(flatten)]
    clearance: ClearanceArg,
    #[command(flatten)]
    codes: CodesArg,
    /// Show at most this many items.
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long)]
    json: bool,
}

/// What `sohoa review` prints: the items shown (at most `--limit`) and the queue's length.
#[derive(Debug, Serialize)]
pub struct ReviewOutput {
    pub items: Vec<ReviewItem>,
    pub total: usize,
}

impl Run for ReviewArgs {
    type Output = ReviewOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<ReviewOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        let mut items = archive.reader(&who).review_queue(self.codes.sets())?;
        let total = items.len();
        items.truncate(self.limit.unwrap_or(usize::MAX));
        Ok(ReviewOutput { items, total })
    }
}

impl CommandOutput for ReviewOutput {
    const JSON_KEYS_SORTED: bool = true;

    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut last = None;
        for item in &self.items {
            if last != Some(&item.id) {
                writeln!(
                    out,
                    "{}  {}  ({}/{})",
                    item.id, item.title, item.box_name, item.hoso
                )?;
                last = Some(&item.id);
            }
            let field = item
                .field
                .as_deref()
                .map(|f| format!("{f}: "))
                .unwrap_or_default();
            let value = item
                .value
                .as_ref()
                .map(|v| format!("{v} — "))
                .unwrap_or_default();
            let page = item
                .page
                .map(|p| format!(" [page {p}]"))
                .unwrap_or_default();
            writeln!(out, "  {field}{value}{}{page}", item.reason)?;
        }
        writeln!(
            out,
            "{} items to review{}; correct with `sohoa edit ID --set KEY=VALUE`, \
             accept with `sohoa edit ID --reviewed`",
            self.total,
            if self.items.len() < self.total {
                format!(" ({} shown)", self.items.len())
            } else {
                String::new()
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use pipeline::review::ReviewKind;
    use serde_json::json;

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    /// A document of the queue: its id, its object's id and its title.
    type Document<'a> = (&'a str, &'a str, &'a str);

    fn item(
        (id, object, title): Document,
        kind: ReviewKind,
        field: Option<&str>,
        page: Option<u32>,
    ) -> ReviewItem {
        ReviewItem {
            id: id.into(),
            object: object.into(),
            box_name: "hop-017".into(),
            hoso: "hs-01".into(),
            title: title.into(),
            kind,
            field: field.map(str::to_string),
            value: field.map(|_| json!("45-NQ/TU")),
            confidence: field.map(|_| 0.42),
            page,
            bbox: field.map(|_| [120, 340, 410, 48]),
            reason: "confidence 42 below 60".into(),
        }
    }

    #[test]
    fn renders_the_queue_cut_by_limit() {
        let (first_id, second_id, object) = (ulid(), ulid(), ulid());
        let first = (
            first_id.as_str(),
            object.as_str(),
            "Nghị quyết về công tác văn thư",
        );
        let second = (
            second_id.as_str(),
            object.as_str(),
            "Báo cáo tổng kết năm 1997",
        );
        let output = ReviewOutput {
            items: vec![
                item(
                    first,
                    ReviewKind::LowConfidenceField,
                    Some("so_ky_hieu"),
                    None,
                ),
                item(first, ReviewKind::LowConfidencePage, None, Some(2)),
                item(second, ReviewKind::SplitNote, None, None),
            ],
            total: 5,
        };
        assert_renderings!("review", output, {
            ".items[].id" => "[ulid]",
            ".items[].object" => "[ulid]",
        });
    }
}
