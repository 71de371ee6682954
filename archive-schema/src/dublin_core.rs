//! Dublin Core export of hồ sơ and tài liệu records (the 15 DCMES 1.1 elements).
//!
//! In: a record and the code sets in force (to turn codes such as chế độ sử dụng `01` into
//! their labels). Out: a [`DublinCore`] value, serialisable as JSON; its elements in DCMES
//! order ([`DublinCore::elements`]) for an XML writer (the one is `pipeline::markup::dublin_core`,
//! with quick-xml). The mapping table is in `archive-schema/README.md`.

use serde::{Deserialize, Serialize};

use crate::codes::CodeSets;
use crate::{HoSoRecord, TaiLieuRecord, Valued};

/// The DCMI type of a document's text.
const DCMI_TEXT: &str = "Text";
/// The DCMI type of a hồ sơ.
const DCMI_COLLECTION: &str = "Collection";
/// The access copy of every document is a PDF/A.
const ACCESS_FORMAT: &str = "application/pdf";

/// The 15 Dublin Core elements; each may repeat. Empty elements are left out of JSON and XML.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DublinCore {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub creator: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publisher: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributor: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "type")]
    pub type_: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub format: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub language: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relation: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<String>,
}

fn text(field: Option<&Valued<String>>) -> Option<String> {
    field
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn push(out: &mut Vec<String>, value: Option<String>) {
    if let Some(v) = value {
        if !v.trim().is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
}

fn list(field: Option<&Valued<Vec<String>>>) -> Vec<String> {
    field
        .map(|v| {
            v.value
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn languages(field: Option<&Valued<String>>) -> Vec<String> {
    text(field)
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The label of a coded value, or the value itself when the code sets do not know it.
fn label(codes: &CodeSets, key: &str, field: Option<&Valued<String>>) -> Option<String> {
    let value = text(field)?;
    Some(codes.label(key, &value).map_or(value, str::to_string))
}

/// The Dublin Core description of a tài liệu.
pub fn from_tai_lieu(record: &TaiLieuRecord, codes: &CodeSets) -> DublinCore {
    let mut dc = DublinCore::default();
    // The trích yếu, or else what the document is: its tên loại and số ký hiệu.
    let title = text(record.trich_yeu.as_ref()).or_else(|| {
        let doc_type = text(record.ten_loai.as_ref())?;
        Some(
            match (text(record.so.as_ref()), text(record.ky_hieu.as_ref())) {
                (Some(so), Some(ky_hieu)) => {
                    format!("{doc_type} số {}", crate::so_ky_hieu(&so, &ky_hieu))
                }
                (None, Some(only)) | (Some(only), None) => format!("{doc_type} số {only}"),
                (None, None) => doc_type,
            },
        )
    });
    push(&mut dc.title, title);
    push(&mut dc.creator, text(record.co_quan_ban_hanh.as_ref()));
    dc.subject = list(record.tu_khoa.as_ref());
    let signer = match (
        text(record.nguoi_ky.as_ref()),
        text(record.chuc_vu.as_ref()),
    ) {
        (Some(name), Some(position)) => Some(format!("Người ký: {name} ({position})")),
        (Some(name), None) => Some(format!("Người ký: {name}")),
        _ => None,
    };
    let symbol = match (text(record.so.as_ref()), text(record.ky_hieu.as_ref())) {
        (Some(so), Some(ky_hieu)) => {
            Some(format!("Số, ký hiệu: {}", crate::so_ky_hieu(&so, &ky_hieu)))
        }
        (None, Some(ky_hieu)) => Some(format!("Ký hiệu: {ky_hieu}")),
        (Some(so), None) => Some(format!("Số: {so}")),
        _ => None,
    };
    push(&mut dc.description, symbol);
    push(&mut dc.description, signer);
    push(&mut dc.description, text(record.ghi_chu.as_ref()));
    push(&mut dc.date, text(record.ngay_ban_hanh.as_ref()));
    push(&mut dc.type_, text(record.ten_loai.as_ref()));
    push(&mut dc.type_, Some(DCMI_TEXT.to_string()));
    push(&mut dc.format, Some(ACCESS_FORMAT.to_string()));
    push(
        &mut dc.format,
        record
            .so_luong_trang
            .as_ref()
            .map(|v| format!("{} trang", v.value)),
    );
    push(
        &mut dc.identifier,
        text(record.ma_luu_tru_tai_lieu.as_ref()),
    );
    push(&mut dc.identifier, text(record.ma_dinh_danh.as_ref()));
    dc.language = languages(record.ngon_ngu.as_ref());
    push(&mut dc.relation, text(record.ma_ho_so.as_ref()));
    push(&mut dc.coverage, text(record.dia_danh.as_ref()));
    push(
        &mut dc.rights,
        label(codes, "che_do_su_dung", record.che_do_su_dung.as_ref()),
    );
    push(&mut dc.rights, text(record.do_mat.as_ref()));
    dc
}

/// The Dublin Core description of a hồ sơ.
pub fn from_ho_so(record: &HoSoRecord, codes: &CodeSets) -> DublinCore {
    let mut dc = DublinCore::default();
    push(&mut dc.title, text(record.tieu_de.as_ref()));
    dc.subject = list(record.tu_khoa.as_ref());
    push(&mut dc.description, text(record.ghi_chu.as_ref()));
    let period = match (
        text(record.thoi_gian_bat_dau.as_ref()),
        text(record.thoi_gian_ket_thuc.as_ref()),
    ) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(a), Some(b)) => Some(format!("{a}/{b}")),
        (a, b) => a.or(b),
    };
    push(&mut dc.date, period.clone());
    push(&mut dc.coverage, period);
    push(&mut dc.type_, Some(DCMI_COLLECTION.to_string()));
    push(
        &mut dc.format,
        record
            .so_luong_trang
            .as_ref()
            .map(|v| format!("{} trang", v.value)),
    );
    push(&mut dc.identifier, text(record.ma_ho_so.as_ref()));
    push(&mut dc.source, text(record.ma_ho_so_goc_giay.as_ref()));
    dc.language = languages(record.ngon_ngu.as_ref());
    push(&mut dc.relation, text(record.ma_phong.as_ref()));
    push(
        &mut dc.rights,
        label(codes, "che_do_su_dung", record.che_do_su_dung.as_ref()),
    );
    dc
}

impl DublinCore {
    /// Each element's name (`title`, …, `rights`) and values, in DCMES order.
    pub fn elements(&self) -> [(&'static str, &Vec<String>); 15] {
        [
            ("title", &self.title),
            ("creator", &self.creator),
            ("subject", &self.subject),
            ("description", &self.description),
            ("publisher", &self.publisher),
            ("contributor", &self.contributor),
            ("date", &self.date),
            ("type", &self.type_),
            ("format", &self.format),
            ("identifier", &self.identifier),
            ("source", &self.source),
            ("language", &self.language),
            ("relation", &self.relation),
            ("coverage", &self.coverage),
            ("rights", &self.rights),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> &'static CodeSets {
        CodeSets::tt05_2025()
    }

    fn document() -> TaiLieuRecord {
        TaiLieuRecord {
            ma_dinh_danh: Some(Valued::inferred("01HZX3J6Q8V3KQ2N6M7T9W0ABC".into())),
            ma_luu_tru_tai_lieu: Some(Valued::inferred("H49.61.8.2017.0000001".into())),
            ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
            ten_loai: Some(Valued::extracted("Nghị quyết".into(), 0.9)),
            so: Some(Valued::extracted("05".into(), 0.9)),
            ky_hieu: Some(Valued::extracted("NQ/ĐUK".into(), 0.9)),
            ngay_ban_hanh: Some(Valued::extracted("2017-03-31".into(), 0.9)),
            dia_danh: Some(Valued::extracted("Gia Nghĩa".into(), 0.9)),
            co_quan_ban_hanh: Some(Valued::extracted("Đảng ủy Khối".into(), 0.8)),
            trich_yeu: Some(Valued::extracted(
                "về \"chuyển đổi số\" & <cải cách> hành chính".into(),
                0.8,
            )),
            ngon_ngu: Some(Valued::inferred("vi, fr".into())),
            so_luong_trang: Some(Valued::inferred(3)),
            nguoi_ky: Some(Valued::extracted("Nguyễn Văn A".into(), 0.7)),
            chuc_vu: Some(Valued::extracted("BÍ THƯ".into(), 0.7)),
            che_do_su_dung: Some(Valued::given("01".into())),
            tu_khoa: Some(Valued::given(vec!["chuyển đổi số".into()])),
            ..Default::default()
        }
    }

    #[test]
    fn maps_a_document() {
        let dc = from_tai_lieu(&document(), codes());
        assert_eq!(dc.title, ["về \"chuyển đổi số\" & <cải cách> hành chính"]);
        assert_eq!(dc.type_, ["Nghị quyết", "Text"]);
        assert_eq!(dc.date, ["2017-03-31"]);
        assert_eq!(dc.creator, ["Đảng ủy Khối"]);
        assert_eq!(
            dc.identifier,
            ["H49.61.8.2017.0000001", "01HZX3J6Q8V3KQ2N6M7T9W0ABC"]
        );
        assert_eq!(dc.language, ["vi", "fr"]);
        assert_eq!(dc.rights, ["Công khai"]);
        assert_eq!(dc.relation, ["H49.61.8.2017"]);
        assert_eq!(dc.format, ["application/pdf", "3 trang"]);
        assert_eq!(dc.subject, ["chuyển đổi số"]);
        assert_eq!(dc.coverage, ["Gia Nghĩa"]);
        assert_eq!(
            dc.description,
            ["Số, ký hiệu: 05-NQ/ĐUK", "Người ký: Nguyễn Văn A (BÍ THƯ)"]
        );
        let names: Vec<&str> = dc.elements().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "title",
                "creator",
                "subject",
                "description",
                "publisher",
                "contributor",
                "date",
                "type",
                "format",
                "identifier",
                "source",
                "language",
                "relation",
                "coverage",
                "rights"
            ]
        );
        assert_eq!(dc.elements()[7], ("type", &dc.type_));
        let json = serde_json::to_value(&dc).unwrap();
        assert_eq!(json["type"][0], "Nghị quyết");
        assert!(json.get("publisher").is_none());
    }

    #[test]
    fn without_a_trich_yeu_the_title_is_the_type_and_symbol_state_style_with_a_slash() {
        let mut doc = document();
        doc.trich_yeu = None;
        let dc = from_tai_lieu(&doc, codes());
        assert_eq!(dc.title, ["Nghị quyết số 05-NQ/ĐUK"]);
        doc.ten_loai = Some(Valued::extracted("Quyết định".into(), 0.9));
        doc.so = Some(Valued::extracted("424".into(), 0.9));
        doc.ky_hieu = Some(Valued::extracted("QĐ-UBND".into(), 0.9));
        let dc = from_tai_lieu(&doc, codes());
        assert_eq!(dc.title, ["Quyết định số 424/QĐ-UBND"]);
        assert_eq!(dc.description[0], "Số, ký hiệu: 424/QĐ-UBND");
        doc.so = None;
        assert_eq!(
            from_tai_lieu(&doc, codes()).title,
            ["Quyết định số QĐ-UBND"]
        );
        doc.ten_loai = None;
        assert!(from_tai_lieu(&doc, codes()).title.is_empty());
    }

    #[test]
    fn unknown_codes_pass_through_and_empty_fields_vanish() {
        let doc = TaiLieuRecord {
            che_do_su_dung: Some(Valued::given("99".into())),
            trich_yeu: Some(Valued::given("  ".into())),
            ..Default::default()
        };
        let dc = from_tai_lieu(&doc, codes());
        assert_eq!(dc.rights, ["99"]);
        assert!(dc.title.is_empty());
        assert_eq!(dc.elements()[0], ("title", &Vec::new()));
    }

    #[test]
    fn maps_a_ho_so() {
        let record = HoSoRecord {
            ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
            tieu_de: Some(Valued::given("Nghị quyết năm 2017".into())),
            thoi_gian_bat_dau: Some(Valued::inferred("2017-01-05".into())),
            thoi_gian_ket_thuc: Some(Valued::inferred("2017-12-20".into())),
            che_do_su_dung: Some(Valued::given("03".into())),
            ngon_ngu: Some(Valued::inferred("vi".into())),
            ma_ho_so_goc_giay: Some(Valued::given("61.8.12".into())),
            so_luong_trang: Some(Valued::inferred(40)),
            ..Default::default()
        };
        let dc = from_ho_so(&record, codes());
        assert_eq!(dc.title, ["Nghị quyết năm 2017"]);
        assert_eq!(dc.date, ["2017-01-05/2017-12-20"]);
        assert_eq!(dc.identifier, ["H49.61.8.2017"]);
        assert_eq!(dc.source, ["61.8.12"]);
        assert_eq!(dc.rights, ["Mật"]);
        assert_eq!(dc.type_, ["Collection"]);
        assert_eq!(dc.language, ["vi"]);
    }
}
