//! The progress bar of long commands (ingest, verify).
//!
//! In: whether to draw it and what it counts. Out: an indicatif bar on stderr that the
//! pipeline advances through [`ProgressSink`] (pages) or [`VerifyProgress`] (bytes).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pipeline::ingest::ProgressSink;
use pipeline::verify::VerifyProgress;

/// What a progress bar counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ProgressUnit {
    Pages,
    Bytes,
    /// Hồ sơ jobs of a cluster ingest.
    Jobs,
    /// Objects checked by the verify jobs of a cluster.
    Objects,
}

/// An indicatif progress bar on stderr (hidden when not a terminal or with --no-progress).
pub(crate) struct Bar {
    bar: ProgressBar,
    unit: ProgressUnit,
}

impl Bar {
    pub(crate) fn new(visible: bool, unit: ProgressUnit) -> Bar {
        let bar = ProgressBar::with_draw_target(
            Some(0),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        let bar_style = if std::env::var_os("NO_COLOR").is_some() {
            "{bar:40}"
        } else {
            "{bar:40.cyan/blue}"
        };
        let counts = match unit {
            ProgressUnit::Pages => "{pos}/{len} pages  {per_sec}",
            ProgressUnit::Bytes => "{bytes}/{total_bytes}  {bytes_per_sec}",
            ProgressUnit::Jobs => "{pos}/{len} hồ sơ  {msg}",
            ProgressUnit::Objects => "{pos}/{len} objects",
        };
        let template = format!("{{elapsed_precise}} [{bar_style}] {counts}  ETA {{eta}}");
        bar.set_style(
            ProgressStyle::with_template(&template)
                .expect("valid template")
                .progress_chars("=> "),
        );
        Bar { bar, unit }
    }
}

impl VerifyProgress for Bar {
    fn objects(&self, objects: u64) {
        if self.unit == ProgressUnit::Objects {
            self.bar.set_length(objects);
        }
    }
    fn start(&self, bytes: u64) {
        if self.unit == ProgressUnit::Bytes {
            self.bar.set_length(bytes);
        }
    }
    fn advance(&self, bytes: u64) {
        if self.unit == ProgressUnit::Bytes {
            self.bar.inc(bytes);
        }
    }
    fn object_done(&self) {
        if self.unit == ProgressUnit::Objects {
            self.bar.inc(1);
        }
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Bar {
    /// Shows `done` of `total` with `message` (cluster jobs).
    pub(crate) fn show(&self, done: u64, total: u64, message: String) {
        self.bar.set_length(total);
        self.bar.set_position(done);
        self.bar.set_message(message);
    }
}

impl ProgressSink for Bar {
    fn start(&self, pages: u64) {
        self.bar.set_length(pages);
    }
    fn advance(&self) {
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
