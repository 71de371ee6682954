//! Validation of hồ sơ and tài liệu records against the standard and a [`CodeSets`].
//!
//! In: a record and the code sets in force (which also say which fields are mandatory).
//! Out: `Ok(())`, or every broken rule as a [`ValidationError`]: a mandatory field missing,
//! a code outside its set, a date that is not ISO or not a real day, an identifier of the
//! wrong shape, fields that disagree (mã lưu trữ tài liệu vs mã hồ sơ and số thứ tự, thời
//! gian bắt đầu after kết thúc).

use serde_json::Value;

use crate::codes::CodeSets;
use crate::error::{Problem, ValidationError};
use crate::fields::{FieldKind, FieldSpec, HO_SO_FIELDS, TAI_LIEU_FIELDS};
use crate::identifier::{ma_ho_so_problem, split_ma_luu_tru_tai_lieu};
use crate::{HoSoRecord, TaiLieuRecord};

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// Checks an ISO date `YYYY-MM-DD` (or, when `partial`, also `YYYY` and `YYYY-MM`).
pub(crate) fn check_date(value: &str, partial: bool) -> Result<(), String> {
    let expected = if partial {
        "an ISO date YYYY-MM-DD, YYYY-MM or YYYY"
    } else {
        "an ISO date YYYY-MM-DD"
    };
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let shape_ok = match parts.as_slice() {
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        [y, m] if partial => digits(y, 4) && digits(m, 2),
        [y] if partial => digits(y, 4),
        _ => false,
    };
    if !shape_ok {
        return Err(format!("{value:?} is not {expected}"));
    }
    let year: u32 = parts[0].parse().expect("digits");
    if year < 1000 {
        return Err(format!("{value:?}: year {year} is out of range"));
    }
    if let Some(m) = parts.get(1) {
        let month: u32 = m.parse().expect("digits");
        if !(1..=12).contains(&month) {
            return Err(format!("{value:?}: month {month} does not exist"));
        }
        if let Some(d) = parts.get(2) {
            let day: u32 = d.parse().expect("digits");
            let last = days_in_month(year, month);
            if day == 0 || day > last {
                return Err(format!(
                    "{value:?} is not a real day: {year}-{month:02} has {last} days"
                ));
            }
        }
    }
    Ok(())
}

fn check_text(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err("is empty".into());
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(format!("{value:?} holds control characters"));
    }
    Ok(())
}

/// Checks one field value (the `value` of its [`crate::Valued`], as JSON) against its rule.
pub(crate) fn check_value(
    spec: &FieldSpec,
    value: &Value,
    codes: &CodeSets,
) -> Result<(), ValidationError> {
    let key = spec.key;
    let bad = |problem, message: String| Err(ValidationError::new(key, problem, message));
    let as_str = || value.as_str();
    match spec.kind {
        FieldKind::Number { min, max } => {
            let n = value.as_u64();
            match n {
                Some(n) if n >= u64::from(min) && n <= u64::from(max) => Ok(()),
                _ => bad(
                    Problem::BadValue,
                    format!("{value} is not a whole number from {min} to {max}"),
                ),
            }
        }
        FieldKind::List => {
            let Some(items) = value.as_array() else {
                return bad(Problem::BadValue, format!("{value} is not a list of text"));
            };
            for item in items {
                match item.as_str().map(check_text) {
                    Some(Ok(())) => {}
                    Some(Err(m)) => return bad(Problem::BadValue, format!("a list item {m}")),
                    None => return bad(Problem::BadValue, format!("list item {item} is not text")),
                }
            }
            Ok(())
        }
        _ => {
            let Some(s) = as_str() else {
                return bad(Problem::BadValue, format!("{value} is not text"));
            };
            check_str(spec, s, codes)
        }
    }
}

fn check_str(spec: &FieldSpec, s: &str, codes: &CodeSets) -> Result<(), ValidationError> {
    let key = spec.key;
    let bad = |problem, message: String| Err(ValidationError::new(key, problem, message));
    match spec.kind {
        FieldKind::Text => check_text(s).or_else(|m| bad(Problem::BadValue, m)),
        FieldKind::Code => check_code(spec, s, codes),
        FieldKind::CodeList => {
            if s.trim().is_empty() {
                return bad(Problem::BadValue, "is empty".into());
            }
            s.split(',')
                .try_for_each(|part| check_code(spec, part.trim(), codes))
        }
        FieldKind::Date => check_date(s, false).or_else(|m| bad(Problem::BadDate, m)),
        FieldKind::Period => check_date(s, true).or_else(|m| bad(Problem::BadDate, m)),
        FieldKind::MaHoSo => match ma_ho_so_problem(s) {
            None => Ok(()),
            Some(m) => bad(Problem::BadIdentifier, format!("{s:?}: {m}")),
        },
        FieldKind::MaLuuTru => split_ma_luu_tru_tai_lieu(s)
            .map(|_| ())
            .or_else(|e| bad(Problem::BadIdentifier, e.to_string())),
        FieldKind::Id => {
            if !s.is_empty()
                && s.len() <= 64
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                Ok(())
            } else {
                bad(
                    Problem::BadIdentifier,
                    format!("{s:?} is not an opaque id (ASCII letters, digits, '-', '_')"),
                )
            }
        }
        FieldKind::Number { .. } | FieldKind::List => {
            bad(Problem::BadValue, format!("{s:?} has the wrong type"))
        }
    }
}

fn check_code(spec: &FieldSpec, s: &str, codes: &CodeSets) -> Result<(), ValidationError> {
    let Some(set) = codes.set(spec.key) else {
        return Ok(());
    };
    if set.is_stored(s) {
        return Ok(());
    }
    let message = match set.normalize(s) {
        Some(stored) => format!(
            "{s:?} is a label or alias, not the stored form: store {stored:?} ({} set of {})",
            set.name, codes.title
        ),
        None => format!(
            "unknown value {s:?}; allowed ({} set of {}): {}",
            set.name,
            codes.title,
            set.allowed().join(", ")
        ),
    };
    Err(ValidationError::new(
        spec.key,
        Problem::UnknownCode,
        message,
    ))
}

/// Checks every field of a record serialised to JSON; then `extra` adds record-level checks.
fn validate_json(
    record: &Value,
    fields: &'static [FieldSpec],
    mandatory: &[String],
    codes: &CodeSets,
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    for spec in fields {
        let value = record.get(spec.key).and_then(|v| v.get("value"));
        match value {
            None | Some(Value::Null) => {
                if mandatory.iter().any(|m| m == spec.key) {
                    errors.push(ValidationError::new(
                        spec.key,
                        Problem::Missing,
                        format!("mandatory field is missing (mandatory in {})", codes.title),
                    ));
                }
            }
            Some(v) => {
                if let Err(e) = check_value(spec, v, codes) {
                    errors.push(e);
                }
            }
        }
    }
    errors
}

fn value_of<T: Clone>(field: Option<&crate::Valued<T>>) -> Option<T> {
    field.map(|v| v.value.clone())
}

fn finish(errors: Vec<ValidationError>) -> Result<(), Vec<ValidationError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn has_error(errors: &[ValidationError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

impl HoSoRecord {
    /// Checks the record against the standard and `codes`; returns every broken rule.
    pub fn validate(&self, codes: &CodeSets) -> Result<(), Vec<ValidationError>> {
        let json = serde_json::to_value(self).expect("records serialise");
        let mut errors = validate_json(&json, HO_SO_FIELDS, &codes.mandatory.ho_so, codes);
        if let (Some(start), Some(end)) = (
            value_of(self.thoi_gian_bat_dau.as_ref()),
            value_of(self.thoi_gian_ket_thuc.as_ref()),
        ) {
            let n = start.len().min(end.len());
            if !has_error(&errors, "thoi_gian_bat_dau")
                && !has_error(&errors, "thoi_gian_ket_thuc")
                && start[..n] > end[..n]
            {
                errors.push(ValidationError::new(
                    "thoi_gian_ket_thuc",
                    Problem::Inconsistent,
                    format!("{end:?} is before thời gian bắt đầu {start:?}"),
                ));
            }
        }
        finish(errors)
    }
}

impl TaiLieuRecord {
    /// Checks the record against the standard and `codes`; returns every broken rule.
    pub fn validate(&self, codes: &CodeSets) -> Result<(), Vec<ValidationError>> {
        let json = serde_json::to_value(self).expect("records serialise");
        let mut errors = validate_json(&json, TAI_LIEU_FIELDS, &codes.mandatory.tai_lieu, codes);
        if let Some(code) = value_of(self.ma_luu_tru_tai_lieu.as_ref()) {
            if let Ok((prefix, ordinal)) = split_ma_luu_tru_tai_lieu(&code) {
                if let Some(ma_ho_so) = value_of(self.ma_ho_so.as_ref()) {
                    if prefix != ma_ho_so && !has_error(&errors, "ma_ho_so") {
                        errors.push(ValidationError::new(
                            "ma_luu_tru_tai_lieu",
                            Problem::Inconsistent,
                            format!(
                                "{code:?} does not start with the record's mã hồ sơ {ma_ho_so:?}"
                            ),
                        ));
                    }
                }
                if let Some(so_thu_tu) = value_of(self.so_thu_tu.as_ref()) {
                    if ordinal != so_thu_tu && !has_error(&errors, "so_thu_tu") {
                        errors.push(ValidationError::new(
                            "ma_luu_tru_tai_lieu",
                            Problem::Inconsistent,
                            format!(
                                "{code:?} ends in ordinal {ordinal} but số thứ tự is {so_thu_tu}"
                            ),
                        ));
                    }
                }
            }
        }
        finish(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Valued;

    fn codes() -> &'static CodeSets {
        CodeSets::tt05_2025()
    }

    pub(crate) fn valid_ho_so() -> HoSoRecord {
        HoSoRecord {
            ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
            tieu_de: Some(Valued::given("Nghị quyết của Đảng ủy khối năm 2017".into())),
            thoi_han_bao_quan: Some(Valued::given("01".into())),
            che_do_su_dung: Some(Valued::given("01".into())),
            ngon_ngu: Some(Valued::inferred("vi".into())),
            thoi_gian_bat_dau: Some(Valued::inferred("2017-01".into())),
            thoi_gian_ket_thuc: Some(Valued::inferred("2017-12-31".into())),
            tong_so_tai_lieu: Some(Valued::inferred(2)),
            so_luong_trang: Some(Valued::inferred(5)),
            muc_do_tin_cay: Some(Valued::inferred("02".into())),
            tu_khoa: Some(Valued::given(vec!["chuyển đổi số".into()])),
            ..Default::default()
        }
    }

    pub(crate) fn valid_tai_lieu() -> TaiLieuRecord {
        TaiLieuRecord {
            ma_dinh_danh: Some(Valued::inferred("01HZX3J6Q8V3KQ2N6M7T9W0ABC".into())),
            ma_luu_tru_tai_lieu: Some(Valued::inferred("H49.61.8.2017.0000002".into())),
            ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
            so_thu_tu: Some(Valued::inferred(2)),
            ten_loai: Some(Valued::extracted("Nghị quyết".into(), 0.9)),
            so: Some(Valued::extracted("05".into(), 0.9)),
            ky_hieu: Some(Valued::extracted("NQ/ĐUK".into(), 0.9)),
            ngay_ban_hanh: Some(Valued::extracted("2017-03-31".into(), 0.9)),
            co_quan_ban_hanh: Some(Valued::extracted("Đảng ủy Khối".into(), 0.8)),
            trich_yeu: Some(Valued::extracted("về chuyển đổi số".into(), 0.8)),
            ngon_ngu: Some(Valued::inferred("vi".into())),
            so_luong_trang: Some(Valued::inferred(3)),
            muc_do_tin_cay: Some(Valued::inferred("02".into())),
            do_mat: Some(Valued::extracted("Mật".into(), 0.8)),
            ..Default::default()
        }
    }

    fn fields_of(errors: &[ValidationError]) -> Vec<(&str, Problem)> {
        errors.iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn valid_records_pass() {
        valid_ho_so().validate(codes()).unwrap();
        valid_tai_lieu().validate(codes()).unwrap();
    }

    #[test]
    fn reports_every_missing_mandatory_field() {
        let errors = HoSoRecord::default().validate(codes()).unwrap_err();
        let missing: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(missing, codes().mandatory.ho_so);
        assert!(errors.iter().all(|e| e.problem == Problem::Missing));
        let msg = errors[0].to_string();
        assert!(
            msg.contains("`ma_ho_so` (mã hồ sơ)") && msg.contains("missing"),
            "{msg}"
        );

        let mut r = valid_tai_lieu();
        r.trich_yeu = None;
        let errors = r.validate(codes()).unwrap_err();
        assert_eq!(fields_of(&errors), vec![("trich_yeu", Problem::Missing)]);
    }

    #[test]
    fn reports_unknown_codes_with_allowed_values() {
        let mut r = valid_ho_so();
        r.thoi_han_bao_quan = Some(Valued::given("07".into()));
        r.ngon_ngu = Some(Valued::given("vi, xx".into()));
        let errors = r.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![
                ("thoi_han_bao_quan", Problem::UnknownCode),
                ("ngon_ngu", Problem::UnknownCode)
            ]
        );
        let msg = errors[0].to_string();
        assert!(
            msg.contains("thời hạn bảo quản")
                && msg.contains("\"07\"")
                && msg.contains("01 (Vĩnh viễn)")
                && msg.contains("06 (10 năm)"),
            "{msg}"
        );
        assert!(errors[1].message.contains("\"xx\""));

        // A label where the code belongs is named as such.
        let mut r = valid_ho_so();
        r.che_do_su_dung = Some(Valued::given("Công khai".into()));
        let errors = r.validate(codes()).unwrap_err();
        assert!(errors[0].message.contains("store \"01\""), "{}", errors[0]);

        let mut t = valid_tai_lieu();
        t.ten_loai = Some(Valued::extracted("Thơ".into(), 0.5));
        t.do_khan = Some(Valued::extracted("Rất khẩn".into(), 0.5));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![
                ("ten_loai", Problem::UnknownCode),
                ("do_khan", Problem::UnknownCode)
            ]
        );
    }

    #[test]
    fn multiple_languages_are_allowed() {
        let mut r = valid_ho_so();
        r.ngon_ngu = Some(Valued::given("vi, fr".into()));
        r.validate(codes()).unwrap();
    }

    #[test]
    fn checks_dates() {
        for good in ["2017-03-31", "2016-02-29", "2000-02-29"] {
            check_date(good, false).unwrap();
        }
        for bad in [
            "2023-02-30",
            "2017-02-29",
            "1900-02-29",
            "2017-13-01",
            "2017-00-10",
            "2017-04-31",
            "2017-3-31",
            "31/03/2017",
            "2017",
            "2017-03",
            "0999-01-01",
            "",
        ] {
            assert!(check_date(bad, false).is_err(), "{bad}");
        }
        check_date("2017", true).unwrap();
        check_date("2017-03", true).unwrap();
        assert!(check_date("2017-3", true).is_err());
        assert!(check_date("17", true).is_err());

        let mut t = valid_tai_lieu();
        t.ngay_ban_hanh = Some(Valued::extracted("2023-02-30".into(), 0.9));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("ngay_ban_hanh", Problem::BadDate)]
        );
        assert!(errors[0].to_string().contains("2023-02-30"));
        assert!(errors[0].to_string().contains("ngày tháng năm"));

        // Partial dates are for thời gian bắt đầu / kết thúc only.
        t.ngay_ban_hanh = Some(Valued::extracted("2017".into(), 0.9));
        assert!(t.validate(codes()).is_err());
    }

    #[test]
    fn start_must_not_follow_end() {
        let mut r = valid_ho_so();
        r.thoi_gian_bat_dau = Some(Valued::inferred("2018".into()));
        let errors = r.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("thoi_gian_ket_thuc", Problem::Inconsistent)]
        );
        // Different precisions compare on the common prefix.
        r.thoi_gian_bat_dau = Some(Valued::inferred("2017-12".into()));
        r.thoi_gian_ket_thuc = Some(Valued::inferred("2017".into()));
        r.validate(codes()).unwrap();
    }

    #[test]
    fn checks_identifier_shapes() {
        let mut r = valid_ho_so();
        r.ma_ho_so = Some(Valued::given("H49.61.8".into()));
        let errors = r.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("ma_ho_so", Problem::BadIdentifier)]
        );
        r.ma_ho_so = Some(Valued::given("H49.6/1.8.2017".into()));
        assert!(r.validate(codes()).is_err());

        let mut t = valid_tai_lieu();
        t.ma_luu_tru_tai_lieu = Some(Valued::inferred("H49.61.8.2017.02".into()));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("ma_luu_tru_tai_lieu", Problem::BadIdentifier)]
        );
        assert!(errors[0].message.contains("7-digit"), "{}", errors[0]);

        t.ma_luu_tru_tai_lieu = Some(Valued::inferred("H49.61.9.2017.0000002".into()));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("ma_luu_tru_tai_lieu", Problem::Inconsistent)]
        );
        assert!(errors[0].message.contains("H49.61.8.2017"), "{}", errors[0]);

        t.ma_luu_tru_tai_lieu = Some(Valued::inferred("H49.61.8.2017.0000003".into()));
        let errors = t.validate(codes()).unwrap_err();
        assert!(
            errors[0].message.contains("số thứ tự is 2"),
            "{}",
            errors[0]
        );

        t.ma_luu_tru_tai_lieu = Some(Valued::inferred("H49.61.8.2017.0000002".into()));
        t.ma_dinh_danh = Some(Valued::inferred("not an id".into()));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![("ma_dinh_danh", Problem::BadIdentifier)]
        );
    }

    #[test]
    fn checks_numbers_and_text() {
        let mut t = valid_tai_lieu();
        t.so_luong_trang = Some(Valued::inferred(0));
        t.so_thu_tu = Some(Valued::inferred(0));
        t.trich_yeu = Some(Valued::given("   ".into()));
        t.noi_nhan = Some(Valued::given(vec!["Như trên".into(), String::new()]));
        let errors = t.validate(codes()).unwrap_err();
        assert_eq!(
            fields_of(&errors),
            vec![
                ("so_thu_tu", Problem::BadValue),
                ("trich_yeu", Problem::BadValue),
                ("so_luong_trang", Problem::BadValue),
                ("noi_nhan", Problem::BadValue),
            ]
        );
    }

    #[test]
    fn the_2019_sets_judge_differently() {
        let mut r = valid_ho_so();
        r.thoi_han_bao_quan = Some(Valued::given("70".into()));
        assert!(r.validate(CodeSets::tt05_2025()).is_err());
        r.validate(CodeSets::tt02_2019()).unwrap();
    }
}
