//! How a command's result reaches the terminal: one trait for every command's output.
//!
//! In: a command's typed output (a [`CommandOutput`]) and the format asked for. Out: its
//! readable rendering (stdout, and notes on stderr) or its `--json` rendering (stdout), and
//! the exit code the result means.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

/// A command's result, rendered for people or (through `Serialize`) as `--json`.
pub trait CommandOutput: Serialize {
    /// `--json` prints object keys in alphabetical order, nested ones too (the commands whose
    /// JSON has always been printed so), instead of in field order.
    const JSON_KEYS_SORTED: bool = false;

    /// The readable rendering, for stdout.
    fn human(&self, out: &mut dyn Write) -> io::Result<()>;

    /// What the readable rendering says on stderr (a count, where a file went); nothing
    /// unless a command says otherwise. `--json` prints no notes.
    fn notes(&self, _err: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// The exit code this result means (3 partial ingest, 4 damage); 0 unless a command
    /// says otherwise.
    fn exit_code(&self) -> u8 {
        0
    }
}

/// How the result is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

impl Format {
    /// `--json` given or not.
    pub fn json_if(json: bool) -> Format {
        if json {
            Format::Json
        } else {
            Format::Human
        }
    }
}

/// The `--json` rendering: pretty-printed, one trailing newline.
pub fn json<O: CommandOutput>(output: &O) -> serde_json::Result<String> {
    let mut text = if O::JSON_KEYS_SORTED {
        serde_json::to_string_pretty(&serde_json::to_value(output)?)?
    } else {
        serde_json::to_string_pretty(output)?
    };
    text.push('\n');
    Ok(text)
}

/// Prints `output` in `format` on stdout (and its notes on stderr) and returns its exit
/// code.
pub fn print<O: CommandOutput>(output: &O, format: Format) -> anyhow::Result<ExitCode> {
    let mut stdout = io::stdout().lock();
    match format {
        Format::Json => stdout.write_all(json(output)?.as_bytes())?,
        Format::Human => {
            output.human(&mut stdout)?;
            stdout.flush()?;
            output.notes(&mut io::stderr().lock())?;
        }
    }
    stdout.flush()?;
    Ok(ExitCode::from(output.exit_code()))
}

/// Asserts the snapshots `{name}_human` (the readable rendering, stderr notes after a
/// `--- stderr ---` line, run-to-run values replaced by [`testing::FILTERS`]) and
/// `{name}_json` (the `--json` rendering read back, with the redactions given) of an output.
#[cfg(test)]
macro_rules! assert_renderings {
    ($name:literal, $output:expr $(, { $($selector:expr => $replacement:expr),* $(,)? })?) => {{
        let output = &$output;
        insta::with_settings!({ filters => $crate::output::testing::FILTERS.to_vec() }, {
            insta::assert_snapshot!(
                concat!($name, "_human"),
                $crate::output::testing::human(output)
            );
        });
        insta::assert_json_snapshot!(
            concat!($name, "_json"),
            $crate::output::testing::json_value(output)
            $(, { $($selector => $replacement),* })?
        );
    }};
}
#[cfg(test)]
pub(crate) use assert_renderings;

#[cfg(test)]
pub(crate) mod testing {
    //! Snapshot helpers: both renderings of an output, with what changes from run to run
    //! (ULIDs, times, temporary paths) redacted.

    use super::{json, CommandOutput};

    /// Regexes for the human rendering's run-to-run values and what they become.
    pub(crate) const FILTERS: [(&str, &str); 3] = [
        (r"[0-9A-HJKMNP-TV-Z]{26}", "[ulid]"),
        (
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})",
            "[time]",
        ),
        (r"/\S*?sohoa-snapshot[A-Za-z0-9]+", "[tmp]"),
    ];

    /// The readable rendering: stdout, then the stderr notes after a `--- stderr ---` line
    /// when there are any.
    pub(crate) fn human<O: CommandOutput>(output: &O) -> String {
        let mut out = Vec::new();
        output.human(&mut out).expect("rendering into memory");
        let mut notes = Vec::new();
        output.notes(&mut notes).expect("rendering into memory");
        let mut text = String::from_utf8(out).expect("UTF-8 rendering");
        if !notes.is_empty() {
            text.push_str("--- stderr ---\n");
            text.push_str(&String::from_utf8(notes).expect("UTF-8 notes"));
        }
        text
    }

    /// The `--json` rendering read back as a JSON value (what a script sees).
    pub(crate) fn json_value<O: CommandOutput>(output: &O) -> serde_json::Value {
        serde_json::from_str(&json(output).expect("serialisable output")).expect("valid JSON")
    }

    /// A temporary directory whose path the snapshots show as `[tmp]`.
    pub(crate) fn temp_dir() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("sohoa-snapshot")
            .tempdir()
            .expect("temporary directory")
    }

    /// A fresh ULID, as the archive makes them.
    pub(crate) fn ulid() -> String {
        ulid::Ulid::new().to_string()
    }

    /// The time now, as the archive writes it.
    pub(crate) fn now() -> String {
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// An output whose fields are not in alphabetical order, with a nested map.
    #[derive(Serialize)]
    struct Fields<const SORTED: bool> {
        zeta: u32,
        alpha: BTreeMap<&'static str, f32>,
    }

    impl<const SORTED: bool> CommandOutput for Fields<SORTED> {
        const JSON_KEYS_SORTED: bool = SORTED;

        fn human(&self, out: &mut dyn Write) -> io::Result<()> {
            writeln!(out, "{}", self.zeta)
        }
    }

    fn fields<const SORTED: bool>() -> Fields<SORTED> {
        Fields {
            zeta: 1,
            alpha: BTreeMap::from([("b", 0.5)]),
        }
    }

    #[test]
    fn json_keeps_field_order_unless_keys_are_sorted() {
        assert_eq!(
            json(&fields::<false>()).unwrap(),
            "{\n  \"zeta\": 1,\n  \"alpha\": {\n    \"b\": 0.5\n  }\n}\n"
        );
        assert_eq!(
            json(&fields::<true>()).unwrap(),
            "{\n  \"alpha\": {\n    \"b\": 0.5\n  },\n  \"zeta\": 1\n}\n"
        );
    }
}
