//! The version history of a hồ sơ object: its inventory in, one entry per version out.
//!
//! In: a [`HoSoObject`]'s OCFL inventory. Out: [`VersionEntry`]s, oldest first: who made the
//! version, when, with what message, and which logical files it added, changed or removed
//! relative to the version before (the answer to "who changed what, when").

use serde::Serialize;

use super::HoSoObject;
use crate::store::ocfl::version_number;

/// One version of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionEntry {
    pub version: String,
    pub created: String,
    pub user: Option<String>,
    pub message: Option<String>,
    pub added: Vec<String>,
    pub modified: Vec<String>,
    pub removed: Vec<String>,
}

/// Every version of `object`, oldest first.
pub fn versions(object: &HoSoObject) -> Vec<VersionEntry> {
    let inventory = &object.inventory;
    let mut names: Vec<&String> = inventory.versions.keys().collect();
    names.sort_by_key(|n| version_number(n).unwrap_or(0));
    let mut before = std::collections::BTreeMap::new();
    let mut entries = Vec::new();
    for name in names {
        let v = &inventory.versions[name];
        let now = inventory.version_files(name).unwrap_or_default();
        let added = now
            .keys()
            .filter(|p| !before.contains_key(*p))
            .cloned()
            .collect();
        let modified = now
            .iter()
            .filter(|(p, d)| before.get(*p).is_some_and(|b| b != *d))
            .map(|(p, _)| p.clone())
            .collect();
        let removed = before
            .keys()
            .filter(|p| !now.contains_key(*p))
            .cloned()
            .collect();
        entries.push(VersionEntry {
            version: name.clone(),
            created: v.created.clone(),
            user: v.user.as_ref().map(|u| u.name.clone()),
            message: v.message.clone(),
            added,
            modified,
            removed,
        });
        before = now;
    }
    entries
}
