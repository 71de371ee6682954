//! Getting stored files back out of the archive, verified against their inventory digests.
//!
//! In: an [`Archive`](crate::store::Archive) and what a researcher or archivist asks for (a
//! document page's original scan, a document's access PDF, a hồ sơ, a document or a whole
//! box). Out: the stored bytes, never altered and always re-hashed against the OCFL inventory
//! on the way out: [`files`] finds and writes single files (`sohoa get`), [`bagit`] builds
//! BagIt 1.0 bags (`sohoa export --bagit`).

pub mod bagit;
pub mod files;

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// Streams the file `from` into `out` while hashing it; returns its SHA-256 and size.
/// `out_name` names the destination in error messages.
pub(crate) fn copy_hashing(
    from: &Path,
    out: &mut dyn Write,
    out_name: &Path,
) -> Result<(String, u64)> {
    let mut src = File::open(from).map_err(|e| Error::io(from, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(from, e)),
        };
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| Error::io(out_name, e))?;
        total += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), total))
}
