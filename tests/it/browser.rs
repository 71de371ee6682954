//! The reading room in a real browser: Debian's `chromium`, headless, driven through
//! `chromedriver` (`WebDriver`) by fantoccini, against `sohoa serve` on a real archive
//! ingested with real OCR. Sign in, search without diacritics, open a hit, see the page
//! image and the hit boxes over the words, go to the next hit on another page, download the
//! PDF, sign out; an uncleared reader cannot reach a Mật document by search, URL, API or
//! image URL; a cross-site POST is refused; the lockout works.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::reading_room::{add_user, archive_with_a_mat_document, free_port, serve};
use crate::requests::conditional_archive;

/// A chromedriver process, stopped when dropped (also when a test fails).
pub(crate) struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn chromedriver() -> Driver {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect(
            "chromedriver (Debian package chromium-driver; scripts/install-deps.sh installs it)",
        );
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    driver
}

pub(crate) async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a chromium session")
}

/// `fetch(url)` from the page: "STATUS CONTENT-TYPE".
pub(crate) async fn fetch(c: &Client, url: &str) -> String {
    let script = "const [url, done] = arguments; \
                  fetch(url).then(r => done(r.status + ' ' + (r.headers.get('content-type') || '')), e => done('failed ' + e))";
    c.execute_async(script, vec![json!(url)])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// The text of the first element `css` selects, once the page has one.
pub(crate) async fn text_of(c: &Client, css: &str) -> String {
    let element = c.wait().for_element(Locator::Css(css)).await.unwrap();
    element.text().await.unwrap()
}

/// The `href` of the first element `css` selects, once the page has one.
pub(crate) async fn href_of(c: &Client, css: &str) -> String {
    let element = c.wait().for_element(Locator::Css(css)).await.unwrap();
    element.attr("href").await.unwrap().unwrap()
}

/// Clicks the first element `css` selects, once the page has one.
pub(crate) async fn click(c: &Client, css: &str) {
    let element = c.wait().for_element(Locator::Css(css)).await.unwrap();
    element.click().await.unwrap();
}

/// Waits (up to 20 s) until the browser is at `path` (a click's navigation is asynchronous).
pub(crate) async fn wait_for_path(c: &Client, path: &str) {
    let start = Instant::now();
    loop {
        let url = c.current_url().await.unwrap();
        if url.path() == path {
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let page = c.source().await.unwrap_or_default();
            panic!("at {url}, expected {path}:\n{page}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn sign_in(c: &Client, base: &str, name: &str, password: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    c.find(Locator::Css("input[name=username]"))
        .await
        .unwrap()
        .send_keys(name)
        .await
        .unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(password)
        .await
        .unwrap();
    click(c, "form[action='/login'] button").await;
}

#[test]
fn a_reader_searches_reads_and_signs_out_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, _, secret) = archive_with_a_mat_document(
        tmp.path(),
        &[
            ("hs-a", "hs-01-nghi-quyet/01-nq.tif", "1.tif"),
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "2.png"),
            ("hs-a", "hs-01-nghi-quyet/03-nq.jpg", "3.jpg"),
        ],
    );
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    let server = serve(&archive);
    let (_driver, runtime, c) = chromium(&tmp.path().join("profile"));
    runtime.block_on(async {
        // A failure panics here; dropping the driver then ends the browser too.
        reader_session(&c, &server.base, &secret).await;
        let _ = c.close().await;
    });
}

/// chromedriver, a runtime to drive it from, and a chromium session with its profile in
/// `profile` (dropped in that order reversed: the session, the runtime, the driver).
pub(crate) fn chromium(profile: &std::path::Path) -> (Driver, tokio::runtime::Runtime, Client) {
    let driver = chromedriver();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let c = runtime.block_on(browser(&driver, profile));
    (driver, runtime, c)
}

async fn reader_session(c: &Client, base: &str, secret: &str) {
    // Not signed in: the sign-in form.
    c.goto(&format!("{base}/")).await.unwrap();
    assert!(c.current_url().await.unwrap().as_str().ends_with("/login"));
    sign_in(c, base, "doc-gia", "mật khẩu của doc-gia").await;
    wait_for_path(c, "/").await;

    // Search without diacritics, open the first hit.
    let q = c.find(Locator::Css("input[name=q]")).await.unwrap();
    q.send_keys("chuyen doi so").await.unwrap();
    click(c, "form.search button").await;
    let total = text_of(c, "#total").await;
    assert!(!total.contains("Tìm thấy 0"), "{total}");
    click(c, "a.hit-link").await;

    // The page image is served, and the hit boxes are drawn over the words searched for.
    let image = c.find(Locator::Css("svg#scan image")).await.unwrap();
    let href = image.attr("href").await.unwrap().unwrap();
    assert_eq!(fetch(c, &href).await, "200 image/jpeg");
    let boxes = c.find_all(Locator::Css("rect.hit-box")).await.unwrap();
    assert!(!boxes.is_empty(), "no hit box on the page");
    for b in &boxes {
        let word = b.attr("data-word").await.unwrap().unwrap();
        let folded = archive_schema::fold(word.trim_matches(|ch: char| !ch.is_alphanumeric()));
        assert!(
            ["chuyen", "doi", "so"].contains(&folded.as_str()),
            "a box over {word:?}"
        );
        let width: f64 = b.attr("width").await.unwrap().unwrap().parse().unwrap();
        assert!(width > 0.0);
    }
    // Next hit: on another page of the document.
    let before = text_of(c, "#page-position").await;
    click(c, "a[rel=next-hit]").await;
    let start = Instant::now();
    let after = loop {
        let now = text_of(c, "#page-position").await;
        if now != before || start.elapsed() > Duration::from_secs(20) {
            break now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_ne!(before, after, "the next hit is on another page");
    assert!(!c
        .find_all(Locator::Css("rect.hit-box"))
        .await
        .unwrap()
        .is_empty());
    // The access PDF downloads.
    let pdf = href_of(c, "#pdf").await;
    assert_eq!(fetch(c, &pdf).await, "200 application/pdf");

    // The Mật document: not by search, URL, API or image URL; like an unknown id.
    c.goto(&format!("{base}/?q=*")).await.unwrap();
    assert!(!c.source().await.unwrap().contains(secret));
    c.goto(&format!("{base}/documents/{secret}")).await.unwrap();
    let hidden = text_of(c, "main").await;
    c.goto(&format!("{base}/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV"))
        .await
        .unwrap();
    let unknown = text_of(c, "main").await;
    assert_eq!(hidden, unknown);
    for url in [
        format!("/api/v1/documents/{secret}"),
        format!("/documents/{secret}/pages/1/image"),
        format!("/documents/{secret}/pdf"),
    ] {
        assert!(fetch(c, &url).await.starts_with("404 "), "{url}");
    }

    // A cross-site POST (a page of another origin submitting to sign-out) is refused.
    let evil = format!(
        "data:text/html,<form id=f method=post action='{base}/logout'><input name=csrf value=x></form>\
         <script>document.getElementById('f').submit()</script>"
    );
    c.goto(&evil).await.unwrap();
    c.wait().for_element(Locator::Css("body")).await.unwrap();
    c.goto(&format!("{base}/account")).await.unwrap();
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/account",
        "still signed in"
    );

    // Sign out.
    click(c, "#logout").await;
    wait_for_path(c, "/login").await;
    c.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/login");

    // Lockout: five wrong passwords, then even the right one waits.
    for _ in 0..5 {
        sign_in(c, base, "doc-gia", "sai mật khẩu").await;
        let text = text_of(c, "p.error").await;
        assert!(text.contains("không đúng"), "{text}");
    }
    sign_in(c, base, "doc-gia", "mật khẩu của doc-gia").await;
    let text = text_of(c, "p.error").await;
    assert!(text.contains("thử lại"), "{text}");
}

/// A reading request in chromium: a reader finds a conditional-access document (chế độ sử
/// dụng 02) whose content needs a grant, requests it from its page with a purpose, an
/// approver approves it from the queue, and the reader, notified, reads its scan.
#[test]
fn a_reader_requests_a_document_an_approver_grants_it_the_reader_reads_it_until_it_expires_in_chromium(
) {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, doc, _) = conditional_archive(tmp.path());
    add_user(&archive, "doc-gia", &["--role", "reader"]);
    add_user(&archive, "duyet", &["--role", "approver"]);
    let server = serve(&archive);
    let (_driver, runtime, c) = chromium(&tmp.path().join("profile"));
    runtime.block_on(async {
        request_session(&c, &server.base, &doc).await;
        // The grant's last day passes (its expiry date moved into the past, as the HTTP
        // test does): the same page shows the record again without the scan or the text.
        let db = rusqlite::Connection::open(archive.join("service/accounts.sqlite3")).unwrap();
        let ended = db
            .execute("UPDATE grants SET expires = '2001-01-01'", [])
            .unwrap();
        assert_eq!(ended, 1);
        c.refresh().await.unwrap();
        text_of(&c, "#needs-request").await;
        assert!(c
            .find_all(Locator::Css("svg#scan"))
            .await
            .unwrap()
            .is_empty());
        let _ = c.close().await;
    });
}

async fn request_session(c: &Client, base: &str, doc: &str) {
    // The reader: the document's record, no scan; request it with a purpose.
    sign_in(c, base, "doc-gia", "mật khẩu của doc-gia").await;
    wait_for_path(c, "/").await;
    c.goto(&format!("{base}/documents/{doc}")).await.unwrap();
    text_of(c, "#needs-request").await;
    assert!(c
        .find_all(Locator::Css("svg#scan"))
        .await
        .unwrap()
        .is_empty());
    click(c, "#request-document").await;
    wait_for_path(c, "/requests/new").await;
    c.find(Locator::Css("textarea[name=purpose]"))
        .await
        .unwrap()
        .send_keys("Nghiên cứu lịch sử Đảng bộ tỉnh")
        .await
        .unwrap();
    click(c, "#submit-request").await;
    wait_for_path(c, "/requests").await;
    let state = text_of(c, "#requests td.state").await;
    assert_eq!(state, "chờ duyệt");
    click(c, "#logout").await;
    wait_for_path(c, "/login").await;

    // The approver: the queue, with the request's deadline; approve it.
    sign_in(c, base, "duyet", "mật khẩu của duyet").await;
    wait_for_path(c, "/").await;
    click(c, "#request-queue").await;
    wait_for_path(c, "/requests/queue").await;
    let due = text_of(c, "span.due").await;
    assert!(due.starts_with("20"), "{due}");
    click(c, "form.decision button.approve").await;
    let start = Instant::now();
    while !c
        .source()
        .await
        .unwrap()
        .contains("Không có phiếu nào chờ duyệt")
    {
        assert!(start.elapsed() < Duration::from_secs(20), "not decided");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    click(c, "#logout").await;
    wait_for_path(c, "/login").await;

    // The reader: notified; the document's scan and text are there now.
    sign_in(c, base, "doc-gia", "mật khẩu của doc-gia").await;
    wait_for_path(c, "/").await;
    assert_eq!(text_of(c, "#unseen").await, "1");
    click(c, "#my-requests").await;
    wait_for_path(c, "/requests").await;
    assert!(text_of(c, "#notifications").await.contains("đã được duyệt"));
    assert_eq!(text_of(c, "#requests td.state").await, "đã duyệt");
    c.goto(&format!("{base}/documents/{doc}")).await.unwrap();
    let image = c.find(Locator::Css("svg#scan image")).await.unwrap();
    let href = image.attr("href").await.unwrap().unwrap();
    assert_eq!(fetch(c, &href).await, "200 image/jpeg");
    assert!(!text_of(c, "#page-text").await.trim().is_empty());
    // A read grant: no PDF.
    assert!(c.find_all(Locator::Id("pdf")).await.unwrap().is_empty());
}
