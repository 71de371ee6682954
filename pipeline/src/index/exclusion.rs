//! Excluded subqueries (`-word`, `-"a phrase"`) made safe for tantivy's exclusion.
//!
//! In: a query built by tantivy's query parser.
//! Out: the same query, whose boolean queries' excluded clauses are each wrapped in a
//! [`ProbedQuery`]: it matches, and scores, exactly as the clause does.
//!
//! Why: tantivy 0.27's exclusion asks the excluded docset whether it holds a document with
//! `seek_danger`, also for a document before the one the docset stands on, and its phrase
//! scorer debug-asserts against that (release builds answer right). A wrapped docset answers
//! with the default `seek_danger`, which allows it. Excluded phrases are matched on the folded
//! field alone (the exact field has no positions), so they are bare phrase scorers.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `query` with the excluded clauses of its boolean queries, at any depth reachable through
/// boolean queries, wrapped in [`ProbedQuery`].
pub(crate) fn guard(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let clauses = boolean
        .clauses()
        .iter()
        .map(|(occur, clause)| {
            let clause = guard(clause.box_clone());
            match occur {
                Occur::MustNot => (*occur, Box::new(ProbedQuery(clause)) as Box<dyn Query>),
                _ => (*occur, clause),
            }
        })
        .collect();
    Box::new(BooleanQuery::with_minimum_required_clauses(
        clauses,
        boolean.get_minimum_number_should_match(),
    ))
}

/// A query whose docsets may be asked about documents before their current one.
#[derive(Debug)]
pub(crate) struct ProbedQuery(Box<dyn Query>);

impl Clone for ProbedQuery {
    fn clone(&self) -> Self {
        ProbedQuery(self.0.box_clone())
    }
}

impl Query for ProbedQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ProbedWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ProbedWeight(Box<dyn Weight>);

impl Weight for ProbedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ProbedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// Forwards everything but `seek_danger`, which keeps its default (seek only forwards).
struct ProbedScorer(Box<dyn Scorer>);

impl DocSet for ProbedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ProbedScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
