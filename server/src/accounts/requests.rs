//! Reading requests (phiếu yêu cầu đọc / sao), their decisions, the grants they give, the
//! grants' first uses, and the notifications a requester gets, in the accounts database.
//!
//! In: what [`crate::requests`] has checked (the documents a request names as the gate
//! found them, a decision by an approver). Out: [`ReadingRequest`]s with their items,
//! decision and grant; the active grants of an account as the gate takes them
//! ([`pipeline::gate::Grant`]); notifications. Each change runs in one transaction with the
//! audit entry that records it: the entry is written before the change commits, and a
//! change whose entry cannot be written is rolled back.

use chrono::NaiveDate;
use pipeline::gate::{Grant, GrantUses, UseForm};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::{now_text, today, Accounts};
use crate::{Error, Result};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestState {
    Pending,
    Approved,
    Refused,
}

impl RequestState {
    pub fn key(self) -> &'static str {
        match self {
            RequestState::Pending => "pending",
            RequestState::Approved => "approved",
            RequestState::Refused => "refused",
        }
    }

    pub fn parse(key: &str) -> Option<RequestState> {
        [
            RequestState::Pending,
            RequestState::Approved,
            RequestState::Refused,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            RequestState::Pending => "chờ duyệt",
            RequestState::Approved => "đã duyệt",
            RequestState::Refused => "từ chối",
        }
    }
}

/// What an approver decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Approved,
    Refused,
}

impl Outcome {
    fn key(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Refused => "refused",
        }
    }
}

/// A document a request names, as it was when the request was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestItem {
    pub document: String,
    /// Its hồ sơ object.
    pub object: String,
    pub title: String,
    pub symbol: String,
    /// `conditional` (chế độ sử dụng 02) or `secret` (Mật).
    pub regime: String,
}

/// An approver's decision on a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub approver: String,
    pub outcome: Outcome,
    pub reason: String,
    pub decided: String,
}

/// Where a grant stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GrantState {
    Active,
    Expired,
    Revoked,
}

impl GrantState {
    pub fn vietnamese(self) -> &'static str {
        match self {
            GrantState::Active => "còn hiệu lực",
            GrantState::Expired => "hết hạn",
            GrantState::Revoked => "đã thu hồi",
        }
    }
}

/// A grant's revocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revocation {
    pub by: String,
    pub reason: String,
    pub at: String,
}

/// A grant: what an approved request lets its holder do, until its last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantRecord {
    pub id: i64,
    pub request: i64,
    pub user: String,
    pub form: UseForm,
    pub documents: Vec<String>,
    /// The last day it holds.
    pub expires: NaiveDate,
    pub state: GrantState,
    pub revoked: Option<Revocation>,
}

/// A reading request with its items, decision and grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadingRequest {
    pub id: i64,
    pub requester: String,
    pub form: UseForm,
    pub purpose: String,
    pub priority: bool,
    pub priority_note: Option<String>,
    pub submitted: String,
    /// The day a decision is due (working days after submission).
    pub due: NaiveDate,
    pub state: RequestState,
    /// Who routed it to the approvers, if anyone did.
    pub routed_by: Option<String>,
    pub items: Vec<RequestItem>,
    pub decision: Option<Decision>,
    pub grant: Option<GrantRecord>,
}

/// A message to an account (a request decided, a grant revoked or expired).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notification {
    pub id: i64,
    pub request: Option<i64>,
    pub message: String,
    pub created: String,
    pub seen: bool,
}

/// Which requests to list.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    pub requester: Option<String>,
    pub document: Option<String>,
    pub approver: Option<String>,
    pub state: Option<RequestState>,
}

/// A request to store (checked by [`crate::requests`]).
pub(crate) struct NewRequestRow<'a> {
    pub user: &'a str,
    pub form: UseForm,
    pub purpose: &'a str,
    pub priority: bool,
    pub priority_note: Option<&'a str>,
    pub due: NaiveDate,
    pub items: &'a [RequestItem],
}

/// A decision to store (checked by [`crate::requests`]).
pub(crate) struct DecisionRow<'a> {
    pub request: i64,
    pub approver: &'a str,
    pub outcome: Outcome,
    pub reason: &'a str,
    /// Approved: the documents granted and the grant's last day.
    pub grant: Option<(&'a [String], NaiveDate)>,
    pub notice: &'a str,
}

const REQUEST_COLUMNS: &str = "r.id, u.name, r.form, r.purpose, r.priority, r.priority_note, \
     r.submitted, r.due, r.state, (SELECT name FROM users WHERE id = r.routed_by)";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn form_of(key: &str) -> UseForm {
    // A form the database does not know reads as the lesser one.
    UseForm::parse(key).unwrap_or(UseForm::Read)
}

fn request_from_row(row: &Row<'_>) -> rusqlite::Result<ReadingRequest> {
    let form: String = row.get(2)?;
    let due: String = row.get(7)?;
    let state: String = row.get(8)?;
    Ok(ReadingRequest {
        id: row.get(0)?,
        requester: row.get(1)?,
        form: form_of(&form),
        purpose: row.get(3)?,
        priority: row.get(4)?,
        priority_note: row.get(5)?,
        submitted: row.get(6)?,
        due: date(&due),
        state: RequestState::parse(&state).unwrap_or(RequestState::Pending),
        routed_by: row.get(9)?,
        items: Vec::new(),
        decision: None,
        grant: None,
    })
}

impl Accounts {
    /// Stores a new request; `audit` records it (given the stored request) before it
    /// commits.
    pub(crate) fn insert_request(
        &self,
        new: &NewRequestRow<'_>,
        audit: impl FnOnce(&ReadingRequest) -> Result<()>,
    ) -> Result<ReadingRequest> {
        let account = self.account(new.user)?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        tx.execute(
            "INSERT INTO requests (user_id, form, purpose, priority, priority_note, submitted, due) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                account.id,
                new.form.key(),
                new.purpose,
                new.priority,
                new.priority_note,
                now_text(),
                day_text(new.due),
            ],
        )
        .map_err(|e| self.err(e))?;
        let id = tx.last_insert_rowid();
        for (n, item) in new.items.iter().enumerate() {
            tx.execute(
                "INSERT INTO request_items (request_id, position, document, object, title, symbol, regime) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, n, item.document, item.object, item.title, item.symbol, item.regime],
            )
            .map_err(|e| self.err(e))?;
        }
        let request = self.load_request(&tx, id)?.expect("just inserted");
        audit(&request)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(request)
    }

    /// Request `id`, with its items, decision and grant.
    pub fn request(&self, id: i64) -> Result<Option<ReadingRequest>> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        self.load_request(&tx, id)
    }

    fn load_request(&self, tx: &Transaction<'_>, id: i64) -> Result<Option<ReadingRequest>> {
        let found = tx
            .query_row(
                &format!(
                    "SELECT {REQUEST_COLUMNS} FROM requests r JOIN users u ON u.id = r.user_id \
                     WHERE r.id = ?1"
                ),
                [id],
                request_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(mut request) = found else {
            return Ok(None);
        };
        self.complete(tx, &mut request)?;
        Ok(Some(request))
    }

    /// Fills in a request's items, decision and grant.
    fn complete(&self, tx: &Transaction<'_>, request: &mut ReadingRequest) -> Result<()> {
        let mut stmt = tx
            .prepare(
                "SELECT document, object, title, symbol, regime FROM request_items \
                 WHERE request_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        request.items = stmt
            .query_map([request.id], |r| {
                Ok(RequestItem {
                    document: r.get(0)?,
                    object: r.get(1)?,
                    title: r.get(2)?,
                    symbol: r.get(3)?,
                    regime: r.get(4)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        request.decision = tx
            .query_row(
                "SELECT u.name, d.outcome, d.reason, d.decided FROM decisions d \
                 JOIN users u ON u.id = d.approver_id WHERE d.request_id = ?1",
                [request.id],
                |r| {
                    let outcome: String = r.get(1)?;
                    Ok(Decision {
                        approver: r.get(0)?,
                        outcome: if outcome == "approved" {
                            Outcome::Approved
                        } else {
                            Outcome::Refused
                        },
                        reason: r.get(2)?,
                        decided: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let grant: Option<i64> = tx
            .query_row(
                "SELECT id FROM grants WHERE request_id = ?1",
                [request.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        request.grant = match grant {
            Some(g) => self.load_grant(tx, g)?,
            None => None,
        };
        Ok(())
    }

    fn load_grant(&self, tx: &Transaction<'_>, id: i64) -> Result<Option<GrantRecord>> {
        let found = tx
            .query_row(
                "SELECT g.id, g.request_id, u.name, g.form, g.expires, g.revoked, g.revoked_by, \
                 g.revoke_reason FROM grants g JOIN users u ON u.id = g.user_id WHERE g.id = ?1",
                [id],
                |r| {
                    let form: String = r.get(3)?;
                    let expires: String = r.get(4)?;
                    let revoked: Option<String> = r.get(5)?;
                    let revocation = match revoked {
                        Some(at) => Some(Revocation {
                            at,
                            by: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                            reason: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        }),
                        None => None,
                    };
                    let expires = date(&expires);
                    let state = if revocation.is_some() {
                        GrantState::Revoked
                    } else if expires < today() {
                        GrantState::Expired
                    } else {
                        GrantState::Active
                    };
                    Ok(GrantRecord {
                        id: r.get(0)?,
                        request: r.get(1)?,
                        user: r.get(2)?,
                        form: form_of(&form),
                        documents: Vec::new(),
                        expires,
                        state,
                        revoked: revocation,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(mut grant) = found else {
            return Ok(None);
        };
        let mut stmt = tx
            .prepare("SELECT document FROM grant_documents WHERE grant_id = ?1 ORDER BY rowid")
            .map_err(|e| self.err(e))?;
        grant.documents = stmt
            .query_map([id], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        Ok(Some(grant))
    }

    /// Grant `id`.
    pub fn grant(&self, id: i64) -> Result<Option<GrantRecord>> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        self.load_grant(&tx, id)
    }

    /// The requests `filter` selects, newest first.
    pub fn requests(&self, filter: &RequestFilter) -> Result<Vec<ReadingRequest>> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        let ids: Vec<i64> = {
            let mut stmt = tx
                .prepare(
                    "SELECT r.id FROM requests r JOIN users u ON u.id = r.user_id \
                     WHERE (?1 IS NULL OR u.name = ?1) \
                     AND (?2 IS NULL OR EXISTS (SELECT 1 FROM request_items i \
                          WHERE i.request_id = r.id AND i.document = ?2)) \
                     AND (?3 IS NULL OR EXISTS (SELECT 1 FROM decisions d JOIN users a \
                          ON a.id = d.approver_id WHERE d.request_id = r.id AND a.name = ?3)) \
                     AND (?4 IS NULL OR r.state = ?4) ORDER BY r.id DESC",
                )
                .map_err(|e| self.err(e))?;
            stmt.query_map(
                params![
                    filter.requester,
                    filter.document,
                    filter.approver,
                    filter.state.map(RequestState::key),
                ],
                |r| r.get(0),
            )
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.load_request(&tx, id)?);
        }
        Ok(out)
    }

    /// Notes who routed pending request `id` to the approvers; `audit` records it first.
    pub(crate) fn route_request(
        &self,
        id: i64,
        by: &str,
        audit: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        let account = self.account(by)?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        tx.execute(
            "UPDATE requests SET routed_by = ?2 WHERE id = ?1 AND state = 'pending'",
            params![id, account.id],
        )
        .map_err(|e| self.err(e))?;
        audit()?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// Stores a decision (and, approved, its grant) on a pending request, with a
    /// notification to the requester; `audit` records it (given the grant's id) before it
    /// commits. The request must still be pending.
    pub(crate) fn insert_decision(
        &self,
        row: &DecisionRow<'_>,
        audit: impl FnOnce(Option<i64>) -> Result<()>,
    ) -> Result<ReadingRequest> {
        let approver = self.account(row.approver)?;
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        let (user, form): (i64, String) = tx
            .query_row(
                "SELECT user_id, form FROM requests WHERE id = ?1 AND state = 'pending'",
                [row.request],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| Error::invalid("request", "phiếu này đã được quyết định"))?;
        let now = now_text();
        tx.execute(
            "INSERT INTO decisions (request_id, approver_id, outcome, reason, decided) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![row.request, approver.id, row.outcome.key(), row.reason, now],
        )
        .map_err(|e| self.err(e))?;
        tx.execute(
            "UPDATE requests SET state = ?2 WHERE id = ?1",
            params![row.request, row.outcome.key()],
        )
        .map_err(|e| self.err(e))?;
        let grant = match row.grant {
            Some((documents, expires)) => {
                tx.execute(
                    "INSERT INTO grants (request_id, user_id, form, expires) VALUES (?1, ?2, ?3, ?4)",
                    params![row.request, user, form, day_text(expires)],
                )
                .map_err(|e| self.err(e))?;
                let grant = tx.last_insert_rowid();
                for d in documents {
                    tx.execute(
                        "INSERT OR IGNORE INTO grant_documents (grant_id, document) VALUES (?1, ?2)",
                        params![grant, d],
                    )
                    .map_err(|e| self.err(e))?;
                }
                Some(grant)
            }
            None => None,
        };
        notify(&tx, user, Some(row.request), row.notice, &now).map_err(|e| self.err(e))?;
        audit(grant)?;
        let request = self.load_request(&tx, row.request)?.expect("it exists");
        tx.commit().map_err(|e| self.err(e))?;
        Ok(request)
    }

    /// Revokes active grant `id` (by `by`, for `reason`), notifying its holder; `audit`
    /// records it (given the grant) before it commits.
    pub(crate) fn revoke_grant(
        &self,
        id: i64,
        by: &str,
        reason: &str,
        notice: &str,
        audit: impl FnOnce(&GrantRecord) -> Result<()>,
    ) -> Result<GrantRecord> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        let grant = self
            .load_grant(&tx, id)?
            .ok_or_else(|| Error::invalid("grant", format!("không có quyền sử dụng số {id}")))?;
        if grant.state != GrantState::Active {
            return Err(Error::invalid(
                "grant",
                format!("quyền sử dụng số {id} đã {}", grant.state.vietnamese()),
            ));
        }
        let now = now_text();
        tx.execute(
            "UPDATE grants SET revoked = ?2, revoked_by = ?3, revoke_reason = ?4 WHERE id = ?1",
            params![id, now, by, reason],
        )
        .map_err(|e| self.err(e))?;
        let user: i64 = tx
            .query_row("SELECT user_id FROM grants WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))?;
        notify(&tx, user, Some(grant.request), notice, &now).map_err(|e| self.err(e))?;
        let revoked = self.load_grant(&tx, id)?.expect("it exists");
        audit(&revoked)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(revoked)
    }

    /// Grants past their last day whose expiry is not yet recorded: each is recorded by
    /// `audit`, marked, and its holder notified (`notice` makes the message), one
    /// transaction each. Returns those recorded.
    pub(crate) fn record_expiries(
        &self,
        notice: impl Fn(&GrantRecord) -> String,
        audit: impl Fn(&GrantRecord) -> Result<()>,
    ) -> Result<Vec<GrantRecord>> {
        let mut conn = self.conn();
        let ids: Vec<i64> = {
            let mut stmt = conn
                .prepare(
                    "SELECT id FROM grants WHERE expiry_recorded = 0 AND revoked IS NULL \
                     AND expires < ?1",
                )
                .map_err(|e| self.err(e))?;
            stmt.query_map([day_text(today())], |r| r.get(0))
                .and_then(Iterator::collect)
                .map_err(|e| self.err(e))?
        };
        let mut recorded = Vec::new();
        for id in ids {
            let tx = conn.transaction().map_err(|e| self.err(e))?;
            let Some(grant) = self.load_grant(&tx, id)? else {
                continue;
            };
            tx.execute("UPDATE grants SET expiry_recorded = 1 WHERE id = ?1", [id])
                .map_err(|e| self.err(e))?;
            let user: i64 = tx
                .query_row("SELECT user_id FROM grants WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(|e| self.err(e))?;
            notify(&tx, user, Some(grant.request), &notice(&grant), &now_text())
                .map_err(|e| self.err(e))?;
            audit(&grant)?;
            tx.commit().map_err(|e| self.err(e))?;
            recorded.push(grant);
        }
        Ok(recorded)
    }

    /// The active grants of account `name` (not revoked, not past their last day), as the
    /// gate takes them.
    pub fn active_grants(&self, name: &str) -> Result<Vec<Grant>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT g.id, g.form, d.document FROM grants g \
                 JOIN users u ON u.id = g.user_id \
                 JOIN grant_documents d ON d.grant_id = g.id \
                 WHERE u.name = ?1 AND g.revoked IS NULL AND g.expires >= ?2 ORDER BY g.id",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(i64, String, String)> = stmt
            .query_map(params![name, day_text(today())], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        let mut grants: Vec<Grant> = Vec::new();
        for (id, form, document) in rows {
            match grants.last_mut() {
                Some(g) if g.id == id => {
                    g.documents.insert(document);
                }
                _ => grants.push(Grant {
                    id,
                    form: form_of(&form),
                    documents: [document].into_iter().collect(),
                }),
            }
        }
        Ok(grants)
    }

    /// The notifications of account `name`, newest first (the last 100).
    pub fn notifications(&self, name: &str) -> Result<Vec<Notification>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(
                "SELECT n.id, n.request_id, n.message, n.created, n.seen FROM notifications n \
                 JOIN users u ON u.id = n.user_id WHERE u.name = ?1 ORDER BY n.id DESC LIMIT 100",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([name], |r| {
            Ok(Notification {
                id: r.get(0)?,
                request: r.get(1)?,
                message: r.get(2)?,
                created: r.get(3)?,
                seen: r.get(4)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))
    }

    /// How many notifications of account `name` are unseen.
    pub fn unseen_notifications(&self, name: &str) -> Result<i64> {
        self.conn()
            .query_row(
                "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
                 WHERE u.name = ?1 AND n.seen = 0",
                [name],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Marks every notification of account `name` seen.
    pub fn mark_notifications_seen(&self, name: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE notifications SET seen = 1 WHERE seen = 0 AND user_id = \
                 (SELECT id FROM users WHERE name = ?1)",
                [name],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

fn notify(
    tx: &Transaction<'_>,
    user: i64,
    request: Option<i64>,
    message: &str,
    now: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO notifications (user_id, request_id, message, created) VALUES (?1, ?2, ?3, ?4)",
        params![user, request, message, now],
    )
    .map(drop)
}

/// First uses of grants, noted in the database (the reading room's [`GrantUses`]).
impl GrantUses for Accounts {
    fn used_before(&self, grant: i64, document: &str) -> bool {
        let key = (grant, document.to_string());
        let known = |accounts: &Accounts| {
            accounts
                .grant_uses
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .contains(&key)
        };
        if known(self) {
            return true;
        }
        let used = self
            .conn()
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM grant_uses WHERE grant_id = ?1 AND document = ?2)",
                params![grant, document],
                |r| r.get(0),
            )
            // Unknown: record the use again rather than miss it.
            .unwrap_or(false);
        if used {
            self.grant_uses
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(key);
        }
        used
    }

    fn note_use(&self, grant: i64, document: &str) {
        self.grant_uses
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert((grant, document.to_string()));
        let noted = self.conn().execute(
            "INSERT OR IGNORE INTO grant_uses (grant_id, document, first_used) VALUES (?1, ?2, ?3)",
            params![grant, document, now_text()],
        );
        if let Err(e) = noted {
            tracing::warn!("the first use of grant {grant} was not noted: {e}");
        }
    }
}
