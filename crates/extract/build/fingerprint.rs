//! The extractor's fingerprint: a hash of the code and data that decide its statements, made by
//! `build.rs` and reported by `Extractor::version`. Unit tests are no part of it (editing one must
//! not re-extract every stored document), so `#[cfg(test)]` modules are cut out of the source
//! before hashing. Kept apart from `build.rs` so that `tests/build_fingerprint.rs` can test it.

use std::path::{Path, PathBuf};

/// The directories whose files decide the statements, relative to kg-extract's manifest: its own
/// source, the NLP core's, the data model's and the compiled-in word lists.
pub fn source_dirs(root: &Path) -> [PathBuf; 4] {
    [
        root.join("src"),
        root.join("../nlp/src"),
        root.join("../model/src"),
        root.join("../../data/gazetteer"),
    ]
}

/// Every file under `dir`, recursively; none when it cannot be read.
pub fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.file_name().is_some_and(|n| n == "tests.rs") {
            // A module's unit tests moved to a file of their own (`#[cfg(test)] mod tests;`):
            // no statement depends on them.
            continue;
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a, 64 bits, over each file's name (relative to `root`) and contents, Rust source without
/// its test modules: stable across Rust versions (std's hashers are not promised to be).
pub fn fingerprint(root: &Path, files: &[PathBuf]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in files {
        let name = path.strip_prefix(root).unwrap_or(path);
        eat(name.to_string_lossy().as_bytes());
        eat(&[0]);
        let bytes = std::fs::read(path).unwrap_or_default();
        match std::str::from_utf8(&bytes) {
            Ok(text) if path.extension().is_some_and(|e| e == "rs") => {
                eat(without_test_modules(text).as_bytes())
            }
            _ => eat(&bytes),
        }
        eat(&[0]);
    }
    h
}

/// `source` without its test modules: each `#[cfg(test)]` attribute that stands before a `mod`
/// with a body, from the attribute to the body's closing brace. Braces inside comments, strings
/// and character literals do not count; a module whose body never closes is kept.
pub fn without_test_modules(source: &str) -> String {
    let code = code_mask(source);
    let mut out = String::with_capacity(source.len());
    let mut kept = 0;
    let mut from = 0;
    while let Some(found) = source[from..].find("#[cfg(test)]") {
        let at = from + found;
        from = at + 1;
        if !code[at] {
            continue;
        }
        if let Some(end) = test_module_end(source, &code, at + "#[cfg(test)]".len()) {
            out.push_str(&source[kept..at]);
            kept = end;
            from = end;
        }
    }
    out.push_str(&source[kept..]);
    out
}

/// The end (after the closing brace) of the module whose header starts at `from`, if the item
/// there is a `mod` with a body.
fn test_module_end(source: &str, code: &[bool], from: usize) -> Option<usize> {
    let b = source.as_bytes();
    let open = (from..b.len()).find(|&i| code[i] && matches!(b[i], b'{' | b';'))?;
    if b[open] != b'{' {
        return None;
    }
    let header: String = (from..open)
        .filter(|&i| code[i])
        .map(|i| char::from(b[i]))
        .collect();
    if !header.split_whitespace().any(|w| w == "mod") {
        return None;
    }
    let mut depth = 0usize;
    for i in open..b.len() {
        if !code[i] {
            continue;
        }
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// For each byte of `source`, whether it is code: not inside a comment, a string or a character
/// literal. A lexer just good enough to match braces.
fn code_mask(source: &str) -> Vec<bool> {
    let b = source.as_bytes();
    let mut code = vec![true; b.len()];
    let mut i = 0;
    while i < b.len() {
        let in_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let literal_end = match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => Some(line_comment_end(b, i)),
            b'/' if b.get(i + 1) == Some(&b'*') => Some(block_comment_end(b, i)),
            b'"' => Some(string_end(b, i + 1)),
            b'r' | b'b' if !in_word => raw_string_end(b, i),
            b'\'' => char_literal_end(source, i),
            _ => None,
        };
        match literal_end {
            Some(end) => {
                code[i..end].fill(false);
                i = end;
            }
            None => i += 1,
        }
    }
    code
}

fn line_comment_end(b: &[u8], i: usize) -> usize {
    (i..b.len()).find(|&k| b[k] == b'\n').unwrap_or(b.len())
}

/// Block comments nest in Rust.
fn block_comment_end(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        if b[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if b[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// The end of a string whose contents start at `i`, after its closing quote.
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The end of `r"…"`, `r#"…"#`, `b"…"` or `br#"…"#` starting at `i`; `None` when no such
/// literal starts there (an identifier such as `radius`, or a byte literal `b'x'`, handled as a
/// character literal).
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut k = i;
    if b[k] == b'b' {
        k += 1;
        if b.get(k) == Some(&b'"') {
            return Some(string_end(b, k + 1));
        }
    }
    if b.get(k) != Some(&b'r') {
        return None;
    }
    k += 1;
    let hashes = b[k..].iter().take_while(|&&c| c == b'#').count();
    k += hashes;
    if b.get(k) != Some(&b'"') {
        return None;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let body = k + 1;
    Some(
        (body..b.len())
            .find(|&e| b[e..].starts_with(&close))
            .map_or(b.len(), |e| e + close.len()),
    )
}

/// The end of a character literal starting at the quote `i` (`'{'`, `'\''`, `'\u{7b}'`), or
/// `None` for a lifetime or label (`'a`, `'static`).
fn char_literal_end(source: &str, i: usize) -> Option<usize> {
    let b = source.as_bytes();
    if b.get(i + 1) == Some(&b'\\') {
        // An escape: the closing quote is the first one after the escaped character.
        return (i + 3..b.len()).find(|&k| b[k] == b'\'').map(|k| k + 1);
    }
    let c = source.get(i + 1..)?.chars().next()?;
    let close = i + 1 + c.len_utf8();
    (b.get(close) == Some(&b'\'')).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_module_is_cut_out_and_the_code_after_it_kept() {
        let source =
            "fn f() {}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n\nfn g() {}\n";
        assert_eq!(without_test_modules(source), "fn f() {}\n\n\n\nfn g() {}\n");
    }

    #[test]
    fn braces_in_literals_and_comments_do_not_close_the_module() {
        let source = concat!(
            "fn f<'a>(x: &'a str) -> char { '{' }\n",
            "#[cfg(test)]\n",
            "mod tests {\n",
            "    // } a brace in a comment\n",
            "    /* } /* nested } */ } */\n",
            "    const S: &str = \"}\\\"}\";\n",
            "    const R: &str = r#\"}\"}\"#;\n",
            "    const B: &[u8] = b\"}\";\n",
            "    const C: [char; 3] = ['}', '\\'', '\\u{7d}'];\n",
            "    const BYTE: u8 = b'}';\n",
            "    const TEXT: &str = \"\n",
            "}\n",
            "\";\n",
            "    fn label<'a>(x: &'a str) -> &'a str { 'outer: loop { break 'outer x; } }\n",
            "}\n",
            "fn after() {}\n",
        );
        assert_eq!(
            without_test_modules(source),
            "fn f<'a>(x: &'a str) -> char { '{' }\n\nfn after() {}\n"
        );
    }

    #[test]
    fn only_modules_with_a_body_are_cut() {
        let source = concat!(
            "#[cfg(test)]\nuse std::fmt;\n",
            "#[cfg(test)]\nfn helper() {}\n",
            "#[cfg(test)]\n#[path = \"other.rs\"]\nmod other;\n",
            "/// Not code: #[cfg(test)] mod x {\nfn f() {}\n",
        );
        assert_eq!(without_test_modules(source), source);
        // An attribute between `#[cfg(test)]` and the module, and a module that never closes.
        let source = "#[cfg(test)]\n#[allow(unused)]\npub(crate) mod t {\n}\nfn f() {}\n";
        assert_eq!(without_test_modules(source), "\nfn f() {}\n");
        let source = "#[cfg(test)]\nmod t {\n fn f() {}\n";
        assert_eq!(without_test_modules(source), source);
    }

    #[test]
    fn the_extractor_sources_lose_their_tests_and_nothing_else() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for dir in source_dirs(root) {
            files(&dir, &mut all);
        }
        let mut cut = 0;
        for path in all
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        {
            let text = std::fs::read_to_string(path).unwrap();
            let stripped = without_test_modules(&text);
            assert!(!stripped.contains("#[test]"), "{}", path.display());
            // Every inline test module of these files is their last item: what comes before
            // stays. A module whose tests are a file of their own (`mod tests;`, left out by
            // `files`) keeps its declaration.
            if !text.contains("#[cfg(test)]\nmod tests;") {
                let code = text.split("#[cfg(test)]").next().unwrap();
                assert_eq!(stripped.trim_end(), code.trim_end(), "{}", path.display());
            }
            cut += usize::from(stripped.len() < text.len());
        }
        assert!(cut > 10, "only {cut} files had test modules");
    }

    #[test]
    fn the_fingerprint_follows_code_and_data_not_tests() {
        let dir = std::env::temp_dir().join(format!("kg-fingerprint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (rs, data) = (dir.join("rules.rs"), dir.join("words.txt"));
        let tests = "#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n";
        let print = |code: &str, words: &str| {
            std::fs::write(&rs, code).unwrap();
            std::fs::write(&data, words).unwrap();
            fingerprint(&dir, &[rs.clone(), data.clone()])
        };
        let base = print(&format!("fn f() {{}}\n{tests}"), "president\n");
        let edited_test = print(
            &format!("fn f() {{}}\n{}", tests.replace("t()", "u()")),
            "president\n",
        );
        assert_eq!(base, edited_test, "a test's edit changes the fingerprint");
        assert_ne!(base, print(&format!("fn g() {{}}\n{tests}"), "president\n"));
        assert_ne!(base, print(&format!("fn f() {{}}\n{tests}"), "minister\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
