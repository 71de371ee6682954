//! The auditor's pages: the fixity status of every hồ sơ object their clearance covers
//! (never-verified first, filtered by state, each object's verification runs), the audit
//! chain's head (record it, check a head recorded earlier), and the audit log and the access
//! log browsed with filters, newest first, exported as CSV or NDJSON.
//!
//! In: a signed-in [`Visitor`]'s requests (the record form carries the session's CSRF
//! token). Out: HTML; every reading is the gate's ([`pipeline::gate::Reader::fixity`],
//! `chain_head`, `check_chain`, `audit_log`, `access_log`) and the recording its writer's
//! (`record_chain_head`), which refuse other roles (403). A wrong parameter answers 400
//! naming it; an object the auditor may not be told of answers like an unknown id.

use axum::extract::{Path, RawQuery};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use pipeline::gate::{AuditFilter, ChainHead, FixityState, ObjectFixity, CHAIN_HEAD_ACTION};
use pipeline::store::audit::{AuditCheck, AuditEntry};
use pipeline::verify::ObjectCheck;

use super::audit_params::{newest_first, Format, LogQuery};
use super::failure::{Answer, Failure};
use super::layout::page;
use super::pages::html_failure;
use super::visitor::{see_other, Visitor};
use super::{blocking, State};

/// Which log a page browses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Log {
    /// The hash-chained audit log.
    Audit,
    /// The page views of the access log chained to it.
    Access,
}

impl Log {
    fn title(self) -> &'static str {
        match self {
            Log::Audit => "Nhật ký kiểm tra",
            Log::Access => "Nhật ký truy cập",
        }
    }

    fn page_path(self) -> &'static str {
        match self {
            Log::Audit => "/audit/log",
            Log::Access => "/audit/access",
        }
    }

    pub fn api_path(self) -> &'static str {
        match self {
            Log::Audit => "/api/v1/audit/log",
            Log::Access => "/api/v1/audit/access",
        }
    }

    /// The download's file name.
    pub fn file_stem(self) -> &'static str {
        match self {
            Log::Audit => "nhat-ky-kiem-tra",
            Log::Access => "nhat-ky-truy-cap",
        }
    }

    /// The entries of this log `who` may see, filtered.
    pub fn read(
        self,
        room: &super::ReadingRoom,
        who: &pipeline::gate::Principal,
        filter: &AuditFilter,
    ) -> pipeline::Result<Vec<AuditEntry>> {
        let reader = room.archive.reader(who);
        match self {
            Log::Audit => reader.audit_log(filter),
            Log::Access => reader.access_log(filter),
        }
    }
}

/// The `state` filter of the fixity list: None for every state.
pub fn state_filter(value: Option<&str>) -> Result<Option<FixityState>, Failure> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => FixityState::from_key(v).map(Some).ok_or_else(|| {
            Failure::BadRequest(format!(
                "Tham số state phải là never-verified, intact hoặc damaged (nhận được {v:?})."
            ))
        }),
    }
}

/// The `state` parameter of a query string, checked: the only parameter the fixity list takes.
pub fn fixity_query(query: Option<&str>) -> Result<Option<FixityState>, Failure> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or(""))
        .map_err(|_| Failure::BadRequest("Chuỗi tham số không đọc được.".into()))?;
    if let Some((name, _)) = pairs.iter().find(|(n, _)| n != "state") {
        return Err(Failure::BadRequest(format!(
            "Tham số {name:?} không được hỗ trợ; chỉ có tham số state."
        )));
    }
    state_filter(pairs.first().map(|(_, v)| v.as_str()))
}

/// The objects of `all` in `state` (all of them for None), in their order.
pub fn in_state(all: Vec<ObjectFixity>, state: Option<FixityState>) -> Vec<ObjectFixity> {
    all.into_iter()
        .filter(|o| state.is_none_or(|s| o.state == s))
        .collect()
}

/// A head given to check: 64 hexadecimal digits.
pub fn head_param(value: &str) -> Result<String, Failure> {
    let v = value.trim();
    if v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(Failure::BadRequest(format!(
            "Tham số head phải là mã băm SHA-256 của một đỉnh chuỗi: 64 chữ số thập lục phân \
             (nhận được {} ký tự).",
            v.chars().count()
        )))
    }
}

fn audit_nav() -> Markup {
    html! {
        nav.audit {
            a href="/audit/fixity" { "Tình trạng toàn vẹn" }
            a href="/audit/head" id="audit-head-nav" { "Đỉnh chuỗi nhật ký" }
            a href="/audit/log" { "Nhật ký kiểm tra" }
            a href="/audit/access" id="audit-access-nav" { "Nhật ký truy cập" }
            a href="/tasks/verify" { "Chạy kiểm tra toàn vẹn" }
        }
    }
}

fn check_label(c: &ObjectCheck) -> Markup {
    html! { (c.time) " — " (c.actor) " (" (scope_label(&c.scope)) ")" }
}

fn scope_label(scope: &str) -> String {
    if scope == "full" {
        "toàn bộ".into()
    } else if let Some(n) = scope.strip_prefix("sample of ") {
        format!("mẫu {n} hồ sơ")
    } else if let Some(t) = scope.strip_prefix("changed since ") {
        format!("thay đổi từ {t}")
    } else {
        scope.to_string()
    }
}

/// `GET /audit/fixity[?state=…]`.
pub async fn fixity(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Markup, Answer> {
    let state = fixity_query(query.as_deref()).map_err(html_failure)?;
    let who = visitor.principal.clone();
    let all = blocking(&room, move |room| Ok(room.archive.reader(&who).fixity()?))
        .await
        .map_err(html_failure)?;
    let total = all.len();
    let shown = in_state(all, state);
    let states = [
        FixityState::NeverVerified,
        FixityState::Intact,
        FixityState::Damaged,
    ];
    Ok(page(
        "Tình trạng toàn vẹn",
        Some(&visitor),
        &html! {
            (audit_nav())
            h1 { "Tình trạng toàn vẹn của hồ sơ" }
            p { "Lần kiểm tra gần nhất của từng hồ sơ (theo nhật ký kiểm tra); hồ sơ chưa kiểm tra lần nào đứng đầu, rồi đến hồ sơ kiểm tra lâu nhất." }
            form.filters method="get" action="/audit/fixity" {
                label { "Trạng thái: "
                    select name="state" {
                        option value="" selected[state.is_none()] { "Tất cả" }
                        @for s in states {
                            option value=(s.key()) selected[state == Some(s)] { (s.vietnamese()) }
                        }
                    }
                }
                " " button type="submit" { "Lọc" }
            }
            p id="fixity-count" { (shown.len()) " / " (total) " hồ sơ" }
            table.record id="fixity" {
                tr { th { "Hộp" } th { "Hồ sơ" } th { "Tài liệu" } th { "Trạng thái" } th { "Kiểm tra lần cuối" } }
                @for o in &shown {
                    tr data-object=(o.object) {
                        td { (o.box_name) }
                        td { a href=(format!("/audit/fixity/{}", o.object)) { (o.hoso) } }
                        td { (o.documents) }
                        td class=(format!("fixity-{}", o.state.key())) { (o.state.vietnamese()) }
                        td { @if let Some(c) = &o.last_verified { (check_label(c)) } @else { "—" } }
                    }
                }
            }
        },
    ))
}

/// `GET /audit/fixity/{object}`.
pub async fn object_fixity(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Markup, Answer> {
    let who = visitor.principal.clone();
    let (o, runs) = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).object_fixity(&id)?)
    })
    .await
    .map_err(html_failure)?;
    Ok(page(
        "Tình trạng toàn vẹn",
        Some(&visitor),
        &html! {
            (audit_nav())
            h1 { "Hồ sơ " (o.hoso) }
            table.record {
                tr { th { "Mã hồ sơ (đối tượng)" } td { code { (o.object) } } }
                tr { th { "Hộp" } td { (o.box_name) } }
                tr { th { "Tài liệu" } td { (o.documents) } }
                tr { th { "Trạng thái" } td id="fixity-state" class=(format!("fixity-{}", o.state.key())) { (o.state.vietnamese()) } }
            }
            h2 { "Các lần kiểm tra" }
            @if runs.is_empty() { p { "Hồ sơ này chưa được kiểm tra lần nào." } }
            @else {
                table.record id="fixity-runs" {
                    tr { th { "Mục nhật ký" } th { "Thời gian" } th { "Người kiểm tra" } th { "Phạm vi" } th { "Kết quả" } }
                    @for c in runs.iter().rev() {
                        tr {
                            td { (c.seq) } td { (c.time) } td { (c.actor) } td { (scope_label(&c.scope)) }
                            td class=(if c.intact { "fixity-intact" } else { "fixity-damaged" }) {
                                (if c.intact { "toàn vẹn" } else { "hư hỏng" })
                            }
                        }
                    }
                }
            }
            p { a href=(format!("/audit/log?object={}", o.object)) { "Nhật ký kiểm tra của hồ sơ này" } }
        },
    ))
}

/// What the chain head page shows.
struct HeadView {
    head: ChainHead,
    recorded: Vec<AuditEntry>,
    check: Option<(String, AuditCheck)>,
}

/// `GET /audit/head[?head=HASH]`: the chain head, the heads recorded, and (with `head`) the
/// check of the chain against it.
pub async fn head(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Markup, Answer> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.as_deref().unwrap_or(""))
        .map_err(|_| {
        html_failure(Failure::BadRequest("Chuỗi tham số không đọc được.".into()))
    })?;
    let mut asked = None;
    for (name, value) in &pairs {
        match name.as_str() {
            "head" if !value.trim().is_empty() => {
                asked = Some(head_param(value).map_err(html_failure)?);
            }
            "head" | "recorded" => {}
            other => {
                return Err(html_failure(Failure::BadRequest(format!(
                    "Tham số {other:?} không được hỗ trợ; chỉ có tham số head."
                ))))
            }
        }
    }
    let who = visitor.principal.clone();
    let view = blocking(&room, move |room| {
        let reader = room.archive.reader(&who);
        let head = reader.chain_head()?;
        let recorded = reader.audit_log(&AuditFilter {
            action: Some(CHAIN_HEAD_ACTION.to_string()),
            ..AuditFilter::default()
        })?;
        let check = match asked {
            Some(h) => Some((h.clone(), reader.check_chain(Some(&h))?)),
            None => None,
        };
        Ok(HeadView {
            head,
            recorded,
            check,
        })
    })
    .await
    .map_err(html_failure)?;
    let csrf = visitor.csrf.clone().unwrap_or_default();
    Ok(page(
        "Đỉnh chuỗi nhật ký",
        Some(&visitor),
        &html! {
            (audit_nav())
            h1 { "Đỉnh chuỗi nhật ký kiểm tra" }
            table.record id="chain-head" {
                tr { th { "Mã băm đỉnh chuỗi" } td { code.hash id="head-hash" { (view.head.hash) } } }
                tr { th { "Số mục" } td id="head-entries" { (view.head.entries) } }
                tr { th { "Mục cuối ghi lúc" } td { (view.head.time.as_deref().unwrap_or("—")) } }
            }
            form method="post" action="/audit/head" {
                input type="hidden" name="csrf" value=(csrf);
                p { "Ghi nhận đỉnh chuỗi hiện tại vào nhật ký (và chép mã băm ra ngoài kho lưu trữ), để sau này chứng minh nhật ký vẫn nối tiếp nó. "
                    button type="submit" id="record-head" { "Ghi nhận đỉnh chuỗi" } }
            }
            h2 { "Kiểm tra một đỉnh chuỗi đã ghi nhận" }
            form method="get" action="/audit/head" id="check-head" {
                label { "Mã băm: " input type="text" name="head" size="70" value=(view.check.as_ref().map_or("", |c| c.0.as_str())); }
                " " button type="submit" { "Kiểm tra" }
            }
            @if let Some((asked, check)) = &view.check { (check_result(asked, check)) }
            h2 { "Các đỉnh chuỗi đã ghi nhận" }
            @if view.recorded.is_empty() { p { "Chưa ghi nhận đỉnh chuỗi nào." } }
            @else {
                table.record id="recorded-heads" {
                    tr { th { "Thời gian" } th { "Người ghi nhận" } th { "Số mục" } th { "Mã băm đỉnh chuỗi" } }
                    @for e in view.recorded.iter().rev() {
                        tr {
                            td { (e.time) } td { (e.actor) }
                            td { (e.detail["entries"].as_u64().unwrap_or(0)) }
                            td { code.hash.recorded-head { (e.detail["head"].as_str().unwrap_or("")) } }
                        }
                    }
                }
            }
        },
    ))
}

fn check_result(asked: &str, check: &AuditCheck) -> Markup {
    let extends = check.extends_head == Some(true);
    html! {
        div.message id="check-result" data-ok=(if check.ok { "true" } else { "false" }) {
            @if check.ok && extends {
                p { strong { "Chuỗi nhật ký nguyên vẹn và nối tiếp đỉnh " code.hash { (asked) } "." } }
            } @else {
                p { strong.error {
                    @if extends { "Đỉnh " code.hash { (asked) } " vẫn có trong nhật ký, nhưng chuỗi bị hỏng." }
                    @else { "Nhật ký KHÔNG còn chứa đỉnh " code.hash { (asked) } ": nhật ký đã bị cắt hoặc viết lại." }
                } }
                ul { @for p in &check.problems { li { (p) } } }
            }
            p { (check.entries) " mục; đỉnh hiện tại " code.hash { (check.head) } }
        }
    }
}

/// `POST /audit/head`: records the chain head.
pub async fn record_head(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let csrf = form
        .iter()
        .find(|(n, _)| n == "csrf")
        .map_or("", |(_, v)| v.as_str());
    if let Err(f) = visitor.check_csrf(csrf) {
        return html_failure(f).into_response();
    }
    let who = visitor.principal.clone();
    match blocking(&room, move |room| {
        Ok(room.archive.writer(&who).record_chain_head()?)
    })
    .await
    {
        Ok(_) => see_other("/audit/head?recorded=1", None),
        Err(f) => html_failure(f).into_response(),
    }
}

/// `GET /audit/log` and `GET /audit/access`: the entries, filtered, newest first.
async fn log_page(
    room: State,
    visitor: Visitor,
    log: Log,
    query: Option<String>,
) -> Result<Response, Answer> {
    let q = LogQuery::parse(query.as_deref().unwrap_or("")).map_err(html_failure)?;
    if q.format != Format::Page {
        // Exports are the API's.
        let to = q.link(log.api_path(), &[("format", format_key(q.format).into())]);
        return Ok(see_other(&to, None));
    }
    let who = visitor.principal.clone();
    let filter = q.filter.clone();
    let entries = blocking(&room, move |room| Ok(log.read(room, &who, &filter)?))
        .await
        .map_err(html_failure)?;
    let (total, shown) = newest_first(entries, q.offset, q.limit);
    Ok(page(
        log.title(),
        Some(&visitor),
        &log_body(log, &q, total, &shown),
    )
    .into_response())
}

fn format_key(f: Format) -> &'static str {
    match f {
        Format::Csv => "csv",
        Format::Ndjson => "ndjson",
        Format::Page => "json",
    }
}

fn log_body(log: Log, q: &LogQuery, total: usize, shown: &[AuditEntry]) -> Markup {
    let input = |name: &str, label: &str, kind: &str| {
        html! { label { (label) " " input type=(kind) name=(name) value=(q.given(name)); } " " }
    };
    let end = (q.offset + shown.len()).min(total);
    html! {
        (audit_nav())
        h1 { (log.title()) }
        form.filters method="get" action=(log.page_path()) id="log-filter" {
            (input("actor", "Người thực hiện", "text"))
            (input("document", "Mã tài liệu", "text"))
            (input("action", "Thao tác", "text"))
            (input("from", "Từ ngày", "date"))
            (input("to", "Đến ngày", "date"))
            button type="submit" { "Lọc" }
            " " a href=(log.page_path()) { "Bỏ lọc" }
        }
        p.hint { "Ngày theo giờ UTC. Mới nhất trước." }
        p id="log-count" {
            @if total == 0 { "Không có mục nào." }
            @else { "Mục " (q.offset.min(total) + 1) "–" (end) " / " (total) }
        }
        p.exports {
            "Tải về kết quả lọc: "
            a id="export-csv" download href=(q.link(log.api_path(), &[("format", "csv".into())])) { "CSV" }
            " · "
            a id="export-ndjson" download href=(q.link(log.api_path(), &[("format", "ndjson".into())])) { "NDJSON" }
        }
        table.record id="log" {
            tr { th { "Số" } th { "Thời gian" } th { "Người thực hiện" } th { "Thao tác" } th { "Hồ sơ" } th { "Chi tiết" } }
            @for e in shown {
                tr data-seq=(e.seq) {
                    td { (e.seq) } td { (e.time) } td.actor { (e.actor) } td.action { (e.action) }
                    td { @if let Some(o) = &e.object { a href=(format!("/audit/fixity/{o}")) { code { (o) } } } }
                    td { code { (e.detail) } }
                }
            }
        }
        nav.pager {
            @if q.offset > 0 {
                a rel="prev" href=(q.link(log.page_path(), &[("offset", q.offset.saturating_sub(q.limit).to_string()), ("limit", q.limit.to_string())])) { "« Mới hơn" }
            }
            @if end < total {
                a rel="next" href=(q.link(log.page_path(), &[("offset", end.to_string()), ("limit", q.limit.to_string())])) { "Cũ hơn »" }
            }
        }
    }
}

/// `GET /audit/log`.
pub async fn audit_log(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Response, Answer> {
    log_page(room, visitor, Log::Audit, query).await
}

/// `GET /audit/access`.
pub async fn access_log(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Response, Answer> {
    log_page(room, visitor, Log::Access, query).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixity(object: &str, state: FixityState) -> ObjectFixity {
        ObjectFixity {
            object: object.into(),
            hoso: object.into(),
            box_name: "hop".into(),
            documents: 1,
            state,
            last_verified: None,
        }
    }

    #[test]
    fn the_fixity_list_filters_by_state_and_names_a_wrong_one() {
        let all = vec![
            fixity("A", FixityState::NeverVerified),
            fixity("B", FixityState::Intact),
            fixity("C", FixityState::Damaged),
            fixity("D", FixityState::Intact),
        ];
        let ids = |v: Vec<ObjectFixity>| v.into_iter().map(|o| o.object).collect::<Vec<_>>();
        assert_eq!(ids(in_state(all.clone(), None)), ["A", "B", "C", "D"]);
        let intact = fixity_query(Some("state=intact")).unwrap();
        assert_eq!(ids(in_state(all.clone(), intact)), ["B", "D"]);
        assert_eq!(fixity_query(Some("state=")).unwrap(), None);
        for bad in ["state=ok", "trang-thai=intact"] {
            let Err(Failure::BadRequest(m)) = fixity_query(Some(bad)) else {
                panic!("{bad} accepted")
            };
            assert!(m.contains("state") || m.contains("trang-thai"), "{m}");
        }
    }

    #[test]
    fn a_head_to_check_is_a_sha256() {
        let h = "AB".repeat(32);
        assert_eq!(head_param(&format!(" {h} ")).unwrap(), "ab".repeat(32));
        for bad in ["", "abc", &"g".repeat(64), &"a".repeat(65)] {
            let Err(Failure::BadRequest(m)) = head_param(bad) else {
                panic!("{bad} accepted")
            };
            assert!(m.contains("head"), "{m}");
        }
    }
}
