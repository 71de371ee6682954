//! Document understanding on the labelled evaluation set (`sample-scans/eval`): how well
//! `sohoa ingest` splits hồ sơ into documents, reads their catalog fields, and keeps
//! classified documents out of the archive.
//!
//! For each part (`tune`, `tune2`, `holdout`, `holdout3`, `holdout4`, `tune5`, `tune6`, `tune7`;
//! `sealed5`, `sealed6` and `sealed7` only when named): copies the box (without its
//! `truth.json`) to a temporary directory, runs `sohoa ingest BOX --archive DIR --json
//! --no-progress`, reads every document back with `sohoa list --json` and `sohoa show ID
//! --json`, and compares with `truth.json`:
//!
//! - **Boundaries**: a predicted document is correct when its page set (source file +
//!   source page, blank pages left out) equals the page set of a truth document that should
//!   be in the archive (not classified: this run gives no approval). Precision, recall and F1
//!   over documents, and precision/recall of document starts over pages.
//! - **Fields**, over the admitted truth documents, read from the predicted document that
//!   holds the truth document's first page: type, số ký hiệu (exact), date, issuer, place,
//!   trích yếu (normalised similarity ≥ 0.9), signer, chức vụ, thẩm quyền, độ mật, độ khẩn,
//!   số trang. A document without a closing block has no signer and no chức vụ in its truth
//!   (`null`): those are right when sohoa extracts none.
//! - **Classified leaks**: for every page of a document marked MẬT, TỐI MẬT or TUYỆT MẬT
//!   (none is approved here, so all must be withheld): the page archived as part of a
//!   document, or one of its distinctive strings (`truth.json` `distinctive`) found in any
//!   file under the archive (staging/, reports/, audit/, index/, ocfl/), in the index through
//!   `sohoa search`, or in the ingest's stdout/stderr. Target: 0.
//! - **Screening**: classified documents kept out, and open documents with a page withheld
//!   (false alarms of the độ mật rules) by the rule the ingest report names.
//!
//! Run: `cargo bench --bench understanding [-- [--part tune|tune2|holdout|holdout3|holdout4|tune5|
//! tune6|tune7|sealed5|sealed6|sealed7|all] [--json]]`; with several never-tuned parts (`truth.json` `never_tune`) it also
//! prints them pooled. Each part is read from its own directory and `truth.json`; a part's
//! `never_tune` says whether it is still a holdout (holdout and holdout3 have been read and say
//! false). A sealed part (`sealed5`, `sealed6`, `sealed7`) is left out of `all`: it is run once, at the end, by naming
//! it (`--part sealed5`), so that nobody sees its figures or failures while tuning.
//! Environment: `SOHOA_BENCH_JOBS` (default: the cores), `SOHOA_EVAL_DIR` (default
//! `sample-scans/eval`), `SOHOA_BENCH_KEEP=1` (keep the temporary archives and print where).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{fold, natural_cmp, pct, secs, Result};
use serde_json::{json, Value};

/// Targets of issue 4, with issue 21's signer target.
const TARGETS: &[(&str, f64)] = &[
    ("type", 0.97),
    ("số ký hiệu", 0.95),
    ("date", 0.95),
    ("issuer", 0.90),
    ("signer", 0.90),
];
/// Issue 21 raised it from issue 4's 95 %.
const BOUNDARY_F1_TARGET: f64 = 0.97;

/// The target column of a field's row: `≥ 95.00%`, or empty for a field without a target.
fn target_label(field: &str) -> String {
    TARGETS
        .iter()
        .find(|(k, _)| *k == field)
        .map_or(String::new(), |(_, t)| format!("≥ {}", pct(*t)))
}

/// The fields scored, in table order.
const FIELDS: &[&str] = &[
    "type",
    "số ký hiệu",
    "date",
    "issuer",
    "place",
    "trích yếu",
    "signer",
    "chức vụ",
    "thẩm quyền",
    "độ mật",
    "độ khẩn",
    "số trang",
];

type PageRef = (String, u32);

struct Options {
    parts: Vec<String>,
    json: bool,
    keep: bool,
}

/// The parts of `sample-scans/eval`: `tune` and `tune2` (extraction was written against
/// them) and the holdout parts. Whether a part is still never tuned on is its `truth.json`'s
/// `never_tune` (holdout3's failures were read in session 8, and a unit test was written from
/// a holdout page in session 7: both are read material now, reported but not pooled). `tune5`
/// and `sealed5` are the two parts of the eval5 set (issue 21), written from the document rules
/// alone; `tune6` and `sealed6` those of the eval6 set, written the same way with layouts,
/// typefaces and resolutions eval5 has not; `sealed7` and `tune7` the eval7 set's, written on
/// eval6's machinery with new wording and arrangements; sealed parts are run only when named.
const PARTS: &[&str] = &[
    "tune", "tune2", "holdout", "holdout3", "holdout4", "tune5", "sealed5", "tune6", "sealed6",
    "sealed7", "tune7",
];

/// A sealed part is not run by `all`: only `--part NAME` runs it.
fn is_sealed(part: &str) -> bool {
    part.starts_with("sealed")
}

fn parse_options() -> Options {
    let mut opts = Options {
        parts: PARTS
            .iter()
            .filter(|p| !is_sealed(p))
            .map(std::string::ToString::to_string)
            .collect(),
        json: false,
        keep: common::env_flag("SOHOA_BENCH_KEEP"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let part = match a.as_str() {
            "--json" => {
                opts.json = true;
                continue;
            }
            "--bench" => continue,
            "--part" => args.next().unwrap_or_default(),
            s if s.starts_with("--part=") => s["--part=".len()..].to_string(),
            s => {
                eprintln!("note: ignoring argument {s}");
                continue;
            }
        };
        if PARTS.contains(&part.as_str()) {
            opts.parts = vec![part];
        } else if part != "all" {
            eprintln!("--part wants {} or all, not {part:?}", PARTS.join(", "));
            std::process::exit(2);
        }
    }
    opts
}

fn eval_dir() -> PathBuf {
    std::env::var("SOHOA_EVAL_DIR").map_or_else(
        |_| Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-scans/eval"),
        PathBuf::from,
    )
}

// ---------------------------------------------------------------------------------------
// Truth

struct TruthDoc {
    id: String,
    pages: Vec<PageRef>,
    fields: Value,
    classified: bool,
    /// Per page of the document: strings that identify its text.
    needles: Vec<(PageRef, Vec<String>)>,
}

struct Truth {
    /// `never_tune`: nothing in the code was written or adjusted from this part.
    never_tune: bool,
    docs: Vec<TruthDoc>,
    blank: BTreeSet<PageRef>,
    pages_total: usize,
}

fn load_truth(path: &Path) -> Result<Truth> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&raw)?;
    let mut blank = BTreeSet::new();
    let mut pages_total = 0;
    for f in json["files"].as_array().into_iter().flatten() {
        let file = f["source_file"].as_str().unwrap_or("").to_string();
        for p in f["pages"].as_array().into_iter().flatten() {
            pages_total += 1;
            if p["blank"].as_bool().unwrap_or(false) {
                blank.insert((file.clone(), p["source_page"].as_u64().unwrap_or(1) as u32));
            }
        }
    }
    let mut docs = Vec::new();
    for d in json["documents"].as_array().into_iter().flatten() {
        let pages: Vec<PageRef> = d["pages"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p["source_file"].as_str().unwrap_or("").to_string(),
                    p["source_page"].as_u64().unwrap_or(1) as u32,
                )
            })
            .collect();
        let needles = d["distinctive"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| {
                let k = n["page_in_document"].as_u64()? as usize;
                let strings = n["needles"]
                    .as_array()?
                    .iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect();
                Some((pages.get(k - 1)?.clone(), strings))
            })
            .collect();
        docs.push(TruthDoc {
            id: d["id"].as_str().unwrap_or("").to_string(),
            classified: d["do_mat"].as_str().is_some_and(|m| m != "none"),
            pages,
            fields: d.clone(),
            needles,
        });
    }
    if docs.is_empty() {
        return Err(format!("{} has no documents", path.display()).into());
    }
    Ok(Truth {
        never_tune: json["never_tune"].as_bool().unwrap_or(false),
        docs,
        blank,
        pages_total,
    })
}

// ---------------------------------------------------------------------------------------
// Running sohoa

struct Run {
    summary: Value,
    output: String,
    wall: Duration,
    exit_code: i32,
}

fn ingest(box_dir: &Path, archive: &Path) -> Result<Run> {
    let start = Instant::now();
    let out = Command::new(common::sohoa_bin())
        .arg("ingest")
        .arg(box_dir)
        .arg("--archive")
        .arg(archive)
        .args(["-j", &common::jobs().to_string(), "--json", "--no-progress"])
        .output()
        .map_err(|e| format!("cannot run sohoa: {e}"))?;
    let wall = start.elapsed();
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if code != 0 && code != 3 {
        return Err(format!("sohoa ingest exited with {code}: {stderr}").into());
    }
    let summary = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    Ok(Run {
        summary,
        output: stdout + "\n" + &stderr,
        wall,
        exit_code: code,
    })
}

/// One archived document as `sohoa show --json` prints it.
struct Predicted {
    pages: Vec<PageRef>,
    symbol: String,
    metadata: Value,
}

impl Predicted {
    fn field(&self, key: &str) -> Option<String> {
        match &self.metadata[key]["value"] {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

fn predicted_documents(archive: &Path) -> Result<Vec<Predicted>> {
    let a = archive.display().to_string();
    let list = common::sohoa_json(&["list", "--archive", &a, "--json"])?;
    let mut docs = Vec::new();
    for d in list["documents"].as_array().into_iter().flatten() {
        let Some(id) = d["id"].as_str() else { continue };
        let shown = common::sohoa_json(&["show", id, "--archive", &a, "--json"])?;
        let pages = shown["pages"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p["source_file"].as_str().unwrap_or("").to_string(),
                    p["source_page"].as_u64().unwrap_or(0) as u32,
                )
            })
            .collect();
        docs.push(Predicted {
            pages,
            symbol: shown["symbol"].as_str().unwrap_or("").to_string(),
            metadata: shown["metadata"].clone(),
        });
    }
    Ok(docs)
}

// ---------------------------------------------------------------------------------------
// Scoring

fn page_cmp(a: &PageRef, b: &PageRef) -> std::cmp::Ordering {
    natural_cmp(&a.0, &b.0).then(a.1.cmp(&b.1))
}

fn first_page(pages: &[PageRef]) -> Option<&PageRef> {
    pages.iter().min_by(|a, b| page_cmp(a, b))
}

#[derive(Default)]
struct Boundaries {
    predicted: usize,
    truth: usize,
    correct: usize,
    start_tp: usize,
    start_predicted: usize,
    start_truth: usize,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        f64::NAN
    } else {
        n as f64 / d as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 || p.is_nan() || r.is_nan() {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Boundaries {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.truth)
    }
    fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn start_precision(&self) -> f64 {
        ratio(self.start_tp, self.start_predicted)
    }
    fn start_recall(&self) -> f64 {
        ratio(self.start_tp, self.start_truth)
    }
}

fn boundaries(truth: &Truth, predicted: &[Predicted]) -> Boundaries {
    let content = |pages: &[PageRef]| -> BTreeSet<PageRef> {
        pages
            .iter()
            .filter(|p| !truth.blank.contains(*p))
            .cloned()
            .collect()
    };
    let admitted: Vec<BTreeSet<PageRef>> = truth
        .docs
        .iter()
        .filter(|d| !d.classified)
        .map(|d| content(&d.pages))
        .collect();
    let predicted_sets: Vec<BTreeSet<PageRef>> = predicted
        .iter()
        .map(|p| content(&p.pages))
        .filter(|s| !s.is_empty())
        .collect();
    let mut b = Boundaries {
        predicted: predicted_sets.len(),
        truth: admitted.len(),
        ..Default::default()
    };
    b.correct = admitted
        .iter()
        .filter(|t| predicted_sets.contains(t))
        .count();
    let starts = |sets: &[BTreeSet<PageRef>]| -> BTreeSet<PageRef> {
        sets.iter()
            .filter_map(|s| s.iter().min_by(|a, c| page_cmp(a, c)).cloned())
            .collect()
    };
    let (ts, ps) = (starts(&admitted), starts(&predicted_sets));
    b.start_truth = ts.len();
    b.start_predicted = ps.len();
    b.start_tp = ts.intersection(&ps).count();
    b
}

/// Levenshtein similarity of two strings, 1 − distance ÷ longer length.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - common::edit_distance(&a, &b) as f64 / longest as f64
}

/// Folded, punctuation as spaces, one space between words.
fn words(s: &str) -> String {
    fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn type_name(s: &str) -> String {
    let w = words(s);
    // Chương trình hành động is a Chương trình (CTr).
    match w.as_str() {
        "chuong trinh hanh dong" => "chuong trinh".into(),
        _ => w,
    }
}

/// T/M, K/T, T/L (also `TM.`, `KT.`, `TL.` of State documents), or `none`.
fn authority(s: Option<&str>) -> String {
    let Some(s) = s else { return "none".into() };
    let head: String = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_uppercase();
    // TM, KT, TL (signing on behalf) and any other head word are kept as they are.
    if head.is_empty() {
        "none".into()
    } else {
        head
    }
}

/// The trích yếu without a leading type name or `V/v`.
fn subject(s: &str, type_of: &str) -> String {
    let mut w = words(s);
    for prefix in [
        words(type_of),
        "chuong trinh hanh dong".into(),
        "v v".into(),
    ] {
        if !prefix.is_empty() && w.starts_with(&(prefix.clone() + " ")) {
            w = w[prefix.len() + 1..].to_string();
        }
    }
    w
}

fn mark(s: Option<&str>) -> String {
    match s {
        None => "none".into(),
        Some(v) if words(v) == "none" || v.trim().is_empty() => "none".into(),
        Some(v) => words(v),
    }
}

/// Whether each field of a truth document is right in the predicted document.
fn score_fields(t: &Value, p: Option<&Predicted>) -> BTreeMap<&'static str, bool> {
    let s = |k: &str| t[k].as_str().unwrap_or("").to_string();
    let get = |k: &str| p.and_then(|p| p.field(k));
    let mut out = BTreeMap::new();
    let ten_loai = s("ten_loai");
    out.insert(
        "type",
        get("ten_loai").is_some_and(|v| type_name(&v) == type_name(&ten_loai)),
    );
    let squash = |x: &str| -> String { x.chars().filter(|c| !c.is_whitespace()).collect() };
    out.insert(
        "số ký hiệu",
        p.is_some_and(|p| {
            !p.symbol.is_empty() && common::nfc(&squash(&p.symbol)) == squash(&s("so_ky_hieu"))
        }),
    );
    out.insert(
        "date",
        get("ngay_ban_hanh").is_some_and(|v| v.trim() == s("ngay_ban_hanh")),
    );
    out.insert(
        "issuer",
        get("co_quan_ban_hanh").is_some_and(|v| {
            let v = words(&v);
            v == words(&s("co_quan_ban_hanh")) || v == words(&s("co_quan_ban_hanh_header"))
        }),
    );
    out.insert(
        "place",
        get("dia_danh").is_some_and(|v| words(&v) == words(&s("dia_danh"))),
    );
    out.insert(
        "trích yếu",
        get("trich_yeu").is_some_and(|v| {
            similarity(
                &subject(&v, &ten_loai),
                &subject(&s("trich_yeu"), &ten_loai),
            ) >= 0.9
        }),
    );
    // A document without a closing block has neither (null in the truth): right when none is
    // extracted.
    let same_or_both_absent = |key: &str| match (get(key), t[key].as_str()) {
        (got, None) => p.is_some() && got.is_none(),
        (got, Some(want)) => got.is_some_and(|v| words(&v) == words(want)),
    };
    out.insert("signer", same_or_both_absent("nguoi_ky"));
    out.insert("chức vụ", same_or_both_absent("chuc_vu"));
    let truth_authority = match s("tham_quyen").as_str() {
        "none" | "" => "none".to_string(),
        code => code.replace('/', ""),
    };
    out.insert(
        "thẩm quyền",
        p.is_some() && authority(get("tham_quyen").as_deref()) == truth_authority,
    );
    out.insert(
        "độ mật",
        p.is_some() && mark(get("do_mat").as_deref()) == mark(Some(&s("do_mat"))),
    );
    out.insert(
        "độ khẩn",
        p.is_some() && mark(get("do_khan").as_deref()) == mark(Some(&s("do_khan"))),
    );
    out.insert(
        "số trang",
        t["so_trang"]
            .as_u64()
            .is_some_and(|n| get("so_luong_trang").and_then(|v| v.parse::<u64>().ok()) == Some(n)),
    );
    out
}

// ---------------------------------------------------------------------------------------
// Leaks

#[derive(Default)]
struct Leaks {
    classified_docs: usize,
    classified_pages: usize,
    /// Pages archived as part of some document.
    pages_archived: usize,
    /// Pages whose distinctive text was found in a file under the archive.
    pages_in_files: usize,
    /// Pages whose distinctive text `sohoa search` finds.
    pages_in_index: usize,
    /// Pages whose distinctive text the ingest printed.
    pages_in_output: usize,
    /// Pages with any of the above: the figure that must be 0.
    leaked_pages: usize,
    details: Vec<String>,
}

/// Every file under `dir`, read as (lossy) UTF-8 and folded.
fn folded_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                out.push((rel, fold(&String::from_utf8_lossy(&bytes))));
            }
        }
    }
    out
}

fn search_hits(archive: &Path, needle: &str) -> usize {
    let a = archive.display().to_string();
    let query = if needle.contains(' ') {
        format!("\"{needle}\"")
    } else {
        needle.to_string()
    };
    common::sohoa_json(&["search", &query, "--archive", &a, "--json"])
        .ok()
        .and_then(|v| v["total"].as_u64())
        .unwrap_or(0) as usize
}

fn leaks(truth: &Truth, predicted: &[Predicted], archive: &Path, run: &Run) -> Leaks {
    let archived: BTreeSet<&PageRef> = predicted.iter().flat_map(|p| p.pages.iter()).collect();
    let files = folded_files(archive);
    let output = fold(&run.output);
    let mut l = Leaks::default();
    for d in truth.docs.iter().filter(|d| d.classified) {
        l.classified_docs += 1;
        let needles: HashMap<&PageRef, &Vec<String>> =
            d.needles.iter().map(|(p, n)| (p, n)).collect();
        for page in &d.pages {
            l.classified_pages += 1;
            let mut leaked = false;
            if archived.contains(page) {
                l.pages_archived += 1;
                leaked = true;
            }
            let list: &[String] = needles.get(page).map_or(&[], |v| v.as_slice());
            let folded: Vec<String> = list.iter().map(|n| fold(n)).collect();
            let in_files: Vec<&str> = files
                .iter()
                .filter(|(_, text)| folded.iter().any(|n| text.contains(n.as_str())))
                .map(|(name, _)| name.as_str())
                .collect();
            if !in_files.is_empty() {
                l.pages_in_files += 1;
                leaked = true;
            }
            if list.iter().any(|n| search_hits(archive, n) > 0) {
                l.pages_in_index += 1;
                leaked = true;
            }
            if folded.iter().any(|n| output.contains(n.as_str())) {
                l.pages_in_output += 1;
                leaked = true;
            }
            if leaked {
                l.leaked_pages += 1;
                let mut where_: Vec<String> = in_files
                    .iter()
                    .take(3)
                    .map(std::string::ToString::to_string)
                    .collect();
                if in_files.len() > 3 {
                    where_.push(format!("+{} files", in_files.len() - 3));
                }
                l.details.push(format!(
                    "{} ({}) {} p{}: {}",
                    d.id,
                    d.fields["do_mat"].as_str().unwrap_or(""),
                    page.0,
                    page.1,
                    if where_.is_empty() {
                        "archived".to_string()
                    } else {
                        where_.join(", ")
                    }
                ));
            }
        }
    }
    l
}

// ---------------------------------------------------------------------------------------
// Screening: classified documents kept out, open documents withheld

/// What the độ mật screening did to the truth documents, from the ingest report's withheld
/// pages.
#[derive(Default)]
struct Screening {
    classified_docs: usize,
    /// Classified documents none of whose pages was archived.
    classified_kept_out: usize,
    open_docs: usize,
    /// Open documents with a page withheld (false alarms), by the rule the report names:
    /// the rule and the documents' ids.
    false_alarms: BTreeMap<String, Vec<String>>,
}

impl Screening {
    fn false_alarm_docs(&self) -> usize {
        self.false_alarms.values().map(Vec::len).sum()
    }
}

/// The rule a withheld page's reason names: the cause of an unreadable header
/// (`unreadable: a light-gray stamp in it unread`), else the reason up to its colon
/// (`marked TỐI MẬT`).
fn withhold_rule(reason: &str) -> String {
    if let Some(rest) = reason.strip_prefix("header area of its first page unreadable (") {
        return format!("unreadable: {}", rest.split(')').next().unwrap_or(rest));
    }
    reason.split(':').next().unwrap_or(reason).to_string()
}

fn screening(truth: &Truth, predicted: &[Predicted], run: &Run) -> Screening {
    let archived: BTreeSet<&PageRef> = predicted.iter().flat_map(|p| p.pages.iter()).collect();
    let withheld: HashMap<PageRef, String> = run.summary["withheld"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|w| {
                    let file = w["source_file"].as_str()?.to_string();
                    let page = u32::try_from(w["source_page"].as_u64()?).ok()?;
                    Some(((file, page), withhold_rule(w["reason"].as_str()?)))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut s = Screening::default();
    for d in &truth.docs {
        if d.classified {
            s.classified_docs += 1;
            if !d.pages.iter().any(|p| archived.contains(p)) {
                s.classified_kept_out += 1;
            }
            continue;
        }
        s.open_docs += 1;
        if let Some(rule) = d.pages.iter().find_map(|p| withheld.get(p)) {
            s.false_alarms
                .entry(rule.clone())
                .or_default()
                .push(d.id.clone());
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// One part

struct PartResult {
    name: String,
    never_tune: bool,
    docs: usize,
    admitted: usize,
    pages: usize,
    predicted_docs: usize,
    run: Run,
    boundaries: Boundaries,
    fields: Vec<(&'static str, usize)>,
    per_doc: Vec<(String, BTreeMap<&'static str, bool>)>,
    leaks: Leaks,
    screening: Screening,
}

fn copy_box(src: &Path, dst: &Path) -> Result<()> {
    common::copy_dir(src, dst)?;
    let truth = dst.join("truth.json");
    if truth.exists() {
        std::fs::remove_file(truth)?;
    }
    Ok(())
}

fn run_part(name: &str, work: &Path) -> Result<PartResult> {
    let src = eval_dir().join(name);
    let truth = load_truth(&src.join("truth.json"))?;
    let box_dir = work.join(name);
    copy_box(&src, &box_dir)?;
    let archive = work.join(format!("archive-{name}"));
    eprintln!("{name}: ingesting {} pages …", truth.pages_total);
    let run = ingest(&box_dir, &archive)?;
    eprintln!(
        "{name}: ingest took {} (exit {})",
        secs(run.wall),
        run.exit_code
    );
    let predicted = predicted_documents(&archive)?;
    let b = boundaries(&truth, &predicted);
    let mut totals: BTreeMap<&'static str, usize> = FIELDS.iter().map(|f| (*f, 0)).collect();
    let mut per_doc = Vec::new();
    let admitted: Vec<&TruthDoc> = truth.docs.iter().filter(|d| !d.classified).collect();
    for d in &admitted {
        let first = first_page(&d.pages);
        let p = first.and_then(|f| predicted.iter().find(|p| p.pages.contains(f)));
        let scored = score_fields(&d.fields, p);
        for (k, ok) in &scored {
            if *ok {
                *totals.get_mut(k).expect("field") += 1;
            }
        }
        per_doc.push((d.id.clone(), scored));
    }
    let leaks = leaks(&truth, &predicted, &archive, &run);
    let screening = screening(&truth, &predicted, &run);
    Ok(PartResult {
        name: name.to_string(),
        never_tune: truth.never_tune,
        docs: truth.docs.len(),
        admitted: admitted.len(),
        pages: truth.pages_total,
        predicted_docs: predicted.len(),
        run,
        boundaries: b,
        fields: FIELDS.iter().map(|f| (*f, totals[f])).collect(),
        per_doc,
        leaks,
        screening,
    })
}

// ---------------------------------------------------------------------------------------
// Output

fn fmt_ratio(x: f64) -> String {
    if x.is_nan() {
        "–".into()
    } else {
        pct(x)
    }
}

fn print_part(r: &PartResult) {
    let b = &r.boundaries;
    println!("## Part `{}`", r.name);
    println!();
    println!(
        "{}",
        if is_sealed(&r.name) {
            "Sealed: never tuned on, run once at the end."
        } else if r.never_tune {
            "Never tuned on (holdout)."
        } else {
            "Tuning material (extraction was written or adjusted against it)."
        }
    );
    println!();
    println!(
        "{} documents ({} admitted, {} classified), {} pages; sohoa archived {} documents; \
         ingest {} (exit {}).",
        r.docs,
        r.admitted,
        r.docs - r.admitted,
        r.pages,
        r.predicted_docs,
        secs(r.run.wall),
        r.run.exit_code
    );
    println!();
    println!("| boundaries | value | target |");
    println!("|---|---|---|");
    println!(
        "| documents: precision ({} of {} predicted are exact) | {} | |",
        b.correct,
        b.predicted,
        fmt_ratio(b.precision())
    );
    println!(
        "| documents: recall ({} of {} admitted truth documents found) | {} | |",
        b.correct,
        b.truth,
        fmt_ratio(b.recall())
    );
    println!(
        "| documents: F1 | {} | ≥ {} |",
        pct(b.f1()),
        pct(BOUNDARY_F1_TARGET)
    );
    println!(
        "| document starts: precision ({} of {}) | {} | |",
        b.start_tp,
        b.start_predicted,
        fmt_ratio(b.start_precision())
    );
    println!(
        "| document starts: recall ({} of {}) | {} | |",
        b.start_tp,
        b.start_truth,
        fmt_ratio(b.start_recall())
    );
    println!();
    println!(
        "| field (over {} admitted documents) | correct | accuracy | target |",
        r.admitted
    );
    println!("|---|---|---|---|");
    for (f, n) in &r.fields {
        println!(
            "| {f} | {n} | {} | {} |",
            fmt_ratio(ratio(*n, r.admitted)),
            target_label(f)
        );
    }
    println!();
    let l = &r.leaks;
    println!(
        "| classified leaks ({} documents, {} pages, none approved) | pages |",
        l.classified_docs, l.classified_pages
    );
    println!("|---|---|");
    println!("| archived as part of a document | {} |", l.pages_archived);
    println!(
        "| distinctive text in a file under the archive | {} |",
        l.pages_in_files
    );
    println!("| found by `sohoa search` | {} |", l.pages_in_index);
    println!("| printed by the ingest | {} |", l.pages_in_output);
    println!(
        "| **leaked pages** (any of the above; target 0) | **{}** |",
        l.leaked_pages
    );
    if !l.details.is_empty() {
        println!();
        for d in &l.details {
            println!("- leak: {d}");
        }
    }
    println!();
    let s = &r.screening;
    println!("| độ mật screening | documents |");
    println!("|---|---|");
    println!(
        "| classified kept out (no page archived) | {} of {} |",
        s.classified_kept_out, s.classified_docs
    );
    println!(
        "| **open documents withheld** (false alarms) | **{} of {}** |",
        s.false_alarm_docs(),
        s.open_docs
    );
    for (rule, ids) in &s.false_alarms {
        println!("| – {rule} | {} ({}) |", ids.len(), ids.join(", "));
    }
    println!();
    println!("<details><summary>per document</summary>");
    println!();
    print!("| document |");
    for f in FIELDS {
        print!(" {f} |");
    }
    println!();
    print!("|---|");
    for _ in FIELDS {
        print!("---|");
    }
    println!();
    for (id, scored) in &r.per_doc {
        print!("| {id} |");
        for f in FIELDS {
            print!(" {} |", if scored[f] { "✓" } else { "✗" });
        }
        println!();
    }
    println!();
    println!("</details>");
    println!();
}

/// The never-tuned holdout parts pooled: every document of each counts once, so the targets are judged
/// on all the documents that were never tuned on.
fn print_pooled_holdout(results: &[PartResult]) {
    let held: Vec<&PartResult> = results.iter().filter(|r| r.never_tune).collect();
    if held.len() < 2 {
        return;
    }
    let admitted: usize = held.iter().map(|r| r.admitted).sum();
    let sum = |f: fn(&Boundaries) -> usize| held.iter().map(|r| f(&r.boundaries)).sum::<usize>();
    let b = Boundaries {
        predicted: sum(|b| b.predicted),
        truth: sum(|b| b.truth),
        correct: sum(|b| b.correct),
        start_tp: sum(|b| b.start_tp),
        start_predicted: sum(|b| b.start_predicted),
        start_truth: sum(|b| b.start_truth),
    };
    let leaked: usize = held.iter().map(|r| r.leaks.leaked_pages).sum();
    let names: Vec<&str> = held.iter().map(|r| r.name.as_str()).collect();
    println!("## Holdout parts pooled ({})", names.join(" + "));
    println!();
    println!("| measure (over {admitted} admitted documents) | correct | value | target |");
    println!("|---|---|---|---|");
    println!(
        "| boundaries: F1 ({} exact of {} predicted, {} truth) | {} | {} | ≥ {} |",
        b.correct,
        b.predicted,
        b.truth,
        b.correct,
        pct(b.f1()),
        pct(BOUNDARY_F1_TARGET)
    );
    for (i, (f, _)) in held[0].fields.iter().enumerate() {
        let n: usize = held.iter().map(|r| r.fields[i].1).sum();
        println!(
            "| {f} | {n} | {} | {} |",
            fmt_ratio(ratio(n, admitted)),
            target_label(f)
        );
    }
    println!("| classified pages leaked | | {leaked} | 0 |");
    println!();
}

fn part_json(r: &PartResult) -> Value {
    let b = &r.boundaries;
    let num = |x: f64| if x.is_nan() { Value::Null } else { json!(x) };
    json!({
        "part": r.name,
        "never_tune": r.never_tune,
        "documents": r.docs,
        "admitted_documents": r.admitted,
        "pages": r.pages,
        "predicted_documents": r.predicted_docs,
        "ingest_seconds": r.run.wall.as_secs_f64(),
        "ingest_exit_code": r.run.exit_code,
        "ingest_summary": r.run.summary,
        "boundaries": {
            "predicted": b.predicted,
            "truth": b.truth,
            "correct": b.correct,
            "precision": num(b.precision()),
            "recall": num(b.recall()),
            "f1": b.f1(),
            "start_precision": num(b.start_precision()),
            "start_recall": num(b.start_recall()),
        },
        "fields": r.fields.iter().map(|(f, n)| {
            json!({"field": f, "correct": n, "accuracy": num(ratio(*n, r.admitted))})
        }).collect::<Vec<_>>(),
        "per_document": r.per_doc.iter().map(|(id, s)| json!({"id": id, "fields": s})).collect::<Vec<_>>(),
        "leaks": {
            "classified_documents": r.leaks.classified_docs,
            "classified_pages": r.leaks.classified_pages,
            "pages_archived": r.leaks.pages_archived,
            "pages_in_files": r.leaks.pages_in_files,
            "pages_in_index": r.leaks.pages_in_index,
            "pages_in_output": r.leaks.pages_in_output,
            "leaked_pages": r.leaks.leaked_pages,
            "details": r.leaks.details,
        },
        "screening": {
            "classified_documents": r.screening.classified_docs,
            "classified_kept_out": r.screening.classified_kept_out,
            "open_documents": r.screening.open_docs,
            "open_withheld": r.screening.false_alarm_docs(),
            "open_withheld_by_rule": r.screening.false_alarms,
        },
    })
}

fn main() {
    let opts = parse_options();
    if let Err(e) = run(&opts) {
        eprintln!("understanding bench failed: {e}");
        std::process::exit(1);
    }
}

fn run(opts: &Options) -> Result<()> {
    let work = tempfile::Builder::new()
        .prefix("sohoa-understanding-")
        .tempdir()?;
    let mut results = Vec::new();
    for part in &opts.parts {
        results.push(run_part(part, work.path())?);
    }
    if opts.json {
        let out = json!({ "parts": results.iter().map(part_json).collect::<Vec<_>>() });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("# Document understanding");
        println!();
        common::print_machine(common::jobs());
        for r in &results {
            print_part(r);
        }
        print_pooled_holdout(&results);
    }
    if opts.keep {
        let kept = work.keep();
        eprintln!("kept the archives in {}", kept.display());
    }
    Ok(())
}
