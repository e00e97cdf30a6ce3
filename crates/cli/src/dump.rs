//! Dump readers: plain text (one document per line), CSV with a header, JSONL, any of them gzipped,
//! and directories of them. Streamed record by record, so memory does not grow with the dump.
//!
//! A bad record never stops the build: it becomes a [`Reject`] naming file, line and reason, and
//! reading goes on with the next record. CSV quoting is checked line by line, so one unbalanced
//! quote costs one record, not the rest of the file.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use kg_model::{Date, Document};
use sha2::{Digest, Sha256};

/// How to read dumps.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// CSV column / JSON field holding the text.
    pub text_column: String,
    /// Records longer than this many bytes are truncated at a sentence-friendly boundary, with a
    /// warning; lines are never buffered beyond it.
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_column: "text".into(),
            max_document_bytes: 1 << 20,
        }
    }
}

/// A record that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reject {
    pub file: String,
    /// 1-based line where the record starts; 0 for problems with the whole file.
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

/// A document read from a dump, with where it came from.
#[derive(Clone, Debug)]
pub struct Record {
    pub document: Document,
    pub file: String,
    pub line: u64,
    /// Set when the text was cut to `max_document_bytes`.
    pub truncated: bool,
}

/// What a reader yields: a document or a rejected record.
#[derive(Debug)]
pub enum Item {
    Record(Record),
    Reject(Reject),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Jsonl,
}

/// Expands directories (recursively, sorted, dump files only) and keeps files as given.
pub fn expand_inputs(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| naming(input, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            collect_dir(input, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// `e` with the path it concerns in its message: an I/O error alone ("No such file or
/// directory") does not say which of a build's inputs failed.
fn naming(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| naming(dir, e))? {
        let path = entry.map_err(|e| naming(dir, e))?.path();
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// Format from the file name, looking through a `.gz` suffix.
fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "txt" | "text" => Some(Format::Text),
        "csv" | "tsv" => Some(Format::Csv),
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        _ => None,
    }
}

/// An input file as read: what a build records in its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    /// SHA-256 of the file's bytes as stored (compressed, for `.gz`).
    pub sha256: String,
    pub bytes: u64,
}

/// Reads all records of `files`, in order, calling `sink` for each. Duplicate ids within the given
/// dumps are rejected after their first occurrence. Returns each file's digest, computed on the
/// bytes as they are read (no second pass). Fails only when a file cannot be opened or read.
pub fn read_all(
    files: &[PathBuf],
    options: &ReadOptions,
    mut sink: impl FnMut(Item),
) -> std::io::Result<Vec<InputFile>> {
    // Where each id was first seen, to say so when it comes again.
    let mut seen_ids: HashMap<String, (String, u64)> = HashMap::new();
    let mut inputs = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let mut file = File::open(path).map_err(|e| naming(path, e))?;
        let mut digest = (Sha256::new(), 0u64);
        let format = format_of(path).unwrap_or(Format::Text);
        let gz = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        let tsv = name
            .to_ascii_lowercase()
            .trim_end_matches(".gz")
            .ends_with(".tsv");
        let mut on_record = |item: Item| match item {
            Item::Record(record) => match seen_ids.get(&record.document.id) {
                None => {
                    let first = (record.file.clone(), record.line);
                    seen_ids.insert(record.document.id.clone(), first);
                    sink(Item::Record(record));
                }
                Some((file, line)) => {
                    // A document without an id is named by its text: the same text again is
                    // the same document (a repeated wire story), not a second one.
                    let reason = if record.document.id == content_id(&record.document.text) {
                        format!("the same text as {file}:{line} (a document without an id is known by its text)")
                    } else {
                        format!(
                            "duplicate document id {:?} (first at {file}:{line})",
                            record.document.id
                        )
                    };
                    sink(Item::Reject(Reject {
                        file: record.file,
                        line: record.line,
                        reason,
                    }));
                }
            },
            reject => sink(reject),
        };
        let hashing = Hashing {
            inner: &mut file,
            digest: &mut digest,
        };
        read_stream(&name, format, gz, tsv, hashing, options, &mut on_record)
            .map_err(|e| naming(path, e))?;
        // Whatever the format reader did not need (a binary file, a CSV without its text column).
        let (mut hasher, mut bytes) = digest;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(naming(path, e)),
            };
            hasher.update(&buf[..n]);
            bytes += n as u64;
        }
        inputs.push(InputFile {
            path: name,
            sha256: hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            bytes,
        });
    }
    Ok(inputs)
}

/// Reads one dump from `raw` (the bytes as stored): gunzips when `gz`, rejects binary and empty
/// files, then reads records in `format`. `name` is what messages call the file.
pub fn read_stream(
    name: &str,
    format: Format,
    gz: bool,
    tsv: bool,
    raw: impl Read,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) -> std::io::Result<()> {
    let raw: Box<dyn Read + '_> = if gz {
        Box::new(MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let delimiter = if tsv { b'\t' } else { b',' };
    let mut lines = Lines::new(&mut reader, options.max_document_bytes);
    let result = (|| {
        if let Some(reason) = lines.sniff_binary()? {
            emit(Item::Reject(Reject {
                file: name.into(),
                line: 0,
                reason,
            }));
            return Ok(());
        }
        let count = match format {
            Format::Text => read_text(name, &mut lines, options, emit)?,
            Format::Jsonl => read_jsonl(name, &mut lines, options, emit)?,
            Format::Csv => read_csv(name, &mut lines, delimiter, options, emit)?,
        };
        if count == 0 && lines.line == 0 {
            emit(Item::Reject(Reject {
                file: name.into(),
                line: 0,
                reason: "empty file".into(),
            }));
        }
        Ok(())
    })();
    match result {
        // A corrupt or truncated compressed stream: the records before it count, the rest of the
        // file cannot be read.
        Err(e) if gz && is_data_error(&e) => {
            emit(Item::Reject(Reject {
                file: name.into(),
                line: lines.line + 1,
                reason: format!("unreadable gzip data, rest of the file skipped: {e}"),
            }));
            Ok(())
        }
        other => other,
    }
}

fn is_data_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::InvalidData
            | std::io::ErrorKind::InvalidInput
            | std::io::ErrorKind::UnexpectedEof
    )
}

/// Hashes the bytes read through it.
struct Hashing<'a> {
    inner: &'a mut File,
    digest: &'a mut (Sha256, u64),
}

impl Read for Hashing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.digest.0.update(&buf[..n]);
        self.digest.1 += n as u64;
        Ok(n)
    }
}

/// Line reader over bytes that never holds more than `limit` bytes of one line.
struct Lines<'r> {
    reader: &'r mut dyn BufRead,
    limit: usize,
    /// Number of the last line returned (1-based).
    line: u64,
}

/// One physical line.
struct Line {
    bytes: Vec<u8>,
    /// The line was longer than the limit; the rest was skipped.
    cut: bool,
}

impl<'r> Lines<'r> {
    fn new(reader: &'r mut dyn BufRead, limit: usize) -> Lines<'r> {
        Lines {
            reader,
            limit,
            line: 0,
        }
    }

    /// Looks at the first bytes: many NULs and control bytes mean a binary file (a dump is text).
    /// A stray NUL in a text file is left to the per-record check.
    fn sniff_binary(&mut self) -> std::io::Result<Option<String>> {
        let head = self.reader.fill_buf()?;
        let probe = &head[..head.len().min(8192)];
        let control = probe
            .iter()
            .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) || b == 0x7f)
            .count();
        Ok((control > 0 && control * 10 >= probe.len())
            .then(|| "binary file (control bytes at the start): not a text dump".to_owned()))
    }

    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut cut = false;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                if bytes.is_empty() && !cut {
                    return Ok(None);
                }
                break;
            }
            let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..=i], true),
                None => (buf, false),
            };
            let room = (self.limit + 1).saturating_sub(bytes.len());
            if chunk.len() <= room {
                bytes.extend_from_slice(chunk);
            } else {
                bytes.extend_from_slice(&chunk[..room]);
                cut = true;
            }
            let used = chunk.len();
            self.reader.consume(used);
            if done {
                break;
            }
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        self.line += 1;
        Ok(Some(Line { bytes, cut }))
    }
}

/// Checks a record's bytes and turns them into text, or says why not.
fn text_of(bytes: &[u8]) -> Result<&str, String> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("NUL byte at column {}", i + 1));
    }
    std::str::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to() + 1))
}

/// Cuts `text` to at most `limit` bytes at a char boundary, preferring the end of a sentence.
fn truncate(text: &mut String, limit: usize) -> bool {
    if text.len() <= limit {
        return false;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(stop) = text[..end].rfind(['.', '!', '?', '\n']) {
        if stop > end / 2 {
            end = stop + 1;
        }
    }
    text.truncate(end);
    true
}

/// Builds the document: trims, normalises line ends, derives the id from the text when absent.
fn make_record(
    file: &str,
    line: u64,
    fields: Fields,
    options: &ReadOptions,
    was_cut: bool,
) -> Item {
    let mut text = fields.text.replace("\r\n", "\n").trim().to_owned();
    if text.is_empty() {
        return Item::Reject(Reject {
            file: file.into(),
            line,
            reason: "empty text".into(),
        });
    }
    let truncated = truncate(&mut text, options.max_document_bytes) || was_cut;
    let id = match fields
        .id
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
    {
        Some(id) => id,
        None => content_id(&text),
    };
    let date = match fields
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => match Date::parse_iso(d) {
            Some(date) => Some(date),
            None => {
                return Item::Reject(Reject {
                    file: file.into(),
                    line,
                    reason: format!("date {d:?} is not YYYY-MM-DD"),
                })
            }
        },
        None => None,
    };
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let mut document = Document::new(id, text);
    document.date = date;
    document.title = nonempty(fields.title);
    document.url = nonempty(fields.url);
    document.source = nonempty(fields.source);
    Item::Record(Record {
        document,
        file: file.into(),
        line,
        truncated,
    })
}

/// The stable id of a document without one: a hash of its text, so the same text always gets the
/// same id, whatever dump or format it arrives in.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Default)]
struct Fields {
    text: String,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

fn read_text(
    file: &str,
    lines: &mut Lines<'_>,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) -> std::io::Result<u64> {
    let mut count = 0;
    while let Some(mut line) = lines.next_line()? {
        let n = lines.line;
        if line.cut {
            // The cut may have split a character: drop its first bytes, not the document.
            if let Err(e) = std::str::from_utf8(&line.bytes) {
                if e.error_len().is_none() {
                    line.bytes.truncate(e.valid_up_to());
                }
            }
        }
        match text_of(&line.bytes) {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => {
                let fields = Fields {
                    text: text.to_owned(),
                    ..Fields::default()
                };
                emit(make_record(file, n, fields, options, line.cut));
                count += 1;
            }
            Err(reason) => emit(Item::Reject(Reject {
                file: file.into(),
                line: n,
                reason,
            })),
        }
    }
    Ok(count)
}

fn read_jsonl(
    file: &str,
    lines: &mut Lines<'_>,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) -> std::io::Result<u64> {
    let mut count = 0;
    while let Some(line) = lines.next_line()? {
        let n = lines.line;
        let reject = |reason: String| {
            Item::Reject(Reject {
                file: file.into(),
                line: n,
                reason,
            })
        };
        if line.cut {
            emit(reject(format!(
                "line longer than {} bytes",
                options.max_document_bytes
            )));
            continue;
        }
        let text = match text_of(&line.bytes) {
            Ok(t) if t.trim().is_empty() => continue,
            Ok(t) => t,
            Err(reason) => {
                emit(reject(reason));
                continue;
            }
        };
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                emit(reject(format!("invalid JSON: {e}")));
                continue;
            }
        };
        let serde_json::Value::Object(map) = value else {
            emit(reject("JSON line is not an object".into()));
            continue;
        };
        let field = |name: &str| -> Result<Option<String>, String> {
            match map.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(serde_json::Value::Number(x)) if name != options.text_column => {
                    Ok(Some(x.to_string()))
                }
                Some(other) => Err(format!(
                    "field {name:?} is {}, not a string",
                    json_kind(other)
                )),
            }
        };
        let fields = (|| -> Result<Fields, String> {
            Ok(Fields {
                text: field(&options.text_column)?
                    .ok_or_else(|| format!("no {:?} field", options.text_column))?,
                id: field("id")?,
                date: field("date")?,
                title: field("title")?,
                url: field("url")?,
                source: field("source")?,
            })
        })();
        match fields {
            Ok(fields) => {
                emit(make_record(file, n, fields, options, false));
                count += 1;
            }
            Err(reason) => emit(reject(reason)),
        }
    }
    Ok(count)
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Reads CSV physical lines into records: a record ends at a line where the double quotes seen so
/// far balance. A record whose quotes never balance within `max_document_bytes` (or before the end
/// of the file) is rejected at its first line, and reading resumes at the line after it.
fn read_csv(
    file: &str,
    lines: &mut Lines<'_>,
    delimiter: u8,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) -> std::io::Result<u64> {
    let reject = |line: u64, reason: String| {
        Item::Reject(Reject {
            file: file.into(),
            line,
            reason,
        })
    };
    // Header.
    let header = loop {
        let Some(line) = lines.next_line()? else {
            return Ok(0);
        };
        match text_of(&line.bytes) {
            Ok(t) if t.trim().is_empty() => continue,
            Ok(t) => break parse_csv_record(t.as_bytes(), delimiter).unwrap_or_default(),
            Err(reason) => {
                emit(reject(lines.line, format!("header: {reason}")));
                return Ok(0);
            }
        }
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(text_at) = column(&options.text_column) else {
        emit(reject(
            lines.line,
            format!(
                "no {:?} column in the header (columns: {}); choose one with --text-column",
                options.text_column,
                header.join(", ")
            ),
        ));
        return Ok(0);
    };
    let (id_at, date_at, title_at, url_at, source_at) = (
        column("id"),
        column("date"),
        column("title"),
        column("url"),
        column("source"),
    );

    let mut count = 0;
    // Lines read ahead that must be parsed again after a rejected record.
    let mut replay: std::collections::VecDeque<(u64, Line)> = Default::default();
    loop {
        let first = match replay.pop_front() {
            Some(l) => l,
            None => match lines.next_line()? {
                Some(l) => (lines.line, l),
                None => break,
            },
        };
        let start = first.0;
        if first.1.bytes.iter().all(u8::is_ascii_whitespace) && !first.1.cut {
            continue;
        }
        let mut consumed = vec![first];
        let mut quotes: usize = consumed[0].1.bytes.iter().filter(|&&b| b == b'"').count();
        let mut size = consumed[0].1.bytes.len();
        let mut balanced = quotes % 2 == 0;
        while !balanced && size <= options.max_document_bytes {
            let next = match replay.pop_front() {
                Some(l) => l,
                None => match lines.next_line()? {
                    Some(l) => (lines.line, l),
                    None => break,
                },
            };
            quotes += next.1.bytes.iter().filter(|&&b| b == b'"').count();
            size += next.1.bytes.len() + 1;
            consumed.push(next);
            balanced = quotes % 2 == 0;
        }
        if !balanced {
            emit(reject(
                start,
                "unbalanced double quote: the record never closes its quoted field".into(),
            ));
            // Everything after the bad line is read again as fresh records.
            for l in consumed.into_iter().skip(1).rev() {
                replay.push_front(l);
            }
            continue;
        }
        if consumed.iter().any(|(_, l)| l.cut) {
            emit(reject(
                start,
                format!("record longer than {} bytes", options.max_document_bytes),
            ));
            continue;
        }
        let mut bytes = Vec::with_capacity(size);
        for (i, (_, l)) in consumed.iter().enumerate() {
            if i > 0 {
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(&l.bytes);
        }
        let text = match text_of(&bytes) {
            Ok(t) => t,
            Err(reason) => {
                emit(reject(start, reason));
                continue;
            }
        };
        let Some(fields) = parse_csv_record(text.as_bytes(), delimiter) else {
            emit(reject(start, "malformed CSV record".into()));
            continue;
        };
        if fields.len() != header.len() {
            emit(reject(
                start,
                format!(
                    "expected {} fields as in the header, found {}",
                    header.len(),
                    fields.len()
                ),
            ));
            continue;
        }
        let get = |at: Option<usize>| at.map(|i| fields[i].clone());
        let record = Fields {
            text: fields[text_at].clone(),
            id: get(id_at),
            date: get(date_at),
            title: get(title_at),
            url: get(url_at),
            source: get(source_at),
        };
        emit(make_record(file, start, record, options, false));
        count += 1;
    }
    Ok(count)
}

/// Parses exactly one CSV record (which may span lines) with the csv crate.
fn parse_csv_record(bytes: &[u8], delimiter: u8) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    if !reader.read_record(&mut record).ok()? {
        return Some(Vec::new());
    }
    let fields = record.iter().map(str::to_owned).collect();
    // A second record means the line held more than one: not what balanced quotes promised.
    let mut extra = csv::StringRecord::new();
    match reader.read_record(&mut extra) {
        Ok(false) => Some(fields),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, content: &[u8]) -> (Vec<Record>, Vec<Reject>) {
        let dir = std::env::temp_dir().join(format!("kg-dump-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let (mut records, mut rejects) = (Vec::new(), Vec::new());
        read_all(&[path], &ReadOptions::default(), |item| match item {
            Item::Record(r) => records.push(r),
            Item::Reject(r) => rejects.push(r),
        })
        .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        (records, rejects)
    }

    #[test]
    fn text_lines_with_bad_utf8_and_nul() {
        let (records, rejects) = read(
            "a.txt",
            b"First doc.\n\nBad \xff byte.\nNul\0here\nLast doc.\n",
        );
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 5]);
        assert_eq!(rejects.len(), 2);
        assert_eq!((rejects[0].line, rejects[1].line), (3, 4));
        assert!(rejects[0].reason.contains("UTF-8"), "{}", rejects[0]);
        assert!(rejects[1].reason.contains("NUL"), "{}", rejects[1]);
        assert_eq!(records[0].document.id, content_id("First doc."));
    }

    #[test]
    fn csv_with_multiline_fields_and_an_unbalanced_quote() {
        let csv = "id,date,text\n\
                   a,2024-05-06,\"Commas, \"\"quotes\"\"\nand a newline.\"\n\
                   b,2024-05-07,\"Never closed\n\
                   c,2024-05-08,Plain text.\n\
                   d,notadate,Dated wrong.\n\
                   e,2024-05-09\n";
        let (records, rejects) = read("d.csv", csv.as_bytes());
        let ids: Vec<_> = records.iter().map(|r| r.document.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(
            records[0].document.text,
            "Commas, \"quotes\"\nand a newline."
        );
        assert_eq!(records[1].line, 5);
        let lines: Vec<_> = rejects.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 6, 7], "{rejects:?}");
        assert!(rejects[0].reason.contains("unbalanced"));
    }

    #[test]
    fn csv_without_text_column_is_one_clear_error() {
        let (records, rejects) = read("n.csv", b"id,body\n1,hello\n");
        assert!(records.is_empty());
        assert_eq!(rejects.len(), 1);
        assert!(rejects[0].reason.contains("--text-column"));
    }

    #[test]
    fn jsonl_kinds_of_bad_lines() {
        let jsonl = br#"{"id": 7, "text": "Good one."}
[1, 2]
{"text": 5}
{"id": "x"}
not json
{"id": 7, "text": "Same id again."}
"#;
        let (records, rejects) = read("j.jsonl", jsonl);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].document.id, "7");
        let reasons: Vec<_> = rejects.iter().map(|r| (r.line, r.reason.clone())).collect();
        assert_eq!(reasons.len(), 5, "{reasons:?}");
        assert!(reasons[0].1.contains("not an object"));
        assert!(reasons[1].1.contains("not a string"));
        assert!(reasons[2].1.contains("no \"text\""));
        assert!(reasons[3].1.contains("invalid JSON"));
        assert!(reasons[4]
            .1
            .contains("duplicate document id \"7\" (first at "));
        assert!(reasons[4].1.ends_with("j.jsonl:1)"), "{}", reasons[4].1);
    }

    #[test]
    fn a_repeated_text_without_id_is_named_as_the_same_text() {
        let (records, rejects) = read("r.txt", b"Thanks!\nA story.\nThanks!\n");
        assert_eq!(records.len(), 2);
        assert_eq!(rejects.len(), 1);
        assert_eq!(rejects[0].line, 3);
        assert!(
            rejects[0].reason.starts_with("the same text as ")
                && rejects[0].reason.contains("r.txt:1 "),
            "{}",
            rejects[0].reason
        );
    }

    #[test]
    fn empty_and_binary_files() {
        let (_, rejects) = read("e.txt", b"");
        assert_eq!(rejects[0].reason, "empty file");
        let (records, rejects) = read("b.txt", &[0u8, 1, 2, 0, 0, 0, 7, 0]);
        assert!(records.is_empty());
        assert!(rejects[0].reason.contains("binary"));
    }

    #[test]
    fn a_long_line_cut_inside_a_character_is_truncated_not_rejected() {
        let mut content = "é".repeat(40).into_bytes(); // 80 bytes
        content.push(b'\n');
        let options = ReadOptions {
            max_document_bytes: 16, // the cut falls after 17 bytes: half an "é"
            ..ReadOptions::default()
        };
        let (records, rejects) = read_bytes("t.txt", Format::Text, false, &content, &options);
        assert!(rejects.is_empty(), "{rejects:?}");
        assert_eq!(records[0].document.text, "é".repeat(8));
        assert!(records[0].truncated);
    }

    fn read_bytes(
        name: &str,
        format: Format,
        gz: bool,
        bytes: &[u8],
        options: &ReadOptions,
    ) -> (Vec<Record>, Vec<Reject>) {
        let (mut records, mut rejects) = (Vec::new(), Vec::new());
        read_stream(
            name,
            format,
            gz,
            false,
            bytes,
            options,
            &mut |item| match item {
                Item::Record(r) => records.push(r),
                Item::Reject(r) => rejects.push(r),
            },
        )
        .expect("in-memory input never fails to read");
        (records, rejects)
    }

    mod fuzz {
        //! The dump readers on arbitrary input built from the pieces that break readers: quotes,
        //! separators, line ends, NULs, broken UTF-8, JSON fragments, long runs, gzip that ends
        //! early. Bounded to a few seconds in CI; `PROPTEST_CASES=100000` runs longer.
        use super::*;
        use proptest::prelude::*;

        fn piece() -> impl Strategy<Value = Vec<u8>> {
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..12),
                "[a-zA-Z ,.]{0,40}".prop_map(String::into_bytes),
                Just(b"\"".to_vec()),
                Just(b"\"\"".to_vec()),
                Just(b",".to_vec()),
                Just(b"\t".to_vec()),
                Just(b"\n".to_vec()),
                Just(b"\r\n".to_vec()),
                Just(b"\0".to_vec()),
                Just(vec![0xff, 0xfe]),
                Just(vec![0xc3]),
                Just("é€😀".as_bytes().to_vec()),
                Just(b"id,text,date\n".to_vec()),
                Just(br#"{"id": "a", "text": "Ana met Tom."}"#.to_vec()),
                Just(br#"{"text": 5}"#.to_vec()),
                Just(b"[1,{".to_vec()),
                Just(b"2024-05-06".to_vec()),
                "x{100,300}".prop_map(String::into_bytes),
            ]
        }

        fn input() -> impl Strategy<Value = Vec<u8>> {
            proptest::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig {
                cases: std::env::var("PROPTEST_CASES")
                    .ok()
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(600),
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn readers_never_panic_and_report_within_the_input(
                bytes in input(),
                format in prop_oneof![Just(Format::Text), Just(Format::Csv), Just(Format::Jsonl)],
                gz in any::<bool>(),
                cut_gz in any::<bool>(),
                limit in 8usize..400,
            ) {
                let options = ReadOptions { text_column: "text".into(), max_document_bytes: limit };
                let stored = if gz {
                    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                    std::io::Write::write_all(&mut e, &bytes).unwrap();
                    let mut z = e.finish().unwrap();
                    if cut_gz {
                        z.truncate(z.len() / 2);
                    }
                    z
                } else {
                    bytes.clone()
                };
                let (records, rejects) = read_bytes("f", format, gz, &stored, &options);
                let lines = bytes.split(|&b| b == b'\n').count() as u64;
                let mut last = 0;
                for r in &records {
                    let text = &r.document.text;
                    prop_assert!(!text.trim().is_empty());
                    prop_assert!(!text.contains('\0'));
                    prop_assert!(text.len() <= limit, "{} > {limit}", text.len());
                    prop_assert!(r.line >= 1 && r.line <= lines, "line {} of {lines}", r.line);
                    prop_assert!(r.line > last, "records out of order");
                    last = r.line;
                }
                for r in &rejects {
                    prop_assert!(r.line <= lines + 1, "reject line {} of {lines}", r.line);
                    prop_assert!(!r.reason.is_empty());
                }
                // Plain text: every line that is printable text is a record.
                if format == Format::Text && !gz {
                    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
                        let line = line.strip_suffix(b"\r").unwrap_or(line);
                        let printable = line.len() <= limit
                            && line.iter().all(|b| (0x20..0x7f).contains(b))
                            && line.iter().any(|b| *b != b' ');
                        let sniffed_binary = rejects.iter().any(|r| r.line == 0);
                        if printable && !sniffed_binary {
                            prop_assert!(
                                records.iter().any(|r| r.line == i as u64 + 1),
                                "line {} lost", i + 1
                            );
                        }
                    }
                }
                // Same input, same output.
                let again = read_bytes("f", format, gz, &stored, &options);
                prop_assert_eq!(records.len(), again.0.len());
                prop_assert_eq!(rejects, again.1);
            }
        }
    }

    #[test]
    fn long_lines_are_bounded() {
        let mut content = "word ".repeat(400_000).into_bytes();
        content.extend_from_slice(b"\nshort\n");
        let (records, _) = read("l.txt", &content);
        assert_eq!(records.len(), 2);
        assert!(records[0].truncated);
        assert!(records[0].document.text.len() <= ReadOptions::default().max_document_bytes);
        assert_eq!(records[1].document.text, "short");
    }
}
