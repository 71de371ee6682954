//! The store's generation: a counter that changes whenever a commit changes what the store
//! holds, so that a long-lived reader can tell in O(1) whether what it derived from the
//! store (which documents exist, what each needs to be seen) still holds.
//!
//! In: the file `ARCHIVE/store.generation`, outside `ocfl/`. Out: [`Generation::read`], the
//! current generation when the store is at rest, `None` while a commit is under way (or one
//! was interrupted). A writer (under the archive's writer lock) calls [`Generation::begin`]
//! before anything of a commit becomes visible — the file then says `N+1 changing` — and the
//! returned [`Change`], when dropped after the commit (made or failed), writes `N+1`.
//!
//! A reader caches what it derived only when the generation it read before deriving it is
//! the one it reads after, and uses a cache only while the file still says that generation.
//! So nothing derived during a commit is kept, a commit always invalidates what was derived
//! before it, and a writer killed mid-commit leaves the file `changing`: readers then derive
//! afresh every time (slower, never stale) until the next commit completes. An archive
//! without the file (never written by a sohoa that counts) is at generation 0.

use std::path::{Path, PathBuf};

use super::fsio::write_atomic;
use crate::{Error, Result};

/// The file's name, in the archive directory.
pub const GENERATION_FILE: &str = "store.generation";

const CHANGING: &str = " changing";

/// The generation file of one archive.
#[derive(Debug, Clone)]
pub struct Generation {
    path: PathBuf,
}

/// A commit under way; dropping it marks the store at rest at the new generation.
#[derive(Debug)]
pub struct Change {
    path: PathBuf,
    next: u64,
}

impl Generation {
    /// The generation file of the archive in `dir`.
    pub fn of_archive(dir: &Path) -> Generation {
        Generation {
            path: dir.join(GENERATION_FILE),
        }
    }

    /// The store's generation when it is at rest; `None` while a commit is under way, after
    /// an interrupted one, or when the file cannot be read or makes no sense.
    pub fn read(&self) -> Option<u64> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => text.trim_end_matches('\n').parse().ok(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(0),
            Err(_) => None,
        }
    }

    /// Marks a commit as under way (the file says `N+1 changing`, written and synced before
    /// the commit makes anything visible). Call it holding the writer lock.
    pub fn begin(&self) -> Result<Change> {
        let current = match std::fs::read_to_string(&self.path) {
            Ok(text) => text
                .trim_end_matches('\n')
                .trim_end_matches(CHANGING)
                .parse::<u64>()
                .map_err(|_| {
                    Error::Archive(format!(
                        "{}: not a store generation ({text:?})",
                        self.path.display()
                    ))
                })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(Error::io(&self.path, e)),
        };
        let next = current + 1;
        write_atomic(&self.path, format!("{next}{CHANGING}\n").as_bytes())?;
        Ok(Change {
            path: self.path.clone(),
            next,
        })
    }
}

impl Drop for Change {
    fn drop(&mut self) {
        // A failed write leaves the file `changing`: readers stop caching, which is safe.
        if let Err(e) = write_atomic(&self.path, format!("{}\n", self.next).as_bytes()) {
            tracing::warn!(
                "{}: the store generation could not be written ({e}); readers of the \
                 archive will not cache until the next commit",
                self.path.display()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_is_changing_until_done_and_then_a_new_generation() {
        let dir = tempfile::tempdir().unwrap();
        let generation = Generation::of_archive(dir.path());
        assert_eq!(generation.read(), Some(0));
        let change = generation.begin().unwrap();
        assert_eq!(generation.read(), None);
        drop(change);
        assert_eq!(generation.read(), Some(1));
        // A writer killed mid-commit leaves it changing; the next commit goes on from it.
        std::mem::forget(generation.begin().unwrap());
        assert_eq!(generation.read(), None);
        drop(generation.begin().unwrap());
        assert_eq!(generation.read(), Some(3));
    }
}
