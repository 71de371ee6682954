//! `sohoa serve`: the reading room on this archive.
//!
//! In: the archive, the address to listen on, a TLS certificate and key when it is to
//! serve HTTPS, the profile (`--profile lan`: the isolated LAN, refused on an address that
//! is not loopback or private), the working days within which reading requests are due,
//! and the inboxes whose boxes archivists may ingest from the browser. Out: the running
//! server (until Ctrl-C or SIGTERM); its log on stderr. When it stops, the access log's head is recorded in the audit log (the page views of the run
//! chained to it).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;

use super::{ArchiveArg, Context, Execute};

/// `sohoa serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Address and port to listen on. Without --tls-cert this is plain HTTP: keep it on
    /// loopback, or put a reverse proxy with TLS in front of it (and pass --secure-cookies).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark the session cookie Secure (the reading room is reached over HTTPS through a
    /// proxy; implied by --tls-cert).
    #[arg(long)]
    secure_cookies: bool,
    /// Serve HTTPS with this certificate chain (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// The archive's name, credited in IIIF manifests (requiredStatement); without it they
    /// name the archive's code (mã cơ quan lưu trữ).
    #[arg(long, value_name = "NAME")]
    institution: Option<String>,
    /// `standard`, or `lan`: the isolated-LAN profile, where a cleared holder of a grant
    /// reads Mật content; it refuses to listen on an address that is not loopback or
    /// private.
    #[arg(long, value_enum, default_value = "standard")]
    profile: ProfileArg,
    /// Working days to decide a request to read.
    #[arg(long, value_name = "DAYS", default_value_t = 1)]
    days_to_read: u32,
    /// Working days to decide a request for a copy.
    #[arg(long, value_name = "DAYS", default_value_t = 2)]
    days_to_copy: u32,
    /// Working days to decide a request naming conditional-access records (chế độ sử dụng
    /// 02).
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    days_conditional: u32,
    /// A directory whose subdirectories are boxes of scans an archivist may ingest from the
    /// browser (repeatable). The browser picks a box by name; no other path is opened.
    /// Without it, ingest from the browser is off.
    #[arg(long, value_name = "DIR")]
    inbox: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ProfileArg {
    Standard,
    Lan,
}

impl Execute for ServeArgs {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        // Coordinated in cluster mode: the access log's closing anchor goes through the
        // chain head like every other append.
        let archive = self.archive.open_for_change()?;
        for dir in &self.inbox {
            if !dir.is_dir() {
                return Err(crate::cli::UsageError(format!(
                    "--inbox {}: not a directory (its subdirectories are the boxes to ingest)",
                    dir.display()
                ))
                .into());
            }
        }
        let config = server::web::ServerConfig {
            archive: self.archive.archive.clone(),
            storage: crate::storage_env::storage_location()?,
            accounts: crate::storage_env::accounts_location()?,
            listen: self.listen,
            secure_cookies: self.secure_cookies,
            tls: self
                .tls_cert
                .zip(self.tls_key)
                .map(|(cert, key)| server::web::TlsFiles { cert, key }),
            institution: self.institution,
            profile: match self.profile {
                ProfileArg::Standard => server::web::Profile::Standard,
                ProfileArg::Lan => server::web::Profile::IsolatedLan,
            },
            deadlines: server::requests::Deadlines {
                read: self.days_to_read,
                copy: self.days_to_copy,
                conditional: self.days_conditional,
            },
            inboxes: self.inbox,
        };
        // The isolated-LAN profile on a public address: refused before anything starts.
        config
            .profile
            .check_listen(config.listen)
            .map_err(|e| crate::cli::UsageError(e.to_string()))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the server's runtime")?;
        let served = runtime.block_on(server::web::serve(config));
        // The page views of this run are chained to the audit log before it ends.
        if let Err(e) = archive.anchor_access_log(&ctx.os_user) {
            tracing::warn!("the access log's head was not recorded in the audit log: {e}");
        }
        served?;
        Ok(ExitCode::SUCCESS)
    }
}
