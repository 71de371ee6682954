//! Where the archive's OCFL storage root is, from the environment: the archive directory's
//! `ocfl/` (the embedded default, nothing set) or a prefix of an S3 bucket (cluster mode,
//! DESIGN.md §8; `SOHOA_S3_BUCKET` set).
//!
//! In: `SOHOA_S3_ENDPOINT` (e.g. `http://127.0.0.1:8333`; unset: AWS), `SOHOA_S3_BUCKET`,
//! `SOHOA_S3_PREFIX` (the key prefix of the storage root; default none: the bucket's top),
//! `SOHOA_S3_REGION` (default `us-east-1`), `SOHOA_S3_ACCESS_KEY_ID` and
//! `SOHOA_S3_SECRET_ACCESS_KEY` (else `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`),
//! `SOHOA_S3_RETRY_SECONDS` (how long a request is retried while the store cannot be
//! reached; default 180).
//! Out: a [`StorageLocation`]. The archive directory keeps the index, audit log, reports and
//! staging either way.

use anyhow::bail;
use pipeline::store::s3::S3Settings;
use pipeline::store::StorageLocation;

/// The variables, for messages and docs.
pub const BUCKET_VAR: &str = "SOHOA_S3_BUCKET";
/// How long a request to the store is retried while it cannot be reached (seconds).
pub const RETRY_VAR: &str = "SOHOA_S3_RETRY_SECONDS";

/// Where the reading room's accounts are: the cluster's `PostgreSQL` when the environment
/// (or `sohoa.toml`) names the coordinator (`SOHOA_DATABASE_URL`), else the archive's own
/// database.
pub fn accounts_location() -> anyhow::Result<server::accounts::Location> {
    Ok(match cluster::Config::from_env()? {
        Some(config) => server::accounts::Location::Cluster {
            database_url: config.database_url,
        },
        None => server::accounts::Location::Archive,
    })
}

/// The accounts where the environment says ([`accounts_location`]) for the archive at
/// `archive`.
pub fn open_accounts(archive: &std::path::Path) -> anyhow::Result<server::accounts::Accounts> {
    Ok(server::accounts::Accounts::open_at(
        &accounts_location()?,
        archive,
    )?)
}

/// The storage location the environment names.
pub fn storage_location() -> anyhow::Result<StorageLocation> {
    storage_location_from(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
}

/// [`storage_location`] with the variables read by `var`.
pub fn storage_location_from(
    var: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<StorageLocation> {
    let Some(bucket) = var(BUCKET_VAR) else {
        for other in ["SOHOA_S3_ENDPOINT", "SOHOA_S3_PREFIX"] {
            if var(other).is_some() {
                bail!("{other} is set but {BUCKET_VAR} is not: give the bucket too");
            }
        }
        return Ok(StorageLocation::Directory);
    };
    let access_key_id = var("SOHOA_S3_ACCESS_KEY_ID").or_else(|| var("AWS_ACCESS_KEY_ID"));
    let secret_access_key =
        var("SOHOA_S3_SECRET_ACCESS_KEY").or_else(|| var("AWS_SECRET_ACCESS_KEY"));
    if access_key_id.is_some() != secret_access_key.is_some() {
        bail!(
            "give both SOHOA_S3_ACCESS_KEY_ID and SOHOA_S3_SECRET_ACCESS_KEY (or neither, \
             for an endpoint that needs no credentials)"
        );
    }
    let prefix = var("SOHOA_S3_PREFIX")
        .unwrap_or_default()
        .trim_matches('/')
        .to_string();
    let retry_seconds = var(RETRY_VAR)
        .map(|v| match v.trim().parse::<u64>() {
            Ok(n) if (1..=86_400).contains(&n) => Ok(n),
            _ => Err(anyhow::anyhow!(
                "{RETRY_VAR}={v:?}: give a whole number of seconds from 1 to 86400"
            )),
        })
        .transpose()?;
    Ok(StorageLocation::S3(S3Settings {
        endpoint: var("SOHOA_S3_ENDPOINT"),
        bucket,
        prefix,
        region: var("SOHOA_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
        access_key_id,
        secret_access_key,
        retry_seconds,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(vars: &[(&str, &str)]) -> anyhow::Result<StorageLocation> {
        storage_location_from(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn nothing_set_is_the_directory() {
        assert_eq!(from(&[]).unwrap(), StorageLocation::Directory);
    }

    #[test]
    fn a_bucket_selects_s3_with_defaults() {
        let StorageLocation::S3(s) = from(&[
            ("SOHOA_S3_BUCKET", "kho"),
            ("SOHOA_S3_PREFIX", "/tinh-uy/ocfl/"),
            ("AWS_ACCESS_KEY_ID", "id"),
            ("AWS_SECRET_ACCESS_KEY", "secret"),
        ])
        .unwrap() else {
            panic!("not S3")
        };
        assert_eq!(
            (s.bucket.as_str(), s.prefix.as_str(), s.region.as_str()),
            ("kho", "tinh-uy/ocfl", "us-east-1")
        );
        assert_eq!(s.endpoint, None);
        assert_eq!(s.access_key_id.as_deref(), Some("id"));
        // The secret never shows in debug output.
        assert!(!format!("{s:?}").contains("secret"));
    }

    #[test]
    fn the_retry_time_is_read_and_checked() {
        let StorageLocation::S3(s) =
            from(&[("SOHOA_S3_BUCKET", "kho"), ("SOHOA_S3_RETRY_SECONDS", "15")]).unwrap()
        else {
            panic!("S3 expected")
        };
        assert_eq!(s.retry_seconds, Some(15));
        for bad in ["0", "-3", "mười", "86401"] {
            let err =
                from(&[("SOHOA_S3_BUCKET", "kho"), ("SOHOA_S3_RETRY_SECONDS", bad)]).unwrap_err();
            assert!(err.to_string().contains("SOHOA_S3_RETRY_SECONDS"), "{err}");
        }
    }

    #[test]
    fn half_given_settings_are_refused() {
        let err = from(&[("SOHOA_S3_ENDPOINT", "http://127.0.0.1:8333")]).unwrap_err();
        assert!(err.to_string().contains("SOHOA_S3_BUCKET"), "{err}");
        let err = from(&[("SOHOA_S3_BUCKET", "b"), ("SOHOA_S3_ACCESS_KEY_ID", "id")]).unwrap_err();
        assert!(err.to_string().contains("SECRET"), "{err}");
    }
}
