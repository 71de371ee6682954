//! Correcting a hồ sơ's split end to end, on an archive ingested with real OCR: `sohoa edit
//! HOSO --split-at DOC=PAGE` makes a new document (a new version; the old one readable),
//! refuses without a reason (exit 2); the reading room's `POST /api/v1/hoso/{id}/split` and
//! its form are the archivists' (401 signed out, 403 for a reader, a hồ sơ holding a
//! document their clearance does not cover answers exactly like an unknown one), a missing
//! reason is a 400 naming the field; and the storage root still passes `ocfl-validate.py`.

use std::path::Path;

use serde_json::{json, Value};

use crate::common::{cleared, code, json as json_of, run, validator};
use crate::reading_room::{
    add_user, archive_with_a_mat_document, serve, token_of, Answer, Visitor,
};
use crate::requests::post_json;

const UNKNOWN: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// The hồ sơ object of document `id`, as a Tối mật auditor is shown it.
fn object_of(archive: &Path, id: &str) -> String {
    let user = cleared(archive, "auditor", "toi-mat");
    let shown = json_of(&run(archive, &["show", id, "--json", "--user", &user]));
    shown["object"].as_str().unwrap().to_string()
}

fn pages(outcome: &Value) -> Value {
    Value::Array(
        outcome["after"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["pages"].clone())
            .collect(),
    )
}

fn body(a: &Answer) -> Value {
    serde_json::from_slice(&a.body).unwrap_or(Value::Null)
}

#[test]
fn an_archivist_corrects_a_split_from_the_cli_the_api_and_the_form() {
    let tmp = tempfile::tempdir().unwrap();
    // Hồ sơ hs-a: two pages the archivist's sidecar makes one document.
    let hs_a = tmp.path().join("hop-01").join("hs-a");
    std::fs::create_dir_all(&hs_a).unwrap();
    std::fs::write(
        hs_a.join("hoso.json"),
        r#"{"documents": [{"pages": "1-2"}]}"#,
    )
    .unwrap();
    let (archive, first, secret) = archive_with_a_mat_document(
        tmp.path(),
        &[
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            ("hs-a", "hs-02-van-thu-luu-tru/2.png", "2.png"),
        ],
    );
    let object = object_of(&archive, &first);
    let secret_object = object_of(&archive, &secret);

    // The CLI: a reason is required; then page 2 becomes a document of its own.
    let archivist = cleared(&archive, "archivist", "mat");
    let split = format!("{first}=2");
    let out = run(
        &archive,
        &["edit", &object, "--split-at", &split, "--user", &archivist],
    );
    assert_eq!(code(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(
        &archive,
        &[
            "edit",
            &object,
            "--split-at",
            &split,
            "--reason",
            "trang 2 là công văn khác",
            "--user",
            &archivist,
            "--json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let outcome = json_of(&out);
    assert_eq!(pages(&outcome), json!([[1], [2]]));
    let new = outcome["created"][0].as_str().unwrap().to_string();
    let shown = json_of(&run(
        &archive,
        &["show", &new, "--json", "--user", &archivist],
    ));
    assert_eq!(shown["pages"].as_array().unwrap().len(), 1);
    // The version before is as it was.
    let v1 = json_of(&run(
        &archive,
        &[
            "show",
            &first,
            "--version",
            "v1",
            "--json",
            "--user",
            &archivist,
        ],
    ));
    assert_eq!(v1["pages"].as_array().unwrap().len(), 2);

    // The reading room.
    add_user(&archive, "luu-tru", &["--role", "archivist"]);
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    let server = serve(&archive);
    let api = format!("/api/v1/hoso/{object}/split");
    let merge = json!({"operation": "merge", "document": new, "reason": "gộp lại"});
    let signed_out = Visitor::new(&server);
    assert_eq!(post_json(&signed_out, &api, &merge, None).status, 401);
    assert_eq!(signed_out.get(&format!("/hoso/{object}/split")).status, 303);
    let mut reader = Visitor::new(&server);
    reader.token = Some(token_of(&archive, "doc-gia"));
    assert_eq!(post_json(&reader, &api, &merge, None).status, 403);
    assert_eq!(reader.get(&format!("/hoso/{object}/split")).status, 403);
    // An archivist without clearance: the hồ sơ with a Mật document is an unknown one.
    let mut plain = Visitor::new(&server);
    plain.token = Some(token_of(&archive, "luu-tru"));
    for path in ["/api/v1/hoso/{}/split", "/hoso/{}/split"] {
        let hidden = plain.get(&path.replace("{}", &secret_object));
        let unknown = plain.get(&path.replace("{}", UNKNOWN));
        assert_eq!(hidden.status, 404, "{path}");
        assert_eq!(
            (hidden.status, hidden.body),
            (unknown.status, unknown.body),
            "{path}"
        );
    }
    let secret_merge = json!({"operation": "merge", "document": "x", "reason": "r"});
    let hidden = post_json(
        &plain,
        &format!("/api/v1/hoso/{secret_object}/split"),
        &secret_merge,
        None,
    );
    let unknown = post_json(
        &plain,
        &format!("/api/v1/hoso/{UNKNOWN}/split"),
        &secret_merge,
        None,
    );
    assert_eq!(hidden.status, 404);
    assert_eq!((hidden.status, hidden.body), (unknown.status, unknown.body));
    // Wrong fields are named.
    let no_reason = json!({"operation": "merge", "document": new});
    let a = post_json(&plain, &api, &no_reason, None);
    assert_eq!(a.status, 400);
    assert!(
        body(&a)["error"].as_str().unwrap().contains("reason"),
        "{}",
        a.text()
    );
    let bad_page = json!({"operation": "split-at", "document": first, "page": 9, "reason": "r"});
    let a = post_json(&plain, &api, &bad_page, None);
    assert_eq!(a.status, 400);
    assert!(
        body(&a)["error"].as_str().unwrap().contains("page"),
        "{}",
        a.text()
    );
    // The layout, then the merge back.
    let layout = body(&plain.get(&api));
    assert_eq!(layout["documents"].as_array().unwrap().len(), 2);
    let a = post_json(&plain, &api, &merge, None);
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(pages(&body(&a)), json!([[1, 2]]));
    assert_eq!(plain.get(&format!("/api/v1/documents/{new}")).status, 404);

    // The form, signed in: the pages with their boundaries, and a split saved.
    let mut browser = Visitor::new(&server);
    browser.sign_in("luu-tru", "mật khẩu của luu-tru");
    let form = browser.get(&format!("/hoso/{object}/split"));
    assert_eq!(form.status, 200);
    assert!(form.text().contains("id=\"hoso-pages\""));
    let csrf = browser.csrf();
    let fields = [
        ("operation", "split-at"),
        ("document", first.as_str()),
        ("page", "2"),
        ("reason", "tách lại"),
    ];
    let without_token = browser.post(&format!("/hoso/{object}/split"), &fields, None);
    assert_eq!(without_token.status, 403);
    let mut with_token = fields.to_vec();
    with_token.push(("csrf", &csrf));
    let saved = browser.post(&format!("/hoso/{object}/split"), &with_token, None);
    assert_eq!(saved.status, 303, "{}", saved.text());
    let location = saved.header("location").unwrap().to_string();
    assert!(browser.get(&location).text().contains("id=\"split-saved\""));
    drop(server);

    // Every version passes the OCFL validator.
    if let Some(tool) = validator("ocfl-validate.py") {
        crate::ocfl_validate::validate(&tool, &archive);
    }
}
