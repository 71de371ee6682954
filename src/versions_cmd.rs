//! `sohoa edit` and `sohoa history`: corrections as new versions, and the list of versions.
//!
//! In: parsed arguments. Out: text or JSON on stdout and the exit code; the work is done
//! by `pipeline::edit` and `pipeline::store::history`.

use std::process::ExitCode;

use anyhow::bail;
use archive_schema::CodeSets;
use pipeline::store::history;
use pipeline::Error;
use serde_json::json;

use crate::cli::{open_archive, print_json, EXIT_USAGE};

/// `sohoa edit ID --set KEY=VALUE...`
pub fn edit(
    archive: &std::path::Path,
    id: &str,
    settings: &[String],
    reviewed: bool,
    codes: &'static CodeSets,
    actor: &str,
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
    let outcome = match pipeline::edit::edit(&archive, id, &parsed, reviewed, actor, codes) {
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
pub fn history(archive: &std::path::Path, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let archive = open_archive(archive)?;
    let (object, document) = match archive.find_document(id)? {
        Some((o, d)) => (o, Some(d.id)),
        None => match archive.find_object(id)? {
            Some(o) => (o, None),
            None => bail!(
                "no document or hồ sơ with id {id} in {}",
                archive.root.display()
            ),
        },
    };
    let versions = history::versions(&object);
    if json {
        print_json(&json!({
            "id": id,
            "object": object.id,
            "document": document,
            "head": object.inventory.head,
            "versions": versions,
        }))?;
    } else {
        println!(
            "object {} (box {}, hồ sơ {}), head {}",
            object.id, object.source.box_name, object.source.hoso, object.inventory.head
        );
        for v in &versions {
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
