//! Running a query against the page index and turning page hits into document hits.
//!
//! In: a user query (tantivy query syntax: words, `"phrases"`, `AND`/`OR`/`-`), a searcher.
//! Out: [`SearchResults`]: matching documents ranked by their best page, each with every
//! matching page number and a `<b>`-highlighted snippet of its best page; or the ids of all
//! indexed documents.

use std::collections::{BTreeSet, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{Query, QueryParser, QueryParserError};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, DocId, Index, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument,
};

use super::schema::Fields;
use super::{FacetCount, Facets, SearchHit, SearchOptions, SearchResults, SortOrder};
use crate::{Error, Result};

/// Weight of the exact-diacritics field against the folded one, so `bán` ranks a page that
/// says `bán` above one that only says `bàn` or `ban`.
const EXACT_BOOST: Score = 2.0;

/// Weight of the per-page bonus: a document's score is its best page's score times
/// `1 + PAGES_BONUS · ln(matching pages)` (+46 % at 100 pages), well below what the exact
/// boost adds, so many folded-only pages do not outrank one exact-diacritics page.
const PAGES_BONUS: Score = 0.1;

/// Longest snippet, in bytes of the page text (tantivy counts bytes).
const SNIPPET_MAX_BYTES: usize = 240;

/// The query parser: both text fields, exact boosted, all words required unless `OR` is written.
pub(crate) fn query_parser(index: &Index, fields: &Fields) -> QueryParser {
    let mut parser = QueryParser::for_index(index, vec![fields.text, fields.text_folded]);
    parser.set_field_boost(fields.text, EXACT_BOOST);
    parser.set_conjunction_by_default();
    parser
}

/// Words up to this many characters must match exactly (or folded); longer ones may also
/// match at edit distance 1, and from [`FUZZY_TWO_FROM`] characters at distance 2.
const FUZZY_ONE_FROM: usize = 5;
const FUZZY_TWO_FROM: usize = 9;
/// Weight of a fuzzy match, well below an exact or folded one.
const FUZZY_BOOST: Score = 0.3;

/// A query of plain words (optionally `word*` for a prefix), each of which must match: with
/// its exact diacritics (ranked first), folded, or — for OCR errors in the text — within an
/// edit distance that grows with the word's length (ranked below both). `None` when the query
/// uses any syntax (quotes, fields, AND/OR, `-`), which the query parser then handles.
pub(crate) fn forgiving(index: &Index, fields: &Fields, query: &str) -> Option<Box<dyn Query>> {
    use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;
    let words: Vec<&str> = query.split_whitespace().collect();
    let plain = |w: &&str| {
        let core = w.strip_suffix('*').unwrap_or(w);
        !core.is_empty()
            && core.chars().all(char::is_alphanumeric)
            && !matches!(*w, "AND" | "OR" | "NOT")
    };
    if words.is_empty() || !words.iter().all(plain) {
        return None;
    }
    let tokens = |tokenizer: &str, word: &str| -> Vec<String> {
        let Some(mut analyzer) = index.tokenizers().get(tokenizer) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(word);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in words {
        let (core, prefix) = match word.strip_suffix('*') {
            Some(core) => (core, true),
            None => (word, false),
        };
        let (Some(exact), Some(folded)) = (
            tokens(super::analyzer::EXACT_TOKENIZER, core).pop(),
            tokens(super::analyzer::FOLDED_TOKENIZER, core).pop(),
        ) else {
            continue;
        };
        let folded_term = Term::from_field_text(fields.text_folded, &folded);
        let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if prefix {
            options.push((
                Occur::Should,
                Box::new(FuzzyTermQuery::new_prefix(folded_term, 0, true)),
            ));
        } else {
            options.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(fields.text, &exact),
                        IndexRecordOption::WithFreqsAndPositions,
                    )),
                    EXACT_BOOST,
                )),
            ));
            options.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    folded_term.clone(),
                    IndexRecordOption::WithFreqsAndPositions,
                )),
            ));
            let length = folded.chars().count();
            let distance = match length {
                n if n >= FUZZY_TWO_FROM => 2,
                n if n >= FUZZY_ONE_FROM => 1,
                _ => 0,
            };
            if distance > 0 {
                options.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(FuzzyTermQuery::new(folded_term, distance, true)),
                        FUZZY_BOOST,
                    )),
                ));
            }
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(options))));
    }
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// Parses `query`; an empty query or a syntax error is an [`Error::Query`].
pub(crate) fn parse(parser: &QueryParser, query: &str) -> Result<Box<dyn Query>> {
    let query_error = |message: String| Error::Query {
        query: query.to_owned(),
        message,
    };
    if query.trim().is_empty() {
        return Err(query_error("the query is empty".to_owned()));
    }
    parser
        .parse_query(query)
        .map_err(|e| query_error(explain(e)))
}

/// A message for the user who wrote the query.
fn explain(error: QueryParserError) -> String {
    match error {
        QueryParserError::SyntaxError(_) => "syntax error: check that quotes and parentheses \
             are closed and that AND / OR stand between two words"
            .to_owned(),
        QueryParserError::FieldDoesNotExist(field) | QueryParserError::FieldNotIndexed(field) => {
            format!(
                "{field:?} is not a searchable field; search the text without a field name \
                 (a colon after a word names a field)"
            )
        }
        QueryParserError::AllButQueryForbidden => {
            "the query only excludes words (-word); add a word to search for".to_owned()
        }
        other => other.to_string(),
    }
}

/// The filter queries of `options` (each must hold).
pub(crate) fn filters(
    fields: &Fields,
    options: &SearchOptions,
    parser: &QueryParser,
) -> Result<Vec<Box<dyn Query>>> {
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;
    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value.trim()),
            IndexRecordOption::Basic,
        ))
    };
    let mut out = Vec::new();
    if let Some(t) = &options.doc_type {
        out.push(term(
            fields.doc_type,
            crate::classify::canonical_type(t).unwrap_or(t.trim()),
        ));
    }
    if let Some(h) = &options.hoso {
        out.push(term(fields.hoso, h.trim().trim_matches('/')));
    }
    if let Some(f) = &options.fonds {
        out.push(term(fields.fonds, f));
    }
    let parsed = |q: String| -> Result<Box<dyn Query>> {
        parser.parse_query(&q).map_err(|e| Error::Query {
            query: q.clone(),
            message: explain(e),
        })
    };
    if let Some(i) = &options.issuer {
        let words: String = i.chars().filter(|c| *c != '"').collect();
        if !words.trim().is_empty() {
            out.push(parsed(format!("issuer:\"{}\"", words.trim()))?);
        }
    }
    if options.from.is_some() || options.to.is_some() {
        let bound = |d: &Option<String>, year_end: &str, open: &str| -> Result<String> {
            match d.as_deref().map(str::trim) {
                None | Some("") => Ok(open.to_string()),
                Some(y) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
                    Ok(format!("{y}{year_end}"))
                }
                Some(d) if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() => {
                    Ok(d.to_string())
                }
                Some(d) => Err(Error::Query {
                    query: d.to_string(),
                    message: "a date filter takes YYYY-MM-DD or a year".to_string(),
                }),
            }
        };
        let from = bound(&options.from, "-01-01", "0000")?;
        let to = bound(&options.to, "-12-31", "9999")?;
        out.push(parsed(format!("date:[{from} TO {to}]"))?);
    }
    Ok(out)
}

/// Runs `query`, groups matching pages by document, counts facets over all of them and
/// returns the documents of the requested page of results.
pub(crate) fn run_with(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    options: &SearchOptions,
) -> Result<SearchResults> {
    let groups = searcher.search(query, &DocumentGroups)?;
    let total = groups.len();
    let mut ranked: Vec<(String, Group)> = groups.into_iter().collect();
    for (_, group) in &mut ranked {
        group.pages.sort_unstable();
        group.pages.dedup();
        group.score *= 1.0 + PAGES_BONUS * (group.pages.len() as Score).ln();
    }
    let facets = facets(&ranked);
    match options.sort {
        SortOrder::Relevance => {
            ranked.sort_by(|(a_id, a), (b_id, b)| b.score.total_cmp(&a.score).then(a_id.cmp(b_id)))
        }
        SortOrder::Date | SortOrder::DateDescending => {
            let descending = options.sort == SortOrder::DateDescending;
            ranked.sort_by(|(a_id, a), (b_id, b)| {
                // Undated documents last either way.
                (a.facets.date.is_empty())
                    .cmp(&b.facets.date.is_empty())
                    .then(if descending {
                        b.facets.date.cmp(&a.facets.date)
                    } else {
                        a.facets.date.cmp(&b.facets.date)
                    })
                    .then(b.score.total_cmp(&a.score))
                    .then(a_id.cmp(b_id))
            });
        }
    }
    let ranked: Vec<(String, Group)> = ranked
        .into_iter()
        .skip(options.offset)
        .take(options.limit)
        .collect();

    let snippets = Snippets::new(searcher, query, fields)?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (id, group) in ranked {
        let page: TantivyDocument = searcher.doc(group.best)?;
        let get = |field| {
            page.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        hits.push(SearchHit {
            id,
            score: group.score,
            title: get(fields.title),
            doc_type: get(fields.doc_type),
            symbol: get(fields.symbol),
            date: get(fields.date),
            issuer: get(fields.issuer),
            // Page 0 is the placeholder of a document indexed without pages.
            pages: group.pages.into_iter().filter(|&p| p != 0).collect(),
            snippet: snippets.render(&get(fields.text)),
            restricted: get(fields.restricted) == "1",
        });
    }
    Ok(SearchResults {
        total,
        hits,
        facets,
    })
}

/// Counts of documents by type, year and issuer, most frequent first (ties by value).
fn facets(groups: &[(String, Group)]) -> Facets {
    let count = |value: &dyn Fn(&GroupFacets) -> String| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (_, g) in groups {
            let v = value(&g.facets);
            if !v.is_empty() {
                *counts.entry(v).or_default() += 1;
            }
        }
        let mut out: Vec<FacetCount> = counts
            .into_iter()
            .map(|(value, count)| FacetCount { value, count })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        out
    };
    Facets {
        doc_type: count(&|f| f.doc_type.clone()),
        year: count(&|f| f.date.get(..4).unwrap_or("").to_string()),
        issuer: count(&|f| f.issuer.clone()),
    }
}

/// Ids of all live (not deleted) documents in the index.
pub(crate) fn document_ids(searcher: &Searcher) -> Result<BTreeSet<String>> {
    let mut ids = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str(Fields::ID_NAME)? else {
            continue;
        };
        let ords: BTreeSet<u64> = segment
            .doc_ids_alive()
            .filter_map(|doc| column.ords().first(doc))
            .collect();
        for ord in ords {
            let mut id = String::new();
            if column
                .ord_to_str(ord, &mut id)
                .map_err(tantivy::TantivyError::from)?
            {
                ids.insert(id);
            }
        }
    }
    Ok(ids)
}

/// Snippet of the best page, highlighted from the folded field (so folded queries highlight
/// too) or, when the query has no folded terms (`text:…`), from the exact field.
struct Snippets {
    folded: SnippetGenerator,
    exact: SnippetGenerator,
}

impl Snippets {
    fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Result<Self> {
        let generator = |field| -> Result<SnippetGenerator> {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(SNIPPET_MAX_BYTES);
            Ok(generator)
        };
        Ok(Snippets {
            folded: generator(fields.text_folded)?,
            exact: generator(fields.text)?,
        })
    }

    /// HTML-escaped text of the page around the hit, the hit wrapped in `<b>`…`</b>`.
    fn render(&self, text: &str) -> String {
        let snippet = self.folded.snippet(text);
        if !snippet.is_empty() {
            return snippet.to_html();
        }
        let snippet = self.exact.snippet(text);
        if !snippet.is_empty() {
            return snippet.to_html();
        }
        // The query matched without naming a word of this page (e.g. `*`): show its start.
        let end = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= SNIPPET_MAX_BYTES)
            .last()
            .unwrap_or(0);
        crate::markup::escape(text[..end].trim())
    }
}

/// The matching pages of one document.
#[derive(Debug)]
struct Group {
    /// Score of the best page (plus the pages bonus, once ranked).
    score: Score,
    /// Address of the best page.
    best: DocAddress,
    /// Numbers of all matching pages.
    pages: Vec<u32>,
    facets: GroupFacets,
}

/// The document's values counted in facets (and its date, for sorting).
#[derive(Debug, Default)]
struct GroupFacets {
    doc_type: String,
    date: String,
    issuer: String,
}

impl Group {
    fn absorb(&mut self, other: Group) {
        if other.score > self.score {
            self.score = other.score;
            self.best = other.best;
        }
        self.pages.extend(other.pages);
    }
}

/// Collects every matching page and groups them by document id (read from fast fields), so
/// that `total` counts distinct documents over all matches, not just the top ones.
struct DocumentGroups;

impl Collector for DocumentGroups {
    type Fruit = HashMap<String, Group>;
    type Child = SegmentGroups;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentGroups> {
        let fast_fields = segment.fast_fields();
        Ok(SegmentGroups {
            segment_ord,
            ids: fast_fields.str(Fields::ID_NAME)?,
            pages: fast_fields.u64(Fields::PAGE_NAME)?,
            facet_columns: [
                fast_fields.str(Fields::DOC_TYPE_NAME)?,
                fast_fields.str(Fields::DATE_NAME)?,
                fast_fields.str(Fields::ISSUER_EXACT_NAME)?,
            ],
            facet_ords: HashMap::new(),
            groups: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<std::io::Result<Vec<(String, Group)>>>,
    ) -> tantivy::Result<HashMap<String, Group>> {
        let mut merged: HashMap<String, Group> = HashMap::new();
        for fruit in segment_fruits {
            for (id, group) in fruit? {
                match merged.get_mut(&id) {
                    Some(existing) => existing.absorb(group),
                    None => {
                        merged.insert(id, group);
                    }
                }
            }
        }
        Ok(merged)
    }
}

/// [`DocumentGroups`] within one segment, keyed by the id's term ordinal.
struct SegmentGroups {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    pages: Column<u64>,
    /// Type, date and issuer columns, and each group's term ordinals in them.
    facet_columns: [Option<StrColumn>; 3],
    facet_ords: HashMap<u64, [Option<u64>; 3]>,
    groups: HashMap<u64, Group>,
}

impl SegmentCollector for SegmentGroups {
    type Fruit = std::io::Result<Vec<(String, Group)>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(ord) = self.ids.as_ref().and_then(|ids| ids.ords().first(doc)) else {
            return;
        };
        let page = self
            .pages
            .first(doc)
            .and_then(|p| u32::try_from(p).ok())
            .unwrap_or(0);
        let best = DocAddress::new(self.segment_ord, doc);
        let columns = &self.facet_columns;
        self.facet_ords.entry(ord).or_insert_with(|| {
            [0, 1, 2].map(|i| columns[i].as_ref().and_then(|c| c.ords().first(doc)))
        });
        let group = self.groups.entry(ord).or_insert(Group {
            score,
            best,
            pages: Vec::new(),
            facets: GroupFacets::default(),
        });
        if score > group.score {
            group.score = score;
            group.best = best;
        }
        group.pages.push(page);
    }

    fn harvest(self) -> Self::Fruit {
        let Some(ids) = self.ids else {
            return Ok(Vec::new());
        };
        // Term ordinals are resolved in one sorted pass over each dictionary: a lookup per
        // ordinal would decompress a dictionary block for every matching document.
        let mut groups: Vec<(u64, Group)> = self.groups.into_iter().collect();
        groups.sort_unstable_by_key(|(ord, _)| *ord);
        let ords: Vec<u64> = groups.iter().map(|(ord, _)| *ord).collect();
        let mut names = Vec::with_capacity(ords.len());
        ids.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            names.push(String::from_utf8_lossy(bytes).into_owned())
        })?;
        let mut values: [HashMap<u64, String>; 3] = Default::default();
        for (i, column) in self.facet_columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let mut distinct: Vec<u64> = self.facet_ords.values().filter_map(|o| o[i]).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let mut found = Vec::with_capacity(distinct.len());
            column
                .dictionary()
                .sorted_ords_to_term_cb(&distinct, |bytes| {
                    found.push(String::from_utf8_lossy(bytes).into_owned())
                })?;
            values[i] = distinct.into_iter().zip(found).collect();
        }
        let value = |i: usize, ord: Option<u64>| {
            ord.and_then(|o| values[i].get(&o).cloned())
                .unwrap_or_default()
        };
        let mut out = Vec::with_capacity(groups.len());
        for ((ord, mut group), id) in groups.into_iter().zip(names) {
            if let Some(o) = self.facet_ords.get(&ord) {
                group.facets = GroupFacets {
                    doc_type: value(0, o[0]),
                    date: value(1, o[1]),
                    issuer: value(2, o[2]),
                };
            }
            out.push((id, group));
        }
        Ok(out)
    }
}
