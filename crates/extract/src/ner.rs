//! Named-entity recognition: PER, ORG and LOC mentions by BILOU labelling with a first-order
//! structured averaged perceptron (word, affix, shape, context, POS, gazetteer and capitalised-run
//! features, Brown clusters and word-vector classes from large unlabelled text; previous-label
//! features) decoded by Viterbi over valid BILOU transitions only, then a few general post-rules.
//! Training hides the word's own identity from 40 % of the tokens (word dropout), so that the
//! weights also learn what the context, shape, classes and gazetteers say about words that
//! training never had: the model fits its training set almost perfectly, and without dropout the
//! word-identity features leave the others little to learn.
//!
//! The model is the mean of four such perceptrons trained with different seeds (different
//! orders and dropout draws): a linear scorer's mean weights score as the mean of the members'
//! scores, so the ensemble costs one model's look-ups.
//!
//! Post-rules (all in [`Recognizer::recognize`]): leading titles, and a nationality before a
//! title, are not part of a person's name ("German Chancellor Olaf Scholz" → "Olaf Scholz"),
//! while a listed name between a title and the name is ("Foreign Minister Wang | Yi"), and a
//! monarch's or pope's given name refers to the titled name ("Pope Francis", "King Charles
//! III": the mention is the name, its `refers_to` the titled name); a
//! possessive `'s` is never part of a mention (it ends it) unless the name is a shop named after
//! its owner after a preposition of place ("dinner at Del Frisco's in Philadelphia", a place);
//! lowercase words before a capitalised name are dropped ("agency Interfax"); a mention never
//! ends inside a hyphenated word (unspaced "Soo-yeon" split by the tokeniser); a span that is
//! exactly a gazetteer country, continent or capital is a place, also when the model left it
//! out and it stands alone ("venture into Cuba"), and a town run into its state is two places
//! ("Miramar California"); places found in the gazetteer get their GeoNames IRI as
//! `external_id` (and `refers_to` when the surface is an alias: "U.S." → "United States"); a
//! listed company (`organisations.tsv`) that acts as a verb's subject or indirect object, or is
//! attached to a title or business noun, is an organisation ("Netflix raised prices", "shares of
//! Nvidia"); a gazetteer place written in lowercase after a preposition of place is a place
//! ("going to baguio"). Demonyms ("North Korean", "Russians") become
//! [`EntityType::Other`] mentions (CoNLL's MISC convention: a nationality is not a place) whose
//! `refers_to` is the country and whose `external_id` is the country's IRI.
//! Trained on UNER English-EWT, which has no MISC class, so the model itself predicts only
//! PER/ORG/LOC. Reads `xpos` when the tagger ran; works without it, less well.

use crate::doc::{EntityType, Mention, Sentence, Token, Upos};
use crate::gazetteer::{gazetteer, Gazetteer, PlaceKind};
use crate::perceptron::{
    combine, feature, feature2, feature3, hash_str, shuffle, ByteReader, ByteWriter, ModelError,
    PackedWeights, Perceptron, Score, Weights,
};

/// Training settings. Defaults are what the shipped model used, except `clusters`, which the
/// training commands read from `data/gazetteer/clusters.tsv`.
#[derive(Clone, Debug)]
pub struct NerOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Averaged weights with smaller magnitude are dropped from the model.
    pub prune_below: f32,
    /// Word clusters used as features; carried inside the trained model.
    pub clusters: Lexicon,
    /// Word-vector classes used as features (`data/gazetteer/vector_classes.tsv`: per word, its
    /// row in spaCy's pruned English vectors, bits 0–14, plus one, and the k-means classes of
    /// that row among 512, bits 15–23, and among 64, bits 24–29); carried inside the model.
    pub vectors: Lexicon,
    /// Share of training tokens whose own word-identity features are replaced by an unknown
    /// word's, so that the weights learn what context, shape, clusters and gazetteers say.
    pub word_dropout: f32,
    /// Models trained with seeds `seed..seed + ensemble` whose mean weights are the model.
    pub ensemble: usize,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions {
            iterations: 10,
            seed: 5,
            prune_below: 0.05,
            clusters: Lexicon::default(),
            vectors: Lexicon::default(),
            word_dropout: 0.4,
            ensemble: 4,
        }
    }
}

/// Word classes from large unlabelled text, used as features and carried inside the trained
/// model: a positive code per word. Two are used: Brown-style hierarchical clusters
/// ([`NerOptions::clusters`]: each word's path in a binary merge tree stored with the root's
/// branch in the lowest bit, so `path & ((1 << k) - 1)` is its cluster at depth `k`) and
/// word-vector classes ([`NerOptions::vectors`]: packed row and k-means classes). Keys are hashed
/// exact forms; a form not found is looked up in lowercase.
#[derive(Clone, Default)]
pub struct Lexicon {
    map: crate::perceptron::KeyMap<u32>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} clustered words)", self.map.len())
    }
}

/// Why a cluster file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: expected `word<TAB>path` with a positive integer path, found {found:?}")]
pub struct LexiconError {
    pub line: usize,
    pub found: String,
}

impl Lexicon {
    /// Reads `word<TAB>path` lines (path > 0); `#` starts a comment line.
    pub fn parse_tsv(text: &str) -> Result<Lexicon, LexiconError> {
        let mut map = crate::perceptron::KeyMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || LexiconError {
                line: n + 1,
                found: line.to_string(),
            };
            let (word, path) = line.split_once('\t').ok_or_else(bad)?;
            let path: u32 = path.trim().parse().map_err(|_| bad())?;
            if path == 0 || word.is_empty() {
                return Err(bad());
            }
            map.insert(hash_str(word), path);
        }
        Ok(Lexicon { map })
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The path of `form`, else of `lower` (its lowercase form); 0 when neither is known.
    pub fn path(&self, form_hash: u64, lower_hash: u64) -> u32 {
        self.map
            .get(&form_hash)
            .or_else(|| self.map.get(&lower_hash))
            .copied()
            .unwrap_or(0)
    }

    fn write(&self, w: &mut ByteWriter) {
        let mut entries: Vec<(u64, u32)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        w.u32(entries.len() as u32);
        for (k, v) in entries {
            w.u64(k);
            w.u32(v);
        }
    }

    fn read(r: &mut ByteReader<'_>) -> Result<Lexicon, ModelError> {
        let n = r.u32()? as usize;
        let mut map = crate::perceptron::KeyMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            map.insert(k, r.u32()?);
        }
        Ok(Lexicon { map })
    }
}

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

fn mention(start: usize, end: usize, kind: EntityType) -> Mention {
    Mention {
        start,
        end,
        kind,
        refers_to: None,
        external_id: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Labels: 0 = O, then B/I/L/U for PER, ORG, LOC.

const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];
const N_CLASSES: usize = 1 + 4 * TYPES.len();
const B: u16 = 0;
const I: u16 = 1;
const L: u16 = 2;
const U: u16 = 3;

fn label(prefix: u16, kind: usize) -> u16 {
    1 + 4 * kind as u16 + prefix
}

/// (prefix, type index) of a non-O label.
fn split_label(c: u16) -> Option<(u16, usize)> {
    (c > 0).then(|| ((c - 1) % 4, ((c - 1) / 4) as usize))
}

/// Whether `next` may follow `prev` in BILOU, with `last` telling whether `next` ends the sentence.
fn allowed(prev: u16, next: u16, last: bool) -> bool {
    let inside = matches!(split_label(prev), Some((B | I, _)));
    match (split_label(prev), split_label(next)) {
        (Some((B | I, k)), Some((p, k2))) => k == k2 && (p == L || (p == I && !last)),
        (_, None) => !inside,
        (_, Some((p, _))) => !inside && (p == U || (p == B && !last)),
    }
}

fn gold_labels(n: usize, mentions: &[Mention]) -> Vec<u16> {
    let mut out = vec![0u16; n];
    for m in mentions {
        let Some(k) = TYPES.iter().position(|t| *t == m.kind) else {
            continue;
        };
        if m.end > n || m.start >= m.end {
            continue;
        }
        if m.end - m.start == 1 {
            out[m.start] = label(U, k);
        } else {
            out[m.start] = label(B, k);
            for o in &mut out[m.start + 1..m.end - 1] {
                *o = label(I, k);
            }
            out[m.end - 1] = label(L, k);
        }
    }
    out
}

fn labels_to_mentions(labels: &[u16]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in labels.iter().enumerate() {
        match split_label(c) {
            Some((B, _)) => start = i,
            Some((L, k)) => out.push(mention(start, i + 1, TYPES[k])),
            Some((U, k)) => out.push(mention(i, i + 1, TYPES[k])),
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Features

mod tpl {
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
fn shape_hash(form: &str) -> u64 {
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
}

/// Label-independent features of every token of a sentence.
fn static_features(
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
    let mut out = Vec::with_capacity(n);
    let mut info: Vec<TokenInfo> = Vec::with_capacity(n);
    let mut affixes: Vec<[u64; 7]> = Vec::with_capacity(n);
    for t in tokens {
        lower_s.clear();
        lower_s.extend(t.form.chars().flat_map(char::to_lowercase));
        let capitalised = t.form.chars().next().is_some_and(char::is_uppercase);
        let lower = hash_str(&lower_s);
        let form = hash_str(&t.form);
        info.push(TokenInfo {
            lower,
            cluster: u64::from(clusters.path(form, lower)),
            vector: u64::from(vectors.path(form, lower)),
            shape: shape_hash(&t.form),
            pos: hash_str(&t.xpos),
            capitalised,
            classes: g.word_classes(&lower_s).bits() << 1 | u64::from(capitalised),
        });
        // Prefixes of 1-3 and suffixes of 1-4 characters, hashed without allocating.
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
        affixes.push(a);
        spans.push((folded.len(), folded.len() + lower_s.len()));
        folded.push_str(&lower_s);
    }
    const PAD: u64 = 0x5eed;
    let at = |k: isize, f: fn(&TokenInfo) -> u64| {
        if k < 0 || k as usize >= n {
            PAD
        } else {
            f(&info[k as usize])
        }
    };

    // Gazetteer matches: per token, (kind code, position in match B/I/L/U).
    let mut place = vec![0u64; n];
    let mut demonym = vec![0u64; n];
    let mut i = 0;
    while i < n {
        if let Some((end, p)) = g.place_at(tokens, i) {
            mark(&mut place, i, end, p.kind as u64 + 1);
            i = end;
        } else if let Some((end, _)) = g.demonym_at(tokens, i) {
            mark(&mut demonym, i, end, 1);
            i = end;
        } else {
            i += 1;
        }
    }
    // The same, ignoring case: web text often writes "florida".
    let lower_refs: Vec<&str> = spans.iter().map(|&(a, b)| &folded[a..b]).collect();
    let mut place_folded = vec![0u64; n];
    let mut i = 0;
    while i < n {
        if let Some((end, kind)) = g.place_folded_at(&lower_refs, i) {
            mark(&mut place_folded, i, end, kind as u64 + 1);
            i = end;
        } else {
            i += 1;
        }
    }
    // Runs of capitalised tokens (allowing "of", "and", "for", "the", "de" and hyphens inside):
    // their last word says much about the whole name ("… News Agency", "… Airport").
    let joiner = |t: &Token| {
        matches!(
            t.form.as_str(),
            "of" | "and" | "for" | "the" | "-" | "&" | "de"
        )
    };
    let mut run_last = vec![0u64; n];
    let mut run_pos = vec![0u64; n];
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
            run_last[k] = info[end - 1].classes;
            run_pos[k] = match (k == i, k + 1 == end) {
                (true, true) => 1,
                (true, false) => 2,
                (false, true) => 3,
                (false, false) => 4,
            } + 8 * ((end - i).min(4) as u64);
        }
        i = end;
    }

    for i in 0..n {
        let ii = i as isize;
        let x = &info[i];
        let mut f = Vec::with_capacity(48);
        // LOWER and SHAPE stay at indices 1 and 2: `decode` reads them for label conjunctions.
        f.push(feature(tpl::BIAS, 0));
        f.push(feature(tpl::LOWER, x.lower));
        f.push(feature(tpl::SHAPE, x.shape));
        f.push(feature2(tpl::FORM, x.lower, x.shape));
        // The word's own identity features stay at indices 1, 3, 4 and 5: training drops them
        // from some tokens (`NerOptions::word_dropout`).
        f.push(feature2(
            tpl::PREV_LOWER_LOWER,
            at(ii - 1, |t| t.lower),
            x.lower,
        ));
        f.push(feature2(
            tpl::LOWER_NEXT_LOWER,
            x.lower,
            at(ii + 1, |t| t.lower),
        ));
        f.extend(affixes[i].iter().copied().filter(|&h| h != 0));
        f.push(feature(tpl::PREV_LOWER, at(ii - 1, |t| t.lower)));
        f.push(feature(tpl::NEXT_LOWER, at(ii + 1, |t| t.lower)));
        f.push(feature(tpl::PREV2_LOWER, at(ii - 2, |t| t.lower)));
        f.push(feature(tpl::NEXT2_LOWER, at(ii + 2, |t| t.lower)));
        f.push(feature(tpl::PREV_SHAPE, at(ii - 1, |t| t.shape)));
        f.push(feature(tpl::NEXT_SHAPE, at(ii + 1, |t| t.shape)));
        f.push(feature(tpl::POS, x.pos));
        f.push(feature(tpl::PREV_POS, at(ii - 1, |t| t.pos)));
        f.push(feature(tpl::NEXT_POS, at(ii + 1, |t| t.pos)));
        f.push(feature2(tpl::POS_SHAPE, x.pos, x.shape));
        f.push(feature3(
            tpl::SHORT_SHAPE_CONTEXT,
            at(ii - 1, |t| t.shape),
            x.shape,
            at(ii + 1, |t| t.shape),
        ));
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
        f.push(feature(tpl::PREV_CLASSES, at(ii - 1, |t| t.classes)));
        f.push(feature(tpl::NEXT_CLASSES, at(ii + 1, |t| t.classes)));
        f.push(feature2(tpl::CLASSES_POS, x.classes, x.pos));
        if place[i] != 0 {
            f.push(feature(tpl::PLACE, place[i]));
        }
        if place_folded[i] != 0 {
            f.push(feature2(tpl::PLACE_FOLDED, place_folded[i], x.pos));
        }
        if demonym[i] != 0 {
            f.push(feature(tpl::DEMONYM, demonym[i]));
        }
        if run_pos[i] != 0 {
            f.push(feature(tpl::RUN_POSITION, run_pos[i]));
            f.push(feature2(tpl::RUN_LAST, run_last[i], run_pos[i]));
        }
        if i == 0 {
            f.push(feature2(tpl::FIRST, x.shape, x.lower));
        }
        if i > 0 && tokens[i - 1].form == "(" {
            f.push(feature(tpl::IN_PARENS, x.shape));
        }
        out.push(f);
    }
    out
}

/// What [`drop_words`] puts in place of a word.
const UNKNOWN_WORD: u64 = 0x0dd_ba11;

/// Replaces, in a share `p` of the tokens, the word's own identity features (indices 1, 3, 4, 5
/// of [`static_features`]) by those of an unknown word.
fn drop_words(feats: &mut [Vec<u64>], p: f32, seed: &mut u64) {
    const UNKNOWN: u64 = UNKNOWN_WORD;
    for f in feats.iter_mut() {
        // The same deterministic stream as `shuffle`.
        *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        if ((crate::perceptron::finish(*seed) >> 40) as f32) < p * (1u64 << 24) as f32 {
            f[1] = feature(tpl::LOWER, UNKNOWN);
            f[3] = feature(tpl::FORM, UNKNOWN);
            f[4] = feature(tpl::PREV_LOWER_LOWER, UNKNOWN);
            f[5] = feature(tpl::LOWER_NEXT_LOWER, UNKNOWN);
        }
    }
}

/// Depths of the cluster tree used as features (32 = the full path).
const CLUSTER_DEPTHS: [u64; 4] = [4, 6, 10, 32];

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

fn label_hash(c: u16) -> u64 {
    combine(0x1ab, c as u64)
}

/// Adds the features that depend on the previous label `prev` for a token whose LOWER and SHAPE
/// features are `lower` and `shape`.
fn transition_features(f: &mut Vec<u64>, prev: u16, lower: u64, shape: u64) {
    f.push(feature(tpl::PREV_LABEL, label_hash(prev)));
    f.push(feature2(tpl::PREV_LABEL_LOWER, label_hash(prev), lower));
    f.push(feature2(tpl::PREV_LABEL_SHAPE, label_hash(prev), shape));
}

/// Scores of the previous-label feature alone, by previous label: they depend on the model only.
fn label_rows(model: &impl Score) -> [[f32; N_CLASSES]; N_CLASSES] {
    let mut rows = [[0f32; N_CLASSES]; N_CLASSES];
    for (prev, row) in rows.iter_mut().enumerate() {
        model.scores(&[feature(tpl::PREV_LABEL, label_hash(prev as u16))], row);
    }
    rows
}

/// The best valid BILOU labelling under a first-order model (Viterbi). Each token's static
/// features are scored once. Per previous label, the transition features
/// ([`transition_features`]) are the model's fixed row for the label (`label_rows`, computed
/// once per model), plus the label's pairing with the token's word, plus its pairing with the
/// token's shape (looked up once per distinct shape of the sentence), added in that order so
/// that, with the training-time model's float weights, the scores are bit-identical to scoring
/// the three together (the run-time packed weights add each feature's quantised weight, so the
/// order changes nothing there either but float rounding). Single features go through
/// [`Score::add_feature`], one probe each; with `words` (the run-time model's
/// [`WordTransitions`]), the word's pairings with all previous labels are one probe, and their
/// sums are bit-identical to probing each pairing (a feature has one weight per class, so each
/// is added to `trans` once, from zero in the table).
fn viterbi(
    model: &impl Score,
    label_rows: &[[f32; N_CLASSES]; N_CLASSES],
    words: Option<&WordTransitions>,
    statics: &[Vec<u64>],
) -> Vec<u16> {
    let n = statics.len();
    if n == 0 {
        return Vec::new();
    }
    // [last][prev]: the labels that may follow `prev` (see `allowed`), in increasing order: 2 after
    // B or I, 7 after O, L or U, instead of trying all 13.
    let mut allowed_after = [[([0u8; N_CLASSES], 0usize); N_CLASSES]; 2];
    for (last, rows) in allowed_after.iter_mut().enumerate() {
        for (prev, (list, len)) in rows.iter_mut().enumerate() {
            for next in 0..N_CLASSES {
                if allowed(prev as u16, next as u16, last == 1) {
                    list[*len] = next as u8;
                    *len += 1;
                }
            }
        }
    }
    // The pairing of each previous label with a shape, per shape of the sentence: few distinct.
    let mut by_shape: Vec<(u64, [[f32; N_CLASSES]; N_CLASSES])> = Vec::new();
    let mut base = [0f32; N_CLASSES];
    let mut trans;
    let mut best = vec![[f32::NEG_INFINITY; N_CLASSES]; n];
    let mut back = vec![[0u8; N_CLASSES]; n];
    for (i, st) in statics.iter().enumerate() {
        model.scores(st, &mut base);
        let last = i + 1 == n;
        // st[1] is LOWER and st[2] SHAPE (see static_features).
        let (lower, shape) = (st[1], st[2]);
        let word_rows = words.map(|w| w.rows(lower));
        let shape_rows = match by_shape.iter().position(|(s, _)| *s == shape) {
            Some(k) => k,
            None => {
                let mut rows = [[0f32; N_CLASSES]; N_CLASSES];
                for (prev, row) in rows.iter_mut().enumerate() {
                    let l = label_hash(prev as u16);
                    model.add_feature(feature2(tpl::PREV_LABEL_SHAPE, l, shape), row);
                }
                by_shape.push((shape, rows));
                by_shape.len() - 1
            }
        };
        // The sentence starts after an implicit O.
        let prevs = if i == 0 { 0..1 } else { 0..N_CLASSES as u16 };
        for prev in prevs {
            let before = if i == 0 {
                0.0
            } else {
                best[i - 1][prev as usize]
            };
            if before == f32::NEG_INFINITY {
                continue;
            }
            trans = label_rows[prev as usize];
            match word_rows {
                // The table has every word with such weights: one probe per token.
                Some(Some(rows)) => {
                    for (t, w) in trans.iter_mut().zip(&rows[prev as usize]) {
                        *t += w;
                    }
                }
                Some(None) => {}
                None => {
                    let l = label_hash(prev);
                    model.add_feature(feature2(tpl::PREV_LABEL_LOWER, l, lower), &mut trans);
                }
            }
            let shape_row = &by_shape[shape_rows].1[prev as usize];
            let (list, len) = &allowed_after[usize::from(last)][prev as usize];
            for &c in &list[..*len] {
                let c = c as usize;
                let score = before + base[c] + (trans[c] + shape_row[c]);
                if score > best[i][c] {
                    best[i][c] = score;
                    back[i][c] = prev as u8;
                }
            }
        }
    }
    // Lowest label index wins ties, for determinism.
    let mut c = crate::perceptron::argmax(&best[n - 1]);
    let mut out = vec![0u16; n];
    for i in (0..n).rev() {
        out[i] = c;
        c = u16::from(back[i][c as usize]);
    }
    out
}

/// The pairings of words with the previous label (`PREV_LABEL_LOWER` features) of a packed
/// model, gathered per word, so that decoding probes once per token instead of once per
/// previous label (13 probes, nearly all misses, were a fifth of the recogniser's time). The
/// candidate words are the `LOWER` features of the training data, saved with the model; the
/// table keeps those with at least one weight.
#[derive(Default)]
struct WordTransitions {
    /// `LOWER` feature → index of its block of `N_CLASSES` rows in `rows`.
    index: crate::perceptron::KeyMap<u32>,
    /// Per word, per previous label, the weights added to each next label.
    rows: Vec<[[f32; N_CLASSES]; N_CLASSES]>,
    /// The words of `index`, sorted (what the model file stores).
    keys: Vec<u64>,
}

impl WordTransitions {
    fn build(weights: &PackedWeights, candidates: impl IntoIterator<Item = u64>) -> Self {
        let mut candidates: Vec<u64> = candidates.into_iter().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut table = WordTransitions::default();
        for lower in candidates {
            let mut block = [[0f32; N_CLASSES]; N_CLASSES];
            for (prev, row) in block.iter_mut().enumerate() {
                let l = label_hash(prev as u16);
                weights.add_feature(feature2(tpl::PREV_LABEL_LOWER, l, lower), row);
            }
            if block.iter().flatten().any(|&w| w != 0.0) {
                table.index.insert(lower, table.rows.len() as u32);
                table.rows.push(block);
                table.keys.push(lower);
            }
        }
        table
    }

    fn rows(&self, lower: u64) -> Option<&[[f32; N_CLASSES]; N_CLASSES]> {
        self.index.get(&lower).map(|&k| &self.rows[k as usize])
    }
}

/// Structured-perceptron update towards `gold` and away from `guess` (both full labellings).
fn structured_update(model: &mut Perceptron, statics: &[Vec<u64>], gold: &[u16], guess: &[u16]) {
    let mut f = Vec::with_capacity(4);
    for (i, st) in statics.iter().enumerate() {
        let (gp, pp) = if i == 0 {
            (0, 0)
        } else {
            (gold[i - 1], guess[i - 1])
        };
        if gold[i] != guess[i] {
            model.update(gold[i], guess[i], st);
        }
        if gold[i] != guess[i] || gp != pp {
            f.clear();
            transition_features(&mut f, gp, st[1], st[2]);
            model.add(gold[i], &f, 1.0);
            f.clear();
            transition_features(&mut f, pp, st[1], st[2]);
            model.add(guess[i], &f, -1.0);
        }
    }
}

/// One training sentence: per-token static features and gold labels.
type Example = (Vec<Vec<u64>>, Vec<u16>);

/// What the recogniser said about words earlier in the same document: per word (the hash of
/// its LOWER feature), how often it was inside a PER, ORG and LOC mention. Repeated names are
/// typed consistently in a text ("Del Frisco's" a restaurant every time), so a later, more
/// ambiguous mention can lean on an earlier, clearer one.
#[derive(Clone, Debug, Default)]
pub struct DocumentHistory {
    seen: crate::perceptron::KeyMap<[u16; 3]>,
}

impl DocumentHistory {
    /// Appends the history features to each token's static features (index 1 is LOWER, 2 SHAPE).
    fn add_features(&self, statics: &mut [Vec<u64>]) {
        if self.seen.is_empty() {
            return;
        }
        for f in statics.iter_mut() {
            if let Some(counts) = self.seen.get(&f[1]) {
                let best = (0..3).max_by_key(|&k| (counts[k], 3 - k)).unwrap_or(0);
                let types = counts.iter().filter(|&&c| c > 0).count() as u64;
                f.push(feature2(tpl::HISTORY, best as u64, f[2]));
                f.push(feature2(tpl::HISTORY_TYPES, best as u64, types));
            }
        }
    }

    /// Remembers the labels given to one sentence.
    fn record(&mut self, statics: &[Vec<u64>], labels: &[u16]) {
        for (f, &c) in statics.iter().zip(labels) {
            if let Some((_, k)) = split_label(c) {
                self.seen.entry(f[1]).or_default()[k] += 1;
            }
        }
    }
}

/// One averaged perceptron over `data` (documents of (static features, gold labels)).
fn train_one(data: &[Vec<Example>], options: &NerOptions, seed: u64) -> Weights {
    let mut model = Perceptron::new(N_CLASSES);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = seed;
    let mut feats: Vec<Vec<u64>> = Vec::new();
    for _ in 0..options.iterations {
        shuffle(&mut order, &mut seed);
        for &d in &order {
            let mut history = DocumentHistory::default();
            for (statics, gold) in &data[d] {
                feats.clone_from(statics);
                history.add_features(&mut feats);
                if options.word_dropout > 0.0 {
                    drop_words(&mut feats, options.word_dropout, &mut seed);
                }
                let guess = viterbi(&model, &label_rows(&model), None, &feats);
                if guess != *gold {
                    structured_update(&mut model, &feats, gold, &guess);
                }
                history.record(statics, &guess);
                model.tick();
            }
        }
    }
    model.average(0.0)
}

// ---------------------------------------------------------------------------------------------
// The model

const MAGIC: &[u8; 4] = b"KGNE";
/// 5: packed (quantised) weights, as the tagger and parser have, then the word clusters, the
/// word-vector classes and the words of [`WordTransitions`]. Version 4 lacked the last, and
/// versions 2 and 3 had other features, so their weights cannot be read.
const VERSION: u32 = 5;

/// A trained recogniser.
pub struct Recognizer {
    /// Packed as the tagger's and parser's are: scoring is bound by cache misses, and a packed
    /// slot holds a feature's few weights inline, a frequent feature's row densely.
    weights: PackedWeights,
    clusters: Lexicon,
    vectors: Lexicon,
    /// [`label_rows`] of `weights`.
    label_rows: [[f32; N_CLASSES]; N_CLASSES],
    /// The word–previous-label weights of `weights`, per word.
    words: WordTransitions,
}

impl Recognizer {
    /// Trains on sentences whose `mentions` are the gold entities (PER/ORG/LOC; others are
    /// ignored) and whose tokens carry the `xpos` tags the tagger will predict at run time.
    /// Each sentence is its own document (no history features fire); see
    /// [`Recognizer::train_documents`]. Deterministic for a given `options.seed`.
    pub fn train(sentences: &[Sentence], options: &NerOptions) -> Recognizer {
        let docs: Vec<&[Sentence]> = sentences.chunks(1).collect();
        Recognizer::train_documents(&docs, options)
    }

    /// Trains on documents (sentences in reading order). Within a document, the labels the
    /// model itself gave earlier sentences are features of later ones ("prediction history",
    /// as at run time), so documents are shuffled but their sentences keep their order.
    pub fn train_documents(documents: &[&[Sentence]], options: &NerOptions) -> Recognizer {
        let g = gazetteer();
        let data: Vec<Vec<Example>> = documents
            .iter()
            .map(|doc| {
                doc.iter()
                    .filter(|s| !s.tokens.is_empty())
                    .map(|s| {
                        (
                            static_features(&s.tokens, g, &options.clusters, &options.vectors),
                            gold_labels(s.tokens.len(), &s.mentions),
                        )
                    })
                    .collect()
            })
            .collect();
        let members: Vec<Weights> = (0..options.ensemble.max(1) as u64)
            .map(|k| train_one(&data, options, options.seed + k))
            .collect();
        let weights = PackedWeights::from_weights(&Weights::mean(&members, options.prune_below));
        // Word dropout makes the unknown word's LOWER feature a word of training too.
        let lowers = data
            .iter()
            .flatten()
            .flat_map(|(statics, _)| statics.iter().map(|f| f[1]))
            .chain([feature(tpl::LOWER, UNKNOWN_WORD)]);
        Recognizer {
            label_rows: label_rows(&weights),
            words: WordTransitions::build(&weights, lowers),
            weights,
            clusters: options.clusters.clone(),
            vectors: options.vectors.clone(),
        }
    }
    /// Labels the sentence's tokens and appends the mentions (after the post-rules in the module
    /// doc) to `sentence.mentions`.
    pub fn recognize(&self, sentence: &mut Sentence) {
        self.recognize_in(sentence, &mut DocumentHistory::default());
    }

    /// [`Recognizer::recognize`] for the next sentence of a document whose earlier sentences
    /// went through the same `history`.
    pub fn recognize_in(&self, sentence: &mut Sentence, history: &mut DocumentHistory) {
        let found = self.predict_in(&sentence.tokens, history);
        let found = post_rules(&sentence.tokens, found, gazetteer());
        sentence.mentions.extend(found);
    }

    /// The model's mentions without post-rules (for evaluation against UNER, which includes
    /// titles in names), for a sentence on its own.
    pub fn predict(&self, tokens: &[Token]) -> Vec<Mention> {
        self.predict_in(tokens, &mut DocumentHistory::default())
    }

    /// [`Recognizer::predict`] for the next sentence of a document.
    pub fn predict_in(&self, tokens: &[Token], history: &mut DocumentHistory) -> Vec<Mention> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut statics = static_features(tokens, gazetteer(), &self.clusters, &self.vectors);
        history.add_features(&mut statics);
        let labels = viterbi(&self.weights, &self.label_rows, Some(&self.words), &statics);
        history.record(&statics, &labels);
        labels_to_mentions(&labels)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.bytes(MAGIC);
        w.u32(VERSION);
        w.blob(&self.weights.to_bytes());
        self.clusters.write(&mut w);
        self.vectors.write(&mut w);
        w.u32(self.words.keys.len() as u32);
        for &k in &self.words.keys {
            w.u64(k);
        }
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(MAGIC, "NER")?;
        let version = r.u32()?;
        let weights = match version {
            VERSION => PackedWeights::from_bytes(r.blob()?)?,
            found => {
                return Err(ModelError::UnsupportedVersion {
                    kind: "NER",
                    found,
                    supported: VERSION,
                })
            }
        };
        if weights.n_classes() != N_CLASSES {
            return Err(ModelError::Corrupt(format!(
                "NER model has {} classes, expected {N_CLASSES}",
                weights.n_classes()
            )));
        }
        let clusters = Lexicon::read(&mut r)?;
        let vectors = Lexicon::read(&mut r)?;
        let n = r.u32()? as usize;
        let keys = (0..n).map(|_| r.u64()).collect::<Result<Vec<u64>, _>>()?;
        let label_rows = label_rows(&weights);
        Ok(Recognizer {
            words: WordTransitions::build(&weights, keys),
            weights,
            clusters,
            vectors,
            label_rows,
        })
    }

    /// Number of features with weights (for reports).
    pub fn n_features(&self) -> usize {
        self.weights.n_features()
    }
}

fn is_possessive(form: &str) -> bool {
    matches!(form, "'s" | "’s" | "'" | "’")
}

/// A lowercase word that can stand before a name without being part of it: not a name
/// particle ("al-Qaeda", "bin Laden", "van Gogh", "de Gaulle").
fn is_context_word(form: &str) -> bool {
    const PARTICLES: [&str; 22] = [
        "al", "el", "bin", "ibn", "abu", "abd", "van", "von", "de", "da", "di", "du", "la", "le",
        "del", "della", "der", "den", "ter", "dos", "das", "mc",
    ];
    form.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&form)
}

fn is_capitalised(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

/// The general post-rules of the module doc.
fn post_rules(tokens: &[Token], mentions: Vec<Mention>, g: &Gazetteer) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    let forms = |m: &Mention| -> Vec<&str> {
        tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect()
    };
    for mut m in mentions {
        // A possessive ends the mention: "Russia 's", "North 's state" → "North".
        if let Some(k) = (m.start + 1..m.end).find(|&k| is_possessive(&tokens[k].form)) {
            m.end = k;
        }
        // Leading lowercase words before a capitalised name are context, not name
        // ("agency Interfax", "minister Jane Doe"); all-lowercase mentions ("florida") and name
        // particles ("al-Qaeda", "de Gaulle") stay.
        while m.end - m.start > 1
            && is_context_word(&tokens[m.start].form)
            && tokens[m.start + 1].form != "-"
            && tokens[m.start + 1..m.end]
                .iter()
                .any(|t| is_capitalised(&t.form))
        {
            m.start += 1;
        }
        // A mention never ends inside a hyphenated word ("Soo-yeon" tokenised "Soo", "-", "yeon").
        while m.end + 1 < tokens.len()
            && tokens[m.end].form == "-"
            && !tokens[m.end - 1].space_after
            && !tokens[m.end].space_after
            && tokens[m.end + 1].form.chars().all(char::is_alphabetic)
        {
            m.end += 2;
        }
        // A name cut short inside a longer gazetteer place written around it is that place:
        // "the Democratic | Republic of Congo" is not the Republic of the Congo.
        if m.kind != EntityType::Person {
            if let Some((s, e)) = (m.start.saturating_sub(3)..m.start)
                .find_map(|s| g.place_at(tokens, s).map(|(e, _)| (s, e)))
                .filter(|&(_, e)| e >= m.end)
            {
                m.start = s;
                m.end = e;
                m.kind = EntityType::Place;
            }
        }
        if m.kind == EntityType::Person {
            // A nationality before a title is no part of the name either ("German Chancellor
            // Olaf Scholz"); it becomes a mention of its own below.
            if let Some((e, _)) = g
                .demonym_at(tokens, m.start)
                .filter(|&(e, _)| e < m.end && g.title_at(tokens, e).is_some_and(|t| t < m.end))
            {
                m.start = e;
            }
            while let Some(e) = g.title_at(tokens, m.start).filter(|&e| e < m.end) {
                m.start = e;
            }
            if g.title_at(tokens, m.start).is_some_and(|e| e >= m.end) {
                continue;
            }
            // Between a title and the name, a capitalised word that the name lists know, and that
            // is no title, nationality or place, is part of the name ("Foreign Minister Wang |
            // Yi", with "Wang" read as a common noun). (Without the title before it, the same
            // extension cost UNER dev 0.4 points: "Dear Sam | Smith".)
            while m.start > 1
                && g.is_title(&tokens[m.start - 2].form)
                && is_capitalised(&tokens[m.start - 1].form)
                && g.is_person_name(&tokens[m.start - 1].form)
                && !g.is_title(&tokens[m.start - 1].form)
                && g.demonym_at(tokens, m.start - 1).is_none()
                && g.place_at(tokens, m.start - 1).is_none()
            {
                m.start -= 1;
            }
            // A monarch or pope is known by title and given name: "Pope Francis", "King
            // Charles III". The mention stays the name (UNER leaves titles out), but it refers
            // to the titled name, which the graph and coreference use.
            if let Some(title) = (1..=3.min(m.start))
                .map(|k| m.start - k)
                .find(|&s| g.title_at(tokens, s) == Some(m.start))
                .filter(|_| {
                    let given = &tokens[m.start..m.end];
                    given.len() == 1 || (given.len() == 2 && is_roman_numeral(&given[1].form))
                })
                .filter(|_| {
                    let last = &tokens[m.start - 1].form;
                    is_capitalised(last) && MONARCH_TITLES.contains(&last.to_lowercase().as_str())
                })
            {
                let words: Vec<&str> = tokens[title..m.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                m.refers_to = Some(words.join(" "));
            }
        }
        let words = forms(&m);
        if let Some(d) = g.demonym(&words) {
            m.kind = EntityType::Other;
            m.refers_to = Some(d.country.to_string());
            m.external_id = g.place(&[d.country]).map(|p| p.iri());
        } else if let Some(p) = g.place(&words) {
            if matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Capital
            ) {
                m.kind = EntityType::Place;
            }
            if m.kind == EntityType::Place {
                m.external_id = Some(p.iri());
                if !same_but_accents(p.name, &words.join(" ")) {
                    m.refers_to = Some(p.name.to_string());
                }
            }
        }
        out.push(m);
    }
    // Demonyms the model left alone ("North Korean leader") are MISC mentions of their country.
    let mut i = 0;
    while i < tokens.len() {
        let taken = out.iter().any(|m| m.start <= i && i < m.end);
        match g.demonym_at(tokens, i).filter(|_| !taken) {
            Some((end, d)) if !out.iter().any(|m| m.start < end && i < m.end) => {
                out.push(Mention {
                    start: i,
                    end,
                    kind: EntityType::Other,
                    refers_to: Some(d.country.to_string()),
                    external_id: g.place(&[d.country]).map(|p| p.iri()),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    role_and_head_rules(tokens, &mut out, g);
    organisation_heads(tokens, &mut out, g);
    sports_clubs(tokens, &mut out, g);
    unlabelled_sports_clubs(tokens, &mut out, g);
    listed_organisations(tokens, &mut out, g);
    lowercase_places(tokens, &mut out, g);
    named_after_owners(tokens, &mut out, g);
    unlabelled_countries(tokens, &mut out, g);
    split_town_and_state(tokens, &mut out, g);
    named_storms(tokens, &mut out);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Words that make a club of the place they stand before ("Real Madrid", "Bayern Munich") or
/// after ("Manchester United", "Bolton Wanderers").
/// A name on the organisation lists (`organisations.tsv`: companies of the stock indices,
/// brands, WordNet's organisations) that the model left unlabelled is an organisation when the
/// sentence uses it as one ([`acts_as_organisation`]): the subject of a verb, or a subject's
/// conjunct ("Pfizer and Moderna delivered …", "Netflix raised prices"), an indirect object
/// ("fined Google $2.4 billion"), or attached to a title or business noun ("shares of
/// Nvidia"). The lists alone are no evidence: UNER's web
/// text names products and services by their brand ("my Honda", "Google it"), which are not
/// organisations, and a list feature in the model was worth nothing on UNER dev. A proper noun
/// standing alone (no capitalised word beside it, no determiner or possessor of its own), not a
/// place, a nationality, or one word that is also a first name or surname ("Swift", "Gates",
/// also "Ford": the lists cannot tell the person from the company).
fn listed_organisations(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // The cheap test first: every listed name starts with a capital or a digit.
        let first = tokens[i].form.chars().next();
        let found = first
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            .then(|| g.organisation_at(tokens, i))
            .flatten();
        let Some((end, lists)) = found else {
            i += 1;
            continue;
        };
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        // The model's own reading of exactly this span, when it is one a company name overrides:
        // a city ("Toyota") or, for a listed company of two or more words, a person ("Goldman
        // Sachs").
        let words: Vec<&str> = tokens[i..end].iter().map(|t| t.form.as_str()).collect();
        let same = out.iter().position(|m| m.start == i && m.end == end);
        let retype = same.filter(|&k| match out[k].kind {
            EntityType::Place => g.place(&words).is_none_or(|p| p.kind == PlaceKind::City),
            EntityType::Person => end - i > 1 && lists & 2 != 0,
            _ => false,
        });
        if let Some(k) = retype {
            if acts_as_organisation(tokens, i, end, g) {
                out[k].kind = EntityType::Organization;
                out[k].external_id = None;
                out[k].refers_to = None;
            }
            i = end;
            continue;
        }
        let proper = tokens[i..end]
            .iter()
            .all(|t| t.xpos.starts_with("NNP") || !t.form.chars().any(char::is_alphabetic));
        let capitalised_at = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(&t.form));
        let beside = (i > 0 && capitalised_at(i - 1)) || capitalised_at(end);
        let other_name = g.place(&words).is_some()
            || g.demonym(&words).is_some()
            || (end - i == 1 && g.is_person_name(words[0]));
        if free && proper && !beside && !other_name && acts_as_organisation(tokens, i, end, g) {
            out.push(mention(i, end, EntityType::Organization));
        }
        i = end;
    }
}

/// Words that name a storm with the name after them.
/// Titles that go with a given name alone: the titled name is the person's name.
const MONARCH_TITLES: [&str; 11] = [
    "pope", "king", "queen", "prince", "princess", "emperor", "empress", "sultan", "tsar", "czar",
    "pharaoh",
];

/// "II", "III", "XIV": a regnal number.
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

const STORM_WORDS: [&str; 5] = ["Hurricane", "Typhoon", "Cyclone", "Storm", "Tornado"];

/// A name after a storm word is the storm's, not a person's or a place's: "Hurricane Beryl made
/// landfall" is no person Beryl. The mention takes in the storm word ("Tropical Storm Alberto"
/// too) and is a MISC mention ([`EntityType::Other`]), as CoNLL files events.
fn named_storms(tokens: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        if m.start == 0 || !STORM_WORDS.contains(&tokens[m.start - 1].form.as_str()) {
            continue;
        }
        m.start -= 1;
        if m.start > 0 && tokens[m.start - 1].form == "Tropical" {
            m.start -= 1;
        }
        m.kind = EntityType::Other;
        m.refers_to = None;
        m.external_id = None;
    }
}

/// Words that make a place's name with the region after them ("North Carolina", "Baja
/// California", "New South Wales"), not a place of their own.
const PLACE_QUALIFIERS: [&str; 15] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Baja", "New", "Greater", "Old",
];

/// A place read as one name that ends in a US state or a country the gazetteer knows, after
/// capitalised words that are not part of it, is two places: "Miramar California" is Miramar
/// in California (web text often drops the comma). Names the gazetteer has whole ("Kansas
/// City", "South Africa") and qualified regions ("North Carolina", "Baja California") stay.
fn split_town_and_state(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let mut added = Vec::new();
    for m in out.iter_mut() {
        if m.kind != EntityType::Place || m.end - m.start < 2 {
            continue;
        }
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        if g.place(&words).is_some() {
            continue;
        }
        let split = (1..words.len()).find_map(|k| {
            let p = g.place(&words[k..])?;
            let prefix = &words[..k];
            let fits = matches!(p.kind, PlaceKind::Region | PlaceKind::Country)
                && prefix.iter().all(|w| is_capitalised(w))
                && !PLACE_QUALIFIERS.contains(&prefix[k - 1])
                && !PLACE_QUALIFIERS.contains(&prefix[0]);
            fits.then_some((k, p))
        });
        if let Some((k, p)) = split {
            let mut state = mention(m.start + k, m.end, EntityType::Place);
            state.external_id = Some(p.iri());
            if !same_but_accents(p.name, &words[k..].join(" ")) {
                state.refers_to = Some(p.name.to_string());
            }
            m.end = m.start + k;
            m.external_id = g.place(&words[..k]).map(|p| p.iri());
            m.refers_to = None;
            added.push(state);
        }
    }
    out.extend(added);
}

/// A country, continent or capital the model left unlabelled is a place when its name stands
/// alone (no capitalised word beside it: not "Cuba Gooding", "Egypt Air") and is not also a
/// nationality: "venture into Cuba", "Egypt had a …".
fn unlabelled_countries(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let capitalised_at = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(&t.form));
    let mut i = 0;
    while i < tokens.len() {
        // The cheap test first: a country's name is capitalised.
        let found = is_capitalised(&tokens[i].form)
            .then(|| g.place_at(tokens, i))
            .flatten();
        let Some((end, p)) = found else {
            i += 1;
            continue;
        };
        let words: Vec<&str> = tokens[i..end].iter().map(|t| t.form.as_str()).collect();
        let kind = matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Capital
        );
        let beside = (i > 0 && capitalised_at(i - 1)) || capitalised_at(end);
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        if kind && free && !beside && is_capitalised(words[0]) && g.demonym(&words).is_none() {
            let mut m = mention(i, end, EntityType::Place);
            m.external_id = Some(p.iri());
            if !same_but_accents(p.name, &words.join(" ")) {
                m.refers_to = Some(p.name.to_string());
            }
            out.push(m);
        }
        i = end;
    }
}

/// A name with a possessive that possesses nothing, after a preposition of place, is a shop or
/// restaurant named after its owner, and a place: "dinner at Del Frisco's in Philadelphia",
/// "going to Kenneally's for lunch". The possessive is part of the name; a possessive followed
/// by what it possesses ("at Russia's border") is not.
fn named_after_owners(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    let n = tokens.len();
    for m in out.iter_mut() {
        let k = m.end;
        if k >= n || !matches!(tokens[k].form.as_str(), "'s" | "’s") || m.start == 0 {
            continue;
        }
        let after_place_word = PLACE_PREPOSITIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(&tokens[m.start - 1].form));
        // Nothing possessed: the end, punctuation, a preposition, adverb or conjunction, or a
        // place ("Del Frisco's Philadelphia").
        let possesses_nothing = match tokens.get(k + 1) {
            None => true,
            Some(t) => {
                // An opening quote or bracket starts what is possessed ("Froomkin's \"White
                // House Briefing\"").
                (!t.form.chars().any(char::is_alphanumeric)
                    && !matches!(t.form.as_str(), "\"" | "'" | "“" | "‘" | "(" | "["))
                    || matches!(t.xpos.as_str(), "IN" | "TO" | "RB" | "CC" | "WDT" | "WRB")
                    || g.place_at(tokens, k + 1).is_some()
            }
        };
        let known_place = {
            let words: Vec<&str> = tokens[m.start..m.end]
                .iter()
                .map(|t| t.form.as_str())
                .collect();
            g.place(&words).is_some()
        };
        // A person's full name is a person's ("from Dan Froomkin's …"); one word may be a shop's.
        let full_name = m.kind == EntityType::Person && m.end - m.start > 1;
        if after_place_word && possesses_nothing && !known_place && !full_name {
            m.end = k + 1;
            m.kind = EntityType::Place;
            m.refers_to = None;
            m.external_id = None;
        }
    }
}

/// Words after which a lowercase place name is a place: "in punjab", "going to baguio".
const PLACE_PREPOSITIONS: [&str; 14] = [
    "in",
    "to",
    "from",
    "at",
    "near",
    "across",
    "throughout",
    "around",
    "into",
    "outside",
    "inside",
    "visit",
    "visits",
    "visited",
];

/// A gazetteer place written in lowercase ("travelling to lourdes", web text often does not
/// capitalise) that the model left unlabelled is a place after a preposition of place or a verb
/// of visiting, unless its name is also a common word ("in turkey", "to split": see
/// `place_words.txt`).
fn lowercase_places(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    let lowercase = |t: &Token| !t.form.chars().any(char::is_uppercase);
    let mut i = 1;
    while i < tokens.len() {
        let after_place_word = PLACE_PREPOSITIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(&tokens[i - 1].form));
        // The cheap tests first: most tokens follow no preposition of place.
        let found = (after_place_word && lowercase(&tokens[i]))
            .then(|| g.place_folded_at(&forms, i))
            .flatten();
        let Some((end, _)) = found else {
            i += 1;
            continue;
        };
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        if free
            && tokens[i..end].iter().all(lowercase)
            && !g.is_common_word(&forms[i..end].join(" "))
        {
            out.push(mention(i, end, EntityType::Place));
        }
        i = end;
    }
}

/// Whether a text writes the gazetteer's name as it is, or without its accents ("Rafah" for
/// GeoNames' "Rafaḩ", "Sao Paulo" for "São Paulo"): then the text's own spelling is kept.
fn same_but_accents(name: &str, text: &str) -> bool {
    name.chars().count() == text.chars().count()
        && name
            .chars()
            .zip(text.chars())
            .all(|(a, b)| a == b || (!a.is_ascii() && a.is_alphabetic() && b.is_ascii_alphabetic()))
}

/// Nouns of a company's people, money and parts: a name attached to one is the company's
/// ("shares of Nvidia", "Pfizer's shareholders", "Amazon employees").
const BUSINESS_NOUNS: [&str; 18] = [
    "shares",
    "stock",
    "stake",
    "subsidiary",
    "unit",
    "board",
    "employees",
    "workers",
    "staff",
    "shareholders",
    "investors",
    "executive",
    "executives",
    "headquarters",
    "earnings",
    "profit",
    "revenue",
    "sales",
];

/// Whether the span `start..end` acts as an organisation: it heads a subject of a verb, or a
/// conjunct of one, or it is attached to a title or business noun ("chief executive of Nvidia",
/// "a spokesperson for Pfizer", "Amazon founder Jeff Bezos", "shares of Nvidia"); and it has no
/// determiner or possessor of its own.
fn acts_as_organisation(tokens: &[Token], start: usize, end: usize, g: &Gazetteer) -> bool {
    let inside = |h: Option<usize>| h.is_some_and(|h| (start..end).contains(&h));
    let Some(head) = (start..end).find(|&k| !inside(tokens[k].head)) else {
        return false;
    };
    let determined = tokens.iter().any(|t| {
        t.head == Some(head) && matches!(t.deprel.as_str(), "det" | "nmod:poss" | "det:poss")
    });
    // (An indirect object is one too: "fined Google $2.4 billion", "paid Pfizer …".)
    let subject = |k: usize| matches!(tokens[k].deprel.as_str(), "nsubj" | "nsubj:pass" | "iobj");
    // Not a capitalised title, which is part of a name itself ("Secretary of State").
    let business = |k: usize| {
        let form = tokens[k].form.to_lowercase();
        let title_case = tokens[k]
            .form
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            && tokens[k].form.chars().skip(1).any(char::is_lowercase);
        (g.is_title(&form) && !title_case) || BUSINESS_NOUNS.contains(&form.as_str())
    };
    // People named by what they belong to: "Greenpeace activists", "Hamas fighters".
    let members = |k: usize| {
        tokens[k].xpos == "NNS" && {
            // (Without lemmas, the plural's "s" off.)
            let lemma = if tokens[k].lemma.is_empty() {
                let form = tokens[k].form.to_lowercase();
                form.strip_suffix('s').unwrap_or(&form).to_owned()
            } else {
                tokens[k].lemma.to_lowercase()
            };
            g.is_agent_noun(&lemma)
        }
    };
    let role = match tokens[head].deprel.as_str() {
        "conj" => tokens[head].head.is_some_and(subject),
        "nmod" | "nmod:poss" => tokens[head].head.is_some_and(business),
        "compound" => tokens[head].head.is_some_and(|k| business(k) || members(k)),
        _ => subject(head),
    };
    role && !determined
}

const CLUB_BEFORE_PLACE: [&str; 14] = [
    "Real",
    "Atletico",
    "Atlético",
    "Sporting",
    "Dynamo",
    "Dinamo",
    "Olympique",
    "Borussia",
    "Bayern",
    "Inter",
    "AC",
    "AS",
    "FC",
    "Racing",
];
const CLUB_AFTER_PLACE: [&str; 10] = [
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "FC",
    "AFC",
    "CF",
    "SC",
];

/// A club the recogniser missed altogether ("… and Real Madrid signed …"): a club word and a
/// gazetteer place written together, outside any mention.
fn unlabelled_sports_clubs(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let free = |out: &[Mention], a: usize, b: usize| !out.iter().any(|m| m.start < b && a < m.end);
    let mut i = 0;
    while i < tokens.len() {
        let club = if CLUB_BEFORE_PLACE.contains(&tokens[i].form.as_str()) {
            g.place_at(tokens, i + 1).map(|(end, _)| (i, end))
        } else {
            g.place_at(tokens, i)
                .filter(|&(end, _)| {
                    tokens
                        .get(end)
                        .is_some_and(|t| CLUB_AFTER_PLACE.contains(&t.form.as_str()))
                })
                .map(|(end, _)| (i, end + 1))
        };
        match club {
            Some((start, end)) if free(out, start, end) => {
                out.push(Mention {
                    start,
                    end,
                    kind: EntityType::Organization,
                    refers_to: None,
                    external_id: None,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// A place name with a club word before or after it names a sports club, an organisation:
/// "Bayern Munich" and "Real Madrid" are neither a place nor a person. The recogniser has seen
/// few clubs (UNER is web text), and the place inside pulls it to LOC.
fn sports_clubs(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut() {
        if m.kind == EntityType::Other {
            continue;
        }
        // The place is the mention without a club word at either end, or the mention itself
        // with a club word written just outside it.
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        let before = |w: &str| CLUB_BEFORE_PLACE.contains(&w);
        let after = |w: &str| CLUB_AFTER_PLACE.contains(&w);
        let n = words.len();
        let whole = n >= 2
            && ((before(words[0]) && g.place(&words[1..]).is_some())
                || (after(words[n - 1]) && g.place(&words[..n - 1]).is_some()));
        let club = if whole {
            Some((m.start, m.end))
        } else if g.place(&words).is_some() {
            let prev = m.start.checked_sub(1).map(|k| tokens[k].form.as_str());
            let next = tokens.get(m.end).map(|t| t.form.as_str());
            if prev.is_some_and(before) {
                Some((m.start - 1, m.end))
            } else if next.is_some_and(after) {
                Some((m.start, m.end + 1))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((start, end)) = club {
            m.start = start;
            m.end = end;
            m.kind = EntityType::Organization;
            m.refers_to = None;
            m.external_id = None;
        }
    }
}

/// Lowercase nouns that, right before a name, say it is an organisation ("the news agency
/// Interfax", "the carmaker Volvo", "the newspaper Le Monde").
const ORG_DESCRIPTORS: [&str; 14] = [
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "company",
    "firm",
    "carmaker",
    "automaker",
    "airline",
    "bank",
    "group",
    "party",
    "network",
    "magazine",
];

/// Place head words that do not decide the type of a whole name on their own: "Secretary of
/// State" and "Manchester City" are not places.
const WEAK_PLACE_HEADS: [&str; 4] = ["state", "city", "town", "border"];

/// The end of the run of capitalised words starting at `i` (hyphen-joined parts such as
/// "Soo-suk" included), at most five tokens; `i` itself when `tokens[i]` is not capitalised.
fn capitalised_run(tokens: &[Token], i: usize) -> usize {
    let mut end = i;
    while end < tokens.len() && end - i < 5 && is_capitalised(&tokens[end].form) {
        end += 1;
        // "Soo" "-" "suk" written without spaces is one word.
        while end + 1 < tokens.len()
            && tokens[end].form == "-"
            && !tokens[end - 1].space_after
            && !tokens[end].space_after
            && tokens[end + 1].form.chars().all(char::is_alphabetic)
        {
            end += 2;
        }
    }
    end
}

/// Whether the words after a name and a comma form a role phrase that ends in a title before the
/// clause ends: "Jane Doe, the company's chief executive," / "…, Norway's Foreign Ministry
/// spokesperson."
fn followed_by_role(tokens: &[Token], end: usize, g: &Gazetteer) -> bool {
    if tokens.get(end).map(|t| t.form.as_str()) != Some(",") {
        return false;
    }
    let mut k = end + 1;
    let mut last_title = false;
    while k < tokens.len() && k <= end + 8 {
        let f = tokens[k].form.as_str();
        if matches!(f, "," | "." | ";" | ":" | "said" | "says" | "and") {
            break;
        }
        last_title = g.is_title(f);
        k += 1;
    }
    last_title
}

/// Whether the name ending at `end` is followed by an apposition that calls it a company or
/// another organisation: "Rivian, the electric truck maker", "Kakao, a South Korean internet
/// firm". The apposition's last word decides ("Smith, the company's chief executive" is a
/// person's).
fn followed_by_organisation_noun(tokens: &[Token], end: usize) -> bool {
    if tokens.get(end).map(|t| t.form.as_str()) != Some(",")
        || !tokens
            .get(end + 1)
            .is_some_and(|t| matches!(t.form.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        return false;
    }
    let mut last = None;
    for t in tokens.iter().skip(end + 2).take(6) {
        if matches!(
            t.form.as_str(),
            "," | "." | ";" | ":" | "(" | "said" | "says"
        ) || t.xpos.starts_with("VB")
            || t.xpos == "IN"
        {
            break;
        }
        last = Some(t.form.to_lowercase());
    }
    last.is_some_and(|w| {
        ORG_DESCRIPTORS.contains(&w.as_str())
            || ORGANISATION_APPOSITIONS.contains(&w.as_str())
            || w.ends_with("maker")
    })
}

/// Nouns that, ending an apposition, call the name before it an organisation (beside
/// [`ORG_DESCRIPTORS`] and "…maker").
const ORGANISATION_APPOSITIONS: [&str; 14] = [
    "startup",
    "start-up",
    "retailer",
    "manufacturer",
    "producer",
    "giant",
    "conglomerate",
    "lender",
    "insurer",
    "operator",
    "developer",
    "publisher",
    "charity",
    "organisation",
];

/// Head words that make a capitalised name an organisation: the unambiguous part of
/// `org_suffixes.txt` ("Service", "News", "Post", "Office", "Club" also end reviews' titles,
/// papers and places).
const ORGANISATION_HEADS: [&str; 47] = [
    "alliance",
    "coalition",
    "league",
    "movement",
    "congress",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "gmbh",
    "bank",
    "agency",
    "ministry",
    "department",
    "commission",
    "committee",
    "council",
    "union",
    "association",
    "federation",
    "foundation",
    "institute",
    "university",
    "authority",
    "bureau",
    "party",
    "fund",
    "organization",
    "organisation",
    "reserve",
    "motor",
    "motors",
    "airlines",
    "airways",
    "group",
    "holdings",
    "industries",
    "technologies",
    "pharmaceuticals",
    "energy",
    "petroleum",
    "railways",
];

const COMPASS_WORDS: [&str; 8] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
];

/// A run of two or more capitalised words ending in an organisation head word ("European
/// Central Bank", "World Health Organization", "Supreme Court"), or one such word followed by
/// "of" and a name ("Bank of England", "Ministry of Defence"), is an organisation, whatever the
/// model made of its parts: it learnt from web text with few of these names and misses or
/// splits most of them. Known places and sentences in title case (headlines) are left alone.
fn organisation_heads(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    // A headline capitalises every longer word ("Central Bank Holds Rates"): no cue there.
    let (long, long_capitalised) = tokens
        .iter()
        .filter(|t| t.form.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .fold((0, 0), |(n, c), t| {
            (n + 1, c + is_capitalised(&t.form) as usize)
        });
    if long >= 3 && long_capitalised == long {
        return;
    }
    let mut i = 0;
    while i < tokens.len() {
        let run_end = capitalised_run(tokens, i);
        if run_end == i {
            i += 1;
            continue;
        }
        let mut s = i;
        while s < run_end
            && (matches!(tokens[s].upos, Upos::Det | Upos::Pron)
                || matches!(tokens[s].form.as_str(), "The" | "A" | "An"))
        {
            s += 1;
        }
        let mut e = run_end;
        let head =
            s < e && ORGANISATION_HEADS.contains(&tokens[e - 1].form.to_lowercase().as_str());
        if head && tokens.get(e).is_some_and(|t| t.form == "of") {
            let of_end = capitalised_run(tokens, e + 1);
            if of_end > e + 1 {
                e = of_end;
            }
        }
        let words: Vec<&str> = tokens[s..e].iter().map(|t| t.form.as_str()).collect();
        // A person's name inside is another name beside it ("Sara Lee Enron Services").
        let crosses = out.iter().any(|m| {
            m.start < e && s < m.end && (m.start < s || m.end > e || m.kind == EntityType::Person)
        });
        // "West Bank", "East Bank": a compass word and a head word name a region.
        let region = e - s == 2 && COMPASS_WORDS.contains(&tokens[s].form.as_str());
        if head && e - s >= 2 && !crosses && !region && g.place(&words).is_none() {
            out.retain(|m| !(s <= m.start && m.end <= e));
            out.push(mention(s, e, EntityType::Organization));
        }
        i = e.max(i + 1);
    }
}

/// General rules that type a name from the words around it, where the statistical model is
/// weak (it learnt from web text, not news):
/// - a capitalised name right after a title ("spokesperson Jane Doe") or followed by a role
///   apposition (", the bank's chief economist") is a person, unless it is a known place;
/// - a capitalised name right after an organisation noun ("news agency Interfax") is an
///   organisation;
/// - a name of two or more words ending in a place head word ("Keflavik Airport", "Baikonur
///   Cosmodrome") is a place, whatever the model said.
fn role_and_head_rules(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    // A title ends at `i` ("spokesperson", "Prime Minister" before the name).
    let title_before = |i: usize| (1..=3.min(i)).any(|k| g.title_at(tokens, i - k) == Some(i));
    let known = |start: usize, end: usize| {
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.form.as_str()).collect();
        g.place(&words).is_some() || g.demonym(&words).is_some()
    };
    // A title ends right before `i`, or before a comma there: "the club's chairman, Victor Hill".
    let title_or_role_before =
        |i: usize| title_before(i) || (i >= 2 && tokens[i - 1].form == "," && title_before(i - 1));
    for m in out.iter_mut() {
        let last = tokens[m.end - 1].form.to_lowercase();
        if m.kind == EntityType::Other || known(m.start, m.end) {
            continue;
        }
        // A first name and a surname that is also a place head word ("Hill", "Park"), said to
        // hold a role, is a person: "the transport minister, Rosa Park," is no park.
        if m.end - m.start == 2
            && g.word_classes(&tokens[m.start].form.to_lowercase())
                .first_name
            && (title_or_role_before(m.start) || followed_by_role(tokens, m.end, g))
        {
            m.kind = EntityType::Person;
            continue;
        }
        if m.end - m.start >= 2
            && is_capitalised(&tokens[m.end - 1].form)
            && g.is_place_head(&last)
            && !WEAK_PLACE_HEADS.contains(&last.as_str())
        {
            m.kind = EntityType::Place;
        } else if m.kind != EntityType::Person
            && capitalised_run(tokens, m.start) == m.end
            && !g.is_org_suffix(&last)
            && followed_by_role(tokens, m.end, g)
        {
            m.kind = EntityType::Person;
        } else if m.kind != EntityType::Organization && followed_by_organisation_noun(tokens, m.end)
        {
            m.kind = EntityType::Organization;
            m.external_id = None;
            m.refers_to = None;
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        if let Some(e) = g.title_at(tokens, i) {
            // Past a title ("President", "Foreign Minister"): the name may follow.
            i = e;
            continue;
        }
        let end = capitalised_run(tokens, i);
        if end == i || out.iter().any(|m| m.start < end && i < m.end) || known(i, end) {
            i = end.max(i + 1);
            continue;
        }
        let before = if i > 0 {
            tokens[i - 1].form.to_lowercase()
        } else {
            String::new()
        };
        let org_suffix = g.is_org_suffix(&tokens[end - 1].form);
        let kind = if !org_suffix && (title_before(i) || followed_by_role(tokens, end, g)) {
            Some(EntityType::Person)
        } else if ORG_DESCRIPTORS.contains(&before.as_str())
            || followed_by_organisation_noun(tokens, end)
        {
            Some(EntityType::Organization)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(mention(i, end, kind));
        }
        i = end;
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/// Precision, recall and F1 counts for one entity type or overall.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// CoNLL-style entity-level scores: a prediction is correct when span and type match exactly.
/// Only PER, ORG and LOC count (UNER has no MISC).
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// Per type, in the order PER, ORG, LOC.
    pub by_type: [Counts; 3],
}

impl Evaluation {
    pub fn add(&mut self, gold: &[Mention], predicted: &[Mention]) {
        for (k, t) in TYPES.iter().enumerate() {
            let g: Vec<(usize, usize)> = gold
                .iter()
                .filter(|m| m.kind == *t)
                .map(|m| (m.start, m.end))
                .collect();
            let p: Vec<(usize, usize)> = predicted
                .iter()
                .filter(|m| m.kind == *t)
                .map(|m| (m.start, m.end))
                .collect();
            let c = &mut self.by_type[k];
            c.gold += g.len();
            c.predicted += p.len();
            c.correct += p.iter().filter(|s| g.contains(s)).count();
        }
    }

    pub fn overall(&self) -> Counts {
        self.by_type.iter().fold(Counts::default(), |a, c| Counts {
            gold: a.gold + c.gold,
            predicted: a.predicted + c.predicted,
            correct: a.correct + c.correct,
        })
    }

    /// Entity types in the order of [`Evaluation::by_type`].
    pub fn types() -> [EntityType; 3] {
        TYPES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|f| Token {
                form: f.to_string(),
                space_after: true,
                ..Token::default()
            })
            .collect()
    }

    #[test]
    fn names_headed_by_an_organisation_word_are_organisations() {
        let kinds = |text: &str, model: Vec<Mention>| -> Vec<(String, EntityType)> {
            let t = tokens(text);
            post_rules(&t, model, gazetteer())
                .into_iter()
                .map(|m| {
                    let w: Vec<&str> = t[m.start..m.end].iter().map(|x| x.form.as_str()).collect();
                    (w.join(" "), m.kind)
                })
                .collect()
        };
        // The model's place inside the name, and the demonym before it, give way.
        assert_eq!(
            kinds(
                "the Nordic Investment Bank cut rates",
                vec![mention(2, 4, EntityType::Place)]
            ),
            [(
                "Nordic Investment Bank".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("officials at the Ministry of Fisheries said so", vec![]),
            [(
                "Ministry of Fisheries".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("the centre - left Green Alliance won", vec![]),
            [("Green Alliance".to_string(), EntityType::Organization)]
        );
        // A compass word and "Bank" name a region; a headline capitalises every word; a single
        // head word is no name.
        assert_eq!(
            kinds(
                "settlers in the West Bank clashed with police",
                vec![mention(3, 5, EntityType::Place)]
            ),
            [("West Bank".to_string(), EntityType::Place)]
        );
        assert!(kinds("Regional Bank Holds Rates Steady Again", vec![]).is_empty());
        assert!(kinds("the Union said so", vec![]).is_empty());
        // Company heads, over a place the model found inside ("Oslo Motors" is a company).
        assert_eq!(
            kinds(
                "Oslo Motors said it would",
                vec![mention(0, 1, EntityType::Place)]
            ),
            [("Oslo Motors".to_string(), EntityType::Organization)]
        );
        assert_eq!(
            kinds("shares of Fjord Airways fell", vec![]),
            [("Fjord Airways".to_string(), EntityType::Organization)]
        );
    }

    #[test]
    fn bilou_round_trips_and_constraints_hold() {
        let gold = vec![
            mention(0, 2, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        let labels = gold_labels(5, &gold);
        assert_eq!(labels_to_mentions(&labels), gold);
        assert!(allowed(0, label(B, 0), false));
        assert!(!allowed(0, label(B, 0), true));
        assert!(!allowed(label(B, 0), label(L, 1), false));
        assert!(!allowed(label(B, 0), 0, false));
        assert!(allowed(label(I, 2), label(L, 2), true));
        assert!(!allowed(0, label(I, 0), false));
    }

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

    #[test]
    fn a_nationality_and_title_are_stripped_from_person_names() {
        let t = tokens("German Chancellor Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        let got: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            got,
            vec![(0, 1, EntityType::Other), (2, 4, EntityType::Person)]
        );
        // A nationality without a title after it may be part of a name ("Jordan Peterson").
        let t = tokens("German Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 3));
    }

    #[test]
    fn a_listed_name_between_a_title_and_the_name_is_part_of_it() {
        let t = tokens("Foreign Minister Wang Yi met them");
        let out = post_rules(&t, vec![mention(3, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // Not without a title before it, and not a place.
        let t = tokens("the Wang Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        let t = tokens("Minister Paris Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(
            out.iter()
                .find(|m| m.kind == EntityType::Person)
                .map(|m| (m.start, m.end)),
            Some((2, 3))
        );
    }

    #[test]
    fn a_monarch_or_pope_refers_to_the_titled_name() {
        let t = tokens("said Pope Francis today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        assert_eq!(out[0].refers_to.as_deref(), Some("Pope Francis"));
        let t = tokens("British King Charles III visited");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        let charles = out.iter().find(|m| m.kind == EntityType::Person).unwrap();
        assert_eq!((charles.start, charles.end), (2, 4));
        assert_eq!(charles.refers_to.as_deref(), Some("King Charles III"));
        // Other titles go with a surname, and a full name needs no title.
        let t = tokens("said President Biden today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
        let t = tokens("said Prince Mohammed bin Salman today");
        let out = post_rules(&t, vec![mention(2, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
    }

    #[test]
    fn titles_are_stripped_from_person_names() {
        let t = tokens("said President Jane Doe today");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        let t = tokens("Prime Minister Jane Doe resigned");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // A title alone is not a person.
        let t = tokens("the President said");
        assert!(post_rules(&t, vec![mention(1, 2, EntityType::Person)], gazetteer()).is_empty());
    }

    #[test]
    fn possessive_is_never_part_of_a_mention() {
        let t = tokens("Norway 's fjords");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 1));
        assert_eq!(
            out[0].external_id.as_deref(),
            Some("https://sws.geonames.org/3144096/")
        );
        let t = tokens("the North 's state media");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 2));
    }

    #[test]
    fn leading_lowercase_context_words_are_dropped() {
        let t = tokens("the news agency Interfax said");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (3, 4));
        // Name particles stay.
        let t = tokens("leader of al Qaeda");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // An all-lowercase mention is left alone.
        let t = tokens("i moved to new jersey");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (3, 5));
    }

    #[test]
    fn hyphenated_words_are_not_cut() {
        let mut t = tokens("said Park Soo - yeon today");
        for k in [2, 3] {
            t[k].space_after = false;
        }
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 5));
        // Spaced dashes separate.
        let t = tokens("said Park Soo - yeon today");
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 3));
    }

    #[test]
    fn countries_are_places_with_iris_and_aliases_refer_to_the_canonical_name() {
        let t = tokens("the U.S. said");
        let out = post_rules(
            &t,
            vec![mention(1, 2, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Place);
        assert_eq!(out[0].refers_to.as_deref(), Some("United States"));
        assert_eq!(
            out[0].external_id.as_deref(),
            Some("https://sws.geonames.org/6252001/")
        );
    }

    #[test]
    fn a_place_written_without_its_accents_keeps_the_texts_spelling() {
        let place = |text: &str| {
            let t = tokens(text);
            let out = post_rules(&t, vec![mention(2, 4, EntityType::Place)], gazetteer());
            (out[0].refers_to.clone(), out[0].external_id.clone())
        };
        let iri = Some("https://sws.geonames.org/3448439/".to_owned());
        assert_eq!(place("flights to Sao Paulo resumed"), (None, iri.clone()));
        assert_eq!(place("flights to São Paulo resumed"), (None, iri));
        // Another spelling is still the gazetteer's name.
        assert!(same_but_accents("São Paulo", "Sao Paulo"));
        assert!(!same_but_accents("Kyiv", "Kiev"));
        assert!(!same_but_accents("São Paulo", "Sal Paulo"));
    }

    #[test]
    fn demonyms_become_misc_mentions_of_their_country() {
        let t = tokens("the North Korean leader met Chilean officials");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].start, out[0].end, out[0].kind),
            (1, 3, EntityType::Other)
        );
        assert_eq!(out[0].refers_to.as_deref(), Some("North Korea"));
        assert_eq!(out[1].refers_to.as_deref(), Some("Chile"));
        // A nationality that is also one of the country's alternative spellings is the
        // nationality ("Thai" is not Thailand).
        let t = tokens("the Spanish , Thai and other teams");
        let out = post_rules(&t, vec![], gazetteer());
        assert!(out.iter().all(|m| m.kind == EntityType::Other), "{out:?}");
        assert_eq!(out[1].refers_to.as_deref(), Some("Thailand"));
    }

    #[test]
    fn names_ending_in_a_place_head_are_places() {
        let t = tokens("they landed at Keflavik Airport on Monday");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("rockets rose from Baikonur Cosmodrome again");
        let out = post_rules(
            &t,
            vec![mention(3, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Place);
        // A weak head does not decide: the Secretary of State is no place.
        let t = tokens("she joined Manchester City in May");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // A first name and a place-head surname said to hold a role is a person; the same name
        // without the role stays a place.
        for (text, start) in [
            ("the club 's chairman , Victor Hill , said so", 5),
            ("health minister Rosa Park resigned", 2),
            ("Rosa Park , the club 's chairman , said so", 0),
        ] {
            let t = tokens(text);
            let out = post_rules(
                &t,
                vec![mention(start, start + 2, EntityType::Place)],
                gazetteer(),
            );
            assert_eq!(out[0].kind, EntityType::Person, "{text}");
        }
        let t = tokens("the rally was held in Victoria Park on Sunday");
        let out = post_rules(&t, vec![mention(5, 7, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
    }

    #[test]
    fn a_name_after_a_title_or_before_a_role_apposition_is_a_person() {
        let mut t = tokens("said spokesperson Ana Mendoza-Ruiz on Friday");
        t[3].form = "Mendoza".into();
        let t = {
            let mut v = t[..4].to_vec();
            v[3].space_after = false;
            let mut dash = v[3].clone();
            dash.form = "-".into();
            let mut ruiz = v[3].clone();
            ruiz.form = "Ruiz".into();
            ruiz.space_after = true;
            v.extend([dash, ruiz]);
            v.extend(tokens("on Friday"));
            v
        };
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(2, 6, EntityType::Person)]
        );
        // The role comes after the name, in an apposition.
        let t = tokens("said Tomas Varga , Hungary 's Interior Ministry spokesman .");
        let out = post_rules(&t, vec![], gazetteer());
        assert!(out
            .iter()
            .any(|m| (m.start, m.end, m.kind) == (1, 3, EntityType::Person)));
        // ... and overrides a wrong type from the model.
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
        // A known place in that position stays a place; an organisation name is not retyped.
        let t = tokens("in Oslo , the Norwegian capital and seat of the prime minister .");
        let out = post_rules(&t, vec![mention(1, 2, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("the official Xinhua News Agency said");
        let out = post_rules(
            &t,
            vec![mention(2, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // No title, no role: nothing is made up.
        let t = tokens("they met Tomas Varga in Pecs .");
        assert!(post_rules(&t, vec![], gazetteer()).is_empty());
    }

    #[test]
    fn a_name_after_an_organisation_noun_is_an_organisation() {
        let t = tokens("the state news agency Xinhua reported on Monday");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(4, 5, EntityType::Organization)]
        );
        let t = tokens("shares of the carmaker Volvo fell");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(out[0].kind, EntityType::Organization);
    }

    #[test]
    fn evaluation_counts_exact_spans_only() {
        let mut e = Evaluation::default();
        let gold = vec![
            mention(0, 2, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        let pred = vec![
            mention(0, 1, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        e.add(&gold, &pred);
        let o = e.overall();
        assert_eq!((o.gold, o.predicted, o.correct), (2, 2, 1));
        assert_eq!(e.by_type[2].f1(), 1.0);
        assert_eq!(e.by_type[0].f1(), 0.0);
    }

    #[test]
    fn a_name_cut_short_inside_a_gazetteer_place_is_that_place() {
        let toks = tokens("aid reached the Democratic Republic of Congo on Monday");
        let out = post_rules(&toks, vec![mention(4, 7, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (3, 7));
        assert_eq!(
            out[0].refers_to.as_deref(),
            Some("Democratic Republic of the Congo")
        );
        // A person is not extended into a place before it.
        let toks = tokens("fans in New York Smith cheered");
        let out = post_rules(&toks, vec![mention(4, 5, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (4, 5));
    }

    #[test]
    fn a_place_with_a_club_word_is_a_sports_club() {
        let g = gazetteer();
        let place = |s, e| mention(s, e, EntityType::Place);
        let person = |s, e| mention(s, e, EntityType::Person);
        for (text, found, club) in [
            // The recogniser's spans: the whole club, the place alone, a person.
            ("Bayern Munich beat Porto .", place(0, 2), (0, 2)),
            ("fans of Manchester United sang", place(2, 3), (2, 4)),
            ("Real Madrid signed him", person(0, 2), (0, 2)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found];
            sports_clubs(&toks, &mut out, g);
            assert_eq!((out[0].start, out[0].end), club, "{text}");
            assert_eq!(out[0].kind, EntityType::Organization, "{text}");
        }
        // Found where the recogniser saw nothing, not where it saw something else.
        let toks = tokens("and Real Madrid signed Leeds United players");
        let mut out = vec![mention(4, 5, EntityType::Person)];
        unlabelled_sports_clubs(&toks, &mut out, g);
        let spans: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            spans,
            [(4, 5, EntityType::Person), (1, 3, EntityType::Organization)]
        );
        // A place alone, or "United" before a name, stays as it was.
        for (text, found) in [
            ("they flew to Munich .", place(3, 4)),
            ("the United States said", place(1, 3)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found.clone()];
            sports_clubs(&toks, &mut out, g);
            assert_eq!(out[0], found, "{text}");
        }
    }

    #[test]
    fn word_dropout_replaces_only_the_words_own_identity() {
        let toks = tokens("Anna Berg lives in Oslo .");
        let statics = static_features(&toks, gazetteer(), &Lexicon::default(), &Lexicon::default());
        // Indices 1, 3, 4, 5 are the word's own identity, as `drop_words` assumes.
        let lower = hash_str("oslo");
        let f = &statics[4];
        assert_eq!(f[1], feature(tpl::LOWER, lower));
        assert_eq!(f[3], feature2(tpl::FORM, lower, shape_hash("Oslo")));
        assert_eq!(f[4], feature2(tpl::PREV_LOWER_LOWER, hash_str("in"), lower));
        assert_eq!(f[5], feature2(tpl::LOWER_NEXT_LOWER, lower, hash_str(".")));

        let mut seed = 7;
        let mut kept = statics.clone();
        drop_words(&mut kept, 0.0, &mut seed);
        assert_eq!(kept, statics);
        let mut dropped = statics.clone();
        drop_words(&mut dropped, 1.0, &mut seed);
        for (d, s) in dropped.iter().zip(&statics) {
            for (k, (a, b)) in d.iter().zip(s).enumerate() {
                assert_eq!(a == b, ![1, 3, 4, 5].contains(&k), "feature {k}");
            }
        }
        // Every token loses the same identity: that of an unknown word.
        assert_eq!(dropped[0][1..6], dropped[4][1..6]);
    }

    #[test]
    fn vector_classes_are_features_and_travel_with_the_model() {
        let vectors = Lexicon::parse_tsv("oslo\t5\nbergen\t5\nNarvik\t6\n").expect("valid lexicon");
        let toks = tokens("Anna lives in Oslo near Narvik and Bodo .");
        let f = static_features(&toks, gazetteer(), &Lexicon::default(), &vectors);
        // Looked up as written, then in lowercase; unknown words share class 0.
        assert!(f[3].contains(&feature2(tpl::VECTOR, 0, 5)));
        assert!(f[5].contains(&feature2(tpl::VECTOR, 0, 6)));
        assert!(f[7].contains(&feature2(tpl::VECTOR, 0, 0)));
        assert!(f[7].contains(&feature2(tpl::VECTOR, 2, 0)));

        let mut sents = Vec::new();
        for (name, city) in [("Anna Berg", "oslo"), ("Jon Lind", "bergen")] {
            let toks = tokens(&format!("{name} lives in {city} ."));
            sents.push(Sentence {
                mentions: vec![
                    mention(0, 2, EntityType::Person),
                    mention(4, 5, EntityType::Place),
                ],
                tokens: toks,
                ..Sentence::default()
            });
        }
        let options = NerOptions {
            vectors: vectors.clone(),
            ..NerOptions::default()
        };
        let r = Recognizer::train(&sents, &options);
        let copy = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert_eq!(copy.vectors.len(), 3);
        let probe = tokens("Eva Holm moved to bergen and oslo .");
        assert_eq!(copy.predict(&probe), r.predict(&probe));

        // A model of an older version had other features: it is refused, not misread.
        let mut old = r.to_bytes();
        old[4..8].copy_from_slice(&4u32.to_le_bytes());
        assert!(matches!(
            Recognizer::from_bytes(&old),
            Err(ModelError::UnsupportedVersion { found: 4, .. })
        ));
    }

    /// Tokens from `form/XPOS/head/deprel` items (heads 1-based, 0 the root), as the tagger
    /// and parser would give them.
    fn analysed(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|item| {
                let parts: Vec<&str> = item.split('/').collect();
                let head: usize = parts[2].parse().unwrap();
                Token {
                    form: parts[0].to_string(),
                    xpos: parts[1].to_string(),
                    head: head.checked_sub(1),
                    deprel: parts[3].to_string(),
                    space_after: true,
                    ..Token::default()
                }
            })
            .collect()
    }

    /// The post-rules' mentions of `toks` from the model's `model`, as (text, kind).
    fn named(toks: &[Token], model: Vec<Mention>) -> Vec<(String, EntityType)> {
        post_rules(toks, model, gazetteer())
            .into_iter()
            .map(|m| {
                let words: Vec<&str> = toks[m.start..m.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                (words.join(" "), m.kind)
            })
            .collect()
    }

    /// The places among [`named`]'s.
    fn places_named(toks: &[Token], model: Vec<Mention>) -> Vec<String> {
        named(toks, model)
            .into_iter()
            .filter(|(_, k)| *k == EntityType::Place)
            .map(|(w, _)| w)
            .collect()
    }

    fn organisations_found(text: &str, model: Vec<Mention>) -> Vec<(String, EntityType)> {
        named(&analysed(text), model)
    }

    #[test]
    fn a_listed_company_acting_as_a_subject_is_an_organisation() {
        let org = EntityType::Organization;
        // The subject of a verb, and a subject's conjunct.
        assert_eq!(
            organisations_found(
                "Netflix/NNP/2/nsubj raised/VBD/0/root prices/NNS/2/obj ././2/punct",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Pfizer/NNP/4/nsubj and/CC/3/cc Moderna/NNP/1/conj delivered/VBD/0/root doses/NNS/4/obj",
                vec![]
            ),
            vec![("Pfizer".to_string(), org), ("Moderna".to_string(), org)]
        );
        // An indirect object: who is fined, paid or given something.
        assert_eq!(
            organisations_found(
                "regulators/NNS/2/nsubj fined/VBD/0/root Netflix/NNP/2/iobj $/$/2/obj 5/CD/4/nummod",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        // A brand named as a product, or not as an actor, is not an organisation.
        for text in [
            "my/PRP$/2/nmod:poss Honda/NNP/3/nsubj broke/VBD/0/root down/RP/3/compound:prt",
            "I/PRP/2/nsubj bought/VBD/0/root an/DT/5/det Apple/NNP/5/compound laptop/NN/2/obj",
            "She/PRP/2/nsubj watched/VBD/0/root Netflix/NNP/2/obj",
            // Inside a longer capitalised name the model did not label.
            "Netflix/NNP/3/nsubj Originals/NNP/1/flat grew/VBD/0/root",
            // One word that is also a surname: the lists cannot tell the singer from the brand.
            "Swift/NNP/2/nsubj arrived/VBD/0/root in/IN/4/case Tokyo/NNP/2/obl",
        ] {
            let found: Vec<_> = organisations_found(text, vec![])
                .into_iter()
                .filter(|(_, k)| *k == org)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_name_whose_possessive_possesses_nothing_after_at_or_to_is_a_place() {
        let place = EntityType::Place;
        assert_eq!(
            organisations_found(
                "dinner/NN/0/root at/IN/4/case Del/NNP/4/compound Frisco/NNP/1/nmod 's/POS/4/case in/IN/7/case Philadelphia/NNP/1/nmod",
                vec![mention(2, 4, EntityType::Organization), mention(6, 7, place)]
            ),
            vec![("Del Frisco 's".to_string(), place), ("Philadelphia".to_string(), place)]
        );
        assert_eq!(
            organisations_found(
                "we/PRP/2/nsubj went/VBD/0/root to/IN/4/case Kenneally/NNP/2/obl 's/POS/4/case ././2/punct",
                vec![mention(3, 4, EntityType::Person)]
            ),
            vec![("Kenneally 's".to_string(), place)]
        );
        // A known place keeps its possessive out ("fighting near Russia's, and …").
        assert_eq!(
            organisations_found(
                "fighting/NN/0/root near/IN/3/case Russia/NNP/1/nmod 's/POS/3/case ,/,/1/punct",
                vec![mention(2, 3, EntityType::Place)]
            ),
            vec![("Russia".to_string(), EntityType::Place)]
        );
        // A person's full name, and a possessive before a quoted title, stay a person's.
        assert_eq!(
            organisations_found(
                "quotes/NNS/0/root from/IN/4/case Dan/NNP/4/compound Froomkin/NNP/1/nmod 's/POS/4/case ././1/punct",
                vec![mention(2, 4, EntityType::Person)]
            ),
            vec![("Dan Froomkin".to_string(), EntityType::Person)]
        );
        assert_eq!(
            organisations_found(
                "quotes/NNS/0/root from/IN/3/case Froomkin/NNP/1/nmod 's/POS/3/case \"/``/6/punct Briefing/NNP/3/nmod",
                vec![mention(2, 3, EntityType::Person)]
            ),
            vec![("Froomkin".to_string(), EntityType::Person)]
        );
        // A possessive that possesses something, or a name not after a preposition of place.
        for (text, kind) in [
            (
                "troops/NNS/0/root at/IN/5/case Kenneally/NNP/5/nmod:poss 's/POS/3/case border/NN/1/nmod",
                EntityType::Person,
            ),
            (
                "we/PRP/2/nsubj like/VBP/0/root Kenneally/NNP/2/obj 's/POS/3/case ././2/punct",
                EntityType::Person,
            ),
        ] {
            let start = text.split(' ').position(|w| w.starts_with("Kenneally")).unwrap();
            assert_eq!(
                organisations_found(text, vec![mention(start, start + 1, kind)]),
                vec![("Kenneally".to_string(), kind)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_name_after_a_storm_word_is_the_storms() {
        for (text, start) in [
            ("Hurricane Beryl made landfall", 0),
            ("as Tropical Storm Alberto neared", 1),
        ] {
            let t = tokens(text);
            let name = t
                .iter()
                .position(|x| x.form == "Beryl" || x.form == "Alberto")
                .unwrap();
            let out = post_rules(
                &t,
                vec![mention(name, name + 1, EntityType::Person)],
                gazetteer(),
            );
            assert_eq!(
                out.iter()
                    .map(|m| (m.start, m.end, m.kind))
                    .collect::<Vec<_>>(),
                vec![(start, name + 1, EntityType::Other)],
                "{text}"
            );
        }
        // A storm word inside a name of something else is left alone: no storm word before.
        let t = tokens("Beryl Smith made landfall");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
    }

    #[test]
    fn a_town_run_into_its_state_is_two_places() {
        let split = |text: &str| {
            let toks = tokens(text);
            let m = mention(1, toks.len() - 1, EntityType::Place);
            places_named(&toks, vec![m])
        };
        assert_eq!(
            split("in Miramar California ."),
            vec!["Miramar", "California"]
        );
        assert_eq!(
            split("in Kansas City Missouri ."),
            vec!["Kansas City", "Missouri"]
        );
        // Whole names, qualified regions and names with lowercase words stay one place.
        assert_eq!(split("in North Carolina ."), vec!["North Carolina"]);
        assert_eq!(split("in Baja California ."), vec!["Baja California"]);
        assert_eq!(
            split("in Tijuana Baja California ."),
            vec!["Tijuana Baja California"]
        );
        assert_eq!(
            split("in Santa Fe New Mexico ."),
            vec!["Santa Fe", "New Mexico"]
        );
        assert_eq!(split("in Gulf of Mexico ."), vec!["Gulf of Mexico"]);
    }

    #[test]
    fn an_unlabelled_country_standing_alone_is_a_place() {
        let found = |text: &str| named(&tokens(text), vec![]);
        assert_eq!(
            found("we ventured into Cuba then"),
            vec![("Cuba".to_string(), EntityType::Place)]
        );
        assert_eq!(
            found("exports from North Korea rose"),
            vec![("North Korea".to_string(), EntityType::Place)]
        );
        // Beside another capitalised word it may be part of another name; a city says less.
        assert!(found("Cuba Gooding won").is_empty());
        assert!(found("we stayed in Springfield").is_empty());
    }

    #[test]
    fn a_lowercase_place_after_a_preposition_of_place_is_a_place() {
        let places = |text: &str| places_named(&tokens(text), vec![]);
        assert_eq!(places("we flew to florida last week"), vec!["florida"]);
        assert_eq!(
            places("is it safe travelling from lagos by bus"),
            vec!["lagos"]
        );
        assert_eq!(places("cheap hotels near new delhi ?"), vec!["new delhi"]);
        // Not after a preposition of place; a name that is also a common word.
        assert!(places("i love florida").is_empty());
        assert!(places("roast turkey in turkey").is_empty());
        assert!(places("she was reading in reading").is_empty());
        assert!(places("how to split a log").is_empty());
    }

    #[test]
    fn a_listed_company_attached_to_a_title_or_business_noun_is_an_organisation() {
        let org = EntityType::Organization;
        for (text, name) in [
            (
                "Shares/NNS/4/nsubj of/IN/3/case Nvidia/NNP/1/nmod rose/VBD/0/root",
                "Nvidia",
            ),
            (
                "a/DT/2/det spokesperson/NN/0/root for/IN/4/case Pfizer/NNP/2/nmod",
                "Pfizer",
            ),
            ("Netflix/NNP/2/compound founder/NN/0/root", "Netflix"),
            (
                "Moderna/NNP/3/nmod:poss 's/POS/1/case shareholders/NNS/4/nsubj voted/VBD/0/root",
                "Moderna",
            ),
            // People named by what they belong to.
            (
                "Greenpeace/NNP/2/compound activists/NNS/3/nsubj climbed/VBD/0/root",
                "Greenpeace",
            ),
        ] {
            assert_eq!(
                organisations_found(text, vec![]),
                vec![(name.to_string(), org)],
                "{text}"
            );
        }
        // A capitalised title is part of a name itself; a noun that is neither title nor
        // business says nothing.
        for text in [
            "the/DT/2/det Secretary/NNP/0/root of/IN/4/case Netflix/NNP/2/nmod",
            "the/DT/3/det Netflix/NNP/3/compound show/NN/0/root",
            // (One activist is no group of members.)
            "the/DT/3/det Greenpeace/NNP/3/compound activist/NN/0/root",
        ] {
            assert_eq!(organisations_found(text, vec![]), vec![], "{text}");
        }
    }

    #[test]
    fn a_name_called_a_company_in_an_apposition_is_an_organisation() {
        let org = EntityType::Organization;
        let per = EntityType::Person;
        // "Volkswagen invested in Zentrix, the electric truck maker." The model's person, and a
        // name the model left out.
        let text = "Volkswagen/NNP/2/nsubj invested/VBD/0/root in/IN/4/case Zentrix/NNP/2/obl \
                    ,/,/4/punct the/DT/9/det electric/JJ/8/amod truck/NN/9/compound \
                    maker/NN/4/appos ././2/punct";
        let toks = analysed(text);
        let found = |model| -> Vec<(String, EntityType)> {
            named(&toks, model)
                .into_iter()
                .filter(|(name, _)| name != "Volkswagen")
                .collect()
        };
        assert_eq!(
            found(vec![mention(3, 4, per)]),
            vec![("Zentrix".to_string(), org)]
        );
        assert_eq!(found(vec![]), vec![("Zentrix".to_string(), org)]);
        // A firm by any descriptor; not a person described by a role in a company.
        let text = "He/PRP/2/nsubj joined/VBD/0/root Kobalt/NNP/2/obj ,/,/3/punct a/DT/7/det \
                    Finnish/JJ/7/amod startup/NN/3/appos";
        assert!(named(&analysed(text), vec![]).contains(&("Kobalt".to_string(), org)));
        let text = "We/PRP/2/nsubj met/VBD/0/root Ilse/NNP/2/obj Varga/NNP/3/flat ,/,/3/punct \
                    the/DT/10/det company/NN/8/nmod:poss 's/POS/7/case chief/JJ/10/amod \
                    executive/NN/3/appos";
        assert_eq!(
            named(&analysed(text), vec![mention(2, 4, per)]),
            vec![("Ilse Varga".to_string(), per)]
        );
    }

    #[test]
    fn a_listed_company_the_model_read_as_a_city_or_person_is_an_organisation_as_a_subject() {
        let org = EntityType::Organization;
        assert_eq!(
            organisations_found(
                "Toyota/NNP/2/nsubj recalled/VBD/0/root cars/NNS/2/obj",
                vec![mention(0, 1, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Goldman/NNP/2/compound Sachs/NNP/3/nsubj raised/VBD/0/root its/PRP$/5/nmod:poss target/NN/3/obj",
                vec![mention(0, 2, EntityType::Person)]
            ),
            vec![("Goldman Sachs".to_string(), org)]
        );
        // As the place of an event, the city stays a city.
        assert_eq!(
            organisations_found(
                "Talks/NNS/3/nsubj were/VBD/3/cop in/IN/4/case Toyota/NNP/0/root",
                vec![mention(3, 4, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), EntityType::Place)]
        );
    }

    #[test]
    fn the_word_table_decodes_exactly_as_probing_each_previous_label() {
        let mut sents = Vec::new();
        for (name, org) in [
            ("Anna Berg", "Norsk Hydro"),
            ("Jon Lind", "Statoil"),
            ("Eva Holm", "Telenor Group"),
            ("Per Dahl", "Equinor"),
        ] {
            let text = format!("{name} joined {org} in May , said {org} .");
            let toks = tokens(&text);
            let m = org.split(' ').count();
            let mentions = vec![
                mention(0, 2, EntityType::Person),
                mention(3, 3 + m, EntityType::Organization),
                mention(8 + m, 8 + 2 * m, EntityType::Organization),
            ];
            sents.push(Sentence {
                tokens: toks,
                mentions,
                ..Sentence::default()
            });
        }
        let r = Recognizer::train(
            &sents,
            &NerOptions {
                iterations: 4,
                word_dropout: 0.0,
                ensemble: 1,
                ..NerOptions::default()
            },
        );
        let r = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert!(
            !r.words.keys.is_empty(),
            "the words with pairings were saved"
        );
        let mut with_weights = 0;
        for text in [
            "Eva Holm joined Statoil in May .",
            "said Equinor , joined Anna Berg",
            "Per Dahl said Norsk Hydro joined Telenor Group .",
        ] {
            let statics = static_features(&tokens(text), gazetteer(), &r.clusters, &r.vectors);
            assert_eq!(
                viterbi(&r.weights, &r.label_rows, Some(&r.words), &statics),
                viterbi(&r.weights, &r.label_rows, None, &statics),
                "{text}"
            );
            // Each word's block is what probing each previous label gives.
            for st in &statics {
                let mut probed = [[0f32; N_CLASSES]; N_CLASSES];
                for (prev, row) in probed.iter_mut().enumerate() {
                    let l = label_hash(prev as u16);
                    r.weights
                        .add_feature(feature2(tpl::PREV_LABEL_LOWER, l, st[1]), row);
                }
                let table = r.words.rows(st[1]).copied().unwrap_or_default();
                assert_eq!(table, probed, "{text}");
                with_weights += usize::from(probed.iter().flatten().any(|&w| w != 0.0));
            }
        }
        assert!(with_weights > 0, "some words have pairings");
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let mut sents = Vec::new();
        for (name, city) in [
            ("Anna Berg", "Oslo"),
            ("Jon Lind", "Bergen"),
            ("Eva Holm", "Tromso"),
        ] {
            let text = format!("{name} lives in {city} .");
            let toks = tokens(&text);
            let n = toks.len();
            sents.push(Sentence {
                tokens: toks,
                mentions: vec![
                    mention(0, 2, EntityType::Person),
                    mention(n - 2, n - 1, EntityType::Place),
                ],
                ..Sentence::default()
            });
        }
        let r = Recognizer::train(
            &sents,
            &NerOptions {
                iterations: 5,
                ..NerOptions::default()
            },
        );
        let r = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        let got = r.predict(&tokens("Anna Berg lives in Oslo ."));
        assert_eq!(
            got,
            vec![
                mention(0, 2, EntityType::Person),
                mention(4, 5, EntityType::Place)
            ]
        );
        assert!(Recognizer::from_bytes(b"nope").is_err());
    }
}
