//! Access to classified records: documents with chế độ sử dụng Mật need clearance.
//!
//! In: a document record (or every document of a hồ sơ object, or an audit entry) and the
//! reader's [`Clearance`]. Out: whether it may be seen (the audit entry as it may be seen). A
//! hidden document is answered exactly like an unknown id ([`Error::NotFound`]), so nothing
//! reveals that it exists; audit entries about it are left out. Search decides from the
//! same stored records ([`crate::visibility::search`]), so totals, snippets and hits agree
//! with `list`, `show`, `get` and `export`.
//!
//! `--clearance mat` stands in for users and roles until they exist.

use std::collections::BTreeSet;

use crate::store::audit::AuditEntry;
use crate::store::records::DocumentRecord;
use crate::store::{Archive, HoSoObject};
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
/// `get original`, `get pdf`, `export`); nothing for an open one. A read that cannot be
/// recorded (a read-only copy, a damaged log) is an error: the caller refuses the read.
pub fn record_read(
    archive: &Archive,
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
        READ_MAT_ACTION,
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

/// The error every read answers for document `id` when there is none, or none the reader
/// may see: one message for both, so that nothing tells them apart.
pub fn unknown_document(id: &str) -> Error {
    Error::NotFound(format!("no document with id {id} in the archive"))
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
            Err(unknown_document(&doc.id))
        }
    }

    /// Whether every document of `object` may be seen (exporting an object exports all). An
    /// object that may not be is treated as absent, like an unknown id.
    pub fn may_see_object(self, object: &HoSoObject) -> bool {
        object.documents.iter().all(|d| self.may_see(d))
    }

    /// `entry` as this reader may see it. With clearance, as it is. Without, `None` for an
    /// entry about a Mật document (a read of one, an edit or an export of one); other
    /// entries lose the ids of Mật documents (in `restricted`) and approval references.
    pub fn audit_entry(
        self,
        entry: &AuditEntry,
        restricted: &BTreeSet<String>,
    ) -> Option<AuditEntry> {
        if self == Clearance::Mat {
            return Some(entry.clone());
        }
        if entry.action == READ_MAT_ACTION {
            return None;
        }
        let mut entry = entry.clone();
        if names_restricted(&mut entry.detail, restricted) {
            return None;
        }
        Some(entry)
    }
}

/// The audit action of a read of a Mật document.
pub const READ_MAT_ACTION: &str = "read-mat";

/// Keys of audit details that carry approval references (DESIGN.md: an approval names the
/// Mật document it admits).
const APPROVAL_KEYS: [&str; 3] = ["approval", "approvals", "reference"];

/// Removes from `value` the ids in `restricted` and approval references, and says whether
/// `value` itself names one: a string that is such an id, or an object with a field that is
/// (it is about that document, so it goes as a whole). Arrays keep their other elements.
fn names_restricted(value: &mut serde_json::Value, restricted: &BTreeSet<String>) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => restricted.contains(s),
        Value::Array(items) => {
            items.retain_mut(|item| !names_restricted(item, restricted));
            false
        }
        Value::Object(fields) => {
            fields.retain(|key, _| !APPROVAL_KEYS.contains(&key.as_str()));
            let mut names = false;
            fields.retain(|_, field| {
                let direct = field.is_string();
                let hidden = names_restricted(field, restricted);
                names |= hidden && direct;
                !hidden
            });
            names
        }
        _ => false,
    }
}

/// The ids of the stored documents with chế độ sử dụng Mật (head versions).
pub fn restricted_ids(archive: &Archive) -> Result<BTreeSet<String>> {
    Ok(archive
        .hoso_objects()?
        .iter()
        .flat_map(|o| o.documents.iter())
        .filter(|d| is_restricted(d))
        .map(|d| d.id.clone())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(action: &str, detail: serde_json::Value) -> AuditEntry {
        AuditEntry {
            seq: 1,
            time: "2026-12-03T00:00:00.000Z".into(),
            actor: "a".into(),
            action: action.into(),
            object: Some("OBJ".into()),
            detail,
            prev: String::new(),
            hash: "h".into(),
        }
    }

    #[test]
    fn audit_entries_lose_what_names_mat_documents_without_clearance() {
        let restricted = BTreeSet::from(["MAT1".to_string()]);
        let ingest = entry(
            "ingest",
            json!({
                "documents": ["OPEN1", "MAT1"],
                "approvals": [{"document": "MAT1", "approval": "12-CV/VPTU"}],
                "pages": 3,
            }),
        );
        let seen = Clearance::Public.audit_entry(&ingest, &restricted).unwrap();
        assert_eq!(seen.detail, json!({"documents": ["OPEN1"], "pages": 3}));
        assert_eq!(
            Clearance::Mat.audit_entry(&ingest, &restricted),
            Some(ingest)
        );
        for about_mat in [
            entry("read-mat", json!({"document": "OPEN1", "read": "show"})),
            entry("edit", json!({"document": "MAT1", "keys": ["trich_yeu"]})),
            entry("export", json!({"selection": "MAT1", "objects": []})),
        ] {
            assert_eq!(Clearance::Public.audit_entry(&about_mat, &restricted), None);
        }
        let export = entry(
            "export",
            json!({"selection": "box hop-1", "objects": [{"id": "OBJ", "documents": ["MAT1", "OPEN1"]}]}),
        );
        let seen = Clearance::Public.audit_entry(&export, &restricted).unwrap();
        assert_eq!(seen.detail["objects"][0]["documents"], json!(["OPEN1"]));
        let edit = entry("edit", json!({"document": "OPEN1"}));
        assert_eq!(
            Clearance::Public.audit_entry(&edit, &restricted),
            Some(edit)
        );
    }
}
