//! The clause of a verb or copula: which tokens head a clause, and the rules that read one off
//! the tree, in order (subjects, passives, relative words, modality, objects, the `xcomp` chain,
//! secondary predicates, light verbs, attribution). Appositions, possessives and meeting nouns
//! are in [`super::nominal_clauses`].
//!
//! Among the steps: a "ccomp" opened by "until", "because" … is no object; an adverb right after
//! the verb is its particle ("step down"); an adjective or participle said of the object joins
//! the relation ("leave unchanged"), as does a bare noun with its own preposition ("claimed
//! responsibility for" the attack) and an object noun aimed at a target after verbs like
//! impose, file, announce ("impose sanction on | Russia"); a participle set off after its clause
//! with an object of its own is that clause's subject acting ("A car bomb exploded …, killing at
//! least seven people"; an opening one's subject is a guess and stays out of the graph); the
//! parenthetical "…, the Kremlin said on Friday" only reports; "each other" is each of the other
//! subjects ("China and the Philippines accused each other"); a bare verb conjoined to a modal
//! one shares its modality ("will close three factories and cut jobs"); "would" reported in the
//! past tense is the future ("Spotify said it would cut jobs"), unless a condition goes with it;
//! the pronoun subject of the clause a saying verb reports is its source (see
//! [`super::attribution`]).

use super::attribution::reports;
use super::{lemma, lower, Clause, Node, Origin, Qual, View};
use crate::doc::{Deprel, EntityType, Upos, Xpos};
use crate::statement::{Modality, Role};
use kg_nlp::verb_classes::VerbClass;

/// Verbs whose coordinated subjects act on each other: "X and Y met" means X met Y.
pub(super) const SYMMETRIC: &[&str] = &[
    "meet",
    "convene",
    "talk",
    "negotiate",
    "confer",
    "clash",
    "reconcile",
    "compete",
    "merge",
];

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

/// Verbs whose indirect object bears an amount: "fined Apple 1.8 billion euros" fines Apple.
const PENALISING: &[&str] = &["fine", "charge", "cost", "bill"];

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

/// Nouns that only carry a verb's link to the party named after them ("took a stake in X",
/// "owns 30 percent of X", "violated the rights of X", "keeps its headquarters in X", "started
/// talks with X"): with a name after them they join the relation and the name is the object.
const LINK_NOUNS: &[(&str, &[&str])] = &[
    ("stake", &["in", "of"]),
    ("share", &["in", "of"]),
    ("control", &["of", "over"]),
    ("majority", &["in", "of"]),
    ("ownership", &["of"]),
    ("percent", &["of"]),
    ("right", &["of"]),
    ("phone", &["of"]),
    ("headquarters", &["in"]),
    ("talk", &["with"]),
    ("approval", &["from", "of"]),
];

/// Prepositions after a bare noun that a verb takes as its support ("claim responsibility
/// for", "need approval from", "set fire to").
const SUPPORT_PREPOSITIONS: &[&str] = &["for", "from", "to", "with", "against", "on", "into"];

/// Adverbs that place a clause in time, place or discourse rather than complete its verb
/// ("left again", "arrived there", "resigned also"): they stay out of the relation.
const CIRCUMSTANCE_ADVERBS: &[&str] = &[
    "also",
    "too",
    "then",
    "now",
    "again",
    "still",
    "already",
    "yet",
    "ago",
    "later",
    "soon",
    "there",
    "here",
    "instead",
    "however",
    "though",
    "first",
    "last",
    "once",
    "twice",
    "ever",
    "never",
    "early",
    "earlier",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "so",
    "as",
    "almost",
    "just",
    "even",
    "only",
    "not",
    "n't",
];

/// Verbs that say what their object is ("called the deal 'a victory'"): the saying is the
/// caller's, the statement what the object is ([`View::calling_is_the_callers_word`]).
const CALLING: &[&str] = &["call", "label", "brand", "dub", "term"];

/// Subordinators that open adverbial clauses, never objects.
const ADVERBIAL_MARKERS: [&str; 12] = [
    "until", "till", "because", "when", "after", "before", "while", "since", "although", "though",
    "unless", "once",
];

/// A verb or copula clause under construction: what the rules of [`View::clause`] read and
/// write, from the predicate `p` to the last verb of its folded `xcomp` chain, `cur`.
struct ClauseDraft {
    p: usize,
    copular: bool,
    subjects: Vec<Node>,
    /// The subjects are the governor's or the modified noun's, not the predicate's own.
    inherited: bool,
    passive: bool,
    /// The noun a relative clause modifies, which fills the object's gap when nothing else does.
    relative_object: Option<Node>,
    /// "protests in which 20 people were killed": the relative word after a preposition, and
    /// the head noun it stands for.
    relative_oblique: Option<(usize, usize)>,
    /// Surface relation tokens.
    rel: Vec<usize>,
    lemma_words: Vec<String>,
    negated: bool,
    modality: Modality,
    objects: Vec<Node>,
    /// The object is a clause (ccomp), kept for the surface only.
    clausal_object: bool,
    quals: Vec<Qual>,
    agent: Option<Node>,
    /// "according to X": the attribution, and no saying verb's.
    according: Option<Node>,
    attribution: Option<Node>,
    /// "promised to build", "denied taking": the verb whose subject vouches for the act.
    vouched_by: Option<usize>,
    in_graph: bool,
    symmetric: bool,
    /// The last verb of the folded `xcomp` chain, whose objects are the clause's.
    cur: usize,
}

impl View<'_> {
    /// Whether `i` heads a clause of its own.
    pub(super) fn is_predicate(&self, i: usize) -> bool {
        let t = &self.t[i];
        let r = t.deprel.base();
        if self.kids(i, Deprel::Cop).next().is_some() {
            return !matches!(
                r,
                Deprel::Amod | Deprel::Compound | Deprel::Fixed | Deprel::Flat
            );
        }
        match t.upos {
            Upos::Verb => match r {
                Deprel::Root
                | Deprel::Conj
                | Deprel::Ccomp
                | Deprel::Advcl
                | Deprel::Parataxis
                | Deprel::Csubj
                | Deprel::List
                | Deprel::Dep => true,
                Deprel::Acl => {
                    t.deprel == Deprel::AclRelcl
                        // A finite verb with a subject of its own is a clause whatever the
                        // parser hung it on.
                        || self.kids_base(i, Deprel::Nsubj).next().is_some()
                        || matches!(t.xpos, Xpos::Vbn | Xpos::Vbg)
                            && self.kids(i, Deprel::Mark).next().is_none()
                        || self.controlled_infinitive_on_object(i)
                        || self.accused_act(i).is_some()
                        || t.head.is_some_and(|h| self.first_to_do(i, h).is_some())
                }
                // An xcomp folds into its governor's clause unless that is no clause, or it says
                // what the governor's object is to do ("urged Congress to approve").
                Deprel::Xcomp => {
                    !t.head.is_some_and(|h| self.is_predicate(h))
                        || t.head.is_some_and(|h| self.object_controlled(h))
                }
                _ => false,
            },
            Upos::Aux => {
                matches!(
                    r,
                    Deprel::Root | Deprel::Conj | Deprel::Ccomp | Deprel::Advcl | Deprel::Parataxis
                ) && self.kids_base(i, Deprel::Nsubj).next().is_some()
                    && matches!(lemma(t).as_str(), "be" | "have")
            }
            _ => false,
        }
    }

    /// The clause of predicate `p`, with its `xcomp` chain folded in: one rule after another,
    /// in this order, since each reads what the ones before it wrote.
    pub(super) fn clause(&self, p: usize) -> Option<Clause> {
        let mut d = self.clause_draft(p);
        // The subjects, as the gaps of participles and relative clauses fill them; the passive
        // read first, as a participle's decides whether the noun it modifies is its subject.
        self.conjoined_participle_shares_passive(&mut d);
        self.participle_modifies_its_noun(&mut d)?;
        self.relative_word_resolved(&mut d)?;
        if d.subjects.is_empty() {
            return None;
        }
        // Modality: the auxiliaries', which the rules after them override; a request only
        // of a subject inherited from the governor, and only when nothing else was said.
        d.modality = self.aux_modality(p);
        self.would_reported_in_the_past_is_future(&mut d);
        self.bare_verb_shares_conjoined_modal(&mut d);
        self.urged_act_is_requested(&mut d);
        self.infinitive_is_no_fact_of_its_own(&mut d);
        // The relation and its objects, in the voice the rules above settled.
        self.auxiliaries_and_negation_join_relation(&mut d);
        if d.copular {
            self.copula_states_its_predicate(&mut d);
        } else {
            self.verb_takes_its_objects(&mut d);
        }
        // The fold may replace the modality, the subjects (object control) and the objects;
        // the rules after it read the objects of the chain's last verb, and only fill the
        // object's place while it is empty: the relative head before a clausal object.
        self.xcomp_chain_folded(&mut d);
        self.penalty_falls_on_indirect_object(&mut d);
        self.secondary_predicate_joins_relation(&mut d);
        self.relative_head_fills_object(&mut d);
        self.clausal_object_read(&mut d);
        self.predicate_adverb_joins_relation(&mut d);
        self.light_verb_takes_its_noun(&mut d);
        self.calling_is_the_callers_word(&mut d);
        self.symmetric_verb_relates_subjects(&mut d);
        // The source: "according to X", else the subject of a saying verb that reports the
        // clause, else an accuser; the pronoun rule reads the source found.
        d.attribution = d.according.clone().or_else(|| self.attribution(p));
        self.promise_is_the_promisers_word(&mut d);
        self.accusation_is_the_accusers_claim(&mut d);
        self.pronoun_subject_is_its_source(&mut d);
        self.denial_reported(&mut d);
        self.hedge_reported(&mut d);
        // What stays out of the graph, and the qualifiers the clause gets from around it.
        self.reported_clause_kept_out_of_graph(&mut d);
        self.participle_after_its_clause_acts_again(&mut d);
        self.parenthetical_only_reports(&mut d);
        self.where_or_when_gives_place_or_time(&mut d);
        self.relative_word_after_preposition_resolved(&mut d);
        Some(self.finished(d))
    }

    /// The clause before any rule: its subjects, and its voice as the auxiliaries say.
    fn clause_draft(&self, p: usize) -> ClauseDraft {
        let (subjects, inherited) = self.subjects(p, 0);
        let passive = self.children[p]
            .iter()
            .any(|&c| self.rel(c).marks_passive());
        ClauseDraft {
            p,
            copular: self.kids(p, Deprel::Cop).next().is_some(),
            subjects,
            inherited,
            passive,
            relative_object: None,
            relative_oblique: None,
            rel: Vec::new(),
            lemma_words: Vec::new(),
            negated: false,
            modality: Modality::Asserted,
            objects: Vec::new(),
            clausal_object: false,
            quals: Vec::new(),
            agent: None,
            according: None,
            attribution: None,
            vouched_by: None,
            in_graph: true,
            symmetric: false,
            cur: p,
        }
    }

    /// A participle conjoined to a passive shares its auxiliary: "two were killed and dozens
    /// | injured".
    /// (Read as a past tense too when the verb always takes an object: "dozens | injured"
    /// is no one injuring.)
    fn conjoined_participle_shares_passive(&self, d: &mut ClauseDraft) {
        let tok = &self.t[d.p];
        if !d.passive
            && tok.deprel == Deprel::Conj
            && (tok.xpos == Xpos::Vbn
                || (tok.xpos == Xpos::Vbd && ALWAYS_TRANSITIVE.contains(&lemma(tok).as_str())))
            && self.kids_base(d.p, Deprel::Aux).next().is_none()
            && self.kids_base(d.p, Deprel::Obj).next().is_none()
        {
            d.passive = tok.head.is_some_and(|h| {
                self.children[h]
                    .iter()
                    .any(|&c| self.rel(c) == Deprel::AuxPass)
            });
        }
    }

    /// Participles modifying a noun: "a delegation led by Liu" (passive), "a man carrying".
    /// `None`: a participle that modifies nothing is no clause.
    fn participle_modifies_its_noun(&self, d: &mut ClauseDraft) -> Option<()> {
        let tok = &self.t[d.p];
        let r = tok.deprel;
        if r.base() == Deprel::Acl && r != Deprel::AclRelcl && d.subjects.is_empty() {
            let h = tok.head?;
            if tok.xpos == Xpos::Vbn {
                d.passive = true;
                d.subjects.push(self.bare_node(h));
                d.inherited = true;
            }
        }
        Some(())
    }

    /// Relative clauses: the head noun fills the gap left by the relative word.
    /// `None`: a relative clause that modifies nothing is no clause.
    fn relative_word_resolved(&self, d: &mut ClauseDraft) -> Option<()> {
        let p = d.p;
        let tok = &self.t[p];
        let r = tok.deprel;
        if !(r == Deprel::AclRelcl || r == Deprel::AdvclRelcl) {
            return Some(());
        }
        let relative_word = self.children[p].iter().find_map(|&c| {
            let w = lower(&self.t[c]);
            matches!(w.as_str(), "which" | "that" | "who" | "whom").then_some(w)
        });
        let h = self.antecedent(tok.head?, relative_word.as_deref().unwrap_or(""));
        let has_subject = !self.own_subjects(p).is_empty();
        // "a hotel where officials had gathered": the head noun is where, no object
        // ([`Self::where_or_when`]).
        let adverbial_relative = self.children[p].iter().any(|&c| {
            self.t[c].xpos == Xpos::Wrb && matches!(lower(&self.t[c]).as_str(), "where" | "when")
        });
        let rel_word_object = self.children[p].iter().copied().find(|&c| {
            self.rel(c).base() == Deprel::Obj
                && matches!(
                    lower(&self.t[c]).as_str(),
                    "which" | "that" | "whom" | "who"
                )
        });
        d.relative_oblique = self.children[p]
            .iter()
            .copied()
            .find(|&c| {
                self.rel(c).base() == Deprel::Obl
                    && matches!(lower(&self.t[c]).as_str(), "which" | "whom")
            })
            .map(|c| (c, h));
        // "a meeting that was focused on trade": the relative word is the subject, and
        // the head noun, which it stands for, fills no other gap.
        let head_is_subject = d.subjects.iter().any(|s| s.head == h);
        if !has_subject {
            d.subjects.push(self.bare_node(h));
            d.inherited = true;
        } else if !head_is_subject
            && !adverbial_relative
            && d.relative_oblique.is_none()
            // ("who she said had inspired the story": the noun is the reported clause's.)
            && self.kids_base(p, Deprel::Ccomp).next().is_none()
            && (rel_word_object.is_some()
                || (self.kids_base(p, Deprel::Obj).next().is_none() && !d.copular))
        {
            d.relative_object = Some(self.bare_node(h));
        }
        Some(())
    }

    /// "would" reported in the past tense is the future seen from the past: "Spotify said
    /// it would cut 1,500 jobs" (not a condition, "if the talks failed, it would …", nor an
    /// opinion now, "I think this would solve it").
    fn would_reported_in_the_past_is_future(&self, d: &mut ClauseDraft) {
        let p = d.p;
        let would = self
            .kids_base(p, Deprel::Aux)
            .any(|c| lower(&self.t[c]) == "would");
        let conditional = self.opened_by_if(p)
            || self
                .kids_base(p, Deprel::Advcl)
                .any(|a| self.opened_by_if(a));
        let said_in_the_past = self
            .reported_by(p)
            .is_some_and(|(_, v)| matches!(self.t[v].xpos, Xpos::Vbd | Xpos::Vbn));
        if would && !conditional && said_in_the_past {
            d.modality = Modality::Future;
        }
    }

    /// A bare verb conjoined to a modal one shares the modal: "will close three factories
    /// and cut jobs".
    fn bare_verb_shares_conjoined_modal(&self, d: &mut ClauseDraft) {
        let p = d.p;
        let tok = &self.t[p];
        if self.rel(p) == Deprel::Conj
            && tok.xpos == Xpos::Vb
            && self.kids_base(p, Deprel::Aux).next().is_none()
            && self.own_subjects(p).is_empty()
        {
            if let Some(h) = tok.head {
                d.modality = self.aux_modality(h);
            }
        }
    }

    /// An infinitive whose doer its governor supplies states no more than the governor does:
    /// a purpose is planned ("walked to the house to take a bath", "sent troops in order to
    /// stop the smugglers": news-dev's `planned`), and a complement shares its governor's
    /// modal ("could help Armstrong reassure its investors": possible; "will hire consultants
    /// to review": future). Only when nothing else was said of it.
    fn infinitive_is_no_fact_of_its_own(&self, d: &mut ClauseDraft) {
        let p = d.p;
        let to = self
            .kids(p, Deprel::Mark)
            .any(|m| lower(&self.t[m]) == "to");
        if d.modality != Modality::Asserted || !d.inherited || self.t[p].xpos != Xpos::Vb {
            return;
        }
        let Some(g) = self.t[p].head else {
            return;
        };
        match self.rel(p).base() {
            Deprel::Advcl if to => d.modality = Modality::Planned,
            // (After a verb of making someone act, the act is done: "forced residents to
            // flee"; after any other, a purpose: "hired consultants to review its accounts".)
            Deprel::Xcomp => {
                d.modality = self.aux_modality(g);
                if d.modality == Modality::Asserted
                    && to
                    && !VerbClass::ObjectControl.contains(&lemma(&self.t[g]))
                {
                    d.modality = Modality::Planned;
                }
            }
            _ => {}
        }
    }

    /// What the governor's object was urged or asked to do is requested, not stated.
    fn urged_act_is_requested(&self, d: &mut ClauseDraft) {
        let p = d.p;
        let tok = &self.t[p];
        let governor = match self.rel(p).base() {
            Deprel::Xcomp | Deprel::Advcl => tok.head,
            Deprel::Acl if self.controlled_infinitive_on_object(p) => {
                tok.head.and_then(|h| self.t[h].head)
            }
            // "asked Malawi to stop fixing … and to cut subsidies": the second act is asked
            // for too.
            Deprel::Conj => tok
                .head
                .filter(|&h| self.rel(h).base() == Deprel::Xcomp)
                .and_then(|h| self.t[h].head),
            _ => None,
        };
        if d.modality == Modality::Asserted
            && d.inherited
            && governor.is_some_and(|g| {
                VerbClass::Requesting.contains(&lemma(&self.t[g]))
                    && !self.controllers(g).is_empty()
            })
        {
            d.modality = Modality::Requested;
        }
    }

    /// Auxiliaries, the copula and "not" are words of the relation; "not" and a subject or
    /// object quantified by "no" negate it.
    fn auxiliaries_and_negation_join_relation(&self, d: &mut ClauseDraft) {
        let p = d.p;
        for c in self.children[p].iter().copied() {
            if matches!(self.rel(c).base(), Deprel::Aux | Deprel::Cop) {
                d.rel.push(c);
            }
        }
        if let Some(n) = self.negated(p) {
            d.negated = true;
            d.rel.push(n);
        }
        d.negated |= self.denied_by_no(p);
    }

    /// "X is the leader of Y", "X is in Paris", "X is crucial": what the copula says is the
    /// object, and of a role noun with "of", the role noun joins the relation and Y is the
    /// object.
    fn copula_states_its_predicate(&self, d: &mut ClauseDraft) {
        let p = d.p;
        let predicate_case = self.preposition(p);
        d.rel.extend(predicate_case.iter().copied());
        let (q, a, acc) = self.obliques(p, false);
        d.quals = q;
        d.agent = a;
        d.according = acc;
        let cut_quals: Vec<usize> = self.children[p]
            .iter()
            .copied()
            .filter(|&c| self.rel(c).base() == Deprel::Obl)
            .collect();
        let mut object = self.node(p);
        object.tokens.retain(|i| {
            !predicate_case.contains(i)
                && !d.rel.contains(i)
                && !cut_quals.iter().any(|&q| self.dominates(q, *i))
        });
        // "the leader of Y": the role noun joins the relation, Y is the object.
        let of = (self.t[p].upos == Upos::Noun && predicate_case.is_empty())
            .then(|| {
                self.kids(p, Deprel::Nmod)
                    .find(|&c| self.prep_text(&self.preposition(c)) == "of")
            })
            .flatten();
        d.lemma_words.push("be".into());
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
            d.rel.extend(role_tokens);
            d.rel.extend(prep);
            d.lemma_words = vec![self.minimal_text(p).to_lowercase(), "of".into()];
            d.objects.push(target);
        } else if let Some(k) = self.adjective_complement(d, p, &predicate_case) {
            // "were not involved in the operation": "be involved in" the operation; "is ready
            // for the qualifiers", "is responsible for the attack".
            let q = d.quals.remove(k);
            d.rel.push(p);
            d.rel.extend(q.prep.iter().copied());
            d.lemma_words.push(lower(&self.t[p]));
            d.lemma_words.push(self.prep_text(&q.prep));
            let mut target = q.node;
            target.tokens.retain(|i| !q.prep.contains(i));
            d.objects.push(target);
        } else {
            for x in self.conjuncts(p) {
                if x == p {
                    d.objects.push(object.clone());
                } else if self.kids(x, Deprel::Cop).next().is_none() {
                    d.objects.push(self.node(x));
                }
            }
            for &c in &predicate_case {
                d.lemma_words.push(lower(&self.t[c]));
            }
        }
    }

    /// Whether the copula's predicate is one adjective on its own: nothing hung on it but
    /// adverbs before it ("not yet profitable") and the clause's own words ("too weak to eat",
    /// "worth $5", "responsible for X" have more).
    pub(super) fn bare_adjective_predicate(&self, p: usize) -> bool {
        // (Only a negation or a circumstance may stand before it, "not yet profitable": a
        // degree says how much, "very old", "more likely than not", "too weak", and keeps its
        // words.)
        let degree = |c: usize| {
            let w = lower(&self.t[c]);
            !matches!(w.as_str(), "not" | "n't" | "never")
                && !CIRCUMSTANCE_ADVERBS.contains(&w.as_str())
        };
        self.t[p].upos == Upos::Adj
            && self.t[p].xpos == Xpos::Jj
            && !matches!(
                lower(&self.t[p]).as_str(),
                "worth" | "much" | "many" | "few"
            )
            && self.children[p].iter().all(|&c| {
                matches!(
                    self.rel(c).base(),
                    Deprel::Nsubj
                        | Deprel::Csubj
                        | Deprel::Cop
                        | Deprel::Aux
                        | Deprel::Advmod
                        | Deprel::Punct
                        | Deprel::Mark
                        | Deprel::Cc
                        | Deprel::Obl
                        | Deprel::Advcl
                        | Deprel::Parataxis
                        | Deprel::Discourse
                        | Deprel::Expl
                ) && !(self.rel(c).base() == Deprel::Advmod && (c > p || degree(c)))
                    // (A clause coordinated with it is its own: "is not yet profitable and
                    // expects to break even".)
                    || (self.rel(c).base() == Deprel::Conj
                        && (self.t[c].upos == Upos::Verb
                            || self.kids_base(c, Deprel::Nsubj).next().is_some()
                            || self.kids(c, Deprel::Cop).next().is_some()))
            })
    }

    /// The prepositional argument of an adjective predicate that completes it, by index in
    /// `d.quals`: its first one after it that is no time ("involved in", "ready for", "related
    /// to"). Not of an adjective coordinated with another, which share their arguments.
    fn adjective_complement(
        &self,
        d: &ClauseDraft,
        p: usize,
        predicate_case: &[usize],
    ) -> Option<usize> {
        if self.t[p].upos != Upos::Adj
            || !predicate_case.is_empty()
            || self.kids(p, Deprel::Conj).next().is_some()
        {
            return None;
        }
        d.quals
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.node.head > p
                    && self.t[q.node.head].head == Some(p)
                    && !q.prep.is_empty()
                    && q.role != Role::Time
                    // (A comparison or a cause is no complement: "as eager as the judge",
                    // "navigable because of sandbanks".)
                    && !matches!(
                        self.prep_text(&q.prep).as_str(),
                        "as" | "than" | "because of" | "despite" | "like" | "unlike" | "due to"
                    )
            })
            .min_by_key(|(_, q)| q.node.head)
            .map(|(k, _)| k)
    }

    /// A verb with its particles, its objects (the indirect one a recipient) and its
    /// prepositional arguments.
    fn verb_takes_its_objects(&self, d: &mut ClauseDraft) {
        let p = d.p;
        d.rel.push(p);
        d.lemma_words.push(lemma(&self.t[p]));
        for c in self.particles(p) {
            d.rel.push(c);
            // Not the first word of an amount: "proved | up to 77 percent effective".
            if !self.in_amount(c) {
                d.lemma_words.push(lower(&self.t[c]));
            }
        }
        let (q, a, acc) = self.obliques(p, d.passive);
        d.quals = q;
        d.agent = a;
        d.according = acc;
        // "urged Congress to approve": the one urged is the object, whatever the parser
        // called it.
        let controlled_iobj =
            self.object_controlled(p) && self.kids_base(p, Deprel::Obj).next().is_none();
        for c in self.children[p].iter().copied() {
            match self.rel(c).base() {
                Deprel::Obj => {
                    if matches!(lower(&self.t[c]).as_str(), "which" | "that" | "whom") {
                        continue;
                    }
                    // A time read as the object is when it happens: "for the deal to close
                    // next month" ("next month" is no thing closed). Not a stretch of time, nor
                    // after a verb that takes time as its object ("spent Wednesday in prayer",
                    // "marked the day").
                    let takes_time = matches!(
                        lemma(&self.t[p]).as_str(),
                        "spend"
                            | "waste"
                            | "take"
                            | "pass"
                            | "need"
                            | "mark"
                            | "celebrate"
                            | "commemorate"
                            | "devote"
                            | "give"
                            | "use"
                            | "kill"
                            | "save"
                    );
                    let duration = self.sentence.timexes.iter().any(|x| {
                        x.start <= c
                            && c < x.end
                            && x.value.as_deref().is_some_and(|v| v.starts_with('P'))
                    });
                    if self.is_time(c) && self.t[c].upos != Upos::Pron && !takes_time && !duration {
                        d.quals.push(Qual {
                            role: Role::Time,
                            prep: Vec::new(),
                            node: self.node(c),
                        });
                        continue;
                    }
                    for x in self.conjuncts(c) {
                        let x = self.object_name(x).unwrap_or(x);
                        d.objects.push(self.node(x));
                    }
                }
                Deprel::Iobj if controlled_iobj => d.objects.push(self.node(c)),
                Deprel::Iobj => d.quals.push(Qual {
                    role: Role::Recipient,
                    prep: Vec::new(),
                    node: self.node(c),
                }),
                Deprel::Xcomp if !self.is_predicate(c) && self.t[c].upos != Upos::Verb => {
                    self.complement_takes_its_preposition(d, c)
                }
                _ => {}
            }
        }
    }

    /// A complement said of the subject is the object ("became chairman"), unless it is an
    /// adjective or a bare noun with a prepositional phrase of its own: then it joins the
    /// relation with the preposition and the phrase is the object ("tested positive for |
    /// EPO", "became chairman of | the new group").
    fn complement_takes_its_preposition(&self, d: &mut ClauseDraft, c: usize) {
        let bare_noun = self.t[c].xpos == Xpos::Nn
            && self.children[c].iter().all(|&k| {
                matches!(
                    self.rel(k).base(),
                    Deprel::Nmod | Deprel::Amod | Deprel::Punct
                )
            });
        // (Not a word said of an object, "left the area vulnerable to floods", nor a degree,
        // "the most mortal of sins".)
        let head_has_object = self.t[c]
            .head
            .is_some_and(|h| self.kids_base(h, Deprel::Obj).next().is_some());
        let plain_adjective = self.t[c].upos == Upos::Adj
            && self.children[c].iter().all(|&k| {
                matches!(
                    self.rel(k).base(),
                    Deprel::Obl | Deprel::Nmod | Deprel::Punct
                )
            });
        let pp = ((plain_adjective || bare_noun) && !head_has_object)
            .then(|| {
                self.children[c].iter().copied().find(|&k| {
                    k > c
                        && matches!(self.rel(k), Deprel::Obl | Deprel::Nmod)
                        && !self.preposition(k).is_empty()
                        && !self.is_time(k)
                        && (self.t[c].upos == Upos::Adj
                            || self.prep_text(&self.preposition(k)) == "of")
                })
            })
            .flatten();
        match pp {
            Some(pp) => {
                let prep = self.preposition(pp);
                d.rel
                    .extend((c..prep[0]).filter(|&i| !self.dominates(pp, i)));
                d.rel.extend(prep.iter().copied());
                d.lemma_words.push(lower(&self.t[c]));
                d.lemma_words.push(self.prep_text(&prep));
                let mut target = self.node(pp);
                target.tokens.retain(|i| !prep.contains(i));
                d.objects.push(target);
            }
            None => d.objects.push(self.node(c)),
        }
    }

    /// Fold xcomp chains: "agreed to set up", "is expected to seek" (not a participle said
    /// of the object: "kept the crossing closed"). Moves `cur` to the chain's last verb.
    fn xcomp_chain_folded(&self, d: &mut ClauseDraft) {
        let mut depth = 0;
        while let Some(x) = self.kids(d.cur, Deprel::Xcomp).find(|&x| {
            self.t[x].upos == Upos::Verb
                && self.own_subjects(x).is_empty()
                && self.secondary_predicate(d.cur) != Some(x)
                && !self.object_controlled(d.cur)
        }) {
            depth += 1;
            if depth > 4 {
                break;
            }
            self.governor_of_xcomp_folded(d);
            self.xcomp_joins_relation(d, x);
            d.cur = x;
        }
    }

    /// A governor of expectation or plan ("is expected to", "plans to", "is going to")
    /// becomes the modality; any other stays in the relation with "to".
    fn governor_of_xcomp_folded(&self, d: &mut ClauseDraft) {
        let cur = d.cur;
        let governor = lemma(&self.t[cur]);
        if VerbClass::Vouching.contains(&governor) && d.vouched_by.is_none() {
            d.vouched_by = Some(cur);
        }
        // "denied taking any banned substance": the act, not done, on the denier's word.
        if governor == "deny" && self.t[cur].xpos != Xpos::Vbn {
            d.negated = !d.negated;
            d.lemma_words.clear();
            return;
        }
        let folded = if VerbClass::Expecting.contains(&governor) {
            Some(Modality::Expected)
        } else if VerbClass::Planning.contains(&governor) {
            Some(Modality::Planned)
        } else if governor == "go" && passive_or_be(self, cur) {
            Some(Modality::Future)
        } else if VerbClass::Supposing.contains(&governor) && passive_or_be(self, cur) {
            Some(Modality::Possible)
        } else {
            None
        };
        match folded {
            Some(m) => {
                d.modality = m;
                d.lemma_words.clear();
                // Object control: "officials expect Kim to visit Moscow" is Kim visiting
                // Moscow, expected; the expecting itself is folded into the modality.
                let controllers: Vec<Node> = self
                    .kids_base(cur, Deprel::Obj)
                    .flat_map(|o| self.conjuncts(o))
                    .map(|o| self.node(o))
                    .collect();
                if !controllers.is_empty() {
                    d.subjects = controllers;
                    // What one party expects of another is on the expecter's word.
                    if m == Modality::Expected && d.vouched_by.is_none() {
                        d.vouched_by = Some(cur);
                    }
                }
            }
            None => {
                if d.copular && cur == d.p {
                    d.lemma_words.clear();
                    d.lemma_words.push(lemma(&self.t[d.p]));
                }
                d.lemma_words.push("to".into());
            }
        }
    }

    /// The folded verb `x` of an `xcomp` chain: its words join the relation, its voice is the
    /// clause's, its objects replace the governor's and its prepositional arguments add to them.
    fn xcomp_joins_relation(&self, d: &mut ClauseDraft, x: usize) {
        for c in self.children[x].iter().copied() {
            if matches!(self.rel(c).base(), Deprel::Mark | Deprel::Aux) {
                d.rel.push(c);
            }
        }
        if let Some(n) = self.negated(x) {
            d.negated = true;
            d.rel.push(n);
        }
        d.negated |= self.denied_by_no(x);
        d.rel.push(x);
        d.lemma_words.push(lemma(&self.t[x]));
        for c in self.particles(x) {
            d.rel.push(c);
            // Not the first word of an amount: "proved | up to 77 percent effective".
            if !self.in_amount(c) {
                d.lemma_words.push(lower(&self.t[c]));
            }
        }
        d.passive = self.children[x]
            .iter()
            .any(|&c| self.rel(c) == Deprel::AuxPass);
        let (q, a, acc) = self.obliques(x, d.passive);
        d.quals.extend(q);
        if a.is_some() {
            d.agent = a;
        }
        if acc.is_some() {
            d.according = acc;
        }
        d.objects.clear();
        for c in self.children[x].iter().copied() {
            match self.rel(c).base() {
                Deprel::Obj => {
                    for y in self.conjuncts(c) {
                        // "sacked the head of the central bank, Godwin Emefiele".
                        let y = self.object_name(y).unwrap_or(y);
                        d.objects.push(self.node(y));
                    }
                }
                Deprel::Iobj => d.quals.push(Qual {
                    role: Role::Recipient,
                    prep: Vec::new(),
                    node: self.node(c),
                }),
                Deprel::Xcomp if self.t[c].upos != Upos::Verb => {
                    self.complement_takes_its_preposition(d, c)
                }
                _ => {}
            }
        }
    }

    /// "fined Apple 1.8 billion euros": a penalty's indirect object is the one it falls on,
    /// the amount says how much ("cost the company $2 billion" alike).
    fn penalty_falls_on_indirect_object(&self, d: &mut ClauseDraft) {
        if d.objects.len() == 1
            && PENALISING.contains(&lemma(&self.t[d.cur]).as_str())
            && self.is_amount(d.objects[0].head)
        {
            if let Some(k) = d
                .quals
                .iter()
                .position(|q| q.role == Role::Recipient && q.prep.is_empty())
            {
                let who = d.quals.remove(k);
                let amount = std::mem::replace(&mut d.objects[0], who.node);
                d.quals.push(Qual {
                    role: Role::Other,
                    prep: Vec::new(),
                    node: amount,
                });
            }
        }
    }

    /// An adjective or participle predicated of the object joins the relation: "left rates
    /// unchanged on Wednesday" is "leave unchanged" rates, on Wednesday; "kept the crossing
    /// closed for a third day" is "keep closed" the crossing. Its own prepositional
    /// arguments are the clause's.
    fn secondary_predicate_joins_relation(&self, d: &mut ClauseDraft) {
        if let Some(x) = self.secondary_predicate(d.cur) {
            d.objects.retain(|o| o.head != x);
            if !d.objects.is_empty() || d.passive {
                d.rel.push(x);
                d.lemma_words.push(lower(&self.t[x]));
                d.quals.extend(self.obliques(x, false).0);
            }
        }
    }

    /// An adverb right after a verb without an object completes it: "have gone awry", "became
    /// longer", "was put higher", "will work together", "broke even". Without it the statement
    /// says only that they went, became or worked: nothing. Not a manner adverb in "-ly" (the
    /// verb says what happened without it: "rose sharply"), a time or a word that places the
    /// clause in time or discourse ([`CIRCUMSTANCE_ADVERBS`]).
    fn predicate_adverb_joins_relation(&self, d: &mut ClauseDraft) {
        if !d.objects.is_empty() || d.copular {
            return;
        }
        let cur = d.cur;
        let adverb = self.kids(cur, Deprel::Advmod).find(|&a| {
            let w = lower(&self.t[a]);
            a > cur
                && !d.rel.contains(&a)
                && (cur + 1..a).all(|i| d.rel.contains(&i))
                && matches!(self.t[a].xpos, Xpos::Rb | Xpos::Rbr | Xpos::Jj | Xpos::Jjr)
                && !w.ends_with("ly")
                && !CIRCUMSTANCE_ADVERBS.contains(&w.as_str())
                && !self.is_time(a)
                && self.children[a].is_empty()
                // (Not the first word of a preposition: "went ahead of Lemmy".)
                && self.t.get(a + 1).is_none_or(|n| n.upos != Upos::Adp)
        });
        if let Some(a) = adverb {
            d.rel.push(a);
            d.lemma_words.push(lower(&self.t[a]));
        }
    }

    /// The noun a relative clause modifies is its object when the clause has none of its own
    /// ("the deal that Kim signed").
    fn relative_head_fills_object(&self, d: &mut ClauseDraft) {
        if let Some(o) = d.relative_object.take() {
            if d.objects.is_empty() {
                d.objects.push(o);
            }
        }
    }

    /// A "ccomp" opened by "until", "because", "when" … is an adverbial clause the parser
    /// mislabelled ("would continue until management made an offer"): no object.
    pub(super) fn adverbial(&self, c: usize) -> bool {
        self.kids(c, Deprel::Mark)
            .any(|m| ADVERBIAL_MARKERS.contains(&lower(&self.t[m]).as_str()))
    }

    /// A clausal object: "X said that P", "suggests that Kim is seeking" (the surface only).
    fn clausal_object_read(&self, d: &mut ClauseDraft) {
        if !d.objects.is_empty() || d.copular {
            return;
        }
        if let Some(c) = self
            .kids_base(d.cur, Deprel::Ccomp)
            .find(|&c| !self.adverbial(c))
        {
            let tokens = self.span(c, &|_| false);
            d.objects.push(Node {
                head: c,
                tokens,
                resolved: None,
                written: None,
            });
            d.clausal_object = true;
            d.in_graph = false;
        }
    }

    /// Light verbs: "held talks with X" is "hold talks with" X; and a verb aimed at a target:
    /// "imposed sanctions on Russia" is "impose sanction on" Russia.
    fn light_verb_takes_its_noun(&self, d: &mut ClauseDraft) {
        let cur = d.cur;
        let verb = lemma(&self.t[cur]);
        let light = LIGHT_VERBS.contains(&verb.as_str());
        let targeting = TARGETING_VERBS.contains(&verb.as_str());
        if d.copular || d.objects.len() != 1 {
            return;
        }
        let o = d.objects[0].head;
        // A bare singular noun with a prepositional phrase of its own is the verb's support:
        // "claimed responsibility for the attack", "requires approval from the regulator".
        // (Not a verb's noun in -ing: "cut spending on fuel subsidies" cuts the spending.)
        let bare = self.t[o].xpos == Xpos::Nn
            && !lower(&self.t[o]).ends_with("ing")
            && self.children[o].iter().all(|&c| {
                matches!(self.rel(c), Deprel::Nmod | Deprel::Punct)
                    || (self.rel(c) == Deprel::Case && c < o)
            });
        // A noun that only carries the link to a named party: "took a stake in Litio Andino",
        // "owns 30 percent of Noordzee Waterstof", "violated the rights of Petar Dimitrov".
        let noun = lemma(&self.t[o]);
        let link_prepositions = LINK_NOUNS
            .iter()
            .find(|(n, _)| *n == noun)
            .map_or(&[][..], |(_, p)| *p);
        let link = !link_prepositions.is_empty();
        if !(light || targeting || bare || link) {
            return;
        }
        // A party named, or a person or group described with "the" for coreference to name
        // ("a stake in the Chilean company"; not "38 percent of the vote"), or a description in apposition with a name ("the rights of
        // investigative journalist Petar Dimitrov").
        let named = |c: usize| {
            let c = self.object_name(c).unwrap_or(c);
            matches!(
                self.entity_kind(c),
                Some(EntityType::Person | EntityType::Organization | EntityType::Place)
            ) || (self.t[c].upos == Upos::Noun
                && kg_nlp::gazetteer::gazetteer().is_agent_noun(&self.t[c].lemma.to_lowercase())
                && self
                    .kids(c, Deprel::Det)
                    .any(|d| lower(&self.t[d]) == "the"))
        };
        let pp = self
            .kids(o, Deprel::Nmod)
            .find(|&c| {
                let prep = self.prep_text(&self.preposition(c));
                let linked = link_prepositions.contains(&prep.as_str()) && named(c);
                // (Where it happened is no link: "signed an agreement in Tashkent".)
                let place = matches!(prep.as_str(), "in" | "at" | "near" | "outside")
                    && self.entity_kind(c) == Some(EntityType::Place)
                    && !linked;
                !prep.is_empty()
                    && (prep != "of" || linked)
                    && !place
                    && !self.is_time(c)
                    && (light
                        || (targeting && TARGET_PREPOSITIONS.contains(&prep.as_str()))
                        || (bare && SUPPORT_PREPOSITIONS.contains(&prep.as_str()))
                        || linked)
            })
            // Or hung on the verb right after the object: "imposed sanctions | on Russia",
            // "filed a lawsuit | against Google", "set fire | to three tankers".
            .or_else(|| {
                if !(light || targeting || bare || link) {
                    return None;
                }
                let end = *d.objects[0].tokens.last()?;
                self.kids_base(cur, Deprel::Obl).find(|&c| {
                    let prep = self.preposition(c);
                    let ptext = self.prep_text(&prep);
                    prep.first() == Some(&(end + 1))
                        && (((light || targeting) && TARGET_PREPOSITIONS.contains(&ptext.as_str()))
                            || (bare && SUPPORT_PREPOSITIONS.contains(&ptext.as_str()))
                            || (link && link_prepositions.contains(&ptext.as_str()) && named(c)))
                        && !self.is_time(c)
                })
            });
        if let (Some(pp), Upos::Noun) = (pp, self.t[o].upos) {
            let prep = self.preposition(pp);
            let ptext = self.prep_text(&prep);
            // (A link noun also with its number or owner: "30 percent of", "its headquarters
            // in".)
            let few_modifiers = self.children[o].iter().all(|&c| {
                c == pp
                    || matches!(
                        self.rel(c).base(),
                        Deprel::Det | Deprel::Amod | Deprel::Compound
                    )
                    || (link
                        && (self.rel(c).base() == Deprel::Nummod
                            || (self.rel(c) == Deprel::NmodPoss
                                && self.t[c].xpos == Xpos::PrpDollar)))
            });
            if few_modifiers {
                // (Hung on the verb, the phrase was a qualifier: it is the object now.)
                d.quals.retain(|q| q.node.head != pp);
                d.rel.extend(
                    d.objects[0]
                        .tokens
                        .iter()
                        .copied()
                        .filter(|&i| !self.dominates(pp, i)),
                );
                d.rel.extend(prep.iter().copied());
                d.lemma_words.push(lemma(&self.t[o]));
                d.lemma_words.push(ptext);
                // (Each conjunct of it: "needs approval from the central bank and regulators
                // in Accra".)
                d.objects = self
                    .conjuncts(pp)
                    .into_iter()
                    .map(|x| {
                        let case = self.preposition(x);
                        let mut target = self.node(x);
                        target
                            .tokens
                            .retain(|i| !prep.contains(i) && !case.contains(i));
                        target
                    })
                    .collect();
            }
        }
    }

    /// "The judges called the book 'a quiet masterpiece'": what the book is, on the judges'
    /// word ((the book) be (a quiet masterpiece), source the judges); "called the strike
    /// 'disproportionate'": (the strike) be disproportionate. The second noun phrase is the
    /// parser's complement, a second object, or an adjective it hung on the object.
    fn calling_is_the_callers_word(&self, d: &mut ClauseDraft) {
        let v = d.cur;
        let making = lemma(&self.t[v]) == "make";
        if d.copular || d.passive || !(CALLING.contains(&lemma(&self.t[v]).as_str()) || making) {
            return;
        }
        let Some(o) = self.kids_base(v, Deprel::Obj).next() else {
            return;
        };
        let complement = self
            .kids(v, Deprel::Xcomp)
            .find(|&c| matches!(self.t[c].upos, Upos::Noun | Upos::Propn | Upos::Adj))
            .or_else(|| self.kids_base(v, Deprel::Obj).find(|&c| c > o))
            .or_else(|| {
                self.kids(o, Deprel::Amod)
                    .find(|&a| a > o && self.t[a].upos == Upos::Adj)
            });
        let Some(c) = complement else {
            return;
        };
        // "making the company the first private firm to …": what the act made the object is
        // what it is (no one's word); only a definite or ranked complement, not a thing made
        // for someone ("made him an offer").
        let ranked = self.children[c].iter().any(|&k| {
            lower(&self.t[k]) == "the"
                || matches!(self.t[k].xpos, Xpos::Jjs)
                || matches!(lower(&self.t[k]).as_str(), "first" | "last" | "only")
        });
        if making && !(ranked && self.t[c].upos != Upos::Adj) {
            return;
        }
        let Some(caller) = d.subjects.first().cloned() else {
            return;
        };
        let mut what = self.node(o);
        what.tokens.retain(|&i| !self.dominates(c, i));
        d.subjects = vec![what];
        if !making {
            d.according = Some(caller);
        }
        d.rel = vec![v];
        d.lemma_words = vec!["be".into()];
        d.objects.clear();
        if self.t[c].upos == Upos::Adj {
            d.rel.push(c);
            d.lemma_words.push(lower(&self.t[c]));
        } else {
            d.objects.push(self.node(c));
        }
    }

    /// "Kim and Putin met": a symmetric verb relates its coordinated subjects to each other.
    fn symmetric_verb_relates_subjects(&self, d: &mut ClauseDraft) {
        d.symmetric = !d.copular
            && SYMMETRIC.contains(&lemma(&self.t[d.cur]).as_str())
            && d.subjects.len() >= 2;
    }

    /// What someone promised or denied doing is on their own word: "Salazar has promised to
    /// build a new airport", "Woldemichael denied taking any banned substance" (the act, negated).
    fn promise_is_the_promisers_word(&self, d: &mut ClauseDraft) {
        if d.attribution.is_none() {
            // ("promised to review the permits and to appoint a deputy": the second act too.)
            let shared = || {
                let h = self.t[d.p].head.filter(|_| self.rel(d.p) == Deprel::Conj)?;
                let g = self.t[h]
                    .head
                    .filter(|_| self.rel(h).base() == Deprel::Xcomp)?;
                VerbClass::Vouching
                    .contains(&lemma(&self.t[g]))
                    .then_some(g)
            };
            d.attribution = d.vouched_by.or_else(shared).and_then(|g| self.speaker(g));
        }
    }

    /// An accusation is the accuser's claim ("Ukraine accused Russia of blowing up the dam");
    /// one without an accuser named ("X was accused of …") is no one's, so not stated.
    fn accusation_is_the_accusers_claim(&self, d: &mut ClauseDraft) {
        if let Some((g, _)) = self.accused_act(d.p) {
            if lemma(&self.t[g]) != "convict" && d.attribution.is_none() {
                let passive = self.children[g]
                    .iter()
                    .any(|&c| self.rel(c).marks_passive());
                d.attribution = if passive {
                    self.children[g]
                        .iter()
                        .copied()
                        .find(|&c| self.rel(c) == Deprel::OblAgent)
                        .map(|a| self.node(a))
                } else {
                    self.own_subjects(g).into_iter().next()
                };
                if d.attribution.is_none() {
                    d.modality = Modality::Possible;
                }
            }
        }
    }

    /// "The ministry said it had detected …", "Police said they arrested …": the pronoun
    /// subject of a clause a saying verb reports is its source ("according to video, it was
    /// met by …" is not).
    /// The pronoun keeps its words (the OpenIE reading says "it").
    fn pronoun_subject_is_its_source(&self, d: &mut ClauseDraft) {
        let said = d.according.is_none();
        if let (true, Some(source), [subject]) = (said, &d.attribution, d.subjects.as_slice()) {
            if self.pronoun_is_source(d.p, subject, source) {
                d.subjects = vec![Node {
                    written: Some(subject.tokens.clone()),
                    ..source.clone()
                }];
            }
        }
    }

    /// Denied on the source's word: "X denied that troops had shelled it".
    fn denial_reported(&self, d: &mut ClauseDraft) {
        if self.denied(d.p) {
            d.negated = !d.negated;
        }
    }

    /// What someone suspects, fears or hopes is possible, on their word ("police suspect the
    /// fire was started deliberately"); what they expect is expected.
    fn hedge_reported(&self, d: &mut ClauseDraft) {
        if d.modality != Modality::Asserted || d.attribution.is_none() || d.according.is_some() {
            return;
        }
        let Some((_, verb)) = self.reported_by(d.p) else {
            return;
        };
        let verb = lemma(&self.t[verb]);
        if super::attribution::HEDGING.contains(&verb.as_str()) {
            d.modality = Modality::Possible;
        } else if verb == "expect" {
            d.modality = Modality::Expected;
        }
    }

    /// What a verb of saying or finding reports is a fact about the text, kept for the surface:
    /// its clausal object, and whom it was told ("told the summit that …"); so are the asking
    /// for an act and the accusing of one, which are the act's source ("urged residents | to
    /// stay", "accused Russia | of blowing up the dam"; a conviction is a fact).
    fn reported_clause_kept_out_of_graph(&self, d: &mut ClauseDraft) {
        let cur = d.cur;
        let says = reports(&lemma(&self.t[cur]));
        let controllers = self.controllers(cur);
        let accuses = self.children[cur]
            .iter()
            .chain(controllers.iter().flat_map(|&o| self.children[o].iter()))
            .any(|&x| {
                self.accused_act(x)
                    .is_some_and(|(g, _)| g == cur && lemma(&self.t[g]) != "convict")
            });
        if says && (d.clausal_object || self.kids_base(cur, Deprel::Ccomp).next().is_some())
            || self.asks_for_an_act(cur)
            || accuses
        {
            d.in_graph = false;
        }
    }

    /// "Ending a game, …": the inherited subject of an opening participle is a guess;
    /// keep it out of the graph. One after its clause is that clause's subject acting
    /// again: "A car bomb exploded …, killing at least seven people".
    /// Only a participle set off by a comma or opened by a word of time or means
    /// ("after crossing into Russia", "by closing plants", "arrested for using illegal nets");
    /// not one a noun or adjective governs ("focused on expanding cooperation", "showed Kim walking past").
    fn participle_after_its_clause_acts_again(&self, d: &mut ClauseDraft) {
        let p = d.p;
        if !(self.rel(p) == Deprel::Advcl
            && self.t[p].xpos == Xpos::Vbg
            && self.accused_act(p).is_none())
        {
            return;
        }
        let opening = self.t[p].head.is_some_and(|h| p < h);
        let start = self.words_start(p);
        let opener = self.children[p]
            .iter()
            .filter(|&&c| c < p && matches!(self.rel(c).base(), Deprel::Mark | Deprel::Case))
            .map(|&c| lower(&self.t[c]))
            .next();
        // (A means or cause only of a verb, "by" and "without" not after a passive: "can be
        // obtained by clicking" names no one who clicks; "calling for donating" asks.)
        let governor = self.t[p]
            .head
            .filter(|&h| self.t[h].upos == Upos::Verb && lemma(&self.t[h]) != "call");
        let passive = governor.is_some_and(|h| {
            self.children[h]
                .iter()
                .any(|&c| self.rel(c).marks_passive())
        });
        let set_off = match opener.as_deref() {
            Some(w) => {
                matches!(w, "after" | "before" | "while" | "upon")
                    || (governor.is_some()
                        && (w == "for" || (!passive && matches!(w, "by" | "without"))))
            }
            // (With an object of its own, "…, killing at least seven people"; not after an
            // adjective, "their separate, intensifying confrontations".)
            None => {
                start > 1
                    && self.t[start - 1].form == ","
                    && self.t[start - 2].upos != Upos::Adj
                    && self.kids_base(p, Deprel::Obj).next().is_some()
            }
        };
        if d.inherited && (opening || !set_off) {
            d.in_graph = false;
        }
        // "went without buying food": not bought.
        if opener.as_deref() == Some("without") {
            d.negated = !d.negated;
        }
    }

    /// The parenthetical "…, the Kremlin said on Friday" only reports (also where the parser
    /// made it the root, or hung it inside the clause it reports).
    fn parenthetical_only_reports(&self, d: &mut ClauseDraft) {
        let p = d.p;
        if matches!(
            self.rel(p).base(),
            Deprel::Ccomp | Deprel::Parataxis | Deprel::Advcl | Deprel::Acl | Deprel::Dep
        ) && self.said_after(p)
            || self.final_report_verb() == Some(p)
        {
            d.in_graph = false;
        }
    }

    /// "flew to Berlin, where he met Scholz": the place "where" stands for is the clause's
    /// (also "in 2019, when …" for a time).
    fn where_or_when_gives_place_or_time(&self, d: &mut ClauseDraft) {
        if let Some(q) = self.where_or_when(d.p) {
            d.quals.push(q);
        }
    }

    /// "protests in which 20 people were killed": the relative word after a preposition is
    /// the noun it stands for, in the role that noun gives the phrase; the OpenIE reading
    /// keeps "which".
    fn relative_word_after_preposition_resolved(&self, d: &mut ClauseDraft) {
        if let Some((w, h)) = d.relative_oblique {
            for q in d.quals.iter_mut().filter(|q| q.node.head == w) {
                let ptext = self.prep_text(&q.prep);
                q.role = self.role(&ptext, h);
                q.node = Node {
                    written: Some(q.node.tokens.clone()),
                    ..self.node(h)
                };
            }
        }
    }

    /// The clause with its relation words and qualifiers in sentence order.
    fn finished(&self, d: ClauseDraft) -> Clause {
        let mut rel = d.rel;
        rel.sort_unstable();
        rel.dedup();
        let mut quals = d.quals;
        quals.sort_by_key(|q| q.node.tokens.first().copied().unwrap_or(q.node.head));
        Clause {
            origin: if d.copular {
                Origin::Copula
            } else {
                Origin::Verb
            },
            pred: d.p,
            subjects: d.subjects,
            subject_inherited: d.inherited,
            rel,
            rel_synthetic: None,
            lemma: d.lemma_words.join(" "),
            objects: d.objects,
            clausal_object: d.clausal_object,
            quals,
            agent: d.agent,
            passive: d.passive,
            negated: d.negated,
            modality: d.modality,
            attribution: d.attribution,
            in_graph: d.in_graph,
            symmetric: d.symmetric,
        }
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
            .any(|&c| self.rel(c).marks_passive());
        let agent = self.children[v].iter().any(|&c| {
            self.rel(c) == Deprel::OblAgent
                || (self.rel(c).base() == Deprel::Obl
                    && self.prep_text(&self.preposition(c)) == "by")
        });
        if !(passive && agent) {
            self.kids(v, Deprel::Obj).next()?;
        }
        self.kids(v, Deprel::Xcomp).find(|&x| {
            let t = &self.t[x];
            let agent = self.kids_base(x, Deprel::Obl).any(|o| {
                self.rel(o) == Deprel::OblAgent || self.prep_text(&self.preposition(o)) == "by"
            });
            (t.upos == Upos::Adj || (t.upos == Upos::Verb && t.xpos == Xpos::Vbn))
                && self.kids(x, Deprel::Obj).next().is_none()
                && self.kids(x, Deprel::Mark).next().is_none()
                && !agent
        })
    }

    /// The particles of a phrasal verb: its `compound:prt` dependents, and an adverb such as
    /// "down" right after it that the parser took for a modifier ("will step down").
    fn particles(&self, v: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.kids(v, Deprel::CompoundPrt).collect();
        if let Some(a) = self.kids(v, Deprel::Advmod).find(|&a| {
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
}

fn passive_or_be(v: &View, i: usize) -> bool {
    v.children[i]
        .iter()
        .any(|&c| matches!(v.rel(c).base(), Deprel::Aux) && lemma(&v.t[c]) == "be")
}
