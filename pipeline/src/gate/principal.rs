//! Who is asking: an actor name, roles, a clearance, and where they read content from.
//!
//! In: what a front end knows of its user (the CLI: the account `--user` names, or the
//! local operator, reading on the archive host; the reading room: a signed-in account, its
//! active grants and whether the server runs in the isolated-LAN profile). Out: a
//! [`Principal`] the gate decides by.
//!
//! Content rights (DESIGN.md §7): in the reading room a document's content (page images,
//! OCR text, the PDF, original scans) is read under the table of [`Principal::content_use`];
//! on the archive host ([`ContentAccess::ArchiveHost`]) whoever may see a document may read
//! it, since whoever runs `sohoa` there owns the archive's files (README, "Who may read the
//! archive directory"): a grant would protect nothing there. A principal made with
//! [`Principal::new`] reads in the reading room with no grant, the most restrictive case.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clearance::{Clearance, Regime};

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

/// The form of use a reading request asks for and a grant allows (phiếu yêu cầu đọc / sao).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UseForm {
    /// Đọc: read the content (page images, OCR text).
    Read,
    /// Sao: also take a copy (the access PDF, an original scan).
    Copy,
}

impl UseForm {
    /// The key in the API, the CLI and the database (`read`, `copy`).
    pub fn key(self) -> &'static str {
        match self {
            UseForm::Read => "read",
            UseForm::Copy => "copy",
        }
    }

    /// From its key (`read`/`doc`/`đọc`, `copy`/`sao`).
    pub fn parse(key: &str) -> Option<UseForm> {
        match key.trim() {
            "read" | "doc" | "đọc" => Some(UseForm::Read),
            "copy" | "sao" => Some(UseForm::Copy),
            _ => None,
        }
    }

    /// The Vietnamese name (`đọc`, `sao`).
    pub fn vietnamese(self) -> &'static str {
        match self {
            UseForm::Read => "đọc",
            UseForm::Copy => "sao",
        }
    }

    /// Whether a grant of this form allows `wanted` (a copy grant also allows reading).
    pub fn allows(self, wanted: UseForm) -> bool {
        self >= wanted
    }
}

/// An active grant (an approved reading request) as the gate needs it: the front end
/// gives only grants that have not expired or been revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: i64,
    pub form: UseForm,
    /// The document ids it covers.
    pub documents: BTreeSet<String>,
}

/// Remembers which documents each grant was used on, so that the first use of a grant on a
/// document is recorded in the audit log once (later uses are in the read entries and the
/// access log). The reading room keeps it in its service database.
pub trait GrantUses: Send + Sync {
    /// Whether grant `grant` has been used on `document` before.
    fn used_before(&self, grant: i64, document: &str) -> bool;
    /// Notes that grant `grant` was used on `document` (its first use was just recorded).
    fn note_use(&self, grant: i64, document: &str);
}

/// Where a principal reads content from.
#[derive(Clone)]
pub enum ContentAccess {
    /// The archive host's command line: content of every document the principal may see.
    ArchiveHost,
    /// The reading room: DESIGN.md §7's table, with these active grants.
    ReadingRoom {
        grants: Vec<Grant>,
        /// The server runs in the isolated-LAN profile (`sohoa serve --profile lan`): Mật
        /// content may be read there, and only there.
        isolated_lan: bool,
        /// Where first uses of grants are noted (None: every use counts as a first one).
        uses: Option<Arc<dyn GrantUses>>,
    },
}

impl fmt::Debug for ContentAccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentAccess::ArchiveHost => f.write_str("ArchiveHost"),
            ContentAccess::ReadingRoom {
                grants,
                isolated_lan,
                ..
            } => f
                .debug_struct("ReadingRoom")
                .field("grants", grants)
                .field("isolated_lan", isolated_lan)
                .finish_non_exhaustive(),
        }
    }
}

impl PartialEq for ContentAccess {
    fn eq(&self, other: &ContentAccess) -> bool {
        match (self, other) {
            (ContentAccess::ArchiveHost, ContentAccess::ArchiveHost) => true,
            (
                ContentAccess::ReadingRoom {
                    grants: a,
                    isolated_lan: la,
                    ..
                },
                ContentAccess::ReadingRoom {
                    grants: b,
                    isolated_lan: lb,
                    ..
                },
            ) => a == b && la == lb,
            _ => false,
        }
    }
}

impl Eq for ContentAccess {}

/// Why a principal may use a document's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentBasis {
    /// Read on the archive host.
    ArchiveHost,
    /// Chế độ sử dụng 01 (or none): every signed-in reader.
    Open,
    /// An active grant, by its id.
    Grant(i64),
}

/// Someone the archive acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    actor: String,
    roles: BTreeSet<Role>,
    clearance: Clearance,
    content: ContentAccess,
}

impl Principal {
    /// A principal reading in the reading room without any grant (see the module doc).
    pub fn new(
        actor: impl Into<String>,
        roles: impl IntoIterator<Item = Role>,
        clearance: Clearance,
    ) -> Principal {
        Principal {
            actor: actor.into(),
            roles: roles.into_iter().collect(),
            clearance,
            content: ContentAccess::ReadingRoom {
                grants: Vec::new(),
                isolated_lan: false,
                uses: None,
            },
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
        .on_archive_host()
    }

    /// This principal reading on the archive host (the CLI): content of every document
    /// they may see.
    #[must_use]
    pub fn on_archive_host(self) -> Principal {
        Principal {
            content: ContentAccess::ArchiveHost,
            ..self
        }
    }

    /// This principal reading in the reading room with `grants` (active ones), on a server
    /// in the isolated-LAN profile or not; first uses noted in `uses`.
    #[must_use]
    pub fn in_reading_room(
        self,
        grants: Vec<Grant>,
        isolated_lan: bool,
        uses: Option<Arc<dyn GrantUses>>,
    ) -> Principal {
        Principal {
            content: ContentAccess::ReadingRoom {
                grants,
                isolated_lan,
                uses,
            },
            ..self
        }
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

    /// `Ok` when the principal has `role`, else [`crate::Error::Forbidden`] saying why not
    /// (`what` they tried).
    pub fn require(&self, role: Role, what: &str) -> crate::Result<()> {
        if self.has_role(role) {
            Ok(())
        } else {
            Err(crate::Error::Forbidden(format!(
                "{} may not {what}: it needs the {} role",
                self.actor(),
                role.vietnamese()
            )))
        }
    }

    pub fn roles(&self) -> impl Iterator<Item = Role> + '_ {
        self.roles.iter().copied()
    }

    pub fn content_access(&self) -> &ContentAccess {
        &self.content
    }

    /// Whether the principal may use the content of document `id` (whose regime is
    /// `regime` and which needs `needed`) as `form`, and on what basis (DESIGN.md §7):
    ///
    /// | regime | reading room |
    /// |---|---|
    /// | 01 Công khai (or none) | every reader reads and copies |
    /// | 02 Sử dụng có điều kiện | an active grant covering it, of form `sao` for a copy |
    /// | 03 Mật, độ mật | the clearance, an active grant, and the isolated-LAN profile |
    ///
    /// On the archive host: every document the clearance covers. None: the content does
    /// not exist for the principal.
    pub fn content_use(
        &self,
        id: &str,
        regime: Regime,
        needed: Clearance,
        form: UseForm,
    ) -> Option<ContentBasis> {
        if !self.clearance.covers(needed) {
            return None;
        }
        let ContentAccess::ReadingRoom {
            grants,
            isolated_lan,
            ..
        } = &self.content
        else {
            return Some(ContentBasis::ArchiveHost);
        };
        let granted = || {
            grants
                .iter()
                .find(|g| g.form.allows(form) && g.documents.contains(id))
                .map(|g| ContentBasis::Grant(g.id))
        };
        match regime {
            Regime::Open => Some(ContentBasis::Open),
            Regime::Conditional => granted(),
            Regime::Secret if *isolated_lan => granted(),
            Regime::Secret => None,
        }
    }

    /// Where first uses of grants are noted, in the reading room.
    pub(crate) fn grant_uses(&self) -> Option<&Arc<dyn GrantUses>> {
        match &self.content {
            ContentAccess::ReadingRoom { uses, .. } => uses.as_ref(),
            ContentAccess::ArchiveHost => None,
        }
    }
}
