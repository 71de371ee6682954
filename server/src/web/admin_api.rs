//! The admin's JSON API under `/api/v1/admin`: accounts (list, create, disable, enable,
//! role, clearance, password reset), live sessions (list, revoke one or all of an
//! account's), API tokens (list without secrets, create, revoke) and the failed sign-ins.
//!
//! In: requests with a session cookie (and its CSRF token as `X-CSRF-Token` on POSTs) or a
//! bearer token, of an account with the admin role (403 otherwise; 401 signed out). Out:
//! JSON; the work is [`crate::admin::Admin`]'s (the same as `sohoa user` and `sohoa
//! token`), each change recorded in the audit log. A one-time password or a new token is
//! in the answer once and nowhere else. Wrong input answers 400 naming the field in
//! Vietnamese (`Vai trò`, `Số quyết định`, `Ngày hết hạn`, …).

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use crate::accounts::{clearance_grant, parse_clearance, parse_day, ClearanceGrant, NewAccount};
use crate::admin::{role_named, Admin};

use super::api::{api_failure, json_body};
use super::failure::{Answer, Failure};
use super::visitor::Visitor;
use super::{blocking, State};

/// Failed sign-ins listed at most.
pub const FAILED_SIGN_INS_SHOWN: usize = 500;

/// The Vietnamese name of a form or JSON field, for messages.
fn field_label(field: &str) -> &str {
    match field {
        "name" => "Tên đăng nhập",
        "role" => "Vai trò",
        "clearance" => "Độ mật được tiếp cận",
        "decision" => "Số quyết định",
        "expires" => "Ngày hết hạn",
        "password" => "Mật khẩu",
        "user" => "Tài khoản",
        "limit" => "Số dòng",
        other => other,
    }
}

/// How an administration error is answered: a wrong field names it, an unknown account,
/// session or token is an unknown resource, a refusal is 403.
pub(super) fn admin_failure(e: crate::Error) -> Failure {
    match e {
        crate::Error::Invalid { field, message } => {
            Failure::BadRequest(format!("{}: {message}", field_label(field)))
        }
        crate::Error::AccountExists(name) => Failure::BadRequest(format!(
            "{}: đã có tài khoản tên \"{name}\".",
            field_label("name")
        )),
        crate::Error::NoSuchAccount(_)
        | crate::Error::NoSuchSession(_)
        | crate::Error::NoSuchToken(_) => Failure::NotFound,
        other => other.into(),
    }
}

/// Runs `work` as the visitor's administration, off the async threads.
pub(super) async fn administer<T: Send + 'static>(
    room: &State,
    visitor: &Visitor,
    work: impl FnOnce(&Admin<'_>) -> crate::Result<T> + Send + 'static,
) -> Result<T, Failure> {
    let who = visitor.principal.clone();
    blocking(room, move |room| {
        let admin = Admin::new(&room.archive, &room.accounts, &who).map_err(admin_failure)?;
        work(&admin).map_err(admin_failure)
    })
    .await
}

/// What an admin gives for an account or a clearance (JSON bodies and forms alike).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    /// `none`, `mat` or `toi-mat`.
    #[serde(default)]
    pub clearance: Option<String>,
    #[serde(default)]
    pub decision: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub expires: Option<String>,
}

impl AccountInput {
    /// The role named, required.
    pub fn role(&self) -> crate::Result<pipeline::gate::Role> {
        match self.role.as_deref().map(str::trim) {
            None | Some("") => Err(crate::Error::Invalid {
                field: "role",
                message: "chưa chọn vai trò (reader, archivist, approver, auditor, admin)".into(),
            }),
            Some(key) => role_named(key),
        }
    }

    /// The clearance given: `none` (or nothing, when `required` is false) is none; Mật and
    /// Tối mật need the decision's reference and its last day.
    pub fn grant(&self, required: bool) -> crate::Result<Option<ClearanceGrant>> {
        let key = self.clearance.as_deref().map_or("", str::trim);
        if key.is_empty() && required {
            return Err(crate::Error::Invalid {
                field: "clearance",
                message: "chưa chọn độ mật (none, mat, toi-mat)".into(),
            });
        }
        let level = if key.is_empty() {
            pipeline::clearance::Clearance::Public
        } else {
            parse_clearance(key)?
        };
        let expires = parse_day("expires", self.expires.as_deref().unwrap_or(""))?;
        clearance_grant(level, self.decision.as_deref(), expires)
    }

    /// A new account with a one-time password (changed at the first sign-in).
    pub fn new_account(&self) -> crate::Result<NewAccount> {
        Ok(NewAccount {
            name: self.name.as_deref().unwrap_or("").trim().to_string(),
            role: self.role()?,
            clearance: self.grant(false)?,
            password: None,
        })
    }
}

/// The body of an action that takes no field (empty, or `{}`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nothing {}

/// Changes account `name` as `action` asks (`disable`, `enable`, `role`, `clearance`,
/// `password-reset`) with the fields of `input`: what was done, and the new one-time
/// password after a reset (to be shown once). Another action names nothing there is.
pub(super) fn apply_change(
    a: &Admin<'_>,
    name: &str,
    action: &str,
    input: &AccountInput,
) -> crate::Result<(String, Option<String>)> {
    Ok(match action {
        "disable" => (a.set_disabled(name, true)?.to_string(), None),
        "enable" => (a.set_disabled(name, false)?.to_string(), None),
        "role" => (a.set_role(name, input.role()?)?, None),
        "clearance" => (a.set_clearance(name, input.grant(true)?.as_ref())?, None),
        "password-reset" => {
            let password = a.reset_password(name)?;
            ("password reset, sessions ended".to_string(), Some(password))
        }
        _ => return Err(crate::Error::NoSuchAccount(name.to_string())),
    })
}

/// A new token's account and last day.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenInput {
    #[serde(default)]
    pub user: Option<String>,
    /// `YYYY-MM-DD`; none: until revoked.
    #[serde(default)]
    pub expires: Option<String>,
}

/// Creates the token `input` asks for: its id, account, last day and the token (shown once).
pub(super) fn create_token(
    admin: &Admin<'_>,
    input: &TokenInput,
) -> crate::Result<(i64, String, Option<chrono::NaiveDate>, String)> {
    let user = input.user.as_deref().unwrap_or("").trim().to_string();
    let expires = parse_day("expires", input.expires.as_deref().unwrap_or(""))?;
    if admin.account(&user).is_err() {
        return Err(crate::Error::Invalid {
            field: "user",
            message: format!("không có tài khoản nào tên \"{user}\""),
        });
    }
    let (id, token) = admin.create_token(&user, expires)?;
    Ok((id, user, expires, token))
}

/// A JSON body as `T` (an empty body: `T`'s default), or a 400 naming what is wrong.
fn json_or_empty<T: serde::de::DeserializeOwned + Default>(body: &[u8]) -> Result<T, Answer> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        json_body(body)
    }
}

/// A change by the visitor's administration: the CSRF header of a session call checked
/// first, then `work` with the body's JSON.
async fn act<I, T>(
    room: &State,
    visitor: &Visitor,
    headers: &HeaderMap,
    body: &[u8],
    work: impl FnOnce(&Admin<'_>, I) -> crate::Result<T> + Send + 'static,
) -> Result<T, Answer>
where
    I: serde::de::DeserializeOwned + Default + Send + 'static,
    T: Send + 'static,
{
    visitor.check_api_csrf(headers).map_err(api_failure)?;
    let input: I = json_or_empty(body)?;
    administer(room, visitor, move |a| work(a, input))
        .await
        .map_err(api_failure)
}

/// A token id from a path: anything but a positive number names no token there is.
pub(super) fn token_id(text: &str) -> Result<i64, Failure> {
    super::api::request_id(text)
}

/// `GET /api/v1/admin/accounts`.
pub async fn accounts(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Response, Answer> {
    let list = administer(&room, &visitor, |a: &Admin<'_>| a.accounts())
        .await
        .map_err(api_failure)?;
    Ok(Json(json!({ "accounts": list })).into_response())
}

/// `GET /api/v1/admin/accounts/{name}`: the account, its live sessions and its tokens.
pub async fn account(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(name): Path<String>,
) -> Result<Response, Answer> {
    let detail = administer(&room, &visitor, move |a| a.detail(&name))
        .await
        .map_err(api_failure)?;
    Ok(Json(detail).into_response())
}

/// `POST /api/v1/admin/accounts` (`name`, `role`, `clearance`, `decision`, `expires`): 201
/// with the account and its one-time password (shown this once).
pub async fn create_account(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    let (account, password) = act(
        &room,
        &visitor,
        &headers,
        &body,
        |a, input: AccountInput| a.add(&input.new_account()?),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "account": account, "one_time_password": password })),
    )
        .into_response())
}

/// What a change to an account answers.
fn changed(user: &str, done: &str) -> Response {
    Json(json!({ "user": user, "done": done })).into_response()
}

/// `POST /api/v1/admin/accounts/{name}/{action}`: `disable`, `enable`, `role` (`role`),
/// `clearance` (`clearance`, `decision`, `expires`), `password-reset` (answers the
/// one-time password, shown this once), `sessions/revoke` is [`revoke_sessions`].
pub async fn change_account(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path((name, action)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Answer> {
    let user = name.clone();
    let (done, password) = act(
        &room,
        &visitor,
        &headers,
        &body,
        move |a, input: AccountInput| apply_change(a, &name, &action, &input),
    )
    .await?;
    Ok(match password {
        Some(p) => {
            Json(json!({ "user": user, "done": done, "one_time_password": p })).into_response()
        }
        None => changed(&user, &done),
    })
}

/// `POST /api/v1/admin/accounts/{name}/sessions/revoke`: ends every session of the account.
pub async fn revoke_sessions(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(name): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    let user = name.clone();
    let ended = act(&room, &visitor, &headers, &body, move |a, _: Nothing| {
        a.end_sessions(&name)
    })
    .await?;
    Ok(Json(json!({ "user": user, "ended": ended })).into_response())
}

#[derive(Deserialize)]
pub struct SessionsParams {
    user: Option<String>,
}

/// `GET /api/v1/admin/sessions[?user=NAME]`: the live sessions.
pub async fn sessions(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<SessionsParams>,
) -> Result<Response, Answer> {
    let list = administer(&room, &visitor, move |a| a.sessions(params.user.as_deref()))
        .await
        .map_err(api_failure)?;
    Ok(Json(json!({ "sessions": list })).into_response())
}

/// `POST /api/v1/admin/sessions/{id}/revoke`: ends one session (its next request is
/// signed out).
pub async fn revoke_session(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    let revoked = id.clone();
    let user = act(&room, &visitor, &headers, &body, move |a, _: Nothing| {
        a.end_session(&id)
    })
    .await?;
    Ok(Json(json!({ "user": user, "revoked": revoked })).into_response())
}

/// `GET /api/v1/admin/tokens`: every token, never its secret.
pub async fn tokens(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Response, Answer> {
    let list = administer(&room, &visitor, |a: &Admin<'_>| a.tokens())
        .await
        .map_err(api_failure)?;
    Ok(Json(json!({ "tokens": list })).into_response())
}

/// `POST /api/v1/admin/tokens` (`user`, `expires`): 201 with the token (shown this once).
pub async fn create_token_api(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    let (id, user, expires, token) =
        act(&room, &visitor, &headers, &body, |a, input: TokenInput| {
            create_token(a, &input)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "user": user, "expires": expires, "token": token })),
    )
        .into_response())
}

/// `POST /api/v1/admin/tokens/{id}/revoke`: the token stops working at once.
pub async fn revoke_token(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    let id = token_id(&id).map_err(api_failure)?;
    let user = act(&room, &visitor, &headers, &body, move |a, _: Nothing| {
        a.revoke_token(id)
    })
    .await?;
    Ok(Json(json!({ "user": user, "revoked": id })).into_response())
}

#[derive(Deserialize)]
pub struct FailuresParams {
    limit: Option<String>,
}

/// `GET /api/v1/admin/failed-sign-ins[?limit=N]`: the latest failed sign-ins, newest first.
pub async fn failed_sign_ins(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<FailuresParams>,
) -> Result<Response, Answer> {
    let limit = match params.limit.as_deref() {
        None | Some("") => FAILED_SIGN_INS_SHOWN,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=FAILED_SIGN_INS_SHOWN).contains(n))
            .ok_or_else(|| {
                api_failure(Failure::BadRequest(format!(
                    "{}: phải là số từ 1 đến {FAILED_SIGN_INS_SHOWN}.",
                    field_label("limit")
                )))
            })?,
    };
    let list = administer(&room, &visitor, move |a| a.failed_sign_ins(limit))
        .await
        .map_err(api_failure)?;
    Ok(Json(json!({ "failed_sign_ins": list })).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(role: &str, clearance: &str, decision: &str, expires: &str) -> AccountInput {
        AccountInput {
            name: Some("doc-gia".into()),
            role: Some(role.into()),
            clearance: Some(clearance.into()),
            decision: Some(decision.into()),
            expires: Some(expires.into()),
        }
    }

    fn message(e: crate::Error) -> String {
        match admin_failure(e) {
            Failure::BadRequest(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_fields_are_named_in_vietnamese() {
        let e = input("thu-thu", "none", "", "").new_account().unwrap_err();
        assert!(message(e).starts_with("Vai trò: \"thu-thu\""));
        let e = input("", "none", "", "").new_account().unwrap_err();
        assert!(message(e).starts_with("Vai trò: chưa chọn"));
        let e = input("reader", "mat", "", "2030-01-01")
            .new_account()
            .unwrap_err();
        assert!(message(e).starts_with("Số quyết định: cần"));
        let e = input("reader", "mat", "5/QĐ", "")
            .new_account()
            .unwrap_err();
        assert!(message(e).starts_with("Ngày hết hạn: cần"));
        let e = input("reader", "mat", "5/QĐ", "2030-02-31")
            .new_account()
            .unwrap_err();
        assert!(message(e).starts_with("Ngày hết hạn: \"2030-02-31\" không phải"));
        let e = input("reader", "tuyet-mat", "5/QĐ", "2030-02-01")
            .new_account()
            .unwrap_err();
        assert!(message(e).starts_with("Độ mật được tiếp cận:"));
        let ok = input("reader", "toi-mat", " 5/QĐ ", "2030-02-01")
            .new_account()
            .unwrap();
        assert_eq!(ok.clearance.unwrap().decision, "5/QĐ");
        // None needs no decision; the clearance is required only when setting one.
        assert!(input("reader", "none", "", "")
            .grant(true)
            .unwrap()
            .is_none());
        assert!(AccountInput::default().grant(true).is_err());
    }
}
