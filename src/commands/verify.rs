//! `sohoa verify`: re-hash stored files and check the store against the audit log and the
//! index.
//!
//! In: the archive and a scope (all, `--sample N` or `--sample SHARE`, `--since DATE`); with
//! `--cluster`, the coordinator, whose workers check the objects as verify jobs
//! (`cluster::verify`). Out: the report (objects
//! and files checked, missing, corrupted and unexpected files, disagreements with the audit
//! log and the index, the audit chain head); exit code 4 on damage.

use std::io::{self, Write};

use clap::Args;
use pipeline::verify::{Scope, VerifyReport};
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::output::{CommandOutput, Format};
use crate::progress::{Bar, ProgressUnit};

/// Exit code of a verification that found damage.
const EXIT_DAMAGE: u8 = 4;

/// `sohoa verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Check only a sample: N objects, or a share of them (`0.1` or `10%`), those verified
    /// longest ago (never-verified objects first).
    #[arg(long, value_name = "N|SHARE", conflicts_with = "since", value_parser = parse_sample)]
    sample: Option<Sample>,
    /// Check only objects changed (a version written) on or after DATE
    /// (`2026-11-01` or `2026-11-01T08:00:00+07:00`).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    since: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Deprecated: the report names only the objects, documents and files the acting
    /// account's clearance covers (`toi-mat`: everything) and counts the rest; this narrows it.
    #[command(flatten)]
    clearance: ClearanceArg,
    /// Who runs the verification, for the audit log, when
    /// no account acts (without --user) [default: the OS user].
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Cluster mode: the objects are checked by `sohoa worker`s as verify jobs (where they
    /// read the storage); this command waits for them, shows their progress, and checks
    /// the whole archive (audit log, index, stray files) itself.
    #[arg(long)]
    cluster: bool,
    /// Hide the progress bar.
    #[arg(long)]
    no_progress: bool,
    #[arg(long)]
    json: bool,
}

/// What `sohoa verify` prints: the report.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct VerifyOutput(pub VerifyReport);

impl Run for VerifyArgs {
    type Output = VerifyOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<VerifyOutput> {
        let archive = self.archive.open()?;
        let scope = match (self.sample, self.since) {
            (Some(Sample::Count(n)), _) => Scope::Sample(n),
            (Some(Sample::Share(share)), _) => Scope::Share(share),
            (None, Some(t)) => Scope::ChangedSince(t),
            (None, None) => Scope::All,
        };
        let visible = !self.no_progress && ctx.stderr_is_terminal;
        let who = ctx.principal(&archive.root, self.actor.as_deref(), self.clearance)?;
        if self.cluster {
            let coordinator = cluster::Coordinator::from_env()?;
            // The run's audit entry goes through the coordinator's chain head.
            let archive = coordinator.coordinate(archive);
            let progress = Bar::new(visible, ProgressUnit::Objects);
            let checker = cluster::verify::JobChecker::new(&coordinator);
            return Ok(VerifyOutput(
                archive
                    .writer(&who)
                    .verify_by(&scope, &progress, &checker)?,
            ));
        }
        let progress = Bar::new(visible, ProgressUnit::Bytes);
        Ok(VerifyOutput(
            archive.writer(&who).verify(&scope, &progress)?,
        ))
    }
}

/// `--sample`: how many objects.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sample {
    Count(usize),
    /// More than 0, at most 1.
    Share(f64),
}

/// `--sample N` (a whole number), `--sample 0.1` or `--sample 10%`.
fn parse_sample(value: &str) -> Result<Sample, String> {
    let value = value.trim();
    if let Ok(n) = value.parse::<usize>() {
        return Ok(Sample::Count(n));
    }
    let share = match value.strip_suffix('%') {
        Some(percent) => percent.trim().parse::<f64>().map(|p| p / 100.0),
        None => value.parse::<f64>(),
    };
    match share {
        Ok(share) if share > 0.0 && share <= 1.0 => Ok(Sample::Share(share)),
        _ => Err(format!(
            "`{value}` is neither a number of objects nor a share of them (more than 0, at \
             most 1: `0.1` or `10%`)"
        )),
    }
}

impl CommandOutput for VerifyOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let report = &self.0;
        writeln!(
            out,
            "{}: {} of {} objects ({}), {} files, {} bytes checked",
            if report.ok { "OK" } else { "DAMAGED" },
            report.objects_checked,
            report.objects_in_archive,
            report.scope,
            report.files_checked,
            report.bytes_checked
        )?;
        for m in &report.missing {
            writeln!(out, "  missing     {m}")?;
        }
        for c in &report.corrupted {
            writeln!(
                out,
                "  corrupted   {} (expected sha256 {}, found {})",
                c.path, c.expected, c.actual
            )?;
        }
        for u in &report.unexpected {
            writeln!(out, "  unexpected  {u}")?;
        }
        for m in &report.audit_mismatches {
            writeln!(out, "  audit log   {}", m.message)?;
        }
        for m in &report.index_mismatches {
            writeln!(out, "  index       {}", m.message)?;
        }
        for w in &report.warnings {
            writeln!(out, "  warning     {w}")?;
        }
        let not = &report.not_named;
        if !not.is_empty() {
            writeln!(
                out,
                "  not named   {} findings and {} objects ({} damaged) your clearance does not \
                 cover (an auditor account cleared toi-mat sees them)",
                not.findings(),
                not.objects,
                not.damaged_objects
            )?;
        }
        for o in &report.objects {
            writeln!(
                out,
                "  object {} {} ({} versions, {} content files): {}",
                o.id,
                o.head,
                o.versions,
                o.files_checked,
                if o.ok { "intact" } else { "DAMAGED" }
            )?;
        }
        writeln!(
            out,
            "audit chain head: {} ({})",
            report.audit_head,
            if report.audit_chain_ok {
                "chain intact"
            } else {
                "CHAIN BROKEN"
            }
        )
    }

    fn exit_code(&self) -> u8 {
        if self.0.ok {
            0
        } else {
            EXIT_DAMAGE
        }
    }
}

/// `--since`: a date (midnight UTC) or an RFC 3339 time.
fn parse_since(value: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
        return Ok(t);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset())
        .map_err(|_| format!("`{value}` is not a date (YYYY-MM-DD) or an RFC 3339 time"))
}

#[cfg(test)]
mod tests {
    use pipeline::verify::{
        AuditDisagreement, AuditMismatch, Corruption, IndexDisagreement, IndexMismatch, NotNamed,
        ObjectReport,
    };

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    const HEAD: &str = "3f9a0c5e1b7d2a4f8e6c0b9d1a3e5f7c9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";

    fn object(ok: bool) -> ObjectReport {
        ObjectReport {
            id: ulid(),
            path: "ocfl/3f9/a0c/5e1/obj".into(),
            head: "v2".into(),
            versions: 2,
            ok,
            files_checked: 14,
            bytes_checked: 2_400_000,
            ..ObjectReport::default()
        }
    }

    #[test]
    fn renders_an_intact_archive() {
        let output = VerifyOutput(VerifyReport {
            ok: true,
            scope: "all".into(),
            objects_in_archive: 1,
            objects_checked: 1,
            files_checked: 14,
            bytes_checked: 2_400_000,
            audit_head: HEAD.into(),
            audit_chain_ok: true,
            objects: vec![object(true)],
            ..VerifyReport::default()
        });
        assert_eq!(output.exit_code(), 0);
        assert_renderings!("verify_intact", output, {
            ".objects[].id" => "[ulid]",
        });
    }

    #[test]
    fn renders_damage() {
        let damaged = object(false);
        let output = VerifyOutput(VerifyReport {
            ok: false,
            scope: "sample of 2".into(),
            objects_in_archive: 3,
            objects_checked: 2,
            files_checked: 20,
            bytes_checked: 3_100_000,
            missing: vec![format!("{}/v1/content/pages/0002.json", damaged.path)],
            corrupted: vec![Corruption {
                path: format!("{}/v1/content/originals/hs-01/scan-01.tif", damaged.path),
                expected: "aa".repeat(32),
                actual: "bb".repeat(32),
            }],
            unexpected: vec!["ocfl/stray.txt".into()],
            warnings: vec!["index: 1 document missing".into()],
            audit_head: HEAD.into(),
            audit_chain_ok: false,
            audit_mismatches: vec![AuditMismatch {
                object: damaged.id.clone(),
                kind: AuditDisagreement::OlderThanLog,
                store_version: Some("v1".into()),
                logged_version: Some("v2".into()),
                logged_seq: Some(7),
                message: format!(
                    "{}: head v1 is older than v2 the audit log records",
                    damaged.id
                ),
            }],
            index_mismatches: vec![IndexMismatch {
                document: ulid(),
                kind: IndexDisagreement::OpenInIndexRestrictedInStore,
                message: "a document Mật in the store is open in the index".into(),
            }],
            objects: vec![damaged, object(true)],
            not_named: NotNamed {
                objects: 1,
                damaged_objects: 1,
                corrupted: 1,
                ..NotNamed::default()
            },
        });
        assert_eq!(output.exit_code(), EXIT_DAMAGE);
        assert_renderings!("verify_damaged", output, {
            ".objects[].id" => "[ulid]",
            ".audit_mismatches[].object" => "[ulid]",
            ".audit_mismatches[].message" => "[ulid]: head v1 is older than v2 the audit log records",
            ".index_mismatches[].document" => "[ulid]",
        });
    }

    #[test]
    fn a_sample_is_a_count_or_a_share() {
        assert_eq!(parse_sample("5").unwrap(), Sample::Count(5));
        assert_eq!(parse_sample("0.25").unwrap(), Sample::Share(0.25));
        assert_eq!(parse_sample("10%").unwrap(), Sample::Share(0.1));
        assert_eq!(parse_sample("1.0").unwrap(), Sample::Share(1.0));
        for bad in ["0.0", "1.5", "150%", "-3", "mười"] {
            assert!(parse_sample(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn since_takes_a_date_or_a_time() {
        assert_eq!(
            parse_since("2026-11-01").unwrap().to_rfc3339(),
            "2026-11-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_since("2026-11-01T08:00:00+07:00")
                .unwrap()
                .to_rfc3339(),
            "2026-11-01T08:00:00+07:00"
        );
        assert!(parse_since("1 Nov 2026").is_err());
    }
}
