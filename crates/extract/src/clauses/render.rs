//! Rendering: each clause becomes graph statements (minimal arguments, active voice, lemmas,
//! qualifiers) and surface tuples in the sentence's words for OpenIE benchmarks (CaRB).
//!
//! A qualifier that only repeats the subject or the object is dropped. The places and times
//! hung on whoever acts, a passive agent or the subject, are the clause's when it is a name or a
//! noun whose first WordNet sense is a person or group (`data/gazetteer/agent_nouns.txt`):
//! "greeted by Putin at the Cosmodrome on Wednesday", "a court in Paris sentenced", not "the
//! war in Ukraine raised prices". Places and times inside the objects and qualifiers are found
//! through "of" too: "on the sidelines of the summit | in Vilnius".

use super::attribution::SAYING;
use super::{lower, Clause, Extraction, Node, Origin, Qual, Surface, View};
use crate::doc::{Deprel, EntityType, QuantityKind, Upos, Xpos};
use crate::statement::{
    Argument, ArgumentKind, Literal, Provenance, Qualifier, Relation, Role, Statement,
};
use kg_nlp::gazetteer::gazetteer;

/// Prepositions that give a verb with an object a second object: a recipient or goal ("to",
/// "into", "onto"), a source ("from"), a partner ("with" a person or organisation), a
/// beneficiary or price ("for"), an opponent ("against").
const SECOND_OBJECT_PREPOSITIONS: &[&str] =
    &["to", "into", "onto", "from", "with", "for", "against"];

/// Verbs of motion, of staying and of being somewhere, whose place after "in" or "at" is where
/// they went or are ("arrived at Vostochny", "the cargo remains in Bandar Abbas", "there was a
/// demonstration in Ramadi", "is based in Accra"), their object in the graph.
const MOTION: &[&str] = &[
    "arrive",
    "land",
    "travel",
    "go",
    "come",
    "return",
    "fly",
    "move",
    "flee",
    "sail",
    "drive",
    "walk",
    "run",
    "head",
    "stop",
    "dock",
    "settle",
    "stay",
    "live",
    "remain",
    "be",
    "base",
    "headquarter",
    "locate",
    "situate",
];

/// The longest restrictive clause (in words) an argument is written with
/// ([`View::identified`]).
const IDENTIFYING_CLAUSE_MAX: usize = 20;

/// A clause's surface tuples for one subject.
struct SurfaceReading {
    /// Each tuple with the length of its object in words (0 without one).
    tuples: Vec<(Surface, usize)>,
    /// The relation with the preposition or "by" it took on, untrimmed.
    relation: String,
    /// The object is a prepositional argument ("arrived at Vostochny").
    object_from_prep: bool,
}

/// A clause's graph reading for one subject, before statements are made of it.
struct GraphReading {
    subject: Argument,
    /// One statement per object; `None` for one without.
    objects: Vec<Option<Argument>>,
    lemma: String,
    qualifiers: Vec<Qualifier>,
}

impl View<'_> {
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

    /// A prepositional phrase that places the clause in the discourse, not the world ("for
    /// example", "for instance", "in fact", "in addition"; not the hedge "in general"), or a bare relative
    /// word the parser hung on the verb ("despite what"): no circumstance of the statement.
    fn says_nothing(&self, q: &Qual) -> bool {
        let p = self.prep_text(&q.prep);
        // A noun phrase with no preposition and no role the clause gives it ("rose 12 % to
        // five | pence from 4.5 pence", "retained the firm of Donaldson , Lufkin & | Securities
        // Inc.") is a piece of another phrase the parser cut off, not a qualifier; an amount
        // is one ("fined Apple | 1.8 billion euros").
        // ("One of its specialists" counts nothing.)
        let amount = self.is_amount(q.node.head) && lower(&self.t[q.node.head]) != "one";
        if q.role == Role::Other && p.is_empty() && !amount {
            return true;
        }
        let words: Vec<usize> = q
            .node
            .tokens
            .iter()
            .copied()
            .filter(|i| !q.prep.contains(i))
            .collect();
        let [w] = words[..] else {
            return false;
        };
        let w = lower(&self.t[w]);
        matches!(
            (p.as_str(), w.as_str()),
            ("for", "example" | "instance")
                | (
                    "in",
                    "fact" | "addition" | "particular" | "short" | "general" | "turn" | "contrast"
                )
                | ("of", "course")
                | ("at", "least" | "most" | "first" | "last" | "times")
        ) || matches!(self.t[q.node.head].xpos, Xpos::Wp | Xpos::Wdt)
    }

    fn qualifier(&self, q: &Qual) -> Qualifier {
        let p = self.prep_text(&q.prep);
        Qualifier {
            role: q.role,
            preposition: (!p.is_empty()).then_some(p),
            value: self.argument(&q.node),
        }
    }

    /// What a clause's subject or object denotes in the graph: a verb's argument that is a
    /// description in apposition with a name is the name ([`View::named_by_apposition`]); an
    /// apposition's own description stays what it says.
    fn clause_argument(&self, c: &Clause, n: &Node) -> Argument {
        // (A copula's object says what the subject is: it stays the description.)
        let object = c.objects.iter().any(|o| o.head == n.head);
        let verb = c.origin == Origin::Verb || (c.origin == Origin::Copula && !object);
        // (Nor the subject of the naming itself: "a group known as X" is the group.)
        let naming = self.t[c.pred].head == Some(n.head)
            && self.rel(c.pred) == Deprel::Acl
            && matches!(
                super::lemma(&self.t[c.pred]).as_str(),
                "know" | "call" | "name" | "dub"
            );
        (verb && !naming)
            .then(|| self.named_by_apposition(n))
            .flatten()
            .unwrap_or_else(|| self.argument(n))
    }

    /// The source of a clause as an argument, with a common noun coordinated with it: "police
    /// and local officials said" is both's word, not the police's alone. (Named sources stay
    /// one entity each: the graph has no node for a pair.)
    fn source_argument(&self, n: &Node) -> crate::statement::Argument {
        let mut a = self.argument(n);
        if n.resolved.is_some() || a.kind != ArgumentKind::Concept {
            return a;
        }
        let conj = self
            .kids(n.head, Deprel::Conj)
            .find(|&c| self.t[c].upos == Upos::Noun && self.mention_at(c).is_none() && c > n.head);
        let Some(c) = conj else {
            return a;
        };
        let Some(cc) = self.kids(c, Deprel::Cc).next() else {
            return a;
        };
        let other = self.argument(&self.node(c));
        if other.kind == ArgumentKind::Concept {
            a.text = format!("{} {} {}", a.text, lower(&self.t[cc]), other.text);
        }
        a
    }

    /// Renders one clause as statements and surface tuples: for each subject, the surface
    /// tuples and the graph statements, paired in order, one extraction each.
    pub(super) fn render(&self, c: &Clause, provenance: &Provenance, out: &mut Vec<Extraction>) {
        let rel_words = self.relation_words(c);
        let attribution = c.attribution.as_ref().map(|a| self.source_argument(a));
        let obl_object = self.object_from_preposition(c);
        let relation_text = if c.rel.is_empty() {
            rel_words.clone()
        } else {
            self.span_text(c.rel[0], c.rel[c.rel.len() - 1] + 1)
        };
        for (si, subject) in c.subjects.iter().enumerate() {
            let subject_arg = self.clause_argument(c, subject);
            let surface = self.surface_reading(c, subject, &rel_words, obl_object);
            let mut graph = self.graph_reading(c, si, &subject_arg, obl_object);
            // (Once the lemma is final: a light verb's subject gives no places.)
            self.places_of_whoever_acts(c, subject, &mut graph);
            let second = self.second_objects(c, obl_object);
            let GraphReading {
                subject: g_subject,
                objects: g_objects,
                lemma,
                qualifiers,
            } = graph;
            let g_subject = self.identified(c, g_subject);
            let g_objects: Vec<Option<Argument>> = g_objects
                .into_iter()
                .map(|o| o.map(|o| self.identified(c, o)))
                .collect();
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
            let surfaces = &surface.tuples;
            let n = surfaces.len().max(g_objects.len());
            for k in 0..n {
                let (st, in_graph) = match g_objects.get(k) {
                    Some(o) => {
                        let mut st = statement(o.clone());
                        self.owned_description(&mut st);
                        if c.agent.is_none() {
                            self.named_thing_is_what_it_was_called(&mut st);
                        }
                        let ok = c.in_graph && !self.unfilled(c, &st);
                        (st, ok)
                    }
                    None => (statement(g_objects.first().cloned().flatten()), false),
                };
                let (surface_tuple, olen) = match surfaces.get(k) {
                    Some((s, l)) => (Some(s.clone()), *l),
                    None => (None, 0),
                };
                let features = self.features(
                    c,
                    subject,
                    olen,
                    surface.object_from_prep,
                    &surface.relation,
                );
                out.push(Extraction {
                    statement: st,
                    surface: surface_tuple,
                    in_graph,
                    features,
                });
            }
            // The second objects, each a statement of its own with its preposition in the
            // relation, for the graph only (the surface tuple carries them as arguments).
            for &k in &second {
                let q = &c.quals[k];
                let value = self.identified(c, self.argument(&q.node));
                let st = Statement {
                    relation: Relation {
                        text: relation_text.clone(),
                        lemma: match self.prep_text(&q.prep).as_str() {
                            "" => format!("{lemma} to"),
                            p => format!("{lemma} {p}"),
                        },
                    },
                    qualifiers: qualifiers
                        .iter()
                        .filter(|x| x.value.span != value.span && !repeats(x, &Some(value.clone())))
                        .cloned()
                        .collect(),
                    ..statement(Some(value))
                };
                let in_graph = c.in_graph && !self.unfilled(c, &st);
                let features =
                    self.features(c, subject, q.node.tokens.len(), true, &surface.relation);
                out.push(Extraction {
                    statement: st,
                    surface: None,
                    in_graph,
                    features,
                });
            }
        }
    }

    /// What a name is, owned by another name, is a role in it: "the State Great Khural,
    /// Mongolia's parliament" is the parliament of Mongolia, "UNICEF, the UN children's agency"
    /// the children's agency of the UN (`be parliament of` Mongolia, the shape of the role
    /// statements). The owner is a country or organisation before "'s", or an organisation
    /// written as the noun's modifier; the words between it and the noun become the relation,
    /// the noun's own modifiers after it stay out ("Kestrel's second acquisition abroad"). A
    /// person's title with no owner stays a value, the job title.
    fn owned_description(&self, st: &mut Statement) {
        let Some(o) = st.object.as_ref() else {
            return;
        };
        if st.relation.lemma != "be" || o.kind != ArgumentKind::Concept || o.span.1 > self.t.len() {
            return;
        }
        if let Some((words, owner)) = self.owner_of_description(o.span) {
            st.relation.lemma = format!("be {words} of");
            st.object = Some(owner);
            return;
        }
        // A person's title with no owner is a job title, a value ("Grace Nakato | be |
        // minister"), as the role statements have it ([`crate::roles`]), not a concept node.
        let title = o
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|w| gazetteer().is_title(w));
        if title && st.subject.kind == ArgumentKind::Entity(EntityType::Person) {
            if let Some(o) = st.object.as_mut() {
                o.kind = ArgumentKind::Literal(Literal::Text);
            }
        }
    }

    /// The words of a description between its owner and its noun, and the owner: "Mongolia's
    /// parliament" (parliament, Mongolia), "the UN children's agency" (children's agency, UN).
    fn owner_of_description(&self, (fs, fe): (usize, usize)) -> Option<(String, Argument)> {
        let head = (fs..fe).find(|&i| self.t[i].head.is_none_or(|h| h < fs || h >= fe))?;
        let start = (fs..head)
            .find(|&i| self.t[i].upos != Upos::Det)
            .unwrap_or(head);
        let m = self
            .sentence
            .mentions
            .iter()
            .find(|m| m.start == start && m.end < head)?;
        let possessive = self.t[m.end].xpos == Xpos::Pos;
        let owner = match m.kind {
            EntityType::Organization => true,
            EntityType::Place => possessive,
            _ => false,
        };
        let words_from = if possessive { m.end + 1 } else { m.end };
        if !owner || words_from > head {
            return None;
        }
        // A rank is what the thing is, not an office in the owner: "Japan's fourth-largest
        // carmaker", "Kestrel's second acquisition abroad" stay the description (be "Japan's
        // fourth-largest carmaker"), not "fourth-largest carmaker of" Japan.
        let ranked = (words_from..head).any(|i| {
            let w = lower(&self.t[i]);
            matches!(self.t[i].xpos, Xpos::Jjs | Xpos::Rbs)
                || w.ends_with("est")
                || w.contains("-largest")
                || w.contains("-biggest")
                || matches!(
                    w.as_str(),
                    "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "fifth"
                        | "last"
                        | "only"
                        | "latest"
                        | "top"
                        | "leading"
                )
        });
        if ranked {
            return None;
        }
        let words = self.span_text(words_from, head + 1).to_lowercase();
        Some((words, self.argument(&self.bare_node(m.end - 1))))
    }

    /// "an armed group known as the Coastal Brigades", "a fake cryptocurrency platform called
    /// Nordvest Trade": the name is what the description says, (Coastal Brigades) `be` (armed
    /// group), as an apposition has it; not the group "be known as" a name. (Not a passive
    /// with its agent: "the strike was called by the union".)
    fn named_thing_is_what_it_was_called(&self, st: &mut Statement) {
        let naming = matches!(
            st.relation.lemma.as_str(),
            "be called" | "be known as" | "be named" | "be dubbed"
        );
        let Some(o) = st.object.as_ref() else {
            return;
        };
        // (Not a passive's doer: "the strike was called by the union".)
        let by = o.span.0 > 0 && o.span.0 <= self.t.len() && lower(&self.t[o.span.0 - 1]) == "by";
        // (A name as written: not a language the recogniser read as its country, "called
        // Taiwanese".)
        if naming
            && !by
            && st.subject.kind == ArgumentKind::Concept
            && matches!(o.kind, ArgumentKind::Entity(_))
            && o.text
                .split_whitespace()
                .all(|w| o.full_text.split_whitespace().any(|x| x == w))
        {
            let name = st.object.take().expect("object");
            let description = std::mem::replace(&mut st.subject, name);
            st.object = Some(description);
            st.relation.lemma = "be".into();
        }
    }

    /// A common noun's argument with the restrictive clause that says which one it is: "the
    /// man who constantly trembled with fear", "the public school system serving the residents
    /// of Harford County", "the faction which always said …". Without it the graph says "the
    /// man" or "the faction", which identifies nothing. Only a clause that follows the phrase
    /// directly (no comma: a clause set off by commas adds, it does not identify) and that is
    /// not the clause the statement is made of ("the man who trembled": (the man) tremble).
    /// The node's name stays the noun; only the phrase as written grows. Clauses longer than
    /// [`IDENTIFYING_CLAUSE_MAX`] words are left out rather than cut.
    fn identified(&self, c: &Clause, mut a: Argument) -> Argument {
        let (fs, fe) = a.span;
        if a.kind != ArgumentKind::Concept || fs >= fe || fe >= self.t.len() {
            return a;
        }
        // A relative clause or a participle ("serving …", "known as …"); not an infinitive
        // ("plans to …") or a clause the parser hung on the noun without a verb.
        let clause = (fe..self.t.len()).find(|&k| {
            (self.rel(k) == Deprel::AclRelcl
                || self.rel(k) == Deprel::Acl && matches!(self.t[k].xpos, Xpos::Vbn | Xpos::Vbg))
                && self.t[k].head.is_some_and(|h| fs <= h && h < fe)
        });
        let Some(k) = clause else {
            return a;
        };
        let words = self.span(k, &|_| false);
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return a;
        };
        let contiguous = words.len() == last + 1 - first;
        // (A comma inside makes a list or a second clause of the parser's: "channel surfing
        // through a wasteland, happening upon spoof adverts, …".)
        let comma = words.iter().any(|&w| self.t[w].form == ",");
        if first != fe
            || !contiguous
            || comma
            || words.len() > IDENTIFYING_CLAUSE_MAX
            || words.contains(&c.pred)
            || c.rel.iter().any(|r| words.contains(r))
        {
            return a;
        }
        a.full_text = self.span_text(fs, last + 1);
        a
    }

    /// The prepositional arguments of a verb with an object that are a second object of it, by
    /// index in `c.quals`: "presented a borrowing plan | to the National Assembly", "paid 18
    /// million reais | to two officials", "bought the oil | from a trader", "mixed the oil |
    /// with chlorophyll". The clause gives one statement per object, the second one's relation
    /// with its preposition ("present to" the National Assembly). Only prepositions that
    /// introduce a participant — a recipient, a source or goal, a partner, a purpose —: not a
    /// time or a place where (in, at, near), a means ("by", "through"), a topic ("about", "on")
    /// or a manner ("in good faith").
    fn second_objects(&self, c: &Clause, obl_object: Option<usize>) -> Vec<usize> {
        if c.origin != Origin::Verb
            || c.objects.is_empty()
            || c.clausal_object
            || c.passive
            || obl_object.is_some()
            || c.symmetric
            || matches!(c.lemma.as_str(), "have" | "be" | "do" | "get")
            // (Not when the relation already took a noun and its preposition, "reach
            // agreement with", or a word said of the object, "leave unchanged".)
            || c
                .rel
                .iter()
                .any(|&i| matches!(self.t[i].upos, Upos::Adp | Upos::Adj))
        {
            return Vec::new();
        }
        let quantity = |head: usize, kind: QuantityKind| {
            self.sentence
                .quantities
                .iter()
                .any(|x| x.start <= head && head < x.end && x.kind == kind)
        };
        // An amount the object is ("lost 18 percent of its value against the dollar", "rose 2
        // percent to 30 euros"): the phrases after it measure it, they are no second party.
        let measured = c
            .objects
            .iter()
            .any(|o| quantity(o.head, QuantityKind::Percent) || self.t[o.head].lemma == "percent");
        if measured {
            return Vec::new();
        }
        c.quals
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                let head = q.node.head;
                let prep = self.prep_text(&q.prep);
                // "for" gives a beneficiary or a price ("sold it for $5,000"), not a purpose,
                // a reason or a time ("banned for four years").
                let for_ok = prep != "for"
                    || q.role == Role::Recipient
                    || quantity(head, QuantityKind::Money);
                // "with" gives a partner, not a means or a manner ("drove with intention").
                let with_ok = prep != "with"
                    || matches!(
                        self.entity_kind(head),
                        Some(EntityType::Person | EntityType::Organization)
                    );
                // An indirect object is a recipient too ("handed her the award": hand to her).
                let indirect = q.role == Role::Recipient && q.prep.is_empty();
                matches!(q.role, Role::Recipient | Role::Other | Role::Location)
                    && q.node.written.is_none()
                    && (SECOND_OBJECT_PREPOSITIONS.contains(&prep.as_str()) || indirect)
                    && for_ok
                    && with_ok
                    && matches!(
                        self.t[head].upos,
                        Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron | Upos::Sym
                    )
                    && !self.is_time(head)
                    && !quantity(head, QuantityKind::Duration)
            })
            .map(|(k, _)| k)
            .collect()
    }

    /// The words of the surface relation, with those the sentence lacks ("is", "has") first.
    fn relation_words(&self, c: &Clause) -> String {
        let w = self.words(&c.rel);
        match c.rel_synthetic {
            Some(s) if w.is_empty() => s.to_owned(),
            Some(s) => format!("{s} {w}"),
            None => w,
        }
    }

    /// The first prepositional argument that is not a time becomes the object of a verb
    /// without one: "arrived at Vostochny". Not of a saying verb, whose object is what is
    /// said: "…, the company said because of a fault" is no "say because of" relation.
    fn object_from_preposition(&self, c: &Clause) -> Option<usize> {
        let verb_without_object = c.objects.is_empty()
            && c.origin == Origin::Verb
            && !c.clausal_object
            && !SAYING.contains(&c.lemma.as_str());
        if !verb_without_object {
            return None;
        }
        let first = c.quals.iter().position(|q| {
            // (Nor a stretch of time: "completed within one week" has no object.)
            !q.prep.is_empty()
                && q.role != Role::Time
                && !self.is_time(q.node.head)
                && q.node.written.is_none()
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
    }

    /// The surface tuples of a clause for one subject, one per object, in the sentence's words:
    /// a passive's agent is the second argument, then the object, then the other qualifiers.
    fn surface_reading(
        &self,
        c: &Clause,
        subject: &Node,
        rel_words: &str,
        obl_object: Option<usize>,
    ) -> SurfaceReading {
        let mut s_rel = rel_words.to_owned();
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
        let tuples = surface_objects
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
        SurfaceReading {
            tuples,
            relation: s_rel,
            object_from_prep,
        }
    }

    /// The graph reading of a clause for its subject number `si`: "X and Y met" is each pair
    /// once, "accused each other" each of the others, a verb without an object takes its first
    /// prepositional argument, and a passive with an agent is read actively.
    fn graph_reading(
        &self,
        c: &Clause,
        si: usize,
        subject_arg: &Argument,
        obl_object: Option<usize>,
    ) -> GraphReading {
        // In the graph, a named place the clause happened in is where, not its object: "37
        // fishermen held in Kisumu", "rescuers found the oil in warehouses", "the miners
        // worked in an upper section" (not after a verb of motion: "arrived at Vostochny" is
        // where they went; the OpenIE tuple keeps the phrase as its argument either way).
        // ("at" only a named place or a place noun: "aimed at American forces", "shocked at
        // the service" keep their object.)
        let obl_object = obl_object.filter(|&k| {
            let q = &c.quals[k];
            let h = q.node.head;
            let place = match self.prep_text(&q.prep).as_str() {
                "in" | "near" | "inside" => true,
                // ("enrolled at Hofstra", "teaches at the Liszt Academy": an organisation is
                // the object.)
                "at" => {
                    self.entity_kind(h) == Some(EntityType::Place)
                        || gazetteer().is_place_head(&self.t[h].lemma)
                }
                _ => false,
            };
            let where_it_happened =
                q.role == Role::Location && place && !MOTION.contains(&c.lemma.as_str());
            !where_it_happened
        });
        let mut g = GraphReading {
            subject: subject_arg.clone(),
            objects: c
                .objects
                .iter()
                .map(|o| Some(self.clause_argument(c, o)))
                .collect(),
            lemma: c.lemma.clone(),
            qualifiers: Vec::new(),
        };
        // "China and the Philippines accused each other": each the others.
        if c.subjects.len() >= 2 && c.objects.len() == 1 && self.reciprocal(&c.objects[0]) {
            g.objects = c
                .subjects
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != si)
                .map(|(_, o)| Some(self.argument(o)))
                .collect();
        }
        // "Pakia is not yet profitable", "many roads were cut": in the graph the state is the
        // relation ("be profitable"), as a passive's participle is, with no object. (The
        // surface tuple keeps the adjective as its second argument, as OpenIE writes it.)
        if c.origin == Origin::Copula
            && c.lemma == "be"
            && c.objects.len() == 1
            && self.bare_adjective_predicate(c.objects[0].head)
        {
            // (As written: "be British"; a sentence's first word in lowercase.)
            let a = c.objects[0].head;
            let word = if a == 0 {
                lower(&self.t[a])
            } else {
                self.t[a].form.clone()
            };
            g.lemma = format!("be {word}");
            g.objects = vec![None];
        }
        if c.symmetric && c.objects.is_empty() {
            // "X and Y met": each pair once; prepositional arguments stay qualifiers. Only
            // "meet" takes its partner bare: "X and Y clashed" is X clashed with Y.
            if !c.lemma.ends_with("meet") {
                g.lemma = format!("{} with", g.lemma);
            }
            g.objects = c.subjects[si + 1..]
                .iter()
                .map(|o| Some(self.argument(o)))
                .collect();
            for q in &c.quals {
                if !self.says_nothing(q) {
                    g.qualifiers.push(self.qualifier(q));
                }
            }
            return g;
        }
        if let Some(k) = obl_object {
            let q = &c.quals[k];
            let prep = self.prep_text(&q.prep);
            // "proved | up to 77 percent": a preposition inside the amount is the
            // amount's ("up to"), not the relation's.
            let in_amount = q.prep.iter().all(|&i| self.in_amount(i));
            // "met with X" is "met X".
            let met_with = c.lemma == "meet" && prep == "with";
            if !(in_amount || met_with) {
                g.lemma = format!("{} {prep}", g.lemma);
            }
            g.objects = vec![Some(self.argument(&q.node))];
        }
        for (k, q) in c.quals.iter().enumerate() {
            if Some(k) != obl_object && !self.says_nothing(q) {
                g.qualifiers.push(self.qualifier(q));
            }
        }
        // (After the prepositional object: a passive without an agent keeps its preposition
        // in the lemma, one with an agent gives it back as a qualifier.)
        self.passive_read_actively(c, subject_arg, obl_object, &mut g);
        if g.objects.is_empty() {
            g.objects.push(None);
        }
        g
    }

    /// Active reading of a passive with an agent: the agent acts on the passive subject, and
    /// the prepositional argument read as the object qualifies it again ("convicted of fraud
    /// by a jury": the jury convicted him, of fraud). Without an agent the relation says
    /// "be" and the participle ("be killed"); a "by" phrase of an active verb is its means.
    fn passive_read_actively(
        &self,
        c: &Clause,
        subject_arg: &Argument,
        obl_object: Option<usize>,
        g: &mut GraphReading,
    ) {
        if c.passive {
            match &c.agent {
                Some(a) => {
                    // (The one who acted, by name: "led by Lebanese poet Karim Haddad".)
                    g.subject = self
                        .named_by_apposition(a)
                        .unwrap_or_else(|| self.argument(a));
                    g.objects = vec![Some(subject_arg.clone())];
                    g.lemma = c.lemma.clone();
                    if let Some(k) = obl_object {
                        g.qualifiers.insert(0, self.qualifier(&c.quals[k]));
                    }
                }
                None => {
                    let form = lower(&self.t[c.pred]);
                    let mut words = vec!["be".to_owned(), form];
                    words.extend(g.lemma.split(' ').skip(1).map(str::to_owned));
                    g.lemma = words.join(" ");
                }
            }
        } else if let Some(a) = &c.agent {
            g.qualifiers.push(Qualifier {
                role: Role::Means,
                preposition: Some("by".into()),
                value: self.argument(a),
            });
        }
    }

    /// Places and times inside the arguments become qualifiers of the statement. "at a
    /// facility in Siberia": the place of a place is where it happened too; so are the places
    /// and times hung on whoever acted, the agent or the subject ("greeted by Putin at the
    /// Cosmodrome", "a court in Paris sentenced …", "South Korea on Thursday expressed …"): a
    /// name, or a noun for people ([`kg_nlp::gazetteer::Gazetteer::is_agent_noun`]). What
    /// happened somewhere keeps its place: "caused by Russia's war in Ukraine", "the summit on
    /// Wednesday could lead to a deal". Not a light verb's subject: "There's concern in Seoul"
    /// says nothing of Seoul.
    fn places_of_whoever_acts(&self, c: &Clause, subject: &Node, g: &mut GraphReading) {
        let acts = |n: &Node| match self.mention_at(n.head) {
            Some(m) => m.kind != EntityType::Other,
            None => gazetteer().is_agent_noun(&self.t[n.head].lemma.to_lowercase()),
        };
        let agent = c.agent.iter().filter(|a| acts(a));
        let light = matches!(g.lemma.as_str(), "be" | "have" | "do" | "get");
        let subject_node = (!light && acts(subject)).then_some(subject);
        // (A phrase the clause happened in is one step in already: "identified a new species
        // in the mountains | of northern Vietnam".)
        let locative = |q: &Qual| {
            matches!(
                self.prep_text(&q.prep).as_str(),
                "in" | "at" | "near" | "inside" | "outside"
            )
        };
        let nodes = c
            .objects
            .iter()
            .map(|o| (o, false))
            .chain(c.quals.iter().map(|q| (&q.node, locative(q))))
            .chain(agent.map(|a| (a, false)))
            .chain(subject_node.map(|s| (s, false)));
        // The day of the event the clause is for, during, before or after: "take charge for
        // Saturday's match", "return during next year's rainy season".
        let event_preposition =
            |p: &str| matches!(p, "for" | "during" | "before" | "after" | "until" | "since");
        let heads = c
            .quals
            .iter()
            .filter(|q| event_preposition(&self.prep_text(&q.prep)))
            .map(|q| q.node.head)
            // (Or the object a light verb's preposition took: "take charge for | Saturday's
            // match".)
            .chain(
                c.objects
                    .iter()
                    .filter(|_| c.lemma.rsplit(' ').next().is_some_and(event_preposition))
                    .map(|o| o.head),
            );
        for head in heads {
            if let Some(day) = self.owning_time(head) {
                g.qualifiers.push(day);
            }
        }
        for (node, in_a_place) in nodes {
            for q in self.nested_places_at(node, 0, in_a_place) {
                if !g.qualifiers.iter().any(|x| x.value.text == q.value.text) {
                    g.qualifiers.push(q);
                }
            }
        }
    }

    /// Places named inside an argument by a locative preposition ("a facility in Siberia",
    /// "the Cosmodrome near the border") and times, as qualifiers of the statement; the graph
    /// only (benchmarks keep the span as written).
    fn nested_places(&self, node: &Node) -> Vec<Qualifier> {
        self.nested_places_at(node, 0, false)
    }

    /// [`View::nested_places`] `depth` phrases down; `in_a_place` when `node` is what the
    /// statement happened in or at (its "of" names the place: "in the mountains | of northern
    /// Vietnam").
    fn nested_places_at(&self, node: &Node, depth: usize, in_a_place: bool) -> Vec<Qualifier> {
        let mut out = Vec::new();
        // (A name the recogniser missed counts: "Xi", known as a person only once coreference ran.)
        let person = match self.mention_at(node.head) {
            Some(m) => m.kind == EntityType::Person,
            None => self.t[node.head].upos == Upos::Propn,
        };
        // (An adjective's phrases are obliques: "in a friendly | in Rabat on Tuesday".)
        let adjective = self.t[node.head].upos == Upos::Adj;
        let phrases: Vec<usize> = self.children[node.head]
            .iter()
            .copied()
            .filter(|&c| {
                self.rel(c).base() == Deprel::Nmod
                    || (adjective && self.rel(c).base() == Deprel::Obl)
            })
            .collect();
        for c in phrases {
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
                    // The place of a place-like phrase the argument was in: "in the mountains
                    // of northern Vietnam".
                    || (ptext == "of" && in_a_place)
                    // A person has no places of their own: one hung on a person's name is where
                    // the clause goes or comes from ("travelled with Xi to the Pyrenees").
                    || (person && matches!(ptext.as_str(), "to" | "from" | "into" | "toward" | "towards")))
            {
                out.push(Qualifier {
                    role: Role::Location,
                    preposition: Some(ptext.clone()),
                    value,
                });
                // And the places coordinated with it: "police in Ukraine and the Czech Republic".
                for k in self.conjuncts(c).into_iter().filter(|&k| k != c) {
                    let value = self.argument(&self.node(k));
                    if value.kind == ArgumentKind::Entity(EntityType::Place) {
                        out.push(Qualifier {
                            role: Role::Location,
                            preposition: Some(ptext.clone()),
                            value,
                        });
                    }
                }
                // And the time the parser hung on that place ("at the Cosmodrome on Wednesday").
                out.extend(
                    self.nested_places(&n)
                        .into_iter()
                        .filter(|q| q.role == Role::Time),
                );
            } else if let Some(place) = matches!(ptext.as_str(), "in" | "at")
                .then(|| self.place_compound(c))
                .flatten()
            {
                // A place naming what happened there: "rose 4 percent in Lagos trading".
                out.push(Qualifier {
                    role: Role::Location,
                    preposition: Some(ptext),
                    value: place,
                });
            } else if matches!(ptext.as_str(), "of" | "from" | "on" | "for" | "with") && depth < 3 {
                // Through "of" to the phrase it completes: "on the sidelines of the summit | in
                // Vilnius", "by a quarter of a percentage point | on Thursday".
                out.extend(self.nested_places_at(&n, depth + 1, false));
            } else if matches!(ptext.as_str(), "at" | "in" | "during") && depth == 0 {
                // Through an event or a venue the argument was at, to where and when it was (and
                // no further): "handed her the award at a ceremony | in Alexandria", "won the
                // top prize at the Baltic Sea Film Festival | in Gdańsk".
                out.extend(self.nested_places_at(&n, 3, true));
            }
        }
        out
    }

    /// The time that owns an event noun: "Saturday" of "Saturday's match".
    fn owning_time(&self, head: usize) -> Option<Qualifier> {
        let c = self
            .kids(head, Deprel::NmodPoss)
            .find(|&c| self.is_time(c))?;
        let mut n = self.node(c);
        n.tokens.retain(|&i| self.t[i].xpos != Xpos::Pos);
        let value = self.argument(&n);
        let point = matches!(
            &value.kind,
            ArgumentKind::Literal(Literal::Time(v)) if !v.as_deref().is_some_and(|v| v.starts_with('P'))
        );
        point.then_some(Qualifier {
            role: Role::Time,
            preposition: None,
            value,
        })
    }

    /// The place a market or an area is named after, as its compound: "Lagos" of "Lagos
    /// trading", "Borno" of "Borno state".
    fn place_compound(&self, c: usize) -> Option<Argument> {
        let w = lower(&self.t[c]);
        let market = matches!(
            w.as_str(),
            "trading" | "trade" | "market" | "markets" | "session" | "dealings"
        );
        let area = matches!(
            w.as_str(),
            "state" | "province" | "region" | "district" | "county" | "prefecture"
        );
        if !(market || area) {
            return None;
        }
        let k = self.kids(c, Deprel::Compound).find(|&k| {
            self.mention_at(k)
                .is_some_and(|m| m.kind == EntityType::Place)
        })?;
        let m = self.mention_at(k)?;
        Some(self.argument(&Node::of_mention(m)))
    }

    /// A statement the sentence did not fill, which the graph does not take (see
    /// [`crate::facts`]): a literal subject; nothing to say — a light verb with neither object
    /// nor qualifier ("X have", "X be", mostly an auxiliary the parser took for the verb: "who
    /// had won the race"); no object where the verb's complement is a clause the statement does
    /// not carry; a subject or object without a content word.
    fn unfilled(&self, c: &Clause, s: &Statement) -> bool {
        let vacuous = s.object.is_none()
            && s.qualifiers.is_empty()
            && matches!(s.relation.lemma.as_str(), "be" | "have" | "do" | "get");
        // A verb that always acts on something, with nothing after it: the parser lost what it
        // acts on ("the letter that he said Bush sent", "doctors who have conducted hours of
        // tests": (Bush) send, (doctors) conduct).
        let object_lost = s.object.is_none()
            && s.qualifiers.is_empty()
            && c.origin == Origin::Verb
            && !c.passive
            && !c.symmetric
            // (The last verb of the relation: "grow up", "work fine" end in words WordNet also
            // has as transitive verbs.)
            && c
                .rel
                .iter()
                .chain(std::iter::once(&c.pred))
                .filter(|&&i| self.t[i].upos == Upos::Verb)
                .max()
                .is_some_and(|&v| transitive_only(&super::lemma(&self.t[v])));
        matches!(s.subject.kind, ArgumentKind::Literal(_))
            || s.relation.lemma.is_empty()
            || vacuous
            || object_lost
            || (s.object.is_none() && self.complement_left_out(c))
            || std::iter::once(&s.subject)
                .chain(s.object.as_ref())
                .any(|a| self.fragment(a))
    }

    /// A verb whose complement is a clause, without it: "North Korea said (it has launched …)",
    /// "The show was designed (to appear as if …)", "an announcer tells customers (that …)",
    /// "X is revealed (to be the leader)". The statement says only that something was said,
    /// designed, told. A saying verb without an object or topic says nothing whatever the
    /// parser made of what was said; an `xcomp` folded into the relation ("agreed to set up")
    /// is carried.
    fn complement_left_out(&self, c: &Clause) -> bool {
        if c.origin != Origin::Verb {
            return false;
        }
        // (Not "believe in God", "wrote about the war", "argued with X": what the verb is about
        // or with whom; "said after the incident" is a circumstance.)
        let about_something = c.quals.iter().any(|q| {
            q.role == Role::Topic
                || (q.role == Role::Other
                    && matches!(
                        self.prep_text(&q.prep).as_str(),
                        "about" | "of" | "on" | "in" | "over" | "for" | "with"
                    ))
        });
        // (Active: what "was announced" is its subject.)
        if SAYING.contains(&c.lemma.as_str()) && !c.passive && !about_something {
            return true;
        }
        let carried = |k: usize| {
            c.rel.contains(&k)
                || c.quals.iter().any(|q| q.node.tokens.contains(&k))
                || c.objects.iter().any(|o| o.tokens.contains(&k))
        };
        c.rel
            .iter()
            .chain(std::iter::once(&c.pred))
            .filter(|&&v| matches!(self.t[v].upos, Upos::Verb | Upos::Aux | Upos::Adj))
            .any(|&v| {
                self.kids_base(v, Deprel::Ccomp)
                    .filter(|&k| !self.adverbial(k))
                    .chain(self.kids_base(v, Deprel::Xcomp))
                    .any(|k| !carried(k))
            })
    }

    /// An argument without a content word: a lone preposition, particle, determiner, auxiliary
    /// or punctuation mark ("(X) come (to)", "(`` ?) ratify …") is a fragment of a phrase the
    /// parser broke, not a thing. Arguments coreference resolved or an extractor put in keep
    /// their name.
    fn fragment(&self, a: &Argument) -> bool {
        let (start, end) = (a.span.0.min(self.t.len()), a.span.1.min(self.t.len()));
        start < end
            && matches!(
                a.kind,
                ArgumentKind::Literal(_) | ArgumentKind::Unresolved | ArgumentKind::Concept
            )
            && self.t[start..end].iter().all(|t| {
                matches!(
                    t.upos,
                    Upos::Adp
                        | Upos::Part
                        | Upos::Det
                        | Upos::Aux
                        | Upos::Cconj
                        | Upos::Sconj
                        | Upos::Punct
                        | Upos::Sym
                )
            })
    }
}

/// Verbs with an object and no intransitive use, from WordNet (see data/gazetteer/README.md).
const TRANSITIVE_VERBS: &str = include_str!("../../../../data/gazetteer/transitive_verbs.txt");

/// Whether a verb lemma always takes an object ("send", "conduct", "define").
fn transitive_only(lemma: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        TRANSITIVE_VERBS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
    .contains(lemma)
}
