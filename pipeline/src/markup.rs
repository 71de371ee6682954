//! Escaping text for XML and HTML: any text in, text safe inside an element or a quoted
//! attribute out. Shared by the hOCR writer, the PDF/A XMP packet, the BagIt Dublin Core file
//! and search snippets (which are HTML with `<b>` around the hits).

/// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0 cannot carry at all
/// (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped_and_unusable_characters_dropped() {
        assert_eq!(
            escape("<b a=\"x\">Đ&'y</b>"),
            "&lt;b a=&quot;x&quot;&gt;Đ&amp;&#39;y&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{FFFE}\tc\n"), "ab\tc\n");
    }
}
