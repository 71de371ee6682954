//! The one error type of the pipeline crate.
//!
//! In: failures from I/O, decoders, Tesseract, tantivy and the archive store.
//! Out: [`Error`], whose messages always name the file (and page) they concern.

use std::path::PathBuf;

/// What is wrong with a search query ([`Error::Query`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// Nothing to search for.
    Empty,
    /// Parentheses nested `depth` deep, more than `max`.
    TooDeep { depth: usize, max: usize },
    /// `chars` characters long, more than `max`.
    TooLong { chars: usize, max: usize },
    /// `field:*` (any value of a field), which cannot be searched.
    AnyValue { field: String },
    /// Quotes or parentheses not closed, AND / OR not between two words.
    Syntax,
    /// A word before a colon that names no searchable field.
    NotAField { field: String },
    /// A phrase in a field that has no word positions.
    PhraseInField { field: String },
    /// Only excluded words (`-word`).
    OnlyExclusions,
    /// A date filter that is neither `YYYY-MM-DD` nor a year.
    DateFilter,
    /// Another refusal of the query parser.
    Other,
}

/// Everything that can go wrong in the pipeline, store, index and verifier.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A scan file (or one page of it) cannot be decoded.
    #[error("{}{}: {message}", path.display(), page.map(|p| format!(" page {p}")).unwrap_or_default())]
    Decode {
        path: PathBuf,
        /// 1-based page within the file, when the failure concerns one page.
        page: Option<u32>,
        message: String,
    },
    /// Tesseract could not be started or failed on a page.
    #[error("OCR: {0}")]
    Ocr(String),
    /// A JSON file of the archive or a sidecar is malformed.
    #[error("{}: {message}", path.display())]
    Json { path: PathBuf, message: String },
    /// The archive is not in the shape sohoa expects.
    #[error("archive: {0}")]
    Archive(String),
    /// The search index failed.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A search query cannot be parsed: `message` says why in English, `problem` names it
    /// for a caller telling the user in another language.
    #[error("cannot parse query {query:?}: {message}")]
    Query {
        query: String,
        message: String,
        problem: QueryProblem,
    },
    /// An access-copy PDF cannot be built from the pages given.
    #[error("access PDF: {0}")]
    Pdf(String),
    /// A catalog record or sidecar is invalid.
    #[error(transparent)]
    Schema(#[from] archive_schema::Error),
    /// What was asked for (a document, object, page, stored file) is not in the archive.
    #[error("{0}")]
    NotFound(String),

    /// A correction of a hồ sơ's split that cannot be made as asked: the problem names the
    /// parameter at fault.
    #[error("{field}: {0}", field = .0.field())]
    Split(crate::resplit::SplitProblem),

    /// The principal may not do this (a role or clearance it lacks, a reason not given).
    /// Never used for what the principal may not see: that is [`Error::NotFound`].
    #[error("refused: {0}")]
    Forbidden(String),
    /// Stored bytes do not match the digest the inventory records for them.
    #[error("{}: sha256 {actual} does not match the inventory digest {expected}; the stored file is damaged (run `sohoa verify`)", path.display())]
    Fixity {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    /// A source file's bytes changed between its hashing at planning and its copy into the
    /// archive (appended to or rewritten while being ingested).
    #[error("{}: changed while being ingested (sha256 {actual} now, {expected} when it was read); nothing of its hồ sơ was stored, run ingest again once the file is final", path.display())]
    SourceChanged {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    /// An export cannot be made (e.g. its output directory already holds something).
    #[error("export: {0}")]
    Export(String),
    /// A create-only write of the OCFL storage found its key already stored (stored files
    /// are never written over).
    #[error("{}: already stored; files of the storage root are never written over", path.display())]
    KeyExists { path: PathBuf },
    /// A commit found the root inventory changed since it read it (another writer, or a
    /// change by hand): nothing was replaced.
    #[error("{}: sha256 {actual}, not {expected} as when the commit read it; the root inventory changed meanwhile and was not replaced", path.display())]
    InventoryChanged {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    /// A change (an edit, a correction of the split) read an object at a head another
    /// writer has moved since: nothing was stored.
    #[error("object {object}: changed by another writer meanwhile (now at {now}, this change was made to {read}); nothing stored, run it again")]
    ChangedMeanwhile {
        object: String,
        now: String,
        read: String,
    },
    /// Cluster mode: the coordinator (PostgreSQL) could not be reached or refused the run's
    /// commit (its lease was lost to another worker: the fencing epoch moved on).
    #[error("coordinator: {0}")]
    Coordinator(String),
    /// The object store (S3) could not be reached: its retries, with backoff, ran out
    /// without an answer. Nothing was committed by the request that failed.
    #[error("the object store cannot be reached: {0}")]
    StorageUnreachable(String),
}

/// Result with the pipeline's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether a commit failed because another writer committed the same object meanwhile
    /// (a key of the version already stored, the root inventory changed, the head moved
    /// since the change read it): nothing of this writer's version is committed, and the
    /// other's version is what the store holds.
    pub fn is_concurrent_commit(&self) -> bool {
        matches!(
            self,
            Error::KeyExists { .. }
                | Error::InventoryChanged { .. }
                | Error::ChangedMeanwhile { .. }
        )
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Whether the error is about one hồ sơ's own files (a source file changed while being
    /// ingested, a page that cannot be decoded, a name too long for the file system, a record
    /// that cannot be made) rather than about the archive: ingest then fails that hồ sơ, names
    /// it in the report and goes on with the others.
    pub fn concerns_one_hoso(&self) -> bool {
        match self {
            Error::SourceChanged { .. }
            | Error::Decode { .. }
            | Error::Pdf(_)
            | Error::Schema(_) => true,
            Error::Io { source, .. } => source.raw_os_error() == Some(libc::ENAMETOOLONG),
            _ => false,
        }
    }

    /// A decode error on `path` (and page).
    pub fn decode(path: impl Into<PathBuf>, page: Option<u32>, message: impl Into<String>) -> Self {
        Error::Decode {
            path: path.into(),
            page,
            message: message.into(),
        }
    }
}
