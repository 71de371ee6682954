//! Shared helpers of the benches (not a bench itself): command-line and environment
//! options, the machine's facts, the ground truth of a box, text normalisation (NFC,
//! whitespace runs collapsed) and edit distances for CER/WER, and running `sohoa` and the
//! plain `tesseract` command on the same pages.

// Each bench uses a different part of this module.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

pub mod corpus;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T> = std::result::Result<T, Error>;

/// The `sohoa` binary cargo built for this bench (release profile under `cargo bench`), or
/// the one `SOHOA_BENCH_BIN` names (another build, to compare two in alternating runs).
pub fn sohoa_bin() -> PathBuf {
    std::env::var_os("SOHOA_BENCH_BIN")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_sohoa")), PathBuf::from)
}

/// The repository's sample box.
pub fn sample_box_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-scans/box-01")
}

// ---------------------------------------------------------------------------------------
// Options

/// Positional arguments and flags. `cargo bench` appends `--bench`; unknown flags are
/// ignored with a note so that `cargo bench -- --quick` and plain `cargo bench` both work.
pub struct BenchArgs {
    pub positional: Vec<String>,
    pub quick: bool,
}

pub fn parse_args() -> BenchArgs {
    let mut args = BenchArgs {
        positional: Vec::new(),
        quick: env_flag("SOHOA_BENCH_QUICK"),
    };
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--quick" => args.quick = true,
            "--bench" => {}
            s if s.starts_with('-') => eprintln!("note: ignoring argument {s}"),
            _ => args.positional.push(a),
        }
    }
    args
}

pub fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Worker count: `SOHOA_BENCH_JOBS`, else the available cores, else 2.
pub fn jobs() -> usize {
    std::env::var("SOHOA_BENCH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
}

/// The box to measure and its ground truth: positional arguments, else `SOHOA_BENCH_BOX` /
/// `SOHOA_BENCH_GT`, else `sample-scans/box-01`; the ground truth defaults to
/// `ground-truth.json` next to the box directory.
pub fn resolve_box(positional: &[String]) -> (PathBuf, PathBuf) {
    let dir = positional
        .first()
        .cloned()
        .or_else(|| std::env::var("SOHOA_BENCH_BOX").ok())
        .map_or_else(sample_box_dir, PathBuf::from);
    let truth = positional
        .get(1)
        .cloned()
        .or_else(|| std::env::var("SOHOA_BENCH_GT").ok())
        .map_or_else(
            || {
                dir.parent()
                    .unwrap_or(Path::new("."))
                    .join("ground-truth.json")
            },
            PathBuf::from,
        );
    (dir, truth)
}

// ---------------------------------------------------------------------------------------
// Machine

pub fn which(cmd: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(cmd))
        .find(|f| f.is_file())
}

fn first_line_of(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    text.lines().next().map(|l| l.trim().to_string())
}

/// CPU seconds (user + system) of this process's waited-for children so far, from
/// /proc/self/stat (cutime, cstime; 100 ticks a second on Linux). The difference around a
/// run is the CPU the run's processes used, which other load on the machine hardly changes.
pub fn children_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // Fields after "(comm)": state is field 3, cutime 16, cstime 17.
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    (tick(13) + tick(14)) / 100.0
}

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "?".into(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

/// Prints what the numbers depend on: cores, CPU, RAM, load, tool versions, date.
pub fn print_machine(jobs: usize) {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let ram = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<f64>().ok())
        })
        .map_or_else(
            || "?".into(),
            |kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0),
        );
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!("## Machine");
    println!();
    println!(
        "- date: {}",
        first_line_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default()
    );
    println!("- cores (available_parallelism): {cores}; jobs used: {jobs}");
    println!("- CPU: {cpu}");
    println!("- RAM: {ram}");
    println!("- load average at start: {}", load_average());
    println!(
        "- {}",
        first_line_of("tesseract", &["--version"]).unwrap_or_else(|| "tesseract: not found".into())
    );
    println!("- sohoa binary: {}", sohoa_bin().display());
    println!();
}

// ---------------------------------------------------------------------------------------
// Ground truth

/// One page of the ground truth, keyed by its file relative to the box root.
#[derive(Debug, Clone)]
pub struct TruthPage {
    pub source_file: String,
    pub source_page: u32,
    /// Pages in the same file.
    pub pages_in_file: u32,
    pub text: String,
    pub blank: bool,
    pub rotation: i64,
    /// The skew the scan was generated with, degrees (0 when the ground truth has none).
    pub skew_degrees: f64,
    pub wear: Vec<String>,
}

impl TruthPage {
    pub fn label(&self) -> String {
        if self.pages_in_file > 1 {
            format!("{} p{}", self.source_file, self.source_page)
        } else {
            self.source_file.clone()
        }
    }
}

/// Reads `ground-truth.json` (keys `BOX/relative/path`) for the box named `box_name`; keys
/// of another box name are taken too when none carries this one (a renamed copy).
pub fn load_truth(path: &Path, box_name: &str) -> Result<Vec<TruthPage>> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read ground truth {}: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&raw)?;
    let files = json.as_object().ok_or("ground truth: not a JSON object")?;
    let prefix = format!("{box_name}/");
    let any_own = files.keys().any(|k| k.starts_with(&prefix));
    let mut pages = Vec::new();
    for (key, entry) in files {
        let rel = if any_own {
            match key.strip_prefix(&prefix) {
                Some(r) => r,
                None => continue,
            }
        } else {
            key.split_once('/').map_or(key.as_str(), |(_, r)| r)
        };
        let list = entry["pages"].as_array().ok_or("ground truth: no pages")?;
        for p in list {
            pages.push(TruthPage {
                source_file: rel.to_string(),
                source_page: p["source_page"].as_u64().unwrap_or(1) as u32,
                pages_in_file: list.len() as u32,
                text: p["text"].as_str().unwrap_or("").to_string(),
                blank: p["blank"].as_bool().unwrap_or(false),
                rotation: p["rotation"].as_i64().unwrap_or(0),
                skew_degrees: p["skew_deg"].as_f64().unwrap_or(0.0),
                wear: p["wear"]
                    .as_array()
                    .map(|w| {
                        w.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
    }
    pages.sort_by(|a, b| {
        natural_cmp(&a.source_file, &b.source_file).then(a.source_page.cmp(&b.source_page))
    });
    if pages.is_empty() {
        return Err(format!(
            "ground truth {} has no page of box {box_name}",
            path.display()
        )
        .into());
    }
    Ok(pages)
}

/// Orders `2.png` before `10.jpg`.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, chunk)) if *d == digit => chunk.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let ord = if x.0 && y.0 {
            let (nx, ny) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
            nx.len().cmp(&ny.len()).then(nx.cmp(ny))
        } else {
            x.1.cmp(&y.1)
        };
        if ord.is_ne() {
            return ord;
        }
    }
    ca.len().cmp(&cb.len())
}

// ---------------------------------------------------------------------------------------
// Text normalisation and edit distance

/// NFC, then every whitespace run (newlines, form feeds included) as one space, trimmed.
pub fn normalize(text: &str) -> String {
    nfc(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance (unit costs), two rows of the O(n·m) table.
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(x != y);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Edits and reference lengths, in characters and in words; sums add up over pages so the
/// overall CER is sum of edits / sum of reference lengths.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub char_edits: usize,
    pub chars: usize,
    pub word_edits: usize,
    pub words: usize,
}

impl Score {
    pub fn of(reference: &str, hypothesis: &str) -> Score {
        let (r, h) = (normalize(reference), normalize(hypothesis));
        let (rc, hc): (Vec<char>, Vec<char>) = (r.chars().collect(), h.chars().collect());
        let (rw, hw): (Vec<&str>, Vec<&str>) = (
            r.split(' ').filter(|w| !w.is_empty()).collect(),
            h.split(' ').filter(|w| !w.is_empty()).collect(),
        );
        Score {
            char_edits: edit_distance(&rc, &hc),
            chars: rc.len(),
            word_edits: edit_distance(&rw, &hw),
            words: rw.len(),
        }
    }

    pub fn add(&mut self, other: Score) {
        self.char_edits += other.char_edits;
        self.chars += other.chars;
        self.word_edits += other.word_edits;
        self.words += other.words;
    }

    pub fn cer(&self) -> f64 {
        ratio(self.char_edits, self.chars)
    }

    pub fn wer(&self) -> f64 {
        ratio(self.word_edits, self.words)
    }
}

fn ratio(edits: usize, len: usize) -> f64 {
    if len == 0 {
        if edits == 0 {
            0.0
        } else {
            1.0
        }
    } else {
        edits as f64 / len as f64
    }
}

pub fn pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

/// Folds Vietnamese text for tolerant comparison: canonical decomposition of the Latin
/// letters, combining marks (U+0300–U+036F) dropped, `đ`/`Đ` as `d`, lower case, whitespace
/// runs as one space. `Ủy ban` and `Uỷ  ban` both give `uy ban`.
pub fn fold(text: &str) -> String {
    static DECOMPOSE: OnceLock<HashMap<char, char>> = OnceLock::new();
    let base = DECOMPOSE.get_or_init(|| {
        let direct: HashMap<char, char> = COMPOSITIONS.iter().map(|&(c, b, _)| (c, b)).collect();
        direct
            .keys()
            .map(|&c| {
                let mut b = direct[&c];
                while let Some(&next) = direct.get(&b) {
                    b = next;
                }
                (c, b)
            })
            .collect()
    });
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => base.get(&c).copied().unwrap_or(c),
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// Canonical composition (NFC) for the Latin letters, Vietnamese included: the canonical
/// decompositions of U+00C0–U+024F and U+1E00–U+1EFF and the combining classes of
/// U+0300–U+036F (generated from Python's `unicodedata`, Unicode 14). Other characters
/// pass through unchanged, which is all OCR of Vietnamese text produces.
pub fn nfc(text: &str) -> String {
    struct Tables {
        decompose: HashMap<char, (char, char)>,
        compose: HashMap<(char, char), char>,
        class: HashMap<char, u8>,
    }
    fn decompose(c: char, t: &Tables, out: &mut Vec<char>) {
        match t.decompose.get(&c) {
            Some(&(base, mark)) => {
                decompose(base, t, out);
                out.push(mark);
            }
            None => out.push(c),
        }
    }
    static TABLES: OnceLock<Tables> = OnceLock::new();
    let t = TABLES.get_or_init(|| Tables {
        decompose: COMPOSITIONS.iter().map(|&(c, b, m)| (c, (b, m))).collect(),
        compose: COMPOSITIONS.iter().map(|&(c, b, m)| ((b, m), c)).collect(),
        class: COMBINING_CLASSES.iter().copied().collect(),
    });
    if text.is_ascii() {
        return text.to_string();
    }
    let class = |c: char| t.class.get(&c).copied().unwrap_or(0);
    let mut chars = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose(c, t, &mut chars);
    }
    // Canonical ordering: stable sort of each run of combining marks by class.
    let mut i = 0;
    while i < chars.len() {
        if class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| class(c));
    }
    // Canonical composition.
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in chars {
        let cc = class(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|lc| lc == 0 || lc >= cc);
            if !blocked {
                if let Some(&composed) = t.compose.get(&(out[s], c)) {
                    out[s] = composed;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(cc);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

// ---------------------------------------------------------------------------------------
// Running sohoa

/// One `sohoa ingest` run.
pub struct IngestRun {
    pub summary: Value,
    pub wall: Duration,
    /// Peak resident set of the sohoa process, KiB (`/usr/bin/time -f %M`, else `VmHWM`).
    pub peak_rss_kib: Option<u64>,
    pub pages_total: u64,
    pub pages_ok: u64,
    pub pages_recognised: u64,
    /// CPU seconds (user + system) of the sohoa process.
    pub cpu: f64,
    /// (seconds since start, `VmRSS` KiB) every 100 ms, when RSS was measured.
    pub rss_timeline: Vec<(f64, u64)>,
}

impl IngestRun {
    pub fn pages_per_second(&self) -> f64 {
        self.pages_total as f64 / self.wall.as_secs_f64()
    }

    /// The largest `VmRSS` sampled in each of `parts` equal slices of the run, KiB.
    pub fn rss_by_slice(&self, parts: usize) -> Vec<Option<u64>> {
        let total = self.wall.as_secs_f64();
        let mut out = vec![None; parts];
        for &(t, kib) in &self.rss_timeline {
            let k = ((t / total * parts as f64) as usize).min(parts - 1);
            out[k] = Some(out[k].map_or(kib, |m: u64| m.max(kib)));
        }
        out
    }
}

/// `sohoa ingest BOX --archive ARCHIVE -j JOBS --no-progress --json EXTRA…`. Exit code 3
/// (some pages failed or withheld) still yields the summary.
pub fn sohoa_ingest(
    box_dir: &Path,
    archive: &Path,
    jobs: usize,
    extra: &[&str],
    measure_rss: bool,
) -> Result<IngestRun> {
    let mut args: Vec<String> = vec![
        "ingest".into(),
        box_dir.display().to_string(),
        "--archive".into(),
        archive.display().to_string(),
        "-j".into(),
        jobs.to_string(),
        "--no-progress".into(),
        "--json".into(),
    ];
    args.extend(extra.iter().map(std::string::ToString::to_string));
    let time_bin = Path::new("/usr/bin/time");
    let rss_file = archive.with_extension("rss");
    let use_time = measure_rss && time_bin.is_file();
    let mut cmd = if use_time {
        let mut c = Command::new(time_bin);
        c.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&rss_file)
            .arg(sohoa_bin());
        c
    } else {
        Command::new(sohoa_bin())
    };
    cmd.args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let child = cmd.spawn().map_err(|e| format!("cannot run sohoa: {e}"))?;
    let (output, polled_rss, rss_timeline) = if measure_rss {
        wait_sampling_rss(child, use_time, start)?
    } else {
        (child.wait_with_output()?, None, Vec::new())
    };
    let wall = start.elapsed();
    let cpu = children_cpu_seconds() - cpu_before;
    let code = output.status.code().unwrap_or(-1);
    if code != 0 && code != 3 {
        return Err(format!(
            "sohoa {} exited with {code}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let summary: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "sohoa ingest printed no JSON summary ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })?;
    let peak_rss_kib = if use_time {
        std::fs::read_to_string(&rss_file)
            .ok()
            .and_then(|s| s.lines().filter_map(|l| l.trim().parse().ok()).next_back())
    } else {
        polled_rss
    };
    let n = |k: &str| summary[k].as_u64().unwrap_or(0);
    Ok(IngestRun {
        pages_total: n("pages_total"),
        pages_ok: n("pages_ok"),
        pages_recognised: n("pages_recognised"),
        summary,
        wall,
        cpu,
        peak_rss_kib,
        rss_timeline,
    })
}

/// Waits for the child while sampling the sohoa process's `VmRSS` and `VmHWM` (peak RSS) from
/// /proc every 100 ms; under `/usr/bin/time` that process is the child's child.
#[allow(clippy::type_complexity)]
fn wait_sampling_rss(
    mut child: std::process::Child,
    via_time: bool,
    start: Instant,
) -> Result<(std::process::Output, Option<u64>, Vec<(f64, u64)>)> {
    fn drain(
        stream: Option<impl std::io::Read + Send + 'static>,
    ) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut s) = stream {
                let _ = s.read_to_end(&mut buf);
            }
            buf
        })
    }
    fn field(status: &str, name: &str) -> Option<u64> {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
    }
    let pid = child.id();
    let out_thread = drain(child.stdout.take());
    let err_thread = drain(child.stderr.take());
    let mut peak: Option<u64> = None;
    let mut timeline = Vec::new();
    let status = loop {
        let target = if via_time {
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
                .ok()
                .and_then(|c| {
                    c.split_whitespace()
                        .next()
                        .and_then(|p| p.parse::<u32>().ok())
                })
        } else {
            Some(pid)
        };
        if let Some(status) =
            target.and_then(|t| std::fs::read_to_string(format!("/proc/{t}/status")).ok())
        {
            if let Some(kib) = field(&status, "VmHWM:") {
                peak = Some(peak.map_or(kib, |p| p.max(kib)));
            }
            if let Some(kib) = field(&status, "VmRSS:") {
                timeline.push((start.elapsed().as_secs_f64(), kib));
            }
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = std::process::Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    };
    Ok((output, peak, timeline))
}

/// Runs `sohoa ARGS` (which must include `--json`) and parses its stdout.
pub fn sohoa_json(args: &[&str]) -> Result<Value> {
    let out = Command::new(sohoa_bin()).args(args).output()?;
    if !out.status.success() {
        return Err(format!(
            "sohoa {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// One archived page, as `sohoa show --json` prints it.
#[derive(Debug, Clone)]
pub struct SohoaPage {
    pub text: String,
    pub text_source: String,
    pub confidence: f64,
}

/// Every page of every document in the archive (list + show), keyed by (file, page).
pub fn sohoa_pages(archive: &Path) -> Result<BTreeMap<(String, u32), SohoaPage>> {
    let archive_s = archive.display().to_string();
    let list = sohoa_json(&["list", "--archive", &archive_s, "--json"])?;
    let mut pages = BTreeMap::new();
    for doc in list["documents"].as_array().into_iter().flatten() {
        let Some(id) = doc["id"].as_str() else {
            continue;
        };
        let shown = sohoa_json(&["show", id, "--archive", &archive_s, "--json"])?;
        for p in shown["pages"].as_array().into_iter().flatten() {
            let key = (
                p["source_file"].as_str().unwrap_or("").to_string(),
                p["source_page"].as_u64().unwrap_or(0) as u32,
            );
            pages.entry(key).or_insert_with(|| SohoaPage {
                text: p["text"].as_str().unwrap_or("").to_string(),
                text_source: p["text_source"].as_str().unwrap_or("").to_string(),
                confidence: p["confidence"].as_f64().unwrap_or(0.0),
            });
        }
    }
    Ok(pages)
}

/// Each page's outcome (`ocr`, `blank`, `failed`, …) from the run's batch report.
pub fn report_outcomes(run: &IngestRun) -> HashMap<(String, u32), String> {
    let mut outcomes = HashMap::new();
    let Some(path) = run.summary["report"].as_str() else {
        return outcomes;
    };
    let Ok(raw) = std::fs::read_to_string(path) else {
        return outcomes;
    };
    let Ok(report) = serde_json::from_str::<Value>(&raw) else {
        return outcomes;
    };
    for row in report["pages"].as_array().into_iter().flatten() {
        let key = (
            row["source_file"].as_str().unwrap_or("").to_string(),
            row["source_page"].as_u64().unwrap_or(1) as u32,
        );
        outcomes.insert(key, row["outcome"].as_str().unwrap_or("").to_string());
    }
    outcomes
}

// ---------------------------------------------------------------------------------------
// The plain tesseract command

/// One page as an image the `tesseract` command reads: PNG, JPEG and single-page TIFF
/// files as they are; a page of a multi-page TIFF through `-c tessedit_page_number`; a PDF
/// page rendered with `pdftoppm -r 300 -png`.
#[derive(Debug, Clone)]
pub struct PageImage {
    pub source_file: String,
    pub source_page: u32,
    pub path: PathBuf,
    pub tiff_page: Option<u32>,
}

/// Page images for the given pages of `box_dir`; renders PDF pages into `work` (untimed).
pub fn page_images(box_dir: &Path, pages: &[TruthPage], work: &Path) -> Result<Vec<PageImage>> {
    std::fs::create_dir_all(work)?;
    let mut images = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let src = box_dir.join(&p.source_file);
        let ext = src
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let (path, tiff_page) = match ext.as_str() {
            "pdf" => {
                let prefix = work.join(format!("page-{i:04}"));
                let n = p.source_page.to_string();
                let status = Command::new("pdftoppm")
                    .args(["-r", "300", "-png", "-singlefile", "-f", &n, "-l", &n])
                    .arg(&src)
                    .arg(&prefix)
                    .status()
                    .map_err(|e| format!("cannot run pdftoppm: {e}"))?;
                if !status.success() {
                    return Err(format!("pdftoppm failed on {} page {n}", src.display()).into());
                }
                (prefix.with_extension("png"), None)
            }
            "tif" | "tiff" if p.pages_in_file > 1 => (src, Some(p.source_page - 1)),
            _ => (src, None),
        };
        images.push(PageImage {
            source_file: p.source_file.clone(),
            source_page: p.source_page,
            path,
            tiff_page,
        });
    }
    Ok(images)
}

/// `tesseract IMAGE - -l LANG` with `OMP_THREAD_LIMIT=1`; the recognised text.
pub fn run_tesseract(image: &PageImage, lang: &str) -> Result<String> {
    let mut cmd = Command::new("tesseract");
    cmd.arg(&image.path).arg("-").arg("-l").arg(lang);
    if let Some(n) = image.tiff_page {
        cmd.arg("-c").arg(format!("tessedit_page_number={n}"));
    }
    let out = cmd
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run tesseract: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "tesseract {} failed: {}",
            image.path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs `tesseract` over `images` with `jobs` worker threads pulling from one queue; the
/// texts in input order, the wall time and the CPU seconds of the tesseract processes.
pub fn parallel_tesseract(
    images: &[PageImage],
    jobs: usize,
    lang: &str,
) -> Result<(Vec<String>, Duration, f64)> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<String>>>> =
        Mutex::new((0..images.len()).map(|_| None).collect());
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(image) = images.get(i) else {
                    break;
                };
                let text = run_tesseract(image, lang);
                results.lock().expect("no panics while locked")[i] = Some(text);
            });
        }
    });
    let wall = start.elapsed();
    let cpu = children_cpu_seconds() - cpu_before;
    let mut texts = Vec::with_capacity(images.len());
    for r in results.into_inner().expect("no panics while locked") {
        texts.push(r.ok_or("tesseract result missing")??);
    }
    Ok((texts, wall, cpu))
}

// ---------------------------------------------------------------------------------------
// Files

pub fn copy_dir(src: &Path, dst: &Path) -> Result<()> {
    std::fs::create_dir_all(dst)?;
    for entry in std::fs::read_dir(src)? {
        let entry = entry?;
        let to = dst.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &to)?;
        } else {
            std::fs::copy(entry.path(), &to)?;
        }
    }
    Ok(())
}

pub fn secs(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64())
}

#[rustfmt::skip]
const COMPOSITIONS: &[(char, char, char)] = &[
    ('\u{00C0}', '\u{0041}', '\u{0300}'), ('\u{00C1}', '\u{0041}', '\u{0301}'),
    ('\u{00C2}', '\u{0041}', '\u{0302}'), ('\u{00C3}', '\u{0041}', '\u{0303}'),
    ('\u{00C4}', '\u{0041}', '\u{0308}'), ('\u{00C5}', '\u{0041}', '\u{030A}'),
    ('\u{00C7}', '\u{0043}', '\u{0327}'), ('\u{00C8}', '\u{0045}', '\u{0300}'),
    ('\u{00C9}', '\u{0045}', '\u{0301}'), ('\u{00CA}', '\u{0045}', '\u{0302}'),
    ('\u{00CB}', '\u{0045}', '\u{0308}'), ('\u{00CC}', '\u{0049}', '\u{0300}'),
    ('\u{00CD}', '\u{0049}', '\u{0301}'), ('\u{00CE}', '\u{0049}', '\u{0302}'),
    ('\u{00CF}', '\u{0049}', '\u{0308}'), ('\u{00D1}', '\u{004E}', '\u{0303}'),
    ('\u{00D2}', '\u{004F}', '\u{0300}'), ('\u{00D3}', '\u{004F}', '\u{0301}'),
    ('\u{00D4}', '\u{004F}', '\u{0302}'), ('\u{00D5}', '\u{004F}', '\u{0303}'),
    ('\u{00D6}', '\u{004F}', '\u{0308}'), ('\u{00D9}', '\u{0055}', '\u{0300}'),
    ('\u{00DA}', '\u{0055}', '\u{0301}'), ('\u{00DB}', '\u{0055}', '\u{0302}'),
    ('\u{00DC}', '\u{0055}', '\u{0308}'), ('\u{00DD}', '\u{0059}', '\u{0301}'),
    ('\u{00E0}', '\u{0061}', '\u{0300}'), ('\u{00E1}', '\u{0061}', '\u{0301}'),
    ('\u{00E2}', '\u{0061}', '\u{0302}'), ('\u{00E3}', '\u{0061}', '\u{0303}'),
    ('\u{00E4}', '\u{0061}', '\u{0308}'), ('\u{00E5}', '\u{0061}', '\u{030A}'),
    ('\u{00E7}', '\u{0063}', '\u{0327}'), ('\u{00E8}', '\u{0065}', '\u{0300}'),
    ('\u{00E9}', '\u{0065}', '\u{0301}'), ('\u{00EA}', '\u{0065}', '\u{0302}'),
    ('\u{00EB}', '\u{0065}', '\u{0308}'), ('\u{00EC}', '\u{0069}', '\u{0300}'),
    ('\u{00ED}', '\u{0069}', '\u{0301}'), ('\u{00EE}', '\u{0069}', '\u{0302}'),
    ('\u{00EF}', '\u{0069}', '\u{0308}'), ('\u{00F1}', '\u{006E}', '\u{0303}'),
    ('\u{00F2}', '\u{006F}', '\u{0300}'), ('\u{00F3}', '\u{006F}', '\u{0301}'),
    ('\u{00F4}', '\u{006F}', '\u{0302}'), ('\u{00F5}', '\u{006F}', '\u{0303}'),
    ('\u{00F6}', '\u{006F}', '\u{0308}'), ('\u{00F9}', '\u{0075}', '\u{0300}'),
    ('\u{00FA}', '\u{0075}', '\u{0301}'), ('\u{00FB}', '\u{0075}', '\u{0302}'),
    ('\u{00FC}', '\u{0075}', '\u{0308}'), ('\u{00FD}', '\u{0079}', '\u{0301}'),
    ('\u{00FF}', '\u{0079}', '\u{0308}'), ('\u{0100}', '\u{0041}', '\u{0304}'),
    ('\u{0101}', '\u{0061}', '\u{0304}'), ('\u{0102}', '\u{0041}', '\u{0306}'),
    ('\u{0103}', '\u{0061}', '\u{0306}'), ('\u{0104}', '\u{0041}', '\u{0328}'),
    ('\u{0105}', '\u{0061}', '\u{0328}'), ('\u{0106}', '\u{0043}', '\u{0301}'),
    ('\u{0107}', '\u{0063}', '\u{0301}'), ('\u{0108}', '\u{0043}', '\u{0302}'),
    ('\u{0109}', '\u{0063}', '\u{0302}'), ('\u{010A}', '\u{0043}', '\u{0307}'),
    ('\u{010B}', '\u{0063}', '\u{0307}'), ('\u{010C}', '\u{0043}', '\u{030C}'),
    ('\u{010D}', '\u{0063}', '\u{030C}'), ('\u{010E}', '\u{0044}', '\u{030C}'),
    ('\u{010F}', '\u{0064}', '\u{030C}'), ('\u{0112}', '\u{0045}', '\u{0304}'),
    ('\u{0113}', '\u{0065}', '\u{0304}'), ('\u{0114}', '\u{0045}', '\u{0306}'),
    ('\u{0115}', '\u{0065}', '\u{0306}'), ('\u{0116}', '\u{0045}', '\u{0307}'),
    ('\u{0117}', '\u{0065}', '\u{0307}'), ('\u{0118}', '\u{0045}', '\u{0328}'),
    ('\u{0119}', '\u{0065}', '\u{0328}'), ('\u{011A}', '\u{0045}', '\u{030C}'),
    ('\u{011B}', '\u{0065}', '\u{030C}'), ('\u{011C}', '\u{0047}', '\u{0302}'),
    ('\u{011D}', '\u{0067}', '\u{0302}'), ('\u{011E}', '\u{0047}', '\u{0306}'),
    ('\u{011F}', '\u{0067}', '\u{0306}'), ('\u{0120}', '\u{0047}', '\u{0307}'),
    ('\u{0121}', '\u{0067}', '\u{0307}'), ('\u{0122}', '\u{0047}', '\u{0327}'),
    ('\u{0123}', '\u{0067}', '\u{0327}'), ('\u{0124}', '\u{0048}', '\u{0302}'),
    ('\u{0125}', '\u{0068}', '\u{0302}'), ('\u{0128}', '\u{0049}', '\u{0303}'),
    ('\u{0129}', '\u{0069}', '\u{0303}'), ('\u{012A}', '\u{0049}', '\u{0304}'),
    ('\u{012B}', '\u{0069}', '\u{0304}'), ('\u{012C}', '\u{0049}', '\u{0306}'),
    ('\u{012D}', '\u{0069}', '\u{0306}'), ('\u{012E}', '\u{0049}', '\u{0328}'),
    ('\u{012F}', '\u{0069}', '\u{0328}'), ('\u{0130}', '\u{0049}', '\u{0307}'),
    ('\u{0134}', '\u{004A}', '\u{0302}'), ('\u{0135}', '\u{006A}', '\u{0302}'),
    ('\u{0136}', '\u{004B}', '\u{0327}'), ('\u{0137}', '\u{006B}', '\u{0327}'),
    ('\u{0139}', '\u{004C}', '\u{0301}'), ('\u{013A}', '\u{006C}', '\u{0301}'),
    ('\u{013B}', '\u{004C}', '\u{0327}'), ('\u{013C}', '\u{006C}', '\u{0327}'),
    ('\u{013D}', '\u{004C}', '\u{030C}'), ('\u{013E}', '\u{006C}', '\u{030C}'),
    ('\u{0143}', '\u{004E}', '\u{0301}'), ('\u{0144}', '\u{006E}', '\u{0301}'),
    ('\u{0145}', '\u{004E}', '\u{0327}'), ('\u{0146}', '\u{006E}', '\u{0327}'),
    ('\u{0147}', '\u{004E}', '\u{030C}'), ('\u{0148}', '\u{006E}', '\u{030C}'),
    ('\u{014C}', '\u{004F}', '\u{0304}'), ('\u{014D}', '\u{006F}', '\u{0304}'),
    ('\u{014E}', '\u{004F}', '\u{0306}'), ('\u{014F}', '\u{006F}', '\u{0306}'),
    ('\u{0150}', '\u{004F}', '\u{030B}'), ('\u{0151}', '\u{006F}', '\u{030B}'),
    ('\u{0154}', '\u{0052}', '\u{0301}'), ('\u{0155}', '\u{0072}', '\u{0301}'),
    ('\u{0156}', '\u{0052}', '\u{0327}'), ('\u{0157}', '\u{0072}', '\u{0327}'),
    ('\u{0158}', '\u{0052}', '\u{030C}'), ('\u{0159}', '\u{0072}', '\u{030C}'),
    ('\u{015A}', '\u{0053}', '\u{0301}'), ('\u{015B}', '\u{0073}', '\u{0301}'),
    ('\u{015C}', '\u{0053}', '\u{0302}'), ('\u{015D}', '\u{0073}', '\u{0302}'),
    ('\u{015E}', '\u{0053}', '\u{0327}'), ('\u{015F}', '\u{0073}', '\u{0327}'),
    ('\u{0160}', '\u{0053}', '\u{030C}'), ('\u{0161}', '\u{0073}', '\u{030C}'),
    ('\u{0162}', '\u{0054}', '\u{0327}'), ('\u{0163}', '\u{0074}', '\u{0327}'),
    ('\u{0164}', '\u{0054}', '\u{030C}'), ('\u{0165}', '\u{0074}', '\u{030C}'),
    ('\u{0168}', '\u{0055}', '\u{0303}'), ('\u{0169}', '\u{0075}', '\u{0303}'),
    ('\u{016A}', '\u{0055}', '\u{0304}'), ('\u{016B}', '\u{0075}', '\u{0304}'),
    ('\u{016C}', '\u{0055}', '\u{0306}'), ('\u{016D}', '\u{0075}', '\u{0306}'),
    ('\u{016E}', '\u{0055}', '\u{030A}'), ('\u{016F}', '\u{0075}', '\u{030A}'),
    ('\u{0170}', '\u{0055}', '\u{030B}'), ('\u{0171}', '\u{0075}', '\u{030B}'),
    ('\u{0172}', '\u{0055}', '\u{0328}'), ('\u{0173}', '\u{0075}', '\u{0328}'),
    ('\u{0174}', '\u{0057}', '\u{0302}'), ('\u{0175}', '\u{0077}', '\u{0302}'),
    ('\u{0176}', '\u{0059}', '\u{0302}'), ('\u{0177}', '\u{0079}', '\u{0302}'),
    ('\u{0178}', '\u{0059}', '\u{0308}'), ('\u{0179}', '\u{005A}', '\u{0301}'),
    ('\u{017A}', '\u{007A}', '\u{0301}'), ('\u{017B}', '\u{005A}', '\u{0307}'),
    ('\u{017C}', '\u{007A}', '\u{0307}'), ('\u{017D}', '\u{005A}', '\u{030C}'),
    ('\u{017E}', '\u{007A}', '\u{030C}'), ('\u{01A0}', '\u{004F}', '\u{031B}'),
    ('\u{01A1}', '\u{006F}', '\u{031B}'), ('\u{01AF}', '\u{0055}', '\u{031B}'),
    ('\u{01B0}', '\u{0075}', '\u{031B}'), ('\u{01CD}', '\u{0041}', '\u{030C}'),
    ('\u{01CE}', '\u{0061}', '\u{030C}'), ('\u{01CF}', '\u{0049}', '\u{030C}'),
    ('\u{01D0}', '\u{0069}', '\u{030C}'), ('\u{01D1}', '\u{004F}', '\u{030C}'),
    ('\u{01D2}', '\u{006F}', '\u{030C}'), ('\u{01D3}', '\u{0055}', '\u{030C}'),
    ('\u{01D4}', '\u{0075}', '\u{030C}'), ('\u{01D5}', '\u{00DC}', '\u{0304}'),
    ('\u{01D6}', '\u{00FC}', '\u{0304}'), ('\u{01D7}', '\u{00DC}', '\u{0301}'),
    ('\u{01D8}', '\u{00FC}', '\u{0301}'), ('\u{01D9}', '\u{00DC}', '\u{030C}'),
    ('\u{01DA}', '\u{00FC}', '\u{030C}'), ('\u{01DB}', '\u{00DC}', '\u{0300}'),
    ('\u{01DC}', '\u{00FC}', '\u{0300}'), ('\u{01DE}', '\u{00C4}', '\u{0304}'),
    ('\u{01DF}', '\u{00E4}', '\u{0304}'), ('\u{01E0}', '\u{0226}', '\u{0304}'),
    ('\u{01E1}', '\u{0227}', '\u{0304}'), ('\u{01E2}', '\u{00C6}', '\u{0304}'),
    ('\u{01E3}', '\u{00E6}', '\u{0304}'), ('\u{01E6}', '\u{0047}', '\u{030C}'),
    ('\u{01E7}', '\u{0067}', '\u{030C}'), ('\u{01E8}', '\u{004B}', '\u{030C}'),
    ('\u{01E9}', '\u{006B}', '\u{030C}'), ('\u{01EA}', '\u{004F}', '\u{0328}'),
    ('\u{01EB}', '\u{006F}', '\u{0328}'), ('\u{01EC}', '\u{01EA}', '\u{0304}'),
    ('\u{01ED}', '\u{01EB}', '\u{0304}'), ('\u{01EE}', '\u{01B7}', '\u{030C}'),
    ('\u{01EF}', '\u{0292}', '\u{030C}'), ('\u{01F0}', '\u{006A}', '\u{030C}'),
    ('\u{01F4}', '\u{0047}', '\u{0301}'), ('\u{01F5}', '\u{0067}', '\u{0301}'),
    ('\u{01F8}', '\u{004E}', '\u{0300}'), ('\u{01F9}', '\u{006E}', '\u{0300}'),
    ('\u{01FA}', '\u{00C5}', '\u{0301}'), ('\u{01FB}', '\u{00E5}', '\u{0301}'),
    ('\u{01FC}', '\u{00C6}', '\u{0301}'), ('\u{01FD}', '\u{00E6}', '\u{0301}'),
    ('\u{01FE}', '\u{00D8}', '\u{0301}'), ('\u{01FF}', '\u{00F8}', '\u{0301}'),
    ('\u{0200}', '\u{0041}', '\u{030F}'), ('\u{0201}', '\u{0061}', '\u{030F}'),
    ('\u{0202}', '\u{0041}', '\u{0311}'), ('\u{0203}', '\u{0061}', '\u{0311}'),
    ('\u{0204}', '\u{0045}', '\u{030F}'), ('\u{0205}', '\u{0065}', '\u{030F}'),
    ('\u{0206}', '\u{0045}', '\u{0311}'), ('\u{0207}', '\u{0065}', '\u{0311}'),
    ('\u{0208}', '\u{0049}', '\u{030F}'), ('\u{0209}', '\u{0069}', '\u{030F}'),
    ('\u{020A}', '\u{0049}', '\u{0311}'), ('\u{020B}', '\u{0069}', '\u{0311}'),
    ('\u{020C}', '\u{004F}', '\u{030F}'), ('\u{020D}', '\u{006F}', '\u{030F}'),
    ('\u{020E}', '\u{004F}', '\u{0311}'), ('\u{020F}', '\u{006F}', '\u{0311}'),
    ('\u{0210}', '\u{0052}', '\u{030F}'), ('\u{0211}', '\u{0072}', '\u{030F}'),
    ('\u{0212}', '\u{0052}', '\u{0311}'), ('\u{0213}', '\u{0072}', '\u{0311}'),
    ('\u{0214}', '\u{0055}', '\u{030F}'), ('\u{0215}', '\u{0075}', '\u{030F}'),
    ('\u{0216}', '\u{0055}', '\u{0311}'), ('\u{0217}', '\u{0075}', '\u{0311}'),
    ('\u{0218}', '\u{0053}', '\u{0326}'), ('\u{0219}', '\u{0073}', '\u{0326}'),
    ('\u{021A}', '\u{0054}', '\u{0326}'), ('\u{021B}', '\u{0074}', '\u{0326}'),
    ('\u{021E}', '\u{0048}', '\u{030C}'), ('\u{021F}', '\u{0068}', '\u{030C}'),
    ('\u{0226}', '\u{0041}', '\u{0307}'), ('\u{0227}', '\u{0061}', '\u{0307}'),
    ('\u{0228}', '\u{0045}', '\u{0327}'), ('\u{0229}', '\u{0065}', '\u{0327}'),
    ('\u{022A}', '\u{00D6}', '\u{0304}'), ('\u{022B}', '\u{00F6}', '\u{0304}'),
    ('\u{022C}', '\u{00D5}', '\u{0304}'), ('\u{022D}', '\u{00F5}', '\u{0304}'),
    ('\u{022E}', '\u{004F}', '\u{0307}'), ('\u{022F}', '\u{006F}', '\u{0307}'),
    ('\u{0230}', '\u{022E}', '\u{0304}'), ('\u{0231}', '\u{022F}', '\u{0304}'),
    ('\u{0232}', '\u{0059}', '\u{0304}'), ('\u{0233}', '\u{0079}', '\u{0304}'),
    ('\u{1E00}', '\u{0041}', '\u{0325}'), ('\u{1E01}', '\u{0061}', '\u{0325}'),
    ('\u{1E02}', '\u{0042}', '\u{0307}'), ('\u{1E03}', '\u{0062}', '\u{0307}'),
    ('\u{1E04}', '\u{0042}', '\u{0323}'), ('\u{1E05}', '\u{0062}', '\u{0323}'),
    ('\u{1E06}', '\u{0042}', '\u{0331}'), ('\u{1E07}', '\u{0062}', '\u{0331}'),
    ('\u{1E08}', '\u{00C7}', '\u{0301}'), ('\u{1E09}', '\u{00E7}', '\u{0301}'),
    ('\u{1E0A}', '\u{0044}', '\u{0307}'), ('\u{1E0B}', '\u{0064}', '\u{0307}'),
    ('\u{1E0C}', '\u{0044}', '\u{0323}'), ('\u{1E0D}', '\u{0064}', '\u{0323}'),
    ('\u{1E0E}', '\u{0044}', '\u{0331}'), ('\u{1E0F}', '\u{0064}', '\u{0331}'),
    ('\u{1E10}', '\u{0044}', '\u{0327}'), ('\u{1E11}', '\u{0064}', '\u{0327}'),
    ('\u{1E12}', '\u{0044}', '\u{032D}'), ('\u{1E13}', '\u{0064}', '\u{032D}'),
    ('\u{1E14}', '\u{0112}', '\u{0300}'), ('\u{1E15}', '\u{0113}', '\u{0300}'),
    ('\u{1E16}', '\u{0112}', '\u{0301}'), ('\u{1E17}', '\u{0113}', '\u{0301}'),
    ('\u{1E18}', '\u{0045}', '\u{032D}'), ('\u{1E19}', '\u{0065}', '\u{032D}'),
    ('\u{1E1A}', '\u{0045}', '\u{0330}'), ('\u{1E1B}', '\u{0065}', '\u{0330}'),
    ('\u{1E1C}', '\u{0228}', '\u{0306}'), ('\u{1E1D}', '\u{0229}', '\u{0306}'),
    ('\u{1E1E}', '\u{0046}', '\u{0307}'), ('\u{1E1F}', '\u{0066}', '\u{0307}'),
    ('\u{1E20}', '\u{0047}', '\u{0304}'), ('\u{1E21}', '\u{0067}', '\u{0304}'),
    ('\u{1E22}', '\u{0048}', '\u{0307}'), ('\u{1E23}', '\u{0068}', '\u{0307}'),
    ('\u{1E24}', '\u{0048}', '\u{0323}'), ('\u{1E25}', '\u{0068}', '\u{0323}'),
    ('\u{1E26}', '\u{0048}', '\u{0308}'), ('\u{1E27}', '\u{0068}', '\u{0308}'),
    ('\u{1E28}', '\u{0048}', '\u{0327}'), ('\u{1E29}', '\u{0068}', '\u{0327}'),
    ('\u{1E2A}', '\u{0048}', '\u{032E}'), ('\u{1E2B}', '\u{0068}', '\u{032E}'),
    ('\u{1E2C}', '\u{0049}', '\u{0330}'), ('\u{1E2D}', '\u{0069}', '\u{0330}'),
    ('\u{1E2E}', '\u{00CF}', '\u{0301}'), ('\u{1E2F}', '\u{00EF}', '\u{0301}'),
    ('\u{1E30}', '\u{004B}', '\u{0301}'), ('\u{1E31}', '\u{006B}', '\u{0301}'),
    ('\u{1E32}', '\u{004B}', '\u{0323}'), ('\u{1E33}', '\u{006B}', '\u{0323}'),
    ('\u{1E34}', '\u{004B}', '\u{0331}'), ('\u{1E35}', '\u{006B}', '\u{0331}'),
    ('\u{1E36}', '\u{004C}', '\u{0323}'), ('\u{1E37}', '\u{006C}', '\u{0323}'),
    ('\u{1E38}', '\u{1E36}', '\u{0304}'), ('\u{1E39}', '\u{1E37}', '\u{0304}'),
    ('\u{1E3A}', '\u{004C}', '\u{0331}'), ('\u{1E3B}', '\u{006C}', '\u{0331}'),
    ('\u{1E3C}', '\u{004C}', '\u{032D}'), ('\u{1E3D}', '\u{006C}', '\u{032D}'),
    ('\u{1E3E}', '\u{004D}', '\u{0301}'), ('\u{1E3F}', '\u{006D}', '\u{0301}'),
    ('\u{1E40}', '\u{004D}', '\u{0307}'), ('\u{1E41}', '\u{006D}', '\u{0307}'),
    ('\u{1E42}', '\u{004D}', '\u{0323}'), ('\u{1E43}', '\u{006D}', '\u{0323}'),
    ('\u{1E44}', '\u{004E}', '\u{0307}'), ('\u{1E45}', '\u{006E}', '\u{0307}'),
    ('\u{1E46}', '\u{004E}', '\u{0323}'), ('\u{1E47}', '\u{006E}', '\u{0323}'),
    ('\u{1E48}', '\u{004E}', '\u{0331}'), ('\u{1E49}', '\u{006E}', '\u{0331}'),
    ('\u{1E4A}', '\u{004E}', '\u{032D}'), ('\u{1E4B}', '\u{006E}', '\u{032D}'),
    ('\u{1E4C}', '\u{00D5}', '\u{0301}'), ('\u{1E4D}', '\u{00F5}', '\u{0301}'),
    ('\u{1E4E}', '\u{00D5}', '\u{0308}'), ('\u{1E4F}', '\u{00F5}', '\u{0308}'),
    ('\u{1E50}', '\u{014C}', '\u{0300}'), ('\u{1E51}', '\u{014D}', '\u{0300}'),
    ('\u{1E52}', '\u{014C}', '\u{0301}'), ('\u{1E53}', '\u{014D}', '\u{0301}'),
    ('\u{1E54}', '\u{0050}', '\u{0301}'), ('\u{1E55}', '\u{0070}', '\u{0301}'),
    ('\u{1E56}', '\u{0050}', '\u{0307}'), ('\u{1E57}', '\u{0070}', '\u{0307}'),
    ('\u{1E58}', '\u{0052}', '\u{0307}'), ('\u{1E59}', '\u{0072}', '\u{0307}'),
    ('\u{1E5A}', '\u{0052}', '\u{0323}'), ('\u{1E5B}', '\u{0072}', '\u{0323}'),
    ('\u{1E5C}', '\u{1E5A}', '\u{0304}'), ('\u{1E5D}', '\u{1E5B}', '\u{0304}'),
    ('\u{1E5E}', '\u{0052}', '\u{0331}'), ('\u{1E5F}', '\u{0072}', '\u{0331}'),
    ('\u{1E60}', '\u{0053}', '\u{0307}'), ('\u{1E61}', '\u{0073}', '\u{0307}'),
    ('\u{1E62}', '\u{0053}', '\u{0323}'), ('\u{1E63}', '\u{0073}', '\u{0323}'),
    ('\u{1E64}', '\u{015A}', '\u{0307}'), ('\u{1E65}', '\u{015B}', '\u{0307}'),
    ('\u{1E66}', '\u{0160}', '\u{0307}'), ('\u{1E67}', '\u{0161}', '\u{0307}'),
    ('\u{1E68}', '\u{1E62}', '\u{0307}'), ('\u{1E69}', '\u{1E63}', '\u{0307}'),
    ('\u{1E6A}', '\u{0054}', '\u{0307}'), ('\u{1E6B}', '\u{0074}', '\u{0307}'),
    ('\u{1E6C}', '\u{0054}', '\u{0323}'), ('\u{1E6D}', '\u{0074}', '\u{0323}'),
    ('\u{1E6E}', '\u{0054}', '\u{0331}'), ('\u{1E6F}', '\u{0074}', '\u{0331}'),
    ('\u{1E70}', '\u{0054}', '\u{032D}'), ('\u{1E71}', '\u{0074}', '\u{032D}'),
    ('\u{1E72}', '\u{0055}', '\u{0324}'), ('\u{1E73}', '\u{0075}', '\u{0324}'),
    ('\u{1E74}', '\u{0055}', '\u{0330}'), ('\u{1E75}', '\u{0075}', '\u{0330}'),
    ('\u{1E76}', '\u{0055}', '\u{032D}'), ('\u{1E77}', '\u{0075}', '\u{032D}'),
    ('\u{1E78}', '\u{0168}', '\u{0301}'), ('\u{1E79}', '\u{0169}', '\u{0301}'),
    ('\u{1E7A}', '\u{016A}', '\u{0308}'), ('\u{1E7B}', '\u{016B}', '\u{0308}'),
    ('\u{1E7C}', '\u{0056}', '\u{0303}'), ('\u{1E7D}', '\u{0076}', '\u{0303}'),
    ('\u{1E7E}', '\u{0056}', '\u{0323}'), ('\u{1E7F}', '\u{0076}', '\u{0323}'),
    ('\u{1E80}', '\u{0057}', '\u{0300}'), ('\u{1E81}', '\u{0077}', '\u{0300}'),
    ('\u{1E82}', '\u{0057}', '\u{0301}'), ('\u{1E83}', '\u{0077}', '\u{0301}'),
    ('\u{1E84}', '\u{0057}', '\u{0308}'), ('\u{1E85}', '\u{0077}', '\u{0308}'),
    ('\u{1E86}', '\u{0057}', '\u{0307}'), ('\u{1E87}', '\u{0077}', '\u{0307}'),
    ('\u{1E88}', '\u{0057}', '\u{0323}'), ('\u{1E89}', '\u{0077}', '\u{0323}'),
    ('\u{1E8A}', '\u{0058}', '\u{0307}'), ('\u{1E8B}', '\u{0078}', '\u{0307}'),
    ('\u{1E8C}', '\u{0058}', '\u{0308}'), ('\u{1E8D}', '\u{0078}', '\u{0308}'),
    ('\u{1E8E}', '\u{0059}', '\u{0307}'), ('\u{1E8F}', '\u{0079}', '\u{0307}'),
    ('\u{1E90}', '\u{005A}', '\u{0302}'), ('\u{1E91}', '\u{007A}', '\u{0302}'),
    ('\u{1E92}', '\u{005A}', '\u{0323}'), ('\u{1E93}', '\u{007A}', '\u{0323}'),
    ('\u{1E94}', '\u{005A}', '\u{0331}'), ('\u{1E95}', '\u{007A}', '\u{0331}'),
    ('\u{1E96}', '\u{0068}', '\u{0331}'), ('\u{1E97}', '\u{0074}', '\u{0308}'),
    ('\u{1E98}', '\u{0077}', '\u{030A}'), ('\u{1E99}', '\u{0079}', '\u{030A}'),
    ('\u{1E9B}', '\u{017F}', '\u{0307}'), ('\u{1EA0}', '\u{0041}', '\u{0323}'),
    ('\u{1EA1}', '\u{0061}', '\u{0323}'), ('\u{1EA2}', '\u{0041}', '\u{0309}'),
    ('\u{1EA3}', '\u{0061}', '\u{0309}'), ('\u{1EA4}', '\u{00C2}', '\u{0301}'),
    ('\u{1EA5}', '\u{00E2}', '\u{0301}'), ('\u{1EA6}', '\u{00C2}', '\u{0300}'),
    ('\u{1EA7}', '\u{00E2}', '\u{0300}'), ('\u{1EA8}', '\u{00C2}', '\u{0309}'),
    ('\u{1EA9}', '\u{00E2}', '\u{0309}'), ('\u{1EAA}', '\u{00C2}', '\u{0303}'),
    ('\u{1EAB}', '\u{00E2}', '\u{0303}'), ('\u{1EAC}', '\u{1EA0}', '\u{0302}'),
    ('\u{1EAD}', '\u{1EA1}', '\u{0302}'), ('\u{1EAE}', '\u{0102}', '\u{0301}'),
    ('\u{1EAF}', '\u{0103}', '\u{0301}'), ('\u{1EB0}', '\u{0102}', '\u{0300}'),
    ('\u{1EB1}', '\u{0103}', '\u{0300}'), ('\u{1EB2}', '\u{0102}', '\u{0309}'),
    ('\u{1EB3}', '\u{0103}', '\u{0309}'), ('\u{1EB4}', '\u{0102}', '\u{0303}'),
    ('\u{1EB5}', '\u{0103}', '\u{0303}'), ('\u{1EB6}', '\u{1EA0}', '\u{0306}'),
    ('\u{1EB7}', '\u{1EA1}', '\u{0306}'), ('\u{1EB8}', '\u{0045}', '\u{0323}'),
    ('\u{1EB9}', '\u{0065}', '\u{0323}'), ('\u{1EBA}', '\u{0045}', '\u{0309}'),
    ('\u{1EBB}', '\u{0065}', '\u{0309}'), ('\u{1EBC}', '\u{0045}', '\u{0303}'),
    ('\u{1EBD}', '\u{0065}', '\u{0303}'), ('\u{1EBE}', '\u{00CA}', '\u{0301}'),
    ('\u{1EBF}', '\u{00EA}', '\u{0301}'), ('\u{1EC0}', '\u{00CA}', '\u{0300}'),
    ('\u{1EC1}', '\u{00EA}', '\u{0300}'), ('\u{1EC2}', '\u{00CA}', '\u{0309}'),
    ('\u{1EC3}', '\u{00EA}', '\u{0309}'), ('\u{1EC4}', '\u{00CA}', '\u{0303}'),
    ('\u{1EC5}', '\u{00EA}', '\u{0303}'), ('\u{1EC6}', '\u{1EB8}', '\u{0302}'),
    ('\u{1EC7}', '\u{1EB9}', '\u{0302}'), ('\u{1EC8}', '\u{0049}', '\u{0309}'),
    ('\u{1EC9}', '\u{0069}', '\u{0309}'), ('\u{1ECA}', '\u{0049}', '\u{0323}'),
    ('\u{1ECB}', '\u{0069}', '\u{0323}'), ('\u{1ECC}', '\u{004F}', '\u{0323}'),
    ('\u{1ECD}', '\u{006F}', '\u{0323}'), ('\u{1ECE}', '\u{004F}', '\u{0309}'),
    ('\u{1ECF}', '\u{006F}', '\u{0309}'), ('\u{1ED0}', '\u{00D4}', '\u{0301}'),
    ('\u{1ED1}', '\u{00F4}', '\u{0301}'), ('\u{1ED2}', '\u{00D4}', '\u{0300}'),
    ('\u{1ED3}', '\u{00F4}', '\u{0300}'), ('\u{1ED4}', '\u{00D4}', '\u{0309}'),
    ('\u{1ED5}', '\u{00F4}', '\u{0309}'), ('\u{1ED6}', '\u{00D4}', '\u{0303}'),
    ('\u{1ED7}', '\u{00F4}', '\u{0303}'), ('\u{1ED8}', '\u{1ECC}', '\u{0302}'),
    ('\u{1ED9}', '\u{1ECD}', '\u{0302}'), ('\u{1EDA}', '\u{01A0}', '\u{0301}'),
    ('\u{1EDB}', '\u{01A1}', '\u{0301}'), ('\u{1EDC}', '\u{01A0}', '\u{0300}'),
    ('\u{1EDD}', '\u{01A1}', '\u{0300}'), ('\u{1EDE}', '\u{01A0}', '\u{0309}'),
    ('\u{1EDF}', '\u{01A1}', '\u{0309}'), ('\u{1EE0}', '\u{01A0}', '\u{0303}'),
    ('\u{1EE1}', '\u{01A1}', '\u{0303}'), ('\u{1EE2}', '\u{01A0}', '\u{0323}'),
    ('\u{1EE3}', '\u{01A1}', '\u{0323}'), ('\u{1EE4}', '\u{0055}', '\u{0323}'),
    ('\u{1EE5}', '\u{0075}', '\u{0323}'), ('\u{1EE6}', '\u{0055}', '\u{0309}'),
    ('\u{1EE7}', '\u{0075}', '\u{0309}'), ('\u{1EE8}', '\u{01AF}', '\u{0301}'),
    ('\u{1EE9}', '\u{01B0}', '\u{0301}'), ('\u{1EEA}', '\u{01AF}', '\u{0300}'),
    ('\u{1EEB}', '\u{01B0}', '\u{0300}'), ('\u{1EEC}', '\u{01AF}', '\u{0309}'),
    ('\u{1EED}', '\u{01B0}', '\u{0309}'), ('\u{1EEE}', '\u{01AF}', '\u{0303}'),
    ('\u{1EEF}', '\u{01B0}', '\u{0303}'), ('\u{1EF0}', '\u{01AF}', '\u{0323}'),
    ('\u{1EF1}', '\u{01B0}', '\u{0323}'), ('\u{1EF2}', '\u{0059}', '\u{0300}'),
    ('\u{1EF3}', '\u{0079}', '\u{0300}'), ('\u{1EF4}', '\u{0059}', '\u{0323}'),
    ('\u{1EF5}', '\u{0079}', '\u{0323}'), ('\u{1EF6}', '\u{0059}', '\u{0309}'),
    ('\u{1EF7}', '\u{0079}', '\u{0309}'), ('\u{1EF8}', '\u{0059}', '\u{0303}'),
    ('\u{1EF9}', '\u{0079}', '\u{0303}'),
];
#[rustfmt::skip]
const COMBINING_CLASSES: &[(char, u8)] = &[
    ('\u{0300}', 230), ('\u{0301}', 230), ('\u{0302}', 230), ('\u{0303}', 230),
    ('\u{0304}', 230), ('\u{0305}', 230), ('\u{0306}', 230), ('\u{0307}', 230),
    ('\u{0308}', 230), ('\u{0309}', 230), ('\u{030A}', 230), ('\u{030B}', 230),
    ('\u{030C}', 230), ('\u{030D}', 230), ('\u{030E}', 230), ('\u{030F}', 230),
    ('\u{0310}', 230), ('\u{0311}', 230), ('\u{0312}', 230), ('\u{0313}', 230),
    ('\u{0314}', 230), ('\u{0315}', 232), ('\u{0316}', 220), ('\u{0317}', 220),
    ('\u{0318}', 220), ('\u{0319}', 220), ('\u{031A}', 232), ('\u{031B}', 216),
    ('\u{031C}', 220), ('\u{031D}', 220), ('\u{031E}', 220), ('\u{031F}', 220),
    ('\u{0320}', 220), ('\u{0321}', 202), ('\u{0322}', 202), ('\u{0323}', 220),
    ('\u{0324}', 220), ('\u{0325}', 220), ('\u{0326}', 220), ('\u{0327}', 202),
    ('\u{0328}', 202), ('\u{0329}', 220), ('\u{032A}', 220), ('\u{032B}', 220),
    ('\u{032C}', 220), ('\u{032D}', 220), ('\u{032E}', 220), ('\u{032F}', 220),
    ('\u{0330}', 220), ('\u{0331}', 220), ('\u{0332}', 220), ('\u{0333}', 220), ('\u{0334}', 1),
    ('\u{0335}', 1), ('\u{0336}', 1), ('\u{0337}', 1), ('\u{0338}', 1), ('\u{0339}', 220),
    ('\u{033A}', 220), ('\u{033B}', 220), ('\u{033C}', 220), ('\u{033D}', 230),
    ('\u{033E}', 230), ('\u{033F}', 230), ('\u{0340}', 230), ('\u{0341}', 230),
    ('\u{0342}', 230), ('\u{0343}', 230), ('\u{0344}', 230), ('\u{0345}', 240),
    ('\u{0346}', 230), ('\u{0347}', 220), ('\u{0348}', 220), ('\u{0349}', 220),
    ('\u{034A}', 230), ('\u{034B}', 230), ('\u{034C}', 230), ('\u{034D}', 220),
    ('\u{034E}', 220), ('\u{0350}', 230), ('\u{0351}', 230), ('\u{0352}', 230),
    ('\u{0353}', 220), ('\u{0354}', 220), ('\u{0355}', 220), ('\u{0356}', 220),
    ('\u{0357}', 230), ('\u{0358}', 232), ('\u{0359}', 220), ('\u{035A}', 220),
    ('\u{035B}', 230), ('\u{035C}', 233), ('\u{035D}', 234), ('\u{035E}', 234),
    ('\u{035F}', 233), ('\u{0360}', 234), ('\u{0361}', 234), ('\u{0362}', 233),
    ('\u{0363}', 230), ('\u{0364}', 230), ('\u{0365}', 230), ('\u{0366}', 230),
    ('\u{0367}', 230), ('\u{0368}', 230), ('\u{0369}', 230), ('\u{036A}', 230),
    ('\u{036B}', 230), ('\u{036C}', 230), ('\u{036D}', 230), ('\u{036E}', 230),
    ('\u{036F}', 230),
];

/// One PDF of all `images` for ocrmypdf, made with img2pdf: the image files as they are
/// (multi-page TIFFs whole), PDF pages as their renderings. Errors when img2pdf is missing
/// or fails.
pub fn images_to_pdf(box_dir: &Path, images: &[PageImage], out: &Path) -> Result<()> {
    let img2pdf = which("img2pdf").ok_or("img2pdf not installed")?;
    let mut inputs: Vec<PathBuf> = Vec::new();
    for im in images {
        if im.tiff_page.unwrap_or(0) > 0 {
            continue; // the whole TIFF went in with its first page
        }
        inputs.push(if im.path.starts_with(box_dir) {
            box_dir.join(&im.source_file)
        } else {
            im.path.clone()
        });
    }
    let out = Command::new(img2pdf)
        .args(&inputs)
        .arg("-o")
        .arg(out)
        .stderr(Stdio::piped())
        .output()?;
    if !out.status.success() {
        return Err(format!("img2pdf failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(())
}

/// Runs `ocrmypdf --jobs N --output-type pdfa -l vie` (OpenMP limited to 1, as for sohoa);
/// returns its wall time and CPU seconds.
pub fn run_ocrmypdf(
    bin: &Path,
    input: &Path,
    output: &Path,
    jobs: usize,
) -> Result<(Duration, f64)> {
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let out = Command::new(bin)
        .args([
            "--jobs",
            &jobs.to_string(),
            "--output-type",
            "pdfa",
            "-l",
            "vie",
            "--quiet",
        ])
        .arg(input)
        .arg(output)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()?;
    let wall = start.elapsed();
    let cpu = children_cpu_seconds() - cpu_before;
    if !out.status.success() {
        return Err(format!("ocrmypdf failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok((wall, cpu))
}
