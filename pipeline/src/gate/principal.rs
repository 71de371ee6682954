//! Who is asking: an actor name, roles and a clearance.
//!
//! In: what a front end knows of its user (the CLI: the operator's name and the clearance
//! they state; the reading room: a signed-in account). Out: a [`Principal`] the gate
//! decides by.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::clearance::Clearance;

/// What a user does in the archive (DESIGN.md §7). A role never grants sight of classified
/// content: that is the clearance's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Độc giả: searches and reads.
    Reader,
    /// Lưu trữ viên: ingests boxes, corrects records, rebuilds the index.
    Archivist,
    /// Người duyệt: decides reading requests.
    Approver,
    /// Kiểm tra viên: verifies fixity, reads the audit log.
    Auditor,
    /// Quản trị: manages accounts.
    Admin,
}

impl Role {
    /// The role's name in Vietnamese, for messages.
    pub fn vietnamese(self) -> &'static str {
        match self {
            Role::Reader => "độc giả",
            Role::Archivist => "lưu trữ viên",
            Role::Approver => "người duyệt",
            Role::Auditor => "kiểm tra viên",
            Role::Admin => "quản trị",
        }
    }
}

/// Someone the archive acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    actor: String,
    roles: BTreeSet<Role>,
    clearance: Clearance,
}

impl Principal {
    pub fn new(
        actor: impl Into<String>,
        roles: impl IntoIterator<Item = Role>,
        clearance: Clearance,
    ) -> Principal {
        Principal {
            actor: actor.into(),
            roles: roles.into_iter().collect(),
            clearance,
        }
    }

    /// The operator at the archive host's command line: they read, ingest, correct and
    /// verify, and see classified records only with the clearance they state.
    pub fn local_operator(actor: impl Into<String>, clearance: Clearance) -> Principal {
        Principal::new(
            actor,
            [Role::Reader, Role::Archivist, Role::Auditor],
            clearance,
        )
    }

    /// The name recorded in versions and the audit log.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn clearance(&self) -> Clearance {
        self.clearance
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn roles(&self) -> impl Iterator<Item = Role> + '_ {
        self.roles.iter().copied()
    }
}
