//! Access to classified records: documents with chế độ sử dụng Mật need clearance.
//!
//! In: a document record (or every document of a hồ sơ object) and the reader's
//! [`Clearance`]. Out: whether it may be seen. A hidden document is answered exactly like an
//! unknown id ([`Error::NotFound`]), so nothing reveals that it exists. Search decides from
//! the same stored records ([`crate::visibility::search`]), so totals, snippets and hits
//! agree with `list`, `show`, `get` and `export`.
//!
//! `--clearance mat` stands in for users and roles until they exist.

use crate::store::records::DocumentRecord;
use crate::store::HoSoObject;
use crate::{Error, Result};

/// The chế độ sử dụng code of Mật (restricted) records.
pub const MAT_CODE: &str = "03";

/// What a reader may see.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clearance {
    /// Open records only (chế độ sử dụng 01, 02 or none).
    #[default]
    Public,
    /// Also records with chế độ sử dụng Mật.
    Mat,
}

/// Records in the audit log that `actor` read a restricted document (`what`: `show`,
/// `get original`, `get pdf`, `export`); nothing for an open one. An archive that cannot be
/// written (a read-only copy) is not an error: the caller warns.
pub fn record_read(
    archive: &crate::store::Archive,
    actor: &str,
    object: &str,
    doc: &DocumentRecord,
    what: &str,
) -> Result<()> {
    if !is_restricted(doc) {
        return Ok(());
    }
    archive.audit().append(
        actor,
        "read-mat",
        Some(object),
        serde_json::json!({ "document": doc.id, "read": what }),
    )?;
    Ok(())
}

/// Whether a document is restricted (chế độ sử dụng Mật).
pub fn is_restricted(doc: &DocumentRecord) -> bool {
    doc.record
        .che_do_su_dung
        .as_ref()
        .is_some_and(|v| v.value == MAT_CODE)
}

impl Clearance {
    pub fn may_see(self, doc: &DocumentRecord) -> bool {
        self == Clearance::Mat || !is_restricted(doc)
    }

    /// `Ok` when `doc` may be seen, else the error an unknown id gets.
    pub fn check_document(self, doc: &DocumentRecord) -> Result<()> {
        if self.may_see(doc) {
            Ok(())
        } else {
            Err(Error::NotFound(format!(
                "no document with id {} in the archive",
                doc.id
            )))
        }
    }

    /// `Ok` when every document of `object` may be seen (exporting an object exports all).
    pub fn check_object(self, object: &HoSoObject) -> Result<()> {
        if object.documents.iter().all(|d| self.may_see(d)) {
            Ok(())
        } else {
            Err(Error::NotFound(format!(
                "hồ sơ object {} holds documents with chế độ sử dụng Mật; they need --clearance mat",
                object.id
            )))
        }
    }
}
