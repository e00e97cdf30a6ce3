//! The clause extractor: statements from labelled dependency trees, in the manner of ClausIE
//! (Del Corro and Gemulla 2013).
//!
//! Every predicate of a sentence — a verb, a nominal or adjective with a copula, an apposition —
//! becomes a clause with its subjects, objects and prepositional circumstances read off the tree.
//! Then:
//!
//! - coordinations are expanded (`Kim and Putin met` has two subjects, `toured … and discussed`
//!   shares its subject), symmetric verbs with coordinated subjects relate the conjuncts to each
//!   other (`Kim and Putin met` → Kim meet Putin);
//! - passives are read actively when the agent is present (`a delegation led by Liu` → Liu lead
//!   delegation); relative clauses and participles take their head noun as argument;
//! - `xcomp` chains fold into one relation (`agreed to set up`), and control verbs of intention or
//!   expectation become modality (`is expected to seek` → seek, expected);
//! - a verb without an object takes its first prepositional argument into the relation (`arrived
//!   at`), the others stay qualifiers with their preposition and a role;
//! - `X said that P`, `P, X said` and `according to X` attribute P to X; negation and modal
//!   auxiliaries are attributes, never dropped;
//! - appositions and copulas state roles: `Lim, South Korea's Foreign Ministry spokesperson` →
//!   Lim `spokesperson of` Foreign Ministry (lemma `<role noun> of`, the convention shared with
//!   the entity step), and `be` with the role as a concept when no organisation is named.
//!
//! Each clause has two renderings: the normalised [`Statement`] for the graph (minimal argument
//! texts, active voice, lemmas) and a surface tuple in the words of the sentence for OpenIE
//! benchmarks (CaRB). A few readings are kept for the surface only ([`Extraction::in_graph`] is
//! false): clausal objects (`X said that …`) and possessives read as `has`, which are facts about
//! the text rather than about entities.
//!
//! Confidence is a logistic model over [`N_FEATURES`] features of the clause, with weights fitted
//! on CaRB dev by `kg eval carb --fit-confidence` (see [`crate::confidence`]).

use crate::doc::{Document, EntityType, Sentence, Token, Upos};
use crate::gazetteer::gazetteer;
use crate::statement::{
    Argument, ArgumentKind, Literal, Modality, Provenance, Qualifier, Relation, Role, Statement,
};

/// Number of confidence features ([`Extraction::features`]).
pub const N_FEATURES: usize = 24;

/// Names of the confidence features, in order.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "origin_verb",
    "origin_copula",
    "origin_apposition",
    "origin_possessive",
    "origin_nominal_event",
    "clausal_object",
    "subject_inherited",
    "has_object",
    "qualifiers",
    "subject_unresolved",
    "passive",
    "sentence_length",
    "subject_length",
    "object_length",
    "extractions_in_sentence",
    "negated_or_modal",
    "relation_length",
    "predicate_is_root",
    "predicate_in_relative_or_participle",
    "predicate_subordinate",
    "predicate_conjunct",
    "object_from_preposition",
    "attributed",
];

/// Verbs whose coordinated subjects act on each other: "X and Y met" means X met Y.
/// Common nouns that classify a place named after "of": "the city of Odesa", "the island of
/// Java", "the province of Hubei". ("capital" is not one: the capital of France is not France.)
/// Nouns that count or measure what their "of" names ("dozens of prisoners", "$2 billion
/// worth of shares", "a series of attacks"), as an argument; as what an apposition or a copula
/// says, the noun itself ("Nihon Hidankyo, a group of atomic bomb survivors" is a group).
const COUNTING_NOUNS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "scores",
    "tens",
    "handful",
    "worth",
    "lot",
    "lots",
    "series",
    "couple",
    "pair",
    "group",
];
/// Counting nouns only after "a": "a number of countries", not "the number of deaths rose".
const COUNTING_AFTER_A: &[&str] = &["number", "total"];

const PLACE_CLASS_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "province",
    "region",
    "state",
    "island",
    "islands",
    "district",
    "county",
    "prefecture",
    "municipality",
    "enclave",
    "emirate",
];

const SYMMETRIC: &[&str] = &[
    "meet",
    "convene",
    "talk",
    "negotiate",
    "confer",
    "clash",
    "reconcile",
    "compete",
];
/// Event nouns that take "between X and Y": "talks between X and Y" means X met Y.
const MEETING_NOUNS: &[&str] = &["meeting", "talk", "talks", "summit", "encounter"];
/// Verbs that report speech or belief: their subject is the source of their clausal complement.
const SAYING: &[&str] = &[
    "say", "tell", "report", "announce", "claim", "state", "add", "warn", "insist", "confirm",
    "deny", "write", "note", "argue", "declare", "believe", "think",
];
/// Verbs that report a clause as someone's finding or estimate ("the judge ruled that …",
/// "researchers found that …"): the clause is theirs, like a saying verb's; unlike one, they
/// have other uses too ("found the key", "shown on television"), which keep their readings.
const FINDING: &[&str] = &[
    "rule",
    "find",
    "conclude",
    "allege",
    "estimate",
    "predict",
    "admit",
    "acknowledge",
    "reveal",
    "suggest",
    "show",
];

/// Whether a verb (lemma) reports a clause as its subject's: a saying or a finding verb.
fn reports(lemma: &str) -> bool {
    SAYING.contains(&lemma) || FINDING.contains(&lemma)
}
/// Verbs of harm and custody that news never uses without an object: one without its object
/// after a passive is that passive with "were" left out ("40 were killed and dozens injured").
const ALWAYS_TRANSITIVE: &[&str] = &[
    "injure",
    "wound",
    "kill",
    "hurt",
    "arrest",
    "detain",
    "displace",
    "evacuate",
    "hospitalise",
    "hospitalize",
    "abduct",
    "kidnap",
    "capture",
    "jail",
    "imprison",
];
/// Nouns that make a preposition with the prepositions around them ("in exchange for", "in
/// response to", "on behalf of", "in the wake of", "in front of", "as part of").
const COMPLEX_PREPOSITION_NOUNS: &[&str] = &[
    "exchange",
    "response",
    "retaliation",
    "behalf",
    "wake",
    "front",
    "support",
    "protest",
    "favour",
    "favor",
    "memory",
    "honour",
    "honor",
    "addition",
    "spite",
    "light",
    "part",
    "charge",
    "violation",
    "defiance",
    "solidarity",
    "connection",
];
/// Verbs whose object does what the infinitive after it says ("forced residents to flee").
const OBJECT_CONTROL: &[&str] = &[
    "force",
    "urge",
    "ask",
    "allow",
    "require",
    "order",
    "encourage",
    "persuade",
    "compel",
    "push",
    "invite",
    "prompt",
    "cause",
    "help",
    "permit",
    "enable",
    "oblige",
    "call",
];
/// Object-control verbs that ask for what the infinitive says rather than bring it about:
/// "urged Congress to approve" states no approval ([`Modality::Requested`]); "forced residents
/// to flee" states the flight.
const REQUESTING: &[&str] = &[
    "urge",
    "ask",
    "order",
    "encourage",
    "invite",
    "call",
    "require",
    "push",
];
/// Verbs that say someone did something, named by a gerund after "of", "for" or "with":
/// "accused Russia of blowing up the dam", "blamed the army for shelling …". The act is the
/// accuser's claim ([`Self::accused_act`]); after "convict", a court's finding, it is stated.
/// ("charged with" is left out: a board is charged with reviewing plans.)
const ACCUSING: &[&str] = &["accuse", "suspect", "blame", "convict"];
/// Verbs whose indirect object bears an amount: "fined Apple 1.8 billion euros" fines Apple.
const PENALISING: &[&str] = &["fine", "charge", "cost", "bill"];
/// Governors of an `xcomp` that make the embedded verb expected rather than asserted.
const EXPECTING: &[&str] = &["expect", "likely", "set", "due", "poise", "unlikely"];
/// Governors of an `xcomp` that make the embedded verb planned.
const PLANNING: &[&str] = &[
    "plan", "intend", "aim", "want", "hope", "seek", "try", "wish", "prepare", "vow", "pledge",
    "promise", "threaten",
];
/// Verbs that carry little meaning of their own and take it from their object noun: "hold talks
/// with X" is one relation with X as its object.
const LIGHT_VERBS: &[&str] = &[
    "hold", "have", "make", "take", "give", "pay", "conduct", "launch", "sign", "reach", "express",
];
/// Verbs whose object noun is aimed at someone or something by a preposition ("imposed
/// sanctions on Russia", "filed a lawsuit against Google"): like the light verbs, but only with
/// the prepositions of a target ([`TARGET_PREPOSITIONS`]).
const TARGETING_VERBS: &[&str] = &[
    "impose", "place", "file", "announce", "lift", "wage", "declare", "stage", "mount", "level",
    "open", "carry",
];
const TARGET_PREPOSITIONS: &[&str] = &["on", "against", "with", "into", "over"];

/// Where a clause comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Verb,
    Copula,
    Apposition,
    Possessive,
    NominalEvent,
}

/// An argument in the tree: its head token and the tokens of its span.
#[derive(Clone, Debug)]
struct Node {
    head: usize,
    /// Sorted token indices of the span (possibly with gaps where a relative clause was cut).
    tokens: Vec<usize>,
    /// Set when the node stands for something else than its tokens say (a resolved pair).
    resolved: Option<Argument>,
    /// The words that stand for it in the sentence when they are not its tokens: "it" in "the
    /// ministry said it had …". The OpenIE reading shows them.
    written: Option<Vec<usize>>,
}

/// A prepositional or oblique argument of a clause.
#[derive(Clone, Debug)]
struct Qual {
    role: Role,
    /// Preposition tokens ("according to" is two).
    prep: Vec<usize>,
    node: Node,
}

/// One clause before it is rendered.
#[derive(Clone, Debug)]
struct Clause {
    origin: Origin,
    pred: usize,
    subjects: Vec<Node>,
    subject_inherited: bool,
    /// Surface relation tokens, in sentence order.
    rel: Vec<usize>,
    /// Words of the surface relation that are not in the sentence ("is", "has"), put first.
    rel_synthetic: Option<&'static str>,
    lemma: String,
    objects: Vec<Node>,
    /// The object is a clause (ccomp), kept for the surface only.
    clausal_object: bool,
    quals: Vec<Qual>,
    agent: Option<Node>,
    passive: bool,
    negated: bool,
    modality: Modality,
    attribution: Option<Node>,
    in_graph: bool,
    /// For symmetric verbs: relate coordinated subjects to each other.
    symmetric: bool,
}

/// A clause rendered both ways.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub statement: Statement,
    /// The tuple in the sentence's words; `None` for statements with no reading of their own
    /// (the second pair of a symmetric verb, duplicates).
    pub surface: Option<Surface>,
    /// Whether the statement belongs in the knowledge graph (see the module documentation).
    pub in_graph: bool,
    pub features: [f32; N_FEATURES],
}

/// An extraction in the words of the sentence (OpenIE style): arguments are spans as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surface {
    pub arg1: String,
    pub relation: String,
    /// The object first when there is one, then prepositional arguments with their preposition.
    pub args: Vec<String>,
}

/// The graph statements of an annotated document.
pub fn extract(document: &Document) -> Vec<Statement> {
    analyse(document)
        .into_iter()
        .filter(|e| e.in_graph)
        .map(|e| e.statement)
        .collect()
}

/// Every extraction of an annotated document, with surface forms and confidence features.
pub fn analyse(document: &Document) -> Vec<Extraction> {
    let mut out = Vec::new();
    let mut last_pair: Option<[Argument; 2]> = None;
    let mut offsets = document.char_offsets();
    for (index, sentence) in document.sentences.iter().enumerate() {
        if sentence.tokens.is_empty() {
            continue;
        }
        let provenance = Provenance {
            document_id: document.id.clone(),
            sentence_index: index,
            sentence_start: offsets.at(sentence.start),
            sentence_end: offsets.at(sentence.end),
            sentence_text: document.text[sentence.start..sentence.end].to_owned(),
        };
        let view = View::new(document, sentence);
        let mut extractions = view.extractions(&provenance, &last_pair);
        let n = extractions.len() as f32;
        for e in &mut extractions {
            e.features[15] = (n / 10.0).min(2.0);
            e.statement.confidence = crate::confidence::score(&e.features);
        }
        out.extend(extractions);
        if let Some(pair) = view.coordinated_pair() {
            last_pair = Some(pair);
        }
    }
    out
}

/// A sentence with its tree indexed for the extractor.
struct View<'a> {
    document: &'a Document,
    sentence: &'a Sentence,
    t: &'a [Token],
    children: Vec<Vec<usize>>,
}

/// Complex prepositions whose first word parsers (and UD EWT itself, at times) attach to the verb
/// as an adverb: the pair of the adverb and the preposition it goes with.
const COMPLEX_PREPOSITION_HEADS: [(&str, &str); 16] = [
    ("ahead", "of"),
    ("instead", "of"),
    ("because", "of"),
    ("out", "of"),
    ("regardless", "of"),
    ("irrespective", "of"),
    ("prior", "to"),
    ("close", "to"),
    ("next", "to"),
    ("due", "to"),
    ("according", "to"),
    ("along", "with"),
    ("together", "with"),
    ("away", "from"),
    ("apart", "from"),
    ("far", "from"),
];

/// Subordinators that open adverbial clauses, never objects.
const ADVERBIAL_MARKERS: [&str; 12] = [
    "until", "till", "because", "when", "after", "before", "while", "since", "although", "though",
    "unless", "once",
];

fn lower(t: &Token) -> String {
    t.form.to_lowercase()
}

fn lemma(t: &Token) -> String {
    if t.lemma.is_empty() {
        t.form.to_lowercase()
    } else {
        t.lemma.to_lowercase()
    }
}

fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

impl<'a> View<'a> {
    fn new(document: &'a Document, sentence: &'a Sentence) -> View<'a> {
        let t = &sentence.tokens[..];
        let mut children = vec![Vec::new(); t.len()];
        for (i, tok) in t.iter().enumerate() {
            if let Some(h) = tok.head {
                if h < t.len() && h != i {
                    children[h].push(i);
                }
            }
        }
        View {
            document,
            sentence,
            t,
            children,
        }
    }

    fn rel(&self, i: usize) -> &str {
        &self.t[i].deprel
    }

    fn kids<'s>(&'s self, i: usize, deprel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.t[c].deprel == deprel)
    }

    fn kids_base<'s>(&'s self, i: usize, deprel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| base(&self.t[c].deprel) == deprel)
    }

    fn text(&self, i: usize) -> &str {
        let t = &self.t[i];
        &self.document.text[t.start..t.end]
    }

    /// The words of tokens as written, joined by single spaces.
    fn words(&self, tokens: &[usize]) -> String {
        tokens
            .iter()
            .map(|&i| self.text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text of the contiguous range covering `tokens`, as written.
    fn span_text(&self, start: usize, end: usize) -> String {
        self.document.text[self.t[start].start..self.t[end - 1].end].to_owned()
    }

    /// Tokens of the subtree of `head`, leaving out children for which `cut` holds.
    fn span(&self, head: usize, cut: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![head];
        while let Some(i) = stack.pop() {
            out.push(i);
            for &c in &self.children[i] {
                if !cut(c) {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        // Trim punctuation, conjunctions and markers at the edges.
        while out.len() > 1 {
            let f = out[0];
            if f != head
                && (matches!(self.t[f].upos, Upos::Punct | Upos::Cconj)
                    || matches!(self.rel(f), "mark" | "cc"))
            {
                out.remove(0);
            } else {
                break;
            }
        }
        while out.len() > 1 {
            let l = *out.last().unwrap();
            if l != head && (self.t[l].upos == Upos::Punct || self.rel(l) == "cc") {
                out.pop();
            } else {
                break;
            }
        }
        // Brackets or quotes left unbalanced by the cut.
        out
    }

    /// An argument node: the subtree without relative clauses, appositions, coordination and
    /// clause-level attachments.
    fn node(&self, head: usize) -> Node {
        let tokens = self.span(head, &|c| self.cut_from_argument(head, c));
        Node {
            head,
            tokens,
            resolved: None,
            written: None,
        }
    }

    fn cut_from_argument(&self, head: usize, c: usize) -> bool {
        let r = self.rel(c);
        let direct = self.t[c].head == Some(head);
        matches!(
            base(r),
            "acl" | "appos" | "parataxis" | "advcl" | "dep" | "list" | "vocative" | "discourse"
        ) && r != "acl" // participles and infinitives stay: "a delegation led by Liu"
            || (direct && matches!(base(r), "conj" | "cc"))
            || (direct
                && matches!(base(r), "nsubj" | "cop" | "aux" | "csubj" | "ccomp" | "mark" | "expl"))
            || (r == "acl" && self.is_predicate(c))
    }

    /// A node whose relative word is replaced by the noun the relative clause modifies.
    fn resolve_relative(&self, n: Node) -> Node {
        let w = lower(&self.t[n.head]);
        let is_rel = matches!(w.as_str(), "who" | "which" | "that" | "whom")
            && (self.t[n.head].upos == Upos::Pron || self.t[n.head].xpos.starts_with('W'));
        if !is_rel {
            return n;
        }
        // Walk up to the relative clause and take its head noun.
        let mut cur = n.head;
        while let Some(h) = self.t[cur].head {
            if matches!(self.rel(cur), "acl:relcl" | "advcl:relcl") {
                return self.node(self.antecedent(h, &w));
            }
            cur = h;
        }
        n
    }

    /// The noun a relative clause with relative word `w` modifies, given the one the parser
    /// attached it to. "which" never stands for a person, and "that" hardly ever for a person's
    /// name, which needs no restricting: in "a meeting with President Putin that sparked
    /// concern" the meeting sparked it. Such a name inside a prepositional phrase gives way to the
    /// noun the phrase modifies.
    fn antecedent(&self, h: usize, w: &str) -> usize {
        let person_name = self.entity_kind(h) == Some(EntityType::Person)
            || (self.t[h].upos == Upos::Propn && w == "which");
        if !matches!(w, "which" | "that") || !person_name {
            return h;
        }
        // The noun above the name's preposition: the name's own head when the preposition is
        // its case marker, or the head of a preposition the parser made the name's head.
        let Some(mut g) = self.t[h].head else {
            return h;
        };
        let through_preposition = if self.t[g].upos == Upos::Adp {
            match self.t[g].head {
                Some(above) => {
                    g = above;
                    true
                }
                None => false,
            }
        } else {
            base(self.rel(h)) == "nmod" && self.kids(h, "case").next().is_some()
        };
        if through_preposition && self.t[g].upos == Upos::Noun {
            g
        } else {
            h
        }
    }

    /// Whether `i` heads a clause of its own.
    fn is_predicate(&self, i: usize) -> bool {
        let t = &self.t[i];
        let r = base(&t.deprel);
        if self.kids(i, "cop").next().is_some() {
            return !matches!(r, "amod" | "compound" | "fixed" | "flat");
        }
        match t.upos {
            Upos::Verb => match r {
                "root" | "conj" | "ccomp" | "advcl" | "parataxis" | "csubj" | "list" | "dep" => {
                    true
                }
                "acl" => {
                    t.deprel.starts_with("acl:relcl")
                        // A finite verb with a subject of its own is a clause whatever the
                        // parser hung it on.
                        || self.kids_base(i, "nsubj").next().is_some()
                        || matches!(t.xpos.as_str(), "VBN" | "VBG")
                            && self.kids(i, "mark").next().is_none()
                        || self.controlled_infinitive_on_object(i)
                        || self.accused_act(i).is_some()
                }
                // An xcomp folds into its governor's clause unless that is no clause, or it says
                // what the governor's object is to do ("urged Congress to approve").
                "xcomp" => {
                    !t.head.is_some_and(|h| self.is_predicate(h))
                        || t.head.is_some_and(|h| self.object_controlled(h))
                }
                _ => false,
            },
            Upos::Aux => {
                matches!(r, "root" | "conj" | "ccomp" | "advcl" | "parataxis")
                    && self.kids_base(i, "nsubj").next().is_some()
                    && matches!(lemma(t).as_str(), "be" | "have")
            }
            _ => false,
        }
    }

    /// The main subjects of a predicate, coordination expanded; relative words resolved.
    fn own_subjects(&self, p: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut kept = Vec::new();
        let is_subject =
            |c: usize| matches!(self.rel(c), "nsubj" | "nsubj:pass" | "csubj" | "csubj:pass");
        for c in self.children[p].iter().copied() {
            // A subject inside a name that another subject's phrase begins is a piece of that
            // name the parser cut off ("Researchers at the University of Cape | Town have …").
            let fragment = self.mention_at(c).is_some_and(|m| {
                m.start < c
                    && self.children[p]
                        .iter()
                        .any(|&d| d != c && is_subject(d) && self.dominates(d, m.start))
            });
            if is_subject(c) && !fragment {
                kept.push(c);
            }
        }
        // A clause has one subject (and its conjuncts). Several are the parser's mistake
        // ("since January because poor harvests … cut supplies, traders said" gave "said" four);
        // the one nearest before the predicate is the likeliest, else the nearest after it. This
        // also drops a title the parser made a subject beside its name ("North Korean leader |
        // Kim Jong Un has departed").
        let nearest = kept
            .iter()
            .copied()
            .filter(|&c| c < p)
            .max()
            .or_else(|| kept.iter().copied().min());
        if let Some(c) = nearest {
            // Coordinated titled names, read off the mentions: the parser often cuts them
            // wrongly ("Kim Jong Un and Russian | President Vladimir Putin convened", with the
            // adjective as the conjunct and Putin a list item of Kim).
            // The nearest subject may be the pair's second name, the first an earlier subject
            // ("Russian President Vladimir Putin and North Korean leader | Kim Jong Un met",
            // with both names subjects of "met").
            // Or the first name is no subject at all ("Secretary of State Antony Blinken and
            // Chinese Foreign Minister Wang Yi met", with "Blinken" an oblique): a pair of
            // mentions whose second name holds the nearest subject.
            let pair = self.named_pair_at(c).or_else(|| {
                let earlier = kept.iter().copied().filter(|&k| k < c);
                let mentions = self.sentence.mentions.iter().map(|m| {
                    // The mention's head word.
                    (m.start..m.end)
                        .find(|&k| self.t[k].head.is_none_or(|h| h < m.start || h >= m.end))
                        .unwrap_or(m.start)
                });
                // (The nearest subject must be in the second name itself, not a title before it:
                // "talks between Putin and North Korean leader | Kim have ended" are no pair.)
                let named_c = self.mention_at(c);
                // Nor is a name in a prepositional phrase a subject ("talks between Putin and
                // …"): no word from the mention's head up to the predicate has a preposition.
                let unmarked = |k: usize| {
                    let mut x = k;
                    for _ in 0..self.t.len() {
                        if x == p {
                            return true;
                        }
                        if self.kids(x, "case").next().is_some() {
                            return false;
                        }
                        match self.t[x].head {
                            Some(h) => x = h,
                            None => return false,
                        }
                    }
                    false
                };
                let mentions = mentions.filter(|&k| k < c && unmarked(k));
                earlier.chain(mentions).find_map(|k| {
                    self.named_pair_at(k).filter(|[_, b]| {
                        named_c.is_some_and(|m| (m.start..m.end).contains(&b.head))
                    })
                })
            });
            if let Some(pair) = pair {
                if self.conjuncts(c).len() < 2 {
                    return pair.into();
                }
            }
            for x in self.conjuncts(c) {
                let x = self.appositive_name(x).unwrap_or(x);
                out.push(self.resolve_relative(self.node(x)));
            }
        }
        out
    }

    /// The person a common-noun subject is set off as ("Its leader, Luis Montenegro, promised
    /// …"): the name says who acted, and the apposition gives the role a statement of its own.
    /// The name may follow the noun's "of" phrase: "the head of the central bank, Godwin
    /// Emefiele," names the head (a person noun or title), not the bank.
    fn appositive_name(&self, x: usize) -> Option<usize> {
        if self.t[x].upos != Upos::Noun {
            return None;
        }
        let named = |h: usize| {
            self.kids(h, "appos").find(|&a| {
                self.t[a].upos == Upos::Propn
                    && self.entity_kind(a) == Some(EntityType::Person)
                    && self.set_off_or_adjacent(h, a)
            })
        };
        named(x).or_else(|| {
            if !self.person_noun(x) {
                return None;
            }
            self.kids(x, "nmod")
                .filter(|&n| {
                    self.t[n].upos == Upos::Noun
                        && !self.person_noun(n)
                        && self.prep_text(&self.preposition(n)) == "of"
                })
                .find_map(named)
        })
    }

    /// The person an object is set off as, when the object names a person ("killed an engineer,
    /// Asi Ali"): the parser hangs a later apposition on the nearest noun too ("the attorney
    /// who helped draft the request, Charles Robinson," names no request).
    fn object_name(&self, x: usize) -> Option<usize> {
        self.person_noun(x)
            .then(|| self.appositive_name(x))
            .flatten()
    }

    /// Whether a common noun names a person: a title or a WordNet person noun ("head" too,
    /// a body part first in WordNet).
    fn person_noun(&self, h: usize) -> bool {
        gazetteer().is_title(&self.t[h].form)
            || gazetteer().is_person_noun(&self.t[h].lemma.to_lowercase())
            || lower(&self.t[h]) == "head"
    }

    /// `c` and the tokens coordinated with it.
    fn conjuncts(&self, c: usize) -> Vec<usize> {
        let mut out = vec![c];
        let mut i = 0;
        while i < out.len() {
            let x = out[i];
            for k in self.kids(x, "conj") {
                // A coordinated clause is not a coordinated argument.
                if !self.is_predicate(k) && self.t[k].upos != Upos::Verb {
                    out.push(k);
                }
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// Subjects of a predicate: its own, or those it shares with its governor.
    fn subjects(&self, p: usize, depth: usize) -> (Vec<Node>, bool) {
        let own = self.own_subjects(p);
        if !own.is_empty() || depth > 4 {
            return (own, false);
        }
        let Some(h) = self.t[p].head else {
            return (own, false);
        };
        let r = self.rel(p).to_owned();
        if let Some((_, who)) = self.accused_act(p) {
            return (who.into_iter().map(|w| self.node(w)).collect(), true);
        }
        match base(&r) {
            // Object control: in "officials expect Kim to travel", the one who travels is the
            // governor's object (UD: an xcomp's subject is the governor's obj when it has one).
            // (The parser often makes that infinitive an adverbial clause after a verb of making
            // or asking someone do something: "forcing thousands of residents | to flee". After
            // other verbs it is a purpose, whose subject is the governor's: "killed him to have
            // her for herself".)
            "xcomp" | "advcl"
                if !self.controllers(h).is_empty()
                    && (base(&r) == "xcomp"
                        || (self.t[p].xpos == "VB"
                            && OBJECT_CONTROL.contains(&lemma(&self.t[h]).as_str())
                            && self.kids(p, "mark").any(|m| lower(&self.t[m]) == "to"))) =>
            {
                let controllers = self
                    .controllers(h)
                    .into_iter()
                    .flat_map(|o| self.conjuncts(o))
                    .map(|o| self.node(o))
                    .collect();
                (controllers, true)
            }
            // The infinitive hung on the object itself: "urged shareholders | to reject the
            // offer", "ordered the company | to pay" (an acl of the object, to the parser).
            "acl" if self.controlled_infinitive_on_object(p) => (vec![self.node(h)], true),
            "conj" | "xcomp" => (self.subjects(h, depth + 1).0, true),
            "advcl" if self.t[p].xpos == "VBG" || self.t[p].xpos == "VB" => {
                (self.subjects(h, depth + 1).0, true)
            }
            "acl" if !r.starts_with("acl:relcl") => {
                if self.t[p].xpos == "VBG" {
                    (vec![self.node(h)], true)
                } else {
                    (Vec::new(), true)
                }
            }
            _ => (own, false),
        }
    }

    /// The preposition tokens of an oblique or nominal modifier: its `case` child with any
    /// `fixed` words ("according to", "because of").
    fn preposition(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.kids(n, "case") {
            if self.t[c].xpos == "POS" {
                continue;
            }
            out.push(c);
            out.extend(self.kids(c, "fixed"));
        }
        out.sort_unstable();
        // The first word of a complex preposition that the parser attached as an adverb of the
        // verb: "finished ahead of", "acted instead of".
        if let Some(&first) = out.first() {
            let before = first.wrapping_sub(1);
            let joins = first > 0
                && COMPLEX_PREPOSITION_HEADS.contains(&(
                    lower(&self.t[before]).as_str(),
                    lower(&self.t[first]).as_str(),
                ))
                && !out.contains(&before)
                && (self.t[before].head == self.t[n].head || self.t[before].head == Some(n));
            if joins {
                out.insert(0, before);
            }
        }
        out
    }

    fn prep_text(&self, prep: &[usize]) -> String {
        prep.iter()
            .map(|&i| lower(&self.t[i]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn is_time(&self, head: usize) -> bool {
        self.sentence
            .timexes
            .iter()
            .any(|x| x.start <= head && head < x.end)
    }

    fn mention_at(&self, head: usize) -> Option<&crate::doc::Mention> {
        self.sentence
            .mentions
            .iter()
            .find(|m| m.start <= head && head < m.end)
    }

    fn entity_kind(&self, head: usize) -> Option<EntityType> {
        match self.argument(&self.node(head)).kind {
            ArgumentKind::Entity(k) => Some(k),
            _ => None,
        }
    }

    /// A number, a quantity, or a word that measures one ("a quarter", "two points").
    fn is_amount(&self, head: usize) -> bool {
        self.t[head].upos == Upos::Num
            || self
                .sentence
                .quantities
                .iter()
                .any(|q| q.start <= head && head < q.end)
            || matches!(
                self.t[head].lemma.to_lowercase().as_str(),
                "percent" | "point" | "quarter" | "half" | "third" | "fifth" | "tenth" | "fraction"
            )
    }

    /// The role of a prepositional argument.
    fn role(&self, prep: &str, head: usize, deprel: &str) -> Role {
        if self.is_time(head) {
            // "in four years" on a past event is the gap before it ("their first summit in four
            // years"), not when it happened.
            let duration = self.sentence.timexes.iter().any(|x| {
                x.start <= head
                    && head < x.end
                    && x.value.as_deref().is_some_and(|v| v.starts_with('P'))
            });
            let past = self.t[head]
                .head
                .is_some_and(|v| matches!(self.t[v].xpos.as_str(), "VBD" | "VBN"));
            if duration && prep == "in" && past {
                return Role::Other;
            }
            return Role::Time;
        }
        let kind = self.entity_kind(head);
        let noun = matches!(self.t[head].upos, Upos::Noun | Upos::Propn);
        match prep {
            "" if deprel.contains("tmod") => Role::Time,
            "during" | "since" | "until" | "till" | "throughout" => Role::Time,
            // "raised rates by a quarter of a point", "fell by 5 percent": how much, not how;
            // "held rates at 5.25 percent": a level, not a place.
            "by" | "at" if self.is_amount(head) => Role::Other,
            "at" | "near" | "outside" | "inside" | "across" | "beside" | "within" if noun => {
                Role::Location
            }
            // In front of a building or a named place, not of people ("in front of the
            // audience", "in front of the man").
            "in front of"
                if matches!(kind, Some(EntityType::Place | EntityType::Organization))
                    || (noun
                        && kind.is_none()
                        && !gazetteer().is_agent_noun(&self.t[head].lemma.to_lowercase())) =>
            {
                Role::Location
            }
            // (Not "on": "sanctions on Russia", "a strike on Kyiv" are aimed at the place.)
            "in" | "into" | "around" | "from" | "to" | "towards" | "toward"
                if kind == Some(EntityType::Place) =>
            {
                Role::Location
            }
            "by" | "via" | "through" if noun && kind.is_none() => Role::Means,
            "to" | "for" if matches!(kind, Some(EntityType::Person | EntityType::Organization)) => {
                Role::Recipient
            }
            "about" | "over" | "regarding" | "concerning" | "on" if kind.is_none() => Role::Topic,
            _ => Role::Other,
        }
    }

    /// Prepositional arguments of a predicate (and its agent when passive). `according to X`
    /// is returned apart, as the attribution.
    fn obliques(&self, p: usize, passive: bool) -> (Vec<Qual>, Option<Node>, Option<Node>) {
        let mut quals = Vec::new();
        let mut agent = None;
        let mut according = None;
        for c in self.children[p].iter().copied() {
            let r = self.rel(c);
            if base(r) != "obl" {
                continue;
            }
            let prep = self.preposition(c);
            let ptext = self.prep_text(&prep);
            if ptext == "according to" {
                according = Some(self.node(c));
                continue;
            }
            if r == "obl:agent" || (passive && ptext == "by" && agent.is_none()) {
                agent = Some(self.node(c));
                continue;
            }
            for x in self.conjuncts(c) {
                // "in exchange for 183 prisoners", "in response to the attack": the phrase
                // after the noun is the argument, the whole the preposition.
                if let Some((inner, wide)) = self.complex_preposition(x, &prep) {
                    let mut node = self.node(inner);
                    node.tokens.retain(|i| !wide.contains(i));
                    let wide_text = self.prep_text(&wide);
                    quals.push(Qual {
                        role: self.role(&wide_text, inner, r),
                        prep: wide,
                        node,
                    });
                    continue;
                }
                let mut node = self.node(x);
                node.tokens.retain(|i| !prep.contains(i));
                quals.push(Qual {
                    role: self.role(&ptext, x, r),
                    prep: prep.clone(),
                    node,
                });
            }
        }
        (quals, agent, according)
    }

    /// A preposition made of a preposition, a noun and a preposition ("in exchange for", "in
    /// response to", "on behalf of", "in the wake of", "in front of") around the phrase `x`
    /// heads: the phrase after it, and all the words of the preposition.
    fn complex_preposition(&self, x: usize, prep: &[usize]) -> Option<(usize, Vec<usize>)> {
        let first = *prep.first()?;
        if !COMPLEX_PREPOSITION_NOUNS.contains(&lower(&self.t[x]).as_str())
            || !matches!(lower(&self.t[first]).as_str(), "in" | "on" | "as" | "at")
        {
            return None;
        }
        let inner = self.kids(x, "nmod").find(|&y| {
            y > x
                && self.kids(y, "case").next().is_some_and(|c| {
                    matches!(lower(&self.t[c]).as_str(), "of" | "for" | "to" | "with")
                })
        })?;
        // Only the preposition, an article and the noun before the inner phrase's own case.
        let case = self.kids(inner, "case").next()?;
        let words: Vec<usize> = (first..=case).collect();
        let plain = words.iter().all(|&i| {
            i == x
                || i == case
                || prep.contains(&i)
                || (self.t[i].upos == Upos::Det && self.t[i].head == Some(x))
        });
        plain.then_some((inner, words))
    }

    fn negated(&self, p: usize) -> Option<usize> {
        self.children[p].iter().copied().find(|&c| {
            matches!(base(self.rel(c)), "advmod")
                && matches!(lower(&self.t[c]).as_str(), "not" | "n't" | "never")
        })
    }

    /// Whether a subject or object of `p` is quantified by "no": "No civilians were killed",
    /// "found no weapons", "had no plans to attend" deny what the verb says.
    /// A comparison is no denial: "have no higher aim than glorifying Kim", "no other choice
    /// but to leave".
    fn denied_by_no(&self, p: usize) -> bool {
        self.children[p].iter().any(|&c| {
            matches!(self.rel(c), "nsubj" | "nsubj:pass" | "obj")
                && self.kids(c, "det").any(|d| lower(&self.t[d]) == "no")
                && !self.children[c].iter().any(|&m| {
                    matches!(self.t[m].xpos.as_str(), "JJR" | "RBR")
                        || matches!(lower(&self.t[m]).as_str(), "other" | "more" | "less")
                })
                && !self
                    .t
                    .get(c + 1)
                    .is_some_and(|n| matches!(lower(n).as_str(), "than" | "but"))
        })
    }

    fn aux_modality(&self, p: usize) -> Modality {
        let mut m = Modality::Asserted;
        for c in self.kids_base(p, "aux") {
            match lower(&self.t[c]).as_str() {
                "could" | "may" | "might" | "can" | "would" | "should" | "must" | "ca" => {
                    m = Modality::Possible
                }
                "will" | "shall" | "'ll" | "wo" => m = Modality::Future,
                _ => {}
            }
        }
        // A condition: "if the talks fail".
        if self.opened_by_if(p) {
            m = Modality::Possible;
        }
        m
    }

    /// Whether the clause of `p` is a condition: "if" or "unless" marks it.
    fn opened_by_if(&self, p: usize) -> bool {
        self.kids(p, "mark")
            .any(|c| matches!(lower(&self.t[c]).as_str(), "if" | "unless"))
    }

    /// The source of what a predicate says: the subject of a saying verb it is the complement
    /// of, or of a saying verb in parenthesis ("P, X said"), or "according to X".
    fn attribution(&self, p: usize) -> Option<Node> {
        self.reported_by(p).map(|(source, _)| source)
    }

    /// Whether the pronoun `subject` of a reported clause stands for the clause's `source`:
    /// "it" for a group or a thing that speaks ("the ministry", "Tass", not "the spokesman" or
    /// a person), "they" for a plural ("officials", "police"). Not in a copular clause, where
    /// "it" is often empty ("it is too early to say", "it seems") and "they" someone described
    /// ("reviewers said they were pushy": the staff).
    /// Only in the clause the verb reports, not one inside it ("analysts said the move would
    /// lift the value more than they did combined").
    fn pronoun_is_source(&self, p: usize, subject: &Node, source: &Node) -> bool {
        let [i] = subject.tokens[..] else {
            return false;
        };
        let mut q = p;
        while self.rel(q) == "conj" {
            match self.t[q].head {
                Some(h) => q = h,
                None => break,
            }
        }
        let saying = |v: &usize| reports(&lemma(&self.t[*v]));
        let verb = self.t[q]
            .head
            .filter(|h| matches!(base(self.rel(q)), "ccomp" | "parataxis") && saying(h))
            .or_else(|| self.kids_base(q, "parataxis").find(saying));
        let Some(verb) = verb else {
            return false;
        };
        if subject.resolved.is_some() || subject.written.is_some() {
            return false;
        }
        let pronoun = lower(&self.t[i]);
        let empty = self.rel(i).starts_with("expl")
            || self.t[i].head.is_some_and(|v| {
                self.kids(v, "cop").next().is_some()
                    || matches!(
                        lemma(&self.t[v]).as_str(),
                        "be" | "seem" | "appear" | "happen" | "matter" | "remain"
                    )
            });
        let h = source.head;
        let noun = &self.t[h];
        let lemma_lower = noun.lemma.to_lowercase();
        let kind = match self.argument(source).kind {
            ArgumentKind::Entity(k) => Some(k),
            ArgumentKind::Concept => None,
            _ => return false,
        };
        // Whom the source told may be meant instead: "the tribes warned the Taliban that if
        // they …" ("told reporters it would" leaves "it" to the source).
        let addressee = |plural: bool| {
            self.children[verb].iter().any(|&o| {
                matches!(base(self.rel(o)), "obj" | "iobj")
                    && if plural {
                        self.t[o].upos != Upos::Pron
                    } else {
                        matches!(self.t[o].xpos.as_str(), "NN" | "NNP")
                            && self.entity_kind(o) != Some(EntityType::Person)
                            && !gazetteer().is_person_noun(&self.t[o].lemma.to_lowercase())
                    }
            })
        };
        match pronoun.as_str() {
            "it" if !empty && !addressee(false) => match kind {
                Some(k) => k != EntityType::Person,
                None => noun.xpos == "NN" && !self.person_noun(h),
            },
            "they" if !empty && !addressee(true) => {
                kind.is_none()
                    && (noun.xpos == "NNS" || (noun.xpos == "NN" && lemma_lower == "police"))
            }
            _ => false,
        }
    }

    /// Whether the clause of `p` is reported by a verb of denial: "The Kremlin denied that
    /// troops had shelled the hospital" asserts, on the Kremlin's word, that they had not.
    fn denied(&self, p: usize) -> bool {
        self.reported_by(p)
            .is_some_and(|(_, verb)| lemma(&self.t[verb]) == "deny")
    }

    /// Whether a node is "each other" or "one another".
    fn reciprocal(&self, n: &Node) -> bool {
        let [a, b] = n.tokens[..] else {
            return false;
        };
        matches!(
            (lower(&self.t[a]).as_str(), lower(&self.t[b]).as_str()),
            ("each", "other") | ("one", "another")
        )
    }

    /// Whether the saying verb `v`, read as a complement of the clause before it, is the
    /// parenthetical "…, prosecutors said" that reports that clause: it follows its head after a
    /// comma, has its own subject (someone, not "this" or "it") and reports nothing else.
    fn said_after(&self, v: usize) -> bool {
        // (The comma is read before the subject the clause uses: the parser may hang a stray
        // word of the clause before on the saying verb.)
        let Some(subject) = self.own_subjects(v).into_iter().next() else {
            return false;
        };
        let start = subject.tokens.first().copied().unwrap_or(subject.head);
        self.t[v].head.is_some_and(|h| h < start)
            && start > 0
            && start < v
            && self.t[start - 1].form == ","
            && reports(&lemma(&self.t[v]))
            && !matches!(
                lower(&self.t[subject.head]).as_str(),
                "this" | "that" | "these" | "those" | "it" | "which" | "what"
            )
            && self.kids_base(v, "ccomp").next().is_none()
            && self.kids_base(v, "obj").next().is_none()
    }

    /// The source of a reported clause and the verb that reports it.
    fn reported_by(&self, p: usize) -> Option<(Node, usize)> {
        let mut cur = p;
        let mut steps = 0;
        loop {
            // "P, X said": a parenthetical saying verb attached to the clause (as parataxis,
            // or as a complement or modifier the parser turned round).
            let turned = self.children[cur].iter().copied().filter(|&c| {
                matches!(base(self.rel(c)), "ccomp" | "advcl" | "acl" | "dep") && self.said_after(c)
            });
            let parenthetical = self.kids_base(cur, "parataxis").chain(turned);
            for c in parenthetical {
                if reports(&lemma(&self.t[c])) && c != p {
                    if let Some(s) = self.own_subjects(c).into_iter().next() {
                        return Some((s, c));
                    }
                }
            }
            let h = self.t[cur].head?;
            if base(self.rel(cur)) == "ccomp" && reports(&lemma(&self.t[h])) {
                return self.own_subjects(h).into_iter().next().map(|s| (s, h));
            }
            // "X said P" where P was attached as parataxis of the saying verb.
            if base(self.rel(cur)) == "parataxis" && reports(&lemma(&self.t[h])) && cur == p {
                return self.own_subjects(h).into_iter().next().map(|s| (s, h));
            }
            cur = h;
            steps += 1;
            if steps > 20 {
                return None;
            }
        }
    }

    /// The clause of predicate `p`, with its `xcomp` chain folded in.
    fn clause(&self, p: usize) -> Option<Clause> {
        let tok = &self.t[p];
        let copular = self.kids(p, "cop").next().is_some();
        let (subjects, mut inherited) = self.subjects(p, 0);
        let r = tok.deprel.clone();
        let mut rel: Vec<usize> = Vec::new();
        let mut subjects = subjects;
        let mut objects: Vec<Node> = Vec::new();
        let mut passive = self.children[p]
            .iter()
            .any(|&c| matches!(self.rel(c), "nsubj:pass" | "aux:pass"));
        // A participle conjoined to a passive shares its auxiliary: "two were killed and dozens
        // | injured".
        // (Read as a past tense too when the verb always takes an object: "dozens | injured"
        // is no one injuring.)
        if !passive
            && r == "conj"
            && (tok.xpos == "VBN"
                || (tok.xpos == "VBD" && ALWAYS_TRANSITIVE.contains(&lemma(tok).as_str())))
            && self.kids_base(p, "aux").next().is_none()
            && self.kids_base(p, "obj").next().is_none()
        {
            passive = tok
                .head
                .is_some_and(|h| self.children[h].iter().any(|&c| self.rel(c) == "aux:pass"));
        }
        // Participles modifying a noun: "a delegation led by Liu" (passive), "a man carrying".
        if base(&r) == "acl" && !r.starts_with("acl:relcl") && subjects.is_empty() {
            let h = tok.head?;
            if tok.xpos == "VBN" {
                passive = true;
                subjects.push(self.node(h));
                inherited = true;
            }
        }
        // Relative clauses: the head noun fills the gap left by the relative word.
        let mut relative_object = None;
        // "protests in which 20 people were killed": the relative word after a preposition,
        // and the head noun it stands for.
        let mut relative_oblique: Option<(usize, usize)> = None;
        if r.starts_with("acl:relcl") || r == "advcl:relcl" {
            let relative_word = self.children[p].iter().find_map(|&c| {
                let w = lower(&self.t[c]);
                matches!(w.as_str(), "which" | "that" | "who" | "whom").then_some(w)
            });
            let h = self.antecedent(tok.head?, relative_word.as_deref().unwrap_or(""));
            let has_subject = !self.own_subjects(p).is_empty();
            // "a hotel where officials had gathered": the head noun is where, no object
            // ([`Self::where_or_when`]).
            let adverbial_relative = self.children[p].iter().any(|&c| {
                self.t[c].xpos == "WRB" && matches!(lower(&self.t[c]).as_str(), "where" | "when")
            });
            let rel_word_object = self.children[p].iter().copied().find(|&c| {
                base(self.rel(c)) == "obj"
                    && matches!(
                        lower(&self.t[c]).as_str(),
                        "which" | "that" | "whom" | "who"
                    )
            });
            relative_oblique = self.children[p]
                .iter()
                .copied()
                .find(|&c| {
                    base(self.rel(c)) == "obl"
                        && matches!(lower(&self.t[c]).as_str(), "which" | "whom")
                })
                .map(|c| (c, h));
            // "a meeting that was focused on trade": the relative word is the subject, and
            // the head noun, which it stands for, fills no other gap.
            let head_is_subject = subjects.iter().any(|s| s.head == h);
            if !has_subject {
                subjects.push(self.node(h));
                inherited = true;
            } else if !head_is_subject
                && !adverbial_relative
                && relative_oblique.is_none()
                && (rel_word_object.is_some()
                    || (self.kids_base(p, "obj").next().is_none() && !copular))
            {
                relative_object = Some(self.node(h));
            }
        }
        if subjects.is_empty() {
            return None;
        }

        let mut lemma_words: Vec<String> = Vec::new();
        let mut negated = false;
        let mut modality = self.aux_modality(p);
        // "would" reported in the past tense is the future seen from the past: "Spotify said
        // it would cut 1,500 jobs" (not a condition, "if the talks failed, it would …", nor an
        // opinion now, "I think this would solve it").
        let would = self
            .kids_base(p, "aux")
            .any(|c| lower(&self.t[c]) == "would");
        let conditional =
            self.opened_by_if(p) || self.kids_base(p, "advcl").any(|a| self.opened_by_if(a));
        let said_in_the_past = self
            .reported_by(p)
            .is_some_and(|(_, v)| matches!(self.t[v].xpos.as_str(), "VBD" | "VBN"));
        if would && !conditional && said_in_the_past {
            modality = Modality::Future;
        }
        // A bare verb conjoined to a modal one shares the modal: "will close three factories
        // and cut jobs".
        if self.rel(p) == "conj"
            && tok.xpos == "VB"
            && self.kids_base(p, "aux").next().is_none()
            && self.own_subjects(p).is_empty()
        {
            if let Some(h) = tok.head {
                modality = self.aux_modality(h);
            }
        }
        // What the governor's object was urged or asked to do is requested, not stated.
        let governor = match base(self.rel(p)) {
            "xcomp" | "advcl" => tok.head,
            "acl" if self.controlled_infinitive_on_object(p) => {
                tok.head.and_then(|h| self.t[h].head)
            }
            _ => None,
        };
        if modality == Modality::Asserted
            && inherited
            && governor.is_some_and(|g| {
                REQUESTING.contains(&lemma(&self.t[g]).as_str()) && !self.controllers(g).is_empty()
            })
        {
            modality = Modality::Requested;
        }
        let origin = if copular {
            Origin::Copula
        } else {
            Origin::Verb
        };
        let mut quals: Vec<Qual>;
        let mut agent;
        let mut according;
        let mut clausal_object = false;
        let mut in_graph = true;

        for c in self.children[p].iter().copied() {
            if matches!(base(self.rel(c)), "aux" | "cop") {
                rel.push(c);
            }
        }
        if let Some(n) = self.negated(p) {
            negated = true;
            rel.push(n);
        }
        negated |= self.denied_by_no(p);

        if copular {
            // "X is the leader of Y", "X is in Paris", "X is crucial".
            let predicate_case = self.preposition(p);
            rel.extend(predicate_case.iter().copied());
            let (q, a, acc) = self.obliques(p, false);
            quals = q;
            agent = a;
            according = acc;
            let cut_quals: Vec<usize> = self.children[p]
                .iter()
                .copied()
                .filter(|&c| base(self.rel(c)) == "obl")
                .collect();
            let mut object = self.node(p);
            object.tokens.retain(|i| {
                !predicate_case.contains(i)
                    && !rel.contains(i)
                    && !cut_quals.iter().any(|&q| self.dominates(q, *i))
            });
            // "the leader of Y": the role noun joins the relation, Y is the object.
            let of = (self.t[p].upos == Upos::Noun && predicate_case.is_empty())
                .then(|| {
                    self.kids(p, "nmod")
                        .find(|&c| self.prep_text(&self.preposition(c)) == "of")
                })
                .flatten();
            lemma_words.push("be".into());
            if let Some(of_node) = of {
                let role_tokens: Vec<usize> = object
                    .tokens
                    .iter()
                    .copied()
                    .filter(|&i| !self.dominates(of_node, i))
                    .collect();
                let mut target = self.node(of_node);
                let prep = self.preposition(of_node);
                target.tokens.retain(|i| !prep.contains(i));
                rel.extend(role_tokens);
                rel.extend(prep);
                lemma_words = vec![self.minimal_text(p).to_lowercase(), "of".into()];
                objects.push(target);
            } else {
                for x in self.conjuncts(p) {
                    if x == p {
                        objects.push(object.clone());
                    } else if self.kids(x, "cop").next().is_none() {
                        objects.push(self.node(x));
                    }
                }
                for &c in &predicate_case {
                    lemma_words.push(lower(&self.t[c]));
                }
            }
        } else {
            rel.push(p);
            lemma_words.push(lemma(tok));
            for c in self.particles(p) {
                rel.push(c);
                // Not the first word of an amount: "proved | up to 77 percent effective".
                if !self.in_amount(c) {
                    lemma_words.push(lower(&self.t[c]));
                }
            }
            let (q, a, acc) = self.obliques(p, passive);
            quals = q;
            agent = a;
            according = acc;
            // "urged Congress to approve": the one urged is the object, whatever the parser
            // called it.
            let controlled_iobj =
                self.object_controlled(p) && self.kids_base(p, "obj").next().is_none();
            for c in self.children[p].iter().copied() {
                match base(self.rel(c)) {
                    "obj" => {
                        if matches!(lower(&self.t[c]).as_str(), "which" | "that" | "whom") {
                            continue;
                        }
                        for x in self.conjuncts(c) {
                            let x = self.object_name(x).unwrap_or(x);
                            objects.push(self.node(x));
                        }
                    }
                    "iobj" if controlled_iobj => objects.push(self.node(c)),
                    "iobj" => quals.push(Qual {
                        role: Role::Recipient,
                        prep: Vec::new(),
                        node: self.node(c),
                    }),
                    "xcomp" if !self.is_predicate(c) && self.t[c].upos != Upos::Verb => {
                        objects.push(self.node(c))
                    }
                    _ => {}
                }
            }
        }

        // Fold xcomp chains: "agreed to set up", "is expected to seek" (not a participle said
        // of the object: "kept the crossing closed").
        let mut cur = p;
        let mut depth = 0;
        while let Some(x) = self.kids(cur, "xcomp").find(|&x| {
            self.t[x].upos == Upos::Verb
                && self.own_subjects(x).is_empty()
                && self.secondary_predicate(cur) != Some(x)
                && !self.object_controlled(cur)
        }) {
            depth += 1;
            if depth > 4 {
                break;
            }
            let governor = lemma(&self.t[cur]);
            let folded = if EXPECTING.contains(&governor.as_str()) {
                Some(Modality::Expected)
            } else if PLANNING.contains(&governor.as_str()) {
                Some(Modality::Planned)
            } else if governor == "go" && passive_or_be(self, cur) {
                Some(Modality::Future)
            } else {
                None
            };
            match folded {
                Some(m) => {
                    modality = m;
                    lemma_words.clear();
                    // Object control: "officials expect Kim to visit Moscow" is Kim visiting
                    // Moscow, expected; the expecting itself is folded into the modality.
                    let controllers: Vec<Node> = self
                        .kids_base(cur, "obj")
                        .flat_map(|o| self.conjuncts(o))
                        .map(|o| self.node(o))
                        .collect();
                    if !controllers.is_empty() {
                        subjects = controllers;
                    }
                }
                None => {
                    if copular && cur == p {
                        lemma_words.clear();
                        lemma_words.push(lemma(&self.t[p]));
                    }
                    lemma_words.push("to".into());
                }
            }
            for c in self.children[x].iter().copied() {
                if matches!(base(self.rel(c)), "mark" | "aux") {
                    rel.push(c);
                }
            }
            if let Some(n) = self.negated(x) {
                negated = true;
                rel.push(n);
            }
            negated |= self.denied_by_no(x);
            rel.push(x);
            lemma_words.push(lemma(&self.t[x]));
            for c in self.particles(x) {
                rel.push(c);
                // Not the first word of an amount: "proved | up to 77 percent effective".
                if !self.in_amount(c) {
                    lemma_words.push(lower(&self.t[c]));
                }
            }
            passive = self.children[x].iter().any(|&c| self.rel(c) == "aux:pass");
            let (q, a, acc) = self.obliques(x, passive);
            quals.extend(q);
            if a.is_some() {
                agent = a;
            }
            if acc.is_some() {
                according = acc;
            }
            objects.clear();
            for c in self.children[x].iter().copied() {
                match base(self.rel(c)) {
                    "obj" => {
                        for y in self.conjuncts(c) {
                            // "sacked the head of the central bank, Godwin Emefiele".
                            let y = self.object_name(y).unwrap_or(y);
                            objects.push(self.node(y));
                        }
                    }
                    "iobj" => quals.push(Qual {
                        role: Role::Recipient,
                        prep: Vec::new(),
                        node: self.node(c),
                    }),
                    "xcomp" if self.t[c].upos != Upos::Verb => objects.push(self.node(c)),
                    _ => {}
                }
            }
            cur = x;
        }
        // "fined Apple 1.8 billion euros": a penalty's indirect object is the one it falls on,
        // the amount says how much ("cost the company $2 billion" alike).
        if objects.len() == 1
            && PENALISING.contains(&lemma(&self.t[cur]).as_str())
            && self.is_amount(objects[0].head)
        {
            if let Some(k) = quals
                .iter()
                .position(|q| q.role == Role::Recipient && q.prep.is_empty())
            {
                let who = quals.remove(k);
                let amount = std::mem::replace(&mut objects[0], who.node);
                quals.push(Qual {
                    role: Role::Other,
                    prep: Vec::new(),
                    node: amount,
                });
            }
        }
        // An adjective or participle predicated of the object joins the relation: "left rates
        // unchanged on Wednesday" is "leave unchanged" rates, on Wednesday; "kept the crossing
        // closed for a third day" is "keep closed" the crossing. Its own prepositional
        // arguments are the clause's.
        if let Some(x) = self.secondary_predicate(cur) {
            objects.retain(|o| o.head != x);
            if !objects.is_empty() || passive {
                rel.push(x);
                lemma_words.push(lower(&self.t[x]));
                quals.extend(self.obliques(x, false).0);
            }
        }
        if let Some(o) = relative_object {
            if objects.is_empty() {
                objects.push(o);
            }
        }
        // A clausal object: "X said that P", "suggests that Kim is seeking".
        if objects.is_empty() && !copular {
            // A "ccomp" opened by "until", "because", "when" … is an adverbial clause the parser
            // mislabelled ("would continue until management made an offer"): no object.
            let adverbial = |c: usize| {
                self.kids(c, "mark")
                    .any(|m| ADVERBIAL_MARKERS.contains(&lower(&self.t[m]).as_str()))
            };
            if let Some(c) = self.kids_base(cur, "ccomp").find(|&c| !adverbial(c)) {
                let tokens = self.span(c, &|_| false);
                objects.push(Node {
                    head: c,
                    tokens,
                    resolved: None,
                    written: None,
                });
                clausal_object = true;
                in_graph = false;
            }
        }
        // Light verbs: "held talks with X" is "hold talks with" X.
        let verb = lemma(&self.t[cur]);
        let light = LIGHT_VERBS.contains(&verb.as_str());
        let targeting = TARGETING_VERBS.contains(&verb.as_str());
        if !copular && objects.len() == 1 && (light || targeting) {
            let o = objects[0].head;
            let pp = self
                .kids(o, "nmod")
                .find(|&c| {
                    let prep = self.prep_text(&self.preposition(c));
                    !prep.is_empty()
                        && prep != "of"
                        && !self.is_time(c)
                        && (light || TARGET_PREPOSITIONS.contains(&prep.as_str()))
                })
                // Or hung on the verb right after the object: "imposed sanctions | on Russia",
                // "filed a lawsuit | against Google".
                .or_else(|| {
                    let end = *objects[0].tokens.last()?;
                    self.kids_base(cur, "obl").find(|&c| {
                        let prep = self.preposition(c);
                        prep.first() == Some(&(end + 1))
                            && TARGET_PREPOSITIONS.contains(&self.prep_text(&prep).as_str())
                            && !self.is_time(c)
                    })
                });
            if let (Some(pp), Upos::Noun) = (pp, self.t[o].upos) {
                let prep = self.preposition(pp);
                let ptext = self.prep_text(&prep);
                let few_modifiers = self.children[o]
                    .iter()
                    .all(|&c| c == pp || matches!(base(self.rel(c)), "det" | "amod" | "compound"));
                if few_modifiers {
                    // (Hung on the verb, the phrase was a qualifier: it is the object now.)
                    quals.retain(|q| q.node.head != pp);
                    rel.extend(
                        objects[0]
                            .tokens
                            .iter()
                            .copied()
                            .filter(|&i| !self.dominates(pp, i)),
                    );
                    rel.extend(prep.iter().copied());
                    lemma_words.push(lemma(&self.t[o]));
                    lemma_words.push(ptext);
                    let mut target = self.node(pp);
                    target.tokens.retain(|i| !prep.contains(i));
                    objects = vec![target];
                }
            }
        }

        let symmetric =
            !copular && SYMMETRIC.contains(&lemma(&self.t[cur]).as_str()) && subjects.len() >= 2;
        let said = according.is_none();
        let mut attribution = according.or_else(|| self.attribution(p));
        // An accusation is the accuser's claim ("Ukraine accused Russia of blowing up the dam");
        // one without an accuser named ("X was accused of …") is no one's, so not stated.
        if let Some((g, _)) = self.accused_act(p) {
            if lemma(&self.t[g]) != "convict" && attribution.is_none() {
                let passive = self.children[g]
                    .iter()
                    .any(|&c| matches!(self.rel(c), "aux:pass" | "nsubj:pass"));
                attribution = if passive {
                    self.children[g]
                        .iter()
                        .copied()
                        .find(|&c| self.rel(c) == "obl:agent")
                        .map(|a| self.node(a))
                } else {
                    self.own_subjects(g).into_iter().next()
                };
                if attribution.is_none() {
                    modality = Modality::Possible;
                }
            }
        }
        // "The ministry said it had detected …", "Police said they arrested …": the pronoun
        // subject of a clause a saying verb reports is its source ("according to video, it was
        // met by …" is not).
        // The pronoun keeps its words (the OpenIE reading says "it").
        if let (true, Some(source), [subject]) = (said, &attribution, subjects.as_slice()) {
            if self.pronoun_is_source(p, subject, source) {
                subjects = vec![Node {
                    written: Some(subject.tokens.clone()),
                    ..source.clone()
                }];
            }
        }
        // Denied on the source's word: "X denied that troops had shelled it".
        if self.denied(p) {
            negated = !negated;
        }
        if reports(&lemma(&self.t[cur])) && clausal_object {
            in_graph = false;
        }

        if self.rel(p) == "advcl" && self.t[p].xpos == "VBG" && self.accused_act(p).is_none() {
            // "Ending a game, …": the inherited subject of an opening participle is a guess;
            // keep it out of the graph. One after its clause is that clause's subject acting
            // again: "A car bomb exploded …, killing at least seven people".
            // Only a participle set off by a comma or opened by a word of time or means
            // ("after crossing into Russia", "by closing plants"); not one a noun or adjective
            // governs ("focused on expanding cooperation", "showed Kim walking past").
            let opening = self.t[p].head.is_some_and(|h| p < h);
            let start = self.words_start(p);
            let opener = self.children[p]
                .iter()
                .filter(|&&c| c < p && matches!(base(self.rel(c)), "mark" | "case"))
                .map(|&c| lower(&self.t[c]))
                .next();
            let set_off = match opener.as_deref() {
                Some(w) => matches!(w, "after" | "before" | "while" | "upon"),
                // (With an object of its own, "…, killing at least seven people"; not after an
                // adjective, "their separate, intensifying confrontations".)
                None => {
                    start > 1
                        && self.t[start - 1].form == ","
                        && self.t[start - 2].upos != Upos::Adj
                        && self.kids_base(p, "obj").next().is_some()
                }
            };
            if inherited && (opening || !set_off) {
                in_graph = false;
            }
        }
        // The parenthetical "…, the Kremlin said on Friday" only reports.
        if matches!(
            base(self.rel(p)),
            "ccomp" | "parataxis" | "advcl" | "acl" | "dep"
        ) && self.said_after(p)
        {
            in_graph = false;
        }
        // "flew to Berlin, where he met Scholz": the place "where" stands for is the clause's
        // (also "in 2019, when …" for a time).
        if let Some(q) = self.where_or_when(p) {
            quals.push(q);
        }
        if let Some((w, h)) = relative_oblique {
            for q in quals.iter_mut().filter(|q| q.node.head == w) {
                let ptext = self.prep_text(&q.prep);
                q.role = self.role(&ptext, h, "obl");
                q.node = Node {
                    written: Some(q.node.tokens.clone()),
                    ..self.node(h)
                };
            }
        }
        rel.sort_unstable();
        rel.dedup();
        quals.sort_by_key(|q| q.node.tokens.first().copied().unwrap_or(q.node.head));
        Some(Clause {
            origin,
            pred: p,
            subjects,
            subject_inherited: inherited,
            rel,
            rel_synthetic: None,
            lemma: lemma_words.join(" "),
            objects,
            clausal_object,
            quals,
            agent,
            passive,
            negated,
            modality,
            attribution,
            in_graph,
            symmetric,
        })
    }

    /// The place or time that a relative "where" or "when" opening the clause of `p` stands
    /// for: the phrase right before it, when that is a place or a time ("to Berlin, where …",
    /// "in 2019, when …"), whether the parser made the clause a relative or an adverbial one.
    fn where_or_when(&self, p: usize) -> Option<Qual> {
        let w = self.children[p].iter().copied().find(|&c| {
            self.t[c].xpos == "WRB" && matches!(lower(&self.t[c]).as_str(), "where" | "when")
        })?;
        // The word before it, past a comma, and the name or phrase it ends.
        let mut k = w.checked_sub(1)?;
        if self.t[k].upos == Upos::Punct {
            k = k.checked_sub(1)?;
        }
        let relative = self.rel(p).starts_with("acl:relcl");
        if lower(&self.t[w]) == "where" {
            let head = match self.mention_at(k) {
                // A relative clause says which noun it is ("a hotel where …"), unless it is a
                // name of something other than a place (the parser's misattachment).
                Some(m) if relative && m.kind != EntityType::Place => return None,
                // (And only when the noun's phrase ends right before it, with no verb, comma or
                // conjunction between: "for Americans … the city of melting pot where …" is the
                // parser's guess.)
                _ if relative => {
                    let h = self.t[p].head?;
                    let plain = |i: usize| {
                        !matches!(
                            self.t[i].upos,
                            Upos::Verb | Upos::Aux | Upos::Punct | Upos::Cconj
                        )
                    };
                    if !matches!(self.t[h].upos, Upos::Noun | Upos::Propn)
                        || h > k
                        || !(h + 1..=k).all(plain)
                    {
                        return None;
                    }
                    h
                }
                Some(m) if m.kind == EntityType::Place && m.end == k + 1 => {
                    (m.start..m.end).find(|&i| {
                        self.t[i]
                            .head
                            .is_none_or(|h| !(m.start..m.end).contains(&h))
                    })?
                }
                _ if self.t[k].upos == Upos::Noun
                    && PLACE_CLASS_NOUNS.contains(&lower(&self.t[k]).as_str()) =>
                {
                    k
                }
                _ => return None,
            };
            let mut node = self.node(head);
            let prep = self.preposition(head);
            node.tokens.retain(|i| !prep.contains(i));
            Some(Qual {
                role: Role::Location,
                prep: Vec::new(),
                node,
            })
        } else {
            let x = self.sentence.timexes.iter().find(|x| {
                x.end == k + 1
                    || (relative && self.t[p].head.is_some_and(|h| x.start <= h && h < x.end))
            })?;
            let node = Node {
                head: k,
                tokens: (x.start..x.end).collect(),
                resolved: None,
                written: None,
            };
            Some(Qual {
                role: Role::Time,
                prep: Vec::new(),
                node,
            })
        }
    }

    /// The verb that accuses someone of the gerund `i` ("accused Russia | of blowing up the
    /// dam"), and who is accused: the accusing verb's object (or its passive subject), also when
    /// the parser hung the gerund on the object.
    fn accused_act(&self, i: usize) -> Option<(usize, Vec<usize>)> {
        let t = &self.t[i];
        if t.xpos != "VBG"
            || !self
                .kids(i, "mark")
                .any(|m| matches!(lower(&self.t[m]).as_str(), "of" | "for" | "with"))
        {
            return None;
        }
        let h = t.head?;
        let accusing = |v: usize| ACCUSING.contains(&lemma(&self.t[v]).as_str());
        match base(&t.deprel) {
            "acl" => {
                let g = self.t[h].head?;
                (accusing(g) && matches!(base(self.rel(h)), "obj" | "iobj")).then(|| (g, vec![h]))
            }
            "advcl" if accusing(h) => {
                let mut who = self.controllers(h);
                if who.is_empty() {
                    who = self.children[h]
                        .iter()
                        .copied()
                        .filter(|&c| self.rel(c) == "nsubj:pass")
                        .collect();
                }
                (!who.is_empty()).then_some((h, who))
            }
            _ => None,
        }
    }

    /// Whether verb `v` makes its object do what its infinitive says, and has that object:
    /// "urged Congress to approve", "ordered Meta to pay" (not the verbs of expecting or
    /// planning, which fold into a modality).
    fn object_controlled(&self, v: usize) -> bool {
        OBJECT_CONTROL.contains(&lemma(&self.t[v]).as_str()) && !self.controllers(v).is_empty()
    }

    /// An infinitive the parser hung on the object of such a verb: "urged shareholders | to
    /// reject the offer" (an acl of "shareholders").
    fn controlled_infinitive_on_object(&self, i: usize) -> bool {
        self.t[i].xpos == "VB"
            && self.kids(i, "mark").any(|m| lower(&self.t[m]) == "to")
            && self.t[i].head.is_some_and(|h| {
                self.t[h].head.is_some_and(|g| {
                    OBJECT_CONTROL.contains(&lemma(&self.t[g]).as_str())
                        && self.controllers(g).contains(&h)
                })
            })
    }

    /// Who does what the infinitive after verb `v` says: its objects ("urged shareholders to
    /// …"), else its indirect objects (the parser's reading of "urged Congress to …"), else,
    /// after "call", its "on" phrase ("called on both sides to …").
    fn controllers(&self, v: usize) -> Vec<usize> {
        let objects: Vec<usize> = self.kids_base(v, "obj").collect();
        if !objects.is_empty() {
            return objects;
        }
        let indirect: Vec<usize> = self.kids(v, "iobj").collect();
        if !indirect.is_empty() {
            return indirect;
        }
        if lemma(&self.t[v]) == "call" {
            return self
                .kids_base(v, "obl")
                .filter(|&o| self.prep_text(&self.preposition(o)) == "on")
                .collect();
        }
        Vec::new()
    }

    /// An adjective or past participle complementing a verb that has an object, said of that
    /// object ("left rates unchanged", "kept the crossing closed"), or of the subject of a
    /// passive with an agent ("was found guilty by a jury", "were left homeless by the floods").
    /// (A participle with its own agent is no such thing: "accepted the draft authored by
    /// Kharitonov".)
    fn secondary_predicate(&self, v: usize) -> Option<usize> {
        if self.t[v].upos != Upos::Verb {
            return None;
        }
        // Of the object, or of the subject of a passive with an agent ("was found guilty by a
        // jury": the jury found him guilty). Without an agent the OpenIE reading keeps the
        // adjective as what is said ("was deemed | too expensive").
        let passive = self.children[v]
            .iter()
            .any(|&c| matches!(self.rel(c), "nsubj:pass" | "aux:pass"));
        let agent = self.children[v].iter().any(|&c| {
            self.rel(c) == "obl:agent"
                || (base(self.rel(c)) == "obl" && self.prep_text(&self.preposition(c)) == "by")
        });
        if !(passive && agent) {
            self.kids(v, "obj").next()?;
        }
        self.kids(v, "xcomp").find(|&x| {
            let t = &self.t[x];
            let agent = self.kids_base(x, "obl").any(|o| {
                self.rel(o) == "obl:agent" || self.prep_text(&self.preposition(o)) == "by"
            });
            (t.upos == Upos::Adj || (t.upos == Upos::Verb && t.xpos == "VBN"))
                && self.kids(x, "obj").next().is_none()
                && self.kids(x, "mark").next().is_none()
                && !agent
        })
    }

    /// Whether token `i` is inside an amount ("up to 77 percent", "over four times").
    fn in_amount(&self, i: usize) -> bool {
        self.sentence
            .quantities
            .iter()
            .any(|q| q.start <= i && i < q.end)
    }

    /// The particles of a phrasal verb: its `compound:prt` dependents, and an adverb such as
    /// "down" right after it that the parser took for a modifier ("will step down").
    fn particles(&self, v: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.kids(v, "compound:prt").collect();
        if let Some(a) = self.kids(v, "advmod").find(|&a| {
            a == v + 1
                && matches!(
                    lower(&self.t[a]).as_str(),
                    "down" | "up" | "out" | "off" | "back" | "away"
                )
        }) {
            out.push(a);
        }
        out
    }

    /// Whether `a` dominates `b` (or is it).
    fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = b;
        let mut steps = 0;
        loop {
            if cur == a {
                return true;
            }
            match self.t[cur].head {
                Some(h) if steps < self.t.len() => {
                    cur = h;
                    steps += 1;
                }
                _ => return false,
            }
        }
    }

    /// Appositions: "Lim Soo-suk, South Korea's Foreign Ministry spokesperson" states a role.
    fn apposition(&self, a: usize) -> Option<Clause> {
        let h = self.t[a].head?;
        if !matches!(self.t[h].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            return None;
        }
        if !self.set_off_or_adjacent(h, a) {
            return None;
        }
        let h = self.nearest_noun_before(h, a);
        // The named side is the subject: "the spokesperson, Lim" is Lim's role too.
        let (subject, role) = if self.t[h].upos == Upos::Noun && self.t[a].upos == Upos::Propn {
            (a, h)
        } else {
            (h, a)
        };
        // A title describes a person: "under a loan agreement, the museum's director, …" says
        // nothing of the agreement (the parser took the director for its apposition).
        // Two names side by side are a list or a place in its region ("Kim Tok Hun, Kim Jong
        // Un's …", "Portland, Oregon"), read as an apposition: neither is the other.
        if self.entity_kind(subject).is_some() && self.entity_kind(role).is_some() {
            return None;
        }
        let named = self.t[subject].upos == Upos::Propn || self.entity_kind(subject).is_some();
        let title = gazetteer().is_title(&self.t[role].form);
        if title && self.t[role].upos == Upos::Noun && !named {
            return None;
        }
        let subject_node = self.resolve_relative(self.node(subject));
        let mut role_node = self.node(role);
        if role == h {
            role_node.tokens.retain(|&i| !self.dominates(a, i));
        }
        let mut clause = Clause {
            origin: Origin::Apposition,
            pred: a,
            subjects: vec![subject_node],
            subject_inherited: false,
            rel: Vec::new(),
            rel_synthetic: Some("is"),
            lemma: "be".into(),
            objects: vec![role_node.clone()],
            clausal_object: false,
            quals: Vec::new(),
            agent: None,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            in_graph: true,
            symmetric: false,
        };
        if self.t[role].upos == Upos::Noun {
            if let Some(org) = self.role_organisation(role) {
                let person = self.entity_kind(subject) == Some(EntityType::Person);
                // A title makes a role of a name the recogniser missed too.
                if person || (title && named) {
                    clause.lemma = format!("{} of", self.role_noun(role));
                    clause.graph_only_object(org);
                }
            }
        }
        clause.attribution = self.attribution(self.t[h].head.unwrap_or(h));
        Some(clause)
    }

    /// Where the words of `x`'s subtree begin (its own punctuation, often attached to it, aside).
    fn words_start(&self, x: usize) -> usize {
        (0..=x)
            .find(|&i| self.t[i].upos != Upos::Punct && self.dominates(x, i))
            .unwrap_or(x)
    }

    /// The noun an apposition set off after `h`'s phrase belongs to: the one right before its
    /// comma, which the parser sometimes attaches higher up: in "the parade in the capital,
    /// Pyongyang," Pyongyang is the capital, not the parade.
    fn nearest_noun_before(&self, h: usize, a: usize) -> usize {
        let start = self.words_start(a);
        if a < h || start < 2 || self.t[start - 1].form != "," {
            return h;
        }
        let mut k = start - 2;
        while matches!(base(self.rel(k)), "flat" | "compound") {
            match self.t[k].head {
                Some(x) if x < start && self.dominates(h, x) => k = x,
                _ => break,
            }
        }
        // Only a noun inside `h`'s own noun phrase ("the parade in the capital"), not one in a
        // clause hanging on it ("a penchant for travelling by train, a tradition …").
        let mut x = k;
        while x != h {
            match self.t[x].head {
                Some(up) if matches!(base(self.rel(x)), "nmod" | "compound" | "flat") => x = up,
                _ => return h,
            }
        }
        // A name on either side: a common noun set off after common nouns can sum up the whole
        // phrase before it ("a penchant for travel by train, a tradition …").
        let named = self.t[a].upos == Upos::Propn || self.t[k].upos == Upos::Propn;
        if k != h && named && matches!(self.t[k].upos, Upos::Noun | Upos::Propn) {
            k
        } else {
            h
        }
    }

    /// Whether the apposition `a` of `h` is one as written: set off by a comma, dash, bracket
    /// or colon ("Khasan, a station on the border"), or a title right before its name ("leader
    /// Kim Jong Un"). The parser also reads coordinated names as appositions of one title: in
    /// "leader Kim Jong Un and President Vladimir Putin" Putin is no leader.
    fn set_off_or_adjacent(&self, h: usize, a: usize) -> bool {
        let (first, second) = if h < a { (h, a) } else { (a, h) };
        let start = self.words_start(second);
        let adjacent = self.t[first].upos == Upos::Noun
            && self.t[second].upos == Upos::Propn
            && (first + 1..start).all(|i| {
                self.dominates(first, i) && matches!(base(self.rel(i)), "flat" | "compound")
            });
        let set_off = start > 0
            && matches!(
                self.t[start - 1].form.as_str(),
                "," | "-" | "--" | "–" | "—" | "(" | ":"
            );
        set_off || adjacent
    }

    /// The organisation or country a role noun belongs to: "Foreign Ministry spokesperson",
    /// "South Korea's spokesperson", "spokesperson of the ministry".
    fn role_organisation(&self, role: usize) -> Option<Node> {
        // A proper-noun compound right before the role noun, named by NER.
        let compound = self
            .kids(role, "compound")
            .filter(|&c| c < role && self.t[c].upos == Upos::Propn)
            .max();
        if let Some(c) = compound {
            let mut n = self.node(c);
            n.tokens.retain(|&i| i < role);
            if let Some(m) = self.mention_at(c) {
                n.tokens.retain(|&i| m.start <= i && i < m.end);
            }
            return Some(n);
        }
        if let Some(p) = self.kids(role, "nmod:poss").next() {
            if self.t[p].upos != Upos::Pron {
                let mut n = self.node(p);
                n.tokens.retain(|&i| self.t[i].xpos != "POS");
                return Some(n);
            }
            // "Boeing said its chief executive, Dave Calhoun, …": "its" is the one
            // organisation named before it in the sentence.
            if lower(&self.t[p]) == "its" {
                let orgs: Vec<&crate::doc::Mention> = self
                    .sentence
                    .mentions
                    .iter()
                    .filter(|m| m.kind == EntityType::Organization && m.end <= p)
                    .collect();
                if let [m] = orgs[..] {
                    let mut n = self.node(m.end - 1);
                    n.tokens.retain(|&i| m.start <= i && i < m.end);
                    return Some(n);
                }
            }
        }
        let of = self
            .kids(role, "nmod")
            .find(|&c| self.prep_text(&self.preposition(c)) == "of")?;
        let prep = self.preposition(of);
        let mut n = self.node(of);
        n.tokens.retain(|i| !prep.contains(i));
        Some(n)
    }

    /// The role noun in lower case, with adjective or common-noun compounds ("foreign minister").
    fn role_noun(&self, role: usize) -> String {
        let mut start = role;
        while start > 0 {
            let j = start - 1;
            let inside = self.t[j].head == Some(role)
                && matches!(self.rel(j), "compound" | "amod")
                && self.t[j].upos == Upos::Noun;
            if inside {
                start = j;
            } else {
                break;
            }
        }
        (start..=role)
            .map(|i| lower(&self.t[i]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Possessives as `has` (surface only): "the University's School of Medicine".
    fn possessive(&self, n: usize) -> Option<Clause> {
        let p = self.kids(n, "nmod:poss").next()?;
        if self.t[p].upos == Upos::Pron || !matches!(self.t[n].upos, Upos::Noun | Upos::Propn) {
            return None;
        }
        let mut owner = self.node(p);
        owner.tokens.retain(|&i| self.t[i].xpos != "POS");
        let mut thing = self.node(n);
        let prep = self.preposition(n);
        thing
            .tokens
            .retain(|&i| !self.dominates(p, i) && !prep.contains(&i));
        Some(Clause {
            origin: Origin::Possessive,
            pred: n,
            subjects: vec![owner],
            subject_inherited: false,
            rel: Vec::new(),
            rel_synthetic: Some("has"),
            lemma: "have".into(),
            objects: vec![thing],
            clausal_object: false,
            quals: Vec::new(),
            agent: None,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            in_graph: false,
            symmetric: false,
        })
    }

    /// "talks between X and Y at Z", "the meeting of the two leaders": X meet Y.
    fn nominal_event(&self, n: usize, last_pair: &Option<[Argument; 2]>) -> Option<Clause> {
        if !MEETING_NOUNS.contains(&lower(&self.t[n]).as_str()) {
            return None;
        }
        let mut participants: Vec<Node> = Vec::new();
        let mut quals = Vec::new();
        // Prepositional phrases of the noun, and those the parser hung on one of them ("the
        // summit on Wednesday between X and Y").
        let mut pps: Vec<usize> = self.kids_base(n, "nmod").collect();
        for c in pps.clone() {
            pps.extend(self.kids_base(c, "nmod"));
        }
        for c in pps {
            let prep = self.preposition(c);
            let ptext = self.prep_text(&prep);
            if matches!(ptext.as_str(), "between" | "of") && participants.is_empty() {
                let conj = self.conjuncts(c);
                if conj.len() >= 2 {
                    participants = conj.into_iter().map(|x| self.node(x)).collect();
                } else if let Some([a, b]) = self.named_pair_at(c) {
                    participants = vec![a, b];
                } else if let Some(pair) = self.pair_of(c, last_pair) {
                    participants = pair
                        .into_iter()
                        .map(|a| Node {
                            head: c,
                            tokens: self.node(c).tokens,
                            resolved: Some(a),
                            written: None,
                        })
                        .collect();
                }
                for p in &mut participants {
                    p.tokens.retain(|i| !prep.contains(i));
                }
            } else if !ptext.is_empty() {
                let mut node = self.node(c);
                node.tokens.retain(|i| !prep.contains(i));
                let role = self.role(&ptext, c, self.rel(c));
                if matches!(role, Role::Location | Role::Time) {
                    quals.push(Qual { role, prep, node });
                }
            }
        }
        if participants.len() != 2 {
            return None;
        }
        let named = participants.iter().all(|p| {
            p.resolved.is_some() || matches!(self.argument(p).kind, ArgumentKind::Entity(_))
        });
        if !named {
            return None;
        }
        let second = participants.pop()?;
        Some(Clause {
            origin: Origin::NominalEvent,
            pred: n,
            subjects: participants,
            subject_inherited: false,
            rel: vec![n],
            rel_synthetic: None,
            lemma: "meet".into(),
            objects: vec![second],
            clausal_object: false,
            quals,
            agent: None,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: self.attribution(self.t[n].head.unwrap_or(n)),
            in_graph: true,
            symmetric: false,
        })
    }

    /// "the two leaders", "both men": the last pair of coordinated people named before.
    fn pair_of(&self, n: usize, last_pair: &Option<[Argument; 2]>) -> Option<[Argument; 2]> {
        if self.t[n].xpos != "NNS" {
            return None;
        }
        let two = self.children[n].iter().any(|&c| {
            matches!(lower(&self.t[c]).as_str(), "two" | "both")
                && matches!(base(self.rel(c)), "nummod" | "det")
        });
        if two {
            last_pair.clone()
        } else {
            None
        }
    }

    /// The last pair of coordinated named people or organisations of this sentence.
    fn coordinated_pair(&self) -> Option<[Argument; 2]> {
        let mut found = None;
        for i in 0..self.t.len() {
            if let Some([a, b]) = self.named_pair_at(i) {
                found = Some([self.argument(&a), self.argument(&b)]);
            }
        }
        found
    }

    /// "X and Y" read off the entity mentions rather than the tree, which often misparses
    /// coordinated titled names ("Russian President Vladimir Putin and North Korean leader Kim
    /// Jong Un"): a person or organisation mention at `i`, then "and", then only titles and
    /// name modifiers up to a second mention of the same kind.
    fn named_pair_at(&self, i: usize) -> Option<[Node; 2]> {
        let ms = &self.sentence.mentions;
        let first = ms.iter().find(|m| m.start <= i && i < m.end)?;
        if !matches!(first.kind, EntityType::Person | EntityType::Organization) {
            return None;
        }
        let and = first.end;
        if self.t.get(and).map(lower).as_deref() != Some("and") {
            return None;
        }
        let second = ms
            .iter()
            .filter(|m| m.start > and && m.kind == first.kind)
            .min_by_key(|m| m.start)?;
        let between_ok = (and + 1..second.start).all(|j| {
            let t = &self.t[j];
            matches!(t.upos, Upos::Propn | Upos::Adj)
                || (t.upos == Upos::Noun && gazetteer().is_title(&t.form))
                || ms.iter().any(|m| m.start <= j && j < m.end)
        });
        if !between_ok || second.start - and > 5 {
            return None;
        }
        let node = |m: &crate::doc::Mention, from: usize| {
            let head = (m.start..m.end)
                .find(|&k| self.t[k].head.is_none_or(|h| h < m.start || h >= m.end))
                .unwrap_or(m.start);
            Node {
                head,
                tokens: (from..m.end).collect(),
                resolved: None,
                written: None,
            }
        };
        // The first conjunct's span starts at its own modifiers, found by walking left.
        let mut from = first.start;
        while from > 0 && matches!(self.t[from - 1].upos, Upos::Propn | Upos::Adj) {
            from -= 1;
        }
        Some([node(first, from), node(second, and + 1)])
    }

    /// A common noun's text as a concept: its minimal text, with a named owner before it
    /// ("Sudan's army", "Taiwan's defence ministry") or after "of" ("shares of Nvidia"):
    /// without it every army or ministry in the graph would be one node. Pronoun and
    /// common-noun owners are left out ("its army", "the sidelines of the summit").
    fn concept_text(&self, head: usize) -> String {
        let (s, e) = self.minimal_range(head);
        let owner = self
            .kids(head, "nmod:poss")
            .find(|&p| p < s && (self.t[p].upos == Upos::Propn || self.mention_at(p).is_some()));
        let owned = owner.and_then(|p| {
            let (ps, pe) = match self.mention_at(p) {
                Some(m) if m.kind != EntityType::Other => (m.start, m.end),
                Some(_) => return None,
                None => self.minimal_range(p),
            };
            // Only the possessive marker between the owner and the noun, written as one word
            // with the owner whatever the tokenisation ("Sudan 's army" as CaRB gives it).
            (pe < s && (pe..s).all(|i| self.t[i].xpos == "POS")).then(|| {
                let marker: String = (pe..s).map(|i| self.t[i].form.as_str()).collect();
                format!(
                    "{}{marker} {}",
                    self.span_text(ps, pe),
                    self.span_text(s, e)
                )
            })
        });
        if let Some(text) = owned {
            return text;
        }
        // The same owner after "of", right after the noun: "shares of Nvidia", "the people of
        // Gaza", "the invasion of Ukraine".
        let of_owner = self.kids(head, "nmod").find_map(|c| {
            let m = self.mention_at(c).filter(|m| m.kind != EntityType::Other)?;
            let prep = self.preposition(c);
            let between = (e..m.start).all(|i| {
                prep.contains(&i) || (self.t[i].upos == Upos::Det && lower(&self.t[i]) == "the")
            });
            // One owner: "the leaders of Russia and North Korea" are no leaders of Russia.
            let alone = self.kids(c, "conj").next().is_none();
            (self.prep_text(&prep) == "of" && prep.first() == Some(&e) && between && alone)
                .then(|| format!("{} {}", self.span_text(s, e), self.span_text(e, m.end)))
        });
        of_owner.unwrap_or_else(|| self.span_text(s, e))
    }

    /// The minimal text of a node's head: the name, or the noun with its adjectives and noun
    /// compounds ("ballistic missiles" for "two ballistic missiles").
    fn minimal_text(&self, head: usize) -> String {
        let (s, e) = self.minimal_range(head);
        self.span_text(s, e)
    }

    fn minimal_range(&self, head: usize) -> (usize, usize) {
        let mut s = head;
        while s > 0 {
            let j = s - 1;
            // A word written with a hyphen is one word: "24-hour ceasefire", "mixed-reality
            // headset" keep "24-" and "mixed-".
            if j >= 1
                && self.t[j].form == "-"
                && !self.t[j].space_after
                && !self.t[j - 1].space_after
                && self.dominates(head, j - 1)
            {
                s = j - 1;
                continue;
            }
            let ok = self.dominates(head, j)
                && !matches!(
                    self.t[j].upos,
                    Upos::Det | Upos::Num | Upos::Pron | Upos::Punct | Upos::Adv | Upos::Adp
                )
                && self.t[j].xpos != "POS"
                && matches!(base(self.rel(j)), "compound" | "amod" | "flat");
            if ok {
                s = j;
            } else {
                break;
            }
        }
        let mut e = head + 1;
        while e < self.t.len()
            && self.t[e].head == Some(head)
            && matches!(base(self.rel(e)), "flat" | "compound" | "fixed")
        {
            e += 1;
        }
        (s, e)
    }

    /// What a node denotes: an entity, a time or quantity, a concept or an unresolved pronoun.
    fn argument(&self, n: &Node) -> Argument {
        let (fs, fe) = match (n.tokens.first(), n.tokens.last()) {
            (Some(&a), Some(&b)) => (a, b + 1),
            _ => (n.head, n.head + 1),
        };
        let full = self.span_text(fs, fe);
        if let Some(a) = &n.resolved {
            return Argument {
                full_text: full,
                span: (fs, fe),
                ..a.clone()
            };
        }
        let head = n.head;
        let make = |text: String, kind: ArgumentKind| Argument {
            text,
            full_text: full.clone(),
            kind,
            span: (fs, fe),
            alias: None,
        };
        if let Some(x) = self
            .sentence
            .timexes
            .iter()
            .find(|x| x.start <= head && head < x.end)
        {
            return make(
                self.span_text(x.start, x.end),
                ArgumentKind::Literal(Literal::Time(x.value.clone())),
            );
        }
        // A title the parser made the head of its name ("Chief executive Maria Lind", with
        // "Chief" heading): the name inside the phrase is the argument. It must end where the
        // phrase's proper nouns end: a mention that stops short ("Premier Kim Tok | Hun") is
        // worse than the phrase's own name.
        let last_name_word = n
            .tokens
            .iter()
            .copied()
            .filter(|&i| self.t[i].upos == Upos::Propn)
            .max();
        // The same for a nationality the parser made the head ("North Korean | Premier Kim Tok
        // Hun inspected…", with "Korean" heading): the person or organisation is the argument,
        // not the country the demonym refers to.
        let at_head = self.mention_at(head);
        let demonym_head = at_head.is_some_and(|m| m.kind == EntityType::Other);
        let titled = || {
            (demonym_head || gazetteer().is_title(&self.t[head].form)).then(|| {
                self.sentence.mentions.iter().find(|m| {
                    (m.kind == EntityType::Person
                        || (demonym_head && m.kind == EntityType::Organization))
                        && (m.start..m.end).all(|i| n.tokens.contains(&i))
                        && Some(m.end - 1) == last_name_word
                })
            })?
        };
        // And a title the parser made the head of a flat name ("Saudi Crown | Prince Mohammed
        // bin Salman", with "Crown" heading): the person named at the end of the phrase.
        let title_run_head = || {
            (self.t[head].upos == Upos::Propn)
                .then(|| {
                    self.sentence.mentions.iter().find(|m| {
                        m.kind == EntityType::Person
                            && m.start > head
                            && (m.start..m.end).all(|i| n.tokens.contains(&i))
                            && Some(m.end - 1) == last_name_word
                            && (head..m.start).all(|i| {
                                self.t[i].upos == Upos::Propn || self.t[i].upos == Upos::Adj
                            })
                    })
                })
                .flatten()
        };
        let named = if demonym_head {
            titled().or(at_head)
        } else {
            at_head.or_else(titled).or_else(title_run_head)
        };
        // "The Serbian, 36, broke the record": a nationality in the singular with an article is
        // a person, not the country; who it is, the text has said elsewhere.
        let a_national = named.is_some_and(|m| m.kind == EntityType::Other && m.end == head + 1)
            && matches!(self.t[head].xpos.as_str(), "NN" | "NNP" | "JJ")
            && self.kids(head, "det").any(|d| lower(&self.t[d]) == "the");
        if a_national {
            return make(self.span_text(head, head + 1), ArgumentKind::Unresolved);
        }
        // "dozens of prisoners", "thousands of protesters": the counted thing is the argument
        // (the whole phrase stays its full text).
        let described = base(self.rel(head)) == "appos" || self.kids(head, "cop").next().is_some();
        let counting = !described
            && (COUNTING_NOUNS.contains(&lower(&self.t[head]).as_str())
                || (COUNTING_AFTER_A.contains(&lower(&self.t[head]).as_str())
                    && self.kids(head, "det").any(|d| lower(&self.t[d]) == "a")));
        if matches!(self.t[head].upos, Upos::Noun | Upos::Num) && counting {
            let counted = self.kids(head, "nmod").find(|&c| {
                n.tokens.contains(&c) && self.kids(c, "case").any(|p| lower(&self.t[p]) == "of")
            });
            if let Some(c) = counted {
                let mut inner = self.node(c);
                inner
                    .tokens
                    .retain(|&i| !(self.t[i].head == Some(c) && self.rel(i) == "case"));
                return Argument {
                    full_text: full,
                    span: (fs, fe),
                    ..self.argument(&inner)
                };
            }
        }
        // "the city of Odesa", "the Indonesian island of Java": the place the noun classifies
        // (also when the recogniser took the noun into a name: "the West Bank city of Jenin").
        if self.t[head].upos == Upos::Noun
            && PLACE_CLASS_NOUNS.contains(&lower(&self.t[head]).as_str())
        {
            // (A proper noun the recogniser missed names a place there too: "the city of Jenin".)
            let place = self.kids(head, "nmod").find_map(|c| {
                if !self.kids(c, "case").any(|p| lower(&self.t[p]) == "of")
                    || !n.tokens.contains(&c)
                {
                    return None;
                }
                match self.mention_at(c) {
                    Some(m) if m.kind == EntityType::Place => Some(
                        m.refers_to
                            .clone()
                            .unwrap_or_else(|| self.span_text(m.start, m.end)),
                    ),
                    None if self.t[c].upos == Upos::Propn => {
                        let words: Vec<usize> = self
                            .span(c, &|_| false)
                            .into_iter()
                            .filter(|&i| {
                                i == c
                                    || (self.t[i].head == Some(c)
                                        && matches!(base(self.rel(i)), "flat" | "compound"))
                            })
                            .collect();
                        let (a, b) = (words[0], words[words.len() - 1] + 1);
                        (b - a == words.len()).then(|| self.span_text(a, b))
                    }
                    _ => None,
                }
            });
            if let Some(text) = place {
                return make(text, ArgumentKind::Entity(EntityType::Place));
            }
        }
        if let Some(m) = named {
            let text = m
                .refers_to
                .clone()
                .unwrap_or_else(|| self.span_text(m.start, m.end));
            return make(text, ArgumentKind::Entity(m.kind));
        }
        if let Some(q) = self.sentence.quantities.iter().find(|q| {
            q.start <= head && head < q.end && q.kind != crate::quantity::QuantityKind::Count
        }) {
            return make(
                self.span_text(q.start, q.end),
                ArgumentKind::Literal(Literal::Quantity {
                    amount: q.amount,
                    unit: q.unit.clone(),
                }),
            );
        }
        let t = &self.t[head];
        match t.upos {
            Upos::Pron | Upos::Det => make(t.form.clone(), ArgumentKind::Unresolved),
            Upos::Propn => {
                let (mut s, e) = self.minimal_range(head);
                let g = gazetteer();
                // Titles are not part of a name: "Premier Kim Tok Hun" is Kim Tok Hun.
                let mut titled = (fs..s).any(|i| g.is_title(&self.t[i].form));
                while s + 1 < e && g.is_title(&self.t[s].form) {
                    s += 1;
                    titled = true;
                }
                let name: Vec<&str> = (s..e).map(|i| self.t[i].form.as_str()).collect();
                let kind = if g.is_org_suffix(&self.t[e - 1].form) {
                    EntityType::Organization
                } else if g.place(&name).is_some() || g.is_place_head(&self.t[e - 1].form) {
                    EntityType::Place
                } else if titled || g.is_person_name(&self.t[s].form) {
                    EntityType::Person
                } else {
                    EntityType::Other
                };
                make(self.span_text(s, e), ArgumentKind::Entity(kind))
            }
            Upos::Noun => make(self.concept_text(head), ArgumentKind::Concept),
            Upos::Num => make(full.clone(), ArgumentKind::Literal(Literal::Text)),
            _ => make(full.clone(), ArgumentKind::Literal(Literal::Text)),
        }
    }

    /// All extractions of the sentence.
    fn extractions(
        &self,
        provenance: &Provenance,
        last_pair: &Option<[Argument; 2]>,
    ) -> Vec<Extraction> {
        let mut clauses = Vec::new();
        for i in 0..self.t.len() {
            if self.is_predicate(i) {
                if let Some(c) = self.clause(i) {
                    clauses.push(c);
                }
            }
            if base(self.rel(i)) == "appos" {
                clauses.extend(self.apposition(i));
            }
            if matches!(self.t[i].upos, Upos::Noun | Upos::Propn) {
                clauses.extend(self.possessive(i));
                clauses.extend(self.nominal_event(i, last_pair));
            }
        }
        let mut out = Vec::new();
        for c in &clauses {
            self.render(c, provenance, &mut out);
        }
        // The same statement read twice (e.g. a copula inside an apposition) is kept once.
        let mut seen = std::collections::HashSet::new();
        for e in &mut out {
            if let Some(s) = &e.surface {
                if !seen.insert((s.arg1.clone(), s.relation.clone(), s.args.clone())) {
                    e.surface = None;
                }
            }
        }
        out
    }

    fn qual_words(&self, q: &Qual) -> String {
        let mut tokens = q.prep.clone();
        tokens.extend(
            q.node
                .written
                .as_ref()
                .unwrap_or(&q.node.tokens)
                .iter()
                .copied(),
        );
        tokens.sort_unstable();
        tokens.dedup();
        self.words(&tokens)
    }

    fn qualifier(&self, q: &Qual) -> Qualifier {
        let p = self.prep_text(&q.prep);
        Qualifier {
            role: q.role,
            preposition: (!p.is_empty()).then_some(p),
            value: self.argument(&q.node),
        }
    }

    /// Renders one clause as statements and surface tuples.
    fn render(&self, c: &Clause, provenance: &Provenance, out: &mut Vec<Extraction>) {
        let rel_words = {
            let w = self.words(&c.rel);
            match c.rel_synthetic {
                Some(s) if w.is_empty() => s.to_owned(),
                Some(s) => format!("{s} {w}"),
                None => w,
            }
        };
        let attribution = c.attribution.as_ref().map(|a| self.argument(a));
        // The first prepositional argument that is not a time becomes the object of a verb
        // without one: "arrived at Vostochny". Not of a saying verb, whose object is what is
        // said: "…, the company said because of a fault" is no "say because of" relation.
        let obl_object = if c.objects.is_empty()
            && c.origin == Origin::Verb
            && !c.clausal_object
            && !SAYING.contains(&c.lemma.as_str())
        {
            let first = c.quals.iter().position(|q| {
                !q.prep.is_empty() && q.role != Role::Time && q.node.written.is_none()
            });
            // A means gives way to a person or organisation after "with" or "to": "spoke by
            // phone with Zelensky" is "speak with" Zelensky, by phone.
            let partner = c.quals.iter().position(|q| {
                matches!(self.prep_text(&q.prep).as_str(), "with" | "to")
                    && matches!(
                        self.entity_kind(q.node.head),
                        Some(EntityType::Person | EntityType::Organization)
                    )
            });
            match first {
                Some(k) if c.quals[k].role == Role::Means => partner.or(first),
                _ => first,
            }
        } else {
            None
        };
        let relation_text = if c.rel.is_empty() {
            rel_words.clone()
        } else {
            self.span_text(c.rel[0], c.rel[c.rel.len() - 1] + 1)
        };
        for (si, subject) in c.subjects.iter().enumerate() {
            let subject_arg = self.argument(subject);

            // ---- surface tuples, one per object ----
            let mut s_rel = rel_words.clone();
            let mut object_from_prep = false;
            let mut surface_objects: Vec<Option<String>> = if c.objects.is_empty() {
                vec![None]
            } else {
                c.objects
                    .iter()
                    .map(|o| Some(self.words(&o.tokens)))
                    .collect()
            };
            if let Some(k) = obl_object {
                let q = &c.quals[k];
                s_rel = format!("{s_rel} {}", self.words(&q.prep));
                surface_objects = vec![Some(
                    self.words(q.node.written.as_ref().unwrap_or(&q.node.tokens)),
                )];
                object_from_prep = true;
            }
            let mut passive_agent = None;
            if c.passive {
                if let Some(a) = &c.agent {
                    s_rel = format!("{s_rel} by");
                    let prep = self.preposition(a.head);
                    let tokens: Vec<usize> = a
                        .tokens
                        .iter()
                        .copied()
                        .filter(|i| !prep.contains(i))
                        .collect();
                    passive_agent = Some(self.words(&tokens));
                }
            }
            let other_quals: Vec<String> = c
                .quals
                .iter()
                .enumerate()
                .filter(|(k, _)| Some(*k) != obl_object)
                .map(|(_, q)| self.qual_words(q))
                .collect();
            let surfaces: Vec<(Surface, usize)> = surface_objects
                .iter()
                .map(|o| {
                    let mut args = Vec::new();
                    // Passive: the agent is the second argument, the object (if any) follows.
                    if let Some(a) = &passive_agent {
                        args.push(a.clone());
                    }
                    if let Some(o) = o {
                        args.push(o.clone());
                    }
                    args.extend(other_quals.iter().cloned());
                    let len = o.as_ref().map_or(0, |o| o.split(' ').count());
                    (
                        Surface {
                            arg1: self.words(subject.written.as_ref().unwrap_or(&subject.tokens)),
                            relation: s_rel.trim().to_owned(),
                            args,
                        },
                        len,
                    )
                })
                .collect();

            // ---- graph statements ----
            let mut lemma = c.lemma.clone();
            let mut qualifiers: Vec<Qualifier> = Vec::new();
            let mut g_subject = subject_arg.clone();
            let mut g_objects: Vec<Option<Argument>> =
                c.objects.iter().map(|o| Some(self.argument(o))).collect();
            // "China and the Philippines accused each other": each the others.
            if c.subjects.len() >= 2 && c.objects.len() == 1 && self.reciprocal(&c.objects[0]) {
                g_objects = c
                    .subjects
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != si)
                    .map(|(_, o)| Some(self.argument(o)))
                    .collect();
            }
            if c.symmetric && c.objects.is_empty() {
                // "X and Y met": each pair once; prepositional arguments stay qualifiers.
                g_objects = c.subjects[si + 1..]
                    .iter()
                    .map(|o| Some(self.argument(o)))
                    .collect();
                for q in &c.quals {
                    qualifiers.push(self.qualifier(q));
                }
            } else {
                if let Some(k) = obl_object {
                    let q = &c.quals[k];
                    let prep = self.prep_text(&q.prep);
                    // "proved | up to 77 percent": a preposition inside the amount is the
                    // amount's ("up to"), not the relation's.
                    let in_amount = q.prep.iter().all(|&i| self.in_amount(i));
                    // "met with X" is "met X".
                    let met_with = SYMMETRIC.contains(&c.lemma.as_str()) && prep == "with";
                    if !(in_amount || met_with) {
                        lemma = format!("{lemma} {prep}");
                    }
                    g_objects = vec![Some(self.argument(&q.node))];
                }
                for (k, q) in c.quals.iter().enumerate() {
                    if Some(k) != obl_object {
                        qualifiers.push(self.qualifier(q));
                    }
                }
                if c.passive {
                    match &c.agent {
                        Some(a) => {
                            // Active reading: the agent acts on the passive subject, and the
                            // prepositional argument read as the object qualifies it again
                            // ("convicted of fraud by a jury": the jury convicted him, of fraud).
                            g_subject = self.argument(a);
                            g_objects = vec![Some(subject_arg.clone())];
                            lemma = c.lemma.clone();
                            if let Some(k) = obl_object {
                                qualifiers.insert(0, self.qualifier(&c.quals[k]));
                            }
                        }
                        None => {
                            let form = lower(&self.t[c.pred]);
                            let mut words = vec!["be".to_owned(), form];
                            words.extend(lemma.split(' ').skip(1).map(str::to_owned));
                            lemma = words.join(" ");
                        }
                    }
                } else if let Some(a) = &c.agent {
                    qualifiers.push(Qualifier {
                        role: Role::Means,
                        preposition: Some("by".into()),
                        value: self.argument(a),
                    });
                }
                if g_objects.is_empty() {
                    g_objects.push(None);
                }
            }
            // "at a facility in Siberia": the place of a place is where it happened too; so are
            // the places and times hung on whoever acted, the agent or the subject ("greeted by
            // Putin at the Cosmodrome", "a court in Paris sentenced …", "South Korea on Thursday
            // expressed …"): a name, or a noun for people ([`Gazetteer::is_agent_noun`]). What
            // happened somewhere keeps its place: "caused by Russia's war in Ukraine", "the
            // summit on Wednesday could lead to a deal". Not a light verb's subject: "There's
            // concern in Seoul" says nothing of Seoul.
            let acts = |n: &Node| match self.mention_at(n.head) {
                Some(m) => m.kind != EntityType::Other,
                None => gazetteer().is_agent_noun(&self.t[n.head].lemma.to_lowercase()),
            };
            let agent = c.agent.iter().filter(|a| acts(a));
            let light = matches!(lemma.as_str(), "be" | "have" | "do" | "get");
            let subject_node = (!light && acts(subject)).then_some(subject);
            for node in c
                .objects
                .iter()
                .chain(c.quals.iter().map(|q| &q.node))
                .chain(agent)
                .chain(subject_node)
            {
                for q in self.nested_places(node) {
                    if !qualifiers.iter().any(|x| x.value.text == q.value.text) {
                        qualifiers.push(q);
                    }
                }
            }
            // A qualifier that only repeats the subject or the object says nothing (a pair of
            // names the parser split into a subject and an oblique: "Blinken and Wang Yi met").
            let repeats = |q: &Qualifier, object: &Option<Argument>| {
                q.role == Role::Other
                    && (q.value.text == g_subject.text
                        || object.as_ref().is_some_and(|o| o.text == q.value.text))
            };
            let statement = |object: Option<Argument>| Statement {
                subject: g_subject.clone(),
                relation: Relation {
                    text: relation_text.clone(),
                    lemma: lemma.clone(),
                },
                qualifiers: qualifiers
                    .iter()
                    .filter(|q| !repeats(q, &object))
                    .cloned()
                    .collect(),
                object,
                negated: c.negated,
                modality: c.modality,
                attribution: attribution.clone(),
                confidence: 0.0,
                provenance: provenance.clone(),
            };
            let n = surfaces.len().max(g_objects.len());
            for k in 0..n {
                let (st, in_graph) = match g_objects.get(k) {
                    Some(o) => {
                        let st = statement(o.clone());
                        let ok = c.in_graph && !self.dangling(&st);
                        (st, ok)
                    }
                    None => (statement(g_objects.first().cloned().flatten()), false),
                };
                let (surface, olen) = match surfaces.get(k) {
                    Some((s, l)) => (Some(s.clone()), *l),
                    None => (None, 0),
                };
                let features = self.features(c, subject, olen, object_from_prep, &s_rel);
                out.push(Extraction {
                    statement: st,
                    surface,
                    in_graph,
                    features,
                });
            }
        }
    }

    /// Places named inside an argument by a locative preposition ("a facility in Siberia",
    /// "the Cosmodrome near the border") and times, as qualifiers of the statement; the graph
    /// only (benchmarks keep the span as written).
    fn nested_places(&self, node: &Node) -> Vec<Qualifier> {
        self.nested_places_at(node, 0)
    }

    fn nested_places_at(&self, node: &Node, depth: usize) -> Vec<Qualifier> {
        let mut out = Vec::new();
        // (A name the recogniser missed counts: "Xi", known as a person only once coreference ran.)
        let person = match self.mention_at(node.head) {
            Some(m) => m.kind == EntityType::Person,
            None => self.t[node.head].upos == Upos::Propn,
        };
        for c in self.kids_base(node.head, "nmod") {
            if !node.tokens.contains(&c) {
                continue;
            }
            let prep = self.preposition(c);
            let ptext = self.prep_text(&prep);
            if ptext.is_empty() {
                continue;
            }
            let mut n = self.node(c);
            n.tokens.retain(|i| !prep.contains(i));
            let value = self.argument(&n);
            if let ArgumentKind::Literal(Literal::Time(v)) = &value.kind {
                // A time inside a noun phrase is the parser's misattachment of the clause's
                // time ("a facility in Siberia on Wednesday"): things have no time of their own.
                // A duration there belongs to the noun ("their first summit in four years").
                if v.as_deref().is_some_and(|v| v.starts_with('P')) {
                    continue;
                }
                out.push(Qualifier {
                    role: Role::Time,
                    preposition: Some(ptext),
                    value,
                });
            } else if value.kind == ArgumentKind::Entity(EntityType::Place)
                && (matches!(
                    ptext.as_str(),
                    "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout"
                )
                    // A person has no places of their own: one hung on a person's name is where
                    // the clause goes or comes from ("travelled with Xi to the Pyrenees").
                    || (person && matches!(ptext.as_str(), "to" | "from" | "into" | "toward" | "towards")))
            {
                out.push(Qualifier {
                    role: Role::Location,
                    preposition: Some(ptext),
                    value,
                });
                // And the time the parser hung on that place ("at the Cosmodrome on Wednesday").
                out.extend(
                    self.nested_places(&n)
                        .into_iter()
                        .filter(|q| q.role == Role::Time),
                );
            } else if ptext == "of" && depth < 3 {
                // Through "of" to the phrase it completes: "on the sidelines of the summit | in
                // Vilnius", "by a quarter of a percentage point | on Thursday".
                out.extend(self.nested_places_at(&n, depth + 1));
            }
        }
        out
    }

    /// A statement that cannot stand in a graph: a literal subject, or nothing to say — which
    /// includes a light verb with neither object nor qualifier ("X have", "X be", mostly an
    /// auxiliary the parser took for the verb: "who had won the race").
    fn dangling(&self, s: &Statement) -> bool {
        let vacuous = s.object.is_none()
            && s.qualifiers.is_empty()
            && matches!(s.relation.lemma.as_str(), "be" | "have" | "do" | "get");
        matches!(s.subject.kind, ArgumentKind::Literal(_)) || s.relation.lemma.is_empty() || vacuous
    }

    fn features(
        &self,
        c: &Clause,
        subject: &Node,
        object_len: usize,
        object_from_prep: bool,
        rel: &str,
    ) -> [f32; N_FEATURES] {
        let mut f = [0.0f32; N_FEATURES];
        f[0] = 1.0;
        match c.origin {
            Origin::Verb => f[1] = 1.0,
            Origin::Copula => f[2] = 1.0,
            Origin::Apposition => f[3] = 1.0,
            Origin::Possessive => f[4] = 1.0,
            Origin::NominalEvent => f[5] = 1.0,
        }
        f[6] = c.clausal_object as u8 as f32;
        f[7] = c.subject_inherited as u8 as f32;
        f[8] = (object_len > 0) as u8 as f32;
        f[9] = (c.quals.len().min(3) as f32) / 3.0;
        f[10] = matches!(self.argument(subject).kind, ArgumentKind::Unresolved) as u8 as f32;
        f[11] = c.passive as u8 as f32;
        f[12] = (self.t.len() as f32 / 40.0).min(2.0);
        f[13] = (subject.tokens.len() as f32 / 10.0).min(2.0);
        f[14] = (object_len as f32 / 10.0).min(2.0);
        f[16] = (c.negated || c.modality != Modality::Asserted) as u8 as f32;
        f[17] = (rel.split_whitespace().count() as f32 / 5.0).min(2.0);
        let r = base(self.rel(c.pred));
        f[18] = (r == "root") as u8 as f32;
        f[19] = matches!(r, "acl") as u8 as f32;
        f[20] = matches!(r, "advcl" | "ccomp" | "xcomp" | "parataxis" | "csubj") as u8 as f32;
        f[21] = (r == "conj") as u8 as f32;
        f[22] = object_from_prep as u8 as f32;
        f[23] = c.attribution.is_some() as u8 as f32;
        f
    }
}

fn passive_or_be(v: &View, i: usize) -> bool {
    v.children[i]
        .iter()
        .any(|&c| matches!(base(v.rel(c)), "aux") && lemma(&v.t[c]) == "be")
}

impl Clause {
    /// Replaces the object by `org` (role statements).
    fn graph_only_object(&mut self, org: Node) {
        self.objects = vec![org];
    }
}

#[cfg(test)]
mod tests {
    //! Golden outputs on sentences written for these tests, one per construction. The trees are
    //! given by hand (UD style, as the parser produces them), so the tests check the extractor
    //! and not the parser. Each token is `form/UPOS/XPOS/lemma/head/deprel`, heads 1-based, 0 the
    //! root; entity mentions are `start..end` token ranges (0-based).
    use super::*;
    use crate::doc::{Mention, Token};

    fn doc(tree: &str, mentions: &[(usize, usize, EntityType)]) -> Document {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for item in tree.split(' ') {
            let f: Vec<&str> = item.split('/').collect();
            assert_eq!(f.len(), 6, "{item}");
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(f[0]);
            let head: usize = f[4].parse().unwrap();
            tokens.push(Token {
                form: f[0].into(),
                start,
                end: text.len(),
                space_after: true,
                upos: Upos::parse(f[1]).unwrap(),
                xpos: f[2].into(),
                lemma: f[3].into(),
                head: head.checked_sub(1),
                deprel: f[5].into(),
                ..Token::default()
            });
        }
        let mut sentence = Sentence {
            start: 0,
            end: text.len(),
            tokens,
            ..Sentence::default()
        };
        sentence.mentions = mentions
            .iter()
            .map(|&(start, end, kind)| Mention {
                start,
                end,
                kind,
                refers_to: None,
                external_id: None,
            })
            .collect();
        crate::timex::annotate(&mut sentence, None);
        crate::quantity::annotate(&mut sentence);
        let mut d = Document::new("t", text);
        d.sentences.push(sentence);
        d
    }

    /// (subject, relation lemma, object) of the graph statements.
    fn triples(d: &Document) -> Vec<(String, String, String)> {
        extract(d)
            .into_iter()
            .map(|s| {
                (
                    s.subject.text,
                    s.relation.lemma,
                    s.object.map(|o| o.text).unwrap_or_default(),
                )
            })
            .collect()
    }

    fn has(d: &Document, s: &str, r: &str, o: &str) -> Statement {
        let all = extract(d);
        all.iter()
            .find(|x| {
                x.subject.text == s
                    && x.relation.lemma == r
                    && x.object.as_ref().map_or("", |o| o.text.as_str()) == o
            })
            .cloned()
            .unwrap_or_else(|| panic!("no ({s}, {r}, {o}) in {:?}", triples(d)))
    }

    const PER: EntityType = EntityType::Person;
    const ORG: EntityType = EntityType::Organization;
    const LOC: EntityType = EntityType::Place;

    #[test]
    fn verb_with_particle() {
        let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/3/nsubj set/VERB/VBD/set/0/root up/ADP/RP/up/3/compound:prt a/DET/DT/a/7/det new/ADJ/JJ/new/7/amod office/NOUN/NN/office/3/obj ./PUNCT/././3/punct", &[]);
        assert_eq!(
            triples(&d),
            [("firm".into(), "set up".into(), "new office".into())]
        );
    }

    #[test]
    fn light_verb_takes_its_noun_and_preposition() {
        let d = doc("Workers/NOUN/NNS/worker/2/nsubj held/VERB/VBD/hold/0/root talks/NOUN/NNS/talk/2/obj with/ADP/IN/with/5/case managers/NOUN/NNS/manager/3/nmod ./PUNCT/././2/punct", &[]);
        assert_eq!(
            triples(&d),
            [("Workers".into(), "hold talk with".into(), "managers".into())]
        );
    }

    #[test]
    fn copula_with_role_noun_of_an_organisation() {
        let d = doc("Maria/PROPN/NNP/Maria/5/nsubj Lopez/PROPN/NNP/Lopez/1/flat is/AUX/VBZ/be/5/cop the/DET/DT/the/5/det leader/NOUN/NN/leader/0/root of/ADP/IN/of/9/case the/DET/DT/the/9/det Green/PROPN/NNP/Green/9/compound Party/PROPN/NNP/Party/5/nmod ./PUNCT/././5/punct", &[(0, 2, PER), (7, 9, ORG)]);
        let s = has(&d, "Maria Lopez", "leader of", "Green Party");
        assert_eq!(s.object.unwrap().kind, ArgumentKind::Entity(ORG));
    }

    #[test]
    fn plain_copula() {
        let d = doc("The/DET/DT/the/2/det bridge/NOUN/NN/bridge/5/nsubj is/AUX/VBZ/be/5/cop very/ADV/RB/very/5/advmod old/ADJ/JJ/old/0/root ./PUNCT/././5/punct", &[]);
        let s = has(&d, "bridge", "be", "very old");
        assert_eq!(s.relation.text, "is");
    }

    #[test]
    fn apposition_states_a_role_of_an_organisation() {
        let d = doc("Anna/PROPN/NNP/Anna/10/nsubj Berg/PROPN/NNP/Berg/1/flat ,/PUNCT/,/,/8/punct Norway/PROPN/NNP/Norway/8/nmod:poss 's/PART/POS/'s/4/case Health/PROPN/NNP/Health/7/compound Ministry/PROPN/NNP/Ministry/8/compound spokesperson/NOUN/NN/spokesperson/1/appos ,/PUNCT/,/,/8/punct spoke/VERB/VBD/speak/0/root ./PUNCT/././10/punct", &[(0, 2, PER), (3, 4, LOC), (5, 7, ORG)]);
        has(&d, "Anna Berg", "spokesperson of", "Health Ministry");
        has(&d, "Anna Berg", "speak", "");
    }

    #[test]
    fn a_common_noun_holds_no_role() {
        let d = doc("They/PRON/PRP/they/2/nsubj signed/VERB/VBD/sign/0/root an/DET/DT/a/4/det agreement/NOUN/NN/agreement/2/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det museum/NOUN/NN/museum/8/nmod:poss director/NOUN/NN/director/4/appos ./PUNCT/././2/punct", &[]);
        assert!(
            triples(&d)
                .iter()
                .all(|(_, r, o)| r != "director of" && !o.contains("director")),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn coordinated_names_read_as_appositions_do_not_share_a_title() {
        // The parser made both names appositions of "leader"; only the adjacent one is.
        let d = doc("Officials/NOUN/NNS/official/2/nsubj criticised/VERB/VBD/criticise/0/root a/DET/DT/a/4/det meeting/NOUN/NN/meeting/2/obj between/ADP/IN/between/7/case Canadian/ADJ/JJ/Canadian/7/amod leader/NOUN/NN/leader/4/nmod Anna/PROPN/NNP/Anna/7/appos Berg/PROPN/NNP/Berg/8/flat and/CCONJ/CC/and/13/cc French/ADJ/JJ/French/12/amod President/PROPN/NNP/President/13/compound Luc/PROPN/NNP/Luc/7/appos Martin/PROPN/NNP/Martin/13/flat ./PUNCT/././2/punct", &[(7, 9, PER), (12, 14, PER)]);
        let all = triples(&d);
        assert!(
            all.iter()
                .any(|(s, _, o)| s == "Anna Berg" && o.contains("leader")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .all(|(s, r, o)| s != "Luc Martin"
                    || !(r.contains("leader") || o.contains("leader"))),
            "{all:?}"
        );
    }

    #[test]
    fn a_that_clause_after_a_name_in_a_phrase_is_about_the_phrase_s_noun() {
        // "Critics attacked the deal with Ana Ruiz that raised prices."
        let tree = "Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/7/case Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/4/nmod that/PRON/WDT/that/9/nsubj raised/VERB/VBD/raise/7/acl:relcl prices/NOUN/NNS/price/9/obj ./PUNCT/././2/punct";
        let d = doc(tree, &[(5, 7, PER)]);
        has(&d, "deal", "raise", "prices");
        assert!(
            triples(&d).iter().all(|(s, _, _)| s != "Ana Ruiz"),
            "{:?}",
            triples(&d)
        );
        // "who" stays with the person.
        let d = doc(
            &tree.replace("that/PRON/WDT/that", "who/PRON/WP/who"),
            &[(5, 7, PER)],
        );
        has(&d, "Ana Ruiz", "raise", "prices");
        // The same when the parser hangs the name under the preposition.
        let d = doc("Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/4/nmod Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/5/obl that/PRON/WDT/that/9/nsubj raised/VERB/VBD/raise/7/acl:relcl prices/NOUN/NNS/price/9/obj ./PUNCT/././2/punct", &[(5, 7, PER)]);
        has(&d, "deal", "raise", "prices");
        // Nor is the name left as the object of a clause without one.
        let d = doc("Critics/NOUN/NNS/critic/2/nsubj attacked/VERB/VBD/attack/0/root the/DET/DT/the/4/det deal/NOUN/NN/deal/2/obj with/ADP/IN/with/7/case Ana/PROPN/NNP/Ana/7/compound Ruiz/PROPN/NNP/Ruiz/4/nmod that/PRON/WDT/that/9/nsubj focused/VERB/VBD/focus/7/acl:relcl on/ADP/IN/on/11/case prices/NOUN/NNS/price/9/obl ./PUNCT/././2/punct", &[(5, 7, PER)]);
        has(&d, "deal", "focus on", "prices");
        assert!(
            triples(&d)
                .iter()
                .all(|(s, _, o)| s != "Ana Ruiz" && o != "Ana Ruiz"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_complex_preposition_keeps_its_adverb() {
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj finished/VERB/VBD/finish/0/root ahead/ADV/RB/ahead/2/advmod of/ADP/IN/of/5/case Tom/PROPN/NNP/Tom/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (4, 5, PER)]);
        has(&d, "Ana", "finish ahead of", "Tom");
        // An adverb that forms no preposition with it stays out: "spoke quickly to".
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj spoke/VERB/VBD/speak/0/root quickly/ADV/RB/quickly/2/advmod to/ADP/IN/to/5/case Tom/PROPN/NNP/Tom/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (4, 5, PER)]);
        has(&d, "Ana", "speak to", "Tom");
    }

    #[test]
    fn a_title_parsed_as_a_second_subject_is_not_one() {
        let d = doc("Transport/PROPN/NNP/Transport/2/compound minister/NOUN/NN/minister/5/nsubj Rosa/PROPN/NNP/Rosa/5/nsubj Alves/PROPN/NNP/Alves/3/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././5/punct", &[(2, 4, PER)]);
        has(&d, "Rosa Alves", "resign", "");
        assert!(
            triples(&d).iter().all(|(s, _, _)| !s.contains("minister")),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn an_apposition_belongs_to_the_noun_before_its_comma() {
        // "The fair in the capital, Oslo, opened." with Oslo attached to "fair".
        let d = doc("The/DET/DT/the/2/det fair/NOUN/NN/fair/9/nsubj in/ADP/IN/in/5/case the/DET/DT/the/5/det capital/NOUN/NN/capital/2/nmod ,/PUNCT/,/,/7/punct Oslo/PROPN/NNP/Oslo/2/appos ,/PUNCT/,/,/7/punct opened/VERB/VBD/open/0/root ./PUNCT/././9/punct", &[(6, 7, LOC)]);
        has(&d, "Oslo", "be", "capital");
        assert!(
            triples(&d).iter().all(|(_, _, o)| o != "fair"),
            "{:?}",
            triples(&d)
        );
        // A noun in a clause on the head is no candidate: "a habit of sailing by boat, a
        // tradition" is about the habit.
        let d = doc("She/PRON/PRP/she/2/nsubj has/VERB/VBZ/have/0/root a/DET/DT/a/4/det habit/NOUN/NN/habit/2/obj of/SCONJ/IN/of/6/mark sailing/VERB/VBG/sail/4/acl by/ADP/IN/by/8/case boat/NOUN/NN/boat/6/obl ,/PUNCT/,/,/11/punct a/DET/DT/a/11/det tradition/NOUN/NN/tradition/4/appos ./PUNCT/././2/punct", &[]);
        has(&d, "habit", "be", "tradition");
        // Nor one in its noun phrase when neither is a name: the apposition may sum it all up.
        let d = doc("She/PRON/PRP/she/2/nsubj has/VERB/VBZ/have/0/root a/DET/DT/a/4/det habit/NOUN/NN/habit/2/obj of/ADP/IN/of/6/case travel/NOUN/NN/travel/4/nmod by/ADP/IN/by/8/case boat/NOUN/NN/boat/4/nmod ,/PUNCT/,/,/11/punct a/DET/DT/a/11/det tradition/NOUN/NN/tradition/4/appos ./PUNCT/././2/punct", &[]);
        has(&d, "habit", "be", "tradition");
    }

    #[test]
    fn a_place_and_time_hung_on_the_agent_are_the_clauses() {
        // "Kim was greeted by Putin at the Cosmodrome on Wednesday", as the parser read it.
        let d = doc("Kim/PROPN/NNP/Kim/3/nsubj:pass was/AUX/VBD/be/3/aux:pass greeted/VERB/VBN/greet/0/root by/ADP/IN/by/5/case Putin/PROPN/NNP/Putin/3/obl:agent at/ADP/IN/at/8/case the/DET/DT/the/8/det Cosmodrome/PROPN/NNP/Cosmodrome/5/nmod on/ADP/IN/on/10/case Wednesday/PROPN/NNP/Wednesday/8/nmod ./PUNCT/././3/punct", &[(0, 1, PER), (4, 5, PER), (7, 8, EntityType::Place)]);
        let st = extract(&d)
            .into_iter()
            .find(|s| s.relation.lemma == "greet")
            .expect("a greeting");
        assert_eq!(st.subject.text, "Putin");
        let roles: Vec<_> = st
            .qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.as_str()))
            .collect();
        assert!(roles.contains(&(Role::Location, "Cosmodrome")), "{roles:?}");
        assert!(roles.iter().any(|(r, _)| *r == Role::Time), "{roles:?}");
    }

    #[test]
    fn the_place_of_an_unnamed_agent_is_the_agents() {
        // "Prices were raised by the war in Ukraine": Ukraine is where the war is.
        let d = doc("Prices/NOUN/NNS/price/3/nsubj:pass were/AUX/VBD/be/3/aux:pass raised/VERB/VBN/raise/0/root by/ADP/IN/by/6/case the/DET/DT/the/6/det war/NOUN/NN/war/3/obl:agent in/ADP/IN/in/8/case Ukraine/PROPN/NNP/Ukraine/6/nmod", &[(7, 8, EntityType::Place)]);
        let st = extract(&d)
            .into_iter()
            .find(|s| s.relation.lemma == "raise")
            .expect("a statement");
        assert!(
            st.qualifiers.iter().all(|q| q.role != Role::Location),
            "{:?}",
            st.qualifiers
        );
    }

    #[test]
    fn names_in_a_prepositional_phrase_are_no_subject_pair() {
        // "Talks between President Putin and leader Kim ended", with "Kim" a second subject.
        let d = doc("Talks/NOUN/NNS/talk/9/nsubj between/ADP/IN/between/4/case President/PROPN/NNP/President/4/nmod:desc Putin/PROPN/NNP/Putin/1/nmod and/CCONJ/CC/and/8/cc Korean/PROPN/NNP/Korean/7/compound leader/NOUN/NN/leader/8/nmod:desc Kim/PROPN/NNP/Kim/9/nsubj ended/VERB/VBD/end/0/root", &[(3, 4, PER), (7, 8, PER)]);
        let subjects: Vec<_> = extract(&d)
            .into_iter()
            .filter(|s| s.relation.lemma == "end")
            .map(|s| s.subject.text)
            .collect();
        assert!(!subjects.contains(&"Putin".to_string()), "{subjects:?}");
    }

    #[test]
    fn a_titled_pair_whose_first_name_is_no_subject_is_the_subject() {
        // "Secretary Blinken and Minister Wang Yi met in Bali": "Blinken" an unmarked oblique,
        // "Wang" its conjunct, "Yi" the subject.
        let d = doc("Secretary/PROPN/NNP/Secretary/8/nsubj Antony/PROPN/NNP/Antony/3/compound Blinken/PROPN/NNP/Blinken/8/obl:unmarked and/CCONJ/CC/and/6/cc Minister/PROPN/NNP/Minister/6/compound Wang/NOUN/NN/wang/3/conj Yi/PROPN/NNP/Yi/8/nsubj met/VERB/VBD/meet/0/root in/ADP/IN/in/10/case Bali/PROPN/NNP/Bali/8/obl ./PUNCT/././8/punct", &[(1, 3, PER), (5, 7, PER), (9, 10, EntityType::Place)]);
        let st = extract(&d)
            .into_iter()
            .find(|s| s.relation.lemma.starts_with("meet"))
            .expect("a meeting");
        assert_eq!(
            (
                st.subject.text.as_str(),
                st.object.as_ref().map(|o| o.text.as_str())
            ),
            ("Antony Blinken", Some("Wang Yi"))
        );
        // The names are not also qualifiers of their own meeting.
        assert!(
            st.qualifiers.iter().all(|q| q.role != Role::Other),
            "{:?}",
            st.qualifiers
        );
    }

    #[test]
    fn a_titled_pair_read_as_two_subjects_is_one_coordinated_subject() {
        // The parser's reading: both names subjects of "met", "Putin" a compound of "leader".
        let d = doc("Russian/ADJ/JJ/Russian/12/mark President/PROPN/NNP/President/3/nmod:desc Vladimir/PROPN/NNP/Vladimir/12/nsubj Putin/PROPN/NNP/Putin/8/compound and/CCONJ/CC/and/7/cc North/PROPN/NNP/North/7/compound Korean/PROPN/NNP/Korean/4/conj leader/NOUN/NN/leader/9/nmod:desc Kim/PROPN/NNP/Kim/12/nsubj Jong/PROPN/NNP/Jong/9/flat Un/PROPN/NNP/Un/9/flat met/VERB/VBD/meet/0/root at/ADP/IN/at/14/case Vostochny/PROPN/NNP/Vostochny/12/obl ./PUNCT/././12/punct", &[(0, 1, EntityType::Other), (2, 4, PER), (5, 7, EntityType::Other), (8, 11, PER), (13, 14, EntityType::Place)]);
        let met: Vec<_> = extract(&d)
            .into_iter()
            .filter(|s| s.relation.lemma.starts_with("meet"))
            .map(|s| (s.subject.text, s.object.map(|o| o.text)))
            .collect();
        assert!(
            met.contains(&("Vladimir Putin".into(), Some("Kim Jong Un".into()))),
            "{met:?}"
        );
    }

    #[test]
    fn coordinated_titled_subjects_are_read_off_the_mentions() {
        // The parser's reading: the adjective "Danish" a conjunct of "Berg", and "Lars" a list
        // item of "Eva".
        let d = doc("Swedish/ADJ/JJ/Swedish/4/amod Prime/PROPN/NNP/Prime/3/compound Minister/PROPN/NNP/Minister/4/nmod:desc Eva/PROPN/NNP/Eva/11/nsubj Berg/PROPN/NNP/Berg/4/flat and/CCONJ/CC/and/7/cc Danish/ADJ/JJ/Danish/5/conj Premier/PROPN/NNP/Premier/9/nmod:desc Lars/PROPN/NNP/Lars/4/list Holm/PROPN/NNP/Holm/9/flat convened/VERB/VBD/convene/0/root at/ADP/IN/at/14/case a/DET/DT/a/14/det castle/NOUN/NN/castle/11/obl ./PUNCT/././11/punct", &[(0, 1, EntityType::Other), (3, 5, PER), (6, 7, EntityType::Other), (8, 10, PER)]);
        let met: Vec<_> = extract(&d)
            .into_iter()
            .filter(|s| s.relation.lemma.starts_with("convene"))
            .map(|s| (s.subject.text, s.object.map(|o| o.text)))
            .collect();
        assert!(
            met.contains(&("Eva Berg".into(), Some("Lars Holm".into()))),
            "{met:?}"
        );
        assert!(
            met.iter().all(|(_, o)| o.as_deref() != Some("Danish")),
            "{met:?}"
        );
    }

    #[test]
    fn a_gap_before_a_past_event_is_not_its_time() {
        // "their first talks in six years": in a noun phrase, and on the verb.
        for tree in [
            "The/DET/DT/the/2/det rivals/NOUN/NNS/rival/3/nsubj held/VERB/VBD/hold/0/root their/PRON/PRP$/their/6/nmod:poss first/ADJ/JJ/first/6/amod talks/NOUN/NNS/talk/3/obj in/ADP/IN/in/9/case six/NUM/CD/six/9/nummod years/NOUN/NNS/year/6/nmod ./PUNCT/././3/punct",
            "The/DET/DT/the/2/det rivals/NOUN/NNS/rival/3/nsubj held/VERB/VBD/hold/0/root their/PRON/PRP$/their/6/nmod:poss first/ADJ/JJ/first/6/amod talks/NOUN/NNS/talk/3/obj in/ADP/IN/in/9/case six/NUM/CD/six/9/nummod years/NOUN/NNS/year/3/obl ./PUNCT/././3/punct",
        ] {
            let s = has(&doc(tree, &[]), "rivals", "hold", "first talks");
            assert!(
                s.qualifiers.iter().all(|q| q.role != Role::Time),
                "{:?}",
                s.qualifiers
            );
        }
        // A future one is: "will finish in six years".
        let d = doc("Crews/NOUN/NNS/crew/3/nsubj will/AUX/MD/will/3/aux finish/VERB/VB/finish/0/root the/DET/DT/the/5/det bridge/NOUN/NN/bridge/3/obj in/ADP/IN/in/8/case six/NUM/CD/six/8/nummod years/NOUN/NNS/year/3/obl ./PUNCT/././3/punct", &[]);
        let s = has(&d, "Crews", "finish", "bridge");
        assert!(
            s.qualifiers.iter().any(|q| q.role == Role::Time),
            "{:?}",
            s.qualifiers
        );
    }

    #[test]
    fn a_place_hung_on_a_name_is_where_the_clause_goes() {
        // "to Lisbon" under "Tom", whom the recogniser missed.
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj travelled/VERB/VBD/travel/0/root with/ADP/IN/with/4/case Tom/PROPN/NNP/Tom/2/obl to/ADP/IN/to/6/case Lisbon/PROPN/NNP/Lisbon/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
        let s = has(&d, "Ana", "travel with", "Tom");
        assert!(
            s.qualifiers
                .iter()
                .any(|q| q.role == Role::Location && q.value.text == "Lisbon"),
            "{:?}",
            s.qualifiers
        );
        // A common noun keeps its own: "a road to Lisbon" says nothing of where one went.
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj built/VERB/VBD/build/0/root a/DET/DT/a/4/det road/NOUN/NN/road/2/obj to/ADP/IN/to/6/case Lisbon/PROPN/NNP/Lisbon/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
        let s = has(&d, "Ana", "build", "road");
        assert!(
            s.qualifiers.iter().all(|q| q.role != Role::Location),
            "{:?}",
            s.qualifiers
        );
    }

    #[test]
    fn an_infinitive_after_a_verb_of_making_is_its_objects_act() {
        // "Floods forced villagers to leave", with the infinitive parsed as an adverbial clause.
        let d = doc("Floods/NOUN/NNS/flood/2/nsubj forced/VERB/VBD/force/0/root villagers/NOUN/NNS/villager/2/obj to/PART/TO/to/5/mark leave/VERB/VB/leave/2/advcl ./PUNCT/././2/punct", &[]);
        has(&d, "villagers", "leave", "");
        // A purpose keeps the governor's subject: "Crews closed roads to save time".
        let d = doc("Crews/NOUN/NNS/crew/2/nsubj closed/VERB/VBD/close/0/root roads/NOUN/NNS/road/2/obj to/PART/TO/to/5/mark save/VERB/VB/save/2/advcl time/NOUN/NN/time/5/obj ./PUNCT/././2/punct", &[]);
        has(&d, "Crews", "save", "time");
    }

    #[test]
    fn the_city_of_a_name_is_that_place() {
        // A place mention, and a proper noun the recogniser missed.
        let d = doc("Rockets/NOUN/NNS/rocket/2/nsubj hit/VERB/VBD/hit/0/root the/DET/DT/the/5/det port/NOUN/NN/port/5/compound city/NOUN/NN/city/2/obj of/ADP/IN/of/7/case Vardo/PROPN/NNP/Vardo/5/nmod ./PUNCT/././2/punct", &[]);
        let s = has(&d, "Rockets", "hit", "Vardo");
        assert_eq!(s.object.unwrap().kind, ArgumentKind::Entity(LOC));
        let d = doc("Floods/NOUN/NNS/flood/2/nsubj struck/VERB/VBD/strike/0/root the/DET/DT/the/4/det island/NOUN/NN/island/2/obj of/ADP/IN/of/6/case Mindanao/PROPN/NNP/Mindanao/4/nmod ./PUNCT/././2/punct", &[(5, 6, LOC)]);
        has(&d, "Floods", "strike", "Mindanao");
        // Not the capital of a country.
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj left/VERB/VBD/leave/0/root the/DET/DT/the/4/det capital/NOUN/NN/capital/2/obj of/ADP/IN/of/6/case Norway/PROPN/NNP/Norway/4/nmod on/ADP/IN/on/8/case Friday/PROPN/NNP/Friday/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
        let s = has(&d, "Ana", "leave", "capital of Norway");
        assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
        // Not a common noun after "of".
        let d = doc("Rockets/NOUN/NNS/rocket/2/nsubj hit/VERB/VBD/hit/0/root the/DET/DT/the/4/det city/NOUN/NN/city/2/obj of/ADP/IN/of/6/case dreams/NOUN/NNS/dream/4/nmod ./PUNCT/././2/punct", &[]);
        has(&d, "Rockets", "hit", "city");
    }

    #[test]
    fn the_national_is_a_person_not_the_country() {
        let d = doc("The/DET/DT/the/2/det Chilean/PROPN/NNP/Chilean/3/nsubj won/VERB/VBD/win/0/root the/DET/DT/the/5/det race/NOUN/NN/race/3/obj ./PUNCT/././3/punct", &[(1, 2, EntityType::Other)]);
        let s = has(&d, "Chilean", "win", "race");
        assert_eq!(s.subject.kind, ArgumentKind::Unresolved);
        // The people of a country, or a nationality without the article, stay the country's.
        let d = doc("The/DET/DT/the/2/det Chileans/PROPN/NNPS/Chilean/3/nsubj won/VERB/VBD/win/0/root the/DET/DT/the/5/det race/NOUN/NN/race/3/obj ./PUNCT/././3/punct", &[(1, 2, EntityType::Other)]);
        let s = has(&d, "Chileans", "win", "race");
        assert_eq!(s.subject.kind, ArgumentKind::Entity(EntityType::Other));
    }

    #[test]
    fn a_nationality_heading_a_name_gives_way_to_the_name() {
        // The parser made the demonym head of "Brazilian Senator Ana Lima".
        let d = doc("Brazilian/PROPN/NNP/Brazilian/5/nsubj Senator/PROPN/NNP/Senator/1/flat Ana/PROPN/NNP/Ana/1/flat Lima/PROPN/NNP/Lima/3/flat visited/VERB/VBD/visit/0/root a/DET/DT/a/7/det factory/NOUN/NN/factory/5/obj ./PUNCT/././5/punct", &[(0, 1, EntityType::Other), (2, 4, PER)]);
        let s = has(&d, "Ana Lima", "visit", "factory");
        assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
        // A nationality alone stays what it was.
        let d = doc("Brazilians/PROPN/NNPS/Brazilian/2/nsubj voted/VERB/VBD/vote/0/root ./PUNCT/././2/punct", &[(0, 1, EntityType::Other)]);
        let s = has(&d, "Brazilians", "vote", "");
        assert_eq!(s.subject.kind, ArgumentKind::Entity(EntityType::Other));
    }

    #[test]
    fn a_title_heading_its_name_gives_way_to_the_name() {
        let d = doc("Chief/PROPN/NNP/Chief/5/nsubj executive/ADJ/JJ/executive/3/amod Ana/PROPN/NNP/Ana/4/nmod:desc Ruiz/PROPN/NNP/Ruiz/1/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././5/punct", &[(2, 4, PER)]);
        let s = has(&d, "Ana Ruiz", "resign", "");
        assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
    }

    #[test]
    fn a_clause_opened_by_until_is_no_object() {
        let d = doc("The/DET/DT/the/2/det strike/NOUN/NN/strike/4/nsubj will/AUX/MD/will/4/aux continue/VERB/VB/continue/0/root until/SCONJ/IN/until/7/mark owners/NOUN/NNS/owner/7/nsubj pay/VERB/VBP/pay/4/ccomp more/ADJ/JJR/more/7/obj ./PUNCT/././4/punct", &[]);
        has(&d, "strike", "continue", "");
        has(&d, "owners", "pay", "more");
    }

    #[test]
    fn a_subject_set_off_as_a_person_is_that_person() {
        let d = doc("The/DET/DT/the/2/det mayor/NOUN/NN/mayor/7/nsubj ,/PUNCT/,/,/4/punct Ana/PROPN/NNP/Ana/2/appos Ruiz/PROPN/NNP/Ruiz/4/flat ,/PUNCT/,/,/2/punct opened/VERB/VBD/open/0/root the/DET/DT/the/9/det bridge/NOUN/NN/bridge/7/obj ./PUNCT/././7/punct", &[(3, 5, PER)]);
        has(&d, "Ana Ruiz", "open", "bridge");
        has(&d, "Ana Ruiz", "be", "mayor");
        assert!(
            triples(&d).iter().all(|(s, _, _)| s != "mayor"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_piece_of_a_name_is_no_second_subject() {
        // "Doctors at the Bank of Lima Town have …" with "Town" cut off as a second subject.
        let d = doc("Doctors/NOUN/NNS/doctor/8/nsubj at/ADP/IN/at/4/case the/DET/DT/the/4/det University/PROPN/NNP/University/1/nmod of/ADP/IN/of/6/case Kings/PROPN/NNP/Kings/4/nmod Town/NOUN/NN/town/8/nsubj found/VERB/VBD/find/0/root a/DET/DT/a/10/det cure/NOUN/NN/cure/8/obj ./PUNCT/././8/punct", &[(3, 7, ORG)]);
        has(&d, "Doctors", "find", "cure");
        assert!(
            triples(&d)
                .iter()
                .all(|(s, _, _)| s != "University of Kings Town"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn of_several_subjects_the_nearest_is_the_subject() {
        // "Sales fell because rain in May hurt crops, farmers said" with four subjects of "said".
        let d = doc("Sales/NOUN/NNS/sale/2/nsubj fell/VERB/VBD/fall/0/root because/SCONJ/IN/because/11/mark rain/NOUN/NN/rain/11/nsubj in/ADP/IN/in/6/case May/PROPN/NNP/May/4/nmod hurt/PROPN/NNP/hurt/8/compound crops/NOUN/NNS/crop/11/nsubj ,/PUNCT/,/,/10/punct farmers/NOUN/NNS/farmer/11/nsubj said/VERB/VBD/say/2/advcl ./PUNCT/././2/punct", &[]);
        let all = triples(&d);
        assert!(
            all.iter().all(|(s, r, _)| r != "say" || s == "farmers"),
            "{all:?}"
        );
    }

    #[test]
    fn a_light_verb_with_nothing_after_it_says_nothing() {
        // "Rosa Alves, who had won twice, retired." with "had" read as the relative clause's verb.
        let d = doc("Rosa/PROPN/NNP/Rosa/8/nsubj Alves/PROPN/NNP/Alves/1/flat ,/PUNCT/,/,/5/punct who/PRON/WP/who/5/nsubj had/VERB/VBD/have/1/acl:relcl won/VERB/VBN/win/8/parataxis twice/ADV/RB/twice/6/advmod retired/VERB/VBD/retire/0/root ./PUNCT/././8/punct", &[(0, 2, PER)]);
        has(&d, "Rosa Alves", "retire", "");
        assert!(
            triples(&d).iter().all(|(_, r, _)| r != "have"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn two_names_in_apposition_are_not_one_thing() {
        let d = doc("They/PRON/PRP/they/2/nsubj flew/VERB/VBD/fly/0/root to/ADP/IN/to/4/case Portland/PROPN/NNP/Portland/2/obl ,/PUNCT/,/,/6/punct Oregon/PROPN/NNP/Oregon/4/appos ./PUNCT/././2/punct", &[(3, 4, LOC), (5, 6, LOC)]);
        assert!(
            triples(&d).iter().all(|(_, r, _)| r != "be"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn an_apposition_is_set_off_by_a_comma() {
        let d = doc("Lena/PROPN/NNP/Lena/7/nsubj Holm/PROPN/NNP/Holm/1/flat ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det chemist/NOUN/NN/chemist/1/appos ,/PUNCT/,/,/5/punct retired/VERB/VBD/retire/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
        has(&d, "Lena Holm", "be", "chemist");
        // The same words without the commas: no apposition as written.
        let d = doc("Lena/PROPN/NNP/Lena/4/nsubj Holm/PROPN/NNP/Holm/1/flat chemist/NOUN/NN/chemist/1/appos retired/VERB/VBD/retire/0/root ./PUNCT/././4/punct", &[(0, 2, PER)]);
        assert!(
            triples(&d).iter().all(|(_, r, _)| r != "be"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn apposition_without_an_organisation_is_a_concept() {
        let d = doc("Tom/PROPN/NNP/Tom/7/nsubj Reed/PROPN/NNP/Reed/1/flat ,/PUNCT/,/,/5/punct a/DET/DT/a/5/det spokesperson/NOUN/NN/spokesperson/1/appos ,/PUNCT/,/,/5/punct declined/VERB/VBD/decline/0/root ./PUNCT/././7/punct", &[(0, 2, PER)]);
        let s = has(&d, "Tom Reed", "be", "spokesperson");
        assert_eq!(s.object.unwrap().kind, ArgumentKind::Concept);
    }

    #[test]
    fn obliques_become_qualifiers_with_preposition_and_role() {
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj met/VERB/VBD/meet/0/root Tom/PROPN/NNP/Tom/2/obj at/ADP/IN/at/6/case the/DET/DT/the/6/det harbour/NOUN/NN/harbour/2/obl on/ADP/IN/on/8/case Monday/PROPN/NNP/Monday/2/obl about/ADP/IN/about/10/case trade/NOUN/NN/trade/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
        let s = has(&d, "Ana", "meet", "Tom");
        let q: Vec<(Role, Option<&str>, &str)> = s
            .qualifiers
            .iter()
            .map(|q| (q.role, q.preposition.as_deref(), q.value.text.as_str()))
            .collect();
        assert_eq!(
            q,
            [
                (Role::Location, Some("at"), "harbour"),
                (Role::Time, Some("on"), "Monday"),
                (Role::Topic, Some("about"), "trade")
            ]
        );
    }

    #[test]
    fn places_and_times_inside_an_argument_qualify_the_statement() {
        // The parser hangs "in Lisbon" and "on Friday" on the noun; both still say where and
        // when the clause happened. A finite verb that the parser made an `acl` with its own
        // subject is still a clause.
        let d = doc("Ending/VERB/VBG/end/0/root the/DET/DT/the/3/det wait/NOUN/NN/wait/1/obj ,/PUNCT/,/,/6/punct Ana/PROPN/NNP/Ana/6/nsubj gathered/VERB/VBD/gather/3/acl at/ADP/IN/at/9/case a/DET/DT/a/9/det hall/NOUN/NN/hall/6/obl in/ADP/IN/in/11/case Lisbon/PROPN/NNP/Lisbon/9/nmod on/ADP/IN/on/13/case Friday/PROPN/NNP/Friday/9/nmod ./PUNCT/././1/punct", &[(4, 5, PER), (10, 11, LOC)]);
        let s = has(&d, "Ana", "gather at", "hall");
        let q: Vec<(Role, &str)> = s
            .qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.as_str()))
            .collect();
        assert_eq!(q, [(Role::Location, "Lisbon"), (Role::Time, "Friday")]);
        // "across" a place too, with the time hung on that place.
        let d = doc("Farmers/NOUN/NNS/farmer/2/nsubj blocked/VERB/VBD/block/0/root roads/NOUN/NNS/road/2/obj across/ADP/IN/across/5/case France/PROPN/NNP/France/3/nmod on/ADP/IN/on/7/case Monday/PROPN/NNP/Monday/5/nmod ./PUNCT/././2/punct", &[(4, 5, LOC)]);
        let s = has(&d, "Farmers", "block", "roads");
        let q: Vec<(Role, &str)> = s
            .qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.as_str()))
            .collect();
        assert_eq!(q, [(Role::Location, "France"), (Role::Time, "Monday")]);
    }

    #[test]
    fn an_amount_after_by_is_no_means_and_times_are_found_through_of() {
        // "by a quarter of a point" says how much; the parser hung "on Thursday" on "point",
        // two nouns down through "of".
        let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj raised/VERB/VBD/raise/0/root rates/NOUN/NNS/rate/3/obj by/ADP/IN/by/7/case a/DET/DT/a/7/det quarter/NOUN/NN/quarter/3/obl of/ADP/IN/of/10/case a/DET/DT/a/10/det point/NOUN/NN/point/7/nmod on/ADP/IN/on/12/case Thursday/PROPN/NNP/Thursday/10/nmod ./PUNCT/././3/punct", &[]);
        let s = has(&d, "bank", "raise", "rates");
        let q: Vec<(Role, &str)> = s
            .qualifiers
            .iter()
            .map(|q| (q.role, q.value.text.as_str()))
            .collect();
        assert_eq!(q, [(Role::Other, "quarter"), (Role::Time, "Thursday")]);
        // A place the same way: "on the sidelines of the summit in Vilnius".
        let d = doc("Kim/PROPN/NNP/Kim/2/nsubj spoke/VERB/VBD/speak/0/root on/ADP/IN/on/5/case the/DET/DT/the/5/det sidelines/NOUN/NNS/sideline/2/obl of/ADP/IN/of/8/case the/DET/DT/the/8/det summit/NOUN/NN/summit/5/nmod in/ADP/IN/in/10/case Vilnius/PROPN/NNP/Vilnius/8/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (9, 10, LOC)]);
        let s = has(&d, "Kim", "speak on", "sidelines");
        assert!(
            s.qualifiers
                .iter()
                .any(|q| q.role == Role::Location && q.value.text == "Vilnius"),
            "{:?}",
            s.qualifiers
        );
    }

    #[test]
    fn an_adjective_or_participle_said_of_the_object_joins_the_relation() {
        let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj left/VERB/VBD/leave/0/root rates/NOUN/NNS/rate/3/obj unchanged/ADJ/JJ/unchanged/3/xcomp on/ADP/IN/on/7/case Wednesday/PROPN/NNP/Wednesday/5/obl ./PUNCT/././3/punct", &[]);
        let s = has(&d, "bank", "leave unchanged", "rates");
        assert_eq!(s.qualifiers.len(), 1);
        assert_eq!(s.qualifiers[0].role, Role::Time);
        let d = doc("Egypt/PROPN/NNP/Egypt/2/nsubj kept/VERB/VBD/keep/0/root the/DET/DT/the/4/det crossing/NOUN/NN/crossing/2/obj closed/VERB/VBN/close/2/xcomp ./PUNCT/././2/punct", &[(0, 1, LOC)]);
        has(&d, "Egypt", "keep closed", "crossing");
        // A participle with its own agent modifies the object: no "accept authored".
        let d = doc("The/DET/DT/the/2/det king/NOUN/NN/king/3/nsubj accepted/VERB/VBD/accept/0/root the/DET/DT/the/5/det draft/NOUN/NN/draft/3/obj written/VERB/VBN/write/3/xcomp by/ADP/IN/by/8/case monks/NOUN/NNS/monk/6/obl ./PUNCT/././3/punct", &[]);
        assert!(
            extract(&d)
                .iter()
                .all(|s| !s.relation.lemma.contains("written")),
            "{:?}",
            extract(&d)
                .iter()
                .map(|s| &s.relation.lemma)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn where_and_when_give_the_clause_the_place_or_time_before_them() {
        let roles = |s: &Statement| -> Vec<(Role, String)> {
            s.qualifiers
                .iter()
                .map(|q| (q.role, q.value.text.clone()))
                .collect()
        };
        // The parser made "where he met Scholz" an adverbial clause of "flew".
        let d = doc("Zelensky/PROPN/NNP/Zelensky/2/nsubj flew/VERB/VBD/fly/0/root to/ADP/IN/to/4/case Berlin/PROPN/NNP/Berlin/2/obl ,/PUNCT/,/,/8/punct where/ADV/WRB/where/8/advmod he/PRON/PRP/he/8/nsubj met/VERB/VBD/meet/2/advcl Scholz/PROPN/NNP/Scholz/8/obj ./PUNCT/././2/punct", &[(0, 1, PER), (3, 4, LOC), (8, 9, PER)]);
        let met = extract(&d)
            .into_iter()
            .find(|s| s.relation.lemma == "meet")
            .expect("a meeting");
        assert_eq!(roles(&met), [(Role::Location, "Berlin".to_owned())]);
        // A relative clause: the noun is where, not what ("a hotel where officials gathered").
        let d = doc("They/PRON/PRP/they/2/nsubj stayed/VERB/VBD/stay/0/root at/ADP/IN/at/5/case a/DET/DT/a/5/det hotel/NOUN/NN/hotel/2/obl where/ADV/WRB/where/8/advmod officials/NOUN/NNS/official/8/nsubj gathered/VERB/VBD/gather/5/acl:relcl ./PUNCT/././2/punct", &[]);
        let s = extract(&d)
            .into_iter()
            .find(|s| s.relation.lemma == "gather")
            .expect("a gathering");
        assert!(s.object.is_none(), "{:?}", s.object);
        assert_eq!(roles(&s), [(Role::Location, "hotel".to_owned())]);
        // "when" after a time.
        let d = doc("It/PRON/PRP/it/2/nsubj began/VERB/VBD/begin/0/root in/ADP/IN/in/4/case 2019/NUM/CD/2019/2/obl ,/PUNCT/,/,/8/punct when/ADV/WRB/when/8/advmod rebels/NOUN/NNS/rebel/8/nsubj took/VERB/VBD/take/2/advcl Goma/PROPN/NNP/Goma/8/obj ./PUNCT/././2/punct", &[(8, 9, LOC)]);
        let s = has(&d, "rebels", "take", "Goma");
        assert_eq!(roles(&s), [(Role::Time, "2019".to_owned())]);
        // Not a place or time before it: nothing.
        let d = doc("It/PRON/PRP/it/2/nsubj rained/VERB/VBD/rain/0/root on/ADP/IN/on/4/case us/PRON/PRP/we/2/obl ,/PUNCT/,/,/8/punct where/ADV/WRB/where/8/advmod rebels/NOUN/NNS/rebel/8/nsubj took/VERB/VBD/take/2/advcl Goma/PROPN/NNP/Goma/8/obj ./PUNCT/././2/punct", &[(8, 9, LOC)]);
        let s = has(&d, "rebels", "take", "Goma");
        assert!(roles(&s).is_empty(), "{:?}", roles(&s));
    }

    #[test]
    fn an_adverb_particle_right_after_the_verb_is_part_of_it() {
        let d = doc("Ana/PROPN/NNP/Ana/3/nsubj will/AUX/MD/will/3/aux step/VERB/VB/step/0/root down/ADV/RB/down/3/advmod ./PUNCT/././3/punct", &[(0, 1, PER)]);
        has(&d, "Ana", "step down", "");
        // Not one further away: "stepped aside quickly down there" keeps "step".
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj stepped/VERB/VBD/step/0/root aside/ADV/RB/aside/2/advmod down/ADV/RB/down/2/advmod ./PUNCT/././2/punct", &[(0, 1, PER)]);
        has(&d, "Ana", "step", "");
    }

    #[test]
    fn a_noun_aimed_at_a_target_joins_the_relation() {
        // The parser hung "on Russia" on the verb; "on" a country is no location.
        let d = doc("The/DET/DT/the/2/det Union/PROPN/NNP/Union/3/nsubj imposed/VERB/VBD/impose/0/root sanctions/NOUN/NNS/sanction/3/obj on/ADP/IN/on/6/case Russia/PROPN/NNP/Russia/3/obl ./PUNCT/././3/punct", &[(1, 2, ORG), (5, 6, LOC)]);
        let s = has(&d, "Union", "impose sanction on", "Russia");
        assert!(s.qualifiers.is_empty(), "{:?}", s.qualifiers);
        // A targeting verb takes only a target's preposition: "opened an office in Oslo" is an
        // office opened in Oslo.
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj opened/VERB/VBD/open/0/root an/DET/DT/a/4/det office/NOUN/NN/office/2/obj in/ADP/IN/in/6/case Oslo/PROPN/NNP/Oslo/4/nmod ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, LOC)]);
        let s = has(&d, "Ana", "open", "office");
        assert_eq!(s.qualifiers[0].role, Role::Location);
    }

    #[test]
    fn a_level_after_at_is_no_place_and_hyphenated_words_stay_whole() {
        let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj held/VERB/VBD/hold/0/root rates/NOUN/NNS/rate/3/obj at/ADP/IN/at/7/case 5.25/NUM/CD/5.25/7/nummod percent/NOUN/NN/percent/3/obl ./PUNCT/././3/punct", &[]);
        let s = has(&d, "bank", "hold", "rates");
        assert_eq!(s.qualifiers[0].role, Role::Other);
        let mut d = doc("They/PRON/PRP/they/2/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/8/case a/DET/DT/a/8/det 24/NUM/CD/24/7/nummod -/PUNCT/HYPH/-/5/punct hour/NOUN/NN/hour/8/compound ceasefire/NOUN/NN/ceasefire/2/obl ./PUNCT/././2/punct", &[]);
        for k in [4, 5] {
            d.sentences[0].tokens[k].space_after = false;
        }
        // (The test document spells its tokens apart.)
        has(&d, "They", "agree to", "24 - hour ceasefire");
    }

    #[test]
    fn a_means_gives_way_to_a_partner_as_the_object() {
        let d = doc("Modi/PROPN/NNP/Modi/2/nsubj spoke/VERB/VBD/speak/0/root by/ADP/IN/by/4/case phone/NOUN/NN/phone/2/obl with/ADP/IN/with/6/case Zelensky/PROPN/NNP/Zelensky/2/obl ./PUNCT/././2/punct", &[(0, 1, PER), (5, 6, PER)]);
        let s = has(&d, "Modi", "speak with", "Zelensky");
        assert_eq!(s.qualifiers[0].role, Role::Means);
        // Without a partner, the means is still the object: "arrived by train".
        let d = doc("Modi/PROPN/NNP/Modi/2/nsubj arrived/VERB/VBD/arrive/0/root by/ADP/IN/by/4/case train/NOUN/NN/train/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
        has(&d, "Modi", "arrive by", "train");
    }

    #[test]
    fn the_one_urged_to_act_is_the_subject_of_a_requested_act() {
        // The parser's readings: the one urged an indirect object; the infinitive a modifier of
        // the object; "called on" with an oblique.
        let d = doc("Biden/PROPN/NNP/Biden/2/nsubj urged/VERB/VBD/urge/0/root Congress/PROPN/NNP/Congress/2/iobj to/PART/TO/to/5/mark approve/VERB/VB/approve/2/xcomp aid/NOUN/NN/aid/5/obj ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, ORG)]);
        has(&d, "Biden", "urge", "Congress");
        let s = has(&d, "Congress", "approve", "aid");
        assert_eq!(s.modality, Modality::Requested);
        let d = doc("The/DET/DT/the/2/det court/NOUN/NN/court/3/nsubj ordered/VERB/VBD/order/0/root the/DET/DT/the/5/det firm/NOUN/NN/firm/3/obj to/PART/TO/to/7/mark pay/VERB/VB/pay/5/acl damages/NOUN/NNS/damage/7/obj ./PUNCT/././3/punct", &[]);
        assert_eq!(
            has(&d, "firm", "pay", "damages").modality,
            Modality::Requested
        );
        let d = doc("The/DET/DT/the/2/det UN/PROPN/NNP/UN/3/nsubj called/VERB/VBD/call/0/root on/ADP/IN/on/5/case sides/NOUN/NNS/side/3/obl to/PART/TO/to/7/mark protect/VERB/VB/protect/3/xcomp civilians/NOUN/NNS/civilian/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
        assert_eq!(
            has(&d, "sides", "protect", "civilians").modality,
            Modality::Requested
        );
        // Forced to flee, they fled.
        let d = doc("Troops/NOUN/NNS/troop/2/nsubj forced/VERB/VBD/force/0/root residents/NOUN/NNS/resident/2/obj to/PART/TO/to/5/mark leave/VERB/VB/leave/2/xcomp ./PUNCT/././2/punct", &[]);
        assert_eq!(
            has(&d, "residents", "leave", "").modality,
            Modality::Asserted
        );
    }

    #[test]
    fn what_someone_is_accused_of_is_the_accusers_claim() {
        // The gerund hung on the accused (acl), as the parser read it.
        let d = doc("Kyiv/PROPN/NNP/Kyiv/2/nsubj accused/VERB/VBD/accuse/0/root Moscow/PROPN/NNP/Moscow/2/obj of/SCONJ/IN/of/5/mark shelling/VERB/VBG/shell/3/acl the/DET/DT/the/7/det dam/NOUN/NN/dam/5/obj ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, LOC)]);
        let s = has(&d, "Moscow", "shell", "dam");
        assert_eq!(s.attribution.unwrap().text, "Kyiv");
        // No accuser named: not stated.
        let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass accused/VERB/VBN/accuse/0/root of/SCONJ/IN/of/5/mark stealing/VERB/VBG/steal/3/advcl cash/NOUN/NN/cash/5/obj ./PUNCT/././3/punct", &[]);
        let s = has(&d, "He", "steal", "cash");
        assert!(s.attribution.is_none());
        assert_eq!(s.modality, Modality::Possible);
        // Convicted of it, it is a court's finding.
        let d = doc("A/DET/DT/a/2/det jury/NOUN/NN/jury/3/nsubj convicted/VERB/VBD/convict/0/root Ana/PROPN/NNP/Ana/3/obj of/SCONJ/IN/of/6/mark killing/VERB/VBG/kill/3/advcl Tom/PROPN/NNP/Tom/6/obj ./PUNCT/././3/punct", &[(3, 4, PER), (6, 7, PER)]);
        let s = has(&d, "Ana", "kill", "Tom");
        assert!(s.attribution.is_none());
        assert_eq!(s.modality, Modality::Asserted);
    }

    #[test]
    fn a_participle_conjoined_to_a_passive_is_passive() {
        let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc others/NOUN/NNS/other/7/nsubj injured/VERB/VBN/injure/4/conj ./PUNCT/././4/punct", &[]);
        has(&d, "others", "be injured", "");
        // An active conjunct with its own object stays active.
        let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/6/cc police/NOUN/NNS/police/7/nsubj closed/VERB/VBD/close/4/conj roads/NOUN/NNS/road/7/obj ./PUNCT/././4/punct", &[]);
        has(&d, "police", "close", "roads");
    }

    #[test]
    fn a_penalty_falls_on_its_indirect_object() {
        let d = doc("Brussels/PROPN/NNP/Brussels/2/nsubj fined/VERB/VBD/fine/0/root Apple/PROPN/NNP/Apple/2/iobj 1.8/NUM/CD/1.8/5/compound billion/NUM/CD/billion/6/nummod euros/NOUN/NNS/euro/2/obj ./PUNCT/././2/punct", &[(0, 1, LOC), (2, 3, ORG)]);
        let s = has(&d, "Brussels", "fine", "Apple");
        assert_eq!(s.qualifiers[0].role, Role::Other);
        // A gift's indirect object stays the recipient: "gave Ana 5 euros".
        let d = doc("Tom/PROPN/NNP/Tom/2/nsubj gave/VERB/VBD/give/0/root Ana/PROPN/NNP/Ana/2/iobj 5/NUM/CD/5/5/nummod euros/NOUN/NNS/euro/2/obj ./PUNCT/././2/punct", &[(0, 1, PER), (2, 3, PER)]);
        let s = has(&d, "Tom", "give", "5 euros");
        assert_eq!(s.qualifiers[0].role, Role::Recipient);
    }

    #[test]
    fn what_a_counting_noun_counts_is_the_argument() {
        let d = doc("Thousands/NOUN/NNS/thousand/4/nsubj of/ADP/IN/of/3/case protesters/NOUN/NNS/protester/1/nmod gathered/VERB/VBD/gather/0/root in/ADP/IN/in/6/case Tbilisi/PROPN/NNP/Tbilisi/4/obl ./PUNCT/././4/punct", &[(5, 6, LOC)]);
        let s = has(&d, "protesters", "gather in", "Tbilisi");
        assert_eq!(s.subject.full_text, "Thousands of protesters");
    }

    #[test]
    fn the_subjects_places_qualify_the_statement_and_a_names_time_too() {
        let quals = |s: &Statement| -> Vec<(Role, String)> {
            s.qualifiers
                .iter()
                .map(|q| (q.role, q.value.text.clone()))
                .collect()
        };
        let d = doc("A/DET/DT/a/2/det court/NOUN/NN/court/5/nsubj in/ADP/IN/in/4/case Paris/PROPN/NNP/Paris/2/nmod sentenced/VERB/VBD/sentence/0/root Sarkozy/PROPN/NNP/Sarkozy/5/obj ./PUNCT/././5/punct", &[(3, 4, LOC), (5, 6, PER)]);
        let s = has(&d, "court", "sentence", "Sarkozy");
        assert_eq!(quals(&s), [(Role::Location, "Paris".to_owned())]);
        // A named subject has no time of its own: the parser hung the clause's on it.
        let d = doc("Seoul/PROPN/NNP/Seoul/4/nsubj on/ADP/IN/on/3/case Thursday/PROPN/NNP/Thursday/1/nmod expressed/VERB/VBD/express/0/root concern/NOUN/NN/concern/4/obj ./PUNCT/././4/punct", &[(0, 1, LOC)]);
        let s = has(&d, "Seoul", "express", "concern");
        assert_eq!(quals(&s), [(Role::Time, "Thursday".to_owned())]);
        // An event has: "the summit on Wednesday could lead to a deal" is the summit's day.
        let d = doc("The/DET/DT/the/2/det summit/NOUN/NN/summit/6/nsubj on/ADP/IN/on/4/case Wednesday/PROPN/NNP/Wednesday/2/nmod could/AUX/MD/could/6/aux lead/VERB/VB/lead/0/root to/ADP/IN/to/9/case a/DET/DT/a/9/det deal/NOUN/NN/deal/6/obl ./PUNCT/././6/punct", &[]);
        let s = has(&d, "summit", "lead to", "deal");
        assert!(quals(&s).is_empty(), "{:?}", quals(&s));
        // Nor an event's place: "the war in Ukraine raised prices" everywhere.
        let d = doc("The/DET/DT/the/2/det war/NOUN/NN/war/5/nsubj in/ADP/IN/in/4/case Ukraine/PROPN/NNP/Ukraine/2/nmod raised/VERB/VBD/raise/0/root prices/NOUN/NNS/price/5/obj ./PUNCT/././5/punct", &[(3, 4, LOC)]);
        let s = has(&d, "war", "raise", "prices");
        assert!(quals(&s).is_empty(), "{:?}", quals(&s));
        // A passive verb's agent who acts the same way, and what the verb's preposition said:
        // "He was convicted of fraud by a jury in New York on Thursday".
        let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass convicted/VERB/VBN/convict/0/root of/ADP/IN/of/5/case fraud/NOUN/NN/fraud/3/obl by/ADP/IN/by/8/case a/DET/DT/a/8/det jury/NOUN/NN/jury/3/obl:agent in/ADP/IN/in/10/case York/PROPN/NNP/York/8/nmod on/ADP/IN/on/12/case Thursday/PROPN/NNP/Thursday/8/nmod ./PUNCT/././3/punct", &[(9, 10, LOC)]);
        let s = has(&d, "jury", "convict", "He");
        assert_eq!(
            quals(&s),
            [
                (Role::Other, "fraud".to_owned()),
                (Role::Location, "York".to_owned()),
                (Role::Time, "Thursday".to_owned())
            ]
        );
        // Nor a light verb's: "There's concern in Seoul" says nothing of Seoul.
        let d = doc("There/PRON/EX/there/2/expl 's/VERB/VBZ/be/0/root concern/NOUN/NN/concern/2/nsubj in/ADP/IN/in/5/case Seoul/PROPN/NNP/Seoul/3/nmod ./PUNCT/././2/punct", &[(4, 5, LOC)]);
        let all = extract(&d);
        assert!(
            all.iter().all(|s| s.relation.lemma != "be"),
            "{:?}",
            all.iter().map(|s| &s.relation.lemma).collect::<Vec<_>>()
        );
    }

    #[test]
    fn intransitive_verb_takes_its_preposition_and_keeps_the_means() {
        let d = doc("The/DET/DT/the/2/det minister/NOUN/NN/minister/3/nsubj arrived/VERB/VBD/arrive/0/root at/ADP/IN/at/5/case Oslo/PROPN/NNP/Oslo/3/obl by/ADP/IN/by/7/case train/NOUN/NN/train/3/obl ./PUNCT/././3/punct", &[(4, 5, LOC)]);
        let s = has(&d, "minister", "arrive at", "Oslo");
        assert_eq!(s.qualifiers.len(), 1);
        assert_eq!(s.qualifiers[0].role, Role::Means);
        assert_eq!(s.qualifiers[0].value.text, "train");
    }

    #[test]
    fn coordinated_subjects_of_a_symmetric_verb_meet_each_other() {
        let d = doc("Ana/PROPN/NNP/Ana/4/nsubj and/CCONJ/CC/and/3/cc Tom/PROPN/NNP/Tom/1/conj met/VERB/VBD/meet/0/root in/ADP/IN/in/6/case Oslo/PROPN/NNP/Oslo/4/obl ./PUNCT/././4/punct", &[(0, 1, PER), (2, 3, PER), (5, 6, LOC)]);
        assert_eq!(triples(&d), [("Ana".into(), "meet".into(), "Tom".into())]);
        let s = has(&d, "Ana", "meet", "Tom");
        assert_eq!(s.qualifiers[0].role, Role::Location);
    }

    #[test]
    fn coordinated_verbs_share_their_subject_and_objects_are_expanded() {
        let d = doc("The/DET/DT/the/2/det workers/NOUN/NNS/worker/3/nsubj toured/VERB/VBD/tour/0/root the/DET/DT/the/5/det plant/NOUN/NN/plant/3/obj and/CCONJ/CC/and/7/cc discussed/VERB/VBD/discuss/3/conj wages/NOUN/NNS/wage/7/obj and/CCONJ/CC/and/10/cc hours/NOUN/NNS/hour/8/conj ./PUNCT/././3/punct", &[]);
        assert_eq!(
            triples(&d),
            [
                ("workers".into(), "tour".into(), "plant".into()),
                ("workers".into(), "discuss".into(), "wages".into()),
                ("workers".into(), "discuss".into(), "hours".into())
            ]
        );
    }

    #[test]
    fn passive_with_agent_reads_actively() {
        let d = doc("The/DET/DT/the/2/det bill/NOUN/NN/bill/4/nsubj:pass was/AUX/VBD/be/4/aux:pass signed/VERB/VBN/sign/0/root by/ADP/IN/by/7/case the/DET/DT/the/7/det governor/NOUN/NN/governor/4/obl:agent ./PUNCT/././4/punct", &[]);
        assert_eq!(
            triples(&d),
            [("governor".into(), "sign".into(), "bill".into())]
        );
        // The benchmark reading keeps the sentence's voice.
        let e = &analyse(&d)[0];
        let s = e.surface.as_ref().unwrap();
        assert_eq!(
            (s.arg1.as_str(), s.relation.as_str()),
            ("The bill", "was signed by")
        );
        assert_eq!(s.args, ["the governor"]);
    }

    #[test]
    fn passive_without_agent_keeps_the_patient_as_subject() {
        let d = doc("The/DET/DT/the/2/det bill/NOUN/NN/bill/4/nsubj:pass was/AUX/VBD/be/4/aux:pass signed/VERB/VBN/sign/0/root ./PUNCT/././4/punct", &[]);
        assert_eq!(
            triples(&d),
            [("bill".into(), "be signed".into(), "".into())]
        );
    }

    #[test]
    fn relative_clause_resolves_to_its_head_noun() {
        let d = doc("The/DET/DT/the/2/det company/NOUN/NN/company/7/nsubj that/PRON/WDT/that/4/nsubj built/VERB/VBD/build/2/acl:relcl the/DET/DT/the/6/det bridge/NOUN/NN/bridge/4/obj closed/VERB/VBD/close/0/root ./PUNCT/././7/punct", &[]);
        has(&d, "company", "build", "bridge");
        has(&d, "company", "close", "");
        assert!(extract(&d).iter().all(|s| s.subject.text != "that"));
    }

    #[test]
    fn participle_with_agent_reads_actively() {
        let d = doc("A/DET/DT/a/2/det team/NOUN/NN/team/7/nsubj led/VERB/VBN/lead/2/acl by/ADP/IN/by/5/case Ana/PROPN/NNP/Ana/3/obl:agent Silva/PROPN/NNP/Silva/5/flat won/VERB/VBD/win/0/root ./PUNCT/././7/punct", &[(4, 6, PER)]);
        has(&d, "Ana Silva", "lead", "team");
        has(&d, "team", "win", "");
    }

    #[test]
    fn xcomp_chain_folds_into_one_relation() {
        let d = doc("The/DET/DT/the/2/det union/NOUN/NN/union/3/nsubj agreed/VERB/VBD/agree/0/root to/PART/TO/to/5/mark set/VERB/VB/set/3/xcomp up/ADP/RP/up/5/compound:prt a/DET/DT/a/8/det fund/NOUN/NN/fund/5/obj ./PUNCT/././3/punct", &[]);
        assert_eq!(
            triples(&d),
            [("union".into(), "agree to set up".into(), "fund".into())]
        );
        assert_eq!(
            analyse(&d)[0].surface.as_ref().unwrap().relation,
            "agreed to set up"
        );
    }

    #[test]
    fn the_object_of_expect_is_who_does_the_expected_thing() {
        // Folded into modality: Ana visits Porto, expected.
        let d = doc("Officials/NOUN/NNS/official/2/nsubj expect/VERB/VBP/expect/0/root Ana/PROPN/NNP/Ana/2/obj to/PART/TO/to/5/mark visit/VERB/VB/visit/2/xcomp Porto/PROPN/NNP/Porto/5/obj ./PUNCT/././2/punct", &[(2, 3, PER), (5, 6, LOC)]);
        let s = has(&d, "Ana", "visit", "Porto");
        assert_eq!(s.modality, Modality::Expected);
        assert!(triples(&d).iter().all(|(s, _, _)| s != "Officials"));
        // A purpose clause under the controlled verb has the same subject: Ana meets Rui.
        let d = doc("Officials/NOUN/NNS/official/2/nsubj expect/VERB/VBP/expect/0/root Ana/PROPN/NNP/Ana/2/obj to/PART/TO/to/5/mark travel/VERB/VB/travel/2/xcomp to/ADP/IN/to/7/case Lisbon/PROPN/NNP/Lisbon/5/obl to/PART/TO/to/9/mark meet/VERB/VB/meet/5/advcl Rui/PROPN/NNP/Rui/9/obj ./PUNCT/././2/punct", &[(2, 3, PER), (6, 7, LOC), (9, 10, PER)]);
        has(&d, "Ana", "meet", "Rui");
        assert!(
            triples(&d)
                .iter()
                .all(|(s, r, _)| !(s == "Officials" && r == "meet")),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_relative_word_as_subject_leaves_the_object_empty() {
        // "A summit that focused on trade": summit focus on trade, never summit … summit.
        let d = doc("Leaders/NOUN/NNS/leader/2/nsubj held/VERB/VBD/hold/0/root a/DET/DT/a/4/det summit/NOUN/NN/summit/2/obj that/PRON/WDT/that/6/nsubj focused/VERB/VBD/focus/4/acl:relcl on/ADP/IN/on/8/case trade/NOUN/NN/trade/6/obl ./PUNCT/././2/punct", &[]);
        has(&d, "summit", "focus on", "trade");
        let d = doc("Leaders/NOUN/NNS/leader/2/nsubj held/VERB/VBD/hold/0/root a/DET/DT/a/4/det summit/NOUN/NN/summit/2/obj that/PRON/WDT/that/7/nsubj:pass was/AUX/VBD/be/7/aux:pass focused/VERB/VBN/focus/4/acl:relcl on/ADP/IN/on/9/case trade/NOUN/NN/trade/7/obl ./PUNCT/././2/punct", &[]);
        assert!(
            triples(&d).iter().all(|(s, _, o)| s != o),
            "{:?}",
            triples(&d)
        );
        // The gap is the object when the relative word is not the subject: "the summit that
        // Ana hosted".
        let d = doc("The/DET/DT/the/2/det summit/NOUN/NN/summit/6/nsubj that/PRON/WDT/that/5/obj Ana/PROPN/NNP/Ana/5/nsubj hosted/VERB/VBD/host/2/acl:relcl ended/VERB/VBD/end/0/root ./PUNCT/././6/punct", &[(3, 4, PER)]);
        has(&d, "Ana", "host", "summit");
    }

    #[test]
    fn a_saying_verb_takes_no_prepositional_object() {
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj spoke/VERB/VBD/speak/0/root after/ADP/IN/after/5/case the/DET/DT/the/5/det race/NOUN/NN/race/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
        has(&d, "Ana", "speak after", "race");
        let d = doc("Ana/PROPN/NNP/Ana/2/nsubj said/VERB/VBD/say/0/root after/ADP/IN/after/5/case the/DET/DT/the/5/det race/NOUN/NN/race/2/obl ./PUNCT/././2/punct", &[(0, 1, PER)]);
        assert!(
            triples(&d)
                .iter()
                .all(|(_, r, o)| r != "say after" && o != "race"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn expected_to_is_modality() {
        let d = doc("The/DET/DT/the/2/det talks/NOUN/NNS/talk/4/nsubj:pass are/AUX/VBP/be/4/aux:pass expected/VERB/VBN/expect/0/root to/PART/TO/to/6/mark focus/VERB/VB/focus/4/xcomp on/ADP/IN/on/8/case trade/NOUN/NN/trade/6/obl ./PUNCT/././4/punct", &[]);
        let s = has(&d, "talks", "focus on", "trade");
        assert_eq!(s.modality, Modality::Expected);
    }

    #[test]
    fn saying_verbs_attribute_their_complement() {
        let d = doc("The/DET/DT/the/2/det union/NOUN/NN/union/4/nsubj will/AUX/MD/will/4/aux strike/VERB/VB/strike/0/root ,/PUNCT/,/,/4/punct the/DET/DT/the/7/det minister/NOUN/NN/minister/8/nsubj said/VERB/VBD/say/4/parataxis ./PUNCT/././4/punct", &[]);
        let s = has(&d, "union", "strike", "");
        assert_eq!(s.modality, Modality::Future);
        assert_eq!(s.attribution.unwrap().text, "minister");
        let d = doc("Police/NOUN/NNS/police/2/nsubj said/VERB/VBD/say/0/root that/SCONJ/IN/that/5/mark the/DET/DT/the/5/det man/NOUN/NN/man/6/nsubj fled/VERB/VBD/flee/2/ccomp ./PUNCT/././2/punct", &[]);
        let s = has(&d, "man", "flee", "");
        assert_eq!(s.attribution.unwrap().text, "Police");
        // The saying itself has a clause for object: kept for benchmarks, not for the graph.
        assert!(extract(&d).iter().all(|s| s.relation.lemma != "say"));
        assert!(analyse(&d)
            .iter()
            .any(|e| e.surface.as_ref().is_some_and(|s| s.relation == "said")));
    }

    #[test]
    fn according_to_is_attribution_not_a_qualifier() {
        let d = doc("According/VERB/VBG/accord/3/case to/ADP/IN/to/1/fixed police/NOUN/NNS/police/7/obl ,/PUNCT/,/,/3/punct the/DET/DT/the/6/det man/NOUN/NN/man/7/nsubj fled/VERB/VBD/flee/0/root ./PUNCT/././7/punct", &[]);
        let s = has(&d, "man", "flee", "");
        assert_eq!(s.attribution.unwrap().text, "police");
        assert!(s.qualifiers.is_empty());
    }

    #[test]
    fn a_denied_clause_is_negated_on_the_sources_word() {
        let d = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj denied/VERB/VBD/deny/0/root that/SCONJ/IN/that/7/mark troops/NOUN/NNS/troop/7/nsubj had/AUX/VBD/have/7/aux shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/9/det hospital/NOUN/NN/hospital/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
        let s = has(&d, "troops", "shell", "hospital");
        assert!(s.negated);
        assert_eq!(s.attribution.unwrap().text, "Kremlin");
        // Said, it stands; denied not to have happened, it happened.
        let said = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj said/VERB/VBD/say/0/root that/SCONJ/IN/that/7/mark troops/NOUN/NNS/troop/7/nsubj had/AUX/VBD/have/7/aux shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/9/det hospital/NOUN/NN/hospital/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
        assert!(!has(&said, "troops", "shell", "hospital").negated);
        let twice = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj denied/VERB/VBD/deny/0/root that/SCONJ/IN/that/8/mark troops/NOUN/NNS/troop/8/nsubj had/AUX/VBD/have/8/aux not/PART/RB/not/8/advmod shelled/VERB/VBN/shell/3/ccomp the/DET/DT/the/10/det hospital/NOUN/NN/hospital/8/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
        assert!(!has(&twice, "troops", "shell", "hospital").negated);
    }

    #[test]
    fn a_preposition_built_on_a_noun_takes_the_phrase_after_it() {
        let d = doc("Hamas/PROPN/NNP/Hamas/2/nsubj released/VERB/VBD/release/0/root hostages/NOUN/NNS/hostage/2/obj in/ADP/IN/in/5/case exchange/NOUN/NN/exchange/2/obl for/ADP/IN/for/7/case prisoners/NOUN/NNS/prisoner/5/nmod ./PUNCT/././2/punct", &[(0, 1, ORG)]);
        let s = has(&d, "Hamas", "release", "hostages");
        let q = &s.qualifiers[0];
        assert_eq!(
            (q.preposition.as_deref(), q.value.text.as_str()),
            (Some("in exchange for"), "prisoners")
        );
        // A place in front of which something happens; read as the object of a verb without one.
        let d = doc("Protesters/NOUN/NNS/protester/2/nsubj gathered/VERB/VBD/gather/0/root in/ADP/IN/in/4/case front/NOUN/NN/front/2/obl of/ADP/IN/of/7/case the/DET/DT/the/7/det embassy/NOUN/NN/embassy/4/nmod ./PUNCT/././2/punct", &[]);
        has(&d, "Protesters", "gather in front of", "embassy");
        // Not a noun with an article of its own after "with": "with no charge to us".
        let d = doc("It/PRON/PRP/it/3/nsubj:pass was/AUX/VBD/be/3/aux:pass brought/VERB/VBN/bring/0/root with/ADP/IN/with/6/case no/DET/DT/no/6/det charge/NOUN/NN/charge/3/obl to/ADP/IN/to/8/case us/PRON/PRP/we/6/nmod ./PUNCT/././3/punct", &[]);
        has(&d, "It", "be brought with", "charge");
    }

    #[test]
    fn a_name_set_off_after_a_titles_of_phrase_is_the_object() {
        let d = doc("Tinubu/PROPN/NNP/Tinubu/2/nsubj sacked/VERB/VBD/sack/0/root the/DET/DT/the/4/det head/NOUN/NN/head/2/obj of/ADP/IN/of/8/case the/DET/DT/the/8/det central/ADJ/JJ/central/8/amod bank/NOUN/NN/bank/4/nmod ,/PUNCT/,/,/10/punct Godwin/PROPN/NNP/Godwin/8/appos Emefiele/PROPN/NNP/Emefiele/10/flat ./PUNCT/././2/punct", &[(0, 1, PER), (9, 11, PER)]);
        has(&d, "Tinubu", "sack", "Godwin Emefiele");
        // Not when the noun is no person: "the roof of the bank, Ana Ruiz" names no roof.
        let d = doc("Tinubu/PROPN/NNP/Tinubu/2/nsubj fixed/VERB/VBD/fix/0/root the/DET/DT/the/4/det roof/NOUN/NN/roof/2/obj of/ADP/IN/of/8/case the/DET/DT/the/8/det central/ADJ/JJ/central/8/amod bank/NOUN/NN/bank/4/nmod ,/PUNCT/,/,/10/punct Godwin/PROPN/NNP/Godwin/8/appos Emefiele/PROPN/NNP/Emefiele/10/flat ./PUNCT/././2/punct", &[(0, 1, PER), (9, 11, PER)]);
        has(&d, "Tinubu", "fix", "roof");
    }

    #[test]
    fn what_a_measure_counts_is_the_argument() {
        let d = doc("Bezos/PROPN/NNP/Bezos/2/nsubj sold/VERB/VBD/sell/0/root 2/NUM/CD/2/4/compound billion/NUM/CD/billion/5/nummod worth/NOUN/NN/worth/2/obj of/ADP/IN/of/7/case shares/NOUN/NNS/share/5/nmod ./PUNCT/././2/punct", &[(0, 1, PER)]);
        let s = has(&d, "Bezos", "sell", "shares");
        assert_eq!(s.object.unwrap().full_text, "2 billion worth of shares");
        // "a number of" counts; "the number of" is the number.
        let d = doc("A/DET/DT/a/2/det number/NOUN/NN/number/5/nsubj of/ADP/IN/of/4/case countries/NOUN/NNS/country/2/nmod protested/VERB/VBD/protest/0/root ./PUNCT/././5/punct", &[]);
        has(&d, "countries", "protest", "");
        let d = doc("The/DET/DT/the/2/det number/NOUN/NN/number/5/nsubj of/ADP/IN/of/4/case deaths/NOUN/NNS/death/2/nmod rose/VERB/VBD/rise/0/root ./PUNCT/././5/punct", &[]);
        has(&d, "number", "rise", "");
        // What an apposition says is the noun itself.
        let d = doc("The/DET/DT/the/2/det prize/NOUN/NN/prize/3/nsubj went/VERB/VBD/go/0/root to/ADP/IN/to/5/case Hidankyo/PROPN/NNP/Hidankyo/3/obl ,/PUNCT/,/,/8/punct a/DET/DT/a/8/det group/NOUN/NN/group/5/appos of/ADP/IN/of/10/case survivors/NOUN/NNS/survivor/8/nmod ./PUNCT/././3/punct", &[(4, 5, ORG)]);
        has(&d, "Hidankyo", "be", "group");
    }

    #[test]
    fn a_parenthetical_saying_verb_read_as_a_complement_still_reports() {
        // "Police arrested three men, prosecutors said on Monday.", as the parser read it.
        let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root three/NUM/CD/three/4/nummod men/NOUN/NNS/man/2/obj ,/PUNCT/,/,/7/punct prosecutors/NOUN/NNS/prosecutor/7/nsubj said/VERB/VBD/say/2/ccomp on/ADP/IN/on/9/case Monday/PROPN/NNP/Monday/7/obl ./PUNCT/././2/punct", &[]);
        let s = has(&d, "Police", "arrest", "men");
        assert_eq!(s.attribution.unwrap().text, "prosecutors");
        assert!(
            triples(&d).iter().all(|t| t.1 != "say"),
            "{:?}",
            triples(&d)
        );
        // Not a complement with its own: "They said it, and he said it worked."
        let d = doc("Police/NOUN/NNS/police/2/nsubj arrested/VERB/VBD/arrest/0/root men/NOUN/NNS/man/2/obj ,/PUNCT/,/,/6/punct this/PRON/DT/this/6/nsubj said/VERB/VBD/say/2/ccomp ./PUNCT/././2/punct", &[]);
        assert!(has(&d, "Police", "arrest", "men").attribution.is_none());
    }

    #[test]
    fn a_participle_after_its_clause_is_the_clauses_subject_acting() {
        let d = doc("A/DET/DT/a/2/det bomb/NOUN/NN/bomb/3/nsubj exploded/VERB/VBD/explode/0/root in/ADP/IN/in/5/case Quetta/PROPN/NNP/Quetta/3/obl ,/PUNCT/,/,/7/punct killing/VERB/VBG/kill/3/advcl seven/NUM/CD/seven/9/nummod people/NOUN/NNS/people/7/obj ./PUNCT/././3/punct", &[(4, 5, LOC)]);
        has(&d, "bomb", "kill", "people");
        // Not one a verb governs through a preposition ("focused on expanding").
        let d = doc("The/DET/DT/the/2/det talks/NOUN/NNS/talk/3/nsubj focused/VERB/VBD/focus/0/root on/SCONJ/IN/on/5/mark expanding/VERB/VBG/expand/3/advcl cooperation/NOUN/NN/cooperation/5/obj ./PUNCT/././3/punct", &[]);
        assert!(
            triples(&d).iter().all(|t| t.1 != "expand"),
            "{:?}",
            triples(&d)
        );
        // Nor an opening one ("Ending a game, …"): its subject is a guess.
        let d = doc("Ending/VERB/VBG/end/4/advcl the/DET/DT/the/3/det game/NOUN/NN/game/1/obj ,/PUNCT/,/,/1/punct fans/NOUN/NNS/fan/5/nsubj left/VERB/VBD/leave/0/root ./PUNCT/././5/punct", &[]);
        assert!(
            triples(&d).iter().all(|t| t.1 != "end"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_parenthetical_saying_verb_only_reports() {
        let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj cut/VERB/VBD/cut/0/root rates/NOUN/NNS/rate/3/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det Kremlin/PROPN/NNP/Kremlin/8/nsubj said/VERB/VBD/say/3/parataxis on/ADP/IN/on/10/case Friday/PROPN/NNP/Friday/8/obl ./PUNCT/././3/punct", &[(6, 7, ORG)]);
        assert_eq!(
            has(&d, "bank", "cut", "rates").attribution.unwrap().text,
            "Kremlin"
        );
        assert!(
            triples(&d).iter().all(|t| t.1 != "say"),
            "{:?}",
            triples(&d)
        );
        // The same read as a modifier clause of the verb.
        let d = doc("The/DET/DT/the/2/det bank/NOUN/NN/bank/3/nsubj cut/VERB/VBD/cut/0/root rates/NOUN/NNS/rate/3/obj ,/PUNCT/,/,/8/punct the/DET/DT/the/7/det Kremlin/PROPN/NNP/Kremlin/8/nsubj said/VERB/VBD/say/3/advcl:relcl ./PUNCT/././3/punct", &[(6, 7, ORG)]);
        assert_eq!(
            has(&d, "bank", "cut", "rates").attribution.unwrap().text,
            "Kremlin"
        );
        assert!(
            triples(&d).iter().all(|t| t.1 != "say"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn each_other_is_each_of_the_others() {
        let d = doc("China/PROPN/NNP/China/5/nsubj and/CCONJ/CC/and/4/cc the/DET/DT/the/4/det Philippines/PROPN/NNPS/Philippines/1/conj accused/VERB/VBD/accuse/0/root each/DET/DT/each/5/obj other/ADJ/JJ/other/6/fixed on/ADP/IN/on/9/case Saturday/PROPN/NNP/Saturday/5/obl ./PUNCT/././5/punct", &[(0, 1, LOC), (3, 4, LOC)]);
        has(&d, "China", "accuse", "Philippines");
        has(&d, "Philippines", "accuse", "China");
        assert!(
            triples(&d).iter().all(|t| t.2 != "each"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_relative_word_after_a_preposition_is_the_noun_it_stands_for() {
        let d = doc("Police/NOUN/NNS/police/2/nsubj fired/VERB/VBD/fire/0/root at/ADP/IN/at/4/case protests/NOUN/NNS/protest/2/obl in/ADP/IN/in/6/case which/PRON/WDT/which/10/obl 20/NUM/CD/20/8/nummod people/NOUN/NNS/people/10/nsubj:pass were/AUX/VBD/be/10/aux:pass killed/VERB/VBN/kill/4/acl:relcl ./PUNCT/././2/punct", &[]);
        let s = has(&d, "people", "be killed", "");
        let q: Vec<(Option<&str>, &str)> = s
            .qualifiers
            .iter()
            .map(|q| (q.preposition.as_deref(), q.value.text.as_str()))
            .collect();
        assert_eq!(q, [(Some("in"), "protests")]);
    }

    #[test]
    fn would_reported_in_the_past_is_the_future() {
        let d = doc("Spotify/PROPN/NNP/Spotify/2/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/5/nsubj would/AUX/MD/would/5/aux cut/VERB/VB/cut/2/ccomp jobs/NOUN/NNS/job/5/obj ./PUNCT/././2/punct", &[(0, 1, ORG)]);
        assert_eq!(has(&d, "Spotify", "cut", "jobs").modality, Modality::Future);
        // An opinion now, or a condition, stays possible.
        let d = doc("I/PRON/PRP/I/2/nsubj think/VERB/VBP/think/0/root this/PRON/DT/this/5/nsubj would/AUX/MD/would/5/aux solve/VERB/VB/solve/2/ccomp it/PRON/PRP/it/5/obj ./PUNCT/././2/punct", &[]);
        assert_eq!(has(&d, "this", "solve", "it").modality, Modality::Possible);
        let d = doc("Spotify/PROPN/NNP/Spotify/2/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/5/nsubj would/AUX/MD/would/5/aux cut/VERB/VB/cut/2/ccomp jobs/NOUN/NNS/job/5/obj if/SCONJ/IN/if/9/mark sales/NOUN/NNS/sale/9/nsubj fell/VERB/VBD/fall/5/advcl ./PUNCT/././2/punct", &[(0, 1, ORG)]);
        assert_eq!(
            has(&d, "Spotify", "cut", "jobs").modality,
            Modality::Possible
        );
    }

    #[test]
    fn a_bare_verb_conjoined_to_a_modal_one_shares_the_modal() {
        let d = doc("Volkswagen/PROPN/NNP/Volkswagen/3/nsubj will/AUX/MD/will/3/aux close/VERB/VB/close/0/root three/NUM/CD/three/5/nummod factories/NOUN/NNS/factory/3/obj and/CCONJ/CC/and/7/cc cut/VERB/VB/cut/3/conj jobs/NOUN/NNS/job/7/obj ./PUNCT/././3/punct", &[(0, 1, ORG)]);
        assert_eq!(
            has(&d, "Volkswagen", "cut", "jobs").modality,
            Modality::Future
        );
        // A past tense is its own: "closed factories and cut jobs" stays stated.
        let d = doc("Volkswagen/PROPN/NNP/Volkswagen/2/nsubj closed/VERB/VBD/close/0/root factories/NOUN/NNS/factory/2/obj and/CCONJ/CC/and/5/cc cut/VERB/VBD/cut/2/conj jobs/NOUN/NNS/job/5/obj ./PUNCT/././2/punct", &[(0, 1, ORG)]);
        assert_eq!(
            has(&d, "Volkswagen", "cut", "jobs").modality,
            Modality::Asserted
        );
    }

    #[test]
    fn a_finding_is_its_finders() {
        let d = doc("The/DET/DT/the/2/det judge/NOUN/NN/judge/3/nsubj ruled/VERB/VBD/rule/0/root that/SCONJ/IN/that/7/mark Google/PROPN/NNP/Google/7/nsubj had/AUX/VBD/have/7/aux monopolised/VERB/VBN/monopolise/3/ccomp the/DET/DT/the/9/det market/NOUN/NN/market/7/obj ./PUNCT/././3/punct", &[(4, 5, ORG)]);
        let s = has(&d, "Google", "monopolise", "market");
        assert_eq!(s.attribution.unwrap().text, "judge");
        // The verb's other uses keep their readings.
        let d = doc("The/DET/DT/the/2/det coverage/NOUN/NN/coverage/4/nsubj:pass was/AUX/VBD/be/4/aux:pass shown/VERB/VBN/show/0/root to/ADP/IN/to/6/case viewers/NOUN/NNS/viewer/4/obl ./PUNCT/././4/punct", &[]);
        has(&d, "coverage", "be shown to", "viewers");
    }

    #[test]
    fn the_pronoun_subject_of_a_reported_clause_is_its_source() {
        let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/6/nsubj had/AUX/VBD/have/6/aux detected/VERB/VBN/detect/3/ccomp 34/NUM/CD/34/8/nummod aircraft/NOUN/NN/aircraft/6/obj ./PUNCT/././3/punct", &[]);
        let s = has(&d, "ministry", "detect", "aircraft");
        assert_eq!(s.subject.kind, ArgumentKind::Concept);
        assert_eq!(s.subject.span, (0, 2));
        // The OpenIE reading keeps the words as written.
        let e = analyse(&d);
        let surface = e.iter().find_map(|e| {
            e.surface
                .as_ref()
                .filter(|s| s.relation.contains("detected"))
        });
        assert_eq!(surface.unwrap().arg1, "it");
        let d = doc("Police/NOUN/NNS/police/2/nsubj said/VERB/VBD/say/0/root they/PRON/PRP/they/4/nsubj arrested/VERB/VBD/arrest/2/ccomp two/NUM/CD/two/6/nummod men/NOUN/NNS/man/4/obj ./PUNCT/././2/punct", &[]);
        has(&d, "Police", "arrest", "men");
        // A person is no "it"; an empty "it" is no one.
        let d = doc("The/DET/DT/the/2/det spokesman/NOUN/NN/spokesman/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/6/nsubj would/AUX/MD/would/6/aux close/VERB/VB/close/3/ccomp the/DET/DT/the/8/det road/NOUN/NN/road/6/obj ./PUNCT/././3/punct", &[]);
        assert_eq!(
            has(&d, "it", "close", "road").subject.kind,
            ArgumentKind::Unresolved
        );
        let d = doc("The/DET/DT/the/2/det ministry/NOUN/NN/ministry/3/nsubj said/VERB/VBD/say/0/root it/PRON/PRP/it/7/nsubj was/AUX/VBD/be/7/cop too/ADV/RB/too/7/advmod early/ADJ/JJ/early/3/ccomp to/PART/TO/to/9/mark judge/VERB/VB/judge/7/xcomp ./PUNCT/././3/punct", &[]);
        assert!(
            triples(&d).iter().all(|t| t.0 != "ministry"),
            "{:?}",
            triples(&d)
        );
        // "they" described in a copular clause is often someone else.
        let d = doc("Reviewers/NOUN/NNS/reviewer/2/nsubj said/VERB/VBD/say/0/root they/PRON/PRP/they/5/nsubj were/AUX/VBD/be/5/cop pushy/ADJ/JJ/pushy/2/ccomp ./PUNCT/././2/punct", &[]);
        assert!(
            triples(&d)
                .iter()
                .all(|t| t.0 != "Reviewers" || t.1 == "say"),
            "{:?}",
            triples(&d)
        );
        // Whom the source told may be meant: "they" stays open.
        let d = doc("The/DET/DT/the/2/det tribes/NOUN/NNS/tribe/3/nsubj warned/VERB/VBD/warn/0/root the/DET/DT/the/5/det Taliban/PROPN/NNP/Taliban/3/iobj that/SCONJ/IN/that/10/mark they/PRON/PRP/they/10/nsubj:pass would/AUX/MD/would/10/aux be/AUX/VB/be/10/aux:pass resisted/VERB/VBN/resist/3/ccomp ./PUNCT/././3/punct", &[(4, 5, ORG)]);
        assert_eq!(
            has(&d, "they", "be resisted", "").subject.kind,
            ArgumentKind::Unresolved
        );
        // Only the clause the verb reports, not one inside it.
        let d = doc("Analysts/NOUN/NNS/analyst/2/nsubj said/VERB/VBD/say/0/root prices/NOUN/NNS/price/4/nsubj rose/VERB/VBD/rise/2/ccomp because/SCONJ/IN/because/7/mark they/PRON/PRP/they/7/nsubj ran/VERB/VBD/run/4/advcl out/ADV/RP/out/7/compound:prt ./PUNCT/././2/punct", &[]);
        assert!(
            triples(&d)
                .iter()
                .all(|t| t.1 != "run out" || t.0 == "they"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn a_harm_verb_after_a_passive_is_passive_without_its_auxiliary() {
        let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc dozens/NOUN/NNS/dozen/7/nsubj injured/VERB/VBD/injure/4/conj ./PUNCT/././4/punct", &[]);
        assert!(has(&d, "dozens", "be injured", "").object.is_none());
        // A verb that can do without an object is what it says.
        let d = doc("Two/NUM/CD/two/2/nummod people/NOUN/NNS/people/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root and/CCONJ/CC/and/7/cc others/NOUN/NNS/other/7/nsubj escaped/VERB/VBD/escape/4/conj ./PUNCT/././4/punct", &[]);
        has(&d, "others", "escape", "");
    }

    #[test]
    fn the_words_of_an_amount_are_not_the_relations() {
        let d = doc("The/DET/DT/the/2/det vaccine/NOUN/NN/vaccine/3/nsubj proved/VERB/VBD/prove/0/root up/ADP/RP/up/3/compound:prt to/ADP/IN/to/7/case 77/NUM/CD/77/7/nummod percent/NOUN/NN/percent/3/obl ./PUNCT/././3/punct", &[]);
        has(&d, "vaccine", "prove", "up to 77 percent");
        // The OpenIE reading keeps them as written.
        let e = analyse(&d);
        assert!(
            e.iter().any(|e| e
                .surface
                .as_ref()
                .is_some_and(|s| s.relation == "proved up to")),
            "{:?}",
            e.iter().map(|e| &e.surface).collect::<Vec<_>>()
        );
    }

    #[test]
    fn what_a_passive_with_an_agent_says_of_its_subject_joins_the_relation() {
        let d = doc("He/PRON/PRP/he/3/nsubj:pass was/AUX/VBD/be/3/aux:pass found/VERB/VBN/find/0/root guilty/ADJ/JJ/guilty/3/xcomp by/ADP/IN/by/7/case a/DET/DT/a/7/det jury/NOUN/NN/jury/3/obl:agent ./PUNCT/././3/punct", &[]);
        has(&d, "jury", "find guilty", "He");
        // Without an agent, the adjective is what is said.
        let d = doc("It/PRON/PRP/it/3/nsubj:pass was/AUX/VBD/be/3/aux:pass deemed/VERB/VBN/deem/0/root too/ADV/RB/too/5/advmod expensive/ADJ/JJ/expensive/3/xcomp ./PUNCT/././3/punct", &[]);
        has(&d, "It", "be deemed", "too expensive");
    }

    #[test]
    fn a_named_possessor_is_part_of_a_concept() {
        let d = doc("Sudan/PROPN/NNP/Sudan/3/nmod:poss 's/PART/POS/'s/1/case army/NOUN/NN/army/4/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/7/case a/DET/DT/a/7/det ceasefire/NOUN/NN/ceasefire/4/obl ./PUNCT/././4/punct", &[(0, 1, LOC)]);
        let s = has(&d, "Sudan's army", "agree to", "ceasefire");
        assert_eq!(s.subject.kind, ArgumentKind::Concept);
        // Not a pronoun or a common noun.
        let d = doc("Its/PRON/PRP$/its/2/nmod:poss army/NOUN/NN/army/3/nsubj agreed/VERB/VBD/agree/0/root to/ADP/IN/to/6/case a/DET/DT/a/6/det ceasefire/NOUN/NN/ceasefire/3/obl ./PUNCT/././3/punct", &[]);
        has(&d, "army", "agree to", "ceasefire");
        let d = doc("The/DET/DT/the/2/det company/NOUN/NN/company/4/nmod:poss 's/PART/POS/'s/2/case shares/NOUN/NNS/share/5/nsubj fell/VERB/VBD/fall/0/root ./PUNCT/././5/punct", &[]);
        has(&d, "shares", "fall", "");
        // After "of", one owner only.
        let d = doc("Shares/NOUN/NNS/share/4/nsubj of/ADP/IN/of/3/case Nvidia/PROPN/NNP/Nvidia/1/nmod fell/VERB/VBD/fall/0/root ./PUNCT/././4/punct", &[(2, 3, ORG)]);
        has(&d, "Shares of Nvidia", "fall", "");
        let d = doc("The/DET/DT/the/2/det leaders/NOUN/NNS/leader/7/nsubj of/ADP/IN/of/4/case Russia/PROPN/NNP/Russia/2/nmod and/CCONJ/CC/and/6/cc China/PROPN/NNP/China/4/conj met/VERB/VBD/meet/0/root ./PUNCT/././7/punct", &[(3, 4, LOC), (5, 6, LOC)]);
        assert!(
            triples(&d).iter().all(|t| t.0 != "leaders of Russia"),
            "{:?}",
            triples(&d)
        );
    }

    #[test]
    fn an_argument_quantified_by_no_negates_the_statement() {
        let d = doc("The/DET/DT/the/2/det army/NOUN/NN/army/3/nsubj found/VERB/VBD/find/0/root no/DET/DT/no/5/det weapons/NOUN/NNS/weapon/3/obj ./PUNCT/././3/punct", &[]);
        assert!(has(&d, "army", "find", "weapons").negated);
        let d = doc("No/DET/DT/no/2/det civilians/NOUN/NNS/civilian/4/nsubj:pass were/AUX/VBD/be/4/aux:pass killed/VERB/VBN/kill/0/root ./PUNCT/././4/punct", &[]);
        assert!(has(&d, "civilians", "be killed", "").negated);
        // Through an infinitive: "had no plans to attend the summit".
        let d = doc("The/DET/DT/the/2/det Kremlin/PROPN/NNP/Kremlin/3/nsubj had/VERB/VBD/have/0/root no/DET/DT/no/5/det plans/NOUN/NNS/plan/3/obj to/PART/TO/to/7/mark attend/VERB/VB/attend/3/xcomp the/DET/DT/the/9/det summit/NOUN/NN/summit/7/obj ./PUNCT/././3/punct", &[(1, 2, ORG)]);
        assert!(has(&d, "Kremlin", "have to attend", "summit").negated);
        // A comparison denies nothing.
        let d = doc("Reporters/NOUN/NNS/reporter/2/nsubj have/VERB/VBP/have/0/root no/DET/DT/no/5/det higher/ADJ/JJR/high/5/amod aim/NOUN/NN/aim/2/obj than/ADP/IN/than/7/case praise/NOUN/NN/praise/5/nmod ./PUNCT/././2/punct", &[]);
        assert!(!has(&d, "Reporters", "have aim than", "praise").negated);
        let d = doc("The/DET/DT/the/2/det rebels/NOUN/NNS/rebel/3/nsubj had/VERB/VBD/have/0/root no/DET/DT/no/5/det choice/NOUN/NN/choice/3/obj but/SCONJ/IN/but/8/mark to/PART/TO/to/8/mark leave/VERB/VB/leave/5/acl ./PUNCT/././3/punct", &[]);
        assert!(!has(&d, "rebels", "have", "choice").negated);
    }

    #[test]
    fn negation_and_modal_auxiliaries_are_attributes() {
        let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/5/nsubj did/AUX/VBD/do/5/aux not/PART/RB/not/5/advmod pay/VERB/VB/pay/0/root the/DET/DT/the/7/det workers/NOUN/NNS/worker/5/obj ./PUNCT/././5/punct", &[]);
        let s = has(&d, "firm", "pay", "workers");
        assert!(s.negated);
        let d = doc("The/DET/DT/the/2/det firm/NOUN/NN/firm/4/nsubj may/AUX/MD/may/4/aux pay/VERB/VB/pay/0/root the/DET/DT/the/6/det workers/NOUN/NNS/worker/4/obj ./PUNCT/././4/punct", &[]);
        let s = has(&d, "firm", "pay", "workers");
        assert!(!s.negated);
        assert_eq!(s.modality, Modality::Possible);
    }

    #[test]
    fn pronouns_are_unresolved_with_their_span() {
        let d = doc("He/PRON/PRP/he/2/nsubj visited/VERB/VBD/visit/0/root Paris/PROPN/NNP/Paris/2/obj ./PUNCT/././2/punct", &[(2, 3, LOC)]);
        let s = has(&d, "He", "visit", "Paris");
        assert_eq!(s.subject.kind, ArgumentKind::Unresolved);
        assert_eq!(s.subject.span, (0, 1));
    }

    #[test]
    fn a_title_is_not_part_of_the_name() {
        // The parser made the title the head of the name.
        let d = doc("Mayor/PROPN/NNP/Mayor/4/nsubj Ana/PROPN/NNP/Ana/1/flat Silva/PROPN/NNP/Silva/1/flat resigned/VERB/VBD/resign/0/root ./PUNCT/././4/punct", &[]);
        let s = has(&d, "Ana Silva", "resign", "");
        assert_eq!(s.subject.kind, ArgumentKind::Entity(PER));
        assert_eq!(s.subject.full_text, "Mayor Ana Silva");
    }

    #[test]
    fn minimal_and_full_spans() {
        let d = doc("The/DET/DT/the/2/det army/NOUN/NN/army/3/nsubj fired/VERB/VBD/fire/0/root two/NUM/CD/two/6/nummod ballistic/ADJ/JJ/ballistic/6/amod missiles/NOUN/NNS/missile/3/obj toward/ADP/IN/toward/9/case the/DET/DT/the/9/det sea/NOUN/NN/sea/3/obl ./PUNCT/././3/punct", &[]);
        let s = has(&d, "army", "fire", "ballistic missiles");
        let o = s.object.unwrap();
        assert_eq!(o.full_text, "two ballistic missiles");
        assert_eq!(o.kind, ArgumentKind::Concept);
        assert_eq!(o.span, (3, 6));
    }

    #[test]
    fn possessives_are_read_as_has_for_benchmarks_only() {
        let d = doc("Ana/PROPN/NNP/Ana/3/nmod:poss 's/PART/POS/'s/1/case brother/NOUN/NN/brother/4/nsubj sings/VERB/VBZ/sing/0/root ./PUNCT/././4/punct", &[(0, 1, PER)]);
        let all = analyse(&d);
        let has_tuple = all
            .iter()
            .find(|e| e.surface.as_ref().is_some_and(|s| s.relation == "has"))
            .unwrap();
        assert!(!has_tuple.in_graph);
        assert_eq!(has_tuple.surface.as_ref().unwrap().args, ["brother"]);
    }

    #[test]
    fn meetings_named_by_a_noun() {
        let d = doc("Talks/NOUN/NNS/talk/7/nsubj between/ADP/IN/between/3/case Ana/PROPN/NNP/Ana/1/nmod Silva/PROPN/NNP/Silva/3/flat and/CCONJ/CC/and/6/cc Tom/PROPN/NNP/Tom/3/conj ended/VERB/VBD/end/0/root ./PUNCT/././7/punct", &[(2, 4, PER), (5, 6, PER)]);
        has(&d, "Ana Silva", "meet", "Tom");
    }

    #[test]
    fn the_two_leaders_are_the_last_named_pair() {
        let mut d = doc("Ana/PROPN/NNP/Ana/4/nsubj and/CCONJ/CC/and/3/cc Tom/PROPN/NNP/Tom/1/conj spoke/VERB/VBD/speak/0/root ./PUNCT/././4/punct", &[(0, 1, PER), (2, 3, PER)]);
        let second = doc("The/DET/DT/the/2/det meeting/NOUN/NN/meeting/8/nsubj of/ADP/IN/of/6/case the/DET/DT/the/6/det two/NUM/CD/two/6/nummod leaders/NOUN/NNS/leader/2/nmod at/ADP/IN/at/8/case Oslo/PROPN/NNP/Oslo/2/nmod ended/VERB/VBD/end/0/root ./PUNCT/././9/punct", &[(7, 8, LOC)]);
        let offset = d.text.len() + 1;
        d.text.push(' ');
        d.text.push_str(&second.text);
        let mut s = second.sentences[0].clone();
        s.start += offset;
        s.end += offset;
        for t in &mut s.tokens {
            t.start += offset;
            t.end += offset;
        }
        d.sentences.push(s);
        let st = has(&d, "Ana", "meet", "Tom");
        assert_eq!(st.qualifiers[0].role, Role::Location);
        assert_eq!(st.qualifiers[0].value.text, "Oslo");
    }
}
