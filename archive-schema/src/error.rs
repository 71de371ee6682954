//! The one error type of the schema crate: every variant names the field or file at fault.

/// A record, sidecar or identifier that breaks the rules.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A sidecar file is not valid JSON or has a key the standard does not know.
    #[error("{file}: {message}")]
    Sidecar { file: String, message: String },
    /// A field value has the wrong shape.
    #[error("{file}: field `{field}`: {message}")]
    Field {
        file: String,
        field: String,
        message: String,
    },
    /// An archival identifier has the wrong shape.
    #[error("identifier {value:?}: {message}")]
    Identifier { value: String, message: String },
}

/// Result with the schema's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
