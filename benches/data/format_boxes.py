#!/usr/bin/env python3
"""Boxes of the same rendered pages in each scan format, for benches/ingest_formats.rs.

    python3 benches/data/format_boxes.py OUT_DIR PAGES [COPIES]

Renders PAGES realistic 24-bit colour A4 pages at 300 dpi with sample-scans/generate.py's
layouts and wear (pages of its documents in turn; scanner blur and sensor noise, a red seal
where the document has one), then writes one box per format under OUT_DIR, each one hồ sơ
`hs-01` holding the same pages:

  png24        one 24-bit RGB PNG per page (zlib level 6, as scanners write them)
  tiff-lzw     one multi-page 24-bit RGB TIFF, LZW
  tiff-deflate one multi-page 24-bit RGB TIFF, Adobe Deflate
  png-gray     one 8-bit gray PNG per page
  tiff-g4      one multi-page bilevel TIFF, CCITT G4
  jpeg         one 24-bit JPEG per page (quality 90)
  pdf          one image-only PDF of JPEG pages (quality 90)
  mixed        one file per page, the formats above in turn

With COPIES (for the memory measurement) it writes only `png24-xCOPIES`: the colour PNG pages
copied COPIES times into differently named hồ sơ, each copy made a distinct file.
Prints a JSON manifest on stdout: per box, per page, the file and page within it.
Deterministic (fixed seeds). Needs Pillow and fonts-liberation2 (see generate.py).
"""

import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATE = os.path.join(HERE, "..", "..", "sample-scans", "generate.py")

spec = importlib.util.spec_from_file_location("sample_generate", GENERATE)
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)   # re-executes under /usr/bin/python3 if Pillow is missing

from PIL import Image  # noqa: E402

FORMATS = ["png24", "tiff-lzw", "tiff-deflate", "png-gray", "tiff-g4", "jpeg", "pdf"]
PDF_DATE = gen.PDF_DATE


def layouts():
    gen.find_fonts()
    out = []
    for doc_id, doc in gen.DOCS.items():
        for key in ("left", "title", "subtitle", "noi_nhan", "sign"):
            doc[key] = [gen.nfc(s) for s in doc[key]]
        doc["date"], doc["signer"], doc["seal"] = (
            gen.nfc(doc["date"]), gen.nfc(doc["signer"]), gen.nfc(doc["seal"]))
        doc["body"] = [(st, gen.nfc(" ".join(t.split()))) for st, t in doc["body"]]
    for doc_id, doc in gen.DOCS.items():
        if doc["style"] == "typewriter":
            continue
        out.extend(gen.Layout(doc_id, doc).run())
    return out


def render(count):
    pages = layouts()
    images = []
    for i in range(count):
        page = pages[i % len(pages)]
        has_seal = any(op[0] == "seal" for op in page.ops)
        skew = [0.0, 0.7, -1.1, 0.4][i % 4]
        spec = gen.P(page.doc_id, page.number, skew=skew,
                     wear=["red_seal"] if has_seal else [])
        spec["fmt"] = "png"
        images.append(gen.make_page_image(page, spec, True, "bench-formats#%d" % i))
        print("rendered page %d/%d" % (i + 1, count), file=sys.stderr)
    return images


def save(path, fmt, images):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    first, rest = images[0], images[1:]
    dpi = (300, 300)
    if fmt == "png24":
        first.save(path, format="PNG", dpi=dpi, compress_level=6)
    elif fmt == "png-gray":
        first.convert("L").save(path, format="PNG", dpi=dpi, compress_level=6)
    elif fmt == "tiff-lzw":
        first.save(path, format="TIFF", compression="tiff_lzw", dpi=dpi,
                   save_all=True, append_images=rest)
    elif fmt == "tiff-deflate":
        first.save(path, format="TIFF", compression="tiff_adobe_deflate", dpi=dpi,
                   save_all=True, append_images=rest)
    elif fmt == "tiff-g4":
        imgs = [gen.to_bilevel(i.convert("L")) for i in images]
        imgs[0].save(path, format="TIFF", compression="group4", dpi=dpi,
                     tiffinfo={262: 0}, save_all=True, append_images=imgs[1:])
    elif fmt == "jpeg":
        first.save(path, format="JPEG", dpi=dpi, quality=90)
    elif fmt == "pdf":
        first.save(path, format="PDF", resolution=300.0, save_all=True, append_images=rest,
                   quality=90, creationDate=PDF_DATE, modDate=PDF_DATE)
    else:
        raise ValueError(fmt)


EXT = {"png24": "png", "png-gray": "png", "tiff-lzw": "tif", "tiff-deflate": "tif",
       "tiff-g4": "tif", "jpeg": "jpg", "pdf": "pdf"}
MULTI = {"tiff-lzw", "tiff-deflate", "tiff-g4", "pdf"}


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else None
    images = render(count)
    manifest = {}
    if copies is not None:
        name = "png24-x%d" % copies
        rows = []
        firsts = []
        for c in range(copies):
            for i, img in enumerate(images):
                rel = "hs-%03d/p%02d.png" % (c + 1, i + 1)
                path = os.path.join(out, name, rel)
                if c == 0:
                    save(path, "png24", [img])
                    firsts.append(path)
                else:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(firsts[i], "rb") as f:
                        data = f.read()
                    # a trailer after IEND every decoder ignores: a distinct file
                    with open(path, "wb") as f:
                        f.write(data + b"sohoa-bench copy %d" % c)
                rows.append({"file": rel, "page": 1})
        manifest[name] = rows
        json.dump(manifest, sys.stdout, indent=1)
        return
    for fmt in FORMATS:
        rows = []
        if fmt in MULTI:
            rel = "hs-01/pages.%s" % EXT[fmt]
            save(os.path.join(out, fmt, rel), fmt, images)
            rows = [{"file": rel, "page": i + 1} for i in range(len(images))]
        else:
            for i, img in enumerate(images):
                rel = "hs-01/p%02d.%s" % (i + 1, EXT[fmt])
                save(os.path.join(out, fmt, rel), fmt, [img])
                rows.append({"file": rel, "page": 1})
        manifest[fmt] = rows
    rows = []
    for i, img in enumerate(images):
        fmt = FORMATS[i % len(FORMATS)]
        rel = "hs-01/p%02d-%s.%s" % (i + 1, fmt, EXT[fmt])
        save(os.path.join(out, "mixed", rel), fmt, [img])
        rows.append({"file": rel, "page": 1})
    manifest["mixed"] = rows
    json.dump(manifest, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
