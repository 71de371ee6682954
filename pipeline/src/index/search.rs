//! Running a query against the page index and turning page hits into document hits.
//!
//! In: a user query (tantivy query syntax: words, `"phrases"`, `AND`/`OR`/`-`), a searcher.
//! Out: [`SearchResults`]: matching documents ranked by their best page, each with every
//! matching page number and a `<b>`-highlighted snippet of its best page; or the ids of all
//! indexed documents.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

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

/// How relevance ranking is computed; both give the same results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ranking {
    /// [`ranked_by_relevance`]'s two passes where they apply.
    Fastest,
    /// One scored pass over every match ([`DocumentGroups`]).
    #[cfg_attr(not(test), allow(dead_code))]
    SinglePass,
}

/// Runs `query`, groups matching pages by document, counts facets over all matching
/// documents and returns the documents of the requested page of results.
pub(crate) fn run_with(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    options: &SearchOptions,
    ranking: Ranking,
) -> Result<SearchResults> {
    let wanted = options.offset.saturating_add(options.limit);
    let found = match options.sort {
        SortOrder::Relevance if wanted > 0 && ranking == Ranking::Fastest => {
            ranked_by_relevance(searcher, query, wanted)?
        }
        _ => searcher.search(
            query,
            &DocumentGroups {
                wanted,
                sort: options.sort,
                tally: false,
            },
        )?,
    };
    let mut ranked = found.candidates;
    ranked.sort_by(|a, b| compare_candidates(a, b, options.sort));
    let [doc_type, year, issuer] = found.facets;
    let facets = Facets {
        doc_type: facet_counts(doc_type),
        year: facet_counts(year),
        issuer: facet_counts(issuer),
    };

    let snippets = Snippets::new(searcher, query, fields)?;
    let mut hits = Vec::with_capacity(options.limit.min(ranked.len()));
    for candidate in ranked.into_iter().skip(options.offset).take(options.limit) {
        let page: TantivyDocument = searcher.doc(candidate.best)?;
        let get = |field| {
            page.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        hits.push(SearchHit {
            id: candidate.id,
            score: candidate.score,
            title: get(fields.title),
            doc_type: get(fields.doc_type),
            symbol: get(fields.symbol),
            date: get(fields.date),
            issuer: get(fields.issuer),
            // Page 0 is the placeholder of a document indexed without pages.
            pages: candidate.pages.into_iter().filter(|&p| p != 0).collect(),
            snippet: snippets.render(&get(fields.text)),
            restricted: get(fields.restricted) == "1",
        });
    }
    Ok(SearchResults {
        total: found.total,
        hits,
        facets,
    })
}

/// Relevance ranking in two passes, with the same result as the single scored pass of
/// [`DocumentGroups`]: an unscored pass counts totals, facets and each document's matching
/// pages ([`SegmentTally`]); then one scored pass ([`TopDocuments`]) keeps the best
/// documents, telling tantivy the lowest page score that can still enter them, so the query
/// is pruned (block-max WAND where tantivy can) instead of every page being ranked.
fn ranked_by_relevance(searcher: &Searcher, query: &dyn Query, wanted: usize) -> Result<Found> {
    let mut found = searcher.search(
        query,
        &DocumentGroups {
            wanted: 0,
            sort: SortOrder::Relevance,
            tally: true,
        },
    )?;
    if found.total == 0 {
        return Ok(found);
    }
    let tallies = std::mem::take(&mut found.tallies);
    let max_pages = tallies
        .iter()
        .flat_map(|t| t.pages.iter().copied())
        .max()
        .unwrap_or(1);
    let collector = TopDocuments {
        wanted,
        bound: pages_bonus(max_pages),
        tallies: std::sync::Mutex::new(tallies.into_iter().map(|t| (t.segment_ord, t)).collect()),
    };
    let mut candidates = Vec::new();
    for segment in searcher.search(query, &collector)? {
        candidates.extend(segment.map_err(tantivy::TantivyError::from)?);
    }
    candidates.sort_by(|a, b| compare_candidates(a, b, SortOrder::Relevance));
    candidates.truncate(wanted);
    found.candidates = candidates;
    Ok(found)
}

/// The `wanted` best documents of each segment by score (best page times the pages bonus,
/// the pages counted by the unscored pass), with all their matching pages.
struct TopDocuments {
    wanted: usize,
    /// The largest pages bonus of any matching document.
    bound: Score,
    /// Each segment's tally, taken by its segment collector.
    tallies: std::sync::Mutex<HashMap<SegmentOrdinal, SegmentTally>>,
}

impl Collector for TopDocuments {
    type Fruit = Vec<std::io::Result<Vec<Candidate>>>;
    type Child = SegmentTopDocuments;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTopDocuments> {
        let tally = self
            .tallies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&segment_ord);
        Ok(SegmentTopDocuments {
            segment_ord,
            ids: segment.fast_fields().str(Fields::ID_NAME)?,
            tally,
            wanted: self.wanted,
            bound: self.bound,
            best: Vec::new(),
            position: HashMap::default(),
            threshold: Score::MIN,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<std::io::Result<Vec<Candidate>>>,
    ) -> tantivy::Result<Self::Fruit> {
        Ok(segment_fruits)
    }

    /// Scores the segment with pruning: pages at or below the child's threshold are skipped.
    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<std::io::Result<Vec<Candidate>>> {
        let mut child = self.for_segment(segment_ord, reader)?;
        let alive = reader.alive_bitset().cloned();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.as_ref().is_none_or(|a| a.is_alive(doc)) {
                child.collect(doc, score);
            }
            child.threshold
        })?;
        Ok(child.harvest())
    }
}

/// [`TopDocuments`] within one segment.
struct SegmentTopDocuments {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    tally: Option<SegmentTally>,
    wanted: usize,
    bound: Score,
    /// (document score, group, best page) of the documents that may be among the best.
    best: Vec<(Score, u32, DocId)>,
    /// Group → index in `best`.
    position: HashMap<u32, usize>,
    /// A page scoring at or below this cannot lift its document among the best.
    threshold: Score,
}

impl SegmentTopDocuments {
    /// Keeps the `wanted` best documents (ties by id, as the result order) and raises the
    /// threshold to the lowest page score that could still beat the last of them.
    fn shrink(&mut self) {
        let Some(tally) = &self.tally else { return };
        let id_of = |group: u32| tally.id_ords[group as usize];
        self.best.sort_by(|a, b| {
            result_order::<u8, u64>(
                SortOrder::Relevance,
                (a.0, None, id_of(a.1)),
                (b.0, None, id_of(b.1)),
            )
        });
        self.best.truncate(self.wanted);
        self.position = self
            .best
            .iter()
            .enumerate()
            .map(|(i, &(_, group, _))| (group, i))
            .collect();
        if self.best.len() == self.wanted {
            let last = self.best[self.wanted - 1].0;
            // Just below, so that a page tying the last document is still seen (ties go by id).
            self.threshold = last / self.bound * (1.0 - 1e-5);
        }
    }
}

impl SegmentCollector for SegmentTopDocuments {
    type Fruit = std::io::Result<Vec<Candidate>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let (Some(ids), Some(tally)) = (&self.ids, &self.tally) else {
            return;
        };
        let Some(group) = ids
            .ords()
            .first(doc)
            .and_then(|o| tally.group_of_id.get(o as usize).copied())
            .filter(|&g| g != NO_GROUP)
        else {
            return;
        };
        let document_score = score * pages_bonus(tally.pages[group as usize]);
        match self.position.get(&group) {
            Some(&i) => {
                if document_score > self.best[i].0 {
                    self.best[i] = (document_score, group, doc);
                }
            }
            None => {
                self.position.insert(group, self.best.len());
                self.best.push((document_score, group, doc));
                if self.best.len() >= 2 * self.wanted.max(8) {
                    self.shrink();
                }
            }
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.shrink();
        let (Some(ids), Some(tally)) = (&self.ids, &self.tally) else {
            return Ok(Vec::new());
        };
        let chosen = self
            .best
            .iter()
            .map(|&(score, group, best)| ChosenGroup {
                group,
                id_ord: tally.id_ords[group as usize],
                score,
                best,
                date: String::new(),
            })
            .collect();
        segment_candidates(
            ids,
            self.segment_ord,
            chosen,
            tally.id_ords.len(),
            &tally.matches,
        )
    }
}

/// A document group of one segment chosen for the hits.
struct ChosenGroup {
    group: u32,
    /// Term ordinal of its id.
    id_ord: u64,
    score: Score,
    best: DocId,
    date: String,
}

/// The chosen groups of one segment (of `groups` in all) as candidates: their ids resolved
/// in one sorted pass over the id dictionary (a lookup per id would decompress a block each
/// time), their pages gathered from the segment's `(group, page)` matches.
fn segment_candidates(
    ids: &StrColumn,
    segment_ord: SegmentOrdinal,
    mut chosen: Vec<ChosenGroup>,
    groups: usize,
    matches: &[(u32, u32)],
) -> std::io::Result<Vec<Candidate>> {
    chosen.sort_unstable_by_key(|c| c.id_ord);
    let id_ords: Vec<u64> = chosen.iter().map(|c| c.id_ord).collect();
    let mut names = Vec::with_capacity(id_ords.len());
    ids.dictionary().sorted_ords_to_term_cb(&id_ords, |bytes| {
        names.push(String::from_utf8_lossy(bytes).into_owned())
    })?;
    let mut position = vec![usize::MAX; groups];
    let mut candidates: Vec<Candidate> = Vec::with_capacity(chosen.len());
    for (c, id) in chosen.into_iter().zip(names) {
        position[c.group as usize] = candidates.len();
        candidates.push(Candidate {
            id,
            score: c.score,
            date: c.date,
            best: DocAddress::new(segment_ord, c.best),
            pages: Vec::new(),
        });
    }
    for &(group, page) in matches {
        if let Some(c) = candidates.get_mut(position[group as usize]) {
            c.pages.push(page);
        }
    }
    for c in &mut candidates {
        c.pages.sort_unstable();
        c.pages.dedup();
    }
    Ok(candidates)
}

/// The pages bonus of a document with `pages` matching pages (see [`PAGES_BONUS`]).
fn pages_bonus(pages: u32) -> Score {
    1.0 + PAGES_BONUS * (pages.max(1) as Score).ln()
}

/// Result order: best score first (ties by id), or by date with undated documents last
/// either way (ties by score, then id).
fn compare_candidates(a: &Candidate, b: &Candidate, sort: SortOrder) -> std::cmp::Ordering {
    result_order(sort, candidate_key(a), candidate_key(b))
}

/// A candidate's `(score, date, id)` key for [`result_order`].
fn candidate_key(c: &Candidate) -> (Score, Option<&str>, &str) {
    let date = (!c.date.is_empty()).then_some(c.date.as_str());
    (c.score, date, c.id.as_str())
}

/// The result order on `(score, date, id)` keys, shared by the ranking across segments
/// (date and id as strings) and within one (as term ordinals, which sort as their terms
/// do). A date of `None` is no date.
fn result_order<D: Ord, I: Ord>(
    sort: SortOrder,
    a: (Score, Option<D>, I),
    b: (Score, Option<D>, I),
) -> std::cmp::Ordering {
    let by_score = || b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2));
    match sort {
        SortOrder::Relevance => by_score(),
        SortOrder::Date | SortOrder::DateDescending => {
            let dates = if sort == SortOrder::DateDescending {
                b.1.cmp(&a.1)
            } else {
                a.1.cmp(&b.1)
            };
            a.1.is_none()
                .cmp(&b.1.is_none())
                .then(dates)
                .then_with(by_score)
        }
    }
}

/// Facet counts, most frequent first (ties by value); empty values are not counted.
fn facet_counts(counts: HashMap<String, usize>) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .into_iter()
        .filter(|(value, _)| !value.is_empty())
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
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

/// A document that may be among the requested hits.
#[derive(Debug)]
struct Candidate {
    id: String,
    /// Score of the best page times the pages bonus.
    score: Score,
    /// `YYYY-MM-DD` or empty.
    date: String,
    /// Address of the best page.
    best: DocAddress,
    /// Numbers of all matching pages, ascending.
    pages: Vec<u32>,
}

/// What the search found: the number of matching documents, facet counts over all of them
/// (type, year of the date, issuer values), and the documents that may be among the requested hits.
struct Found {
    total: usize,
    facets: [HashMap<String, usize>; 3],
    candidates: Vec<Candidate>,
    /// In tally mode, each segment's matching documents (else empty).
    tallies: Vec<SegmentTally>,
}

/// The matching documents of one segment, from an unscored pass: enough to put a document
/// found by a scored top-pages pass together (its number of matching pages, its pages).
struct SegmentTally {
    segment_ord: SegmentOrdinal,
    /// Id term ordinal → group, or [`NO_GROUP`].
    group_of_id: Vec<u32>,
    /// Id term ordinal of each group.
    id_ords: Vec<u64>,
    /// Matching pages per group.
    pages: Vec<u32>,
    /// (group, page number) of every match.
    matches: Vec<(u32, u32)>,
}

/// Groups matching pages by document. A document's pages are in one segment (they are
/// written as one batch), so each segment counts its documents and facet values over all
/// its matches with dense arrays keyed by term ordinals, and resolves the ids, dates and
/// pages only of its `wanted` best documents.
struct DocumentGroups {
    /// Offset plus limit: the best documents each segment must hand over.
    wanted: usize,
    sort: SortOrder,
    /// Count only, without scoring: totals, facets and a [`SegmentTally`] per segment (for
    /// [`ranked_by_relevance`], with `wanted` 0: no candidates).
    tally: bool,
}

/// No group yet for this id ordinal.
const NO_GROUP: u32 = u32::MAX;

impl Collector for DocumentGroups {
    type Fruit = Found;
    type Child = SegmentGroups;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentGroups> {
        let fast_fields = segment.fast_fields();
        let ids = fast_fields.str(Fields::ID_NAME)?;
        let id_terms = ids.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentGroups {
            segment_ord,
            ids,
            pages: fast_fields.u64(Fields::PAGE_NAME)?,
            facet_columns: [
                fast_fields.str(Fields::DOC_TYPE_NAME)?,
                fast_fields.str(Fields::DATE_NAME)?,
                fast_fields.str(Fields::ISSUER_EXACT_NAME)?,
            ],
            group_of_id: vec![NO_GROUP; id_terms],
            groups: Vec::new(),
            matches: Vec::new(),
            wanted: self.wanted,
            sort: self.sort,
            tally: self.tally,
        })
    }

    fn requires_scoring(&self) -> bool {
        !self.tally
    }

    fn merge_fruits(&self, segment_fruits: Vec<std::io::Result<Found>>) -> tantivy::Result<Found> {
        let mut merged = Found {
            total: 0,
            facets: Default::default(),
            candidates: Vec::new(),
            tallies: Vec::new(),
        };
        for fruit in segment_fruits {
            let fruit = fruit?;
            merged.total += fruit.total;
            for (into, from) in merged.facets.iter_mut().zip(fruit.facets) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
            merged.candidates.extend(fruit.candidates);
            merged.tallies.extend(fruit.tallies);
        }
        Ok(merged)
    }
}

/// One matching document within a segment.
struct SegmentGroup {
    /// Term ordinal of its id (ordinals follow the terms' sort order).
    id_ord: u64,
    /// Best page score; times the pages bonus once harvested.
    score: Score,
    best: DocId,
    pages: u32,
    /// Term ordinals of its type, date and issuer.
    facet_ords: [Option<u64>; 3],
}

/// [`DocumentGroups`] within one segment.
struct SegmentGroups {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    pages: Column<u64>,
    /// Type, date and issuer columns.
    facet_columns: [Option<StrColumn>; 3],
    /// Id term ordinal → index in `groups`.
    group_of_id: Vec<u32>,
    groups: Vec<SegmentGroup>,
    /// (group, page number) of every match.
    matches: Vec<(u32, u32)>,
    wanted: usize,
    sort: SortOrder,
    tally: bool,
}

impl SegmentCollector for SegmentGroups {
    type Fruit = std::io::Result<Found>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(id_ord) = self.ids.as_ref().and_then(|ids| ids.ords().first(doc)) else {
            return;
        };
        let Some(slot) = self.group_of_id.get_mut(id_ord as usize) else {
            return;
        };
        if *slot == NO_GROUP {
            *slot = self.groups.len() as u32;
            let columns = &self.facet_columns;
            self.groups.push(SegmentGroup {
                id_ord,
                score,
                best: doc,
                pages: 0,
                facet_ords: [0, 1, 2]
                    .map(|i| columns[i].as_ref().and_then(|c| c.ords().first(doc))),
            });
        }
        let group_index = *slot;
        let group = &mut self.groups[group_index as usize];
        if score > group.score {
            group.score = score;
            group.best = doc;
        }
        group.pages += 1;
        let page = self
            .pages
            .first(doc)
            .and_then(|p| u32::try_from(p).ok())
            .unwrap_or(0);
        self.matches.push((group_index, page));
    }

    fn harvest(mut self) -> Self::Fruit {
        let (Some(ids), total) = (self.ids.as_ref(), self.groups.len()) else {
            return Ok(Found {
                total: 0,
                facets: Default::default(),
                candidates: Vec::new(),
                tallies: Vec::new(),
            });
        };
        for group in &mut self.groups {
            group.score *= pages_bonus(group.pages);
        }
        // Facet counts by ordinal (dense: ordinals are below the column's term count), then
        // each counted ordinal resolved once, in one sorted pass over its dictionary (a lookup
        // per ordinal decompresses a block each time).
        // Dates are counted by year (the facet shown), and kept by ordinal for the hits.
        let mut facets: [HashMap<String, usize>; 3] = Default::default();
        let mut date_ords: Vec<u64> = Vec::new();
        let mut date_values: Vec<String> = Vec::new();
        for (i, column) in self.facet_columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let mut counts = vec![0u32; column.num_terms()];
            for group in &self.groups {
                if let Some(count) = group.facet_ords[i].and_then(|o| counts.get_mut(o as usize)) {
                    *count += 1;
                }
            }
            let ords: Vec<u64> = (0..counts.len() as u64)
                .filter(|&o| counts[o as usize] > 0)
                .collect();
            let mut values = Vec::with_capacity(ords.len());
            column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                values.push(String::from_utf8_lossy(bytes).into_owned())
            })?;
            for (ord, value) in ords.into_iter().zip(values) {
                let count = counts[ord as usize] as usize;
                if i != 1 {
                    *facets[i].entry(value).or_default() += count;
                    continue;
                }
                if let Some(year) = value.get(..4) {
                    match facets[1].get_mut(year) {
                        Some(total) => *total += count,
                        None => {
                            facets[1].insert(year.to_owned(), count);
                        }
                    }
                }
                date_ords.push(ord);
                date_values.push(value);
            }
        }

        // `date_ords` ascends: the ordinals were resolved in order.
        let date_of = |ord: u64| {
            date_ords
                .binary_search(&ord)
                .ok()
                .map(|k| date_values[k].as_str())
        };

        // The `wanted` best groups by the result order, on keys made once per group (date
        // ordinals sort as the dates do; an empty date is no date; relevance needs no date).
        // A tally chooses none.
        let sort = self.sort;
        let groups = &self.groups;
        let mut chosen: Vec<u32> = Vec::new();
        if self.wanted > 0 {
            let keys: Vec<(Score, Option<u64>, u64)> = groups
                .iter()
                .map(|g| {
                    let date = match sort {
                        SortOrder::Relevance => None,
                        SortOrder::Date | SortOrder::DateDescending => {
                            g.facet_ords[1].filter(|&o| date_of(o).is_some_and(|d| !d.is_empty()))
                        }
                    };
                    (g.score, date, g.id_ord)
                })
                .collect();
            let order = |a: &u32, b: &u32| result_order(sort, keys[*a as usize], keys[*b as usize]);
            chosen = (0..groups.len() as u32).collect();
            if self.wanted < chosen.len() {
                chosen.select_nth_unstable_by(self.wanted - 1, order);
                chosen.truncate(self.wanted);
            }
        }
        let chosen = chosen
            .into_iter()
            .map(|g| {
                let group = &groups[g as usize];
                ChosenGroup {
                    group: g,
                    id_ord: group.id_ord,
                    score: group.score,
                    best: group.best,
                    date: group.facet_ords[1]
                        .and_then(|o| date_of(o).map(str::to_owned))
                        .unwrap_or_default(),
                }
            })
            .collect();
        let candidates =
            segment_candidates(ids, self.segment_ord, chosen, groups.len(), &self.matches)?;
        let tallies = if self.tally {
            vec![SegmentTally {
                segment_ord: self.segment_ord,
                pages: self.groups.iter().map(|g| g.pages).collect(),
                id_ords: self.groups.iter().map(|g| g.id_ord).collect(),
                group_of_id: std::mem::take(&mut self.group_of_id),
                matches: std::mem::take(&mut self.matches),
            }]
        } else {
            Vec::new()
        };
        Ok(Found {
            total,
            facets,
            candidates,
            tallies,
        })
    }
}
