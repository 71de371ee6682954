//! An auditor's reading of fixity and of the audit chain.
//!
//! In: the [`Reader`] of an auditor. Out: the fixity status of every hồ sơ object their
//! clearance covers (the objects a verification report names for them:
//! [`super::super::verify_view`]), each with its last verification ("verified on … by …",
//! intact or damaged) read from the `verify` entries of the audit log as they see it
//! ([`Reader::audit_log`]'s redaction, read once by [`LastChecks`], which also ranks the
//! objects of a sampled run); the audit chain's head; and a check of the chain against a
//! head recorded earlier. Other roles get [`crate::Error::Forbidden`]; an object the auditor
//! may not be told of answers like an unknown id.

use serde::Serialize;

use super::{AuditFilter, Reader};
use crate::clearance::unknown_record;
use crate::store::audit::AuditCheck;
use crate::verify::{LastChecks, ObjectCheck, VERIFY_ACTION};
use crate::Result;

/// Where an object stands, by its last verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixityState {
    /// No run has checked it.
    NeverVerified,
    /// Its last run found it intact.
    Intact,
    /// Its last run found it damaged.
    Damaged,
}

impl FixityState {
    /// The value of the `state` filter and of JSON.
    pub fn key(self) -> &'static str {
        match self {
            FixityState::NeverVerified => "never-verified",
            FixityState::Intact => "intact",
            FixityState::Damaged => "damaged",
        }
    }

    /// The state named `key` ([`FixityState::key`]).
    pub fn from_key(key: &str) -> Option<FixityState> {
        [
            FixityState::NeverVerified,
            FixityState::Intact,
            FixityState::Damaged,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            FixityState::NeverVerified => "chưa kiểm tra",
            FixityState::Intact => "toàn vẹn",
            FixityState::Damaged => "hư hỏng",
        }
    }
}

/// The fixity status of one hồ sơ object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectFixity {
    pub object: String,
    pub hoso: String,
    #[serde(rename = "box")]
    pub box_name: String,
    /// Its documents the auditor may see.
    pub documents: usize,
    pub state: FixityState,
    /// The last run that checked it.
    pub last_verified: Option<ObjectCheck>,
}

/// The head of the audit chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainHead {
    /// Hash of the last entry (the genesis hash for an empty log).
    pub hash: String,
    /// How many entries the log holds (the last one's sequence number).
    pub entries: u64,
    /// When the last entry was written (None for an empty log).
    pub time: Option<String>,
}

/// The audit action recording a chain head an auditor noted, so that a later check can
/// prove the log extends it.
pub const CHAIN_HEAD_ACTION: &str = "chain-head-recorded";

impl Reader<'_> {
    /// The fixity status of every object the auditor may be told of: never-verified objects
    /// first, then those verified longest ago (ties in box and hồ sơ order).
    pub fn fixity(&self) -> Result<Vec<ObjectFixity>> {
        self.require_auditor("the fixity status")?;
        let checks = self.verify_checks()?;
        let mut objects: Vec<ObjectFixity> =
            super::super::verify_view::named_objects(self.archive, self.clearance())?
                .into_iter()
                .map(|o| {
                    let last = checks.last(&o.id).cloned();
                    ObjectFixity {
                        state: state_of(last.as_ref()),
                        object: o.id,
                        hoso: o.hoso,
                        box_name: o.box_name,
                        documents: o.documents,
                        last_verified: last,
                    }
                })
                .collect();
        objects.sort_by(|a, b| {
            let seq = |o: &ObjectFixity| o.last_verified.as_ref().map(|c| c.seq);
            seq(a)
                .cmp(&seq(b))
                .then_with(|| (&a.box_name, &a.hoso).cmp(&(&b.box_name, &b.hoso)))
        });
        Ok(objects)
    }

    /// The fixity status of object `id` and every run that checked it, oldest first; an
    /// object the auditor may not be told of answers like an unknown id.
    pub fn object_fixity(&self, id: &str) -> Result<(ObjectFixity, Vec<ObjectCheck>)> {
        self.require_auditor("the fixity status")?;
        let named = super::super::verify_view::named_objects(self.archive, self.clearance())?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or_else(|| unknown_record(id))?;
        let checks = self.verify_checks()?;
        let runs: Vec<ObjectCheck> = checks.all(id).into_iter().cloned().collect();
        let last = checks.last(id).cloned();
        Ok((
            ObjectFixity {
                state: state_of(last.as_ref()),
                object: named.id,
                hoso: named.hoso,
                box_name: named.box_name,
                documents: named.documents,
                last_verified: last,
            },
            runs,
        ))
    }

    /// The verification runs of the audit log as the auditor sees it.
    fn verify_checks(&self) -> Result<LastChecks> {
        let entries = self.audit_log(&AuditFilter {
            action: Some(VERIFY_ACTION.to_string()),
            ..AuditFilter::default()
        })?;
        Ok(LastChecks::read(&entries))
    }

    /// The head of the audit chain, read from the end of the log.
    pub fn chain_head(&self) -> Result<ChainHead> {
        self.require_auditor("the audit chain head")?;
        let last = self.archive.audit().last_entry()?;
        Ok(match last {
            Some(e) => ChainHead {
                hash: e.hash,
                entries: e.seq,
                time: Some(e.time),
            },
            None => ChainHead {
                hash: crate::store::audit::GENESIS.to_string(),
                entries: 0,
                time: None,
            },
        })
    }

    /// Checks every link of the audit log and of the access log chained to it (`sohoa audit
    /// verify`); with `head` (one recorded earlier), also that the log still holds it.
    pub fn check_chain(&self, head: Option<&str>) -> Result<AuditCheck> {
        self.require_auditor("the audit chain")?;
        self.archive.check_audit(head)
    }
}

fn state_of(last: Option<&ObjectCheck>) -> FixityState {
    match last {
        None => FixityState::NeverVerified,
        Some(c) if c.intact => FixityState::Intact,
        Some(_) => FixityState::Damaged,
    }
}
