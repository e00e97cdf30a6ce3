//! The recogniser's features: per token, label-independent ones (word, affixes, shape, context,
//! POS, word classes, gazetteer matches, capitalised runs) computed once per sentence, and the
//! few that pair a token with the previous label, which decoding adds per candidate label.

use super::lexicon::Lexicon;
use crate::doc::Token;
use crate::gazetteer::Gazetteer;
use crate::perceptron::{combine, feature, feature2, feature3, hash_str};

/// Feature templates: the first argument of every feature hash.
pub(super) mod tpl {
    pub const BIAS: u32 = 1;
    pub const FORM: u32 = 2;
    pub const LOWER: u32 = 3;
    pub const SHAPE: u32 = 4;
    pub const PREFIX: u32 = 5;
    pub const SUFFIX: u32 = 6;
    pub const PREV_LOWER: u32 = 7;
    pub const NEXT_LOWER: u32 = 8;
    pub const PREV2_LOWER: u32 = 9;
    pub const NEXT2_LOWER: u32 = 10;
    pub const PREV_SHAPE: u32 = 11;
    pub const NEXT_SHAPE: u32 = 12;
    pub const POS: u32 = 13;
    pub const PREV_POS: u32 = 14;
    pub const NEXT_POS: u32 = 15;
    pub const POS_SHAPE: u32 = 16;
    pub const PLACE: u32 = 17;
    pub const DEMONYM: u32 = 18;
    pub const CLASSES: u32 = 19;
    pub const PREV_CLASSES: u32 = 20;
    pub const NEXT_CLASSES: u32 = 21;
    pub const CLASSES_POS: u32 = 22;
    pub const RUN_LAST: u32 = 23;
    pub const RUN_POSITION: u32 = 24;
    pub const FIRST: u32 = 25;
    pub const PREV_LABEL: u32 = 26;
    pub const PREV_LABEL_LOWER: u32 = 28;
    pub const PREV_LABEL_SHAPE: u32 = 29;
    pub const PREV_LOWER_LOWER: u32 = 30;
    pub const LOWER_NEXT_LOWER: u32 = 31;
    pub const SHORT_SHAPE_CONTEXT: u32 = 32;
    pub const IN_PARENS: u32 = 36;
    pub const PLACE_FOLDED: u32 = 37;
    pub const CLUSTER: u32 = 44;
    pub const PREV_CLUSTER: u32 = 45;
    pub const NEXT_CLUSTER: u32 = 46;
    pub const CLUSTER_POS: u32 = 53;
    pub const HISTORY: u32 = 51;
    pub const HISTORY_TYPES: u32 = 52;
    pub const VECTOR: u32 = 54;
}

/// Hash of the short shape of a word: character classes with runs collapsed ("Oslo" → "Xx",
/// "U.S." → "X.X.", "2023" → "d", "al-Ani" → "x-Xx").
pub(super) fn shape_hash(form: &str) -> u64 {
    let mut h = 0x5a;
    let mut last = '\0';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            h = combine(h, k as u64);
            last = k;
        }
    }
    h
}

/// Per-token values computed once per sentence.
struct TokenInfo {
    lower: u64,
    shape: u64,
    pos: u64,
    capitalised: bool,
    /// Word-cluster path (0 = unknown).
    cluster: u64,
    /// Word-vector class code (0 = unknown).
    vector: u64,

    /// [`crate::gazetteer::WordClasses::bits`] plus the capitalisation bit.
    classes: u64,
    /// Features of the prefixes of 1-3 and suffixes of 1-4 characters (0 where the word is
    /// shorter).
    affixes: [u64; 7],
}

/// What the spans of a sentence say about each of its tokens (0 = nothing): gazetteer matches
/// (kind code and position in the match, see [`mark`]) and runs of capitalised words.
struct SpanMarks {
    place: Vec<u64>,
    demonym: Vec<u64>,
    /// Places matched ignoring case.
    place_folded: Vec<u64>,
    /// The word classes of the run's last word.
    run_last: Vec<u64>,
    /// The token's position in its run and the run's length.
    run_pos: Vec<u64>,
}

/// Stands in for the values of tokens beyond the sentence's edges.
const PAD: u64 = 0x5eed;

/// Label-independent features of every token of a sentence.
pub(super) fn static_features(
    tokens: &[Token],
    g: &Gazetteer,
    clusters: &Lexicon,
    vectors: &Lexicon,
) -> Vec<Vec<u64>> {
    let n = tokens.len();
    let mut lower_s = String::new();
    // Every token's lower case, one after the other in `folded`, at `spans`.
    let mut folded = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(n);
    let mut info: Vec<TokenInfo> = Vec::with_capacity(n);
    for t in tokens {
        lower_s.clear();
        lower_s.extend(t.form.chars().flat_map(char::to_lowercase));
        info.push(token_info(t, &lower_s, g, clusters, vectors));
        spans.push((folded.len(), folded.len() + lower_s.len()));
        folded.push_str(&lower_s);
    }
    let lower_refs: Vec<&str> = spans.iter().map(|&(a, b)| &folded[a..b]).collect();
    let marks = SpanMarks::find(tokens, &info, &lower_refs, g);
    (0..n)
        .map(|i| token_features(tokens, &info, &marks, i))
        .collect()
}

/// The values of token `t`, whose lowercase form is `lower_s`.
#[inline]
fn token_info(
    t: &Token,
    lower_s: &str,
    g: &Gazetteer,
    clusters: &Lexicon,
    vectors: &Lexicon,
) -> TokenInfo {
    let capitalised = t.form.chars().next().is_some_and(char::is_uppercase);
    let lower = hash_str(lower_s);
    let form = hash_str(&t.form);
    TokenInfo {
        lower,
        cluster: u64::from(clusters.path(form, lower)),
        vector: u64::from(vectors.path(form, lower)),
        shape: shape_hash(&t.form),
        pos: hash_str(t.xpos.as_str()),
        capitalised,
        classes: g.word_classes(lower_s).bits() << 1 | u64::from(capitalised),
        affixes: affixes(lower_s),
    }
}

/// Features of the prefixes of 1-3 and suffixes of 1-4 characters, hashed without allocating.
#[inline]
fn affixes(lower_s: &str) -> [u64; 7] {
    let chars = lower_s.chars().count();
    let mut a = [0u64; 7];
    let ends = lower_s
        .char_indices()
        .map(|(i, _)| i)
        .chain([lower_s.len()])
        .skip(1);
    for (k, end) in (1..=3.min(chars)).zip(ends) {
        a[k - 1] = feature2(tpl::PREFIX, k as u64, hash_str(&lower_s[..end]));
    }
    for (k, (start, _)) in (1..=4.min(chars)).zip(lower_s.char_indices().rev()) {
        a[2 + k] = feature2(tpl::SUFFIX, k as u64, hash_str(&lower_s[start..]));
    }
    a
}

impl SpanMarks {
    fn find(tokens: &[Token], info: &[TokenInfo], lower: &[&str], g: &Gazetteer) -> SpanMarks {
        let n = tokens.len();
        let mut marks = SpanMarks {
            place: vec![0u64; n],
            demonym: vec![0u64; n],
            place_folded: vec![0u64; n],
            run_last: vec![0u64; n],
            run_pos: vec![0u64; n],
        };
        let mut i = 0;
        while i < n {
            if let Some((end, p)) = g.place_at(tokens, i) {
                mark(&mut marks.place, i, end, p.kind as u64 + 1);
                i = end;
            } else if let Some((end, _)) = g.demonym_at(tokens, i) {
                mark(&mut marks.demonym, i, end, 1);
                i = end;
            } else {
                i += 1;
            }
        }
        // The same, ignoring case: web text often writes "florida".
        let mut i = 0;
        while i < n {
            if let Some((end, kind)) = g.place_folded_at(lower, i) {
                mark(&mut marks.place_folded, i, end, kind as u64 + 1);
                i = end;
            } else {
                i += 1;
            }
        }
        marks.mark_capitalised_runs(tokens, info);
        marks
    }

    /// Runs of capitalised tokens (allowing "of", "and", "for", "the", "de" and hyphens inside):
    /// their last word says much about the whole name ("… News Agency", "… Airport").
    fn mark_capitalised_runs(&mut self, tokens: &[Token], info: &[TokenInfo]) {
        let n = tokens.len();
        let joiner = |t: &Token| {
            matches!(
                t.form.as_str(),
                "of" | "and" | "for" | "the" | "-" | "&" | "de"
            )
        };
        let mut i = 0;
        while i < n {
            if !info[i].capitalised {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < n
                && (info[end].capitalised
                    || (joiner(&tokens[end]) && end + 1 < n && info[end + 1].capitalised))
            {
                end += 1;
            }
            for k in i..end {
                self.run_last[k] = info[end - 1].classes;
                self.run_pos[k] = match (k == i, k + 1 == end) {
                    (true, true) => 1,
                    (true, false) => 2,
                    (false, true) => 3,
                    (false, false) => 4,
                } + 8 * ((end - i).min(4) as u64);
            }
            i = end;
        }
    }
}

/// A value of the token `offset` places from `i`, [`PAD`] beyond the sentence.
#[inline(always)]
fn at(info: &[TokenInfo], i: usize, offset: isize, f: fn(&TokenInfo) -> u64) -> u64 {
    let k = i as isize + offset;
    if k < 0 || k as usize >= info.len() {
        PAD
    } else {
        f(&info[k as usize])
    }
}

/// The static features of token `i`, in the order training saw them.
#[inline]
fn token_features(tokens: &[Token], info: &[TokenInfo], marks: &SpanMarks, i: usize) -> Vec<u64> {
    let x = &info[i];
    let mut f = Vec::with_capacity(48);
    word_features(&mut f, info, i);
    class_features(&mut f, info, i);
    if marks.place[i] != 0 {
        f.push(feature(tpl::PLACE, marks.place[i]));
    }
    if marks.place_folded[i] != 0 {
        f.push(feature2(tpl::PLACE_FOLDED, marks.place_folded[i], x.pos));
    }
    if marks.demonym[i] != 0 {
        f.push(feature(tpl::DEMONYM, marks.demonym[i]));
    }
    if marks.run_pos[i] != 0 {
        f.push(feature(tpl::RUN_POSITION, marks.run_pos[i]));
        f.push(feature2(tpl::RUN_LAST, marks.run_last[i], marks.run_pos[i]));
    }
    if i == 0 {
        f.push(feature2(tpl::FIRST, x.shape, x.lower));
    }
    if i > 0 && tokens[i - 1].form == "(" {
        f.push(feature(tpl::IN_PARENS, x.shape));
    }
    f
}

/// The word's own features, its affixes and those of its neighbours' words, shapes and tags.
#[inline(always)]
fn word_features(f: &mut Vec<u64>, info: &[TokenInfo], i: usize) {
    let x = &info[i];
    // LOWER and SHAPE stay at indices 1 and 2: `decode` reads them for label conjunctions.
    f.push(feature(tpl::BIAS, 0));
    f.push(feature(tpl::LOWER, x.lower));
    f.push(feature(tpl::SHAPE, x.shape));
    f.push(feature2(tpl::FORM, x.lower, x.shape));
    // The word's own identity features stay at indices 1, 3, 4 and 5: training drops them
    // from some tokens (`NerOptions::word_dropout`).
    let prev_lower = at(info, i, -1, |t| t.lower);
    let next_lower = at(info, i, 1, |t| t.lower);
    f.push(feature2(tpl::PREV_LOWER_LOWER, prev_lower, x.lower));
    f.push(feature2(tpl::LOWER_NEXT_LOWER, x.lower, next_lower));
    f.extend(x.affixes.iter().copied().filter(|&h| h != 0));
    f.push(feature(tpl::PREV_LOWER, prev_lower));
    f.push(feature(tpl::NEXT_LOWER, next_lower));
    f.push(feature(tpl::PREV2_LOWER, at(info, i, -2, |t| t.lower)));
    f.push(feature(tpl::NEXT2_LOWER, at(info, i, 2, |t| t.lower)));
    let (prev_shape, next_shape) = (at(info, i, -1, |t| t.shape), at(info, i, 1, |t| t.shape));
    f.push(feature(tpl::PREV_SHAPE, prev_shape));
    f.push(feature(tpl::NEXT_SHAPE, next_shape));
    f.push(feature(tpl::POS, x.pos));
    f.push(feature(tpl::PREV_POS, at(info, i, -1, |t| t.pos)));
    f.push(feature(tpl::NEXT_POS, at(info, i, 1, |t| t.pos)));
    f.push(feature2(tpl::POS_SHAPE, x.pos, x.shape));
    f.push(feature3(
        tpl::SHORT_SHAPE_CONTEXT,
        prev_shape,
        x.shape,
        next_shape,
    ));
}

/// The word-cluster, word-vector and gazetteer-class features of token `i` and its neighbours.
#[inline(always)]
fn class_features(f: &mut Vec<u64>, info: &[TokenInfo], i: usize) {
    let x = &info[i];
    for depth in CLUSTER_DEPTHS {
        let c = x.cluster & ((1 << depth) - 1);
        f.push(feature2(tpl::CLUSTER, depth, c));
    }
    // u64::MAX marks the sentence edges (no cluster path is that long).
    let prev = if i > 0 { info[i - 1].cluster } else { u64::MAX };
    let next = info.get(i + 1).map_or(u64::MAX, |t| t.cluster);
    f.push(feature2(tpl::PREV_CLUSTER, 32, prev));
    f.push(feature2(tpl::NEXT_CLUSTER, 32, next));
    f.push(feature2(tpl::CLUSTER_POS, x.cluster & 1023, x.pos));
    // Word-vector classes (0 when the word has no vector, or the model none).
    f.push(feature2(tpl::VECTOR, 0, x.vector & 0x7fff));
    f.push(feature2(tpl::VECTOR, 1, x.vector >> 15 & 0x1ff));
    f.push(feature2(tpl::VECTOR, 2, x.vector >> 24));
    f.push(feature(tpl::CLASSES, x.classes));
    f.push(feature(tpl::PREV_CLASSES, at(info, i, -1, |t| t.classes)));
    f.push(feature(tpl::NEXT_CLASSES, at(info, i, 1, |t| t.classes)));
    f.push(feature2(tpl::CLASSES_POS, x.classes, x.pos));
}

/// Depths of the cluster tree used as features (32 = the full path).
const CLUSTER_DEPTHS: [u64; 4] = [4, 6, 10, 32];

/// Marks the tokens `start..end` of a match of `kind`: its code times 8 plus the position in the
/// match (1 alone, 2 first, 3 last, 4 inside).
fn mark(v: &mut [u64], start: usize, end: usize, kind: u64) {
    for (k, slot) in v.iter_mut().enumerate().take(end).skip(start) {
        let pos = match (k == start, k + 1 == end) {
            (true, true) => 1,
            (true, false) => 2,
            (false, true) => 3,
            (false, false) => 4,
        };
        *slot = kind * 8 + pos;
    }
}

pub(super) fn label_hash(c: u16) -> u64 {
    combine(0x1ab, c as u64)
}

/// Adds the features that depend on the previous label `prev` for a token whose LOWER and SHAPE
/// features are `lower` and `shape`.
pub(super) fn transition_features(f: &mut Vec<u64>, prev: u16, lower: u64, shape: u64) {
    f.push(feature(tpl::PREV_LABEL, label_hash(prev)));
    f.push(feature2(tpl::PREV_LABEL_LOWER, label_hash(prev), lower));
    f.push(feature2(tpl::PREV_LABEL_SHAPE, label_hash(prev), shape));
}
