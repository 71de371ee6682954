//! The reading room's HTTP server: routes, shared state, and how it starts.
//!
//! In: a [`ServerConfig`] (archive directory, listen address) and HTTP requests. Out: the
//! HTML pages of [`pages`], the JSON API of [`api`] (`/api/v1`), page images ([`images`]),
//! IIIF manifests, image services and search services for standard viewers ([`iiif`]),
//! each request answered on behalf of the account signed in ([`visitor`]) through
//! `pipeline`'s gate, with the security headers of [`guard`].

mod api;
mod failure;
mod guard;
mod hits;
mod iiif;
mod images;
mod layout;
mod pages;
mod search_params;
mod tls;
mod visitor;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use pipeline::index::SearchIndex;
use pipeline::store::Archive;

use crate::accounts::{Accounts, SERVICE_DIR};
use crate::{Error, Result};

pub use tls::PeerAddr;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub archive: PathBuf,
    /// Where the archive's OCFL storage root is (its `ocfl/`, or S3).
    pub storage: pipeline::store::StorageLocation,
    pub listen: SocketAddr,
    /// Cookies marked `Secure` (the server is reached over TLS through a proxy; always so
    /// when it serves TLS itself).
    pub secure_cookies: bool,
    /// Serve HTTPS with this certificate and key instead of plain HTTP.
    pub tls: Option<TlsFiles>,
    /// The archive's name, as IIIF manifests credit it (`requiredStatement`).
    pub institution: Option<String>,
}

/// The certificate chain and private key of HTTPS, PEM files.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// What every request handler shares.
pub struct ReadingRoom {
    archive: Archive,
    accounts: Accounts,
    index: SearchIndex,
    cache_dir: PathBuf,
    secure_cookies: bool,
    /// The archive's name in IIIF manifests.
    institution: Option<String>,
}

impl ReadingRoom {
    /// Opens the archive at `dir` (its storage root at `storage`), its index and its accounts.
    pub fn open(
        dir: &Path,
        storage: &pipeline::store::StorageLocation,
        secure_cookies: bool,
    ) -> Result<ReadingRoom> {
        let archive = Archive::open_on(dir, storage)?;
        let index = pipeline::catalog::open_index_read_only(&archive)?;
        let accounts = Accounts::open(dir)?;
        Ok(ReadingRoom {
            archive,
            accounts,
            index,
            cache_dir: dir.join(SERVICE_DIR).join("cache").join("pages"),
            secure_cookies,
            institution: None,
        })
    }

    /// The archive's name IIIF manifests credit (`requiredStatement`); without one they
    /// name its mã cơ quan lưu trữ.
    #[must_use]
    pub fn with_institution(self, institution: Option<String>) -> ReadingRoom {
        ReadingRoom {
            institution: institution.filter(|n| !n.trim().is_empty()),
            ..self
        }
    }

    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }
}

type State = Arc<ReadingRoom>;

/// Every route of the reading room.
pub fn router(room: Arc<ReadingRoom>) -> Router {
    let document_routes = Router::new()
        .route("/documents/{id}", get(pages::document))
        .route(
            "/documents/{id}/pages/{page}/image",
            get(images::page_image),
        )
        .route("/documents/{id}/pdf", get(pages::pdf));
    let api = Router::new()
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/documents/{id}", get(api::document))
        .route(
            "/api/v1/documents/{id}/pages/{page}/image",
            get(images::page_image),
        )
        .route("/api/v1/documents/{id}/pages/{page}/words", get(api::words))
        .route("/api/v1/documents/{id}/pdf", get(pages::pdf));
    Router::new()
        .route("/", get(pages::search))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/account", get(pages::account))
        .route("/account/password", post(pages::change_password))
        .route("/history", get(pages::history))
        .route("/browse", get(pages::browse))
        .route("/assets/app.css", get(layout::stylesheet))
        .route("/assets/app.js", get(layout::script))
        .merge(document_routes)
        .merge(api)
        .merge(iiif::routes())
        .fallback(failure::unknown_route)
        .layer(axum::middleware::from_fn(guard::security_headers))
        .layer(axum::middleware::from_fn(guard::same_origin_posts))
        .with_state(room)
}

/// Serves the reading room until Ctrl-C or SIGTERM: HTTPS when `config.tls` names a
/// certificate and key (checked before anything else), else plain HTTP.
pub async fn serve(config: ServerConfig) -> Result<()> {
    let tls = config
        .tls
        .as_ref()
        .map(|files| tls::server_config(&files.cert, &files.key))
        .transpose()?;
    let room = Arc::new(
        ReadingRoom::open(
            &config.archive,
            &config.storage,
            config.secure_cookies || tls.is_some(),
        )?
        .with_institution(config.institution.clone()),
    );
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| Error::io(format!("listening on {}", config.listen), e))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::io("reading the listen address", e))?;
    // Which documents exist and who may see them, read once now rather than by the first
    // search (seconds on a large archive); searches meanwhile wait for it.
    let warming = Arc::clone(&room);
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        match warming.archive.know_documents() {
            Ok(()) => tracing::info!(
                "documents of the store read in {:.1} s",
                started.elapsed().as_secs_f64()
            ),
            Err(e) => tracing::warn!("reading the store's documents: {e}"),
        }
    });
    let app = router(room).into_make_service_with_connect_info::<PeerAddr>();
    let served = match tls {
        None => {
            tracing::info!("phòng đọc: http://{local}/");
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
        }
        Some(tls) => {
            tracing::info!("phòng đọc: https://{local}/");
            axum::serve(tls::TlsListener::new(listener, tls)?, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
        }
    };
    served.map_err(|e| Error::io("serving", e))
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        else {
            return interrupt.await.unwrap_or(());
        };
        tokio::select! {
            _ = interrupt => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    interrupt.await.unwrap_or(());
}

/// Runs `work` (file and index reads, decoding, password hashing) off the async threads;
/// a panic in it is an internal failure of this request only.
async fn blocking<T: Send + 'static>(
    room: &State,
    work: impl FnOnce(&ReadingRoom) -> std::result::Result<T, failure::Failure> + Send + 'static,
) -> std::result::Result<T, failure::Failure> {
    let room = Arc::clone(room);
    tokio::task::spawn_blocking(move || work(&room))
        .await
        .unwrap_or_else(|e| {
            tracing::error!("a request's work failed: {e}");
            Err(failure::Failure::Internal)
        })
}
