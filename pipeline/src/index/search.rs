//! Running a query against the page index and turning page hits into document hits.
//!
//! In: a user query (tantivy query syntax: words, `"phrases"`, `AND`/`OR`/`-`), a searcher.
//! Out: [`SearchResults`]: matching documents ranked by their best page, each with every
//! matching page number and a `<b>`-highlighted snippet of its best page; or the ids of all
//! indexed documents.

use std::collections::BTreeSet;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::{Query, QueryParser, QueryParserError};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    BitSet, DocAddress, DocId, Index, Score, Searcher, SegmentOrdinal, SegmentReader,
    TantivyDocument, Term,
};

use super::hidden_docs::{HiddenDocs, Visible};
use super::schema::Fields;
use super::segment_documents::{self, SearcherDocuments, SegmentDocuments};
use super::statistics::SearchStatistics;
use super::{FacetCount, Facets, SearchHit, SearchOptions, SearchResults, SortOrder};
use crate::{Error, QueryProblem, Result};

/// Weight of the exact-diacritics field against the folded one, so `bán` ranks a page that
/// says `bán` above one that only says `bàn` or `ban`.
pub(crate) const EXACT_BOOST: Score = 2.0;

/// Weight of the per-page bonus: a document's score is its best page's score times
/// `1 + PAGES_BONUS · ln(matching pages)` (+46 % at 100 pages), well below what the exact
/// boost adds, so many folded-only pages do not outrank one exact-diacritics page.
const PAGES_BONUS: Score = 0.1;

/// Longest snippet, in bytes of the page text (tantivy counts bytes).
const SNIPPET_MAX_BYTES: usize = 240;

/// The query parser: both text fields, exact boosted, all words required unless `OR` is
/// written. [`parse`] rewrites what it is given for matching and for ranking.
pub(crate) fn query_parser(index: &Index, fields: &Fields) -> QueryParser {
    let mut parser = QueryParser::for_index(index, vec![fields.text, fields.text_folded]);
    parser.set_field_boost(fields.text, EXACT_BOOST);
    parser.set_conjunction_by_default();
    parser
}

/// A user query made ready to run, as two queries that match the same pages.
///
/// Every exact-diacritics match of a word or phrase is also a folded match (folding is done
/// word by word on the canonical form), so the folded terms alone decide which pages match.
/// The exact terms only raise the score of the pages that have them.
pub(crate) struct PreparedQuery {
    /// The folded terms only: for counting totals, facets and matching pages.
    pub matching: Box<dyn Query>,
    /// Folded and exact terms, exact boosted: for scores and snippets.
    pub ranking: Box<dyn Query>,
    /// Whether tantivy can prune the ranking query when it looks for the best pages
    /// (block-max WAND): a term, or a union of terms. Only such a query is counted in one
    /// pass and ranked in another; any other (an intersection, a phrase, a filtered query)
    /// visits and scores every matching page anyway, so it is run once, scored.
    pub prunable: bool,
    /// For several required plain words (not prunable as they are): every term of the
    /// ranking query in one union. On a page the matching query finds, the union's score
    /// is the sum the ranking query gives it (the same terms, the same weights), so the
    /// best pages are found by ranking the union with pruning over those pages only.
    pub pruned: Option<Box<dyn Query>>,
    /// The fuzzy matches of the query's words ([`misreadings`]): a snippet shows them only
    /// on a page without the words themselves.
    pub misreadings: Vec<Misreading>,
}

impl PreparedQuery {
    fn new(matching: Box<dyn Query>, ranking: Box<dyn Query>) -> Self {
        PreparedQuery {
            matching,
            prunable: is_union_of_terms(ranking.as_ref()),
            ranking,
            pruned: None,
            misreadings: Vec::new(),
        }
    }

    /// The query that ranks the best pages with pruning, if there is one, and whether a
    /// page it scores must also be among the matching query's (see [`Self::pruned`]).
    fn pruned_ranking(&self) -> Option<(&dyn Query, bool)> {
        if self.prunable {
            Some((self.ranking.as_ref(), false))
        } else {
            self.pruned.as_deref().map(|union| (union, true))
        }
    }

    /// Both queries with the same extra clauses (filters) added to each.
    pub(crate) fn with_clauses(
        self,
        clauses: &[(tantivy::query::Occur, Box<dyn Query>)],
    ) -> PreparedQuery {
        if clauses.is_empty() {
            return self;
        }
        let wrap = |query: Box<dyn Query>| -> Box<dyn Query> {
            let mut all = vec![(tantivy::query::Occur::Must, query)];
            all.extend(clauses.iter().map(|(occur, q)| (*occur, q.box_clone())));
            Box::new(tantivy::query::BooleanQuery::new(all))
        };
        PreparedQuery {
            matching: wrap(self.matching),
            ranking: wrap(self.ranking),
            prunable: false,
            pruned: None,
            misreadings: self.misreadings,
        }
    }
}

/// Whether `query` is a term or a union of terms (each maybe boosted), which tantivy ranks
/// with block-max WAND.
fn is_union_of_terms(query: &dyn Query) -> bool {
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
    let one_term = |query: &dyn Query| {
        let mut terms = 0;
        let mut positional = false;
        query.query_terms(&mut |_, needs_positions| {
            terms += 1;
            positional |= needs_positions;
        });
        (query.is::<TermQuery>() || query.is::<BoostQuery>()) && terms == 1 && !positional
    };
    match query.downcast_ref::<BooleanQuery>() {
        Some(boolean) => {
            boolean.get_minimum_number_should_match() <= 1
                && boolean
                    .clauses()
                    .iter()
                    .all(|(occur, clause)| *occur == Occur::Should && one_term(clause.as_ref()))
        }
        None => one_term(query),
    }
}

/// Words up to this many characters must match exactly (or folded); longer ones may also
/// match at edit distance 1, and from [`FUZZY_TWO_FROM`] characters at distance 2.
const FUZZY_ONE_FROM: usize = 5;
const FUZZY_TWO_FROM: usize = 9;
/// Weight of a fuzzy match, well below an exact or folded one.
const FUZZY_BOOST: Score = 0.3;
/// A word this many times more frequent than the query word is taken for what the query
/// word misspells (the query was typed or copied with an OCR error).
const MISSPELLED_RATIO: u64 = 20;

/// A query of plain words (optionally `word*` for a prefix), each of which must match: with
/// its exact diacritics (ranked first), folded, or — for OCR errors in the text — within an
/// edit distance that grows with the word's length (ranked below both; see
/// [`misreadings`]). `Ok(None)` when the query uses any syntax (quotes, fields, AND/OR, `-`),
/// which the query parser then handles.
pub(crate) fn forgiving(
    searcher: &Searcher,
    statistics: &SearchStatistics<'_>,
    fields: &Fields,
    query: &str,
) -> Result<Option<PreparedQuery>> {
    use tantivy::query::{BoostQuery, FuzzyTermQuery, Occur, TermQuery, TermSetQuery};
    use tantivy::schema::IndexRecordOption;
    let index = searcher.index();
    let words: Vec<&str> = query.split_whitespace().collect();
    let plain = |w: &&str| {
        let core = w.strip_suffix('*').unwrap_or(w);
        !core.is_empty()
            && core.chars().all(char::is_alphanumeric)
            && !matches!(*w, "AND" | "OR" | "NOT")
    };
    if words.is_empty() || !words.iter().all(plain) {
        return Ok(None);
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
    let mut matching: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut ranked: Vec<RankedWord> = Vec::new();
    let mut misread: Vec<Misreading> = Vec::new();
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
        if prefix {
            let prefixed = FuzzyTermQuery::new_prefix(folded_term, 0, true);
            matching.push((Occur::Must, Box::new(prefixed.clone())));
            clauses.push((Occur::Must, Box::new(prefixed)));
            continue;
        }
        let length = folded.chars().count();
        let distance = match length {
            n if n >= FUZZY_TWO_FROM => 2,
            n if n >= FUZZY_ONE_FROM => 1,
            _ => 0,
        };
        let variants = match distance {
            0 => Vec::new(),
            _ => misreadings(searcher, statistics, &folded_term, distance)?,
        };
        // What matches: the folded word or a misreading, as one set of terms (counting needs
        // no scores, and one docset of all their pages is cheaper than a union).
        let matched: Box<dyn Query> = if variants.is_empty() {
            Box::new(TermQuery::new(
                folded_term.clone(),
                IndexRecordOption::Basic,
            ))
        } else {
            let mut terms: Vec<Term> = variants.iter().map(|v| v.term.clone()).collect();
            terms.push(folded_term.clone());
            Box::new(TermSetQuery::new(terms))
        };
        matching.push((Occur::Must, matched));
        // How it ranks: exact above folded above a misreading. A page with the exact word
        // always has its folded form too, so the folded word (or a misreading) is what a
        // page needs, and the exact word only adds to its score.
        let exact: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(fields.text, &exact),
                IndexRecordOption::WithFreqs,
            )),
            EXACT_BOOST,
        ));
        let mut needed: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Should,
            Box::new(TermQuery::new(folded_term, IndexRecordOption::WithFreqs)),
        )];
        for variant in variants {
            needed.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        variant.term.clone(),
                        IndexRecordOption::WithFreqs,
                    )),
                    variant.boost,
                )),
            ));
            misread.push(variant);
        }
        ranked.push(RankedWord { needed, exact });
    }
    let mut pruned = None;
    if !clauses.is_empty() || ranked.len() <= 1 {
        // One word, or a prefix word among them: each word the union of its terms, required.
        // One word alone is that union, which tantivy prunes (block-max WAND).
        clauses.extend(ranked.into_iter().map(|w| (Occur::Must, w.scored_alone())));
    } else {
        // Several: the pages having every word (an intersection moving by skips over each
        // word's folded postings), their exact forms scored where present. Scores are the
        // same sums as the words' unions give, and as the union of all their terms gives
        // on the pages having every word.
        let union: Vec<(Occur, Box<dyn Query>)> = ranked
            .iter()
            .flat_map(|word| {
                word.needed
                    .iter()
                    .map(|(_, term)| term)
                    .chain(std::iter::once(&word.exact))
            })
            .map(|term| (Occur::Should, term.box_clone()))
            .collect();
        let union: Box<dyn Query> = Box::new(tantivy::query::BooleanQuery::new(union));
        debug_assert!(is_union_of_terms(union.as_ref()));
        pruned = Some(union);
        for word in ranked {
            clauses.push((Occur::Must, boolean_of(word.needed)));
            clauses.push((Occur::Should, word.exact));
        }
    }
    Ok((!clauses.is_empty()).then(|| {
        let mut prepared = PreparedQuery::new(boolean_of(matching), boolean_of(clauses));
        prepared.pruned = pruned;
        prepared.misreadings = misread;
        prepared
    }))
}

/// How one plain query word ranks a page: the terms a page needs one of (its folded form,
/// its misreadings), each scoring, and its exact form, scoring more where present.
struct RankedWord {
    needed: Vec<(tantivy::query::Occur, Box<dyn Query>)>,
    exact: Box<dyn Query>,
}

impl RankedWord {
    /// The word as one union of all its terms (a page matches it by needing one of them).
    fn scored_alone(mut self) -> Box<dyn Query> {
        self.needed
            .push((tantivy::query::Occur::Should, self.exact));
        Box::new(tantivy::query::BooleanQuery::new(self.needed))
    }
}

/// The boolean query of `clauses`; a clause alone that a page must or should match is the
/// query itself, which tantivy can prune (block-max WAND over a union of terms) where a
/// boolean query around it could not be.
fn boolean_of(mut clauses: Vec<(tantivy::query::Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    use tantivy::query::Occur;
    match clauses.pop() {
        Some((Occur::Must | Occur::Should, only)) if clauses.is_empty() => only,
        Some(last) => {
            clauses.push(last);
            Box::new(tantivy::query::BooleanQuery::new(clauses))
        }
        None => Box::new(tantivy::query::BooleanQuery::new(clauses)),
    }
}

/// An indexed word taken for an OCR misreading of a query word (or the word it misspells),
/// and the boost that scores a page for it at [`FUZZY_BOOST`] times what the query word
/// would score there.
pub(crate) struct Misreading {
    term: Term,
    /// Pages with it, over all segments.
    pages: u64,
    boost: Score,
}

/// The indexed words within `distance` edits of `term` (not the word itself) that
/// are plausibly OCR misreadings of it, or it of them.
///
/// A misreading is rarer than the word misread: OCR garbles a few letters in a hundred. So a
/// word is kept when it is on no more pages than the query word (a misreading of it), or on
/// [`MISSPELLED_RATIO`] times as many (the query word is itself the misreading). A word in
/// between is another word of the language: `trang` is not `trong`, `thang` or `trung`, and
/// matching them would count nearly every page and make totals and facets meaningless.
///
/// Each is scored as a term of its own (so ranking can still skip blocks of pages that
/// cannot reach the top), boosted so its rarity does not count: BM25 gives a rare word a
/// high weight, but a rare misreading is no better a match than a common one.
///
/// Page counts are those the search may count ([`SearchStatistics`]): a word only pages
/// hidden from the reader hold is no misreading for them, and their words move no choice.
fn misreadings(
    searcher: &Searcher,
    statistics: &SearchStatistics<'_>,
    term: &Term,
    distance: u8,
) -> Result<Vec<Misreading>> {
    let automaton =
        tantivy::query::FuzzyTermQuery::new(term.clone(), distance, true).automaton()?;
    let mut pages_with: HashMap<Vec<u8>, u64> = HashMap::default();
    for segment in searcher.segment_readers() {
        let inverted_index = segment.inverted_index(term.field())?;
        let mut stream = inverted_index
            .terms()
            .search(&automaton)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            *pages_with.entry(stream.key().to_vec()).or_default() +=
                u64::from(stream.value().doc_freq);
        }
    }
    for (word, pages) in &mut pages_with {
        if let Ok(text) = std::str::from_utf8(word) {
            *pages = statistics.visible_of(&Term::from_field_text(term.field(), text), *pages)?;
        }
    }
    pages_with.retain(|_, pages| *pages > 0);
    let pages = statistics.pages()? as f64;
    // BM25's inverse document frequency, as tantivy computes it.
    let idf = |with: u64| (1.0 + (pages - with as f64 + 0.5) / (with as f64 + 0.5)).ln();
    let word = term.serialized_value_bytes();
    let word_pages = pages_with.get(word).copied().unwrap_or(0);
    let mut variants: Vec<Misreading> = pages_with
        .into_iter()
        .filter(|(variant, pages)| {
            variant.as_slice() != word
                && (*pages <= word_pages || *pages >= word_pages.saturating_mul(MISSPELLED_RATIO))
        })
        .filter_map(|(variant, pages)| {
            let text = std::str::from_utf8(&variant).ok()?;
            // A query word on no page has no weight of its own: its misreadings keep theirs.
            let as_word = if word_pages == 0 { pages } else { word_pages };
            Some(Misreading {
                term: Term::from_field_text(term.field(), text),
                pages,
                boost: FUZZY_BOOST * (idf(as_word) / idf(pages)) as Score,
            })
        })
        .collect();
    // In term order, not the map's: the same query then sums its scores in the same order.
    variants.sort_by(|a, b| a.term.cmp(&b.term));
    Ok(variants)
}

/// The longest query accepted, in characters: far more than any query typed or pasted, far
/// less than what makes the parser or the query tree a risk to the process.
pub(crate) const MAX_QUERY_CHARS: usize = 2_000;
/// The deepest nesting of parentheses accepted. Parsing and building a query recurse once
/// per level: thousands of levels overflow the stack and abort the process.
pub(crate) const MAX_QUERY_NESTING: usize = 16;

/// Refuses a query too long or too deeply nested to be parsed safely, with an
/// [`Error::Query`] that says the limit. Runs before anything parses the query.
pub(crate) fn check_size(query: &str) -> Result<()> {
    let chars = query.chars().count();
    // A query this long is named by its start.
    let query_error = |message: String, problem| Error::Query {
        query: match query.char_indices().nth(80) {
            Some((end, _)) => format!("{}…", &query[..end]),
            None => query.to_owned(),
        },
        message,
        problem,
    };
    let nesting = nesting_depth(query);
    if nesting > MAX_QUERY_NESTING {
        return Err(query_error(
            format!(
                "parentheses are nested {nesting} deep; at most {MAX_QUERY_NESTING} levels are accepted"
            ),
            QueryProblem::TooDeep {
                depth: nesting,
                max: MAX_QUERY_NESTING,
            },
        ));
    }
    if chars > MAX_QUERY_CHARS {
        return Err(query_error(
            format!("the query is {chars} characters long; at most {MAX_QUERY_CHARS} are accepted"),
            QueryProblem::TooLong {
                chars,
                max: MAX_QUERY_CHARS,
            },
        ));
    }
    Ok(())
}

/// The deepest nesting of parentheses in `query`, outside quoted phrases and not counting
/// escaped ones (`\(`), as the query grammar reads them.
fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut deepest, mut quoted, mut escaped) = (0usize, 0usize, false, false);
    for c in query.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The field of the first `field:*` (any value) in the query, which tantivy can only answer
/// on fast fields, with an internal error otherwise.
fn any_value_of_a_field(ast: &tantivy::query_grammar::UserInputAst) -> Option<&str> {
    use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
    match ast {
        UserInputAst::Clause(clauses) => clauses
            .iter()
            .find_map(|(_, clause)| any_value_of_a_field(clause)),
        UserInputAst::Boost(inner, _) => any_value_of_a_field(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Exists { field } => Some(field),
            _ => None,
        },
    }
}

/// Parses `query`; an empty query or a syntax error is an [`Error::Query`].
///
/// Words and phrases without a field name match the folded field. For the ranking, a word
/// also scores on the exact field, and a quoted phrase is matched folded (its word positions
/// read once) with its words scoring on the exact field, not as a second, exact phrase.
/// Excluded words and phrases (`-word`) match on the folded field: a page with them written
/// with any diacritics is excluded (as it would be with the exact ones).
pub(crate) fn parse(parser: &QueryParser, query: &str) -> Result<PreparedQuery> {
    let query_error = |(message, problem): (String, QueryProblem)| Error::Query {
        query: query.to_owned(),
        message,
        problem,
    };
    if query.trim().is_empty() {
        return Err(query_error((
            "the query is empty".to_owned(),
            QueryProblem::Empty,
        )));
    }
    let ast = tantivy::query_grammar::parse_query(query)
        .map_err(|_| query_error(explain(QueryParserError::SyntaxError(query.to_owned()))))?;
    if let Some(field) = any_value_of_a_field(&ast) {
        return Err(query_error((
            format!(
                "`{field}:*` (any value of a field) cannot be searched; give a value \
                 (`{field}:VALUE`) or search words of the text"
            ),
            QueryProblem::AnyValue {
                field: field.to_owned(),
            },
        )));
    }
    let build = |purpose| {
        parser
            .build_query_from_user_input_ast(rewrite(ast.clone(), purpose))
            .map(super::exclusion::guard)
            .map_err(|e| query_error(explain(e)))
    };
    Ok(PreparedQuery::new(
        build(Purpose::Matching)?,
        build(Purpose::Ranking)?,
    ))
}

/// Which of the two queries of a [`PreparedQuery`] [`rewrite`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Matching,
    Ranking,
}

/// Rewrites the words and phrases on the default fields for `purpose`:
/// - matching, and excluded subqueries (`-word`, `-"a phrase"`) for either purpose: on the
///   folded field only (an exact match is always a folded match);
/// - ranking: each quoted phrase of several words as the phrase on the folded field
///   (required) and its words on the exact field (optional, their boost shared); single
///   words are left to the parser (both fields, exact boosted).
///
/// Only the folded field has word positions, so every phrase is matched there.
fn rewrite(
    ast: tantivy::query_grammar::UserInputAst,
    purpose: Purpose,
) -> tantivy::query_grammar::UserInputAst {
    use tantivy::query_grammar::{Delimiter, Occur, UserInputAst, UserInputLeaf};
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, clause)| match occur {
                    Some(Occur::MustNot) => (occur, rewrite(clause, Purpose::Matching)),
                    _ => (occur, rewrite(clause, purpose)),
                })
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(rewrite(*inner, purpose)), boost)
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(mut literal)
                if literal.field_name.is_none() && purpose == Purpose::Matching =>
            {
                literal.field_name = Some(matching_field(&literal).to_owned());
                UserInputAst::from(UserInputLeaf::Literal(literal))
            }
            UserInputLeaf::Literal(literal)
                if literal.field_name.is_none() && is_pairs_phrase(&literal) =>
            {
                let words: Vec<(Option<Occur>, UserInputAst)> =
                    super::analyzer::words(&literal.phrase)
                        .map(|word| {
                            let mut exact = literal.clone();
                            exact.field_name = Some(Fields::TEXT_NAME.to_owned());
                            word.clone_into(&mut exact.phrase);
                            exact.delimiter = Delimiter::None;
                            (
                                Some(Occur::Should),
                                UserInputAst::from(UserInputLeaf::Literal(exact)),
                            )
                        })
                        .collect();
                // The words' exact scores add up to about one word's, times the exact boost:
                // enough to rank a phrase written with these diacritics first, not so much
                // that words scattered over a page outweigh their being adjacent.
                let boost = f64::from(EXACT_BOOST) / words.len() as f64;
                let mut folded = literal;
                folded.field_name = Some(Fields::TEXT_PAIRS_NAME.to_owned());
                UserInputAst::Clause(vec![
                    (
                        Some(Occur::Must),
                        UserInputAst::from(UserInputLeaf::Literal(folded)),
                    ),
                    (
                        Some(Occur::Should),
                        UserInputAst::Boost(Box::new(UserInputAst::Clause(words)), boost.into()),
                    ),
                ])
            }
            other => UserInputAst::from(other),
        },
    }
}

/// The field a word or phrase without a field name is matched on: a quoted phrase of several
/// words, exact (no slop, no prefix), on the folded word pairs (one term for two words, a
/// phrase of pairs for more: the same pages as the phrase on the folded words, without
/// reading their positions); anything else on the folded words.
fn matching_field(literal: &tantivy::query_grammar::UserInputLiteral) -> &'static str {
    if is_pairs_phrase(literal) {
        Fields::TEXT_PAIRS_NAME
    } else {
        Fields::TEXT_FOLDED_NAME
    }
}

/// Whether a literal is a quoted phrase of several words without slop or prefix.
/// A word too long to index (which leaves a gap the pairs do not span) keeps the phrase on
/// the folded words.
fn is_pairs_phrase(literal: &tantivy::query_grammar::UserInputLiteral) -> bool {
    literal.delimiter == tantivy::query_grammar::Delimiter::DoubleQuotes
        && literal.slop == 0
        && !literal.prefix
        && super::analyzer::words(&literal.phrase).nth(1).is_some()
        && super::analyzer::words(&literal.phrase).all(super::analyzer::is_indexed)
}

/// A message for the user who wrote the query, and what it names.
fn explain(error: QueryParserError) -> (String, QueryProblem) {
    match error {
        QueryParserError::SyntaxError(_) => (
            "syntax error: check that quotes and parentheses are closed and that AND / OR \
             stand between two words"
                .to_owned(),
            QueryProblem::Syntax,
        ),
        QueryParserError::FieldDoesNotExist(field) | QueryParserError::FieldNotIndexed(field) => (
            format!(
                "{field:?} is not a searchable field; search the text without a field name \
                 (a colon after a word names a field)"
            ),
            QueryProblem::NotAField { field },
        ),
        QueryParserError::FieldDoesNotHavePositionsIndexed(field) => (
            format!(
                "a phrase cannot be searched in the field {field:?}; quote it without a field \
                 name (it matches any diacritics, and the exact ones rank first)"
            ),
            QueryProblem::PhraseInField { field },
        ),
        QueryParserError::AllButQueryForbidden => (
            "the query only excludes words (-word); add a word to search for".to_owned(),
            QueryProblem::OnlyExclusions,
        ),
        other => (other.to_string(), QueryProblem::Other),
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
        parser.parse_query(&q).map_err(|e| {
            let (message, problem) = explain(e);
            Error::Query {
                query: q.clone(),
                message,
                problem,
            }
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
                    problem: QueryProblem::DateFilter,
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

/// Runs `query`, groups matching pages by document (leaving out the `hidden` pages),
/// counts facets over all matching documents and returns the documents of the requested
/// page of results.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run_with(
    searcher: &Searcher,
    statistics: &SearchStatistics<'_>,
    fields: &Fields,
    prepared: &PreparedQuery,
    hidden: &HiddenDocs,
    documents: &SearcherDocuments,
    options: &SearchOptions,
    ranking: Ranking,
) -> Result<SearchResults> {
    let wanted = options.offset.saturating_add(options.limit);
    let query = prepared.ranking.as_ref();
    let pruned = match options.sort {
        SortOrder::Relevance if wanted > 0 && ranking == Ranking::Fastest => {
            prepared.pruned_ranking()
        }
        _ => None,
    };
    let found = match pruned {
        Some(pruned) => ranked_by_relevance(
            searcher,
            statistics,
            (prepared.matching.as_ref(), prepared.ranking.as_ref()),
            pruned,
            hidden,
            documents,
            wanted,
        )?,
        None => searcher.search_with_statistics_provider(
            query,
            &DocumentGroups {
                wanted,
                sort: options.sort,
                tally: false,
                mark_pages: false,
                hidden,
                documents,
            },
            statistics,
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

    let snippets = Snippets::new(searcher, statistics, prepared, fields)?;
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
            needs_grant: false,
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
/// is pruned (block-max WAND where tantivy can) instead of every page being ranked. When
/// `pages_must_match`, the pruned query reaches pages the `matching` one does not (a union
/// of several required words' terms): the unscored pass marks the matching pages, only
/// those are ranked, and the documents that may be among the best (with those tying them
/// to within float rounding, as the union adds the same scores in another order) are scored
/// again by `ranking` itself, so scores and ties come out as the single pass gives them.
fn ranked_by_relevance(
    searcher: &Searcher,
    statistics: &SearchStatistics<'_>,
    (matching, ranking): (&dyn Query, &dyn Query),
    (pruned, pages_must_match): (&dyn Query, bool),
    hidden: &HiddenDocs,
    documents: &SearcherDocuments,
    wanted: usize,
) -> Result<Found> {
    let mut found = searcher.search(
        matching,
        &DocumentGroups {
            wanted: 0,
            sort: SortOrder::Relevance,
            tally: true,
            mark_pages: pages_must_match,
            hidden,
            documents,
        },
    )?;
    if found.total == 0 {
        return Ok(found);
    }
    let tallies = std::mem::take(&mut found.tallies);
    let max_pages = tallies
        .iter()
        .flat_map(|t| t.pages_of_id.iter().copied())
        .max()
        .unwrap_or(1);
    let rescoring = if pages_must_match {
        Some(ranking.weight(
            tantivy::query::EnableScoring::enabled_from_statistics_provider(statistics, searcher),
        )?)
    } else {
        None
    };
    let collector = TopDocuments {
        wanted,
        rescoring,
        bonuses: Arc::new((0..=max_pages).map(pages_bonus).collect()),
        tallies: std::sync::Mutex::new(tallies.into_iter().map(|t| (t.segment_ord, t)).collect()),
        hidden,
        documents,
    };
    let mut candidates = Vec::new();
    for segment in searcher.search_with_statistics_provider(pruned, &collector, statistics)? {
        candidates.extend(segment.map_err(tantivy::TantivyError::from)?);
    }
    candidates.sort_by(|a, b| compare_candidates(a, b, SortOrder::Relevance));
    candidates.truncate(wanted);
    found.candidates = candidates;
    Ok(found)
}

/// The `wanted` best documents of each segment by score (best page times the pages bonus,
/// the pages counted by the unscored pass), with all their matching pages.
struct TopDocuments<'a> {
    wanted: usize,
    /// The ranking query's weight, when the pruned query is another ([`ranked_by_relevance`]).
    rescoring: Option<Box<dyn tantivy::query::Weight>>,
    /// The pages bonus of 0, 1, 2 … up to the most pages any matching document has,
    /// computed once per query rather than once per page scored. The last is the largest.
    bonuses: Arc<Vec<Score>>,
    /// Each segment's tally, taken by its segment collector.
    tallies: std::sync::Mutex<HashMap<SegmentOrdinal, SegmentTally>>,
    /// The pages left out.
    hidden: &'a HiddenDocs,
    /// Each segment's docs' id ordinals.
    documents: &'a SearcherDocuments,
}

impl Collector for TopDocuments<'_> {
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
            documents: self.documents.segment(segment_ord),
            tally,
            wanted: self.wanted,
            margin: self.rescoring.is_some(),
            bonuses: self.bonuses.clone(),
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
        let visible = self.hidden.visible(segment_ord, reader);
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if visible.contains(doc) {
                child.collect(doc, score);
            }
            child.threshold
        })?;
        let marked = child.tally.as_mut().and_then(|t| t.marked.take());
        if let (Some(rescoring), Some(marked)) = (&self.rescoring, &marked) {
            child.rescore(rescoring.as_ref(), reader, marked)?;
        }
        Ok(match child.harvest() {
            Ok(mut candidates) => {
                let pages = match &marked {
                    Some(marked) => PagesOf::Marked(marked),
                    None => PagesOf::Matches(weight),
                };
                matching_pages(pages, reader, &mut candidates)?;
                Ok(candidates)
            }
            Err(e) => Err(e),
        })
    }
}

/// [`TopDocuments`] within one segment.
struct SegmentTopDocuments {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    /// The id ordinal of each doc.
    documents: Arc<SegmentDocuments>,
    tally: Option<SegmentTally>,
    wanted: usize,
    /// Keep the documents within float rounding of the last of the `wanted` best too (they
    /// are scored again, [`SegmentTopDocuments::rescore`]).
    margin: bool,
    /// The pages bonus of each number of matching pages (see [`TopDocuments::bonuses`]).
    bonuses: Arc<Vec<Score>>,
    /// (document score, id ordinal, best page) of the documents that may be among the best.
    best: Vec<(Score, u64, DocId)>,
    /// Id ordinal → index in `best`.
    position: HashMap<u64, usize>,
    /// A page scoring at or below this cannot lift its document among the best.
    threshold: Score,
}

impl SegmentTopDocuments {
    /// Keeps the `wanted` best documents (ties by id, as the result order) and raises the
    /// threshold to the lowest page score that could still beat the last of them.
    fn shrink(&mut self) {
        self.best.sort_by(|a, b| {
            result_order::<u8, u64>(SortOrder::Relevance, &(a.0, None, a.1), &(b.0, None, b.1))
        });
        let kept = match self.best.get(self.wanted.saturating_sub(1)) {
            Some(&(last, _, _)) if self.margin && self.wanted > 0 => {
                let floor = last * (1.0 - TIE_MARGIN);
                self.wanted
                    + self.best[self.wanted..]
                        .iter()
                        .take_while(|b| b.0 >= floor)
                        .count()
            }
            _ => self.wanted,
        };
        self.best.truncate(kept);
        self.position = self
            .best
            .iter()
            .enumerate()
            .map(|(i, &(_, id_ord, _))| (id_ord, i))
            .collect();
        if self.best.len() == self.wanted {
            let last = self.best[self.wanted - 1].0;
            // Just below, so that a page tying the last document is still seen (ties go by id).
            // No document's pages bonus exceeds the largest (the table's last).
            let bound = self.bonuses.last().copied().unwrap_or(1.0);
            self.threshold = last / bound * (1.0 - TIE_MARGIN);
        }
    }

    /// Scores the kept documents again with the ranking query's `weight`: each one's
    /// `marked` pages, the best page (the first of equals) times the pages bonus, as the
    /// single pass scores them; then keeps the `wanted` best.
    fn rescore(
        &mut self,
        weight: &dyn tantivy::query::Weight,
        reader: &SegmentReader,
        marked: &BitSet,
    ) -> tantivy::Result<()> {
        use tantivy::DocSet;
        self.shrink();
        let Some(tally) = &self.tally else {
            return Ok(());
        };
        let documents = Arc::clone(&self.documents);
        let ids = documents.ids_of_docs();
        let id_at = |doc: DocId| ids.get(doc as usize).copied();
        let mut ranges: Vec<(DocId, DocId, usize)> = self
            .best
            .iter()
            .enumerate()
            .map(|(i, &(_, _, best))| {
                let (start, end) = document_range(best, reader.max_doc(), id_at);
                (start, end, i)
            })
            .collect();
        ranges.sort_unstable();
        let mut scorer = weight.scorer(reader, 1.0)?;
        for (start, end, i) in ranges {
            let mut best: Option<(Score, DocId)> = None;
            for doc in (start..end).filter(|&d| marked.contains(d)) {
                if scorer.doc() < doc {
                    scorer.seek(doc);
                }
                if scorer.doc() != doc {
                    continue;
                }
                let score = scorer.score();
                if best.is_none_or(|(top, _)| score > top) {
                    best = Some((score, doc));
                }
            }
            let entry = &mut self.best[i];
            if let Some((score, doc)) = best {
                let pages = tally
                    .pages_of_id
                    .get(entry.1 as usize)
                    .copied()
                    .unwrap_or(1);
                *entry = (score * self.bonuses[pages as usize], entry.1, doc);
            }
        }
        self.margin = false;
        self.shrink();
        Ok(())
    }
}

/// How far below the last of the best documents a page's score may be and still be looked
/// at: a sum of the same scores in another order differs in its last bits.
const TIE_MARGIN: Score = 1e-5;

impl SegmentCollector for SegmentTopDocuments {
    type Fruit = std::io::Result<Vec<Candidate>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(tally) = &self.tally else {
            return;
        };
        if tally.marked.as_ref().is_some_and(|m| !m.contains(doc)) {
            return;
        }
        let Some((id_ord, pages)) = self.documents.id_of(doc).and_then(|o| {
            let pages = *tally.pages_of_id.get(o as usize)?;
            (pages > 0).then_some((o, pages))
        }) else {
            return;
        };
        let document_score = score * self.bonuses[pages as usize];
        if let Some(&i) = self.position.get(&id_ord) {
            if document_score > self.best[i].0 {
                self.best[i] = (document_score, id_ord, doc);
            }
        } else {
            self.position.insert(id_ord, self.best.len());
            self.best.push((document_score, id_ord, doc));
            if self.best.len() >= 2 * self.wanted.max(8) {
                self.shrink();
            }
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.shrink();
        let Some(ids) = &self.ids else {
            return Ok(Vec::new());
        };
        let chosen = self
            .best
            .iter()
            .map(|&(score, id_ord, best)| ChosenGroup {
                id_ord,
                score,
                best,
                date: String::new(),
            })
            .collect();
        segment_candidates(ids, self.segment_ord, chosen)
    }
}

/// A document group of one segment chosen for the hits.
struct ChosenGroup {
    /// Term ordinal of its id.
    id_ord: u64,
    score: Score,
    best: DocId,
    date: String,
}

/// The chosen groups of one segment as candidates, their ids resolved in one sorted pass
/// over the id dictionary (a lookup per id would decompress a block each time); their pages
/// are left for [`matching_pages`].
fn segment_candidates(
    ids: &StrColumn,
    segment_ord: SegmentOrdinal,
    mut chosen: Vec<ChosenGroup>,
) -> std::io::Result<Vec<Candidate>> {
    chosen.sort_unstable_by_key(|c| c.id_ord);
    let id_ords: Vec<u64> = chosen.iter().map(|c| c.id_ord).collect();
    Ok(chosen
        .into_iter()
        .zip(terms_of(ids, &id_ords)?)
        .map(|(c, id)| Candidate {
            id,
            score: c.score,
            date: c.date,
            best: DocAddress::new(segment_ord, c.best),
            pages: Vec::new(),
        })
        .collect())
}

/// The docs `start..end` of the document holding `doc` (docs below `max_doc` whose `id_of`
/// is `doc`'s): a document's pages are consecutive docs of one segment.
fn document_range<I: PartialEq>(
    doc: DocId,
    max_doc: DocId,
    id_of: impl Fn(DocId) -> I,
) -> (DocId, DocId) {
    let id = id_of(doc);
    let mut start = doc;
    while start > 0 && id_of(start - 1) == id {
        start -= 1;
    }
    let mut end = doc + 1;
    while end < max_doc && id_of(end) == id {
        end += 1;
    }
    (start, end)
}

/// Where [`matching_pages`] finds a document's matching pages.
#[derive(Clone, Copy)]
enum PagesOf<'a> {
    /// The matches of a query's weight.
    Matches(&'a dyn tantivy::query::Weight),
    /// The pages an unscored pass marked.
    Marked(&'a BitSet),
}

/// Fills in the matching pages of each candidate of one segment, ascending. A document's
/// pages are consecutive docs of one segment (written as one batch, kept in order by
/// merges), so the pages around its best page with the same id are all of them; a query's
/// weight is run over just those (one scorer for the segment, moving forward), or the
/// marked pages among them are read. Reading them here,
/// for the few documents shown, spares the counting pass a page-number read per match.
fn matching_pages(
    pages_of: PagesOf<'_>,
    reader: &SegmentReader,
    candidates: &mut [Candidate],
) -> tantivy::Result<()> {
    use tantivy::{DocSet, TERMINATED};
    if candidates.is_empty() {
        return Ok(());
    }
    let fast_fields = reader.fast_fields();
    let (Some(ids), pages) = (
        fast_fields.str(Fields::ID_NAME)?,
        fast_fields.u64(Fields::PAGE_NAME)?,
    ) else {
        return Ok(());
    };
    let id_of = |doc: DocId| ids.ords().first(doc);
    let max_doc = reader.max_doc();
    let mut ranges: Vec<(DocId, DocId, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (start, end) = document_range(c.best.doc_id, max_doc, id_of);
            (start, end, i)
        })
        .collect();
    ranges.sort_unstable();
    let page_number = |doc: DocId| {
        pages
            .first(doc)
            .and_then(|p| u32::try_from(p).ok())
            .unwrap_or(0)
    };
    let weight = match pages_of {
        PagesOf::Marked(marked) => {
            for (start, end, i) in ranges {
                let found = &mut candidates[i].pages;
                found.extend(
                    (start..end)
                        .filter(|&d| marked.contains(d))
                        .map(page_number),
                );
                found.sort_unstable();
                found.dedup();
            }
            return Ok(());
        }
        PagesOf::Matches(weight) => weight,
    };
    let alive = reader.alive_bitset();
    let mut scorer = weight.scorer(reader, 1.0)?;
    for (start, end, i) in ranges {
        let mut doc = if scorer.doc() < start {
            scorer.seek(start)
        } else {
            scorer.doc()
        };
        let found = &mut candidates[i].pages;
        while doc != TERMINATED && doc < end {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                found.push(page_number(doc));
            }
            doc = scorer.advance();
        }
        found.sort_unstable();
        found.dedup();
    }
    Ok(())
}

/// The pages bonus of a document with `pages` matching pages (see [`PAGES_BONUS`]).
fn pages_bonus(pages: u32) -> Score {
    /// The bonus of the few pages most documents have, computed once.
    static SMALL: std::sync::LazyLock<[Score; 256]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|pages| bonus_of(u32::try_from(pages).unwrap_or(u32::MAX)))
    });
    fn bonus_of(pages: u32) -> Score {
        1.0 + PAGES_BONUS * (pages.max(1) as Score).ln()
    }
    SMALL
        .get(pages as usize)
        .copied()
        .unwrap_or_else(|| bonus_of(pages))
}

/// Result order: best score first (ties by id), or by date with undated documents last
/// either way (ties by score, then id).
fn compare_candidates(a: &Candidate, b: &Candidate, sort: SortOrder) -> std::cmp::Ordering {
    result_order(sort, &candidate_key(a), &candidate_key(b))
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
    a: &(Score, Option<D>, I),
    b: &(Score, Option<D>, I),
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
        let mut ords: Vec<u64> = segment
            .doc_ids_alive()
            .filter_map(|doc| column.ords().first(doc))
            .collect();
        ords.sort_unstable();
        ords.dedup();
        ids.extend(terms_of(&column, &ords).map_err(tantivy::TantivyError::from)?);
    }
    Ok(ids)
}

/// Ids of the live documents whose pages carry the restriction flag.
pub(crate) fn restricted_document_ids(
    searcher: &Searcher,
    fields: &Fields,
) -> Result<BTreeSet<String>> {
    let flagged = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(fields.restricted, "1"),
        tantivy::schema::IndexRecordOption::Basic,
    );
    let weight = flagged.weight(tantivy::query::EnableScoring::disabled_from_searcher(
        searcher,
    ))?;
    let mut ids = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str(Fields::ID_NAME)? else {
            continue;
        };
        let alive = segment.alive_bitset();
        let mut ords: Vec<u64> = Vec::new();
        weight.for_each_no_score(segment, &mut |docs| {
            ords.extend(
                docs.iter()
                    .filter(|doc| alive.is_none_or(|a| a.is_alive(**doc)))
                    .filter_map(|doc| column.ords().first(*doc)),
            );
        })?;
        ords.sort_unstable();
        ords.dedup();
        ids.extend(terms_of(&column, &ords).map_err(tantivy::TantivyError::from)?);
    }
    Ok(ids)
}

/// Snippet of the best page, highlighted from the folded field (so folded queries highlight
/// too) or, when the query has no folded terms (`text:…`), from the exact field; the
/// misreadings of its words only when the page has none of the words themselves (a snippet
/// weighs a word by its rarity, and a misreading is rarer than the word it misreads).
struct Snippets {
    /// In that order; a generator without terms is left out (it would still read the page).
    generators: Vec<SnippetGenerator>,
}

impl Snippets {
    fn new(
        searcher: &Searcher,
        statistics: &SearchStatistics<'_>,
        prepared: &PreparedQuery,
        fields: &Fields,
    ) -> Result<Self> {
        let misreadings: BTreeSet<&Term> = prepared.misreadings.iter().map(|m| &m.term).collect();
        let mut words: BTreeSet<Term> = BTreeSet::new();
        prepared.ranking.query_terms(&mut |term, _| {
            if misreadings.contains(term) {
                return;
            }
            // A phrase's pair of words is highlighted as its two folded words.
            match term.value().as_str() {
                Some(pair) if term.field() == fields.text_pairs => {
                    for word in pair.split(super::pairs::PAIR_SEPARATOR) {
                        words.insert(Term::from_field_text(fields.text_folded, word));
                    }
                }
                _ => {
                    words.insert(term.clone());
                }
            }
        });
        let mut counted = Vec::with_capacity(words.len());
        for term in &words {
            counted.push((term, statistics.pages_with(term)?));
        }
        let misread: Vec<(&Term, u64)> = prepared
            .misreadings
            .iter()
            .map(|m| (&m.term, m.pages))
            .collect();
        let generators = [
            snippet_generator(searcher, fields.text_folded, &counted)?,
            snippet_generator(searcher, fields.text, &counted)?,
            snippet_generator(searcher, fields.text_folded, &misread)?,
        ];
        Ok(Snippets {
            generators: generators.into_iter().flatten().collect(),
        })
    }

    /// HTML-escaped text of the page around the hit, the hit wrapped in `<b>`…`</b>`.
    fn render(&self, text: &str) -> String {
        for generator in &self.generators {
            let snippet = generator.snippet(text);
            if !snippet.is_empty() {
                return snippet.to_html();
            }
        }
        // The query matched without naming a word of this page (e.g. `*`): show its start.
        let end = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= SNIPPET_MAX_BYTES)
            .last()
            .unwrap_or(0);
        crate::markup::escape_html(text[..end].trim())
    }
}

/// A snippet generator for the `terms` of `field`, each given with the number of pages that
/// have it and weighted as tantivy weighs a query's terms (the rarer, the more), with our
/// snippet length; `None` when no term of `field` is on any page.
fn snippet_generator(
    searcher: &Searcher,
    field: Field,
    terms: &[(&Term, u64)],
) -> Result<Option<SnippetGenerator>> {
    let mut weights = std::collections::BTreeMap::new();
    for (term, pages) in terms.iter().filter(|(t, _)| t.field() == field) {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        if *pages > 0 {
            weights.insert(text.to_owned(), 1.0 / (1.0 + *pages as Score));
        }
    }
    if weights.is_empty() {
        return Ok(None);
    }
    let tokenizer = searcher.index().tokenizer_for_field(field)?;
    Ok(Some(SnippetGenerator::new(
        weights,
        tokenizer,
        field,
        SNIPPET_MAX_BYTES,
    )))
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
/// found by a scored top-pages pass together (its number of matching pages).
struct SegmentTally {
    segment_ord: SegmentOrdinal,
    /// Matching pages per id term ordinal (0: the document does not match).
    pages_of_id: Vec<u32>,
    /// The matching (visible) pages, when the ranking pass must be told them.
    marked: Option<BitSet>,
}

/// Groups matching pages by document. A document's pages are in one segment (they are
/// written as one batch), so each segment counts its documents and facet values over all
/// its matches with dense arrays keyed by term ordinals, and resolves the ids, dates and
/// pages only of its `wanted` best documents.
struct DocumentGroups<'a> {
    /// Offset plus limit: the best documents each segment must hand over.
    wanted: usize,
    sort: SortOrder,
    /// Count only, without scoring: totals, facets and a [`SegmentTally`] per segment (for
    /// [`ranked_by_relevance`], with `wanted` 0: no candidates).
    tally: bool,
    /// In a tally, also mark every matching page ([`SegmentTally::marked`]).
    mark_pages: bool,
    /// The pages left out.
    hidden: &'a HiddenDocs,
    /// Each segment's docs' id ordinals and documents' facet values.
    documents: &'a SearcherDocuments,
}

/// No group yet for this id ordinal.
const NO_GROUP: u32 = u32::MAX;
/// The id ordinal's group was dropped, its document counted and out of the running.
const DROPPED_GROUP: u32 = u32::MAX - 1;
/// A scored pass keeps at most this many groups (or twice the wanted ones, if more) before
/// dropping those that can no longer be among the best.
const KEPT_GROUPS: usize = 64;

impl Collector for DocumentGroups<'_> {
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
        let documents = self.documents.segment(segment_ord);
        Ok(SegmentGroups {
            segment_ord,
            ids,
            type_counts: vec![0; documents.type_names().len()],
            issuer_counts: vec![0; documents.issuer_names().len()],
            documents,
            year_counts: vec![0; YEARS],
            dates: fast_fields.str(Fields::DATE_NAME)?,
            group_of_id: if self.tally {
                Vec::new()
            } else {
                vec![NO_GROUP; id_terms]
            },
            groups: Vec::new(),
            grouped: 0,
            cutoff: None,
            pages_of_id: if self.tally {
                vec![0; id_terms]
            } else {
                Vec::new()
            },
            marked: (self.tally && self.mark_pages)
                .then(|| BitSet::with_max_value(segment.max_doc())),
            matched: 0,
            run: PageRun::NONE,
            wanted: self.wanted,
            sort: self.sort,
            tally: self.tally,
        })
    }

    fn requires_scoring(&self) -> bool {
        !self.tally
    }

    /// Collects the segment, then reads the matching pages of its chosen documents.
    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<std::io::Result<Found>> {
        let mut child = self.for_segment(segment_ord, reader)?;
        let visible = self.hidden.visible(segment_ord, reader);
        if self.requires_scoring() {
            weight.for_each(reader, &mut |doc, score| {
                if visible.contains(doc) {
                    child.collect(doc, score);
                }
            })?;
        } else {
            weight.for_each_no_score(reader, &mut |docs| child.count_block(docs, visible))?;
        }
        Ok(match child.harvest() {
            Ok(mut found) => {
                matching_pages(PagesOf::Matches(weight), reader, &mut found.candidates)?;
                Ok(found)
            }
            Err(e) => Err(e),
        })
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

/// Years a facet counts (`0` is a document without a date).
const YEARS: usize = 10_000;

/// No date ordinal: the document has no date, or the sort does not need it.
const NO_DATE: u64 = u64::MAX;

/// One matching document within a segment.
struct SegmentGroup {
    /// Term ordinal of its id (ordinals follow the terms' sort order).
    id_ord: u64,
    /// Term ordinal of its date when sorting by date (they sort as the dates do), else
    /// [`NO_DATE`].
    date_ord: u64,
    /// Best page score (the pages bonus is applied by [`SegmentGroup::finished_key`]).
    score: Score,
    best: DocId,
    pages: u32,
}

/// A document's place in the result order: its score (pages bonus applied), its date
/// ordinal (when sorting by date), its id ordinal.
type ResultKey = (Score, Option<u64>, u64);

impl SegmentGroup {
    /// The result-order key of the group once it takes no more pages: its score with the
    /// pages bonus, its date ordinal, its id ordinal.
    fn finished_key(&self) -> ResultKey {
        (
            self.score * pages_bonus(self.pages),
            (self.date_ord != NO_DATE).then_some(self.date_ord),
            self.id_ord,
        )
    }
}

/// [`DocumentGroups`] within one segment. A document's facet values are counted when its
/// first matching page is met.
struct SegmentGroups {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    /// Each doc's id ordinal and each document's type, issuer and year.
    documents: Arc<SegmentDocuments>,
    /// Documents per type and per issuer term ordinal.
    type_counts: Vec<u32>,
    issuer_counts: Vec<u32>,
    /// Documents per year of the date (0: without one).
    year_counts: Vec<u32>,
    dates: Option<StrColumn>,
    /// Id term ordinal → index in `groups` (scored passes), [`NO_GROUP`] or
    /// [`DROPPED_GROUP`].
    group_of_id: Vec<u32>,
    /// The groups that may be among the `wanted` best, and the last one (still taking
    /// pages).
    groups: Vec<SegmentGroup>,
    /// Matching documents counted by a scored pass (groups made, kept or dropped).
    grouped: usize,
    /// The result-order key of the last of the `wanted` best groups when groups were last
    /// dropped: a finished group not ahead of it cannot be among the best.
    cutoff: Option<ResultKey>,
    /// Matching pages per id term ordinal (a tally: no scores, no groups).
    pages_of_id: Vec<u32>,
    /// Matching documents counted by a tally.
    matched: usize,
    /// The matching pages a tally marks, if asked to.
    marked: Option<BitSet>,
    /// The run of consecutive matching pages a tally is counting (see
    /// [`SegmentGroups::count_block`]).
    run: PageRun,
    wanted: usize,
    sort: SortOrder,
    tally: bool,
}

impl SegmentGroups {
    /// Adds a matching page `doc` of the document with id ordinal `id_ord`.
    fn add(&mut self, doc: DocId, id_ord: u64, score: Score) {
        if self.tally {
            self.count_page(id_ord);
            return;
        }
        // A document's pages are consecutive docs: most matches continue the last group.
        let index = match self.groups.last() {
            Some(last) if last.id_ord == id_ord => self.groups.len() - 1,
            _ => match self.group_of_id.get(id_ord as usize) {
                None => return,
                Some(&NO_GROUP) => {
                    self.grouped += 1;
                    self.count_facets(id_ord);
                    self.new_group(doc, id_ord, score)
                }
                // Pages of a dropped document after others' (which the index's batches
                // never give): it competes again from these pages, counted once.
                Some(&DROPPED_GROUP) => self.new_group(doc, id_ord, score),
                Some(&group) => group as usize,
            },
        };
        let group = &mut self.groups[index];
        if score > group.score {
            group.score = score;
            group.best = doc;
        }
        group.pages += 1;
    }

    /// Starts the group of the document with id ordinal `id_ord` at its first matching page
    /// `doc`; returns its index. The groups before it no longer take pages (a document's
    /// pages are consecutive docs): when there are many, those that cannot be among the
    /// best are dropped first.
    fn new_group(&mut self, doc: DocId, id_ord: u64, score: Score) -> usize {
        self.drop_finished_behind_cutoff();
        if self.groups.len() >= KEPT_GROUPS.max(2 * self.wanted) {
            self.drop_groups();
        }
        let index = self.groups.len();
        self.group_of_id[id_ord as usize] = index as u32;
        let dated = self.documents.facets_of(id_ord).2 > 0;
        let date_ord = match self.sort {
            SortOrder::Date | SortOrder::DateDescending if dated => self
                .dates
                .as_ref()
                .and_then(|c| c.ords().first(doc))
                .unwrap_or(NO_DATE),
            _ => NO_DATE,
        };
        self.groups.push(SegmentGroup {
            id_ord,
            date_ord,
            score,
            best: doc,
            pages: 0,
        });
        index
    }

    /// Drops the last group, just finished, when it cannot be among the best: it is not
    /// ahead of the cutoff, or no group is wanted.
    fn drop_finished_behind_cutoff(&mut self) {
        let Some(last) = self.groups.last() else {
            return;
        };
        let behind = match &self.cutoff {
            _ if self.wanted == 0 => true,
            Some(cutoff) => {
                result_order(self.sort, &last.finished_key(), cutoff) != std::cmp::Ordering::Less
            }
            None => false,
        };
        if behind {
            self.group_of_id[last.id_ord as usize] = DROPPED_GROUP;
            self.groups.pop();
        }
    }

    /// Keeps the `wanted` best groups by the result order, dropping the others (marked in
    /// `group_of_id`), and makes the last kept one the cutoff. Called before a new group
    /// starts, so every group is finished.
    fn drop_groups(&mut self) {
        let sort = self.sort;
        let mut keyed: Vec<(ResultKey, SegmentGroup)> = std::mem::take(&mut self.groups)
            .into_iter()
            .map(|g| (g.finished_key(), g))
            .collect();
        if self.wanted < keyed.len() {
            if self.wanted > 0 {
                keyed
                    .select_nth_unstable_by(self.wanted - 1, |a, b| result_order(sort, &a.0, &b.0));
                self.cutoff = Some(keyed[self.wanted - 1].0);
            }
            for (_, dropped) in keyed.drain(self.wanted..) {
                self.group_of_id[dropped.id_ord as usize] = DROPPED_GROUP;
            }
        }
        for (index, (_, group)) in keyed.into_iter().enumerate() {
            self.group_of_id[group.id_ord as usize] = index as u32;
            self.groups.push(group);
        }
    }
}

/// Consecutive matching pages of one document, counted apart until the run ends.
#[derive(Clone, Copy)]
struct PageRun {
    /// Id term ordinal of the document ([`segment_documents::NONE`]: no run).
    id: u32,
    pages: u32,
}

impl PageRun {
    const NONE: PageRun = PageRun {
        id: segment_documents::NONE,
        pages: 0,
    };
}

impl SegmentGroups {
    /// Counts the `visible` docs of a block of matches (a tally, unscored). A document's
    /// pages are consecutive docs, so a page of the same document as the page before only
    /// lengthens the run; the document's count and facets are touched once a run, when
    /// it ends, rather than once a page.
    fn count_block(&mut self, docs: &[DocId], visible: Visible<'_>) {
        let documents = Arc::clone(&self.documents);
        let ids = documents.ids_of_docs();
        let check = !visible.is_all();
        // The run in a local (a register), written back only when it ends.
        let mut run = self.run;
        for &doc in docs {
            if check && !visible.contains(doc) {
                continue;
            }
            let Some(&id) = ids.get(doc as usize) else {
                continue;
            };
            if let Some(marked) = &mut self.marked {
                marked.insert(doc);
            }
            if id == run.id {
                run.pages += 1;
            } else {
                self.run = run;
                self.end_run();
                run = PageRun { id, pages: 1 };
            }
        }
        self.run = run;
    }

    /// Adds the run of pages being counted to its document (and the document and its facet
    /// values, when these are its first matching pages).
    fn end_run(&mut self) {
        let run = std::mem::replace(&mut self.run, PageRun::NONE);
        if run.id == segment_documents::NONE {
            return;
        }
        let Some(pages) = self.pages_of_id.get_mut(run.id as usize) else {
            return;
        };
        let first = *pages == 0;
        *pages += run.pages;
        if first {
            self.matched += 1;
            self.count_facets(u64::from(run.id));
        }
    }

    /// Counts a matching page of the document with id ordinal `id_ord`, and the document
    /// and its facet values at its first.
    fn count_page(&mut self, id_ord: u64) {
        let Some(pages) = self.pages_of_id.get_mut(id_ord as usize) else {
            return;
        };
        *pages += 1;
        if *pages == 1 {
            self.matched += 1;
            self.count_facets(id_ord);
        }
    }

    /// Counts the facet values of the document with id ordinal `id_ord`.
    fn count_facets(&mut self, id_ord: u64) {
        let (type_ord, issuer_ord, year) = self.documents.facets_of(id_ord);
        for (ord, counts) in [
            (type_ord, &mut self.type_counts),
            (issuer_ord, &mut self.issuer_counts),
        ] {
            if let Some(count) = counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
        if let Some(count) = self.year_counts.get_mut(year as usize) {
            *count += 1;
        }
    }
}

/// The terms of `column` with these ordinals (ascending), resolved in one sorted pass over
/// its dictionary (a lookup per ordinal decompresses a block each time).
fn terms_of(column: &StrColumn, sorted_ords: &[u64]) -> std::io::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(sorted_ords.len());
    column
        .dictionary()
        .sorted_ords_to_term_cb(sorted_ords, |bytes| {
            terms.push(String::from_utf8_lossy(bytes).into_owned());
        })?;
    Ok(terms)
}

/// The terms counted at least once, with their counts (`names` and `counts` by term
/// ordinal).
fn counted_terms(names: &[String], counts: &[u32]) -> HashMap<String, usize> {
    names
        .iter()
        .zip(counts)
        .filter(|(_, &count)| count > 0)
        .map(|(name, &count)| (name.clone(), count as usize))
        .collect()
}

impl SegmentCollector for SegmentGroups {
    type Fruit = std::io::Result<Found>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(id_ord) = self.documents.id_of(doc) {
            self.add(doc, id_ord, score);
        }
    }

    /// A block of docs (unscored counting).
    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.collect(doc, 0.0);
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.end_run();
        let total = if self.tally {
            self.matched
        } else {
            self.grouped
        };
        let Some(ids) = self.ids.as_ref() else {
            return Ok(Found {
                total: 0,
                facets: Default::default(),
                candidates: Vec::new(),
                tallies: Vec::new(),
            });
        };
        let years = self
            .year_counts
            .iter()
            .enumerate()
            .filter(|&(year, &count)| year > 0 && count > 0)
            .map(|(year, &count)| (format!("{year:04}"), count as usize))
            .collect();
        let facets = [
            counted_terms(self.documents.type_names(), &self.type_counts),
            years,
            counted_terms(self.documents.issuer_names(), &self.issuer_counts),
        ];

        // The `wanted` best groups by the result order, on keys made once per group (date
        // ordinals sort as the dates do; relevance needs no date). A tally chooses none.
        let sort = self.sort;
        let groups = &self.groups;
        let keys: Vec<ResultKey> = groups.iter().map(SegmentGroup::finished_key).collect();
        let mut chosen: Vec<u32> = Vec::new();
        if self.wanted > 0 {
            let order =
                |a: &u32, b: &u32| result_order(sort, &keys[*a as usize], &keys[*b as usize]);
            chosen = (0..groups.len() as u32).collect();
            if self.wanted < chosen.len() {
                chosen.select_nth_unstable_by(self.wanted - 1, order);
                chosen.truncate(self.wanted);
            }
        }
        // The dates of the chosen groups (to order them across segments).
        chosen.sort_unstable_by_key(|&g| groups[g as usize].date_ord);
        let date_ords: Vec<u64> = chosen
            .iter()
            .map(|&g| groups[g as usize].date_ord)
            .filter(|&o| o != NO_DATE)
            .collect();
        let mut dates = match &self.dates {
            Some(column) => terms_of(column, &date_ords)?,
            None => Vec::new(),
        }
        .into_iter();
        let chosen = chosen
            .into_iter()
            .map(|g| {
                let group = &groups[g as usize];
                ChosenGroup {
                    id_ord: group.id_ord,
                    score: keys[g as usize].0,
                    best: group.best,
                    date: if group.date_ord == NO_DATE {
                        String::new()
                    } else {
                        dates.next().unwrap_or_default()
                    },
                }
            })
            .collect();
        let candidates = segment_candidates(ids, self.segment_ord, chosen)?;
        let tallies = if self.tally {
            vec![SegmentTally {
                segment_ord: self.segment_ord,
                pages_of_id: std::mem::take(&mut self.pages_of_id),
                marked: self.marked.take(),
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

#[cfg(test)]
mod snippet_tests {
    use super::Snippets;

    #[test]
    fn a_page_start_snippet_is_html_text_without_what_xml_cannot_carry() {
        // No generator: the query named no word of the page, so the page's start is shown.
        let snippets = Snippets {
            generators: Vec::new(),
        };
        assert_eq!(
            snippets.render(" Đảng <b>ủy</b> & \"Khối\" 'cơ quan' ]]>\u{1}\u{FFFF} "),
            "Đảng &lt;b&gt;ủy&lt;/b&gt; &amp; \"Khối\" 'cơ quan' ]]&gt;"
        );
    }
}
