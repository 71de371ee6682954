#!/usr/bin/env python3
"""Generate the eval7 evaluation part, `sample-scans/eval/sealed7` (sealed: run once, never read).

Written from the document rules in /work/shared/DESIGN.md §3 (Party format after Quy định
66-QĐ/TW and Hướng dẫn 36-HD/VPTW, State format after Nghị định 30/2020/NĐ-CP, số ký hiệu forms,
độ mật / độ khẩn marks) and §4 (catalog field names) and the two reference texts, by a helper that
did not read the understanding code nor its tests. It reuses the eval6 generator
(`../eval6/generate.py`: its header variants, seal placement, Kính gửi lists, title pages, overlap
check, 200 dpi writers and `build_part`) and through it the eval5 one (`../eval5/generate.py`:
faces, page model, paragraphs, rendering, wear), both unchanged. What is added here:

- six header / closing arrangements that eval6 does not have (`NEW_LAYOUTS` below);
- four printed typefaces new to the eval sets (Noto Serif Display, Noto Sans Display, DejaVu Sans,
  DejaVu Sans Condensed), checked for every Vietnamese letter like the others;
- a check of the written box against its truth (`check_box`): page counts of every file, the
  pages of every document, the header fields on each first page, the signer on each last page.

The wording, issuers and hồ sơ plan are in `content_sealed7.py`; the document builder is eval6's
`build6.py` (imported from there).

    nice -n 19 /usr/bin/python3 sample-scans/eval7/generate7.py               # sealed7, then check it
    nice -n 19 /usr/bin/python3 sample-scans/eval7/generate7.py --layout-only # paginate, write nothing
    nice -n 19 /usr/bin/python3 sample-scans/eval7/generate7.py --check       # only check the box
    nice -n 19 /usr/bin/python3 sample-scans/eval7/generate7.py -v            # list every file written
    nice -n 19 /usr/bin/python3 sample-scans/eval7/generate7.py --part tune7  # the tuning part, then check it

`--part tune7` (or `tune7`) writes `sample-scans/eval/tune7` instead, tuning material
(`never_tune: false`) whose wording is in `content_tune7.py`; `--check`, `--layout-only` and `-v`
work on it the same way. Without a part the generator writes (or checks) sealed7 only.

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
    sys.exit("generate7.py: Pillow is required (Debian package python3-pil)")


_require_pillow()

import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402

from PIL import Image  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCANS = os.path.dirname(HERE)
EVAL = os.path.join(SCANS, "eval")
E6DIR = os.path.join(SCANS, "eval6")
PART = "sealed7"
# the parts this generator writes, and each one's `never_tune`: sealed7 (the default) is sealed,
# tune7 (`--part tune7`, wording in content_tune7.py) is tuning material
PARTS = {"sealed7": True, "tune7": False}
SIZE_LIMIT = 15_000_000


def _load_eval6():
    spec = importlib.util.spec_from_file_location("eval6_generate", os.path.join(E6DIR, "generate.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)     # loads eval5 too, and puts eval5/ and eval6/ on sys.path
    return mod


e6 = _load_eval6()
e5 = e6.e5
sys.path.insert(0, HERE)             # content_sealed7
W, H, DPI, MM = e5.W, e5.H, e5.DPI, e5.MM
px = e5.px

# --------------------------------------------------------------------------------------
# Typefaces: eval6's twelve, plus four printed faces new to the eval sets. check_face_coverage
# (eval5) refuses any face that lacks a Vietnamese letter, upper or lower case.
# --------------------------------------------------------------------------------------

NEW_FACES = {
    "Noto Serif Display": dict(r=e5.NOTO + "NotoSerifDisplay-Regular.ttf", b=e5.NOTO + "NotoSerifDisplay-Bold.ttf",
                               i=e5.NOTO + "NotoSerifDisplay-Italic.ttf",
                               bi=e5.NOTO + "NotoSerifDisplay-BoldItalic.ttf"),
    "Noto Sans Display": dict(r=e5.NOTO + "NotoSansDisplay-Regular.ttf", b=e5.NOTO + "NotoSansDisplay-Bold.ttf",
                              i=e5.NOTO + "NotoSansDisplay-Italic.ttf",
                              bi=e5.NOTO + "NotoSansDisplay-BoldItalic.ttf"),
    "DejaVu Sans": dict(r=e5.DJ + "DejaVuSans.ttf", b=e5.DJ + "DejaVuSans-Bold.ttf",
                        i=e5.DJ + "DejaVuSans-Oblique.ttf", bi=e5.DJ + "DejaVuSans-BoldOblique.ttf"),
    "DejaVu Sans Condensed": dict(r=e5.DJ + "DejaVuSansCondensed.ttf", b=e5.DJ + "DejaVuSansCondensed-Bold.ttf",
                                  i=e5.DJ + "DejaVuSansCondensed-Oblique.ttf",
                                  bi=e5.DJ + "DejaVuSansCondensed-BoldOblique.ttf"),
}
e5.FACES.update(NEW_FACES)

# --------------------------------------------------------------------------------------
# New arrangements. Keys beyond eval6's:
#   of_line      the type name is followed by a bold `CỦA BAN CHẤP HÀNH …` line (document's
#                `of_line`), then the trích yếu (the Đắk Nông reference Nghị quyết has it);
#   party_motto  the Party line printed on the right (`ĐẢNG LAO ĐỘNG VIỆT NAM` before December 1976);
#   noi_stack    the recipients' list under the signature instead of beside it, with its own
#                label (`Nơi gửi:` in older typewriting);
#   need_superior / auth_lines   checks: the issuer must have superior lines / the closing must
#                have that many authority lines (`TM. ỦY BAN NHÂN DÂN` over `KT. CHỦ TỊCH`).
# --------------------------------------------------------------------------------------

NEW_LAYOUTS = {
    # Party, printed: NGHỊ QUYẾT / CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN / về …; `Số` without a colon
    "p-ofbody": dict(fmt="party", hdr=13, motto=15, star=True, date="level", title=15, trich="b",
                     body=14, lead=1.45, pno="top", colon=False, of_line=True, margins=(30, 18)),
    # Party, typewritten, 1976: ĐẢNG LAO ĐỘNG VIỆT NAM on the right; `Nơi gửi:` under the signature
    "p-typed-ldvn": dict(fmt="party", typed=True, size=12, lead=1.8, star=True, date="level", pno="dash",
                         colon=False, party_motto="ĐẢNG LAO ĐỘNG VIỆT NAM", noi_stack=True,
                         noi_label="Nơi gửi:"),
    # State, typewritten: date on its own row; closing T/M ỦY BAN NHÂN DÂN TỈNH … / K/T CHỦ TỊCH /
    # PHÓ CHỦ TỊCH (two authority lines)
    "s-typed-double": dict(fmt="state", typed=True, size=12, lead=1.75, date="below", pno="dash",
                           colon=True, auth_lines=2),
    # State, printed (Nghị định 30 header): closing TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    "s-nd30-double": dict(fmt="state", hdr=13, motto=13, date="level", title=14, trich="b", body=14,
                          lead=1.42, pno="top", colon=True, auth_lines=2, margins=(30, 20)),
    # State body under a ministry: the ministry in regular capitals over two lines, the Cục in bold
    # over two lines, a short rule, `Số: …/QĐ-` + the Cục's abbreviation; smaller header, 13.5 pt body
    "s-ministry": dict(fmt="state", hdr=12, motto=12.5, date="level", title=14, trich="b", body=13.5,
                       lead=1.4, pno="top", colon=True, need_superior=2, margins=(30, 15)),
    # HĐND resolution: the session block (HỘI ĐỒNG NHÂN DÂN TỈNH … / KHÓA …, KỲ HỌP THỨ …) between
    # the trích yếu and the căn cứ, `QUYẾT NGHỊ:`, the Chủ tịch signing without an authority line;
    # page numbers at the bottom
    "s-hdnd": dict(fmt="state", hdr=13, motto=13, date="level", title=14, trich="b", body=14, lead=1.45,
                   pno="bottom", colon=True, auth_lines=0, margins=(30, 20)),
}
NEW_LAYOUT_NAMES = sorted(NEW_LAYOUTS)
EVAL6_LAYOUTS = ["p-below", "p-compact", "p-flush", "p-hd36", "p-inline", "p-rule", "p-three", "p-titlepage",
                 "p-typed-elite", "p-typed-left", "s-below", "s-cv", "s-nd30", "s-typed-top"]
e5.LAYOUTS.update(NEW_LAYOUTS)
PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"


class Doc7(e6.Doc6):
    """eval6's document layout plus the eval7 arrangements. The header itself is eval6's: the two
    header variants hook into `centre`, which the header calls for the Party line and the type
    name."""

    def __init__(self, d, part):
        super().__init__(d, part)
        L = self.L
        if L.get("of_line") and not d.get("of_line"):
            raise SystemExit("%s: layout %s needs an of_line" % (d["id"], d["layout"]))
        if L.get("need_superior") and len(d.get("superior") or []) != L["need_superior"]:
            raise SystemExit("%s: layout %s needs %d superior lines" % (d["id"], d["layout"], L["need_superior"]))
        c = d["closing"]
        if "auth_lines" in L and c["kind"] != "none" and len(c["authority_lines"]) != L["auth_lines"]:
            raise SystemExit("%s: layout %s needs %d authority lines" % (d["id"], d["layout"], L["auth_lines"]))
        self._of_done = False

    def centre(self, cx, base, s, style, pt, head=False, layer="ink", text=True, lo=0, hi=W):
        L, d = self.L, self.d
        if s == PARTY_MOTTO and L.get("party_motto"):
            s = L["party_motto"]
        out = super().centre(cx, base, s, style, pt, head, layer, text, lo, hi)
        if (L.get("of_line") and not self._of_done and self.page.n == 1 and s == d["type_line"]):
            # the "của …" line under the type name; the header goes on from self.y
            self._of_done = True
            y = base + round(px(pt) * 1.3)
            super().centre(cx, y, d["of_line"], "b", pt - 1)
            self.y = y
        return out

    # ---- closing block with the recipients under the signature ------------------------
    def closing_height(self):
        if not self.L.get("noi_stack"):
            return super().closing_height()
        c = self.d["closing"]
        pt = self.body_pt()
        right = (len(c["authority_lines"]) + 2) * px(pt) * 1.3 + 330
        left = (len(c.get("noi_nhan", [])) + 2) * px(pt) * 1.25
        return round(right + left) + 40

    def closing(self, c):
        L = self.L
        if not L.get("noi_stack"):
            return super().closing(c)
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
        yy = name_y + round(px(pt) * 1.7)
        if c.get("noi_nhan"):
            npt = pt - 1 if self.typed else pt - 2
            nx = max(round(10 * MM), LEFT - round(5 * MM))
            label = L.get("noi_label", "Nơi nhận:")
            self.draw(nx, yy, label, "r" if self.typed else "bi", npt)
            lw = self.width(label, "r", npt)
            self.page.ops.append(("rule", nx, yy + 12, nx + lw, yy + 12, 3, "ink"))
            yy += round(px(npt) * 1.3)
            for item in c["noi_nhan"]:
                self.draw(nx + round(6 * MM), yy, item, "r", npt)
                yy += round(px(npt) * 1.2)
        if yy > e5.BOTTOM + px(pt):
            raise SystemExit("%s p%d: the recipients' list leaves the page" % (d["id"], self.page.n))
        self.check_overlap(self.page, first, len(self.page.ops), "closing")
        self.y = yy + px(pt)


# eval6's build_part lays out with the module's Doc6: give it Doc7 (the only change)
e6.Doc6 = Doc7


# --------------------------------------------------------------------------------------
# Check the written box against its truth
# --------------------------------------------------------------------------------------

def pdf_pages(path):
    out = os.popen("pdfinfo '%s' 2>/dev/null" % path).read()
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    if m:
        return int(m.group(1))
    with open(path, "rb") as fh:
        return len(re.findall(rb"/Type\s*/Page[^s]", fh.read()))


def file_pages(path):
    if path.endswith(".pdf"):
        return pdf_pages(path), None
    with Image.open(path) as im:
        n = getattr(im, "n_frames", 1)
        return n, im.mode


def check_box(part=PART):
    """The box on disk agrees with truth.json: every file exists with its page count, mode and
    size; every document's pages are in order and point at its pages; each first page's text
    holds the số ký hiệu, the issuer lines, the date's year and the trích yếu, each last page the
    signer; each page of a classified document its codename; the box is under the size limit."""
    box = os.path.join(EVAL, part)
    with open(os.path.join(box, "truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    errors = []
    by_page = {}
    total = 0
    modes = {"TIFF, 1-bit, CCITT Group 4": "1", "TIFF, 8-bit grayscale, LZW": "L", "PNG, 8-bit grayscale": "L",
             "JPEG, 8-bit grayscale": "L", "JPEG, 24-bit colour": "RGB", "PNG, 24-bit RGB": "RGB",
             "TIFF, 24-bit RGB, LZW": "RGB"}
    for f in truth["files"]:
        path = os.path.join(box, f["source_file"])
        if not os.path.isfile(path):
            errors.append("missing file %s" % f["source_file"])
            continue
        size = os.path.getsize(path)
        total += size
        if size != f["size_bytes"]:
            errors.append("%s: %d bytes, truth says %d" % (f["source_file"], size, f["size_bytes"]))
        n, mode = file_pages(path)
        if n != len(f["pages"]):
            errors.append("%s: %d pages, truth lists %d" % (f["source_file"], n, len(f["pages"])))
        if mode and modes.get(f["format"]) and mode != modes[f["format"]]:
            errors.append("%s: mode %s, truth says %s" % (f["source_file"], mode, f["format"]))
        for k, p in enumerate(f["pages"], 1):
            if p["source_page"] != k:
                errors.append("%s: page %d numbered %d" % (f["source_file"], k, p["source_page"]))
            by_page[(f["source_file"], p["source_page"])] = p
    if total > SIZE_LIMIT:
        errors.append("box is %.1f MB, over %.1f MB" % (total / 1e6, SIZE_LIMIT / 1e6))
    listed = set()
    for d in truth["documents"]:
        pages = [by_page.get((r["source_file"], r["source_page"])) for r in d["pages"]]
        if None in pages:
            errors.append("%s: a page points at nothing" % d["id"])
            continue
        if len(pages) != d["so_trang"]:
            errors.append("%s: so_trang %d, %d pages" % (d["id"], d["so_trang"], len(pages)))
        for k, p in enumerate(pages, 1):
            listed.add((d["pages"][k - 1]["source_file"], d["pages"][k - 1]["source_page"]))
            if p["document"] != d["id"] or p["page_in_document"] != k or p["blank"]:
                errors.append("%s: page %d is %s p%s" % (d["id"], k, p["document"], p["page_in_document"]))
        if not all(r["source_file"].startswith(d["ho_so"] + "/") for r in d["pages"]):
            errors.append("%s: a page outside its hồ sơ %s" % (d["id"], d["ho_so"]))
        first = " ".join(pages[0]["text"].split())
        body_pages = [p for p in pages if not p["attachment_page"]]
        last = " ".join(body_pages[-1]["text"].split())
        if d["so_ky_hieu"] not in first:
            errors.append("%s: %s not on its first page" % (d["id"], d["so_ky_hieu"]))
        if d["co_quan_ban_hanh_header"] not in " ".join(pages[0]["text"].split("\n")):
            errors.append("%s: issuer lines not on its first page" % d["id"])
        if d["ngay_ban_hanh"][:4] not in first:
            errors.append("%s: year not on its first page" % d["id"])
        if " ".join(d["trich_yeu"].split()[:4]) not in first:
            errors.append("%s: trích yếu not on its first page" % d["id"])
        if d["nguoi_ky"] and d["nguoi_ky"] not in last:
            errors.append("%s: signer not on its last page" % d["id"])
        if d["do_mat"] != "none":
            if d["do_mat"] not in first:
                errors.append("%s: mark not on its first page" % d["id"])
            for p in pages:
                # a page holding only the closing block carries no codename: it is withheld because
                # it belongs to the document, not for what it shows
                if d["codename"] not in p["text"] and not p["closing_only"]:
                    errors.append("%s: codename missing on page %d" % (d["id"], p["page_in_document"]))
            if len(d["distinctive"]) != len(pages):
                errors.append("%s: distinctive lists %d pages" % (d["id"], len(d["distinctive"])))
    for key, p in by_page.items():
        if not p["blank"] and key not in listed:
            errors.append("%s p%d belongs to no document" % key)
    if truth["part"] != part or truth["never_tune"] is not PARTS.get(part, True):
        errors.append("part/never_tune wrong")
    return errors, total


# --------------------------------------------------------------------------------------

def summary(truth, size):
    s = e5.summary(truth, size)
    docs = truth["documents"]
    new = sorted({d["layout"] for d in docs} & set(NEW_LAYOUT_NAMES))
    new_faces = sorted({d["face"] for d in docs} & set(NEW_FACES))
    return s + "; new layouts %d %s; new faces %s" % (len(new), new, new_faces)


def parse_parts(argv):
    """Parts named on the command line (`tune7`, `--part tune7`, `--part=tune7`); sealed7 if none."""
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--part" and i + 1 < len(argv):
            args.append(argv[i + 1])
            i += 2
            continue
        if a.startswith("--part="):
            args.append(a.split("=", 1)[1])
        elif not a.startswith("-"):
            args.append(a)
        i += 1
    for a in args:
        if a not in PARTS:
            sys.exit("generate7.py: the parts are %s" % ", ".join(sorted(PARTS)))
    return args or [PART]


def main():
    parts = parse_parts(sys.argv[1:])
    layout_only = "--layout-only" in sys.argv
    check_only = "--check" in sys.argv
    verbose = "-v" in sys.argv
    failed = False
    for part in parts:
        if not check_only:
            e5.check_face_coverage()
            e6.check_refused()
            t0 = time.time()
            truth, size = e6.build_part(part, layout_only, verbose)
            truth["generator"] = "sample-scans/eval7/generate7.py"
            if not layout_only:
                with open(os.path.join(EVAL, part, "truth.json"), "w", encoding="utf-8") as fh:
                    json.dump(truth, fh, ensure_ascii=False, indent=1)
                    fh.write("\n")
            print(summary(truth, size), "(%.0f s)" % (time.time() - t0), flush=True)
            if layout_only:
                for d in truth["documents"]:
                    print("  %-11s %-14s %-16s %-22s %d p %s" % (d["id"], d["layout"], d["so_ky_hieu"], d["face"],
                                                                d["so_trang"], d["closing"]))
                continue
        errors, total = check_box(part)
        for e in errors:
            print("check:", e)
        print("check: %s, %.2f MB, %d problem(s)" % (part, total / 1e6, len(errors)))
        failed = failed or bool(errors)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
