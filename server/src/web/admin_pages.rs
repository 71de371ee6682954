//! The admin's pages under `/admin`: the accounts (name, role, clearance with its decision
//! and last day, enabled, last sign-in, one-time password pending) and a form to create
//! one; an account's page (disable or enable, role, clearance, password reset, its live
//! sessions and API tokens); every live session; every API token; the failed sign-ins.
//!
//! In: a signed-in [`Visitor`] with the admin role (others: 403; signed out: the sign-in
//! page) and their forms, each carrying the session's CSRF token. Out: HTML; the work is
//! [`crate::admin::Admin`]'s, each change recorded in the audit log. A one-time password or
//! a new token is shown on the page answering the form, once (`Cache-Control: no-store`,
//! like every page), never in a URL. A wrong field answers 400 naming it.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use pipeline::clearance::Clearance;
use pipeline::gate::Role;

use super::admin_api::{
    administer, apply_change, create_token, AccountInput, TokenInput, FAILED_SIGN_INS_SHOWN,
};
use super::failure::Failure;
use super::layout::page;
use super::pages::{clearance_label, html_failure};
use super::request_pages::{checked_form, first};
use super::visitor::{see_other, Visitor};
use super::State;
use crate::accounts::{today, Account, ActiveSession, ApiToken, FailedSignIn};
use crate::admin::{role_name, Admin};

const ROLES: [Role; 5] = [
    Role::Reader,
    Role::Archivist,
    Role::Approver,
    Role::Auditor,
    Role::Admin,
];

/// The links between the admin's pages.
fn admin_nav() -> Markup {
    html! {
        nav.admin {
            a href="/admin" { "Tài khoản" }
            a href="/admin/sessions" id="all-sessions" { "Phiên đăng nhập" }
            a href="/admin/tokens" { "Mã truy cập API" }
            a href="/admin/failed-sign-ins" { "Đăng nhập thất bại" }
        }
    }
}

fn admin_page(title: &str, visitor: &Visitor, body: &Markup) -> Markup {
    page(
        title,
        Some(visitor),
        &html! {
            (admin_nav())
            (body)
        },
    )
}

/// A failed form: a wrong field or a refusal shown with the way back; anything else as
/// the reading room answers it.
fn failed(visitor: &Visitor, failure: Failure, back: &str) -> Response {
    let (status, message) = match failure {
        Failure::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
        Failure::Forbidden(m) if visitor.principal.has_role(Role::Admin) => {
            (StatusCode::FORBIDDEN, m)
        }
        other => return html_failure(other).into_response(),
    };
    let body = html! {
        p.error role="alert" id="admin-error" { (message) }
        p { a href=(back) { "Quay lại" } }
    };
    (status, admin_page("Không thực hiện được", visitor, &body)).into_response()
}

/// Where a form asks to go back to: one of the admin's pages, else `default`.
fn back_to<'a>(form: &'a [(String, String)], default: &'a str) -> &'a str {
    match first(form, "back") {
        Some(b)
            if b.starts_with("/admin")
                && !b.contains("//")
                && !b.contains('\\')
                && b.chars().all(|c| c.is_ascii_graphic()) =>
        {
            b
        }
        _ => default,
    }
}

fn account_link(name: &str) -> String {
    format!("/admin/accounts/{name}")
}

fn csrf_field(visitor: &Visitor) -> Markup {
    html! { input type="hidden" name="csrf" value=(visitor.csrf.clone().unwrap_or_default()); }
}

/// A one-button form posting to `action` and coming back to `back`.
fn button_form(visitor: &Visitor, action: &str, back: &str, label: &str, id: &str) -> Markup {
    html! {
        form method="post" action=(action) {
            (csrf_field(visitor))
            input type="hidden" name="back" value=(back);
            button type="submit" id=(id) { (label) }
        }
    }
}

fn clearance_cell(a: &Account) -> Markup {
    html! {
        @match &a.clearance {
            Some(g) => {
                (clearance_label(g.level)) " — quyết định " (g.decision) ", đến hết " (g.expires)
                @if g.expires < today() { " " span.error { "(đã hết hạn)" } }
            }
            None => { "không" }
        }
    }
}

fn role_options(current: Option<Role>) -> Markup {
    html! {
        @for r in ROLES {
            option value=(role_name(r)) selected[current == Some(r)] { (r.vietnamese()) " (" (role_name(r)) ")" }
        }
    }
}

/// The clearance fields of the create and set-clearance forms.
fn clearance_fields(current: Option<&Account>) -> Markup {
    let grant = current.and_then(|a| a.clearance.as_ref());
    let level = grant.map(|g| g.level);
    html! {
        p { label { "Độ mật được tiếp cận "
            select name="clearance" {
                option value="none" selected[level.is_none()] { "không" }
                option value="mat" selected[level == Some(Clearance::Mat)] { "Mật" }
                option value="toi-mat" selected[level == Some(Clearance::ToiMat)] { "Tối mật" }
            }
        } }
        p { label { "Số quyết định (bắt buộc khi Mật / Tối mật) "
            input type="text" name="decision" value=(grant.map_or("", |g| g.decision.as_str()));
        } }
        p { label { "Ngày hết hạn (bắt buộc khi Mật / Tối mật) "
            input type="date" name="expires" value=(grant.map(|g| g.expires.to_string()).unwrap_or_default());
        } }
    }
}

/// `GET /admin`: the accounts and the form creating one.
pub async fn index(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Response {
    let accounts = match administer(&room, &visitor, |a: &Admin<'_>| a.accounts()).await {
        Ok(a) => a,
        Err(f) => return html_failure(f).into_response(),
    };
    let body = html! {
        h1 { "Quản trị tài khoản" }
        table.admin id="accounts" {
            tr { th { "Tên đăng nhập" } th { "Vai trò" } th { "Độ mật được tiếp cận" } th { "Trạng thái" } th { "Đăng nhập gần nhất" } th { "Mật khẩu" } }
            @for a in &accounts {
                tr data-account=(a.name) class=[a.disabled.then_some("disabled-account")] {
                    td { a href=(account_link(&a.name)) { (a.name) } }
                    td { (a.role.vietnamese()) }
                    td { (clearance_cell(a)) }
                    td { @if a.disabled { "đã khóa" } @else { "hoạt động" } }
                    td { (a.last_sign_in.as_deref().unwrap_or("chưa đăng nhập")) }
                    td { @if a.must_change_password { "một lần, phải đổi" } @else { "đã đặt" } }
                }
            }
        }
        h2 { "Tạo tài khoản" }
        form method="post" action="/admin/accounts" id="create-account" {
            (csrf_field(&visitor))
            p { label { "Tên đăng nhập " input type="text" name="name" required pattern="[A-Za-z0-9._\\-]{2,64}"; } }
            p { label { "Vai trò " select name="role" { (role_options(Some(Role::Reader))) } } }
            (clearance_fields(None))
            p { "Mật khẩu một lần sẽ hiện một lần sau khi tạo; người dùng phải đổi khi đăng nhập lần đầu." }
            p { button type="submit" id="create" { "Tạo tài khoản" } }
        }
    };
    admin_page("Quản trị tài khoản", &visitor, &body).into_response()
}

/// A secret shown this once (a one-time password, a token), with what it is for.
fn shown_once(
    visitor: &Visitor,
    title: &str,
    what: &str,
    id: &str,
    secret: &str,
    back: &str,
) -> Response {
    let body = html! {
        h1 { (title) }
        p.message { (what) " Chỉ hiển thị một lần này: hãy ghi lại hoặc chuyển cho người dùng ngay." }
        p { code.shown-once id=(id) { (secret) } }
        p { a href=(back) { "Tiếp tục" } }
    };
    admin_page(title, visitor, &body).into_response()
}

/// `POST /admin/accounts`: creates an account; its one-time password is shown once.
pub async fn create(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let field = |n: &str| first(&form, n).map(str::to_string);
    let input = AccountInput {
        name: field("name"),
        role: field("role"),
        clearance: field("clearance"),
        decision: field("decision"),
        expires: field("expires"),
    };
    match administer(&room, &visitor, move |a| a.add(&input.new_account()?)).await {
        Ok((account, password)) => shown_once(
            &visitor,
            &format!("Đã tạo tài khoản {}", account.name),
            &format!(
                "Mật khẩu một lần của {} ({}); người dùng phải đổi khi đăng nhập lần đầu.",
                account.name,
                account.role.vietnamese()
            ),
            "one-time-password",
            &password.unwrap_or_default(),
            &account_link(&account.name),
        ),
        Err(f) => failed(&visitor, f, "/admin"),
    }
}

fn sessions_table(visitor: &Visitor, sessions: &[ActiveSession], back: &str) -> Markup {
    html! {
        @if sessions.is_empty() { p { "Không có phiên đăng nhập nào đang hoạt động." } }
        @else {
            table.admin id="sessions" {
                tr { th { "Tài khoản" } th { "Đăng nhập lúc" } th { "Hoạt động gần nhất" } th { "Địa chỉ" } th {} }
                @for s in sessions {
                    tr data-session=(s.id) data-account=(s.user) {
                        td { a href=(account_link(&s.user)) { (s.user) } }
                        td { (s.created) }
                        td { (s.last_seen) }
                        td { (s.address.as_deref().unwrap_or("không ghi")) }
                        td { (button_form(visitor, &format!("/admin/sessions/{}/revoke", s.id), back, "Thu hồi", &format!("revoke-session-{}", s.id))) }
                    }
                }
            }
        }
    }
}

fn tokens_table(visitor: &Visitor, tokens: &[ApiToken], back: &str) -> Markup {
    html! {
        @if tokens.is_empty() { p { "Chưa có mã truy cập nào." } }
        @else {
            table.admin id="tokens" {
                tr { th { "Số" } th { "Tài khoản" } th { "Tạo lúc" } th { "Hết hạn" } th { "Trạng thái" } th {} }
                @for t in tokens {
                    tr data-token=(t.id) {
                        td { (t.id) }
                        td { a href=(account_link(&t.user)) { (t.user) } }
                        td { (t.created) }
                        td { (t.expires.map_or_else(|| "không hạn".to_string(), |d| d.to_string())) }
                        td { @if t.revoked { "đã thu hồi" } @else if t.expires.is_some_and(|d| d < today()) { "đã hết hạn" } @else { "còn hiệu lực" } }
                        td { @if !t.revoked { (button_form(visitor, &format!("/admin/tokens/{}/revoke", t.id), back, "Thu hồi", &format!("revoke-token-{}", t.id))) } }
                    }
                }
            }
        }
    }
}

fn token_form(visitor: &Visitor, user: Option<&str>, accounts: &[Account]) -> Markup {
    let default_expiry = today() + chrono::Days::new(90);
    html! {
        form method="post" action="/admin/tokens" id="create-token" {
            (csrf_field(visitor))
            @if let Some(u) = user {
                input type="hidden" name="user" value=(u);
            } @else {
                p { label { "Tài khoản " select name="user" { @for a in accounts { option value=(a.name) { (a.name) } } } } }
            }
            p { label { "Hết hạn sau ngày (để trống: đến khi thu hồi) " input type="date" name="expires" value=(default_expiry); } }
            p { button type="submit" { "Tạo mã truy cập" } }
        }
    }
}

/// `GET /admin/accounts/{name}`: one account, the forms changing it, its sessions and
/// tokens.
pub async fn account(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(name): Path<String>,
) -> Response {
    let (a, sessions, tokens) = match administer(&room, &visitor, move |a| a.detail(&name)).await {
        Ok(d) => (d.account, d.sessions, d.tokens),
        Err(f) => return html_failure(f).into_response(),
    };
    let here = account_link(&a.name);
    let action = |what: &str| format!("{here}/{what}");
    let body = html! {
        h1 { "Tài khoản " (a.name) }
        table.record id="account" {
            tr { th { "Vai trò" } td { (a.role.vietnamese()) } }
            tr { th { "Độ mật được tiếp cận" } td { (clearance_cell(&a)) } }
            tr { th { "Trạng thái" } td id="account-state" { @if a.disabled { "đã khóa" } @else { "hoạt động" } } }
            tr { th { "Đăng nhập gần nhất" } td { (a.last_sign_in.as_deref().unwrap_or("chưa đăng nhập")) } }
            tr { th { "Mật khẩu" } td { @if a.must_change_password { "một lần, phải đổi khi đăng nhập" } @else { "đã đặt" } } }
            tr { th { "Tạo lúc" } td { (a.created) } }
        }
        h2 { "Khóa / mở khóa" }
        @if a.disabled {
            (button_form(&visitor, &action("enable"), &here, "Mở khóa tài khoản", "enable"))
        } @else {
            (button_form(&visitor, &action("disable"), &here, "Khóa tài khoản (kết thúc mọi phiên)", "disable"))
        }
        h2 { "Vai trò" }
        form method="post" action=(action("role")) id="set-role" {
            (csrf_field(&visitor))
            p { label { "Vai trò " select name="role" { (role_options(Some(a.role))) } } " " button type="submit" { "Đổi vai trò" } }
        }
        h2 { "Độ mật được tiếp cận" }
        form method="post" action=(action("clearance")) id="set-clearance" {
            (csrf_field(&visitor))
            (clearance_fields(Some(&a)))
            p { button type="submit" { "Lưu độ mật" } }
        }
        h2 { "Mật khẩu" }
        (button_form(&visitor, &action("password-reset"), &here, "Đặt lại mật khẩu một lần (kết thúc mọi phiên)", "reset-password"))
        h2 { "Phiên đăng nhập" }
        (sessions_table(&visitor, &sessions, &here))
        @if !sessions.is_empty() {
            (button_form(&visitor, &action("sessions/revoke"), &here, "Kết thúc mọi phiên", "revoke-all-sessions"))
        }
        h2 { "Mã truy cập API" }
        (tokens_table(&visitor, &tokens, &here))
        (token_form(&visitor, Some(&a.name), &[]))
    };
    admin_page(&format!("Tài khoản {}", a.name), &visitor, &body).into_response()
}

/// `POST /admin/accounts/{name}/{action}`: `disable`, `enable`, `role`, `clearance`,
/// `password-reset` (the new one-time password is shown once).
pub async fn change(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path((name, action)): Path<(String, String)>,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let here = account_link(&name);
    let field = |n: &str| first(&form, n).map(str::to_string);
    let input = AccountInput {
        name: None,
        role: field("role"),
        clearance: field("clearance"),
        decision: field("decision"),
        expires: field("expires"),
    };
    let user = name.clone();
    let done = administer(&room, &visitor, move |a| {
        apply_change(a, &name, &action, &input)
    })
    .await;
    match done {
        Ok((_, Some(password))) => shown_once(
            &visitor,
            &format!("Đã đặt lại mật khẩu của {user}"),
            &format!("Mật khẩu một lần mới của {user}; mọi phiên của tài khoản đã kết thúc, người dùng phải đổi mật khẩu khi đăng nhập."),
            "one-time-password",
            &password,
            &here,
        ),
        Ok((_, None)) => see_other(back_to(&form, &here), None),
        Err(f) => failed(&visitor, f, &here),
    }
}

/// A form whose `work` changes something and then goes back (to the form's `back`, one of
/// the admin's pages, else `default`); a failure is shown with the way back to `default`.
async fn act_and_go_back<T: Send + 'static>(
    room: &State,
    visitor: &Visitor,
    body: &str,
    default: &str,
    work: impl FnOnce(&Admin<'_>) -> crate::Result<T> + Send + 'static,
) -> Response {
    let form = match checked_form(visitor, body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    match administer(room, visitor, work).await {
        Ok(_) => see_other(back_to(&form, default), None),
        Err(f) => failed(visitor, f, default),
    }
}

/// `POST /admin/accounts/{name}/sessions/revoke`: ends every session of the account.
pub async fn revoke_sessions(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(name): Path<String>,
    body: String,
) -> Response {
    let here = account_link(&name);
    act_and_go_back(&room, &visitor, &body, &here, move |a| {
        a.end_sessions(&name)
    })
    .await
}

/// `GET /admin/sessions`: every live session.
pub async fn sessions(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Response {
    let sessions = match administer(&room, &visitor, |a| a.sessions(None)).await {
        Ok(s) => s,
        Err(f) => return html_failure(f).into_response(),
    };
    let body = html! {
        h1 { "Phiên đăng nhập đang hoạt động" }
        (sessions_table(&visitor, &sessions, "/admin/sessions"))
    };
    admin_page("Phiên đăng nhập", &visitor, &body).into_response()
}

/// `POST /admin/sessions/{id}/revoke`: ends one session at once.
pub async fn revoke_session(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    act_and_go_back(&room, &visitor, &body, "/admin/sessions", move |a| {
        a.end_session(&id)
    })
    .await
}

/// `GET /admin/tokens`: every API token (never its secret) and the form creating one.
pub async fn tokens(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Response {
    let found = administer(&room, &visitor, |a| Ok((a.tokens()?, a.accounts()?))).await;
    let (tokens, accounts) = match found {
        Ok(found) => found,
        Err(f) => return html_failure(f).into_response(),
    };
    let body = html! {
        h1 { "Mã truy cập API" }
        (tokens_table(&visitor, &tokens, "/admin/tokens"))
        h2 { "Tạo mã truy cập" }
        (token_form(&visitor, None, &accounts))
    };
    admin_page("Mã truy cập API", &visitor, &body).into_response()
}

/// `POST /admin/tokens`: a new token, shown once.
pub async fn create_token_page(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let input = TokenInput {
        user: first(&form, "user").map(str::to_string),
        expires: first(&form, "expires").map(str::to_string),
    };
    match administer(&room, &visitor, move |a| create_token(a, &input)).await {
        Ok((id, user, expires, token)) => {
            let until = expires.map_or_else(
                || "đến khi thu hồi".to_string(),
                |d| format!("đến hết ngày {d}"),
            );
            shown_once(
                &visitor,
                &format!("Đã tạo mã truy cập số {id}"),
                &format!("Mã truy cập API số {id} của {user}, dùng được {until} (gửi kèm: Authorization: Bearer MÃ)."),
                "new-token",
                &token,
                &account_link(&user),
            )
        }
        Err(f) => failed(&visitor, f, "/admin/tokens"),
    }
}

/// `POST /admin/tokens/{id}/revoke`: the token stops working at once.
pub async fn revoke_token(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    let id = match super::admin_api::token_id(&id) {
        Ok(id) => id,
        Err(f) => return html_failure(f).into_response(),
    };
    act_and_go_back(&room, &visitor, &body, "/admin/tokens", move |a| {
        a.revoke_token(id)
    })
    .await
}

/// `GET /admin/failed-sign-ins`: the latest failed sign-ins with the lockout state.
pub async fn failed_sign_ins(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Response {
    let list = match administer(&room, &visitor, |a| {
        a.failed_sign_ins(FAILED_SIGN_INS_SHOWN)
    })
    .await
    {
        Ok(l) => l,
        Err(f) => return html_failure(f).into_response(),
    };
    let body = html! {
        h1 { "Đăng nhập thất bại" }
        p { "Các lần gần nhất (tối đa " (FAILED_SIGN_INS_SHOWN) "), mới nhất trước. Tên đăng nhập là tên đã gõ, có thể không phải tài khoản nào." }
        (failures_table(&list))
    };
    admin_page("Đăng nhập thất bại", &visitor, &body).into_response()
}

fn failures_table(list: &[FailedSignIn]) -> Markup {
    html! {
        @if list.is_empty() { p { "Chưa có lần đăng nhập thất bại nào." } }
        @else {
            table.admin id="failed-sign-ins" {
                tr { th { "Tên đăng nhập đã gõ" } th { "Lúc" } th { "Địa chỉ" } th { "Lần này" } th { "Khóa tạm hiện nay" } }
                @for f in list {
                    tr {
                        td { (f.name) }
                        td { (f.at) }
                        td { (f.address) }
                        td { @if f.refused_by_lockout { "bị từ chối do đang khóa tạm" } @else { "sai tên hoặc mật khẩu" } }
                        td {
                            @if f.name_locked_now { "tên đang bị khóa" }
                            @if f.name_locked_now && f.address_locked_now { "; " }
                            @if f.address_locked_now { "địa chỉ đang bị khóa" }
                            @if !f.name_locked_now && !f.address_locked_now { "không" }
                        }
                    }
                }
            }
        }
    }
}
