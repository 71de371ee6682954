//! Search relevance: recall@10 and nDCG@10 of `sohoa search` on a labelled query set.
//!
//! `cargo bench --bench relevance [-- --json]` (~4 min on 2 cores: the OCR of three boxes).
//!
//! The archive: `sample-scans/box-01`, `sample-scans/eval/tune` and `sample-scans/eval/holdout`
//! ingested by the release binary (real OCR, so the indexed text carries real OCR errors).
//! The queries (`benches/data/relevance-queries.json`) name the tune documents a researcher
//! would expect in the first ten hits, by their ids in `tune/truth.json`; box-01 and the
//! holdout box are distractors. A stored document is matched to a truth document through the
//! first page of the truth document (its source file and page).
//!
//! Reported per query and per kind (exact, folded, garbled, phrase, filtered, symbol):
//! recall@10 (share of the expected documents in the first ten hits) and nDCG@10 (binary
//! gains: 1 for an expected document, discounted by log2 of its rank + 1, over the best
//! possible). Target: mean recall@10 ≥ 0.95.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

/// One query's outcome.
struct Row {
    query: String,
    kind: String,
    expected: String,
    /// Truth ids of the hits, best first (`other:SYMBOL` for documents outside the truth).
    found: Vec<String>,
    recall: f64,
    ndcg: f64,
}

fn main() {
    let json_out = std::env::args().any(|a| a == "--json");
    let jobs = common::jobs();
    if !json_out {
        common::print_machine(jobs);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("sample-scans");
    let boxes = [
        samples.join("box-01"),
        samples.join("eval/tune"),
        samples.join("eval/holdout"),
    ];
    let tmp = tempfile::tempdir().expect("temp dir");
    let archive = tmp.path().join("archive");
    let started = std::time::Instant::now();
    let out = Command::new(common::sohoa_bin())
        .args(["ingest", "--no-progress", "--json", "-j", &jobs.to_string()])
        .arg("--archive")
        .arg(&archive)
        .args(&boxes)
        .output()
        .expect("run sohoa ingest");
    // 3: classified documents are withheld (no approvals given); anything else is a failure.
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 3,
        "ingest failed ({code}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "ingested 3 boxes in {:.0} s",
        started.elapsed().as_secs_f64()
    );

    let truth_ids = tune_truth(&samples.join("eval/tune/truth.json"));
    let stored = stored_to_truth(&archive, &truth_ids);
    let queries: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("benches/data/relevance-queries.json"))
            .expect("query set"),
    )
    .expect("query set is JSON");
    let queries = queries["queries"].as_array().expect("queries");
    assert!(queries.len() >= 30, "the set needs at least 30 queries");

    let mut rows = Vec::new();
    for q in queries {
        let query = q["query"].as_str().expect("query");
        let kind = q["kind"].as_str().unwrap_or("");
        let expected: Vec<&str> = q["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let extra: Vec<&str> = q["args"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let out = Command::new(common::sohoa_bin())
            .args(["search", query, "--json", "--limit", "10", "--archive"])
            .arg(&archive)
            .args(&extra)
            .output()
            .expect("run sohoa search");
        assert!(
            out.status.success(),
            "search {query:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let result: Value = serde_json::from_slice(&out.stdout).expect("search JSON");
        let found: Vec<String> = result["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| {
                let id = h["id"].as_str().unwrap_or("");
                stored
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| format!("other:{}", h["symbol"].as_str().unwrap_or("?")))
            })
            .collect();
        let (recall, ndcg) = score(&found, &expected);
        rows.push(Row {
            query: query.to_string(),
            kind: kind.to_string(),
            expected: expected.join(" "),
            found,
            recall,
            ndcg,
        });
    }

    let mean = |f: &dyn Fn(&Row) -> f64, kind: Option<&str>| {
        let chosen: Vec<_> = rows
            .iter()
            .filter(|r| kind.is_none_or(|k| r.kind == k))
            .collect();
        (
            chosen.iter().map(|r| f(r)).sum::<f64>() / chosen.len().max(1) as f64,
            chosen.len(),
        )
    };
    let (recall, n) = mean(&|r| r.recall, None);
    let (ndcg, _) = mean(&|r| r.ndcg, None);
    let kinds: BTreeSet<&str> = rows.iter().map(|r| r.kind.as_str()).collect();

    if json_out {
        let per_query: Vec<Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({"query": r.query, "kind": r.kind, "expected": r.expected,
                    "found": r.found, "recall_at_10": r.recall, "ndcg_at_10": r.ndcg})
            })
            .collect();
        let by_kind: BTreeMap<&str, Value> = kinds
            .iter()
            .map(|k| {
                let (rc, n) = mean(&|r| r.recall, Some(k));
                let (nd, _) = mean(&|r| r.ndcg, Some(k));
                (
                    *k,
                    serde_json::json!({"queries": n, "recall_at_10": rc, "ndcg_at_10": nd}),
                )
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "queries": n, "recall_at_10": recall, "ndcg_at_10": ndcg,
                "by_kind": by_kind, "per_query": per_query,
            }))
            .expect("JSON")
        );
        return;
    }
    println!("\n## Relevance ({n} queries, first 10 hits)\n");
    println!("| kind | queries | recall@10 | nDCG@10 |");
    println!("|---|---:|---:|---:|");
    for k in &kinds {
        let (rc, n) = mean(&|r| r.recall, Some(k));
        let (nd, _) = mean(&|r| r.ndcg, Some(k));
        println!("| {k} | {n} | {rc:.3} | {nd:.3} |");
    }
    println!("| **all** | {n} | **{recall:.3}** | **{ndcg:.3}** |");
    println!("\nTarget: recall@10 ≥ 0.95.\n");
    println!("| query | kind | expected | first hits | recall | nDCG |");
    println!("|---|---|---|---|---:|---:|");
    for r in &rows {
        let shown: Vec<&str> = r.found.iter().take(3).map(String::as_str).collect();
        println!(
            "| `{}` | {} | {} | {} | {:.2} | {:.2} |",
            r.query.replace('|', "\\|"),
            r.kind,
            r.expected,
            shown.join(", "),
            r.recall,
            r.ndcg
        );
    }
}

/// recall@10 and nDCG@10 of the hits `found` (truth ids, best first) against `expected`.
fn score(found: &[String], expected: &[&str]) -> (f64, f64) {
    let top: Vec<&String> = found.iter().take(10).collect();
    let hit = |id: &str| top.iter().any(|f| f.as_str() == id);
    let recall = expected.iter().filter(|e| hit(e)).count() as f64 / expected.len() as f64;
    let dcg: f64 = top
        .iter()
        .enumerate()
        .filter(|(_, f)| expected.contains(&f.as_str()))
        .map(|(rank, _)| 1.0 / (rank as f64 + 2.0).log2())
        .sum();
    let ideal: f64 = (0..expected.len().min(10))
        .map(|rank| 1.0 / (rank as f64 + 2.0).log2())
        .sum();
    (recall, dcg / ideal)
}

/// First page (source file relative to the box, page) → truth id, for the tune part.
fn tune_truth(path: &Path) -> HashMap<(String, u64), String> {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("truth")).expect("truth JSON");
    truth["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            let first = &d["pages"][0];
            (
                (
                    first["source_file"].as_str().unwrap_or("").to_string(),
                    first["source_page"].as_u64().unwrap_or(1),
                ),
                d["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Stored document id → truth id, for the documents of the tune box that hold the first page
/// of a truth document.
fn stored_to_truth(
    archive: &Path,
    truth: &HashMap<(String, u64), String>,
) -> HashMap<String, String> {
    let sohoa = |args: &[&str]| -> Value {
        let out = Command::new(common::sohoa_bin())
            .args(args)
            .arg("--archive")
            .arg(archive)
            .output()
            .expect("run sohoa");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let list = sohoa(&["list", "--json"]);
    let mut map = HashMap::new();
    for d in list["documents"].as_array().expect("documents") {
        let id = d["id"].as_str().expect("id");
        let shown = sohoa(&["show", id, "--json"]);
        if shown["box"] != "tune" {
            continue;
        }
        for page in shown["pages"].as_array().into_iter().flatten() {
            let key = (
                page["source_file"].as_str().unwrap_or("").to_string(),
                page["source_page"].as_u64().unwrap_or(1),
            );
            if let Some(t) = truth.get(&key) {
                map.insert(id.to_string(), t.clone());
                break;
            }
        }
    }
    map
}
