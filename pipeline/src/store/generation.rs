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
//!
//! Beside it, `ARCHIVE/store.changes` is a journal of the commits: [`Generation::begin`]
//! appends `N+1 OBJECT-KEY` to it before anything else, so a reader that derived something at
//! one [`Stamp`] (generation and journal length) can read only the journal's tail to learn
//! which objects changed since ([`Generation::changed_since`]) and re-read those instead of
//! the whole store. The journal's length is part of the stamp: a commit that begins while a
//! reader derives (even one of another machine that counted the same next generation) moves
//! it, so nothing derived then is kept. A journal that cannot be read or whose tail does not
//! account for every generation in between makes the reader derive afresh.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::fsio::write_atomic;
use crate::{Error, Result};

/// The file's name, in the archive directory.
pub const GENERATION_FILE: &str = "store.generation";

/// The journal's name, in the archive directory.
pub const CHANGES_FILE: &str = "store.changes";

const CHANGING: &str = " changing";

/// The generation file of one archive, and its journal of changed objects.
#[derive(Debug, Clone)]
pub struct Generation {
    path: PathBuf,
    journal: PathBuf,
}

/// The store at rest as a reader saw it: its generation and the journal's length then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub generation: u64,
    journal: u64,
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
            journal: dir.join(CHANGES_FILE),
        }
    }

    /// The store's generation and the journal's length, when the store is at rest (as
    /// [`Generation::read`]).
    pub fn stamp(&self) -> Option<Stamp> {
        let journal = self.journal_len()?;
        let generation = self.read()?;
        // A commit that began between the two reads moved the journal first.
        (self.journal_len()? == journal).then_some(Stamp {
            generation,
            journal,
        })
    }

    fn journal_len(&self) -> Option<u64> {
        match std::fs::metadata(&self.journal) {
            Ok(meta) => Some(meta.len()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(0),
            Err(_) => None,
        }
    }

    /// The keys of the objects changed between `from` and `to` (two stamps of this store,
    /// `from` the earlier), from the journal's tail; `None` when the journal does not account
    /// for every generation after `from`'s up to `to`'s (lines lost, a journal replaced, an
    /// older sohoa's commits): the caller then reads the whole store.
    pub fn changed_since(&self, from: Stamp, to: Stamp) -> Option<BTreeSet<String>> {
        use std::io::{Read, Seek, SeekFrom};
        if to.journal < from.journal || to.generation < from.generation {
            return None;
        }
        let mut file = std::fs::File::open(&self.journal).ok()?;
        file.seek(SeekFrom::Start(from.journal)).ok()?;
        let mut tail = Vec::new();
        file.take(to.journal - from.journal)
            .read_to_end(&mut tail)
            .ok()?;
        let tail = String::from_utf8(tail).ok()?;
        let mut changed = BTreeSet::new();
        let mut generations = BTreeSet::new();
        for line in tail.lines() {
            let (generation, key) = line.split_once(' ')?;
            generations.insert(generation.parse::<u64>().ok()?);
            changed.insert(key.to_string());
        }
        let accounted = (from.generation + 1..=to.generation).all(|g| generations.contains(&g));
        accounted.then_some(changed)
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

    /// Marks a commit of the object at `object` (its storage key) as under way: the journal
    /// gets `N+1 OBJECT`, then the file says `N+1 changing` (written and synced) before the
    /// commit makes anything visible. Call it holding the writer lock (or the object's).
    pub fn begin(&self, object: &str) -> Result<Change> {
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
        self.journal_append(next, object)?;
        write_atomic(&self.path, format!("{next}{CHANGING}\n").as_bytes())?;
        Ok(Change {
            path: self.path.clone(),
            next,
        })
    }

    /// Appends `generation object` to the journal (one write of one line, `O_APPEND`). Not
    /// synced: a line lost in a crash leaves a gap, which readers take as "read everything".
    fn journal_append(&self, generation: u64, object: &str) -> Result<()> {
        use std::io::Write as _;
        let line = format!("{generation} {object}\n");
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.journal)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| Error::io(&self.journal, e))
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
        let change = generation.begin("0de/a").unwrap();
        assert_eq!(generation.read(), None);
        assert_eq!(generation.stamp(), None);
        drop(change);
        assert_eq!(generation.read(), Some(1));
        // A writer killed mid-commit leaves it changing; the next commit goes on from it.
        std::mem::forget(generation.begin("0de/b").unwrap());
        assert_eq!(generation.read(), None);
        drop(generation.begin("0de/c").unwrap());
        assert_eq!(generation.read(), Some(3));
    }

    #[test]
    fn the_journal_names_the_objects_changed_between_two_stamps() {
        let dir = tempfile::tempdir().unwrap();
        let generation = Generation::of_archive(dir.path());
        let empty = generation.stamp().unwrap();
        assert_eq!(empty.generation, 0);
        drop(generation.begin("0de/a").unwrap());
        let one = generation.stamp().unwrap();
        drop(generation.begin("0de/b").unwrap());
        drop(generation.begin("0de/a").unwrap());
        let three = generation.stamp().unwrap();
        assert_eq!(three.generation, 3);
        let names = |set: Option<BTreeSet<String>>| set.map(|s| s.into_iter().collect::<Vec<_>>());
        assert_eq!(
            names(generation.changed_since(one, three)),
            Some(vec!["0de/a".to_string(), "0de/b".to_string()])
        );
        assert_eq!(names(generation.changed_since(three, three)), Some(vec![]));
        assert_eq!(
            names(generation.changed_since(empty, one)),
            Some(vec!["0de/a".to_string()])
        );
        assert_eq!(generation.changed_since(three, one), None);
        // A journal that lost lines (or was replaced) does not account for every generation:
        // the reader reads everything.
        std::fs::write(dir.path().join(CHANGES_FILE), "3 0de/a\n").unwrap();
        drop(generation.begin("0de/c").unwrap());
        let four = generation.stamp().unwrap();
        assert_eq!(generation.changed_since(one, four), None);
        // A commit that begins moves the stamp at once, before its generation is at rest.
        let before = generation.stamp().unwrap();
        let change = generation.begin("0de/d").unwrap();
        drop(change);
        assert_ne!(generation.stamp(), Some(before));
    }
}
