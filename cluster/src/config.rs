//! Cluster configuration: `sohoa.toml` or environment variables.
//!
//! In: the file named by `SOHOA_CONFIG`, else `./sohoa.toml` when present, and the
//! environment. Out: [`Config`], and the environment variables every `sohoa` command reads
//! (`SOHOA_ARCHIVE`, `SOHOA_DATABASE_URL`, `SOHOA_LEASE_SECONDS`) set from the file where the
//! environment does not set them already ([`apply_file_to_env`]). Without a file and without
//! those variables nothing changes: the embedded default.
//!
//! ```toml
//! [cluster]
//! database_url = "host=/run/sohoa-pg user=postgres dbname=sohoa"   # or postgresql://…
//! archive = "/srv/shared/archive"   # the storage root (a shared directory; S3 later)
//! lease_seconds = 60                # a worker's lease on a job, renewed every third of it
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::{Error, Result};

/// The variable naming the database.
pub const DATABASE_URL_VAR: &str = "SOHOA_DATABASE_URL";
/// The variable naming the lease time in seconds.
pub const LEASE_VAR: &str = "SOHOA_LEASE_SECONDS";
/// The variable naming the archive (storage root) — the one every command reads.
pub const ARCHIVE_VAR: &str = "SOHOA_ARCHIVE";
/// The variable naming the configuration file.
pub const CONFIG_VAR: &str = "SOHOA_CONFIG";

/// The lease a worker holds on a job unless configured otherwise.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(60);

/// `sohoa.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    cluster: FileCluster,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCluster {
    database_url: Option<String>,
    archive: Option<PathBuf>,
    lease_seconds: Option<u64>,
}

/// What cluster commands need.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub lease: Duration,
}

impl Config {
    /// From the environment (after [`apply_file_to_env`]); `None` without a database URL.
    pub fn from_env() -> Result<Option<Config>> {
        let Ok(database_url) = std::env::var(DATABASE_URL_VAR) else {
            return Ok(None);
        };
        let lease = match std::env::var(LEASE_VAR) {
            Ok(v) => Duration::from_secs_f64(
                v.parse::<f64>()
                    .ok()
                    .filter(|s| *s >= 1.0 && s.is_finite())
                    .ok_or_else(|| {
                        Error::Config(format!(
                            "{LEASE_VAR}={v:?}: not a number of seconds of at least 1"
                        ))
                    })?,
            ),
            Err(_) => DEFAULT_LEASE,
        };
        Ok(Some(Config {
            database_url,
            lease,
        }))
    }

    /// [`Config::from_env`], or an error saying how to name the database.
    pub fn required() -> Result<Config> {
        Config::from_env()?.ok_or_else(|| {
            Error::Config(format!(
                "no coordinator database: set {DATABASE_URL_VAR} or `database_url` in the \
                 [cluster] table of sohoa.toml (scripts/cluster-demo.sh up prints the exports)"
            ))
        })
    }
}

/// Reads the configuration file (`SOHOA_CONFIG`, else `./sohoa.toml` if present) and sets
/// each variable it gives that the environment does not set already. Call before any thread
/// starts. Returns the file read, if any.
pub fn apply_file_to_env() -> Result<Option<PathBuf>> {
    let path = if let Some(p) = std::env::var_os(CONFIG_VAR) {
        PathBuf::from(p)
    } else {
        let here = Path::new("sohoa.toml");
        if !here.is_file() {
            return Ok(None);
        }
        here.to_path_buf()
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
    let file: File =
        toml::from_str(&text).map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
    let set = |var: &str, value: Option<String>| {
        if let Some(value) = value {
            if std::env::var_os(var).is_none() {
                std::env::set_var(var, value);
            }
        }
    };
    set(DATABASE_URL_VAR, file.cluster.database_url);
    set(
        ARCHIVE_VAR,
        file.cluster.archive.map(|p| p.display().to_string()),
    );
    set(LEASE_VAR, file.cluster.lease_seconds.map(|s| s.to_string()));
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_of_the_file_are_refused() {
        let err = toml::from_str::<File>("[cluster]\ndatabase = \"x\"\n").unwrap_err();
        assert!(err.to_string().contains("database"), "{err}");
        let ok: File = toml::from_str("[cluster]\nlease_seconds = 5\n").unwrap();
        assert_eq!(ok.cluster.lease_seconds, Some(5));
    }
}
