//! The hash-chained, append-only audit log (`ARCHIVE/audit/log.jsonl`).
//!
//! In: an action (who, what, which object, digests). Out: one JSON line per entry, each
//! holding the SHA-256 of the previous entry, so an edited, deleted, inserted or reordered
//! entry breaks the chain ([`AuditLog::check_chain`]). Entries never carry document text.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsio::sha256_bytes;
use crate::{Error, Result};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    #[serde(default)]
    pub detail: serde_json::Value,
    pub prev: String,
    pub hash: String,
}

/// The audit log of an archive.
#[derive(Debug, Clone)]
pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    pub fn new(audit_dir: &Path) -> Self {
        AuditLog {
            path: audit_dir.join("log.jsonl"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All entries, in order.
    pub fn entries(&self) -> Result<Vec<AuditEntry>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&self.path, e)),
        };
        // A last line without its newline is an append torn by a crash: not an entry.
        let complete = match text.rfind('\n') {
            Some(end) => &text[..=end],
            None => "",
        };
        complete
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l).map_err(|e| Error::Json {
                    path: self.path.clone(),
                    message: format!("line {}: {e}", i + 1),
                })
            })
            .collect()
    }

    /// The hash of the last entry (the chain head).
    pub fn head(&self) -> Result<String> {
        Ok(self
            .entries()?
            .last()
            .map_or_else(|| GENESIS.to_string(), |e| e.hash.clone()))
    }

    /// Appends an entry and fsyncs it.
    pub fn append(
        &self,
        actor: &str,
        action: &str,
        object: Option<&str>,
        detail: serde_json::Value,
    ) -> Result<AuditEntry> {
        let entries = self.entries()?;
        let (seq, prev) = entries
            .last()
            .map_or((1, GENESIS.to_string()), |e| (e.seq + 1, e.hash.clone()));
        let mut entry = AuditEntry {
            seq,
            time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            actor: actor.to_string(),
            action: action.to_string(),
            object: object.map(str::to_string),
            detail,
            prev,
            hash: String::new(),
        };
        entry.hash = entry_hash(&entry);
        let mut line = serde_json::to_string(&entry).expect("entry serialises");
        line.push('\n');
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| Error::io(&self.path, e))?;
        self.drop_torn_tail(&f)?;
        f.write_all(line.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(&self.path, e))?;
        Ok(entry)
    }

    /// Cuts a partial last line (an append interrupted by a crash) so the next entry starts
    /// on a line of its own.
    fn drop_torn_tail(&self, file: &std::fs::File) -> Result<()> {
        let text = std::fs::read(&self.path).map_err(|e| Error::io(&self.path, e))?;
        if text.is_empty() || text.ends_with(b"\n") {
            return Ok(());
        }
        let keep = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        tracing::warn!(path = %self.path.display(), "dropping a torn last audit entry");
        file.set_len(keep as u64)
            .map_err(|e| Error::io(&self.path, e))
    }

    /// Checks every link of the chain; returns a description of the first break, if any.
    pub fn check_chain(&self) -> Result<Option<String>> {
        Ok(self.check(None)?.problems.into_iter().next())
    }
}

/// The result of checking the audit log (`sohoa audit verify`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditCheck {
    /// The chain is unbroken (and extends the given head, if one was given).
    pub ok: bool,
    pub entries: usize,
    /// Hash of the last entry (the genesis hash for an empty log).
    pub head: String,
    /// Every break found, naming the entry (1-based line) and what is wrong with it.
    pub problems: Vec<String>,
    /// With a head recorded earlier: whether the log still contains it (and so extends it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends_head: Option<bool>,
}

impl AuditLog {
    /// Checks every entry: its own hash (edited), its link to the one before (deleted,
    /// inserted, reordered) and its sequence number; with `head` (a chain head recorded
    /// outside the archive), also that the log still contains it — which a truncated or
    /// rewritten log does not.
    pub fn check(&self, head: Option<&str>) -> Result<AuditCheck> {
        let entries = self.entries()?;
        let mut problems = Vec::new();
        let mut prev = GENESIS.to_string();
        for (i, entry) in entries.iter().enumerate() {
            let line = i + 1;
            if entry_hash(entry) != entry.hash {
                problems.push(format!(
                    "entry {line} (seq {}, {} by {} at {}) was altered: its hash does not match its content",
                    entry.seq, entry.action, entry.actor, entry.time
                ));
            }
            if entry.prev != prev {
                problems.push(format!(
                    "entry {line} (seq {}) does not follow the entry before it: an entry was \
                     deleted, inserted or moved here",
                    entry.seq
                ));
            }
            if entry.seq != line as u64 {
                problems.push(format!(
                    "entry {line} has sequence number {} (expected {line})",
                    entry.seq
                ));
            }
            prev = entry.hash.clone();
        }
        let extends_head = head.map(|h| {
            h.eq_ignore_ascii_case(GENESIS)
                || entries.iter().any(|e| e.hash.eq_ignore_ascii_case(h))
        });
        if extends_head == Some(false) {
            problems.push(format!(
                "the log no longer contains the recorded head {}: it was truncated or rewritten",
                head.unwrap_or_default()
            ));
        }
        Ok(AuditCheck {
            ok: problems.is_empty(),
            entries: entries.len(),
            head: entries
                .last()
                .map_or_else(|| GENESIS.to_string(), |e| e.hash.clone()),
            problems,
            extends_head,
        })
    }
}

/// SHA-256 over the entry's canonical JSON without its own hash.
fn entry_hash(entry: &AuditEntry) -> String {
    let mut unhashed = entry.clone();
    unhashed.hash = String::new();
    sha256_bytes(
        serde_json::to_string(&unhashed)
            .expect("entry serialises")
            .as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_detects_edits() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        log.append("a", "ingest", Some("X"), serde_json::json!({"n": 1}))
            .unwrap();
        log.append("a", "verify", None, serde_json::json!({}))
            .unwrap();
        assert_eq!(log.check_chain().unwrap(), None);
        assert_eq!(log.entries().unwrap().len(), 2);
        let text = std::fs::read_to_string(log.path()).unwrap();
        std::fs::write(log.path(), text.replace("\"n\":1", "\"n\":2")).unwrap();
        assert!(log.check_chain().unwrap().unwrap().contains("altered"));
    }

    #[test]
    fn check_names_deleted_reordered_and_truncated_entries() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        for n in 0..4 {
            log.append("a", "ingest", None, serde_json::json!({ "n": n }))
                .unwrap();
        }
        let clean = log.check(None).unwrap();
        assert!(clean.ok && clean.entries == 4, "{clean:?}");
        let head = clean.head.clone();
        let lines: Vec<String> = std::fs::read_to_string(log.path())
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let write = |ls: &[&String]| {
            let text: String = ls.iter().map(|l| format!("{l}\n")).collect();
            std::fs::write(log.path(), text).unwrap();
        };
        // Deleted.
        write(&[&lines[0], &lines[2], &lines[3]]);
        let c = log.check(None).unwrap();
        assert!(!c.ok && c.problems[0].contains("entry 2"), "{c:?}");
        // Reordered.
        write(&[&lines[0], &lines[2], &lines[1], &lines[3]]);
        assert!(!log.check(None).unwrap().ok);
        // Truncated: only the recorded head shows it.
        write(&[&lines[0], &lines[1]]);
        assert!(log.check(None).unwrap().ok);
        let c = log.check(Some(&head)).unwrap();
        assert_eq!(c.extends_head, Some(false));
        assert!(c.problems[0].contains("truncated"), "{c:?}");
        // Intact and extended: the old head is still in it.
        write(&[&lines[0], &lines[1], &lines[2], &lines[3]]);
        log.append("a", "verify", None, serde_json::json!({}))
            .unwrap();
        assert_eq!(log.check(Some(&head)).unwrap().extends_head, Some(true));
    }

    #[test]
    fn a_torn_last_line_is_dropped_on_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        log.append("a", "ingest", None, serde_json::json!({}))
            .unwrap();
        let mut f = OpenOptions::new().append(true).open(log.path()).unwrap();
        f.write_all(b"{\"seq\":2,\"ti").unwrap();
        assert_eq!(log.entries().unwrap().len(), 1);
        log.append("a", "verify", None, serde_json::json!({}))
            .unwrap();
        assert_eq!(log.entries().unwrap().len(), 2);
        assert_eq!(log.check_chain().unwrap(), None);
    }
}
