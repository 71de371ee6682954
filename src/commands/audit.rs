//! `sohoa audit verify` and `sohoa audit log`: the tamper-evident audit log.
//!
//! In: the archive; for `verify` a chain head recorded earlier, for `log` a filter and the
//! clearance stated. Out: `verify` — the chain's state and that of the page-level access log
//! chained to it (entries, head, what is broken, whether the recorded head is still in the
//! log), exit code 4 when broken; `log` — the entries (or, with `--access`, the page views)
//! the principal may see.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use pipeline::gate::AuditFilter;
use pipeline::store::audit::{AuditCheck, AuditEntry};
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Execute, Run};
use crate::output::{CommandOutput, Format};

/// Exit code of a broken chain.
const EXIT_BROKEN: u8 = 4;

/// `sohoa audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check every entry's hash and link; exit 4 when the log was edited, cut or reordered.
    Verify(AuditVerifyArgs),
    /// Show the entries: who did what, when, to which object.
    Log(AuditLogArgs),
}

impl Execute for AuditCommand {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        match self {
            AuditCommand::Verify(args) => args.execute(ctx),
            AuditCommand::Log(args) => args.execute(ctx),
        }
    }
}

/// `sohoa audit verify`.
#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// A chain head recorded earlier (printed by `verify`): also prove the log extends it.
    #[arg(long, value_name = "HASH")]
    head: Option<String>,
    #[arg(long)]
    json: bool,
}

/// What `sohoa audit verify` prints.
#[derive(Debug, Serialize)]
pub struct AuditVerifyOutput {
    #[serde(flatten)]
    pub check: AuditCheck,
    /// The head given with `--head`.
    #[serde(skip)]
    pub recorded_head: Option<String>,
}

impl Run for AuditVerifyArgs {
    type Output = AuditVerifyOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<AuditVerifyOutput> {
        let archive = self.archive.open()?;
        // The chain as a whole (hashes and links), no entry's content: not a read of the
        // archive's records, so not through the gate.
        let check = archive.check_audit(self.head.as_deref())?;
        Ok(AuditVerifyOutput {
            check,
            recorded_head: self.head,
        })
    }
}

impl CommandOutput for AuditVerifyOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let check = &self.check;
        for p in &check.problems {
            writeln!(out, "BROKEN  {p}")?;
        }
        if let Some(extends) = check.extends_head {
            writeln!(
                out,
                "recorded head {}: {}",
                self.recorded_head.as_deref().unwrap_or_default(),
                if extends {
                    "still in the log"
                } else {
                    "NOT in the log"
                }
            )?;
        }
        if let Some(access) = &check.access_log {
            writeln!(
                out,
                "access log: {} entries; head {}; recorded in the audit log up to entry {}",
                access.entries, access.head, access.anchored_seq
            )?;
        }
        writeln!(
            out,
            "{} entries; chain {}; head {}",
            check.entries,
            if check.ok { "intact" } else { "BROKEN" },
            check.head
        )
    }

    fn exit_code(&self) -> u8 {
        if self.check.ok {
            0
        } else {
            EXIT_BROKEN
        }
    }
}

/// `sohoa audit log`.
#[derive(Debug, Args)]
pub struct AuditLogArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Only entries about this hồ sơ object (or document id's object).
    #[arg(long, value_name = "ID")]
    object: Option<String>,
    /// Only this action (`ingest`, `edit`, `verify`, `withhold`, `export`, `read`,
    /// `request-submit`, `request-decision`, `grant-use`, `grant-revoke`, `grant-expire` …).
    #[arg(long, value_name = "ACTION")]
    action: Option<String>,
    /// Only the last N entries.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Only entries by this account (or local operator): their access history, the
    /// requests they submitted, the decisions they made (`--action request-decision`).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// Only entries naming this document id (reads, grant uses, requests, decisions).
    #[arg(long, value_name = "ID")]
    document: Option<String>,
    /// Only entries of this day (UTC) or later, `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE")]
    from: Option<chrono::NaiveDate>,
    /// Only entries of this day (UTC) or earlier, `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE")]
    to: Option<chrono::NaiveDate>,
    /// The page views of the access log (`ARCHIVE/service/access.jsonl`) instead.
    #[arg(long)]
    access: bool,
    /// Also entries about documents with chế độ sử dụng Mật, and approval references
    /// (without it, they are left out).
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa audit log` prints.
#[derive(Debug, Serialize)]
pub struct AuditLogOutput {
    pub entries: Vec<AuditEntry>,
}

impl Run for AuditLogArgs {
    type Output = AuditLogOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AuditLogOutput> {
        let archive = self.archive.open()?;
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        let filter = AuditFilter {
            object: self.object,
            action: self.action,
            actor: self.by,
            document: self.document,
            limit: self.limit,
            from: self.from,
            to: self.to,
        };
        let reader = archive.reader(&who);
        let entries = if self.access {
            reader.access_log(&filter)?
        } else {
            reader.audit_log(&filter)?
        };
        Ok(AuditLogOutput { entries })
    }
}

impl CommandOutput for AuditLogOutput {
    const JSON_KEYS_SORTED: bool = true;

    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        for e in &self.entries {
            writeln!(
                out,
                "{:>5}  {}  {:<10} {:<12} {}  {}",
                e.seq,
                e.time,
                e.actor,
                e.action,
                e.object.as_deref().unwrap_or("-"),
                e.detail
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use pipeline::store::access::AccessLogCheck;

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::{now, ulid};

    const HEAD: &str = "3f9a0c5e1b7d2a4f8e6c0b9d1a3e5f7c9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";

    #[test]
    fn renders_an_intact_chain_extending_a_recorded_head() {
        let output = AuditVerifyOutput {
            check: AuditCheck {
                ok: true,
                entries: 42,
                head: HEAD.into(),
                problems: Vec::new(),
                extends_head: Some(true),
                access_log: Some(AccessLogCheck {
                    entries: 1200,
                    head: HEAD.replace('3', "4"),
                    anchored_seq: 1184,
                }),
            },
            recorded_head: Some("3f9a0c5e".into()),
        };
        assert_eq!(output.exit_code(), 0);
        assert_renderings!("audit_verify_intact", output);
    }

    #[test]
    fn renders_a_broken_chain() {
        let output = AuditVerifyOutput {
            check: AuditCheck {
                ok: false,
                entries: 41,
                head: HEAD.into(),
                problems: vec!["entry 17: its hash does not match its content".into()],
                extends_head: None,
                access_log: None,
            },
            recorded_head: None,
        };
        assert_eq!(output.exit_code(), EXIT_BROKEN);
        assert_renderings!("audit_verify_broken", output);
    }

    #[test]
    fn renders_log_entries() {
        let entry = |seq: u64, action: &str, object: Option<String>, detail| AuditEntry {
            seq,
            time: now(),
            actor: "nguyen.van.a".into(),
            action: action.into(),
            object,
            detail,
            prev: HEAD.into(),
            hash: HEAD.into(),
        };
        let output = AuditLogOutput {
            entries: vec![
                entry(
                    1,
                    "ingest",
                    Some(ulid()),
                    json!({"box": "hop-017", "version": "v1"}),
                ),
                entry(2, "verify", None, json!({"ok": true, "objects": 3})),
            ],
        };
        assert_renderings!("audit_log", output, {
            ".entries[].time" => "[time]",
            ".entries[].object" => "[ulid]",
        });
    }
}
