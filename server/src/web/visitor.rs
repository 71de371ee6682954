//! Who is asking: the account behind a request's session cookie or API token.
//!
//! In: a request's `Cookie` (`sohoa_session`) or `Authorization: Bearer TOKEN` header. Out:
//! a [`Visitor`] (the account, the principal it acts as, and the session's CSRF token), or
//! a refusal: a browser is sent to the sign-in page, an API client gets 401. An account
//! that must change its one-time password reaches only its account page until it does.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use pipeline::gate::Principal;

use super::failure::{is_api, Answer, Failure};
use super::State;
use crate::accounts::Account;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "sohoa_session";

/// A signed-in account making a request, with the principal it reads as (its roles,
/// clearance and active grants, the server's profile).
#[derive(Debug, Clone)]
pub struct Visitor {
    pub account: Account,
    pub principal: Principal,
    /// The session's CSRF token (None for API tokens, which forms do not use).
    pub csrf: Option<String>,
    /// Notifications not yet seen (shown in the top bar).
    pub unseen: i64,
}

impl Visitor {
    /// Checks the CSRF token a JSON API call with a session cookie sends in its
    /// `X-CSRF-Token` header (a bearer token needs none: no browser sends it by itself).
    pub fn check_api_csrf(&self, headers: &axum::http::HeaderMap) -> Result<(), Failure> {
        if self.csrf.is_none() {
            return Ok(());
        }
        let sent = headers
            .get("x-csrf-token")
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        self.check_csrf(sent)
    }

    /// Checks a submitted form's CSRF token against the session's.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), Failure> {
        match &self.csrf {
            Some(csrf) if constant_time_eq(csrf.as_bytes(), submitted.as_bytes()) => Ok(()),
            _ => Err(Failure::Forbidden(
                "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang.".into(),
            )),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why a request has no visitor.
pub enum NoVisitor {
    SignInFirst { api: bool },
    ChangePasswordFirst { api: bool },
    Failed { failure: Failure, api: bool },
}

impl IntoResponse for NoVisitor {
    fn into_response(self) -> Response {
        match self {
            NoVisitor::SignInFirst { api: false } => Redirect::to("/login").into_response(),
            NoVisitor::ChangePasswordFirst { api: false } => {
                Redirect::to("/account").into_response()
            }
            NoVisitor::SignInFirst { api: true } | NoVisitor::ChangePasswordFirst { api: true } => {
                Failure::Unauthorized.json()
            }
            NoVisitor::Failed { failure, api } => Answer { failure, api }.into_response(),
        }
    }
}

/// The session cookie's secret in `parts`, if any.
pub fn session_secret(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(Cookie::split_parse)
        .flatten()
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_string())
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

impl FromRequestParts<State> for Visitor {
    type Rejection = NoVisitor;

    async fn from_request_parts(parts: &mut Parts, room: &State) -> Result<Self, Self::Rejection> {
        let api = is_api(&parts.uri);
        let failed = |e: crate::Error| NoVisitor::Failed {
            failure: e.into(),
            api,
        };
        if let Some(token) = bearer_token(parts) {
            let account = room
                .accounts
                .token_account(token)
                .map_err(failed)?
                .ok_or(NoVisitor::SignInFirst { api: true })?;
            return Ok(Visitor {
                principal: room.principal_of(&account).map_err(failed)?,
                account,
                csrf: None,
                unseen: 0,
            });
        }
        let secret = session_secret(parts).ok_or(NoVisitor::SignInFirst { api })?;
        let session = room
            .accounts
            .session(&secret)
            .map_err(failed)?
            .ok_or(NoVisitor::SignInFirst { api })?;
        let to_account_page = parts.uri.path().starts_with("/account");
        if session.account.must_change_password && !to_account_page {
            return Err(NoVisitor::ChangePasswordFirst { api });
        }
        let unseen = if api {
            0
        } else {
            room.accounts
                .unseen_notifications(&session.account.name)
                .map_err(failed)?
        };
        Ok(Visitor {
            principal: room.principal_of(&session.account).map_err(failed)?,
            account: session.account,
            csrf: Some(session.csrf),
            unseen,
        })
    }
}

/// The `Set-Cookie` value of a new session.
pub fn session_cookie(secret: &str, secure: bool) -> String {
    Cookie::build((SESSION_COOKIE, secret.to_string()))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .path("/")
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(secure: bool) -> String {
    Cookie::build((SESSION_COOKIE, ""))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .path("/")
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// 303 See Other to `to` with extra headers.
pub fn see_other(to: &str, cookie: Option<String>) -> Response {
    let mut response =
        (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    if let Some(c) = cookie {
        if let Ok(v) = header::HeaderValue::from_str(&c) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    response
}
