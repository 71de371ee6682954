//! Shared helpers of the integration tests: run the real `sohoa` binary, build small boxes
//! from the bundled sample scans, read JSON output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod seaweedfs;

/// The repository's sample scans.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-scans/box-01")
}

/// A `sohoa` command with a clean environment for the archive and user variables.
pub fn sohoa() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sohoa"));
    c.env_remove("SOHOA_ARCHIVE")
        .env_remove("SOHOA_USER")
        .env("NO_COLOR", "1");
    c
}

/// Runs `sohoa user add NAME --role ROLE [--clearance LEVEL --decision … --expires
/// EXPIRES] --password-stdin` on `archive`; `clearance` is `(LEVEL, EXPIRES)`.
pub fn user_add(archive: &Path, name: &str, role: &str, clearance: Option<(&str, &str)>) -> Output {
    use std::io::Write as _;
    let mut c = sohoa();
    c.args(["user", "add", name, "--role", role, "--password-stdin"]);
    if let Some((level, expires)) = clearance {
        c.args([
            "--clearance",
            level,
            "--decision",
            "12/QĐ-VPTU",
            "--expires",
            expires,
        ]);
    }
    let mut child = c
        .arg("--archive")
        .arg(archive)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sohoa runs");
    writeln!(child.stdin.take().unwrap(), "mật khẩu của {name}").unwrap();
    child.wait_with_output().unwrap()
}

/// The name of `archive`'s account with `role` (`archivist` to edit, `auditor` to read
/// the audit log, `reader`) and clearance `level` (`mat`, `toi-mat`) until 2099, made when
/// the archive does not have it yet: what the tests pass as `--user` to read cleared.
pub fn cleared(archive: &Path, role: &str, level: &str) -> String {
    let name = format!("{role}-{level}");
    let list = json(&run(archive, &["user", "list", "--json"]));
    let known = list["users"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["name"] == name.as_str());
    if !known {
        let out = user_add(archive, &name, role, Some((level, "2099-12-31")));
        assert!(
            out.status.success(),
            "user add {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    name
}

/// Runs `sohoa ARGS --archive ARCHIVE` and returns the output.
pub fn run(archive: &Path, args: &[&str]) -> Output {
    let out = sohoa()
        .args(args)
        .arg("--archive")
        .arg(archive)
        .output()
        .expect("sohoa runs");
    out
}

/// Runs `sohoa ingest BOX --archive ARCHIVE -j JOBS --no-progress [--json]`.
pub fn ingest(archive: &Path, box_dir: &Path, jobs: u32, json: bool) -> Output {
    let jobs = jobs.to_string();
    let mut args = vec![
        "ingest",
        box_dir.to_str().unwrap(),
        "-j",
        &jobs,
        "--no-progress",
    ];
    if json {
        args.push("--json");
    }
    run(archive, &args)
}

/// Parses stdout as JSON, showing stderr when it is not.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The id of the first document `sohoa list --json` gives for `archive`.
pub fn first_document(archive: &Path) -> String {
    json(&run(archive, &["list", "--json"]))["documents"][0]["id"]
        .as_str()
        .expect("a stored document")
        .to_string()
}

/// The id of the document of hồ sơ `hoso` in a `sohoa list --json` answer.
pub fn document_id_of(list: &serde_json::Value, hoso: &str) -> String {
    list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["hoso"] == hoso)
        .unwrap_or_else(|| panic!("no document of {hoso}: {list}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Copies sample files into `box_dir/<hoso>/<name>`: `(hoso, sample path relative to box-01, name)`.
pub fn make_box(box_dir: &Path, files: &[(&str, &str, &str)]) {
    for (hoso, sample, name) in files {
        let dir = box_dir.join(hoso);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(samples().join(sample), dir.join(name)).unwrap();
    }
}

/// A small box: an upside-down PNG, a noisy PNG, and an image-only PDF with a blank back.
pub fn small_box(parent: &Path) -> PathBuf {
    let b = parent.join("hop-01");
    make_box(
        &b,
        &[
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            ("hs-b", "hs-02-van-thu-luu-tru/1.png", "1.png"),
            (
                "hs-c",
                "hs-03-thong-tri-1997/thong-tri-07.pdf",
                "thong-tri.pdf",
            ),
        ],
    );
    b
}

/// A directory for a fixture made once per test run and kept in a `static` (statics are
/// never dropped, so a plain temporary directory would outlive every run). Named after this
/// process; the first call removes those of runs whose process is gone.
pub fn fixture_dir() -> tempfile::TempDir {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    const PREFIX: &str = "sohoa-it-fixture-";
    SWEPT.call_once(|| {
        let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = name
                .strip_prefix(PREFIX)
                .and_then(|rest| rest.split('-').next())
            else {
                continue;
            };
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    });
    tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .tempdir()
        .unwrap()
}

/// Two one-page hồ sơ (`hs`: a typed page, `hs-b`: an upside-down one) of box `hop-a`,
/// ingested once with `-j 1`: (its directory, archive, box). The tests that damage, roll back
/// or copy an archive start from copies of it.
pub fn two_page_pristine() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static ARCHIVE: std::sync::OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> =
        std::sync::OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let tmp = fixture_dir();
        let box_dir = tmp.path().join("hop-a");
        make_box(
            &box_dir,
            &[
                ("hs", "hs-02-van-thu-luu-tru/2.png", "1.png"),
                ("hs-b", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            ],
        );
        let archive = tmp.path().join("archive");
        let out = ingest(&archive, &box_dir, 1, false);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        (tmp, archive, box_dir)
    })
}

/// [`small_box`] ingested once (`-j 2`, `--json`): (its directory, archive, box, the
/// ingest's summary). Tests that only read or change their archive afterwards start from a
/// copy ([`small_box_ingested`]) instead of paying for the same OCR again.
fn small_box_pristine() -> &'static (tempfile::TempDir, PathBuf, PathBuf, serde_json::Value) {
    static PRISTINE: std::sync::OnceLock<(tempfile::TempDir, PathBuf, PathBuf, serde_json::Value)> =
        std::sync::OnceLock::new();
    PRISTINE.get_or_init(|| {
        let tmp = fixture_dir();
        let box_dir = small_box(tmp.path());
        let archive = tmp.path().join("archive");
        let out = ingest(&archive, &box_dir, 2, true);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        let summary = json(&out);
        (tmp, archive, box_dir, summary)
    })
}

/// A copy of [`small_box`] and its archive as ingested, side by side in `parent`:
/// (archive, box, the ingest's summary).
pub fn small_box_ingested(parent: &Path) -> (PathBuf, PathBuf, serde_json::Value) {
    let (made, _, _, summary) = small_box_pristine();
    let (archive, box_dir) = copy_ingested(made.path(), "hop-01", parent);
    (archive, box_dir, summary.clone())
}

/// Copies an ingest fixture made in `from` (its `archive` and its box `box_name`, side by
/// side as ingested) into `to`; returns the copies' (archive, box).
pub fn copy_ingested(from: &Path, box_name: &str, to: &Path) -> (PathBuf, PathBuf) {
    let (archive, box_dir) = (to.join("archive"), to.join(box_name));
    copy_tree(&from.join("archive"), &archive);
    copy_tree(&from.join(box_name), &box_dir);
    (archive, box_dir)
}

/// Every file below `dir` with its bytes, for before/after comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for (path, bytes) in snapshot(from) {
        let target = to.join(path.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}

/// A Python validator installed by `scripts/install-deps.sh` (`bagit.py`,
/// `ocfl-validate.py`), looked up in `$SOHOA_TOOLS/bin`, then
/// `${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv/bin`, then `PATH`. When it is missing a
/// test fails under CI (`CI` set) and is otherwise skipped with a loud message (None).
pub fn validator(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(t) = std::env::var_os("SOHOA_TOOLS") {
        dirs.push(PathBuf::from(t).join("bin"));
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    if let Some(c) = cache {
        dirs.push(c.join("sohoa-tools/venv/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Some(found) = dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()) {
        return Some(found);
    }
    let msg = format!(
        "{name} not found (looked in $SOHOA_TOOLS/bin, ~/.cache/sohoa-tools/venv/bin, PATH); \
         run `bash scripts/install-deps.sh`"
    );
    assert!(std::env::var_os("CI").is_none(), "{msg}");
    eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    None
}

/// Runs a validator on `args`, returning (success, stdout + stderr).
pub fn run_validator(tool: &Path, args: &[&Path]) -> (bool, String) {
    let out = Command::new(tool)
        .args(args)
        .output()
        .expect("validator runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
