//! Discover the hồ sơ and pages of a storage box (DESIGN.md §2).
//!
//! In: a box directory. Out: a [`ScanBox`]: its sidecar, one [`HoSoSource`] per directory
//! that directly holds scan files (files in the box root form a hồ sơ named after the box),
//! each with its scan files in natural sort order (`2.tif` before `10.tif`), plus a note for
//! every path that was skipped (hidden, not a scan, symbolic link, not a regular file — a
//! FIFO or device named like a scan —, unreadable, a name holding a control character, a
//! name equal to an earlier one once both are in Unicode NFC) and every hồ sơ whose sidecar
//! is invalid. Sidecars are read only when they are regular files (never through a link),
//! and only up to [`SIDECAR_LIMIT`] bytes.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use archive_schema::{BoxSidecar, HoSoSidecar};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

use crate::decode::ScanFormat;
use crate::policy::{self, ApprovalsFile};
use crate::{Error, Result};

/// Sidecar file names that are read, not skipped.
const SIDECARS: [&str; 3] = ["box.json", "hoso.json", "approvals.json"];

/// The largest sidecar (`box.json`, `hoso.json`, `approvals.json`) read, in bytes.
pub const SIDECAR_LIMIT: u64 = 1 << 20;

/// One storage box (hộp) as found on disk.
#[derive(Debug, Clone)]
pub struct ScanBox {
    pub root: PathBuf,
    /// The box's name: its directory name.
    pub name: String,
    pub sidecar: Option<BoxSidecar>,
    pub hoso: Vec<HoSoSource>,
    /// Paths that were skipped, with the reason.
    pub notes: Vec<SkippedPath>,
}

/// One hồ sơ: a directory that directly holds scan files.
#[derive(Debug, Clone)]
pub struct HoSoSource {
    /// Path relative to the box root with `/` separators; the box name for the root itself.
    pub path: String,
    pub dir: PathBuf,
    pub sidecar: Option<HoSoSidecar>,
    /// Why the hồ sơ cannot be ingested (an invalid sidecar), if so.
    pub rejected: Option<String>,
    pub files: Vec<ScanFile>,
}

/// One scan file of a hồ sơ.
#[derive(Debug, Clone)]
pub struct ScanFile {
    /// Path relative to the box root with `/` separators (e.g. `hs-02/scan.tif`).
    pub rel_path: String,
    pub abs_path: PathBuf,
    pub format: ScanFormat,
}

/// A path that discovery passed over.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedPath {
    pub path: String,
    pub reason: String,
    /// True when the path should have been ingested but could not be (e.g. unreadable).
    pub is_error: bool,
}

/// Walks `root` and returns the box's hồ sơ and pages.
pub fn discover_box(root: &Path) -> Result<ScanBox> {
    let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
    if !meta.is_dir() {
        return Err(Error::io(
            root,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a directory"),
        ));
    }
    let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let name = root
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::decode(&root, None, "box directory name is not valid UTF-8"))?
        .to_string();
    let sidecar = read_sidecar(&root.join("box.json"), BoxSidecar::from_json)?;

    let mut notes = Vec::new();
    // Paths taken so far by their NFC form, to refuse a second spelling of the same name.
    let mut by_nfc: HashMap<String, String> = HashMap::new();
    let mut by_dir: BTreeMap<String, Vec<ScanFile>> = BTreeMap::new();
    let mut walker = WalkDir::new(&root)
        .follow_links(false)
        .sort_by(|a, b| {
            natord::compare(
                &a.file_name().to_string_lossy(),
                &b.file_name().to_string_lossy(),
            )
        })
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| relative(&root, p)).unwrap_or_default();
                notes.push(SkippedPath {
                    path,
                    reason: format!("cannot be read: {e}"),
                    is_error: true,
                });
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let rel = relative(&root, entry.path());
        if is_hidden(entry.file_name()) {
            notes.push(SkippedPath {
                path: rel,
                reason: "hidden file or directory".into(),
                is_error: false,
            });
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        let Some(file_name) = entry.file_name().to_str() else {
            notes.push(SkippedPath {
                path: rel,
                reason: "file name is not valid UTF-8; rename it".into(),
                is_error: true,
            });
            continue;
        };
        if entry.path_is_symlink() {
            notes.push(SkippedPath {
                reason: symlink_reason(entry.path()),
                path: rel,
                is_error: true,
            });
            continue;
        }
        let sidecar = SIDECARS.contains(&file_name);
        let scan_format = ScanFormat::from_path(entry.path());
        if !entry.file_type().is_file() {
            notes.push(SkippedPath {
                path: rel,
                reason: format!(
                    "{} is not a regular file: not read (only regular files are scans and sidecars)",
                    special_kind(entry.file_type())
                ),
                is_error: sidecar || scan_format.is_some(),
            });
            continue;
        }
        if sidecar {
            continue;
        }
        if let Some(c) = rel.chars().find(|c| c.is_control()) {
            notes.push(SkippedPath {
                reason: format!(
                    "the path holds a control character ({}): not ingested; rename it",
                    c.escape_default()
                ),
                path: rel,
                is_error: true,
            });
            continue;
        }
        let nfc: String = rel.nfc().collect();
        if let Some(first) = by_nfc.get(&nfc) {
            notes.push(SkippedPath {
                reason: format!(
                    "the same name as \"{first}\" written with other Unicode code points \
                     (NFC/NFD): not ingested; rename one of them"
                ),
                path: rel,
                is_error: true,
            });
            continue;
        }
        by_nfc.insert(nfc, rel.clone());
        let Some(format) = scan_format else {
            notes.push(SkippedPath {
                path: rel,
                reason: "not a scan file (TIFF, PNG, JPEG or PDF)".into(),
                is_error: false,
            });
            continue;
        };
        let dir_rel = match rel.rsplit_once('/') {
            Some((dir, _)) => dir.to_string(),
            None => String::new(),
        };
        by_dir.entry(dir_rel).or_default().push(ScanFile {
            rel_path: rel,
            abs_path: entry.path().to_path_buf(),
            format,
        });
    }

    let mut hoso = Vec::new();
    for (dir_rel, mut files) in by_dir {
        files.sort_by(|a, b| natord::compare(&a.rel_path, &b.rel_path));
        let dir = if dir_rel.is_empty() {
            root.clone()
        } else {
            root.join(&dir_rel)
        };
        let (sidecar, rejected) = match read_sidecar(&dir.join("hoso.json"), HoSoSidecar::from_json)
        {
            Ok(s) => (s, None),
            Err(e) => (None, Some(e.to_string())),
        };
        hoso.push(HoSoSource {
            path: if dir_rel.is_empty() {
                name.clone()
            } else {
                dir_rel
            },
            dir,
            sidecar,
            rejected,
            files,
        });
    }
    hoso.sort_by(|a, b| natord::compare(&a.path, &b.path));
    Ok(ScanBox {
        root,
        name,
        sidecar,
        hoso,
        notes,
    })
}

/// Why a symbolic link in a box is not ingested: links are never followed, so a box cannot
/// pull in files from outside it (or loop); the archivist copies the file in instead.
fn symlink_reason(path: &Path) -> String {
    let target = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
    match std::fs::metadata(path) {
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            format!("symbolic link loop (→ {target}): not followed")
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            format!("dangling symbolic link (→ {target}): the file it points to does not exist")
        }
        _ => format!("symbolic link (→ {target}) not followed: copy the file into the box instead"),
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// What a file that is not a regular file is, for the skipped note.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO (named pipe)"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

fn read_sidecar<T>(
    path: &Path,
    parse: impl Fn(&str, &str) -> archive_schema::Result<T>,
) -> Result<Option<T>> {
    match read_sidecar_text(path)? {
        Some(text) => Ok(Some(parse(&path.display().to_string(), &text)?)),
        None => Ok(None),
    }
}

/// Reads `approvals.json` of a box directory ([`policy::APPROVALS_FILE`]); an empty set when
/// there is none. Read as every sidecar is ([`read_sidecar_text`]: no links, regular files
/// only, bounded size), then parsed and checked by [`ApprovalsFile::parse`].
pub fn read_approvals(box_dir: &Path) -> Result<ApprovalsFile> {
    let path = box_dir.join(policy::APPROVALS_FILE);
    let Some(text) = read_sidecar_text(&path)? else {
        return Ok(ApprovalsFile::default());
    };
    ApprovalsFile::parse(&text).map_err(|e| Error::Json {
        path,
        message: e.to_string(),
    })
}

/// The text of a sidecar, None when there is none. A symbolic link is not followed and a
/// FIFO or device is not read (an error says so); a sidecar over [`SIDECAR_LIMIT`] bytes or
/// not UTF-8 is an error. The file is opened without following links and without blocking,
/// then checked to be a regular file, so it cannot be swapped for one in between.
pub fn read_sidecar_text(path: &Path) -> Result<Option<String>> {
    use std::os::unix::fs::OpenOptionsExt;
    let refuse = |message: String| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, message),
        )
    };
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(refuse(symlink_reason(path)))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(refuse(format!(
            "{} is not a regular file: not read",
            special_kind(meta.file_type())
        )));
    }
    let mut bytes = Vec::new();
    file.take(SIDECAR_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > SIDECAR_LIMIT {
        return Err(refuse(format!(
            "larger than {SIDECAR_LIMIT} bytes, the most a sidecar may hold: not read"
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| refuse("not UTF-8 text".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn groups_pages_into_hoso_in_natural_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hop-07");
        fs::create_dir_all(root.join("hs-2")).unwrap();
        fs::create_dir_all(root.join("hs-10/sub")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "cover.jpg",
            "hs-2/10.tif",
            "hs-2/2.tif",
            "hs-2/1.PNG",
            "hs-10/sub/a.pdf",
            "hs-2/notes.txt",
            ".DS_Store",
            ".git/x.png",
        ] {
            fs::write(root.join(f), b"x").unwrap();
        }
        fs::write(root.join("hs-2/hoso.json"), r#"{"so_ho_so": "2"}"#).unwrap();
        fs::write(root.join("hs-10/sub/hoso.json"), r#"{"bogus": 1}"#).unwrap();
        let b = discover_box(&root).unwrap();
        assert_eq!(b.name, "hop-07");
        let paths: Vec<_> = b.hoso.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(paths, ["hop-07", "hs-2", "hs-10/sub"]);
        let files: Vec<_> = b.hoso[1]
            .files
            .iter()
            .map(|f| f.rel_path.as_str())
            .collect();
        assert_eq!(files, ["hs-2/1.PNG", "hs-2/2.tif", "hs-2/10.tif"]);
        assert_eq!(
            b.hoso[1].sidecar.as_ref().unwrap().so_ho_so.as_deref(),
            Some("2")
        );
        assert!(b.hoso[2].rejected.as_ref().unwrap().contains("bogus"));
        let skipped: Vec<_> = b.notes.iter().map(|n| n.path.as_str()).collect();
        assert!(skipped.contains(&"hs-2/notes.txt"), "{skipped:?}");
        assert!(
            skipped.contains(&".DS_Store") && skipped.contains(&".git"),
            "{skipped:?}"
        );
        assert!(!skipped.contains(&".git/x.png"), "{skipped:?}");
    }

    #[test]
    fn invalid_box_sidecar_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("box.json"), r#"{"hop_so": "../x"}"#).unwrap();
        let e = discover_box(dir.path()).unwrap_err().to_string();
        assert!(e.contains("box.json") && e.contains("hop_so"), "{e}");
    }

    #[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
    fn mkfifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }

    /// A character device (root only; false when it cannot be made).
    #[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
    fn mkchar(path: &Path) -> bool {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; 1:3 is /dev/null's device number.
        unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o644, libc::makedev(1, 3)) == 0 }
    }

    fn note<'a>(b: &'a ScanBox, path: &str) -> &'a SkippedPath {
        b.notes
            .iter()
            .find(|n| n.path == path)
            .unwrap_or_else(|| panic!("no note for {path:?}: {:?}", b.notes))
    }

    #[test]
    fn only_regular_files_are_scans_and_odd_names_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hop");
        fs::create_dir_all(root.join("hs")).unwrap();
        fs::write(root.join("hs/1.png"), b"x").unwrap();
        mkfifo(&root.join("hs/p.png"));
        mkfifo(&root.join("hs/pipe"));
        let device = mkchar(&root.join("hs/z.tif"));
        fs::write(root.join("hs/a\nb.png"), b"x").unwrap();
        let nfc = "hs/Nghị quyết.png";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        fs::write(root.join(nfc), b"x").unwrap();
        fs::write(root.join(&nfd), b"y").unwrap();
        let b = discover_box(&root).unwrap();
        let files: Vec<_> = b.hoso[0]
            .files
            .iter()
            .map(|f| f.rel_path.as_str())
            .collect();
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files.contains(&"hs/1.png"), "{files:?}");

        let fifo = note(&b, "hs/p.png");
        assert!(fifo.is_error && fifo.reason.contains("FIFO"), "{fifo:?}");
        assert!(fifo.reason.contains("not a regular file"), "{fifo:?}");
        assert!(!note(&b, "hs/pipe").is_error);
        if device {
            let dev = note(&b, "hs/z.tif");
            assert!(
                dev.is_error && dev.reason.contains("character device"),
                "{dev:?}"
            );
        }
        let newline = note(&b, "hs/a\nb.png");
        assert!(
            newline.is_error && newline.reason.contains("control character"),
            "{newline:?}"
        );
        // One of the two spellings is taken; the other is named with the first.
        let second = b
            .notes
            .iter()
            .find(|n| n.reason.contains("NFC/NFD"))
            .unwrap_or_else(|| panic!("{:?}", b.notes));
        assert!(second.is_error);
        assert!(second.path == nfc || second.path == nfd, "{second:?}");
        let first = if second.path == nfc { &nfd } else { nfc };
        assert!(second.reason.contains(first), "{second:?}");
        assert!(files.contains(&first), "{files:?}");
    }

    #[test]
    fn sidecars_are_read_only_as_small_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hop");
        let outside = dir.path().join("outside.json");
        fs::write(&outside, r#"{"so_ho_so": "7"}"#).unwrap();
        for hs in ["linked", "fifo", "big", "fine"] {
            fs::create_dir_all(root.join(hs)).unwrap();
            fs::write(root.join(hs).join("1.png"), hs).unwrap();
        }
        std::os::unix::fs::symlink(&outside, root.join("linked/hoso.json")).unwrap();
        mkfifo(&root.join("fifo/hoso.json"));
        let big = format!(r#"{{"ghi_chu": "{}"}}"#, "a".repeat(SIDECAR_LIMIT as usize));
        fs::write(root.join("big/hoso.json"), big).unwrap();
        fs::copy(&outside, root.join("fine/hoso.json")).unwrap();
        let b = discover_box(&root).unwrap();
        let rejected = |path: &str| {
            b.hoso
                .iter()
                .find(|h| h.path == path)
                .unwrap()
                .rejected
                .clone()
                .unwrap_or_default()
        };
        assert!(
            rejected("linked").contains("symbolic link"),
            "{}",
            rejected("linked")
        );
        assert!(rejected("linked").contains("linked/hoso.json"));
        assert!(rejected("fifo").contains("FIFO"), "{}", rejected("fifo"));
        assert!(
            rejected("big").contains("larger than"),
            "{}",
            rejected("big")
        );
        let fine = b.hoso.iter().find(|h| h.path == "fine").unwrap();
        assert_eq!(
            fine.sidecar.as_ref().unwrap().so_ho_so.as_deref(),
            Some("7")
        );
        assert!(note(&b, "linked/hoso.json").is_error);
        assert!(note(&b, "fifo/hoso.json").is_error);

        // A box.json linked to an endless device is refused, not read.
        std::os::unix::fs::symlink("/dev/zero", root.join("box.json")).unwrap();
        let e = discover_box(&root).unwrap_err().to_string();
        assert!(e.contains("box.json") && e.contains("symbolic link"), "{e}");
    }
}
