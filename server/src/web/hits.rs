//! Where a query's words are on a document's pages.
//!
//! In: the query as typed (words, phrases in quotes, `-word`, AND/OR/NOT) and page texts
//! or OCR words. Out: the query's search words folded like the index folds them (case and
//! diacritics ignored), and which words of a page match — the boxes drawn on the scan and
//! the hits counted for next/previous navigation. Excluded words (`-word`) are not hits.

use archive_schema::fold;

/// The words of `query` that hits are made of, folded.
pub fn search_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = query
        .split_whitespace()
        .filter(|w| !w.starts_with('-'))
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT" | "&&" | "||"))
        .map(|w| w.rsplit_once(':').map_or(w, |(_, v)| v))
        .map(folded_word)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// `word` folded, without the punctuation around it.
pub fn folded_word(word: &str) -> String {
    fold(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether one word read on a page is a hit of `words`.
pub fn is_hit(word: &str, words: &[String]) -> bool {
    let w = folded_word(word);
    !w.is_empty() && words.contains(&w)
}

/// How many hits of `words` a page's text holds.
pub fn count_in(text: &str, words: &[String]) -> usize {
    text.split_whitespace().filter(|w| is_hit(w, words)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_exclusions_and_operators_are_not_hits() {
        let words = search_words("\"Nghị quyết\" OR dang -tỉnh type:ủy");
        assert_eq!(words, ["dang", "nghi", "quyet", "uy"]);
        assert!(is_hit("Đảng,", &words));
        assert!(is_hit("NGHỊ", &words));
        assert!(!is_hit("tỉnh", &words));
        assert_eq!(count_in("Nghị quyết của Đảng bộ tỉnh; nghị", &words), 4);
        assert!(search_words("- OR").is_empty());
    }
}
