//! The reading room over HTTP (`sohoa serve` on loopback, a real archive ingested with real
//! OCR): sign-in, search without diacritics, a document with its page image and words, the
//! access PDF, sign-out; and, for every read path, that a document the user may not see
//! answers exactly like an unknown id; lockout, cross-site POSTs, CSRF, traversal, bad
//! parameters, security headers, no paths or traces in answers, and reads recorded.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::common::{cleared, code, copy_ingested, ingest, json, make_box, run, sohoa};

/// A `sohoa serve` process, stopped when dropped (also when a test fails).
pub(crate) struct Server {
    child: Child,
    pub(crate) base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Stops the server as an operator does (SIGTERM: a graceful shutdown) and returns its
    /// exit code; killed if it has not stopped within 30 s.
    pub(crate) fn stop(mut self) -> Option<i32> {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub(crate) fn serve(archive: &Path) -> Server {
    serve_with(archive, &[], "http")
}

/// `sohoa serve` with `extra` arguments on a port the server picks itself (`--listen
/// 127.0.0.1:0`: no other process can take it between a choice and the bind), reached at
/// the address it logs (`phòng đọc: scheme://127.0.0.1:PORT/`).
pub(crate) fn serve_with(archive: &Path, extra: &[&str], scheme: &str) -> Server {
    serve_in(archive, extra, scheme, &[])
}

/// [`serve_with`] with environment variables `env` set (the cluster's database).
pub(crate) fn serve_in(
    archive: &Path,
    extra: &[&str],
    scheme: &str,
    env: &[(&str, &str)],
) -> Server {
    let mut child = sohoa()
        .args(["serve", "--listen", "127.0.0.1:0", "--archive"])
        .arg(archive)
        .args(extra)
        .envs(env.iter().copied())
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (found, address) = std::sync::mpsc::channel();
    let marker = format!("phòng đọc: {scheme}://");
    // Reads the log until the address shows, then drains it (a full pipe would block the
    // server).
    std::thread::spawn(move || {
        let mut seen = String::new();
        let mut found = Some(found);
        for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)) {
            let Ok(line) = line else { break };
            if let Some(at) = line.find(&marker) {
                if let Some(found) = found.take() {
                    let url = line[at + "phòng đọc: ".len()..]
                        .trim()
                        .trim_end_matches('/');
                    let _ = found.send(Ok(url.to_string()));
                }
            } else if found.is_some() {
                seen.push_str(&line);
                seen.push('\n');
            }
        }
        if let Some(found) = found {
            let _ = found.send(Err(seen));
        }
    });
    let mut server = Server {
        child,
        base: String::new(),
    };
    match address.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(base)) => server.base = base,
        Ok(Err(log)) => panic!("the server stopped before it listened:\n{log}"),
        Err(e) => panic!("the server did not start within 60 s ({e})"),
    }
    server
}

pub(crate) fn add_user(archive: &Path, name: &str, extra: &[&str]) {
    let mut c = sohoa();
    c.args(["user", "add", name, "--password-stdin", "--archive"])
        .arg(archive)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = c.spawn().unwrap();
    writeln!(child.stdin.take().unwrap(), "mật khẩu của {name}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "user add {name}");
}

/// An HTTP client that follows no redirects and treats every status as an answer, and
/// keeps no idle connection: a server may close a connection after answering a POST whose
/// body it did not read (a 403 before the body), and a request sent on that pooled
/// connection would fail with "Peer disconnected" (seen in CI) instead of getting its answer.
pub(crate) fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .max_idle_connections(0)
        .max_idle_connections_per_host(0)
        .build()
        .into()
}

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn answer(mut r: ureq::http::Response<ureq::Body>) -> Answer {
    let headers = r
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    Answer {
        status: r.status().as_u16(),
        headers,
        body: r.body_mut().read_to_vec().unwrap(),
    }
}

/// A browser-like visitor: a cookie (once signed in) and this server's Origin on POSTs.
pub(crate) struct Visitor<'a> {
    pub(crate) server: &'a Server,
    pub(crate) agent: ureq::Agent,
    pub(crate) cookie: Option<String>,
    pub(crate) token: Option<String>,
}

impl<'a> Visitor<'a> {
    pub(crate) fn new(server: &'a Server) -> Visitor<'a> {
        Visitor {
            server,
            agent: agent(),
            cookie: None,
            token: None,
        }
    }

    pub(crate) fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[])
    }

    /// A GET with extra request headers.
    pub(crate) fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut r = self.agent.get(format!("{}{path}", self.server.base));
        for (name, value) in headers {
            r = r.header(*name, *value);
        }
        if let Some(c) = &self.cookie {
            r = r.header("Cookie", c);
        }
        if let Some(t) = &self.token {
            r = r.header("Authorization", format!("Bearer {t}"));
        }
        answer(r.call().unwrap())
    }

    pub(crate) fn post(&self, path: &str, form: &[(&str, &str)], origin: Option<&str>) -> Answer {
        let mut r = self
            .agent
            .post(format!("{}{path}", self.server.base))
            .header("Origin", origin.unwrap_or(&self.server.base));
        if let Some(c) = &self.cookie {
            r = r.header("Cookie", c);
        }
        answer(r.send_form(form.iter().copied()).unwrap())
    }

    pub(crate) fn sign_in(&mut self, name: &str, password: &str) -> Answer {
        let a = self.post(
            "/login",
            &[("username", name), ("password", password)],
            None,
        );
        if let Some(set) = a.header("set-cookie") {
            self.cookie = Some(set.split(';').next().unwrap().to_string());
        }
        a
    }

    /// The CSRF token of the session's forms.
    pub(crate) fn csrf(&self) -> String {
        let page = self.get("/account").text();
        let at = page
            .find("name=\"csrf\" value=\"")
            .expect("a form with a CSRF token")
            + 19;
        page[at..at + 64].to_string()
    }
}

pub(crate) fn document_ids(archive: &Path) -> Vec<(String, String)> {
    let out = run(
        archive,
        &[
            "list",
            "--json",
            "--user",
            &cleared(archive, "auditor", "toi-mat"),
        ],
    );
    json(&out)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["hoso"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// An archive ingested (real OCR) from `open_files` (hồ sơ `hs-a`: its first document is
/// the open one returned) and one page of hồ sơ `hs-b`, whose document a cleared archivist
/// then made Mật. Returns the archive, the open document's id and the Mật one's.
pub(crate) fn archive_with_a_mat_document(
    dir: &Path,
    open_files: &[(&str, &str, &str)],
) -> (std::path::PathBuf, String, String) {
    archive_with_a_mat_scan(dir, open_files, "hs-02-van-thu-luu-tru/1.png")
}

/// [`archive_with_a_mat_document`] with sample `mat_scan` (a PNG) as hồ sơ `hs-b`'s one page.
/// The same files are ingested and edited once per test run; each caller gets its own copy
/// of the archive and its box in `dir` (the ids stay those of the first ingest).
pub(crate) fn archive_with_a_mat_scan(
    dir: &Path,
    open_files: &[(&str, &str, &str)],
    mat_scan: &str,
) -> (std::path::PathBuf, String, String) {
    type Made = (tempfile::TempDir, String, String);
    static MADE: Mutex<BTreeMap<String, Arc<OnceLock<Made>>>> = Mutex::new(BTreeMap::new());
    let key = format!("{open_files:?} {mat_scan}");
    let once = Arc::clone(MADE.lock().unwrap().entry(key).or_default());
    let (made, open, secret) = once.get_or_init(|| {
        let tmp = crate::common::fixture_dir();
        let (open, secret) = ingest_with_a_mat_scan(tmp.path(), open_files, mat_scan);
        (tmp, open, secret)
    });
    let (archive, _) = copy_ingested(made.path(), "hop-01", dir);
    (archive, open.clone(), secret.clone())
}

/// Ingests `open_files` and `mat_scan` into `dir/archive` from box `dir/hop-01` and makes
/// hồ sơ `hs-b`'s document Mật; returns the open document's id and the Mật one's.
fn ingest_with_a_mat_scan(
    dir: &Path,
    open_files: &[(&str, &str, &str)],
    mat_scan: &str,
) -> (String, String) {
    let box_dir = dir.join("hop-01");
    let mut files = open_files.to_vec();
    files.push(("hs-b", mat_scan, "1.png"));
    make_box(&box_dir, &files);
    let archive = dir.join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let ids = document_ids(&archive);
    let open = ids.iter().find(|(_, h)| h == "hs-a").unwrap().0.clone();
    let secret = ids.iter().find(|(_, h)| h == "hs-b").unwrap().0.clone();
    let edit = [
        "edit",
        &secret,
        "--set",
        "che_do_su_dung=03",
        "--user",
        &cleared(&archive, "archivist", "mat"),
        "--reason",
        "theo quyết định 1-QĐ",
    ];
    let out = run(&archive, &edit);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    (open, secret)
}

/// Two readers: `doc-gia` without clearance, `can-bo` cleared for Mật.
pub(crate) fn add_readers(archive: &Path) {
    add_user(archive, "doc-gia", &["--role", "reader"]);
    add_user(
        archive,
        "can-bo",
        &[
            "--role",
            "reader",
            "--clearance",
            "mat",
            "--decision",
            "5/QĐ-VPTU",
            "--expires",
            "2099-12-31",
        ],
    );
}

/// A new API token of `user`.
pub(crate) fn token_of(archive: &Path, user: &str) -> String {
    let out = run(archive, &["token", "create", "--user", user]);
    assert!(out.status.success());
    printed_token(&out)
}

/// The token `sohoa token create` printed (its last word).
pub(crate) fn printed_token(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .rsplit(' ')
        .next()
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn the_reading_room_reads_for_the_signed_in_and_hides_what_they_may_not_see() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, secret) = archive_with_a_mat_document(
        tmp.path(),
        &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")],
    );
    add_readers(&archive);
    let token = token_of(&archive, "doc-gia");
    let server = serve(&archive);

    // Nothing without signing in: the browser is sent to the form, the API says 401.
    let mut reader = Visitor::new(&server);
    let a = reader.get("/");
    assert_eq!((a.status, a.header("location")), (303, Some("/login")));
    let a = reader.get(&format!("/api/v1/documents/{open}"));
    assert_eq!(a.status, 401);
    assert!(a.text().contains("\"error\""), "{}", a.text());
    let a = reader.get("/login");
    assert!(a.text().contains("name=\"username\"") && a.text().contains("name=\"password\""));
    // Security headers on every answer.
    let csp = a.header("content-security-policy").unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(a.header("x-content-type-options"), Some("nosniff"));

    // A wrong password and an unknown name get the same answer.
    let wrong = reader.sign_in("doc-gia", "sai mật khẩu");
    let nobody = reader.sign_in("khong-co-ai", "sai mật khẩu");
    assert_eq!((wrong.status, wrong.text()), (nobody.status, nobody.text()));
    assert!(reader.cookie.is_none());
    // A session id the browser brings is never adopted (no fixation).
    reader.cookie = Some("sohoa_session=attacker-chosen".into());
    assert_eq!(reader.get("/").status, 303);
    reader.cookie = None;
    let a = reader.sign_in("doc-gia", "mật khẩu của doc-gia");
    assert_eq!(a.status, 303);
    let cookie = a.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    // Search without diacritics finds the open document; never the Mật one.
    let a = reader.get("/?q=nghi+quyet");
    assert_eq!(a.status, 200);
    assert!(
        a.text().contains(&format!("/documents/{open}")),
        "{}",
        a.text()
    );
    assert!(!a.text().contains(&secret));
    let everything = reader.get("/api/v1/search?q=*&limit=100");
    let found = reader.get("/api/v1/search?q=nghi+quyet");
    assert_eq!(found.status, 200, "{}", found.text());
    let found: serde_json::Value = serde_json::from_slice(&found.body).unwrap();
    assert!(found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["id"] == open.as_str()));
    assert!(!everything.text().contains(&secret));
    assert!(!reader.get("/browse").text().contains(&secret));

    // The document: its scan with the hits drawn on it, its text, record and citation.
    let page = reader.get(&format!("/documents/{open}?q=nghi+quyet&page=1"));
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("class=\"hit-box\""),
        "no hit box drawn:\n{html}"
    );
    assert!(html.contains(&format!("/documents/{open}/pages/1/image")));
    assert!(html.contains("id=\"page-text\"") && html.contains("Trích dẫn"));
    let image = reader.get(&format!("/documents/{open}/pages/1/image?width=400"));
    assert_eq!(image.status, 200);
    assert_eq!(image.header("content-type"), Some("image/jpeg"));
    assert_eq!(&image.body[..2], &[0xFF, 0xD8]);
    let again = reader.get(&format!("/documents/{open}/pages/1/image?width=400"));
    assert_eq!(again.body, image.body, "the cached rendering is the same");
    // WebP (lossless) when asked for by name, cached like the JPEG; a browser's Accept
    // header alone still gets the JPEG (README: lossless WebP of a scan is much larger).
    let webp_path = format!("/documents/{open}/pages/1/image?width=400&format=webp");
    let webp = reader.get(&webp_path);
    assert_eq!(webp.status, 200);
    assert_eq!(webp.header("content-type"), Some("image/webp"));
    assert_eq!(
        (&webp.body[..4], &webp.body[8..12]),
        (&b"RIFF"[..], &b"WEBP"[..])
    );
    let (jpeg_pixels, webp_pixels) = (
        image::load_from_memory(&image.body).unwrap(),
        image::load_from_memory(&webp.body).unwrap(),
    );
    assert_eq!(
        (webp_pixels.width(), webp_pixels.height()),
        (jpeg_pixels.width(), jpeg_pixels.height())
    );
    assert_eq!(reader.get(&webp_path).body, webp.body, "cached");
    let cached: Vec<String> = std::fs::read_dir(archive.join("service/cache/pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        cached.iter().any(|n| n.ends_with("-w400.webp"))
            && cached.iter().any(|n| n.ends_with("-w400.jpg")),
        "{cached:?}"
    );
    let api_webp = reader.get(&format!(
        "/api/v1/documents/{open}/pages/1/image?width=400&format=webp"
    ));
    assert_eq!(api_webp.body, webp.body);
    let accepting = reader.get_with(
        &format!("/documents/{open}/pages/1/image?width=400"),
        &[("Accept", "image/avif,image/webp,*/*")],
    );
    assert_eq!(accepting.header("content-type"), Some("image/jpeg"));
    let bad = reader.get(&format!(
        "/api/v1/documents/{open}/pages/1/image?format=gif"
    ));
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("format"), "{}", bad.text());
    let words = reader.get(&format!("/api/v1/documents/{open}/pages/1/words"));
    let words: serde_json::Value = serde_json::from_slice(&words.body).unwrap();
    let (w, h) = (
        words["width"].as_u64().unwrap(),
        words["height"].as_u64().unwrap(),
    );
    assert!(!words["words"].as_array().unwrap().is_empty());
    for word in words["words"].as_array().unwrap() {
        let b: Vec<u64> = word["bbox"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert!(
            b[0] + b[2] <= w && b[1] + b[3] <= h,
            "a box off the scan: {b:?}"
        );
    }
    let pdf = reader.get(&format!("/documents/{open}/pdf"));
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF-"));
    let bad = reader.get("/api/v1/search?q=x&limit=abc");
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("limit"), "{}", bad.text());
    let long = format!("/api/v1/search?q={}", "a".repeat(5000));
    assert_eq!(reader.get(&long).status, 400);
    // A parameter given twice: refused in the API's own form (JSON naming it), and as a
    // page in the browser.
    let twice = reader.get("/api/v1/search?q=a&q=b");
    assert_eq!(twice.status, 400);
    assert_eq!(twice.header("content-type"), Some("application/json"));
    let error: serde_json::Value = serde_json::from_slice(&twice.body).unwrap();
    assert!(error["error"].as_str().unwrap().contains("`q`"), "{error}");
    let twice = reader.get(&format!("/documents/{open}?page=1&page=2"));
    assert_eq!(twice.status, 400);
    assert!(
        twice
            .header("content-type")
            .unwrap()
            .starts_with("text/html"),
        "{:?}",
        twice.header("content-type")
    );
    assert_eq!(
        reader
            .get(&format!("/documents/{open}/pages/1/image?width=9999"))
            .status,
        400
    );

    // Every read path: the Mật document answers exactly like an id that does not exist.
    for path in [
        "/documents/{}",
        "/documents/{}?page=1",
        "/documents/{}/pdf",
        "/documents/{}/pages/1/image",
        "/api/v1/documents/{}",
        "/api/v1/documents/{}/pdf",
        "/api/v1/documents/{}/pages/1/image",
        "/api/v1/documents/{}/pages/1/words",
    ] {
        let hidden = reader.get(&path.replace("{}", &secret));
        let unknown = reader.get(&path.replace("{}", "01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        assert_eq!(hidden.status, 404, "{path}");
        assert_eq!(
            (hidden.status, hidden.text()),
            (unknown.status, unknown.text()),
            "{path}"
        );
    }
    // Traversal and ids of other kinds in every slot: the unknown answer, no path.
    let unknown = reader.get("/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV").text();
    for path in [
        "/documents/..%2F..%2F..%2Fetc%2Fpasswd".to_string(),
        format!("/documents/{open}/pages/..%2F..%2Fservice/image"),
        format!("/documents/{open}/pages/0/image"),
        format!("/documents/{open}/pages/99/image"),
        format!("/documents/{open}?page=abc"),
        "/documents/hs-a".to_string(),
        "/assets/..%2F..%2FCargo.toml".to_string(),
    ] {
        let a = reader.get(&path);
        assert_eq!(a.status, 404, "{path}");
        let text = a.text();
        assert!(
            !text.contains("/tmp") && !text.contains("panicked") && !text.contains(".rs"),
            "{path}: {text}"
        );
        if path.starts_with("/documents/") {
            assert_eq!(text, unknown, "{path}");
        }
    }
    // The API token reads like its account, and not once revoked.
    let mut client = Visitor::new(&server);
    client.token = Some(token);
    assert_eq!(client.get(&format!("/api/v1/documents/{open}")).status, 200);
    assert_eq!(
        client.get(&format!("/api/v1/documents/{secret}")).status,
        404
    );
    let out = run(&archive, &["token", "revoke", "1"]);
    assert_eq!(code(&out), 0);
    assert_eq!(client.get(&format!("/api/v1/documents/{open}")).status, 401);
    client.token = Some("not-a-token".into());
    assert_eq!(client.get("/api/v1/search?q=x").status, 401);

    // The cleared reader sees the Mật document's record; its content needs a grant and
    // the isolated-LAN profile (tests/it/requests.rs), and answers like an unknown id.
    let mut cleared = Visitor::new(&server);
    assert_eq!(cleared.sign_in("can-bo", "mật khẩu của can-bo").status, 303);
    let record = cleared.get(&format!("/documents/{secret}"));
    assert_eq!(record.status, 200);
    assert!(
        record.text().contains("id=\"needs-request\""),
        "{}",
        record.text()
    );
    let image = cleared.get(&format!("/api/v1/documents/{secret}/pages/1/image"));
    let unknown = cleared.get("/api/v1/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV/pages/1/image");
    assert_eq!(
        (image.status, image.text()),
        (unknown.status, unknown.text())
    );

    // Cross-site POSTs and forms without the session's token are refused.
    let csrf = reader.csrf();
    let evil = reader.post(
        "/logout",
        &[("csrf", csrf.as_str())],
        Some("http://evil.example"),
    );
    assert_eq!(evil.status, 403);
    let forged = reader.post("/logout", &[("csrf", "0".repeat(64).as_str())], None);
    assert_eq!(forged.status, 403);
    assert_eq!(reader.get("/").status, 200, "still signed in");

    // The reader's own history shows their reads; the audit log has the document-level
    // ones with who and when, the access log the page views.
    let history = reader.get("/history").text();
    assert!(
        history.contains(&open) && history.contains("Xem trang") && history.contains("Mở tài liệu"),
        "{history}"
    );
    let read_kinds = |args: &[&str]| -> Vec<String> {
        let mut all = vec![
            "audit", "log", "--json", "--by", "doc-gia", "--action", "read",
        ];
        all.extend_from_slice(args);
        json(&run(&archive, &all))["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["detail"]["read"].as_str().unwrap().to_string())
            .collect()
    };
    let kinds = read_kinds(&[]);
    for kind in ["show", "get pdf"] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "no {kind} read recorded: {kinds:?}"
        );
    }
    assert!(!kinds.iter().any(|k| k == "view page"), "{kinds:?}");
    let views = read_kinds(&["--access"]);
    assert!(
        !views.is_empty() && views.iter().all(|k| k == "view page"),
        "{views:?}"
    );
    let log = json(&run(&archive, &["audit", "log", "--json"]));
    let failed = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "sign-in-failed")
        .count();
    assert_eq!(failed, 2);

    // Sign-out ends the session.
    let a = reader.post("/logout", &[("csrf", csrf.as_str())], None);
    assert_eq!(a.status, 303);
    assert_eq!(reader.get("/").status, 303);

    // Lockout: after repeated failures even the right password waits.
    let mut guesser = Visitor::new(&server);
    for _ in 0..5 {
        assert_eq!(guesser.sign_in("can-bo", "đoán sai").status, 401);
    }
    let locked = guesser.sign_in("can-bo", "mật khẩu của can-bo");
    assert_eq!(locked.status, 429);
    assert!(locked.text().contains("thử lại"), "{}", locked.text());
    assert!(guesser.cookie.is_none());

    // The access log is chained: intact, `audit verify` says so; a page view edited in it
    // is damage (exit 4) named by its entry.
    let verify = run(&archive, &["audit", "verify", "--json"]);
    let check = json(&verify);
    assert_eq!(code(&verify), 0, "{check:#}");
    assert!(
        check["access_log"]["entries"].as_u64().unwrap() >= 1,
        "{check:#}"
    );
    let access = archive.join("service/access.jsonl");
    let text = std::fs::read_to_string(&access).unwrap();
    std::fs::write(&access, text.replacen("\"page\":1", "\"page\":2", 1)).unwrap();
    let verify = run(&archive, &["audit", "verify"]);
    assert_eq!(code(&verify), 4);
    let said = String::from_utf8_lossy(&verify.stdout);
    assert!(
        said.contains("BROKEN  access log: entry ") && said.contains("was altered"),
        "{said}"
    );
    assert_eq!(code(&run(&archive, &["verify"])), 4);
}

/// A certificate for 127.0.0.1 and its key (PEM), made now by the `openssl` command.
fn test_certificate(dir: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}-cert.pem")),
        dir.join(format!("{name}-key.pem")),
    );
    let out = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=sohoa-test",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-addext",
            "extendedKeyUsage=serverAuth",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("the openssl command (scripts/install-deps.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (cert, key)
}

/// One HTTP/1.1 request over TLS to 127.0.0.1:`port`, trusting only `cert`; the answer's
/// status line and headers, and its body.
fn https(port: u16, cert: &Path, request: &str) -> (String, String) {
    use rustls::pki_types::pem::PemObject;
    use std::io::Read;
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls::pki_types::CertificateDer::pem_file_iter(cert).unwrap() {
        roots.add(c.unwrap()).unwrap();
    }
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let connection = rustls::ClientConnection::new(std::sync::Arc::new(config), name).unwrap();
    let tcp = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut tls = rustls::StreamOwned::new(connection, tcp);
    tls.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    // The server may close without a TLS close_notify: what was read is the answer.
    let _ = tls.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (head.to_string(), body.to_string())
}

#[test]
fn the_reading_room_serves_https_with_secure_cookies_and_names_a_bad_certificate_or_key() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-01");
    make_box(&box_dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    let (cert, key) = test_certificate(tmp.path(), "server");
    let (_, other_key) = test_certificate(tmp.path(), "other");

    // A certificate or key that cannot be used stops it at start, naming the file.
    let not_pem = tmp.path().join("not-a-cert.pem");
    std::fs::write(&not_pem, "không phải chứng chỉ\n").unwrap();
    let missing = tmp.path().join("missing-key.pem");
    for (c, k, named) in [
        (&not_pem, &key, &not_pem),
        (&cert, &missing, &missing),
        (&cert, &cert, &cert),
        (&cert, &other_key, &other_key),
    ] {
        let out = sohoa()
            .args(["serve", "--listen", "127.0.0.1:0", "--tls-cert"])
            .arg(c)
            .arg("--tls-key")
            .arg(k)
            .arg("--archive")
            .arg(&archive)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code(&out), 1, "{stderr}");
        assert!(
            stderr.contains(&named.display().to_string()),
            "{} {}: {stderr}",
            c.display(),
            k.display()
        );
    }

    let server = serve_with(
        &archive,
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
        "https",
    );
    let port: u16 = server.base.rsplit(':').next().unwrap().parse().unwrap();
    // The sign-in page over HTTPS.
    let (head, body) = https(
        port,
        &cert,
        "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(body.contains("name=\"username\""), "{body}");
    // Signing in sets a Secure session cookie.
    let form = "username=doc-gia&password=m%E1%BA%ADt+kh%E1%BA%A9u+c%E1%BB%A7a+doc-gia";
    let (head, _) = https(
        port,
        &cert,
        &format!(
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{form}",
            server.base,
            form.len()
        ),
    );
    assert!(head.starts_with("HTTP/1.1 303"), "{head}");
    let cookie = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .unwrap_or_else(|| panic!("no cookie: {head}"));
    assert!(
        cookie.contains("; Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // Plain HTTP on the HTTPS port gets no HTTP answer.
    let mut plain = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    plain
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    plain
        .write_all(b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = std::io::Read::read_to_end(&mut plain, &mut answer);
    assert!(!answer.starts_with(b"HTTP/1.1 200"));
    drop(server);
}
