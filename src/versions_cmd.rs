//! `sohoa edit` and `sohoa history`: corrections as new versions, and the list of versions.
//!
//! In: parsed arguments. Out: text or JSON on stdout and the exit code; the work is done
//! by `pipeline::edit` and `pipeline::store::history`.

use std::process::ExitCode;

use archive_schema::CodeSets;
use pipeline::gate::{EditRequest, Principal};
use pipeline::Error;

use crate::cli::{open_archive, print_json, EXIT_USAGE};

/// `sohoa edit ID --set KEY=VALUE...`
#[allow(clippy::too_many_arguments)]
pub fn edit(
    archive: &std::path::Path,
    id: &str,
    settings: &[String],
    reviewed: bool,
    reason: Option<&str>,
    codes: &'static CodeSets,
    who: &Principal,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let archive = open_archive(archive)?;
    let mut parsed = Vec::new();
    for s in settings {
        match pipeline::edit::parse_setting(s) {
            Ok(kv) => parsed.push(kv),
            Err(e) => {
                eprintln!("error: {e}");
                return Ok(ExitCode::from(EXIT_USAGE));
            }
        }
    }
    let request = EditRequest {
        id,
        settings: &parsed,
        reviewed,
        reason,
        codes,
    };
    let outcome = match archive.writer(who).edit(&request) {
        Ok(o) => o,
        Err(Error::Schema(e)) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
        Err(e) => return Err(e.into()),
    };
    if json {
        print_json(&outcome)?;
    } else if outcome.changes.is_empty() {
        println!(
            "nothing changed: {} stays at {}",
            outcome.object, outcome.version
        );
    } else {
        println!(
            "{} {}: {} field(s) changed",
            outcome.object,
            outcome.version,
            outcome.changes.len()
        );
        for c in &outcome.changes {
            println!("  {}: {} → {}", c.key, shown(&c.old), shown(&c.new));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A field's value for the terminal: text as it is, other values as JSON, `(none)` when the
/// field has no value.
fn shown(value: &Option<serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => "(none)".to_string(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// `sohoa history ID`
pub fn history(
    archive: &std::path::Path,
    id: &str,
    who: &Principal,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let archive = open_archive(archive)?;
    let history = archive.reader(who).history(id)?;
    if json {
        print_json(&history)?;
    } else {
        println!(
            "object {} (box {}, hồ sơ {}), head {}",
            history.object, history.box_name, history.hoso, history.head
        );
        for v in &history.versions {
            println!(
                "{}  {}  {}  {}",
                v.version,
                v.created,
                v.user.as_deref().unwrap_or("-"),
                v.message.as_deref().unwrap_or("")
            );
            println!(
                "    {} added, {} changed, {} removed",
                v.added.len(),
                v.modified.len(),
                v.removed.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
