//! Getting stored files back out of the archive, verified against their inventory digests.
//!
//! In: an [`Archive`](crate::store::Archive) and what a researcher or archivist asks for (a
//! document page's original scan, a document's access PDF, a hồ sơ, a document or a whole
//! box). Out: the stored bytes, never altered and always re-hashed against the OCFL inventory
//! on the way out: [`files`] finds and writes single files (`sohoa get`), [`bagit`] builds
//! `BagIt` 1.0 bags (`sohoa export --bagit`).

pub mod bagit;
pub mod files;

use std::path::Path;

use crate::{Error, Result};

/// Resolves `path` as the file system will when it is written: an absolute path whose
/// existing part has its symbolic links and `..` resolved (canonical), followed by the
/// components that do not exist yet (`.` dropped, `..` taking one off; there are no links
/// among them to resolve). A path that exists, itself a symbolic link included, resolves to
/// what it points to.
pub fn resolve_target(path: &Path) -> Result<std::path::PathBuf> {
    use std::path::Component;
    let absolute = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(mut resolved) => {
                for component in missing.iter().rev() {
                    match component {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::CurDir => {}
                        other => resolved.push(other.as_os_str()),
                    }
                }
                return Ok(resolved);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let (Some(parent), Some(last)) =
                    (existing.parent(), existing.components().next_back())
                else {
                    return Err(Error::io(path, e));
                };
                missing.push(last);
                existing = parent;
            }
            Err(e) => return Err(Error::io(path, e)),
        }
    }
}

/// Refuses an output path that is the archive directory or anything in it, however it is
/// spelled (relative, through symbolic links or `..`): writing there would replace stored
/// files, the audit log or the index behind the archive's back.
pub fn refuse_inside_archive(archive_root: &Path, target: &Path) -> Result<()> {
    let root = archive_root
        .canonicalize()
        .map_err(|e| Error::io(archive_root, e))?;
    // The path as written (its last component not followed) and where it leads.
    let lexical = match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            Some(resolve_target(parent)?.join(name))
        }
        _ => None,
    };
    let mut resolved_paths: Vec<std::path::PathBuf> = lexical.into_iter().collect();
    resolved_paths.push(resolve_target(target)?);
    // A link that leads nowhere yet (its target would be created through it).
    if let Ok(link) = std::fs::read_link(target) {
        let base = target.parent().unwrap_or(Path::new("."));
        resolved_paths.push(resolve_target(&base.join(link))?);
    }
    for resolved in &resolved_paths {
        if resolved.starts_with(&root) {
            return Err(Error::Export(format!(
                "{} is inside the archive {} (it resolves to {}); write it outside the archive",
                target.display(),
                root.display(),
                resolved.display()
            )));
        }
    }
    Ok(())
}
