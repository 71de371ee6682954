//! The reading room over HTTP at scale: `sohoa serve` on an archive of generated pages,
//! searched by 1, 4 and 16 concurrent API clients, page images viewed, the server's memory.
//!
//! `cargo bench --bench serve_http [-- --pages N] [--archive DIR] [--queries N] [--json]`
//! (default 100,000 generated pages; `--archive DIR` keeps the archive there and reuses it
//! on the next run with the same DIR).
//!
//! The archive: the sample box `sample-scans/box-01` ingested by `sohoa ingest` (real scans,
//! real OCR: the page images come from it), then the generated corpus of `search_scale`
//! (`common::corpus`) stored through the library's store (one hồ sơ object per 20
//! documents, each with its source, hồ sơ and document records; 2 % of the documents with
//! chế độ sử dụng Mật) and indexed through its index code. Generated documents have no page
//! records or scans: searching reads only the index and the document records.
//!
//! Measured, against the release `sohoa serve` on loopback, with a reader without clearance
//! (so the Mật documents are excluded from every search) using an API token:
//! - the first search after the server starts (it reads every document record once);
//! - for 1, 4 and 16 clients (threads with keep-alive connections), the same queries of
//!   every kind (`common::corpus::query_kinds`) spread over the clients: searches per second,
//!   and p50 / p99 latency per kind;
//! - each sample page's image at width 800, first view (rendered and cached) and cached
//!   (10 views each, 1 and 16 clients);
//! - IIIF: each sample document's Presentation 3 manifest, and a Content Search 1.0 query
//!   (what Mirador asks) in each of them, with 1 and 16 clients: p50 / p99, requests per
//!   second (each opening of a manifest or search is a recorded read, as in the reading
//!   room: its audit entry is part of the latency);
//! - IIIF Image API level 1 regions of each sample page: the first region of a page (its
//!   largest rendering made from the scan, cached on disk, decoded and kept in memory),
//!   then other regions of the same pages, 512-pixel tiles at full scale and at half
//!   scale as a viewer asks for them (cut from the decoded rendering in memory), with 1 and
//!   16 clients, and a thumbnail (`full/,120`) of each page;
//! - reading requests (`--requests N`, default 30): a reader's request for one of the
//!   sample box's documents, made conditional (chế độ sử dụng 02) for it, submitted
//!   (`POST /api/v1/requests`) and approved (`POST …/decision`) N times: p50 / p99 of each;
//!   and the grant check's cost on a document view (`GET documents/{id}` and its first
//!   page's words, 1 client): the same document viewed while open (no grant needed) and,
//!   conditional, under the reader's N grants, in alternating rounds;
//! - the server's peak RSS (`VmHWM` of its process).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use archive_schema::{HoSoRecord, TaiLieuRecord, Valued};
use pipeline::index::{IndexedDocument, SearchIndex, SearchOptions};
use pipeline::store::ocfl::{FileSource, User};
use pipeline::store::records::{
    document_path, DocumentRecord, DocumentSummary, HoSoMetadata, SourceRecord, HOSO_PATH,
    SOURCE_PATH,
};
use pipeline::store::Archive;

mod common;

use common::corpus::{dir_bytes, percentile, query_kinds, Corpus};

const DOCUMENTS_PER_HOSO: usize = 20;
const CLIENTS: [usize; 3] = [1, 4, 16];
const IMAGE_WIDTH: u32 = 800;
const CACHED_VIEWS: usize = 10;
/// Rounds of IIIF requests over the sample documents.
const IIIF_ROUNDS: usize = 10;
/// Content Search queries in each sample document (without diacritics).
const IIIF_QUERIES: [&str; 3] = ["dang", "nghi quyet", "van thu"];
/// Tiles per sample page measured from the decoded rendering in memory (IIIF regions).
const TILES_PER_PAGE: u32 = 6;
/// Marks an archive this bench finished building (and how many pages it generated).
const READY: &str = "serve-bench-ready";

struct Options {
    pages: usize,
    archive: Option<PathBuf>,
    queries_per_kind: usize,
    requests: usize,
    json: bool,
}

/// Views of one document per round of the grant check's measurement, and rounds.
const DOCUMENT_VIEWS: usize = 20;
const VIEW_ROUNDS: usize = 5;

fn options() -> Options {
    let mut o = Options {
        pages: 100_000,
        archive: None,
        queries_per_kind: 60,
        requests: 30,
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pages" => o.pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.pages),
            "--queries" => {
                o.queries_per_kind = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(o.queries_per_kind);
            }
            "--archive" => o.archive = args.next().map(PathBuf::from),
            "--requests" => {
                o.requests = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(o.requests);
            }
            "--json" => o.json = true,
            "--bench" => {}
            other => eprintln!("note: ignoring argument {other}"),
        }
    }
    o
}

fn sohoa(archive: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(common::sohoa_bin())
        .args(args)
        .arg("--archive")
        .arg(archive)
        .output()
        .expect("sohoa runs");
    assert!(
        out.status.success() || out.status.code() == Some(3),
        "sohoa {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// What building the archive measured.
struct Built {
    pages: usize,
    documents: usize,
    objects: usize,
    store_s: f64,
    index_s: f64,
    /// Texts of some generated pages, for drawing queries.
    sample_pages: Vec<String>,
    /// The sample box's documents (id, pages): real scans.
    scanned: Vec<(String, u64)>,
}

/// The stored records of one generated hồ sơ: its source, hồ sơ and document records.
fn hoso_files(object: &str, docs: &[IndexedDocument]) -> BTreeMap<String, FileSource> {
    let mut files = BTreeMap::new();
    files.insert(
        SOURCE_PATH.to_string(),
        json(&SourceRecord {
            box_name: docs[0].box_name.clone(),
            hoso: docs[0].hoso.clone(),
            box_sidecar: None,
            hoso_sidecar: None,
        }),
    );
    files.insert(
        HOSO_PATH.to_string(),
        json(&HoSoMetadata {
            id: object.to_string(),
            record: HoSoRecord::default(),
        }),
    );
    let mut first_page = 1u32;
    for (ordinal, doc) in docs.iter().enumerate() {
        let pages = u32::try_from(doc.pages.len()).expect("a few pages");
        let record = DocumentRecord {
            id: doc.id.clone(),
            ordinal: u32::try_from(ordinal).expect("a few documents") + 1,
            pages: (first_page..first_page + pages).collect(),
            summary: DocumentSummary {
                title: doc.title.clone(),
                doc_type: doc.doc_type.clone(),
                symbol: doc.symbol.clone(),
                date: doc.date.clone(),
                issuer: doc.issuer.clone(),
            },
            record: TaiLieuRecord {
                ten_loai: Some(Valued::given(doc.doc_type.clone())),
                che_do_su_dung: doc.restricted.then(|| Valued::given("03".to_string())),
                ..Default::default()
            },
            review_notes: Vec::new(),
            approval: None,
            reviewed: true,
            format: None,
        };
        first_page += pages;
        files.insert(document_path(&doc.id), json(&record));
    }
    files
}

fn json(record: &impl serde::Serialize) -> FileSource {
    FileSource::Bytes(serde_json::to_vec_pretty(record).expect("records serialise"))
}

/// Ingests the sample box, then stores and indexes `pages` generated pages.
fn build(dir: &Path, pages_wanted: usize) -> Built {
    // The sample box, once (a run interrupted while generating keeps it).
    let sample = dir.join("serve-bench-sample.json");
    let scanned: Vec<(String, u64)> = if let Ok(text) = std::fs::read_to_string(&sample) {
        serde_json::from_str(&text).expect("the sample list is JSON")
    } else {
        let started = Instant::now();
        eprintln!("ingesting the sample box (real OCR)…");
        sohoa(
            dir,
            &[
                "ingest",
                &common::sample_box_dir().display().to_string(),
                "--json",
                "--no-progress",
            ],
        );
        eprintln!(
            "sample box ingested in {:.0} s",
            started.elapsed().as_secs_f64()
        );
        let listed: serde_json::Value =
            serde_json::from_slice(&sohoa(dir, &["list", "--json"]).stdout).expect("list JSON");
        let scanned: Vec<(String, u64)> = listed["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                (
                    d["id"].as_str().unwrap_or_default().to_string(),
                    d["page_count"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        std::fs::write(&sample, serde_json::to_string(&scanned).expect("JSON"))
            .expect("the sample list is written");
        scanned
    };
    let archive = Archive::open(dir).expect("the archive");
    let _lock = archive.lock().expect("the writer lock");
    let index = SearchIndex::open_or_create(&archive.index_dir()).expect("the index");
    let user = User {
        name: "serve_http bench".into(),
        address: None,
    };
    let mut corpus = Corpus::default();
    let mut built = Built {
        pages: 0,
        documents: 0,
        objects: 0,
        store_s: 0.0,
        index_s: 0.0,
        sample_pages: Vec::new(),
        scanned,
    };
    let mut batch: Vec<IndexedDocument> = Vec::new();
    let mut batch_pages = 0;
    while built.pages < pages_wanted {
        // One hồ sơ of documents.
        let mut hoso = Vec::new();
        while hoso.len() < DOCUMENTS_PER_HOSO && built.pages < pages_wanted {
            let doc = corpus.document(built.documents);
            built.documents += 1;
            built.pages += doc.pages.len();
            if built.sample_pages.len() < 400 && built.documents.is_multiple_of(7) {
                built.sample_pages.push(doc.pages[0].text.clone());
            }
            hoso.push(doc);
        }
        let object = format!("GEN{:07}", built.objects);
        built.objects += 1;
        let files = hoso_files(&object, &hoso);
        let t = Instant::now();
        archive
            .storage()
            .commit_version(&object, &files, "serve_http bench", &user)
            .expect("the hồ sơ is stored");
        built.store_s += t.elapsed().as_secs_f64();
        batch_pages += hoso.iter().map(|d| d.pages.len()).sum::<usize>();
        batch.extend(hoso);
        if batch_pages >= 5_000 || built.pages >= pages_wanted {
            let t = Instant::now();
            index.replace_documents(&batch).expect("indexing");
            built.index_s += t.elapsed().as_secs_f64();
            batch.clear();
            batch_pages = 0;
            eprint!("\rstored and indexed {} pages", built.pages);
        }
    }
    eprintln!();
    // Let the background merges finish before the server opens the index.
    drop(index);
    built
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// `sohoa serve` on a free loopback port; killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(archive: &Path) -> Server {
        let port = free_port();
        let child = Command::new(common::sohoa_bin())
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--archive",
            ])
            .arg(archive)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sohoa serve starts");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A `VmHWM` / `VmRSS` line of the server process's status, in KiB.
    fn memory_kib(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse().ok())
            })
            .unwrap_or(0)
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// GETs `url` with the token; the status and body length.
fn get(agent: &ureq::Agent, url: &str, token: &str, accept: Option<&str>) -> (u16, usize) {
    let mut r = agent
        .get(url)
        .header("Authorization", format!("Bearer {token}"));
    if let Some(a) = accept {
        r = r.header("Accept", a);
    }
    let mut answer = r.call().expect("the server answers");
    let body = answer.body_mut().read_to_vec().expect("a body");
    (answer.status().as_u16(), body.len())
}

/// Query parameters of a search with `options`.
fn search_url(base: &str, query: &str, options: &SearchOptions) -> String {
    let mut params = vec![
        ("q", query.to_string()),
        ("limit", options.limit.to_string()),
    ];
    if let Some(t) = &options.doc_type {
        params.push(("type", t.clone()));
    }
    if let Some(i) = &options.issuer {
        params.push(("issuer", i.clone()));
    }
    if let Some(f) = &options.from {
        params.push(("from", f.clone()));
    }
    if let Some(t) = &options.to {
        params.push(("to", t.clone()));
    }
    let encoded: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("{base}/api/v1/search?{}", encoded.join("&"))
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Runs `jobs` (each a URL with a label) on `clients` threads, each taking the next job;
/// wall time and (label, latency) of each.
fn run_clients(
    clients: usize,
    jobs: &[(usize, String)],
    token: &str,
    accept: Option<&str>,
) -> (Duration, Vec<(usize, Duration)>) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let timings: Vec<(usize, Duration)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let next = Arc::clone(&next);
                scope.spawn(move || {
                    let agent = agent();
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((label, url)) = jobs.get(i) else {
                            break;
                        };
                        let t = Instant::now();
                        let (status, _) = get(&agent, url, token, accept);
                        mine.push((*label, t.elapsed()));
                        assert_eq!(status, 200, "{url}");
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a client"))
            .collect()
    });
    (started.elapsed(), timings)
}

/// POSTs `body` as JSON with the token; the status and the answer as JSON.
fn post_json(
    agent: &ureq::Agent,
    url: &str,
    token: &str,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut answer = agent
        .post(url)
        .header("Authorization", format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .expect("the server answers");
    let bytes = answer.body_mut().read_to_vec().expect("a body");
    (
        answer.status().as_u16(),
        serde_json::from_slice(&bytes).unwrap_or_default(),
    )
}

/// An account `name` with `role` and an API token for it (the account may exist already).
fn account_token(dir: &Path, name: &str, role: &str) -> String {
    let mut add = Command::new(common::sohoa_bin())
        .args(["user", "add", name, "--role", role, "--password-stdin"])
        .arg("--archive")
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sohoa user add");
    writeln!(add.stdin.take().expect("stdin"), "mật khẩu đọc thử 2026").expect("a password");
    add.wait().expect("user add ends"); // fails harmlessly when the account exists
    let token: serde_json::Value =
        serde_json::from_slice(&sohoa(dir, &["token", "create", "--user", name, "--json"]).stdout)
            .expect("the token as JSON");
    token["token"].as_str().expect("a token").to_string()
}

/// Reading requests and the grant check (see the module doc).
struct RequestTimes {
    submit: Vec<Duration>,
    decide: Vec<Duration>,
    /// The open document, by a reader holding no grant.
    ungranted_view: Vec<Duration>,
    /// The open document, by the reader holding the grants.
    open_view: Vec<Duration>,
    granted_view: Vec<Duration>,
}

/// One document view as the API gives it: the document and its first page's words.
fn document_view(agent: &ureq::Agent, base: &str, id: &str, token: &str) -> Duration {
    let t = Instant::now();
    for url in [
        format!("{base}/api/v1/documents/{id}"),
        format!("{base}/api/v1/documents/{id}/pages/1/words"),
    ] {
        assert_eq!(get(agent, &url, token, None).0, 200, "{url}");
    }
    t.elapsed()
}

fn views(agent: &ureq::Agent, base: &str, id: &str, token: &str) -> Vec<Duration> {
    for _ in 0..3 {
        document_view(agent, base, id, token); // warm (the store's records after a change)
    }
    (0..DOCUMENT_VIEWS)
        .map(|_| document_view(agent, base, id, token))
        .collect()
}

fn set_regime(dir: &Path, id: &str, code: &str) {
    let set = format!("che_do_su_dung={code}");
    let out = sohoa(
        dir,
        &["edit", id, "--set", &set, "--reason", "serve_http bench"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn requests_bench(
    dir: &Path,
    base: &str,
    agent: &ureq::Agent,
    token: &str,
    doc: &str,
    n: usize,
) -> RequestTimes {
    let approver = account_token(dir, "duyet-thu", "approver");
    set_regime(dir, doc, "02");
    let (mut submit, mut decide) = (Vec::new(), Vec::new());
    for _ in 0..n {
        let t = Instant::now();
        let (status, request) = post_json(
            agent,
            &format!("{base}/api/v1/requests"),
            token,
            &serde_json::json!({"items": [doc], "purpose": "đo thời gian", "form": "read"}),
        );
        submit.push(t.elapsed());
        assert_eq!(status, 201, "{request}");
        let id = request["id"].as_i64().expect("a request id");
        let t = Instant::now();
        let (status, decided) = post_json(
            agent,
            &format!("{base}/api/v1/requests/{id}/decision"),
            &approver,
            &serde_json::json!({"decision": "approve", "reason": "đo thời gian"}),
        );
        decide.push(t.elapsed());
        assert_eq!(status, 200, "{decided}");
    }
    // Open and granted views in alternating rounds, so that all meet the same load: the
    // open document by a reader holding no grant and by the reader holding the grants,
    // then the conditional one by the latter.
    let other = account_token(dir, "doc-gia-hai", "reader");
    let (mut ungranted_view, mut open_view, mut granted_view) =
        (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..VIEW_ROUNDS {
        set_regime(dir, doc, "01");
        ungranted_view.extend(views(agent, base, doc, &other));
        open_view.extend(views(agent, base, doc, token));
        set_regime(dir, doc, "02");
        granted_view.extend(views(agent, base, doc, token));
    }
    set_regime(dir, doc, "01");
    RequestTimes {
        submit,
        decide,
        ungranted_view,
        open_view,
        granted_view,
    }
}

fn p(times: &[Duration], q: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort();
    percentile(&sorted, q)
}

fn main() {
    let o = options();
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = o
        .archive
        .clone()
        .unwrap_or_else(|| tmp.path().join("archive"));
    let ready = dir.join(READY);
    let built = if let Ok(text) = std::fs::read_to_string(&ready) {
        let b: serde_json::Value = serde_json::from_str(&text).expect("the marker is JSON");
        eprintln!("reusing the archive in {}", dir.display());
        Built {
            pages: b["pages"].as_u64().unwrap_or(0) as usize,
            documents: b["documents"].as_u64().unwrap_or(0) as usize,
            objects: b["objects"].as_u64().unwrap_or(0) as usize,
            store_s: b["store_s"].as_f64().unwrap_or(0.0),
            index_s: b["index_s"].as_f64().unwrap_or(0.0),
            sample_pages: serde_json::from_value(b["sample_pages"].clone()).unwrap_or_default(),
            scanned: serde_json::from_value(b["scanned"].clone()).unwrap_or_default(),
        }
    } else {
        let b = build(&dir, o.pages);
        let marker = serde_json::json!({
            "pages": b.pages, "documents": b.documents, "objects": b.objects,
            "store_s": b.store_s, "index_s": b.index_s, "sample_pages": b.sample_pages, "scanned": b.scanned,
        });
        std::fs::write(&ready, marker.to_string()).expect("the marker is written");
        b
    };

    // A reader without clearance, with an API token.
    let token = account_token(&dir, "doc-gia", "reader");

    let server = Server::start(&dir);
    let agent = agent();
    // The first search: the server reads every document record once.
    let t = Instant::now();
    let (status, _) = get(
        &agent,
        &format!("{}/api/v1/search?q=nghi+quyet", server.base),
        &token,
        None,
    );
    assert_eq!(status, 200);
    let first_search = t.elapsed();
    let rss_after_first = server.memory_kib("VmRSS:");

    // Searches.
    let kinds = query_kinds(&built.sample_pages, o.queries_per_kind);
    let mut jobs: Vec<(usize, String)> = Vec::new();
    for (k, (_, queries)) in kinds.iter().enumerate() {
        for (q, options) in queries {
            jobs.push((k, search_url(&server.base, q, options)));
        }
    }
    // Interleave the kinds, so every kind meets every level of load.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| (i % o.queries_per_kind, i / o.queries_per_kind));
    let jobs: Vec<(usize, String)> = order.into_iter().map(|i| jobs[i].clone()).collect();
    // One warm-up pass (the index's pages into the page cache).
    run_clients(2, &jobs, &token, None);
    let mut levels = Vec::new();
    for clients in CLIENTS {
        eprintln!("{clients} clients…");
        let (wall, timings) = run_clients(clients, &jobs, &token, None);
        let per_kind: Vec<(f64, f64)> = (0..kinds.len())
            .map(|k| {
                let times: Vec<Duration> = timings
                    .iter()
                    .filter(|(l, _)| *l == k)
                    .map(|(_, t)| *t)
                    .collect();
                (p(&times, 0.5), p(&times, 0.99))
            })
            .collect();
        let all: Vec<Duration> = timings.iter().map(|(_, t)| *t).collect();
        levels.push((
            clients,
            jobs.len() as f64 / wall.as_secs_f64(),
            p(&all, 0.5),
            p(&all, 0.99),
            per_kind,
        ));
    }

    // Page images of the sample box's documents (as the reader may see them).
    let mut image_urls = Vec::new();
    for (id, pages) in &built.scanned {
        for n in 1..=*pages {
            image_urls.push((
                0,
                format!(
                    "{}/api/v1/documents/{id}/pages/{n}/image?width={IMAGE_WIDTH}",
                    server.base
                ),
            ));
        }
    }
    let (_, first_views) = run_clients(1, &image_urls, &token, None);
    let first: Vec<Duration> = first_views.iter().map(|(_, t)| *t).collect();
    let repeated: Vec<(usize, String)> = (0..CACHED_VIEWS)
        .flat_map(|_| image_urls.iter().cloned())
        .collect();
    let cached: Vec<(usize, Duration, Vec<Duration>)> = [1, 16]
        .into_iter()
        .map(|clients| {
            let (wall, t) = run_clients(clients, &repeated, &token, None);
            (clients, wall, t.into_iter().map(|(_, t)| t).collect())
        })
        .collect();
    // The same pages as lossless WebP (`format=webp`): first view and size against the JPEG.
    let (mut webp_first, mut jpeg_bytes, mut webp_bytes) = (Vec::new(), 0usize, 0usize);
    for (_, url) in &image_urls {
        jpeg_bytes += get(&agent, url, &token, None).1;
        let t = Instant::now();
        let (status, size) = get(&agent, &format!("{url}&format=webp"), &token, None);
        webp_first.push(t.elapsed());
        assert_eq!(status, 200);
        webp_bytes += size;
    }
    // IIIF Image API level 1: the first region of each page, then tiles of the same pages.
    let mut first_regions = Vec::new();
    let mut tiles = Vec::new();
    let mut thumbnails = Vec::new();
    for (id, pages) in &built.scanned {
        for n in 1..=*pages {
            let service = format!("{}/iiif/{id}/{n}", server.base);
            first_regions.push((0, format!("{service}/0,0,512,512/512,512/0/default.jpg")));
            for t in 1..=TILES_PER_PAGE {
                // Full-scale tiles, and half-scale ones (1024 px of scan in 512 px), as
                // OpenSeadragon asks them at two zoom levels; all inside the sample box's
                // smallest scans (1653 × 2339).
                let (x, y) = (512 * (t % 3), 512 * (t / 3));
                tiles.push((
                    0,
                    format!("{service}/{x},{y},512,512/512,512/0/default.jpg"),
                ));
                let (x, y) = (1024 * (t % 2), 1024 * ((t / 2) % 2));
                tiles.push((
                    0,
                    format!("{service}/{x},{y},1024,1024/512,512/0/default.jpg"),
                ));
            }
            thumbnails.push((0, format!("{service}/full/,120/0/default.jpg")));
        }
    }
    let (_, t) = run_clients(1, &first_regions, &token, None);
    let region_first: Vec<Duration> = t.into_iter().map(|(_, t)| t).collect();
    let region_cached: Vec<(usize, Duration, Vec<Duration>)> = [1, 16]
        .into_iter()
        .map(|clients| {
            let (wall, t) = run_clients(clients, &tiles, &token, None);
            (clients, wall, t.into_iter().map(|(_, t)| t).collect())
        })
        .collect();
    let (_, t) = run_clients(1, &thumbnails, &token, None);
    let thumbnail_times: Vec<Duration> = t.into_iter().map(|(_, t)| t).collect();
    // IIIF: manifests and Content Search (1.0) in the sample documents.
    let mut manifests = Vec::new();
    let mut searches = Vec::new();
    for _ in 0..IIIF_ROUNDS {
        for (id, _) in &built.scanned {
            manifests.push((0, format!("{}/iiif/{id}/manifest", server.base)));
            for q in IIIF_QUERIES {
                searches.push((
                    0,
                    format!("{}/iiif/{id}/search1?q={}", server.base, encode(q)),
                ));
            }
        }
    }
    let iiif: Vec<(&str, usize, Duration, Vec<Duration>)> =
        [("manifest", &manifests), ("content search 1.0", &searches)]
            .into_iter()
            .flat_map(|(name, jobs)| {
                let token = &token;
                [1, 16].into_iter().map(move |clients| {
                    let (wall, t) = run_clients(clients, jobs, token, None);
                    (name, clients, wall, t.into_iter().map(|(_, t)| t).collect())
                })
            })
            .collect();
    let doc = &built.scanned.first().expect("a scanned document").0;
    let requests = requests_bench(&dir, &server.base, &agent, &token, doc, o.requests);
    let peak_kib = server.memory_kib("VmHWM:");
    let index_bytes = dir_bytes(&dir.join("index"));
    drop(server);
    let overhead = p(&requests.granted_view, 0.5) / p(&requests.ungranted_view, 0.5) - 1.0;

    if o.json {
        let out = serde_json::json!({
            "pages": built.pages,
            "documents": built.documents,
            "objects": built.objects,
            "index_bytes": index_bytes,
            "store_s": built.store_s,
            "index_s": built.index_s,
            "first_search_ms": first_search.as_secs_f64() * 1000.0,
            "rss_after_first_search_kib": rss_after_first,
            "peak_rss_kib": peak_kib,
            "search": levels.iter().map(|(c, qps, p50, p99, per_kind)| serde_json::json!({
                "clients": c, "searches_per_s": qps, "p50_ms": p50, "p99_ms": p99,
                "kinds": per_kind.iter().zip(&kinds).map(|((p50, p99), (name, _))| serde_json::json!({
                    "kind": name, "p50_ms": p50, "p99_ms": p99})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "image_first_view_ms": {"p50": p(&first, 0.5), "p99": p(&first, 0.99), "n": first.len()},
            "webp_first_view_ms": {"p50": p(&webp_first, 0.5), "p99": p(&webp_first, 0.99)},
            "jpeg_bytes": jpeg_bytes, "webp_bytes": webp_bytes,
            "requests": {
                "n": requests.submit.len(),
                "submit_ms": {"p50": p(&requests.submit, 0.5), "p99": p(&requests.submit, 0.99)},
                "decide_ms": {"p50": p(&requests.decide, 0.5), "p99": p(&requests.decide, 0.99)},
                "document_view_no_grants_ms": {"p50": p(&requests.ungranted_view, 0.5), "p99": p(&requests.ungranted_view, 0.99)},
                "document_view_open_ms": {"p50": p(&requests.open_view, 0.5), "p99": p(&requests.open_view, 0.99)},
                "document_view_granted_ms": {"p50": p(&requests.granted_view, 0.5), "p99": p(&requests.granted_view, 0.99)},
                "grant_check_overhead": overhead,
            },
            "image_cached_ms": cached.iter().map(|(c, wall, t)| serde_json::json!({
                "clients": c, "p50": p(t, 0.5), "p99": p(t, 0.99), "n": t.len(),
                "per_s": t.len() as f64 / wall.as_secs_f64()})).collect::<Vec<_>>(),
            "iiif_region_first_ms": {"p50": p(&region_first, 0.5), "p99": p(&region_first, 0.99), "n": region_first.len()},
            "iiif_region_cached_ms": region_cached.iter().map(|(c, wall, t)| serde_json::json!({
                "clients": c, "p50": p(t, 0.5), "p99": p(t, 0.99), "n": t.len(),
                "per_s": t.len() as f64 / wall.as_secs_f64()})).collect::<Vec<_>>(),
            "iiif_thumbnail_ms": {"p50": p(&thumbnail_times, 0.5), "p99": p(&thumbnail_times, 0.99)},
            "iiif_ms": iiif.iter().map(|(name, c, wall, t)| serde_json::json!({
                "request": name, "clients": c, "p50": p(t, 0.5), "p99": p(t, 0.99), "n": t.len(),
                "per_s": t.len() as f64 / wall.as_secs_f64()})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
        return;
    }
    println!("# The reading room over HTTP (`serve_http`)\n");
    common::print_machine(1);
    println!(
        "{} pages in {} documents, {} hồ sơ objects (+ the sample box); index {:.0} MB; \
         stored in {:.0} s, indexed in {:.0} s\n",
        built.pages,
        built.documents,
        built.objects,
        index_bytes as f64 / 1e6,
        built.store_s,
        built.index_s
    );
    println!(
        "First search after start (reads every document record): {:.0} ms; server RSS then {:.0} MB\n",
        first_search.as_secs_f64() * 1000.0,
        rss_after_first as f64 / 1024.0
    );
    print!("| clients | searches/s | p50 | p99 |");
    for (name, _) in &kinds {
        print!(" {name} p50 / p99 |");
    }
    println!();
    println!("|{}", "---:|".repeat(4 + kinds.len()));
    for (c, qps, p50, p99, per_kind) in &levels {
        print!("| {c} | {qps:.0} | {p50:.1} ms | {p99:.1} ms |");
        for (a, b) in per_kind {
            print!(" {a:.1} / {b:.1} ms |");
        }
        println!();
    }
    println!(
        "\n| page image (width {IMAGE_WIDTH}, {} pages) | clients | p50 | p99 | per s |\n|---|---:|---:|---:|---:|",
        first.len()
    );
    println!(
        "| first view (decoded, scaled, encoded, cached) | 1 | {:.1} ms | {:.1} ms | |",
        p(&first, 0.5),
        p(&first, 0.99)
    );
    for (c, wall, t) in &cached {
        println!(
            "| cached ({CACHED_VIEWS} views each) | {c} | {:.1} ms | {:.1} ms | {:.0} |",
            p(t, 0.5),
            p(t, 0.99),
            t.len() as f64 / wall.as_secs_f64()
        );
    }
    println!(
        "| lossless WebP, first view | 1 | {:.1} ms | {:.1} ms | |",
        p(&webp_first, 0.5),
        p(&webp_first, 0.99)
    );
    println!(
        "\nSizes at width {IMAGE_WIDTH}, all {} pages: JPEG (quality 85) {:.0} KB, lossless WebP \
         {:.0} KB ({:.1}× the JPEG)",
        image_urls.len(),
        jpeg_bytes as f64 / 1e3,
        webp_bytes as f64 / 1e3,
        webp_bytes as f64 / jpeg_bytes.max(1) as f64
    );
    println!(
        "\n| IIIF ({} sample documents) | clients | p50 | p99 | per s |\n|---|---:|---:|---:|---:|",
        built.scanned.len()
    );
    for (name, c, wall, t) in &iiif {
        println!(
            "| {name} | {c} | {:.1} ms | {:.1} ms | {:.0} |",
            p(t, 0.5),
            p(t, 0.99),
            t.len() as f64 / wall.as_secs_f64()
        );
    }
    println!(
        "\n| IIIF Image API level 1 ({} pages) | clients | p50 | p99 | per s |\n|---|---:|---:|---:|---:|",
        region_first.len()
    );
    println!(
        "| first region of a page (rendering made, decoded, kept) | 1 | {:.1} ms | {:.1} ms | |",
        p(&region_first, 0.5),
        p(&region_first, 0.99)
    );
    for (c, wall, t) in &region_cached {
        println!(
            "| 512-px tiles, full and half scale ({} per page), rendering in memory | {c} | {:.1} ms | {:.1} ms | {:.0} |",
            2 * TILES_PER_PAGE,
            p(t, 0.5),
            p(t, 0.99),
            t.len() as f64 / wall.as_secs_f64()
        );
    }
    println!(
        "| thumbnail `full/,120` (its fixed-size rendering made from the scan, then cut) | 1 | {:.1} ms | {:.1} ms | |",
        p(&thumbnail_times, 0.5),
        p(&thumbnail_times, 0.99)
    );
    println!(
        "\n| reading requests ({} of one reader, 1 client) | p50 | p99 |\n|---|---:|---:|",
        requests.submit.len()
    );
    for (what, t) in [
        ("submission (`POST /api/v1/requests`)", &requests.submit),
        ("decision, approved (`POST …/decision`)", &requests.decide),
        (
            "document view, open document, a reader holding no grant",
            &requests.ungranted_view,
        ),
        (
            "document view, open document, the reader holding the grants",
            &requests.open_view,
        ),
        (
            "document view, the same document conditional, under the grants",
            &requests.granted_view,
        ),
    ] {
        println!("| {what} | {:.1} ms | {:.1} ms |", p(t, 0.5), p(t, 0.99));
    }
    println!(
        "\nThe grant check adds {:+.1} % to a document view (p50, the conditional document under \
         a grant against the open one by a reader holding none; the document and its first \
         page's words, {} views each in {VIEW_ROUNDS} alternating rounds; the reader holds at \
         least {} grants)",
        overhead * 100.0,
        requests.open_view.len(),
        requests.decide.len()
    );
    println!(
        "\nServer peak RSS (VmHWM): {:.0} MB",
        peak_kib as f64 / 1024.0
    );
}
