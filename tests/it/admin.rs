//! The admin's work over HTTP and in chromium (`sohoa serve` on an archive with no
//! documents: administration needs none, so no OCR runs here): only admins reach `/admin`
//! and `/api/v1/admin` (others 403, signed out the sign-in page or 401); wrong fields are
//! named in Vietnamese; an admin neither disables themself nor removes the last admin; a
//! revoked session or token stops working at once; every change is in the audit log with
//! who made it, and no password or token is. In chromium: an admin creates a reader, the
//! reader signs in with the one-time password in a fresh profile, changes it and reaches
//! the search page; the admin revokes their session and the reader is signed out.

use std::path::{Path, PathBuf};

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::browser::{browser, chromedriver, sign_in, wait_for_path};
use crate::common::{code, ingest, json as stdout_json, run};
use crate::reading_room::{add_user, answer, serve, Answer, Server, Visitor};

/// An archive without documents (an empty box ingested: no OCR), with the admin `quan` and
/// the reader `doc-gia`.
fn archive_with_an_admin(dir: &Path) -> PathBuf {
    let empty_box = dir.join("hop-rong");
    std::fs::create_dir_all(&empty_box).unwrap();
    let archive = dir.join("archive");
    let out = ingest(&archive, &empty_box, 1, false);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    add_user(&archive, "quan", &["--role", "admin"]);
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    archive
}

/// A JSON POST with the visitor's cookie or token, and `csrf` as `X-CSRF-Token`.
fn post_json(v: &Visitor<'_>, path: &str, body: &Value, csrf: Option<&str>) -> Answer {
    let mut r = v
        .agent
        .post(format!("{}{path}", v.server.base))
        .header("Origin", &v.server.base)
        .header("Content-Type", "application/json");
    if let Some(c) = &v.cookie {
        r = r.header("Cookie", c);
    }
    if let Some(t) = &v.token {
        r = r.header("Authorization", format!("Bearer {t}"));
    }
    if let Some(c) = csrf {
        r = r.header("X-CSRF-Token", c);
    }
    answer(r.send(body.to_string()).unwrap())
}

fn body(a: &Answer) -> Value {
    serde_json::from_slice(&a.body).unwrap_or_else(|_| panic!("not JSON: {}", a.text()))
}

fn signed_in<'a>(server: &'a Server, name: &str) -> Visitor<'a> {
    let mut v = Visitor::new(server);
    let a = v.sign_in(name, &format!("mật khẩu của {name}"));
    assert_eq!(a.status, 303, "{name} signs in");
    v
}

const PAGES: [&str; 5] = [
    "/admin",
    "/admin/accounts/doc-gia",
    "/admin/sessions",
    "/admin/tokens",
    "/admin/failed-sign-ins",
];
const API: [&str; 5] = [
    "/api/v1/admin/accounts",
    "/api/v1/admin/accounts/doc-gia",
    "/api/v1/admin/sessions",
    "/api/v1/admin/tokens",
    "/api/v1/admin/failed-sign-ins",
];

#[test]
fn only_admins_administer_fields_are_named_and_revocations_act_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = archive_with_an_admin(tmp.path());
    let server = serve(&archive);

    // Signed out: the sign-in page, or 401.
    let nobody = Visitor::new(&server);
    for path in PAGES {
        let a = nobody.get(path);
        assert_eq!(
            (a.status, a.header("location")),
            (303, Some("/login")),
            "{path}"
        );
    }
    for path in API {
        assert_eq!(nobody.get(path).status, 401, "{path}");
    }
    // A reader: 403 on every page, API route and form, and no admin link.
    let reader = signed_in(&server, "doc-gia");
    assert!(!reader.get("/").text().contains("href=\"/admin\""));
    for path in PAGES.iter().chain(&API) {
        assert_eq!(reader.get(path).status, 403, "{path}");
    }
    let csrf = reader.csrf();
    for path in [
        "/admin/accounts",
        "/admin/accounts/quan/disable",
        "/admin/accounts/doc-gia/role",
        "/admin/tokens",
    ] {
        let a = reader.post(path, &[("csrf", &csrf), ("role", "admin")], None);
        assert_eq!(a.status, 403, "{path}");
    }
    let a = post_json(
        &reader,
        "/api/v1/admin/accounts/doc-gia/role",
        &json!({ "role": "admin" }),
        Some(&csrf),
    );
    assert_eq!(a.status, 403);
    assert!(body(&a)["error"].as_str().unwrap().contains("quản trị"));

    // The admin: the pages, with the accounts listed.
    let admin = signed_in(&server, "quan");
    let page = admin.get("/admin");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("data-account=\"doc-gia\""));
    let admin_csrf = admin.csrf();
    // Wrong fields: 400 naming the field in Vietnamese (forms and API alike).
    let create =
        |fields: Value| post_json(&admin, "/api/v1/admin/accounts", &fields, Some(&admin_csrf));
    for (fields, named) in [
        (json!({ "name": "moi", "role": "thu-thu" }), "Vai trò:"),
        (json!({ "name": "moi" }), "Vai trò:"),
        (
            json!({ "name": "moi", "role": "reader", "clearance": "mat", "expires": "2030-01-01" }),
            "Số quyết định:",
        ),
        (
            json!({ "name": "moi", "role": "reader", "clearance": "mat", "decision": "5/QĐ", "expires": "31/12/2030" }),
            "Ngày hết hạn:",
        ),
        (json!({ "name": "m i", "role": "reader" }), "Tên đăng nhập:"),
        (
            json!({ "name": "doc-gia", "role": "reader" }),
            "Tên đăng nhập:",
        ),
        (
            json!({ "name": "moi", "role": "reader", "vai_tro": 1 }),
            "vai_tro",
        ),
    ] {
        let a = create(fields.clone());
        assert_eq!(a.status, 400, "{fields}");
        let message = body(&a)["error"].as_str().unwrap().to_string();
        assert!(message.contains(named), "{fields}: {message}");
        assert!(
            !message.contains("/tmp") && !message.contains(".rs"),
            "{message}"
        );
    }
    let a = admin.post(
        "/admin/accounts",
        &[
            ("csrf", &admin_csrf),
            ("name", "moi"),
            ("role", "reader"),
            ("clearance", "toi-mat"),
            ("decision", ""),
            ("expires", "2030-01-01"),
        ],
        None,
    );
    assert_eq!(a.status, 400);
    assert!(a.text().contains("Số quyết định:"), "{}", a.text());
    // A form without the session's CSRF token changes nothing.
    let a = admin.post(
        "/admin/accounts",
        &[("csrf", "x"), ("name", "moi"), ("role", "reader")],
        None,
    );
    assert_eq!(a.status, 403);

    // A cleared account, its one-time password shown once (and never stored or logged).
    let a = create(json!({
        "name": "can-bo", "role": "reader", "clearance": "mat",
        "decision": "9/QĐ-VPTU", "expires": "2099-12-31"
    }));
    assert_eq!(a.status, 201, "{}", a.text());
    let created = body(&a);
    let one_time = created["one_time_password"].as_str().unwrap().to_string();
    assert_eq!(created["account"]["clearance"]["decision"], "9/QĐ-VPTU");
    assert_eq!(created["account"]["must_change_password"], true);
    let listed = admin.get("/api/v1/admin/accounts").text();
    assert!(listed.contains("can-bo") && !listed.contains(&one_time));

    // Nobody disables themself; the last admin keeps the role.
    let a = post_json(
        &admin,
        "/api/v1/admin/accounts/quan/disable",
        &json!({}),
        Some(&admin_csrf),
    );
    assert_eq!(a.status, 403, "{}", a.text());
    let a = admin.post(
        "/admin/accounts/quan/role",
        &[("csrf", &admin_csrf), ("role", "reader")],
        None,
    );
    assert_eq!(a.status, 400);
    assert!(a.text().contains("Vai trò:"), "{}", a.text());
    let a = admin.post(
        "/admin/accounts/doc-gia/role",
        &[("csrf", &admin_csrf), ("role", "quan-tri")],
        None,
    );
    assert_eq!(a.status, 400);
    assert!(
        a.text().contains("Vai trò: &quot;quan-tri&quot;"),
        "{}",
        a.text()
    );
    // Unknown accounts, sessions, tokens: like any unknown resource.
    assert_eq!(admin.get("/admin/accounts/khong-co-ai").status, 404);
    assert_eq!(
        admin.get("/api/v1/admin/accounts/..%2F..%2Fetc").status,
        404
    );
    let a = post_json(
        &admin,
        "/api/v1/admin/sessions/0123456789abcdef/revoke",
        &json!({}),
        Some(&admin_csrf),
    );
    assert_eq!(a.status, 404);
    // A session-cookie API POST needs the CSRF header.
    let a = post_json(
        &admin,
        "/api/v1/admin/accounts/doc-gia/disable",
        &json!({}),
        None,
    );
    assert_eq!(a.status, 403);

    // A revoked session stops at once.
    assert_eq!(reader.get("/").status, 200);
    let sessions = body(&admin.get("/api/v1/admin/sessions?user=doc-gia"));
    let sessions = sessions["sessions"].as_array().unwrap().clone();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    assert_eq!(sessions[0]["address"], "127.0.0.1");
    let id = sessions[0]["id"].as_str().unwrap();
    let a = admin.post(
        &format!("/admin/sessions/{id}/revoke"),
        &[("csrf", &admin_csrf), ("back", "//evil.example/")],
        None,
    );
    assert_eq!(
        (a.status, a.header("location")),
        (303, Some("/admin/sessions"))
    );
    let a = reader.get("/");
    assert_eq!((a.status, a.header("location")), (303, Some("/login")));

    // A token: created for the reader (shown once), works, revoked, stops at once.
    let a = post_json(
        &admin,
        "/api/v1/admin/tokens",
        &json!({ "user": "doc-gia", "expires": "2099-01-01" }),
        Some(&admin_csrf),
    );
    assert_eq!(a.status, 201, "{}", a.text());
    let made = body(&a);
    let token = made["token"].as_str().unwrap().to_string();
    let mut bearer = Visitor::new(&server);
    bearer.token = Some(token.clone());
    assert_eq!(bearer.get("/api/v1/search?q=so").status, 200);
    assert!(!admin.get("/api/v1/admin/tokens").text().contains(&token));
    let a = post_json(
        &admin,
        "/api/v1/admin/tokens",
        &json!({ "user": "khong-co-ai" }),
        Some(&admin_csrf),
    );
    assert!(body(&a)["error"]
        .as_str()
        .unwrap()
        .starts_with("Tài khoản:"));
    let a = admin.post(
        &format!("/admin/tokens/{}/revoke", made["id"]),
        &[("csrf", &admin_csrf)],
        None,
    );
    assert_eq!(a.status, 303);
    assert_eq!(bearer.get("/api/v1/search?q=so").status, 401);

    // An admin's token administers too (no CSRF: no browser sends it by itself); a reset
    // password is shown once and ends the sessions.
    let a = post_json(
        &admin,
        "/api/v1/admin/tokens",
        &json!({ "user": "quan" }),
        Some(&admin_csrf),
    );
    let mut admin_api = Visitor::new(&server);
    admin_api.token = Some(body(&a)["token"].as_str().unwrap().to_string());
    let again = signed_in(&server, "doc-gia");
    let a = post_json(
        &admin_api,
        "/api/v1/admin/accounts/doc-gia/password-reset",
        &json!({}),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let reset = body(&a)["one_time_password"].as_str().unwrap().to_string();
    assert_eq!(again.get("/").status, 303, "sessions ended");

    // Failed sign-ins are listed with the name tried, the address and the lockout state.
    Visitor::new(&server).sign_in("khong-co-ai", "sai mật khẩu");
    let failures = body(&admin.get("/api/v1/admin/failed-sign-ins?limit=10"));
    let first = &failures["failed_sign_ins"][0];
    assert_eq!(first["name"], "khong-co-ai");
    assert_eq!(first["address"], "127.0.0.1");
    assert_eq!(first["name_locked_now"], false);
    assert!(admin
        .get("/admin/failed-sign-ins")
        .text()
        .contains("khong-co-ai"));
    assert_eq!(
        admin.get("/api/v1/admin/failed-sign-ins?limit=x").status,
        400
    );

    // Every change names who made it; no password or token is in the log.
    let out = run(&archive, &["audit", "log", "--json", "--action", "account"]);
    assert_eq!(code(&out), 0);
    let log = stdout_json(&out);
    let changes: Vec<(String, String, String)> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |v: &Value| v.as_str().unwrap().to_string();
            (
                text(&e["actor"]),
                text(&e["detail"]["account"]),
                text(&e["detail"]["change"]),
            )
        })
        .collect();
    for (account, change) in [
        (
            "can-bo",
            "clearance mat by decision 9/QĐ-VPTU until 2099-12-31",
        ),
        ("doc-gia", &format!("session {id} ended")),
        ("doc-gia", "API token 1 revoked"),
        ("doc-gia", "password reset"),
    ] {
        assert!(
            changes
                .iter()
                .any(|(who, a, c)| who == "quan" && a == account && c.contains(change)),
            "{account}: {change} in {changes:?}"
        );
    }
    let audit = std::fs::read_to_string(archive.join("audit").join("log.jsonl")).unwrap();
    for secret in [&one_time, &token, &reset] {
        assert!(!audit.contains(secret.as_str()));
    }
}

/// The admin's path in chromium: create a reader, who signs in with the one-time password
/// in a fresh profile, must change it, reaches the search page, and is signed out at their
/// next page once the admin revokes their session.
#[test]
fn an_admin_creates_a_reader_who_signs_in_and_whose_session_the_admin_revokes_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = archive_with_an_admin(tmp.path());
    let server = serve(&archive);
    let driver = chromedriver();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let admin = browser(&driver, &tmp.path().join("profile-admin")).await;
        let reader = browser(&driver, &tmp.path().join("profile-reader")).await;
        let base = &server.base;

        sign_in(&admin, base, "quan", "mật khẩu của quan").await;
        wait_for_path(&admin, "/").await;
        admin
            .find(Locator::Id("admin-link"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_path(&admin, "/admin").await;
        let form = admin.find(Locator::Id("create-account")).await.unwrap();
        form.find(Locator::Css("input[name=name]"))
            .await
            .unwrap()
            .send_keys("nguoi-doc")
            .await
            .unwrap();
        form.find(Locator::Id("create"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let shown = admin
            .wait()
            .for_element(Locator::Id("one-time-password"))
            .await
            .unwrap();
        let one_time = shown.text().await.unwrap().trim().to_string();
        assert_eq!(one_time.chars().count(), 16, "{one_time}");

        // The reader, in a fresh profile: the one-time password, then a new one.
        sign_in(&reader, base, "nguoi-doc", &one_time).await;
        wait_for_path(&reader, "/account").await;
        reader.goto(&format!("{base}/")).await.unwrap();
        wait_for_path(&reader, "/account").await;
        for (name, value) in [
            ("current", one_time.as_str()),
            ("password", "mật khẩu mới của người đọc"),
            ("confirm", "mật khẩu mới của người đọc"),
        ] {
            reader
                .find(Locator::Css(&format!("input[name={name}]")))
                .await
                .unwrap()
                .send_keys(value)
                .await
                .unwrap();
        }
        reader
            .find(Locator::Css("form[action='/account/password'] button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_path(&reader, "/").await;
        reader
            .wait()
            .for_element(Locator::Css("input[name=q]"))
            .await
            .unwrap();

        // The admin sees the reader's session and revokes it.
        admin
            .goto(&format!("{base}/admin/accounts/nguoi-doc"))
            .await
            .unwrap();
        let row = admin
            .wait()
            .for_element(Locator::Css("#sessions tr[data-account=nguoi-doc]"))
            .await
            .unwrap();
        assert!(row.text().await.unwrap().contains("127.0.0.1"));
        row.find(Locator::Css("button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_path(&admin, "/admin/accounts/nguoi-doc").await;
        admin
            .wait()
            .for_element(Locator::XPath(
                "//p[contains(., 'Không có phiên đăng nhập nào')]",
            ))
            .await
            .unwrap();

        // The reader's next page: the sign-in form.
        reader.goto(&format!("{base}/")).await.unwrap();
        wait_for_path(&reader, "/login").await;

        let _ = reader.close().await;
        let _ = admin.close().await;
    });
}
