//! `sohoa edit`: corrections of catalog fields, stored as a new version of the hồ sơ
//! object.
//!
//! In: a document or hồ sơ object id, `KEY=VALUE` settings and/or `--reviewed`, a reason and
//! the clearance stated. Out: the version written and each field's change (old → new), or
//! that nothing changed; a malformed setting or a value the code sets refuse is a usage
//! error (exit 2).

use std::io::{self, Write};

use clap::Args;
use pipeline::edit::EditOutcome;
use pipeline::gate::EditRequest;
use pipeline::Error;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, CodesArg, Context, Run};
use crate::cli::UsageError;
use crate::output::{CommandOutput, Format};

/// `sohoa edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Document id (tài liệu record keys) or hồ sơ object id (hồ sơ record keys).
    id: String,
    /// A field to set, by its record key (e.g. `trich_yeu=…`, `ngay_ban_hanh=1997-03-12`);
    /// an empty value clears it. Repeatable.
    #[arg(
        long = "set",
        value_name = "KEY=VALUE",
        required_unless_present = "reviewed"
    )]
    set: Vec<String>,
    /// Accept the document as it is: its remaining low-confidence values, pages and
    /// notes leave the review queue (`sohoa review`).
    #[arg(long)]
    reviewed: bool,
    #[command(flatten)]
    codes: CodesArg,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Who makes the correction, for the version and the audit log, when
    /// no account acts (without --user) [default: the OS user].
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Why: required to change chế độ sử dụng or độ mật; recorded with the change.
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
#[serde(transparent)]
pub struct EditOutput(pub EditOutcome);

impl Run for EditArgs {
    type Output = EditOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<EditOutput> {
        let archive = self.archive.open()?;
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
            Ok(outcome) => Ok(EditOutput(outcome)),
            Err(e @ Error::Schema(_)) => Err(UsageError(e.to_string()).into()),
            Err(e) => Err(e.into()),
        }
    }
}

impl CommandOutput for EditOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let outcome = &self.0;
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
        let output = EditOutput(EditOutcome {
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
        let output = EditOutput(EditOutcome {
            object: ulid(),
            document: None,
            version: "v1".into(),
            changes: Vec::new(),
        });
        assert_renderings!("edit_unchanged", output, {
            ".object" => "[ulid]",
        });
    }
}
