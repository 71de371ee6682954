//! Ingest speed per scan format, against the parallel `tesseract` command on the same pages,
//! with sohoa's CPU time per stage; and peak RSS on a small and a large colour box.
//!
//! Set-up (untimed): `benches/data/format_boxes.py` renders N realistic 24-bit colour A4
//! pages at 300 dpi (sample-scans/generate.py's layouts and wear) into a temporary directory
//! and writes them as one box per format — 24-bit PNG, 24-bit LZW TIFF, 24-bit Deflate TIFF,
//! 8-bit gray PNG, bilevel G4 TIFF, JPEG, an image-only PDF of JPEG pages — and a mixed box
//! (one file per page, the formats in turn). For the tesseract command, PDF pages are
//! rendered to PNG by `pdftoppm -r 300` (untimed); every other page is read as stored
//! (pages of a multi-page TIFF with `-c tessedit_page_number`).
//!
//! Timed, per box, in the same run: `sohoa ingest -j N --json` into a fresh archive, and
//! `tesseract PAGE - -l vie` run by N worker threads pulling from one queue
//! (`OMP_THREAD_LIMIT=1`). The table gives both walls, the ratio (CLI wall ÷ sohoa wall, > 1:
//! sohoa is faster), both CPU times, and sohoa's CPU seconds per stage as the ingest summary
//! reports them (`cpu_seconds`: measured per thread around each stage, see
//! `pipeline::stages`). Then the peak RSS (`/usr/bin/time -f %M`, else `VmHWM`) of ingesting
//! a small and a large box of colour PNG pages (the pages copied into hồ sơ of the same size).
//! Between them, untimed by the ingest: the parts of preprocessing a colour page (one thread's
//! CPU time) and the candidate encodings of its access copy.
//!
//! Run: `cargo bench --bench ingest_formats [-- --quick]`. Environment: `SOHOA_BENCH_JOBS`
//! (N, default the cores), `SOHOA_BENCH_PAGES` (pages per box, default 4),
//! `SOHOA_BENCH_REPS` (repetitions, default 2, best kept; 1 with --quick),
//! `SOHOA_BENCH_FORMATS` (comma-separated subset, e.g. `png24,tiff-lzw`),
//! `SOHOA_BENCH_RSS_PAGES` (`SMALL,LARGE`, default `20,200`; `0` or --quick: skipped).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{secs, PageImage, Result};
use serde_json::Value;

/// Each box's pages, as the generator lists them: file (relative to the box) and page.
type Manifest = BTreeMap<String, Vec<(String, u32)>>;

const ORDER: [&str; 8] = [
    "png24",
    "tiff-lzw",
    "tiff-deflate",
    "png-gray",
    "tiff-g4",
    "jpeg",
    "pdf",
    "mixed",
];

const STAGES: [&str; 10] = [
    "decode",
    "preprocess",
    "ocr",
    "second_readings",
    "pdf",
    "hashing",
    "store",
    "index",
    "catalog",
    "other",
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs the generator; returns the manifest it prints.
fn generate(out: &Path, pages: usize, copies: Option<usize>) -> Result<Manifest> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/format_boxes.py");
    let python = if Path::new("/usr/bin/python3").is_file() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let output = Command::new(python)
        .arg(&script)
        .arg(out)
        .arg(pages.to_string())
        .args(copies.map(|c| c.to_string()))
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !output.status.success() {
        return Err(format!("{} failed", script.display()).into());
    }
    let raw: BTreeMap<String, Vec<Value>> = serde_json::from_slice(&output.stdout)?;
    Ok(raw
        .into_iter()
        .map(|(k, rows)| {
            let rows = rows
                .iter()
                .map(|r| {
                    (
                        r["file"].as_str().unwrap_or_default().to_string(),
                        r["page"].as_u64().unwrap_or(1) as u32,
                    )
                })
                .collect();
            (k, rows)
        })
        .collect())
}

/// The tesseract command's page images of a box (PDF pages rendered, untimed).
fn cli_pages(box_dir: &Path, rows: &[(String, u32)], work: &Path) -> Result<Vec<PageImage>> {
    std::fs::create_dir_all(work)?;
    let mut images = Vec::new();
    for (i, (file, page)) in rows.iter().enumerate() {
        let src = box_dir.join(file);
        let multi = rows.iter().filter(|(f, _)| f == file).count() > 1;
        let is_pdf = Path::new(file)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        let (path, tiff_page) = if is_pdf {
            let prefix = work.join(format!("page-{i:04}"));
            let n = page.to_string();
            let ok = Command::new("pdftoppm")
                .args(["-r", "300", "-png", "-singlefile", "-f", &n, "-l", &n])
                .arg(&src)
                .arg(&prefix)
                .status()
                .map_err(|e| format!("cannot run pdftoppm: {e}"))?
                .success();
            if !ok {
                return Err(format!("pdftoppm failed on {} page {n}", src.display()).into());
            }
            (prefix.with_extension("png"), None)
        } else if multi {
            (src, Some(page - 1))
        } else {
            (src, None)
        };
        images.push(PageImage {
            source_file: file.clone(),
            source_page: *page,
            path,
            tiff_page,
        });
    }
    Ok(images)
}

/// One box's measurements over the repetitions.
#[derive(Default)]
struct Row {
    pages: usize,
    sohoa_walls: Vec<Duration>,
    sohoa_cpus: Vec<f64>,
    tess_walls: Vec<Duration>,
    tess_cpus: Vec<f64>,
    /// Stage CPU seconds of sohoa's fastest run.
    stages: BTreeMap<String, f64>,
    stored: String,
}

fn best(walls: &[Duration]) -> Duration {
    walls.iter().copied().min().unwrap_or_default()
}

fn min_f(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("?".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

fn main() -> Result<()> {
    let args = common::parse_args();
    let jobs = common::jobs();
    let pages = env_usize("SOHOA_BENCH_PAGES", 4).max(1);
    let reps = env_usize("SOHOA_BENCH_REPS", if args.quick { 1 } else { 2 }).max(1);
    let only: Option<Vec<String>> = std::env::var("SOHOA_BENCH_FORMATS")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    let work = tempfile::Builder::new()
        .prefix("sohoa-bench-formats-")
        .tempdir()?;
    let w = work.path();

    println!("# Ingest per scan format: sohoa vs parallel tesseract, CPU per stage");
    println!();
    common::print_machine(jobs);

    eprintln!("rendering {pages} pages in every format …");
    let boxes_dir = w.join("boxes");
    let manifest = generate(&boxes_dir, pages, None)?;
    let formats: Vec<&str> = ORDER
        .iter()
        .copied()
        .filter(|f| manifest.contains_key(*f))
        .filter(|f| only.as_ref().is_none_or(|o| o.iter().any(|x| x == f)))
        .collect();
    let mut cli: BTreeMap<&str, Vec<PageImage>> = BTreeMap::new();
    for f in &formats {
        let images = cli_pages(&boxes_dir.join(f), &manifest[*f], &w.join("cli").join(f))?;
        cli.insert(f, images);
    }
    // Warm the page cache (models, scans) so the first timed run pays no disk reads.
    if let Some(first) = formats.first().and_then(|f| cli[f].first()) {
        common::run_tesseract(first, "vie")?;
    }

    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    for rep in 0..reps {
        for f in &formats {
            let row = rows.entry(f).or_default();
            row.pages = manifest[*f].len();
            for which in [rep % 2, 1 - rep % 2] {
                if which == 0 {
                    eprintln!("rep {}: {f}: sohoa ingest -j {jobs} …", rep + 1);
                    let archive = w.join(format!("archive-{f}-{rep}"));
                    let run = common::sohoa_ingest(&boxes_dir.join(f), &archive, jobs, &[], false)?;
                    if run.pages_ok as usize != row.pages {
                        row.stored = format!("{} of {} pages stored", run.pages_ok, row.pages);
                    }
                    if row.sohoa_walls.iter().all(|&d| run.wall < d) {
                        row.stages = STAGES
                            .iter()
                            .map(|s| {
                                let v = run.summary["cpu_seconds"][*s].as_f64().unwrap_or(0.0);
                                ((*s).to_string(), v)
                            })
                            .collect();
                        let process = run.summary["cpu_seconds"]["process"]
                            .as_f64()
                            .unwrap_or(run.cpu);
                        row.stages.insert("process".into(), process);
                    }
                    row.sohoa_walls.push(run.wall);
                    row.sohoa_cpus.push(run.cpu);
                    std::fs::remove_dir_all(&archive)?;
                } else {
                    eprintln!("rep {}: {f}: parallel tesseract …", rep + 1);
                    let (_, wall, cpu) = common::parallel_tesseract(&cli[*f], jobs, "vie")?;
                    row.tess_walls.push(wall);
                    row.tess_cpus.push(cpu);
                }
            }
        }
    }

    println!(
        "## Per format ({pages} pages of the same content per box, {jobs} jobs, best of {reps})"
    );
    println!();
    println!("| box | pages | sohoa wall s | tesseract wall s | speed ratio | sohoa CPU s | tesseract CPU s | CPU ratio | all runs (sohoa / tesseract) | note |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
    for f in &formats {
        let r = &rows[f];
        let (sw, tw) = (best(&r.sohoa_walls), best(&r.tess_walls));
        let (sc, tc) = (min_f(&r.sohoa_cpus), min_f(&r.tess_cpus));
        let runs = |v: &[Duration]| v.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ");
        println!(
            "| {f} | {} | {} | {} | **{:.2}** | {:.1} | {:.1} | {:.2} | {} / {} | {} |",
            r.pages,
            secs(sw),
            secs(tw),
            tw.as_secs_f64() / sw.as_secs_f64(),
            sc,
            tc,
            tc / sc,
            runs(&r.sohoa_walls),
            runs(&r.tess_walls),
            r.stored
        );
    }
    println!();
    println!("Speed ratio: tesseract wall ÷ sohoa wall (> 1: sohoa is faster); CPU ratio the same for CPU seconds (user + system of the processes, lowest run). Load average now: {}.", common::load_average());
    println!();

    println!("## sohoa CPU seconds per stage (its fastest run of each box)");
    println!();
    println!(
        "| box | {} | process | OCR share | all but OCR | all but OCR and second readings |",
        STAGES.join(" | ")
    );
    println!("|---|{}---:|---:|---:|---:|", "---:|".repeat(STAGES.len()));
    for f in &formats {
        let s = &rows[f].stages;
        let get = |k: &str| s.get(k).copied().unwrap_or(0.0);
        let process = get("process").max(f64::MIN_POSITIVE);
        println!(
            "| {f} | {} | {:.1} | {:.0} % | {:.1} % | {:.1} % |",
            STAGES
                .iter()
                .map(|k| format!("{:.2}", get(k)))
                .collect::<Vec<_>>()
                .join(" | "),
            process,
            100.0 * get("ocr") / process,
            100.0 * (process - get("ocr")) / process,
            100.0 * (process - get("ocr") - get("second_readings")) / process,
        );
    }
    println!();
    println!("Stages as `sohoa ingest --json` reports them (`cpu_seconds`): each is the CPU time of the threads running it (CLOCK_THREAD_CPUTIME_ID around each call); `other` is the process's CPU time that no stage accounts for (start-up, model loading, planning, the audit log). `pdf` includes decoding each original again for the access copy.");
    println!();

    if let Some(rows) = manifest.get("png24") {
        let files: Vec<PathBuf> = rows
            .iter()
            .map(|(file, _)| boxes_dir.join("png24").join(file))
            .collect();
        preprocessing(&files)?;
        if let Some(first) = files.first() {
            access_encodings(first)?;
        }
    }

    let rss: Vec<usize> = std::env::var("SOHOA_BENCH_RSS_PAGES")
        .unwrap_or_else(|_| "20,200".into())
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .collect();
    if !args.quick && rss.len() == 2 {
        measure_rss(w, &rss, jobs)?;
    }
    println!("Load average at end: {}.", common::load_average());
    Ok(())
}

/// Times `f` (best of three runs) and returns its output and CPU-free wall seconds.
fn timed<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let v = f();
        best = best.min(start.elapsed().as_secs_f64());
        out = Some(v);
    }
    (out.expect("ran"), best)
}

/// CPU seconds of the calling thread.
#[allow(unsafe_code)] // one FFI call with its SAFETY comment
fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given and nothing else.
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut t);
    }
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Runs `f` three times; returns its output and the lowest CPU seconds of this thread.
fn cpu_timed<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..3 {
        let start = thread_cpu_seconds();
        let v = f();
        best = best.min(thread_cpu_seconds() - start);
        out = Some(v);
    }
    (out.expect("ran"), best)
}

/// The parts of preprocessing a 24-bit colour page, in CPU seconds of one thread (lowest of
/// three runs), per page of the box: what `prepare` does in all (gray conversion, blank and
/// skew analysis, rotation when the skew is 1° or more), the rotation alone by the float warp
/// of `imageproc` (what deskewed before) and by `preprocess::rotate_gray` (now), and finding
/// the red ink.
fn preprocessing(pngs: &[PathBuf]) -> Result<()> {
    use image::Luma;
    use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
    use pipeline::decode::{decode_page, ScanFormat};
    use pipeline::ocr::stamp_ink::RedInk;
    use pipeline::preprocess::{prepare, rotate_gray, PreprocessOptions};
    println!("## Preprocessing one 24-bit colour page (CPU s of one thread, lowest of 3)");
    println!();
    println!("| page | skew measured ° | rotated | prepare in all | gray conversion alone (`to_luma8`) | rotation, imageproc bilinear (before) | rotation, `rotate_gray` (now) | red ink (`RedInk::find`) |");
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    for (i, png) in pngs.iter().enumerate() {
        let page = decode_page(png, ScanFormat::Png, 1)?;
        let (prepared, prepare_s) = cpu_timed(|| prepare(&page, PreprocessOptions::default()));
        let (gray, gray_s) = cpu_timed(|| page.image.to_luma8());
        let theta = -prepared.facts.skew_degrees.to_radians();
        let (_, float_s) = cpu_timed(|| {
            rotate_about_center(
                &gray,
                theta,
                Interpolation::Bilinear,
                Border::Constant(Luma([255])),
            )
        });
        let (_, fast_s) = cpu_timed(|| rotate_gray(&gray, theta, 255));
        let (_, red_s) = cpu_timed(|| RedInk::find(&page.image, prepared.facts.dpi));
        println!(
            "| {} | {:.2} | {} | {prepare_s:.3} | {gray_s:.3} | {float_s:.3} | {fast_s:.3} | {red_s:.3} |",
            i + 1,
            prepared.facts.skew_degrees,
            if prepared.facts.deskewed { "yes" } else { "no" },
        );
    }
    println!();
    Ok(())
}

/// The candidate encodings of one 24-bit colour page for the access copy: their time (best
/// of three, one thread) and size, against decoding the page.
fn access_encodings(png: &Path) -> Result<()> {
    use std::io::Write;
    let bytes = std::fs::read(png)?;
    let (image, decode_s) = timed(|| image::load_from_memory(&bytes).map(|i| i.to_rgb8()));
    let rgb = image?;
    let raw = rgb.as_raw();
    println!(
        "## Access copy of one 24-bit colour page ({}×{}, {:.1} MB of pixels; its PNG {:.2} MB)",
        rgb.width(),
        rgb.height(),
        raw.len() as f64 / 1e6,
        bytes.len() as f64 / 1e6
    );
    println!();
    println!("| encoding | s (best of 3, one thread) | MB | lossless |");
    println!("|---|---:|---:|---|");
    println!("| decoding the PNG (for comparison) | {decode_s:.3} | – | – |");
    let (passed, s) = timed(|| png_idat_len(&bytes));
    println!(
        "| the PNG's own zlib stream (Flate + PNG predictors, not decoded) | {s:.4} | {:.2} | yes |",
        passed as f64 / 1e6
    );
    for level in [6u8, 1] {
        let (out, s) = timed(|| miniz_oxide::deflate::compress_to_vec_zlib(raw, level));
        println!(
            "| Flate level {level}, miniz_oxide{} | {s:.3} | {:.2} | yes |",
            if level == 6 { " (before)" } else { "" },
            out.len() as f64 / 1e6
        );
    }
    for level in [6u32, 1] {
        let (out, s) = timed(|| {
            let mut e =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
            e.write_all(raw).and_then(|()| e.finish())
        });
        println!(
            "| Flate level {level}, zlib-rs{} | {s:.3} | {:.2} | yes |",
            if level == 1 {
                " (now, for decoded pages)"
            } else {
                ""
            },
            out?.len() as f64 / 1e6
        );
    }
    for quality in [90u8, 95] {
        let (out, s) = timed(|| {
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&rgb)
                .map(|()| out)
        });
        println!(
            "| JPEG quality {quality} (image crate's encoder) | {s:.3} | {:.2} | no |",
            out?.len() as f64 / 1e6
        );
    }
    println!();
    Ok(())
}

/// Bytes of a PNG's IDAT chunks (what the access copy takes from a PNG file).
fn png_idat_len(png: &[u8]) -> usize {
    let mut at = 8;
    let mut total = 0;
    while let Some(head) = png.get(at..at + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if &head[4..8] == b"IDAT" {
            total += len;
        }
        if &head[4..8] == b"IEND" {
            break;
        }
        at += 12 + len;
    }
    total
}

/// Peak RSS of ingesting `sizes[0]` and `sizes[1]` colour PNG pages (hồ sơ of
/// `sizes[0]` pages each, the same rendered pages copied).
fn measure_rss(w: &Path, sizes: &[usize], jobs: usize) -> Result<()> {
    let per = sizes[0];
    println!("## Peak RSS of sohoa ingest -j {jobs}, 24-bit colour PNG pages");
    println!();
    println!("| box | pages | wall s | CPU s/page | peak RSS | RSS over the run (max per fifth) |");
    println!("|---|---:|---:|---:|---:|---|");
    let mut peaks = Vec::new();
    for &n in sizes {
        let copies = n.div_ceil(per);
        let dir: PathBuf = w.join(format!("rss-{n}"));
        eprintln!("peak RSS: rendering a {n}-page box …");
        let manifest = generate(&dir, per, Some(copies))?;
        let name = manifest.keys().next().cloned().unwrap_or_default();
        let archive = w.join(format!("rss-archive-{n}"));
        eprintln!("peak RSS: ingesting {n} pages …");
        let run = common::sohoa_ingest(&dir.join(&name), &archive, jobs, &[], true)?;
        let slices: Vec<String> = run.rss_by_slice(5).into_iter().map(mib).collect();
        println!(
            "| {copies} hồ sơ × {per} pages | {} | {} | {:.2} | {} | {} |",
            run.pages_total,
            secs(run.wall),
            run.cpu / run.pages_total.max(1) as f64,
            mib(run.peak_rss_kib),
            slices.join(" → ")
        );
        peaks.push(run.peak_rss_kib);
        std::fs::remove_dir_all(&archive)?;
        std::fs::remove_dir_all(&dir)?;
    }
    println!();
    if let [Some(small), Some(large)] = peaks.as_slice() {
        println!(
            "Peak RSS ratio {} pages ÷ {} pages: {:.2}.",
            sizes[1],
            sizes[0],
            *large as f64 / *small as f64
        );
        println!();
    }
    Ok(())
}
