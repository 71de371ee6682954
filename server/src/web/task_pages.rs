//! The staff's long-running tasks in the browser: an archivist picks a box of the server's
//! inbox and starts its ingest, an auditor starts a full or sampled verification, and both
//! watch their task live and read its report.
//!
//! In: a signed-in [`Visitor`] and their forms (with the session's CSRF token). Out: HTML
//! pages (`/tasks/ingest`, `/tasks/verify`, `/tasks/{id}`); the work is [`crate::tasks`]'s,
//! run in the background through `pipeline`'s gate (`Writer::ingest`, `Writer::verify`,
//! which refuse a principal without the archivist's or the auditor's role; in cluster mode
//! an ingest is enqueued for the workers instead, `crate::cluster_ingest`). A task page
//! polls the task's JSON (`/assets/tasks.js`) and, without script, refreshes itself; a task
//! of another role, like an unknown id, answers 404.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use pipeline::gate::{Principal, Role};
use pipeline::ingest::{IngestOptions, IngestSummary};
use pipeline::verify::{Scope, VerifyReport};

use super::failure::{Answer, Failure};
use super::layout::page_with_head;
use super::pages::{document_link, html_failure};
use super::visitor::{see_other, Visitor};
use super::{blocking, ReadingRoom, State};
use crate::tasks::{InboxBox, Report, Task, TaskKind, TaskState};

/// Seconds between refreshes of an unfinished task's page without script.
const REFRESH_SECONDS: u32 = 5;

/// The largest sample a verification may ask for.
const MAX_SAMPLE: usize = 1_000_000;

/// The inbox's boxes, each marked when the archive holds documents from a box of its name
/// that `who` may see; refused without the archivist's role.
pub(super) fn boxes(room: &ReadingRoom, who: &Principal) -> Result<Vec<InboxBox>, Failure> {
    room.archive
        .writer(who)
        .require(Role::Archivist, "list the boxes to ingest")?;
    let ingested: std::collections::BTreeSet<String> = room
        .archive
        .reader(who)
        .documents()?
        .into_iter()
        .map(|d| d.box_name)
        .collect();
    Ok(room
        .inbox
        .boxes()
        .into_iter()
        .map(|b| InboxBox {
            ingested: ingested.contains(&b.name),
            ..b
        })
        .collect())
}

/// Starts the ingest of inbox box `name` for `visitor`: the id of its task.
pub(super) async fn start_ingest(
    room: &State,
    visitor: &Visitor,
    name: String,
) -> Result<String, Failure> {
    let who = visitor.principal.clone();
    let starter = visitor.account.name.clone();
    let (handle, box_dir) = blocking(room, move |room| {
        room.archive
            .writer(&who)
            .require(Role::Archivist, "ingest boxes")?;
        if !room.inbox.is_configured() {
            return Err(Failure::BadRequest(NO_INBOX.into()));
        }
        let box_dir = room.inbox.find(&name)?;
        // Another process (a `sohoa ingest`) may hold the archive's writer lock; in cluster
        // mode the workers write, and the coordinator keeps a hồ sơ from two jobs at once.
        if room.coordinator.is_none() {
            room.archive
                .lock()
                .map_err(|_| Failure::Conflict(TaskKind::Ingest.busy_message().into()))?;
        }
        let handle = room.tasks.begin(TaskKind::Ingest, &starter, &name)?;
        Ok((handle, box_dir))
    })
    .await?;
    let id = handle.id();
    let room = Arc::clone(room);
    let who = visitor.principal.clone();
    tokio::task::spawn_blocking(move || {
        handle.running();
        let jobs = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let options = IngestOptions {
            jobs,
            languages: "vie".into(),
            actor: String::new(),
            preprocess: pipeline::preprocess::PreprocessOptions::default(),
            word_lists: true,
            reocr: false,
            approval: None,
            codes: archive_schema::CodeSets::tt05_2025(),
            max_pages_per_file: pipeline::ingest::DEFAULT_MAX_PAGES_PER_FILE,
            cluster: None,
        };
        let paths = room.server_paths(Some(&box_dir));
        let ran = match &room.coordinator {
            None => {
                room.archive
                    .writer(&who)
                    .ingest(std::slice::from_ref(&box_dir), &options, &handle)
            }
            Some(coordinator) => crate::cluster_ingest::ingest(
                coordinator,
                &room.archive,
                &box_dir,
                who.actor(),
                &handle,
            )
            .map_err(pipeline::Error::from),
        }
        .and_then(|mut summary| {
            room.archive.reader(&who).hide_from_summary(&mut summary)?;
            Ok(summary)
        });
        // The reading room's index handle sees the ingest's commits from now on.
        if let Err(e) = room.index.reload() {
            tracing::error!("reloading the search index after an ingest: {e}");
        }
        match ran {
            Ok(summary) => {
                let mut summary = crate::tasks::without_paths(summary, &paths);
                summary.report = report_file_name(&summary.report);
                handle.done(Report::Ingest(summary));
            }
            Err(e) => {
                tracing::error!("ingest of {}: {e}", box_dir.display());
                handle.failed(format!(
                    "Lượt nhập dừng vì lỗi: {}",
                    crate::tasks::text_without_paths(&e.to_string(), &paths)
                ));
            }
        }
    });
    Ok(id)
}

/// Starts a verification for `visitor`: of everything, or of the `sample` objects verified
/// longest ago. The id of its task.
pub(super) async fn start_verify(
    room: &State,
    visitor: &Visitor,
    sample: Option<usize>,
) -> Result<String, Failure> {
    let scope = match sample {
        None => Scope::All,
        Some(n) if (1..=MAX_SAMPLE).contains(&n) => Scope::Sample(n),
        Some(_) => {
            return Err(Failure::BadRequest(format!(
                "sample: số đối tượng kiểm tra phải từ 1 đến {MAX_SAMPLE}"
            )))
        }
    };
    let subject = match &scope {
        Scope::Sample(n) => format!("mẫu {n} đối tượng kiểm tra lâu nhất"),
        _ => "toàn bộ kho".to_string(),
    };
    let who = visitor.principal.clone();
    let starter = visitor.account.name.clone();
    let handle = blocking(room, move |room| {
        room.archive
            .writer(&who)
            .require(Role::Auditor, "verify the archive")?;
        Ok(room.tasks.begin(TaskKind::Verify, &starter, &subject)?)
    })
    .await?;
    let id = handle.id();
    let room = Arc::clone(room);
    let who = visitor.principal.clone();
    tokio::task::spawn_blocking(move || {
        handle.running();
        let paths = room.server_paths(None);
        match room.archive.writer(&who).verify(&scope, &handle) {
            Ok(report) => handle.done(Report::Verify(crate::tasks::without_paths(report, &paths))),
            Err(e) => {
                tracing::error!("verification: {e}");
                handle.failed(format!(
                    "Lượt kiểm tra dừng vì lỗi: {}",
                    crate::tasks::text_without_paths(&e.to_string(), &paths)
                ));
            }
        }
    });
    Ok(id)
}

/// Only the file name of the batch report (it is in the archive's `reports/`).
fn report_file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string()
}

/// Task `id` of `kind` (any kind when None) as `visitor` may see it: its starter and those
/// with its kind's role; anyone else, like an unknown id, gets [`Failure::NotFound`]. The
/// report is shown as the visitor's clearance allows.
pub(super) async fn visible_task(
    room: &State,
    visitor: &Visitor,
    kind: Option<TaskKind>,
    id: String,
) -> Result<Task, Failure> {
    let who = visitor.principal.clone();
    let account = visitor.account.name.clone();
    blocking(room, move |room| {
        let task = room
            .tasks
            .get(&id)
            .filter(|t| kind.is_none_or(|k| t.kind == k))
            .filter(|t| t.visible_to(&account, &who))
            .ok_or(Failure::NotFound)?;
        // Live failures name files as discovery saw them (a box's full path).
        let task = shown_to(room, task, &account, &who)?;
        Ok(crate::tasks::without_paths(task, &room.server_paths(None)))
    })
    .await
}

/// `task` with its report as `who` may see it (the starter's is already theirs).
fn shown_to(
    room: &ReadingRoom,
    mut task: Task,
    account: &str,
    who: &Principal,
) -> Result<Task, pipeline::Error> {
    if task.starter == account {
        return Ok(task);
    }
    let reader = room.archive.reader(who);
    task.report = match task.report.take() {
        Some(Report::Ingest(mut summary)) => {
            reader.hide_from_summary(&mut summary)?;
            Some(Report::Ingest(summary))
        }
        Some(Report::Verify(report)) => {
            Some(Report::Verify(reader.hide_from_verify_report(report)?))
        }
        None => None,
    };
    Ok(task)
}

/// What the ingest page says when the server has no inbox.
const NO_INBOX: &str = "box: máy chủ chưa có thư mục nhận hồ sơ. Người quản trị khởi động máy chủ \
                        với `sohoa serve --inbox THƯ_MỤC` (có thể lặp lại): mỗi thư mục con của \
                        THƯ_MỤC là một hộp hồ sơ để nhập.";

impl ReadingRoom {
    /// The server's directories a report or an error might name, with what to say instead:
    /// the box's directory (its name), the inboxes and the archive's (nothing).
    fn server_paths(&self, box_dir: Option<&std::path::Path>) -> Vec<(PathBuf, String)> {
        let mut paths = Vec::new();
        if let Some(dir) = box_dir {
            let name = dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            if let Ok(real) = dir.canonicalize() {
                paths.push((real, name.clone()));
            }
            paths.push((dir.to_path_buf(), name));
        }
        for dir in self.inbox.dirs() {
            if let Ok(real) = dir.canonicalize() {
                paths.push((real, "(thư mục nhận hồ sơ)".into()));
            }
            paths.push((dir.clone(), "(thư mục nhận hồ sơ)".into()));
        }
        if let Ok(real) = self.archive_dir.canonicalize() {
            paths.push((real, "(kho)".into()));
        }
        paths.push((self.archive_dir.clone(), "(kho)".into()));
        // Longest first, so a box's directory is not cut at its inbox.
        paths.sort_by_key(|(p, _)| std::cmp::Reverse(p.as_os_str().len()));
        paths
    }
}

/// A submitted form's pairs, once its CSRF token is the session's.
fn checked_form(visitor: &Visitor, body: &str) -> Result<Vec<(String, String)>, Failure> {
    let form = serde_urlencoded::from_str::<Vec<(String, String)>>(body)
        .map_err(|_| Failure::BadRequest("Biểu mẫu không đọc được.".into()))?;
    let csrf = field(&form, "csrf").unwrap_or_default();
    visitor.check_csrf(&csrf)?;
    Ok(form)
}

fn field(form: &[(String, String)], name: &str) -> Option<String> {
    form.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
}

/// `GET /tasks/ingest`: the boxes of the inbox, the form to start an ingest, the latest.
pub async fn ingest_page(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Markup, Answer> {
    let who = visitor.principal.clone();
    let account = visitor.account.name.clone();
    let (boxes, recent, configured) = blocking(&room, move |room| {
        let boxes = boxes(room, &who)?;
        let recent = recent(room, TaskKind::Ingest, &account, &who);
        Ok((boxes, recent, room.inbox.is_configured()))
    })
    .await
    .map_err(html_failure)?;
    let csrf = visitor.csrf.clone().unwrap_or_default();
    Ok(page_with_head(
        "Nhập hộp hồ sơ",
        Some(&visitor),
        &html! {},
        &html! {
            h1 { "Nhập hộp hồ sơ từ thư mục nhận hồ sơ" }
            @if !configured {
                p.message id="no-inbox" { (NO_INBOX.trim_start_matches("box: ")) }
            } @else if boxes.is_empty() {
                p.message { "Thư mục nhận hồ sơ chưa có hộp nào." }
            } @else {
                form.task method="post" action="/tasks/ingest" {
                    input type="hidden" name="csrf" value=(csrf);
                    table.requests id="boxes" {
                        tr { th { "Hộp" } th { "Số tệp" } th { "Đã nhập?" } }
                        @for b in &boxes {
                            tr data-box=(b.name) {
                                td { label { input type="radio" name="box" value=(b.name) required; " " (b.name) } }
                                td { (b.files) }
                                td { @if b.ingested { "Đã có tài liệu trong kho (nhập lại chỉ làm những trang chưa có)" } @else { "Chưa" } }
                            }
                        }
                    }
                    p { button type="submit" id="start-ingest" { "Bắt đầu nhập" } }
                }
            }
            (recent_tasks(&recent))
        },
    ))
}

/// `POST /tasks/ingest`: starts the ingest of the chosen box, then shows its task.
pub async fn start_ingest_form(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let started = async {
        let form = checked_form(&visitor, &body)?;
        start_ingest(&room, &visitor, field(&form, "box").unwrap_or_default()).await
    }
    .await;
    to_task_page(started)
}

/// `GET /tasks/verify`: the form to start a verification, the latest.
pub async fn verify_page(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Markup, Answer> {
    let who = visitor.principal.clone();
    let account = visitor.account.name.clone();
    let recent = blocking(&room, move |room| {
        room.archive
            .writer(&who)
            .require(Role::Auditor, "verify the archive")?;
        Ok(recent(room, TaskKind::Verify, &account, &who))
    })
    .await
    .map_err(html_failure)?;
    let csrf = visitor.csrf.clone().unwrap_or_default();
    Ok(page_with_head(
        "Kiểm tra toàn vẹn",
        Some(&visitor),
        &html! {},
        &html! {
            h1 { "Kiểm tra toàn vẹn kho" }
            p { "Mỗi tệp lưu trữ được băm lại và so với mã băm đã ghi; lượt kiểm tra được ghi vào nhật ký kiểm toán." }
            form.task method="post" action="/tasks/verify" {
                input type="hidden" name="csrf" value=(csrf);
                p { label { input type="radio" name="scope" value="full" checked; " Toàn bộ kho" } }
                p { label { input type="radio" name="scope" value="sample" id="scope-sample"; " Mẫu: " }
                    label { input type="number" name="sample" min="1" value="10" id="sample"; " đối tượng kiểm tra lâu nhất (chưa kiểm tra trước)" } }
                p { button type="submit" id="start-verify" { "Bắt đầu kiểm tra" } }
            }
            (recent_tasks(&recent))
        },
    ))
}

/// `POST /tasks/verify`: starts a verification (`scope` full or sample, `sample` N).
pub async fn start_verify_form(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let started = async {
        let form = checked_form(&visitor, &body)?;
        let sample = match field(&form, "scope").as_deref() {
            None | Some("full") => None,
            Some("sample") => Some(parse_sample(&field(&form, "sample").unwrap_or_default())?),
            Some(other) => {
                return Err(Failure::BadRequest(format!(
                    "scope: {other:?} không phải phạm vi kiểm tra (full — toàn bộ, sample — mẫu)"
                )))
            }
        };
        start_verify(&room, &visitor, sample).await
    }
    .await;
    to_task_page(started)
}

/// To the page of the task just started, or the failure to start it.
fn to_task_page(started: Result<String, Failure>) -> Response {
    match started {
        Ok(id) => see_other(&format!("/tasks/{id}"), None),
        Err(f) => html_failure(f).into_response(),
    }
}

/// The tasks of `kind` that `who` (account `account`) may see, the latest first.
fn recent(room: &ReadingRoom, kind: TaskKind, account: &str, who: &Principal) -> Vec<Task> {
    room.tasks
        .list(kind)
        .into_iter()
        .filter(|t| t.visible_to(account, who))
        .collect()
}

/// A sample size from a form.
fn parse_sample(text: &str) -> Result<usize, Failure> {
    text.trim().parse::<usize>().map_err(|_| {
        Failure::BadRequest(format!(
            "sample: {text:?} không phải số đối tượng (một số nguyên dương)"
        ))
    })
}

/// `GET /tasks/{id}`: a task's progress (live) and, once done, its report.
pub async fn task_page(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Markup, Answer> {
    let task = visible_task(&room, &visitor, None, id)
        .await
        .map_err(html_failure)?;
    let finished = task.state.is_finished();
    let api = format!("{}/{}", api_collection(task.kind), task.id);
    let refresh = REFRESH_SECONDS.to_string();
    Ok(page_with_head(
        task.kind.vietnamese(),
        Some(&visitor),
        &html! {
            @if !finished { noscript { meta http-equiv="refresh" content=(refresh); } }
        },
        &html! {
            h1 { (task.kind.vietnamese()) ": " (task.subject) }
            section #task data-api=(api) data-finished=(finished) {
                p { "Trạng thái: " strong #task-state class=(format!("state state-{}", state_key(task.state))) { (task.state.vietnamese()) }
                    " — bắt đầu " (task.started) " bởi " (task.starter)
                    @if let Some(f) = &task.finished { ", kết thúc " (f) } }
                (progress(&task))
                @if let Some(e) = &task.error { p.message #task-error { (e) } }
            }
            @match &task.report {
                Some(Report::Ingest(s)) => (ingest_report(s)),
                Some(Report::Verify(r)) => (verify_report(r)),
                None => {},
            }
            p { a href=(match task.kind { TaskKind::Ingest => "/tasks/ingest", TaskKind::Verify => "/tasks/verify" }) { "Các lượt khác" } }
            script src="/assets/tasks.js" defer {}
        },
    ))
}

/// The API collection of a kind's tasks.
pub(super) fn api_collection(kind: TaskKind) -> &'static str {
    match kind {
        TaskKind::Ingest => "/api/v1/ingests",
        TaskKind::Verify => "/api/v1/verifications",
    }
}

fn state_key(state: TaskState) -> &'static str {
    match state {
        TaskState::Queued => "queued",
        TaskState::Running => "running",
        TaskState::Done => "done",
        TaskState::Failed => "failed",
    }
}

/// Seconds as the page shows them (`tasks.js` writes the same).
fn duration(seconds: u64) -> String {
    if seconds < 60 {
        format!("{seconds} giây")
    } else if seconds < 3600 {
        format!("{} phút {} giây", seconds / 60, seconds % 60)
    } else {
        format!("{} giờ {} phút", seconds / 3600, seconds % 3600 / 60)
    }
}

fn progress(task: &Task) -> Markup {
    let p = &task.progress;
    let eta = p.eta_seconds.map_or_else(|| "—".into(), duration);
    html! {
        @match task.kind {
            TaskKind::Ingest => {
                p #progress {
                    "Trang đã xử lý: " span data-progress="pages_done" { (p.pages_done) } " / " span data-progress="pages_total" { (p.pages_total) }
                    " · Còn khoảng: " span data-progress="eta" { (eta) }
                    " · Trang lỗi: " span data-progress="failures" { (p.failures.len() as u64 + p.failures_not_listed) }
                    " · Trang bị giữ lại (độ mật): " span data-progress="withheld" { (p.withheld) }
                }
                @if !p.failures.is_empty() && task.report.is_none() {
                    ul #live-failures { @for f in &p.failures {
                        li { (f.source_file) @if let Some(n) = f.source_page { " trang " (n) } ": " (f.error) }
                    } }
                }
            }
            TaskKind::Verify => {
                p #progress {
                    "Đối tượng đã kiểm tra: " span data-progress="objects_done" { (p.objects_done) } " / " span data-progress="objects_total" { (p.objects_total) }
                    " · Dữ liệu đã băm: " span data-progress="bytes_done" { (p.bytes_done) } " / " span data-progress="bytes_total" { (p.bytes_total) } " byte"
                    " · Còn khoảng: " span data-progress="eta" { (eta) }
                    " · Hư hỏng phát hiện: " span data-progress="damage" { (p.damage) }
                }
            }
        }
    }
}

fn recent_tasks(tasks: &[Task]) -> Markup {
    html! {
        @if !tasks.is_empty() {
            h2 { "Các lượt gần đây" }
            table.requests #tasks {
                tr { th { "Bắt đầu" } th { "Việc" } th { "Người chạy" } th { "Trạng thái" } }
                @for t in tasks {
                    tr {
                        td { a href=(format!("/tasks/{}", t.id)) { (t.started) } }
                        td { (t.subject) }
                        td { (t.starter) }
                        td class=(format!("state state-{}", state_key(t.state))) { (t.state.vietnamese()) }
                    }
                }
            }
        }
    }
}

fn ingest_report(s: &IngestSummary) -> Markup {
    html! {
        section #task-report {
            h2 { "Báo cáo lượt nhập" }
            p { (s.pages_total) " trang: " (s.pages_ok) " đã lưu (" (s.pages_recognised) " nhận dạng mới, "
                (s.pages_reused) " đã có), " (s.pages_failed) " lỗi, " (s.pages_withheld) " bị giữ lại." }
            p { "Hồ sơ: " (s.objects_created) " mới, " (s.objects_updated) " phiên bản mới, "
                (s.objects_unchanged) " không đổi; " (s.documents.len()) " tài liệu." }
            @if s.documents_to_review > 0 {
                p.message { (s.documents_to_review) " tài liệu cần rà soát." }
            }
            @if !s.documents.is_empty() {
                ul #report-documents { @for id in &s.documents {
                    li { a href=(document_link(id, None, None)) { (id) } }
                } }
            }
            @if !s.failures.is_empty() {
                h3 { "Trang lỗi" }
                table.requests #report-failures {
                    tr { th { "Tệp" } th { "Trang" } th { "Lỗi" } }
                    @for f in &s.failures {
                        tr { td { (f.box_name) "/" (f.source_file) } td { @if let Some(n) = f.source_page { (n) } } td { (f.error) } }
                    }
                }
            }
            @if !s.withheld.is_empty() {
                h3 { "Trang bị giữ lại theo độ mật (không lưu nội dung)" }
                table.requests #report-withheld {
                    tr { th { "Hồ sơ" } th { "Tệp" } th { "Trang" } th { "Lý do" } }
                    @for w in &s.withheld {
                        tr { td { (w.hoso) } td { (w.source_file) } td { (w.source_page) } td { (w.reason) } }
                    }
                }
            }
            @if !s.warnings.is_empty() {
                h3 { "Cảnh báo" }
                ul { @for w in &s.warnings { li { (w) } } }
            }
            p { "Báo cáo chi tiết trong kho: reports/" (s.report) }
        }
    }
}

fn verify_report(r: &VerifyReport) -> Markup {
    let damage = r.missing.len() + r.corrupted.len() + r.unexpected.len();
    html! {
        section #task-report {
            h2 { "Báo cáo kiểm tra" }
            p #verify-outcome .state.(if r.ok { "state-approved" } else { "state-refused" }) {
                @if r.ok { "Toàn vẹn: không phát hiện hư hỏng." } @else { "Phát hiện hư hỏng." }
            }
            p { "Phạm vi: " (scope_label(&r.scope)) ". Đã kiểm tra " (r.objects_checked) " / " (r.objects_in_archive)
                " đối tượng, " (r.files_checked) " tệp, " (r.bytes_checked) " byte." }
            p { "Đầu chuỗi nhật ký kiểm toán: " code #audit-head { (r.audit_head) }
                @if r.audit_chain_ok { " (chuỗi nguyên vẹn)" } @else { " (chuỗi bị phá vỡ)" } }
            @if damage > 0 {
                h3 { "Tệp hư hỏng" }
                ul #report-damage {
                    @for m in &r.missing { li { "Thiếu: " (m) } }
                    @for c in &r.corrupted { li { "Sai mã băm: " (c.path) } }
                    @for u in &r.unexpected { li { "Tệp lạ: " (u) } }
                }
            }
            @if !r.audit_mismatches.is_empty() {
                h3 { "Không khớp nhật ký kiểm toán" }
                ul { @for m in &r.audit_mismatches { li { (m.message) } } }
            }
            @if !r.index_mismatches.is_empty() {
                h3 { "Không khớp chỉ mục" }
                ul { @for m in &r.index_mismatches { li { (m.message) } } }
            }
            @if !r.warnings.is_empty() {
                h3 { "Cảnh báo" }
                ul { @for w in &r.warnings { li { (w) } } }
            }
            @if !r.not_named.is_empty() {
                p.message { "Có " (r.not_named.findings()) " phát hiện và " (r.not_named.objects)
                    " đối tượng không được nêu tên vì vượt quá mức tiếp cận của bạn (vẫn được tính ở trên)." }
            }
        }
    }
}

/// A verification's scope (`full`, `sample of N`, `changed since T`) in Vietnamese.
fn scope_label(scope: &str) -> String {
    if scope == "full" {
        "toàn bộ kho".into()
    } else if let Some(n) = scope.strip_prefix("sample of ") {
        format!("mẫu {n} đối tượng kiểm tra lâu nhất")
    } else if let Some(t) = scope.strip_prefix("changed since ") {
        format!("các đối tượng thay đổi từ {t}")
    } else {
        scope.to_string()
    }
}

/// The script of a task page (polls the task's JSON; the page works without it).
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("assets/tasks.js"),
    )
}
