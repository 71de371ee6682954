//! The archivist's review in the reading room, over HTTP and in chromium, against `sohoa
//! serve` on an archive ingested with real OCR: only archivists reach the queue, a review
//! page and the edit API (a reader gets 403); a document an archivist may not see is an
//! unknown id there too; the review page draws the box where each field was read on the
//! scan; a correction is a new version naming who and why, shown in the history; a wrong
//! field name or a missing reason is a 400 naming it.

use std::path::{Path, PathBuf};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::browser::{chromium, click, sign_in, text_of, wait_for_path};
use crate::common::{code, run};
use crate::reading_room::{add_user, archive_with_a_mat_scan, serve, token_of, Visitor};
use crate::requests::{client, error_of, post_json};

const UNKNOWN: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// An archive (real OCR) whose open document, a report's first page (its fields read with
/// their boxes), is in the review queue (its trích yếu cleared: a mandatory field missing),
/// one Mật document (a page without a header: cheap to read), an archivist without
/// clearance `luu-tru` and a reader `doc-gia`.
fn review_archive(dir: &Path) -> (PathBuf, String, String) {
    let (archive, open, secret) = archive_with_a_mat_scan(
        dir,
        &[("hs-a", "hs-02-van-thu-luu-tru/1.png", "1.png")],
        "hs-01-nghi-quyet/02-nq.png",
    );
    let out = run(&archive, &["edit", &open, "--set", "trich_yeu="]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    add_user(&archive, "luu-tru", &["--role", "archivist"]);
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    (archive, open, secret)
}

fn signed_in<'a>(server: &'a crate::reading_room::Server, name: &str) -> Visitor<'a> {
    let mut v = Visitor::new(server);
    let a = v.sign_in(name, &format!("mật khẩu của {name}"));
    assert_eq!(a.status, 303, "{}", a.text());
    v
}

fn with_token<'a>(
    server: &'a crate::reading_room::Server,
    archive: &Path,
    name: &str,
) -> Visitor<'a> {
    client(server, &token_of(archive, name))
}

#[test]
fn only_archivists_review_what_they_may_see_and_a_correction_is_a_version_with_who_and_why() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, secret) = review_archive(tmp.path());
    let server = serve(&archive);
    let edit_path = |id: &str| format!("/api/v1/documents/{id}/edit");

    // A reader: 403 on the queue, a review page and the edit API (page and API alike).
    let reader = signed_in(&server, "doc-gia");
    for path in ["/review".to_string(), format!("/review/{open}")] {
        assert_eq!(reader.get(&path).status, 403, "{path}");
    }
    let form = [
        ("csrf", reader.csrf()),
        ("field", "so".into()),
        ("value", "1".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        reader
            .post(&format!("/review/{open}/edit"), &form, None)
            .status,
        403
    );
    let reader_api = with_token(&server, &archive, "doc-gia");
    assert_eq!(reader_api.get("/api/v1/review").status, 403);
    let a = post_json(
        &reader_api,
        &edit_path(&open),
        &json!({"reviewed": true}),
        None,
    );
    assert_eq!(a.status, 403, "{}", a.text());
    // Not signed in: to the sign-in form.
    let a = Visitor::new(&server).get("/review");
    assert_eq!((a.status, a.header("location")), (303, Some("/login")));

    // An archivist without clearance: the Mật document is an unknown id everywhere.
    let archivist = signed_in(&server, "luu-tru");
    let queue = archivist.get("/review");
    assert_eq!(queue.status, 200, "{}", queue.text());
    assert!(
        queue.text().contains(&format!("/review/{open}")),
        "{}",
        queue.text()
    );
    assert!(!queue.text().contains(&secret));
    for path in ["/review/{}", "/documents/{}/history"] {
        let mine = archivist.get(&path.replace("{}", &secret));
        let unknown = archivist.get(&path.replace("{}", UNKNOWN));
        assert_eq!(mine.status, 404, "{path}");
        assert_eq!(
            (mine.status, mine.text()),
            (unknown.status, unknown.text()),
            "{path}"
        );
    }
    let api = with_token(&server, &archive, "luu-tru");
    let body = json!({"settings": {"so": "1"}, "reason": "x"});
    let mine = post_json(&api, &edit_path(&secret), &body, None);
    let unknown = post_json(&api, &edit_path(UNKNOWN), &body, None);
    assert_eq!(mine.status, 404);
    assert_eq!((mine.status, mine.text()), (unknown.status, unknown.text()));
    let listed: Value = serde_json::from_slice(&api.get("/api/v1/review").body).unwrap();
    let items = listed["items"].as_array().unwrap();
    assert!(items.iter().all(|i| i["id"] != secret.as_str()), "{listed}");
    assert!(
        items
            .iter()
            .any(|i| i["id"] == open.as_str() && i["field"] == "trich_yeu"),
        "{listed}"
    );
    let a = api.get("/api/v1/review?kind=ca-nhan");
    assert_eq!(a.status, 400);
    assert!(error_of(&a).contains("kind"), "{}", a.text());

    // The review page: the scan with the boxes where the fields were read.
    let page = archivist.get(&format!("/review/{open}")).text();
    assert!(page.contains("svg id=\"scan\""), "{page}");
    assert!(page.contains("class=\"field-box"), "{page}");
    assert!(page.contains("id=\"field-trich_yeu\""), "{page}");

    // Wrong input: 400 naming the field (API and form alike).
    for (settings, named) in [
        (json!({"khong_co_truong": "x"}), "khong_co_truong"),
        (json!({"che_do_su_dung": "02"}), "reason"),
        (json!({"ngay_ban_hanh": "20/13/2018"}), "ngay_ban_hanh"),
    ] {
        let a = post_json(
            &api,
            &edit_path(&open),
            &json!({ "settings": settings }),
            None,
        );
        assert_eq!(a.status, 400, "{}", a.text());
        assert!(error_of(&a).contains(named), "{}", a.text());
    }
    let csrf = archivist.csrf();
    let bad = [
        ("csrf", csrf.as_str()),
        ("field", "khong_co_truong"),
        ("value", "x"),
    ];
    let a = archivist.post(&format!("/review/{open}/edit"), &bad, None);
    assert_eq!(a.status, 400);
    assert!(a.text().contains("khong_co_truong"), "{}", a.text());

    // A correction from the form: a new version, shown on the page and in the history with
    // who and why.
    let fix = [
        ("csrf", csrf.as_str()),
        ("field", "trich_yeu"),
        ("value", "về công tác văn thư, lưu trữ năm 2018"),
        ("reason", "đối chiếu bản quét"),
    ];
    let a = archivist.post(&format!("/review/{open}/edit"), &fix, None);
    assert_eq!(a.status, 303, "{}", a.text());
    let to = a.header("location").unwrap().to_string();
    assert!(to.starts_with(&format!("/review/{open}?saved=v")), "{to}");
    let page = archivist.get(&to).text();
    assert!(
        page.contains("về công tác văn thư, lưu trữ năm 2018"),
        "{page}"
    );
    let history = archivist.get(&format!("/documents/{open}/history")).text();
    assert!(
        history.contains("luu-tru") && history.contains("đối chiếu bản quét"),
        "{history}"
    );

    // Accepted through the API: the outcome names the version; the queue is empty of it.
    let a = post_json(
        &api,
        &edit_path(&open),
        &json!({"reviewed": true, "reason": "đã xem"}),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let outcome: Value = serde_json::from_slice(&a.body).unwrap();
    assert!(
        outcome["version"].as_str().unwrap().starts_with('v'),
        "{outcome}"
    );
    assert!(
        outcome["changes"].to_string().contains("reviewed"),
        "{outcome}"
    );
    let listed: Value = serde_json::from_slice(&api.get("/api/v1/review").body).unwrap();
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["id"] != open.as_str()));
}

#[test]
fn an_archivist_reviews_a_document_beside_its_scan_and_corrects_a_field_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, _) = review_archive(tmp.path());
    let server = serve(&archive);
    let (_driver, runtime, c) = chromium(&tmp.path().join("profile"));
    runtime.block_on(async {
        review_session(&c, &server.base, &open).await;
        let _ = c.close().await;
    });
}

async fn review_session(c: &Client, base: &str, open: &str) {
    sign_in(c, base, "luu-tru", "mật khẩu của luu-tru").await;
    wait_for_path(c, "/").await;
    // The queue, from the top bar; the document from it.
    click(c, "#review-queue").await;
    wait_for_path(c, "/review").await;
    click(c, &format!("a.review-link[href='/review/{open}']")).await;
    wait_for_path(c, &format!("/review/{open}")).await;

    // The scan, and the boxes where the fields were read drawn on it.
    c.wait()
        .for_element(Locator::Css("svg#scan image"))
        .await
        .unwrap();
    let boxes = c.find_all(Locator::Css("rect.field-box")).await.unwrap();
    assert!(!boxes.is_empty(), "no field box on the scan");
    for b in &boxes {
        let width: f64 = b.attr("width").await.unwrap().unwrap().parse().unwrap();
        assert!(width > 0.0);
    }
    // The box is drawn where it is: inside the page shown.
    let rect = boxes[0].rectangle().await.unwrap();
    let scan = c
        .find(Locator::Css("svg#scan"))
        .await
        .unwrap()
        .rectangle()
        .await
        .unwrap();
    assert!(
        rect.0 >= scan.0 && rect.0 + rect.2 <= scan.0 + scan.2 + 1.0,
        "{rect:?} {scan:?}"
    );

    // Correct the trích yếu with a reason.
    let form = "#field-trich_yeu form";
    let value = c
        .find(Locator::Css(&format!("{form} input[name=value]")))
        .await
        .unwrap();
    value.clear().await.unwrap();
    value
        .send_keys("về công tác văn thư năm 2018")
        .await
        .unwrap();
    c.find(Locator::Css(&format!("{form} input[name=reason]")))
        .await
        .unwrap()
        .send_keys("sửa theo bản quét")
        .await
        .unwrap();
    click(c, &format!("{form} button")).await;
    let saved = text_of(c, "#saved").await;
    assert!(saved.contains("phiên bản v"), "{saved}");

    // The history: the new version, by whom and why.
    click(c, "#history-link").await;
    wait_for_path(c, &format!("/documents/{open}/history")).await;
    let actor = text_of(c, "#versions tr[data-version] td.actor").await;
    let message = text_of(c, "#versions tr[data-version] td.message").await;
    assert_eq!(actor, "luu-tru");
    assert!(
        message.contains("sửa theo bản quét") && message.contains("trich_yeu"),
        "{message}"
    );
}
