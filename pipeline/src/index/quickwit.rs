//! The search documents in the form Quickwit ingests (DESIGN.md §8: the documented path at
//! national scale, a tantivy-based engine with its index on S3).
//!
//! In: [`IndexedDocument`]s, as [`crate::catalog::index_entries`] makes them for the tantivy
//! index. Out: Quickwit's index configuration ([`index_config`], JSON, which Quickwit reads
//! like its YAML) and one NDJSON line per page ([`PageLines`]) holding the same fields as
//! this crate's index. Quickwit has no Vietnamese analyzer, so the text is pre-normalised
//! here with ours: `text_exact` and `text_folded` carry the page's words as our exact and
//! diacritic-folded analyzers make them, separated by single spaces, and Quickwit indexes
//! them with its `whitespace` tokenizer; a query must be normalised the same way before it
//! is sent (fold the query's words with the same analyzer). `text` keeps the page as read,
//! stored for snippets and not indexed.
//!
//! Quickwit is not installable on the machines this was built on: the shape of these files
//! is checked by tests, not a run against Quickwit.

use std::io::Write;

use serde::Serialize;
use serde_json::{json, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::analyzer::analyzer;
use super::IndexedDocument;

/// The version of Quickwit's index configuration format written.
pub const CONFIG_VERSION: &str = "0.8";

/// Quickwit's index configuration for the pages [`PageLines`] writes, under `index_id`.
#[must_use]
pub fn index_config(index_id: &str) -> Value {
    let raw = |name: &str| json!({"name": name, "type": "text", "tokenizer": "raw", "fast": true});
    let stored_only = |name: &str| json!({"name": name, "type": "text", "indexed": false});
    let words = |name: &str, record: &str| {
        json!({
            "name": name,
            "type": "text",
            "tokenizer": "whitespace",
            "record": record,
            "stored": false,
        })
    };
    json!({
        "version": CONFIG_VERSION,
        "index_id": index_id,
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": [
                raw("id"),
                {"name": "page", "type": "u64", "fast": true},
                raw("hoso"),
                stored_only("box"),
                stored_only("title"),
                raw("doc_type"),
                raw("symbol"),
                raw("date"),
                {"name": "year", "type": "u64", "fast": true},
                {"name": "issuer", "type": "text", "indexed": false, "fast": true},
                words("issuer_folded", "position"),
                raw("do_mat"),
                {"name": "restricted", "type": "bool", "fast": true},
                raw("fonds"),
                stored_only("text"),
                words("text_exact", "freq"),
                words("text_folded", "position"),
            ],
        },
        "search_settings": {
            "default_search_fields": ["text_folded"],
        },
    })
}

/// One page as Quickwit ingests it (the fields of [`index_config`]).
#[derive(Debug, Serialize)]
struct QuickwitPage<'a> {
    id: &'a str,
    page: u32,
    hoso: &'a str,
    #[serde(rename = "box")]
    box_name: &'a str,
    title: &'a str,
    doc_type: &'a str,
    symbol: &'a str,
    date: &'a str,
    /// The year of the date, 0 without one (as the tantivy index's year facet).
    year: u64,
    issuer: &'a str,
    issuer_folded: String,
    do_mat: &'a str,
    restricted: bool,
    fonds: &'a str,
    text: &'a str,
    text_exact: String,
    text_folded: String,
}

/// Writes the NDJSON lines of documents, with one exact and one folded analyzer kept for
/// the whole export: each remembers the words it has analysed, which pages repeat.
pub struct PageLines {
    exact: TextAnalyzer,
    folded: TextAnalyzer,
}

impl Default for PageLines {
    fn default() -> Self {
        PageLines {
            exact: analyzer(false),
            folded: analyzer(true),
        }
    }
}

impl PageLines {
    /// Writes one NDJSON line per page of `doc` to `out`; the number of lines written. A
    /// document without pages gets one line with page 0, as it has in the tantivy index.
    pub fn write_pages(
        &mut self,
        doc: &IndexedDocument,
        out: &mut dyn Write,
    ) -> std::io::Result<usize> {
        let year = doc
            .date
            .get(..4)
            .and_then(|y| y.parse::<u64>().ok())
            .unwrap_or(0);
        let issuer_folded = normalised(&mut self.folded, &doc.issuer);
        let mut write = |page: u32, text: &str| -> std::io::Result<()> {
            let line = QuickwitPage {
                id: &doc.id,
                page,
                hoso: &doc.hoso,
                box_name: &doc.box_name,
                title: &doc.title,
                doc_type: &doc.doc_type,
                symbol: &doc.symbol,
                date: &doc.date,
                year,
                issuer: &doc.issuer,
                issuer_folded: issuer_folded.clone(),
                do_mat: &doc.do_mat,
                restricted: doc.restricted,
                fonds: &doc.fonds,
                text,
                text_exact: normalised(&mut self.exact, text),
                text_folded: normalised(&mut self.folded, text),
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")
        };
        if doc.pages.is_empty() {
            write(0, "")?;
            return Ok(1);
        }
        for page in &doc.pages {
            write(page.number, &page.text)?;
        }
        Ok(doc.pages.len())
    }
}

/// The words of `text` as `analyzer` indexes them, separated by single spaces.
fn normalised(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut stream = analyzer.token_stream(text);
    let mut words = String::with_capacity(text.len());
    while stream.advance() {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&stream.token().text);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::IndexedPage;

    fn document(pages: &[&str]) -> IndexedDocument {
        IndexedDocument {
            id: "01J0000000000000000000000A".into(),
            hoso: "hs-01".into(),
            box_name: "hop-01".into(),
            title: "Nghị quyết số 05-NQ/ĐUK".into(),
            doc_type: "Nghị quyết".into(),
            symbol: "05-NQ/ĐUK".into(),
            date: "1997-03-12".into(),
            issuer: "Đảng ủy Khối".into(),
            do_mat: String::new(),
            restricted: false,
            fonds: "61".into(),
            pages: pages
                .iter()
                .enumerate()
                .map(|(i, text)| IndexedPage {
                    number: u32::try_from(i).unwrap() + 1,
                    text: (*text).to_string(),
                })
                .collect(),
        }
    }

    fn lines(doc: &IndexedDocument) -> Vec<Value> {
        let mut out = Vec::new();
        let written = PageLines::default().write_pages(doc, &mut out).unwrap();
        let lines: Vec<Value> = std::str::from_utf8(&out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), written);
        lines
    }

    #[test]
    fn text_is_normalised_as_the_index_analyzers_do() {
        // NFD input, tone marks on the old-style vowel, `y` after a consonant, punctuation.
        let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(
            "Về CHUYỂN ĐỔI SỐ, hòa bình; kỹ thuật.",
        )
        .collect();
        let page = &lines(&document(&[&decomposed]))[0];
        assert_eq!(page["text_folded"], "ve chuyen doi so hoa binh ki thuat");
        assert_eq!(page["text_exact"], "về chuyển đổi số hoà bình kĩ thuật");
        assert_eq!(page["text"], decomposed.as_str(), "kept as read");
        assert_eq!(page["issuer_folded"], "dang uy khoi");
        assert_eq!(
            (page["year"].as_u64(), page["page"].as_u64()),
            (Some(1997), Some(1))
        );
    }

    #[test]
    fn every_line_holds_exactly_the_fields_of_the_mapping() {
        let config = index_config("sohoa");
        let mapped: Vec<&str> = config["doc_mapping"]["field_mappings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        for line in lines(&document(&["một", "hai"])) {
            let mut keys: Vec<&str> = line
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut expected = mapped.clone();
            keys.sort_unstable();
            expected.sort_unstable();
            assert_eq!(keys, expected);
        }
        // Strict mode: a line with another field would be refused by Quickwit.
        assert_eq!(config["doc_mapping"]["mode"], "strict");
        assert_eq!(
            config["search_settings"]["default_search_fields"][0],
            "text_folded"
        );
    }

    #[test]
    fn the_mapping_uses_only_quickwit_types_and_tokenizers() {
        let config = index_config("sohoa-h49");
        for field in config["doc_mapping"]["field_mappings"].as_array().unwrap() {
            let kind = field["type"].as_str().unwrap();
            assert!(["text", "u64", "bool"].contains(&kind), "{field}");
            if let Some(tokenizer) = field["tokenizer"].as_str() {
                assert!(["raw", "whitespace"].contains(&tokenizer), "{field}");
            }
            if let Some(record) = field["record"].as_str() {
                assert!(["basic", "freq", "position"].contains(&record), "{field}");
            }
        }
        assert_eq!(config["version"], CONFIG_VERSION);
        assert_eq!(config["index_id"], "sohoa-h49");
    }

    #[test]
    fn a_document_without_pages_is_one_line_with_page_zero() {
        let lines = lines(&document(&[]));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["page"], 0);
        assert_eq!(lines[0]["text_folded"], "");
    }
}
