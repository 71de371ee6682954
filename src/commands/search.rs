//! `sohoa search`: full-text search of the documents the principal may see.
//!
//! In: a query, filters, paging and order, and the clearance stated. Out: the number of
//! documents matching, the hits (title, catalog fields, pages, a snippet) and facets; a
//! query that does not parse is a usage error (exit 2).

use std::io::{self, Write};

use clap::Args;
use pipeline::index::{FacetCount, SearchOptions, SearchResults, SortOrder};
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::cli::UsageError;
use crate::output::{CommandOutput, Format};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SortChoice {
    /// Best match first.
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
}

/// `sohoa search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    query: String,
    #[command(flatten)]
    archive: ArchiveArg,
    /// At most this many hits.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Skip this many hits first (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Only this tên loại (`"Nghị quyết"`, `nghi quyet` or `NQ`).
    #[arg(long = "type", value_name = "TYPE")]
    doc_type: Option<String>,
    /// Only documents whose issuing body has these words (diacritics optional).
    #[arg(long, value_name = "WORDS")]
    issuer: Option<String>,
    /// Only documents issued on or after this date (YYYY-MM-DD or a year).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only documents issued on or before this date (YYYY-MM-DD or a year).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only this hồ sơ (its folder, as `list` shows it).
    #[arg(long, value_name = "HOSO")]
    hoso: Option<String>,
    /// Only this phông (fonds) code, the second part of the mã hồ sơ.
    #[arg(long, value_name = "CODE")]
    fonds: Option<String>,
    /// Order of the hits.
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortChoice,
    #[command(flatten)]
    clearance: ClearanceArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa search` prints.
#[derive(Debug, Serialize)]
pub struct SearchOutput {
    #[serde(flatten)]
    pub results: SearchResults,
    /// How the snippets' highlighted words are shown on the terminal.
    #[serde(skip)]
    pub highlight: Highlight,
}

/// How a snippet's highlighted words are marked in the readable rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Bold (ANSI), on a terminal without `NO_COLOR`.
    Bold,
    /// Between «», elsewhere.
    Guillemets,
}

impl Run for SearchArgs {
    type Output = SearchOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<SearchOutput> {
        let archive = self.archive.open()?;
        let index = pipeline::catalog::open_index_read_only(&archive)?;
        let options = SearchOptions {
            limit: self.limit,
            offset: self.offset,
            sort: match self.sort {
                SortChoice::Relevance => SortOrder::Relevance,
                SortChoice::Date => SortOrder::Date,
                SortChoice::DateDesc => SortOrder::DateDescending,
            },
            clearance: pipeline::clearance::Clearance::Public,
            doc_type: self.doc_type,
            issuer: self.issuer,
            from: self.from,
            to: self.to,
            hoso: self.hoso,
            fonds: self.fonds,
        };
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        let results = match archive.reader(&who).search(&index, &self.query, &options) {
            Ok(r) => r,
            Err(e @ pipeline::Error::Query { .. }) => return Err(UsageError(e.to_string()).into()),
            Err(e) => return Err(e.into()),
        };
        Ok(SearchOutput {
            results,
            highlight: if ctx.stdout_styled {
                Highlight::Bold
            } else {
                Highlight::Guillemets
            },
        })
    }
}

impl CommandOutput for SearchOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let results = &self.results;
        writeln!(out, "{} documents match", results.total)?;
        for h in &results.hits {
            let pages: Vec<String> = h.pages.iter().map(u32::to_string).collect();
            writeln!(out, "\n{}  (score {:.2})", h.title, h.score)?;
            writeln!(
                out,
                "  {} | {} | {} | {}",
                h.doc_type, h.symbol, h.date, h.issuer
            )?;
            writeln!(out, "  id {}  pages {}", h.id, pages.join(", "))?;
            writeln!(
                out,
                "  … {} …",
                terminal_snippet(&h.snippet, self.highlight)
            )?;
        }
        if results.total > 0 {
            writeln!(out, "\nby")?;
            facet_line(out, "type", &results.facets.doc_type)?;
            facet_line(out, "year", &results.facets.year)?;
            facet_line(out, "issuer", &results.facets.issuer)?;
        }
        Ok(())
    }
}

/// One facet's first eight values with their counts; nothing when it has none.
fn facet_line(out: &mut dyn Write, name: &str, counts: &[FacetCount]) -> io::Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = counts
        .iter()
        .take(8)
        .map(|c| format!("{} ({})", c.value, c.count))
        .collect();
    writeln!(out, "  {name}: {}", shown.join(" · "))
}

/// A search snippet for the terminal: one line, HTML entities undone, the highlighted
/// words marked as `highlight` says.
fn terminal_snippet(snippet: &str, highlight: Highlight) -> String {
    let (open, close) = match highlight {
        Highlight::Bold => ("\x1b[1m", "\x1b[0m"),
        Highlight::Guillemets => ("«", "»"),
    };
    snippet
        .replace('\n', " ")
        .replace("<b>", open)
        .replace("</b>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use pipeline::index::{Facets, SearchHit};

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    fn count(value: &str, count: usize) -> FacetCount {
        FacetCount {
            value: value.into(),
            count,
        }
    }

    fn results() -> SearchResults {
        SearchResults {
            total: 2,
            hits: vec![
                SearchHit {
                    id: ulid(),
                    score: 7.25,
                    title: "Nghị quyết về công tác văn thư".into(),
                    doc_type: "Nghị quyết".into(),
                    symbol: "45-NQ/TU".into(),
                    date: "1997-03-12".into(),
                    issuer: "Tỉnh ủy Đắk Lắk".into(),
                    pages: vec![1, 3],
                    snippet: "về <b>công tác</b> &quot;văn thư&quot;\nvà lưu trữ &amp; bảo mật"
                        .into(),
                    restricted: false,
                    needs_grant: false,
                },
                SearchHit {
                    id: ulid(),
                    score: 3.5,
                    title: "Báo cáo tổng kết".into(),
                    doc_type: "Báo cáo".into(),
                    symbol: "12-BC/HU".into(),
                    date: "1998".into(),
                    issuer: "Huyện ủy Mường Tè".into(),
                    pages: vec![2],
                    snippet: "<b>công tác</b> năm 1998".into(),
                    restricted: true,
                    needs_grant: false,
                },
            ],
            facets: Facets {
                doc_type: vec![count("Nghị quyết", 1), count("Báo cáo", 1)],
                year: vec![count("1997", 1), count("1998", 1)],
                issuer: Vec::new(),
            },
        }
    }

    #[test]
    fn renders_hits_and_facets() {
        let output = SearchOutput {
            results: results(),
            highlight: Highlight::Guillemets,
        };
        assert_renderings!("search", output, {
            ".hits[].id" => "[ulid]",
        });
    }

    #[test]
    fn renders_highlights_in_bold_on_a_terminal() {
        let output = SearchOutput {
            results: results(),
            highlight: Highlight::Bold,
        };
        let text = crate::output::testing::human(&output);
        assert!(text.contains("về \x1b[1mcông tác\x1b[0m \"văn thư\" và lưu trữ & bảo mật"));
    }

    #[test]
    fn renders_no_match() {
        let output = SearchOutput {
            results: SearchResults {
                total: 0,
                hits: Vec::new(),
                facets: Facets::default(),
            },
            highlight: Highlight::Guillemets,
        };
        assert_renderings!("search_empty", output);
    }
}
