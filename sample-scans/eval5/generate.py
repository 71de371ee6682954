#!/usr/bin/env python3
"""Generate the eval5 evaluation parts, `sample-scans/eval/tune5` and `sample-scans/eval/sealed5`.

Written from the document rules in /work/shared/DESIGN.md §3 (Party format after Quy định
66-QĐ/TW and Hướng dẫn 36-HD/VPTW, State format after Nghị định 30/2020/NĐ-CP, độ mật / độ khẩn
marks, the withholding policy) and §4 (catalog field names), by someone who has not read the
segmentation / classification code of the pipeline. The scan mechanics (seals, signatures, wear,
TIFF byte clean-up) are imported from `../generate.py`, the box-01 generator; the layout, the
receipt stamps, the marks, the handwriting and the file packing are here. Each part's wording,
issuers and hồ sơ plan are in its own file: `content_tune5.py`, `content_sealed5.py`.

    python3 sample-scans/eval5/generate.py              # both parts
    python3 sample-scans/eval5/generate.py tune5         # one part
    python3 sample-scans/eval5/generate.py --layout-only # paginate and check, write nothing
    python3 sample-scans/eval5/generate.py --truth-only  # rewrite truth.json from the layout only

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
import math  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCANS = os.path.dirname(HERE)
EVAL = os.path.join(SCANS, "eval")
sys.path.insert(0, HERE)


def _load_box01():
    spec = importlib.util.spec_from_file_location("box01_generate", os.path.join(SCANS, "generate.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.find_fonts()           # its seal ring text uses Liberation Sans Bold
    return mod


g = _load_box01()

W, H = g.W, g.H               # A4 at 300 dpi
DPI = 300
MM = DPI / 25.4
LEFT = round(30 * MM)
RIGHT = W - round(15 * MM)
TOP = round(20 * MM)
BOTTOM = H - round(20 * MM)
TEXT_W = RIGHT - LEFT
TEXT_CX = (LEFT + RIGHT) // 2
# header columns: issuer on the left, motto on the right (Hướng dẫn 36 / Nghị định 30)
LCOL = (round(12 * MM), round(100 * MM))
RCOL = (round(98 * MM), W - round(10 * MM))


def px(pt):
    return round(pt * DPI / 72)


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------
# Typefaces. Each face maps r/b/i/bi to a file; a face without a glyph for a character it
# would draw is refused (`check_glyphs`).
# --------------------------------------------------------------------------------------

LIB = "/usr/share/fonts/truetype/liberation2/"
FREE = "/usr/share/fonts/truetype/freefont/"
NOTO = "/usr/share/fonts/truetype/noto/"
DJ = "/usr/share/fonts/truetype/dejavu/"
FACES = {
    "Liberation Serif": dict(r=LIB + "LiberationSerif-Regular.ttf", b=LIB + "LiberationSerif-Bold.ttf",
                             i=LIB + "LiberationSerif-Italic.ttf", bi=LIB + "LiberationSerif-BoldItalic.ttf"),
    "FreeSerif": dict(r=FREE + "FreeSerif.ttf", b=FREE + "FreeSerifBold.ttf", i=FREE + "FreeSerifItalic.ttf",
                      bi=FREE + "FreeSerifBoldItalic.ttf"),
    "Noto Serif": dict(r=NOTO + "NotoSerif-Regular.ttf", b=NOTO + "NotoSerif-Bold.ttf",
                       i=NOTO + "NotoSerif-Italic.ttf", bi=NOTO + "NotoSerif-BoldItalic.ttf"),
    "DejaVu Serif Condensed": dict(r=DJ + "DejaVuSerifCondensed.ttf", b=DJ + "DejaVuSerifCondensed-Bold.ttf",
                                   i=DJ + "DejaVuSerifCondensed-Italic.ttf",
                                   bi=DJ + "DejaVuSerifCondensed-BoldItalic.ttf"),
    "Liberation Sans": dict(r=LIB + "LiberationSans-Regular.ttf", b=LIB + "LiberationSans-Bold.ttf",
                            i=LIB + "LiberationSans-Italic.ttf", bi=LIB + "LiberationSans-BoldItalic.ttf"),
    "Noto Sans": dict(r=NOTO + "NotoSans-Regular.ttf", b=NOTO + "NotoSans-Bold.ttf",
                      i=NOTO + "NotoSans-Italic.ttf", bi=NOTO + "NotoSans-BoldItalic.ttf"),
    # typewriter faces (monospaced); bold is a double strike of the regular face
    "FreeMono": dict(r=FREE + "FreeMono.ttf", mono=True),
    "Liberation Mono": dict(r=LIB + "LiberationMono-Regular.ttf", mono=True),
    "Noto Sans Mono": dict(r=NOTO + "NotoSansMono-Regular.ttf", mono=True),
}
HAND_FONT = FREE + "FreeSerifItalic.ttf"      # handwriting: jittered, slanted, pen ink
STAMP_FONT = LIB + "LiberationSans-Bold.ttf"  # receipt stamp's fixed letters
_fonts = {}
_glyph_ok = {}


def font(path, size):
    k = (path, size)
    if k not in _fonts:
        if not os.path.isfile(path):
            sys.exit("generate.py: missing font %s (Debian: fonts-liberation2, fonts-freefont-ttf, "
                     "fonts-noto-core, fonts-noto-mono, fonts-dejavu-core, fonts-dejavu-extra)" % path)
        _fonts[k] = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return _fonts[k]


def has_glyph(path, ch):
    """Whether the font draws `ch` as something else than its missing-glyph box."""
    k = (path, ch)
    if k not in _glyph_ok:
        f = font(path, 40)

        def ink(c):
            im = Image.new("L", (90, 90), 0)
            ImageDraw.Draw(im).text((10, 70), c, font=f, fill=255, anchor="ls")
            return im.tobytes()
        _glyph_ok[k] = ink(ch) != ink("\U0010fffd")
    return _glyph_ok[k]


def check_glyphs(path, s, where):
    for ch in s:
        if ch.isspace():
            continue
        if not has_glyph(path, ch):
            raise SystemExit("%s: font %s has no glyph for %r: refusing it" % (where, path, ch))


VIET_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữự"
                "yỳýỷỹỵđ")


def check_face_coverage():
    """Every face must draw every Vietnamese letter, lower and upper case."""
    letters = VIET_LETTERS + VIET_LETTERS.upper()
    for name, face in FACES.items():
        for key in ("r", "b", "i", "bi"):
            if key in face:
                check_glyphs(face[key], letters, "face %s (%s)" % (name, key))
    check_glyphs(HAND_FONT, letters, "handwriting")
    check_glyphs(STAMP_FONT, letters, "stamp")


# --------------------------------------------------------------------------------------
# Layouts. A layout is where the header parts go and at which sizes; the face is chosen per
# document. `fmt` party: ĐẢNG CỘNG SẢN VIỆT NAM; state: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.
# --------------------------------------------------------------------------------------

LAYOUTS = {
    # Hướng dẫn 36: issuer + `*` left, motto right, date level with the số, right column
    "p-hd36": dict(fmt="party", hdr=14, motto=15, star=True, date="level", title=16, trich="b",
                   body=14, lead=1.42, pno="top", colon=False),
    # date on its own row under the header, no star, trích yếu bold italic, numbers at the bottom
    "p-below": dict(fmt="party", hdr=13, motto=14, star=False, date="below", title=15, trich="bi",
                    body=13, lead=1.5, pno="bottom", colon=True),
    # smaller print, tighter lines, `Số:` with a colon
    "p-compact": dict(fmt="party", hdr=12, motto=13, star=True, date="level", title=14, trich="b",
                      body=12, lead=1.35, pno="top", colon=True),
    # motto and date flush with the right margin
    "p-flush": dict(fmt="party", hdr=13, motto=14, star=True, date="flush", title=15, trich="b",
                    body=13, lead=1.45, pno="top", colon=False, flush=True),
    # header in a sans face (the document's face for the body)
    "p-sanshead": dict(fmt="party", hdr=13, motto=14, star=True, date="level", title=16, trich="b",
                       body=13.5, lead=1.45, pno="top", colon=True, head_face="Liberation Sans"),
    # the date right under the motto's rule, whatever the left column holds
    "p-tall": dict(fmt="party", hdr=13.5, motto=14.5, star=True, date="tall", title=15, trich="b",
                   body=13.5, lead=1.5, pno="top", colon=True),
    # typewritten, pica (12 pt), double spacing
    "p-typed": dict(fmt="party", typed=True, size=12, lead=1.9, star=True, date="level", pno="dash",
                    colon=False),
    # typewritten, elite (10 pt), 1.6 spacing, date below
    "p-typed-elite": dict(fmt="party", typed=True, size=10.5, lead=1.65, star=True, date="below",
                          pno="dash", colon=True),
    # Nghị định 30/2020: issuer left with a short rule under it, `Số: …/QĐ-UBND`, motto right
    "s-nd30": dict(fmt="state", hdr=13, motto=13, date="level", title=14, trich="b", body=14,
                   lead=1.42, pno="top", colon=True),
    # State, smaller and the date under the motto's rule
    "s-below": dict(fmt="state", hdr=12, motto=12.5, date="below", title=14, trich="b", body=13,
                    lead=1.4, pno="bottom", colon=True),
    # older State documents, typewritten
    "s-typed": dict(fmt="state", typed=True, size=12, lead=1.85, date="level", pno="dash", colon=True),
    # State in a sans face throughout, date flush right
    "s-flush": dict(fmt="state", hdr=12.5, motto=12.5, date="flush", title=14, trich="b", body=13,
                    lead=1.45, pno="top", colon=True, flush=True),
}


# --------------------------------------------------------------------------------------
# Page model
# --------------------------------------------------------------------------------------

class Page:
    def __init__(self, doc, n):
        self.doc = doc
        self.n = n                 # page in document, 1-based
        self.ops = []
        self.text = []             # printed lines in reading order
        self.stamp_text = ""
        self.note_text = ""
        self.closing_only = False
        self.attachment = False

    def add_text(self, s):
        self.text.append(s)


class Doc:
    """Lays one document out on pages."""

    def __init__(self, d, part):
        self.d = d
        self.part = part
        self.L = LAYOUTS[d["layout"]]
        self.typed = bool(self.L.get("typed"))
        face = FACES[d["face"]]
        if self.typed != bool(face.get("mono")):
            raise SystemExit("%s: layout %s needs a %s face, not %s" % (
                d["id"], d["layout"], "typewriter" if self.typed else "print", d["face"]))
        self.face = face
        hf = self.L.get("head_face")
        self.hface = FACES[hf] if hf else face
        self.pages = []
        self.page = None
        self.y = 0

    # ---- fonts and drawing ----------------------------------------------------------
    def f(self, style, pt, head=False):
        face = self.hface if head else self.face
        path = face.get(style) or face["r"]
        return path, px(pt)

    def width(self, s, style, pt, head=False):
        path, size = self.f(style, pt, head)
        if self.typed:
            return font(path, size).getlength("M") * len(s)
        return font(path, size).getlength(s)

    def draw(self, x, base, s, style, pt, head=False, layer="ink", text=True):
        s = nfc(s)
        path, size = self.f(style, pt, head)
        check_glyphs(path, s, "%s p%d" % (self.d["id"], self.page.n))
        if self.typed:
            self.page.ops.append(("typed", x, base, s, path, size, style in ("b", "bi"), layer))
        else:
            self.page.ops.append(("text", x, base, s, path, size, layer))
        if x < 0 or x + self.width(s, style, pt, head) > W - round(8 * MM):
            raise SystemExit("%s p%d: %r leaves the page" % (self.d["id"], self.page.n, s))
        if text:
            self.page.add_text(s)

    def centre(self, cx, base, s, style, pt, head=False, layer="ink", text=True, lo=0, hi=W):
        w = self.width(s, style, pt, head)
        x = cx - w / 2
        if x < lo - 1 or x + w > hi + 1:
            raise SystemExit("%s: %r (%d px) does not fit its column %d-%d" % (
                self.d["id"], s, w, lo, hi))
        self.draw(x, base, s, style, pt, head, layer, text)
        return x, x + w

    def lh(self, pt):
        return round(px(pt) * (self.L["lead"]))

    # ---- pages ------------------------------------------------------------------------
    def new_page(self):
        p = Page(self.d, len(self.pages) + 1)
        self.pages.append(p)
        self.page = p
        self.y = TOP + px(self.body_pt())
        if p.n > 1:
            self.page_number(p)
        return p

    def body_pt(self):
        return self.L.get("size") or self.L["body"]

    def page_number(self, p):
        style = self.L["pno"]
        pt = self.body_pt()
        if style == "bottom":
            s = str(p.n)
            self.centre(TEXT_CX, BOTTOM + px(pt) + 20, s, "r", pt - 1)
        elif style == "dash":
            self.centre(TEXT_CX, TOP - 20, "- %d -" % p.n, "r", pt)
            self.y = TOP + 2 * px(pt)
        else:
            self.centre(TEXT_CX, TOP - 40, str(p.n), "r", pt)
            self.y = TOP + round(1.4 * px(pt))

    def room(self, h):
        return self.y + h <= BOTTOM

    # ---- first page -------------------------------------------------------------------
    def header(self):
        d, L = self.d, self.L
        party = L["fmt"] == "party"
        typed = self.typed
        hp = L.get("size") if typed else L["hdr"]
        mp = L.get("size") if typed else L["motto"]
        lcx = (LCOL[0] + LCOL[1]) // 2
        rcx = (RCOL[0] + RCOL[1]) // 2
        step = round(px(hp) * (1.3 if typed else 1.22))
        y0 = TOP + px(hp) + 10
        # -- left column: superior body, issuer, star / rule, số, V/v
        y = y0
        if d.get("superior"):
            for line in d["superior"]:
                self.centre(lcx, y, line, "r", hp, head=True, lo=LCOL[0], hi=LCOL[1])
                y += step
        widest = 0
        for line in d["issuer"]:
            a, b = self.centre(lcx, y, line, "b", hp, head=True, lo=LCOL[0], hi=LCOL[1])
            widest = max(widest, b - a)
            y += step
        if party and L.get("star"):
            self.centre(lcx, y - step // 4, "*", "r", hp, head=True, lo=LCOL[0], hi=LCOL[1])
            y += step * 3 // 4
        else:
            rl = max(160, round(widest / 3))
            self.page.ops.append(("rule", lcx - rl // 2, y - step + 22, lcx + rl // 2, y - step + 22, 3, "ink"))
            y += step // 4
        colon = ":" if L.get("colon") else ""
        so = "Số%s %s" % (colon, d["so_ky_hieu"])
        if not d["so"]:
            so = "Số%s      %s" % (colon, d["so_ky_hieu"])
        y += step // 4
        so_y = y
        self.centre(lcx, y, so, "r", hp, head=True, lo=LCOL[0], hi=LCOL[1])
        y += step
        if d["ten_loai"] == "Công văn":
            vpt = hp - 1
            for line in self.wrap_head(d["trich_yeu_lines"], "r", vpt, LCOL[1] - LCOL[0] - 80, True):
                self.centre(lcx, y, line, "r", vpt, head=True, lo=LCOL[0], hi=LCOL[1])
                y += round(step * 0.95)
        # marks in frames under the số ký hiệu
        for mark in (d.get("do_mat"), d.get("do_khan")):
            if mark and mark != "none":
                y += 14
                layer = "markred" if d.get("mark_colour") == "red" else "ink"
                mpt = hp + 1
                w = self.width(mark, "b", mpt, True)
                x0 = lcx - w / 2 - 26
                x1 = lcx + w / 2 + 26
                self.page.ops.append(("rect", x0, y - px(mpt) - 10, x1, y + 22, 5, layer))
                self.centre(lcx, y, mark, "b", mpt, head=True, layer=layer)
                y += step + 26
        left_bottom = y
        # -- right column: motto, date
        ry = y0
        if party:
            motto = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
            mstyle = ["b"]
        else:
            motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
            mstyle = ["b", "b"]
        last = None
        for i, (line, st) in enumerate(zip(motto, mstyle)):
            pt = mp if (party or i == 1 or typed) else mp - 0.5
            if L.get("flush"):
                w = self.width(line, st, pt, True)
                x = RIGHT - w
                self.draw(x, ry, line, st, pt, head=True)
                last = (x, x + w)
            else:
                last = self.centre(rcx, ry, line, st, pt, head=True, lo=RCOL[0], hi=RCOL[1])
            ry += step
        # underline of the motto's last line (drawn, not text)
        uy = ry - step + 22
        self.page.ops.append(("rule", last[0] + (0 if party else 40), uy, last[1] - (0 if party else 40), uy, 3, "ink"))
        date = "%s, %s" % (d["dia_danh"], date_text(d))
        dst = "r" if typed else "i"
        dpt = hp
        if L["date"] == "level":
            dy = max(so_y, ry + step // 3)
            self.centre(rcx, dy, date, dst, dpt, head=not typed, lo=RCOL[0], hi=RCOL[1])
            ry = dy + step
        elif L["date"] == "tall":
            dy = ry + step // 4
            self.centre(rcx, dy, date, dst, dpt, head=not typed, lo=RCOL[0], hi=RCOL[1])
            ry = dy + step
        elif L["date"] == "flush":
            dy = max(so_y, ry + step // 3)
            w = self.width(date, dst, dpt, not typed)
            self.draw(RIGHT - w, dy, date, dst, dpt, head=not typed)
            ry = dy + step
        else:   # below: its own row under both columns, right-aligned
            dy = max(left_bottom, ry) + step // 2
            w = self.width(date, dst, dpt, not typed)
            self.draw(RIGHT - w - round(5 * MM), dy, date, dst, dpt, head=not typed)
            ry = dy + step
            left_bottom = ry
        self.y = max(left_bottom, ry) + step // 2
        # -- type name and trích yếu
        if d["ten_loai"] != "Công văn":
            tpt = L.get("size") if typed else L["title"]
            self.y += round(px(tpt) * 0.6)
            self.centre(TEXT_CX, self.y, d["type_line"], "b", tpt)
            self.y += round(px(tpt) * 1.35)
            spt = L.get("size") if typed else L["body"]
            tst = "b" if typed else L["trich"]
            for line in self.wrap_head(d["trich_yeu_lines"], tst, spt, round(TEXT_W * 0.8)):
                self.centre(TEXT_CX, self.y, line, tst, spt)
                self.y += round(px(spt) * 1.3)
            self.y += 10
            self.page.ops.append(("rule", TEXT_CX - 110, self.y - 30, TEXT_CX + 110, self.y - 30, 3, "ink"))
            self.y += round(px(spt) * 0.9)
        else:
            self.y += px(self.body_pt())

    # ---- body -------------------------------------------------------------------------
    def wrap_head(self, lines, style, pt, width, head=False):
        """The trích yếu re-wrapped to a width in pixels (the truth joins its lines anyway)."""
        words = " ".join(lines).split()
        out, cur = [], []
        for w in words:
            if cur and self.width(" ".join(cur + [w]), style, pt, head) > width:
                out.append(" ".join(cur))
                cur = [w]
            else:
                cur.append(w)
        out.append(" ".join(cur))
        return out

    def wrap(self, words, style, pt, width):
        lines, cur = [], []
        for w in words:
            trial = " ".join(cur + [w])
            if cur and self.width(trial, style, pt) > width:
                lines.append(cur)
                cur = [w]
            else:
                cur.append(w)
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, kind, text):
        """kind: p (justified, indented), h (bold heading), c (centred bold), i (italic, indented),
        k (Kính gửi: centred regular), l (list line, left, no indent)."""
        pt = self.body_pt()
        style = {"p": "r", "h": "b", "c": "b", "i": "i", "k": "r", "l": "r", "hi": "bi"}[kind]
        if self.typed:
            style = "b" if kind in ("h", "c") else "r"
        indent = round(12.7 * MM) if kind in ("p", "i", "h", "hi") else 0
        lh = self.lh(pt)
        words = nfc(text).split()
        first_w = TEXT_W - indent
        lines = self.wrap(words, style, pt, first_w)
        # re-wrap lines after the first at full width
        if len(lines) > 1:
            rest = [w for line in lines[1:] for w in line]
            lines = lines[:1] + self.wrap(rest, style, pt, TEXT_W)
        for i, line in enumerate(lines):
            if not self.room(lh):
                self.new_page()
            s = " ".join(line)
            if kind in ("c", "k"):
                self.centre(TEXT_CX, self.y, s, style, pt)
            else:
                x = LEFT + (indent if i == 0 else 0)
                width = TEXT_W - (indent if i == 0 else 0)
                last = i == len(lines) - 1
                if self.typed or last or len(line) == 1 or kind == "l":
                    self.draw(x, self.y, s, style, pt)
                else:
                    self.justify(x, self.y, line, style, pt, width)
            self.y += lh
        self.y += round(px(pt) * 0.25)

    def justify(self, x, base, words, style, pt, width):
        path, size = self.f(style, pt)
        f = font(path, size)
        total = sum(f.getlength(w) for w in words)
        gap = (width - total) / (len(words) - 1)
        if gap > f.getlength(" ") * 3:
            gap = f.getlength(" ")
        check_glyphs(path, " ".join(words), self.d["id"])
        cx = x
        for w in words:
            self.page.ops.append(("text", cx, base, w, path, size, "ink"))
            cx += f.getlength(w) + gap
        self.page.add_text(" ".join(words))

    # ---- closing block ----------------------------------------------------------------
    def closing_height(self):
        c = self.d["closing"]
        pt = self.body_pt()
        right = (len(c["authority_lines"]) + 2) * px(pt) * 1.3 + 330
        left = (len(c.get("noi_nhan", [])) + 1) * px(pt - 2) * 1.25
        return round(max(right, left)) + 40

    def closing(self, c):
        d = self.d
        pt = self.body_pt()
        if c["kind"] == "ownpage" or not self.room(self.closing_height()):
            self.new_page()
            self.page.closing_only = True
        self.y += round(px(pt) * 0.6)
        top = self.y
        rcx = (RCOL[0] + RCOL[1]) // 2 + round(5 * MM)
        # left: Nơi nhận
        if c.get("noi_nhan"):
            npt = pt - 2 if not self.typed else pt - 1
            self.draw(LEFT - round(5 * MM), top, "Nơi nhận:", "bi" if not self.typed else "r", npt)
            yy = top + round(px(npt) * 1.3)
            for item in c["noi_nhan"]:
                self.draw(LEFT - round(5 * MM), yy, item, "r", npt - (0 if self.typed else 1))
                yy += round(px(npt) * 1.2)
            left_bottom = yy
        else:
            left_bottom = top
        # right: authority, title, signature and seal, name
        yy = top
        for line in c["authority_lines"]:
            self.centre(rcx, yy, line, "b", pt, lo=RCOL[0] - 60, hi=W - round(8 * MM))
            yy += round(px(pt) * 1.3)
        title_y = yy
        self.centre(rcx, yy, c["chuc_vu"], "b", pt, lo=RCOL[0] - 60, hi=W - round(8 * MM))
        name_y = yy + 340
        if c.get("signature", True):
            self.page.ops.append(("signature", rcx + 20, title_y + 170))
        if c.get("seal"):
            self.page.ops.append(("seal", rcx - 170, title_y + 150, c["seal"]))
        self.centre(rcx, name_y, c["name"], "b", pt, lo=RCOL[0] - 60, hi=W - round(8 * MM))
        self.y = max(left_bottom, name_y) + px(pt) * 2

    # ---- attachment -------------------------------------------------------------------
    def attachment(self, a):
        self.new_page()
        self.page.attachment = True
        pt = self.body_pt()
        for line in a["title_lines"]:
            self.centre(TEXT_CX, self.y, line, "b", pt + 1)
            self.y += round(px(pt + 1) * 1.35)
        for line in a["sub_lines"]:
            self.centre(TEXT_CX, self.y, line, "i" if not self.typed else "r", pt - 1)
            self.y += round(px(pt - 1) * 1.3)
        self.y += px(pt)
        for kind, text in a["body"]:
            self.paragraph(kind, text)

    # ---- whole document ---------------------------------------------------------------
    def layout(self):
        d = self.d
        self.new_page()
        self.header()
        for kind, text in d["body"]:
            self.paragraph(kind, text)
        if d["closing"]["kind"] != "none":
            self.closing(d["closing"])
        if d.get("attachment"):
            self.attachment(d["attachment"])
        # extras on the first page: receipt stamp, marginal note
        first = self.pages[0]
        if d.get("stamp"):
            st = d["stamp"]
            first.ops.append(("stamp", st))
            first.stamp_text = "\n".join(st["lines"])
        for n, note in d.get("notes", []):
            p = self.pages[min(n, len(self.pages)) - 1]
            p.ops.append(("note", note))
            p.note_text = (p.note_text + "\n" if p.note_text else "") + note["text"]
        if len(self.pages) != d.get("expect_pages", len(self.pages)):
            raise SystemExit("%s: %d pages, planned %d" % (d["id"], len(self.pages), d["expect_pages"]))
        return self.pages


def date_text(d):
    y, m, dd = d["date"]
    st = d.get("date_style", "words")
    if st == "padded":
        return "ngày %02d tháng %02d năm %d" % (dd, m, y)
    if st == "dashed":
        return "ngày %d-%d-%d" % (dd, m, y)
    if st == "slash":
        return "ngày %d/%d/%d" % (dd, m, y)
    return "ngày %d tháng %d năm %d" % (dd, m, y)


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------

PEN_RGB = (28, 50, 150)
PEN_GRAY = 75
SEAL_RGB = (205, 30, 42)
SEAL_GRAY = 105
STAMP_RGB = (100, 52, 150)     # violet receipt-stamp ink
STAMP_GRAY = 100
INK_RGB = (22, 22, 28)
INK_GRAY = 20
PAPER_RGB = (247, 245, 238)
PAPER_GRAY = 246


def draw_typed(d, op, rng):
    _, x, base, s, path, size, bold, _layer = op
    f = font(path, size)
    adv = f.getlength("M")
    dy = rng.gauss(0, 1.3)
    for i, ch in enumerate(s):
        if ch == " ":
            continue
        strength = max(100, min(255, round(rng.gauss(215, 28))))
        if rng.random() < 0.03:
            strength = rng.randint(85, 130)
        cx = x + i * adv + rng.gauss(0, 0.9)
        cy = base + dy + rng.gauss(0, 0.8)
        d.text((cx, cy), ch, font=f, fill=strength, anchor="ls")
        if bold:
            d.text((cx + 2.5, cy), ch, font=f, fill=strength, anchor="ls")


def hand_text(layer, x, base, s, size, angle, rng):
    """Handwriting-looking text: slanted italic, letters bobbing, pressure varying, rotated."""
    f = font(HAND_FONT, size)
    wpx = round(f.getlength(s)) + 80
    im = Image.new("L", (wpx, size * 2 + 40), 0)
    d = ImageDraw.Draw(im)
    cx = 30
    for ch in s:
        if ch != " ":
            fill = max(150, min(255, round(rng.gauss(225, 20))))
            d.text((cx, size + 20 + rng.gauss(0, 2.5)), ch, font=f, fill=fill, anchor="ls")
        cx += f.getlength(ch) * rng.uniform(0.97, 1.08)
    im = im.filter(ImageFilter.MaxFilter(3))
    im = im.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    layer.paste(255, (round(x), round(base - size - 20)), im)


def draw_stamp(stamp_layer, pen_layer, st, rng):
    """Receipt stamp: a violet frame with the receiving office, ĐẾN, Số: and Ngày: printed and
    the number and date written in by hand."""
    x, y = st["x"], st["y"]
    w, h = 640, 300
    lay = Image.new("L", (w + 40, h + 40), 0)
    d = ImageDraw.Draw(lay)
    d.rectangle((20, 20, 20 + w, 20 + h), outline=255, width=6)
    fb = font(STAMP_FONT, 36)
    office, den, so, ngay = st["office"], "ĐẾN", "Số:", "Ngày:"
    d.text((20 + w // 2, 70), office, font=fb, fill=255, anchor="ms")
    d.text((50, 170), den, font=font(STAMP_FONT, 62), fill=255, anchor="ls")
    d.text((230, 140), so, font=fb, fill=255, anchor="ls")
    d.text((230, 215), ngay, font=fb, fill=255, anchor="ls")
    d.text((50, 290), "Chuyển:", font=font(STAMP_FONT, 30), fill=255, anchor="ls")
    ink = g.mottle(rng, lay.size, 20, 80).point(lambda v: min(255, v + 80))
    lay = ImageChops.multiply(lay, ink)
    lay = lay.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC)
    stamp_layer.paste(255, (x - 20, y - 20), lay)
    hand_text(pen_layer, x + 310, y + 120, st["number"], 52, rng.uniform(-3, 3), rng)
    hand_text(pen_layer, x + 340, y + 196, st["date"], 48, rng.uniform(-3, 3), rng)


def render_layers(page, seed):
    rng = g.rng_for("eval5-render", seed)
    layers = {k: Image.new("L", (W, H), 0) for k in ("ink", "pen", "seal", "stamp", "markred")}
    draws = {k: ImageDraw.Draw(v) for k, v in layers.items()}
    typed = False
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, base, s, path, size, layer = op
            draws[layer].text((x, base), s, font=font(path, size), fill=255, anchor="ls")
        elif kind == "typed":
            draw_typed(draws[op[7]], op, rng)
            typed = True
        elif kind == "rule":
            _, x0, y0, x1, y1, w, layer = op
            draws[layer].line((x0, y0, x1, y1), fill=255, width=w)
        elif kind == "rect":
            _, x0, y0, x1, y1, w, layer = op
            draws[layer].rectangle((x0, y0, x1, y1), outline=255, width=w)
        elif kind == "signature":
            g.draw_signature(layers["pen"], op[1], op[2], rng)
        elif kind == "seal":
            g.draw_seal(layers["seal"], op[1], op[2], op[3], rng)
        elif kind == "stamp":
            draw_stamp(layers["stamp"], layers["pen"], op[1], rng)
        elif kind == "note":
            n = op[1]
            hand_text(layers["pen"], n["x"], n["y"], n["text"], n.get("size", 56), n.get("angle", 4), rng)
            if n.get("underline"):
                yy = n["y"] + 18
                draws["pen"].line((n["x"], yy, n["x"] + 420, yy - 14), fill=230, width=5)
    if typed:
        grain = g.noise_image(rng, (W, H), 40).point(lambda v: min(255, v + 100))
        layers["ink"] = ImageChops.multiply(layers["ink"], grain.filter(ImageFilter.GaussianBlur(0.7)))
    return layers


def compose(layers, colour):
    if colour:
        img = Image.new("RGB", (W, H), PAPER_RGB)
        img.paste(INK_RGB, (0, 0), layers["ink"])
        img.paste(STAMP_RGB, (0, 0), layers["stamp"].point(lambda v: v * 85 // 100))
        img.paste(PEN_RGB, (0, 0), layers["pen"])
        red = Image.new("RGB", (W, H), (255, 255, 255))
        red.paste(SEAL_RGB, (0, 0), ImageChops.lighter(layers["seal"].point(lambda v: v * 85 // 100),
                                                        layers["markred"]))
        return ImageChops.multiply(img, red)
    img = Image.new("L", (W, H), PAPER_GRAY)
    img.paste(INK_GRAY, (0, 0), layers["ink"])
    img.paste(STAMP_GRAY, (0, 0), layers["stamp"].point(lambda v: v * 85 // 100))
    img.paste(PEN_GRAY, (0, 0), layers["pen"])
    red = Image.new("L", (W, H), 255)
    red.paste(SEAL_GRAY, (0, 0), ImageChops.lighter(layers["seal"].point(lambda v: v * 85 // 100),
                                                     layers["markred"]))
    return ImageChops.multiply(img, red)


def make_page_image(page, spec, colour, seed, bleed_from=None):
    """One page with its wear: L or RGB at 300 dpi."""
    rng = g.rng_for("eval5-wear", seed)
    wear = spec["wear"]
    if page is None:      # blank back of a duplex scan: the front shows through faintly
        img = Image.new("RGB" if colour else "L", (W, H), PAPER_RGB if colour else PAPER_GRAY)
        if bleed_from is not None:
            ghost = ImageOps.mirror(bleed_from["ink"]).filter(ImageFilter.GaussianBlur(6))
            ghost = ghost.point(lambda v: v * 18 // 255)
            img = ImageChops.subtract(img, ghost.convert(img.mode))
        layers = None
    else:
        layers = render_layers(page, seed)
        img = compose(layers, colour)
    typed = page is not None and page.doc.get("typed")
    if typed or "aged_paper" in wear:
        img = g.wear_aged(img, rng)
    if "faded" in wear:
        img = g.wear_faded(img, rng)
    if "photocopy" in wear:
        img = g.wear_photocopy(img, rng)
    if "punch_holes" in wear:
        img = g.wear_punch_holes(img)
    fill = img.getpixel((W // 2, 8))
    if spec["skew"]:
        img = img.rotate(spec["skew"], resample=Image.Resampling.BICUBIC, fillcolor=fill)
    if spec.get("rotation") == 180:
        img = img.transpose(Image.Transpose.ROTATE_180)
    img = img.filter(ImageFilter.GaussianBlur(1.3 if "blur" in wear else 0.55))
    lossless = spec["fmt"] in ("png", "lzw")
    # no sensor noise unless the page's wear says "noise": grain costs JPEG and PNG bytes dearly
    img = g.levels(img, 250 if ("photocopy" in wear or typed or "aged_paper" in wear) else 238)
    if "noise" in wear:
        img = g.add_signed(img, g.noise_image(rng, img.size, 40.0 if spec["mode"] == "1" else
                                              (3.0 if lossless else 4.0)))
    if "salt_pepper" in wear:
        img = g.wear_salt_pepper(img, rng, DPI)
    if lossless:
        # scanners' "text" modes flatten the paper: keeps lossless pages to a sane size
        lut = [min(255, (v + 8) // 16 * 16) for v in range(256)]
        img = img.point(lut * (3 if img.mode == "RGB" else 1))
    return img, layers


# --------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------

FORMAT_NAMES = {
    ("g4", "1"): "TIFF, 1-bit, CCITT Group 4",
    ("lzw", "RGB"): "TIFF, 24-bit RGB, LZW",
    ("lzw", "L"): "TIFF, 8-bit grayscale, LZW",
    ("png", "RGB"): "PNG, 24-bit RGB",
    ("png", "L"): "PNG, 8-bit grayscale",
    ("jpeg", "RGB"): "JPEG, 24-bit colour",
    ("jpeg", "L"): "JPEG, 8-bit grayscale",
    ("pdf", "RGB"): "PDF, image-only (DCT, 24-bit colour)",
    ("pdf", "L"): "PDF, image-only (DCT, grayscale)",
}
PDF_DATE = time.struct_time((2024, 9, 3, 9, 15, 0, 1, 247, 0))


def save_file(path, fmt, mode, images):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    first, rest = images[0], images[1:]
    dpi = (DPI, DPI)
    if fmt == "g4":
        imgs = [i.convert("L").point(lambda v: 255 if v >= 150 else 0).convert("1", dither=Image.Dither.NONE)
                for i in images]
        imgs[0].save(path, format="TIFF", compression="group4", dpi=dpi, tiffinfo={262: 0},
                     save_all=True, append_images=imgs[1:])
    elif fmt == "lzw":
        first.save(path, format="TIFF", compression="tiff_lzw", dpi=dpi, save_all=True, append_images=rest)
    elif fmt == "png":
        first.save(path, format="PNG", dpi=dpi, compress_level=9)
    elif fmt == "jpeg":
        first.save(path, format="JPEG", dpi=dpi, quality=40, optimize=True)
    elif fmt == "pdf":
        first.save(path, format="PDF", resolution=float(DPI), save_all=True, append_images=rest,
                   quality=40, title="Hồ sơ (bản quét)", author=None, creator="Scanner",
                   producer="Scanner", creationDate=PDF_DATE, modDate=PDF_DATE)
    else:
        raise ValueError(fmt)
    if fmt in ("g4", "lzw"):
        g.zero_tiff_gaps(path)
    if len(images) > 1 and fmt not in ("g4", "lzw", "pdf"):
        raise SystemExit("%s: %s holds one page" % (path, fmt))


# --------------------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------------------

def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"\w+", s))


def distinctive(doc, pages, others_text):
    """Per page of a classified document: its codename and a five-word run of one printed line of
    the page (words of letters only, no punctuation) found in no other document of the part."""
    out = []
    for p in pages:
        run = None
        for line in reversed(p.text):
            words = line.split()
            for i in range(len(words) - 5, -1, -1):
                cand = words[i:i + 5]
                if not all(w.isalpha() for w in cand):
                    continue
                cand = " ".join(cand)
                if len(fold(cand)) > 20 and " %s " % fold(cand) not in others_text:
                    run = cand
                    break
            if run:
                break
        needles = [doc["codename"]] if doc.get("codename") else []
        if run:
            needles.append(run)
        out.append({"page_in_document": p.n, "needles": needles})
    return out


TRUTH_KEYS = ["ten_loai", "so", "ky_hieu", "so_ky_hieu", "ngay_ban_hanh", "dia_danh", "co_quan_ban_hanh",
              "co_quan_ban_hanh_header", "co_quan_cap_tren", "trich_yeu", "nguoi_ky", "chuc_vu",
              "tham_quyen", "tham_quyen_full", "noi_nhan", "do_mat", "do_khan", "format", "era", "layout",
              "face", "receipt_stamp", "marginal_note", "closing", "attachment", "codename", "wear"]


def build_part(part, layout_only=False, verbose=False, truth_only=False):
    """Lay out a part's documents, draw and pack its pages and write its truth. `layout_only`:
    write nothing; `truth_only`: rewrite truth.json (and box.json) only, sizes from the files
    already there."""
    content = __import__("content_%s" % part)
    docs, hoso_plan = content.documents()
    by_id = {d["id"]: d for d in docs}
    laid = {}
    for d in docs:
        laid[d["id"]] = Doc(d, part).layout()
    out_dir = os.path.join(EVAL, part)
    truth_docs = {d["id"]: dict(id=d["id"], ho_so=None, pages=[], so_trang=len(laid[d["id"]]))
                  for d in docs}
    files = []
    text_of = {d["id"]: " %s " % fold(" ".join(t for p in laid[d["id"]] for t in p.text)) for d in docs}
    size_total = 0
    if not layout_only and not truth_only and os.path.isdir(out_dir):
        for root, dirs, fs in os.walk(out_dir, topdown=False):
            for f in fs:
                os.remove(os.path.join(root, f))
            for dd in dirs:
                os.rmdir(os.path.join(root, dd))
    for hs in hoso_plan:
        # the hồ sơ's page sequence: (doc id, page) or a blank back after a page
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
            rel = "%s/%s" % (hs["dir"], name)
            images, tpages = [], []
            prev_layers = None
            for k, (p, spec) in enumerate(pages, 1):
                spec = dict(spec, fmt=fmt, mode=mode)
                seed = (part, rel, k)
                if not layout_only and not truth_only:
                    img, layers = make_page_image(p, spec, mode == "RGB", seed, bleed_from=prev_layers)
                    if mode == "L" and img.mode != "L":
                        img = img.convert("L")
                    images.append(img)
                    prev_layers = layers
                entry = dict(source_page=k, document=p.doc["id"] if p else None,
                             page_in_document=p.n if p else None, blank=p is None,
                             rotation=spec.get("rotation", 0), skew_deg=spec["skew"], dpi=DPI,
                             wear=spec["wear"], text="\n".join(p.text) if p else "",
                             stamp_text=p.stamp_text if p else "", note_text=p.note_text if p else "",
                             closing_only=bool(p and p.closing_only),
                             attachment_page=bool(p and p.attachment))
                tpages.append(entry)
                if p:
                    truth_docs[p.doc["id"]]["pages"].append(dict(source_file=rel, source_page=k))
                    truth_docs[p.doc["id"]].setdefault("_wear", set()).update(spec["wear"])
            size = 0
            if truth_only:
                size = os.path.getsize(os.path.join(out_dir, rel))
                size_total += size
            elif not layout_only:
                path = os.path.join(out_dir, rel)
                save_file(path, fmt, mode, images)
                size = os.path.getsize(path)
                size_total += size
                if verbose:
                    print("  %s %s %d p %.2f MB" % (rel, fmt, len(images), size / 1e6))
            files.append(dict(source_file=rel, format=FORMAT_NAMES[(fmt, mode)], size_bytes=size,
                              pages=tpages))
    for d in docs:
        t = truth_docs[d["id"]]
        if len(t["pages"]) != len(laid[d["id"]]):
            raise SystemExit("%s: %d pages laid out, %d packed" % (d["id"], len(laid[d["id"]]), len(t["pages"])))
        c = d["closing"]
        t.update(
            ten_loai=d["ten_loai"], so=d["so"], ky_hieu=d["ky_hieu"], so_ky_hieu=d["so_ky_hieu"],
            ngay_ban_hanh="%04d-%02d-%02d" % d["date"], dia_danh=d["dia_danh"],
            co_quan_ban_hanh=d["co_quan_ban_hanh"], co_quan_ban_hanh_header=" ".join(d["issuer"]),
            co_quan_cap_tren=d.get("co_quan_cap_tren"), trich_yeu=" ".join(d["trich_yeu_lines"]),
            nguoi_ky=c.get("name") if c["kind"] != "none" else None,
            chuc_vu=c.get("chuc_vu") if c["kind"] != "none" else None,
            tham_quyen=c.get("tham_quyen", "none") if c["kind"] != "none" else "none",
            tham_quyen_full=" ".join(c.get("authority_lines", [])) if c["kind"] != "none" else "",
            noi_nhan=c.get("noi_nhan", []) if c["kind"] != "none" else [],
            do_mat=d.get("do_mat") or "none", do_khan=d.get("do_khan") or "none",
            format=LAYOUTS[d["layout"]]["fmt"], era="typewritten" if d.get("typed") else "printed",
            layout=d["layout"], face=d["face"], receipt_stamp=bool(d.get("stamp")),
            marginal_note=bool(d.get("notes")), closing=c["kind"],
            attachment=d["attachment"]["kind"] if d.get("attachment") else None,
            codename=d.get("codename"), wear=sorted(t.pop("_wear", set())),
        )
        if t["ten_loai"] == "Công văn":
            t["trich_yeu"] = re.sub(r"^V/v\s+", "", t["trich_yeu"])
        if t["do_mat"] != "none":
            others = " | ".join(v for k, v in text_of.items() if k != d["id"])
            t["distinctive"] = distinctive(d, laid[d["id"]], others)
        else:
            t["distinctive"] = []
    ordered = [truth_docs[d] for hs in hoso_plan for d in hs["docs"]]
    truth = {"part": part, "generator": "sample-scans/eval5/generate.py",
             "never_tune": content.NEVER_TUNE, "documents": ordered, "files": files}
    if not layout_only:
        with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        with open(os.path.join(out_dir, "box.json"), "w", encoding="utf-8") as fh:
            json.dump(content.BOX_JSON, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    return truth, size_total


def summary(truth, size):
    docs = truth["documents"]
    pages = sum(len(f["pages"]) for f in truth["files"])
    blank = sum(1 for f in truth["files"] for p in f["pages"] if p["blank"])
    hoso = sorted({d["ho_so"] for d in docs})
    layouts = sorted({d["layout"] for d in docs})
    faces = sorted({d["face"] for d in docs})
    formats = sorted({f["format"] for f in truth["files"]})
    cls = [d["do_mat"] for d in docs if d["do_mat"] != "none"]
    return ("%s: %d documents (%d classified: %s), %d pages (%d blank), %d files, %d hồ sơ, "
            "%d layouts %s, %d typefaces %s, formats %s, %.1f MB" % (
                truth["part"], len(docs), len(cls), ", ".join(cls), pages, blank, len(truth["files"]),
                len(hoso), len(layouts), layouts, len(faces), faces, formats, size / 1e6))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    layout_only = "--layout-only" in sys.argv
    verbose = "-v" in sys.argv
    truth_only = "--truth-only" in sys.argv
    check_face_coverage()
    parts = args or ["tune5", "sealed5"]
    for part in parts:
        truth, size = build_part(part, layout_only, verbose, truth_only)
        print(summary(truth, size))


if __name__ == "__main__":
    main()
