//! A verification report as an auditor may see it.
//!
//! In: the complete [`VerifyReport`] of a run, the archive and the auditor's clearance. Out:
//! the same report without what names an object, document or file their clearance does not
//! cover, and [`NotNamed`]: how many findings each list lost. Integrity is never hidden:
//! `ok` (so the exit code), the totals and the counts stay the run's; only names go.
//!
//! The rule (docs/AUDITING.md, "Clearance and the report"), for an auditor below the
//! highest clearance (Tối mật sees every report whole):
//! - An object is *named* when its source and document records (head version) read back and
//!   match the digests of its inventory, and the auditor may see at least one of its
//!   documents (or it holds none). The store's records decide, as on every read path; an
//!   object whose records cannot be read or do not match (so who may see it is not known),
//!   and an object the store lacks (`missing-from-store`), are not named.
//! - A path is named only inside a named object, and not when it is a file of the object's
//!   hidden documents alone ([`super::reader::hidden_files`]: their records, access copies,
//!   page records, hOCR and originals) or contains a hidden document's id. Files outside
//!   every object (a stray file in the storage root, a directory that lost its object
//!   marker) are not named: nothing tells whose they are.
//! - Any other finding (a warning, a disagreement with the audit log or the index) is named
//!   only when every id in it (ULIDs) is a named object's or a document the auditor may see,
//!   and every path in it is named.

use std::collections::{BTreeMap, BTreeSet};

use crate::clearance::Clearance;
use crate::store::fsio::sha256_bytes;
use crate::store::records::{DocumentRecord, DOCUMENTS_DIR, PAGES_DIR, SOURCE_PATH};
use crate::store::{Archive, HoSoObject};
use crate::verify::{NotNamed, VerifyReport};
use crate::Result;

/// `report` as an auditor with `clearance` may see it; see the module doc.
pub(super) fn for_clearance(
    archive: &Archive,
    mut report: VerifyReport,
    clearance: Clearance,
) -> Result<VerifyReport> {
    if clearance == Clearance::ToiMat {
        return Ok(report);
    }
    let sight = Sight::of(archive, clearance)?;
    // A report already shown to another clearance keeps the counts it left out.
    let mut not: NotNamed = report.not_named;
    let named = |p: &String| sight.names(p);
    not.missing += retain_counting(&mut report.missing, named);
    not.unexpected += retain_counting(&mut report.unexpected, named);
    not.warnings += retain_counting(&mut report.warnings, named);
    not.corrupted += retain_counting(&mut report.corrupted, |c| sight.names(&c.path));
    not.audit_mismatches += retain_counting(&mut report.audit_mismatches, |m| {
        sight.ids.contains(&m.object) && sight.names(&m.message)
    });
    not.index_mismatches += retain_counting(&mut report.index_mismatches, |m| {
        sight.ids.contains(&m.document) && sight.names(&m.message)
    });
    let objects = std::mem::take(&mut report.objects);
    for mut o in objects {
        if sight.objects.contains_key(&o.path) && sight.ids.contains(&o.id) {
            retain_counting(&mut o.missing, named);
            retain_counting(&mut o.unexpected, named);
            retain_counting(&mut o.problems, named);
            retain_counting(&mut o.corrupted, |c| sight.names(&c.path));
            report.objects.push(o);
        } else {
            not.objects += 1;
            not.damaged_objects += u64::from(!o.ok);
        }
    }
    report.not_named = not;
    Ok(report)
}

/// A hồ sơ object an auditor may be told of (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NamedObject {
    pub id: String,
    pub hoso: String,
    pub box_name: String,
    /// Its documents the auditor may see.
    pub documents: usize,
}

/// The objects an auditor with `clearance` may be told of, by the rule of the module doc
/// (the highest clearance: every object whose records read).
pub(super) fn named_objects(archive: &Archive, clearance: Clearance) -> Result<Vec<NamedObject>> {
    Ok(Sight::of(archive, clearance)?.named)
}

/// Keeps the items of `list` that `keep` accepts; returns how many went.
fn retain_counting<T>(list: &mut Vec<T>, keep: impl Fn(&T) -> bool) -> u64 {
    let before = list.len();
    list.retain(|item| keep(item));
    (before - list.len()) as u64
}

/// What an auditor may be told of: the named objects (by archive-relative root path, with
/// the files and ids of their hidden documents) and every id they may read.
struct Sight {
    objects: BTreeMap<String, Hidden>,
    /// Ids of the named objects and of the documents the auditor may see.
    ids: BTreeSet<String>,
    /// The named objects, in storage order.
    named: Vec<NamedObject>,
}

/// What a named object holds that the auditor may not see.
#[derive(Default)]
struct Hidden {
    /// Logical paths of the files of its hidden documents alone.
    files: BTreeSet<String>,
    documents: Vec<String>,
}

impl Sight {
    fn of(archive: &Archive, clearance: Clearance) -> Result<Sight> {
        let storage = archive.storage();
        let mut sight = Sight {
            objects: BTreeMap::new(),
            ids: BTreeSet::new(),
            named: Vec::new(),
        };
        for key in storage.object_keys()? {
            let Ok(object) = HoSoObject::load(storage, &key) else {
                continue;
            };
            let (seen, unseen): (Vec<&DocumentRecord>, Vec<&DocumentRecord>) =
                object.documents.iter().partition(|d| clearance.may_see(d));
            if seen.is_empty() && !unseen.is_empty() {
                continue;
            }
            // Who may see it is decided by its records: they must be the stored ones (and,
            // when some are hidden, so must the page records telling their files apart).
            let decides = |logical: &str| {
                logical == SOURCE_PATH
                    || logical.starts_with(DOCUMENTS_DIR)
                    || (!unseen.is_empty() && logical.starts_with(PAGES_DIR))
            };
            // The highest clearance is told of everything: no record decides for it.
            if clearance != Clearance::ToiMat && !records_match(&object, decides) {
                continue;
            }
            let hidden = if unseen.is_empty() {
                Hidden::default()
            } else {
                let Ok(files) = super::reader::hidden_files(&object, &unseen) else {
                    continue;
                };
                Hidden {
                    files,
                    documents: unseen.iter().map(|d| d.id.clone()).collect(),
                }
            };
            sight.named.push(NamedObject {
                id: object.id.clone(),
                hoso: object.source.hoso.clone(),
                box_name: object.source.box_name.clone(),
                documents: seen.len(),
            });
            sight.ids.insert(object.id.clone());
            sight.ids.extend(seen.iter().map(|d| d.id.clone()));
            sight.objects.insert(format!("ocfl/{key}"), hidden);
        }
        Ok(sight)
    }

    /// Whether `text` (a path, or a message) may be shown: every path in it is a named one
    /// and every id in it is one the auditor may read.
    fn names(&self, text: &str) -> bool {
        ulid_tokens(text).all(|id| self.ids.contains(id))
            && text
                .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';'))
                .filter(|w| w.starts_with("ocfl/"))
                .all(|w| self.names_path(w.trim_end_matches([':', '.'])))
    }

    /// Whether archive-relative `path` lies in a named object and is not a file of its
    /// hidden documents.
    fn names_path(&self, path: &str) -> bool {
        // The object root is `path` itself or one of its ancestors.
        let mut ends = path
            .match_indices('/')
            .map(|(i, _)| i)
            .chain(std::iter::once(path.len()));
        let Some((root, hidden)) = ends.find_map(|end| self.objects.get_key_value(&path[..end]))
        else {
            return false;
        };
        let inside = &path[root.len()..];
        if hidden
            .documents
            .iter()
            .any(|id| inside.contains(id.as_str()))
        {
            return false;
        }
        // `/vN/content/<logical path>`
        let logical = inside
            .strip_prefix('/')
            .and_then(|rest| rest.split_once("/content/"))
            .map(|(_, logical)| logical);
        logical.is_none_or(|l| !hidden.files.contains(l))
    }
}

/// Whether the logical files of `object` that `decides` picks read back with the digests its
/// inventory records.
fn records_match(object: &HoSoObject, decides: impl Fn(&str) -> bool) -> bool {
    object
        .files()
        .iter()
        .filter(|(logical, _)| decides(logical))
        .all(|(logical, digest)| {
            object
                .read_bytes(logical)
                .is_ok_and(|bytes| sha256_bytes(&bytes) == *digest)
        })
}

/// The ULID-shaped words of `text` (26 characters of Crockford's base 32, upper case): how
/// sohoa's object and document ids look.
fn ulid_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| {
            w.len() == 26
                && w.bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
                && w.bytes().any(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sight() -> Sight {
        let mut objects = BTreeMap::new();
        objects.insert(
            "ocfl/aaa/01JAAAAAAAAAAAAAAAAAAAAAAA".to_string(),
            Hidden {
                files: BTreeSet::from(["originals/hs/mat.tif".to_string()]),
                documents: vec!["01JDDDDDDDDDDDDDDDDDDDDDDD".into()],
            },
        );
        objects.insert(
            "ocfl/bbb/01JBBBBBBBBBBBBBBBBBBBBBBB".to_string(),
            Hidden::default(),
        );
        Sight {
            objects,
            named: Vec::new(),
            ids: BTreeSet::from([
                "01JAAAAAAAAAAAAAAAAAAAAAAA".to_string(),
                "01JBBBBBBBBBBBBBBBBBBBBBBB".to_string(),
                "01JEEEEEEEEEEEEEEEEEEEEEEE".to_string(),
            ]),
        }
    }

    #[test]
    fn names_only_paths_and_ids_of_named_objects_and_visible_documents() {
        let s = sight();
        let a = "ocfl/aaa/01JAAAAAAAAAAAAAAAAAAAAAAA";
        assert!(s.names(&format!("{a}/v1/content/originals/hs/open.tif")));
        assert!(s.names(&format!("{a}/inventory.json")));
        assert!(!s.names(&format!("{a}/v1/content/originals/hs/mat.tif")));
        assert!(!s.names(&format!(
            "{a}/v2/content/metadata/documents/01JDDDDDDDDDDDDDDDDDDDDDDD.json"
        )));
        // Outside every named object, or a sibling whose name only starts alike.
        assert!(!s.names("ocfl/stray.txt"));
        assert!(!s.names("ocfl/ccc/01JCCCCCCCCCCCCCCCCCCCCCCC/v1/content/x"));
        assert!(!s.names(&format!("{a}X/v1/content/x")));
        assert!(s.names(&format!("{a}: version directory v2 is missing")));
        assert!(s.names("document 01JEEEEEEEEEEEEEEEEEEEEEEE is not in the search index"));
        assert!(!s.names("document 01JDDDDDDDDDDDDDDDDDDDDDDD is not in the search index"));
        assert!(!s.names("document 01JZZZZZZZZZZZZZZZZZZZZZZZ is in the index (stale)"));
        assert!(s.names("audit log: entry 7 (seq 7, edit) was changed"));
    }
}
