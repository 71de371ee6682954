"""Document builder of the eval6 parts: DESIGN.md §3 turned into document dicts for
`generate.py` (type names and abbreviations, số ký hiệu forms, signer blocks, body skeletons,
packing plans). No wording is here: each part passes its own sentences, section headings,
closing formulas and preambles (`content_tune6.py`, `content_sealed6.py`), so that the parts
share no sentence. The small helpers shared with eval5 (symbol, wrap_title, Bank, signer, stamp,
note, packing) are imported from `../eval5/build5.py`.
"""

from build5 import Bank, note, signer, stamp, symbol, wrap_title  # noqa: F401
from build5 import one_file as _one_file, per_doc as _per_doc, per_page as _per_page

TYPES = {
    "NQ": ("Nghị quyết", "NGHỊ QUYẾT"), "QĐ": ("Quyết định", "QUYẾT ĐỊNH"),
    "CT": ("Chỉ thị", "CHỈ THỊ"), "KL": ("Kết luận", "KẾT LUẬN"), "TT": ("Thông tri", "THÔNG TRI"),
    "HD": ("Hướng dẫn", "HƯỚNG DẪN"), "TB": ("Thông báo", "THÔNG BÁO"), "BC": ("Báo cáo", "BÁO CÁO"),
    "KH": ("Kế hoạch", "KẾ HOẠCH"), "CTr": ("Chương trình", "CHƯƠNG TRÌNH"),
    "CTrHĐ": ("Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG"), "CV": ("Công văn", None),
    "TTr": ("Tờ trình", "TỜ TRÌNH"), "ĐA": ("Đề án", "ĐỀ ÁN"), "QC": ("Quy chế", "QUY CHẾ"),
    "QĐi": ("Quy định", "QUY ĐỊNH"),
}
# the abbreviation printed in the số ký hiệu when it differs from the code
ABBR = {"CTrHĐ": "CTr"}


def _with_dpi(plan, dpi):
    def wrapped(seq):
        out = plan(seq)
        for f in out:
            f["dpi"] = dpi
        return out
    return wrapped


def one_file(name, fmt, mode, wear=None, skew=None, dpi=300):
    return _with_dpi(_one_file(name, fmt, mode, wear, skew), dpi)


def per_page(cycle, wear=None, skew=None, stem="", dpi=300):
    return _with_dpi(_per_page(cycle, wear, skew, stem), dpi)


def per_doc(specs, wear=None, skew=None, dpi=300):
    return _with_dpi(_per_doc(specs, wear, skew), dpi)


def body_for(code, fmt, issuer, style, bank, size, extra):
    """(kind, text) paragraphs of a document of type `code`; `size` ordinary paragraphs of two
    sentences spread over the type's sections; headings and formulas from the part's `style`."""
    paras = []

    def fill(n, sent=2):
        for _ in range(n):
            paras.append(("p", bank.take(sent)))

    endings = style["endings"]
    end = extra.get("ending") or endings.get(code, endings["*"])
    end = end.replace("{org}", issuer["short"])
    if code in ("QĐ",):
        paras.append(("c", issuer["qd_head"]))
        if fmt == "state":
            for line in extra.get("can_cu", []):
                paras.append(("i", line))
            paras.append(("c", "QUYẾT ĐỊNH:"))
        else:
            for line in style["party_can_cu"] + extra.get("can_cu", []):
                paras.append(("l", line))
            paras.append(("c", "QUYẾT ĐỊNH"))
        arts = extra.get("articles") or [bank.take(2), bank.take(1)]
        for i, art in enumerate(arts, 1):
            paras.append(("p", "Điều %d. %s" % (i, art)))
        fill(max(0, size - len(arts)))
        paras.append(("p", "Điều %d. %s" % (len(arts) + 1, style["exec_fmt"] % extra.get(
            "executors", style["exec_default"]))))
        return paras
    if code in ("CV", "TTr"):
        kg = extra.get("kinh_gui", style["kinh_gui_default"])
        if "|" in kg:
            paras.append(("kg", kg))
        else:
            paras.append(("k", "Kính gửi: %s" % kg))
        fill(size)
        paras.append(("p", end))
        return paras
    if code in ("KL", "TB"):
        paras.append(("p", extra.get("opening") or bank.take(1)))
        for i in range(size):
            paras.append(("p", "%d. %s" % (i + 1, bank.take(2))))
        paras.append(("p", end))
        return paras
    if code in ("CT", "TT"):
        fill(min(2, size))
        for i in range(max(0, size - 2)):
            paras.append(("p", "%d. %s" % (i + 1, bank.take(2))))
        paras.append(("p", end))
        return paras
    heads = style["heads"].get(code, style["heads"]["*"])
    per = max(1, size // len(heads))
    left = size
    for k, h in enumerate(heads):
        paras.append(("h", h))
        n = per if k < len(heads) - 1 else max(1, left)
        fill(n)
        left -= n
    paras.append(("p", end))
    return paras


class Maker:
    """Numbers a part's documents in order; `style` holds the part's formulas."""

    def __init__(self, part, bank, style):
        self.part = part
        self.bank = bank
        self.style = style
        self.n = 0

    def __call__(self, issuer, code, number, date, subject, sig, layout, face, size, **opt):
        self.n += 1
        part = self.part
        if size < 20:      # short documents: 2.2 times as many paragraphs, so that most run over a page
            size = round(size * 2.2)
        bank = opt.pop("bank", self.bank)
        ten_loai, type_line = TYPES[code]
        so, ky_hieu, so_ky_hieu = symbol(issuer, ABBR.get(code, code), number)
        fmt = issuer["fmt"]
        if code == "CV":
            trich_lines = wrap_title("V/v " + subject, 34)
        else:
            trich_lines = wrap_title(subject, opt.pop("per_line", 58))
        extra = opt.pop("extra", {})
        if fmt == "state" and code == "QĐ" and "can_cu" not in extra:
            extra["can_cu"] = list(issuer["can_cu"](date[0]))
        body = opt.pop("body", None) or body_for(code, fmt, issuer, self.style, Bank(bank, (part, "eval6", self.n)),
                                                 size, extra)
        if sig is None:
            closing = dict(kind="none")
        else:
            closing = dict(kind=opt.pop("closing", "normal"), authority_lines=sig.get("auth", []),
                           tham_quyen=sig.get("code", "none"), chuc_vu=sig["chuc_vu"], name=sig["name"],
                           noi_nhan=opt.pop("noi_nhan", issuer["noi_nhan"]),
                           seal=issuer["seal"] if opt.pop("seal", True) else None)
        d = dict(id="%s-%02d" % (part, self.n), layout=layout, face=face, superior=issuer.get("superior"),
                 issuer=issuer["lines"], co_quan_ban_hanh=issuer["full"], co_quan_cap_tren=issuer.get("cap_tren"),
                 so=so, ky_hieu=ky_hieu, so_ky_hieu=so_ky_hieu, dia_danh=issuer["place"], date=date,
                 ten_loai=ten_loai, type_line=type_line, trich_yeu_lines=trich_lines, body=body, closing=closing,
                 typed="typed" in layout)
        d.update(opt)
        return d


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
