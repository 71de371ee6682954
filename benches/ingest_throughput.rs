//! Ingest throughput and memory of `sohoa ingest`, against its peers on the same pages.
//!
//! Measures, in one run: the wall time and pages/s of `sohoa ingest -j N` on a copy of the
//! sample box (a fresh archive each time); the `tesseract IMAGE - -l vie` command run over
//! the same page images by N worker threads pulling from one queue (`OMP_THREAD_LIMIT=1`;
//! rendering PDF pages to PNG is not timed); `ocrmypdf --jobs N --output-type pdfa -l vie`
//! on one PDF of the same pages, if ocrmypdf is installed (building that PDF with img2pdf is
//! not timed); and the peak RSS of `sohoa ingest` on the box once (25 pages for box-01) and
//! on the box eight times (200 pages: the sample files copied into different hồ sơ), whose
//! ratio shows whether memory is bounded by the pages in flight rather than the size of the
//! box. Both boxes have the same mix of formats, so only their size differs.
//!
//! Run: `cargo bench --bench ingest_throughput [-- --quick]`. Environment:
//! `SOHOA_BENCH_JOBS` (N, default: the cores), `SOHOA_BENCH_REPS` (timed repetitions of
//! sohoa and tesseract, default 2, best kept), `SOHOA_BENCH_QUICK=1` (one repetition, no
//! ocrmypdf, no 200-page box), `SOHOA_BENCH_BOX`/`SOHOA_BENCH_GT` (another box).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{secs, PageImage, Result, TruthPage};

/// Best (shortest) and all wall times of one system.
struct Timing {
    name: String,
    pages: usize,
    walls: Vec<Duration>,
    /// CPU seconds (user + system) of each run's processes.
    cpus: Vec<f64>,
    note: String,
}

impl Timing {
    fn best(&self) -> Duration {
        self.walls.iter().copied().min().unwrap_or_default()
    }
    fn pages_per_second(&self) -> f64 {
        self.pages as f64 / self.best().as_secs_f64()
    }
    fn cpu_per_page(&self) -> f64 {
        self.cpus.iter().copied().fold(f64::INFINITY, f64::min) / self.pages as f64
    }
}

/// Copies the hồ sơ files of `truth` (in order) into `dst` until `limit` pages, with the
/// box and hồ sơ sidecars; `copies` times, each copy of a hồ sơ in its own directory and
/// made distinct by a trailer after the image data.
fn build_box(
    src: &Path,
    truth: &[TruthPage],
    dst: &Path,
    limit: usize,
    copies: usize,
) -> Result<usize> {
    std::fs::create_dir_all(dst)?;
    let sidecar = src.join("box.json");
    if sidecar.is_file() {
        std::fs::copy(&sidecar, dst.join("box.json"))?;
    }
    let mut files: Vec<(&str, u32)> = Vec::new();
    let mut pages = 0usize;
    for p in truth {
        if p.source_page == 1 {
            if pages + p.pages_in_file as usize > limit {
                break;
            }
            pages += p.pages_in_file as usize;
            files.push((p.source_file.as_str(), p.pages_in_file));
        }
    }
    for copy in 1..=copies {
        for (file, _) in &files {
            let rel = Path::new(file);
            let hoso = rel.parent().unwrap_or(Path::new(""));
            let hoso_dst = if copies > 1 {
                let name = if hoso.as_os_str().is_empty() {
                    "root".to_string()
                } else {
                    hoso.display().to_string().replace('/', "-")
                };
                dst.join(format!("{name}-copy{copy}"))
            } else {
                dst.join(hoso)
            };
            std::fs::create_dir_all(&hoso_dst)?;
            let target = hoso_dst.join(rel.file_name().unwrap_or_default());
            std::fs::copy(src.join(rel), &target)?;
            if copies > 1 {
                // Identical copies would be stored once and not read again (duplicate
                // scans are detected by content): a trailer every decoder ignores makes
                // each copy a distinct file that goes through the whole pipeline.
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new().append(true).open(&target)?;
                writeln!(f, "\n%sohoa-bench copy {copy}")?;
            }
            let hoso_sidecar = src.join(hoso).join("hoso.json");
            if hoso_sidecar.is_file() && !hoso.as_os_str().is_empty() {
                std::fs::copy(&hoso_sidecar, hoso_dst.join("hoso.json"))?;
            }
        }
    }
    Ok(pages * copies)
}

/// One PDF of all pages for ocrmypdf (see [`common::images_to_pdf`]); `None` when img2pdf
/// is missing or fails.
fn build_pdf(box_dir: &Path, images: &[PageImage], out: &Path) -> Option<String> {
    match common::images_to_pdf(box_dir, images, out) {
        Ok(()) => Some(format!("{} pages via img2pdf", images.len())),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

fn version(cmd: &Path) -> String {
    Command::new(cmd)
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .unwrap_or_default()
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("?".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

fn main() -> Result<()> {
    let args = common::parse_args();
    let jobs = common::jobs();
    let reps: usize = std::env::var("SOHOA_BENCH_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(if args.quick { 1 } else { 2 });
    let (src_box, truth_path) = common::resolve_box(&args.positional);
    let box_name = src_box
        .file_name()
        .map_or_else(|| "box".into(), |n| n.to_string_lossy().into_owned());
    let truth = common::load_truth(&truth_path, &box_name)?;
    let work = tempfile::Builder::new()
        .prefix("sohoa-bench-ingest-")
        .tempdir()?;
    let w = work.path();

    println!("# Ingest throughput: sohoa vs parallel tesseract vs ocrmypdf");
    println!();
    common::print_machine(jobs);

    // Untimed set-up: the box copy and the page images.
    let box_dir = w.join(&box_name);
    common::copy_dir(&src_box, &box_dir)?;
    let pages = truth.len();
    let images = common::page_images(&box_dir, &truth, &w.join("pages"))?;
    // Warm the page cache (models, scans) so the first timed run pays no disk reads.
    common::run_tesseract(&images[0], "vie")?;

    let mut sohoa = Timing {
        name: format!("sohoa ingest -j {jobs}"),
        pages,
        walls: Vec::new(),
        cpus: Vec::new(),
        note: String::new(),
    };
    let mut tess = Timing {
        name: format!("tesseract -l vie, {jobs} parallel processes"),
        pages,
        walls: Vec::new(),
        cpus: Vec::new(),
        note: "OMP_THREAD_LIMIT=1; PDF pages pre-rendered (untimed)".into(),
    };
    for rep in 0..reps {
        // Alternate the order so neither always runs first.
        for which in [rep % 2, 1 - rep % 2] {
            if which == 0 {
                eprintln!("rep {}: sohoa ingest …", rep + 1);
                let archive = w.join(format!("archive-{rep}"));
                let run = common::sohoa_ingest(&box_dir, &archive, jobs, &[], false)?;
                if run.pages_ok as usize != pages {
                    sohoa.note = format!("{} of {} pages stored", run.pages_ok, run.pages_total);
                }
                sohoa.walls.push(run.wall);
                sohoa.cpus.push(run.cpu);
                std::fs::remove_dir_all(&archive)?;
            } else {
                eprintln!("rep {}: parallel tesseract …", rep + 1);
                let (_, wall, cpu) = common::parallel_tesseract(&images, jobs, "vie")?;
                tess.walls.push(wall);
                tess.cpus.push(cpu);
            }
        }
    }

    let ocrmypdf = if args.quick {
        Err("skipped (--quick)".to_string())
    } else {
        match common::which("ocrmypdf") {
            None => Err("not installed".to_string()),
            Some(bin) => {
                let pdf = w.join("all-pages.pdf");
                match build_pdf(&box_dir, &images, &pdf) {
                    None => {
                        Err("installed, but img2pdf (to build its input PDF) is not".to_string())
                    }
                    Some(how) => {
                        eprintln!("ocrmypdf …");
                        match common::run_ocrmypdf(&bin, &pdf, &w.join("ocrmypdf-out.pdf"), jobs) {
                            Ok((wall, cpu)) => Ok(Timing {
                                name: format!("ocrmypdf --jobs {jobs} --output-type pdfa -l vie"),
                                pages,
                                walls: vec![wall],
                                cpus: vec![cpu],
                                note: format!("{}; input PDF of {how} (untimed)", version(&bin)),
                            }),
                            Err(e) => Err(format!("failed: {e}")),
                        }
                    }
                }
            }
        }
    };

    println!("## Throughput ({pages} pages, {jobs} jobs, best of {reps} for sohoa and tesseract)");
    println!();
    println!("| system | best wall s | all runs s | pages/s | sohoa speed ÷ this | CPU s/page | this CPU ÷ sohoa CPU | note |");
    println!("|---|---:|---|---:|---:|---:|---:|---|");
    let mut rows = vec![&sohoa, &tess];
    if let Ok(t) = &ocrmypdf {
        rows.push(t);
    }
    for t in &rows {
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {} |",
            t.name,
            secs(t.best()),
            t.walls
                .iter()
                .map(|d| secs(*d))
                .collect::<Vec<_>>()
                .join(", "),
            t.pages_per_second(),
            sohoa.pages_per_second() / t.pages_per_second(),
            t.cpu_per_page(),
            t.cpu_per_page() / sohoa.cpu_per_page(),
            t.note
        );
    }
    if let Err(why) = &ocrmypdf {
        println!("| ocrmypdf | – | – | – | – | – | – | {why} |");
    }
    println!();
    println!(
        "sohoa speed ÷ this > 1: sohoa is faster. sohoa does the whole ingest (decode, blank check, deskew, orientation, OCR, PDF/text, OCFL store, index); tesseract only OCR. CPU s/page: user + system CPU of the run's processes (lowest run) per page, which other load on the machine inflates much less than wall time. Load average now: {}.",
        common::load_average()
    );
    println!();

    // Peak RSS: the box once vs the box eight times (the same mix of formats and pages, so
    // only the box size differs; the first 20 pages alone would leave out the PDF hồ sơ,
    // whose pages raise the peak on their own).
    println!("## Peak RSS of sohoa ingest -j {jobs}");
    println!();
    let rss_method = if Path::new("/usr/bin/time").is_file() {
        "/usr/bin/time -f %M"
    } else {
        "VmHWM of /proc/PID/status, polled every 20 ms"
    };
    println!("| box | pages | pages recognised | wall s | pages/s | CPU s/page | peak RSS |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut sizes = vec![(pages, 1usize)];
    if !args.quick {
        sizes.push((pages, 8));
    }
    let mut peaks = Vec::new();
    let mut timelines = Vec::new();
    for (limit, copies) in sizes {
        let dir = w.join(format!("rss-box-{limit}x{copies}"));
        let expected = build_box(&box_dir, &truth, &dir, limit, copies)?;
        eprintln!("peak RSS: {expected}-page box …");
        let archive = w.join(format!("rss-archive-{limit}x{copies}"));
        let run = common::sohoa_ingest(&dir, &archive, jobs, &[], true)?;
        println!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {} |",
            if copies > 1 {
                format!("{box_name} × {copies} hồ sơ copies")
            } else {
                format!("{box_name} once ({expected} pages)")
            },
            run.pages_total,
            run.pages_recognised,
            secs(run.wall),
            run.pages_per_second(),
            run.cpu / run.pages_total.max(1) as f64,
            mib(run.peak_rss_kib)
        );
        peaks.push((run.pages_total, run.peak_rss_kib));
        let slices: Vec<String> = run.rss_by_slice(5).into_iter().map(mib).collect();
        timelines.push(format!("{} pages: {}", run.pages_total, slices.join(" → ")));
        std::fs::remove_dir_all(&archive)?;
    }
    println!();
    if let [(small_pages, Some(small)), (big_pages, Some(big))] = peaks.as_slice() {
        println!(
            "Peak RSS ratio {big_pages} pages ÷ {small_pages} pages: {:.2} (measured with {rss_method}).",
            *big as f64 / *small as f64
        );
    } else {
        println!("Peak RSS measured with {rss_method}.");
    }
    println!();
    println!("Resident set over each run (largest VmRSS sampled in each fifth of the run): flat means bounded, a steady climb means growth with the box.");
    println!();
    for t in &timelines {
        println!("- {t}");
    }
    println!();
    println!("Load average at end: {}.", common::load_average());
    Ok(())
}
