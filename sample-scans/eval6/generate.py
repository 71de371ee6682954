#!/usr/bin/env python3
"""Generate the eval6 evaluation parts, `sample-scans/eval/tune6` and `sample-scans/eval/sealed6`.

Written from the document rules in /work/shared/DESIGN.md §3 (Party format after Quy định
66-QĐ/TW and Hướng dẫn 36-HD/VPTW, State format after Nghị định 30/2020/NĐ-CP, số ký hiệu forms,
độ mật / độ khẩn marks) and §4 (catalog field names) and the two reference texts, by a helper that
did not read the understanding code nor its tests. It extends the eval5 generator
(`../eval5/generate.py`: faces, page model, paragraphs, rendering, wear, file writing, imported
unchanged) with seven new header layouts, per-layout margins, three more typefaces, seals placed
over the title line or over the signer's name, a `Kính gửi:` list, title pages, 200 dpi files and
an overlap check. Each part's wording, issuers and hồ sơ plan are in `content_tune6.py` and
`content_sealed6.py`; the document builder is `build6.py`.

    python3 sample-scans/eval6/generate.py               # both parts
    python3 sample-scans/eval6/generate.py sealed6        # one part
    python3 sample-scans/eval6/generate.py --layout-only  # paginate and check, write nothing

Deterministic: every random choice is seeded from the part, file and page (SHA-256).
"""

import os
import sys


def _require_pillow():
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)
            and not os.environ.get("SOHOA_SAMPLE_REEXEC")):
        os.environ["SOHOA_SAMPLE_REEXEC"] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("generate.py: Pillow is required (Debian package python3-pil)")


_require_pillow()

import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402

from PIL import Image  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCANS = os.path.dirname(HERE)
EVAL = os.path.join(SCANS, "eval")
E5DIR = os.path.join(SCANS, "eval5")


def _load_eval5():
    spec = importlib.util.spec_from_file_location("eval5_generate", os.path.join(E5DIR, "generate.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)     # puts eval5/ on sys.path (build5)
    return mod


e5 = _load_eval5()
g = e5.g
sys.path.insert(0, HERE)
W, H, DPI, MM = e5.W, e5.H, e5.DPI, e5.MM
px, nfc, font = e5.px, e5.nfc, e5.font

# --------------------------------------------------------------------------------------
# Typefaces: eval5's nine, plus DejaVu Serif, FreeSans and the typewriter face Noto Mono
# (regular only: its bold is a double strike, as for the other typewriter faces).
# --------------------------------------------------------------------------------------

e5.FACES.update({
    "DejaVu Serif": dict(r=e5.DJ + "DejaVuSerif.ttf", b=e5.DJ + "DejaVuSerif-Bold.ttf",
                         i=e5.DJ + "DejaVuSerif-Italic.ttf", bi=e5.DJ + "DejaVuSerif-BoldItalic.ttf"),
    "FreeSans": dict(r=e5.FREE + "FreeSans.ttf", b=e5.FREE + "FreeSansBold.ttf",
                     i=e5.FREE + "FreeSansOblique.ttf", bi=e5.FREE + "FreeSansBoldOblique.ttf"),
    "Noto Mono": dict(r=e5.NOTO + "NotoMono-Regular.ttf", mono=True),
})
# DejaVu Sans Mono lacks Vietnamese letters: offered here only to show that it is refused
REFUSED_FACES = {"DejaVu Sans Mono": dict(r=e5.DJ + "DejaVuSansMono.ttf", mono=True)}

# --------------------------------------------------------------------------------------
# New layouts. Keys beyond eval5's: margins (left, right mm), motto_pos "top" (centred over the
# whole width), motto_rule "long" (rule across the right column), so_pos "inline" (the số on
# the issuer's row), date "left" (under the số, flush left), vv "left" (V/v left-aligned,
# italic), titlepage (type name and trích yếu alone on page 1), superior_lines (required).
# --------------------------------------------------------------------------------------

NEW_LAYOUTS = {
    # three-line issuer header: superior body / body (regular), sub-unit (bold); short rule, no star
    "p-three": dict(fmt="party", hdr=12, motto=14, star=False, date="level", title=15, trich="b",
                    body=13, lead=1.45, pno="top", colon=True, superior_lines=2),
    # ĐẢNG CỘNG SẢN VIỆT NAM with a long rule under it; wide margins; 14 pt body
    "p-rule": dict(fmt="party", hdr=13, motto=14, star=True, date="level", title=16, trich="b",
                   body=14, lead=1.4, pno="top", colon=False, motto_rule="long", margins=(35, 20)),
    # the số on the same row as the issuer, `Số` without a colon; motto flush right, date on a row
    # of its own; narrow margins, 12.5 pt body
    "p-inline": dict(fmt="party", hdr=13, motto=14, star=False, date="below", title=15, trich="bi",
                     body=12.5, lead=1.45, pno="bottom", colon=False, so_pos="inline",
                     margins=(22, 12)),
    # older typewriting: date flush left under the số, `Số` without a colon
    "p-typed-left": dict(fmt="party", typed=True, size=12, lead=1.85, star=True, date="left", pno="dash",
                         colon=False),
    # a title page (header, type name, trích yếu) followed by the body pages
    "p-titlepage": dict(fmt="party", hdr=13, motto=14, star=True, date="level", title=20, trich="b",
                        body=13, lead=1.45, pno="top", colon=True, titlepage=True),
    # older State documents, typewritten: the national motto centred over the whole width at the
    # top, issuer and số under it on the left, the date on the right
    "s-typed-top": dict(fmt="state", typed=True, size=12, lead=1.8, date="level", pno="dash", colon=True,
                        motto_pos="top"),
    # State công văn: V/v left-aligned in italic under the số, date flush right, Kính gửi list
    "s-cv": dict(fmt="state", hdr=12.5, motto=12.5, date="flush", title=14, trich="b", body=13,
                 lead=1.4, pno="top", colon=True, vv="left", flush=True, margins=(30, 15)),
}
NEW_LAYOUT_NAMES = sorted(NEW_LAYOUTS)
e5.LAYOUTS.update(NEW_LAYOUTS)

DEFAULT_GEOM = dict(LEFT=e5.LEFT, RIGHT=e5.RIGHT, TOP=e5.TOP, BOTTOM=e5.BOTTOM, TEXT_W=e5.TEXT_W,
                    TEXT_CX=e5.TEXT_CX, LCOL=e5.LCOL, RCOL=e5.RCOL)


def geometry(L):
    lm, rm = L.get("margins", (30, 15))
    left, right = round(lm * MM), W - round(rm * MM)
    lc0 = max(round(8 * MM), left - round(18 * MM))
    rc1 = min(W - round(8 * MM), right + round(5 * MM))
    return dict(LEFT=left, RIGHT=right, TOP=e5.TOP, BOTTOM=e5.BOTTOM, TEXT_W=right - left,
                TEXT_CX=(left + right) // 2, LCOL=(lc0, round(100 * MM)), RCOL=(round(98 * MM), rc1))


class Doc6(e5.Doc):
    """eval5's document layout with the eval6 header variants, seal placement, Kính gửi lists,
    title pages and an overlap check."""

    # ---- helpers ------------------------------------------------------------------
    def bbox(self, op):
        if op[0] == "text":
            _, x, base, s, path, size, _l = op
            b = font(path, size).getbbox(s, anchor="ls")
            return (x + b[0], base + b[1], x + b[2], base + b[3])
        else:
            _, x, base, s, path, size, _b, _l = op
            w = font(path, size).getlength("M") * len(s)
        return (x, base - size * 0.78, x + w, base + size * 0.22)

    def check_overlap(self, page, lo, hi, what):
        boxes = [(self.bbox(op), op[3]) for op in page.ops[lo:hi] if op[0] in ("text", "typed")]
        for i in range(len(boxes)):
            (a, sa) = boxes[i]
            for j in range(i + 1, len(boxes)):
                (b, sb) = boxes[j]
                if a[0] < b[2] - 2 and b[0] < a[2] - 2 and a[1] < b[3] - 2 and b[1] < a[3] - 2:
                    raise SystemExit("%s p%d %s: %r touches %r" % (self.d["id"], page.n, what, sa, sb))

    # ---- header -------------------------------------------------------------------
    def header(self):
        d, L = self.d, self.L
        LEFT, RIGHT, TEXT_CX = e5.LEFT, e5.RIGHT, e5.TEXT_CX
        LC, RC = e5.LCOL, e5.RCOL
        party = L["fmt"] == "party"
        typed = self.typed
        hp = L.get("size") if typed else L["hdr"]
        mp = L.get("size") if typed else L["motto"]
        lcx = (LC[0] + LC[1]) // 2
        rcx = (RC[0] + RC[1]) // 2
        step = round(px(hp) * (1.3 if typed else 1.3))
        y0 = e5.TOP + px(hp) + 10
        first_op = len(self.page.ops)
        if L.get("superior_lines") and len(d.get("superior") or []) != L["superior_lines"]:
            raise SystemExit("%s: layout %s needs %d superior lines" % (d["id"], d["layout"], L["superior_lines"]))
        if party:
            motto, mstyle = ["ĐẢNG CỘNG SẢN VIỆT NAM"], ["b"]
        else:
            motto, mstyle = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], ["b", "b"]
        # -- motto over the whole width (old State style): drawn first, read first
        if L.get("motto_pos") == "top":
            y = y0
            last = None
            for line, st in zip(motto, mstyle):
                last = self.centre(TEXT_CX, y, line, st, mp, head=True)
                y += step
            uy = y - step + 22
            self.page.ops.append(("rule", last[0] + 30, uy, last[1] - 30, uy, 3, "ink"))
            y0 = y + step // 2
        inline = L.get("so_pos") == "inline"
        colon = ":" if L.get("colon") else ""
        so = "Số%s %s" % (colon, d["so_ky_hieu"]) if d["so"] else "Số%s      %s" % (colon, d["so_ky_hieu"])
        # -- left column: superior lines, issuer, star / rule, số, V/v, marks
        y = y0
        for line in d.get("superior") or []:
            if inline:
                self.draw(LC[0], y, line, "r", hp, head=True)
            else:
                self.centre(lcx, y, line, "r", hp, head=True, lo=LC[0], hi=LC[1])
            y += step
        widest = 0
        so_y = None
        so_x = None
        for k, line in enumerate(d["issuer"]):
            if inline:
                self.draw(LC[0], y, line, "b", hp, head=True)
                a, b = LC[0], LC[0] + self.width(line, "b", hp, True)
                if k == len(d["issuer"]) - 1:
                    so_x = b + 90
                    self.draw(so_x, y, so, "r", hp, head=True)
                    so_y = y
            else:
                a, b = self.centre(lcx, y, line, "b", hp, head=True, lo=LC[0], hi=LC[1])
            widest = max(widest, b - a)
            y += step
        if not inline:
            if party and L.get("star"):
                self.centre(lcx, y - step // 10, "*", "r", hp, head=True, lo=LC[0], hi=LC[1])
                y += step * 3 // 4 + step // 8
            else:
                rl = max(160, round(widest / 3))
                self.page.ops.append(("rule", lcx - rl // 2, y - step + 22, lcx + rl // 2, y - step + 22, 3, "ink"))
                y += step // 4
            y += step // 4
            so_y = y
            so_x = self.centre(lcx, y, so, "r", hp, head=True, lo=LC[0], hi=LC[1])[0]
            y += step
        if L["date"] == "left":
            date = "%s, %s" % (d["dia_danh"], e5.date_text(d))
            self.draw(so_x, y, date, "r" if typed else "i", hp, head=not typed)
            y += step
        if d["ten_loai"] == "Công văn":
            vpt = hp - 1
            if L.get("vv") == "left":
                x0 = LC[0] + 40
                for line in self.wrap_head(d["trich_yeu_lines"], "i", vpt, LC[1] - x0, True):
                    self.draw(x0, y, line, "i", vpt, head=True)
                    y += round(step * 0.95)
            else:
                for line in self.wrap_head(d["trich_yeu_lines"], "r", vpt, LC[1] - LC[0] - 80, True):
                    self.centre(lcx, y, line, "r", vpt, head=True, lo=LC[0], hi=LC[1])
                    y += round(step * 0.95)
        for mark in (d.get("do_mat"), d.get("do_khan")):
            if mark and mark != "none":
                y += 14
                layer = "markred" if d.get("mark_colour") == "red" else "ink"
                mpt = hp + 1
                mcx = lcx if not inline else LC[0] + 260
                w = self.width(mark, "b", mpt, True)
                framed = d.get("mark_frame", True) or mark != d.get("do_mat")
                if framed:
                    self.page.ops.append(("rect", mcx - w / 2 - 26, y - px(mpt) - 10, mcx + w / 2 + 26, y + 22, 5, layer))
                self.centre(mcx, y, mark, "b", mpt, head=True, layer=layer)
                y += step + 26
        left_bottom = y
        # -- right column: motto, date
        ry = y0
        if L.get("motto_pos") != "top":
            last = None
            for i, (line, st) in enumerate(zip(motto, mstyle)):
                pt = mp if (party or i == 1 or typed) else mp - 0.5
                if L.get("flush") or inline:
                    w = self.width(line, st, pt, True)
                    x = RIGHT - w
                    self.draw(x, ry, line, st, pt, head=True)
                    last = (x, x + w)
                else:
                    last = self.centre(rcx, ry, line, st, pt, head=True, lo=RC[0], hi=RC[1])
                ry += step
            uy = ry - step + 22
            if L.get("motto_rule") == "long":
                self.page.ops.append(("rule", RC[0] + 30, uy, RC[1] - 30, uy, 3, "ink"))
            else:
                self.page.ops.append(("rule", last[0] + (0 if party else 40), uy, last[1] - (0 if party else 40),
                                      uy, 3, "ink"))
        date = "%s, %s" % (d["dia_danh"], e5.date_text(d))
        dst = "r" if typed else "i"
        dpt = hp
        if L["date"] == "level":
            dy = max(so_y, ry + step // 3)
            self.centre(rcx, dy, date, dst, dpt, head=not typed, lo=RC[0], hi=RC[1])
            ry = dy + step
        elif L["date"] == "tall":
            dy = ry + step // 4
            self.centre(rcx, dy, date, dst, dpt, head=not typed, lo=RC[0], hi=RC[1])
            ry = dy + step
        elif L["date"] == "flush":
            dy = max(so_y, ry + step // 3)
            w = self.width(date, dst, dpt, not typed)
            self.draw(RIGHT - w, dy, date, dst, dpt, head=not typed)
            ry = dy + step
        elif L["date"] == "below":
            dy = max(left_bottom, ry) + step // 2
            w = self.width(date, dst, dpt, not typed)
            self.draw(RIGHT - w - round(5 * MM), dy, date, dst, dpt, head=not typed)
            ry = dy + step
            left_bottom = ry
        self.y = max(left_bottom, ry) + step // 2
        self.check_overlap(self.page, first_op, len(self.page.ops), "header")
        # -- type name and trích yếu
        if d["ten_loai"] != "Công văn":
            tpt = L.get("size") if typed else L["title"]
            spt = L.get("size") if typed else L["body"]
            if L.get("titlepage"):
                self.y = max(self.y + px(tpt) * 4, round(H * 0.36))
                spt = spt + 2
            self.y += round(px(tpt) * 0.6)
            self.centre(TEXT_CX, self.y, d["type_line"], "b", tpt)
            self.y += round(px(tpt) * 1.35)
            tst = "b" if typed else L["trich"]
            for line in self.wrap_head(d["trich_yeu_lines"], tst, spt, round(e5.TEXT_W * 0.8)):
                self.centre(TEXT_CX, self.y, line, tst, spt)
                self.y += round(px(spt) * 1.3)
            self.y += 10
            self.page.ops.append(("rule", TEXT_CX - 110, self.y - 30, TEXT_CX + 110, self.y - 30, 3, "ink"))
            self.y += round(px(spt) * 0.9)
            if L.get("titlepage"):
                if d.get("title_foot"):
                    self.centre(TEXT_CX, e5.BOTTOM - px(spt), d["title_foot"], "i", spt)
                self.new_page()
        else:
            self.y += px(self.body_pt())

    # ---- body: a Kính gửi block with a list of recipients ---------------------------
    def paragraph(self, kind, text):
        if kind != "kg":
            return super().paragraph(kind, text)
        pt = self.body_pt()
        lh = self.lh(pt)
        items = text.split("|")
        label = "Kính gửi:"
        x0 = e5.LEFT + round(20 * MM)
        x1 = x0 + self.width(label + " ", "r", pt) + 20
        first = len(self.page.ops)
        for i, item in enumerate(items):
            if not self.room(lh):
                self.new_page()
            if i == 0:
                self.draw(x0, self.y, label, "r", pt, text=False)
                self.draw(x1, self.y, item, "r", pt, text=False)
                self.page.add_text("%s %s" % (label, item))
            else:
                self.draw(x1, self.y, item, "r", pt)
            self.y += lh
        self.check_overlap(self.page, first, len(self.page.ops), "kính gửi")
        self.y += round(px(pt) * 0.4)

    # ---- closing block: seal over the title line, over the name, or between -------------
    def closing(self, c):
        d = self.d
        pt = self.body_pt()
        LEFT, RC = e5.LEFT, e5.RCOL
        if c["kind"] == "ownpage" or not self.room(self.closing_height()):
            self.new_page()
            self.page.closing_only = True
        first = len(self.page.ops)
        self.y += round(px(pt) * 0.6)
        top = self.y
        rcx = (RC[0] + RC[1]) // 2 + round(5 * MM)
        hi = W - round(8 * MM)
        if c.get("noi_nhan"):
            npt = pt - 2 if not self.typed else pt - 1
            nx = max(round(10 * MM), LEFT - round(5 * MM))
            self.draw(nx, top, "Nơi nhận:", "bi" if not self.typed else "r", npt)
            yy = top + round(px(npt) * 1.3)
            for item in c["noi_nhan"]:
                self.draw(nx, yy, item, "r", npt - (0 if self.typed else 1))
                yy += round(px(npt) * 1.2)
            left_bottom = yy
        else:
            left_bottom = top
        yy = top
        for line in c["authority_lines"]:
            self.centre(rcx, yy, line, "b", pt, lo=RC[0] - 60, hi=hi)
            yy += round(px(pt) * 1.3)
        title_y = yy
        self.centre(rcx, yy, c["chuc_vu"], "b", pt, lo=RC[0] - 60, hi=hi)
        name_y = yy + 340
        if c.get("signature", True):
            self.page.ops.append(("signature", rcx + 20, title_y + 170))
        if c.get("seal"):
            at = d.get("seal_at", "mid")
            if at == "title":
                self.page.ops.append(("seal", rcx - 150, title_y - 25, c["seal"]))
            elif at == "name":
                self.page.ops.append(("seal", rcx - 130, name_y - 45, c["seal"]))
            else:
                self.page.ops.append(("seal", rcx - 170, title_y + 150, c["seal"]))
        self.centre(rcx, name_y, c["name"], "b", pt, lo=RC[0] - 60, hi=hi)
        self.check_overlap(self.page, first, len(self.page.ops), "closing")
        self.y = max(left_bottom, name_y) + px(pt) * 2

    # ---- whole document, in its layout's geometry -----------------------------------
    def layout(self):
        geom = geometry(self.L)
        saved = {k: getattr(e5, k) for k in DEFAULT_GEOM}
        for k, v in geom.items():
            setattr(e5, k, v)
        try:
            return super().layout()
        finally:
            for k, v in saved.items():
                setattr(e5, k, v)


# --------------------------------------------------------------------------------------
# Files: eval5's writers, with a per-file resolution (pages drawn at 300 dpi, then resampled)
# --------------------------------------------------------------------------------------

PDF_DATE = time.struct_time((2025, 3, 11, 14, 5, 0, 1, 70, 0))


def save_file(path, fmt, mode, images, dpi):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    first, rest = images[0], images[1:]
    if fmt == "g4":
        imgs = [i.convert("L").point(lambda v: 255 if v >= 150 else 0).convert("1", dither=Image.Dither.NONE)
                for i in images]
        imgs[0].save(path, format="TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={262: 0},
                     save_all=True, append_images=imgs[1:])
    elif fmt == "lzw":
        first.save(path, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True, append_images=rest)
    elif fmt == "png":
        first.save(path, format="PNG", dpi=(dpi, dpi), compress_level=9)
    elif fmt == "jpeg":
        first.save(path, format="JPEG", dpi=(dpi, dpi), quality=38, optimize=True)
    elif fmt == "pdf":
        first.save(path, format="PDF", resolution=float(dpi), save_all=True, append_images=rest,
                   quality=36, title="Hồ sơ (bản quét)", author=None, creator="Scanner",
                   producer="Scanner", creationDate=PDF_DATE, modDate=PDF_DATE)
    else:
        raise ValueError(fmt)
    if fmt in ("g4", "lzw"):
        g.zero_tiff_gaps(path)
    if len(images) > 1 and fmt not in ("g4", "lzw", "pdf"):
        raise SystemExit("%s: %s holds one page" % (path, fmt))


def build_part(part, layout_only=False, verbose=False):
    content = __import__("content_%s" % part)
    docs, hoso_plan = content.documents()
    laid = {}
    for d in docs:
        laid[d["id"]] = Doc6(d, part).layout()
    out_dir = os.path.join(EVAL, part)
    truth_docs = {d["id"]: dict(id=d["id"], ho_so=None, pages=[], so_trang=len(laid[d["id"]])) for d in docs}
    files = []
    text_of = {d["id"]: " %s " % e5.fold(" ".join(t for p in laid[d["id"]] for t in p.text)) for d in docs}
    size_total = 0
    if not layout_only and os.path.isdir(out_dir):
        for root, dirs, fs in os.walk(out_dir, topdown=False):
            for f in fs:
                os.remove(os.path.join(root, f))
            for dd in dirs:
                os.rmdir(os.path.join(root, dd))
    for hs in hoso_plan:
        seq = []
        for did in hs["docs"]:
            truth_docs[did]["ho_so"] = hs["dir"]
            for p in laid[did]:
                seq.append(p)
                if (did, p.n) in hs.get("blank_after", []):
                    seq.append(None)
        wanted = set(hs.get("blank_after", []))
        found = {(p.doc["id"], p.n) for p in seq if p is not None}
        if wanted - found:
            raise SystemExit("%s: blank_after names no page: %s" % (hs["dir"], sorted(wanted - found)))
        for fspec in hs["files"](seq):
            name, fmt, mode, pages = fspec["name"], fspec["fmt"], fspec["mode"], fspec["pages"]
            dpi = fspec.get("dpi", DPI)
            rel = "%s/%s" % (hs["dir"], name)
            images, tpages = [], []
            prev_layers = None
            for k, (p, spec) in enumerate(pages, 1):
                spec = dict(spec, fmt=fmt, mode=mode)
                seed = ("eval6", part, rel, k)
                if not layout_only:
                    img, layers = e5.make_page_image(p, spec, mode == "RGB", seed, bleed_from=prev_layers)
                    if mode == "L" and img.mode != "L":
                        img = img.convert("L")
                    if dpi != DPI:
                        img = img.resize((round(W * dpi / DPI), round(H * dpi / DPI)), Image.Resampling.LANCZOS)
                    images.append(img)
                    prev_layers = layers
                entry = dict(source_page=k, document=p.doc["id"] if p else None,
                             page_in_document=p.n if p else None, blank=p is None,
                             rotation=spec.get("rotation", 0), skew_deg=spec["skew"], dpi=dpi,
                             wear=spec["wear"], text="\n".join(p.text) if p else "",
                             stamp_text=p.stamp_text if p else "", note_text=p.note_text if p else "",
                             closing_only=bool(p and p.closing_only),
                             attachment_page=bool(p and p.attachment))
                tpages.append(entry)
                if p:
                    truth_docs[p.doc["id"]]["pages"].append(dict(source_file=rel, source_page=k))
                    truth_docs[p.doc["id"]].setdefault("_wear", set()).update(spec["wear"])
            size = 0
            if not layout_only:
                path = os.path.join(out_dir, rel)
                save_file(path, fmt, mode, images, dpi)
                size = os.path.getsize(path)
                size_total += size
                if verbose:
                    print("  %s %s %d p %d dpi %.2f MB" % (rel, fmt, len(images), dpi, size / 1e6), flush=True)
            files.append(dict(source_file=rel, format=e5.FORMAT_NAMES[(fmt, mode)], size_bytes=size,
                              pages=tpages))
    for d in docs:
        t = truth_docs[d["id"]]
        if len(t["pages"]) != len(laid[d["id"]]):
            raise SystemExit("%s: %d pages laid out, %d packed" % (d["id"], len(laid[d["id"]]), len(t["pages"])))
        c = d["closing"]
        none = c["kind"] == "none"
        t.update(
            ten_loai=d["ten_loai"], so=d["so"], ky_hieu=d["ky_hieu"], so_ky_hieu=d["so_ky_hieu"],
            ngay_ban_hanh="%04d-%02d-%02d" % d["date"], dia_danh=d["dia_danh"],
            co_quan_ban_hanh=d["co_quan_ban_hanh"], co_quan_ban_hanh_header=" ".join(d["issuer"]),
            co_quan_cap_tren=d.get("co_quan_cap_tren"), trich_yeu=" ".join(d["trich_yeu_lines"]),
            nguoi_ky=None if none else c.get("name"),
            chuc_vu=None if none else c.get("chuc_vu"),
            tham_quyen="none" if none else c.get("tham_quyen", "none"),
            tham_quyen_full="" if none else " ".join(c.get("authority_lines", [])),
            noi_nhan=[] if none else c.get("noi_nhan", []),
            do_mat=d.get("do_mat") or "none", do_khan=d.get("do_khan") or "none",
            format=e5.LAYOUTS[d["layout"]]["fmt"], era="typewritten" if d.get("typed") else "printed",
            layout=d["layout"], face=d["face"], receipt_stamp=bool(d.get("stamp")),
            marginal_note=bool(d.get("notes")), closing=c["kind"],
            attachment=d["attachment"]["kind"] if d.get("attachment") else None,
            codename=d.get("codename"), wear=sorted(t.pop("_wear", set())),
        )
        if t["ten_loai"] == "Công văn":
            t["trich_yeu"] = re.sub(r"^V/v\s+", "", t["trich_yeu"])
        if t["do_mat"] != "none":
            others = " | ".join(v for k, v in text_of.items() if k != d["id"])
            t["distinctive"] = e5.distinctive(d, laid[d["id"]], others)
        else:
            t["distinctive"] = []
    ordered = [truth_docs[d] for hs in hoso_plan for d in hs["docs"]]
    truth = {"part": part, "generator": "sample-scans/eval6/generate.py",
             "never_tune": content.NEVER_TUNE, "documents": ordered, "files": files}
    if not layout_only:
        with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        with open(os.path.join(out_dir, "box.json"), "w", encoding="utf-8") as fh:
            json.dump(content.BOX_JSON, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    return truth, size_total


def check_refused():
    """The face check must refuse a face that lacks Vietnamese letters."""
    letters = e5.VIET_LETTERS + e5.VIET_LETTERS.upper()
    for name, face in REFUSED_FACES.items():
        missing = [ch for ch in letters if not e5.has_glyph(face["r"], ch)]
        if not missing:
            raise SystemExit("expected %s to lack Vietnamese letters" % name)


def summary(truth, size):
    s = e5.summary(truth, size)
    new = sorted({d["layout"] for d in truth["documents"]} & set(NEW_LAYOUT_NAMES))
    return s + "; new layouts %s" % new


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    layout_only = "--layout-only" in sys.argv
    verbose = "-v" in sys.argv
    e5.check_face_coverage()
    check_refused()
    parts = args or ["tune6", "sealed6"]
    for part in parts:
        t0 = time.time()
        truth, size = build_part(part, layout_only, verbose)
        print(summary(truth, size), "(%.0f s)" % (time.time() - t0), flush=True)


if __name__ == "__main__":
    main()
