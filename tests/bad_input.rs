//! A box with broken files: each gets a clear error naming the file (and page), the good
//! pages go in, the exit code is 3, and the batch report lists every page's outcome.

mod common;
use common::*;

#[test]
fn corrupt_files_are_reported_and_the_rest_goes_in() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-bad");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    let hs = box_dir.join("hs");
    let png = std::fs::read(samples().join("hs-02-van-thu-luu-tru/2.png")).unwrap();
    std::fs::write(hs.join("2.png"), &png[..png.len() / 3]).unwrap(); // truncated
    std::fs::write(hs.join("3.tif"), b"").unwrap(); // zero bytes
    std::fs::write(hs.join("4.pdf"), b"%PDF-1.4\nthis is not a pdf").unwrap(); // corrupt
    std::fs::write(hs.join("5.jpg"), &png).unwrap(); // wrong extension
    std::fs::write(hs.join("notes.txt"), "ghi chú").unwrap(); // not a scan: skipped

    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(
        code(&out),
        3,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = json(&out);
    assert_eq!(s["pages_ok"], 1, "{s}");
    assert_eq!(s["pages_failed"], 4, "{s}");
    let failures = s["failures"].as_array().unwrap();
    for name in ["hs/2.png", "hs/3.tif", "hs/4.pdf", "hs/5.jpg"] {
        let f = failures
            .iter()
            .find(|f| f["source_file"] == name)
            .unwrap_or_else(|| panic!("{name} not in failures: {s}"));
        assert_eq!(f["box"], "hop-bad");
        let error = f["error"].as_str().unwrap();
        assert!(error.contains(name), "the error names the file: {error}");
    }
    // zero-byte file: a specific message
    let zero = failures
        .iter()
        .find(|f| f["source_file"] == "hs/3.tif")
        .unwrap();
    assert!(zero["error"].as_str().unwrap().contains("empty"), "{zero}");

    let wrong = failures
        .iter()
        .find(|f| f["source_file"] == "hs/5.jpg")
        .unwrap();
    assert!(
        wrong["error"].as_str().unwrap().contains("extension"),
        "{wrong}"
    );

    // the report lists every page with its outcome, and the skipped note
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(s["report"].as_str().unwrap()).unwrap()).unwrap();
    let rows = report["pages"].as_array().unwrap();
    assert!(rows
        .iter()
        .any(|r| r["source_file"] == "hs/1.png" && r["outcome"] == "ocr"));
    assert!(rows
        .iter()
        .any(|r| r["source_file"] == "hs/2.png" && r["outcome"] == "failed"));
    assert!(report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["path"] == "hs/notes.txt"));

    // the good page is stored, searchable and intact
    let list = json(&run(&archive, &["list", "--json"]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 1);
    assert_eq!(code(&run(&archive, &["verify"])), 0);

    // human output names the failing file
    let out = ingest(&archive, &box_dir, 1, false);
    assert_eq!(code(&out), 3);
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAILED hop-bad/hs/2.png"));
}

#[test]
fn a_malformed_approvals_file_is_named_and_the_box_goes_in_without_approvals() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-appr");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    std::fs::write(
        box_dir.join("approvals.json"),
        "{\"approvals\": [{\"hoso\": \"hs\"}]}",
    )
    .unwrap();
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let failure = s["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["source_file"] == "approvals.json")
        .unwrap_or_else(|| panic!("approvals.json not in failures: {s}"));
    let error = failure["error"].as_str().unwrap();
    assert!(
        error.contains("approvals.json") && error.contains("reference"),
        "{error}"
    );
    assert_eq!(
        s["documents"].as_array().unwrap().len(),
        1,
        "the open page still goes in"
    );
}

#[test]
fn usage_errors_exit_2_and_missing_boxes_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sohoa().args(["ingest"]).output().unwrap();
    assert_eq!(code(&out), 2);
    let out = run(
        &tmp.path().join("a"),
        &["ingest", tmp.path().join("nope").to_str().unwrap()],
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
    let out = run(&tmp.path().join("not-an-archive"), &["list"]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a sohoa archive"));
}

/// CRC-32 (ISO-HDLC) for hand-made PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG that declares `width`×`height` 8-bit grey and carries a little zlib data: with huge
/// dimensions, a decompression bomb; with a zero side, an image without pixels.
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        c.extend_from_slice(&body);
        c.extend_from_slice(&crc32(&body).to_be_bytes());
        c
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    // zlib stream of a run of zero bytes (stored block of 1,000 zeros).
    let mut idat = vec![0x78, 0x01, 0x01, 0xE8, 0x03, 0x17, 0xFC];
    idat.extend(std::iter::repeat_n(0u8, 1000));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &idat));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// A one-page PDF (no content) whose catalog carries `catalog_extra` and which holds the
/// `extra_objects` (numbered from 4), with a correct cross-reference table.
fn pdf_with(catalog_extra: &str, extra_objects: &[&str]) -> Vec<u8> {
    let mut objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string(),
    ];
    objects.extend(extra_objects.iter().map(|o| o.to_string()));
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}

/// The bad-input corpus of the integrity issue, all in one box next to one good page: each
/// file is a failure whose error names it (and says what is wrong), and the good page goes in.
#[test]
fn every_kind_of_bad_file_is_named_and_the_box_goes_on() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-corpus");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "01.png")]);
    let hs = box_dir.join("hs");
    let sample = |p: &str| std::fs::read(samples().join(p)).unwrap();
    let tif = sample("hs-01-nghi-quyet/01-nq.tif");
    std::fs::write(hs.join("02.tif"), &tif[..tif.len() / 3]).unwrap();
    let jpg = sample("hs-01-nghi-quyet/03-nq.jpg");
    std::fs::write(hs.join("03.jpg"), &jpg[..jpg.len() / 3]).unwrap();
    // An encrypted PDF, made by qpdf from a sample scan.
    let qpdf = std::process::Command::new("qpdf")
        .args(["--encrypt", "user", "owner", "256", "--"])
        .arg(samples().join("hs-03-thong-tri-1997/thong-tri-07.pdf"))
        .arg(hs.join("04.pdf"))
        .status()
        .expect("qpdf (scripts/install-deps.sh installs it)");
    assert!(qpdf.success());
    std::fs::write(
        hs.join("05.pdf"),
        pdf_with(
            "/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >>",
            &[],
        ),
    )
    .unwrap();
    std::fs::write(
        hs.join("06.pdf"),
        pdf_with(
            "/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>",
            &[
                "<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
                "<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream",
            ],
        ),
    )
    .unwrap();
    std::fs::write(hs.join("07.png"), png_declaring(100_000, 100_000)).unwrap();
    std::fs::write(hs.join("08.png"), png_declaring(0, 0)).unwrap();
    image::GrayImage::from_pixel(1, 100_000, image::Luma([255]))
        .save(hs.join("09.png"))
        .unwrap();
    image::GrayImage::from_pixel(2, 5_000, image::Luma([255]))
        .save(hs.join("10.png"))
        .unwrap();
    std::os::unix::fs::symlink("12.png", hs.join("11.png")).unwrap();
    std::os::unix::fs::symlink("11.png", hs.join("12.png")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/scan.png", hs.join("13.png")).unwrap();
    std::os::unix::fs::symlink(".", hs.join("loop")).unwrap();
    // A file its reader may not open (root reads everything: then only the link case above).
    // SAFETY: geteuid has no preconditions.
    let unreadable = unsafe { libc::geteuid() } != 0;
    if unreadable {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(hs.join("15.png"), sample("hs-02-van-thu-luu-tru/2.png")).unwrap();
        std::fs::set_permissions(hs.join("15.png"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
    }
    let non_utf8 = std::ffi::OsStr::from_bytes(b"14-\xff\xfe.png");
    std::fs::write(hs.join(non_utf8), sample("hs-02-van-thu-luu-tru/2.png")).unwrap();
    // A hồ sơ whose sidecar tries to leave the archive.
    make_box(
        &box_dir,
        &[("hs-t", "hs-02-van-thu-luu-tru/2.png", "1.png")],
    );
    std::fs::write(
        box_dir.join("hs-t/hoso.json"),
        r#"{"so_ho_so": "../../../etc/passwd"}"#,
    )
    .unwrap();

    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let failures = s["failures"].as_array().unwrap();
    let error_of = |name: &str| -> String {
        failures
            .iter()
            .find(|f| f["source_file"].as_str().unwrap().starts_with(name))
            .unwrap_or_else(|| panic!("{name} not in failures: {s:#}"))["error"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let expect = |name: &str, says: &[&str]| {
        let error = error_of(name);
        assert!(error.contains(name), "the error names {name}: {error}");
        for word in says {
            assert!(
                error.to_lowercase().contains(word),
                "{name}: expected {word:?} in {error:?}"
            );
        }
    };
    expect("hs/02.tif", &[]);
    expect("hs/03.jpg", &[]);
    expect("hs/04.pdf", &["encrypted"]);
    expect("hs/05.pdf", &["javascript"]);
    expect("hs/06.pdf", &["embedded file"]);
    expect("hs/07.png", &["100000x100000", "limit"]);
    expect("hs/08.png", &[]);
    expect("hs/09.png", &["1x100000"]);
    expect("hs/10.png", &["2x5000", "too"]);
    expect("hs/11.png", &["symbolic link"]);
    expect("hs/12.png", &["symbolic link"]);
    expect("hs/13.png", &["symbolic link", "/nonexistent/scan.png"]);
    expect("hs/loop", &["symbolic link"]);
    expect("hs/14-", &["utf-8"]);
    if unreadable {
        expect("hs/15.png", &["permission denied"]);
    }
    let traversal = failures
        .iter()
        .find(|f| f["error"].as_str().unwrap().contains("hs-t/hoso.json"))
        .unwrap_or_else(|| panic!("hs-t/hoso.json not in failures: {s:#}"));
    assert!(
        traversal["error"].as_str().unwrap().contains("no path"),
        "{traversal}"
    );
    // The good page went in; nothing of the bad files did, and the archive verifies.
    assert_eq!(s["pages_ok"], 1, "{s:#}");
    let list = json(&run(&archive, &["list", "--json"]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

/// A decompression bomb is refused from its header: the process's peak RSS (from `wait4`)
/// stays that of an ordinary small ingest.
#[test]
fn a_decompression_bomb_is_refused_with_bounded_memory() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-bomb");
    std::fs::create_dir_all(box_dir.join("hs")).unwrap();
    std::fs::write(box_dir.join("hs/bomb.png"), png_declaring(60_000, 60_000)).unwrap();
    std::fs::write(box_dir.join("hs/wide.png"), png_declaring(100_000, 1_000)).unwrap();
    let archive = tmp.path().join("archive");
    // Reaped by wait4 below, which also returns its resource usage.
    #[allow(clippy::zombie_processes)]
    let mut child = sohoa()
        .args(["ingest", "--no-progress", "--json", "--archive"])
        .arg(&archive)
        .arg(&box_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    assert_eq!(libc::WEXITSTATUS(status), 3, "{stdout}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(summary["pages_failed"], 2, "{summary}");
    let errors = summary["failures"].to_string();
    assert!(errors.contains("60000x60000 exceed the limit"), "{errors}");
    assert!(errors.contains("100000x1000 exceed the limit"), "{errors}");
    let peak_mib = usage.ru_maxrss / 1024;
    eprintln!("peak RSS of the ingest of two bombs: {peak_mib} MiB");
    assert!(peak_mib < 256, "peak RSS {peak_mib} MiB");
}

/// An archive of one page, ingested once for the tests of bad queries and closed pipes.
fn one_page_archive() -> &'static std::path::Path {
    static ARCHIVE: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> =
        std::sync::OnceLock::new();
    let (_, archive) = ARCHIVE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let box_dir = tmp.path().join("hop-q");
        make_box(&box_dir, &[("hs", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
        let archive = tmp.path().join("archive");
        let out = ingest(&archive, &box_dir, 1, false);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        (tmp, archive)
    });
    archive
}

/// Queries that are too deep, too long, or ask for any value of a field are usage errors
/// (exit 2) with a message: 9,000 nested parentheses overflowed the stack (exit 134), and
/// `symbol:*` was an internal schema error (exit 1).
#[test]
fn bad_queries_are_usage_errors_with_a_message() {
    let archive = one_page_archive();
    let deep = format!("{}nghi{}", "(".repeat(9_000), ")".repeat(9_000));
    let long = "nghi quyet ".repeat(500);
    let cases = [
        (deep.as_str(), "nested 9000 deep"),
        (long.as_str(), "characters long"),
        (
            "symbol:*",
            "`symbol:*` (any value of a field) cannot be searched",
        ),
        ("do_mat:*", "`do_mat:*`"),
        ("(nghi", "syntax error"),
    ];
    for (query, expected) in cases {
        let out = run(archive, &["search", query]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code(&out), 2, "{expected}: {stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.len() < 1_000, "the message is short: {stderr}");
    }
    let fine = run(archive, &["search", "((nghi quyet))", "--json"]);
    assert_eq!(code(&fine), 0, "{}", String::from_utf8_lossy(&fine.stderr));
}

/// `sohoa search … | head`: a reader that stops early ends sohoa quietly (it panicked on
/// the broken pipe, exit 101).
#[test]
fn a_closed_stdout_ends_search_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let archive = one_page_archive();
    for args in [
        &["search", "nghi"][..],
        &["search", "nghi", "--json"],
        &["list"],
    ] {
        let mut child = sohoa()
            .args(args)
            .arg("--archive")
            .arg(archive)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before sohoa writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            out.status.success() || out.status.signal() == Some(libc::SIGPIPE),
            "{args:?}: {:?} {stderr}",
            out.status
        );
    }
}
