//! Cluster mode (DESIGN.md §8): OCR spread over many worker processes, coordinated through
//! PostgreSQL, committing to the shared OCFL storage root through the store's
//! `ObjectStorage` trait.
//!
//! In: a coordinator database (`SOHOA_DATABASE_URL` or `sohoa.toml`, [`config`]) and an
//! archive every process can reach (a shared directory today). Out: jobs enqueued one per
//! hồ sơ ([`coordinator::Coordinator::enqueue`]; a scan copied across hồ sơ stored once,
//! [`originals`]), run by `sohoa worker` processes
//! ([`worker`]: lease, today's pipeline on one hồ sơ, a commit fenced by the lease's epoch,
//! ack), verify jobs checking stored objects for `sohoa verify --cluster` ([`verify`]), and
//! the search index built from the committed versions' outbox ([`indexer`]). The
//! schema is versioned in `migrations/` ([`migrate`]).

pub mod config;
pub mod coordinator;
pub mod indexer;
pub mod migrate;
pub mod originals;
pub mod throwaway;
pub mod verify;
pub mod worker;

pub use config::Config;
pub use coordinator::Coordinator;

/// Everything that can go wrong in cluster mode.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The coordinator's database failed or cannot be reached.
    #[error("coordinator database: {0}")]
    Db(#[from] postgres::Error),
    /// The database's schema is not the one this sohoa knows.
    #[error("coordinator schema: {0}")]
    Schema(String),
    /// The configuration (`sohoa.toml`, the environment) is wrong.
    #[error("configuration: {0}")]
    Config(String),
    /// The pipeline or the store failed.
    #[error(transparent)]
    Pipeline(#[from] pipeline::Error),
}

/// Result with the cluster's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for pipeline::Error {
    fn from(e: Error) -> Self {
        match e {
            Error::Pipeline(e) => e,
            other => pipeline::Error::Coordinator(other.to_string()),
        }
    }
}
