//! Group commit of appends to one hash-chained log ([`AuditLog`]: the audit log, the access
//! log) within this process.
//!
//! In: the entries each caller appends (one or several, kept together), from any number of
//! threads. Out: each caller's entries as written, returned only once they are durable. While
//! one batch is written and fsynced, the entries of the callers that arrive meanwhile wait;
//! the next caller to find no batch being written takes all of them and writes them as one
//! batch: one read of the log's end, one write, one fsync (each entry still links to the one
//! before it, so the chain stays exact and each append costs the same however long the log
//! is). Sixteen readers of the reading room then wait for about one fsync, not for sixteen.
//!
//! Other processes appending to the same file are serialised by the file's lock, as before;
//! batches only gather the appends of this process. A batch that cannot be written because
//! the log refuses appends (a damaged end, a file that does not open) writes nothing: each
//! of its callers then appends alone and gets its own error, exactly as without batching.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError, Weak};

use super::audit::{AuditEntry, AuditLog, NewEntry};
use crate::{Error, Result};

/// Why a batch was not written.
pub(super) enum WriteError {
    /// Nothing was written: the log did not open, or refuses appends.
    Before(Error),
    /// Writing or syncing failed: the batch's lines may be in the file, not durable.
    After(Error),
}

impl WriteError {
    pub(super) fn into_error(self) -> Error {
        match self {
            WriteError::Before(e) | WriteError::After(e) => e,
        }
    }
}

/// What became of one caller's entries in a batch another caller wrote.
enum Outcome {
    Written(Vec<AuditEntry>),
    /// The batch wrote nothing: the caller appends its entries on its own (and so gets
    /// its own error).
    Alone(Vec<NewEntry>),
    /// The batch's write or fsync failed (the kind and message of the error).
    Failed(std::io::ErrorKind, String),
}

/// A caller's entries waiting for a batch.
struct Waiting {
    ticket: u64,
    entries: Vec<NewEntry>,
}

#[derive(Default)]
struct State {
    /// Entries not yet taken by a writer, in arrival order.
    queue: Vec<Waiting>,
    /// A caller is writing a batch.
    writing: bool,
    next_ticket: u64,
    /// Outcomes not yet collected by their callers.
    finished: HashMap<u64, Outcome>,
}

/// The batches of one log file (and one cross-machine lock) in this process.
#[derive(Default)]
pub(super) struct Batcher {
    state: Mutex<State>,
    done: Condvar,
    /// Batches written (each one write and one fsync).
    batches: AtomicU64,
}

/// The live batchers, by log file and cross-machine lock (its address; 0 for none).
type Registry = Mutex<HashMap<(PathBuf, usize), Weak<Batcher>>>;

fn registry() -> &'static Registry {
    static BATCHERS: OnceLock<Registry> = OnceLock::new();
    BATCHERS.get_or_init(Registry::default)
}

impl Batcher {
    /// The batcher of the log at `path` appended to under the lock numbered `lock` (0: the
    /// file's lock only): shared by every handle on it in this process while any uses it.
    pub(super) fn of(path: &Path, lock: usize) -> Arc<Batcher> {
        let mut live = registry().lock().unwrap_or_else(PoisonError::into_inner);
        let key = (path.to_path_buf(), lock);
        if let Some(batcher) = live.get(&key).and_then(Weak::upgrade) {
            return batcher;
        }
        live.retain(|_, b| b.strong_count() > 0);
        let batcher = Arc::new(Batcher::default());
        live.insert(key, Arc::downgrade(&batcher));
        batcher
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many batches were written.
    #[cfg(test)]
    pub(super) fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// How many callers' entries wait for the next batch.
    #[cfg(test)]
    pub(super) fn waiting(&self) -> usize {
        self.state().queue.len()
    }

    /// Whether a batch is being written.
    #[cfg(test)]
    pub(super) fn is_writing(&self) -> bool {
        self.state().writing
    }

    /// Appends `entries` (kept together, in order) to `log`, in a batch with the entries
    /// of the other callers waiting meanwhile; returns them as written once they are
    /// durable.
    pub(super) fn append(&self, log: &AuditLog, entries: Vec<NewEntry>) -> Result<Vec<AuditEntry>> {
        let mut state = self.state();
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.queue.push(Waiting { ticket, entries });
        loop {
            if let Some(outcome) = state.finished.remove(&ticket) {
                drop(state);
                return match outcome {
                    Outcome::Written(written) => Ok(written),
                    Outcome::Alone(entries) => log.write_alone(&entries),
                    Outcome::Failed(kind, message) => {
                        Err(Error::io(log.path(), std::io::Error::new(kind, message)))
                    }
                };
            }
            if !state.writing {
                state.writing = true;
                let batch = std::mem::take(&mut state.queue);
                drop(state);
                return self.lead(log, ticket, batch);
            }
            state = self
                .done
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Writes `batch` (which holds the caller's own entries, under `ticket`) as one batch,
    /// hands the other callers their outcomes, and returns the caller's.
    fn lead(&self, log: &AuditLog, ticket: u64, batch: Vec<Waiting>) -> Result<Vec<AuditEntry>> {
        let mut leading = Leading {
            batcher: self,
            others: batch
                .iter()
                .map(|w| w.ticket)
                .filter(|t| *t != ticket)
                .collect(),
            outcomes: Vec::new(),
        };
        self.batches.fetch_add(1, Ordering::Relaxed);
        if leading.others.is_empty() {
            // The caller's entries alone: written as an append without batching is.
            let own = batch.into_iter().next().expect("the caller's own entries");
            return log.write_alone(&own.entries);
        }
        let flat: Vec<&NewEntry> = batch.iter().flat_map(|w| w.entries.iter()).collect();
        let written = log.write(&flat);
        drop(flat);
        let mut own = Vec::new();
        let mut own_alone = None;
        let mut own_error = None;
        match written {
            Ok(written) => {
                let mut written = written.into_iter();
                for w in batch {
                    let theirs: Vec<AuditEntry> = written.by_ref().take(w.entries.len()).collect();
                    if w.ticket == ticket {
                        own = theirs;
                    } else {
                        leading.outcomes.push((w.ticket, Outcome::Written(theirs)));
                    }
                }
            }
            Err(WriteError::Before(_)) => {
                for w in batch {
                    if w.ticket == ticket {
                        own_alone = Some(w.entries);
                    } else {
                        leading.outcomes.push((w.ticket, Outcome::Alone(w.entries)));
                    }
                }
            }
            Err(WriteError::After(e)) => {
                let (kind, message) = match &e {
                    Error::Io { source, .. } => (source.kind(), source.to_string()),
                    other => (std::io::ErrorKind::Other, other.to_string()),
                };
                for w in batch.iter().filter(|w| w.ticket != ticket) {
                    leading
                        .outcomes
                        .push((w.ticket, Outcome::Failed(kind, message.clone())));
                }
                own_error = Some(e);
            }
        }
        // Hands the others their outcomes and lets the next batch start.
        drop(leading);
        if let Some(e) = own_error {
            return Err(e);
        }
        match own_alone {
            Some(entries) => log.write_alone(&entries),
            None => Ok(own),
        }
    }
}

/// Held by the caller writing a batch: when dropped, hands the batch's other callers their
/// outcomes (a failure, if the writer panicked before deciding them) and ends the batch.
struct Leading<'a> {
    batcher: &'a Batcher,
    /// The tickets of the other callers in the batch.
    others: Vec<u64>,
    outcomes: Vec<(u64, Outcome)>,
}

impl Drop for Leading<'_> {
    fn drop(&mut self) {
        let mut state = self.batcher.state();
        let mut outcomes = std::mem::take(&mut self.outcomes);
        if outcomes.len() < self.others.len() {
            let decided: Vec<u64> = outcomes.iter().map(|(t, _)| *t).collect();
            outcomes.extend(
                self.others
                    .iter()
                    .filter(|t| !decided.contains(t))
                    .map(|t| {
                        (
                            *t,
                            Outcome::Failed(
                                std::io::ErrorKind::Other,
                                "the batch of audit entries holding this one was not written"
                                    .into(),
                            ),
                        )
                    }),
            );
        }
        state.finished.extend(outcomes);
        state.writing = false;
        drop(state);
        self.batcher.done.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::fs::File;
    use std::time::Duration;

    use super::*;

    /// Waits (polling) until `ready` holds.
    fn until(ready: impl Fn() -> bool) {
        while !ready() {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn appends_waiting_for_a_batch_are_written_together_and_chained() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let log = AuditLog::new(root);
        log.append("a", "ingest", None, serde_json::json!({ "n": 0 }))
            .unwrap();
        // Kept alive by the test so that every append below meets the same batcher.
        let batcher = Batcher::of(log.path(), 0);
        let before = batcher.batches();
        // Another process's append in progress: the file's lock is held, so the first
        // batch waits for it after taking what was queued (its own entry).
        let holder = File::options().append(true).open(log.path()).unwrap();
        holder.lock().unwrap();
        let followers = 15;
        std::thread::scope(|scope| {
            let first = scope.spawn(move || {
                AuditLog::new(root)
                    .append("first", "read", None, serde_json::json!({}))
                    .unwrap()
            });
            until(|| batcher.is_writing() && batcher.waiting() == 0);
            let others: Vec<_> = (0..followers)
                .map(|n| {
                    scope.spawn(move || {
                        // Each thread its own handle, as each request of a server makes one.
                        let log = AuditLog::new(root);
                        if n % 3 == 0 {
                            // Several entries of one caller stay together.
                            log.append_all(vec![
                                NewEntry::new(
                                    "t",
                                    "read",
                                    None,
                                    serde_json::json!({ "n": n, "part": 1 }),
                                ),
                                NewEntry::new(
                                    "t",
                                    "read",
                                    None,
                                    serde_json::json!({ "n": n, "part": 2 }),
                                ),
                            ])
                            .unwrap()
                        } else {
                            vec![log
                                .append("t", "read", None, serde_json::json!({ "n": n }))
                                .unwrap()]
                        }
                    })
                })
                .collect();
            until(|| batcher.waiting() == followers);
            holder.unlock().unwrap();
            let first = first.join().unwrap();
            assert_eq!(first.seq, 2);
            let mut seqs = Vec::new();
            for (n, other) in others.into_iter().enumerate() {
                let written = other.join().unwrap();
                // Each caller gets its own entries back, in order, one after the other.
                assert!(written.iter().all(|e| e.detail["n"] == n), "{written:?}");
                if written.len() == 2 {
                    assert_eq!(written[1].seq, written[0].seq + 1);
                    assert_eq!(written[1].prev, written[0].hash);
                    assert_eq!(written[0].detail["part"], 1);
                }
                seqs.extend(written.iter().map(|e| e.seq));
            }
            seqs.sort_unstable();
            let expected: Vec<u64> = (3..3 + seqs.len() as u64).collect();
            assert_eq!(seqs, expected);
        });
        // The first entry's batch, then every follower's in one.
        assert_eq!(batcher.batches() - before, 2);
        let check = log.check(None).unwrap();
        assert!(check.ok, "{check:?}");
        assert_eq!(check.entries, 2 + followers + followers.div_ceil(3));
    }

    #[test]
    fn a_batch_the_log_refuses_leaves_each_caller_its_own_error() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let log = AuditLog::new(root);
        log.append("a", "ingest", None, serde_json::json!({}))
            .unwrap();
        // The last entry altered: nothing may be linked to it.
        let text = std::fs::read_to_string(log.path())
            .unwrap()
            .replace("\"ingest\"", "\"edited\"");
        std::fs::write(log.path(), &text).unwrap();
        let alone = log
            .append("a", "read", None, serde_json::json!({}))
            .unwrap_err()
            .to_string();
        assert!(alone.contains("was altered"), "{alone}");
        let batcher = Batcher::of(log.path(), 0);
        let holder = File::options().append(true).open(log.path()).unwrap();
        holder.lock().unwrap();
        std::thread::scope(|scope| {
            let first = scope.spawn(move || {
                AuditLog::new(root).append("b", "read", None, serde_json::json!({}))
            });
            until(|| batcher.is_writing() && batcher.waiting() == 0);
            let others: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(move || {
                        AuditLog::new(root).append("c", "read", None, serde_json::json!({}))
                    })
                })
                .collect();
            until(|| batcher.waiting() == 4);
            holder.unlock().unwrap();
            for result in std::iter::once(first).chain(others) {
                let err = result.join().unwrap().unwrap_err().to_string();
                assert_eq!(err, alone);
            }
        });
        assert_eq!(std::fs::read_to_string(log.path()).unwrap(), text);
    }
}
