//! Process set-up that must happen before any library loads work: OpenMP threading.
//!
//! In: the process environment. Out: a process whose libgomp was loaded with
//! `OMP_THREAD_LIMIT=1` (re-executing itself if needed), so one Tesseract engine per worker
//! thread does not oversubscribe the cores (DESIGN.md §6), and a way to read the limit
//! libgomp actually applies.

use std::ffi::CStr;
use std::os::unix::process::CommandExt;

const OMP_VAR: &str = "OMP_THREAD_LIMIT";
const GUARD_VAR: &str = "SOHOA_REEXECUTED";

/// Re-executes the current binary with `OMP_THREAD_LIMIT=1` unless it is already set so.
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

/// The thread limit reported by the loaded libgomp (`omp_get_thread_limit`), if loaded.
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
        Some(f() as i64)
    }
}
