//! The auditor's pages and API over HTTP (`sohoa serve` on an archive ingested with real
//! OCR: one open document, one Mật document alone in its hồ sơ): fixity status per object,
//! the audit chain head recorded and checked, the audit and access logs filtered and
//! exported. Only auditors (403 for other roles); an auditor without Mật clearance is told
//! of nothing naming the Mật document — not by the logs, a filter, an export or the fixity
//! list — and its id answers like an unknown one. One chromium test walks the auditor's path.

use std::path::{Path, PathBuf};

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::browser::{chromium, click, fetch, href_of, sign_in, text_of, wait_for_path};
use crate::common::{cleared, code, run};
use crate::reading_room::{
    add_user, archive_with_a_mat_document, serve, token_of, Answer, Visitor,
};
use crate::requests::{client, post_json};

const UNKNOWN: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// A copy of the archive in `dir`, with a reader `doc-gia` who viewed the open document's
/// page (an access log entry), an archivist, an auditor without clearance (`kiem-tra`) and
/// a run of `sohoa verify` by a Mật-cleared auditor.
fn archive_copy(dir: &Path) -> (PathBuf, String, String) {
    // Ingested once per test run; a copy of it in `dir`.
    let (archive, open, secret) =
        archive_with_a_mat_document(dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    add_user(&archive, "luu-tru", &["--role", "archivist"]);
    add_user(&archive, "kiem-tra", &["--role", "auditor"]);
    let out = run(
        &archive,
        &["verify", "--user", &cleared(&archive, "auditor", "mat")],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    (archive, open.clone(), secret.clone())
}

fn json_of(a: &Answer) -> Value {
    serde_json::from_slice(&a.body).unwrap_or_else(|_| panic!("{} {}", a.status, a.text()))
}

/// The id of the hồ sơ object holding document `id` (as a Tối mật auditor lists them).
fn object_of(archive: &Path, id: &str) -> String {
    let out = run(
        archive,
        &[
            "show",
            id,
            "--json",
            "--user",
            &cleared(archive, "auditor", "toi-mat"),
        ],
    );
    crate::common::json(&out)["object"]
        .as_str()
        .unwrap()
        .to_string()
}

const API_GETS: [&str; 6] = [
    "/api/v1/audit/fixity",
    "/api/v1/audit/head",
    "/api/v1/audit/log",
    "/api/v1/audit/access",
    "/api/v1/audit/log?format=csv",
    "/api/v1/audit/access?format=ndjson",
];
const PAGES: [&str; 4] = [
    "/audit/fixity",
    "/audit/head",
    "/audit/log",
    "/audit/access",
];

#[test]
fn the_auditor_pages_answer_auditors_only_and_name_only_what_their_clearance_covers() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, secret) = archive_copy(tmp.path());
    let hidden_object = object_of(&archive, &secret);
    let open_object = object_of(&archive, &open);
    let mat_auditor = cleared(&archive, "auditor", "mat");
    let server = serve(&archive);
    let reader = client(&server, &token_of(&archive, "doc-gia"));
    let archivist = client(&server, &token_of(&archive, "luu-tru"));
    let auditor = client(&server, &token_of(&archive, "kiem-tra"));
    let cleared_auditor = client(&server, &token_of(&archive, &mat_auditor));
    // The reader's page view: an access log entry.
    assert_eq!(
        reader
            .get(&format!("/documents/{open}/pages/1/image"))
            .status,
        200
    );

    // Other roles: 403 on every page and API route; not signed in: sign-in page or 401.
    let anonymous = Visitor::new(&server);
    for v in [&reader, &archivist] {
        for path in API_GETS {
            let a = v.get(path);
            assert_eq!(a.status, 403, "{path}: {}", a.text());
            assert!(json_of(&a)["error"].is_string());
        }
        for path in ["/api/v1/audit/head", "/api/v1/audit/head/check"] {
            assert_eq!(post_json(v, path, &json!({}), None).status, 403, "{path}");
        }
        assert_eq!(anonymous.get(API_GETS[0]).status, 401);
    }
    let mut signed_in = Visitor::new(&server);
    signed_in.sign_in("luu-tru", "mật khẩu của luu-tru");
    for path in PAGES {
        assert_eq!(signed_in.get(path).status, 403, "{path}");
        let a = anonymous.get(path);
        assert_eq!(
            (a.status, a.header("location")),
            (303, Some("/login")),
            "{path}"
        );
    }
    // A session's POST needs its CSRF token.
    assert_eq!(
        signed_in.post("/audit/head", &[("csrf", "x")], None).status,
        403
    );

    // Fixity: the uncleared auditor is told only of the open hồ sơ; the Mật one's object
    // answers like an unknown id.
    let listed = |v: &Visitor<'_>| -> Vec<Value> {
        json_of(&v.get("/api/v1/audit/fixity"))["objects"]
            .as_array()
            .unwrap()
            .clone()
    };
    let mine = listed(&auditor);
    assert_eq!(mine.len(), 1, "{mine:#?}");
    assert_eq!(mine[0]["object"], open_object.as_str());
    assert_eq!(mine[0]["state"], "intact");
    assert_eq!(mine[0]["last_verified"]["actor"], mat_auditor.as_str());
    assert_eq!(listed(&cleared_auditor).len(), 2);
    for path in ["/api/v1/audit/fixity/{}", "/audit/fixity/{}"] {
        let hidden = auditor.get(&path.replace("{}", &hidden_object));
        let unknown = auditor.get(&path.replace("{}", UNKNOWN));
        assert_eq!(hidden.status, 404, "{path}");
        assert_eq!(
            (hidden.status, hidden.text()),
            (unknown.status, unknown.text())
        );
    }
    let runs = json_of(&auditor.get(&format!("/api/v1/audit/fixity/{open_object}")));
    assert_eq!(runs["runs"].as_array().unwrap().len(), 1, "{runs:#}");
    let page = auditor.get("/audit/fixity?state=never-verified").text();
    assert!(page.contains("0 / 1 hồ sơ"), "{page}");
    let a = auditor.get("/api/v1/audit/fixity?state=ok");
    assert_eq!(a.status, 400);
    assert!(json_of(&a)["error"].as_str().unwrap().contains("state"));

    // The logs: nothing names the Mật document or its object for the uncleared auditor, in
    // any form; filtering by its id finds what an unknown id finds.
    for log in ["log", "access"] {
        for format in ["", "&format=csv", "&format=ndjson"] {
            let all = auditor.get(&format!("/api/v1/audit/{log}?limit=500{format}"));
            assert_eq!(all.status, 200);
            let text = all.text();
            assert!(
                !text.contains(&secret) && !text.contains(&hidden_object),
                "{log}{format}: {text}"
            );
            let by = |id: &str| auditor.get(&format!("/api/v1/audit/{log}?document={id}{format}"));
            let (hidden, unknown) = (by(&secret), by(UNKNOWN));
            assert_eq!(
                (hidden.status, hidden.text()),
                (unknown.status, unknown.text()),
                "{log}{format}"
            );
        }
        let page = |id: &str| auditor.get(&format!("/audit/{log}?document={id}")).text();
        assert_eq!(page(&secret).replace(&secret, UNKNOWN), page(UNKNOWN));
    }
    // The cleared auditor sees the edit that made it Mật.
    let edits = json_of(&cleared_auditor.get(&format!("/api/v1/audit/log?document={secret}")));
    assert!(edits["total"].as_u64().unwrap() >= 1, "{edits:#}");

    // Filters: per user, per action, per day; paged newest first.
    let views = json_of(&auditor.get("/api/v1/audit/access?actor=doc-gia"));
    let entries = views["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e["actor"] == "doc-gia"));
    assert_eq!(
        json_of(&auditor.get("/api/v1/audit/access?actor=kiem-tra"))["total"],
        0
    );
    let verifies = json_of(&auditor.get("/api/v1/audit/log?action=verify"));
    assert_eq!(verifies["total"], 1);
    let all = json_of(&auditor.get("/api/v1/audit/log?limit=2"));
    let seqs: Vec<u64> = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect();
    assert!(seqs.len() == 2 && seqs[0] > seqs[1], "{seqs:?}");
    let none = json_of(&auditor.get("/api/v1/audit/log?from=2000-01-01&to=2000-12-31"));
    assert_eq!(none["total"], 0);
    let today = chrono::Utc::now().date_naive().to_string();
    let todays = json_of(&auditor.get(&format!("/api/v1/audit/log?from={today}")));
    assert!(todays["total"].as_u64().unwrap() > 0);

    // Wrong parameters: 400 naming them, as JSON for the API and a page for the browser.
    let browser = signed_in_auditor(&server);
    for (query, name) in [
        ("from=2026-02-30", "from"),
        ("to=hôm-nay", "to"),
        ("from=2026-12-05&to=2026-12-01", "from"),
        ("limit=0", "limit"),
        ("format=xlsx", "format"),
        ("nguoi=doc-gia", "nguoi"),
    ] {
        let a = auditor.get(&format!("/api/v1/audit/log?{query}"));
        assert_eq!(a.status, 400, "{query}");
        let error = json_of(&a)["error"].as_str().unwrap().to_string();
        assert!(error.contains(name), "{query}: {error}");
        let page = browser.get(&format!("/audit/access?{query}"));
        assert_eq!(page.status, 400, "{query}");
        assert!(page.text().contains(name), "{query}");
    }

    // The CSV export: a download, every field escaped (the detail, JSON, holds quotes and
    // commas), one line per entry.
    let csv = auditor.get("/api/v1/audit/access?format=csv&actor=doc-gia");
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .starts_with("attachment"));
    let text = csv.text();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "seq,time,actor,action,object,detail,hash");
    assert_eq!(lines.len(), entries.len() + 1, "{text}");
    let quoted = format!(",\"{{\"\"document\"\":\"\"{open}\"\"");
    assert!(lines[1].contains(&quoted), "{}", lines[1]);
    let nd = auditor
        .get("/api/v1/audit/access?format=ndjson&actor=doc-gia")
        .text();
    for line in nd.lines() {
        assert_eq!(
            serde_json::from_str::<Value>(line).unwrap()["actor"],
            "doc-gia"
        );
    }

    // The chain head: recorded, checked (extended), and a head never in the log is not.
    let head = json_of(&auditor.get("/api/v1/audit/head"));
    let recorded = post_json(&auditor, "/api/v1/audit/head", &json!({}), None);
    assert_eq!(recorded.status, 201, "{}", recorded.text());
    let recorded = json_of(&recorded);
    assert_eq!(recorded["head"], head["hash"]);
    assert_eq!(recorded["entry"]["action"], "chain-head-recorded");
    assert_eq!(recorded["entry"]["actor"], "kiem-tra");
    let body = json!({ "head": head["hash"] });
    let check = json_of(&post_json(
        &auditor,
        "/api/v1/audit/head/check",
        &body,
        None,
    ));
    assert_eq!(
        (&check["ok"], &check["extends_head"]),
        (&json!(true), &json!(true)),
        "{check:#}"
    );
    let never = json!({ "head": "ab".repeat(32) });
    let check = json_of(&post_json(
        &auditor,
        "/api/v1/audit/head/check",
        &never,
        None,
    ));
    assert_eq!(
        (&check["ok"], &check["extends_head"]),
        (&json!(false), &json!(false))
    );
    for (body, field) in [
        (json!({"head": "abc"}), "head"),
        (json!({"dau": "x"}), "dau"),
    ] {
        let a = post_json(&auditor, "/api/v1/audit/head/check", &body, None);
        assert_eq!(a.status, 400, "{body}");
        let error = json_of(&a)["error"].as_str().unwrap().to_string();
        assert!(error.contains(field), "{error}");
    }
}

/// The uncleared auditor, signed in with a session.
fn signed_in_auditor(server: &crate::reading_room::Server) -> Visitor<'_> {
    let mut v = Visitor::new(server);
    v.sign_in("kiem-tra", "mật khẩu của kiem-tra");
    v
}

/// The auditor's path in chromium: sign in, see the fixity status, record the chain head,
/// check it, filter the access log by a user, export the result as CSV.
#[test]
fn an_auditor_records_and_checks_the_chain_head_and_exports_the_access_log_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, _) = archive_copy(tmp.path());
    let server = serve(&archive);
    let reader = client(&server, &token_of(&archive, "doc-gia"));
    assert_eq!(
        reader
            .get(&format!("/documents/{open}/pages/1/image"))
            .status,
        200
    );
    let (_driver, runtime, c) = chromium(&tmp.path().join("profile"));
    runtime.block_on(async {
        let base = server.base.as_str();
        sign_in(&c, base, "kiem-tra", "mật khẩu của kiem-tra").await;
        wait_for_path(&c, "/").await;
        click(&c, "#audit-nav").await;
        wait_for_path(&c, "/audit/fixity").await;
        assert_eq!(text_of(&c, "#fixity td.fixity-intact").await, "toàn vẹn");

        // Record the head, then check it.
        click(&c, "#audit-head-nav").await;
        wait_for_path(&c, "/audit/head").await;
        let head = text_of(&c, "#head-hash").await;
        click(&c, "#record-head").await;
        let recorded = text_of(&c, "code.recorded-head").await;
        assert_eq!(recorded, head);
        c.find(Locator::Css("#check-head input[name=head]"))
            .await
            .unwrap()
            .send_keys(&recorded)
            .await
            .unwrap();
        click(&c, "#check-head button").await;
        let result = text_of(&c, "#check-result").await;
        assert!(result.contains("nguyên vẹn và nối tiếp đỉnh"), "{result}");

        // The access log, filtered by the reader; its CSV.
        click(&c, "#audit-access-nav").await;
        wait_for_path(&c, "/audit/access").await;
        c.find(Locator::Css("#log-filter input[name=actor]"))
            .await
            .unwrap()
            .send_keys("doc-gia")
            .await
            .unwrap();
        click(&c, "#log-filter button").await;
        // The filtered page is at the same path: wait for its query.
        let start = std::time::Instant::now();
        while !c
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("actor=doc-gia")
        {
            assert!(start.elapsed().as_secs() < 20, "the filter was not applied");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let count = text_of(&c, "#log-count").await;
        assert!(count.starts_with("Mục 1–"), "{count}");
        let actors = c.find_all(Locator::Css("#log td.actor")).await.unwrap();
        assert!(!actors.is_empty());
        for a in actors {
            assert_eq!(a.text().await.unwrap(), "doc-gia");
        }
        let href = href_of(&c, "#export-csv").await;
        assert!(
            href.contains("actor=doc-gia") && href.contains("format=csv"),
            "{href}"
        );
        assert_eq!(fetch(&c, &href).await, "200 text/csv; charset=utf-8");
        let _ = c.close().await;
    });
}
