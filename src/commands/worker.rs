//! `sohoa worker`: takes hồ sơ jobs from the coordinator and ingests them.
//!
//! In: the archive (shared by every worker), the coordinator (`SOHOA_DATABASE_URL` or
//! `sohoa.toml`), the worker's name and threads. Out: jobs run until stopped (or, with
//! `--until-idle`, until no job is queued or running): [`cluster::worker::WorkerReport`].

use std::io::{self, Write};
use std::time::Duration;

use clap::Args;
use cluster::worker::{WorkerOptions, WorkerReport};
use cluster::Coordinator;
use serde::Serialize;

use super::{ArchiveArg, Context, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa worker`.
#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// This worker's name, in the job table and for its staging directory
    /// [default: HOST-PID].
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// OCR threads for one hồ sơ [default: number of CPUs].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Stop once no job is queued or running.
    #[arg(long)]
    until_idle: bool,
    /// Print what it did as JSON when it stops.
    #[arg(long)]
    json: bool,
}

/// What `sohoa worker` prints when it stops.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct WorkerOutput(pub WorkerReport);

impl Run for WorkerArgs {
    type Output = WorkerOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<WorkerOutput> {
        let coordinator = Coordinator::from_env()?;
        let name = self.name.unwrap_or_else(|| {
            let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
            format!("{}-{}", host.trim(), std::process::id())
        });
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
            || name.starts_with('.')
        {
            return Err(crate::cli::UsageError(format!(
                "--name {name:?}: use letters, digits, '-', '_' and '.' only"
            ))
            .into());
        }
        let options = WorkerOptions {
            name,
            threads: self
                .jobs
                .unwrap_or_else(|| {
                    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
                })
                .max(1),
            until_idle: self.until_idle,
            poll: Duration::from_millis(300),
        };
        let report = cluster::worker::run(
            &coordinator,
            &self.archive.archive,
            &crate::storage_env::storage_location()?,
            &options,
        )?;
        Ok(WorkerOutput(report))
    }
}

impl CommandOutput for WorkerOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let r = &self.0;
        writeln!(
            out,
            "jobs: {} done, {} failed, {} given up (lease lost); {} pages; {} objects verified",
            r.jobs_done, r.jobs_failed, r.jobs_abandoned, r.pages, r.objects_verified
        )
    }
}
