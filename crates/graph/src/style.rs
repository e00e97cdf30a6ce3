//! How nodes look in every export: colour by entity type, size by mentions, and XML escaping.

use std::io::{self, Write};

use crate::projection::EntityNode;

/// Colour by entity type, from a palette (Tableau 10) that stays readable for colour-blind viewers.
pub fn colour(node: &EntityNode) -> (u8, u8, u8) {
    colour_of(node.type_name())
}

/// Colour of a short type name (`Person`, `Organization`, `Place`, `Concept`, `OtherEntity`).
pub fn colour_of(type_name: &str) -> (u8, u8, u8) {
    match type_name {
        "Person" => (31, 119, 180),
        "Organization" => (255, 127, 14),
        "Place" => (44, 160, 44),
        "Concept" => (160, 160, 160),
        _ => (148, 103, 189),
    }
}

/// Node size grows with the square root of the mentions so that hubs stand out without drowning
/// the rest.
pub fn size(node: &EntityNode) -> f64 {
    10.0 + 5.0 * (node.mentions as f64).sqrt()
}

/// Writes `text` escaped for XML content and attributes, dropping characters XML 1.0 does not
/// allow, so that any input text gives a well-formed file.
pub fn write_escaped(out: &mut impl Write, text: &str) -> io::Result<()> {
    // Most text needs nothing: one pass over the bytes finds out (0xEF leads U+FFFE and U+FFFF,
    // and a few other characters that then take the careful path).
    if !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xEF))
    {
        return out.write_all(text.as_bytes());
    }
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' | '\n' | '\r' => continue,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => "",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(replacement.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])
}

/// `text` escaped for XML (see [`write_escaped`]).
pub fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    write_escaped(&mut out, text).expect("writing to a Vec");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_makes_any_text_safe() {
        assert_eq!(
            escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("bell\u{7}\u{0}end\u{FFFF}"), "bellend");
        assert_eq!(escape("tab\there é"), "tab\there é");
    }
}
