//! CoNLL-U reading and writing: treebank text in, [`TreebankSentence`]s out, and back.
//!
//! Only the basic tree is modelled in [`Sentence`]; multiword-token ranges, empty nodes, DEPS and
//! MISC are kept verbatim beside it so that writing reproduces the input, and so that the raw text
//! (surface forms, `SpaceAfter=No`) can be rebuilt with byte offsets for tokeniser evaluation.

use crate::doc::{Document, Sentence, Token, Upos};
use kg_model::LabelError;

/// Why CoNLL-U text could not be read. Lines are 1-based.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConlluError {
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    Columns { line: usize, found: usize },
    #[error("line {line}: bad ID {id:?}")]
    Id { line: usize, id: String },
    #[error("line {line}: bad HEAD {head:?}")]
    Head { line: usize, head: String },
    #[error("line {line}: {source}")]
    Label { line: usize, source: LabelError },
    #[error("line {line}: word ID {found} out of sequence (expected {expected})")]
    Sequence {
        line: usize,
        expected: usize,
        found: usize,
    },
}

/// A multiword token such as `don't` = `do` + `n't`: one surface span over words `first..=last`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultiwordToken {
    /// Indices of the first and last word (0-based, inclusive) in [`Sentence::tokens`].
    pub first: usize,
    pub last: usize,
    pub form: String,
    /// The MISC column of the range line (`SpaceAfter=No` lives here for multiword tokens).
    pub misc: String,
}

impl MultiwordToken {
    pub fn space_after(&self) -> bool {
        !misc_has_no_space(&self.misc)
    }
}

/// One sentence of a treebank: the basic tree as a [`Sentence`] plus what CoNLL-U says around it.
#[derive(Clone, Debug, Default)]
pub struct TreebankSentence {
    /// `# sent_id = …`
    pub id: Option<String>,
    /// `# text = …`
    pub text: Option<String>,
    /// `# newdoc id = …` when this sentence starts a document (the id may be empty).
    pub newdoc: Option<String>,
    /// Whether `# newpar` precedes this sentence.
    pub newpar: bool,
    /// All comment lines verbatim, without the leading `#`, in order (for faithful writing).
    pub comments: Vec<String>,
    /// Words with offsets relative to [`TreebankSentence::surface`].
    pub sentence: Sentence,
    pub multiwords: Vec<MultiwordToken>,
    /// DEPS and MISC columns per word, verbatim.
    pub deps: Vec<String>,
    pub misc: Vec<String>,
    /// Empty-node lines verbatim, each with the number of words preceding it.
    pub empty_nodes: Vec<(usize, String)>,
}

fn misc_has_no_space(misc: &str) -> bool {
    misc.split('|').any(|m| m == "SpaceAfter=No")
}

fn dash(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Parses CoNLL-U text. Token offsets are relative to each sentence's rebuilt surface text
/// (see [`TreebankSentence::surface`]); words of one multiword token share its span.
pub fn parse(text: &str) -> Result<Vec<TreebankSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = TreebankSentence::default();
    let mut started = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            if started {
                out.push(finish_sentence(std::mem::take(&mut cur)));
                started = false;
            }
            continue;
        }
        started = true;
        if let Some(c) = line.strip_prefix('#') {
            let body = c.trim_start();
            if let Some(v) = body.strip_prefix("sent_id") {
                cur.id = Some(after_equals(v).to_string());
            } else if let Some(v) = body.strip_prefix("text =") {
                cur.text = Some(v.strip_prefix(' ').unwrap_or(v).to_string());
            } else if let Some(v) = body.strip_prefix("newdoc") {
                cur.newdoc = Some(after_equals(v).to_string());
            } else if body.starts_with("newpar") {
                cur.newpar = true;
            }
            cur.comments.push(c.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError::Columns {
                line: line_no,
                found: cols.len(),
            });
        }
        let id = cols[0];
        if id.contains('.') {
            cur.empty_nodes
                .push((cur.sentence.tokens.len(), line.to_string()));
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let bad = || ConlluError::Id {
                line: line_no,
                id: id.to_string(),
            };
            let a: usize = a.parse().map_err(|_| bad())?;
            let b: usize = b.parse().map_err(|_| bad())?;
            if a == 0 || b < a {
                return Err(bad());
            }
            cur.multiwords.push(MultiwordToken {
                first: a - 1,
                last: b - 1,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let n: usize = id.parse().map_err(|_| ConlluError::Id {
            line: line_no,
            id: id.to_string(),
        })?;
        let expected = cur.sentence.tokens.len() + 1;
        if n != expected {
            return Err(ConlluError::Sequence {
                line: line_no,
                expected,
                found: n,
            });
        }
        let head = match cols[6] {
            "_" => None,
            h => {
                let h: usize = h.parse().map_err(|_| ConlluError::Head {
                    line: line_no,
                    head: h.to_string(),
                })?;
                if h == 0 {
                    None
                } else {
                    Some(h - 1)
                }
            }
        };
        let labelled = || -> Result<_, LabelError> {
            let upos = match cols[3] {
                "_" => Upos::X,
                u => Upos::parse(u).ok_or_else(|| LabelError::Unknown {
                    kind: "UPOS tag",
                    label: u.to_owned(),
                })?,
            };
            Ok((upos, label(cols[4])?, label(cols[5])?, label(cols[7])?))
        };
        let (upos, xpos, feats, deprel) = labelled().map_err(|source| ConlluError::Label {
            line: line_no,
            source,
        })?;
        cur.sentence.tokens.push(Token {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos,
            xpos,
            feats,
            head,
            deprel,
            space_after: !misc_has_no_space(cols[9]),
            ..Token::default()
        });
        cur.deps.push(cols[8].to_string());
        cur.misc.push(cols[9].to_string());
    }
    if started {
        out.push(finish_sentence(cur));
    }
    Ok(out)
}

/// A label column: `_` is the unset value, anything else must be a known label.
fn label<T: std::str::FromStr<Err = LabelError> + Default>(s: &str) -> Result<T, LabelError> {
    match s {
        "_" => Ok(T::default()),
        s => s.parse(),
    }
}

fn after_equals(v: &str) -> &str {
    v.split_once('=').map(|(_, r)| r.trim()).unwrap_or("")
}

/// Sets offsets relative to the sentence's surface text and validates head indices.
fn finish_sentence(mut s: TreebankSentence) -> TreebankSentence {
    let n = s.sentence.tokens.len();
    for t in &mut s.sentence.tokens {
        if t.head.is_some_and(|h| h >= n) {
            t.head = None;
        }
    }
    s.multiwords.retain(|m| m.last < n);
    let mut pos = 0usize;
    let mut mw = s.multiwords.iter().peekable();
    let mut i = 0;
    while i < n {
        if let Some(m) = mw.peek().filter(|m| m.first == i) {
            let (start, end) = (pos, pos + m.form.len());
            for t in &mut s.sentence.tokens[m.first..=m.last] {
                t.start = start;
                t.end = end;
                t.space_after = false;
            }
            s.sentence.tokens[m.last].space_after = m.space_after();
            pos = end + usize::from(m.space_after());
            i = m.last + 1;
            mw.next();
            continue;
        }
        let t = &mut s.sentence.tokens[i];
        t.start = pos;
        t.end = pos + t.form.len();
        pos = t.end + usize::from(t.space_after);
        i += 1;
    }
    s.sentence.start = 0;
    s.sentence.end = s.sentence.tokens.last().map_or(0, |t| t.end);
    s
}

impl TreebankSentence {
    /// The sentence's raw text rebuilt from surface forms and `SpaceAfter`, matching the token
    /// offsets (usually equal to `# text`). No trailing space.
    pub fn surface(&self) -> String {
        let mut out = String::new();
        let tokens = &self.sentence.tokens;
        let mut i = 0;
        let mut mw = self.multiwords.iter().peekable();
        while i < tokens.len() {
            let (form, space, next) = match mw.peek().filter(|m| m.first == i) {
                Some(m) => {
                    let r = (m.form.as_str(), m.space_after(), m.last + 1);
                    mw.next();
                    r
                }
                None => (tokens[i].form.as_str(), tokens[i].space_after, i + 1),
            };
            out.push_str(form);
            if space && next < tokens.len() {
                out.push(' ');
            }
            i = next;
        }
        out
    }

    /// The spans (start, end) of surface tokens in [`surface`](Self::surface): one per
    /// multiword token or plain word, the units a tokeniser must find.
    pub fn surface_spans(&self) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for t in &self.sentence.tokens {
            if spans.last() != Some(&(t.start, t.end)) {
                spans.push((t.start, t.end));
            }
        }
        spans
    }
}

/// Writes sentences as CoNLL-U, one blank line after each. Stored comments, multiword ranges,
/// empty nodes, DEPS and MISC are written back as read; annotation columns come from the tokens.
pub fn write(sentences: &[TreebankSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

fn write_sentence(s: &TreebankSentence, out: &mut String) {
    use std::fmt::Write;
    if s.comments.is_empty() {
        if let Some(id) = &s.id {
            let _ = writeln!(out, "# sent_id = {id}");
        }
        if let Some(text) = &s.text {
            let _ = writeln!(out, "# text = {text}");
        }
    }
    for c in &s.comments {
        let _ = writeln!(out, "#{c}");
    }
    let mut empty = s.empty_nodes.iter().peekable();
    let mut mw = s.multiwords.iter().peekable();
    for (i, t) in s.sentence.tokens.iter().enumerate() {
        while let Some((_, line)) = empty.next_if(|(after, _)| *after == i) {
            let _ = writeln!(out, "{line}");
        }
        if let Some(m) = mw.next_if(|m| m.first == i) {
            let _ = writeln!(
                out,
                "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                i + 1,
                m.last + 1,
                m.form,
                dash(&m.misc)
            );
        }
        let head = t.head.map_or(0, |h| h + 1);
        let misc = match s.misc.get(i) {
            Some(m) => m.clone(),
            None if !t.space_after
                && !s.multiwords.iter().any(|m| (m.first..=m.last).contains(&i)) =>
            {
                "SpaceAfter=No".to_string()
            }
            None => "_".to_string(),
        };
        let deps = s.deps.get(i).map_or("_", |d| d.as_str());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            t.form,
            dash(&t.lemma),
            t.upos.as_str(),
            dash(t.xpos.as_str()),
            dash(&t.feats.to_string()),
            head,
            dash(t.deprel.as_str()),
            deps,
            misc
        );
    }
    for (_, line) in empty {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

/// A document's annotated sentences as CoNLL-U: `# newdoc id` with the document's id, a
/// `# sent_id` of the document id and the sentence's number (as in provenance), entity mentions
/// in MISC as BIO labels (`NE=B-PER`, `NE=I-PER`).
pub fn write_document(document: &Document) -> String {
    let sentences: Vec<TreebankSentence> = document
        .sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            let mut misc: Vec<Vec<String>> = vec![Vec::new(); sentence.tokens.len()];
            for m in &sentence.mentions {
                for (j, labels) in misc.iter_mut().enumerate().take(m.end).skip(m.start) {
                    let at = if j == m.start { "B" } else { "I" };
                    labels.push(format!("NE={at}-{}", m.kind.as_str()));
                }
            }
            for (labels, token) in misc.iter_mut().zip(&sentence.tokens) {
                if !token.space_after {
                    labels.push("SpaceAfter=No".into());
                }
            }
            TreebankSentence {
                id: Some(format!("{}-{i}", document.id)),
                text: Some(document.text[sentence.start..sentence.end].to_owned()),
                sentence: sentence.clone(),
                misc: misc
                    .into_iter()
                    .map(|l| {
                        if l.is_empty() {
                            "_".into()
                        } else {
                            l.join("|")
                        }
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    let mut out = format!("# newdoc id = {}\n", document.id);
    out.push_str(&write(&sentences));
    out
}

/// Groups sentences into documents at `# newdoc` boundaries and rebuilds each document's raw text:
/// sentences joined by a space, paragraphs (`# newpar`) by a blank line. Token and sentence offsets
/// are shifted to point into the document text.
pub fn to_documents(sentences: &[TreebankSentence]) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    for s in sentences {
        if s.newdoc.is_some() || docs.is_empty() {
            let id = s
                .newdoc
                .clone()
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| format!("doc{}", docs.len() + 1));
            docs.push(Document::new(id, String::new()));
        }
        let doc = docs.last_mut().expect("pushed above");
        if !doc.sentences.is_empty() {
            doc.text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let offset = doc.text.len();
        doc.text.push_str(&s.surface());
        let mut sentence = s.sentence.clone();
        sentence.start += offset;
        sentence.end += offset;
        for t in &mut sentence.tokens {
            t.start += offset;
            t.end += offset;
        }
        doc.sentences.push(sentence);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1
# sent_id = d1-0001
# newpar id = d1-p1
# text = I don't know, Bob.
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No
5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t6:punct\t_
5.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4
6\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t4\tvocative\t4:vocative\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = d1-0002
# text = Hi
1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_

";

    #[test]
    fn parse_then_write_reproduces_the_text() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(write(&s), SAMPLE);
        assert_eq!(s[0].id.as_deref(), Some("d1-0001"));
        assert_eq!(s[0].newdoc.as_deref(), Some("d1"));
        assert!(s[0].newpar);
        assert_eq!(s[0].sentence.tokens.len(), 7);
        assert_eq!(
            s[0].empty_nodes,
            vec![(
                5,
                "5.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4".to_string()
            )]
        );
        assert_eq!(s[0].sentence.tokens[3].head, None);
        assert_eq!(s[0].sentence.tokens[0].head, Some(3));
        assert_eq!(s[0].sentence.tokens[0].feats.to_string(), "Case=Nom");
        assert!(s[0].sentence.tokens[1].feats.is_empty());
        assert_eq!(s[0].surface(), s[0].text.clone().unwrap());
    }

    #[test]
    fn surface_and_offsets_follow_multiword_tokens_and_space_after() {
        let text = "# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        let s = &parse(text).unwrap()[0];
        assert_eq!(s.surface(), "I don't know.");
        let surface = s.surface();
        let t = &s.sentence.tokens;
        assert_eq!(&surface[t[1].start..t[1].end], "don't");
        assert_eq!((t[1].start, t[1].end), (t[2].start, t[2].end));
        assert_eq!(&surface[t[3].start..t[3].end], "know");
        assert_eq!(&surface[t[4].start..t[4].end], ".");
        assert_eq!(s.surface_spans(), vec![(0, 1), (2, 7), (8, 12), (12, 13)]);
        let docs = to_documents(&parse(SAMPLE).unwrap());
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "I don't know, Bob. Hi");
        let hi = &docs[0].sentences[1].tokens[0];
        assert_eq!(docs[0].slice(hi.start, hi.end), "Hi");
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        assert_eq!(
            parse("1\tx\n").unwrap_err(),
            ConlluError::Columns { line: 1, found: 2 }
        );
        let bad = "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n3\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n";
        assert_eq!(
            parse(bad).unwrap_err(),
            ConlluError::Sequence {
                line: 2,
                expected: 2,
                found: 3
            }
        );
    }

    #[test]
    fn unknown_labels_are_reported_with_their_line() {
        let ok = "1	a	a	NOUN	NN	Number=Sing	0	root	_	_
";
        assert!(parse(ok).is_ok());
        for (bad, message) in [
            (
                ok.replace("root", "roots"),
                "unknown dependency relation \"roots\"",
            ),
            (ok.replace("NN\t", "NNN\t"), "unknown XPOS tag \"NNN\""),
            (ok.replace("Sing", "Sg"), "unknown FEATS value \"Sg\""),
            (ok.replace("NOUN", "NOUNS"), "unknown UPOS tag \"NOUNS\""),
        ] {
            let text = format!("# text = a\n{bad}");
            assert_eq!(
                parse(&text).unwrap_err().to_string(),
                format!("line 2: {message}")
            );
        }
    }
}
