//! Tests of the search index on real tantivy indexes in temporary directories.
//!
//! In: small Vietnamese documents. Out: assertions on hits, pages, ranking and errors.

use super::*;

fn doc(id: &str, pages: &[&str]) -> IndexedDocument {
    IndexedDocument {
        id: id.to_owned(),
        hoso: "hs-1".to_owned(),
        box_name: "hop-01".to_owned(),
        title: format!("Văn bản {id}"),
        doc_type: "Nghị quyết".to_owned(),
        symbol: format!("{id}-NQ/ĐUK"),
        date: "2019-03-12".to_owned(),
        issuer: "Đảng uỷ khối".to_owned(),
        do_mat: String::new(),
        restricted: false,
        fonds: "12".to_owned(),
        pages: pages
            .iter()
            .zip(1..)
            .map(|(text, number)| IndexedPage {
                number,
                text: (*text).to_owned(),
            })
            .collect(),
    }
}

fn index_with(docs: &[IndexedDocument]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(&dir.path().join("index")).unwrap();
    index.replace_documents(docs).unwrap();
    (dir, index)
}

fn ids(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn query_without_diacritics_finds_accented_text() {
    let (_dir, index) = index_with(&[
        doc("a", &["Nghị quyết về chuyển đổi số trong các cơ quan Đảng"]),
        doc("b", &["Báo cáo tổng kết công tác năm"]),
    ]);
    let results = index.search("chuyen doi so", 10).unwrap();
    assert_eq!(ids(&results), ["a"]);
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(hit.pages, [1]);
    assert!(
        hit.snippet.contains("<b>chuyển</b> <b>đổi</b> <b>số</b>"),
        "{}",
        hit.snippet
    );
    assert_eq!(hit.symbol, "a-NQ/ĐUK");
    assert_eq!(hit.doc_type, "Nghị quyết");
    assert_eq!(hit.date, "2019-03-12");
    assert_eq!(hit.issuer, "Đảng uỷ khối");
    assert_eq!(hit.title, "Văn bản a");

    // Capitals and đ fold too.
    assert_eq!(ids(&index.search("DANG", 10).unwrap()), ["a"]);
}

#[test]
fn accented_query_ranks_exact_diacritics_first() {
    let (_dir, index) = index_with(&[
        doc("ban", &["ban chấp hành họp"]),
        doc("ban-sac", &["bán hàng hoá tốt"]),
        doc("ban-huyen", &["bàn ghế gỗ mới"]),
        doc("other", &["công tác tổ chức"]),
    ]);
    let results = index.search("bán", 10).unwrap();
    assert_eq!(results.total, 3, "{results:?}");
    assert_eq!(results.hits[0].id, "ban-sac", "{results:?}");
    assert!(results.hits[0].score > results.hits[1].score);
    // The snippet of a folded-only match still highlights the original word.
    let huyen = results.hits.iter().find(|h| h.id == "ban-huyen").unwrap();
    assert!(huyen.snippet.contains("<b>bàn</b>"), "{}", huyen.snippet);

    let results = index.search("bàn", 10).unwrap();
    assert_eq!(results.hits[0].id, "ban-huyen", "{results:?}");
    let results = index.search("ban", 10).unwrap();
    assert_eq!(results.hits[0].id, "ban", "{results:?}");
    assert_eq!(results.total, 3);
}

#[test]
fn phrase_query_matches_only_adjacent_words() {
    let (_dir, index) = index_with(&[
        doc("adjacent", &["Đẩy mạnh chuyển đổi số quốc gia"]),
        doc("apart", &["đổi mới, chuyển giao số liệu"]),
    ]);
    let mut words = ids(&index.search("chuyển đổi số", 10).unwrap())
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    words.sort();
    assert_eq!(words, ["adjacent", "apart"]);
    assert_eq!(
        ids(&index.search("\"chuyển đổi số\"", 10).unwrap()),
        ["adjacent"]
    );
    assert_eq!(
        ids(&index.search("\"chuyen doi so\"", 10).unwrap()),
        ["adjacent"]
    );
    assert_eq!(
        ids(&index.search("\"số chuyển\"", 10).unwrap()),
        [] as [&str; 0]
    );
}

#[test]
fn hit_lists_every_matching_page() {
    let (_dir, index) = index_with(&[doc(
        "three",
        &[
            "Phát triển hợp tác xã nông nghiệp",
            "Công nghiệp địa phương",
            "Củng cố các hợp tác xã",
        ],
    )]);
    let results = index.search("hợp tác xã", 10).unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].pages, [1, 3]);
    let results = index.search("nghiep", 10).unwrap();
    assert_eq!(results.hits[0].pages, [1, 2]);
    let results = index.search("địa phương", 10).unwrap();
    assert_eq!(results.hits[0].pages, [2]);
    assert!(results.hits[0].snippet.contains("<b>địa</b> <b>phương</b>"));
}

#[test]
fn total_counts_all_matching_documents_beyond_the_limit() {
    let docs: Vec<_> = (0..7)
        .map(|i| doc(&format!("d{i}"), &["kế hoạch", "kế hoạch năm"]))
        .collect();
    let (_dir, index) = index_with(&docs);
    let results = index.search("ke hoach", 3).unwrap();
    assert_eq!(results.total, 7);
    assert_eq!(results.hits.len(), 3);
    assert!(results.hits.iter().all(|h| h.pages == [1, 2]));
    let results = index.search("ke hoach", 0).unwrap();
    assert_eq!((results.total, results.hits.len()), (7, 0));
}

#[test]
fn tone_placement_and_i_y_spellings_find_each_other() {
    let (_dir, index) = index_with(&[
        doc("old", &["Giữ vững hòa bình, thủy lợi và sức khỏe"]),
        doc("new", &["Cán bộ kĩ thuật, lí lịch"]),
    ]);
    for query in ["hoà bình", "thuỷ lợi", "khoẻ", "HÒA"] {
        assert_eq!(ids(&index.search(query, 10).unwrap()), ["old"], "{query}");
    }
    for query in ["kỹ thuật", "lý lịch", "\"ky thuat\"", "ly lich"] {
        assert_eq!(ids(&index.search(query, 10).unwrap()), ["new"], "{query}");
    }
    // The snippet shows the page's own spelling.
    let hit = &index.search("hoà bình", 10).unwrap().hits[0];
    assert!(
        hit.snippet.contains("<b>hòa</b> <b>bình</b>"),
        "{}",
        hit.snippet
    );
}

#[test]
fn nfd_text_is_indexed_and_shown_as_nfc() {
    let nfd: String = "Quyết định thành lập Ban chỉ đạo".nfd().collect();
    let (_dir, index) = index_with(&[doc("nfd", &[&nfd])]);
    let hit = &index.search("thành lập", 10).unwrap().hits[0];
    assert!(
        hit.snippet.contains("<b>thành</b> <b>lập</b>"),
        "{}",
        hit.snippet
    );
    let nfd_query: String = "quyết định".nfd().collect();
    assert_eq!(ids(&index.search(&nfd_query, 10).unwrap()), ["nfd"]);
}

#[test]
fn symbol_in_page_text_is_found_as_a_phrase() {
    let (_dir, index) = index_with(&[
        doc("x", &["Số 05-NQ/ĐUK ngày 12 tháng 3 năm 2019"]),
        doc("y", &["Số 06-NQ/ĐUK, 05 đại biểu"]),
    ]);
    assert_eq!(ids(&index.search("05-NQ/ĐUK", 10).unwrap()), ["x"]);
    assert_eq!(ids(&index.search("\"05-NQ/DUK\"", 10).unwrap()), ["x"]);
}

#[test]
fn replace_documents_replaces_rather_than_duplicates() {
    let (_dir, index) = index_with(&[doc("r", &["tổng kết phong trào"]), doc("s", &["khác"])]);
    index
        .replace_documents(&[doc("r", &["sơ kết công tác", "sơ kết lần hai"])])
        .unwrap();
    assert_eq!(index.search("phong trào", 10).unwrap().total, 0);
    let results = index.search("sơ kết", 10).unwrap();
    assert_eq!(ids(&results), ["r"]);
    assert_eq!(results.hits[0].pages, [1, 2]);
    assert_eq!(
        index.document_ids().unwrap(),
        BTreeSet::from(["r".to_owned(), "s".to_owned()])
    );

    // Within one batch the last version of an id wins.
    index
        .replace_documents(&[doc("r", &["bản một"]), doc("r", &["bản hai"])])
        .unwrap();
    assert_eq!(ids(&index.search("bản", 10).unwrap()), ["r"]);
    assert_eq!(index.search("một", 10).unwrap().total, 0);
    assert_eq!(index.search("hai", 10).unwrap().hits[0].pages, [1]);
}

#[test]
fn delete_documents_removes_them() {
    let (_dir, index) = index_with(&[
        doc("keep", &["văn kiện đại hội"]),
        doc("drop", &["văn kiện hội nghị"]),
    ]);
    index.delete_documents(&["drop".to_owned()]).unwrap();
    assert_eq!(ids(&index.search("văn kiện", 10).unwrap()), ["keep"]);
    assert_eq!(index.search("hội nghị", 10).unwrap().total, 0);
    assert_eq!(
        index.document_ids().unwrap(),
        BTreeSet::from(["keep".to_owned()])
    );
    // Deleting an unknown id is not an error.
    index.delete_documents(&["nope".to_owned()]).unwrap();
}

#[test]
fn document_without_pages_is_listed_but_never_matches() {
    let (_dir, index) = index_with(&[doc("empty", &[]), doc("full", &["nội dung"])]);
    assert_eq!(
        index.document_ids().unwrap(),
        BTreeSet::from(["empty".to_owned(), "full".to_owned()])
    );
    assert_eq!(ids(&index.search("nội dung", 10).unwrap()), ["full"]);
}

#[test]
fn index_persists_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open_or_create(&path).unwrap();
        index
            .replace_documents(&[doc("p", &["lưu trữ điện tử"])])
            .unwrap();
    }
    let index = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(
        index.document_ids().unwrap(),
        BTreeSet::from(["p".to_owned()])
    );
    assert_eq!(ids(&index.search("luu tru", 10).unwrap()), ["p"]);
}

#[test]
fn bad_or_empty_query_is_a_query_error() {
    let (_dir, index) = index_with(&[doc("q", &["nội dung"])]);
    let cases = [
        ("", "empty"),
        ("   ", "empty"),
        ("noi AND", "syntax error"),
        ("(noi dung", "syntax error"),
        ("\"noi dung", "syntax error"),
        ("nosuchfield:abc", "not a searchable field"),
        ("title:abc", "not a searchable field"),
        ("-noi", "only excludes"),
        ("text:\"noi dung\"", "quote it without a field name"),
    ];
    for (query, expected) in cases {
        match index.search(query, 10) {
            Err(Error::Query {
                query: q, message, ..
            }) => {
                assert_eq!(q, query);
                assert!(message.contains(expected), "{query:?}: {message}");
            }
            other => panic!("{query:?}: expected a query error, got {other:?}"),
        }
    }
}

#[test]
fn oversized_queries_and_field_wildcards_are_query_errors() {
    let (_dir, index) = index_with(&[doc("q", &["nội dung"])]);
    // Thousands of nested parentheses overflowed the stack (the process aborted).
    let deep = format!("{}noi{}", "(".repeat(9_000), ")".repeat(9_000));
    let long = "noi ".repeat(1_000);
    let cases = [
        (deep.as_str(), "nested 9000 deep"),
        (long.as_str(), "4000 characters long"),
        // Any value of a field that is not a fast field was an internal schema error.
        (
            "symbol:*",
            "`symbol:*` (any value of a field) cannot be searched",
        ),
        ("do_mat:*", "`do_mat:*`"),
        ("noi AND (dung OR symbol:*)", "`symbol:*`"),
    ];
    for (query, expected) in cases {
        match index.search(query, 10) {
            Err(Error::Query { message, .. }) => {
                assert!(message.contains(expected), "{message}");
            }
            other => panic!("{expected:?}: expected a query error, got {other:?}"),
        }
    }
    // Nesting within the limit, and parentheses in a phrase or escaped, are fine.
    let nested = format!(
        "{}noi{}",
        "(".repeat(search::MAX_QUERY_NESTING),
        ")".repeat(search::MAX_QUERY_NESTING)
    );
    assert_eq!(ids(&index.search(&nested, 10).unwrap()), ["q"]);
    let quoted = format!("\"{}\" noi", "(".repeat(100));
    assert!(index.search(&quoted, 10).is_ok());
}

#[test]
fn a_read_only_index_searches_without_lock_files() {
    let (dir, index) = index_with(&[doc("r", &["nội dung"])]);
    drop(index);
    let path = dir.path().join("index");
    for entry in std::fs::read_dir(&path).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name().to_string_lossy().ends_with(".lock") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let before = std::fs::read_dir(&path).unwrap().count();
    let index = SearchIndex::open_read_only(&path).unwrap();
    assert_eq!(ids(&index.search("noi dung", 10).unwrap()), ["r"]);
    assert_eq!(std::fs::read_dir(&path).unwrap().count(), before);
}

#[test]
fn or_and_exclusion_work() {
    let (_dir, index) = index_with(&[doc("a", &["nông nghiệp"]), doc("b", &["công nghiệp"])]);
    let mut both = ids(&index.search("nong OR cong", 10).unwrap())
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    both.sort();
    assert_eq!(both, ["a", "b"]);
    assert_eq!(ids(&index.search("nghiệp -nông", 10).unwrap()), ["b"]);
}

#[test]
fn search_index_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SearchIndex>();
}

#[test]
fn catalog_fields_filter_a_query() {
    let mut a = doc("a", &["công tác văn thư năm 1997"]);
    a.date = "1997-04-02".into();
    a.doc_type = "Thông tri".into();
    a.do_mat = "Mật".into();
    let b = doc("b", &["công tác văn thư năm 2019"]);
    let (_dir, index) = index_with(&[a, b]);
    let found = |q: &str| {
        let results = index.search(q, 10).unwrap();
        let mut ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(found("van thu"), ["a", "b"]);
    assert_eq!(found("van thu doc_type:\"Thông tri\""), ["a"]);
    assert_eq!(found("van thu date:[1990-01-01 TO 1999-12-31]"), ["a"]);
    assert_eq!(found("van thu symbol:\"b-NQ/ĐUK\""), ["b"]);
    assert_eq!(found("van thu do_mat:Mật"), ["a"]);
    assert_eq!(found("issuer:dang"), ["a", "b"]);
}

#[test]
fn restricted_documents_need_clearance() {
    let mut a = doc("a", &["kế hoạch bảo vệ nội bộ"]);
    a.restricted = true;
    let b = doc("b", &["kế hoạch công tác năm"]);
    let (_dir, index) = index_with(&[a, b]);
    let public = index.search("ke hoach", 10).unwrap();
    assert_eq!(ids(&public), ["b"]);
    assert_eq!(public.total, 1);
    assert_eq!(index.search("noi bo", 10).unwrap().total, 0);
    let cleared = index
        .search_cleared("noi bo", 10, crate::clearance::Clearance::Mat)
        .unwrap();
    assert_eq!(ids(&cleared), ["a"]);
}

#[test]
fn candidates_leave_out_the_excluded_ids_whatever_the_flag_says() {
    let mut a = doc("a", &["kế hoạch bảo vệ nội bộ"]);
    a.restricted = true;
    let b = doc("b", &["kế hoạch công tác năm"]);
    let c = doc("c", &["kế hoạch tài chính"]);
    let (_dir, index) = index_with(&[a, b, c]);
    let flagged = index.restricted_document_ids().unwrap();
    assert_eq!(flagged.into_iter().collect::<Vec<_>>(), ["a"]);
    let options = SearchOptions {
        limit: 10,
        ..Default::default()
    };
    // The caller's exclusion decides: the flag of `a` is ignored, `b` is left out of hits,
    // totals and facets.
    let excluded: Arc<BTreeSet<String>> = Arc::new(["b".to_string()].into());
    let results = index
        .search_candidates("ke hoach", &options, &excluded)
        .unwrap();
    let mut found = ids(&results);
    found.sort_unstable();
    assert_eq!(found, ["a", "c"]);
    assert_eq!(results.total, 2);
    assert_eq!(results.facets.doc_type[0].count, 2);
    let none = index
        .search_candidates("ke hoach", &options, &Arc::default())
        .unwrap();
    assert_eq!(none.total, 3);
}

#[test]
fn a_search_scores_and_matches_as_if_the_documents_hidden_from_it_did_not_exist() {
    let open = [
        doc(
            "b",
            &[
                "kế hoạch công tác năm 2019 của chi bộ",
                "bảo vệ chính trị nội bộ",
            ],
        ),
        doc("c", &["kế hoạch tài chính"]),
        doc(
            "d",
            &["báo cáo công tác kiểm tra giám sát của đảng ủy khối"],
        ),
        doc("e", &["kế hoạch", "kê hoach công tác tổ chức"]),
    ];
    // Hidden pages holding the same words many times, long pages, and a word a query
    // word's misreadings would take in (`hoạcb`).
    let mut secret = doc(
        "s",
        &[
            "kế hoạch bảo vệ nội bộ kế hoạch kế hoạch công tác công tác hoạcb hoạcb \
             bảo vệ bí mật nhà nước trong tình hình mới của toàn đảng bộ khối",
            "kế hoạch kế hoạch kế hoạch tổ chức",
        ],
    );
    secret.restricted = true;
    let mut with: Vec<IndexedDocument> = open.to_vec();
    with.insert(1, secret);
    let (_a, hiding) = index_with(&with);
    let (_b, without) = index_with(&open);
    let options = SearchOptions {
        limit: 10,
        ..Default::default()
    };
    let seen = |r: &SearchResults| {
        (
            r.total,
            r.hits
                .iter()
                .map(|h| {
                    (
                        h.id.clone(),
                        h.score.to_bits(),
                        h.pages.clone(),
                        h.snippet.clone(),
                    )
                })
                .collect::<Vec<_>>(),
            r.facets
                .doc_type
                .iter()
                .map(|f| f.count)
                .collect::<Vec<_>>(),
        )
    };
    let excluded: Arc<BTreeSet<String>> = Arc::new(["s".to_string()].into());
    for query in [
        "ke hoach",
        "kế hoạch",
        "hoach",
        "bao ve",
        "\"ke hoach\"",
        "cong tac",
        "to chuc",
        "tai chinh OR bao",
        "hoạcb",
    ] {
        assert_eq!(
            seen(&hiding.search_with(query, &options).unwrap()),
            seen(&without.search_with(query, &options).unwrap()),
            "{query:?} by the index's flag"
        );
        assert_eq!(
            seen(
                &hiding
                    .search_candidates(query, &options, &excluded)
                    .unwrap()
            ),
            seen(
                &without
                    .search_candidates(query, &options, &Arc::default())
                    .unwrap()
            ),
            "{query:?} by the caller's exclusion"
        );
    }
    // A reader cleared for it finds it, ranked by the whole index.
    let cleared = SearchOptions {
        clearance: crate::clearance::Clearance::Mat,
        ..options.clone()
    };
    assert!(ids(&hiding.search_with("ke hoach", &cleared).unwrap()).contains(&"s"));
}

#[test]
fn kept_hidden_pages_follow_new_segments_and_replaced_documents() {
    let (_dir, index) = index_with(&[
        doc("a", &["kế hoạch bảo vệ nội bộ"]),
        doc("b", &["kế hoạch công tác năm"]),
    ]);
    let options = SearchOptions {
        limit: 10,
        ..Default::default()
    };
    let excluded: Arc<BTreeSet<String>> = Arc::new(["b".to_string(), "d".to_string()].into());
    let found = |index: &SearchIndex| {
        let results = index
            .search_candidates("ke hoach", &options, &excluded)
            .unwrap();
        let mut found: Vec<String> = ids(&results).into_iter().map(str::to_owned).collect();
        found.sort_unstable();
        found
    };
    assert_eq!(found(&index), ["a"]);
    // A commit adds a segment holding a hidden document, and another replaces a hidden one
    // with the same id: the kept bitsets of the old segments stay right, the new segments
    // get their own.
    index
        .replace_documents(&[doc("c", &["kế hoạch tài chính"]), doc("d", &["kế hoạch"])])
        .unwrap();
    assert_eq!(found(&index), ["a", "c"]);
    index
        .replace_documents(&[doc("b", &["kế hoạch sửa đổi"])])
        .unwrap();
    assert_eq!(found(&index), ["a", "c"]);
    let results = index
        .search_candidates("ke hoach", &options, &excluded)
        .unwrap();
    assert_eq!(results.total, 2);
    // An equal set in another `Arc` hides the same pages.
    let copy = Arc::new((*excluded).clone());
    let again = index
        .search_candidates("ke hoach", &options, &copy)
        .unwrap();
    assert_eq!(again.total, 2);
}

#[test]
fn kept_document_arrays_follow_new_segments_and_replaced_documents() {
    let mut a = doc("a", &["kế hoạch bảo vệ", "kế hoạch tiếp"]);
    a.doc_type = "Thông tri".into();
    a.date = "1997-04-02".into();
    let (_dir, index) = index_with(&[a, doc("b", &["kế hoạch công tác năm"])]);
    let search = |index: &SearchIndex, limit: usize| {
        let options = SearchOptions {
            limit,
            ..Default::default()
        };
        index.search_with("ke hoach", &options).unwrap()
    };
    let facets = |index: &SearchIndex| {
        let r = search(index, 1);
        let values = |f: &[FacetCount]| {
            f.iter()
                .map(|c| format!("{}={}", c.value, c.count))
                .collect::<Vec<_>>()
        };
        (
            r.total,
            values(&r.facets.doc_type),
            values(&r.facets.year),
            values(&r.facets.issuer),
        )
    };
    assert_eq!(
        facets(&index),
        (
            2,
            vec!["Nghị quyết=1".to_owned(), "Thông tri=1".to_owned()],
            vec!["1997=1".to_owned(), "2019=1".to_owned()],
            vec!["Đảng uỷ khối=2".to_owned()],
        )
    );
    // A new segment with a new document, and a replacement that changes a document's type,
    // date and issuer: the kept arrays of the old segment stay right (its replaced document
    // is deleted there), the new segments get their own.
    let mut b = doc("b", &["kế hoạch sửa đổi"]);
    b.doc_type = "Thông tri".into();
    b.date = "2001-01-05".into();
    b.issuer = "Huyện ủy".into();
    index
        .replace_documents(&[doc("c", &["kế hoạch tài chính"])])
        .unwrap();
    index.replace_documents(&[b]).unwrap();
    let (total, types, years, issuers) = facets(&index);
    assert_eq!(total, 3);
    assert_eq!(types, ["Thông tri=2", "Nghị quyết=1"]);
    assert_eq!(years, ["1997=1", "2001=1", "2019=1"]);
    assert_eq!(issuers, ["Đảng uỷ khối=2", "Huyện ủy=1"]);
    // The hit's pages are a's two (the scored pass reads the same kept ids).
    let all = search(&index, 10);
    let a_hit = all.hits.iter().find(|h| h.id == "a").unwrap();
    assert_eq!(a_hit.pages, [1, 2]);
}

#[test]
fn counts_and_facets_read_every_block_of_a_large_segment() {
    // 150 one-page documents in one segment: the kept arrays are read in blocks of
    // tantivy's collect size (64), the last one partial.
    let types = ["Nghị quyết", "Báo cáo", "Tờ trình"];
    let docs: Vec<IndexedDocument> = (0..150)
        .map(|i| {
            let mut d = doc(&format!("d{i:03}"), &["kế hoạch công tác"]);
            d.doc_type = types[i % 3].to_owned();
            d.date = format!("{}-05-01", 1990 + i % 7);
            d
        })
        .collect();
    let (_dir, index) = index_with(&docs);
    let options = SearchOptions {
        limit: 5,
        ..Default::default()
    };
    let results = index.search_with("cong tac", &options).unwrap();
    assert_eq!(results.total, 150);
    assert_eq!(results.facets.doc_type.len(), 3);
    for facet in &results.facets.doc_type {
        assert_eq!(facet.count, 50, "{}", facet.value);
    }
    let years: Vec<(String, usize)> = results
        .facets
        .year
        .iter()
        .map(|f| (f.value.clone(), f.count))
        .collect();
    let expected: Vec<(String, usize)> = (0..7)
        .map(|y| {
            (
                format!("{}", 1990 + y),
                (0..150).filter(|i| i % 7 == y).count(),
            )
        })
        .collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
}

#[test]
fn filters_facets_sorting_and_paging() {
    let mut a = doc("a", &["công tác văn thư lưu trữ"]);
    a.date = "1997-04-02".into();
    a.doc_type = "Thông tri".into();
    a.issuer = "Đảng ủy Khối Dân chính Đảng".into();
    a.hoso = "hs-03".into();
    let mut b = doc("b", &["công tác văn thư năm 2019"]);
    b.date = "2019-03-12".into();
    let mut c = doc("c", &["văn thư và lưu trữ"]);
    c.date = "2018-12-20".into();
    c.fonds = "47".into();
    let (_dir, index) = index_with(&[a, b, c]);
    let search = |options: SearchOptions| {
        let r = index
            .search_with(
                "van thu",
                &SearchOptions {
                    limit: if options.limit == 0 {
                        10
                    } else {
                        options.limit
                    },
                    ..options
                },
            )
            .unwrap();
        (
            r.total,
            r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(),
            r.facets,
        )
    };
    let (total, _, facets) = search(SearchOptions::default());
    assert_eq!(total, 3);
    assert_eq!(
        facets.doc_type,
        [
            FacetCount {
                value: "Nghị quyết".into(),
                count: 2
            },
            FacetCount {
                value: "Thông tri".into(),
                count: 1
            }
        ]
    );
    assert_eq!(facets.year.len(), 3);
    assert_eq!(facets.issuer[0].count, 2);

    let only = |options: SearchOptions| search(options).1;
    assert_eq!(
        only(SearchOptions {
            doc_type: Some("thong tri".into()),
            ..Default::default()
        }),
        ["a"]
    );
    assert_eq!(
        only(SearchOptions {
            doc_type: Some("NQ".into()),
            sort: SortOrder::Date,
            ..Default::default()
        }),
        ["c", "b"]
    );
    assert_eq!(
        only(SearchOptions {
            issuer: Some("dan chinh".into()),
            ..Default::default()
        }),
        ["a"]
    );
    assert_eq!(
        only(SearchOptions {
            from: Some("2018".into()),
            to: Some("2018-12-31".into()),
            ..Default::default()
        }),
        ["c"]
    );
    assert_eq!(
        only(SearchOptions {
            to: Some("2000".into()),
            ..Default::default()
        }),
        ["a"]
    );
    assert_eq!(
        only(SearchOptions {
            hoso: Some("hs-03".into()),
            ..Default::default()
        }),
        ["a"]
    );
    assert_eq!(
        only(SearchOptions {
            fonds: Some("47".into()),
            ..Default::default()
        }),
        ["c"]
    );
    assert_eq!(
        only(SearchOptions {
            sort: SortOrder::DateDescending,
            ..Default::default()
        }),
        ["b", "c", "a"]
    );
    let (total, page, _) = search(SearchOptions {
        sort: SortOrder::Date,
        offset: 1,
        limit: 1,
        ..Default::default()
    });
    assert_eq!((total, page), (3, vec!["c".to_string()]));
    assert!(index
        .search_with(
            "van",
            &SearchOptions {
                from: Some("March".into()),
                limit: 5,
                ..Default::default()
            }
        )
        .is_err());
}

#[test]
fn ocr_garbled_words_match_fuzzily_below_exact_ones_and_prefixes_work() {
    let (_dir, index) = index_with(&[
        doc("garbled", &["công tác tmuyền thông của Đảng"]),
        doc("clean", &["công tác truyền thông của Đảng"]),
        doc("other", &["công tác văn thư"]),
    ]);
    let results = index.search("truyen thong", 10).unwrap();
    assert_eq!(ids(&results), ["clean", "garbled"]);
    assert!(results.hits[0].score > results.hits[1].score);
    // Short words must match exactly: `thu` does not find `thư`'s neighbours by distance.
    assert_eq!(ids(&index.search("tac van", 10).unwrap()), ["other"]);
    assert_eq!(ids(&index.search("truy*", 10).unwrap()), ["clean"]);
    // Syntax still goes to the query parser.
    assert_eq!(
        ids(&index.search("\"truyền thông\"", 10).unwrap()),
        ["clean"]
    );
}

#[test]
fn snippets_show_a_misreading_only_on_a_page_without_the_word() {
    let filler = "các cấp uỷ đảng lãnh đạo thực hiện nghiêm túc ".repeat(8);
    let (_dir, index) = index_with(&[
        doc("garbled", &["công tác tmuyền thông của Đảng"]),
        doc(
            "both",
            &[&format!("tmuyền đơn {filler} công tác truyền hình")],
        ),
        doc("clean", &["truyền thống cách mạng"]),
    ]);
    let results = index.search("truyen", 10).unwrap();
    let snippet = |id: &str| {
        let hit = results.hits.iter().find(|h| h.id == id).unwrap();
        hit.snippet.clone()
    };
    assert!(snippet("garbled").contains("<b>tmuyền</b>"), "{results:?}");
    let both = snippet("both");
    assert!(both.contains("<b>truyền</b>"), "{both}");
    assert!(!both.contains("tmuyền"), "{both}");
}

#[test]
fn fuzzy_matches_are_misreadings_not_more_frequent_words() {
    // `trong` is on many pages, `tráng` on a few, `trsng` (a misreading) on one; the pages
    // are indexed in two commits, so page counts are summed over segments.
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(&dir.path().join("index")).unwrap();
    let common: Vec<IndexedDocument> = (0..30)
        .map(|n| doc(&format!("trong-{n:02}"), &["trong năm qua"]))
        .collect();
    index.replace_documents(&common[..15]).unwrap();
    index
        .replace_documents(&[
            doc("trang-1", &["tráng men sứ"]),
            doc("trang-2", &["trang báo"]),
            doc("trang-3", &["trang trại"]),
            doc("misread", &["trsng trại"]),
        ])
        .unwrap();
    index.replace_documents(&common[15..]).unwrap();
    let results = index.search("trang", 50).unwrap();
    assert_eq!(results.total, 4, "{results:?}");
    assert_eq!(ids(&results)[3], "misread");
    // A query word that is itself a misreading finds the words it misreads, the frequent
    // one included (`trxng` is on no page at all).
    assert_eq!(index.search("trxng", 50).unwrap().total, 34);
    // The frequent word's misreadings are the rarer words within one edit.
    assert_eq!(index.search("trong", 50).unwrap().total, 34);
}

#[test]
fn results_across_segments_count_sort_and_page_like_one() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(&dir.path().join("index")).unwrap();
    // Each call commits a segment of its own.
    let dates = ["2001-01-01", "", "1995-06-30", "2010-10-10", "1999-12-31"];
    for (n, date) in dates.iter().enumerate() {
        let mut d = doc(
            &format!("d{n}"),
            &["lưu trữ hồ sơ", "không liên quan", "lưu trữ lần hai"],
        );
        d.date = (*date).into();
        d.doc_type = if n % 2 == 0 {
            "Nghị quyết"
        } else {
            "Báo cáo"
        }
        .into();
        index.replace_documents(&[d]).unwrap();
    }
    let segments = index.reader.searcher().segment_readers().len();
    assert!(segments > 1, "{segments} segment(s)");
    let by = |sort: SortOrder, offset: usize, limit: usize| {
        let r = index
            .search_with(
                "luu tru",
                &SearchOptions {
                    limit,
                    offset,
                    sort,
                    ..Default::default()
                },
            )
            .unwrap();
        (r.total, r.hits, r.facets)
    };
    let (total, hits, facets) = by(SortOrder::Date, 0, 10);
    assert_eq!(total, 5);
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, ["d2", "d4", "d0", "d3", "d1"], "undated last");
    assert!(hits.iter().all(|h| h.pages == [1, 3]), "{hits:?}");
    let (_, hits, _) = by(SortOrder::DateDescending, 1, 2);
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, ["d0", "d4"]);
    assert_eq!(
        facets.doc_type,
        [
            FacetCount {
                value: "Nghị quyết".into(),
                count: 3
            },
            FacetCount {
                value: "Báo cáo".into(),
                count: 2
            }
        ]
    );
    assert_eq!(facets.year.len(), 4, "{:?}", facets.year);
    let (total, hits, _) = by(SortOrder::Relevance, 4, 10);
    assert_eq!((total, hits.len()), (5, 1));
    let (total, hits, _) = by(SortOrder::Relevance, 0, 0);
    assert_eq!((total, hits.len()), (5, 0));
}

#[test]
fn an_index_of_another_version_is_refused_as_a_schema_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open_or_create(&path).unwrap();
        index.replace_documents(&[doc("a", &["văn thư"])]).unwrap();
    }
    assert!(SearchIndex::open_or_create(&path).is_ok());
    // The same schema committed without sohoa's version payload: an older sohoa wrote it.
    let index = Index::open_in_dir(&path).unwrap();
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    writer.commit().unwrap();
    drop(writer);
    let Err(refused) = SearchIndex::open_or_create(&path) else {
        panic!("an index of another version was opened");
    };
    assert!(
        matches!(
            refused,
            Error::Index(tantivy::TantivyError::SchemaError(ref m)) if m.contains("another version")
        ),
        "{refused}"
    );
    // An empty index of any version is simply used.
    let empty = dir.path().join("empty");
    drop(SearchIndex::open_or_create(&empty).unwrap());
    assert!(SearchIndex::open_or_create(&empty).is_ok());
}

#[test]
fn plain_nfc_shortcut_agrees_with_the_full_check() {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let samples = [
        "Nghị quyết về phát triển kinh tế trang trại, số 45-NQ/HU ngày 12/3/2009",
        "ĐẢNG CỘNG SẢN VIỆT NAM – Độc lập “Tự do” …",
        "Hoà Thuỷ kỹ lý ỷ Ỹ ỵ",
        "a\u{301}",
    ];
    for text in samples {
        let nfd: String = text.nfd().collect();
        for t in [text.to_string(), nfd] {
            if is_plainly_nfc(&t) {
                assert!(is_nfc(&t), "{t:?}");
            }
        }
    }
    assert!(is_plainly_nfc("Hoà Thuỷ kỹ lý ĐẢNG “Độc lập” – …"));
    assert!(!is_plainly_nfc("a\u{301}"));
    // Every character the shortcut accepts is NFC_QC=Yes with combining class 0, so any
    // sequence of them is NFC.
    for c in (0..0x3000u32).filter_map(char::from_u32) {
        if is_plainly_nfc(c.encode_utf8(&mut [0; 4])) {
            assert_eq!(
                is_nfc_quick([c].into_iter()),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        }
    }
}

#[test]
fn two_pass_ranking_gives_the_single_pass_results() {
    // Several segments (one commit per batch) of documents of 1–6 pages drawn from a small
    // vocabulary, so that words match many pages and documents many times.
    const WORDS: &[&str] = &[
        "nghị",
        "quyết",
        "đảng",
        "bộ",
        "tỉnh",
        "công",
        "tác",
        "cán",
        "kiểm",
        "tra",
        "giám",
        "sát",
        "chi",
        "ủy",
        "ban",
        "thường",
        "vụ",
        "huyện",
        "xã",
        "phát",
        "triển",
        "kinh",
        "tế",
        "hòa",
        "thủy",
        "lợi",
        "kỹ",
        "thuật",
        "đoàn",
        "thanh",
        "niên",
        "lưu",
        "trữ",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(&dir.path().join("index")).unwrap();
    for batch in 0..4 {
        let mut docs = Vec::new();
        for i in 0..80 {
            let pages: Vec<String> = (0..=next(6))
                .map(|_| {
                    (0..5 + next(40))
                        .map(|_| WORDS[next(WORDS.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
            let mut d = doc(&format!("d{batch}-{i:02}"), &pages);
            d.date = format!("{}-01-01", 1990 + next(30));
            d.doc_type = ["Nghị quyết", "Báo cáo", "Tờ trình"][next(3)].to_owned();
            docs.push(d);
        }
        index.replace_documents(&docs).unwrap();
    }
    let queries = [
        "\"công\"",
        "đảng",
        "dang",
        "kiem tra",
        "\"kiểm tra\"",
        "thuỷ OR hoà",
        "trien*",
        "thuonx vu",
        "\"thường vụ\" -xã",
        "kĩ thuật",
    ];
    for query in queries {
        for (limit, offset) in [(1, 0), (3, 0), (10, 0), (10, 5), (50, 0)] {
            let options = SearchOptions {
                limit,
                offset,
                ..Default::default()
            };
            let two = index.search_with(query, &options).unwrap();
            let one = index.search_single_pass(query, &options).unwrap();
            let context = format!("{query:?} limit {limit} offset {offset}");
            assert_eq!(two.total, one.total, "{context}");
            assert!(two.total > 0, "{context}: matches nothing");
            assert_eq!(ids(&two), ids(&one), "{context}");
            for (a, b) in two.hits.iter().zip(&one.hits) {
                assert_eq!(a.pages, b.pages, "{context}: pages of {}", a.id);
                assert!(
                    (a.score - b.score).abs() < 1e-4,
                    "{context}: score of {}",
                    a.id
                );
                assert_eq!(a.snippet, b.snippet, "{context}: snippet of {}", a.id);
            }
            assert_eq!(two.facets, one.facets, "{context}");
        }
        // By date (one scored pass, which drops groups that can no longer be among the
        // requested ones): each page of results is that page of the whole list.
        for sort in [SortOrder::Date, SortOrder::DateDescending] {
            let search = |limit, offset| {
                let options = SearchOptions {
                    limit,
                    offset,
                    sort,
                    ..Default::default()
                };
                index.search_with(query, &options).unwrap()
            };
            let all = search(1_000, 0);
            for (limit, offset) in [(1, 0), (3, 0), (10, 0), (10, 5), (7, 30)] {
                let page = search(limit, offset);
                let context = format!("{query:?} {sort:?} limit {limit} offset {offset}");
                assert_eq!(page.total, all.total, "{context}");
                let expected: Vec<&str> = ids(&all).into_iter().skip(offset).take(limit).collect();
                assert_eq!(ids(&page), expected, "{context}");
                assert_eq!(page.facets, all.facets, "{context}");
            }
        }
    }
}

#[test]
fn accented_phrase_ranks_exact_diacritics_first_and_any_diacritics_match() {
    let (_dir, index) = index_with(&[
        doc("plain", &["về cong tac tổ chức cán bộ"]),
        doc("exact", &["về công tác tổ chức cán bộ"]),
        doc("other", &["về cống tắc tổ chức cán bộ"]),
        doc("apart", &["công việc và tác phong"]),
        doc("none", &["về việc khác"]),
    ]);
    let results = index.search("\"công tác\"", 10).unwrap();
    assert_eq!(results.total, 3, "{results:?}");
    assert_eq!(results.hits[0].id, "exact", "{results:?}");
    assert!(results.hits[0].score > results.hits[1].score);
    assert!(
        results.hits[1].snippet.contains("<b>"),
        "{}",
        results.hits[1].snippet
    );
    // Without diacritics, all three spellings match; a phrase inside NOT excludes folded.
    assert_eq!(index.search("\"cong tac\"", 10).unwrap().total, 3);
    assert_eq!(
        ids(&index.search("về -\"công tác\"", 10).unwrap()),
        ["none"]
    );
}

#[test]
fn phrases_with_symbols_and_excluded_phrases_match_on_word_positions() {
    let (_dir, index) = index_with(&[
        doc(
            "exact",
            &["Thực hiện Chỉ thị số 66-QĐ/TW ngày 28 của Bộ Chính trị"],
        ),
        doc("folded", &["thuc hien Chi thi so 66-QD/TW ngay 28"]),
        doc("apart", &["Chỉ thị số 28 về QĐ 66 và TW ngày"]),
    ]);
    // A symbol is several words (66, qđ, tw); in quotes they must be adjacent.
    let results = index.search("\"số 66-QĐ/TW ngày\"", 10).unwrap();
    assert_eq!(ids(&results), ["exact", "folded"], "{results:?}");
    assert!(results.hits[0].snippet.contains("<b>"), "{results:?}");
    assert_eq!(ids(&index.search("\"66-QĐ/TW\"", 10).unwrap()).len(), 2);
    // Excluding a phrase excludes it in any diacritics, but not its words apart.
    assert_eq!(
        ids(&index.search("ngày -\"66-qd/tw\"", 10).unwrap()),
        ["apart"]
    );
    assert!(ids(&index.search("ngày -\"chỉ thị số 66\" -tw", 10).unwrap()).is_empty());
    assert_eq!(
        ids(&index.search("(ngày -\"thuc hien\") OR apart", 10).unwrap()),
        ["apart"]
    );
}

#[test]
fn matching_and_ranking_queries_match_the_same_pages() {
    use tantivy::collector::Count;
    let (_dir, index) = index_with(&[
        doc(
            "a",
            &["Ban Thường vụ Tỉnh uỷ họp bàn công tác", "kỹ thuật lưu trữ"],
        ),
        doc("b", &["ban chấp hành bàn về công tắc", "thủy lợi hoà bình"]),
        doc(
            "c",
            &["báo cáo công tác kiểm tra, giám sát", "cong tac van thu"],
        ),
        doc("d", &["Nghị quyết về kĩ thuật và thuỷ lợi"]),
    ]);
    let searcher = index.reader.searcher();
    for query in [
        "\"công tác\"",
        "\"cong tac\" OR thủy",
        "công* -\"kiểm tra\"",
        "\"bàn công tác\" -(\"kiểm tra\" OR thuỷ)",
        "kỹ thuật",
        "\"ky thuat\"",
        "hòa OR \"ban thường vụ\"",
        "công*",
        "text:ban",
        "cong tac",
        "cong",
    ] {
        let prepared = index
            .query_for(&searcher, query, &SearchOptions::default())
            .unwrap();
        let matching = searcher.search(prepared.matching.as_ref(), &Count).unwrap();
        let ranking = searcher.search(prepared.ranking.as_ref(), &Count).unwrap();
        assert_eq!(matching, ranking, "{query:?}");
        assert!(matching > 0, "{query:?} matches nothing");
    }
}

#[test]
fn year_facet_and_date_sort_skip_undated_documents() {
    let mut a = doc("a", &["báo cáo tổng kết"]);
    a.date = "1997-04-02".into();
    let mut b = doc("b", &["báo cáo năm"]);
    b.date = String::new();
    let mut c = doc("c", &["báo cáo quý"]);
    c.date = "1997-12-30".into();
    let mut d = doc("d", &["báo cáo tháng"]);
    d.date = "2001-01-05".into();
    let (_dir, index) = index_with(&[a, b, c, d]);
    for sort in [SortOrder::Date, SortOrder::DateDescending] {
        let r = index
            .search_with(
                "bao cao",
                &SearchOptions {
                    limit: 10,
                    sort,
                    ..Default::default()
                },
            )
            .unwrap();
        let expected = match sort {
            SortOrder::Date => ["a", "c", "d", "b"],
            _ => ["d", "c", "a", "b"],
        };
        assert_eq!(ids(&r), expected, "{sort:?}");
        assert_eq!(
            r.facets.year,
            [
                FacetCount {
                    value: "1997".into(),
                    count: 2
                },
                FacetCount {
                    value: "2001".into(),
                    count: 1
                }
            ]
        );
        assert_eq!(r.hits[0].date.len(), 10);
    }
}

#[test]
fn several_plain_words_rank_pages_as_the_sum_of_each_words_terms() {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
    use tantivy::schema::IndexRecordOption;
    let (_dir, index) = index_with(&[
        doc("a", &["cấp ủy cấp ủy ban chấp hành", "ban cán sự"]),
        doc("b", &["cap uy ban", "cấp ủy"]),
        doc("c", &["cấp uỷ và ban thường vụ", "cấp ủy ban ban"]),
        doc("d", &["ban tổ chức, không có từ kia"]),
    ]);
    let searcher = index.reader.searcher();
    let analysed = |tokenizer: &str, word: &str| {
        let mut analyzer = index.index.tokenizers().get(tokenizer).unwrap();
        let mut stream = analyzer.token_stream(word);
        let mut last = String::new();
        while let Some(t) = stream.next() {
            last.clone_from(&t.text);
        }
        last
    };
    let term = |field, word: &str| {
        TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        )
    };
    // Each word as the union of its exact form (boosted) and its folded form, all required:
    // what a page scores for the words one by one.
    let union_of = |word: &str| -> Box<dyn Query> {
        let exact = analysed(EXACT_TOKENIZER, word);
        let folded = analysed(FOLDED_TOKENIZER, word);
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(term(index.fields.text, &exact)),
                    super::search::EXACT_BOOST,
                )),
            ),
            (
                Occur::Should,
                Box::new(term(index.fields.text_folded, &folded)),
            ),
        ]))
    };
    for query in ["cấp ủy", "cap uy ban", "cấp uỷ ban"] {
        let by_words: Box<dyn Query> = Box::new(BooleanQuery::new(
            query
                .split_whitespace()
                .map(|word| (Occur::Must, union_of(word)))
                .collect(),
        ));
        let prepared = index
            .query_for(&searcher, query, &SearchOptions::default())
            .unwrap();
        let top = |q: &dyn Query| {
            let mut found = searcher
                .search(q, &TopDocs::with_limit(20).order_by_score())
                .unwrap();
            found.sort_by_key(|(_, address)| *address);
            found
        };
        let (expected, got) = (top(by_words.as_ref()), top(prepared.ranking.as_ref()));
        assert_eq!(expected.len(), got.len(), "{query}");
        assert!(!got.is_empty(), "{query}");
        for ((want, a), (score, b)) in expected.iter().zip(&got) {
            assert_eq!(a, b, "{query}");
            assert!(
                (want - score).abs() <= want.abs() * 1e-5,
                "{query}: {want} vs {score}"
            );
        }
    }
}

#[test]
fn only_a_term_or_a_union_of_terms_is_ranked_in_a_pruned_second_pass() {
    let (_dir, index) = index_with(&[doc("a", &["công tác văn thư lưu trữ"])]);
    let searcher = index.reader.searcher();
    let filtered = SearchOptions {
        doc_type: Some("nghi quyet".into()),
        ..Default::default()
    };
    for (query, options, prunable) in [
        ("cong", SearchOptions::default(), true),
        ("\"công\"", SearchOptions::default(), true),
        ("công OR văn", SearchOptions::default(), false),
        ("cong tac", SearchOptions::default(), false),
        ("\"công tác\"", SearchOptions::default(), false),
        ("cong*", SearchOptions::default(), false),
        ("công -văn", SearchOptions::default(), false),
        ("cong", filtered.clone(), false),
    ] {
        let prepared = index.query_for(&searcher, query, &options).unwrap();
        assert_eq!(prepared.prunable, prunable, "{query}");
    }
    // Several plain words: ranked pruned as the union of their terms, over the pages having
    // every word (`two_pass_ranking_gives_the_single_pass_results` checks the results).
    for (query, options, union) in [
        ("cong tac", SearchOptions::default(), true),
        ("công tác văn", SearchOptions::default(), true),
        ("cong", SearchOptions::default(), false),
        ("cong tac*", SearchOptions::default(), false),
        ("\"công tác\"", SearchOptions::default(), false),
        ("cong tac", filtered, false),
    ] {
        let prepared = index.query_for(&searcher, query, &options).unwrap();
        assert_eq!(prepared.pruned.is_some(), union, "{query}");
    }
}

#[test]
fn quoted_phrases_match_on_word_pairs_the_pages_word_positions_match() {
    let long_word = "x".repeat(120);
    let (_dir, index) = index_with(&[
        doc(
            "a",
            &[
                "Ban Chấp hành Đảng bộ tỉnh. Công tác tổ chức đảng, công tác cán bộ",
                "của các cấp uỷ",
            ],
        ),
        // The phrase's words on two pages, apart, or across a word too long to index.
        doc("b", &["các cấp", "uỷ ban chấp"]),
        doc("c", &["cấp uỷ của các chi bộ, các cấp chính quyền"]),
        doc(
            "d",
            &[&format!("ban {long_word} chấp hành; cong tac to chuc dang")],
        ),
        // NFD, and the phrase repeated.
        doc(
            "e",
            &["To\u{302}\u{301} chu\u{31b}\u{301}c đảng, tổ chức đảng và tổ chức"],
        ),
    ]);
    let searcher = index.reader.searcher();
    let pages = |query: &str| -> Vec<(String, Vec<u32>)> {
        let results = index.search(query, 10).unwrap();
        let mut found: Vec<(String, Vec<u32>)> =
            results.hits.into_iter().map(|h| (h.id, h.pages)).collect();
        found.sort();
        assert_eq!(results.total, found.len(), "{query:?}");
        found
    };
    for phrase in [
        "công tác",
        "cong tac",
        "các cấp uỷ",
        "cac cap uy",
        "tổ chức đảng",
        "ban chấp hành",
        "tỉnh công tác",
        "uỷ ban chấp",
        "đảng bộ tỉnh công tác tổ",
    ] {
        // The same phrase on the folded words' positions, as before the pairs.
        let on_positions = format!("text_folded:\"{phrase}\"");
        assert_eq!(
            pages(&format!("\"{phrase}\"")),
            pages(&on_positions),
            "{phrase:?}"
        );
        // Excluded, it leaves out the same documents.
        assert_eq!(
            pages(&format!("cấp OR ban OR tổ -\"{phrase}\"")),
            pages(&format!("cấp OR ban OR tổ -{on_positions}")),
            "{phrase:?}"
        );
    }
    assert_eq!(
        pages("\"các cấp uỷ\""),
        [("a".to_owned(), vec![2])],
        "not across pages"
    );
    assert_eq!(pages("\"tổ chức đảng\"").len(), 3);
    // A two-word phrase is one term of the pairs, matched without positions.
    let prepared = index
        .query_for(&searcher, "\"công tác\"", &SearchOptions::default())
        .unwrap();
    let mut terms = Vec::new();
    prepared.matching.query_terms(&mut |term, positions| {
        terms.push((
            term.field(),
            term.value().as_str().map(str::to_owned),
            positions,
        ));
    });
    assert_eq!(
        terms,
        [(index.fields.text_pairs, Some("cong tac".to_owned()), false)]
    );
    // Its snippet highlights the words.
    let results = index.search("\"cong tac to chuc\"", 10).unwrap();
    let a = results.hits.iter().find(|h| h.id == "a").unwrap();
    assert!(
        a.snippet
            .contains("<b>Công</b> <b>tác</b> <b>tổ</b> <b>chức</b>"),
        "{results:?}"
    );
}
