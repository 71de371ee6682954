//! Process set-up that must happen before any library loads work: OpenMP threading.
//!
//! In: the process environment. Out: for the commands that may run OCR, a process whose
//! libgomp was loaded with `OMP_THREAD_LIMIT=1` (re-executing itself if needed), so one
//! Tesseract engine per worker thread does not oversubscribe the cores (DESIGN.md §6), and a
//! way to read the limit libgomp actually applies. Also fixes glibc's mmap and trim
//! thresholds (see [`return_large_buffers_to_the_os`]) so resident memory follows the pages in
//! flight without the heap being given back and faulted in again line after line, and
//! lets a closed stdout end the process quietly ([`end_quietly_on_a_closed_pipe`]).

use std::ffi::CStr;
use std::os::unix::process::CommandExt;

const OMP_VAR: &str = "OMP_THREAD_LIMIT";
const GUARD_VAR: &str = "SOHOA_REEXECUTED";

/// Re-executes the current binary with `OMP_THREAD_LIMIT=1` unless it is already set so;
/// called by the commands that may run OCR before any thread starts.
pub fn ensure_single_threaded_openmp() {
    if std::env::var(OMP_VAR).as_deref() == Ok("1") || std::env::var_os(GUARD_VAR).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(OMP_VAR, "1")
        .env(GUARD_VAR, "1")
        .exec();
    // exec only returns on failure: go on with OpenMP's default threading.
    eprintln!(
        "warning: could not re-execute with {OMP_VAR}=1 ({err}); OCR may oversubscribe the CPU"
    );
}

/// Page images are large (9–26 MB for a 300-dpi A4 page). glibc serves a freed buffer of
/// that size from its heap once its *dynamic* mmap threshold has risen past it, and heap
/// memory fragmented by many such buffers is not given back, so the resident size creeps
/// up with the number of pages seen. A fixed 1 MiB threshold keeps every large buffer in
/// its own mapping that goes back to the OS when freed. The smaller blocks (Tesseract's
/// and leptonica's many sub-megabyte buffers per text line) stay in the heap: its free top is
/// given back only past 32 MiB, not glibc's 128 KiB, which had every page's OCR fault the
/// same memory in again (a 38-page colour box, `-j 2`: system time 9.7 -> 6.0 s, all CPU
/// about 9 % less, peak resident size 2 % more). Must run before worker threads start.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
pub fn return_large_buffers_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 32 << 20);
    }
}

/// Restores the default action of `SIGPIPE` (Rust ignores it, so a write to a closed pipe
/// is an error, and `println!` panics on it): `sohoa search … | head` then ends like any
/// Unix filter when `head` has read enough, silently. sohoa writes to no other pipe (child
/// processes get no stdin), and results are printed only after everything is stored.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
pub fn end_quietly_on_a_closed_pipe() {
    // SAFETY: setting a signal's disposition to its default has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The thread limit reported by the loaded libgomp (`omp_get_thread_limit`), if loaded.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
pub fn openmp_thread_limit() -> Option<i64> {
    let name: &CStr = c"omp_get_thread_limit";
    // SAFETY: dlsym with RTLD_DEFAULT looks a symbol up in the loaded objects; the symbol,
    // when present, is libgomp's `int omp_get_thread_limit(void)`.
    unsafe {
        let symbol = libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr());
        if symbol.is_null() {
            return None;
        }
        let f: extern "C" fn() -> libc::c_int = std::mem::transmute(symbol);
        Some(i64::from(f()))
    }
}
