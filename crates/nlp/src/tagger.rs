//! Part-of-speech tagger: UPOS and Penn XPOS predicted jointly by a greedy left-to-right averaged
//! perceptron (word, affix, shape and context features, previous tags), with a tag dictionary
//! short-cutting frequent unambiguous words. FEATS come from a lexicon learnt from the treebank
//! (form + tag → most frequent FEATS, else tag → most frequent FEATS), which suits English.

use crate::doc::{Feats, Sentence, Token, Upos, Xpos};
use crate::perceptron::{
    combine, feature, feature2, feature3, hash_str, shuffle, ByteReader, ByteWriter, ModelError,
    PackedMap, PackedWeights, Perceptron, Score, Weights,
};
use crate::wordclass::{self, hyphen_parts, VectorClasses};
use std::collections::{BTreeMap, HashMap};

/// Brown word clusters (`word<TAB>path`, from spacy-lookups-data, MIT; see
/// `data/gazetteer/README.md`), compiled in for training; a trained tagger carries its own copy.
const CLUSTERS_TSV: &str = include_str!("../../../data/gazetteer/clusters.tsv");

/// Training settings. Defaults are what the shipped model used.
#[derive(Clone, Debug)]
pub struct TaggerOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Averaged weights with smaller magnitude are dropped from the model.
    pub prune_below: f32,
    /// Words seen at least this often with one tag at least `dict_ratio` of the time skip the
    /// perceptron.
    pub dict_min_count: u32,
    pub dict_ratio: f32,
    /// Words seen at least this often get an ambiguity-class feature.
    pub amb_min_count: u32,
    /// Feature set: 1 is the original one, 2 adds Brown-cluster, longer-affix and wider-context
    /// features (and stores the cluster table in the model), 3 adds word-vector classes and the
    /// parts of hyphenated words (and stores the vector-class table).
    pub feature_set: u32,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            iterations: 10,
            seed: 1,
            prune_below: 0.05,
            dict_min_count: 20,
            dict_ratio: 0.99,
            amb_min_count: 3,
            feature_set: 2,
        }
    }
}

/// A trained tagger.
pub struct Tagger {
    /// Joint classes: (UPOS, XPOS).
    classes: Vec<(Upos, Xpos)>,
    /// hash(exact form) → class, for frequent unambiguous words.
    tag_dict: PackedMap<u32>,
    /// FEATS strings, interned.
    feats: Vec<Feats>,
    /// hash(lowercase form, class) → index in `feats`.
    feats_by_word: PackedMap<u32>,
    /// class → index in `feats` of its most frequent FEATS.
    feats_by_class: Vec<u32>,
    /// hash(lowercase form) → hash of the classes it was seen with, for words seen often enough
    /// that the set means something; right-context words contribute through it.
    ambiguity: PackedMap<u64>,
    /// See [`TaggerOptions::feature_set`].
    feature_set: u32,
    /// hash(form) → Brown cluster path (root branch in the lowest bit), feature set 2 only.
    clusters: PackedMap<u32>,
    /// hash(form) → word-vector classes, feature set 3 only.
    vectors: VectorClasses,
    weights: PackedWeights,
}

const MAGIC: &[u8; 4] = b"KGTG";
/// Version 2 holds [`PackedWeights`]; version 1 (plain [`Weights`]) is still read and packed on
/// load.
const VERSION: u32 = 2;

// Feature templates. Numbers are part of the model format: never renumber, only add.
const T_BIAS: u32 = 0;
const T_LOWER: u32 = 1;
const T_SUF1: u32 = 2;
const T_SUF2: u32 = 3;
const T_SUF3: u32 = 4;
const T_SUF4: u32 = 5;
const T_PRE1: u32 = 6;
const T_PRE2: u32 = 7;
const T_SHAPE: u32 = 8;
const T_P1: u32 = 9;
const T_P2: u32 = 10;
const T_P1P2: u32 = 11;
const T_P1_W: u32 = 12;
const T_W_M1: u32 = 13;
const T_SUF3_M1: u32 = 14;
const T_W_M2: u32 = 15;
const T_W_P1: u32 = 16;
const T_SUF3_P1: u32 = 17;
const T_W_P2: u32 = 18;
const T_SHAPE_M1: u32 = 19;
const T_SHAPE_P1: u32 = 20;
const T_WM1_W: u32 = 21;
const T_W_WP1: u32 = 22;
const T_FLAGS: u32 = 23;
const T_P1_SUF3: u32 = 24;
const T_FORM: u32 = 25;
const T_WM1_W_WP1: u32 = 26;
const T_SUF2_P1: u32 = 27;
const T_AMB: u32 = 28;
const T_AMB_P1: u32 = 29;
const T_AMB_P2: u32 = 30;
const T_AMB_AMB_P1: u32 = 31;
const T_P1_AMB_P1: u32 = 32;
const T_W_AMB_P1: u32 = 33;
const T_AMB_M1: u32 = 34;
// Feature set 2.
const T_CLU4: u32 = 35;
const T_CLU6: u32 = 36;
const T_CLU10: u32 = 37;
const T_CLU: u32 = 38;
const T_CLU_M1: u32 = 39;
const T_CLU_P1: u32 = 40;
const T_CLU_P2: u32 = 41;
const T_P1_CLU: u32 = 42;
const T_SUF5: u32 = 43;
const T_PRE3: u32 = 44;
const T_CLU_M2: u32 = 45;
// Feature set 3.
const T_VEC: u32 = 46;
const T_VEC64: u32 = 47;
const T_VEC_M1: u32 = 48;
const T_VEC_P1: u32 = 49;
const T_P1_VEC: u32 = 50;
const T_P1_SHAPE: u32 = 51;
const T_VEC64_VEC64_P1: u32 = 52;
const T_HYPH_OTHER: u32 = 53;
const T_HYPH_VEC: u32 = 54;
const T_HYPH_CLU: u32 = 55;
const T_VEC_P2: u32 = 56;
const T_VEC64_FLAGS: u32 = 57;
const T_VEC64_M1_VEC64: u32 = 58;
const T_VEC_SUF3: u32 = 59;

/// Hashes of one token's features, computed once per sentence.
#[derive(Clone, Copy, Default)]
struct TokenHashes {
    form: u64,
    lower: u64,
    suf: [u64; 4],
    pre: [u64; 2],
    shape: u64,
    flags: u64,
    /// The set of classes the word was seen with in training (see [`Tagger::ambiguity`]).
    amb: u64,
    /// Brown cluster path (feature set 2), `UNKNOWN_WORD` when the word has none.
    clu: u64,
    suf5: u64,
    pre3: u64,
    /// Word-vector classes among 512 and 64 (feature set 3), `UNKNOWN_WORD` when unknown.
    vec: u64,
    vec64: u64,
    /// Part of a hyphenated word: position (0 for none), the other part, and the whole word's
    /// vector class and cluster.
    hyph: [u64; 4],
}

const PAD_BEFORE: u64 = 0x5eed_0001;
const PAD_AFTER: u64 = 0x5eed_0002;
const NO_TAG: u64 = 0xffff;
const UNKNOWN_WORD: u64 = 0x5eed_0003;

fn pad(h: u64) -> TokenHashes {
    TokenHashes {
        form: h,
        lower: h,
        suf: [h; 4],
        pre: [h; 2],
        shape: h,
        flags: h,
        amb: h,
        clu: h,
        suf5: h,
        pre3: h,
        vec: h,
        vec64: h,
        hyph: [0; 4],
    }
}

/// Word shape: `Xxxx`, `dd`, `X.X.` with runs capped at 3, so "Washington" → "Xxxx".
fn shape_hash(form: &str) -> u64 {
    let mut buf = [0u8; 24];
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 3 && n < buf.len() {
            buf[n] = k;
            n += 1;
        }
    }
    crate::perceptron::hash_bytes(&buf[..n])
}

/// The lookup tables [`token_hashes`] reads.
struct Lexicons<'a> {
    ambiguity: &'a PackedMap<u64>,
    clusters: &'a PackedMap<u32>,
    vectors: &'a VectorClasses,
    extended: bool,
    /// Feature set 3: vector classes and hyphen parts.
    vectored: bool,
}

fn token_hashes(tokens: &[Token], lex: &Lexicons<'_>, lower: &mut String) -> Vec<TokenHashes> {
    let hyphens = if lex.vectored {
        hyphen_parts(tokens)
    } else {
        Vec::new()
    };
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            lower.clear();
            lower.extend(t.form.chars().flat_map(char::to_lowercase));
            let l = lower.as_str();
            let mut suf = [0u64; 4];
            for (k, s) in suf.iter_mut().enumerate() {
                *s = hash_str(char_suffix(l, k + 1));
            }
            let pre = [hash_str(char_prefix(l, 1)), hash_str(char_prefix(l, 2))];
            let first = t.form.chars().next();
            let upper_initial = first.is_some_and(char::is_uppercase);
            let all_upper =
                t.form.chars().all(|c| !c.is_lowercase()) && t.form.chars().any(char::is_uppercase);
            let digit = t.form.chars().any(|c| c.is_ascii_digit());
            let hyphen = t.form.contains('-');
            let flags = (i == 0) as u64
                | (upper_initial as u64) << 1
                | (all_upper as u64) << 2
                | (digit as u64) << 3
                | (hyphen as u64) << 4;
            let lower_hash = hash_str(l);
            let form = hash_str(&t.form);
            let (clu, suf5, pre3) = if lex.extended {
                let path = lex
                    .clusters
                    .get(form)
                    .or_else(|| lex.clusters.get(lower_hash));
                (
                    path.map_or(UNKNOWN_WORD, u64::from),
                    hash_str(char_suffix(l, 5)),
                    hash_str(char_prefix(l, 3)),
                )
            } else {
                (0, 0, 0)
            };
            let (vec, vec64) = if lex.vectored {
                wordclass::lookup(lex.vectors, form, lower_hash, UNKNOWN_WORD)
            } else {
                (0, 0)
            };
            let hyph = match hyphens.get(i).copied().flatten() {
                Some(p) => {
                    let (v, _) =
                        wordclass::lookup(lex.vectors, p.whole, p.whole_lower, UNKNOWN_WORD);
                    let c = lex
                        .clusters
                        .get(p.whole)
                        .or_else(|| lex.clusters.get(p.whole_lower))
                        .map_or(UNKNOWN_WORD, u64::from);
                    [p.position, p.other, v, c]
                }
                None => [0; 4],
            };
            TokenHashes {
                form,
                lower: lower_hash,
                amb: lex.ambiguity.get(lower_hash).unwrap_or(UNKNOWN_WORD),
                suf,
                pre,
                shape: shape_hash(&t.form),
                flags,
                clu,
                suf5,
                pre3,
                vec,
                vec64,
                hyph,
            }
        })
        .collect()
}

/// The last `n` characters (all of `s` if shorter).
pub(crate) fn char_suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

pub(crate) fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn extract_features(
    h: &[TokenHashes],
    i: usize,
    p1: u64,
    p2: u64,
    feature_set: u32,
    out: &mut Vec<u64>,
) {
    let at = |j: isize| -> TokenHashes {
        if j < 0 {
            pad(PAD_BEFORE)
        } else if j as usize >= h.len() {
            pad(PAD_AFTER)
        } else {
            h[j as usize]
        }
    };
    let i = i as isize;
    let w = at(i);
    let (m1, m2, n1, n2) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    out.clear();
    out.extend_from_slice(&[
        feature(T_BIAS, 0),
        feature(T_LOWER, w.lower),
        feature(T_FORM, w.form),
        feature(T_SUF1, w.suf[0]),
        feature(T_SUF2, w.suf[1]),
        feature(T_SUF3, w.suf[2]),
        feature(T_SUF4, w.suf[3]),
        feature(T_PRE1, w.pre[0]),
        feature(T_PRE2, w.pre[1]),
        feature(T_SHAPE, w.shape),
        feature(T_FLAGS, w.flags),
        feature(T_P1, p1),
        feature(T_P2, p2),
        feature2(T_P1P2, p1, p2),
        feature2(T_P1_W, p1, w.lower),
        feature2(T_P1_SUF3, p1, w.suf[2]),
        feature(T_W_M1, m1.lower),
        feature(T_SUF3_M1, m1.suf[2]),
        feature(T_W_M2, m2.lower),
        feature(T_W_P1, n1.lower),
        feature(T_SUF3_P1, n1.suf[2]),
        feature(T_SUF2_P1, n1.suf[1]),
        feature(T_W_P2, n2.lower),
        feature(T_SHAPE_M1, m1.shape),
        feature(T_SHAPE_P1, n1.shape),
        feature2(T_WM1_W, m1.lower, w.lower),
        feature2(T_W_WP1, w.lower, n1.lower),
        feature3(T_WM1_W_WP1, m1.lower, w.lower, n1.lower),
        feature(T_AMB, w.amb),
        feature(T_AMB_P1, n1.amb),
        feature(T_AMB_P2, n2.amb),
        feature2(T_AMB_AMB_P1, w.amb, n1.amb),
        feature2(T_P1_AMB_P1, p1, n1.amb),
        feature2(T_W_AMB_P1, w.lower, n1.amb),
        feature(T_AMB_M1, m1.amb),
    ]);
    if feature_set >= 2 {
        let depth = |c: u64, k: u32| {
            if c == UNKNOWN_WORD {
                c
            } else {
                c & ((1 << k) - 1)
            }
        };
        out.extend_from_slice(&[
            feature(T_CLU4, depth(w.clu, 4)),
            feature(T_CLU6, depth(w.clu, 6)),
            feature(T_CLU10, depth(w.clu, 10)),
            feature(T_CLU, w.clu),
            feature(T_CLU_M1, m1.clu),
            feature(T_CLU_P1, n1.clu),
            feature(T_CLU_P2, n2.clu),
            feature(T_CLU_M2, m2.clu),
            feature2(T_P1_CLU, p1, w.clu),
            feature(T_SUF5, w.suf5),
            feature(T_PRE3, w.pre3),
        ]);
    }
    if feature_set >= 3 {
        out.extend_from_slice(&[
            feature(T_VEC, w.vec),
            feature(T_VEC64, w.vec64),
            feature(T_VEC_M1, m1.vec),
            feature(T_VEC_P1, n1.vec),
            feature2(T_P1_VEC, p1, w.vec),
            feature2(T_P1_SHAPE, p1, w.shape),
            feature2(T_VEC64_VEC64_P1, w.vec64, n1.vec64),
            feature(T_VEC_P2, n2.vec),
            feature2(T_VEC64_FLAGS, w.vec64, w.flags),
            feature2(T_VEC64_M1_VEC64, m1.vec64, w.vec64),
            feature2(T_VEC_SUF3, w.vec, w.suf[2]),
        ]);
        let [position, other, vec, clu] = w.hyph;
        if position != 0 {
            out.extend_from_slice(&[
                feature2(T_HYPH_OTHER, position, other),
                feature2(T_HYPH_VEC, position, vec),
                feature2(T_HYPH_CLU, position, clu),
            ]);
        }
    }
}

fn class_hash(c: u16) -> u64 {
    combine(0x7a9, c as u64)
}

impl Tagger {
    /// Tags every token of `sentence`: sets `upos`, `xpos` and `feats`.
    pub fn tag(&self, sentence: &mut Sentence) {
        let mut lower = String::new();
        let hashes = token_hashes(&sentence.tokens, &self.lexicons(), &mut lower);
        let classes = self.predict(&hashes);
        for ((t, c), h) in sentence.tokens.iter_mut().zip(classes).zip(&hashes) {
            let (upos, xpos) = &self.classes[c as usize];
            t.upos = *upos;
            t.xpos = *xpos;
            let fi = self
                .feats_by_word
                .get(combine(h.lower, c as u64))
                .unwrap_or(self.feats_by_class[c as usize]);
            t.feats = self.feats[fi as usize];
        }
    }

    fn lexicons(&self) -> Lexicons<'_> {
        Lexicons {
            ambiguity: &self.ambiguity,
            clusters: &self.clusters,
            vectors: &self.vectors,
            extended: self.feature_set >= 2,
            vectored: self.feature_set >= 3,
        }
    }

    /// Class indices for the tokens, greedy left to right.
    fn predict(&self, hashes: &[TokenHashes]) -> Vec<u16> {
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0.0f32; self.classes.len()];
        let mut out = Vec::with_capacity(hashes.len());
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for (i, h) in hashes.iter().enumerate() {
            let c = match self.tag_dict.get(h.form) {
                Some(c) => c as u16,
                None => {
                    extract_features(hashes, i, p1, p2, self.feature_set, &mut feats);
                    self.weights.scores(&feats, &mut scores);
                    crate::perceptron::argmax(&scores)
                }
            };
            out.push(c);
            p2 = p1;
            p1 = class_hash(c);
        }
        out
    }

    /// Whether training saw the word (lowercase) often enough to know its tags.
    pub fn knows(&self, lower: &str) -> bool {
        self.ambiguity.get(hash_str(lower)).is_some()
    }

    /// Number of joint (UPOS, XPOS) classes.
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Trains on gold-tagged sentences. Deterministic for a given `options.seed`.
    pub fn train(sentences: &[Sentence], options: &TaggerOptions) -> Tagger {
        // Classes and counts, in sorted order so that class numbering is reproducible (`Xpos`
        // sorts as its spelling).
        let mut class_set: BTreeMap<(Upos, Xpos), ()> = BTreeMap::new();
        for s in sentences {
            for t in &s.tokens {
                class_set.insert((t.upos, t.xpos), ());
            }
        }
        let classes: Vec<(Upos, Xpos)> = class_set.into_keys().collect();
        let class_of: HashMap<(Upos, Xpos), u16> = classes
            .iter()
            .enumerate()
            .map(|(i, &class)| (class, i as u16))
            .collect();
        let gold: Vec<Vec<u16>> = sentences
            .iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .map(|t| class_of[&(t.upos, t.xpos)])
                    .collect()
            })
            .collect();

        // Tag dictionary.
        let mut counts: BTreeMap<&str, BTreeMap<u16, u32>> = BTreeMap::new();
        for (s, g) in sentences.iter().zip(&gold) {
            for (t, &c) in s.tokens.iter().zip(g) {
                *counts
                    .entry(t.form.as_str())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
            }
        }
        let mut tag_dict = Vec::new();
        for (form, by_class) in &counts {
            let total: u32 = by_class.values().sum();
            let (&best, &n) = by_class
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .expect("non-empty");
            if total >= options.dict_min_count && n as f32 / total as f32 >= options.dict_ratio {
                tag_dict.push((hash_str(form), best as u32));
            }
        }

        // Ambiguity classes, from lowercase forms seen at least `amb_min_count` times: rarer words
        // stay "unknown" in training as they will be at run time.
        let mut by_lower: BTreeMap<String, (u32, std::collections::BTreeSet<u16>)> =
            BTreeMap::new();
        for (s, g) in sentences.iter().zip(&gold) {
            for (t, &c) in s.tokens.iter().zip(g) {
                let e = by_lower.entry(t.form.to_lowercase()).or_default();
                e.0 += 1;
                e.1.insert(c);
            }
        }
        let mut ambiguity = Vec::new();
        for (lower, (n, set)) in &by_lower {
            if *n >= options.amb_min_count {
                let h = set.iter().fold(0x9a3u64, |h, &c| combine(h, c as u64));
                ambiguity.push((hash_str(lower), h));
            }
        }
        let ambiguity = PackedMap::from_entries(ambiguity.into_iter());
        let tag_dict = PackedMap::from_entries(tag_dict.into_iter());
        let clusters = if options.feature_set >= 2 {
            cluster_table()
        } else {
            PackedMap::default()
        };
        let vectors = if options.feature_set >= 3 {
            wordclass::vector_class_table()
        } else {
            VectorClasses::default()
        };
        let lexicons = Lexicons {
            ambiguity: &ambiguity,
            clusters: &clusters,
            vectors: &vectors,
            extended: options.feature_set >= 2,
            vectored: options.feature_set >= 3,
        };

        let FeatsLexicon {
            feats,
            by_class: feats_by_class,
            by_word: feats_by_word,
        } = FeatsLexicon::learn(sentences, &gold, classes.len());

        // Perceptron.
        let mut model = Perceptron::new(classes.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut seed = options.seed;
        let mut lower = String::new();
        let mut feats_buf = Vec::with_capacity(48);
        let mut scores = vec![0.0f32; classes.len()];
        for _ in 0..options.iterations {
            shuffle(&mut order, &mut seed);
            for &si in &order {
                let tokens = &sentences[si].tokens;
                let hashes = token_hashes(tokens, &lexicons, &mut lower);
                let (mut p1, mut p2) = (NO_TAG, NO_TAG);
                for (i, h) in hashes.iter().enumerate() {
                    let truth = gold[si][i];
                    let guess = match tag_dict.get(h.form) {
                        Some(c) => c as u16,
                        None => {
                            extract_features(
                                &hashes,
                                i,
                                p1,
                                p2,
                                options.feature_set,
                                &mut feats_buf,
                            );
                            model.tick();
                            model.scores(&feats_buf, &mut scores);
                            let guess = crate::perceptron::argmax(&scores);
                            model.update(truth, guess, &feats_buf);
                            guess
                        }
                    };
                    p2 = p1;
                    p1 = class_hash(guess);
                }
            }
        }
        Tagger {
            classes,
            tag_dict,
            feats,
            feats_by_word,
            feats_by_class,
            ambiguity,
            feature_set: options.feature_set,
            clusters,
            vectors,
            weights: PackedWeights::from_weights(&model.average(options.prune_below)),
        }
    }

    /// Drops weights of magnitude below `below` (see [`PackedWeights::pruned`]).
    pub fn prune(&mut self, below: f32) {
        self.weights = self.weights.pruned(below);
    }

    /// Version 2: magic, version, the classes (UPOS and XPOS strings), the feature set (u32),
    /// the tag dictionary, FEATS strings, FEATS by class, FEATS by word, ambiguity classes,
    /// word clusters and (feature set 3) word-vector classes (each map as
    /// [`PackedMap::write`]), then the packed weights as a blob.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.bytes(MAGIC);
        w.u32(VERSION);
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.str(u.as_str());
            w.str(x.as_str());
        }
        w.u32(self.feature_set);
        self.tag_dict.write(&mut w);
        w.strs(&self.feats.iter().map(Feats::to_string).collect::<Vec<_>>());
        for &f in &self.feats_by_class {
            w.u32(f);
        }
        self.feats_by_word.write(&mut w);
        self.ambiguity.write(&mut w);
        self.clusters.write(&mut w);
        if self.feature_set >= 3 {
            self.vectors.write(&mut w);
        }
        w.blob(&self.weights.to_bytes());
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(MAGIC, "tagger")?;
        let version = r.u32()?;
        if version != 1 && version != VERSION {
            return Err(ModelError::UnsupportedVersion {
                kind: "tagger",
                found: version,
                supported: VERSION,
            });
        }
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let u = r.str()?;
            let upos =
                Upos::parse(u).ok_or_else(|| ModelError::Corrupt(format!("unknown UPOS {u:?}")))?;
            let xpos = r.str()?.parse().map_err(corrupt)?;
            classes.push((upos, xpos));
        }
        let check = |c: u32, n: usize, what: &str| -> Result<(), ModelError> {
            if c as usize >= n {
                Err(ModelError::Corrupt(format!(
                    "{what} index {c} out of range {n}"
                )))
            } else {
                Ok(())
            }
        };
        let feature_set = if version == 1 { 1 } else { r.u32()? };
        if !(1..=3).contains(&feature_set) {
            return Err(ModelError::Corrupt(format!("feature set {feature_set}")));
        }
        let tag_dict = if version == 1 {
            let nd = r.u32()? as usize;
            let mut entries = Vec::with_capacity(nd.min(1 << 20));
            for _ in 0..nd {
                let form = r.str()?;
                entries.push((hash_str(form), r.u16()? as u32));
            }
            PackedMap::from_entries(entries.into_iter())
        } else {
            PackedMap::read(&mut r)?
        };
        for (_, c) in tag_dict.iter() {
            check(c, classes.len(), "class")?;
        }
        let feats = r
            .strs()?
            .iter()
            .map(|f| f.parse())
            .collect::<Result<Vec<Feats>, _>>()
            .map_err(corrupt)?;
        let mut feats_by_class = Vec::with_capacity(classes.len());
        for _ in 0..classes.len() {
            let f = r.u32()?;
            check(f, feats.len(), "FEATS")?;
            feats_by_class.push(f);
        }
        let (feats_by_word, ambiguity, clusters) = if version == 1 {
            let nw = r.u32()? as usize;
            let mut by_word = Vec::with_capacity(nw.min(1 << 22));
            for _ in 0..nw {
                let k = r.u64()?;
                by_word.push((k, r.u32()?));
            }
            let na = r.u32()? as usize;
            let mut amb = Vec::with_capacity(na.min(1 << 22));
            for _ in 0..na {
                let k = r.u64()?;
                amb.push((k, r.u64()?));
            }
            (
                PackedMap::from_entries(by_word.into_iter()),
                PackedMap::from_entries(amb.into_iter()),
                PackedMap::default(),
            )
        } else {
            (
                PackedMap::read(&mut r)?,
                PackedMap::read(&mut r)?,
                PackedMap::read(&mut r)?,
            )
        };
        for (_, f) in feats_by_word.iter() {
            check(f, feats.len(), "FEATS")?;
        }
        let vectors = if feature_set >= 3 {
            PackedMap::read(&mut r)?
        } else {
            VectorClasses::default()
        };
        let weights = match version {
            1 => PackedWeights::from_weights(&Weights::from_bytes(r.blob()?)?),
            _ => PackedWeights::from_bytes(r.blob()?)?,
        };
        if weights.n_classes() != classes.len() {
            return Err(ModelError::Corrupt("weights and tag set disagree".into()));
        }
        Ok(Tagger {
            classes,
            tag_dict,
            feats,
            feats_by_word,
            feats_by_class,
            ambiguity,
            feature_set,
            clusters,
            vectors,
            weights,
        })
    }
}

/// A label in a model file that kg does not know.
fn corrupt(e: kg_model::LabelError) -> ModelError {
    ModelError::Corrupt(e.to_string())
}

/// The compiled-in Brown clusters as a table keyed by the hash of the exact word.
fn cluster_table() -> PackedMap<u32> {
    let entries: Vec<(u64, u32)> = CLUSTERS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, path) = l.split_once('\t')?;
            let path: u32 = path.trim().parse().ok()?;
            (path > 0 && !word.is_empty()).then(|| (hash_str(word), path))
        })
        .collect();
    PackedMap::from_entries(entries.into_iter())
}

/// The FEATS lexicon: the feature sets seen (sorted as written), the most frequent per class,
/// and per (lowercase word, class) the most frequent where it differs from its class's.
struct FeatsLexicon {
    feats: Vec<Feats>,
    by_class: Vec<u32>,
    by_word: PackedMap<u32>,
}

impl FeatsLexicon {
    fn learn(sentences: &[Sentence], gold: &[Vec<u16>], n_classes: usize) -> FeatsLexicon {
        // Counted and ranked by their text, as the model files list them.
        let texts: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.feats.to_string()).collect())
            .collect();
        let mut feats_strings: BTreeMap<String, u32> = BTreeMap::new();
        let mut by_word: BTreeMap<(String, u16), BTreeMap<&str, u32>> = BTreeMap::new();
        let mut by_class: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); n_classes];
        for ((s, g), texts) in sentences.iter().zip(gold).zip(&texts) {
            for ((t, &c), text) in s.tokens.iter().zip(g).zip(texts) {
                feats_strings.entry(text.clone()).or_insert(0);
                *by_word
                    .entry((t.form.to_lowercase(), c))
                    .or_default()
                    .entry(text.as_str())
                    .or_default() += 1;
                *by_class[c as usize].entry(text.as_str()).or_default() += 1;
            }
        }
        feats_strings.entry(String::new()).or_insert(0);
        let feats: Vec<String> = feats_strings.keys().cloned().collect();
        let feat_index: HashMap<&str, u32> = feats
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i as u32))
            .collect();
        let most = |m: &BTreeMap<&str, u32>| -> u32 {
            m.iter()
                .max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f)))
                .map_or(feat_index[""], |(f, _)| feat_index[f])
        };
        let feats_by_class: Vec<u32> = by_class.iter().map(most).collect();
        let mut feats_by_word = Vec::new();
        for ((lower, c), m) in &by_word {
            let f = most(m);
            // Only store entries that differ from the class default: the lexicon stays small.
            if f != feats_by_class[*c as usize] {
                feats_by_word.push((combine(hash_str(lower), *c as u64), f));
            }
        }
        FeatsLexicon {
            feats: feats
                .iter()
                .map(|f| f.parse().expect("written from Feats"))
                .collect(),
            by_class: feats_by_class,
            by_word: PackedMap::from_entries(feats_by_word.into_iter()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence in `kg_model::notation`.
    fn sentence(text: &str) -> Sentence {
        kg_model::notation::sentence(text)
    }

    #[test]
    fn learns_a_small_fixture_and_survives_a_round_trip() {
        let train = vec![
            sentence("The/DET/DT dog/NOUN/NN barks/VERB/VBZ ./PUNCT/."),
            sentence("A/DET/DT cat/NOUN/NN sleeps/VERB/VBZ ./PUNCT/."),
            sentence("Dogs/NOUN/NNS bark/VERB/VBP loudly/ADV/RB ./PUNCT/."),
            sentence("The/DET/DT cats/NOUN/NNS sleep/VERB/VBP ./PUNCT/."),
            sentence("Mary/PROPN/NNP sleeps/VERB/VBZ quietly/ADV/RB ./PUNCT/."),
        ];
        // Feature set 3 (word-vector classes) covers the others' code as well.
        let tagger = Tagger::train(
            &train,
            &TaggerOptions {
                dict_min_count: 3,
                feature_set: 3,
                ..TaggerOptions::default()
            },
        );
        for gold in &train {
            let mut s = gold.clone();
            s.tokens.iter_mut().for_each(|t| {
                t.upos = Upos::X;
                t.xpos = Xpos::Unset;
            });
            tagger.tag(&mut s);
            for (a, b) in s.tokens.iter().zip(&gold.tokens) {
                assert_eq!((a.upos, a.xpos), (b.upos, b.xpos), "{}", a.form);
            }
        }
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(back.to_bytes(), tagger.to_bytes());
        let mut unseen = sentence("The/X/ bird/X/ sings/X/ happily/X/");
        let mut unseen2 = unseen.clone();
        tagger.tag(&mut unseen);
        back.tag(&mut unseen2);
        let tags = |s: &Sentence| {
            s.tokens
                .iter()
                .map(|t| (t.upos, t.xpos))
                .collect::<Vec<_>>()
        };
        assert_eq!(tags(&unseen), tags(&unseen2));
        assert!(matches!(
            Tagger::from_bytes(b"KGTG"),
            Err(ModelError::Truncated { .. })
        ));
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(char_suffix("café", 2), "fé");
        assert_eq!(char_suffix("a", 3), "a");
        assert_eq!(char_prefix("élan", 1), "é");
    }
}
