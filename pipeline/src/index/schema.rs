//! The tantivy schema of the search index: one tantivy document per page.
//!
//! In: nothing.
//! Out: [`Fields`], the handles of every field: the document id (indexed raw, fast) and page
//! number (fast), the document's metadata (stored; tên loại, số ký hiệu, ngày ban hành and
//! độ mật also indexed untokenized, cơ quan ban hành indexed diacritic-folded, so queries can
//! filter on them: `doc_type:"Nghị quyết"`, `date:[1997-01-01 TO 1999-12-31]`; the year of
//! the date is a fast field of its own, for the year facet), the page text (stored, indexed
//! with the exact analyzer without word positions), the same text indexed with the
//! diacritic-folded analyzer with positions, and its folded words in pairs with positions
//! (quoted phrases of several words match there). Field names are ASCII so
//! the index can later move to an engine fed with NDJSON (DESIGN.md §7).

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use super::analyzer::{EXACT_TOKENIZER, FOLDED_TOKENIZER, PAIRS_TOKENIZER};

/// Field names, as written in the index.
const ID: &str = "id";
const PAGE: &str = "page";
const HOSO: &str = "hoso";
const BOX_NAME: &str = "box";
const TITLE: &str = "title";
const DOC_TYPE: &str = "doc_type";
const SYMBOL: &str = "symbol";
const DATE: &str = "date";
const YEAR: &str = "year";
const ISSUER: &str = "issuer";
const DO_MAT: &str = "do_mat";
const RESTRICTED: &str = "restricted";
const ISSUER_EXACT: &str = "issuer_exact";
const FONDS: &str = "fonds";
const TEXT: &str = "text";
const TEXT_FOLDED: &str = "text_folded";
const TEXT_PAIRS: &str = "text_pairs";

/// Handles of the fields of a page document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Document id: indexed untokenized (for delete-by-id), stored and fast (for grouping).
    pub id: Field,
    /// 1-based page number within the document (0 for the placeholder of a page-less document).
    pub page: Field,
    pub hoso: Field,
    pub box_name: Field,
    pub title: Field,
    pub doc_type: Field,
    pub symbol: Field,
    pub date: Field,
    /// Year of the date (0 without one), fast: the year facet.
    pub year: Field,
    pub issuer: Field,
    /// Độ mật of the document (`Mật`, `Tối mật`) or empty.
    pub do_mat: Field,
    /// The issuer as written, untokenized and fast (facet counts).
    pub issuer_exact: Field,
    /// Phông (fonds) code: the second part of the mã hồ sơ.
    pub fonds: Field,
    /// `1` for a document with chế độ sử dụng Mật (hidden without clearance), else empty.
    pub restricted: Field,
    /// Page text (NFC), stored, indexed with exact diacritics, without positions (phrases
    /// match on the folded field).
    pub text: Field,
    /// Page text indexed diacritic-folded with positions; not stored.
    pub text_folded: Field,
    /// Page text as pairs of folded words next to each other, with positions; not stored.
    /// Quoted phrases of several words match here.
    pub text_pairs: Field,
}

impl Fields {
    /// Name of the document id field, for fast-field access.
    pub const ID_NAME: &'static str = ID;
    /// Name of the page number field, for fast-field access.
    pub const PAGE_NAME: &'static str = PAGE;
    /// Fast fields read for facets and date sorting.
    pub const DOC_TYPE_NAME: &'static str = DOC_TYPE;
    pub const DATE_NAME: &'static str = DATE;
    pub const YEAR_NAME: &'static str = YEAR;
    pub const ISSUER_EXACT_NAME: &'static str = ISSUER_EXACT;
    /// The two page text fields, as a query names them.
    pub const TEXT_NAME: &'static str = TEXT;
    pub const TEXT_FOLDED_NAME: &'static str = TEXT_FOLDED;
    pub const TEXT_PAIRS_NAME: &'static str = TEXT_PAIRS;

    /// The schema of a new index, with its field handles.
    pub(crate) fn build_schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let text_options = |tokenizer: &str, record: IndexRecordOption| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record),
            )
        };
        let fields = Fields {
            id: builder.add_text_field(ID, STRING | STORED | FAST),
            page: builder.add_u64_field(PAGE, STORED | FAST),
            hoso: builder.add_text_field(HOSO, STRING | STORED),
            box_name: builder.add_text_field(BOX_NAME, STORED),
            title: builder.add_text_field(TITLE, STORED),
            doc_type: builder.add_text_field(DOC_TYPE, STRING | STORED | FAST),
            symbol: builder.add_text_field(SYMBOL, STRING | STORED),
            date: builder.add_text_field(DATE, STRING | STORED | FAST),
            year: builder.add_u64_field(YEAR, FAST),
            issuer: builder.add_text_field(
                ISSUER,
                text_options(FOLDED_TOKENIZER, IndexRecordOption::WithFreqsAndPositions)
                    .set_stored(),
            ),
            do_mat: builder.add_text_field(DO_MAT, STRING | STORED),
            restricted: builder.add_text_field(RESTRICTED, STRING | STORED),
            issuer_exact: builder.add_text_field(ISSUER_EXACT, STRING | FAST),
            fonds: builder.add_text_field(FONDS, STRING),
            text: builder.add_text_field(
                TEXT,
                text_options(EXACT_TOKENIZER, IndexRecordOption::WithFreqs).set_stored(),
            ),
            text_folded: builder.add_text_field(
                TEXT_FOLDED,
                text_options(FOLDED_TOKENIZER, IndexRecordOption::WithFreqsAndPositions),
            ),
            text_pairs: builder.add_text_field(
                TEXT_PAIRS,
                text_options(PAIRS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions),
            ),
        };
        (builder.build(), fields)
    }
}
