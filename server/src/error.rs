//! The reading room's one error type.

/// What can go wrong in the reading room's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The accounts database could not be opened, read or written.
    #[error("accounts database {path}: {source}")]
    Database {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The cluster's accounts database (`PostgreSQL`) failed.
    #[error("accounts database (PostgreSQL): {0}")]
    Postgres(#[source] postgres::Error),
    /// The cluster's coordinator (`PostgreSQL`) cannot be reached or its schema brought up
    /// to date (cluster mode: the reading room's corrections and audit appends go through it).
    #[error("coordinator (PostgreSQL): {0}")]
    Coordinator(#[source] cluster::Error),
    /// The accounts database cannot be reached, its schema brought up to date, or it
    /// holds what this program does not read.
    #[error("accounts database: {0}")]
    Store(String),
    /// A value given for a field is not acceptable (the field is named).
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// No account by that name.
    #[error("no account named {0}")]
    NoSuchAccount(String),
    /// An account by that name exists already.
    #[error("an account named {0} exists already")]
    AccountExists(String),
    /// No reading request with that id (or none the asker may see: the same answer).
    #[error("no reading request {0}")]
    NoSuchRequest(i64),
    /// No grant with that id.
    #[error("no grant {0}")]
    NoSuchGrant(i64),
    /// The asker may not do this (a role they lack, their own request to decide).
    #[error("refused: {0}")]
    Refused(String),
    /// A task of that kind runs already (one ingest, one verification at a time).
    #[error("{0}")]
    Busy(String),
    /// The server may not start as asked (the isolated-LAN profile on a public address).
    #[error("{0}")]
    Profile(String),
    /// No live session with that id.
    #[error("no session {0}")]
    NoSuchSession(String),
    /// No API token with that id.
    #[error("no API token {0}")]
    NoSuchToken(i64),
    /// Password hashing failed.
    #[error("password hashing: {0}")]
    PasswordHash(String),
    /// The archive answered with an error.
    #[error(transparent)]
    Archive(#[from] pipeline::Error),
    /// The TLS certificate or key file cannot be used (the file is named).
    #[error("TLS: {file}: {message}")]
    Tls { file: String, message: String },
    /// A file or socket of the server.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
