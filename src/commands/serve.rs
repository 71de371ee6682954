//! `sohoa serve`: the reading room on this archive.
//!
//! In: the archive and the address to listen on. Out: the running server (until Ctrl-C or
//! SIGTERM); its log on stderr. When it stops, the access log's head is recorded in the
//! audit log (the page views of the run chained to it).

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;

use super::{ArchiveArg, Context, Execute};

/// `sohoa serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Address and port to listen on. Plain HTTP: keep it on loopback, or put a reverse
    /// proxy with TLS in front of it (and pass --secure-cookies).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark the session cookie Secure (the reading room is reached over HTTPS).
    #[arg(long)]
    secure_cookies: bool,
}

impl Execute for ServeArgs {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let archive = self.archive.open()?;
        let config = server::web::ServerConfig {
            archive: self.archive.archive.clone(),
            listen: self.listen,
            secure_cookies: self.secure_cookies,
        };
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
