//! CPU time per ingest stage, measured on the threads that do the work.
//!
//! In: closures run under [`StageClock::time`] with the [`Stage`] they belong to, on any
//! thread (ingest workers, the committing thread, rayon's pool). Out: a [`StageCpu`] (CPU
//! seconds per stage, the process's total and what no stage accounts for), which ingest puts
//! in its summary and batch report. Each measurement is two reads of the calling thread's CPU
//! clock (`CLOCK_THREAD_CPUTIME_ID`, a vDSO call of well under a microsecond) and one atomic
//! add, so it stays on in every run. Stages are never nested: each CPU second is counted once.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// A stage of ingest whose CPU time is accounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// SHA-256 of the scan files (planning).
    Hashing,
    /// Page counts and pixel decoding for OCR (PNG, TIFF, JPEG, PDF).
    Decode,
    /// Gray conversion, blank check, deskew; red-ink detection on the colour pixels.
    Preprocess,
    /// Tesseract's recognition of the page (and, for pages that read badly, the
    /// orientation check and the turned page's reading).
    Ocr,
    /// The symbol model's reading of the số ký hiệu and the header's stamp ink.
    SecondReadings,
    /// Splitting into documents, the độ mật policy, cataloguing, review items.
    Catalog,
    /// Access copies: decoding the originals again and encoding the PDF/A.
    Pdf,
    /// OCFL commit (files hashed while written, fsync) and the audit log.
    Store,
    /// The search index.
    Index,
}

impl Stage {
    const ALL: [Stage; 9] = [
        Stage::Hashing,
        Stage::Decode,
        Stage::Preprocess,
        Stage::Ocr,
        Stage::SecondReadings,
        Stage::Catalog,
        Stage::Pdf,
        Stage::Store,
        Stage::Index,
    ];
}

/// Thread CPU nanoseconds summed per stage; shared by every thread of one run.
#[derive(Debug, Default)]
pub struct StageClock {
    nanos: [AtomicU64; Stage::ALL.len()],
}

impl StageClock {
    /// Runs `f` and adds the CPU time the calling thread spent in it to `stage`.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let start = thread_cpu_nanos();
        let out = f();
        let spent = thread_cpu_nanos().saturating_sub(start);
        self.nanos[stage as usize].fetch_add(spent, Ordering::Relaxed);
        out
    }

    /// CPU seconds per stage so far, and the process's total since it started.
    pub fn report(&self) -> StageCpu {
        let s = |stage: Stage| self.nanos[stage as usize].load(Ordering::Relaxed) as f64 / 1e9;
        let staged: f64 = Stage::ALL.iter().map(|&st| s(st)).sum();
        let process = process_cpu_seconds();
        StageCpu {
            hashing: s(Stage::Hashing),
            decode: s(Stage::Decode),
            preprocess: s(Stage::Preprocess),
            ocr: s(Stage::Ocr),
            second_readings: s(Stage::SecondReadings),
            catalog: s(Stage::Catalog),
            pdf: s(Stage::Pdf),
            store: s(Stage::Store),
            index: s(Stage::Index),
            other: (process - staged).max(0.0),
            process,
        }
    }
}

/// CPU seconds of an ingest run per stage (see [`Stage`]). `process` is the whole process's
/// user + system CPU time (start-up, model loading, planning and anything not in a stage
/// included); `other` is `process` minus the stages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StageCpu {
    pub hashing: f64,
    pub decode: f64,
    pub preprocess: f64,
    pub ocr: f64,
    pub second_readings: f64,
    pub catalog: f64,
    pub pdf: f64,
    pub store: f64,
    pub index: f64,
    pub other: f64,
    pub process: f64,
}

/// CPU time of the calling thread, in nanoseconds (0 where the clock is unavailable).
fn thread_cpu_nanos() -> u64 {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID).map_or(0, |d| d.as_nanos() as u64)
}

/// User + system CPU seconds of the whole process so far.
fn process_cpu_seconds() -> f64 {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID).map_or(0.0, |d| d.as_secs_f64())
}

/// Reads one of the kernel's CPU-time clocks.
#[allow(unsafe_code)] // FFI call with its SAFETY comment
fn cpu_clock(id: libc::clockid_t) -> Option<std::time::Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid, exclusively borrowed `ts`.
    let ok = unsafe { libc::clock_gettime(id, &raw mut ts) } == 0;
    let secs = u64::try_from(ts.tv_sec).ok()?;
    let nanos = u32::try_from(ts.tv_nsec).ok()?;
    ok.then(|| std::time::Duration::new(secs, nanos))
}

#[cfg(test)]
mod tests {
    use super::{Stage, StageClock};

    #[test]
    fn cpu_time_is_added_to_its_stage_only() {
        let clock = StageClock::default();
        let sum = clock.time(Stage::Decode, || {
            (0..3_000_000u64).fold(0u64, |a, b| a.wrapping_add(b * b))
        });
        assert!(sum > 0);
        let report = clock.report();
        assert!(report.decode > 0.0, "{report:?}");
        assert!(report.ocr == 0.0 && report.pdf == 0.0);
        assert!(report.process >= report.decode);
    }
}
