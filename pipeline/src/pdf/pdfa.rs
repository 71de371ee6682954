//! The PDF/A-2u parts of an access copy: XMP metadata and the matching Info dictionary, the
//! sRGB `OutputIntent`, and the embedded glyphless font with its `ToUnicode` `CMap`.
//!
//! In: the document's [`AccessMetadata`] and the characters its text layer uses. Out: lopdf
//! objects added to the document being built.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};
use quick_xml::events::{BytesPI, Event};
use quick_xml::Writer;

use super::image::deflate;
use super::text::{to_unicode_cmap, GLYPH_ADVANCE};
use super::AccessMetadata;
use crate::markup::{text, xml_chars};
use crate::Result;

/// sRGB IEC 61966-2.1 (ICC v2), from Debian's `icc-profiles-free` (zlib license; see
/// `pipeline/assets/README.md`).
pub(super) const SRGB_ICC: &[u8] = include_bytes!("../../assets/sRGB.icc");

/// Tesseract's glyphless TrueType font: one empty glyph, ½ em wide (Apache-2.0; see
/// `pipeline/assets/README.md`).
pub(super) const GLYPHLESS_TTF: &[u8] = include_bytes!("../../assets/glyphless.ttf");

/// What produced the file, written to both the Info dictionary and the XMP packet.
pub(super) fn producer() -> String {
    format!("sohoa {}", env!("CARGO_PKG_VERSION"))
}

/// The catalog's `/OutputIntents` array: one `GTS_PDFA1` intent with the embedded sRGB profile.
pub(super) fn output_intents(doc: &mut Document) -> Result<Object> {
    let mut profile = Stream::new(
        dictionary! { "N" => 3, "Filter" => "FlateDecode" },
        deflate(SRGB_ICC)?,
    );
    profile.allows_compression = false;
    let profile_id = doc.add_object(profile);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profile_id,
    };
    Ok(Object::Array(vec![Object::Dictionary(intent)]))
}

/// Adds the Type0 glyphless font (`CIDFontType2`, Identity-H, every CID drawn with glyph 1)
/// as object `font_id`. `used` are the CIDs the text layer writes, for the `ToUnicode` `CMap`.
pub(super) fn glyphless_font(
    doc: &mut Document,
    font_id: ObjectId,
    used: &BTreeSet<u16>,
) -> Result<()> {
    const NAME: &str = "GlyphLessFont";
    let mut font_file = Stream::new(
        dictionary! {
            "Length1" => i64::try_from(GLYPHLESS_TTF.len()).expect("the font is a few KiB"),
            "Filter" => "FlateDecode",
        },
        deflate(GLYPHLESS_TTF)?,
    );
    font_file.allows_compression = false;
    let font_file = doc.add_object(font_file);
    let width = (GLYPH_ADVANCE * 1000.0) as i64;
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => NAME,
        "Flags" => 5, // fixed pitch, symbolic
        "FontBBox" => vec![0.into(), 0.into(), width.into(), 1000.into()],
        "ItalicAngle" => 0,
        "Ascent" => 1000,
        // Not 0, which readers (Poppler) take for "unknown" and replace with −0.35 em.
        "Descent" => -1,
        "CapHeight" => 1000,
        "StemV" => 80,
        "FontFile2" => font_file,
    });
    // Every CID maps to glyph 1 (the font's only glyph besides .notdef, which PDF/A forbids).
    let mut cid_to_gid = vec![0u8; 2 * 65536];
    for pair in cid_to_gid.chunks_exact_mut(2).skip(1) {
        pair[1] = 1;
    }
    let mut map = Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        deflate(&cid_to_gid)?,
    );
    map.allows_compression = false;
    let map = doc.add_object(map);
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => NAME,
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => width,
        "CIDToGIDMap" => map,
    });
    let mut to_unicode = Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        deflate(to_unicode_cmap(used).as_bytes())?,
    );
    to_unicode.allows_compression = false;
    let to_unicode = doc.add_object(to_unicode);
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => NAME,
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => to_unicode,
    };
    doc.objects.insert(font_id, Object::Dictionary(font));
    Ok(())
}

/// The Info dictionary: the same title, tool and dates as the XMP packet (PDF/A requires
/// the two to agree, so the title loses what the XMP cannot carry here too).
pub(super) fn info(meta: &AccessMetadata) -> lopdf::Dictionary {
    let date = Object::string_literal(pdf_date(&meta.created));
    dictionary! {
        "Title" => text_string(&xml_chars(&meta.title)),
        "Creator" => Object::string_literal(producer()),
        "Producer" => Object::string_literal(producer()),
        "CreationDate" => date.clone(),
        "ModDate" => date,
    }
}

/// A PDF text string: `PDFDocEncoding` is not worth it, so UTF-16BE with a byte order mark
/// for anything beyond printable ASCII.
fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Object::string_literal(text);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSS+HH'mm'`.
pub(super) fn pdf_date(date: &DateTime<FixedOffset>) -> String {
    let offset = date.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "D:{}{sign}{:02}'{:02}'",
        date.format("%Y%m%d%H%M%S"),
        minutes / 60,
        minutes % 60
    )
}

/// `YYYY-MM-DDTHH:MM:SS+HH:MM`, the XMP form of the same instant.
pub(super) fn xmp_date(date: &DateTime<FixedOffset>) -> String {
    date.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The XMP packet: Dublin Core title, identifier and language, the dates and tool, and the
/// PDF/A identification (part 2, conformance U). Only predefined schemas, so no extension
/// schema is needed. Written with quick-xml; the `xpacket` processing instructions wrap it
/// (no `bytes` or `encoding` attribute, which PDF/A forbids; UTF-8, so the byte order mark).
pub(super) fn xmp(meta: &AccessMetadata) -> String {
    crate::markup::to_string(Writer::new_with_indent(Vec::new(), b' ', 1), |w| {
        w.write_event(Event::PI(BytesPI::new(XPACKET_BEGIN)))?;
        w.create_element("x:xmpmeta")
            .with_attribute(("xmlns:x", "adobe:ns:meta/"))
            .write_inner_content(|w| {
                w.create_element("rdf:RDF")
                    .with_attribute(("xmlns:rdf", RDF))
                    .write_inner_content(|w| xmp_description(w, meta))?;
                Ok(())
            })?;
        w.write_event(Event::PI(BytesPI::new(XPACKET_END)))
    })
}

/// The packet's opening processing instruction (the XMP specification's fixed id).
const XPACKET_BEGIN: &str = "xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"";
/// The closing one: the packet may be rewritten in place.
const XPACKET_END: &str = "xpacket end=\"w\"";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// The one `rdf:Description` of the packet.
fn xmp_description(w: &mut Writer<Vec<u8>>, meta: &AccessMetadata) -> std::io::Result<()> {
    let date = xmp_date(&meta.created);
    let tool = producer();
    w.create_element("rdf:Description")
        .with_attributes([
            ("rdf:about", ""),
            ("xmlns:dc", crate::markup::DC),
            ("xmlns:xmp", "http://ns.adobe.com/xap/1.0/"),
            ("xmlns:pdf", "http://ns.adobe.com/pdf/1.3/"),
            ("xmlns:pdfaid", "http://www.aiim.org/pdfa/ns/id/"),
        ])
        .write_inner_content(|w| {
            w.create_element("dc:format")
                .write_text_content(text("application/pdf"))?;
            w.create_element("dc:title").write_inner_content(|w| {
                w.create_element("rdf:Alt").write_inner_content(|w| {
                    w.create_element("rdf:li")
                        .with_attribute(("xml:lang", "x-default"))
                        .write_text_content(text(&meta.title))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            w.create_element("dc:identifier")
                .write_text_content(text(&meta.identifier))?;
            w.create_element("dc:language").write_inner_content(|w| {
                w.create_element("rdf:Bag").write_inner_content(|w| {
                    w.create_element("rdf:li")
                        .write_text_content(text(&meta.language))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            for name in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
                w.create_element(name).write_text_content(text(&date))?;
            }
            w.create_element("xmp:CreatorTool")
                .write_text_content(text(&tool))?;
            w.create_element("pdf:Producer")
                .write_text_content(text(&tool))?;
            w.create_element("pdfaid:part")
                .write_text_content(text("2"))?;
            w.create_element("pdfaid:conformance")
                .write_text_content(text("U"))?;
            Ok(())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_agree_between_info_and_xmp() {
        let d = DateTime::parse_from_rfc3339("2025-07-01T08:30:05+07:00").unwrap();
        assert_eq!(pdf_date(&d), "D:20250701083005+07'00'");
        assert_eq!(xmp_date(&d), "2025-07-01T08:30:05+07:00");
        let d = DateTime::parse_from_rfc3339("2025-01-02T03:04:05-03:30").unwrap();
        assert_eq!(pdf_date(&d), "D:20250102030405-03'30'");
    }

    #[test]
    fn xmp_reads_back_with_hostile_text_inside_its_xpacket_wrapper() {
        use crate::markup::read_back::{named, parse, HOSTILE, HOSTILE_READ};
        let meta = AccessMetadata {
            title: HOSTILE.into(),
            identifier: "H49.61.8.2017.0000001 <&>".into(),
            language: "vi\u{1}".into(),
            created: DateTime::parse_from_rfc3339("2025-07-01T08:30:05+07:00").unwrap(),
        };
        let xmp = xmp(&meta);
        assert!(
            xmp.starts_with("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"),
            "{xmp}"
        );
        assert!(xmp.ends_with("<?xpacket end=\"w\"?>"), "{xmp}");
        let (elements, instructions) = parse(&xmp);
        assert_eq!(instructions, [XPACKET_BEGIN, XPACKET_END]);
        let value = |name: &str| {
            let found = named(&elements, name);
            assert_eq!(found.len(), 1, "{name} in {xmp}");
            found[0].text.clone()
        };
        assert_eq!(elements[0].name, "x:xmpmeta");
        assert_eq!(elements[1].attribute("xmlns:rdf"), Some(RDF));
        let description = named(&elements, "rdf:Description")[0];
        assert_eq!(description.attribute("rdf:about"), Some(""));
        assert_eq!(
            description.attribute("xmlns:pdfaid"),
            Some("http://www.aiim.org/pdfa/ns/id/")
        );
        let items = named(&elements, "rdf:li");
        assert_eq!(items[0].text, HOSTILE_READ);
        assert_eq!(items[0].attribute("xml:lang"), Some("x-default"));
        assert_eq!(items[1].text, "vi");
        assert_eq!(value("dc:identifier"), "H49.61.8.2017.0000001 <&>");
        assert_eq!(value("dc:format"), "application/pdf");
        for name in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
            assert_eq!(value(name), "2025-07-01T08:30:05+07:00");
        }
        assert_eq!(value("xmp:CreatorTool"), producer());
        assert_eq!(value("pdf:Producer"), producer());
        assert_eq!(value("pdfaid:part"), "2");
        assert_eq!(value("pdfaid:conformance"), "U");
        // The Info dictionary's title agrees with the XMP's.
        assert_eq!(
            info(&meta).get(b"Title").unwrap(),
            &text_string(HOSTILE_READ)
        );
    }

    #[test]
    fn titles_beyond_ascii_are_utf16_with_a_bom() {
        match text_string("Đảng") {
            Object::String(bytes, _) => {
                assert_eq!(
                    bytes,
                    vec![0xFE, 0xFF, 0x01, 0x10, 0x1E, 0xA3, 0, 0x6E, 0, 0x67]
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bundled_assets_are_what_the_readme_says() {
        // ICC header: profile size, 'acsp' signature, RGB data colour space, display class.
        assert_eq!(
            u32::from_be_bytes(SRGB_ICC[0..4].try_into().unwrap()) as usize,
            SRGB_ICC.len()
        );
        assert_eq!(&SRGB_ICC[36..40], b"acsp");
        assert_eq!(&SRGB_ICC[16..20], b"RGB ");
        assert_eq!(&SRGB_ICC[12..16], b"mntr");
        // TrueType: version 1.0 and the glyph's advance width of ½ em (1024 of 2048 units).
        assert_eq!(&GLYPHLESS_TTF[0..4], &[0, 1, 0, 0]);
    }
}
