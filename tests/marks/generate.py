#!/usr/bin/env python3
"""Generate first pages with độ mật marks stamped in colour, for tests/red_marks.rs.

    python3 tests/marks/generate.py BOX_DIR MANIFEST [--dpi 300]

Writes one hồ sơ per case (BOX_DIR/<case>/1.jpg for a colour scan, 1.png for a gray one)
and MANIFEST: a JSON list of the cases with their factors and what the độ mật policy must
do with them. Each page is an A4 first page of a Party document (issuer left, ĐẢNG CỘNG SẢN
VIỆT NAM right, Số line, date, type heading, a few body lines, a signature block), at 300 dpi
unless --dpi says otherwise.

Marked cases cover every pair of factor values at least once (a greedy pairwise design):

    colour   red, faded red (pink, uneven ink), dark red, black
    frame    framed, unframed
    skew     straight, turned about 3° (the stamp, as a rubber stamp lands)
    position under the số ký hiệu, upper left, upper right
    level    MẬT, TỐI MẬT, TUYỆT MẬT
    scan     colour (RGB JPEG), gray (8-bit PNG, the page's luminance)
    approval none, an approvals.json rule for the hồ sơ

Marks stamped over the header's print (as rubber stamps land): six cases, each level in
colour and in gray, straight and skewed, in red or faded red, across the số ký hiệu line or
across the issuer's lines; print and stamp ink overlap. Then five unframed stamps over the
print in gray scans, in red, dark red and faded red.

Negatives (no mark, each in colour and gray): a plain page; a red round seal over the
signature at the bottom; a red `ĐẾN` receipt stamp (Số/Ngày filled in by pen) in the header,
above the print and across the issuer's lines. And light-gray ink that is no stamp, in gray:
a faded typewritten page on aged paper, a photocopy, and a light photocopy whose print is a
light gray.

The pixel work (fonts, the seal, ink texture) comes from sample-scans/generate.py.
Deterministic: every random choice is seeded by the case name.
"""

import os
import sys


def _require_pillow():
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    # A pyenv/venv python3 may shadow the Debian one that has python3-pil: re-run under it.
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)
            and not os.environ.get("SOHOA_MARKS_REEXEC")):
        os.environ["SOHOA_MARKS_REEXEC"] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("tests/marks/generate.py: Pillow is required: install the Debian package python3-pil")


_require_pillow()

import concurrent.futures  # noqa: E402
import functools  # noqa: E402
import importlib.util  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "scangen", os.path.join(HERE, "..", "..", "sample-scans", "generate.py"))
g = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(g)

from PIL import Image, ImageChops, ImageDraw, ImageFilter  # noqa: E402

W, H, MM = g.W, g.H, g.MM

FACTORS = [
    ("colour", ["red", "faded", "dark", "black"]),
    ("frame", [True, False]),
    ("skew", [0.0, 3.0]),
    ("position", ["under_so", "upper_left", "upper_right"]),
    ("level", ["MẬT", "TỐI MẬT", "TUYỆT MẬT"]),
    ("scan", ["colour", "gray"]),
    ("approval", [False, True]),
]

# Stamp inks (RGB) and how much of the ink lands (uneven: mottled by the stamp pad).
INKS = {
    "red": ((205, 32, 42), 95),
    "faded": ((226, 96, 104), 70),
    "dark": ((128, 22, 30), 100),
    "black": ((38, 36, 40), 100),
}
SEAL_RGB = (206, 32, 44)
PEN_RGB = g.PEN_RGB
LABELS = {"MẬT": "Mật", "TỐI MẬT": "Tối mật", "TUYỆT MẬT": "Tuyệt mật"}


def pairwise():
    """Rows covering every pair of values of two factors: greedy, deterministic."""
    names = [n for n, _ in FACTORS]
    values = [v for _, v in FACTORS]
    uncovered = set()
    for (i, vi), (j, vj) in itertools.combinations(enumerate(values), 2):
        for a in range(len(vi)):
            for b in range(len(vj)):
                uncovered.add((i, a, j, b))
    rows = []
    while uncovered:
        # Seed each row with the first uncovered pair, then fill the other factors greedily.
        i, a, j, b = min(uncovered)
        row = [None] * len(values)
        row[i], row[j] = a, b
        for k in range(len(values)):
            if row[k] is not None:
                continue
            scores = []
            for c in range(len(values[k])):
                s = sum(1 for m in range(len(values)) if row[m] is not None
                        and ((min(m, k), row[m] if m < k else c, max(m, k),
                              c if m < k else row[m]) in uncovered))
                scores.append(s)
            row[k] = max(range(len(values[k])), key=lambda c: (scores[c], -c))
        best = row
        for (p, q) in itertools.combinations(range(len(values)), 2):
            uncovered.discard((p, best[p], q, best[q]))
        rows.append(dict(zip(names, (values[k][best[k]] for k in range(len(values))))))
    return rows


def stamp_ink(layer, rng, amount):
    """Uneven stamp ink: the layer times a mottle, scaled to `amount` percent."""
    ink = g.mottle(rng, layer.size, 18, 70).point(lambda v: min(255, v + 80))
    out = ImageChops.multiply(layer, ink)
    return out.point(lambda v: v * amount // 100)


def draw_mark(level, frame, skew, rng):
    """The mark as a coverage layer (0 = no ink, 255 = full ink), stamp-sized."""
    f = g.font("serif-b", g.px(15))
    tw = round(f.getlength(level))
    asc, desc = f.getmetrics()
    pad_x, pad_y = 26, 16
    w, h = tw + 2 * pad_x, asc + desc + 2 * pad_y
    layer = Image.new("L", (w + 60, h + 60), 0)
    d = ImageDraw.Draw(layer)
    d.text((30 + pad_x, 30 + pad_y), level, font=f, fill=255, anchor="la")
    if frame:
        d.rectangle((30, 30, 30 + w, 30 + h), outline=255, width=6)
    if skew:
        layer = layer.rotate(skew if rng.random() < 0.5 else -skew,
                             resample=Image.Resampling.BICUBIC, expand=True)
    return layer


def draw_receipt(rng):
    """A red 'ĐẾN' receipt stamp (frame, ĐẾN, Số, Ngày, Chuyển) and the pen writing in it."""
    w, h = round(58 * MM), round(27 * MM)
    st = Image.new("L", (w + 80, h + 80), 0)
    d = ImageDraw.Draw(st)
    d.rectangle((40, 40, 40 + w, 40 + h), outline=255, width=7)
    d.text((70, 58), "ĐẾN", font=g.font("sans-b", 62), fill=255, anchor="lt")
    small = g.font("sans-b", 34)
    d.text((280, 70), "Số: ..........", font=small, fill=255, anchor="lt")
    d.text((70, 160), "Ngày: ..................", font=small, fill=255, anchor="lt")
    d.text((70, 240), "Chuyển: ..............", font=small, fill=255, anchor="lt")
    pen = Image.new("L", st.size, 0)
    hand = g.font("serif-i", 46)
    ImageDraw.Draw(pen).text((370, 58), "318", font=hand, fill=255, anchor="lt")
    ImageDraw.Draw(pen).text((220, 144), "4/9/2019", font=hand, fill=255, anchor="lt")
    angle = rng.uniform(-4, 4)
    st = st.rotate(angle, resample=Image.Resampling.BICUBIC)
    pen = pen.rotate(angle, resample=Image.Resampling.BICUBIC)
    return st, pen


def _text(d, cx, base, s, key, pt, anchor="ms", typed=None):
    """One line of print (centred on cx, or from cx with anchor "ls"); with `typed` (a
    random generator), struck on a typewriter, key by key with uneven strength."""
    if typed is not None:
        size = g.px(pt * 0.8)         # a typewriter's pitch: ten characters an inch
        w = len(s) * g.font("mono", size).getlength("M")
        x = cx - w / 2 if anchor == "ms" else cx
        g.draw_typed(d, x, base, s, size, key.endswith("-b"), typed)
        return w
    f = g.font(key, g.px(pt))
    d.text((cx, base), s, font=f, fill=255, anchor=anchor)
    return f.getlength(s)


def paste_colour(img, colour, mask):
    """`img.paste(colour, (0, 0), mask)` over the mask's inked box only: the same pixels
    (where the mask is 0 the page is left as it is), without blending the whole page."""
    box = mask.getbbox()
    if box is not None:
        img.paste(colour, box, mask.crop(box))


def union_box(layers):
    """The smallest box holding the ink of every layer (L images), or None if none has any."""
    boxes = [b for b in (layer.getbbox() for layer in layers) if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def blur_inked(img, layers, radius, band=160, margin=8):
    """`img.filter(GaussianBlur(radius))` in place, where `img` is uniform paper outside
    the ink of `layers`: band by band of rows, each band's inked columns blurred with a
    margin wider than the blur (so each is blurred as in the whole page), bands without ink
    left as they are."""
    w, h = img.size
    source = img.copy()
    ink = functools.reduce(ImageChops.lighter, layers)
    for top in range(0, h, band):
        bottom = min(h, top + band)
        y0, y1 = max(0, top - margin), min(h, bottom + margin)
        inked = ink.crop((0, y0, w, y1)).getbbox()
        if inked is None:
            continue
        x0, x1 = max(0, inked[0] - margin), min(w, inked[2] + margin)
        blurred = source.crop((x0, y0, x1, y1)).filter(ImageFilter.GaussianBlur(radius))
        img.paste(blurred.crop((0, top - y0, x1 - x0, bottom - y0)), (x0, top))


def render(case, rng):
    """The page (RGB) of one case."""
    wear = case.get("wear")
    typed = rng if wear == "typed" else None

    def text(d, cx, base, s, key, pt, anchor="ms"):
        return _text(d, cx, base, s, key, pt, anchor, typed)

    ink = Image.new("L", (W, H), 0)       # black print
    sig = Image.new("L", (W, H), 0)       # pen
    red = Image.new("L", (W, H), 0)       # seal and receipt stamp ink
    mark = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(ink)
    # The header starts lower than the layout's top margin: room for a receipt stamp above.
    lcx, rcx, top = g.LEFT_COL_CX, g.RIGHT_COL_CX, g.TOP + round(16 * MM)
    lh = g.px(14) + 14
    text(d, lcx, top + lh, "ĐẢNG BỘ TỈNH QUẢNG BÌNH", "serif", 14)
    text(d, lcx, top + 2 * lh, "HUYỆN ỦY LỆ THỦY", "serif-b", 14)
    text(d, lcx, top + 3 * lh, "*", "serif", 14)
    so_base = top + 4 * lh + 10
    text(d, lcx, so_base, "Số 47-TB/HU", "serif", 14)
    pw = text(d, rcx, top + lh, "ĐẢNG CỘNG SẢN VIỆT NAM", "serif-b", 15)
    d.line((rcx - pw / 2, top + lh + 12, rcx + pw / 2, top + lh + 12), fill=255, width=3)
    text(d, rcx, so_base, "Lệ Thủy, ngày 12 tháng 3 năm 2019", "serif-i", 14)
    y = so_base + round(34 * MM)
    text(d, g.TEXT_CX, y, "THÔNG BÁO", "serif-b", 15)
    text(d, g.TEXT_CX, y + lh, "kết luận của Ban Thường vụ Huyện ủy", "serif-b", 14)
    text(d, g.TEXT_CX, y + 2 * lh, "về công tác xây dựng Đảng quý I năm 2019", "serif-b", 14)
    y += 4 * lh
    body = [
        "Ngày 08 tháng 3 năm 2019, Ban Thường vụ Huyện ủy đã họp nghe báo cáo",
        "kết quả thực hiện nhiệm vụ xây dựng Đảng quý I và phương hướng quý II.",
        "Sau khi thảo luận, Ban Thường vụ Huyện ủy kết luận như sau:",
        "1. Các tổ chức cơ sở đảng tiếp tục quán triệt nghị quyết của Tỉnh ủy,",
        "nâng cao chất lượng sinh hoạt chi bộ và công tác kiểm tra, giám sát.",
    ]
    for s in body:
        text(d, g.LEFT, y, s, "serif", 14, anchor="ls")
        y += lh
    sy = y + round(20 * MM)
    text(d, rcx, sy, "T/M BAN THƯỜNG VỤ", "serif-b", 14)
    text(d, rcx, sy + lh, "PHÓ BÍ THƯ", "serif-b", 14)
    g.draw_signature(sig, rcx, sy + lh + round(16 * MM), rng)
    text(d, rcx, sy + lh + round(34 * MM), "Nguyễn Văn Hùng", "serif-b", 14)
    if case.get("seal"):
        g.draw_seal(red, rcx - round(14 * MM), sy + lh + round(14 * MM),
                    "HUYỆN ỦY LỆ THỦY * TỈNH QUẢNG BÌNH *", rng)
    if case.get("receipt"):
        st, pen = draw_receipt(rng)
        x, yy = round(12 * MM), round(4 * MM)
        if case["receipt"] == "over_issuer":
            # Across the issuer's two lines, its left edge over their first letters.
            x, yy = lcx - st.size[0] // 2 - round(8 * MM), top + lh // 2 - round(8 * MM)
        red.paste(stamp_ink(st, rng, 90), (x, yy), st)
        sig.paste(pen, (x, yy), pen)
    if case.get("level"):
        layer = draw_mark(case["level"], case["frame"], case["skew"], rng)
        layer = stamp_ink(layer, rng, INKS[case["colour"]][1])
        lw, lhh = layer.size
        # Over the print: the stamp's middle on the số ký hiệu line's letters, or between
        # the issuer's two lines (its text across both), shifted off the column's centre.
        if case["position"] == "over_so":
            x, yy = lcx - lw // 2 + round(4 * MM), so_base - g.px(14) // 2 - lhh // 2
        elif case["position"] == "over_issuer":
            x, yy = lcx - lw // 2 - round(6 * MM), top + lh + lh // 2 - g.px(14) // 2 - lhh // 2
        elif case["position"] == "under_so":
            x, yy = lcx - lw // 2, so_base + round(3 * MM)
        elif case["position"] == "upper_left":
            x, yy = round(12 * MM), round(3 * MM)
        else:
            x, yy = W - round(12 * MM) - lw, round(3 * MM)
        mark.paste(layer, (x, yy), layer)
    img = Image.new("RGB", (W, H), g.PAPER_RGB)
    paste_colour(img, g.INK_RGB, ink)
    paste_colour(img, PEN_RGB, sig)
    stamp = Image.new("RGB", (W, H), (255, 255, 255))
    paste_colour(stamp, SEAL_RGB, red.point(lambda v: v * 85 // 100))
    if case.get("level"):
        paste_colour(stamp, INKS[case["colour"]][0], mark)
    # Multiplying by white changes nothing: only the stamps' box is multiplied.
    box = union_box((red, mark))
    if box is not None:
        img.paste(ImageChops.multiply(img.crop(box), stamp.crop(box)), box)
    if wear == "typed":
        # An old typewritten page: ribbon grain, aged paper, faded ink.
        img = g.wear_faded(g.wear_aged(img, rng), rng)
    elif wear in ("photocopy", "light_copy"):
        img = g.wear_photocopy(img, rng)
        if wear == "light_copy":
            # A copy made with little toner: the print a light gray, the paper grayish.
            img = img.point(lambda v: 105 + v * 130 // 255)
    # The scanner's optics. A worn page is blurred whole; an unworn one is plain paper
    # outside its ink, which blurring leaves as it is, so only its inked bands are.
    if wear is None:
        blur_inked(img, (ink, sig, red, mark), 0.6)
    else:
        img = img.filter(ImageFilter.GaussianBlur(0.6))
    img = g.add_signed(img, g.noise_image(rng, img.size, 2.0))
    return img


def cases():
    out = []
    for n, row in enumerate(pairwise(), 1):
        row = dict(row, name="mark-%02d" % n)
        out.append(row)
    # Marks over the header's print: every level in colour and in gray, each straight and
    # skewed, over the số ký hiệu line and over the issuer's lines.
    over = [
        ("MẬT", "colour", 0.0, "over_so", "red", True),
        ("MẬT", "gray", 3.0, "over_issuer", "faded", False),
        ("TỐI MẬT", "colour", 3.0, "over_issuer", "faded", True),
        ("TỐI MẬT", "gray", 0.0, "over_so", "red", True),
        ("TUYỆT MẬT", "colour", 3.0, "over_so", "red", False),
        ("TUYỆT MẬT", "gray", 0.0, "over_issuer", "red", True),
        # Unframed stamps over the print in gray scans (a grid of every level, ink, position
        # and skew admitted five such in session 16).
        ("MẬT", "gray", 3.0, "over_issuer", "dark", False),
        ("MẬT", "gray", 0.0, "over_so", "faded", False),
        ("TỐI MẬT", "gray", 0.0, "over_issuer", "red", False),
        ("TỐI MẬT", "gray", 3.0, "over_issuer", "red", False),
        ("TUYỆT MẬT", "gray", 0.0, "over_so", "red", False),
    ]
    for n, (level, scan, skew, position, colour, frame) in enumerate(over, 1):
        out.append({"name": "over-%02d" % n, "colour": colour, "frame": frame, "skew": skew,
                    "position": position, "level": level, "scan": scan, "approval": False})
    for scan in ("colour", "gray"):
        for kind in ("plain", "seal", "receipt", "receipt_over"):
            out.append({"name": "open-%s-%s" % (kind.replace("_", ""), scan), "scan": scan,
                        "approval": kind == "seal", "seal": kind == "seal",
                        "receipt": {"receipt": "above", "receipt_over": "over_issuer"}.get(kind)})
    # Light-gray ink that is no stamp, in gray scans: a faded typewritten page, a photocopy
    # and a light photocopy (its print a light gray).
    for wear in ("typed", "photocopy", "light_copy"):
        out.append({"name": "open-%s-gray" % wear.replace("_", ""), "scan": "gray",
                    "approval": False, "wear": wear})
    for c in out:
        level = c.get("level")
        # A gray receipt stamp across the print: its frame holds the print, read as nothing
        # sure; the rules cannot tell it from a mark, and fail closed (the safe side).
        if c.get("receipt") == "over_issuer" and c["scan"] == "gray":
            c["may_fail_closed"] = True
        if level is None:
            c["expect"] = "open"
        elif level == "TUYỆT MẬT" or not c["approval"]:
            c["expect"] = "withheld"
        else:
            c["expect"] = "restricted"
        c["do_mat"] = LABELS.get(level)
    return out


def write_case(box, c, dpi):
    """Renders case `c` and writes its scan into `box`; returns its file, relative to `box`."""
    rng = g.rng_for("red-marks", c["name"])
    img = render(c, rng)
    if dpi != g.DPI:
        img = img.resize((round(W * dpi / g.DPI), round(H * dpi / g.DPI)),
                         Image.Resampling.LANCZOS)
    folder = os.path.join(box, c["name"])
    os.makedirs(folder, exist_ok=True)
    if c["scan"] == "gray":
        name = "%s/1.png" % c["name"]
        # zlib's fastest level: the same pixels, written several times faster.
        img.convert("L").save(os.path.join(box, name), dpi=(dpi, dpi), compress_level=1)
    else:
        name = "%s/1.jpg" % c["name"]
        img.save(os.path.join(box, name), dpi=(dpi, dpi), quality=88)
    return name


def main():
    args = sys.argv[1:]
    dpi = 300
    if "--dpi" in args:
        k = args.index("--dpi")
        dpi = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    box, manifest = args
    g.find_fonts()
    all_cases = cases()
    # One process per core: every case is seeded by its own name, so the pages are the
    # same whatever the order they are rendered in.
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        files = pool.map(write_case, itertools.repeat(box), all_cases, itertools.repeat(dpi))
        for c, name in zip(all_cases, list(files)):
            c["file"] = name
    approvals = [{"reference": "77-CV/VPHU", "hoso": c["name"]}
                 for c in all_cases if c["approval"]]
    with open(os.path.join(box, "approvals.json"), "w", encoding="utf-8") as f:
        json.dump({"approvals": approvals}, f, ensure_ascii=False, indent=1)
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump({"factors": [[n, v] for n, v in FACTORS], "dpi": dpi, "cases": all_cases},
                  f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
