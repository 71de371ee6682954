//! Reading requests (phiếu yêu cầu đọc / sao), their decisions, the grants they give, the
//! grants' first uses, and the notifications a requester gets, in the accounts database.
//!
//! In: what [`crate::requests`] has checked (the documents a request names as the gate
//! found them, a decision by an approver). Out: [`ReadingRequest`]s with their items,
//! decision and grant; the active grants of an account as the gate takes them
//! ([`pipeline::gate::Grant`]); notifications. Each change runs in one transaction with the
//! audit entry that records it: the entry is written before the change commits, and a
//! change whose entry cannot be written is rolled back.

use super::db::{params, Db, Row};
use chrono::NaiveDate;
use pipeline::gate::{Grant, GrantUses, UseForm};
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

fn request_from_row(row: &Row) -> Result<ReadingRequest> {
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

fn grant_from_row(r: &Row) -> Result<GrantRecord> {
    let form: String = r.get(3)?;
    let expires: String = r.get(4)?;
    let revoked: Option<String> = r.get(5)?;
    let revocation = match revoked {
        Some(at) => Some(Revocation {
            at,
            by: r.get::<Option<String>>(6)?.unwrap_or_default(),
            reason: r.get::<Option<String>>(7)?.unwrap_or_default(),
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
        let mut tx = conn.begin()?;
        let id: i64 = tx
            .query_one(
                "INSERT INTO requests (user_id, form, purpose, priority, priority_note, \
                 submitted, due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                params![
                    account.id,
                    new.form.key(),
                    new.purpose,
                    new.priority,
                    new.priority_note,
                    now_text(),
                    day_text(new.due),
                ],
            )?
            .get(0)?;
        for (n, item) in new.items.iter().enumerate() {
            tx.execute(
                "INSERT INTO request_items (request_id, position, document, object, title, \
                 symbol, regime) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    n,
                    &item.document,
                    &item.object,
                    &item.title,
                    &item.symbol,
                    &item.regime
                ],
            )?;
        }
        let request = load_request(&mut tx, id)?.expect("just inserted");
        audit(&request)?;
        tx.commit()?;
        Ok(request)
    }

    /// Request `id`, with its items, decision and grant.
    pub fn request(&self, id: i64) -> Result<Option<ReadingRequest>> {
        let mut conn = self.conn();
        let mut tx = conn.begin()?;
        load_request(&mut tx, id)
    }

    /// Grant `id`.
    pub fn grant(&self, id: i64) -> Result<Option<GrantRecord>> {
        let mut conn = self.conn();
        let mut tx = conn.begin()?;
        load_grant(&mut tx, id)
    }

    /// The requests `filter` selects, newest first.
    pub fn requests(&self, filter: &RequestFilter) -> Result<Vec<ReadingRequest>> {
        let mut conn = self.conn();
        let mut tx = conn.begin()?;
        let ids: Vec<i64> = tx
            .query(
                "SELECT r.id FROM requests r JOIN users u ON u.id = r.user_id \
                 WHERE (CAST(?1 AS TEXT) IS NULL OR u.name = ?1) \
                 AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM request_items i \
                      WHERE i.request_id = r.id AND i.document = ?2)) \
                 AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM decisions d \
                      JOIN users a ON a.id = d.approver_id WHERE d.request_id = r.id \
                      AND a.name = ?3)) \
                 AND (CAST(?4 AS TEXT) IS NULL OR r.state = ?4) ORDER BY r.id DESC",
                params![
                    filter.requester.as_ref(),
                    filter.document.as_ref(),
                    filter.approver.as_ref(),
                    filter.state.map(RequestState::key),
                ],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect::<Result<_>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(load_request(&mut tx, id)?);
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
        let mut tx = conn.begin()?;
        tx.execute(
            "UPDATE requests SET routed_by = ?2 WHERE id = ?1 AND state = 'pending'",
            params![id, account.id],
        )?;
        audit()?;
        tx.commit()
    }

    /// Stores a decision (and, approved, its grant) on a pending request, with a
    /// notification to the requester; `audit` records it (given the grant's id) before it
    /// commits. The request must still be pending: of two decisions at once (two servers
    /// of a cluster), the one whose update of the request's state comes second finds it
    /// decided.
    pub(crate) fn insert_decision(
        &self,
        row: &DecisionRow<'_>,
        audit: impl FnOnce(Option<i64>) -> Result<()>,
    ) -> Result<ReadingRequest> {
        let approver = self.account(row.approver)?;
        let mut conn = self.conn();
        let mut tx = conn.begin()?;
        let decided = || Error::invalid("request", "phiếu này đã được quyết định");
        let pending = tx
            .query_opt(
                "UPDATE requests SET state = ?2 WHERE id = ?1 AND state = 'pending' \
                 RETURNING user_id, form",
                params![row.request, row.outcome.key()],
            )?
            .ok_or_else(decided)?;
        let (user, form): (i64, String) = (pending.get(0)?, pending.get(1)?);
        let now = now_text();
        tx.execute(
            "INSERT INTO decisions (request_id, approver_id, outcome, reason, decided) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                row.request,
                approver.id,
                row.outcome.key(),
                row.reason,
                &now
            ],
        )?;
        let grant = match row.grant {
            Some((documents, expires)) => {
                let grant: i64 = tx
                    .query_one(
                        "INSERT INTO grants (request_id, user_id, form, expires) \
                         VALUES (?1, ?2, ?3, ?4) RETURNING id",
                        params![row.request, user, form, day_text(expires)],
                    )?
                    .get(0)?;
                for d in documents {
                    tx.execute(
                        "INSERT INTO grant_documents (grant_id, document) VALUES (?1, ?2) \
                         ON CONFLICT DO NOTHING",
                        params![grant, d],
                    )?;
                }
                Some(grant)
            }
            None => None,
        };
        notify(&mut tx, user, Some(row.request), row.notice, &now)?;
        audit(grant)?;
        let request = load_request(&mut tx, row.request)?.expect("it exists");
        tx.commit()?;
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
        let mut tx = conn.begin()?;
        let grant = load_grant(&mut tx, id)?.ok_or(Error::NoSuchGrant(id))?;
        let inactive = |state: GrantState| {
            Error::invalid(
                "grant",
                format!("quyền sử dụng số {id} đã {}", state.vietnamese()),
            )
        };
        if grant.state != GrantState::Active {
            return Err(inactive(grant.state));
        }
        let now = now_text();
        // Only while it is still not revoked: of two revocations at once, the second
        // finds it revoked.
        let user: i64 = tx
            .query_opt(
                "UPDATE grants SET revoked = ?2, revoked_by = ?3, revoke_reason = ?4 \
                 WHERE id = ?1 AND revoked IS NULL RETURNING user_id",
                params![id, &now, by, reason],
            )?
            .ok_or_else(|| inactive(GrantState::Revoked))?
            .get(0)?;
        notify(&mut tx, user, Some(grant.request), notice, &now)?;
        let revoked = load_grant(&mut tx, id)?.expect("it exists");
        audit(&revoked)?;
        tx.commit()?;
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
        let ids: Vec<i64> = conn
            .query(
                "SELECT id FROM grants WHERE expiry_recorded = FALSE AND revoked IS NULL \
                 AND expires < ?1",
                params![day_text(today())],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect::<Result<_>>()?;
        let mut recorded = Vec::new();
        for id in ids {
            let mut tx = conn.begin()?;
            let Some(grant) = load_grant(&mut tx, id)? else {
                continue;
            };
            // Marked only once, however many servers record expiries at the same time.
            let marked = tx.query_opt(
                "UPDATE grants SET expiry_recorded = TRUE WHERE id = ?1 \
                 AND expiry_recorded = FALSE RETURNING user_id",
                params![id],
            )?;
            let Some(marked) = marked else {
                continue;
            };
            let user: i64 = marked.get(0)?;
            notify(
                &mut tx,
                user,
                Some(grant.request),
                &notice(&grant),
                &now_text(),
            )?;
            audit(&grant)?;
            tx.commit()?;
            recorded.push(grant);
        }
        Ok(recorded)
    }

    /// The active grants of account `name` (not revoked, not past their last day), as the
    /// gate takes them.
    pub fn active_grants(&self, name: &str) -> Result<Vec<Grant>> {
        let rows: Vec<(i64, String, String)> = self
            .conn()
            .query(
                "SELECT g.id, g.form, d.document FROM grants g \
                 JOIN users u ON u.id = g.user_id \
                 JOIN grant_documents d ON d.grant_id = g.id \
                 WHERE u.name = ?1 AND g.revoked IS NULL AND g.expires >= ?2 ORDER BY g.id",
                params![name, day_text(today())],
            )?
            .iter()
            .map(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .collect::<Result<_>>()?;
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
        self.conn()
            .query(
                "SELECT n.id, n.request_id, n.message, n.created, n.seen FROM notifications n \
                 JOIN users u ON u.id = n.user_id WHERE u.name = ?1 ORDER BY n.id DESC LIMIT 100",
                params![name],
            )?
            .iter()
            .map(|r| {
                Ok(Notification {
                    id: r.get(0)?,
                    request: r.get(1)?,
                    message: r.get(2)?,
                    created: r.get(3)?,
                    seen: r.get(4)?,
                })
            })
            .collect()
    }

    /// How many notifications of account `name` are unseen.
    pub fn unseen_notifications(&self, name: &str) -> Result<i64> {
        self.conn()
            .query_one(
                "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
                 WHERE u.name = ?1 AND n.seen = FALSE",
                params![name],
            )?
            .get(0)
    }

    /// Marks every notification of account `name` seen.
    pub fn mark_notifications_seen(&self, name: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE notifications SET seen = TRUE WHERE seen = FALSE AND user_id = \
             (SELECT id FROM users WHERE name = ?1)",
            params![name],
        )?;
        Ok(())
    }
}

fn load_request(db: &mut Db, id: i64) -> Result<Option<ReadingRequest>> {
    let found = db.query_opt(
        &format!(
            "SELECT {REQUEST_COLUMNS} FROM requests r JOIN users u ON u.id = r.user_id \
             WHERE r.id = ?1"
        ),
        params![id],
    )?;
    let Some(row) = found else {
        return Ok(None);
    };
    let mut request = request_from_row(&row)?;
    complete(db, &mut request)?;
    Ok(Some(request))
}

/// Fills in a request's items, decision and grant.
fn complete(db: &mut Db, request: &mut ReadingRequest) -> Result<()> {
    request.items = db
        .query(
            "SELECT document, object, title, symbol, regime FROM request_items \
             WHERE request_id = ?1 ORDER BY position",
            params![request.id],
        )?
        .iter()
        .map(|r| {
            Ok(RequestItem {
                document: r.get(0)?,
                object: r.get(1)?,
                title: r.get(2)?,
                symbol: r.get(3)?,
                regime: r.get(4)?,
            })
        })
        .collect::<Result<_>>()?;
    request.decision = db
        .query_opt(
            "SELECT u.name, d.outcome, d.reason, d.decided FROM decisions d \
             JOIN users u ON u.id = d.approver_id WHERE d.request_id = ?1",
            params![request.id],
        )?
        .map(|r| -> Result<Decision> {
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
        })
        .transpose()?;
    let grant: Option<i64> = db
        .query_opt(
            "SELECT id FROM grants WHERE request_id = ?1",
            params![request.id],
        )?
        .map(|r| r.get(0))
        .transpose()?;
    request.grant = match grant {
        Some(g) => load_grant(db, g)?,
        None => None,
    };
    Ok(())
}

fn load_grant(db: &mut Db, id: i64) -> Result<Option<GrantRecord>> {
    let found = db.query_opt(
        "SELECT g.id, g.request_id, u.name, g.form, g.expires, g.revoked, g.revoked_by, \
         g.revoke_reason FROM grants g JOIN users u ON u.id = g.user_id WHERE g.id = ?1",
        params![id],
    )?;
    let Some(row) = found else {
        return Ok(None);
    };
    let mut grant = grant_from_row(&row)?;
    grant.documents = db
        .query(
            "SELECT document FROM grant_documents WHERE grant_id = ?1 ORDER BY rowid",
            params![id],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect::<Result<_>>()?;
    Ok(Some(grant))
}

fn notify(db: &mut Db, user: i64, request: Option<i64>, message: &str, now: &str) -> Result<()> {
    db.execute(
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
            .query_one(
                "SELECT EXISTS(SELECT 1 FROM grant_uses WHERE grant_id = ?1 AND document = ?2)",
                params![grant, document],
            )
            .and_then(|r| r.get(0))
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
            "INSERT INTO grant_uses (grant_id, document, first_used) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
            params![grant, document, now_text()],
        );
        if let Err(e) = noted {
            tracing::warn!("the first use of grant {grant} was not noted: {e}");
        }
    }
}
