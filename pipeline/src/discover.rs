//! Discover the hồ sơ and pages of a storage box (DESIGN.md §2).
//!
//! In: a box directory. Out: a [`ScanBox`]: its sidecar, one [`HoSoSource`] per directory
//! that directly holds scan files (files in the box root form a hồ sơ named after the box),
//! each with its scan files in natural sort order (`2.tif` before `10.tif`), plus a note for
//! every path that was skipped (hidden, not a scan, symbolic link, unreadable) and every
//! hồ sơ whose sidecar is invalid.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use archive_schema::{BoxSidecar, HoSoSidecar};
use serde::Serialize;
use walkdir::WalkDir;

use crate::decode::ScanFormat;
use crate::{Error, Result};

/// Sidecar file names that are read, not skipped.
const SIDECARS: [&str; 3] = ["box.json", "hoso.json", "approvals.json"];

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
        if SIDECARS.contains(&file_name) {
            continue;
        }
        let Some(format) = ScanFormat::from_path(entry.path()) else {
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
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_else(|_| "?".into());
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

fn read_sidecar<T>(
    path: &Path,
    parse: impl Fn(&str, &str) -> archive_schema::Result<T>,
) -> Result<Option<T>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(parse(&path.display().to_string(), &text)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
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
}
