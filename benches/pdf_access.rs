//! Size and speed of the access-copy PDF/A (`pipeline::pdf`) against the original scans and
//! against `ocrmypdf --output-type pdfa` on the same pages.
//!
//! For every page of the box (default `sample-scans/box-01`): decodes it with the pipeline,
//! prepares it and recognises it with the pipeline's Tesseract engine (`vie`, untimed: the
//! words are the input of the PDF stage), then times what ingest will do for the access copy —
//! decode the page again from the original file, encode its image ([`PageImage`]) and build
//! the PDF — per page and per hồ sơ (one PDF per hồ sơ here: the documents' split does not
//! change sizes or times). The output is compared with the original files' sizes, and with
//! `ocrmypdf --jobs N --output-type pdfa -l vie` on one PDF of the same pages made by img2pdf
//! (untimed), whose time includes its own OCR; the OCR time measured here is printed beside it.
//!
//! Run: `cargo bench --bench pdf_access [-- --quick]`. Environment: `SOHOA_BENCH_JOBS`
//! (ocrmypdf's --jobs, default: the cores), `SOHOA_BENCH_QUICK=1` (no ocrmypdf),
//! `SOHOA_BENCH_BOX`/`SOHOA_BENCH_GT` (another box). The bench re-executes itself with
//! `OMP_THREAD_LIMIT=1`, as `sohoa` does, so Tesseract does not oversubscribe the cores.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use common::Result;
use pipeline::decode::{decode_page, ScanFormat};
use pipeline::ocr::models::{tessdata_dir, ModelSet};
use pipeline::ocr::tesseract::TesseractEngine;
use pipeline::ocr::{recognize_upright, OcrWord};
use pipeline::pdf::{build_access_pdf, AccessMetadata, AccessPage, PageGeometry, PageImage};
use pipeline::preprocess::{prepare, PreprocessOptions};

/// What the PDF stage gets for one page, and what it cost.
#[allow(clippy::struct_field_names)] // `page`: its number in the file, as in the report
struct Page {
    file: String,
    page: u32,
    format: ScanFormat,
    /// Bytes of the original file shared by its pages.
    original_bytes: f64,
    words: Vec<OcrWord>,
    geometry: PageGeometry,
    ocr: Duration,
    /// Decode + image encoding, best of the repetitions.
    encode: Duration,
    encoding: String,
    image_bytes: usize,
}

fn main() -> Result<()> {
    if std::env::var("OMP_THREAD_LIMIT").as_deref() != Ok("1") {
        let status = Command::new(std::env::current_exe()?)
            .args(std::env::args_os().skip(1))
            .env("OMP_THREAD_LIMIT", "1")
            .status()?;
        std::process::exit(status.code().unwrap_or(1));
    }
    let args = common::parse_args();
    let jobs = common::jobs();
    let (box_dir, truth_path) = common::resolve_box(&args.positional);
    let box_name = box_dir
        .file_name()
        .map_or_else(|| "box".into(), |n| n.to_string_lossy().into_owned());
    let truth = common::load_truth(&truth_path, &box_name)?;
    let work = tempfile::Builder::new()
        .prefix("sohoa-bench-pdf-")
        .tempdir()?;

    println!("# Access-copy PDF/A: sohoa vs the original scans vs ocrmypdf");
    println!();
    common::print_machine(jobs);

    let models = ModelSet::load(&tessdata_dir()?, "vie")?;
    let mut engine = TesseractEngine::new(&models)?;
    let mut pages = Vec::new();
    for t in &truth {
        let path = box_dir.join(&t.source_file);
        let format = ScanFormat::from_path(&path).ok_or("not a scan file")?;
        eprintln!("OCR {}", t.label());
        let start = Instant::now();
        let decoded = decode_page(&path, format, t.source_page)?;
        let prepared = prepare(&decoded, PreprocessOptions::default());
        let (words, facts) = if prepared.facts.blank {
            (Vec::new(), prepared.facts)
        } else {
            let (ocr, prepared) = recognize_upright(&mut engine, prepared)?;
            (ocr.words, prepared.facts)
        };
        let ocr = start.elapsed();
        // The PDF stage: decode again from the original (as ingest will), encode the image.
        let mut encode = Duration::MAX;
        let mut image = None;
        for _ in 0..if args.quick { 1 } else { 3 } {
            let start = Instant::now();
            let mut decoded = decode_page(&path, format, t.source_page)?;
            let jpeg = if format == ScanFormat::Jpeg {
                Some(std::fs::read(&path)?)
            } else {
                decoded.embedded_jpeg.take()
            };
            let encoded = PageImage::from_decoded(&decoded, jpeg.as_deref())?;
            encode = encode.min(start.elapsed());
            image = Some((encoded, decoded.technical.dpi));
        }
        let (image, _) = image.ok_or("no repetition")?;
        pages.push(Page {
            file: t.source_file.clone(),
            page: t.source_page,
            format,
            original_bytes: std::fs::metadata(&path)?.len() as f64 / f64::from(t.pages_in_file),
            geometry: PageGeometry::from(&facts),
            words,
            ocr,
            encode,
            encoding: format!("{:?}", image.encoding()),
            image_bytes: image.encoded_len(),
        });
    }

    // Build one PDF per hồ sơ (timed, best of 3), and note each page's share.
    let created = FixedOffset::east_opt(7 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2025, 7, 1, 8, 0, 0).single())
        .ok_or("date")?;
    let mut by_hoso: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let hoso = Path::new(&p.file)
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        by_hoso.entry(hoso).or_default().push(i);
    }
    let mut pdf_bytes_total = 0usize;
    let mut build_total = Duration::ZERO;
    let mut hoso_rows = Vec::new();
    for (hoso, indices) in &by_hoso {
        let mut access = Vec::new();
        for &i in indices {
            let p = &pages[i];
            let path = box_dir.join(&p.file);
            let mut decoded = decode_page(&path, p.format, p.page)?;
            let jpeg = if p.format == ScanFormat::Jpeg {
                Some(std::fs::read(&path)?)
            } else {
                decoded.embedded_jpeg.take()
            };
            let dpi = match decoded.technical.dpi {
                Some(d) if (50.0..=2400.0).contains(&d) => d,
                _ => pipeline::preprocess::DEFAULT_DPI as f32,
            };
            access.push(AccessPage {
                image: PageImage::from_decoded(&decoded, jpeg.as_deref())?,
                dpi,
                words: p.words.clone(),
                geometry: p.geometry,
            });
        }
        let meta = AccessMetadata {
            title: format!("Hồ sơ {hoso}"),
            identifier: format!("BENCH.{hoso}"),
            language: "vi".into(),
            created,
        };
        let mut best = Duration::MAX;
        let mut bytes = Vec::new();
        for _ in 0..if args.quick { 1 } else { 3 } {
            let start = Instant::now();
            bytes = build_access_pdf(&access, &meta)?;
            best = best.min(start.elapsed());
        }
        let out = work.path().join(format!("{}.pdf", hoso.replace('/', "-")));
        std::fs::write(&out, &bytes)?;
        let check = Command::new("qpdf").arg("--check").arg(&out).output();
        let qpdf = match check {
            Ok(o)
                if o.status.success()
                    && !String::from_utf8_lossy(&o.stdout).contains("WARNING") =>
            {
                "clean"
            }
            Ok(_) => "PROBLEMS",
            Err(_) => "qpdf missing",
        };
        pdf_bytes_total += bytes.len();
        build_total += best;
        hoso_rows.push((hoso.clone(), indices.len(), bytes.len(), best, qpdf));
    }

    let n = pages.len() as f64;
    let original_total: f64 = pages.iter().map(|p| p.original_bytes).sum();
    let encode_total: Duration = pages.iter().map(|p| p.encode).sum();
    let ocr_total: Duration = pages.iter().map(|p| p.ocr).sum();

    println!("## Per page (sohoa)");
    println!();
    println!("| page | original | image in PDF | encoding | PDF/original | words | decode + encode ms | OCR s (untimed input) |");
    println!("|---|---:|---:|---|---:|---:|---:|---:|");
    for p in &pages {
        let label = if p.page > 1
            || Path::new(&p.file)
                .extension()
                .is_some_and(|e| e == "pdf" || e == "tif")
        {
            format!("{} p{}", p.file, p.page)
        } else {
            p.file.clone()
        };
        println!(
            "| {label} | {} | {} | {} | {:.2} | {} | {:.0} | {:.1} |",
            kib(p.original_bytes),
            kib(p.image_bytes as f64),
            p.encoding,
            p.image_bytes as f64 / p.original_bytes,
            p.words.len(),
            p.encode.as_secs_f64() * 1000.0,
            p.ocr.as_secs_f64()
        );
    }
    println!();
    println!("## Per hồ sơ PDF (sohoa)");
    println!();
    println!("| hồ sơ | pages | PDF | build ms (best of 3) | qpdf --check |");
    println!("|---|---:|---:|---:|---|");
    for (hoso, count, bytes, best, qpdf) in &hoso_rows {
        println!(
            "| {hoso} | {count} | {} | {:.1} | {qpdf} |",
            kib(*bytes as f64),
            best.as_secs_f64() * 1000.0
        );
    }
    println!();

    // ocrmypdf on the same pages.
    let ocrmypdf = if args.quick {
        Err("skipped (--quick)".to_string())
    } else {
        run_ocrmypdf(&box_dir, &truth, work.path(), jobs)
    };

    println!("## Totals");
    println!();
    println!("| system | pages | output | output/original | time | time/page | note |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    println!(
        "| original scans | {} | {} | 1.00 | – | – | files as scanned |",
        pages.len(),
        kib(original_total)
    );
    let sohoa_time = encode_total + build_total;
    println!(
        "| sohoa PDF stage | {} | {} | {:.2} | {:.2} s | {:.0} ms | decode again + encode image {:.0} ms/page, build {:.1} ms/page; 1 thread |",
        pages.len(),
        kib(pdf_bytes_total as f64),
        pdf_bytes_total as f64 / original_total,
        sohoa_time.as_secs_f64(),
        sohoa_time.as_secs_f64() * 1000.0 / n,
        encode_total.as_secs_f64() * 1000.0 / n,
        build_total.as_secs_f64() * 1000.0 / n,
    );
    println!(
        "| sohoa OCR (input, for scale) | {} | – | – | {:.1} s | {:.2} s | decode + preprocess + Tesseract `vie`, 1 thread |",
        pages.len(),
        ocr_total.as_secs_f64(),
        ocr_total.as_secs_f64() / n
    );
    match &ocrmypdf {
        Ok((bytes, wall, cpu)) => {
            println!(
                "| ocrmypdf --jobs {jobs} --output-type pdfa -l vie | {} | {} | {:.2} | {:.1} s | {:.2} s | OCR included; {cpu:.1} CPU-s |",
                pages.len(),
                kib(*bytes as f64),
                *bytes as f64 / original_total,
                wall.as_secs_f64(),
                wall.as_secs_f64() / n
            );
            println!();
            println!(
                "Ratios: sohoa PDF size / ocrmypdf PDF size = {:.2}; sohoa PDF-stage time / ocrmypdf wall time = {:.3} \
                 (ocrmypdf's includes OCR); sohoa PDF-stage time / sohoa OCR time = {:.3}.",
                pdf_bytes_total as f64 / *bytes as f64,
                sohoa_time.as_secs_f64() / wall.as_secs_f64(),
                sohoa_time.as_secs_f64() / ocr_total.as_secs_f64()
            );
        }
        Err(why) => {
            println!("| ocrmypdf | – | – | – | – | – | {why} |");
            println!();
            println!(
                "Ratio: sohoa PDF-stage time / sohoa OCR time = {:.3}.",
                sohoa_time.as_secs_f64() / ocr_total.as_secs_f64()
            );
        }
    }
    println!();
    println!("Load average at end: {}", common::load_average());
    Ok(())
}

/// img2pdf (untimed) then `ocrmypdf --jobs N --output-type pdfa -l vie` (timed): output
/// size, wall time and CPU seconds.
fn run_ocrmypdf(
    box_dir: &Path,
    truth: &[common::TruthPage],
    work: &Path,
    jobs: usize,
) -> std::result::Result<(usize, Duration, f64), String> {
    let ocrmypdf = common::which("ocrmypdf").ok_or("ocrmypdf not installed")?;
    let images =
        common::page_images(box_dir, truth, &work.join("peer")).map_err(|e| e.to_string())?;
    let input = work.join("peer-in.pdf");
    common::images_to_pdf(box_dir, &images, &input).map_err(|e| e.to_string())?;
    let output = work.join("peer-out.pdf");
    eprintln!("ocrmypdf …");
    let (wall, cpu) =
        common::run_ocrmypdf(&ocrmypdf, &input, &output, jobs).map_err(|e| e.to_string())?;
    let bytes = std::fs::metadata(&output).map_err(|e| e.to_string())?.len() as usize;
    Ok((bytes, wall, cpu))
}

fn kib(bytes: f64) -> String {
    format!("{:.0} KiB", bytes / 1024.0)
}
