//! `sohoa indexer`: the one writer of the search index in cluster mode, fed by the outbox.
//!
//! In: the coordinator's outbox (committed versions, in commit order) and the shared
//! archive. Out: each version's documents indexed (the index entries built from the stored
//! object exactly as the embedded ingest builds them), the documents it no longer holds
//! removed, the rows marked indexed after the index committed. One indexer at a time (an
//! advisory lock in the database; tantivy's own writer lock besides). A version indexed
//! twice (a crash between the index commit and the mark) is indexed the same way again.

use std::time::Duration;

use pipeline::catalog;
use pipeline::store::Archive;

use crate::{Coordinator, Error, Result};

/// Outbox rows taken per index commit.
const BATCH: i64 = 64;

/// The longest wait between two tries to reach the database.
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// Takes the indexer's lock, waiting while the database cannot be reached. `again`: this
/// indexer held it on a connection that ended, which the server may not have seen end yet.
fn lock(coordinator: &Coordinator, backoff: &mut Duration, again: bool) -> Result<()> {
    let mut tries = 0;
    loop {
        match coordinator.lock_indexer() {
            Ok(true) => return Ok(()),
            Ok(false) if again && tries < 20 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(500));
            }
            Ok(false) => {
                return Err(Error::Config(
                    "another `sohoa indexer` is running against this coordinator".into(),
                ))
            }
            Err(e) => {
                tracing::warn!("coordinator unreachable; retrying in {backoff:?}: {e}");
                std::thread::sleep(*backoff);
                *backoff = (*backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// What the indexer did before it stopped.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct IndexerReport {
    pub versions_indexed: u64,
    pub documents_indexed: u64,
}

/// Indexes the outbox until it is empty and no job is open (with `until_idle`), or forever.
pub fn run(
    coordinator: &Coordinator,
    archive: &Archive,
    until_idle: bool,
    poll: Duration,
) -> Result<IndexerReport> {
    let mut backoff = Duration::from_millis(200);
    lock(coordinator, &mut backoff, false)?;
    let index = catalog::open_index(archive)?;
    let mut report = IndexerReport::default();
    loop {
        let rows = match coordinator.pending_outbox(BATCH) {
            Ok(rows) => rows,
            Err(e @ Error::Db(_)) => {
                tracing::warn!("coordinator unreachable; retrying in {backoff:?}: {e}");
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
                // The lock went with the connection.
                lock(coordinator, &mut backoff, true)?;
                continue;
            }
            Err(e) => return Err(e),
        };
        backoff = Duration::from_millis(200);
        if rows.is_empty() {
            let idle = || -> Result<bool> {
                let open = coordinator.progress(None)?;
                Ok(open.queued + open.leased == 0 && coordinator.pending_outbox(1)?.is_empty())
            };
            if until_idle && idle().unwrap_or(false) {
                return Ok(report);
            }
            std::thread::sleep(poll);
            continue;
        }
        let mut entries = Vec::new();
        let mut removed = Vec::new();
        for row in &rows {
            let object = archive.find_object(&row.object_id)?.ok_or_else(|| {
                Error::Schema(format!(
                    "outbox row {}: object {} is not in the store",
                    row.id, row.object_id
                ))
            })?;
            let object = object.at_version(&row.version)?;
            let pages = object.pages()?;
            entries.extend(catalog::index_entries(
                &object.source.box_name,
                &object.source.hoso,
                &object.documents,
                &pages,
            ));
            removed.extend(row.removed.iter().cloned());
        }
        // A document removed by one version and back in a later one stays.
        removed.retain(|id| !entries.iter().any(|e| &e.id == id));
        index.delete_documents(&removed)?;
        index.replace_documents(&entries)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        if let Err(e) = coordinator.mark_indexed(&ids) {
            // Indexed again next time, the same way.
            tracing::warn!("indexed, but not marked so: {e}");
            continue;
        }
        report.versions_indexed += rows.len() as u64;
        report.documents_indexed += entries.len() as u64;
        tracing::info!(versions = rows.len(), documents = entries.len(), "indexed");
    }
}
