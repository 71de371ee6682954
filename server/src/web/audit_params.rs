//! The filters of the auditor's log pages and of `GET /api/v1/audit/log` and
//! `GET /api/v1/audit/access`, their paging (newest first) and their exports.
//!
//! In: a query string (`actor`, `document`, `object`, `action`, `from`, `to` — days,
//! `YYYY-MM-DD`, UTC —, `limit`, `offset`, `format`). Out: an [`AuditFilter`] for the gate,
//! the page asked for, or the whole filtered result as CSV (RFC 4180, UTF-8 with a byte order
//! mark so spreadsheets read Vietnamese) or NDJSON; a wrong, repeated or unknown parameter is a
//! [`Failure::BadRequest`] naming it.

use chrono::NaiveDate;
use pipeline::gate::AuditFilter;
use pipeline::store::audit::AuditEntry;

use super::failure::Failure;

/// Entries per page unless `limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;
/// Most entries per page.
pub const MAX_LIMIT: usize = 500;
/// Longest `actor`, `document`, `object` or `action` accepted, in characters.
const MAX_TEXT: usize = 100;

/// The parameters a log query may hold.
const NAMES: [&str; 9] = [
    "actor", "document", "object", "action", "from", "to", "limit", "offset", "format",
];

/// How the answer is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A page of entries (HTML on the pages, JSON in the API).
    Page,
    /// The whole filtered result, one CSV row per entry.
    Csv,
    /// The whole filtered result, one JSON entry per line.
    Ndjson,
}

/// A validated log query.
#[derive(Debug, Clone)]
pub struct LogQuery {
    pub filter: AuditFilter,
    pub offset: usize,
    pub limit: usize,
    pub format: Format,
    /// The filter parameters as given (non-empty ones), for links to other pages and exports.
    given: Vec<(String, String)>,
}

fn bad(message: String) -> Failure {
    Failure::BadRequest(message)
}

/// `value` as a word of letters, digits, `-`, `_`, `.` and `@` (account names, ids, actions).
fn word(name: &str, value: &str) -> Result<String, Failure> {
    let ok = value.chars().count() <= MAX_TEXT
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '@'));
    if ok {
        Ok(value.to_string())
    } else {
        Err(bad(format!(
            "Tham số {name} chỉ gồm chữ, số và các dấu - _ . @, tối đa {MAX_TEXT} ký tự \
             (nhận được {value:?})."
        )))
    }
}

fn day(name: &str, value: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .ok_or_else(|| {
            bad(format!(
                "Tham số {name} phải là một ngày dạng NNNN-TT-NN, ví dụ 2026-12-04 \
                 (nhận được {value:?})."
            ))
        })
}

fn number(name: &str, value: &str, min: usize, max: usize) -> Result<usize, Failure> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            bad(format!(
                "Tham số {name} phải là một số từ {min} đến {max} (nhận được {value:?})."
            ))
        })
}

impl LogQuery {
    /// The query `text` (a raw query string) asks for.
    pub fn parse(text: &str) -> Result<LogQuery, Failure> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(text)
            .map_err(|_| bad("Chuỗi tham số không đọc được.".into()))?;
        let mut q = LogQuery {
            filter: AuditFilter::default(),
            offset: 0,
            limit: DEFAULT_LIMIT,
            format: Format::Page,
            given: Vec::new(),
        };
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in &pairs {
            let Some(&known) = NAMES.iter().find(|n| **n == name.as_str()) else {
                return Err(bad(format!(
                    "Tham số {name:?} không được hỗ trợ; các tham số: {}.",
                    NAMES.join(", ")
                )));
            };
            if seen.contains(&known) {
                return Err(bad(format!("Tham số {name} chỉ được có một lần.")));
            }
            seen.push(known);
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match known {
                "actor" => q.filter.actor = Some(word(name, value)?),
                "document" => q.filter.document = Some(word(name, value)?),
                "object" => q.filter.object = Some(word(name, value)?),
                "action" => q.filter.action = Some(word(name, value)?),
                "from" => q.filter.from = Some(day(name, value)?),
                "to" => q.filter.to = Some(day(name, value)?),
                "limit" => q.limit = number(name, value, 1, MAX_LIMIT)?,
                "offset" => q.offset = number(name, value, 0, 100_000_000)?,
                _ => {
                    q.format = match value {
                        "html" | "json" => Format::Page,
                        "csv" => Format::Csv,
                        "ndjson" => Format::Ndjson,
                        other => {
                            return Err(bad(format!(
                                "Tham số format phải là csv hoặc ndjson (nhận được {other:?})."
                            )))
                        }
                    };
                    continue;
                }
            }
            if !matches!(known, "limit" | "offset") {
                q.given.push((name.clone(), value.to_string()));
            }
        }
        if let (Some(from), Some(to)) = (q.filter.from, q.filter.to) {
            if from > to {
                return Err(bad(format!(
                    "Tham số from ({from}) phải không sau tham số to ({to})."
                )));
            }
        }
        Ok(q)
    }

    /// The value given for filter `name`, or "".
    pub fn given(&self, name: &str) -> &str {
        self.given
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// `path` with this query's filters and `extra` parameters.
    pub fn link(&self, path: &str, extra: &[(&str, String)]) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .given
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        pairs.extend(extra.iter().map(|(n, v)| (*n, v.as_str())));
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        }
    }
}

/// One page of `entries` (in log order), newest first: the total and the entries of it.
pub fn newest_first(
    mut entries: Vec<AuditEntry>,
    offset: usize,
    limit: usize,
) -> (usize, Vec<AuditEntry>) {
    let total = entries.len();
    entries.reverse();
    (
        total,
        entries.into_iter().skip(offset).take(limit).collect(),
    )
}

/// The columns of a CSV export.
const CSV_HEADER: &str = "seq,time,actor,action,object,detail,hash";

/// `entries` as CSV: a header row, then one row per entry in log order. Fields holding a
/// comma, a quote or a line break are quoted (quotes doubled); a field a spreadsheet would
/// run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with `'`.
pub fn csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for e in entries {
        let fields = [
            e.seq.to_string(),
            e.time.clone(),
            e.actor.clone(),
            e.action.clone(),
            e.object.clone().unwrap_or_default(),
            e.detail.to_string(),
            e.hash.clone(),
        ];
        let row: Vec<String> = fields.iter().map(String::as_str).map(csv_field).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// `entries` as NDJSON: one entry (as `sohoa audit log --json` gives it) per line, in log
/// order.
pub fn ndjson(entries: &[AuditEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        out.push_str(&serde_json::to_string(e).unwrap_or_default());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64, actor: &str, detail: serde_json::Value) -> AuditEntry {
        AuditEntry {
            seq,
            time: format!("2026-12-0{seq}T10:00:00.000Z"),
            actor: actor.into(),
            action: "read".into(),
            object: None,
            detail,
            prev: String::new(),
            hash: format!("h{seq}"),
        }
    }

    fn refused(query: &str) -> String {
        match LogQuery::parse(query) {
            Err(Failure::BadRequest(m)) => m,
            other => panic!("{query} accepted: {other:?}"),
        }
    }

    #[test]
    fn a_query_becomes_a_filter_and_wrong_parameters_are_named() {
        let q = LogQuery::parse(
            "actor=doc-gia&document=01ARZ3NDEKTSV4RRFFQ69G5FAV&action=read&from=2026-12-01\
             &to=2026-12-04&limit=10&offset=20&format=csv&object=",
        )
        .unwrap();
        assert_eq!(q.filter.actor.as_deref(), Some("doc-gia"));
        assert_eq!(q.filter.action.as_deref(), Some("read"));
        assert_eq!(q.filter.object, None);
        assert_eq!(q.filter.from, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!((q.offset, q.limit, q.format), (20, 10, Format::Csv));
        // Links keep the filters, not the paging or the format.
        assert_eq!(
            q.link("/audit/log", &[("offset", "30".into())]),
            "/audit/log?actor=doc-gia&document=01ARZ3NDEKTSV4RRFFQ69G5FAV&action=read\
             &from=2026-12-01&to=2026-12-04&offset=30"
        );
        for (query, name) in [
            ("from=2026-13-01", "from"),
            ("to=04/12/2026", "to"),
            ("from=2026-1-1", "from"),
            ("from=2026-12-05&to=2026-12-04", "from"),
            ("limit=0", "limit"),
            ("limit=501", "limit"),
            ("offset=-1", "offset"),
            ("format=xml", "format"),
            ("actor=a%20b", "actor"),
            ("document=..%2F..%2Fetc", "document"),
            ("action=x&action=y", "action"),
            ("nguoi=x", "nguoi"),
        ] {
            let m = refused(query);
            assert!(m.contains(name), "{query}: {m}");
        }
        let long = "a".repeat(MAX_TEXT + 1);
        assert!(refused(&format!("actor={long}")).contains("actor"));
    }

    #[test]
    fn pages_are_newest_first() {
        let entries: Vec<AuditEntry> = (1..=5)
            .map(|n| entry(n, "a", serde_json::json!({})))
            .collect();
        let (total, page) = newest_first(entries.clone(), 0, 2);
        assert_eq!(total, 5);
        assert_eq!(page.iter().map(|e| e.seq).collect::<Vec<_>>(), [5, 4]);
        let (_, last) = newest_first(entries.clone(), 4, 2);
        assert_eq!(last.iter().map(|e| e.seq).collect::<Vec<_>>(), [1]);
        assert!(newest_first(entries, 9, 2).1.is_empty());
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let entries = [
            entry(
                1,
                "a,b",
                serde_json::json!({"note": "nói \"không\"\nxuống dòng"}),
            ),
            entry(2, "=HYPERLINK(\"x\")", serde_json::json!(null)),
        ];
        let text = csv(&entries);
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert!(
            lines[1].starts_with("1,2026-12-01T10:00:00.000Z,\"a,b\",read,,\"{\"\"note\"\""),
            "{}",
            lines[1]
        );
        // The line break inside a quoted field stays inside it.
        assert!(text.contains("\\nxuống dòng"), "{text}");
        assert_eq!(
            lines[2],
            "2,2026-12-02T10:00:00.000Z,\"'=HYPERLINK(\"\"x\"\")\",read,,null,h2"
        );
        assert_eq!(csv_field("hai\ndòng"), "\"hai\ndòng\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("thường"), "thường");
        let nd = ndjson(&entries);
        assert_eq!(nd.lines().count(), 2);
        let back: AuditEntry = serde_json::from_str(nd.lines().next().unwrap()).unwrap();
        assert_eq!(back, entries[0]);
    }
}
