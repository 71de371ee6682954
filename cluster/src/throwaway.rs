//! A throwaway PostgreSQL for tests and benchmarks: `initdb` and `pg_ctl` of Debian's
//! `postgresql`, run as the `postgres` user (initdb refuses root), listening only on a socket
//! directory of its own.
//!
//! In: nothing (the newest `/usr/lib/postgresql/*/bin`). Out: [`Postgres`], a running server
//! with `database(name)` giving a fresh database's URL; stopped when dropped (`pg_ctl stop`,
//! SIGKILL when it does not answer) and, should the process that started it be killed
//! first, by a watchdog that waits for that process to end.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{Error, Result};

/// The newest PostgreSQL server programs installed.
pub fn server_programs() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// A running throwaway server; see the module doc.
#[derive(Debug)]
pub struct Postgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
}

impl Postgres {
    /// Creates and starts a server in a new temporary directory.
    pub fn start() -> Result<Postgres> {
        let bin = server_programs().ok_or_else(|| {
            Error::Config(
                "PostgreSQL is not installed (scripts/install-deps.sh installs it)".into(),
            )
        })?;
        let dir = tempfile::tempdir().map_err(|e| io("temporary directory", &e))?;
        let pg = Postgres { bin, dir };
        std::fs::set_permissions(
            pg.dir.path(),
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )
        .map_err(|e| io("temporary directory", &e))?;
        for sub in ["data", "sock"] {
            std::fs::create_dir(pg.dir.path().join(sub)).map_err(|e| io(sub, &e))?;
        }
        if is_root() {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(pg.dir.path()))?;
        }
        run(pg
            .as_postgres("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .arg("-D")
            .arg(pg.data()))?;
        pg.resume()?;
        // Stops the server should the process that started it die without dropping it.
        let watchdog = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {ctl} -D '{data}' stop -m immediate -t 10 >/dev/null 2>&1 || kill -9 $(head -n 1 '{data}/postmaster.pid'); rm -rf '{dir}'",
            pid = std::process::id(),
            ctl = if is_root() {
                format!("runuser -u postgres -- '{}'", pg.bin.join("pg_ctl").display())
            } else {
                format!("'{}'", pg.bin.join("pg_ctl").display())
            },
            data = pg.data().display(),
            dir = pg.dir.path().display(),
        );
        Command::new("sh")
            .args(["-c", &watchdog])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| io("sh", &e))?;
        Ok(pg)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn as_postgres(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    /// Starts the (stopped) server again.
    pub fn resume(&self) -> Result<()> {
        let options = format!(
            "-c listen_addresses='' -k {} -c fsync=off -c full_page_writes=off -c max_connections=200",
            self.dir.path().join("sock").display()
        );
        run(self
            .as_postgres("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-o", &options, "-w", "-t", "60", "-l"])
            .arg(self.dir.path().join("server.log"))
            .arg("start"))
    }

    /// Stops the server: `pg_ctl stop -m fast` within 20 s, else SIGKILL.
    pub fn stop(&self) {
        let stopped = run(self
            .as_postgres("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["stop", "-m", "fast", "-w", "-t", "20"]))
        .is_ok();
        if !stopped {
            let pid =
                std::fs::read_to_string(self.data().join("postmaster.pid")).unwrap_or_default();
            if let Some(pid) = pid
                .lines()
                .next()
                .and_then(|l| l.trim().parse::<i32>().ok())
            {
                #[allow(unsafe_code)]
                // SAFETY: a signal to the postmaster this handle started.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
    }

    /// The URL of database `db` (key=value form, over the socket directory).
    pub fn url(&self, db: &str) -> String {
        format!(
            "host={} user=postgres dbname={db}",
            self.dir.path().join("sock").display()
        )
    }

    /// A fresh, empty database `name` (letters, digits and `_`); its URL.
    pub fn database(&self, name: &str) -> Result<String> {
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        let mut client = crate::coordinator::connect(&self.url("postgres"))?;
        client.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
        client.batch_execute(&format!("CREATE DATABASE {name}"))?;
        Ok(self.url(name))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop();
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    #[allow(unsafe_code)]
    unsafe {
        libc::geteuid() == 0
    }
}

fn io(what: &str, e: &std::io::Error) -> Error {
    Error::Config(format!("throwaway PostgreSQL: {what}: {e}"))
}

fn run(c: &mut Command) -> Result<()> {
    let out = c
        .output()
        .map_err(|e| io(&c.get_program().to_string_lossy(), &e))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(Error::Config(format!(
            "throwaway PostgreSQL: {} failed: {}",
            c.get_program().to_string_lossy(),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}
