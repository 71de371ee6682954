//! The gate: every read and write of archival content, on behalf of someone.
//!
//! In: an [`Archive`] and a [`Principal`] (an actor name, roles, a clearance). Out: a
//! [`Reader`] that answers only with what the principal may see and records their reads
//! of restricted material in the audit log, and a [`Writer`] that refuses the changes the
//! principal may not make and records the ones it makes. Front ends (the CLI, the reading
//! room) build a principal and call these; they add no access logic of their own.
//!
//! The rule (DESIGN.md §7, [`crate::clearance`], [`Principal::content_use`]): a document
//! needing a clearance the principal lacks does not exist for them — every path answers as for an unknown id, and
//! lists, totals, facets, snippets, histories and audit entries leave it out. A hồ sơ
//! object exists for them only when all its documents do. A document they may see but
//! whose content they may not read (chế độ sử dụng 02 without a grant in the reading room;
//! Mật without a grant or outside the isolated-LAN profile) keeps its record and its place
//! in results, and every content path — page image, words, OCR text, PDF, original scan,
//! export — answers for it as for an unknown id. Each read under a grant names the grant,
//! and its first use on a document is an audit entry of its own ([`GRANT_USE_ACTION`]). A verification report
//! (`verify_view`) names only the objects, files and ids their clearance covers and counts
//! the rest: damage is never hidden, only its names.

mod page;
mod principal;
mod reader;
mod show;
mod verify_view;
mod writer;

pub use page::{PageView, PageWord};
pub use principal::{ContentAccess, ContentBasis, Grant, GrantUses, Principal, Role, UseForm};
pub use reader::{
    AuditFilter, ChainHead, DocumentListing, DocumentReview, FieldBox, FixityState, History,
    ObjectFixity, PageUse, ReadKind, Reader, RequestableDocument, CHAIN_HEAD_ACTION,
    GRANT_USE_ACTION,
};
pub use show::{DocumentShow, ShownPage};
pub use writer::{EditRequest, HoSoLayout, SplitOperation, SplitOutcome, SplitRequest, Writer};

use crate::store::Archive;

impl Archive {
    /// Reads of this archive on behalf of `who`.
    pub fn reader<'a>(&'a self, who: &'a Principal) -> Reader<'a> {
        Reader::new(self, who)
    }

    /// Changes to this archive on behalf of `who`.
    pub fn writer<'a>(&'a self, who: &'a Principal) -> Writer<'a> {
        Writer::new(self, who)
    }
}

#[cfg(test)]
mod tests;
