//! OCR accuracy of `sohoa ingest` against the ground truth, side by side with the plain
//! `tesseract PAGE - -l vie` command on the same pages.
//!
//! Measures, per page and overall (sum of edits / sum of reference lengths): CER, the
//! character edit distance over the reference length, and WER, the same over words, both
//! on NFC text with whitespace runs collapsed to one space. Blank pages of the ground truth
//! are left out of CER/WER; whether each system found them blank is reported instead.
//! Also runs sohoa with `--lang Vietnamese`, `--lang vie+Vietnamese` and `--no-deskew`,
//! each into its own archive, and reports their totals and pages/s.
//!
//! Run: `cargo bench --bench ocr_accuracy [-- [--quick] [BOX_DIR [GROUND_TRUTH]]]`.
//! Environment: `SOHOA_BENCH_BOX`, `SOHOA_BENCH_GT` (defaults: sample-scans/box-01 and the
//! ground-truth.json next to it), `SOHOA_BENCH_JOBS` (default: the cores),
//! `SOHOA_BENCH_QUICK=1` (sohoa `vie` and tesseract only), `SOHOA_BENCH_DUMP=DIR` (write
//! each page's normalised reference and outputs there, for diffing).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

use common::{pct, secs, IngestRun, PageImage, Result, Score, SohoaPage, TruthPage};

/// One sohoa configuration to measure.
struct Variant {
    name: &'static str,
    args: &'static [&'static str],
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "sohoa --lang vie (default)",
        args: &[],
    },
    Variant {
        name: "sohoa --lang vie --no-word-lists",
        args: &["--no-word-lists"],
    },
    Variant {
        name: "sohoa --lang Vietnamese",
        args: &["--lang", "Vietnamese"],
    },
    Variant {
        name: "sohoa --lang vie+Vietnamese",
        args: &["--lang", "vie+Vietnamese"],
    },
    Variant {
        name: "sohoa --lang vie --no-deskew",
        args: &["--no-deskew"],
    },
];

/// A system's text for every page of the ground truth (empty when missing) and whether
/// it called the page blank.
struct Outputs {
    name: String,
    texts: Vec<String>,
    said_blank: Vec<bool>,
    missing: Vec<bool>,
    confidence: Vec<Option<f64>>,
    wall: Duration,
    /// CPU seconds (user + system) of the system's processes.
    cpu: f64,
}

/// Scores of one system over the ground truth.
struct Scored {
    per_page: Vec<Option<Score>>,
    total: Score,
    total_upright: Score,
    blanks_found: usize,
    false_blanks: Vec<String>,
    missing: Vec<String>,
    /// Số ký hiệu tokens of the reference, and how many of them the output has verbatim.
    symbols: usize,
    symbols_read: usize,
}

/// The số ký hiệu-shaped tokens of a text: a digit first, then both `-` and `/`
/// (`05-NQ/ĐUK`, `424/QĐ-UBND`, `30/2020/NĐ-CP`), without surrounding punctuation.
fn symbol_tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| ",.;:()\"'".contains(c)))
        .filter(|t| {
            t.starts_with(|c: char| c.is_ascii_digit()) && t.contains('-') && t.contains('/')
        })
        .collect()
}

fn score(truth: &[TruthPage], out: &Outputs) -> Scored {
    let mut s = Scored {
        per_page: Vec::new(),
        total: Score::default(),
        total_upright: Score::default(),
        blanks_found: 0,
        false_blanks: Vec::new(),
        missing: Vec::new(),
        symbols: 0,
        symbols_read: 0,
    };
    for (i, page) in truth.iter().enumerate() {
        if out.missing[i] {
            s.missing.push(page.label());
        }
        if page.blank {
            if out.said_blank[i] {
                s.blanks_found += 1;
            }
            s.per_page.push(None);
            continue;
        }
        if out.said_blank[i] {
            s.false_blanks.push(page.label());
        }
        let sc = Score::of(&page.text, &out.texts[i]);
        let read = symbol_tokens(&out.texts[i]);
        for symbol in symbol_tokens(&page.text) {
            s.symbols += 1;
            s.symbols_read += usize::from(read.contains(&symbol));
        }
        s.total.add(sc);
        if page.rotation == 0 {
            s.total_upright.add(sc);
        }
        s.per_page.push(Some(sc));
    }
    s
}

fn sohoa_outputs(
    name: &str,
    truth: &[TruthPage],
    run: &IngestRun,
    pages: &BTreeMap<(String, u32), SohoaPage>,
) -> Outputs {
    let outcomes: HashMap<(String, u32), String> = common::report_outcomes(run);
    let mut out = Outputs {
        name: name.to_string(),
        texts: Vec::new(),
        said_blank: Vec::new(),
        missing: Vec::new(),
        confidence: Vec::new(),
        wall: run.wall,
        cpu: run.cpu,
    };
    for p in truth {
        let key = (p.source_file.clone(), p.source_page);
        let page = pages.get(&key);
        let outcome = outcomes.get(&key).map(String::as_str);
        let text = page.map(|p| p.text.clone()).unwrap_or_default();
        let blank = outcome == Some("blank")
            || page.is_some_and(|p| p.text_source == "blank")
            || (page.is_some() && common::normalize(&text).is_empty());
        out.missing.push(page.is_none() && outcome != Some("blank"));
        out.said_blank.push(blank);
        out.confidence.push(
            page.filter(|p| p.text_source == "ocr")
                .map(|p| p.confidence),
        );
        out.texts.push(text);
    }
    out
}

fn run_variant(
    variant: &Variant,
    box_dir: &Path,
    work: &Path,
    index: usize,
    jobs: usize,
    truth: &[TruthPage],
) -> Result<(Outputs, IngestRun)> {
    let archive = work.join(format!("archive-{index}"));
    eprintln!("running {} …", variant.name);
    let run = common::sohoa_ingest(box_dir, &archive, jobs, variant.args, false)?;
    if run.pages_ok < run.pages_total {
        eprintln!(
            "warning: {}: {} of {} pages stored; failures: {}",
            variant.name, run.pages_ok, run.pages_total, run.summary["failures"]
        );
    }
    let pages = common::sohoa_pages(&archive)?;
    Ok((sohoa_outputs(variant.name, truth, &run, &pages), run))
}

fn tesseract_outputs(truth: &[TruthPage], images: &[PageImage], jobs: usize) -> Result<Outputs> {
    eprintln!(
        "running tesseract -l vie on {} pages, {jobs} in parallel …",
        images.len()
    );
    let (texts, wall, cpu) = common::parallel_tesseract(images, jobs, "vie")?;
    let said_blank = texts
        .iter()
        .map(|t| common::normalize(t).is_empty())
        .collect();
    Ok(Outputs {
        name: "tesseract -l vie".into(),
        texts,
        said_blank,
        missing: vec![false; truth.len()],
        confidence: vec![None; truth.len()],
        wall,
        cpu,
    })
}

fn dump(dir: &Path, truth: &[TruthPage], outputs: &[&Outputs]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, p) in truth.iter().enumerate() {
        let stem = format!("{:02}-{}", i + 1, p.label().replace(['/', ' '], "_"));
        std::fs::write(
            dir.join(format!("{stem}.truth.txt")),
            common::normalize(&p.text) + "\n",
        )?;
        for (k, o) in outputs.iter().enumerate() {
            std::fs::write(
                dir.join(format!("{stem}.{k}.txt")),
                format!("{}\n{}\n", o.name, common::normalize(&o.texts[i])),
            )?;
        }
    }
    Ok(())
}

/// The metric itself: NFC of decomposed Vietnamese (marks in either order), whitespace
/// runs, and the edit distances on known cases.
fn check_metric() -> Result<()> {
    let cases = [
        ("Vie\u{0302}\u{0323}t  Nam\n", "Việt Nam"),
        ("Vie\u{0323}\u{0302}t\u{000C}Nam", "Việt Nam"),
        ("Ngu\u{031B}o\u{031B}\u{0300}i", "Người"),
        ("A\u{0306}\u{0301}K \u{0110}a\u{0300}ng", "ẮK Đàng"),
    ];
    for (input, expected) in cases {
        if common::normalize(input) != expected {
            return Err(format!("normalize({input:?}) = {:?}", common::normalize(input)).into());
        }
    }
    let s = Score::of("Đảng bộ tỉnh", "Đảng bô tinh x");
    if (s.char_edits, s.chars, s.word_edits, s.words) != (4, 12, 3, 3) {
        return Err(format!("edit distances wrong: {s:?}").into());
    }
    Ok(())
}

fn main() -> Result<()> {
    check_metric()?;
    let args = common::parse_args();
    let jobs = common::jobs();
    let (box_dir, truth_path) = common::resolve_box(&args.positional);
    let box_name = box_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let truth = common::load_truth(&truth_path, &box_name)?;
    let work = tempfile::Builder::new()
        .prefix("sohoa-bench-ocr-")
        .tempdir()?;

    println!("# OCR accuracy: sohoa vs tesseract");
    println!();
    common::print_machine(jobs);
    println!(
        "Box {} ({} pages, {} blank), ground truth {}.",
        box_dir.display(),
        truth.len(),
        truth.iter().filter(|p| p.blank).count(),
        truth_path.display()
    );
    println!();

    let variants: Vec<&Variant> = if args.quick {
        VARIANTS.iter().take(1).collect()
    } else {
        VARIANTS.iter().collect()
    };
    let mut runs: Vec<(Outputs, IngestRun)> = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        runs.push(run_variant(v, &box_dir, work.path(), i, jobs, &truth)?);
    }
    let images = common::page_images(&box_dir, &truth, &work.path().join("pages"))?;
    let tess = tesseract_outputs(&truth, &images, jobs)?;
    let load_end = common::load_average();

    let main_out = &runs[0].0;
    let main_score = score(&truth, main_out);
    let tess_score = score(&truth, &tess);

    if let Ok(dir) = std::env::var("SOHOA_BENCH_DUMP") {
        let mut all: Vec<&Outputs> = runs.iter().map(|(o, _)| o).collect();
        all.push(&tess);
        dump(Path::new(&dir), &truth, &all)?;
        println!("(page texts written to {dir})");
        println!();
    }

    // Per page, default sohoa vs tesseract.
    println!("## Per page: {} vs tesseract -l vie", main_out.name);
    println!();
    println!("| # | page | skew | wear | ref chars | sohoa CER | tesseract CER | sohoa WER | tesseract WER | sohoa conf |");
    println!("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
    for (i, p) in truth.iter().enumerate() {
        let mut wear = p.wear.join(", ");
        if p.rotation != 0 {
            wear = format!("rot {}°; {wear}", p.rotation);
        }
        let skew = format!("{:+.1}°", p.skew_degrees);
        let conf = main_out.confidence[i].map_or("–".into(), |c| format!("{c:.0}"));
        match (main_score.per_page[i], tess_score.per_page[i]) {
            (Some(s), Some(t)) => {
                let flag = if s.cer() > t.cer() + 0.02 && s.cer() > 1.5 * t.cer() {
                    " ⚠"
                } else {
                    ""
                };
                println!(
                    "| {} | {} | {skew} | {wear} | {} | {}{flag} | {} | {} | {} | {conf} |",
                    i + 1,
                    p.label(),
                    s.chars,
                    pct(s.cer()),
                    pct(t.cer()),
                    pct(s.wer()),
                    pct(t.wer()),
                );
            }
            _ => println!(
                "| {} | {} | {skew} | {wear} | blank | {} | {} | | | {conf} |",
                i + 1,
                p.label(),
                if main_out.said_blank[i] {
                    "found blank"
                } else {
                    "NOT found blank"
                },
                if tess.said_blank[i] {
                    "empty output"
                } else {
                    "text output"
                },
            ),
        }
    }
    println!(
        "| | **all non-blank pages** | | | {} | **{}** | **{}** | **{}** | **{}** | |",
        main_score.total.chars,
        pct(main_score.total.cer()),
        pct(tess_score.total.cer()),
        pct(main_score.total.wer()),
        pct(tess_score.total.wer()),
    );
    println!();
    let flagged: Vec<String> = truth
        .iter()
        .enumerate()
        .filter_map(
            |(i, p)| match (main_score.per_page[i], tess_score.per_page[i]) {
                (Some(s), Some(t)) if s.cer() > t.cer() + 0.02 && s.cer() > 1.5 * t.cer() => {
                    Some(format!(
                        "{} (sohoa {} vs tesseract {})",
                        p.label(),
                        pct(s.cer()),
                        pct(t.cer())
                    ))
                }
                _ => None,
            },
        )
        .collect();
    if flagged.is_empty() {
        println!(
            "No page where sohoa is clearly worse than tesseract (⚠: CER > 1.5× and +2 points)."
        );
    } else {
        println!(
            "⚠ sohoa clearly worse than tesseract on: {}.",
            flagged.join("; ")
        );
    }
    println!();

    // Totals of every system.
    let blank_total = truth.iter().filter(|p| p.blank).count();
    println!("## Totals (all non-blank pages; CER/WER = sum of edits / sum of reference lengths)");
    println!();
    println!("| system | CER | WER | CER, upright pages only | CER ratio vs tesseract | số ký hiệu read exactly | blank pages found | false blanks | missing pages | wall s | pages/s | CPU s/page |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let tess_cer = tess_score.total.cer();
    let mut rows: Vec<(&Outputs, Scored)> =
        runs.iter().map(|(o, _)| (o, score(&truth, o))).collect();
    rows.push((&tess, score(&truth, &tess)));
    for (o, s) in &rows {
        println!(
            "| {} | {} | {} | {} | {} | {}/{} | {}/{blank_total} | {} | {} | {} | {:.2} | {:.2} |",
            o.name,
            pct(s.total.cer()),
            pct(s.total.wer()),
            pct(s.total_upright.cer()),
            if tess_cer > 0.0 {
                format!("{:.2}", s.total.cer() / tess_cer)
            } else {
                "–".into()
            },
            s.symbols_read,
            s.symbols,
            s.blanks_found,
            if s.false_blanks.is_empty() {
                "0".into()
            } else {
                s.false_blanks.join(", ")
            },
            if s.missing.is_empty() {
                "0".into()
            } else {
                s.missing.join(", ")
            },
            secs(o.wall),
            truth.len() as f64 / o.wall.as_secs_f64(),
            o.cpu / truth.len() as f64,
        );
    }
    println!();

    // Per page CER of every system, to see where the models and deskew differ.
    println!("## Per page CER, every system");
    println!();
    let header: Vec<&str> = rows.iter().map(|(o, _)| o.name.as_str()).collect();
    println!("| # | page | {} |", header.join(" | "));
    println!("|---|---|{}", "---:|".repeat(rows.len()));
    for (i, p) in truth.iter().enumerate() {
        let cells: Vec<String> = rows
            .iter()
            .map(|(o, s)| match s.per_page[i] {
                Some(sc) => pct(sc.cer()),
                None if o.said_blank[i] => "blank ✓".into(),
                None => "blank ✗".into(),
            })
            .collect();
        println!("| {} | {} | {} |", i + 1, p.label(), cells.join(" | "));
    }
    println!();
    println!(
        "pages/s = {} pages / wall time, {jobs} jobs (sohoa: the whole ingest — decode, preprocess, OCR, store, index; tesseract: OCR only, pages pre-rendered, OMP_THREAD_LIMIT=1). CPU s/page = user + system CPU of the system's processes / {} pages: other load on the machine inflates wall time much more than CPU time. Load average at end: {load_end}.",
        truth.len(),
        truth.len()
    );
    println!("Upright pages only: without pages whose ground-truth rotation is not 0 (plain tesseract does not turn them).");
    Ok(())
}
