//! The clause of a verb or copula: which tokens head a clause, and the rules that read one off
//! the tree, in order (subjects, passives, relative words, modality, objects, the `xcomp` chain,
//! secondary predicates, light verbs, attribution). Appositions, possessives and meeting nouns
//! are in [`super::nominal_clauses`].

use super::attribution::reports;
use super::control::REQUESTING;
use super::{base, lemma, lower, Clause, Node, Origin, Qual, View};
use crate::doc::Upos;
use crate::statement::{Modality, Role};

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

/// Subordinators that open adverbial clauses, never objects.
const ADVERBIAL_MARKERS: [&str; 12] = [
    "until", "till", "because", "when", "after", "before", "while", "since", "although", "though",
    "unless", "once",
];

impl View<'_> {
    /// Whether `i` heads a clause of its own.
    pub(super) fn is_predicate(&self, i: usize) -> bool {
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

    /// The clause of predicate `p`, with its `xcomp` chain folded in.
    pub(super) fn clause(&self, p: usize) -> Option<Clause> {
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
}

fn passive_or_be(v: &View, i: usize) -> bool {
    v.children[i]
        .iter()
        .any(|&c| matches!(base(v.rel(c)), "aux") && lemma(&v.t[c]) == "be")
}
