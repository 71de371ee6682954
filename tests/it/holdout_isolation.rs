//! The holdout and sealed parts of the evaluation set stay out of the code. In: the ground truth
//! of every holdout or sealed part (`sample-scans/eval/holdout*/truth.json`,
//! `sample-scans/eval/sealed*/truth.json`), the tuning material (the other
//! parts' `truth.json`, `sample-scans/documents.json` and `ground-truth.json`) and the Rust
//! sources of the library, the binary, their tests and the benches. Out: a failure naming each
//! source line that holds a string of a holdout document, by part, document and field (the
//! string itself is not printed, so that the failure does not spread it).
//!
//! The strings are read at run time, never written here: each holdout document's số ký hiệu,
//! issuer (full name, header lines as printed, superior body, and the proper name the issuer's
//! name ends with, `Sơn Hà` of `Ủy ban nhân dân tỉnh Sơn Hà`), trích yếu, signer and codename,
//! and the number and date lines of receipt stamps. A string that also occurs in the tuning
//! material is not the holdout's own (an issuer box-01 has too), and is left out.
//! Comparison is on folded text (no diacritics, lower case, `đ` as `d`), so an OCR-style copy
//! without its tone marks is found too, and only at word boundaries (`45-NQ/HU` is not found
//! in `145-NQ/HU`). No OCR: this reads files only.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Where the strings to keep out of the code are looked for.
const SOURCE_DIRS: &[&str] = &[
    "src",
    "tests",
    "benches",
    "pipeline/src",
    "pipeline/tests",
    "understanding/src",
    "archive-schema/src",
];

/// One string of a holdout document, and where it came from (for the failure message).
struct HoldoutString {
    folded: String,
    part: String,
    document: String,
    field: &'static str,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Diacritics removed (`đ` as `d`), lower case, whitespace runs as one space.
fn fold(s: &str) -> String {
    let bare: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `needle` occurs in `haystack` with no letter or digit right before or after it.
fn occurs_as_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a part's directory name says it is kept out of tuning: the holdouts (`holdout4`) and
/// the sealed parts (`sealed5`), which are run once at the end.
fn is_held_out(name: &str) -> bool {
    name.starts_with("holdout") || name.starts_with("sealed")
}

/// The evaluation parts under `sample-scans/eval` whose name says they are holdouts or sealed
/// (true) or not (false), as paths of their `truth.json`.
fn parts(holdout: bool) -> Vec<PathBuf> {
    let eval = repo().join("sample-scans/eval");
    let mut found: Vec<PathBuf> = fs::read_dir(&eval)
        .unwrap_or_else(|e| panic!("reading {}: {e}", eval.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy();
            is_held_out(&name) == holdout
        })
        .map(|dir| dir.join("truth.json"))
        .filter(|truth| truth.is_file())
        .collect();
    found.sort();
    found
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
}

/// The words at the end of a name that start with a capital: the proper name of the place or
/// body (`Tân Lạc Đông` of `Đảng ủy xã Tân Lạc Đông`); none when the name ends in a common word.
fn proper_name_at_end(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lowercase_from_end = words
        .iter()
        .rev()
        .position(|w| !w.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(words.len());
    (lowercase_from_end > 0).then(|| words[words.len() - lowercase_from_end..].join(" "))
}

/// Every string of one holdout part's documents and receipt stamps, unfolded, with its source.
fn strings_of_part(truth: &Value) -> Vec<(String, String, &'static str)> {
    const FIELDS: &[&str] = &[
        "so_ky_hieu",
        "co_quan_ban_hanh",
        "co_quan_ban_hanh_header",
        "co_quan_cap_tren",
        "trich_yeu",
        "nguoi_ky",
        "codename",
    ];
    let mut out = Vec::new();
    let documents = truth["documents"]
        .as_array()
        .expect("truth.json has documents");
    assert!(!documents.is_empty(), "a holdout part without documents");
    for document in documents {
        let id = document["id"].as_str().unwrap_or("?").to_string();
        for field in FIELDS {
            if let Some(value) = document[*field].as_str() {
                out.push((value.to_string(), id.clone(), *field));
            }
        }
        if let Some(name) = document["co_quan_ban_hanh"]
            .as_str()
            .and_then(proper_name_at_end)
        {
            out.push((name, id.clone(), "proper name of co_quan_ban_hanh"));
        }
    }
    for file in truth["files"].as_array().into_iter().flatten() {
        for page in file["pages"].as_array().into_iter().flatten() {
            let source = page["document"].as_str().unwrap_or("?").to_string();
            let stamp = page["stamp_text"].as_str().unwrap_or("");
            for line in stamp
                .lines()
                .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
            {
                out.push((line.to_string(), source.clone(), "receipt stamp line"));
                if let Some((_, value)) = line.split_once(':') {
                    out.push((
                        value.trim().to_string(),
                        source.clone(),
                        "receipt stamp value",
                    ));
                }
            }
        }
    }
    out
}

/// The holdout strings that are the holdouts' own: not in the tuning material.
fn holdout_strings() -> Vec<HoldoutString> {
    let mut tuning_files = parts(false);
    tuning_files.push(repo().join("sample-scans/documents.json"));
    tuning_files.push(repo().join("sample-scans/ground-truth.json"));
    let tuning: String = tuning_files
        .iter()
        .map(|path| fold(&read_json(path).to_string()))
        .collect::<Vec<_>>()
        .join("\n");
    let holdouts = parts(true);
    assert!(
        !holdouts.is_empty(),
        "no holdout part with a truth.json under sample-scans/eval"
    );
    let mut strings = Vec::new();
    for truth_path in holdouts {
        let truth = read_json(&truth_path);
        let part = truth["part"].as_str().unwrap_or("?").to_string();
        for (value, document, field) in strings_of_part(&truth) {
            let folded = fold(&value);
            if folded.chars().count() < 4 || occurs_as_words(&tuning, &folded) {
                continue;
            }
            strings.push(HoldoutString {
                folded,
                part: part.clone(),
                document,
                field,
            });
        }
    }
    strings
}

fn rust_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in SOURCE_DIRS {
        for entry in walkdir::WalkDir::new(repo().join(dir)) {
            let entry = entry.unwrap();
            if entry.file_type().is_file()
                && entry.path().extension().is_some_and(|ext| ext == "rs")
            {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_holdout_string_is_in_the_sources() {
    let strings = holdout_strings();
    assert!(
        strings.iter().any(|s| s.field == "so_ky_hieu"),
        "no số ký hiệu read from the holdout parts"
    );
    assert!(
        strings.iter().any(|s| s.field == "co_quan_ban_hanh"),
        "no issuer read from the holdout parts"
    );
    let sources = rust_sources();
    assert!(
        sources.iter().any(|p| p.ends_with("pipeline/src/lib.rs")),
        "the library's sources were not found"
    );
    assert!(
        sources
            .iter()
            .any(|p| p.ends_with("understanding/src/classify/mod.rs")),
        "the classifier's sources were not found"
    );
    // source line and field → the holdout documents whose string it holds
    let mut found: BTreeMap<(String, &str), BTreeSet<String>> = BTreeMap::new();
    for path in &sources {
        let text = fs::read_to_string(path).unwrap();
        let shown = path.strip_prefix(repo()).unwrap_or(path).display();
        let lines: Vec<String> = text.lines().map(fold).collect();
        // One search of the whole file per string (a newline is no letter, so the word
        // boundaries are the lines'); its lines are searched only for the strings it has.
        let whole = lines.join("\n");
        let present: Vec<&HoldoutString> = strings
            .iter()
            .filter(|s| occurs_as_words(&whole, &s.folded))
            .collect();
        for (n, folded) in lines.iter().enumerate() {
            for s in present
                .iter()
                .filter(|s| occurs_as_words(folded, &s.folded))
            {
                found
                    .entry((format!("{shown}:{}", n + 1), s.field))
                    .or_default()
                    .insert(format!("{} ({})", s.document, s.part));
            }
        }
    }
    let report: Vec<String> = found
        .iter()
        .map(|((line, field), documents)| {
            let documents: Vec<&str> = documents.iter().map(String::as_str).collect();
            format!("{line}: {field} of {}", documents.join(", "))
        })
        .collect();
    assert!(
        report.is_empty(),
        "strings of holdout documents in the sources (write invented ones instead):\n{}",
        report.join("\n")
    );
}

#[test]
fn the_folded_match_finds_copies_at_word_boundaries_only() {
    let needle = fold("Số: 4613/QĐ-UBND");
    assert!(occurs_as_words(&fold("// Số: 4613/QĐ-UBND, ngày"), &needle));
    assert!(occurs_as_words(&fold("\"So: 4613/QD-UBND\""), &needle));
    assert!(!occurs_as_words(&fold("Số: 14613/QĐ-UBND"), &needle));
    assert!(!occurs_as_words(&fold("Số: 4613/QĐ-UBNDX"), &needle));
    assert_eq!(
        proper_name_at_end("Ủy ban nhân dân tỉnh Sơn Hà").as_deref(),
        Some("Sơn Hà")
    );
    assert_eq!(proper_name_at_end("Cục Lưu trữ nhà nước"), None);
    assert!(is_held_out("sealed5") && is_held_out("holdout4") && !is_held_out("tune5"));
}
