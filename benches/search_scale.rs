//! Search at scale: a generated corpus of Vietnamese administrative pages indexed through
//! sohoa's own index code (no OCR), then query latency by kind.
//!
//! `cargo bench --bench search_scale [-- --pages N] [--json]` (default 100,000 pages).
//!
//! The corpus: a syllable bigram model trained on the ground-truth page texts of
//! `sample-scans/` (real Party documents and documents written after them), so word and
//! phrase frequencies follow real text; a long tail of person names, place names, numbers,
//! dates and số ký hiệu; OCR noise injected at the character error rate the `ocr_accuracy`
//! bench measured (3.6 %: a diacritic dropped or changed, a letter swapped). Documents of 1–5
//! pages carry catalog metadata (type, date 1990–2019, issuer, hồ sơ, fonds).
//!
//! Reported: index build throughput (pages/s, MB/s of text), index size per page, and query
//! latency p50/p99 in-process for term, folded, phrase (also of very common syllables), fuzzy,
//! and filtered + faceted queries on the settled index (background merges finished); then
//! `sohoa search` end to end (process start included).

use std::time::{Duration, Instant};

use pipeline::index::SearchIndex;
use pipeline::store::Archive;

mod common;

use common::corpus::{dir_bytes, percentile, query_kinds, word_of, Corpus, Rng};
use common::fold;

const QUERIES_PER_KIND: usize = 200;

fn main() {
    let mut pages_wanted = 100_000usize;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pages" => {
                pages_wanted = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(pages_wanted);
            }
            "--json" => json = true,
            "--bench" => {}
            other => eprintln!("note: ignoring argument {other}"),
        }
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let archive = Archive::open_or_create(&tmp.path().join("archive")).expect("archive");
    let index = SearchIndex::open_or_create(&archive.index_dir()).expect("index");
    let mut corpus = Corpus::default();

    // Build: generation is timed apart from indexing.
    let mut pages = 0usize;
    let mut text_bytes = 0usize;
    let mut indexing = Duration::ZERO;
    let mut n = 0usize;
    let mut sample_pages: Vec<String> = Vec::new();
    while pages < pages_wanted {
        let mut batch = Vec::new();
        let mut batch_pages = 0;
        while batch_pages < 5_000 && pages + batch_pages < pages_wanted {
            let doc = corpus.document(n);
            n += 1;
            batch_pages += doc.pages.len();
            text_bytes += doc.pages.iter().map(|p| p.text.len()).sum::<usize>();
            if sample_pages.len() < 400 && n.is_multiple_of(7) {
                sample_pages.push(doc.pages[0].text.clone());
            }
            batch.push(doc);
        }
        let started = Instant::now();
        index.replace_documents(&batch).expect("indexing");
        indexing += started.elapsed();
        pages += batch_pages;
        eprint!("\rindexed {pages} pages");
    }
    eprintln!();
    let pages_per_s = pages as f64 / indexing.as_secs_f64();
    let mb_per_s = text_bytes as f64 / 1e6 / indexing.as_secs_f64();
    // Queries run on the settled index, as an archive serves them: dropping the index waits
    // for its background segment merges (which would otherwise share the cores with the
    // first queries), and the size is measured after them.
    let settling = Instant::now();
    drop(index);
    let index = SearchIndex::open_or_create(&archive.index_dir()).expect("index reopens");
    eprintln!(
        "merges settled in {:.1} s",
        settling.elapsed().as_secs_f64()
    );
    let size = dir_bytes(&archive.index_dir());
    let kinds = query_kinds(&sample_pages, QUERIES_PER_KIND);

    let mut rows = Vec::new();
    for (kind, queries) in &kinds {
        let mut times = Vec::new();
        let mut hits = 0usize;
        for (q, options) in queries {
            let started = Instant::now();
            let r = index.search_with(q, options).expect("query runs");
            times.push(started.elapsed());
            hits += r.total;
        }
        times.sort();
        rows.push((
            kind.to_string(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            hits as f64 / queries.len() as f64,
        ));
    }
    drop(index);

    // `sohoa search` end to end, process start included.
    let mut cli = Vec::new();
    for i in 0..10 {
        let started = Instant::now();
        let out = std::process::Command::new(common::sohoa_bin())
            .args([
                "search",
                &fold(&word_of(&sample_pages, &mut Rng(i + 7), 4)),
                "--json",
                "--archive",
            ])
            .arg(tmp.path().join("archive"))
            .output()
            .expect("sohoa runs");
        cli.push(started.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    cli.sort();

    if json {
        let out = serde_json::json!({
            "pages": pages,
            "documents": n,
            "build_pages_per_s": pages_per_s,
            "build_mb_per_s": mb_per_s,
            "index_bytes_per_page": size as f64 / pages as f64,
            "queries": rows.iter().map(|(k, p50, p99, hits)| serde_json::json!({"kind": k, "p50_ms": p50, "p99_ms": p99, "mean_total_hits": hits})).collect::<Vec<_>>(),
            "cli_search_ms_p50": percentile(&cli, 0.5),
            "cli_search_ms_max": percentile(&cli, 1.0),
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap());
        return;
    }
    println!("# Search at scale\n");
    common::print_machine(1);
    println!(
        "\n{pages} pages in {n} documents ({:.0} MB of text)\n",
        text_bytes as f64 / 1e6
    );
    println!("| build | value | target |\n|---|---|---|");
    println!("| indexing throughput | {pages_per_s:.0} pages/s ({mb_per_s:.1} MB/s of text) | ≥ 8,000 pages/s |");
    println!(
        "| index size | {:.0} bytes/page ({:.0} MB) | |",
        size as f64 / pages as f64,
        size as f64 / 1e6
    );
    println!("\n| query ({QUERIES_PER_KIND} each, limit 10) | p50 | p99 | mean matching documents |\n|---|---:|---:|---:|");
    for (kind, p50, p99, hits) in &rows {
        println!("| {kind} | {p50:.1} ms | {p99:.1} ms | {hits:.0} |");
    }
    println!(
        "\n`sohoa search` end to end (10 runs, process start included): median {:.0} ms, max {:.0} ms",
        percentile(&cli, 0.5),
        percentile(&cli, 1.0)
    );
}
