//! XML and HTML out, through quick-xml: any text in, well-formed markup out.
//!
//! In: text from scans and records (OCR words, catalog values, page text). Out: quick-xml text
//! events and attributes built from it ([`text`], [`attr`]), a document written with a
//! quick-xml [`Writer`] as a `String` ([`to_string`]), the one Dublin Core writer
//! ([`dublin_core`]: an [`archive_schema::DublinCore`] as an `oai_dc:dc` element), and HTML
//! text for search snippets ([`escape_html`]). The hOCR pages, the PDF/A XMP packet and the
//! `BagIt` `dublin-core.xml` are all written this way. Escaping is quick-xml's; the one thing
//! done here is [`xml_chars`]: dropping the characters XML 1.0 cannot carry, which quick-xml
//! would write as they are (a control character in an OCR word would make the file
//! unreadable to every XML parser).

use std::borrow::Cow;
use std::io;

use archive_schema::DublinCore;
use quick_xml::escape::{escape, partial_escape};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::BytesText;
use quick_xml::Writer;

/// The OAI-PMH Dublin Core container's namespace.
const OAI_DC: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
/// The Dublin Core elements 1.1 namespace.
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const OAI_DC_SCHEMA: &str =
    "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

/// Whether XML 1.0 can carry `c`: not a control character other than tab, line feed and
/// carriage return, not U+FFFE or U+FFFF.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `text` without the characters XML 1.0 cannot carry (borrowed when it has none).
pub fn xml_chars(text: &str) -> Cow<'_, str> {
    if text.chars().all(xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| xml_char(c)).collect())
    }
}

/// Element content: `value` without what XML 1.0 cannot carry, escaped by quick-xml.
pub fn text(value: &str) -> BytesText<'_> {
    BytesText::from_escaped(escape(xml_chars(value)))
}

/// An attribute: `value` without what XML 1.0 cannot carry, escaped by quick-xml (quotes,
/// and tab and line breaks, which attribute normalisation would turn into spaces).
pub fn attr<'a>(key: &'a str, value: &'a str) -> Attribute<'a> {
    Attribute::from((key, xml_chars(value)))
}

/// Runs `write` on `writer` (which writes into memory) and returns what it wrote.
pub fn to_string(
    mut writer: Writer<Vec<u8>>,
    write: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>,
) -> String {
    // quick-xml's only errors are those of the writer below it, and a Vec never fails.
    write(&mut writer).expect("writing XML into memory cannot fail");
    // Every piece written came from a `&str`, so the bytes are UTF-8.
    String::from_utf8(writer.into_inner())
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes `dc` as an OAI-PMH `oai_dc:dc` element (declaring its namespaces, so it stands on
/// its own): each value of each of the 15 elements in DCMES order, values that are empty
/// once what XML cannot carry is dropped left out.
pub fn dublin_core<W: io::Write>(writer: &mut Writer<W>, dc: &DublinCore) -> io::Result<()> {
    writer
        .create_element("oai_dc:dc")
        .with_attributes([
            ("xmlns:oai_dc", OAI_DC),
            ("xmlns:dc", DC),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", OAI_DC_SCHEMA),
        ])
        .write_inner_content(|writer| {
            for (name, values) in dc.elements() {
                for value in values {
                    if xml_chars(value).trim().is_empty() {
                        continue;
                    }
                    writer
                        .create_element(format!("dc:{name}"))
                        .write_text_content(text(value))?;
                }
            }
            Ok(())
        })?;
    Ok(())
}

/// HTML element content (search snippets): `text` without what XML 1.0 cannot carry, with
/// `&`, `<` and `>` escaped by quick-xml (quotes need no escaping outside attributes).
pub fn escape_html(text: &str) -> String {
    partial_escape(xml_chars(text)).into_owned()
}

/// Reading XML back with quick-xml, for the writers' tests.
#[cfg(test)]
pub(crate) mod read_back {
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    use quick_xml::{Reader, XmlVersion};

    /// Text no writer may pass through unescaped or unfiltered.
    pub const HOSTILE: &str =
        "Đảng <ủy> & \"Khối\" 'cơ quan' ]]> a\u{0}b\u{1b}c\u{FFFE}\u{FFFF}\td";
    /// [`HOSTILE`] as a parser reads it back: the same, less what XML 1.0 cannot carry.
    pub const HOSTILE_READ: &str = "Đảng <ủy> & \"Khối\" 'cơ quan' ]]> abc\td";

    /// One element as a parser sees it: qualified name, attributes (unescaped, normalised)
    /// and its own text (entity and character references resolved).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Element {
        pub name: String,
        pub attributes: Vec<(String, String)>,
        pub text: String,
    }

    impl Element {
        pub fn attribute(&self, key: &str) -> Option<&str> {
            self.attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        }
    }

    /// The elements of `xml` in document order, and its processing instructions; panics when
    /// `xml` is not well-formed (mismatched end tags, bad references, unclosed elements).
    pub fn parse(xml: &str) -> (Vec<Element>, Vec<String>) {
        let mut reader = Reader::from_str(xml);
        let (mut elements, mut open, mut instructions) = (Vec::new(), Vec::new(), Vec::new());
        loop {
            let event = reader.read_event().unwrap_or_else(|e| {
                panic!("not well-formed at {}: {e}\n{xml}", reader.error_position())
            });
            let element = |e: &quick_xml::events::BytesStart| Element {
                name: e.name().as_ref().to_string(),
                attributes: e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect(),
                text: String::new(),
            };
            let text: String = match event {
                Event::Start(e) => {
                    open.push(elements.len());
                    elements.push(element(&e));
                    continue;
                }
                Event::Empty(e) => {
                    elements.push(element(&e));
                    continue;
                }
                Event::End(_) => {
                    open.pop().expect("an end tag without a start tag");
                    continue;
                }
                Event::PI(pi) => {
                    instructions.push(pi.into_inner().into_owned());
                    continue;
                }
                Event::Eof => break,
                Event::Text(t) => t.xml10_content().into_owned(),
                Event::CData(c) => c.xml10_content().into_owned(),
                Event::GeneralRef(r) if r.is_char_ref() => {
                    r.resolve_char_ref().unwrap().unwrap().to_string()
                }
                Event::GeneralRef(r) => resolve_predefined_entity(&r.xml10_content())
                    .unwrap_or_else(|| panic!("unknown entity {r:?}"))
                    .to_string(),
                _ => continue,
            };
            match open.last() {
                Some(&i) => elements[i].text.push_str(&text),
                None => assert!(text.trim().is_empty(), "text outside the root: {text:?}"),
            }
        }
        assert!(open.is_empty(), "unclosed elements:\n{xml}");
        (elements, instructions)
    }

    /// The elements named `name`.
    pub fn named<'a>(elements: &'a [Element], name: &str) -> Vec<&'a Element> {
        elements.iter().filter(|e| e.name == name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::read_back::{named, parse, HOSTILE, HOSTILE_READ};
    use super::*;

    #[test]
    fn characters_xml_cannot_carry_are_dropped_and_others_kept() {
        assert_eq!(xml_chars(HOSTILE), HOSTILE_READ);
        assert!(matches!(xml_chars("Nghị quyết\r\n"), Cow::Borrowed(_)));
        assert_eq!(xml_chars("\u{7f}\u{85}x"), "x");
    }

    #[test]
    fn snippet_html_is_escaped_and_unusable_characters_dropped() {
        assert_eq!(
            escape_html("<b a=\"x\">Đ&'y</b>"),
            "&lt;b a=\"x\"&gt;Đ&amp;'y&lt;/b&gt;"
        );
        assert_eq!(escape_html("a\u{0}b\u{FFFE}\tc\n"), "ab\tc\n");
    }

    #[test]
    fn hostile_text_and_attributes_read_back_as_written() {
        let xml = to_string(Writer::new(Vec::new()), |w| {
            w.create_element("root")
                .with_attribute(attr("title", HOSTILE))
                .write_text_content(text(HOSTILE))?;
            Ok(())
        });
        let (elements, _) = parse(&xml);
        assert_eq!(elements[0].text, HOSTILE_READ, "{xml}");
        // Attribute normalisation would turn an unescaped tab into a space.
        assert_eq!(elements[0].attribute("title"), Some(HOSTILE_READ), "{xml}");
    }

    #[test]
    fn dublin_core_is_an_oai_dc_element_with_every_value() {
        let dc = DublinCore {
            title: vec![HOSTILE.into()],
            creator: vec!["Đảng ủy Khối".into()],
            type_: vec!["Nghị quyết".into(), "Text".into()],
            identifier: vec!["H49.61.8.2017.0000001".into(), "01HZX3J6Q8".into()],
            // Nothing left once filtered: no element.
            description: vec!["\u{1}\u{2}".into()],
            ..Default::default()
        };
        let xml = to_string(Writer::new(Vec::new()), |w| dublin_core(w, &dc));
        let (elements, _) = parse(&xml);
        let root = &elements[0];
        assert_eq!(root.name, "oai_dc:dc");
        assert_eq!(root.attribute("xmlns:dc"), Some(DC));
        assert_eq!(root.attribute("xmlns:oai_dc"), Some(OAI_DC));
        assert_eq!(named(&elements, "dc:title")[0].text, HOSTILE_READ);
        assert_eq!(named(&elements, "dc:creator")[0].text, "Đảng ủy Khối");
        let values = |name| -> Vec<String> {
            named(&elements, name)
                .iter()
                .map(|e| e.text.clone())
                .collect()
        };
        assert_eq!(values("dc:type"), ["Nghị quyết", "Text"]);
        assert_eq!(
            values("dc:identifier"),
            ["H49.61.8.2017.0000001", "01HZX3J6Q8"]
        );
        assert!(values("dc:description").is_empty(), "{xml}");
        // DCMES order: title, creator, …, type, …, identifier.
        let order: Vec<&str> = elements[1..].iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "dc:title",
                "dc:creator",
                "dc:type",
                "dc:type",
                "dc:identifier",
                "dc:identifier"
            ]
        );
    }
}
