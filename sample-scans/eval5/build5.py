"""Document builder shared by the eval5 parts: the rules of DESIGN.md §3 turned into document
dicts (type names and abbreviations, số ký hiệu forms, signer blocks, the skeleton of each type's
body), and file packing plans. No wording of either part is here: each part's issuers, signers,
sentences and hồ sơ are in `content_tune5.py` / `content_sealed5.py`.
"""

import hashlib
import random

# code: (tên loại, the type name as printed)
TYPES = {
    "NQ": ("Nghị quyết", "NGHỊ QUYẾT"), "QĐ": ("Quyết định", "QUYẾT ĐỊNH"),
    "QĐi": ("Quy định", "QUY ĐỊNH"), "CT": ("Chỉ thị", "CHỈ THỊ"), "KL": ("Kết luận", "KẾT LUẬN"),
    "TT": ("Thông tri", "THÔNG TRI"), "HD": ("Hướng dẫn", "HƯỚNG DẪN"), "TB": ("Thông báo", "THÔNG BÁO"),
    "BC": ("Báo cáo", "BÁO CÁO"), "KH": ("Kế hoạch", "KẾ HOẠCH"),
    "CTr": ("Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG"), "CV": ("Công văn", None),
    "TTr": ("Tờ trình", "TỜ TRÌNH"), "ĐA": ("Đề án", "ĐỀ ÁN"), "QC": ("Quy chế", "QUY CHẾ"),
}


def rng_for(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def symbol(issuer, code, number):
    """(so, ky_hieu, so_ky_hieu). Party: 45-NQ/HU; State: 424/QĐ-UBND, a Công văn 1835/UBND-VP."""
    if issuer["fmt"] == "party":
        kh = "%s/%s" % (code, issuer["abbr"])
        return str(number), kh, "%s-%s" % (number, kh)
    if code == "CV":
        kh = issuer["cv_abbr"]
    else:
        kh = "%s-%s" % (code, issuer["abbr"])
    return str(number), kh, "%s/%s" % (number, kh)


def wrap_title(text, per_line):
    """Split a trích yếu into centred lines of about `per_line` characters."""
    words = text.split()
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > per_line:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    lines.append(cur)
    return lines


class Bank:
    """Draws a document's sentences from a part's bank without repeating within the document."""

    def __init__(self, sentences, seed):
        self.pool = list(sentences)
        rng_for("bank", seed).shuffle(self.pool)
        self.i = 0

    def take(self, n):
        out = []
        for _ in range(n):
            out.append(self.pool[self.i % len(self.pool)])
            self.i += 1
        return " ".join(out)


def body_for(code, fmt, issuer, subject, bank, size, date, extra):
    """The body paragraphs of a document of type `code`: (kind, text) pairs. `size` is the number of
    ordinary paragraphs (2 sentences each) spread over the type's sections."""
    y = date[0]
    org = issuer["short"]
    paras = []

    def fill(n, sent=2):
        for _ in range(n):
            paras.append(("p", bank.take(sent)))

    sections = {
        "NQ": ["I. TÌNH HÌNH VÀ NGUYÊN NHÂN", "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"],
        "KH": ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG VÀ NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"],
        "CTr": ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"],
        "BC": ["I. KẾT QUẢ THỰC HIỆN", "II. HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"],
        "HD": ["1. Mục đích, yêu cầu", "2. Nội dung", "3. Tổ chức thực hiện"],
        "ĐA": ["I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN", "II. MỤC TIÊU VÀ NỘI DUNG", "III. KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN"],
    }
    ending = {
        "NQ": "Nghị quyết này phổ biến đến chi bộ./.",
        "CT": "Chỉ thị này phổ biến đến chi bộ./.",
        "TT": "Thông tri này phổ biến đến chi bộ và đảng viên./.",
        "KH": "Các cấp ủy, tổ chức đảng căn cứ Kế hoạch này để triển khai thực hiện./.",
        "CTr": "Chương trình hành động này phổ biến đến chi bộ./.",
        "BC": "Trên đây là báo cáo kết quả thực hiện của %s./." % org,
        "HD": "Quá trình thực hiện có vướng mắc, báo cáo về %s để được hướng dẫn./." % org,
        "KL": "Ban Thường vụ yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện Kết luận này./.",
        "TB": "Thông báo để các cơ quan, đơn vị biết và thực hiện./.",
        "ĐA": "Giao các cơ quan liên quan tổ chức thực hiện Đề án này./.",
        "TTr": "Kính trình xem xét, quyết định./.",
        "CV": "Đề nghị các cơ quan, đơn vị quan tâm thực hiện./.",
    }
    if code in ("QĐ", "QC", "QĐi"):
        if fmt == "state":
            paras.append(("c", issuer["qd_head"]))
            for line in extra.get("can_cu", []):
                paras.append(("i", line))
            paras.append(("c", "QUYẾT ĐỊNH:"))
        else:
            paras.append(("c", issuer["qd_head"]))
            paras.append(("l", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"))
            for line in extra.get("can_cu", []):
                paras.append(("l", line))
            paras.append(("c", "QUYẾT ĐỊNH"))
        arts = extra.get("articles") or [bank.take(2), bank.take(1)]
        for i, art in enumerate(arts, 1):
            paras.append(("p", "Điều %d. %s" % (i, art)))
        fill(max(0, size - len(arts)))
        paras.append(("p", "Điều %d. %s chịu trách nhiệm thi hành Quyết định này./." %
                      (len(arts) + 1, extra.get("executors", "Các cơ quan, đơn vị có liên quan"))))
        return paras
    if code in ("CV", "TTr"):
        paras.append(("k", "Kính gửi: %s" % extra.get("kinh_gui", "Các cơ quan, đơn vị trực thuộc")))
        fill(size)
        paras.append(("p", ending[code]))
        return paras
    if code in ("KL", "TB"):
        paras.append(("p", extra.get("opening") or bank.take(1)))
        for i in range(size):
            paras.append(("p", "%d. %s" % (i + 1, bank.take(2))))
        paras.append(("p", ending[code]))
        return paras
    if code in ("CT", "TT"):
        fill(min(2, size))
        for i in range(max(0, size - 2)):
            paras.append(("p", "%d. %s" % (i + 1, bank.take(2))))
        paras.append(("p", ending[code]))
        return paras
    heads = sections.get(code, sections["KH"])
    per = max(1, size // len(heads))
    left = size
    for k, h in enumerate(heads):
        paras.append(("h", h))
        n = per if k < len(heads) - 1 else max(1, left)
        fill(n)
        left -= n
    paras.append(("p", ending.get(code, "./.")))
    return paras


def state_can_cu(year):
    """The law on local government in force in `year`, as a State decision cites it."""
    if year >= 2016:
        law = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
    elif year >= 2004:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;"
    elif year >= 1995:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21 tháng 6 năm 1994;"
    elif year >= 1990:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30 tháng 6 năm 1989;"
    else:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30 tháng 6 năm 1983;"
    return [law]


def make_doc(part, n, issuer, code, number, date, subject, signer, layout, face, size, bank,
             **opt):
    """One document dict as generate.py lays it out. `signer` is None for a document without a
    closing block."""
    ten_loai, type_line = TYPES[code]
    so, ky_hieu, so_ky_hieu = symbol(issuer, code, number)
    fmt = issuer["fmt"]
    if code == "CV":
        trich_lines = wrap_title("V/v " + subject, 34)
    else:
        trich_lines = wrap_title(subject, opt.pop("per_line", 58))
    extra = opt.pop("extra", {})
    if fmt == "state" and code in ("QĐ",) and "can_cu" not in extra:
        extra["can_cu"] = state_can_cu(date[0]) + [issuer.get("xet", "Xét đề nghị của Chánh Văn phòng,")]
    body = opt.pop("body", None) or body_for(code, fmt, issuer, subject, Bank(bank, (part, n)), size,
                                             date, extra)
    if signer is None:
        closing = dict(kind="none")
    else:
        closing = dict(kind=opt.pop("closing", "normal"), authority_lines=signer.get("auth", []),
                       tham_quyen=signer.get("code", "none"), chuc_vu=signer["chuc_vu"],
                       name=signer["name"], noi_nhan=opt.pop("noi_nhan", issuer["noi_nhan"]),
                       seal=issuer["seal"] if opt.pop("seal", True) else None)
    d = dict(id="%s-%02d" % (part, n), layout=layout, face=face, superior=issuer.get("superior"),
             issuer=issuer["lines"], co_quan_ban_hanh=issuer["full"],
             co_quan_cap_tren=issuer.get("cap_tren"), so=so, ky_hieu=ky_hieu, so_ky_hieu=so_ky_hieu,
             dia_danh=issuer["place"], date=date, ten_loai=ten_loai, type_line=type_line,
             trich_yeu_lines=trich_lines, body=body, closing=closing)
    d.update(opt)
    return d


# --- packing: functions from a hồ sơ's page sequence (pages, None = blank back) to files ---

def spec_for(seq_item, k, wear, skew):
    return (seq_item, dict(wear=list(wear.get(k, [])), skew=skew.get(k, 0.0),
                           rotation=180 if k in wear.get("upside", ()) else 0))


def one_file(name, fmt, mode, wear=None, skew=None):
    """The whole hồ sơ in one multi-page file (TIFF or PDF)."""
    wear = wear or {}
    skew = skew or {}

    def plan(seq):
        return [dict(name=name, fmt=fmt, mode=mode,
                     pages=[spec_for(p, k, wear, skew) for k, p in enumerate(seq, 1)])]
    return plan


def per_page(cycle, wear=None, skew=None, stem=""):
    """One file per page; `cycle` lists (fmt, mode) used in turn; names 1.ext, 2.ext, …"""
    wear = wear or {}
    skew = skew or {}
    ext = {"png": "png", "jpeg": "jpg", "g4": "tif", "lzw": "tif", "pdf": "pdf"}

    def plan(seq):
        out = []
        for k, p in enumerate(seq, 1):
            fmt, mode = cycle[(k - 1) % len(cycle)]
            out.append(dict(name="%s%d.%s" % (stem, k, ext[fmt]), fmt=fmt, mode=mode,
                            pages=[spec_for(p, k, wear, skew)]))
        return out
    return plan


def per_doc(specs, wear=None, skew=None):
    """One multi-page file per document: specs = [(name, fmt, mode), …] in document order
    (a blank back goes with the document before it)."""
    wear = wear or {}
    skew = skew or {}

    def plan(seq):
        groups = []
        for k, p in enumerate(seq, 1):
            if p is not None and p.n == 1:
                groups.append([])
            groups[-1].append((k, p))
        if len(groups) != len(specs):
            raise SystemExit("per_doc: %d documents, %d file specs" % (len(groups), len(specs)))
        out = []
        for (name, fmt, mode), grp in zip(specs, groups):
            out.append(dict(name=name, fmt=fmt, mode=mode,
                            pages=[spec_for(p, k, wear, skew) for k, p in grp]))
        return out
    return plan


def signer(name, chuc_vu, auth=None):
    """A signer block: authority lines (`T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`, …), title, full name.
    State TM./KT./TL. map to the Party codes T/M, K/T, T/L."""
    code = "none"
    if auth:
        a = auth[0]
        code = "T/M" if a.startswith(("T/M", "TM.")) else "K/T" if a.startswith(("K/T", "KT.")) else "T/L"
    return dict(name=name, chuc_vu=chuc_vu, auth=auth or [], code=code)


def stamp(office, number, date, x=150, y=20):
    """A receipt stamp: ĐẾN, Số and Ngày written in by hand."""
    return dict(office=office, number=number, date=date, x=x, y=y,
                lines=[office, "ĐẾN Số: %s" % number, "Ngày: %s" % date, "Chuyển:"])


def note(text, x=1250, y=150, angle=3, size=56, underline=False):
    """A handwritten marginal note (pen ink), not part of the printed text."""
    return dict(x=x, y=y, text=text, angle=angle, size=size, underline=underline)


class Maker:
    """Numbers a part's documents in order and fills in the part's sentence bank."""

    def __init__(self, part, bank):
        self.part = part
        self.bank = bank
        self.n = 0

    def __call__(self, issuer, code, number, date, subject, sig, layout, face, size, **opt):
        self.n += 1
        bank = opt.pop("bank", self.bank)
        if opt.get("typed") is None:
            opt["typed"] = layout.endswith("typed") or layout.endswith("elite")
        # `size` counts paragraphs of two sentences; short documents get 2.5 times that, so that most of
        # them run over a page as real ones do
        if size < 20:
            size = round(size * 2.5)
        return make_doc(self.part, self.n, issuer, code, number, date, subject, sig, layout, face, size,
                        bank, **opt)


class Plan:
    """A part's documents and hồ sơ, in order."""

    def __init__(self):
        self.docs = []
        self.plan = []

    def hoso(self, dirname, files, items, blank_after=()):
        ids = []
        for d in items:
            self.docs.append(d)
            ids.append(d["id"])
        self.plan.append(dict(dir=dirname, docs=ids, files=files, blank_after=list(blank_after)))
