//! Crash-safe file writing: write to a temporary name, fsync, rename, fsync the directory.
//!
//! In: a target path and bytes (or a source file to copy). Out: the file fully on disk under
//! its final name, or not there at all.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync directory).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().expect("path has a parent");
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    {
        let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
        f.sync_all().map_err(|e| Error::io(&tmp, e))?;
    }
    fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
    sync_dir(dir)
}

/// Whether `name` is a temporary file of [`write_atomic`] (`.NAME.tmp-PID`): what an
/// interrupted write leaves behind; never content.
pub fn is_interrupted_write(name: &str) -> bool {
    name.starts_with('.')
        && name
            .rsplit_once(".tmp-")
            .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes from `dir` (not below it) the temporary files of interrupted [`write_atomic`]s.
/// Call only under the archive's writer lock: a running write's file looks the same.
pub fn remove_interrupted_writes(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))?.flatten() {
        if is_interrupted_write(&entry.file_name().to_string_lossy()) {
            fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// Writes a new file (no rename: for files inside a directory that is itself renamed into
/// place when complete) and fsyncs it.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut f = File::create(path).map_err(|e| Error::io(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.sync_all().map_err(|e| Error::io(path, e))
}

/// SHA-256 of a file, streamed.
pub fn sha256_file(path: &Path) -> Result<(String, u64)> {
    let f = File::open(path).map_err(|e| Error::io(path, e))?;
    sha256_reader(path, f)
}

fn sha256_reader(path: &Path, f: File) -> Result<(String, u64)> {
    hash_stream(path, f, &mut std::io::sink(), Path::new("(nothing)"))
}

/// Streams the file `from` into `out` while hashing it; returns its SHA-256 and size.
/// `out_name` names the destination in error messages.
pub fn copy_hashing(from: &Path, out: &mut dyn Write, out_name: &Path) -> Result<(String, u64)> {
    let src = File::open(from).map_err(|e| Error::io(from, e))?;
    hash_stream(from, src, out, out_name)
}

/// How much `hash_stream` reads at a time: 1 MiB. `io::copy`'s own buffer is 8 KiB, and
/// a read system call per 8 KiB cost verify about 4 % of its rate (`verify_speed`).
const HASH_READ_BYTES: usize = 1 << 20;

/// The one copy-and-hash loop: `reader` (named `from` in errors) into `out` (named
/// `out_name`) through a SHA-256, by `io::copy` (which retries reads and writes interrupted
/// by a signal) from a 1 MiB read buffer (`io::copy` copies straight out of a `BufReader`'s
/// buffer). Returns the hex digest and the byte count.
pub(crate) fn hash_stream(
    from: &Path,
    reader: impl Read,
    out: &mut dyn Write,
    out_name: &Path,
) -> Result<(String, u64)> {
    let mut tee = HashingWriter {
        out,
        hasher: Sha256::new(),
        write_failed: false,
    };
    let mut reader = std::io::BufReader::with_capacity(HASH_READ_BYTES, reader);
    match std::io::copy(&mut reader, &mut tee) {
        Ok(bytes) => Ok((hex::encode(tee.hasher.finalize()), bytes)),
        Err(e) if tee.write_failed => Err(Error::io(out_name, e)),
        Err(e) => Err(Error::io(from, e)),
    }
}

/// Creates the file `path` (which must not exist), has `fill` write its content through a
/// buffer, and returns the SHA-256 of what was written. Not synced: for a staged file that a
/// commit copies (and syncs) into the store.
pub fn create_hashing(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<String> {
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let mut buffered = std::io::BufWriter::new(file);
    let mut tee = HashingWriter {
        out: &mut buffered,
        hasher: Sha256::new(),
        write_failed: false,
    };
    fill(&mut tee)?;
    let digest = hex::encode(tee.hasher.finalize());
    buffered.flush().map_err(|e| Error::io(path, e))?;
    Ok(digest)
}

/// A writer that hashes what it passes on, and remembers whether its destination failed
/// (so that an error of `io::copy` can be put on the right side).
struct HashingWriter<'a> {
    out: &'a mut dyn Write,
    hasher: Sha256,
    write_failed: bool,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf).inspect_err(|e| {
            self.write_failed = e.kind() != std::io::ErrorKind::Interrupted;
        })?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush().inspect_err(|_| self.write_failed = true)
    }
}

/// SHA-256 and size of a scan file, which must be a regular file: it is opened without
/// following a symbolic link and without blocking (a FIFO put in a scan's place would wait
/// for a writer forever), then checked before anything is read.
pub fn sha256_regular_file(path: &Path) -> Result<(String, u64)> {
    use std::os::unix::fs::OpenOptionsExt;
    let f = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let meta = f.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file: only regular files are scans",
            ),
        ));
    }
    sha256_reader(path, f)
}

/// SHA-256 of bytes, hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Fsyncs every directory from `dir` up, so a rename inside it is durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

/// Fsyncs all files and directories below `dir` (after building a tree to rename into place).
pub fn sync_tree(dir: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(dir).contents_first(true) {
        let entry = entry.map_err(|e| Error::Archive(format!("{}: {e}", dir.display())))?;
        if entry.file_type().is_dir() {
            sync_dir(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod interrupted_write_tests {
    use super::is_interrupted_write;

    #[test]
    fn only_atomic_write_temporaries_count() {
        assert!(is_interrupted_write(".inventory.json.tmp-4242"));
        assert!(!is_interrupted_write("inventory.json.tmp-4242"));
        assert!(!is_interrupted_write(".inventory.json.tmp-"));
        assert!(!is_interrupted_write(".x.tmp-12a"));
        assert!(!is_interrupted_write("1.png"));
    }
}

#[cfg(test)]
mod hash_stream_tests {
    use std::io::{Error as IoError, ErrorKind, Read, Write};
    use std::path::Path;

    use super::{hash_stream, sha256_bytes};
    use crate::Error;

    /// Hands out its bytes in small pieces, each piece after one `Interrupted`.
    struct Jittery<'a>(&'a [u8], bool);

    impl Read for Jittery<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 = !self.1;
            if self.1 {
                return Err(IoError::from(ErrorKind::Interrupted));
            }
            let n = self.0.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    impl Write for Jittery<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.1 = !self.1;
            if self.1 {
                return Err(IoError::from(ErrorKind::Interrupted));
            }
            Ok(buf.len().min(5))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(IoError::from(ErrorKind::StorageFull))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn interrupted_reads_and_writes_are_retried_and_every_byte_hashed() {
        let data: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        let mut out = Jittery(&[], false);
        let (digest, size) = hash_stream(
            Path::new("in"),
            Jittery(&data, false),
            &mut out,
            Path::new("out"),
        )
        .unwrap();
        assert_eq!((digest, size), (sha256_bytes(&data), 10_000));
    }

    #[test]
    fn a_failing_write_names_the_destination_and_a_failing_read_the_source() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(IoError::from(ErrorKind::InvalidData))
            }
        }
        let err =
            hash_stream(Path::new("in"), &b"abc"[..], &mut Full, Path::new("out")).unwrap_err();
        assert!(
            matches!(&err, Error::Io { path, .. } if path == Path::new("out")),
            "{err}"
        );
        let err =
            hash_stream(Path::new("in"), Broken, &mut Vec::new(), Path::new("out")).unwrap_err();
        assert!(
            matches!(&err, Error::Io { path, .. } if path == Path::new("in")),
            "{err}"
        );
    }
}
