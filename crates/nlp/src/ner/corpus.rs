//! Reading UNER-style IOB2 files into sentences with gold mentions, and grouping them into the
//! documents they came from. Only PER, ORG and LOC tags are known (UNER has no MISC).

use super::labels::mention;
use crate::doc::{EntityType, Mention, Sentence, Token};

/// Why IOB2 text could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Iob2Error {
    #[error("line {line}: expected `index<TAB>form<TAB>tag`, found {found:?}")]
    BadLine { line: usize, found: String },
    #[error("line {line}: unknown tag {tag:?} (expected O, B-/I- PER, ORG or LOC)")]
    BadTag { line: usize, tag: String },
}

/// One sentence of an IOB2 file: its `# sent_id`, and tokens (forms only) with gold mentions.
#[derive(Clone, Debug, Default)]
pub struct LabelledSentence {
    pub id: String,
    pub sentence: Sentence,
}

/// Parses UNER-style IOB2 text (`index form tag …` per line, `# sent_id = …` comments, blank lines
/// between sentences) into sentences whose `mentions` are the gold entities. Tokens get forms and
/// offsets into a space-joined surface text.
pub fn parse_iob2(text: &str) -> Result<Vec<LabelledSentence>, Iob2Error> {
    let mut out = Vec::new();
    let mut current = LabelledSentence::default();
    let mut tags: Vec<(char, EntityType)> = Vec::new();
    let mut flush = |current: &mut LabelledSentence, tags: &mut Vec<(char, EntityType)>| {
        if !current.sentence.tokens.is_empty() {
            current.sentence.mentions = mentions_from_bio(tags);
            out.push(std::mem::take(current));
        }
        tags.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut current, &mut tags);
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("sent_id = ") {
                current.id = id.trim().to_string();
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_), Some(form), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(Iob2Error::BadLine {
                line: n + 1,
                found: line.to_string(),
            });
        };
        let parsed = match tag {
            "O" => ('O', EntityType::Other),
            _ => {
                let (p, t) = tag.split_once('-').ok_or_else(|| Iob2Error::BadTag {
                    line: n + 1,
                    tag: tag.to_string(),
                })?;
                let kind = match t {
                    "PER" => EntityType::Person,
                    "ORG" => EntityType::Organization,
                    "LOC" => EntityType::Place,
                    _ => {
                        return Err(Iob2Error::BadTag {
                            line: n + 1,
                            tag: tag.to_string(),
                        })
                    }
                };
                match p {
                    "B" => ('B', kind),
                    "I" => ('I', kind),
                    _ => {
                        return Err(Iob2Error::BadTag {
                            line: n + 1,
                            tag: tag.to_string(),
                        })
                    }
                }
            }
        };
        tags.push(parsed);
        let s = &mut current.sentence;
        let start = if s.tokens.is_empty() { 0 } else { s.end + 1 };
        s.tokens.push(Token {
            form: form.to_string(),
            start,
            end: start + form.len(),
            space_after: true,
            ..Token::default()
        });
        s.end = start + form.len();
    }
    flush(&mut current, &mut tags);
    Ok(out)
}

/// The document a UNER/EWT sentence belongs to: its `sent_id` without the trailing `-NNNN`.
pub fn document_id(sent_id: &str) -> &str {
    sent_id.rsplit_once('-').map_or(sent_id, |(d, _)| d)
}

/// Consecutive runs of sentences of the same document (by [`document_id`]).
pub fn group_documents(sentences: &[LabelledSentence]) -> Vec<&[LabelledSentence]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=sentences.len() {
        if i == sentences.len()
            || document_id(&sentences[i].id) != document_id(&sentences[start].id)
        {
            if start < i {
                out.push(&sentences[start..i]);
            }
            start = i;
        }
    }
    out
}

/// Mentions from per-token (prefix, type) pairs; an `I` without a matching open mention starts one.
fn mentions_from_bio(tags: &[(char, EntityType)]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &(p, kind)) in tags.iter().enumerate() {
        let continues = p == 'I' && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push(mention(s, i, k));
            }
            if p != 'O' {
                open = Some((i, kind));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(mention(s, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_parsing_reads_mentions() {
        let text = "# sent_id = x-1\n1\tJane\tB-PER\t-\ta\n2\tDoe\tI-PER\t-\ta\n3\tvisited\tO\n4\tOslo\tB-LOC\t-\ta\n\n";
        let s = parse_iob2(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "x-1");
        assert_eq!(
            s[0].sentence.mentions,
            vec![
                mention(0, 2, EntityType::Person),
                mention(3, 4, EntityType::Place)
            ]
        );
        assert!(matches!(
            parse_iob2("1\tX\tB-FOO\n"),
            Err(Iob2Error::BadTag { line: 1, .. })
        ));
    }
}
