"""The document builder of the evaluation set and the helpers every part shares.

Each part's own content (its wording bank, its documents and hồ sơ plan) is in its own file:
content_tune.py, content_tune2.py, content_holdout.py, content_holdout3.py and
content_holdout4.py, so that reading one part never means reading another. `part(name)` gives
one part's documents, hồ sơ and box.json; `doc(part, ...)` builds one document dict, its body
from the part's own `body(d)`.

Each document is one dict; generate.py lays it out and draws it, and truth.json is written from
the same dict (truth_fields), so the printed pages and the ground truth cannot disagree.
Layout variants by part (typewriter faces, holdout4's overlap check) are set in `doc`.
"""

import importlib
import re
import unicodedata

PARTS = ["tune", "tune2", "holdout", "holdout3", "holdout4"]
# The parts never tuned on (truth.json `never_tune`). holdout was read in session 7 (a unit test
# was written from one of its pages) and holdout3 in session 8 (its failures): tuning material.
NEVER_TUNED = ["holdout4"]

# ------------------------------------------------------------------------------------------
# Wording banks (in each part's own file, content_PART.py): {cd} topic, {cq} issuer as named in
# running text, {dv} subordinate units, {nam} year of the document, {code} the codename of a
# classified document.
# ------------------------------------------------------------------------------------------

SECRET_SENTENCES = [
    "Phương án {code} được triển khai theo đúng lộ trình đã thống nhất.",
    "Lực lượng tham gia phương án {code} giữ bí mật tuyệt đối về thời gian và địa điểm.",
    "Kết quả thực hiện phương án {code} chỉ báo cáo trực tiếp đồng chí Bí thư.",
]


def fill(t, d):
    return t.format(cd=d["cd"], cq=d["cq"], dv=d["dv"], nam=d["date"][0], code=d.get("code", ""))


def generic(d, bank, k, start):
    out = []
    for j in range(k):
        a = (start + j * 3) % len(bank)
        text = fill(bank[a], d) + " " + fill(bank[(a + 5) % len(bank)], d)
        if d.get("code"):
            text += " " + fill(SECRET_SENTENCES[j % len(SECRET_SENTENCES)], d)
        out.append(("p", text))
    return out


def body_for(d, bank):
    """Type-specific skeleton with generic paragraphs from the part's bank."""
    t, k, s = d["kind"], d.get("length", 3), d.get("start", 0)
    G = lambda n, off=0: generic(d, bank, n, s + off)  # noqa: E731
    if t == "NQ":
        return ([("p", "Ngày %s, %s đã họp, thảo luận và thống nhất ban hành nghị quyết về %s với những nội dung chủ yếu sau:" % (d["meet"], d["cq_full"], d["cd"])),
                 ("h", "I. TÌNH HÌNH")] + G(max(1, k // 2)) +
                [("h", "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP")] + G(max(1, k - k // 2), 5) +
                [("h", "III. TỔ CHỨC THỰC HIỆN"),
                 ("p", "Các chi bộ, đảng bộ trực thuộc tổ chức quán triệt và xây dựng kế hoạch thực hiện Nghị quyết; Văn phòng theo dõi, tổng hợp, báo cáo kết quả./.")])
    if t in ("QĐ", "QĐ-state"):
        if t == "QĐ-state":
            lead = [("c", d["authority_heading"])] if d.get("authority_heading") else []
            lead += [("i", x) for x in d["can_cu"]] + [("c", "QUYẾT ĐỊNH:")]
        else:
            lead = [("i", x) for x in d["can_cu"]] + [("c", d["authority_heading"])]
        dieu = [("p", "Điều %d. %s" % (i + 1, x)) for i, x in enumerate(d["dieu"])]
        return lead + dieu[:1] + G(k) + dieu[1:]
    if t == "CT":
        return (G(1) + [("p", "Để khắc phục tình trạng trên, %s yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:" % d["cq_full"])] +
                [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 2))] +
                [("p", "Chỉ thị này được phổ biến đến chi bộ./.")])
    if t == "KL":
        return ([("p", "Ngày %s, %s đã họp nghe báo cáo về %s. Sau khi thảo luận, %s kết luận như sau:" % (d["meet"], d["cq_full"], d["cd"], d["cq_full"]))] +
                [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 1))] +
                [("p", "Đề nghị các tổ chức đảng có liên quan nghiêm túc thực hiện kết luận này./.")])
    if t == "TT":
        return G(1) + [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 4))] + [("p", "Thông tri này phổ biến đến chi bộ./.")]
    if t == "HD":
        return ([("p", "Thực hiện %s, %s hướng dẫn %s như sau:" % (d["ref"], d["cq_full"], d["cd"])),
                 ("h", "1. Mục đích, yêu cầu")] + G(1) + [("h", "2. Nội dung")] + G(max(1, k - 1), 3) +
                [("h", "3. Tổ chức thực hiện"), ("p", "Các cấp ủy trực thuộc căn cứ hướng dẫn này triển khai thực hiện và báo cáo kết quả đúng thời gian quy định./.")])
    if t == "TB":
        return ([("p", "Ngày %s, %s đã họp nghe báo cáo về %s. %s thông báo ý kiến như sau:" % (d["meet"], d["cq_full"], d["cd"], d["cq_full"]))] +
                G(k, 2) + [("p", "Thông báo để các cơ quan, đơn vị biết, thực hiện./.")])
    if t == "BC":
        return ([("h", "I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN")] + G(max(1, k - 1)) +
                [("h", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")] + G(1, 3))
    if t in ("KH", "CTr"):
        return ([("p", "Thực hiện %s, %s xây dựng %s như sau:" % (d["ref"], d["cq_full"], "kế hoạch" if t == "KH" else "chương trình")),
                 ("h", "I. MỤC ĐÍCH, YÊU CẦU")] + G(1, 3) + [("h", "II. NỘI DUNG, NHIỆM VỤ")] + G(max(1, k - 1), 4) +
                [("h", "III. TỔ CHỨC THỰC HIỆN")] + G(1, 7))
    if t in ("CV", "CV-state"):
        return [("cr", d["kinh_gui"])] + G(k) + [("p", "Đề nghị các đơn vị quan tâm thực hiện./.")]
    if t == "TTr":
        return ([("cr", d["kinh_gui"]), ("p", "Căn cứ %s; xét tình hình thực tế, %s kính trình về %s như sau:" % (d["ref"], d["cq_full"], d["cd"]))] +
                G(k, 1) + [("p", "Kính trình Ban Thường vụ xem xét, cho ý kiến./.")])
    if t == "BB":
        return ([("p", "Vào lúc 14 giờ 00 phút, ngày %s, tại hội trường thôn, %s tiến hành họp với nội dung: %s." % (d["meet"], d["cq_full"], d["cd"])),
                 ("h", "I. THÀNH PHẦN"),
                 ("p", "Tổng số đảng viên: 23 đồng chí; có mặt 21 đồng chí, vắng 2 đồng chí có lý do. Chủ trì: đồng chí %s, Bí thư chi bộ. Thư ký: đồng chí %s." % (d["nguoi_ky"], d["left_sign"][-1])),
                 ("h", "II. NỘI DUNG")] + G(k, 2) +
                [("p", "Biểu quyết: 21/21 đồng chí có mặt nhất trí. Cuộc họp kết thúc vào lúc 16 giờ 30 phút cùng ngày.")])
    if t == "QĐi":
        return ([("c", "Chương I"), ("c", "QUY ĐỊNH CHUNG")] + [("p", "Điều 1. " + x[1]) for x in G(1)] +
                [("c", "Chương II"), ("c", "NỘI DUNG CỤ THỂ")] + [("p", "Điều %d. %s" % (i + 2, x[1])) for i, x in enumerate(G(k, 2))])
    raise ValueError(t)


# ------------------------------------------------------------------------------------------
# Document builder
# ------------------------------------------------------------------------------------------

TYPE_NAMES = {
    "NQ": ("Nghị quyết", "NGHỊ QUYẾT"), "QĐ": ("Quyết định", "QUYẾT ĐỊNH"),
    "QĐ-state": ("Quyết định", "QUYẾT ĐỊNH"), "CT": ("Chỉ thị", "CHỈ THỊ"),
    "KL": ("Kết luận", "KẾT LUẬN"), "TT": ("Thông tri", "THÔNG TRI"),
    "HD": ("Hướng dẫn", "HƯỚNG DẪN"), "TB": ("Thông báo", "THÔNG BÁO"),
    "BC": ("Báo cáo", "BÁO CÁO"), "KH": ("Kế hoạch", "KẾ HOẠCH"),
    "CTr": ("Chương trình", "CHƯƠNG TRÌNH"), "CV": ("Công văn", None),
    "CV-state": ("Công văn", None), "TTr": ("Tờ trình", "TỜ TRÌNH"),
    "BB": ("Biên bản", "BIÊN BẢN"), "QĐi": ("Quy định", "QUY ĐỊNH"),
    "ĐA": ("Đề án", "ĐỀ ÁN"),                                        # holdout4 only
}


def date_line(place, y, m, d, form):
    if form == "padded":
        return "%s, ngày %02d tháng %02d năm %d" % (place, d, m, y)
    if form == "dashed":
        return "%s, ngày %d-%d-%d" % (place, d, m, y)
    return "%s, ngày %d tháng %d năm %d" % (place, d, m, y)


def doc(part, **kw):
    d = dict(kw)
    d.setdefault("era", "printed")
    d.setdefault("layout", "state" if d.get("format") == "state" else "qd66")
    d.setdefault("format", "party")
    d.setdefault("do_mat", None)
    d.setdefault("do_khan", None)
    d.setdefault("dv", "các chi bộ, đảng bộ cơ sở")
    d.setdefault("meet", "%d/%d/%d" % (max(1, d["date"][2] - 3), d["date"][1], d["date"][0]))
    d.setdefault("ref", "Nghị quyết của Ban Chấp hành Đảng bộ")
    if d["era"] == "typewritten" and part == "holdout":
        d["mono"] = "fmono"
    if d["era"] == "typewritten" and part == "tune2":
        d["mono"] = "dmono"
    if d["era"] == "typewritten" and part == "holdout3":
        d["mono"] = "lmono-b"
    if part == "holdout4":
        d["check_overlap"] = True
        if d["era"] == "typewritten":          # FreeMono at elite pitch: 10 pt, tighter lines
            d["mono"] = "fmono-e"
            d.setdefault("typed_pt", 10)
            d.setdefault("typed_lh", 68)
    y, m, dd = d["date"]
    kind = d["kind"]
    ten_loai, heading = TYPE_NAMES[kind]
    d["ten_loai"] = ten_loai
    if d["format"] == "state":
        d["so_ky_hieu"] = "%s/%s" % (d["so"], d["kh"])
    else:
        d["so_ky_hieu"] = "%s-%s" % (d["so"], d["kh"])
    so_printed = d.get("so_printed") or d["so_ky_hieu"]
    d["so_line"] = "%s %s" % (d.get("so_prefix", "Số"), so_printed)
    d["date_line"] = date_line(d["place"], y, m, dd, d.get("date_form", "plain"))
    if heading:
        d["title_lines"] = [d.get("heading", heading)]
        d["subtitle_lines"] = d["ty_lines"]
        d.setdefault("vv_lines", [])
    else:
        d["title_lines"] = []
        d["subtitle_lines"] = []
        d["vv_lines"] = d["ty_lines"]
    d["body"] = part_module(part).body(d)
    return d


def truth_fields(d):
    y, m, dd = d["date"]
    sign = d["sign"]
    auth = None
    for line in sign:
        head = line.split(" ")[0].upper().replace(".", "")
        code = {"T/M": "T/M", "TM": "T/M", "K/T": "K/T", "KT": "K/T", "T/L": "T/L", "TL": "T/L"}.get(head)
        if code:
            auth = code           # the innermost authority (K/T under T/M) wins
    so, kh = d["so"], d["kh"]
    return {
        "ten_loai": d["ten_loai"],
        "so": so,
        "ky_hieu": kh,
        "so_ky_hieu": d["so_ky_hieu"],
        "ngay_ban_hanh": "%04d-%02d-%02d" % (y, m, dd),
        "dia_danh": d["place"],
        "co_quan_ban_hanh": d["issuer"],
        "co_quan_ban_hanh_header": " ".join(d["issuer_lines"]),
        "co_quan_cap_tren": d.get("superior"),
        "trich_yeu": " ".join(d["ty_lines"]),
        "nguoi_ky": d["nguoi_ky"],
        "chuc_vu": sign[-1],
        "tham_quyen": auth or "none",
        "tham_quyen_full": " ".join(sign[:-1]),
        "noi_nhan": d.get("noi_nhan", []),
        "do_mat": d["do_mat"] or "none",
        "do_khan": d["do_khan"] or "none",
        "format": d["format"],
        "era": d["era"],
        "layout": d["layout"] + {"fmono": "-freemono", "dmono": "-freemonobold", "lmono-b": "-liberationmonobold",
                            "fmono-e": "-freemono-elite"}.get(d.get("mono"), "")
        + ("-" + d["face"] if d.get("face") and d["era"] != "typewritten" else ""),
        "receipt_stamp": bool(d.get("receipt")),
        "attachment": " ".join(d["attachment"]["heading"]) if d.get("attachment") else None,
        "codename": d.get("code"),
    }


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip().lower()


def distinctive(d, texts, docs, layouts):
    """Per page of a classified document: strings that identify the page's text (its
    codename, and a run of five words from its body found in no other document of the part)."""
    if not d["do_mat"]:
        return []
    others = " || ".join(fold("\n".join(p.text)).replace("\n", " ")
                         for i, ps in layouts.items() if i != d["id"] for p in ps)
    out = []
    for n, lines in enumerate(texts):
        needles = []
        if d.get("code") and any(d["code"] in line for line in lines):
            needles.append(d["code"])
        body = [line for line in lines if len(line.split()) >= 8]
        for line in body[len(body) // 2:] + body[:len(body) // 2]:
            words = line.split()
            cand = " ".join(words[1:6])
            if fold(cand) not in others:
                needles.append(cand)
                break
        out.append({"page_in_document": n + 1, "needles": needles})
    return out


# ------------------------------------------------------------------------------------------
# The documents
# ------------------------------------------------------------------------------------------

NN_HU = ["- Thường trực Tỉnh ủy (b/c),", "- Các ban xây dựng Đảng Tỉnh ủy,",
         "- Các đảng bộ, chi bộ cơ sở,", "- Các đồng chí Huyện ủy viên,", "- Lưu Văn phòng Huyện ủy."]
NN_TU = ["- Ban Bí thư Trung ương Đảng (b/c),", "- Văn phòng Trung ương Đảng,",
         "- Các huyện ủy, thị ủy, thành ủy,", "- Các đảng ủy trực thuộc Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."]
NN_DU = ["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."]
NN_STATE = ["- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
            "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."]


def seal_of(issuer_upper, province_upper):
    return "%s * %s *" % (issuer_upper, province_upper)


def part_module(name):
    """The module holding one part's wording and documents: content_tune.py, … content_holdout4.py."""
    if name not in PARTS:
        raise ValueError("unknown part %r (one of %s)" % (name, ", ".join(PARTS)))
    return importlib.import_module("content_" + name)


def part(name):
    return part_module(name).documents()
