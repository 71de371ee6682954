//! A box with broken files: each gets a clear error naming the file (and page), the good
//! pages go in, the exit code is 3, and the batch report lists every page's outcome.

use crate::common::*;

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
    objects.extend(extra_objects.iter().map(std::string::ToString::to_string));
    pdf_of(&objects, "bad-input corpus")
}

/// The bad-input corpus of the integrity issue, all in one box next to one good page: each
/// file is a failure whose error names it (and says what is wrong), and the good page goes in.
#[test]
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
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
    // The TIFF cut to its first third: its first page is whole, the second's directory
    // is cut off: that page is named, the first goes in.
    expect("hs/02.tif", &["page 2"]);
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
    // The good page and the cut TIFF's whole first page went in; nothing else of the bad
    // files did, and the archive verifies.
    assert_eq!(s["pages_ok"], 2, "{s:#}");
    let list = json(&run(&archive, &["list", "--json"]));
    let sources: std::collections::BTreeSet<String> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap();
            let shown = json(&run(&archive, &["show", id, "--json"]));
            shown["pages"][0]["source_file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        sources,
        ["hs/01.png".to_string(), "hs/02.tif".to_string()].into(),
        "{list}"
    );
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

/// A decompression bomb is refused from its header: the process's peak RSS (from `wait4`)
/// stays that of an ordinary small ingest.
#[test]
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
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
    let pid = unsafe {
        libc::wait4(
            libc::pid_t::try_from(child.id()).unwrap(),
            &raw mut status,
            0,
            &raw mut usage,
        )
    };
    assert_eq!(pid, libc::pid_t::try_from(child.id()).unwrap());
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
        let tmp = crate::common::fixture_dir();
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

/// A PDF of `pages` pages that paint nothing (A4), unique by `tag` (so no two are one
/// content, which ingest would store once).
fn empty_pages_pdf(pages: usize, tag: &str) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string()),
    );
    pdf_of(&objects, tag)
}

/// A PDF of the numbered objects given (1 is the catalog), with a correct cross-reference
/// table and `tag` in a comment.
fn pdf_of(objects: &[String], tag: &str) -> Vec<u8> {
    let mut pdf = format!("%PDF-1.7\n% {tag}\n").into_bytes();
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

/// Runs `sohoa ingest BOX --json -j 2 EXTRA…`, killing it (and failing) when it has not
/// finished within `secs` seconds: a hang is a failure, not a stuck test run.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn ingest_within(
    archive: &std::path::Path,
    box_dir: &std::path::Path,
    extra: &[&str],
    secs: u64,
) -> std::process::Output {
    use std::process::Stdio;
    let child = sohoa()
        .args(["ingest", "--no-progress", "--json", "-j", "2", "--archive"])
        .arg(archive)
        .arg(box_dir)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    if let Ok(out) = rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        out.unwrap()
    } else {
        // SAFETY: signalling the child this test started, by its pid.
        unsafe { libc::kill(pid, libc::SIGKILL) };
        panic!(
            "ingest of {} did not finish within {secs} s",
            box_dir.display()
        );
    }
}

fn c_path(path: &std::path::Path) -> std::ffi::CString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap()
}

/// The failure whose source file is `name`, or a panic showing the summary.
fn failure_of<'a>(s: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    s["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["source_file"] == name)
        .unwrap_or_else(|| panic!("{name:?} not in failures: {s:#}"))
}

/// Paths that used to hang or abort the run: a FIFO and a character device named like
/// scans, a file name with a newline, two nested 130-character folder names, a PDF without
/// pages and one whose page tree loops, a hồ sơ sidecar linked to a file outside the box.
/// Each fails (or is skipped) alone, named; every other hồ sơ goes in; exit 3.
#[test]
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn special_files_and_bad_paths_fail_alone_and_the_box_goes_in() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-odd");
    make_box(
        &box_dir,
        &[("hs-a", "hs-02-van-thu-luu-tru/2.png", "1.png")],
    );
    // SAFETY: valid NUL-terminated paths.
    assert_eq!(
        unsafe { libc::mkfifo(c_path(&box_dir.join("hs-a/p.png")).as_ptr(), 0o644) },
        0
    );
    // A character device needs root; 1:5 is /dev/zero's number.
    let device = unsafe {
        libc::mknod(
            c_path(&box_dir.join("hs-a/z.tif")).as_ptr(),
            libc::S_IFCHR | 0o644,
            libc::makedev(1, 5),
        )
    } == 0;
    let write = |rel: &str, bytes: Vec<u8>| {
        let path = box_dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    write("hs-nl/a\nb.pdf", empty_pages_pdf(1, "newline"));
    write("hs-nl/ok.pdf", empty_pages_pdf(1, "beside the newline"));
    let long = format!("{}/{}", "x".repeat(130), "y".repeat(130));
    write(&format!("{long}/1.pdf"), empty_pages_pdf(2, "long"));
    let catalog = "<< /Type /Catalog /Pages 2 0 R >>".to_string();
    write(
        "hs-pdf/empty.pdf",
        pdf_of(
            &[
                catalog.clone(),
                "<< /Type /Pages /Kids [] /Count 0 >>".into(),
            ],
            "no pages",
        ),
    );
    write(
        "hs-pdf/loop.pdf",
        pdf_of(
            &[catalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>".into()],
            "a loop",
        ),
    );
    write("hs-pdf/ok.pdf", empty_pages_pdf(1, "beside the empty"));
    write("hs-link/1.pdf", empty_pages_pdf(1, "linked sidecar"));
    let outside = tmp.path().join("outside.json");
    std::fs::write(&outside, r#"{"tieu_de": "from outside the box"}"#).unwrap();
    std::os::unix::fs::symlink(&outside, box_dir.join("hs-link/hoso.json")).unwrap();

    let archive = tmp.path().join("archive");
    let out = ingest_within(&archive, &box_dir, &[], 300);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let error = |name: &str| failure_of(&s, name)["error"].as_str().unwrap().to_string();
    let fifo = error("hs-a/p.png");
    assert!(
        fifo.contains("FIFO") && fifo.contains("hs-a/p.png"),
        "{fifo}"
    );
    if device {
        let dev = error("hs-a/z.tif");
        assert!(dev.contains("character device"), "{dev}");
    }
    let newline = error("hs-nl/a\nb.pdf");
    assert!(newline.contains("control character"), "{newline}");
    let empty = error("hs-pdf/empty.pdf");
    assert!(
        empty.contains("hs-pdf/empty.pdf") && empty.contains("no pages"),
        "{empty}"
    );
    let looping = error("hs-pdf/loop.pdf");
    assert!(
        looping.contains("hs-pdf/loop.pdf") && looping.contains("loops"),
        "{looping}"
    );
    let linked = error("hs-link/1.pdf");
    assert!(
        linked.contains("hs-link/hoso.json") && linked.contains("symbolic link"),
        "{linked}"
    );
    // Every other hồ sơ went in, the one in long folders too.
    let list = json(&run(&archive, &["list", "--json"]));
    let hoso: std::collections::BTreeSet<&str> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["hoso"].as_str().unwrap())
        .collect();
    let expected: std::collections::BTreeSet<&str> =
        ["hs-a", "hs-nl", "hs-pdf", long.as_str()].into();
    assert_eq!(hoso, expected, "{list:#}");
    assert!(!list.to_string().contains("from outside the box"));
    let long_doc = document_id_of(&list, &long);
    let pdf = tmp.path().join("long.pdf");
    let got = run(
        &archive,
        &["get", &long_doc, "--pdf", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(code(&got), 0, "{}", String::from_utf8_lossy(&got.stderr));
    // The report names the special files among the skipped paths.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(s["report"].as_str().unwrap()).unwrap()).unwrap();
    assert!(report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["path"] == "hs-a/p.png"));
    assert_eq!(code(&run(&archive, &["verify"])), 0);

    // A box.json linked to an endless device: refused, named, not read.
    let endless = tmp.path().join("hop-zero");
    make_box(&endless, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    std::os::unix::fs::symlink("/dev/zero", endless.join("box.json")).unwrap();
    let out = ingest_within(&archive, &endless, &[], 60);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let errors = json(&out)["failures"].to_string();
    assert!(
        errors.contains("box.json") && errors.contains("symbolic link"),
        "{errors}"
    );
}

/// A hồ sơ that cannot be stored (its originals' paths are too long for the archive's file
/// system: ENAMETOOLONG while copying) fails alone, named in the report; the other hồ sơ of
/// the box is stored, exit 3, and the same happens on a rerun (it does not abort).
#[test]
fn a_hoso_that_cannot_be_stored_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let box_dir = root.join("hop-deep");
    // The scan's path fits PATH_MAX (4096) here, but not below the archive's staging
    // directory, whose prefix is longer by some 90 bytes.
    let room = 4060 - box_dir.as_os_str().len() - "/hs-deep/1.pdf".len();
    let mut deep = box_dir.join("hs-deep");
    let mut used = 0;
    while used + 201 <= room {
        deep.push("d".repeat(200));
        used += 201;
    }
    if room - used > 1 {
        deep.push("e".repeat(room - used - 1));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("1.pdf"), empty_pages_pdf(1, "deep")).unwrap();
    assert!(deep.join("1.pdf").as_os_str().len() < 4096);
    std::fs::create_dir_all(box_dir.join("hs-ok")).unwrap();
    std::fs::write(box_dir.join("hs-ok/1.pdf"), empty_pages_pdf(1, "ok")).unwrap();
    let archive = root.join("archive");
    for run_number in 1..=2 {
        let out = ingest_within(&archive, &box_dir, &[], 120);
        assert_eq!(
            code(&out),
            3,
            "run {run_number}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let s = json(&out);
        let failures = s["failures"].as_array().unwrap();
        assert_eq!(failures.len(), 1, "{s:#}");
        let error = failures[0]["error"].as_str().unwrap();
        assert!(
            error.contains("hồ sơ hs-deep/") && error.contains("not stored"),
            "{error}"
        );
        assert!(
            error.contains("name too long") || error.contains("os error 36"),
            "{error}"
        );
        let list = json(&run(&archive, &["list", "--json"]));
        let hoso: Vec<&str> = list["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["hoso"].as_str().unwrap())
            .collect();
        assert_eq!(hoso, ["hs-ok"], "{list:#}");
    }
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

/// A scan appended to while `sohoa ingest` reads it (a scanner still writing it): a thread
/// appends to it from before the run starts until the run ends, so the bytes the plan hashed
/// are not the bytes the commit copies, whatever the threads' timing. Its hồ sơ alone fails,
/// named in the report with the file, exit 3; the other hồ sơ is committed; nothing of the
/// failed one is stored (no object, no staged version) and the archive verifies. Once the
/// file is final, the next run stores it.
#[test]
fn a_scan_appended_to_while_ingested_fails_only_its_own_hoso() {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-grow");
    make_box(
        &box_dir,
        &[
            ("hs-ok", "hs-02-van-thu-luu-tru/2.png", "1.png"),
            ("hs-grow", "hs-01-nghi-quyet/02-nq.png", "1.png"),
        ],
    );
    let growing = box_dir.join("hs-grow/1.png");
    let archive = tmp.path().join("archive");
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let appender = {
        let (stop, growing) = (stop.clone(), growing.clone());
        std::thread::spawn(move || {
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&growing)
                .unwrap();
            let mut appended = 0_u64;
            while !stop.load(Ordering::Relaxed) {
                file.write_all(b"\0").unwrap();
                appended += 1;
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            appended
        })
    };
    let out = ingest_within(&archive, &box_dir, &[], 600);
    stop.store(true, Ordering::Relaxed);
    assert!(appender.join().unwrap() > 0);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let error = failure_of(&s, "hs-grow/1.png")["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        error.contains("hồ sơ hs-grow not stored")
            && error.contains("hs-grow/1.png")
            && error.contains("changed while being ingested"),
        "{error}"
    );
    assert_eq!(s["failures"].as_array().unwrap().len(), 1, "{s:#}");
    let hoso = |archive: &std::path::Path| -> Vec<String> {
        let list = json(&run(archive, &["list", "--json"]));
        list["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["hoso"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(hoso(&archive), ["hs-ok"]);
    // Nothing half-written: one object, no version left staged, every file accounted for.
    let objects = walkdir::WalkDir::new(archive.join("ocfl"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "0=ocfl_object_1.1")
        .count();
    assert_eq!(objects, 1);
    let staged = archive.join("staging/ocfl");
    assert!(
        !staged.exists() || std::fs::read_dir(&staged).unwrap().count() == 0,
        "a version left in staging"
    );
    let verify = run(&archive, &["verify", "--json"]);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );

    // The file final, the next run stores its hồ sơ.
    let out = ingest_within(&archive, &box_dir, &[], 600);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(hoso(&archive), ["hs-grow", "hs-ok"]);
}

/// A 140 KB PDF declaring 2,000 empty pages is refused from its page count, naming the file
/// and the limit; under the limit, empty pages are made without rendering, so the ingest is
/// quick and the access copy small.
#[test]
fn a_small_pdf_of_thousands_of_pages_is_refused_and_empty_pages_are_cheap() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-amp");
    std::fs::create_dir_all(box_dir.join("hs-big")).unwrap();
    std::fs::create_dir_all(box_dir.join("hs-ok")).unwrap();
    let big = empty_pages_pdf(2000, "big");
    std::fs::write(box_dir.join("hs-big/blank.pdf"), &big).unwrap();
    std::fs::write(box_dir.join("hs-ok/1.pdf"), empty_pages_pdf(1, "ok")).unwrap();
    let archive = tmp.path().join("archive");
    let out = ingest_within(&archive, &box_dir, &[], 120);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let error = failure_of(&s, "hs-big/blank.pdf")["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        error.contains("hs-big/blank.pdf")
            && error.contains("2000 pages")
            && error.contains("limit of 1000")
            && error.contains("--max-pages-per-file"),
        "{error}"
    );
    assert_eq!(s["pages_failed"], 1, "{s:#}");
    assert_eq!(s["pages_ok"], 1, "{s:#}");

    // Raising the limit below the file's count still refuses it; the limit is the option's.
    let out = ingest_within(&archive, &box_dir, &["--max-pages-per-file", "1999"], 120);
    assert!(json(&out)["failures"].to_string().contains("limit of 1999"));

    // 40 empty pages under the limit: no renders, a small access copy.
    let pages = 40;
    let box_many = tmp.path().join("hop-many");
    std::fs::create_dir_all(box_many.join("hs")).unwrap();
    std::fs::write(
        box_many.join("hs/blank.pdf"),
        empty_pages_pdf(pages, "many"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = ingest_within(&archive, &box_many, &[], 600);
    let took = started.elapsed();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    assert_eq!(s["pages_ok"], pages, "{s:#}");
    let doc = s["documents"][0].as_str().unwrap().to_string();
    let pdf = tmp.path().join("many.pdf");
    let got = run(
        &archive,
        &["get", &doc, "--pdf", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(code(&got), 0, "{}", String::from_utf8_lossy(&got.stderr));
    let size = std::fs::metadata(&pdf).unwrap().len();
    eprintln!("{pages} empty pages: ingest {took:?}, access copy {size} bytes");
    assert!(
        size < 1500 * pages as u64,
        "access copy of {pages} empty pages is {size} bytes"
    );
}

/// A PDF page that only `pdftoppm` can draw (text and a rule, no image) is rendered once: for
/// OCR, its access-copy image encoded then, not rendered again at the commit.
#[test]
fn a_pdf_page_that_needs_rendering_is_rendered_once() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-vector");
    std::fs::create_dir_all(box_dir.join("hs")).unwrap();
    let pages = 3;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        ),
    ];
    for i in 0..pages {
        // A heading (Helvetica text) and a rule under it: text and drawing, so rendered.
        let drawing = format!(
            "BT /F1 16 Tf 150 760 Td (BAO CAO TONG KET NAM {}) Tj ET \
             BT /F1 12 Tf 72 700 Td (Ve cong tac luu tru tai lieu cua co quan) Tj ET \
             2 w 72 {} m 520 {} l S",
            1990 + i,
            680 - 10 * i,
            680 - 10 * i
        );
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
             /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            4 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{drawing}\nendstream",
            drawing.len()
        ));
    }
    std::fs::write(box_dir.join("hs/lines.pdf"), pdf_of(&objects, "lines")).unwrap();
    let archive = tmp.path().join("archive");
    let out = sohoa()
        .args([
            "-vv",
            "ingest",
            "--no-progress",
            "--json",
            "-j",
            "2",
            "--archive",
        ])
        .arg(&archive)
        .arg(&box_dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(code(&out), 0, "{stderr}");
    let s = json(&out);
    assert_eq!(s["pages_ok"], pages, "{s:#}");
    let renders = stderr.matches("rendered PDF page with pdftoppm").count();
    assert_eq!(renders, pages, "one render per page: {stderr}");
    // The access copy has every page, and the store verifies.
    let doc = s["documents"][0].as_str().unwrap().to_string();
    let pdf = tmp.path().join("lines-access.pdf");
    let got = run(
        &archive,
        &["get", &doc, "--pdf", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(code(&got), 0, "{}", String::from_utf8_lossy(&got.stderr));
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(&format!(" {pages}"))),
        "{info}"
    );
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}
