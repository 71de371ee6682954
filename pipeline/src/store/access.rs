//! The page-level access log (`ARCHIVE/service/access.jsonl`), chained to the audit log by
//! digest (DESIGN.md §7).
//!
//! In: page views (who, which document and page, when) from the gate's
//! [`crate::gate::Reader::pages`] (all the pages of one read as one batch). Out: one JSON line per view in the audit log's format
//! ([`AuditLog`]: hash-chained, each append reading only the end of the file, so it costs
//! the same however long the log is), and, now and then, an [`ANCHOR_ACTION`] entry in the
//! audit log recording the access log's head (its last entry's sequence number and hash):
//! after every [`ANCHOR_EVERY`]th view, and when the reading room stops
//! ([`Archive::anchor_access_log`]). Document-level events (a document opened, a PDF
//! downloaded, a sign-in) stay in the audit log itself.
//!
//! [`Archive::check_audit`] checks both chains and that the access log still holds every
//! head the audit log recorded: an access-log line edited, inserted or deleted breaks the
//! access log's own chain, and an access log rewritten whole (every hash recomputed) or cut
//! no longer holds an anchored head. Views after the last anchor are protected by the
//! access log's chain alone until the next anchor.

use serde::Serialize;

use super::audit::{AuditCheck, AuditEntry, AuditLog, NewEntry};
use super::Archive;
use crate::Result;

/// Where the access log lives in the archive directory (outside `ocfl/`, with the
/// service's other files).
pub const ACCESS_LOG_PATH: &str = "service/access.jsonl";

/// The action of an audit entry recording the access log's head.
pub const ANCHOR_ACTION: &str = "access-log";

/// After how many page views the access log's head is recorded in the audit log.
pub const ANCHOR_EVERY: u64 = 32;

/// The access log's state, as `sohoa audit verify` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessLogCheck {
    /// Entries in the access log (lines, readable or not).
    pub entries: usize,
    /// Hash of its last entry.
    pub head: String,
    /// The last of its entries whose hash the audit log records (0: none yet).
    pub anchored_seq: u64,
}

impl Archive {
    /// The page-level access log.
    pub fn access_log(&self) -> AuditLog {
        AuditLog::at(self.root.join(ACCESS_LOG_PATH))
    }

    /// Appends page views to the access log one after the other, as one batch (one fsync,
    /// shared with the views other threads record meanwhile), and records the log's head
    /// in the audit log at every [`ANCHOR_EVERY`]th view among them.
    pub(crate) fn record_accesses(&self, views: Vec<NewEntry>) -> Result<Vec<AuditEntry>> {
        let written = self.access_log().append_all(views)?;
        for entry in written.iter().filter(|e| e.seq % ANCHOR_EVERY == 0) {
            self.anchor(&entry.actor, entry.seq, &entry.hash)?;
        }
        Ok(written)
    }

    /// Records the access log's head in the audit log on behalf of `actor` (the reading
    /// room does when it stops). Nothing when the access log is empty or its head is
    /// recorded already (a restart without page views adds no entry). Reads the audit log
    /// through to find that out: it runs once per server run, not per view.
    pub fn anchor_access_log(&self, actor: &str) -> Result<Option<AuditEntry>> {
        let (seq, hash) = self.access_log().last_link()?;
        if seq == 0 || self.is_anchored(seq, &hash)? {
            return Ok(None);
        }
        self.anchor(actor, seq, &hash).map(Some)
    }

    /// Whether an audit entry records access-log entry `seq` with `hash`.
    fn is_anchored(&self, seq: u64, hash: &str) -> Result<bool> {
        Ok(self
            .recorded_heads()?
            .iter()
            .any(|(_, s, h)| *s == seq && h == hash))
    }

    /// The access-log heads the audit log records: (audit line, access seq, access hash).
    fn recorded_heads(&self) -> Result<Vec<(usize, u64, String)>> {
        Ok(self
            .audit()
            .readable_entries()?
            .into_iter()
            .filter(|(_, e)| e.action == ANCHOR_ACTION)
            .filter_map(|(line, e)| {
                let seq = e.detail.get("seq")?.as_u64()?;
                let hash = e.detail.get("hash")?.as_str()?.to_string();
                Some((line, seq, hash))
            })
            .collect())
    }

    fn anchor(&self, actor: &str, seq: u64, hash: &str) -> Result<AuditEntry> {
        self.audit().append(
            actor,
            ANCHOR_ACTION,
            None,
            serde_json::json!({ "seq": seq, "hash": hash }),
        )
    }

    /// Checks the audit log ([`AuditLog::check`], with `head` a chain head recorded
    /// earlier) and the access log chained to it: its own chain, and that it still holds
    /// every head the audit log recorded. Every problem of either is in `problems`.
    pub fn check_audit(&self, head: Option<&str>) -> Result<AuditCheck> {
        let audit = self.audit();
        let mut check = audit.check(head)?;
        let access = self.access_log();
        let anchors = self.recorded_heads()?;
        if !access.path().exists() && anchors.is_empty() {
            return Ok(check);
        }
        let own = access.check(None)?;
        let mut problems: Vec<String> = own
            .problems
            .iter()
            .map(|p| format!("access log: {p}"))
            .collect();
        let entries = access.readable_entries()?;
        for (line, seq, hash) in &anchors {
            match entries.iter().find(|(_, e)| e.seq == *seq) {
                Some((_, e)) if e.hash == *hash => {}
                Some((at, _)) => problems.push(format!(
                    "access log: entry {at} (seq {seq}) is not the one audit entry {line} \
                     recorded (hash {hash}): the access log was rewritten"
                )),
                None => problems.push(format!(
                    "access log: it no longer holds entry seq {seq}, whose hash audit entry \
                     {line} recorded: the access log was cut or rewritten"
                )),
            }
        }
        check.ok &= problems.is_empty();
        check.problems.extend(problems);
        check.access_log = Some(AccessLogCheck {
            entries: own.entries,
            head: own.head,
            anchored_seq: anchors.iter().map(|(_, seq, _)| *seq).max().unwrap_or(0),
        });
        Ok(check)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> (tempfile::TempDir, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        (dir, archive)
    }

    fn views(archive: &Archive, n: u64) {
        for page in 1..=n {
            archive
                .record_accesses(vec![NewEntry::new(
                    "ann",
                    "read",
                    Some("OBJ"),
                    serde_json::json!({ "document": "DOC", "read": "view page", "page": page }),
                )])
                .unwrap();
        }
    }

    fn anchors(archive: &Archive) -> Vec<u64> {
        archive
            .audit()
            .entries()
            .unwrap()
            .iter()
            .filter(|e| e.action == ANCHOR_ACTION)
            .map(|e| e.detail["seq"].as_u64().unwrap())
            .collect()
    }

    #[test]
    fn views_go_to_the_access_log_and_its_head_to_the_audit_log() {
        let (_dir, archive) = archive();
        // No access log: nothing to report.
        let check = archive.check_audit(None).unwrap();
        assert!(check.ok && check.access_log.is_none(), "{check:?}");
        assert_eq!(archive.anchor_access_log("serve").unwrap(), None);
        views(&archive, 2 * ANCHOR_EVERY + 3);
        assert_eq!(anchors(&archive), [ANCHOR_EVERY, 2 * ANCHOR_EVERY]);
        assert_eq!(
            archive.access_log().entries().unwrap().len() as u64,
            2 * ANCHOR_EVERY + 3
        );
        let anchored = archive.anchor_access_log("serve").unwrap().unwrap();
        assert_eq!(anchored.detail["seq"], 2 * ANCHOR_EVERY + 3);
        assert_eq!(
            anchored.detail["hash"],
            archive.access_log().head().unwrap()
        );
        // Recorded already: a second stop without views adds nothing.
        assert_eq!(archive.anchor_access_log("serve").unwrap(), None);
        assert_eq!(
            anchors(&archive),
            [ANCHOR_EVERY, 2 * ANCHOR_EVERY, 2 * ANCHOR_EVERY + 3]
        );
        let check = archive.check_audit(None).unwrap();
        assert!(check.ok, "{check:?}");
        assert_eq!(
            check.access_log,
            Some(AccessLogCheck {
                entries: 2 * ANCHOR_EVERY as usize + 3,
                head: archive.access_log().head().unwrap(),
                anchored_seq: 2 * ANCHOR_EVERY + 3,
            })
        );
    }

    #[test]
    fn a_batch_of_views_is_anchored_at_the_view_that_makes_the_count() {
        let (_dir, archive) = archive();
        views(&archive, ANCHOR_EVERY - 2);
        let batch: Vec<NewEntry> = (1..=5)
            .map(|page| {
                NewEntry::new(
                    "bao",
                    "read",
                    Some("OBJ"),
                    serde_json::json!({ "document": "DOC", "read": "view page", "page": page }),
                )
            })
            .collect();
        let written = archive.record_accesses(batch).unwrap();
        let seqs: Vec<u64> = written.iter().map(|e| e.seq).collect();
        assert_eq!(
            seqs,
            (ANCHOR_EVERY - 1..=ANCHOR_EVERY + 3).collect::<Vec<_>>()
        );
        assert_eq!(anchors(&archive), [ANCHOR_EVERY]);
        let anchor = archive.audit().entries().unwrap().pop().unwrap();
        assert_eq!(anchor.actor, "bao");
        assert_eq!(anchor.detail["hash"], written[1].hash);
        assert!(archive.check_audit(None).unwrap().ok);
    }

    #[test]
    fn an_access_log_edited_cut_or_rewritten_is_found() {
        let (_dir, archive) = archive();
        views(&archive, ANCHOR_EVERY + 2);
        let path = archive.access_log().path().to_path_buf();
        let original = std::fs::read_to_string(&path).unwrap();
        // A line edited: the access log's own chain breaks.
        std::fs::write(&path, original.replacen("\"page\":3", "\"page\":4", 1)).unwrap();
        let check = archive.check_audit(None).unwrap();
        assert!(!check.ok, "{check:?}");
        assert!(
            check.problems[0].starts_with("access log: entry 3 (seq 3, read by ann at")
                && check.problems[0].contains("was altered"),
            "{check:?}"
        );
        // Cut before the anchored entry: its own chain is whole, the anchor is not found.
        let lines: Vec<&str> = original.lines().collect();
        let cut: String = lines[..10].iter().flat_map(|l| [*l, "\n"]).collect();
        std::fs::write(&path, cut).unwrap();
        let check = archive.check_audit(None).unwrap();
        assert_eq!(
            check.problems,
            [format!(
                "access log: it no longer holds entry seq {ANCHOR_EVERY}, whose hash audit \
                 entry 1 recorded: the access log was cut or rewritten"
            )]
        );
        // Rewritten whole, every hash recomputed: the anchored head differs.
        std::fs::remove_file(&path).unwrap();
        for page in 1..=ANCHOR_EVERY {
            archive
                .access_log()
                .append("mallory", "read", None, serde_json::json!({ "page": page }))
                .unwrap();
        }
        let check = archive.check_audit(None).unwrap();
        assert!(!check.ok, "{check:?}");
        assert!(
            check.problems[0].contains(&format!("entry {ANCHOR_EVERY} (seq {ANCHOR_EVERY})"))
                && check.problems[0].contains("was rewritten"),
            "{check:?}"
        );
    }
}
