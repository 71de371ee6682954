//! The `sohoa` command line as a library: one module per command, each with its arguments,
//! its work (through the `pipeline` crate's gate) and its typed output.
//!
//! In: the command line and the environment (`SOHOA_ARCHIVE`, `SOHOA_USER`, `NO_COLOR`, `RUST_LOG`,
//! and `SOHOA_S3_*` for an archive whose storage root is in S3: [`storage_env`]).
//! Out: each command's output rendered as readable text or `--json` on stdout (notes on
//! stderr), and its exit code. `main.rs` only prepares the process and calls [`cli::run`].

pub mod cli;
pub mod commands;
pub mod operator;
pub mod output;
mod progress;
pub mod runtime;
pub mod storage_env;
