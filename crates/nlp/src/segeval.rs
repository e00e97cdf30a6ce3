//! Raw-text evaluation in the style of the CoNLL 2018 shared task (`conll18_ud_eval.py`): the
//! system segments and annotates the treebank's raw text, and its tokens, sentences and words are
//! aligned to the gold ones by character spans before tags and trees are compared.
//!
//! Both sides index the same document text (rebuilt by [`crate::conllu::to_documents`]), so spans
//! are compared as byte ranges of it, which is what the shared task's whitespace-free character
//! offsets amount to. Words inside multiword tokens (`don't` = `do` `n't`) are aligned by the
//! longest common subsequence of their lowercased forms, as in the shared task.

use crate::conllu::{self, ConlluError};
use crate::doc::{Document, Sentence, Token};
use crate::sentences::BoundaryModel;

/// Counts behind one precision/recall/F1 figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let total = self.gold + self.system;
        if total == 0 {
            0.0
        } else {
            2.0 * self.correct as f64 / total as f64
        }
    }
    fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.system += other.system;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The shared task's raw-text metrics. UPOS and LAS are only meaningful when the system's
/// sentences were tagged and parsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RawTextScores {
    pub tokens: Score,
    pub sentences: Score,
    pub words: Score,
    pub upos: Score,
    /// Labelled attachment: aligned head and universal relation (subtype ignored, as in the task).
    pub las: Score,
}

impl RawTextScores {
    fn add(&mut self, o: &RawTextScores) {
        self.tokens.add(o.tokens);
        self.sentences.add(o.sentences);
        self.words.add(o.words);
        self.upos.add(o.upos);
        self.las.add(o.las);
    }
}

impl std::fmt::Display for RawTextScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Metric     | Precision |    Recall |  F1 Score")?;
        for (name, s) in [
            ("Tokens", self.tokens),
            ("Sentences", self.sentences),
            ("Words", self.words),
            ("UPOS", self.upos),
            ("LAS", self.las),
        ] {
            writeln!(
                f,
                "{name:<10} | {:>9.2} | {:>9.2} | {:>9.2}",
                100.0 * s.precision(),
                100.0 * s.recall(),
                100.0 * s.f1()
            )?;
        }
        Ok(())
    }
}

/// One word with the span it is aligned by: its own, or its multiword token's.
struct Word<'a> {
    start: usize,
    end: usize,
    multiword: bool,
    token: &'a Token,
    /// Index of the head word in the flat word list; `None` for the root.
    head: Option<usize>,
}

/// Flattens sentences into words with global head indices. `groups` gives, per sentence, the
/// surface-token spans as word ranges.
fn words<'a>(sentences: &'a [Sentence], groups: &[Vec<(usize, usize)>]) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    for (s, spans) in sentences.iter().zip(groups) {
        let base = out.len();
        for &(a, b) in spans {
            let (start, end) = (s.tokens[a].start, s.tokens[b - 1].end);
            for t in &s.tokens[a..b] {
                out.push(Word {
                    start,
                    end,
                    multiword: b - a > 1,
                    token: t,
                    head: t.head.map(|h| base + h),
                });
            }
        }
    }
    out
}

/// Surface tokens of a gold sentence: words of one multiword token share one span.
fn gold_groups(s: &Sentence) -> Vec<(usize, usize)> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if s.tokens[g.0].start == t.start && s.tokens[g.0].end == t.end => g.1 = i + 1,
            _ => groups.push((i, i + 1)),
        }
    }
    groups
}

/// Surface tokens of a system sentence: clitics split by the tokeniser rejoin their word.
fn system_groups(text: &str, s: &Sentence) -> Vec<(usize, usize)> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if crate::tokenize::continues_word(text, &s.tokens[i - 1], t) => g.1 = i + 1,
            _ => groups.push((i, i + 1)),
        }
    }
    groups
}

/// Number of equal spans in two sorted span lists.
fn matching_spans(gold: &[(usize, usize)], system: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < gold.len() && j < system.len() {
        match gold[i].cmp(&system[j]) {
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    n
}

/// Scores a system's sentences against the gold ones over the same `text`.
pub fn evaluate(text: &str, gold: &[Sentence], system: &[Sentence]) -> RawTextScores {
    let gold_tok: Vec<Vec<(usize, usize)>> = gold.iter().map(gold_groups).collect();
    let sys_tok: Vec<Vec<(usize, usize)>> = system.iter().map(|s| system_groups(text, s)).collect();
    let spans = |sents: &[Sentence], groups: &[Vec<(usize, usize)>]| -> Vec<(usize, usize)> {
        sents
            .iter()
            .zip(groups)
            .flat_map(|(s, g)| {
                g.iter()
                    .map(|&(a, b)| (s.tokens[a].start, s.tokens[b - 1].end))
            })
            .collect()
    };
    let sent_spans = |sents: &[Sentence]| -> Vec<(usize, usize)> {
        sents
            .iter()
            .filter(|s| !s.tokens.is_empty())
            .map(|s| (s.tokens[0].start, s.tokens[s.tokens.len() - 1].end))
            .collect()
    };
    let (gt, st) = (spans(gold, &gold_tok), spans(system, &sys_tok));
    let (gs, ss) = (sent_spans(gold), sent_spans(system));
    let gw = words(gold, &gold_tok);
    let sw = words(system, &sys_tok);
    let aligned = align_words(&gw, &sw);

    let mut scores = RawTextScores {
        tokens: Score {
            gold: gt.len(),
            system: st.len(),
            correct: matching_spans(&gt, &st),
        },
        sentences: Score {
            gold: gs.len(),
            system: ss.len(),
            correct: matching_spans(&gs, &ss),
        },
        words: Score {
            gold: gw.len(),
            system: sw.len(),
            correct: aligned.len(),
        },
        ..RawTextScores::default()
    };
    let mut sys_to_gold = vec![None; sw.len()];
    for &(g, s) in &aligned {
        sys_to_gold[s] = Some(g);
    }
    let (mut upos, mut las) = (0, 0);
    for &(g, s) in &aligned {
        let (gt, st) = (gw[g].token, sw[s].token);
        if gt.upos == st.upos {
            upos += 1;
        }
        let head_ok = match (gw[g].head, sw[s].head) {
            (None, None) => true,
            (Some(gh), Some(sh)) => sys_to_gold[sh] == Some(gh),
            _ => false,
        };
        if head_ok && gt.deprel.base() == st.deprel.base() {
            las += 1;
        }
    }
    scores.upos = Score {
        correct: upos,
        ..scores.words
    };
    scores.las = Score {
        correct: las,
        ..scores.words
    };
    scores
}

/// Aligned (gold, system) word index pairs, following `align_words` of `conll18_ud_eval.py`.
fn align_words(gold: &[Word], system: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            let (gs, ss, ge, se) = multiword_span(gold, system, gi, si);
            (gi, si) = (ge, se);
            if ge > gs && se > ss {
                align_lcs(&gold[gs..ge], &system[ss..se], gs, ss, &mut out);
            }
        } else if (gold[gi].start, gold[gi].end) == (system[si].start, system[si].end) {
            out.push((gi, si));
            gi += 1;
            si += 1;
        } else if gold[gi].start <= system[si].start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    out
}

/// The smallest stretch of words around a multiword token that both sides cover alike.
fn multiword_span(
    gold: &[Word],
    system: &[Word],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multiword {
        end = gold[gi].end;
        if !system[si].multiword && system[si].start < gold[gi].start {
            si += 1;
        }
    } else {
        end = system[si].end;
        if !gold[gi].multiword && gold[gi].start < system[si].start {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    let beyond = |words: &[Word], i: usize, end: usize| match words.get(i) {
        None => true,
        Some(w) if w.multiword => w.start >= end,
        Some(w) => w.end > end,
    };
    while !beyond(gold, gi, end) || !beyond(system, si, end) {
        if gi < gold.len() && (si >= system.len() || gold[gi].start <= system[si].start) {
            if gold[gi].multiword {
                end = end.max(gold[gi].end);
            }
            gi += 1;
        } else {
            if system[si].multiword {
                end = end.max(system[si].end);
            }
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

fn align_lcs(gold: &[Word], system: &[Word], g0: usize, s0: usize, out: &mut Vec<(usize, usize)>) {
    let (n, m) = (gold.len(), system.len());
    let same = |g: usize, s: usize| {
        gold[g].token.form.to_lowercase() == system[s].token.form.to_lowercase()
    };
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for g in (0..n).rev() {
        for s in (0..m).rev() {
            let diag = if same(g, s) { 1 + lcs[g + 1][s + 1] } else { 0 };
            lcs[g][s] = diag.max(lcs[g + 1][s]).max(lcs[g][s + 1]);
        }
    }
    let (mut g, mut s) = (0, 0);
    while g < n && s < m {
        if same(g, s) {
            out.push((g0 + g, s0 + s));
            g += 1;
            s += 1;
        } else if lcs[g][s] == lcs[g + 1][s] {
            g += 1;
        } else {
            s += 1;
        }
    }
}

/// Evaluates raw-text processing of a CoNLL-U treebank: each document's text is rebuilt as the
/// CoNLL 2018 shared task did (sentences joined by a space, paragraphs by a blank line), segmented
/// by [`crate::tokenize::segment_with`] (with `boundaries` when given), then each system sentence
/// is passed to `annotate` (tag and parse it, or do nothing to score segmentation alone). Scores
/// are summed over documents.
pub fn eval_raw(
    conllu_text: &str,
    boundaries: Option<&BoundaryModel>,
    mut annotate: impl FnMut(&mut Sentence),
) -> Result<RawTextScores, ConlluError> {
    let gold_docs = conllu::to_documents(&conllu::parse(conllu_text)?);
    let mut total = RawTextScores::default();
    for gold in &gold_docs {
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        crate::tokenize::segment_with(&mut doc, boundaries);
        for s in &mut doc.sentences {
            annotate(s);
        }
        total.add(&evaluate(&doc.text, &gold.sentences, &doc.sentences));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Deprel;

    fn sentence(text: &str, spans: &[(usize, usize)]) -> Sentence {
        let tokens: Vec<Token> = spans
            .iter()
            .map(|&(s, e)| Token {
                form: text[s..e].to_string(),
                start: s,
                end: e,
                ..Token::default()
            })
            .collect();
        Sentence {
            start: spans[0].0,
            end: spans[spans.len() - 1].1,
            tokens,
            ..Sentence::default()
        }
    }

    #[test]
    fn perfect_segmentation_scores_one() {
        let text = "I don't know. He left";
        let gold_tokens = [(0, 1), (2, 7), (2, 7), (8, 12), (12, 13)];
        let mut gold = vec![
            sentence(text, &gold_tokens),
            sentence(text, &[(14, 16), (17, 21)]),
        ];
        gold[0].tokens[1].form = "do".into();
        gold[0].tokens[2].form = "n't".into();
        let mut doc = Document::new("d", text);
        crate::tokenize::segment(&mut doc);
        let s = evaluate(text, &gold, &doc.sentences);
        assert_eq!(
            s.tokens,
            Score {
                gold: 6,
                system: 6,
                correct: 6
            }
        );
        assert_eq!(
            s.words,
            Score {
                gold: 7,
                system: 7,
                correct: 7
            }
        );
        assert_eq!(
            s.sentences,
            Score {
                gold: 2,
                system: 2,
                correct: 2
            }
        );
    }

    #[test]
    fn missed_split_and_boundary_cost_tokens_and_sentences() {
        let text = "I don't know. He left";
        let gold = vec![
            sentence(text, &[(0, 1), (2, 7), (8, 12), (12, 13)]),
            sentence(text, &[(14, 16), (17, 21)]),
        ];
        let system = vec![sentence(
            text,
            &[(0, 1), (2, 7), (8, 13), (14, 16), (17, 21)],
        )];
        let s = evaluate(text, &gold, &system);
        assert_eq!(
            s.tokens,
            Score {
                gold: 6,
                system: 5,
                correct: 4
            }
        );
        assert_eq!(
            s.sentences,
            Score {
                gold: 2,
                system: 1,
                correct: 0
            }
        );
        assert!((s.tokens.f1() - 8.0 / 11.0).abs() < 1e-9);
    }

    #[test]
    fn las_needs_aligned_heads_and_relations() {
        let text = "Dogs bark";
        let mut gold = vec![sentence(text, &[(0, 4), (5, 9)])];
        gold[0].tokens[0].head = Some(1);
        gold[0].tokens[0].deprel = Deprel::Nsubj;
        gold[0].tokens[1].deprel = Deprel::Root;
        let mut system = gold.clone();
        system[0].tokens[0].deprel = Deprel::NsubjPass;
        assert_eq!(evaluate(text, &gold, &system).las.correct, 2);
        system[0].tokens[0].head = None;
        assert_eq!(evaluate(text, &gold, &system).las.correct, 1);
    }
}
