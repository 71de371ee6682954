//! Changes to the archive for one principal.
//!
//! In: an [`Archive`], a [`Principal`] and the change asked for (a correction of a record or
//! of a hồ sơ's split, a box to ingest, an index rebuild). Out: the change made and recorded (version and audit entry
//! name the principal), or [`Error::Forbidden`] when their roles or clearance do not allow
//! it. A record they may not see answers like an unknown id.

use std::path::PathBuf;

use super::{Principal, Role};
use crate::edit::EditOutcome;
use crate::ingest::{IngestOptions, IngestSummary, ProgressSink};
use crate::store::Archive;
use crate::Result;

pub use crate::edit::EditRequest;
pub use crate::resplit::{HoSoLayout, SplitOperation, SplitOutcome, SplitRequest};

/// What a principal without the archivist's role may not do with a hồ sơ's split.
const SPLIT_WHAT: &str = "correct the split of a hồ sơ";

/// Changes on behalf of one principal; see the module doc.
#[derive(Debug, Clone, Copy)]
pub struct Writer<'a> {
    archive: &'a Archive,
    who: &'a Principal,
}

impl<'a> Writer<'a> {
    pub(super) fn new(archive: &'a Archive, who: &'a Principal) -> Writer<'a> {
        Writer { archive, who }
    }

    /// `Ok` when the principal has `role`, else why not (`what` they tried): also for a
    /// front end's page of that role's work before any change (the reading room's list of
    /// boxes to ingest).
    pub fn require(&self, role: Role, what: &str) -> Result<()> {
        self.who.require(role, what)
    }

    /// Corrects a document's or hồ sơ's record (a new version; see [`crate::edit`]).
    pub fn edit(&self, request: &EditRequest) -> Result<EditOutcome> {
        self.require(Role::Archivist, "correct records")?;
        crate::edit::edit(
            self.archive,
            request,
            self.who.actor(),
            self.who.clearance(),
        )
    }

    /// Corrects the split of a hồ sơ into documents: a page boundary moved, a document split
    /// in two or merged into the one before (a new version; see [`crate::resplit`]). The
    /// principal's clearance must cover every document of the hồ sơ (else it is an unknown
    /// id) and every document of the new split.
    pub fn correct_split(&self, request: &SplitRequest) -> Result<SplitOutcome> {
        self.require(Role::Archivist, SPLIT_WHAT)?;
        crate::resplit::correct_split(
            self.archive,
            request,
            self.who.actor(),
            self.who.clearance(),
        )
    }

    /// Hồ sơ object `id`'s documents and their pages, for the form correcting its split:
    /// the archivist's, when their clearance covers every document (else an unknown id).
    pub fn split_layout(&self, id: &str) -> Result<HoSoLayout> {
        self.require(Role::Archivist, SPLIT_WHAT)?;
        crate::resplit::layout(self.archive, id, self.who.clearance())
    }

    /// Ingests `boxes`, recording the principal as the actor.
    pub fn ingest(
        &self,
        boxes: &[PathBuf],
        options: &IngestOptions,
        progress: &dyn ProgressSink,
    ) -> Result<IngestSummary> {
        self.require(Role::Archivist, "ingest boxes")?;
        let options = IngestOptions {
            actor: self.who.actor().to_string(),
            ..options.clone()
        };
        crate::ingest::ingest(self.archive, boxes, &options, progress)
    }

    /// Re-hashes the stored files of `scope` (see [`crate::verify`]) and records the run in
    /// the audit log; a run that cannot be recorded (a read-only copy) is still reported.
    /// The report names only what the principal's clearance covers (`super::verify_view`):
    /// damage they may not be told of is counted in `not_named`, and still makes it not
    /// `ok`.
    pub fn verify(
        &self,
        scope: &crate::verify::Scope,
        progress: &dyn crate::verify::VerifyProgress,
    ) -> Result<crate::verify::VerifyReport> {
        self.verify_by(scope, progress, &crate::verify::HereChecker)
    }

    /// [`Writer::verify`] with the objects checked by `checker` (cluster mode: as jobs run
    /// by workers near the storage); the checks of the whole archive, the audit entry and
    /// what the report names are this process's, as in [`Writer::verify`].
    pub fn verify_by(
        &self,
        scope: &crate::verify::Scope,
        progress: &dyn crate::verify::VerifyProgress,
        checker: &dyn crate::verify::ObjectChecker,
    ) -> Result<crate::verify::VerifyReport> {
        self.require(Role::Auditor, "verify the archive")?;
        let report = crate::verify::verify_by(self.archive, scope, progress, checker)?;
        // The objects checked let the next `--sample` run pick those verified longest ago.
        if let Err(e) = crate::verify::record(&self.archive.audit(), self.who.actor(), &report) {
            tracing::warn!("verification not recorded in the audit log: {e}");
        }
        super::verify_view::for_clearance(self.archive, report, self.who.clearance())
    }

    /// Rebuilds the search index from the stored objects; the number of documents indexed.
    pub fn reindex(&self) -> Result<usize> {
        self.require(Role::Archivist, "rebuild the index")?;
        let _lock = self.archive.lock()?;
        crate::catalog::reindex(self.archive)
    }
    /// Records the audit chain's head (hash and number of entries) in the log itself, as an
    /// auditor noted it (also outside the archive): a later check with that head
    /// ([`super::Reader::check_chain`]) proves the log still extends it. The entry recording it.
    pub fn record_chain_head(&self) -> Result<crate::store::audit::AuditEntry> {
        self.require(Role::Auditor, "record the audit chain head")?;
        let audit = self.archive.audit();
        let (entries, head) = audit.last_link()?;
        audit.append(
            self.who.actor(),
            super::reader::CHAIN_HEAD_ACTION,
            None,
            serde_json::json!({ "head": head, "entries": entries }),
        )
    }

    /// Writes the search documents for Quickwit (DESIGN.md §8) into `out_dir`: what the
    /// principal's clearance covers, like the index [`Writer::reindex`] rebuilds. The export
    /// is recorded in the audit log.
    pub fn export_quickwit(
        &self,
        out_dir: &std::path::Path,
        index_id: &str,
    ) -> Result<crate::catalog::QuickwitExport> {
        self.require(Role::Archivist, "export the search documents")?;
        let export =
            crate::catalog::export_quickwit(self.archive, self.who.clearance(), out_dir, index_id)?;
        self.archive.audit().append(
            self.who.actor(),
            QUICKWIT_EXPORT_ACTION,
            None,
            serde_json::json!({
                "index_id": index_id,
                "documents": export.documents_exported,
                "pages": export.pages_exported,
            }),
        )?;
        Ok(export)
    }

    /// Records a change to an account of the reading room (added, role, clearance,
    /// password, enabled, token) in the audit log, naming the principal who made it:
    /// DESIGN.md §7 asks for every rights change with who and when.
    pub fn record_account_change(&self, account: &str, change: &str) -> Result<()> {
        self.archive
            .audit()
            .append(
                self.who.actor(),
                ACCOUNT_ACTION,
                None,
                serde_json::json!({ "account": account, "change": change }),
            )
            .map(drop)
    }
}

/// The audit action of an export of the search documents for Quickwit.
pub const QUICKWIT_EXPORT_ACTION: &str = "quickwit-export";

/// The audit action of a change to an account.
pub const ACCOUNT_ACTION: &str = "account";
