//! The reading room's HTTP server: routes, shared state, and how it starts.
//!
//! In: a [`ServerConfig`] (archive directory, listen address) and HTTP requests. Out: the
//! HTML pages of [`pages`], the JSON API of [`api`] (`/api/v1`), page images ([`images`]),
//! IIIF manifests, image services and search services for standard viewers ([`iiif`]),
//! the auditor's pages and API ([`audit_pages`], [`audit_api`]),
//! the admin's pages and API ([`admin_pages`], [`admin_api`]), the archivist's review
//! ([`review_pages`], [`review_api`]),
//! each request answered on behalf of the account signed in ([`visitor`]) through
//! `pipeline`'s gate, with the security headers of [`guard`].

mod admin_api;
mod admin_pages;
mod api;
mod audit_api;
mod audit_pages;
mod audit_params;
mod failure;
mod guard;
mod hits;
mod iiif;
mod images;
mod layout;
mod pages;
mod request_pages;
mod review_api;
mod review_pages;
mod search_params;
mod split_pages;
mod task_api;
mod task_pages;
mod tls;
mod visitor;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use pipeline::index::SearchIndex;
use pipeline::store::Archive;

use crate::accounts::{Account, Accounts, SERVICE_DIR};
use crate::requests::{Deadlines, Requests};
use crate::{Error, Result};

pub use tls::PeerAddr;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub archive: PathBuf,
    /// Where the archive's OCFL storage root is (its `ocfl/`, or S3).
    pub storage: pipeline::store::StorageLocation,
    /// Where the accounts are: the archive's own database, or the cluster's `PostgreSQL`
    /// (every server of the cluster shares sign-ins, sessions and requests).
    pub accounts: crate::accounts::Location,
    pub listen: SocketAddr,
    /// Cookies marked `Secure` (the server is reached over TLS through a proxy; always so
    /// when it serves TLS itself).
    pub secure_cookies: bool,
    /// Serve HTTPS with this certificate and key instead of plain HTTP.
    pub tls: Option<TlsFiles>,
    /// The archive's name, as IIIF manifests credit it (`requiredStatement`).
    pub institution: Option<String>,
    /// The standard profile, or the isolated-LAN one (Mật content readable under a grant).
    pub profile: Profile,
    /// Working days within which reading requests are due.
    pub deadlines: Deadlines,
    /// Directories whose immediate subdirectories are boxes an archivist may ingest from
    /// the browser (`--inbox`); none: ingest from the browser is off.
    pub inboxes: Vec<PathBuf>,
}

/// Where the reading room runs (Luật Bảo vệ bí mật nhà nước 2025: state secrets only on an
/// isolated LAN).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Profile {
    /// Mật content is never served, grant or not.
    #[default]
    Standard,
    /// `--profile lan`: on an isolated LAN inside the agency. The server refuses to listen
    /// on an address that is not loopback or private; Mật content is served to a cleared
    /// holder of a grant.
    IsolatedLan,
}

impl Profile {
    /// Refuses `listen` for the isolated-LAN profile unless it is a loopback or private
    /// address (RFC 1918, IPv6 unique-local or link-local): a wildcard address (`0.0.0.0`,
    /// `::`) would also listen on public interfaces.
    pub fn check_listen(self, listen: SocketAddr) -> Result<()> {
        if self != Profile::IsolatedLan || is_private(listen.ip()) {
            return Ok(());
        }
        Err(Error::Profile(format!(
            "--profile lan: {listen} is not a loopback or private address; the isolated-LAN \
             profile serves Mật content and listens only on loopback (127.0.0.0/8, ::1) or a \
             private LAN address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, \
             fe80::/10), never on a wildcard or public address"
        )))
    }
}

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private(),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
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
    archive_dir: PathBuf,
    /// The boxes an archivist may ingest, and the tasks started here.
    inbox: crate::tasks::Inbox,
    tasks: crate::tasks::Tasks,
    accounts: Arc<Accounts>,
    index: SearchIndex,
    cache_dir: PathBuf,
    /// Decoded page renderings IIIF regions are cut from.
    decoded: images::DecodedCache,
    secure_cookies: bool,
    /// The archive's name in IIIF manifests.
    institution: Option<String>,
    isolated_lan: bool,
    deadlines: Deadlines,
    /// When grants past their last day were last recorded (seconds since the epoch).
    expiries_checked: AtomicI64,
    /// Cluster mode: the coordinator an ingest started here enqueues its box in (the
    /// workers ingest it, as for `sohoa ingest --cluster`).
    coordinator: Option<Arc<cluster::Coordinator>>,
}

/// Grants past their last day are recorded at most this often (and at start).
const EXPIRY_CHECK_SECONDS: i64 = 60;

impl ReadingRoom {
    /// Opens the archive at `dir` (its storage root at `storage`), its index and its
    /// accounts (where `accounts` says).
    pub fn open(
        dir: &Path,
        storage: &pipeline::store::StorageLocation,
        accounts: &crate::accounts::Location,
        secure_cookies: bool,
    ) -> Result<ReadingRoom> {
        let (archive, coordinator) = coordinated(Archive::open_on(dir, storage)?, accounts)?;
        let index = pipeline::catalog::open_index_read_only(&archive)?;
        let accounts = Arc::new(Accounts::open_at(accounts, dir)?);
        let tasks = crate::tasks::Tasks::open(&dir.join(SERVICE_DIR))?;
        Ok(ReadingRoom {
            archive,
            archive_dir: dir.to_path_buf(),
            inbox: crate::tasks::Inbox::default(),
            tasks,
            accounts,
            index,
            cache_dir: dir.join(SERVICE_DIR).join("cache").join("pages"),
            decoded: images::DecodedCache::new(images::DECODED_CACHE_BYTES),
            secure_cookies,
            institution: None,
            isolated_lan: false,
            deadlines: Deadlines::default(),
            expiries_checked: AtomicI64::new(0),
            coordinator,
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

    /// The directories whose subdirectories are the boxes an archivist may ingest.
    #[must_use]
    pub fn with_inboxes(self, dirs: Vec<PathBuf>) -> ReadingRoom {
        ReadingRoom {
            inbox: crate::tasks::Inbox::new(dirs),
            ..self
        }
    }

    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// The search index as last committed, by this server or another process (an ingest
    /// from the command line, the cluster's indexer): reloaded when its commit changed.
    fn current_index(&self) -> &SearchIndex {
        if let Err(e) = self.index.reload_if_changed() {
            tracing::warn!("reloading the search index: {e}");
        }
        &self.index
    }

    fn requests(&self) -> Requests<'_> {
        Requests::new(&self.archive, &self.accounts)
    }

    /// Who `account` reads as here: its roles, clearance and active grants, this server's
    /// profile. Grants past their last day are first recorded (at most once a minute).
    fn principal_of(&self, account: &Account) -> Result<pipeline::gate::Principal> {
        let now = chrono::Utc::now().timestamp();
        let last = self.expiries_checked.load(Ordering::Relaxed);
        if now - last >= EXPIRY_CHECK_SECONDS
            && self
                .expiries_checked
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            if let Err(e) = self.requests().record_expiries("sohoa-serve") {
                tracing::warn!("recording expired grants: {e}");
            }
        }
        crate::requests::reading_room_principal(&self.accounts, account, self.isolated_lan)
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
        .route("/documents/{id}/pdf", get(pages::pdf))
        .route("/documents/{id}/history", get(review_pages::history));
    let api = Router::new()
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/documents/{id}", get(api::document))
        .route(
            "/api/v1/documents/{id}/pages/{page}/image",
            get(images::page_image),
        )
        .route("/api/v1/documents/{id}/pages/{page}/words", get(api::words))
        .route("/api/v1/documents/{id}/pdf", get(pages::pdf))
        .route(
            "/api/v1/requests",
            get(api::requests).post(api::submit_request),
        )
        .route("/api/v1/requests/{id}", get(api::request))
        .route("/api/v1/requests/{id}/decision", post(api::decide))
        .route("/api/v1/audit/fixity", get(audit_api::fixity))
        .route(
            "/api/v1/audit/fixity/{object}",
            get(audit_api::object_fixity),
        )
        .route(
            "/api/v1/audit/head",
            get(audit_api::head).post(audit_api::record_head),
        )
        .route("/api/v1/audit/head/check", post(audit_api::check_head))
        .route("/api/v1/audit/log", get(audit_api::audit_log))
        .route("/api/v1/audit/access", get(audit_api::access_log))
        .route("/api/v1/requests/{id}/route", post(api::route_request))
        .route("/api/v1/grants/{id}/revocation", post(api::revoke_grant))
        .route("/api/v1/boxes", get(task_api::list_boxes))
        .route("/api/v1/ingests", post(task_api::start_ingest_api))
        .route("/api/v1/ingests/{id}", get(task_api::ingest))
        .route("/api/v1/verifications", post(task_api::start_verify_api))
        .route("/api/v1/verifications/{id}", get(task_api::verification))
        .route(
            "/api/v1/hoso/{id}/split",
            get(split_pages::api_layout).post(split_pages::api_split),
        )
        .route("/api/v1/review", get(review_api::review_queue))
        .route("/api/v1/documents/{id}/edit", post(review_api::edit))
        .merge(admin_routes());
    Router::new()
        .route("/", get(pages::search))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/account", get(pages::account))
        .route("/account/password", post(pages::change_password))
        .route("/history", get(pages::history))
        .route("/browse", get(pages::browse))
        .route(
            "/requests",
            get(request_pages::mine).post(request_pages::submit),
        )
        .route("/requests/new", get(request_pages::new_request))
        .route("/requests/queue", get(request_pages::queue))
        .route("/requests/{id}/decision", post(request_pages::decide))
        .route("/audit/fixity", get(audit_pages::fixity))
        .route("/audit/fixity/{object}", get(audit_pages::object_fixity))
        .route(
            "/audit/head",
            get(audit_pages::head).post(audit_pages::record_head),
        )
        .route("/audit/log", get(audit_pages::audit_log))
        .route("/audit/access", get(audit_pages::access_log))
        .route(
            "/hoso/{id}/split",
            get(split_pages::form).post(split_pages::submit),
        )
        .route("/requests/{id}/route", post(request_pages::route))
        .route("/grants/{id}/revoke", post(request_pages::revoke))
        .route("/review", get(review_pages::review_queue))
        .route("/review/{id}", get(review_pages::review_document))
        .route("/review/{id}/edit", post(review_pages::edit))
        .route("/assets/app.css", get(layout::stylesheet))
        .route("/assets/app.js", get(layout::script))
        .route("/assets/tasks.js", get(task_pages::script))
        .route(
            "/tasks/ingest",
            get(task_pages::ingest_page).post(task_pages::start_ingest_form),
        )
        .route(
            "/tasks/verify",
            get(task_pages::verify_page).post(task_pages::start_verify_form),
        )
        .route("/tasks/{id}", get(task_pages::task_page))
        .merge(document_routes)
        .merge(api)
        .merge(iiif::routes())
        .fallback(failure::unknown_route)
        .layer(axum::middleware::from_fn(
            failure::rejections_answered_alike,
        ))
        .layer(axum::middleware::from_fn(guard::security_headers))
        .layer(axum::middleware::from_fn(guard::same_origin_posts))
        .with_state(room)
}

/// The admin's pages (`/admin`) and API (`/api/v1/admin`).
fn admin_routes() -> Router<State> {
    Router::new()
        .route("/admin", get(admin_pages::index))
        .route("/admin/accounts", post(admin_pages::create))
        .route("/admin/accounts/{name}", get(admin_pages::account))
        .route("/admin/accounts/{name}/{action}", post(admin_pages::change))
        .route(
            "/admin/accounts/{name}/sessions/revoke",
            post(admin_pages::revoke_sessions),
        )
        .route("/admin/sessions", get(admin_pages::sessions))
        .route(
            "/admin/sessions/{id}/revoke",
            post(admin_pages::revoke_session),
        )
        .route(
            "/admin/tokens",
            get(admin_pages::tokens).post(admin_pages::create_token_page),
        )
        .route("/admin/tokens/{id}/revoke", post(admin_pages::revoke_token))
        .route("/admin/failed-sign-ins", get(admin_pages::failed_sign_ins))
        .route(
            "/api/v1/admin/accounts",
            get(admin_api::accounts).post(admin_api::create_account),
        )
        .route("/api/v1/admin/accounts/{name}", get(admin_api::account))
        .route(
            "/api/v1/admin/accounts/{name}/{action}",
            post(admin_api::change_account),
        )
        .route(
            "/api/v1/admin/accounts/{name}/sessions/revoke",
            post(admin_api::revoke_sessions),
        )
        .route("/api/v1/admin/sessions", get(admin_api::sessions))
        .route(
            "/api/v1/admin/sessions/{id}/revoke",
            post(admin_api::revoke_session),
        )
        .route(
            "/api/v1/admin/tokens",
            get(admin_api::tokens).post(admin_api::create_token_api),
        )
        .route(
            "/api/v1/admin/tokens/{id}/revoke",
            post(admin_api::revoke_token),
        )
        .route(
            "/api/v1/admin/failed-sign-ins",
            get(admin_api::failed_sign_ins),
        )
}

/// Serves the reading room until Ctrl-C or SIGTERM: HTTPS when `config.tls` names a
/// certificate and key (checked before anything else), else plain HTTP.
pub async fn serve(config: ServerConfig) -> Result<()> {
    config.profile.check_listen(config.listen)?;
    let tls = config
        .tls
        .as_ref()
        .map(|files| tls::server_config(&files.cert, &files.key))
        .transpose()?;
    let mut room = ReadingRoom::open(
        &config.archive,
        &config.storage,
        &config.accounts,
        config.secure_cookies || tls.is_some(),
    )?
    .with_institution(config.institution.clone())
    .with_inboxes(config.inboxes.clone());
    room.isolated_lan = config.profile == Profile::IsolatedLan;
    room.deadlines = config.deadlines;
    let room = Arc::new(room);
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

/// `archive` as the reading room changes it: embedded, as it is; in cluster mode (the
/// accounts in the coordinator's `PostgreSQL`), its corrections committed under the
/// coordinator's object lock with an outbox row for the indexer, and every audit append
/// (reads recorded included) serialised through the coordinator's chain head, as `sohoa
/// edit` and the workers do ([`cluster::Coordinator::coordinate`]); with the coordinator
/// the reading room's ingests enqueue in.
type Coordinated = (Archive, Option<Arc<cluster::Coordinator>>);

fn coordinated(archive: Archive, accounts: &crate::accounts::Location) -> Result<Coordinated> {
    let crate::accounts::Location::Cluster { database_url } = accounts else {
        return Ok((archive, None));
    };
    let config = cluster::Config {
        database_url: database_url.clone(),
        lease: cluster::config::DEFAULT_LEASE,
    };
    // Its blocking client runs a runtime of its own: connected (and closed) on a thread
    // outside the server's, which this runs inside, before the listener starts.
    std::thread::scope(|s| {
        s.spawn(|| {
            cluster::Coordinator::connect(&config)
                .map(|c| (c.coordinate(archive), Some(Arc::new(c))))
        })
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
    .map_err(Error::Coordinator)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_isolated_lan_profile_listens_only_on_loopback_or_private_addresses() {
        for ok in [
            "127.0.0.1:8080",
            "10.1.2.3:80",
            "172.16.0.9:443",
            "192.168.1.10:8443",
            "[::1]:8080",
            "[fd12::1]:80",
            "[fe80::1]:80",
            "[::ffff:192.168.1.2]:80",
        ] {
            assert!(
                Profile::IsolatedLan
                    .check_listen(ok.parse().unwrap())
                    .is_ok(),
                "{ok}"
            );
        }
        for refused in [
            "0.0.0.0:80",
            "[::]:80",
            "8.8.8.8:80",
            "172.32.0.1:80",
            "[2001:db8::1]:80",
        ] {
            let e = Profile::IsolatedLan
                .check_listen(refused.parse().unwrap())
                .unwrap_err();
            assert!(e.to_string().contains(refused), "{e}");
        }
        assert!(Profile::Standard
            .check_listen("0.0.0.0:80".parse().unwrap())
            .is_ok());
    }
}
