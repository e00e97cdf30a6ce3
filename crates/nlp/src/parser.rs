//! Labelled dependency parser producing UD basic trees: greedy arc-hybrid transitions with the
//! root at the end of the buffer, an averaged perceptron over Zhang & Nivre (2011) style rich
//! features, trained with the Goldberg & Nivre (2013) dynamic oracle and error exploration.
//! Needs UPOS/XPOS; always returns one well-formed single-rooted tree; projective only.

use crate::doc::{Deprel, Sentence, Token};
use crate::perceptron::{
    combine, feature, feature2, feature3, finish, hash_str, shuffle, ByteReader, ByteWriter,
    ModelError, PackedMap, PackedWeights, Perceptron, Score, Weights,
};
use crate::wordclass::{self, VectorClasses};
use std::collections::BTreeSet;

/// Training settings. Defaults are what the shipped model used.
#[derive(Clone, Debug)]
pub struct ParserOptions {
    pub iterations: usize,
    pub seed: u64,
    /// From this iteration on (0-based), training follows the model's own (possibly wrong)
    /// transitions with probability `explore`, so it learns to recover from its mistakes.
    pub explore_from: usize,
    pub explore: f64,
    pub prune_below: f32,
    /// Feature set: 1 is the original one; 2 adds word-vector classes of the stack and buffer
    /// words (and stores the vector-class table in the model).
    pub feature_set: u32,
    /// Perceptrons trained (in parallel) with seeds `seed..seed + ensemble`, whose mean
    /// weights are the model: one model's look-ups for the ensemble's scores.
    pub ensemble: usize,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            iterations: 15,
            seed: 1,
            explore_from: 1,
            explore: 0.9,
            prune_below: 0.85,
            feature_set: 1,
            ensemble: 1,
        }
    }
}

/// A trained parser.
pub struct Parser {
    /// Dependency labels; `labels[root_label]` is `root`.
    labels: Vec<Deprel>,
    root_label: u16,
    /// See [`ParserOptions::feature_set`].
    feature_set: u32,
    /// hash(form) → word-vector classes, feature set 2 only.
    vectors: VectorClasses,
    weights: PackedWeights,
}

const MAGIC: &[u8; 4] = b"KGDP";
/// Version 3 adds the feature set and the vector-class table; version 2 holds
/// [`PackedWeights`]; version 1 (plain [`Weights`]) is still read and packed on load.
const VERSION: u32 = 3;

// Transitions are encoded as classes: 0 = SHIFT, 1 + 2l = LEFT(l), 2 + 2l = RIGHT(l).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Move {
    Shift,
    Left,
    Right,
}

fn decode(class: u16) -> (Move, u16) {
    match class {
        0 => (Move::Shift, 0),
        c if c % 2 == 1 => (Move::Left, (c - 1) / 2),
        c => (Move::Right, (c - 2) / 2),
    }
}

/// Per-word hashes computed once per sentence; index `n` is the root, `n + 1` "no word".
#[derive(Clone, Copy)]
struct Word {
    form: u64,
    pos: u64,
    upos: u64,
    /// Word-vector classes among 512 and 64 (feature set 2).
    vec: u64,
    vec64: u64,
}

const NONE: usize = usize::MAX;

/// The parse under construction: stack, buffer front, and the partial tree with the child
/// bookkeeping the features need.
struct State {
    n: usize,
    stack: Vec<usize>,
    /// Buffer front; `n` is the root, which is never shifted.
    b0: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    /// Two leftmost and two rightmost children (closest-to-edge first), and counts.
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    /// Sets of labels of left/right children, as bit sets folded to 64 bits.
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b0: 0,
            head: vec![NONE; n + 1],
            label: vec![0; n + 1],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.n
    }

    fn s(&self, i: usize) -> usize {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    fn valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.b0 < self.n,
            Move::Left => !self.stack.is_empty() && (self.b0 < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.head[dep] = head;
        self.label[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            let l = &mut self.left[head];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.n_left[head] = self.n_left[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            let r = &mut self.right[head];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.n_right[head] = self.n_right[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.b0);
                self.b0 += 1;
            }
            Move::Left => {
                let s0 = self.stack.pop().expect("valid LEFT");
                self.attach(self.b0, s0, label);
            }
            Move::Right => {
                let s0 = self.stack.pop().expect("valid RIGHT");
                let s1 = *self.stack.last().expect("valid RIGHT");
                self.attach(s1, s0, label);
            }
        }
    }
}

/// What the feature templates read of a parser state: the words on the stack (`s0`–`s2`) and at
/// the buffer's front (`b0`–`b2`), their nearest and second-nearest children, distances,
/// valencies and the labels of children. Gathered once per transition, before any feature.
struct Context {
    ws0: Word,
    ws1: Word,
    ws2: Word,
    wb0: Word,
    wb1: Word,
    wb2: Word,
    ws0l: Word,
    ws0l2: Word,
    ws0r: Word,
    ws0r2: Word,
    wb0l: Word,
    wb0l2: Word,
    ws1r: Word,
    ws1l: Word,
    /// Distance from `s0` to `b0`, bucketed.
    dist: u64,
    /// Distance from `s1` to `s0`, capped.
    ds1: u64,
    s0vl: u64,
    s0vr: u64,
    b0vl: u64,
    s1vr: u64,
    /// Labels of the children, in the order of the fields above (0xff for none).
    labels: [u64; 8],
    /// Label sets: right of `s0`, left of `s0`, left of `b0`, right of `s1` (1 for none).
    sets: [u64; 4],
}

impl Context {
    #[inline(always)]
    fn of(st: &State, words: &[Word]) -> Context {
        let none = words.len() - 1;
        let w = |i: usize| if i == NONE { words[none] } else { words[i] };
        let lab = |i: usize| {
            if i == NONE {
                0xffu64
            } else {
                st.label[i] as u64
            }
        };
        let child =
            |i: usize, side: &Vec<[usize; 2]>, k: usize| if i == NONE { NONE } else { side[i][k] };
        let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
        let (b0, b1, b2) = (
            st.b0,
            if st.b0 < st.n { st.b0 + 1 } else { NONE },
            if st.b0 + 1 < st.n { st.b0 + 2 } else { NONE },
        );
        let s0l = child(s0, &st.left, 0);
        let s0l2 = child(s0, &st.left, 1);
        let s0r = child(s0, &st.right, 0);
        let s0r2 = child(s0, &st.right, 1);
        let b0l = child(b0, &st.left, 0);
        let b0l2 = child(b0, &st.left, 1);
        let s1r = child(s1, &st.right, 0);
        let s1l = child(s1, &st.left, 0);
        let dist = if s0 == NONE {
            0
        } else {
            let d = b0 - s0;
            if d > 5 {
                if d > 10 {
                    7
                } else {
                    6
                }
            } else {
                d as u64
            }
        };
        let ds1 = if s1 == NONE || s0 == NONE {
            0
        } else {
            (s0 - s1).min(6) as u64
        };
        let val = |i: usize, v: &Vec<u8>| if i == NONE { 0xff } else { v[i] as u64 };
        let set = |i: usize, v: &Vec<u64>| if i == NONE { 1 } else { v[i] };
        Context {
            ws0: w(s0),
            ws1: w(s1),
            ws2: w(s2),
            wb0: w(b0),
            wb1: w(b1),
            wb2: w(b2),
            ws0l: w(s0l),
            ws0l2: w(s0l2),
            ws0r: w(s0r),
            ws0r2: w(s0r2),
            wb0l: w(b0l),
            wb0l2: w(b0l2),
            ws1r: w(s1r),
            ws1l: w(s1l),
            dist,
            ds1,
            s0vl: val(s0, &st.n_left),
            s0vr: val(s0, &st.n_right),
            b0vl: val(b0, &st.n_left),
            s1vr: val(s1, &st.n_right),
            labels: [s0l, s0r, b0l, s1r, s1l, s0l2, s0r2, b0l2].map(lab),
            sets: [
                set(s0, &st.right_labels),
                set(s0, &st.left_labels),
                set(b0, &st.left_labels),
                set(s1, &st.right_labels),
            ],
        }
    }
}

// Feature template numbers are part of the model format: never renumber, only add.
fn extract_features(st: &State, words: &[Word], feature_set: u32, out: &mut Vec<u64>) {
    let c = Context::of(st, words);
    out.clear();
    word_features(&c, out);
    tree_features(&c, out);
    if feature_set >= 2 {
        class_features(&c, out);
    }
}

/// Templates 130–141 (feature set 2): word-vector classes of the words of the stack and buffer,
/// alone and with their neighbour's tag or class (Koo et al. 2008's cluster features).
#[inline(always)]
fn class_features(c: &Context, out: &mut Vec<u64>) {
    let Context {
        ws0,
        ws1,
        wb0,
        wb1,
        dist,
        ..
    } = *c;
    out.extend_from_slice(&[
        feature(130, ws0.vec),
        feature(131, wb0.vec),
        feature(132, wb1.vec),
        feature(133, ws1.vec),
        feature2(134, ws0.vec, wb0.pos),
        feature2(135, ws0.pos, wb0.vec),
        feature2(136, ws0.vec64, wb0.vec64),
        feature2(137, ws0.vec, wb0.vec),
        feature2(138, ws1.vec64, ws0.vec64),
        feature2(139, ws1.vec, ws0.pos),
        feature2(140, ws1.pos, ws0.vec),
        feature3(141, ws0.vec64, wb0.vec64, dist),
    ]);
}

/// Templates 0–57: the words of the stack and buffer, alone, in pairs and threes, and with
/// their distance.
#[inline(always)]
fn word_features(c: &Context, out: &mut Vec<u64>) {
    let Context {
        ws0,
        ws1,
        ws2,
        wb0,
        wb1,
        wb2,
        ws0l,
        ws0r,
        wb0l,
        ws1r,
        dist,
        ds1,
        ..
    } = *c;
    let wp = |x: Word| combine(x.form, x.pos);
    out.extend_from_slice(&[
        feature(0, 0),
        // Single words.
        feature(1, wp(ws0)),
        feature(2, ws0.form),
        feature(3, ws0.pos),
        feature(4, wp(wb0)),
        feature(5, wb0.form),
        feature(6, wb0.pos),
        feature(7, wp(wb1)),
        feature(8, wb1.form),
        feature(9, wb1.pos),
        feature(10, wp(wb2)),
        feature(11, wb2.form),
        feature(12, wb2.pos),
        feature(13, wp(ws1)),
        feature(14, ws1.form),
        feature(15, ws1.pos),
        feature(16, ws2.pos),
        feature(17, ws2.form),
        // Pairs.
        feature2(20, wp(ws0), wp(wb0)),
        feature2(21, wp(ws0), wb0.form),
        feature2(22, ws0.form, wp(wb0)),
        feature2(23, wp(ws0), wb0.pos),
        feature2(24, ws0.pos, wp(wb0)),
        feature2(25, ws0.form, wb0.form),
        feature2(26, ws0.pos, wb0.pos),
        feature2(27, wb0.pos, wb1.pos),
        feature2(28, wp(ws1), wp(ws0)),
        feature2(29, ws1.pos, ws0.pos),
        feature2(30, ws1.form, ws0.form),
        feature2(31, wp(ws1), ws0.pos),
        feature2(32, ws1.pos, wp(ws0)),
        // Three words.
        feature3(40, wb0.pos, wb1.pos, wb2.pos),
        feature3(41, ws0.pos, wb0.pos, wb1.pos),
        feature3(42, ws1.pos, ws0.pos, wb0.pos),
        feature3(43, ws0.pos, ws0l.pos, wb0.pos),
        feature3(44, ws0.pos, ws0r.pos, wb0.pos),
        feature3(45, ws0.pos, wb0.pos, wb0l.pos),
        feature3(46, ws2.pos, ws1.pos, ws0.pos),
        feature3(47, ws1.pos, ws1r.pos, ws0.pos),
        feature3(48, ws1.pos, ws0.pos, ws0l.pos),
        feature3(49, ws1.pos, ws0.pos, ws0r.pos),
        // Distance.
        feature2(50, ws0.form, dist),
        feature2(51, ws0.pos, dist),
        feature2(52, wb0.form, dist),
        feature2(53, wb0.pos, dist),
        feature3(54, ws0.form, wb0.form, dist),
        feature3(55, ws0.pos, wb0.pos, dist),
        feature3(56, ws1.pos, ws0.pos, ds1),
        feature3(57, ws1.form, ws0.form, ds1),
    ]);
}

/// Templates 60–124: valencies, children and their labels, label sets and universal tags.
#[inline(always)]
fn tree_features(c: &Context, out: &mut Vec<u64>) {
    let Context {
        ws0,
        ws1,
        wb0,
        wb1,
        ws0l,
        ws0l2,
        ws0r,
        ws0r2,
        wb0l,
        wb0l2,
        ws1r,
        ws1l,
        s0vl,
        s0vr,
        b0vl,
        s1vr,
        labels: [l_s0l, l_s0r, l_b0l, l_s1r, l_s1l, l_s0l2, l_s0r2, l_b0l2],
        sets: [s0_right, s0_left, b0_left, s1_right],
        ..
    } = *c;
    out.extend_from_slice(&[
        // Valency.
        feature2(60, ws0.form, s0vr),
        feature2(61, ws0.pos, s0vr),
        feature2(62, ws0.form, s0vl),
        feature2(63, ws0.pos, s0vl),
        feature2(64, wb0.form, b0vl),
        feature2(65, wb0.pos, b0vl),
        feature2(66, ws1.pos, s1vr),
        // Children.
        feature(70, ws0l.form),
        feature(71, ws0l.pos),
        feature(72, l_s0l),
        feature(73, ws0r.form),
        feature(74, ws0r.pos),
        feature(75, l_s0r),
        feature(76, wb0l.form),
        feature(77, wb0l.pos),
        feature(78, l_b0l),
        feature(79, ws1r.form),
        feature(80, ws1r.pos),
        feature(81, l_s1r),
        feature(82, ws1l.pos),
        feature(83, l_s1l),
        // Second-order children.
        feature(90, ws0l2.form),
        feature(91, ws0l2.pos),
        feature(92, l_s0l2),
        feature(93, ws0r2.form),
        feature(94, ws0r2.pos),
        feature(95, l_s0r2),
        feature(96, wb0l2.form),
        feature(97, wb0l2.pos),
        feature(98, l_b0l2),
        feature3(99, ws0.pos, ws0l.pos, ws0l2.pos),
        feature3(100, ws0.pos, ws0r.pos, ws0r2.pos),
        feature3(101, wb0.pos, wb0l.pos, wb0l2.pos),
        // Label sets.
        feature2(110, ws0.form, s0_right),
        feature2(111, ws0.pos, s0_right),
        feature2(112, ws0.form, s0_left),
        feature2(113, ws0.pos, s0_left),
        feature2(114, wb0.form, b0_left),
        feature2(115, wb0.pos, b0_left),
        feature2(116, ws1.pos, s1_right),
        // Universal tags, which separate e.g. AUX from VERB where Penn tags do not.
        feature2(120, ws0.upos, wb0.upos),
        feature3(121, ws1.upos, ws0.upos, wb0.upos),
        feature2(122, ws0.upos, l_s0l),
        feature2(123, wb0.upos, l_b0l),
        feature3(124, ws0.upos, wb0.upos, wb1.upos),
    ]);
}

fn sentence_words(tokens: &[Token], vectors: &VectorClasses) -> Vec<Word> {
    let mut lower = String::new();
    let unknown = finish(0x400);
    let mut words: Vec<Word> = tokens
        .iter()
        .map(|t| {
            lower.clear();
            lower.extend(t.form.chars().flat_map(char::to_lowercase));
            let form = hash_str(&lower);
            let (vec, vec64) = if vectors.is_empty() {
                (0, 0)
            } else {
                wordclass::lookup(vectors, hash_str(&t.form), form, unknown)
            };
            Word {
                form,
                pos: hash_str(t.xpos.as_str()),
                upos: hash_str(t.upos.as_str()),
                vec,
                vec64,
            }
        })
        .collect();
    for mark in [finish(0x200), finish(0x300)] {
        // The root, then "no word".
        words.push(Word {
            form: mark,
            pos: mark,
            upos: mark,
            vec: mark,
            vec64: mark,
        });
    }
    words
}

/// The best valid transition by `scores`; `root_label` is the only label allowed into the root,
/// and it is allowed nowhere else. Ties go to the lowest class.
fn best_valid(st: &State, scores: &[f32], root_label: u16) -> u16 {
    let (shift, left, right) = (
        st.valid(Move::Shift),
        st.valid(Move::Left),
        st.valid(Move::Right),
    );
    let into_root = st.b0 == st.n;
    let mut best = None;
    let mut best_score = f32::NEG_INFINITY;
    let mut consider = |c: usize| {
        if best.is_none() || scores[c] > best_score {
            best = Some(c as u16);
            best_score = scores[c];
        }
    };
    if shift {
        consider(0);
    }
    // Classes 1 + 2l (LEFT l) and 2 + 2l (RIGHT l), in class order.
    for l in 0..(scores.len() - 1) / 2 {
        let is_root = l == root_label as usize;
        if left && into_root == is_root {
            consider(1 + 2 * l);
        }
        if right && !is_root {
            consider(2 + 2 * l);
        }
    }
    best.expect("a non-final state always has a valid transition")
}

/// The transition [`best_valid`] would pick whatever the scores, where there is no alternative:
/// SHIFT onto an empty stack, and the last word into the root. Parsing skips the features and
/// the weights there (training does not, so that the averaged weights stay as they were).
fn forced(st: &State, root_label: u16) -> Option<(Move, u16)> {
    if st.stack.is_empty() {
        Some((Move::Shift, 0))
    } else if st.b0 == st.n && st.stack.len() == 1 {
        Some((Move::Left, root_label))
    } else {
        None
    }
}

impl Parser {
    /// Sets `head` and `deprel` on every token. Reads `form`, `upos` and `xpos`.
    pub fn parse(&self, sentence: &mut Sentence) {
        let n = sentence.tokens.len();
        if n == 0 {
            return;
        }
        let words = sentence_words(&sentence.tokens, &self.vectors);
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(144);
        let mut scores = vec![0.0f32; self.weights.n_classes()];
        while !st.is_final() {
            let (m, l) = match forced(&st, self.root_label) {
                Some(forced) => forced,
                None => {
                    extract_features(&st, &words, self.feature_set, &mut feats);
                    self.weights.scores(&feats, &mut scores);
                    decode(best_valid(&st, &scores, self.root_label))
                }
            };
            st.apply(m, l);
        }
        for (i, t) in sentence.tokens.iter_mut().enumerate() {
            t.head = if st.head[i] == n {
                None
            } else {
                Some(st.head[i])
            };
            t.deprel = self.labels[st.label[i] as usize];
        }
    }

    /// Trains on sentences with gold trees (and, ideally, predicted tags). Non-projective trees
    /// are projectivised by lifting; sentences without a valid tree are skipped.
    pub fn train(sentences: &[Sentence], options: &ParserOptions) -> Parser {
        // Numbered in the order of their spellings, which is the order of `Deprel`.
        let mut label_set: BTreeSet<Deprel> = BTreeSet::new();
        label_set.insert(Deprel::Root);
        for s in sentences {
            for t in &s.tokens {
                label_set.insert(t.deprel);
            }
        }
        let labels: Vec<Deprel> = label_set.into_iter().collect();
        let root_label = labels
            .iter()
            .position(|&l| l == Deprel::Root)
            .expect("inserted") as u16;
        let label_of = |d: Deprel| labels.iter().position(|&l| l == d).expect("collected") as u16;
        let golds: Vec<(usize, Vec<usize>, Vec<u16>)> = sentences
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let n = s.tokens.len();
                let mut heads: Vec<usize> = s.tokens.iter().map(|t| t.head.unwrap_or(n)).collect();
                if n == 0 || !is_tree(&heads) {
                    return None;
                }
                projectivize(&mut heads);
                let labs = s.tokens.iter().map(|t| label_of(t.deprel)).collect();
                Some((i, heads, labs))
            })
            .collect();

        let vectors = if options.feature_set >= 2 {
            wordclass::vector_class_table()
        } else {
            VectorClasses::default()
        };
        let data = TrainingData {
            sentences,
            golds: &golds,
            n_classes: 1 + 2 * labels.len(),
            root_label,
            vectors: &vectors,
        };
        let weights = if options.ensemble <= 1 {
            data.member(options, options.seed)
                .average(options.prune_below)
        } else {
            let members: Vec<Weights> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..options.ensemble as u64)
                    .map(|m| {
                        let data = &data;
                        scope.spawn(move || data.member(options, options.seed + m).average(0.0))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("member training"))
                    .collect()
            });
            Weights::mean(&members, options.prune_below)
        };
        Parser {
            labels,
            root_label,
            feature_set: options.feature_set,
            vectors,
            weights: PackedWeights::from_weights(&weights),
        }
    }

    /// Drops weights of magnitude below `below` (see [`PackedWeights::pruned`]).
    pub fn prune(&mut self, below: f32) {
        self.weights = self.weights.pruned(below);
    }

    /// Magic, version, the labels, the root label (u16), in version 3 the feature set (u32) and
    /// the vector-class table ([`PackedMap::write`](crate::perceptron::PackedMap::write)), then
    /// the packed weights as a blob. A feature-set-1 parser is written as version 2, as before
    /// feature sets: byte for byte what older readers read.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.bytes(MAGIC);
        let version = if self.feature_set == 1 { 2 } else { VERSION };
        w.u32(version);
        w.strs(&self.labels.iter().map(|l| l.as_str()).collect::<Vec<_>>());
        w.u16(self.root_label);
        if version >= 3 {
            w.u32(self.feature_set);
            self.vectors.write(&mut w);
        }
        w.blob(&self.weights.to_bytes());
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(MAGIC, "parser")?;
        let version = r.u32()?;
        if !(1..=VERSION).contains(&version) {
            return Err(ModelError::UnsupportedVersion {
                kind: "parser",
                found: version,
                supported: VERSION,
            });
        }
        let labels = r
            .strs()?
            .iter()
            .map(|l| l.parse())
            .collect::<Result<Vec<Deprel>, _>>()
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        let root_label = r.u16()?;
        if labels.get(root_label as usize) != Some(&Deprel::Root) {
            return Err(ModelError::Corrupt("root label missing".into()));
        }
        let (feature_set, vectors) = if version >= 3 {
            (r.u32()?, PackedMap::read(&mut r)?)
        } else {
            (1, VectorClasses::default())
        };
        if !(1..=2).contains(&feature_set) {
            return Err(ModelError::Corrupt(format!("feature set {feature_set}")));
        }
        let weights = match version {
            1 => PackedWeights::from_weights(&Weights::from_bytes(r.blob()?)?),
            _ => PackedWeights::from_bytes(r.blob()?)?,
        };
        if weights.n_classes() != 1 + 2 * labels.len() {
            return Err(ModelError::Corrupt("weights and label set disagree".into()));
        }
        Ok(Parser {
            labels,
            root_label,
            feature_set,
            vectors,
            weights,
        })
    }
}

/// What every member of a parser ensemble trains on: sentences, their projectivised gold trees
/// (sentence index, heads, label indices), and the label and class set.
struct TrainingData<'a> {
    sentences: &'a [Sentence],
    golds: &'a [(usize, Vec<usize>, Vec<u16>)],
    n_classes: usize,
    root_label: u16,
    vectors: &'a VectorClasses,
}

impl TrainingData<'_> {
    /// One perceptron, trained with the dynamic oracle and error exploration from `seed`.
    fn member(&self, options: &ParserOptions, seed: u64) -> Perceptron {
        let (golds, sentences, root_label) = (self.golds, self.sentences, self.root_label);
        let n_classes = self.n_classes;
        let mut model = Perceptron::new(n_classes);
        let mut order: Vec<usize> = (0..golds.len()).collect();
        let mut seed = seed;
        let mut rng = seed ^ 0x5eed;
        let mut feats = Vec::with_capacity(144);
        let mut scores = vec![0.0f32; n_classes];
        let mut costs = vec![0u32; n_classes];
        for epoch in 0..options.iterations {
            shuffle(&mut order, &mut seed);
            for &gi in &order {
                let (si, ref heads, ref labs) = golds[gi];
                let tokens = &sentences[si].tokens;
                let n = tokens.len();
                let words = sentence_words(tokens, self.vectors);
                let mut st = State::new(n);
                while !st.is_final() {
                    extract_features(&st, &words, options.feature_set, &mut feats);
                    model.tick();
                    model.scores(&feats, &mut scores);
                    let guess = best_valid(&st, &scores, root_label);
                    transition_costs(&st, heads, labs, root_label, &mut costs);
                    // Reward the best-scoring optimal transition. After an error, or where the
                    // single-root constraint forces a loss, even the optimal one may cost > 0.
                    let min_cost = *costs.iter().min().expect("classes");
                    let mut truth = None;
                    for (c, &cost) in costs.iter().enumerate() {
                        if cost == min_cost && truth.is_none_or(|t: usize| scores[c] > scores[t]) {
                            truth = Some(c);
                        }
                    }
                    let truth = truth.expect("some transition is valid") as u16;
                    if costs[guess as usize] > min_cost {
                        model.update(truth, guess, &feats);
                    }
                    rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
                    let follow_guess = epoch >= options.explore_from
                        && ((finish(rng) >> 11) as f64) < options.explore * (1u64 << 53) as f64;
                    let next = if follow_guess { guess } else { truth };
                    let (m, l) = decode(next);
                    st.apply(m, l);
                }
            }
        }
        model
    }
}

/// Costs (gold arcs lost) of every transition from `st`, `u32::MAX` for invalid ones; the
/// arc-hybrid dynamic oracle of Goldberg & Nivre (2013), exact for projective gold trees.
/// `heads[i] == n` marks the gold root.
fn transition_costs(st: &State, heads: &[usize], labs: &[u16], root_label: u16, costs: &mut [u32]) {
    let n = st.n;
    let in_buffer = |i: usize| i >= st.b0 && i <= n;
    let s0 = st.s(0);
    let s1 = st.s(1);
    // SHIFT: b0 loses heads in the stack below s0 and dependents in the stack.
    let shift = if st.valid(Move::Shift) {
        let b0 = st.b0;
        let mut c = 0;
        for (k, &s) in st.stack.iter().enumerate() {
            let is_s0 = k + 1 == st.stack.len();
            if (heads[b0] == s && !is_s0) || heads[s] == b0 {
                c += 1;
            }
        }
        Some(c)
    } else {
        None
    };
    // Popping s0 loses its dependents still in the buffer.
    let lost_deps = if s0 != NONE {
        (st.b0..n).filter(|&d| heads[d] == s0).count() as u32
    } else {
        0
    };
    let left = if st.valid(Move::Left) {
        let h = heads[s0];
        let lost_head =
            (h != st.b0 && (h == s1 && s1 != NONE || (in_buffer(h) && h != st.b0))) as u32;
        Some(lost_deps + lost_head)
    } else {
        None
    };
    let right = if st.valid(Move::Right) {
        let h = heads[s0];
        Some(lost_deps + in_buffer(h) as u32)
    } else {
        None
    };
    for (c, cost) in costs.iter_mut().enumerate() {
        let (m, l) = decode(c as u16);
        let into_root = m == Move::Left && st.b0 == n;
        *cost = match m {
            Move::Shift => shift.unwrap_or(u32::MAX),
            _ if into_root != (l == root_label) => u32::MAX,
            Move::Left => left.map_or(u32::MAX, |c| {
                c + (heads[s0] == st.b0 && labs[s0] != l) as u32
            }),
            Move::Right => {
                right.map_or(u32::MAX, |c| c + (heads[s0] == s1 && labs[s0] != l) as u32)
            }
        };
    }
}

/// Whether `heads` (root marked by `heads.len()`) is a tree: one root, no cycles.
fn is_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    if heads.iter().filter(|&&h| h == n).count() != 1 || heads.iter().any(|&h| h > n) {
        return false;
    }
    (0..n).all(|mut i| {
        for _ in 0..=n {
            if heads[i] == n {
                return true;
            }
            i = heads[i];
        }
        false
    })
}

/// Lifts non-projective arcs (attaches the dependent to its head's head) until the tree is
/// projective. The root sits after the last word, so arcs to it span to the end.
fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    let dominates = |heads: &[usize], h: usize, mut d: usize| {
        while d != n {
            if d == h {
                return true;
            }
            d = heads[d];
        }
        h == n
    };
    loop {
        let mut lifted = false;
        for d in 0..n {
            let h = heads[d];
            if h == n {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            if ((lo + 1)..hi).any(|k| !dominates(heads, h, k)) {
                heads[d] = heads[h];
                lifted = true;
            }
        }
        if !lifted {
            break;
        }
    }
}

/// Unlabelled and labelled attachment matches of one token against gold.
pub fn attachment(predicted: &Token, gold: &Token) -> (bool, bool) {
    let uas = predicted.head == gold.head;
    (uas, uas && predicted.deprel == gold.deprel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence in `kg_model::notation`.
    fn sentence(text: &str) -> Sentence {
        kg_model::notation::sentence(text)
    }

    fn fixture() -> Vec<Sentence> {
        vec![
            sentence("The/DET/DT/_/2/det dog/NOUN/NN/_/3/nsubj chased/VERB/VBD/_/0/root the/DET/DT/_/5/det cat/NOUN/NN/_/3/obj ./PUNCT/./_/3/punct"),
            sentence("Mary/PROPN/NNP/_/2/nsubj saw/VERB/VBD/_/0/root a/DET/DT/_/4/det bird/NOUN/NN/_/2/obj in/ADP/IN/_/7/case the/DET/DT/_/7/det garden/NOUN/NN/_/2/obl ./PUNCT/./_/2/punct"),
            sentence("Birds/NOUN/NNS/_/2/nsubj sing/VERB/VBP/_/0/root ./PUNCT/./_/2/punct"),
        ]
    }

    #[test]
    fn reproduces_a_learnable_fixture_and_round_trips() {
        let train = fixture();
        // Feature set 2 (word-vector classes), two members: the optional code as well.
        let parser = Parser::train(
            &train,
            &ParserOptions {
                feature_set: 2,
                ensemble: 2,
                ..ParserOptions::default()
            },
        );
        let back = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(back.to_bytes(), parser.to_bytes());
        for gold in &train {
            for p in [&parser, &back] {
                let mut s = gold.clone();
                s.tokens.iter_mut().for_each(|t| {
                    t.head = Some(0);
                    t.deprel = Deprel::Unset;
                });
                p.parse(&mut s);
                for (a, b) in s.tokens.iter().zip(&gold.tokens) {
                    assert_eq!((a.head, a.deprel), (b.head, b.deprel), "{}", a.form);
                }
            }
        }
    }

    #[test]
    fn always_returns_one_rooted_tree() {
        let parser = Parser::train(
            &fixture(),
            &ParserOptions {
                iterations: 2,
                ..ParserOptions::default()
            },
        );
        let odd = sentence(
            "./PUNCT/./_/0/ ./PUNCT/./_/0/ garden/NOUN/NN/_/0/ the/DET/DT/_/0/ the/DET/DT/_/0/",
        );
        for len in 1..=odd.tokens.len() {
            let mut s = Sentence {
                tokens: odd.tokens[..len].to_vec(),
                ..Sentence::default()
            };
            parser.parse(&mut s);
            let heads: Vec<usize> = s.tokens.iter().map(|t| t.head.unwrap_or(len)).collect();
            assert!(is_tree(&heads), "{heads:?}");
            for t in &s.tokens {
                assert_eq!(t.head.is_none(), t.deprel == Deprel::Root);
            }
        }
    }

    #[test]
    fn oracle_follows_gold_to_the_gold_tree() {
        // Following zero-cost transitions from the start must rebuild every projective tree.
        for s in fixture() {
            let n = s.tokens.len();
            let heads: Vec<usize> = s.tokens.iter().map(|t| t.head.unwrap_or(n)).collect();
            let labs = vec![1u16; n];
            let root_label = 0;
            let labs: Vec<u16> = labs
                .iter()
                .zip(&heads)
                .map(|(&l, &h)| if h == n { root_label } else { l })
                .collect();
            let mut st = State::new(n);
            let mut costs = vec![0; 5];
            while !st.is_final() {
                transition_costs(&st, &heads, &labs, root_label, &mut costs);
                let c = costs.iter().position(|&c| c == 0).expect("zero-cost move") as u16;
                let (m, l) = decode(c);
                st.apply(m, l);
            }
            assert_eq!(&st.head[..n], &heads[..]);
        }
    }

    #[test]
    fn a_forced_transition_is_what_any_scores_pick() {
        // Walk every state of the gold derivations; where `forced` answers, best_valid must
        // give the same transition for scores that favour each class in turn.
        let root_label = 0;
        let n_classes = 5;
        let mut seen = 0;
        for s in fixture() {
            let n = s.tokens.len();
            let heads: Vec<usize> = s.tokens.iter().map(|t| t.head.unwrap_or(n)).collect();
            let labs: Vec<u16> = heads.iter().map(|&h| if h == n { 0 } else { 1 }).collect();
            let mut st = State::new(n);
            let mut costs = vec![0; n_classes];
            while !st.is_final() {
                if let Some(f) = forced(&st, root_label) {
                    seen += 1;
                    for favoured in 0..n_classes {
                        let mut scores = vec![0.0; n_classes];
                        scores[favoured] = 1.0;
                        assert_eq!(decode(best_valid(&st, &scores, root_label)), f);
                    }
                }
                transition_costs(&st, &heads, &labs, root_label, &mut costs);
                let c = costs.iter().position(|&c| c == 0).expect("zero-cost move") as u16;
                let (m, l) = decode(c);
                st.apply(m, l);
            }
        }
        assert!(
            seen >= 6,
            "each sentence starts with a forced SHIFT and ends in the root"
        );
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 0 -> 2, 1 -> 3, 2 -> root(4), 3 -> 2: arc 3->1 crosses 2->0? heads: [2, 3, 4, 2]
        let mut heads = vec![2, 3, 4, 2];
        projectivize(&mut heads);
        assert!(is_tree(&heads));
        assert_eq!(heads, vec![2, 2, 4, 2]);
    }
}
