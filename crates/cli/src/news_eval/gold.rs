//! The gold of a news benchmark in the format of `benchmarks/news-dev/gold.jsonl`: one JSON object
//! per document with its entities (canonical name, type, aliases), its facts (sentence, s, r, o,
//! where, when, source, negated, modality) and its never-merge pairs. Read and checked here, with
//! errors that name the line; the sentence rule and the dateline test of the format live here too.

use serde_json::{Map, Value};

/// A gold entity of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

/// A gold fact. `sentence` is 1-based, under [`sentence_spans`].
#[derive(Clone, Debug, PartialEq)]
pub struct GoldFact {
    pub sentence: usize,
    pub s: String,
    pub r: String,
    pub o: Option<String>,
    pub place: Option<String>,
    pub time: Option<String>,
    pub source: Option<String>,
    pub negated: bool,
    pub modality: String,
}

/// The gold of one document, with the line of the gold file it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    pub id: String,
    pub line: usize,
    pub entities: Vec<GoldEntity>,
    pub facts: Vec<GoldFact>,
    pub distinct: Vec<(String, String)>,
}

/// What is wrong with a gold file, at which line (1-based).
#[derive(Debug, PartialEq, Eq)]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

pub const MODALITIES: [&str; 6] = [
    "asserted",
    "future",
    "planned",
    "possible",
    "requested",
    "expected",
];

/// Parses a gold file (one JSON object per line; blank lines are skipped). Ids must be unique.
pub fn parse(text: &str) -> Result<Vec<GoldDoc>, GoldError> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let fail = |message: String| GoldError { line, message };
        let value: Value =
            serde_json::from_str(raw).map_err(|e| fail(format!("not valid JSON: {e}")))?;
        let doc = document(&value, line).map_err(fail)?;
        if let Some(first) = docs.iter().find(|d| d.id == doc.id) {
            return Err(fail(format!(
                "document id {:?} again (first at line {})",
                doc.id, first.line
            )));
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn document(value: &Value, line: usize) -> Result<GoldDoc, String> {
    let object = value.as_object().ok_or("a line must be a JSON object")?;
    let id = string(object, "id")?.ok_or("\"id\" must be a string")?;
    let entities = array(object, "entities")?
        .iter()
        .enumerate()
        .map(|(i, e)| entity(e).map_err(|m| format!("entity {}: {m}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    let facts = array(object, "facts")?
        .iter()
        .enumerate()
        .map(|(i, f)| fact(f).map_err(|m| format!("fact {}: {m}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    let distinct = array(object, "distinct")?
        .iter()
        .enumerate()
        .map(|(i, p)| pair(p).map_err(|m| format!("distinct pair {}: {m}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GoldDoc {
        id,
        line,
        entities,
        facts,
        distinct,
    })
}

fn entity(value: &Value) -> Result<GoldEntity, String> {
    let object = value.as_object().ok_or("must be an object")?;
    let name = string(object, "name")?.ok_or("\"name\" must be a string")?;
    let kind = string(object, "type")?.ok_or("\"type\" must be a string")?;
    if !matches!(kind.as_str(), "PER" | "ORG" | "LOC" | "MISC") {
        return Err(format!("\"type\" {kind:?} is not PER, ORG, LOC or MISC"));
    }
    let aliases = array(object, "aliases")?
        .iter()
        .map(|a| {
            a.as_str()
                .map(str::to_owned)
                .ok_or("aliases must be strings")
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GoldEntity {
        name,
        kind,
        aliases,
    })
}

fn fact(value: &Value) -> Result<GoldFact, String> {
    let object = value.as_object().ok_or("must be an object")?;
    for key in [
        "sentence", "s", "r", "o", "where", "when", "source", "negated", "modality",
    ] {
        if !object.contains_key(key) {
            return Err(format!(
                "missing key {key:?} (every fact has all nine keys)"
            ));
        }
    }
    let sentence = object["sentence"]
        .as_u64()
        .filter(|&n| n >= 1)
        .ok_or("\"sentence\" must be a number from 1")? as usize;
    let nonempty = |key: &str| -> Result<String, String> {
        string(object, key)?
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| format!("{key:?} must be a non-empty string"))
    };
    let modality = nonempty("modality")?;
    if !MODALITIES.contains(&modality.as_str()) {
        return Err(format!(
            "\"modality\" {modality:?} is not one of {}",
            MODALITIES.join(", ")
        ));
    }
    Ok(GoldFact {
        sentence,
        s: nonempty("s")?,
        r: nonempty("r")?,
        o: string(object, "o")?,
        place: string(object, "where")?,
        time: string(object, "when")?,
        source: string(object, "source")?,
        negated: object["negated"]
            .as_bool()
            .ok_or("\"negated\" must be true or false")?,
        modality,
    })
}

fn pair(value: &Value) -> Result<(String, String), String> {
    match value.as_array().map(Vec::as_slice) {
        Some([Value::String(a), Value::String(b)]) => Ok((a.clone(), b.clone())),
        _ => Err("must be a list of two names".into()),
    }
}

/// A string field that may be null; absent or another type is an error.
fn string(object: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None => Err(format!("missing key {key:?}")),
        Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{key:?} must be a string or null")),
    }
}

fn array<'v>(object: &'v Map<String, Value>, key: &str) -> Result<&'v Vec<Value>, String> {
    match object.get(key) {
        None => Err(format!("missing key {key:?}")),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("{key:?} must be a list")),
    }
}

/// The sentences of a text under the benchmark's rule, as character (Unicode scalar) ranges: a
/// sentence ends at whitespace that follows `.`, `!` or `?` (optionally then a closing `"`) and
/// comes before an uppercase letter or an opening `"`.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && chars[end].is_whitespace() {
            end += 1;
        }
        let ends = |k: usize| matches!(chars.get(k), Some('.' | '!' | '?'));
        let after_stop = i > 0 && (ends(i - 1) || (chars[i - 1] == '"' && i > 1 && ends(i - 2)));
        let starts = chars
            .get(end)
            .is_some_and(|c| c.is_uppercase() || *c == '"');
        if after_stop && starts {
            spans.push((start, i));
            start = end;
        }
        i = end;
    }
    if start < chars.len() {
        spans.push((start, chars.len()));
    }
    spans
}

/// Whether a text opens with a wire dateline: a city in capitals, a comma, a month and day, the
/// agency in brackets and a spaced hyphen ("PEMBA, December 17 (Wire) - …").
pub fn has_dateline(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((city, rest)) = text.split_once(", ") else {
        return false;
    };
    let city_ok = city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\''));
    let Some((month, rest)) = rest.split_once(' ') else {
        return false;
    };
    let Some((day, rest)) = rest.split_once(" (") else {
        return false;
    };
    let Some((agency, rest)) = rest.split_once(')') else {
        return false;
    };
    city_ok
        && MONTHS.contains(&month)
        && !day.is_empty()
        && day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
        && !agency.is_empty()
        && !agency.contains('(')
        && rest.starts_with(" - ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACT: &str = r#"{"sentence": 1, "s": "A", "r": "meet", "o": "B", "where": null, "when": "2024-01-02", "source": null, "negated": false, "modality": "asserted"}"#;

    fn line(facts: &str) -> String {
        format!(
            r#"{{"id": "d1", "entities": [{{"name": "Anna Berg", "type": "PER", "aliases": ["Berg"]}}], "facts": [{facts}], "distinct": [["Anna Berg", "Berg Ltd"]]}}"#
        )
    }

    #[test]
    fn reads_a_document() {
        let docs = parse(&format!("{}\n\n", line(FACT))).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.entities[0].aliases, ["Berg"]);
        assert_eq!(d.facts[0].time.as_deref(), Some("2024-01-02"));
        assert_eq!(d.facts[0].o.as_deref(), Some("B"));
        assert_eq!(d.distinct, [("Anna Berg".into(), "Berg Ltd".into())]);
    }

    #[test]
    fn errors_name_the_line_and_what_is_wrong() {
        let bad = FACT.replace(r#""when": "2024-01-02", "#, "");
        let err = parse(&format!("{}\n{}", line(FACT), line(&bad))).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("fact 1") && err.message.contains("\"when\""));
        let err = parse("{not json").unwrap_err();
        assert_eq!(
            (err.line, err.message.starts_with("not valid JSON")),
            (1, true)
        );
        let err = parse(&line(&FACT.replace("asserted", "certain"))).unwrap_err();
        assert!(err.message.contains("modality"), "{}", err.message);
        let err = parse(&format!("{}\n{}", line(FACT), line(FACT))).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("again"));
        let err = parse(&line(&FACT.replace(r#""sentence": 1"#, r#""sentence": 0"#))).unwrap_err();
        assert!(err.message.contains("sentence"));
    }

    #[test]
    fn sentences_split_by_the_benchmark_rule() {
        let text = "A met B. \"We agreed,\" she said. It rained! Then 3 p.m. came? \"Yes.\" Done";
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = sentence_spans(text)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect();
        assert_eq!(
            got,
            [
                "A met B.",
                "\"We agreed,\" she said.",
                "It rained!",
                "Then 3 p.m. came?",
                "\"Yes.\"",
                "Done"
            ]
        );
    }

    #[test]
    fn datelines_are_recognised() {
        assert!(has_dateline(
            "PEMBA, December 17 (Wire) - Fighters attacked."
        ));
        assert!(has_dateline("DAR ES SALAAM, May 3 (Wire) - It rained."));
        assert!(!has_dateline(
            "Pemba, December 17 (Wire) - Fighters attacked."
        ));
        assert!(!has_dateline("NATO, the alliance, said (on Monday) - no."));
        assert!(!has_dateline("Fighters attacked Pemba on December 17."));
    }
}
