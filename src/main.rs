//! The `sohoa` command line: ingest boxes of scans, list, show, search and verify the
//! archive, get stored files and export `BagIt` bags.
//!
//! In: arguments and the environment (`SOHOA_ARCHIVE`, `NO_COLOR`, `RUST_LOG`). Out: results
//! on stdout (human text, or JSON with `--json`), progress and logs on stderr, and the exit
//! codes of DESIGN.md §4a: 0 success, 1 fatal error, 2 usage, 3 ingest with failed or
//! withheld pages, 4 verify found damage. The commands are in the `sohoa` library
//! (`src/lib.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    // The commands that run OCR re-execute with OMP_THREAD_LIMIT=1 once their arguments are
    // parsed (`cli::run`): libgomp reads it when it loads, before main.
    sohoa::runtime::return_large_buffers_to_the_os();
    sohoa::runtime::end_quietly_on_a_closed_pipe();
    sohoa::cli::run()
}
