//! Corrections by the archivist: `KEY=VALUE` settings in, a new object version out.
//!
//! In: a document id (tài liệu record keys) or a hồ sơ object id (hồ sơ record keys) and the
//! settings of `sohoa edit ID --set KEY=VALUE`. Out: an [`EditOutcome`]: the new version of
//! the hồ sơ object holding the corrected record (values marked `given`), a `metadata-edit`
//! PREMIS event with the old and new values, the document's index entry refreshed and an
//! audit entry. Earlier versions stay as they were, so nothing is lost; re-ingest keeps
//! given values (see [`crate::store::records::keep_given_values`]).

use std::collections::BTreeMap;

use archive_schema::CodeSets;
use serde::Serialize;

use crate::catalog;
use crate::clearance::{needed_for, unknown_record, Clearance};
use crate::store::audit::{is_next_unrecorded, recorded_versions};
use crate::store::ocfl::{CommitOutcome, FileSource, User};
use crate::store::records::{
    document_path, DocumentRecord, DocumentSummary, Event, EventOutcome, EventType, HoSoMetadata,
    EVENTS_PATH, HOSO_PATH,
};
use crate::store::{Archive, HoSoObject, ObjectHead};
use crate::{Error, Result};

/// One field that an edit changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub key: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
}

/// What an edit did.
#[derive(Debug, Clone, Serialize)]
pub struct EditOutcome {
    /// The hồ sơ object edited.
    pub object: String,
    /// The document edited, when the id was a document's.
    pub document: Option<String>,
    /// The version holding the edit (the unchanged head when nothing changed).
    pub version: String,
    pub changes: Vec<FieldChange>,
}

/// Parses `KEY=VALUE` (the value may contain `=`; an empty value clears the field).
pub fn parse_setting(setting: &str) -> Result<(String, String)> {
    match setting.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_string(), value.to_string()))
        }
        _ => Err(Error::Archive(format!(
            "--set {setting:?}: expected KEY=VALUE, e.g. trich_yeu=\"Về công tác văn thư\""
        ))),
    }
}

/// Sets each `KEY=VALUE` on `record` with `set` and returns what changed. Confirming an
/// extracted value by setting it unchanged is a change too: its source becomes `given`
/// (and it leaves the review queue).
fn apply_settings<R: Serialize>(
    record: &mut R,
    settings: &[(String, String)],
    set: impl Fn(&mut R, &str, &str) -> archive_schema::Result<()>,
) -> Result<Vec<FieldChange>> {
    let entry = |r: &R, key: &str| {
        let json = serde_json::to_value(r).expect("records serialise");
        json.get(key).cloned().unwrap_or(serde_json::Value::Null)
    };
    let value = |e: &serde_json::Value| e.get("value").cloned();
    let mut changes = Vec::new();
    for (key, raw) in settings {
        let before = entry(record, key);
        set(record, key, raw)?;
        let after = entry(record, key);
        if before != after {
            changes.push(FieldChange {
                key: key.clone(),
                old: value(&before),
                new: value(&after),
            });
        }
    }
    Ok(changes)
}

/// A correction asked for: the record keys to set on document or hồ sơ `id`, and why.
#[derive(Debug, Clone, Copy)]
pub struct EditRequest<'a> {
    pub id: &'a str,
    pub settings: &'a [(String, String)],
    /// Accept the document as it is (documents only): it leaves the review queue.
    pub reviewed: bool,
    /// Why: required when chế độ sử dụng or độ mật changes; recorded in the event and the
    /// audit entry whenever given.
    pub reason: Option<&'a str>,
    pub codes: &'a CodeSets,
}

/// The record keys that decide who may see a record.
const ACCESS_KEYS: [&str; 2] = ["che_do_su_dung", "do_mat"];

/// Applies the request's settings to the record of document or hồ sơ `id` and stores a new
/// version, on behalf of `actor` with `clearance` (the gate, [`crate::gate::Writer::edit`],
/// is the caller). A document (or an object holding one) `clearance` does not cover is
/// answered like an unknown id; a change of chế độ sử dụng or độ mật needs a clearance
/// covering the old and the new value, and a reason.
pub(crate) fn edit(
    archive: &Archive,
    request: &EditRequest,
    actor: &str,
    clearance: Clearance,
) -> Result<EditOutcome> {
    let EditRequest {
        id,
        settings,
        reviewed,
        reason,
        codes,
    } = *request;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let _lock = archive.lock()?;
    // The edit is audited after its commit: an entry that cannot be written must stop it
    // before anything is stored.
    archive.audit().check_appendable()?;
    let (object, document) = match archive.find_document(id)? {
        Some((object, doc)) if clearance.may_see(&doc) => (object, Some(doc)),
        Some(_) => return Err(unknown_record(id)),
        None => match archive.find_object(id)? {
            Some(object) if clearance.may_see_object(&object) => (object, None),
            _ => return Err(unknown_record(id)),
        },
    };
    let mut changes = Vec::new();
    let mut files: BTreeMap<String, FileSource> = BTreeMap::new();
    let mut documents = object.documents.clone();
    match &document {
        Some(doc) => {
            let mut record = doc.record.clone();
            changes.extend(apply_settings(&mut record, settings, |r, k, v| {
                r.set_field(k, v, codes)
            })?);
            let needed = |r: &archive_schema::TaiLieuRecord| {
                needed_for(
                    r.che_do_su_dung.as_ref().map(|v| v.value.as_str()),
                    r.do_mat.as_ref().map(|v| v.value.as_str()),
                )
            };
            check_access_change(
                &changes,
                clearance,
                [needed(&doc.record), needed(&record)],
                reason,
                record.do_mat.as_ref().map(|v| v.value.as_str()),
            )?;
            let mut updated = DocumentRecord {
                summary: DocumentSummary::from_record(&record, &doc.summary.title),
                record,
                ..doc.clone()
            };
            if reviewed && !doc.reviewed {
                changes.push(FieldChange {
                    key: "reviewed".into(),
                    old: Some(serde_json::json!(doc.review_notes)),
                    new: Some(serde_json::json!(true)),
                });
                updated.reviewed = true;
                updated.review_notes.clear();
            }
            files.insert(document_path(&doc.id), json(&updated));
            if let Some(slot) = documents.iter_mut().find(|d| d.id == doc.id) {
                *slot = updated;
            }
            // The hồ sơ's title and date range follow its documents.
            let mut metadata: HoSoMetadata = object.read_json(HOSO_PATH)?;
            catalog::infer_from_documents(&mut metadata.record, &documents);
            files.insert(HOSO_PATH.to_string(), json(&metadata));
        }
        None if reviewed => {
            return Err(Error::Archive(format!(
                "{id} is a hồ sơ; --reviewed applies to a document id"
            )))
        }
        None => {
            let mut metadata: HoSoMetadata = object.read_json(HOSO_PATH)?;
            let needed = |r: &archive_schema::HoSoRecord| {
                needed_for(r.che_do_su_dung.as_ref().map(|v| v.value.as_str()), None)
            };
            let before = needed(&metadata.record);
            changes.extend(apply_settings(
                &mut metadata.record,
                settings,
                |r, k, v| r.set_field(k, v, codes),
            )?);
            let after = needed(&metadata.record);
            check_access_change(&changes, clearance, [before, after], reason, None)?;
            files.insert(HOSO_PATH.to_string(), json(&metadata));
        }
    }
    if changes.is_empty() {
        return Ok(EditOutcome {
            object: object.id.clone(),
            document: document.map(|d| d.id),
            version: object.inventory.head.clone(),
            changes,
        });
    }

    files.insert(
        EVENTS_PATH.to_string(),
        events_with(
            &object,
            EventType::MetadataEdit,
            actor,
            with_reason(
                serde_json::json!({
                    "document": document.as_ref().map(|d| &d.id),
                    "changes": changes,
                }),
                reason,
            ),
        )?,
    );
    for (path, source) in stored_files(&object)? {
        files.entry(path).or_insert(source);
    }
    let keys: Vec<&str> = changes.iter().map(|c| c.key.as_str()).collect();
    let what = document.as_ref().map_or_else(
        || "hồ sơ record".to_string(),
        |d| format!("document {}", d.id),
    );
    // Why, beside who (the version's user) and when (its time): the history tells all three.
    let message = match reason {
        Some(reason) => format!("edit of {what}: {} — reason: {reason}", keys.join(", ")),
        None => format!("edit of {what}: {}", keys.join(", ")),
    };
    let user = User {
        name: actor.to_string(),
        address: None,
    };
    let document_ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
    let head = archive.commit_object(&object, &mut |holder| {
        let outcome = archive
            .storage()
            .commit_version_as(&object.id, &files, &message, &user, holder)?;
        let committed = matches!(outcome, CommitOutcome::Committed { .. });
        let (version, inventory_sha256) = match outcome {
            CommitOutcome::Committed {
                version,
                inventory_sha256,
            } => (version, Some(inventory_sha256)),
            // The same edit again after one killed between its commit and its entry: the
            // entry records the commit it lacks.
            CommitOutcome::Unchanged { version } => {
                let recorded = recorded_versions(&archive.audit().entries()?);
                let digest = if is_next_unrecorded(recorded.get(&object.id), &version) {
                    Some(object.inventory_sha256()?)
                } else {
                    None
                };
                (version, digest)
            }
        };
        archive.audit().append(
            actor,
            "edit",
            Some(&object.id),
            with_reason(
                serde_json::json!({
                    "version": version,
                    "inventory_sha256": inventory_sha256,
                    "document": document.as_ref().map(|d| &d.id),
                    "keys": keys,
                }),
                reason,
            ),
        )?;
        Ok(ObjectHead {
            inventory_sha256: match inventory_sha256 {
                Some(digest) => digest,
                None => archive
                    .find_object(&object.id)?
                    .map_or(Ok(String::new()), |o| o.inventory_sha256())?,
            },
            version,
            committed,
            documents: document_ids.clone(),
            removed: Vec::new(),
        })
    })?;
    let version = head.version;
    // In cluster mode the coordinator's indexer indexes the change from its outbox row.
    if !archive.indexed_by_coordinator() {
        reindex_object(archive, &object, &documents)?;
    }
    Ok(EditOutcome {
        object: object.id.clone(),
        document: document.map(|d| d.id),
        version,
        changes,
    })
}

/// Refuses a change of who may see a record that `clearance` does not cover: `needed` are
/// the clearances the record needs before and after the change. Such a change also needs a
/// reason, and Tuyệt mật is never a stored record's độ mật.
fn check_access_change(
    changes: &[FieldChange],
    clearance: Clearance,
    needed: [Clearance; 2],
    reason: Option<&str>,
    do_mat: Option<&str>,
) -> Result<()> {
    let keys: Vec<&str> = changes
        .iter()
        .map(|c| c.key.as_str())
        .filter(|k| ACCESS_KEYS.contains(k))
        .collect();
    if keys.is_empty() {
        return Ok(());
    }
    let fields = keys.join(" and ");
    if do_mat.is_some_and(|m| archive_schema::fold(m).contains("tuyet mat")) {
        return Err(Error::Forbidden(
            "a Tuyệt mật record is never stored in the archive (Hướng dẫn 40-HD/VPTW)".into(),
        ));
    }
    if let Some(short) = needed.iter().find(|n| !clearance.covers(**n)) {
        return Err(Error::Forbidden(format!(
            "changing {fields} needs a clearance covering {} (the value before and after the \
             change)",
            clearance_name(*short)
        )));
    }
    if reason.is_none() {
        return Err(Error::Forbidden(format!(
            "changing {fields} needs a reason (--reason), recorded with the change"
        )));
    }
    Ok(())
}

/// A clearance's name in messages.
pub(crate) fn clearance_name(clearance: Clearance) -> &'static str {
    match clearance {
        Clearance::Public => "open records",
        Clearance::Mat => "Mật",
        Clearance::ToiMat => "Tối mật",
    }
}

/// `detail` with `"reason"` added when one was given.
fn with_reason(mut detail: serde_json::Value, reason: Option<&str>) -> serde_json::Value {
    if let (Some(reason), Some(fields)) = (reason, detail.as_object_mut()) {
        fields.insert("reason".into(), reason.into());
    }
    detail
}

/// Refreshes the index entries of an object's documents after a change of its records.
fn reindex_object(
    archive: &Archive,
    object: &HoSoObject,
    documents: &[DocumentRecord],
) -> Result<()> {
    let pages = object.pages()?;
    let entries = catalog::index_entries(
        &object.source.box_name,
        &object.source.hoso,
        documents,
        &pages,
    );
    let index = catalog::open_index(archive)?;
    index.replace_documents(&entries)
}

/// The events file of `object`'s next version: its events and a new one of `event_type` by
/// `actor`, now.
pub(crate) fn events_with(
    object: &HoSoObject,
    event_type: EventType,
    actor: &str,
    detail: serde_json::Value,
) -> Result<FileSource> {
    let mut events: Vec<Event> = if object.files().contains_key(EVENTS_PATH) {
        object.read_json(EVENTS_PATH)?
    } else {
        Vec::new()
    };
    events.push(Event {
        event_type,
        time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        agent: actor.to_string(),
        outcome: EventOutcome::Success,
        detail,
    });
    Ok(json(&events))
}

/// Every logical file of the version of `object` read, as stored.
pub(crate) fn stored_files(object: &HoSoObject) -> Result<BTreeMap<String, FileSource>> {
    object
        .files()
        .into_iter()
        .map(|(path, digest)| {
            let content = object.inventory.content_path(&digest).ok_or_else(|| {
                Error::Archive(format!(
                    "object {}: {path} has digest {digest} missing from the manifest",
                    object.id
                ))
            })?;
            let key = object.key.join(content)?;
            Ok((
                path,
                FileSource::Stored {
                    key,
                    sha256: digest,
                },
            ))
        })
        .collect()
}

/// A record as the bytes of a logical file.
pub(crate) fn json(value: &impl Serialize) -> FileSource {
    FileSource::Bytes(record_bytes(value))
}

/// A record as the bytes it is stored as (pretty JSON).
pub(crate) fn record_bytes(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("records serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_split_at_the_first_equals_sign() {
        assert_eq!(
            parse_setting("ghi_chu=a=b").unwrap(),
            ("ghi_chu".into(), "a=b".into())
        );
        assert_eq!(
            parse_setting("ky_hieu=").unwrap(),
            ("ky_hieu".into(), String::new())
        );
        assert!(parse_setting("trich_yeu").is_err());
        assert!(parse_setting("=x").is_err());
    }
}
