//! Cluster mode throughput and coordination overhead (DESIGN.md §8, issue 23).
//!
//! Measures, on a throwaway PostgreSQL (`cluster::throwaway`) and the shared-directory
//! store: (1) the wall time of a box of 6 hồ sơ × 2 pages (distinct pages of the sample box)
//! ingested by 1, 2 and 3 `sohoa worker -j 1` processes (a fresh database and archive each
//! time; enqueue not timed), giving pages/s in all and per worker; (2) the coordinator's
//! own cost per hồ sơ, on 200 synthetic jobs with no OCR: enqueue, claim, the commit fence's
//! database work (job and object row locks, object table, outbox row) around an empty
//! commit, the ack, an audit append's row lock, and the indexer's outbox read and mark, in
//! ms; (3) the projected wall time of 10 million pages on 100 machines of 16 cores from
//! those figures. Prints a Markdown table for benches/RESULTS.md.
//!
//! Run: `cargo bench --bench cluster_throughput`. Environment: `SOHOA_BENCH_WORKERS`
//! (default `1,2,3`).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cluster::coordinator::{JobOptions, JobState};
use cluster::throwaway::Postgres;
use cluster::{Config, Coordinator};
use common::Result;
use pipeline::ingest::{CommitFence, FencedCommit};
use pipeline::store::audit::{AppendLock, AuditEntry};

/// (hồ sơ, [sample pages]) of the bench box.
const HOSO: [(&str, [&str; 2]); 6] = [
    (
        "hs-1",
        ["hs-02-van-thu-luu-tru/1.png", "hs-02-van-thu-luu-tru/2.png"],
    ),
    (
        "hs-2",
        ["hs-02-van-thu-luu-tru/3.jpg", "hs-02-van-thu-luu-tru/4.png"],
    ),
    (
        "hs-3",
        ["hs-02-van-thu-luu-tru/5.png", "hs-02-van-thu-luu-tru/6.jpg"],
    ),
    (
        "hs-4",
        ["hs-02-van-thu-luu-tru/7.jpg", "hs-02-van-thu-luu-tru/8.jpg"],
    ),
    (
        "hs-5",
        [
            "hs-02-van-thu-luu-tru/9.png",
            "hs-02-van-thu-luu-tru/10.jpg",
        ],
    ),
    (
        "hs-6",
        ["hs-01-nghi-quyet/02-nq.png", "hs-01-nghi-quyet/03-nq.jpg"],
    ),
];

fn build_box(dst: &Path) -> Result<usize> {
    let samples = common::sample_box_dir();
    let mut pages = 0;
    for (hoso, files) in HOSO {
        let dir = dst.join(hoso);
        std::fs::create_dir_all(&dir)?;
        for (i, f) in files.iter().enumerate() {
            let ext = Path::new(f).extension().unwrap().to_str().unwrap();
            std::fs::copy(samples.join(f), dir.join(format!("{}.{ext}", i + 1)))?;
            pages += 1;
        }
    }
    Ok(pages)
}

/// `sohoa ARGS --archive ARCHIVE` against the coordinator `db`.
fn sohoa(archive: &Path, db: &str, args: &[&str]) -> Command {
    let mut c = Command::new(common::sohoa_bin());
    c.args(args).arg("--archive").arg(archive);
    c.env("SOHOA_DATABASE_URL", db).env_remove("SOHOA_ARCHIVE");
    c
}

/// Wall time of `workers` workers ingesting the enqueued box.
fn run_workers(pg: &Postgres, work: &Path, box_dir: &Path, workers: usize) -> Result<Duration> {
    let db = pg.database(&format!("bench_w{workers}"))?;
    let archive = work.join(format!("archive-{workers}"));
    let enqueue = [
        "ingest",
        box_dir.to_str().unwrap(),
        "--cluster",
        "--no-wait",
        "--no-progress",
    ];
    let out = sohoa(&archive, &db, &enqueue).output()?;
    if !out.status.success() {
        return Err(format!("enqueue: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let start = Instant::now();
    let mut children = Vec::new();
    for w in 0..workers {
        let name = format!("w{w}");
        let mut c = sohoa(
            &archive,
            &db,
            &["worker", "--name", &name, "-j", "1", "--until-idle"],
        );
        c.stdout(Stdio::null()).stderr(Stdio::null());
        children.push(c.spawn()?);
    }
    for mut c in children {
        let status = c.wait()?;
        if !status.success() {
            return Err(format!("worker exited with {status}").into());
        }
    }
    let wall = start.elapsed();
    let mut client = cluster::coordinator::connect(&db)?;
    let done: i64 = client
        .query_one("SELECT count(*) FROM jobs WHERE state = 'done'", &[])?
        .get(0);
    if usize::try_from(done).ok() != Some(HOSO.len()) {
        return Err(format!("{done} of {} jobs done", HOSO.len()).into());
    }
    Ok(wall)
}

/// Milliseconds per call of each coordination step, over `n` synthetic jobs.
#[derive(Default, Debug)]
struct Overhead {
    enqueue: f64,
    claim: f64,
    commit: f64,
    ack: f64,
    audit: f64,
    outbox: f64,
}

impl Overhead {
    fn per_hoso(&self) -> f64 {
        // Three audit appends per hồ sơ: withhold (when any), ingest, ingest-run; two counted.
        self.claim + self.commit + self.ack + 2.0 * self.audit + self.outbox
    }
}

fn overhead(pg: &Postgres, work: &Path, n: usize) -> Result<Overhead> {
    let db = pg.database("bench_overhead")?;
    let config = Config {
        database_url: db,
        lease: Duration::from_secs(60),
    };
    let coordinator = Coordinator::connect(&config)?;
    let box_dir = work.join("synthetic/hop-s");
    for i in 0..n {
        let dir = box_dir.join(format!("hs-{i:04}"));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("1.png"), b"x")?;
    }
    let archive = pipeline::store::Archive::open_or_create(&work.join("synthetic/archive"))?;
    let found = cluster::coordinator::discover_boxes(std::slice::from_ref(&box_dir))?;
    let options = JobOptions {
        languages: "vie".into(),
        approval: None,
        reocr: false,
        word_lists: true,
        deskew: true,
        max_pages_per_file: 1000,
        codes: "tt05-2025".into(),
        actor: "bench".into(),
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0 / n as f64;
    let t = Instant::now();
    coordinator.enqueue(&archive, &found, &options)?;
    let mut o = Overhead {
        enqueue: ms(t.elapsed()),
        ..Overhead::default()
    };
    let lock = coordinator.audit_lock();
    let (mut claim, mut commit, mut ack, mut audit) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    for i in 0..n {
        let t = Instant::now();
        let job = coordinator.claim("bench")?.ok_or("no job")?;
        claim += t.elapsed();
        let fence = coordinator.fence(&job);
        let t = Instant::now();
        fence.commit(&mut |_| {
            Ok(FencedCommit::Head {
                version: "v1".into(),
                inventory_sha256: "0".repeat(64),
                committed: true,
                documents: vec![format!("doc-{i}")],
                removed: Vec::new(),
                // Two scans, as the bench's hồ sơ.
                originals: (1..=2)
                    .map(|p| (format!("hop/hs-{i}/{p}.png"), format!("{i:032x}{p:032x}")))
                    .collect(),
            })
        })?;
        commit += t.elapsed();
        let t = Instant::now();
        lock.hold(&mut || {
            Ok(AuditEntry {
                seq: i as u64 + 1,
                time: String::new(),
                actor: "bench".into(),
                action: "ingest".into(),
                object: None,
                detail: serde_json::Value::Null,
                prev: String::new(),
                hash: format!("{i:064}"),
            })
        })?;
        audit += t.elapsed();
        let t = Instant::now();
        coordinator.finish(&job, JobState::Done, Some(&serde_json::json!({})), None)?;
        ack += t.elapsed();
    }
    let t = Instant::now();
    loop {
        let rows = coordinator.pending_outbox(64)?;
        if rows.is_empty() {
            break;
        }
        coordinator.mark_indexed(&rows.iter().map(|r| r.id).collect::<Vec<_>>())?;
    }
    o.outbox = ms(t.elapsed());
    (o.claim, o.commit, o.ack, o.audit) = (ms(claim), ms(commit), ms(ack), ms(audit));
    Ok(o)
}

fn main() -> Result<()> {
    let _args = common::parse_args();
    common::print_machine(1);
    let pg = Postgres::start()?;
    let work = tempfile::tempdir()?;
    let box_dir = work.path().join("hop-bench");
    let pages = build_box(&box_dir)?;
    let workers: Vec<usize> = std::env::var("SOHOA_BENCH_WORKERS")
        .unwrap_or_else(|_| "1,2,3".into())
        .split(',')
        .filter_map(|w| w.trim().parse().ok())
        .collect();
    println!("\n| workers (-j 1 each) | wall s | pages/s | pages/s per worker |");
    println!("|---|---|---|---|");
    let mut single = None;
    for &w in &workers {
        let wall = run_workers(&pg, work.path(), &box_dir, w)?.as_secs_f64();
        let rate = pages as f64 / wall;
        if w == 1 {
            single = Some(rate);
        }
        println!("| {w} | {wall:.1} | {rate:.3} | {:.3} |", rate / w as f64);
    }
    let o = overhead(&pg, work.path(), 200)?;
    println!("\nCoordination per hồ sơ (200 synthetic jobs, ms): enqueue {:.2}, claim {:.2}, commit fence {:.2}, ack {:.2}, audit append lock {:.2}, outbox read+mark {:.2}; per hồ sơ in all {:.2}",
        o.enqueue, o.claim, o.commit, o.ack, o.audit, o.outbox, o.per_hoso());
    if let Some(per_core) = single {
        let cores = 100.0 * 16.0;
        let ocr_s = 10_000_000.0 / (per_core * cores);
        // The audit row lock is the one point every hồ sơ passes in turn: two appends each.
        let hoso = 10_000_000.0 / (pages as f64 / HOSO.len() as f64);
        let serial_s = hoso * 2.0 * o.audit / 1000.0;
        println!(
            "\nProjection, 10 million pages on 100 machines × 16 cores at {per_core:.3} pages/s per core: OCR {:.1} h; the audit lock's serial time {:.2} h (hồ sơ of {} pages); coordination per hồ sơ {:.1} ms against {:.0} ms of OCR",
            ocr_s / 3600.0,
            serial_s / 3600.0,
            pages / HOSO.len(),
            o.per_hoso(),
            (pages as f64 / HOSO.len() as f64) / per_core * 1000.0,
        );
    }
    Ok(())
}
