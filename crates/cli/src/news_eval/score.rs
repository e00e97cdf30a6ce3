//! Scores one document's statements against its gold (news-dev README, "Scoring principles"):
//! which gold facts are found (rule 3), which statements match a gold fact (rule 5), the
//! qualifiers of paired facts (rule 7) and the entity clusters (rule 8), with a detail record per
//! fact and statement that says why it missed. Pure: the caller extracts, names the graph node of
//! each argument and sums documents (`report`).

use std::collections::{BTreeMap, BTreeSet};

use kg_model::{Argument, ArgumentKind, EntityMention, Literal, Role, Statement};
use serde::Serialize;

use super::gold::{sentence_spans, GoldDoc, GoldFact};
use super::matching::{
    argument_head, is_time_value, normalise, relation_head, statement_relation_heads, time_value,
    Lemmas,
};

/// Relations whose subject and object may be swapped (README rule 3).
const SYMMETRIC: [&str; 3] = ["meet", "merge", "clash"];

/// The qualifiers scored separately (README rule 7); `ModalityCoarse` is asserted against
/// anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Where,
    When,
    Source,
    Negated,
    Modality,
    ModalityCoarse,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Where,
        Qualifier::When,
        Qualifier::Source,
        Qualifier::Negated,
        Qualifier::Modality,
        Qualifier::ModalityCoarse,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Where => "where",
            Qualifier::When => "when",
            Qualifier::Source => "source",
            Qualifier::Negated => "negated",
            Qualifier::Modality => "modality",
            Qualifier::ModalityCoarse => "modality (coarse)",
        }
    }
}

/// Counts for one qualifier: gold facts carrying it (and of those, paired with a statement that
/// carries the same value), paired statements carrying it (and of those, with a gold value).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QualifierCounts {
    pub gold: usize,
    /// Gold facts carrying it that pair with some statement (found or not).
    pub gold_paired: usize,
    pub gold_hit: usize,
    pub statements: usize,
    pub statements_hit: usize,
}

/// Entity-cluster counts (README rule 8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntityCounts {
    pub entities: usize,
    /// On one node that carries no other gold entity's name.
    pub correct: usize,
    /// No name or alias of the entity on any node.
    pub unmapped: usize,
    /// Its names on more than one node.
    pub split: usize,
    /// On one node with another gold entity.
    pub merged: usize,
    pub with_aliases: usize,
    pub with_aliases_correct: usize,
    pub distinct_pairs: usize,
    /// Pairs whose two names are both on some node.
    pub distinct_evaluable: usize,
    pub distinct_apart: usize,
}

/// What one document scored.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub gold_facts: usize,
    pub found: usize,
    /// Distinct statements with a subject, a relation and an object: precision's denominator.
    pub statements: usize,
    pub matched: usize,
    pub qualifiers: BTreeMap<Qualifier, QualifierCounts>,
    /// The modality scores per value (`future`, `planned`, …).
    pub modalities: BTreeMap<String, QualifierCounts>,
    /// Gold facts without an object, and of those found.
    pub gold_without_object: usize,
    pub found_without_object: usize,
    pub entities: EntityCounts,
}

/// One line of the details file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detail {
    pub doc: String,
    /// found / missed (gold facts), matched / spurious / unscored (statements), entity (gold
    /// entities: the reason is correct, unmapped, split or merged).
    pub status: &'static str,
    /// Why a fact was missed or a statement is spurious; for found facts and matched
    /// statements, the qualifiers that disagree.
    pub reason: Vec<String>,
    /// The gold sentence, 1-based (0: outside every gold sentence).
    pub sentence: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<FactOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityOut>,
}

/// A gold entity as the details show it: its names, and the nodes that carry any of them with
/// all the forms each node carries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityOut {
    pub name: String,
    pub aliases: Vec<String>,
    pub nodes: BTreeMap<String, BTreeSet<String>>,
}

/// A gold fact as the details show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactOut {
    pub s: String,
    pub r: String,
    pub o: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    #[serde(rename = "when")]
    pub time: Option<String>,
    pub source: Option<String>,
    pub negated: bool,
    pub modality: String,
}

/// A statement as the details show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementOut {
    pub s: String,
    pub r: String,
    pub o: Option<String>,
    #[serde(rename = "where")]
    pub place: Vec<String>,
    #[serde(rename = "when")]
    pub time: Vec<String>,
    pub source: Option<String>,
    pub negated: bool,
    pub modality: &'static str,
    pub sentence: usize,
}

/// A document's score and details.
#[derive(Clone, Debug, Default)]
pub struct DocScore {
    pub counts: Counts,
    pub details: Vec<Detail>,
}

/// What the scorer needs besides the gold and the statements: lemmas, and the graph node an
/// argument becomes (None for literals and unresolved words).
pub struct Scorer<'a> {
    pub lemmas: &'a dyn Lemmas,
    pub node_of: &'a dyn Fn(&Argument) -> Option<String>,
}

/// An extracted argument, prepared for matching.
struct Arg {
    /// Normalised text, alias and full text.
    forms: Vec<String>,
    /// Head words of the text and the alias.
    heads: Vec<String>,
    node: Option<String>,
    /// A recognised time's value, in the gold's terms.
    time: Option<String>,
    shown: String,
}

/// A gold argument, prepared for matching.
struct GoldArg {
    /// The gold entity it names.
    entity: Option<usize>,
    normal: String,
    head: String,
}

struct View {
    subject: Arg,
    object: Option<Arg>,
    source: Option<Arg>,
    places: Vec<Arg>,
    times: Vec<Arg>,
    relation: String,
    heads: Vec<String>,
    negated: bool,
    modality: &'static str,
    sentence: usize,
    unresolved: bool,
}

struct GoldView {
    s: GoldArg,
    o: Option<GoldArg>,
    place: Option<GoldArg>,
    /// A normalised value, or the text's head.
    time: Option<(bool, String)>,
    source: Option<GoldArg>,
    head: String,
    symmetric: bool,
}

/// One document's gold entities and graph nodes, as normalised forms.
struct Context<'a> {
    lemmas: &'a dyn Lemmas,
    /// Per gold entity: its normalised name, and its name and aliases.
    names: Vec<String>,
    entities: Vec<BTreeSet<String>>,
    /// Per node: the normalised forms of the arguments that became it.
    nodes: BTreeMap<String, BTreeSet<String>>,
}

/// How far a statement and a gold fact agree.
#[derive(Clone, Copy, Default)]
struct Agreement {
    relation: bool,
    subject: bool,
    object: bool,
    swapped: bool,
    same_sentence: bool,
}

impl Agreement {
    fn triple(self) -> bool {
        self.relation && ((self.subject && self.object) || self.swapped)
    }

    /// How close a pair of the same sentence comes: the relation counts most.
    fn closeness(self) -> u8 {
        4 * u8::from(self.relation)
            + 2 * u8::from(self.subject || self.swapped)
            + 2 * u8::from(self.object || self.swapped)
    }

    /// Why the triple does not match, in the words of the details file; `none` is said when
    /// nothing of the sentence shares the relation or both arguments.
    fn mismatch(self, object_missing: bool, none: &str) -> String {
        match (self.relation, self.subject, self.object) {
            (true, _, _) if self.swapped => "direction",
            (true, true, false) if object_missing => "object-missing",
            (true, true, false) => "object",
            (true, false, true) => "subject",
            (true, false, false) => "subject+object",
            (false, true, true) => "relation",
            _ => none,
        }
        .to_owned()
    }
}

/// The closest pair of the same sentence among `candidates` (index, agreement), if any.
fn closest(candidates: impl Iterator<Item = (usize, Agreement)>) -> Option<(usize, Agreement)> {
    candidates
        .filter(|(_, a)| a.same_sentence)
        .max_by_key(|&(i, a)| (a.closeness(), std::cmp::Reverse(i)))
}

impl Scorer<'_> {
    /// Scores one document: `text` is the document's text, whose sentences the gold numbers;
    /// the mention layer's entities are graph nodes as the statements' are (README rule 8), and so
    /// are `mapped`, the names the graph makes nodes of outside any statement and mention (a
    /// dateline's place).
    pub fn score(
        &self,
        gold: &GoldDoc,
        text: &str,
        statements: &[Statement],
        mentions: &[EntityMention],
        mapped: &[Argument],
    ) -> DocScore {
        let spans = sentence_spans(text);
        let mut unique: Vec<&Statement> = Vec::new();
        for s in statements {
            if !unique.contains(&s) {
                unique.push(s);
            }
        }
        let context = self.context(gold, &unique, mentions, mapped);
        let views: Vec<View> = unique
            .iter()
            .map(|s| self.view(&context, s, &spans))
            .collect();
        let golds: Vec<GoldView> = gold.facts.iter().map(|f| context.gold_view(f)).collect();
        let agreement: Vec<Vec<Agreement>> = golds
            .iter()
            .zip(&gold.facts)
            .map(|(g, f)| views.iter().map(|v| context.agreement(g, f, v)).collect())
            .collect();
        let sentence_text = |n: usize| -> String {
            match n.checked_sub(1).and_then(|i| spans.get(i)) {
                Some(&(a, b)) => text.chars().skip(a).take(b - a).collect(),
                None => String::new(),
            }
        };
        let mut counts = Counts {
            gold_facts: gold.facts.len(),
            ..Counts::default()
        };
        let mut details = Vec::new();
        for (i, (g, f)) in golds.iter().zip(&gold.facts).enumerate() {
            let (found, detail) = self.fact_detail(&context, g, f, &views, &agreement[i]);
            counts.found += usize::from(found);
            counts.gold_without_object += usize::from(f.o.is_none());
            counts.found_without_object += usize::from(found && f.o.is_none());
            details.push(Detail {
                doc: gold.id.clone(),
                sentence: f.sentence,
                text: sentence_text(f.sentence),
                ..detail
            });
        }
        for (j, (v, s)) in views.iter().zip(&unique).enumerate() {
            let column: Vec<Agreement> = agreement.iter().map(|row| row[j]).collect();
            let detail = statement_detail(&gold.facts, v, s, &column);
            if s.object.is_some() {
                counts.statements += 1;
                counts.matched += usize::from(detail.status == "matched");
            }
            details.push(Detail {
                doc: gold.id.clone(),
                sentence: v.sentence,
                text: sentence_text(v.sentence),
                ..detail
            });
        }
        counts.qualifiers = qualifier_counts(&context, &golds, &gold.facts, &views, &agreement);
        counts.modalities = modality_counts(&gold.facts, &views, &agreement);
        let (entities, entity_details) = context.entity_counts(gold);
        counts.entities = entities;
        details.extend(entity_details);
        DocScore { counts, details }
    }

    fn context<'s>(
        &'s self,
        gold: &GoldDoc,
        statements: &[&Statement],
        mentions: &[EntityMention],
        mapped: &[Argument],
    ) -> Context<'s> {
        let names = gold.entities.iter().map(|e| normalise(&e.name)).collect();
        let entities = gold
            .entities
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| normalise(n))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .collect();
        let mut nodes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for arg in statements.iter().flat_map(|s| arguments(s)).chain(mapped) {
            if let Some(node) = (self.node_of)(arg) {
                nodes.entry(node).or_default().extend(written_forms(arg));
            }
        }
        for m in mentions {
            // A mention is a node as an argument naming it is.
            let arg = Argument {
                text: m.name.clone(),
                full_text: m.alias.clone().unwrap_or_else(|| m.name.clone()),
                kind: ArgumentKind::Entity(m.kind),
                span: m.span,
                alias: m.alias.clone(),
            };
            if let Some(node) = (self.node_of)(&arg) {
                nodes.entry(node).or_default().extend(written_forms(&arg));
            }
        }
        Context {
            lemmas: self.lemmas,
            names,
            entities,
            nodes,
        }
    }

    fn view(&self, context: &Context<'_>, s: &Statement, spans: &[(usize, usize)]) -> View {
        let arg = |a: &Argument| context.arg(a, (self.node_of)(a));
        let start = s.provenance.sentence_start;
        View {
            subject: arg(&s.subject),
            object: s.object.as_ref().map(arg),
            source: s.attribution.as_ref().map(arg),
            places: qualifiers(s, Role::Location).map(arg).collect(),
            times: qualifiers(s, Role::Time).map(arg).collect(),
            relation: s.relation.lemma.clone(),
            heads: statement_relation_heads(&s.relation.lemma, self.lemmas),
            negated: s.negated,
            modality: s.modality.as_str(),
            sentence: spans
                .iter()
                .position(|&(a, b)| a <= start && start < b)
                .map_or(0, |i| i + 1),
            unresolved: arguments(s).any(|a| a.kind == ArgumentKind::Unresolved),
        }
    }

    /// Whether a gold fact is found, and its detail (without document and sentence).
    fn fact_detail(
        &self,
        context: &Context<'_>,
        g: &GoldView,
        f: &GoldFact,
        views: &[View],
        agreement: &[Agreement],
    ) -> (bool, Detail) {
        let place_ok = |v: &View| {
            g.place
                .as_ref()
                .is_none_or(|p| context.any_arg(p, &v.places))
        };
        let time_ok = |v: &View| g.time.as_ref().is_none_or(|t| time_present(t, &v.times));
        // The best statement: a found one, from the fact's own sentence if possible; else the
        // closest one, to say what is wrong.
        let best = (0..views.len())
            .filter(|&j| agreement[j].triple())
            .max_by_key(|&j| {
                let v = &views[j];
                (
                    place_ok(v) && time_ok(v),
                    agreement[j].same_sentence,
                    std::cmp::Reverse(j),
                )
            });
        let (found, reason, shown) = match best {
            Some(j) if place_ok(&views[j]) && time_ok(&views[j]) => (
                true,
                context.qualifier_differences(g, f, &views[j]),
                Some(j),
            ),
            Some(j) => {
                let mut reason = Vec::new();
                if !place_ok(&views[j]) {
                    reason.push("where-missing".to_owned());
                }
                if !time_ok(&views[j]) {
                    reason.push("when-missing".to_owned());
                }
                (false, reason, Some(j))
            }
            None => match closest(agreement.iter().copied().enumerate()) {
                None => (false, vec!["no-statement-in-sentence".to_owned()], None),
                Some((j, a)) => {
                    let object_missing = f.o.is_some() && views[j].object.is_none();
                    let reason = a.mismatch(object_missing, "clause-not-extracted");
                    let shown = (a.closeness() > 2).then_some(j);
                    (false, vec![reason], shown)
                }
            },
        };
        let detail = Detail {
            doc: String::new(),
            status: if found { "found" } else { "missed" },
            reason,
            sentence: 0,
            text: String::new(),
            gold: Some(fact_out(f)),
            statement: shown.map(|j| statement_out(&views[j])),
            entity: None,
        };
        (found, detail)
    }
}

/// A statement's detail: matched when its triple matches some gold fact; spurious (with the
/// closest gold fact and what differs) when it has an object and matches none; unscored otherwise.
fn statement_detail(facts: &[GoldFact], v: &View, s: &Statement, column: &[Agreement]) -> Detail {
    let matched = column.iter().position(|a| a.triple());
    let near = closest(column.iter().copied().enumerate());
    let (status, mut reason, shown) = match (matched, &s.object, near) {
        (Some(i), _, _) => ("matched", Vec::new(), Some(i)),
        (None, None, _) => ("unscored", vec!["no-object".to_owned()], None),
        (None, Some(_), None) => ("spurious", vec!["no-gold-in-sentence".to_owned()], None),
        (None, Some(_), Some((i, a))) => (
            "spurious",
            vec![a.mismatch(false, "not-a-gold-fact")],
            (a.closeness() > 2).then_some(i),
        ),
    };
    if v.unresolved {
        reason.push("unresolved-argument".to_owned());
    }
    Detail {
        doc: String::new(),
        status,
        reason,
        sentence: 0,
        text: String::new(),
        gold: shown.map(|i| fact_out(&facts[i])),
        statement: Some(statement_out(v)),
        entity: None,
    }
}

/// README rule 7 over one document: gold facts and statements paired by their triples.
fn qualifier_counts(
    context: &Context<'_>,
    golds: &[GoldView],
    facts: &[GoldFact],
    views: &[View],
    agreement: &[Vec<Agreement>],
) -> BTreeMap<Qualifier, QualifierCounts> {
    let mut out = BTreeMap::new();
    for q in Qualifier::ALL {
        let mut c = QualifierCounts::default();
        for (i, (g, f)) in golds.iter().zip(facts).enumerate() {
            let paired: Vec<&View> = (0..views.len())
                .filter(|&j| agreement[i][j].triple())
                .map(|j| &views[j])
                .collect();
            if gold_carries(q, g, f) {
                c.gold += 1;
                c.gold_paired += usize::from(!paired.is_empty());
                c.gold_hit += usize::from(paired.iter().any(|v| context.same(q, g, f, v)));
            }
        }
        for (j, v) in views.iter().enumerate() {
            let paired: Vec<usize> = (0..golds.len())
                .filter(|&i| agreement[i][j].triple())
                .collect();
            if paired.is_empty() || !statement_carries(q, v) {
                continue;
            }
            c.statements += 1;
            let hit = paired
                .iter()
                .any(|&i| context.same(q, &golds[i], &facts[i], v));
            c.statements_hit += usize::from(hit);
        }
        out.insert(q, c);
    }
    out
}

/// The modality scores of rule 7 per value: a gold fact of value X is hit when a paired
/// statement has X; a statement of value X when a paired gold fact has X.
fn modality_counts(
    facts: &[GoldFact],
    views: &[View],
    agreement: &[Vec<Agreement>],
) -> BTreeMap<String, QualifierCounts> {
    let mut out: BTreeMap<String, QualifierCounts> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        if f.modality == "asserted" {
            continue;
        }
        let c = out.entry(f.modality.clone()).or_default();
        c.gold += 1;
        let hit =
            (0..views.len()).any(|j| agreement[i][j].triple() && views[j].modality == f.modality);
        c.gold_hit += usize::from(hit);
    }
    for (j, v) in views.iter().enumerate() {
        let paired: Vec<usize> = (0..facts.len())
            .filter(|&i| agreement[i][j].triple())
            .collect();
        if v.modality == "asserted" || paired.is_empty() {
            continue;
        }
        let c = out.entry(v.modality.to_owned()).or_default();
        c.statements += 1;
        let hit = paired.iter().any(|&i| facts[i].modality == v.modality);
        c.statements_hit += usize::from(hit);
    }
    out
}

fn gold_carries(q: Qualifier, g: &GoldView, f: &GoldFact) -> bool {
    match q {
        Qualifier::Where => g.place.is_some(),
        Qualifier::When => g.time.is_some(),
        Qualifier::Source => g.source.is_some(),
        Qualifier::Negated => f.negated,
        Qualifier::Modality | Qualifier::ModalityCoarse => f.modality != "asserted",
    }
}

fn statement_carries(q: Qualifier, v: &View) -> bool {
    match q {
        Qualifier::Where => !v.places.is_empty(),
        Qualifier::When => !v.times.is_empty(),
        Qualifier::Source => v.source.is_some(),
        Qualifier::Negated => v.negated,
        Qualifier::Modality | Qualifier::ModalityCoarse => v.modality != "asserted",
    }
}

impl Context<'_> {
    fn arg(&self, a: &Argument, node: Option<String>) -> Arg {
        let mut heads = vec![argument_head(&a.text, self.lemmas)];
        if let Some(alias) = &a.alias {
            heads.push(argument_head(alias, self.lemmas));
        }
        heads.retain(|h| !h.is_empty());
        let time = match &a.kind {
            ArgumentKind::Literal(Literal::Time(Some(v))) => Some(time_value(v).to_owned()),
            _ => None,
        };
        Arg {
            forms: written_forms(a).collect(),
            heads,
            node,
            time,
            shown: a.text.clone(),
        }
    }

    fn gold_arg(&self, text: &str) -> GoldArg {
        let normal = normalise(text);
        let entity = self
            .names
            .iter()
            .position(|name| *name == normal)
            .or_else(|| {
                self.entities
                    .iter()
                    .position(|forms| forms.contains(&normal))
            });
        GoldArg {
            entity,
            head: argument_head(text, self.lemmas),
            normal,
        }
    }

    fn gold_view(&self, f: &GoldFact) -> GoldView {
        let head = relation_head(&f.r, self.lemmas);
        GoldView {
            s: self.gold_arg(&f.s),
            o: f.o.as_deref().map(|o| self.gold_arg(o)),
            place: f.place.as_deref().map(|p| self.gold_arg(p)),
            time: f.time.as_deref().map(|t| match is_time_value(t) {
                true => (true, t.to_owned()),
                false => (false, argument_head(t, self.lemmas)),
            }),
            source: f.source.as_deref().map(|s| self.gold_arg(s)),
            symmetric: SYMMETRIC.contains(&head.as_str()),
            head,
        }
    }

    /// README rule 1: the argument names the gold entity (as written, or through its node), or
    /// has the gold argument's head word. An argument written as the name of another gold
    /// entity of the document names that one: "Chidi Okafor" is not "Ngozi Okafor", though
    /// both have the head "Okafor".
    fn matches(&self, g: &GoldArg, a: &Arg) -> bool {
        if let Some(e) = g.entity {
            let forms = &self.entities[e];
            let on_node = a
                .node
                .as_ref()
                .and_then(|n| self.nodes.get(n))
                .is_some_and(|node| !node.is_disjoint(forms));
            if on_node || a.forms.iter().any(|f| forms.contains(f)) {
                return true;
            }
            let another = self
                .entities
                .iter()
                .enumerate()
                .any(|(k, other)| k != e && a.forms.iter().any(|f| other.contains(f)));
            if another {
                return false;
            }
        }
        a.forms.contains(&g.normal) || (!g.head.is_empty() && a.heads.contains(&g.head))
    }

    fn any_arg(&self, g: &GoldArg, args: &[Arg]) -> bool {
        args.iter().any(|a| self.matches(g, a))
    }

    fn agreement(&self, g: &GoldView, f: &GoldFact, v: &View) -> Agreement {
        let subject = self.matches(&g.s, &v.subject);
        let object = match (&g.o, &v.object) {
            (None, _) => true,
            (Some(o), Some(a)) => self.matches(o, a),
            (Some(_), None) => false,
        };
        let swapped = g.symmetric
            && match (&g.o, &v.object) {
                (Some(o), Some(a)) => self.matches(o, &v.subject) && self.matches(&g.s, a),
                _ => false,
            };
        Agreement {
            relation: v.heads.contains(&g.head),
            subject,
            object,
            swapped,
            same_sentence: v.sentence == f.sentence,
        }
    }

    /// Whether a paired statement carries the gold fact's value of a qualifier.
    fn same(&self, q: Qualifier, g: &GoldView, f: &GoldFact, v: &View) -> bool {
        match q {
            Qualifier::Where => g.place.as_ref().is_some_and(|p| self.any_arg(p, &v.places)),
            Qualifier::When => g.time.as_ref().is_some_and(|t| time_present(t, &v.times)),
            Qualifier::Source => match (&g.source, &v.source) {
                (Some(gs), Some(a)) => self.matches(gs, a),
                _ => false,
            },
            Qualifier::Negated => f.negated && v.negated,
            Qualifier::Modality => f.modality != "asserted" && f.modality == v.modality,
            Qualifier::ModalityCoarse => f.modality != "asserted" && v.modality != "asserted",
        }
    }

    /// The qualifiers of a found fact's statement that disagree with the gold.
    fn qualifier_differences(&self, g: &GoldView, f: &GoldFact, v: &View) -> Vec<String> {
        let mut out = Vec::new();
        for q in [
            Qualifier::Where,
            Qualifier::When,
            Qualifier::Source,
            Qualifier::Negated,
            Qualifier::Modality,
        ] {
            let (gold, statement) = (gold_carries(q, g, f), statement_carries(q, v));
            if gold && !statement {
                out.push(format!("{}-missing", q.name()));
            } else if !gold && statement {
                out.push(format!("{}-spurious", q.name()));
            } else if gold && !self.same(q, g, f, v) {
                out.push(format!("{}-wrong", q.name()));
            }
        }
        out
    }

    /// README rule 8 over one document, with a detail line per gold entity.
    fn entity_counts(&self, gold: &GoldDoc) -> (EntityCounts, Vec<Detail>) {
        let mut c = EntityCounts::default();
        let mut details = Vec::new();
        let nodes_of = |forms: &BTreeSet<String>| -> Vec<&String> {
            self.nodes
                .iter()
                .filter(|(_, node)| !node.is_disjoint(forms))
                .map(|(n, _)| n)
                .collect()
        };
        for (e, forms) in self.entities.iter().enumerate() {
            c.entities += 1;
            let aliased = !gold.entities[e].aliases.is_empty();
            c.with_aliases += usize::from(aliased);
            let on = nodes_of(forms);
            let (correct, verdict) = match on.as_slice() {
                [] => {
                    c.unmapped += 1;
                    (false, "unmapped")
                }
                [node] => {
                    let carried = &self.nodes[*node];
                    let other = self
                        .entities
                        .iter()
                        .enumerate()
                        .any(|(k, f)| k != e && !carried.is_disjoint(f));
                    c.merged += usize::from(other);
                    (!other, if other { "merged" } else { "correct" })
                }
                _ => {
                    c.split += 1;
                    (false, "split")
                }
            };
            c.correct += usize::from(correct);
            c.with_aliases_correct += usize::from(correct && aliased);
            details.push(Detail {
                doc: gold.id.clone(),
                status: "entity",
                reason: vec![verdict.to_owned()],
                sentence: 0,
                text: String::new(),
                gold: None,
                statement: None,
                entity: Some(EntityOut {
                    name: gold.entities[e].name.clone(),
                    aliases: gold.entities[e].aliases.clone(),
                    nodes: on
                        .iter()
                        .map(|n| ((*n).clone(), self.nodes[*n].clone()))
                        .collect(),
                }),
            });
        }
        for (a, b) in &gold.distinct {
            c.distinct_pairs += 1;
            let forms_of = |name: &String| -> BTreeSet<String> {
                let normal = normalise(name);
                self.entities
                    .iter()
                    .find(|f| f.contains(&normal))
                    .cloned()
                    .unwrap_or_else(|| BTreeSet::from([normal]))
            };
            let (on_a, on_b) = (nodes_of(&forms_of(a)), nodes_of(&forms_of(b)));
            if !on_a.is_empty() && !on_b.is_empty() {
                c.distinct_evaluable += 1;
                c.distinct_apart += usize::from(on_a.iter().all(|n| !on_b.contains(n)));
            }
        }
        (c, details)
    }
}

fn time_present(gold: &(bool, String), times: &[Arg]) -> bool {
    let (value, text) = gold;
    times.iter().any(|t| match value {
        true => t.time.as_deref() == Some(text.as_str()),
        false => !text.is_empty() && t.heads.contains(text),
    })
}

/// Every argument of a statement: subject, object, source and qualifier values.
fn arguments(s: &Statement) -> impl Iterator<Item = &Argument> {
    std::iter::once(&s.subject)
        .chain(s.object.as_ref())
        .chain(s.attribution.as_ref())
        .chain(s.qualifiers.iter().map(|q| &q.value))
}

fn qualifiers(s: &Statement, role: Role) -> impl Iterator<Item = &Argument> {
    s.qualifiers
        .iter()
        .filter(move |q| q.role == role)
        .map(|q| &q.value)
}

/// The strings an argument was written as, normalised: the node's name, the name as written and
/// the span as written.
fn written_forms(a: &Argument) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&a.text)
        .chain(a.alias.as_ref())
        .chain(std::iter::once(&a.full_text))
        .map(|t| normalise(t))
        .filter(|t| !t.is_empty())
}

fn fact_out(f: &GoldFact) -> FactOut {
    FactOut {
        s: f.s.clone(),
        r: f.r.clone(),
        o: f.o.clone(),
        place: f.place.clone(),
        time: f.time.clone(),
        source: f.source.clone(),
        negated: f.negated,
        modality: f.modality.clone(),
    }
}

fn statement_out(v: &View) -> StatementOut {
    let shown = |args: &[Arg]| -> Vec<String> {
        args.iter()
            .map(|a| a.time.clone().unwrap_or_else(|| a.shown.clone()))
            .collect()
    };
    StatementOut {
        s: v.subject.shown.clone(),
        r: v.relation.clone(),
        o: v.object.as_ref().map(|o| o.shown.clone()),
        place: shown(&v.places),
        time: shown(&v.times),
        source: v.source.as_ref().map(|s| s.shown.clone()),
        negated: v.negated,
        modality: v.modality,
        sentence: v.sentence,
    }
}

#[cfg(test)]
mod tests;
