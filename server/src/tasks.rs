//! Long-running staff tasks the reading room starts: the ingest of a box from the server's
//! inboxes, and a full or sampled verification of the archive.
//!
//! In: who starts a task (the account name and the task's kind), the progress the pipeline
//! reports through [`ProgressSink`] and [`VerifyProgress`], and the outcome. Out: a registry
//! of tasks, each with an unguessable id, its state ([`TaskState`]), its live progress
//! (pages or objects and bytes done of the total, an ETA, failures, withheld pages and
//! damage counted, never a page's text) and, when done, its report; each finished task is
//! kept as JSON in `ARCHIVE/service/tasks/` so a page reload or a server restart still
//! shows it (a task the server stopped in the middle is shown as failed, saying so). At
//! most one task of each kind runs at a time.
//!
//! The boxes an archivist may ingest are the immediate subdirectories of the directories
//! the server was started with (`sohoa serve --inbox DIR`): [`Inbox`] lists them and finds
//! one by its plain name; no path a browser sends is ever opened.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use pipeline::gate::Role;
use pipeline::ingest::{IngestSummary, PageFailure, ProgressSink};
use pipeline::verify::{VerifyProgress, VerifyReport};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The directory of the finished tasks, under the archive's `service/`.
pub const TASKS_DIR: &str = "tasks";

/// At most this many failures are kept in a task's live progress (the report has all).
const LIVE_FAILURES: usize = 200;

/// What a task does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// The ingest of one box of an inbox.
    Ingest,
    /// A full or sampled verification.
    Verify,
}

impl TaskKind {
    /// The role that starts (and sees) tasks of this kind.
    pub fn role(self) -> Role {
        match self {
            TaskKind::Ingest => Role::Archivist,
            TaskKind::Verify => Role::Auditor,
        }
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            TaskKind::Ingest => "Nhập hộp hồ sơ",
            TaskKind::Verify => "Kiểm tra toàn vẹn",
        }
    }

    /// The answer to a start while a task of this kind runs.
    pub fn busy_message(self) -> &'static str {
        match self {
            TaskKind::Ingest => {
                "Đang có một lượt nhập trên kho này; hãy chờ lượt đó xong rồi bắt đầu lượt mới."
            }
            TaskKind::Verify => {
                "Đang có một lượt kiểm tra toàn vẹn; hãy chờ lượt đó xong rồi bắt đầu lượt mới."
            }
        }
    }
}

/// Where a task is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Registered, its work not yet begun.
    Queued,
    Running,
    /// Finished with a report (which may list failed pages or damage).
    Done,
    /// Stopped without a report; `error` says why.
    Failed,
}

impl TaskState {
    pub fn vietnamese(self) -> &'static str {
        match self {
            TaskState::Queued => "Đang chờ",
            TaskState::Running => "Đang chạy",
            TaskState::Done => "Xong",
            TaskState::Failed => "Thất bại",
        }
    }

    pub fn is_finished(self) -> bool {
        matches!(self, TaskState::Done | TaskState::Failed)
    }
}

/// What a task has done so far.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Progress {
    /// Ingest: pages that need work (OCR or decoding), and those done.
    pub pages_total: u64,
    pub pages_done: u64,
    /// Ingest: pages (or files) that failed so far, with file and page.
    pub failures: Vec<PageFailure>,
    /// Ingest: failures past the first [`LIVE_FAILURES`] (the report lists them all).
    pub failures_not_listed: u64,
    /// Ingest: pages withheld under the độ mật policy (a count only).
    pub withheld: u64,
    /// Verify: objects the run checks, and those done.
    pub objects_total: u64,
    pub objects_done: u64,
    /// Verify: bytes to hash, and those hashed.
    pub bytes_total: u64,
    pub bytes_done: u64,
    /// Verify: findings of damage so far (a count: the report names what the clearance
    /// allows).
    pub damage: u64,
    /// Estimated seconds left, from the rate so far (None until something is done).
    pub eta_seconds: Option<u64>,
}

/// A task's report.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    Ingest(IngestSummary),
    Verify(VerifyReport),
}

/// One task.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub kind: TaskKind,
    /// The account that started it.
    pub starter: String,
    /// The box ingested, or the verification's scope.
    pub subject: String,
    pub state: TaskState,
    pub started: String,
    pub finished: Option<String>,
    pub progress: Progress,
    /// The report, as the starter's clearance allows it (shown to others as theirs allows).
    pub report: Option<Report>,
    /// Why it failed.
    pub error: Option<String>,
}

impl Task {
    /// Whether `account` (with its principal's roles) may see the task: its starter, and
    /// anyone with the role of its kind.
    pub fn visible_to(&self, account: &str, who: &pipeline::gate::Principal) -> bool {
        self.starter == account || who.has_role(self.kind.role())
    }
}

/// A running task's shared state, and when its work began (for the ETA).
struct Live {
    task: Task,
    work_started: Option<Instant>,
}

/// The tasks of one archive; see the module doc.
pub struct Tasks {
    dir: PathBuf,
    tasks: Mutex<HashMap<String, Arc<Mutex<Live>>>>,
}

impl Tasks {
    /// The tasks kept in `service_dir/tasks/` (created when absent). A task kept as queued
    /// or running was stopped with the server: it is marked failed, saying so.
    pub fn open(service_dir: &Path) -> Result<Tasks> {
        let dir = service_dir.join(TASKS_DIR);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        let mut tasks = HashMap::new();
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(format!("reading {}", dir.display()), e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let task = std::fs::read(&path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Task>(&bytes).ok());
            let Some(mut task) = task else {
                tracing::warn!("{}: not a task record; ignored", path.display());
                continue;
            };
            if !task.state.is_finished() {
                task.state = TaskState::Failed;
                task.error = Some(
                    "Máy chủ đã dừng khi việc này đang chạy; việc không hoàn thành. Hãy chạy lại \
                     (một lượt nhập chạy lại chỉ làm tiếp những trang chưa xong)."
                        .into(),
                );
                task.finished = Some(now());
                persist(&dir, &task);
            }
            tasks.insert(
                task.id.clone(),
                Arc::new(Mutex::new(Live {
                    task,
                    work_started: None,
                })),
            );
        }
        Ok(Tasks {
            dir,
            tasks: Mutex::new(tasks),
        })
    }

    /// Registers a new task of `kind` started by `starter` on `subject`, queued; refused
    /// (with [`TaskKind::busy_message`]) while another task of the kind is unfinished.
    pub fn begin(&self, kind: TaskKind, starter: &str, subject: &str) -> Result<TaskHandle> {
        let mut tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        let busy = tasks.values().any(|t| {
            let t = t.lock().unwrap_or_else(PoisonError::into_inner);
            t.task.kind == kind && !t.task.state.is_finished()
        });
        if busy {
            return Err(Error::Busy(kind.busy_message().into()));
        }
        let id = crate::accounts::secret::random_token()[..32].to_string();
        let task = Task {
            id: id.clone(),
            kind,
            starter: starter.to_string(),
            subject: subject.to_string(),
            state: TaskState::Queued,
            started: now(),
            finished: None,
            progress: Progress::default(),
            report: None,
            error: None,
        };
        persist(&self.dir, &task);
        let live = Arc::new(Mutex::new(Live {
            task,
            work_started: None,
        }));
        tasks.insert(id, Arc::clone(&live));
        Ok(TaskHandle {
            live,
            dir: self.dir.clone(),
        })
    }

    /// Task `id` as it is now, with its ETA.
    pub fn get(&self, id: &str) -> Option<Task> {
        let tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        tasks.get(id).map(snapshot)
    }

    /// Every task of `kind`, the latest first.
    pub fn list(&self, kind: TaskKind) -> Vec<Task> {
        let tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        let mut list: Vec<Task> = tasks
            .values()
            .map(snapshot)
            .filter(|t| t.kind == kind)
            .collect();
        list.sort_by(|a, b| b.started.cmp(&a.started));
        list
    }
}

fn snapshot(live: &Arc<Mutex<Live>>) -> Task {
    let live = live.lock().unwrap_or_else(PoisonError::into_inner);
    let mut task = live.task.clone();
    if task.state == TaskState::Running {
        task.progress.eta_seconds = live.work_started.and_then(|started| {
            let p = &task.progress;
            let (done, total) = match task.kind {
                TaskKind::Ingest => (p.pages_done, p.pages_total),
                TaskKind::Verify => (p.bytes_done, p.bytes_total),
            };
            eta(started.elapsed().as_secs_f64(), done, total)
        });
    }
    task
}

/// Seconds left when `done` of `total` took `elapsed` seconds (None before any is done).
fn eta(elapsed: f64, done: u64, total: u64) -> Option<u64> {
    if done == 0 || total == 0 {
        return None;
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let left = (elapsed * (total.saturating_sub(done)) as f64 / done as f64).round() as u64;
    Some(left)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Writes `task` to `dir/ID.json` (atomically); a failure is logged, the task goes on.
fn persist(dir: &Path, task: &Task) {
    let path = dir.join(format!("{}.json", task.id));
    let temp = dir.join(format!(".{}.json.tmp", task.id));
    let written = serde_json::to_vec_pretty(task)
        .map_err(std::io::Error::other)
        .and_then(|bytes| std::fs::write(&temp, bytes))
        .and_then(|()| std::fs::rename(&temp, &path));
    if let Err(e) = written {
        tracing::warn!("task {} not kept: {e}", task.id);
    }
}

/// The handle the work of one task reports through: progress, then its end.
pub struct TaskHandle {
    live: Arc<Mutex<Live>>,
    dir: PathBuf,
}

impl TaskHandle {
    pub fn id(&self) -> String {
        self.with(|t| t.id.clone())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Task) -> T) -> T {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut live.task)
    }

    /// The work begins.
    pub fn running(&self) {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        live.task.state = TaskState::Running;
        live.work_started = Some(Instant::now());
        persist(&self.dir, &live.task);
    }

    /// The work ended with `report` (kept on disk).
    pub fn done(&self, report: Report) {
        self.end(TaskState::Done, Some(report), None);
    }

    /// The work stopped: `error` says why (no path in it).
    pub fn failed(&self, error: String) {
        self.end(TaskState::Failed, None, Some(error));
    }

    fn end(&self, state: TaskState, report: Option<Report>, error: Option<String>) {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        live.task.state = state;
        live.task.report = report;
        live.task.error = error;
        live.task.finished = Some(now());
        live.task.progress.eta_seconds = None;
        persist(&self.dir, &live.task);
    }
}

/// A handle dropped before its task ended (its work panicked): the task failed, so that the
/// next task of its kind may start.
impl Drop for TaskHandle {
    fn drop(&mut self) {
        let unfinished = self.with(|t| !t.state.is_finished());
        if unfinished {
            self.failed("Lỗi máy chủ: việc dừng giữa chừng; lỗi đã được ghi lại.".into());
        }
    }
}

impl ProgressSink for TaskHandle {
    fn start(&self, pages: u64) {
        self.with(|t| t.progress.pages_total = pages);
    }
    fn advance(&self) {
        self.with(|t| t.progress.pages_done += 1);
    }
    fn failed(&self, failure: &PageFailure) {
        self.with(|t| {
            if t.progress.failures.len() < LIVE_FAILURES {
                t.progress.failures.push(failure.clone());
            } else {
                t.progress.failures_not_listed += 1;
            }
        });
    }
    fn withheld(&self) {
        self.with(|t| t.progress.withheld += 1);
    }
}

impl VerifyProgress for TaskHandle {
    fn objects(&self, objects: u64) {
        self.with(|t| t.progress.objects_total = objects);
    }
    fn start(&self, bytes: u64) {
        self.with(|t| t.progress.bytes_total = bytes);
    }
    fn advance(&self, bytes: u64) {
        self.with(|t| t.progress.bytes_done += bytes);
    }
    fn object_done(&self) {
        self.with(|t| t.progress.objects_done += 1);
    }
    fn damage(&self, findings: u64) {
        self.with(|t| t.progress.damage += findings);
    }
}

/// A box of an inbox, as the ingest page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct InboxBox {
    pub name: String,
    /// Files below it (scans and sidecars).
    pub files: u64,
    /// Whether the archive holds documents (that the asker may see) from a box of this name.
    pub ingested: bool,
}

/// Files counted below a box at most (a listing stays quick whatever is dropped there).
const MAX_COUNTED_FILES: u64 = 100_000;

/// The directories whose immediate subdirectories are boxes (`sohoa serve --inbox`).
#[derive(Debug, Clone, Default)]
pub struct Inbox {
    dirs: Vec<PathBuf>,
}

impl Inbox {
    pub fn new(dirs: Vec<PathBuf>) -> Inbox {
        Inbox { dirs }
    }

    /// Whether the server was given any inbox.
    pub fn is_configured(&self) -> bool {
        !self.dirs.is_empty()
    }

    /// The boxes of every inbox by name (a name in two inboxes: the first's), without
    /// `ingested` (the caller knows the archive).
    pub fn boxes(&self) -> Vec<InboxBox> {
        // By name: sorted, and a name in two inboxes listed once.
        let mut seen = std::collections::BTreeMap::new();
        for dir in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                tracing::warn!("inbox {} cannot be read", dir.display());
                continue;
            };
            for entry in entries.flatten() {
                let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                    continue;
                };
                if check_box_name(&name).is_err() || seen.contains_key(&name) {
                    continue;
                }
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    let files = count_files(&entry.path());
                    seen.insert(
                        name.clone(),
                        InboxBox {
                            name,
                            files,
                            ingested: false,
                        },
                    );
                }
            }
        }
        seen.into_values().collect()
    }

    /// The directory of box `name`: a plain name (no separator, not `.` or `..`) of a
    /// directory (not a link) directly in an inbox; else an error naming the field `box`.
    pub fn find(&self, name: &str) -> Result<PathBuf> {
        check_box_name(name)?;
        self.dirs
            .iter()
            .map(|dir| dir.join(name))
            .find(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()))
            .ok_or_else(|| {
                Error::invalid(
                    "box",
                    format!("box: không có hộp nào tên {name:?} trong thư mục nhận hồ sơ"),
                )
            })
    }

    /// The inbox directories (to keep them out of what a browser is told).
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }
}

/// A box name a browser may send: a plain directory name.
fn check_box_name(name: &str) -> Result<()> {
    let bad = |why: &str| Err(Error::invalid("box", format!("box: {why}")));
    if name.trim().is_empty() {
        return bad("chưa chọn hộp (tên hộp để trống)");
    }
    if name.len() > 255 {
        return bad("tên hộp dài quá 255 byte");
    }
    if name.contains(['/', '\\']) {
        return bad("tên hộp không được chứa dấu / hoặc \\ (chỉ là tên một thư mục trong thư mục nhận hồ sơ)");
    }
    if name == "." || name == ".." || name.starts_with('.') {
        return bad("tên hộp không được là . hoặc .. hay bắt đầu bằng dấu chấm");
    }
    if name.chars().any(char::is_control) {
        return bad("tên hộp chứa ký tự điều khiển");
    }
    Ok(())
}

/// Regular files below `dir` (links not followed), at most [`MAX_COUNTED_FILES`].
fn count_files(dir: &Path) -> u64 {
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                Ok(t) if t.is_file() => {
                    count += 1;
                    if count >= MAX_COUNTED_FILES {
                        return count;
                    }
                }
                _ => {}
            }
        }
    }
    count
}

/// Every string in `value` with `paths` (server directories) replaced by `by` (what a
/// browser may be told instead): a report names no directory of the server.
pub fn without_paths<T: Serialize + serde::de::DeserializeOwned>(
    value: T,
    paths: &[(PathBuf, String)],
) -> T {
    let Ok(mut json) = serde_json::to_value(&value) else {
        return value;
    };
    scrub(&mut json, paths);
    serde_json::from_value(json).unwrap_or(value)
}

/// `text` with `paths` replaced (see [`without_paths`]).
pub fn text_without_paths(text: &str, paths: &[(PathBuf, String)]) -> String {
    let mut text = text.to_string();
    for (path, by) in paths {
        let shown = path.display().to_string();
        if !shown.is_empty() {
            text = text.replace(&shown, by);
        }
    }
    text
}

fn scrub(value: &mut serde_json::Value, paths: &[(PathBuf, String)]) {
    match value {
        serde_json::Value::String(s) => *s = text_without_paths(s, paths),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| scrub(v, paths)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| scrub(v, paths)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_is_a_plain_name_of_a_directory_in_an_inbox() {
        let tmp = tempfile::tempdir().unwrap();
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(inbox.join("hop-01/hs-a")).unwrap();
        std::fs::write(inbox.join("hop-01/hs-a/1.png"), b"x").unwrap();
        std::fs::write(inbox.join("loose.png"), b"x").unwrap();
        std::fs::create_dir_all(tmp.path().join("outside")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("outside"), inbox.join("link")).unwrap();
        let inbox = Inbox::new(vec![inbox]);
        let boxes = inbox.boxes();
        assert_eq!(boxes.len(), 1, "{boxes:?}");
        assert_eq!((boxes[0].name.as_str(), boxes[0].files), ("hop-01", 1));
        assert!(inbox.find("hop-01").is_ok());
        for bad in [
            "",
            "..",
            ".",
            "../outside",
            "a/b",
            "a\\b",
            "loose.png",
            "link",
            "none",
            ".hidden",
        ] {
            let e = inbox.find(bad).unwrap_err();
            assert!(e.to_string().starts_with("box: "), "{bad}: {e}");
        }
    }

    #[test]
    fn one_task_of_a_kind_at_a_time_and_a_stopped_one_is_failed_after_a_restart() {
        let tmp = tempfile::tempdir().unwrap();
        let tasks = Tasks::open(tmp.path()).unwrap();
        let first = tasks.begin(TaskKind::Ingest, "lt", "hop-01").unwrap();
        let e = tasks
            .begin(TaskKind::Ingest, "lt2", "hop-02")
            .err()
            .unwrap();
        assert!(e.to_string().contains("Đang có một lượt nhập"), "{e}");
        // Another kind is not held up.
        let verify = tasks.begin(TaskKind::Verify, "kt", "full").unwrap();
        first.running();
        ProgressSink::start(&first, 4);
        ProgressSink::advance(&first);
        let seen = tasks.get(&first.id()).unwrap();
        assert_eq!(
            (
                seen.state,
                seen.progress.pages_done,
                seen.progress.pages_total
            ),
            (TaskState::Running, 1, 4)
        );
        assert_eq!(first.id().len(), 32);
        verify.failed("hỏng".into());
        // The server stops while the ingest runs: after a restart it is failed, saying so.
        drop(tasks);
        let tasks = Tasks::open(tmp.path()).unwrap();
        let again = tasks.get(&first.id()).unwrap();
        assert_eq!(again.state, TaskState::Failed);
        assert!(again.error.unwrap().contains("Máy chủ đã dừng"));
        assert_eq!(tasks.list(TaskKind::Verify).len(), 1);
        assert!(tasks.begin(TaskKind::Ingest, "lt", "hop-01").is_ok());
        // Work that panics drops its handle: the task fails, the next one may start.
        let lost = tasks.begin(TaskKind::Verify, "kt", "full").unwrap();
        let id = lost.id();
        drop(lost);
        assert_eq!(tasks.get(&id).unwrap().state, TaskState::Failed);
        assert!(tasks.begin(TaskKind::Verify, "kt", "full").is_ok());
    }

    #[test]
    fn the_eta_follows_the_rate_so_far() {
        assert_eq!(eta(10.0, 0, 10), None);
        assert_eq!(eta(10.0, 5, 10), Some(10));
        assert_eq!(eta(10.0, 10, 10), Some(0));
    }

    #[test]
    fn reports_name_no_server_directory() {
        let paths = vec![(PathBuf::from("/srv/inbox/hop-01"), "hop-01".to_string())];
        let v = without_paths(
            vec!["/srv/inbox/hop-01/hs-a/1.png: bad".to_string()],
            &paths,
        );
        assert_eq!(v, vec!["hop-01/hs-a/1.png: bad".to_string()]);
    }
}
