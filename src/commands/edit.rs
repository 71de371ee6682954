//! `sohoa edit`: corrections of catalog fields, or of a hồ sơ's split into documents,
//! stored as a new version of the hồ sơ object.
//!
//! In: a document or hồ sơ object id, `KEY=VALUE` settings and/or `--reviewed`, a reason and
//! the clearance stated; or a hồ sơ object id and one of `--move-boundary DOC=PAGE`,
//! `--split-at DOC=PAGE`, `--merge DOC` with `--reason` (PAGE: the page number within the
//! hồ sơ). Out: the version written and each field's change (old → new), or that nothing
//! changed; for a split, the documents and their pages before and after. A malformed
//! setting, a value the code sets refuse, or a split that cannot be made as asked (a page
//! outside the document, no reason) is a usage error (exit 2). In cluster mode (a
//! coordinator database configured) the change commits under the coordinator's object lock,
//! records the object's new head, appends to the audit chain through it, and leaves the
//! index to `sohoa indexer` (an outbox row).

use std::io::{self, Write};

use clap::{ArgGroup, Args};
use pipeline::edit::EditOutcome;
use pipeline::gate::{EditRequest, SplitOperation, SplitOutcome, SplitRequest};
use pipeline::resplit::page_range;
use pipeline::Error;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, CodesArg, Context, Run};
use crate::cli::UsageError;
use crate::output::{CommandOutput, Format};

/// `sohoa edit`.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("split")
        .args(["move_boundary", "split_at", "merge"])
        .conflicts_with_all(["set", "reviewed"])
))]
pub struct EditArgs {
    /// Document id (tài liệu record keys) or hồ sơ object id (hồ sơ record keys; and the
    /// hồ sơ whose split --move-boundary, --split-at or --merge corrects).
    id: String,
    /// A field to set, by its record key (e.g. `trich_yeu=…`, `ngay_ban_hanh=1997-03-12`);
    /// an empty value clears it. Repeatable.
    #[arg(
        long = "set",
        value_name = "KEY=VALUE",
        required_unless_present_any = ["reviewed", "move_boundary", "split_at", "merge"]
    )]
    set: Vec<String>,
    /// Accept the document as it is: its remaining low-confidence values, pages and
    /// notes leave the review queue (`sohoa review`).
    #[arg(long)]
    reviewed: bool,
    /// Correct the split: document DOC begins on page PAGE of the hồ sơ (the boundary with
    /// the document before it moves). Needs --reason.
    #[arg(long, value_name = "DOC=PAGE")]
    move_boundary: Option<String>,
    /// Correct the split: document DOC's pages from page PAGE of the hồ sơ on become a new
    /// document. Needs --reason.
    #[arg(long, value_name = "DOC=PAGE")]
    split_at: Option<String>,
    /// Correct the split: document DOC joins the document before it. Needs --reason.
    #[arg(long, value_name = "DOC")]
    merge: Option<String>,
    #[command(flatten)]
    codes: CodesArg,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Who makes the correction, for the version and the audit log, when
    /// no account acts (without --user) [default: the OS user].
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Why: required to change chế độ sử dụng or độ mật, and to correct a split; recorded
    /// with the change.
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// The clearance to correct documents needing one (and to change chế độ sử dụng or
    /// độ mật: it must cover the value before and after).
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa edit` prints: the version written and the changes.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum EditOutput {
    /// Fields corrected.
    Fields(EditOutcome),
    /// A split corrected.
    Split(SplitOutcome),
}

/// `DOC=PAGE` of `--{flag}`.
fn document_page(flag: &str, value: &str) -> Result<(String, u32), UsageError> {
    value
        .split_once('=')
        .and_then(|(doc, page)| {
            let page = page.trim().parse::<u32>().ok().filter(|p| *p > 0)?;
            Some((doc.trim().to_string(), page)).filter(|(d, _)| !d.is_empty())
        })
        .ok_or_else(|| {
            UsageError(format!(
                "--{flag} {value:?}: expected DOC=PAGE (a document id and a page number of \
                 the hồ sơ, from 1)"
            ))
        })
}

impl EditArgs {
    /// The correction of the split asked for, if one is.
    fn split_operation(&self) -> Result<Option<SplitOperation>, UsageError> {
        if let Some(value) = &self.move_boundary {
            let (document, page) = document_page("move-boundary", value)?;
            return Ok(Some(SplitOperation::MoveBoundary { document, page }));
        }
        if let Some(value) = &self.split_at {
            let (document, page) = document_page("split-at", value)?;
            return Ok(Some(SplitOperation::SplitAt { document, page }));
        }
        Ok(self.merge.as_ref().map(|document| SplitOperation::Merge {
            document: document.trim().to_string(),
        }))
    }
}

impl Run for EditArgs {
    type Output = EditOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<EditOutput> {
        let archive = self.archive.open_for_change()?;
        if let Some(operation) = self.split_operation()? {
            let who = ctx.principal(&archive.root, self.actor.as_deref(), self.clearance)?;
            let request = SplitRequest {
                object: &self.id,
                operation: &operation,
                reason: self.reason.as_deref(),
            };
            return match archive.writer(&who).correct_split(&request) {
                Ok(outcome) => Ok(EditOutput::Split(outcome)),
                Err(e @ Error::Split(_)) => Err(UsageError(e.to_string()).into()),
                Err(e) => Err(e.into()),
            };
        }
        let settings = self
            .set
            .iter()
            .map(|s| pipeline::edit::parse_setting(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| UsageError(e.to_string()))?;
        let request = EditRequest {
            id: &self.id,
            settings: &settings,
            reviewed: self.reviewed,
            reason: self.reason.as_deref(),
            codes: self.codes.sets(),
        };
        let who = ctx.principal(&archive.root, self.actor.as_deref(), self.clearance)?;
        match archive.writer(&who).edit(&request) {
            Ok(outcome) => Ok(EditOutput::Fields(outcome)),
            Err(e @ Error::Schema(_)) => Err(UsageError(e.to_string()).into()),
            Err(e) => Err(e.into()),
        }
    }
}

impl CommandOutput for EditOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let outcome = match self {
            EditOutput::Fields(outcome) => outcome,
            EditOutput::Split(outcome) => return split_human(outcome, out),
        };
        if outcome.changes.is_empty() {
            return writeln!(
                out,
                "nothing changed: {} stays at {}",
                outcome.object, outcome.version
            );
        }
        writeln!(
            out,
            "{} {}: {} field(s) changed",
            outcome.object,
            outcome.version,
            outcome.changes.len()
        )?;
        for c in &outcome.changes {
            writeln!(
                out,
                "  {}: {} → {}",
                c.key,
                shown(c.old.as_ref()),
                shown(c.new.as_ref())
            )?;
        }
        Ok(())
    }
}

/// The readable account of a corrected split: the documents and their pages before and
/// after, which were read again, made or removed.
fn split_human(outcome: &SplitOutcome, out: &mut dyn Write) -> io::Result<()> {
    let what = match &outcome.operation {
        SplitOperation::MoveBoundary { document, page } => {
            format!("document {document} now begins on page {page}")
        }
        SplitOperation::SplitAt { document, page } => {
            format!("document {document} split before page {page}")
        }
        SplitOperation::Merge { document } => {
            format!("document {document} merged into the one before it")
        }
    };
    writeln!(
        out,
        "{} {}: split corrected: {what}",
        outcome.object, outcome.version
    )?;
    writeln!(out, "reason: {}", outcome.reason)?;
    writeln!(out, "before:")?;
    for (i, d) in outcome.before.iter().enumerate() {
        let gone = if outcome.removed.contains(&d.document) {
            "  (removed)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {}. {}  pages {}{gone}",
            i + 1,
            d.document,
            page_range(&d.pages)
        )?;
    }
    writeln!(out, "after:")?;
    for (i, d) in outcome.after.iter().enumerate() {
        let note = if outcome.created.contains(&d.document) {
            "  (new, read from its pages)"
        } else if outcome.changed.contains(&d.document) {
            "  (read again from its pages)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {}. {}  pages {}{note}",
            i + 1,
            d.document,
            page_range(&d.pages)
        )?;
    }
    Ok(())
}

/// A field's value for the terminal: text as it is, other values as JSON, `(none)` when the
/// field has no value.
fn shown(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => "(none)".to_string(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use pipeline::edit::FieldChange;
    use serde_json::json;

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    #[test]
    fn renders_changes() {
        let output = EditOutput::Fields(EditOutcome {
            object: ulid(),
            document: Some(ulid()),
            version: "v3".into(),
            changes: vec![
                FieldChange {
                    key: "trich_yeu".into(),
                    old: Some(json!("Về công tác văn thu")),
                    new: Some(json!("Về công tác văn thư")),
                },
                FieldChange {
                    key: "ngay_ban_hanh".into(),
                    old: None,
                    new: Some(json!("1998-04-15")),
                },
                FieldChange {
                    key: "reviewed".into(),
                    old: Some(json!(["page 4 may be missing"])),
                    new: Some(json!(true)),
                },
                FieldChange {
                    key: "dia_danh".into(),
                    old: Some(json!("Buôn Ma Thuột")),
                    new: Some(serde_json::Value::Null),
                },
            ],
        });
        assert_renderings!("edit", output, {
            ".object" => "[ulid]",
            ".document" => "[ulid]",
        });
    }

    #[test]
    fn renders_no_change() {
        let output = EditOutput::Fields(EditOutcome {
            object: ulid(),
            document: None,
            version: "v1".into(),
            changes: Vec::new(),
        });
        assert_renderings!("edit_unchanged", output, {
            ".object" => "[ulid]",
        });
    }

    #[test]
    fn renders_a_corrected_split() {
        use pipeline::resplit::DocumentPages;
        let (a, b, c) = (ulid(), ulid(), ulid());
        let pages = |document: &String, pages: &[u32]| DocumentPages {
            document: document.clone(),
            pages: pages.to_vec(),
        };
        let output = EditOutput::Split(SplitOutcome {
            object: ulid(),
            version: "v4".into(),
            operation: SplitOperation::SplitAt {
                document: b.clone(),
                page: 5,
            },
            reason: "công văn kèm theo là tài liệu riêng".into(),
            before: vec![pages(&a, &[1, 2]), pages(&b, &[3, 4, 5, 6])],
            after: vec![pages(&a, &[1, 2]), pages(&b, &[3, 4]), pages(&c, &[5, 6])],
            changed: vec![b.clone(), c.clone()],
            created: vec![c],
            removed: Vec::new(),
        });
        assert_renderings!("edit_split", output, {
            ".object" => "[ulid]",
            ".document" => "[ulid]",
            ".before[].document" => "[ulid]",
            ".after[].document" => "[ulid]",
            ".changed[]" => "[ulid]",
            ".created[]" => "[ulid]",
        });
    }
}
