//! The storage root passes `ocfl-validate.py` (`PyPI` `ocfl-py`, the validator DESIGN.md §4
//! names) after a real ingest and after a re-ingest that makes a second object version.
//! Warning W004 (sha256 rather than sha512) is accepted, as DESIGN.md §4 says; errors fail.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{code, ingest, run_validator, samples, small_box_ingested, validator};

/// The object roots below a storage root (directories holding the object NAMASTE file).
fn object_roots(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.join("0=ocfl_object_1.1").is_file() {
            found.push(path);
        } else if path.is_dir() {
            found.extend(object_roots(&path));
        }
    }
    found.sort();
    found
}

/// Validates the storage root and every object in it; returns the validator's output.
/// Objects are named explicitly because ocfl-py 2.1.0's `ocfl-validate.py ROOT` records
/// invalid objects without reporting them or failing.
pub(crate) fn validate(tool: &Path, archive: &Path) -> String {
    let root = archive.join("ocfl");
    let objects = object_roots(&root);
    assert!(!objects.is_empty(), "no objects below {}", root.display());
    let mut args: Vec<&Path> = vec![&root];
    args.extend(objects.iter().map(PathBuf::as_path));
    let (ok, text) = run_validator(tool, &args);
    eprintln!("ocfl-validate.py {}:\n{text}", root.display());
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[E") || l.to_ascii_lowercase().contains("error"))
        .collect();
    assert!(
        ok && errors.is_empty(),
        "ocfl-validate.py found errors:\n{text}"
    );
    let unexpected: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[W") && !l.contains("[W004]"))
        .collect();
    if !unexpected.is_empty() {
        eprintln!("warnings other than W004:\n{}", unexpected.join("\n"));
    }
    text
}

#[test]
fn storage_root_passes_ocfl_validate_across_versions() {
    let Some(tool) = validator("ocfl-validate.py") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (archive, box_dir, _) = small_box_ingested(tmp.path());
    validate(&tool, &archive);

    // A changed page: hs-b gets a new object version (v2), the others stay at v1.
    fs::copy(
        samples().join("hs-02-van-thu-luu-tru/2.png"),
        box_dir.join("hs-b/1.png"),
    )
    .unwrap();
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(
        code(&out),
        0,
        "re-ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = crate::common::json(&out);
    assert_eq!(summary["objects_updated"], 1, "{summary}");
    let text = validate(&tool, &archive);
    assert!(text.contains("is VALID"), "{text}");

    // The check itself catches damage: one flipped byte in a stored original is an error.
    let object = object_roots(&archive.join("ocfl"))
        .into_iter()
        .find(|o| o.join("v2").is_dir())
        .expect("an object with a v2");
    // hs-b's first original, superseded in v2 but kept in v1 forever.
    let original = object.join("v1/content/originals/hs-b/1.png");
    let mut bytes = fs::read(&original).unwrap();
    bytes[0] ^= 0x01;
    fs::write(&original, &bytes).unwrap();
    let (ok, text) = run_validator(&tool, &[object.as_path()]);
    assert!(
        !ok && text.contains("[E092"),
        "damage not reported:\n{text}"
    );
}
