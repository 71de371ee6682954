//! IIIF over HTTP and in a real viewer (`sohoa serve` on a real archive ingested with real
//! OCR): the Presentation 3 manifest and collections, read back by `iiif-prezi3`'s models;
//! the Image API level 0 service checked by the IIIF Image API validator (`iiif-validate.py`);
//! Content Search 2.0 and 1.0 and autocomplete without diacritics, each hit's box a word
//! box of the page; CORS; every IIIF route of a document (or hồ sơ) the reader may not see
//! answering exactly like an unknown id, and like nothing at all without credentials; and
//! Mirador (its npm package's bundle, installed by `scripts/install-deps.sh` into
//! `tests/iiif-viewer/`, served here from that directory) opening the manifest in chromium,
//! drawing the page image, and listing a search's hits in its search panel.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::browser::{browser, chromedriver, sign_in, wait_for_path};
use crate::common::{run, validator};
use crate::reading_room::{add_readers, archive_with_a_mat_document, serve_with, token_of};

const UNKNOWN: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
const INSTITUTION: &str = "Lưu trữ Văn phòng Tỉnh ủy (thử nghiệm)";

/// A GET's status, headers and body.
struct Got {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Got {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// A request to the server as `token`'s account (or as nobody).
fn request(method: &str, url: &str, token: Option<&str>) -> Got {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = match method {
        "OPTIONS" => agent.options(url),
        _ => agent.get(url),
    };
    if let Some(t) = token {
        r = r.header("Authorization", format!("Bearer {t}"));
    }
    if method == "OPTIONS" {
        r = r
            .header("Origin", "http://viewer.example")
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization");
    }
    let mut answer = r.call().unwrap();
    Got {
        status: answer.status().as_u16(),
        headers: answer
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
        body: answer.body_mut().read_to_vec().unwrap(),
    }
}

/// Reads each JSON file back with `iiif-prezi3`'s model of its `type` (Manifest,
/// Collection) and checks that the model writes it back unchanged: every property is one
/// the model knows, with a value of the shape it allows.
fn prezi3_reads_back(files: &[PathBuf]) {
    let Some(tool) = validator("iiif-validate.py") else {
        return;
    };
    // The venv's python, beside the validators `scripts/install-deps.sh` installed.
    let python = tool.with_file_name("python");
    let script = "import json, sys\n\
                  from iiif_prezi3 import Manifest, Collection\n\
                  for path in sys.argv[1:]:\n\
                  \x20   data = json.load(open(path, encoding='utf-8'))\n\
                  \x20   model = {'Manifest': Manifest, 'Collection': Collection}[data['type']]\n\
                  \x20   back = json.loads(model(**data).json())\n\
                  \x20   assert back == data, (path, back)\n\
                  print('ok', len(sys.argv) - 1)\n";
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("the tools venv's python");
    assert!(
        out.status.success(),
        "iiif-prezi3 (PyPI, scripts/install-deps.sh) refused:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The IIIF Image API validator's tests that apply to a level 1 service of a scan: those of
/// level 0 but `id_squares`, and of level 1 `region_square` and the errors; the others of
/// level 1 (`region_pixels`, `size_wc`, `size_ch`, `size_wh`, `size_region`, `size_noup`)
/// compare the colours of the validator's own 1000 × 1000 test image, which a scan is not
/// ([`regions_are_cut_from_the_page`] checks the same on the scan). Run as `token`'s account
/// (the validator sends no credentials itself: its requests get a bearer header).
fn image_validator_passes(base: &str, document: &str, token: &str) {
    let Some(tool) = validator("iiif-validate.py") else {
        return;
    };
    let python = tool.with_file_name("python");
    let preamble = "import os, runpy, sys, urllib.request\n\
                    class Authed(urllib.request.Request):\n\
                    \x20   def __init__(self, url, *args, **kwargs):\n\
                    \x20       super().__init__(url, *args, **kwargs)\n\
                    \x20       self.add_header('Authorization', 'Bearer ' + os.environ['SOHOA_TOKEN'])\n\
                    urllib.request.Request = Authed\n\
                    sys.argv = sys.argv[1:]\n\
                    runpy.run_path(sys.argv[0], run_name='__main__')\n";
    let server = base.trim_start_matches("http://");
    let mut command = Command::new(&python);
    command
        .arg("-c")
        .arg(preamble)
        .arg(&tool)
        .args(["-s", server, "-p", &format!("iiif/{document}"), "-i", "1"])
        .args(["--version=3.0"])
        .env("SOHOA_TOKEN", token);
    for test in [
        "info_json",
        "id_basic",
        "format_jpg",
        "size_nofull",
        "jsonld",
        "cors",
        "baseurl_redirect",
        "region_square",
        "id_error_random",
        "region_error_random",
        "size_error_random",
        "rot_error_random",
        "quality_error_random",
        "format_error_random",
    ] {
        command.args(["--test", test]);
    }
    let out = command.output().expect("the tools venv's python");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && said.contains("14 tests, 0 failures"),
        "{said}"
    );
}

#[test]
fn iiif_serves_the_archive_to_viewers_and_hides_what_the_reader_may_not_see() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, secret) = archive_with_a_mat_document(
        tmp.path(),
        &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")],
    );
    add_readers(&archive);
    let reader = token_of(&archive, "doc-gia");
    let cleared = token_of(&archive, "can-bo");
    let server = serve_with(&archive, &["--institution", INSTITUTION], "http");
    let base = server.base.clone();
    let get = |path: &str| request("GET", &format!("{base}{path}"), Some(&reader));

    // The manifest: one canvas per page at the scan's size, the record, the PDF, the
    // archive named, the search services.
    let got = get(&format!("/iiif/{open}/manifest"));
    assert_eq!(got.status, 200, "{}", String::from_utf8_lossy(&got.body));
    assert!(got
        .header("content-type")
        .unwrap()
        .starts_with("application/ld+json"));
    assert_eq!(got.header("access-control-allow-origin"), Some("*"));
    let manifest = got.json();
    let files = tmp.path().join("iiif");
    std::fs::create_dir_all(&files).unwrap();
    let mut to_validate = vec![files.join("manifest.json")];
    std::fs::write(&to_validate[0], &got.body).unwrap();
    assert_eq!(manifest["id"], format!("{base}/iiif/{open}/manifest"));
    let shown = get(&format!("/api/v1/documents/{open}")).json();
    let canvases = manifest["items"].as_array().unwrap();
    assert_eq!(canvases.len(), shown["pages"].as_array().unwrap().len());
    for (i, canvas) in canvases.iter().enumerate() {
        let n = i + 1;
        let words = get(&format!("/api/v1/documents/{open}/pages/{n}/words")).json();
        assert_eq!(canvas["width"], words["width"], "page {n}");
        assert_eq!(canvas["height"], words["height"], "page {n}");
        assert_eq!(canvas["label"], json!({ "vi": [format!("Trang {n}")] }));
        let body = &canvas["items"][0]["items"][0]["body"];
        assert_eq!(
            body["service"][0],
            json!({ "id": format!("{base}/iiif/{open}/{n}"), "type": "ImageService3", "profile": "level1" })
        );
        let image = get(body["id"].as_str().unwrap().trim_start_matches(&base));
        assert_eq!(image.status, 200);
        let pixels = image::load_from_memory(&image.body).unwrap();
        assert_eq!(
            (json!(pixels.width()), json!(pixels.height())),
            (body["width"].clone(), body["height"].clone())
        );
    }
    let labels: Vec<&str> = manifest["metadata"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"]["vi"][0].as_str().unwrap())
        .collect();
    for label in ["Hồ sơ", "Mã lưu trữ tài liệu", "Số lượng trang"] {
        assert!(labels.contains(&label), "{labels:?}");
    }
    assert!(manifest["requiredStatement"]["value"]["vi"][0]
        .as_str()
        .unwrap()
        .starts_with(INSTITUTION));
    assert_eq!(
        manifest["rendering"][0]["id"],
        format!("{base}/documents/{open}/pdf")
    );
    assert_eq!(manifest["rendering"][0]["format"], "application/pdf");
    let services = manifest["service"].to_string();
    for s in [
        "SearchService2",
        "AutoCompleteService2",
        "http://iiif.io/api/search/1/search",
        "http://iiif.io/api/search/1/autocomplete",
    ] {
        assert!(services.contains(s), "{services}");
    }
    // Opening the manifest is a recorded read of the document, like the document view's.
    let reads = crate::common::json(&run(
        &archive,
        &[
            "audit", "log", "--json", "--by", "doc-gia", "--action", "read",
        ],
    ));
    assert!(reads["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["detail"]["document"] == open.as_str() && e["detail"]["read"] == "show"));

    // The image service: info.json lists the sizes served; each is served at that size.
    let info = get(&format!("/iiif/{open}/1/info.json")).json();
    assert_eq!(info["type"], "ImageService3");
    assert_eq!(info["profile"], "level1");
    assert_eq!(info["id"], format!("{base}/iiif/{open}/1"));
    for size in info["sizes"].as_array().unwrap() {
        let (w, h) = (
            size["width"].as_u64().unwrap(),
            size["height"].as_u64().unwrap(),
        );
        let image = get(&format!("/iiif/{open}/1/full/{w},{h}/0/default.jpg"));
        assert_eq!(image.status, 200);
        assert_eq!(image.header("content-type"), Some("image/jpeg"));
        let pixels = image::load_from_memory(&image.body).unwrap();
        assert_eq!(
            (u64::from(pixels.width()), u64::from(pixels.height())),
            (w, h)
        );
    }
    let webp = get(&format!("/iiif/{open}/1/full/max/0/default.webp"));
    assert_eq!(webp.header("content-type"), Some("image/webp"));
    regions_are_cut_from_the_page(&get, &open, &info);
    thumbnails_are_recorded_apart_from_page_views(&archive, &get, &open);
    image_validator_passes(&base, &open, &reader);

    // Content search, without diacritics: every hit is a word of the page, its box the word's.
    let words = get(&format!("/api/v1/documents/{open}/pages/1/words")).json();
    let word = words["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["text"].as_str().unwrap())
        .find(|w| w.chars().count() >= 4 && archive_schema::fold(w) != w.to_lowercase())
        .expect("a word with diacritics on page 1")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let folded = archive_schema::fold(&word).to_uppercase();
    let boxes: Vec<String> = words["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let b: Vec<u64> = w["bbox"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap())
                .collect();
            format!(
                "{base}/iiif/{open}/canvas/1#xywh={},{},{},{}",
                b[0], b[1], b[2], b[3]
            )
        })
        .collect();
    let found = get(&format!("/iiif/{open}/search?q={folded}")).json();
    assert_eq!(found["type"], "AnnotationPage");
    let items = found["items"].as_array().unwrap();
    assert!(!items.is_empty(), "{folded}: {found}");
    for item in items {
        let target = item["target"].as_str().unwrap();
        if target.contains("/canvas/1#") {
            assert!(boxes.iter().any(|b| b == target), "{target}");
        }
        let value = item["body"]["value"].as_str().unwrap();
        assert_eq!(
            archive_schema::fold(value.trim_matches(|c: char| !c.is_alphanumeric())),
            archive_schema::fold(&word)
        );
    }
    let v1 = get(&format!("/iiif/{open}/search1?q={folded}")).json();
    assert_eq!(v1["@type"], "sc:AnnotationList");
    assert_eq!(v1["resources"].as_array().unwrap().len(), items.len());
    assert_eq!(v1["within"]["total"], items.len());
    assert_eq!(v1["hits"].as_array().unwrap().len(), items.len());
    let prefix: String = archive_schema::fold(&word).chars().take(3).collect();
    let terms = get(&format!("/iiif/{open}/autocomplete1?q={prefix}")).json();
    assert!(
        terms["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| archive_schema::fold(t["match"].as_str().unwrap())
                == archive_schema::fold(&word)),
        "{prefix}: {terms}"
    );
    let terms2 = get(&format!("/iiif/{open}/autocomplete?q={prefix}")).json();
    assert_eq!(terms2["type"], "TermPage");
    assert_eq!(
        terms2["items"].as_array().unwrap().len(),
        terms["terms"].as_array().unwrap().len()
    );

    // Collections: the phông, its hồ sơ, the hồ sơ's documents; only what the reader sees.
    let top = get("/iiif/collection");
    assert_eq!(top.status, 200);
    to_validate.push(files.join("top.json"));
    std::fs::write(to_validate.last().unwrap(), &top.body).unwrap();
    let fonds_id = top.json()["items"][0]["id"].as_str().unwrap().to_string();
    let fonds = get(fonds_id.trim_start_matches(&base));
    to_validate.push(files.join("fonds.json"));
    std::fs::write(to_validate.last().unwrap(), &fonds.body).unwrap();
    let hoso_of = |id: &str| -> String {
        let shown = request(
            "GET",
            &format!("{base}/api/v1/documents/{id}"),
            Some(&cleared),
        )
        .json();
        shown["object"].as_str().unwrap().to_string()
    };
    let (open_hoso, secret_hoso) = (hoso_of(&open), hoso_of(&secret));
    let hoso = get(&format!("/iiif/hoso/{open_hoso}/collection"));
    to_validate.push(files.join("hoso.json"));
    std::fs::write(to_validate.last().unwrap(), &hoso.body).unwrap();
    let listed = hoso.json()["items"].to_string();
    assert!(
        listed.contains(&format!("{base}/iiif/{open}/manifest")),
        "{listed}"
    );
    for text in [top.body.as_slice(), &fonds.body, &hoso.body] {
        let text = String::from_utf8_lossy(text);
        assert!(
            !text.contains(&secret) && !text.contains(&secret_hoso),
            "{text}"
        );
    }
    prezi3_reads_back(&to_validate);

    // Every IIIF route of the Mật document (and hồ sơ) answers like an unknown id; without
    // credentials, like nothing at all.
    let routes = [
        "/iiif/{}/manifest",
        "/iiif/{}/1/info.json",
        "/iiif/{}/1/full/max/0/default.jpg",
        "/iiif/{}/1/full/400,/0/default.jpg",
        "/iiif/{}/1/0,0,100,100/max/0/default.jpg",
        "/iiif/{}/1/512,512,512,512/256,256/0/default.jpg",
        "/iiif/{}/1/square/,120/0/default.jpg",
        "/iiif/{}/1/full/,120/0/default.jpg",
        // Refused for a page the reader sees (outside it, larger than it): for one they may
        // not see, the gate answers first, like an unknown id.
        "/iiif/{}/1/99999,0,10,10/max/0/default.jpg",
        "/iiif/{}/1/full/99999,/0/default.jpg",
        "/iiif/{}/search?q=dang",
        "/iiif/{}/search1?q=dang",
        "/iiif/{}/autocomplete?q=da",
        "/iiif/{}/autocomplete1?q=da",
        "/iiif/hoso/{}/collection",
    ];
    for route in routes {
        let id = if route.starts_with("/iiif/hoso/") {
            &secret_hoso
        } else {
            &secret
        };
        let hidden = get(&route.replace("{}", id));
        let unknown = get(&route.replace("{}", UNKNOWN));
        assert_eq!(hidden.status, 404, "{route}");
        assert_eq!(
            (hidden.status, &hidden.body),
            (unknown.status, &unknown.body),
            "{route}"
        );
        let nobody = request("GET", &format!("{base}{}", route.replace("{}", id)), None);
        let nobody_unknown = request(
            "GET",
            &format!("{base}{}", route.replace("{}", UNKNOWN)),
            None,
        );
        assert_eq!(nobody.status, 401, "{route}");
        assert_eq!(nobody.body, nobody_unknown.body, "{route}");
        // The cleared reader sees the hồ sơ; its content needs a grant and the isolated-LAN
        // profile as well (DESIGN.md §7; tests/it/requests.rs), so without them every
        // content route answers like an unknown id for them too.
        let theirs = request(
            "GET",
            &format!("{base}{}", route.replace("{}", id)),
            Some(&cleared),
        );
        let unknown_to_them = request(
            "GET",
            &format!("{base}{}", route.replace("{}", UNKNOWN)),
            Some(&cleared),
        );
        if route.starts_with("/iiif/hoso/") {
            assert_eq!(
                theirs.status,
                200,
                "{route}: {}",
                String::from_utf8_lossy(&theirs.body)
            );
        } else {
            assert_eq!(
                (theirs.status, &theirs.body),
                (unknown_to_them.status, &unknown_to_them.body),
                "{route}"
            );
        }
    }
    assert_eq!(get("/iiif/phong/khong-co/collection").status, 404);

    // CORS: a preflight for a bearer token is answered; other routes keep their policy.
    let preflight = request("OPTIONS", &format!("{base}/iiif/{open}/manifest"), None);
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    assert!(preflight
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase()
        .contains("authorization"));
    assert_eq!(
        get(&format!("/iiif/{open}/1/full/max/0/default.jpg"))
            .header("cross-origin-resource-policy"),
        Some("cross-origin")
    );
    assert_eq!(
        get(&format!("/api/v1/documents/{open}")).header("cross-origin-resource-policy"),
        Some("same-origin")
    );
    assert!(get(&format!("/api/v1/documents/{open}"))
        .header("access-control-allow-origin")
        .is_none());

    // Mirador, from the npm package, opens the manifest and draws the page.
    mirador_shows_the_page_and_searches_it(&base, &open, &reader, &folded, tmp.path());
}

/// The mean absolute difference of two gray images (0–255), each scaled to a quarter of
/// `a`'s size first, so that a shift by a pixel or two (a region is cut from the rendering
/// at its own pixel bounds) and JPEG's noise weigh little against a different picture.
fn mean_difference(a: &image::GrayImage, b: &image::GrayImage) -> f64 {
    let (w, h) = ((a.width() / 4).max(1), (a.height() / 4).max(1));
    let small = |i: &image::GrayImage| {
        image::imageops::resize(i, w, h, image::imageops::FilterType::Triangle)
    };
    let (a, b) = (small(a), small(b));
    let total: u64 = a
        .pixels()
        .zip(b.pixels())
        .map(|(p, q)| u64::from(p.0[0].abs_diff(q.0[0])))
        .sum();
    total as f64 / f64::from(w * h)
}

/// Image API level 1 on page 1 of `document`: regions (`x,y,w,h`, `square`) at sizes `w,`,
/// `,h`, `w,h` and `max`, each the pixels of that part of the page (compared with the same
/// part of `full/max`); and what is refused with 400 naming the parameter — a region
/// outside the page, a size larger than the region or than `maxWidth`, `^`, `!w,h`,
/// percentages, negative and huge numbers.
fn regions_are_cut_from_the_page(get: &dyn Fn(&str) -> Got, document: &str, info: &Value) {
    let number = |v: &Value| u32::try_from(v.as_u64().unwrap()).unwrap();
    let (width, height) = (number(&info["width"]), number(&info["height"]));
    let (max_width, max_height) = (number(&info["maxWidth"]), number(&info["maxHeight"]));
    assert!(max_width <= width && max_height <= height);
    let tiles = &info["tiles"][0];
    assert_eq!(tiles["width"], 512);
    assert_eq!(tiles["scaleFactors"][0], 1);
    let service = format!("/iiif/{document}/1");
    let image = |path: &str| {
        let got = get(&format!("{service}/{path}"));
        assert_eq!(
            got.status,
            200,
            "{path}: {}",
            String::from_utf8_lossy(&got.body)
        );
        assert_eq!(got.header("content-type"), Some("image/jpeg"));
        image::load_from_memory(&got.body).unwrap()
    };
    let whole = image("full/max/0/default.jpg").to_luma8();
    assert_eq!(whole.dimensions(), (max_width, max_height));
    // A quarter of the page's width at its centre, where the text is.
    let (x, y, w, h) = (width / 4, height / 3, width / 2, height / 4);
    let scaled = |v: u32, from: u32, to: u32| v * to / from;
    let expected = image::imageops::crop_imm(
        &whole,
        scaled(x, width, max_width),
        scaled(y, height, max_height),
        scaled(w, width, max_width),
        scaled(h, height, max_height),
    )
    .to_image();
    // Another part of the page (the same size, below): what a wrong cut would look like.
    let elsewhere = image::imageops::crop_imm(
        &whole,
        scaled(x, width, max_width),
        scaled(y + h, height, max_height),
        scaled(w, width, max_width),
        scaled(h, height, max_height),
    )
    .to_image();
    for size in [
        format!("{},", expected.width()),
        format!(",{}", expected.height()),
        format!("{},{}", expected.width(), expected.height()),
    ] {
        let cut = image(&format!("{x},{y},{w},{h}/{size}/0/default.jpg")).to_luma8();
        let cut = image::imageops::resize(
            &cut,
            expected.width(),
            expected.height(),
            image::imageops::FilterType::Triangle,
        );
        let difference = mean_difference(&cut, &expected);
        let other = mean_difference(&cut, &elsewhere);
        assert!(
            difference < 10.0 && other > 2.0 * difference,
            "{size}: mean difference {difference}, {other} to another part"
        );
        // Not a blank or another part: the same part of the page has ink.
        assert!(cut.pixels().any(|p| p.0[0] < 100), "{size}");
    }
    let small = image("0,0,100,100/max/0/default.jpg");
    assert_eq!((small.width(), small.height()), (100, 100));
    let edge = image(&format!(
        "{},{},500,500/max/0/default.jpg",
        width - 50,
        height - 30
    ));
    assert_eq!((edge.width(), edge.height()), (50, 30));
    let square = image("square/300,300/0/default.jpg");
    assert_eq!((square.width(), square.height()), (300, 300));
    let thumbnail = image("full/,120/0/default.jpg");
    assert_eq!(thumbnail.height(), 120);
    for (path, named) in [
        (format!("{width},0,10,10/max"), "region"),
        (format!("0,{height},10,10/max"), "region"),
        ("-1,0,10,10/max".to_string(), "region"),
        ("0,0,0,10/max".to_string(), "region"),
        ("pct:10,10,10,10/max".to_string(), "region"),
        ("99999999999,0,10,10/max".to_string(), "region"),
        ("0,0,100,100/101,".to_string(), "size"),
        ("0,0,100,100/100,101".to_string(), "size"),
        (format!("full/{},", max_width + 1), "size"),
        (format!("full/,{}", max_height + 1), "size"),
        ("full/^max".to_string(), "size"),
        ("0,0,100,100/^200,".to_string(), "size"),
        ("full/!400,400".to_string(), "size"),
        ("full/pct:50".to_string(), "size"),
        ("full/99999999999,".to_string(), "size"),
        ("full/4294967295,4294967295".to_string(), "size"),
        ("full/0,".to_string(), "size"),
    ] {
        let got = get(&format!("{service}/{path}/0/default.jpg"));
        assert_eq!(got.status, 400, "{path}");
        let error = got.json()["error"].as_str().unwrap().to_string();
        assert!(
            error.contains(&format!("Tham số {named}")),
            "{path}: {error}"
        );
    }
}

/// A thumbnail (the whole page at most 200 px on its longer side) is recorded in the access
/// log as `view thumbnail`; a region or a readable size of the page as `view page`.
fn thumbnails_are_recorded_apart_from_page_views(
    archive: &Path,
    get: &dyn Fn(&str) -> Got,
    document: &str,
) {
    let views = || -> Vec<String> {
        let log = crate::common::json(&run(
            archive,
            &["audit", "log", "--access", "--json", "--by", "doc-gia"],
        ));
        log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["detail"]["document"] == document)
            .map(|e| e["detail"]["read"].as_str().unwrap().to_string())
            .collect()
    };
    let mut before = views().len();
    for (path, kind) in [
        ("full/,120", "view thumbnail"),
        ("full/,200", "view thumbnail"),
        ("full/,201", "view page"),
        ("full/400,", "view page"),
        ("0,0,100,100/50,", "view page"),
        ("square/100,100", "view page"),
    ] {
        let got = get(&format!("/iiif/{document}/1/{path}/0/default.jpg"));
        assert_eq!(got.status, 200, "{path}");
        let now = views();
        assert_eq!(
            now.len(),
            before + 1,
            "{path}: one entry per image, {now:?}"
        );
        assert_eq!(now.last().map(String::as_str), Some(kind), "{path}");
        before = now.len();
    }
    // A refused request records nothing.
    assert_eq!(
        get(&format!("/iiif/{document}/1/full/99999,/0/default.jpg")).status,
        400
    );
    assert_eq!(views().len(), before);
}

/// The Mirador bundle `scripts/install-deps.sh` installed in `tests/iiif-viewer`.
fn mirador_bundle() -> Option<PathBuf> {
    let bundle = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/iiif-viewer/mirador.min.js");
    if bundle.is_file() {
        return Some(bundle);
    }
    let msg = format!(
        "{} is missing; run `bash scripts/install-deps.sh`",
        bundle.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{msg}");
    eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    None
}

/// A static file server for the viewer's page and Mirador's bundle, on another origin
/// than the reading room's (the way a viewer elsewhere opens the archive).
fn serve_viewer(page: String, bundle: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // The rest of the request's head.
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).map_or(true, |n| n == 0) || header == "\r\n" {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let (kind, body): (&str, &[u8]) = if path.starts_with("/mirador.min.js") {
                ("text/javascript", &bundle)
            } else if path == "/" {
                ("text/html; charset=utf-8", page.as_bytes())
            } else {
                ("text/plain", b"not here".as_slice())
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
            let mut rest = Vec::new();
            let _ = stream.set_read_timeout(Some(Duration::from_millis(10)));
            let _ = stream.read_to_end(&mut rest);
        }
    });
    base
}

/// Mirador opens the manifest, draws page 1, finds the Content Search 1.0 service and lists
/// the hits of `query` (a word without its diacritics) with the words as read.
fn mirador_shows_the_page_and_searches_it(
    base: &str,
    document: &str,
    token: &str,
    query: &str,
    tmp: &Path,
) {
    let Some(bundle) = mirador_bundle() else {
        return;
    };
    let manifest = format!("{base}/iiif/{document}/manifest");
    // Fetches (manifest, info.json) and tile loads carry the reader's token.
    let page = format!(
        r#"<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Mirador</title></head>
<body style="margin:0"><div id="viewer" style="position:absolute;top:0;left:0;right:0;bottom:0"></div>
<script src="/mirador.min.js"></script>
<script>
const token = {token};
const authorised = (url, options) => ({{ ...(options || {{}}), headers: {{ ...((options && options.headers) || {{}}), Authorization: 'Bearer ' + token }} }});
const viewer = (window.Mirador.viewer || window.Mirador.default.viewer);
viewer({{
  id: 'viewer',
  windows: [{{ manifestId: {manifest}, thumbnailNavigationPosition: 'off', sideBarOpen: true }}],
  requests: {{ preprocessors: [authorised] }},
  osdConfig: {{ loadTilesWithAjax: true, ajaxHeaders: {{ Authorization: 'Bearer ' + token }}, drawer: 'canvas' }},
}});
</script></body></html>"#,
        token = json!(token),
        manifest = json!(manifest),
    );
    let viewer = serve_viewer(page, std::fs::read(bundle).unwrap());
    let driver = chromedriver();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let c = browser(&driver, &tmp.join("profile")).await;
        // Signed in to the reading room too: the viewer's <img> thumbnails carry the session.
        sign_in(&c, base, "doc-gia", "mật khẩu của doc-gia").await;
        wait_for_path(&c, "/").await;
        c.goto(&format!("{viewer}/")).await.unwrap();
        let (light, dark) = wait_for_drawn_page(&c).await;
        assert!(light > 1000 && dark > 10, "light {light}, dark {dark}");
        // The search tab is there only when Mirador found the search service.
        let tab = c
            .wait()
            .for_element(Locator::Css(r#"button[aria-label="Search"]"#))
            .await
            .unwrap();
        tab.click().await.unwrap();
        let input = c
            .wait()
            .for_element(Locator::Css("form input"))
            .await
            .unwrap();
        input.send_keys(&format!("{query}\u{E007}")).await.unwrap();
        let matches = wait_for_hits(&c).await;
        let _ = c.close().await;
        assert!(!matches.is_empty(), "Mirador listed no hit of {query:?}");
        for m in &matches {
            let word = m.trim_matches(|ch: char| !ch.is_alphanumeric());
            assert_eq!(
                archive_schema::fold(word),
                query.to_lowercase(),
                "{matches:?}"
            );
        }
    });
}

/// Waits (up to 30 s) until Mirador's search panel lists hits; the words it shows in bold.
async fn wait_for_hits(c: &Client) -> Vec<String> {
    let script =
        "return Array.from(document.querySelectorAll('li strong')).map(e => e.textContent);";
    let start = Instant::now();
    loop {
        let found = c.execute(script, vec![]).await.unwrap();
        let words: Vec<String> = found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| w.as_str().map(str::to_string))
            .collect();
        if !words.is_empty() || start.elapsed() > Duration::from_secs(30) {
            return words;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Waits (up to 60 s) until the `OpenSeadragon` canvas in Mirador holds the scan: opaque paper
/// pixels and some ink. Returns (light, dark) pixel counts (sampled).
async fn wait_for_drawn_page(c: &Client) -> (u64, u64) {
    let script = "const canvas = document.querySelector('.openseadragon-canvas canvas');\n\
                  if (!canvas || !canvas.width) return [0, 0];\n\
                  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;\n\
                  let light = 0, dark = 0;\n\
                  for (let i = 0; i < d.length; i += 4 * 5) {\n\
                    if (d[i + 3] < 255) continue;\n\
                    const v = (d[i] + d[i + 1] + d[i + 2]) / 3;\n\
                    if (v > 200) light++; else if (v < 110) dark++;\n\
                  }\n\
                  return [light, dark];";
    let start = Instant::now();
    loop {
        let counts = c.execute(script, vec![]).await.unwrap();
        let light = counts[0].as_u64().unwrap_or(0);
        let dark = counts[1].as_u64().unwrap_or(0);
        if (light > 1000 && dark > 10) || start.elapsed() > Duration::from_secs(60) {
            if light <= 1000 {
                let source = c.source().await.unwrap_or_default();
                eprintln!("Mirador's page:\n{}", &source[..source.len().min(4000)]);
            }
            return (light, dark);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
