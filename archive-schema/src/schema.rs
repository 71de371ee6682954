//! JSON Schemas of the records and sidecars, generated from the Rust types with `schemars`.
//!
//! In: the types [`HoSoRecord`], [`TaiLieuRecord`], [`BoxSidecar`], [`HoSoSidecar`] (their doc
//! comments become the field descriptions). Out: the schemas as JSON ([`generate`]) and the
//! copies shipped in `archive-schema/schema/*.schema.json` ([`SHIPPED`]). A test fails when
//! the two differ; `SOHOA_UPDATE_SCHEMA=1 cargo test -p archive-schema` rewrites the files.

use schemars::schema_for;
use serde_json::Value;

use crate::{BoxSidecar, HoSoRecord, HoSoSidecar, TaiLieuRecord};

/// The shipped schema files: file name (under `archive-schema/schema/`) and text.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "hoso-record.schema.json",
        include_str!("../schema/hoso-record.schema.json"),
    ),
    (
        "tailieu-record.schema.json",
        include_str!("../schema/tailieu-record.schema.json"),
    ),
    (
        "box-sidecar.schema.json",
        include_str!("../schema/box-sidecar.schema.json"),
    ),
    (
        "hoso-sidecar.schema.json",
        include_str!("../schema/hoso-sidecar.schema.json"),
    ),
];

/// The schemas as the types generate them now, with the file name each is shipped under.
pub fn generate() -> Vec<(&'static str, Value)> {
    let value = |s: schemars::Schema| serde_json::to_value(s).expect("schemas serialise");
    vec![
        ("hoso-record.schema.json", value(schema_for!(HoSoRecord))),
        (
            "tailieu-record.schema.json",
            value(schema_for!(TaiLieuRecord)),
        ),
        ("box-sidecar.schema.json", value(schema_for!(BoxSidecar))),
        ("hoso-sidecar.schema.json", value(schema_for!(HoSoSidecar))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{FieldSpec, HO_SO_FIELDS, TAI_LIEU_FIELDS};

    fn dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")
    }

    #[test]
    fn shipped_schemas_match_the_types() {
        let update = std::env::var_os("SOHOA_UPDATE_SCHEMA").is_some_and(|v| v == "1");
        let mut stale = Vec::new();
        for (name, generated) in generate() {
            let path = dir().join(name);
            if update {
                let text = serde_json::to_string_pretty(&generated).unwrap() + "\n";
                std::fs::write(&path, text).unwrap();
                continue;
            }
            let shipped = std::fs::read_to_string(&path).unwrap_or_default();
            let shipped: Value = serde_json::from_str(&shipped).unwrap_or(Value::Null);
            if shipped != generated {
                stale.push(name);
            }
        }
        if update {
            // The compiled-in copies are refreshed by the next build.
            return;
        }
        assert!(
            stale.is_empty(),
            "archive-schema/schema/{stale:?} differ from what the types generate; \
             regenerate with `SOHOA_UPDATE_SCHEMA=1 cargo test -p archive-schema` and commit"
        );
        // What is compiled in is what is on disk.
        for (name, text) in SHIPPED {
            let on_disk = std::fs::read_to_string(dir().join(name)).unwrap();
            assert_eq!(*text, on_disk, "{name}");
        }
    }

    fn properties<'a>(
        name: &str,
        schemas: &'a [(&str, Value)],
    ) -> &'a serde_json::Map<String, Value> {
        let (_, s) = schemas.iter().find(|(n, _)| *n == name).unwrap();
        s["properties"].as_object().unwrap()
    }

    #[test]
    fn every_field_is_described_with_its_vietnamese_name() {
        let schemas = generate();
        for (name, fields) in [
            ("hoso-record.schema.json", HO_SO_FIELDS),
            ("tailieu-record.schema.json", TAI_LIEU_FIELDS),
        ] {
            let props = properties(name, &schemas);
            let keys: Vec<&str> = fields.iter().map(|f: &FieldSpec| f.key).collect();
            assert_eq!(props.len(), keys.len(), "{name}");
            for f in fields {
                let description = props[f.key]["description"].as_str().unwrap_or_default();
                let first_word = f.vi.split([' ', ',']).next().unwrap();
                assert!(
                    description.to_lowercase().contains(first_word),
                    "{name}: {} lacks a description naming {:?}: {description:?}",
                    f.key,
                    f.vi
                );
            }
        }
        for name in ["box-sidecar.schema.json", "hoso-sidecar.schema.json"] {
            let (_, s) = schemas.iter().find(|(n, _)| *n == name).unwrap();
            assert_eq!(s["additionalProperties"], Value::Bool(false), "{name}");
            for (key, p) in properties(name, &schemas) {
                assert!(p.get("description").is_some(), "{name}: {key}");
            }
        }
    }

    /// A small structural check of a sample record against the shipped schema: every key of
    /// the instance is a schema property and every value object has `value` and `source`.
    #[test]
    fn a_sample_record_fits_the_shipped_schema() {
        let schema: Value = serde_json::from_str(SHIPPED[1].1).unwrap();
        let props = schema["properties"].as_object().unwrap();
        let sample = serde_json::json!({
            "ma_dinh_danh": {"value": "01HZX3J6Q8V3KQ2N6M7T9W0ABC", "source": "inferred"},
            "ten_loai": {"value": "Nghị quyết", "source": "extracted", "confidence": 0.9},
            "so_thu_tu": {"value": 1, "source": "inferred"}
        });
        let record: TaiLieuRecord = serde_json::from_value(sample.clone()).unwrap();
        let round = serde_json::to_value(&record).unwrap();
        for (key, v) in round.as_object().unwrap() {
            assert!(props.contains_key(key), "{key} not in schema");
            if !v.is_null() {
                assert!(v.get("value").is_some() && v.get("source").is_some());
            }
        }
        let valued = &schema["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.starts_with("Valued"))
            .unwrap()
            .1;
        let required: Vec<&str> = valued["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(required.contains(&"value") && required.contains(&"source"));
    }
}
