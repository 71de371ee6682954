//! The review queue with real OCR: an ingest reports how many documents need a look,
//! `sohoa review` lists the items, a correction clears its field, `--reviewed` clears the rest.

use crate::common::{code, ingest, json, run, small_box_ingested};

#[test]
fn corrections_and_acceptance_empty_the_review_queue() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, box_dir, summary) = small_box_ingested(tmp.path());

    let queue = json(&run(&archive, &["review", "--json"]));
    let items = queue["items"].as_array().unwrap();
    assert_eq!(queue["total"].as_u64().unwrap() as usize, items.len());
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(summary["documents_to_review"], ids.len(), "{summary}");
    assert!(
        !items.is_empty(),
        "the noisy and the typewritten scans leave something to check"
    );
    for item in items {
        for key in ["id", "object", "box", "hoso", "title", "kind", "reason"] {
            assert!(item.get(key).is_some(), "{key} in {item}");
        }
    }

    // A low-confidence field corrected (given) leaves the queue.
    if let Some(field_item) = items.iter().find(|i| i["kind"] == "low_confidence_field") {
        let id = field_item["id"].as_str().unwrap();
        let key = field_item["field"].as_str().unwrap();
        let value = match &field_item["value"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let edit = run(&archive, &["edit", id, "--set", &format!("{key}={value}")]);
        assert_eq!(code(&edit), 0, "{}", String::from_utf8_lossy(&edit.stderr));
        let queue = json(&run(&archive, &["review", "--json"]));
        assert!(!queue["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == id && i["field"] == key && i["kind"] == "low_confidence_field"));
    }

    // Accepting every listed document empties the queue; the acceptance is a new version.
    for id in &ids {
        let edit = run(&archive, &["edit", id, "--reviewed"]);
        assert_eq!(code(&edit), 0, "{}", String::from_utf8_lossy(&edit.stderr));
    }
    let queue = json(&run(&archive, &["review", "--json"]));
    assert_eq!(queue["total"], 0, "{queue}");
    let history = json(&run(&archive, &["history", ids[0], "--json"]));
    assert!(history.to_string().contains("reviewed"), "{history}");

    // Re-ingest keeps the acceptance of documents whose pages did not change.
    let again = json(&ingest(&archive, &box_dir, 2, true));
    assert_eq!(again["documents_to_review"], 0, "{again}");
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}
