//! Reading requests and grants end to end, over real HTTP against `sohoa serve` on an
//! archive ingested with real OCR, and through `sohoa request`: a reader submits a request
//! for a chế độ sử dụng 02 document, an approver decides it, the reader reads with the
//! grant (a read grant: no PDF), the grant is revoked and, for a second one, expires — and
//! the content is back to answering like an unknown id on every read path. Nobody decides
//! their own request or one they routed. Mật content needs the clearance, a grant and the
//! isolated-LAN profile, which refuses a public listen address. Wrong fields get 400
//! naming the field. Every step is in the audit log, listed per user, document, approver.

use std::path::Path;

use serde_json::{json, Value};

use crate::common::{code, json as json_of, run, sohoa};
use crate::reading_room::{
    add_user, answer, archive_with_a_mat_document, serve, serve_with, Answer, Visitor,
};

const UNKNOWN: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// A JSON POST with the visitor's token (or cookie and `csrf` header).
pub(crate) fn post_json(v: &Visitor<'_>, path: &str, body: &Value, csrf: Option<&str>) -> Answer {
    let mut r = v
        .agent
        .post(format!("{}{path}", v.server.base))
        .header("Origin", &v.server.base)
        .header("Content-Type", "application/json");
    if let Some(t) = &v.token {
        r = r.header("Authorization", format!("Bearer {t}"));
    }
    if let Some(c) = &v.cookie {
        r = r.header("Cookie", c);
    }
    if let Some(c) = csrf {
        r = r.header("X-CSRF-Token", c);
    }
    answer(r.send(body.to_string()).unwrap())
}

fn token(archive: &Path, user: &str) -> String {
    let out = run(archive, &["token", "create", "--user", user]);
    assert_eq!(code(&out), 0);
    crate::reading_room::printed_token(&out)
}

pub(crate) fn client<'a>(server: &'a crate::reading_room::Server, token: &str) -> Visitor<'a> {
    let mut v = Visitor::new(server);
    v.token = Some(token.to_string());
    v
}

/// Every content path of `id` answers exactly like an unknown id (status and body).
fn content_unknown(v: &Visitor<'_>, id: &str, paths: &[&str]) {
    for path in paths {
        let mine = v.get(&path.replace("{}", id));
        let unknown = v.get(&path.replace("{}", UNKNOWN));
        assert_eq!(mine.status, 404, "{path}: {}", mine.text());
        assert_eq!(
            (mine.status, mine.text()),
            (unknown.status, unknown.text()),
            "{path}"
        );
    }
}

/// Every path that reads a document's content: the reading room's, its API's, and a IIIF
/// viewer's (manifest, image service, image, Content Search 2.0 and 1.0).
const READ_PATHS: [&str; 9] = [
    "/documents/{}/pages/1/image",
    "/api/v1/documents/{}/pages/1/image",
    "/api/v1/documents/{}/pages/1/words",
    "/documents/{}/pages/1/image?format=webp",
    "/iiif/{}/manifest",
    "/iiif/{}/1/info.json",
    "/iiif/{}/1/full/max/0/default.jpg",
    "/iiif/{}/search?q=nghi",
    "/iiif/{}/search1?q=nghi",
];
const COPY_PATHS: [&str; 2] = ["/documents/{}/pdf", "/api/v1/documents/{}/pdf"];

pub(crate) fn error_of(a: &Answer) -> String {
    serde_json::from_slice::<Value>(&a.body).unwrap()["error"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The audit entries `args` select (`sohoa audit log --json …`, as the auditor).
pub(crate) fn audit(archive: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["audit", "log", "--json"];
    all.extend_from_slice(args);
    json_of(&run(archive, &all))["entries"]
        .as_array()
        .unwrap()
        .clone()
}

/// An archive (real OCR) of one conditional document (chế độ sử dụng 02: an open one
/// made so by an edit) and one Mật document; its path and the two ids.
pub(crate) fn conditional_archive(dir: &Path) -> (std::path::PathBuf, String, String) {
    let (archive, doc, secret) =
        archive_with_a_mat_document(dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    make_conditional(&archive, &doc);
    (archive, doc, secret)
}

/// Makes document `doc` of `archive` conditional (chế độ sử dụng 02) by an edit.
pub(crate) fn make_conditional(archive: &Path, doc: &str) {
    let set = [
        "edit",
        doc,
        "--set",
        "che_do_su_dung=02",
        "--reason",
        "có điều kiện",
    ];
    let out = run(archive, &set);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
}

/// The id of the request an answer to `POST /api/v1/requests` stored (201).
fn submitted(a: &Answer) -> i64 {
    assert_eq!(a.status, 201, "{}", a.text());
    serde_json::from_slice::<Value>(&a.body).unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_request_is_decided_read_with_its_grant_and_the_grant_ends() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, doc, secret) = conditional_archive(tmp.path());
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    let mat = [
        "--clearance",
        "mat",
        "--decision",
        "5/QĐ-VPTU",
        "--expires",
        "2099-12-31",
    ];
    add_user(
        &archive,
        "can-bo",
        &[&["--role", "reader"][..], &mat].concat(),
    );
    add_user(
        &archive,
        "duyet",
        &[&["--role", "approver"][..], &mat].concat(),
    );
    add_user(&archive, "duyet-hai", &["--role", "approver"]);
    add_user(&archive, "doc-gia-hai", &["--role", "reader"]);
    let server = serve(&archive);
    let reader = client(&server, &token(&archive, "doc-gia"));
    let approver = client(&server, &token(&archive, "duyet"));
    let second = client(&server, &token(&archive, "duyet-hai"));

    // Without a grant: the record is there (so it can be requested), the content is not.
    let shown: Value =
        serde_json::from_slice(&reader.get(&format!("/api/v1/documents/{doc}")).body).unwrap();
    assert_eq!(shown["allowed_use"], Value::Null, "{shown:#}");
    assert!(shown["pages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["text"] == ""));
    content_unknown(&reader, &doc, &READ_PATHS);
    content_unknown(&reader, &doc, &COPY_PATHS);
    let hits: Value = serde_json::from_slice(&reader.get("/api/v1/search?q=*").body).unwrap();
    let hit = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == doc.as_str())
        .expect("the conditional document is found");
    assert_eq!(
        (hit["needs_grant"].as_bool(), hit["snippet"].as_str()),
        (Some(true), Some(""))
    );

    // Wrong requests: each answer names the field; an id the reader may not see (the Mật
    // one) answers like an unknown one.
    let submit = |v: &Visitor<'_>, body: Value| post_json(v, "/api/v1/requests", &body, None);
    for (body, field) in [
        (json!({"items": [doc], "form": "read"}), "purpose"),
        (
            json!({"items": [doc], "purpose": " ", "form": "read"}),
            "purpose",
        ),
        (
            json!({"items": [doc], "purpose": "nghiên cứu", "form": "xem"}),
            "form",
        ),
        (
            json!({"items": [], "purpose": "nghiên cứu", "form": "read"}),
            "items",
        ),
        (
            json!({"items": [doc], "purpose": "x", "form": "read", "mau": 1}),
            "mau",
        ),
        (
            json!({"items": [doc], "purpose": "x", "form": "read", "priority": true}),
            "priority_note",
        ),
    ] {
        let a = submit(&reader, body.clone());
        assert_eq!(a.status, 400, "{body}: {}", a.text());
        assert!(error_of(&a).contains(field), "{body}: {}", a.text());
    }
    let hidden = submit(
        &reader,
        json!({"items": [secret], "purpose": "x", "form": "read"}),
    );
    let unknown = submit(
        &reader,
        json!({"items": [UNKNOWN], "purpose": "x", "form": "read"}),
    );
    assert_eq!(hidden.status, 400);
    assert_eq!(
        error_of(&hidden).replace(&secret, "ID"),
        error_of(&unknown).replace(UNKNOWN, "ID")
    );
    let bad = reader.get("/api/v1/requests?mine=yes");
    assert!(
        bad.status == 400 && error_of(&bad).contains("mine"),
        "{}",
        bad.text()
    );
    // A session's API call without its CSRF header is refused.
    let mut browser = Visitor::new(&server);
    assert_eq!(
        browser.sign_in("doc-gia", "mật khẩu của doc-gia").status,
        303
    );
    let forged = post_json(
        &browser,
        "/api/v1/requests",
        &json!({"items": [doc], "purpose": "x", "form": "read"}),
        None,
    );
    assert_eq!(forged.status, 403, "{}", forged.text());

    // The browser's forms: the same checks, answered as pages naming the field.
    let csrf = browser.csrf();
    let a = browser.post("/requests", &[("csrf", &csrf), ("id", &doc)], None);
    assert_eq!(a.status, 400);
    assert!(a.text().contains("purpose"), "{}", a.text());
    let a = browser.post("/requests", &[("csrf", "x"), ("id", &doc)], None);
    assert_eq!(a.status, 403);
    let a = browser.get("/requests/new");
    assert_eq!(a.status, 400);
    assert!(a.text().contains("(tham số id)"), "{}", a.text());
    let a = browser.post(
        "/requests/abc/decision",
        &[("csrf", &csrf), ("decision", "approve")],
        None,
    );
    assert_eq!(a.status, 404);
    assert_eq!(browser.get("/requests/queue").status, 403);
    let summary = browser.get(&format!("/requests/new?id={doc}")).text();
    assert!(
        summary.contains("id=\"request-summary\"") && summary.contains("name=\"purpose\""),
        "{summary}"
    );
    for text in [a.text(), summary] {
        assert!(
            !text.contains("/tmp") && !text.contains("panicked"),
            "{text}"
        );
    }

    // Submitted: pending, due in 7 working days (a conditional-access record).
    let a = submit(
        &reader,
        json!({"items": [doc], "purpose": "Nghiên cứu lịch sử Đảng bộ", "form": "read"}),
    );
    assert_eq!(a.status, 201, "{}", a.text());
    let request: Value = serde_json::from_slice(&a.body).unwrap();
    let id = request["id"].as_i64().unwrap();
    assert_eq!(request["state"], "pending");
    let mine: Value = serde_json::from_slice(&reader.get("/api/v1/requests?mine=1").body).unwrap();
    assert_eq!(mine["requests"][0]["id"], id);
    assert_eq!(
        reader.get("/api/v1/requests").status,
        403,
        "a reader lists only their own"
    );
    // Another reader's request answers like an unknown one, over the API and in the CLI.
    let other = client(&server, &token(&archive, "doc-gia-hai"));
    let theirs = other.get(&format!("/api/v1/requests/{id}"));
    let none = other.get("/api/v1/requests/987654");
    assert_eq!(
        (
            theirs.status,
            error_of(&theirs).replace(&id.to_string(), "N")
        ),
        (none.status, error_of(&none).replace("987654", "N")),
    );
    assert_eq!(theirs.status, 404, "{}", theirs.text());
    let shown = |request: &str| {
        let out = run(
            &archive,
            &["request", "show", request, "--user", "doc-gia-hai"],
        );
        let stderr = String::from_utf8_lossy(&out.stderr).replace(request, "N");
        (code(&out), out.stdout.is_empty(), stderr)
    };
    assert_eq!(shown(&id.to_string()), shown("987654"));
    assert_ne!(shown("987654").0, 0);

    // Nobody decides their own request, nor one they routed.
    let own_id = submitted(&submit(
        &approver,
        json!({"items": [doc], "purpose": "kiểm tra", "form": "copy"}),
    ));
    let decide = |v: &Visitor<'_>, id: i64, body: Value| {
        post_json(v, &format!("/api/v1/requests/{id}/decision"), &body, None)
    };
    let a = decide(&approver, own_id, json!({"decision": "approve"}));
    assert_eq!(a.status, 403, "{}", a.text());
    let out = run(
        &archive,
        &[
            "request",
            "decide",
            &own_id.to_string(),
            "--approve",
            "--user",
            "duyet",
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("tự duyệt"));
    let route = |v: &Visitor<'_>, id: i64| {
        post_json(v, &format!("/api/v1/requests/{id}/route"), &json!({}), None)
    };
    assert_eq!(route(&reader, id).status, 403, "a reader routes nothing");
    let a = route(&second, id);
    assert_eq!(a.status, 200, "{}", a.text());
    let routed: Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(routed["routed_by"], "duyet-hai");
    assert_eq!(route(&second, 987_654).status, 404);
    let a = decide(&second, id, json!({"decision": "approve"}));
    assert_eq!(a.status, 403, "{}", a.text());
    // A reader is no approver; wrong decisions name their field.
    assert_eq!(
        decide(&reader, id, json!({"decision": "approve"})).status,
        403
    );
    for (body, field) in [
        (json!({"decision": "maybe"}), "decision"),
        (json!({"decision": "refuse"}), "reason"),
        (
            json!({"decision": "approve", "expires": "2001-01-01"}),
            "expires",
        ),
        (json!({"decision": "approve", "expires": "mai"}), "expires"),
        (
            json!({"decision": "approve", "documents": [UNKNOWN]}),
            "documents",
        ),
    ] {
        let a = decide(&approver, id, body.clone());
        assert_eq!(a.status, 400, "{body}: {}", a.text());
        assert!(error_of(&a).contains(field), "{body}: {}", a.text());
    }
    assert_eq!(
        decide(&approver, 999_999, json!({"decision": "approve"})).status,
        404
    );

    // Approved: the reader reads (page image, words, text), but takes no copy.
    let a = decide(
        &approver,
        id,
        json!({"decision": "approve", "reason": "đủ điều kiện", "documents": [doc]}),
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let decided: Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(decided["state"], "approved");
    let grant = decided["grant"]["id"].as_i64().unwrap();
    for path in READ_PATHS {
        let a = reader.get(&path.replace("{}", &doc));
        assert_eq!(a.status, 200, "{path}: {}", a.text());
    }
    let shown: Value =
        serde_json::from_slice(&reader.get(&format!("/api/v1/documents/{doc}")).body).unwrap();
    assert_eq!(shown["allowed_use"], "read");
    assert!(shown["pages"][0]["text"].as_str().unwrap().len() > 20);
    content_unknown(&reader, &doc, &COPY_PATHS);
    let page = browser.get(&format!("/documents/{doc}")).text();
    assert!(
        page.contains("id=\"page-text\"") && !page.contains("id=\"pdf\""),
        "{page}"
    );
    // The decision is in the reader's notifications.
    let requests_page = browser.get("/requests").text();
    assert!(requests_page.contains("đã được duyệt"), "{requests_page}");

    // The audit log has it all: per user, per document, per approver; the grant's first
    // use once, and reads naming the grant.
    let by_reader = audit(&archive, &["--by", "doc-gia"]);
    let actions: Vec<&str> = by_reader
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"request-submit"), "{actions:?}");
    let uses: Vec<&Value> = by_reader
        .iter()
        .filter(|e| e["action"] == "grant-use")
        .collect();
    assert_eq!(uses.len(), 1, "{uses:?}");
    assert_eq!(
        (
            uses[0]["detail"]["grant"].as_i64(),
            uses[0]["detail"]["document"].as_str()
        ),
        (Some(grant), Some(doc.as_str()))
    );
    assert!(by_reader
        .iter()
        .any(|e| e["action"] == "read" && e["detail"]["grant"] == grant));
    let about_doc = audit(&archive, &["--document", &doc]);
    for action in ["request-submit", "request-decision", "grant-use", "read"] {
        assert!(
            about_doc.iter().any(|e| e["action"] == action),
            "{action}: {about_doc:?}"
        );
    }
    let decisions = audit(&archive, &["--by", "duyet", "--action", "request-decision"]);
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0]["detail"]["requester"], "doc-gia");
    let listed = json_of(&run(
        &archive,
        &[
            "request",
            "list",
            "--approver",
            "duyet",
            "--document",
            &doc,
            "--json",
        ],
    ));
    assert_eq!(
        listed["requests"].as_array().unwrap().len(),
        1,
        "{listed:#}"
    );

    // The approvers' page lists the grant with its revocation form; a revocation needs a
    // reason, and only an approver revokes.
    let mut staff = Visitor::new(&server);
    assert_eq!(staff.sign_in("duyet", "mật khẩu của duyet").status, 303);
    let queue = staff.get("/requests/queue").text();
    assert!(
        queue.contains(&format!("action=\"/grants/{grant}/revoke\"")),
        "{queue}"
    );
    let a = staff.post(
        &format!("/grants/{grant}/revoke"),
        &[("csrf", &staff.csrf()), ("reason", " ")],
        None,
    );
    assert_eq!(a.status, 400);
    assert!(a.text().contains("reason"), "{}", a.text());
    let revoke = |v: &Visitor<'_>, reason: &str| {
        post_json(
            v,
            &format!("/api/v1/grants/{grant}/revocation"),
            &json!({ "reason": reason }),
            None,
        )
    };
    assert_eq!(revoke(&reader, "x").status, 403);
    // A grant that does not exist: not found.
    let unknown = post_json(
        &approver,
        &format!("/api/v1/grants/{}/revocation", grant + 1000),
        &json!({ "reason": "x" }),
        None,
    );
    assert_eq!(unknown.status, 404, "{}", unknown.text());
    // Revoked: back to the unknown answer on every read path.
    let a = revoke(&approver, "hết nhu cầu");
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(
        serde_json::from_slice::<Value>(&a.body).unwrap()["state"],
        "revoked"
    );
    content_unknown(&reader, &doc, &READ_PATHS);
    assert_eq!(audit(&archive, &["--action", "grant-revoke"]).len(), 1);
    let out = run(
        &archive,
        &[
            "request",
            "revoke",
            &grant.to_string(),
            "--reason",
            "lại",
            "--user",
            "duyet",
        ],
    );
    assert_eq!(code(&out), 2, "revoked already");

    // A copy grant (the approver's own request, decided by the other approver): the PDF
    // too; past its last day it ends like a revoked one, and its expiry is recorded.
    let a = decide(
        &second,
        own_id,
        json!({"decision": "approve", "expires": null}),
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let copy_grant = serde_json::from_slice::<Value>(&a.body).unwrap()["grant"]["id"]
        .as_i64()
        .unwrap();
    for path in COPY_PATHS {
        assert_eq!(
            approver.get(&path.replace("{}", &doc)).status,
            200,
            "{path}"
        );
    }
    let db = rusqlite::Connection::open(archive.join("service/accounts.sqlite3")).unwrap();
    db.execute(
        "UPDATE grants SET expires = '2001-01-01' WHERE id = ?1",
        [copy_grant],
    )
    .unwrap();
    content_unknown(&approver, &doc, &COPY_PATHS);
    content_unknown(&approver, &doc, &READ_PATHS);
    let out = run(&archive, &["request", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let expired = audit(&archive, &["--action", "grant-expire"]);
    assert_eq!(expired.len(), 1, "{expired:?}");
    assert_eq!(expired[0]["detail"]["grant"], copy_grant);
    // Recorded once.
    run(&archive, &["request", "list"]);
    assert_eq!(audit(&archive, &["--action", "grant-expire"]).len(), 1);

    // Mật: requestable by the cleared reader, approved by the cleared approver; its content
    // still answers like an unknown id outside the isolated-LAN profile.
    let cleared = client(&server, &token(&archive, "can-bo"));
    let mat_id = submitted(&submit(
        &cleared,
        json!({"items": [secret], "purpose": "nghiên cứu", "form": "read"}),
    ));
    // The uncleared approver does not see it (like an unknown request).
    assert_eq!(
        decide(&second, mat_id, json!({"decision": "approve"})).status,
        404
    );
    assert_eq!(
        decide(&approver, mat_id, json!({"decision": "approve"})).status,
        200
    );
    content_unknown(&cleared, &secret, &READ_PATHS);
    drop(server);
    let lan = serve_with(&archive, &["--profile", "lan"], "http");
    let cleared = client(&lan, &token(&archive, "can-bo"));
    for path in READ_PATHS {
        let a = cleared.get(&path.replace("{}", &secret));
        assert_eq!(a.status, 200, "{path}: {}", a.text());
    }
    content_unknown(&cleared, &secret, &COPY_PATHS);
    let reader = client(&lan, &token(&archive, "doc-gia"));
    content_unknown(&reader, &secret, &READ_PATHS);
    drop(lan);

    // The isolated-LAN profile refuses a wildcard or public address, before starting.
    for address in ["0.0.0.0:0", "8.8.8.8:80", "[::]:0"] {
        let out = sohoa()
            .args([
                "serve",
                "--profile",
                "lan",
                "--listen",
                address,
                "--archive",
            ])
            .arg(&archive)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code(&out), 2, "{address}: {stderr}");
        assert!(stderr.contains("--profile lan"), "{stderr}");
    }
    assert!(run(&archive, &["audit", "verify"]).status.success());
}
