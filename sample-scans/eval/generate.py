#!/usr/bin/env python3
"""Generate the labelled evaluation set for document understanding: sample-scans/eval/{tune,holdout}.

Run from anywhere (the output goes next to this script):

    python3 sample-scans/eval/generate.py            # both parts, about 3 minutes
    python3 sample-scans/eval/generate.py --layout-only   # print the pagination, write nothing

Two storage boxes of scanned Party (and a few State) documents, with their ground truth in
truth.json (one file per part, made from the same data the pages are drawn from). The pixel
work (fonts, seals, signatures, wear, file formats) is imported from ../generate.py, the
generator of box-01; the documents, their wording and their layouts here are new.

The holdout part uses its own wording and layout variants that the tune part does not have.
Never tune extraction or segmentation code against it: see README.md.

Deterministic: every random choice comes from a seed made of the part, document and page.
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
            and not os.environ.get("SOHOA_EVAL_REEXEC")):
        os.environ["SOHOA_EVAL_REEXEC"] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("eval/generate.py: Pillow is required: install the Debian package python3-pil")


_require_pillow()

import importlib.util  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("scangen", os.path.join(HERE, "..", "generate.py"))
g = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(g)

import content  # noqa: E402  (content.py: the document builder; content_PART.py: each part)

MM, W, H, DPI = g.MM, g.W, g.H, g.DPI
nfc = g.nfc
px = g.px

# FreeMono (Debian fonts-freefont-ttf): a Courier-like typewriter face with full Vietnamese
# coverage, used by the holdout's typewritten documents; the tune part uses Liberation Mono.
FREEFONT_DIRS = [os.environ.get("SOHOA_FONT_DIR", ""), "/usr/share/fonts/truetype/freefont"]


# The second holdout part's typefaces: FreeSerif (fonts-freefont-ttf) and Liberation Sans
# (fonts-liberation2) for printed pages, FreeMono Bold (a heavier typewriter face than the
# holdout part's FreeMono) for typewritten ones. DejaVu Sans Mono was tried first and has no
# glyphs for 32 Vietnamese letters (ủ, ỉ, ố, …): `Layout.check` now refuses such a font. A document's `face` maps the style keys (`serif`, `serif-b`, …) to one of them.
FACES = {
    "free": ("freefont", {"serif": "FreeSerif.ttf", "serif-b": "FreeSerifBold.ttf",
                          "serif-i": "FreeSerifItalic.ttf", "serif-bi": "FreeSerifBoldItalic.ttf"}),
    "sans": ("liberation2", {"serif": "LiberationSans-Regular.ttf", "serif-b": "LiberationSans-Bold.ttf",
                             "serif-i": "LiberationSans-Italic.ttf",
                             "serif-bi": "LiberationSans-BoldItalic.ttf"}),
}
# holdout3: Noto Serif (fonts-noto-core; not in scripts/install-deps.sh, which installs what
# the tests need: only regenerating holdout3 needs it) and Liberation Mono Bold.
FACES["noto"] = ("noto", {"serif": "NotoSerif-Regular.ttf", "serif-b": "NotoSerif-Bold.ttf",
                          "serif-i": "NotoSerif-Italic.ttf", "serif-bi": "NotoSerif-BoldItalic.ttf"})
EXTRA_FONTS = {"dmono": ("freefont", "FreeMonoBold.ttf"),
               "lmono-b": ("liberation2", "LiberationMono-Bold.ttf")}
# holdout4 (session 8): DejaVu Serif (Debian fonts-dejavu-core) and DejaVu Serif Condensed
# (fonts-dejavu-extra) for printed Party pages, FreeSans (fonts-freefont-ttf) for State
# pages; typewriting in FreeMono at elite pitch (10 pt, 12 characters per inch, tighter
# lines) instead of the pica pitch of the other parts. No installed monospace face with full
# Vietnamese coverage is unused (DejaVu Sans Mono lacks letters, the URW Nimbus Mono PS lacks
# ơ/ư and all dotted-below letters), so the new typewriter is a new pitch of FreeMono. Only
# regenerating holdout4 needs the two DejaVu packages (not in scripts/install-deps.sh).
FACES["dejavu"] = ("dejavu", {"serif": "DejaVuSerif.ttf", "serif-b": "DejaVuSerif-Bold.ttf",
                              "serif-i": "DejaVuSerif-Italic.ttf", "serif-bi": "DejaVuSerif-BoldItalic.ttf"})
FACES["dejavu-cond"] = ("dejavu", {"serif": "DejaVuSerifCondensed.ttf",
                                   "serif-b": "DejaVuSerifCondensed-Bold.ttf",
                                   "serif-i": "DejaVuSerifCondensed-Italic.ttf",
                                   "serif-bi": "DejaVuSerifCondensed-BoldItalic.ttf"})
FACES["freesans"] = ("freefont", {"serif": "FreeSans.ttf", "serif-b": "FreeSansBold.ttf",
                                  "serif-i": "FreeSansOblique.ttf", "serif-bi": "FreeSansBoldOblique.ttf"})
EXTRA_FONTS["fmono-e"] = ("freefont", "FreeMono.ttf")


MISSING_FONTS = {}   # key -> what was looked for; a document that needs one stops the run


def find_fonts():
    g.find_fonts()
    for d in FREEFONT_DIRS:
        p = os.path.join(d, "FreeMono.ttf") if d else ""
        if p and os.path.isfile(p):
            g._font_paths["fmono"] = p
            break
    else:
        sys.exit("eval/generate.py: missing FreeMono.ttf (looked in %s): install the Debian package "
                 "fonts-freefont-ttf" % ", ".join(d for d in FREEFONT_DIRS if d))
    wanted = {"%s:%s" % (face, key): (folder, name)
              for face, (folder, files) in FACES.items() for key, name in files.items()}
    wanted.update(EXTRA_FONTS)
    for key, (folder, name) in wanted.items():
        dirs = [os.environ.get("SOHOA_FONT_DIR", ""), "/usr/share/fonts/truetype/" + folder]
        found = [os.path.join(d, name) for d in dirs if d and os.path.isfile(os.path.join(d, name))]
        if found:
            g._font_paths[key] = found[0]
        else:
            MISSING_FONTS[key] = "%s (looked in %s)" % (name, ", ".join(d for d in dirs if d))


# --------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------

LEFT = round(30 * MM)
RIGHT = W - round(15 * MM)
TOP = round(18 * MM)
BOTTOM = H - round(20 * MM)
TEXT_W = RIGHT - LEFT
TEXT_CX = (LEFT + RIGHT) // 2
INDENT = round(12.7 * MM)

STYLES = {  # key, pt, align, first-line indent
    "p": ("serif", 13, "justify", True),
    "h": ("serif-b", 13, "left", True),
    "hi": ("serif-bi", 13, "left", True),
    "i": ("serif-i", 13, "justify", True),
    "c": ("serif-b", 13, "center", False),
    "cr": ("serif", 13, "center", False),
    "l": ("serif", 13, "left", False),
}


class Page:
    def __init__(self, number):
        self.number = number
        self.ops = []
        self.text = []
        self.stamp_text = []
        self.y = TOP
        self.body_lines = 0


_glyph_cache = {}


def has_glyph(key, ch):
    """Whether the font draws `ch` as something other than its missing-glyph box."""
    k = (key, ch)
    if k not in _glyph_cache:
        f = g.font(key, 40)

        def ink(c):
            im = Image.new("L", (80, 80), 0)
            ImageDraw.Draw(im).text((10, 10), c, font=f, fill=255)
            return im.tobytes()
        _glyph_cache[k] = ink(ch) != ink("\U0010fffd")
    return _glyph_cache[k]


class Layout:
    """Lays out one document (a dict from content.py) into pages of drawing operations and
    the exact printed text of each page."""

    def __init__(self, doc):
        self.doc = doc
        self.typed = doc["era"] == "typewritten"
        self.mono = doc.get("mono", "mono")
        self.variant = doc["layout"]
        self.pages = []
        self.face = doc.get("face")
        keys = [self.mono] if self.typed else [self.fkey(k) for k in ("serif", "serif-b", "serif-i")]
        for key in keys:
            if key in MISSING_FONTS:
                raise SystemExit("eval/generate.py: %s needs the font %s: install fonts-freefont-ttf, "
                                 "fonts-liberation2, fonts-noto-core, fonts-dejavu-core or "
                                 "fonts-dejavu-extra" % (doc["id"], MISSING_FONTS[key]))
        if self.variant == "state":
            self.left_cx, self.right_cx = round(57 * MM), round(137 * MM)
        elif self.variant == "wide":               # holdout2: columns further apart
            self.left_cx, self.right_cx = round(62 * MM), round(146 * MM)
        else:
            self.left_cx, self.right_cx = round(68 * MM), round(143 * MM)

    def fkey(self, key):
        if self.typed:
            return self.mono
        return "%s:%s" % (self.face, key) if self.face else key

    def size(self, pt):
        return px(self.doc.get("typed_pt", 12)) if self.typed else px(pt)

    def width(self, s, key, pt):
        f = g.font(self.fkey(key), self.size(pt))
        if self.typed:
            return len(s) * f.getlength("M")
        return f.getlength(s)

    def line_h(self, pt):
        return self.doc.get("typed_lh", 78) if self.typed else round(px(pt) * 1.42)

    def ascent(self, pt):
        return round(self.size(pt) * 0.9)

    def op(self, page, x, base, s, key, pt, layer="text"):
        bold = key.startswith("serif-b") or key == "sans-b"
        if self.typed:
            page.ops.append(dict(kind="typed", x=x, base=base, s=s, size=self.size(pt), bold=bold,
                                 font=self.mono, layer=layer))
        else:
            page.ops.append(dict(kind="text", x=x, base=base, s=s, key=self.fkey(key),
                                 size=self.size(pt), layer=layer))

    def centered(self, page, cx, base, s, key, pt, layer="text"):
        w = self.width(s, key, pt)
        x = round(cx - w / 2)
        self.op(page, x, base, s, key, pt, layer)
        return x, w

    def rule(self, page, x0, y0, x1, y1, w=3, layer="text"):
        page.ops.append(dict(kind="rule", xy=(x0, y0, x1, y1), w=w, layer=layer))

    def wrap(self, words, key, pt, first_w, w):
        lines, cur, cur_w, limit = [], [], 0.0, first_w
        space = self.width(" ", key, pt)
        for word in words:
            ww = self.width(word, key, pt)
            if cur and cur_w + space + ww > limit:
                lines.append(cur)
                cur, cur_w, limit = [word], ww, w
            else:
                cur_w = cur_w + space + ww if cur else ww
                cur.append(word)
        if cur:
            lines.append(cur)
        return lines

    # -- pages --------------------------------------------------------------------------
    def new_page(self):
        page = Page(len(self.pages) + 1)
        self.pages.append(page)
        if page.number > 1:
            if self.typed:
                label = "- %d -" % page.number
            else:
                label = str(page.number)
            if self.variant == "datebelow":        # holdout: page number at the bottom
                self.centered(page, TEXT_CX, H - round(12 * MM), label, "serif", 12)
                page.text.append(label)
                page.y = TOP
            else:
                self.centered(page, TEXT_CX, round(13 * MM), label, "serif", 13)
                page.text.append(label)
                page.y = round(20 * MM)
        return page

    def marks(self, page, y, cx):
        """Framed độ mật mark and độ khẩn mark under the số ký hiệu; returns the new y."""
        doc = self.doc
        layer = "mark" if doc.get("red_marks") else "text"
        for mark in (doc["do_mat"], doc["do_khan"]):
            if not mark:
                continue
            y += round(2 * MM)
            pt = 14
            w = self.width(mark, "serif-b", pt)
            base = y + self.ascent(pt) + 14
            x, _ = self.centered(page, cx, base, mark, "serif-b", pt, layer)
            pad = 22
            page.ops.append(dict(kind="frame", xy=(x - pad, y, x + round(w) + pad,
                                                   base + 22), w=5, layer=layer))
            page.text.append(mark)
            y = base + 24
        return y

    def header(self, page):
        doc = self.doc
        if self.variant == "state":
            return self.header_state(page)
        y = TOP
        hp = 13 if self.variant in ("wide", "flush") else 14   # header size
        lh = self.line_h(hp)
        rows = []
        left = []
        if doc.get("superior_line"):
            left.append(("serif", doc["superior_line"], hp))
        for s in doc["issuer_lines"]:
            left.append(("serif-b", s, hp))
        if self.variant == "wide":                 # a short rule under the issuer, no star
            left.append(("rule", "", hp))
        elif self.variant != "datebelow":
            left.append(("serif", "*", hp))
        left.append(("serif", doc["so_line"], hp))
        for s in doc.get("vv_lines", []):
            left.append(("serif-i", s, 12))
        for key, s, pt in left:
            if key == "rule":
                half = round(9 * MM)
                self.rule(page, self.left_cx - half, y + 8, self.left_cx + half, y + 8)
                y += round(4 * MM)
                continue
            base = y + self.ascent(pt)
            self.centered(page, self.left_cx, base, s, key, pt)
            rows.append((s, base))
            page.text.append(s)
            y += lh if pt == hp else self.line_h(12)
        y = self.marks(page, y, self.left_cx)
        left_end = y
        base0 = rows[0][1]
        party = "ĐẢNG CỘNG SẢN VIỆT NAM"
        if self.variant == "flush":                # holdout4: 14 pt, flush with the right margin
            w = self.width(party, "serif-b", 14)
            x = round(RIGHT - w)
            self.op(page, x, base0, party, "serif-b", 14)
        else:
            x, w = self.centered(page, self.right_cx, base0, party, "serif-b", 15)
        self.rule(page, x, base0 + 14, x + w, base0 + 14)
        page.text.append(party)
        if self.variant == "tall":                 # holdout3: date a row under the số, centred
            y = left_end + round(2 * MM)
            base = y + self.ascent(14)
            self.centered(page, self.right_cx, base, doc["date_line"], "serif-i", 14)
            page.text.append(doc["date_line"])
            y += lh + round(5 * MM)
        elif self.variant == "datebelow":
            y = left_end + round(3 * MM)
            base = y + self.ascent(14)
            w = self.width(doc["date_line"], "serif-i", 14)
            self.op(page, round(RIGHT - w), base, doc["date_line"], "serif-i", 14)
            page.text.append(doc["date_line"])
            y += lh + round(5 * MM)
        elif self.variant == "flush":              # holdout4: date level with the số, flush right
            so_base = [b for s, b in rows if s == doc["so_line"]][0]
            w = self.width(doc["date_line"], "serif-i", 13)
            self.op(page, round(RIGHT - w), so_base, doc["date_line"], "serif-i", 13)
            page.text.append(doc["date_line"])
            y = left_end + round(8 * MM)
        else:
            so_base = [b for s, b in rows if s == doc["so_line"]][0]
            self.centered(page, self.right_cx, so_base, doc["date_line"], "serif-i", 14)
            page.text.append(doc["date_line"])
            y = left_end + round(8 * MM)
        self.title_block(page, y)

    def header_state(self, page):
        doc = self.doc
        y = TOP
        lh = self.line_h(13)
        rows = []
        bold_from = doc.get("issuer_bold_from", len(doc["issuer_lines"]) - 1)   # holdout4 sets it
        for i, s in enumerate(doc["issuer_lines"]):
            key = "serif-b" if i >= bold_from else "serif"
            base = y + self.ascent(13)
            x, w = self.centered(page, self.left_cx, base, s, key, 13)
            rows.append(base)
            page.text.append(s)
            y += lh
        self.rule(page, self.left_cx - round(12 * MM), y - 8, self.left_cx + round(12 * MM), y - 8)
        y += round(3 * MM)
        so_base = y + self.ascent(13)
        self.centered(page, self.left_cx, so_base, doc["so_line"], "serif", 13)
        y += lh
        vv_text = []
        for s in doc.get("vv_lines", []):
            base = y + self.ascent(12)
            self.centered(page, self.left_cx, base, s, "serif", 12)
            vv_text.append(s)
            y += self.line_h(12)
        left_text = [doc["so_line"]] + vv_text
        mark_page_text = []
        save = page.text
        page.text = mark_page_text
        y = self.marks(page, y, self.left_cx)
        page.text = save
        left_end = y
        s1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        s2 = "Độc lập - Tự do - Hạnh phúc"
        self.centered(page, self.right_cx, rows[0], s1, "serif-b", 13)
        x, w = self.centered(page, self.right_cx, rows[0] + lh, s2, "serif-b", 14)
        self.rule(page, x, rows[0] + lh + 16, x + w, rows[0] + lh + 16)
        page.text += [s1, s2]
        self.centered(page, self.right_cx, so_base, doc["date_line"], "serif-i", 14)
        page.text += left_text + mark_page_text + [doc["date_line"]]
        self.title_block(page, left_end + round(8 * MM))

    def title_block(self, page, y):
        doc = self.doc
        for s in doc["title_lines"]:
            base = y + self.ascent(15)
            self.centered(page, TEXT_CX, base, s, "serif-b", 15)
            page.text.append(s)
            y += self.line_h(15)
        for s in doc["subtitle_lines"]:
            key = {"datebelow": "serif-bi", "wide": "serif"}.get(self.variant, "serif-b")
            base = y + self.ascent(14)
            self.centered(page, TEXT_CX, base, s, key, 14)
            page.text.append(s)
            y += self.line_h(14)
        if doc["title_lines"]:
            y += round(2 * MM)
            half = round(12 * MM)
            self.rule(page, TEXT_CX - half, y, TEXT_CX + half, y)
            y += round(6 * MM)
        else:
            y += round(4 * MM)
        page.y = y

    def paragraphs(self, page, paras):
        for style, text in paras:
            key, pt, align, indent = STYLES[style]
            if self.typed:
                align = "center" if align == "center" else "left"
            lh = self.line_h(pt)
            ind = (round(self.width("M", key, pt) * 5) if self.typed else INDENT) if indent else 0
            lines = self.wrap(text.split(" "), key, pt, TEXT_W - ind, TEXT_W)
            for i, words in enumerate(lines):
                if page.y + lh > BOTTOM:
                    page = self.new_page()
                base = page.y + self.ascent(pt)
                last = i == len(lines) - 1
                s = " ".join(words)
                x0 = LEFT + (ind if i == 0 else 0)
                if align == "center":
                    self.centered(page, TEXT_CX, base, s, key, pt)
                elif align == "justify" and not last and len(words) > 1:
                    total = sum(self.width(wd, key, pt) for wd in words)
                    gap = (RIGHT - x0 - total) / (len(words) - 1)
                    x = float(x0)
                    for wd in words:
                        self.op(page, round(x), base, wd, key, pt)
                        x += self.width(wd, key, pt) + gap
                else:
                    self.op(page, x0, base, s, key, pt)
                page.text.append(s)
                page.body_lines += 1
                page.y += lh
            page.y += 0 if self.typed else px(5)
        return page

    def closing(self, page):
        doc = self.doc
        item_pt, sig_pt = 12, 14
        item_w = round(85 * MM)
        left = []   # (text, key, pt, indent)
        if doc.get("left_sign"):
            for s in doc["left_sign"][:-1]:
                left.append((s, "serif-b", sig_pt, 0))
        else:
            left.append(("Nơi nhận:", "serif-bi", 13, 0))
            for it in doc["noi_nhan"]:
                for j, words in enumerate(self.wrap(it.split(" "), "serif", item_pt, item_w,
                                                    item_w - 30)):
                    left.append((" ".join(words), "serif", item_pt, 30 if j else 0))
        sig_gap = round(25 * MM)
        left_h = sum(self.line_h(pt) for _, _, pt, _ in left)
        if doc.get("left_sign"):
            left_h += sig_gap + self.line_h(sig_pt)
        right_h = len(doc["sign"]) * self.line_h(sig_pt) + sig_gap + self.line_h(sig_pt)
        need = max(left_h, right_h) + round(4 * MM)
        if page.y + need > BOTTOM:
            page = self.new_page()
        y0 = page.y + round(3 * MM)
        y = y0
        for s, key, pt, ind in left:
            base = y + self.ascent(pt)
            if doc.get("left_sign"):
                self.centered(page, self.left_cx, base, s, key, pt)
            else:
                self.op(page, LEFT + ind, base, s, key, pt)
                if s == "Nơi nhận:":
                    w = self.width(s, key, pt)
                    self.rule(page, LEFT, base + 10, LEFT + round(w), base + 10)
            page.text.append(s)
            y += self.line_h(pt)
        if doc.get("left_sign"):
            page.ops.append(dict(kind="signature", x=self.left_cx, y=y + sig_gap // 2, layer="sig"))
            y += sig_gap
            base = y + self.ascent(sig_pt)
            self.centered(page, self.left_cx, base, doc["left_sign"][-1], "serif-b", sig_pt)
            page.text.append(doc["left_sign"][-1])
        y = y0
        for s in doc["sign"]:
            base = y + self.ascent(sig_pt)
            self.centered(page, self.right_cx, base, s, "serif-b", sig_pt)
            page.text.append(s)
            y += self.line_h(sig_pt)
        mid = y + sig_gap // 2
        page.ops.append(dict(kind="signature", x=self.right_cx + 10, y=mid, layer="sig"))
        if doc.get("seal"):
            page.ops.append(dict(kind="seal", x=self.right_cx - round(8 * MM), y=mid - 10,
                                 ring=doc["seal"], layer="seal"))
        y += sig_gap
        base = y + self.ascent(sig_pt)
        self.centered(page, self.right_cx, base, doc["nguoi_ky"], "serif-b", sig_pt)
        page.text.append(doc["nguoi_ky"])
        page.y = y + self.line_h(sig_pt) + round(6 * MM)
        return page

    def attachment(self, page):
        att = self.doc.get("attachment")
        if not att:
            return page
        page = self.new_page()
        y = page.y + round(4 * MM)
        for s in att["heading"]:
            base = y + self.ascent(15)
            self.centered(page, TEXT_CX, base, s, "serif-b", 15)
            page.text.append(s)
            y += self.line_h(15)
        for s in att["note"]:
            base = y + self.ascent(13)
            self.centered(page, TEXT_CX, base, s, "serif-i", 13)
            page.text.append(s)
            y += self.line_h(13)
        half = round(12 * MM)
        self.rule(page, TEXT_CX - half, y + 10, TEXT_CX + half, y + 10)
        page.y = y + round(7 * MM)
        return self.paragraphs(page, att["body"])

    def run(self):
        page = self.new_page()
        self.header(page)
        page = self.paragraphs(page, self.doc["body"])
        page = self.closing(page)
        self.attachment(page)
        for p in self.pages:
            self.check(p)
        if self.doc.get("receipt"):
            self.pages[0].ops.append(dict(kind="receipt", layer="stamp", **self.doc["receipt"]))
            r = self.doc["receipt"]
            self.pages[0].stamp_text = ["ĐẾN", "Số: %s" % r["so"], "Ngày: %s" % r["ngay"]]
        return self.pages

    def check(self, page):
        for op in page.ops:
            if op["kind"] in ("text", "typed"):
                key = op["key"] if op["kind"] == "text" else op["font"]
                for ch in set(op["s"]) - {" "}:
                    if not has_glyph(key, ch):
                        raise SystemExit("%s p%d: font %s has no glyph for %r" %
                                         (self.doc["id"], page.number, g._font_paths[key], ch))
        drawn = sorted(w for op in page.ops if op["kind"] in ("text", "typed")
                       for w in op["s"].split(" "))
        truth = sorted(w for line in page.text for w in line.split(" "))
        if drawn != truth:
            raise SystemExit("%s p%d: drawn text differs from the page text" %
                             (self.doc["id"], page.number))
        for op in page.ops:
            if op["kind"] == "text":
                x0, y0, x1, y1 = g.font(op["key"], op["size"]).getbbox(op["s"], anchor="ls")
                if op["x"] + x0 < LEFT - 12 or op["x"] + x1 > RIGHT + 4:
                    raise SystemExit("%s p%d: %r leaves the text area" %
                                     (self.doc["id"], page.number, op["s"]))
        if self.doc.get("check_overlap"):         # holdout4: no two drawn strings may touch
            boxes = []
            for op in page.ops:
                if op["kind"] == "text":
                    x0, y0, x1, y1 = g.font(op["key"], op["size"]).getbbox(op["s"], anchor="ls")
                    boxes.append((op["x"] + x0, op["base"] + y0, op["x"] + x1, op["base"] + y1, op["s"]))
                elif op["kind"] == "typed":
                    w = self.width(op["s"], "serif", 12)
                    boxes.append((op["x"], op["base"] - op["size"], op["x"] + w, op["base"] + 8, op["s"]))
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    if a[0] < b[2] + 4 and b[0] < a[2] + 4 and a[1] < b[3] and b[1] < a[3]:
                        raise SystemExit("%s p%d: %r overlaps %r" % (self.doc["id"], page.number,
                                                                       a[4], b[4]))


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------

MARK_RGB = (200, 30, 40)
STAMP_RGB = (96, 50, 150)       # violet receipt-stamp ink
STAMP_GRAY = 95
MARK_GRAY = 45


def draw_receipt(layer, pen, op, rng):
    """A rectangular 'ĐẾN' receipt stamp with handwritten number and date, slightly turned."""
    w, h = round(58 * MM), round(27 * MM)
    st = Image.new("L", (w + 80, h + 80), 0)
    d = ImageDraw.Draw(st)
    d.rectangle((40, 40, 40 + w, 40 + h), outline=255, width=7)
    f_big = g.font("sans-b", 62)
    f_small = g.font("sans-b", 34)
    d.text((40 + 30, 40 + 18), "ĐẾN", font=f_big, fill=255, anchor="lt")
    d.text((40 + 200, 40 + 30), "Số: ..........", font=f_small, fill=255, anchor="lt")
    d.text((40 + 30, 40 + 120), "Ngày: ..................", font=f_small, fill=255, anchor="lt")
    d.text((40 + 30, 40 + 200), "Chuyển: ..............", font=f_small, fill=255, anchor="lt")
    ink = g.mottle(rng, st.size, 20, 110).point(lambda v: min(255, v + 60))
    st = ImageChops.multiply(st, ink)
    # handwriting: the number and the date in pen
    hw = Image.new("L", st.size, 0)
    hd = ImageDraw.Draw(hw)
    f_hand = g.font("serif-i", 46)
    hd.text((40 + 300, 40 + 18), op["so"], font=f_hand, fill=255, anchor="lt")
    hd.text((40 + 170, 40 + 104), op["ngay"], font=f_hand, fill=255, anchor="lt")
    angle = rng.uniform(-6, 6)
    st = st.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    hw = hw.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    x, y = op["x"], op["y"]
    layer.paste(st, (x, y), st)
    pen.paste(hw, (x, y), hw)


def render_layers(page, seed):
    rng = g.rng_for("eval-render", seed)
    names = ("text", "sig", "seal", "mark", "stamp")
    layers = {n: Image.new("L", (W, H), 0) for n in names}
    draws = {n: ImageDraw.Draw(layers[n]) for n in names}
    typed = False
    for op in page.ops:
        kind, d = op["kind"], draws[op["layer"]]
        if kind == "text":
            d.text((op["x"], op["base"]), op["s"], font=g.font(op["key"], op["size"]), fill=255,
                   anchor="ls")
        elif kind == "typed":
            draw_typed(d, op, rng)
            typed = True
        elif kind == "rule":
            d.line(op["xy"], fill=230 if typed else 255, width=op["w"])
        elif kind == "frame":
            d.rectangle(op["xy"], outline=255, width=op["w"])
        elif kind == "signature":
            g.draw_signature(layers["sig"], op["x"], op["y"], rng)
        elif kind == "seal":
            g.draw_seal(layers["seal"], op["x"], op["y"], op["ring"], rng)
        elif kind == "receipt":
            draw_receipt(layers["stamp"], layers["sig"], op, rng)
    if typed:
        grain = g.noise_image(rng, (W, H), 40).point(lambda v: min(255, v + 120))
        layers["text"] = ImageChops.multiply(layers["text"],
                                             grain.filter(ImageFilter.GaussianBlur(0.7)))
    return layers


def draw_typed(d, op, rng):
    f = g.font(op["font"], op["size"])
    adv = f.getlength("M")
    line_dy = rng.gauss(0, 1.3)
    for i, ch in enumerate(op["s"]):
        if ch == " ":
            continue
        strength = max(120, min(255, round(rng.gauss(225, 25))))
        if rng.random() < 0.03:
            strength = rng.randint(100, 150)          # a weak key strike
        cx = op["x"] + i * adv + rng.gauss(0, 1.0)
        cy = op["base"] + line_dy + rng.gauss(0, 0.9)
        d.text((cx, cy), ch, font=f, fill=strength, anchor="ls")
        if op["font"] in ("fmono", "fmono-e"):        # thin Courier face: a heavier ribbon
            d.text((cx + 1, cy), ch, font=f, fill=strength, anchor="ls")
        if op["bold"]:
            d.text((cx + 2, cy), ch, font=f, fill=strength, anchor="ls")


def compose(layers, color):
    if color:
        img = Image.new("RGB", (W, H), g.PAPER_RGB)
        img.paste(g.INK_RGB, (0, 0), layers["text"])
        img.paste(g.PEN_RGB, (0, 0), layers["sig"])
        stamp = Image.new("RGB", (W, H), (255, 255, 255))
        stamp.paste(g.SEAL_RGB, (0, 0), layers["seal"].point(lambda v: v * 82 // 100))
        stamp.paste(MARK_RGB, (0, 0), layers["mark"].point(lambda v: v * 90 // 100))
        stamp.paste(STAMP_RGB, (0, 0), layers["stamp"].point(lambda v: v * 80 // 100))
    else:
        img = Image.new("L", (W, H), g.PAPER_GRAY)
        img.paste(g.INK_GRAY, (0, 0), layers["text"])
        img.paste(g.PEN_GRAY, (0, 0), layers["sig"])
        stamp = Image.new("L", (W, H), 255)
        stamp.paste(g.SEAL_GRAY, (0, 0), layers["seal"].point(lambda v: v * 82 // 100))
        stamp.paste(MARK_GRAY, (0, 0), layers["mark"].point(lambda v: v * 90 // 100))
        stamp.paste(STAMP_GRAY, (0, 0), layers["stamp"].point(lambda v: v * 80 // 100))
    return ImageChops.multiply(img, stamp)


def make_page_image(page, spec, color, seed, typed, bleed_from=None):
    rng = g.rng_for("eval-wear", seed)
    wear = spec["wear"]
    if page is None:
        img = Image.new("L", (W, H), g.PAPER_GRAY)
        if bleed_from is not None:
            ghost = ImageOps.mirror(bleed_from).filter(ImageFilter.GaussianBlur(6))
            img = ImageChops.subtract(img, ghost.point(lambda v: v * 18 // 255))
        if color:
            img = img.convert("RGB")
    else:
        img = compose(render_layers(page, seed), color)
    if typed or "aged_paper" in wear:
        img = g.wear_aged(img, rng)
    if "faded" in wear:
        img = g.wear_faded(img, rng)
    if "photocopy" in wear:
        img = g.wear_photocopy(img, rng)
    if "punch_holes" in wear:
        img = g.wear_punch_holes(img)
    fill = img.getpixel((W // 2, 8))
    dpi = spec["dpi"]
    if dpi != DPI:
        img = img.resize((round(W * dpi / DPI), round(H * dpi / DPI)), Image.Resampling.LANCZOS)
    if spec["skew"]:
        img = img.rotate(spec["skew"], resample=Image.Resampling.BICUBIC, fillcolor=fill)
    if spec["rotation"] == 180:
        img = img.transpose(Image.Transpose.ROTATE_180)
    img = img.filter(ImageFilter.GaussianBlur((1.2 if "blur" in wear else 0.5) * dpi / DPI))
    if "photocopy" not in wear:
        img = g.add_signed(img, g.noise_image(rng, img.size, 1.5))
    img = g.levels(img, 250 if ("photocopy" in wear or typed or "aged_paper" in wear) else 238)
    if "noise" in wear:
        img = g.add_signed(img, g.noise_image(rng, img.size, 5.0 if spec["fmt"] != "tiff-g4"
                                              else 36.0))
    if "salt_pepper" in wear:
        img = g.wear_salt_pepper(img, rng, dpi)
    return img


def save_file(path, fmt, images, dpi):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    first, rest = images[0], images[1:]
    if rest and fmt in ("png", "jpeg"):
        raise SystemExit("%s: a %s file holds one page, not %d" % (path, fmt, len(images)))
    if fmt == "tiff-g4":
        imgs = [g.to_bilevel(i) for i in images]
        imgs[0].save(path, format="TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={262: 0},
                     save_all=True, append_images=imgs[1:])
        g.zero_tiff_gaps(path)
    elif fmt == "tiff-lzw":
        first.save(path, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True,
                   append_images=rest)
        g.zero_tiff_gaps(path)
    elif fmt == "png":
        first.save(path, format="PNG", dpi=(dpi, dpi), compress_level=9)
    elif fmt == "jpeg":
        first.save(path, format="JPEG", dpi=(dpi, dpi), quality=70, optimize=False)
    elif fmt == "pdf":
        first.save(path, format="PDF", resolution=float(dpi), save_all=True, append_images=rest,
                   quality=55, title=None, author=None, creator="Scanner", producer="Scanner",
                   creationDate=g.PDF_DATE, modDate=g.PDF_DATE)
    else:
        raise ValueError(fmt)


FORMAT_NAMES = {
    "tiff-g4": "TIFF, 1-bit, CCITT Group 4",
    "tiff-lzw": "TIFF, 8-bit grayscale, LZW",
    "png": "PNG, 8-bit grayscale",
    "jpeg": "JPEG, 24-bit colour",
    "pdf": "PDF, image-only (DCT)",
}
COLOR_FORMATS = {"jpeg"}


# --------------------------------------------------------------------------------------
# The boxes
# --------------------------------------------------------------------------------------

def plan_files(part, hoso, layouts):
    """The files of one hồ sơ: (relative path, format, dpi, [page specs])."""
    rng = g.rng_for("plan", part, hoso["dir"])
    seq = []   # (doc id, page number or 0 for a blank back)
    for doc_id in hoso["docs"]:
        n = len(layouts[doc_id])
        seq += [(doc_id, i + 1) for i in range(n)]
        if doc_id in hoso.get("blank_after", ()):
            seq.append((doc_id, 0))
    specs = []
    for k, (doc_id, n) in enumerate(seq):
        wear = []
        skew = round(rng.uniform(-1.6, 1.6), 1) if rng.random() < hoso.get("skew_rate", 0.6) else 0.0
        for w in hoso.get("wear", ()):
            if rng.random() < hoso.get("wear_rate", 0.5):
                wear.append(w)
        rotation = 180 if (doc_id, n) in hoso.get("upside_down", ()) else 0
        if rotation:
            wear.append("upside_down")
        if n == 0:
            wear = ["blank_back", "bleed_through"] + (["aged_paper"] if "aged_paper" in wear else [])
            skew = 0.0
        specs.append(dict(doc=doc_id if n else None, back_of=doc_id if not n else None, n=n,
                          dpi=hoso.get("dpi", 200), skew=skew, wear=wear, rotation=rotation))
    files = []
    pack = hoso["pack"]
    ext = {"tiff-g4": "tif", "tiff-lzw": "tif", "png": "png", "jpeg": "jpg", "pdf": "pdf"}
    if pack == "one-file":
        files.append(("%s/%s.%s" % (hoso["dir"], hoso.get("name", "scan"), ext[hoso["fmt"]]),
                      hoso["fmt"], specs))
    elif pack == "per-page":
        fmts = hoso["fmt"] if isinstance(hoso["fmt"], list) else [hoso["fmt"]]
        for k, s in enumerate(specs):
            fmt = fmts[k % len(fmts)]
            files.append(("%s/%d.%s" % (hoso["dir"], k + 1, ext[fmt]), fmt, [s]))
    elif pack == "per-doc":
        for j, doc_id in enumerate(hoso["docs"]):
            part_specs = [s for s in specs if (s["doc"] or s["back_of"]) == doc_id]
            files.append(("%s/%02d.%s" % (hoso["dir"], j + 1, ext[hoso["fmt"]]), hoso["fmt"],
                          part_specs))
    return files


def normalise_doc(doc):
    for k in ("issuer_lines", "title_lines", "subtitle_lines", "noi_nhan", "sign", "vv_lines",
              "left_sign"):
        if k in doc:
            doc[k] = [nfc(" ".join(s.split())) for s in doc[k]]
    for k in ("so_line", "date_line", "nguoi_ky", "seal", "superior_line"):
        if doc.get(k):
            doc[k] = nfc(doc[k])
    doc["body"] = [(st, nfc(" ".join(t.split()))) for st, t in doc["body"]]
    if doc.get("attachment"):
        a = doc["attachment"]
        a["heading"] = [nfc(s) for s in a["heading"]]
        a["note"] = [nfc(s) for s in a["note"]]
        a["body"] = [(st, nfc(" ".join(t.split()))) for st, t in a["body"]]
    return doc


def dump(obj, path):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def build_part(part, layout_only):
    docs, hosos, box_json = content.part(part)
    docs = {d["id"]: normalise_doc(d) for d in docs}
    layouts = {i: Layout(d).run() for i, d in docs.items()}
    placed = [i for h in hosos for i in h["docs"]]
    if sorted(placed) != sorted(docs):
        raise SystemExit("%s: every document must be in exactly one hồ sơ" % part)
    if layout_only:
        for i, pages in layouts.items():
            print("%s %-14s %-12s %d pages" % (part, i, docs[i]["so_ky_hieu"], len(pages)))
            if "-v" in sys.argv:
                for p in pages:
                    print("  -- p%d\n  %s" % (p.number, "\n  ".join(p.text)))
        return
    out = os.path.join(HERE, part)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    doc_pages = {i: [] for i in docs}
    files_truth = []
    for hoso in hosos:
        for rel, fmt, specs in plan_files(part, hoso, layouts):
            images, entries = [], []
            color = fmt in COLOR_FORMATS
            last_text_layer = None
            for idx, spec in enumerate(specs):
                spec = dict(spec, fmt=fmt)
                seed = "%s/%s#%d" % (part, rel, idx + 1)
                if spec["doc"] is None:
                    doc = docs[spec["back_of"]]
                    img = make_page_image(None, spec, color, seed, doc["era"] == "typewritten",
                                          bleed_from=last_text_layer)
                    page = None
                else:
                    doc = docs[spec["doc"]]
                    page = layouts[spec["doc"]][spec["n"] - 1]
                    img = make_page_image(page, spec, color, seed, doc["era"] == "typewritten")
                    last_text_layer = render_layers(page, seed)["text"]
                    doc_pages[spec["doc"]].append({"source_file": rel, "source_page": idx + 1})
                wear = list(spec["wear"])
                if page is not None:
                    if any(op["kind"] == "seal" for op in page.ops):
                        wear.append("red_seal" if color else "grey_seal")
                    if any(op["layer"] == "mark" for op in page.ops):
                        wear.append("red_mark" if color else "grey_mark")
                    if any(op["kind"] == "receipt" for op in page.ops):
                        wear.append("receipt_stamp")
                images.append(img)
                entries.append({
                    "source_page": idx + 1,
                    "document": spec["doc"],
                    "page_in_document": spec["n"] if page is not None else None,
                    "blank": page is None,
                    "rotation": spec["rotation"],
                    "skew_deg": spec["skew"],
                    "dpi": spec["dpi"],
                    "wear": wear,
                    "text": "\n".join(page.text) if page is not None else "",
                    "stamp_text": "\n".join(page.stamp_text) if page is not None else "",
                })
            save_file(os.path.join(out, rel), fmt, images, specs[0]["dpi"])
            files_truth.append({"source_file": rel, "format": FORMAT_NAMES[fmt],
                                "size_bytes": os.path.getsize(os.path.join(out, rel)),
                                "pages": entries})
            print("%s: wrote %s (%d page%s)" % (part, rel, len(specs), "" if len(specs) == 1 else "s"),
                  file=sys.stderr)
    dump(box_json, os.path.join(out, "box.json"))
    documents = []
    for hoso in hosos:
        for i in hoso["docs"]:
            d = docs[i]
            pages = doc_pages[i]
            texts = [layouts[i][k].text for k in range(len(layouts[i]))]
            wear = sorted({w for f in files_truth for p in f["pages"] if p["document"] == i
                           for w in p["wear"]})
            documents.append(dict({
                "id": i,
                "ho_so": hoso["dir"],
                "pages": pages,
                "so_trang": len(pages),
            }, **content.truth_fields(d), wear=wear,
                distinctive=content.distinctive(d, texts, docs, layouts)))
    truth = {
        "part": part,
        "generator": "sample-scans/eval/generate.py",
        "never_tune": part in content.NEVER_TUNED,
        "documents": documents,
        "files": files_truth,
    }
    dump(truth, os.path.join(out, "truth.json"))


def main():
    if g.PIL.__version__ != g.EXPECTED_PILLOW:
        print("warning: Pillow %s (expected %s): files may differ from the committed ones"
              % (g.PIL.__version__, g.EXPECTED_PILLOW), file=sys.stderr)
    find_fonts()
    layout_only = "--layout-only" in sys.argv
    all_parts = ["tune", "tune2", "holdout", "holdout3", "holdout4"]
    parts = [a for a in sys.argv[1:] if a in all_parts] or all_parts
    for part in parts:
        build_part(part, layout_only)


if __name__ == "__main__":
    main()
