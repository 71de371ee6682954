//! The one error type of the understanding crate.
//!
//! In: what fails while reading an input given as text (an `approvals.json`). Out: an
//! [`Error`] whose message names the fault; the caller adds the file it read.

/// What can go wrong in understanding (the heuristics themselves do not fail).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An `approvals.json` is not valid JSON of its shape; `field` is the path of the value
    /// at fault (`approvals[0].source_page`), empty when the fault is the file's syntax.
    #[error("{}{message}", if field.is_empty() { String::new() } else { format!("field `{field}`: ") })]
    ApprovalsJson { field: String, message: String },
    /// An approval (1-based `number`) lacks its reference or what it covers.
    #[error("approval {number}: needs a non-empty \"reference\" and a \"hoso\" or \"so_ky_hieu\"")]
    IncompleteApproval { number: usize },
}

/// Result with the understanding [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
