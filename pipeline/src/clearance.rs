//! Access to classified records: which clearance a document needs, and what a reader sees.
//!
//! In: a document record (or every document of a hồ sơ object, or an audit entry) and the
//! reader's [`Clearance`]. Out: whether it may be seen (the audit entry as it may be seen). A
//! document needs clearance when its chế độ sử dụng is Mật (`03`) or it carries an độ mật
//! (Mật, Tối mật): DESIGN.md §7. A hidden document is answered exactly like an unknown id
//! ([`Error::NotFound`]), so nothing reveals that it exists; audit entries about it are left
//! out. The gate ([`crate::gate`]) applies these rules on every read and write.

use std::collections::BTreeSet;

use crate::store::audit::AuditEntry;
use crate::store::records::DocumentRecord;
use crate::store::HoSoObject;
use crate::Error;

/// The chế độ sử dụng code of Mật (restricted) records.
pub const MAT_CODE: &str = "03";

/// What a reader may see, in increasing order: each level covers the ones below it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Clearance {
    /// Open records only (chế độ sử dụng 01, 02 or none, no độ mật).
    #[default]
    Public,
    /// Also records with chế độ sử dụng Mật or độ mật Mật.
    Mat,
    /// Also records with độ mật Tối mật.
    ToiMat,
}

/// The clearance a record with chế độ sử dụng `che_do_su_dung` (a code) and độ mật `do_mat`
/// (a label of the `do_mat` set) needs. Tuyệt mật is never archived; a record that says so
/// needs the highest clearance there is.
pub fn needed_for(che_do_su_dung: Option<&str>, do_mat: Option<&str>) -> Clearance {
    let by_mark = match do_mat.map(archive_schema::fold) {
        None => Clearance::Public,
        Some(mark) if mark.is_empty() => Clearance::Public,
        Some(mark) if mark.contains("toi mat") || mark.contains("tuyet mat") => Clearance::ToiMat,
        Some(_) => Clearance::Mat,
    };
    let by_regime = if che_do_su_dung.is_some_and(|c| c.trim() == MAT_CODE) {
        Clearance::Mat
    } else {
        Clearance::Public
    };
    by_mark.max(by_regime)
}

/// The chế độ sử dụng code of records used under conditions (a grant is needed to read).
pub const CONDITIONAL_CODE: &str = "02";

/// A document's access regime for its content (DESIGN.md §7's rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Regime {
    /// Chế độ sử dụng 01 Công khai, or none given.
    Open,
    /// 02 Sử dụng có điều kiện: content under a grant.
    Conditional,
    /// 03 Mật, or an độ mật: existence under a clearance, content under a clearance, a
    /// grant and the isolated-LAN profile.
    Secret,
}

impl Regime {
    /// The regime of a record needing `needed` with chế độ sử dụng `che_do_su_dung`.
    pub fn of(needed: Clearance, che_do_su_dung: Option<&str>) -> Regime {
        if needed > Clearance::Public {
            Regime::Secret
        } else if che_do_su_dung.is_some_and(|c| c.trim() == CONDITIONAL_CODE) {
            Regime::Conditional
        } else {
            Regime::Open
        }
    }

    /// Whether reading its content in the reading room needs a grant.
    pub fn needs_grant(self) -> bool {
        self != Regime::Open
    }
}

/// The regime of document `doc`.
pub fn regime(doc: &DocumentRecord) -> Regime {
    Regime::of(
        required(doc),
        doc.record.che_do_su_dung.as_ref().map(|v| v.value.as_str()),
    )
}

/// The clearance document `doc` needs.
pub fn required(doc: &DocumentRecord) -> Clearance {
    needed_for(
        doc.record.che_do_su_dung.as_ref().map(|v| v.value.as_str()),
        doc.record.do_mat.as_ref().map(|v| v.value.as_str()),
    )
}

/// Whether a document needs any clearance (chế độ sử dụng Mật, or an độ mật): reading it
/// is recorded in the audit log.
pub fn is_restricted(doc: &DocumentRecord) -> bool {
    required(doc) > Clearance::Public
}

/// The error every read answers for document `id` when there is none, or none the reader
/// may see: one message for both, so that nothing tells them apart.
pub fn unknown_document(id: &str) -> Error {
    Error::NotFound(format!("no document with id {id} in the archive"))
}

/// The error for `id` taken as a document or hồ sơ object id (`history`, `edit`) when there
/// is neither, or none the reader may see.
pub fn unknown_record(id: &str) -> Error {
    Error::NotFound(format!("no document or hồ sơ with id {id} in the archive"))
}

impl Clearance {
    /// Whether this clearance covers what `needed` asks for.
    pub fn covers(self, needed: Clearance) -> bool {
        self >= needed
    }

    pub fn may_see(self, doc: &DocumentRecord) -> bool {
        self.covers(required(doc))
    }

    /// Whether every document of `object` may be seen (exporting an object exports all). An
    /// object that may not be is treated as absent, like an unknown id.
    pub fn may_see_object(self, object: &HoSoObject) -> bool {
        object.documents.iter().all(|d| self.may_see(d))
    }

    /// Whether one document of `object` at least may be seen: the hồ sơ is then known to
    /// this reader (browse lists it with those documents), and what is asked of it acts on
    /// them only.
    pub fn may_see_some_of(self, object: &HoSoObject) -> bool {
        object.documents.iter().any(|d| self.may_see(d))
    }

    /// `entry` as this reader may see it: `None` for an entry about a document in `hidden`
    /// (the ids this reader may not see: a read of one, an edit or an export of one); other
    /// entries lose the ids in `hidden`. Without clearance, reads of restricted documents
    /// and approval references are left out too.
    pub fn audit_entry(self, entry: &AuditEntry, hidden: &BTreeSet<String>) -> Option<AuditEntry> {
        if self == Clearance::Public && entry.action == READ_MAT_ACTION {
            return None;
        }
        let mut entry = entry.clone();
        if names_restricted(&mut entry.detail, hidden, self == Clearance::Public) {
            return None;
        }
        Some(entry)
    }
}

/// The audit action of a read of a Mật document.
pub const READ_MAT_ACTION: &str = "read-mat";
/// The audit action recording a read of an unrestricted document (the reading room records
/// every read: DESIGN.md §7).
pub const READ_ACTION: &str = "read";

/// Keys of audit details that carry approval references (DESIGN.md: an approval names the
/// Mật document it admits).
const APPROVAL_KEYS: [&str; 3] = ["approval", "approvals", "reference"];

/// Removes from `value` the ids in `hidden` (and approval references, when
/// `drop_approvals`), and says whether `value` itself names one: a string that is such an
/// id, or an object with a field that is (it is about that document, so it goes as a
/// whole). Arrays keep their other elements.
pub(crate) fn names_restricted(
    value: &mut serde_json::Value,
    hidden: &BTreeSet<String>,
    drop_approvals: bool,
) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => hidden.contains(s),
        Value::Array(items) => {
            items.retain_mut(|item| !names_restricted(item, hidden, drop_approvals));
            false
        }
        Value::Object(fields) => {
            if drop_approvals {
                fields.retain(|key, _| !APPROVAL_KEYS.contains(&key.as_str()));
            }
            let mut names = false;
            fields.retain(|_, field| {
                let direct = field.is_string();
                let hidden = names_restricted(field, hidden, drop_approvals);
                names |= hidden && direct;
                !hidden
            });
            names
        }
        _ => false,
    }
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
    fn marks_and_regimes_need_their_clearance() {
        assert_eq!(needed_for(None, None), Clearance::Public);
        assert_eq!(needed_for(Some("01"), Some("")), Clearance::Public);
        assert_eq!(needed_for(Some("02"), None), Clearance::Public);
        assert_eq!(needed_for(Some("03"), None), Clearance::Mat);
        assert_eq!(needed_for(Some("01"), Some("Mật")), Clearance::Mat);
        assert_eq!(needed_for(Some("01"), Some("MAT")), Clearance::Mat);
        assert_eq!(needed_for(None, Some("Tối mật")), Clearance::ToiMat);
        assert_eq!(needed_for(Some("03"), Some("Tuyệt mật")), Clearance::ToiMat);
        assert!(Clearance::ToiMat.covers(Clearance::Mat));
        assert!(!Clearance::Mat.covers(Clearance::ToiMat));
        assert!(!Clearance::Public.covers(Clearance::Mat));
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
            Clearance::Mat.audit_entry(&ingest, &BTreeSet::new()),
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
