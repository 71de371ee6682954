//! Syllable pairs: the words of a page taken two at a time, so that a quoted phrase is
//! matched by looking up pairs rather than by reading every position of its words.
//!
//! In: the token stream of the folded analyzer (one token per word, positions counting
//! words). Out: one token per two words next to each other — their texts joined by a space,
//! at the first word's position, its offsets spanning both — and none for a word whose
//! neighbour was dropped (a token too long to index leaves a gap). A phrase of n words
//! matches where its n − 1 pairs stand at consecutive positions, exactly where its words
//! stand at consecutive positions: a two-word phrase is one term. Vietnamese writes a word
//! of several syllables as several (`công tác`, `tổ chức`), each of them common, so a
//! phrase's words alone match most pages and their positions cost the most of a search.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// What stands between the two words of a pair's text.
pub(crate) const PAIR_SEPARATOR: char = ' ';

/// Turns a stream of words into the pairs of words next to each other.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SyllablePairs;

impl TokenFilter for SyllablePairs {
    type Tokenizer<T: Tokenizer> = SyllablePairsTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SyllablePairsTokenizer<T> {
        SyllablePairsTokenizer { inner: tokenizer }
    }
}

/// A tokenizer whose words come out in pairs.
#[derive(Clone)]
pub(crate) struct SyllablePairsTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for SyllablePairsTokenizer<T> {
    type TokenStream<'a> = SyllablePairsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SyllablePairsStream {
            words: self.inner.token_stream(text),
            previous: None,
            pair: Token::default(),
        }
    }
}

/// The pairs of a stream of words.
pub(crate) struct SyllablePairsStream<S> {
    words: S,
    /// The word before the current one.
    previous: Option<Token>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for SyllablePairsStream<S> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let word = self.words.token();
            let Some(previous) = self.previous.as_mut() else {
                self.previous = Some(word.clone());
                continue;
            };
            let adjacent = previous.position.wrapping_add(1) == word.position;
            if adjacent {
                self.pair.text.clear();
                self.pair.text.push_str(&previous.text);
                self.pair.text.push(PAIR_SEPARATOR);
                self.pair.text.push_str(&word.text);
                self.pair.offset_from = previous.offset_from;
                self.pair.offset_to = word.offset_to;
                self.pair.position = previous.position;
                self.pair.position_length = 1;
            }
            previous.clone_from(word);
            if adjacent {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer, WhitespaceTokenizer};

    use super::*;

    fn pairs(text: &str, max_word: usize) -> Vec<(String, usize, usize, usize)> {
        let mut analyzer = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(RemoveLongFilter::limit(max_word))
            .filter(SyllablePairs)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn words_next_to_each_other_pair_up_at_the_first_ones_position() {
        assert_eq!(
            pairs("cac cap uy", 100),
            vec![
                ("cac cap".to_owned(), 0, 0, 7),
                ("cap uy".to_owned(), 1, 4, 10)
            ]
        );
        assert!(pairs("mot", 100).is_empty());
        assert!(pairs("", 100).is_empty());
    }

    #[test]
    fn a_dropped_word_leaves_no_pair_across_its_gap() {
        // `xxxxxxxxxx` is too long to index: `a` and `b` are not next to each other.
        assert_eq!(
            pairs("a xxxxxxxxxx b c", 5),
            vec![("b c".to_owned(), 2, 13, 16)]
        );
    }
}
