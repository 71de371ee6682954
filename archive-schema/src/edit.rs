//! Reading and setting record fields by their ASCII key (`sohoa edit ID --set KEY=VALUE`).
//!
//! In: a record, a key, the raw text the user typed, and the code sets in force.
//! Out: the record with that field replaced by the parsed value marked `given` (codes and
//! labels normalised to the stored form; numbers, dates, lists and identifiers checked), or
//! an error naming the key: unknown (with the valid keys), not editable, or a bad value.
//! An empty value clears the field.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::codes::CodeSets;
use crate::error::{Problem, ValidationError};
use crate::fields::{spec, FieldKind, FieldSpec, HO_SO_FIELDS, TAI_LIEU_FIELDS};
use crate::validate::check_value;
use crate::{Error, HoSoRecord, Result, TaiLieuRecord};

fn lookup(
    record: &'static str,
    fields: &'static [FieldSpec],
    key: &str,
) -> Result<&'static FieldSpec> {
    spec(fields, key).ok_or_else(|| Error::UnknownField {
        record,
        key: key.to_string(),
        valid: fields.iter().map(|f| f.key).collect(),
    })
}

fn split_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses `raw` into the JSON value of field `spec`, normalising codes.
fn parse(spec: &FieldSpec, raw: &str, codes: &CodeSets) -> Result<Value> {
    let raw = raw.trim();
    let bad =
        |problem, message: String| Error::Invalid(ValidationError::new(spec.key, problem, message));
    let code = |part: &str| -> Result<String> {
        match codes.set(spec.key) {
            None => Ok(part.to_string()),
            Some(set) => set.normalize(part).map(str::to_string).ok_or_else(|| {
                bad(
                    Problem::UnknownCode,
                    format!(
                        "unknown value {part:?}; allowed ({} set of {}): {}",
                        set.name,
                        codes.title,
                        set.allowed().join(", ")
                    ),
                )
            }),
        }
    };
    let value = match spec.kind {
        FieldKind::Id => {
            return Err(Error::ReadOnlyField {
                key: spec.key.to_string(),
                vi: spec.vi,
                reason: "it is the document's persistent id and never changes",
            })
        }
        FieldKind::Code => Value::String(code(raw)?),
        FieldKind::CodeList => {
            let parts = split_list(raw)
                .iter()
                .map(|p| code(p))
                .collect::<Result<Vec<_>>>()?;
            Value::String(parts.join(", "))
        }
        FieldKind::Number { .. } => {
            let n: u32 = raw
                .parse()
                .map_err(|_| bad(Problem::BadValue, format!("{raw:?} is not a whole number")))?;
            json!(n)
        }
        FieldKind::List if raw.starts_with('[') => {
            let items: Vec<String> = serde_json::from_str(raw).map_err(|e| {
                bad(
                    Problem::BadValue,
                    format!("{raw:?} is not a JSON array of strings: {e}"),
                )
            })?;
            json!(items)
        }
        FieldKind::List => json!(split_list(raw)),
        FieldKind::Text
        | FieldKind::Date
        | FieldKind::Period
        | FieldKind::MaHoSo
        | FieldKind::MaLuuTru => Value::String(raw.to_string()),
    };
    check_value(spec, &value, codes)?;
    Ok(value)
}

fn set_json<R: Serialize + DeserializeOwned>(
    record: &mut R,
    spec: &FieldSpec,
    raw: &str,
    codes: &CodeSets,
) -> Result<()> {
    let entry = if raw.trim().is_empty() {
        if spec.kind == FieldKind::Id {
            return parse(spec, raw, codes).map(|_| ());
        }
        Value::Null
    } else {
        json!({ "value": parse(spec, raw, codes)?, "source": "given" })
    };
    let mut json = serde_json::to_value(&*record).expect("records serialise");
    json[spec.key] = entry;
    *record = serde_json::from_value(json).expect("a checked value fits its field");
    Ok(())
}

fn get_json<R: Serialize>(record: &R, key: &str) -> Option<Value> {
    let json = serde_json::to_value(record).expect("records serialise");
    json.get(key)?.get("value").cloned()
}

impl HoSoRecord {
    /// The record keys, in record order.
    pub fn field_keys() -> Vec<&'static str> {
        HO_SO_FIELDS.iter().map(|f| f.key).collect()
    }

    /// The value of field `key` as JSON (`None` if unset or not a key).
    pub fn get_field(&self, key: &str) -> Option<Value> {
        get_json(self, key)
    }

    /// Sets field `key` from the user's text, marked `given`; an empty `raw` clears it.
    /// Lists are comma-separated or a JSON array; codes may be given as code or label.
    pub fn set_field(&mut self, key: &str, raw: &str, codes: &CodeSets) -> Result<()> {
        let spec = lookup("hồ sơ", HO_SO_FIELDS, key)?;
        set_json(self, spec, raw, codes)
    }
}

impl TaiLieuRecord {
    /// The record keys, in record order.
    pub fn field_keys() -> Vec<&'static str> {
        TAI_LIEU_FIELDS.iter().map(|f| f.key).collect()
    }

    /// The value of field `key` as JSON (`None` if unset or not a key).
    pub fn get_field(&self, key: &str) -> Option<Value> {
        get_json(self, key)
    }

    /// Sets field `key` from the user's text, marked `given`; an empty `raw` clears it.
    /// Lists are comma-separated or a JSON array; codes may be given as code or label.
    /// `ma_dinh_danh` (the persistent id) cannot be set.
    pub fn set_field(&mut self, key: &str, raw: &str, codes: &CodeSets) -> Result<()> {
        let spec = lookup("tài liệu", TAI_LIEU_FIELDS, key)?;
        set_json(self, spec, raw, codes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ValueSource, Valued};

    fn codes() -> &'static CodeSets {
        CodeSets::tt05_2025()
    }

    #[test]
    fn sets_typed_values_marked_given() {
        let mut r = TaiLieuRecord::default();
        r.set_field("so_thu_tu", " 12 ", codes()).unwrap();
        assert_eq!(r.so_thu_tu, Some(Valued::given(12)));
        r.set_field("trich_yeu", "về chuyển đổi số", codes())
            .unwrap();
        assert_eq!(r.get_field("trich_yeu"), Some(json!("về chuyển đổi số")));
        r.set_field("noi_nhan", "Như trên, Lưu VP", codes())
            .unwrap();
        assert_eq!(
            r.noi_nhan.as_ref().unwrap().value,
            vec!["Như trên".to_string(), "Lưu VP".to_string()]
        );
        r.set_field("tu_khoa", r#"["a, b", "c"]"#, codes()).unwrap();
        assert_eq!(r.get_field("tu_khoa"), Some(json!(["a, b", "c"])));
        r.set_field("ngay_ban_hanh", "2017-03-31", codes()).unwrap();
        assert_eq!(r.ngay_ban_hanh.as_ref().unwrap().source, ValueSource::Given);
        assert_eq!(r.ngay_ban_hanh.as_ref().unwrap().confidence, None);
    }

    #[test]
    fn normalises_codes_and_labels() {
        let mut r = HoSoRecord::default();
        r.set_field("thoi_han_bao_quan", "vĩnh viễn", codes())
            .unwrap();
        assert_eq!(r.thoi_han_bao_quan, Some(Valued::given("01".into())));
        r.set_field("che_do_su_dung", "Hạn chế", codes()).unwrap();
        assert_eq!(r.get_field("che_do_su_dung"), Some(json!("02")));
        r.set_field("ngon_ngu", "Tiếng Việt, fra", codes()).unwrap();
        assert_eq!(r.get_field("ngon_ngu"), Some(json!("vi, fr")));

        let mut t = TaiLieuRecord::default();
        t.set_field("ten_loai", "KH", codes()).unwrap();
        assert_eq!(t.get_field("ten_loai"), Some(json!("Kế hoạch")));

        let e = r
            .set_field("thoi_han_bao_quan", "mãi mãi", codes())
            .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("thoi_han_bao_quan")
                && msg.contains("mãi mãi")
                && msg.contains("01 (Vĩnh viễn)"),
            "{msg}"
        );
        // The failed edit left the old value.
        assert_eq!(r.get_field("thoi_han_bao_quan"), Some(json!("01")));
    }

    #[test]
    fn rejects_bad_values() {
        let mut t = TaiLieuRecord::default();
        for (key, raw) in [
            ("so_thu_tu", "twelve"),
            ("so_thu_tu", "-1"),
            ("so_thu_tu", "0"),
            ("so_luong_trang", "0"),
            ("ngay_ban_hanh", "2023-02-30"),
            ("ngay_ban_hanh", "31/3/2022"),
            ("ma_ho_so", "H49.61"),
            ("ma_luu_tru_tai_lieu", "H49.61.8.2017.12"),
            ("tu_khoa", "[1, 2]"),
        ] {
            let e = t.set_field(key, raw, codes()).unwrap_err();
            assert!(
                matches!(&e, Error::Invalid(v) if v.field == key),
                "{key}={raw}: {e}"
            );
        }
        assert_eq!(t, TaiLieuRecord::default());
    }

    #[test]
    fn rejects_unknown_and_read_only_keys() {
        let mut t = TaiLieuRecord::default();
        let e = t.set_field("tieu_đe", "x", codes()).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("tieu_đe") && msg.contains("trich_yeu") && msg.contains("ma_ho_so"),
            "{msg}"
        );
        let e = t.set_field("ma_dinh_danh", "01ABC", codes()).unwrap_err();
        assert!(matches!(e, Error::ReadOnlyField { .. }), "{e}");
        let e = t.set_field("ma_dinh_danh", "", codes()).unwrap_err();
        assert!(matches!(e, Error::ReadOnlyField { .. }), "{e}");
        let mut h = HoSoRecord::default();
        assert!(matches!(
            h.set_field("trich_yeu", "x", codes()),
            Err(Error::UnknownField { .. })
        ));
    }

    #[test]
    fn empty_value_clears_the_field() {
        let mut h = HoSoRecord::default();
        h.set_field("ghi_chu", "x", codes()).unwrap();
        assert!(h.ghi_chu.is_some());
        h.set_field("ghi_chu", "  ", codes()).unwrap();
        assert_eq!(h.ghi_chu, None);
        assert_eq!(h.get_field("ghi_chu"), None);
    }

    #[test]
    fn lists_keys() {
        assert_eq!(HoSoRecord::field_keys()[0], "ma_ho_so");
        assert!(TaiLieuRecord::field_keys().contains(&"ten_loai"));
        assert!(!HoSoRecord::field_keys().contains(&"ten_loai"));
    }
}
