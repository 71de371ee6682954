//! The staff's long-running tasks from the reading room, over real HTTP against `sohoa serve
//! --inbox DIR` on an archive ingested with real OCR: an archivist lists the inbox's boxes,
//! starts the ingest of a one-page box through the API, follows it to done, reads its
//! report and finds the new document by search (the server's index sees the ingest). Only
//! archivists ingest and only auditors verify (403); a box is a plain name of the inbox
//! (400 naming the field for `..` or `/`); a second ingest while one runs, or while another
//! process holds the archive, is refused (409); a task is unknown (404, the same answer) to
//! anyone outside its role. In chromium, an auditor starts a sampled verification, watches
//! it reach done and reads its report.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::browser::{chromium, click, sign_in, text_of, wait_for_path};
use crate::common::{code, ingest, make_box};
use crate::reading_room::{add_user, serve_with, token_of, Visitor};
use crate::requests::{audit, post_json};

/// An archive of one ingested page (hồ sơ `hs-a` of box `hop-01`).
fn one_page_archive(dir: &Path) -> std::path::PathBuf {
    let box_dir = dir.join("hop-01");
    make_box(&box_dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    let archive = dir.join("archive");
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    archive
}

fn body(a: &crate::reading_room::Answer) -> Value {
    serde_json::from_slice(&a.body).unwrap_or_else(|_| panic!("not JSON: {}", a.text()))
}

fn client<'a>(server: &'a crate::reading_room::Server, token: &str) -> Visitor<'a> {
    let mut v = Visitor::new(server);
    v.token = Some(token.to_string());
    v
}

#[test]
fn an_archivist_ingests_an_inbox_box_over_http_and_the_tasks_refuse_what_they_must() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = one_page_archive(tmp.path());
    let inbox = tmp.path().join("inbox");
    make_box(
        &inbox.join("hop-web"),
        &[("hs-x", "hs-02-van-thu-luu-tru/1.png", "1.png")],
    );
    std::fs::create_dir_all(tmp.path().join("outside/hs")).unwrap();
    add_user(&archive, "luu-tru", &["--role", "archivist"]);
    add_user(&archive, "kiem-tra", &["--role", "auditor"]);
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    let server = serve_with(&archive, &["--inbox", inbox.to_str().unwrap()], "http");
    let archivist = client(&server, &token_of(&archive, "luu-tru"));
    let auditor = client(&server, &token_of(&archive, "kiem-tra"));
    let reader = client(&server, &token_of(&archive, "doc-gia"));

    // A reader may neither ingest nor verify, nor see the inbox.
    let start = json!({"box": "hop-web"});
    assert_eq!(
        post_json(&reader, "/api/v1/ingests", &start, None).status,
        403
    );
    assert_eq!(
        post_json(&reader, "/api/v1/verifications", &json!({}), None).status,
        403
    );
    assert_eq!(reader.get("/api/v1/boxes").status, 403);
    assert_eq!(reader.get("/tasks/ingest").status, 403);

    // The archivist sees the inbox's box, not yet ingested.
    let boxes = body(&archivist.get("/api/v1/boxes"));
    assert_eq!(
        boxes["boxes"],
        json!([{"name": "hop-web", "files": 1, "ingested": false}])
    );
    // A box is a plain name of the inbox: anything else is refused, naming the field.
    for name in ["../outside", "hop-web/hs-x", "..", "/etc", "khong-co"] {
        let a = post_json(&archivist, "/api/v1/ingests", &json!({"box": name}), None);
        assert_eq!(a.status, 400, "{name}: {}", a.text());
        assert!(
            body(&a)["error"].as_str().unwrap().starts_with("box: "),
            "{}",
            a.text()
        );
        assert!(
            !a.text().contains(tmp.path().to_str().unwrap()),
            "{}",
            a.text()
        );
    }
    // Another process holding the archive's writer lock: refused, saying why.
    {
        let lock = std::fs::File::options()
            .write(true)
            .open(archive.join("staging/writer.lock"))
            .unwrap();
        lock.try_lock().unwrap();
        let a = post_json(&archivist, "/api/v1/ingests", &start, None);
        assert_eq!(a.status, 409, "{}", a.text());
        assert!(a.text().contains("Đang có một lượt nhập"), "{}", a.text());
    }

    // The ingest starts; a second one while it runs is refused.
    let a = post_json(&archivist, "/api/v1/ingests", &start, None);
    assert_eq!(a.status, 202, "{}", a.text());
    let id = body(&a)["id"].as_str().unwrap().to_string();
    let url = format!("/api/v1/ingests/{id}");
    assert_eq!(a.header("location"), Some(url.as_str()));
    let again = post_json(&archivist, "/api/v1/ingests", &start, None);
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(again.text().contains("Đang có một lượt nhập"));

    // The task is unknown outside its role: the same answer as an unknown id.
    let unknown = auditor.get("/api/v1/ingests/0123456789abcdef0123456789abcdef");
    assert_eq!(unknown.status, 404);
    for (who, path) in [
        (&auditor, url.clone()),
        (&reader, url.clone()),
        (&archivist, format!("/api/v1/verifications/{id}")),
    ] {
        let a = who.get(&path);
        assert_eq!((a.status, a.text()), (404, unknown.text()), "{path}");
    }
    assert_eq!(reader.get(&format!("/tasks/{id}")).status, 404);

    // Followed to done (the deadline only stops a hung run).
    let started = Instant::now();
    let task = loop {
        let task = body(&archivist.get(&url));
        match task["state"].as_str().unwrap() {
            "done" | "failed" => break task,
            "queued" | "running" => {}
            other => panic!("state {other}"),
        }
        assert!(started.elapsed() < Duration::from_secs(600), "{task}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(task["state"], "done", "{task}");
    assert_eq!(task["starter"], "luu-tru");
    assert_eq!(
        task["progress"]["pages_done"],
        task["progress"]["pages_total"]
    );
    let report = &task["report"]["ingest"];
    assert_eq!(
        (report["pages_ok"].as_u64(), report["pages_failed"].as_u64()),
        (Some(1), Some(0))
    );
    assert!(
        !task.to_string().contains(tmp.path().to_str().unwrap()),
        "{task}"
    );
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "{report}");
    let document = documents[0].as_str().unwrap();
    // The report page; the box is now marked ingested.
    let mut signed_in = Visitor::new(&server);
    signed_in.sign_in("luu-tru", "mật khẩu của luu-tru");
    let page = signed_in.get(&format!("/tasks/{id}"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Báo cáo lượt nhập") && page.text().contains(document));
    assert_eq!(
        body(&archivist.get("/api/v1/boxes"))["boxes"][0]["ingested"],
        true
    );

    // Recorded in the audit log under the archivist's name.
    assert!(!audit(&archive, &["--by", "luu-tru", "--action", "ingest"]).is_empty());

    // The new document is found by search through the server's index.
    let words = body(&archivist.get(&format!("/api/v1/documents/{document}/pages/1/words")));
    let word = words["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["text"].as_str())
        .find(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
        .expect("a word of six letters on the page")
        .to_string();
    let q = url_encode(&word);
    let hits = body(&archivist.get(&format!("/api/v1/search?q={q}")));
    assert!(
        hits["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == document),
        "{word}: {hits}"
    );
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn an_auditor_starts_a_sampled_verification_and_reads_its_report_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = one_page_archive(tmp.path());
    add_user(&archive, "kiem-tra", &["--role", "auditor"]);
    add_user(&archive, "luu-tru", &["--role", "archivist"]);
    let server = serve_with(&archive, &[], "http");
    // Without --inbox, the ingest page says how to enable it.
    let mut archivist = Visitor::new(&server);
    archivist.sign_in("luu-tru", "mật khẩu của luu-tru");
    let page = archivist.get("/tasks/ingest");
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("sohoa serve --inbox"),
        "{}",
        page.text()
    );
    let (_driver, runtime, c) = chromium(&tmp.path().join("profile"));
    let base = server.base.clone();
    runtime.block_on(async {
        sign_in(&c, &base, "kiem-tra", "mật khẩu của kiem-tra").await;
        wait_for_path(&c, "/").await;
        click(&c, "#verify-tasks").await;
        wait_for_path(&c, "/tasks/verify").await;
        click(&c, "#scope-sample").await;
        let sample = c.find(Locator::Id("sample")).await.unwrap();
        sample.clear().await.unwrap();
        sample.send_keys("1").await.unwrap();
        click(&c, "#start-verify").await;
        // The task page follows the run and shows the report once it is done.
        let report = c
            .wait()
            .at_most(Duration::from_secs(300))
            .for_element(Locator::Css("#task-report"))
            .await
            .unwrap();
        assert!(c.current_url().await.unwrap().path().starts_with("/tasks/"));
        assert_eq!(text_of(&c, "#task-state").await, "Xong");
        let outcome = text_of(&c, "#verify-outcome").await;
        assert!(outcome.contains("không phát hiện hư hỏng"), "{outcome}");
        let text = report.text().await.unwrap();
        assert!(text.contains("Đã kiểm tra 1 / 1"), "{text}");
        assert_eq!(text_of(&c, "#audit-head").await.len(), 64);
        assert_eq!(text_of(&c, "[data-progress=objects_done]").await, "1");
        let _ = c.close().await;
    });
    // Recorded in the audit log under the auditor's name.
    assert!(!audit(&archive, &["--by", "kiem-tra", "--action", "verify"]).is_empty());
}
