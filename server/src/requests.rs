//! Reading requests end to end (phiếu yêu cầu đọc / sao; Thông tư 05/2025 Chương 6): a
//! reader submits, an approver decides, a grant lets the reader read (or copy) until it
//! expires or is revoked. The reading room and the CLI (`sohoa request`) both come here.
//!
//! In: the archive (every document a request names is looked up through the gate for the
//! asker: one they may not see answers like an unknown id), the accounts database, a
//! [`Principal`] and what they ask. Out: the stored requests, decisions and grants, each
//! change recorded in the hash-chained audit log before it commits (actions
//! [`SUBMIT_ACTION`], [`ROUTE_ACTION`], [`DECISION_ACTION`], [`REVOKE_ACTION`],
//! [`EXPIRE_ACTION`]; a grant's first use on a document is the gate's
//! [`pipeline::gate::GRANT_USE_ACTION`]). Wrong input is [`Error::Invalid`] naming the
//! field. Who may decide: an approver, never on their own request nor on one they routed;
//! and only on requests all of whose documents they may see.
//!
//! What the gate then does with a grant is the gate's ([`Principal::content_use`]): this
//! module only stores grants and gives the active ones to [`reading_room_principal`].

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};
use pipeline::clearance::Regime;
use pipeline::gate::{GrantUses, Principal, Role, UseForm};
use pipeline::store::Archive;
use serde::{Deserialize, Serialize};

use crate::accounts::{
    today, Account, Accounts, DecisionRow, GrantRecord, GrantState, NewRequestRow, Outcome,
    ReadingRequest, RequestFilter, RequestItem, RequestState,
};
use crate::{Error, Result};

/// The audit action of a submitted request.
pub const SUBMIT_ACTION: &str = "request-submit";
/// The audit action of a request routed to the approvers.
pub const ROUTE_ACTION: &str = "request-route";
/// The audit action of a decision on a request.
pub const DECISION_ACTION: &str = "request-decision";
/// The audit action of a grant revoked.
pub const REVOKE_ACTION: &str = "grant-revoke";
/// The audit action of a grant past its last day.
pub const EXPIRE_ACTION: &str = "grant-expire";

/// A grant holds this many days when the approver gives no last day.
pub const DEFAULT_GRANT_DAYS: u64 = 30;
/// A grant holds at most this many days.
pub const MAX_GRANT_DAYS: u64 = 366;
const MAX_ITEMS: usize = 200;
const MAX_TEXT: usize = 2000;

/// Working days within which a request must be decided (public procedures: 1 to read, 2
/// for a copy, 7 for conditional-access records).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub read: u32,
    pub copy: u32,
    /// Any document of chế độ sử dụng 02 in the request.
    pub conditional: u32,
}

impl Default for Deadlines {
    fn default() -> Deadlines {
        Deadlines {
            read: 1,
            copy: 2,
            conditional: 7,
        }
    }
}

impl Deadlines {
    /// The day a request made on `submitted` for `form`, holding a conditional-access
    /// document or not, is due.
    pub fn due(&self, submitted: NaiveDate, form: UseForm, conditional: bool) -> NaiveDate {
        let days = if conditional {
            self.conditional
        } else {
            match form {
                UseForm::Read => self.read,
                UseForm::Copy => self.copy,
            }
        };
        add_working_days(submitted, days)
    }
}

/// `from` plus `days` working days (Monday to Friday; public holidays are not known).
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut day = from;
    let mut left = days;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// A request as a reader submits it (the API's JSON body; the form's fields).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    /// Document ids, or hồ sơ object ids (their documents that need a grant).
    pub items: Vec<String>,
    /// Mục đích sử dụng (mandatory).
    pub purpose: String,
    /// `read` (đọc) or `copy` (sao).
    pub form: String,
    /// A priority case (đối tượng ưu tiên).
    #[serde(default)]
    pub priority: bool,
    /// The evidence of the priority case (needed with `priority`).
    #[serde(default)]
    pub priority_note: Option<String>,
}

/// A decision as an approver gives it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDecision {
    /// `approve` or `refuse`.
    pub decision: String,
    /// Why (mandatory when refusing).
    #[serde(default)]
    pub reason: String,
    /// The documents granted (approving; all the request names when absent).
    #[serde(default)]
    pub documents: Option<Vec<String>>,
    /// The grant's last day, YYYY-MM-DD (approving; 30 days from today when absent).
    #[serde(default)]
    pub expires: Option<String>,
}

/// A pending request in an approver's queue.
#[derive(Debug, Clone, Serialize)]
pub struct Queued {
    #[serde(flatten)]
    pub request: ReadingRequest,
    /// The approver may decide it (not theirs, not routed by them).
    pub may_decide: bool,
    /// Why not, when they may not.
    pub why_not: Option<String>,
}

/// The principal a signed-in account reads as in the reading room: its roles and clearance,
/// its active grants, the server's profile, and first uses of grants noted in `accounts`.
pub fn reading_room_principal(
    accounts: &Arc<Accounts>,
    account: &Account,
    isolated_lan: bool,
) -> Result<Principal> {
    let grants = accounts.active_grants(&account.name)?;
    let uses: Arc<dyn GrantUses> = Arc::clone(accounts) as Arc<dyn GrantUses>;
    Ok(account
        .principal()
        .in_reading_room(grants, isolated_lan, Some(uses)))
}

/// Reading requests of one archive; see the module doc.
#[derive(Clone, Copy)]
pub struct Requests<'a> {
    archive: &'a Archive,
    accounts: &'a Accounts,
}

fn trimmed(field: &'static str, text: &str, required: bool) -> Result<String> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(Error::invalid(
            field,
            format!("{field}: không được để trống"),
        ));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Error::invalid(
            field,
            format!("{field}: dài quá {MAX_TEXT} ký tự"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Error::invalid(
            field,
            format!("{field}: chứa ký tự điều khiển"),
        ));
    }
    Ok(text.to_string())
}

/// The form of use named `key`.
pub fn parse_form(key: &str) -> Result<UseForm> {
    UseForm::parse(key).ok_or_else(|| {
        Error::invalid(
            "form",
            format!("form: {key:?} không phải hình thức sử dụng (read — đọc, copy — sao)"),
        )
    })
}

/// A last day given as YYYY-MM-DD.
pub fn parse_day(field: &'static str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("{field}: {text:?} không phải ngày dạng YYYY-MM-DD"),
        )
    })
}

fn regime_key(regime: Regime) -> &'static str {
    match regime {
        Regime::Open => "open",
        Regime::Conditional => "conditional",
        Regime::Secret => "secret",
    }
}

impl<'a> Requests<'a> {
    pub fn new(archive: &'a Archive, accounts: &'a Accounts) -> Requests<'a> {
        Requests { archive, accounts }
    }

    fn audit(&self, who: &Principal, action: &str, detail: serde_json::Value) -> Result<()> {
        self.archive
            .audit()
            .append(who.actor(), action, None, detail)
            .map(drop)
            .map_err(Error::from)
    }

    /// Submits `new` for `who`: every item must be a document or hồ sơ they may see
    /// (another answers like an unknown one), and a document named by itself must need a
    /// grant (chế độ sử dụng 02 or Mật).
    pub fn submit(
        &self,
        who: &Principal,
        new: &NewRequest,
        deadlines: &Deadlines,
    ) -> Result<ReadingRequest> {
        let form = parse_form(&new.form)?;
        let purpose = trimmed("purpose", &new.purpose, true)?;
        let note = trimmed(
            "priority_note",
            new.priority_note.as_deref().unwrap_or(""),
            new.priority,
        )?;
        let ids: Vec<String> = new
            .items
            .iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect();
        if ids.is_empty() {
            return Err(Error::invalid(
                "items",
                "items: chọn ít nhất một tài liệu hoặc hồ sơ",
            ));
        }
        if ids.len() > MAX_ITEMS {
            return Err(Error::invalid(
                "items",
                format!("items: nhiều nhất {MAX_ITEMS} tài liệu một phiếu"),
            ));
        }
        let found = self
            .archive
            .reader(who)
            .requestable(&ids, form)
            .map_err(|e| match e {
                pipeline::Error::NotFound(m) => {
                    // The library names the id it does not know (in English, for the CLI).
                    let which = ids
                        .iter()
                        .find(|i| m.contains(i.as_str()))
                        .map_or("", String::as_str);
                    Error::invalid(
                        "items",
                        format!(
                            "items: không có tài liệu hoặc hồ sơ nào mã {which} trong kho lưu trữ"
                        ),
                    )
                }
                other => other.into(),
            })?;
        if let Some(open) = found.iter().find(|d| !d.regime.needs_grant()) {
            return Err(Error::invalid(
                "items",
                format!(
                    "items: tài liệu {} là tài liệu công khai: đọc và tải PDF không cần phiếu yêu cầu",
                    open.id
                ),
            ));
        }
        if found.is_empty() {
            return Err(Error::invalid(
                "items",
                "items: hồ sơ đã chọn không có tài liệu nào cần phiếu yêu cầu",
            ));
        }
        let conditional = found.iter().any(|d| d.regime == Regime::Conditional);
        let items: Vec<RequestItem> = found
            .iter()
            .map(|d| RequestItem {
                document: d.id.clone(),
                object: d.object.clone(),
                title: d.title.clone(),
                symbol: d.symbol.clone(),
                regime: regime_key(d.regime).to_string(),
            })
            .collect();
        let row = NewRequestRow {
            user: who.actor(),
            form,
            purpose: &purpose,
            priority: new.priority,
            priority_note: (!note.is_empty()).then_some(note.as_str()),
            due: deadlines.due(today(), form, conditional),
            items: &items,
        };
        self.accounts.insert_request(&row, |r| {
            self.audit(
                who,
                SUBMIT_ACTION,
                serde_json::json!({
                    "request": r.id,
                    "form": form.key(),
                    "documents": r.items.iter().map(|i| i.document.as_str()).collect::<Vec<_>>(),
                    "purpose": r.purpose,
                    "priority": r.priority,
                    "due": r.due.to_string(),
                }),
            )
        })
    }

    /// Whether `who` may see every document of `request` (else it does not exist for them).
    fn sees(&self, who: &Principal, request: &ReadingRequest) -> Result<bool> {
        let ids: Vec<String> = request.items.iter().map(|i| i.document.clone()).collect();
        match self.archive.reader(who).requestable(&ids, request.form) {
            Ok(_) => Ok(true),
            Err(pipeline::Error::NotFound(_)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Request `id` as `who` may see it: their own, or any they may see when they approve
    /// or audit.
    pub fn show(&self, who: &Principal, id: i64) -> Result<ReadingRequest> {
        let request = self.accounts.request(id)?.ok_or(Error::NoSuchRequest(id))?;
        let staff = who.has_role(Role::Approver) || who.has_role(Role::Auditor);
        if (request.requester == who.actor() || staff) && self.sees(who, &request)? {
            Ok(request)
        } else {
            Err(Error::NoSuchRequest(id))
        }
    }

    /// `who`'s own requests, newest first.
    pub fn mine(&self, who: &Principal) -> Result<Vec<ReadingRequest>> {
        self.accounts.requests(&RequestFilter {
            requester: Some(who.actor().to_string()),
            ..RequestFilter::default()
        })
    }

    /// The requests `filter` selects that `who` may see (approvers and auditors).
    pub fn list(&self, who: &Principal, filter: &RequestFilter) -> Result<Vec<ReadingRequest>> {
        require_role(
            who,
            &[Role::Approver, Role::Auditor],
            "xem phiếu yêu cầu của người khác",
        )?;
        let mut out = Vec::new();
        for r in self.accounts.requests(filter)? {
            if self.sees(who, &r)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// The requests with a grant still in force that approver `who` may see, those ending
    /// first (what they may revoke).
    pub fn active_grants(&self, who: &Principal) -> Result<Vec<ReadingRequest>> {
        require_approver(who, "thu hồi quyền sử dụng")?;
        let mut granted: Vec<ReadingRequest> = self
            .list(
                who,
                &RequestFilter {
                    state: Some(RequestState::Approved),
                    ..RequestFilter::default()
                },
            )?
            .into_iter()
            .filter(|r| {
                r.grant
                    .as_ref()
                    .is_some_and(|g| g.state == GrantState::Active)
            })
            .collect();
        granted.sort_by_key(|r| (r.grant.as_ref().map(|g| g.expires), r.id));
        Ok(granted)
    }

    /// The pending requests an approver may see, those due first, each saying whether they
    /// may decide it.
    pub fn queue(&self, who: &Principal) -> Result<Vec<Queued>> {
        require_approver(who, "quyết định phiếu yêu cầu")?;
        let mut pending = self.list(
            who,
            &RequestFilter {
                state: Some(RequestState::Pending),
                ..RequestFilter::default()
            },
        )?;
        pending.sort_by(|a, b| (a.due, b.priority, a.id).cmp(&(b.due, a.priority, b.id)));
        Ok(pending
            .into_iter()
            .map(|request| {
                let why_not = why_not_decide(who, &request);
                Queued {
                    may_decide: why_not.is_none(),
                    why_not,
                    request,
                }
            })
            .collect())
    }

    /// `who` (an archivist or approver) routes pending request `id` to the approvers; they
    /// may then not decide it themselves.
    pub fn route(&self, who: &Principal, id: i64) -> Result<ReadingRequest> {
        require_role(
            who,
            &[Role::Archivist, Role::Approver],
            "chuyển duyệt phiếu yêu cầu",
        )?;
        let request = self.staff_request(who, id)?;
        if request.state != RequestState::Pending {
            return Err(Error::invalid("request", "phiếu này đã được quyết định"));
        }
        if request.requester == who.actor() {
            return Err(Error::Refused(
                "không thể chuyển duyệt phiếu của chính mình".into(),
            ));
        }
        self.accounts.route_request(id, who.actor(), || {
            self.audit(
                who,
                ROUTE_ACTION,
                serde_json::json!({ "request": id, "requester": request.requester }),
            )
        })?;
        self.show(who, id)
    }

    fn staff_request(&self, who: &Principal, id: i64) -> Result<ReadingRequest> {
        let request = self.accounts.request(id)?.ok_or(Error::NoSuchRequest(id))?;
        if self.sees(who, &request)? {
            Ok(request)
        } else {
            Err(Error::NoSuchRequest(id))
        }
    }

    /// `who` (an approver) decides request `id`.
    pub fn decide(
        &self,
        who: &Principal,
        id: i64,
        decision: &NewDecision,
    ) -> Result<ReadingRequest> {
        require_approver(who, "quyết định phiếu yêu cầu")?;
        let outcome = match decision.decision.trim() {
            "approve" | "approved" | "duyet" | "duyệt" => Outcome::Approved,
            "refuse" | "refused" | "tu-choi" | "từ chối" => Outcome::Refused,
            other => {
                return Err(Error::invalid(
                    "decision",
                    format!("decision: {other:?} phải là approve (duyệt) hoặc refuse (từ chối)"),
                ))
            }
        };
        let reason = trimmed("reason", &decision.reason, outcome == Outcome::Refused)?;
        let request = self.staff_request(who, id)?;
        if let Some(why) = why_not_decide(who, &request) {
            return Err(Error::Refused(why));
        }
        if request.state != RequestState::Pending {
            return Err(Error::invalid("request", "phiếu này đã được quyết định"));
        }
        let asked: Vec<String> = request.items.iter().map(|i| i.document.clone()).collect();
        let (scope, expires) = match outcome {
            Outcome::Refused => (Vec::new(), None),
            Outcome::Approved => {
                let scope: Vec<String> = match &decision.documents {
                    None => asked.clone(),
                    Some(docs) => {
                        let docs: Vec<String> = docs
                            .iter()
                            .map(|d| d.trim().to_string())
                            .filter(|d| !d.is_empty())
                            .collect();
                        if let Some(d) = docs.iter().find(|d| !asked.contains(d)) {
                            return Err(Error::invalid(
                                "documents",
                                format!("documents: {d} không có trong phiếu yêu cầu {id}"),
                            ));
                        }
                        docs
                    }
                };
                if scope.is_empty() {
                    return Err(Error::invalid(
                        "documents",
                        "documents: chọn ít nhất một tài liệu để duyệt (hoặc từ chối phiếu)",
                    ));
                }
                let expires = match decision.expires.as_deref().filter(|e| !e.trim().is_empty()) {
                    None => today() + chrono::Days::new(DEFAULT_GRANT_DAYS),
                    Some(text) => parse_day("expires", text)?,
                };
                let latest = today() + chrono::Days::new(MAX_GRANT_DAYS);
                if expires < today() || expires > latest {
                    return Err(Error::invalid(
                        "expires",
                        format!("expires: ngày hết hạn phải từ hôm nay đến {latest}"),
                    ));
                }
                (scope, Some(expires))
            }
        };
        let notice = match outcome {
            Outcome::Approved => format!(
                "Phiếu yêu cầu số {id} đã được duyệt: {} tài liệu, {} đến hết ngày {}.",
                scope.len(),
                request.form.vietnamese(),
                expires.map(|e| e.to_string()).unwrap_or_default()
            ),
            Outcome::Refused => format!("Phiếu yêu cầu số {id} bị từ chối: {reason}"),
        };
        let row = DecisionRow {
            request: id,
            approver: who.actor(),
            outcome,
            reason: &reason,
            grant: expires.map(|e| (scope.as_slice(), e)),
            notice: &notice,
        };
        self.accounts.insert_decision(&row, |grant| {
            self.audit(
                who,
                DECISION_ACTION,
                serde_json::json!({
                    "request": id,
                    "requester": request.requester,
                    "outcome": match outcome { Outcome::Approved => "approved", Outcome::Refused => "refused" },
                    "reason": reason,
                    "form": request.form.key(),
                    "documents": scope,
                    "asked": asked,
                    "grant": grant,
                    "expires": expires.map(|e| e.to_string()),
                }),
            )
        })
    }

    /// `who` (an approver) revokes active grant `id` for `reason`.
    pub fn revoke(&self, who: &Principal, id: i64, reason: &str) -> Result<GrantRecord> {
        require_approver(who, "thu hồi quyền sử dụng")?;
        let reason = trimmed("reason", reason, true)?;
        // One answer for a grant that does not exist and one the approver may not see.
        let grant = self.accounts.grant(id)?.ok_or(Error::NoSuchGrant(id))?;
        self.staff_request(who, grant.request)
            .map_err(|_| Error::NoSuchGrant(id))?;
        let notice = format!(
            "Quyền sử dụng số {id} (phiếu yêu cầu số {}) đã bị thu hồi: {reason}",
            grant.request
        );
        self.accounts
            .revoke_grant(id, who.actor(), &reason, &notice, |g| {
                self.audit(
                    who,
                    REVOKE_ACTION,
                    serde_json::json!({
                        "grant": g.id,
                        "request": g.request,
                        "holder": g.user,
                        "documents": g.documents,
                        "reason": reason,
                    }),
                )
            })
    }

    /// Records every grant past its last day whose expiry is not yet recorded (an audit
    /// entry by `actor`, a notification to its holder). Idempotent.
    pub fn record_expiries(&self, actor: &str) -> Result<Vec<GrantRecord>> {
        self.accounts.record_expiries(
            |g| {
                format!(
                    "Quyền sử dụng số {} (phiếu yêu cầu số {}) đã hết hạn ngày {}.",
                    g.id, g.request, g.expires
                )
            },
            |g| {
                self.archive
                    .audit()
                    .append(
                        actor,
                        EXPIRE_ACTION,
                        None,
                        serde_json::json!({
                            "grant": g.id,
                            "request": g.request,
                            "holder": g.user,
                            "documents": g.documents,
                            "expires": g.expires.to_string(),
                        }),
                    )
                    .map(drop)
                    .map_err(Error::from)
            },
        )
    }
}

fn require_approver(who: &Principal, what: &str) -> Result<()> {
    require_role(who, &[Role::Approver], what)
}

/// `Ok` when `who` has one of `roles`, else why not (`what` they tried).
fn require_role(who: &Principal, roles: &[Role], what: &str) -> Result<()> {
    if roles.iter().any(|r| who.has_role(*r)) {
        return Ok(());
    }
    let names: Vec<&str> = roles.iter().map(|r| r.vietnamese()).collect();
    Err(Error::Refused(format!(
        "{} không được {what}: cần vai trò {}",
        who.actor(),
        names.join(" hoặc ")
    )))
}

/// Why `who` may not decide `request`: their own, or one they routed.
fn why_not_decide(who: &Principal, request: &ReadingRequest) -> Option<String> {
    if request.requester == who.actor() {
        Some("không ai được tự duyệt phiếu yêu cầu của chính mình".into())
    } else if request.routed_by.as_deref() == Some(who.actor()) {
        Some("người chuyển duyệt phiếu không được tự duyệt phiếu đó".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_count_working_days() {
        // 2026-12-04 is a Friday.
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let d = Deadlines::default();
        assert_eq!(
            d.due(friday, UseForm::Read, false).to_string(),
            "2026-12-07"
        );
        assert_eq!(
            d.due(friday, UseForm::Copy, false).to_string(),
            "2026-12-08"
        );
        assert_eq!(d.due(friday, UseForm::Read, true).to_string(), "2026-12-15");
        let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(add_working_days(saturday, 1).to_string(), "2026-12-07");
    }
}
