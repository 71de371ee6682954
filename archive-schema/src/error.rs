//! The one error type of the schema crate, and the validation finding it can carry.
//!
//! In: what went wrong, from any module. Out: [`Error`] (every variant names the field, file
//! or key at fault) and [`ValidationError`] (one broken rule of a record: the ASCII field key,
//! the kind of problem and an English message that includes the Vietnamese field name).

use std::fmt;

/// A record, sidecar, code file, identifier or edit that breaks the rules.
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
    /// A code file (`codes/*.json` or an agency's own) is malformed.
    #[error("code file: {message}")]
    Codes { message: String },
    /// `set_field` was given a key the record does not have.
    #[error("unknown {record} field `{key}`; valid keys: {}", valid.join(", "))]
    UnknownField {
        record: &'static str,
        key: String,
        valid: Vec<&'static str>,
    },
    /// `set_field` was given a key that must not be edited.
    #[error("field `{key}` ({vi}) cannot be set: {reason}")]
    ReadOnlyField {
        key: String,
        vi: &'static str,
        reason: &'static str,
    },
    /// A value given for a field breaks its rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

/// Result with the schema's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of rule a [`ValidationError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A mandatory field is absent.
    Missing,
    /// A coded field holds a value outside its code set (or a label where the code belongs).
    UnknownCode,
    /// A date is not an ISO date of the allowed precision, or not a real day.
    BadDate,
    /// An identifier (mã hồ sơ, mã lưu trữ tài liệu, mã định danh) has the wrong shape.
    BadIdentifier,
    /// A value has the wrong form for its field (empty text, a number out of range, …).
    BadValue,
    /// Two fields disagree (mã lưu trữ vs mã hồ sơ, start after end, …).
    Inconsistent,
}

/// One broken rule of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// ASCII record key of the field at fault (`thoi_han_bao_quan`).
    pub field: &'static str,
    /// The field's Vietnamese name (`thời hạn bảo quản`).
    pub vi: &'static str,
    pub problem: Problem,
    /// English description of the problem, naming the value and what is allowed.
    pub message: String,
}

impl ValidationError {
    pub(crate) fn new(field: &'static str, problem: Problem, message: impl Into<String>) -> Self {
        ValidationError {
            field,
            vi: crate::fields::vi_name(field),
            problem,
            message: message.into(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` ({}): {}", self.field, self.vi, self.message)
    }
}

impl std::error::Error for ValidationError {}
