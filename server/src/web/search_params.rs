//! The search parameters of the search page and of `GET /api/v1/search`: the same names
//! and meaning as `sohoa search`'s options.
//!
//! In: a query string (`q`, `type`, `issuer`, `from`, `to`, `hoso`, `fonds`, `sort`,
//! `limit`, `offset`, and a facet's `year`). Out: the query and `SearchOptions`, or a
//! [`Failure::BadRequest`] naming the parameter that is wrong.

use pipeline::index::{SearchOptions, SortOrder};
use serde::Deserialize;

use super::failure::Failure;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most hits per page.
pub const MAX_LIMIT: usize = 100;
const DEFAULT_LIMIT: usize = 20;

/// The raw parameters (all text, so that a wrong one gets a message naming it).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// A facet's year: `from` and `to` that year.
    pub year: Option<String>,
    pub hoso: Option<String>,
    pub fonds: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

fn non_empty(v: Option<&String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn number(
    name: &str,
    value: Option<&String>,
    default: usize,
    max: usize,
) -> Result<usize, Failure> {
    match non_empty(value) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| {
                Failure::BadRequest(format!(
                    "Tham số {name} phải là một số từ 0 đến {max} (nhận được {v:?})."
                ))
            }),
    }
}

impl SearchParams {
    /// The query, if one was given; too long a query is refused.
    pub fn query(&self) -> Result<Option<String>, Failure> {
        let Some(q) = non_empty(self.q.as_ref()) else {
            return Ok(None);
        };
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(Failure::BadRequest(format!(
                "Tham số q dài quá {MAX_QUERY_CHARS} ký tự."
            )));
        }
        Ok(Some(q))
    }

    /// Offset and limit as asked (or the defaults), unchecked.
    pub fn paging(&self) -> (usize, usize) {
        let limit = number("limit", self.limit.as_ref(), DEFAULT_LIMIT, MAX_LIMIT)
            .unwrap_or(DEFAULT_LIMIT)
            .max(1);
        let offset = number("offset", self.offset.as_ref(), 0, usize::MAX).unwrap_or(0);
        (offset, limit)
    }

    /// The search options these parameters ask for.
    pub fn options(&self) -> Result<SearchOptions, Failure> {
        let limit = number("limit", self.limit.as_ref(), DEFAULT_LIMIT, MAX_LIMIT)?.max(1);
        let offset = number("offset", self.offset.as_ref(), 0, 100_000)?;
        let sort = match non_empty(self.sort.as_ref()).as_deref() {
            None | Some("relevance") => SortOrder::Relevance,
            Some("date") => SortOrder::Date,
            Some("date-desc") => SortOrder::DateDescending,
            Some(other) => {
                return Err(Failure::BadRequest(format!(
                    "Tham số sort phải là relevance, date hoặc date-desc (nhận được {other:?})."
                )))
            }
        };
        let year = non_empty(self.year.as_ref());
        if let Some(y) = &year {
            if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
                return Err(Failure::BadRequest(format!(
                    "Tham số year phải là một năm bốn chữ số (nhận được {y:?})."
                )));
            }
        }
        Ok(SearchOptions {
            limit,
            offset,
            sort,
            doc_type: non_empty(self.doc_type.as_ref()),
            issuer: non_empty(self.issuer.as_ref()),
            from: year.clone().or_else(|| non_empty(self.from.as_ref())),
            to: year.or_else(|| non_empty(self.to.as_ref())),
            hoso: non_empty(self.hoso.as_ref()),
            fonds: non_empty(self.fonds.as_ref()),
            ..SearchOptions::default()
        })
    }

    /// The search page's address with `key` set to `value` (a facet or a page of results);
    /// choosing a filter starts again from the first result.
    pub fn with(&self, key: &str, value: &str) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("q", &self.q),
            ("type", &self.doc_type),
            ("issuer", &self.issuer),
            ("from", &self.from),
            ("to", &self.to),
            ("year", &self.year),
            ("hoso", &self.hoso),
            ("fonds", &self.fonds),
            ("sort", &self.sort),
            ("limit", &self.limit),
            ("offset", &self.offset),
        ]
        .into_iter()
        .filter(|(k, _)| *k != key && (key == "offset" || *k != "offset"))
        .filter_map(|(k, v)| non_empty(v.as_ref()).map(|v| (k, v)))
        .collect();
        pairs.push((key, value.to_string()));
        format!(
            "/?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> SearchParams {
        serde_urlencoded::from_str(&serde_urlencoded::to_string(pairs).unwrap()).unwrap()
    }

    #[test]
    fn wrong_parameters_are_named() {
        for (key, value) in [
            ("limit", "abc"),
            ("limit", "100000"),
            ("offset", "-1"),
            ("sort", "x"),
            ("year", "19x9"),
        ] {
            let Err(Failure::BadRequest(m)) = params(&[(key, value)]).options() else {
                panic!("{key}={value} accepted")
            };
            assert!(m.contains(key), "{m}");
        }
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(params(&[("q", long.as_str())]).query().is_err());
        let o = params(&[("q", "x"), ("year", "1995"), ("sort", "date-desc")])
            .options()
            .unwrap();
        assert_eq!(
            (o.from.as_deref(), o.to.as_deref()),
            (Some("1995"), Some("1995"))
        );
        assert_eq!(o.sort, SortOrder::DateDescending);
    }

    #[test]
    fn links_keep_the_query_and_reset_the_offset() {
        let p = params(&[("q", "nghị quyết"), ("offset", "20")]);
        assert_eq!(
            p.with("type", "Nghị quyết"),
            "/?q=ngh%E1%BB%8B+quy%E1%BA%BFt&type=Ngh%E1%BB%8B+quy%E1%BA%BFt"
        );
        assert_eq!(
            p.with("offset", "40"),
            "/?q=ngh%E1%BB%8B+quy%E1%BA%BFt&offset=40"
        );
    }
}
