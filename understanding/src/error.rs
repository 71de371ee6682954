//! The one error type of the understanding crate.
//!
//! In: what fails while reading an input given as text (an `approvals.json`). Out: an
//! [`Error`] whose message names the fault; the caller adds the file it read.

/// What can go wrong in understanding (the heuristics themselves do not fail).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An `approvals.json` is not valid JSON of its shape.
    #[error("{0}")]
    ApprovalsJson(#[from] serde_json::Error),
    /// An approval (1-based `number`) lacks its reference or what it covers.
    #[error("approval {number}: needs a non-empty \"reference\" and a \"hoso\" or \"so_ky_hieu\"")]
    IncompleteApproval { number: usize },
}

/// Result with the understanding [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
