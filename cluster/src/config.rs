//! Cluster configuration: `sohoa.toml` or environment variables.
//!
//! In: the file named by `SOHOA_CONFIG`, else `./sohoa.toml` when present, and the
//! environment. Out: [`Config`], and the environment variables every `sohoa` command reads
//! (`SOHOA_ARCHIVE`, `SOHOA_DATABASE_URL`, `SOHOA_LEASE_SECONDS`, and the `SOHOA_S3_*`
//! variables of the storage root in S3) set from the file where the environment does not
//! set them already ([`apply_file_to_env`]). Without a file and without those variables
//! nothing changes: the embedded default.
//!
//! ```toml
//! [cluster]
//! database_url = "host=/run/sohoa-pg user=postgres dbname=sohoa"   # or postgresql://…
//! archive = "/srv/shared/archive"   # the archive directory (index, logs, staging)
//! lease_seconds = 60                # a worker's lease on a job, renewed every third of it
//!
//! [s3]                              # the OCFL storage root in S3 (else ARCHIVE/ocfl/)
//! endpoint = "http://127.0.0.1:8333"   # SOHOA_S3_ENDPOINT (absent: AWS)
//! bucket = "kho-luu-tru"               # SOHOA_S3_BUCKET
//! prefix = "tinh-uy/ocfl"              # SOHOA_S3_PREFIX
//! region = "us-east-1"                 # SOHOA_S3_REGION
//! access_key_id = "sohoa"              # SOHOA_S3_ACCESS_KEY_ID
//! retry_seconds = 180                  # SOHOA_S3_RETRY_SECONDS: retry an unreachable store
//! secret_access_key_env = "KHO_SECRET" # the variable holding the secret (never the file)
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
    #[serde(default)]
    s3: FileS3,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCluster {
    database_url: Option<String>,
    archive: Option<PathBuf>,
    lease_seconds: Option<u64>,
}

/// The `[s3]` table: where the OCFL storage root is in S3.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileS3 {
    endpoint: Option<String>,
    bucket: Option<String>,
    prefix: Option<String>,
    region: Option<String>,
    access_key_id: Option<String>,
    /// The name of the environment variable that holds the secret access key.
    secret_access_key_env: Option<String>,
    /// Refused: a secret does not belong in a file others may read.
    secret_access_key: Option<toml::Value>,
    /// How long a request is retried while the store cannot be reached (seconds).
    retry_seconds: Option<u64>,
}

/// The variables of the storage root in S3 (read by the `sohoa` binary's `storage_env`).
pub const S3_ENDPOINT_VAR: &str = "SOHOA_S3_ENDPOINT";
pub const S3_BUCKET_VAR: &str = "SOHOA_S3_BUCKET";
pub const S3_PREFIX_VAR: &str = "SOHOA_S3_PREFIX";
pub const S3_REGION_VAR: &str = "SOHOA_S3_REGION";
pub const S3_ACCESS_KEY_ID_VAR: &str = "SOHOA_S3_ACCESS_KEY_ID";
pub const S3_SECRET_ACCESS_KEY_VAR: &str = "SOHOA_S3_SECRET_ACCESS_KEY";
pub const S3_RETRY_SECONDS_VAR: &str = "SOHOA_S3_RETRY_SECONDS";

impl FileS3 {
    /// The `SOHOA_S3_*` values the table gives, checked; `var` reads the environment (for
    /// the variable `secret_access_key_env` names). Every error names the field.
    fn values(
        self,
        var: impl Fn(&str) -> Option<String>,
    ) -> std::result::Result<Vec<(&'static str, String)>, String> {
        if self.secret_access_key.is_some() {
            return Err(
                "[s3] secret_access_key: the secret is not read from the file; put it \
                 in an environment variable and name that variable in \
                 secret_access_key_env (or set SOHOA_S3_SECRET_ACCESS_KEY)"
                    .into(),
            );
        }
        let mut out = Vec::new();
        if let Some(endpoint) = self.endpoint {
            let host = endpoint
                .strip_prefix("http://")
                .or_else(|| endpoint.strip_prefix("https://"));
            if !host.is_some_and(|h| !h.is_empty() && !h.starts_with('/')) {
                return Err(format!(
                    "[s3] endpoint = {endpoint:?}: not an http:// or https:// URL with a host \
                     (e.g. \"http://127.0.0.1:8333\")"
                ));
            }
            out.push((S3_ENDPOINT_VAR, endpoint));
        }
        if let Some(bucket) = self.bucket {
            let ok = (3..=63).contains(&bucket.len())
                && bucket.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
                })
                && bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
                && bucket.ends_with(|c: char| c.is_ascii_alphanumeric());
            if !ok {
                return Err(format!(
                    "[s3] bucket = {bucket:?}: not an S3 bucket name (3 to 63 lowercase \
                     letters, digits, '.' and '-', starting and ending with a letter or digit)"
                ));
            }
            out.push((S3_BUCKET_VAR, bucket));
        }
        if let Some(prefix) = self.prefix {
            if prefix.trim_matches('/').split('/').any(|seg| {
                seg == "."
                    || seg == ".."
                    || (seg.is_empty() && !prefix.trim_matches('/').is_empty())
            }) {
                return Err(format!(
                    "[s3] prefix = {prefix:?}: a key prefix of names separated by single '/' \
                     (no empty, '.' or '..' parts)"
                ));
            }
            out.push((S3_PREFIX_VAR, prefix));
        }
        if let Some(region) = self.region {
            if region.is_empty()
                || !region
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(format!(
                    "[s3] region = {region:?}: not a region name (e.g. \"us-east-1\")"
                ));
            }
            out.push((S3_REGION_VAR, region));
        }
        if let Some(seconds) = self.retry_seconds {
            if !(1..=86_400).contains(&seconds) {
                return Err(format!(
                    "[s3] retry_seconds = {seconds}: give a number of seconds from 1 to 86400"
                ));
            }
            out.push((S3_RETRY_SECONDS_VAR, seconds.to_string()));
        }
        if let Some(id) = &self.access_key_id {
            if id.trim().is_empty() {
                return Err("[s3] access_key_id is empty".into());
            }
        }
        match (self.access_key_id, self.secret_access_key_env) {
            (Some(id), Some(name)) => {
                let valid = !name.is_empty()
                    && !name.starts_with(|c: char| c.is_ascii_digit())
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if !valid {
                    return Err(format!(
                        "[s3] secret_access_key_env = {name:?}: not an environment variable name"
                    ));
                }
                let secret = var(&name)
                    .or_else(|| var(S3_SECRET_ACCESS_KEY_VAR))
                    .ok_or_else(|| {
                        format!(
                            "[s3] secret_access_key_env = {name:?}: that variable is not set \
                             (it holds the secret of access_key_id)"
                        )
                    })?;
                out.push((S3_ACCESS_KEY_ID_VAR, id));
                out.push((S3_SECRET_ACCESS_KEY_VAR, secret));
            }
            (Some(_), None) if var(S3_SECRET_ACCESS_KEY_VAR).is_none() => {
                return Err(
                    "[s3] access_key_id is given without secret_access_key_env (the \
                     environment variable that holds its secret)"
                        .into(),
                );
            }
            (Some(id), None) => out.push((S3_ACCESS_KEY_ID_VAR, id)),
            (None, Some(_)) => {
                return Err("[s3] secret_access_key_env is given without access_key_id".into());
            }
            (None, None) => {}
        }
        Ok(out)
    }
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
    let s3 = file
        .s3
        .values(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
    for (name, value) in s3 {
        set(name, Some(value));
    }
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

    fn s3(
        text: &str,
        env: &[(&str, &str)],
    ) -> std::result::Result<Vec<(&'static str, String)>, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        file.s3.values(|name| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn the_s3_table_maps_onto_the_variables_the_secret_from_the_environment() {
        let got = s3(
            "[s3]\nendpoint = \"http://127.0.0.1:8333\"\nbucket = \"kho-luu-tru\"\n\
             prefix = \"tinh-uy/ocfl\"\nregion = \"us-east-1\"\naccess_key_id = \"sohoa\"\n\
             secret_access_key_env = \"KHO_SECRET\"\nretry_seconds = 30\n",
            &[("KHO_SECRET", "bi-mat")],
        )
        .unwrap();
        assert_eq!(
            got,
            vec![
                (S3_ENDPOINT_VAR, "http://127.0.0.1:8333".to_string()),
                (S3_BUCKET_VAR, "kho-luu-tru".into()),
                (S3_PREFIX_VAR, "tinh-uy/ocfl".into()),
                (S3_REGION_VAR, "us-east-1".into()),
                (S3_RETRY_SECONDS_VAR, "30".into()),
                (S3_ACCESS_KEY_ID_VAR, "sohoa".into()),
                (S3_SECRET_ACCESS_KEY_VAR, "bi-mat".into()),
            ]
        );
        assert_eq!(s3("", &[]).unwrap(), vec![]);
    }

    #[test]
    fn bad_s3_values_are_refused_naming_the_field() {
        for (text, field) in [
            ("endpoint = \"127.0.0.1:8333\"", "endpoint"),
            ("bucket = \"Kho_Luu\"", "bucket"),
            ("prefix = \"a/../b\"", "prefix"),
            ("region = \"\"", "region"),
            ("secret_access_key = \"x\"", "secret_access_key"),
            ("access_key_id = \"id\"", "secret_access_key_env"),
            (
                "access_key_id = \"id\"\nsecret_access_key_env = \"UNSET_HERE\"",
                "UNSET_HERE",
            ),
            ("secret_access_key_env = \"K\"", "access_key_id"),
            ("bucket_name = \"kho\"", "bucket_name"),
            ("retry_seconds = 0", "retry_seconds"),
        ] {
            let err = s3(&format!("[s3]\n{text}\n"), &[]).unwrap_err();
            assert!(err.contains(field), "{text}: {err}");
        }
    }
}
