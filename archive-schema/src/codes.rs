//! Coded value sets (thời hạn bảo quản, chế độ sử dụng, mức độ tin cậy, tình trạng vật lý,
//! ngôn ngữ, tên loại tài liệu, độ mật, độ khẩn) and the mandatory fields, read from data files.
//!
//! In: the JSON text of a code file — the embedded `codes/tt05-2025.json` (the default),
//! `codes/tt02-2019.json`, or an agency's own file given to [`CodeSets::from_json`].
//! Out: [`CodeSets`], which normalises a value given as a code, a label or an alias
//! (accent- and case-insensitively) to the form a record stores, and lists what is allowed.
//! Which sets exist and which fields are mandatory differ between the 2019 and 2025 rules and
//! between agencies, so all of it lives in the data files, none of it in code.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::fields::{HO_SO_FIELDS, TAI_LIEU_FIELDS};
use crate::text::fold;
use crate::{Error, Result};

/// The code sets every code file must define: each is named after the record field it codes.
pub const REQUIRED_SETS: &[&str] = &[
    "thoi_han_bao_quan",
    "che_do_su_dung",
    "muc_do_tin_cay",
    "tinh_trang_vat_ly",
    "ngon_ngu",
    "ten_loai",
    "do_mat",
    "do_khan",
];

const TT05_2025: &str = include_str!("../codes/tt05-2025.json");
const TT02_2019: &str = include_str!("../codes/tt02-2019.json");

static TT05: LazyLock<CodeSets> =
    LazyLock::new(|| CodeSets::from_json(TT05_2025).expect("codes/tt05-2025.json is valid"));
static TT02: LazyLock<CodeSets> =
    LazyLock::new(|| CodeSets::from_json(TT02_2019).expect("codes/tt02-2019.json is valid"));

/// What a record stores for a value of a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Store {
    /// The code (`01`, `vi`): thời hạn bảo quản, chế độ sử dụng, ngôn ngữ, …
    Code,
    /// The label (`Nghị quyết`, `Mật`): tên loại tài liệu, độ mật, độ khẩn.
    Label,
}

/// One allowed value: its code (if the set has codes), its Vietnamese label, other spellings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For tên loại: `party` or `state`; free for other sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl CodeValue {
    /// The form a record stores under `store`.
    pub fn stored(&self, store: Store) -> &str {
        match store {
            Store::Code => self.code.as_deref().unwrap_or(&self.label),
            Store::Label => &self.label,
        }
    }
}

/// One value set, e.g. thời hạn bảo quản.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSet {
    /// Vietnamese name of the set.
    pub name: String,
    pub store: Store,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub values: Vec<CodeValue>,
}

impl CodeSet {
    /// The value `raw` names, by exact code, then exact label, then accent- and
    /// case-insensitive code, label or alias, then (for numeric codes) `1` for `01`.
    /// Earlier entries win when two match.
    pub fn find(&self, raw: &str) -> Option<&CodeValue> {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        if let Some(v) = self
            .values
            .iter()
            .find(|v| v.code.as_deref() == Some(raw) || v.label == raw)
        {
            return Some(v);
        }
        let folded = fold(raw);
        if let Some(v) = self.values.iter().find(|v| {
            v.code.as_deref().is_some_and(|c| fold(c) == folded)
                || fold(&v.label) == folded
                || v.aliases.iter().any(|a| fold(a) == folded)
        }) {
            return Some(v);
        }
        let n: u32 = raw.parse().ok()?;
        let padded = format!("{n:02}");
        self.values
            .iter()
            .find(|v| v.code.as_deref() == Some(padded.as_str()))
    }

    /// The stored form of `raw`, if it names a value of the set.
    pub fn normalize(&self, raw: &str) -> Option<&str> {
        self.find(raw).map(|v| v.stored(self.store))
    }

    /// Whether `value` is already in stored form.
    pub fn is_stored(&self, value: &str) -> bool {
        self.values.iter().any(|v| v.stored(self.store) == value)
    }

    /// The label of a stored value.
    pub fn label_of(&self, stored: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|v| v.stored(self.store) == stored)
            .map(|v| v.label.as_str())
    }

    /// The allowed values as `01 (Vĩnh viễn)`, or labels for label-stored sets, deduplicated.
    pub fn allowed(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in &self.values {
            let item = match (self.store, &v.code) {
                (Store::Code, Some(code)) => format!("{code} ({})", v.label),
                _ => v.label.clone(),
            };
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
}

/// Mandatory record keys, per record kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandatory {
    pub ho_so: Vec<String>,
    pub tai_lieu: Vec<String>,
}

/// All coded value sets of one rule (Thông tư 05/2025, 02/2019, or an agency's own file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSets {
    /// Short id, e.g. `tt05-2025`.
    pub id: String,
    /// The rule the sets come from.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub mandatory: Mandatory,
    /// Sets by the record key they code (`thoi_han_bao_quan`, `ten_loai`, …).
    pub sets: BTreeMap<String, CodeSet>,
}

impl Default for CodeSets {
    fn default() -> Self {
        CodeSets::tt05_2025().clone()
    }
}

impl CodeSets {
    /// The sets of Thông tư 05/2025/TT-BNV (the default), from `codes/tt05-2025.json`.
    pub fn tt05_2025() -> &'static CodeSets {
        &TT05
    }

    /// The sets of Thông tư 02/2019/TT-BNV, from `codes/tt02-2019.json` (partly assumed: see
    /// the file's `note`).
    pub fn tt02_2019() -> &'static CodeSets {
        &TT02
    }

    /// Parses and checks a code file: every required set present, codes unique within a
    /// code-stored set, mandatory keys known.
    pub fn from_json(text: &str) -> Result<CodeSets> {
        let fail = |message: String| Error::Codes { message };
        let sets: CodeSets = serde_json::from_str(text).map_err(|e| fail(e.to_string()))?;
        for name in REQUIRED_SETS {
            if !sets.sets.contains_key(*name) {
                return Err(fail(format!(
                    "code set `{name}` is missing (required: {})",
                    REQUIRED_SETS.join(", ")
                )));
            }
        }
        for (name, set) in &sets.sets {
            if set.values.is_empty() {
                return Err(fail(format!("code set `{name}` has no values")));
            }
            let mut seen = Vec::new();
            for v in &set.values {
                if set.store == Store::Code {
                    let Some(code) = v.code.as_deref().filter(|c| !c.trim().is_empty()) else {
                        return Err(fail(format!(
                            "code set `{name}`: value {:?} has no code",
                            v.label
                        )));
                    };
                    if seen.contains(&code) {
                        return Err(fail(format!("code set `{name}`: code {code:?} twice")));
                    }
                    seen.push(code);
                }
                if v.label.trim().is_empty() {
                    return Err(fail(format!("code set `{name}`: empty label")));
                }
            }
        }
        for (kind, keys, known) in [
            ("ho_so", &sets.mandatory.ho_so, HO_SO_FIELDS),
            ("tai_lieu", &sets.mandatory.tai_lieu, TAI_LIEU_FIELDS),
        ] {
            for key in keys {
                if !known.iter().any(|f| f.key == key) {
                    return Err(fail(format!(
                        "mandatory.{kind}: `{key}` is not a {kind} record key"
                    )));
                }
            }
        }
        Ok(sets)
    }

    /// The set coding record key `field`, if any.
    pub fn set(&self, field: &str) -> Option<&CodeSet> {
        self.sets.get(field)
    }

    /// The stored form of `raw` in the set of `field`; `None` if unknown or not coded.
    pub fn normalize(&self, field: &str, raw: &str) -> Option<&str> {
        self.set(field)?.normalize(raw)
    }

    /// The label of a stored value of `field` (e.g. `che_do_su_dung` `01` → `Công khai`).
    pub fn label(&self, field: &str, stored: &str) -> Option<&str> {
        self.set(field)?.label_of(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_with_all_sets() {
        for sets in [CodeSets::tt05_2025(), CodeSets::tt02_2019()] {
            for name in REQUIRED_SETS {
                assert!(sets.set(name).is_some(), "{} lacks {name}", sets.id);
            }
        }
        assert_eq!(CodeSets::tt05_2025().id, "tt05-2025");
        assert_eq!(CodeSets::tt02_2019().id, "tt02-2019");
    }

    #[test]
    fn normalises_codes_labels_and_aliases() {
        let c = CodeSets::tt05_2025();
        assert_eq!(c.normalize("thoi_han_bao_quan", "01"), Some("01"));
        assert_eq!(c.normalize("thoi_han_bao_quan", "Vĩnh viễn"), Some("01"));
        assert_eq!(c.normalize("thoi_han_bao_quan", "vinh vien"), Some("01"));
        assert_eq!(c.normalize("thoi_han_bao_quan", " VĨNH VIỄN "), Some("01"));
        assert_eq!(c.normalize("thoi_han_bao_quan", "70 năm"), Some("02"));
        assert_eq!(c.normalize("thoi_han_bao_quan", "6"), Some("06"));
        assert_eq!(c.normalize("thoi_han_bao_quan", "07"), None);
        assert_eq!(c.normalize("che_do_su_dung", "Hạn chế"), Some("02"));
        assert_eq!(c.normalize("che_do_su_dung", "mat"), Some("03"));
        assert_eq!(c.normalize("ngon_ngu", "VI"), Some("vi"));
        assert_eq!(c.normalize("ngon_ngu", "vie"), Some("vi"));
        assert_eq!(c.normalize("ngon_ngu", "Tiếng Việt"), Some("vi"));
        assert_eq!(c.normalize("tinh_trang_vat_ly", "hong"), Some("03"));
        assert_eq!(c.normalize("do_khan", "HOẢ TỐC"), Some("Hỏa tốc"));
        assert_eq!(c.normalize("nope", "01"), None);
    }

    #[test]
    fn ten_loai_stores_the_name_and_prefers_party_abbreviations() {
        let c = CodeSets::tt05_2025();
        assert_eq!(c.normalize("ten_loai", "NQ"), Some("Nghị quyết"));
        assert_eq!(c.normalize("ten_loai", "NGHỊ QUYẾT"), Some("Nghị quyết"));
        assert_eq!(c.normalize("ten_loai", "QĐi"), Some("Quy định"));
        assert_eq!(c.normalize("ten_loai", "QyĐ"), Some("Quy định"));
        assert_eq!(c.normalize("ten_loai", "QĐ"), Some("Quyết định"));
        assert_eq!(c.normalize("ten_loai", "TT"), Some("Thông tri"));
        assert_eq!(c.normalize("ten_loai", "Thông tư"), Some("Thông tư"));
        assert_eq!(c.normalize("ten_loai", "NĐ"), Some("Nghị định"));
        assert_eq!(c.normalize("ten_loai", "Thơ tình"), None);
        assert!(c
            .set("ten_loai")
            .unwrap()
            .is_stored("Chương trình hành động"));
    }

    #[test]
    fn the_2019_and_2025_sets_differ_as_data() {
        let (new, old) = (CodeSets::tt05_2025(), CodeSets::tt02_2019());
        assert_eq!(new.normalize("thoi_han_bao_quan", "70 năm"), Some("02"));
        assert_eq!(old.normalize("thoi_han_bao_quan", "70 năm"), Some("70"));
        assert_eq!(new.normalize("tinh_trang_vat_ly", "Tốt"), Some("01"));
        assert_eq!(old.normalize("tinh_trang_vat_ly", "Tốt"), None);
        assert_eq!(old.normalize("tinh_trang_vat_ly", "Hỏng"), Some("02"));
        assert_eq!(
            new.label("che_do_su_dung", "02"),
            Some("Sử dụng có điều kiện")
        );
        assert_eq!(old.label("che_do_su_dung", "02"), Some("Hạn chế sử dụng"));
    }

    #[test]
    fn lists_allowed_values() {
        let allowed = CodeSets::tt05_2025()
            .set("thoi_han_bao_quan")
            .unwrap()
            .allowed();
        assert_eq!(allowed[0], "01 (Vĩnh viễn)");
        assert_eq!(allowed.len(), 6);
        let types = CodeSets::tt05_2025().set("ten_loai").unwrap().allowed();
        assert_eq!(types.iter().filter(|t| *t == "Quy định").count(), 1);
    }

    #[test]
    fn rejects_bad_agency_files() {
        let mut value: serde_json::Value = serde_json::from_str(TT05_2025).unwrap();
        let ok = value.to_string();
        assert!(CodeSets::from_json(&ok).is_ok());

        let mut missing = value.clone();
        missing["sets"].as_object_mut().unwrap().remove("ngon_ngu");
        let e = CodeSets::from_json(&missing.to_string()).unwrap_err();
        assert!(e.to_string().contains("ngon_ngu"), "{e}");

        let mut dup = value.clone();
        dup["sets"]["che_do_su_dung"]["values"][1]["code"] = "01".into();
        let e = CodeSets::from_json(&dup.to_string()).unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");

        value["mandatory"]["ho_so"][0] = "tieu_đe".into();
        let e = CodeSets::from_json(&value.to_string()).unwrap_err();
        assert!(e.to_string().contains("tieu_đe"), "{e}");

        assert!(CodeSets::from_json("{").is_err());
    }

    #[test]
    fn an_agency_file_can_add_values() {
        let mut value: serde_json::Value = serde_json::from_str(TT05_2025).unwrap();
        value["sets"]["thoi_han_bao_quan"]["values"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"code": "07", "label": "5 năm"}));
        let sets = CodeSets::from_json(&value.to_string()).unwrap();
        assert_eq!(sets.normalize("thoi_han_bao_quan", "5 nam"), Some("07"));
    }
}
