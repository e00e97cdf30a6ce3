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
//!   at`), the others stay qualifiers with their preposition and a role; a verb with an object
//!   also gives its recipient, goal, source or partner a statement of its own ("presented a plan
//!   to parliament" → present to parliament, graph only);
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
//! the text rather than about entities, and statements the sentence did not fill (a verb without
//! the clause it reports, a fragment as argument: see [`crate::facts`]).
//!
//! Confidence is a logistic model over [`N_FEATURES`] features of the clause, with weights fitted
//! on CaRB dev by `kg eval carb --fit-confidence` (see [`crate::confidence`]).
//!
//! Where the rules live: `clause` reads a verb or copula clause in named steps, with `subjects`,
//! `control` (who does what an infinitive says), `obliques` (prepositions and their roles),
//! `modality` (negation too) and `attribution` (who says so); `nominal_clauses` reads
//! appositions, possessives and meeting nouns; `arguments` says what a node denotes, `render`
//! makes statements and surface tuples, `features` the confidence features; `tree` is how the
//! extractor walks the dependency tree.

mod arguments;
mod attribution;
mod clause;
mod control;
mod features;
mod modality;
mod nominal_clauses;
mod obliques;
mod render;
mod subjects;
#[cfg(test)]
mod tests;
mod tree;

pub use features::{FEATURE_NAMES, N_FEATURES};
/// The hand-built trees of the clause tests, for the tests of the other steps.
#[cfg(test)]
pub(crate) use tests::doc as test_doc;

use crate::doc::{Deprel, Document, Sentence, Token, Upos};
use crate::statement::{Argument, Modality, Provenance, Role, Statement};

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

impl Node {
    /// The words of a recognised name, headed by its last word.
    fn of_mention(m: &crate::doc::Mention) -> Node {
        Node {
            head: m.end - 1,
            tokens: (m.start..m.end).collect(),
            resolved: None,
            written: None,
        }
    }
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

/// Whether a lower-case noun classifies a place ("town" in "the town of Lucunga", "province" in
/// "Cabo Delgado province").
pub fn is_place_class_noun(word: &str) -> bool {
    obliques::PLACE_CLASS_NOUNS.contains(&word)
}

/// The graph statements of an annotated document.
pub fn extract(document: &Document) -> Vec<Statement> {
    let mut statements: Vec<Statement> = analyse(document)
        .into_iter()
        .filter(|e| e.in_graph)
        .map(|e| e.statement)
        .collect();
    // Collected in place, the statements keep the buffer of all extractions, surface forms and
    // features included: a document's statements are held until the store has them.
    statements.shrink_to_fit();
    statements
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
        let provenance = Provenance::of_sentence(document, index, &mut offsets);
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
            if self.rel(i).is_a(Deprel::Appos) {
                clauses.extend(self.apposition(i));
            }
            if matches!(self.t[i].upos, Upos::Noun | Upos::Propn) {
                clauses.extend(self.possessive(i));
                clauses.extend(self.nominal_event(i, last_pair));
                clauses.extend(self.worth(i));
            }
        }
        let mut out = Vec::new();
        for c in &clauses {
            self.render(c, provenance, &mut out);
            for agent in self.coordinated_agents(c) {
                let each = Clause {
                    agent: Some(agent),
                    ..c.clone()
                };
                self.render(&each, provenance, &mut out);
            }
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
}

impl View<'_> {
    /// The agents coordinated with a passive's agent, each a doer of its own: "founded by
    /// Meera Raghavan and Arjun Pillai". Only those joined by a conjunction of their own (not
    /// an apposition the parser made a conjunct: "…, two former engineers at ISRO").
    fn coordinated_agents(&self, c: &Clause) -> Vec<Node> {
        let Some(agent) = c
            .agent
            .as_ref()
            .filter(|_| c.passive && c.agent_is_written())
        else {
            return Vec::new();
        };
        // (Not a part of one name: "Citizenship and Immigration Canada".)
        let name = self.mention_at(agent.head).map(|m| m.start..m.end);
        self.conjuncts(agent.head)
            .into_iter()
            .filter(|&k| k != agent.head && self.kids(k, Deprel::Cc).next().is_some())
            .filter(|k| !name.as_ref().is_some_and(|r| r.contains(k)))
            .map(|k| self.node(k))
            .collect()
    }
}

impl Clause {
    /// Whether the agent is the clause's own, written (not resolved to something else).
    fn agent_is_written(&self) -> bool {
        self.agent.as_ref().is_some_and(|a| a.resolved.is_none())
    }

    /// Replaces the object by `org` (role statements).
    fn graph_only_object(&mut self, org: Node) {
        self.objects = vec![org];
    }
}
